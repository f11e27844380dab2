"""The reports pages pass axe-core's checks, as a board member sees them."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from assure.accounts.factories import TEST_PASSWORD
from assure.progress.factories import ProgressUpdateFactory
from assure.progress.models import Status

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def progress(plan_world, manager_user):
    ProgressUpdateFactory(
        action=plan_world.led_action,
        author=manager_user,
        status=Status.AT_RISK,
        reason="The chair has changed.",
        update_date=dt.date(2026, 3, 1),
    )
    ProgressUpdateFactory(
        action=plan_world.other_action,
        author=manager_user,
        status=Status.OFF_TRACK,
        reason="No auditors yet.",
        update_date=dt.date(2026, 3, 10),
    )
    ProgressUpdateFactory(
        action=plan_world.ongoing_action,
        author=manager_user,
        status=Status.COMPLETE,
        impact="Survey: 78% confident.",
        update_date=dt.date(2026, 2, 20),
    )
    return plan_world


def test_the_reports_pages_pass_axe(
    live_server, page, assert_accessible, progress, member_user
):
    base = live_server.url
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Email address").fill(member_user.email)
    page.get_by_label("Password", exact=True).fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    reports = f"{base}/partnerships/northshire/reports/"

    page.goto(reports)
    expect(page.get_by_role("heading", level=1)).to_have_text("Reports")
    assert_accessible(page, "the reports page")

    page.get_by_role("button", name="Show board report").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Board progress report"
    )
    expect(page.locator("main")).to_contain_text("Off track (Red)")
    assert_accessible(page, "the board report")

    page.goto(f"{reports}calendar-links/")
    page.get_by_role("button", name="Create calendar link").click()
    expect(page.locator("main")).to_contain_text(".ics")
    assert_accessible(page, "the calendar links page")
