"""The provider's other pages: history and ratings, earnings and payouts, profile."""

from nicegui import run, ui

from core.analytics import portal
from core.analytics.providers import trades_and_zones
from core.db import session_scope
from core.money import format_xaf
from core.phones import display_phone
from core.providers.models import Provider
from core.providers.profiles import ProviderProfile, save_provider
from core.texts import formats
from pages.admin.common import status_badge
from ui import theme
from ui.charts import service_label
from ui.frame import provider_page
from ui.i18n import language, t, w, when
from ui.kpi import kpi, stars
from ui.profile_form import profile_form


def _history(provider_id: int):
    with session_scope() as session:
        provider = session.get(Provider, provider_id)
        return portal.history(session=session, provider=provider), portal.ratings(session=session, provider=provider)


@provider_page("/provider/history", title="Historique")
async def history_page(provider) -> None:
    """Past jobs and the ratings received."""
    jobs, ratings = await run.io_bound(_history, provider.id)
    lang = language()
    with ui.card().classes(theme.CARD).mark("history"):
        if not jobs:
            ui.label(t("Pas encore de travail terminé.")).classes(theme.MUTED).mark("history-empty")
        for request in jobs:
            with ui.row().classes("w-full justify-between items-center no-wrap"):
                ui.link(f"{request.reference} · {service_label(request.service_type, lang)} · {request.quartier}",
                        f"/provider/jobs/{request.id}").classes("text-sm")
                with ui.row().classes("items-center gap-1 no-wrap"):
                    if request.final_price:
                        ui.label(format_xaf(request.final_price)).classes("text-sm")
                    status_badge(request.status)
    with ui.card().classes(theme.CARD).mark("ratings"):
        ui.label(t("Avis reçus")).classes(theme.SUBTITLE)
        if not ratings:
            ui.label(t("Pas encore d'avis de client.")).classes(theme.MUTED).mark("ratings-empty")
        for rating, reference in ratings:
            ui.label(f"{'★' * rating.stars}{'☆' * (5 - rating.stars)} · {reference} · "
                     f"{formats.moment(rating.created_at, language(), with_time=False)}").classes("text-sm").mark(
                f"rating-{reference}")
            if rating.comment:
                ui.label(f"« {rating.comment} »").classes(theme.MUTED)


def _earnings(provider_id: int) -> portal.Earnings:
    with session_scope() as session:
        return portal.earnings(session=session, provider=session.get(Provider, provider_id))


@provider_page("/provider/earnings", title="Gains et versements")
async def earnings_page(provider) -> None:
    """Balance owed, what was earned and paid out, entry by entry."""
    money = await run.io_bound(_earnings, provider.id)
    with ui.element("div").classes(theme.KPI_GRID):
        kpi(t("Reste à vous verser"), format_xaf(money.balance), mark="my-balance")
        kpi(t("Gagné"), format_xaf(money.earned), mark="my-earned")
        kpi(t("Déjà versé"), format_xaf(money.paid_out), mark="my-paid-out")
        kpi(t("Note"), stars(provider.rating), mark="my-rating")
    ui.label(t("Djobea garde sa commission sur chaque paiement du client et vous verse le reste ; « Reste à vous "
               "verser » est ce qui ne vous a pas encore été versé.")).classes(theme.MUTED)
    with ui.card().classes(theme.CARD).mark("ledger"):
        if not money.lines:
            ui.label(t("Pas encore de gains : ils apparaissent ici dès qu'un client paie un de vos travaux.")).classes(
                theme.MUTED).mark("ledger-empty")
        for line in money.lines:
            entry = line.entry
            with ui.column().classes("w-full gap-0 border-b pb-1").mark(f"ledger-{entry.id}"):
                with ui.row().classes("w-full justify-between no-wrap text-sm"):
                    ui.label(f"{when(entry.created_at)} · {w('ledger.' + entry.kind)}"
                             + (f" · {line.job}" if line.job else ""))
                    ui.label(format_xaf(entry.amount)).classes("font-mono")
                if line.paid is not None and entry.kind == "earning":
                    ui.label(t("Payé par le client {paid}, commission Djobea {commission}, pour vous {share}").format(
                        paid=format_xaf(line.paid), commission=format_xaf(line.commission),
                        share=format_xaf(entry.amount))).classes(theme.MUTED).mark(f"ledger-split-{entry.id}")
                elif entry.kind == "payout" and entry.reference:
                    ui.label(f"{t('Référence du transfert')} : {entry.reference}").classes(theme.MUTED)


def _profile(provider_id: int):
    with session_scope() as session:
        return session.get(Provider, provider_id), trades_and_zones(session=session, provider_id=provider_id)


def _save_own(provider_id: int, profile: ProviderProfile) -> int:
    """Save the provider's own profile; bad input raises (the form says why, in the page's language)."""
    with session_scope() as session:
        provider = session.get(Provider, provider_id)
        profile.phone = provider.phone  # the number is the login: only an admin changes it
        save_provider(session=session, profile=profile, actor=f"provider:{provider_id}", provider=provider)
        return provider_id


@provider_page("/provider/profile", title="Mon profil")
async def profile_page(provider) -> None:
    """Name, photo, trades, quartiers and working hours."""
    fresh, (trades, zones) = await run.io_bound(_profile, provider.id)
    ui.label(display_phone(fresh.phone)).classes(theme.MUTED)
    profile_form(fresh, trades, zones, on_save=lambda profile: _save_own(provider.id, profile), phone_editable=False)
