"""Plotly figures of the dashboard (built from analytics rows; plotly only ever loads on the dashboard).

Plotly draws a subset of HTML in titles, labels and hover text (links, bold, line breaks): every text shown goes
through plain() first, so a provider's name is shown as typed and never becomes a link.
"""

import html
import math
from collections import defaultdict
from datetime import date

import plotly.graph_objects as go

from core.analytics.dashboard import Leader
from core.catalog import quartier as find_quartier
from core.catalog import service as find_service
from core.catalog import services as all_services
from core.texts import formats
from ui import theme

# no legend inside the plot (ui.chart_legend draws it below, where it wraps instead of scrolling) and room for the
# title above the plot area; the toolbar is off (CONFIG) so nothing covers the title on a phone
_LAYOUT = {"margin": {"l": 40, "r": 10, "t": 40, "b": 50}, "height": 300, "font": {"size": 12},
           "showlegend": False, "paper_bgcolor": "white", "plot_bgcolor": "white"}
CONFIG = {"displayModeBar": False, "responsive": True, "scrollZoom": False}
LABELLED_QUARTIERS = 8  # the map names the busiest quartiers that have room; the rest are named on hover


def plain(text: object) -> str:
    """Return text that plotly shows as typed: &, < and > as the entities plotly turns back into characters."""
    return html.escape(str(text), quote=False)  # plotly knows &lt; &gt; &amp;, not &quot;


def _figure(title: str) -> go.Figure:
    fig = go.Figure()
    fig.update_layout(title={"text": plain(title), "font": {"size": 13}}, colorway=theme.CHART_COLOURS, **_LAYOUT)
    return fig


def service_label(code: str, language: str = "fr") -> str:
    """Return the service's name in language, or the code."""
    found = find_service(code)
    return found.name(language) if found else code


def service_colour(code: str) -> str:
    """Return the service's colour: fixed by its place in the catalogue, the same in every chart."""
    codes = [s.code for s in all_services()]
    index = codes.index(code) if code in codes else len(codes)
    return theme.CHART_COLOURS[index % len(theme.CHART_COLOURS)]


def requests_over_time(rows: list[tuple[str, str, int]], *, title: str, language: str = "fr") -> go.Figure:
    """Stacked bars: requests per Douala day in date order, one colour per service; customdata (service, day)."""
    fig = _figure(title)
    series: dict[str, dict[str, int]] = defaultdict(dict)
    for day, service, count in rows:
        series[service][day] = count
    days = sorted({day for day, _, _ in rows})
    shown = {day: _day_label(day, language) for day in days}
    order = [s.code for s in all_services()]
    for service, counts in sorted(series.items(), key=lambda item: (order.index(item[0]) if item[0] in order
                                                                     else len(order), item[0])):
        ordered = sorted(counts)
        fig.add_bar(x=[shown[d] for d in ordered], y=[counts[d] for d in ordered],
                    name=plain(service_label(service, language)), marker_color=service_colour(service),
                    customdata=[[service, d] for d in ordered],
                    hovertemplate="%{x} · " + plain(service_label(service, language)) + " : %{y}<extra></extra>")
    # categories in date order whatever order the services came in; ~6 slanted labels stay readable on a phone
    fig.update_layout(barmode="stack", xaxis={"type": "category", "categoryorder": "array",
                                              "categoryarray": [shown[d] for d in days], "nticks": 6,
                                              "tickangle": -30, "automargin": True},
                      yaxis={"rangemode": "tozero", "automargin": True})
    return fig


def counts_over_time(rows: list[tuple[str, str, int]], *, title: str, names: dict[str, str]) -> go.Figure:
    """Stacked bars: counts per Douala day, one colour per value (named by names); customdata carries (value, day)."""
    fig = _figure(title)
    series: dict[str, dict[str, int]] = defaultdict(dict)
    for day, value, count in rows:
        series[value][day] = count
    for value, counts in sorted(series.items()):
        days = sorted(counts)
        fig.add_bar(x=days, y=[counts[d] for d in days], name=plain(names.get(value, value)),
                    customdata=[[value, d] for d in days])
    fig.update_layout(barmode="stack", xaxis={"type": "category"})
    return fig


def labelled_bars(rows: list[tuple[str, str, int]], *, title: str) -> go.Figure:
    """Horizontal bars of (key, label, count); customdata carries the key."""
    fig = _figure(title)
    ordered = list(reversed(rows))
    fig.add_bar(y=[plain(label) for _, label, _ in ordered], x=[n for _, _, n in ordered], orientation="h",
                customdata=[[key] for key, _, _ in ordered], text=[n for _, _, n in ordered], textposition="auto",
                marker_color=theme.ACCENT)
    fig.update_layout(height=max(200, 60 + 30 * len(rows)))
    return fig


def legend_items(codes: list[str], language: str) -> list[tuple[str, str]]:
    """Return (name, colour) of each service shown, for the legend drawn below a chart."""
    return [(service_label(code, language), service_colour(code)) for code in codes]


def _day_label(day: str, language: str) -> str:
    try:
        return formats.day(date.fromisoformat(day), language)
    except ValueError:
        return day


def funnel(stages: list[tuple[str, str, int]], *, title: str) -> go.Figure:
    """Funnel bars from request to paid; customdata carries the stage key."""
    fig = _figure(title)
    fig.add_bar(x=[plain(label) for _, label, _ in stages], y=[n for _, _, n in stages],
                customdata=[[key] for key, _, _ in stages], text=[n for _, _, n in stages], textposition="auto",
                marker_color=theme.PRIMARY)
    return fig


def assignment_histogram(buckets: list[tuple[str, int]], *, title: str) -> go.Figure:
    """Bars of assigned requests by minutes to assignment; customdata carries the bucket key."""
    fig = _figure(title)
    fig.add_bar(x=[plain(f"{key} min") for key, _ in buckets], y=[n for _, n in buckets],
                customdata=[[key] for key, _ in buckets], marker_color=theme.ACCENT)
    return fig


def quartier_points(requests: list[tuple[str, int]]) -> list[tuple[str, int, object]]:
    """Return (quartier, requests, place) for the quartiers the gazetteer places, busiest first."""
    points = [(q, n, find_quartier(q)) for q, n in requests]
    return sorted(((q, n, p) for q, n, p in points if p is not None), key=lambda item: (-item[1], item[0]))


def labelled(points: list[tuple[str, int, object]], *, limit: int = LABELLED_QUARTIERS,
             min_km: float = 4.0) -> set[str]:
    """Return the quartiers to name on the map: the busiest, skipping any closer than min_km to one already named.

    Douala's quartiers span about 20 km across a chart some 330 px wide on a phone: 4 km keeps a name's width clear.

    Names then never sit on top of each other; every quartier keeps its name on hover.
    """
    chosen: list[tuple[float, float]] = []
    names: set[str] = set()
    for name, _, place in points:
        if len(names) >= limit:
            break
        if all(_km(place.lat, place.lon, lat, lon) >= min_km for lat, lon in chosen):
            chosen.append((place.lat, place.lon))
            names.add(name)
    return names


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dy = (lat1 - lat2) * 111.0
    dx = (lon1 - lon2) * 111.0 * math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot(dx, dy)


def _quartier_marker(points: list, serving: dict[str, int], colour_title: str) -> dict:
    biggest = max((n for _, n, _ in points), default=1) or 1
    return {"size": [10 + 30 * n / biggest for _, n, _ in points], "color": [serving.get(q, 0) for q, _, _ in points],
            "colorscale": "Viridis", "reversescale": True, "showscale": True, "opacity": 0.85,
            "colorbar": {"title": {"text": plain(colour_title), "side": "right"}, "thickness": 12, "len": 0.8}}


def quartier_scatter(requests: list[tuple[str, int]], providers: list[tuple[str, int]], *, title: str,
                     labels: tuple[str, str]) -> go.Figure:
    """Quartiers at their coordinates, readable with no network: size = requests, colour = providers serving.

    Only quartiers with room are named (labelled()), and the colour scale says what it counts.
    """
    fig = _figure(title)
    serving = dict(providers)
    points = quartier_points(requests)
    named = labelled(points)
    marker = _quartier_marker(points, serving, labels[1])
    marker["line"] = {"width": 1, "color": theme.DARK}
    fig.add_scatter(
        x=[p.lon for _, _, p in points], y=[p.lat for _, _, p in points], mode="markers+text",
        text=[plain(q) if q in named else "" for q, _, _ in points], textposition="top center",
        customdata=[[q] for q, _, _ in points],
        hovertext=[plain(f"{q}: {n} {labels[0]}, {serving.get(q, 0)} {labels[1]}") for q, n, _ in points],
        hoverinfo="text", marker=marker)
    fig.update_layout(xaxis={"visible": False}, yaxis={"visible": False, "scaleanchor": "x"}, height=400)
    return fig


def quartier_map(requests: list[tuple[str, int]], providers: list[tuple[str, int]], *, title: str,
                 labels: tuple[str, str]) -> go.Figure:
    """The same quartiers on an OpenStreetMap base map (plotly's tile maps; tiles load from the network)."""
    fig = _figure(title)
    serving = dict(providers)
    points = quartier_points(requests)
    fig.add_scattermap(
        lat=[p.lat for _, _, p in points], lon=[p.lon for _, _, p in points], mode="markers",
        customdata=[[q] for q, _, _ in points],
        hovertext=[plain(f"{q}: {n} {labels[0]}, {serving.get(q, 0)} {labels[1]}") for q, n, _ in points],
        hoverinfo="text", marker=_quartier_marker(points, serving, labels[1]))
    centre = (sum(p.lat for _, _, p in points) / len(points), sum(p.lon for _, _, p in points) / len(points)) \
        if points else (4.05, 9.72)  # Douala
    fig.update_layout(map={"style": "open-street-map", "center": {"lat": centre[0], "lon": centre[1]}, "zoom": 11},
                      height=420, margin={"l": 0, "r": 0, "t": 40, "b": 0})
    return fig


def leaderboard(rows: list[Leader], *, title: str) -> go.Figure:
    """Horizontal bars of completed jobs per provider; customdata carries the provider id."""
    fig = _figure(title)
    ordered = list(reversed(rows))
    fig.add_bar(y=[plain(r.name) for r in ordered], x=[r.jobs for r in ordered], orientation="h",
                customdata=[[r.id] for r in ordered], marker_color=theme.PRIMARY)
    fig.update_layout(height=max(200, 60 + 28 * len(rows)), yaxis={"automargin": True})
    return fig


def for_page(figure: go.Figure) -> dict:
    """Return the figure as ui.plotly takes it, with CONFIG (no toolbar over the title, no zoom on scroll)."""
    return {**figure.to_plotly_json(), "config": CONFIG}


def clicked(event_args: object) -> list:
    """Return the customdata of the first clicked point of a plotly_click event, or []."""
    points = (event_args or {}).get("points") if isinstance(event_args, dict) else None
    if not points:
        return []
    data = points[0].get("customdata")
    return list(data) if isinstance(data, list) else [data] if data is not None else []
