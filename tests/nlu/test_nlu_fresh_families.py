"""The hard families, each in sentences that are in no data file (French, English, Pidgin, Camfranglais, SMS)."""

from datetime import UTC, datetime

import pytest

from core.nlu import analyze

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)  # a Tuesday, 10:00 in Douala


@pytest.mark.parametrize("text", [
    "Votre application me fait tourner en bourrique depuis une heure",
    "Franchement Djobea c'est de la blague, je suis frustrée",
    "ça fait 5 fois que je répète la même chose à votre machine",
    "this assistant is so useless, I want a real human",
    "una service no good at all, nobody dey answer",
    "vs êtes pas sérieux, personne ne me répond depuis hier",
])
def test_complaints_about_the_service_itself(text: str) -> None:
    assert analyze(text, now=NOW).intent == "complaint"


@pytest.mark.parametrize("text", [
    "affichez mes demandes svp",
    "je voudrais suivre ma demande d'hier",
    "c'est qui le technicien qu'on m'a envoyé ?",
    "show me my bookings",
    "who is handling my job?",
    "ma commande avance ou pas ?",
])
def test_status_in_other_words(text: str) -> None:
    assert analyze(text, now=NOW).intent == "status_check"


@pytest.mark.parametrize("text", [
    "je veux faire une nouvelle demande",
    "I need help please",
    "besoin d'un technicien svp",
    "can you send someone?",
    "je cherche un bricoleur",
])
def test_a_request_without_its_problem_asks_what_to_repair(text: str) -> None:
    result = analyze(text, now=NOW)
    assert (result.intent, result.service_type) == ("new_request", None)


@pytest.mark.parametrize(("text", "urgency"), [
    ("la cour est inondée depuis la pluie de cette nuit", "urgent"),
    ("water don full the parlour, e dey enter everywhere", "urgent"),
    ("y a une flaque d'eau qui s'agrandit sous le placard de la cuisine", "normal"),
    ("wata no dey comot for house since morning", "normal"),
])
def test_water_with_no_trade_word_is_the_plumbers(text: str, urgency: str) -> None:
    result = analyze(text, now=NOW)
    assert (result.intent, result.service_type, result.urgency) == ("new_request", "plumbing", urgency)


@pytest.mark.parametrize(("text", "place"), [
    ("Bonamoussadi, rue des Palmiers, ma prise fait des étincelles", "Bonamoussadi"),
    ("Je suis à Bonamoussadi Village, le robinet de la douche fuit", "Bonamoussadi"),
    ("Makepe, près de la pharmacie du carrefour, le frigo ne refroidit plus", "Makepe"),
    ("I live in Kotto, behind the market, the ceiling light is dead", "Kotto"),
])
def test_a_street_or_landmark_never_overrides_the_quartier(text: str, place: str) -> None:
    result = analyze(text, now=NOW)
    assert (result.intent, result.location) == ("new_request", place)


@pytest.mark.parametrize("text", [
    "aidez moi vite svp",
    "help! come quickly",
    "au secours, venez vite",
    "SOS qqn vite",
])
def test_emergencies_without_a_trade_word_are_urgent_requests(text: str) -> None:
    result = analyze(text, now=NOW)
    assert (result.intent, result.urgency) == ("new_request", "urgent")


def test_an_electrical_accident_is_an_urgent_electrical_request() -> None:
    result = analyze("accident électrique à la maison, venez vite", now=NOW)
    assert (result.intent, result.service_type, result.urgency) == ("new_request", "electrical", "urgent")


@pytest.mark.parametrize("text", [
    "le technicien a très bien travaillé, merci",
    "merci beaucoup, le menuisier a fait du beau boulot",
    "the electrician did a great job, thanks",
    "tank you, di plumber sabi him work",
    "bravo au peintre, c'est magnifique",
])
def test_thanks_and_praise_after_a_job_are_small_talk(text: str) -> None:
    assert analyze(text, now=NOW).intent == "smalltalk"


@pytest.mark.parametrize(("text", "follow_up"), [
    ("là c'est devenu vraiment urgent", "urgency"),
    ("ça coule de plus en plus", "urgency"),
    ("au fond du couloir, à côté de la machine", "detail"),
    ("yes yes, I confirm", "confirm"),
    ("c'est beaucoup trop cher pour moi", "price_objection"),
    ("envoyez-moi quelqu'un tout de suite svp", "send_now"),
    ("ça coûte combien la visite ?", "price_question"),
])
def test_follow_ups_say_what_they_add_to_an_open_request(text: str, follow_up: str) -> None:
    assert analyze(text, now=NOW).follow_up == follow_up


@pytest.mark.parametrize(("text", "hour"), [
    ("Ma porte est cassée à Deido, venez samedi entre 9h et 12h", 9),
    ("Fix my AC in Akwa on Friday, 2-4pm", 14),
    ("peinture à Kotto, dispo jeudi de 14h à 17h", 14),
])
def test_a_time_window_books_its_start(text: str, hour: int) -> None:
    result = analyze(text, now=NOW)
    assert result.urgency == "scheduled" and result.when is not None
    assert result.when.astimezone(UTC).hour + 1 == hour  # Douala is UTC+1


@pytest.mark.parametrize(("text", "service", "place"), [
    ("Bonsoir, désolé pour le long message, mon mari est en voyage et depuis trois jours la machine à laver ne "
     "vidange plus, l'eau reste dedans et ça commence à sentir, on habite Logpom derrière l'école", "appliance_repair",
     "Logpom"),
    ("gars ma clim a ndem depuis hier, chaleur ci est trop, je suis à Bonapriso", "air_conditioning", "Bonapriso"),
    ("bjr g 1 fuite ds la douche, jsui a Ndokoti", "plumbing", "Ndokoti"),
])
def test_long_rambling_camfranglais_and_sms_messages(text: str, service: str, place: str) -> None:
    result = analyze(text, now=NOW)
    assert (result.intent, result.service_type, result.location) == ("new_request", service, place)
