import csv
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from assure.scorecard import dfe
from assure.scorecard.factories import IndicatorFactory, MeasurementFactory
from assure.scorecard.indicators import INDICATORS
from assure.scorecard.models import Commentary, Measurement
from assure.scorecard.selectors import export_rows_for_partnership
from assure.scorecard.services import (
    UnknownAuthorityError,
    commentary_add,
    indicator_save,
    local_figures_save,
    measurement_record,
    official_figures_load,
)
from assure.scorecard.uploads import local_figures_read


def _csv(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode()


def _xlsx(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.django_db
class TestOfficialFiguresLoad:
    @pytest.mark.parametrize(
        ("query", "code"), [("Isle of Wight", "921"), ("933", "933")]
    )
    def test_figures_equal_the_engine_for_each_authority(
        self, partnership, query, code
    ):
        expected = dfe.compute_indicators(dfe.find_authority(code))

        result = official_figures_load(partnership=partnership, query=query)

        assert result.measurements == len(expected)
        stored = {
            (m.indicator.code, m.period, m.geography, m.geography_code): m
            for m in Measurement.objects.select_related("indicator")
        }
        for item in expected:
            m = stored[
                (item.indicator, item.period, item.geography, item.geography_code)
            ]
            assert m.note == item.note
            if item.value is None:
                assert m.value is None
            else:
                assert abs(m.value - item.value) < Decimal("1e-9")
                assert m.numerator == item.numerator
                assert m.denominator == item.denominator

    @pytest.mark.parametrize("code", ["921", "803"])
    def test_export_equals_the_engines_export(self, partnership, code):
        official_figures_load(partnership=partnership, query=code)

        exported = export_rows_for_partnership(partnership=partnership)

        assert exported == dfe.export_rows(
            dfe.compute_indicators(dfe.find_authority(code))
        )

    def test_sets_the_partnerships_area_code(self, partnership):
        official_figures_load(partnership=partnership, query="Solihull")

        partnership.refresh_from_db()
        assert partnership.la_code == "334"

    def test_loading_again_replaces_figures_and_keeps_targets(
        self, partnership, priority
    ):
        official_figures_load(partnership=partnership, query="921")
        indicator = partnership.indicators.get(code="icpc_15d_pct")
        indicator_save(indicator=indicator, target=Decimal(85), priorities=[priority])
        before = Measurement.objects.count()

        result = official_figures_load(partnership=partnership, query="921")

        indicator.refresh_from_db()
        assert indicator.target == 85
        assert list(indicator.priorities.all()) == [priority]
        assert result.replaced == before
        assert Measurement.objects.count() == before
        assert partnership.indicators.official().count() == len(INDICATORS)

    def test_keeps_suppressed_figures_as_no_value_with_their_meaning(self, partnership):
        official_figures_load(partnership=partnership, query="Isles of Scilly")

        suppressed = Measurement.objects.filter(
            geography="la", note__contains="suppressed (c)"
        )
        assert suppressed.exists()
        assert not suppressed.exclude(value=None).exists()

    def test_an_unknown_authority_names_close_ones(self, partnership):
        with pytest.raises(UnknownAuthorityError, match="Isle of Wight") as error:
            official_figures_load(partnership=partnership, query="Isle of Wite")

        assert "Isle of Wight" in error.value.candidates
        assert not Measurement.objects.exists()

    def test_leaves_local_figures_alone(self, partnership):
        local = MeasurementFactory(indicator=IndicatorFactory(partnership=partnership))

        official_figures_load(partnership=partnership, query="921")

        assert Measurement.objects.filter(pk=local.pk).exists()


@pytest.mark.django_db
class TestLocalFigures:
    @pytest.fixture
    def rhi(self, partnership):
        return IndicatorFactory(partnership=partnership, code="rhi_pct")

    @pytest.fixture
    def core(self, partnership):
        return IndicatorFactory(partnership=partnership, code="core_pct")

    def _read_and_save(self, partnership, name, content, user=None):
        local = [i.code for i in partnership.indicators.local()]
        result = local_figures_read(name=name, content=content, known_codes=local)
        if result.problems:
            return result, None
        return result, local_figures_save(
            partnership=partnership, rows=result.rows, actor=user
        )

    def test_a_tidy_csv_is_saved(self, partnership, rhi, core, manager_user):
        content = _csv(
            [
                ["indicator", "period", "value", "numerator", "denominator", "note"],
                ["rhi_pct", "2025-Q1", "78.5", "62", "79", ""],
                ["RHI_PCT", "Q2 2025", "81%", "", "", "Checked by CSC"],
                ["core_pct", "2025-Q1", "90", "", "", ""],
            ]
        )

        result, saved = self._read_and_save(partnership, "f.csv", content, manager_user)

        assert result.shape == "tidy"
        assert saved.added == 3
        q2 = rhi.measurements.get(period="2025-Q2")
        assert q2.value == Decimal("81")
        assert q2.note == "Checked by CSC"
        assert q2.recorded_by == manager_user
        q1 = rhi.measurements.get(period="2025-Q1")
        assert (q1.numerator, q1.denominator) == (62, 79)

    def test_a_wide_xlsx_is_saved(self, partnership, rhi, core):
        content = _xlsx(
            [
                ["indicator", "name", "2025-Q1", "2025-Q2", "2025-Q3"],
                ["rhi_pct", "Return home interviews", 78.5, 81, None],
                ["core_pct", "Core groups", 90, "x", 88.25],
            ]
        )

        result, saved = self._read_and_save(partnership, "f.xlsx", content)

        assert result.shape == "wide"
        assert saved.added == 5
        assert rhi.measurements.get(period="2025-Q1").value == Decimal("78.5")
        assert not rhi.measurements.filter(period="2025-Q3").exists()
        x = core.measurements.get(period="2025-Q2")
        assert x.value is None
        assert x.note == "not available (x)"

    def test_a_tidy_xlsx_with_month_dates_is_saved(self, partnership, rhi):
        import datetime as dt

        content = _xlsx(
            [
                ["Indicator", "Period", "Value"],
                ["rhi_pct", dt.datetime(2025, 11, 1), 12],
            ]
        )

        _, saved = self._read_and_save(partnership, "f.xlsx", content)

        assert saved.added == 1
        assert rhi.measurements.get().period == "2025-11"

    def test_bad_rows_are_named_and_nothing_is_saved(self, partnership, rhi):
        content = _csv(
            [
                ["indicator", "period", "value"],
                ["rhi_pct", "2025-Q1", "78"],
                ["rhi_pct", "2025-Q9", "80"],
                ["rhi_pct", "2025-Q3", "twelve"],
                ["nope_pct", "2025-Q1", "1"],
                ["rhi_pct", "2025-Q1", "79"],
            ]
        )

        result, saved = self._read_and_save(partnership, "f.csv", content)

        messages = [str(p) for p in result.problems]
        assert saved is None
        assert "Row 4, value: enter a number, not 'twelve'" in messages
        assert any(m.startswith("Row 3, period:") for m in messages)
        assert any("'nope_pct' (row 5)" in m for m in messages)
        assert any(
            "Row 6, period: rhi_pct 2025-Q1 is already given in row 2" == m
            for m in messages
        )
        assert not Measurement.objects.exists()

    def test_official_codes_cannot_be_uploaded(self, partnership, rhi):
        result = local_figures_read(
            name="f.csv",
            content=_csv(
                [["indicator", "period", "value"], ["cin_rate", "2025", "400"]]
            ),
            known_codes=["rhi_pct"],
            official_codes=["cin_rate"],
        )

        assert "official statistic" in str(result.problems[0])

    def test_a_file_without_column_names_is_refused(self, partnership, rhi):
        result = local_figures_read(
            name="f.csv",
            content=_csv([["rhi_pct", "2025-Q1", "78"]]),
            known_codes=["rhi_pct"],
        )

        assert not result.is_valid
        assert "first row must name the columns" in str(result.problems[0])

    def test_another_kind_of_file_is_refused(self, rhi):
        result = local_figures_read(name="f.pdf", content=b"%PDF", known_codes=[])

        assert "CSV" in str(result.problems[0])

    def test_saving_is_whole_or_not_at_all(self, partnership, rhi):
        from assure.scorecard.uploads import FigureRow

        rows = [
            FigureRow(2, "rhi_pct", "2025-Q1", Decimal(1)),
            FigureRow(3, "gone_pct", "2025-Q1", Decimal(2)),
        ]

        with pytest.raises(ValidationError, match="gone_pct"):
            local_figures_save(partnership=partnership, rows=rows, actor=None)

        assert not Measurement.objects.exists()

    def test_a_figure_for_the_same_period_replaces_the_last(self, rhi, manager_user):
        measurement_record(
            indicator=rhi, period="2025-Q1", value=Decimal(70), actor=None
        )

        _, created = measurement_record(
            indicator=rhi, period="2025-Q1", value=Decimal(72), actor=manager_user
        )

        assert not created
        assert rhi.measurements.get().value == 72

    def test_no_value_needs_a_note(self, rhi):
        with pytest.raises(ValidationError, match="note"):
            measurement_record(indicator=rhi, period="2025-Q1", value=None, actor=None)

    def test_official_figures_are_not_recorded_by_hand(self, partnership):
        official = IndicatorFactory(partnership=partnership, official=True)

        with pytest.raises(ValidationError, match="DfE"):
            measurement_record(
                indicator=official, period="2025", value=Decimal(1), actor=None
            )


@pytest.mark.django_db
class TestIndicatorSave:
    def test_official_definitions_are_kept(self, partnership):
        official_figures_load(partnership=partnership, query="921")
        indicator = partnership.indicators.get(code="cin_rate")

        indicator_save(indicator=indicator, name="Renamed", target=Decimal(400))

        indicator.refresh_from_db()
        assert indicator.name == "Children in need per 10,000 children"
        assert indicator.target == 400

    def test_priorities_of_another_partnership_are_refused(
        self, partnership, other_partnership
    ):
        from assure.plans.factories import PriorityFactory

        elsewhere = PriorityFactory(plan__partnership=other_partnership)
        indicator = IndicatorFactory(partnership=partnership)

        with pytest.raises(ValidationError, match="priorities"):
            indicator_save(indicator=indicator, priorities=[elsewhere])


@pytest.mark.django_db
class TestCommentaryAdd:
    def test_appends_and_keeps_earlier_commentary(self, manager_user):
        indicator = IndicatorFactory()
        first = commentary_add(indicator=indicator, author=manager_user, worries="A")

        commentary_add(indicator=indicator, author=manager_user, next_steps="B")

        first.refresh_from_db()
        assert first.worries == "A"
        assert Commentary.objects.filter(indicator=indicator).count() == 2

    def test_refuses_empty_commentary(self, manager_user):
        with pytest.raises(ValidationError, match="at least one"):
            commentary_add(indicator=IndicatorFactory(), author=manager_user)
