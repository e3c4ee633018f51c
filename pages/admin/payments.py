"""/admin/payments: transactions, commission, provider balances; payouts and refunds are for admins only."""

from nicegui import run, ui

from core import clock
from core.analytics import payments as money
from core.auth.sessions import has_role
from core.db import session_scope
from core.money import format_xaf
from core.payments.ledger import record_payout, refund
from core.payments.models import Payment
from pages.admin.common import href
from ui import theme
from ui.frame import admin_page, still_allowed
from ui.i18n import t
from ui.kpi import kpi

PAGE_SIZE = 25


def _load(status: str, page: int):
    with session_scope() as session:
        rows, total = money.transactions(session=session, status=status, page=page, page_size=PAGE_SIZE)
        return rows, total, money.totals(session=session), money.balances(session=session)


def payout(provider_id: int, amount: int, reference: str, actor: str) -> str:
    """Record a payout to the provider; return an error text or ''."""
    try:
        with session_scope() as session:
            record_payout(session=session, provider_id=provider_id, amount=amount, reference=reference, actor=actor)
    except (ValueError, TypeError) as exc:
        return str(exc)
    return ""


def refund_payment(payment_id: int, amount: int | None, reason: str, actor: str) -> str:
    """Refund the payment (all that remains when amount is None); return an error text or ''."""
    try:
        with session_scope() as session:
            payment = session.get(Payment, payment_id)
            if payment is None:
                return "unknown payment"
            refund(session=session, payment=payment, reason=reason, actor=actor, amount=amount)
    except (ValueError, TypeError) as exc:
        return str(exc)
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
        for row in balances:
            with ui.row().classes("w-full items-center justify-between no-wrap"):
                ui.link(row.name, f"/admin/providers/{row.id}").classes("text-sm")
                ui.label(format_xaf(row.balance)).classes("font-mono text-sm").mark(f"balance-{row.id}")
                if is_admin and row.balance > 0:
                    async def pay(_, r=row) -> None:
                        if not still_allowed("admin"):
                            ui.notify(t("Accès refusé"), type="negative")
                            return
                        reference = f"payout-{r.id}-{clock.now():%Y%m%d%H%M%S}"
                        error = await run.io_bound(payout, r.id, r.balance, reference, account.email)
                        ui.notify(error or t("Enregistré ✅"), type="negative" if error else "positive")
                        if not error:
                            ui.navigate.reload()

                    ui.button(t("Marquer versé"), on_click=pay).props("dense outline size=sm").mark(
                        f"payout-{row.id}")

    with ui.row().classes("w-full items-center gap-2"):
        for value, label in (("", "Tous"), ("success", "Réussis"), ("pending", "En attente"), ("failed", "Échoués"),
                             ("refunded", "Remboursés")):
            ui.link(t(label), href("/admin/payments", status=value)).classes(
                "text-sm" + (" font-bold" if value == status else ""))
    ui.label(f"{total} {t('paiements')}").classes(theme.MUTED).mark("payment-total")
    with ui.column().classes("w-full gap-1").mark("transactions"):
        for row in rows:
            payment: Payment = row.payment
            with ui.card().classes("w-full p-2 gap-0"):
                with ui.row().classes("w-full justify-between no-wrap"):
                    ui.link(row.reference, f"/admin/requests/{payment.request_id}").classes("font-mono text-sm")
                    ui.label(f"{format_xaf(payment.amount)} · {payment.status}").classes("text-sm").mark(
                        f"payment-{payment.id}")
                ui.label(f"{row.provider} · {t('commission')} {format_xaf(payment.commission)} · "
                         f"{payment.operator} · {clock.format_local(payment.paid_at or payment.created_at)}").classes(
                    theme.MUTED)
                if payment.status == "pending" and payment.last_error:  # why it is not confirmed (e.g. test mode)
                    ui.label(payment.last_error).classes(theme.WARNING).mark(f"payment-problem-{payment.id}")
                if is_admin and payment.status == "success":
                    with ui.row().classes("items-end gap-2"):
                        reason = ui.input(t("Motif du remboursement")).props("dense outlined").classes("grow")

                        async def do_refund(_, p=payment.id, reason=reason) -> None:
                            if not still_allowed("admin"):
                                ui.notify(t("Accès refusé"), type="negative")
                                return
                            error = await run.io_bound(refund_payment, p, None, reason.value or "", account.email)
                            ui.notify(error or t("Enregistré ✅"), type="negative" if error else "positive")
                            if not error:
                                ui.navigate.reload()

                        ui.button(t("Rembourser"), on_click=do_refund).props("dense outline color=negative").mark(
                            f"refund-{payment.id}")
    with ui.row().classes("w-full justify-center gap-2"):
        pages = max(1, -(-total // PAGE_SIZE))
        if page > 1:
            ui.link("←", href("/admin/payments", status=status, page=page - 1))
        ui.label(f"{page} / {pages}")
        if page < pages:
            ui.link("→", href("/admin/payments", status=status, page=page + 1))
