"""The provider profile form, shared by the admin's provider page and the provider's own profile page."""

from collections.abc import Callable

from nicegui import events, run, ui

from core.catalog import quartiers, services
from core.phones import InvalidPhone
from core.providers import photos
from core.providers.models import Provider
from core.providers.profiles import ProviderProfile
from ui import theme
from ui.i18n import error_text, language, t, w

# each field's name in the profile and its label on the form, for errors that name it
LABELS = {"name": "Nom", "phone": "Téléphone", "trades": "Métiers", "quartiers": "Quartiers"}


def profile_form(provider: Provider | None, trades: list[str], zones: list[str], *,
                 on_save: Callable[[ProviderProfile], int], phone_editable: bool = True,
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
        photo = {"url": provider.photo_url if provider else ""}
        with ui.row().classes("w-full items-center gap-3 no-wrap"):
            preview = ui.image(photo["url"]).classes("w-20 h-20 rounded-full").mark("profile-photo-preview")
            preview.set_visibility(bool(photo["url"]))

            async def received(event: events.UploadEventArguments) -> None:
                try:
                    photo["url"] = await run.io_bound(photos.store, await event.file.read())
                except ValueError as exc:
                    ui.notify(error_text(exc), type="negative")
                    return
                preview.set_source(photo["url"])
                preview.set_visibility(True)
                ui.notify(t("Photo reçue : enregistrez le profil pour la garder."), type="positive")

            ui.upload(label=t("Photo de profil (JPEG, PNG ou WebP, 3 Mo au plus)"), on_upload=received,
                      auto_upload=True, max_file_size=photos.MAX_BYTES).props(
                'accept="image/jpeg,image/png,image/webp" flat bordered').classes("grow").mark("profile-photo")
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
                                      work_end_hour=int(end.value or 0), photo_url=photo["url"] or "",
                                      language=provider.language if provider else "fr")
            try:
                saved_id = await run.io_bound(on_save, profile)
            except ValueError as exc:  # a refusal (UserError) or a phone number that is not one
                ui.notify(w("error.invalid_phone") if isinstance(exc, InvalidPhone) else error_text(exc, LABELS),
                          type="negative")
                return
            ui.notify(t("Enregistré ✅"), type="positive")
            if provider is None and saved_id:
                ui.navigate.to(f"{after_create}{saved_id}")

        ui.button(t("Enregistrer"), on_click=save).props("color=primary").mark("profile-save")
