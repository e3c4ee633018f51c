"""The request lifecycle: one transition table, naming who may take each step and who is told."""

from dataclasses import dataclass

from core.service_requests.models import RequestStatus
from core.texts.errors import UserError

OPEN_STATUSES = (RequestStatus.PENDING, RequestStatus.OFFERED, RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS)
CLOSED_STATUSES = (RequestStatus.COMPLETED, RequestStatus.CANCELLED, RequestStatus.EXPIRED)


@dataclass(frozen=True)
class Transition:
    """A step from one status to another, the actors allowed to take it, and who hears of it."""

    source: RequestStatus
    target: RequestStatus
    actors: frozenset[str]
    notify: tuple[str, ...] = ()


def _t(source: RequestStatus, target: RequestStatus, actors: str, notify: str = "") -> Transition:
    return Transition(source, target, frozenset(actors.split()), tuple(notify.split()))


_S = RequestStatus

# notify: the parties told of a step ("customer", the assigned "provider", the "providers" holding pending offers,
# "admin"); the actor is never told by the notification, they get a direct reply from whoever handled them.
TRANSITIONS: tuple[Transition, ...] = (
    _t(_S.PENDING, _S.OFFERED, "system admin"),
    _t(_S.PENDING, _S.ASSIGNED, "admin", "customer provider"),  # an admin hands the job to a chosen provider
    _t(_S.PENDING, _S.CANCELLED, "customer admin", "customer"),
    _t(_S.PENDING, _S.EXPIRED, "system", "customer admin"),  # nobody to offer it to, even after widening
    _t(_S.OFFERED, _S.ASSIGNED, "provider admin", "customer provider providers"),
    _t(_S.OFFERED, _S.PENDING, "system admin", "providers"),  # offers withdrawn, the search starts over
    _t(_S.OFFERED, _S.CANCELLED, "customer admin", "customer providers"),
    _t(_S.OFFERED, _S.EXPIRED, "system", "customer admin providers"),
    _t(_S.ASSIGNED, _S.IN_PROGRESS, "provider admin", "customer"),
    # start implied: one honest step, no "on the way"
    _t(_S.ASSIGNED, _S.COMPLETED, "provider admin", "customer provider"),
    _t(_S.ASSIGNED, _S.PENDING, "admin provider", "customer provider"),  # reassignment, or the provider withdraws
    _t(_S.ASSIGNED, _S.CANCELLED, "customer admin", "customer provider"),
    _t(_S.IN_PROGRESS, _S.COMPLETED, "provider admin", "customer provider"),
    _t(_S.IN_PROGRESS, _S.PENDING, "admin", "customer provider"),  # the provider did not turn up: find another
    _t(_S.IN_PROGRESS, _S.CANCELLED, "admin", "customer provider"),
    _t(_S.EXPIRED, _S.PENDING, "admin customer", "customer"),  # try again later
)
_BY_PAIR: dict[tuple[str, str], Transition] = {(t.source, t.target): t for t in TRANSITIONS}


class InvalidTransition(UserError):
    """A status change the lifecycle does not allow (or not for this actor)."""


def find_transition(source: RequestStatus, target: RequestStatus | str, actor: str) -> Transition:
    """Return the transition from source to target for actor, or raise InvalidTransition."""
    transition = _BY_PAIR.get((source, target))
    if transition is None:
        raise InvalidTransition("error.transition", f"a request cannot go from {source} to {target}",
                                from_status=source, to_status=target)
    if actor not in transition.actors:
        raise InvalidTransition("error.transition", f"{actor} may not move a request from {source} to {target}",
                                from_status=source, to_status=target)
    return transition


def allowed_targets(source: RequestStatus, actor: str) -> list[RequestStatus]:
    """Return the statuses actor may move a request to from source."""
    return [t.target for t in TRANSITIONS if t.source == source and actor in t.actors]
