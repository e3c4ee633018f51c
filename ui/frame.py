"""The page frame (header, navigation, language) and the guards every admin and provider page goes through."""

import functools
import inspect
from collections.abc import Callable
from html import escape
from typing import Any
from urllib.parse import quote

from fastapi.responses import HTMLResponse, RedirectResponse, Response
from nicegui import app, context, ui

from core.auth import sessions
from core.auth.models import Account
from core.db import session_scope
from core.providers.models import Provider
from ui import theme
from ui.i18n import language_switch, t

ADMIN_NAV = (("/admin", "Tableau de bord"), ("/admin/requests", "Demandes"), ("/admin/providers", "Prestataires"),
             ("/admin/conversations", "Conversations"), ("/admin/payments", "Paiements"),
             ("/admin/monitoring", "Surveillance"), ("/simulator", "Simulateur"), ("/admin/team", "Équipe"),
             ("/admin/settings", "Réglages"))
PROVIDER_NAV = (("/provider", "Travaux en cours"), ("/provider/history", "Historique"),
                ("/provider/earnings", "Gains et versements"), ("/provider/profile", "Mon profil"))


def _storage() -> Any:
    return app.storage.user


def current_admin() -> Account | None:
    """Return the signed-in admin or operator, checked against the database, or None."""
    return _signed_in(sessions.ADMIN_KEY, sessions.resolve_admin)


def current_provider() -> Provider | None:
    """Return the signed-in provider, checked against the database, or None."""
    return _signed_in(sessions.PROVIDER_KEY, sessions.resolve_provider)


def _signed_in(key: str, resolve: Callable) -> Any:
    token = _storage().get(key)
    if token is None:
        return None
    with session_scope() as session:
        who = resolve(session=session, token=token)
    if who is None:
        _storage().pop(key, None)  # deactivated, suspended or credentials changed: signed out
    return who


def _here() -> str:
    request = context.client.request
    return request.url.path + (f"?{request.url.query}" if request.url.query else "")


def forbidden() -> Response:
    """Return the 403 page."""
    body = (f"<!doctype html><meta name=viewport content='width=device-width'><title>403</title>"
            f"<h2>{escape(t('Accès refusé'))}</h2><p>{escape(t('Cette page est réservée aux administrateurs.'))}</p>"
            f"<p><a href='/admin'>Djobea</a></p>")
    return HTMLResponse(body, status_code=403)


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


def sign_in_admin(account: Account) -> None:
    """Keep the admin's id and session version in the browser session."""
    _storage()[sessions.ADMIN_KEY] = sessions.admin_token(account)


def sign_in_provider(provider: Provider) -> None:
    """Keep the provider's id and session version in the browser session."""
    _storage()[sessions.PROVIDER_KEY] = sessions.provider_token(provider)


def sign_out(kind: str) -> None:
    """Forget the admin ("admin") or provider ("provider") sign-in of this browser."""
    _storage().pop(kind, None)


def admin_page(path: str, *, title: str, role: str = "operator") -> Callable:
    """Register an admin page behind require_admin; the function gets `account` plus its path parameters."""
    return _guarded_page(path, title=title, guard=lambda: require_admin(role), arg="account", nav=ADMIN_NAV,
                         kind=sessions.ADMIN_KEY)


def provider_page(path: str, *, title: str) -> Callable:
    """Register a provider page behind require_provider; the function gets `provider` plus its path parameters."""
    return _guarded_page(path, title=title, guard=require_provider, arg="provider", nav=PROVIDER_NAV,
                         kind=sessions.PROVIDER_KEY)


def _guarded_page(path: str, *, title: str, guard: Callable, arg: str, nav: tuple, kind: str) -> Callable:
    def decorator(func: Callable) -> Callable:
        params = [p for p in inspect.signature(func).parameters.values() if p.name != arg]

        @functools.wraps(func)
        async def page(*args: Any, **kwargs: Any) -> Response | None:
            who = guard()
            if isinstance(who, Response):
                return who
            with Layout(t(title), nav=nav, kind=kind, who=getattr(who, "name", "") or getattr(who, "email", "")):
                result = func(*args, **{arg: who}, **kwargs)
                if inspect.isawaitable(result):
                    result = await result
            return result if isinstance(result, Response) else None

        page.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        del page.__wrapped__  # NiceGUI must read the signature above, not the original one
        ui.page(path, title=f"{t(title)} · Djobea")(page)
        return func

    return decorator


class Layout:
    """Header with brand, navigation and language switch; the page content goes in a centred column."""

    def __init__(self, title: str, *, nav: tuple = (), kind: str = "", who: str = "", wide: bool = True) -> None:
        theme.apply()
        ui.add_head_html('<meta name="theme-color" content="#0E7C5A">')
        with ui.header().classes(theme.HEADER):
            with ui.row().classes("items-center gap-2"):
                ui.link("Djobea", "/admin" if kind == sessions.ADMIN_KEY else "/").classes(
                    "text-white text-lg font-bold no-underline")
                if nav:
                    with ui.button(icon="menu").props("flat dense color=white").mark("nav-menu"):
                        with ui.menu():
                            for href, label in nav:
                                ui.menu_item(t(label), on_click=lambda _, h=href: ui.navigate.to(h))
                    with ui.element("div").classes("gap-0 hidden md:flex"):
                        for href, label in nav:
                            ui.link(t(label), href).classes(theme.NAV_LINK)
            with ui.row().classes("items-center gap-1"):
                if who:
                    ui.label(who).classes("text-xs hidden sm:block")
                language_switch()
                if kind == sessions.ADMIN_KEY:
                    ui.button(icon="manage_accounts", on_click=lambda: ui.navigate.to("/admin/account")).props(
                        "flat dense color=white").mark("my-account").tooltip(t("Mon compte"))
                if kind:
                    ui.button(icon="logout", on_click=lambda: _logout(kind)).props(
                        "flat dense color=white").mark("logout").tooltip(t("Déconnexion"))
        self.column = ui.column().classes(theme.WIDE_PAGE if wide else theme.PAGE)
        if title:
            with self.column:
                ui.label(title).classes(theme.TITLE).mark("page-title")

    def __enter__(self) -> "Layout":
        self.column.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.column.__exit__(*exc)


def _logout(kind: str) -> None:
    sign_out(kind)
    ui.navigate.to("/provider/login" if kind == sessions.PROVIDER_KEY else "/login")
