"""/admin/conversations: live inbox, complaints queue; one conversation with take-over and agent replies."""

from nicegui import run, ui

from core.analytics import inbox
from core.analytics.requests import conversation_messages
from core.db import session_scope
from core.messaging import takeover
from core.messaging.conversations import Case, Conversation
from core.phones import display_phone
from ui import theme
from ui.frame import admin_page
from ui.i18n import error_text, language, t, w, when

POLL_SECONDS = 4.0


def _inbox(only_takeover: bool, text: str) -> tuple[list[inbox.InboxRow], list[Case], int]:
    with session_scope() as session:
        return (inbox.inbox(session=session, only_takeover=only_takeover, text=text),
                inbox.cases(session=session), inbox.newest_message_id(session=session))


def _newest() -> int:
    with session_scope() as session:
        return inbox.newest_message_id(session=session)


def _run(lang: str, action: str, **kwargs) -> str:
    try:
        with session_scope() as session:
            getattr(takeover, action)(session=session, **kwargs)
    except ValueError as exc:
        return error_text(exc, lang=lang)
    return ""


@admin_page("/admin/conversations", title="Conversations")
async def inbox_page(account, takeover: int = 0, q: str = "") -> None:
    """Latest conversations first, refreshed while the page is open; open cases below."""
    rows, cases, newest = await run.io_bound(_inbox, bool(takeover), q)
    with ui.row().classes("w-full items-center gap-2"):
        ui.link(t("Toutes"), "/admin/conversations").classes("text-sm")
        ui.link(t("Reprises par un humain"), "/admin/conversations?takeover=1").classes("text-sm")
        ui.link("CSV", "/admin/export/conversations.csv").classes("text-sm").mark("export-conversations")
    with ui.column().classes("w-full gap-1").mark("inbox"):
        if not rows:
            ui.label(t("Aucune conversation ici pour l'instant.")).classes(theme.MUTED).mark("inbox-empty")
        for row in rows:
            conversation: Conversation = row.conversation
            with ui.card().classes("w-full p-2 gap-0 cursor-pointer").on(
                    "click", lambda _, i=conversation.id: ui.navigate.to(f"/admin/conversations/{i}")).mark(
                    f"conversation-{conversation.id}"):
                with ui.row().classes("w-full justify-between no-wrap"):
                    ui.label(who_is(row)).classes("font-semibold text-sm").mark(f"conversation-who-{conversation.id}")
                    ui.label(when(row.at)).classes(theme.MUTED).mark(f"conversation-at-{conversation.id}")
                flags = [w("channel." + conversation.channel), w("role." + conversation.role)]
                if conversation.human_takeover:
                    flags.append(f"👤 {conversation.takeover_by}")
                ui.label(" · ".join(flags)).classes("text-xs text-gray-500")
                ui.label(("→ " if row.direction == "out" else "") + row.last).classes("text-sm truncate")
    with ui.card().classes(theme.CARD).mark("cases"):
        ui.label(f"{t('Réclamations ouvertes')} ({len(cases)})").classes(theme.SUBTITLE)
        if not cases:
            ui.label(t("Aucune réclamation ouverte.")).classes(theme.MUTED).mark("cases-empty")
        for case in cases:
            with ui.row().classes("w-full justify-between items-center no-wrap"):
                ui.link(f"#{case.id} {w('case.' + case.kind)} · {case.summary[:80]}",
                        f"/admin/conversations/{case.conversation_id}").classes("text-sm")

                async def resolve(_, case_id=case.id) -> None:
                    await run.io_bound(_run, language(), "resolve_case", case_id=case_id, actor=account.email)
                    ui.navigate.reload()

                ui.button(t("Résolu"), on_click=resolve).props("dense outline size=sm").mark(f"resolve-{case.id}")

    state = {"newest": newest}

    async def refresh() -> None:
        latest = await run.io_bound(_newest)
        if latest != state["newest"]:
            ui.navigate.reload()  # something new arrived: redraw the list (a small page)

    ui.timer(POLL_SECONDS, refresh)


def _conversation(conversation_id: int, after_id: int):
    with session_scope() as session:
        conversation = session.get(Conversation, conversation_id)
        messages = conversation_messages(session=session, conversation_id=conversation_id, after_id=after_id) \
            if conversation else []
        return conversation, [(m.id, m.direction, m.author, m.body, m.created_at, m.status, m.sent_by)
                              for m in messages]


@admin_page("/admin/conversations/{conversation_id}", title="Conversation")
async def conversation_page(account, conversation_id: int) -> None:
    """Messages live, take-over and release, reply as an agent."""
    conversation, messages = await run.io_bound(_conversation, conversation_id, 0)
    if conversation is None:
        ui.label(t("Conversation introuvable.")).mark("not-found")
        ui.context.client.status_code = 404
        return
    with ui.row().classes("w-full items-center justify-between"):
        ui.label(f"{w('channel.' + conversation.channel)} · {w('role.' + conversation.role)} · "
                 f"{conversation.external_id}").classes(theme.MUTED)
        if conversation.current_request_id:
            ui.link(t("Demande"), f"/admin/requests/{conversation.current_request_id}")

    async def run_and_reload(action: str, **kwargs) -> None:
        error = await run.io_bound(_run, language(), action, conversation_id=conversation_id, actor=account.email,
                                   **kwargs)
        if error:
            ui.notify(error, type="negative")
            return
        ui.navigate.reload()

    with ui.row().classes("w-full items-center gap-2"):
        if conversation.human_takeover:
            ui.label(f"👤 {t('Reprise par')} {conversation.takeover_by}").mark("takeover-state")
            ui.button(t("Rendre au robot"), on_click=lambda: run_and_reload("release")).props("outline").mark(
                "release")
        else:
            ui.label(t("Le robot répond")).mark("takeover-state")
            ui.button(t("Reprendre la conversation"), on_click=lambda: run_and_reload("take_over")).props(
                "color=primary").mark("take-over")
    log = ui.column().classes("w-full gap-2").mark("conversation-log")
    state = {"last": 0}

    def show(rows) -> None:
        with log:
            for message_id, direction, author, body, at, status, sent_by in rows:
                state["last"] = max(state["last"], message_id)
                style = theme.BUBBLE_IN if direction == "in" else (
                    theme.BUBBLE_AGENT if author == "agent" else theme.BUBBLE_OUT)
                with ui.column().classes(("self-end items-end" if direction == "in" else "self-start") + " gap-0"):
                    ui.label(body).classes(style).mark(f"message-{direction}")
                    signed = f" · {t('simulé par')} {sent_by}" if sent_by else ""
                    ui.label(f"{w('author.' + author)} · {when(at)} · {w('delivery.' + status)}{signed}").classes(
                        "text-[10px] text-gray-400").mark("message-meta")

    show(messages)
    with ui.row().classes("w-full items-end gap-2 no-wrap"):
        reply = ui.textarea(t("Répondre")).props("outlined autogrow maxlength=1500").classes("grow").mark(
            "agent-reply")

        async def send() -> None:
            error = await run.io_bound(_run, language(), "agent_reply", conversation_id=conversation_id,
                                       body=reply.value or "", actor=account.email)
            if error:
                ui.notify(error, type="negative")
                return
            reply.value = ""
            await poll()

        ui.button(icon="send", on_click=send).props("round color=primary aria-label=Envoyer").mark("agent-send")

    async def poll() -> None:
        _, rows = await run.io_bound(_conversation, conversation_id, state["last"])
        show(rows)

    ui.timer(POLL_SECONDS, poll)


def who_is(row: inbox.InboxRow) -> str:
    """Return whom the conversation is with: a name and number, the number, or a web visitor as such."""
    conversation: Conversation = row.conversation
    number = display_phone(row.phone) if row.phone.startswith("+") else row.phone
    if row.name and number:
        return f"{row.name} · {number}"
    if row.name or number:
        return row.name or number
    return t("Visiteur du site") if conversation.channel == "web" else row.who
