"""What happens after a request changes status: each domain's reaction, run in the same transaction.

The reactions live in domains above this one (matching, payments); core.wiring subscribes them at start-up, so
this package never imports upward.
"""

from collections.abc import Callable

from sqlmodel import Session

from core.service_requests.lifecycle import Transition
from core.service_requests.models import ServiceRequest

Hook = Callable[..., None]

# target status ("*" for every one) -> hooks, called in this order with
# hook(session=, request=, step=, actor=, detail=). Outbound messages they write go through the outbox, so they
# are sent only if the whole transaction commits.
HOOKS: dict[str, list[Hook]] = {}


def subscribe(status: str, hook: Hook) -> None:
    """Call hook after every transition to status ("*": to any status); subscribing twice changes nothing."""
    hooks = HOOKS.setdefault(status, [])
    if hook not in hooks:
        hooks.append(hook)


def run_hooks(*, session: Session, request: ServiceRequest, step: Transition, actor: str, detail: dict) -> None:
    """Call every hook registered for this transition's target status."""
    for hook in HOOKS.get("*", []) + HOOKS.get(step.target, []):
        hook(session=session, request=request, step=step, actor=actor, detail=detail)
