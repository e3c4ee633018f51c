"""Finding 9: text that providers or customers control is plain text everywhere, chart labels included.

Plotly draws a subset of HTML in labels and hover text (<a href>, <b>, <br>...): a provider named with a link
would become a live link on the dashboard. Labels are escaped, so plotly shows the characters as they were typed.
"""

import json

from nicegui import ui
from nicegui.testing import User

from core import clock
from core.analytics.dashboard import Leader
from core.customers.models import Customer
from core.service_requests.models import RequestStatus, ServiceRequest
from tests.factories import make_provider
from tests.pages.helpers import sign_in_admin
from ui import charts

EVIL = '<a href="https://evil.example/steal">Paul</a> <b>Plomberie</b>'


def _texts(figure) -> str:
    """Return every trace's shown text (customdata is only read by the click-through, never drawn)."""
    traces = [{k: v for k, v in trace.items() if k != "customdata"} for trace in figure.to_plotly_json()["data"]]
    return json.dumps(traces, ensure_ascii=False)


def test_provider_names_in_the_leaderboard_chart_are_plain_text():
    leader = Leader(id=1, name=EVIL, jobs=3, billed=0, rating=None)
    figure = charts.leaderboard([leader], title="Meilleurs prestataires")
    texts = _texts(figure)
    assert "<a" not in texts and "<b>" not in texts
    assert '&lt;a href=\\"https://evil.example/steal\\"&gt;Paul&lt;/a&gt;' in texts


def test_every_chart_label_is_plain_text():
    figures = [
        charts.requests_over_time([("2026-12-01", EVIL, 2)], title="Demandes"),
        charts.funnel([("requests", EVIL, 3)], title="Entonnoir"),
        charts.assignment_histogram([(EVIL, 1)], title="Délai"),
        charts.quartier_scatter([("Makepe", 2)], [("Makepe", 1)], title="Quartiers", labels=(EVIL, EVIL)),
    ]
    for figure in figures:
        texts = _texts(figure) + json.dumps(figure.to_plotly_json()["layout"], ensure_ascii=False)
        assert "<a" not in texts and "<b>" not in texts, texts


async def test_the_dashboard_shows_a_providers_name_as_text_not_a_link(user: User, session):
    provider = make_provider(session, name=EVIL)
    customer = Customer(phone="+237699555000")
    session.add(customer)
    session.flush()
    session.add(ServiceRequest(reference="DJB-EVIL", customer_id=customer.id, service_type="plumbing",
                               quartier="Makepe", status=RequestStatus.COMPLETED, provider_id=provider.id,
                               final_price=10_000, created_at=clock.now(), assigned_at=clock.now(),
                               completed_at=clock.now()))
    session.commit()
    await sign_in_admin(user, session)
    await user.open("/admin?period=7d")
    [plot] = user.find(marker="chart-leaderboard").elements
    assert isinstance(plot, ui.plotly)
    shown = json.dumps(plot._props, ensure_ascii=False)
    assert "evil.example" in shown  # the name is there...
    assert "<a href" not in shown  # ...but never as a link


def test_exported_cells_are_never_spreadsheet_formulas():
    from core.analytics.export import _safe

    for typed in ("=HYPERLINK(\"https://evil.example\",\"Paul\")", "+cmd", "@SUM(A1)", "\t=1+1", "\r=1+1"):
        assert _safe(typed).startswith("'"), typed
    assert _safe("+237699000001") == "+237699000001" and _safe("Paul") == "Paul"
