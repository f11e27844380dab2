"""Reads for the scorecard pages, exports and the priority page.

The rules that judge a figure live here, once: direction of travel (which respects
polarity), RAG against target and tolerance, and better or worse than a comparator.
Figures are compared as shown, rounded to the indicator's places.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from django.db.models import Q, QuerySet

from assure.accounts.models import Partnership
from assure.plans.models import Priority

from .dfe import EXPORT_COLUMNS, EXPORT_GEOGRAPHIES, round_half_away
from .models import Commentary, Geography, Indicator, Measurement, Polarity, Unit

COMPARATORS = (Geography.REGION, Geography.ENGLAND, Geography.SN_AVERAGE)


class Direction(StrEnum):
    IMPROVING = "improving"
    WORSENING = "worsening"
    NO_CHANGE = "no_change"
    UP = "up"
    DOWN = "down"
    NOT_COMPARABLE = "not_comparable"


class Rag(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


class Comparison(StrEnum):
    BETTER = "better"
    WORSE = "worse"
    SAME = "same"
    HIGHER = "higher"
    LOWER = "lower"


def _shown(value: Decimal, places: int) -> Decimal:
    return round_half_away(value, places)


def direction_of_travel(
    *, latest: Decimal | None, previous: Decimal | None, polarity: str, places: int = 1
) -> Direction:
    """Improving or worsening by polarity; up or down when neither is better."""
    if latest is None or previous is None:
        return Direction.NOT_COMPARABLE
    now, before = _shown(latest, places), _shown(previous, places)
    if now == before:
        return Direction.NO_CHANGE
    went_up = now > before
    if polarity == Polarity.HIGHER:
        return Direction.IMPROVING if went_up else Direction.WORSENING
    if polarity == Polarity.LOWER:
        return Direction.WORSENING if went_up else Direction.IMPROVING
    return Direction.UP if went_up else Direction.DOWN


def rag_against_target(
    *,
    value: Decimal | None,
    target: Decimal | None,
    tolerance: Decimal | None,
    polarity: str,
    places: int = 1,
) -> Rag | None:
    """Green on or better than target, amber within tolerance of it, red beyond.

    With neither polarity, green within tolerance either side of the target, else
    amber: being away from such a target is a question, not a failure.
    """
    if value is None or target is None:
        return None
    shown = _shown(value, places)
    margin = tolerance or Decimal(0)
    if polarity == Polarity.HIGHER:
        gap = target - shown
    elif polarity == Polarity.LOWER:
        gap = shown - target
    else:
        return Rag.GREEN if abs(shown - target) <= margin else Rag.AMBER
    if gap <= 0:
        return Rag.GREEN
    if gap <= margin:
        return Rag.AMBER
    return Rag.RED


def compare_with(
    *, value: Decimal | None, other: Decimal | None, polarity: str, places: int = 1
) -> Comparison | None:
    """How a value stands against a comparator, as shown: better, worse or the same."""
    if value is None or other is None:
        return None
    mine, theirs = _shown(value, places), _shown(other, places)
    if mine == theirs:
        return Comparison.SAME
    higher = mine > theirs
    if polarity == Polarity.HIGHER:
        return Comparison.BETTER if higher else Comparison.WORSE
    if polarity == Polarity.LOWER:
        return Comparison.WORSE if higher else Comparison.BETTER
    return Comparison.HIGHER if higher else Comparison.LOWER


# Series ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    """One figure of a series."""

    period: str
    period_end: dt.date
    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    note: str = ""
    geography_name: str = ""
    geography_code: str = ""

    @classmethod
    def of(cls, m: Measurement) -> Point:
        return cls(
            m.period,
            m.period_end,
            m.value,
            m.numerator,
            m.denominator,
            m.note,
            m.geography_name,
            m.geography_code,
        )


def _year_before(period: str) -> str:
    year, _, rest = period.partition("-")
    return f"{int(year) - 1}-{rest}" if rest else str(int(year) - 1)


@dataclass
class IndicatorSummary:
    """An indicator with its figures, judged: what the scorecard shows for one row."""

    indicator: Indicator
    series: dict[str, list[Point]]
    commentary: Commentary | None = None
    latest: Point | None = None
    previous: Point | None = None
    year_before: Point | None = None
    comparators: dict[str, Point | None] = field(default_factory=dict)
    direction: Direction = Direction.NOT_COMPARABLE
    rag: Rag | None = None
    against: dict[str, Comparison | None] = field(default_factory=dict)

    @property
    def la(self) -> list[Point]:
        return self.series.get(Geography.LA, [])

    # Words for reports (assure.reports reads these by name).
    @property
    def indicator_name(self) -> str:
        return self.indicator.name

    @property
    def period_label(self) -> str:
        from .presenters import period_label

        return period_label(self.latest.period) if self.latest else ""

    @property
    def value_text(self) -> str:
        from .presenters import point_text

        return point_text(self.latest, self.indicator)

    @property
    def target_text(self) -> str:
        from .presenters import target_text

        return target_text(self.indicator)

    def _comparator_text(self, geography: str) -> str:
        from .presenters import point_text

        return point_text(self.comparators.get(geography), self.indicator)

    @property
    def england_text(self) -> str:
        return self._comparator_text(Geography.ENGLAND)

    @property
    def neighbours_text(self) -> str:
        return self._comparator_text(Geography.SN_AVERAGE)

    @property
    def rating_text(self) -> str:
        from .presenters import rag_tag

        return rag_tag(self)["text"]

    @property
    def reasons(self) -> list[str]:
        """Why the indicator is an exception in its latest period; empty when not."""
        found = []
        if self.rag == Rag.RED:
            found.append("off_target")
        for geography in (Geography.ENGLAND, Geography.SN_AVERAGE):
            if self.against.get(geography) == Comparison.WORSE:
                found.append(f"worse_than_{geography}")
        return found


def summarise(
    indicator: Indicator,
    series: dict[str, list[Point]],
    commentary: Commentary | None = None,
) -> IndicatorSummary:
    """Latest figure, the one before, the year before, comparators and judgements."""
    summary = IndicatorSummary(
        indicator=indicator, series=series, commentary=commentary
    )
    own = series.get(Geography.LA, [])
    with_value = [p for p in own if p.value is not None]
    if not own:
        return summary
    latest = with_value[-1] if with_value else own[-1]
    index = own.index(latest)
    summary.latest = latest
    summary.previous = own[index - 1] if index else None
    by_period = {p.period: p for p in own}
    summary.year_before = by_period.get(_year_before(latest.period))
    places, polarity = indicator.places, indicator.polarity
    summary.direction = direction_of_travel(
        latest=latest.value,
        previous=summary.previous.value if summary.previous else None,
        polarity=polarity,
        places=places,
    )
    summary.rag = rag_against_target(
        value=latest.value,
        target=indicator.target,
        tolerance=indicator.tolerance,
        polarity=polarity,
        places=places,
    )
    for geography in COMPARATORS:
        point = next(
            (p for p in series.get(geography, []) if p.period == latest.period), None
        )
        summary.comparators[geography] = point
        if indicator.unit == Unit.COUNT:
            continue  # a count against England's count says nothing
        summary.against[geography] = compare_with(
            value=latest.value,
            other=point.value if point else None,
            polarity=polarity,
            places=places,
        )
    return summary


def indicator_list_for_partnership(*, partnership: Partnership) -> QuerySet[Indicator]:
    return partnership.indicators.select_related("source_agency").order_by(
        "-is_official", "position", "name"
    )


def indicator_get(*, partnership: Partnership, pk: int) -> Indicator:
    """One of the partnership's indicators; DoesNotExist for anyone else's."""
    return (
        Indicator.objects.select_related("partnership", "source_agency")
        .prefetch_related("priorities__plan")
        .get(partnership=partnership, pk=pk)
    )


def _series_for(
    indicators: Iterable[Indicator],
    *,
    geographies: Iterable[str],
    as_at: dt.date | None = None,
) -> dict[int, dict[str, list[Point]]]:
    found: dict[int, dict[str, list[Point]]] = defaultdict(lambda: defaultdict(list))
    rows = Measurement.objects.filter(
        indicator__in=list(indicators), geography__in=list(geographies)
    )
    if as_at is not None:
        rows = rows.filter(period_end__lte=as_at)
    rows = rows.order_by("period_end", "period", "geography_name").only(
        "indicator_id",
        "period",
        "period_end",
        "geography",
        "geography_code",
        "geography_name",
        "value",
        "numerator",
        "denominator",
        "note",
    )
    for m in rows:
        found[m.indicator_id][m.geography].append(Point.of(m))
    return found


def _latest_commentaries(indicators: list[Indicator]) -> dict[int, Commentary]:
    latest: dict[int, Commentary] = {}
    for c in Commentary.objects.filter(indicator__in=indicators).select_related(
        "author"
    ):
        latest.setdefault(c.indicator_id, c)
    return latest


def indicator_summary_list(
    *,
    partnership: Partnership,
    indicators: Iterable[Indicator] | None = None,
    as_at: dt.date | None = None,
) -> list[IndicatorSummary]:
    """Every indicator of the partnership, summarised, in scorecard order; with
    `as_at`, only figures for periods ending by that date."""
    chosen = list(
        indicators
        if indicators is not None
        else indicator_list_for_partnership(partnership=partnership)
    )
    series = _series_for(chosen, geographies=[Geography.LA, *COMPARATORS], as_at=as_at)
    commentaries = _latest_commentaries(chosen)
    return [
        summarise(i, dict(series.get(i.pk, {})), commentaries.get(i.pk)) for i in chosen
    ]


@dataclass
class Theme:
    name: str
    summaries: list[IndicatorSummary]


def scorecard_get(*, partnership: Partnership) -> list[Theme]:
    """Indicators grouped by theme: local themes first, then the official ones."""
    groups: dict[str, list[IndicatorSummary]] = {}
    summaries = indicator_summary_list(partnership=partnership)
    ordered = sorted(summaries, key=lambda s: s.indicator.is_official)
    for summary in ordered:
        groups.setdefault(summary.indicator.theme or "Other indicators", []).append(
            summary
        )
    return [Theme(name, items) for name, items in groups.items()]


def exception_list(
    *, partnership: Partnership, as_at: dt.date | None = None
) -> list[IndicatorSummary]:
    """Indicators off target, or worse than England or the neighbours, latest period."""
    summaries = indicator_summary_list(partnership=partnership, as_at=as_at)
    return [s for s in summaries if s.reasons]


def headline_list(
    *, partnership: Partnership, as_at: dt.date | None = None
) -> list[IndicatorSummary]:
    """Indicators the partnership watches: those with a target or evidencing a
    priority, with figures."""
    chosen = (
        indicator_list_for_partnership(partnership=partnership)
        .filter(Q(target__isnull=False) | Q(priorities__isnull=False))
        .distinct()
    )
    summaries = indicator_summary_list(
        partnership=partnership, indicators=chosen, as_at=as_at
    )
    return [s for s in summaries if s.latest is not None]


def indicator_detail_get(*, indicator: Indicator) -> IndicatorSummary:
    """One indicator with every comparator series, neighbours included."""
    series = _series_for([indicator], geographies=Geography.values).get(
        indicator.pk, {}
    )
    commentary = Commentary.objects.filter(indicator=indicator).first()
    return summarise(indicator, dict(series), commentary)


def commentary_list(*, indicator: Indicator) -> QuerySet[Commentary]:
    return Commentary.objects.filter(indicator=indicator).select_related("author")


def indicator_list_for_priority(*, priority: Priority) -> list:
    """Indicators that evidence a priority: name, page and latest figure of each."""
    from .presenters import evidence_item

    indicators = list(
        priority.indicators.select_related("partnership").order_by(
            "-is_official", "position", "name"
        )
    )
    if not indicators:
        return []
    summaries = indicator_summary_list(
        partnership=indicators[0].partnership, indicators=indicators
    )
    return [evidence_item(s) for s in summaries]


def priority_list_for_partnership(*, partnership: Partnership) -> QuerySet[Priority]:
    return (
        Priority.objects.filter(plan__partnership=partnership)
        .select_related("plan")
        .order_by("plan__status", "-plan__period_start_date", "plan", "position", "pk")
    )


def region_name_get(*, partnership: Partnership) -> str:
    """The name of the region the partnership's official figures compare with."""
    name = (
        Measurement.objects.filter(
            indicator__partnership=partnership, geography=Geography.REGION
        )
        .order_by("-period_end")
        .values_list("geography_name", flat=True)
        .first()
    )
    return name or "Region"


# Child protection journey ------------------------------------------------------------

JOURNEY_CODES = (
    "referrals",
    "s47_count",
    "icpc_count",
    "cpp_repeat_pct",
    "cpp_count",
    "icpc_15d_pct",
)


def _ratio(top: Decimal | None, bottom: Decimal | None) -> Decimal | None:
    if top is None or bottom is None or bottom == 0:
        return None
    return top * 100 / bottom


@dataclass(frozen=True)
class JourneyYear:
    """One year of the journey from referral to child protection plan."""

    period: str
    referrals: Decimal | None
    s47: Decimal | None
    icpc: Decimal | None
    plan_starts: Decimal | None
    plans_at_31_march: Decimal | None
    icpc_within_15_days_pct: Decimal | None
    s47_per_referral_pct: Decimal | None
    icpc_per_s47_pct: Decimal | None
    plan_starts_per_icpc_pct: Decimal | None


def cp_journey_get(
    *, partnership: Partnership, geography: str = Geography.LA
) -> list[JourneyYear]:
    """The published counts, year by year, and the conversion between each step.

    Plan starts are the denominator of repeat plans (CPP_start in DfE table D3).
    """
    rows = Measurement.objects.filter(
        indicator__partnership=partnership,
        indicator__is_official=True,
        indicator__code__in=JOURNEY_CODES,
        geography=geography,
    ).values_list("indicator__code", "period", "value", "denominator")
    by_year: dict[str, dict[str, Decimal | None]] = defaultdict(dict)
    for code, period, value, denominator in rows:
        if code == "cpp_repeat_pct":
            by_year[period]["plan_starts"] = denominator
        else:
            by_year[period][code] = value
    years = []
    for period in sorted(by_year):
        got = by_year[period]
        referrals, s47, icpc = (
            got.get("referrals"),
            got.get("s47_count"),
            got.get("icpc_count"),
        )
        starts = got.get("plan_starts")
        years.append(
            JourneyYear(
                period=period,
                referrals=referrals,
                s47=s47,
                icpc=icpc,
                plan_starts=starts,
                plans_at_31_march=got.get("cpp_count"),
                icpc_within_15_days_pct=got.get("icpc_15d_pct"),
                s47_per_referral_pct=_ratio(s47, referrals),
                icpc_per_s47_pct=_ratio(icpc, s47),
                plan_starts_per_icpc_pct=_ratio(starts, icpc),
            )
        )
    return years


# Export ------------------------------------------------------------------------------


def _plain(value: Decimal | None) -> str:
    """As dfe.export: plain text without exponent or trailing zeros; empty for None."""
    if value is None:
        return ""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def export_rows_for_partnership(*, partnership: Partnership) -> list[dict[str, str]]:
    """One row per indicator, period and geography (no single neighbours), rounded."""
    order = {g: i for i, g in enumerate(EXPORT_GEOGRAPHIES)}
    measurements = (
        Measurement.objects.filter(
            indicator__partnership=partnership, geography__in=EXPORT_GEOGRAPHIES
        )
        .select_related("indicator")
        .order_by(
            "-indicator__is_official",
            "indicator__position",
            "indicator__name",
            "indicator_id",
            "period_end",
            "period",
        )
    )
    rows = sorted(
        measurements,
        key=lambda m: (
            not m.indicator.is_official,
            m.indicator.position,
            m.indicator.name,
            m.indicator_id,
            m.period_end,
            m.period,
            order[m.geography],
        ),
    )
    return [
        dict(
            zip(
                EXPORT_COLUMNS,
                (
                    m.indicator.code,
                    m.period,
                    m.geography,
                    m.geography_code,
                    ""
                    if m.value is None
                    else format(round_half_away(m.value, m.indicator.places), "f"),
                    _plain(m.numerator),
                    _plain(m.denominator),
                    m.note,
                ),
                strict=True,
            )
        )
        for m in rows
    ]
