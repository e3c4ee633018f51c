"""Twilio's webhooks: inbound WhatsApp messages and delivery status callbacks.

Both are signed (X-Twilio-Signature over PUBLIC_BASE_URL + path and the form) and answer at once: an inbound
message is kept in the inbox with one statement before the answer. The rest (its conversation, the rate limit,
fetching photos, the engine) runs after the answer: as a background task of the request, or in `djobea worker`
when DJOBEA_INLINE_PROCESSING is off.
"""

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import parse_qsl

from fastapi import APIRouter, BackgroundTasks, FastAPI, Request, Response
from starlette.datastructures import FormData
from starlette.types import ASGIApp, Receive, Scope, Send

from core.config import settings
from core.db import is_postgres, run_io
from core.logs import log
from core.messaging import inbox, twilio_channel, webhook
from core.messaging.inbound import process_message
from core.messaging.media import prepare

PROCESSING_THREADS = 2
router = APIRouter()
TWIML = "text/xml"
# The engine runs on threads of its own, never on the event loop that stores and answers.
_processing = ThreadPoolExecutor(max_workers=PROCESSING_THREADS, thread_name_prefix="inbound")


@router.post("/webhook/whatsapp")
async def whatsapp_inbound(request: Request, background: BackgroundTasks) -> Response:
    """Store an inbound WhatsApp message once and answer empty TwiML; the engine runs after the answer."""
    started = time.perf_counter()
    response = Response(status_code=500)
    try:
        response = await _inbound(request, background)
    finally:
        _record(background, "whatsapp", response.status_code, started)
    return response


@router.post("/webhook/whatsapp/status")
async def whatsapp_status(request: Request, background: BackgroundTasks) -> Response:
    """Record a delivery status callback (queued, sent, delivered, read, failed, undelivered)."""
    started = time.perf_counter()
    response = Response(status_code=500)
    try:
        form, refusal = await _verified_form(request)
        if refusal is not None:
            response = refusal
            return response
        sid, status = form.get("MessageSid") or "", form.get("MessageStatus") or form.get("SmsStatus") or ""
        if sid and status:
            await run_io(webhook.store_status, message_sid=sid, status=status, error_code=form.get("ErrorCode") or "")
        response = Response(status_code=204)
        return response
    finally:
        _record(background, "whatsapp_status", response.status_code, started)


async def _inbound(request: Request, background: BackgroundTasks) -> Response:
    form, refusal = await _verified_form(request)
    if refusal is not None:
        return refusal
    try:
        inbound = webhook.parse(form)
    except webhook.BadInbound as exc:
        return Response(str(exc), status_code=400, media_type="text/plain")
    inbox_id = await inbox.stage_async(inbound)
    if inbox_id is not None:
        if settings.inline_processing:
            background.add_task(_process, inbox_id)
        elif is_postgres():
            background.add_task(inbox.wake_workers)
    return Response(webhook.EMPTY_TWIML, media_type=TWIML)


async def _verified_form(request: Request) -> tuple[FormData, Response | None]:
    """Return the posted form, or the refusal to send: 503 without a token, 403 for a bad signature or account."""
    if not twilio_channel.webhook_enabled():
        return FormData(), Response("WhatsApp webhook is not configured", status_code=503, media_type="text/plain")
    raw = (await request.body()).decode("utf-8", errors="replace")
    form = FormData(parse_qsl(raw, keep_blank_values=True))
    url = twilio_channel.signed_url(request.url.path, request.url.query, str(request.url))
    if not twilio_channel.signature_valid(url, form, request.headers.get("X-Twilio-Signature")):
        log.warning("webhook signature refused", path=request.url.path)
        return form, Response("invalid signature", status_code=403, media_type="text/plain")
    if not twilio_channel.account_matches(form.get("AccountSid")):
        log.warning("webhook from another Twilio account refused", path=request.url.path)
        return form, Response("unknown account", status_code=403, media_type="text/plain")
    return form, None


async def _process(inbox_id: int) -> None:
    """Attach the message to its conversation, fetch attachments, run the engine; a failure is left to the sweep."""
    loop = asyncio.get_running_loop()
    try:
        attached = await loop.run_in_executor(_processing, inbox.attach, inbox_id)
        if attached is None:
            return
        message_id, status = attached.message_id, attached.status
        if status == "media":
            status = await loop.run_in_executor(_processing, prepare, message_id)
        if status == "received":
            await loop.run_in_executor(_processing, process_message, message_id)
    except Exception:
        log.exception("inbound processing failed; the sweep will retry", inbox_id=inbox_id)


def _record(background: BackgroundTasks, route: str, status_code: int, started: float) -> None:
    batch = webhook.hits.add(route, status_code, (time.perf_counter() - started) * 1000)
    if batch:
        background.add_task(webhook.write_hits, batch)


def fast_lane(app: ASGIApp) -> ASGIApp:
    """Return app with Twilio's webhooks served directly, ahead of the page middlewares (sessions, gzip, ...).

    Those middlewares are for browsers; each costs the webhook a task and memory streams per request.
    """
    lane = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)
    lane.include_router(router)
    paths = {route.path for route in router.routes}

    async def serve(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] in paths:
            await lane(scope, receive, send)
        else:
            await app(scope, receive, send)

    return serve
