"""What happens after a request changes status: each domain's reaction, run in the same transaction."""

import importlib
from collections.abc import Callable
from functools import cache

from sqlmodel import Session

from core.service_requests.lifecycle import Transition
from core.service_requests.models import ServiceRequest

# target status ("*" for every one) -> hooks, as "module:function", called in this order with
# hook(session=, request=, step=, actor=, detail=). Outbound messages they write go through the outbox, so they
# are sent only if the whole transaction commits.
HOOKS: dict[str, list[str]] = {
    "*": ["core.matching.notifications:on_transition", "core.matching.offers:on_transition"],
    "completed": ["core.payments.service:on_request_completed"],
}


@cache
def _resolve(target: str) -> Callable[..., None]:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def run_hooks(*, session: Session, request: ServiceRequest, step: Transition, actor: str, detail: dict) -> None:
    """Call every hook registered for this transition's target status."""
    for target in HOOKS.get("*", []) + HOOKS.get(step.target, []):
        _resolve(target)(session=session, request=request, step=step, actor=actor, detail=detail)
