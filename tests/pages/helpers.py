"""Sign-in helpers for page tests: through the real login pages, as a person would."""

import re

from nicegui.testing import User
from sqlmodel import Session, select

from core.auth.models import Account
from core.auth.service import create_account
from core.messaging.models import OutboxMessage
from core.providers.models import Provider
from core.security.sealed import unseal

PASSWORD = "a-long-test-password"


def make_account(session: Session, *, role: str = "admin", email: str | None = None) -> Account:
    """Create an admin or operator account with PASSWORD."""
    account = create_account(session=session, email=email or f"{role}@djobea.cm", password=PASSWORD, role=role,
                             name=role.title())
    session.commit()
    return account


async def sign_in_admin(user: User, session: Session, *, role: str = "admin", email: str | None = None) -> Account:
    """Create an account and sign in with it on /login."""
    account = make_account(session, role=role, email=email)
    await user.open("/login")
    user.find(marker="login-email").type(account.email)
    user.find(marker="login-password").type(PASSWORD)
    user.find(marker="login-submit").click()
    await user.should_see(marker="kpi-requests", retries=100)  # the dashboard, once signed in
    return account


def last_code(session: Session) -> str:
    """Return the six digits of the newest login code sent (as the provider reads it on WhatsApp)."""
    # A short session of its own: on SQLite an open transaction holds the write lock the app needs.
    with Session(session.get_bind()) as reader:
        sealed = reader.exec(select(OutboxMessage.sealed).where(OutboxMessage.kind == "code")
                             .order_by(OutboxMessage.id.desc())).first()
    assert sealed is not None, "no code was sent"
    return re.search(r"\b(\d{6})\b", unseal(sealed)).group(1)


async def sign_in_provider(user: User, session: Session, provider: Provider) -> None:
    """Sign in on /provider/login with the phone number and the code from the outbox."""
    await user.open("/provider/login")
    user.find(marker="otp-phone").type(provider.phone)
    user.find(marker="otp-request").click()
    await user.should_see(marker="otp-submit", retries=100)
    user.find(marker="otp-code").type(last_code(session))
    user.find(marker="otp-submit").click()
    await user.should_see(marker="offers", retries=100)  # the portal, once signed in


def text_of(user: User, marker: str) -> str:
    """Return the text of the one element with this marker."""
    elements = user.find(marker=marker).elements
    assert len(elements) == 1, f"{len(elements)} elements marked {marker}"
    return next(iter(elements)).text


async def wait_for_path(user: User, fragment: str, tries: int = 100) -> str:
    """Wait until the simulated browser navigated to a path containing fragment; return that path."""
    import asyncio

    for _ in range(tries):
        if user.back_history and fragment in user.back_history[-1]:
            return user.back_history[-1]
        await asyncio.sleep(0.05)
    raise AssertionError(f"never navigated to {fragment!r}; history: {user.back_history[-3:]}")


async def eventually(check, tries: int = 100):
    """Wait until check() returns something truthy (a UI action runs in the background); return it."""
    import asyncio

    for _ in range(tries):
        result = check()
        if result:
            return result
        await asyncio.sleep(0.05)
    raise AssertionError("the expected change never happened")
