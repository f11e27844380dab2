"""Demo scorecard: a partnership's DfE figures plus a few illustrative local indicators.

The local figures are made up (seeded by the partnership's slug, so every load gives the
same numbers) and say so in their definition and note.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.utils import timezone

from assure.accounts.models import Agency, Membership, Partnership
from assure.plans.models import Priority
from assure.scorecard.models import Indicator
from assure.scorecard.services import (
    commentary_add,
    indicator_save,
    measurement_record,
    official_figures_load,
)

ILLUSTRATIVE = "Illustrative figure for the demo, not real data."
QUARTERS = 6

# code, name, definition, unit, polarity, target, tolerance, theme, agency, (low, high),
# words that pick the priority it evidences
LOCAL_INDICATORS = [
    (
        "ehw_confident_pct",
        "% of early help workforce confident in identifying need",
        "Early help practitioners answering 'confident' or 'very confident' to the "
        "quarterly survey question on identifying need, divided by all practitioners "
        "answering, as a percentage.",
        "percent",
        "higher",
        "80",
        "5",
        "Capacity of the workforce",
        "Education",
        (68, 84),
        ("early help", "workforce", "neglect", "training"),
    ),
    (
        "core_group_10d_pct",
        "% core groups within 10 working days of the ICPC",
        "First core group meetings held within 10 working days of the initial child "
        "protection conference, divided by all first core groups held in the quarter, "
        "as a percentage.",
        "percent",
        "higher",
        "90",
        "5",
        "Quality of practice",
        "Children's Social Care",
        (72, 92),
        ("child protection", "neglect", "practice", "quality"),
    ),
    (
        "rhi_offered_pct",
        "Return home interviews offered",
        "Children coming home after going missing who were offered a return home "
        "interview within 72 hours, divided by all children coming home after going "
        "missing in the quarter, as a percentage.",
        "percent",
        "higher",
        "95",
        "5",
        "Quality of practice",
        "Children's Social Care",
        (82, 98),
        ("missing", "exploitation", "cse", "vulnerable"),
    ),
    (
        "training_attendance",
        "Training attendance by agency",
        "Staff of partner agencies attending the partnership's multi-agency "
        "safeguarding training in the quarter (a count of attendances); the note "
        "gives the split by agency.",
        "count",
        "higher",
        "150",
        "20",
        "Partnership engagement",
        "",
        (110, 190),
        ("training", "workforce", "learning", "engagement"),
    ),
]
OFFICIAL_TARGETS = {
    # code: (target, tolerance, words that pick the priority)
    "icpc_15d_pct": ("85", "5", ("child protection", "neglect")),
    "rereferral_pct": ("20", "2", ("early help", "front door", "neglect")),
    "sw_turnover_pct": ("15", "2", ("workforce", "training")),
}


def _quarters(today: dt.date, count: int) -> list[str]:
    """The last `count` complete calendar quarters before today, oldest first."""
    year, quarter = today.year, (today.month - 1) // 3  # the quarter before this one
    if quarter == 0:
        year, quarter = year - 1, 4
    found = []
    for _ in range(count):
        found.append(f"{year}-Q{quarter}")
        quarter -= 1
        if quarter == 0:
            year, quarter = year - 1, 4
    return list(reversed(found))


def _priority(priorities: list[Priority], words: tuple[str, ...]) -> Priority | None:
    for word in words:
        for priority in priorities:
            if word in f"{priority.title} {priority.aim}".lower():
                return priority
    return priorities[0] if priorities else None


def scorecard_demo_load(partnership: Partnership) -> str:
    """Load DfE figures for the partnership's area and add illustrative local ones."""
    manager = (
        Membership.objects.filter(partnership=partnership, role=Membership.Role.MANAGER)
        .select_related("user")
        .first()
    )
    actor = manager.user if manager else None
    official = ""
    if partnership.la_code:
        official = (
            str(
                official_figures_load(
                    partnership=partnership, query=partnership.la_code, actor=actor
                ).measurements
            )
            + " official figures, "
        )
    priorities = list(
        Priority.objects.filter(plan__partnership=partnership).order_by(
            "plan__status", "position", "pk"
        )
    )
    for code, (target, tolerance, words) in OFFICIAL_TARGETS.items():
        indicator = partnership.indicators.filter(code=code).first()
        if indicator is None:
            continue
        linked = _priority(priorities, words)
        indicator_save(
            indicator=indicator,
            actor=actor,
            target=Decimal(target),
            tolerance=Decimal(tolerance),
            priorities=[linked] if linked else [],
        )
    agencies = {a.name: a for a in Agency.objects.filter(partnership=partnership)}
    rng = random.Random(f"scorecard-{partnership.slug}")
    quarters = _quarters(timezone.localdate(), QUARTERS)
    made = []
    for code, name, definition, unit, polarity, target, tolerance, theme, agency, (
        low,
        high,
    ), words in LOCAL_INDICATORS:
        indicator = partnership.indicators.filter(code=code).first() or Indicator(
            partnership=partnership
        )
        linked = _priority(priorities, words)
        indicator = indicator_save(
            indicator=indicator,
            actor=actor,
            code=code,
            name=name,
            definition=f"{definition} Illustrative demo indicator.",
            unit=unit,
            polarity=polarity,
            frequency="quarterly",
            target=Decimal(target),
            tolerance=Decimal(tolerance),
            theme=theme,
            source_agency=agencies.get(agency),
            source_publication="" if agency else "Partnership training records",
            priorities=[linked] if linked else [],
        )
        made.append(indicator)
        level = rng.uniform(low, (low + high) / 2)
        for period in quarters:
            level = min(high, max(low, level + rng.uniform(-4, 6)))
            if unit == "count":
                value = Decimal(round(level))
                split = _split(int(value), list(agencies)[:5], rng)
                measurement_record(
                    indicator=indicator,
                    period=period,
                    value=value,
                    actor=actor,
                    note=f"{ILLUSTRATIVE} By agency: {split}.",
                )
            else:
                denominator = rng.randint(40, 160)
                numerator = round(denominator * level / 100)
                measurement_record(
                    indicator=indicator,
                    period=period,
                    value=Decimal(numerator) * 100 / Decimal(denominator),
                    numerator=Decimal(numerator),
                    denominator=Decimal(denominator),
                    actor=actor,
                    note=ILLUSTRATIVE,
                )
    core_groups = next(i for i in made if i.code == "core_group_10d_pct")
    if actor and not core_groups.commentaries.exists():
        commentary_add(
            indicator=core_groups,
            author=actor,
            working_well=(
                "Core groups are now booked at the initial conference, and the "
                "health visiting service attends nearly all of them."
            ),
            worries=(
                "Timeliness dips when conferences fall before school holidays, and "
                "schools are not always told the date in time. (Illustrative "
                "commentary for the demo.)"
            ),
            next_steps=(
                "The child protection chairs will send the core group date to every "
                "agency within one working day; the Quality Assurance sub-group will "
                "check progress next quarter."
            ),
        )
    return f"{official}{len(made)} local indicators"


def _split(total: int, names: list[str], rng: random.Random) -> str:
    """Share a total between agencies, for the illustrative note."""
    if not names:
        return str(total)
    weights = [rng.uniform(1, 3) for _ in names]
    shares = [int(total * w / sum(weights)) for w in weights]
    shares[0] += total - sum(shares)
    return ", ".join(f"{n} {s}" for n, s in zip(names, shares, strict=True))
