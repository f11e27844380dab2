"""Browser tests: Playwright's sync API driving Debian's Chromium at the live server.

pytest-django's `live_server` serves static files itself (it wraps the site in
StaticFilesHandler when django.contrib.staticfiles is installed), and the test settings
use plain StaticFilesStorage, so GOV.UK Frontend's CSS and JS load with no
collectstatic. The journeys check the stylesheet really applies, or axe's colour
contrast checks would mean nothing.
"""

import json
import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django would otherwise refuse
# the test's own database queries as "async unsafe".
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
AXE = (
    Path(__file__).resolve().parents[2]
    / "assure/core/static/vendor/axe-core/axe.min.js"
)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
INSTALL = (
    "Install Chromium for browser tests: "
    "sudo apt-get install -y --no-install-recommends chromium"
)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, never a downloaded one (no `playwright install`)."""
    if not CHROMIUM.exists():
        if os.environ.get("CI", "").lower() in {"true", "1", "yes"}:
            pytest.fail(f"/usr/bin/chromium is missing on CI. {INSTALL}")
        pytest.skip(INSTALL)
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def page(page):
    page.set_default_timeout(10_000)
    return page


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"][:5]:
            lines.append(f"    at {json.dumps(node['target'])}: {node['html'][:160]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"       {summary[:300]}")
        if len(v["nodes"]) > 5:
            lines.append(f"    ... and {len(v['nodes']) - 5} more")
    return "\n".join(lines)


def axe_violations(page) -> list[dict]:
    """axe-core's violations of the WCAG 2.2 AA rules on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return result["violations"]


@pytest.fixture
def assert_accessible():
    """Run axe-core (WCAG 2.2 AA rules) on the page; fail listing every violation."""

    def check(page, what: str) -> None:
        violations = axe_violations(page)
        assert not violations, (
            f"axe found {len(violations)} accessibility problems on {what} "
            f"({page.url}):\n{describe_violations(violations)}"
        )

    return check
