"""Numbers, money, dates and plurals written the way each language writes them (Babel, CLDR data)."""

from datetime import datetime

from babel import Locale
from babel.dates import format_datetime
from babel.numbers import format_decimal

from core import clock
from core.texts.catalogue import known, lang_of, word

# Cameroon's French and English locales; money is written the Cameroonian way in both ("15 000 FCFA")
LOCALES = {"fr": "fr_CM", "en": "en_CM"}
_MONEY_LOCALE = "fr_CM"


def number(value: int | float, language: str) -> str:
    """Return value with the language's digit grouping and decimal sign."""
    return format_decimal(value, locale=LOCALES[lang_of(language)])


def money(amount: int | None) -> str:
    """Return whole XAF as people write it in Douala: '15 000 FCFA' (narrow no-break space)."""
    if amount is None:
        return ""
    if not isinstance(amount, int) or isinstance(amount, bool):
        raise TypeError("amounts are whole XAF integers")
    return f"{format_decimal(amount, locale=_MONEY_LOCALE, group_separator=True)} FCFA".replace("\xa0", "\u202f")


def plural(key: str, count: int, language: str) -> str:
    """Return the catalogue's count.<key> sentence for count in the language's plural form ("2 travaux")."""
    lang = lang_of(language)
    form = Locale.parse(LOCALES[lang]).plural_form(abs(count))
    name = f"count.{key}.{form}"
    return word(name if known(name) else f"count.{key}.other", lang, n=number(count, lang))


def moment(value: datetime | None, language: str, *, with_time: bool = True) -> str:
    """Return a stored UTC time in Douala time, written in the language ("3 déc. 2026 14:05")."""
    if value is None:
        return ""
    pattern = "d MMM y HH:mm" if with_time else "d MMM y"
    return format_datetime(clock.local(value), pattern, locale=LOCALES[lang_of(language)])


def day(value: datetime, language: str) -> str:
    """Return a short day for chart axes ("3 déc.", "3 Dec")."""
    return format_datetime(value, "d MMM", locale=LOCALES[lang_of(language)])
