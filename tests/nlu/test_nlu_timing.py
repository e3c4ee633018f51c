"""Resolution of "demain matin", "samedi", "dans 2 heures" and the like against a fixed now, in Douala time."""

from datetime import UTC, datetime

import pytest

from core.clock import DOUALA
from core.nlu import analyze
from core.nlu.normalize import tokens
from core.nlu.timing import resolve_time

# Wednesday 4 March 2026, 10:00 in Douala (UTC+1).
NOW = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
WINDOW_NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)  # a Tuesday, 10:00 in Douala


def when(text: str) -> datetime | None:
    return resolve_time(tokens(text), NOW).when


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("demain matin", datetime(2026, 3, 5, 7, 0, tzinfo=UTC)),
        ("demain", datetime(2026, 3, 5, 7, 0, tzinfo=UTC)),
        ("après-demain", datetime(2026, 3, 6, 7, 0, tzinfo=UTC)),
        ("ce soir", datetime(2026, 3, 4, 17, 0, tzinfo=UTC)),
        ("cet après-midi", datetime(2026, 3, 4, 13, 0, tzinfo=UTC)),
        ("le maçon peut passer cet après-midi chez nous", datetime(2026, 3, 4, 13, 0, tzinfo=UTC)),
        ("samedi", datetime(2026, 3, 7, 7, 0, tzinfo=UTC)),
        ("mercredi", datetime(2026, 3, 11, 7, 0, tzinfo=UTC)),
        ("lundi prochain", datetime(2026, 3, 9, 7, 0, tzinfo=UTC)),
        ("dans 2 heures", datetime(2026, 3, 4, 11, 0, tzinfo=UTC)),
        ("dans 2h", datetime(2026, 3, 4, 11, 0, tzinfo=UTC)),
        ("dans 3 jours", datetime(2026, 3, 7, 7, 0, tzinfo=UTC)),
        ("à 15h", datetime(2026, 3, 4, 14, 0, tzinfo=UTC)),
        ("à 15h30", datetime(2026, 3, 4, 14, 30, tzinfo=UTC)),
        ("à 8h", datetime(2026, 3, 5, 7, 0, tzinfo=UTC)),  # 8:00 has passed today: tomorrow
        ("demain à 10h", datetime(2026, 3, 5, 9, 0, tzinfo=UTC)),
        ("tomorrow morning", datetime(2026, 3, 5, 7, 0, tzinfo=UTC)),
        ("tonight", datetime(2026, 3, 4, 17, 0, tzinfo=UTC)),
        ("next week", datetime(2026, 3, 9, 7, 0, tzinfo=UTC)),
        ("la semaine prochaine", datetime(2026, 3, 9, 7, 0, tzinfo=UTC)),
        ("at 3pm", datetime(2026, 3, 4, 14, 0, tzinfo=UTC)),
        ("every Friday", datetime(2026, 3, 6, 7, 0, tzinfo=UTC)),
        ("this weekend", datetime(2026, 3, 7, 7, 0, tzinfo=UTC)),
        ("in 30 minutes", datetime(2026, 3, 4, 9, 30, tzinfo=UTC)),
        ("le 20", datetime(2026, 3, 20, 7, 0, tzinfo=UTC)),
        ("le 2 mars", datetime(2027, 3, 2, 7, 0, tzinfo=UTC)),
        ("en décembre", datetime(2026, 12, 1, 7, 0, tzinfo=UTC)),
    ],
)
def test_resolves_to_douala_time_as_utc(text: str, expected: datetime) -> None:
    assert when(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "depuis hier soir",
        "since Monday",
        "depuis ce matin",
        "good night",
        "bonne soirée",
        "ça fait 1h que j'attends",
        "il est venu avec 3h de retard",
        "my tap dey drip all night",
        "le disjoncteur saute chaque soir",
        "chaque après-midi le courant coupe",
        "4 lampes",
        "rue 3",
    ],
)
def test_past_habits_greetings_and_durations_are_not_times(text: str) -> None:
    assert when(text) is None


def test_result_is_timezone_aware_utc() -> None:
    result = analyze("plombier demain matin", now=NOW)
    assert result.when is not None and result.when.utcoffset() is not None
    assert result.when.tzinfo == UTC


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        ("fuite d'eau à Akwa, venez vite", "urgent"),
        ("la prise fait des étincelles", "urgent"),
        ("ça sent le brûlé dans la cuisine", "urgent"),
        ("je suis enfermé dehors", "urgent"),
        ("locked out of my house", "urgent"),
        ("plombier maintenant svp", "urgent"),
        ("I need a plumber asap", "urgent"),
        ("électricien aujourd'hui", "urgent"),
        ("électricien now now", "urgent"),
        ("c'est grave, le tuyau a éclaté", "urgent"),
        ("menuisier pour samedi", "scheduled"),
        ("plombier demain matin", "scheduled"),
        ("cleaning every Friday", "scheduled"),
        ("painter next week", "scheduled"),
        ("électricien à 15h", "scheduled"),
        ("c'est urgent, venez demain matin", "scheduled"),
        ("fuite d'eau, pas urgent", "normal"),
        ("le tuyau est cassé mais pas urgent", "normal"),
        ("mon frigo est gâté depuis samedi", "normal"),
        ("my tap dey leak", "normal"),
        ("ménage, cafards partout", "normal"),
    ],
)
def test_urgency(text: str, urgency: str) -> None:
    assert analyze(text, now=NOW).urgency == urgency


def test_danger_wins_over_a_later_time() -> None:
    assert analyze("ma prise fume, venez demain", now=NOW).urgency == "urgent"


@pytest.mark.parametrize(
    ("text", "hour"),
    [
        ("un peintre entre 9h et 12h le samedi, Makepe", 9),
        ("plombier jeudi de 15h à 17h, Akwa", 15),
        ("can the electrician come tomorrow between 1 and 3pm? Deido", 13),
        ("menuisier vendredi 10h-12h, Kotto", 10),
    ],
)
def test_a_time_window_books_its_start(text: str, hour: int) -> None:
    result = analyze(text, now=WINDOW_NOW)
    assert result.urgency == "scheduled"
    assert result.when is not None and result.when.astimezone(DOUALA).hour == hour
