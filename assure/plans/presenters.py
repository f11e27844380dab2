"""Plans and actions as people read them: words, GOV.UK dates, tags."""

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse

from assure.core.formatting import govuk_date
from assure.progress.models import CLOSED_STATUSES
from assure.progress.selectors import Rollup
from assure.progress.status import STATUS_ORDER, status_style, status_tag

from .models import Action, Plan


def due_words(action: Action) -> str:
    """'31 December 2017 (end of Q3)', 'Ongoing', or 'No timescale'."""
    if action.due_date and action.due_text:
        date_words = govuk_date(action.due_date)
        if action.due_text.strip().lower() == date_words.lower():
            return date_words
        return f"{date_words} ({action.due_text})"
    if action.due_date:
        return govuk_date(action.due_date)
    return action.due_text or "No timescale"


def lead_words(action: Action) -> str:
    leads = [lead.text for lead in action.leads.all()]
    return "; ".join(leads) if leads else "No lead named"


@dataclass
class ActionRow:
    pk: int
    ref: str
    text: str
    short_text: str
    priority: str
    leads: str
    due: str
    due_date: dt.date | None
    status_tag: dict
    status: str
    last_update: str
    url: str
    is_overdue: bool
    is_closed: bool


def action_row(action: Action, *, today: dt.date) -> ActionRow:
    status = getattr(action, "current_status", None) or "not_started"
    closed = status in CLOSED_STATUSES
    slug = action.priority.plan.partnership.slug
    return ActionRow(
        pk=action.pk,
        ref=action.ref,
        text=action.text,
        short_text=action.short_text,
        priority=f"{action.priority.ref}. {action.priority.title}",
        leads=lead_words(action),
        due=due_words(action),
        due_date=action.due_date,
        status_tag=status_tag(status),
        status=status,
        last_update=govuk_date(getattr(action, "last_update_date", None), "No updates"),
        url=reverse(
            "plans:action_detail", kwargs={"partnership": slug, "pk": action.pk}
        ),
        is_overdue=bool(not closed and action.due_date and action.due_date < today),
        is_closed=closed,
    )


def rollup_bar(rollup: Rollup, *, label: str) -> dict:
    """Params for appRollupBar."""
    total = rollup.total or 1
    segments = []
    for status in STATUS_ORDER:
        count = rollup.counts[status]
        if count:
            style = status_style(status)
            segments.append(
                {
                    "label": style.label,
                    "count": count,
                    "colour": style.colour,
                    "percent": round(100 * count / total, 2),
                }
            )
    words = ", ".join(f"{s['count']} {s['label'].lower()}" for s in segments)
    return {"label": f"{label}: {words or 'no actions'}", "segments": segments}


def plan_period(plan: Plan) -> str:
    if plan.period_start_date and plan.period_end_date:
        return f"{govuk_date(plan.period_start_date)} to {govuk_date(plan.period_end_date)}"
    return "No period given"
