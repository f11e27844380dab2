"""Hand-written SVG charts: a sparkline per scorecard row, a line chart per indicator.

Each chart is an image with a title and a description (role="img"), draws series
apart by line pattern and marker shape as well as colour, and sits beside a table of
its figures.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup, escape

# Colour, dash pattern and marker for each geography: never colour alone.
STYLES = {
    "la": ("#1d70b8", "", "circle", 3),
    "region": ("#d4351c", "2 4", "square", 2),
    "england": ("#0b0c0c", "8 4", "diamond", 2),
    "sn_average": ("#00703c", "12 4 2 4", "triangle", 2),
}


@dataclass(frozen=True)
class ChartSeries:
    key: str
    name: str
    values: Sequence[Decimal | None]  # one per period, None where there is no figure


def _nice_step(span: float) -> float:
    raw = span / 5 if span > 0 else 1
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude  # pragma: no cover


def _axis(values: list[float]) -> tuple[float, float, float]:
    low, high = min(values + [0.0]), max(values + [0.0])
    if high == low:
        high = low + 1
    step = _nice_step(high - low)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "square":
        return (
            f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" '
            f'fill="{colour}"/>'
        )
    if shape == "diamond":
        return (
            f'<path d="M{x:.1f} {y - 5:.1f}L{x + 5:.1f} {y:.1f}L{x:.1f} {y + 5:.1f}'
            f'L{x - 5:.1f} {y:.1f}Z" fill="{colour}"/>'
        )
    if shape == "triangle":
        return (
            f'<path d="M{x:.1f} {y - 5:.1f}L{x + 5:.1f} {y + 4:.1f}'
            f'L{x - 5:.1f} {y + 4:.1f}Z" fill="{colour}"/>'
        )
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>'


def _segments(
    points: list[tuple[float, float] | None],
) -> list[list[tuple[float, float]]]:
    """Runs of points without a gap; a missing figure breaks the line."""
    runs: list[list[tuple[float, float]]] = [[]]
    for point in points:
        if point is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(point)
    return [r for r in runs if r]


def line_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    labels: Sequence[str],
    series: Sequence[ChartSeries],
    y_label: str,
    width: int = 640,
    height: int = 340,
    target: Decimal | None = None,
    target_label: str = "",
) -> Markup:
    """A line chart of series over periods, as accessible inline SVG."""
    left, right, top, bottom = 64, 36, 56, 48
    rows, x = 1, left
    for s in series:
        item_width = 44 + len(s.name) * 7.4
        if x > left and x + item_width > width - right:
            rows, x = rows + 1, left
        x += item_width
    top += (rows - 1) * 22
    plot_w, plot_h = width - left - right, height - top - bottom
    present = [float(v) for s in series for v in s.values if v is not None]
    parts = [
        f'<svg class="app-chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'xmlns="http://www.w3.org/2000/svg" focusable="false">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    if not present or not labels:
        parts.append(
            f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" '
            'font-size="16" fill="#505a5f">No figures to draw</text></svg>'
        )
        return Markup("".join(parts))
    low, high, step = _axis(present + ([float(target)] if target is not None else []))

    def y_of(value: float) -> float:
        return top + plot_h - (value - low) / (high - low) * plot_h

    def x_of(index: int) -> float:
        if len(labels) == 1:
            return left + plot_w / 2
        return left + index * plot_w / (len(labels) - 1)

    # Legend across the top, wrapping onto more rows when it is wide.
    x, legend_y = left, 16
    for s in series:
        colour, dash, shape, stroke = STYLES.get(s.key, STYLES["la"])
        item_width = 44 + len(s.name) * 7.4
        if x > left and x + item_width > width - right:
            x, legend_y = left, legend_y + 22
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<line x1="{x}" y1="{legend_y}" x2="{x + 28}" y2="{legend_y}" '
            f'stroke="{colour}" stroke-width="{stroke}"{dash_attr}/>'
        )
        parts.append(_marker(shape, x + 14, legend_y, colour))
        parts.append(
            f'<text x="{x + 34}" y="{legend_y + 5}" font-size="14" fill="#0b0c0c">'
            f"{escape(s.name)}</text>"
        )
        x += item_width
    # Grid and y axis.
    tick = low
    while tick <= high + step / 1000:
        y = y_of(tick)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" '
            'stroke="#b1b4b6" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{left - 8}" y="{y + 5:.1f}" text-anchor="end" font-size="13" '
            f'fill="#0b0c0c">{_number(tick)}</text>'
        )
        tick += step
    parts.append(
        f'<text x="14" y="{top + plot_h / 2:.1f}" font-size="13" fill="#0b0c0c" '
        f'text-anchor="middle" transform="rotate(-90 14 {top + plot_h / 2:.1f})">'
        f"{escape(y_label)}</text>"
    )
    # x axis labels: all when few, else every other one plus the last.
    every = 1 if len(labels) <= 8 else 2
    for index, label in enumerate(labels):
        if index % every and index != len(labels) - 1:
            continue
        parts.append(
            f'<text x="{x_of(index):.1f}" y="{top + plot_h + 22}" text-anchor="middle" '
            f'font-size="13" fill="#0b0c0c">{escape(label)}</text>'
        )
    parts.append(
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" '
        f'y2="{top + plot_h}" stroke="#0b0c0c" stroke-width="1"/>'
    )
    if target is not None:
        y = y_of(float(target))
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" '
            'stroke="#505a5f" stroke-width="2" stroke-dasharray="3 3"/>'
        )
        parts.append(
            f'<text x="{left + plot_w}" y="{y - 6:.1f}" text-anchor="end" '
            f'font-size="13" fill="#0b0c0c">{escape(target_label)}</text>'
        )
    # Lines, the authority last so it sits on top.
    for s in sorted(series, key=lambda s: s.key == "la"):
        colour, dash, shape, stroke = STYLES.get(s.key, STYLES["la"])
        points = [
            None if v is None else (x_of(i), y_of(float(v)))
            for i, v in enumerate(s.values)
        ]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        for run in _segments(points):
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py in run)
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" '
                f'stroke-width="{stroke}"{dash_attr} stroke-linejoin="round"/>'
            )
        parts.extend(_marker(shape, p[0], p[1], colour) for p in points if p)
    parts.append("</svg>")
    return Markup("".join(parts))


def sparkline(
    *, values: Sequence[Decimal | None], label: str, width: int = 120, height: int = 32
) -> Markup:
    """A small trend line of the authority's own figures, with a text alternative."""
    present = [float(v) for v in values if v is not None]
    head = (
        f'<svg class="app-sparkline" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}" '
        f'xmlns="http://www.w3.org/2000/svg" focusable="false">'
        f"<title>{escape(label)}</title>"
    )
    if len(present) < 2:
        return Markup(head + "</svg>")
    low, high = min(present), max(present)
    span = (high - low) or 1
    pad = 4

    def at(index: int, value: float) -> tuple[float, float]:
        x = pad + index * (width - 2 * pad) / (len(values) - 1)
        y = height - pad - (value - low) / span * (height - 2 * pad)
        return x, y

    points = [None if v is None else at(i, float(v)) for i, v in enumerate(values)]
    body = []
    for run in _segments(points):
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
        body.append(
            f'<polyline points="{path}" fill="none" stroke="#1d70b8" stroke-width="2" '
            'stroke-linejoin="round"/>'
        )
    last = next(p for p in reversed(points) if p)
    body.append(f'<circle cx="{last[0]:.1f}" cy="{last[1]:.1f}" r="3" fill="#1d70b8"/>')
    return Markup(head + "".join(body) + "</svg>")
