"""Providers answer in plain words over WhatsApp: accept, decline, start, finish, availability, references."""

from datetime import timedelta

import pytest
from sqlmodel import select

from core import clock
from core.customers.models import Customer
from core.db import session_scope
from core.matching.models import OfferStatus
from core.matching.sweep import advance_due
from core.messaging.conversations import Conversation
from core.messaging.models import OutboxMessage
from core.money import format_xaf
from core.payments.service import send_due_links
from core.providers.models import Provider
from core.service_requests.models import RequestStatus, ServiceRequest
from tests.factories import make_provider
from tests.matching.conftest import fresh, new_request, offers_of, provider_says, rules, sent_to
from tests.payments.conftest import fake_monetbil  # noqa: F401  (the fixture, shared)


def offered_request(session, count: int = 3, **fields):
    providers = [make_provider(session, **fields) for _ in range(count)]
    request = new_request(session)
    advance_due()
    return request, providers


def test_oui_assigns_withdraws_the_others_and_tells_everyone(session, customer_phone):
    request, (winner, other, third) = offered_request(session, name="Jean-Paul Ekambi", rating_sum=47,
                                                      rating_count=10, jobs_completed=12)
    clock.advance(timedelta(seconds=90))
    provider_says(winner, "ok je prends")

    request = fresh(ServiceRequest, request.id)
    assert request.status == RequestStatus.ASSIGNED and request.provider_id == winner.id
    advance_due()  # the sweep tells the others, outside the winner's transaction
    statuses = {o.provider_id: o.status for o in offers_of(request.id)}
    assert statuses == {winner.id: "accepted", other.id: "withdrawn", third.id: "withdrawn"}
    customer = fresh(Customer, request.customer_id)
    details = sent_to(winner.phone)[-1]
    assert customer.phone in details and customer.name.split()[0] in details and "Makepe" in details
    assert customer.name not in details  # the first name only
    for loser in (other, third):  # they never said yes: not "taken by another", just no longer available
        assert "n'est plus disponible" in sent_to(loser.phone)[-1]
        assert "déjà été prise" not in sent_to(loser.phone)[-1]
    told = sent_to(customer.phone)[-1]
    assert "Jean-Paul" in told and "Ekambi" not in told and winner.phone in told
    assert "4,7/5" in told and "12 travaux" in told and "minutes" in told
    winner = fresh(Provider, winner.id)
    assert (winner.offers_accepted, winner.responses) == (1, 1)
    assert 90 <= winner.response_seconds_total < 100


def test_late_oui_after_someone_else_won_gets_one_thank_you(session):
    request, (first, second, _) = offered_request(session)
    provider_says(first, "OUI")
    provider_says(second, "yes I fit come")
    assert fresh(ServiceRequest, request.id).provider_id == first.id
    advance_due()
    replies = sent_to(second.phone)
    assert len(replies) == 2 and "déjà été prise" in replies[1]  # the offer, then one "taken": never twice
    provider_says(second, "OUI")
    advance_due()
    assert len(sent_to(second.phone)) == 2


def test_all_decline_starts_the_next_round_at_once(session):
    rules(session, offer_batch_size=2)
    request, providers = offered_request(session, count=4)
    first = [o.provider_id for o in offers_of(request.id)]
    for pid in first:
        provider_says(next(p for p in providers if p.id == pid), "non je suis occupé")
    offers = offers_of(request.id)
    assert {o.provider_id for o in offers if o.round == 2} == {p.id for p in providers} - set(first)
    assert all(fresh(Provider, pid).offers_declined == 1 for pid in first)
    assert "noté" in sent_to(fresh(Provider, first[0]).phone)[-1]


def test_completion_straight_from_assigned_with_the_price(session, customer_phone):
    request, (provider, *_) = offered_request(session)
    provider_says(provider, "OUI")
    provider_says(provider, "travail terminé, c'est 15 000")

    request = fresh(ServiceRequest, request.id)
    assert request.status == RequestStatus.COMPLETED and request.final_price == 15000
    told = sent_to(customer_phone(request))[-1]
    assert format_xaf(15000) in told and "1 à 5" in told
    with session_scope() as s:
        conversation = s.get(Conversation, request.conversation_id)
        assert conversation.state["awaiting_rating"] == request.id
    assert fresh(Provider, provider.id).jobs_completed == 1
    assert format_xaf(15000) in sent_to(provider.phone)[-1]


def test_on_the_way_then_done_then_price_in_pidgin(session, customer_phone):
    request, (provider, *_) = offered_request(session, language="en")
    provider_says(provider, "I go come")
    provider_says(provider, "I dey road")
    assert fresh(ServiceRequest, request.id).status == RequestStatus.IN_PROGRESS
    assert "en route" in sent_to(customer_phone(request))[-1]
    provider_says(provider, "I don reach")
    assert "arrivé" in sent_to(customer_phone(request))[-1]

    provider_says(provider, "I don finish")
    assert "final price" in sent_to(provider.phone)[-1]
    assert fresh(ServiceRequest, request.id).status == RequestStatus.IN_PROGRESS
    provider_says(provider, "15k")
    request = fresh(ServiceRequest, request.id)
    assert request.status == RequestStatus.COMPLETED and request.final_price == 15000


def test_an_absurd_price_is_asked_again_and_changes_nothing(session):
    request, (provider, *_) = offered_request(session)
    provider_says(provider, "OUI")
    for body in ("FIN 10", "FIN 90000000"):
        provider_says(provider, body)
        assert "montant" in sent_to(provider.phone)[-1]
    request = fresh(ServiceRequest, request.id)
    assert request.status == RequestStatus.ASSIGNED and request.final_price is None


def test_two_open_offers_are_told_apart_by_reference(session):
    provider = make_provider(session)
    first, second = new_request(session), new_request(session, quartier="Kotto")
    advance_due()
    provider_says(provider, "OUI")
    ask = sent_to(provider.phone)[-1]
    assert first.reference in ask and second.reference in ask
    assert fresh(ServiceRequest, first.id).status == RequestStatus.OFFERED

    provider_says(provider, f"oui {second.reference}")
    assert fresh(ServiceRequest, second.id).provider_id == provider.id
    assert fresh(ServiceRequest, first.id).status == RequestStatus.OFFERED

    stranger = new_request(session, quartier="Bonaberi")
    provider_says(provider, f"OUI {stranger.reference}")
    assert "ne correspond" in sent_to(provider.phone)[-1]
    assert fresh(ServiceRequest, stranger.id).provider_id is None


def test_availability_help_and_nothing_open(session):
    provider = make_provider(session, language="en")
    provider_says(provider, "pause")
    assert not fresh(Provider, provider.id).available
    assert "DISPO" in sent_to(provider.phone)[-1]
    request = new_request(session)
    advance_due()
    assert offers_of(request.id) == []  # paused providers get no offers
    provider_says(provider, "dispo")
    assert fresh(Provider, provider.id).available
    provider_says(provider, "help")
    assert "YES or NO" in sent_to(provider.phone)[-1]
    provider_says(provider, "hello?")
    assert "no offer or job" in sent_to(provider.phone)[-1]


def test_provider_withdraws_after_accepting_and_someone_else_is_found(session, customer_phone):
    rules(session, offer_batch_size=1)
    request, providers = offered_request(session, count=2)
    first = fresh(Provider, offers_of(request.id)[0].provider_id)
    provider_says(first, "OUI")
    provider_says(first, "désolé je ne peux plus venir")
    request = fresh(ServiceRequest, request.id)
    assert request.status == RequestStatus.PENDING and request.provider_id is None
    assert "ne peut plus venir" in sent_to(customer_phone(request))[-1]
    advance_due()
    pending = [o for o in offers_of(request.id) if o.status == OfferStatus.PENDING]
    assert [o.provider_id for o in pending] == [p.id for p in providers if p.id != first.id]


def test_every_reply_goes_to_the_provider_only_once_per_message(session):
    _, (provider, *_) = offered_request(session)
    provider_says(provider, "OUI")
    with session_scope() as s:
        keys = [m.dedupe_key for m in s.exec(select(OutboxMessage)) if m.dedupe_key]
    assert len(keys) == len(set(keys))


@pytest.mark.usefixtures("fake_monetbil")
def test_the_customer_hears_the_job_is_done_once_then_gets_the_payment_link(session, customer_phone):
    request, (provider, *_) = offered_request(session)
    provider_says(provider, "OUI")
    provider_says(provider, "travail terminé, c'est 15 000")
    assert send_due_links() == 1

    told = sent_to(customer_phone(request))
    assert len([m for m in told if "Travail terminé" in m]) == 1
    link = told[-1]
    assert "Montant à payer" in link and format_xaf(15000) in link and "Travail terminé" not in link
