"""Split a plan's lead cell into one string for each lead it names."""

from __future__ import annotations

import re

from .text import fold, html_to_lines

# Words that end the name of a body or a post: "CSE Sub Group", "Board Manager".
HEAD_NOUNS = {
    "group",
    "groups",
    "subgroup",
    "subgroups",
    "board",
    "boards",
    "panel",
    "panels",
    "team",
    "teams",
    "committee",
    "committees",
    "forum",
    "forums",
    "partnership",
    "partnerships",
    "network",
    "service",
    "services",
    "unit",
    "consortium",
    "officer",
    "officers",
    "manager",
    "managers",
    "director",
    "directors",
    "lead",
    "leads",
    "chair",
    "chairs",
    "chairperson",
    "coordinator",
    "co-ordinator",
    "administrator",
    "analyst",
    "worker",
    "nurse",
    "doctor",
    "governor",
    "members",
    "executive",
    "council",
    "trust",
    "agency",
    "agencies",
    "authority",
    "police",
    "department",
    "office",
    "head",
    "adviser",
    "advisor",
    "consultant",
    "commissioner",
    "champion",
    "champions",
    "secretariat",
}
_PLURAL_HEADS = {w for w in HEAD_NOUNS if w.endswith("s") and w[:-1] in HEAD_NOUNS}
FUNCTION_WORDS = {
    "of",
    "to",
    "for",
    "in",
    "the",
    "with",
    "via",
    "on",
    "at",
    "by",
    "a",
    "an",
    "from",
    "into",
    "across",
    "within",
    "between",
    "&",
}
_MARKER = re.compile(
    r"\((?:primary|secondary|lead|support|supporting|co-?lead|joint|chair|main|"
    r"accountable|responsible|consulted|informed)\)",
    re.IGNORECASE,
)
_NAME_AFTER_COMMA = re.compile(r",\s+(?=[A-Z][a-z]+(?:[- ][A-Z][a-z'’-]+)+,)")
_HARD_SPLIT = re.compile(r"\s*(?:/|;|\n|\s\|\s|\s\+\s)\s*")


def split_leads(text: str) -> list[str]:
    """One string per lead: split at '/', ';', line breaks and 'and' between two
    leads."""
    try:
        return _split(text)
    except Exception:  # noqa: BLE001 - a lead cell must never stop an import
        cleaned = fold(str(text or ""))
        return [cleaned] if cleaned else []


def _split(text: str) -> list[str]:
    """Do the work of split_leads."""
    lines = html_to_lines(str(text or ""))
    leads: list[str] = []
    for line in lines:
        line = _MARKER.sub(lambda m: m.group(0) + "\n", line)
        for chunk in _HARD_SPLIT.split(line):
            for piece in _split_names(chunk):
                leads.extend(_split_and(piece))
    return [lead for lead in (_tidy(lead) for lead in leads) if lead]


def _tidy(lead: str) -> str:
    """Trim a lead: white space, a trailing full stop or comma, stray joiners."""
    lead = fold(lead).strip(" ,;:-–")
    lead = re.sub(r"^(?:and|&)\s+", "", lead, flags=re.IGNORECASE)
    if lead.endswith(".") and not re.search(r"\b[A-Z]\.$|\betc\.$", lead):
        lead = lead[:-1].rstrip()
    return lead if re.search(r"\w", lead) else ""


def _split_names(chunk: str) -> list[str]:
    """Split "Name, Role, Other Name, Role" where a second person's name follows a
    role."""
    parts = _NAME_AFTER_COMMA.split(chunk)
    if len(parts) == 1 or "," not in parts[0]:
        return [chunk]
    return parts


def _words(text: str) -> list[str]:
    """The words of a text, punctuation kept on them."""
    return text.split()


def _bare(word: str) -> str:
    """A word lower-cased without surrounding punctuation."""
    return word.strip(".,;:()[]'\"’").lower()


def _split_and(chunk: str) -> list[str]:
    """Split at each 'and' (or '&' between people) that sits between two whole leads."""
    words = _words(chunk)
    pieces: list[str] = []
    start = 0
    for index, word in enumerate(words):
        if _bare(word) != "and" or index == start or index == len(words) - 1:
            continue
        left, right = words[start:index], words[index + 1 :]
        if _joins_two_leads(left, right):
            pieces.append(" ".join(left))
            start = index + 1
    pieces.append(" ".join(words[start:]))
    return pieces


def _joins_two_leads(left: list[str], right: list[str]) -> bool:
    """Whether 'left and right' names two leads rather than one ("Task and Finish
    Group")."""
    before, after = left[-1], right[0]
    if _bare(before) in FUNCTION_WORDS:
        return False
    if _bare(after) in FUNCTION_WORDS:
        return _bare(after) == "the" and _bare(before) in HEAD_NOUNS
    if before.endswith(",") or not after[:1].isalnum():
        return False
    right_name = _until_separator(right)
    if len(right_name) == 1 and (
        _bare(after).endswith("ed") or _bare(after).endswith("ing")
    ):
        return False  # "Missing Exploited and Trafficked"
    if (
        len(left) == 1
        and _bare(before).endswith(("ed", "ing"))
        and not after[:1].isupper()
    ):
        return False
    if _closes_list(left):
        return (
            False  # "Trust, CCG and NHS England", "Coventry, Solihull and Warwickshire"
        )
    if _bare(before) in HEAD_NOUNS:
        return True  # "CSE Sub Group and ...": the left lead is whole
    return not _shares_head(right_name)


def _until_separator(words: list[str]) -> list[str]:
    """Words up to the next 'and' or comma: the name that follows an 'and'."""
    name: list[str] = []
    for word in words:
        if _bare(word) == "and":
            break
        name.append(word)
        if word.endswith(","):
            break
    return name


def _closes_list(left: list[str]) -> bool:
    """Whether the 'and' ends a list of one-word items: "A, B and C"."""
    text = " ".join(left)
    if "," not in text:
        return False
    last_item = text.rsplit(",", 1)[1].split()
    return len(last_item) == 1


def _shares_head(right: list[str]) -> bool:
    """Whether "X and Y Head" is one body: a singular head noun closes the name after
    'and'."""
    bare = [_bare(word) for word in right]
    rest = bare[1:4]
    for index, word in enumerate(rest):
        if word == "sub" and index + 1 < len(rest):
            word = "sub" + rest[index + 1]
        if word in _PLURAL_HEADS:
            return False  # "Workforce Development and Education groups": two groups
        if word in HEAD_NOUNS:
            return True
    return False
