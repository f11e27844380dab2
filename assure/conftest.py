"""Shared fixtures: one partnership with a plan, its people in every role, an outsider.

The plan (Northshire, April 2025 to March 2027) has two priorities and four actions:

    1.1  led by "Jo Bloggs, Named nurse"  -> the lead user's Person      (led_action)
    1.2  led by "Health Sub-group"         -> a group nobody chairs  (other_action)
    2.1  led by "Children's Social Care"   -> an agency; due before TODAY (overdue)
    2.2  no lead, "Ongoing"

Dates are fixed around TODAY (14 March 2026). Tests about due dates freeze time with the
`today` fixture (or `@pytest.mark.time_machine(NOW, tick=False)`), so "overdue"
means the same thing whenever the suite runs.

Tests outside `assure/` (the top-level `tests/`) get these fixtures through
`tests/conftest.py`, which imports them.
"""

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from assure.accounts.factories import (
    AgencyFactory,
    GroupFactory,
    MembershipFactory,
    PartnershipFactory,
    PersonFactory,
    UserFactory,
)
from assure.accounts.models import Membership
from assure.plans.factories import (
    ActionFactory,
    ActionLeadFactory,
    PlanFactory,
    PriorityFactory,
)
from assure.plans.services import lead_link_all

NOW = dt.datetime(2026, 3, 14, 10, 30, tzinfo=ZoneInfo("Europe/London"))
TODAY = NOW.date()


@pytest.fixture
def today(time_machine) -> dt.date:
    """Freeze the clock at 10:30 on 14 March 2026 (UK time) and return that day."""
    time_machine.move_to(NOW, tick=False)
    return TODAY


# --- Partnerships and people ------------------------------------------------------


@pytest.fixture
def partnership(db):
    return PartnershipFactory(
        slug="northshire",
        name="Northshire Safeguarding Children Partnership",
        short_name="Northshire",
        area_name="Northshire",
    )


@pytest.fixture
def other_partnership(db):
    return PartnershipFactory(
        slug="southshire",
        name="Southshire Safeguarding Children Partnership",
        short_name="Southshire",
        area_name="Southshire",
    )


def _user_with_role(partnership, role: str, email: str, full_name: str):
    user = UserFactory(email=email, full_name=full_name)
    MembershipFactory(user=user, partnership=partnership, role=role)
    return user


@pytest.fixture
def manager_user(partnership):
    return _user_with_role(
        partnership,
        Membership.Role.MANAGER,
        "manager@northshire.example.org.uk",
        "Sam Patel",
    )


@pytest.fixture
def lead_user(partnership):
    return _user_with_role(
        partnership,
        Membership.Role.LEAD,
        "jo.bloggs@northshire-nhs.example.org.uk",
        "Jo Bloggs",
    )


@pytest.fixture
def member_user(partnership):
    return _user_with_role(
        partnership,
        Membership.Role.MEMBER,
        "board.member@northshire.example.org.uk",
        "Alex Morgan",
    )


@pytest.fixture
def other_manager_user(other_partnership):
    """The business manager of another partnership: an outsider here."""
    return _user_with_role(
        other_partnership,
        Membership.Role.MANAGER,
        "manager@southshire.example.org.uk",
        "Chris Evans",
    )


def _client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def manager_client(manager_user):
    return _client_for(manager_user)


@pytest.fixture
def lead_client(lead_user):
    return _client_for(lead_user)


@pytest.fixture
def member_client(member_user):
    return _client_for(member_user)


@pytest.fixture
def other_manager_client(other_manager_user):
    return _client_for(other_manager_user)


# --- The plan ----------------------------------------------------------------------


@pytest.fixture
def plan_world(partnership, lead_user):
    """The plan, its priorities, actions and leads, and the people and bodies named."""
    lead_person = PersonFactory(
        partnership=partnership,
        name="Jo Bloggs",
        role_title="Named nurse",
        email=lead_user.email,
        user=lead_user,
    )
    health_group = GroupFactory(partnership=partnership, name="Health Sub-group")
    csc = AgencyFactory(
        partnership=partnership, name="Children's Social Care", short_name="CSC"
    )
    plan = PlanFactory(
        partnership=partnership,
        title="Northshire business plan 2025-27",
        period_start_date=dt.date(2025, 4, 1),
        period_end_date=dt.date(2027, 3, 31),
    )
    neglect = PriorityFactory(
        plan=plan, ref="1", position=1, title="Neglect: children get help early"
    )
    exploitation = PriorityFactory(
        plan=plan,
        ref="2",
        position=2,
        title="Exploitation: children are safe outside the home",
    )
    led_action = ActionFactory(
        priority=neglect,
        ref="1.1",
        position=1,
        text="Deliver multi-agency neglect training to practitioners",
        due_date=dt.date(2026, 6, 30),
        due_text="June 2026",
    )
    other_action = ActionFactory(
        priority=neglect,
        ref="1.2",
        position=2,
        text="Audit the use of the Graded Care Profile in cases of neglect",
        due_date=dt.date(2026, 3, 31),
        due_text="End of March 2026",
    )
    overdue_action = ActionFactory(
        priority=exploitation,
        ref="2.1",
        position=1,
        text="Publish the exploitation screening tool",
        due_date=dt.date(2026, 1, 31),
        due_text="January 2026",
    )
    ongoing_action = ActionFactory(
        priority=exploitation,
        ref="2.2",
        position=2,
        text="Keep the missing children return interview offer under review",
        due_date=None,
        due_text="Ongoing",
    )
    ActionLeadFactory(action=led_action, text="Jo Bloggs, Named nurse", position=1)
    ActionLeadFactory(action=other_action, text="Health Sub-group", position=1)
    ActionLeadFactory(action=overdue_action, text="Children's Social Care", position=1)
    lead_link_all(plan=plan)
    return SimpleNamespace(
        partnership=partnership,
        plan=plan,
        priorities=[neglect, exploitation],
        priority=neglect,
        led_action=led_action,
        other_action=other_action,
        overdue_action=overdue_action,
        ongoing_action=ongoing_action,
        lead_person=lead_person,
        health_group=health_group,
        agency=csc,
    )


@pytest.fixture
def plan(plan_world):
    return plan_world.plan


@pytest.fixture
def priority(plan_world):
    return plan_world.priority


@pytest.fixture
def led_action(plan_world):
    """Action 1.1, which the lead user leads."""
    return plan_world.led_action


@pytest.fixture
def other_action(plan_world):
    """Action 1.2, led by a group the lead user does not chair."""
    return plan_world.other_action


@pytest.fixture
def lead_person(plan_world):
    return plan_world.lead_person
