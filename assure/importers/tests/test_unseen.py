"""Layouts the seeds do not have: the unseen documents, the rules they needed, and
read_plan never raising anything but ImportRefused."""

import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assure.importers import ImportRefused, read_plan
from assure.importers.scoring import score_plan
from assure.importers.tests import unseen
from assure.importers.timescales import parse_timescale

UNSEEN = Path(__file__).resolve().parent / "data" / "unseen"
FILES = sorted(p for p in UNSEEN.glob("*") if p.suffix != ".json")
PLAN_YEAR = {"period_start": date(2025, 4, 1), "period_end": date(2026, 3, 31)}


def actions(result):
    return [a for p in result.plan["priorities"] for a in p["actions"]]


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_unseen_layout_reads_with_targets_met(path):
    gold = json.loads(path.with_name(path.name + ".json").read_text(encoding="utf-8"))
    result = read_plan(path.read_bytes(), path.name)

    score = score_plan(gold, result.plan)

    assert score.misses() == [], score
    assert [p["title"] for p in result.plan["priorities"]] == [
        p["title"] for p in gold["priorities"]
    ]


def test_unseen_documents_are_up_to_date():
    """The committed files are what the generator makes (the JSON beside each)."""
    for name, (_, plan, options) in unseen.DOCUMENTS.items():
        committed = json.loads((UNSEEN / f"{name}.json").read_text(encoding="utf-8"))
        assert committed == json.loads(json.dumps(unseen.expected(plan, **options)))


class TestTimescales:
    @pytest.mark.parametrize(
        ("text", "due"),
        [
            ("w/c 3 March 2025", "2025-03-09"),
            ("week commencing 02/06/2025", "2025-06-08"),
            ("Autumn term 2025", "2025-12-31"),
            ("Spring term 2026", "2026-03-31"),
            ("Summer term 2025", "2025-07-31"),
            ("Spring term 2025/26", "2026-03-31"),
            ("Spring term", "2026-03-31"),
            ("Spring 2025", "2025-05-31"),
            ("Summer 2025", "2025-08-31"),
            ("Autumn 2025", "2025-11-30"),
            ("Winter 2025", "2026-02-28"),
            ("Winter 2027", "2028-02-29"),
            ("By end of Q2 2025/26", "2025-09-30"),
            ("31st March 2026", "2026-03-31"),
            ("Mar-26", "2026-03-31"),
            ("Mar-27", "2027-03-31"),
            ("2025-09-30", "2025-09-30"),
            ("Within 6 months of June 2025", "2025-12-31"),
            ("Within 6 months", None),
            ("TBC", None),
            ("Autumn half term 2025", None),
        ],
    )
    def test_forms(self, text, due):
        read = parse_timescale(text, **PLAN_YEAR)
        assert (read.date.isoformat() if read.date else None) == due

    def test_within_without_a_start_is_flagged(self):
        assert parse_timescale("Within 6 months", **PLAN_YEAR).problem


HEAD = "Northshire Safeguarding Children Partnership\nBusiness Plan 2025/26\n\n"


class TestRules:
    def test_slash_inside_a_lead_cell_joins_the_lead(self):
        doc = HEAD + (
            "Priority 1 - Neglect\nRef / Action / Lead / Timescale\n"
            "1.1 / Audit neglect cases / Quality Sub Group / Designated Nurse / Q2\n"
        )
        result = read_plan(doc.encode(), "plan.txt")
        (action,) = actions(result)
        assert action["leads"] == ["Quality Sub Group", "Designated Nurse"]
        assert action["due"]["date"] == "2025-09-30"
        assert not result.problems or all(
            "more ' / '" not in p.message for p in result.problems
        )

    def test_slash_that_cannot_be_placed_is_a_problem(self):
        doc = HEAD + (
            "Priority 1 - Neglect\nRef / Action / Lead / Timescale\n"
            "1.1 / Audit neglect / graded care cases / Quality Sub Group / Designated "
            "Nurse\n"
        )
        result = read_plan(doc.encode(), "plan.txt")
        assert any("more ' / '" in p.message for p in result.problems)

    def test_labelled_lines_under_a_numbered_action(self):
        doc = HEAD + (
            "Priority 1: Neglect\n1.1 Publish the toolkit\nLead: Board Manager\n"
            "By when: Autumn term 2025\nOutcome: Toolkit on the website\n"
            "Outcome: Practitioners use it\n1.2 Train staff\nLead: Training Group\n"
        )
        first, second = actions(read_plan(doc.encode(), "plan.txt"))
        assert first["leads"] == ["Board Manager"]
        assert first["due"]["date"] == "2025-12-31"
        assert first["outputs"] == ["Toolkit on the website", "Practitioners use it"]
        assert second["leads"] == ["Training Group"]

    def test_cells_one_per_line_under_a_stacked_header(self):
        doc = HEAD + (
            "Priority 1: Neglect\n\nRef\nAction\nLead\nTimescale\n\n"
            "1.1\nPublish the toolkit\nBoard Manager\nMar-26\n\n"
            "1.2\nTrain staff\nLearning and Development Sub Group\nTBC\n"
        )
        first, second = actions(read_plan(doc.encode(), "plan.txt"))
        assert first["leads"] == ["Board Manager"]
        assert second["leads"] == ["Learning and Development Sub Group"]
        assert second["due"] == {"text": "TBC", "date": None}

    def test_outputs_split_into_sentences_and_lines(self):
        doc = HEAD + (
            "Priority 1: Neglect\nRef\tAction\tLead\tSuccess measure\n"
            "1.1\tPublish the toolkit\tBoard Manager\tToolkit published. Staff use it "
            "(see audit). Report to the Board e.g. in May.\n"
        )
        (action,) = actions(read_plan(doc.encode(), "plan.txt"))
        assert action["outputs"] == [
            "Toolkit published.",
            "Staff use it (see audit).",
            "Report to the Board e.g. in May.",
        ]

    def test_word_numbering_put_back_and_single_level_lists_left(self):
        document = Document()
        document.add_paragraph("Northshire Safeguarding Children Partnership")
        document.add_paragraph("Business Plan 2025/26")
        numbering = document.part.numbering_part.element
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls, qn

        numbering.find(qn("w:num")).addprevious(
            parse_xml(unseen._NUMBERING.format(ns=nsdecls("w")))
        )
        numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/>'
                "</w:num>"
            )
        )
        for title, items in (
            ("Neglect", ["Publish the toolkit", "Train staff"]),
            ("Online safety", ["Run a parents' session"]),
        ):
            unseen._numbered(document.add_paragraph(title), 90, 0)
            for item in items:
                unseen._numbered(document.add_paragraph(item), 90, 1)
        buffer = io.BytesIO()
        document.save(buffer)
        result = read_plan(buffer.getvalue(), "plan.docx")
        assert [p["title"] for p in result.plan["priorities"]] == [
            "Neglect",
            "Online safety",
        ]
        assert [a["ref"] for a in actions(result)] == ["1.1", "1.2", "2.1"]

    def test_lead_with_and_inside_a_group_name_stays_whole(self):
        doc = HEAD + (
            "Priority 1: Neglect\nRef\tAction\tLead\tTimescale\n"
            "1.1\tAudit cases\tLearning and Development Sub Group\tQ3\n"
            "1.2\tAudit more cases\tQuality and Performance Sub Group / "
            "Designated Nurse\tQ3\n"
        )
        first, second = actions(read_plan(doc.encode(), "plan.txt"))
        assert first["leads"] == ["Learning and Development Sub Group"]
        assert second["leads"] == [
            "Quality and Performance Sub Group",
            "Designated Nurse",
        ]


EXTENSIONS = [".docx", ".xlsx", ".pdf", ".csv", ".txt", ".md", ".doc", ".bin", ""]


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


PREFIXES = [
    b"",
    b"%PDF-1.4\n",
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"{\\rtf1 ",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.sampled_from(PREFIXES),
    body=st.one_of(st.binary(max_size=3000), st.text(max_size=2000).map(str.encode)),
    extension=st.sampled_from(EXTENSIONS),
)
def test_random_bytes_only_ever_refused(prefix, body, extension):
    try:
        result = read_plan(prefix + body, f"plan{extension}")
    except ImportRefused:
        return
    assert result.plan["format"] == "plan/1"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    part=st.sampled_from(
        ["word/document.xml", "xl/workbook.xml", "[Content_Types].xml"]
    ),
    body=st.binary(max_size=2000),
    extension=st.sampled_from([".docx", ".xlsx"]),
)
def test_damaged_office_files_only_ever_refused(part, body, extension):
    try:
        read_plan(_zip({part: body}), f"plan{extension}")
    except ImportRefused:
        return


def test_excel_month_shown_without_its_day_is_that_month():
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Northshire Safeguarding Children Partnership Business Plan 2025/26"])
    sheet.append(["Priority", "Action", "Lead", "Deadline"])
    sheet.append(["Neglect", "Publish the toolkit", "Board Manager", date(2025, 9, 1)])
    sheet.append(["Neglect", "Train staff", "Training Group", date(2025, 10, 15)])
    sheet.cell(row=3, column=4).number_format = "mmm-yy"
    sheet.cell(row=4, column=4).number_format = "dd/mm/yyyy"
    buffer = io.BytesIO()
    book.save(buffer)
    first, second = actions(read_plan(buffer.getvalue(), "plan.xlsx"))
    assert first["due"] == {"text": "Sep-25", "date": "2025-09-30"}
    assert second["due"] == {"text": "15/10/2025", "date": "2025-10-15"}


def test_word_list_under_a_priority_heading_is_its_actions():
    document = Document()
    document.add_paragraph("Northshire Safeguarding Children Partnership")
    document.add_paragraph("Business Plan 2025/26")
    document.add_heading("Priority 1: Neglect", level=1)
    document.add_paragraph("Aim: children get help early")
    for text in ("Publish the neglect toolkit", "Train 300 practitioners in GCP2"):
        document.add_paragraph(text, style="List Number")
    document.add_heading("Priority 2: Exploitation", level=1)
    document.add_paragraph("Map exploitation risks in each area", style="List Bullet")
    document.add_heading("Glossary", level=1)
    document.add_paragraph(
        "MASH is the multi-agency safeguarding hub", style="List Bullet"
    )
    buffer = io.BytesIO()
    document.save(buffer)
    result = read_plan(buffer.getvalue(), "plan.docx")
    assert [(p["title"], len(p["actions"])) for p in result.plan["priorities"]] == [
        ("Neglect", 2),
        ("Exploitation", 1),
    ]
    assert result.plan["priorities"][0]["aim"] == "children get help early"
