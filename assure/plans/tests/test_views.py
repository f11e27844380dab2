import datetime as dt
import json

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from assure.accounts.factories import PersonFactory
from assure.plans.documents import plan_to_document
from assure.plans.factories import ActionFactory, ActionLeadFactory, PlanFactory
from assure.plans.models import Action, Plan, Priority
from assure.progress.factories import ProgressUpdateFactory

from .helpers import table_refs, text_of

SLUG = "northshire"


def url(name: str, **kwargs) -> str:
    return reverse(name, kwargs={"partnership": SLUG, **kwargs})


def date_boxes(name: str, day: str, month: str, year: str) -> dict[str, str]:
    """A date as the form's day, month and year boxes post it."""
    return {f"{name}-day": day, f"{name}-month": month, f"{name}-year": year}


@pytest.mark.django_db
class TestSignInRequired:
    def test_partnership_pages_send_anonymous_people_to_sign_in(self, client, plan):
        dashboard = url("plans:dashboard")

        response = client.get(dashboard)

        assert response.status_code == 302
        assert response["Location"] == f"{reverse('accounts:sign_in')}?next={dashboard}"

    def test_outsiders_get_not_found(self, other_manager_client, plan):
        assert other_manager_client.get(url("plans:dashboard")).status_code == 404


@pytest.mark.django_db
class TestDashboard:
    def test_shows_overdue_due_soon_and_silent_actions(
        self, today, member_client, plan_world
    ):
        ProgressUpdateFactory(action=plan_world.led_action, update_date=today)

        response = member_client.get(url("plans:dashboard"))

        page = text_of(response)
        assert response.status_code == 200
        assert "Northshire business plan 2025-27" in page
        assert "As at 14 March 2026" in page
        assert table_refs(page) == ["2.1", "1.2", "1.2", "2.1", "2.2"]

    def test_without_a_plan_says_so(self, member_client, partnership):
        assert "There is no plan yet" in text_of(
            member_client.get(url("plans:dashboard"))
        )


@pytest.mark.django_db
class TestPlanPages:
    def test_current_plan_redirects_to_the_plan(self, member_client, plan):
        response = member_client.get(url("plans:plan_current"))

        assert response["Location"] == plan.get_absolute_url()

    def test_current_plan_when_there_is_none(self, member_client, partnership):
        response = member_client.get(url("plans:plan_current"))

        assert response.status_code == 200
        assert "no plan" in text_of(response).lower()

    def test_plan_shows_priorities_and_percent_complete(
        self, today, member_client, plan_world
    ):
        ProgressUpdateFactory(action=plan_world.led_action, complete=True)

        page = text_of(member_client.get(plan_world.plan.get_absolute_url()))

        assert "Priority 1: Neglect: children get help early" in page
        assert "4 actions, 25% complete" in page
        assert "2 actions, 50% complete" in page
        assert "Edit plan details" not in page

    def test_managers_see_the_manage_links(self, manager_client, plan):
        page = text_of(manager_client.get(plan.get_absolute_url()))

        assert "Edit plan details" in page
        assert "Add a priority" in page

    def test_a_plan_of_another_partnership_is_not_found(self, member_client, plan):
        elsewhere = PlanFactory()

        response = member_client.get(url("plans:plan_detail", pk=elsewhere.pk))

        assert response.status_code == 404

    def test_priority_lists_its_actions(self, member_client, priority):
        page = text_of(member_client.get(priority.get_absolute_url()))

        assert table_refs(page) == ["1.1", "1.2"]

    def test_action_shows_its_updates_newest_first(
        self, today, member_client, led_action
    ):
        ProgressUpdateFactory(
            action=led_action,
            update_date=dt.date(2026, 1, 5),
            narrative="Trainer booked.",
        )
        ProgressUpdateFactory(
            action=led_action,
            at_risk=True,
            update_date=today,
            narrative="Venue cancelled.",
            reason="Room flooded.",
        )

        page = text_of(member_client.get(led_action.get_absolute_url()))

        assert page.index("Venue cancelled.") < page.index("Trainer booked.")
        assert "Room flooded." in page
        assert "At risk" in page
        assert "Record progress" not in page
        assert "History of changes" not in page

    def test_the_lead_may_record_progress_on_their_action_only(
        self, lead_client, led_action, other_action
    ):
        mine = text_of(lead_client.get(led_action.get_absolute_url()))
        theirs = text_of(lead_client.get(other_action.get_absolute_url()))

        assert "Record progress" in mine
        assert "Record progress" not in theirs

    def test_managers_see_the_history_of_the_action(self, manager_client, led_action):
        page = text_of(manager_client.get(led_action.get_absolute_url()))

        assert "History of changes" in page
        assert "Added Action 1.1" in page
        assert "Record progress" in page


@pytest.mark.django_db
class TestManagerEdits:
    def test_edits_the_plan_and_history_records_who(self, manager_client, plan):
        response = manager_client.post(
            url("plans:plan_edit", pk=plan.pk),
            {
                "title": "Business plan 2025-28",
                **date_boxes("period_start_date", "1", "4", "2025"),
                **date_boxes("period_end_date", "31", "3", "2028"),
                "version": "Version 2",
                "status": "approved",
                "is_published": "on",
            },
        )

        assert response["Location"] == plan.get_absolute_url()
        plan.refresh_from_db()
        assert (plan.title, plan.version, plan.is_published) == (
            "Business plan 2025-28",
            "Version 2",
            True,
        )
        history = text_of(manager_client.get(url("plans:history")))
        assert "Sam Patel" in history
        assert (
            "title: “Northshire business plan 2025-27” to “Business plan 2025-28”"
            in (history)
        )

    def test_plan_errors_are_shown(self, manager_client, plan):
        response = manager_client.post(
            url("plans:plan_edit", pk=plan.pk),
            {
                "title": "",
                **date_boxes("period_start_date", "1", "4", "2025"),
                **date_boxes("period_end_date", "31", "3", "2024"),
                "status": "approved",
            },
        )

        page = text_of(response)
        assert response.status_code == 200
        assert "There is a problem" in page
        assert "Enter the plan's title" in page
        assert "The end of the period must be after its start" in page
        plan.refresh_from_db()
        assert plan.title == "Northshire business plan 2025-27"

    def test_adds_a_priority(self, manager_client, plan):
        response = manager_client.post(
            url("plans:priority_new", plan_pk=plan.pk),
            {
                "ref": "3",
                "title": "Learning from reviews",
                "aim": "",
                "measures_text": "Audit shows learning applied\n\nFewer repeats",
            },
        )

        priority = plan.priorities.get(ref="3")
        assert response["Location"] == priority.get_absolute_url()
        assert priority.measures == [
            "Audit shows learning applied",
            "Fewer repeats",
        ]
        assert priority.position == 3

    def test_edits_a_priority(self, manager_client, priority):
        manager_client.post(
            url("plans:priority_edit", pk=priority.pk),
            {
                "ref": "1",
                "title": "Neglect",
                "aim": "Help early",
                "measures_text": "",
            },
        )

        priority.refresh_from_db()
        assert (priority.title, priority.aim, priority.measures) == (
            "Neglect",
            "Help early",
            [],
        )

    def test_priority_errors_are_shown(self, manager_client, priority):
        page = text_of(
            manager_client.post(
                url("plans:priority_edit", pk=priority.pk), {"ref": "", "title": ""}
            )
        )

        assert "Enter the priority's number" in page
        assert "Enter the priority's title" in page

    def test_adds_an_action_reading_the_due_date_from_the_timescale(
        self, manager_client, plan_world
    ):
        response = manager_client.post(
            url("plans:action_new", priority_pk=plan_world.priority.pk),
            {
                "ref": "1.3",
                "text": "Run a neglect conference",
                "due_text": "31 March 2026",
                "due_date": "",
                "leads_text": "Health Sub-group\nJo Bloggs",
                "outputs_text": "Conference held",
            },
        )

        action = Action.objects.get(ref="1.3")
        assert response["Location"] == action.get_absolute_url()
        assert action.due_date == dt.date(2026, 3, 31)
        assert [lead.linked_to for lead in action.leads.all()] == [
            plan_world.health_group,
            plan_world.lead_person,
        ]
        assert action.outputs == ["Conference held"]

    def test_edits_an_action_and_its_leads(self, manager_client, led_action):
        manager_client.post(
            url("plans:action_edit", pk=led_action.pk),
            {
                "ref": "1.1",
                "text": "Deliver neglect training",
                "due_text": "July 2026",
                **date_boxes("due_date", "31", "7", "2026"),
                "leads_text": "Health Sub-group",
            },
        )

        led_action.refresh_from_db()
        assert led_action.due_date == dt.date(2026, 7, 31)
        assert list(led_action.leads.values_list("text", flat=True)) == [
            "Health Sub-group"
        ]

    def test_action_errors_are_shown(self, manager_client, led_action):
        page = text_of(
            manager_client.post(
                url("plans:action_edit", pk=led_action.pk),
                {
                    "text": "",
                    "due_text": "",
                    **date_boxes("due_date", "31", "7", "2026"),
                    **date_boxes("start_date", "1", "8", "2026"),
                },
            )
        )

        assert "Enter what will be done" in page
        assert "The due date must be on or after the start date" in page

    def test_a_due_date_needs_the_timescale_as_written(
        self, manager_client, led_action
    ):
        page = text_of(
            manager_client.post(
                url("plans:action_edit", pk=led_action.pk),
                {
                    "text": "Deliver training",
                    "due_text": "",
                    **date_boxes("due_date", "31", "7", "2026"),
                },
            )
        )

        assert "Enter the timescale as the plan writes it" in page
        led_action.refresh_from_db()
        assert led_action.due_date == dt.date(2026, 6, 30)

    def test_removes_an_action_after_asking(self, manager_client, led_action, priority):
        confirm = manager_client.get(url("plans:action_delete", pk=led_action.pk))
        response = manager_client.post(url("plans:action_delete", pk=led_action.pk))

        assert confirm.status_code == 200
        assert response["Location"] == priority.get_absolute_url()
        assert not Action.objects.filter(pk=led_action.pk).exists()

    def test_corrects_a_lead_link(self, manager_client, plan_world):
        lead = plan_world.other_action.leads.get()
        person = plan_world.lead_person

        form = text_of(manager_client.get(url("plans:lead_link", pk=lead.pk)))
        response = manager_client.post(
            url("plans:lead_link", pk=lead.pk), {"target": f"person:{person.pk}"}
        )

        assert "Group: Health Sub-group" in form
        assert response["Location"] == plan_world.other_action.get_absolute_url()
        lead.refresh_from_db()
        assert (lead.person, lead.group, lead.is_link_confirmed) == (person, None, True)

    def test_unlinks_a_lead(self, manager_client, led_action):
        lead = led_action.leads.get()

        manager_client.post(url("plans:lead_link", pk=lead.pk), {"target": ""})

        lead.refresh_from_db()
        assert lead.linked_to is None
        assert lead.is_link_confirmed

    def test_refuses_a_lead_link_to_someone_elsewhere(
        self, manager_client, led_action, other_partnership
    ):
        lead = led_action.leads.get()
        stranger = PersonFactory(partnership=other_partnership)

        response = manager_client.post(
            url("plans:lead_link", pk=lead.pk), {"target": f"person:{stranger.pk}"}
        )

        assert response.status_code == 200
        assert "Select a valid choice" in text_of(response)
        lead.refresh_from_db()
        assert not lead.is_link_confirmed


@pytest.mark.django_db
class TestActionList:
    def refs(self, client, **params) -> list[str]:
        response = client.get(url("plans:action_list"), params)
        assert response.status_code == 200
        return table_refs(text_of(response))

    def test_lists_every_action_in_order(self, member_client, plan):
        assert self.refs(member_client) == ["1.1", "1.2", "2.1", "2.2"]

    @pytest.mark.parametrize(
        ("params", "refs"),
        [
            ({"q": "graded care"}, ["1.2"]),
            ({"q": "2.2"}, ["2.2"]),
            ({"q": "sub-group"}, ["1.2"]),
            ({"lead": "bloggs"}, ["1.1"]),
            ({"status": "at_risk"}, ["1.1"]),
            ({"status": "not_started"}, ["1.2", "2.1", "2.2"]),
            ({"when": "overdue"}, ["2.1"]),
            ({"when": "due_within", "days": "17"}, ["1.2"]),
            ({"when": "due_within", "days": "120"}, ["1.1", "1.2"]),
            ({"when": "due_within"}, ["1.2"]),  # 30 days when not given
            ({"when": "silent"}, ["1.2", "2.1", "2.2"]),
            ({"sort": "due"}, ["2.1", "1.2", "1.1", "2.2"]),
            ({"sort": "status"}, ["1.1", "1.2", "2.1", "2.2"]),
            ({"when": "overdue", "q": "graded"}, []),
        ],
    )
    def test_filters_and_sorts(self, today, member_client, plan_world, params, refs):
        ProgressUpdateFactory(action=plan_world.led_action, at_risk=True)

        assert self.refs(member_client, **params) == refs

    def test_filters_by_priority(self, member_client, plan_world):
        exploitation = plan_world.priorities[1]

        assert self.refs(member_client, priority=exploitation.pk) == ["2.1", "2.2"]

    def test_shows_errors_and_every_action_for_a_bad_filter(self, member_client, plan):
        response = member_client.get(
            url("plans:action_list"), {"when": "due_within", "days": "0"}
        )

        page = text_of(response)
        assert "There is a problem" in page
        assert "Enter a number of days of 1 or more" in page
        assert table_refs(page) == ["1.1", "1.2", "2.1", "2.2"]

    def test_pages_of_25_keeping_the_filters(self, member_client, plan_world):
        for n in range(30):
            ActionFactory(
                priority=plan_world.priorities[1],
                ref=f"3.{n + 1:02d}",
                position=10 + n,
                text=f"Extra action {n + 1}",
            )

        first = text_of(member_client.get(url("plans:action_list"), {"q": "extra"}))
        second = text_of(
            member_client.get(url("plans:action_list"), {"q": "extra", "page": "2"})
        )

        assert len(table_refs(first)) == 25
        assert table_refs(second) == [f"3.{n:02d}" for n in range(26, 31)]
        assert "30 actions found, page 1 of 2" in first
        assert 'href="?q=extra&page=2"' in first

    def test_without_a_plan_says_so(self, member_client, partnership):
        assert "no plan" in text_of(member_client.get(url("plans:action_list"))).lower()


@pytest.mark.django_db
class TestMyActions:
    def test_groups_the_leads_actions(self, today, lead_client, plan_world):
        person = plan_world.lead_person
        ActionLeadFactory(
            action=plan_world.overdue_action, person=person, text="Jo Bloggs"
        )

        page = text_of(lead_client.get(url("plans:my_actions")))

        assert "You lead 2 actions" in page
        assert page.index("Overdue") < page.index("Other open actions")
        assert table_refs(page) == ["2.1", "1.1"]

    def test_says_when_they_lead_nothing(self, member_client, plan):
        page = text_of(member_client.get(url("plans:my_actions")))

        assert "You are not linked as the lead of any action" in page


@pytest.mark.django_db
class TestMeetingPack:
    def test_defaults_to_today_and_three_months_before(
        self, today, member_client, plan_world
    ):
        ProgressUpdateFactory(
            action=plan_world.led_action, update_date=dt.date(2026, 3, 1)
        )

        page = text_of(member_client.get(url("plans:meeting_pack")))

        assert "Board meeting pack: 14 March 2026" in page
        assert (
            "4 open actions as at 14 March 2026; 3 with no update since the previous "
            "meeting on 13 December 2025" in page
        )

    def test_uses_the_dates_given(self, member_client, plan_world):
        ProgressUpdateFactory(
            action=plan_world.led_action, update_date=dt.date(2026, 1, 5)
        )

        page = text_of(
            member_client.get(
                url("plans:meeting_pack"),
                {"meeting_date": "2026-02-01", "previous_meeting_date": "2026-01-06"},
            )
        )

        assert "4 with no update since the previous meeting on 6 January 2026" in page

    def test_uses_the_dates_typed_in_the_boxes(self, member_client, plan_world):
        ProgressUpdateFactory(
            action=plan_world.led_action, update_date=dt.date(2026, 1, 5)
        )

        page = text_of(
            member_client.get(
                url("plans:meeting_pack"),
                {
                    **date_boxes("meeting_date", "1", "Feb", "2026"),
                    **date_boxes("previous_meeting_date", "6", "1", "2026"),
                },
            )
        )

        assert "Board meeting pack: 1 February 2026" in page
        assert "4 with no update since the previous meeting on 6 January 2026" in page
        assert 'name="meeting_date-month" type="text" value="Feb"' in page

    def test_shows_today_in_the_boxes_by_default(self, today, member_client, plan):
        page = text_of(member_client.get(url("plans:meeting_pack")))

        for part, value in (("day", "14"), ("month", "3"), ("year", "2026")):
            assert f'name="meeting_date-{part}" type="text" value="{value}"' in page

    @pytest.mark.parametrize(
        ("params", "message"),
        [
            ({"meeting_date": "2026-02-30"}, "Meeting date must be a real date"),
            (
                {"meeting_date": "2026-03-01", "previous_meeting_date": "yesterday"},
                "Previous meeting date must be a real date",
            ),
            (
                date_boxes("meeting_date", "", "", ""),
                "Enter the meeting date",
            ),
            (
                date_boxes("meeting_date", "1", "3", ""),
                "Meeting date must include a year",
            ),
            (
                {"meeting_date": "2026-03-01", "previous_meeting_date": "2026-03-01"},
                "The previous meeting date must be before the meeting date",
            ),
        ],
    )
    def test_refuses_dates_that_do_not_work(self, member_client, plan, params, message):
        response = member_client.get(url("plans:meeting_pack"), params)

        page = text_of(response)
        assert response.status_code == 200
        assert "There is a problem" in page
        assert message in page
        assert "open action" not in page


@pytest.mark.django_db
class TestExportAndSource:
    def test_exports_plan_1_json(self, member_client, plan):
        response = member_client.get(url("plans:plan_export_json", pk=plan.pk))

        assert response["Content-Type"] == "application/json; charset=utf-8"
        assert (
            response["Content-Disposition"]
            == f'attachment; filename="plan-{plan.pk}.json"'
        )
        assert json.loads(response.content) == plan_to_document(plan=plan)

    def test_downloads_the_source_document(self, member_client, plan):
        plan.source_name = "plan.docx"
        plan.source_file.save("plan.docx", ContentFile(b"PK-word"), save=True)

        response = member_client.get(url("plans:plan_source", pk=plan.pk))

        assert b"".join(response.streaming_content) == b"PK-word"
        assert 'filename="plan.docx"' in response["Content-Disposition"]

    def test_a_plan_without_a_source_has_none(self, member_client, plan):
        assert (
            member_client.get(url("plans:plan_source", pk=plan.pk)).status_code == 404
        )


@pytest.mark.django_db
class TestHistory:
    def test_managers_only(self, member_client, manager_client, plan):
        assert member_client.get(url("plans:history")).status_code == 403
        assert "Added Plan" in text_of(manager_client.get(url("plans:history")))


@pytest.mark.django_db
class TestPublishedPlans:
    @pytest.fixture
    def published(self, today, plan_world):
        plan = plan_world.plan
        plan.is_published = True
        plan.save()
        plan_world.agency.name = (
            "Children's Social Care (duty: csc.duty@northshire.gov.uk)"
        )
        plan_world.agency.save()
        ActionLeadFactory(
            action=plan_world.ongoing_action,
            text="Pat Jones (pat.jones@northshire.gov.uk)",
        )
        ProgressUpdateFactory(
            action=plan_world.led_action,
            at_risk=True,
            narrative="Internal: the trainer is off sick.",
            reason="Sickness absence in the training team.",
        )
        return plan

    def test_lists_published_plans_only(self, client, published):
        PlanFactory(title="A draft nobody should see")

        page = text_of(client.get(reverse("public:plan_list")))

        assert "Northshire business plan 2025-27" in page
        assert "A draft nobody should see" not in page

    def test_shows_actions_and_statuses_but_no_narratives_or_email_addresses(
        self, client, published, lead_user
    ):
        response = client.get(
            reverse(
                "public:plan_detail", kwargs={"partnership": SLUG, "pk": published.pk}
            )
        )

        page = text_of(response)
        assert response.status_code == 200
        assert "Deliver multi-agency neglect training to practitioners" in page
        assert "At risk" in page
        assert "Named nurse" in page  # the linked person's role, not their name
        assert "Jo Bloggs" not in page
        assert "trainer is off sick" not in page
        assert "Sickness absence" not in page
        assert "@" not in page
        assert lead_user.email not in page
        assert "[email removed]" in page

    def test_unpublished_plans_are_not_found(self, client, plan):
        response = client.get(
            reverse("public:plan_detail", kwargs={"partnership": SLUG, "pk": plan.pk})
        )

        assert response.status_code == 404

    def test_a_published_plan_under_another_partnership_is_not_found(
        self, client, published, other_partnership
    ):
        response = client.get(
            reverse(
                "public:plan_detail",
                kwargs={"partnership": other_partnership.slug, "pk": published.pk},
            )
        )

        assert response.status_code == 404


@pytest.mark.django_db
def test_models_link_to_their_pages(plan_world):
    assert (
        plan_world.plan.get_absolute_url()
        == f"/partnerships/{SLUG}/plans/{plan_world.plan.pk}/"
    )
    assert isinstance(plan_world.priority, Priority)
    assert plan_world.partnership.get_absolute_url() == f"/partnerships/{SLUG}/"
    assert str(plan_world.led_action).startswith("1.1 Deliver")
    assert Plan.objects.count() == 1
