"""Score a read plan against a hand-made gold plan: recall, precision, refs, leads,
dates."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

MATCH_THRESHOLD = 85.0
TARGETS: dict[str, float] = {
    "recall": 0.97,
    "precision": 0.97,
    "due": 0.95,
    "leads": 0.90,
    "priority": 0.97,
}
MAX_SECONDS = 1.0


@dataclass
class Score:
    """How a read plan compares with its gold."""

    gold_actions: int
    read_actions: int
    matched: int
    recall: float
    precision: float
    priority: float
    ref: float
    leads: float
    due: float

    def misses(self) -> list[str]:
        """The targets this score falls short of."""
        return [
            name for name, target in TARGETS.items() if getattr(self, name) < target
        ]


def normalise(text: str) -> str:
    """Text reduced for comparison: letters and digits, lower case, single spaces."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


def _flatten(plan: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    """Every action with the position of its priority (from 1)."""
    return [
        (position, action)
        for position, priority in enumerate(plan.get("priorities", []), start=1)
        for action in priority.get("actions", [])
    ]


def match_actions(
    gold: list[tuple[int, dict[str, Any]]], read: list[tuple[int, dict[str, Any]]]
) -> list[tuple[int, int]]:
    """Pair gold and read actions one-to-one by text similarity, best pairs first."""
    gold_texts = [normalise(action["text"]) for _, action in gold]
    read_texts = [normalise(action["text"]) for _, action in read]
    pairs = []
    for g, gold_text in enumerate(gold_texts):
        for r, read_text in enumerate(read_texts):
            score = fuzz.ratio(gold_text, read_text, score_cutoff=MATCH_THRESHOLD)
            if score:
                pairs.append((score, g, r))
    pairs.sort(key=lambda pair: (-pair[0], pair[1], pair[2]))
    used_gold: set[int] = set()
    used_read: set[int] = set()
    matched = []
    for _, g, r in pairs:
        if g in used_gold or r in used_read:
            continue
        used_gold.add(g)
        used_read.add(r)
        matched.append((g, r))
    return matched


def _leads(action: dict[str, Any]) -> list[str]:
    """Leads normalised for comparison."""
    return [" ".join(lead.split()).casefold() for lead in action.get("leads") or []]


def _due(action: dict[str, Any]) -> str | None:
    """The due date, or None."""
    return (action.get("due") or {}).get("date")


def score_plan(gold_plan: dict[str, Any], read_plan: dict[str, Any]) -> Score:
    """Compare a read plan with its gold."""
    gold = _flatten(gold_plan)
    read = _flatten(read_plan)
    matched = match_actions(gold, read)
    count = len(matched) or 1

    def share(test: Any) -> float:
        return (
            sum(1 for g, r in matched if test(gold[g], read[r])) / count
            if matched
            else 0.0
        )

    return Score(
        gold_actions=len(gold),
        read_actions=len(read),
        matched=len(matched),
        recall=len(matched) / len(gold) if gold else 1.0,
        precision=len(matched) / len(read) if read else (1.0 if not gold else 0.0),
        priority=share(lambda g, r: g[0] == r[0]),
        ref=share(lambda g, r: g[1].get("ref") == r[1].get("ref")),
        leads=share(lambda g, r: _leads(g[1]) == _leads(r[1])),
        due=share(lambda g, r: _due(g[1]) == _due(r[1])),
    )
