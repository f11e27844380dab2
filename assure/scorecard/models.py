"""Indicators of a partnership, their values per period and place, and commentary."""

import calendar
import datetime as dt
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from assure.accounts.models import Agency, Partnership
from assure.core.models import BaseModel
from assure.plans.models import Priority

PERIOD_PATTERN = re.compile(
    r"^(?P<year>\d{4})(?:-Q(?P<quarter>[1-4])|-(?P<month>\d{2}))?$"
)


def period_end_date(period: str) -> dt.date:
    """The last day of a period: '2024' is the year to 31 March 2024, '2024-Q3'
    July to September 2024, '2024-11' November 2024. ValueError when unreadable."""
    match = PERIOD_PATTERN.match(period.strip())
    if not match:
        raise ValueError(f"{period!r} is not a period")
    year = int(match["year"])
    if match["quarter"]:
        month = int(match["quarter"]) * 3
    elif match["month"]:
        month = int(match["month"])
        if not 1 <= month <= 12:
            raise ValueError(f"{period!r} has no month {month}")
    else:
        return dt.date(year, 3, 31)
    return dt.date(year, month, calendar.monthrange(year, month)[1])


class Unit(models.TextChoices):
    PERCENT = "percent", "Percentage"
    COUNT = "count", "Count"
    RATE_PER_10000 = "rate_per_10000", "Rate per 10,000 children"
    DAYS = "days", "Days"
    PER_FTE = "per_fte", "Per full-time equivalent"


class Polarity(models.TextChoices):
    HIGHER = "higher", "Higher is better"
    LOWER = "lower", "Lower is better"
    NEITHER = "neither", "Neither: higher or lower is not better in itself"


class Frequency(models.TextChoices):
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"
    YEARLY = "yearly", "Yearly"


class Geography(models.TextChoices):
    LA = "la", "Local authority"
    REGION = "region", "Region"
    ENGLAND = "england", "England"
    SN_AVERAGE = "sn_average", "Statistical neighbours (average)"
    SN = "sn", "Statistical neighbour"


class IndicatorQuerySet(models.QuerySet):
    def official(self) -> "IndicatorQuerySet":
        return self.filter(is_official=True)

    def local(self) -> "IndicatorQuerySet":
        return self.filter(is_official=False)


class Indicator(BaseModel):
    """Something the partnership measures: an official DfE figure or an agency's own."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="indicators"
    )
    code = models.SlugField(
        max_length=60,
        help_text="A short code used in uploads, for example ehw_confidence_pct.",
    )
    name = models.CharField(max_length=200)
    definition = models.TextField(
        help_text="The numerator and denominator in words: what is counted, of what."
    )
    unit = models.CharField(max_length=20, choices=Unit)
    polarity = models.CharField(max_length=10, choices=Polarity)
    target = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    tolerance = models.DecimalField(
        max_digits=14,
        decimal_places=4,
        null=True,
        blank=True,
        help_text="How far from the target still counts as amber rather than red.",
    )
    frequency = models.CharField(
        max_length=10, choices=Frequency, default=Frequency.YEARLY
    )
    source_agency = models.ForeignKey(
        Agency,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
    )
    source_publication = models.CharField(
        "statistical publication", max_length=200, blank=True
    )
    priorities = models.ManyToManyField(Priority, blank=True, related_name="indicators")
    theme = models.CharField(max_length=120, blank=True)
    is_official = models.BooleanField(
        "official statistic",
        default=False,
        help_text="Loaded from DfE statistics; its figures are replaced on each load.",
    )
    position = models.PositiveIntegerField(default=0)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["-is_official", "position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "code"], name="indicator_unique_code"
            ),
            models.CheckConstraint(
                condition=Q(tolerance__isnull=True) | Q(tolerance__gte=0),
                name="indicator_tolerance_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "scorecard:indicator_detail",
            kwargs={"partnership": self.partnership.slug, "pk": self.pk},
        )

    @property
    def places(self) -> int:
        """Decimal places shown and exported: 0 for counts, 1 for the rest."""
        return 0 if self.unit == Unit.COUNT else 1

    @property
    def source(self) -> str:
        if self.source_agency_id:
            return str(self.source_agency)
        return self.source_publication


class Measurement(BaseModel):
    """One indicator's value for one period and place; no value keeps the reason."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="measurements"
    )
    period = models.CharField(
        max_length=10,
        help_text="'2024' (year to 31 March 2024), '2024-Q3' or '2024-11'.",
    )
    period_end = models.DateField()
    geography = models.CharField(max_length=12, choices=Geography, default=Geography.LA)
    geography_code = models.CharField(max_length=20, blank=True)
    geography_name = models.CharField(max_length=200, blank=True)
    value = models.DecimalField(max_digits=30, decimal_places=12, null=True, blank=True)
    numerator = models.DecimalField(
        max_digits=20, decimal_places=4, null=True, blank=True
    )
    denominator = models.DecimalField(
        max_digits=20, decimal_places=4, null=True, blank=True
    )
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["indicator", "period_end", "geography", "geography_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period", "geography", "geography_code"],
                name="measurement_one_per_period_and_place",
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period} {self.geography}: {self.value}"

    def clean(self) -> None:
        try:
            end = period_end_date(self.period)
        except ValueError:
            raise ValidationError(
                {"period": "Enter the period as 2024, 2024-Q3 or 2024-11"}
            ) from None
        if self.period_end is None:
            self.period_end = end


class Commentary(BaseModel):
    """What the partnership says about an indicator; appended, the latest shown."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="commentaries"
    )
    working_well = models.TextField("what is working well", blank=True)
    worries = models.TextField("what we are worried about", blank=True)
    next_steps = models.TextField("what needs to happen", blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    commentary_date = models.DateField(default=timezone.localdate)

    class Meta:
        ordering = ["-commentary_date", "-created_at", "-pk"]
        verbose_name_plural = "commentaries"
        constraints = [
            models.CheckConstraint(
                condition=~Q(working_well="") | ~Q(worries="") | ~Q(next_steps=""),
                name="commentary_not_empty",
            )
        ]

    def __str__(self) -> str:
        return f"Commentary on {self.indicator} ({self.commentary_date})"

    @property
    def text(self) -> str:
        """The three parts as one text, for reports."""
        parts = [
            ("What is working well", self.working_well),
            ("What we are worried about", self.worries),
            ("What needs to happen", self.next_steps),
        ]
        return "\n".join(f"{label}: {words}" for label, words in parts if words)
