"""About the data counts children's records as every count of them is counted: perturbed by the cell key method."""

from tests.support.perturbation import ons_figure, rows_of, stored_ptable
from yjs.data import about as about_data
from yjs.data.db import Database


def test_the_cohort_rows_on_about_the_data_are_onss_perturbed_figure(noisy_db):
    database = Database(noisy_db)
    try:
        frame = about_data.figures_by_dataset(database.query)
    finally:
        database.close()
    cohort = frame[frame["dataset"] == "cohort"].set_index("is_demo")["rows"]
    children = rows_of(noisy_db, "SELECT c.record_key FROM cohort c JOIN areas a ON a.name = c.area WHERE a.is_demo")
    expected = ons_figure(children, stored_ptable(noisy_db))
    assert expected != len(children), "the fixture's table moves this count, so the test can tell"
    assert cohort[True] == expected
