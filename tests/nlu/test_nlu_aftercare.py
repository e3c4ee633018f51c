"""After the request: complaints asked as questions, complaints about a visit, status asked in passing, praise,
impatience, SMS "mn" / "sa"; each in sentences that are in no data file (French, English, Pidgin, SMS)."""

from datetime import UTC, datetime

import pytest

from core.nlu import analyze
from core.nlu.normalize import normalize

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)  # a Tuesday, 10:00 in Douala


@pytest.mark.parametrize("text", [
    "pourquoi personne ne m'a contacté depuis avant-hier ?",
    "c'est comme ça que vous gérez vos clients ?",
    "vous trouvez ça normal de faire attendre les gens toute la journée ?",
    "why una never call me since morning?",
    "is this how you treat people who pay?",
    "na so una dey do una customers?",
    "pk vous ne répondez jamais ??",
])
def test_complaints_asked_as_questions(text: str) -> None:
    assert analyze(text, now=NOW).intent == "complaint"


@pytest.mark.parametrize("text", [
    "le menuisier est venu, il a rien fait et il a encaissé 10 000",
    "il est reparti avec mon chargeur, je veux qu'on me le rende",
    "the painter left without doing anything and he collect my money",
    "votre gars a laissé des fils partout et il est parti",
])
def test_complaints_about_a_visit(text: str) -> None:
    assert analyze(text, now=NOW).intent == "complaint"


@pytest.mark.parametrize("text", [
    "bonjour, et mon électricien alors ?",
    "salut, des nouvelles du plombier ?",
    "and my carpenter then?",
    "kel nouvel pr mn peintre",
    "what time is the electrician coming?",
])
def test_status_asked_in_passing(text: str) -> None:
    assert analyze(text, now=NOW).intent == "status_check"


@pytest.mark.parametrize("text", [
    "bravo à votre serrurier, rapide et poli",
    "le maçon est un vrai pro, merci",
    "una try well, the fridge dey cool now",
    "rien à dire, le peintre a tout bien fait",
])
def test_thanks_and_praise(text: str) -> None:
    assert analyze(text, now=NOW).intent == "smalltalk"


@pytest.mark.parametrize("text", [
    "dépêchez-vous svp ça ne peut plus attendre",
    "ça fait 3h que j'attends, faut faire vite",
    "abeg hurry, e don tire me",
])
def test_impatience_is_urgency_for_the_open_request(text: str) -> None:
    analysis = analyze(text, now=NOW)
    assert analysis.urgency == "urgent"
    assert analysis.intent != "new_request" or analysis.service_type is None


@pytest.mark.parametrize(("text", "expected"), [
    ("mn frigo ne marche plus", "mon frigo ne marche plus"),
    ("mn climatiseur fait du bruit", "mon climatiseur fait du bruit"),
    ("venez mn svp", "venez maintenant s il vous plait"),
    ("j arrive dans 10 mn", "j arrive dans 10 minutes"),
    ("sa fait 2 jours", "ca fait 2 jours"),
])
def test_sms_mn_and_sa(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_sms_mon_is_no_urgency() -> None:
    analysis = analyze("mn robinet goutte, Logpom", now=NOW)
    assert (analysis.intent, analysis.service_type, analysis.location, analysis.urgency) == (
        "new_request", "plumbing", "Logpom", "normal")


@pytest.mark.parametrize("text", [
    "à droite en sortant de la cuisine",
    "the one in the kids room",
])
def test_where_in_the_home_is_a_detail(text: str) -> None:
    assert analyze(text, now=NOW).follow_up == "detail"
