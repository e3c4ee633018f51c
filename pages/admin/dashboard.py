"""/admin: KPIs and charts from core.analytics, with filters and a click-through to the requests behind them."""

from nicegui import run, ui

from core.analytics.dashboard import Dashboard, dashboard
from core.analytics.filters import DEFAULT_PERIOD, from_params
from core.db import session_scope
from core.money import format_xaf
from pages.admin.common import filter_bar, href
from ui import charts, theme
from ui.frame import admin_page
from ui.i18n import language, t
from ui.kpi import duration, kpi, percent, stars

FUNNEL = (("requests", "Demandes"), ("offered", "Proposées"), ("assigned", "Assignées"),
          ("completed", "Terminées"), ("paid", "Payées"))


def _load(params: dict) -> Dashboard:
    with session_scope() as session:
        return dashboard(session=session, filters=from_params(params))


@admin_page("/admin", title="Tableau de bord")
async def dashboard_page(account, period: str = DEFAULT_PERIOD, service: str = "", quartier: str = "") -> None:
    """KPIs, charts and filters."""
    values = {"period": period, "service": service, "quartier": quartier}
    filter_bar("/admin", values)
    data = await run.io_bound(_load, values)
    k = data.kpis
    requests_href = href("/admin/requests", **values)
    with ui.element("div").classes(theme.KPI_GRID):
        kpi(t("Demandes aujourd'hui"), str(k.requests_today), mark="today",
            href=href("/admin/requests", **{**values, "period": "today"}))
        kpi(t("Demandes cette semaine"), str(k.requests_week), mark="week")
        kpi(t("Demandes (période)"), str(k.requests), mark="requests", href=requests_href)
        kpi(t("Assignées"), percent(k.assigned, k.requests), mark="assigned-rate",
            href=href("/admin/requests", **values, stage="assigned"))
        # long periods: the median is interpolated in the daily time-to-assignment histogram, and says so
        kpi(t("Délai médian d'assignation"),
            ("≈ " if k.median_estimated and k.median_assign_seconds is not None else "")
            + duration(k.median_assign_seconds), mark="median-assign",
            hint=t("estimé par tranches de délai") if k.median_estimated else t("exact"))
        kpi(t("Terminées"), percent(k.completed, k.requests), mark="completed-rate",
            href=href("/admin/requests", **values, stage="completed"))
        kpi(t("Encaissé"), format_xaf(k.revenue), mark="revenue", hint=f"{k.payments} {t('paiements')}")
        kpi(t("Commission"), format_xaf(k.commission), mark="commission")
        kpi(t("Note moyenne"), stars(k.rating_avg), mark="rating", hint=f"{k.ratings} {t('avis')}")
        kpi(t("Prestataires actifs"), str(k.active_providers), mark="providers")
    counts = {"requests": k.requests, "offered": k.offered, "assigned": k.assigned, "completed": k.completed,
              "paid": k.paid}
    with ui.row().classes("w-full gap-2 text-sm flex-wrap").mark("funnel-counts"):
        for key, label in FUNNEL:
            target = requests_href if key == "requests" else href("/admin/requests", **values, stage=key)
            ui.link(f"{t(label)} : {counts[key]}", target).mark(f"funnel-{key}")
    lang = language()
    with ui.element("div").classes("w-full grid grid-cols-1 lg:grid-cols-2 gap-2"):
        _chart(charts.requests_over_time(data.by_day, title=t("Demandes par jour et par service"), language=lang),
               lambda d: href("/admin/requests", **{**values, "period": "all", "service": d[0], "day": d[1]}),
               "chart-by-day")
        stages = [(key, t(label), counts[key]) for key, label in FUNNEL]
        _chart(charts.funnel(stages, title=t("Entonnoir")),
               lambda d: requests_href if d[0] == "requests" else href("/admin/requests", **values, stage=d[0]),
               "chart-funnel")
        _chart(charts.assignment_histogram(data.assign_buckets, title=t("Délai d'assignation")),
               lambda d: href("/admin/requests", **values, bucket=d[0]), "chart-assign")
        _chart(charts.leaderboard(data.leaderboard, title=t("Meilleurs prestataires (travaux terminés)")),
               lambda d: href("/admin/providers/" + str(d[0])), "chart-leaderboard")
    _chart(charts.quartier_scatter(data.by_quartier, data.providers_by_quartier, title=t("Demandes par quartier"),
                                   labels=(t("demandes"), t("prestataires"))),
           lambda d: href("/admin/requests", **{**values, "quartier": d[0]}), "chart-quartiers")
    with ui.card().classes(theme.CARD).mark("leaderboard"):
        ui.label(t("Classement")).classes(theme.SUBTITLE)
        for rank, row in enumerate(data.leaderboard, 1):
            with ui.row().classes("w-full justify-between text-sm no-wrap"):
                ui.link(f"{rank}. {row['name']}", f"/admin/providers/{row['id']}")
                ui.label(f"{row['jobs']} · {format_xaf(row['billed'])} · {stars(row['rating'])}").mark(
                    f"leader-{row['id']}")


def _chart(figure, target, mark: str) -> None:
    """A plotly chart whose click opens target(customdata) (the requests behind the bar or point)."""
    def open_target(event) -> None:
        data = charts.clicked(event.args)
        if data:
            ui.navigate.to(target(data))

    plot = ui.plotly(figure).classes("w-full").mark(mark)
    plot.on("plotly_click", open_target, ["points"])
