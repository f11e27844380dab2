import datetime as dt

import pytest
from django.urls import reverse

from assure.plans.tests.helpers import text_of
from assure.progress.models import ProgressUpdate


def record_url(action) -> str:
    return reverse(
        "progress:record_progress",
        kwargs={"partnership": "northshire", "action_pk": action.pk},
    )


def update_date(day="", month="", year="") -> dict[str, str]:
    """The date of update as the form's day, month and year boxes post it."""
    return {
        "update_date-day": day,
        "update_date-month": month,
        "update_date-year": year,
    }


@pytest.mark.django_db
class TestRecordProgress:
    def test_the_lead_sees_the_form(self, lead_client, led_action):
        response = lead_client.get(record_url(led_action))

        page = text_of(response)
        assert response.status_code == 200
        assert "Record progress" in page
        assert "Lead: Jo Bloggs, Named nurse. Due: 30 June 2026 (June 2026)." in page

    def test_errors_are_shown_and_then_the_update_is_recorded(
        self, today, lead_client, led_action, plan
    ):
        missing = lead_client.post(
            record_url(led_action),
            {
                "status": "at_risk",
                "narrative": "Venue cancelled.",
                "reason": "",
                "impact": "",
                **update_date(),
            },
        )

        page = text_of(missing)
        assert missing.status_code == 200
        assert "<title>Error: Record progress" in page
        assert "There is a problem" in page
        assert 'href="#id_reason"' in page
        assert "Enter why the action is at risk or off track" in page
        assert "Venue cancelled." in page  # what they typed is kept
        assert not ProgressUpdate.objects.exists()

        done = lead_client.post(
            record_url(led_action),
            {
                "status": "at_risk",
                "narrative": "Venue cancelled.",
                "reason": "Rebooking for April.",
                "impact": "",
                **update_date(),
            },
        )

        assert done["Location"] == led_action.get_absolute_url()
        update = ProgressUpdate.objects.get()
        assert (update.status, update.reason, update.update_date) == (
            "at_risk",
            "Rebooking for April.",
            today,
        )
        action_page = text_of(lead_client.get(done["Location"]))
        assert "Progress recorded" in action_page
        assert "Rebooking for April." in action_page
        plan_page = text_of(lead_client.get(plan.get_absolute_url()))
        assert "1 at risk" in plan_page

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"status": "", "narrative": "x"}, "Choose a status"),
            ({"status": "on_track", "narrative": ""}, "Enter what has happened"),
            (
                {
                    "status": "on_track",
                    "narrative": "x",
                    **update_date("15", "3", "2026"),
                },
                "Date of update must be today or in the past",
            ),
            (
                {
                    "status": "on_track",
                    "narrative": "x",
                    **update_date("30", "2", "2026"),
                },
                "Date of update must be a real date",
            ),
            (
                {
                    "status": "on_track",
                    "narrative": "x",
                    **update_date("1", "", "2026"),
                },
                "Date of update must include a month",
            ),
            (
                {"status": "off_track", "narrative": "x", "reason": "  "},
                "Enter why the action is at risk or off track",
            ),
        ],
    )
    def test_refuses_what_is_missing_or_wrong(
        self, today, lead_client, led_action, data, message
    ):
        page = text_of(lead_client.post(record_url(led_action), data))

        assert message in page
        assert not ProgressUpdate.objects.exists()

    def test_a_date_error_keeps_what_was_typed_and_links_to_the_box(
        self, today, lead_client, led_action
    ):
        page = text_of(
            lead_client.post(
                record_url(led_action),
                {
                    "status": "on_track",
                    "narrative": "x",
                    **update_date("7", "", "2026"),
                },
            )
        )

        assert 'href="#id_update_date-month"' in page
        assert "Date of update must include a month" in page
        assert (
            'id="id_update_date-day" name="update_date-day" type="text" value="7"'
        ) in page
        assert (
            'class="govuk-input govuk-date-input__input govuk-input--width-2 '
            'govuk-input--error" id="id_update_date-month" name="update_date-month"'
        ) in page
        assert (
            'class="govuk-input govuk-date-input__input govuk-input--width-4" '
            'id="id_update_date-year" name="update_date-year" type="text" value="2026"'
        ) in page

    def test_records_a_past_date(self, today, manager_client, other_action):
        manager_client.post(
            record_url(other_action),
            {
                "status": "complete",
                "narrative": "Audit reported.",
                **update_date("1", "March", "2026"),
            },
        )

        assert ProgressUpdate.objects.get().update_date == dt.date(2026, 3, 1)

    def test_a_lead_may_not_record_on_another_leads_action(
        self, lead_client, other_action
    ):
        response = lead_client.post(
            record_url(other_action), {"status": "on_track", "narrative": "x"}
        )

        assert response.status_code == 403
        assert not ProgressUpdate.objects.exists()

    def test_members_may_not_record(self, member_client, led_action):
        assert member_client.get(record_url(led_action)).status_code == 403

    def test_the_chair_of_a_leading_group_may_record(self, lead_client, plan_world):
        plan_world.health_group.chair = plan_world.lead_person
        plan_world.health_group.save()

        assert lead_client.get(record_url(plan_world.other_action)).status_code == 200

    def test_an_action_of_another_partnership_is_not_found(
        self, other_manager_client, led_action
    ):
        url = reverse(
            "progress:record_progress",
            kwargs={"partnership": "southshire", "action_pk": led_action.pk},
        )

        assert other_manager_client.get(url).status_code == 404
