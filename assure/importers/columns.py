"""Recognise column headings ("Action owner", "By when") and the fields they hold."""

from __future__ import annotations

import re

from .text import clean_text

# Checked in order: "Action owner" is a lead column, not an action column.
ROLE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "ref",
        re.compile(
            r"^(?:ref(?:erence)?\.?(?:\s*no\.?)?|no\.?|number|#|item|id|"
            r"action\s+(?:no\.?|number|ref\.?))$"
        ),
    ),
    (
        "lead",
        re.compile(
            r"\b(?:lead|leads|owner|owners|ownership|responsib\w*|who|by\s+whom|"
            r"accountable|lead\s+officer|lead\s+agency|champion)\b"
        ),
    ),
    (
        "progress",
        re.compile(
            r"\b(?:progres\w*|gress|updates?|comments?|commentary|"
            r"position\s+statement|current\s+position|notes?|to\s+date)\b"
        ),
    ),
    (
        "timescale",
        re.compile(
            r"\b(?:timescales?|time\s*scales?|time\s*frames?|timeframes?|"
            r"target\s+dates?|by\s+when|when|deadlines?|completion|"
            r"due(?:\s+date)?|dates?|target|review\s+date)\b"
        ),
    ),
    (
        "rag",
        re.compile(
            r"^(?:rag|r\s*/\s*a\s*/\s*g|rag\s+(?:status|rating)|status|rating)$"
        ),
    ),
    (
        "outputs",
        re.compile(
            r"\b(?:outputs?|success|impact|measures?|measured|evidence|"
            r"how\s+(?:will\s+we|we\s+will)\s+know|performance\s+indicators?|kpis?|"
            r"deliverables?|results?)\b"
        ),
    ),
    (
        "monitoring",
        re.compile(
            r"\b(?:monitor\w*|reporting\s+to|reports?\s+to|governance|"
            r"oversight|assurance)\b"
        ),
    ),
    (
        "objective",
        re.compile(
            r"\b(?:objectives?|outcomes?|aims?|goals?|purpose|"
            r"what\s+difference|want\s+to\s+achieve|why)\b"
        ),
    ),
    (
        "priority",
        re.compile(
            r"\b(?:priority|priorities|theme|themes|workstream|"
            r"strategic\s+area|area\s+of\s+focus)\b"
        ),
    ),
    ("category", re.compile(r"^(?:category|type|strand|group)$")),
    (
        "action",
        re.compile(
            r"\b(?:actions?|what|activit\w*|tasks?|how|steps?|inputs?|"
            r"what\s+we\s+will\s+do|description|work)\b"
        ),
    ),
]


def column_role(cell: str) -> str | None:
    """The field a header cell names, or None."""
    words = clean_text(cell).lower().strip(" :?.*")
    if not words or len(words.split()) > 10 or len(words) > 70:
        return None
    for role, pattern in ROLE_PATTERNS:
        if pattern.search(words):
            return role
    return None


def header_roles(cells: list[str]) -> list[str | None] | None:
    """Roles by position when a row is a header row, else None."""
    texts = [clean_text(cell) for cell in cells]
    filled = [text for text in texts if text]
    if len(filled) < 2:
        return None
    roles = [column_role(text) if text else None for text in texts]
    named = [role for role in roles if role]
    unnamed = len(filled) - len(named)
    if len(named) < 2 or unnamed > max(1, len(named) // 3):
        return None
    if not {"action", "lead", "timescale"} & set(named):
        return None
    if any(len(text) > 70 for text in filled):
        return None
    if any(text[:1].isalpha() and text[:1].islower() for text in filled):
        return None  # headers are capitalised; "physical activity" is a wrapped line
    if len(named) < 3 and len(named) < len(filled):
        return None
    return _first_of_each(roles)


def _first_of_each(roles: list[str | None]) -> list[str | None]:
    """Keep the first column of each role and leave repeats unnamed."""
    seen: set[str] = set()
    kept: list[str | None] = []
    for role in roles:
        kept.append(None if role is None or role in seen else role)
        if role:
            seen.add(role)
    return kept
