"""Normalisation of SMS French, Pidgin and stretched spellings."""

import pytest

from core.nlu.normalize import normalize, tokens


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Bjr svp g 1 pb", "bonjour s il vous plait j ai 1 probleme"),
        ("ÉLECTRICITÉ à Makepé", "electricite a makepe"),
        ("viiiite svppp", "vite s il vous plait"),
        ("jveux un plombier pr dem1", "je veux un plombier pour demain"),
        ("qd tu viens? chui ds la maison", "quand tu viens je suis dans la maison"),
        ("c bon", "c est bon"),
        ("c'est bon", "c est bon"),
        ("ya 1 fuite tjrs", "il y a 1 fuite toujours"),
        ("le robinet coule-coule", "le robinet coule coule"),
        ("I dont need am", "i don t need am"),
        ("watin dey happen", "wetin dey happen"),
    ],
)
def test_normalize(written: str, expected: str) -> None:
    assert normalize(written) == expected


def test_clock_times_and_scores_survive() -> None:
    assert tokens("à 15:30") == ["a", "15h30"]
    assert tokens("vers 10H") == ["vers", "10h"]
    assert tokens("4/5") == ["4", "sur", "5"]


def test_mn_is_minutes_after_a_number_and_now_otherwise() -> None:
    assert tokens("dans 10mn") == ["dans", "10", "minutes"]
    assert tokens("viens mn") == ["viens", "maintenant"]


def test_empty_message() -> None:
    assert tokens("") == []
    assert tokens("  ?!  ") == []
