"""The dashboard shows exactly what the database holds (expected numbers computed here from the seeded rows)."""

from datetime import timedelta

from nicegui.testing import User

from core.analytics.filters import from_params
from core.money import format_xaf
from core.payments.models import PaymentStatus
from core.providers.models import ProviderStatus
from tests.analytics.seed import local_date, median, seed
from tests.pages.helpers import sign_in_admin, text_of, wait_for_path


def _round_percent(part: int, whole: int) -> str:
    return f"{int(100 * part / whole + 0.5)} %" if whole else "–"


async def test_the_kpis_on_screen_equal_the_database(user: User, session):
    history = seed(session, count=60)
    await sign_in_admin(user, session)
    await user.open("/admin?period=30d&service=plumbing")
    filters = from_params({"period": "30d"}, history.now)
    scope = [r for r in history.requests if r["service_type"] == "plumbing"]
    rows = [r for r in scope if filters.start <= r["created_at"] < filters.end]
    today = local_date(history.now)
    monday = today - timedelta(days=today.weekday())
    assert text_of(user, "kpi-today-value") == str(sum(local_date(r["created_at"]) == today for r in scope))
    assert text_of(user, "kpi-week-value") == str(sum(local_date(r["created_at"]) >= monday for r in scope))
    assert text_of(user, "kpi-requests-value") == str(len(rows))
    assigned = [r for r in rows if r["assigned_at"]]
    assert text_of(user, "kpi-assigned-rate-value") == _round_percent(len(assigned), len(rows))
    completed = [r for r in rows if r["completed_at"]]
    assert text_of(user, "kpi-completed-rate-value") == _round_percent(len(completed), len(rows))
    waits = [(r["assigned_at"] - r["created_at"]).total_seconds() for r in assigned]
    middle = median(waits)
    minutes = int(middle / 60 + 0.5) if middle is not None else None
    shown = text_of(user, "kpi-median-assign-value")
    if middle is None:
        assert shown == "–"
    elif middle < 60:
        assert shown == f"{int(middle + 0.5)} s"
    elif minutes < 60:
        assert shown == f"{minutes} min"
    else:
        assert shown == f"{minutes // 60} h {minutes % 60:02d}"
    paid = [p for p in history.payments
            if p["status"] == PaymentStatus.SUCCESS and p["request"]["service_type"] == "plumbing"
            and filters.start <= p["paid_at"] < filters.end]
    assert text_of(user, "kpi-revenue-value") == format_xaf(sum(p["amount"] for p in paid))
    assert text_of(user, "kpi-commission-value") == format_xaf(sum(p["commission"] for p in paid))
    stars = [x["stars"] for x in history.ratings if x["request"]["service_type"] == "plumbing"
             and filters.start <= x["created_at"] < filters.end]
    expected_rating = f"{sum(stars) / len(stars):.1f}".replace(".", ",") + " ★" if stars else "–"
    assert text_of(user, "kpi-rating-value") == expected_rating
    active = [p for p in history.providers if p["status"] == ProviderStatus.ACTIVE and p["trade"] == "plumbing"]
    assert text_of(user, "kpi-providers-value") == str(len(active))
    for stage in ("offered", "assigned", "completed", "paid"):
        expected = sum(r[f"{stage}_at"] is not None for r in rows)
        assert text_of(user, f"funnel-{stage}").endswith(f": {expected}")


async def test_a_funnel_number_opens_the_requests_behind_it(user: User, session):
    history = seed(session, count=40)
    await sign_in_admin(user, session)
    await user.open("/admin?period=all")
    expected = sum(r["completed_at"] is not None for r in history.requests)
    await user.open("/admin/requests?period=all&stage=completed")
    assert text_of(user, "request-total").startswith(f"{expected} ")


async def test_changing_a_filter_reloads_the_dashboard_with_it(user: User, session):
    seed(session, count=20)
    await sign_in_admin(user, session)
    user.find(marker="filter-service").click()
    user.find("Électricité").click()
    await wait_for_path(user, "service=electrical")
