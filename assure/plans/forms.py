"""Request data for plan pages, as clean Python values."""

from django import forms

from assure.core.forms import GovukDateField
from assure.progress.models import Status

from .models import Action, Plan, Priority

WHEN_CHOICES = [
    ("", "Any time"),
    ("overdue", "Overdue"),
    ("due_within", "Due within the number of days below"),
    ("silent", "Silent (no update for 90 days)"),
]
SORT_CHOICES = [("ref", "Reference"), ("due", "Due date"), ("status", "Status")]


class ActionFilterForm(forms.Form):
    q = forms.CharField(label="Search", required=False, max_length=200)
    priority = forms.TypedChoiceField(
        label="Priority", required=False, coerce=int, empty_value=None
    )
    lead = forms.CharField(label="Lead", required=False, max_length=200)
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Any status"), *Status.choices]
    )
    when = forms.ChoiceField(label="When", required=False, choices=WHEN_CHOICES)
    days = forms.IntegerField(
        label="Days",
        required=False,
        min_value=1,
        max_value=3650,
        error_messages={
            "invalid": "Enter the number of days as a whole number",
            "min_value": "Enter a number of days of 1 or more",
            "max_value": "Enter a number of days of 3650 or fewer",
        },
    )
    sort = forms.ChoiceField(label="Sort by", required=False, choices=SORT_CHOICES)

    def __init__(self, *args, priorities: list[Priority], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priority"].choices = [("", "All priorities")] + [
            (p.pk, f"{p.ref}. {p.title[:60]}") for p in priorities
        ]


class MeetingPackForm(forms.Form):
    meeting_date = GovukDateField(label="Meeting date", iso_fallback=True)
    previous_meeting_date = GovukDateField(
        label="Previous meeting date", required=False, iso_fallback=True
    )

    def clean(self):
        data = super().clean()
        meeting, previous = data.get("meeting_date"), data.get("previous_meeting_date")
        if meeting and previous and previous >= meeting:
            self.add_error(
                "previous_meeting_date",
                "The previous meeting date must be before the meeting date",
            )
        return data


class PlanForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = [
            "title",
            "period_start_date",
            "period_end_date",
            "version",
            "status",
            "is_published",
        ]
        labels = {
            "period_start_date": "Start of the period",
            "period_end_date": "End of the period",
        }
        field_classes = {
            "period_start_date": GovukDateField,
            "period_end_date": GovukDateField,
        }
        error_messages = {"title": {"required": "Enter the plan's title"}}

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start_date"), data.get("period_end_date")
        if start and end and end < start:
            self.add_error(
                "period_end_date", "The end of the period must be after its start"
            )
        return data


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class PriorityForm(forms.ModelForm):
    measures_text = forms.CharField(
        label="Measures of success",
        required=False,
        widget=forms.Textarea,
        help_text="One measure on each line",
    )

    class Meta:
        model = Priority
        fields = ["ref", "title", "aim"]
        error_messages = {
            "ref": {"required": "Enter the priority's number"},
            "title": {"required": "Enter the priority's title"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["measures_text"] = "\n".join(self.instance.measures)

    def clean_measures_text(self) -> list[str]:
        return _lines(self.cleaned_data.get("measures_text", ""))


class ActionForm(forms.ModelForm):
    leads_text = forms.CharField(
        label="Leads",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One lead on each line, as the plan writes them",
    )
    outputs_text = forms.CharField(
        label="Outputs and success measures",
        required=False,
        widget=forms.Textarea,
        help_text="One on each line",
    )

    class Meta:
        model = Action
        fields = [
            "ref",
            "text",
            "objective",
            "due_text",
            "due_date",
            "start_date",
            "monitoring",
            "category",
        ]
        labels = {
            "text": "What will be done",
            "due_text": "Timescale as written",
            "due_date": "Due date",
            "start_date": "Start date",
            "objective": "Objective or desired outcome",
        }
        field_classes = {"due_date": GovukDateField, "start_date": GovukDateField}
        error_messages = {"text": {"required": "Enter what will be done"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["leads_text"] = "\n".join(
                lead.text for lead in self.instance.leads.all()
            )
            self.initial["outputs_text"] = "\n".join(self.instance.outputs)

    def clean_leads_text(self) -> list[str]:
        return _lines(self.cleaned_data.get("leads_text", ""))

    def clean_outputs_text(self) -> list[str]:
        return _lines(self.cleaned_data.get("outputs_text", ""))

    def clean(self):
        data = super().clean()
        start, due = data.get("start_date"), data.get("due_date")
        if start and due and due < start:
            self.add_error(
                "due_date", "The due date must be on or after the start date"
            )
        if data.get("due_date") and not data.get("due_text"):
            self.add_error("due_text", "Enter the timescale as the plan writes it")
        return data


class LeadLinkForm(forms.Form):
    target = forms.ChoiceField(label="Linked to", required=False)

    def __init__(self, *args, people, groups, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = (
            [("", "Not linked")]
            + [(f"person:{p.pk}", f"Person: {p}") for p in people]
            + [(f"group:{g.pk}", f"Group: {g}") for g in groups]
            + [(f"agency:{a.pk}", f"Agency: {a}") for a in agencies]
        )
