"""Email each lead about their actions that are overdue, due soon or silent.

`reminder_list_build` decides who hears about what (and reads what was sent before);
`reminders_send` emails and records it, so the same reminder is not repeated within the
interval. `assure remind` runs it; docs/how-to/reminders.md shows the cron line.
"""

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from assure.accounts.models import Membership, User
from assure.core.formatting import govuk_date, pluralise
from assure.plans.models import Action, Plan
from assure.plans.presenters import due_words
from assure.progress.selectors import (
    action_annotate_status,
    due_within_q,
    overdue_q,
    silent_q,
)
from assure.progress.status import status_style

from .models import ReminderSent

logger = logging.getLogger(__name__)

Kind = ReminderSent.Kind
KIND_HEADINGS = {
    Kind.OVERDUE: "Overdue",
    Kind.DUE_SOON: "Due soon",
    Kind.SILENT: "No update for a while",
}


@dataclass
class ReminderItem:
    action_pk: int
    kind: str
    label: str
    partnership_name: str
    due: str
    status: str
    last_update: str
    link: str


@dataclass
class ReminderEmail:
    user: User
    items: list[ReminderItem] = field(default_factory=list)


@dataclass
class ReminderRun:
    emails: list[ReminderEmail]
    skipped: int  # reminders held back because one was sent within the interval
    dry_run: bool

    @property
    def item_count(self) -> int:
        return sum(len(e.items) for e in self.emails)

    def summary(self) -> str:
        verb = "Would send" if self.dry_run else "Sent"
        return (
            f"{verb} {pluralise(len(self.emails), 'email')} about "
            f"{pluralise(self.item_count, 'action')}; "
            f"{self.skipped} already reminded within the interval."
        )


def _kind(action: Action, *, today: dt.date, due_within: int) -> str:
    if action.due_date and action.due_date < today:
        return Kind.OVERDUE
    if action.due_date and action.due_date <= today + dt.timedelta(days=due_within):
        return Kind.DUE_SOON
    return Kind.SILENT


def _lead_users(action: Action) -> list[User]:
    users = []
    for lead in action.leads.all():
        if lead.person and lead.person.user:
            users.append(lead.person.user)
        if lead.group and lead.group.chair and lead.group.chair.user:
            users.append(lead.group.chair.user)
    return users


def reminder_list_build(
    *,
    today: dt.date,
    due_within: int = 14,
    silent_days: int = 90,
    interval_days: int = 7,
    now: dt.datetime | None = None,
) -> ReminderRun:
    """Who should hear about which actions today, leaving out recent repeats."""
    now = now or timezone.now()
    actions = (
        action_annotate_status(
            Action.objects.exclude(priority__plan__status=Plan.Status.ARCHIVED)
            .filter(
                Q(leads__person__user__isnull=False)
                | Q(leads__group__chair__user__isnull=False)
            )
            .distinct()
            .select_related("priority__plan__partnership")
            .prefetch_related("leads__person__user", "leads__group__chair__user")
        )
        .filter(
            overdue_q(today=today)
            | due_within_q(today=today, days=due_within)
            | silent_q(today=today, days=silent_days)
        )
        .order_by("due_date", "pk")
    )
    members = set(Membership.objects.values_list("user_id", "partnership_id"))
    recent = set(
        ReminderSent.objects.filter(
            sent_at__gte=now - dt.timedelta(days=interval_days)
        ).values_list("user_id", "action_id", "kind")
    )
    site = settings.SITE_URL.rstrip("/")
    emails: dict[int, ReminderEmail] = {}
    skipped = 0
    for action in actions:
        kind = _kind(action, today=today, due_within=due_within)
        partnership = action.priority.plan.partnership
        for user in {u.pk: u for u in _lead_users(action)}.values():
            if not (user.is_active and user.email):
                continue
            if not user.is_superuser and (user.pk, partnership.pk) not in members:
                continue
            if (user.pk, action.pk, str(kind)) in recent:
                skipped += 1
                continue
            path = reverse(
                "progress:record_progress",
                kwargs={"partnership": partnership.slug, "action_pk": action.pk},
            )
            emails.setdefault(user.pk, ReminderEmail(user)).items.append(
                ReminderItem(
                    action_pk=action.pk,
                    kind=str(kind),
                    label=f"{action.ref} {action.text}".strip(),
                    partnership_name=partnership.display_name,
                    due=due_words(action),
                    status=status_style(action.current_status).label,
                    last_update=govuk_date(action.last_update_date, "none yet"),
                    link=f"{site}{path}",
                )
            )
    return ReminderRun(list(emails.values()), skipped, dry_run=True)


def reminder_email_text(email: ReminderEmail, *, interval_days: int) -> tuple[str, str]:
    """Subject and plain-text body of one lead's reminder."""
    count = len(email.items)
    subject = f"Assure: {pluralise(count, 'action')} you lead need{'s' if count == 1 else ''} an update"
    lines = [
        f"Hello {email.user.display_name},",
        "",
        "These actions you lead need an update in Assure.",
        "",
    ]
    for kind, heading in KIND_HEADINGS.items():
        items = [i for i in email.items if i.kind == kind]
        if not items:
            continue
        lines += [f"{heading} ({len(items)})", ""]
        for item in items:
            lines += [
                f"- {item.label} ({item.partnership_name})",
                f"  Due: {item.due}. Status: {item.status}. "
                f"Last update: {item.last_update}.",
                f"  Record progress: {item.link}",
                "",
            ]
    lines += [
        "You get this email because you are named as the lead of these actions, or "
        "chair a group that leads them. We will not remind you about the same action "
        f"for the same reason again within {pluralise(interval_days, 'day')}.",
        "",
        "Assure",
    ]
    return subject, "\n".join(lines)


def reminders_send(
    *,
    today: dt.date | None = None,
    due_within: int = 14,
    silent_days: int = 90,
    interval_days: int = 7,
    dry_run: bool = False,
) -> ReminderRun:
    """Email each lead once about their actions, and record what was sent."""
    now = timezone.now()
    today = today or timezone.localdate()
    run = reminder_list_build(
        today=today,
        due_within=due_within,
        silent_days=silent_days,
        interval_days=interval_days,
        now=now,
    )
    run.dry_run = dry_run
    if dry_run:
        return run
    connection = get_connection()
    for email in run.emails:
        subject, body = reminder_email_text(email, interval_days=interval_days)
        with transaction.atomic():
            EmailMessage(
                subject,
                body,
                settings.DEFAULT_FROM_EMAIL,
                [email.user.email],
                connection=connection,
            ).send()
            ReminderSent.objects.bulk_create(
                [
                    ReminderSent(
                        user=email.user,
                        action_id=item.action_pk,
                        kind=item.kind,
                        sent_at=now,
                    )
                    for item in email.items
                ]
            )
        logger.info(
            "Sent reminder to user %s about %s actions", email.user.pk, len(email.items)
        )
    return run
