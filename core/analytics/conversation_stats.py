"""Conversation analytics: what customers' turns were about, how well they were read, where conversations stop.

Read-only. A turn is a customer's message the engine read (`Message.intent` set); each turn adds itself to its
day's totals (`TurnDay`) and to its conversation's own (turns read, question left open, first request), which the
figures read, so a year costs a few thousand rows. A conversation "begun" in a period is one created in it. Every
figure has a drill-down (`conversations()`) that lists the conversations behind it from the messages themselves;
the tests hold the two equal.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from core import clock
from core.analytics.filters import DEFAULT_PERIOD, local_midnight, period_bounds, seconds_between
from core.analytics.monitoring import percentile
from core.messaging.conversations import Conversation as C
from core.messaging.conversations import Message as M
from core.messaging.conversations import TurnDay as T

CHANNELS = ("whatsapp", "web", "simulator")
# what a drill-down can ask for; the first group counts turns, the second conversations begun in the period
TURN_METRICS = ("turns", "intent", "language", "not_understood", "model")
CONVERSATION_METRICS = ("begun", "converted", "dropped")
DRILL_LIMIT = 200


@dataclass(frozen=True)
class TurnTotals:
    """Turns in scope, those not understood and those that needed a model, model calls and their cost."""

    turns: int
    not_understood: int
    with_model: int
    model_calls: int
    cost_microusd: int  # of the calls with a known price
    unpriced: int  # calls of a model without a known price


@dataclass(frozen=True)
class ChannelFigures:
    """One channel's turns, how they were read, and its conversations begun and turned into requests."""

    channel: str
    turns: int
    not_understood: int
    with_model: int
    begun: int
    converted: int


@dataclass(frozen=True)
class ToRequest:
    """Conversations begun in scope that became a request, with the median turns and seconds it took."""

    conversations: int
    median_turns: float | None
    median_seconds: float | None


@dataclass(frozen=True)
class ConversationTurns:
    """A conversation behind a figure, with its turns in scope."""

    conversation: C
    turns: int


@dataclass(frozen=True)
class Overview:
    """Every figure of the conversation analytics page for one scope."""

    totals: TurnTotals
    intents: list[tuple[str, str, int]]  # (Douala day, intent, turns)
    languages: list[tuple[str, str, int]]  # (Douala day, language, turns)
    channels: list[ChannelFigures]
    drop_off: list[tuple[str, int]]  # (question left open, conversations)
    to_request: ToRequest
    at: datetime


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
    where = [M.intent.is_not(None), *_bounds(M.created_at, scope)]
    if scope.channel:
        where.append(M.channel == scope.channel)
    return where


def begun_conditions(scope: Scope) -> list[Any]:
    """Return the WHERE conditions on Conversation selecting customers' conversations begun in the scope."""
    where = [C.role == "customer", *_bounds(C.created_at, scope)]
    if scope.channel:
        where.append(C.channel == scope.channel)
    return where


def _day_conditions(scope: Scope) -> list[Any]:
    """The scope on the daily totals: periods are whole Douala days, so they hold exactly the turns drilled into."""
    where: list[Any] = []
    if scope.start is not None:
        where.append(T.day >= clock.local(scope.start).date())
    if scope.end is not None:
        where.append(T.day < clock.local(scope.end).date())
    if scope.day is not None:
        where.append(T.day == date.fromisoformat(scope.day))
    if scope.channel:
        where.append(T.channel == scope.channel)
    return where


_SUMS = (T.turns, T.not_understood, T.with_model, T.model_calls, T.model_cost_microusd, T.model_unpriced)


def _sums(session: Session, scope: Scope, *keys: Any) -> list[tuple]:
    """Return the daily totals of the scope summed per keys (none: one row)."""
    query = select(*keys, *(sa.func.coalesce(sa.func.sum(c), 0) for c in _SUMS)).where(*_day_conditions(scope))
    if keys:
        query = query.group_by(*keys).order_by(*keys)
    return [tuple(row) for row in session.exec(query).all()]


def totals(*, session: Session, scope: Scope) -> TurnTotals:
    """Return turns, turns not understood, turns that needed a model, model calls and their cost."""
    [row] = _sums(session, scope)
    return TurnTotals(*(int(value) for value in row))


def by_day(*, session: Session, scope: Scope, field: str) -> list[tuple[str, str, int]]:
    """Return (Douala day, value, turns) for field 'intent' or 'language', oldest day first."""
    column = {"intent": T.intent, "language": T.language}[field]
    return [(d.isoformat(), str(v), int(n)) for d, v, n, *_ in _sums(session, scope, T.day, column)]


def by_channel(*, session: Session, scope: Scope) -> list[ChannelFigures]:
    """Return per channel: turns, not understood, needing a model, conversations begun and turned into requests."""
    turns = {row[0]: row[1:] for row in _sums(session, scope, T.channel)}
    begun = {row[0]: row[1:] for row in session.exec(select(
        C.channel, sa.func.count(C.id), sa.func.count(C.request_at)).where(*begun_conditions(scope))
        .group_by(C.channel)).all()}
    rows = []
    for channel in CHANNELS:
        if scope.channel and channel != scope.channel:
            continue
        t, b = turns.get(channel, (0, 0, 0)), begun.get(channel, (0, 0))
        rows.append(ChannelFigures(channel=channel, turns=int(t[0]), not_understood=int(t[1]), with_model=int(t[2]),
                                   begun=int(b[0]), converted=int(b[1])))
    return rows


def drop_off(*, session: Session, scope: Scope) -> list[tuple[str, int]]:
    """Return (question left open, conversations) for conversations begun in scope, read, never made a request."""
    rows = session.exec(select(C.last_asked, sa.func.count()).where(*begun_conditions(scope), *_dropped())
                        .group_by(C.last_asked).order_by(sa.func.count().desc(), C.last_asked)).all()
    return [(str(a), int(n)) for a, n in rows]


def _dropped() -> list[Any]:
    return [C.read_turns > 0, C.request_at.is_(None)]


def to_request(*, session: Session, scope: Scope) -> ToRequest:
    """Return, over conversations begun in scope that became a request: how many, median turns and seconds to it."""
    reached = [*begun_conditions(scope), C.request_at.is_not(None)]
    count = int(session.exec(select(sa.func.count(C.id)).where(*reached)).one())
    turns = percentile(session=session, column=C.turns_to_request, q=0.5,
                       where=[*reached, C.turns_to_request.is_not(None)])
    waited = seconds_between(session, C.request_at, C.first_turn_at)
    seconds = percentile(session=session, column=waited, q=0.5,
                         where=[*reached, C.first_turn_at.is_not(None)])
    return ToRequest(conversations=count, median_turns=turns,
                     median_seconds=None if seconds is None else max(0.0, seconds))


def conversations(*, session: Session, scope: Scope, metric: str,
                  key: str = "") -> tuple[int, list[ConversationTurns]]:
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
            where.append(M.understood.is_(False))
        elif metric == "model":
            where.append(M.model_calls > 0)
        grouped = (select(M.conversation_id, sa.func.count(M.id).label("turns"), sa.func.max(M.created_at)
                          .label("last")).where(*where).group_by(M.conversation_id).subquery())
        total = int(session.exec(select(sa.func.count()).select_from(grouped)).one())
        rows = session.exec(select(C, grouped.c.turns).join(grouped, grouped.c.conversation_id == C.id)
                            .order_by(grouped.c.last.desc(), C.id.desc()).limit(DRILL_LIMIT)).all()
        return total, [ConversationTurns(c, int(n)) for c, n in rows]
    if metric not in CONVERSATION_METRICS:
        raise ValueError(f"unknown figure: {metric}")
    where = begun_conditions(scope)
    if metric == "converted":
        where.append(C.request_at.is_not(None))
    elif metric == "dropped":
        where += [*_dropped(), C.last_asked == key]
    total = int(session.exec(select(sa.func.count(C.id)).where(*where)).one())
    found = session.exec(select(C).where(*where).order_by(C.created_at.desc(), C.id.desc())
                         .limit(DRILL_LIMIT)).all()
    return total, [ConversationTurns(c, c.read_turns) for c in found]


def overview(*, session: Session, scope: Scope) -> Overview:
    """Return every figure of the page for one scope."""
    return Overview(totals=totals(session=session, scope=scope),
                    intents=by_day(session=session, scope=scope, field="intent"),
                    languages=by_day(session=session, scope=scope, field="language"),
                    channels=by_channel(session=session, scope=scope),
                    drop_off=drop_off(session=session, scope=scope),
                    to_request=to_request(session=session, scope=scope), at=clock.now())
