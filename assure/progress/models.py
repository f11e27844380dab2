"""Progress updates: dated, appended, never edited."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from assure.core.models import BaseModel
from assure.plans.models import Action


class Status(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    OFF_TRACK = "off_track", "Off track"
    COMPLETE = "complete", "Complete"
    DEFERRED = "deferred", "Deferred"
    CANCELLED = "cancelled", "Cancelled"


# Statuses that need a reason beside them.
STATUSES_NEEDING_REASON = (Status.AT_RISK, Status.OFF_TRACK)
# Statuses that end an action: it is no longer overdue, due soon or silent.
CLOSED_STATUSES = (Status.COMPLETE, Status.CANCELLED)


class ProgressUpdate(BaseModel):
    """What has happened on an action, on a date, and the status it gives it."""

    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="progress_updates"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="progress_updates",
    )
    update_date = models.DateField("date of update")
    status = models.CharField(max_length=20, choices=Status)
    narrative = models.TextField("what has happened")
    reason = models.TextField(blank=True)
    impact = models.TextField("evidence of impact", blank=True)

    class Meta:
        ordering = ["-update_date", "-created_at", "-pk"]
        get_latest_by = ["update_date", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status__in=STATUSES_NEEDING_REASON) | ~Q(reason=""),
                name="progress_reason_when_at_risk_or_off_track",
            )
        ]

    def __str__(self) -> str:
        return f"{self.action} – {self.get_status_display()} on {self.update_date}"
