import json
from datetime import timedelta

from core import clock
from core.db import session_scope
from core.messaging import dispatcher, twilio_channel
from core.messaging.dispatcher import dispatch_due
from core.messaging.models import MessageStatus, OutboxMessage, OutboxStatus
from tests.messaging.helpers import NUMBER, configure, form, message_of, post, queue, row


def test_a_reply_is_sent_once_with_the_sdk_and_marked_sent(twilio, monkeypatch):
    configure(monkeypatch, PUBLIC_BASE_URL="https://djobea.example.com")
    outbox_id = queue("Bonjour 👋 Un plombier arrive.")
    assert dispatch_due() == 1
    assert dispatch_due() == 0
    [sent] = twilio.sent
    assert sent["To"] == "whatsapp:+237699100001" and sent["From"] == f"whatsapp:{NUMBER}"
    assert sent["Body"] == "Bonjour 👋 Un plombier arrive."
    assert sent["StatusCallback"] == "https://djobea.example.com/webhook/whatsapp/status"
    assert "ContentSid" not in sent
    sent_row = row(outbox_id)
    assert (sent_row.status, sent_row.provider_sid, sent_row.attempts) == ("sent", sent["sid"], 1)
    assert len(sent_row.provider_sid) == 34
    assert message_of(outbox_id).status == MessageStatus.SENT


def test_twilio_down_for_a_while_then_back_delivers_each_reply_exactly_once(twilio):
    ids = [queue(f"Réponse {n}", phone=f"+23769910000{n}") for n in range(3)]
    twilio.script("500", "500", "500", "429", "503", "500")
    assert dispatch_due() == 0
    assert {row(i).status for i in ids} == {"pending"}
    assert len(twilio.requests) == 3

    clock.advance(timedelta(seconds=9))
    assert dispatch_due() == 0 and len(twilio.requests) == 3  # backoff: 10 s after the first failure

    clock.advance(timedelta(seconds=2))
    assert dispatch_due() == 0 and len(twilio.requests) == 6
    assert {row(i).attempts for i in ids} == {2}
    clock.advance(timedelta(seconds=29))
    assert dispatch_due() == 0 and len(twilio.requests) == 6  # now 30 s

    clock.advance(timedelta(seconds=2))
    assert dispatch_due() == 3
    assert sorted(s["Body"] for s in twilio.sent) == ["Réponse 0", "Réponse 1", "Réponse 2"]
    clock.advance(timedelta(hours=2))
    assert dispatch_due() == 0
    assert len(twilio.sent) == 3
    assert {row(i).status for i in ids} == {"sent"} and {row(i).attempts for i in ids} == {3}


def test_a_permanent_error_stops_retrying_and_is_kept_for_admins(twilio):
    outbox_id = queue("Bonjour")
    twilio.script("21211")
    assert dispatch_due() == 0
    failed = row(outbox_id)
    assert (failed.status, failed.error_code) == ("failed", "21211")
    assert "not a valid phone number" in failed.last_error
    assert (message_of(outbox_id).status, message_of(outbox_id).error_code) == ("failed", "21211")
    clock.advance(timedelta(hours=3))
    assert dispatch_due() == 0 and len(twilio.requests) == 1


def test_retries_give_up_after_the_last_attempt(twilio):
    outbox_id = queue("Bonjour")
    twilio.script(*["500"] * 20)
    for _ in range(12):
        dispatch_due()
        clock.advance(timedelta(hours=1))
    assert len(twilio.requests) == dispatcher.MAX_ATTEMPTS
    assert row(outbox_id).status == OutboxStatus.FAILED


def test_a_hanging_twilio_times_out_and_is_retried_later(twilio, monkeypatch):
    monkeypatch.setattr(twilio_channel, "SEND_TIMEOUT_SECONDS", 0.3)
    twilio.hang_seconds = 1.0
    outbox_id = queue("Bonjour")
    twilio.script("hang")
    assert dispatch_due() == 0
    late = row(outbox_id)
    assert (late.status, late.error_code) == ("pending", "timeout")
    clock.advance(timedelta(seconds=11))
    assert dispatch_due() == 1


def test_a_row_left_sending_by_a_dead_process_is_sent_after_the_timeout(twilio):
    outbox_id = queue("Bonjour")
    with session_scope() as session:
        stuck = session.get(OutboxMessage, outbox_id)
        stuck.status, stuck.attempts = "sending", 1
        stuck.next_attempt_at = clock.now() + dispatcher.SENDING_TIMEOUT
    assert dispatch_due() == 0 and twilio.requests == []
    clock.advance(dispatcher.SENDING_TIMEOUT + timedelta(seconds=1))
    assert dispatch_due() == 1
    assert row(outbox_id).status == OutboxStatus.SENT and len(twilio.sent) == 1


def test_simulator_and_web_rows_are_delivered_locally(twilio):
    ids = [queue("Hello", channel="simulator"), queue("Salut", channel="web", phone="session-abc")]
    assert dispatch_due() == 2
    assert {row(i).status for i in ids} == {"sent"} and twilio.requests == []
    assert {message_of(i).status for i in ids} == {"sent"}


def test_whatsapp_rows_wait_while_twilio_is_not_configured(twilio, monkeypatch):
    outbox_id = queue("Bonjour")
    configure(monkeypatch, TWILIO_ACCOUNT_SID="")
    assert dispatch_due() == 0
    assert row(outbox_id).status == OutboxStatus.PENDING and "not configured" in row(outbox_id).last_error


def test_outside_24_hours_without_a_template_fails_locally_with_63016(twilio):
    outbox_id = queue("Votre plombier arrive", hours_since_inbound=25)
    assert dispatch_due() == 0
    failed = row(outbox_id)
    assert (failed.status, failed.error_code) == ("failed", "63016")
    assert "TWILIO_CONTENT_SID_UPDATE" in failed.last_error
    assert twilio.requests == []


def test_outside_24_hours_the_approved_template_is_used(twilio, monkeypatch):
    configure(monkeypatch, TWILIO_CONTENT_SID_OFFER="HX" + "1" * 32, TWILIO_CONTENT_SID_UPDATE="HX" + "2" * 32)
    queue("Nouvelle demande :\nfuite à Makepe", kind="offer", hours_since_inbound=None)
    queue("Votre plombier arrive", phone="+237699100009", hours_since_inbound=30)
    queue("Merci !", phone="+237699100008", hours_since_inbound=2)
    assert dispatch_due() == 3
    by_to = {s["To"]: s for s in twilio.sent}
    offer = by_to["whatsapp:+237699100001"]
    assert offer["ContentSid"] == "HX" + "1" * 32 and "Body" not in offer
    assert json.loads(offer["ContentVariables"]) == {"1": "Nouvelle demande : fuite à Makepe"}
    update = by_to["whatsapp:+237699100009"]
    assert update["ContentSid"] == "HX" + "2" * 32
    assert json.loads(update["ContentVariables"]) == {"1": "Votre plombier arrive"}
    assert by_to["whatsapp:+237699100008"]["Body"] == "Merci !"


async def test_a_webhook_reply_goes_out_through_twilio(client, echo, twilio):
    await post(client, form(body="Allô 🔧"))
    assert dispatch_due() == 1
    assert [s["Body"] for s in twilio.sent] == ["echo: Allô 🔧"]
