"""Colours and classes in one place."""

PRIMARY = "#0E7C5A"  # a deep green, readable in sunlight on cheap screens
ACCENT = "#F2A900"
DARK = "#1F2933"

PAGE = "w-full max-w-3xl mx-auto p-4 gap-4"
CARD = "w-full p-4 gap-2"
TITLE = "text-2xl font-bold"
SUBTITLE = "text-lg font-semibold"
MUTED = "text-sm text-gray-600"


def apply() -> None:
    """Set the brand colours for the current page."""
    from nicegui import ui

    ui.colors(primary=PRIMARY, secondary=DARK, accent=ACCENT)
