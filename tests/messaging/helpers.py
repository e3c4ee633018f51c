"""Messaging test helpers: Twilio's forms, signed posts, settings from the environment, short reads."""

from datetime import timedelta
from urllib.parse import urlencode

import httpx
from sqlmodel import Session, select
from twilio.request_validator import RequestValidator

from core import clock
from core.config import reload_settings
from core.db import get_engine, session_scope
from core.messaging.addresses import conversation_for
from core.messaging.conversations import Message
from core.messaging.models import OutboxMessage
from core.messaging.outbox import enqueue

ACCOUNT_SID = "AC" + "a1" * 16
AUTH_TOKEN = "test-auth-token-0123456789"
NUMBER = "+237655000111"
LOCAL = "http://testserver"


def configure(monkeypatch, **env: str) -> None:
    """Set environment variables and rebuild the settings from them."""
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    reload_settings()


def form(sender: str = "+237699000001", body: str = "Bonjour", sid: str = "SM" + "0" * 32, **extra: str) -> dict:
    """Twilio's inbound form for a WhatsApp text."""
    return {"SmsMessageSid": sid, "NumMedia": "0", "ProfileName": "Awa", "WaId": sender.lstrip("+"),
            "SmsStatus": "received", "Body": body, "To": f"whatsapp:{NUMBER}", "NumSegments": "1",
            "MessageSid": sid, "AccountSid": ACCOUNT_SID, "From": f"whatsapp:{sender}", "ApiVersion": "2010-04-01",
            **extra}


def sign(url: str, params: dict, token: str = AUTH_TOKEN, algorithm: str | None = None) -> str:
    """Return Twilio's signature of a webhook post (the SDK's RequestValidator, HMAC-SHA1 unless told)."""
    return RequestValidator(token).compute_signature(url, params, algorithm)


async def post(client: httpx.AsyncClient, params: dict, path: str = "/webhook/whatsapp", *, signed_for: str = LOCAL,
               signature: str | None = None, headers: dict | None = None) -> httpx.Response:
    """Post a form the way Twilio does, signed for the URL Twilio would have called."""
    sent = {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})}
    sent["X-Twilio-Signature"] = signature if signature is not None else sign(signed_for + path, params)
    return await client.post(path, content=urlencode(params), headers=sent)


def fetch(query) -> list:
    """Run a query in a short session of its own (SQLite's reads here take the write lock the app needs)."""
    with Session(get_engine()) as session:
        rows = session.exec(query).all()
        session.expunge_all()
        session.rollback()
    return list(rows)


def queue(body: str, *, phone: str = "+237699100001", kind: str = "reply", channel: str = "whatsapp",
          hours_since_inbound: float | None = 1) -> int:
    """Queue an outbound message to phone; return its outbox id."""
    with session_scope() as session:
        conversation = conversation_for(session=session, channel=channel, external_id=phone)
        conversation.last_inbound_at = (clock.now() - timedelta(hours=hours_since_inbound)
                                        if hours_since_inbound is not None else None)
        return enqueue(session=session, conversation=conversation, body=body, kind=kind).id


def row(outbox_id: int) -> OutboxMessage:
    return fetch(select(OutboxMessage).where(OutboxMessage.id == outbox_id))[0]


def message_of(outbox_id: int) -> Message:
    return fetch(select(Message).where(Message.id == row(outbox_id).message_id))[0]


def work_through(worker) -> int:
    """Let a Worker take every waiting inbox message, room after room, and finish; return how many it attached."""
    attached = 0
    while worker.wait_for_room(30) and (taken := worker.work_once()):
        attached += taken
    worker.drain()
    return attached
