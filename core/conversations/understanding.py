"""Understanding one message: the local NLU, the LLM when it is unsure, and the question just asked."""

import re

from sqlmodel import Session

from core import clock
from core.catalog import fold, place_names
from core.config import settings
from core.conversations.context import Context
from core.logs import log
from core.nlu.schema import Analysis

_BARE_RATING = re.compile(r"^\s*([1-5])\s*(?:/\s*5|sur 5|over 5|[ée]toiles?|stars?|\*+|⭐+)?\s*[.!]*\s*$", re.I)
_PAYMENT = re.compile(r"\b(lien de paiement|lien pour payer|payer|paiement|payment|pay|momo|mobile money"
                      r"|orange money|wan pay|want to pay)\b")


def understand(*, text: str, context: Context, conversation_id: int | None, session: Session | None = None,
               ) -> Analysis:
    """Return the analysis of text: local first, then the LLM orchestrator when allowed and the local one is unsure."""
    local = _local(text, context)
    mode = settings.effective_llm_mode
    if mode == "local" or (mode == "hybrid" and local.confidence >= settings.llm_confidence_threshold):
        return _in_light_of_question(text, local, context)
    try:
        from core.llm.orchestrator import understand as llm_understand  # looked up at each call: tests swap it

        analysis = llm_understand(text, local=local, context=context.for_nlu(), conversation_id=conversation_id,
                                  session=session)
    except Exception:  # the LLM is a help, never a dependency: keep the local reading
        log.exception("llm understanding failed; local analysis kept", conversation_id=conversation_id)
        analysis = local
    return _in_light_of_question(text, analysis, context)


def _local(text: str, context: Context) -> Analysis:
    from core.nlu import analyze  # looked up at each call, so a test can swap the engine

    return analyze(text, now=clock.now(), context=context.for_nlu())


def _in_light_of_question(text: str, analysis: Analysis, context: Context) -> Analysis:
    """Read a short answer as the answer to the question asked (a quartier, a 1-5 rating)."""
    changes: dict = {}
    if context.last_question == "location" and not analysis.location and not analysis.outside_area:
        place = find_quartier(text)
        if place:
            changes["location"] = place
    if context.awaiting_rating is not None and analysis.rating is None:
        bare = _BARE_RATING.match(text)
        if bare:
            changes["rating"] = int(bare.group(1))
    return analysis.model_copy(update=changes) if changes else analysis


def find_quartier(text: str) -> str | None:
    """Return the Douala quartier named anywhere in text (name, alias, sub-area or landmark), longest match first."""
    words = fold(text).split()
    names = place_names()
    for size in range(min(5, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            found = names.get(" ".join(words[start:start + size]))
            if found is not None:
                return found.name
    return None


def asks_to_pay(text: str) -> bool:
    """True when the message asks for the payment link or to pay."""
    return bool(_PAYMENT.search(fold(text)))
