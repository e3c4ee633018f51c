"""Twilio's webhooks: inbound WhatsApp messages and delivery status callbacks.

Both are signed (X-Twilio-Signature over PUBLIC_BASE_URL + path and the form: HMAC-SHA1 with the auth token, or
HMAC-SHA256 with a webhook SharedKey when X-Twilio-Webhooks-Signature-Settings says so) and answer at once: an inbound
message is kept in the inbox with one statement before the answer. The rest (its conversation, the rate limit,
fetching photos, the engine) runs after the answer: as a background task of the request, or in `djobea worker`
when DJOBEA_INLINE_PROCESSING is off.

answer_inbound() is the whole inbound path without a web framework: the FastAPI route below uses it, and so does
the fast lane, which serves Twilio's posts as a bare ASGI app ahead of everything the pages need.
"""

import asyncio
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from fastapi import APIRouter, BackgroundTasks, FastAPI, Request, Response
from fastapi.routing import APIRoute
from starlette.datastructures import ImmutableMultiDict
from starlette.types import ASGIApp, Receive, Scope, Send

from core.channels import inbox, webhook
from core.channels.inbound import process_message
from core.channels.media import prepare
from core.config import settings
from core.db import is_postgres, run_io
from core.fleet import metrics
from core.logs import log
from core.messaging import twilio_channel
from core.messaging.models import MessageStatus

PROCESSING_THREADS = 2
MAX_BODY = 256 * 1024  # Twilio's largest form (1,600 characters, 10 media URLs) is a few kilobytes
INBOUND_PATH = "/webhook/whatsapp"
Form = ImmutableMultiDict[str, str]  # an urlencoded post: every value is text
router = APIRouter()
TWIML = "text/xml"
SIGNATURE, SIGNATURE_SETTINGS = "X-Twilio-Signature", "X-Twilio-Webhooks-Signature-Settings"
_SIGNED_BY = (SIGNATURE.lower().encode(), SIGNATURE_SETTINGS.lower().encode())
# The engine runs on threads of its own, never on the event loop that stores and answers.
_processing = ThreadPoolExecutor(max_workers=PROCESSING_THREADS, thread_name_prefix="inbound")


@dataclass
class Answer:
    """What to answer Twilio, and what to do once it has been answered."""

    status: int
    text: str = ""
    media_type: str = "text/plain"
    after: list[Callable[[], Awaitable]] = field(default_factory=list)


async def answer_inbound(raw: bytes, *, path: str, query: str, signature: str | None,
                         signature_settings: str | None = None) -> Answer:
    """Check, store once and answer one inbound post; the engine's work is left in answer.after.

    A correctly signed post is always acknowledged (200, empty TwiML): one that is not for our WhatsApp sender (an
    SMS, another sender on the same URL) or that we cannot read is logged and ignored, never answered.
    """
    form, refusal = _verified(raw, path=path, query=query, signature=signature, signature_settings=signature_settings)
    if refusal is not None:
        return refusal
    answer = Answer(200, webhook.EMPTY_TWIML, TWIML)
    to, sid = form.get("To") or "", (form.get("MessageSid") or "")[:40]
    if not twilio_channel.is_our_sender(to):
        log.info("inbound post not for our WhatsApp sender: ignored", to=to[:60], sid=sid)
        return answer
    try:
        inbound = webhook.parse(form)
    except webhook.BadInbound as exc:
        log.error("signed inbound post not readable: ignored", reason=str(exc), sid=sid)
        return answer
    inbox_id = await inbox.stage_async(inbound)
    if inbox_id is not None:
        if settings.inline_processing:
            answer.after.append(lambda: _process(inbox_id))
        elif is_postgres():
            answer.after.append(inbox.wake_workers)
    return answer


@router.post(INBOUND_PATH)
async def whatsapp_inbound(request: Request, background: BackgroundTasks) -> Response:
    """Store an inbound WhatsApp message once and answer empty TwiML; the engine runs after the answer."""
    started, answer = time.perf_counter(), Answer(500)
    try:
        raw = await request.body()
        answer = Answer(413, "request too large") if len(raw) > MAX_BODY else await answer_inbound(
            raw, path=request.url.path, query=request.url.query,
            signature=request.headers.get(SIGNATURE), signature_settings=request.headers.get(SIGNATURE_SETTINGS))
    finally:
        background.add_task(_after, [*answer.after, *_timing("whatsapp", answer.status, started)])
    return Response(answer.text, status_code=answer.status, media_type=answer.media_type)


@router.post("/webhook/whatsapp/status")
async def whatsapp_status(request: Request, background: BackgroundTasks) -> Response:
    """Record a delivery status callback (queued, sent, delivered, read, failed, undelivered)."""
    started, status_code = time.perf_counter(), 500
    try:
        form, refusal = _verified(await request.body(), path=request.url.path, query=request.url.query,
                                  signature=request.headers.get(SIGNATURE),
                                  signature_settings=request.headers.get(SIGNATURE_SETTINGS))
        if refusal is not None:
            status_code = refusal.status
            return Response(refusal.text, status_code=refusal.status, media_type=refusal.media_type)
        sid, status = form.get("MessageSid") or "", form.get("MessageStatus") or form.get("SmsStatus") or ""
        if sid and status:
            await run_io(webhook.store_status, message_sid=sid, status=status, error_code=form.get("ErrorCode") or "")
        status_code = 204
        return Response(status_code=204)
    finally:
        background.add_task(_after, _timing("whatsapp_status", status_code, started))


def _verified(raw: bytes, *, path: str, query: str, signature: str | None,
              signature_settings: str | None) -> tuple[Form, Answer | None]:
    """Return the posted form, or the refusal to send: 503 without a token, 403 for a bad signature or account."""
    if not twilio_channel.webhook_enabled():
        return Form(), Answer(503, "WhatsApp webhook is not configured")
    form = Form(parse_qsl(raw.decode("utf-8", errors="replace"), keep_blank_values=True))
    url = twilio_channel.signed_url(path, query)
    if not twilio_channel.signature_valid(url, form, signature, signature_settings):
        log.warning("webhook signature refused", path=path)
        return form, Answer(403, "invalid signature")
    if not twilio_channel.account_matches(form.get("AccountSid")):
        log.warning("webhook from another Twilio account refused", path=path)
        return form, Answer(403, "unknown account")
    return form, None


async def _process(inbox_id: int) -> None:
    """Attach the message to its conversation, fetch attachments, run the engine; a failure is left to the sweep."""
    loop = asyncio.get_running_loop()
    try:
        attached = await loop.run_in_executor(_processing, inbox.attach, inbox_id)
        if attached is None:
            return
        message_id = attached.message_id
        status: MessageStatus | None = attached.status
        if status == MessageStatus.MEDIA:
            status = await loop.run_in_executor(_processing, prepare, message_id)
        if status == MessageStatus.RECEIVED:
            await loop.run_in_executor(_processing, process_message, message_id)
    except Exception:
        log.exception("inbound processing failed; the sweep will retry", inbox_id=inbox_id)


def _timing(route: str, status_code: int, started: float) -> list[Callable[[], Awaitable]]:
    seconds = time.perf_counter() - started
    metrics.observe_webhook(route, status_code, seconds)
    batch = webhook.hits.add(route, status_code, seconds * 1000)
    return [lambda: webhook.write_hits(batch)] if batch else []


async def _inbound_asgi(scope: Scope, receive: Receive, send: Send) -> None:
    """POST /webhook/whatsapp as a bare ASGI app: answer_inbound() with nothing around it."""
    started, answer = time.perf_counter(), Answer(500)
    try:
        if scope["method"] != "POST":
            answer = Answer(405, "method not allowed")
        elif (raw := await _body(receive)) is None:
            answer = Answer(413, "request too large")
        else:
            headers = {k: v.decode("latin-1") for k, v in scope["headers"] if k in _SIGNED_BY}
            answer = await answer_inbound(raw, path=scope["path"], query=scope["query_string"].decode("latin-1"),
                                          signature=headers.get(b"x-twilio-signature"),
                                          signature_settings=headers.get(b"x-twilio-webhooks-signature-settings"))
    except Exception:  # Twilio retries a 500: the message is not lost
        log.exception("inbound webhook failed")
    answer.after += _timing("whatsapp", answer.status, started)
    body = answer.text.encode()
    await send({"type": "http.response.start", "status": answer.status,
                "headers": [(b"content-type", f"{answer.media_type}; charset=utf-8".encode()),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
    await _after(answer.after)


async def _after(tasks: list[Callable[[], Awaitable]]) -> None:
    """Run what follows an answer, one after the other; one failing does not stop the others."""
    for task in tasks:
        try:
            await task()
        except Exception:
            log.exception("after-answer task failed")


async def _body(receive: Receive) -> bytes | None:
    """Return the request body, or None when it is larger than MAX_BODY."""
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def fast_lane(app: ASGIApp) -> ASGIApp:
    """Return app with Twilio's webhooks served directly, ahead of the page middlewares (sessions, gzip, ...).

    Inbound messages skip the framework altogether; the rarer status callbacks go through a bare FastAPI.
    """
    lane = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)
    lane.include_router(router)
    paths = {route.path for route in router.routes if isinstance(route, APIRoute)}

    async def serve(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == INBOUND_PATH:
            await _inbound_asgi(scope, receive, send)
        elif scope["type"] == "http" and scope["path"] in paths:
            await lane(scope, receive, send)
        else:
            await app(scope, receive, send)

    return serve
