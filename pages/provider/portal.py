"""/provider: availability, open offers (accept/decline) and current jobs (on the way, start, complete), live."""

from dataclasses import dataclass
from datetime import datetime

from nicegui import run, ui

from core import clock
from core.db import session_scope
from core.matching.jobs import stages_reached
from core.matching.replies import open_jobs, open_offers
from core.money import format_range, format_xaf
from core.providers.models import Provider
from core.providers.service import set_availability
from core.service_requests.models import ServiceRequest
from pages.admin.common import status_badge
from pages.provider.actions import OUTCOMES, act, job_actions, run_action, stage_chip
from ui import theme
from ui.charts import service_label
from ui.confirm import Confirmation
from ui.frame import provider_page
from ui.i18n import language, t

__all__ = ["OUTCOMES", "REFRESH_SECONDS", "act", "portal"]

REFRESH_SECONDS = 10.0  # one small query; the page changes only when an offer or a job did
# counts each [data-left] element down on the phone itself: no message per second over a slow network
COUNTDOWN_JS = """<script>
setInterval(() => {
  for (const el of document.querySelectorAll('[data-left]')) {
    if (!el.dataset.until) el.dataset.until = Date.now() + 1000 * Number(el.dataset.left);
    const left = Math.max(0, Math.round((Number(el.dataset.until) - Date.now()) / 1000));
    el.textContent = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
  }
}, 1000);
</script>"""


@dataclass(frozen=True)
class OfferView:
    """An open offer as the provider reads it."""

    offer_id: int
    request: ServiceRequest
    expires_at: datetime
    distance_km: float | None


@dataclass(frozen=True)
class Board:
    """Everything the portal's main page shows, read in one go."""

    available: bool
    offers: list[OfferView]
    jobs: list[tuple[ServiceRequest, list[str]]]

    def offers_seen(self) -> tuple:
        """What changes the offers card: which offers are open."""
        return tuple(o.offer_id for o in self.offers)

    def jobs_seen(self) -> tuple:
        """What changes the jobs card: each job's status and stages."""
        return tuple((r.id, r.status, tuple(stages)) for r, stages in self.jobs)


def _board(provider_id: int) -> Board:
    with session_scope() as session:
        provider = session.get(Provider, provider_id)
        offers = [OfferView(offer.id, request, offer.expires_at, _km(offer.score_parts))
                  for offer, request in open_offers(session=session, provider=provider)]
        current = [(r, stages_reached(session=session, request_id=r.id))
                   for r in open_jobs(session=session, provider=provider)]
        return Board(provider.available, offers, current)


def _km(parts: dict | None) -> float | None:
    value = (parts or {}).get("distance_km")
    return float(value) if isinstance(value, int | float) else None


def _set_available(provider_id: int, available: bool) -> None:
    with session_scope() as session:
        set_availability(session=session, provider=session.get(Provider, provider_id), available=available)


@provider_page("/provider", title="Travaux en cours")
async def portal(provider) -> None:
    """Offers to answer and jobs to do; new offers appear without reloading."""
    state = {"board": await run.io_bound(_board, provider.id)}
    ui.add_body_html(COUNTDOWN_JS)

    async def after_action() -> None:
        state["board"] = await run.io_bound(_board, provider.id)
        offers_card.refresh()
        jobs_card.refresh()

    @ui.refreshable
    def offers_card() -> None:
        _offers(provider.id, state["board"], after_action)

    @ui.refreshable
    def jobs_card() -> None:
        _jobs(provider.id, state["board"], after_action)

    async def check() -> None:
        """Redraw only the card that changed: a price being typed in a job survives a new offer."""
        fresh = await run.io_bound(_board, provider.id)
        old, state["board"] = state["board"], fresh
        if fresh.offers_seen() != old.offers_seen():
            offers_card.refresh()
        if fresh.jobs_seen() != old.jobs_seen():
            jobs_card.refresh()

    availability(provider.id, state["board"].available)
    offers_card()
    jobs_card()
    ui.timer(REFRESH_SECONDS, check)


def _offers(provider_id: int, data: Board, after) -> None:
    lang = language()
    with ui.card().classes(theme.CARD).mark("offers"):
        ui.label(t("Offres ouvertes")).classes(theme.SUBTITLE)
        if not data.offers:
            ui.label(t("Aucune offre pour le moment.")).classes(theme.MUTED).mark("offers-empty")
        for view in data.offers:
            _offer(provider_id, view, lang, after)


def _jobs(provider_id: int, data: Board, after) -> None:
    lang = language()
    with ui.card().classes(theme.CARD).mark("jobs"):
        ui.label(t("Travaux en cours")).classes(theme.SUBTITLE)
        if not data.jobs:
            ui.label(t("Aucun travail en cours.")).classes(theme.MUTED).mark("jobs-empty")
        for request, stages in data.jobs:
            with ui.column().classes("w-full gap-1 border-b pb-2").mark(f"job-{request.reference}"):
                with ui.row().classes("w-full justify-between items-center"):
                    ui.link(f"{request.reference} · {service_label(request.service_type, lang)}",
                            f"/provider/jobs/{request.id}").classes("font-semibold").mark(
                        f"job-link-{request.reference}")
                    with ui.row().classes("gap-1 items-center"):
                        stage_chip(stages)
                        status_badge(request.status)
                ui.label(" · ".join(p for p in (request.quartier, request.address) if p)).classes("text-sm")
                job_actions(provider_id, request, stages, after)
                if request.final_price:
                    ui.label(format_xaf(request.final_price)).classes(theme.MUTED)


def _offer(provider_id: int, view: OfferView, lang: str, after) -> None:
    request = view.request
    ref = request.reference
    with ui.column().classes("w-full gap-1 border-b pb-2").mark(f"offer-{ref}"):
        with ui.row().classes("w-full items-center gap-2"):
            if request.urgency == "urgent":
                ui.badge(t("URGENT"), color="negative").classes("font-bold").mark(f"urgent-{ref}")
            ui.label(f"{ref} · {service_label(request.service_type, lang)} · {request.quartier}").classes(
                "font-semibold")
        ui.label(request.description or "").classes("text-sm")
        with ui.row().classes("w-full gap-3 text-sm items-center"):
            if view.distance_km is not None:
                km = f"{view.distance_km:.1f}".replace(".", "," if lang != "en" else ".")
                ui.label(f"📍 {km} km").mark(f"distance-{ref}")
            if request.scheduled_for is not None:
                ui.label(f"🗓 {clock.format_local(request.scheduled_for, '%d/%m %H:%M')}").mark(f"when-{ref}")
            ui.label(format_range(request.price_min, request.price_max)).classes(theme.MUTED)
        left = max(0, int((view.expires_at - clock.now()).total_seconds()))
        with ui.row().classes("items-center gap-1 text-sm text-orange-800").mark(f"deadline-{ref}"):
            ui.label(t("Répondre avant {time}").format(time=clock.format_local(view.expires_at, "%H:%M")))
            ui.label(f"{left // 60}:{left % 60:02d}").props(f"data-left={left}").classes(
                "font-mono font-bold").mark(f"countdown-{ref}")
        with ui.row().classes("gap-2"):
            ui.button(t("Accepter"), on_click=lambda: run_action(provider_id, "accept", view.offer_id, None,
                                                                 after)).props("color=primary").mark(f"accept-{ref}")
            ui.button(t("Refuser"), on_click=lambda: run_action(provider_id, "decline", view.offer_id, None,
                                                                after)).props("outline").mark(f"decline-{ref}")


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
