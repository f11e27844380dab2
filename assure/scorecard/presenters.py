"""Scorecard figures as people read them: periods, values, words, tags and charts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.urls import reverse
from markupsafe import Markup

from .charts import ChartSeries, line_chart, sparkline
from .dfe import round_half_away
from .models import Geography, Indicator, Unit
from .selectors import (
    COMPARATORS,
    Comparison,
    Direction,
    IndicatorSummary,
    JourneyYear,
    Point,
    Rag,
)

GEOGRAPHY_LABELS = {
    Geography.LA: "Local authority",
    Geography.REGION: "Region",
    Geography.ENGLAND: "England",
    Geography.SN_AVERAGE: "Statistical neighbours (average)",
    Geography.SN: "Statistical neighbour",
}
UNIT_LABELS = {
    Unit.PERCENT: "Percentage",
    Unit.COUNT: "Number",
    Unit.RATE_PER_10000: "Rate per 10,000 children",
    Unit.DAYS: "Days",
    Unit.PER_FTE: "Cases per full-time equivalent social worker",
}
DIRECTION_WORDS = {
    Direction.IMPROVING: "Improving",
    Direction.WORSENING: "Worsening",
    Direction.NO_CHANGE: "No change",
    Direction.UP: "Up",
    Direction.DOWN: "Down",
    Direction.NOT_COMPARABLE: "Not comparable",
}
RAG_TAGS = {
    Rag.GREEN: {"text": "Green: on target", "classes": "govuk-tag--green"},
    Rag.AMBER: {"text": "Amber: near target", "classes": "govuk-tag--yellow"},
    Rag.RED: {"text": "Red: off target", "classes": "govuk-tag--red"},
}
NEITHER_RAG_TAGS = {
    Rag.GREEN: {"text": "Green: near target", "classes": "govuk-tag--green"},
    Rag.AMBER: {"text": "Amber: away from target", "classes": "govuk-tag--yellow"},
}
NO_TARGET_TAG = {"text": "No target", "classes": "govuk-tag--grey"}
COMPARISON_WORDS = {
    Comparison.BETTER: "better",
    Comparison.WORSE: "worse",
    Comparison.SAME: "the same",
    Comparison.HIGHER: "higher",
    Comparison.LOWER: "lower",
}
_QUARTER_MONTHS = {
    "1": "Jan to Mar",
    "2": "Apr to Jun",
    "3": "Jul to Sep",
    "4": "Oct to Dec",
}


def period_label(period: str) -> str:
    """'2024' -> '2023 to 2024' (year to 31 March); '2024-Q3' -> 'Jul to Sep 2024'."""
    year, _, rest = period.partition("-")
    if not rest:
        return f"{int(year) - 1} to {year}"
    if rest.startswith("Q"):
        return f"{_QUARTER_MONTHS[rest[1]]} {year}"
    return f"{dt.date(int(year), int(rest), 1):%B} {year}"


def period_short(period: str) -> str:
    """Short labels for chart axes: '2023-24', 'Q3 2024', 'Nov 2024'."""
    year, _, rest = period.partition("-")
    if not rest:
        return f"{int(year) - 1}-{year[2:]}"
    if rest.startswith("Q"):
        return f"{rest} {year}"
    return f"{dt.date(int(year), int(rest), 1):%b} {year}"


def value_text(value: Decimal | None, indicator: Indicator, *, empty: str = "–") -> str:
    """'45.3%', '1,234', '512.3', '12.5 days', rounded half away from zero."""
    if value is None:
        return empty
    shown = round_half_away(value, indicator.places)
    text = f"{shown:,.{indicator.places}f}"
    if indicator.unit == Unit.PERCENT:
        return f"{text}%"
    if indicator.unit == Unit.DAYS:
        return f"{text} days"
    return text


def point_text(point: Point | None, indicator: Indicator) -> str:
    if point is None:
        return "–"
    if point.value is None:
        return "No figure"
    return value_text(point.value, indicator)


def direction_view(summary: IndicatorSummary) -> dict:
    """Words, and an arrow for the way the figure moved (the words say good or bad)."""
    direction = summary.direction
    moved = ""
    if summary.latest and summary.previous and summary.previous.value is not None:
        if direction not in (Direction.NO_CHANGE, Direction.NOT_COMPARABLE):
            went_up = summary.latest.value > summary.previous.value
            moved = "up" if went_up else "down"
    arrow = {"up": "↑", "down": "↓"}.get(
        moved, "→" if direction == Direction.NO_CHANGE else ""
    )
    words = DIRECTION_WORDS[direction]
    if direction in (Direction.IMPROVING, Direction.WORSENING):
        words = f"{words} (went {moved})"
    return {
        "text": words,
        "arrow": arrow,
        "key": str(direction),
        "classes": f"app-direction app-direction--{direction}",
    }


def rag_tag(summary: IndicatorSummary) -> dict:
    if summary.rag is None:
        return NO_TARGET_TAG
    if summary.indicator.polarity == "neither":
        return NEITHER_RAG_TAGS[summary.rag]
    return RAG_TAGS[summary.rag]


def target_text(indicator: Indicator) -> str:
    if indicator.target is None:
        return "No target set"
    target, tolerance = indicator.target, indicator.tolerance or Decimal(0)
    text = value_text(target, indicator)
    if indicator.polarity == "higher":
        text = f"{text} or more"
        if tolerance:
            text += f"; amber from {value_text(target - tolerance, indicator)}"
    elif indicator.polarity == "lower":
        text = f"{text} or less"
        if tolerance:
            text += f"; amber up to {value_text(target + tolerance, indicator)}"
    elif tolerance:
        text += (
            f"; green from {value_text(target - tolerance, indicator)} to "
            f"{value_text(target + tolerance, indicator)}"
        )
    return text


def _against_text(summary: IndicatorSummary, geography: str) -> str:
    judged = summary.against.get(geography)
    return COMPARISON_WORDS[judged] if judged else ""


@dataclass
class ScorecardRow:
    """One indicator on the scorecard, ready to show."""

    pk: int
    name: str
    url: str
    unit: str
    is_official: bool
    source: str
    latest: str
    latest_period: str
    latest_note: str
    previous: str
    previous_period: str
    year_before: str
    direction: dict
    rag_tag: dict
    target: str
    comparators: list[dict]
    sparkline: Markup
    has_commentary: bool
    reasons: list[str] = field(default_factory=list)
    commentary: dict | None = None


def _sparkline(summary: IndicatorSummary) -> Markup:
    points = summary.la[-8:]
    indicator = summary.indicator
    if len([p for p in points if p.value is not None]) < 2:
        return sparkline(values=[], label="Not enough figures for a trend")
    spoken = ", ".join(
        f"{period_label(p.period)}: {point_text(p, indicator)}" for p in points
    )
    return sparkline(
        values=[p.value for p in points], label=f"Trend for {indicator.name}: {spoken}"
    )


REASON_WORDS = {
    "off_target": "Off target",
    "worse_than_england": "Worse than England",
    "worse_than_sn_average": "Worse than statistical neighbours",
}


def scorecard_row(summary: IndicatorSummary) -> ScorecardRow:
    indicator = summary.indicator
    latest, previous = summary.latest, summary.previous
    same_as_previous = (
        summary.year_before is not None
        and previous is not None
        and summary.year_before.period == previous.period
    )
    comparators = []
    for geography in COMPARATORS:
        point = summary.comparators.get(geography)
        comparators.append(
            {
                "key": str(geography),
                "label": GEOGRAPHY_LABELS[geography],
                "name": point.geography_name if point else "",
                "text": point_text(point, indicator) if latest else "–",
                "against": _against_text(summary, geography),
            }
        )
    commentary = summary.commentary
    return ScorecardRow(
        pk=indicator.pk,
        name=indicator.name,
        url=reverse(
            "scorecard:indicator_detail",
            kwargs={"partnership": indicator.partnership.slug, "pk": indicator.pk},
        ),
        unit=UNIT_LABELS.get(indicator.unit, indicator.unit),
        is_official=indicator.is_official,
        source=indicator.source,
        latest=point_text(latest, indicator) if latest else "No figures yet",
        latest_period=period_label(latest.period) if latest else "",
        latest_note=latest.note if latest else "",
        previous=point_text(previous, indicator),
        previous_period=period_label(previous.period) if previous else "",
        year_before=(
            "Same as previous"
            if same_as_previous
            else point_text(summary.year_before, indicator)
        ),
        direction=direction_view(summary),
        rag_tag=rag_tag(summary),
        target=target_text(indicator),
        comparators=comparators,
        sparkline=_sparkline(summary),
        has_commentary=commentary is not None,
        reasons=[REASON_WORDS[r] for r in summary.reasons],
        commentary=commentary_view(commentary) if commentary else None,
    )


def commentary_view(commentary) -> dict:
    return {
        "date": commentary.commentary_date,
        "author": commentary.author.display_name,
        "working_well": commentary.working_well,
        "worries": commentary.worries,
        "next_steps": commentary.next_steps,
    }


def exception_reason_text(summary: IndicatorSummary) -> list[str]:
    """Sentences saying why an indicator is an exception, with the figures."""
    indicator = summary.indicator
    latest = summary.latest
    found = []
    for reason in summary.reasons:
        if reason == "off_target":
            found.append(
                f"Off target: {value_text(latest.value, indicator)} against a target "
                f"of {target_text(indicator)}"
            )
        else:
            geography = reason.removeprefix("worse_than_")
            point = summary.comparators.get(geography)
            label = (
                "England"
                if geography == Geography.ENGLAND
                else ("the statistical neighbours' average")
            )
            found.append(
                f"Worse than {label}: {value_text(latest.value, indicator)} against "
                f"{point_text(point, indicator)}"
            )
    return found


@dataclass
class EvidenceItem:
    """What a priority's page shows for an indicator that evidences it."""

    name: str
    url: str
    latest: str


def evidence_item(summary: IndicatorSummary) -> EvidenceItem:
    row = scorecard_row(summary)
    if summary.latest is None:
        latest = "no figures yet"
    else:
        latest = f"{row.latest} ({row.latest_period}), {row.direction['text'].lower()}"
        if summary.rag is not None:
            latest += f", {row.rag_tag['text'].lower()}"
    return EvidenceItem(name=row.name, url=row.url, latest=latest)


# Indicator page ----------------------------------------------------------------------


def indicator_chart(summary: IndicatorSummary, *, area: str) -> tuple[Markup, dict]:
    """The authority against its comparators over all periods, and as a table."""
    indicator = summary.indicator
    keys = [Geography.LA, *COMPARATORS]
    ends = {p.period: p.period_end for k in keys for p in summary.series.get(k, [])}
    periods = sorted(ends, key=lambda p: (ends[p], p))
    names = {
        Geography.LA: area,
        Geography.REGION: "Region",
        Geography.ENGLAND: "England",
        Geography.SN_AVERAGE: "Statistical neighbours (average)",
    }
    for key in COMPARATORS:
        got = summary.series.get(key)
        if got and key == Geography.REGION:
            names[key] = got[-1].geography_name or "Region"
    series = []
    table_rows = []
    lookup = {k: {p.period: p for p in summary.series.get(k, [])} for k in keys}
    for key in keys:
        if not summary.series.get(key):
            continue
        series.append(
            ChartSeries(
                key=str(key),
                name=names[key],
                values=[
                    lookup[key][p].value if p in lookup[key] else None for p in periods
                ],
            )
        )
    present = [s.key for s in series]
    for period in periods:
        cells = []
        for key in present:
            point = lookup[key].get(period)
            cells.append(
                {
                    "text": point_text(point, indicator),
                    "note": point.note if point else "",
                }
            )
        table_rows.append({"period": period_label(period), "cells": cells})
    latest = summary.latest
    spoken = ""
    if latest:
        parts = [f"{area} {point_text(latest, indicator)}"]
        for key in COMPARATORS:
            point = summary.comparators.get(key)
            if point:
                parts.append(f"{names[key]} {point_text(point, indicator)}")
        spoken = f" In {period_label(latest.period)}: {', '.join(parts)}."
    first, last = (
        (period_label(periods[0]), period_label(periods[-1])) if periods else ("", "")
    )
    target_words = (
        f" The dashed line is the target, {target_text(indicator)}."
        if indicator.target is not None
        else ""
    )
    others = ", ".join(names[k] for k in present[1:])
    against = f" against {others}" if others else ""
    description = (
        f"Line chart of {indicator.name.lower()} for {area}"
        f"{against}"
        f", {first} to {last}.{spoken}{target_words} The table gives every figure."
        if periods
        else "No figures yet."
    )
    chart = line_chart(
        chart_id=f"chart-{indicator.pk}",
        title=f"{indicator.name}: {area} and comparators",
        description=description,
        labels=[period_short(p) for p in periods],
        series=series,
        y_label=UNIT_LABELS.get(indicator.unit, ""),
        target=indicator.target,
        target_label=(
            f"Target {value_text(indicator.target, indicator)}"
            if indicator.target is not None
            else ""
        ),
    )
    table = {
        "headers": [names[Geography(k)] for k in present],
        "rows": list(reversed(table_rows)),
    }
    return chart, table


def neighbour_rows(summary: IndicatorSummary) -> list[dict]:
    """Each statistical neighbour's figure for the latest period."""
    if summary.latest is None:
        return []
    indicator = summary.indicator
    rows = [
        {
            "name": p.geography_name,
            "text": point_text(p, indicator),
            "note": p.note,
            "value": p.value,
        }
        for p in summary.series.get(Geography.SN, [])
        if p.period == summary.latest.period
    ]
    return sorted(rows, key=lambda r: r["name"])


# Child protection journey ---------------------------------------------------------


def _count(value: Decimal | None) -> str:
    return "–" if value is None else f"{round_half_away(value, 0):,.0f}"


def _pct(value: Decimal | None) -> str:
    return "–" if value is None else f"{round_half_away(value, 1):,.1f}%"


def journey_rows(years: list[JourneyYear]) -> list[dict]:
    return [
        {
            "period": period_label(y.period),
            "referrals": _count(y.referrals),
            "s47": _count(y.s47),
            "s47_per_referral": _pct(y.s47_per_referral_pct),
            "icpc": _count(y.icpc),
            "icpc_per_s47": _pct(y.icpc_per_s47_pct),
            "plan_starts": _count(y.plan_starts),
            "plan_starts_per_icpc": _pct(y.plan_starts_per_icpc_pct),
            "plans_at_31_march": _count(y.plans_at_31_march),
            "icpc_15d": _pct(y.icpc_within_15_days_pct),
        }
        for y in reversed(years)
    ]


def journey_chart(years: list[JourneyYear], *, area: str) -> Markup:
    """Conversion rates over the years as a line chart."""
    shown = [y for y in years if y.period >= "2013"]
    series = [
        ChartSeries(
            "la",
            "S47 enquiries per 100 referrals",
            [y.s47_per_referral_pct for y in shown],
        ),
        ChartSeries(
            "england",
            "ICPCs per 100 S47 enquiries",
            [y.icpc_per_s47_pct for y in shown],
        ),
        ChartSeries(
            "sn_average",
            "Plan starts per 100 ICPCs",
            [y.plan_starts_per_icpc_pct for y in shown],
        ),
    ]
    latest = next((y for y in reversed(shown) if y.s47_per_referral_pct), None)
    spoken = ""
    if latest:
        spoken = (
            f" In {period_label(latest.period)}: "
            f"{_pct(latest.s47_per_referral_pct)} of referrals led to a section 47 "
            f"enquiry, {_pct(latest.icpc_per_s47_pct)} of enquiries to an initial "
            f"conference and {_pct(latest.plan_starts_per_icpc_pct)} of conferences "
            "to a plan starting."
        )
    return line_chart(
        chart_id="chart-journey",
        title=f"Child protection journey in {area}: conversion between steps",
        description=(
            "Line chart of three conversion rates by year ending 31 March."
            + spoken
            + " The table gives every figure."
        ),
        labels=[period_short(y.period) for y in shown],
        series=series,
        y_label="Per 100 at the step before",
        width=760,
    )
