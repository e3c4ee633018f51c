"""Pieces shared by admin pages: filter bar, links that keep the filters, status badges, money."""

from urllib.parse import urlencode

from nicegui import ui

from core.analytics.filters import DEFAULT_PERIOD
from core.catalog import quartiers, services
from core.service_requests.models import RequestStatus
from ui import theme
from ui.i18n import language, t, w

PERIOD_LABELS = {"today": "Aujourd'hui", "7d": "7 jours", "30d": "30 jours", "90d": "90 jours", "365d": "1 an",
                 "all": "Tout"}


def href(path: str, **params: object) -> str:
    """Return path with the non-empty params as a query string."""
    query = {k: v for k, v in params.items() if v not in (None, "")}
    return f"{path}?{urlencode(query)}" if query else path


def service_options() -> dict[str, str]:
    """Return {"": all, code: name} for a select."""
    return {"": "—", **{s.code: s.name(language()) for s in services()}}


def quartier_options() -> dict[str, str]:
    """Return {"": all, name: name} for a select."""
    return {"": "—", **{q.name: q.name for q in quartiers()}}


def status_options() -> dict[str, str]:
    """Return {"": all, status: label} for a select."""
    return {"": "—", **{s.value: w(f"status.{s}") for s in RequestStatus}}


def known(options: dict[str, str], value: str | None, default: str = "") -> str:
    """Return value when it is one of the options, else default (a hand-typed address may hold anything)."""
    return value if value in options else default


def filter_bar(path: str, values: dict[str, str], *, with_status: bool = False, extra: dict | None = None) -> None:
    """Period, service, quartier (and status) selects; a change reloads path with the new query."""
    def go(name: str, value: str) -> None:
        ui.navigate.to(href(path, **{**values, **(extra or {}), name: value}))

    with ui.row().classes(theme.FILTERS):
        ui.select({k: t(v) for k, v in PERIOD_LABELS.items()}, value=known(PERIOD_LABELS, values.get("period"),
                                                                          DEFAULT_PERIOD),
                  label=t("Période"), on_change=lambda e: go("period", e.value)).props("dense outlined").classes(
            "w-32").mark("filter-period")
        ui.select(service_options(), value=known(service_options(), values.get("service")), label=t("Service"),
                  on_change=lambda e: go("service", e.value)).props("dense outlined").classes("w-40").mark(
            "filter-service")
        ui.select(quartier_options(), value=known(quartier_options(), values.get("quartier")), label=t("Quartier"),
                  on_change=lambda e: go("quartier", e.value)).props("dense outlined use-input").classes(
            "w-40").mark("filter-quartier")
        if with_status:
            ui.select(status_options(), value=known(status_options(), values.get("status")), label=t("Statut"),
                      on_change=lambda e: go("status", e.value)).props("dense outlined").classes("w-36").mark(
                "filter-status")


def status_badge(status: str) -> None:
    """A coloured badge with the status in words."""
    ui.badge(w(f"status.{status}"), color=theme.STATUS_COLOURS.get(status, "grey")).mark(
        f"status-{status}")
