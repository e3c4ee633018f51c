"""A WhatsApp-like phone: a number on top, speech bubbles, a line to type on. Light enough for cheap phones."""

from collections.abc import Awaitable, Callable

from nicegui import ui

from core.channels.simulator import Bubble
from ui import theme
from ui.i18n import t

FRAME = "w-full sm:w-80 p-0 gap-0 rounded-2xl border-4 border-gray-800 overflow-hidden"
SCREEN = "w-full h-96 bg-[#ECE5DD]"
TIME = "text-[10px] opacity-60 self-end"
TICKS = {"queued": "🕓", "sent": "✓", "delivered": "✓✓", "read": "✓✓", "failed": "⚠️"}


class Phone:
    """One phone: show(bubbles) appends messages; on_send(text) is awaited when its owner sends one."""

    def __init__(self, title: str, on_send: Callable[[str], Awaitable[None]], *, mark: str) -> None:
        self.on_send = on_send
        self.last_id = 0
        with ui.card().classes(FRAME).mark(mark):
            with ui.row().classes(theme.HEADER + " w-full"):
                self.title = ui.label(title).classes("font-semibold truncate")
            self.scroll = ui.scroll_area().classes(SCREEN)
            with self.scroll:
                self.log = ui.column().classes("w-full gap-1 p-2")
            with ui.row().classes("w-full items-center no-wrap gap-1 p-1 bg-gray-100"):
                self.input = ui.input(placeholder=t("Message")).props("dense outlined maxlength=4000 bg-color=white")
                self.input.classes("grow").mark(f"{mark}-input")
                self.input.on("keydown.enter", self._send)
                ui.button(icon="send", on_click=self._send).props("round dense color=primary").mark(f"{mark}-send")

    def reset(self, title: str) -> None:
        """Show another number's conversation from scratch."""
        self.title.text = title
        self.log.clear()
        self.last_id = 0

    def show(self, bubbles: list[Bubble]) -> None:
        """Append bubbles newer than the ones shown."""
        fresh = [b for b in bubbles if b.id > self.last_id]
        if not fresh:
            return
        with self.log:
            for bubble in fresh:
                with ui.column().classes((theme.BUBBLE_IN if bubble.mine else theme.BUBBLE_OUT) + " gap-0"):
                    ui.label(bubble.body or "…")
                    tick = "" if bubble.mine else TICKS.get(bubble.status, "")
                    ui.label(f"{bubble.time} {tick}".strip()).classes(TIME)
        self.last_id = fresh[-1].id
        self.scroll.scroll_to(percent=1.0)

    async def _send(self) -> None:
        text = (self.input.value or "").strip()
        if not text:
            return
        self.input.value = ""
        await self.on_send(text)
