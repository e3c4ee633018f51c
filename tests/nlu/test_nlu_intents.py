"""Intents, services and language on tricky messages: what must be read, and what must not."""

import pytest

from core.nlu import analyze


@pytest.mark.parametrize(
    ("text", "intent", "service"),
    [
        ("j'ai un problème de plomberie", "new_request", "plumbing"),
        ("Bonjour, mon évier est bouché", "new_request", "plumbing"),
        ("Abeg my light don go since yesterday for Bepanda", "new_request", "electrical"),
        ("water di comot for my kitchen", "new_request", "plumbing"),
        ("pipe don burst", "new_request", "plumbing"),
        ("le courant a jump", "new_request", "electrical"),
        ("my fridge no di cold", "new_request", "appliance_repair"),
        ("la porte du frigo ne ferme plus", "new_request", "appliance_repair"),
        ("ma porte en bois ne ferme plus", "new_request", "carpentry"),
        ("ma porte est bloquée, la clé ne tourne plus", "new_request", "locksmith"),
        ("la clim coule", "new_request", "air_conditioning"),
        ("I need someone to clean my house", "new_request", "cleaning"),
        ("fissure dans le mur du salon", "new_request", "masonry"),
        ("je veux repeindre ma chambre", "new_request", "painting"),
        ("plombier svp", "new_request", "plumbing"),
        ("Bonjour je cherche un peintre à Yaoundé", "new_request", "painting"),
    ],
)
def test_requests(text: str, intent: str, service: str) -> None:
    result = analyze(text)
    assert (result.intent, result.service_type) == (intent, service)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("annule", "cancel"),
        ("cancel am", "cancel"),
        ("laisse tomber", "cancel"),
        ("I no need am again", "cancel"),
        ("où en est ma demande", "status_check"),
        ("il arrive quand?", "status_check"),
        ("wetin dey happen with my request", "status_check"),
        ("When is the plumber coming?", "status_check"),
        ("Il est toujours pas venu", "status_check"),
        ("votre plombier n'est jamais venu", "complaint"),
        ("travail mal fait", "complaint"),
        ("I wan complain", "complaint"),
        ("the electrician una send don spoil my TV", "complaint"),
        ("je suis plombier je veux travailler avec vous", "join_as_provider"),
        ("I be electrician, how I fit join", "join_as_provider"),
        ("bonjour", "smalltalk"),
        ("merci beaucoup", "smalltalk"),
        ("ça va?", "smalltalk"),
        ("how far", "smalltalk"),
        ("Combien coûte une installation de clim ?", "info"),
        ("Can I pay with Orange Money?", "info"),
        ("Vous intervenez à Kotto ?", "info"),
        ("Are your technicians verified?", "info"),
    ],
)
def test_other_intents(text: str, intent: str) -> None:
    assert analyze(text).intent == intent


@pytest.mark.parametrize(
    "text",
    [
        "Cité des Palmiers",
        "demain matin",
        "rue 3",
        "porte 2",
        "12",
        "oui",
        "ok",
        "sell me airtime",
        "c'est combien le taxi pour Akwa",
        "je veux acheter un téléphone",
        "i want to buy a generator",
        "j'aime la peinture de Picasso",
        "mon frère est électricien",
        "Je cherche une chambre à louer à Makepe",
    ],
)
def test_answers_and_off_topic_messages_are_other(text: str) -> None:
    result = analyze(text)
    assert result.intent == "other"
    assert result.service_type is None


def test_a_greeting_then_a_problem_is_a_request() -> None:
    result = analyze("Bonsoir la famille, mon frigo est gâté à Bepanda")
    assert (result.intent, result.service_type, result.location) == ("new_request", "appliance_repair", "Bepanda")
    assert result.description == "mon frigo est gâté à Bepanda"


def test_own_problem_with_a_price_question_is_a_request() -> None:
    assert analyze("Mon frigo coule, c'est combien pour le réparer ?").intent == "new_request"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Mon frère le robinet coule-coule ici à Ndokoti", "fr"),
        ("bonjour mon gars, la light a go dans ma chambre", "fr"),
        ("Abeg my light don go for Bepanda", "en"),
        ("I need a plumber", "en"),
        ("wetin dey happen", "en"),
        ("hi", "en"),
        ("bonsoir", "fr"),
        ("bsr g 1 pbm d clim", "fr"),
    ],
)
def test_language(text: str, language: str) -> None:
    assert analyze(text).language == language


def test_place_names_carry_no_language_and_context_decides() -> None:
    assert analyze("Bonamoussadi").language == "fr"
    assert analyze("Bonamoussadi", context={"language": "en"}).language == "en"


@pytest.mark.parametrize(
    ("text", "rating"),
    [("5 étoiles", 5), ("4/5", 4), ("je donne 3", 3), ("five stars", 5), ("I give 2", 2), ("rue 3", None)],
)
def test_rating(text: str, rating: int | None) -> None:
    assert analyze(text).rating == rating


def test_a_bare_digit_is_a_rating_only_when_asked() -> None:
    assert analyze("4").rating is None
    assert analyze("4", context={"last_question": "rating"}).rating == 4


def test_confidence_is_high_for_clear_requests_and_low_for_unknown_text() -> None:
    assert analyze("Bonjour, mon évier est bouché à Bonamoussadi").confidence >= 0.85
    assert analyze("bonjour").confidence >= 0.85
    assert analyze("xkcd blorp zzgrt").confidence < 0.4
    assert analyze("hmm et donc le truc là").confidence < 0.6
    for text in ("", "   "):
        result = analyze(text)
        assert result.intent == "other" and result.confidence == 0.0


def test_description_keeps_the_customers_words() -> None:
    assert analyze("  Bonjour,   le robinet  fuit  ").description == "le robinet fuit"
    assert analyze("Hello").description == "Hello"
