"""Families of phrasings, each in several styles, and the boundaries between intents that they must not blur."""

from datetime import UTC, datetime

import pytest

from core.nlu import analyze
from core.nlu.matcher import PhraseMatcher

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)  # a Tuesday, 10:00 in Douala


@pytest.mark.parametrize(
    "text",
    [
        "is the carpenter still coming this evening?",
        "Will my electrician arrive before noon?",
        "when the painter go come?",
        "Le soudeur vient toujours cet après-midi ?",
        "votre plombier passe à quelle heure ?",
        "elle vient quand la femme de ménage ?",
        "where una technician reach?",
        "Avez-vous déjà trouvé un menuisier pour moi ?",
        "has anybody been assigned to my job?",
        "toujours pas de nouvelle du frigoriste",
        "ma demande de peinture est où ?",
        "I'm still waiting for the mason you promised",
        "Ma réservation est-elle confirmée ?",
    ],
)
def test_questions_about_an_existing_booking_are_status_checks(text: str) -> None:
    assert analyze(text, now=NOW).intent == "status_check"


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("I need an electrician this afternoon, my sockets are dead. Bali", "electrical"),
        ("Can the carpenter come on Friday? My wardrobe door fell off. Deido", "carpentry"),
        ("Je veux que le peintre passe samedi pour la chambre, Kotto", "painting"),
        ("is my mother coming? no, I need a plumber for the sink, Akwa", "plumbing"),
        ("je voudrais des nouvelles prises dans la cuisine, Makepe", "electrical"),
        ("Le robinet vient de casser, l'eau sort partout, Logpom", "plumbing"),
    ],
)
def test_asking_for_a_worker_is_a_request_not_a_status_check(text: str, service: str) -> None:
    result = analyze(text, now=NOW)
    assert (result.intent, result.service_type) == ("new_request", service)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Do you fix gas cookers?", "info"),
        ("vous installez les climatiseurs ?", "info"),
        ("Can you fix my gas cooker tomorrow? Bonaberi", "new_request"),
        ("On règle comment, en espèces ou par Orange Money ?", "info"),
        ("Vous êtes disponibles le samedi ?", "info"),
        ("Vous êtes dispo samedi pour ma douche qui fuit ? Bali", "new_request"),
        ("Est-ce que vos techniciens sont assurés ?", "info"),
        ("je peux annuler sans frais si je change d'avis ?", "info"),
    ],
)
def test_general_questions_are_info_and_own_jobs_are_requests(text: str, intent: str) -> None:
    assert analyze(text, now=NOW).intent == intent


@pytest.mark.parametrize(
    "text",
    [
        "Thank you my friend, have a good evening",
        "merci hein, vous êtes top",
        "No problem, thanks a lot",
        "The tiler did a great job, thank you",
        "Merci, la clim marche parfaitement maintenant",
        "ok ça marche, merci et bonne fin de semaine",
    ],
)
def test_thanks_goodbyes_and_praise_are_small_talk(text: str) -> None:
    assert analyze(text, now=NOW).intent == "smalltalk"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("forget the plumbing job, my uncle fixed it", "cancel"),
        ("N'envoyez plus le menuisier, ce n'est plus nécessaire", "cancel"),
        ("we no need the cleaner again", "cancel"),
        ("The painter came but the wall is still patchy, not serious", "complaint"),
        ("le maçon a cassé mon carrelage en travaillant", "complaint"),
        ("the electrician una send carry my money go", "complaint"),
        ("Your locksmith broke my door frame", "complaint"),
        ("my neighbour came and saw the leak, send a plumber to Kotto", "new_request"),
        ("Le plombier que vous aviez envoyé était top, maintenant j'ai besoin d'un électricien à Bali", "new_request"),
        ("I run a small painting team, can we partner?", "join_as_provider"),
        ("We are plumbers looking for more jobs", "join_as_provider"),
    ],
)
def test_cancellations_complaints_and_offers(text: str, intent: str) -> None:
    assert analyze(text, now=NOW).intent == intent


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        ("la clé est restée coincée, je n'arrive pas à rentrer chez moi, Bepanda", "urgent"),
        ("I no fit enter my room, the lock don jam. Kotto", "urgent"),
        ("ça sent le gaz dans la cuisine, la bouteille fuit, Akwa", "urgent"),
        ("le lavabo déborde partout dans la salle de bain, Deido", "urgent"),
        ("besoin d'un électricien urgt, Makepe", "urgent"),
        ("le tuyau du forage a cassé, on n'a plus d'eau depuis hier, Japoma", "normal"),
        ("The painter you sent did well, now I want the same for my shop, Akwa", "normal"),
        ("peindre la clôture ce wknd, Logbessou", "scheduled"),
        ("carrelage de la terrasse à la fin du mois, Kotto", "scheduled"),
        ("I need the house cleaned before Christmas, Bonapriso", "scheduled"),
    ],
)
def test_urgency_families(text: str, urgency: str) -> None:
    assert analyze(text, now=NOW).urgency == urgency


def test_month_end_resolves_to_the_last_day_of_the_month() -> None:
    result = analyze("repeindre la cuisine à la fin du mois, Kotto", now=NOW)
    assert result.when is not None and result.when.date().isoformat() == "2026-03-31"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Combien for painting two rooms?", "en"),
        ("Around 6pm please", "en"),
        ("Hello, je cherche un maçon pour ma clôture à Logpom", "fr"),
        ("Bonsoir, my AC no dey cool, abeg", "en"),
        ("Salut, the plumber never came, on est à Bali", "fr"),
    ],
)
def test_mixed_language_messages(text: str, language: str) -> None:
    assert analyze(text, now=NOW).language == language


def test_a_place_signed_after_the_message_is_read() -> None:
    assert analyze("qlq pr réparer ma porte? village", now=NOW).location == "Village"
    assert analyze("je suis au village pour le week-end", now=NOW).location is None
    assert analyze("peinture près de la cathédrale Saints-Pierre-et-Paul", now=NOW).location == "Akwa"


def test_the_most_literal_phrase_wins_a_tie() -> None:
    matcher = PhraseMatcher([("disjonct*", "weak"), ("disjoncteur*", "strong"), ("le disjoncteur", "longest")])
    assert [m.value for m in matcher.find(["mon", "disjoncteurs"])] == ["strong"]
    assert [m.value for m in matcher.find(["le", "disjoncteur"])] == ["longest"]
    assert [m.value for m in matcher.find(["ca", "disjoncte"])] == ["weak"]

