"""Write a plan back out as plan/1, field for field."""

from typing import Any

from .models import Plan


def _or_none(text: str) -> str | None:
    return text or None


def plan_to_document(*, plan: Plan) -> dict[str, Any]:
    """The plan/1 document of a plan; loading it gives back an equal plan."""
    period = None
    if plan.period_start_date and plan.period_end_date:
        period = {
            "start": plan.period_start_date.isoformat(),
            "end": plan.period_end_date.isoformat(),
        }
    priorities = plan.priorities.order_by("position", "pk").prefetch_related(
        "actions__leads"
    )
    return {
        "format": "plan/1",
        "partnership": plan.partnership_name_as_written or plan.partnership.name,
        "title": plan.title,
        "period": period,
        "priorities": [
            {
                "ref": priority.ref,
                "title": priority.title,
                "aim": _or_none(priority.aim),
                "measures": list(priority.measures),
                "actions": [
                    {
                        "ref": _or_none(action.ref),
                        "text": action.text,
                        "objective": _or_none(action.objective),
                        "leads": [lead.text for lead in action.leads.all()],
                        "due": (
                            {
                                "text": action.due_text,
                                "date": action.due_date.isoformat()
                                if action.due_date
                                else None,
                            }
                            if action.due_text
                            else None
                        ),
                        "outputs": list(action.outputs),
                        "monitoring": _or_none(action.monitoring),
                        "category": _or_none(action.category),
                        "progress": _or_none(action.progress_as_written),
                    }
                    for action in sorted(
                        priority.actions.all(), key=lambda a: (a.position, a.pk)
                    )
                ],
            }
            for priority in priorities
        ],
    }
