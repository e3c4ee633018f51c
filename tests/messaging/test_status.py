import json

from core.messaging.dispatcher import dispatch_due
from core.messaging.models import MessageStatus
from tests.messaging.helpers import ACCOUNT_SID, configure, message_of, post, queue, row

PATH = "/webhook/whatsapp/status"


def callback(sid: str, status: str, **extra: str) -> dict:
    return {"MessageSid": sid, "SmsSid": sid, "MessageStatus": status, "SmsStatus": status, "AccountSid": ACCOUNT_SID,
            "To": "whatsapp:+237699100001", "From": "whatsapp:+237655000111", "ApiVersion": "2010-04-01",
            "ChannelPrefix": "whatsapp", **extra}


async def _sent_row(twilio) -> tuple[int, str]:
    outbox_id = queue("Bonjour")
    assert dispatch_due() == 1
    return outbox_id, twilio.sent[-1]["sid"]


async def test_statuses_move_forward_and_never_back(client, twilio):
    outbox_id, sid = await _sent_row(twilio)
    for status in ("sent", "read", "delivered", "sent", "queued"):
        response = await post(client, callback(sid, status), PATH)
        assert response.status_code == 204
    assert row(outbox_id).delivery_status == "read"
    assert message_of(outbox_id).status == MessageStatus.READ


async def test_delivered_is_recorded_on_the_message(client, twilio):
    outbox_id, sid = await _sent_row(twilio)
    await post(client, callback(sid, "delivered"), PATH)
    assert (row(outbox_id).delivery_status, message_of(outbox_id).status) == ("delivered", "delivered")


async def test_an_undelivered_message_keeps_twilios_error_code(client, twilio):
    outbox_id, sid = await _sent_row(twilio)
    await post(client, callback(sid, "undelivered", ErrorCode="63016"), PATH)
    failed = row(outbox_id)
    assert (failed.delivery_status, failed.error_code) == ("undelivered", "63016")
    assert "63016" in failed.last_error
    assert (message_of(outbox_id).status, message_of(outbox_id).error_code) == ("failed", "63016")


async def test_status_callbacks_are_signed_too(client, twilio):
    outbox_id, sid = await _sent_row(twilio)
    response = await post(client, callback(sid, "read"), PATH, signature="forged")
    assert response.status_code == 403
    assert row(outbox_id).delivery_status == "queued"


async def test_an_unknown_sid_is_acknowledged_and_ignored(client, twilio):
    response = await post(client, callback("SM" + "9" * 32, "delivered"), PATH)
    assert response.status_code == 204


async def test_a_63016_reported_later_is_sent_again_once_as_the_approved_template(client, twilio, monkeypatch):
    configure(monkeypatch, TWILIO_CONTENT_SID_UPDATE="HX" + "2" * 32)
    outbox_id, sid = await _sent_row(twilio)  # our clock thought the 24-hour window open; WhatsApp did not
    for _ in range(2):  # Twilio may call back twice: still one new send
        await post(client, callback(sid, "undelivered", ErrorCode="63016"), PATH)
    waiting = row(outbox_id)
    assert (waiting.status, waiting.content_sid, waiting.error_code) == ("pending", "HX" + "2" * 32, "63016")
    assert message_of(outbox_id).status == MessageStatus.QUEUED
    assert dispatch_due() == 1 and dispatch_due() == 0
    resent = twilio.sent[-1]
    assert resent["ContentSid"] == "HX" + "2" * 32 and json.loads(resent["ContentVariables"]) == {"1": "Bonjour"}
    assert len(twilio.sent) == 2 and row(outbox_id).provider_sid == resent["sid"]
    await post(client, callback(resent["sid"], "delivered"), PATH)
    assert (row(outbox_id).delivery_status, message_of(outbox_id).status) == ("delivered", "delivered")


async def test_a_63016_refusal_at_send_time_is_retried_as_the_template(client, twilio, monkeypatch):
    configure(monkeypatch, TWILIO_CONTENT_SID_OFFER="HX" + "1" * 32)
    outbox_id = queue("Nouvelle demande à Makepe", kind="offer")
    twilio.script("63016")
    assert dispatch_due() == 0
    assert (row(outbox_id).status, row(outbox_id).content_sid) == ("pending", "HX" + "1" * 32)
    assert dispatch_due() == 1
    assert [s.get("ContentSid") for s in twilio.sent] == ["HX" + "1" * 32]


async def test_without_a_template_a_63016_stays_failed_and_visible(client, twilio):
    outbox_id = queue("Bonjour")
    twilio.script("63016")
    assert dispatch_due() == 0 and dispatch_due() == 0
    failed = row(outbox_id)
    assert (failed.status, failed.error_code, failed.content_sid) == ("failed", "63016", "")
