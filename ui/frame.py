"""The page frame (header, navigation, language) and the guards every admin and provider page goes through."""

import functools
import inspect
from collections.abc import Callable
from typing import Any

from fastapi.responses import Response
from nicegui import context, ui

from core.auth import sessions
from core.db import storable
from ui import guard, theme
from ui.guard import (  # noqa: F401  (pages import these from the frame)
    current_admin,
    current_provider,
    forbidden,
    require_admin,
    require_provider,
    session_token,
    sign_in,
    still_allowed,
)
from ui.i18n import language_switch, t

# (path, label, the least role that may open it): a menu shows only what its reader may open
ADMIN_NAV = (("/admin", "Tableau de bord", "operator"), ("/admin/requests", "Demandes", "operator"),
             ("/admin/providers", "Prestataires", "operator"), ("/admin/conversations", "Conversations", "operator"),
             ("/admin/conversation-analytics", "Analyse des conversations", "operator"),
             ("/admin/payments", "Paiements", "operator"), ("/admin/monitoring", "Surveillance", "operator"),
             ("/simulator", "Simulateur", "operator"), ("/admin/team", "Équipe", "admin"),
             ("/admin/settings", "Réglages", "admin"))
PROVIDER_NAV = (("/provider", "Travaux en cours", ""), ("/provider/history", "Historique", ""),
                ("/provider/earnings", "Gains et versements", ""), ("/provider/profile", "Mon profil", ""))


def admin_page(path: str, *, title: str, role: str = "operator") -> Callable:
    """Register an admin page behind require_admin; the function gets `account` plus its path parameters."""
    return _guarded_page(path, title=title, check=lambda: require_admin(role), arg="account", nav=ADMIN_NAV,
                         kind=sessions.ADMIN_KEY, role=role)


def provider_page(path: str, *, title: str) -> Callable:
    """Register a provider page behind require_provider; the function gets `provider` plus its path parameters."""
    return _guarded_page(path, title=title, check=require_provider, arg="provider", nav=PROVIDER_NAV,
                         kind=sessions.PROVIDER_KEY)


def _guarded_page(path: str, *, title: str, check: Callable, arg: str, nav: tuple, kind: str,
                  role: str = "") -> Callable:
    def decorator(func: Callable) -> Callable:
        params = [p for p in inspect.signature(func).parameters.values() if p.name != arg]

        @functools.wraps(func)
        async def page(*args: Any, **kwargs: Any) -> Response | None:
            who = check()
            if isinstance(who, Response):
                return who
            if any(isinstance(v, int) and not storable(v) for v in kwargs.values()):
                return guard.not_found()  # an id or page number no row can have
            guard.watch(context.client, kind=kind, role=role)  # every later action is checked again
            allowed = tuple(item for item in nav if not item[2] or sessions.has_role(who, item[2]))
            with Layout(t(title), nav=allowed, kind=kind, who=getattr(who, "name", "") or getattr(who, "email", "")):
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
                # a menu on phones and tablets, every entry in the header from 1024 px (Quasar's lt-md / gt-sm:
                # Quasar's own `hidden` class is !important and would beat Tailwind's responsive display)
                if nav:
                    with ui.button(icon="menu").props("flat dense color=white").classes("lt-md").mark("nav-menu"):
                        with ui.menu():
                            for href, label, _ in nav:
                                ui.menu_item(t(label), on_click=lambda _, h=href: ui.navigate.to(h)).mark(
                                    f"nav-item-{href}")
                    with ui.element("div").classes("gap-0 flex flex-wrap gt-sm").mark("nav-bar"):
                        for href, label, _ in nav:
                            ui.link(t(label), href).classes(theme.NAV_LINK).mark(f"nav-link-{href}")
            with ui.row().classes("items-center gap-1"):
                if who:
                    ui.label(who).classes("text-xs gt-xs")
                language_switch()
                if kind == sessions.ADMIN_KEY:
                    ui.button(icon="manage_accounts", on_click=lambda: ui.navigate.to("/admin/account")).props(
                        "flat dense color=white").mark("my-account").tooltip(t("Mon compte"))
                if kind:
                    ui.button(icon="logout", on_click=lambda: guard.sign_out(kind)).props(
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
