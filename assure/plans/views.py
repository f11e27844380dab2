"""Plan pages: dashboard, plan, priority, action, actions list, my actions, meeting pack."""

import datetime as dt
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from assure.accounts.access import partnership_for_request
from assure.accounts.models import Membership
from assure.progress.selectors import (
    action_annotate_status,
    action_can_record_progress,
    action_list_for_plan,
    dashboard_get,
    due_within_q,
    meeting_pack,
    my_actions,
    overdue_q,
    plan_get_current,
    priority_rollups,
    progress_update_list,
    rollup_of,
    silent_q,
)
from assure.progress.status import status_tag
from assure.scorecard.selectors import indicator_list_for_priority

from . import selectors, services
from .documents import plan_to_document
from .forms import (
    ActionFilterForm,
    ActionForm,
    LeadLinkForm,
    MeetingPackForm,
    PlanForm,
    PriorityForm,
)
from .models import Action, ActionLead, Plan, Priority
from .navigation import page_context
from .presenters import action_row, due_words, plan_period, rollup_bar
from .selectors import action_get_or_404

PAGE_SIZE = 25


def _plan_of(partnership, pk: int) -> Plan:
    return get_object_or_404(Plan, partnership=partnership, pk=pk)


@login_required
def dashboard(request, partnership: str):
    partnership, role = partnership_for_request(request, partnership)
    today = timezone.localdate()
    board = dashboard_get(partnership=partnership, today=today)
    rows = lambda actions: [action_row(a, today=today) for a in actions]  # noqa: E731
    return render(
        request,
        "plans/dashboard.html",
        page_context(
            request,
            partnership,
            role,
            "dashboard",
            plan=board.plan,
            period=plan_period(board.plan) if board.plan else "",
            rollup=board.rollup,
            counts=[(status_tag(s), n) for s, n in board.rollup.ordered()],
            bar=rollup_bar(board.rollup, label="All actions"),
            overdue=rows(board.overdue),
            due_soon=rows(board.due_soon),
            silent=rows(board.silent),
            recent_updates=board.recent_updates,
            today=today,
            status_tag=status_tag,
        ),
    )


@login_required
def plan_current(request, partnership: str):
    partnership, role = partnership_for_request(request, partnership)
    plan = plan_get_current(partnership=partnership)
    if plan is None:
        return render(
            request,
            "plans/plan_none.html",
            page_context(request, partnership, role, "plan"),
        )
    return redirect("plans:plan_detail", partnership=partnership.slug, pk=plan.pk)


@login_required
def plan_detail(request, partnership: str, pk: int):
    partnership, role = partnership_for_request(request, partnership)
    plan = _plan_of(partnership, pk)
    rollups = priority_rollups(plan=plan)
    overall = rollup_of([a for r in rollups for a in r.actions])
    sections = [
        {
            "priority": r.priority,
            "url": reverse(
                "plans:priority_detail",
                kwargs={"partnership": partnership.slug, "pk": r.priority.pk},
            ),
            "rollup": r.rollup,
            "bar": rollup_bar(r.rollup, label=f"Priority {r.priority.ref}"),
        }
        for r in rollups
    ]
    return render(
        request,
        "plans/plan_detail.html",
        page_context(
            request,
            partnership,
            role,
            "plan",
            plan=plan,
            period=plan_period(plan),
            sections=sections,
            overall=overall,
            overall_bar=rollup_bar(overall, label="All actions"),
            plans=selectors.plan_list(partnership=partnership),
        ),
    )


@login_required
def priority_detail(request, partnership: str, pk: int):
    partnership, role = partnership_for_request(request, partnership)
    priority = get_object_or_404(
        Priority.objects.select_related("plan"), plan__partnership=partnership, pk=pk
    )
    today = timezone.localdate()
    actions = list(action_list_for_plan(plan=priority.plan).filter(priority=priority))
    rollup = rollup_of(actions)
    return render(
        request,
        "plans/priority_detail.html",
        page_context(
            request,
            partnership,
            role,
            "plan",
            priority=priority,
            plan=priority.plan,
            rows=[action_row(a, today=today) for a in actions],
            rollup=rollup,
            bar=rollup_bar(rollup, label=f"Priority {priority.ref}"),
            evidence=indicator_list_for_priority(priority=priority),
        ),
    )


@login_required
def action_detail(request, partnership: str, pk: int):
    partnership, role = partnership_for_request(request, partnership)
    action = get_object_or_404(
        action_annotate_status(
            Action.objects.select_related("priority", "priority__plan")
        ),
        priority__plan__partnership=partnership,
        pk=pk,
    )
    today = timezone.localdate()
    can_record = action_can_record_progress(action=action, user=request.user, role=role)
    history = (
        selectors.action_history(action=action)
        if role == Membership.Role.MANAGER
        else []
    )
    return render(
        request,
        "plans/action_detail.html",
        page_context(
            request,
            partnership,
            role,
            "actions",
            action=action,
            row=action_row(action, today=today),
            due=due_words(action),
            leads=list(action.leads.select_related("person", "group", "agency")),
            updates=list(progress_update_list(action=action)),
            can_record=can_record,
            history=history,
            status_tag=status_tag,
        ),
    )


@login_required
def action_list(request, partnership: str):
    partnership, role = partnership_for_request(request, partnership)
    plan = plan_get_current(partnership=partnership)
    if plan is None:
        return render(
            request,
            "plans/plan_none.html",
            page_context(request, partnership, role, "actions"),
        )
    today = timezone.localdate()
    form = ActionFilterForm(request.GET or None, priorities=list(plan.priorities.all()))
    actions = action_list_for_plan(plan=plan)
    if form.is_valid():
        actions = _filtered(actions, form.cleaned_data, today=today)
        sort = form.cleaned_data.get("sort") or "ref"
    else:
        sort = "ref"
    ordering = {
        "ref": ["priority__position", "position", "pk"],
        "due": [_nulls_last("due_date"), "due_date", "priority__position", "position"],
        "status": ["status_rank", "priority__position", "position"],
    }[sort]
    actions = actions.order_by(*ordering)
    page = Paginator(actions, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "plans/action_list.html",
        page_context(
            request,
            partnership,
            role,
            "actions",
            plan=plan,
            form=form,
            rows=[action_row(a, today=today) for a in page.object_list],
            page=page,
            total=page.paginator.count,
            query=query.urlencode(),
            pagination=_pagination(page, query.urlencode()),
        ),
    )


def _nulls_last(field: str):
    from django.db.models import F

    return F(field).asc(nulls_last=True)


def _filtered(actions, data: dict, *, today: dt.date):
    if data.get("priority"):
        actions = actions.filter(priority_id=data["priority"])
    if data.get("status"):
        actions = actions.filter(current_status=data["status"])
    if data.get("lead"):
        actions = actions.filter(leads__text__icontains=data["lead"])
    when = data.get("when")
    if when == "overdue":
        actions = actions.filter(overdue_q(today=today))
    elif when == "due_within":
        actions = actions.filter(due_within_q(today=today, days=data.get("days") or 30))
    elif when == "silent":
        actions = actions.filter(silent_q(today=today))
    if data.get("q"):
        q = data["q"].strip()
        actions = actions.filter(
            Q(ref__icontains=q)
            | Q(text__icontains=q)
            | Q(leads__text__icontains=q)
            | Q(objective__icontains=q)
        )
    return actions.distinct()


def _pagination(page, query: str) -> dict | None:
    if page.paginator.num_pages <= 1:
        return None
    prefix = f"?{query}&" if query else "?"
    params: dict = {"items": []}
    if page.has_previous():
        params["previous"] = {"href": f"{prefix}page={page.previous_page_number()}"}
    if page.has_next():
        params["next"] = {"href": f"{prefix}page={page.next_page_number()}"}
    for number in page.paginator.get_elided_page_range(
        page.number, on_each_side=1, on_ends=1
    ):
        if number == page.paginator.ELLIPSIS:
            params["items"].append({"ellipsis": True})
        else:
            params["items"].append(
                {
                    "number": number,
                    "href": f"{prefix}page={number}",
                    "current": number == page.number,
                }
            )
    return params


@login_required
def my_actions_view(request, partnership: str):
    partnership, role = partnership_for_request(request, partnership)
    today = timezone.localdate()
    actions = my_actions(user=request.user, partnership=partnership, today=today)
    rows = [action_row(a, today=today) for a in actions]
    soon = today + dt.timedelta(days=30)
    groups = [
        ("Overdue", [r for r in rows if r.is_overdue]),
        (
            "Due in the next 30 days",
            [
                r
                for r in rows
                if not r.is_closed
                and not r.is_overdue
                and r.due_date
                and r.due_date <= soon
            ],
        ),
        (
            "Other open actions",
            [
                r
                for r in rows
                if not r.is_closed
                and not r.is_overdue
                and not (r.due_date and r.due_date <= soon)
            ],
        ),
        ("Complete or cancelled", [r for r in rows if r.is_closed]),
    ]
    return render(
        request,
        "plans/my_actions.html",
        page_context(
            request,
            partnership,
            role,
            "mine",
            groups=groups,
            total=len(rows),
        ),
    )


@login_required
def meeting_pack_view(request, partnership: str):
    partnership, role = partnership_for_request(request, partnership)
    plan = plan_get_current(partnership=partnership)
    today = timezone.localdate()
    data = request.GET.copy()
    data.setdefault("meeting_date", today.isoformat())
    form = MeetingPackForm(data)
    sections, meeting, previous = [], None, None
    if plan is not None and form.is_valid():
        meeting = form.cleaned_data["meeting_date"]
        previous = form.cleaned_data.get("previous_meeting_date") or (
            meeting - dt.timedelta(days=91)
        )
        sections = [
            {
                "priority": priority,
                "items": [
                    {
                        "row": action_row(i.action, today=meeting),
                        "latest": i.latest,
                        "is_stale": i.is_stale,
                    }
                    for i in items
                ],
            }
            for priority, items in meeting_pack(
                plan=plan, meeting_date=meeting, previous_meeting_date=previous
            )
        ]
    return render(
        request,
        "plans/meeting_pack.html",
        page_context(
            request,
            partnership,
            role,
            "pack",
            plan=plan,
            form=form,
            sections=sections,
            meeting=meeting,
            previous=previous,
            status_tag=status_tag,
            stale_count=sum(i["is_stale"] for s in sections for i in s["items"]),
            item_count=sum(len(s["items"]) for s in sections),
        ),
    )


# --- Managing the plan -----------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request, partnership: str, pk: int):
    partnership, role = partnership_for_request(request, partnership, manage=True)
    plan = _plan_of(partnership, pk)
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_update(plan=plan, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Plan saved")
            return redirect(plan.get_absolute_url())
    return render(
        request,
        "plans/plan_form.html",
        page_context(
            request,
            partnership,
            role,
            "plan",
            plan=plan,
            form=form,
            status_choices=Plan.Status.choices,
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def priority_edit(
    request, partnership: str, pk: int | None = None, plan_pk: int | None = None
):
    partnership, role = partnership_for_request(request, partnership, manage=True)
    if pk is not None:
        priority = get_object_or_404(Priority, plan__partnership=partnership, pk=pk)
    else:
        priority = Priority(plan=_plan_of(partnership, plan_pk))
    form = PriorityForm(request.POST or None, instance=priority)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["measures"] = data.pop("measures_text")
        try:
            services.priority_save(priority=priority, actor=request.user, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Priority saved")
            return redirect(priority.get_absolute_url())
    return render(
        request,
        "plans/priority_form.html",
        page_context(
            request,
            partnership,
            role,
            "plan",
            priority=priority,
            plan=priority.plan,
            form=form,
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(
    request, partnership: str, pk: int | None = None, priority_pk: int | None = None
):
    partnership, role = partnership_for_request(request, partnership, manage=True)
    if pk is not None:
        action = action_get_or_404(partnership=partnership, pk=pk)
    else:
        priority = get_object_or_404(
            Priority, plan__partnership=partnership, pk=priority_pk
        )
        action = Action(priority=priority)
    form = ActionForm(request.POST or None, instance=action)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        leads = data.pop("leads_text")
        data["outputs"] = data.pop("outputs_text")
        if not data.get("due_date") and data.get("due_text"):
            data["due_date"] = selectors.timescale_due_date(
                text=data["due_text"], plan=action.priority.plan
            )
        try:
            services.action_save(action=action, leads=leads, actor=request.user, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Action saved")
            return redirect(action.get_absolute_url())
    return render(
        request,
        "plans/action_form.html",
        page_context(
            request,
            partnership,
            role,
            "actions",
            action=action,
            form=form,
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_delete(request, partnership: str, pk: int):
    partnership, role = partnership_for_request(request, partnership, manage=True)
    action = action_get_or_404(partnership=partnership, pk=pk)
    if request.method == "POST":
        priority = action.priority
        services.action_delete(action=action, actor=request.user)
        messages.success(request, "Action removed")
        return redirect(priority.get_absolute_url())
    return render(
        request,
        "plans/action_delete.html",
        page_context(
            request,
            partnership,
            role,
            "actions",
            action=action,
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def lead_link(request, partnership: str, pk: int):
    partnership, role = partnership_for_request(request, partnership, manage=True)
    lead = get_object_or_404(
        ActionLead.objects.select_related("action__priority__plan"),
        action__priority__plan__partnership=partnership,
        pk=pk,
    )
    people = list(partnership.people.all())
    groups = list(partnership.groups.all())
    agencies = list(partnership.agencies.all())
    current = (
        f"person:{lead.person_id}"
        if lead.person_id
        else f"group:{lead.group_id}"
        if lead.group_id
        else f"agency:{lead.agency_id}"
        if lead.agency_id
        else ""
    )
    form = LeadLinkForm(
        request.POST or None,
        initial={"target": current},
        people=people,
        groups=groups,
        agencies=agencies,
    )
    if request.method == "POST" and form.is_valid():
        kind, _, target_pk = form.cleaned_data["target"].partition(":")
        lookup = {"person": people, "group": groups, "agency": agencies}.get(kind, [])
        target = next((t for t in lookup if str(t.pk) == target_pk), None)
        services.lead_link_set(
            lead=lead, actor=request.user, **({kind: target} if target else {})
        )
        messages.success(request, "Lead link saved")
        return redirect(lead.action.get_absolute_url())
    return render(
        request,
        "plans/lead_link.html",
        page_context(
            request,
            partnership,
            role,
            "actions",
            lead=lead,
            form=form,
        ),
    )


@login_required
def history(request, partnership: str):
    partnership, role = partnership_for_request(request, partnership, manage=True)
    page = Paginator(selectors.change_list(partnership=partnership), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "plans/history.html",
        page_context(
            request,
            partnership,
            role,
            "history",
            page=page,
            changes=page.object_list,
            pagination=_pagination(page, ""),
        ),
    )


@login_required
def plan_source(request, partnership: str, pk: int):
    partnership, role = partnership_for_request(request, partnership)
    plan = _plan_of(partnership, pk)
    if not plan.source_file:
        raise Http404("This plan has no source document")
    return FileResponse(
        plan.source_file.open("rb"),
        as_attachment=True,
        filename=plan.source_name or "plan-source",
    )


@login_required
def plan_export_json(request, partnership: str, pk: int):
    partnership, role = partnership_for_request(request, partnership)
    plan = _plan_of(partnership, pk)
    body = json.dumps(plan_to_document(plan=plan), indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="plan-{plan.pk}.json"'
    return response
