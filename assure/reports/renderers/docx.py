"""Reports as Word documents: A4, headings, tables, status in words and colour.

Renderers take a built report (see `reports/builders.py`) and never query.
"""

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from assure.core.formatting import govuk_date, govuk_datetime, pluralise

from ..builders import (
    ActionItem,
    BoardReport,
    ScorecardLine,
    StatusCount,
    StatusWords,
    YearlyReport,
)

FONT = "Arial"
TEXT_WIDTH_MM = 170  # A4 210 mm less 20 mm margins each side


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


def _new_document(*, title: str, partnership: str) -> Document:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(20))
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.header_distance = section.footer_distance = Mm(10)

    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10.5)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    for name, size in [
        ("Title", 22),
        ("Heading 1", 16),
        ("Heading 2", 13),
        ("Heading 3", 11),
    ]:
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0x0B, 0x0C, 0x0C)
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.append(fonts)
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), FONT)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(theme), None)

    core = document.core_properties
    core.title = title
    core.author = partnership
    core.subject = title

    header = section.header.paragraphs[0]
    header.text = partnership
    header.style.font.size = Pt(9)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(f"{title} · Page ")
    _field(footer, "PAGE", "1")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES", "1")
    for run in footer.runs:
        run.font.size = Pt(9)
    return document


def _field(paragraph, instruction: str, placeholder: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays the page out."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run._r.append(begin)
    run = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run._r.append(text)
    run = paragraph.add_run()
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run._r.append(separate)
    paragraph.add_run(placeholder)
    run = paragraph.add_run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def _shade(cell, colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), _hex(colour))
    properties.append(shading)


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _no_split(row) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))


def _table(document, headers: list[str], widths_mm: list[int]):
    """A bordered table with a bold, shaded header row repeated on each page."""
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    for cell, text, width in zip(table.rows[0].cells, headers, widths_mm, strict=True):
        cell.width = Mm(width)
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        _shade(cell, "#f3f2f1")
    _repeat_header(table.rows[0])
    table._widths = widths_mm
    return table


def _row(table, values: list) -> list:
    row = table.add_row()
    _no_split(row)
    cells = row.cells
    for cell, value, width in zip(cells, values, table._widths, strict=True):
        cell.width = Mm(width)
        if isinstance(value, StatusWords):
            _status_cell(cell, value)
        elif isinstance(value, list):
            _paragraphs(cell, value)
        else:
            cell.text = str(value) if value not in (None, "") else "–"
    return cells


def _paragraphs(cell, parts: list) -> None:
    """Several short paragraphs in one cell: (label, text) pairs or plain text."""
    cell.text = ""
    first = True
    for part in parts:
        if not part:
            continue
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        if isinstance(part, tuple):
            label, text = part
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(text)
        else:
            paragraph.add_run(part)
    if first:
        cell.text = "–"


def _status_cell(cell, status: StatusWords) -> None:
    """Status in words on its colour: the words carry the meaning in black and white."""
    cell.text = ""
    run = cell.paragraphs[0].add_run(status.words)
    run.bold = True
    run.font.color.rgb = RGBColor.from_string(_hex(status.text_colour))
    _shade(cell, status.colour)


def _counts_table(document, counts: list[StatusCount], total: int) -> None:
    table = _table(document, ["Status", "Actions"], [80, 30])
    for count in counts:
        _row(table, [count.status, str(count.count)])
    cells = _row(table, ["Total", str(total)])
    for cell in cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True


def _action_label(item: ActionItem) -> list:
    return [item.label, ("Lead", item.leads)]


def _latest(item: ActionItem) -> str:
    if not item.latest_date:
        return "No update recorded"
    return f"{govuk_date(item.latest_date)}: {item.latest_narrative}"


def _intro(document, text: str) -> None:
    document.add_paragraph(text)


def _none(document, text: str) -> None:
    paragraph = document.add_paragraph(text)
    paragraph.runs[0].italic = True


def _scorecard(
    document, lines: list[ScorecardLine], note: str, *, comparisons: bool
) -> None:
    if not lines:
        _none(document, note or "No scorecard figures")
        return
    if comparisons:
        table = _table(
            document,
            ["Indicator", "Latest", "England", "Statistical neighbours", "Commentary"],
            [45, 22, 22, 26, 55],
        )
        for line in lines:
            _row(
                table,
                [
                    [line.indicator, ("Period", line.period) if line.period else ""],
                    line.value,
                    line.england,
                    line.neighbours,
                    line.commentary,
                ],
            )
    else:
        table = _table(
            document,
            ["Indicator", "Latest", "Target", "Rating", "Commentary"],
            [45, 22, 22, 24, 57],
        )
        for line in lines:
            _row(
                table,
                [
                    [line.indicator, ("Period", line.period) if line.period else ""],
                    line.value,
                    line.target,
                    line.rating,
                    line.commentary,
                ],
            )


def _save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def board_report_docx(report: BoardReport) -> bytes:
    """The board progress report as a Word document."""
    document = _new_document(title=report.title, partnership=report.partnership_name)
    document.add_paragraph(report.partnership_name).runs[0].bold = True
    document.add_heading(report.title, level=0)
    if not report.has_plan:
        _none(document, "There is no plan to report on.")
        return _save(document)
    _intro(document, f"{report.plan_title} ({report.plan_period}).")
    _intro(
        document,
        f"Status of every action as at {govuk_date(report.as_at)}. Completed actions "
        f"are those completed since the previous report on {govuk_date(report.since)}. "
        f"Silent actions have had no update for {report.silent_days} days or more.",
    )
    if report.generated_at:
        _intro(
            document, f"Produced by Assure on {govuk_datetime(report.generated_at)}."
        )

    document.add_heading("Summary", level=1)
    _intro(
        document,
        f"{pluralise(report.total_actions, 'action')}: "
        f"{len(report.off_track)} off track, "
        f"{len(report.at_risk)} at risk, {len(report.overdue)} overdue, "
        f"{len(report.silent)} silent and {len(report.completed)} completed since "
        f"{govuk_date(report.since)}.",
    )
    _counts_table(document, report.totals, report.total_actions)

    document.add_heading("Progress by priority", level=1)
    table = _table(
        document,
        ["Priority", "Actions", "Status of actions", "Complete"],
        [70, 18, 62, 20],
    )
    for priority in report.priorities:
        _row(
            table,
            [
                f"{priority.ref}. {priority.title}",
                str(priority.total),
                priority.words,
                f"{priority.percent_complete}%",
            ],
        )

    for heading, items in [
        ("Off track actions", report.off_track),
        ("At risk actions", report.at_risk),
    ]:
        document.add_heading(f"{heading} ({len(items)})", level=1)
        if not items:
            _none(document, f"No {heading.lower()}.")
            continue
        table = _table(
            document,
            ["Action", "Due", "Status", "Reason and latest update"],
            [62, 26, 22, 60],
        )
        for item in items:
            _row(
                table,
                [
                    _action_label(item),
                    item.due,
                    item.status,
                    [
                        ("Reason", item.reason or "None given"),
                        ("Latest update", _latest(item)),
                    ],
                ],
            )

    document.add_heading(f"Overdue actions ({len(report.overdue)})", level=1)
    if report.overdue:
        _intro(
            document,
            f"Open actions whose due date was before {govuk_date(report.as_at)}.",
        )
        table = _table(
            document, ["Action", "Due", "Status", "Last update"], [80, 34, 26, 30]
        )
        for item in report.overdue:
            _row(
                table,
                [
                    _action_label(item),
                    item.due,
                    item.status,
                    govuk_date(item.latest_date, "None"),
                ],
            )
    else:
        _none(document, "No overdue actions.")

    document.add_heading(f"Silent actions ({len(report.silent)})", level=1)
    if report.silent:
        _intro(
            document,
            f"Open actions with no update for {report.silent_days} days or more.",
        )
        table = _table(
            document, ["Action", "Due", "Status", "Last heard"], [80, 34, 26, 30]
        )
        for item in report.silent:
            _row(
                table,
                [
                    _action_label(item),
                    item.due,
                    item.status,
                    govuk_date(item.latest_date, "No update yet"),
                ],
            )
    else:
        _none(document, "No silent actions.")

    document.add_heading(
        f"Completed since {govuk_date(report.since)} ({len(report.completed)})", level=1
    )
    if report.completed:
        table = _table(
            document, ["Action", "Completed", "Evidence of impact"], [80, 30, 60]
        )
        for item in report.completed:
            _row(
                table,
                [
                    _action_label(item),
                    govuk_date(item.latest_date),
                    item.impact or "None recorded",
                ],
            )
    else:
        _none(document, "No actions completed in this period.")

    document.add_heading("Scorecard exceptions", level=1)
    _scorecard(document, report.scorecard, report.scorecard_note, comparisons=False)
    return _save(document)


def yearly_report_docx(report: YearlyReport) -> bytes:
    """The draft yearly report as a Word document the business manager edits."""
    document = _new_document(title=report.title, partnership=report.partnership_name)
    document.add_paragraph(report.partnership_name).runs[0].bold = True
    document.add_heading(f"Yearly report {report.year_words}", level=0)
    paragraph = document.add_paragraph()
    paragraph.add_run("Draft for editing. ").bold = True
    paragraph.add_run(
        f"{report.year_explained} Progress is as recorded in Assure on "
        f"{govuk_date(report.as_at)}. Replace or add to the text below before publishing."
    )
    if not report.plan_title:
        _none(document, "There is no plan to report on.")
    else:
        document.add_heading("Progress against our priorities", level=1)
        _intro(
            document,
            f"{report.plan_title}: {pluralise(report.total_actions, 'action')}.",
        )
        if report.totals:
            _counts_table(document, report.totals, report.total_actions)
        for priority in report.priorities:
            document.add_heading(f"Priority {priority.ref}: {priority.title}", level=2)
            if priority.aim:
                _intro(document, priority.aim)
            _intro(
                document,
                f"{pluralise(priority.total, 'action')}: "
                f"{len(priority.completed)} completed, "
                f"{len(priority.in_progress)} in progress, "
                f"{len(priority.little_progress)} with little or no progress.",
            )
            for heading, items, what in [
                ("Completed", priority.completed, "What was achieved"),
                ("In progress", priority.in_progress, "Progress and reasons"),
                ("Little or no progress", priority.little_progress, "Reasons"),
            ]:
                document.add_heading(f"{heading} ({len(items)})", level=3)
                if not items:
                    _none(document, "None.")
                    continue
                table = _table(document, ["Action", "Status", what], [70, 26, 74])
                for item in items:
                    _row(table, [_action_label(item), item.status, _yearly_words(item)])

        document.add_heading("Evidence of impact", level=1)
        if report.impacts:
            _intro(document, "Impact recorded in progress updates during the year.")
            table = _table(
                document, ["Action", "Date", "Evidence of impact"], [70, 28, 72]
            )
            for impact in report.impacts:
                _row(
                    table,
                    [impact.action, govuk_date(impact.update_date), impact.impact],
                )
        else:
            _none(document, "No evidence of impact was recorded in updates this year.")

    document.add_heading("Scorecard: headline indicators", level=1)
    _intro(document, "Our figures against England and our statistical neighbours.")
    _scorecard(document, report.scorecard, report.scorecard_note, comparisons=True)
    return _save(document)


def _yearly_words(item: ActionItem) -> list:
    parts: list = []
    if item.reason:
        parts.append(("Reason", item.reason))
    if item.latest_date:
        parts.append(("Latest update", _latest(item)))
    else:
        parts.append("No update recorded.")
    if item.impact:
        parts.append(("Impact", item.impact))
    return parts
