"""Reminders: each lead once per run, not repeated within the interval."""

import datetime as dt

import pytest
from django.core import mail

from assure.accounts.models import Membership
from assure.reports.models import ReminderSent
from assure.reports.reminders import reminders_send


@pytest.fixture
def chaired(progress_world, lead_user):
    """The lead also chairs the Health Sub-group, so leads 1.2 (due 31 March)."""
    group = progress_world.health_group
    group.chair = progress_world.lead_person
    group.save()
    return progress_world


@pytest.mark.django_db
class TestRemindersSend:
    def test_emails_each_lead_once_with_links(
        self, chaired, lead_user, settings, today
    ):
        settings.SITE_URL = "https://assure.example.org.uk"

        run = reminders_send(due_within=30)

        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == [lead_user.email]
        # 1.2 is due on 31 March (within 30 days); 1.1 is not due until June.
        assert "1.2 Audit the use of the Graded Care Profile" in message.body
        assert "1.1 Deliver" not in message.body
        link = (
            f"https://assure.example.org.uk/partnerships/northshire/actions/"
            f"{chaired.other_action.pk}/progress/new/"
        )
        assert link in message.body
        assert run.item_count == 1
        sent = ReminderSent.objects.get()
        assert (sent.user, sent.action, sent.kind) == (
            lead_user,
            chaired.other_action,
            "due_soon",
        )

    def test_overdue_and_silent_actions(self, chaired, lead_user, today):
        chaired.led_action.due_date = dt.date(2026, 3, 1)
        chaired.led_action.save()

        reminders_send(due_within=7, silent_days=3)

        kinds = dict(ReminderSent.objects.values_list("action__ref", "kind"))
        assert kinds == {"1.1": "overdue", "1.2": "silent"}
        assert "Overdue (1)" in mail.outbox[0].body

    def test_does_not_repeat_within_the_interval(self, chaired, today, time_machine):
        reminders_send(due_within=30)
        mail.outbox.clear()

        run = reminders_send(due_within=30)
        assert mail.outbox == []
        assert run.skipped == 1

        time_machine.shift(dt.timedelta(days=8))
        reminders_send(due_within=30, interval_days=7)
        assert len(mail.outbox) == 1
        assert ReminderSent.objects.count() == 2

    def test_dry_run_sends_and_records_nothing(self, chaired, today):
        run = reminders_send(due_within=30, dry_run=True)

        assert run.item_count == 1
        assert mail.outbox == []
        assert not ReminderSent.objects.exists()
        assert run.summary().startswith("Would send 1 email about 1 action")

    def test_leaves_out_people_no_longer_members(self, chaired, lead_user, today):
        Membership.objects.filter(user=lead_user).delete()

        reminders_send(due_within=30)

        assert mail.outbox == []

    def test_nothing_due_sends_nothing(self, progress_world, today):
        reminders_send(due_within=1, silent_days=3650)

        assert mail.outbox == []
