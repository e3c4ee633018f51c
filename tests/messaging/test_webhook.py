import asyncio

import pytest
from sqlmodel import func, select

from core.channels import webhook
from core.messaging.conversations import Conversation, Message
from core.messaging.dispatcher import dispatch_due
from core.messaging.models import MessageStatus, OutboxMessage, WebhookHit
from tests.messaging.helpers import AUTH_TOKEN, configure, fetch, form, post, sign


def _inbound() -> list[Message]:
    return fetch(select(Message).where(Message.direction == "in").order_by(Message.id))


def _replies() -> list[str]:
    return [r.body for r in fetch(select(OutboxMessage).order_by(OutboxMessage.id))]


async def test_a_signed_message_is_stored_answered_with_empty_twiml_and_processed(client, echo):
    response = await post(client, form(body="Mon robinet fuit à Makepe"))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/xml")
    assert response.text == '<?xml version="1.0" encoding="UTF-8"?><Response/>'
    [message] = _inbound()
    assert (message.body, message.channel, message.status) == ("Mon robinet fuit à Makepe", "whatsapp", "processed")
    [conversation] = fetch(select(Conversation).where(Conversation.id == message.conversation_id))
    assert conversation.external_id == "+237699000001"
    assert _replies() == ["echo: Mon robinet fuit à Makepe"]


async def test_a_wrong_or_missing_signature_is_refused_and_nothing_stored(client, echo):
    params = form()
    bad = sign("http://testserver/webhook/whatsapp", params, token="another-token")
    assert (await post(client, params, signature=bad)).status_code == 403
    assert (await post(client, params, signature="")).status_code == 403
    tampered = sign("http://testserver/webhook/whatsapp", params)
    assert (await post(client, {**params, "Body": "changed"}, signature=tampered)).status_code == 403
    assert _inbound() == [] and echo == []


async def test_behind_a_proxy_the_public_url_is_the_one_signed(client, echo, monkeypatch):
    configure(monkeypatch, PUBLIC_BASE_URL="https://djobea.example.com/")
    local = await post(client, form(sid="SM" + "1" * 32))
    assert local.status_code == 403
    forwarded = {"X-Forwarded-Host": "testserver", "X-Forwarded-Proto": "http", "Host": "testserver"}
    proxied = await post(client, form(sid="SM" + "3" * 32), headers=forwarded)  # proxy headers change nothing
    assert proxied.status_code == 403
    public = await post(client, form(sid="SM" + "2" * 32), signed_for="https://djobea.example.com")
    assert public.status_code == 200
    assert [m.provider_message_id for m in _inbound()] == ["SM" + "2" * 32]


SHARED_KEY = "webhook-shared-key-secret-0123456789"
SHA256 = {"X-Twilio-Webhooks-Signature-Settings": "key=webhooks_sharedkey_01ABC,algorithm=HMAC_SHA256"}


async def test_a_post_signed_with_a_shared_key_is_accepted_when_the_key_is_configured(client, echo, monkeypatch):
    # The scheme is the installed SDK's (twilio.request_validator): the settings header names the algorithm, and
    # X-Twilio-Signature is the HMAC-SHA256 of URL + sorted params with the SharedKey secret.
    configure(monkeypatch, TWILIO_WEBHOOK_SIGNING_KEY=SHARED_KEY)
    params = form(sid="SM" + "6" * 32)
    signature = sign("http://testserver/webhook/whatsapp", params, token=SHARED_KEY, algorithm="HMAC_SHA256")
    assert (await post(client, params, signature=signature, headers=SHA256)).status_code == 200
    legacy = form(sid="SM" + "7" * 32)  # posts without the header are still the auth token's
    assert (await post(client, legacy)).status_code == 200
    assert [m.provider_message_id for m in _inbound()] == ["SM" + "6" * 32, "SM" + "7" * 32]


async def test_a_shared_key_signature_is_refused_without_the_key_or_with_another_secret(client, echo, monkeypatch):
    params = form(sid="SM" + "8" * 32)
    good = sign("http://testserver/webhook/whatsapp", params, token=SHARED_KEY, algorithm="HMAC_SHA256")
    assert (await post(client, params, signature=good, headers=SHA256)).status_code == 403  # no key configured
    configure(monkeypatch, TWILIO_WEBHOOK_SIGNING_KEY=SHARED_KEY)
    with_token = sign("http://testserver/webhook/whatsapp", params, algorithm="HMAC_SHA256")
    assert (await post(client, params, signature=with_token, headers=SHA256)).status_code == 403
    sha1 = sign("http://testserver/webhook/whatsapp", params, token=SHARED_KEY)  # the header says SHA-256
    assert (await post(client, params, signature=sha1, headers=SHA256)).status_code == 403
    odd = {"X-Twilio-Webhooks-Signature-Settings": "key=k,algorithm=HMAC_MD5"}
    assert (await post(client, params, signature=good, headers=odd)).status_code == 403
    assert _inbound() == [] and echo == []


async def test_without_an_auth_token_the_webhook_is_off(client, echo, monkeypatch):
    configure(monkeypatch, TWILIO_AUTH_TOKEN="")
    response = await post(client, form())
    assert response.status_code == 503
    assert _inbound() == []


async def test_another_twilio_account_is_refused(client, echo):
    response = await post(client, form(AccountSid="AC" + "f" * 32))
    assert response.status_code == 403
    assert _inbound() == []


async def test_ten_concurrent_copies_of_one_sid_store_one_message_and_one_reply(client, echo):
    responses = await asyncio.gather(*(post(client, form(body="Ma douche est bouchée")) for _ in range(10)))
    assert [r.status_code for r in responses] == [200] * 10
    assert len(_inbound()) == 1
    assert _replies() == ["echo: Ma douche est bouchée"]
    assert echo == ["Ma douche est bouchée"]


async def test_a_retry_after_processing_changes_nothing(client, echo):
    await post(client, form(body="Bonsoir"))
    again = await post(client, form(body="Bonsoir"))
    assert again.status_code == 200
    assert len(_inbound()) == 1 and len(_replies()) == 1


async def test_unicode_emoji_empty_long_bodies_and_unknown_fields(client, echo):
    texts = ["Ndé mbôm 😭🔧 mon WC déborde — ça urge ‼️", "", "x" * 10_000]
    for n, text in enumerate(texts):
        response = await post(client, form(sender="+237699000010", body=text, sid=f"SM{n:032d}",
                                           SomethingNew="42", ReferralNumMedia="0"))
        assert response.status_code == 200
    assert [m.body for m in _inbound()] == texts
    assert echo == texts
    assert all(m.status == MessageStatus.PROCESSED for m in _inbound())


async def test_a_signed_form_we_cannot_read_is_acknowledged_logged_and_not_stored(client, echo):
    # Twilio signed it, so it is Twilio's: a 4xx would only turn into an error on their side (11200).
    for params in (form(sid="not-a-sid"), form(sender="hello"), form(sender="whatsapp:CM.")):
        response = await post(client, params)
        assert response.status_code == 200 and response.text == webhook.EMPTY_TWIML
    assert _inbound() == [] and echo == []


@pytest.mark.parametrize("to", ["+237655000111", "whatsapp:+237655999999", "messenger:123456", ""])
async def test_a_post_not_for_our_whatsapp_sender_is_acknowledged_and_never_answered(client, echo, twilio, to):
    # An SMS to the same number (To without "whatsapp:") or another WhatsApp sender configured with this URL.
    params = form(sid="SM" + "c" * 32, body="Bonjour", To=to)
    if not to.startswith("whatsapp:"):
        params["From"] = "+237699000001"
    response = await post(client, params)
    assert (response.status_code, response.text) == (200, webhook.EMPTY_TWIML)
    assert _inbound() == [] and echo == [] and _replies() == []
    assert dispatch_due() == 0 and twilio.sent == []


async def test_our_sender_is_recognised_however_the_number_is_written(client, echo, monkeypatch):
    configure(monkeypatch, TWILIO_WHATSAPP_NUMBER="+237 655 00 01 11")
    assert (await post(client, form(sid="SM" + "d" * 32))).status_code == 200
    assert len(_inbound()) == 1


async def test_webhook_timings_are_written_in_batches(client, echo, monkeypatch):
    monkeypatch.setattr(webhook.HitLog, "FLUSH_SIZE", 2)
    monkeypatch.setattr(webhook, "hits", webhook.HitLog())
    await post(client, form(sid="SM" + "3" * 32))
    assert fetch(select(func.count()).select_from(WebhookHit)) == [0]
    await post(client, form(sid="SM" + "4" * 32), signature="bad")
    hits = fetch(select(WebhookHit).order_by(WebhookHit.id))
    assert [(h.route, h.status_code) for h in hits] == [("whatsapp", 200), ("whatsapp", 403)]
    assert all(0 < h.latency_ms < 5000 for h in hits)


async def test_the_token_is_what_signs(client, echo):
    params = form(sid="SM" + "5" * 32)
    signature = sign("http://testserver/webhook/whatsapp", params, token=AUTH_TOKEN)
    assert (await post(client, params, signature=signature)).status_code == 200


async def test_the_webhook_refuses_other_methods_and_oversized_posts_storing_nothing(client, echo):
    assert (await client.get("/webhook/whatsapp")).status_code == 405
    assert (await post(client, form(body="x" * (300 * 1024)))).status_code == 413  # signed, but no person writes this
    assert _inbound() == [] and echo == []
