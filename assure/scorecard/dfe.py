"""Official DfE and ONS statistics: load them, find an authority, compute indicators.

Pure Python, no Django. Rules are in docs/indicators.md ("How values are computed").
"""

from __future__ import annotations

import csv
import difflib
import logging
import re
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Literal

from .indicators import INDICATORS, INDICATORS_BY_CODE

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data" / "dfe"
ENGLAND_CODE = "E92000001"
ENGLAND_NAME = "England"
SN_AVERAGE_NAME = "Statistical neighbours (average)"
POPULATION = "population"  # stands for the ONS population as a denominator
POPULATION_AGE_GROUP = "Children aged 0 to 17 years"
JOINT_CODE_SEPARATOR = " / "

Geography = Literal["la", "region", "england", "sn_average", "sn"]
GeoKey = tuple[
    str, str
]  # ("la", old_la_code) | ("region", region_code) | ("england", code)
Fields = dict[str, str]

MARKER_NOTES: dict[str, str] = {
    "c": "suppressed (c): confidential or small number",
    "x": "not available (x)",
    "z": "not applicable (z)",
    "u": "low reliability (u)",
    "k": "fewer than 0.5 (k)",
    "low": "low (low): rounds to zero but is not zero",
    "": "missing input",
}
EXPORT_COLUMNS = (
    "indicator",
    "period",
    "geography",
    "geography_code",
    "value",
    "numerator",
    "denominator",
    "note",
)
EXPORT_GEOGRAPHIES = ("la", "region", "england", "sn_average")


@dataclass(frozen=True)
class _Source:
    """One CSV file; long-format files name each measure by their group columns."""

    path: str
    group_columns: tuple[str, ...] = ()
    value_columns: tuple[str, ...] = ()
    row_filter: tuple[str, str] | None = None


SOURCES: dict[str, _Source] = {
    "b1": _Source("dfe_cin_cp/b1_children_in_need_2013_to_2025.csv"),
    "c1": _Source(
        "dfe_cin_cp/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
    ),
    "c3": _Source(
        "dfe_cin_cp/c3_factors_identified_at_end_of_assessment_2018_to_2025.csv"
    ),
    "c4": _Source(
        "dfe_cin_cp/c4_children_in_need_section_47s_and_icpcs_2013_to_2025.csv"
    ),
    "d3": _Source("dfe_cin_cp/d3_cpps_subsequent_plan_2013_to_2025.csv"),
    "d5": _Source("dfe_cin_cp/d5_cpps_at31march_by_duration_2013_to_2025.csv"),
    "cla": _Source(
        "dfe_cla/cla_number_and_rate_per_10k_children.csv",
        group_columns=("population_type",),
        value_columns=("population_estimate", "children_count"),
    ),
    "missing": _Source(
        "dfe_cla/la_children_who_were_missing_or_away_from_placement_without_authorisation.csv",
        group_columns=("CLA_group",),
        value_columns=("number",),
    ),
    "stability": _Source(
        "dfe_cla/la_cla_placement_stability.csv",
        group_columns=("cla_group", "placement_stability"),
        value_columns=("children_count",),
    ),
    "csww": _Source("dfe_workforce_and_reference/csww_indicators_2017_to_2025.csv"),
    POPULATION: _Source(
        "dfe_workforce_and_reference/ons_mid-year_population_estimates_2012_to_2024.csv",
        row_filter=("age_group", POPULATION_AGE_GROUP),
    ),
}
SN_PATH = "dfe_workforce_and_reference/sn_model_2025_wide.csv"


@dataclass(frozen=True)
class _Formula:
    """Summed numerator x multiplier / denominator; without one, the value as given."""

    source: str
    numerator: tuple[str, ...]
    denominator: str | None = None
    multiplier: int = 1
    published: bool = False


_CLA31 = "Children looked after on 31 March each year"
_C3 = "Episodes_with_assessment_factor"
FORMULAS: dict[str, _Formula] = {
    "cin_rate": _Formula("b1", ("At31_episodes",), POPULATION, 10000),
    "referrals": _Formula("c1", ("referral_count",)),
    "rereferral_pct": _Formula("c1", ("rereferral_count",), "referral_count", 100),
    "s47_count": _Formula("c4", ("Section47",)),
    "s47_rate": _Formula("c4", ("Section47",), POPULATION, 10000),
    "icpc_count": _Formula("c4", ("ICPC",)),
    "icpc_15d_pct": _Formula(
        "c4", ("Duration_0-10_days", "Duration_11-15_days"), "ICPC", 100
    ),
    "cpp_count": _Formula("d5", ("CPP_At31",)),
    "cpp_rate": _Formula("d5", ("CPP_At31",), POPULATION, 10000),
    "cpp_repeat_pct": _Formula("d3", ("CPP_subsequent",), "CPP_start", 100),
    "cpp_2y_pct": _Formula("d5", ("2_years_or_more",), "CPP_At31", 100),
    "cla_count": _Formula("cla", (f"{_CLA31}|children_count",)),
    "cla_rate": _Formula(
        "cla", (f"{_CLA31}|children_count",), f"{_CLA31}|population_estimate", 10000
    ),
    "cla_missing_pct": _Formula(
        "missing",
        ("Children who had a missing incident during the year|number",),
        "Children looked after during the year|number",
        100,
    ),
    "cla_3plus_placements_pct": _Formula(
        "stability",
        ("CLA on 31 March|With 3 or more placements during the year|children_count",),
        "CLA on 31 March|Total children|children_count",
        100,
    ),
    "sw_turnover_pct": _Formula("csww", ("turnover_rate_fte",), published=True),
    "sw_vacancy_pct": _Formula("csww", ("vacancy_rate_fte",), published=True),
    "sw_agency_pct": _Formula("csww", ("agency_rate_fte",), published=True),
    "sw_caseload": _Formula("csww", ("caseload_fte",), published=True),
    "factor_neglect_pct": _Formula("c3", ("Neglect",), _C3, 100),
    "factor_domestic_abuse_parent_pct": _Formula(
        "c3", ("Domestic_Abuse_parent",), _C3, 100
    ),
    "factor_mental_health_parent_pct": _Formula(
        "c3", ("Mental_Health_parent",), _C3, 100
    ),
    "factor_cse_pct": _Formula("c3", ("Child_sexual_exploitation",), _C3, 100),
    "factor_cce_pct": _Formula("c3", ("Child_criminal_exploitation",), _C3, 100),
    "factor_missing_pct": _Formula("c3", ("Going_missing",), _C3, 100),
}


class UnknownAuthority(LookupError):
    """No single local authority matches the query; `candidates` lists close names."""

    def __init__(self, message: str, candidates: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.candidates = list(candidates)


class AmbiguousAuthority(UnknownAuthority):
    """Several local authorities match the query."""


@dataclass(frozen=True)
class Authority:
    """An upper-tier local authority, keyed by its stable 3-digit DfE number."""

    name: str
    old_code: str
    new_code: str
    region_code: str
    region_name: str
    statistical_neighbours: list[tuple[str, str]] = field(
        default_factory=list, compare=False, hash=False
    )


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


@dataclass
class _Table:
    """One source file indexed by geography and year, holding raw cell text."""

    rows: dict[GeoKey, dict[str, Fields]] = field(default_factory=dict)
    joint: dict[str, dict[str, tuple[str, Fields]]] = field(default_factory=dict)
    years: tuple[str, ...] = ()


@dataclass
class _LaSeen:
    """The latest facts about one authority seen in the files."""

    year: str
    name: str
    new_code: str
    region_code: str
    region_name: str
    new_codes: set[str] = field(default_factory=set)


@dataclass
class DfeDataset:
    """Every source parsed once, plus the authorities, regions and neighbour model."""

    data_dir: Path
    tables: dict[str, _Table]
    authorities: dict[str, Authority]
    last_year: dict[str, str]
    code_aliases: dict[str, str]
    region_names: dict[str, str]
    load_seconds: float = 0.0

    def authority_list(self) -> list[Authority]:
        """All authorities, by name."""
        return sorted(self.authorities.values(), key=lambda a: (a.name, a.old_code))


# Loading ---------------------------------------------------------------------------


def _read_source(
    path: Path, source: _Source, seen: dict[str, _LaSeen], regions: dict[str, str]
) -> _Table:
    """Index one CSV by geography and year; long files become 'group|column' cells."""
    table = _Table()
    years: set[str] = set()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            if source.row_filter and row[source.row_filter[0]] != source.row_filter[1]:
                continue
            year = row["time_period"]
            years.add(year)
            level = row["geographic_level"]
            if level == "Local authority":
                key: GeoKey = ("la", row["old_la_code"])
                _note_authority(seen, row)
            elif level == "Regional":
                key = ("region", row["region_code"])
                regions[row["region_code"]] = row["region_name"]
            elif level == "National":
                key = ("england", row["country_code"])
            else:
                continue
            if source.group_columns:
                prefix = "|".join(row[c] for c in source.group_columns)
                cells = {f"{prefix}|{c}": row[c] for c in source.value_columns}
            else:
                cells = row
            if JOINT_CODE_SEPARATOR in key[1]:
                # A service run jointly (e.g. Kingston and Richmond): kept per member.
                for code in key[1].split(JOINT_CODE_SEPARATOR):
                    joint = table.joint.setdefault(code, {})
                    joint.setdefault(year, (row["la_name"], {}))[1].update(cells)
                continue
            table.rows.setdefault(key, {}).setdefault(year, {}).update(cells)
    table.years = tuple(sorted(years))
    return table


def _note_authority(seen: dict[str, _LaSeen], row: dict[str, str]) -> None:
    """Remember an authority's latest name, codes and region from one LA row."""
    code = row["old_la_code"]
    if JOINT_CODE_SEPARATOR in code:
        return
    year = row["time_period"]
    known = seen.get(code)
    if known is None:
        known = seen[code] = _LaSeen(
            year,
            row["la_name"],
            row["new_la_code"],
            row["region_code"],
            row["region_name"],
        )
    elif year >= known.year:
        known.year, known.name, known.new_code = (
            year,
            row["la_name"],
            row["new_la_code"],
        )
        known.region_code, known.region_name = row["region_code"], row["region_name"]
    known.new_codes.add(row["new_la_code"])


def _read_neighbours(path: Path) -> dict[str, list[str]]:
    """Each authority's ten statistical neighbours (3-digit codes), 2025 model."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {
            row["old_la_code"]: [row[f"SN_{i}"] for i in range(1, 11) if row[f"SN_{i}"]]
            for row in csv.DictReader(handle)
        }


@lru_cache(maxsize=4)
def load_dataset(data_dir: Path = DATA_DIR) -> DfeDataset:
    """Parse every source file once; cached per directory."""
    started = time.perf_counter()
    data_dir = Path(data_dir)
    seen: dict[str, _LaSeen] = {}
    regions: dict[str, str] = {}
    tables = {
        name: _read_source(data_dir / source.path, source, seen, regions)
        for name, source in SOURCES.items()
    }
    neighbours = _read_neighbours(data_dir / SN_PATH)
    authorities: dict[str, Authority] = {}
    for code, la in seen.items():
        authorities[code] = Authority(
            name=la.name,
            old_code=code,
            new_code=la.new_code,
            region_code=la.region_code,
            region_name=la.region_name,
        )
    for code, authority in list(authorities.items()):
        named = [
            (nb, authorities[nb].name)
            for nb in neighbours.get(code, [])
            if nb in authorities
        ]
        authorities[code] = Authority(
            name=authority.name,
            old_code=code,
            new_code=authority.new_code,
            region_code=authority.region_code,
            region_name=authority.region_name,
            statistical_neighbours=named,
        )
    aliases = {new: code for code, la in seen.items() for new in la.new_codes}
    aliases.update(
        {la.new_code: code for code, la in seen.items()}
    )  # current code wins
    dataset = DfeDataset(
        data_dir=data_dir,
        tables=tables,
        authorities=authorities,
        last_year={code: la.year for code, la in seen.items()},
        code_aliases=aliases,
        region_names=regions,
        load_seconds=time.perf_counter() - started,
    )
    logger.info(
        "Loaded DfE statistics from %s in %.2fs", data_dir, dataset.load_seconds
    )
    return dataset


# Finding an authority ----------------------------------------------------------------

_SUFFIXES = re.compile(
    r"\b(metropolitan borough|royal borough|london borough|borough|county|city)?"
    r"\s*council$"
)
_PREFIXES = re.compile(
    r"^(the )?(london borough of|royal borough of|council of the)\s+"
)


def _normalise(name: str) -> str:
    """Lower case, '&' as 'and', punctuation dropped, spaces folded."""
    name = name.lower().replace("&", " and ")
    name = re.sub(r"[^\w\s/]", " ", name)
    return " ".join(name.split())


def _strip_council(name: str) -> str:
    """Drop 'County Council', 'London Borough of' and the like from a name."""
    return _PREFIXES.sub("", _SUFFIXES.sub("", name)).strip()


def find_authority(query: str, *, dataset: DfeDataset | None = None) -> Authority:
    """Find an authority by DfE number, ONS code (current or former) or name."""
    data = dataset or load_dataset()
    text = query.strip()
    if not text:
        raise UnknownAuthority("Enter a local authority name or code")
    if text in data.authorities:
        return data.authorities[text]
    if text.upper() in data.code_aliases:
        return data.authorities[data.code_aliases[text.upper()]]

    by_name: dict[str, list[str]] = defaultdict(list)
    for code, authority in data.authorities.items():
        by_name[_normalise(authority.name)].append(code)
    wanted = _normalise(text)
    for attempt in dict.fromkeys((wanted, _strip_council(wanted))):
        if not attempt:
            continue
        for matcher in (
            lambda n, a=attempt: n == a,
            lambda n, a=attempt: n.startswith(a),
            lambda n, a=attempt: a in n,
        ):
            codes = [c for name, cs in by_name.items() if matcher(name) for c in cs]
            if codes:
                return _pick(data, text, codes)

    names = sorted({a.name for a in data.authorities.values()})
    close = difflib.get_close_matches(text, names, n=5, cutoff=0.6)
    if not close:
        lowered = {n.lower(): n for n in names}
        close = [
            lowered[n]
            for n in difflib.get_close_matches(
                _strip_council(wanted), lowered, n=5, cutoff=0.6
            )
        ]
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise UnknownAuthority(f"No local authority matches {query!r}.{hint}", close)


def _pick(data: DfeDataset, query: str, codes: list[str]) -> Authority:
    """One match wins; of one name used twice (Dorset), the one with the latest data."""
    found = [data.authorities[c] for c in codes]
    names = {a.name for a in found}
    if len(names) == 1:
        return max(found, key=lambda a: (data.last_year[a.old_code], a.old_code))
    listed = sorted(f"{a.name} ({a.old_code})" for a in found)
    raise AmbiguousAuthority(
        f"{query!r} matches {len(found)} local authorities: {', '.join(listed)}. "
        "Use the full name or the 3-digit LA code.",
        sorted(names),
    )


# Computing -------------------------------------------------------------------------


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


def _evaluate(
    data: DfeDataset, code: str, key: GeoKey, year: str
) -> tuple[Decimal | None, Decimal | None, Decimal | None, str]:
    """Apply one indicator's formula: (value, numerator, denominator, note)."""
    formula = FORMULAS[code]
    cells, where = _fields(data, formula.source, key, year)
    if cells is None:
        return None, None, None, where

    def fail(note: str) -> tuple[None, None, None, str]:
        return None, None, None, "; ".join(n for n in (note, where) if n)

    numerator = Decimal(0)
    for column in formula.numerator:
        part, note = _number(cells.get(column))
        if part is None:
            return fail(note)
        numerator += part
    if formula.published:
        return numerator, None, None, where
    if formula.denominator is None:
        return numerator, numerator, None, where
    if formula.denominator == POPULATION:
        denominator, pop_note = _population(data, key, year)
        where = "; ".join(n for n in (where, pop_note) if n)
        if denominator is None:
            return None, numerator, None, where
    else:
        denominator, note = _number(cells.get(formula.denominator))
        if denominator is None:
            return fail(note)
    if denominator == 0:
        return (
            None,
            numerator,
            denominator,
            "; ".join(
                n for n in ("not applicable: the denominator is zero", where) if n
            ),
        )
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


# Rounding and export ----------------------------------------------------------------


def round_half_away(value: Decimal, places: int = 1) -> Decimal:
    """Round half away from zero (2.25 -> 2.3, -2.25 -> -2.3) for display."""
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _plain(value: Decimal | None) -> str:
    """A Decimal as plain text without exponent; empty for None."""
    if value is None:
        return ""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def export_rows(values: Iterable[IndicatorValue]) -> list[dict[str, str]]:
    """Rows for CSV export: la, region, england and sn_average only; values rounded."""
    rows = []
    for item in values:
        if item.geography not in EXPORT_GEOGRAPHIES:
            continue
        rounded = item.rounded
        rows.append(
            {
                "indicator": item.indicator,
                "period": str(item.period),
                "geography": item.geography,
                "geography_code": item.geography_code,
                "value": "" if rounded is None else format(rounded, "f"),
                "numerator": _plain(item.numerator),
                "denominator": _plain(item.denominator),
                "note": item.note,
            }
        )
    return rows
