"""Attachments of inbound WhatsApp messages: photos, voice notes and location pins.

A location pin becomes the name of the nearest quartier in the message body (the engine understands quartier
names), with the coordinates kept in message.media as {"kind": "location", "lat", "lon", "quartier", ...}.
Files are fetched after the webhook has answered: the message waits with status "media" until prepare() has
downloaded them (from Twilio hosts only, with the account's credentials), described photos and transcribed voice
notes when a language model is configured, and recorded them as RequestMedia.

After the engine's turn on a message, link_attachments() gives the conversation's open request every attachment
of the last day that has none yet: a photo sent with (or before) the words that created the request belongs to
it. A pin in the request's own quartier also gives the request its exact coordinates, for matching distances
and the provider's map link.
"""

import mimetypes
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from sqlmodel import Session, select

from core import clock
from core.catalog import haversine_km, nearest_quartier
from core.config import settings
from core.db import get_existing, is_postgres, session_scope, stored_id
from core.llm.deadline import turn_deadline
from core.logs import log
from core.matching.handoff import tell_provider_media
from core.messaging import texts
from core.messaging.conversations import Conversation, Message
from core.messaging.models import MessageStatus
from core.messaging.outbox import enqueue
from core.service_requests.lifecycle import OPEN_STATUSES
from core.service_requests.models import RequestMedia, ServiceRequest
from core.service_requests.service import update_request

MAX_BYTES = 16 * 1024 * 1024  # WhatsApp's own limit for media
MAX_ATTEMPTS = 3
QUARTIER_RADIUS_KM = 5.0  # a pin farther than this from every quartier centre is outside the area we serve
OUTSIDE_TEXT = "hors de Douala"
TWILIO_DOMAINS = ("twilio.com", "twiliocdn.com")
ADOPT_WITHIN = timedelta(days=1)  # attachments older than this, sent with no request, are not linked to a new one


class MediaRefused(Exception):
    """The media URL is not one we fetch (not a Twilio host, not http(s), too large)."""


def kind_of(content_type: str) -> str:
    """Return image, audio, video or document for a MIME type."""
    major = content_type.split("/", 1)[0].lower()
    return major if major in ("image", "audio", "video") else "document"


def location(lat: float, lon: float, label: str = "") -> dict:
    """Return the media item for a shared pin, with the nearest quartier when the pin is in Douala."""
    nearest = nearest_quartier(lat, lon)
    distance = haversine_km(lat, lon, nearest.lat, nearest.lon)
    inside = distance <= QUARTIER_RADIUS_KM
    return {"kind": "location", "lat": lat, "lon": lon, "label": label[:200],
            "quartier": nearest.name if inside else None, "distance_km": round(distance, 2), "outside": not inside}


def location_text(item: dict) -> str:
    """Return how a pin reads to the engine: the quartier's name, or that it is outside Douala."""
    return item["quartier"] or OUTSIDE_TEXT


def allowed_url(url: str) -> bool:
    """True for URLs on Twilio's hosts (or the configured API host, which tests point at a fake)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host and host == (urlsplit(settings.twilio_api_base_url).hostname or "").lower():
        return parts.scheme in ("http", "https")
    return parts.scheme == "https" and any(host == d or host.endswith("." + d) for d in TWILIO_DOMAINS)


def download(url: str) -> bytes:
    """Fetch a media file with the Twilio account's credentials. Raises MediaRefused or httpx.HTTPError."""
    if not allowed_url(url):
        raise MediaRefused(f"not a Twilio media URL: {urlsplit(url).hostname}")
    auth = (settings.twilio_account_sid, settings.twilio_auth_token.get_secret_value())
    # httpx drops the credentials when a redirect leaves the host (Twilio hands files over to its CDN).
    with httpx.Client(timeout=20, follow_redirects=True, auth=auth) as http, http.stream("GET", url) as response:
        response.raise_for_status()
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > MAX_BYTES:
                raise MediaRefused("file larger than 16 MB")
            chunks.append(chunk)
    return b"".join(chunks)


def prepare(message_id: int) -> MessageStatus | None:
    """Fetch and understand a waiting message's attachments, then release it to the engine; return its status."""
    with session_scope() as session:
        message = session.get(Message, message_id)
        if message is None or message.status != MessageStatus.MEDIA:
            return message.status if message else None
        conversation = get_existing(session, Conversation, message.conversation_id)
        items = [dict(item) for item in message.media]
    trouble, model_seconds = False, 0.0
    for index, item in enumerate(items):
        if item.get("state") != "pending":
            continue
        try:
            data = download(item["url"])
        except MediaRefused as exc:
            log.warning("media refused", message_id=message_id, reason=str(exc))
            item.update(state="refused", error=str(exc)[:200])
            continue
        except httpx.HTTPError as exc:
            log.warning("media download failed", message_id=message_id, error=type(exc).__name__)
            item["error"], trouble = type(exc).__name__, True
            continue
        item.update(state="stored", size=len(data), path=_save(message_id, index, data, item["content_type"]))
        # The message's attachments share one model deadline with the turn that follows (the engine deducts it).
        with turn_deadline(settings.llm_turn_deadline_seconds - model_seconds) as deadline:
            item.update(_understand(item["kind"], data, item["content_type"], stored_id(conversation)))
            item["model_seconds"] = round(deadline.spent(), 3)
        model_seconds += item["model_seconds"]
    return _release(message_id, items, trouble)


def _save(message_id: int, index: int, data: bytes, content_type: str) -> str:
    extension = mimetypes.guess_extension(content_type.split(";")[0].strip()) or ".bin"
    folder = settings.data_dir / "media"
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{message_id}-{index}{extension}"
    (folder / name).write_bytes(data)
    return str(Path("media") / name)


def _understand(kind: str, data: bytes, content_type: str, conversation_id: int) -> dict:
    """Describe a photo or transcribe a voice note when a language model is configured; {} otherwise."""
    try:
        from core.llm import orchestrator  # looked up at each call: tests swap it
    except ImportError:
        return {}
    try:
        if kind == "image":
            described = orchestrator.describe_image(data, content_type, conversation_id=conversation_id)
            if not described:
                return {}
            return {"description": str(described.get("description") or ""), "image": described}
        if kind == "audio":
            transcript = orchestrator.transcribe(data, content_type, conversation_id=conversation_id)
            return {"transcript": transcript.strip()} if transcript and transcript.strip() else {}
    except Exception:  # a model failing must not lose the message; it is handled without the attachment's meaning
        log.exception("media understanding failed", conversation_id=conversation_id)
    return {}


def _release(message_id: int, items: list[dict], trouble: bool) -> MessageStatus:
    with session_scope() as session:
        query = select(Message).where(Message.id == message_id)
        message = session.exec(query.with_for_update() if is_postgres() else query).one()
        if message.status != MessageStatus.MEDIA:
            return message.status  # released already by another worker
        message.attempts += 1
        if trouble and message.attempts < MAX_ATTEMPTS:
            message.media, message.error_code = items, "media"
            session.add(message)
            return message.status  # the stalled-message sweep tries again
        message.attempts = 0  # the engine's own attempts start now
        conversation = get_existing(session, Conversation, message.conversation_id)
        for item in items:
            if item.get("state") == "pending":
                item["state"] = "failed"
            if item.get("state") == "stored":  # linked to a request after the engine's turn (link_attachments)
                session.add(RequestMedia(message_id=message.id,
                                         kind=item["kind"], content_type=item["content_type"][:100],
                                         path=item["path"], description=item.get("description")
                                         or item.get("transcript", "")))
        message.media, message.body = items, _body(message.body, items)
        voice = any(item["kind"] == "audio" for item in items)
        if not message.body.strip() and voice:
            # Nothing to understand: ask kindly for text instead of running the engine on an empty message.
            enqueue(session=session, conversation=conversation, body=texts.say("type_please", conversation.language),
                    dedupe_key=f"type-please:{message.id}")
            message.status, message.processed_at = MessageStatus.PROCESSED, clock.now()
        else:
            message.status = MessageStatus.RECEIVED
        session.add(message)
        return message.status


def link_attachments(*, session: Session, conversation: Conversation, message: Message) -> int:
    """Record the message's pins, then give the open request the conversation's unlinked attachments; how many."""
    for item in message.media:
        if item.get("kind") == "location" and not item.get("outside"):
            session.add(RequestMedia(message_id=message.id, kind="location", lat=item["lat"], lon=item["lon"],
                                     description=" — ".join(p for p in (item.get("quartier"), item.get("label")) if p)))
    session.flush()
    request = session.get(ServiceRequest, conversation.current_request_id) if conversation.current_request_id else None
    if request is None or request.status not in OPEN_STATUSES or conversation.role != "customer":
        return 0
    waiting = list(session.exec(
        select(RequestMedia).join(Message, Message.id == RequestMedia.message_id)
        .where(Message.conversation_id == conversation.id, RequestMedia.request_id.is_(None),
               RequestMedia.created_at >= clock.now() - ADOPT_WITHIN).order_by(RequestMedia.id)))
    for media in waiting:
        media.request_id = request.id
        session.add(media)
    pin = next((m for m in reversed(waiting) if m.kind == "location" and m.lat is not None and m.lon is not None
                and nearest_quartier(m.lat, m.lon).name == request.quartier), None)
    if pin is not None:
        update_request(session=session, request=request, actor="customer", lat=pin.lat, lon=pin.lon)
    pins = [m for m in waiting if m.kind == "location"]  # sent after assignment: the provider gets them too
    tell_provider_media(session=session, request=request, photos=sum(m.kind == "image" for m in waiting),
                        pin=(pins[-1].lat, pins[-1].lon) if pins else None)
    return len(waiting)


def _body(body: str, items: list[dict]) -> str:
    """Add what the attachments say to the text: a transcript, or a photo's description when there is no text."""
    parts = [body.strip()] if body.strip() else []
    parts += [item["transcript"] for item in items if item.get("transcript")]
    if not parts:
        parts += [item["description"] for item in items if item.get("description")]
    return "\n".join(parts)
