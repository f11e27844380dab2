"""Plan exports read back: Excel, CSV and iCalendar."""

import csv
import datetime as dt
import io

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from assure.plans.models import Action
from assure.reports.exports import (
    COLUMNS,
    calendar_for_lead,
    calendar_for_plan,
    plan_export_build,
)
from assure.reports.renderers.ics import calendar_ics
from assure.reports.renderers.sheets import plan_export_csv, plan_export_xlsx

from .conftest import OFF_REASON


@pytest.mark.django_db
class TestSpreadsheets:
    def test_excel_has_a_row_per_action_frozen_header_and_filter(self, progress_world):
        body = plan_export_xlsx(plan_export_build(plan=progress_world.plan))
        sheet = load_workbook(io.BytesIO(body)).active
        header = [c.value for c in sheet[1]]
        rows = [
            dict(zip(header, (c.value for c in row), strict=True))
            for row in sheet.iter_rows(min_row=2)
        ]

        assert header == [label for _, label in COLUMNS]
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:T{len(rows) + 1}"
        assert [r["Action ref"] for r in rows] == ["1.1", "1.2", "2.1", "2.2"]
        by_ref = {r["Action ref"]: r for r in rows}
        assert by_ref["1.2"]["Current status"] == "Off track"
        assert by_ref["1.2"]["RAG"] == "Red"
        assert by_ref["1.2"]["Reason"] == OFF_REASON
        assert by_ref["1.2"]["Latest update date"].date() == dt.date(2026, 3, 10)
        assert by_ref["1.1"]["Leads"] == "Jo Bloggs, Named nurse"
        assert by_ref["2.1"]["Current status"] == "Not started"
        assert (
            by_ref["2.1"]["Priority"]
            == "Exploitation: children are safe outside the home"
        )

    def test_csv_has_the_same_columns_and_rows(self, progress_world):
        body = plan_export_csv(plan_export_build(plan=progress_world.plan))
        rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))

        assert list(rows[0]) == [label for _, label in COLUMNS]
        assert len(rows) == 4
        assert rows[1]["Action ref"] == "1.2"
        assert rows[1]["Current status"] == "Off track"
        assert rows[1]["Latest update date"] == "2026-03-10"


def events(body: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(body)
    return {str(e["summary"]): e for e in calendar.walk("VEVENT")}


@pytest.mark.django_db
class TestCalendar:
    def test_one_all_day_event_per_action_with_a_due_date(self, progress_world):
        found = events(calendar_ics(calendar_for_plan(plan=progress_world.plan)))

        assert len(found) == 3  # 2.2 has no due date
        event = next(e for s, e in found.items() if s.startswith("Due: 1.2"))
        assert event.decoded("dtstart") == dt.date(2026, 3, 31)
        assert event.decoded("dtend") == dt.date(2026, 4, 1)
        assert "Status: Off track" in str(event["description"])
        assert "rrule" not in event

    @pytest.mark.parametrize(
        ("recurrence", "rule"),
        [
            (Action.Recurrence.QUARTERLY, {"FREQ": ["MONTHLY"], "INTERVAL": [3]}),
            (Action.Recurrence.TWICE_YEARLY, {"FREQ": ["MONTHLY"], "INTERVAL": [6]}),
            (Action.Recurrence.MONTHLY, {"FREQ": ["MONTHLY"]}),
            (Action.Recurrence.YEARLY, {"FREQ": ["YEARLY"]}),
            (Action.Recurrence.ONGOING, None),
        ],
    )
    def test_recurring_actions_repeat(self, progress_world, recurrence, rule):
        action = progress_world.led_action
        action.recurrence = recurrence
        action.save()

        found = events(calendar_ics(calendar_for_plan(plan=progress_world.plan)))
        event = next(e for s, e in found.items() if s.startswith("Due: 1.1"))

        if rule is None:
            assert "rrule" not in event
        else:
            got = dict(event["rrule"])
            assert got.pop("UNTIL") == [dt.date(2027, 3, 31)]  # the plan's end
            assert got == rule

    def test_a_leads_calendar_has_only_their_actions(self, progress_world, lead_user):
        found = events(
            calendar_ics(
                calendar_for_lead(
                    user=lead_user, partnership=progress_world.partnership
                )
            )
        )

        assert [s[:8] for s in found] == ["Due: 1.1"]
