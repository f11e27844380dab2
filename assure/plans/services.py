"""Every write to plans: loading a plan/1 document, editing, linking leads."""

import datetime as dt
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify

from assure.accounts.models import Agency, Group, Partnership, Person, User

from .models import Action, ActionLead, Plan, Priority
from .schema import plan_document_errors

_BODY_WORDS = re.compile(
    r"\b(local safeguarding children(?:'s)? (?:board|partnership)|safeguarding children"
    r"(?:'s)? (?:board|partnership)|lscb|scb|scp|safeguarding partnership)\b",
    re.IGNORECASE,
)


def partnership_slug_from_name(name: str) -> str:
    """'Isle of Wight Safeguarding Children Board' -> 'isle-of-wight'."""
    area = _BODY_WORDS.sub("", name).strip(" -–,")
    return slugify(area or name)[:80] or "partnership"


@transaction.atomic
def partnership_get_or_create(
    *, slug: str | None, name: str, area_name: str = ""
) -> tuple[Partnership, bool]:
    """Find a partnership by slug, or create it from the name a document gives."""
    slug = slug or partnership_slug_from_name(name)
    partnership = Partnership.objects.filter(slug=slug).first()
    if partnership:
        return partnership, False
    area = area_name or _BODY_WORDS.sub("", name).strip(" -–,")
    partnership = Partnership(slug=slug, name=name, area_name=area)
    partnership.full_clean()
    partnership.save()
    return partnership, True


def _date(value: str | None, where: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError(f"{where}: {value!r} is not a real date") from None


def _as_user(actor: User | None, instance: Any) -> Any:
    """Tell django-simple-history who made a change outside a request."""
    if actor is not None:
        instance._history_user = actor
    return instance


@transaction.atomic
def plan_create_from_document(
    *,
    partnership: Partnership,
    document: dict[str, Any],
    source_name: str = "",
    source_bytes: bytes | None = None,
    status: str = Plan.Status.DRAFT,
    actor: User | None = None,
) -> Plan:
    """Save a plan/1 document as a plan of the partnership, whole or not at all."""
    errors = plan_document_errors(document)
    if errors:
        raise ValidationError(errors)
    period = document.get("period") or {}
    plan = _as_user(
        actor,
        Plan(
            partnership=partnership,
            title=document["title"],
            partnership_name_as_written=document["partnership"],
            period_start_date=_date(period.get("start"), "period.start"),
            period_end_date=_date(period.get("end"), "period.end"),
            status=status,
            source_name=source_name,
        ),
    )
    plan.full_clean()
    if source_bytes is not None:
        plan.source_file.save(
            source_name or "plan", ContentFile(source_bytes), save=False
        )
    plan.save()
    for p_index, p_doc in enumerate(document["priorities"]):
        priority = _as_user(
            actor,
            Priority(
                plan=plan,
                ref=p_doc["ref"],
                title=p_doc["title"],
                aim=p_doc.get("aim") or "",
                measures=list(p_doc.get("measures") or []),
                position=p_index + 1,
            ),
        )
        priority.save()
        for a_index, a_doc in enumerate(p_doc["actions"]):
            where = f"priorities[{p_index + 1}].actions[{a_index + 1}]"
            _action_create_from_document(
                priority=priority,
                doc=a_doc,
                position=a_index + 1,
                where=where,
                actor=actor,
            )
    lead_link_all(plan=plan)
    return plan


def _action_create_from_document(
    *,
    priority: Priority,
    doc: dict[str, Any],
    position: int,
    where: str,
    actor: User | None,
) -> Action:
    due = doc.get("due")
    action = _as_user(
        actor,
        Action(
            priority=priority,
            ref=doc.get("ref") or "",
            text=doc["text"],
            objective=doc.get("objective") or "",
            outputs=list(doc.get("outputs") or []),
            monitoring=doc.get("monitoring") or "",
            category=doc.get("category") or "",
            progress_as_written=doc.get("progress") or "",
            due_text=(due or {}).get("text") or "",
            due_date=_date((due or {}).get("date"), f"{where}.due.date"),
            position=position,
        ),
    )
    _timescale_facts(action)
    action.save()
    for index, text in enumerate(doc.get("leads") or []):
        _as_user(actor, ActionLead(action=action, text=text, position=index + 1)).save()
    return action


def _timescale_facts(action: Action) -> None:
    """Recurrence and start date from the timescale as written, by the one timescale module."""
    from assure.importers.timescales import parse_timescale

    plan = action.priority.plan
    if not action.due_text:
        action.recurrence = ""
        return
    timescale = parse_timescale(
        action.due_text,
        period_start=plan.period_start_date,
        period_end=plan.period_end_date,
    )
    action.recurrence = timescale.recurrence or ""
    if (
        action.start_date is None
        and timescale.start_date
        and (action.due_date is None or timescale.start_date <= action.due_date)
    ):
        action.start_date = timescale.start_date


# --- Leads -----------------------------------------------------------------------


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def lead_match(
    *, text: str, people: list[Person], groups: list[Group], agencies: list[Agency]
) -> tuple[Person | None, Group | None, Agency | None]:
    """The person, group or agency a lead as written names, if exactly one matches."""
    lead = _norm(text)
    if not lead:
        return None, None, None
    persons = [
        p
        for p in people
        if _norm(p.name)
        and (lead == _norm(p.name) or lead.startswith(_norm(p.name) + " "))
    ]
    if len(persons) == 1:
        return persons[0], None, None
    found = [g for g in groups if _norm(g.name) == lead]
    if len(found) == 1:
        return None, found[0], None
    bodies = [
        a for a in agencies if lead in {_norm(a.name), _norm(a.short_name)} - {""}
    ]
    if len(bodies) == 1:
        return None, None, bodies[0]
    return None, None, None


def lead_link_all(*, plan: Plan) -> int:
    """Link every unconfirmed lead of a plan by name; returns how many are linked."""
    partnership = plan.partnership
    people = list(partnership.people.all())
    groups = list(partnership.groups.all())
    agencies = list(partnership.agencies.all())
    linked = 0
    leads = ActionLead.objects.filter(
        action__priority__plan=plan, is_link_confirmed=False
    )
    for lead in leads:
        person, group, agency = lead_match(
            text=lead.text, people=people, groups=groups, agencies=agencies
        )
        if (lead.person, lead.group, lead.agency) != (person, group, agency):
            lead.person, lead.group, lead.agency = person, group, agency
            lead.save(update_fields=["person", "group", "agency", "updated_at"])
        linked += bool(person or group or agency)
    return linked


@transaction.atomic
def lead_link_set(
    *,
    lead: ActionLead,
    person: Person | None = None,
    group: Group | None = None,
    agency: Agency | None = None,
    actor: User | None = None,
) -> ActionLead:
    """The business manager links a lead to one person, group or agency (or none)."""
    if sum(x is not None for x in (person, group, agency)) > 1:
        raise ValidationError("Link a lead to one person, group or agency, not several")
    partnership = lead.action.priority.plan.partnership
    for target in (person, group, agency):
        if target is not None and target.partnership_id != partnership.pk:
            raise ValidationError("Choose someone from this partnership")
    _as_user(actor, lead)
    lead.person, lead.group, lead.agency = person, group, agency
    lead.is_link_confirmed = True
    lead.save()
    return lead


# --- Editing ---------------------------------------------------------------------


@transaction.atomic
def plan_update(*, plan: Plan, actor: User | None = None, **fields: Any) -> Plan:
    """Change a plan's own fields (title, period, version, status, published)."""
    for name, value in fields.items():
        setattr(plan, name, value)
    _as_user(actor, plan).full_clean()
    plan.save()
    return plan


@transaction.atomic
def priority_save(
    *, priority: Priority, actor: User | None = None, **fields: Any
) -> Priority:
    """Create or change a priority."""
    for name, value in fields.items():
        setattr(priority, name, value)
    if not priority.pk and not priority.position:
        last = priority.plan.priorities.order_by("-position").first()
        priority.position = (last.position if last else 0) + 1
    _as_user(actor, priority).full_clean()
    priority.save()
    return priority


@transaction.atomic
def action_save(
    *,
    action: Action,
    leads: list[str] | None = None,
    actor: User | None = None,
    **fields: Any,
) -> Action:
    """Create or change an action and, when given, replace its leads as written."""
    for name, value in fields.items():
        setattr(action, name, value)
    _timescale_facts(action)
    if not action.pk and not action.position:
        last = action.priority.actions.order_by("-position").first()
        action.position = (last.position if last else 0) + 1
    _as_user(actor, action).full_clean()
    action.save()
    if leads is not None:
        _action_leads_replace(action=action, texts=leads, actor=actor)
    return action


def _action_leads_replace(
    *, action: Action, texts: list[str], actor: User | None
) -> None:
    existing = {lead.text: lead for lead in action.leads.all()}
    keep = []
    for index, text in enumerate(t.strip() for t in texts if t.strip()):
        lead = existing.pop(text, None) or ActionLead(action=action, text=text)
        lead.position = index + 1
        _as_user(actor, lead).save()
        keep.append(lead)
    for stale in existing.values():
        _as_user(actor, stale).delete()
    lead_link_all(plan=action.priority.plan)


@transaction.atomic
def action_delete(*, action: Action, actor: User | None = None) -> None:
    """Remove an action and its updates (the history keeps a record of it)."""
    _as_user(actor, action).delete()
