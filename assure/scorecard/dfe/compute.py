"""Compute indicator values for an authority, its region, England and its neighbours."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from typing import Literal

from ..indicators import INDICATORS, INDICATORS_BY_CODE
from .dataset import Authority, DfeDataset, Fields, GeoKey, load_dataset
from .sources import (
    ENGLAND_CODE,
    ENGLAND_NAME,
    FORMULAS,
    MARKER_NOTES,
    POPULATION,
    SN_AVERAGE_NAME,
)

Geography = Literal["la", "region", "england", "sn_average", "sn"]


@dataclass(frozen=True)
class IndicatorValue:
    """One indicator for one year and geography, full precision; None when missing."""

    indicator: str
    period: str
    geography: Geography
    geography_code: str
    geography_name: str
    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    note: str = ""

    @property
    def rounded(self) -> Decimal | None:
        """The value rounded half away from zero: counts to 0 dp, the rest to 1 dp."""
        if self.value is None:
            return None
        return round_half_away(self.value, INDICATORS_BY_CODE[self.indicator].places)


def _number(raw: str | None) -> tuple[Decimal | None, str]:
    """A cell as a Decimal, or None with the meaning of its suppression marker."""
    if raw is None:
        return None, MARKER_NOTES[""]
    text = raw.strip()
    if text.lower() in MARKER_NOTES:
        return None, MARKER_NOTES[text.lower()]
    try:
        return Decimal(text), ""
    except InvalidOperation:
        return None, f"missing input: unreadable value {text!r}"


def _population(data: DfeDataset, key: GeoKey, year: str) -> tuple[Decimal | None, str]:
    """Children aged 0-17 for a geography and year, else its latest earlier year."""
    by_year = data.tables[POPULATION].rows.get(key, {})
    if year in by_year:
        value, note = _number(by_year[year].get("population_estimate"))
        return value, f"population {note}" if note else ""
    earlier = [y for y in by_year if y < year]
    if not earlier:
        return None, "missing input: no population estimate"
    used = max(earlier)
    value, note = _number(by_year[used].get("population_estimate"))
    if value is None:
        return None, f"population {note}"
    return value, f"population estimate for {used} used (latest available)"


def _fields(
    data: DfeDataset, source: str, key: GeoKey, year: str
) -> tuple[Fields | None, str]:
    """The raw cells for one geography-year, falling back to a jointly published row."""
    table = data.tables[source]
    cells = table.rows.get(key, {}).get(year)
    if cells is not None:
        return cells, ""
    if key[0] == "la" and year in table.joint.get(key[1], {}):
        joint_name, joint_cells = table.joint[key[1]][year]
        return joint_cells, f"published jointly for {joint_name}"
    return None, "missing input: no figures published for this year"


def _join(*notes: str) -> str:
    """Notes joined with semicolons, blanks dropped."""
    return "; ".join(n for n in notes if n)


def _evaluate(
    data: DfeDataset, code: str, key: GeoKey, year: str
) -> tuple[Decimal | None, Decimal | None, Decimal | None, str]:
    """Apply one indicator's formula: (value, numerator, denominator, note)."""
    formula = FORMULAS[code]
    cells, where = _fields(data, formula.source, key, year)
    if cells is None:
        return None, None, None, where
    numerator = Decimal(0)
    for column in formula.numerator:
        part, note = _number(cells.get(column))
        if part is None:
            return None, None, None, _join(note, where)
        numerator += part
    if formula.published:
        return numerator, None, None, where
    if formula.denominator is None:
        return numerator, numerator, None, where
    if formula.denominator == POPULATION:
        denominator, note = _population(data, key, year)
        where = _join(where, note)
        if denominator is None:
            return None, numerator, None, where
    else:
        denominator, note = _number(cells.get(formula.denominator))
        if denominator is None:
            return None, numerator, None, _join(note, where)
    if denominator == 0:
        note = "not applicable: the denominator is zero"
        return None, numerator, denominator, _join(note, where)
    with localcontext(prec=28):
        value = numerator * formula.multiplier / denominator
    return value, numerator, denominator, where


def compute_indicators(
    authority: Authority,
    *,
    codes: Iterable[str] | None = None,
    dataset: DfeDataset | None = None,
) -> list[IndicatorValue]:
    """Each indicator and year for the authority, region, England and neighbours."""
    data = dataset or load_dataset()
    wanted = list(codes) if codes is not None else [i.code for i in INDICATORS]
    unknown = [c for c in wanted if c not in FORMULAS]
    if unknown:
        raise KeyError(f"Unknown indicator codes: {', '.join(unknown)}")
    neighbours = [data.authorities[nb] for nb, _ in authority.statistical_neighbours]
    region_name = data.region_names.get(authority.region_code, authority.region_name)
    places: list[tuple[Geography, GeoKey, str, str]] = [
        ("la", ("la", authority.old_code), authority.new_code, authority.name),
        (
            "region",
            ("region", authority.region_code),
            authority.region_code,
            region_name,
        ),
        ("england", ("england", ENGLAND_CODE), ENGLAND_CODE, ENGLAND_NAME),
    ]
    values: list[IndicatorValue] = []
    for code in wanted:
        for year in data.tables[FORMULAS[code].source].years:
            for geography, key, geo_code, geo_name in places:
                value, num, den, note = _evaluate(data, code, key, year)
                values.append(
                    IndicatorValue(
                        code, year, geography, geo_code, geo_name, value, num, den, note
                    )
                )
            neighbour_values = []
            for nb in neighbours:
                value, num, den, note = _evaluate(data, code, ("la", nb.old_code), year)
                neighbour_values.append(
                    IndicatorValue(
                        code, year, "sn", nb.new_code, nb.name, value, num, den, note
                    )
                )
            values.append(_sn_average(authority, code, year, neighbour_values))
            values.extend(neighbour_values)
    return values


def _sn_average(
    authority: Authority, code: str, year: str, neighbour_values: list[IndicatorValue]
) -> IndicatorValue:
    """The plain mean over neighbours with a value; its code is the authority's own."""
    present = [v.value for v in neighbour_values if v.value is not None]
    if not neighbour_values:
        value, note = None, "no statistical neighbours in the 2025 model"
    elif not present:
        value, note = None, "no statistical neighbour has a value"
    else:
        with localcontext(prec=28):
            value = sum(present, Decimal(0)) / len(present)
        note = (
            ""
            if len(present) == len(neighbour_values)
            else f"mean of {len(present)} of {len(neighbour_values)} neighbours"
        )
    return IndicatorValue(
        code,
        year,
        "sn_average",
        authority.new_code,
        SN_AVERAGE_NAME,
        value,
        None,
        None,
        note,
    )


def round_half_away(value: Decimal, places: int = 1) -> Decimal:
    """Round half away from zero (2.25 -> 2.3, -2.25 -> -2.3) for display."""
    with localcontext(prec=28):
        return Decimal(value).quantize(
            Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP
        )
