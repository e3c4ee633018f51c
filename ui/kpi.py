"""KPI cards: a number and what it means, optionally a link to the rows behind it."""

from nicegui import ui

from ui import theme


def kpi(label: str, value: str, *, mark: str, href: str | None = None, hint: str = "") -> None:
    """Show one headline number; mark names it for tests, href opens the requests behind it."""
    with ui.card().classes(theme.KPI_CARD).mark(f"kpi-{mark}") as card:
        ui.label(value).classes(theme.KPI_VALUE).mark(f"kpi-{mark}-value")
        ui.label(label).classes(theme.KPI_LABEL)
        if hint:
            ui.label(hint).classes("text-[10px] text-gray-400")
    if href:
        card.classes("cursor-pointer").on("click", lambda: ui.navigate.to(href))


def percent(part: int, whole: int) -> str:
    """Return '67 %' (rounded half up), or '–' when there is nothing to divide by."""
    return f"{(200 * part + whole) // (2 * whole)} %" if whole else "–"


def duration(seconds: float | None) -> str:
    """Return a time span the way people say it: '45 s', '4 min', '1 h 05'."""
    if seconds is None:
        return "–"
    total = round(seconds)
    if total < 60:
        return f"{total} s"
    minutes = (total + 30) // 60
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d}"


def stars(average: float | None) -> str:
    """Return '4,3 ★' (French decimal comma), or '–'."""
    return "–" if average is None else f"{average:.1f}".replace(".", ",") + " ★"
