"""Helpers that turn Django form errors into GOV.UK error summary and message params."""

from django import forms


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
