"""Colours and classes in one place."""

PRIMARY = "#0E7C5A"  # a deep green, readable in sunlight on cheap screens
ACCENT = "#F2A900"
DARK = "#1F2933"
# Okabe & Ito's palette, told apart by people with every common colour-vision deficiency; one per service,
# the same in every chart (ui/charts.py), in the catalogue's order
CHART_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000", "#999999"]

PAGE = "w-full max-w-3xl mx-auto p-4 gap-4"
WIDE_PAGE = "w-full max-w-6xl mx-auto p-2 sm:p-4 gap-4"
CARD = "w-full p-4 gap-2"
TITLE = "text-2xl font-bold"
SUBTITLE = "text-lg font-semibold"
MUTED = "text-sm text-gray-600"
WARNING = "text-sm text-orange-800"
HEADER = "bg-primary text-white px-3 py-2 items-center justify-between"
NAV_LINK = "text-white no-underline px-2 py-1 rounded hover:bg-white/20 text-sm"
KPI_GRID = "w-full grid grid-cols-2 md:grid-cols-4 gap-2"
KPI_CARD = "p-3 gap-0"
KPI_VALUE = "text-xl font-bold text-primary"
KPI_LABEL = "text-xs text-gray-600"
FILTERS = "w-full items-end gap-2 flex-wrap"
TABLE = "w-full"
CHAT_SCROLL = "w-full h-[55vh] max-h-96 overflow-y-auto overscroll-contain border border-gray-200 rounded"
BUBBLE_IN = "self-end bg-primary text-white rounded-lg px-3 py-2 max-w-[85%] whitespace-pre-line"
BUBBLE_OUT = "self-start bg-gray-100 rounded-lg px-3 py-2 max-w-[85%] whitespace-pre-line"
BUBBLE_AGENT = "self-start bg-amber-100 rounded-lg px-3 py-2 max-w-[85%] whitespace-pre-line"

PAID_COLOURS = {"paid": "green", "awaiting": "orange", "unpaid": "red"}
STATUS_COLOURS = {"pending": "grey", "offered": "blue", "assigned": "teal", "in_progress": "orange",
                  "completed": "green", "cancelled": "red", "expired": "brown"}


def apply() -> None:
    """Set the brand colours for the current page."""
    from nicegui import ui

    ui.colors(primary=PRIMARY, secondary=DARK, accent=ACCENT)
