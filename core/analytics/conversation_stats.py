"""Conversation analytics: what customers' turns were about, how well they were read, where conversations stop.

Read-only. A turn is a customer's message the engine read (`Message.intent` set); a conversation "begun" in a
period is one created in it. Every figure has a drill-down (`conversations()`) that lists the conversations
behind it with the same conditions, so the two always agree.
"""

import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from core import clock
from core.analytics.filters import DEFAULT_PERIOD, local_day, local_midnight, period_bounds, seconds_between
from core.conversations.models import Conversation as C
from core.conversations.models import Message as M
from core.service_requests.models import ServiceRequest as R

CHANNELS = ("whatsapp", "web", "simulator")
# what a drill-down can ask for; the first group counts turns, the second conversations begun in the period
TURN_METRICS = ("turns", "intent", "language", "not_understood", "model")
CONVERSATION_METRICS = ("begun", "converted", "dropped")
DRILL_LIMIT = 200


@dataclass(frozen=True)
class Scope:
    """The period and channel an admin looks at; None means no restriction."""

    start: datetime | None = None
    end: datetime | None = None
    channel: str | None = None
    day: str | None = None  # one Douala day, 'YYYY-MM-DD', within the period


def scope_from(params: dict[str, Any], now: datetime | None = None) -> Scope:
    """Build the scope from URL parameters (unknown values are ignored)."""
    start, end = period_bounds(str(params.get("period") or DEFAULT_PERIOD), now)
    channel = params.get("channel") if params.get("channel") in CHANNELS else None
    day = None
    if params.get("day"):
        try:
            day = datetime.strptime(str(params["day"]), "%Y-%m-%d").date().isoformat()
        except ValueError:
            day = None
    return Scope(start=start, end=end, channel=channel, day=day)


def _bounds(column: Any, scope: Scope) -> list[Any]:
    where: list[Any] = []
    if scope.start is not None:
        where.append(column >= scope.start)
    if scope.end is not None:
        where.append(column < scope.end)
    if scope.day is not None:
        first = local_midnight(datetime.fromisoformat(scope.day).date())
        where += [column >= first, column < first + timedelta(days=1)]
    return where


def turn_conditions(scope: Scope) -> list[Any]:
    """Return the WHERE conditions on Message selecting the scope's turns."""
    where = [M.intent.is_not(None), *_bounds(M.created_at, scope)]  # type: ignore[union-attr]
    if scope.channel:
        where.append(M.channel == scope.channel)
    return where


def begun_conditions(scope: Scope) -> list[Any]:
    """Return the WHERE conditions on Conversation selecting customers' conversations begun in the scope."""
    where = [C.role == "customer", *_bounds(C.created_at, scope)]
    if scope.channel:
        where.append(C.channel == scope.channel)
    return where


def _has_request() -> Any:
    return sa.exists(select(R.id).where(R.conversation_id == C.id))


def _last_asked() -> Any:
    """The question left open after the conversation's last turn ('' when none was)."""
    turn, shown = aliased(M), aliased(M)
    last = (select(sa.func.max(turn.id)).where(turn.conversation_id == C.id, turn.intent.is_not(None))  # type: ignore
            .correlate(C).scalar_subquery())
    return select(shown.asked).where(shown.id == last).correlate(C).scalar_subquery()


def totals(*, session: Session, scope: Scope) -> dict[str, int]:
    """Return turns, conversations with turns, turns not understood, turns that needed a model and their cost."""
    row = session.exec(select(
        sa.func.count(M.id), sa.func.count(sa.distinct(M.conversation_id)),
        sa.func.coalesce(sa.func.sum(sa.case((M.understood.is_(False), 1), else_=0)), 0),  # type: ignore
        sa.func.coalesce(sa.func.sum(sa.case((M.model_calls > 0, 1), else_=0)), 0),
        sa.func.coalesce(sa.func.sum(M.model_calls), 0), sa.func.coalesce(sa.func.sum(M.model_cost_microusd), 0),
        sa.func.coalesce(sa.func.sum(M.model_unpriced), 0)).where(*turn_conditions(scope))).one()
    keys = ("turns", "conversations", "not_understood", "with_model", "model_calls", "cost_microusd", "unpriced")
    return {key: int(value) for key, value in zip(keys, row, strict=True)}


def by_day(*, session: Session, scope: Scope, field: str) -> list[tuple[str, str, int]]:
    """Return (Douala day, value, turns) for field 'intent' or 'language', oldest day first."""
    column = {"intent": M.intent, "language": M.language}[field]
    day = local_day(session, M.created_at).label("day")
    rows = session.exec(select(day, column, sa.func.count()).where(*turn_conditions(scope))
                        .group_by(day, column).order_by(day, column)).all()
    return [(str(d), str(v or ""), int(n)) for d, v, n in rows]


def by_channel(*, session: Session, scope: Scope) -> list[dict[str, Any]]:
    """Return per channel: turns, not understood, needing a model, conversations begun and turned into requests."""
    turns = {row[0]: row[1:] for row in session.exec(select(
        M.channel, sa.func.count(M.id),
        sa.func.coalesce(sa.func.sum(sa.case((M.understood.is_(False), 1), else_=0)), 0),  # type: ignore
        sa.func.coalesce(sa.func.sum(sa.case((M.model_calls > 0, 1), else_=0)), 0))
        .where(*turn_conditions(scope)).group_by(M.channel)).all()}
    begun = {row[0]: row[1:] for row in session.exec(select(
        C.channel, sa.func.count(C.id), sa.func.coalesce(sa.func.sum(sa.case((_has_request(), 1), else_=0)), 0))
        .where(*begun_conditions(scope)).group_by(C.channel)).all()}
    rows = []
    for channel in CHANNELS:
        if scope.channel and channel != scope.channel:
            continue
        t, b = turns.get(channel, (0, 0, 0)), begun.get(channel, (0, 0))
        rows.append({"channel": channel, "turns": int(t[0]), "not_understood": int(t[1]), "with_model": int(t[2]),
                     "begun": int(b[0]), "converted": int(b[1])})
    return rows


def drop_off(*, session: Session, scope: Scope) -> list[tuple[str, int]]:
    """Return (question left open, conversations) for conversations begun in scope that never became a request."""
    asked = sa.func.coalesce(_last_asked(), "").label("asked")
    rows = session.exec(select(asked, sa.func.count()).where(*begun_conditions(scope), ~_has_request())
                        .group_by(asked).order_by(sa.func.count().desc(), asked)).all()
    return [(str(a), int(n)) for a, n in rows]


def to_request(*, session: Session, scope: Scope) -> dict[str, Any]:
    """Return, over conversations begun in scope that became a request: how many, median turns and seconds to it."""
    first_request = (select(sa.func.min(R.created_at)).where(R.conversation_id == C.id)
                     .correlate(C).scalar_subquery())
    first_message = (select(sa.func.min(M.created_at)).where(M.conversation_id == C.id, M.direction == "in")
                     .correlate(C).scalar_subquery())
    turns = (select(sa.func.count(M.id)).where(M.conversation_id == C.id, M.intent.is_not(None),  # type: ignore
                                               M.created_at <= first_request).correlate(C).scalar_subquery())
    rows = session.exec(select(turns, seconds_between(session, first_request, first_message))
                        .where(*begun_conditions(scope), _has_request())).all()
    counts = [int(n) for n, _ in rows]
    seconds = [max(0.0, float(s)) for _, s in rows if s is not None]
    return {"conversations": len(rows), "median_turns": statistics.median(counts) if counts else None,
            "median_seconds": statistics.median(seconds) if seconds else None}


def conversations(*, session: Session, scope: Scope, metric: str, key: str = "") -> tuple[int, list[dict[str, Any]]]:
    """Return (how many, the latest DRILL_LIMIT) conversations behind a figure, each with its turns in scope.

    metric is one of TURN_METRICS (key: the intent or language) or CONVERSATION_METRICS (key: the question left
    open, for "dropped"); a turn figure counts turns, and each conversation row says how many of them it holds.
    """
    if metric in TURN_METRICS:
        where = turn_conditions(scope)
        if metric == "intent":
            where.append(M.intent == key)
        elif metric == "language":
            where.append(M.language == key)
        elif metric == "not_understood":
            where.append(M.understood.is_(False))  # type: ignore[union-attr]
        elif metric == "model":
            where.append(M.model_calls > 0)
        grouped = (select(M.conversation_id, sa.func.count(M.id).label("turns"), sa.func.max(M.created_at)
                          .label("last")).where(*where).group_by(M.conversation_id).subquery())
        total = int(session.exec(select(sa.func.count()).select_from(grouped)).one())
        rows = session.exec(select(C, grouped.c.turns).join(grouped, grouped.c.conversation_id == C.id)
                            .order_by(grouped.c.last.desc(), C.id.desc()).limit(DRILL_LIMIT)).all()
        return total, [{"conversation": c, "turns": int(n)} for c, n in rows]
    if metric not in CONVERSATION_METRICS:
        raise ValueError(f"unknown figure: {metric}")
    where = begun_conditions(scope)
    if metric == "converted":
        where.append(_has_request())
    elif metric == "dropped":
        where += [~_has_request(), sa.func.coalesce(_last_asked(), "") == key]
    total = int(session.exec(select(sa.func.count(C.id)).where(*where)).one())
    turns = select(sa.func.count(M.id)).where(M.conversation_id == C.id, M.intent.is_not(None)).scalar_subquery()
    rows = session.exec(select(C, turns).where(*where).order_by(C.created_at.desc(), C.id.desc())  # type: ignore
                        .limit(DRILL_LIMIT)).all()
    return total, [{"conversation": c, "turns": int(n)} for c, n in rows]


def overview(*, session: Session, scope: Scope) -> dict[str, Any]:
    """Return every figure of the page for one scope."""
    return {"totals": totals(session=session, scope=scope),
            "intents": by_day(session=session, scope=scope, field="intent"),
            "languages": by_day(session=session, scope=scope, field="language"),
            "channels": by_channel(session=session, scope=scope), "drop_off": drop_off(session=session, scope=scope),
            "to_request": to_request(session=session, scope=scope), "at": clock.now()}
