"""A lead records progress in a real browser; the main pages pass axe-core's checks."""

import re

import pytest
from playwright.sync_api import expect

from assure.accounts.factories import TEST_PASSWORD

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


def assert_styled(page) -> None:
    """GOV.UK Frontend's stylesheet has loaded and applies."""
    position = page.evaluate(
        "getComputedStyle(document.querySelector('.govuk-visually-hidden')).position"
    )
    assert position == "absolute"


def sign_in(page, base: str, email: str) -> None:
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def test_a_lead_records_progress(
    live_server, page, assert_accessible, plan_world, lead_user
):
    base = live_server.url
    page.goto(f"{base}/sign-in/")
    expect(page).to_have_title(re.compile("Sign in"))
    assert_styled(page)
    assert_accessible(page, "the sign-in page")
    sign_in(page, base, lead_user.email)
    assert_accessible(page, "the home page")

    page.goto(f"{base}/partnerships/northshire/my-actions/")
    assert_accessible(page, "my actions")
    page.get_by_role(
        "link", name=re.compile("Deliver multi-agency neglect training")
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Action 1.1")
    assert_accessible(page, "the action page")

    page.get_by_role("button", name="Record progress").click()
    page.get_by_label("At risk").check()
    page.get_by_label("What has happened").fill(
        "The venue for the training fell through."
    )
    update_date = page.get_by_role("group", name="Date of update")
    update_date.get_by_label("Day").fill("2")
    update_date.get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Record progress").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("Enter why the action is at risk or off track")
    expect(summary).to_contain_text("Date of update must include a month")
    expect(page).to_have_title(re.compile("^Error: "))
    assert_accessible(page, "record progress showing errors")

    summary.get_by_role("link", name="Enter why the action is at risk").click()
    page.get_by_label("Reason").fill("Rebooking with the council for April.")
    summary.get_by_role("link", name="Date of update must include a month").click()
    expect(update_date.get_by_label("Month")).to_be_focused()
    page.keyboard.type("March")
    page.get_by_role("button", name="Record progress").click()

    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Progress recorded"
    )
    card = page.locator(".govuk-summary-card").first
    expect(card).to_contain_text("2 March 2026")
    expect(card).to_contain_text("At risk")
    expect(card).to_contain_text("The venue for the training fell through.")
    expect(card).to_contain_text("Rebooking with the council for April.")
    expect(card).to_contain_text("Jo Bloggs")

    page.get_by_role("link", name="Northshire business plan 2025-27").click()
    expect(page.locator("main")).to_contain_text("At risk: 1")
    assert_accessible(page, "the plan page")


def test_the_main_pages_pass_axe(
    live_server, page, assert_accessible, plan_world, manager_user
):
    from assure.progress.factories import ProgressUpdateFactory

    ProgressUpdateFactory(
        action=plan_world.other_action, off_track=True, author=manager_user
    )
    plan = plan_world.plan
    plan.is_published = True
    plan.save()
    base = live_server.url
    partnership = f"{base}/partnerships/northshire"

    page.goto(f"{base}/published/")
    assert_accessible(page, "the published plans")
    page.goto(f"{base}/published/northshire/plans/{plan.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(plan.title)
    assert_accessible(page, "a published plan")

    sign_in(page, base, manager_user.email)
    pages = {
        "the dashboard": f"{partnership}/",
        "the plan page (as manager)": f"{partnership}/plans/{plan.pk}/",
        "a priority": f"{partnership}/priorities/{plan_world.priority.pk}/",
        "an action (as manager)": (
            f"{partnership}/actions/{plan_world.other_action.pk}/"
        ),
        "the actions list": f"{partnership}/actions/?when=overdue&sort=due",
        "the meeting pack": f"{partnership}/meeting-pack/",
        "my actions (none)": f"{partnership}/my-actions/",
        "the history": f"{partnership}/history/",
    }
    for what, url in pages.items():
        response = page.goto(url)
        assert response.ok, (what, response.status)
        assert_accessible(page, what)
    stylesheet = page.request.get(
        f"{base}/static/vendor/govuk-frontend/govuk-frontend.min.css"
    )
    assert stylesheet.ok


def test_the_accessibility_check_finds_problems(page, assert_accessible):
    page.set_content(
        '<html lang="en"><head><title>Bad</title></head><body><main>'
        '<img src="chart.png"><input type="text"></main></body></html>'
    )

    with pytest.raises(AssertionError) as failure:
        assert_accessible(page, "a page made to fail")

    assert "image-alt" in str(failure.value)
    assert "label" in str(failure.value)
