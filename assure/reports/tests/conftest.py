"""Fixtures for report tests: the shared plan with progress recorded, and a hand-made
report for renderer tests (renderers never query, so they need no database)."""

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from assure.progress.factories import ProgressUpdateFactory
from assure.progress.models import Status
from assure.reports.builders import (
    ActionItem,
    BoardReport,
    ImpactItem,
    PrioritySummary,
    ScorecardLine,
    StatusCount,
    YearlyPriority,
    YearlyReport,
    status_words,
)

OFF_REASON = "Funding for the second phase was not agreed."
RISK_REASON = "The sub-group chair has changed; the new chair starts next month."
IMPACT = "Practitioner survey: 78% now confident in identifying neglect."


@pytest.fixture
def progress_world(plan_world, manager_user, today):
    """1.1 at risk, 1.2 off track, 2.1 overdue and silent, 2.2 complete last month."""
    w = plan_world
    ProgressUpdateFactory(
        action=w.led_action,
        author=manager_user,
        status=Status.ON_TRACK,
        update_date=dt.date(2025, 10, 1),
    )
    ProgressUpdateFactory(
        action=w.led_action,
        author=manager_user,
        status=Status.AT_RISK,
        reason=RISK_REASON,
        update_date=dt.date(2026, 3, 1),
        narrative="Trainer found; dates not yet agreed.",
    )
    ProgressUpdateFactory(
        action=w.other_action,
        author=manager_user,
        status=Status.OFF_TRACK,
        reason=OFF_REASON,
        update_date=dt.date(2026, 3, 10),
        narrative="Audit tool agreed; no auditors yet.",
    )
    ProgressUpdateFactory(
        action=w.ongoing_action,
        author=manager_user,
        status=Status.COMPLETE,
        impact=IMPACT,
        update_date=dt.date(2026, 2, 20),
        narrative="Review done and reported to the board.",
    )
    return w


def _item(ref, text, status, **extra) -> ActionItem:
    return ActionItem(
        ref=ref,
        text=text,
        priority_ref=ref.split(".")[0],
        leads=extra.pop("leads", "Health Sub-group"),
        due=extra.pop("due", "30 June 2026"),
        due_date=extra.pop("due_date", dt.date(2026, 6, 30)),
        status=status_words(status),
        **extra,
    )


@pytest.fixture
def board_report() -> BoardReport:
    """A hand-made board report: 3 actions, one of each kind."""
    off = _item(
        "1.2",
        "Audit the Graded Care Profile",
        Status.OFF_TRACK,
        reason=OFF_REASON,
        latest_date=dt.date(2026, 3, 10),
        latest_narrative="Audit tool agreed; no auditors yet.",
    )
    risk = _item(
        "1.1",
        "Deliver neglect training",
        Status.AT_RISK,
        reason=RISK_REASON,
        latest_date=dt.date(2026, 3, 1),
        latest_narrative="Trainer found.",
    )
    overdue = _item(
        "2.1",
        "Publish the screening tool",
        Status.NOT_STARTED,
        due="31 January 2026",
        due_date=dt.date(2026, 1, 31),
    )
    done = _item(
        "2.2",
        "Review the return interview offer",
        Status.COMPLETE,
        latest_date=dt.date(2026, 2, 20),
        impact=IMPACT,
    )
    return BoardReport(
        partnership_name="Northshire Safeguarding Children Partnership",
        plan_title="Northshire business plan 2025-27",
        plan_period="1 April 2025 to 31 March 2027",
        as_at=dt.date(2026, 3, 14),
        since=dt.date(2025, 12, 14),
        silent_days=90,
        total_actions=4,
        totals=[
            StatusCount(status_words(s), 1)
            for s in (
                Status.OFF_TRACK,
                Status.AT_RISK,
                Status.COMPLETE,
                Status.NOT_STARTED,
            )
        ],
        priorities=[
            PrioritySummary(
                "1",
                "Neglect",
                2,
                [
                    StatusCount(status_words(Status.OFF_TRACK), 1),
                    StatusCount(status_words(Status.AT_RISK), 1),
                ],
                0,
            ),
            PrioritySummary(
                "2",
                "Exploitation",
                2,
                [
                    StatusCount(status_words(Status.COMPLETE), 1),
                    StatusCount(status_words(Status.NOT_STARTED), 1),
                ],
                50,
            ),
        ],
        off_track=[off],
        at_risk=[risk],
        overdue=[overdue],
        silent=[overdue],
        completed=[done],
        scorecard=[
            ScorecardLine(
                indicator="Re-referrals within 12 months",
                period="2024 to 2025",
                value="26.3%",
                target="20.0% or less",
                rating="Red: off target",
                commentary="What needs to happen: a re-audit.",
            )
        ],
        scorecard_note="",
    )


@pytest.fixture
def yearly_report() -> YearlyReport:
    done = _item(
        "2.2",
        "Review the return interview offer",
        Status.COMPLETE,
        latest_date=dt.date(2026, 2, 20),
        impact=IMPACT,
    )
    risk = _item(
        "1.1",
        "Deliver neglect training",
        Status.AT_RISK,
        reason=RISK_REASON,
        latest_date=dt.date(2026, 3, 1),
        latest_narrative="Trainer found.",
    )
    off = _item(
        "1.2", "Audit the Graded Care Profile", Status.OFF_TRACK, reason=OFF_REASON
    )
    return YearlyReport(
        partnership_name="Northshire Safeguarding Children Partnership",
        area_name="Northshire",
        plan_title="Northshire business plan 2025-27",
        year=2025,
        start=dt.date(2025, 4, 1),
        end=dt.date(2026, 3, 31),
        as_at=dt.date(2026, 3, 14),
        priorities=[
            YearlyPriority(
                "1", "Neglect", "Children get help early", [], [risk], [off]
            ),
            YearlyPriority("2", "Exploitation", "", [done], [], []),
        ],
        totals=[StatusCount(status_words(Status.COMPLETE), 1)],
        total_actions=3,
        impacts=[
            ImpactItem(
                "2.2 Review the return interview offer",
                "2",
                dt.date(2026, 2, 20),
                IMPACT,
            )
        ],
        scorecard=[],
        scorecard_note="No scorecard figures",
    )


def pdf_to_png(pdf: bytes, tmp_path: Path) -> list[Path]:
    """Render a PDF's pages with pdftoppm at 50 dpi, to show that it draws."""
    if shutil.which("pdftoppm") is None:
        message = "Install poppler-utils for pdftoppm: apt-get install -y poppler-utils"
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(f"pdftoppm is missing in CI. {message}")
        pytest.skip(message)
    source = tmp_path / "report.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", str(source), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    return sorted(tmp_path.glob("page*.png"))
