from decimal import Decimal

import pytest

from assure.scorecard.charts import ChartSeries, line_chart, sparkline
from assure.scorecard.factories import IndicatorFactory
from assure.scorecard.presenters import period_label, period_short, value_text


class TestPeriods:
    @pytest.mark.parametrize(
        ("period", "label", "short"),
        [
            ("2024", "2023 to 2024", "2023-24"),
            ("2024-Q3", "Jul to Sep 2024", "Q3 2024"),
            ("2024-11", "November 2024", "Nov 2024"),
        ],
    )
    def test_words(self, period, label, short):
        assert period_label(period) == label
        assert period_short(period) == short


@pytest.mark.django_db
class TestValueText:
    @pytest.mark.parametrize(
        ("unit", "value", "text"),
        [
            ("percent", "12.25", "12.3%"),
            ("percent", "-2.25", "-2.3%"),
            ("count", "1234.5", "1,235"),
            ("rate_per_10000", "512.349", "512.3"),
            ("days", "12", "12.0 days"),
        ],
    )
    def test_rounds_half_away_from_zero(self, unit, value, text):
        assert value_text(Decimal(value), IndicatorFactory.build(unit=unit)) == text


class TestCharts:
    def test_a_line_chart_is_an_image_with_a_title_and_description(self):
        svg = line_chart(
            chart_id="c",
            title="Re-referrals <2025>",
            description="Falling",
            labels=["2023-24", "2024-25"],
            y_label="Percentage",
            series=[
                ChartSeries("la", "Isle of Wight", [Decimal(20), None]),
                ChartSeries("england", "England", [Decimal(22), Decimal(21)]),
            ],
            target=Decimal(18),
            target_label="Target 18%",
        )

        assert 'role="img"' in svg
        assert 'aria-labelledby="c-title c-desc"' in svg
        assert '<title id="c-title">Re-referrals &lt;2025&gt;</title>' in svg
        assert '<desc id="c-desc">Falling</desc>' in svg
        assert "Target 18%" in svg
        assert (
            'stroke-dasharray="8 4"' in svg
        )  # England drawn dashed, not only coloured

    def test_a_sparkline_speaks_its_figures(self):
        svg = sparkline(values=[Decimal(1), Decimal(2)], label="Trend: 1, 2")

        assert 'aria-label="Trend: 1, 2"' in svg
        assert "<polyline" in svg

    def test_no_figures_draws_no_line(self):
        svg = line_chart(
            chart_id="c", title="t", description="d", labels=[], series=[], y_label=""
        )

        assert "No figures to draw" in svg
