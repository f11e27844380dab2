"""Find a plan's partnership, title and period in its opening lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .blocks import Block, Problem
from .text import clean_text
from .timescales import MONTHS

_PARTNERSHIP = re.compile(
    r"((?:[A-Z][\w'’&.-]*\s+(?:(?:of|and|upon|on|the)\s+)?){1,5}?(?:Local\s+)?Safeguarding\s+(?:Children(?:'s)?\s+)?"
    r"(?:Partnership\s+Board|Partnership|Board|Arrangements|Children\s+Partnership))"
)
_SHORT_NAME = re.compile(
    r"\b((?:[A-Z][a-z]+\s+){1,3}(?:LSCB|LSCP|SCB|SCP|SCPB|LSCPB))\b"
)
_TITLE = re.compile(
    r"\b(?:business|work|strategic|action|improvement|delivery)\s+plan\b|"
    r"\bplan\s+on\s+a\s+page\b|\bstrategic\s+priorities\b",
    re.IGNORECASE,
)
_DAY_DATE = re.compile(
    r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?\s+((?:19|20)\d\d)"
)
_YEARS = re.compile(r"\b((?:19|20)\d\d)\s*(?:[/–—-]|to)\s*((?:19|20)?\d\d)\b")
_ONE_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


@dataclass
class PlanMeta:
    """What the front of a document says about the plan as a whole."""

    partnership: str
    title: str
    period: tuple[date, date] | None
    problems: list[Problem] = field(default_factory=list)


def read_meta(blocks: list[Block]) -> PlanMeta:
    """Partnership, title and period from the first lines of a document."""
    lines = [clean_text(" ".join(block.texts)) for block in blocks[:60]]
    lines = [line for line in lines if line]
    problems: list[Problem] = []
    partnership = _find_partnership(lines)
    title = _find_title(lines, partnership)
    if not partnership:
        partnership = "Unknown partnership"
        problems.append(
            Problem(
                "document",
                "The partnership's name was not found; enter it.",
                "uncertain_structure",
            )
        )
    if not title:
        title = "Plan"
        problems.append(
            Problem(
                "document",
                "The plan's title was not found; enter it.",
                "uncertain_structure",
            )
        )
    period = read_period(title) or _period_from_lines(lines)
    return PlanMeta(
        partnership=partnership, title=title, period=period, problems=problems
    )


def _find_partnership(lines: list[str]) -> str:
    """The board or partnership as the document first names it."""
    for line in lines[:40]:
        match = _PARTNERSHIP.search(line)
        if match and len(match.group(1).split()) <= 8:
            return match.group(1).strip()
    for line in lines[:40]:
        match = _SHORT_NAME.search(line)
        if match:
            return match.group(1).strip()
    return ""


def _find_title(lines: list[str], partnership: str) -> str:
    """The first short line that names a plan."""
    for line in lines[:40]:
        if not _TITLE.search(line) or len(line.split()) > 16:
            continue
        if partnership and line.startswith(partnership):
            rest = line[len(partnership) :].strip(" :-–—,")
            if _TITLE.search(rest):
                return rest
        return line
    return ""


def read_period(text: str) -> tuple[date, date] | None:
    """The period a title names: two dates, a span of years (financial years), or
    none."""
    days = [_day(m) for m in _DAY_DATE.finditer(text)]
    days = [d for d in days if d]
    if len(days) >= 2 and days[0] < days[1]:
        return days[0], days[1]
    years = _YEARS.search(text)
    if years:
        first = int(years.group(1))
        second_text = years.group(2)
        second = (
            int(second_text)
            if len(second_text) == 4
            else (first // 100) * 100 + int(second_text)
        )
        if 0 < second - first <= 5:
            return date(first, 4, 1), date(second, 3, 31)
    return None


def _period_from_lines(lines: list[str]) -> tuple[date, date] | None:
    """A period from any early line naming a plan, when the title gives none."""
    for line in lines[:40]:
        if _TITLE.search(line):
            period = read_period(line)
            if period:
                return period
    return None


def _day(match: re.Match[str]) -> date | None:
    """A date from "1st July 2012"."""
    month = MONTHS.get(match.group(2).lower())
    if month is None:
        return None
    try:
        return date(int(match.group(3)), month, int(match.group(1)))
    except ValueError:
        return None
