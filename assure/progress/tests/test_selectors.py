import datetime as dt

import pytest
from django.db.models import Q

from assure.plans.factories import ActionFactory, ActionLeadFactory, PlanFactory
from assure.plans.models import Action, Plan
from assure.progress.factories import ProgressUpdateFactory
from assure.progress.models import Status
from assure.progress.selectors import (
    Rollup,
    action_annotate_status,
    action_is_led_by,
    action_list_for_plan,
    action_list_led_by,
    dashboard_get,
    due_within_q,
    meeting_pack,
    my_actions,
    overdue_q,
    plan_get_current,
    priority_rollups,
    progress_update_list,
    rollup_of,
    silent_q,
)

# The fixture plan's actions, all as at TODAY (14 March 2026):
#   1.1 led_action      due 30 June 2026      (in 108 days)
#   1.2 other_action    due 31 March 2026     (in 17 days)
#   2.1 overdue_action  due 31 January 2026   (overdue)
#   2.2 ongoing_action  no due date


def refs(actions) -> list[str]:
    return [a.ref for a in actions]


def matching(plan, q: Q) -> list[str]:
    return sorted(refs(action_list_for_plan(plan=plan).filter(q)))


def update(action, days_ago: int, *, today: dt.date, **traits):
    return ProgressUpdateFactory(
        action=action, update_date=today - dt.timedelta(days_ago), **traits
    )


@pytest.mark.django_db
class TestCurrentStatus:
    def test_is_not_started_without_updates(self, plan):
        statuses = {a.ref: a.current_status for a in action_list_for_plan(plan=plan)}

        assert set(statuses.values()) == {Status.NOT_STARTED}

    def test_is_the_latest_update_by_date_not_by_when_recorded(self, today, led_action):
        update(led_action, 3, today=today, at_risk=True)
        update(
            led_action, 20, today=today, complete=True
        )  # recorded later, dated earlier

        action = action_annotate_status(Action.objects.filter(pk=led_action.pk)).get()

        assert action.current_status == Status.AT_RISK
        assert action.last_update_date == today - dt.timedelta(3)

    def test_on_the_same_day_the_later_recorded_update_wins(self, today, led_action):
        update(led_action, 0, today=today, at_risk=True)
        latest = update(led_action, 0, today=today, status=Status.ON_TRACK)

        action = action_annotate_status(Action.objects.filter(pk=led_action.pk)).get()

        assert action.current_status == Status.ON_TRACK
        assert action.latest_update_id == latest.pk
        assert list(progress_update_list(action=led_action))[0] == latest

    def test_as_at_a_date_ignores_later_updates(self, today, led_action):
        update(led_action, 30, today=today, at_risk=True)
        update(led_action, 1, today=today, complete=True)

        as_at = action_annotate_status(
            Action.objects.filter(pk=led_action.pk), as_at=today - dt.timedelta(10)
        ).get()

        assert as_at.current_status == Status.AT_RISK


@pytest.mark.django_db
class TestOverdue:
    def test_is_open_actions_due_before_today(self, today, plan):
        assert matching(plan, overdue_q(today=today)) == ["2.1"]

    def test_an_action_due_today_is_not_overdue(self, plan):
        assert matching(plan, overdue_q(today=dt.date(2026, 3, 31))) == ["2.1"]

    @pytest.mark.parametrize("trait", ["complete", "cancelled"])
    def test_closed_actions_are_not_overdue(self, today, plan_world, trait):
        update(plan_world.overdue_action, 5, today=today, **{trait: True})

        assert matching(plan_world.plan, overdue_q(today=today)) == []

    def test_deferred_actions_stay_overdue(self, today, plan_world):
        update(plan_world.overdue_action, 5, today=today, deferred=True)

        assert matching(plan_world.plan, overdue_q(today=today)) == ["2.1"]


@pytest.mark.django_db
class TestDueWithin:
    def test_includes_today_and_the_last_day_only(self, today, plan):
        assert matching(plan, due_within_q(today=today, days=16)) == []
        assert matching(plan, due_within_q(today=today, days=17)) == ["1.2"]
        assert matching(plan, due_within_q(today=dt.date(2026, 3, 31), days=0)) == [
            "1.2"
        ]

    def test_n_days(self, today, plan):
        assert matching(plan, due_within_q(today=today, days=108)) == ["1.1", "1.2"]

    def test_leaves_out_closed_actions(self, today, plan_world):
        update(plan_world.other_action, 1, today=today, complete=True)

        assert matching(plan_world.plan, due_within_q(today=today, days=30)) == []


@pytest.mark.django_db
class TestSilent:
    def test_without_updates_counts_from_the_plans_start(self, today, plan):
        assert matching(plan, silent_q(today=today)) == ["1.1", "1.2", "2.1", "2.2"]
        assert matching(plan, silent_q(today=dt.date(2025, 6, 30))) == []

    def test_is_more_than_90_days_since_the_last_update(self, today, plan_world):
        update(plan_world.led_action, 90, today=today)
        update(plan_world.other_action, 91, today=today)
        update(plan_world.overdue_action, 200, today=today)
        update(plan_world.overdue_action, 10, today=today, at_risk=True)
        update(plan_world.ongoing_action, 91, today=today, complete=True)

        assert matching(plan_world.plan, silent_q(today=today)) == ["1.2"]

    def test_days_come_from_settings(self, today, plan_world, settings):
        settings.ASSURE_SILENT_DAYS = 30
        update(plan_world.led_action, 31, today=today)

        assert "1.1" in matching(plan_world.plan, silent_q(today=today))
        assert "1.1" not in matching(plan_world.plan, silent_q(today=today, days=31))


@pytest.mark.django_db
class TestRollup:
    def test_percent_complete_leaves_out_cancelled_actions(self):
        rollup = Rollup()
        rollup.counts.update(
            {Status.COMPLETE: 1, Status.ON_TRACK: 2, Status.CANCELLED: 1}
        )

        assert rollup.total == 4
        assert rollup.percent_complete == 33

    @pytest.mark.parametrize(
        ("counts", "percent"),
        [
            ({}, 0),
            ({Status.CANCELLED: 2}, 0),
            ({Status.COMPLETE: 2}, 100),
            ({Status.COMPLETE: 1, Status.AT_RISK: 1}, 50),
            ({Status.COMPLETE: 2, Status.NOT_STARTED: 1}, 67),
        ],
    )
    def test_percent_complete(self, counts, percent):
        rollup = Rollup()
        rollup.counts.update(counts)

        assert rollup.percent_complete == percent

    def test_ordered_is_worst_first_without_zeroes(self):
        rollup = Rollup()
        rollup.counts.update(
            {Status.COMPLETE: 1, Status.OFF_TRACK: 2, Status.NOT_STARTED: 1}
        )

        assert rollup.ordered() == [
            ("off_track", 2),
            ("complete", 1),
            ("not_started", 1),
        ]

    def test_priority_rollups_count_each_priority(self, today, plan_world):
        update(plan_world.led_action, 1, today=today, complete=True)
        update(plan_world.other_action, 1, today=today, at_risk=True)
        update(plan_world.overdue_action, 1, today=today, cancelled=True)

        neglect, exploitation = priority_rollups(plan=plan_world.plan)

        assert refs(neglect.actions) == ["1.1", "1.2"]
        assert neglect.rollup.counts == {"complete": 1, "at_risk": 1}
        assert neglect.rollup.percent_complete == 50
        assert exploitation.rollup.percent_complete == 0
        overall = rollup_of(neglect.actions + exploitation.actions)
        assert (overall.total, overall.percent_complete) == (4, 33)

    def test_an_empty_priority_has_no_actions(self, plan_world):
        plan_world.ongoing_action.delete()
        plan_world.overdue_action.delete()

        assert priority_rollups(plan=plan_world.plan)[1].rollup.total == 0


@pytest.mark.django_db
class TestPlanGetCurrent:
    def test_prefers_the_newest_approved_plan_to_a_newer_draft(self, plan):
        PlanFactory(
            partnership=plan.partnership,
            draft=True,
            period_start_date=dt.date(2027, 4, 1),
            period_end_date=dt.date(2028, 3, 31),
        )

        assert plan_get_current(partnership=plan.partnership) == plan

    def test_falls_back_to_a_draft_and_never_an_archived_plan(self, plan):
        plan.status = Plan.Status.ARCHIVED
        plan.save()

        assert plan_get_current(partnership=plan.partnership) is None
        draft = PlanFactory(partnership=plan.partnership, draft=True)
        assert plan_get_current(partnership=plan.partnership) == draft


@pytest.mark.django_db
class TestDashboard:
    def test_lists_overdue_due_soon_silent_and_recent(self, today, plan_world):
        update(plan_world.led_action, 5, today=today)
        update(plan_world.other_action, 100, today=today)

        board = dashboard_get(partnership=plan_world.partnership, today=today)

        assert board.plan == plan_world.plan
        assert refs(board.overdue) == ["2.1"]
        assert refs(board.due_soon) == ["1.2"]
        assert refs(board.silent) == ["2.1", "2.2", "1.2"]  # longest silent first
        assert [u.action.ref for u in board.recent_updates] == ["1.1", "1.2"]
        assert board.rollup.total == 4

    def test_recent_updates_are_the_ten_newest(self, today, plan_world):
        for days in range(12):
            update(plan_world.led_action, days, today=today)

        board = dashboard_get(partnership=plan_world.partnership, today=today)

        assert len(board.recent_updates) == 10
        assert board.recent_updates[0].update_date == today

    def test_without_a_plan_is_empty(self, partnership, today):
        board = dashboard_get(partnership=partnership, today=today)

        assert (board.plan, board.overdue, board.rollup.total) == (None, [], 0)


@pytest.mark.django_db
class TestLeads:
    def test_a_person_linked_to_the_user_leads(self, plan_world, lead_user):
        assert action_is_led_by(action=plan_world.led_action, user=lead_user)
        assert not action_is_led_by(action=plan_world.other_action, user=lead_user)

    def test_the_chair_of_a_leading_group_leads(self, plan_world, lead_user):
        plan_world.health_group.chair = plan_world.lead_person
        plan_world.health_group.save()

        assert action_is_led_by(action=plan_world.other_action, user=lead_user)

    def test_nobody_else_leads(self, plan_world, member_user):
        from django.contrib.auth.models import AnonymousUser

        assert not action_is_led_by(action=plan_world.led_action, user=member_user)
        assert not action_is_led_by(action=plan_world.led_action, user=AnonymousUser())

    def test_led_by_leaves_out_archived_plans_and_other_partnerships(
        self, plan_world, lead_user, other_partnership
    ):
        old = PlanFactory(partnership=plan_world.partnership, archived=True)
        old_action = ActionFactory(priority__plan=old)
        ActionLeadFactory(action=old_action, person=plan_world.lead_person)

        led = action_list_led_by(user=lead_user, partnership=plan_world.partnership)

        assert refs(led) == ["1.1"]
        assert (
            list(action_list_led_by(user=lead_user, partnership=other_partnership))
            == []
        )


@pytest.mark.django_db
class TestMyActions:
    def test_overdue_then_due_soon_then_the_rest_then_closed(
        self, today, plan_world, lead_user
    ):
        plan_world.health_group.chair = plan_world.lead_person
        plan_world.health_group.save()
        person = plan_world.lead_person
        for action in (plan_world.overdue_action, plan_world.ongoing_action):
            ActionLeadFactory(action=action, person=person, text=person.name)
        done = ActionFactory(priority=plan_world.priority, ref="1.3", overdue=True)
        ActionLeadFactory(action=done, person=person, text=person.name)
        update(done, 1, today=today, complete=True)
        far = ActionFactory(
            priority=plan_world.priority,
            ref="1.4",
            due_date=dt.date(2026, 5, 1),
            due_text="May 2026",
        )
        ActionLeadFactory(action=far, person=person, text=person.name)

        mine = my_actions(
            user=lead_user, partnership=plan_world.partnership, today=today
        )

        # 2.1 overdue; 1.2 due in 17 days; then 1.4, 1.1 by due date, 2.2 with none;
        # 1.3 complete last.
        assert refs(mine) == ["2.1", "1.2", "1.4", "1.1", "2.2", "1.3"]

    def test_a_member_leads_nothing(self, today, plan_world, member_user):
        assert (
            my_actions(
                user=member_user, partnership=plan_world.partnership, today=today
            )
            == []
        )


@pytest.mark.django_db
class TestMeetingPack:
    MEETING = dt.date(2026, 3, 10)
    PREVIOUS = dt.date(2025, 12, 10)

    def pack(self, plan):
        return meeting_pack(
            plan=plan, meeting_date=self.MEETING, previous_meeting_date=self.PREVIOUS
        )

    def items(self, plan) -> dict[str, bool]:
        return {i.action.ref: i.is_stale for _, items in self.pack(plan) for i in items}

    def test_flags_actions_with_no_update_since_the_previous_meeting(self, plan_world):
        ProgressUpdateFactory(
            action=plan_world.led_action, update_date=dt.date(2026, 1, 5)
        )
        ProgressUpdateFactory(
            action=plan_world.other_action, update_date=self.PREVIOUS
        )  # on the day: not since
        ProgressUpdateFactory(
            action=plan_world.overdue_action, update_date=dt.date(2025, 11, 1)
        )

        assert self.items(plan_world.plan) == {
            "1.1": False,
            "1.2": True,
            "2.1": True,
            "2.2": True,
        }

    def test_groups_by_priority_with_the_latest_update(self, plan_world):
        older = ProgressUpdateFactory(
            action=plan_world.led_action, update_date=dt.date(2026, 1, 5)
        )
        newer = ProgressUpdateFactory(
            action=plan_world.led_action, at_risk=True, update_date=dt.date(2026, 2, 5)
        )

        sections = self.pack(plan_world.plan)

        assert [p.ref for p, _ in sections] == ["1", "2"]
        first = sections[0][1][0]
        assert first.latest == newer != older
        assert sections[0][1][1].latest is None

    def test_is_as_at_the_meeting(self, plan_world):
        ProgressUpdateFactory(
            action=plan_world.led_action,
            complete=True,
            update_date=dt.date(2026, 3, 12),
        )  # after the meeting
        ProgressUpdateFactory(
            action=plan_world.other_action,
            complete=True,
            update_date=dt.date(2026, 3, 1),
        )  # closed before it

        items = self.items(plan_world.plan)

        assert items["1.1"] is True
        assert "1.2" not in items


@pytest.mark.django_db
class TestActionCanRecordProgress:
    def test_manager_any_lead_own_member_none(
        self, led_action, other_action, manager_user, lead_user, member_user
    ):
        from assure.progress.selectors import action_can_record_progress

        assert action_can_record_progress(
            action=other_action, user=manager_user, role="manager"
        )
        assert action_can_record_progress(
            action=led_action, user=lead_user, role="lead"
        )
        assert not action_can_record_progress(
            action=other_action, user=lead_user, role="lead"
        )
        assert not action_can_record_progress(
            action=led_action, user=member_user, role="member"
        )
        assert not action_can_record_progress(
            action=led_action, user=lead_user, role=None
        )
