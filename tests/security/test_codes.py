"""Finding 2: sign-in codes are seen by their owner only; they travel in the WhatsApp payload and nowhere else."""

import json
import re
from datetime import timedelta

from nicegui.testing import User
from sqlmodel import select

from core import clock
from core.auth import otp
from core.channels import simulator
from core.db import session_scope
from core.logs import log
from core.messaging.addresses import provider_conversation
from core.messaging.dispatcher import dispatch_due, expire_sealed
from core.messaging.models import OutboxMessage, OutboxStatus
from core.security.sealed import TIME_TO_LIVE
from tests.factories import make_provider
from tests.messaging.helpers import configure
from tests.pages.helpers import sign_in_admin
from tests.security.helpers import everything_staff_can_read

SIX_DIGITS = re.compile(r"\b\d{6}\b")


def test_sign_in_codes_are_seen_by_their_owner_only(twilio, session, monkeypatch):
    # Providers who sign in have rarely written in the last 24 hours: the code goes as the approved template.
    configure(monkeypatch, TWILIO_CONTENT_SID_UPDATE="HX" + "b2" * 16)
    records: list[str] = []
    sink = log.add(lambda m: records.append(f"{m.record['message']} {m.record['extra']}"), level="DEBUG")
    try:
        provider = make_provider(session)
        assert otp.request_code(session=session, phone=provider.phone, ip="10.0.0.2") == otp.SENT
        session.commit()
        assert dispatch_due() == 1
    finally:
        log.remove(sink)
    [sent] = twilio.sent
    assert sent["To"] == f"whatsapp:{provider.phone}"
    code = SIX_DIGITS.search(json.loads(sent["ContentVariables"])["1"]).group(0)  # the owner gets it

    readable = everything_staff_can_read()
    assert code not in readable
    assert "code" in readable.lower()  # staff still see that a code was sent
    assert not any(code in r for r in records)
    with session_scope() as s:
        row = s.exec(select(OutboxMessage).where(OutboxMessage.kind == "code")).one()
    assert row.status == OutboxStatus.SENT and row.sealed == ""  # nothing left to open once it is sent

    assert otp.verify_code(session=session, phone=provider.phone, code=code).provider.id == provider.id


async def test_the_admin_inbox_does_not_show_the_code(user: User, twilio, session, monkeypatch):
    configure(monkeypatch, TWILIO_CONTENT_SID_UPDATE="HX" + "b2" * 16)
    provider = make_provider(session, name="Paul Ekambi")
    otp.request_code(session=session, phone=provider.phone, ip="10.0.0.2")
    session.commit()
    dispatch_due()
    code = SIX_DIGITS.search(json.loads(twilio.sent[0]["ContentVariables"])["1"]).group(0)
    await sign_in_admin(user, session, role="operator")
    await user.open("/admin/conversations")
    await user.should_see("Paul Ekambi")
    await user.should_not_see(code)
    await user.open(f"/admin/conversations?q={code}")
    await user.should_not_see("Paul Ekambi")


def test_the_simulator_shows_the_code_only_on_a_demo_providers_phone(engine, session):
    demo = make_provider(session, phone="+237600000001", is_demo=True)
    real = make_provider(session)
    for provider in (demo, real):
        otp.request_code(session=session, phone=provider.phone, ip="10.0.0.2")
        session.commit()
    dispatch_due()
    [demo_code] = [SIX_DIGITS.search(b.body) for b in simulator.thread(demo.phone) if not b.mine]
    assert demo_code is not None
    assert not [b for b in simulator.thread(real.phone) if SIX_DIGITS.search(b.body)]
    assert demo_code.group(0) not in everything_staff_can_read()
    assert otp.verify_code(session=session, phone=demo.phone, code=demo_code.group(0)).provider.id == demo.id


def _sealed_rows() -> list[OutboxMessage]:
    with session_scope() as s:
        return list(s.exec(select(OutboxMessage).where(OutboxMessage.kind == "code")))


def test_a_code_refused_as_free_form_goes_again_as_the_template_still_carrying_the_code(twilio, session, monkeypatch):
    configure(monkeypatch, TWILIO_CONTENT_SID_UPDATE="HX" + "b2" * 16)
    provider = make_provider(session)
    with session_scope() as s:  # the provider wrote a minute ago: the dispatcher tries a free-form message first
        conversation = provider_conversation(session=s, provider=provider)
        conversation.last_inbound_at = clock.now() - timedelta(minutes=1)
        s.add(conversation)
    otp.request_code(session=session, phone=provider.phone, ip="10.0.0.2")
    session.commit()
    twilio.script("63016")
    assert dispatch_due() == 0
    assert dispatch_due() == 1
    refused, accepted = twilio.requests
    code = SIX_DIGITS.search(refused["Body"]).group(0)
    assert code in json.loads(accepted["ContentVariables"])["1"]
    assert code not in everything_staff_can_read()


def test_a_code_not_sent_in_time_is_dropped_never_sent_late(twilio, session):
    provider = make_provider(session)
    with session_scope() as s:
        conversation = provider_conversation(session=s, provider=provider)
        conversation.last_inbound_at = clock.now()
        s.add(conversation)
    otp.request_code(session=session, phone=provider.phone, ip="10.0.0.2")
    session.commit()
    twilio.script("500")
    assert dispatch_due() == 0
    clock.advance(TIME_TO_LIVE + timedelta(seconds=1))
    assert dispatch_due() == 0 and len(twilio.requests) == 1
    [row] = _sealed_rows()
    assert (row.status, row.error_code, row.sealed) == ("failed", "expired", "")


def test_sealed_texts_left_on_local_phones_are_wiped_after_their_time(engine, session):
    demo = make_provider(session, phone="+237600000002", is_demo=True)
    otp.request_code(session=session, phone=demo.phone, ip="10.0.0.2")
    session.commit()
    dispatch_due()
    assert expire_sealed() == 0 and _sealed_rows()[0].sealed
    clock.advance(TIME_TO_LIVE + timedelta(seconds=1))
    assert expire_sealed() == 1 and _sealed_rows()[0].sealed == ""
    assert not [b for b in simulator.thread(demo.phone) if SIX_DIGITS.search(b.body)]
