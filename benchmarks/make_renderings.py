"""Render each gold plan as Word, PDF, Excel and CSV in varied layouts.

Run: .venv/bin/python benchmarks/make_renderings.py
Writes assure/importers/tests/data/renderings/<gold stem>.<layout>.<ext>.
"""

from __future__ import annotations

import csv
import html
import io
import json
import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.shared import Pt
from openpyxl import Workbook

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "assure" / "demo" / "data" / "gold"
OUT = ROOT / "assure" / "importers" / "tests" / "data" / "renderings"

FRONT_MATTER = [
    "Contents",
    "1. Introduction ........ 2",
    "2. Our priorities ........ 3",
    "3. Glossary ........ 9",
]
GLOSSARY = [
    ("Term", "Meaning"),
    ("LSCB", "Local Safeguarding Children Board, the statutory partnership"),
    ("CSE", "Child sexual exploitation"),
    (
        "Section 11",
        "The audit of agencies' duties under the Children Act 2004, section 11",
    ),
]
MEMBERS = (
    "Board members: the local authority, the police, health and education partners."
)


def load(path: Path) -> dict[str, Any]:
    """A gold plan."""
    return json.loads(path.read_text(encoding="utf-8"))


def rows_of(plan: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Every (priority, action) pair in order."""
    return [(p, a) for p in plan["priorities"] for a in p["actions"]]


def has_objectives(plan: dict[str, Any]) -> bool:
    """Whether the plan groups actions under objectives."""
    return any(a["objective"] for _, a in rows_of(plan))


def due_text(action: dict[str, Any]) -> str:
    """The timescale as written."""
    return (action["due"] or {}).get("text") or ""


# --- Word ---


def docx_front(document: Any, plan: dict[str, Any]) -> None:
    """Title page, contents and a membership note, none of which are actions."""
    document.add_heading(plan["partnership"], level=0)
    document.add_paragraph(plan["title"])
    for line in FRONT_MATTER:
        document.add_paragraph(line)
    document.add_paragraph(MEMBERS)


def docx_glossary(document: Any) -> None:
    """A glossary table at the end."""
    document.add_heading("Glossary", level=1)
    table = document.add_table(rows=0, cols=2)
    for term, meaning in GLOSSARY:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = term, meaning


def set_lines(cell: Any, lines: list[str]) -> None:
    """Put one paragraph per line in a cell."""
    cell.text = lines[0] if lines else ""
    for line in lines[1:]:
        cell.add_paragraph(line)


def docx_table_per_priority(plan: dict[str, Any]) -> bytes:
    """Layout A: a heading and a table (with its own header row) for each priority."""
    document = Document()
    docx_front(document, plan)
    objectives = has_objectives(plan)
    header = [
        "Ref",
        *(["Objective"] if objectives else []),
        "Action",
        "Lead",
        "Target date",
        "Success measures",
        "Progress",
    ]
    for priority in plan["priorities"]:
        document.add_heading(
            f"Priority {priority['ref']}: {priority['title']}", level=2
        )
        if priority["aim"]:
            document.add_paragraph(f"Aim: {priority['aim']}")
        table = document.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = text
        previous = None
        for action in priority["actions"]:
            cells = table.add_row().cells
            values: list[list[str]] = [[action["ref"] or ""]]
            if objectives:
                same = action["objective"] == previous
                values.append([] if same else [action["objective"] or ""])
                previous = action["objective"]
            values += [
                [action["text"]],
                action["leads"],
                [due_text(action)],
                action["outputs"],
                [action["progress"] or ""],
            ]
            for cell, lines in zip(cells, values, strict=True):
                set_lines(cell, lines)
    docx_glossary(document)
    return save_docx(document)


def docx_one_table(plan: dict[str, Any]) -> bytes:
    """Layout B: one table for the whole plan, a merged "
    "heading row for each priority."""
    document = Document()
    docx_front(document, plan)
    header = ["No.", "What we will do", "Who", "By when", "How we will know"]
    if has_objectives(plan):
        header.insert(1, "Outcome we want")
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for priority in plan["priorities"]:
        row = table.add_row()
        merged = row.cells[0].merge(row.cells[-1])
        merged.text = f"Priority {priority['ref']} – {priority['title']}"
        for action in priority["actions"]:
            cells = table.add_row().cells
            values = [[action["ref"] or ""]]
            if has_objectives(plan):
                values.append([action["objective"] or ""])
            values += [
                [action["text"]],
                [" / ".join(action["leads"])],
                [due_text(action)],
                action["outputs"],
            ]
            for cell, lines in zip(cells, values, strict=True):
                set_lines(cell, lines)
    return save_docx(document)


def save_docx(document: Any) -> bytes:
    """A document's bytes, with a small body font so tables fit."""
    document.styles["Normal"].font.size = Pt(9)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- PDF ---

PDF_STYLE = """
@page { size: A4 landscape; margin: 22mm 12mm 18mm 12mm;
  @top-center { content: "%(partnership)s – %(title)s"; font-size: 8pt; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages);
  font-size: 8pt; } }
body { font-family: sans-serif; font-size: 8.5pt; }
table { border-collapse: collapse; width: 100%%; margin-bottom: 8mm; }
th, td { border: 0.6pt solid #444;
  padding: 2pt 3pt; vertical-align: top; text-align: left; }
td p { margin: 0 0 5pt 0; }
thead { display: table-header-group; }
h2 { font-size: 12pt; }
"""


def pdf_cell(lines: list[str]) -> str:
    """A table cell with one paragraph per line."""
    return (
        "<td>"
        + "".join(f"<p>{html.escape(line)}</p>" for line in lines if line)
        + "</td>"
    )


def pdf_html(plan: dict[str, Any], *, one_table: bool) -> str:
    """HTML for a plan: a table per priority, or one table with priority rows."""
    objectives = has_objectives(plan)
    header = [
        "Ref",
        *(["Expected outcome"] if objectives else []),
        "Actions",
        "Responsible",
        "Deadline",
        "Impact",
    ]
    head = "<thead><tr>" + "".join(f"<th>{h}</th>" for h in header) + "</tr></thead>"
    style = PDF_STYLE % {
        "partnership": html.escape(plan["partnership"]),
        "title": html.escape(plan["title"]),
    }
    parts = [
        f"<html><head><style>{style}</style></head><body>",
        f"<h1>{html.escape(plan['partnership'])}</h1><p>{html.escape(plan['title'])}</p>",
        "<p>Foreword</p><p>" + html.escape(MEMBERS) + "</p>",
    ]
    if one_table:
        parts.append("<table>" + head + "<tbody>")
    for priority in plan["priorities"]:
        title = html.escape(f"Theme {priority['ref']}: {priority['title']}")
        if one_table:
            parts.append(f'<tr><td colspan="{len(header)}"><b>{title}</b></td></tr>')
        else:
            parts.append(f"<h2>{title}</h2>")
            if priority["aim"]:
                parts.append(f"<p>Aim: {html.escape(priority['aim'])}</p>")
            parts.append("<table>" + head + "<tbody>")
        previous = None
        for action in priority["actions"]:
            cells = [pdf_cell([action["ref"] or ""])]
            if objectives:
                same = action["objective"] == previous and not one_table
                cells.append(pdf_cell([] if same else [action["objective"] or ""]))
                previous = action["objective"]
            cells += [
                pdf_cell([action["text"]]),
                pdf_cell(action["leads"]),
                pdf_cell([due_text(action)]),
                pdf_cell(action["outputs"]),
            ]
            parts.append("<tr>" + "".join(cells) + "</tr>")
        if not one_table:
            parts.append("</tbody></table>")
    if one_table:
        parts.append("</tbody></table>")
    parts.append("</body></html>")
    return "".join(parts)


def render_pdf(plan: dict[str, Any], *, one_table: bool) -> bytes:
    """A PDF made with WeasyPrint, with a running header and page numbers."""
    from weasyprint import HTML

    return HTML(string=pdf_html(plan, one_table=one_table)).write_pdf()


# --- Excel and CSV ---


def sheet_rows(plan: dict[str, Any], *, priority_rows: bool) -> list[list[str]]:
    """One row per action, columns in an unusual order and wording."""
    header = [
        "Lead officer(s)",
        "Action ref",
        "Due by",
        "Action description",
        "Success criteria",
        "RAG",
    ]
    if not priority_rows:
        header.insert(3, "Strategic priority")
    if has_objectives(plan):
        header.append("Objective")
    rows = [header]
    for priority in plan["priorities"]:
        name = f"{priority['ref']}. {priority['title']}"
        if priority_rows:
            rows.append([name] + [""] * (len(header) - 1))
        for action in priority["actions"]:
            row = [
                "; ".join(action["leads"]),
                action["ref"] or "",
                due_text(action),
                action["text"],
                "\n".join(action["outputs"]),
                "",
            ]
            if not priority_rows:
                row.insert(3, name)
            if has_objectives(plan):
                row.append(action["objective"] or "")
            rows.append(row)
    return rows


def render_xlsx(plan: dict[str, Any], *, priority_rows: bool) -> bytes:
    """A workbook with a title row, a blank row, then the action table."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Action plan"
    sheet.append([f"{plan['partnership']} {plan['title']}"])
    sheet.append([])
    for row in sheet_rows(plan, priority_rows=priority_rows):
        sheet.append(row)
    notes = workbook.create_sheet("Notes")
    notes.append(["Glossary"])
    for term, meaning in GLOSSARY:
        notes.append([term, meaning])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def render_csv(plan: dict[str, Any], *, delimiter: str, encoding: str) -> bytes:
    """A CSV export: priority, ref, action, owner, deadline, outcome, progress."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow([f"{plan['partnership']} – {plan['title']}"])
    writer.writerow(
        ["Priority", "Ref", "Action", "Owner", "Deadline", "Outcome", "Progress"]
    )
    for priority, action in rows_of(plan):
        writer.writerow(
            [
                priority["title"],
                action["ref"] or "",
                action["text"],
                " / ".join(action["leads"]),
                due_text(action),
                action["objective"] or "",
                action["progress"] or "",
            ]
        )
    return buffer.getvalue().encode(encoding, errors="replace")


def main() -> int:
    """Write every rendering of every gold plan."""
    OUT.mkdir(parents=True, exist_ok=True)
    for index, path in enumerate(sorted(GOLD.glob("*.json"))):
        plan = load(path)
        stem = path.stem
        outputs = {
            f"{stem}.{'a' if index % 2 == 0 else 'b'}.docx": (
                docx_table_per_priority(plan)
                if index % 2 == 0
                else docx_one_table(plan)
            ),
            f"{stem}.{'b' if index % 2 == 0 else 'a'}.docx": (
                docx_one_table(plan)
                if index % 2 == 0
                else docx_table_per_priority(plan)
            ),
            f"{stem}.pdf": render_pdf(plan, one_table=index % 2 == 1),
            f"{stem}.xlsx": render_xlsx(plan, priority_rows=index % 2 == 0),
            f"{stem}.csv": render_csv(
                plan,
                delimiter=";" if index % 2 else ",",
                encoding="cp1252" if index == 3 else "utf-8-sig",
            ),
        }
        for name, data in outputs.items():
            (OUT / name).write_bytes(data)
            print(f"wrote {name} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
