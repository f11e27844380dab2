import datetime as dt

import pytest

from assure.accounts.models import Membership, Partnership, User
from assure.demo.loader import (
    DEMO_PASSWORD,
    demo_is_loaded,
    demo_load,
    shift_date,
    shift_years_in_text,
)
from assure.plans.models import Action, Plan
from assure.progress.models import ProgressUpdate

EXPECTED_ACTIONS = {
    "somerset": 47,
    "south-gloucestershire": 61,
    "solihull": 31,
    "west-berkshire": 31,
    "isle-of-wight": 21,
}


@pytest.fixture
def demo(db, today):
    return demo_load()


@pytest.mark.django_db
class TestDemoLoad:
    def test_loads_five_partnerships_with_their_actions(self, demo):
        counts = {
            p.slug: Action.objects.filter(priority__plan__partnership=p).count()
            for p in Partnership.objects.all()
        }

        assert counts == EXPECTED_ACTIONS
        assert demo.startswith("Loaded the demo:")
        for slug, actions in EXPECTED_ACTIONS.items():
            assert f"{slug}: {actions} actions" in demo

    def test_each_partnership_has_updates_of_several_statuses(self, demo):
        for slug in EXPECTED_ACTIONS:
            statuses = set(
                ProgressUpdate.objects.filter(
                    action__priority__plan__partnership__slug=slug
                ).values_list("status", flat=True)
            )

            assert len(statuses) >= 3, (slug, statuses)

    def test_each_partnership_has_a_manager_lead_and_member_who_can_sign_in(self, demo):
        for slug in EXPECTED_ACTIONS:
            roles = {}
            for role in ("manager", "lead", "member"):
                user = User.objects.get(email=f"{role}@{slug}.demo.assure.test")
                assert user.check_password(DEMO_PASSWORD)
                roles[role] = Membership.objects.get(user=user).role

            assert roles == {"manager": "manager", "lead": "lead", "member": "member"}

    def test_the_demo_lead_of_each_partnership_leads_some_actions(self, demo):
        from assure.progress.selectors import action_list_led_by

        for slug in EXPECTED_ACTIONS:
            lead = User.objects.get(email=f"lead@{slug}.demo.assure.test")
            partnership = Partnership.objects.get(slug=slug)

            assert action_list_led_by(user=lead, partnership=partnership).exists(), slug

    def test_plans_are_current_with_no_updates_in_the_future(self, demo, today):
        for plan in Plan.objects.all():
            assert plan.status == Plan.Status.APPROVED
            assert plan.period_end_date >= today
        assert not ProgressUpdate.objects.filter(update_date__gt=today).exists()

    def test_a_completed_action_has_no_later_update(self, demo):
        from assure.progress.models import Status

        for done in ProgressUpdate.objects.filter(status=Status.COMPLETE):
            later = ProgressUpdate.objects.filter(
                action=done.action, update_date__gt=done.update_date
            )
            assert not later.exists(), done.action

    def test_publishes_two_plans(self, demo):
        published = set(
            Plan.objects.filter(is_published=True).values_list(
                "partnership__slug", flat=True
            )
        )

        assert published == {"isle-of-wight", "west-berkshire"}

    def test_loading_again_changes_nothing(self, demo):
        before = (Action.objects.count(), ProgressUpdate.objects.count())

        again = demo_load()

        assert "already loaded" in again
        assert (Action.objects.count(), ProgressUpdate.objects.count()) == before
        assert demo_is_loaded()

    def test_reset_loads_it_afresh(self, demo):
        demo_load(reset=True)

        assert Partnership.objects.count() == 5
        assert Action.objects.count() == sum(EXPECTED_ACTIONS.values())
        assert User.objects.filter(email__endswith=".demo.assure.test").count() == 15


class TestShifting:
    @pytest.mark.parametrize(
        ("date", "years", "shifted"),
        [
            (dt.date(2017, 3, 31), 9, dt.date(2026, 3, 31)),
            (
                dt.date(2015, 2, 28),
                1,
                dt.date(2016, 2, 29),
            ),  # month end stays month end
            (dt.date(2016, 2, 29), 1, dt.date(2017, 2, 28)),
            (dt.date(2016, 2, 15), 0, dt.date(2016, 2, 15)),
        ],
    )
    def test_shift_date(self, date, years, shifted):
        assert shift_date(date, years) == shifted

    def test_shift_date_of_nothing(self):
        assert shift_date(None, 3) is None

    @pytest.mark.parametrize(
        ("text", "shifted"),
        [
            ("March 2017", "March 2026"),
            ("Q3 2017/18", "Q3 2026/27"),
            ("May 17", "May 26"),
            ("by 1.4.13", "by 1.4.22"),
            ("Ongoing", "Ongoing"),
        ],
    )
    def test_shift_years_in_text(self, text, shifted):
        assert shift_years_in_text(text, 9) == shifted
