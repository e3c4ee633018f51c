"""/chat: the chat widget alone, to put in an iframe on another site."""

from nicegui import ui

from ui import theme
from ui.chat_widget import chat_widget
from ui.i18n import language_switch


@ui.page("/chat", title="Djobea · Chat")
async def chat_page() -> None:
    """The web chat, nothing else."""
    theme.apply()
    with ui.column().classes("w-full max-w-xl mx-auto p-2 gap-2"):
        with ui.row().classes("w-full justify-between items-center"):
            ui.label("Djobea").classes("text-lg font-bold text-primary")
            language_switch(on_dark=False)
        await chat_widget()
