"""Find a local authority by DfE number, ONS code or name."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Sequence

from .dataset import Authority, DfeDataset, load_dataset


class UnknownAuthority(LookupError):
    """No single local authority matches the query; `candidates` lists close names."""

    def __init__(self, message: str, candidates: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.candidates = list(candidates)


class AmbiguousAuthority(UnknownAuthority):
    """Several local authorities match the query."""


_SUFFIXES = re.compile(
    r"\b(metropolitan borough|royal borough|london borough|borough|county|city)?"
    r"\s*council$"
)
_PREFIXES = re.compile(
    r"^(the )?(london borough of|royal borough of|council of the)\s+"
)


def _normalise(name: str) -> str:
    """Lower case, '&' as 'and', punctuation dropped, spaces folded."""
    name = name.lower().replace("&", " and ")
    name = re.sub(r"[^\w\s/]", " ", name)
    return " ".join(name.split())


def _strip_council(name: str) -> str:
    """Drop 'County Council', 'London Borough of' and the like from a name."""
    return _PREFIXES.sub("", _SUFFIXES.sub("", name)).strip()


def find_authority(query: str, *, dataset: DfeDataset | None = None) -> Authority:
    """Find an authority by DfE number, ONS code (current or former) or name."""
    data = dataset or load_dataset()
    text = query.strip()
    if not text:
        raise UnknownAuthority("Enter a local authority name or code")
    if text in data.authorities:
        return data.authorities[text]
    if text.upper() in data.code_aliases:
        return data.authorities[data.code_aliases[text.upper()]]

    by_name: dict[str, list[str]] = defaultdict(list)
    for code, authority in data.authorities.items():
        by_name[_normalise(authority.name)].append(code)
    wanted = _normalise(text)
    for attempt in dict.fromkeys((wanted, _strip_council(wanted))):
        if not attempt:
            continue
        for matcher in (
            lambda n, a=attempt: n == a,
            lambda n, a=attempt: n.startswith(a),
            lambda n, a=attempt: a in n,
        ):
            codes = [c for name, cs in by_name.items() if matcher(name) for c in cs]
            if codes:
                return _pick(data, text, codes)

    names = sorted({a.name for a in data.authorities.values()})
    close = difflib.get_close_matches(text, names, n=5, cutoff=0.6)
    if not close:
        lowered = {n.lower(): n for n in names}
        close = [
            lowered[n]
            for n in difflib.get_close_matches(
                _strip_council(wanted), lowered, n=5, cutoff=0.6
            )
        ]
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise UnknownAuthority(f"No local authority matches {query!r}.{hint}", close)


def _pick(data: DfeDataset, query: str, codes: list[str]) -> Authority:
    """One match wins; of one name used twice (Dorset), the one with the latest data."""
    found = [data.authorities[c] for c in codes]
    names = {a.name for a in found}
    if len(names) == 1:
        return max(found, key=lambda a: (data.last_year[a.old_code], a.old_code))
    listed = sorted(f"{a.name} ({a.old_code})" for a in found)
    raise AmbiguousAuthority(
        f"{query!r} matches {len(found)} local authorities: {', '.join(listed)}. "
        "Use the full name or the 3-digit LA code.",
        sorted(names),
    )
