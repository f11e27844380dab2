"""Upload a plan document, and correct what was read."""

from django import forms

from assure.core.forms import GovukDateField

from .api import MAX_BYTES

ACCEPT = ".docx,.pdf,.xlsx,.csv,.txt,.md"


class UploadForm(forms.Form):
    document = forms.FileField(
        label="Plan document",
        error_messages={
            "required": "Choose a plan document to upload",
            "empty": "The file is empty; choose the plan document",
        },
    )

    def clean_document(self):
        upload = self.cleaned_data["document"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                f"The file is {upload.size / 1024 / 1024:.0f} MB; the largest we read is "
                f"{MAX_BYTES // 1024 // 1024} MB"
            )
        return upload


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class DraftPlanForm(forms.Form):
    partnership = forms.CharField(
        label="Partnership, as the document names it",
        max_length=300,
        error_messages={"required": "Enter the partnership's name"},
    )
    title = forms.CharField(
        label="Title",
        max_length=300,
        error_messages={"required": "Enter the plan's title"},
    )
    period_start = GovukDateField(label="Start of the period", required=False)
    period_end = GovukDateField(label="End of the period", required=False)

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if bool(start) != bool(end):
            self.add_error(
                "period_end" if start else "period_start",
                "Enter both the start and the end of the period, or neither",
            )
        elif start and end and end < start:
            self.add_error(
                "period_end", "The end of the period must be after its start"
            )
        return data


class DraftActionForm(forms.Form):
    priority = forms.TypedChoiceField(label="Priority", coerce=int)
    ref = forms.CharField(label="Reference", required=False, max_length=20)
    text = forms.CharField(
        label="What will be done",
        widget=forms.Textarea,
        error_messages={"required": "Enter what will be done"},
    )
    leads = forms.CharField(label="Leads", required=False, widget=forms.Textarea)
    due_text = forms.CharField(
        label="Timescale as written", required=False, max_length=500
    )
    due_date = GovukDateField(label="Due date", required=False)
    outputs = forms.CharField(
        label="Outputs and success measures", required=False, widget=forms.Textarea
    )

    def __init__(self, *args, priorities: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priority"].choices = priorities

    def clean_leads(self) -> list[str]:
        return _lines(self.cleaned_data.get("leads", ""))

    def clean_outputs(self) -> list[str]:
        return _lines(self.cleaned_data.get("outputs", ""))

    def clean(self):
        data = super().clean()
        if data.get("due_date") and not data.get("due_text"):
            self.add_error("due_text", "Enter the timescale as the plan writes it")
        return data

    def as_plan1(self) -> dict:
        data = self.cleaned_data
        due = None
        if data.get("due_text"):
            due = {
                "text": data["due_text"],
                "date": data["due_date"].isoformat() if data.get("due_date") else None,
            }
        return {
            "ref": data.get("ref") or None,
            "text": data["text"].strip(),
            "leads": data["leads"],
            "due": due,
            "outputs": data["outputs"],
        }
