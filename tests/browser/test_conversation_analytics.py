"""An admin on a phone opens conversation analytics from the menu and follows a figure to the conversation behind it."""

import re
import uuid

import httpx
from sqlmodel import Session, select

from core.messaging.conversations import Conversation, Message
from tests.browser.conftest import ADMIN_PASSWORD, screenshot

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 1, "is_mobile": True, "has_touch": True}


def _not_understood(db) -> tuple[int, set[int]]:
    """Count web turns not understood in the database, and their conversations (a reader of its own)."""
    with Session(db.get_bind()) as reader:
        ids = list(reader.exec(select(Message.conversation_id).join(Conversation, Conversation.id ==
                                                                    Message.conversation_id)
                               .where(Message.understood.is_(False), Message.channel == "web")))
        reader.commit()
    return len(ids), set(ids)


def test_admin_on_a_phone_follows_not_understood_turns_to_a_conversation(server, browser, db):
    base, _ = server
    visitor = f"analytics-{uuid.uuid4().hex[:8]}"
    for text in ("zzz qwerty plof", "mon robinet fuit à Makepe"):
        answer = httpx.post(f"{base}/api/chat", json={"session_id": visitor, "message": text}, timeout=30)
        assert answer.status_code == 200
    turns, conversations = _not_understood(db)
    assert turns >= 1

    page = browser.new_context(**PHONE).new_page()
    page.goto(f"{base}/login")
    page.get_by_label("Email").fill("admin@djobea.local")
    page.get_by_label("Mot de passe").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(re.compile(r"/admin$"), timeout=30_000)
    page.locator("button:has(i:text('menu'))").first.click()  # on a phone the navigation is a menu
    page.locator(".q-menu").get_by_text("Analyse des conversations").click()
    page.wait_for_url(re.compile(r"/admin/conversation-analytics"), timeout=30_000)
    page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=30_000)

    page.get_by_label("Canal").click()  # narrow to the web chat
    page.get_by_role("option", name="Web").click()
    page.wait_for_url(re.compile(r"channel=web"), timeout=30_000)
    share = page.locator(".q-card", has=page.get_by_text("Non compris", exact=True))
    share.get_by_text(re.compile(r"\d+ / \d+")).wait_for()
    assert share.get_by_text(re.compile(rf"^{turns} / \d+$")).count() == 1
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, f"the page is {width}px wide on a 390px phone"
    screenshot(page, "conversation-analytics")

    share.click()
    page.wait_for_url(re.compile(r"metric=not_understood"), timeout=30_000)
    page.get_by_text(re.compile(rf"^{len(conversations)} conversations · {turns} messages")).wait_for()
    mine = _conversation_of(db, visitor)
    page.get_by_text(f"#{mine} · web").click()
    page.wait_for_url(re.compile(rf"/admin/conversations/{mine}$"), timeout=30_000)
    page.get_by_text("zzz qwerty plof").first.wait_for()


def _conversation_of(db, session_id: str) -> int:
    with Session(db.get_bind()) as reader:
        found = reader.exec(select(Conversation.id).where(Conversation.external_id == session_id)).one()
        reader.commit()
    return found
