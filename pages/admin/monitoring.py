"""/admin/monitoring: outbox backlog and failures, delivery rates, webhook latency, LLM usage, scheduler."""

from nicegui import run, ui

from core import clock
from core.analytics import monitoring
from core.db import session_scope
from ui import theme
from ui.frame import admin_page
from ui.i18n import count as counted
from ui.i18n import t, w, when
from ui.kpi import kpi, percent


def _load() -> dict:
    with session_scope() as session:
        return {"outbox": monitoring.outbox_health(session=session),
                "webhooks": monitoring.webhook_latency(session=session),
                "llm": monitoring.llm_usage(session=session), "llm_rate": monitoring.model_call_rate(session=session),
                "scheduler": monitoring.scheduler_health(session=session)}


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f} ms"


def _cost(row: monitoring.ModelUsage) -> str:
    """Return the cost of a model's calls in dollars; calls of a model without a known price are never shown as 0."""
    if row.cost_microusd is None:
        return t("coût inconnu")
    known = f"${row.cost_microusd / 1_000_000:.4f}"
    return f"{known} + {t('coût inconnu pour')} {row.unknown_cost} {t('appels')}" if row.unknown_cost else known


@admin_page("/admin/monitoring", title="Surveillance")
async def monitoring_page(account) -> None:
    """Health of the moving parts."""
    data = await run.io_bound(_load)
    outbox = data["outbox"]
    delivered = sum(n for k, n in outbox.delivery.items() if k in ("delivered", "read"))
    sent_total = sum(outbox.delivery.values())
    with ui.element("div").classes(theme.KPI_GRID):
        kpi(t("File d'envoi"), str(outbox.backlog), mark="backlog")
        kpi(t("Plus ancien en attente"), "–" if outbox.oldest_backlog_seconds is None
            else f"{outbox.oldest_backlog_seconds / 60:.0f} min", mark="oldest")
        kpi(t("Échecs d'envoi"), str(outbox.by_status.get("failed", 0)), mark="failed")
        kpi(t("Livrés (24 h)"), percent(delivered, sent_total), mark="delivered-rate")
    with ui.card().classes(theme.CARD).mark("delivery"):
        ui.label(t("Statuts de livraison (24 h)")).classes(theme.SUBTITLE)
        for status, count in sorted(outbox.delivery.items()):
            ui.label(f"{w('delivery.' + status)} : {count} ({percent(count, sent_total)})").classes("text-sm")
        for code, count in sorted(outbox.errors.items()):
            ui.label(f"{t('erreur')} {code} : {count}").classes("text-sm text-negative")
        if not outbox.delivery and not outbox.errors:
            ui.label(t("Aucun message envoyé ces dernières 24 heures.")).classes(theme.MUTED).mark("delivery-empty")
    with ui.card().classes(theme.CARD).mark("failures"):
        ui.label(t("Derniers échecs")).classes(theme.SUBTITLE)
        for row in outbox.failures:
            ui.label(f"#{row.id} {w('channel.' + row.channel)} · {row.error_code} · {row.last_error[:80]} · "
                     f"{when(row.created_at)}").classes("text-xs")
        if not outbox.failures:
            ui.label(t("Aucun échec d'envoi.")).classes(theme.MUTED).mark("failures-empty")
    with ui.card().classes(theme.CARD).mark("webhooks"):
        ui.label(t("Webhooks (24 h)")).classes(theme.SUBTITLE)
        for row in data["webhooks"]:
            ui.label(f"{row.route} · {counted('calls', row.hits)} · {t('médiane')} {_ms(row.p50)} · "
                     f"{t('95 sur 100 sous')} {_ms(row.p95)} · {t('erreurs serveur')} {row.errors}").classes(
                "text-sm").mark(f"webhook-{row.route}")
        if not data["webhooks"]:
            ui.label(t("Aucun appel reçu ces dernières 24 heures.")).classes(theme.MUTED).mark("webhooks-empty")
    with ui.card().classes(theme.CARD).mark("llm"):
        ui.label(t("Modèles de langue (7 jours)")).classes(theme.SUBTITLE)
        rate = data["llm_rate"]
        ui.label(f"{t('Appels de modèle par message client')} : "
                 f"{'–' if rate.rate is None else format(rate.rate, '.2f')} "
                 f"({counted('calls', rate.calls)} / {counted('messages', rate.messages)})").classes(
            "text-sm").mark("llm-rate")
        for row in data["llm"]:
            ui.label(f"{row.provider} · {row.model} · {counted('calls', row.calls)} · "
                     f"{row.errors} {t('erreurs')} · {_ms(row.latency_ms)} · "
                     f"{counted('tokens', row.tokens)} · {_cost(row)}").classes("text-sm").mark(
                f"llm-{row.provider}-{row.model}")
    with ui.card().classes(theme.CARD).mark("scheduler"):
        ui.label(t("Tâches planifiées (tous les processus)")).classes(theme.SUBTITLE)
        for job in data["scheduler"]:
            state = t("pas encore lancée") if job.at is None else ("✅" if job.ok else "❌ " + job.error)
            ui.label(f"{w('job.' + job.name)} · {t('toutes les')} {job.every:g} s · "
                     f"{clock.format_local(job.at, '%H:%M:%S') if job.at else ''} · {state}"
                     + (f" · ⚠️ {t('en retard')}" if job.late else "")).classes("text-sm").mark(f"job-{job.name}")
            for last in job.processes:
                outcome = "✅" if last.ok else "❌ " + last.error[:80]
                count = "–" if last.count is None else str(last.count)
                ui.label(f"↳ {last.process} · {clock.format_local(last.at, '%d/%m %H:%M:%S')} · {outcome} · "
                         f"{count} · {_ms(last.seconds * 1000)}" + (f" · {t('inactif')}" if last.stale else "")
                         ).classes("text-xs text-gray-500 pl-4").mark(f"job-{job.name}-{last.process}")
