"""/admin/requests: the filtered, searchable, paginated list of requests (where dashboard clicks land), and CSV.

The CSV routes live here, next to a page, so they are registered again whenever the pages are."""

from collections.abc import Iterator
from datetime import datetime

from fastapi import Request
from fastapi.responses import Response, StreamingResponse
from nicegui import app, run, ui

from core import clock
from core.analytics.export import conversations_csv, requests_csv
from core.analytics.filters import DEFAULT_PERIOD, from_params
from core.analytics.requests import RequestPage, search_requests
from core.auth import sessions
from core.db import session_scope, storable
from core.money import format_xaf
from core.phones import display_phone
from core.providers.models import Provider
from core.texts import formats
from pages.admin.common import filter_bar, href, status_badge
from ui import theme
from ui.charts import service_label
from ui.frame import admin_page, current_admin
from ui.i18n import count, language, t, w, when

PAGE_SIZE = 25


def _load(params: dict, text: str, page: int) -> RequestPage:
    with session_scope() as session:
        return search_requests(session=session, filters=from_params(params), text=text, page=page,
                               page_size=PAGE_SIZE)


@admin_page("/admin/requests", title="Demandes")
async def requests_page(account, period: str = DEFAULT_PERIOD, service: str = "", quartier: str = "",
                        status: str = "", stage: str = "", bucket: str = "", day: str = "", provider: str = "",
                        q: str = "", page: int = 1) -> None:
    """List with filters, search and pages."""
    values = {"period": period, "service": service, "quartier": quartier, "status": status}
    narrowed = {"stage": stage, "bucket": bucket, "day": day, "provider": provider}
    filter_bar("/admin/requests", values, with_status=True, extra={**narrowed, "q": q})
    with ui.row().classes("w-full items-center gap-2"):
        search = ui.input(t("Référence ou téléphone"), value=q).props("dense outlined clearable").classes(
            "grow").mark("request-search")
        search.on("keydown.enter", lambda: ui.navigate.to(href("/admin/requests", **values, **narrowed,
                                                                q=search.value or "")))
        ui.button(icon="search", on_click=lambda: ui.navigate.to(
            href("/admin/requests", **values, **narrowed, q=search.value or ""))).props("flat").mark("search-go")
        ui.link("CSV", href("/admin/export/requests.csv", **values, **narrowed)).classes("text-sm").mark(
            "export-requests")
    if any(narrowed.values()):
        shown = ", ".join(chip(k, v) for k, v in narrowed.items() if v)
        ui.link(f"✕ {shown}", href("/admin/requests", **values, q=q)).classes("text-sm").mark("clear-narrowing")
    result = await run.io_bound(_load, {**values, **narrowed}, q, max(1, page))
    ui.label(count("requests", result.total)).classes(theme.MUTED).mark("request-total")
    if not result.rows:
        ui.label(t("Aucune demande ne correspond à ces filtres.")).classes(theme.MUTED).mark("request-empty")
    lang = language()
    with ui.column().classes("w-full gap-1").mark("request-list"):
        for row in result.rows:
            with ui.card().classes("w-full p-2 gap-1 cursor-pointer").on(
                    "click", lambda _, i=row.id: ui.navigate.to(f"/admin/requests/{i}")).mark(
                    f"request-row-{row.reference}"):
                with ui.row().classes("w-full justify-between items-center no-wrap"):
                    ui.link(row.reference, f"/admin/requests/{row.id}").classes("font-mono font-semibold")
                    with ui.row().classes("gap-1 no-wrap"):
                        if row.paid:
                            ui.badge(w("paid." + row.paid), color=theme.PAID_COLOURS[row.paid]).mark(
                                f"paid-{row.reference}")
                        status_badge(row.status)
                ui.label(f"{service_label(row.service_type, lang)} · {row.quartier} · "
                         f"{when(row.created_at)}").classes("text-sm")
                details = [display_phone(row.phone) if row.phone else "", row.provider or "",
                           format_xaf(row.final_price) if row.final_price else ""]
                ui.label(" · ".join(d for d in details if d)).classes(theme.MUTED)
    with ui.row().classes("w-full justify-center items-center gap-2"):
        query = {**values, **narrowed, "q": q}
        if result.page > 1:
            ui.link("←", href("/admin/requests", **query, page=result.page - 1)).mark("page-prev")
        ui.label(f"{result.page} / {result.pages}").mark("page-number")
        if result.page < result.pages:
            ui.link("→", href("/admin/requests", **query, page=result.page + 1)).mark("page-next")


def chip(name: str, value: str) -> str:
    """Return a narrowing from a dashboard click in words ("Étape : payées", "Jour : 3 déc. 2026")."""
    if name == "stage":
        value = w(f"stage.{value}")
    elif name == "day":
        value = _day(value)
    elif name == "provider" and value.isdigit():
        value = _provider_name(int(value)) or value
    return w(f"chip.{name}", value=value)


def _day(value: str) -> str:
    try:
        return formats.moment(datetime.fromisoformat(value), language(), with_time=False)
    except ValueError:
        return value


def _provider_name(provider_id: int) -> str:
    with session_scope() as session:
        provider = session.get(Provider, provider_id) if storable(provider_id) else None
        return provider.name if provider else ""


def _denied(request: Request) -> Response | None:
    account = current_admin(request)
    if account is None:
        return Response("sign in first: /login", status_code=401, media_type="text/plain")
    if not sessions.has_role(account, "operator"):
        return Response("forbidden", status_code=403, media_type="text/plain")
    return None


def _stream(kind: str, params: dict) -> Iterator[str]:
    producer = requests_csv if kind == "requests" else conversations_csv
    with session_scope() as session:
        yield from producer(session=session, filters=from_params(params))


def _response(kind: str, request: Request) -> Response:
    denied = _denied(request)
    if denied is not None:
        return denied
    name = f"djobea-{kind}-{clock.local(clock.now()):%Y%m%d-%H%M}.csv"
    return StreamingResponse(_stream(kind, dict(request.query_params)), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{name}"',
                                      "Cache-Control": "no-store"})


@app.get("/admin/export/requests.csv")
def export_requests(request: Request) -> Response:
    """Stream the requests matching the list's filters as CSV."""
    return _response("requests", request)


@app.get("/admin/export/conversations.csv")
def export_conversations(request: Request) -> Response:
    """Stream the messages of conversations in the period as CSV."""
    return _response("conversations", request)
