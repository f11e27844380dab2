"""Helpers that turn Django form errors into GOV.UK error summary and message params,
and GovukDateField, a date typed into the GOV.UK date input's three boxes."""

import datetime as dt
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone


def error_list(form: forms.BaseForm) -> list[dict[str, str]]:
    """govukErrorSummary errorList: each error links to its field."""
    items = []
    for name, errors in form.errors.items():
        href = "#main-content" if name == "__all__" else f"#{_field_id(form, name)}"
        items.extend({"text": str(error), "href": href} for error in errors)
    return items


def _field_id(form: forms.BaseForm, name: str) -> str:
    field = form.fields.get(name)
    widget = field.widget if field else None
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"id_{form.add_prefix(name)}"
    if isinstance(widget, GovukDateWidget):
        # GOV.UK: the summary links to the first box with an error.
        first = (_date_error_parts(form, name) or DATE_PARTS)[0]
        return f"id_{form.add_prefix(name)}-{first}"
    return form[name].auto_id if field else f"id_{name}"


def field_error(form: forms.BaseForm, name: str) -> dict[str, str] | None:
    """govuk errorMessage params for one field, or None."""
    errors = form.errors.get(name)
    return {"text": " ".join(str(e) for e in errors)} if errors else None


def field_value(form: forms.BaseForm, name: str) -> str:
    """The value to show back in an input."""
    value = form[name].value()
    return "" if value is None else str(value)


def choice_items(form: forms.BaseForm, name: str) -> list[dict]:
    """govukRadios / govukSelect items from a ChoiceField, the current value checked."""
    current = field_value(form, name)
    return [
        {
            "value": str(value),
            "text": str(label),
            "checked": str(value) == current,
            "selected": str(value) == current,
        }
        for value, label in form.fields[name].choices
    ]


# --- Dates: the GOV.UK date input pattern ------------------------------------------

DATE_PARTS = ("day", "month", "year")
DATE_WIDTHS = {"day": 2, "month": 2, "year": 4}
DATE_EXAMPLE = "27 3 2026"
_MONTH_NAMES = (
    "january february march april may june july "
    "august september october november december"
).split()
MONTHS = {
    **{name: number for number, name in enumerate(_MONTH_NAMES, start=1)},
    **{name[:3]: number for number, name in enumerate(_MONTH_NAMES, start=1)},
    "sept": 9,
}
_DIGITS = re.compile(r"[0-9]+")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")


class GovukDateWidget(forms.Widget):
    """Reads the three boxes `<name>-day`, `<name>-month` and `<name>-year`.

    With `iso_fallback` (for GET forms), a single `<name>=YYYY-MM-DD` is read when none
    of the boxes was sent, so links such as `?meeting_date=2026-03-14` keep working.
    Templates draw the boxes with govukDateInput and `date_input_params`, not `render`.
    """

    def __init__(self, attrs=None, *, iso_fallback: bool = False):
        super().__init__(attrs)
        self.iso_fallback = iso_fallback

    def value_from_datadict(self, data, files, name):
        if any(f"{name}-{part}" in data for part in DATE_PARTS):
            return {part: data.get(f"{name}-{part}") or "" for part in DATE_PARTS}
        if self.iso_fallback and name in data:
            return data.get(name)
        return None

    def value_omitted_from_data(self, data, files, name):
        return self.value_from_datadict(data, files, name) is None


class GovukDateField(forms.Field):
    """A date typed as day, month and year, cleaned to a `datetime.date`.

    The month may be a number or a name ("March", "mar"). Errors follow the GOV.UK
    Design System and name the field: "Enter the meeting date", "Meeting date must
    include a month", "Meeting date must be a real date". Each error records which
    boxes to highlight (`params["parts"]`), for `date_input_params`.

    `error_name` is what messages call the date, when the label does not read well
    in a sentence; `not_future` refuses dates after today; `iso_fallback` also reads
    `<name>=YYYY-MM-DD` (GET forms only). `error_messages` may replace any message
    by its code: required, incomplete, invalid, year_digits or future.
    """

    widget = GovukDateWidget

    def __init__(
        self,
        *,
        iso_fallback: bool = False,
        not_future: bool = False,
        error_name: str | None = None,
        **kwargs,
    ):
        self.iso_fallback = iso_fallback
        self.not_future = not_future
        self.error_name = error_name
        self.given_messages = dict(kwargs.get("error_messages") or {})
        kwargs.setdefault("widget", GovukDateWidget(iso_fallback=iso_fallback))
        super().__init__(**kwargs)

    @property
    def subject(self) -> str:
        """The date as messages name it, capitalised: "Date of update"."""
        name = str(self.error_name or self.label or "date")
        return name[:1].upper() + name[1:]

    def _error(self, code: str, message: str, parts=DATE_PARTS) -> ValidationError:
        return ValidationError(
            self.given_messages.get(code, message),
            code=code,
            params={"parts": tuple(parts)},
        )

    def to_python(self, value) -> dt.date | None:
        if isinstance(value, dt.date):
            return value
        if value is None:
            return None
        if isinstance(value, str):
            return self._from_iso(value.strip())
        typed = {part: str(value.get(part) or "").strip() for part in DATE_PARTS}
        if not any(typed.values()):
            return None
        missing = [part for part in DATE_PARTS if not typed[part]]
        if missing:
            raise self._error(
                "incomplete",
                f"{self.subject} must include a {' and '.join(missing)}",
                missing,
            )
        day = int(typed["day"]) if _DIGITS.fullmatch(typed["day"]) else None
        month = _month(typed["month"])
        wrong = [
            part
            for part, ok in (
                ("day", day is not None and 1 <= day <= 31),
                ("month", month is not None),
                ("year", bool(_DIGITS.fullmatch(typed["year"]))),
            )
            if not ok
        ]
        if wrong:
            raise self._error("invalid", self.real_date_message, wrong)
        if len(typed["year"]) != 4:
            raise self._error("year_digits", "Year must include 4 numbers", ["year"])
        try:
            return dt.date(int(typed["year"]), month, day)
        except ValueError:
            raise self._error("invalid", self.real_date_message) from None

    @property
    def real_date_message(self) -> str:
        return f"{self.subject} must be a real date"

    def _from_iso(self, value: str) -> dt.date | None:
        if not value:
            return None
        try:
            if _ISO_DATE.fullmatch(value):
                return dt.date.fromisoformat(_iso_padded(value))
        except ValueError:
            pass
        raise self._error("invalid", self.real_date_message)

    def validate(self, value) -> None:
        if value is None:
            if self.required:
                name = self.subject
                raise self._error("required", f"Enter the {name[:1].lower()}{name[1:]}")
            return
        if self.not_future and value > timezone.localdate():
            raise self._error("future", f"{self.subject} must be today or in the past")


def _month(text: str) -> int | None:
    if _DIGITS.fullmatch(text):
        return int(text) if 1 <= int(text) <= 12 else None
    return MONTHS.get(text.lower().rstrip("."))


def _iso_padded(value: str) -> str:
    year, month, day = value.split("-")
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _date_boxes(value) -> dict[str, str]:
    """What to show in the day, month and year boxes for a field's value."""
    if isinstance(value, dict):
        return {part: str(value.get(part) or "") for part in DATE_PARTS}
    if isinstance(value, dt.date):
        return {
            "day": str(value.day),
            "month": str(value.month),
            "year": str(value.year),
        }
    if isinstance(value, str) and (match := _ISO_DATE.fullmatch(value.strip())):
        year, month, day = match.groups()
        return {"day": str(int(day)), "month": str(int(month)), "year": year}
    return dict.fromkeys(DATE_PARTS, "")


def _date_error_parts(form: forms.BaseForm, name: str) -> tuple[str, ...]:
    """The boxes to highlight: those the first error names, else all three."""
    errors = form.errors.as_data().get(name) or []
    if not errors:
        return ()
    params = errors[0].params if isinstance(errors[0].params, dict) else {}
    return tuple(params.get("parts") or DATE_PARTS)


def date_input_params(
    form: forms.BaseForm,
    name: str,
    label: str | None = None,
    hint: str | None = None,
    label_classes: str = "",
    value: dt.date | None = None,
    example: str = DATE_EXAMPLE,
) -> dict:
    """govukDateInput params for a GovukDateField: legend, hint, boxes and errors.

    `hint` comes before the example ("Leave empty for today. For example, 27 3 2026");
    `value`, when given, is shown instead of the field's own value.
    """
    bound = form[name]
    boxes = _date_boxes(bound.value() if value is None else value)
    error = field_error(form, name)
    wrong = _date_error_parts(form, name) if error else ()
    example_text = f"For example, {example}"
    return {
        "id": bound.auto_id or f"id_{bound.html_name}",
        "namePrefix": bound.html_name,
        "fieldset": {
            "legend": {"text": label or str(bound.label), "classes": label_classes}
        },
        "hint": {
            "text": f"{hint.rstrip('.')}. {example_text}" if hint else example_text
        },
        "errorMessage": error,
        "items": [
            {
                "name": part,
                "label": part.capitalize(),
                "value": boxes[part],
                "classes": f"govuk-input--width-{DATE_WIDTHS[part]}"
                + (" govuk-input--error" if part in wrong else ""),
            }
            for part in DATE_PARTS
        ],
    }
