"""A dialog that spells out what an irreversible action will do, asks what it needs, and only then acts."""

from collections.abc import Awaitable, Callable

from nicegui import ui

from ui import theme
from ui.i18n import t


class Confirmation:
    """Title, consequences, the fields put inside it by the caller, and Back / the action; errors stay in the dialog.

    `submit` returns an error text (the dialog stays open and shows it) or "" (the dialog closes, the page reloads).
    """

    def __init__(self, title: str, consequences: str, *, action: str, mark: str,
                 submit: Callable[[], Awaitable[str]], danger: bool = True) -> None:
        self.submit, self.mark = submit, mark
        with ui.dialog().mark(f"{mark}-dialog") as self.dialog, ui.card().classes("w-full max-w-md gap-3"):
            ui.label(title).classes(theme.SUBTITLE)
            ui.label(consequences).classes("text-sm whitespace-pre-line").mark(f"{mark}-consequences")
            self.body = ui.column().classes("w-full gap-2")
            self.error = ui.label("").classes("text-sm text-negative").mark(f"{mark}-error")
            with ui.row().classes("w-full justify-end gap-2"):
                ui.button(t("Retour"), on_click=self.dialog.close).props("flat").mark(f"{mark}-back")
                ui.button(action, on_click=self._go).props(
                    "unelevated " + ("color=negative" if danger else "color=primary")).mark(f"{mark}-confirm")

    def open(self) -> None:
        """Show the dialog with no earlier error."""
        self.error.text = ""
        self.dialog.open()

    async def _go(self) -> None:
        problem = await self.submit()
        if problem:
            self.error.text = problem
            return
        self.dialog.close()
        ui.notify(t("Enregistré ✅"), type="positive")
        ui.navigate.reload()
