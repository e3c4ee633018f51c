"""The web chat: posts through the same turn function as POST /api/chat, then polls for later messages."""

import asyncio
import re
import secrets

from nicegui import app, run, ui

from core.analytics.inbox import agent_first_names, web_chat_messages
from core.channels.chat import chat_turn
from core.db import session_scope
from core.logs import log
from core.messaging.outbox import CODE_MASK
from core.security.clients import client_address
from ui import theme
from ui.i18n import t

POLL_SECONDS = 3.0
STORAGE_KEY = "chat_session"
SCROLL_CLASS = "djobea-chat-scroll"  # named in FOLLOW_JS too
# the log's scroll box follows its newest bubble, once the browser has laid it out (not before: then the bubble
# would stay below the fold); static script, no text of anyone's in it
FOLLOW_JS = """<script>
(() => {
  const follow = (box) => {
    if (box.dataset.follow) return;
    box.dataset.follow = '1';
    const down = () => { box.scrollTop = box.scrollHeight; };
    new MutationObserver(() => requestAnimationFrame(down)).observe(box, {childList: true, subtree: true});
    down();
  };
  const scan = () => document.querySelectorAll('.djobea-chat-scroll').forEach(follow);
  new MutationObserver(scan).observe(document.body, {childList: true, subtree: true});
  scan();
})();
</script>"""
_URL = re.compile(r"https?://[^\s<>\"'«»]+")
_TRAILING = ".,;:!?)]}"


def chat_session_id() -> str:
    """Return this browser's chat session id, creating it while the page is being built."""
    storage = app.storage.browser
    sid = storage.get(STORAGE_KEY)
    if not isinstance(sid, str) or not sid:
        sid = "web-" + secrets.token_urlsafe(12)
        storage[STORAGE_KEY] = sid
    return sid


def _load(session_id: str, after_id: int) -> list[tuple[int, str, str, str, str]]:
    """Return (id, direction, author, body, agent's first name) of the messages after after_id."""
    with session_scope() as session:
        messages = web_chat_messages(session=session, session_id=session_id, after_id=after_id)
        names = agent_first_names(session=session, emails={m.sent_by for m in messages
                                                           if m.author == "agent" and m.sent_by})
        return [(m.id, m.direction, m.author, m.body, names.get(m.sent_by, "") if m.author == "agent" else "")
                for m in messages]


def pieces(body: str) -> list[tuple[str, bool]]:
    """Split a message of ours into (text, is_link) pieces: web addresses become links, the rest stays text."""
    parts: list[tuple[str, bool]] = []
    at = 0
    for match in _URL.finditer(body):
        url = match.group(0).rstrip(_TRAILING)
        if match.start() > at:
            parts.append((body[at:match.start()], False))
        parts.append((url, True))
        at = match.start() + len(url)
    if at < len(body):
        parts.append((body[at:], False))
    return parts


class ChatWidget:
    """Message log, input and send button; new messages (provider accepted, on the way, done) appear live."""

    def __init__(self, session_id: str) -> None:
        self.session_id = session_id
        self.client = client_address(ui.context.client.request)  # the page's request: where this visitor is
        self.last_id = 0  # the newest stored message on screen: each is shown once
        self.polling = asyncio.Lock()  # the timer and a send may poll at once: one at a time, in order
        self.echoes: list[str] = []  # sent texts shown before the server stored them
        self.card = ui.card().classes("w-full p-2 gap-2 scroll-mt-2").mark("chat-widget")
        with self.card:
            ui.label(t("Discuter avec Djobea")).classes(theme.SUBTITLE)
            ui.add_body_html(FOLLOW_JS)
            self.scroll = ui.element("div").classes(f"{SCROLL_CLASS} {theme.CHAT_SCROLL}").mark("chat-scroll")
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
        self.input.run_method("focus")  # the phone's keyboard stays open for the next message
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
        async with self.polling:
            rows = await run.io_bound(_load, self.session_id, self.last_id)
            self._show(rows or [])  # (None when the app is shutting down)

    def _show(self, rows: list[tuple[int, str, str, str, str]]) -> None:
        for message_id, direction, author, body, agent in rows:
            if message_id <= self.last_id:  # read twice (rows come oldest first): already on screen
                continue
            self.last_id = message_id
            if direction == "in" and self.echoes and body.strip() in (self.echoes[0], CODE_MASK):
                self.echoes.pop(0)
                continue
            self._bubble(direction, author, body, agent)

    def _bubble(self, direction: str, author: str, body: str, agent: str = "") -> None:
        """Show one message: the visitor's own words as plain text, ours with tappable links."""
        with self.log:
            if direction == "in":
                ui.label(body).classes(theme.BUBBLE_IN).mark("chat-in")
                return
            if author == "agent":
                who = t("{name} · équipe Djobea").format(name=agent) if agent else t("Équipe Djobea")
                ui.label(who).classes("self-start text-xs text-gray-600 -mb-1").mark("chat-agent-name")
            style = theme.BUBBLE_AGENT if author == "agent" else theme.BUBBLE_OUT
            with ui.element("div").classes(style).mark("chat-out"):
                for text, is_link in pieces(body):
                    if is_link:
                        ui.link(text, text, new_tab=True).props('rel="noopener noreferrer"').classes(
                            "underline break-all text-primary").mark("chat-link")
                    else:
                        ui.label(text).classes("inline")


async def chat_widget() -> ChatWidget:
    """Build the widget for this browser's chat session."""
    widget = ChatWidget(chat_session_id())
    await widget.start()
    return widget
