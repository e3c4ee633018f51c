"""What a visitor sees when something goes wrong: a short friendly page, never the exception or its text.

A page that fails shows a friendly message (the traceback goes to the log); an address that cannot be read
(letters where an id goes) is a page not found; the JSON API and the webhooks answer JSON or plain text.
"""

from fastapi import Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from nicegui import app, ui

from ui import guard, theme
from ui.i18n import t

MACHINE_PATHS = ("/api/", "/webhook/", "/media/", "/health", "/auth/", "/admin/export/")
SORRY = "Oups, quelque chose s'est mal passé de notre côté."
AGAIN = "Réessayez dans un instant. Si cela continue, écrivez-nous sur WhatsApp."


def install() -> None:
    """Register the friendly error page and handlers on the app."""
    app.on_page_exception(_page_content)
    app.add_exception_handler(Exception, _server_error)
    app.add_exception_handler(RequestValidationError, _unreadable)


def _page_content() -> None:
    theme.apply()
    with ui.column().classes(theme.PAGE + " items-center text-center").mark("server-error"):
        ui.label(t(SORRY)).classes(theme.SUBTITLE)
        ui.label(t(AGAIN)).classes(theme.MUTED)
        ui.link("Djobea", "/")


def _server_error(request: Request, exc: Exception) -> Response:
    # The server logs the traceback (the exception goes on up); the visitor only reads that something failed.
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": "server error, please try again"}, status_code=500)
    if request.url.path.startswith(MACHINE_PATHS):
        return PlainTextResponse("server error", status_code=500)
    return HTMLResponse(f"<!doctype html><meta name=viewport content='width=device-width'><title>Djobea</title>"
                        f"<p>{SORRY}</p><p>{AGAIN}</p><p><a href='/'>Djobea</a></p>", status_code=500)


async def _unreadable(request: Request, exc: RequestValidationError) -> Response:
    if request.url.path.startswith(MACHINE_PATHS):
        return await request_validation_exception_handler(request, exc)
    return guard.not_found()
