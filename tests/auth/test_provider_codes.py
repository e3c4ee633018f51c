import re
from datetime import timedelta

from sqlmodel import select

from core import clock
from core.auth import otp
from core.auth.models import LoginCode
from core.auth.sessions import resolve
from core.messaging.models import OutboxMessage
from core.providers.models import ProviderStatus
from core.security.sealed import unseal
from tests.factories import make_provider, signed_in


def _ask(session, phone, ip="10.0.0.2") -> str:
    message = otp.request_code(session=session, phone=phone, ip=ip)
    session.commit()
    return message


def _check(session, phone, code):
    outcome = otp.verify_code(session=session, phone=phone, code=code)
    session.commit()
    return outcome


def _sent_code(session) -> str:
    """Return the code as the provider reads it: from the sealed text only the dispatcher opens."""
    row = session.exec(select(OutboxMessage).where(OutboxMessage.kind == "code")
                       .order_by(OutboxMessage.id.desc())).first()
    return re.search(r"\b(\d{6})\b", unseal(row.sealed)).group(1)


def test_a_provider_gets_a_code_on_whatsapp_and_signs_in_once(session):
    provider = make_provider(session)
    assert _ask(session, provider.phone.replace("+237", "")) == otp.SENT
    code = _sent_code(session)
    stored = session.exec(select(LoginCode)).one()
    assert code not in stored.code_hash
    assert _check(session, provider.phone, code).provider.id == provider.id
    assert _check(session, provider.phone, code).provider is None  # used once


def test_unknown_numbers_get_the_same_answer_and_no_message(session):
    assert _ask(session, "+237 699 00 00 01") == otp.SENT
    assert session.exec(select(OutboxMessage)).first() is None


def test_a_code_expires_after_five_minutes(session):
    provider = make_provider(session)
    _ask(session, provider.phone)
    code = _sent_code(session)
    clock.advance(timedelta(minutes=5, seconds=1))
    assert _check(session, provider.phone, code).error == otp.INVALID


def test_five_wrong_tries_kill_the_code_and_start_a_cool_down(session):
    provider = make_provider(session)
    _ask(session, provider.phone)
    code = _sent_code(session)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(otp.MAX_TRIES - 1):
        assert _check(session, provider.phone, wrong).error == otp.INVALID
    assert _check(session, provider.phone, wrong).error == otp.COOLING
    assert _check(session, provider.phone, code).error == otp.COOLING  # even the right code, now
    assert _ask(session, provider.phone) == otp.COOLING
    clock.advance(otp.COOLDOWN + timedelta(seconds=1))
    assert _ask(session, provider.phone) == otp.SENT
    assert _check(session, provider.phone, _sent_code(session)).provider is not None


def test_a_new_code_replaces_the_old_one(session):
    provider = make_provider(session)
    _ask(session, provider.phone)
    first = _sent_code(session)
    _ask(session, provider.phone)
    second = _sent_code(session)
    if first != second:
        assert _check(session, provider.phone, first).provider is None
    assert _check(session, provider.phone, second).provider is not None


def test_sending_codes_is_rate_limited(session):
    provider = make_provider(session)
    for _ in range(otp.MAX_SENDS):
        assert _ask(session, provider.phone) == otp.SENT
    assert _ask(session, provider.phone) == otp.TOO_MANY
    assert len(session.exec(select(OutboxMessage).where(OutboxMessage.kind == "code")).all()) == otp.MAX_SENDS


def test_suspended_providers_get_no_code_and_lose_their_session(session):
    provider = make_provider(session)
    token = signed_in(session, provider)
    provider.status = ProviderStatus.SUSPENDED
    session.add(provider)
    session.commit()
    assert _ask(session, provider.phone) == otp.SENT
    assert session.exec(select(OutboxMessage)).first() is None
    assert resolve(session=session, kind="provider", token=token) is None


def test_the_code_never_reaches_the_logs(session):
    from core.logs import log

    records: list[str] = []
    sink = log.add(lambda m: records.append(f"{m.record['message']} {m.record['extra']}"), level="DEBUG")
    try:
        provider = make_provider(session)
        _ask(session, provider.phone)
        code = _sent_code(session)
        _check(session, provider.phone, "12345x")
        _check(session, provider.phone, code)
    finally:
        log.remove(sink)
    assert any("login code sent" in r for r in records) and any("provider signed in" in r for r in records)
    assert not any(code in r for r in records)
