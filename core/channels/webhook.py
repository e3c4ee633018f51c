"""Twilio's inbound WhatsApp form, read into one internal message and stored once; webhook timings.

The sender is the address Twilio gives in From: `whatsapp:+2376…`, or `whatsapp:<BSUID>` for a user who hides
their number behind a username (WaId then empty). The other identity, when Twilio gives both (the user id in
ExternalUserId / ExternalUserIdentifier beside a phone, or WaId beside a user id), is kept as the alias so the
worker can link the two. A tap on a quick-reply button (ButtonPayload) or a quoted reply (OriginalRepliedMessageSid)
is kept in reply_to. Only cheap string work happens here: lookups belong to the worker side.
"""

import asyncio
import math
import re
import threading
import time
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, OperationalError

from core import clock
from core.channels import door, media
from core.channels.inbound import accept
from core.db import is_postgres, session_scope, stored_id, table_of
from core.logs import log
from core.messaging import delivery
from core.messaging.models import MessageStatus, WebhookHit
from core.phones import InvalidPhone, bsuid_of, normalize_phone
from core.text import plain_text
from core.upsert import for_psycopg

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>'
MAX_MEDIA = 10  # Twilio sends at most ten attachments per message
MAX_PAYLOAD = 256  # WhatsApp's limit for a quick-reply button's payload
_SID = re.compile(r"^[A-Za-z]{2}[0-9A-Za-z]{8,62}$")


class BadInbound(ValueError):
    """The form is not a message we can store (no sid, no sender)."""


@dataclass
class Inbound:
    """One inbound WhatsApp message as Twilio described it."""

    sid: str
    sender: str  # the address to answer: E.164 phone or business-scoped user id
    body: str
    name: str = ""
    media: list[dict] = field(default_factory=list)
    alias: str = ""  # the sender's other identity when Twilio gave both
    reply_to: dict = field(default_factory=dict)  # {"button_payload": ..., "replied_sid": ...}

    @property
    def waits_for_media(self) -> bool:
        """True when files must be fetched before the engine may read the message."""
        return any(item["kind"] != "location" for item in self.media)


def parse(form) -> Inbound:
    """Read Twilio's form (unknown fields ignored). Raises BadInbound."""
    sid = (form.get("MessageSid") or form.get("SmsMessageSid") or "").strip()
    if not _SID.match(sid):
        raise BadInbound("MessageSid missing or malformed")
    sender, alias = _sender(form)
    # PostgreSQL text cannot hold NUL; nothing a person types contains one.
    body = plain_text(form.get("Body") or form.get("ButtonText") or "")
    items = []
    for index in range(min(_int(form.get("NumMedia")), MAX_MEDIA)):
        url = plain_text(form.get(f"MediaUrl{index}") or "")
        content_type = plain_text(form.get(f"MediaContentType{index}") or "")[:100]
        if url:
            items.append({"kind": media.kind_of(content_type), "url": url, "content_type": content_type,
                          "state": "pending"})
    pin = _location(form)
    if pin is not None:
        items.append(pin)
        text = media.location_text(pin)
        body = f"{body}\n{text}" if body.strip() else text
    name = plain_text(form.get("ProfileName") or "")[:120]
    return Inbound(sid=sid, sender=sender, body=body, name=name, media=items, alias=alias,
                   reply_to=_reply_to(form))


def _sender(form) -> tuple[str, str]:
    """Return (the From address, the other identity Twilio gave or ""). Raises BadInbound."""
    raw = form.get("From") or ""
    bsuid = bsuid_of(raw)
    if bsuid is not None:
        wa_id = "".join(c for c in (form.get("WaId") or "") if c.isdigit())
        try:
            return bsuid, normalize_phone("+" + wa_id) if wa_id else ""
        except InvalidPhone:
            return bsuid, ""
    try:
        phone = normalize_phone(raw)
    except InvalidPhone as exc:
        raise BadInbound("From is neither a phone number nor a WhatsApp user id") from exc
    return phone, bsuid_of(form.get("ExternalUserId") or form.get("ExternalUserIdentifier")) or ""


def _reply_to(form) -> dict:
    """Return what the message answers: a quick-reply button's payload, the sid of a message it quotes."""
    found = {}
    payload = plain_text(form.get("ButtonPayload") or "").strip()
    if payload:
        found["button_payload"] = payload[:MAX_PAYLOAD]
    replied = (form.get("OriginalRepliedMessageSid") or "").strip()
    if _SID.match(replied):
        found["replied_sid"] = replied
    return found


def _int(value: str | None) -> int:
    try:
        return max(0, int(value or 0))
    except ValueError:
        return 0


def _location(form) -> dict | None:
    try:
        lat, lon = float(form.get("Latitude") or "nan"), float(form.get("Longitude") or "nan")
    except ValueError:
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return media.location(lat, lon, plain_text(form.get("Label") or form.get("Address") or ""))


def store(inbound: Inbound, channel: str = "whatsapp", sent_by: str = "") -> tuple[int, MessageStatus] | None:
    """Store the message once; return (message id, status), or None when this sid was stored already.

    sent_by names the staff member who typed a simulated message.
    """
    for attempt in range(3):
        try:
            with session_scope() as session:
                message = accept(session=session, channel=channel, external_id=inbound.sender, body=inbound.body,
                                 provider_message_id=inbound.sid, media=inbound.media, name=inbound.name,
                                 waits_for_media=inbound.waits_for_media, sent_by=sent_by, alias=inbound.alias,
                                 reply_to=inbound.reply_to)
                return (stored_id(message), message.status) if message else None
        except (IntegrityError, OperationalError):
            # Two first messages of a new person race to create them (or a deadlock): the retry finds the winner.
            if attempt == 2:
                raise
            log.info("inbound store retried", attempt=attempt + 1)
    return None


def store_status(*, message_sid: str, status: str, error_code: str = "") -> bool:
    """Apply a delivery status callback; False when the sid is unknown or the status is out of date."""
    with session_scope() as session:
        return delivery.record_callback(session=session, message_sid=message_sid, status=status,
                                        error_code=error_code)


class HitLog:
    """Webhook timings, buffered and written in batches so the answer path never waits on them.

    A crash loses at most the last FLUSH_SECONDS of timings, which only feed the monitoring page.
    """

    FLUSH_SIZE = 200
    FLUSH_SECONDS = 2.0

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rows: list[dict] = []
        self._since = time.monotonic()

    def add(self, route: str, status_code: int, latency_ms: float) -> list[dict] | None:
        """Buffer one timing; return the batch to write when it is due, else None."""
        with self._lock:
            self._rows.append({"route": route, "status_code": status_code, "latency_ms": round(latency_ms, 3),
                               "at": clock.now()})
            if len(self._rows) < self.FLUSH_SIZE and time.monotonic() - self._since < self.FLUSH_SECONDS:
                return None
            batch, self._rows, self._since = self._rows, [], time.monotonic()
            return batch

    def flush(self) -> list[dict]:
        """Return every buffered timing (at shutdown), emptying the buffer."""
        with self._lock:
            batch, self._rows, self._since = self._rows, [], time.monotonic()
            return batch


async def write_hits(batch: list[dict]) -> int:
    """Write a batch of webhook timings; return how many (0 when the write failed).

    On PostgreSQL through the answer path's own connections (no thread taking the GIL from the event loop).
    """
    if not batch:
        return 0
    try:
        if is_postgres():
            await door.of_running_loop().execute(_HITS_PG.sql, many=[_HITS_PG.params(hit) for hit in batch])
        else:
            await asyncio.to_thread(_write_hits, batch)
    except Exception:  # timings are for monitoring only; never let them disturb message handling
        log.exception("webhook timings not written", count=len(batch))
        return 0
    return len(batch)


# the one INSERT of a timing: run by the ORM's engine, and as text by the async door on PostgreSQL
_HITS = sa.insert(table_of(WebhookHit)).values(
    {name: sa.bindparam(name) for name in ("route", "status_code", "latency_ms", "at")})
_HITS_PG = for_psycopg(_HITS, many=True)


def _write_hits(batch: list[dict]) -> None:
    with session_scope() as session:
        session.execute(_HITS, batch)


hits = HitLog()  # per-process buffer: each process writes its own timings to the shared WebhookHit table
