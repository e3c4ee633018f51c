"""The one text catalogue: every key in French and English, no page text outside it, Babel for numbers and plurals."""

from datetime import UTC, datetime

import pytest

from core.money import format_xaf
from core.texts import formats
from core.texts.catalogue import TABLES, page_text, problems, word
from core.texts.errors import UserError
from core.texts.pages import PAGES_EN
from tests.texts.scan import offenders, page_keys


def test_every_key_has_french_and_english_with_the_same_placeholders():
    assert problems() == []


def test_a_missing_or_empty_translation_is_found(monkeypatch):
    monkeypatch.setitem(TABLES["code"], "status.test_only", {"fr": "à l'essai", "en": " "})
    monkeypatch.setitem(TABLES["provider"], "test_only", {"fr": "Bonjour {name}"})
    monkeypatch.setitem(TABLES["bot"], "test_only", {"fr": ["Salut {name}"], "en": ["Hi"]})
    found = problems()
    assert "code:status.test_only: no en text" in found
    assert "provider:test_only: no en text" in found
    assert "bot:test_only: en lacks one of ['name']" in found


def test_no_user_facing_literal_outside_the_catalogue():
    assert offenders() == []


def test_every_page_text_asked_for_is_in_the_catalogue():
    missing = [f"{path}:{line}: {text!r}" for path, line, text in page_keys() if text not in PAGES_EN]
    assert missing == []


def test_the_scan_sees_a_bare_literal(tmp_path, monkeypatch):
    import tests.texts.scan as scan

    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "bad.py").write_text('from nicegui import ui\nui.label("Bonjour tout le monde")\n'
                                            'ui.button(t("Valider"))\nui.notify(f"{n} demandes trouvées")\n')
    monkeypatch.setattr(scan, "ROOT", tmp_path)
    assert [o.split(": ", 1)[1] for o in scan.offenders()] == ["'Bonjour tout le monde'", "' demandes trouvées'"]


@pytest.mark.parametrize(("key", "n", "lang", "expected"), [
    ("jobs", 1, "fr", "1 travail"), ("jobs", 2, "fr", "2 travaux"), ("jobs", 1, "en", "1 job"),
    ("jobs", 2, "en", "2 jobs"), ("requests", 1500, "fr", "1\u202f500 demandes"),
    ("requests", 1500, "en", "1,500 requests")])
def test_plurals_and_numbers_follow_the_language(key, n, lang, expected):
    assert formats.plural(key, n, lang) == expected


def test_money_is_whole_fcfa_written_the_douala_way():
    assert format_xaf(15000) == "15\u202f000 FCFA"
    assert formats.money(-2500) == "-2\u202f500 FCFA"
    with pytest.raises(TypeError):
        formats.money(12.5)  # type: ignore[arg-type]


def test_dates_are_douala_time_in_the_language():
    at = datetime(2026, 12, 3, 21, 30, tzinfo=UTC)  # 22:30 in Douala
    assert formats.moment(at, "fr") == "3 déc. 2026 22:30"
    assert formats.moment(at, "en") == "3 Dec 2026 22:30"


def test_codes_are_said_in_words():
    assert word("operator.CM_MTNMOBILEMONEY", "fr") == "MTN Mobile Money"
    assert word("status.pending", "en") == "waiting"
    assert word("payment.success", "fr") == "payé"
    assert page_text("Demandes", "en") == "Requests"


def test_a_refusal_keeps_its_developer_text_and_carries_its_key():
    error = UserError("error.between", "commission_percent must be between 0 and 50", field="commission_percent",
                      low="0", high="50")
    assert str(error) == "commission_percent must be between 0 and 50"
    shown = word(error.key, "fr", field="Commission (%)", **error.values)
    assert shown == "« Commission (%) » doit être entre 0 et 50."
