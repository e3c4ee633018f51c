"""Conversation analytics equal what the seeded rows say, counted here in plain Python, and drill down to them."""

from collections import Counter

import pytest

from core import clock
from core.analytics import conversation_stats as stats
from tests.analytics.conversation_seed import seed_conversations
from tests.analytics.seed import local_date, median

SCOPES = [{"period": "30d"}, {"period": "7d", "channel": "web"}, {"period": "all", "channel": "whatsapp"},
          {"period": "today"}, {"period": "90d", "channel": "simulator"}]


def _within(at, scope: stats.Scope) -> bool:
    return (scope.start is None or at >= scope.start) and (scope.end is None or at < scope.end) and (
        scope.day is None or local_date(at).isoformat() == scope.day)


def _turns(seeded, scope: stats.Scope) -> list[dict]:
    return [dict(t, conversation=c["id"]) for c in seeded.conversations for t in c["turns"]
            if _within(t["at"], scope) and scope.channel in (None, c["channel"])]


def _begun(seeded, scope: stats.Scope) -> list[dict]:
    return [c for c in seeded.conversations if _within(c["started"], scope) and scope.channel in (None, c["channel"])]


@pytest.mark.parametrize("params", SCOPES, ids=lambda p: "-".join(p.values()))
def test_figures_equal_the_seeded_rows(session, params):
    seeded = seed_conversations(session)
    scope = stats.scope_from(params)
    turns, begun = _turns(seeded, scope), _begun(seeded, scope)
    data = stats.overview(session=session, scope=scope)
    if params["period"] in ("30d", "all"):
        assert turns and begun and any(c["request_at"] for c in begun)  # the figures below are not all zeros

    assert data.totals == stats.TurnTotals(
        turns=len(turns), not_understood=sum(1 for t in turns if not t["understood"]),
        with_model=sum(1 for t in turns if t["model_calls"]), model_calls=sum(t["model_calls"] for t in turns),
        cost_microusd=sum(t["cost"] for t in turns), unpriced=sum(t["unpriced"] for t in turns))
    intents = Counter((local_date(t["at"]).isoformat(), t["intent"]) for t in turns)
    assert data.intents == sorted((d, i, n) for (d, i), n in intents.items())
    languages = Counter((local_date(t["at"]).isoformat(), t["language"]) for t in turns)
    assert data.languages == sorted((d, lang, n) for (d, lang), n in languages.items())

    dropped = Counter(c["turns"][-1]["asked"] for c in begun if c["request_at"] is None and c["turns"])
    assert dict(data.drop_off) == dict(dropped)
    converted = [c for c in begun if c["request_at"] is not None]
    assert data.to_request.conversations == len(converted)
    assert data.to_request.median_turns == median(
        [sum(1 for t in c["turns"] if t["at"] <= c["request_at"]) for c in converted])
    expected_seconds = median([(c["request_at"] - c["turns"][0]["at"]).total_seconds() for c in converted])
    if expected_seconds is None:
        assert data.to_request.median_seconds is None
    else:
        assert data.to_request.median_seconds == pytest.approx(expected_seconds, abs=0.01)

    for row in data.channels:
        mine = [t for t in turns if t["channel"] == row.channel]
        started = [c for c in begun if c["channel"] == row.channel]
        assert row == stats.ChannelFigures(channel=row.channel, turns=len(mine),
                                           not_understood=sum(1 for t in mine if not t["understood"]),
                                           with_model=sum(1 for t in mine if t["model_calls"]), begun=len(started),
                                           converted=sum(1 for c in started if c["request_at"] is not None))
    assert [r.channel for r in data.channels] == ([scope.channel] if scope.channel else list(stats.CHANNELS))


def test_every_figure_drills_down_to_its_conversations(session):
    seeded = seed_conversations(session, count=45)
    scope = stats.scope_from({"period": "30d"})
    turns, begun = _turns(seeded, scope), _begun(seeded, scope)

    def drilled(metric, key=""):
        total, rows = stats.conversations(session=session, scope=scope, metric=metric, key=key)
        assert total == len(rows)  # fewer than the drill-down's limit here
        return {r.conversation.id: r.turns for r in rows}

    def per_conversation(selected):
        return dict(Counter(t["conversation"] for t in selected))

    assert drilled("turns") == per_conversation(turns)
    assert drilled("intent", "complaint") == per_conversation([t for t in turns if t["intent"] == "complaint"])
    assert drilled("language", "en") == per_conversation([t for t in turns if t["language"] == "en"])
    assert drilled("not_understood") == per_conversation([t for t in turns if not t["understood"]])
    assert drilled("model") == per_conversation([t for t in turns if t["model_calls"]])
    assert set(drilled("begun")) == {c["id"] for c in begun}
    assert set(drilled("converted")) == {c["id"] for c in begun if c["request_at"]}
    for question in ("", "location", "service_type", "rating"):
        assert set(drilled("dropped", question)) == {c["id"] for c in begun if c["request_at"] is None
                                                     and c["turns"] and c["turns"][-1]["asked"] == question}
    assert sum(drilled("turns").values()) == len(turns)


def test_one_day_of_a_chart_drills_down_to_that_day(session):
    seeded = seed_conversations(session, count=40, days=3)
    day = local_date(clock.now()).isoformat()
    scope = stats.scope_from({"period": "7d", "day": day})
    expected = Counter(t["conversation"] for t in _turns(seeded, scope) if t["intent"] == "other")
    _, rows = stats.conversations(session=session, scope=scope, metric="intent", key="other")
    assert {r.conversation.id: r.turns for r in rows} == dict(expected)


def test_unknown_filter_values_fall_back_and_unknown_figures_are_refused(session):
    scope = stats.scope_from({"period": "forever", "channel": "fax", "day": "32/13"})
    assert scope.channel is None and scope.day is None and scope.start is not None  # the default period
    with pytest.raises(ValueError):
        stats.conversations(session=session, scope=scope, metric="secrets")
