"""Request data for report pages, as clean Python values."""

from django import forms

from assure.core.forms import GovukDateField

from .models import FeedToken


class BoardReportForm(forms.Form):
    as_at = GovukDateField(
        label="Status as at",
        required=False,
        iso_fallback=True,
        error_name="date the report is as at",
    )
    since = GovukDateField(
        label="Previous report",
        required=False,
        iso_fallback=True,
        error_name="date of the previous report",
    )

    def clean(self):
        data = super().clean()
        as_at, since = data.get("as_at"), data.get("since")
        if as_at and since and since >= as_at:
            self.add_error("since", "The previous report must be before the as at date")
        return data


class YearlyReportForm(forms.Form):
    year = forms.IntegerField(
        label="Financial year starting 1 April",
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": "Enter the year the financial year starts",
            "invalid": "Enter the year as 4 digits, like 2025",
            "min_value": "Enter a year from 2000",
            "max_value": "Enter a year up to 2100",
        },
    )


class FeedTokenForm(forms.Form):
    scope = forms.ChoiceField(
        label="What the calendar shows",
        choices=FeedToken.Scope.choices,
        initial=FeedToken.Scope.LEAD,
        error_messages={"required": "Select what the calendar shows"},
    )
