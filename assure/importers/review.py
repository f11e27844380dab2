"""What the business manager should check before an imported plan is saved."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from assure.accounts.models import Partnership
from assure.plans.services import lead_match

from .timescales import parse_timescale


@dataclass
class ActionReview:
    """One action as read, with everything uncertain about it."""

    priority_index: int
    action_index: int
    data: dict[str, Any]
    flags: list[str] = field(default_factory=list)


@dataclass
class PriorityReview:
    index: int
    data: dict[str, Any]
    actions: list[ActionReview]


@dataclass
class PlanReview:
    priorities: list[PriorityReview]
    document_problems: list[dict[str, str]]

    @property
    def action_count(self) -> int:
        return sum(len(p.actions) for p in self.priorities)

    @property
    def flagged_count(self) -> int:
        return sum(1 for p in self.priorities for a in p.actions if a.flags)


def _period(plan: dict[str, Any]) -> tuple[dt.date | None, dt.date | None]:
    period = plan.get("period") or {}
    try:
        return (
            dt.date.fromisoformat(period["start"]),
            dt.date.fromisoformat(period["end"]),
        )
    except (KeyError, TypeError, ValueError):
        return None, None


def plan_review(
    *, plan: dict[str, Any], problems: list[dict[str, str]], partnership: Partnership
) -> PlanReview:
    """Flag leads that match nobody, timescales with no date and dates outside the period."""
    people = list(partnership.people.all())
    groups = list(partnership.groups.all())
    agencies = list(partnership.agencies.all())
    start, end = _period(plan)
    priorities = []
    for p_index, priority in enumerate(plan.get("priorities", [])):
        reviews = []
        for a_index, action in enumerate(priority.get("actions", [])):
            flags = []
            for lead in action.get("leads") or []:
                person, group, agency = lead_match(
                    text=lead, people=people, groups=groups, agencies=agencies
                )
                if not (person or group or agency):
                    flags.append(f"Lead “{lead}” matches nobody in the partnership yet")
            if not action.get("leads"):
                flags.append("No lead named")
            due = action.get("due")
            if due and not due.get("date"):
                timescale = parse_timescale(
                    due["text"], period_start=start, period_end=end
                )
                if not timescale.is_open_ended:
                    flags.append(f"The timescale “{due['text']}” gave no date")
            if due and due.get("date") and start and end:
                date = dt.date.fromisoformat(due["date"])
                if not start <= date <= end:
                    flags.append("The due date is outside the plan's period")
            reviews.append(ActionReview(p_index, a_index, action, flags))
        priorities.append(PriorityReview(p_index, priority, reviews))
    named = (plan.get("partnership") or "").lower()
    area = (partnership.area_name or partnership.short_name or "").lower()
    if area and named and area not in named and "unknown" not in named:
        problems = [
            {
                "where": "the document",
                "message": (
                    f"It names “{plan.get('partnership')}”, not {partnership.name}: "
                    "check this is your partnership's plan."
                ),
                "kind": "other_partnership",
            },
            *problems,
        ]
    return PlanReview(priorities=priorities, document_problems=problems)
