"""Reports as PDF: the standalone HTML laid out on A4 by WeasyPrint, with page numbers.

Renderers take a built report and never query.
"""

import logging

from ..builders import BoardReport, YearlyReport
from .html import board_report_html, yearly_report_html

# WeasyPrint logs every layout step at INFO; our INFO log is for what people did.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def html_to_pdf(html: str) -> bytes:
    """Lay out HTML on A4. WeasyPrint is imported here, so the rest of the site runs
    even on a machine without Pango; only PDFs need it."""
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def board_report_pdf(report: BoardReport) -> bytes:
    """The board progress report as a PDF."""
    return html_to_pdf(board_report_html(report))


def yearly_report_pdf(report: YearlyReport) -> bytes:
    """The draft yearly report as a PDF."""
    return html_to_pdf(yearly_report_html(report))
