"""What a customer sent with a request: photos as thumbnails, voice notes as players, pins as map links."""

from nicegui import ui

from core.catalog import map_link
from core.service_requests.models import RequestMedia
from ui import theme
from ui.i18n import t


def attachments(items: list[RequestMedia]) -> None:
    """Show the request's attachments, lightest first: a thumbnail is loaded only when scrolled into view."""
    if not items:
        ui.label(t("Aucune pièce jointe.")).classes(theme.MUTED).mark("no-attachments")
        return
    with ui.row().classes("w-full gap-3 flex-wrap items-start"):
        for media in items:
            with ui.column().classes("gap-1 max-w-[10rem]").mark(f"attachment-{media.kind}"):
                url = f"/media/{media.id}"
                if media.kind == "image":
                    with ui.link(target=url, new_tab=True):
                        ui.image(url).props('loading="lazy" fit="cover"').classes("w-36 h-36 rounded")
                elif media.kind == "audio":
                    ui.audio(url).classes("w-40")
                elif media.kind == "location":
                    ui.link(f"📍 {media.description or t('Position')}", map_link(media.lat, media.lon),
                            new_tab=True).classes("text-sm")
                else:
                    ui.link(f"📎 {t('Fichier')} ({media.content_type or media.kind})", url, new_tab=True).classes(
                        "text-sm")
                if media.description and media.kind != "location":
                    ui.label(media.description).classes("text-xs text-gray-600 whitespace-pre-line")
