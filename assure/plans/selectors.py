"""Reads about plans: lists, history of changes, timescales."""

import datetime as dt
from dataclasses import dataclass
from itertools import chain

from django.db.models import QuerySet

from assure.accounts.models import Partnership

from .models import Action, ActionLead, Plan, Priority


def action_get_or_404(*, partnership: Partnership, pk: int) -> Action:
    """One of the partnership's actions, or 404: no URL reaches another's."""
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        Action.objects.select_related("priority__plan__partnership"),
        priority__plan__partnership=partnership,
        pk=pk,
    )


def plan_list(*, partnership: Partnership) -> QuerySet[Plan]:
    return partnership.plans.all()


def timescale_due_date(*, text: str, plan: Plan) -> dt.date | None:
    """The due date a timescale as written means, by the plan's period."""
    from assure.importers.timescales import parse_timescale

    return parse_timescale(
        text, period_start=plan.period_start_date, period_end=plan.period_end_date
    ).date


@dataclass
class Change:
    """One change to plan data, as the history page shows it."""

    when: dt.datetime
    who: str
    what: str
    details: list[str]


_LABELS = {Plan: "plan", Priority: "priority", Action: "action", ActionLead: "lead"}
_VERBS = {"+": "Added", "~": "Changed", "-": "Removed"}
_HIDDEN_FIELDS = {"updated_at", "created_at", "position"}


def _describe(record, kind: str) -> Change:
    name = getattr(record, "ref", "") or ""
    title = getattr(record, "title", "") or getattr(record, "text", "") or ""
    label = f"{kind} {name} {title[:60]}".replace("  ", " ").strip()
    details = []
    if record.history_type == "~":
        previous = record.prev_record
        if previous is not None:
            delta = record.diff_against(previous)
            for change in delta.changes:
                if change.field in _HIDDEN_FIELDS:
                    continue
                old = _related(record, change.field, change.old)
                new = _related(record, change.field, change.new)
                details.append(
                    f"{change.field.replace('_', ' ')}: "
                    f"“{_short(old)}” to “{_short(new)}”"
                )
    user = record.history_user
    return Change(
        when=record.history_date,
        who=(user.display_name if user else "Assure (import or command line)"),
        what=f"{_VERBS.get(record.history_type, 'Changed')} {label}",
        details=details,
    )


def _related(record, field_name: str, value):
    """A linked person, group or agency by name, not by its database ID."""
    field = record.instance_type._meta.get_field(field_name)
    if value is None or not field.is_relation:
        return value
    return field.related_model._default_manager.filter(pk=value).first() or value


def _short(value) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 80 else text[:77] + "…"


class _LazyChanges:
    """A sliceable list of changes that describes only the rows a page shows."""

    def __init__(self, records: list[tuple]):
        self._records = records

    def __len__(self) -> int:
        return len(self._records)

    def count(self) -> int:
        return len(self._records)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [_describe(r, k) for r, k in self._records[index]]
        record, kind = self._records[index]
        return _describe(record, kind)


def change_list(*, partnership: Partnership, limit: int = 2000) -> _LazyChanges:
    """Every change to the partnership's plan data, newest first."""
    plans = Plan.history.filter(partnership_id=partnership.pk)
    plan_ids = set(plans.values_list("id", flat=True))
    priorities = Priority.history.filter(plan_id__in=plan_ids)
    priority_ids = set(priorities.values_list("id", flat=True))
    actions = Action.history.filter(priority_id__in=priority_ids)
    action_ids = set(actions.values_list("id", flat=True))
    leads = ActionLead.history.filter(action_id__in=action_ids)
    tagged = chain(
        (
            (r, "Plan")
            for r in plans.select_related("history_user").order_by("-history_date")[
                :limit
            ]
        ),
        (
            (r, "Priority")
            for r in priorities.select_related("history_user").order_by(
                "-history_date"
            )[:limit]
        ),
        (
            (r, "Action")
            for r in actions.select_related("history_user").order_by("-history_date")[
                :limit
            ]
        ),
        (
            (r, "Lead")
            for r in leads.select_related("history_user").order_by("-history_date")[
                :limit
            ]
        ),
    )
    records = sorted(tagged, key=lambda pair: pair[0].history_date, reverse=True)[
        :limit
    ]
    return _LazyChanges(records)


def action_history(*, action: Action) -> list[Change]:
    """The changes to one action and its leads, newest first."""
    records = [(r, "Action") for r in action.history.select_related("history_user")]
    records += [
        (r, "Lead")
        for r in ActionLead.history.filter(action_id=action.pk).select_related(
            "history_user"
        )
    ]
    records.sort(key=lambda pair: pair[0].history_date, reverse=True)
    return [_describe(r, k) for r, k in records[:100]]
