"""Read a plan's timescale ("Sept 17", "end of Q3", "Ongoing") into a due date."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from .text import clean_text

MONTHS: dict[str, int] = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d|'?\d\d)"
_MONTH_YEAR = re.compile(
    r"\b(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
    + _MONTH
    + r"(?:\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?,)?(?:(?:\s*,?\s*|-)"
    + _YEAR
    + r")?\b(?![./]\d)",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(
    r"(?<![\d/.])(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-](?P<y>\d{4}|\d{2})(?![\d/.])"
)
_WEEK_OF = re.compile(
    r"\b(?:w\s*/\s*c|w\.c\.?|wc|week\s+(?:commencing|beginning|starting))\s*:?\s*",
    re.IGNORECASE,
)
_SEASON = re.compile(
    r"\b(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?P<term>term))?"
    r"(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d(?:\s*[/-]\s*(?:19|20)?\d\d)?|'\d\d))?\b"
    r"(?!\s*[-/]?\s*half)",
    re.IGNORECASE,
)
# The last month of each school term and season, and whether it ends in the next
# calendar year (winter runs into February).
_TERM_END = {"autumn": (12, 0), "spring": (3, 0), "summer": (7, 0)}
_SEASON_END = {
    "spring": (5, 0),
    "summer": (8, 0),
    "autumn": (11, 0),
    "fall": (11, 0),
    "winter": (2, 1),
}
_RELATIVE = re.compile(
    r"\bwithin\s+(?P<n>\d{1,2}|one|two|three|four|six|nine|twelve)\s+"
    r"(?P<unit>weeks?|months?|years?)\b",
    re.IGNORECASE,
)
_SMALL_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "six": 6,
    "nine": 9,
    "twelve": 12,
}
_ISO_DATE = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")
_QUARTER = re.compile(
    r"\b(?:Q\s?(?P<q>[1-4])|(?P<word>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)"
    r"(?:\s+(?:of\s+)?(?P<fy>(?:20)?\d\d\s*[/-]\s*(?:20)?\d\d|20\d\d))?\b",
    re.IGNORECASE,
)
_QUARTER_WORDS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}
_SPAN_YEAR = re.compile(r"\b(?P<a>(?:19|20)?\d\d)\s*[/–—-]\s*(?P<b>(?:19|20)?\d\d)\b")
_WHOLE_YEAR = re.compile(
    r"\b(?:throughout|through|during|over|across|in|for|by(?:\s+the)?"
    r"(?:\s+end\s+of)?)\s+(?:the\s+)?(?:(?:financial\s+)?year\s+)?(?P<span>(?:19|20)?\d\d\s*[/–—-]\s*"
    r"(?:19|20)?\d\d|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_END_OF_YEAR = re.compile(
    r"\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+)?(?:financial\s+|plan\s+|reporting\s+)?"
    r"year\b|\byear[\s-]end\b|\bthroughout\s+the\s+year\b",
    re.IGNORECASE,
)
_ONWARDS = re.compile(r"\b(?:onwards?|on\s+wards|and\s+beyond)\b", re.IGNORECASE)
_START_WORDS = re.compile(
    r"\b(?:commenc\w*|start\w*|begin\w*|from)\s*(?:in|on|from)?\s*$", re.IGNORECASE
)
_RECURRENCE: list[tuple[str, re.Pattern[str]]] = [
    (
        "twice_yearly",
        re.compile(
            r"\b(?:twice\s+(?:a\s+|per\s+|each\s+)?year(?:ly)?|six[\s-]monthly|6[\s-]monthly|"
            r"bi-?annual(?:ly)?|half[\s-]yearly)\b",
            re.I,
        ),
    ),
    ("monthly", re.compile(r"\b(?:monthly|every\s+month|each\s+month)\b", re.I)),
    (
        "quarterly",
        re.compile(r"\b(?:quarterly|every\s+quarter|each\s+quarter)\b", re.I),
    ),
    (
        "yearly",
        re.compile(r"\b(?:annually|yearly|every\s+year|each\s+year|annual)\b", re.I),
    ),
    (
        "ongoing",
        re.compile(
            r"\b(?:on[\s-]?going|continuous(?:ly)?|continual(?:ly)?|rolling|as\s+required|"
            r"as\s+and\s+when|as\s+needed|business\s+as\s+usual)\b",
            re.I,
        ),
    ),
]
_UNDETERMINED = re.compile(
    r"\b(?:to\s+be\s+(?:determined|confirmed|agreed|decided)|tb[cda]|not\s+known|"
    r"unknown|post\s+\w+|following\s+\w+|after\s+(?:the\s+)?\w+|when\s+\w+|once\s+\w+|"
    r"dependent\s+on|subject\s+to)\b",
    re.IGNORECASE,
)


@dataclass
class Timescale:
    """A timescale as written and what it means: a due date, a start, a recurrence."""

    text: str
    date: date | None = None
    start_date: date | None = None
    recurrence: str | None = None
    milestones: list[date] = field(default_factory=list)
    is_open_ended: bool = False
    problem: str | None = None


@dataclass
class _Mention:
    """One date found in the text, with where it sits."""

    end: date
    start: date
    pos: int
    stop: int
    is_start: bool = False
    is_open: bool = False


def _last_day(year: int, month: int) -> date:
    """Last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def _full_year(text: str) -> int:
    """Read a two- or four-digit year; two-digit years are 20yy."""
    digits = text.strip("'")
    year = int(digits)
    return 2000 + year if len(digits) <= 2 else year


def _year_for_month(month: int, period_start: date | None) -> int | None:
    """The year of a month named without one: its first occurrence in the plan."""
    if period_start is None:
        return None
    return period_start.year if month >= period_start.month else period_start.year + 1


def _span_end(a: str, b: str) -> tuple[date, date] | None:
    """A year span like 2017/18 or 2016-2019: financial years, April to March."""
    first, second = _full_year(a), _full_year(b)
    if len(b) == 2 and len(a) == 4:
        second = (first // 100) * 100 + int(b)
    if not 0 <= second - first <= 5 or first < 1990:
        return None
    if second == first:
        return date(first, 1, 1), date(first, 12, 31)
    return date(first, 4, 1), date(second, 3, 31)


def _quarter_dates(
    quarter: int, fy: str | None, period_start: date | None
) -> tuple[date, date] | None:
    """First and last day of a UK financial-year quarter."""
    if fy:
        match = _SPAN_YEAR.search(fy)
        first = _full_year(match.group("a")) if match else _full_year(fy)
    elif period_start is not None:
        first = period_start.year if period_start.month >= 4 else period_start.year - 1
    else:
        return None
    start_month = {1: 4, 2: 7, 3: 10, 4: 1}[quarter]
    year = first + 1 if quarter == 4 else first
    return date(year, start_month, 1), _last_day(year, start_month + 2)


def _mentions(
    text: str, period_start: date | None, period_end: date | None
) -> list[_Mention]:
    """Every date, month, quarter and year span the text names, in order."""
    found: list[_Mention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    def add(start: date, end: date, a: int, b: int) -> None:
        found.append(_Mention(end=end, start=start, pos=a, stop=b))
        taken.append((a, b))

    for match in _WEEK_OF.finditer(text):
        day = _date_at(text, match.end())
        if day is not None:
            end = day[0] + timedelta(days=6)
            if free(match.start(), day[1]):
                add(day[0], end, match.start(), day[1])
    for match in list(_ISO_DATE.finditer(text)) + list(_NUMERIC_DATE.finditer(text)):
        if not free(*match.span()):
            continue
        try:
            day = date(
                _full_year(match.group("y")),
                int(match.group("m")),
                int(match.group("d")),
            )
        except ValueError:
            continue
        add(day, day, *match.span())
    for match in _SEASON.finditer(text):
        dates = _season_dates(match, period_start)
        if dates and free(*match.span()):
            add(dates[0], dates[1], *match.span())
    for match in _WHOLE_YEAR.finditer(text):
        span = match.group("span")
        pair = _SPAN_YEAR.search(span)
        if pair:
            dates = _span_end(pair.group("a"), pair.group("b"))
        else:
            year = int(span)
            dates = (date(year, 1, 1), date(year, 12, 31))
        if dates and free(*match.span("span")):
            add(dates[0], dates[1], *match.span("span"))
    for match in _MONTH_YEAR.finditer(text):
        if not free(*match.span()):
            continue
        month = MONTHS[match.group("month").lower()]
        if match.group("month").lower() == "may" and not (
            match.group("year") or match.group("day")
        ):
            continue  # "may" is usually the verb
        year_text = match.group("year")
        year = (
            _full_year(year_text) if year_text else _year_for_month(month, period_start)
        )
        if year is None or not 1990 <= year <= 2100:
            continue
        day_text = match.group("day") or match.group("day2")
        try:
            if day_text:
                day = date(year, month, int(day_text))
                add(day, day, *match.span())
            else:
                add(date(year, month, 1), _last_day(year, month), *match.span())
        except ValueError:
            continue
    for match in _QUARTER.finditer(text):
        quarter = int(match.group("q") or _QUARTER_WORDS[match.group("word").lower()])
        dates = _quarter_dates(quarter, match.group("fy"), period_start)
        if dates and free(*match.span()):
            add(dates[0], dates[1], *match.span())
    for match in _END_OF_YEAR.finditer(text):
        if period_end is not None and free(*match.span()):
            add(period_end, period_end, *match.span())
    for match in _SPAN_YEAR.finditer(text):
        if free(*match.span()) and len(match.group("a")) == 4:
            dates = _span_end(match.group("a"), match.group("b"))
            if dates:
                add(dates[0], dates[1], *match.span())
    found.sort(key=lambda m: m.pos)
    _mark_starts_and_open(text, found)
    return found


def _date_at(text: str, position: int) -> tuple[date, int] | None:
    """The day named at a position ("3 March 2025", "03/03/25"), and where it stops."""
    rest = text[position:]
    numeric = _NUMERIC_DATE.match(rest) or _ISO_DATE.match(rest)
    try:
        if numeric:
            day = date(
                _full_year(numeric.group("y")),
                int(numeric.group("m")),
                int(numeric.group("d")),
            )
            return day, position + numeric.end()
        named = _MONTH_YEAR.match(rest)
        if (
            named
            and named.group("year")
            and (named.group("day") or named.group("day2"))
        ):
            day = date(
                _full_year(named.group("year")),
                MONTHS[named.group("month").lower()],
                int(named.group("day") or named.group("day2")),
            )
            return day, position + named.end()
    except ValueError:
        return None
    return None


def _season_dates(
    match: re.Match[str], period_start: date | None
) -> tuple[date, date] | None:
    """First and last day of a school term ("Spring term 2026": to 31 March) or a season
    ("Autumn 2025": to 30 November; "Winter 2025": to the end of February 2026)."""
    season = match.group("season").lower()
    is_term = bool(match.group("term"))
    if is_term and season not in _TERM_END:
        return None
    month, next_year = (_TERM_END if is_term else _SEASON_END)[season]
    year_text = match.group("year")
    if year_text:
        pair = _SPAN_YEAR.search(year_text)
        if pair:
            first = _full_year(pair.group("a"))
            # An academic or financial year: the autumn (and a season's spring, summer,
            # autumn) fall in its first calendar year, the rest in its second.
            second_half = month <= 7 if is_term else next_year == 1
            year = first + 1 if second_half else first
            if not is_term and next_year:
                year = first
        else:
            year = _full_year(year_text)
        end_year = year + next_year
    elif period_start is not None:
        end_year = next(
            y + next_year
            for y in range(period_start.year - 1, period_start.year + 2)
            if _last_day(y + next_year, month) >= period_start
        )
    else:
        return None
    end = _last_day(end_year, month)
    return date(end.year, end.month, 1), end


def _mark_starts_and_open(text: str, found: list[_Mention]) -> None:
    """Flag dates that start something ("commencing July 12") or run on ("onwards")."""
    for index, mention in enumerate(found):
        before = text[max(0, mention.pos - 25) : mention.pos]
        mention.is_start = bool(_START_WORDS.search(before))
        limit = found[index + 1].pos if index + 1 < len(found) else len(text)
        after = text[mention.stop : limit]
        mention.is_open = bool(_ONWARDS.search(after[:40]))
    # In a range "July 12 - June 13 onwards" the onwards belongs to the range's end.
    for index in range(len(found) - 1):
        gap = text[found[index].stop : found[index + 1].pos]
        if re.fullmatch(r"\s*(?:[-–—]|to|until|till)\s*", gap, re.I):
            found[index].is_start = True


def parse_timescale(
    text: str, *, period_start: date | None = None, period_end: date | None = None
) -> Timescale:
    """Read a timescale as written into a due date (last day) under the plan-format
    rules."""
    try:
        return _parse(text, period_start, period_end)
    except Exception:  # noqa: BLE001 - a timescale must never stop an import
        return Timescale(
            text=str(text or ""), problem="The timescale could not be read"
        )


def _parse(text: str, period_start: date | None, period_end: date | None) -> Timescale:
    """Do the work of parse_timescale."""
    written = clean_text(text or "")
    result = Timescale(text=written)
    if not written:
        result.problem = "no timescale given"
        return result
    recurrence = next((name for name, rx in _RECURRENCE if rx.search(written)), None)
    found = _mentions(written, period_start, period_end)
    relative = _RELATIVE.search(written)
    if relative:
        return _relative(result, relative, found)
    result.recurrence = recurrence
    starts = [m for m in found if m.is_start]
    ends = [m for m in found if not m.is_start] or ([] if recurrence else starts)
    if starts:
        result.start_date = min(m.start for m in starts)
    if not ends:
        if starts and recurrence is None and not any(m.is_open for m in found):
            ends = starts
        else:
            result.is_open_ended = True
            if recurrence is None and (found or _ONWARDS.search(written)):
                result.recurrence = "ongoing"
            if not (
                recurrence
                or found
                or _UNDETERMINED.search(written)
                or _ONWARDS.search(written)
            ):
                result.problem = "no date could be read"
            return result
    result.milestones = sorted({m.end for m in ends})
    latest = max(ends, key=lambda m: m.end)
    open_latest = latest.is_open or any(
        m.is_open and m.end >= latest.end for m in found
    )
    if open_latest:
        result.is_open_ended = True
        result.recurrence = recurrence or "ongoing"
        return result
    result.date = latest.end
    if period_start and period_end and not period_start <= latest.end <= period_end:
        result.problem = "date outside the plan's period"
    return result


def _relative(
    result: Timescale, match: re.Match[str], found: list[_Mention]
) -> Timescale:
    """ "Within 6 months": a due date only when the text names what it counts from
    ("within 6 months of June 2025"); else open, for a person to date."""
    count = match.group("n").lower()
    number = int(count) if count.isdigit() else _SMALL_NUMBERS[count]
    unit = match.group("unit").lower()
    base = next(
        (m for m in found if m.pos > match.end() or m.stop < match.start()), None
    )
    if base is None:
        result.is_open_ended = True
        result.problem = "no date could be read"
        return result
    if unit.startswith("week"):
        result.date = base.end + timedelta(weeks=number)
    else:
        months = number * (12 if unit.startswith("year") else 1)
        index = base.end.year * 12 + base.end.month - 1 + months
        result.date = _last_day(index // 12, index % 12 + 1)
    result.milestones = [result.date]
    return result
