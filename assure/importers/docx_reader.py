"""Read a Word document's body in order: headings, paragraphs and table rows."""

from __future__ import annotations

import io
import re

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from .blocks import Block

_HEADING_STYLE = re.compile(r"^(?:heading\s*(\d)|title|subtitle)", re.IGNORECASE)
MAX_BLOCKS = 50_000


def read_docx_blocks(data: bytes) -> list[Block]:
    """Blocks from a .docx in document order, tables row by row."""
    document = Document(io.BytesIO(data))
    blocks: list[Block] = []
    paragraph_count = table_count = 0
    for child in document.element.body.iterchildren():
        if len(blocks) > MAX_BLOCKS:
            break
        if child.tag == qn("w:p"):
            paragraph_count += 1
            block = _paragraph_block(
                Paragraph(child, document), f"paragraph {paragraph_count}"
            )
            if block is not None:
                blocks.append(block)
        elif child.tag == qn("w:tbl"):
            table_count += 1
            blocks.extend(_table_blocks(Table(child, document), table_count))
    return blocks


def _paragraph_block(paragraph: Paragraph, where: str) -> Block | None:
    """A heading or paragraph block, or None for an empty paragraph."""
    text = paragraph.text
    if not text.strip():
        return None
    style = paragraph.style.name if paragraph.style is not None else ""
    heading = _HEADING_STYLE.match(style or "")
    if heading:
        return Block("heading", [text], where, level=int(heading.group(1) or 1))
    p_pr = paragraph._p.pPr
    is_list = "list" in (style or "").lower() or (
        p_pr is not None and p_pr.numPr is not None
    )
    return Block("para", [text], where, is_list=is_list)


def _table_blocks(table: Table, number: int) -> list[Block]:
    """One block per row; a cell merged across columns is read once, at its first
    column."""
    blocks = []
    for row_number, row in enumerate(table.rows, start=1):
        seen: set[int] = set()
        cells: list[str] = []
        for cell in row.cells:
            key = id(cell._tc)
            cells.append("" if key in seen else _cell_text(cell))
            seen.add(key)
        where = f"table {number}, row {row_number}"
        blocks.append(Block("row", cells, where, is_record=True, table=number))
    return blocks


def _cell_text(cell: _Cell) -> str:
    """A cell's paragraphs (and any nested table's text), one per line."""
    lines = [paragraph.text for paragraph in cell.paragraphs]
    for nested in cell.tables:
        for row in nested.rows:
            lines.append(" ".join(_cell_text(inner) for inner in row.cells))
    return "\n".join(lines)
