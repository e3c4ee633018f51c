"""/provider: availability, open offers (accept/decline) and current jobs (start/complete), as on WhatsApp."""

from nicegui import run, ui

from core.analytics.portal import own_job, own_offer
from core.db import session_scope
from core.matching import jobs
from core.matching.replies import open_jobs, open_offers
from core.money import format_range, format_xaf
from core.providers.models import Provider
from core.providers.service import set_availability
from pages.admin.common import status_badge
from ui import theme
from ui.charts import service_label
from ui.confirm import Confirmation
from ui.frame import provider_page
from ui.i18n import language, t

OUTCOMES = {
    "accepted": "C'est à vous ✅ Les coordonnées du client vous sont envoyées sur WhatsApp.",
    "taken": "Un autre artisan a déjà pris ce travail.", "offer_closed": "Ce travail n'est plus disponible.",
    "at_capacity": "Vous avez déjà le maximum de travaux en cours.", "declined_ok": "C'est noté, merci 🙏",
    "started_ok": "Bon travail ! Le client est prévenu.",
    "completed_ok": "Merci ! Le client reçoit le lien de paiement.",
}


def _board(provider_id: int):
    with session_scope() as session:
        provider = session.get(Provider, provider_id)
        offers = [(o.id, r) for o, r in open_offers(session=session, provider=provider)]
        return provider, offers, open_jobs(session=session, provider=provider)


def act(provider_id: int, action: str, item_id: int, price: int | None = None) -> str:
    """Run the provider's action through core.matching.jobs, on their own offer or job only; return the outcome."""
    with session_scope() as session:
        provider = session.get(Provider, provider_id)
        if action in ("accept", "decline"):
            if own_offer(session=session, provider=provider, offer_id=item_id) is None:
                return "offer_closed"
            function = jobs.accept_offer if action == "accept" else jobs.decline_offer
            outcome, _ = function(session=session, provider=provider, offer_id=item_id)
            return outcome
        if own_job(session=session, provider=provider, request_id=item_id) is None:
            return "offer_closed"
        if action == "start":
            outcome, _ = jobs.start_job(session=session, provider=provider, request_id=item_id, stage="working")
            return outcome
        if not isinstance(price, int) or price <= 0:
            return "price_needed"
        outcome, _ = jobs.complete_job(session=session, provider=provider, request_id=item_id, price=price)
        return outcome


def _set_available(provider_id: int, available: bool) -> None:
    with session_scope() as session:
        set_availability(session=session, provider=session.get(Provider, provider_id), available=available)


@provider_page("/provider", title="Travaux en cours")
async def portal(provider) -> None:
    """Offers to answer and jobs to do."""
    fresh, offers, current = await run.io_bound(_board, provider.id)
    lang = language()

    async def do(action: str, item_id: int, price: int | None = None) -> None:
        outcome = await run.io_bound(act, provider.id, action, item_id, price)
        if outcome == "price_needed":
            ui.notify(t("Indiquez le prix final."), type="warning")
            return
        ui.notify(t(OUTCOMES.get(outcome, outcome)), type="positive" if outcome.endswith(("ok", "accepted"))
                  else "warning")
        ui.navigate.reload()

    availability(provider.id, fresh.available)
    with ui.card().classes(theme.CARD).mark("offers"):
        ui.label(t("Offres ouvertes")).classes(theme.SUBTITLE)
        if not offers:
            ui.label(t("Aucune offre pour le moment.")).classes(theme.MUTED).mark("offers-empty")
        for offer_id, request in offers:
            with ui.column().classes("w-full gap-1 border-b pb-2").mark(f"offer-{request.reference}"):
                ui.label(f"{request.reference} · {service_label(request.service_type, lang)} · {request.quartier}"
                         ).classes("font-semibold")
                ui.label(request.description or "").classes("text-sm")
                ui.label(format_range(request.price_min, request.price_max)).classes(theme.MUTED)
                with ui.row().classes("gap-2"):
                    ui.button(t("Accepter"), on_click=lambda _, i=offer_id: do("accept", i)).props(
                        "color=primary").mark(f"accept-{request.reference}")
                    ui.button(t("Refuser"), on_click=lambda _, i=offer_id: do("decline", i)).props("outline").mark(
                        f"decline-{request.reference}")
    with ui.card().classes(theme.CARD).mark("jobs"):
        ui.label(t("Travaux en cours")).classes(theme.SUBTITLE)
        if not current:
            ui.label(t("Aucun travail en cours.")).classes(theme.MUTED).mark("jobs-empty")
        for request in current:
            with ui.column().classes("w-full gap-1 border-b pb-2").mark(f"job-{request.reference}"):
                with ui.row().classes("w-full justify-between items-center"):
                    ui.link(f"{request.reference} · {service_label(request.service_type, lang)}",
                            f"/provider/jobs/{request.id}").classes("font-semibold")
                    status_badge(request.status)
                ui.label(" · ".join(p for p in (request.quartier, request.address) if p)).classes("text-sm")
                with ui.row().classes("items-end gap-2"):
                    if request.status == "assigned":
                        ui.button(t("Commencer"), on_click=lambda _, i=request.id: do("start", i)).props(
                            "outline").mark(f"start-{request.reference}")
                    price = ui.number(t("Prix final (FCFA)"), min=0, step=500, format="%d").props(
                        "dense outlined").classes("w-40").mark(f"price-{request.reference}")
                    ui.button(t("Terminer"), on_click=lambda _, i=request.id, p=price: do(
                        "complete", i, int(p.value) if p.value else None)).props("color=primary").mark(
                        f"complete-{request.reference}")
                if request.final_price:
                    ui.label(format_xaf(request.final_price)).classes(theme.MUTED)


def availability(provider_id: int, available: bool) -> None:
    """The provider's state in words, and a switch that changes it only after they confirm what it means."""
    async def submit() -> str:
        await run.io_bound(_set_available, provider_id, not available)
        return ""

    if available:
        state = t("Vous êtes disponible : vous recevez les nouvelles offres.")
        dialog = Confirmation(t("Vous mettre en pause ?"),
                              t("Vous ne recevrez plus de nouvelles offres, ni ici ni sur WhatsApp, jusqu'à ce que "
                                "vous redeveniez disponible. Vos travaux en cours ne changent pas."),
                              action=t("Me mettre en pause"), mark="availability", submit=submit, danger=False)
    else:
        state = t("Vous êtes en pause : vous ne recevez pas de nouvelles offres.")
        dialog = Confirmation(t("Redevenir disponible ?"),
                              t("Vous recevrez de nouveau les offres de travaux près de chez vous, ici et sur "
                                "WhatsApp."),
                              action=t("Recevoir des offres"), mark="availability", submit=submit, danger=False)
    with ui.card().classes(theme.CARD).mark("availability"):
        with ui.row().classes("w-full items-center justify-between no-wrap"):
            ui.label(state).classes("text-sm font-semibold " + ("text-positive" if available else "text-orange-800")
                                    ).mark("availability-state")
            switch = ui.switch(t("Disponible"), value=available).mark("available-switch")
            switch.on_value_change(lambda e: dialog.open() if e.value != available else None)
            dialog.dialog.on_value_change(lambda e: None if e.value else switch.set_value(available))
