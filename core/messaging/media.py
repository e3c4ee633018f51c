"""Attachments of inbound WhatsApp messages: photos, voice notes and location pins.

A location pin becomes the name of the nearest quartier in the message body (the engine understands quartier
names), with the coordinates kept in message.media as {"kind": "location", "lat", "lon", "quartier", ...}.
Files are fetched after the webhook has answered: the message waits with status "media" until prepare() has
downloaded them (from Twilio hosts only, with the account's credentials), described photos and transcribed voice
notes when a language model is configured, and recorded them as RequestMedia.
"""

import mimetypes
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from sqlmodel import select

from core import clock
from core.catalog import haversine_km, nearest_quartier
from core.config import settings
from core.conversations.models import Conversation, Message
from core.db import is_postgres, session_scope
from core.logs import log
from core.messaging import texts
from core.messaging.outbox import enqueue
from core.service_requests.models import RequestMedia

MAX_BYTES = 16 * 1024 * 1024  # WhatsApp's own limit for media
MAX_ATTEMPTS = 3
QUARTIER_RADIUS_KM = 5.0  # a pin farther than this from every quartier centre is outside the area we serve
OUTSIDE_TEXT = "hors de Douala"
TWILIO_DOMAINS = ("twilio.com", "twiliocdn.com")


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


def prepare(message_id: int) -> str | None:
    """Fetch and understand a waiting message's attachments, then release it to the engine; return its status."""
    with session_scope() as session:
        message = session.get(Message, message_id)
        if message is None or message.status != "media":
            return message.status if message else None
        conversation = session.get(Conversation, message.conversation_id)
        items = [dict(item) for item in message.media]
    trouble = False
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
        item.update(_understand(item["kind"], data, item["content_type"], conversation.id))
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
        from core.llm import orchestrator
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


def _release(message_id: int, items: list[dict], trouble: bool) -> str:
    with session_scope() as session:
        query = select(Message).where(Message.id == message_id)
        message = session.exec(query.with_for_update() if is_postgres() else query).one()
        if message.status != "media":
            return message.status  # released already by another worker
        message.attempts += 1
        if trouble and message.attempts < MAX_ATTEMPTS:
            message.media, message.error_code = items, "media"
            session.add(message)
            return message.status  # the stalled-message sweep tries again
        message.attempts = 0  # the engine's own attempts start now
        conversation = session.get(Conversation, message.conversation_id)
        for item in items:
            if item.get("state") == "pending":
                item["state"] = "failed"
            if item.get("state") == "stored":
                session.add(RequestMedia(request_id=conversation.current_request_id, message_id=message.id,
                                         kind=item["kind"], content_type=item["content_type"][:100],
                                         path=item["path"], description=item.get("description")
                                         or item.get("transcript", "")))
        message.media, message.body = items, _body(message.body, items)
        voice = any(item["kind"] == "audio" for item in items)
        if not message.body.strip() and voice:
            # Nothing to understand: ask kindly for text instead of running the engine on an empty message.
            enqueue(session=session, conversation=conversation, body=texts.say("type_please", conversation.language),
                    dedupe_key=f"type-please:{message.id}")
            message.status, message.processed_at = "processed", clock.now()
        else:
            message.status = "received"
        session.add(message)
        return message.status


def _body(body: str, items: list[dict]) -> str:
    """Add what the attachments say to the text: a transcript, or a photo's description when there is no text."""
    parts = [body.strip()] if body.strip() else []
    parts += [item["transcript"] for item in items if item.get("transcript")]
    if not parts:
        parts += [item["description"] for item in items if item.get("description")]
    return "\n".join(parts)
