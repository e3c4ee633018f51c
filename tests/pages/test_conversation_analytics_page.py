"""The conversation analytics page: figures equal the seeded rows, filters narrow them, each opens its conversations."""

from collections import Counter

from nicegui.testing import User

from core.analytics import conversation_stats as stats
from tests.analytics.conversation_seed import seed_conversations
from tests.pages.helpers import sign_in_admin, text_of, wait_for_path


def _percent(part: int, whole: int) -> str:
    return f"{int(100 * part / whole + 0.5)} %" if whole else "–"  # half up, as people round


def _turns(seeded, scope, channel=None):
    return [dict(t, conversation=c["id"]) for c in seeded.conversations for t in c["turns"]
            if (scope.start is None or scope.start <= t["at"]) and (scope.end is None or t["at"] < scope.end)
            and channel in (None, c["channel"])]


async def test_an_operator_sees_the_figures_and_the_navigation_link(user: User, session):
    seeded = seed_conversations(session)
    scope = stats.scope_from({"period": "30d"})
    turns = _turns(seeded, scope)
    await sign_in_admin(user, session, role="operator")
    await user.open("/admin/conversation-analytics")
    await user.should_see("Analyse des conversations")
    assert text_of(user, "kpi-turns-value") == str(len(turns))
    misread = sum(1 for t in turns if not t["understood"])
    assert text_of(user, "kpi-not-understood-value") == _percent(misread, len(turns))
    assert text_of(user, "kpi-with-model-value") == _percent(sum(1 for t in turns if t["model_calls"]), len(turns))
    begun = [c for c in seeded.conversations if scope.start <= c["started"] < scope.end]
    assert text_of(user, "kpi-begun-value") == str(len(begun))
    dropped = Counter(c["turns"][-1]["asked"] for c in begun if c["request_at"] is None and c["turns"])
    assert text_of(user, "drop-location") == f"Quel quartier ? : {dropped['location']}"
    user.find(marker="chart-intents")  # the charts are drawn
    user.find(marker="chart-drop-off")


async def test_the_channel_filter_narrows_every_figure(user: User, session):
    seeded = seed_conversations(session)
    scope = stats.scope_from({"period": "all"})
    await sign_in_admin(user, session)
    await user.open("/admin/conversation-analytics?period=all&channel=web")
    assert text_of(user, "kpi-turns-value") == str(len(_turns(seeded, scope, "web")))
    user.find(marker="channel-web")
    await user.should_not_see(marker="channel-whatsapp")


async def test_a_figure_opens_the_conversations_behind_it(user: User, session):
    seeded = seed_conversations(session)
    scope = stats.scope_from({"period": "30d"})
    misread = Counter(t["conversation"] for t in _turns(seeded, scope) if not t["understood"])
    await sign_in_admin(user, session)
    await user.open("/admin/conversation-analytics")
    user.find(marker="kpi-not-understood").click()
    await wait_for_path(user, "metric=not_understood")
    await user.should_see(marker="behind-summary")
    assert text_of(user, "behind-summary") == f"{len(misread)} conversations · {sum(misread.values())} messages"
    for conversation_id in misread:
        user.find(marker=f"behind-{conversation_id}")
    first = next(iter(misread))
    user.find(marker=f"behind-{first}").click()
    await wait_for_path(user, f"/admin/conversations/{first}")


async def test_bad_filter_values_fall_back_and_change_nothing(user: User, session):
    seed_conversations(session, count=12)
    await sign_in_admin(user, session)
    await user.open("/admin/conversation-analytics/conversations?metric=drop%20table&channel=fax&period=x&day=13/45")
    await user.should_see(marker="behind-summary")
    await user.should_see("Messages lus")
