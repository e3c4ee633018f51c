"""The request lifecycle: one transition table, naming who may take each step and who is told."""

from dataclasses import dataclass

from core.texts.errors import UserError

PENDING, OFFERED, ASSIGNED, IN_PROGRESS, COMPLETED = "pending", "offered", "assigned", "in_progress", "completed"
CANCELLED, EXPIRED = "cancelled", "expired"
STATUSES = (PENDING, OFFERED, ASSIGNED, IN_PROGRESS, COMPLETED, CANCELLED, EXPIRED)
OPEN_STATUSES = (PENDING, OFFERED, ASSIGNED, IN_PROGRESS)
CLOSED_STATUSES = (COMPLETED, CANCELLED, EXPIRED)


@dataclass(frozen=True)
class Transition:
    """A step from one status to another, the actors allowed to take it, and who hears of it."""

    source: str
    target: str
    actors: frozenset[str]
    notify: tuple[str, ...] = ()


def _t(source: str, target: str, actors: str, notify: str = "") -> Transition:
    return Transition(source, target, frozenset(actors.split()), tuple(notify.split()))


# notify: the parties told of a step ("customer", the assigned "provider", the "providers" holding pending offers,
# "admin"); the actor is never told by the notification, they get a direct reply from whoever handled them.
TRANSITIONS: tuple[Transition, ...] = (
    _t(PENDING, OFFERED, "system admin"),
    _t(PENDING, ASSIGNED, "admin", "customer provider"),  # an admin hands the job to a chosen provider
    _t(PENDING, CANCELLED, "customer admin", "customer"),
    _t(PENDING, EXPIRED, "system", "customer admin"),  # nobody to offer it to, even after widening
    _t(OFFERED, ASSIGNED, "provider admin", "customer provider providers"),
    _t(OFFERED, PENDING, "system admin", "providers"),  # offers withdrawn, the search starts over
    _t(OFFERED, CANCELLED, "customer admin", "customer providers"),
    _t(OFFERED, EXPIRED, "system", "customer admin providers"),
    _t(ASSIGNED, IN_PROGRESS, "provider admin", "customer"),
    _t(ASSIGNED, COMPLETED, "provider admin", "customer provider"),  # start implied: one honest step, no "on the way"
    _t(ASSIGNED, PENDING, "admin provider", "customer provider"),  # reassignment, or the provider withdraws
    _t(ASSIGNED, CANCELLED, "customer admin", "customer provider"),
    _t(IN_PROGRESS, COMPLETED, "provider admin", "customer provider"),
    _t(IN_PROGRESS, PENDING, "admin", "customer provider"),  # the provider did not turn up: find another
    _t(IN_PROGRESS, CANCELLED, "admin", "customer provider"),
    _t(EXPIRED, PENDING, "admin customer", "customer"),  # try again later
)
_BY_PAIR = {(t.source, t.target): t for t in TRANSITIONS}


class InvalidTransition(UserError):
    """A status change the lifecycle does not allow (or not for this actor)."""


def find_transition(source: str, target: str, actor: str) -> Transition:
    """Return the transition from source to target for actor, or raise InvalidTransition."""
    transition = _BY_PAIR.get((source, target))
    if transition is None:
        raise InvalidTransition("error.transition", f"a request cannot go from {source} to {target}",
                                from_status=source, to_status=target)
    if actor not in transition.actors:
        raise InvalidTransition("error.transition", f"{actor} may not move a request from {source} to {target}",
                                from_status=source, to_status=target)
    return transition


def allowed_targets(source: str, actor: str) -> list[str]:
    """Return the statuses actor may move a request to from source."""
    return [t.target for t in TRANSITIONS if t.source == source and actor in t.actors]
