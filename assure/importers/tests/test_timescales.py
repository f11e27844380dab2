"""Reading timescales into due dates, under the plan-format rules."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assure.importers.timescales import parse_timescale

PLAN_2017 = {"period_start": date(2017, 4, 1), "period_end": date(2018, 3, 31)}
PLAN_2012 = {"period_start": date(2012, 7, 1), "period_end": date(2013, 6, 30)}

DATED = [
    # month and year: last day of the month; two-digit years are 20yy
    ("May 17", PLAN_2017, date(2017, 5, 31)),
    ("Sept 17", PLAN_2017, date(2017, 9, 30)),
    ("Sep 17", PLAN_2017, date(2017, 9, 30)),
    ("Sept. 2017", PLAN_2017, date(2017, 9, 30)),
    ("December 2017", PLAN_2017, date(2017, 12, 31)),
    ("June 2017", PLAN_2017, date(2017, 6, 30)),
    ("Jan 18", PLAN_2017, date(2018, 1, 31)),
    ("February 2016", PLAN_2017, date(2016, 2, 29)),
    ("By June 2013", PLAN_2012, date(2013, 6, 30)),
    ("April 18", PLAN_2017, date(2018, 4, 30)),
    # day, month and year: that day, day first
    ("1.4.13", PLAN_2012, date(2013, 4, 1)),
    ("19/11/2014", PLAN_2012, date(2014, 11, 19)),
    ("05/03/2018", PLAN_2017, date(2018, 3, 5)),
    ("31st March 2018", PLAN_2017, date(2018, 3, 31)),
    ("2018-02-28", PLAN_2017, date(2018, 2, 28)),
    # quarters of the UK financial year of the plan's first year
    ("Q1", PLAN_2017, date(2017, 6, 30)),
    ("Q2", PLAN_2017, date(2017, 9, 30)),
    ("Q3", PLAN_2017, date(2017, 12, 31)),
    ("Q4", PLAN_2017, date(2018, 3, 31)),
    ("End of Q 3", PLAN_2017, date(2017, 12, 31)),
    ("Toolkit finalised by end of Q3", PLAN_2017, date(2017, 12, 31)),
    ("Q4 for the Audit", PLAN_2017, date(2018, 3, 31)),
    ("third quarter", PLAN_2017, date(2017, 12, 31)),
    ("Q2 2018/19", PLAN_2017, date(2018, 9, 30)),
    # ranges: the end
    ("July 12 – June 13", PLAN_2012, date(2013, 6, 30)),
    ("July 12 – Nov 12", PLAN_2012, date(2012, 11, 30)),
    ("July 12 - June 13", PLAN_2012, date(2013, 6, 30)),
    ("April to September 2017", PLAN_2017, date(2017, 9, 30)),
    # several milestones: the latest
    ("Q1 for full policy Q2 for summary document.", PLAN_2017, date(2017, 9, 30)),
    (
        "Jan 13 (procedures) Aug 12 onwards (workforce development strategy)",
        PLAN_2012,
        date(2013, 1, 31),
    ),
    ("Sept 12 (S11) and March 12 (S175/157)", PLAN_2012, date(2012, 9, 30)),
    ("Q3 for Audit. Following up by Q4", PLAN_2017, date(2018, 3, 31)),
    ("Q4 Q4", PLAN_2017, date(2018, 3, 31)),
    ("Q3 Q4 for CSE Day", PLAN_2017, date(2018, 3, 31)),
    ("End of Q4 Reviewed every quarter throughout 17/18", PLAN_2017, date(2018, 3, 31)),
    # whole years
    ("Throughout 2017/18", PLAN_2017, date(2018, 3, 31)),
    ("Two during 2017 - 18", PLAN_2017, date(2018, 3, 31)),
    ("during 2017-18", PLAN_2017, date(2018, 3, 31)),
    ("by end of year", PLAN_2017, date(2018, 3, 31)),
    ("By the end of the financial year", PLAN_2017, date(2018, 3, 31)),
    ("Q3 and Q4 Throughout 2017/18", PLAN_2017, date(2018, 3, 31)),
    (
        "Survey Q1 Action Plan following Survey Q2 Other "
        "activities ongoing throughout 2017/18",
        PLAN_2017,
        date(2018, 3, 31),
    ),
    (
        "Audit Q1 Findings and action plan Q2. Actions to be implemented through 17/18",
        PLAN_2017,
        date(2018, 3, 31),
    ),
    # a start with no recurrence is the date
    ("То commence in March 2013", PLAN_2012, date(2013, 3, 31)),
    # a month with no year falls within the plan
    ("March", PLAN_2017, date(2018, 3, 31)),
    ("end of September", PLAN_2017, date(2017, 9, 30)),
]

OPEN = [
    ("Ongoing", "ongoing"),
    ("On-going", "ongoing"),
    ("on going", "ongoing"),
    ("Quarterly", "quarterly"),
    ("Quarterly reports", "quarterly"),
    ("Quarterly – commencing Nov 12.", "quarterly"),
    ("Quarterly – commencing July 12", "quarterly"),
    ("Twice yearly", "twice_yearly"),
    ("Six monthly", "twice_yearly"),
    ("Monthly", "monthly"),
    ("Annually", "yearly"),
    ("Sept 2012 onwards", "ongoing"),
    ("Sept 12 onwards", "ongoing"),
    ("Jan 2013 onwards", "ongoing"),
    ("To be implemented Jan 13 onwards", "ongoing"),
    ("To commence Dec 12 onwards", "ongoing"),
    ("July 12 – June 13 onwards", "ongoing"),
    ("To be determined", None),
    ("To be determined by Director of Public Health", None),
    ("TBC", None),
    ("Post launch of revised national guidance", None),
]


@pytest.mark.parametrize(("text", "period", "expected"), DATED)
def test_dated_timescales(text, period, expected):
    result = parse_timescale(text, **period)
    assert result.date == expected
    assert not result.is_open_ended


@pytest.mark.parametrize(("text", "recurrence"), OPEN)
def test_open_ended_timescales_have_no_date(text, recurrence):
    result = parse_timescale(text, **PLAN_2012)
    assert result.date is None
    assert result.is_open_ended
    assert result.recurrence == recurrence
    assert result.problem is None


def test_keeps_the_text_as_written_with_lookalike_letters_fixed():
    result = parse_timescale("  То  commence in\nMarch 2013 ", **PLAN_2012)
    assert result.text == "To commence in March 2013"


def test_start_of_a_range_and_of_a_recurrence():
    assert parse_timescale("July 12 – June 13", **PLAN_2012).start_date == date(
        2012, 7, 1
    )
    assert parse_timescale("Quarterly – commencing Nov 12.").start_date == date(
        2012, 11, 1
    )


def test_milestones_are_listed():
    result = parse_timescale("Q1 for full policy Q2 for summary document.", **PLAN_2017)
    assert result.milestones == [date(2017, 6, 30), date(2017, 9, 30)]


def test_quarter_without_a_plan_year_is_a_problem():
    result = parse_timescale("Q3")
    assert result.date is None
    assert result.problem == "no date could be read"


def test_words_that_name_no_date_are_a_problem():
    result = parse_timescale("When the new team is in place, hopefully soon")
    assert result.date is None


def test_nonsense_is_a_problem_not_an_error():
    assert parse_timescale("purple", **PLAN_2017).problem == "no date could be read"
    assert parse_timescale("", **PLAN_2017).problem == "no timescale given"


def test_date_outside_the_period_is_flagged():
    assert (
        parse_timescale("April 18", **PLAN_2017).problem
        == "date outside the plan's period"
    )


def test_may_as_a_verb_is_not_a_month():
    assert parse_timescale("This may slip", **PLAN_2017).date is None


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=200))
def test_never_raises(text):
    result = parse_timescale(text, **PLAN_2017)
    assert result.date is None or isinstance(result.date, date)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Q",
                "Q3",
                "end",
                "of",
                "Sept",
                "17",
                "2017/18",
                "–",
                "onwards",
                "1.4.13",
                "99/99/99",
                "Feb 30",
                "throughout",
                "/",
                "-",
                "20",
                "31",
                "Quarterly",
                "March",
                "0",
                "-1",
            ]
        ),
        max_size=8,
    )
)
def test_never_raises_on_date_like_words(words):
    parse_timescale(" ".join(words), period_start=None, period_end=None)
