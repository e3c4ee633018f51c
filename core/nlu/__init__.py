"""Local language understanding of customer messages: intent, service, place, urgency, time, language."""

from core.nlu.engine import analyze
from core.nlu.schema import INTENTS, URGENCIES, Analysis

__all__ = ["INTENTS", "URGENCIES", "Analysis", "analyze"]
