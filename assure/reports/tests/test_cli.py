"""`assure report`, `assure remind` and `assure export`, run in-process."""

import csv
import io

import pdfplumber
import pytest
from click.testing import CliRunner
from django.core import mail
from docx import Document
from icalendar import Calendar
from openpyxl import load_workbook

from assure.cli import cli

from .conftest import OFF_REASON


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.django_db
class TestReportCommand:
    def test_board_report_as_word(self, progress_world, tmp_path):
        out = tmp_path / "board.docx"

        result = run(
            "report",
            "board",
            "--partnership",
            "northshire",
            "--as-at",
            "2026-03-14",
            "--format",
            "docx",
            "--output",
            str(out),
        )

        assert result.exit_code == 0, result.output
        document = Document(str(out))
        text = "\n".join(
            c.text for t in document.tables for r in t.rows for c in r.cells
        )
        assert OFF_REASON in text
        assert "Off track (Red)" in text

    def test_board_report_as_pdf_and_html(self, progress_world, tmp_path):
        pdf, html = tmp_path / "board.pdf", tmp_path / "board.html"

        run(
            "report",
            "board",
            "--partnership",
            "northshire",
            "--as-at",
            "2026-03-14",
            "--format",
            "pdf",
            "--output",
            str(pdf),
        )
        run(
            "report",
            "board",
            "--partnership",
            "northshire",
            "--as-at",
            "2026-03-14",
            "--format",
            "html",
            "--output",
            str(html),
        )

        with pdfplumber.open(pdf) as document:
            assert "as at 14 March 2026" in document.pages[0].extract_text()
        assert "At risk (Amber)" in html.read_text(encoding="utf-8")

    def test_unknown_partnership_fails(self, db):
        result = CliRunner().invoke(
            cli, ["report", "board", "--partnership", "nowhere"]
        )

        assert result.exit_code == 1
        assert "No partnership 'nowhere'" in result.output

    def test_yearly_report(self, progress_world, tmp_path):
        out = tmp_path / "yearly.docx"

        result = run(
            "report",
            "yearly",
            "--partnership",
            "northshire",
            "--year",
            "2025",
            "--output",
            str(out),
        )

        assert result.exit_code == 0
        text = "\n".join(p.text for p in Document(str(out)).paragraphs)
        assert "1 April 2025 to 31 March 2026" in text


@pytest.mark.django_db
class TestRemindCommand:
    def test_dry_run_lists_and_sends_nothing(self, progress_world, lead_user, today):
        progress_world.health_group.chair = progress_world.lead_person
        progress_world.health_group.save()

        result = run("remind", "--due-within", "30", "--dry-run")

        assert lead_user.email in result.output
        assert "Would send 1 email about 1 action" in result.output
        assert mail.outbox == []


@pytest.mark.django_db
class TestExportCommand:
    def test_xlsx_to_a_file(self, progress_world, tmp_path):
        out = tmp_path / "plan.xlsx"

        result = run(
            "export",
            "--plan",
            str(progress_world.plan.pk),
            "--format",
            "xlsx",
            "--output",
            str(out),
        )

        assert result.exit_code == 0
        assert load_workbook(out).active.max_row == 5

    def test_csv_and_ics_to_standard_output(self, progress_world):
        csv_out = run(
            "export", "--plan", str(progress_world.plan.pk), "--format", "csv"
        )
        ics_out = run(
            "export", "--plan", str(progress_world.plan.pk), "--format", "ics"
        )

        rows = list(
            csv.DictReader(io.StringIO(csv_out.stdout_bytes.decode("utf-8-sig")))
        )
        assert [r["Action ref"] for r in rows] == ["1.1", "1.2", "2.1", "2.2"]
        events = Calendar.from_ical(ics_out.stdout_bytes).walk("VEVENT")
        assert len(events) == 3

    def test_json_still_works(self, progress_world):
        result = run("export", "--plan", str(progress_world.plan.pk))

        assert '"format": "plan/1"' in result.output
