import datetime as dt

import pytest

from assure.plans.selectors import (
    action_history,
    change_list,
    plan_list,
    timescale_due_date,
)
from assure.plans.services import action_save, lead_link_set, plan_update, priority_save


@pytest.mark.django_db
class TestChangeList:
    def test_shows_who_changed_what_newest_first(
        self, plan_world, manager_user, time_machine
    ):
        # Later than the fixture's rows, whenever the suite runs.
        time_machine.move_to(dt.datetime(2030, 3, 1, 9, tzinfo=dt.UTC), tick=False)
        action_save(
            action=plan_world.led_action,
            actor=manager_user,
            text="Deliver neglect training to 200 practitioners",
        )
        time_machine.move_to(dt.datetime(2030, 3, 2, 9, tzinfo=dt.UTC), tick=False)
        plan_update(
            plan=plan_world.plan, actor=manager_user, title="Business plan 2025-28"
        )

        changes = change_list(partnership=plan_world.partnership)

        newest, second = changes[0], changes[1]
        assert newest.who == "Sam Patel"
        assert newest.what == "Changed Plan Business plan 2025-28"
        assert newest.details == [
            "title: “Northshire business plan 2025-27” to “Business plan 2025-28”"
        ]
        assert second.who == "Sam Patel"
        assert second.what.startswith("Changed Action 1.1 Deliver neglect training")
        assert second.details == [
            "text: “Deliver multi-agency neglect training to practitioners” to "
            "“Deliver neglect training to 200 practitioners”"
        ]

    def test_changes_made_outside_a_request_without_an_actor_are_the_systems(
        self, plan_world
    ):
        oldest = change_list(partnership=plan_world.partnership)[-1]

        assert oldest.who == "Assure (import or command line)"
        assert oldest.what.startswith("Added")

    def test_counts_additions_of_every_kind(self, plan_world):
        changes = change_list(partnership=plan_world.partnership)

        # 1 plan, 2 priorities, 4 actions, 3 leads added; 3 leads changed by linking.
        assert len(changes) == changes.count() == 13
        kinds = [c.what.split()[1] for c in changes[0:13]]
        assert sorted(set(kinds)) == ["Action", "Lead", "Plan", "Priority"]

    def test_leaves_out_other_partnerships(self, plan_world, other_partnership):
        assert len(change_list(partnership=other_partnership)) == 0

    def test_includes_removed_actions(self, plan_world, manager_user):
        from assure.plans.services import action_delete

        action_delete(action=plan_world.ongoing_action, actor=manager_user)

        newest = change_list(partnership=plan_world.partnership)[0]
        assert newest.what.startswith("Removed Action 2.2")
        assert newest.who == "Sam Patel"

    def test_hides_position_and_timestamps(self, plan_world, manager_user):
        priority_save(
            priority=plan_world.priority,
            actor=manager_user,
            position=9,
            aim="Help early",
        )

        newest = change_list(partnership=plan_world.partnership)[0]
        assert [d.split(":")[0] for d in newest.details] == ["aim"]


@pytest.mark.django_db
class TestActionHistory:
    def test_includes_lead_links(self, plan_world, manager_user):
        lead = plan_world.other_action.leads.get()
        lead_link_set(lead=lead, person=plan_world.lead_person, actor=manager_user)

        history = action_history(action=plan_world.other_action)

        assert history[0].who == "Sam Patel"
        assert history[0].what == "Changed Lead Health Sub-group"
        assert "is link confirmed: “False” to “True”" in history[0].details
        assert "person: “” to “Jo Bloggs, Named nurse”" in history[0].details
        assert "group: “Health Sub-group” to “”" in history[0].details
        assert all("1.2" in c.what or "Lead" in c.what for c in history)


@pytest.mark.django_db
class TestPlanList:
    def test_is_the_partnerships_plans(self, plan, other_partnership):
        assert list(plan_list(partnership=plan.partnership)) == [plan]
        assert list(plan_list(partnership=other_partnership)) == []


@pytest.mark.django_db
class TestTimescaleDueDate:
    @pytest.mark.parametrize(
        ("text", "due"),
        [("31 March 2026", dt.date(2026, 3, 31)), ("Ongoing", None)],
    )
    def test_reads_a_timescale_against_the_plans_period(self, plan, text, due):
        assert timescale_due_date(text=text, plan=plan) == due
