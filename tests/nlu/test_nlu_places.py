"""Where the job is: aliases, sub-areas, landmarks, typos, towns outside Douala, corrections."""

import pytest

from core.nlu import analyze


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fuite d'eau à Bonamoussadi", "Bonamoussadi"),
        ("fuite d'eau à BONAMOUSSADI", "Bonamoussadi"),
        ("plombier à cite des palmiers", "Cité des Palmiers"),
        ("plumber for newbell", "New Bell"),
        ("je suis à Ange Raphael", "Ange Raphaël"),
        ("clim gâtée à makepé", "Makepe"),
        ("I dey near Carrefour Eto'o", "Bonamoussadi"),
        ("je suis vers Denver", "Bonamoussadi"),
        ("frigo gâté à Missoké", "Makepe"),
        ("près du rond-point Deido", "Deido"),
        ("au carrefour Ndokoti", "Ndokoti"),
        ("vers Total Bonabéri", "Bonaberi"),
        ("à Sodiko", "Bonaberi"),
        ("derrière le Stade de la Réunification", "Bepanda"),
        ("à PK14", "PK14"),
        ("à pk 10", "PK10"),
        ("Carrefour Village", "Village"),
        ("je suis à Village", "Village"),
    ],
)
def test_aliases_subareas_and_landmarks(text: str, expected: str) -> None:
    assert analyze(text).location == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("électricien à bonamousadi", "Bonamoussadi"),
        ("frigo en panne logbesou", "Logbessou"),
        ("robinet à ndokotti", "Ndokoti"),
        ("wc bouché à bonaberie", "Bonaberi"),
        ("peintre à bependa", "Bepanda"),
        ("fuite à bonaprisso", "Bonapriso"),
    ],
)
def test_typos_are_forgiven(text: str, expected: str) -> None:
    assert analyze(text).location == expected


@pytest.mark.parametrize(
    "text",
    [
        "la machine fait beaucoup de bruit",
        "je suis au village pour les vacances",
        "mon village est loin",
        "merci beaucoup bonne soirée",
        "c'est quand le prochain match ?",
        "le lundi la lumière coupe",
        "I'm going to buy a generator",
        "Massa the plumber never come",
    ],
)
def test_common_words_are_not_places(text: str) -> None:
    assert analyze(text).location is None


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("je cherche un peintre à Yaoundé", "Yaoundé"),
        ("I need plumber for Buea", "Buea"),
        ("Vous êtes à Bafoussam ?", "Bafoussam"),
        ("électricien à yaounde demain", "Yaoundé"),
        ("clim à Kribi", "Kribi"),
    ],
)
def test_towns_outside_douala(text: str, town: str) -> None:
    result = analyze(text)
    assert result.location is None
    assert result.outside_area == town


def test_a_quartier_beats_a_town_elsewhere() -> None:
    result = analyze("je suis à Yaoundé mais la maison est à Makepe, le robinet fuit")
    assert (result.location, result.outside_area) == ("Makepe", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pardon c'est à Kotto pas Makepe", "Kotto"),
        ("pas Makepe, Kotto", "Kotto"),
        ("non plutôt Akwa", "Akwa"),
        ("I mean Deido", "Deido"),
        ("sorry, Logpom not Kotto", "Logpom"),
        ("je me suis trompé, c'est Bonapriso", "Bonapriso"),
    ],
)
def test_corrections(text: str, expected: str) -> None:
    result = analyze(text)
    assert result.location == expected
    assert result.is_correction
    assert result.intent == "other"


def test_a_negated_verb_does_not_take_the_place_back() -> None:
    result = analyze("la clim ne marche pas, Akwa")
    assert result.location == "Akwa"
    assert not result.is_correction


def test_last_place_named_wins() -> None:
    assert analyze("j'habite à Bépanda mais c'est pour ma mère à Nyalla").location == "Nyalla"


def test_a_rough_short_answer_is_read_as_a_place_when_we_asked_for_one() -> None:
    assert analyze("akwaa").location is None
    assert analyze("akwaa", context={"last_question": "location"}).location == "Akwa"
    assert analyze("bali", context={"last_question": "location"}).location == "Bali"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Je suis à Bonamoussadi, rue Cité des Palmiers, le robinet coule", "Bonamoussadi"),
        ("Kotto, avenue de Makepe, mon frigo ne refroidit plus", "Kotto"),
        ("my socket spark, Deido, Bali street", "Deido"),
        ("bonamoussadi village, une prise a brûlé", "Bonamoussadi"),
        ("Je vis à Logpom village, la porte du salon est cassée", "Logpom"),
        ("fuite d'eau, Bepanda, en face de l'école Makepe", "Bepanda"),
        ("rue Gallieni, mon climatiseur coule", "Akwa"),
        ("près du carrefour Ndokoti, peinture du salon", "Ndokoti"),
    ],
)
def test_streets_and_landmarks_never_override_the_quartier(text: str, place: str) -> None:
    assert analyze(text).location == place
