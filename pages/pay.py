"""Payment pages: the sandbox that plays Monetbil without keys, and the page Monetbil sends customers back to."""

from fastapi import Request
from nicegui import run, ui

from core.catalog import service as catalog_service
from core.config import settings
from core.db import session_scope
from core.money import format_xaf
from core.payments import sandbox
from core.payments.models import PaymentStatus
from core.payments.records import payment_by_ref
from core.payments.service import note_return
from core.service_requests.models import ServiceRequest
from ui import theme
from ui.i18n import language, language_switch, t

PHONE_PAGE = "w-full max-w-sm mx-auto p-4 gap-4"  # customers open these links on their phones
_DONE = {"success": "Paiement reçu ✅ Merci ! Votre reçu arrive sur WhatsApp.",
         "failed": "Le paiement n'est pas passé. Demandez un nouveau lien sur WhatsApp.",
         "cancelled": "Paiement annulé. Demandez un nouveau lien sur WhatsApp.",
         "refunded": "Ce paiement a été remboursé."}


@ui.page("/pay/sandbox/{payment_ref}")
async def sandbox_page(payment_ref: str) -> None:
    """The sandbox payment page: amount, what it is for, and Payer / Échec."""
    theme.apply()
    summary = None if settings.monetbil_enabled else await run.io_bound(_summary, payment_ref)
    with ui.column().classes(PHONE_PAGE + " items-stretch"):
        with ui.row().classes("w-full justify-between items-center"):
            ui.label(f"Djobea · {t('Paiement mobile money')}").classes(theme.SUBTITLE)
            language_switch(on_dark=False)
        if summary is None:
            ui.label(t("Ce lien de paiement n'existe pas.")).mark("missing")
            return
        with ui.card().classes(theme.CARD):
            ui.label(format_xaf(summary["amount"])).classes(theme.TITLE).mark("amount")
            ui.label(f"{t('Pour')} : {summary['service']} ({summary['reference']})").mark("purpose")
            ui.label(t("Bac à sable : aucun argent n'est débité.")).classes(theme.MUTED)
        result = ui.label(t(_DONE[summary["status"]]) if summary["status"] in _DONE else "").mark("result")
        buttons = ui.column().classes("w-full gap-2")
        buttons.visible = summary["status"] == PaymentStatus.PENDING
        with buttons:
            ui.button(t("Payer"), on_click=lambda: _finish(payment_ref, "success", result, buttons)).classes(
                "w-full").mark("pay")
            ui.button(t("Échec"), color="grey",
                      on_click=lambda: _finish(payment_ref, "failed", result, buttons)).classes("w-full").mark("fail")


@ui.page("/pay/done")
async def done_page(request: Request) -> None:
    """Where Monetbil sends the customer back: thanks, and keep a signed transaction id for reconciliation."""
    theme.apply()
    params = dict(request.query_params)
    if params.get("payment_ref") and params.get("transaction_id"):
        await run.io_bound(note_return, params)  # an unsigned or forged return changes nothing
    with ui.column().classes(PHONE_PAGE):
        ui.label(t("Merci !")).classes(theme.TITLE)
        ui.label(t("Votre paiement est en cours de confirmation. Vous recevrez votre reçu sur WhatsApp.")).mark("done")


async def _finish(payment_ref: str, outcome: str, result: ui.label, buttons: ui.column) -> None:
    buttons.visible = False
    try:
        status = await run.io_bound(sandbox.complete, payment_ref, outcome)
    except Exception:
        buttons.visible = True
        ui.notify(t("Le paiement n'a pas pu être traité, réessayez."), type="negative")
        raise
    result.text = t(_DONE.get(status, "Paiement en attente de confirmation."))


def _summary(payment_ref: str) -> dict | None:
    with session_scope() as session:
        payment = payment_by_ref(session=session, payment_ref=payment_ref)
        if payment is None:
            return None
        request = session.get(ServiceRequest, payment.request_id)
        found = catalog_service(request.service_type)
        return {"amount": payment.amount, "status": payment.status, "reference": request.reference,
                "service": found.name(language()) if found else request.service_type}
