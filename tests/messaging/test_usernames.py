"""WhatsApp users who hide their number behind a username: Twilio's forms name them by business-scoped user id.

The shapes: `From=whatsapp:<BSUID>` (two letters of country, a dot, up to 128 letters and digits; Meta's
business-scoped user ids page, and "CC.ENT.…" for a parent id), `WaId` empty, and the user id in `ExternalUserId` /
`ExternalUserIdentifier` beside a phone (Twilio's changelog: Programmable Messaging's From and
ExternalUserIdentifier fields). Replies and templates go to `whatsapp:<BSUID>`.
"""

import json

from sqlmodel import select

from core.channels import simulator
from core.customers.models import Customer
from core.db import session_scope
from core.logs import mask
from core.messaging.addresses import provider_conversation
from core.messaging.conversations import Conversation, Message
from core.messaging.dispatcher import dispatch_due
from core.messaging.models import OutboxMessage
from core.messaging.outbox import enqueue
from core.providers.models import Provider
from tests.factories import make_provider
from tests.messaging.helpers import configure, fetch, form, post, queue, row

BSUID = "CM.13491208655302741918"
PHONE = "+237699000001"
LONGEST = "CM.ENT." + "A1b2" * 32  # a parent user id of the longest size


def hidden(bsuid: str = BSUID, *, sid: str, body: str = "Bonjour", **extra: str) -> dict:
    """Twilio's form for a message from a user whose number is hidden: From is the user id, WaId empty."""
    return {**form(sender=bsuid, body=body, sid=sid), "From": f"whatsapp:{bsuid}", "WaId": "", **extra}


def _sid(n: int) -> str:
    return f"SM{n:032d}"


def _customers() -> list[Customer]:
    return fetch(select(Customer).order_by(Customer.id))


def _conversations() -> list[Conversation]:
    return fetch(select(Conversation).order_by(Conversation.id))


async def test_a_username_message_is_answered_at_its_user_id(client, echo, twilio):
    response = await post(client, hidden(sid=_sid(1), body="Mon robinet fuit à Makepe", ExternalUserId=BSUID))
    assert response.status_code == 200
    assert echo == ["Mon robinet fuit à Makepe"]
    [conversation] = _conversations()
    [customer] = _customers()
    assert conversation.external_id == BSUID and conversation.role == "customer"
    assert (customer.bsuid, customer.phone, customer.name) == (BSUID, None, "Awa")
    assert dispatch_due() == 1
    assert twilio.sent[-1]["To"] == f"whatsapp:{BSUID}" and twilio.sent[-1]["Body"].startswith("echo:")


async def test_the_longest_user_id_fits_everywhere_it_is_kept(client, echo, twilio):
    assert (await post(client, hidden(LONGEST, sid=_sid(2)))).status_code == 200
    [conversation] = _conversations()
    assert conversation.external_id == LONGEST and _customers()[0].bsuid == LONGEST
    assert dispatch_due() == 1 and twilio.sent[-1]["To"] == f"whatsapp:{LONGEST}"


async def test_a_later_message_with_both_identities_links_them_and_the_conversation_goes_on(client, echo, twilio):
    await post(client, hidden(sid=_sid(3), body="Ma douche est bouchée"))
    assert dispatch_due() == 1
    # Later Twilio knows the number too: From is the phone and the user id comes as ExternalUserIdentifier.
    await post(client, form(sender=PHONE, sid=_sid(4), body="à Bonamoussadi", ExternalUserIdentifier=BSUID))
    assert dispatch_due() == 1
    [customer] = _customers()
    assert (customer.phone, customer.bsuid) == (PHONE, BSUID)
    [conversation] = _conversations()  # one conversation: the engine keeps its memory of the first message
    assert conversation.external_id == PHONE  # answered where the person now writes from
    messages = fetch(select(Message).where(Message.direction == "in").order_by(Message.id))
    assert {m.conversation_id for m in messages} == {conversation.id}
    # The number hidden again: the linked user id finds the same person.
    await post(client, hidden(sid=_sid(5), body="merci"))
    assert len(_customers()) == 1 and [c.external_id for c in _conversations()] == [BSUID]
    assert dispatch_due() == 1
    assert [s["To"] for s in twilio.sent] == [f"whatsapp:{BSUID}", f"whatsapp:{PHONE}", f"whatsapp:{BSUID}"]


async def test_a_known_number_that_later_writes_from_its_user_id_with_waid_is_the_same_customer(client, echo):
    await post(client, form(sender=PHONE, sid=_sid(6)))
    await post(client, hidden(sid=_sid(7), WaId=PHONE.lstrip("+")))
    [customer] = _customers()
    assert (customer.phone, customer.bsuid) == (PHONE, BSUID)
    assert [c.external_id for c in _conversations()] == [BSUID]


async def test_a_template_outside_the_24_hours_goes_to_the_user_id(client, twilio, monkeypatch):
    configure(monkeypatch, TWILIO_CONTENT_SID_UPDATE="HX" + "5" * 32)
    outbox_id = queue("Votre artisan arrive demain", phone=BSUID, kind="update", hours_since_inbound=30)
    assert dispatch_due() == 1
    [sent] = twilio.sent
    assert sent["To"] == f"whatsapp:{BSUID}" and sent["ContentSid"] == "HX" + "5" * 32
    assert json.loads(sent["ContentVariables"]) == {"1": "Votre artisan arrive demain"}
    assert row(outbox_id).to == BSUID


async def test_status_callbacks_for_a_user_id_recipient_are_recorded(client, twilio):
    outbox_id = queue("Bonjour", phone=BSUID)
    assert dispatch_due() == 1
    callback = {"MessageSid": twilio.sent[-1]["sid"], "MessageStatus": "read", "To": f"whatsapp:{BSUID}",
                "From": "whatsapp:+237655000111", "AccountSid": twilio.account_sid, "ChannelPrefix": "whatsapp"}
    assert (await post(client, callback, "/webhook/whatsapp/status")).status_code == 204
    assert row(outbox_id).delivery_status == "read"


async def test_an_unlinked_user_id_is_not_a_provider_until_twilio_gives_it_with_the_providers_number(
        client, echo, session):
    provider = make_provider(session, phone="+237677000999")
    await post(client, hidden(sid=_sid(8), body="OUI"))
    [conversation] = _conversations()
    assert conversation.role == "customer" and conversation.provider_id is None
    # The same user again, Twilio now giving the number too (Meta shows it to a business that messaged it).
    await post(client, hidden(sid=_sid(9), body="OUI", WaId="237677000999"))
    [conversation] = _conversations()
    assert (conversation.role, conversation.provider_id) == ("provider", provider.id)
    assert fetch(select(Provider.bsuid).where(Provider.id == provider.id)) == [BSUID]
    with session_scope() as s:  # offers now reach the provider where they write from
        assert provider_conversation(session=s, provider=s.get(Provider, provider.id)).id == conversation.id
    await post(client, hidden(sid=_sid(10), body="EN ROUTE"))  # the user id alone now means the provider
    assert {m.author for m in fetch(select(Message).where(Message.direction == "in",
                                                           Message.provider_message_id == _sid(10)))} == {"provider"}


async def test_a_provider_linked_by_a_message_with_both_gets_offers_at_their_user_id(client, echo, session, twilio):
    provider = make_provider(session, phone="+237677000998")
    await post(client, form(sender=provider.phone, sid=_sid(11), ExternalUserId=BSUID))
    assert fetch(select(Provider.bsuid).where(Provider.id == provider.id)) == [BSUID]
    await post(client, hidden(sid=_sid(12), body="NON"))  # number hidden from now on
    with session_scope() as s:
        conversation = provider_conversation(session=s, provider=s.get(Provider, provider.id))
        enqueue(session=s, conversation=conversation, body="Nouvelle demande DJB-ABCD", kind="offer")
    assert conversation.external_id == BSUID and conversation.role == "provider"
    dispatch_due()
    [offer] = [m for m in twilio.sent if m["Body"] == "Nouvelle demande DJB-ABCD"]
    assert offer["To"] == f"whatsapp:{BSUID}"


async def test_a_user_id_already_held_by_another_customer_is_not_taken_over(client, echo, session):
    session.add(Customer(bsuid=BSUID, name="Someone"))
    session.add(Customer(phone=PHONE, name="Awa"))
    session.commit()
    await post(client, form(sender=PHONE, sid=_sid(13), ExternalUserId=BSUID))
    customers = _customers()
    assert [(c.phone, c.bsuid) for c in customers] == [(None, BSUID), (PHONE, None)]  # left for the team


def test_the_simulator_writes_as_a_user_id(engine, echo):
    assert simulator.send_as(BSUID, "Bonjour", staff="admin@djobea.local") is not None
    assert [m.body for m in simulator.thread(BSUID)] == ["Bonjour", "echo: Bonjour"]
    assert fetch(select(OutboxMessage.to)) == [BSUID]


def test_user_ids_are_masked_in_logs():
    assert mask(f"from whatsapp:{BSUID} and {PHONE}") == "from whatsapp:CM.13***918 and +237699***001"
