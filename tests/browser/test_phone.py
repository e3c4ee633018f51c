"""On a small phone (360x740): the chat from the top of the page, its newest message in view, links, agents'
names; the provider portal's live offers, En route and Commencer, and the job page's contact and place."""

import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session, select

from core.auth.models import Account
from core.catalog import quartier
from core.matching.models import Offer
from core.messaging.conversations import Conversation, Message
from core.messaging.models import OutboxMessage
from core.messaging.outbox import enqueue
from core.messaging.takeover import agent_reply
from core.providers.models import Provider
from core.security.sealed import unseal
from core.service_requests.models import RequestEvent, RequestStatus, ServiceRequest
from tests.browser.test_journeys import _fresh, _wait
from tests.factories import make_provider

PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
SHOTS = Path(tempfile.gettempdir()) / "djobea-phone-checks"  # to look at after a run; not part of the docs

# the last bubble of the chat log, measured against the scroll box's visible area (1 px for the border)
NEWEST_IN_VIEW_JS = """() => {
  const box = document.querySelector('.djobea-chat-scroll');
  const bubble = box && box.firstElementChild && box.firstElementChild.lastElementChild;
  if (!bubble) return null;
  const b = bubble.getBoundingClientRect(), c = box.getBoundingClientRect();
  return {inside: b.top >= c.top - 1 && b.bottom <= c.bottom + 1, text: bubble.innerText,
          overflow: box.scrollHeight > box.clientHeight};
}"""


def _shot(page, name: str, full_page: bool = False) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def _newest_in_view(page, text: str) -> dict:
    """Wait until the newest bubble holds text and is wholly inside the chat's scroll box; return the measure."""
    def check():
        seen = page.evaluate(NEWEST_IN_VIEW_JS)
        return seen if seen and text in seen["text"] and seen["inside"] else None
    try:
        return _wait(check, timeout=20, what=f"the newest bubble {text!r} in view")
    except AssertionError:
        raise AssertionError(f"newest bubble not in view: {page.evaluate(NEWEST_IN_VIEW_JS)}") from None


def _in_viewport(page, locator) -> bool:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def _send(page, text: str) -> None:
    page.get_by_placeholder("Votre message…").fill(text)
    page.get_by_role("button", name="Envoyer").click()


@contextmanager
def _writer(db) -> Iterator[Session]:
    """A short transaction of our own on the server's database (SQLite writers take turns)."""
    with Session(db.get_bind(), expire_on_commit=False) as session:
        yield session
        session.commit()


def _web_conversation(db, first_words: str) -> Conversation:
    """Return the web conversation that began with these words (other tests' chats share the server)."""
    return _wait(lambda: _fresh(db, select(Conversation).join(Message, Message.conversation_id == Conversation.id)
                                .where(Conversation.channel == "web", Message.direction == "in",
                                       Message.body == first_words)), what="the web conversation")


def _answered(db, conversation_id: int, words: str) -> Message:
    """Wait for the bot's answer to these words of the visitor (answers take their time on a busy machine)."""
    said = _wait(lambda: _fresh(db, select(Message).where(Message.conversation_id == conversation_id,
                                                          Message.direction == "in", Message.body == words)),
                 what=f"{words!r} stored")
    return _wait(lambda: _fresh(db, select(Message).where(Message.conversation_id == conversation_id,
                                                          Message.direction == "out", Message.id > said.id)),
                 what=f"the answer to {words!r}")


def _queue(db, conversation_id: int, body: str, author: str = "bot") -> None:
    with _writer(db) as session:
        enqueue(session=session, conversation=session.get(Conversation, conversation_id), body=body, author=author)


def _sign_in_provider(browser, base: str, db, local: str, digits: str):
    page = browser.new_context(**PHONE).new_page()
    page.goto(f"{base}/provider/login")
    page.get_by_label("Numéro WhatsApp").fill(local)
    page.get_by_role("button", name="Recevoir un code").click()
    page.get_by_label("Code à 6 chiffres").wait_for(timeout=15_000)
    sealed = _wait(lambda: _fresh(db, select(OutboxMessage.sealed).where(OutboxMessage.kind == "code")
                                  .where(OutboxMessage.to.contains(digits))
                                  .order_by(OutboxMessage.id.desc())), what="the login code")
    page.get_by_label("Code à 6 chiffres").fill(re.search(r"\b(\d{6})\b", unseal(sealed)).group(1))
    page.get_by_role("button", name="Valider").click()
    page.get_by_text("Offres ouvertes").wait_for(timeout=15_000)
    return page


def test_the_chat_is_one_tap_away_from_the_top_of_the_landing_page(server, browser):
    base, _ = server
    page = browser.new_context(**PHONE).new_page()
    page.goto(f"{base}/")
    button = page.get_by_role("button", name="Discuter maintenant")
    button.wait_for()
    # measured once the page's styles have settled (an unstyled first paint is taller)
    _wait(lambda: _in_viewport(page, button), timeout=10, what="the chat button above the fold of a 360x740 phone")
    assert page.evaluate("window.scrollY") == 0
    _shot(page, "landing-top")
    button.click()
    chat_input = page.get_by_placeholder("Votre message…")
    _wait(lambda: _in_viewport(page, chat_input), timeout=5, what="the chat input in view")
    _wait(lambda: page.evaluate("document.activeElement && document.activeElement.placeholder") == "Votre message…",
          timeout=5, what="the cursor in the chat input")
    _shot(page, "landing-chat-opened")


def test_the_newest_message_stays_in_view_links_open_and_agents_sign(server, browser, db):
    base, _ = server
    db.execute(sa.update(Account).where(Account.email == "admin@djobea.local").values(name="Marie Ngo"))
    db.commit()
    db.close()
    page = browser.new_context(**PHONE).new_page()
    page.goto(f"{base}/chat")
    _send(page, "bonsoir, je regarde le fil")
    conversation = _web_conversation(db, "bonsoir, je regarde le fil")
    _wait(lambda: _fresh(db, select(Message).where(Message.conversation_id == conversation.id,
                                                   Message.direction == "out")), what="the bot's first answer")
    for n in range(1, 7):  # more than the box holds: the log must follow its newest bubble
        _queue(db, conversation.id, f"Mise à jour {n} : le point sur votre demande, ligne après ligne.\n" * 2)
        _newest_in_view(page, f"Mise à jour {n}")
    assert page.evaluate(NEWEST_IN_VIEW_JS)["overflow"], "the test must overflow the box to mean anything"

    _send(page, "ok merci")
    answer = _answered(db, conversation.id, "ok merci")
    _newest_in_view(page, answer.body.splitlines()[0][:30])  # whatever answers last, it is in view once it arrives
    _shot(page, "chat-after-sending")

    _queue(db, conversation.id, f"Voici la page : {base}/chat. Merci !")
    _newest_in_view(page, "Voici la page")
    link = page.locator("a", has_text=f"{base}/chat").last
    assert link.get_attribute("href") == f"{base}/chat"  # the full stop after it is not part of the link
    assert link.get_attribute("target") == "_blank"

    _queue(db, conversation.id, "<b>pas du html</b> https://x.example/\"onmouseover=alert(1)", author="bot")
    _newest_in_view(page, "<b>pas du html</b>")  # shown as text, the address cut at the quote
    assert page.locator("a[href='https://x.example/']").count() == 1
    assert page.locator("a[onmouseover]").count() == 0

    _send(page, "voici mon site http://example.org/a")  # the visitor's own words stay plain text
    answer = _answered(db, conversation.id, "voici mon site http://example.org/a")
    _newest_in_view(page, answer.body.splitlines()[0][:30])
    assert page.locator("a[href='http://example.org/a']").count() == 0

    with _writer(db) as session:
        agent_reply(session=session, conversation_id=conversation.id, body="Bonjour, je regarde votre demande.",
                    actor="admin@djobea.local")
    _newest_in_view(page, "Bonjour, je regarde votre demande.")
    page.get_by_text("Marie · équipe Djobea").wait_for(timeout=10_000)
    assert page.get_by_text("admin@djobea.local").count() == 0  # the first name only, never the address
    _shot(page, "chat-agent")


def test_a_web_customer_is_called_and_the_provider_works_from_the_portal(server, browser, db):
    base, _ = server
    db.execute(sa.update(Provider).values(available=False))  # only our provider answers
    makepe = quartier("Makepe")
    provider = make_provider(db, name="Serge Kamga", phone="+237677654321", lat=makepe.lat, lon=makepe.lon,
                             services=("plumbing",), zones=("Makepe",))
    db.close()
    portal = _sign_in_provider(browser, base, db, "677 65 43 21", "677654321")
    portal.get_by_text("Aucune offre pour le moment.").wait_for()

    customer = browser.new_context(**PHONE).new_page()
    customer.goto(f"{base}/")
    customer.get_by_role("button", name="Discuter maintenant").click()
    _send(customer, "Bonsoir, c'est urgent, mon tuyau a pété à Makepe, derrière la pharmacie. Mon numéro : "
                    "6 99 12 34 56")
    reply = customer.get_by_text(re.compile(r"DJB-[0-9A-Z]{4}")).first
    reply.wait_for(timeout=30_000)
    reference = re.search(r"DJB-[0-9A-Z]{4}", reply.inner_text()).group(0)
    _newest_in_view(customer, "")
    _wait(lambda: _fresh(db, select(Offer).join(ServiceRequest, ServiceRequest.id == Offer.request_id)
                         .where(ServiceRequest.reference == reference, Offer.provider_id == provider.id)),
          what="the offer to our provider")

    offer = portal.get_by_text(reference).first
    offer.wait_for(timeout=30_000)  # the portal was open before the offer: it came without a reload
    portal.get_by_text("URGENT").first.wait_for()
    portal.get_by_text(re.compile(r"\d+,\d km")).first.wait_for()
    portal.get_by_text(re.compile(r"Répondre avant \d\d:\d\d")).first.wait_for()
    countdown = portal.locator("[data-left]").first
    first = countdown.inner_text()
    _wait(lambda: countdown.inner_text() != first, timeout=5, what="the countdown to move")
    _shot(portal, "portal-live-offer")

    portal.get_by_role("button", name="Accepter").first.click()
    customer.get_by_text(re.compile(r"Serge s'occupe de votre demande")).first.wait_for(timeout=30_000)
    _newest_in_view(customer, "Serge")

    _wait(lambda: _fresh(db, select(OutboxMessage.id).where(  # the provider's WhatsApp has the number to call too
        OutboxMessage.to.contains("677654321"), OutboxMessage.body.contains(reference),
        OutboxMessage.body.contains("+237699123456"))), what="the job's details on the provider's WhatsApp")
    portal.get_by_role("link", name=re.compile(reference)).first.click()
    portal.wait_for_url(re.compile(r"/provider/jobs/\d+$"))
    call = portal.locator("a[href^='tel:']")
    call.wait_for()
    assert call.get_attribute("href") == "tel:+237699123456"
    portal.get_by_text("Makepe").first.wait_for()
    portal.get_by_text(re.compile("pharmacie")).first.wait_for()
    _shot(portal, "portal-job-page", full_page=True)

    portal.get_by_role("button", name="En route").click()
    customer.get_by_text(re.compile(r"Serge est en route")).first.wait_for(timeout=30_000)
    portal.get_by_role("button", name="Commencer").wait_for(timeout=15_000)
    assert portal.get_by_role("button", name="En route").count() == 0
    portal.get_by_role("button", name="Commencer").click()
    customer.get_by_text(re.compile(r"Serge a commencé le travail")).first.wait_for(timeout=30_000)
    _newest_in_view(customer, "commencé")
    request = _fresh(db, select(ServiceRequest).where(ServiceRequest.reference == reference))
    assert request.status == RequestStatus.IN_PROGRESS
    told = [m.body for m in _all(db, select(Message).where(Message.conversation_id == request.conversation_id,
                                                            Message.direction == "out"))]
    assert sum("en route" in body for body in told) == 1 and sum("a commencé" in body for body in told) == 1
    stages = [e.detail.get("stage") for e in _all(db, select(RequestEvent).where(
        RequestEvent.request_id == request.id, RequestEvent.kind.in_(("transition", "stage"))))
        if e.detail.get("stage")]
    assert stages == ["on_the_way", "started"]

    portal.get_by_label("Prix final (FCFA)").fill("15000")
    portal.get_by_role("button", name="Terminer").click()
    pay = customer.locator("a[href*='/pay/']").last
    pay.wait_for(timeout=60_000)
    _newest_in_view(customer, "/pay/")
    _shot(customer, "chat-payment-link")
    with customer.context.expect_page() as opened:
        pay.click()
    sandbox = opened.value
    sandbox.get_by_text("15\u202f000 FCFA").wait_for(timeout=15_000)
    assert reference in sandbox.get_by_text(re.compile("Pour :")).inner_text()


def _all(db, query) -> list:
    with Session(db.get_bind(), expire_on_commit=False) as reader:
        rows = list(reader.exec(query).all())
        reader.expunge_all()
        reader.commit()
    return rows
