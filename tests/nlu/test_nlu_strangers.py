"""The families strangers' messages fall into (issue 15), each from fresh sentences found in no labelled file."""

from datetime import UTC, datetime

import pytest

from core.nlu import analyze

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)  # a Tuesday, 10:00 in Douala


@pytest.mark.parametrize(
    "text",
    [
        "votre appli marche pas du tout depuis hier",
        "c'est vraiment nul ce que vous faites là",
        "ça fait deux fois que je vous dis la même chose !!",
        "je suis trop frustré, personne ne me répond ici",
        "franchement c'est inadmissible de laisser les clients comme ça",
        "Your chatbot is useless, I keep typing and nothing happens",
        "I've told you 3 times already where I live",
        "I am so frustrated with this service",
        "na wa o, nobody dey answer for this una number",
        "i don tire, this una system no dey understand anything",
        "je veux parler à un humain tout de suite",
        "Can I speak to a real person?",
        "vs m'avez laissé tomber, c'est une honte",
        "service très médiocre, je regrette de vous avoir contacté",
        "impossible de joindre quelqu'un chez vous, c'est pénible",
        "I don talk am two times, una no dey hear",
        "on m'a ignorée depuis hier, c'est quoi ce service ?",
        "I want a human being, not this machine",
        "vous êtes trop lents, c'est fatigant",
        "I already said my quartier twice, una no dey listen",
    ],
)
def test_complaints_about_the_service_itself(text: str) -> None:
    assert analyze(text, now=NOW).intent == "complaint"


@pytest.mark.parametrize(
    ("text", "history"),
    [
        ("afficher mes demandes", True),
        ("je veux consulter mes anciennes demandes", True),
        ("historique de mes réservations svp", True),
        ("please show my bookings", True),
        ("can I see all my requests?", True),
        ("où ça en est avec mon plombier ?", False),
        ("on en est où ?", False),
        ("c'est qui mon prestataire finalement ?", False),
        ("who is my technician for tomorrow?", False),
        ("quel est le nom du prestataire qui vient ?", False),
        ("how far with my matter?", False),
        ("y a du nouveau ?", False),
    ],
)
def test_status_in_other_words(text: str, history: bool) -> None:
    result = analyze(text, now=NOW)
    assert result.intent == "status_check"
    assert result.asks_history is history


@pytest.mark.parametrize(
    "text",
    [
        "bonsoir je voudrais créer une demande",
        "j'ai besoin d'un réparateur svp",
        "il me faut quelqu'un pour un petit travail",
        "I need help please",
        "hello I want to book a technician",
        "abeg I need person wey go help me",
        "jai bsoin dun technicien",
        "Good morning, can somebody come and help me?",
    ],
)
def test_a_request_without_the_problem_yet_asks_for_the_trade(text: str) -> None:
    result = analyze(text, now=NOW)
    assert (result.intent, result.service_type) == ("new_request", None)


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        ("toute la cuisine est inondée, Bonapriso", "urgent"),
        ("il y a de l'eau partout dans la salle de bain, Akwa", "urgent"),
        ("l'eau sort du plafond de la chambre, Makepe", "normal"),
        ("on n'a plus d'eau depuis ce matin, Logpom", "normal"),
        ("wata no dey comot for tap since two days, Bepanda", "normal"),
        ("the whole parlour is flooded, Kotto", "urgent"),
        ("wata don full my room o, Deido", "urgent"),
        ("water dey comot under the floor tiles, Ndokoti", "normal"),
    ],
)
def test_water_with_no_trade_word_is_plumbing(text: str, urgency: str) -> None:
    result = analyze(text, now=NOW)
    assert (result.intent, result.service_type, result.urgency) == ("new_request", "plumbing", urgency)


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("au secours aidez-moi !!", None),
        ("HELP", None),
        ("vite vite venez svp", None),
        ("emergency please help", None),
        ("accident électrique dans le salon", "electrical"),
        ("my brother got electric shock from the switch", "electrical"),
    ],
)
def test_emergencies_with_no_trade_word_are_urgent_requests(text: str, service: str | None) -> None:
    result = analyze(text, now=NOW)
    assert (result.intent, result.service_type, result.urgency) == ("new_request", service, "urgent")


@pytest.mark.parametrize(
    ("text", "rating"),
    [
        ("l'électricien a vraiment bien travaillé, merci", None),
        ("travail propre, rien à dire", None),
        ("5 étoiles pour le plombier, il était top", 5),
        ("je donne 4 étoiles au peintre, merci", 4),
        ("The cleaner did a very good job, thanks", None),
        ("I give the carpenter five stars", 5),
        ("the man do the work well well, thank you o", None),
        ("satisfait du maçon, merci Djobea", None),
        ("le serrurier est passé, tout est réglé, merci beaucoup", None),
        ("la machine lave parfaitement maintenant, merci", None),
        ("je tiens à remercier le peintre pour son travail", None),
        ("thanks, the freezer works like before", None),
        ("big thanks, no more leak in the kitchen", None),
        ("2 étoiles, c'était correct sans plus", 2),
    ],
)
def test_thanks_and_praise_after_a_job_are_small_talk(text: str, rating: int | None) -> None:
    result = analyze(text, now=NOW)
    assert (result.intent, result.rating) == ("smalltalk", rating)


@pytest.mark.parametrize(
    ("text", "follow_up", "urgency"),
    [
        ("c'est très urgent hein", "urgency", "urgent"),
        ("now now please", "urgency", "urgent"),
        ("ça coule encore plus fort maintenant", "urgency", "urgent"),
        ("il faut régler ça aujourd'hui", "urgency", "urgent"),
        ("e dey leak too much now", "urgency", "urgent"),
        ("the water is spreading more and more", "urgency", "urgent"),
        ("this one can't wait o", "urgency", "urgent"),
        ("oui, je confirme", "confirm", "normal"),
        ("yes please go ahead", "confirm", "normal"),
        ("ok, I agree", "confirm", "normal"),
        ("c'est un peu cher ça", "price_objection", "normal"),
        ("na too much money o, reduce am", "price_objection", "normal"),
        ("franchement c'est hors de prix", "price_objection", "normal"),
        ("sous le lavabo de la salle de bain", "detail", "normal"),
        ("c'est dans la chambre du fond", "detail", "normal"),
        ("in the kitchen near the window", "detail", "normal"),
    ],
)
def test_follow_ups_are_bare_answers_that_say_what_they_add(text: str, follow_up: str, urgency: str) -> None:
    result = analyze(text, now=NOW)
    assert (result.intent, result.follow_up, result.urgency) == ("other", follow_up, urgency)


def test_a_detail_keeps_the_customers_words() -> None:
    assert analyze("Oui, sous l'évier de la cuisine", now=NOW).detail == "sous l'évier de la cuisine"


@pytest.mark.parametrize(
    "text",
    ["vous pouvez envoyer quelqu'un là maintenant ?", "send somebody now please",
     "quelqu'un peut venir tout de suite ?"],
)
def test_sending_someone_now_is_an_urgent_request_and_a_follow_up(text: str) -> None:
    result = analyze(text, now=NOW)
    assert (result.intent, result.follow_up, result.urgency) == ("new_request", "send_now", "urgent")


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("c'est combien alors ?", "info"),
        ("how much e go be?", "info"),
        ("Price please", "info"),
        ("ça coûte combien en tout ?", "info"),
        ("mon robinet fuit, c'est combien ? Deido", "new_request"),
    ],
)
def test_price_questions_are_a_signal_of_their_own(text: str, intent: str) -> None:
    result = analyze(text, now=NOW)
    assert (result.intent, result.asks_price) == (intent, True)


@pytest.mark.parametrize(
    "text",
    ["combien de temps ça va prendre ?", "mon frigo ne marche plus, Akwa", "c'est trop cher"],
)
def test_no_price_question_where_none_is_asked(text: str) -> None:
    assert analyze(text, now=NOW).asks_price is False


@pytest.mark.parametrize(
    ("text", "landmark"),
    [
        ("Ma douche fuit, Makepe, derrière la boulangerie du carrefour, portail vert",
         "derrière la boulangerie du carrefour, portail vert"),
        ("électricien à Deido svp, 3e étage de l'immeuble bleu", "3e étage de l'immeuble bleu"),
        ("My tap is broken, Bonaberi, opposite the Total station", "opposite the Total station"),
        ("I dey Logbaba, for back of the market, my fridge don die", "for back of the market"),
        ("Kotto, en face de la pharmacie, la serrure est bloquée", "en face de la pharmacie"),
    ],
)
def test_directions_are_kept_in_the_customers_words(text: str, landmark: str) -> None:
    assert analyze(text, now=NOW).landmark == landmark


@pytest.mark.parametrize(
    "text",
    ["la fuite est derrière le frigo, Akwa", "plombier avant samedi, Kotto", "ça recommence après la réparation",
     "mon frigo ne marche plus, Akwa"],
)
def test_no_directions_where_none_are_given(text: str) -> None:
    assert analyze(text, now=NOW).landmark is None


def test_new_fields_default_to_nothing_for_a_plain_request() -> None:
    result = analyze("mon frigo ne refroidit plus, Akwa", now=NOW)
    assert (result.follow_up, result.detail, result.asks_price, result.asks_history, result.landmark) == (
        None, None, False, False, None)


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        ("the breaker box is smoking, Akwa", "urgent"),
        ("mon évier déborde, Deido", "urgent"),
        ("la poubelle se remplit vite, il faut un nettoyage samedi, Kotto", "scheduled"),
        ("please send a cleaner this afternoon, Bonapriso", "scheduled"),
    ],
)
def test_urgency_words_read_in_their_sense(text: str, urgency: str) -> None:
    assert analyze(text, now=NOW).urgency == urgency
