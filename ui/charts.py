"""Plotly figures of the dashboard (built from analytics rows; plotly only ever loads on the dashboard).

Plotly draws a subset of HTML in titles, labels and hover text (links, bold, line breaks): every text shown goes
through plain() first, so a provider's name is shown as typed and never becomes a link.
"""

import html
from collections import defaultdict

import plotly.graph_objects as go

from core.catalog import quartier as find_quartier
from core.catalog import service as find_service
from ui import theme

_LAYOUT = {"margin": {"l": 40, "r": 10, "t": 30, "b": 40}, "height": 300, "font": {"size": 11},
           "legend": {"orientation": "h", "y": -0.2}, "paper_bgcolor": "white", "plot_bgcolor": "white"}


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


def requests_over_time(rows: list[tuple[str, str, int]], *, title: str, language: str = "fr") -> go.Figure:
    """Stacked bars: requests per Douala day, one colour per service; customdata carries (service, day)."""
    fig = _figure(title)
    series: dict[str, dict[str, int]] = defaultdict(dict)
    for day, service, count in rows:
        series[service][day] = count
    for service, counts in sorted(series.items()):
        days = sorted(counts)
        fig.add_bar(x=days, y=[counts[d] for d in days], name=plain(service_label(service, language)),
                    customdata=[[service, d] for d in days])
    fig.update_layout(barmode="stack", xaxis={"type": "category"})
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


def quartier_scatter(requests: list[tuple[str, int]], providers: list[tuple[str, int]], *, title: str,
                     labels: tuple[str, str]) -> go.Figure:
    """Quartiers at their coordinates (no map tiles): circle size = requests, colour = providers serving."""
    fig = _figure(title)
    serving = dict(providers)
    points = [(q, n, find_quartier(q)) for q, n in requests]
    points = [(q, n, place) for q, n, place in points if place is not None]
    biggest = max((n for _, n, _ in points), default=1) or 1
    fig.add_scatter(
        x=[p.lon for _, _, p in points], y=[p.lat for _, _, p in points], mode="markers+text",
        text=[plain(q) for q, _, _ in points], textposition="top center", customdata=[[q] for q, _, _ in points],
        hovertext=[plain(f"{q}: {n} {labels[0]}, {serving.get(q, 0)} {labels[1]}") for q, n, _ in points],
        hoverinfo="text",
        marker={"size": [10 + 30 * n / biggest for _, n, _ in points],
                "color": [serving.get(q, 0) for q, _, _ in points],
                "colorscale": "Greens", "showscale": True, "line": {"width": 1, "color": theme.DARK}})
    fig.update_layout(xaxis={"visible": False}, yaxis={"visible": False, "scaleanchor": "x"}, height=380)
    return fig


def leaderboard(rows: list[dict], *, title: str) -> go.Figure:
    """Horizontal bars of completed jobs per provider; customdata carries the provider id."""
    fig = _figure(title)
    ordered = list(reversed(rows))
    fig.add_bar(y=[plain(r["name"]) for r in ordered], x=[r["jobs"] for r in ordered], orientation="h",
                customdata=[[r["id"]] for r in ordered], marker_color=theme.PRIMARY)
    fig.update_layout(height=max(200, 40 + 28 * len(rows)))
    return fig


def clicked(event_args: object) -> list:
    """Return the customdata of the first clicked point of a plotly_click event, or []."""
    points = (event_args or {}).get("points") if isinstance(event_args, dict) else None
    if not points:
        return []
    data = points[0].get("customdata")
    return list(data) if isinstance(data, list) else [data] if data is not None else []
