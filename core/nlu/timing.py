"""When the customer wants the job done ("demain matin", "samedi", "dans 2 heures", "at 3pm"), in Douala time."""

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from core.clock import DOUALA
from core.nlu.places import place_words

DEFAULT_HOUR = 8

WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mondays": 0, "tuesdays": 1, "wednesdays": 2, "thursdays": 3, "fridays": 4, "saturdays": 5, "sundays": 6,
    "lundis": 0, "mardis": 1, "mercredis": 2, "jeudis": 3, "vendredis": 4, "samedis": 5, "dimanches": 6,
}
MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12, "january": 1, "february": 2, "march": 3,
    "april": 4, "june": 6, "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
PARTS = {
    "matin": 8, "morning": 8, "midi": 12, "noon": 12, "aprem": 14, "afternoon": 14, "soir": 18, "soiree": 18,
    "evening": 18, "tonight": 18, "nuit": 20, "night": 20,
}
_THIS = {"ce", "cet", "cette", "this", "dis", "tonight"}
# "passe"/"passee" follow the time they qualify ("la semaine passée"); before a time they are the verb ("passe demain").
_PAST = {"depuis", "since", "hier", "yesterday", "last", "dernier", "derniere", "fait", "from"}
_SINCE = {"depuis", "since"}
_AFTER_EVENT = {"suite"}
_STARTS_FROM = {"start", "starting", "begin", "beginning", "available", ""}
_HABIT = {"chaque", "every", "each", "tous", "toutes", "all", "toute", "bon", "bonne", "good", "le", "la", "per"}
_RELATIVE_UNITS = {
    "minute": 1, "minutes": 1, "min": 1, "mins": 1, "heure": 60, "heures": 60, "h": 60, "hour": 60, "hours": 60,
    "hrs": 60, "jour": 1440, "jours": 1440, "day": 1440, "days": 1440, "semaine": 10080, "semaines": 10080,
    "week": 10080, "weeks": 10080,
}
_NUMBER_WORDS = {"une": 1, "un": 1, "an": 1, "a": 1, "one": 1, "deux": 2, "two": 2, "trois": 3, "three": 3}
# "Jan 3", "dec 28": a month written short before the day.
_MONTH_ABBREVIATIONS = {"jan": 1, "janv": 1, "feb": 2, "fev": 2, "apr": 4, "avr": 4, "jun": 6, "jul": 7, "juil": 7,
                        "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
_CLOCK = re.compile(r"^(\d{1,2})h(\d{2})?$")
# Fixed-date holidays customers plan around ("avant Noël", "for Christmas"); the day itself is the target.
_HOLIDAYS = {"noel": (12, 25), "christmas": (12, 25), "xmas": (12, 25), "toussaint": (11, 1), "assomption": (8, 15),
             "fetes": (12, 25)}


@dataclass(frozen=True)
class TimeInfo:
    """A time found in a message: the resolved moment (aware UTC) and what kind of time it was."""

    when: datetime | None = None
    later: bool = False  # a later day or an explicit time: the job is scheduled
    today: bool = False  # "aujourd'hui", "ce matin": wanted today, without an hour
    tonight: bool = False  # later today but no clock hour ("ce soir"): an urgent word keeps it urgent


# "mon courant a jump ce matin", "stopped working this morning": the time the trouble began, not a booking;
# unless the customer asks for someone after it ("il est gâté, venez ce matin").
_STARTED = {"a", "est", "ont", "sont", "ai", "avons", "s", "don", "has", "have", "had", "was", "were", "started",
            "stopped", "went", "broke", "spoilt", "spoiled", "died", "began", "commence", "depuis", "since"}
_ASKING = {"venez", "venir", "passer", "passez", "come", "send", "envoyez", "need", "besoin", "veux", "voudrais",
           "want", "wan", "faut", "pouvez", "possible", "disponible", "available", "please", "can", "plait"}
# "à" folds to "a": before these (or a place name) it is the preposition, not the verb "a jump".
_NOT_PARTICIPLE = {"ce", "cet", "cette", "la", "le", "l", "les", "un", "une", "mon", "ma", "notre", "partir", "cote",
                   "domicile", "maison", "midi", "nous", "moi", "vous"}
# "la journée s'est bien passée": a day looked back on, no booking.
_LOOKING_BACK = {"s", "a", "est", "etait", "passee", "fut"}
_ORDINAL = {"th", "st", "nd", "rd", "er", "eme"}
# "entre 9h et 12h", "from 9 to 11am", "de 14h à 16h": a window opens at its first hour, which is the one booked.
_RANGE_JOINS = {"et", "a", "and", "to", "au", "jusqu", "jusque", "till", "until", "ou", "or"}
_RANGE_OPENS = {"entre", "between", "from", "de", "des"}


def resolve_time(toks: list[str], now: datetime) -> TimeInfo:
    """Return the moment the message asks for, resolved against now (aware UTC), or an empty TimeInfo."""
    local = now.astimezone(DOUALA)
    day: date | None = None
    hour: tuple[int, int] | None = None
    exact: datetime | None = None
    today = clock_given = False
    hour_at = -1  # where the hour kept was read
    n = len(toks)
    for i, tok in enumerate(toks):
        prev, prev2 = (toks[i - 1] if i else ""), (toks[i - 2] if i > 1 else "")
        # "ça fait 2 jours" looks back; "que ce soit fait aujourd'hui" asks for today.
        # "start from Monday" looks ahead.
        starts = prev == "from" and ((tok in WEEKDAYS and prev2 in _STARTS_FROM) or tok in MONTHS
                                     or tok in _MONTH_ABBREVIATIONS)
        looks_back = prev in _PAST and not (prev == "fait" and prev2 in {"soit", "etre", "sera"}) and not starts
        if looks_back or prev2 in _SINCE:
            continue
        nxt = toks[i + 1] if i + 1 < n else ""
        if tok in {"demain", "tomorrow"}:
            after = prev == "apres" or prev == "next" or (prev == "after" and prev2 == "day")
            day = local.date() + timedelta(days=2 if after else 1)
        elif (tok in {"aujourd", "today"} or (tok == "journee" and prev in {"la", "cette"} and nxt not in _LOOKING_BACK
                                               and day is None  # "demain dans la journée" stays tomorrow
                                               and prev2 not in {"toute", "tout"})  # "toute la journée": how long
              or (tok == "jour" and prev == "ce")):
            day, today = local.date(), True
        elif tok in WEEKDAYS and prev not in {"bon", "bonne"}:
            # "depuis la surtension de dimanche", "since the power surge on Sunday", "lundi dernier", "suite à
            # l'orage de dimanche": when the trouble began
            if (not _SINCE.isdisjoint(toks[max(0, i - 6):i]) or nxt in {"dernier", "passe", "last"}
                    or (prev in {"de", "du"} and not _AFTER_EVENT.isdisjoint(toks[max(0, i - 6):i - 1]))):
                continue
            ahead = (WEEKDAYS[tok] - local.weekday()) % 7 or 7
            day = local.date() + timedelta(days=ahead)
        elif tok in {"weekend", "week"} and (tok == "weekend" or nxt == "end") and prev not in {"every", "chaque"}:
            day = local.date() + timedelta(days=(5 - local.weekday()) % 7)
        elif tok in {"semaine", "week"} and (nxt in {"prochaine", "pro"} or prev == "next"):
            day = local.date() + timedelta(days=7 - local.weekday())
        elif tok in _HOLIDAYS and prev not in {"joyeux", "joyeuse", "merry", "bon", "bonne", "bonnes", "happy"}:
            day = _next_date(local.date(), *_HOLIDAYS[tok])
        elif tok in {"mois", "month", "semaine", "week"} and _end_of(toks, i):
            day = _end_of_period(local.date(), month=tok in {"mois", "month"})
        elif tok in {"mois", "month"} and (nxt == "prochain" or prev == "next"):
            first = local.date().replace(day=1) + timedelta(days=32)
            day = first.replace(day=1)
        elif tok in MONTHS and prev in {"en", "in", "de", "debut", "mi", "fin"} | {str(d) for d in range(1, 32)}:
            day = _month_start(local.date(), MONTHS[tok], prev)
        elif tok in MONTHS and (dom := _ordinal_before(toks, i)):
            # "26th December", "the 2nd of January"
            day = _month_start(local.date(), MONTHS[tok], dom)
        elif (tok in MONTHS or tok in _MONTH_ABBREVIATIONS) and nxt.isdigit() and 1 <= int(nxt) <= 31 and (
                i + 2 >= n or not toks[i + 2].isdigit()) and not looks_back:
            # "Jan 3", "December 28th"
            day = _month_start(local.date(), MONTHS.get(tok) or _MONTH_ABBREVIATIONS[tok], nxt)
        elif tok == "le" and nxt.isdigit() and 1 <= int(nxt) <= 31 and (i + 2 >= n or toks[i + 2] in MONTHS or
                                                                         not toks[i + 2].isdigit()):
            if i + 2 < n and toks[i + 2] in {"ans", "etage", "sur", "fois"}:
                continue
            day = _day_of_month(local.date(), int(nxt))
        elif tok in {"dans", "in"} and i + 2 < n and toks[i + 2] in _RELATIVE_UNITS:
            count = int(nxt) if nxt.isdigit() else _NUMBER_WORDS.get(nxt)
            if count:
                minutes = count * _RELATIVE_UNITS[toks[i + 2]]
                if minutes < 1440:
                    exact = local + timedelta(minutes=minutes)
                    today = today or minutes < 60
                else:
                    day = local.date() + timedelta(minutes=minutes)
        elif tok in {"dans", "in"} and (m := _CLOCK.match(nxt)) and not m.group(2):
            exact = local + timedelta(hours=int(m.group(1)))
        elif tok.isdigit() and 1 <= int(tok) <= 31 and (
            (prev == "du" and prev2 == "partir") or (prev == "the" and (prev2 in {"from", "on", "by", "before"}
                                                                          or nxt in _ORDINAL))
        ):
            # "à partir du 15", "from the 15th", "on the 3rd": a day of the month to come
            day = _day_of_month(local.date(), int(tok))
        elif tok in PARTS and _began_then(toks, _part_start(toks, i)):
            continue
        elif tok in PARTS and hour is not None and _closes_window(toks, hour_at, i):
            continue
        elif tok in PARTS and _part_counts(tok, *_before_part(tok, prev, prev2, toks, i), day is not None, n):
            hour, hour_at = (PARTS[tok], 0), i
            if tok == "midi" and prev == "apres":
                hour = (14, 0)
            if day is None and (_before_part(tok, prev, prev2, toks, i)[0] in _THIS or tok == "tonight"):
                day = local.date()
                today = today or tok in {"matin", "morning"}
        elif (clock := _clock(tok, nxt, prev, toks[i + 2] if i + 2 < n else "")) is not None:
            if hour is not None and _closes_window(toks, hour_at, i):
                continue
            hour, clock_given, hour_at = _window_start(toks, i, clock), True, i
    if exact is not None:
        return TimeInfo(exact.astimezone(UTC), later=not today, today=today)
    if day is None and hour is None:
        return TimeInfo()
    if day is None:
        assert hour is not None
        candidate = datetime.combine(local.date(), time(*hour), DOUALA)
        day = local.date() if candidate > local else local.date() + timedelta(days=1)
    moment = datetime.combine(day, time(*(hour or (DEFAULT_HOUR, 0))), DOUALA)
    if today and hour is None:
        moment = max(moment, local)
    if moment < local and day == local.date():
        moment = local
    later = hour is not None or day > local.date()
    if today and hour is not None and hour[0] <= 12 and moment <= local + timedelta(hours=1):
        later = False
    return TimeInfo(moment.astimezone(UTC), later=later and not (today and hour is None), today=today,
                    tonight=day == local.date() and not clock_given)


def _closes_window(toks: list[str], opened: int, i: int) -> bool:
    """Return whether the hour at i ends a window whose first hour was read at `opened` ("entre 9h et 12h")."""
    # "10h-12h" reaches here as two hours side by side: the dash was punctuation.
    return 0 <= opened < i and (i - opened == 1 or (i - opened <= 4 and not _RANGE_JOINS.isdisjoint(
        toks[opened + 1:i])))


def _window_start(toks: list[str], i: int, end: tuple[int, int]) -> tuple[int, int]:
    """Return the first hour of a window written "from 9 to 11am" (a bare number before the joining word), else end."""
    first = None
    if i >= 3 and toks[i - 1] in _RANGE_JOINS and toks[i - 2].isdigit() and toks[i - 3] in _RANGE_OPENS:
        first = toks[i - 2]
    elif i >= 1 and toks[i - 1].isdigit() and len(toks[i - 1]) <= 2 and toks[i].isdigit():
        first = toks[i - 1]  # "2-4pm": the dash was punctuation
    if first is not None:
        start = int(first)
        if start < 12 and end[0] > 12 and start + 12 <= end[0]:
            start += 12  # "between 2 and 4pm" opens at 14:00
        if 0 <= start <= 23 and start <= end[0]:
            return start, 0
    return end


def _preposition(following: list[str]) -> bool:
    """Return whether "a" before these words is the preposition "à" ("à Nyalla", "à la maison")."""
    return not following or bool(_NOT_PARTICIPLE.intersection(following)) or following[0] in place_words()


def _part_start(toks: list[str], i: int) -> int:
    """Return the position where a part of the day begins: "ce matin", "cet après-midi", "tonight"."""
    start = i - 1 if toks[i] == "midi" and i and toks[i - 1] == "apres" else i
    return start - 1 if start and toks[start - 1] in _THIS else start


def _began_then(toks: list[str], start: int) -> bool:
    """Return whether "ce matin" at toks[start] follows a past verb with no request after it ("a jump ce matin")."""
    if toks[start] not in _THIS:
        return False
    before = toks[max(0, start - 8):start]
    marks = [k for k, word in enumerate(before) if (word in _STARTED or (len(word) > 4 and word.endswith("ed")))
             and not (word == "est" and k and before[k - 1] == "c")  # "c'est le match ce soir"
             and not (word == "s" and before[k + 1:k + 2] != ["est"])  # "ne s'allume plus" tells no past
             and not (word == "a" and (_preposition(before[k + 1:k + 2]) or (k and before[k - 1] in _ASKING)))]
    return bool(marks) and not _ASKING.intersection(before[marks[-1]:])


def _next_date(today: date, month: int, dom: int) -> date:
    """Return the next occurrence of that month and day, after today."""
    candidate = date(today.year, month, dom)
    return candidate if candidate > today else date(today.year + 1, month, dom)


def _end_of(toks: list[str], i: int) -> bool:
    """Return whether the month or week at i is preceded by "fin du", "fin de la", "end of the" (not a greeting)."""
    before = toks[max(0, i - 4):i]
    for lead in (["fin", "du"], ["fin", "de", "la"], ["fin", "de"], ["end", "of", "the"], ["end", "of"]):
        if before[-len(lead):] == lead:
            start = i - len(lead)
            return not (start and toks[start - 1] in {"bonne", "bon", "good", "nice", "happy"})
    return False


def _end_of_period(today: date, *, month: bool) -> date:
    """Return the last day of this month, or the Friday of this week (the next one when already past)."""
    if not month:
        return today + timedelta(days=(4 - today.weekday()) % 7 or 7)
    last = (today.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    if last > today:
        return last
    return (last + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def _before_part(part: str, prev: str, prev2: str, toks: list[str], i: int) -> tuple[str, str]:
    """Return the two words before a part of the day, reading "apres midi" as one word."""
    if part == "midi" and prev == "apres":
        return prev2, toks[i - 3] if i > 2 else ""
    return prev, prev2


def _part_counts(part: str, prev: str, prev2: str, has_day: bool, n: int) -> bool:
    """Return whether a part of the day names a time to come rather than a habit or a greeting."""
    if prev in _HABIT and not has_day:
        return prev == "le" and prev2 in WEEKDAYS
    return has_day or prev in _THIS or part == "tonight" or n <= 3 or prev in WEEKDAYS or prev in {
        "demain", "tomorrow", "for", "pour", "vers", "a", "en", "in", "the", "entre", "between"}


def _clock(tok: str, nxt: str, prev: str, nxt2: str) -> tuple[int, int] | None:
    """Return (hour, minute) for "15h", "15h30", "3 pm", "at 3", "a 10 heures"; None for durations."""
    if nxt in {"de", "que", "of", "qu", "ago"} or prev in {"y", "pendant", "during", "last", "depuis", "dans", "in"}:
        return None
    hour = minute = None
    if m := _CLOCK.match(tok):
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
    elif tok.isdigit() and len(tok) <= 2:
        if nxt in {"pm", "am"}:
            hour = int(tok) % 12 + (12 if nxt == "pm" else 0)
            minute = 0
        elif nxt in {"heures", "heure", "h", "oclock", "o"} and nxt2 not in {"de", "que"}:
            hour, minute = int(tok), 0
        elif prev in {"at", "vers", "avant", "before", "by"} and nxt not in _RELATIVE_UNITS:
            hour, minute = int(tok), 0
            if hour < 7:
                hour += 12  # "at 3" in a booking means the afternoon
    if hour is None or minute is None or hour > 23 or minute > 59:
        return None
    return hour, minute


def _ordinal_before(toks: list[str], i: int) -> str:
    """Return the day written as an ordinal before the month at i ("26 th december", "2 nd of january"), or ""."""
    k = i - 1 if i and toks[i - 1] != "of" else i - 2
    if k >= 1 and toks[k] in _ORDINAL and toks[k - 1].isdigit() and 1 <= int(toks[k - 1]) <= 31:
        return toks[k - 1]
    return ""


def _month_start(today: date, month: int, prev: str) -> date:
    """Return the next date in that month: the day given ("le 15 mars") or the 1st ("en décembre")."""
    dom = int(prev) if prev.isdigit() else 1
    for year in (today.year, today.year + 1):
        try:
            candidate = date(year, month, dom)
        except ValueError:
            candidate = date(year, month, 1)
        if candidate > today:
            return candidate
        if (candidate.year, candidate.month, dom) == (today.year, today.month, 1):
            return today + timedelta(days=1)  # "en mars" said in March: from tomorrow on
    return date(today.year + 1, month, 1)


def _day_of_month(today: date, dom: int) -> date:
    year, month = today.year, today.month
    for _ in range(3):
        try:
            candidate = date(year, month, dom)
        except ValueError:
            candidate = None
        if candidate and candidate > today:
            return candidate
        month, year = (1, year + 1) if month == 12 else (month + 1, year)
    return today + timedelta(days=1)
