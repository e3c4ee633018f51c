"""Landing page, chat widget, sign-in pages and the provider portal."""

import asyncio

from nicegui.testing import User
from sqlmodel import Session, select

from core.auth.login import TOO_SOON
from core.auth.models import Account
from core.auth.throttle import FREE_TRIES
from core.matching.models import Offer, OfferStatus
from core.messaging.conversations import Conversation, Message
from core.messaging.outbox import enqueue
from core.payments.models import LedgerEntry, Payment
from core.providers.models import Provider, Rating
from core.service_requests.service import create_request, transition
from tests.factories import make_customer, make_provider
from tests.pages.helpers import PASSWORD, eventually, make_account, sign_in_provider, text_of


def _read(session, query):
    with Session(session.get_bind()) as reader:
        return reader.exec(query).first()


async def test_landing_tells_what_djobea_does_in_french_then_english(user: User):
    await user.open("/")
    await user.should_see("Plomberie")
    await user.should_see("Makepe")
    await user.should_see("MTN Mobile Money")
    await user.should_see(marker="whatsapp-soon")  # no number configured: no broken link
    await user.should_see(marker="chat-widget")
    user.find(marker="lang-en").click()
    await user.should_see("Services and indicative prices", retries=20)
    await user.should_see("Plumbing")


async def test_the_chat_widget_sends_and_shows_later_messages_live(user: User, session):
    await user.open("/chat")
    user.find(marker="chat-input").type("Bonjour, mon robinet fuit à Makepe")
    user.find(marker="chat-send").click()
    conversation = await eventually(lambda: _read(session, select(Conversation).where(Conversation.channel == "web")))
    await user.should_see("Bonjour, mon robinet fuit à Makepe")
    with Session(session.get_bind()) as writer:  # what matching writes when a provider accepts
        enqueue(session=writer, conversation=writer.get(Conversation, conversation.id),
                body="✅ Paul a accepté votre demande, il arrive.", kind="update")
        writer.commit()
    await user.should_see("✅ Paul a accepté votre demande, il arrive.", retries=60)


async def test_the_chat_shows_each_message_once_when_two_polls_read_the_same_rows(user: User, session, monkeypatch):
    # On a cold server the timer's poll and the poll after a send read the same rows at once (seen on a phone:
    # the customer's message and our greeting twice). Here every poll reads the whole conversation again.
    import ui.chat_widget as widget

    everything = widget._load
    monkeypatch.setattr(widget, "POLL_SECONDS", 0.1)
    monkeypatch.setattr(widget, "_load", lambda session_id, after_id: everything(session_id, 0))
    await user.open("/chat")
    user.find(marker="chat-input").type("Bonjour, ma clim coule à Makepe")
    user.find(marker="chat-send").click()
    await user.should_see(marker="chat-out", retries=100)  # our first reply is on screen
    await asyncio.sleep(0.5)  # several more polls, each reading every row again
    said = [element.text for element in user.find(marker="chat-in").elements]
    replies = len(user.find(marker="chat-out").elements)
    assert said == ["Bonjour, ma clim coule à Makepe"]
    with Session(session.get_bind()) as reader:
        stored = len(reader.exec(select(Message).where(Message.direction == "out")).all())
    assert replies == stored  # each stored reply once


async def test_wrong_password_and_slow_down_messages_on_the_login_page(user: User, session):
    account = make_account(session)
    await user.open("/login")
    for attempt in range(1, FREE_TRIES + 1):
        user.find(marker="login-email").clear().type(account.email)
        user.find(marker="login-password").clear().type("not-the-password")
        user.find(marker="login-submit").click()
        await eventually(lambda n=attempt: _read(session, select(Account).where(Account.failed_logins == n)))
        await user.should_see("Email ou mot de passe incorrect.")
    user.find(marker="login-password").clear().type(PASSWORD)
    user.find(marker="login-submit").click()
    await user.should_see(TOO_SOON, retries=50)
    assert (await user.http_client.get("/admin", follow_redirects=False)).status_code == 303


async def test_login_never_redirects_to_another_site(user: User, session):
    account = make_account(session)
    await user.open("/login?next=https://evil.example/admin")
    user.find(marker="login-email").type(account.email)
    user.find(marker="login-password").type(PASSWORD)
    user.find(marker="login-submit").click()
    await user.should_see(marker="kpi-requests", retries=100)


def _offered(session, provider) -> tuple:
    customer = make_customer(session)
    request = create_request(session=session, customer_id=customer.id, service_type="plumbing", quartier="Makepe",
                             description="WC bouché", address="Rue des Palmiers")
    transition(session=session, request=request, target="offered", actor="system")
    offer = Offer(request_id=request.id, provider_id=provider.id)
    session.add(offer)
    session.commit()
    return request, offer


async def test_provider_accepts_an_offer_then_completes_the_job(user: User, session):
    provider = make_provider(session)
    request, _ = _offered(session, provider)
    await sign_in_provider(user, session, provider)
    await user.should_see(marker=f"offer-{request.reference}")
    user.find(marker=f"accept-{request.reference}").click()
    await eventually(lambda: _read(session, select(Offer).where(Offer.status == OfferStatus.ACCEPTED)))
    await user.open("/provider")
    await user.should_see(marker=f"job-{request.reference}")
    user.find(marker=f"price-{request.reference}").type("12000")
    user.find(marker=f"complete-{request.reference}").click()
    payment = await eventually(lambda: _read(session, select(Payment)))
    assert payment.amount == 12000 and payment.provider_id == provider.id
    await user.open(f"/provider/jobs/{request.id}")
    await user.should_see(marker="status-completed")


async def test_provider_cannot_accept_an_offer_made_to_someone_else(user: User, session):
    me, other = make_provider(session), make_provider(session)
    request, offer = _offered(session, other)
    await sign_in_provider(user, session, me)
    await user.should_not_see(marker=f"offer-{request.reference}")
    from pages.provider.portal import act

    assert act(me.id, "accept", offer.id) == "offer_closed"
    assert _read(session, select(Offer)).status == OfferStatus.PENDING


async def test_provider_edits_profile_and_availability(user: User, session):
    provider = make_provider(session)
    await sign_in_provider(user, session, provider)
    await user.should_see("Vous êtes disponible : vous recevez les nouvelles offres.")
    user.find(marker="available-switch").click()
    await user.should_see(marker="availability-consequences", retries=100)
    user.find(marker="availability-back").click()  # changed their mind: nothing changes
    assert _read(session, select(Provider).where(Provider.available.is_(False))) is None
    user.find(marker="available-switch").click()
    user.find(marker="availability-confirm").click()
    await eventually(lambda: _read(session, select(Provider).where(Provider.available.is_(False))))
    await user.should_see("Vous êtes en pause : vous ne recevez pas de nouvelles offres.", retries=100)
    await user.open("/provider/profile")
    user.find(marker="profile-name").clear().type("Jean Mbarga")
    user.find(marker="profile-end").clear().type("20")
    user.find(marker="profile-save").click()
    saved = await eventually(lambda: _read(session, select(Provider).where(Provider.name == "Jean Mbarga")))
    assert saved.work_end_hour == 20 and saved.phone == provider.phone


async def test_provider_sees_own_earnings_history_and_ratings(user: User, session):
    provider = make_provider(session, rating_sum=9, rating_count=2)
    customer = make_customer(session)
    request = create_request(session=session, customer_id=customer.id, service_type="plumbing", quartier="Makepe")
    request.provider_id, request.status = provider.id, "completed"
    session.add(request)
    session.add(Rating(request_id=request.id, provider_id=provider.id, customer_id=customer.id, stars=4,
                       comment="Rapide et propre"))
    session.add(LedgerEntry(provider_id=provider.id, kind="earning", amount=8500, reference="PAY-1"))
    session.add(LedgerEntry(provider_id=provider.id, kind="payout", amount=-3000, reference="payout-1"))
    session.commit()
    await sign_in_provider(user, session, provider)
    await user.open("/provider/earnings")
    assert text_of(user, "kpi-my-balance-value") == "5\u202f500 FCFA"
    assert text_of(user, "kpi-my-paid-out-value") == "3\u202f000 FCFA"
    await user.open("/provider/history")
    await user.should_see(marker=f"rating-{request.reference}")
    await user.should_see("« Rapide et propre »")


async def test_charts_load_only_on_the_dashboard(user: User, session):
    from nicegui import ui

    await user.open("/")
    await user.should_not_see(kind=ui.plotly)
    await user.open("/provider/login")
    await user.should_not_see(kind=ui.plotly)
    from tests.pages.helpers import sign_in_admin

    await sign_in_admin(user, session)
    await user.should_see(kind=ui.plotly)
    await user.open("/admin/requests")
    await user.should_not_see(kind=ui.plotly)
