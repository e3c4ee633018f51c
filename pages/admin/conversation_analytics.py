"""/admin/conversation-analytics: what customers write about, how well it is read, where conversations stop."""

from nicegui import run, ui

from core import clock
from core.analytics import conversation_stats as stats
from core.analytics.filters import DEFAULT_PERIOD
from core.db import session_scope
from pages.admin.common import PERIOD_LABELS, href, known
from ui import charts, theme
from ui.frame import admin_page
from ui.i18n import t
from ui.kpi import duration, kpi, percent

PATH = "/admin/conversation-analytics"
LIST_PATH = f"{PATH}/conversations"
CHANNEL_LABELS = {"": "Tous", "whatsapp": "WhatsApp", "web": "Web", "simulator": "Simulateur"}
INTENT_LABELS = {"new_request": "Nouvelle demande", "status_check": "Suivi", "cancel": "Annulation",
                 "smalltalk": "Politesse", "info": "Question", "complaint": "Réclamation",
                 "join_as_provider": "Devenir prestataire", "other": "Autre"}
LANGUAGE_LABELS = {"fr": "Français", "en": "English"}
QUESTION_LABELS = {"": "Aucune question en attente", "service_type": "Quel service ?", "location": "Quel quartier ?",
                   "rating": "Note du travail"}
METRIC_LABELS = {"turns": "Messages lus", "intent": "Intention", "language": "Langue",
                 "not_understood": "Messages non compris", "model": "Messages lus par un modèle",
                 "begun": "Conversations commencées", "converted": "Conversations devenues demande",
                 "dropped": "Conversations sans demande, arrêtées à"}


def _load(params: dict) -> stats.Overview:
    with session_scope() as session:
        return stats.overview(session=session, scope=stats.scope_from(params))


def _values(period: str, channel: str) -> dict[str, str]:
    return {"period": known(PERIOD_LABELS, period, DEFAULT_PERIOD), "channel": known(CHANNEL_LABELS, channel)}


@admin_page(PATH, title="Analyse des conversations")
async def conversation_analytics_page(account, period: str = DEFAULT_PERIOD, channel: str = "") -> None:
    """Turns by intent and language, understanding, model use and cost, drop-off, time to a request, by channel."""
    values = _values(period, channel)
    _filters(values)
    data = await run.io_bound(_load, values)
    totals, reached = data.totals, data.to_request
    begun = sum(row.begun for row in data.channels)
    dropped = sum(n for _, n in data.drop_off)

    def drill(metric: str, key: str = "", **extra: str) -> str:
        return href(LIST_PATH, **values, metric=metric, key=key, **extra)

    with ui.element("div").classes(theme.KPI_GRID):
        kpi(t("Messages lus"), str(totals.turns), mark="turns", href=drill("turns"))
        kpi(t("Non compris"), percent(totals.not_understood, totals.turns), mark="not-understood",
            href=drill("not_understood"), hint=f"{totals.not_understood} / {totals.turns}")
        kpi(t("Lus par un modèle"), percent(totals.with_model, totals.turns), mark="with-model",
            href=drill("model"), hint=f"{totals.with_model} / {totals.turns} · {totals.model_calls} "
                                      f"{t('appels')}")
        kpi(t("Coût des modèles"), _cost(totals), mark="model-cost", href=drill("model"))
        kpi(t("Conversations commencées"), str(begun), mark="begun", href=drill("begun"))
        kpi(t("Devenues demande"), percent(reached.conversations, begun), mark="converted",
            href=drill("converted"), hint=f"{reached.conversations} / {begun}")
        kpi(t("Messages médians avant la demande"), _number(reached.median_turns), mark="median-turns",
            href=drill("converted"))
        kpi(t("Délai médian jusqu'à la demande"), duration(reached.median_seconds), mark="median-time",
            href=drill("converted"))
    with ui.element("div").classes("w-full grid grid-cols-1 lg:grid-cols-2 gap-2"):
        _chart(charts.counts_over_time(data.intents, title=t("Intentions par jour"),
                                       names={k: t(v) for k, v in INTENT_LABELS.items()}),
               lambda d: drill("intent", d[0], day=d[1]), "chart-intents")
        _chart(charts.counts_over_time(data.languages, title=t("Langues par jour"), names=LANGUAGE_LABELS),
               lambda d: drill("language", d[0], day=d[1]), "chart-languages")
        _chart(charts.labelled_bars([(k, t(QUESTION_LABELS.get(k, k)), n) for k, n in data.drop_off],
                                    title=t("Sans demande : la question où ils se sont arrêtés")),
               lambda d: drill("dropped", d[0]), "chart-drop-off")
    with ui.card().classes(theme.CARD).mark("drop-off"):
        ui.label(f"{t('Sans demande')} : {dropped}").classes(theme.SUBTITLE)
        for key, count in data.drop_off:
            ui.link(f"{t(QUESTION_LABELS.get(key, key))} : {count}", drill("dropped", key)).classes(
                "text-sm").mark(f"drop-{key or 'none'}")
    with ui.card().classes(theme.CARD).mark("channels"):
        ui.label(t("Par canal")).classes(theme.SUBTITLE)
        for row in data.channels:
            scoped = {**values, "channel": row.channel}
            with ui.row().classes("w-full gap-3 text-sm flex-wrap").mark(f"channel-{row.channel}"):
                ui.label(CHANNEL_LABELS[row.channel]).classes("font-semibold w-24")
                ui.link(f"{row.turns} {t('messages')}", href(LIST_PATH, **scoped, metric="turns"))
                ui.link(f"{t('non compris')} {percent(row.not_understood, row.turns)}",
                        href(LIST_PATH, **scoped, metric="not_understood"))
                ui.link(f"{t('modèle')} {percent(row.with_model, row.turns)}",
                        href(LIST_PATH, **scoped, metric="model"))
                ui.link(f"{row.begun} {t('commencées')}", href(LIST_PATH, **scoped, metric="begun"))
                ui.link(f"{row.converted} {t('devenues demande')}", href(LIST_PATH, **scoped, metric="converted"))


@admin_page(LIST_PATH, title="Analyse des conversations")
async def conversations_behind_page(account, period: str = DEFAULT_PERIOD, channel: str = "", metric: str = "turns",
                                    key: str = "", day: str = "") -> None:
    """The conversations behind one figure of the analytics page."""
    values = _values(period, channel)
    metric = metric if metric in METRIC_LABELS else "turns"
    total, rows = await run.io_bound(_behind, {**values, "day": day}, metric, key[:40])
    what = t(METRIC_LABELS[metric]) + (f" · {_key_label(metric, key)}" if metric in ("intent", "language", "dropped")
                                       else "")
    ui.link(f"← {t('Analyse des conversations')}", href(PATH, **values)).classes("text-sm")
    ui.label(f"{what} · {t(PERIOD_LABELS[values['period']])} · {t(CHANNEL_LABELS[values['channel']])}"
             + (f" · {day}" if day else "")).classes(theme.SUBTITLE)
    turns = sum(r.turns for r in rows)
    summary = f"{total} conversations" + (f" · {turns} {t('messages')}" if metric in stats.TURN_METRICS else "")
    ui.label(summary + (f" ({t('les')} {stats.DRILL_LIMIT} {t('plus récentes')})" if total > len(rows) else "")
             ).classes(theme.MUTED).mark("behind-summary")
    with ui.column().classes("w-full gap-1").mark("behind"):
        for row in rows:
            conversation = row.conversation
            with ui.card().classes("w-full p-2 gap-0 cursor-pointer").on(
                    "click", lambda _, i=conversation.id: ui.navigate.to(f"/admin/conversations/{i}")).mark(
                    f"behind-{conversation.id}"):
                ui.label(f"#{conversation.id} · {conversation.channel} · "
                         f"{clock.format_local(conversation.created_at, '%d/%m %H:%M')}").classes("text-sm")
                ui.label(f"{row.turns} {t('messages')}").classes("text-xs text-gray-500")


def _behind(params: dict, metric: str, key: str) -> tuple[int, list[stats.ConversationTurns]]:
    with session_scope() as session:
        return stats.conversations(session=session, scope=stats.scope_from(params), metric=metric, key=key)


def _key_label(metric: str, key: str) -> str:
    labels = {"intent": INTENT_LABELS, "language": LANGUAGE_LABELS, "dropped": QUESTION_LABELS}[metric]
    return t(labels.get(key, key))


def _filters(values: dict[str, str]) -> None:
    def go(name: str, value: str) -> None:
        ui.navigate.to(href(PATH, **{**values, name: value}))

    with ui.row().classes(theme.FILTERS):
        ui.select({k: t(v) for k, v in PERIOD_LABELS.items()}, value=values["period"], label=t("Période"),
                  on_change=lambda e: go("period", e.value)).props("dense outlined").classes("w-32").mark(
            "filter-period")
        ui.select({k: t(v) for k, v in CHANNEL_LABELS.items()}, value=values["channel"], label=t("Canal"),
                  on_change=lambda e: go("channel", e.value)).props("dense outlined").classes("w-36").mark(
            "filter-channel")


def _cost(totals: stats.TurnTotals) -> str:
    """Return the models' cost in dollars; calls of a model without a known price are never shown as free."""
    known_cost = f"${totals.cost_microusd / 1_000_000:.4f}"
    return f"{known_cost} + {totals.unpriced} {t('appels sans prix')}" if totals.unpriced else known_cost


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:g}".replace(".", ",")


def _chart(figure, target, mark: str) -> None:
    """A plotly chart whose click opens target(customdata): the conversations behind the bar."""
    def open_target(event) -> None:
        data = charts.clicked(event.args)
        if data:
            ui.navigate.to(target(data))

    plot = ui.plotly(figure).classes("w-full").mark(mark)
    plot.on("plotly_click", open_target, ["points"])
