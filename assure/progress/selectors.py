"""Reads that join actions to their progress: status, overdue, due soon, silent."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import (
    Case,
    CharField,
    DateField,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from assure.accounts.models import User
from assure.plans.models import Action, Plan, Priority

from .models import CLOSED_STATUSES, ProgressUpdate, Status
from .status import STATUS_ORDER


def _latest(*, as_at: dt.date | None = None) -> QuerySet[ProgressUpdate]:
    updates = ProgressUpdate.objects.filter(action=OuterRef("pk"))
    if as_at is not None:
        updates = updates.filter(update_date__lte=as_at)
    return updates.order_by("-update_date", "-created_at", "-pk")


def action_annotate_status(
    actions: QuerySet[Action], *, as_at: dt.date | None = None
) -> QuerySet[Action]:
    """Add current_status, last_update_date and heard_date (as at a date, if given)."""
    latest = _latest(as_at=as_at)
    return actions.annotate(
        current_status=Coalesce(
            Subquery(latest.values("status")[:1], output_field=CharField()),
            Value(Status.NOT_STARTED),
            output_field=CharField(),
        ),
        last_update_date=Subquery(
            latest.values("update_date")[:1], output_field=DateField()
        ),
        latest_update_id=Subquery(latest.values("pk")[:1], output_field=IntegerField()),
    ).annotate(
        heard_date=Coalesce(
            F("last_update_date"),
            F("priority__plan__period_start_date"),
            output_field=DateField(),
        ),
        status_rank=Case(
            *[
                When(current_status=s, then=Value(i))
                for i, s in enumerate(STATUS_ORDER)
            ],
            default=Value(len(STATUS_ORDER)),
            output_field=IntegerField(),
        ),
    )


def action_list_for_plan(
    *, plan: Plan, as_at: dt.date | None = None
) -> QuerySet[Action]:
    """Every action of a plan with its status, leads and priority loaded."""
    actions = (
        Action.objects.filter(priority__plan=plan)
        .select_related("priority", "priority__plan", "priority__plan__partnership")
        .prefetch_related("leads", "leads__person", "leads__group", "leads__agency")
    )
    return action_annotate_status(actions, as_at=as_at).order_by(
        "priority__position", "position", "pk"
    )


def open_q() -> Q:
    return ~Q(current_status__in=CLOSED_STATUSES)


def overdue_q(*, today: dt.date) -> Q:
    return open_q() & Q(due_date__lt=today)


def due_within_q(*, today: dt.date, days: int) -> Q:
    return open_q() & Q(
        due_date__gte=today, due_date__lte=today + dt.timedelta(days=days)
    )


def silent_q(*, today: dt.date, days: int | None = None) -> Q:
    days = settings.ASSURE_SILENT_DAYS if days is None else days
    return open_q() & Q(heard_date__lt=today - dt.timedelta(days=days))


def plan_get_current(*, partnership) -> Plan | None:
    """The plan the partnership works to: the newest approved one, else the newest draft."""
    plans = partnership.plans.exclude(status=Plan.Status.ARCHIVED)
    return plans.filter(status=Plan.Status.APPROVED).first() or plans.first()


@dataclass
class Rollup:
    """How many actions have each status, and how far through they are."""

    counts: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def percent_complete(self) -> int:
        countable = self.total - self.counts[Status.CANCELLED]
        if not countable:
            return 0
        return round(100 * self.counts[Status.COMPLETE] / countable)

    def ordered(self) -> list[tuple[str, int]]:
        return [(s, self.counts[s]) for s in STATUS_ORDER if self.counts[s]]


def rollup_of(actions) -> Rollup:
    return Rollup(Counter(a.current_status for a in actions))


@dataclass
class PriorityRollup:
    priority: Priority
    actions: list[Action]
    rollup: Rollup


def priority_rollups(
    *, plan: Plan, as_at: dt.date | None = None
) -> list[PriorityRollup]:
    """Each priority of a plan with its actions and their status roll-up."""
    actions = list(action_list_for_plan(plan=plan, as_at=as_at))
    by_priority: dict[int, list[Action]] = {}
    for action in actions:
        by_priority.setdefault(action.priority_id, []).append(action)
    return [
        PriorityRollup(
            p, by_priority.get(p.pk, []), rollup_of(by_priority.get(p.pk, []))
        )
        for p in plan.priorities.order_by("position", "pk")
    ]


@dataclass
class Dashboard:
    plan: Plan | None
    rollup: Rollup
    overdue: list[Action]
    due_soon: list[Action]
    silent: list[Action]
    recent_updates: list[ProgressUpdate]


def dashboard_get(*, partnership, today: dt.date) -> Dashboard:
    """What the business manager needs to see first."""
    plan = plan_get_current(partnership=partnership)
    if plan is None:
        return Dashboard(None, Rollup(), [], [], [], [])
    actions = action_list_for_plan(plan=plan)
    recent = (
        ProgressUpdate.objects.filter(action__priority__plan=plan)
        .select_related("action", "author", "action__priority")
        .order_by("-update_date", "-created_at")[:10]
    )
    return Dashboard(
        plan=plan,
        rollup=rollup_of(actions),
        overdue=list(actions.filter(overdue_q(today=today)).order_by("due_date", "pk")),
        due_soon=list(
            actions.filter(due_within_q(today=today, days=30)).order_by(
                "due_date", "pk"
            )
        ),
        silent=list(actions.filter(silent_q(today=today)).order_by("heard_date", "pk")),
        recent_updates=list(recent),
    )


def action_list_led_by(*, user: User, partnership) -> QuerySet[Action]:
    """Actions whose leads are linked to the user, in the partnership's open plans."""
    actions = (
        Action.objects.filter(
            lead_q(user=user), priority__plan__partnership=partnership
        )
        .exclude(priority__plan__status=Plan.Status.ARCHIVED)
        .distinct()
    )
    return action_annotate_status(
        actions.select_related("priority", "priority__plan").prefetch_related("leads")
    )


def my_actions(*, user: User, partnership, today: dt.date) -> list[Action]:
    """The user's actions: overdue first, then due within 30 days, then the rest."""
    actions = list(action_list_led_by(user=user, partnership=partnership))
    soon = today + dt.timedelta(days=30)

    def key(action: Action):
        closed = action.current_status in CLOSED_STATUSES
        if closed:
            group = 3
        elif action.due_date and action.due_date < today:
            group = 0
        elif action.due_date and action.due_date <= soon:
            group = 1
        else:
            group = 2
        return (
            group,
            action.due_date or dt.date.max,
            action.priority.position,
            action.position,
        )

    return sorted(actions, key=key)


def lead_q(*, user: User) -> Q:
    """Actions the user leads: named as a lead, or chairing a group that leads."""
    return Q(leads__person__user=user) | Q(leads__group__chair__user=user)


def action_can_record_progress(*, action: Action, user: User, role: str | None) -> bool:
    """The business manager, and a lead on an action they lead, may record progress."""
    from assure.accounts.models import Membership

    if role == Membership.Role.MANAGER:
        return True
    return role == Membership.Role.LEAD and action_is_led_by(action=action, user=user)


def action_is_led_by(*, action: Action, user: User) -> bool:
    if not user.is_authenticated:
        return False
    return Action.objects.filter(lead_q(user=user), pk=action.pk).exists()


def progress_update_list(*, action: Action) -> QuerySet[ProgressUpdate]:
    """An action's updates, newest first."""
    return action.progress_updates.select_related("author").order_by(
        "-update_date", "-created_at", "-pk"
    )


@dataclass
class MeetingPackItem:
    action: Action
    latest: ProgressUpdate | None
    is_stale: bool  # no update since the previous meeting


def meeting_pack(
    *, plan: Plan, meeting_date: dt.date, previous_meeting_date: dt.date
) -> list[tuple[Priority, list[MeetingPackItem]]]:
    """Every open action as at the meeting, with its latest update, by priority."""
    actions = action_list_for_plan(plan=plan, as_at=meeting_date).filter(open_q())
    actions = list(actions)
    updates = ProgressUpdate.objects.in_bulk(
        [a.latest_update_id for a in actions if a.latest_update_id]
    )
    sections: dict[int, tuple[Priority, list[MeetingPackItem]]] = {}
    for action in actions:
        latest = updates.get(action.latest_update_id)
        stale = latest is None or latest.update_date <= previous_meeting_date
        sections.setdefault(action.priority_id, (action.priority, []))[1].append(
            MeetingPackItem(action, latest, stale)
        )
    return list(sections.values())
