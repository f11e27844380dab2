"""Demo data: the five seed plans as five partnerships, with people and progress.

The seed plans date from 2012 to 2019. So that the dashboard has something due, overdue
and silent today, each demo copy moves the plan's dates forward by whole years (the
plan's version says by how many). Text, leads and structure stay as the gold files have
them. Demo accounts exist only here; production never calls this.
"""

import calendar
import datetime as dt
import json
import random
import re
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from assure.accounts.models import Agency, Group, Membership, Partnership, Person, User
from assure.accounts.services import membership_grant
from assure.demo.scorecard import scorecard_demo_load
from assure.plans.models import Action, Plan
from assure.plans.services import (
    action_save,
    lead_link_all,
    partnership_get_or_create,
    plan_create_from_document,
)
from assure.progress.models import ProgressUpdate, Status

DATA_DIR = Path(__file__).parent / "data"
DEMO_PASSWORD = "demo-password-2026"
DEMO_EMAIL_DOMAIN = "demo.assure.test"

# The local authority area of each seed partnership, for official statistics.
AREAS = {
    "somerset": ("Somerset", "933"),
    "south-gloucestershire": ("South Gloucestershire", "803"),
    "solihull": ("Solihull", "334"),
    "west-berkshire": ("West Berkshire", "869"),
    "isle-of-wight": ("Isle of Wight", "921"),
}
PUBLISHED = {"isle-of-wight", "west-berkshire"}

AGENCIES = [
    ("Children's Social Care", "CSC"),
    ("Police", ""),
    ("Integrated Care Board", "ICB"),
    ("Public Health", ""),
    ("Education", ""),
    ("Probation Service", ""),
    ("Youth Offending Service", "YOS"),
    ("NHS Trust", ""),
]
_GROUP_WORDS = re.compile(
    r"\b(group|sub[- ]?group|board|panel|forum|committee|team|unit|partnership|service)s?\b",
    re.I,
)
_PERSON = re.compile(
    r"^(?P<name>(?:[A-Z]\.?|[A-Z][a-z'’-]+)(?: [A-Z][a-z'’-]+){1,2})(?:,\s*(?P<role>.+))?$"
)

_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_YEAR_TOKENS = re.compile(
    rf"(?P<fy4>\b(?:19|20)\d{{2}})(?P<sep4>[/-])(?P<fy4b>\d{{2}})\b"
    rf"|(?P<four>\b(?:19|20)\d{{2}}\b)"
    rf"|(?P<fy>\b\d{{2}}(?=[/-]\d{{2}}\b))(?P<sep>[/-])(?P<fy2>\d{{2}})\b(?![/.]\d)"
    rf"|(?P<dmy>\b\d{{1,2}}[./]\d{{1,2}}[./])(?P<dmy_year>\d{{2}})\b"
    rf"|(?P<month>\b(?:{_MONTHS})[a-z]*\.?\s+)(?P<month_year>\d{{2}})\b",
    re.I,
)


def shift_date(value: dt.date | None, years: int) -> dt.date | None:
    """Move a date by whole years; a month's last day stays its last day."""
    if value is None:
        return None
    year = value.year + years
    last = calendar.monthrange(year, value.month)[1]
    was_last = value.day == calendar.monthrange(value.year, value.month)[1]
    return value.replace(year=year, day=last if was_last else min(value.day, last))


def shift_years_in_text(text: str, years: int) -> str:
    """'May 17', 'Q3 2017/18', '1.4.13' -> the same words, the years moved on."""

    def two(digits: str) -> str:
        return f"{(int(digits) + years) % 100:02d}"

    def replace(match: re.Match) -> str:
        if match["fy4"]:
            return f"{int(match['fy4']) + years}{match['sep4']}{two(match['fy4b'])}"
        if match["four"]:
            return str(int(match["four"]) + years)
        if match["fy"]:
            if not 1 <= int(match["fy2"]) - int(match["fy"]) <= 5:
                return match[0]
            return f"{two(match['fy'])}{match['sep']}{two(match['fy2'])}"
        if match["dmy"]:
            return f"{match['dmy']}{two(match['dmy_year'])}"
        return f"{match['month']}{two(match['month_year'])}"

    return _YEAR_TOKENS.sub(replace, text)


def _years_to_bring_forward(document: dict, today: dt.date) -> int:
    period = document.get("period")
    if not period:
        return 0
    start = dt.date.fromisoformat(period["start"])
    end = dt.date.fromisoformat(period["end"])
    years = 0
    while shift_date(end, years) < today + dt.timedelta(days=45):
        years += 1
    while years and shift_date(start, years) > today - dt.timedelta(days=120):
        years -= 1
    return years


def _shifted(document: dict, years: int) -> dict:
    doc = json.loads(json.dumps(document))
    if not years:
        return doc
    doc["title"] = shift_years_in_text(doc["title"], years)
    if doc.get("period"):
        for key in ("start", "end"):
            doc["period"][key] = shift_date(
                dt.date.fromisoformat(doc["period"][key]), years
            ).isoformat()
    for priority in doc["priorities"]:
        for action in priority["actions"]:
            due = action.get("due")
            if due:
                due["text"] = shift_years_in_text(due["text"], years)
                if due.get("date"):
                    due["date"] = shift_date(
                        dt.date.fromisoformat(due["date"]), years
                    ).isoformat()
    return doc


def _demo_user(
    slug: str, role: str, full_name: str, partnership, password: str
) -> User:
    user, _ = membership_grant(
        email=f"{role}@{slug}.{DEMO_EMAIL_DOMAIN}",
        partnership=partnership,
        role=role,
        password=password,
        full_name=full_name,
    )
    return user


def _people_and_groups(partnership: Partnership, plan: Plan) -> Counter:
    """Create the people and groups the plan's leads name; count actions per lead."""
    counts: Counter = Counter()
    for action in Action.objects.filter(priority__plan=plan).prefetch_related("leads"):
        for lead in action.leads.all():
            counts[lead.text] += 1
    for text in counts:
        if _GROUP_WORDS.search(text):
            kind = (
                Group.Kind.TASK_AND_FINISH
                if "task" in text.lower()
                else Group.Kind.BOARD
                if re.search(r"\bboard\b", text, re.I)
                else Group.Kind.SUB_GROUP
            )
            Group.objects.get_or_create(
                partnership=partnership, name=text[:200], defaults={"kind": kind}
            )
            continue
        match = _PERSON.match(text)
        if match:
            Person.objects.get_or_create(
                partnership=partnership,
                name=match["name"],
                defaults={"role_title": (match["role"] or "")[:200]},
            )
    return counts


def _add_leads_where_none(plan: Plan, group: Group, actor: User) -> None:
    """A plan with no lead column: the manager names a lead for some actions."""
    for priority in plan.priorities.all():
        for action in priority.actions.all()[:3]:
            action_save(action=action, leads=[group.name], actor=actor)


def _updates(
    plan: Plan, *, today: dt.date, manager: User, lead_user: User, rng: random.Random
) -> int:
    from assure.progress.selectors import action_is_led_by

    made = 0
    reasons_risk = [
        "Sub-group chair has changed; the new chair starts next month.",
        "Health partners have not yet nominated a representative.",
        "Audit delayed while the case sample is agreed with children's social care.",
        "Waiting for the revised national guidance before finalising.",
    ]
    reasons_off = [
        "No capacity in the business unit since the training officer post became vacant.",
        "Funding for the second phase was not agreed by the executive.",
        "Agencies returned fewer than half of the self-assessments by the deadline.",
    ]
    narratives = [
        "Draft shared with the sub-group for comment; feedback due at the next meeting.",
        "Task and finish group met twice this quarter and agreed the terms of reference.",
        "Multi-agency briefing delivered to 64 practitioners across five agencies.",
        "Audit of 12 cases completed; findings reported to Quality and Performance.",
        "Toolkit published on the partnership website and promoted in the newsletter.",
    ]
    impacts = [
        "Practitioner survey: 78% now confident in identifying neglect (52% last year).",
        "Re-audit shows chronologies on file in 10 of 12 cases, up from 4.",
        "",
    ]
    start = plan.period_start_date or today - dt.timedelta(days=365)
    for action in Action.objects.filter(priority__plan=plan).order_by("pk"):
        author = (
            lead_user if action_is_led_by(action=action, user=lead_user) else manager
        )
        due = action.due_date
        roll = rng.random()

        def add(
            days_ago: int,
            status: str,
            reason: str = "",
            impact: str = "",
            action: Action = action,
            author: User = author,
        ) -> None:
            nonlocal made
            when = max(start, today - dt.timedelta(days=days_ago))
            ProgressUpdate.objects.create(
                action=action,
                author=author,
                update_date=min(when, today),
                status=status,
                narrative=rng.choice(narratives),
                reason=reason,
                impact=impact,
            )
            made += 1

        if due and due < today:
            if roll < 0.5:
                completed_days_ago = max((today - due).days - 5, 1)
                add(completed_days_ago + rng.randint(30, 90), Status.ON_TRACK)
                add(completed_days_ago, Status.COMPLETE, impact=rng.choice(impacts))
            elif roll < 0.75:
                add(
                    rng.randint(20, 60),
                    Status.OFF_TRACK,
                    reason=rng.choice(reasons_off),
                )
            # else: overdue and silent, no update at all
        elif due and due <= today + dt.timedelta(days=60):
            if roll < 0.6:
                add(rng.randint(10, 40), Status.ON_TRACK)
            elif roll < 0.85:
                add(rng.randint(100, 130), Status.ON_TRACK)
                add(rng.randint(5, 30), Status.AT_RISK, reason=rng.choice(reasons_risk))
        else:
            if roll < 0.35:
                add(rng.randint(5, 80), Status.ON_TRACK)
            elif roll < 0.5:
                add(rng.randint(5, 80), Status.AT_RISK, reason=rng.choice(reasons_risk))
            elif roll < 0.6:
                add(rng.randint(120, 200), Status.ON_TRACK)  # silent since
            elif roll < 0.65:
                add(rng.randint(5, 60), Status.COMPLETE, impact=rng.choice(impacts))
    return made


def demo_is_loaded() -> bool:
    return Partnership.objects.filter(slug__in=list(AREAS)).count() == len(AREAS)


@transaction.atomic
def demo_load(*, password: str = DEMO_PASSWORD, reset: bool = False) -> str:
    """Load (or reload) the demo partnerships; returns what to print."""
    today = timezone.localdate()
    if demo_is_loaded() and not reset:
        return _sign_in_text(already=True)
    Partnership.objects.filter(slug__in=list(AREAS)).delete()
    User.objects.filter(email__endswith=f".{DEMO_EMAIL_DOMAIN}").delete()
    lines = []
    for path in sorted((DATA_DIR / "gold").glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        years = _years_to_bring_forward(document, today)
        shifted = _shifted(document, years)
        partnership, _ = partnership_get_or_create(
            slug=None, name=document["partnership"]
        )
        slug = partnership.slug
        area, la_code = AREAS.get(slug, (partnership.area_name, ""))
        partnership.area_name, partnership.la_code = area, la_code
        partnership.short_name = area
        partnership.save()
        for name, short in AGENCIES:
            Agency.objects.create(partnership=partnership, name=name, short_name=short)
        manager = _demo_user(
            slug, "manager", f"{area} business manager", partnership, password
        )
        lead_user = _demo_user(slug, "lead", f"{area} demo lead", partnership, password)
        _demo_user(slug, "member", f"{area} board member", partnership, password)
        seed = DATA_DIR / "seeds" / f"{path.stem}.txt"
        plan = plan_create_from_document(
            partnership=partnership,
            document=shifted,
            source_name=seed.name if seed.exists() else path.name,
            source_bytes=seed.read_bytes() if seed.exists() else path.read_bytes(),
            status=Plan.Status.APPROVED,
            actor=manager,
        )
        plan.version = (
            f"Demo copy: dates moved forward {years} years from the published plan"
            if years
            else "Demo copy"
        )
        plan.is_published = slug in PUBLISHED
        plan.save()
        counts = _people_and_groups(partnership, plan)
        person = Person.objects.filter(partnership=partnership).order_by("name").first()
        groups = list(Group.objects.filter(partnership=partnership))
        if not groups:
            groups = [
                Group.objects.create(
                    partnership=partnership, name="Quality Assurance Sub Group"
                )
            ]
        if not counts:
            _add_leads_where_none(plan, groups[0], manager)
            counts = _people_and_groups(partnership, plan)
        top_group = max(groups, key=lambda g: counts.get(g.name, 0))
        people = list(Person.objects.filter(partnership=partnership))
        if people:
            person = max(
                people,
                key=lambda p: sum(
                    n for text, n in counts.items() if text.startswith(p.name)
                ),
            )
        else:
            person = Person.objects.create(
                partnership=partnership, name="Demo Lead", role_title="Sub-group chair"
            )
        person.user, person.email = lead_user, lead_user.email
        person.save()
        top_group.chair = person
        top_group.save()
        lead_link_all(plan=plan)
        scorecard_demo_load(partnership)
        rng = random.Random(slug)
        made = _updates(
            plan, today=today, manager=manager, lead_user=lead_user, rng=rng
        )
        actions = Action.objects.filter(priority__plan=plan).count()
        lines.append(f"  {slug}: {actions} actions, {made} progress updates")
    return "Loaded the demo:\n" + "\n".join(lines) + "\n" + _sign_in_text(already=False)


def _sign_in_text(*, already: bool) -> str:
    head = (
        "The demo is already loaded (reset with `assure demo --reset`).\n"
        if already
        else ""
    )
    roles = ", ".join(
        f"{role}@SLUG.{DEMO_EMAIL_DOMAIN}" for role in Membership.Role.values
    )
    return (
        f"{head}Open {settings.SITE_URL}/ and sign in as {roles}\n"
        f"where SLUG is one of: {', '.join(AREAS)}.\n"
        f"For example manager@isle-of-wight.{DEMO_EMAIL_DOMAIN} "
        f"(password: {DEMO_PASSWORD}, unless ASSURE_DEMO_PASSWORD was set)."
    )
