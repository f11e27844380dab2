"""Recording progress: the form a lead fills in."""

from django import forms
from django.utils import timezone

from assure.core.forms import GovukDateField

from .models import STATUSES_NEEDING_REASON, Status


class ProgressUpdateForm(forms.Form):
    status = forms.ChoiceField(
        label="Status",
        choices=Status.choices,
        error_messages={"required": "Choose a status"},
    )
    narrative = forms.CharField(
        label="What has happened",
        widget=forms.Textarea,
        max_length=5000,
        error_messages={"required": "Enter what has happened"},
    )
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea,
        required=False,
        max_length=5000,
    )
    impact = forms.CharField(
        label="Evidence of impact",
        widget=forms.Textarea,
        required=False,
        max_length=5000,
    )
    update_date = GovukDateField(
        label="Date of update", required=False, not_future=True
    )

    def clean_update_date(self):
        return self.cleaned_data.get("update_date") or timezone.localdate()

    def clean(self):
        data = super().clean()
        if (
            data.get("status") in STATUSES_NEEDING_REASON
            and not data.get("reason", "").strip()
        ):
            self.add_error("reason", "Enter why the action is at risk or off track")
        return data
