import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from assure.scorecard.factories import (
    CommentaryFactory,
    IndicatorFactory,
    MeasurementFactory,
)
from assure.scorecard.models import period_end_date


class TestPeriodEndDate:
    @pytest.mark.parametrize(
        ("period", "end"),
        [
            ("2024", dt.date(2024, 3, 31)),
            ("2024-Q1", dt.date(2024, 3, 31)),
            ("2024-Q3", dt.date(2024, 9, 30)),
            ("2024-Q4", dt.date(2024, 12, 31)),
            ("2024-02", dt.date(2024, 2, 29)),
            ("2024-11", dt.date(2024, 11, 30)),
        ],
    )
    def test_gives_the_last_day_of_the_period(self, period, end):
        assert period_end_date(period) == end

    @pytest.mark.parametrize("period", ["2024-Q5", "2024-13", "24", "Q3", ""])
    def test_refuses_what_is_not_a_period(self, period):
        with pytest.raises(ValueError, match="period|month"):
            period_end_date(period)


@pytest.mark.django_db
class TestConstraints:
    def test_one_figure_per_indicator_period_and_place(self):
        figure = MeasurementFactory(period="2025-Q1")

        with pytest.raises(IntegrityError), transaction.atomic():
            MeasurementFactory(indicator=figure.indicator, period="2025-Q1")

    def test_the_same_period_may_have_a_figure_for_each_place(self):
        figure = MeasurementFactory(period="2024", geography="la")

        MeasurementFactory(
            indicator=figure.indicator,
            period="2024",
            geography="england",
            geography_code="E92000001",
        )
        MeasurementFactory(
            indicator=figure.indicator,
            period="2024",
            geography="sn",
            geography_code="E06000045",
        )

        assert figure.indicator.measurements.count() == 3

    def test_a_code_is_used_once_in_a_partnership(self, partnership, other_partnership):
        IndicatorFactory(partnership=partnership, code="rhi_pct")
        IndicatorFactory(partnership=other_partnership, code="rhi_pct")

        with pytest.raises(IntegrityError), transaction.atomic():
            IndicatorFactory(partnership=partnership, code="rhi_pct")

    def test_a_tolerance_is_not_negative(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            IndicatorFactory(target=90, tolerance=-5)

    def test_commentary_says_something(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            CommentaryFactory(working_well="", worries="", next_steps="")

    def test_a_figure_may_have_no_value(self):
        figure = MeasurementFactory(value=None, note="suppressed (c)")

        figure.refresh_from_db()
        assert figure.value is None
