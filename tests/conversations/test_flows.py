"""Ratings, payment links, provider onboarding, provider hand-off, language, restart safety."""


from sqlmodel import select

from core import db
from core.channels.inbound import process_message, receive
from core.conversations import engine as conversation_engine
from core.db import session_scope
from core.messaging.conversations import Conversation, Message
from core.providers.models import ApplicationStatus, ProviderApplication, Rating
from core.service_requests.models import ServiceRequest
from tests.conversations.conftest import conversation_of, requests_of
from tests.conversations.helpers import advance, set_state
from tests.factories import make_provider


def _completed_job(say, session, session_id: str) -> ServiceRequest:
    say(session_id, "J'ai une fuite d'eau à Makepe")
    request = requests_of(session_id)[0]
    provider = make_provider(session)
    advance(request.id, "completed", provider_id=provider.id, final_price=12000)
    set_state(session_id, awaiting_rating=request.id)
    return request


def test_bare_digit_after_the_rating_question_is_a_rating_then_a_comment(say, session):
    request = _completed_job(say, session, "r1")
    replies = " ".join(say("r1", "4").replies)
    assert "4/5" in replies
    say("r1", "il était rapide et poli")
    with session_scope() as s:
        rating = s.exec(select(Rating).where(Rating.request_id == request.id)).one()
    assert rating.stars == 4
    assert "rapide et poli" in rating.comment
    assert conversation_of("r1").state.get("awaiting_rating") is None


def test_a_digit_is_no_rating_when_none_was_asked(say):
    say("r2", "J'ai une fuite d'eau à Makepe")
    say("r2", "4")
    with session_scope() as s:
        assert s.exec(select(Rating)).first() is None


def test_payment_link_request_for_a_finished_job(say, session):
    request = _completed_job(say, session, "p1")
    set_state("p1", awaiting_rating=None)
    replies = " ".join(say("p1", "envoie le lien de paiement").replies)
    assert replies
    from core.payments.models import Payment

    with session_scope() as s:
        payment = s.exec(select(Payment).where(Payment.request_id == request.id)).first()
    assert payment is not None and payment.amount == 12000


def test_payment_asked_before_the_job_is_done(say):
    say("p2", "J'ai une fuite d'eau à Makepe")
    replies = " ".join(say("p2", "I wan pay").replies) + " ".join(say("p2", "je veux payer").replies)
    assert "fin du travail" in replies or "end of the job" in replies


def test_onboarding_keeps_what_the_first_message_gave(say):
    first = " ".join(say("o1", "Je veux devenir prestataire, je suis plombier à Akwa", phone="690 11 22 33").replies)
    assert "nom" in first
    done = " ".join(say("o1", "Paul Mbarga").replies)
    with session_scope() as s:
        application = s.exec(select(ProviderApplication)).one()
    assert application.status == ApplicationStatus.PENDING
    assert (application.name, application.trades, application.quartiers) == ("Paul Mbarga", ["plumbing"], ["Akwa"])
    assert application.phone == "+237690112233"
    assert "Paul Mbarga" in done
    assert requests_of("o1") == []
    asked = conversation_of("o1").state["asked_log"]
    assert len(asked) == len(set(asked))


def test_onboarding_over_several_turns_on_the_web(say):
    say("o2", "I want to join as a provider")
    say("o2", "my name is Grace Ndoumbe")
    say("o2", "plumbing and electrical")
    say("o2", "Bonamoussadi, Makepe and Kotto")
    say("o2", "+237 6 99 88 77 66")
    with session_scope() as s:
        application = s.exec(select(ProviderApplication)).one()
    assert application.name == "Grace Ndoumbe"
    assert sorted(application.trades) == ["electrical", "plumbing"]
    assert sorted(application.quartiers) == ["Bonamoussadi", "Kotto", "Makepe"]
    assert application.phone == "+237699887766"
    assert conversation_of("o2").state["onboarding"] is None


def test_onboarding_asks_again_for_a_name_or_a_number_it_could_not_read(say):
    say("o3", "je suis electricien a ndokoti")
    again = " ".join(say("o3", "je veux travailler avec vous").replies)
    assert "Jean Mbarga" in again  # a sentence is no name: asked once more, with an example
    asked_phone = " ".join(say("o3", "Samuel Eto").replies)  # trade and quartier came with the first message
    assert "WhatsApp" in asked_phone
    again = " ".join(say("o3", "comment on s'inscrit ?").replies)
    assert "6 99 12 34 56" in again
    say("o3", "6 77 12 34 56")
    with session_scope() as s:
        application = s.exec(select(ProviderApplication)).one()
    assert (application.name, application.phone) == ("Samuel Eto", "+237677123456")
    asked = conversation_of("o3").state["asked_log"]
    assert len(asked) == len(set(asked))


def test_a_correction_before_the_number_says_the_search_starts_with_the_number(say):
    # Seen on a phone: "Je continue la recherche" after a correction, while no search had started (the web
    # customer's number was still awaited), and the number was not asked again.
    say("c9", "il faut repeindre le salon")
    say("c9", "Kotto")
    reply = " ".join(say("c9", "non pardon c'est Makepe, Kotto c'est mon bureau").replies)
    assert "Makepe" in reply and "numéro" in reply
    assert "continue la recherche" not in reply
    assert requests_of("c9")[0].quartier == "Makepe"


def test_booked_times_are_written_with_the_day_and_month_in_words():
    # Seen on a phone: "for 05/12 at 08:00" reads as May 12 to many English speakers.
    from datetime import UTC, datetime

    from core.conversations.actions import _local_time

    saturday = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)  # 10:00 in Douala
    assert _local_time(saturday, en=True) == "Sat 5 Dec at 10:00"
    assert _local_time(saturday, en=False) == "sam. 5 déc. à 10h00"


def test_bonsoir_is_answered_bonsoir(say):
    assert say("g1", "Bonsoir").replies[0].startswith("Bonsoir")
    assert say("g2", "Good evening").replies[0].startswith("Good evening")
    assert say("g3", "Bonjour").replies[0].startswith("Bonjour")


def test_onboarding_never_takes_figures_for_a_name(say):
    # Seen on a phone: after the sentence was refused, "6 99" was saved as the name ("Merci 6 99"), and the proper
    # number sent next got the same reply again.
    say("o4", "je veux travailler avec vous")
    say("o4", "Je Veux Travailler Avec Vous")
    letters = " ".join(say("o4", "6 99").replies)
    assert "6 99" not in letters and "Jean Mbarga" in letters
    again = " ".join(say("o4", "6 99 12 34 56").replies)
    assert "Merci" not in again and "Jean Mbarga" in again  # still the name, and the number is kept
    say("o4", "Paul Ndjock")
    say("o4", "plomberie")
    say("o4", "Makepe")
    with session_scope() as s:
        application = s.exec(select(ProviderApplication)).one()
    assert (application.name, application.phone) == ("Paul Ndjock", "+237699123456")


def test_provider_messages_go_to_matching(session, monkeypatch):
    provider = make_provider(session, phone="+237677998877")
    seen = []

    def handle_provider_message(*, session, provider, conversation, message):
        seen.append((provider.id, conversation.role, message.body))

    monkeypatch.setattr(conversation_engine, "handle_provider_message", handle_provider_message)
    with session_scope() as s:
        message_id = receive(session=s, channel="simulator", external_id="+237677998877", body="OUI",
                             provider_message_id="SM1").id
    assert process_message(message_id)
    assert seen == [(provider.id, "provider", "OUI")]


def test_language_follows_a_clear_switch_but_not_a_bare_place(say):
    say("l1", "Bonjour, mon robinet fuit")
    say("l1", "Akwa")
    assert conversation_of("l1").language == "fr"
    replies = say("l1", "Sorry, can you tell me when the plumber is coming please?").replies
    assert conversation_of("l1").language == "en"
    assert "repairer" in " ".join(replies)


def test_a_fresh_engine_continues_the_conversation_from_the_database(engine):
    with session_scope() as s:
        first = receive(session=s, channel="whatsapp", external_id="+237699001100", body="ma machine à laver fuit",
                        provider_message_id="SMa").id
    process_message(first)
    db.dispose_engine()  # a restart: no connection, no object survives
    with session_scope() as s:
        second = receive(session=s, channel="whatsapp", external_id="+237699001100", body="Cité des Palmiers",
                         provider_message_id="SMb").id
    process_message(second)
    with session_scope() as s:
        conversation = s.exec(select(Conversation).where(Conversation.external_id == "+237699001100")).one()
        request = s.get(ServiceRequest, conversation.current_request_id)
        analysis = s.get(Message, second).analysis
    assert (request.service_type, request.quartier, request.channel) == ("appliance_repair", "Cité des Palmiers",
                                                                        "whatsapp")
    assert analysis["location"] == "Cité des Palmiers"


def test_a_whatsapp_retry_creates_nothing_twice(engine):
    for _ in range(2):
        with session_scope() as s:
            message = receive(session=s, channel="whatsapp", external_id="+237699001101",
                              body="fuite d'eau à Makepe", provider_message_id="SMdup")
        if message is not None:
            process_message(message.id)
    with session_scope() as s:
        assert len(list(s.exec(select(ServiceRequest)))) == 1
        assert len(list(s.exec(select(Message).where(Message.direction == "in")))) == 1


def test_replies_carry_one_outbox_key_per_turn(say):
    say("k1", "J'ai une fuite d'eau à Makepe")
    from core.messaging.models import OutboxMessage

    with session_scope() as s:
        inbound = s.exec(select(Message).where(Message.direction == "in")).one()
        keys = [row.dedupe_key for row in s.exec(select(OutboxMessage))]
    assert keys == [conversation_engine.reply_key(inbound.id, 0)]
