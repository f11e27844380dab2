"""Renderers, given hand-made reports: read each document back and check its words."""

import io

import pdfplumber
from docx import Document
from docx.shared import Mm

from assure.reports.renderers.docx import board_report_docx, yearly_report_docx
from assure.reports.renderers.html import board_report_html, yearly_report_html
from assure.reports.renderers.pdf import board_report_pdf, yearly_report_pdf

from .conftest import IMPACT, OFF_REASON, RISK_REASON, pdf_to_png


def docx_text(body: bytes) -> tuple[Document, str]:
    document = Document(io.BytesIO(body))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return document, "\n".join(parts)


def pdf_text(body: bytes) -> tuple[int, str]:
    """The page count, and the text: running text plus each table cell on one line."""
    with pdfplumber.open(io.BytesIO(body)) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
        cells = [
            " ".join((cell or "").split())
            for page in pdf.pages
            for table in page.extract_tables()
            for row in table
            for cell in row
        ]
        width, height = pdf.pages[0].width, pdf.pages[0].height
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    return len(pages), "\n".join(pages + cells)


class TestBoardReportWord:
    def test_is_a4_with_the_partnership_and_page_numbers(self, board_report):
        document, _ = docx_text(board_report_docx(board_report))
        section = document.sections[0]

        assert abs(section.page_width - Mm(210)) < Mm(1)
        assert abs(section.page_height - Mm(297)) < Mm(1)
        assert section.header.paragraphs[0].text == board_report.partnership_name
        footer_xml = section.footer.paragraphs[0]._p.xml
        assert "PAGE" in footer_xml
        assert "NUMPAGES" in footer_xml

    def test_has_the_headings_statuses_in_words_and_reasons(self, board_report):
        document, text = docx_text(board_report_docx(board_report))
        headings = [
            p.text
            for p in document.paragraphs
            if p.style.name.startswith(("Heading", "Title"))
        ]

        assert "Board progress report as at 14 March 2026" in headings
        assert "Off track actions (1)" in headings
        assert "At risk actions (1)" in headings
        assert "Overdue actions (1)" in headings
        assert "Completed since 14 December 2025 (1)" in headings
        for words in ("Off track (Red)", "At risk (Amber)", "Complete (Blue)"):
            assert words in text
        assert OFF_REASON in text
        assert RISK_REASON in text
        assert IMPACT in text
        assert "1.2 Audit the Graded Care Profile" in text
        assert "Re-referrals within 12 months" in text

    def test_colours_the_status_cells(self, board_report):
        body = board_report_docx(board_report)
        document = Document(io.BytesIO(body))
        xml = "".join(table._tbl.xml for table in document.tables)

        assert 'w:fill="D4351C"' in xml  # off track, red
        assert 'w:fill="F47738"' in xml  # at risk, amber

    def test_says_when_there_is_no_plan(self, board_report):
        board_report.plan_title = ""

        _, text = docx_text(board_report_docx(board_report))

        assert "There is no plan to report on." in text


class TestBoardReportPdf:
    def test_has_the_words_page_numbers_and_draws(self, board_report, tmp_path):
        body = board_report_pdf(board_report)
        pages, text = pdf_text(body)

        assert text.count("Off track (Red)") >= 2  # summary and the action
        assert "At risk (Amber)" in text
        assert OFF_REASON in text
        assert "Completed since 14 December 2025 (1)" in text
        assert f"Page 1 of {pages}" in text
        assert "Northshire Safeguarding Children Partnership" in text
        images = pdf_to_png(body, tmp_path)
        assert len(images) == pages
        assert all(image.stat().st_size > 0 for image in images)


class TestBoardReportHtml:
    def test_is_one_document_with_status_words_and_colour(self, board_report):
        html = board_report_html(board_report)

        assert html.startswith("<!DOCTYPE html>")
        assert "Off track (Red)" in html
        assert "#d4351c" in html
        assert "@page" in html
        assert "counter(pages)" in html
        assert "Re-referrals within 12 months" in html


class TestYearlyReport:
    def test_word_draft_says_the_year_and_groups_progress(self, yearly_report):
        document, text = docx_text(yearly_report_docx(yearly_report))
        headings = [
            p.text for p in document.paragraphs if p.style.name.startswith("Heading")
        ]

        assert "1 April 2025 to 31 March 2026" in text
        assert "Draft for editing." in text
        assert "Priority 1: Neglect" in headings
        assert "In progress (1)" in headings
        assert "Little or no progress (1)" in headings
        assert "Completed (1)" in headings
        assert RISK_REASON in text
        assert OFF_REASON in text
        assert IMPACT in text
        assert "No scorecard figures" in text

    def test_pdf_reads_back(self, yearly_report, tmp_path):
        body = yearly_report_pdf(yearly_report)
        _, text = pdf_text(body)

        assert "Yearly report 2025 to 2026" in text
        assert "Little or no progress (1)" in text
        assert pdf_to_png(body, tmp_path)

    def test_html_has_the_scorecard_note(self, yearly_report):
        assert "No scorecard figures" in yearly_report_html(yearly_report)
