"""Build plan exports as plain data: spreadsheet rows and calendar events.

`renderers/sheets.py` and `renderers/ics.py` turn these into files and never query.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from assure.accounts.models import Partnership, User
from assure.plans.models import Action, Plan
from assure.plans.presenters import lead_words
from assure.progress.models import ProgressUpdate
from assure.progress.selectors import action_list_for_plan, action_list_led_by
from assure.progress.status import status_style

# One column per plan/1 action field, its priority, and where it stands now.
COLUMNS: list[tuple[str, str]] = [
    ("priority_ref", "Priority ref"),
    ("priority_title", "Priority"),
    ("priority_aim", "Priority aim"),
    ("ref", "Action ref"),
    ("text", "Action"),
    ("objective", "Objective"),
    ("leads", "Leads"),
    ("due_text", "Timescale as written"),
    ("due_date", "Due date"),
    ("start_date", "Start date"),
    ("recurrence", "Recurs"),
    ("outputs", "Outputs"),
    ("monitoring", "Monitoring"),
    ("category", "Category"),
    ("progress", "Progress as written in the plan"),
    ("status", "Current status"),
    ("rag", "RAG"),
    ("latest_update_date", "Latest update date"),
    ("latest_update", "Latest update"),
    ("latest_reason", "Reason"),
]
DATE_COLUMNS = {"due_date", "start_date", "latest_update_date"}


@dataclass
class PlanExport:
    """A plan as a table: one row per action, values keyed by COLUMNS."""

    partnership_name: str
    plan_title: str
    columns: list[tuple[str, str]]
    rows: list[dict]


RRULES = {
    Action.Recurrence.MONTHLY: {"FREQ": "MONTHLY"},
    Action.Recurrence.QUARTERLY: {"FREQ": "MONTHLY", "INTERVAL": 3},
    Action.Recurrence.TWICE_YEARLY: {"FREQ": "MONTHLY", "INTERVAL": 6},
    Action.Recurrence.YEARLY: {"FREQ": "YEARLY"},
}


@dataclass
class CalendarEvent:
    uid: str
    summary: str
    description: str
    due_date: dt.date
    url: str
    rrule: dict | None = None
    until: dt.date | None = None


@dataclass
class ActionCalendar:
    name: str
    events: list[CalendarEvent]
    stamp: dt.datetime = field(default_factory=timezone.now)


def _latest_updates(actions: list[Action]) -> dict[int, ProgressUpdate]:
    return ProgressUpdate.objects.in_bulk(
        [a.latest_update_id for a in actions if getattr(a, "latest_update_id", None)]
    )


def plan_export_build(*, plan: Plan) -> PlanExport:
    """Every action of the plan with its priority and current status."""
    actions = list(action_list_for_plan(plan=plan))
    updates = _latest_updates(actions)
    rows = []
    for action in actions:
        latest = updates.get(action.latest_update_id)
        style = status_style(action.current_status)
        rows.append(
            {
                "priority_ref": action.priority.ref,
                "priority_title": action.priority.title,
                "priority_aim": action.priority.aim,
                "ref": action.ref,
                "text": action.text,
                "objective": action.objective,
                "leads": "; ".join(lead.text for lead in action.leads.all()),
                "due_text": action.due_text,
                "due_date": action.due_date,
                "start_date": action.start_date,
                "recurrence": action.get_recurrence_display()
                if action.recurrence
                else "",
                "outputs": "\n".join(action.outputs),
                "monitoring": action.monitoring,
                "category": action.category,
                "progress": action.progress_as_written,
                "status": style.label,
                "rag": style.rag,
                "latest_update_date": latest.update_date if latest else None,
                "latest_update": latest.narrative if latest else "",
                "latest_reason": latest.reason if latest else "",
            }
        )
    return PlanExport(
        partnership_name=plan.partnership.name,
        plan_title=plan.title,
        columns=list(COLUMNS),
        rows=rows,
    )


def _events(actions: list[Action]) -> list[CalendarEvent]:
    host = settings.SITE_URL.rstrip("/")
    domain = host.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "assure"
    events = []
    for action in actions:
        if action.due_date is None:
            continue
        plan = action.priority.plan
        path = reverse(
            "plans:action_detail",
            kwargs={"partnership": plan.partnership.slug, "pk": action.pk},
        )
        status = status_style(getattr(action, "current_status", None)).label
        label = f"{action.ref} {action.short_text}".strip()
        events.append(
            CalendarEvent(
                uid=f"action-{action.pk}@{domain}",
                summary=f"Due: {label}",
                description=(
                    f"{action.text}\n\nLead: {lead_words(action)}\n"
                    f"Status: {status}\nTimescale: {action.due_text or 'not given'}\n"
                    f"Plan: {plan.title}\n{host}{path}"
                ),
                due_date=action.due_date,
                url=f"{host}{path}",
                rrule=RRULES.get(action.recurrence),
                until=plan.period_end_date if action.recurrence in RRULES else None,
            )
        )
    return events


def calendar_for_plan(*, plan: Plan) -> ActionCalendar:
    """One event per action with a due date, in the plan."""
    return ActionCalendar(
        name=f"{plan.partnership.display_name}: {plan.title}",
        events=_events(list(action_list_for_plan(plan=plan))),
    )


def calendar_for_lead(*, user: User, partnership: Partnership) -> ActionCalendar:
    """One event per action the user leads, with a due date, in open plans."""
    actions: QuerySet[Action] = action_list_led_by(user=user, partnership=partnership)
    actions = actions.select_related("priority__plan__partnership").order_by(
        "due_date", "pk"
    )
    return ActionCalendar(
        name=f"{partnership.display_name}: actions led by {user.display_name}",
        events=_events(list(actions)),
    )


def calendar_for_partnership(*, partnership: Partnership) -> ActionCalendar:
    """The calendar of the plan the partnership works to; empty when it has none."""
    from assure.progress.selectors import plan_get_current

    plan = plan_get_current(partnership=partnership)
    if plan is None:
        return ActionCalendar(name=f"{partnership.display_name}: no plan", events=[])
    return calendar_for_plan(plan=plan)
