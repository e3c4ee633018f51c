"""How providers' plain words are read: FR, EN, Pidgin, references and prices."""

import pytest

from core.matching import phrases
from core.matching.phrases import read


@pytest.mark.parametrize(("body", "intent"), [
    ("OUI", "accept"), ("oui", "accept"), ("ok je prends", "accept"), ("yes I fit come", "accept"),
    ("I go come", "accept"), ("no wahala", "accept"), ("NON", "decline"), ("je suis occupé", "decline"),
    ("I no fit", "decline"), ("pas dispo aujourd'hui", "decline"), ("en route", "start"),
    ("je suis arrivé", "start"), ("j'ai commencé", "start"), ("I don reach", "start"), ("fini", "complete"),
    ("FIN 15000", "complete"), ("travail terminé, c'est 12000", "complete"), ("I don finish, 15k", "complete"),
    ("dispo", "available"), ("pause", "pause"), ("aide", "help"), ("help", "help"),
    ("je ne peux plus venir", "withdraw"), ("15000", "price"), ("bonjour", "unknown"),
])
def test_intents(body, intent):
    assert read(body).intent == intent


@pytest.mark.parametrize(("body", "price"), [
    ("FIN 15000", 15000), ("fin 15 000", 15000), ("fin 15.000", 15000), ("done 15k", 15000),
    ("fini 15 mille", 15000), ("fini 12000f", 12000), ("c'est fini 25 000 FCFA", 25000),
])
def test_prices(body, price):
    assert read(body).price == price


@pytest.mark.parametrize("body", ["FIN 10", "FIN 90000000", "fini 0"])
def test_absurd_prices_are_not_taken(body):
    said = read(body)
    assert said.price is None and said.price_given


def test_stages_and_references():
    assert read("en route").stage == "on_the_way"
    assert read("I don reach").stage == "arrived"
    assert read("j'ai commencé").stage == "started"
    said = read("oui djb-7k3q")
    assert said.reference == "DJB-7K3Q" and said.intent == "accept" and said.price is None


def test_an_offer_buttons_payload_names_the_offer_and_the_answer():
    assert phrases.button_payload("DJB-7K3Q", "accept") == "offer:DJB-7K3Q:accept"
    assert phrases.read_payload("offer:DJB-7K3Q:decline") == phrases.Said("decline", "DJB-7K3Q")
    for other in ("", "OUI", "offer:DJB-7K3Q:maybe", "offer:XYZ-7K3Q:accept", "offer:DJB-7K3Q:accept:x"):
        assert phrases.read_payload(other) is None
    assert phrases.reference_in("🔧 Nouvelle demande djb 7k3q : Plomberie") == "DJB-7K3Q"
