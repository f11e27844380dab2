"""Request data for scorecard pages, as clean Python values."""

from __future__ import annotations

from decimal import Decimal

from django import forms

from .models import Frequency, Indicator, Polarity, Unit
from .uploads import parse_number, parse_period

THEME_SUGGESTIONS = [
    "Capacity of the workforce",
    "Quality of practice",
    "Partnership engagement",
]
NUMBER_ERRORS = {"invalid": "Enter a number, like 75 or 12.5"}


def _plain(value: Decimal) -> str:
    """90.0000 -> '90', 12.5000 -> '12.5'."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


class IndicatorForm(forms.ModelForm):
    """A local indicator: everything. An official one: target, theme and links."""

    source_agency = forms.TypedChoiceField(
        label="Agency that provides the figures",
        required=False,
        coerce=int,
        empty_value=None,
    )
    priorities = forms.TypedMultipleChoiceField(
        label="Priorities it evidences",
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Indicator
        fields = [
            "code",
            "name",
            "definition",
            "unit",
            "polarity",
            "frequency",
            "theme",
            "source_publication",
            "target",
            "tolerance",
        ]
        error_messages = {
            "code": {
                "required": "Enter a code",
                "invalid": "Enter a code of letters, numbers, underscores or hyphens",
            },
            "name": {"required": "Enter the indicator's name"},
            "definition": {
                "required": ("Enter the definition: what is counted, out of what")
            },
            "unit": {"required": "Choose the unit"},
            "polarity": {"required": "Choose whether higher or lower is better"},
            "target": NUMBER_ERRORS,
            "tolerance": NUMBER_ERRORS,
        }

    def __init__(self, *args, agencies=(), priorities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = Unit.choices
        self.fields["polarity"].choices = Polarity.choices
        self.fields["frequency"].choices = Frequency.choices
        self.fields["source_agency"].choices = [
            ("", "None: a statistical publication")
        ] + [(a.pk, a.name) for a in agencies]
        several_plans = len({p.plan_id for p in priorities}) > 1
        self.fields["priorities"].choices = [
            (p.pk, f"{p.ref}. {p.title}" + (f" ({p.plan})" if several_plans else ""))
            for p in priorities
        ]
        self._agencies = {a.pk: a for a in agencies}
        self._priorities = {p.pk: p for p in priorities}
        if self.instance.pk:
            self.initial["source_agency"] = self.instance.source_agency_id
            self.initial["priorities"] = [p.pk for p in self.instance.priorities.all()]
        for name in ("target", "tolerance"):
            value = getattr(self.instance, name)
            if value is not None and not self.is_bound:
                self.initial[name] = _plain(value)
        if self.instance.is_official:
            for name in (
                "code",
                "name",
                "definition",
                "unit",
                "polarity",
                "frequency",
                "source_publication",
                "source_agency",
            ):
                del self.fields[name]

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip().lower()
        taken = Indicator.objects.filter(
            partnership_id=self.instance.partnership_id, code=code
        ).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError("Another indicator already has this code")
        return code

    def clean_tolerance(self) -> Decimal | None:
        tolerance = self.cleaned_data.get("tolerance")
        if tolerance is not None and tolerance < 0:
            raise forms.ValidationError("Enter a tolerance of 0 or more")
        return tolerance

    def clean(self):
        data = super().clean()
        if data.get("tolerance") is not None and data.get("target") is None:
            self.add_error("target", "Enter a target, or leave the tolerance empty")
        return data

    def service_data(self) -> dict:
        """cleaned_data with agency and priorities as objects, for indicator_save."""
        data = dict(self.cleaned_data)
        if "source_agency" in data:
            data["source_agency"] = self._agencies.get(data["source_agency"])
        data["priorities"] = [
            self._priorities[pk]
            for pk in data.pop("priorities", [])
            if pk in self._priorities
        ]
        return data

    def checkbox_items(self, name: str) -> list[dict]:
        chosen = {str(v) for v in (self["priorities"].value() or [])}
        return [
            {"value": str(value), "text": label, "checked": str(value) in chosen}
            for value, label in self.fields[name].choices
        ]


class CommentaryForm(forms.Form):
    working_well = forms.CharField(
        label="What is working well", required=False, widget=forms.Textarea
    )
    worries = forms.CharField(
        label="What we are worried about", required=False, widget=forms.Textarea
    )
    next_steps = forms.CharField(
        label="What needs to happen", required=False, widget=forms.Textarea
    )

    def clean(self):
        data = super().clean()
        if not any((data.get(k) or "").strip() for k in self.fields):
            self.add_error(
                "working_well",
                (
                    "Write at least one of: what is working well, what we are worried "
                    "about, what needs to happen"
                ),
            )
        return data


class MeasurementForm(forms.Form):
    period = forms.CharField(
        label="Period",
        max_length=20,
        error_messages={"required": "Enter the period, like 2025-Q1, 2025-04 or 2025"},
    )
    value = forms.CharField(label="Value", required=False, max_length=40)
    numerator = forms.CharField(label="Numerator", required=False, max_length=40)
    denominator = forms.CharField(label="Denominator", required=False, max_length=40)
    note = forms.CharField(label="Note", required=False, widget=forms.Textarea)

    def clean_period(self) -> str:
        text = self.cleaned_data["period"]
        period = parse_period(text)
        if period is None:
            raise forms.ValidationError(
                f"Enter the period like 2025-Q1, 2025-04 or 2025, not '{text}'"
            )
        return period

    def _number(self, name: str) -> Decimal | None:
        text = (self.cleaned_data.get(name) or "").strip()
        if not text:
            return None
        number, marker = parse_number(text)
        if number is None and not marker:
            raise forms.ValidationError(f"Enter a number, not '{text}'")
        return number

    def clean_numerator(self) -> Decimal | None:
        return self._number("numerator")

    def clean_denominator(self) -> Decimal | None:
        return self._number("denominator")

    def clean(self):
        data = super().clean()
        text = (self.data.get("value") or "").strip()
        number, marker = parse_number(text) if text else (None, None)
        note = (data.get("note") or "").strip()
        if text and number is None and not marker:
            self.add_error("value", f"Enter a number, not '{text}'")
        elif marker:
            note = f"{marker}; {note}" if note else marker
        elif not text and not note:
            self.add_error(
                "value", "Enter a value, or say in the note why there is none"
            )
        data["value"], data["note"] = number, note
        return data


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Upload a file",
        error_messages={
            "required": "Choose a CSV or Excel file",
            "empty": "The file is empty",
        },
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx", ".txt")):
            raise forms.ValidationError(
                "Choose a CSV file (.csv) or an Excel workbook (.xlsx)"
            )
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError("The file must be smaller than 5MB")
        return upload


class OfficialLoadForm(forms.Form):
    authority = forms.CharField(
        label="Local authority",
        max_length=120,
        error_messages={"required": "Enter the local authority's name or code"},
    )
