"""POST /webhook/monetbil: Monetbil's payment notifications (form-encoded)."""

import time

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse

from core.db import run_io, session_scope
from core.fleet import metrics
from core.logs import log
from core.messaging.models import WebhookHit
from core.payments.confirm import handle_notification

router = APIRouter()


@router.post("/webhook/monetbil")
async def monetbil_notification(request: Request) -> PlainTextResponse:
    """Verify, confirm and apply a notification: 200 "received", or 403 "rejected" for a bad or missing sign.

    403 rather than 200: a forged or mis-signed call changes nothing, and a misconfigured secret shows up as
    failed deliveries in Monetbil's dashboard instead of silently losing payments.
    """
    started = time.perf_counter()
    form = await request.form()
    params = {key: str(value) for key, value in form.items()}
    outcome = await run_io(handle_notification, params)
    status_code = 403 if outcome == "rejected" else 200
    await run_io(_record_hit, status_code, (time.perf_counter() - started) * 1000)
    return PlainTextResponse(outcome, status_code=status_code)


def _record_hit(status_code: int, latency_ms: float) -> None:
    metrics.observe_webhook("monetbil", status_code, latency_ms / 1000)
    try:
        with session_scope() as session:
            session.add(WebhookHit(route="monetbil", status_code=status_code, latency_ms=round(latency_ms, 2)))
    except Exception:  # monitoring must never fail a notification
        log.exception("could not record the webhook timing")
