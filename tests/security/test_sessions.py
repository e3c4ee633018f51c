"""Finding 6: a new session at every sign-in and sign-out, Secure cookies over https, staff sessions end when idle."""

from datetime import timedelta

import pytest
from nicegui.testing import User

from core import clock
from core.config import reload_settings, settings
from core.providers.models import ProviderStatus
from tests.factories import make_provider
from tests.pages.helpers import PASSWORD, make_account, sign_in_admin, sign_in_provider, wait_for_path
from tests.security.browser import copy_cookies, other_browser


async def _status(cookies, path: str) -> int:
    async with other_browser(cookies) as browser:
        return (await browser.get(path, follow_redirects=False)).status_code


async def test_an_admin_cookie_planted_before_sign_in_is_worth_nothing_after_it(user: User, session):
    account = make_account(session)
    await user.open("/login")
    planted = copy_cookies(user)  # what an attacker got from the same page, and slipped into the victim's browser
    user.find(marker="login-email").type(account.email)
    user.find(marker="login-password").type(PASSWORD)
    user.find(marker="login-submit").click()
    await user.should_see(marker="kpi-requests", retries=100)
    assert (await user.http_client.get("/admin", follow_redirects=False)).status_code == 200
    assert await _status(planted, "/admin") == 303


async def test_a_provider_cookie_planted_before_sign_in_is_worth_nothing_after_it(user: User, session):
    provider = make_provider(session)
    await user.open("/provider/login")
    planted = copy_cookies(user)
    await sign_in_provider(user, session, provider)
    assert (await user.http_client.get("/provider", follow_redirects=False)).status_code == 200
    assert await _status(planted, "/provider") == 303


async def test_a_copied_admin_cookie_dies_at_sign_out_and_stays_dead_after_the_next_sign_in(user: User, session):
    await sign_in_admin(user, session)
    stolen = copy_cookies(user)
    assert await _status(stolen, "/admin") == 200
    user.find(marker="logout").click()
    await wait_for_path(user, "/login")
    assert await _status(stolen, "/admin") == 303
    await user.open("/login")
    user.find(marker="login-email").type("admin@djobea.cm")
    user.find(marker="login-password").type(PASSWORD)
    user.find(marker="login-submit").click()
    await user.should_see(marker="kpi-requests", retries=100)
    assert await _status(stolen, "/admin") == 303


async def test_a_copied_provider_cookie_dies_at_sign_out(user: User, session):
    provider = make_provider(session)
    await sign_in_provider(user, session, provider)
    stolen = copy_cookies(user)
    user.find(marker="logout").click()
    await wait_for_path(user, "/provider/login")
    assert await _status(stolen, "/provider") == 303
    await sign_in_provider(user, session, provider)
    assert await _status(stolen, "/provider") == 303


@pytest.fixture
def https(monkeypatch):
    """The public address is https (set before the app starts)."""
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://djobea.example.cm")
    reload_settings()
    yield
    monkeypatch.undo()
    reload_settings()


async def test_cookies_are_secure_and_http_only_when_the_public_address_is_https(https, user: User, session):
    user.http_client.base_url = "https://test"
    await sign_in_admin(user, session)
    cookies = {c.name: c for c in user.http_client.cookies.jar}
    assert cookies, "no cookie was set"
    for name, cookie in cookies.items():
        assert cookie.secure, f"{name} is not Secure"
    signed_in = [c for c in cookies.values() if c.has_nonstandard_attr("HttpOnly") and "admin" in c.name]
    assert signed_in, "the sign-in cookie must be HttpOnly"


async def test_cookies_are_not_secure_on_plain_http_for_local_use(user: User, session):
    await sign_in_admin(user, session)
    assert not [c.name for c in user.http_client.cookies.jar if c.secure]


async def test_a_staff_session_ends_after_the_idle_time_and_activity_keeps_it(user: User, session):
    await sign_in_admin(user, session)
    idle = timedelta(minutes=settings.staff_idle_minutes)
    clock.advance(idle * 0.7)
    assert (await user.http_client.get("/admin", follow_redirects=False)).status_code == 200
    clock.advance(idle * 0.7)  # 1.4 idle times since sign-in, but only 0.7 since the last page
    assert (await user.http_client.get("/admin", follow_redirects=False)).status_code == 200
    clock.advance(idle + timedelta(minutes=1))
    response = await user.http_client.get("/admin", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")


async def test_a_provider_stays_signed_in_on_the_phone_for_days(user: User, session):
    provider = make_provider(session)
    await sign_in_provider(user, session, provider)
    clock.advance(timedelta(days=3))
    assert (await user.http_client.get("/provider", follow_redirects=False)).status_code == 200


def test_the_sign_in_ticket_works_once_in_the_same_browser_within_a_minute(session):
    from core.auth import sessions

    account = make_account(session)
    ticket = sessions.start(session=session, who=account, browser="browser-a")
    session.commit()
    assert sessions.redeem(session=session, ticket=ticket, browser="browser-b") is None  # a link sent to someone else
    assert sessions.redeem(session=session, ticket=ticket, browser="browser-a") is None  # and it is spent
    late = sessions.start(session=session, who=account, browser="browser-a")
    session.commit()
    clock.advance(timedelta(minutes=2))
    assert sessions.redeem(session=session, ticket=late, browser="browser-a") is None
    fresh = sessions.start(session=session, who=account, browser="browser-a")
    session.commit()
    kind, token = sessions.redeem(session=session, ticket=fresh, browser="browser-a")
    session.commit()
    assert kind == "admin" and sessions.resolve(session=session, kind="admin", token=token).id == account.id
    assert sessions.redeem(session=session, ticket=fresh, browser="browser-a") is None


async def test_the_ticket_link_alone_signs_nobody_in(user: User, session):
    from core.auth import sessions

    account = make_account(session)
    ticket = sessions.start(session=session, who=account, browser="the-real-admins-browser")
    session.commit()
    response = await user.http_client.get(f"/auth/session?ticket={ticket}", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login"
    assert (await user.http_client.get("/admin", follow_redirects=False)).status_code == 303


def test_a_deactivated_account_or_suspended_provider_stays_signed_out_once_allowed_back(session):
    from core.auth import sessions
    from core.auth.service import set_active
    from core.providers.profiles import set_status
    from tests.factories import signed_in

    boss, aline = make_account(session, email="boss@djobea.cm"), make_account(session, email="aline@djobea.cm")
    provider = make_provider(session)
    staff_token, provider_token = signed_in(session, aline), signed_in(session, provider)
    set_active(session=session, account_id=aline.id, active=False, actor=boss)
    set_status(session=session, provider=provider, status=ProviderStatus.SUSPENDED, actor="boss@djobea.cm")
    session.commit()
    set_active(session=session, account_id=aline.id, active=True, actor=boss)
    set_status(session=session, provider=provider, status=ProviderStatus.ACTIVE, actor="boss@djobea.cm")
    session.commit()
    assert sessions.resolve(session=session, kind="admin", token=staff_token) is None
    assert sessions.resolve(session=session, kind="provider", token=provider_token) is None
