"""The learned layer: sound keys, phonetic places, the committed model and its combination with the rules."""

import importlib.util
from datetime import UTC, datetime
from pathlib import Path

import pytest

from core.nlu import analyze, blend, model
from core.nlu.blend import Policy, RulesReading, decide
from core.nlu.engine import read_words
from core.nlu.phonetic import sound

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)  # a Tuesday


def _train_script():  # bench/ is a folder of scripts: load the trainer from its file
    spec = importlib.util.spec_from_file_location("train_nlu", ROOT / "bench" / "train_nlu.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("written", "said"),
    [("palmiers", "palmié"), ("carrefour", "carfour"), ("village", "vilaj"), ("bilongue", "bilong"),
     ("maison", "mézon"), ("peindre", "pindr"), ("samedi", "samdi"), ("courant", "kouran"), ("bois", "bwa"),
     ("combien", "combi1"), ("menuisier", "menuizié"), ("nettoyer", "nétoyé")],
)
def test_spellings_that_sound_alike_share_a_key(written: str, said: str) -> None:
    from core.catalog.text import fold

    assert sound(fold(written)) == sound(fold(said))


@pytest.mark.parametrize(("a", "b"), [("maison", "macon"), ("porte", "portail"), ("akwa", "kotto"), ("lit", "lot")])
def test_different_words_keep_different_keys(a: str, b: str) -> None:
    assert sound(a) != sound(b)


@pytest.mark.parametrize(
    ("text", "place"),
    [("le kouran a sauté, cité palmié", "Cité des Palmiers"), ("la lumiere clignote, bilong", "Bilongue"),
     ("1 masson pr fer 1 dal, carfour vilaj", "Village"), ("fuite sous l evier a bonamousadi", "Bonamoussadi"),
     ("frigo gate, ndokotti", "Ndokoti")],
)
def test_phonetic_spellings_of_places_are_found(text: str, place: str) -> None:
    assert analyze(text, now=NOW).location == place


@pytest.mark.parametrize(
    "text",
    ["je veux une table en bois pour la cuisine", "mon frere est au village, il revient samedi",
     "la porte de la chambre ne ferme plus", "il faut repeindre le salon en blanc"],
)
def test_common_words_are_not_read_as_places(text: str) -> None:
    assert analyze(text, now=NOW).location is None


@pytest.mark.parametrize(
    ("text", "urgency"),
    [("jve 1 peintre la sm pro, akwa", "scheduled"), ("menuizié samdi svp, kotto", "scheduled"),
     ("plombier dimanch matin, deido", "scheduled"), ("fuite au plafon, vnez vit, akwa", "urgent")],
)
def test_sms_time_words_are_read(text: str, urgency: str) -> None:
    assert analyze(text, now=NOW).urgency == urgency


def test_the_committed_model_loads_and_knows_every_label() -> None:
    learned = model.load()
    assert learned is not None
    assert {"new_request", "other", "status_check", "cancel", "info", "complaint", "smalltalk"} <= set(
        learned.intent.labels)
    assert {"plumbing", "electrical", "painting", "cleaning", "masonry", "carpentry"} <= set(learned.service.labels)
    assert (ROOT / "core" / "nlu" / model.MODEL_FILE).stat().st_size < 2_000_000


def test_model_reading_is_deterministic_and_a_distribution() -> None:
    learned = model.load()
    assert learned is not None
    words = read_words("jvé 1 plonbié pr la douch ki fui, makepe")
    feats = model.features(words.toks, words.place.positions)
    assert feats == model.features(list(words.toks), set(words.place.positions))
    probs = learned.intent.probabilities(feats)
    assert abs(sum(probs.values()) - 1.0) < 1e-9
    assert learned.intent.probabilities(feats) == probs


# Fresh phonetic spellings (none is in a labelled file): the rules alone miss the job or its trade.
FRESH = [
    ("jve kelk1 pr nétoyé ma mézon sam, bonamousadi", "new_request", "cleaning"),
    ("mn frigidr fé pa fré, bonapriso", "new_request", "appliance_repair"),
    ("ma machin a lavé tourn pa, bepanda", "new_request", "appliance_repair"),
]
# Fresh spellings the rules now read by ear (trade words respelled by their sound key).
HEARD = [
    ("la douch kou1 partou, jve 1 plonbié, makepe", "plumbing"),
    ("fo repindr lé mur d mon salon, logpom", "painting"),
    ("jve 1 menuzié pr 1 armwar, deido", "carpentry"),
    ("mon kongelateur fé pu d glass dpui 3j, bonaberi", "appliance_repair"),
    ("1 kle ds la serur, jpeu pa rantré, akwa", "locksmith"),
]


@pytest.mark.parametrize(("text", "service"), HEARD)
def test_trade_words_are_heard_through_sms_spelling(text: str, service: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "load", lambda: None)
    found = analyze(text, now=NOW)
    assert (found.intent, found.service_type) == ("new_request", service)


@pytest.mark.parametrize(("text", "intent", "service"), FRESH)
def test_model_decides_where_the_rules_are_unsure(text: str, intent: str, service: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    combined = analyze(text, now=NOW)
    assert (combined.intent, combined.service_type) == (intent, service)
    monkeypatch.setattr(model, "load", lambda: None)
    alone = analyze(text, now=NOW)
    assert (alone.intent, alone.service_type) != (intent, service)  # the rules alone miss it


def test_confident_rules_are_kept_and_bare_answers_stay_answers() -> None:
    rules = RulesReading("status_check", 0.9, None, 0.0)
    assert decide(rules, lambda: ("cancel", 0.99), lambda: ("plumbing", 0.99)).intent == "status_check"
    answer = RulesReading("other", 0.9, None, 0.0, answered=True)
    assert decide(answer, lambda: ("new_request", 0.99), lambda: ("plumbing", 0.99)).intent == "other"
    unsure = RulesReading("other", 0.3, None, 0.0)
    d = decide(unsure, lambda: ("new_request", 0.9), lambda: ("painting", 0.8), Policy(adopt_other=0.6))
    assert (d.intent, d.service, d.by_model) == ("new_request", "painting", True)
    assert 0.5 <= d.confidence <= 0.8
    assert analyze("Akwa", now=NOW, context={"last_question": "location"}).intent == "other"


def test_a_settled_reading_or_a_request_with_no_trade_to_read_is_not_second_guessed() -> None:
    follow_up = RulesReading("other", 0.8, None, 0.0, answered=True)
    assert decide(follow_up, lambda: ("complaint", 0.99), lambda: ("plumbing", 0.99)).intent == "other"
    bare = RulesReading("new_request", 0.3, None, 0.0, guess_trade=False)
    assert decide(bare, lambda: ("new_request", 0.99), lambda: ("plumbing", 0.99)).service is None
    assert analyze("can someone come right now?", now=NOW).service_type is None


def test_without_the_model_file_the_rules_work_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "load", lambda: None)
    d = blend.blend(RulesReading("other", 0.2, None, 0.0), lambda: [])
    assert (d.intent, d.service, d.by_model) == ("other", None, False)
    assert analyze("mon frigo est gâté à Akwa", now=NOW).service_type == "appliance_repair"


def test_training_reproduces_the_committed_model() -> None:
    trainer = _train_script()
    assert trainer.main(["--check"]) == 0
