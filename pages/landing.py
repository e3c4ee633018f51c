"""The landing page: what Djobea does, services and prices, quartiers covered."""

from nicegui import ui

from core.catalog import quartiers, services
from core.money import format_range
from ui import theme


@ui.page("/")
def landing() -> None:
    """Public landing page."""
    theme.apply()
    with ui.column().classes(theme.PAGE):
        ui.label("Djobea").classes("text-3xl font-bold text-primary").mark("brand")
        ui.label("Un plombier, un électricien, un réparateur de confiance à Douala, en quelques minutes.").classes(
            theme.SUBTITLE)
        ui.label("Écrivez-nous sur WhatsApp comme vous parlez : « mon tuyau a pété à Makepe ».").classes(theme.MUTED)
        with ui.card().classes(theme.CARD):
            ui.label("Services et prix indicatifs").classes(theme.SUBTITLE)
            for service in services():
                with ui.row().classes("w-full justify-between"):
                    ui.label(service.name_fr)
                    ui.label(format_range(service.price_min, service.price_max)).classes("font-mono")
        with ui.card().classes(theme.CARD):
            ui.label("Quartiers couverts").classes(theme.SUBTITLE)
            ui.label(", ".join(q.name for q in quartiers())).classes(theme.MUTED)
        ui.label("Paiement à la fin du travail par MTN Mobile Money ou Orange Money.").classes(theme.MUTED)
