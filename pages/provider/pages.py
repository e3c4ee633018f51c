"""The provider's other pages: history and ratings, earnings and payouts, profile."""

from nicegui import run, ui

from core import clock
from core.analytics import portal
from core.analytics.providers import trades_and_zones
from core.db import session_scope
from core.money import format_xaf
from core.phones import InvalidPhone, display_phone
from core.providers.models import Provider
from core.providers.profiles import ProviderProfile, save_provider
from pages.admin.common import status_badge
from ui import theme
from ui.charts import service_label
from ui.frame import provider_page
from ui.i18n import language, t
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
        for rating, reference in ratings:
            ui.label(f"{'★' * rating.stars}{'☆' * (5 - rating.stars)} · {reference} · "
                     f"{clock.format_local(rating.created_at, '%d/%m/%Y')}").classes("text-sm").mark(
                f"rating-{reference}")
            if rating.comment:
                ui.label(f"« {rating.comment} »").classes(theme.MUTED)


def _earnings(provider_id: int) -> dict:
    with session_scope() as session:
        return portal.earnings(session=session, provider=session.get(Provider, provider_id))


@provider_page("/provider/earnings", title="Gains et versements")
async def earnings_page(provider) -> None:
    """Balance owed, what was earned and paid out, entry by entry."""
    money = await run.io_bound(_earnings, provider.id)
    with ui.element("div").classes(theme.KPI_GRID):
        kpi(t("Solde à verser"), format_xaf(money["balance"]), mark="my-balance")
        kpi(t("Gagné"), format_xaf(money["earned"]), mark="my-earned")
        kpi(t("Déjà versé"), format_xaf(money["paid_out"]), mark="my-paid-out")
        kpi(t("Note"), stars(provider.rating), mark="my-rating")
    kinds = {"earning": t("Gain"), "payout": t("Versement"), "refund": t("Remboursement")}
    with ui.card().classes(theme.CARD).mark("ledger"):
        for entry in money["entries"]:
            with ui.row().classes("w-full justify-between no-wrap text-sm"):
                ui.label(f"{clock.format_local(entry.created_at, '%d/%m/%Y')} · {kinds.get(entry.kind, entry.kind)} · "
                         f"{entry.reference}")
                ui.label(format_xaf(entry.amount)).classes("font-mono")


def _profile(provider_id: int):
    with session_scope() as session:
        return session.get(Provider, provider_id), trades_and_zones(session=session, provider_id=provider_id)


def _save_own(provider_id: int, profile: ProviderProfile) -> tuple[str, int | None]:
    try:
        with session_scope() as session:
            provider = session.get(Provider, provider_id)
            profile.phone = provider.phone  # the number is the login: only an admin changes it
            save_provider(session=session, profile=profile, actor=f"provider:{provider_id}", provider=provider)
            return "", provider_id
    except (ValueError, InvalidPhone) as exc:
        return str(exc), None


@provider_page("/provider/profile", title="Mon profil")
async def profile_page(provider) -> None:
    """Name, photo, trades, quartiers and working hours."""
    fresh, (trades, zones) = await run.io_bound(_profile, provider.id)
    ui.label(display_phone(fresh.phone)).classes(theme.MUTED)
    profile_form(fresh, trades, zones, on_save=lambda profile: _save_own(provider.id, profile), phone_editable=False)
