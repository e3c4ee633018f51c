"""French first, English on request: `t("Demandes")` returns the text in the visitor's language."""

from datetime import datetime

from nicegui import app, ui

from core.texts import formats
from core.texts.catalogue import LANGUAGES, known, page_text, word
from core.texts.errors import UserError


def language() -> str:
    """Return the visitor's language ("fr" unless they switched)."""
    try:
        lang = app.storage.user.get("lang", "fr")
    except RuntimeError:
        return "fr"
    return lang if lang in LANGUAGES else "fr"


def t(text: str) -> str:
    """Return text in the visitor's language (French is the source)."""
    return page_text(text, language())


def w(key: str, /, **values: object) -> str:
    """Return an internal code or error key in words, in the visitor's language ("status.pending" → "waiting")."""
    return word(key, language(), **values)


def count(key: str, n: int) -> str:
    """Return "2 travaux" / "2 jobs": the catalogue's plural of key for n."""
    return formats.plural(key, n, language())


def error_text(error: Exception, labels: dict[str, str] | None = None, *, lang: str = "") -> str:
    """Return a refusal in lang (the visitor's language by default), the field named as the page labels it.

    labels maps a field's name to its French label; pass lang from work done off the page (run.io_bound).
    """
    if not isinstance(error, UserError) or not known(error.key):
        return str(error)
    lang = lang or language()
    values = {k: word(f"status.{v}", lang) if k.endswith("status") else v for k, v in error.values.items()}
    if "{field}" in word(error.key, "fr"):
        label = (labels or {}).get(error.field, error.field)
        values["field"] = page_text(label, lang)
    return word(error.key, lang, **values)


def when(value: datetime | None) -> str:
    """Return a stored time in Douala time, written in the visitor's language."""
    return formats.moment(value, language())


def language_switch(*, on_dark: bool = True) -> None:
    """A small FR | EN toggle that reloads the page in the chosen language."""
    ink, paper = ("white", "primary") if on_dark else ("primary", "white")
    def choose(lang: str) -> None:
        app.storage.user["lang"] = lang
        ui.navigate.reload()

    with ui.row().classes("gap-1 items-center"):
        for lang in LANGUAGES:
            active = lang == language()
            button = ui.button(lang.upper(), on_click=lambda _, lang=lang: choose(lang)).props(
                "dense size=sm " + (f"unelevated color={ink} text-color={paper}" if active else f"flat color={ink}"))
            button.mark(f"lang-{lang}")
