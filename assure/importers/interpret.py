"""Turn a document's blocks into a plan/1 dict: priorities, columns, actions, refs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .blocks import Block, ImportResult, Problem
from .columns import column_role, header_roles
from .leads import split_leads
from .meta import PlanMeta, read_meta
from .text import BULLETS, clean_text, fold, html_to_lines
from .timescales import parse_timescale

REF = r"\d{1,2}(?:\.\d{1,2}){1,2}[a-z]?"
_BARE_REF = re.compile(r"^\(?(" + REF + r")[.)]?$")
_LEAD_REF = re.compile(r"^\(?(" + REF + r")(?:[.):]\s*|\s+)(?=\S)(.*)$", re.S)
_BARE_NUMBER = re.compile(r"^\(?(\d{1,2})[.)]?$")
_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
    "vi": 6,
    "vii": 7,
    "viii": 8,
    "ix": 9,
    "x": 10,
}
_PRIORITY = re.compile(
    r"^(?:[A-Z][A-Za-z]{1,7}\s+){0,2}(?:strategic\s+|key\s+|business\s+|our\s+)?"
    r"(?:priority|priorities|theme|strategic\s+aim|aim|strategic\s+objective|workstream|"
    r"area|goal)\s*(?:no\.?\s*)?(?P<num>\d{1,2}|" + "|".join(_NUMBERS) + r")\b"
    r"\s*[:.\-–—)]?\s*(?P<title>.*)$",
    re.IGNORECASE | re.S,
)
_NUMBERED = re.compile(r"^(?P<num>\d{1,2})\s?[.)]\s+(?P<title>\S.*)$", re.S)
_INLINE_FIELD = re.compile(
    r"(?:^|\s)(?P<label>completion(?:\s+date)?|timescales?|target\s+date|deadline|by\s+when|"
    r"due(?:\s+date)?|leads?|lead\s+officer|owner|responsible|outcomes?|outputs?|"
    r"success\s+measures?|progress|rag|monitoring)\s*:\s*",
    re.IGNORECASE,
)
_AIM_LABEL = re.compile(
    r"^(?:(?:aims?|outcomes?|desired\s+outcomes?|expected\s+outcomes?|why)"
    r"(?:\s*(?:[:?…]|\.\.\.)\s*|\s*$|\s+[-–—]\s+(?=[A-Z]))|"
    r"(?:outcome\s*[-–—:]?\s*)?what\s+difference\s+(?:do|will)\s+we\s+(?:want\s+to\s+)?"
    r"make\s*\??\s*|what\s+we\s+will\s+do\W*|what\s+do\s+we\s+want\s+to\s+achieve\??\s*)",
    re.IGNORECASE,
)
_MEASURE_LABEL = re.compile(
    r"^(?:quality\s+measures?|how\s+we\s+will\s+measure\s+success|measures?\s+of\s+success|"
    r"success\s+measures?|how\s+will\s+we\s+know[^:]*|key\s+measures?|top\s*line\s+measures?|"
    r"performance\s+measures?)\s*[:.…?]*\s*",
    re.IGNORECASE,
)
_ACTION_LEAD_IN = re.compile(
    r"\bactions?\b.*(?::|\.\.\.|…)\s*$|^(?:key\s+)?actions?\s*:?$", re.IGNORECASE
)
_BACK_MATTER = re.compile(
    r"^(?:glossary|appendix|appendices|abbreviations|acronyms|membership|board\s+members(?:hip)?|"
    r"contact\s+us|contacts|references|key\s+terms|definitions)\b\W*\w*\W*$",
    re.IGNORECASE,
)
_CONTENTS_TITLE = re.compile(r"^(?:table\s+of\s+)?contents?$|^index$", re.IGNORECASE)
_CONTENTS_LINE = re.compile(r"(?:\.{4,}|…{2,}|_{4,})\s*\d{1,3}$")
_ENDS_WITH_PAGE = re.compile(r"\s\d{1,3}$")
_RUN_IN_REF = re.compile(r"(?:(?<=\s)|^)(\d{1,2}\.\d{1,2})\s+(?=[A-Z(])")
_TERMINAL = re.compile(r"[.!?;)]\s*$")
_SENTENCE_BREAK = re.compile(r"^(.*?[a-z0-9][.)])\s+(?=[A-Z])", re.S)
FIELDS = (
    "ref",
    "objective",
    "action",
    "lead",
    "timescale",
    "outputs",
    "monitoring",
    "progress",
    "rag",
    "priority",
    "category",
)


@dataclass
class ActionDraft:
    """An action while its row (and any wrapped lines) are being read."""

    ref: str | None
    where: str
    parts: dict[str, list[str]] = field(default_factory=dict)
    objective: str | None = None
    category: str | None = None

    def add(
        self, role: str, raw: str, *, continued: bool = False, paragraph: bool = False
    ) -> None:
        """Add a cell's text under a field; a wrapped line joins the last fragment."""
        if not raw.strip():
            return
        bucket = self.parts.setdefault(role, [])
        if paragraph and bucket and role != "action":
            bucket.append(raw)
        elif continued and bucket and not (role == "outputs" and raw[:1].isspace()):
            bucket[-1] = bucket[-1].rstrip() + " " + raw.strip()
        else:
            bucket.append(raw)

    def text_of(self, role: str) -> str:
        """The folded text of one field."""
        return clean_text("\n".join(self.parts.get(role, [])))


@dataclass
class PriorityDraft:
    """A priority while its heading, aim and actions are being read."""

    ref: str
    title: str
    where: str
    aim: str | None = None
    measures: list[str] = field(default_factory=list)
    actions: list[ActionDraft] = field(default_factory=list)
    has_objective_rows: bool = False
    awaiting_title: bool = False


@dataclass
class Columns:
    """The roles of a table's columns, from its header row."""

    roles: list[str | None]
    offset: int = 0
    where: str = ""
    table: int | None = None
    width: int = 0

    def index(self, role: str) -> int | None:
        """Position of a role in the header."""
        return self.roles.index(role) if role in self.roles else None


class Interpreter:
    """Read blocks in order and build priorities and actions from their structure."""

    def __init__(self, blocks: list[Block]) -> None:
        """Start with nothing read."""
        self.blocks = blocks
        self.problems: list[Problem] = []
        self.meta: PlanMeta = read_meta(blocks)
        self.priorities: list[PriorityDraft] = []
        self.pending: PriorityDraft | None = None
        self.columns: Columns | None = None
        self.last_header_at = -10
        self.objective: str | None = None
        self.category: str | None = None
        self.list_mode = False
        self.numbered: dict[str, str] = {}
        self.last_action: ActionDraft | None = None
        self.merged_lines = 0
        self.pending_label: str | None = None
        self.actions_since_header = 0
        self.in_contents = False
        self.skip_until = -1
        self.in_back_matter = False

    # --- priorities ---

    @property
    def current(self) -> PriorityDraft | None:
        """The priority actions now go under."""
        return self.pending or (self.priorities[-1] if self.priorities else None)

    def start_priority(self, ref: str, title: str, where: str) -> None:
        """Begin a priority, unless it repeats the current one (a heading repeated per
        page)."""
        current = self.current
        if (
            current is not None
            and current.ref == ref
            and (
                current.actions
                or not title
                or fold(title).lower() == current.title.lower()
            )
        ):
            if current.awaiting_title and title:
                current.title, current.awaiting_title = clean_text(title), False
            return
        self.pending = PriorityDraft(ref=ref, title=clean_text(title), where=where)
        self.in_back_matter = False
        self.pending.awaiting_title = not self.pending.title
        self.objective = None
        self.category = None
        self.list_mode = False
        self.last_action = None
        self.pending_label = None

    def commit_pending(self) -> PriorityDraft:
        """Make the pending priority real, because an action has been found under it."""
        if self.pending is None:
            if not self.priorities:
                self.priorities.append(PriorityDraft(ref="1", title="", where="start"))
            return self.priorities[-1]
        if not self.pending.title:
            self.pending.title = self.numbered.get(self.pending.ref, "")
        self.priorities.append(self.pending)
        self.pending = None
        return self.priorities[-1]

    # --- main loop ---

    def run(self) -> ImportResult:
        """Read every block and return the plan."""
        for index, block in enumerate(self.blocks):
            if not block.texts or index <= self.skip_until:
                continue
            if block.note:
                self.problems.append(
                    Problem(block.where, block.note, "uncertain_structure")
                )
            try:
                self.read_block(index, block)
            except Exception as error:  # noqa: BLE001 - one odd block must not stop an import
                self.problems.append(
                    Problem(
                        block.where,
                        f"This part could not be read ({error}).",
                        "leftover_text",
                    )
                )
        return self.finish()

    def read_block(self, index: int, block: Block) -> None:
        """Decide what one block is and act on it."""
        cells = [clean_text(cell) for cell in block.cells]
        texts = [text for text in cells if text]
        if not texts:
            return
        first = texts[0]
        if self.skip_contents(block, texts):
            return
        if self.read_priority_heading(block, cells, texts):
            return
        current = self.current
        if current is not None and current.awaiting_title and not block.is_list:
            if not _LEAD_REF.match(first) and len(first.split()) >= 2:
                current.title, current.awaiting_title = " ".join(texts), False
                return
        roles = header_roles(block.cells) if block.kind == "row" else None
        if roles is not None:
            self.read_header(index, block, roles)
            return
        if self.read_field_line(block, texts):
            return
        if self.read_label(block, texts):
            return
        if self.read_objective_row(index, block, texts):
            return
        if block.kind == "heading" or _BACK_MATTER.match(first):
            self.columns = None
            self.in_back_matter = bool(_BACK_MATTER.match(first))
            if self.in_back_matter:
                self.list_mode, self.last_action = False, None
                return
        if self.columns is not None and block.kind == "row" and self.same_table(block):
            if block.is_record and self.read_heading_row(block, texts):
                return
            self.read_table_row(block)
            return
        bare = (
            _BARE_REF.match(first) if len(texts) == 1 and block.kind == "para" else None
        )
        if (
            bare
            and self.columns is None
            and self.read_cells_one_per_line(index, block, bare.group(1))
        ):
            return
        if self.read_numbered_action(block, texts):
            return
        if self.list_mode and block.kind != "heading" and len(texts) == 1:
            self.read_list_action(block, first)
            return
        if self.is_list_of_actions(block, texts):
            self.read_list_action(block, first)
            return
        self.read_other(block, texts)

    # --- kinds of block ---

    def skip_contents(self, block: Block, texts: list[str]) -> bool:
        """Contents pages: "Contents", then lines that end with a page number."""
        text = " ".join(texts)
        if _CONTENTS_TITLE.match(text):
            self.in_contents = True
            return True
        if _CONTENTS_LINE.search(text):
            return True
        if self.in_contents:
            if _ENDS_WITH_PAGE.search(text) and len(text.split()) <= 14:
                return True
            self.in_contents = False
        return False

    def read_priority_heading(
        self, block: Block, cells: list[str], texts: list[str]
    ) -> bool:
        """A priority heading: "Priority 2: ...", "Theme 3 - ...", "2. To use learning
        ..."."""
        first = texts[0]
        match = _PRIORITY.match(first)
        if match and len(first) <= 400:
            number = match.group("num").lower()
            ref = str(_NUMBERS.get(number, number))
            title = " ".join([match.group("title"), *texts[1:]]).strip(" :-–—")
            if block.is_list:
                self.numbered.setdefault(ref, _strip_dash_tail(title))
                return True
            if block.kind == "row" and self.columns is not None and len(texts) > 2:
                return False
            self.start_priority(ref, title, block.where)
            return True
        if len(texts) != 1 or block.kind == "row" and self.columns is not None:
            return False
        numbered = _NUMBERED.match(first)
        if not numbered or (
            len(numbered.group("title").split()) < 2 and block.kind != "heading"
        ):
            return False
        ref, title = str(int(numbered.group("num"))), numbered.group("title")
        if block.is_list:
            self.numbered.setdefault(ref, title)
            return True
        current = self.current
        if current is not None and current.actions:
            if not current.ref.isdigit() or ref != str(int(current.ref) + 1):
                return False
        self.start_priority(ref, title, block.where)
        return True

    def read_heading_row(self, block: Block, texts: list[str]) -> bool:
        """A whole row with only its first cell filled: a priority (or group)
        heading."""
        if len(texts) != 1 or not block.cells[0].strip() or len(texts[0]) > 300:
            return False
        text = texts[0]
        if _BARE_REF.match(text) or _LEAD_REF.match(text):
            return False
        if (
            _is_category([text])
            and self.current is not None
            and not _PRIORITY.match(text)
        ):
            self.category = text
            return True
        match = _PRIORITY.match(text) or _NUMBERED.match(text)
        if match:
            number = match.group("num").lower()
            self.start_priority(
                str(_NUMBERS.get(number, number)), match.group("title"), block.where
            )
        else:
            self.start_priority(str(len(self.priorities) + 1), text, block.where)
        self.last_action = None
        return True

    def same_table(self, block: Block) -> bool:
        """Whether a row can belong to the table whose header was read (else forget
        it)."""
        assert self.columns is not None
        if block.table == self.columns.table or not block.is_record:
            return True
        if len(block.cells) == self.columns.width:
            self.columns.table = block.table
            return True
        self.columns = None
        return False

    def read_header(self, index: int, block: Block, roles: list[str | None]) -> None:
        """A header row: remember what each column holds."""
        if self.columns is not None:
            if index - self.last_header_at <= 1:
                named = [role for role in roles if role]
                if len(named) < len([role for role in self.columns.roles if role]):
                    return  # the second line of a two-line header
            if roles == self.columns.roles:
                self.columns.table = block.table
                self.last_header_at = index
                self.actions_since_header = 0
                return  # the header repeated on a new page: the table carries on
        self.columns = Columns(
            roles=roles, where=block.where, table=block.table, width=len(block.cells)
        )
        self.last_header_at = index
        self.actions_since_header = 0
        self.list_mode = False
        self.last_action = None
        self.merged_lines = 0

    def read_field_line(self, block: Block, texts: list[str]) -> bool:
        """ "Lead: X", "By when: May 17", "Outcome: ..." on their own lines under an
        action written as a paragraph: the action's fields."""
        if block.kind == "row" or self.last_action is None or len(texts) != 1:
            return False
        text = texts[0]
        first = _INLINE_FIELD.match(text)
        if first is None or first.start() != 0:
            return False
        fields = _inline_fields(text)
        fields.pop("action", None)
        for role, value in fields.items():
            if role in FIELDS and value.strip():
                self.last_action.add(role, value)
        return True

    def read_label(self, block: Block, texts: list[str]) -> bool:
        """A labelled line under a priority: its aim, its measures, the actions
        lead-in."""
        current = self.current
        first = texts[0]
        if current is None or current.actions:
            return self.read_lead_in(first, texts)
        lines = html_to_lines("\n".join(block.texts))
        head = lines[0] if lines else first
        aim = _AIM_LABEL.match(head)
        if aim and self.columns is None:
            value = " ".join([head[aim.end() :], *lines[1:]]).strip()
            if value and not current.aim:
                current.aim = value
            self.pending_label = None if value else "aim"
            return True
        measure = _MEASURE_LABEL.match(head)
        if measure and self.columns is None and len(head) < 400:
            rest = [head[measure.end() :], *lines[1:]]
            items = [item for item in rest if item]
            current.measures.extend(_measure_items(items))
            self.pending_label = "measures"
            return True
        if self.read_lead_in(first, texts):
            return True
        if (
            self.pending_label == "measures"
            and block.is_list is False
            and (len(lines) > 1 and not _ACTION_LEAD_IN.search(first))
        ):
            current.measures.extend(_measure_items(lines))
            self.pending_label = None
            return True
        return False

    def read_lead_in(self, first: str, texts: list[str]) -> bool:
        """ "The actions we will undertake are...": the lines after it are actions."""
        if len(texts) == 1 and len(first) < 200 and _ACTION_LEAD_IN.search(first):
            self.list_mode = True
            self.pending_label = None
            return True
        return False

    def read_objective_row(self, index: int, block: Block, texts: list[str]) -> bool:
        """ "3 | To ensure ...": a numbered objective that the x.y actions under it
        serve."""
        if len(texts) != 2 or self.current is None:
            return False
        number = _BARE_NUMBER.match(texts[0])
        if not number:
            return False
        following = self.refs_ahead(index, 4)
        if not any(ref.split(".")[0] == number.group(1) for ref in following):
            return False
        self.commit_pending().has_objective_rows = True
        self.objective = clean_text(texts[1])
        self.last_action = None
        return True

    def refs_ahead(self, index: int, count: int) -> list[str]:
        """Refs that start the next few blocks."""
        refs = []
        for block in self.blocks[index + 1 : index + 1 + count]:
            for text in block.texts[:2]:
                match = _BARE_REF.match(clean_text(text)) or _LEAD_REF.match(
                    clean_text(text)
                )
                if match:
                    refs.append(match.group(1))
                    break
        return refs

    def read_numbered_action(self, block: Block, texts: list[str]) -> bool:
        """A line or row that starts with a ref: "1.1 Do this Completion: May 17 Lead:
        X"."""
        ref, rest = _split_ref(texts)
        if ref is None or not rest:
            return False
        if (
            block.kind == "para"
            and len(texts) == 1
            and self.read_run_in_table(block, texts[0])
        ):
            return True
        draft = ActionDraft(ref=ref, where=block.where)
        fields = _inline_fields(" ".join(rest) if len(rest) > 1 else rest[0])
        if len(rest) > 2 and not any(role != "action" for role in fields):
            fields = _guess_columns(rest)
            self.problems.append(
                Problem(
                    block.where,
                    "The columns of this row were guessed; check them.",
                    "uncertain_structure",
                )
            )
        for role, value in fields.items():
            draft.add(role, value)
        self.add_action(draft)
        return True

    def is_list_of_actions(self, block: Block, texts: list[str]) -> bool:
        """A list item straight under a priority heading, outside any table and not
        under a measures or aim label: the priority's actions, listed."""
        current = self.current
        return (
            block.is_list
            and block.kind == "para"
            and len(texts) == 1
            and current is not None
            and self.columns is None
            and self.pending_label is None
            and not current.measures
            and (current.actions == [] or self.last_action is not None)
            and (self.last_action is None or self.last_action.ref is None)
            and len(texts[0].split()) >= 3
        )

    def read_list_action(self, block: Block, text: str) -> None:
        """A line in a list of actions under a lead-in."""
        if text.startswith("(") and text.endswith(")"):
            self.problems.append(
                Problem(block.where, f"Left out a note: {text[:80]}", "leftover_text")
            )
            return
        if text.endswith(":") or len(text.split()) < 2:
            self.list_mode = False
            self.read_other(block, [text])
            return
        draft = ActionDraft(ref=None, where=block.where)
        draft.add("action", text.lstrip("*").strip())
        self.add_action(draft)

    def read_run_in_table(self, block: Block, text: str) -> bool:
        """A whole table run into one paragraph: split it at its refs (1.1, 1.2,
        ...)."""
        matches = list(_RUN_IN_REF.finditer(text))
        refs = [match.group(1) for match in matches]
        if len(refs) < 2 or not _in_sequence(refs):
            return False
        for index, match in enumerate(matches):
            end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
            segment = text[match.end() : end].strip()
            draft = ActionDraft(ref=match.group(1), where=block.where)
            fields = _inline_fields(segment)
            if set(fields) == {"action"}:
                fields = _split_trailing_timescale(segment)
            for role, value in fields.items():
                draft.add(role, value)
            self.add_action(draft)
        self.problems.append(
            Problem(
                block.where,
                "A table was run into one paragraph; its actions were split at their "
                "refs. Check the leads and dates.",
                "uncertain_structure",
            )
        )
        return True

    def read_cells_one_per_line(self, index: int, block: Block, ref: str) -> bool:
        """A ref alone on a line, its cells on the lines after it (a table run column-
        wise)."""
        cells: list[str] = []
        for later in self.blocks[index + 1 : index + 8]:
            text = clean_text(" ".join(later.texts))
            if (
                not text
                or later.kind != "para"
                or _BARE_REF.match(text)
                or _PRIORITY.match(text)
            ):
                break
            cells.append(text)
        if not cells:
            return False
        self.skip_until = index + len(cells)
        draft = ActionDraft(ref=ref, where=block.where)
        for role, value in _guess_columns(cells).items():
            draft.add(role, value)
        self.add_action(draft)
        self.problems.append(
            Problem(
                block.where,
                "The cells of this action were on separate "
                "lines; check which is the lead and the date.",
                "uncertain_structure",
            )
        )
        return True

    def read_other(self, block: Block, texts: list[str]) -> None:
        """Anything else: prose ends a table; inside a priority, it is reported."""
        text = " ".join(texts)
        if block.kind == "para" and self.read_run_in_table(block, text):
            return
        if len(text.split()) >= 12 and block.kind == "para":
            self.columns = (
                None
                if self.last_action is None or len(text.split()) >= 25
                else (self.columns)
            )
            self.list_mode = False
            self.last_action = None
        if _is_category(texts) and self.current is not None:
            self.category = _join_fragments(block.texts)
            return
        if (
            self.current is not None
            and self.current.actions
            and block.kind == "row"
            and not self.in_back_matter
        ):
            self.problems.append(
                Problem(block.where, f"Left out: {text[:80]}", "leftover_text")
            )

    # --- tables ---

    def read_table_row(self, block: Block) -> None:
        """A row under a header: a new action, a wrapped line of the last one, or a
        heading."""
        assert self.columns is not None
        raw = block.cells
        texts = [clean_text(cell) for cell in raw]
        ref, offset, ref_at = self.locate_ref(texts)
        columns = self.columns
        if ref is None:
            offset = self.best_offset(texts, columns.offset)
        else:
            columns.offset = offset
        if ref is None and self.is_category_row(texts, offset):
            self.category = _join_fragments(texts)
            return
        mapped = self.map_cells(raw, offset, ref_at)
        priority = clean_text(mapped.pop("priority", ""))
        if priority:
            self.read_priority_cell(priority, block.where)
        category = clean_text(mapped.pop("category", ""))
        if category:
            self.category = category
        if ref is not None and _is_heading_row(mapped):
            self.category = clean_text(mapped.get("action", ""))
            self.problems.append(
                Problem(
                    block.where,
                    f"Row {ref} reads as a heading, not an action, so it was left out.",
                    "uncertain_structure",
                )
            )
            return
        if ref is None and self.is_continuation(block, mapped):
            self.continue_action(mapped, paragraph=block.continues_row)
            return
        if ref is None and not clean_text(mapped.get("action", "")):
            if clean_text(mapped.get("objective", "")):
                self.objective = clean_text(mapped["objective"])
            return
        if ref is not None and not block.is_record:
            self.give_back_heads(mapped)
        draft = ActionDraft(ref=ref, where=block.where)
        for role, value in mapped.items():
            if role in FIELDS:
                draft.add(role, value)
        self.add_action(draft)

    def read_priority_cell(self, value: str, where: str) -> None:
        """A priority column: a new value starts a new priority."""
        current = self.current
        match = _PRIORITY.match(value) or _NUMBERED.match(value)
        if match:
            number = match.group("num").lower()
            ref, title = str(_NUMBERS.get(number, number)), match.group("title")
        else:
            ref, title = None, value
        if current is not None and (
            current.title.lower() == clean_text(title).lower()
            or (ref and current.ref == ref)
        ):
            return
        for existing in self.priorities:
            if existing.title.lower() == clean_text(title).lower():
                self.priorities.remove(existing)
                self.priorities.append(existing)
                return
        self.start_priority(ref or str(len(self.priorities) + 1), title, where)

    def locate_ref(self, texts: list[str]) -> tuple[str | None, int, int | None]:
        """Find the row's ref and the offset that lines its cells up with the header."""
        assert self.columns is not None
        roles = self.columns.roles
        action_at = self.columns.index("action")
        ref_col = self.columns.index("ref")
        if ref_col is not None:
            for shift in (0, 1, -1):
                position = ref_col + shift
                if 0 <= position < len(texts):
                    bare = _BARE_REF.match(texts[position]) or _BARE_NUMBER.match(
                        texts[position]
                    )
                    if bare:
                        return bare.group(1), shift, position
        seen = 0
        for position, text in enumerate(texts):
            if not text:
                continue
            seen += 1
            if seen > 2:
                break
            bare = _BARE_REF.match(text) or (
                _BARE_NUMBER.match(text) if ref_col is not None else None
            )
            if bare:
                if ref_col is not None:
                    return bare.group(1), position - ref_col, position
                if action_at is None:
                    return bare.group(1), 0, position
                return bare.group(1), position + 1 - action_at, position
            lead = _LEAD_REF.match(text)
            if lead and action_at is not None:
                if ref_col is not None and position == ref_col:
                    continue
                return lead.group(1), position - action_at, None
            if position < len(roles) and roles[position] not in (
                None,
                "objective",
                "priority",
            ):
                break
        return None, self.columns.offset, None

    def best_offset(self, texts: list[str], offset: int) -> int:
        """For a row with no ref, the shift that loses the least text (page breaks drop
        cells)."""

        def lost(shift: int) -> int:
            assert self.columns is not None
            total = 0
            for position, text in enumerate(texts):
                column = position - shift
                role = (
                    self.columns.roles[column]
                    if 0 <= column < len(self.columns.roles)
                    else None
                )
                if text and role in (None, "ref"):
                    total += len(text)
            return total

        return min(
            (offset, offset - 1, offset + 1),
            key=lambda shift: (lost(shift), shift != offset),
        )

    def is_category_row(self, texts: list[str], offset: int) -> bool:
        """A short Title Case heading in the first columns: "Business Fundamentals"."""
        assert self.columns is not None
        action_at = self.columns.index("action")
        if action_at is None or not _is_category([text for text in texts if text]):
            return False
        filled = [position for position, text in enumerate(texts) if text]
        return filled[0] <= action_at + max(offset, 0) and filled[-1] <= action_at + 1

    def map_cells(
        self, raw: list[str], offset: int, ref_at: int | None
    ) -> dict[str, str]:
        """Cells keyed by the role of the header column they sit under."""
        assert self.columns is not None
        mapped: dict[str, str] = {}
        for position, cell in enumerate(raw):
            if position == ref_at or not cell.strip():
                continue
            column = position - offset
            if not 0 <= column < len(self.columns.roles):
                continue
            role = self.columns.roles[column]
            if role is None or role == "ref":
                continue
            mapped[role] = (mapped[role] + "\n" + cell) if role in mapped else cell
        action = mapped.get("action")
        if action is not None:
            lead = _LEAD_REF.match(clean_text(action))
            if lead:
                mapped["action"] = _drop_ref(action)
        return mapped

    def is_continuation(self, block: Block, mapped: dict[str, str]) -> bool:
        """Whether a row without a ref carries on the last action (a wrapped or split
        row)."""
        if self.last_action is None:
            return False
        action = clean_text(mapped.get("action", ""))
        if block.is_record:
            return not action
        if not action or not self.last_action.text_of("action"):
            return True
        starts_low = action[:1].islower() or not action[:1].isalnum()
        others = [role for role in mapped if role not in ("action", "objective")]
        if (
            starts_low
            or self.merged_lines > 0
            or _unfinished(self.last_action.text_of("action"))
        ):
            return True
        return bool(others) and len(action.split()) < 4

    def continue_action(
        self, mapped: dict[str, str], *, paragraph: bool = False
    ) -> None:
        """Add a wrapped line's fragments to the last action, column by column."""
        assert self.last_action is not None
        self.merged_lines += 0 if paragraph else 1
        for role, value in mapped.items():
            if role == "objective" and (
                not self.last_action.parts.get("action")
                or self.last_action.text_of("objective")
            ):
                continue
            self.last_action.add(role, value, continued=True, paragraph=paragraph)

    def give_back_heads(self, mapped: dict[str, str]) -> None:
        """Move the tail of the last action that a broken table put at the start of this
        row."""
        last = self.last_action
        if last is None or self.merged_lines == 0:
            return
        for role, value in list(mapped.items()):
            text = clean_text(value)
            previous = last.text_of(role)
            if (
                not text[:1].islower()
                or not previous
                or _TERMINAL.search(previous)
                and (previous.count("(") <= previous.count(")"))
            ):
                continue
            head = _SENTENCE_BREAK.match(text)
            if head:
                last.add(role, head.group(1), continued=True)
                mapped[role] = text[head.end() :]

    # --- actions ---

    def add_action(self, draft: ActionDraft) -> None:
        """Put an action under its priority, carrying down the objective."""
        priority = self.commit_pending()
        objective = draft.text_of("objective")
        if objective:
            self.objective = objective
        draft.objective = self.objective
        draft.category = self.category
        if draft.ref and self.switches_priority(priority, draft.ref):
            major = draft.ref.split(".")[0]
            self.start_priority(major, self.numbered.get(major, ""), draft.where)
            self.objective = objective or None
            draft.objective = self.objective
            priority = self.commit_pending()
        priority.actions.append(draft)
        self.actions_since_header += 1
        self.last_action = draft
        self.merged_lines = 0 if draft.ref else self.merged_lines

    def switches_priority(self, priority: PriorityDraft, ref: str) -> bool:
        """Whether a ref like 2.1 under priority 1 means a priority with no heading of
        its
        own."""
        if (
            priority.has_objective_rows
            or not priority.ref.isdigit()
            or not priority.actions
        ):
            return False
        if self.columns is None or self.actions_since_header:
            return (
                False  # only a new table with no heading of its own starts a priority
            )
        majors = {action.ref.split(".")[0] for action in priority.actions if action.ref}
        major = ref.split(".")[0]
        return majors == {priority.ref} and major == str(int(priority.ref) + 1)

    # --- output ---

    def finish(self) -> ImportResult:
        """Build the plan/1 dict from the drafts."""
        period = self.meta.period
        priorities = []
        for position, draft in enumerate(self.priorities, start=1):
            actions = [self.action_json(action, period) for action in draft.actions]
            actions = [action for action in actions if action is not None]
            if not actions:
                continue
            title = (
                draft.title
                or self.numbered.get(draft.ref, "")
                or f"Priority {draft.ref}"
            )
            priorities.append(
                {
                    "ref": draft.ref or str(position),
                    "title": title,
                    "aim": clean_text(draft.aim) if draft.aim else None,
                    "measures": draft.measures,
                    "actions": actions,
                }
            )
        if not priorities:
            self.problems.append(
                Problem(
                    "document",
                    "No actions were found in this document.",
                    "uncertain_structure",
                )
            )
        plan = {
            "format": "plan/1",
            "partnership": self.meta.partnership,
            "title": self.meta.title,
            "period": (
                {"start": period[0].isoformat(), "end": period[1].isoformat()}
                if period
                else None
            ),
            "priorities": priorities,
        }
        self.problems = self.meta.problems + self.problems
        return ImportResult(plan=plan, problems=self.problems)

    def action_json(
        self, draft: ActionDraft, period: tuple[date, date] | None
    ) -> dict[str, Any] | None:
        """One action in plan/1 shape, with problems for what could not be read."""
        text = draft.text_of("action").lstrip("*").strip()
        objective = draft.objective
        if not text:
            if objective and draft.ref:
                text = objective
            else:
                self.problems.append(
                    Problem(
                        draft.where,
                        "A row with a ref but no action text was left out.",
                        "uncertain_structure",
                    )
                )
                return None
        due = None
        timescale_text = draft.text_of("timescale")
        if timescale_text:
            timescale = parse_timescale(
                timescale_text,
                period_start=period[0] if period else None,
                period_end=period[1] if period else None,
            )
            due = {
                "text": timescale.text,
                "date": timescale.date.isoformat() if timescale.date else None,
            }
            if timescale.problem == "no date could be read":
                self.problems.append(
                    Problem(
                        draft.where,
                        f"No date could be read from '{timescale.text}'.",
                        "no_date",
                    )
                )
            elif timescale.problem and timescale.date:
                self.problems.append(
                    Problem(
                        draft.where,
                        f"The due date {timescale.date:%d %B %Y}"
                        " is outside the plan's period.",
                        "date_outside_period",
                    )
                )
        progress = " ".join(
            part for part in (draft.text_of("progress"), draft.text_of("rag")) if part
        )
        return {
            "ref": draft.ref,
            "text": text,
            "objective": objective or None,
            "leads": split_leads("\n".join(draft.parts.get("lead", []))),
            "due": due,
            "outputs": _items(draft.parts.get("outputs", [])),
            "monitoring": draft.text_of("monitoring") or None,
            "category": draft.category,
            "progress": progress or None,
        }


# --- helpers ---


def _split_ref(texts: list[str]) -> tuple[str | None, list[str]]:
    """A ref at the start of a row, and the rest of the row."""
    first = texts[0]
    bare = _BARE_REF.match(first)
    if bare:
        return bare.group(1), texts[1:]
    lead = _LEAD_REF.match(first)
    if lead:
        return lead.group(1), [lead.group(2), *texts[1:]]
    return None, texts


def _drop_ref(cell: str) -> str:
    """A cell with the ref at its start removed (markup before it is kept out too)."""
    lines = html_to_lines(cell)
    if lines:
        match = _LEAD_REF.match(lines[0])
        if match:
            lines[0] = match.group(2)
    return "\n".join(lines)


def _inline_fields(text: str) -> dict[str, str]:
    """Split "Do this Completion: May 17 Lead: X" into the action and its labelled
    fields."""
    fields: dict[str, str] = {}
    matches = list(_INLINE_FIELD.finditer(text))
    fields["action"] = text[: matches[0].start()] if matches else text
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        role = column_role(match.group("label")) or "action"
        if role == "objective":
            role = "outputs" if "out" in match.group("label").lower()[:3] else role
        value = text[match.end() : end]
        fields[role] = (fields[role] + " " + value) if role in fields else value
    return fields


def _guess_columns(cells: list[str]) -> dict[str, str]:
    """Roles for a row with no header: the date-like cell, the short cell, the long
    cell."""
    fields: dict[str, str] = {}
    longest = max(range(len(cells)), key=lambda i: len(cells[i]))
    fields["action"] = cells[longest]
    for position, cell in enumerate(cells):
        if position == longest:
            continue
        timescale = parse_timescale(cell)
        if "timescale" not in fields and (timescale.date or timescale.recurrence):
            fields["timescale"] = cell
        elif "lead" not in fields and len(cell.split()) <= 10:
            fields["lead"] = cell
        else:
            fields["outputs"] = fields.get("outputs", "") + "\n" + cell
    return fields


def _in_sequence(refs: list[str]) -> bool:
    """Whether refs run in order, as a table's numbering does (1.1, 1.2, 2.1 ...)."""
    keys = [tuple(int(part) for part in ref.split(".")) for ref in refs]
    return all(a < b for a, b in zip(keys, keys[1:], strict=False))


def _split_trailing_timescale(segment: str) -> dict[str, str]:
    """Split "Write the strategy Board Manager May 17" into the text and the date at its
    end."""
    words = segment.split()
    for size in (4, 3, 2, 1):
        if len(words) <= size + 2:
            continue
        tail = " ".join(words[-size:])
        timescale = parse_timescale(tail)
        if (
            timescale.date
            or timescale.recurrence
            or (timescale.is_open_ended and size == 1 and not timescale.problem)
        ):
            return {"action": " ".join(words[:-size]), "timescale": tail}
    return {"action": segment}


def _is_category(texts: list[str]) -> bool:
    """A short Title Case group heading such as "Business Fundamentals"."""
    joined = _join_fragments(texts)
    words = joined.split()
    if (
        not 2 <= len(words) <= 5
        or _TERMINAL.search(joined)
        or any(c.isdigit() for c in joined)
    ):
        return False
    return all(
        word[:1].isupper() or word.lower() in ("and", "of", "&") for word in words
    )


def _join_fragments(texts: list[str]) -> str:
    """Join cells split mid-word ("Bus" + "iness Fundamentals")."""
    joined = ""
    for text in (clean_text(t) for t in texts):
        if not text:
            continue
        if joined and joined[-1].isalpha() and text[:1].islower():
            joined += text
        else:
            joined = f"{joined} {text}".strip()
    return joined


def _unfinished(text: str) -> bool:
    """Whether a cell's text stops mid-phrase ("reports from the")."""
    words = text.split()
    if not words:
        return False
    last = words[-1].lower()
    return last in _DANGLING or text.rstrip()[-1:] in ",-–—/&"


_DANGLING = {
    "the",
    "of",
    "to",
    "and",
    "for",
    "in",
    "on",
    "with",
    "a",
    "an",
    "by",
    "from",
    "at",
    "or",
    "into",
    "across",
    "that",
    "which",
    "their",
    "its",
    "our",
}


def _is_heading_row(mapped: dict[str, str]) -> bool:
    """A numbered row that holds only a short heading ("2.4 Change Priorities")."""
    action = clean_text(mapped.get("action", ""))
    others = [role for role in mapped if role != "action" and clean_text(mapped[role])]
    return bool(action) and not others and _is_category([action])


def _items(parts: list[str]) -> list[str]:
    """A cell's list items: paragraphs, bullets and wrapped lines that start a new
    item."""
    items: list[str] = []
    for part in parts:
        lines = html_to_lines(part)
        if _LIST_MARKUP.search(part):
            items.extend(
                lines
            )  # bullets say where items start; sentences stay together
            continue
        for line in lines:
            for piece in _DASH_ITEM.split(line):
                items.extend(_sentences(piece))
    return items


_DASH_ITEM = re.compile(r"(?<=\S)\s+-\s+(?=[A-Z])")


_LIST_MARKUP = re.compile(
    r"<\s*(?:li|ul|ol)\b|(?:^|\n)\s*(?:[" + BULLETS + r"]|[-*]\s|\(?[a-z0-9][.)]\s)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[A-Za-z0-9%)\]’'\"][.!?])\s+(?=[A-Z“\"‘'])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:inc|incl|e\.g|i\.e|etc|no|nos|vs|cf|approx|dept|esp|fig|ref|st|dr|mr|mrs|ms)"
    r"|\b[A-Za-z])\.$",
    re.IGNORECASE,
)


def _sentences(line: str) -> list[str]:
    """A line of outputs split into its sentences ("Audit done. Report to Board."),
    not after abbreviations; a bracketed note after a sentence stays with it."""
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(line):
        head = line[start : match.start()]
        if _ABBREVIATION.search(head):
            continue
        pieces.append(head.strip())
        start = match.end()
    pieces.append(line[start:].strip())
    return [piece for piece in pieces if piece]


def _measure_items(lines: list[str]) -> list[str]:
    """Measures from a list, or from one paragraph separated by semicolons."""
    if len(lines) == 1 and ";" in lines[0]:
        return [fold(item) for item in lines[0].split(";") if item.strip()]
    return [fold(line) for line in lines if line.strip()]


def _strip_dash_tail(title: str) -> str:
    """A priority name without the explanation after a dash."""
    return re.split(r"\s[–—-]\s", title, maxsplit=1)[0].strip()


def interpret(blocks: list[Block]) -> ImportResult:
    """Read a document's blocks into a plan/1 dict and the problems found on the way."""
    return Interpreter(blocks).run()
