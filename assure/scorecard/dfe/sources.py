"""The source files, suppression markers and indicator formulas."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "dfe"
ENGLAND_CODE = "E92000001"
ENGLAND_NAME = "England"
SN_AVERAGE_NAME = "Statistical neighbours (average)"
POPULATION = "population"  # stands for the ONS population as a denominator
POPULATION_AGE_GROUP = "Children aged 0 to 17 years"
JOINT_CODE_SEPARATOR = " / "

MARKER_NOTES: dict[str, str] = {
    "c": "suppressed (c): confidential or small number",
    "x": "not available (x)",
    "z": "not applicable (z)",
    "u": "low reliability (u)",
    "k": "fewer than 0.5 (k)",
    "low": "low (low): rounds to zero but is not zero",
    "": "missing input",
}


@dataclass(frozen=True)
class Source:
    """One CSV file; long-format files name each measure by their group columns."""

    path: str
    group_columns: tuple[str, ...] = ()
    value_columns: tuple[str, ...] = ()
    row_filter: tuple[str, str] | None = None


SOURCES: dict[str, Source] = {
    "b1": Source("dfe_cin_cp/b1_children_in_need_2013_to_2025.csv"),
    "c1": Source(
        "dfe_cin_cp/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
    ),
    "c3": Source(
        "dfe_cin_cp/c3_factors_identified_at_end_of_assessment_2018_to_2025.csv"
    ),
    "c4": Source(
        "dfe_cin_cp/c4_children_in_need_section_47s_and_icpcs_2013_to_2025.csv"
    ),
    "d3": Source("dfe_cin_cp/d3_cpps_subsequent_plan_2013_to_2025.csv"),
    "d5": Source("dfe_cin_cp/d5_cpps_at31march_by_duration_2013_to_2025.csv"),
    "cla": Source(
        "dfe_cla/cla_number_and_rate_per_10k_children.csv",
        group_columns=("population_type",),
        value_columns=("population_estimate", "children_count"),
    ),
    "missing": Source(
        "dfe_cla/la_children_who_were_missing_or_away_from_placement_without_authorisation.csv",
        group_columns=("CLA_group",),
        value_columns=("number",),
    ),
    "stability": Source(
        "dfe_cla/la_cla_placement_stability.csv",
        group_columns=("cla_group", "placement_stability"),
        value_columns=("children_count",),
    ),
    "csww": Source("dfe_workforce_and_reference/csww_indicators_2017_to_2025.csv"),
    POPULATION: Source(
        "dfe_workforce_and_reference/ons_mid-year_population_estimates_2012_to_2024.csv",
        row_filter=("age_group", POPULATION_AGE_GROUP),
    ),
}
SN_PATH = "dfe_workforce_and_reference/sn_model_2025_wide.csv"


@dataclass(frozen=True)
class Formula:
    """Summed numerator x multiplier / denominator; without one, the value as given."""

    source: str
    numerator: tuple[str, ...]
    denominator: str | None = None
    multiplier: int = 1
    published: bool = False


_CLA31 = "Children looked after on 31 March each year"
_C3 = "Episodes_with_assessment_factor"
FORMULAS: dict[str, Formula] = {
    "cin_rate": Formula("b1", ("At31_episodes",), POPULATION, 10000),
    "referrals": Formula("c1", ("referral_count",)),
    "rereferral_pct": Formula("c1", ("rereferral_count",), "referral_count", 100),
    "s47_count": Formula("c4", ("Section47",)),
    "s47_rate": Formula("c4", ("Section47",), POPULATION, 10000),
    "icpc_count": Formula("c4", ("ICPC",)),
    "icpc_15d_pct": Formula(
        "c4", ("Duration_0-10_days", "Duration_11-15_days"), "ICPC", 100
    ),
    "cpp_count": Formula("d5", ("CPP_At31",)),
    "cpp_rate": Formula("d5", ("CPP_At31",), POPULATION, 10000),
    "cpp_repeat_pct": Formula("d3", ("CPP_subsequent",), "CPP_start", 100),
    "cpp_2y_pct": Formula("d5", ("2_years_or_more",), "CPP_At31", 100),
    "cla_count": Formula("cla", (f"{_CLA31}|children_count",)),
    "cla_rate": Formula(
        "cla", (f"{_CLA31}|children_count",), f"{_CLA31}|population_estimate", 10000
    ),
    "cla_missing_pct": Formula(
        "missing",
        ("Children who had a missing incident during the year|number",),
        "Children looked after during the year|number",
        100,
    ),
    "cla_3plus_placements_pct": Formula(
        "stability",
        ("CLA on 31 March|With 3 or more placements during the year|children_count",),
        "CLA on 31 March|Total children|children_count",
        100,
    ),
    "sw_turnover_pct": Formula("csww", ("turnover_rate_fte",), published=True),
    "sw_vacancy_pct": Formula("csww", ("vacancy_rate_fte",), published=True),
    "sw_agency_pct": Formula("csww", ("agency_rate_fte",), published=True),
    "sw_caseload": Formula("csww", ("caseload_fte",), published=True),
    "factor_neglect_pct": Formula("c3", ("Neglect",), _C3, 100),
    "factor_domestic_abuse_parent_pct": Formula(
        "c3", ("Domestic_Abuse_parent",), _C3, 100
    ),
    "factor_mental_health_parent_pct": Formula(
        "c3", ("Mental_Health_parent",), _C3, 100
    ),
    "factor_cse_pct": Formula("c3", ("Child_sexual_exploitation",), _C3, 100),
    "factor_cce_pct": Formula("c3", ("Child_criminal_exploitation",), _C3, 100),
    "factor_missing_pct": Formula("c3", ("Going_missing",), _C3, 100),
}
