"""SMS and Pidgin spellings, the sound-alike fallback, and the intent families they open, in several styles."""

from datetime import UTC, datetime

import pytest

from core.nlu import analyze
from core.nlu.engine import respeller
from core.nlu.normalize import normalize
from core.nlu.spelling import Respeller, sound_key

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)  # a Tuesday, 10:00 in Douala


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("dm1 aprem", "demain aprem"),
        ("2m1 matin", "demain matin"),
        ("mrc, bne nuit", "merci bonne nuit"),
        ("bn nuit", "bonne nuit"),
        ("c bn", "c est bien"),
        ("plu besoin", "plus besoin"),
        ("jveu 1 maçon la sem pro", "je veux 1 macon la semaine prochaine"),
        ("kelk1 pe venir?", "quelqu un pe venir"),
        ("a+", "a plus"),
        ("pk tu viens pas", "pourquoi tu viens pas"),
        ("PK 12", "pk 12"),  # a quartier, not "pourquoi"
        ("sa fait 2h", "ca fait 2h"),
        ("il a pris sa caisse", "il a pris sa caisse"),  # the possessive stays
        ("ma clim", "ma clim"),
        ("ma plumber dey come?", "my plumber dey come"),
        ("dat man collect ma money", "that man collect my money"),
        ("le plombier é où", "le plombier est ou"),
        ("dispo sam?", "disponible samedi"),
    ],
)
def test_sms_and_pidgin_shorthand(written: str, expected: str) -> None:
    assert normalize(written) == expected


def test_sound_keys_merge_spellings_of_one_sound() -> None:
    assert sound_key("ariv") == sound_key("arrive")
    assert sound_key("bloke") == sound_key("bloque")
    assert sound_key("dehor") == sound_key("dehors")
    assert sound_key("vien") == sound_key("vient")
    assert sound_key("porte") != sound_key("portable")


def test_unknown_shortened_words_become_the_known_word_they_sound_like() -> None:
    speller = Respeller(["arrive", "dehors", "plafond", "vient"], protected=["bonaberi"])
    assert speller.respell(["il", "ariv", "kan"]) == ["il", "arrive", "kan"]
    assert speller.respell(["dehor", "plafon", "vien"]) == ["dehors", "plafond", "vient"]
    # Longer than the known word (an inflection of its own), protected, or kept by position: unchanged.
    assert speller.respell(["arriver", "bonaberi", "dehor"], skip=[2]) == ["arriver", "bonaberi", "dehor"]


@pytest.mark.parametrize("word", ["machin", "porte", "market", "chambres", "entrer", "showed", "joint", "plaint"])
def test_real_words_are_not_respelled(word: str) -> None:
    assert respeller().lookup(word) == word


@pytest.mark.parametrize(
    "text",
    [
        "bne soirée à tous",
        "thank u, una try well well",
        "Merci infiniment, vous êtes au top",
        "Bonsoir la team, j'espère que tout roule de votre côté",
        "Hope all of una dey fine",
        "Good afternoon, trust you are keeping well",
        "bye bye",
        "ok a+",
        "Tank you plenty plenty",
    ],
)
def test_greetings_and_thanks_in_any_style_are_small_talk(text: str) -> None:
    assert analyze(text, now=NOW).intent == "smalltalk"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Bonjour, vous pouvez m'envoyer du crédit ?", "other"),  # asks for something off-topic
        ("Bonjour, Kotto", "other"),  # a place answered
    ],
)
def test_a_greeting_with_a_question_or_an_answer_is_no_small_talk(text: str, intent: str) -> None:
    assert analyze(text, now=NOW).intent == intent


@pytest.mark.parametrize(
    "text",
    ["c réglé mci, plu besoin", "laissez tomb svp, g trouvé qqn", "No more need, e don correct",
     "Scrap my booking for Friday", "ce n'est plus nécessaire, le voisin a réparé"],
)
def test_cancellations_in_sms_and_pidgin(text: str) -> None:
    assert analyze(text, now=NOW).intent == "cancel"


def test_a_negated_verb_before_besoin_is_no_cancellation() -> None:
    assert analyze("armoire ki ne ferme plu, besoin menuisier. Kotto", now=NOW).intent == "new_request"


@pytest.mark.parametrize(
    "text",
    ["l'électricien ariv kan?", "le menuisier vien a kel heure?", "wetin happen to my booking?",
     "the painter dey come or na lie?", "Le maçon is coming à quelle heure ?"],
)
def test_when_the_worker_comes_is_a_status_check(text: str) -> None:
    assert analyze(text, now=NOW).intent == "status_check"


@pytest.mark.parametrize(
    "text",
    ["Vos plombiers travaillent aussi le dimanche ?", "una dey work for night?", "You guys cover Logbessou too?",
     "c cmb pr poser 1 prise?", "Le menuisier vient avec son matériel ou je dois acheter le bois ?"],
)
def test_how_and_when_we_work_is_info(text: str) -> None:
    assert analyze(text, now=NOW).intent == "info"


@pytest.mark.parametrize(
    "text",
    ["Dat plumber collect ma money and the tap don start leak again",
     "J'ai payé 12 000 et deux jours après la panne est revenue",
     "Your electrician came three hours late and talked anyhow",
     "Le peintre m'a pris 40 000 alors qu'on avait convenu 25 000"],
)
def test_money_taken_or_bad_conduct_is_a_complaint(text: str) -> None:
    assert analyze(text, now=NOW).intent == "complaint"


def test_a_tradesperson_describing_themselves_wants_to_join_unless_a_place_follows() -> None:
    assert analyze("I be trained electrician, how I fit register?", now=NOW).intent == "join_as_provider"
    assert analyze("je suis à Akwa, plombier svp, ça fuit", now=NOW).intent == "new_request"


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        ("menuisier dm1 matin pr 1 lit, Bali", "scheduled"),
        ("jsui bloké dehor, clé perdue! Kotto", "urgent"),
        ("Cleaning today today, guests dey come tonight. Akwa", "urgent"),
        ("My shower drained slowly for a week and now it's fully blocked, Bonapriso", "normal"),
        ("Ma cooker, two burners no di light. Deido", "normal"),
        ("On veut repeindre le portail avant les fêtes, Makepe", "scheduled"),
    ],
)
def test_urgency_from_sms_times_and_danger(text: str, urgency: str) -> None:
    result = analyze(text, now=NOW)
    assert result.intent == "new_request"
    assert result.urgency == urgency


def test_trouble_at_a_place_without_a_trade_word_is_a_job() -> None:
    assert analyze("le câble dehors est en train de fumer!! Ndokoti", now=NOW).intent == "new_request"


def test_the_trade_asked_for_names_the_job() -> None:
    result = analyze("Need a mason to raise a wall beside the septic tank, Bepanda", now=NOW)
    assert result.service_type == "masonry"


def test_side_after_a_quartier_is_english() -> None:
    assert analyze("Bonamoussadi side", now=NOW).language == "en"
