"""Plan exports as Excel and CSV: one row per action, the same columns in both.

Renderers take a built export (see `reports/exports.py`) and never query.
"""

import csv
import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..exports import DATE_COLUMNS, PlanExport

# Wider columns for long text; the rest fit a date or a short label.
_WIDTHS = {
    "priority_title": 40,
    "priority_aim": 40,
    "text": 60,
    "objective": 40,
    "leads": 30,
    "due_text": 20,
    "outputs": 40,
    "monitoring": 30,
    "progress": 40,
    "latest_update": 50,
    "latest_reason": 40,
}


def _cell(value):
    return "" if value is None else value


def plan_export_csv(export: PlanExport) -> bytes:
    """UTF-8 CSV with a byte order mark, so Excel reads accents and curly quotes."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([label for _, label in export.columns])
    for row in export.rows:
        writer.writerow(
            [
                row[key].isoformat()
                if isinstance(row[key], dt.date)
                else _cell(row[key])
                for key, _ in export.columns
            ]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def plan_export_xlsx(export: PlanExport) -> bytes:
    """An Excel workbook: frozen header row, autofilter, dates as dates."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Actions"
    sheet.append([label for _, label in export.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F3F2F1")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in export.rows:
        sheet.append([_cell(row[key]) for key, _ in export.columns])
    for index, (key, _) in enumerate(export.columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = _WIDTHS.get(key, 14)
        if key in DATE_COLUMNS:
            for cell in sheet[letter][1:]:
                cell.number_format = "d mmmm yyyy"
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(export.columns))
    sheet.auto_filter.ref = f"A1:{last}{max(len(export.rows) + 1, 1)}"
    workbook.properties.title = f"{export.partnership_name}: {export.plan_title}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
