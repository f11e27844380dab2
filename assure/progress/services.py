"""Recording progress: updates are appended, never edited or deleted."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from assure.accounts.models import User
from assure.plans.models import Action

from .models import STATUSES_NEEDING_REASON, ProgressUpdate, Status


@transaction.atomic
def progress_update_record(
    *,
    action: Action,
    author: User,
    status: str,
    narrative: str,
    reason: str = "",
    impact: str = "",
    update_date: dt.date | None = None,
) -> ProgressUpdate:
    """Add a progress update to an action. Earlier updates are never changed."""
    today = timezone.localdate()
    update_date = update_date or today
    errors: dict[str, str] = {}
    if status not in Status.values:
        errors["status"] = "Choose a status"
    if not narrative.strip():
        errors["narrative"] = "Enter what has happened"
    if status in STATUSES_NEEDING_REASON and not reason.strip():
        errors["reason"] = "Enter why the action is at risk or off track"
    if update_date > today:
        errors["update_date"] = "The date of the update must be today or in the past"
    if errors:
        raise ValidationError(errors)
    update = ProgressUpdate(
        action=action,
        author=author,
        update_date=update_date,
        status=status,
        narrative=narrative.strip(),
        reason=reason.strip(),
        impact=impact.strip(),
    )
    update.full_clean()
    update.save()
    return update
