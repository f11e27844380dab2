"""A partnership's business plan: priorities, actions and who leads them."""

import datetime as dt

from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from assure.accounts.models import Agency, Group, Partnership, Person
from assure.core.models import BaseModel


class Plan(BaseModel):
    """One version of a partnership's business plan."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        APPROVED = "approved", "Approved"
        ARCHIVED = "archived", "Archived"

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="plans"
    )
    title = models.CharField(max_length=300)
    partnership_name_as_written = models.CharField(
        max_length=300,
        blank=True,
        help_text="The board or partnership as the document names it.",
    )
    period_start_date = models.DateField(null=True, blank=True)
    period_end_date = models.DateField(null=True, blank=True)
    version = models.CharField(max_length=80, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    is_published = models.BooleanField(
        "published",
        default=False,
        help_text="Published plans can be read by anyone, without internal narratives.",
    )
    source_name = models.CharField(max_length=255, blank=True)
    source_file = models.FileField(upload_to="plans/sources/%Y/", blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_start_date", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end_date__isnull=True)
                | Q(period_start_date__isnull=True)
                | Q(period_end_date__gte=models.F("period_start_date")),
                name="plan_period_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "plans:plan_detail",
            kwargs={"partnership": self.partnership.slug, "pk": self.pk},
        )


class Priority(BaseModel):
    """A theme or strategic aim of the plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="priorities")
    ref = models.CharField(max_length=20)
    title = models.TextField()
    aim = models.TextField(blank=True)
    measures = models.JSONField(default=list, blank=True)
    position = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "position", "pk"]
        verbose_name_plural = "priorities"

    def __str__(self) -> str:
        return f"Priority {self.ref}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse(
            "plans:priority_detail",
            kwargs={"partnership": self.plan.partnership.slug, "pk": self.pk},
        )


class ActionQuerySet(models.QuerySet):
    def for_partnership(self, partnership: Partnership) -> "ActionQuerySet":
        return self.filter(priority__plan__partnership=partnership)


class Action(BaseModel):
    """Something the partnership will do, with a lead and a timescale."""

    class Recurrence(models.TextChoices):
        MONTHLY = "monthly", "Monthly"
        QUARTERLY = "quarterly", "Quarterly"
        TWICE_YEARLY = "twice_yearly", "Twice yearly"
        YEARLY = "yearly", "Yearly"
        ONGOING = "ongoing", "Ongoing"

    priority = models.ForeignKey(
        Priority, on_delete=models.CASCADE, related_name="actions"
    )
    ref = models.CharField(max_length=20, blank=True)
    text = models.TextField()
    objective = models.TextField(blank=True)
    outputs = models.JSONField(default=list, blank=True)
    monitoring = models.TextField(blank=True)
    category = models.CharField(max_length=200, blank=True)
    progress_as_written = models.TextField(
        blank=True, help_text="Progress recorded in the plan document itself."
    )
    due_text = models.CharField("timescale as written", max_length=500, blank=True)
    due_date = models.DateField(null=True, blank=True)
    start_date = models.DateField(null=True, blank=True)
    recurrence = models.CharField(max_length=20, choices=Recurrence, blank=True)
    position = models.PositiveIntegerField(default=0)

    objects = ActionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["priority__position", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(due_date__isnull=True)
                | Q(due_date__gte=models.F("start_date")),
                name="action_starts_before_due",
            )
        ]

    def __str__(self) -> str:
        return f"{self.ref} {self.short_text}".strip()

    def get_absolute_url(self) -> str:
        return reverse(
            "plans:action_detail",
            kwargs={"partnership": self.priority.plan.partnership.slug, "pk": self.pk},
        )

    @property
    def short_text(self) -> str:
        return self.text if len(self.text) <= 90 else self.text[:87].rstrip() + "…"

    def is_overdue_on(self, day: dt.date) -> bool:
        return self.due_date is not None and self.due_date < day


class ActionLead(BaseModel):
    """A lead as the plan writes it, linked to a person, group or agency where known."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="leads")
    text = models.CharField("lead as written", max_length=500)
    position = models.PositiveIntegerField(default=0)
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="leads"
    )
    group = models.ForeignKey(
        Group, on_delete=models.SET_NULL, null=True, blank=True, related_name="leads"
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.SET_NULL, null=True, blank=True, related_name="leads"
    )
    is_link_confirmed = models.BooleanField(
        default=False, help_text="The business manager set or checked this link."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "position", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def linked_to(self) -> Person | Group | Agency | None:
        return self.person or self.group or self.agency
