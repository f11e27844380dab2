"""Calendar feed links and the reminders already sent."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q

from assure.accounts.models import Partnership
from assure.core.models import BaseModel
from assure.plans.models import Action


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class FeedToken(BaseModel):
    """A secret link to a calendar of actions; anyone with the link can read it."""

    class Scope(models.TextChoices):
        PARTNERSHIP = "partnership", "Every action in the plan"
        LEAD = "lead", "Only the actions I lead"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feed_tokens"
    )
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="feed_tokens"
    )
    scope = models.CharField(max_length=20, choices=Scope, default=Scope.PARTNERSHIP)
    token = models.CharField(
        max_length=64, unique=True, default=_new_token, editable=False
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_scope_display()} feed of {self.owner} ({self.partnership})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class ReminderSent(models.Model):
    """One reminder emailed to one lead about one action, so it is not repeated."""

    class Kind(models.TextChoices):
        OVERDUE = "overdue", "Overdue"
        DUE_SOON = "due_soon", "Due soon"
        SILENT = "silent", "No recent update"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reminders_sent",
    )
    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="reminders_sent"
    )
    kind = models.CharField(max_length=20, choices=Kind)
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["-sent_at", "-pk"]
        indexes = [models.Index(fields=["user", "action", "kind", "sent_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["overdue", "due_soon", "silent"]),
                name="reminder_sent_kind_known",
            )
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_kind_display()} reminder to {self.user} about {self.action_id}"
        )
