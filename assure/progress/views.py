"""Recording progress on an action."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from assure.accounts.access import partnership_for_request
from assure.plans.navigation import page_context
from assure.plans.presenters import due_words, lead_words
from assure.plans.selectors import action_get_or_404

from .forms import ProgressUpdateForm
from .selectors import action_can_record_progress
from .services import progress_update_record


@login_required
@require_http_methods(["GET", "POST"])
def record_progress(request, partnership: str, action_pk: int):
    partnership, role = partnership_for_request(request, partnership)
    action = action_get_or_404(partnership=partnership, pk=action_pk)
    if not action_can_record_progress(action=action, user=request.user, role=role):
        raise PermissionDenied(
            "Only the action's leads and the business manager can record progress"
        )
    form = ProgressUpdateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            progress_update_record(
                action=action, author=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, "Progress recorded")
            return redirect(action.get_absolute_url())
    return render(
        request,
        "progress/record_progress.html",
        page_context(
            request,
            partnership,
            role,
            "actions",
            action=action,
            form=form,
            due=due_words(action),
            leads=lead_words(action),
        ),
    )
