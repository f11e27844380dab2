"""Read local figures from a CSV or Excel file and check them row by row.

Read -> check -> preview -> save: `local_figures_read` never writes; the rows it returns
are saved by `services.local_figures_save`, whole or not at all.

Two shapes are accepted (the header row decides):
- tidy: columns indicator, period, value and optionally numerator, denominator, note;
- wide: a column indicator, then one column per period (2024-Q1, 2024-Q2, ...).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .dfe import MARKER_NOTES
from .models import period_end_date

TIDY_COLUMNS = ("indicator", "period", "value", "numerator", "denominator", "note")
REQUIRED_TIDY = ("indicator", "period", "value")
# Columns a wide file may carry beside its periods, for people reading it.
WIDE_IGNORED = {"name", "indicator name", "unit", "definition", "description"}
MAX_ROWS = 5000
NO_HEADER = (
    "The first row must name the columns: indicator, period, value (and optionally "
    "numerator, denominator, note), or indicator followed by one column for each "
    "period, such as 2024-Q1"
)
IS_OFFICIAL = "is an official statistic; its figures come from DfE"
ENTER_PERIOD = "enter a period such as 2024-Q3, 2024-11 or 2024"
ENTER_VALUE = (
    "enter a number, or a marker such as x with a note when there is no figure"
)
UNKNOWN_CODES = (
    "No local indicator has the code {}. Add the indicator first, or correct the code"
)
_MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (
        dt.date(2000, number, 1).strftime("%b").lower(),
        dt.date(2000, number, 1).strftime("%B").lower(),
    )
}
_MONTHS["sept"] = 9


@dataclass(frozen=True)
class Problem:
    """Something wrong with one row (or the whole file, row None)."""

    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        if self.row is None:
            return f"{self.column}: {self.message}" if self.column else self.message
        return f"Row {self.row}, {self.column}: {self.message}"


@dataclass(frozen=True)
class FigureRow:
    """One checked figure ready to save."""

    row: int
    indicator: str
    period: str
    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    note: str = ""

    def to_json(self) -> dict:
        return {
            "row": self.row,
            "indicator": self.indicator,
            "period": self.period,
            "value": _text(self.value),
            "numerator": _text(self.numerator),
            "denominator": _text(self.denominator),
            "note": self.note,
        }

    @classmethod
    def from_json(cls, data: dict) -> FigureRow:
        def number(key: str) -> Decimal | None:
            return Decimal(data[key]) if data.get(key) not in (None, "") else None

        return cls(
            row=int(data["row"]),
            indicator=data["indicator"],
            period=data["period"],
            value=number("value"),
            numerator=number("numerator"),
            denominator=number("denominator"),
            note=data.get("note", ""),
        )


@dataclass
class ReadResult:
    """The rows a file gives and what is wrong with it; saving needs no problems."""

    rows: list[FigureRow]
    problems: list[Problem]
    shape: str = ""

    @property
    def is_valid(self) -> bool:
        return not self.problems and bool(self.rows)


def _text(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format(Decimal(repr(value)).normalize(), "f")
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m")
    return str(value).strip()


def read_table(*, name: str, content: bytes) -> list[list[str]]:
    """A CSV or .xlsx file's first sheet as rows of text. ValueError when unreadable."""
    lower = name.lower()
    if lower.endswith(".xlsx"):
        return _read_xlsx(content)
    if lower.endswith((".csv", ".txt")):
        return _read_csv(content)
    raise ValueError("Choose a CSV file (.csv) or an Excel workbook (.xlsx)")


def _read_csv(content: bytes) -> list[list[str]]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes nearly anything
        raise ValueError("The file is not text. Save it as CSV (UTF-8) and try again")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [[c.strip() for c in row] for row in csv.reader(io.StringIO(text), dialect)]


def _read_xlsx(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a bad file
        raise ValueError(
            "The file is not an Excel workbook that can be read. Save it as .xlsx "
            "and try again"
        ) from error
    try:
        sheet = workbook.worksheets[0]
        return [
            [_cell_text(c) for c in row] for row in sheet.iter_rows(values_only=True)
        ]
    finally:
        workbook.close()


def parse_period(text: str) -> str | None:
    """'2024', '2024-Q3', 'Q3 2024', '2024 Q3', '2024-11', 'Nov 2024' -> canonical."""
    value = text.strip()
    if not value:
        return None
    compact = re.sub(r"\s+", " ", value).lower()
    patterns = [
        (r"^(\d{4})$", lambda m: m[1]),
        (r"^(\d{4})[- /]?q([1-4])$", lambda m: f"{m[1]}-Q{m[2]}"),
        (r"^q([1-4])[- /]?(\d{4})$", lambda m: f"{m[2]}-Q{m[1]}"),
        (r"^(\d{4})-(\d{1,2})(?:-\d{1,2})?$", lambda m: f"{m[1]}-{int(m[2]):02d}"),
        (r"^(\d{1,2})/(\d{4})$", lambda m: f"{m[2]}-{int(m[1]):02d}"),
        (
            r"^([a-z]+)\.? (\d{4})$",
            lambda m: f"{m[2]}-{_MONTHS[m[1]]:02d}" if m[1] in _MONTHS else None,
        ),
    ]
    for pattern, build in patterns:
        match = re.match(pattern, compact)
        if match:
            period = build(match)
            if period is None:
                return None
            try:
                period_end_date(period)
            except ValueError:
                return None
            return period
    return None


def parse_number(text: str) -> tuple[Decimal | None, str | None]:
    """(number, None), or (None, marker note) for c/x/z/..., or (None, None) if bad."""
    value = text.strip()
    if value.lower() in MARKER_NOTES and value:
        return None, MARKER_NOTES[value.lower()]
    cleaned = value.replace(",", "").replace("%", "").replace("£", "").strip()
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        return None, None
    if not number.is_finite():
        return None, None
    return number, None


def local_figures_read(
    *,
    name: str,
    content: bytes,
    known_codes: Iterable[str],
    official_codes: Iterable[str] = (),
) -> ReadResult:
    """Read and check a file of local figures; nothing is saved here."""
    try:
        table = read_table(name=name, content=content)
    except ValueError as error:
        return ReadResult([], [Problem(None, "", str(error))])
    return local_figures_check(
        table=table, known_codes=known_codes, official_codes=official_codes
    )


def local_figures_check(
    *,
    table: Sequence[Sequence[str]],
    known_codes: Iterable[str],
    official_codes: Iterable[str] = (),
) -> ReadResult:
    """Check rows of text (header first) against the partnership's local indicators."""
    rows = [list(r) for r in table]
    while rows and not any(rows[0]):
        rows.pop(0)
    if not rows:
        return ReadResult([], [Problem(None, "", "The file is empty")])
    header = [h.strip().lower() for h in rows[0]]
    body = list(enumerate(rows[1:], start=2))
    if len(body) > MAX_ROWS:
        return ReadResult(
            [], [Problem(None, "", f"The file has more than {MAX_ROWS} rows. Split it")]
        )
    if all(c in header for c in REQUIRED_TIDY):
        shape, cells, problems = "tidy", _tidy_cells(header, body), []
    elif header and header[0] == "indicator":
        shape = "wide"
        cells, problems = _wide_cells(header, body)
    else:
        return ReadResult([], [Problem(None, "", NO_HEADER)])
    known = {c.lower(): c for c in known_codes}
    official = {c.lower() for c in official_codes}
    figures: list[FigureRow] = []
    seen: dict[tuple[str, str], int] = {}
    unknown: dict[str, list[int]] = {}
    for number, data in cells:
        if not any(v for k, v in data.items() if not k.startswith("_")):
            continue
        found: list[Problem] = []

        def problem(
            column: str, message: str, number: int = number, found: list = found
        ) -> None:
            found.append(Problem(number, column, message))

        code_text = data.get("indicator", "")
        code = known.get(code_text.lower())
        if not code_text:
            problem("indicator", "enter an indicator code")
        elif code_text.lower() in official:
            problem("indicator", f"{code_text} {IS_OFFICIAL}")
        elif code is None:
            unknown.setdefault(code_text, []).append(number)
        shown = data.get("period", "")
        period = parse_period(shown)
        if period is None:
            problem(
                "period", f"{ENTER_PERIOD}, not '{shown}'" if shown else ENTER_PERIOD
            )
        note = data.get("note", "").strip()
        numbers = {}
        for column in ("numerator", "denominator"):
            text = data.get(column, "").strip()
            numbers[column] = parse_number(text)[0] if text else None
            if text and numbers[column] is None:
                problem(column, f"enter a number, not '{text}'")
        raw_value = data.get("value", "").strip()
        value, marker = parse_number(raw_value)
        if marker:
            note = f"{marker}; {note}" if note else marker
        elif raw_value and value is None:
            column = data.get("_value_column", "value")
            problem(column, f"enter a number, not '{raw_value}'")
        elif not raw_value and not note and shape == "tidy":
            problem("value", ENTER_VALUE)
        if code and period:
            if (code, period) in seen:
                earlier = seen[(code, period)]
                problem("period", f"{code} {period} is already given in row {earlier}")
            seen.setdefault((code, period), number)
        problems.extend(found)
        if not found and code and period:
            figures.append(
                FigureRow(
                    row=number,
                    indicator=code,
                    period=period,
                    value=value,
                    numerator=numbers["numerator"],
                    note=note,
                    denominator=numbers["denominator"],
                )
            )
    if unknown:
        listed = ", ".join(
            f"'{c}' (row {', '.join(map(str, r))})" for c, r in unknown.items()
        )
        problems.insert(0, Problem(None, "Indicator", UNKNOWN_CODES.format(listed)))
    if not figures and not problems:
        problems.append(Problem(None, "", "The file has no figures"))
    problems.sort(key=lambda p: (p.row is not None, p.row or 0))
    return ReadResult(figures, problems, shape)


def _tidy_cells(
    header: list[str], body: list[tuple[int, list[str]]]
) -> list[tuple[int, dict[str, str]]]:
    return [
        (
            number,
            {
                column: (
                    row[header.index(column)] if header.index(column) < len(row) else ""
                )
                for column in TIDY_COLUMNS
                if column in header
            },
        )
        for number, row in body
    ]


def _wide_cells(
    header: list[str], body: list[tuple[int, list[str]]]
) -> tuple[list[tuple[int, dict[str, str]]], list[Problem]]:
    problems = []
    periods: list[tuple[int, str]] = []
    for index, title in enumerate(header[1:], start=1):
        if not title or title in WIDE_IGNORED:
            continue
        if parse_period(title) is None:
            problems.append(
                Problem(
                    1,
                    f"column {index + 1}",
                    (f"'{title}' is not a period; use 2024-Q3, 2024-11 or 2024"),
                )
            )
        else:
            periods.append((index, title))
    cells = []
    for number, row in body:
        code = row[0].strip() if row else ""
        for index, title in periods:
            text = row[index].strip() if index < len(row) else ""
            if not text:
                continue  # an empty cell in a wide file: no figure for that period
            cells.append(
                (
                    number,
                    {
                        "indicator": code,
                        "period": title,
                        "value": text,
                        "_value_column": title,
                    },
                )
            )
    return cells, problems
