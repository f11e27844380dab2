"""Read plain text and markdown (including tab-separated tables and HTML fragments)."""

from __future__ import annotations

import re

from .blocks import Block
from .columns import column_role, header_roles
from .text import normalise_chars

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•]\s+|\d{1,2}[.)]\s+-\s)")
_PAGE_NUMBER = re.compile(
    r"^\s*(?:page\s*)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\s*$", re.I
)


def decode_text(data: bytes) -> str:
    """Decode text as UTF-8 (with or without a BOM), else Windows-1252."""
    for encoding in ("utf-8-sig", "utf-16"):
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("cp1252", errors="replace")


_REF_CELL = re.compile(r"^\(?\d{1,2}(?:\.\d{1,2}){0,2}[.)]?$")
_SLASH_CELLS = re.compile(r"\s+/\s+")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_REPEATABLE = re.compile(r"^(?:priority|theme|aim|strategic)\b", re.IGNORECASE)


def _running_lines(lines: list[str]) -> set[str]:
    """Short lines repeated three or more times: running page headers and footers."""
    counts: dict[str, int] = {}
    for line in lines:
        shape = _shape(line)
        if (
            _is_pipe_row(line)
            or _REF_CELL.match(line.strip())
            or header_roles(_SLASH_CELLS.split(line.strip()))
            or (len(line.split()) <= 3 and column_role(line))
        ):
            continue  # a header (or a ref) typed again for each table is structure
        if shape and "\t" not in line and len(line.split()) <= 12:
            counts[shape] = counts.get(shape, 0) + 1
    return {
        shape
        for shape, count in counts.items()
        if count >= 3 and not _REPEATABLE.match(shape)
    }


def _shape(line: str) -> str:
    """A line with digits blurred and spaces folded."""
    return re.sub(r"\d+", "#", " ".join(line.split()).lower())


def read_text_blocks(text: str) -> list[Block]:
    """Turn text into blocks: a tab or pipe separated line is a table row, else a
    paragraph."""
    blocks: list[Block] = []
    table = 0
    in_table = False
    lines = normalise_chars(text).split("\n")
    running = _running_lines(lines)
    slash_roles: list[str | None] | None = None
    for number, raw in _stacked_rows(lines):
        line = _EMPHASIS.sub(r"\2", raw.rstrip("\n"))
        where = f"line {number}"
        if not line.strip() or _shape(line) in running:
            continue
        note = None
        if "\t" not in line and _SLASH_CELLS.search(line):
            parts = _SLASH_CELLS.split(line.strip())
            roles = header_roles(parts) if len(parts) >= 3 else None
            if roles is not None:
                slash_roles = roles
            elif slash_roles is not None and len(parts) > len(slash_roles):
                line, note = _fit_slash_row(parts, slash_roles)
        elif "\t" in line or _is_pipe_row(line):
            slash_roles = None
        line = _slash_row(line)
        if _MD_RULE.match(line) and "-" in line:
            continue
        if "\t" in line or _is_pipe_row(line):
            if not in_table:
                table += 1
                in_table = True
            blocks.append(Block("row", _cells(line), where, table=table, note=note))
            continue
        in_table = False
        heading = _MD_HEADING.match(line)
        if heading:
            blocks.append(
                Block("heading", [heading.group(2)], where, level=len(heading.group(1)))
            )
        elif _PAGE_NUMBER.match(line):
            continue
        else:
            is_list = bool(_LIST_ITEM.match(line))
            body = _LIST_ITEM.sub("", line) if is_list else line
            blocks.append(Block("para", [body], where, is_list=is_list))
    return blocks


_STACKED_HEADER_CELL = re.compile(r"^[^\d:\t]{1,40}:?$")


def _stacked_rows(lines: list[str]) -> list[tuple[int, str]]:
    """Numbered lines, with a table written one cell per line joined back into rows.

    Some conversions put each cell of a table on its own line with a blank line between
    rows. When a group of short lines reads as a header ("Ref", "Action", "Lead",
    "Timescale"), each following group with as many lines is a row of that table.
    """
    numbered = list(enumerate(lines, start=1))
    groups: list[list[tuple[int, str]]] = [[]]
    for number, line in numbered:
        if line.strip():
            groups[-1].append((number, line))
        elif groups[-1]:
            groups.append([])
    result: list[tuple[int, str]] = []
    width = 0
    for position, group in enumerate(groups):
        cells = [line.strip() for _, line in group]
        following = groups[position + 1] if position + 1 < len(groups) else []
        if (
            len(cells) >= 3
            and len(following) == len(cells)
            and all(_STACKED_HEADER_CELL.match(cell) for cell in cells)
            and header_roles(cells) is not None
        ):
            width = len(cells)
        elif width and len(cells) == width and not any("\t" in cell for cell in cells):
            pass
        else:
            width = 0
            result.extend(group)
            continue
        result.append((group[0][0], "\t".join(cells)))
    return result


def _fit_slash_row(parts: list[str], roles: list[str | None]) -> tuple[str, str | None]:
    """A " / " row with more parts than its header has columns: some " / " were inside
    a cell. Leads are written "A / B", so the extra parts join the lead column when the
    columns after it still line up (a date under the timescale); else they join the
    action, and the row is flagged."""
    extra = len(parts) - len(roles)
    timescale = roles.index("timescale") if "timescale" in roles else None
    lead = roles.index("lead") if "lead" in roles else None
    action = roles.index("action") if "action" in roles else None
    target, note = lead, None
    if lead is None or (
        timescale is not None
        and timescale > lead
        and not _looks_like_date(parts[timescale + extra])
    ):
        target = action if action is not None else (lead or 0)
        note = (
            "This line has more ' / ' than its header has columns; "
            "check which cell each part belongs to."
        )
    assert target is not None
    merged = [
        *parts[:target],
        " / ".join(parts[target : target + extra + 1]),
        *parts[target + extra + 1 :],
    ]
    return "\t".join(merged), note


def _looks_like_date(text: str) -> bool:
    """Whether a cell reads as a timescale (a date, a recurrence or an open end)."""
    from .timescales import parse_timescale

    timescale = parse_timescale(text)
    return bool(
        timescale.date
        or timescale.recurrence
        or timescale.is_open_ended
        and timescale.problem is None
    ) or bool(
        re.search(r"\b(?:Q[1-4]|20\d\d|term|spring|summer|autumn|winter)\b", text, re.I)
    )


def _slash_row(line: str) -> str:
    """A line whose cells a conversion joined with " / " ("1.1 / Do this / Lead / May
    17")."""
    parts = _SLASH_CELLS.split(line.strip())
    if "\t" in line or len(parts) < 3:
        return line
    if _REF_CELL.match(parts[0]) or header_roles(parts) is not None:
        return "\t".join(parts)
    return line


def _is_pipe_row(line: str) -> bool:
    """Whether a line is a markdown table row."""
    stripped = line.strip()
    return stripped.startswith("|") and stripped.count("|") >= 3


def _cells(line: str) -> list[str]:
    """The cells of a tab or pipe separated line, leading spaces kept (they mark
    bullets)."""
    if "\t" in line:
        return line.split("\t")
    return [cell for cell in line.strip().strip("|").split("|")]
