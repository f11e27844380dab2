"""Builders against the database: the board and yearly reports' data."""

import datetime as dt

import pytest

from assure.progress.factories import ProgressUpdateFactory
from assure.progress.models import Status
from assure.reports.builders import (
    board_report_build,
    financial_year,
    yearly_report_build,
)

from .conftest import IMPACT, OFF_REASON, RISK_REASON


def refs(items) -> list[str]:
    return [item.ref for item in items]


@pytest.mark.django_db
class TestBoardReportBuild:
    def test_sorts_actions_into_the_board_sections(self, progress_world, today):
        report = board_report_build(partnership=progress_world.partnership)

        assert report.as_at == today
        assert report.since == dt.date(2025, 12, 14)
        assert report.total_actions == 4
        assert refs(report.off_track) == ["1.2"]
        assert report.off_track[0].reason == OFF_REASON
        assert (
            report.off_track[0].latest_narrative
            == "Audit tool agreed; no auditors yet."
        )
        assert refs(report.at_risk) == ["1.1"]
        assert report.at_risk[0].reason == RISK_REASON
        assert report.at_risk[0].status.words == "At risk (Amber)"
        assert refs(report.overdue) == ["2.1"]
        assert refs(report.silent) == ["2.1"]  # no update since the plan began
        assert refs(report.completed) == ["2.2"]
        assert report.completed[0].impact == IMPACT

    def test_rolls_up_each_priority(self, progress_world):
        report = board_report_build(partnership=progress_world.partnership)

        first, second = report.priorities
        assert (first.ref, first.total, first.words) == (
            "1",
            2,
            "1 off track, 1 at risk",
        )
        assert (second.words, second.percent_complete) == (
            "1 complete, 1 not started",
            50,
        )
        assert sum(c.count for c in report.totals) == 4

    def test_as_at_an_earlier_date_ignores_later_updates(self, progress_world):
        report = board_report_build(
            partnership=progress_world.partnership, as_at=dt.date(2026, 1, 1)
        )

        assert refs(report.at_risk) == []
        assert refs(report.off_track) == []
        assert [i.status.label for i in report.overdue] == []
        assert report.completed == []

    def test_completed_before_since_is_left_out(self, progress_world):
        report = board_report_build(
            partnership=progress_world.partnership, since=dt.date(2026, 3, 1)
        )

        assert report.completed == []

    def test_says_there_are_no_scorecard_figures(self, progress_world):
        report = board_report_build(partnership=progress_world.partnership)

        assert report.scorecard == []
        assert report.scorecard_note == "No scorecard figures"

    def test_a_partnership_with_no_plan(self, other_partnership, today):
        report = board_report_build(partnership=other_partnership)

        assert not report.has_plan
        assert report.total_actions == 0


@pytest.mark.django_db
class TestYearlyReportBuild:
    def test_financial_year_runs_from_april(self):
        assert financial_year(2025) == (dt.date(2025, 4, 1), dt.date(2026, 3, 31))

    def test_groups_actions_by_progress_with_reasons(self, progress_world):
        report = yearly_report_build(partnership=progress_world.partnership, year=2025)

        neglect, exploitation = report.priorities
        assert refs(neglect.in_progress) == ["1.1"]
        assert refs(neglect.little_progress) == ["1.2"]
        assert neglect.little_progress[0].reason == OFF_REASON
        assert refs(exploitation.completed) == ["2.2"]
        assert refs(exploitation.little_progress) == ["2.1"]
        assert "1 April 2025 to 31 March 2026" in report.year_explained

    def test_collects_impact_recorded_in_the_year_only(
        self, progress_world, manager_user
    ):
        ProgressUpdateFactory(
            action=progress_world.led_action,
            author=manager_user,
            status=Status.ON_TRACK,
            impact="Before the year",
            update_date=dt.date(2025, 3, 1),
        )

        report = yearly_report_build(partnership=progress_world.partnership, year=2025)

        assert [i.impact for i in report.impacts] == [IMPACT]
