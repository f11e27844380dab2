"""plan/1: the JSON interchange format for a business plan (docs/plan-format.md)."""

from typing import Any

from jsonschema import Draft202012Validator

_TEXT = {"type": "string", "minLength": 1}
_NULLABLE_TEXT = {"type": ["string", "null"]}
_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}

PLAN_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["format", "partnership", "title", "priorities"],
    "additionalProperties": False,
    "properties": {
        "format": {"const": "plan/1"},
        "partnership": _TEXT,
        "title": _TEXT,
        "period": {
            "oneOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "required": ["start", "end"],
                    "additionalProperties": False,
                    "properties": {"start": _DATE, "end": _DATE},
                },
            ]
        },
        "priorities": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["ref", "title", "actions"],
                "additionalProperties": False,
                "properties": {
                    "ref": _TEXT,
                    "title": _TEXT,
                    "aim": _NULLABLE_TEXT,
                    "measures": {"type": "array", "items": {"type": "string"}},
                    "actions": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["text"],
                            "additionalProperties": False,
                            "properties": {
                                "ref": _NULLABLE_TEXT,
                                "text": _TEXT,
                                "objective": _NULLABLE_TEXT,
                                "leads": {"type": "array", "items": _TEXT},
                                "due": {
                                    "oneOf": [
                                        {"type": "null"},
                                        {
                                            "type": "object",
                                            "required": ["text"],
                                            "additionalProperties": False,
                                            "properties": {
                                                "text": _TEXT,
                                                "date": {
                                                    "oneOf": [{"type": "null"}, _DATE]
                                                },
                                            },
                                        },
                                    ]
                                },
                                "outputs": {
                                    "type": "array",
                                    "items": {"type": "string"},
                                },
                                "monitoring": _NULLABLE_TEXT,
                                "category": _NULLABLE_TEXT,
                                "progress": _NULLABLE_TEXT,
                            },
                        },
                    },
                },
            },
        },
    },
}

_validator = Draft202012Validator(PLAN_SCHEMA)


def _where(path) -> str:
    """priorities[1].actions[3].due.date: where a problem is, as a person reads it."""
    out = ""
    for part in path:
        out += (
            f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
        )
    return out or "the document"


def plan_document_errors(document: Any) -> list[str]:
    """Every way a document breaks plan/1, each naming the field; [] when valid."""
    errors = []
    for error in sorted(_validator.iter_errors(document), key=lambda e: list(e.path)):
        where = _where(error.path)
        if error.validator == "required":
            message = error.message.replace(" is a required property", "")
            errors.append(f"{where}: add the required field {message}")
        elif error.validator == "additionalProperties":
            errors.append(f"{where}: {error.message}")
        elif error.validator == "const":
            errors.append(f'{where}: must be "plan/1"')
        elif error.validator == "minLength":
            errors.append(f"{where}: must not be empty")
        elif error.validator == "pattern":
            errors.append(
                f"{where}: enter a date as YYYY-MM-DD, not {error.instance!r}"
            )
        elif error.validator == "oneOf":
            errors.append(f"{where}: is not in the right form ({error.instance!r})")
        else:
            errors.append(f"{where}: {error.message}")
    return errors
