"""Build reports as plain data; the renderers in `renderers/` turn them into documents.

Everything a renderer needs is in the dataclasses below, already in words: builders
query, renderers never do.
"""

import calendar
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone

from assure.accounts.models import Partnership
from assure.core.formatting import govuk_date
from assure.plans.models import Action, Plan
from assure.plans.presenters import due_words, lead_words, plan_period
from assure.progress.models import ProgressUpdate, Status
from assure.progress.selectors import (
    action_list_for_plan,
    overdue_q,
    plan_get_current,
    silent_q,
)
from assure.progress.status import STATUS_ORDER, status_style

from . import scorecard


@dataclass(frozen=True)
class StatusWords:
    """A status as a document shows it: words always, colour as well."""

    status: str
    label: str  # "Off track"
    rag: str  # "Red", or "" where RAG does not apply
    colour: str  # "#d4351c"
    tag_class: str = "govuk-tag--grey"

    @property
    def text_colour(self) -> str:
        """White on dark colours, near-black on light ones, for contrast."""
        return "#ffffff" if is_dark(self.colour) else "#0b0c0c"

    @property
    def words(self) -> str:
        """'Off track (Red)': the words a reader sees in black and white."""
        return f"{self.label} ({self.rag})" if self.rag else self.label


def is_dark(colour: str) -> bool:
    """Whether white text reads on the colour (WCAG relative luminance below ~0.18)."""
    digits = colour.lstrip("#")
    red, green, blue = (int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    return luminance < 0.18


def status_words(status: str | None) -> StatusWords:
    style = status_style(status)
    return StatusWords(
        str(style.status), style.label, style.rag, style.colour, style.tag_class
    )


@dataclass(frozen=True)
class StatusCount:
    status: StatusWords
    count: int


@dataclass
class ActionItem:
    """One action in a report, with its status and latest update as at the report."""

    ref: str
    text: str
    priority_ref: str
    leads: str
    due: str
    due_date: dt.date | None
    status: StatusWords
    latest_date: dt.date | None = None
    latest_narrative: str = ""
    reason: str = ""
    impact: str = ""
    heard_date: dt.date | None = None

    @property
    def label(self) -> str:
        return f"{self.ref} {self.text}".strip() if self.ref else self.text


@dataclass
class PrioritySummary:
    ref: str
    title: str
    total: int
    counts: list[StatusCount]
    percent_complete: int

    @property
    def words(self) -> str:
        """'3 off track, 2 on track' or 'No actions'."""
        parts = [f"{c.count} {c.status.label.lower()}" for c in self.counts]
        return ", ".join(parts) if parts else "No actions"


@dataclass
class ScorecardLine:
    """An indicator as a report shows it; every field already in words."""

    indicator: str
    period: str = ""
    value: str = ""
    target: str = ""
    england: str = ""
    neighbours: str = ""
    rating: str = ""  # "Red", "Worse than target", ...
    commentary: str = ""


@dataclass
class BoardReport:
    """A board progress report for a partnership as at a date."""

    partnership_name: str
    plan_title: str
    plan_period: str
    as_at: dt.date
    since: dt.date
    silent_days: int
    total_actions: int
    totals: list[StatusCount]
    priorities: list[PrioritySummary]
    off_track: list[ActionItem]
    at_risk: list[ActionItem]
    overdue: list[ActionItem]
    silent: list[ActionItem]
    completed: list[ActionItem]
    scorecard: list[ScorecardLine] = field(default_factory=list)
    scorecard_note: str = "No scorecard figures"
    generated_at: dt.datetime | None = None

    @property
    def title(self) -> str:
        return f"Board progress report as at {govuk_date(self.as_at)}"

    @property
    def has_plan(self) -> bool:
        return bool(self.plan_title)


@dataclass
class YearlyPriority:
    ref: str
    title: str
    aim: str
    completed: list[ActionItem]
    in_progress: list[ActionItem]
    little_progress: list[ActionItem]

    @property
    def total(self) -> int:
        return len(self.completed) + len(self.in_progress) + len(self.little_progress)


@dataclass
class ImpactItem:
    action: str  # "1.2 Deliver neglect training"
    priority_ref: str
    update_date: dt.date
    impact: str


@dataclass
class YearlyReport:
    """The draft of the yearly report, for the business manager to edit."""

    partnership_name: str
    area_name: str
    plan_title: str
    year: int  # the financial year starting 1 April of this year
    start: dt.date
    end: dt.date
    as_at: dt.date
    priorities: list[YearlyPriority]
    totals: list[StatusCount]
    total_actions: int
    impacts: list[ImpactItem]
    scorecard: list[ScorecardLine] = field(default_factory=list)
    scorecard_note: str = "No scorecard figures"

    @property
    def year_words(self) -> str:
        """'2025 to 2026'."""
        return f"{self.year} to {self.year + 1}"

    @property
    def title(self) -> str:
        return f"Yearly report {self.year_words}: draft"

    @property
    def year_explained(self) -> str:
        return (
            f"This report covers the financial year {govuk_date(self.start)} to "
            f"{govuk_date(self.end)}."
        )


# Where an action stands at the end of a year, for the yearly report.
IN_PROGRESS = (Status.ON_TRACK, Status.AT_RISK)
COMPLETED = (Status.COMPLETE,)


def _counts(statuses: list[str]) -> list[StatusCount]:
    counter = Counter(statuses)
    return [
        StatusCount(status_words(s), counter[s]) for s in STATUS_ORDER if counter[s]
    ]


def _items(
    actions: list[Action], updates: dict[int, ProgressUpdate]
) -> list[ActionItem]:
    items = []
    for action in actions:
        latest = updates.get(action.latest_update_id)
        items.append(
            ActionItem(
                ref=action.ref,
                text=action.text,
                priority_ref=action.priority.ref,
                leads=lead_words(action),
                due=due_words(action),
                due_date=action.due_date,
                status=status_words(action.current_status),
                latest_date=latest.update_date if latest else None,
                latest_narrative=latest.narrative if latest else "",
                reason=latest.reason if latest else "",
                impact=latest.impact if latest else "",
                heard_date=action.heard_date,
            )
        )
    return items


def _actions(plan: Plan, as_at: dt.date) -> tuple[QuerySet[Action], list[Action], dict]:
    queryset = action_list_for_plan(plan=plan, as_at=as_at)
    actions = list(queryset)
    updates = ProgressUpdate.objects.in_bulk(
        [a.latest_update_id for a in actions if a.latest_update_id]
    )
    return queryset, actions, updates


def plan_for_report(*, partnership: Partnership, as_at: dt.date) -> Plan | None:
    """The plan in force on the date, else the plan the partnership works to."""
    covering = partnership.plans.exclude(status=Plan.Status.ARCHIVED).filter(
        period_start_date__lte=as_at, period_end_date__gte=as_at
    )
    return (
        covering.filter(status=Plan.Status.APPROVED).first()
        or covering.first()
        or plan_get_current(partnership=partnership)
    )


def board_report_build(
    *,
    partnership: Partnership,
    as_at: dt.date | None = None,
    since: dt.date | None = None,
    plan: Plan | None = None,
    silent_days: int | None = None,
) -> BoardReport:
    """Everything the board needs to see about the plan as at a date."""
    from django.conf import settings

    as_at = as_at or timezone.localdate()
    since = since or _months_before(as_at, 3)
    silent_days = settings.ASSURE_SILENT_DAYS if silent_days is None else silent_days
    plan = plan or plan_for_report(partnership=partnership, as_at=as_at)
    lines, note = scorecard.exceptions(partnership=partnership, as_at=as_at)
    if plan is None:
        return BoardReport(
            partnership_name=partnership.name,
            plan_title="",
            plan_period="",
            as_at=as_at,
            since=since,
            silent_days=silent_days,
            total_actions=0,
            totals=[],
            priorities=[],
            off_track=[],
            at_risk=[],
            overdue=[],
            silent=[],
            completed=[],
            scorecard=lines,
            scorecard_note=note,
            generated_at=timezone.now(),
        )
    queryset, actions, updates = _actions(plan, as_at)
    overdue_pks = set(
        queryset.filter(overdue_q(today=as_at)).values_list("pk", flat=True)
    )
    silent_pks = set(
        queryset.filter(silent_q(today=as_at, days=silent_days)).values_list(
            "pk", flat=True
        )
    )

    def pick(test) -> list[ActionItem]:
        return _items([a for a in actions if test(a)], updates)

    by_priority: dict[int, list[Action]] = {}
    for action in actions:
        by_priority.setdefault(action.priority_id, []).append(action)
    priorities = []
    for priority in plan.priorities.order_by("position", "pk"):
        mine = by_priority.get(priority.pk, [])
        statuses = [a.current_status for a in mine]
        countable = len([s for s in statuses if s != Status.CANCELLED])
        done = statuses.count(Status.COMPLETE)
        priorities.append(
            PrioritySummary(
                ref=priority.ref,
                title=priority.title,
                total=len(mine),
                counts=_counts(statuses),
                percent_complete=round(100 * done / countable) if countable else 0,
            )
        )
    overdue = sorted(
        pick(lambda a: a.pk in overdue_pks), key=lambda i: (i.due_date, i.priority_ref)
    )
    silent = sorted(
        pick(lambda a: a.pk in silent_pks),
        key=lambda i: (i.heard_date or dt.date.min, i.priority_ref),
    )
    return BoardReport(
        partnership_name=partnership.name,
        plan_title=plan.title,
        plan_period=plan_period(plan),
        as_at=as_at,
        since=since,
        silent_days=silent_days,
        total_actions=len(actions),
        totals=_counts([a.current_status for a in actions]),
        priorities=priorities,
        off_track=pick(lambda a: a.current_status == Status.OFF_TRACK),
        at_risk=pick(lambda a: a.current_status == Status.AT_RISK),
        overdue=overdue,
        silent=silent,
        completed=pick(
            lambda a: (
                a.current_status == Status.COMPLETE
                and a.last_update_date is not None
                and since < a.last_update_date <= as_at
            )
        ),
        scorecard=lines,
        scorecard_note=note,
        generated_at=timezone.now(),
    )


def financial_year(year: int) -> tuple[dt.date, dt.date]:
    """1 April of the year to 31 March of the next."""
    return dt.date(year, 4, 1), dt.date(year + 1, 3, 31)


def yearly_report_build(
    *, partnership: Partnership, year: int, plan: Plan | None = None
) -> YearlyReport:
    """Progress, impact and the scorecard for the financial year starting 1 April."""
    start, end = financial_year(year)
    as_at = min(end, timezone.localdate())
    plan = plan or plan_for_report(partnership=partnership, as_at=as_at)
    lines, note = scorecard.headlines(partnership=partnership, start=start, end=end)
    empty = YearlyReport(
        partnership_name=partnership.name,
        area_name=partnership.area_name,
        plan_title="",
        year=year,
        start=start,
        end=end,
        as_at=as_at,
        priorities=[],
        totals=[],
        total_actions=0,
        impacts=[],
        scorecard=lines,
        scorecard_note=note,
    )
    if plan is None:
        return empty
    _, actions, updates = _actions(plan, as_at)
    by_priority: dict[int, list[Action]] = {}
    for action in actions:
        by_priority.setdefault(action.priority_id, []).append(action)
    priorities = []
    for priority in plan.priorities.order_by("position", "pk"):
        items = _items(by_priority.get(priority.pk, []), updates)
        priorities.append(
            YearlyPriority(
                ref=priority.ref,
                title=priority.title,
                aim=priority.aim,
                completed=[i for i in items if i.status.status in COMPLETED],
                in_progress=[i for i in items if i.status.status in IN_PROGRESS],
                little_progress=[
                    i for i in items if i.status.status not in COMPLETED + IN_PROGRESS
                ],
            )
        )
    impacts = [
        ImpactItem(
            action=f"{u.action.ref} {u.action.text}".strip(),
            priority_ref=u.action.priority.ref,
            update_date=u.update_date,
            impact=u.impact,
        )
        for u in ProgressUpdate.objects.filter(
            action__priority__plan=plan, update_date__range=(start, end)
        )
        .exclude(impact="")
        .select_related("action", "action__priority")
        .order_by(
            "action__priority__position",
            "action__position",
            "action__pk",
            "update_date",
        )
    ]
    empty.plan_title = plan.title
    empty.priorities = priorities
    empty.totals = _counts([a.current_status for a in actions])
    empty.total_actions = len(actions)
    empty.impacts = impacts
    return empty


def _months_before(day: dt.date, months: int) -> dt.date:
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1

    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )
