"""/admin/settings (admins only): business rules with their current values, validated and audited on save."""

from nicegui import run, ui
from sqlmodel import select

from core.db import session_scope
from core.rules.models import AuditEntry
from core.rules.service import RULES, rule, set_rule
from ui import theme
from ui.frame import admin_page, still_allowed
from ui.i18n import error_text, language, t, when

LABELS = {"offer_batch_size": "Prestataires sollicités par tour", "offer_deadline_minutes": "Délai de réponse (min)",
          "urgent_offer_deadline_minutes": "Délai de réponse, urgence (min)", "offer_rounds": "Tours d'offres",
          "match_radius_km": "Rayon de recherche (km)", "match_wide_radius_km": "Rayon élargi (km)",
          "commission_percent": "Commission (%)"}


def _load() -> tuple[dict, list[AuditEntry]]:
    with session_scope() as session:
        values = {name: rule(name, session=session) for name in RULES}
        audit = list(session.exec(select(AuditEntry).where(AuditEntry.action == "rule.update")
                                  .order_by(AuditEntry.at.desc()).limit(20)))  # type: ignore[union-attr]
        return values, audit


def save_rule(name: str, value: object, actor: str, lang: str = "fr") -> str:
    """Store the rule's new value; return an error text or ''."""
    try:
        with session_scope() as session:
            set_rule(name, value, session=session, actor=actor)
    except ValueError as exc:
        return error_text(exc, LABELS, lang=lang)
    return ""


@admin_page("/admin/settings", title="Réglages", role="admin")
async def settings_page(account) -> None:
    """One row per rule: current value, bounds, save; the history below follows every save."""
    values, audit = await run.io_bound(_load)

    @ui.refreshable
    def history(entries: list[AuditEntry]) -> None:
        if not entries:
            ui.label(t("Aucun réglage n'a encore été modifié.")).classes(theme.MUTED).mark("rules-audit-empty")
        for entry in entries:
            ui.label(f"{when(entry.at)} · {entry.actor} · {t(LABELS.get(entry.target, entry.target))} : "
                     f"{entry.detail.get('from')} → {entry.detail.get('to')}").classes("text-sm").mark(
                "rules-audit-row")

    with ui.card().classes(theme.CARD).mark("rules"):
        for name, (_, kind, low, high) in RULES.items():
            with ui.row().classes("w-full items-end gap-2 no-wrap"):
                field = ui.number(f"{t(LABELS.get(name, name))} ({low:g}–{high:g})", value=values[name],
                                  step=1 if kind is int else 0.5).props("dense outlined").classes("grow").mark(
                    f"rule-{name}")

                async def save(_, name=name, field=field) -> None:
                    if not still_allowed("admin"):
                        ui.notify(t("Accès refusé"), type="negative")
                        return
                    error = await run.io_bound(save_rule, name, field.value, account.email, language())
                    ui.notify(error or t("Enregistré ✅"), type="negative" if error else "positive")
                    if not error:
                        history.refresh((await run.io_bound(_load))[1])

                ui.button(t("Enregistrer"), on_click=save).props("dense color=primary").mark(f"save-{name}")
    with ui.card().classes(theme.CARD).mark("rules-audit"):
        ui.label(t("Dernières modifications")).classes(theme.SUBTITLE)
        history(audit)
