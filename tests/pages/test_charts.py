"""Charts people can read: days in order with short labels, one colour per service everywhere, a map that names
only quartiers with room and says what its colours count, no toolbar over titles."""

from core.catalog import quartiers, services
from ui import charts, theme


def _bars(figure) -> dict:
    return {trace.name: trace for trace in figure.data}


def test_days_are_in_date_order_whatever_order_services_come_in():
    rows = [("2026-12-03", "plumbing", 2), ("2026-11-28", "electrical", 1), ("2026-12-01", "plumbing", 4),
            ("2026-11-30", "electrical", 3)]
    figure = charts.requests_over_time(rows, title="x", language="fr")
    assert list(figure.layout.xaxis.categoryarray) == ["28 nov.", "30 nov.", "1 déc.", "3 déc."]
    assert figure.layout.xaxis.categoryorder == "array" and figure.layout.xaxis.nticks == 6
    english = charts.requests_over_time(rows, title="x", language="en")
    assert list(english.layout.xaxis.categoryarray) == ["28 Nov", "30 Nov", "1 Dec", "3 Dec"]
    plumbing = _bars(figure)["Plomberie"]
    assert [list(c) for c in plumbing.customdata] == [["plumbing", "2026-12-01"], ["plumbing", "2026-12-03"]]


def test_each_service_keeps_one_colour_distinct_from_the_others():
    colours = [charts.service_colour(s.code) for s in services()]
    assert len(set(colours)) == len(colours)
    assert set(colours) <= set(theme.CHART_COLOURS)  # Okabe-Ito: safe for colour-blind readers
    only_water = charts.requests_over_time([("2026-12-01", "plumbing", 1)], title="x")
    both = charts.requests_over_time([("2026-12-01", "electrical", 1), ("2026-12-01", "plumbing", 1)], title="x")
    assert _bars(only_water)["Plomberie"].marker.color == _bars(both)["Plomberie"].marker.color


def test_the_map_names_only_quartiers_that_have_room_and_titles_its_colour_scale():
    counts = [(q.name, 1 + i % 7) for i, q in enumerate(quartiers())]
    figure = charts.quartier_scatter(counts, [(counts[0][0], 3)], title="x", labels=("demandes", "prestataires"))
    points = charts.quartier_points(counts)
    named = charts.labelled(points)
    assert 0 < len(named) <= charts.LABELLED_QUARTIERS
    places = {q: p for q, _, p in points}
    for a in named:
        for b in named - {a}:
            assert charts._km(places[a].lat, places[a].lon, places[b].lat, places[b].lon) >= 4.0
    [trace] = figure.data
    assert sum(1 for text in trace.text if text) == len(named)
    assert trace.marker.colorbar.title.text == "prestataires"
    assert len(trace.hovertext) == len(points)  # every quartier still named on hover


def test_the_base_map_keeps_the_drill_down_data():
    counts = [("Makepe", 5), ("Akwa", 2)]
    figure = charts.quartier_map(counts, [], title="x", labels=("demandes", "prestataires"))
    [trace] = figure.data
    assert trace.type == "scattermap" and figure.layout.map.style == "open-street-map"
    assert sorted(c[0] for c in trace.customdata) == ["Akwa", "Makepe"]


def test_no_toolbar_over_titles_and_no_legend_inside_the_plot():
    page = charts.for_page(charts.requests_over_time([("2026-12-01", "plumbing", 1)], title="x"))
    assert page["config"]["displayModeBar"] is False
    assert page["layout"]["showlegend"] is False
