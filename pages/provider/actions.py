"""What a provider does from the portal, through the same core functions as their WhatsApp words."""

from collections.abc import Awaitable, Callable

from nicegui import run, ui

from core.analytics.portal import own_job
from core.db import session_scope
from core.matching import jobs
from core.matching.portal import portal_action
from core.providers.models import Provider
from core.service_requests.models import RequestStatus, ServiceRequest
from ui.i18n import t

OUTCOMES = {
    "accepted": "C'est à vous ✅ Les coordonnées du client vous sont envoyées sur WhatsApp.",
    "taken": "Un autre artisan a déjà pris ce travail.", "offer_closed": "Ce travail n'est plus disponible.",
    "at_capacity": "Vous avez déjà le maximum de travaux en cours.", "declined_ok": "C'est noté, merci 🙏",
    "on_the_way_ok": "Bonne route 🚗 Le client sait que vous arrivez.",
    "started_ok": "Bon travail ! Le client est prévenu.",
    "completed_ok": "Merci ! Le client reçoit le lien de paiement.",
}


def act(provider_id: int, action: str, item_id: int, price: int | None = None) -> str:
    """Run the provider's action on their own offer or job, in its own transaction; return the outcome."""
    with session_scope() as session:
        provider = session.get(Provider, provider_id)
        if action not in ("accept", "decline") and own_job(session=session, provider=provider,
                                                           request_id=item_id) is None:
            return "offer_closed"
        return portal_action(session=session, provider=provider, action=action, item_id=item_id, price=price)


async def run_action(provider_id: int, action: str, item_id: int, price: int | None,
                     after: Callable[[], Awaitable[None] | None]) -> None:
    """Run the action off the event loop, say how it went, then redraw what changed."""
    outcome = await run.io_bound(act, provider_id, action, item_id, price)
    if outcome == "price_needed":
        ui.notify(t("Indiquez le prix final."), type="warning")
        return
    ui.notify(t(OUTCOMES.get(outcome, outcome)), type="positive" if outcome.endswith(("ok", "accepted"))
              else "warning")
    result = after()
    if result is not None:
        await result


def job_actions(provider_id: int, request: ServiceRequest, stages: list[str],
                after: Callable[[], Awaitable[None] | None]) -> None:
    """En route, Commencer (until told), and Terminer with the final price, for one of the provider's jobs."""
    ref = request.reference
    with ui.row().classes("items-end gap-2"):
        if request.status == RequestStatus.ASSIGNED:
            ui.button(t("En route"), icon="directions_car", on_click=lambda: run_action(
                provider_id, "on_the_way", request.id, None, after)).props("outline").mark(f"on-the-way-{ref}")
        if "started" not in stages:
            ui.button(t("Commencer"), icon="build", on_click=lambda: run_action(
                provider_id, "start", request.id, None, after)).props("outline").mark(f"start-{ref}")
        price = ui.number(t("Prix final (FCFA)"), min=0, step=500, format="%d").props(
            "dense outlined inputmode=numeric").classes("w-40").mark(f"price-{ref}")
        ui.button(t("Terminer"), on_click=lambda: run_action(
            provider_id, "complete", request.id, int(price.value) if price.value else None, after)).props(
            "color=primary").mark(f"complete-{ref}")


STAGE_LABELS = {"on_the_way": "En route", "arrived": "Sur place", "started": "Commencé"}


def stage_chip(stages: list[str]) -> None:
    """Show the latest stage the customer was told of."""
    if stages:
        ui.badge(t(STAGE_LABELS[stages[-1]]), color="teal").mark(f"stage-{stages[-1]}")


def job_stages(request_id: int) -> list[str]:
    """Return the stages the customer of this job was told of."""
    with session_scope() as session:
        return jobs.stages_reached(session=session, request_id=request_id)
