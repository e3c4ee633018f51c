"""The provider's job page (contact, place, chat with a web customer), the live portal, and the chat's pieces."""

from nicegui.testing import User
from sqlmodel import Session, select

from core.analytics.inbox import agent_first_names
from core.catalog import quartier
from core.matching.job_facts import job_contact, job_place
from core.matching.models import Offer, OfferStatus
from core.messaging.addresses import conversation_for
from core.messaging.conversations import Conversation, Message
from core.messaging.takeover import agent_reply
from core.service_requests.models import RequestMedia
from core.service_requests.service import create_request, transition
from tests.factories import make_customer, make_provider
from tests.pages.helpers import eventually, make_account, sign_in_provider
from ui.chat_widget import pieces


def _read(session, query):
    with Session(session.get_bind()) as reader:
        return reader.exec(query).first()


def _web_job(session, provider, *, phone: str | None, address: str = "Rue des Palmiers, portail bleu"):
    """A request from a web chat visitor, assigned to provider."""
    visitor = make_customer(session, phone=None, name="", contact_phone=phone)
    conversation = conversation_for(session=session, channel="web", external_id=f"web-test-{visitor.id}")
    conversation.customer_id = visitor.id
    makepe = quartier("Makepe")
    request = create_request(session=session, customer_id=visitor.id, service_type="plumbing", quartier="Makepe",
                             description="WC bouché", address=address, conversation_id=conversation.id,
                             channel="web", lat=makepe.lat, lon=makepe.lon)
    transition(session=session, request=request, target="offered", actor="system")
    session.add(Offer(request_id=request.id, provider_id=provider.id, status=OfferStatus.ACCEPTED))
    request.provider_id = provider.id
    transition(session=session, request=request, target="assigned", actor="provider")
    session.commit()
    return request, conversation


async def test_job_page_gives_a_tappable_number_and_the_place(user: User, session):
    provider = make_provider(session)
    request, conversation = _web_job(session, provider, phone="+237699123456")
    session.add(RequestMedia(request_id=request.id, kind="location", lat=4.0712, lon=9.7421))
    session.commit()
    await sign_in_provider(user, session, provider)
    await user.open(f"/provider/jobs/{request.id}")
    await user.should_see(marker="job-contact")
    phone = user.find(marker="contact-phone").elements.pop()
    assert phone.props["href"] == "tel:+237699123456"
    await user.should_see("Client sans nom")
    await user.should_see("Rue des Palmiers, portail bleu")
    pin = user.find(marker="place-pin").elements.pop()
    assert pin.props["href"] == "https://maps.google.com/?q=4.071200,9.742100"
    user.find(marker=f"on-the-way-{request.reference}").click()
    await user.should_see(marker="stage-on_the_way", retries=50)  # redrawn in place, no reload
    await user.should_see(marker="status-in_progress")
    await user.should_not_see(marker=f"on-the-way-{request.reference}")
    user.find(marker=f"start-{request.reference}").click()
    await user.should_see(marker="stage-started", retries=50)
    await user.should_not_see(marker=f"start-{request.reference}")
    told = await eventually(lambda: _read(session, select(Message).where(
        Message.conversation_id == conversation.id, Message.body.contains("a commencé"))))
    assert told.direction == "out"


async def test_a_web_customer_without_a_number_is_answered_through_the_chat(user: User, session):
    provider = make_provider(session, name="Serge Kamga")
    request, conversation = _web_job(session, provider, phone=None, address="")
    await sign_in_provider(user, session, provider)
    await user.open(f"/provider/jobs/{request.id}")
    await user.should_see(marker="contact-chat-only")
    await user.should_not_see(marker="contact-phone")
    await user.should_see(marker="place-ask")
    await user.should_see(marker="place-area")  # no pin: the quartier on a map
    user.find(marker="job-chat-input").type("Je suis devant la pharmacie, où êtes-vous ?")
    user.find(marker="job-chat-send").click()
    sent = await eventually(lambda: _read(session, select(Message).where(
        Message.conversation_id == conversation.id, Message.author == "provider")))
    assert sent.body == f"Serge ({request.reference}) : Je suis devant la pharmacie, où êtes-vous ?"


async def test_an_offer_not_yet_accepted_shows_no_contact(user: User, session):
    provider = make_provider(session)
    customer = make_customer(session)
    request = create_request(session=session, customer_id=customer.id, service_type="plumbing", quartier="Makepe")
    transition(session=session, request=request, target="offered", actor="system")
    session.add(Offer(request_id=request.id, provider_id=provider.id))
    session.commit()
    await sign_in_provider(user, session, provider)
    await user.open(f"/provider/jobs/{request.id}")
    await user.should_see(marker="job-detail")
    await user.should_not_see(marker="job-contact")
    await user.should_not_see(marker="job-place")


async def test_a_new_offer_appears_on_the_open_portal(user: User, session, monkeypatch):
    import pages.provider.portal as portal

    monkeypatch.setattr(portal, "REFRESH_SECONDS", 0.3)
    provider = make_provider(session)
    job, _ = _web_job(session, provider, phone="+237699123456")
    await sign_in_provider(user, session, provider)
    await user.should_see("Aucune offre pour le moment.")
    user.find(marker=f"price-{job.reference}").type("12000")  # being typed when the offer comes
    customer = make_customer(session)
    request = create_request(session=session, customer_id=customer.id, service_type="plumbing", quartier="Makepe",
                             urgency="urgent")
    transition(session=session, request=request, target="offered", actor="system")
    session.add(Offer(request_id=request.id, provider_id=provider.id, score_parts={"distance_km": 2.345}))
    session.commit()
    await user.should_see(marker=f"offer-{request.reference}", retries=50)  # no reload
    await user.should_see(marker=f"urgent-{request.reference}")
    await user.should_see("2,3 km")
    await user.should_see(marker=f"countdown-{request.reference}")
    assert user.find(marker=f"price-{job.reference}").elements.pop().value == 12000  # the jobs card was left alone


def test_job_contact_and_place_read_what_the_request_has(session):
    provider = make_provider(session)
    request, _ = _web_job(session, provider, phone=None)
    contact = job_contact(session=session, request=request)
    assert contact.phone is None and contact.first_name == "" and contact.channel == "web"
    place = job_place(session=session, request=request)
    assert place.quartier == "Makepe" and place.landmark == "Rue des Palmiers, portail bleu"
    assert place.details == "" and place.pin_url is None and place.area_url.startswith("https://maps.google.com/")


def test_links_in_our_messages_are_cut_from_the_text_around_them():
    assert pieces("Payez ici : https://pay.example/p/AB12. Merci !") == [
        ("Payez ici : ", False), ("https://pay.example/p/AB12", True), (". Merci !", False)]
    assert pieces("(voir http://a.example/x)") == [("(voir ", False), ("http://a.example/x", True), (")", False)]
    assert pieces("javascript:alert(1) «https://b.example»") == [
        ("javascript:alert(1) «", False), ("https://b.example", True), ("»", False)]
    assert pieces("rien à lier") == [("rien à lier", False)]


def test_an_agent_message_names_its_author_by_first_name_only(session):
    account = make_account(session)  # named "Admin"
    customer = make_customer(session)
    conversation = Conversation(channel="web", external_id="web-agent-name", customer_id=customer.id)
    session.add(conversation)
    session.commit()
    message = agent_reply(session=session, conversation_id=conversation.id, body="Bonjour", actor=account.email)
    session.commit()
    assert message.sent_by == account.email
    assert agent_first_names(session=session, emails={account.email, "nobody@djobea.cm"}) == {account.email: "Admin"}
