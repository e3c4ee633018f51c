"""Status, cancel, correction, complaint, information, small talk, takeover: the engine's actions on real requests."""

from sqlmodel import select

from core.conversations.templates import TEXTS
from core.db import session_scope
from core.messaging.conversations import Case, CaseStatus, Conversation, Message
from core.messaging.models import MessageStatus
from core.phones import display_phone
from core.service_requests.models import RequestStatus, ServiceRequest
from tests.conversations.conftest import conversation_of, requests_of
from tests.conversations.helpers import advance
from tests.factories import make_customer, make_provider
from tests.security.helpers import code_sent_to


def test_status_names_the_assigned_provider_and_phone(say, session):
    say("s1", "J'ai une fuite d'eau à Makepe")
    request = requests_of("s1")[0]
    provider = make_provider(session, name="Jean-Paul Ekambi", phone="+237677112233")
    advance(request.id, "assigned", provider_id=provider.id)
    replies = " ".join(say("s1", "où en est ma demande ?").replies)
    assert request.reference in replies
    assert "Jean-Paul" in replies and "Ekambi" not in replies
    assert display_phone("+237677112233") in replies
    assert "accepté" in replies


def test_status_in_english_says_the_words_of_the_status(say):
    say("s2", "My tap is leaking in Akwa")
    replies = " ".join(say("s2", "any update on my request?").replies)
    assert "finding a repairer" in replies
    assert requests_of("s2")[0].reference in replies


def test_cancel_while_in_progress_opens_a_case_and_keeps_the_job(say, session):
    say("s3", "J'ai une fuite d'eau à Makepe")
    request = requests_of("s3")[0]
    advance(request.id, "in_progress", provider_id=make_provider(session).id)
    assert "OUI" in " ".join(say("s3", "annulez ma demande").replies)  # asked once, a provider is on it
    replies = " ".join(say("s3", "oui").replies)
    assert "déjà au travail" in replies
    assert requests_of("s3")[0].status == RequestStatus.IN_PROGRESS
    with session_scope() as s:
        case = s.exec(select(Case).where(Case.request_id == request.id)).one()
    assert case.kind == "cancel" and case.status == CaseStatus.OPEN


def test_cancel_an_assigned_request_works(say, session):
    say("s4", "I need an electrician in Bonapriso")
    request = requests_of("s4")[0]
    advance(request.id, "assigned", provider_id=make_provider(session, services=("electrical",)).id)
    assert "YES" in " ".join(say("s4", "please cancel my request").replies)
    assert requests_of("s4")[0].status == RequestStatus.ASSIGNED  # a provider is on it: asked once before cancelling
    say("s4", "yes")
    assert requests_of("s4")[0].status == RequestStatus.CANCELLED


def test_street_number_is_not_a_cancel(say):
    say("s5", "J'ai une fuite d'eau à Makepe, rue 3")
    say("s5", "c'est la rue 3 porte 12")
    assert requests_of("s5")[0].status == RequestStatus.PENDING


def test_correction_after_assignment_goes_to_an_agent(say, session):
    say("s6", "Mon robinet fuit à Makepe")
    request = requests_of("s6")[0]
    advance(request.id, "assigned", provider_id=make_provider(session).id)
    replies = " ".join(say("s6", "pardon c'est à Kotto pas Makepe").replies)
    assert "agent" in replies
    assert requests_of("s6")[0].quartier == "Makepe"
    with session_scope() as s:
        assert s.exec(select(Case).where(Case.request_id == request.id, Case.kind == "change")).one()


def test_correction_of_an_offered_request_searches_again(say):
    say("s7", "J'ai un problème de courant à Akwa")
    request = requests_of("s7")[0]
    advance(request.id, "offered")
    say("s7", "non c'est la plomberie")
    updated = requests_of("s7")[0]
    assert (updated.service_type, updated.status) == ("plumbing", "pending")
    assert (updated.price_min, updated.price_max) == (5000, 15000)


def test_complaint_opens_a_case_with_the_request(say):
    say("s8", "J'ai une fuite d'eau à Makepe")
    replies = " ".join(say("s8", "le plombier n'est jamais venu, c'est inadmissible").replies)
    assert "personne" in replies
    request = requests_of("s8")[0]
    with session_scope() as s:
        case = s.exec(select(Case).where(Case.conversation_id == conversation_of("s8").id)).one()
    assert case.kind == "complaint" and case.request_id == request.id
    assert "jamais venu" in case.summary


def test_all_prices_are_listed_from_the_catalogue(say):
    replies = " ".join(say("s9", "quels sont vos prix ?").replies)
    assert "Plomberie" in replies and "5\u202f000 – 15\u202f000 FCFA" in replies
    assert "Peinture" in replies and "15\u202f000 – 60\u202f000 FCFA" in replies
    assert requests_of("s9") == []


def test_info_about_quartiers_and_payment(say):
    replies = " ".join(say("s10", "quels quartiers couvrez-vous ?").replies)
    assert "Akwa" in replies and "Douala" in replies
    replies = " ".join(say("s11", "comment on paie ? mobile money ?").replies)
    assert "Orange Money" in replies and "MTN" in replies


def test_smalltalk_thanks_and_steering(say):
    assert "Djobea" in say("s12", "Bonjour").replies[0]
    assert say("s12", "merci").replies[0] in TEXTS["thanks"]["fr"]
    assert say("s12", "Thank you so much").replies[0] in TEXTS["thanks"]["en"]
    assert requests_of("s12") == []


def test_human_takeover_means_silence(say):
    say("s13", "Bonjour")
    with session_scope() as s:
        conversation = s.exec(select(Conversation).where(Conversation.external_id == "s13")).one()
        conversation.human_takeover = True
        s.add(conversation)
    result = say("s13", "J'ai une fuite d'eau à Makepe")
    assert result.replies == []
    assert requests_of("s13") == []
    with session_scope() as s:
        last = s.exec(select(Message).where(Message.conversation_id == conversation.id)
                      .order_by(Message.id.desc())).first()
    assert last.direction == "in" and last.status == MessageStatus.PROCESSED


def test_second_service_same_home_and_no_duplicate_of_the_first(say):
    say("s14", "J'ai une fuite d'eau à Makepe")
    say("s14", "il y a aussi une prise électrique qui ne marche plus")
    say("s14", "J'ai une fuite d'eau à Makepe")
    made = requests_of("s14")
    assert sorted(r.service_type for r in made) == ["electrical", "plumbing"]
    assert {r.quartier for r in made} == {"Makepe"}


def test_same_job_from_two_chat_sessions_of_one_proven_phone_is_not_duplicated(say, session):
    make_customer(session, phone="+237677001122")
    for session_id in ("s15", "s16"):  # a typed number joins no one: each chat proves it with a WhatsApp code
        say(session_id, "envoyez-moi le code sur WhatsApp", phone="677 00 11 22")
        say(session_id, code_sent_to("+237677001122"))
    say("s15", "J'ai une fuite d'eau à Makepe")
    say("s16", "J'ai une fuite d'eau à Makepe")
    with session_scope() as s:
        made = list(s.exec(select(ServiceRequest)))
    assert len(made) == 1
    assert conversation_of("s15").customer_id == conversation_of("s16").customer_id


def test_scheduled_times_are_stored_utc_and_shown_in_douala_time(say):
    created = " ".join(say("t1", "Il me faut un plombier demain à 9h à Akwa").replies)
    request = requests_of("t1")[0]
    assert request.urgency == "scheduled"
    assert request.scheduled_for.utcoffset().total_seconds() == 0 and request.scheduled_for.hour == 8
    assert "09h00" in created
    assert "09h00" in " ".join(say("t1", "où en est ma demande ?").replies)


def test_cancel_before_anything_was_booked_forgets_the_draft(say):
    say("t2", "ma machine à laver fuit")
    replies = " ".join(say("t2", "laisse tomber").replies)
    assert "rien n'a été réservé" in replies
    assert conversation_of("t2").state["slots"] == {}
    say("t2", "Akwa")
    assert requests_of("t2") == []
