"""Djobea: one process serves the webhooks, the JSON API and the pages."""

import asyncio
import math
import signal

from nicegui import app, ui

import pages  # noqa: F401  (registers every page)
from core import heap, scheduler, wiring
from core.api_docs import router as api_docs_router
from core.auth.routes import router as auth_router
from core.bootstrap import prepare
from core.channels import door
from core.channels.chat import router as chat_router
from core.channels.routes import fast_lane
from core.channels.routes import router as whatsapp_router
from core.channels.webhook import hits, write_hits
from core.config import settings
from core.fleet import stopping
from core.fleet.routes import router as fleet_router
from core.health import router as health_router
from core.llm.orchestrator import warm_up
from core.logs import log, setup_logging
from core.payments.routes import router as payments_router
from core.security.clients import server_options
from core.security.headers import SecurityMiddleware
from pages.media import router as media_router
from ui import errors, shared_storage

setup_logging()
wiring.connect()
errors.install()
app.add_middleware(SecurityMiddleware)  # inside the fast lane: Twilio's posts never pass through it
for router in (health_router, fleet_router, auth_router, chat_router, whatsapp_router, payments_router, media_router,
               api_docs_router):
    app.include_router(router)


@app.on_startup
def _startup() -> None:
    if app.middleware_stack is not None:  # built by the server before start-up; webhooks skip browser middlewares
        app.middleware_stack = fast_lane(app.middleware_stack)
    stopping.chain_signals(signal.SIGTERM, signal.SIGINT)  # /ready turns 503 and no new work is claimed
    prepare()
    warm_up()
    if settings.scheduler_enabled and settings.inline_processing:  # otherwise `djobea worker` runs the sweeps
        scheduler.start()
    heap.settle()
    log.info("djobea started", url=settings.base_url())
    print(f"  Djobea is running on http://{settings.host}:{settings.port}", flush=True)


@app.on_shutdown
async def _shutdown() -> None:
    # The server has stopped listening and finished the requests in flight (and the work after their answers).
    await asyncio.to_thread(scheduler.stop, wait=True)  # a sweep under way finishes; unsent claims are given back
    await write_hits(hits.flush())
    await door.close_running()
    log.info("djobea stopped")


def run() -> None:
    """Start the server on the configured host and port."""
    shared_storage.share()
    ui.run(host=settings.host, port=settings.port, title="Djobea", language="fr", favicon="🔧", reload=False,
           show=False, storage_secret=settings.storage_secret_value(), reconnect_timeout=10,
           session_middleware_kwargs={"https_only": settings.served_over_https, "same_site": "lax"},
           # SIGTERM: requests in flight get this long; a websocket or a slow client never holds the exit longer.
           timeout_graceful_shutdown=math.ceil(settings.shutdown_grace_seconds), **server_options())


if __name__ in {"__main__", "__mp_main__"}:
    run()
