"""Business rules: the settings' values, unless an admin stored an override."""

from typing import Any

from sqlmodel import Session

from core import clock
from core.config import settings
from core.rules.models import AuditEntry, BusinessRule
from core.texts.errors import UserError

# name -> (settings attribute, type, lowest, highest)
RULES: dict[str, tuple[str, type, float, float]] = {
    "offer_batch_size": ("offer_batch_size", int, 1, 20),
    "offer_deadline_minutes": ("offer_deadline_minutes", int, 1, 240),
    "urgent_offer_deadline_minutes": ("urgent_offer_deadline_minutes", int, 1, 120),
    "offer_rounds": ("offer_rounds", int, 1, 10),
    "match_radius_km": ("match_radius_km", float, 0.5, 50),
    "match_wide_radius_km": ("match_wide_radius_km", float, 0.5, 100),
    "commission_percent": ("commission_percent", int, 0, 50),
    "preferred_provider_minutes": ("preferred_provider_minutes", int, 1, 60),
}


def rule(name: str, *, session: Session) -> Any:
    """Return the current value of a business rule."""
    attribute, kind, _, _ = RULES[name]
    stored = session.get(BusinessRule, name)
    return kind(stored.value) if stored is not None else getattr(settings, attribute)


def set_rule(name: str, value: Any, *, session: Session, actor: str) -> Any:
    """Validate and store an override of a rule, with an audit entry; raise ValueError when out of range."""
    if name not in RULES:
        raise UserError("error.unknown_rule", f"unknown rule: {name}")
    _, kind, low, high = RULES[name]
    try:
        typed = kind(value)
    except (TypeError, ValueError) as exc:
        raise UserError("error.number", f"{name} must be a {kind.__name__}", field=name) from exc
    if kind is int and float(value) != typed:
        raise UserError("error.whole_number", f"{name} must be a whole number", field=name)
    if not low <= typed <= high:
        raise UserError("error.between", f"{name} must be between {low:g} and {high:g}", field=name,
                        low=f"{low:g}", high=f"{high:g}")
    old = rule(name, session=session)
    stored = session.get(BusinessRule, name) or BusinessRule(key=name)
    stored.value, stored.updated_by, stored.updated_at = typed, actor, clock.now()
    session.add(stored)
    session.add(AuditEntry(actor=actor, action="rule.update", target=name, detail={"from": old, "to": typed}))
    return typed
