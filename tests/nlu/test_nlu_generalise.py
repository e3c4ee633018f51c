"""Families generalised from a second independent set: each family in several styles, and the cases it must spare."""

from datetime import UTC, datetime

import pytest

from core.nlu import analyze

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)  # a Tuesday, 10:00 in Douala


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("ok d'accord", "smalltalk"),
        ("okay, noted", "smalltalk"),
        ("c'est noté, merci", "smalltalk"),
        ("good morning o, how una dey", "smalltalk"),
        ("tank you o", "smalltalk"),
        ("ok", "other"),  # a lone acknowledgement may answer whatever was just asked
        ("d'accord", "other"),
        ("d'accord, c'est à Bonapriso", "other"),
    ],
)
def test_acknowledgements_close_the_exchange_only_when_more_than_a_bare_yes(text: str, intent: str) -> None:
    assert analyze(text, now=NOW).intent == intent


@pytest.mark.parametrize(
    "text",
    [
        "J'ai versé 20 000 au technicien et la pompe fait encore le même bruit",
        "we pay una man 10k but the tap still dey leak",
        "I have paid the invoice and the socket is sparking again",
        "Le chauffe-eau que votre plombier a installé fuit toujours",
        "Since your last visit the fridge dey make noise pass before",
        "Le menuisier m'a demandé le double du prix convenu",
        "La peinture d'hier c'est du n'importe quoi, ça coule partout",
        "the cleaner una send no do good work, dust still dey",
    ],
)
def test_money_paid_or_work_done_then_trouble_is_a_complaint(text: str) -> None:
    assert analyze(text, now=NOW).intent == "complaint"


@pytest.mark.parametrize(
    "text",
    [
        "J'ai payé mon loyer hier et maintenant le robinet fuit encore, Bali",
        "Abeg una send carpenter sharp sharp, my door don break for Deido",
        "La porte que mon voisin a posée ne ferme plus, Akwa",
    ],
)
def test_money_or_a_third_party_alone_is_no_complaint(text: str) -> None:
    assert analyze(text, now=NOW).intent == "new_request"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Quand est-ce que le menuisier vient ?", "status_check"),
        ("donnez-moi le numéro de l'électricien qui doit passer", "status_check"),
        ("abeg, wetin be the plumber's number?", "status_check"),
        ("ça dit quoi avec ma demande ?", "status_check"),
        ("laissez tomber, ça s'est réglé tout seul. Vous pouvez fermer la demande", "cancel"),
        ("never mind, the water came back on its own", "cancel"),
        ("stoppez ma commande svp", "cancel"),
        ("Ne dérangez plus l'électricien, c'est déjà réglé", "cancel"),
        ("Vous êtes aussi à Bafoussam ?", "info"),
        ("Are una also for Kribi or na only Douala?", "info"),
        ("La visite est payante ?", "info"),
        ("I sabi do tiles and plaster, una need mason?", "join_as_provider"),
        ("Soudeur disponible pour vos chantiers, contactez-moi", "join_as_provider"),
    ],
)
def test_status_cancel_info_and_offers_without_their_usual_words(text: str, intent: str) -> None:
    assert analyze(text, now=NOW).intent == intent


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("I want make dem make me new cupboard for kitchen, Kotto", "carpentry"),
        ("On veut changer la couleur des chambres, Logpom", "painting"),
        ("the dishwasher no dey drain, water full inside, Akwa", "appliance_repair"),
        ("Entretien de mes deux splits, ils sont pleins de poussière, Bonapriso", "air_conditioning"),
        ("Je veux faire construire une fosse septique, Japoma", "masonry"),
        ("la fosse septique est pleine et déborde, Japoma", "plumbing"),
        ("Le plâtre du plafond tombe dans le salon, Deido", "masonry"),
        ("Fuite sous l'évier, carrefour Village", "plumbing"),
    ],
)
def test_service_families(text: str, service: str) -> None:
    result = analyze(text, now=NOW)
    assert (result.intent, result.service_type) == ("new_request", service)


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        ("mon courant a jump ce matin, Akwa", "normal"),
        ("the AC stopped working this morning, Kotto", "normal"),
        ("Le frigo ne refroidit plus depuis hier soir, Bali", "normal"),
        ("le lavabo est bouché, passez ce matin svp, Bali", "urgent"),
        ("Pose de carrelage à partir du 20, Japoma", "scheduled"),
        ("We need a painter from the 12th, Bonaberi", "scheduled"),
        ("plombier ce soir à Kotto", "scheduled"),
        ("urgent, plus de courant et j'ai un mariage ce soir, Makepe", "urgent"),
        ("ma cuisinière a 4 feux, seul 1 feu marche, Akwa", "normal"),
        ("la cuisinière a pris feu, Akwa", "urgent"),
        ("le cadenas est coincé, on ne peut pas ouvrir le magasin, PK10", "urgent"),
    ],
)
def test_urgency_families(text: str, urgency: str) -> None:
    assert analyze(text, now=NOW).urgency == urgency


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("fuite au compteur, carrefour village", "Village"),
        ("ma serrure est bloquée, village, urgent", "Village"),
        ("je suis au village pour le week-end, mon frigo est gâté", None),
    ],
)
def test_village_as_a_quartier_or_a_home_village(text: str, location: str | None) -> None:
    assert analyze(text, now=NOW).location == location
