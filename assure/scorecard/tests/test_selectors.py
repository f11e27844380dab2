import datetime as dt
from decimal import Decimal

import pytest

from assure.scorecard.factories import (
    CommentaryFactory,
    IndicatorFactory,
    MeasurementFactory,
)
from assure.scorecard.selectors import (
    Comparison,
    Direction,
    Rag,
    compare_with,
    cp_journey_get,
    direction_of_travel,
    exception_list,
    headline_list,
    indicator_list_for_priority,
    rag_against_target,
    scorecard_get,
)
from assure.scorecard.services import official_figures_load

D = Decimal


class TestDirectionOfTravel:
    @pytest.mark.parametrize(
        ("polarity", "latest", "previous", "expected"),
        [
            ("higher", "80", "70", Direction.IMPROVING),
            ("higher", "70", "80", Direction.WORSENING),
            ("lower", "70", "80", Direction.IMPROVING),
            ("lower", "80", "70", Direction.WORSENING),
            ("neither", "80", "70", Direction.UP),
            ("neither", "70", "80", Direction.DOWN),
            ("higher", "80", "80", Direction.NO_CHANGE),
            ("lower", "80.04", "79.96", Direction.NO_CHANGE),  # both shown as 80.0
        ],
    )
    def test_respects_polarity(self, polarity, latest, previous, expected):
        got = direction_of_travel(
            latest=D(latest), previous=D(previous), polarity=polarity
        )

        assert got == expected

    def test_without_a_previous_figure_it_is_not_comparable(self):
        got = direction_of_travel(latest=D(1), previous=None, polarity="higher")

        assert got == Direction.NOT_COMPARABLE


class TestRagAgainstTarget:
    @pytest.mark.parametrize(
        ("polarity", "value", "expected"),
        [
            ("higher", "90", Rag.GREEN),
            ("higher", "95", Rag.GREEN),
            ("higher", "85", Rag.AMBER),
            ("higher", "84.9", Rag.RED),
            ("lower", "90", Rag.GREEN),
            ("lower", "80", Rag.GREEN),
            ("lower", "95", Rag.AMBER),
            ("lower", "95.1", Rag.RED),
            ("neither", "94", Rag.GREEN),
            ("neither", "96", Rag.AMBER),
        ],
    )
    def test_target_90_tolerance_5(self, polarity, value, expected):
        got = rag_against_target(
            value=D(value), target=D(90), tolerance=D(5), polarity=polarity
        )

        assert got == expected

    def test_compares_the_figure_as_shown(self):
        # 89.96 is shown as 90.0, which meets a target of 90.
        got = rag_against_target(
            value=D("89.96"), target=D(90), tolerance=None, polarity="higher"
        )

        assert got == Rag.GREEN

    def test_without_tolerance_short_of_target_is_red(self):
        got = rag_against_target(
            value=D("89"), target=D(90), tolerance=None, polarity="higher"
        )

        assert got == Rag.RED

    def test_no_target_no_rating(self):
        assert (
            rag_against_target(
                value=D(1), target=None, tolerance=None, polarity="higher"
            )
            is None
        )


class TestCompareWith:
    def test_lower_is_better(self):
        assert compare_with(value=D(10), other=D(12), polarity="lower") == (
            Comparison.BETTER
        )

    def test_neither_says_higher_or_lower(self):
        assert compare_with(value=D(10), other=D(12), polarity="neither") == (
            Comparison.LOWER
        )


def _series(indicator, *figures, geography="la"):
    for period, value in figures:
        MeasurementFactory(
            indicator=indicator,
            period=period,
            value=value,
            geography=geography,
            geography_code="E92000001" if geography == "england" else "",
        )


@pytest.mark.django_db
class TestScorecard:
    def test_latest_previous_and_same_period_last_year(self, partnership):
        indicator = IndicatorFactory(partnership=partnership, theme="Practice")
        _series(indicator, ("2024-Q2", 60), ("2025-Q1", 70), ("2025-Q2", 75))

        (theme,) = scorecard_get(partnership=partnership)

        (summary,) = theme.summaries
        assert theme.name == "Practice"
        assert summary.latest.period == "2025-Q2"
        assert summary.previous.period == "2025-Q1"
        assert summary.year_before.value == 60
        assert summary.direction == Direction.IMPROVING

    def test_latest_is_the_last_period_with_a_figure(self, partnership):
        indicator = IndicatorFactory(partnership=partnership)
        _series(indicator, ("2025-Q1", 70), ("2025-Q2", None))

        (theme,) = scorecard_get(partnership=partnership)

        assert theme.summaries[0].latest.period == "2025-Q1"


@pytest.mark.django_db
class TestExceptionList:
    def test_off_target_or_worse_than_england_respecting_polarity(self, partnership):
        off_target = IndicatorFactory(partnership=partnership, target=90, tolerance=5)
        _series(off_target, ("2025", 80))
        worse = IndicatorFactory(partnership=partnership, lower_is_better=True)
        _series(worse, ("2025", 30))
        _series(worse, ("2025", 20), geography="england")
        better = IndicatorFactory(partnership=partnership, lower_is_better=True)
        _series(better, ("2025", 10))
        _series(better, ("2025", 20), geography="england")
        neither = IndicatorFactory(partnership=partnership, neither=True)
        _series(neither, ("2025", 30))
        _series(neither, ("2025", 20), geography="england")
        amber = IndicatorFactory(partnership=partnership, target=90, tolerance=5)
        _series(amber, ("2025", 86))

        found = {
            s.indicator: s.reasons for s in exception_list(partnership=partnership)
        }

        assert found == {
            off_target: ["off_target"],
            worse: ["worse_than_england"],
        }

    def test_as_at_ignores_later_periods(self, partnership):
        indicator = IndicatorFactory(partnership=partnership, target=90)
        _series(indicator, ("2024", 95), ("2025", 80))

        assert (
            exception_list(partnership=partnership, as_at=dt.date(2024, 12, 31)) == []
        )
        assert exception_list(partnership=partnership)

    def test_carries_the_latest_commentary(self, partnership):
        indicator = IndicatorFactory(partnership=partnership, target=90)
        _series(indicator, ("2025", 80))
        CommentaryFactory(
            indicator=indicator, commentary_date=dt.date(2025, 1, 1), worries="Old"
        )
        CommentaryFactory(
            indicator=indicator, commentary_date=dt.date(2025, 6, 1), worries="New"
        )

        (summary,) = exception_list(partnership=partnership)

        assert summary.commentary.worries == "New"
        assert "What we are worried about: New" in summary.commentary.text


@pytest.mark.django_db
class TestIndicatorListForPriority:
    def test_lists_linked_indicators_with_their_latest_figure(
        self, partnership, priority
    ):
        indicator = IndicatorFactory(partnership=partnership, name="Return home")
        indicator.priorities.add(priority)
        _series(indicator, ("2025-Q1", 70), ("2025-Q2", "75.25"))
        IndicatorFactory(partnership=partnership)  # not linked

        (item,) = indicator_list_for_priority(priority=priority)

        assert item.name == "Return home"
        assert item.url == indicator.get_absolute_url()
        assert item.latest.startswith("75.3% (Apr to Jun 2025), improving")

    def test_headlines_are_linked_or_targeted_indicators(self, partnership, priority):
        linked = IndicatorFactory(partnership=partnership)
        linked.priorities.add(priority)
        targeted = IndicatorFactory(partnership=partnership, target=50)
        neither = IndicatorFactory(partnership=partnership)
        for indicator in (linked, targeted, neither):
            _series(indicator, ("2025", 60))

        found = {s.indicator for s in headline_list(partnership=partnership)}

        assert found == {linked, targeted}


@pytest.mark.django_db
class TestCpJourney:
    def test_uses_the_published_counts(self, partnership):
        official_figures_load(partnership=partnership, query="921")

        years = {y.period: y for y in cp_journey_get(partnership=partnership)}

        year = years["2025"]
        measurements = {
            m.indicator.code: m
            for m in partnership.indicators.get(code="referrals")
            .measurements.filter(period="2025", geography="la")
            .select_related("indicator")
        }
        assert year.referrals == measurements["referrals"].value
        assert year.s47_per_referral_pct == year.s47 * 100 / year.referrals
        assert year.icpc_per_s47_pct == year.icpc * 100 / year.s47
        repeat = partnership.indicators.get(code="cpp_repeat_pct").measurements.get(
            period="2025", geography="la"
        )
        assert year.plan_starts == repeat.denominator
        assert year.plan_starts_per_icpc_pct == year.plan_starts * 100 / year.icpc
