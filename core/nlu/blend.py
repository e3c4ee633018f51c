"""Rules first, the learned model where they are unsure: the combination chosen by leave-one-file-out results."""

from collections.abc import Callable
from dataclasses import dataclass

from core.nlu import model


@dataclass(frozen=True)
class RulesReading:
    """What the rules decided and how sure they are."""

    intent: str
    confidence: float
    service: str | None
    service_strength: float  # 0 when no trade was named
    answered: bool = False  # the intent is settled: an answer to the question just asked, or a bare follow-up
    guess_trade: bool = True  # the model may name a trade the rules did not (not when every word is known)
    refused: frozenset[str] = frozenset()  # readings the model may not give where the rules found nothing


@dataclass(frozen=True)
class Policy:
    """When the model's reading replaces the rules' (probabilities of the model's best label)."""

    adopt_other: float = 0.7  # the rules found nothing ("other"): the model's reading if this sure
    override: float = 0.95  # the rules decided on weak evidence: the model's reading only if this sure
    weak: float = 0.7  # rules confidence under which their evidence is weak
    service_fill: float = 0.7  # a job with no trade named by the rules: the model's trade if this sure
    service_override: float = 1.01  # a trade named on weak evidence: the model's if this sure (above 1: never)
    service_weak: float = 0.3  # rules service strength under which the trade is weakly named


POLICY = Policy()


@dataclass(frozen=True)
class Decision:
    """The intent and trade kept, and the confidence to report."""

    intent: str
    service: str | None
    confidence: float
    by_model: bool = False


def decide(
    rules: RulesReading,
    intent_best: Callable[[], tuple[str, float]],
    service_best: Callable[[], tuple[str, float]],
    policy: Policy = POLICY,
) -> Decision:
    """Return the combined reading; the model is only asked (lazily) where the rules leave room."""
    intent, service, confidence, by_model = rules.intent, rules.service, rules.confidence, False
    if not rules.answered:
        if rules.intent == "other":
            label, p = intent_best()
            if label != "other" and label not in rules.refused and p >= policy.adopt_other:
                intent, confidence, by_model = label, _confidence(p, policy.adopt_other), True
        elif rules.confidence < policy.weak:
            label, p = intent_best()
            if label != rules.intent and p >= policy.override:
                intent, confidence, by_model = label, _confidence(p, policy.override), True
    if intent == "new_request":
        if service is None and rules.guess_trade:
            code, p = service_best()
            if p >= policy.service_fill:
                service, by_model = code, True
        elif rules.service_strength < policy.service_weak:
            code, p = service_best()
            if code != service and p >= policy.service_override:
                service, by_model = code, True
    return Decision(intent, service, confidence, by_model)


def blend(rules: RulesReading, feats: Callable[[], list[str]]) -> Decision:
    """Return the combined reading with the committed model (the rules alone when it is missing)."""
    learned = model.load()
    if learned is None:
        return Decision(rules.intent, rules.service, rules.confidence)
    cache: list[list[str]] = []

    def features() -> list[str]:
        if not cache:
            cache.append(feats())
        return cache[0]

    return decide(rules, lambda: learned.intent.best(features()), lambda: learned.service.best(features()))


def _confidence(p: float, threshold: float) -> float:
    # A learned reading is never as sure as a rule: between 0.5 (at the threshold) and 0.8 (certain).
    return 0.5 + 0.3 * (p - threshold) / max(1e-9, 1.0 - threshold)
