"""/admin/providers: list, applications to verify, one provider's performance and profile, suspension."""

from nicegui import run, ui

from core.analytics import providers as admin_providers
from core.db import session_scope, storable
from core.money import format_xaf
from core.phones import InvalidPhone, display_phone
from core.providers import profiles
from core.providers.models import Provider, ProviderApplication, ProviderStatus
from core.providers.profiles import ProviderProfile
from pages.admin.common import href, known
from ui import theme
from ui.charts import service_label
from ui.frame import admin_page
from ui.i18n import count, language, t, w
from ui.kpi import kpi, percent, stars
from ui.profile_form import profile_form


def _list(text: str, status: str) -> tuple[list[admin_providers.ProviderRow], list[ProviderApplication]]:
    with session_scope() as session:
        return (admin_providers.provider_rows(session=session, text=text, status=status),
                admin_providers.pending_applications(session=session))


def _review(application_id: int, approve: bool, actor: str) -> str:
    try:
        with session_scope() as session:
            application = session.get(ProviderApplication, application_id)
            if application is None:
                return "unknown application"
            if approve:
                profiles.approve_application(session=session, application=application, actor=actor)
            else:
                profiles.reject_application(session=session, application=application, actor=actor)
    except (ValueError, InvalidPhone) as exc:
        return str(exc)
    return ""


@admin_page("/admin/providers", title="Prestataires")
async def providers_page(account, q: str = "", status: str = "") -> None:
    """Providers and pending applications."""
    rows, applications = await run.io_bound(_list, q, status)
    with ui.row().classes("w-full items-center gap-2"):
        search = ui.input(t("Nom ou téléphone"), value=q).props("dense outlined").classes("grow").mark(
            "provider-search")
        search.on("keydown.enter", lambda: ui.navigate.to(href("/admin/providers", q=search.value, status=status)))
        shown = (ProviderStatus.ACTIVE, ProviderStatus.SUSPENDED, ProviderStatus.PENDING)
        statuses = {"": "—", **{s.value: s.value for s in shown}}
        ui.select(statuses, value=known(statuses, status),
                  label=t("Statut"), on_change=lambda e: ui.navigate.to(href("/admin/providers", q=q, status=e.value))
                  ).props("dense outlined").classes("w-32")
        ui.button(t("Nouveau"), icon="add", on_click=lambda: ui.navigate.to("/admin/providers/new")).props(
            "color=primary").mark("provider-new")
    if applications:
        with ui.card().classes(theme.CARD).mark("applications"):
            ui.label(f"{t('Candidatures à vérifier')} ({len(applications)})").classes(theme.SUBTITLE)
            for application in applications:
                with ui.row().classes("w-full items-center justify-between"):
                    ui.label(f"{application.name} · {display_phone(application.phone)} · "
                             f"{', '.join(application.trades)} · {', '.join(application.quartiers)}").classes("text-sm")

                    async def review(_, a=application.id, ok=True) -> None:
                        error = await run.io_bound(_review, a, ok, account.email)
                        ui.notify(error or t("Enregistré ✅"), type="negative" if error else "positive")
                        if not error:
                            ui.navigate.reload()

                    with ui.row().classes("gap-1"):
                        ui.button(t("Valider"), on_click=review).props("dense color=primary").mark(
                            f"approve-{application.id}")
                        ui.button(t("Refuser"), on_click=lambda e, a=application.id: review(e, a, False)).props(
                            "dense outline").mark(f"reject-{application.id}")
    ui.label(count("providers", len(rows))).classes(theme.MUTED).mark("provider-total")
    if not rows:
        ui.label(t("Aucun prestataire ne correspond.")).classes(theme.MUTED).mark("provider-empty")
    with ui.column().classes("w-full gap-1").mark("provider-list"):
        for row in rows:
            provider: Provider = row.provider
            with ui.card().classes("w-full p-2 gap-0 cursor-pointer").on(
                    "click", lambda _, i=provider.id: ui.navigate.to(f"/admin/providers/{i}")).mark(
                    f"provider-row-{provider.id}"):
                with ui.row().classes("w-full justify-between no-wrap"):
                    ui.link(provider.name, f"/admin/providers/{provider.id}").classes("font-semibold")
                    ui.label(("🟢 " if provider.available else "⏸ ") + w("provider." + provider.status)
                             + ("" if provider.available else f" · {t('en pause')}")).classes("text-xs").mark(
                        f"provider-state-{provider.id}")
                trades = ", ".join(service_label(code, language()) for code in row.trades)
                ui.label(f"{provider.quartier} · {trades} · {stars(provider.rating)} · "
                         f"{count('jobs', provider.jobs_completed)}").classes(theme.MUTED)


def _provider(provider_id: int):
    with session_scope() as session:
        provider = session.get(Provider, provider_id)
        if provider is None:
            return None, None, ([], [])
        return (provider, admin_providers.performance(session=session, provider=provider),
                admin_providers.trades_and_zones(session=session, provider_id=provider_id))


def _save(provider_id: int | None, profile: ProviderProfile, actor: str) -> int:
    """Create or update the provider; bad input raises (the form says why, in the page's language)."""
    with session_scope() as session:
        provider = session.get(Provider, provider_id) if provider_id else None
        return profiles.save_provider(session=session, profile=profile, actor=actor, provider=provider).id


def _change(provider_id: int, action: str, value, actor: str) -> None:
    with session_scope() as session:
        provider = session.get(Provider, provider_id)
        if action == "status":
            profiles.set_status(session=session, provider=provider, status=value, actor=actor)
        else:
            profiles.toggle_availability(session=session, provider=provider, available=value, actor=actor)


@admin_page("/admin/providers/{provider_id}", title="Prestataire")
async def provider_page(account, provider_id: str) -> None:
    """Performance, profile edit, availability and suspension; 'new' creates one."""
    new = provider_id == "new"
    if not new and not (provider_id.isascii() and provider_id.isdigit() and storable(int(provider_id))):
        ui.label(t("Prestataire introuvable.")).mark("not-found")
        return
    provider, perf, (trades, zones) = (None, None, ([], [])) if new else await run.io_bound(_provider, int(provider_id))
    if not new and provider is None:
        ui.label(t("Prestataire introuvable.")).mark("not-found")
        ui.context.client.status_code = 404
        return
    if provider is not None and perf is not None:
        ui.label(f"{provider.name} · {display_phone(provider.phone)}").classes(theme.SUBTITLE).mark("provider-name")
        with ui.element("div").classes(theme.KPI_GRID):
            kpi(t("Acceptation"), percent(provider.offers_accepted, provider.offers_received), mark="acceptance",
                hint=f"{provider.offers_accepted}/{provider.offers_received}")
            kpi(t("Travaux terminés"), str(provider.jobs_completed), mark="jobs",
                href=href("/admin/requests", provider=provider.id, period="all"))
            kpi(t("Note"), stars(perf.rating), mark="provider-rating", hint=f"{perf.ratings} {t('avis')}")
            kpi(t("Gains"), format_xaf(perf.earned), mark="earned")
            kpi(t("Solde à verser"), format_xaf(perf.balance), mark="balance")
            kpi(t("Travaux en cours"), str(perf.open_jobs), mark="open-jobs")
        with ui.row().classes("w-full items-center gap-4"):
            ui.switch(t("Disponible"), value=provider.available, on_change=lambda e: run.io_bound(
                _change, provider.id, "available", e.value, account.email)).mark("provider-available")
            suspended = provider.status == ProviderStatus.SUSPENDED

            async def toggle_status() -> None:
                target = ProviderStatus.ACTIVE if suspended else ProviderStatus.SUSPENDED
                await run.io_bound(_change, provider.id, "status", target, account.email)
                ui.navigate.reload()

            ui.button(t("Réactiver") if suspended else t("Suspendre"), on_click=toggle_status).props(
                "outline " + ("color=primary" if suspended else "color=negative")).mark("provider-suspend")
    profile_form(provider, trades, zones, on_save=lambda profile: _save(provider.id if provider else None, profile,
                                                                      account.email))
