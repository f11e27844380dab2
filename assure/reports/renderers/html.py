"""Reports as standalone, printable HTML: one file with its styles inside.

The same HTML feeds the PDF renderer. Renderers take a built report and never query.
"""

from django.template import engines

from ..builders import BoardReport, YearlyReport


def _render(body: str, report) -> str:
    template = engines["jinja2"].get_template("reports/report_document.html")
    return template.render({"report": report, "body": body})


def board_report_html(report: BoardReport) -> str:
    """The board progress report as one HTML document."""
    return _render("reports/_board_body.html", report)


def yearly_report_html(report: YearlyReport) -> str:
    """The draft yearly report as one HTML document."""
    return _render("reports/_yearly_body.html", report)
