"""Journeys that need JavaScript, in a real Chromium: chat with live updates, provider sign-in and job, admin."""

import re
import time

import sqlalchemy as sa
from sqlmodel import Session, select

from core.catalog import quartier
from core.matching.models import Offer, OfferStatus
from core.messaging.conversations import Conversation, Message
from core.messaging.models import OutboxMessage
from core.providers.models import Provider
from core.security.sealed import unseal
from core.service_requests.models import RequestStatus, ServiceRequest
from tests.browser.conftest import ADMIN_PASSWORD, screenshot
from tests.factories import make_provider

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 1, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def _wait(check, timeout: float = 30.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def _fresh(db, query):
    """Read in a short session of its own: on SQLite an open transaction would block the server's writes."""
    with Session(db.get_bind(), expire_on_commit=False) as reader:
        result = reader.exec(query).first()
        reader.expunge_all()
        reader.commit()
    return result


def test_customer_sees_the_providers_acceptance_live_and_provider_completes_the_job(server, browser, db):
    base, _ = server
    db.execute(sa.update(Provider).values(available=False))  # only our provider answers
    makepe = quartier("Makepe")
    provider = make_provider(db, name="Paul Test", phone="+237677123456", lat=makepe.lat, lon=makepe.lon,
                             services=("plumbing",), zones=("Makepe",))
    db.close()  # the browser acts from here: no transaction of ours may hold SQLite's write lock
    customer = browser.new_context(**PHONE)
    page = customer.new_page()
    page.goto(f"{base}/")
    page.get_by_placeholder("Votre message…").fill("Bonjour, mon robinet fuit à Makepe")
    page.get_by_role("button", name="Envoyer").click()
    reply = page.get_by_text(re.compile(r"réf\. DJB-")).first
    reply.wait_for(timeout=30_000)
    reference = re.search(r"DJB-[0-9A-Z]{4}", reply.inner_text()).group(0)
    screenshot(page, "landing")
    page.get_by_placeholder("Votre message…").fill("6 99 12 34 56")  # the number the provider will call
    page.get_by_role("button", name="Envoyer").click()
    page.get_by_text(re.compile(r"Je lance la recherche")).first.wait_for(timeout=30_000)

    offer = _wait(lambda: _fresh(db, select(Offer).join(ServiceRequest, ServiceRequest.id == Offer.request_id)
                                 .where(ServiceRequest.reference == reference, Offer.provider_id == provider.id)),
                  what="the offer to our provider")
    assert offer.status == OfferStatus.PENDING

    portal = browser.new_context(**PHONE).new_page()
    portal.goto(f"{base}/provider/login")
    portal.get_by_label("Numéro WhatsApp").fill("677 12 34 56")
    portal.get_by_role("button", name="Recevoir un code").click()
    portal.get_by_label("Code à 6 chiffres").wait_for(timeout=15_000)
    sealed = _wait(lambda: _fresh(db, select(OutboxMessage.sealed).where(OutboxMessage.kind == "code")
                                  .where(OutboxMessage.to.contains("677123456"))), what="the login code")
    portal.get_by_label("Code à 6 chiffres").fill(re.search(r"\b(\d{6})\b", unseal(sealed)).group(1))
    portal.get_by_role("button", name="Valider").click()
    portal.get_by_text(reference).first.wait_for(timeout=15_000)
    before = _fresh(db, select(sa.func.max(Message.id)))
    portal.get_by_role("button", name="Accepter").first.click()

    conversation = _fresh(db, select(Conversation).join(ServiceRequest, ServiceRequest.conversation_id ==
                                                        Conversation.id).where(ServiceRequest.reference == reference))
    told = _wait(lambda: _fresh(db, select(Message).where(Message.conversation_id == conversation.id,
                                                          Message.direction == "out", Message.id > before)),
                 what="the customer's acceptance notice")
    page.get_by_text(told.body.splitlines()[0][:40]).first.wait_for(timeout=15_000)  # live, without reloading

    portal.get_by_text(reference).first.wait_for()
    screenshot(portal, "provider-portal")
    portal.get_by_role("button", name="EN").first.click()
    portal.get_by_role("button", name="Complete").first.wait_for(timeout=15_000)
    screenshot(portal, "provider-portal-en")
    portal.get_by_role("button", name="FR").first.click()
    portal.get_by_role("button", name="Terminer").first.wait_for(timeout=15_000)
    portal.get_by_label("Prix final (FCFA)").first.fill("12000")
    portal.get_by_role("button", name="Terminer").first.click()
    done = _wait(lambda: _fresh(db, select(ServiceRequest).where(ServiceRequest.reference == reference,
                                                                 ServiceRequest.status == RequestStatus.COMPLETED)),
                 what="the job completed")
    assert done.final_price == 12000 and done.provider_id == provider.id
    customer.close()


def test_admin_signs_in_drills_down_from_a_chart_and_takes_over_a_conversation(server, browser, db):
    base, _ = server
    page = browser.new_context(**DESKTOP).new_page()
    page.goto(f"{base}/admin")
    assert "/login" in page.url
    page.get_by_label("Email").fill("admin@djobea.local")
    page.get_by_label("Mot de passe").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    screenshot(page, "dashboard")

    bar = page.locator(".js-plotly-plot").nth(1).locator("g.point path").nth(2).bounding_box()  # funnel: assigned
    page.mouse.click(bar["x"] + bar["width"] / 2, bar["y"] + bar["height"] / 2)  # as a person clicks the bar
    page.wait_for_url(re.compile(r"/admin/requests\?.*stage=assigned"), timeout=15_000)
    page.locator("a[href^='/admin/requests/']").first.click()
    page.wait_for_url(re.compile(r"/admin/requests/\d+$"))
    page.get_by_text("Historique").wait_for()
    screenshot(page, "request-detail")

    page.get_by_role("link", name="Ouvrir").click()
    page.wait_for_url(re.compile(r"/admin/conversations/\d+$"))
    conversation_id = int(page.url.rsplit("/", 1)[1])
    page.get_by_role("button", name="Reprendre la conversation").click()
    _wait(lambda: _fresh(db, select(Conversation).where(Conversation.id == conversation_id,
                                                        Conversation.human_takeover.is_(True))), what="take-over")
    page.get_by_role("button", name="Rendre au robot").wait_for()
    page.get_by_label("Répondre").fill("Bonjour, ici l'équipe Djobea 🙂")
    page.get_by_role("button", name="Envoyer").click()
    page.get_by_text("Bonjour, ici l'équipe Djobea 🙂").first.wait_for(timeout=15_000)
    sent = _wait(lambda: _fresh(db, select(Message).where(Message.conversation_id == conversation_id,
                                                          Message.author == "agent")), what="the agent's message")
    assert sent.direction == "out"


def _sign_in_admin(browser, base: str, screen: dict, *, email: str = "admin@djobea.local",
                   password: str = ADMIN_PASSWORD):
    page = browser.new_context(**screen).new_page()
    page.goto(f"{base}/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()
    page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=30_000)
    return page


def test_admin_on_a_phone_uses_the_menu_reads_the_charts_and_confirms_a_payout(server, browser, db):
    base, _ = server
    page = _sign_in_admin(browser, base, PHONE)
    assert page.locator(".modebar").count() == 0  # no toolbar over chart titles
    page.wait_for_timeout(800)
    screenshot(page, "dashboard-phone")
    assert not page.get_by_role("link", name="Paiements").first.is_visible()  # header links are for desktops
    page.locator("header button").filter(has_text="menu").first.click()
    page.locator(".q-menu").get_by_text("Paiements", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/payments$"))
    page.get_by_role("button", name="Verser…").first.click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_text("ne peut pas être annulé").wait_for()
    box = dialog.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # the whole dialog fits the phone's width
    dialog.get_by_role("button", name="Retour").click()
    dialog.wait_for(state="hidden")


def test_desktop_shows_every_menu_entry_the_reader_may_open(server, browser, db):
    base, _ = server
    page = _sign_in_admin(browser, base, DESKTOP)
    for name in ("Tableau de bord", "Demandes", "Paiements", "Équipe", "Réglages"):
        assert page.get_by_role("link", name=name, exact=True).first.is_visible(), name
    assert not page.locator("header button").filter(has_text="menu").first.is_visible()


def test_screens_in_english(server, browser, db):
    base, _ = server
    landing = browser.new_context(**PHONE).new_page()
    landing.goto(f"{base}/")
    landing.get_by_role("button", name="EN").first.click()
    landing.get_by_text("How it works").wait_for(timeout=15_000)
    screenshot(landing, "landing-en")
    page = _sign_in_admin(browser, base, DESKTOP)
    page.get_by_role("button", name="EN").first.click()
    page.get_by_text("Requests per day and service").wait_for(timeout=15_000)
    page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=30_000)
    page.wait_for_timeout(800)
    screenshot(page, "dashboard-en")
    page.goto(f"{base}/admin/requests?period=all&status=completed")
    page.locator("a[href^='/admin/requests/']").first.click()
    page.wait_for_url(re.compile(r"/admin/requests/\d+$"))
    page.get_by_text("Offers", exact=True).wait_for()
    screenshot(page, "request-detail-en")
