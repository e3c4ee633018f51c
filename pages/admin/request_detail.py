"""/admin/requests/{id}: one request in full (timeline, messages, offers, payment) and the admin's actions."""

from nicegui import run, ui

from core import clock
from core.analytics.providers import providers_for_service
from core.analytics.requests import request_detail
from core.db import session_scope
from core.matching import request_actions
from core.money import format_range, format_xaf
from core.phones import display_phone
from core.service_requests.lifecycle import InvalidTransition
from core.service_requests.models import ServiceRequest
from pages.admin.common import STATUS_LABELS, status_badge
from ui import theme
from ui.attachments import attachments
from ui.charts import service_label
from ui.frame import admin_page
from ui.i18n import language, t


def _load(request_id: int) -> tuple[dict | None, dict[int, str]]:
    with session_scope() as session:
        detail = request_detail(session=session, request_id=request_id)
        if detail is None:
            return None, {}
        choices = {p.id: f"{p.name} ({p.quartier})" for p in
                   providers_for_service(session=session, service_code=detail["request"].service_type)}
        return detail, choices


def act(request_id: int, action: str, **kwargs) -> str:
    """Run one admin action on the request in its own transaction; return an error text or ''."""
    try:
        with session_scope() as session:
            request = session.get(ServiceRequest, request_id)
            if request is None:
                return "unknown request"
            getattr(request_actions, action)(session=session, request=request, **kwargs)
    except (ValueError, InvalidTransition) as exc:
        return str(exc)
    return ""


@admin_page("/admin/requests/{request_id}", title="Demande")
async def request_page(account, request_id: int) -> None:
    """Details and actions."""
    detail, choices = await run.io_bound(_load, request_id)
    if detail is None:
        ui.label(t("Demande introuvable.")).mark("not-found")
        ui.context.client.status_code = 404
        return
    request = detail["request"]
    admin = account.email
    lang = language()

    async def do(action: str, **kwargs) -> None:
        error = await run.io_bound(act, request_id, action, admin=admin, **kwargs)
        if error:
            ui.notify(error, type="negative")
        else:
            ui.notify(t("Enregistré ✅"), type="positive")
            ui.navigate.reload()

    with ui.card().classes(theme.CARD).mark("request-summary"):
        with ui.row().classes("w-full justify-between items-center"):
            ui.label(request.reference).classes("text-xl font-mono font-bold").mark("request-reference")
            status_badge(request.status)
        ui.label(f"{service_label(request.service_type, lang)} · {request.quartier} · {request.urgency}")
        if request.address:
            ui.label(request.address).classes(theme.MUTED)
        ui.label(request.description or "").classes("text-sm whitespace-pre-line")
        ui.label(f"{t('Prix indicatif')} : {format_range(request.price_min, request.price_max)}"
                 + (f" · {t('Prix final')} : {format_xaf(request.final_price)}" if request.final_price else ""))
        customer, provider = detail["customer"], detail["provider"]
        if customer is not None:
            reached_at = display_phone(customer.phone or customer.bsuid or "")  # a username's user id has no phone
            callback = (f" · {t('à rappeler au')} {display_phone(customer.contact_phone)}"
                        if customer.contact_phone and customer.contact_phone != customer.phone else "")
            ui.label(f"{t('Client')} : {customer.name or '—'} {reached_at}{callback}").mark("request-customer")
        if provider is not None:
            ui.link(f"{t('Prestataire')} : {provider.name}", f"/admin/providers/{provider.id}").mark(
                "request-provider")
        ui.label(f"{t('Créée le')} {clock.format_local(request.created_at)}").classes(theme.MUTED)

    with ui.card().classes(theme.CARD).mark("request-actions"):
        ui.label(t("Actions")).classes(theme.SUBTITLE)
        targets = request_actions.admin_targets(request)
        with ui.row().classes("w-full items-end gap-2"):
            target = ui.select({s: t(STATUS_LABELS.get(s, s)) for s in targets}, label=t("Nouveau statut"),
                               value=targets[0] if targets else None).props("dense outlined").classes("w-44").mark(
                "status-target")
            price = ui.number(t("Prix final (FCFA)"), min=0, step=500, format="%d").props("dense outlined").classes(
                "w-40").mark("final-price")
            ui.button(t("Changer le statut"), on_click=lambda: do(
                "change_status", target=target.value,
                final_price=int(price.value) if price.value else None)).props("color=primary").mark("status-apply")
        with ui.row().classes("w-full items-end gap-2"):
            chosen = ui.select(choices, label=t("Réassigner à"), with_input=True).props(
                "dense outlined clearable").classes("grow").mark("reassign-provider")
            ui.button(t("Réassigner"), on_click=lambda: do("reassign", provider_id=chosen.value)).props(
                "outline").mark("reassign")
            ui.button(t("Annuler la demande"), on_click=lambda: do("cancel", reason="admin")).props(
                "outline color=negative").mark("cancel-request")
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
        attachments(detail["media"])

    with ui.card().classes(theme.CARD).mark("request-timeline"):
        ui.label(t("Historique")).classes(theme.SUBTITLE)
        for event in detail["timeline"]:
            change = f"{event.from_status or ''} → {event.to_status}" if event.to_status else ""
            ui.label(f"{clock.format_local(event.at)} · {event.actor} · {event.kind} {change}").classes("text-sm")

    with ui.card().classes(theme.CARD).mark("request-offers"):
        ui.label(t("Offres")).classes(theme.SUBTITLE)
        for offer, name in detail["offers"]:
            parts = ", ".join(f"{k} {v:.2f}" for k, v in sorted(offer.score_parts.items())
                              if isinstance(v, int | float))
            ui.label(f"R{offer.round} · {name} · {offer.status} · score {offer.score:.2f}").classes("text-sm")
            if parts:
                ui.label(parts).classes("text-xs text-gray-500 font-mono").mark(f"score-parts-{offer.id}")

    with ui.card().classes(theme.CARD).mark("request-payments"):
        ui.label(t("Paiement")).classes(theme.SUBTITLE)
        for payment in detail["payments"]:
            ui.label(f"{payment.payment_ref} · {format_xaf(payment.amount)} · {payment.status} · "
                     f"{t('commission')} {format_xaf(payment.commission)} · {payment.operator}").classes("text-sm")

    conversation = detail["conversation"]
    with ui.card().classes(theme.CARD).mark("request-messages"):
        with ui.row().classes("w-full justify-between items-center"):
            ui.label(t("Conversation")).classes(theme.SUBTITLE)
            if conversation is not None:
                ui.link(t("Ouvrir"), f"/admin/conversations/{conversation.id}").mark("open-conversation")
        for message in detail["messages"][-30:]:
            style = theme.BUBBLE_IN if message.direction == "in" else (
                theme.BUBBLE_AGENT if message.author == "agent" else theme.BUBBLE_OUT)
            ui.label(message.body).classes(style)
