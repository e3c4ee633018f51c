"""/simulator: WhatsApp-like phones for a customer number and for each provider, on the real message paths.

With WhatsApp live only demo numbers can be used (core.channels.simulator); each message is signed by its typist.
"""

import random

from nicegui import app, run, ui

from core.auth.models import Account
from core.channels import simulator
from core.phones import InvalidPhone, display_phone, normalize_address
from ui import theme
from ui.frame import admin_page
from ui.i18n import t, w
from ui.phone import Phone

POLL_SECONDS = 1.5
KEPT_NUMBER = "simulator_customer"  # in the browser's storage: a reload keeps the customer being played


@admin_page("/simulator", title="Simulateur", role="operator")
async def simulator_page(account: Account) -> None:
    """Two phones: a customer's (any +237 number or WhatsApp user id) and a provider's, refreshed while open."""
    customers = await run.io_bound(simulator.customers)
    providers = await run.io_bound(simulator.providers)
    with ui.column().classes(theme.WIDE_PAGE):
        ui.label(t("Simulateur WhatsApp")).classes(theme.TITLE)
        ui.label(t("Écrivez comme un client, et voyez les prestataires recevoir les offres et y répondre.")).classes(
            theme.MUTED)
        with ui.row().classes("w-full gap-6 items-start justify-center"):
            with ui.column().classes("gap-2"):
                kept = app.storage.user.get(KEPT_NUMBER, "")  # the number chosen before this reload
                number = kept if kept and await run.io_bound(simulator.may_simulate, kept) else (
                    customers[0] if customers else _new_number())
                picker = ui.select([number, *[c for c in customers if c != number]], value=number,
                                   new_value_mode="add-unique", label=t("Numéro du client")).classes("w-full sm:w-80")
                picker.mark("customer-number")
                customer = _Line(number, "customer-phone", account.email, keep=True)
                picker.on_value_change(lambda e: customer.switch(e.value))
                offers = ui.column().classes("w-full sm:w-80 gap-1").mark("offers-sent")
            with ui.column().classes("gap-2"):
                provider_number = next(iter(providers), "")
                with ui.row().classes("w-full sm:w-80 no-wrap items-center"):
                    chooser = ui.select(providers, value=provider_number or None, label=t("Prestataire")).classes(
                        "grow").mark("provider-number")
                    ui.button(icon="refresh", on_click=lambda: _reload(chooser)).props("flat round dense").tooltip(
                        t("Mettre en tête les prestataires qui viennent de recevoir un message"))
                provider = _Line(provider_number, "provider-phone", account.email)
                chooser.on_value_change(lambda e: provider.switch(e.value))
    async def show_offers() -> None:
        shown = (await run.io_bound(simulator.offers_sent, customer.number) if customer.number else []) or []
        offers.clear()
        with offers:
            ui.label(t("Offres envoyées pour ce client")).classes("text-sm font-semibold")
            if not shown:
                ui.label(t("Aucune offre envoyée pour l'instant.")).classes(theme.MUTED).mark("offers-sent-empty")
            for request in shown:
                ui.label(f"{request.reference} · {w('status.' + request.status)}").classes("text-sm")
                for offer in request.offers:
                    ui.label(f"{t('Tour')} {offer.round} · {offer.name} ({display_phone(offer.phone)}) · "
                             f"{w('offer.' + offer.status)}").classes("text-xs pl-2").mark(
                        f"offer-sent-{request.reference}")
                if not request.offers:
                    ui.label(t("Pas encore d'offre pour cette demande.")).classes("text-xs pl-2 " + theme.MUTED)

    await customer.refresh()
    await provider.refresh()
    await show_offers()
    # Only while this page is open: the timers die with the client.
    ui.timer(POLL_SECONDS, customer.refresh)
    ui.timer(POLL_SECONDS, provider.refresh)
    ui.timer(POLL_SECONDS * 2, show_offers)


async def _reload(chooser: ui.select) -> None:
    chooser.set_options(await run.io_bound(simulator.providers), value=chooser.value)


def _new_number() -> str:
    # In the demo range, above the demo providers' numbers: never a real person's phone.
    return f"{simulator.DEMO_RANGE}{random.randint(500_000, 999_999)}"


class _Line:
    """A phone bound to one number: sends as that number (signed by the staff member), shows its conversation."""

    def __init__(self, number: str, mark: str, staff: str, *, keep: bool = False) -> None:
        self.number, self.staff, self.keep = number, staff, keep
        self.phone = Phone(display_phone(number) if number else "—", self.send, mark=mark)

    async def switch(self, number: str | None) -> None:
        try:
            number = normalize_address(number or "")
        except InvalidPhone:
            ui.notify(t("Numéro invalide : écrivez un numéro camerounais (+237 6 99 12 34 56) ou un identifiant "
                        "WhatsApp de nom d'utilisateur (CM.1349…)"), type="warning")
            return
        if not await run.io_bound(simulator.may_simulate, number):
            ui.notify(t(simulator.REFUSED), type="warning", multi_line=True)
            return
        self.number = number
        if self.keep:
            app.storage.user[KEPT_NUMBER] = number
        self.phone.reset(display_phone(self.number))
        await self.refresh()

    async def send(self, text: str) -> None:
        if not self.number:
            ui.notify(t("Choisissez d'abord un numéro."), type="warning")
            return
        try:
            await run.io_bound(simulator.send_as, self.number, text, staff=self.staff)
        except simulator.SimulatorRefused as refused:
            ui.notify(t(str(refused)), type="warning", multi_line=True)
            return
        await self.refresh()

    async def refresh(self) -> None:
        if self.number:
            self.phone.show(await run.io_bound(simulator.thread, self.number, self.phone.last_id) or [])
