"""An uploaded plan document while the business manager checks what was read."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from assure.accounts.models import Partnership
from assure.core.models import BaseModel


class ImportDraft(BaseModel):
    """A document being read and checked; it becomes a plan only when confirmed."""

    class Status(models.TextChoices):
        READING = "reading", "Reading"
        READY = "ready", "Ready to check"
        FAILED = "failed", "Could not be read"
        SAVED = "saved", "Saved as a plan"

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="import_drafts"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_drafts"
    )
    filename = models.CharField(max_length=255)
    document = models.FileField(upload_to="imports/%Y/")
    status = models.CharField(max_length=10, choices=Status, default=Status.READING)
    error = models.TextField(blank=True)
    plan_data = models.JSONField(null=True, blank=True)
    problems = models.JSONField(default=list, blank=True)
    read_seconds = models.FloatField(null=True, blank=True)
    plan = models.ForeignKey(
        "plans.Plan", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.filename

    def get_absolute_url(self) -> str:
        return reverse(
            "importers:preview",
            kwargs={"partnership": self.partnership.slug, "pk": self.pk},
        )
