import copy
import datetime as dt
import json
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from assure.accounts.factories import AgencyFactory, GroupFactory, PersonFactory
from assure.plans.documents import plan_to_document
from assure.plans.factories import ActionFactory, ActionLeadFactory, PriorityFactory
from assure.plans.models import Action, ActionLead, Plan, Priority
from assure.plans.schema import plan_document_errors
from assure.plans.services import (
    action_delete,
    action_save,
    lead_link_all,
    lead_link_set,
    lead_match,
    partnership_get_or_create,
    partnership_slug_from_name,
    plan_create_from_document,
    plan_update,
    priority_save,
)

GOLD_DIR = Path(__file__).resolve().parents[2] / "demo" / "data" / "gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))


def gold(name: str = "004_49595ce4b47897f8") -> dict:
    return json.loads((GOLD_DIR / f"{name}.json").read_text(encoding="utf-8"))


def small_document() -> dict:
    return {
        "format": "plan/1",
        "partnership": "Northshire Safeguarding Children Partnership",
        "title": "Business plan 2025-27",
        "period": {"start": "2025-04-01", "end": "2027-03-31"},
        "priorities": [
            {
                "ref": "1",
                "title": "Neglect",
                "aim": "Children get help early",
                "measures": ["Fewer repeat referrals"],
                "actions": [
                    {
                        "ref": "1.1",
                        "text": "Deliver neglect training",
                        "leads": ["Jo Bloggs, Named nurse"],
                        "due": {"text": "June 2026", "date": "2026-06-30"},
                    },
                    {
                        "ref": "1.2",
                        "text": "Review the toolkit",
                        "due": {"text": "Quarterly", "date": None},
                    },
                ],
            }
        ],
    }


def counts() -> tuple[int, ...]:
    return (
        Plan.objects.count(),
        Priority.objects.count(),
        Action.objects.count(),
        ActionLead.objects.count(),
    )


@pytest.mark.django_db
class TestPlanRoundTrip:
    def test_there_are_five_gold_files(self):
        assert len(GOLD_FILES) == 5

    @pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
    def test_load_then_export_gives_back_an_equal_document(self, partnership, path):
        document = json.loads(path.read_text(encoding="utf-8"))

        plan = plan_create_from_document(partnership=partnership, document=document)

        assert plan_to_document(plan=plan) == document

    def test_export_of_an_exported_plan_is_stable(self, partnership):
        first = plan_create_from_document(partnership=partnership, document=gold())
        exported = plan_to_document(plan=first)

        second = plan_create_from_document(partnership=partnership, document=exported)

        assert plan_to_document(plan=second) == exported


@pytest.mark.django_db
class TestPlanCreateFromDocument:
    def test_saves_priorities_actions_leads_and_dates_in_order(self, partnership):
        plan = plan_create_from_document(
            partnership=partnership,
            document=small_document(),
            source_name="plan.json",
            source_bytes=b"{}",
            status=Plan.Status.APPROVED,
        )

        assert plan.period_start_date == dt.date(2025, 4, 1)
        assert plan.status == "approved"
        assert plan.source_file.read() == b"{}"
        priority = plan.priorities.get()
        assert (priority.ref, priority.position, priority.measures) == (
            "1",
            1,
            ["Fewer repeat referrals"],
        )
        first, second = priority.actions.order_by("position")
        assert (first.ref, first.due_date, first.due_text) == (
            "1.1",
            dt.date(2026, 6, 30),
            "June 2026",
        )
        assert list(first.leads.values_list("text", flat=True)) == [
            "Jo Bloggs, Named nurse"
        ]
        assert second.due_date is None
        assert second.recurrence == Action.Recurrence.QUARTERLY

    def test_links_leads_to_people_of_the_partnership(self, partnership):
        person = PersonFactory(partnership=partnership, name="Jo Bloggs")

        plan = plan_create_from_document(
            partnership=partnership, document=small_document()
        )

        lead = ActionLead.objects.get(action__priority__plan=plan)
        assert lead.person == person
        assert not lead.is_link_confirmed

    def test_records_who_loaded_it(self, partnership, manager_user):
        plan = plan_create_from_document(
            partnership=partnership, document=small_document(), actor=manager_user
        )

        assert plan.history.get().history_user == manager_user
        action = Action.objects.get(ref="1.1")
        assert action.history.get().history_user == manager_user

    @pytest.mark.parametrize(
        ("breakage", "field"),
        [
            (lambda d: d.pop("title"), "add the required field 'title'"),
            (lambda d: d.update(format="plan/2"), 'format: must be "plan/1"'),
            (lambda d: d.update(partnership=""), "partnership: must not be empty"),
            (
                lambda d: d["period"].update(start="1 April 2025"),
                "period: is not in the right form",
            ),
            (
                lambda d: d["priorities"][0].pop("actions"),
                "priorities[1]: add the required field 'actions'",
            ),
            (
                lambda d: d["priorities"][0]["actions"][1].update(text=""),
                "priorities[1].actions[2].text: must not be empty",
            ),
            (
                lambda d: d["priorities"][0]["actions"][0].update(owner="Jo"),
                "priorities[1].actions[1]: Additional properties are not allowed",
            ),
            (
                lambda d: d["priorities"][0]["actions"][0]["due"].update(
                    date="30/06/2026"
                ),
                "priorities[1].actions[1].due: is not in the right form",
            ),
            (
                lambda d: d["priorities"][0]["actions"][0].update(leads="Jo Bloggs"),
                "priorities[1].actions[1].leads: 'Jo Bloggs' is not of type 'array'",
            ),
        ],
        ids=[
            "no-title",
            "format",
            "empty-partnership",
            "period-date",
            "no-actions",
            "empty-text",
            "unknown-field",
            "due-date",
            "leads-not-list",
        ],
    )
    def test_refuses_an_invalid_document_naming_the_field_and_saves_nothing(
        self, partnership, breakage, field
    ):
        document = small_document()
        breakage(document)
        before = counts()

        with pytest.raises(ValidationError) as error:
            plan_create_from_document(partnership=partnership, document=document)

        assert any(field in message for message in error.value.messages), (
            error.value.messages
        )
        assert counts() == before

    def test_refuses_a_date_that_does_not_exist_and_saves_nothing(self, partnership):
        document = small_document()
        document["priorities"][0]["actions"][1]["due"]["date"] = "2026-02-30"
        before = counts()

        with pytest.raises(
            ValidationError, match=r"priorities\[1\]\.actions\[2\]\.due\.date"
        ):
            plan_create_from_document(partnership=partnership, document=document)

        assert counts() == before

    def test_refuses_a_period_that_ends_before_it_starts(self, partnership):
        document = small_document()
        document["period"] = {"start": "2027-04-01", "end": "2025-03-31"}

        with pytest.raises(ValidationError):
            plan_create_from_document(partnership=partnership, document=document)

        assert counts() == (0, 0, 0, 0)

    def test_refuses_something_that_is_not_a_document(self, partnership):
        with pytest.raises(ValidationError, match="is not of type 'object'"):
            plan_create_from_document(partnership=partnership, document=["plan/1"])


class TestPlanDocumentErrors:
    def test_a_gold_file_has_no_errors(self):
        assert plan_document_errors(gold()) == []

    def test_lists_every_error(self):
        document = small_document()
        document.pop("title")
        document["priorities"][0]["ref"] = ""

        errors = plan_document_errors(document)

        assert errors == [
            "the document: add the required field 'title'",
            "priorities[1].ref: must not be empty",
        ]


@pytest.mark.django_db
class TestPartnershipGetOrCreate:
    @pytest.mark.parametrize(
        ("name", "slug"),
        [
            ("Isle of Wight Safeguarding Children Board", "isle-of-wight"),
            ("South Gloucestershire LSCB", "south-gloucestershire"),
            ("Solihull Local Safeguarding Children Board", "solihull"),
            ("Northshire Safeguarding Children Partnership", "northshire"),
        ],
    )
    def test_slug_is_the_area(self, name, slug):
        assert partnership_slug_from_name(name) == slug

    def test_creates_then_finds(self):
        first, created = partnership_get_or_create(
            slug=None, name="West Berkshire Local Safeguarding Children Board"
        )
        again, created_again = partnership_get_or_create(
            slug=None, name="West Berkshire Local Safeguarding Children Board"
        )

        assert (created, created_again) == (True, False)
        assert first == again
        assert first.area_name == "West Berkshire"


@pytest.mark.django_db
class TestLeadLinking:
    def test_matches_a_person_by_name_with_a_role_after_it(self, partnership):
        person = PersonFactory.build(partnership=partnership, name="Jo Bloggs")

        assert lead_match(
            text="Jo Bloggs, Named nurse", people=[person], groups=[], agencies=[]
        ) == (person, None, None)

    def test_matches_a_group_or_an_agency_by_name_or_short_name(self, partnership):
        group = GroupFactory(
            partnership=partnership, name="Learning and Improvement Group"
        )
        agency = AgencyFactory(
            partnership=partnership, name="Integrated Care Board", short_name="ICB"
        )

        assert lead_match(
            text="learning and improvement group",
            people=[],
            groups=[group],
            agencies=[agency],
        ) == (None, group, None)
        assert lead_match(text="ICB", people=[], groups=[group], agencies=[agency]) == (
            None,
            None,
            agency,
        )

    def test_no_match_when_two_people_share_a_name(self, partnership):
        people = [
            PersonFactory(partnership=partnership, name="Sam Smith"),
            PersonFactory(partnership=partnership, name="Sam Smith"),
        ]

        assert lead_match(text="Sam Smith", people=people, groups=[], agencies=[]) == (
            None,
            None,
            None,
        )

    def test_links_the_fixture_plan(self, plan_world):
        links = {
            lead.text: lead.linked_to
            for lead in ActionLead.objects.filter(
                action__priority__plan=plan_world.plan
            )
        }

        assert links == {
            "Jo Bloggs, Named nurse": plan_world.lead_person,
            "Health Sub-group": plan_world.health_group,
            "Children's Social Care": plan_world.agency,
        }

    def test_link_all_returns_how_many_are_linked(self, plan_world):
        assert lead_link_all(plan=plan_world.plan) == 3

    def test_manager_correction_is_confirmed_and_kept_by_later_linking(
        self, plan_world, manager_user
    ):
        lead = plan_world.other_action.leads.get()

        lead_link_set(lead=lead, person=plan_world.lead_person, actor=manager_user)
        lead_link_all(plan=plan_world.plan)

        lead.refresh_from_db()
        assert lead.person == plan_world.lead_person
        assert lead.group is None
        assert lead.is_link_confirmed
        assert lead.history.first().history_user == manager_user

    def test_manager_can_unlink(self, plan_world, manager_user):
        lead = plan_world.led_action.leads.get()

        lead_link_set(lead=lead, actor=manager_user)

        lead.refresh_from_db()
        assert lead.linked_to is None
        assert lead.is_link_confirmed

    def test_refuses_two_targets(self, plan_world):
        lead = plan_world.led_action.leads.get()

        with pytest.raises(ValidationError, match="not several"):
            lead_link_set(
                lead=lead, person=plan_world.lead_person, group=plan_world.health_group
            )

    def test_refuses_someone_from_another_partnership(
        self, plan_world, other_partnership
    ):
        lead = plan_world.led_action.leads.get()
        stranger = PersonFactory(partnership=other_partnership, name="Jo Bloggs")

        with pytest.raises(ValidationError, match="from this partnership"):
            lead_link_set(lead=lead, person=stranger)

        lead.refresh_from_db()
        assert lead.person == plan_world.lead_person


@pytest.mark.django_db
class TestPlanUpdate:
    def test_changes_fields_and_records_who(self, plan, manager_user):
        plan_update(
            plan=plan,
            actor=manager_user,
            title="Business plan 2025-28",
            is_published=True,
        )

        plan.refresh_from_db()
        assert plan.title == "Business plan 2025-28"
        assert plan.is_published
        assert plan.history.first().history_user == manager_user

    def test_refuses_a_period_in_the_wrong_order(self, plan):
        with pytest.raises(ValidationError):
            plan_update(plan=plan, period_end_date=dt.date(2024, 1, 1))

        plan.refresh_from_db()
        assert plan.period_end_date == dt.date(2027, 3, 31)


@pytest.mark.django_db
class TestPrioritySave:
    def test_a_new_priority_goes_last(self, plan):
        priority = priority_save(
            priority=Priority(plan=plan), ref="3", title="Learning"
        )

        assert priority.position == 3

    def test_the_first_priority_of_an_empty_plan_is_first(self, plan):
        plan.priorities.all().delete()

        assert (
            priority_save(priority=Priority(plan=plan), ref="1", title="A").position
            == 1
        )

    def test_refuses_an_empty_title(self, plan):
        with pytest.raises(ValidationError):
            priority_save(priority=Priority(plan=plan), ref="3", title="")

        assert plan.priorities.count() == 2


@pytest.mark.django_db
class TestActionSave:
    def test_a_new_action_goes_last_and_its_leads_are_linked(self, plan_world):
        action = action_save(
            action=Action(priority=plan_world.priority),
            text="Run a neglect conference",
            due_text="Annually",
            leads=["Health Sub-group"],
        )

        assert action.position == 3
        assert action.recurrence == Action.Recurrence.YEARLY
        assert action.leads.get().group == plan_world.health_group

    def test_replacing_leads_keeps_unchanged_ones_and_removes_stale_ones(
        self, plan_world
    ):
        action = plan_world.led_action
        kept = action.leads.get()

        action_save(
            action=action, leads=["Health Sub-group", "Jo Bloggs, Named nurse", " "]
        )

        leads = list(action.leads.order_by("position"))
        assert [lead.text for lead in leads] == [
            "Health Sub-group",
            "Jo Bloggs, Named nurse",
        ]
        assert leads[1].pk == kept.pk

    def test_leaves_leads_alone_when_none_given(self, led_action):
        action_save(action=led_action, text="New words")

        assert led_action.leads.count() == 1

    def test_refuses_a_due_date_before_the_start(self, led_action):
        with pytest.raises(ValidationError):
            action_save(
                action=led_action,
                start_date=dt.date(2026, 7, 1),
                due_date=dt.date(2026, 6, 1),
            )

    def test_delete_removes_the_action_and_history_remembers_who(
        self, led_action, manager_user
    ):
        pk = led_action.pk

        action_delete(action=led_action, actor=manager_user)

        assert not Action.objects.filter(pk=pk).exists()
        removed = Action.history.filter(id=pk, history_type="-").get()
        assert removed.history_user == manager_user


@pytest.mark.django_db
class TestFactories:
    def test_traits_move_the_due_date(self, today):
        assert ActionFactory(overdue=True).due_date < today
        assert today < ActionFactory(due_soon=True).due_date <= today + dt.timedelta(30)
        assert ActionFactory(no_due_date=True).due_date is None

    def test_closed_action_has_a_complete_update(self):
        action = ActionFactory(closed=True)

        assert action.progress_updates.get().status == "complete"

    def test_subfactories_build_the_parents(self):
        lead = ActionLeadFactory()

        assert lead.action.priority.plan.partnership.pk
        assert PriorityFactory().plan.title


def test_gold_files_are_not_changed_by_loading():
    document = gold()
    copy_before = copy.deepcopy(document)

    plan_document_errors(document)

    assert document == copy_before
