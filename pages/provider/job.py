"""/provider/jobs/{id}: one job: what to do, who to call, where to go, the photos, and the next step."""

import re

from nicegui import run, ui

from core import clock
from core.analytics import portal
from core.db import session_scope
from core.matching import jobs
from core.matching.job_facts import customer_words_since_assignment, job_contact, job_place
from core.money import format_range, format_xaf
from core.providers.models import Provider
from core.service_requests.models import RequestStatus
from core.service_requests.service import request_media
from pages.admin.common import status_badge
from pages.provider.actions import job_actions, stage_chip
from ui import theme
from ui.attachments import attachments
from ui.charts import service_label
from ui.frame import provider_page
from ui.i18n import language, t

OPEN = (RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS)


def _job(provider_id: int, request_id: int) -> dict | None:
    """The job and, once it is the provider's own, the customer's contact, the place, media and chat."""
    with session_scope() as session:
        request = portal.own_job(session=session, provider=session.get(Provider, provider_id), request_id=request_id)
        if request is None:
            return None
        if request.provider_id != provider_id:
            return {"request": request, "mine": False}
        media = request_media(session=session, request_id=request_id)
        return {"request": request, "mine": True, "media": media,
                "contact": job_contact(session=session, request=request),
                "place": job_place(session=session, request=request, media=media),
                "stages": jobs.stages_reached(session=session, request_id=request_id),
                "words": [(m.created_at, m.body) for m in
                          customer_words_since_assignment(session=session, request=request)]}


def _message(provider_id: int, request_id: int, body: str) -> str:
    with session_scope() as session:
        return jobs.message_customer(session=session, provider=session.get(Provider, provider_id),
                                     request_id=request_id, body=body)


def tel_link(e164: str) -> str:
    """Return the tel: link of a stored number (digits and a leading + only)."""
    return "tel:" + re.sub(r"(?!^\+)[^\d]", "", e164)


@provider_page("/provider/jobs/{request_id}", title="Travail")
async def job_page(provider, request_id: int) -> None:
    """One of the provider's own jobs (another provider's is not found)."""
    job = await run.io_bound(_job, provider.id, request_id)
    if job is None:
        ui.label(t("Travail introuvable.")).mark("not-found")
        ui.context.client.status_code = 404
        return
    state = {"job": job}

    async def after_action() -> None:
        fresh = await run.io_bound(_job, provider.id, request_id)
        if fresh is not None:
            state["job"] = fresh
        summary.refresh()
        actions.refresh()

    @ui.refreshable
    def summary() -> None:
        _summary(state["job"]["request"], state["job"].get("stages", []))

    @ui.refreshable
    def actions() -> None:
        current = state["job"]["request"]
        if current.status in OPEN:
            with ui.card().classes(theme.CARD).mark("job-actions"):
                job_actions(provider.id, current, state["job"]["stages"], after_action)

    summary()
    if not job["mine"]:
        return
    _contact(provider.id, job["request"], job)
    _place(job["place"])
    actions()
    with ui.card().classes(theme.CARD).mark("job-attachments"):
        ui.label(t("Photos et pièces jointes")).classes(theme.SUBTITLE)
        attachments(job["media"])


def _summary(request, stages: list[str]) -> None:
    with ui.card().classes(theme.CARD).mark("job-detail"):
        with ui.row().classes("w-full justify-between"):
            ui.label(request.reference).classes("font-mono font-bold").mark("job-reference")
            with ui.row().classes("gap-1 items-center"):
                if request.urgency == "urgent":
                    ui.badge(t("URGENT"), color="negative").mark("job-urgent")
                stage_chip(stages)
                status_badge(request.status)
        ui.label(service_label(request.service_type, language())).classes("font-semibold")
        ui.label(request.description or "").classes("text-sm whitespace-pre-line")
        ui.label(format_xaf(request.final_price) if request.final_price else
                 format_range(request.price_min, request.price_max)).classes(theme.MUTED)
        if request.scheduled_for is not None:
            ui.label(t("Prévu le {when}").format(when=clock.format_local(request.scheduled_for)))
        ui.label(clock.format_local(request.created_at)).classes(theme.MUTED)


def _contact(provider_id: int, request, job: dict) -> None:
    contact = job["contact"]
    with ui.card().classes(theme.CARD).mark("job-contact"):
        ui.label(t("Client")).classes(theme.SUBTITLE)
        ui.label(contact.first_name or t("Client sans nom")).classes("font-semibold").mark("contact-name")
        if contact.phone:
            ui.link(f"📞 {contact.phone_display}", tel_link(contact.phone)).classes(
                "text-lg font-semibold text-primary").mark("contact-phone")
        else:
            ui.label(t("Pas de numéro : le client a écrit sur le chat du site. Répondez-lui par le chat ci-dessous ; "
                       "il a aussi reçu votre numéro.")).classes(theme.WARNING).mark("contact-chat-only")
        if request.status in OPEN and (not contact.phone or contact.channel == "web"):
            _chat_box(provider_id, request, job["words"])


def _chat_box(provider_id: int, request, words: list) -> None:
    with ui.column().classes("w-full gap-1").mark("job-chat"):
        for at, body in words:
            ui.label(f"{clock.format_local(at, '%H:%M')} · {body}").classes(theme.BUBBLE_OUT).mark("customer-words")
        box = ui.input(placeholder=t("Écrire au client…")).props(
            f"outlined dense maxlength={jobs.MESSAGE_LIMIT}").classes("w-full").mark("job-chat-input")

        async def send() -> None:
            outcome = await run.io_bound(_message, provider_id, request.id, box.value or "")
            if outcome == "message_sent":
                box.value = ""
                ui.notify(t("Message envoyé au client."), type="positive")
            elif outcome == "message_empty":
                ui.notify(t("Écrivez un message."), type="warning")
            else:
                ui.notify(t("Ce travail n'est plus disponible."), type="warning")

        ui.button(t("Envoyer au client"), icon="send", on_click=send).props("outline").mark("job-chat-send")


def _place(place) -> None:
    with ui.card().classes(theme.CARD).mark("job-place"):
        ui.label(t("Lieu")).classes(theme.SUBTITLE)
        ui.label(place.quartier).classes("font-semibold").mark("place-quartier")
        if place.landmark:
            ui.label(f"🧭 {place.landmark}").mark("place-landmark")
        if place.details:
            ui.label(place.details).classes("whitespace-pre-line").mark("place-details")
        if place.pin_url:
            ui.link(t("📍 Ouvrir la position du client"), place.pin_url, new_tab=True).classes(
                "font-semibold").mark("place-pin")
        elif place.area_url:
            ui.link(t("🗺 Voir le quartier sur la carte"), place.area_url, new_tab=True).mark("place-area")
        if not (place.landmark or place.details or place.pin_url):
            ui.label(t("Pas de repère enregistré : voyez le message du client, ou demandez-lui.")).classes(
                theme.MUTED).mark("place-ask")
