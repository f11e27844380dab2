"""The common shape every reader produces, and what an import returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class ImportRefused(Exception):
    """The file cannot be read at all; the message is one plain sentence for the
    user."""


@dataclass(frozen=True)
class Problem:
    """Something the reader was unsure of, for a person to check in the preview."""

    where: str
    message: str
    kind: str


@dataclass
class ImportResult:
    """A plan in plan/1 shape, plus what a person should check before loading it."""

    plan: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Block:
    """One piece of a document in reading order: a heading, a paragraph or a table
    row."""

    kind: str  # "heading", "para" or "row"
    cells: list[str]
    where: str
    level: int = 0
    is_list: bool = False
    is_record: bool = False  # a row known to be whole (Word, Excel), not a wrapped line
    continues_row: bool = False  # may be the rest of a row a page break cut (PDF)
    table: int | None = None
    note: str | None = None  # what the reader was unsure of, for a person to check

    @property
    def texts(self) -> list[str]:
        """The cells that hold something."""
        return [cell for cell in self.cells if cell.strip()]
