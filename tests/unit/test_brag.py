"""BRAG statuses from the free text of real plans (seed 001, Appendix B)."""

import pytest

from yjs.domain import brag


@pytest.mark.parametrize(
    "text,status",
    [
        ("Completed Nov", "Blue"),
        ("complete", "Blue"),
        ("On track for March", "Green"),
        ("Delayed by recruitment", "Amber"),
        ("Off track", "Red"),
        ("Overdue", "Red"),
        ("To be completed in April 2024", None),
        ("workshops delivered by Feb 2024 – YJB Training rollout May 24", None),
        ("In progress", None),
        ("Oct 2023", None),
        ("Planned for April 24", None),
        ("", None),
        (None, None),
    ],
)
def test_status_from_text_maps_only_clear_wording(text, status):
    assert brag.status_from_text(text) == status


@pytest.mark.parametrize("text,status", [("blue", "Blue"), ("R", "Red"), (" Green ", "Green"), ("a", "Amber")])
def test_status_names_and_initials(text, status):
    assert brag.normalise_status(text) == status


def test_unknown_status_is_an_error():
    with pytest.raises(ValueError, match="not a BRAG status"):
        brag.normalise_status("Purple")
