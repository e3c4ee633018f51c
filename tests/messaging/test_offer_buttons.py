"""Offers carry OUI/NON quick-reply buttons whose payloads name the offer; a tap or a quoted reply binds the answer.

Shapes from Twilio's docs: the offer template is a `twilio/quick-reply` content (body and 1-10 QUICK_REPLY
actions with a title and an id, variables allowed) sent with `ContentSid` and `ContentVariables` JSON; a tap comes
back on the incoming-message webhook with `Body` and `ButtonText` (the title), `ButtonPayload` (the id),
`MessageType=button` and `OriginalRepliedMessageSid` / `OriginalRepliedMessageSender` (the message it answers), the
last two also on a swipe-to-reply (a quoted reply) to any message.
"""

import json

import pytest

from core.db import session_scope
from core.matching.jobs import accept_offer
from core.matching.models import Offer
from core.matching.sweep import advance_due
from core.messaging.dispatcher import dispatch_due
from core.providers.models import Provider
from core.service_requests.models import RequestStatus, ServiceRequest
from tests.factories import make_provider
from tests.matching.conftest import fresh, new_request, offers_of, sent_to
from tests.messaging.helpers import NUMBER, configure, form, post

OFFER_SID = "HX" + "0f" * 16


@pytest.fixture
def offers(twilio, monkeypatch):
    """The approved offer template configured: OUI/NON buttons on every offer."""
    configure(monkeypatch, TWILIO_CONTENT_SID_OFFER=OFFER_SID)
    return twilio


def _two_offers(session) -> tuple[Provider, ServiceRequest, ServiceRequest]:
    provider = make_provider(session, phone="+237677000321")
    first, second = new_request(session), new_request(session, description="Le WC déborde")
    advance_due()
    assert {o.provider_id for o in offers_of(first.id) + offers_of(second.id)} == {provider.id}
    return provider, first, second


def _sent_offers(twilio) -> dict[str, dict]:
    """Return the offers Twilio was asked to send, by request reference (from their button payloads)."""
    found = {}
    for sent in twilio.sent:
        if sent.get("ContentSid") == OFFER_SID:
            variables = json.loads(sent["ContentVariables"])
            found[variables["2"].split(":")[1]] = {**sent, "variables": variables}
    return found


def _tap(provider: Provider, offer: dict, button: str, sid: str) -> dict:
    """Twilio's form for a tap on one of an offer's buttons (2: OUI, 3: NON)."""
    title = "OUI" if button == "2" else "NON"
    return form(sender=provider.phone, body=title, sid=sid, ButtonText=title, ButtonPayload=offer["variables"][button],
                MessageType="button", OriginalRepliedMessageSid=offer["sid"],
                OriginalRepliedMessageSender=f"whatsapp:{NUMBER}")


async def test_every_offer_goes_as_the_template_with_buttons_naming_it(client, offers, session):
    provider, first, second = _two_offers(session)
    assert dispatch_due() >= 2
    sent = _sent_offers(offers)
    assert set(sent) == {first.reference, second.reference}
    for reference, offer in sent.items():
        assert offer["To"] == f"whatsapp:{provider.phone}" and "Body" not in offer
        assert offer["variables"]["2"] == f"offer:{reference}:accept"
        assert offer["variables"]["3"] == f"offer:{reference}:decline"
        assert reference in offer["variables"]["1"] and "\n" not in offer["variables"]["1"]


async def test_a_tap_on_oui_takes_that_offer_even_with_two_open(client, offers, session):
    provider, first, second = _two_offers(session)
    dispatch_due()
    offer = _sent_offers(offers)[second.reference]
    assert (await post(client, _tap(provider, offer, "2", "SM" + "1" * 32))).status_code == 200
    assert fresh(ServiceRequest, second.id).provider_id == provider.id
    assert fresh(ServiceRequest, first.id).status == RequestStatus.OFFERED  # without the button: "which one?"
    assert f"{second.reference} est pour vous" in sent_to(provider.phone)[-1]


async def test_a_tap_on_non_declines_that_offer_only(client, offers, session):
    provider, first, second = _two_offers(session)
    dispatch_due()
    await post(client, _tap(provider, _sent_offers(offers)[first.reference], "3", "SM" + "2" * 32))
    statuses = {o.request_id: o.status for o in offers_of(first.id) + offers_of(second.id)}
    assert statuses == {first.id: "declined", second.id: "pending"}


async def test_a_quoted_reply_binds_plain_words_to_the_quoted_offer(client, offers, session):
    provider, first, second = _two_offers(session)
    dispatch_due()
    quoted = _sent_offers(offers)[first.reference]
    reply = form(sender=provider.phone, body="ok je prends", sid="SM" + "3" * 32,
                 OriginalRepliedMessageSid=quoted["sid"], OriginalRepliedMessageSender=f"whatsapp:{NUMBER}")
    await post(client, reply)
    assert fresh(ServiceRequest, first.id).provider_id == provider.id
    assert fresh(ServiceRequest, second.id).status == RequestStatus.OFFERED


async def test_a_quote_of_a_message_that_was_not_theirs_binds_nothing(client, offers, session):
    _, first, _ = _two_offers(session)
    other = make_provider(session, phone="+237677000322", zones=("Bonamoussadi",))
    dispatch_due()
    quoted = _sent_offers(offers)[first.reference]
    reply = form(sender=other.phone, body="oui", sid="SM" + "4" * 32, OriginalRepliedMessageSid=quoted["sid"])
    await post(client, reply)
    assert fresh(ServiceRequest, first.id).provider_id is None
    assert first.reference not in sent_to(other.phone)[-1]  # told they have nothing open, not about that offer


async def test_without_a_binding_the_text_rules_still_ask_which_offer(client, offers, session):
    provider, first, second = _two_offers(session)
    dispatch_due()
    await post(client, form(sender=provider.phone, body="OUI", sid="SM" + "5" * 32, ButtonPayload="something-else"))
    assert fresh(ServiceRequest, first.id).status == fresh(ServiceRequest, second.id).status == RequestStatus.OFFERED
    answer = sent_to(provider.phone)[-1]
    assert first.reference in answer and second.reference in answer  # "Vous avez plusieurs offres…"


async def test_a_tap_on_a_closed_offer_says_it_is_taken(client, offers, session):
    provider, first, _ = _two_offers(session)
    rival = make_provider(session, phone="+237677000323")
    dispatch_due()
    tap = _tap(provider, _sent_offers(offers)[first.reference], "2", "SM" + "6" * 32)
    request = fresh(ServiceRequest, first.id)
    with session_scope() as s:  # the rival got it first (an offer of their own, created for the test)
        rival_offer = Offer(request_id=request.id, provider_id=rival.id, expires_at=request.created_at)
        s.add(rival_offer)
        s.flush()
        assert accept_offer(session=s, provider=s.get(Provider, rival.id), offer_id=rival_offer.id)[0] == "accepted"
    await post(client, tap)
    assert fresh(ServiceRequest, first.id).provider_id == rival.id
    assert "déjà été prise" in sent_to(provider.phone)[-1]
