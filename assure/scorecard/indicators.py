"""Indicators the scorecard computes from official statistics (docs/indicators.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Unit = Literal["percent", "count", "rate_per_10000", "per_fte"]
Polarity = Literal["higher", "lower", "neither"]

CIN_PUBLICATION = "Characteristics of children in need"
CLA_PUBLICATION = "Children looked after in England including adoptions"
CSWW_PUBLICATION = "Children's social work workforce"
POPULATION_NOTE = "ONS mid-year estimate of children aged 0 to 17"


@dataclass(frozen=True)
class IndicatorDefinition:
    """What one indicator measures, how it reads and where its figures come from."""

    code: str
    name: str
    definition: str
    unit: Unit
    polarity: Polarity
    source: str
    theme: str
    frequency: str = "yearly"

    @property
    def places(self) -> int:
        """Decimal places shown and exported: 0 for counts, 1 for the rest."""
        return 0 if self.unit == "count" else 1


def _percent_of_factors(code: str, name: str, factor: str) -> IndicatorDefinition:
    """A factor found at the end of assessment, as a share of episodes with any."""
    return IndicatorDefinition(
        code=code,
        name=name,
        definition=(
            f"Assessments ending in the year with {factor} recorded as a factor, "
            "divided by all assessments ending in the year with any factor recorded, "
            "as a percentage."
        ),
        unit="percent",
        polarity="neither",
        source=CIN_PUBLICATION,
        theme="Factors at assessment",
    )


INDICATORS: tuple[IndicatorDefinition, ...] = (
    IndicatorDefinition(
        code="cin_rate",
        name="Children in need per 10,000 children",
        definition=(
            "Children in need episodes open on 31 March, divided by the number of "
            f"children aged 0 to 17 ({POPULATION_NOTE}), times 10,000."
        ),
        unit="rate_per_10000",
        polarity="neither",
        source=CIN_PUBLICATION,
        theme="Children in need",
    ),
    IndicatorDefinition(
        code="referrals",
        name="Referrals to children's social care",
        definition="Referrals received by children's social care in the year.",
        unit="count",
        polarity="neither",
        source=CIN_PUBLICATION,
        theme="Front door",
    ),
    IndicatorDefinition(
        code="rereferral_pct",
        name="Re-referrals within 12 months",
        definition=(
            "Referrals in the year that came within 12 months of a previous referral "
            "for the same child, divided by all referrals in the year, as a percentage."
        ),
        unit="percent",
        polarity="lower",
        source=CIN_PUBLICATION,
        theme="Front door",
    ),
    IndicatorDefinition(
        code="s47_count",
        name="Section 47 enquiries",
        definition="Section 47 enquiries that started in the year.",
        unit="count",
        polarity="neither",
        source=CIN_PUBLICATION,
        theme="Child protection",
    ),
    IndicatorDefinition(
        code="s47_rate",
        name="Section 47 enquiries per 10,000 children",
        definition=(
            "Section 47 enquiries that started in the year, divided by the number of "
            f"children aged 0 to 17 ({POPULATION_NOTE}), times 10,000."
        ),
        unit="rate_per_10000",
        polarity="neither",
        source=CIN_PUBLICATION,
        theme="Child protection",
    ),
    IndicatorDefinition(
        code="icpc_count",
        name="Initial child protection conferences",
        definition="Initial child protection conferences held in the year.",
        unit="count",
        polarity="neither",
        source=CIN_PUBLICATION,
        theme="Child protection",
    ),
    IndicatorDefinition(
        code="icpc_15d_pct",
        name="Initial conferences within 15 working days",
        definition=(
            "Initial child protection conferences held within 15 working days of the "
            "start of the section 47 enquiry (0 to 10 days plus 11 to 15 days), "
            "divided by all initial conferences in the year, as a percentage."
        ),
        unit="percent",
        polarity="higher",
        source=CIN_PUBLICATION,
        theme="Child protection",
    ),
    IndicatorDefinition(
        code="cpp_count",
        name="Children on a child protection plan",
        definition="Children subject to a child protection plan on 31 March.",
        unit="count",
        polarity="neither",
        source=CIN_PUBLICATION,
        theme="Child protection",
    ),
    IndicatorDefinition(
        code="cpp_rate",
        name="Children on a child protection plan per 10,000 children",
        definition=(
            "Children subject to a child protection plan on 31 March, divided by the "
            f"number of children aged 0 to 17 ({POPULATION_NOTE}), times 10,000."
        ),
        unit="rate_per_10000",
        polarity="neither",
        source=CIN_PUBLICATION,
        theme="Child protection",
    ),
    IndicatorDefinition(
        code="cpp_repeat_pct",
        name="Repeat child protection plans",
        definition=(
            "Child protection plans starting in the year that were the child's second "
            "or later plan (ever), divided by all plans starting in the year, as a "
            "percentage."
        ),
        unit="percent",
        polarity="lower",
        source=CIN_PUBLICATION,
        theme="Child protection",
    ),
    IndicatorDefinition(
        code="cpp_2y_pct",
        name="Child protection plans lasting 2 years or more",
        definition=(
            "Children on a child protection plan on 31 March whose plan had lasted 2 "
            "years or more, divided by all children on a plan on 31 March, as a "
            "percentage."
        ),
        unit="percent",
        polarity="lower",
        source=CIN_PUBLICATION,
        theme="Child protection",
    ),
    IndicatorDefinition(
        code="cla_count",
        name="Children looked after",
        definition="Children looked after on 31 March.",
        unit="count",
        polarity="neither",
        source=CLA_PUBLICATION,
        theme="Children looked after",
    ),
    IndicatorDefinition(
        code="cla_rate",
        name="Children looked after per 10,000 children",
        definition=(
            "Children looked after on 31 March, divided by the population aged 0 to 17 "
            "that the looked-after children publication gives on the same row, times "
            "10,000."
        ),
        unit="rate_per_10000",
        polarity="neither",
        source=CLA_PUBLICATION,
        theme="Children looked after",
    ),
    IndicatorDefinition(
        code="cla_missing_pct",
        name="Looked-after children who went missing",
        definition=(
            "Children looked after who had a missing incident during the year, divided "
            "by all children looked after during the year, as a percentage."
        ),
        unit="percent",
        polarity="lower",
        source=CLA_PUBLICATION,
        theme="Children looked after",
    ),
    IndicatorDefinition(
        code="cla_3plus_placements_pct",
        name="Looked-after children with 3 or more placements in the year",
        definition=(
            "Children looked after on 31 March who had 3 or more placements during the "
            "year, divided by all children looked after on 31 March, as a percentage."
        ),
        unit="percent",
        polarity="lower",
        source=CLA_PUBLICATION,
        theme="Children looked after",
    ),
    IndicatorDefinition(
        code="sw_turnover_pct",
        name="Social worker turnover",
        definition=(
            "Full-time equivalent children's social workers who left in the year, as a "
            "percentage of those in post on 30 September, as published."
        ),
        unit="percent",
        polarity="lower",
        source=CSWW_PUBLICATION,
        theme="Workforce",
    ),
    IndicatorDefinition(
        code="sw_vacancy_pct",
        name="Social worker vacancy rate",
        definition=(
            "Full-time equivalent vacancies for children's social workers on 30 "
            "September, as a percentage of vacancies plus social workers in post, as "
            "published."
        ),
        unit="percent",
        polarity="lower",
        source=CSWW_PUBLICATION,
        theme="Workforce",
    ),
    IndicatorDefinition(
        code="sw_agency_pct",
        name="Agency social workers",
        definition=(
            "Full-time equivalent agency children's social workers on 30 September, as "
            "a percentage of agency plus employed social workers, as published."
        ),
        unit="percent",
        polarity="lower",
        source=CSWW_PUBLICATION,
        theme="Workforce",
    ),
    IndicatorDefinition(
        code="sw_caseload",
        name="Average social worker caseload",
        definition=(
            "Cases held on 30 September divided by the full-time equivalent social "
            "workers holding cases, as published."
        ),
        unit="per_fte",
        polarity="lower",
        source=CSWW_PUBLICATION,
        theme="Workforce",
    ),
    _percent_of_factors(
        "factor_neglect_pct", "Neglect identified at assessment", "neglect"
    ),
    _percent_of_factors(
        "factor_domestic_abuse_parent_pct",
        "Domestic abuse involving a parent identified at assessment",
        "domestic abuse involving the parent or carer",
    ),
    _percent_of_factors(
        "factor_mental_health_parent_pct",
        "Parental mental health identified at assessment",
        "the mental health of the parent or carer",
    ),
    _percent_of_factors(
        "factor_cse_pct",
        "Child sexual exploitation identified at assessment",
        "child sexual exploitation",
    ),
    _percent_of_factors(
        "factor_cce_pct",
        "Child criminal exploitation identified at assessment",
        "child criminal exploitation",
    ),
    _percent_of_factors(
        "factor_missing_pct",
        "Going missing identified at assessment",
        "going missing",
    ),
)

INDICATORS_BY_CODE: dict[str, IndicatorDefinition] = {i.code: i for i in INDICATORS}


def indicator_get(code: str) -> IndicatorDefinition:
    """Return the definition for an indicator code; KeyError names an unknown one."""
    try:
        return INDICATORS_BY_CODE[code]
    except KeyError:
        raise KeyError(f"Unknown indicator code {code!r}") from None
