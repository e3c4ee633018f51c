"""The service catalogue and the Douala gazetteer load, and lookups work by alias, sub-area and position."""

import pytest

from core.catalog import (
    OUTSIDE_DOUALA,
    fold,
    haversine_km,
    nearest_quartier,
    outside_names,
    quartier,
    quartiers,
    service,
    service_codes,
    services,
)

REQUIRED = [
    "Akwa", "Bonanjo", "Bonapriso", "Deido", "Bali", "New Bell", "Bonamoussadi", "Makepe", "Kotto", "Logpom",
    "Logbessou", "Bepanda", "Ndokoti", "Bonaberi", "Cité des Palmiers", "Ndogbong", "Nyalla", "Yassa", "Village",
    "Ange Raphaël", "Bonadibong", "Mboppi", "Ndogpassi", "Logbaba", "Japoma", "Bassa", "Beedi",
]


def test_services_have_the_catalogue_codes_and_prices() -> None:
    assert service_codes() == (
        "plumbing", "electrical", "appliance_repair", "air_conditioning", "carpentry", "masonry", "painting",
        "cleaning", "locksmith",
    )
    plumbing = service("plumbing")
    assert plumbing is not None and (plumbing.price_min, plumbing.price_max) == (5000, 15000)
    assert (service("electrical").price_min, service("electrical").price_max) == (3000, 10000)  # type: ignore[union-attr]
    assert (service("appliance_repair").price_min, service("appliance_repair").price_max) == (2000, 8000)  # type: ignore[union-attr]
    for s in services():
        assert 0 < s.price_min < s.price_max
        assert s.name_fr and s.name_en and s.problems_fr and s.problems_en
    assert service("roofing") is None


def test_service_is_frozen() -> None:
    with pytest.raises(AttributeError):
        services()[0].price_min = 1  # type: ignore[misc]


def test_required_quartiers_are_spelled_exactly() -> None:
    names = {q.name for q in quartiers()}
    assert set(REQUIRED) <= names
    assert len(names) == len(quartiers())


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("akwa", "Akwa"),
        ("BONAMOUSSADI", "Bonamoussadi"),
        ("bonamousadi", "Bonamoussadi"),
        ("Makepé", "Makepe"),
        ("cite des palmiers", "Cité des Palmiers"),
        ("newbell", "New Bell"),
        ("ange raphael", "Ange Raphaël"),
        ("Denver", "Bonamoussadi"),
        ("Carrefour Eto'o", "Bonamoussadi"),
        ("Missoké", "Makepe"),
        ("Rond-point Deido", "Deido"),
        ("Carrefour Ndokoti", "Ndokoti"),
        ("Total Bonabéri", "Bonaberi"),
        ("Sodiko", "Bonaberi"),
        ("Marché Central", "Akwa"),
        ("Stade de la Réunification", "Bepanda"),
    ],
)
def test_quartier_lookup_by_name_alias_subarea_and_landmark(written: str, expected: str) -> None:
    found = quartier(written)
    assert found is not None and found.name == expected


def test_unknown_place_is_none() -> None:
    assert quartier("Yaoundé") is None
    assert quartier("cuisine") is None


def test_coordinates_are_in_douala() -> None:
    for q in quartiers():
        assert 3.9 < q.lat < 4.2 and 9.6 < q.lon < 9.9, q.name


def test_haversine() -> None:
    assert haversine_km(4.05, 9.7, 4.05, 9.7) == 0
    # One degree of latitude is about 111 km.
    assert haversine_km(4.0, 9.7, 5.0, 9.7) == pytest.approx(111.2, abs=0.5)
    assert haversine_km(4.05, 9.7, 4.1, 9.75) == pytest.approx(haversine_km(4.1, 9.75, 4.05, 9.7))


def test_nearest_quartier() -> None:
    for q in quartiers():
        assert nearest_quartier(q.lat, q.lon) == q
    akwa = quartier("Akwa")
    assert akwa is not None
    assert nearest_quartier(akwa.lat + 0.001, akwa.lon - 0.001).name == "Akwa"


def test_outside_douala_towns() -> None:
    for town in ("Yaoundé", "Bafoussam", "Buea", "Limbe", "Kribi", "Edéa", "Garoua", "Bamenda", "Maroua"):
        assert town in OUTSIDE_DOUALA
    assert outside_names()["yaounde"] == "Yaoundé"
    assert not set(outside_names()) & {fold(q.name) for q in quartiers()}
