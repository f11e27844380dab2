"""Read a Word document's body in order: headings, paragraphs and table rows."""

from __future__ import annotations

import io
import re
from typing import Any

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
    numbering = _Numbering(document)
    items: list[tuple[int, tuple[str, int], str | None]] = []
    for child in document.element.body.iterchildren():
        if len(blocks) > MAX_BLOCKS:
            break
        if child.tag == qn("w:p"):
            paragraph_count += 1
            paragraph = Paragraph(child, document)
            label, plain, place = numbering.label(paragraph)
            block = _paragraph_block(
                paragraph, f"paragraph {paragraph_count}", label, plain=plain
            )
            if block is not None:
                if place is not None:
                    items.append((len(blocks), place, label if plain else None))
                blocks.append(block)
        elif child.tag == qn("w:tbl"):
            table_count += 1
            blocks.extend(_table_blocks(Table(child, document), table_count))
    _mark_group_items(blocks, items)
    return blocks


def _mark_group_items(
    blocks: list[Block], items: list[tuple[int, tuple[str, int], str | None]]
) -> None:
    """A numbered item with sub-items under it ("1. Neglect" over "1.1 ...") heads a
    group: read it as a heading with its number, not as an item of a list."""
    for position, (index, (list_id, level), label) in enumerate(items):
        for _, (later_list, later_level), _ in items[position + 1 :]:
            if later_list != list_id:
                continue
            if later_level > level:
                block = blocks[index]
                text = block.cells[0]
                if label and not text.lstrip().startswith(label):
                    text = f"{label} {text.lstrip()}"
                blocks[index] = Block("heading", [text], block.where, level=level + 1)
            break


_FORMATS = {
    "decimal",
    "decimalZero",
    "lowerLetter",
    "upperLetter",
    "lowerRoman",
    "upperRoman",
}


class _Numbering:
    """Word's automatic numbering, counted as Word counts it, so that "1.1" can be put
    back in front of a paragraph whose number is not in its text."""

    def __init__(self, document: Any) -> None:
        """Read the numbering definitions (none when the document has no numbering)."""
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except Exception:  # noqa: BLE001 - no numbering part: nothing is numbered
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in node.findall(qn("w:lvl")):
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = (
                    _val(lvl, "w:numFmt") or "decimal",
                    _val(lvl, "w:lvlText") or "",
                    int(_val(lvl, "w:start") or "1"),
                )
            abstract[node.get(qn("w:abstractNumId"), "")] = levels
        for node in root.findall(qn("w:num")):
            levels = dict(abstract.get(_val(node, "w:abstractNumId") or "", {}))
            for override in node.findall(qn("w:lvlOverride")):
                level = int(override.get(qn("w:ilvl"), "0"))
                start = _val(override, "w:startOverride")
                if start and level in levels:
                    fmt, text, _ = levels[level]
                    levels[level] = (fmt, text, int(start))
            self.levels[node.get(qn("w:numId"), "")] = levels

    def label(
        self, paragraph: Paragraph
    ) -> tuple[str | None, bool, tuple[str, int] | None]:
        """The number Word shows before a paragraph ("1.2"), counted; and its list and
        level. The label is None for bullets, and for one-level numbers ("1.") which a
        list of actions uses as often as a list of priorities."""
        found = _num_pr(paragraph)
        if found is None or not self.levels:
            return None, False, None
        num_id, level = found
        levels = self.levels.get(num_id)
        if not levels or level not in levels:
            return None, False, None
        counters = self.counters.setdefault(num_id, {})
        counters[level] = counters.get(level, levels[level][2] - 1) + 1
        for deeper in [key for key in counters if key > level]:
            del counters[deeper]
        fmt, text, _ = levels[level]
        if fmt not in _FORMATS or "%" not in text:
            return None, False, (num_id, level)
        shown = re.sub(
            r"%(\d)",
            lambda m: self._format(num_id, int(m.group(1)) - 1),
            text,
        ).strip()
        plain = re.fullmatch(r"\(?\w{1,4}[.)]?", shown) is not None
        return shown, plain, (num_id, level)

    def _format(self, num_id: str, level: int) -> str:
        """One level's counter in that level's format."""
        levels = self.levels[num_id]
        start = levels.get(level, ("decimal", "", 1))[2]
        value = self.counters[num_id].get(level, start)
        fmt = levels.get(level, ("decimal", "", 1))[0]
        if fmt in ("lowerLetter", "upperLetter"):
            letter = chr(ord("a") + (value - 1) % 26)
            return letter.upper() if fmt == "upperLetter" else letter
        if fmt in ("lowerRoman", "upperRoman"):
            roman = _roman(value)
            return roman if fmt == "upperRoman" else roman.lower()
        return str(value)


def _val(node: Any, tag: str) -> str | None:
    """The w:val of a child element."""
    child = node.find(qn(tag))
    return child.get(qn("w:val")) if child is not None else None


def _num_pr(paragraph: Paragraph) -> tuple[str, int] | None:
    """The list and level a paragraph is numbered in, from itself or its style."""
    p_pr = paragraph._p.pPr
    num_pr = p_pr.numPr if p_pr is not None else None
    style = paragraph.style if num_pr is None else None
    depth = 0
    while num_pr is None and style is not None and depth < 10:
        style_p_pr = style.element.pPr
        num_pr = style_p_pr.numPr if style_p_pr is not None else None
        style = style.base_style
        depth += 1
    if num_pr is None or num_pr.numId is None:
        return None
    num_id = str(num_pr.numId.val)
    if num_id == "0":
        return None
    level = num_pr.ilvl.val if num_pr.ilvl is not None else 0
    return num_id, int(level)


def _roman(value: int) -> str:
    """A number in Roman numerals."""
    out = ""
    for number, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out += letters
            value -= number
    return out


def _paragraph_block(
    paragraph: Paragraph, where: str, label: str | None = None, *, plain: bool = False
) -> Block | None:
    """A heading or paragraph block, or None for an empty paragraph. An automatic
    number Word shows but the text lacks ("1.2") is put in front; a one-level number
    ("3.") only on a heading, since lists of actions are numbered that way too."""
    text = paragraph.text
    if not text.strip():
        return None
    style = paragraph.style.name if paragraph.style is not None else ""
    if label and (not plain or _HEADING_STYLE.match(style or "")):
        if not text.lstrip().startswith(label):
            text = f"{label} {text.lstrip()}"
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
