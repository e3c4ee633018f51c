"""Finding 10: code guesses count per provider across codes (a new code does not reset them) and per address;
the current-password check on the account page is throttled."""

import re

import pytest
from sqlmodel import select

from core.auth import otp
from core.auth.service import AccountError, change_own_password
from core.messaging.models import OutboxMessage
from core.security.sealed import unseal
from tests.factories import make_provider
from tests.pages.helpers import PASSWORD, make_account


def _ask(session, phone, ip="203.0.113.9") -> str:
    message = otp.request_code(session=session, phone=phone, ip=ip)
    session.commit()
    return message


def _guess(session, phone, code, ip="203.0.113.9"):
    outcome = otp.verify_code(session=session, phone=phone, code=code, ip=ip)
    session.commit()
    return outcome


def _sent_code(session) -> str:
    row = session.exec(select(OutboxMessage).where(OutboxMessage.kind == "code").order_by(OutboxMessage.id.desc())
                       ).first()
    return re.search(r"\b(\d{6})\b", unseal(row.sealed)).group(1)  # as the provider reads it


def _wrong(code: str) -> str:
    return "000000" if code != "000000" else "111111"


def test_a_new_code_does_not_reset_the_guesses(session):
    provider = make_provider(session)
    _ask(session, provider.phone)
    first = _sent_code(session)
    for _ in range(otp.MAX_TRIES - 1):
        assert _guess(session, provider.phone, _wrong(first)).error == otp.INVALID
    assert _ask(session, provider.phone) == otp.SENT  # a fresh code...
    second = _sent_code(session)
    assert _guess(session, provider.phone, _wrong(second)).error == otp.COOLING  # ...but the guesses still count
    assert _guess(session, provider.phone, second).provider is None


def test_one_address_guessing_codes_of_many_providers_is_stopped(session):
    providers = [make_provider(session) for _ in range(6)]
    for provider in providers[:5]:
        _ask(session, provider.phone, ip="198.51.100.1")  # the codes were asked elsewhere
        for _ in range(otp.MAX_TRIES - 1):  # under each provider's own limit
            _guess(session, provider.phone, _wrong(_sent_code(session)))
    target = providers[5]
    _ask(session, target.phone, ip="198.51.100.1")
    code = _sent_code(session)
    assert _guess(session, target.phone, code).provider is None  # even the right code, from this address
    assert _guess(session, target.phone, code, ip="198.51.100.1").provider is not None  # the provider, elsewhere


def test_the_current_password_check_on_the_account_page_is_throttled(session):
    account = make_account(session, email="aline@djobea.cm", role="operator")
    for _ in range(otp.MAX_TRIES):
        with pytest.raises(AccountError, match="current password is wrong"):
            change_own_password(session=session, account=account, current="a-wrong-guess", new="another-password-1")
        session.commit()
    with pytest.raises(AccountError, match="too many wrong current passwords"):
        change_own_password(session=session, account=account, current=PASSWORD, new="another-password-1")


async def test_the_account_page_counts_wrong_current_passwords(user, session):
    from tests.pages.helpers import eventually, sign_in_admin

    await sign_in_admin(user, session, role="operator")
    await user.open("/admin/account")
    for current in [*(["a-wrong-guess"] * otp.MAX_TRIES), PASSWORD]:
        user.notify.messages.clear()
        user.find(marker="current-password").clear().type(current)
        user.find(marker="new-password").clear().type("another-password-1")
        user.find(marker="confirm-password").clear().type("another-password-1")
        user.find(marker="own-password-save").click()
        message = await eventually(lambda: user.notify.messages[-1] if user.notify.messages else None)
    assert message == "Trop de mots de passe actuels erronés : réessayez dans 15 minutes."
