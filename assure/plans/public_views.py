"""Published plans, for anyone, with no sign-in and no internal narratives."""

import re

from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from assure.progress.selectors import priority_rollups

from .models import ActionLead, Plan
from .presenters import action_row, plan_period, rollup_bar

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def public_lead(lead: ActionLead) -> str:
    """A lead as the public sees it: a role, group or agency, never an email address."""
    if lead.person_id:
        text = lead.person.role_title or "Named officer"
    elif lead.group_id:
        text = lead.group.name
    elif lead.agency_id:
        text = lead.agency.name
    else:
        text = lead.text
    return _EMAIL.sub("[email removed]", text)


def plan_list(request):
    plans = (
        Plan.objects.filter(is_published=True)
        .select_related("partnership")
        .order_by("partnership__name", "-period_start_date")
    )
    return render(request, "public/plan_list.html", {"plans": plans})


def plan_detail(request, partnership: str, pk: int):
    plan = get_object_or_404(
        Plan.objects.select_related("partnership"),
        partnership__slug=partnership,
        pk=pk,
        is_published=True,
    )
    today = timezone.localdate()
    sections = []
    for r in priority_rollups(plan=plan):
        rows = []
        for action in r.actions:
            row = action_row(action, today=today)
            rows.append(
                {
                    "row": row,
                    "leads": [public_lead(lead) for lead in action.leads.all()],
                }
            )
        sections.append(
            {
                "priority": r.priority,
                "rows": rows,
                "rollup": r.rollup,
                "bar": rollup_bar(r.rollup, label=f"Priority {r.priority.ref}"),
            }
        )
    return render(
        request,
        "public/plan_detail.html",
        {
            "plan": plan,
            "period": plan_period(plan),
            "sections": sections,
        },
    )
