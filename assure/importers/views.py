"""Upload a plan document, check and correct what was read, save it as a draft plan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from assure.accounts.access import partnership_for_request
from assure.plans.navigation import page_context

from . import services
from .forms import ACCEPT, DraftActionForm, DraftPlanForm, UploadForm
from .models import ImportDraft
from .review import plan_review


def _draft(partnership, pk: int) -> ImportDraft:
    return get_object_or_404(ImportDraft, partnership=partnership, pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def upload(request, partnership: str):
    partnership, role = partnership_for_request(request, partnership, manage=True)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["document"]
        draft = services.import_draft_create(
            partnership=partnership,
            uploaded_by=request.user,
            filename=upload_file.name,
            data=upload_file.read(),
        )
        return redirect(draft.get_absolute_url())
    drafts = partnership.import_drafts.exclude(status=ImportDraft.Status.SAVED)[:10]
    return render(
        request,
        "importers/upload.html",
        page_context(
            request,
            partnership,
            role,
            "plan",
            form=form,
            accept=ACCEPT,
            drafts=drafts,
        ),
    )


@login_required
def preview(request, partnership: str, pk: int):
    partnership, role = partnership_for_request(request, partnership, manage=True)
    draft = _draft(partnership, pk)
    review = None
    if draft.status == ImportDraft.Status.READY:
        review = plan_review(
            plan=draft.plan_data, problems=draft.problems, partnership=partnership
        )
    return render(
        request,
        "importers/preview.html",
        page_context(
            request,
            partnership,
            role,
            "plan",
            draft=draft,
            review=review,
            refresh=draft.status == ImportDraft.Status.READING,
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_plan(request, partnership: str, pk: int):
    partnership, role = partnership_for_request(request, partnership, manage=True)
    draft = _draft(partnership, pk)
    if draft.status != ImportDraft.Status.READY:
        return redirect(draft.get_absolute_url())
    plan = draft.plan_data
    period = plan.get("period") or {}
    initial = {
        "partnership": plan.get("partnership"),
        "title": plan.get("title"),
        "period_start": period.get("start"),
        "period_end": period.get("end"),
    }
    form = DraftPlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.import_draft_update_plan(draft=draft, fields=form.cleaned_data)
        messages.success(request, "Plan details corrected")
        return redirect(draft.get_absolute_url())
    return render(
        request,
        "importers/edit_plan.html",
        page_context(
            request,
            partnership,
            role,
            "plan",
            draft=draft,
            form=form,
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_action(
    request, partnership: str, pk: int, priority_index: int, action_index: int
):
    partnership, role = partnership_for_request(request, partnership, manage=True)
    draft = _draft(partnership, pk)
    if draft.status != ImportDraft.Status.READY:
        return redirect(draft.get_absolute_url())
    priorities = draft.plan_data["priorities"]
    try:
        action = priorities[priority_index]["actions"][action_index]
    except IndexError:
        return redirect(draft.get_absolute_url())
    due = action.get("due") or {}
    initial = {
        "priority": priority_index,
        "ref": action.get("ref") or "",
        "text": action["text"],
        "leads": "\n".join(action.get("leads") or []),
        "due_text": due.get("text", ""),
        "due_date": due.get("date"),
        "outputs": "\n".join(action.get("outputs") or []),
    }
    choices = [(i, f"{p['ref']}. {p['title'][:70]}") for i, p in enumerate(priorities)]
    form = DraftActionForm(request.POST or None, initial=initial, priorities=choices)
    if request.method == "POST" and form.is_valid():
        try:
            services.import_draft_update_action(
                draft=draft,
                priority_index=priority_index,
                action_index=action_index,
                fields=form.as_plan1(),
                new_priority_index=form.cleaned_data["priority"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Action corrected")
            return redirect(f"{draft.get_absolute_url()}#priority-{priority_index + 1}")
    return render(
        request,
        "importers/edit_action.html",
        page_context(
            request,
            partnership,
            role,
            "plan",
            draft=draft,
            form=form,
            action=action,
            priority_index=priority_index,
            action_index=action_index,
        ),
    )


@login_required
@require_POST
def remove_action(
    request, partnership: str, pk: int, priority_index: int, action_index: int
):
    partnership, role = partnership_for_request(request, partnership, manage=True)
    draft = _draft(partnership, pk)
    try:
        services.import_draft_remove_action(
            draft=draft, priority_index=priority_index, action_index=action_index
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Removed from the import")
    return redirect(draft.get_absolute_url())


@login_required
@require_POST
def confirm(request, partnership: str, pk: int):
    partnership, role = partnership_for_request(request, partnership, manage=True)
    draft = _draft(partnership, pk)
    try:
        plan = services.import_draft_confirm(draft=draft, actor=request.user)
    except ValidationError as error:
        messages.error(
            request, "The plan could not be saved: " + "; ".join(error.messages)
        )
        return redirect(draft.get_absolute_url())
    messages.success(request, "Saved as a draft plan. Check it, then approve it.")
    return redirect(plan.get_absolute_url())


@login_required
@require_POST
def discard(request, partnership: str, pk: int):
    partnership, role = partnership_for_request(request, partnership, manage=True)
    services.import_draft_discard(draft=_draft(partnership, pk))
    messages.success(request, "Import thrown away; nothing was saved")
    return redirect("importers:upload", partnership=partnership.slug)
