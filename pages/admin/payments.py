"""/admin/payments: transactions, commission, provider balances; payouts and refunds are for admins only."""

from nicegui import run, ui

from core.analytics import payments as money
from core.auth.sessions import has_role
from core.db import session_scope
from core.money import format_xaf
from core.payments.ledger import record_payout, refund, refunded_amount
from core.payments.models import Payment, PaymentStatus
from core.phones import display_phone
from core.texts.catalogue import known, word
from pages.admin.common import href
from ui import theme
from ui.confirm import Confirmation
from ui.frame import admin_page, still_allowed
from ui.i18n import count, error_text, language, t, w, when
from ui.kpi import kpi

PAGE_SIZE = 25


def _load(status: str, page: int):
    with session_scope() as session:
        rows, total = money.transactions(session=session, status=status, page=page, page_size=PAGE_SIZE)
        return rows, total, money.totals(session=session), money.balances(session=session)


def payout(provider_id: int, amount: int, reference: str, actor: str, lang: str = "fr") -> str:
    """Record a payout to the provider; return an error text or ''."""
    try:
        with session_scope() as session:
            record_payout(session=session, provider_id=provider_id, amount=amount, reference=reference, actor=actor)
    except (ValueError, TypeError) as exc:
        return error_text(exc, lang=lang)
    return ""


def refund_payment(payment_id: int, amount: int | None, reason: str, actor: str, lang: str = "fr") -> str:
    """Refund the payment (all that remains when amount is None); return an error text or ''."""
    try:
        with session_scope() as session:
            payment = session.get(Payment, payment_id)
            if payment is None:
                return word("error.unknown_payment", lang)
            refund(session=session, payment=payment, reason=reason, actor=actor, amount=amount)
    except (ValueError, TypeError) as exc:
        return error_text(exc, lang=lang)
    return ""


@admin_page("/admin/payments", title="Paiements")
async def payments_page(account, status: str = "", page: int = 1) -> None:
    """Money in, commission, what providers are owed."""
    rows, total, totals, balances = await run.io_bound(_load, status, max(1, page))
    is_admin = has_role(account, "admin")
    with ui.element("div").classes(theme.KPI_GRID):
        kpi(t("Encaissé"), format_xaf(totals.collected), mark="collected", hint=f"{totals.payments}")
        kpi(t("Commission"), format_xaf(totals.commission), mark="commission-total")
        kpi(t("Commission après remboursements"), format_xaf(totals.commission_kept), mark="commission-kept")
        kpi(t("À verser aux prestataires"), format_xaf(sum(b.balance for b in balances)), mark="owed")

    with ui.card().classes(theme.CARD).mark("balances"):
        ui.label(t("Soldes des prestataires")).classes(theme.SUBTITLE)
        if not balances:
            ui.label(t("Aucun prestataire n'attend de versement.")).classes(theme.MUTED).mark("balances-empty")
        for row in balances:
            with ui.row().classes("w-full items-center justify-between no-wrap"):
                ui.link(row.name, f"/admin/providers/{row.id}").classes("text-sm")
                ui.label(format_xaf(row.balance)).classes("font-mono text-sm").mark(f"balance-{row.id}")
                if is_admin and row.balance > 0:
                    # the dialog is built on click: a page of rows carries no hidden dialogs
                    ui.button(t("Verser…"), on_click=lambda _, r=row: _payout_dialog(r, account.email).open()).props(
                        "dense outline size=sm").mark(f"payout-{row.id}")

    with ui.row().classes("w-full items-center gap-2"):
        for value, label in (("", "Tous"), ("success", "Réussis"), ("pending", "En attente"), ("failed", "Échoués"),
                             ("refunded", "Remboursés")):
            ui.link(t(label), href("/admin/payments", status=value)).mark(f"payments-filter-{value or 'all'}").classes(
                "text-sm" + (" font-bold" if value == status else ""))
    ui.label(count("payments", total)).classes(theme.MUTED).mark("payment-total")
    if not rows:
        ui.label(t("Aucun paiement ici pour l'instant.")).classes(theme.MUTED).mark("transactions-empty")
    with ui.column().classes("w-full gap-1").mark("transactions"):
        for row in rows:
            payment: Payment = row.payment
            with ui.card().classes("w-full p-2 gap-0"):
                with ui.row().classes("w-full justify-between no-wrap"):
                    ui.link(row.reference, f"/admin/requests/{payment.request_id}").classes("font-mono text-sm")
                    ui.label(f"{format_xaf(payment.amount)} · {w('payment.' + payment.status)}").classes(
                        "text-sm").mark(f"payment-{payment.id}")
                ui.label(f"{row.provider} · {t('commission')} {format_xaf(payment.commission)} · "
                         f"{operator_name(payment.operator)} · {when(payment.paid_at or payment.created_at)}").classes(
                    theme.MUTED)
                if payment.status == PaymentStatus.PENDING and payment.last_error:  # why not confirmed (e.g. test mode)
                    ui.label(payment.last_error).classes(theme.WARNING).mark(f"payment-problem-{payment.id}")
                if is_admin and payment.status == PaymentStatus.SUCCESS:
                    ui.button(t("Rembourser…"), on_click=lambda _, p=payment, r=row.reference: _refund_dialog(
                        p, r, account.email).open()).props(
                        "dense outline color=negative").classes("self-end").mark(f"refund-{payment.id}")
    with ui.row().classes("w-full justify-center gap-2"):
        pages = max(1, -(-total // PAGE_SIZE))
        if page > 1:
            ui.link("←", href("/admin/payments", status=status, page=page - 1))
        ui.label(f"{page} / {pages}")
        if page < pages:
            ui.link("→", href("/admin/payments", status=status, page=page + 1))


def operator_name(code: str) -> str:
    """Return the mobile-money operator's name for Monetbil's code (CM_MTNMOBILEMONEY → MTN Mobile Money)."""
    if not code:
        return w("operator.unknown")
    return w(f"operator.{code}") if known(f"operator.{code}") else code


def _whole_amount(value: object) -> int | None:
    return int(value) if isinstance(value, int | float) and float(value).is_integer() else None


def _payout_dialog(row: dict, actor: str) -> Confirmation:
    """Ask how much was sent and the transfer's reference; nothing moves until the admin confirms."""
    async def submit() -> str:
        if not still_allowed("admin"):
            return t("Accès refusé")
        paid = _whole_amount(amount.value)
        if paid is None:
            return w("error.whole_number", field=t("Montant versé (FCFA)"))
        if not (reference.value or "").strip():
            return w("error.required", field=t("Référence du transfert"))
        return await run.io_bound(payout, row.id, paid, reference.value.strip(), actor, language())

    dialog = Confirmation(
        t("Verser à {name}").format(name=row.name),
        t("Vous déclarez avoir envoyé cet argent à {name} ({phone}). Son solde de {balance} baisse d'autant. "
          "Un versement enregistré ne peut pas être annulé ; il est inscrit au journal.").format(
            name=row.name, phone=display_phone(row.phone or ""), balance=format_xaf(row.balance)),
        action=t("Enregistrer le versement"), mark=f"payout-{row.id}", submit=submit, danger=False)
    with dialog.body:
        amount = ui.number(t("Montant versé (FCFA)"), value=row.balance, min=1, max=row.balance, step=500,
                           format="%d").props("outlined").classes("w-full").mark(f"payout-{row.id}-amount")
        ui.label(t("Au plus le solde : {balance}.").format(balance=format_xaf(row.balance))).classes(theme.MUTED)
        reference = ui.input(t("Référence du transfert"), placeholder=t("ex. numéro de transaction MoMo")).props(
            "outlined maxlength=120").classes("w-full").mark(f"payout-{row.id}-reference")
    return dialog


def _refund_dialog(payment: Payment, reference: str, actor: str) -> Confirmation:
    """Ask how much and why; say who loses what before anything is recorded."""
    remaining = payment.amount - refunded_amount(payment)

    async def submit() -> str:
        if not still_allowed("admin"):
            return t("Accès refusé")
        refunded = _whole_amount(amount.value)
        if refunded is None:
            return w("error.whole_number", field=t("Montant remboursé (FCFA)"))
        if not (reason.value or "").strip():
            return w("error.refund_reason")
        return await run.io_bound(refund_payment, payment.id, refunded, reason.value.strip(), actor, language())

    dialog = Confirmation(
        t("Rembourser {reference}").format(reference=reference),
        t("Le remboursement est enregistré pour le client ; la part du prestataire est retirée de son solde et "
          "Djobea rend sa commission en proportion. Il ne peut pas être annulé ; il est inscrit au journal."),
        action=t("Rembourser"), mark=f"refund-{payment.id}", submit=submit)
    with dialog.body:
        amount = ui.number(t("Montant remboursé (FCFA)"), value=remaining, min=1, max=remaining, step=500,
                           format="%d").props("outlined").classes("w-full").mark(f"refund-{payment.id}-amount")
        ui.label(t("Au plus ce qui reste du paiement : {remaining}.").format(remaining=format_xaf(remaining))).classes(
            theme.MUTED)
        reason = ui.textarea(t("Motif du remboursement")).props("outlined autogrow maxlength=500").classes(
            "w-full").mark(f"refund-{payment.id}-reason")
    return dialog
