"""The scorecard's pages pass axe-core's checks, as the business manager sees them."""

import re

import pytest
from playwright.sync_api import expect

from assure.accounts.factories import TEST_PASSWORD
from assure.scorecard.factories import (
    CommentaryFactory,
    IndicatorFactory,
    MeasurementFactory,
)
from assure.scorecard.services import official_figures_load

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def figures(plan_world, manager_user):
    partnership = plan_world.partnership
    official_figures_load(partnership=partnership, query="921")
    local = IndicatorFactory(
        partnership=partnership,
        code="rhi_pct",
        name="Return home interviews offered",
        target=95,
        tolerance=5,
    )
    local.priorities.add(plan_world.priority)
    for period, value in [("2025-Q2", 88), ("2025-Q3", 84), ("2025-Q4", None)]:
        MeasurementFactory(
            indicator=local,
            period=period,
            value=value,
            note="" if value else "not available (x)",
        )
    CommentaryFactory(indicator=local, author=manager_user)
    return local


def test_the_scorecard_pages_pass_axe(
    live_server, page, assert_accessible, figures, manager_user
):
    base = live_server.url
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Email address").fill(manager_user.email)
    page.get_by_label("Password", exact=True).fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    scorecard = f"{base}/partnerships/northshire/scorecard/"

    page.goto(scorecard)
    expect(page.get_by_role("heading", level=1)).to_have_text("Scorecard")
    assert_accessible(page, "the scorecard")

    page.get_by_role("link", name="Return home interviews offered").first.click()
    expect(page.locator("svg[role=img] title").first).to_contain_text(
        "Return home interviews offered"
    )
    assert_accessible(page, "a local indicator")

    page.goto(scorecard)
    page.get_by_role("link", name="Initial conferences within 15 working days").click()
    assert_accessible(page, "an official indicator")

    page.goto(f"{scorecard}exceptions/")
    assert_accessible(page, "the exceptions")

    page.goto(f"{scorecard}child-protection/")
    expect(page.locator("main")).to_contain_text("table D3")
    assert_accessible(page, "the child protection journey")

    page.goto(f"{scorecard}upload/")
    assert_accessible(page, "the upload page")
    page.get_by_label("Upload a file").set_input_files(
        files=[
            {
                "name": "figures.csv",
                "mimeType": "text/csv",
                "buffer": b"indicator,period,value\nrhi_pct,2026-Q1,twelve\n",
            }
        ]
    )
    page.get_by_role("button", name="Check file").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Row 2, value: enter a number, not 'twelve'"
    )
    expect(page).to_have_title(re.compile("^Error: "))
    assert_accessible(page, "the upload page showing problems")
