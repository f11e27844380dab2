"""Each reader on small made-up documents, in layouts the seeds do not have."""

import csv
import io
from datetime import datetime

import pytest
from docx import Document
from openpyxl import Workbook

from assure.importers import read_plan

HEAD = "Northshire Safeguarding Children Partnership\nBusiness Plan 2019/20\n"


def actions(result):
    return [a for p in result.plan["priorities"] for a in p["actions"]]


def texts(result):
    return [a["text"] for a in actions(result)]


class TestText:
    def test_tab_table_with_header_and_priority_rows(self):
        doc = HEAD + (
            "Priority 1: Neglect\n"
            "Ref\tAction\tLead\tBy when\n"
            "1.1\tPublish the neglect toolkit\tBoard Manager / Training Group\tQ3\n"
            "1.2\tAudit neglect cases\tQuality Sub Group and "
            "Designated Nurse\tMarch 2020\n"
            "Priority 2: Exploitation\n"
            "Ref\tAction\tLead\tBy when\n"
            "2.1\tTrain taxi drivers\tLicensing Team\tOngoing\n"
        )
        result = read_plan(doc.encode(), "plan.txt")
        plan = result.plan
        assert plan["partnership"] == "Northshire Safeguarding Children Partnership"
        assert plan["period"] == {"start": "2019-04-01", "end": "2020-03-31"}
        assert [p["title"] for p in plan["priorities"]] == ["Neglect", "Exploitation"]
        first, second, third = actions(result)
        assert first["leads"] == ["Board Manager", "Training Group"]
        assert first["due"] == {"text": "Q3", "date": "2019-12-31"}
        assert second["leads"] == ["Quality Sub Group", "Designated Nurse"]
        assert third["due"] == {"text": "Ongoing", "date": None}

    def test_numbered_lines_with_labelled_fields(self):
        doc = HEAD + (
            "STRATEGIC PRIORITY 1:\nTo keep children safe online\n"
            "1\tTo raise awareness of online risks\n"
            "1.1\tRun an online safety week Completion: Oct 19 Lead: Schools Team\n"
            "1.2\tSurvey parents Completion: Jan 20 Lead: Comms Officer; Schools Team\n"
        )
        result = read_plan(doc.encode(), "plan.txt")
        first, second = actions(result)
        assert first["text"] == "Run an online safety week"
        assert first["objective"] == "To raise awareness of online risks"
        assert first["due"]["date"] == "2019-10-31"
        assert second["leads"] == ["Comms Officer", "Schools Team"]

    def test_markdown_table(self):
        doc = HEAD + (
            "## Theme 1 - Early help\n\n"
            "| Ref | Action | Owner | Deadline |\n|---|---|---|---|\n"
            "| 1.1 | Review the early help offer | Head of Early Help | June 2019 |\n"
        )
        result = read_plan(doc.encode(), "plan.md")
        assert texts(result) == ["Review the early help offer"]
        assert actions(result)[0]["due"]["date"] == "2019-06-30"

    def test_html_fragments_and_list_of_actions(self):
        doc = HEAD + (
            "Priority 1\tChildren are safe at home\n"
            "<p>The actions we will take are:</p>\n"
            "<p>Launch the <i>graded care</i> profile</p>\n"
            '<ul><input type="checkbox"/> Train 200 staff</ul>\n'
            "(*as agreed by the Board)\n"
        )
        result = read_plan(doc.encode(), "plan.txt")
        assert texts(result) == ["Launch the graded care profile", "Train 200 staff"]

    def test_slash_separated_cells(self):
        doc = HEAD + (
            "Priority 1: Neglect\n"
            "Ref / Action / Lead / Timescale\n"
            "1.1 / Publish the toolkit / Board Manager / May 19\n"
            "1.2 / Train staff on CSE / Missing / Training Lead / Q2\n"
        )
        result = read_plan(doc.encode(), "plan.txt")
        assert texts(result)[0] == "Publish the toolkit"
        assert actions(result)[0]["leads"] == ["Board Manager"]
        assert len(actions(result)) == 2

    def test_table_run_into_one_paragraph(self):
        doc = HEAD + (
            "Priority 1: Neglect\n"
            "Ref Action Lead Timescale 1.1 Publish the neglect "
            "toolkit Board Manager May 2019 "
            "1.2 Audit neglect cases Quality Group December 2019\n"
        )
        result = read_plan(doc.encode(), "plan.txt")
        assert len(actions(result)) == 2
        assert actions(result)[1]["due"]["date"] == "2019-12-31"
        assert any(p.kind == "uncertain_structure" for p in result.problems)

    def test_cells_one_per_line(self):
        doc = HEAD + (
            "Priority 1: Neglect\n"
            "1.1\nPublish the neglect toolkit for all staff\nBoard Manager\nMay 2019\n"
            "1.2\nAudit neglect cases across agencies\nQuality Group\nDecember 2019\n"
        )
        result = read_plan(doc.encode(), "plan.txt")
        first, second = actions(result)
        assert first["text"] == "Publish the neglect toolkit for all staff"
        assert first["leads"] == ["Board Manager"]
        assert second["due"]["date"] == "2019-12-31"

    def test_contents_glossary_and_running_headers_are_not_actions(self):
        running = "Northshire SCP Business Plan – Page 4\n"
        doc = HEAD + (
            "Contents\n1.1 Introduction 3\n1.2 Our priorities 4\n2. Glossary 9\n"
            "Priority 1: Neglect\n" + running + "Ref\tAction\tLead\tBy when\n"
            "1.1\tPublish the neglect toolkit\tBoard Manager\tQ3\n"
            + running
            + "1.2\tAudit neglect cases\tQuality Group\tQ4\n"
            + running
            + "Glossary\nTerm\tMeaning\nCSE\tChild sexual exploitation\n"
        )
        result = read_plan(doc.encode(), "plan.txt")
        assert texts(result) == ["Publish the neglect toolkit", "Audit neglect cases"]

    def test_windows_1252_text(self):
        doc = (
            HEAD + "Priority 1: Neglect\nRef\tAction\tLead\tBy when\n"
            "1.1\tReview children’s plans\tBoard Manager\tQ3\n"
        )
        result = read_plan(doc.encode("cp1252"), "plan.txt")
        assert texts(result) == ["Review children’s plans"]


def docx(build) -> bytes:
    document = Document()
    document.add_paragraph("Northshire Safeguarding Children Partnership")
    document.add_paragraph("Business Plan 2019/20")
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class TestWord:
    def test_headings_and_a_table_per_priority(self):
        def build(document):
            document.add_heading("Priority 1: Neglect", level=2)
            table = document.add_table(rows=2, cols=4)
            for cell, text in zip(
                table.rows[0].cells,
                ["Ref", "Action", "Action owner", "Target date"],
                strict=True,
            ):
                cell.text = text
            cells = table.rows[1].cells
            cells[0].text, cells[1].text, cells[3].text = (
                "1.1",
                "Publish the toolkit",
                "Q3",
            )
            cells[2].text = "Board Manager"
            cells[2].add_paragraph("Training Group")

        result = read_plan(docx(build), "plan.docx")
        action = actions(result)[0]
        assert action["leads"] == ["Board Manager", "Training Group"]
        assert action["due"]["date"] == "2019-12-31"

    def test_one_table_with_merged_priority_rows_and_body_order(self):
        def build(document):
            document.add_paragraph("Our plan on a page")
            table = document.add_table(rows=1, cols=3)
            for cell, text in zip(
                table.rows[0].cells, ["Action", "Lead", "When"], strict=True
            ):
                cell.text = text
            for title, rows in [
                ("Neglect", ["Publish the toolkit"]),
                ("Exploitation", ["Train taxi drivers", "Map hotspots"]),
            ]:
                row = table.add_row()
                row.cells[0].merge(row.cells[2]).text = title
                for text in rows:
                    cells = table.add_row().cells
                    cells[0].text, cells[1].text, cells[2].text = (
                        text,
                        "Board Manager",
                        "Q4",
                    )
            document.add_paragraph("Signed by the independent chair.")

        result = read_plan(docx(build), "plan.docx")
        assert [p["title"] for p in result.plan["priorities"]] == [
            "Neglect",
            "Exploitation",
        ]
        assert texts(result) == [
            "Publish the toolkit",
            "Train taxi drivers",
            "Map hotspots",
        ]


class TestSheets:
    def test_xlsx_with_columns_in_any_order_and_a_date_cell(self):
        workbook = Workbook()
        sheet = workbook.active
        sheet.append(
            ["Northshire Safeguarding Children Partnership Business Plan 2019/20"]
        )
        sheet.append(["Owner", "Deadline", "Theme", "No.", "What we will do", "RAG"])
        sheet.append(
            [
                "Board Manager",
                datetime(2019, 9, 30),
                "Neglect",
                "1.1",
                "Publish the toolkit",
                "Green",
            ]
        )
        sheet.append(
            ["Schools Team", "Q4", "Exploitation", "2.1", "Train staff", "Amber"]
        )
        buffer = io.BytesIO()
        workbook.save(buffer)

        result = read_plan(buffer.getvalue(), "plan.xlsx")

        assert [p["title"] for p in result.plan["priorities"]] == [
            "Neglect",
            "Exploitation",
        ]
        first, second = actions(result)
        assert first["due"] == {"text": "30/09/2019", "date": "2019-09-30"}
        assert first["progress"] == "Green"
        assert second["due"]["date"] == "2020-03-31"

    @pytest.mark.parametrize(
        ("delimiter", "encoding"),
        [(",", "utf-8-sig"), (";", "cp1252"), ("\t", "utf-8")],
    )
    def test_csv_delimiters_and_encodings(self, delimiter, encoding):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter)
        writer.writerow(
            ["Northshire Safeguarding Children Partnership Business Plan 2019/20"]
        )
        writer.writerow(["Priority", "Action", "Responsible", "Completion"])
        writer.writerow(
            ["Neglect", "Publish the toolkit – phase 1", "Board Manager", "May 19"]
        )
        data = buffer.getvalue().encode(encoding)

        result = read_plan(data, "plan.csv")

        assert texts(result) == ["Publish the toolkit – phase 1"]


class TestPdf:
    def test_tables_with_running_header_and_page_numbers(self):
        from weasyprint import HTML

        rows = "".join(
            f"<tr><td>1.{n}</td><td>Action number {n} for the partnership</td>"
            f"<td><p>Board Manager</p><p>Training "
            f"Group</p></td><td>Q{n % 4 + 1}</td></tr>"
            for n in range(1, 40)
        )
        html = (
            "<style>@page { @top-center { content: 'Northshire SCP plan' } "
            "@bottom-center { content: 'Page ' counter(page) "
            "} } td p { margin: 0 0 6pt 0 }"
            "td, th { border: 1px solid black }</style>"
            "<p>Northshire Safeguarding Children "
            "Partnership</p><p>Business Plan 2019/20</p>"
            "<h2>Priority 1: Neglect</h2><table><thead><tr><th>Ref</th><th>Action</th>"
            f"<th>Lead</th><th>Timescale</th></tr></thead><tbody>{rows}</tbody></table>"
        )
        data = HTML(string=html).write_pdf()

        result = read_plan(data, "plan.pdf")

        found = actions(result)
        assert len(found) == 39
        assert all(a["leads"] == ["Board Manager", "Training Group"] for a in found)
        assert found[0]["due"]["date"] == "2019-09-30"
