"""/admin: KPIs and charts from core.analytics, with filters and a click-through to the requests behind them."""

from nicegui import run, ui

from core.analytics.dashboard import Dashboard, dashboard
from core.analytics.filters import DEFAULT_PERIOD, from_params
from core.db import session_scope
from core.money import format_xaf
from core.security.headers import MAP_TILES
from pages.admin.common import filter_bar, href
from ui import charts, theme
from ui.frame import admin_page
from ui.i18n import count, language, t
from ui.kpi import duration, kpi, percent, stars

# a map tile loads within 3 s: the network and the tile server are there (the answer comes back as true/false)
TILES_REACHABLE = f"""return await new Promise(done => {{ const tile = new Image();
  tile.onload = () => done(true); tile.onerror = () => done(false); setTimeout(() => done(false), 3000);
  tile.src = "{MAP_TILES}/0/0/0.png"; }});"""
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
        kpi(t("Encaissé"), format_xaf(k.revenue), mark="revenue", hint=count("payments", k.payments))
        kpi(t("Commission"), format_xaf(k.commission), mark="commission")
        kpi(t("Note moyenne"), stars(k.rating_avg), mark="rating", hint=count("ratings", k.ratings))
        kpi(t("Prestataires actifs"), str(k.active_providers), mark="providers")
    counts = {"requests": k.requests, "offered": k.offered, "assigned": k.assigned, "completed": k.completed,
              "paid": k.paid}
    with ui.row().classes("w-full gap-2 text-sm flex-wrap").mark("funnel-counts"):
        for key, label in FUNNEL:
            target = requests_href if key == "requests" else href("/admin/requests", **values, stage=key)
            ui.link(f"{t(label)} : {counts[key]}", target).mark(f"funnel-{key}")
    lang = language()
    with ui.element("div").classes("w-full grid grid-cols-1 lg:grid-cols-2 gap-2"):
        with ui.column().classes("w-full gap-0"):
            _chart(charts.requests_over_time(data.by_day, title=t("Demandes par jour et par service"), language=lang),
                   lambda d: href("/admin/requests", **{**values, "period": "all", "service": d[0], "day": d[1]}),
                   "chart-by-day")
            _legend(sorted({service for _, service, _ in data.by_day}), lang)
            if not data.by_day:
                ui.label(t("Aucune demande sur cette période.")).classes(theme.MUTED).mark("chart-by-day-empty")
        stages = [(key, t(label), counts[key]) for key, label in FUNNEL]
        _chart(charts.funnel(stages, title=t("Entonnoir")),
               lambda d: requests_href if d[0] == "requests" else href("/admin/requests", **values, stage=d[0]),
               "chart-funnel")
        _chart(charts.assignment_histogram(data.assign_buckets, title=t("Délai d'assignation")),
               lambda d: href("/admin/requests", **values, bucket=d[0]), "chart-assign")
        _chart(charts.leaderboard(data.leaderboard, title=t("Meilleurs prestataires (travaux terminés)")),
               lambda d: href("/admin/providers/" + str(d[0])), "chart-leaderboard")
    where = {"title": t("Demandes par quartier"), "labels": (t("demandes"), t("prestataires"))}
    quartiers = _chart(charts.quartier_scatter(data.by_quartier, data.providers_by_quartier, **where),
                       lambda d: href("/admin/requests", **{**values, "quartier": d[0]}), "chart-quartiers")
    ui.label(t("Taille du cercle : nombre de demandes ; couleur : prestataires qui servent le quartier.")).classes(
        theme.MUTED)

    async def base_map() -> None:  # tiles reachable: the same points on a real map (the click still drills down)
        if data.by_quartier and await ui.run_javascript(TILES_REACHABLE, timeout=6.0):
            quartiers.update_figure(charts.for_page(charts.quartier_map(
                data.by_quartier, data.providers_by_quartier, **where)))
            quartiers.mark("chart-quartiers chart-quartiers-map")

    ui.timer(0.1, base_map, once=True)
    with ui.card().classes(theme.CARD).mark("leaderboard"):
        ui.label(t("Classement")).classes(theme.SUBTITLE)
        if not data.leaderboard:
            ui.label(t("Aucun travail terminé sur cette période.")).classes(theme.MUTED).mark("leaderboard-empty")
        for rank, row in enumerate(data.leaderboard, 1):
            with ui.row().classes("w-full justify-between text-sm no-wrap"):
                ui.link(f"{rank}. {row.name}", f"/admin/providers/{row.id}")
                ui.label(f"{row.jobs} · {format_xaf(row.billed)} · {stars(row.rating)}").mark(
                    f"leader-{row.id}")


def _chart(figure, target, mark: str) -> ui.plotly:
    """A plotly chart whose click opens target(customdata) (the requests behind the bar or point)."""
    def open_target(event) -> None:
        data = charts.clicked(event.args)
        if data:
            ui.navigate.to(target(data))

    plot = ui.plotly(charts.for_page(figure)).classes("w-full").mark(mark)
    plot.on("plotly_click", open_target, ["points"])
    return plot


def _legend(codes: list[str], lang: str) -> None:
    """The services' colours below the chart, wrapping on a phone instead of scrolling inside the plot."""
    with ui.row().classes("w-full gap-x-3 gap-y-1 px-2 flex-wrap").mark("chart-by-day-legend"):
        for name, colour in charts.legend_items(codes, lang):
            with ui.row().classes("items-center gap-1 no-wrap"):
                ui.element("span").classes("inline-block w-3 h-3 rounded-sm").style(f"background:{colour}")
                ui.label(name).classes("text-xs")
