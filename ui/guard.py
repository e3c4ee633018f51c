"""Who is signed in, checked against the database on every page load and on every action of an open page.

Pages registered with ui.frame.admin_page / provider_page go through watch(): each event the browser sends
(click, change, key) waits for a fresh check of the session and the role before it reaches its handler, and a
quiet page is checked every WATCH_SECONDS. A deactivated or signed-out staff member, or a suspended provider,
can then do nothing from a page left open: the page says so and goes to sign-in.
"""

import asyncio
from html import escape
from typing import Any
from urllib.parse import quote, urlencode

from fastapi.responses import HTMLResponse, RedirectResponse, Response
from nicegui import background_tasks, context, run, ui
from nicegui.client import Client

from core.auth import sessions
from core.auth.models import Account
from core.auth.routes import LOGIN, browser_id
from core.db import session_scope
from core.providers.models import Provider
from core.security.clients import client_address
from ui.i18n import t

WATCH_SECONDS = 10.0
ENDED = "Votre session a pris fin. Reconnectez-vous."
REFUSED = "Accès refusé"


def _request(request: Any = None) -> Any:
    return request if request is not None else context.client.request


def _token(kind: str, request: Any = None) -> str | None:
    return _request(request).cookies.get(sessions.COOKIES[kind])


def current_admin(request: Any = None, *, touch: bool = True) -> Account | None:
    """Return the signed-in admin or operator of this request (the page's, by default), or None."""
    return _signed_in(sessions.ADMIN_KEY, _token(sessions.ADMIN_KEY, request), touch)


def current_provider(request: Any = None, *, touch: bool = True) -> Provider | None:
    """Return the signed-in provider of this request (the page's, by default), or None."""
    return _signed_in(sessions.PROVIDER_KEY, _token(sessions.PROVIDER_KEY, request), touch)


def _signed_in(kind: str, token: str | None, touch: bool) -> Any:
    if not token:
        return None
    with session_scope() as session:
        return sessions.resolve(session=session, kind=kind, token=token, touch=touch)


def _here(request: Any = None) -> str:
    url = _request(request).url
    return url.path + (f"?{url.query}" if url.query else "")


def forbidden() -> Response:
    """Return the 403 page."""
    body = (f"<!doctype html><meta name=viewport content='width=device-width'><title>403</title>"
            f"<h2>{escape(t('Accès refusé'))}</h2><p>{escape(t('Cette page est réservée aux administrateurs.'))}</p>"
            f"<p><a href='/admin'>Djobea</a></p>")
    return HTMLResponse(body, status_code=403)


def not_found() -> Response:
    """Return the 404 page."""
    body = (f"<!doctype html><meta name=viewport content='width=device-width'><title>404</title>"
            f"<h2>{escape(t('Page introuvable'))}</h2><p><a href='/'>Djobea</a></p>")
    return HTMLResponse(body, status_code=404)


def require_admin(role: str = "operator") -> Account | Response:
    """Return the signed-in account if its role is at least role; else the redirect to /login or the 403 page."""
    account = current_admin()
    if account is None:
        return RedirectResponse(f"/login?next={quote(_here())}", status_code=303)
    if not sessions.has_role(account, role):
        return forbidden()
    return account


def still_allowed(role: str = "admin") -> bool:
    """True if the signed-in account still has role now (checked again when an action runs, not only on load)."""
    account = current_admin()
    return account is not None and sessions.has_role(account, role)


def require_provider() -> Provider | Response:
    """Return the signed-in provider, or the redirect to the provider sign-in."""
    provider = current_provider()
    if provider is None:
        return RedirectResponse(f"/provider/login?next={quote(_here())}", status_code=303)
    return provider


async def sign_in(who: Account | Provider, destination: str) -> None:
    """Start a new session for who and send the browser to pick up its cookie, then on to destination."""
    request = context.client.request
    ticket = await run.io_bound(_start, who, browser_id(request), client_address(request))
    if ticket is not None:
        ui.navigate.to(f"/auth/session?{urlencode({'ticket': ticket, 'next': destination})}")


def _start(who: Account | Provider, browser: str, address: str) -> str:
    with session_scope() as session:
        return sessions.start(session=session, who=who, browser=browser, address=address)


async def sign_out(kind: str) -> None:
    """End this browser's session of kind ("admin" or "provider") and go to its sign-in page."""
    await run.io_bound(_end, kind, _token(kind))
    ui.navigate.to(LOGIN[kind])


def _end(kind: str, token: str | None) -> None:
    with session_scope() as session:
        sessions.end(session=session, kind=kind, token=token)


def session_token(kind: str = sessions.ADMIN_KEY) -> str | None:
    """Return this page's session token of kind (to keep it across the account's own password change)."""
    return _token(kind)


def watch(client: Client, *, kind: str, role: str) -> None:
    """Check the session (and the role) before each event of this page reaches its handler, and now and then."""
    token, path = _token(kind, client.request), _here(client.request)
    deliver, turn = client.handle_event, asyncio.Lock()

    async def checked(msg: dict) -> None:
        async with turn:  # one event after the other, in the order the browser sent them
            state = await run.io_bound(_state, kind, role, token, True)
            if state == "ok":
                deliver(msg)
            elif state is not None:
                _leave(client, kind, state, path)

    def handle_event(msg: dict) -> None:
        background_tasks.create(checked(msg), name="checked event")

    async def look() -> None:
        state = await run.io_bound(_state, kind, role, token, False)
        if state not in ("ok", None):
            _leave(client, kind, state, path)

    client.handle_event = handle_event  # type: ignore[method-assign]
    ui.timer(WATCH_SECONDS, look, immediate=False)


def _state(kind: str, role: str, token: str | None, touch: bool) -> str:
    """Return 'ok', 'signed_out' or 'forbidden' for this session now."""
    who = _signed_in(kind, token, touch)
    if who is None:
        return "signed_out"
    if kind == sessions.ADMIN_KEY and not sessions.has_role(who, role):
        return "forbidden"
    return "ok"


def _leave(client: Client, kind: str, state: str, path: str) -> None:
    if client.is_deleted:
        return
    with client:
        if state == "forbidden":
            ui.notify(t(REFUSED), type="negative")
            ui.navigate.to("/admin")
            return
        ui.notify(t(ENDED), type="warning")
        ui.navigate.to(f"{LOGIN[kind]}?next={quote(path)}")
