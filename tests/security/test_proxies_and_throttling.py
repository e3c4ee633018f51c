"""Finding 7: forwarded-for headers count only from configured proxies; sign-in throttling keys on that address,
and a stranger cannot keep an admin locked out (a growing delay per account and address, no lock for everyone)."""

from datetime import timedelta

import pytest
from starlette.requests import Request

from core import clock
from core.auth.login import authenticate
from core.config import reload_settings
from core.security.clients import client_address
from tests.pages.helpers import PASSWORD, make_account


@pytest.fixture
def proxies(monkeypatch):
    """Set TRUSTED_PROXIES (and FORWARDED_HEADER) for one test."""
    def configure(value: str, header: str = "") -> None:
        monkeypatch.setenv("TRUSTED_PROXIES", value)
        if header:
            monkeypatch.setenv("FORWARDED_HEADER", header)
        reload_settings()

    yield configure
    monkeypatch.undo()
    reload_settings()


def _scope(peer: str | None, *headers: tuple[str, str]) -> dict:
    return {"type": "http", "method": "GET", "path": "/", "query_string": b"", "client": (peer, 4000) if peer else None,
            "headers": [(k.lower().encode(), v.encode()) for k, v in headers]}


def test_without_trusted_proxies_forwarded_headers_are_ignored(proxies):
    proxies("")
    scope = _scope("198.51.100.7", ("X-Forwarded-For", "203.0.113.9"), ("Forwarded", "for=203.0.113.10"))
    assert client_address(scope) == "198.51.100.7"
    assert client_address(Request(scope)) == "198.51.100.7"


def test_a_stranger_cannot_claim_an_address_by_sending_the_header(proxies):
    proxies("10.0.0.0/8")
    assert client_address(_scope("198.51.100.7", ("X-Forwarded-For", "203.0.113.9"))) == "198.51.100.7"


def test_behind_a_trusted_proxy_the_right_most_untrusted_hop_is_the_client(proxies):
    proxies("10.0.0.0/8, 192.0.2.1")
    # The visitor wrote "1.2.3.4" themselves; the proxies appended what they saw, right-most last.
    scope = _scope("10.0.0.5", ("X-Forwarded-For", "1.2.3.4, 203.0.113.9"), ("X-Forwarded-For", "192.0.2.1"))
    assert client_address(scope) == "203.0.113.9"
    assert client_address(Request(scope)) == "203.0.113.9"
    assert client_address(_scope("10.0.0.5")) == "10.0.0.5"  # no header: the proxy's own address
    assert client_address(_scope("10.0.0.5", ("X-Forwarded-For", "10.0.0.9, 10.1.1.1"))) == "10.0.0.9"


def test_the_forwarded_header_is_read_when_configured(proxies):
    proxies("127.0.0.1", header="forwarded")
    scope = _scope("127.0.0.1", ("Forwarded", 'for=1.2.3.4, for="[2001:db8::17]:4711";proto=https'),
                   ("X-Forwarded-For", "203.0.113.77"))
    assert client_address(scope) == "2001:db8::17"
    proxies("127.0.0.1", header="x-forwarded-for")
    assert client_address(scope) == "203.0.113.77"


def test_ipv4_mapped_peers_and_missing_peers(proxies):
    proxies("192.0.2.1")
    assert client_address(_scope("::ffff:192.0.2.1", ("X-Forwarded-For", "203.0.113.5"))) == "203.0.113.5"
    assert client_address(_scope(None, ("X-Forwarded-For", "203.0.113.5"))) == ""


def test_a_bad_proxy_setting_is_refused_at_start(proxies):
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="TRUSTED_PROXIES"):
        proxies("10.0.0.0/33")


def test_the_server_does_not_rewrite_the_peer_itself(monkeypatch):
    """uvicorn's own proxy handling is off: TRUSTED_PROXIES alone decides whom to believe."""
    import runpy
    from pathlib import Path

    import uvicorn
    from nicegui import ui
    from nicegui.testing.general import nicegui_reset_globals

    given: dict = {}
    with nicegui_reset_globals():
        monkeypatch.setattr(ui, "run", lambda *args, **kwargs: given.update(kwargs))
        runpy.run_path(str(Path(__file__).resolve().parents[2] / "main.py"), run_name="__main__")
    assert given["proxy_headers"] is False
    config = uvicorn.Config(lambda scope, receive, send: None, proxy_headers=given["proxy_headers"])
    config.load()
    assert "ProxyHeaders" not in type(config.loaded_app).__name__


def test_sign_in_throttling_keys_on_the_trusted_address(session):
    make_account(session, email="boss@djobea.cm")
    for _ in range(5):
        authenticate(session=session, email="boss@djobea.cm", password="wrong-password", ip="203.0.113.9")
        session.commit()
    refused = authenticate(session=session, email="boss@djobea.cm", password=PASSWORD, ip="203.0.113.9")
    assert refused.account is None and refused.wait_seconds > 0
    # The real admin, from another address, signs in at once: the stranger did not lock the account.
    mine = authenticate(session=session, email="boss@djobea.cm", password=PASSWORD, ip="198.51.100.20")
    assert mine.account is not None


def test_the_delay_grows_with_each_failure_and_ends(session):
    make_account(session, email="boss@djobea.cm")
    waits = []
    for _ in range(8):
        outcome = authenticate(session=session, email="boss@djobea.cm", password="nope-nope", ip="203.0.113.9")
        session.commit()
        waits.append(outcome.wait_seconds)
        clock.advance(timedelta(seconds=outcome.wait_seconds))  # the stranger waits out each delay, then tries
    assert waits[:4] == [0, 0, 0, 0]
    assert waits[4] > 0 and waits[5] > waits[4] and waits[6] > waits[5]
    clock.advance(timedelta(hours=2))
    assert authenticate(session=session, email="boss@djobea.cm", password=PASSWORD, ip="203.0.113.9").account


def test_the_account_is_never_locked_for_everyone(session):
    account = make_account(session, email="boss@djobea.cm")
    for index in range(30):
        authenticate(session=session, email="boss@djobea.cm", password="wrong", ip=f"203.0.113.{index}")
        session.commit()
    session.refresh(account)
    assert account.locked_until is None
    assert authenticate(session=session, email="boss@djobea.cm", password=PASSWORD, ip="198.51.100.20").account


def test_one_address_guessing_many_accounts_is_slowed_down(session):
    for index in range(3):
        make_account(session, email=f"m{index}@djobea.cm", role="operator")
    for index in range(25):
        authenticate(session=session, email=f"nobody{index}@djobea.cm", password="wrong", ip="203.0.113.9")
        session.commit()
    assert authenticate(session=session, email="m0@djobea.cm", password=PASSWORD, ip="203.0.113.9").account is None
    assert authenticate(session=session, email="m0@djobea.cm", password=PASSWORD, ip="198.51.100.20").account
