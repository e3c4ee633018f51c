"""/admin/requests/{id}: one request in full (timeline, messages, offers, payment) and the admin's actions."""

from nicegui import run, ui

from core.analytics.providers import providers_for_service
from core.analytics.requests import request_detail
from core.db import session_scope
from core.matching import request_actions
from core.money import format_range, format_xaf
from core.phones import display_phone
from core.service_requests.lifecycle import InvalidTransition
from core.service_requests.models import ServiceRequest
from core.texts.catalogue import known, word
from pages.admin.common import status_badge
from pages.admin.payments import operator_name
from ui import theme
from ui.attachments import attachments
from ui.charts import service_label
from ui.confirm import Confirmation
from ui.frame import admin_page
from ui.i18n import error_text, language, t, w, when


def _load(request_id: int) -> tuple[dict | None, dict[int, str]]:
    with session_scope() as session:
        detail = request_detail(session=session, request_id=request_id)
        if detail is None:
            return None, {}
        choices = {p.id: f"{p.name} ({p.quartier})" for p in
                   providers_for_service(session=session, service_code=detail.request.service_type)}
        return detail, choices


def act(request_id: int, action: str, lang: str = "fr", **kwargs) -> str:
    """Run one admin action on the request in its own transaction; return an error text or ''."""
    try:
        with session_scope() as session:
            request = session.get(ServiceRequest, request_id)
            if request is None:
                return word("error.unknown_request", lang)
            getattr(request_actions, action)(session=session, request=request, **kwargs)
    except (ValueError, InvalidTransition) as exc:
        return error_text(exc, lang=lang)
    return ""


@admin_page("/admin/requests/{request_id}", title="Demande")
async def request_page(account, request_id: int) -> None:
    """Details and actions."""
    detail, choices = await run.io_bound(_load, request_id)
    if detail is None:
        ui.label(t("Demande introuvable.")).mark("not-found")
        ui.context.client.status_code = 404
        return
    request = detail.request
    admin = account.email
    lang = language()

    async def do(action: str, **kwargs) -> None:
        error = await run.io_bound(act, request_id, action, lang, admin=admin, **kwargs)
        if error:
            ui.notify(error, type="negative")
        else:
            ui.notify(t("Enregistré ✅"), type="positive")
            ui.navigate.reload()

    with ui.card().classes(theme.CARD).mark("request-summary"):
        with ui.row().classes("w-full justify-between items-center"):
            ui.label(request.reference).classes("text-xl font-mono font-bold").mark("request-reference")
            status_badge(request.status)
        ui.label(f"{service_label(request.service_type, lang)} · {request.quartier} · "
                 f"{w('urgency.' + request.urgency)}")
        if request.address:
            ui.label(request.address).classes(theme.MUTED)
        ui.label(request.description or "").classes("text-sm whitespace-pre-line")
        ui.label(f"{t('Prix indicatif')} : {format_range(request.price_min, request.price_max)}"
                 + (f" · {t('Prix final')} : {format_xaf(request.final_price)}" if request.final_price else ""))
        customer, provider = detail.customer, detail.provider
        if customer is not None:
            reached_at = display_phone(customer.phone or customer.bsuid or "")  # a username's user id has no phone
            callback = (f" · {t('à rappeler au')} {display_phone(customer.contact_phone)}"
                        if customer.contact_phone and customer.contact_phone != customer.phone else "")
            who = customer.name or ("" if reached_at else t("Visiteur du site"))
            ui.label(f"{t('Client')} : {who} {reached_at}{callback}".replace("  ", " ")).mark("request-customer")
        if provider is not None:
            ui.link(f"{t('Prestataire')} : {provider.name}", f"/admin/providers/{provider.id}").mark(
                "request-provider")
        ui.label(f"{t('Créée le')} {when(request.created_at)}").classes(theme.MUTED)

    with ui.card().classes(theme.CARD).mark("request-actions"):
        ui.label(t("Actions")).classes(theme.SUBTITLE)
        targets = request_actions.admin_targets(request)
        override = _status_dialog(request, targets, admin)
        cancel = _cancel_dialog(request, admin)
        with ui.row().classes("w-full items-end gap-2"):
            if targets:
                ui.button(t("Changer le statut…"), on_click=override.open).props("color=primary").mark("status-apply")
            else:
                ui.label(t("Aucun changement de statut n'est possible à ce stade.")).classes(theme.MUTED).mark(
                    "status-none")
        with ui.row().classes("w-full items-end gap-2"):
            chosen = ui.select(choices, label=t("Réassigner à"), with_input=True).props(
                "dense outlined clearable").classes("grow").mark("reassign-provider")
            ui.button(t("Réassigner"), on_click=lambda: do("reassign", provider_id=chosen.value)).props(
                "outline").mark("reassign")
            if "cancelled" in targets:
                ui.button(t("Annuler la demande…"), on_click=cancel.open).props("outline color=negative").mark(
                    "cancel-request")
        with ui.row().classes("w-full items-end gap-2"):
            note = ui.textarea(t("Message")).props("dense outlined autogrow maxlength=1500").classes("grow").mark(
                "contact-body")
            ui.button(t("Au client"), on_click=lambda: do("contact", who="customer", body=note.value or "")).props(
                "outline").mark("contact-customer")
            if provider is not None:
                ui.button(t("Au prestataire"), on_click=lambda: do("contact", who="provider",
                                                                   body=note.value or "")).props("outline").mark(
                    "contact-provider")

    with ui.card().classes(theme.CARD).mark("request-attachments"):
        ui.label(t("Pièces jointes")).classes(theme.SUBTITLE)
        attachments(detail.media)

    with ui.card().classes(theme.CARD).mark("request-timeline"):
        ui.label(t("Historique")).classes(theme.SUBTITLE)
        for event in detail.timeline:
            ui.label(f"{when(event.at)} · {w('actor.' + event.actor)} · {event_words(event)}").classes("text-sm")
        if not detail.timeline:
            ui.label(t("Rien ne s'est encore passé sur cette demande.")).classes(theme.MUTED)

    with ui.card().classes(theme.CARD).mark("request-offers"):
        ui.label(t("Offres")).classes(theme.SUBTITLE)
        for offer, name in detail.offers:
            ui.label(f"{t('Tour')} {offer.round} · {name} · {w('offer.' + offer.status)} · "
                     f"{w('score.total')} {round(offer.score * 100)}/100").classes("text-sm")
            score_parts(offer.id, offer.score_parts)
        if not detail.offers:
            ui.label(t("Aucune offre envoyée pour cette demande.")).classes(theme.MUTED).mark("offers-empty")

    with ui.card().classes(theme.CARD).mark("request-payments"):
        ui.label(t("Paiement")).classes(theme.SUBTITLE)
        for payment in detail.payments:
            ui.label(f"{payment.payment_ref} · {format_xaf(payment.amount)} · {w('payment.' + payment.status)} · "
                     f"{t('commission')} {format_xaf(payment.commission)} · {operator_name(payment.operator)}").classes(
                "text-sm")
        if not detail.payments:
            ui.label(t("Pas encore de paiement pour cette demande.")).classes(theme.MUTED).mark("payments-empty")

    conversation = detail.conversation
    with ui.card().classes(theme.CARD).mark("request-messages"):
        with ui.row().classes("w-full justify-between items-center"):
            ui.label(t("Conversation")).classes(theme.SUBTITLE)
            if conversation is not None:
                ui.link(t("Ouvrir"), f"/admin/conversations/{conversation.id}").mark("open-conversation")
        if not detail.messages:
            ui.label(t("Aucun message pour cette demande.")).classes(theme.MUTED)
        for message in detail.messages[-30:]:
            style = theme.BUBBLE_IN if message.direction == "in" else (
                theme.BUBBLE_AGENT if message.author == "agent" else theme.BUBBLE_OUT)
            ui.label(message.body).classes(style)


SCORE_PARTS = ("distance", "rating", "acceptance", "response", "workload", "fairness", "hours")


def event_words(event) -> str:
    """Return a timeline event in words ("Statut : proposée aux artisans → assignée")."""
    if event.kind == "transition" and event.to_status:
        return w("event.transition", from_status=w(f"status.{event.from_status}") if event.from_status else "—",
                 to_status=w(f"status.{event.to_status}"))
    key = f"event.{event.kind}"
    return w(key) if known(key) else w("event.other")


def score_parts(offer_id: int, parts: dict) -> None:
    """Each part of an offer's score as a mark out of 100, with the line that explains it."""
    with ui.column().classes("gap-0 pl-2").mark(f"score-parts-{offer_id}"):
        for name in SCORE_PARTS:
            value = parts.get(name)
            if isinstance(value, int | float):
                ui.label(f"{w('score.' + name)} {round(value * 100)}/100 — {w('score.' + name + '.why')}").classes(
                    "text-xs text-gray-600")


def _status_dialog(request: ServiceRequest, targets: list[str], admin: str) -> Confirmation:
    """Override the status: the new status, the final price when completing, and the reason, after reading why."""
    async def submit() -> str:
        if not (reason.value or "").strip():
            return w("error.reason_required")
        final = int(price.value) if isinstance(price.value, int | float) and price.value else None
        return await run.io_bound(act, request.id, "change_status", language(), admin=admin, target=target.value,
                                  final_price=final, reason=reason.value.strip())

    dialog = Confirmation(
        t("Changer le statut de {reference}").format(reference=request.reference),
        t("Vous passez outre le déroulement normal : le client et le prestataire sont prévenus comme si "
          "l'étape avait eu lieu, et la raison est inscrite au journal. Cela ne se défait pas."),
        action=t("Changer le statut"), mark="status", submit=submit)
    with dialog.body:
        target = ui.select({s: w(f"status.{s}") for s in targets}, label=t("Nouveau statut"),
                           value=targets[0] if targets else None).props("outlined").classes("w-full").mark(
            "status-target")
        price = ui.number(t("Prix final (FCFA)"), min=0, step=500, format="%d").props("outlined").classes(
            "w-full").mark("final-price")
        reason = ui.textarea(t("Raison")).props("outlined autogrow maxlength=500").classes("w-full").mark(
            "status-reason")
    return dialog


def _cancel_dialog(request: ServiceRequest, admin: str) -> Confirmation:
    """Cancel with a reason, after reading who is told and what stops."""
    async def submit() -> str:
        if not (reason.value or "").strip():
            return w("error.reason_required")
        return await run.io_bound(act, request.id, "cancel", language(), admin=admin, reason=reason.value.strip())

    dialog = Confirmation(
        t("Annuler {reference}").format(reference=request.reference),
        t("Les offres en attente sont retirées, le prestataire (s'il y en a un) et le client sont prévenus, "
          "et la demande ne peut plus être reprise. La raison est inscrite au journal."),
        action=t("Annuler la demande"), mark="cancel", submit=submit)
    with dialog.body:
        reason = ui.textarea(t("Raison")).props("outlined autogrow maxlength=500").classes("w-full").mark(
            "cancel-reason")
    return dialog
