"""The web chat: posts through the same turn function as POST /api/chat, then polls for later messages."""

import secrets

from nicegui import app, run, ui

from core.analytics.inbox import web_chat_messages
from core.conversations.routes import chat_turn
from core.db import session_scope
from core.logs import log
from core.messaging.outbox import CODE_MASK
from core.security.clients import client_address
from ui import theme
from ui.i18n import t

POLL_SECONDS = 3.0
STORAGE_KEY = "chat_session"


def chat_session_id() -> str:
    """Return this browser's chat session id, creating it while the page is being built."""
    storage = app.storage.browser
    sid = storage.get(STORAGE_KEY)
    if not isinstance(sid, str) or not sid:
        sid = "web-" + secrets.token_urlsafe(12)
        storage[STORAGE_KEY] = sid
    return sid


def _load(session_id: str, after_id: int) -> list[tuple[int, str, str, str]]:
    with session_scope() as session:
        return [(m.id, m.direction, m.author, m.body) for m in
                web_chat_messages(session=session, session_id=session_id, after_id=after_id)]


class ChatWidget:
    """Message log, input and send button; new messages (provider accepted, on the way, done) appear live."""

    def __init__(self, session_id: str) -> None:
        self.session_id = session_id
        self.client = client_address(ui.context.client.request)  # the page's request: where this visitor is
        self.last_id = 0
        self.echoes: list[str] = []  # sent texts shown before the server stored them
        with ui.card().classes("w-full p-2 gap-2").mark("chat-widget"):
            ui.label(t("Discuter avec Djobea")).classes(theme.SUBTITLE)
            self.scroll = ui.scroll_area().classes("w-full h-[55vh] max-h-96 border rounded")
            with self.scroll:
                self.log = ui.column().classes("w-full gap-2 p-1").mark("chat-log")
            with self.log:
                ui.label(t("Bonjour 👋 Dites-nous ce qui ne va pas et dans quel quartier vous êtes.")).classes(
                    theme.BUBBLE_OUT)
            with ui.row().classes("w-full items-center no-wrap gap-2"):
                self.input = ui.input(placeholder=t("Votre message…")).props(
                    "outlined dense maxlength=2000").classes("grow").mark("chat-input")
                self.input.on("keydown.enter", self.send)
                self.button = ui.button(icon="send", on_click=self.send).props(
                    f"round color=primary aria-label={t('Envoyer')}").mark("chat-send")
        self.timer = ui.timer(POLL_SECONDS, self.poll)

    async def start(self) -> None:
        """Show the conversation so far (after a reload the visitor sees their chat again)."""
        await self.poll()

    async def send(self) -> None:
        """Send the typed message; the replies arrive through the same polling as later updates."""
        text = (self.input.value or "").strip()[:2000]
        if not text:
            return
        self.input.value = ""
        self.echoes.append(text)
        self._bubble("in", "customer", text)
        self.button.props("loading")
        try:
            result = await run.io_bound(chat_turn, session_id=self.session_id, body=text, client=self.client)
            if result is None:
                ui.notify(t("Trop de messages d'un coup : attendez une minute."), type="warning")
        except Exception as exc:  # the visitor is told to try again; the log says where it failed, not what they wrote
            log.opt(exception=exc).warning("web chat message not sent", error=type(exc).__name__)
            ui.notify(t("Message non envoyé, réessayez."), type="negative")
        finally:
            self.button.props(remove="loading")
        await self.poll()

    async def poll(self) -> None:
        """Add the messages stored since the last one shown."""
        rows = await run.io_bound(_load, self.session_id, self.last_id)
        for message_id, direction, author, body in rows:
            self.last_id = max(self.last_id, message_id)
            if direction == "in" and self.echoes and body.strip() in (self.echoes[0], CODE_MASK):
                self.echoes.pop(0)
                continue
            self._bubble(direction, author, body)

    def _bubble(self, direction: str, author: str, body: str) -> None:
        style = theme.BUBBLE_IN if direction == "in" else theme.BUBBLE_AGENT if author == "agent" else theme.BUBBLE_OUT
        with self.log:
            ui.label(body).classes(style).mark(f"chat-{direction}")
        self.scroll.scroll_to(percent=1.0)


async def chat_widget() -> ChatWidget:
    """Build the widget for this browser's chat session."""
    widget = ChatWidget(chat_session_id())
    await widget.start()
    return widget
