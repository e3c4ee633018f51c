"""The HTTP step of a sign-in: trading the ticket for the session cookie.

Sign-in itself happens on the pages (over their socket, which cannot set cookies); the page then sends the
browser here with a single-use ticket, bound to that browser and valid for a minute. Sign-out ends the session in
the database, so the cookie it leaves behind is worth nothing (the next sign-in replaces it).
"""

from urllib.parse import urlparse

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from core.auth import sessions
from core.config import settings
from core.db import run_io, session_scope

router = APIRouter()
HOME = {sessions.ADMIN_KEY: "/admin", sessions.PROVIDER_KEY: "/provider"}
LOGIN = {sessions.ADMIN_KEY: "/login", sessions.PROVIDER_KEY: "/provider/login"}
PREFIXES = {sessions.ADMIN_KEY: ("/admin", "/simulator"), sessions.PROVIDER_KEY: ("/provider",)}


def safe_destination(target: str | None, kind: str) -> str:
    """Return target when it is one of our own pages of this kind; anything else (another site) gives the home page."""
    home = HOME.get(kind, "/")
    if not target or target.startswith("//") or "\\" in target:
        return home
    parsed = urlparse(target)
    if parsed.scheme or parsed.netloc or not parsed.path.startswith(PREFIXES.get(kind, ("/",))):
        return home
    return target


def browser_id(request) -> str:
    """Return the id of the browser's own (signed) session cookie, '' when it has none."""
    return str((request.scope.get("session") or {}).get("id") or "")


@router.get("/auth/session", include_in_schema=False)
async def open_session(request: Request, ticket: str = "", next: str = "") -> RedirectResponse:
    """Set a brand-new session cookie for a fresh ticket from this browser, ending the session it held before."""
    redeemed = await run_io(_redeem, ticket[:100], browser_id(request), request.cookies)
    if redeemed is None:  # spent, late, or from another browser: sign in again
        kind = sessions.PROVIDER_KEY if next.startswith("/provider") else sessions.ADMIN_KEY
        return RedirectResponse(LOGIN[kind], status_code=303)
    kind, token = redeemed
    response = RedirectResponse(safe_destination(next, kind), status_code=303)
    response.set_cookie(sessions.COOKIES[kind], token, httponly=True, samesite="lax", path="/",
                        secure=settings.served_over_https,
                        max_age=int(sessions.PROVIDER_IDLE.total_seconds()) if kind == sessions.PROVIDER_KEY else None)
    return response


def _redeem(ticket: str, browser: str, cookies: dict) -> tuple[str, str] | None:
    with session_scope() as session:
        redeemed = sessions.redeem(session=session, ticket=ticket, browser=browser)
        if redeemed is not None:
            sessions.end(session=session, kind=redeemed[0], token=cookies.get(sessions.COOKIES[redeemed[0]]))
        return redeemed

