"""Check the DfE statistics engine against sums done by hand from the raw CSV rows."""

from __future__ import annotations

import csv
import math
import time
from decimal import Decimal
from fractions import Fraction
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assure.scorecard.dfe import (
    DATA_DIR,
    EXPORT_COLUMNS,
    AmbiguousAuthority,
    Authority,
    IndicatorValue,
    UnknownAuthority,
    compute_indicators,
    export_rows,
    find_authority,
    load_dataset,
    round_half_away,
)
from assure.scorecard.indicators import INDICATORS, INDICATORS_BY_CODE, indicator_get

# Files and formulas written out again, independently of the engine's tables.
FILES = {
    "b1": "dfe_cin_cp/b1_children_in_need_2013_to_2025.csv",
    "c1": "dfe_cin_cp/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv",
    "c3": "dfe_cin_cp/c3_factors_identified_at_end_of_assessment_2018_to_2025.csv",
    "c4": "dfe_cin_cp/c4_children_in_need_section_47s_and_icpcs_2013_to_2025.csv",
    "d3": "dfe_cin_cp/d3_cpps_subsequent_plan_2013_to_2025.csv",
    "d5": "dfe_cin_cp/d5_cpps_at31march_by_duration_2013_to_2025.csv",
    "cla": "dfe_cla/cla_number_and_rate_per_10k_children.csv",
    "missing": "dfe_cla/la_children_who_were_missing_or_away_from_placement_"
    "without_authorisation.csv",
    "stability": "dfe_cla/la_cla_placement_stability.csv",
    "csww": "dfe_workforce_and_reference/csww_indicators_2017_to_2025.csv",
    "pop": "dfe_workforce_and_reference/ons_mid-year_population_estimates_"
    "2012_to_2024.csv",
    "sn": "dfe_workforce_and_reference/sn_model_2025_wide.csv",
}
SUPPRESSED = {"c", "x", "z", "u", "k", "low", ""}
LEVELS = {"la": "Local authority", "region": "Regional", "england": "National"}

SOMERSET = "933"
SOUTH_GLOUCESTERSHIRE = "803"
SOLIHULL = "334"
ISLE_OF_WIGHT = "921"
CAMDEN = "202"
CITY_OF_LONDON = "201"
ISLES_OF_SCILLY = "420"
CUMBRIA = "909"
KINGSTON = "314"
HAND_CHECKED = [
    SOMERSET,
    SOUTH_GLOUCESTERSHIRE,
    SOLIHULL,
    ISLE_OF_WIGHT,
    CAMDEN,
    CITY_OF_LONDON,
    ISLES_OF_SCILLY,
    CUMBRIA,
    KINGSTON,
]


@cache
def raw(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / FILES[name]).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def indexed(name: str) -> dict[tuple[str, str, str], list[dict[str, str]]]:
    column = {"la": "old_la_code", "region": "region_code", "england": "country_code"}
    index: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for row in raw(name):
        for level, label in LEVELS.items():
            if row["geographic_level"] == label:
                key = (level, row[column[level]], row["time_period"])
                index.setdefault(key, []).append(row)
    return index


def matching(name: str, level: str, ident: str, year: str) -> list[dict[str, str]]:
    """Rows of one file for a geography (LA by 3-digit code) and year."""
    return indexed(name).get((level, ident, year), [])


def number(text: str) -> Fraction | None:
    return None if text.strip() in SUPPRESSED else Fraction(text)


def population(level: str, ident: str, year: str) -> Fraction | None:
    """ONS 0-17 population for the year, else the latest earlier year on file."""
    for earlier in range(int(year), 2000, -1):
        rows = matching("pop", level, ident, str(earlier))
        if rows:
            (row,) = rows
            return number(row["population_estimate"])
    return None


def ratio(top: Fraction | None, bottom: Fraction | None, scale: int) -> Fraction | None:
    if top is None or bottom is None or bottom == 0:
        return None
    return top * scale / bottom


def one(rows: list[dict[str, str]], **where: str) -> dict[str, str] | None:
    found = [r for r in rows if all(r[k] == v for k, v in where.items())]
    assert len(found) <= 1
    return found[0] if found else None


def cell(row: dict[str, str] | None, column: str) -> Fraction | None:
    return None if row is None else number(row[column])


def by_hand(code: str, level: str, ident: str, year: str) -> Fraction | None:
    """The INDICATORS.md formula, recomputed straight from the CSV rows."""

    def wide(name: str) -> dict[str, str] | None:
        rows = matching(name, level, ident, year)
        assert len(rows) <= 1
        return rows[0] if rows else None

    def add(*parts: Fraction | None) -> Fraction | None:
        return None if any(p is None for p in parts) else sum(parts, Fraction(0))

    factors = {
        "factor_neglect_pct": "Neglect",
        "factor_domestic_abuse_parent_pct": "Domestic_Abuse_parent",
        "factor_mental_health_parent_pct": "Mental_Health_parent",
        "factor_cse_pct": "Child_sexual_exploitation",
        "factor_cce_pct": "Child_criminal_exploitation",
        "factor_missing_pct": "Going_missing",
    }
    csww = {
        "sw_turnover_pct": "turnover_rate_fte",
        "sw_vacancy_pct": "vacancy_rate_fte",
        "sw_agency_pct": "agency_rate_fte",
        "sw_caseload": "caseload_fte",
    }
    if code in factors:
        row = wide("c3")
        return ratio(
            cell(row, factors[code]), cell(row, "Episodes_with_assessment_factor"), 100
        )
    if code in csww:
        row = wide("csww")
        if row is None and level == "la":  # a service published jointly, e.g. Kingston
            row = next(
                (
                    r
                    for r in raw("csww")
                    if ident in r["old_la_code"].split(" / ")
                    and r["time_period"] == year
                ),
                None,
            )
        return cell(row, csww[code])
    pop = population(level, ident, year)
    if code == "cin_rate":
        return ratio(cell(wide("b1"), "At31_episodes"), pop, 10000)
    if code == "referrals":
        return cell(wide("c1"), "referral_count")
    if code == "rereferral_pct":
        row = wide("c1")
        return ratio(cell(row, "rereferral_count"), cell(row, "referral_count"), 100)
    if code == "s47_count":
        return cell(wide("c4"), "Section47")
    if code == "s47_rate":
        return ratio(cell(wide("c4"), "Section47"), pop, 10000)
    if code == "icpc_count":
        return cell(wide("c4"), "ICPC")
    if code == "icpc_15d_pct":
        row = wide("c4")
        within = add(cell(row, "Duration_0-10_days"), cell(row, "Duration_11-15_days"))
        return ratio(within, cell(row, "ICPC"), 100)
    if code == "cpp_count":
        return cell(wide("d5"), "CPP_At31")
    if code == "cpp_rate":
        return ratio(cell(wide("d5"), "CPP_At31"), pop, 10000)
    if code == "cpp_repeat_pct":
        row = wide("d3")
        return ratio(cell(row, "CPP_subsequent"), cell(row, "CPP_start"), 100)
    if code == "cpp_2y_pct":
        row = wide("d5")
        return ratio(cell(row, "2_years_or_more"), cell(row, "CPP_At31"), 100)
    if code in ("cla_count", "cla_rate"):
        row = one(
            matching("cla", level, ident, year),
            population_type="Children looked after on 31 March each year",
        )
        if code == "cla_count":
            return cell(row, "children_count")
        return ratio(
            cell(row, "children_count"), cell(row, "population_estimate"), 10000
        )
    if code == "cla_missing_pct":
        rows = matching("missing", level, ident, year)
        went = one(
            rows, CLA_group="Children who had a missing incident during the year"
        )
        looked_after = one(rows, CLA_group="Children looked after during the year")
        return ratio(cell(went, "number"), cell(looked_after, "number"), 100)
    if code == "cla_3plus_placements_pct":
        rows = matching("stability", level, ident, year)
        three = one(
            rows,
            cla_group="CLA on 31 March",
            placement_stability="With 3 or more placements during the year",
        )
        total = one(
            rows, cla_group="CLA on 31 March", placement_stability="Total children"
        )
        return ratio(cell(three, "children_count"), cell(total, "children_count"), 100)
    raise AssertionError(f"no hand formula for {code}")


def round_by_hand(value: Fraction, places: int) -> Decimal:
    """Half away from zero, done with integers."""
    scaled = abs(value) * 10**places
    whole = math.floor(scaled + Fraction(1, 2))
    return Decimal(whole if value >= 0 else -whole).scaleb(-places)


def neighbours_by_hand(old_code: str) -> list[str]:
    for row in raw("sn"):
        if row["old_la_code"] == old_code:
            return [row[f"SN_{i}"] for i in range(1, 11)]
    return []


def region_of(old_code: str) -> str:
    rows = [r for r in raw("b1") if r["old_la_code"] == old_code]
    return max(rows, key=lambda r: r["time_period"])["region_code"]


def assert_same(engine: Decimal | None, hand: Fraction | None, code: str) -> None:
    if hand is None:
        assert engine is None
        return
    assert engine is not None
    assert abs(Fraction(engine) - hand) < Fraction(1, 10**15)
    places = INDICATORS_BY_CODE[code].places
    assert round_half_away(engine, places) == round_by_hand(hand, places)


@cache
def computed(old_code: str) -> tuple[IndicatorValue, ...]:
    return tuple(compute_indicators(find_authority(old_code)))


class TestIndicatorRegistry:
    def test_lists_every_indicator_in_the_spec_once(self):
        codes = [i.code for i in INDICATORS]
        assert len(codes) == len(set(codes)) == 25
        assert "rereferral_pct" in codes
        assert "factor_missing_pct" in codes

    def test_definitions_use_the_agreed_vocabularies(self):
        for indicator in INDICATORS:
            assert indicator.unit in {"percent", "count", "rate_per_10000", "per_fte"}
            assert indicator.polarity in {"higher", "lower", "neither"}
            assert indicator.frequency == "yearly"
            assert indicator.name
            assert indicator.definition
            assert indicator.source
            assert indicator.theme

    def test_polarity_and_unit_follow_the_spec(self):
        assert indicator_get("rereferral_pct").name == "Re-referrals within 12 months"
        assert indicator_get("rereferral_pct").polarity == "lower"
        assert indicator_get("icpc_15d_pct").polarity == "higher"
        assert indicator_get("sw_caseload").unit == "per_fte"
        assert indicator_get("cin_rate").unit == "rate_per_10000"
        assert indicator_get("cla_count").places == 0
        assert indicator_get("cla_rate").places == 1

    def test_unknown_code_is_named(self):
        with pytest.raises(KeyError, match="nope"):
            indicator_get("nope")


class TestLoadDataset:
    def test_reads_the_copy_inside_the_app(self):
        assert Path(DATA_DIR).is_relative_to(Path(__file__).resolve().parents[1])
        assert (DATA_DIR / "README.md").is_file()

    def test_is_parsed_once(self):
        assert load_dataset() is load_dataset()

    def test_knows_every_authority_once(self):
        dataset = load_dataset()
        assert len(dataset.authorities) == 158
        assert all(" / " not in code for code in dataset.authorities)


class TestFindAuthority:
    @pytest.mark.parametrize(
        "query",
        [
            "Somerset",
            "somerset",
            "  SOMERSET ",
            "933",
            "E06000066",
            "e06000066",
            "E10000027",
            "Somerset County Council",
        ],
    )
    def test_finds_somerset_by_name_or_any_code(self, query):
        authority = find_authority(query)
        assert authority.old_code == "933"
        assert authority.name == "Somerset"
        assert authority.new_code == "E06000066"
        assert (authority.region_code, authority.region_name) == (
            "E12000009",
            "South West",
        )

    @pytest.mark.parametrize(
        ("query", "old_code"),
        [
            ("South Gloucestershire", "803"),
            ("Solihull Metropolitan Borough Council", "334"),
            ("Isle of Wight Council", "921"),
            ("London Borough of Camden", "202"),
            ("Bristol City Council", "801"),
            ("Bristol, City of", "801"),
            ("St Helens", "342"),
            ("Isles of Scilly", "420"),
            ("City of London", "201"),
            ("Wight", "921"),
        ],
    )
    def test_finds_by_name_suffix_or_unique_part(self, query, old_code):
        assert find_authority(query).old_code == old_code

    def test_a_name_used_twice_gives_the_current_authority(self):
        assert find_authority("Dorset").old_code == "838"
        assert find_authority("835").name == "Dorset"

    def test_an_ambiguous_name_lists_the_choices(self):
        with pytest.raises(AmbiguousAuthority, match="Kingston upon Thames") as caught:
            find_authority("Kingston")
        assert "Kingston upon Hull, City of" in caught.value.candidates

    def test_an_unknown_name_suggests_close_ones(self):
        with pytest.raises(UnknownAuthority, match="Did you mean: Somerset") as caught:
            find_authority("Somersett")
        assert "Somerset" in caught.value.candidates

    def test_an_empty_query_asks_for_a_name(self):
        with pytest.raises(UnknownAuthority, match="Enter a local authority"):
            find_authority(" ")

    def test_neighbours_come_from_the_2025_model(self):
        authority = find_authority("Somerset")
        assert [code for code, _ in authority.statistical_neighbours] == (
            neighbours_by_hand("933")
        )
        assert len(authority.statistical_neighbours) == 10
        names = dict(authority.statistical_neighbours)
        assert all(names.values())

    def test_an_abolished_authority_has_no_neighbours(self):
        assert find_authority("Cumbria").statistical_neighbours == []

    def test_a_london_borough_sits_in_inner_or_outer_london(self):
        assert find_authority("Camden").region_code == "E13000001"
        assert find_authority("Barnet").region_code == "E13000002"


class TestComputeIndicators:
    @pytest.mark.parametrize("old_code", HAND_CHECKED)
    def test_la_region_and_england_match_the_hand_sums(self, old_code):
        region = region_of(old_code)
        idents = {"la": old_code, "region": region, "england": "E92000001"}
        checked = 0
        for item in computed(old_code):
            if item.geography not in idents:
                continue
            hand = by_hand(
                item.indicator, item.geography, idents[item.geography], item.period
            )
            assert_same(item.value, hand, item.indicator)
            checked += 1
        assert checked > 700

    @pytest.mark.parametrize("old_code", [SOMERSET, SOLIHULL, CAMDEN, ISLE_OF_WIGHT])
    def test_neighbour_average_is_the_plain_mean_of_those_with_a_value(self, old_code):
        nbs = neighbours_by_hand(old_code)
        averages = [v for v in computed(old_code) if v.geography == "sn_average"]
        assert averages
        for item in averages:
            hand = [by_hand(item.indicator, "la", nb, item.period) for nb in nbs]
            present = [h for h in hand if h is not None]
            expected = sum(present, Fraction(0)) / len(present) if present else None
            assert_same(item.value, expected, item.indicator)
            assert item.numerator is None
            assert item.denominator is None
            if present and len(present) < len(nbs):
                assert item.note == f"mean of {len(present)} of {len(nbs)} neighbours"

    def test_each_neighbour_is_listed_with_its_own_value(self):
        values = computed(SOMERSET)
        rows = [v for v in values if v.indicator == "cla_count" and v.period == "2024"]
        assert [v.geography for v in rows[:4]] == [
            "la",
            "region",
            "england",
            "sn_average",
        ]
        neighbours = [v for v in rows if v.geography == "sn"]
        assert len(neighbours) == 10
        for item, (code, name) in zip(
            neighbours, find_authority("933").statistical_neighbours, strict=True
        ):
            assert item.geography_name == name
            assert_same(
                item.value, by_hand("cla_count", "la", code, "2024"), "cla_count"
            )

    def test_geography_codes_and_names(self):
        values = {
            (v.geography, v.period): v
            for v in computed(SOMERSET)
            if v.indicator == "cin_rate"
        }
        assert values[("la", "2013")].geography_code == "E06000066"
        assert values[("la", "2013")].geography_name == "Somerset"
        assert values[("region", "2024")].geography_code == "E12000009"
        assert values[("region", "2024")].geography_name == "South West"
        assert values[("england", "2024")].geography_code == "E92000001"
        assert values[("england", "2024")].geography_name == "England"
        assert values[("sn_average", "2024")].geography_code == "E06000066"

    def test_years_follow_each_source(self):
        years = {}
        for item in computed(SOMERSET):
            years.setdefault(item.indicator, set()).add(item.period)
        assert min(years["cin_rate"]) == "2013"
        assert max(years["cin_rate"]) == "2025"
        assert min(years["factor_cse_pct"]) == "2018"
        assert sorted(years["cla_missing_pct"]) == [
            "2020",
            "2021",
            "2022",
            "2023",
            "2024",
        ]
        assert min(years["sw_caseload"]) == "2017"

    def test_codes_limit_the_indicators(self):
        authority = find_authority("Solihull")
        values = compute_indicators(authority, codes=["cla_rate"])
        assert {v.indicator for v in values} == {"cla_rate"}

    def test_unknown_codes_are_refused(self):
        with pytest.raises(KeyError, match="nope"):
            compute_indicators(find_authority("Solihull"), codes=["nope"])


class TestMissingValues:
    def get(self, old_code: str, code: str, period: str, geography: str = "la"):
        (item,) = [
            v
            for v in computed(old_code)
            if (v.indicator, v.period, v.geography) == (code, period, geography)
        ]
        return item

    def test_a_suppressed_cell_is_missing_not_zero(self):
        (row,) = matching("d5", "la", SOMERSET, "2024")
        assert row["2_years_or_more"] == "c"
        item = self.get(SOMERSET, "cpp_2y_pct", "2024")
        assert item.value is None
        assert item.note == "suppressed (c): confidential or small number"

    def test_one_suppressed_part_of_a_sum_makes_it_missing(self):
        (row,) = matching("c4", "la", CITY_OF_LONDON, "2024")
        assert row["Duration_0-10_days"] == "c"
        assert row["ICPC"] == "6"
        item = self.get(CITY_OF_LONDON, "icpc_15d_pct", "2024")
        assert item.value is None
        assert item.note.startswith("suppressed (c)")

    def test_every_missing_value_says_why(self):
        known = (
            "suppressed (c)",
            "not available (x)",
            "not applicable (z)",
            "low reliability (u)",
            "fewer than 0.5 (k)",
            "low (low)",
            "missing input",
            "population not available (x)",
            "not applicable: the denominator is zero",
            "no statistical neighbour",
        )
        for code in HAND_CHECKED:
            for item in computed(code):
                if item.value is None:
                    assert item.note.startswith(known), item

    def test_a_year_with_no_row_is_missing_input(self):
        item = self.get(CUMBRIA, "cin_rate", "2025")
        assert item.value is None
        assert item.note.startswith("missing input")

    def test_the_2025_rate_uses_the_2024_population(self):
        item = self.get(SOMERSET, "cin_rate", "2025")
        (pop,) = matching("pop", "la", SOMERSET, "2024")
        (row,) = matching("b1", "la", SOMERSET, "2025")
        assert item.denominator == Decimal(pop["population_estimate"])
        assert item.numerator == Decimal(row["At31_episodes"])
        assert "2024" in item.note
        england = self.get(SOMERSET, "cpp_rate", "2025", "england")
        assert england.denominator == Decimal("12183016")

    def test_a_missing_population_year_uses_the_latest_earlier_one(self):
        # ONS already splits Cumbria in 2023; the CIN census still has Cumbria then.
        assert not matching("pop", "la", CUMBRIA, "2023")
        item = self.get(CUMBRIA, "cpp_rate", "2023")
        (pop,) = matching("pop", "la", CUMBRIA, "2022")
        assert item.denominator == Decimal(pop["population_estimate"])
        assert item.value is not None
        assert "2022" in item.note

    def test_the_same_year_population_has_no_note(self):
        assert self.get(SOMERSET, "cin_rate", "2024").note == ""

    def test_the_looked_after_rate_uses_its_own_rows_population(self):
        item = self.get(SOMERSET, "cla_rate", "2024")
        (pop,) = matching("pop", "la", SOMERSET, "2024")
        assert item.denominator != Decimal(pop["population_estimate"])
        assert item.denominator == Decimal("112324")

    def test_a_jointly_published_workforce_row_serves_each_member(self):
        item = self.get(KINGSTON, "sw_caseload", "2024")
        assert item.value is not None
        assert "Kingston upon Thames / Richmond upon Thames" in item.note

    def test_no_neighbours_means_no_average(self):
        item = self.get(CUMBRIA, "cin_rate", "2020", "sn_average")
        assert item.value is None
        assert item.note == "no statistical neighbours in the 2025 model"


class TestRounding:
    @pytest.mark.parametrize(
        ("value", "places", "expected"),
        [
            ("2.25", 1, "2.3"),
            ("-2.25", 1, "-2.3"),
            ("2.35", 1, "2.4"),
            ("0.05", 1, "0.1"),
            ("2.2499999", 1, "2.2"),
            ("2.5", 0, "3"),
            ("-2.5", 0, "-3"),
            ("28.749999999999999999", 1, "28.7"),
            ("7", 1, "7.0"),
        ],
    )
    def test_rounds_half_away_from_zero(self, value, places, expected):
        assert str(round_half_away(Decimal(value), places)) == expected

    @given(
        st.decimals(
            allow_nan=False, allow_infinity=False, min_value=-(10**6), max_value=10**6
        ),
        st.integers(min_value=0, max_value=3),
    )
    def test_matches_integer_rounding(self, value, places):
        assert round_half_away(value, places) == round_by_hand(Fraction(value), places)


class TestExportRows:
    def test_has_exactly_the_agreed_columns_and_geographies(self):
        rows = export_rows(computed(SOMERSET))
        assert rows
        assert all(tuple(row) == EXPORT_COLUMNS for row in rows)
        assert EXPORT_COLUMNS == (
            "indicator",
            "period",
            "geography",
            "geography_code",
            "value",
            "numerator",
            "denominator",
            "note",
        )
        assert {row["geography"] for row in rows} == {
            "la",
            "region",
            "england",
            "sn_average",
        }

    def test_rounds_rates_to_one_place_and_counts_to_whole_numbers(self):
        rows = {
            (r["indicator"], r["period"], r["geography"]): r
            for r in export_rows(computed(SOMERSET))
        }
        rate = rows[("cin_rate", "2025", "la")]
        assert rate == {
            "indicator": "cin_rate",
            "period": "2025",
            "geography": "la",
            "geography_code": "E06000066",
            "value": "301.9",
            "numerator": "3412",
            "denominator": "113024",
            "note": "population estimate for 2024 used (latest available)",
        }
        count = rows[("referrals", "2025", "la")]
        assert count["value"] == "5877"
        assert count["numerator"] == "5877"
        assert count["denominator"] == ""
        assert rows[("rereferral_pct", "2024", "la")]["value"] == "23.0"
        average = rows[("cla_count", "2024", "sn_average")]
        assert "." not in average["value"]
        assert average["numerator"] == average["denominator"] == ""

    def test_missing_values_export_empty_with_their_note(self):
        rows = {
            (r["indicator"], r["period"], r["geography"]): r
            for r in export_rows(computed(SOMERSET))
        }
        row = rows[("cpp_2y_pct", "2024", "la")]
        assert row["value"] == ""
        assert row["note"] == "suppressed (c): confidential or small number"


class TestSpeed:
    def test_one_authority_computes_well_under_a_second(self):
        load_dataset()
        authority: Authority = find_authority("South Gloucestershire")
        started = time.perf_counter()
        values = compute_indicators(authority)
        assert time.perf_counter() - started < 1.0
        assert len(values) > 3000
