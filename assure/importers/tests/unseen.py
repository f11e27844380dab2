# ruff: noqa: E501 - the plans' own sentences are kept on one line
"""Make the "unseen" test documents: small plans in layouts the seeds do not have.

Run: .venv/bin/python -m assure.importers.tests.unseen
Writes assure/importers/tests/data/unseen/<name>.<ext> and, beside each,
<name>.<ext>.json: the plan/1 a careful person reads out of it, written by hand below
(the due dates are worked out by hand from the rules in docs/how-to/import-a-plan.md,
never by the library).
"""

from __future__ import annotations

import copy
import csv
import html
import io
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from openpyxl import Workbook

OUT = Path(__file__).resolve().parent / "data" / "unseen"


def act(
    ref, text, lead_cell, leads, due_text, due_date, outputs=(), rag=None, progress=None
):
    """One action as the document writes it and as plan/1 reads it."""
    return {
        "ref": ref,
        "text": text,
        "lead_cell": lead_cell,
        "leads": leads,
        "due_text": due_text,
        "due_date": due_date,
        "outputs": list(outputs),
        "rag": rag,
        "progress": progress,
    }


# Plan A: Northshire, 2025-26. Timescales in many forms.
PLAN_A = {
    "partnership": "Northshire Safeguarding Children Partnership",
    "title": "Business Plan 2025-26",
    "period": {"start": "2025-04-01", "end": "2026-03-31"},
    "priorities": [
        {
            "ref": "1",
            "title": "Neglect",
            "actions": [
                act(
                    "1.1",
                    "Launch the refreshed neglect strategy and toolkit across all agencies.",
                    "Head of Early Help",
                    ["Head of Early Help"],
                    "w/c 2 June 2025",
                    "2025-06-08",
                    ["Strategy published on the partnership website"],
                    "Green",
                    "Strategy agreed by the Executive in May.",
                ),
                act(
                    "1.2",
                    "Train 300 practitioners in the Graded Care Profile 2.",
                    "Learning and Development Sub Group",
                    ["Learning and Development Sub Group"],
                    "Autumn term 2025",
                    "2025-12-31",
                    [
                        "300 practitioners trained",
                        "Evaluation shows improved confidence",
                    ],
                    "Amber",
                    "120 trained so far; two courses cancelled.",
                ),
                act(
                    "1.3",
                    "Audit a sample of neglect cases open to social care and health visiting.",
                    "Quality Assurance Sub Group / Designated Nurse",
                    ["Quality Assurance Sub Group", "Designated Nurse"],
                    "By end of Q2 2025/26",
                    "2025-09-30",
                    ["Audit report to the Executive"],
                    "Green",
                    None,
                ),
                act(
                    "1.4",
                    "Publish a neglect data dashboard for the partnership.",
                    "Business Intelligence Manager",
                    ["Business Intelligence Manager"],
                    "31st March 2026",
                    "2026-03-31",
                    [],
                    "Green",
                    None,
                ),
                act(
                    "1.5",
                    "Review the early help offer for families where neglect is a concern.",
                    "Early Help Partnership Board",
                    ["Early Help Partnership Board"],
                    "Within 6 months",
                    None,
                    [],
                    "Amber",
                    None,
                ),
            ],
        },
        {
            "ref": "2",
            "title": "Child exploitation",
            "actions": [
                act(
                    "2.1",
                    "Map contextual safeguarding risks in every locality.",
                    "Exploitation Sub Group",
                    ["Exploitation Sub Group"],
                    "Mar-26",
                    "2026-03-31",
                    ["Locality maps shared with schools"],
                    "Green",
                    None,
                ),
                act(
                    "2.2",
                    "Agree a multi-agency child exploitation screening tool.",
                    "Police Detective Inspector; Head of Children's Services",
                    ["Police Detective Inspector", "Head of Children's Services"],
                    "2025-09-30",
                    "2025-09-30",
                    [],
                    "Amber",
                    "Draft tool out for consultation.",
                ),
                act(
                    "2.3",
                    "Run awareness sessions for taxi drivers and hotel staff.",
                    "Licensing Manager",
                    ["Licensing Manager"],
                    "Spring term 2026",
                    "2026-03-31",
                    [],
                    "Green",
                    None,
                ),
                act(
                    "2.4",
                    "Embed the return home interview process for children who go missing.",
                    "Missing Children Coordinator",
                    ["Missing Children Coordinator"],
                    "Summer 2025",
                    "2025-08-31",
                    [],
                    "Green",
                    None,
                ),
                act(
                    "2.5",
                    "Evaluate the transitional safeguarding pilot with adult services.",
                    "Safeguarding Adults Board and Children's Partnership Manager",
                    ["Safeguarding Adults Board", "Children's Partnership Manager"],
                    "TBC",
                    None,
                    [],
                    "Amber",
                    None,
                ),
            ],
        },
        {
            "ref": "3",
            "title": "Voice of the child",
            "actions": [
                act(
                    "3.1",
                    "Set up a young people's advisory group to the partnership.",
                    "Participation Officer",
                    ["Participation Officer"],
                    "Autumn 2025",
                    "2025-11-30",
                    [],
                    "Green",
                    None,
                ),
                act(
                    "3.2",
                    "Include the child's lived experience in every audit report.",
                    "Quality Assurance Sub Group",
                    ["Quality Assurance Sub Group"],
                    "Ongoing",
                    None,
                    [],
                    "Green",
                    None,
                ),
                act(
                    "3.3",
                    "Publish a child-friendly version of the annual report.",
                    "Communications Lead",
                    ["Communications Lead"],
                    "December 2025",
                    "2025-12-31",
                    [],
                    "Amber",
                    None,
                ),
                act(
                    "3.4",
                    "Survey children subject to child protection plans about their conferences.",
                    "Independent Reviewing Service Manager",
                    ["Independent Reviewing Service Manager"],
                    "Winter 2025",
                    "2026-02-28",
                    [],
                    "Green",
                    None,
                ),
            ],
        },
    ],
}

# Plan B: Southvale, 2024-25.
PLAN_B = {
    "partnership": "Southvale Safeguarding Children Partnership",
    "title": "Business Plan 2024-25",
    "period": {"start": "2024-04-01", "end": "2025-03-31"},
    "priorities": [
        {
            "ref": "1",
            "title": "Early help",
            "actions": [
                act(
                    "1.1",
                    "Recruit family hub navigators in each district",
                    "Family Hubs Programme Manager",
                    ["Family Hubs Programme Manager"],
                    "Sept 2024",
                    "2024-09-30",
                    ["Navigators in post in all four districts"],
                ),
                act(
                    "1.2",
                    "Refresh the threshold document with partners",
                    "Head of MASH / Police Partnership Lead",
                    ["Head of MASH", "Police Partnership Lead"],
                    "w/c 3 March 2025",
                    "2025-03-09",
                ),
                act(
                    "1.3",
                    "Deliver early help assessment training to schools",
                    "Education Safeguarding Team",
                    ["Education Safeguarding Team"],
                    "Spring term 2025",
                    "2025-03-31",
                    ["Every school has a trained lead"],
                ),
                act(
                    "1.4",
                    "Report early help outcomes to the Executive",
                    "Performance Analyst",
                    ["Performance Analyst"],
                    "Quarterly",
                    None,
                ),
                act(
                    "1.5",
                    "Launch a parenting support offer for fathers",
                    "Public Health and Early Help Service",
                    ["Public Health and Early Help Service"],
                    "Q3",
                    "2024-12-31",
                ),
            ],
        },
        {
            "ref": "2",
            "title": "Safer sleep and infants",
            "actions": [
                act(
                    "2.1",
                    "Run a safer sleep campaign with midwifery and health visiting",
                    "Designated Nurse",
                    ["Designated Nurse"],
                    "Summer 2024",
                    "2024-08-31",
                ),
                act(
                    "2.2",
                    "Audit pre-birth assessments",
                    "Quality and Performance Sub Group",
                    ["Quality and Performance Sub Group"],
                    "By end of Q2 2024/25",
                    "2024-09-30",
                    ["Audit findings shared at the Board"],
                ),
                act(
                    "2.3",
                    "Add ICON training to the multi-agency core offer",
                    "Training Coordinator",
                    ["Training Coordinator"],
                    "2024-11-30",
                    "2024-11-30",
                ),
                act(
                    "2.4",
                    "Share learning from the local child safeguarding practice review",
                    "Business Manager; Independent Scrutineer",
                    ["Business Manager", "Independent Scrutineer"],
                    "Within 6 months",
                    None,
                ),
                act(
                    "2.5",
                    "Agree a pathway for babies born to care leavers",
                    "Head of Children in Care",
                    ["Head of Children in Care"],
                    "TBC",
                    None,
                ),
            ],
        },
    ],
}


# Plan C: Eastborough, 2023-24. No refs; priorities named with a statement.
PLAN_C = {
    "partnership": "Eastborough Safeguarding Children Partnership",
    "title": "Annual Business Plan 2023-2024",
    "period": {"start": "2023-04-01", "end": "2024-03-31"},
    "priorities": [
        {
            "ref": "1",
            "title": "Neglect – children get the right help at the right time",
            "actions": [
                act(
                    None,
                    "Roll out the neglect screening tool to all schools",
                    "Head of Education Safeguarding",
                    ["Head of Education Safeguarding"],
                    "Sep-23",
                    "2023-09-30",
                    ["All schools trained in the tool", "Referrals use the tool"],
                    "Green",
                    "Launched at the heads' conference.",
                ),
                act(
                    None,
                    "Run a multi-agency audit of neglect referrals",
                    "Audit and Performance Sub Group",
                    ["Audit and Performance Sub Group"],
                    "Dec-23",
                    "2023-12-31",
                    ["Audit report with recommendations"],
                    "Amber",
                    None,
                ),
                act(
                    None,
                    "Evaluate the impact of the neglect strategy",
                    "Business Manager",
                    ["Business Manager"],
                    "31/03/2024",
                    "2024-03-31",
                    [],
                    "Green",
                    None,
                ),
                act(
                    None,
                    "Develop a neglect practice guide for health staff",
                    "Named Nurse; Named GP",
                    ["Named Nurse", "Named GP"],
                    "Autumn term 2023",
                    "2023-12-31",
                    [],
                    "Green",
                    None,
                ),
            ],
        },
        {
            "ref": "2",
            "title": "Exploitation – children are safe in their communities",
            "actions": [
                act(
                    None,
                    "Set up a weekly exploitation risk meeting",
                    "Detective Chief Inspector",
                    ["Detective Chief Inspector"],
                    "Jun-23",
                    "2023-06-30",
                    ["Meeting in place", "Attendance of all partners"],
                    "Green",
                    None,
                ),
                act(
                    None,
                    "Train night-time economy staff to spot exploitation",
                    "Community Safety Partnership",
                    ["Community Safety Partnership"],
                    "Summer 2023",
                    "2023-08-31",
                    [],
                    "Amber",
                    "Sessions booked for July.",
                ),
                act(
                    None,
                    "Publish a disruption toolkit for practitioners",
                    "Exploitation and Missing Sub Group",
                    ["Exploitation and Missing Sub Group"],
                    "Jan-24",
                    "2024-01-31",
                    [],
                    "Green",
                    None,
                ),
                act(
                    None,
                    "Review the response to children missing from education",
                    "Head of Inclusion / Education Welfare Manager",
                    ["Head of Inclusion", "Education Welfare Manager"],
                    "Ongoing",
                    None,
                    [],
                    "Green",
                    None,
                ),
            ],
        },
        {
            "ref": "3",
            "title": "Learning – the partnership learns from practice",
            "actions": [
                act(
                    None,
                    "Hold four learning events on local reviews",
                    "Learning and Improvement Sub Group",
                    ["Learning and Improvement Sub Group"],
                    "Quarterly",
                    None,
                    ["Four events held", "Feedback shows learning used"],
                    "Green",
                    None,
                ),
                act(
                    None,
                    "Publish seven-minute briefings for every review",
                    "Business Support Officer",
                    ["Business Support Officer"],
                    "Within 6 months",
                    None,
                    [],
                    "Amber",
                    None,
                ),
                act(
                    None,
                    "Test the impact of learning through practitioner surveys",
                    "Independent Scrutineer",
                    ["Independent Scrutineer"],
                    "Spring 2024",
                    "2024-05-31",
                    [],
                    "Green",
                    None,
                ),
            ],
        },
    ],
}


def expected(
    plan: dict[str, Any],
    *,
    refs: bool = True,
    outputs: bool = True,
    progress: bool = False,
) -> dict[str, Any]:
    """The plan/1 a careful reader gets from a rendering of a plan."""
    priorities = []
    for priority in plan["priorities"]:
        actions = []
        for a in priority["actions"]:
            prog = (
                " ".join(p for p in (a["progress"], a["rag"]) if p)
                if progress
                else None
            )
            actions.append(
                {
                    "ref": a["ref"] if refs else None,
                    "text": a["text"],
                    "objective": None,
                    "leads": a["leads"],
                    "due": {"text": a["due_text"], "date": a["due_date"]},
                    "outputs": a["outputs"] if outputs else [],
                    "monitoring": None,
                    "category": None,
                    "progress": prog or None,
                }
            )
        priorities.append(
            {
                "ref": priority["ref"],
                "title": priority["title"],
                "aim": None,
                "measures": [],
                "actions": actions,
            }
        )
    return {
        "format": "plan/1",
        "partnership": plan["partnership"],
        "title": plan["title"],
        "period": plan["period"],
        "priorities": priorities,
    }


def rows(plan):
    return [(p, a) for p in plan["priorities"] for a in p["actions"]]


# --- Word ---

CONTENTS = [
    "Contents",
    "Introduction\t2",
    "Our priorities\t3",
    "The plan\t4",
    "Glossary\t9",
]
GLOSSARY = [
    ("Abbreviation", "What it means"),
    ("MASH", "Multi-Agency Safeguarding Hub"),
    ("GCP2", "Graded Care Profile 2, a tool for assessing neglect"),
    ("RAG", "Red, amber, green: how far an action has got"),
]
MEMBERS = [
    ("Agency", "Member", "Role on the partnership"),
    (
        "Northshire Council",
        "Director of Children's Services",
        "Lead safeguarding partner",
    ),
    ("Northshire Police", "Chief Superintendent", "Lead safeguarding partner"),
    ("NHS Northshire ICB", "Chief Nursing Officer", "Lead safeguarding partner"),
]


def docx_front(document, plan, *, glossary: bool = True) -> None:
    document.add_paragraph(plan["partnership"], style="Title")
    document.add_paragraph(plan["title"], style="Subtitle")
    for line in CONTENTS:
        document.add_paragraph(line)
    document.add_paragraph(
        "This plan sets out what the partnership will do this year to keep children safe. "
        "It was agreed by the three safeguarding partners and is reviewed every quarter."
    )
    if glossary:
        document.add_heading("Glossary", level=1)
        add_table(document, GLOSSARY)
        document.add_heading("Membership", level=1)
        add_table(document, MEMBERS)
    document.add_heading("Our plan for the year", level=1)


def add_table(document, table_rows, header_repeat=False):
    table = document.add_table(rows=0, cols=len(table_rows[0]))
    table.style = "Table Grid"
    for index, values in enumerate(table_rows):
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            lines = value if isinstance(value, list) else [value]
            cell.text = lines[0] if lines else ""
            for line in lines[1:]:
                cell.add_paragraph(line)
        if index == 0 and header_repeat:
            tr_pr = table.rows[0]._tr.get_or_add_trPr()
            tr_pr.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    return table


def save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def word_priority_column() -> bytes:
    """One table for the whole plan, a Priority column merged down (P1) or repeated."""
    plan = PLAN_A
    document = Document()
    docx_front(document, plan)
    header = (
        "Priority",
        "Ref",
        "Action",
        "Lead",
        "Timescale",
        "RAG",
        "Progress update",
    )
    body = [header]
    for p, a in rows(plan):
        body.append(
            (
                p["title"],
                a["ref"],
                a["text"],
                a["lead_cell"],
                a["due_text"],
                a["rag"] or "",
                a["progress"] or "",
            )
        )
    table = add_table(document, body, header_repeat=True)
    first = plan["priorities"][0]
    count = len(first["actions"])
    top = table.cell(1, 0)
    for r in range(2, count + 1):
        table.cell(r, 0).text = ""
    top.merge(table.cell(count, 0))
    top.text = first["title"]
    document.add_paragraph("Progress against this plan is reported to the Executive.")
    return save(document)


def word_table_per_priority() -> bytes:
    """A heading "Strategic Priority n – Title" before each priority's table; the header
    row repeated on each page (w:tblHeader) and literally repeated inside a table."""
    plan = PLAN_A
    document = Document()
    docx_front(document, plan, glossary=False)
    header = ("No.", "What we will do", "Who", "By when", "How we will know", "RAG")
    for p in plan["priorities"]:
        document.add_heading(f"Strategic Priority {p['ref']} – {p['title']}", level=2)
        document.add_paragraph(
            f"Why this matters: children in Northshire tell us "
            f"{p['title'].lower()} affects their lives."
        )
        body = [header]
        for index, a in enumerate(p["actions"]):
            if index == 3:
                body.append(header)  # the header typed again where a page broke
            body.append(
                (
                    a["ref"],
                    a["text"],
                    a["lead_cell"],
                    a["due_text"],
                    a["outputs"],
                    a["rag"] or "",
                )
            )
        add_table(document, body, header_repeat=True)
    document.add_heading("Glossary", level=1)
    add_table(document, GLOSSARY)
    return save(document)


_NUMBERING = (
    '<w:abstractNum {ns} w:abstractNumId="90">'
    '<w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1.%2"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
    '<w:lvlText w:val="\u2022"/></w:lvl>'
    "</w:abstractNum>"
)


def _numbered(paragraph, num_id: int, level: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def word_numbered() -> bytes:
    """Priorities and actions auto-numbered by Word (the numbers are not in the text), each
    action followed by "Lead:", "By when:" and "Outcome:" lines."""
    plan = PLAN_A
    document = Document()
    docx_front(document, plan, glossary=False)
    numbering = document.part.numbering_part.element
    abstract = parse_xml(_NUMBERING.format(ns=nsdecls("w")))
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'
        )
    )
    for p in plan["priorities"]:
        heading = document.add_heading(p["title"], level=1)
        _numbered(heading, 90, 0)
        for a in p["actions"]:
            item = document.add_paragraph(a["text"], style="List Paragraph")
            _numbered(item, 90, 1)
            document.add_paragraph(f"Lead: {a['lead_cell']}")
            document.add_paragraph(f"By when: {a['due_text']}")
            for output in a["outputs"]:
                document.add_paragraph(f"Outcome: {output}")
    document.add_heading("Glossary", level=1)
    add_table(document, GLOSSARY)
    return save(document)


# --- PDF ---

PDF_CSS = """
@page { size: A4; margin: 25mm 15mm;
  @top-center { content: "Northshire SCP Business Plan 2025-26 \\2013  Page "
                counter(page) " of " counter(pages); font-size: 9pt; } }
body { font-family: sans-serif; font-size: 11pt; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #444; padding: 4pt; vertical-align: top; }
th { background: #ddd; }
td.priority { background: #eef; font-weight: bold; }
tr { page-break-inside: avoid; }
"""


def pdf(html_text: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html_text).write_pdf()


def pdf_split_table() -> bytes:
    """One long table split across pages: header repeated, a running page header."""
    plan = PLAN_A
    out = [
        f"<html><head><style>{PDF_CSS}</style></head><body>",
        f"<h1>{html.escape(plan['partnership'])}</h1><h2>{plan['title']}</h2>",
        "<p>"
        + "This plan sets out the partnership's work for the year. " * 12
        + "</p>",
        "<table><thead><tr><th>Ref</th><th>Action</th><th>Lead</th><th>Timescale</th>"
        "<th>Success measures</th></tr></thead><tbody>",
    ]
    for p in plan["priorities"]:
        out.append(
            f'<tr><td class="priority" colspan="5">Priority {p["ref"]}: '
            f"{html.escape(p['title'])}</td></tr>"
        )
        for a in p["actions"]:
            outputs = "<br>".join(html.escape(o) for o in a["outputs"])
            filler = ("<br>" * 6) if a["ref"] in ("1.3", "2.2") else ""
            out.append(
                f"<tr><td>{a['ref']}</td><td>{html.escape(a['text'])}{filler}</td>"
                f"<td>{html.escape(a['lead_cell'])}</td><td>{a['due_text']}</td>"
                f"<td>{outputs}</td></tr>"
            )
    out.append("</tbody></table></body></html>")
    return pdf("".join(out))


def pdf_paragraphs() -> bytes:
    """A plan written as paragraphs: headings, numbered actions, labelled lines."""
    plan = PLAN_B
    out = [
        f"<html><head><style>{PDF_CSS}</style></head><body>",
        f"<h1>{html.escape(plan['partnership'])}</h1><h2>{plan['title']}</h2>",
    ]
    for p in plan["priorities"]:
        out.append(f"<h3>Priority {p['ref']}: {html.escape(p['title'])}</h3>")
        for a in p["actions"]:
            out.append(f"<p>{a['ref']} {html.escape(a['text'])}</p>")
            out.append(
                f"<p>Lead: {html.escape(a['lead_cell'])}<br>"
                f"Timescale: {a['due_text']}</p>"
            )
    out.append("</body></html>")
    return pdf("".join(out))


# --- Text ---


def text_head(plan) -> list[str]:
    return [plan["partnership"], plan["title"], ""]


def text_cells_per_line() -> bytes:
    """Table cells run column by column: each cell on its own line, a blank line
    between rows."""
    plan = PLAN_B
    lines = text_head(plan)
    for p in plan["priorities"]:
        lines += [
            f"Priority {p['ref']}: {p['title']}",
            "",
            "Ref",
            "Action",
            "Lead",
            "Timescale",
            "",
        ]
        for a in p["actions"]:
            lines += [a["ref"], a["text"], a["lead_cell"], a["due_text"], ""]
    return "\n".join(lines).encode()


def text_slashes() -> bytes:
    """Cells joined with " / ", and " / " inside a lead cell too."""
    plan = PLAN_A
    lines = text_head(plan)
    for p in plan["priorities"]:
        lines += [
            f"Priority {p['ref']} - {p['title']}",
            "Ref / Action / Lead / Timescale",
        ]
        for a in p["actions"]:
            lines.append(
                f"{a['ref']} / {a['text']} / {a['lead_cell']} / {a['due_text']}"
            )
        lines.append("")
    return "\n".join(lines).encode()


def text_run_in() -> bytes:
    """Each priority's table run into one paragraph."""
    plan = PLAN_B
    lines = text_head(plan)
    for p in plan["priorities"]:
        lines += [f"Priority {p['ref']}: {p['title']}", ""]
        lines.append(
            " ".join(
                f"{a['ref']} {a['text']} Lead: {a['lead_cell']} "
                f"Timescale: {a['due_text']}"
                for a in p["actions"]
            )
        )
        lines.append("")
    return "\n".join(lines).encode()


def text_markdown() -> bytes:
    """Markdown: headings and pipe tables, bold refs, <br> in cells."""
    plan = PLAN_A
    lines = [
        f"# {plan['partnership']}",
        f"## {plan['title']}",
        "",
        "| Term | Meaning |",
        "|---|---|",
        "| MASH | Multi-Agency Safeguarding Hub |",
        "",
    ]
    for p in plan["priorities"]:
        lines += [
            f"## Priority {p['ref']} – {p['title']}",
            "",
            "| Ref | Action | Lead | Timescale | Success measure |",
            "|:---|:---|:---|:---|:---|",
        ]
        for a in p["actions"]:
            outputs = "<br>".join(a["outputs"])
            lines.append(
                f"| **{a['ref']}** | {a['text']} | {a['lead_cell']} | "
                f"{a['due_text']} | {outputs} |"
            )
        lines.append("")
    return "\n".join(lines).encode()


# --- Sheets ---

SHEET_HEADER = [
    "Theme",
    "No.",
    "Action required",
    "Responsible officer(s)",
    "By when",
    "Success criteria",
    "RAG",
]


def _excel_due(a):
    """A due date typed as a date in Excel when it is one."""
    if a["due_text"] == a["due_date"]:
        return datetime.strptime(a["due_date"], "%Y-%m-%d")
    return a["due_text"]


def sheet_title_block() -> bytes:
    """A title block, headers on row 4, Theme cells merged down."""
    plan = PLAN_B
    book = Workbook()
    sheet = book.active
    sheet.title = "Business plan"
    sheet.append([plan["partnership"]])
    sheet.append([plan["title"]])
    sheet.append([])
    sheet.append(SHEET_HEADER)
    for p in plan["priorities"]:
        first_row = sheet.max_row + 1
        for a in p["actions"]:
            sheet.append(
                [
                    p["title"],
                    a["ref"],
                    a["text"],
                    a["lead_cell"],
                    _excel_due(a),
                    "\n".join(a["outputs"]),
                    a["rag"] or "",
                ]
            )
        sheet.merge_cells(
            start_row=first_row, start_column=1, end_row=sheet.max_row, end_column=1
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def sheet_wide_multi() -> bytes:
    """A cover sheet, a plan sheet with two blank columns, a glossary sheet."""
    plan = PLAN_A
    book = Workbook()
    cover = book.active
    cover.title = "Cover"
    cover.append([plan["partnership"]])
    cover.append([plan["title"]])
    cover.append(["Version 2, agreed by the Executive in April 2025"])
    sheet = book.create_sheet("Plan")
    sheet.append(
        [
            "Priority",
            "Ref",
            "",
            "Action",
            "Lead",
            "",
            "Target date",
            "Progress update",
            "RAG",
        ]
    )
    for p, a in rows(plan):
        sheet.append(
            [
                f"{p['ref']}. {p['title']}",
                a["ref"],
                "",
                a["text"],
                a["lead_cell"],
                "",
                a["due_text"],
                a["progress"] or "",
                a["rag"] or "",
            ]
        )
    glossary = book.create_sheet("Glossary")
    for term, meaning in GLOSSARY:
        glossary.append([term, meaning])
    glossary.append(["Lead", "The person who makes sure the action happens"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_title_block() -> bytes:
    """CSV with a title block, headers on row 4 and the theme repeated on every row."""
    plan = PLAN_A
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([plan["partnership"]] + [""] * 6)
    writer.writerow([plan["title"]] + [""] * 6)
    writer.writerow([""] * 7)
    writer.writerow(SHEET_HEADER)
    for p, a in rows(plan):
        writer.writerow(
            [
                p["title"],
                a["ref"],
                a["text"],
                a["lead_cell"],
                a["due_text"],
                "\n".join(a["outputs"]),
                a["rag"] or "",
            ]
        )
    return buffer.getvalue().encode("utf-8")


def word_merged_priority_no_refs() -> bytes:
    """One table, no ref column, the priority cell merged down its rows, question
    headers ("What will we do?"), a membership table with a "Lead member" column."""
    plan = PLAN_C
    document = Document()
    document.add_paragraph(plan["partnership"], style="Title")
    document.add_paragraph(plan["title"], style="Subtitle")
    document.add_paragraph("Contents")
    for line in (
        "Foreword ........ 2",
        "Our priorities ........ 3",
        "Membership ........ 8",
    ):
        document.add_paragraph(line)
    document.add_heading("Membership", level=1)
    add_table(
        document,
        [
            ("Agency", "Lead member", "Role", "Date joined"),
            (
                "Eastborough Council",
                "Director of Children's Services",
                "Partner",
                "April 2019",
            ),
            ("Eastborough Police", "Chief Superintendent", "Partner", "April 2019"),
        ],
    )
    document.add_heading("What we will do in 2023-24", level=1)
    header = (
        "Strategic priority",
        "What will we do?",
        "Who will lead?",
        "When?",
        "How will we know it has worked?",
        "Progress update",
        "RAG",
    )
    body = [header]
    spans = []
    for p in plan["priorities"]:
        spans.append((len(body), len(body) + len(p["actions"]) - 1, p))
        for a in p["actions"]:
            body.append(
                (
                    "",
                    a["text"],
                    a["lead_cell"],
                    a["due_text"],
                    a["outputs"],
                    a["progress"] or "",
                    a["rag"] or "",
                )
            )
    table = add_table(document, body, header_repeat=True)
    for first, last, p in spans:
        cell = table.cell(first, 0).merge(table.cell(last, 0))
        cell.text = p["title"]
    return save(document)


def pdf_table_per_priority() -> bytes:
    """A heading and a table per priority, no refs, bullets in cells, rows that break
    across pages, the header repeated and a running header and footer."""
    plan = PLAN_C
    css = PDF_CSS.replace("tr { page-break-inside: avoid; }", "") + (
        "@page { @bottom-center { content: 'Eastborough SCP – OFFICIAL'; font-size: 8pt; } }"
    )
    out = [
        f"<html><head><style>{css}</style></head><body>",
        f"<h1>{html.escape(plan['partnership'])}</h1><h2>{plan['title']}</h2>",
    ]
    for p in plan["priorities"]:
        out.append(f"<h3>Priority {p['ref']}: {html.escape(p['title'])}</h3>")
        out.append(
            "<table><thead><tr><th>Action</th><th>Lead</th><th>By when</th>"
            "<th>Success measures</th><th>RAG</th></tr></thead><tbody>"
        )
        for a in p["actions"]:
            bullets = "".join(f"<li>{html.escape(o)}</li>" for o in a["outputs"])
            padding = "<p>" + "&nbsp;<br>" * 14 + "</p>" if a is p["actions"][1] else ""
            out.append(
                f"<tr><td>{html.escape(a['text'])}{padding}</td>"
                f"<td>{html.escape(a['lead_cell'])}</td><td>{a['due_text']}</td>"
                f"<td><ul>{bullets}</ul></td><td>{a['rag'] or ''}</td></tr>"
            )
        out.append("</tbody></table>")
    out.append("</body></html>")
    return pdf("".join(out))


def csv_semicolon_priority_rows() -> bytes:
    """Semicolon separated, UTF-8 with a BOM, title lines, priorities as rows of their
    own, "Lead officer" and "Target date" columns."""
    plan = PLAN_C
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([plan["partnership"], "", "", "", ""])
    writer.writerow([plan["title"], "", "", "", ""])
    writer.writerow(
        ["Action", "Lead officer", "Target date", "Measure of success", "Status"]
    )
    for p in plan["priorities"]:
        writer.writerow([f"Priority {p['ref']}: {p['title']}", "", "", "", ""])
        for a in p["actions"]:
            writer.writerow(
                [
                    a["text"],
                    a["lead_cell"],
                    a["due_text"],
                    "\n".join(a["outputs"]),
                    a["rag"] or "",
                ]
            )
    return buffer.getvalue().encode("utf-8-sig")


def sheet_excel_dates() -> bytes:
    """Dates typed into Excel: "Sep-23" becomes 1 September 2023 shown as mmm-yy; a day
    shown as dd/mm/yyyy; a hidden sheet of old actions; the priority in its own column
    only on its first row."""
    plan = PLAN_C
    book = Workbook()
    sheet = book.active
    sheet.title = "Action plan"
    sheet.append([f"{plan['partnership']} – {plan['title']}"])
    sheet.append(["Priority", "Action", "Lead", "Deadline", "Outputs", "Update", "RAG"])
    for p in plan["priorities"]:
        for index, a in enumerate(p["actions"]):
            due = a["due_text"]
            row = [
                p["title"] if index == 0 else "",
                a["text"],
                a["lead_cell"],
                due,
                "\n".join(a["outputs"]),
                a["progress"] or "",
                a["rag"] or "",
            ]
            sheet.append(row)
            cell = sheet.cell(row=sheet.max_row, column=4)
            if len(due) == 6 and due[3] == "-":
                cell.value = datetime.strptime(due, "%b-%y")
                cell.number_format = "mmm-yy"
            elif due.count("/") == 2:
                cell.value = datetime.strptime(due, "%d/%m/%Y")
                cell.number_format = "dd/mm/yyyy"
    old = book.create_sheet("Old actions")
    old.append(["Priority", "Action", "Lead", "Deadline"])
    old.append(["Old priority", "An action from last year's plan", "Someone", "Mar-22"])
    old.sheet_state = "hidden"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


DOCUMENTS = {
    "word_priority_column.docx": (
        word_priority_column,
        PLAN_A,
        {"outputs": False, "progress": True},
    ),
    "word_table_per_priority.docx": (
        word_table_per_priority,
        PLAN_A,
        {"progress": True},
    ),
    "word_numbered.docx": (word_numbered, PLAN_A, {}),
    "pdf_split_table.pdf": (pdf_split_table, PLAN_A, {}),
    "pdf_paragraphs.pdf": (pdf_paragraphs, PLAN_B, {"outputs": False}),
    "text_cells_per_line.txt": (text_cells_per_line, PLAN_B, {"outputs": False}),
    "text_slashes.txt": (text_slashes, PLAN_A, {"outputs": False}),
    "text_run_in.txt": (text_run_in, PLAN_B, {"outputs": False}),
    "text_markdown.md": (text_markdown, PLAN_A, {}),
    "sheet_title_block.xlsx": (sheet_title_block, PLAN_B, {"progress": True}),
    "sheet_wide_multi.xlsx": (
        sheet_wide_multi,
        PLAN_A,
        {"outputs": False, "progress": True},
    ),
    "sheet_title_block.csv": (csv_title_block, PLAN_A, {"progress": True}),
    "word_merged_priority_no_refs.docx": (
        word_merged_priority_no_refs,
        PLAN_C,
        {"progress": True},
    ),
    "pdf_table_per_priority.pdf": (pdf_table_per_priority, PLAN_C, {"progress": True}),
    "csv_semicolon_priority_rows.csv": (
        csv_semicolon_priority_rows,
        PLAN_C,
        {"progress": True},
    ),
    "sheet_excel_dates.xlsx": (sheet_excel_dates, PLAN_C, {"progress": True}),
}


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    only = set(sys.argv[1:])
    for name, (make, plan, options) in DOCUMENTS.items():
        if only and name not in only:
            continue
        (OUT / name).write_bytes(make())
        gold = expected(copy.deepcopy(plan), **options)
        (OUT / f"{name}.json").write_text(
            json.dumps(gold, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print("wrote", name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
