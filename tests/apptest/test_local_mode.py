"""Local mode, safe by default: no login means this machine only, unless unauthenticated networking is chosen."""

from pathlib import Path

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from tests.support.apptest import log_in, roles_file
from yjs.app.auth import NETWORK_OPT_IN, is_loopback

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def server_address():
    """Serve (as far as the app can tell) on another address, as `--server.address` would."""
    before = config.get_option("server.address")

    def set_address(address):
        config.set_option("server.address", address)

    yield set_address
    config.set_option("server.address", before)


@pytest.mark.parametrize(
    "address, loopback",
    [("127.0.0.1", True), ("127.8.0.1", True), ("localhost", True), ("::1", True), ("[::1]", True), ("0.0.0.0", False),
     ("", False), (None, False), ("192.168.1.20", False), ("insight.council.gov.uk", False)],
)  # fmt: skip
def test_only_loopback_addresses_count_as_this_machine(address, loopback):
    assert is_loopback(address) is loopback


@pytest.mark.parametrize("address", ["0.0.0.0", "", "192.168.1.20"])
def test_without_login_a_network_address_is_refused_naming_the_setting(real_db, use_db, server_address, address):
    use_db(real_db)
    server_address(address)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception, at.exception
    [refusal] = [e.value for e in at.error]
    assert "will not serve the network without login" in refusal and NETWORK_OPT_IN in refusal
    assert not at.sidebar.caption and not at.dataframe and not at.button  # no menu, no data, no log-out
    with pytest.raises(ValueError):
        at.switch_page("pages/load.py")


def test_the_explicit_opt_in_serves_the_network_and_says_so(real_db, use_db, server_address, monkeypatch):
    use_db(real_db)
    server_address("0.0.0.0")
    monkeypatch.setenv(NETWORK_OPT_IN, "1")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception and not at.error
    assert "on the network, without login" in " ".join(c.value for c in at.sidebar.caption)


def test_with_login_configured_a_network_address_gets_the_login_screen(real_db, use_db, server_address, tmp_path):
    use_db(real_db)
    server_address("0.0.0.0")
    at = log_in(AppTest.from_file(str(ROOT / "app.py"), default_timeout=60), None, roles_file(tmp_path, {}))
    at.run()
    assert [b.label for b in at.button] == ["Log in"] and not at.error


def test_on_this_machine_the_local_editor_is_told_typed_names_are_unverified(real_db, use_db):
    use_db(real_db)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    caption = " ".join(c.value for c in at.sidebar.caption)
    assert "Local single-user mode" in caption and "typed and unverified" in caption and "network" not in caption
