"""GovukDateField and date_input_params: the GOV.UK date input pattern."""

import datetime as dt
from html.parser import HTMLParser

import pytest
from django import forms
from django.http import QueryDict
from django.template import engines

from assure.core.forms import GovukDateField, date_input_params, error_list
from assure.plans.models import Plan


class UpdateForm(forms.Form):
    """A POST form: an optional date that may not be in the future."""

    update_date = GovukDateField(
        label="Date of update", required=False, not_future=True
    )


class MeetingForm(forms.Form):
    """A GET form: a required date, also read as ?meeting_date=YYYY-MM-DD."""

    meeting_date = GovukDateField(label="Meeting date", iso_fallback=True)
    previous_date = GovukDateField(
        label="Previous meeting date", required=False, iso_fallback=True
    )

    def clean(self):
        data = super().clean()
        meeting, previous = data.get("meeting_date"), data.get("previous_date")
        if meeting and previous and previous >= meeting:
            self.add_error("previous_date", "The previous meeting must be first")
        return data


def boxes(name: str, day="", month="", year="") -> dict[str, str]:
    return {f"{name}-day": day, f"{name}-month": month, f"{name}-year": year}


def meeting(**data) -> MeetingForm:
    """The form bound to a query string, as a GET request gives it."""
    query = QueryDict(mutable=True)
    query.update(data)
    form = MeetingForm(query)
    form.is_valid()
    return form


def first_error(form: forms.Form, name: str):
    """The message and the boxes it highlights."""
    error = form.errors.as_data()[name][0]
    return error.messages[0], error.params["parts"]


class TestGovukDateField:
    @pytest.mark.parametrize(
        ("day", "month", "year", "expected"),
        [
            ("27", "3", "2026", dt.date(2026, 3, 27)),
            (" 07 ", "03", " 2026", dt.date(2026, 3, 7)),
            ("1", "March", "2026", dt.date(2026, 3, 1)),
            ("1", "mar", "2026", dt.date(2026, 3, 1)),
            ("1", "MAR", "2026", dt.date(2026, 3, 1)),
            ("30", "Sept", "2025", dt.date(2025, 9, 30)),
            ("30", "sep.", "2025", dt.date(2025, 9, 30)),
            ("29", "feb", "2028", dt.date(2028, 2, 29)),
        ],
    )
    def test_cleans_the_three_boxes_to_a_date(self, day, month, year, expected):
        form = meeting(**boxes("meeting_date", day, month, year))

        assert form.errors == {}
        assert form.cleaned_data["meeting_date"] == expected

    def test_a_required_date_left_empty(self):
        form = meeting(**boxes("meeting_date"))

        assert first_error(form, "meeting_date") == (
            "Enter the meeting date",
            ("day", "month", "year"),
        )

    def test_an_optional_date_left_empty_is_none(self):
        form = UpdateForm(boxes("update_date"))

        assert form.is_valid()
        assert form.cleaned_data["update_date"] is None

    def test_an_optional_date_not_sent_at_all_is_none(self):
        form = UpdateForm({})

        assert form.is_valid()
        assert form.cleaned_data["update_date"] is None

    @pytest.mark.parametrize(
        ("day", "month", "year", "message", "parts"),
        [
            ("1", "", "2026", "Date of update must include a month", ("month",)),
            ("", "3", "2026", "Date of update must include a day", ("day",)),
            ("1", "3", "", "Date of update must include a year", ("year",)),
            (
                "",
                "",
                "2026",
                "Date of update must include a day and month",
                ("day", "month"),
            ),
            (
                "1",
                "",
                "",
                "Date of update must include a month and year",
                ("month", "year"),
            ),
        ],
    )
    def test_a_missing_part_is_named(self, day, month, year, message, parts):
        form = UpdateForm(boxes("update_date", day, month, year))

        assert not form.is_valid()
        assert first_error(form, "update_date") == (message, parts)

    @pytest.mark.parametrize(
        ("day", "month", "year", "parts"),
        [
            ("31", "2", "2026", ("day", "month", "year")),
            ("29", "2", "2026", ("day", "month", "year")),
            ("32", "1", "2026", ("day",)),
            ("x", "1", "2026", ("day",)),
            ("1", "13", "2026", ("month",)),
            ("1", "Marchember", "2026", ("month",)),
            ("1", "3", "20x6", ("year",)),
            ("0", "0", "2026", ("day", "month")),
        ],
    )
    def test_not_a_real_date(self, day, month, year, parts):
        form = UpdateForm(boxes("update_date", day, month, year))

        assert not form.is_valid()
        assert first_error(form, "update_date") == (
            "Date of update must be a real date",
            parts,
        )

    @pytest.mark.parametrize("year", ["26", "202", "20266"])
    def test_the_year_needs_4_numbers(self, year):
        form = UpdateForm(boxes("update_date", "1", "3", year))

        assert first_error(form, "update_date") == (
            "Year must include 4 numbers",
            ("year",),
        )

    def test_today_is_allowed_but_not_tomorrow(self, today):
        allowed = UpdateForm(boxes("update_date", "14", "3", "2026"))
        refused = UpdateForm(boxes("update_date", "15", "3", "2026"))

        assert allowed.is_valid()
        assert allowed.cleaned_data["update_date"] == today
        assert not refused.is_valid()
        assert first_error(refused, "update_date") == (
            "Date of update must be today or in the past",
            ("day", "month", "year"),
        )

    def test_a_get_form_also_reads_an_iso_date(self):
        form = meeting(meeting_date="2026-03-14", previous_date="2025-12-13")

        assert form.errors == {}
        assert form.cleaned_data == {
            "meeting_date": dt.date(2026, 3, 14),
            "previous_date": dt.date(2025, 12, 13),
        }

    @pytest.mark.parametrize("value", ["2026-02-30", "14/03/2026", "yesterday"])
    def test_a_bad_iso_date_is_not_a_real_date(self, value):
        form = meeting(meeting_date=value)

        assert form.errors == {"meeting_date": ["Meeting date must be a real date"]}

    def test_the_boxes_win_over_an_iso_date(self):
        form = meeting(
            meeting_date="2026-03-14", **boxes("meeting_date", "1", "2", "2026")
        )

        assert form.cleaned_data["meeting_date"] == dt.date(2026, 2, 1)

    def test_a_post_form_ignores_an_iso_date(self):
        form = UpdateForm({"update_date": "2026-03-01"})

        assert form.is_valid()
        assert form.cleaned_data["update_date"] is None

    def test_messages_can_use_another_name_and_override_required(self):
        class Form(forms.Form):
            as_at = GovukDateField(
                label="Status as at",
                error_name="date the report is as at",
                error_messages={"required": "Enter the date of the report"},
            )

        assert Form(boxes("as_at", "1")).errors == {
            "as_at": ["Date the report is as at must include a month and year"]
        }
        assert Form(boxes("as_at")).errors == {
            "as_at": ["Enter the date of the report"]
        }

    def test_a_model_form_field_uses_the_model_form_label(self):
        class PeriodForm(forms.ModelForm):
            class Meta:
                model = Plan
                fields = ["period_start_date", "period_end_date"]
                labels = {"period_end_date": "End of the period"}
                field_classes = {
                    "period_start_date": GovukDateField,
                    "period_end_date": GovukDateField,
                }

        form = PeriodForm(
            {
                **boxes("period_start_date", "1", "4", "2025"),
                **boxes("period_end_date", "31", "", "2027"),
            }
        )

        assert form.errors == {
            "period_end_date": ["End of the period must include a month"]
        }
        assert form.cleaned_data["period_start_date"] == dt.date(2025, 4, 1)


class TestErrorList:
    def test_links_to_the_first_box_with_an_error(self):
        form = meeting(**boxes("meeting_date", "1", "", ""))

        assert error_list(form) == [
            {
                "text": "Meeting date must include a month and year",
                "href": "#id_meeting_date-month",
            }
        ]

    def test_links_to_the_day_when_the_whole_date_is_wrong(self):
        form = meeting(
            **boxes("meeting_date", "1", "3", "2026"),
            **boxes("previous_date", "1", "3", "2026"),
        )

        assert error_list(form) == [
            {
                "text": "The previous meeting must be first",
                "href": "#id_previous_date-day",
            }
        ]


class Inputs(HTMLParser):
    """Each <input>'s attributes, by id, and the legend and hint text."""

    def __init__(self, html: str):
        super().__init__()
        self.inputs, self.text, self._in = {}, {}, None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input":
            self.inputs[attrs["id"]] = attrs
        elif tag == "legend" or "govuk-hint" in (attrs.get("class") or ""):
            self._in = tag if tag == "legend" else "hint"
        elif "govuk-error-message" in (attrs.get("class") or ""):
            self._in = "error"

    def handle_data(self, data):
        if self._in and data.strip():
            self.text[self._in] = " ".join([self.text.get(self._in, ""), data.strip()])

    def handle_endtag(self, tag):
        if tag in {"legend", "div", "p"}:
            self._in = None


def render(form, name, label, **kwargs) -> Inputs:
    template = engines["jinja2"].from_string(
        '{% from "govuk_frontend_jinja/components/date-input/macro.html" '
        "import govukDateInput %}"
        "{{ govukDateInput(date_input_params(form, name, label, **kwargs)) }}"
    )
    html = template.render(
        {"form": form, "name": name, "label": label, "kwargs": kwargs}
    )
    return Inputs(html)


class TestDateInputParams:
    def test_draws_three_named_boxes_with_a_legend_and_example(self):
        page = render(MeetingForm(), "meeting_date", "Meeting date")

        assert list(page.inputs) == [
            "id_meeting_date-day",
            "id_meeting_date-month",
            "id_meeting_date-year",
        ]
        day, month, year = page.inputs.values()
        assert (day["name"], month["name"], year["name"]) == (
            "meeting_date-day",
            "meeting_date-month",
            "meeting_date-year",
        )
        assert (day["value"], month["value"], year["value"]) == ("", "", "")
        assert (day["inputmode"], day["type"]) == ("numeric", "text")
        assert "govuk-input--width-2" in day["class"]
        assert "govuk-input--width-4" in year["class"]
        assert page.text["legend"].strip() == "Meeting date"
        assert page.text["hint"].strip() == "For example, 27 3 2026"
        assert "error" not in page.text

    def test_shows_a_date_given_as_initial_data_or_value(self):
        initial = MeetingForm(initial={"meeting_date": dt.date(2026, 3, 7)})
        iso = MeetingForm(initial={"meeting_date": "2026-03-07"})

        for page in (
            render(initial, "meeting_date", "Meeting date"),
            render(iso, "meeting_date", "Meeting date"),
            render(MeetingForm(), "meeting_date", "M", value=dt.date(2026, 3, 7)),
        ):
            assert [i["value"] for i in page.inputs.values()] == ["7", "3", "2026"]

    def test_shows_what_was_typed_and_marks_the_wrong_box(self):
        form = UpdateForm(boxes("update_date", "7", "", "2026"))
        form.is_valid()

        page = render(
            form,
            "update_date",
            "Date of update",
            hint="Leave empty for today",
            label_classes="govuk-fieldset__legend--s",
        )

        day, month, year = page.inputs.values()
        assert [day["value"], month["value"], year["value"]] == ["7", "", "2026"]
        assert "govuk-input--error" not in day["class"]
        assert "govuk-input--error" in month["class"]
        assert "govuk-input--error" not in year["class"]
        assert (
            page.text["hint"].strip() == "Leave empty for today. For example, 27 3 2026"
        )
        assert (
            page.text["error"].strip() == "Error: Date of update must include a month"
        )

    def test_marks_every_box_when_the_whole_date_is_wrong(self):
        form = UpdateForm(boxes("update_date", "31", "feb", "2026"))
        form.is_valid()

        page = render(form, "update_date", "Date of update")

        assert all("govuk-input--error" in i["class"] for i in page.inputs.values())
        assert page.inputs["id_update_date-month"]["value"] == "feb"

    def test_params_follow_a_form_prefix(self):
        form = UpdateForm(prefix="p")

        params = date_input_params(form, "update_date", "Date of update")

        assert (params["id"], params["namePrefix"]) == (
            "id_p-update_date",
            "p-update_date",
        )
        assert params["fieldset"]["legend"] == {"text": "Date of update", "classes": ""}
        assert params["errorMessage"] is None
