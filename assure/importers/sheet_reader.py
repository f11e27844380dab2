"""Read spreadsheets (.xlsx, .csv) with one row per action."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime

from openpyxl import load_workbook

from .blocks import Block
from .text_reader import decode_text

MAX_ROWS = 20_000
MAX_COLUMNS = 60


def read_xlsx_blocks(data: bytes) -> list[Block]:
    """Blocks from every visible sheet, a heading per sheet when there are several."""
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheets = [
            sheet
            for sheet in workbook.worksheets
            if getattr(sheet, "sheet_state", "visible") == "visible"
        ]
        blocks: list[Block] = []
        rows_read = 0
        for number, sheet in enumerate(sheets, start=1):
            if len(sheets) > 1:
                blocks.append(
                    Block("heading", [sheet.title], f"sheet {sheet.title}", level=1)
                )
            for row_number, row in enumerate(sheet.iter_rows(), start=1):
                rows_read += 1
                if rows_read > MAX_ROWS:
                    return blocks
                cells = [
                    _cell(getattr(cell, "value", None), _format(cell))
                    for cell in row[:MAX_COLUMNS]
                ]
                if any(cells):
                    where = f"sheet {sheet.title}, row {row_number}"
                    blocks.append(
                        Block("row", cells, where, is_record=True, table=number)
                    )
        return blocks
    finally:
        workbook.close()


def _format(cell: object) -> str:
    """A cell's number format ("mmm-yy"), or "" where it has none."""
    return str(getattr(cell, "number_format", "") or "")


def _cell(value: object, number_format: str = "") -> str:
    """A cell value as text people would read; dates day first. A date shown without
    its day ("Sep-23", format mmm-yy) is the month people typed, not its first day."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        shown = re.sub(r"\[[^\]]*\]|\"[^\"]*\"", "", number_format.lower())
        if "m" in shown and "y" in shown and "d" not in shown:
            tokens = {"mmmm": "%B", "mmm": "%b", "yyyy": "%Y", "yy": "%y"}
            pattern = re.sub(
                r"mmmm|mmm|yyyy|yy", lambda m: tokens[m.group(0)], shown.strip()
            )
            if (
                "%b" in pattern.lower()
                and "%y" in pattern.lower()
                and "m" not in (pattern.replace("%", ""))
            ):
                return value.strftime(pattern.replace("\\", ""))
            return value.strftime("%B %Y")
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_csv_blocks(data: bytes) -> list[Block]:
    """Blocks from a CSV file, its delimiter and encoding sniffed."""
    text = decode_text(data)
    blocks: list[Block] = []
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    for row_number, row in enumerate(reader, start=1):
        if row_number > MAX_ROWS:
            break
        cells = [cell for cell in row[:MAX_COLUMNS]]
        if any(cell.strip() for cell in cells):
            blocks.append(
                Block("row", cells, f"row {row_number}", is_record=True, table=1)
            )
    return blocks


def _delimiter(text: str) -> str:
    """The delimiter that splits most of the first lines into several fields."""
    lines = [line for line in text.splitlines()[:50] if line.strip()]

    def rows_split(delimiter: str) -> int:
        return sum(len(row) > 1 for row in csv.reader(lines, delimiter=delimiter))

    return max((",", ";", "\t", "|"), key=rows_split)


def looks_like_csv(text: str) -> bool:
    """Whether text is really comma or semicolon separated values (same width on most
    lines)."""
    lines = [line for line in text.splitlines()[:40] if line.strip()]
    if len(lines) < 2 or any("\t" in line for line in lines):
        return False
    for delimiter in (",", ";"):
        widths = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        common = max(set(widths), key=widths.count)
        if common >= 3 and widths.count(common) >= 0.8 * len(widths):
            return True
    return False
