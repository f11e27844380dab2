"""Every write to the scorecard: official and local figures, indicators, commentary."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from assure.accounts.models import Partnership, User
from assure.plans.models import Priority

from . import dfe
from .indicators import INDICATORS
from .models import (
    Commentary,
    Geography,
    Indicator,
    Measurement,
    period_end_date,
)
from .uploads import FigureRow


class UnknownAuthorityError(ValidationError):
    """No local authority matches; `candidates` holds close names."""

    def __init__(self, message: str, candidates: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.candidates = list(candidates)


@dataclass(frozen=True)
class OfficialLoad:
    """What loading official figures did, for the command line and the page."""

    authority: dfe.Authority
    indicators: int
    measurements: int
    replaced: int
    first_period: str
    last_period: str
    without_value: int
    seconds: float

    def __str__(self) -> str:
        return (
            f"Loaded {self.measurements} official figures for {self.authority.name} "
            f"({self.authority.old_code}, {self.authority.new_code}): "
            f"{self.indicators} indicators, years ending March {self.first_period} to "
            f"{self.last_period}, {self.without_value} without a value (suppressed or "
            f"not published); replaced {self.replaced} earlier figures "
            f"in {self.seconds:.2f}s."
        )


def authority_find(*, query: str) -> dfe.Authority:
    """The authority a name or code means; UnknownAuthorityError names close ones."""
    try:
        return dfe.find_authority(query)
    except dfe.UnknownAuthority as error:
        raise UnknownAuthorityError(str(error), error.candidates) from None


def indicator_sync_official(*, partnership: Partnership) -> dict[str, Indicator]:
    """Make sure the partnership has every official indicator; keep its own targets."""
    existing = {i.code: i for i in partnership.indicators.official()}
    for position, definition in enumerate(INDICATORS):
        indicator = existing.get(definition.code) or Indicator(
            partnership=partnership, code=definition.code, is_official=True
        )
        indicator.name = definition.name
        indicator.definition = definition.definition
        indicator.unit = definition.unit
        indicator.polarity = definition.polarity
        indicator.frequency = definition.frequency
        indicator.source_publication = definition.source
        indicator.source_agency = None
        indicator.theme = indicator.theme or definition.theme
        indicator.position = position
        indicator.is_official = True
        indicator.save()
        existing[definition.code] = indicator
    return existing


@transaction.atomic
def official_figures_load(
    *, partnership: Partnership, query: str, actor: User | None = None
) -> OfficialLoad:
    """Attach an authority's DfE figures to a partnership, replacing earlier ones."""
    started = time.perf_counter()
    authority = authority_find(query=query)
    values = dfe.compute_indicators(authority)
    partnership.la_code = authority.old_code
    if not partnership.area_name:
        partnership.area_name = authority.name
    partnership.save(update_fields=["la_code", "area_name", "updated_at"])
    indicators = indicator_sync_official(partnership=partnership)
    replaced, _ = Measurement.objects.filter(
        indicator__in=list(indicators.values())
    ).delete()
    now = timezone.now()
    ends: dict[str, object] = {}
    rows = []
    for item in values:
        if item.period not in ends:
            ends[item.period] = period_end_date(item.period)
        rows.append(
            Measurement(
                indicator=indicators[item.indicator],
                period=item.period,
                period_end=ends[item.period],
                geography=item.geography,
                geography_code=item.geography_code,
                geography_name=item.geography_name,
                value=item.value,
                numerator=item.numerator,
                denominator=item.denominator,
                note=item.note,
                recorded_by=actor,
                recorded_at=now,
            )
        )
    Measurement.objects.bulk_create(rows, batch_size=1000)
    periods = sorted(ends)
    return OfficialLoad(
        authority=authority,
        indicators=len(indicators),
        measurements=len(rows),
        replaced=replaced,
        first_period=periods[0] if periods else "",
        last_period=periods[-1] if periods else "",
        without_value=sum(1 for r in rows if r.value is None),
        seconds=time.perf_counter() - started,
    )


@transaction.atomic
def indicator_save(
    *,
    indicator: Indicator,
    actor: User | None = None,
    priorities: Iterable[Priority] | None = None,
    **fields: object,
) -> Indicator:
    """Create or edit an indicator. Official ones keep their DfE definition."""
    official_locked = {"code", "name", "definition", "unit", "polarity", "frequency"}
    for name, value in fields.items():
        if indicator.is_official and name in official_locked:
            continue
        setattr(indicator, name, value)
    if isinstance(indicator.code, str):
        indicator.code = indicator.code.strip().lower()
    if not indicator.pk and not indicator.is_official:
        indicator.position = indicator.partnership.indicators.count()
    if indicator.source_agency_id and indicator.source_agency.partnership_id != (
        indicator.partnership_id
    ):
        raise ValidationError({"source_agency": "Choose an agency of this partnership"})
    indicator.full_clean()
    indicator.save()
    if priorities is not None:
        priorities = list(priorities)
        if any(p.plan.partnership_id != indicator.partnership_id for p in priorities):
            raise ValidationError("Choose priorities of this partnership's plans")
        indicator.priorities.set(priorities)
    return indicator


def _local_place(partnership: Partnership) -> tuple[str, str]:
    """Local figures are the partnership area's: no code of their own, the area name."""
    return "", partnership.area_name or partnership.name


@transaction.atomic
def measurement_record(
    *,
    indicator: Indicator,
    period: str,
    value: Decimal | None,
    actor: User | None,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
    note: str = "",
) -> tuple[Measurement, bool]:
    """Record a local figure for a period; a figure already there is replaced."""
    if indicator.is_official:
        raise ValidationError(
            "Official figures come from DfE statistics. Load them again to update them."
        )
    try:
        end = period_end_date(period)
    except ValueError:
        raise ValidationError(
            {"period": "Enter the period as 2024, 2024-Q3 or 2024-11"}
        ) from None
    if value is None and not note.strip():
        raise ValidationError(
            {"value": "Enter a value, or say in the note why there is none"}
        )
    code, name = _local_place(indicator.partnership)
    measurement, created = Measurement.objects.update_or_create(
        indicator=indicator,
        period=period,
        geography=Geography.LA,
        geography_code=code,
        defaults={
            "period_end": end,
            "geography_name": name,
            "value": value,
            "numerator": numerator,
            "denominator": denominator,
            "note": note.strip(),
            "recorded_by": actor,
            "recorded_at": timezone.now(),
        },
    )
    return measurement, created


@dataclass(frozen=True)
class LocalLoad:
    added: int
    replaced: int
    indicators: int

    def __str__(self) -> str:
        return (
            f"Saved {self.added + self.replaced} figures for {self.indicators} "
            f"indicators ({self.added} new, {self.replaced} replaced)"
        )


@transaction.atomic
def local_figures_save(
    *, partnership: Partnership, rows: Sequence[FigureRow], actor: User | None
) -> LocalLoad:
    """Save checked upload rows, whole or not at all."""
    indicators = {i.code: i for i in partnership.indicators.local()}
    missing = sorted({r.indicator for r in rows} - set(indicators))
    if missing:
        raise ValidationError(f"Unknown indicator codes: {', '.join(missing)}")
    added = replaced = 0
    for row in rows:
        _, created = measurement_record(
            indicator=indicators[row.indicator],
            period=row.period,
            value=row.value,
            numerator=row.numerator,
            denominator=row.denominator,
            note=row.note,
            actor=actor,
        )
        added += created
        replaced += not created
    return LocalLoad(
        added=added, replaced=replaced, indicators=len({r.indicator for r in rows})
    )


@transaction.atomic
def commentary_add(
    *,
    indicator: Indicator,
    author: User,
    working_well: str = "",
    worries: str = "",
    next_steps: str = "",
    commentary_date=None,
) -> Commentary:
    """Append commentary to an indicator; earlier commentary is kept as history."""
    commentary = Commentary(
        indicator=indicator,
        author=author,
        working_well=working_well.strip(),
        worries=worries.strip(),
        next_steps=next_steps.strip(),
        commentary_date=commentary_date or timezone.localdate(),
    )
    if not (commentary.working_well or commentary.worries or commentary.next_steps):
        raise ValidationError(
            "Write at least one of: what is working well, what we are worried about, "
            "what needs to happen"
        )
    commentary.full_clean()
    commentary.save()
    return commentary
