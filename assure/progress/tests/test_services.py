import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from assure.progress.factories import ProgressUpdateFactory
from assure.progress.models import ProgressUpdate, Status
from assure.progress.selectors import action_annotate_status
from assure.progress.services import progress_update_record


def current_status(action) -> str:
    return (
        action_annotate_status(type(action).objects.filter(pk=action.pk))
        .get()
        .current_status
    )


@pytest.mark.django_db
class TestProgressUpdateRecord:
    def test_adds_an_update_and_leaves_earlier_ones_alone(
        self, today, led_action, lead_user
    ):
        earlier = ProgressUpdateFactory(
            action=led_action, at_risk=True, update_date=dt.date(2026, 2, 1)
        )
        before = ProgressUpdate.objects.filter(pk=earlier.pk).values().get()

        update = progress_update_record(
            action=led_action,
            author=lead_user,
            status=Status.ON_TRACK,
            narrative="  Training delivered to 64 practitioners.  ",
        )

        assert ProgressUpdate.objects.filter(pk=earlier.pk).values().get() == before
        assert led_action.progress_updates.count() == 2
        assert update.update_date == today
        assert update.narrative == "Training delivered to 64 practitioners."
        assert update.author == lead_user
        assert current_status(led_action) == Status.ON_TRACK

    def test_keeps_reason_and_impact(self, today, led_action, lead_user):
        update = progress_update_record(
            action=led_action,
            author=lead_user,
            status=Status.OFF_TRACK,
            narrative="Trainer left.",
            reason=" No trainer until May. ",
            impact="None yet.",
            update_date=dt.date(2026, 3, 1),
        )

        assert (update.reason, update.impact, update.update_date) == (
            "No trainer until May.",
            "None yet.",
            dt.date(2026, 3, 1),
        )

    @pytest.mark.parametrize("status", [Status.AT_RISK, Status.OFF_TRACK])
    @pytest.mark.parametrize("reason", ["", "   "])
    def test_refuses_at_risk_or_off_track_without_a_reason(
        self, today, led_action, lead_user, status, reason
    ):
        with pytest.raises(ValidationError) as error:
            progress_update_record(
                action=led_action,
                author=lead_user,
                status=status,
                narrative="Slipping.",
                reason=reason,
            )

        assert error.value.message_dict == {
            "reason": ["Enter why the action is at risk or off track"]
        }
        assert not ProgressUpdate.objects.exists()

    @pytest.mark.parametrize(
        "status", [s for s in Status.values if s not in ("at_risk", "off_track")]
    )
    def test_other_statuses_need_no_reason(self, today, led_action, lead_user, status):
        progress_update_record(
            action=led_action, author=lead_user, status=status, narrative="Update."
        )

        assert current_status(led_action) == status

    def test_refuses_a_future_date(self, today, led_action, lead_user):
        with pytest.raises(ValidationError) as error:
            progress_update_record(
                action=led_action,
                author=lead_user,
                status=Status.ON_TRACK,
                narrative="Planned.",
                update_date=today + dt.timedelta(days=1),
            )

        assert "update_date" in error.value.message_dict
        assert not ProgressUpdate.objects.exists()

    def test_accepts_today_and_the_past(self, today, led_action, lead_user):
        for day in (today, today - dt.timedelta(days=400)):
            progress_update_record(
                action=led_action,
                author=lead_user,
                status=Status.ON_TRACK,
                narrative="Done.",
                update_date=day,
            )

        assert led_action.progress_updates.count() == 2

    def test_refuses_an_empty_narrative_and_an_unknown_status_together(
        self, today, led_action, lead_user
    ):
        with pytest.raises(ValidationError) as error:
            progress_update_record(
                action=led_action, author=lead_user, status="green", narrative=" "
            )

        assert set(error.value.message_dict) == {"status", "narrative"}
        assert not ProgressUpdate.objects.exists()

    def test_the_database_refuses_at_risk_without_a_reason(self, led_action, lead_user):
        with pytest.raises(IntegrityError), transaction.atomic():
            ProgressUpdate.objects.create(
                action=led_action,
                author=lead_user,
                update_date=dt.date(2026, 3, 1),
                status=Status.AT_RISK,
                narrative="Slipping.",
                reason="",
            )
