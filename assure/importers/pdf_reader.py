"""Read a PDF's text and tables in reading order, page headers and footers removed."""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

import pdfplumber

from .blocks import Block, ImportRefused

MAX_PAGES = 300
_PAGE_NUMBER = re.compile(
    r"^\s*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$|^\s*-\s*\d{1,4}\s*-\s*$",
    re.I,
)
_BULLET = re.compile(r"^\s*[•●▪◦○■➢►\-–]\s")
_STARTS_ITEM = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})+|\d{1,2}[.)])\s")


@dataclass
class _Line:
    """A line of words on a page."""

    top: float
    bottom: float
    x0: float
    text: str
    size: float


def read_pdf_blocks(data: bytes) -> list[Block]:
    """Blocks from a PDF: paragraphs outside tables, then table rows, by position."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        if len(pdf.pages) > MAX_PAGES:
            raise ImportRefused(
                f"This PDF has {len(pdf.pages)} pages; the most we read is {MAX_PAGES}."
            )
        pages = [_read_page(page) for page in pdf.pages]
    if not any(items for items in pages):
        raise ImportRefused(
            "This PDF has no text in it (it may be scanned "
            "images); upload the original "
            "Word or Excel file instead."
        )
    repeated = _repeated_lines(pages)
    blocks: list[Block] = []
    table_number = 0
    for page_number, items in enumerate(pages, start=1):
        first_on_page = True
        edges = _edge_lines(items)
        for position, (kind, payload, _top) in enumerate(items):
            if kind == "line":
                if position in edges and _is_furniture(payload, repeated):
                    continue
                blocks.append(Block("para", [payload], f"page {page_number}"))
                first_on_page = False
                continue
            table_number += 1
            for row_number, cells in enumerate(payload, start=1):
                where = f"page {page_number}, table {table_number}, row {row_number}"
                whole = not (
                    first_on_page and row_number <= 2 and page_number > 1
                ) and not (row_number == len(payload) and _ends_page(items, payload))
                blocks.append(
                    Block(
                        "row",
                        cells,
                        where,
                        is_record=whole,
                        table=table_number,
                        continues_row=not whole and row_number <= 2,
                    )
                )
            first_on_page = False
    return blocks


def _read_page(page: Any) -> list[tuple[str, Any, float]]:
    """A page's paragraphs and tables, each with its top, in order."""
    words = page.extract_words(extra_attrs=["size"], keep_blank_chars=False)
    if not words:
        return []
    tables = page.find_tables()
    items: list[tuple[str, Any, float]] = []
    used: set[int] = set()
    lowest = max(tables, key=lambda table: table.bbox[3]) if tables else None
    for table in tables:
        rows = []
        for row in table.rows:
            cells = []
            for bbox in row.cells:
                if bbox is None:
                    cells.append("")
                    continue
                inside = [
                    i for i, w in enumerate(words) if i not in used and _within(w, bbox)
                ]
                used.update(inside)
                cells.append(_paragraphs([words[i] for i in inside]))
            rows.append(cells)
        # Only the table nearest the page's foot can have a row the page end cut off.
        tail = (
            _open_bottom_row(table, words, used, page.height)
            if table is lowest
            else None
        )
        if tail:
            rows.append(tail)
        items.append(("table", rows, table.bbox[1]))
    loose = [w for i, w in enumerate(words) if i not in used]
    for text, top in _paragraph_lines(loose, page.height):
        items.append(("line", text, top))
    items.sort(key=lambda item: item[2])
    return items


def _open_bottom_row(
    table: Any, words: list[dict[str, Any]], used: set[int], height: float
) -> list[str] | None:
    """The cells of a row cut by the page end, which "
    "has no bottom border to close it."""
    x0, _, x1, bottom = table.bbox
    below = [
        i
        for i, w in enumerate(words)
        if i not in used
        and w["top"] >= bottom - 1
        and x0 - 1 <= w["x0"]
        and w["x1"] <= x1 + 1
        and w["bottom"] < height * 0.93
    ]
    if not below:
        return None
    first_top = min(words[i]["top"] for i in below)
    line_height = max(words[i]["bottom"] - words[i]["top"] for i in below)
    if first_top - bottom > 1.5 * line_height:
        return None
    others = [
        w
        for i, w in enumerate(words)
        if i not in used
        and i not in below
        and w["top"] > bottom
        and w["bottom"] < height * 0.93
    ]
    if others:
        return None
    edges = _column_edges(table)
    cells: list[list[dict[str, Any]]] = [[] for _ in edges]
    for i in below:
        word = words[i]
        centre = (word["x0"] + word["x1"]) / 2
        column = next((n for n, (a, b) in enumerate(edges) if a <= centre <= b), None)
        if column is not None:
            cells[column].append(word)
            used.add(i)
    return [_paragraphs(group) for group in cells]


def _column_edges(table: Any) -> list[tuple[float, float]]:
    """The left and right edge of each column, from the row with the most cells."""
    widest = max(
        table.rows, key=lambda row: sum(cell is not None for cell in row.cells)
    )
    return [(cell[0], cell[2]) for cell in widest.cells if cell is not None]


def _within(word: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    """Whether a word's centre lies inside a box."""
    x = (word["x0"] + word["x1"]) / 2
    y = (word["top"] + word["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _lines(words: list[dict[str, Any]]) -> list[_Line]:
    """Words grouped into lines by their height on the page."""
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= 2.5:
            lines[-1].append(word)
        else:
            lines.append([word])
    result = []
    for group in lines:
        group.sort(key=lambda w: w["x0"])
        result.append(
            _Line(
                top=min(w["top"] for w in group),
                bottom=max(w["bottom"] for w in group),
                x0=group[0]["x0"],
                text=" ".join(w["text"] for w in group),
                size=round(float(group[0].get("size", 0)), 1),
            )
        )
    return result


def _paragraphs(words: list[dict[str, Any]]) -> str:
    """A cell's text: wrapped lines joined by spaces, paragraphs and bullets by line
    breaks."""
    lines = _lines(words)
    text = ""
    for index, line in enumerate(lines):
        if index == 0:
            text = line.text
            continue
        previous = lines[index - 1]
        height = max(previous.bottom - previous.top, 1.0)
        gap = line.top - previous.bottom
        new_paragraph = gap > 0.45 * height or _BULLET.match(line.text)
        if not new_paragraph and text.endswith("-") and line.text[:1].islower():
            text += line.text  # a word hyphenated at the line end
        else:
            text += ("\n" if new_paragraph else " ") + line.text
    return text


def _paragraph_lines(
    words: list[dict[str, Any]], height: float
) -> list[tuple[str, float]]:
    """Text outside tables as paragraphs, each with the top of its first line."""
    lines = _lines(words)
    paragraphs: list[tuple[str, float]] = []
    for index, line in enumerate(lines):
        if index and paragraphs:
            previous = lines[index - 1]
            line_height = max(previous.bottom - previous.top, 1.0)
            same = (
                line.top - previous.bottom <= 0.45 * line_height
                and abs(line.size - previous.size) < 0.6
                and not _BULLET.match(line.text)
                and not _STARTS_ITEM.match(line.text)
                and line.top > height * 0.08
                and previous.bottom < height * 0.92
            )
            if same:
                text, top = paragraphs[-1]
                paragraphs[-1] = (text + " " + line.text, top)
                continue
        paragraphs.append((line.text, line.top))
    return paragraphs


def _shape(text: str) -> str:
    """A line with its digits blurred, so "Page 3" and "Page 4" look alike."""
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _ends_page(items: list[tuple[str, Any, float]], payload: Any) -> bool:
    """Whether a table is the last thing on its page (so its last row may run on)."""
    tables = [item for item in items if item[0] == "table"]
    return bool(tables) and tables[-1][1] is payload


def _edge_lines(items: list[tuple[str, Any, float]]) -> set[int]:
    """Positions of the first two and last two paragraphs on a page."""
    lines = [position for position, item in enumerate(items) if item[0] == "line"]
    return set(lines[:2] + lines[-2:])


def _repeated_lines(pages: list[list[tuple[str, Any, float]]]) -> set[str]:
    """Lines found at the top or bottom of most pages: running headers and footers."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for items in pages:
        edges = _edge_lines(items)
        counts.update({_shape(items[i][1]) for i in edges})
    needed = max(2, int(len(pages) * 0.5 + 0.5))
    return {shape for shape, count in counts.items() if count >= needed}


def _is_furniture(text: str, repeated: set[str]) -> bool:
    """Whether a line is a page number or a running header or footer."""
    return bool(_PAGE_NUMBER.match(text)) or _shape(text) in repeated
