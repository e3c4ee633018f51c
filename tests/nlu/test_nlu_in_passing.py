"""Families read from two more strangers' sets (issue 15), each tested on fresh sentences found in no labelled file.

Questions about a booking asked in passing, praise in a word of awe, complaints about a worker's manners, bills and
breakage, tradespeople with a team, trust heard from others; a fixture's leak owning the wood or paint it spoils;
burnt and done against burning now; when the trouble began against when to come.
"""

from datetime import UTC, datetime

import pytest

from core.nlu import analyze

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)  # a Tuesday, 10:00 in Douala


def _intent(text: str) -> str:
    return analyze(text, now=NOW).intent


@pytest.mark.parametrize(
    "text",
    [
        "le plombier a bien confirmé pour samedi matin ?",
        "has the mason confirmed for Friday?",
        "what's the name of the painter you're sending?",
        "c'est qui mon technicien pour la clim ?",
        "le peintre avait promis mardi, c'est toujours bon ?",
        "the carpenter say he go pass evening, make I wait am or?",
        "il était censé passer à 10h et il est midi",
        "the number you gave me for the electrician no dey go",
        "son numéro ne passe pas depuis ce matin",
        "je voulais savoir si mon paiement Orange Money est bien passé",
        "how many requests do I have open?",
    ],
)
def test_questions_about_a_booking_asked_in_passing_are_status_checks(text: str) -> None:
    assert _intent(text) == "status_check"


@pytest.mark.parametrize(
    "text",
    [
        "le maçon est un vrai artiste, merci beaucoup",
        "the locksmith saved me last night, thank you so much",
        "la cuisine est magnifique, bravo au menuisier",
    ],
)
def test_praise_in_a_word_of_awe_is_small_talk(text: str) -> None:
    assert _intent(text) == "smalltalk"


@pytest.mark.parametrize(
    "text",
    [
        "your cleaner broke my vase and said nothing",
        "votre électricien a fumé dans ma chambre, aucun respect",
        "he charged me twice the price of the parts",
        "after your plumber left my ceiling started leaking, who go pay for the damage?",
        "nothing don change since your man leave, na the same wahala",
        "la dame de ménage a cassé mon miroir",
    ],
)
def test_a_workers_manners_bill_or_breakage_is_a_complaint(text: str) -> None:
    assert _intent(text) == "complaint"


def test_asking_our_worker_to_come_is_a_job_not_a_grievance() -> None:
    reading = analyze("votre plombier peut passer aujourd'hui ? le lavabo est bouché", now=NOW)
    assert (reading.intent, reading.service_type) == ("new_request", "plumbing")


@pytest.mark.parametrize(
    "text",
    [
        "I be welder, I get my own team of 3, una dey recruit?",
        "how do I become one of your electricians?",
        "abeg add me for una list, I sabi tiling well well",
    ],
)
def test_tradespeople_with_a_team_or_a_list_offer_work(text: str) -> None:
    assert _intent(text) == "join_as_provider"


@pytest.mark.parametrize(
    "text",
    [
        "c'est fiable votre plateforme ? on m'a dit que c'est des arnaqueurs",
        "combien de temps dure le nettoyage d'un appartement ?",
        "est-ce que vous intervenez le dimanche en cas d'urgence ?",
        "is there a discount for churches?",
        "is it possible to book for my grandmother? I'm not in Douala myself",
        "on peut réserver pour quelqu'un d'autre ?",
    ],
)
def test_trust_heard_from_others_durations_and_booking_for_someone_are_enquiries(text: str) -> None:
    assert _intent(text) == "info"


@pytest.mark.parametrize(
    ("text", "intent", "follow_up"),
    [
        ("supprimez la demande pour la clim svp", "cancel", None),
        ("ok c'est bon", "smalltalk", "confirm"),
        ("too much o, 20 000 for small socket?", "other", "price_objection"),
        ("I go pay 8k, no more", "other", "price_objection"),
    ],
)
def test_cancel_close_and_object(text: str, intent: str, follow_up: str | None) -> None:
    reading = analyze(text, now=NOW)
    assert (reading.intent, reading.follow_up) == (intent, follow_up)


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("mon chauffe-bain ne donne plus d'eau chaude, Kotto", "plumbing"),
        ("le frigo a fait un court-circuit et tout le disjoncteur a sauté, Bepanda", "appliance_repair"),
        ("my deep freezer no gree on since the ENEO cut yesterday, Deido", "appliance_repair"),
        ("the rat don cut my washing machine cable, Logpom", "appliance_repair"),
        ("I wan build one small septic for my compound for Japoma", "masonry"),
        ("we need to cast a slab over the well, Yassa", "masonry"),
        ("I want a fresh coat for the parlour, light grey. Makepe", "painting"),
        ("our borehole pump keeps tripping on and off, Logbessou", "plumbing"),
        ("after the painters left the floor is full of paint drops, need cleaners, Bonapriso", "cleaning"),
        ("l'eau coule sous le lavabo et le meuble en dessous est tout gonflé, Ndokoti", "plumbing"),
        ("fuite dans le mur de la douche, la peinture cloque partout, Akwa", "plumbing"),
        ("vernis pour la porte d'entrée en bois et les volets, Bonamoussadi", "painting"),
        ("je veux repeindre les fenêtres en bois en blanc, Bali", "painting"),
    ],
)
def test_the_trade_that_owns_the_job(text: str, service: str) -> None:
    reading = analyze(text, now=NOW)
    assert (reading.intent, reading.service_type) == ("new_request", service)


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        ("the kitchen socket don burn black, Bepanda", "normal"),
        ("la prise du salon a grillé hier, Deido", "normal"),
        ("ça brûle dans la prise du salon, venez vite, Deido", "urgent"),
        ("the extension don burn and e still dey smoke, Akwa", "urgent"),
        ("mon ventilateur fait une odeur de cramé, Ngodi", "urgent"),
        ("my AC dey drop water like rain for my room, Kotto", "normal"),
        ("painting for my shop front, nothing urgent, Bonaberi", "normal"),
        ("mon WC coule en continu, ma facture d'eau va exploser, Ndogbong", "normal"),
        ("can you send someone now? I'm in Bonapriso", "urgent"),
        ("la clim souffle du chaud, il faut recharger le gaz, Bonamoussadi", "normal"),
        ("la télé ne s'allume plus depuis l'orage de samedi, Makepe", "normal"),
        ("my fridge stop since the surge on Monday, Bonaberi", "normal"),
        ("la lumière a sauté dans toute la maison hier soir, Logbaba", "normal"),
        ("changer la serrure de la chambre, demain dans la journée, Kotto", "scheduled"),
        ("il faut repeindre la cuisine, la fumée a tout noirci, Bepanda", "normal"),
    ],
)
def test_burnt_and_done_leaks_of_machines_and_when_the_trouble_began(text: str, urgency: str) -> None:
    assert analyze(text, now=NOW).urgency == urgency
