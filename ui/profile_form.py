"""The provider profile form, shared by the admin's provider page and the provider's own profile page."""

from collections.abc import Callable

from nicegui import run, ui

from core.catalog import quartiers, services
from core.providers.models import Provider
from core.providers.profiles import ProviderProfile
from ui import theme
from ui.i18n import language, t


def profile_form(provider: Provider | None, trades: list[str], zones: list[str], *,
                 on_save: Callable[[ProviderProfile], tuple[str, int | None]], phone_editable: bool = True,
                 after_create: str = "/admin/providers/") -> None:
    """The profile form (admins and the provider's own page): name, phone, photo, trades, quartiers, hours."""
    lang = language()
    with ui.card().classes(theme.CARD).mark("profile-form"):
        ui.label(t("Mon profil") if not phone_editable else t("Profil")).classes(theme.SUBTITLE)
        name = ui.input(t("Nom"), value=provider.name if provider else "").props("outlined dense").mark(
            "profile-name")
        phone = ui.input(t("Téléphone"), value=provider.phone if provider else "").props("outlined dense").mark(
            "profile-phone")
        phone.set_enabled(phone_editable)
        photo = ui.input(t("Photo (adresse web)"), value=provider.photo_url if provider else "").props(
            "outlined dense").mark("profile-photo")
        chosen_trades = ui.select({s.code: s.name(lang) for s in services()}, multiple=True, value=trades,
                                  label=t("Métiers")).props("outlined dense use-chips").mark("profile-trades")
        chosen_zones = ui.select([q.name for q in quartiers()], multiple=True, value=zones, label=t("Quartiers"),
                                 with_input=True).props("outlined dense use-chips").mark("profile-zones")
        with ui.row().classes("gap-2"):
            start = ui.number(t("Début (heure)"), value=provider.work_start_hour if provider else 7, min=0, max=23,
                              format="%d").props("outlined dense").classes("w-28").mark("profile-start")
            end = ui.number(t("Fin (heure)"), value=provider.work_end_hour if provider else 19, min=1, max=24,
                            format="%d").props("outlined dense").classes("w-28").mark("profile-end")

        async def save() -> None:
            profile = ProviderProfile(name=name.value or "", phone=phone.value or "", trades=chosen_trades.value or [],
                                      quartiers=chosen_zones.value or [], work_start_hour=int(start.value or 0),
                                      work_end_hour=int(end.value or 0), photo_url=photo.value or "",
                                      language=provider.language if provider else "fr")
            error, saved_id = await run.io_bound(on_save, profile)
            if error:
                ui.notify(error, type="negative")
                return
            ui.notify(t("Enregistré ✅"), type="positive")
            if provider is None and saved_id:
                ui.navigate.to(f"{after_create}{saved_id}")

        ui.button(t("Enregistrer"), on_click=save).props("color=primary").mark("profile-save")
