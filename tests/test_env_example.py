"""Every environment variable the settings read is in .env.example (STYLE.md, 5)."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = ROOT / "assure" / "config" / "settings"
ENV_READERS = {
    "str",
    "bool",
    "int",
    "float",
    "list",
    "tuple",
    "dict",
    "json",
    "url",
    "db",
    "db_url",
    "cache",
    "cache_url",
    "email",
    "email_url",
    "search_url",
    "path",
    "parse_value",
}


def _is_os_environ(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "environ"
        and isinstance(node.value, ast.Name)
        and node.value.id == "os"
    )


def variables_read(path: Path) -> set[str]:
    """Names read by env(...), env.bool(...), env.db(...), os.environ and os.getenv."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Subscript) and _is_os_environ(node.value):
            if isinstance(node.slice, ast.Constant):
                names.add(node.slice.value)
            continue
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        is_os = (
            isinstance(func, ast.Attribute)
            and func.attr in {"get", "setdefault"}
            and _is_os_environ(func.value)
        ) or (
            isinstance(func, ast.Attribute)
            and func.attr == "getenv"
            and isinstance(func.value, ast.Name)
            and func.value.id == "os"
        )
        is_env = (
            is_os
            or (isinstance(func, ast.Name) and func.id == "env")
            or (
                isinstance(func, ast.Attribute)
                and func.attr in ENV_READERS
                and isinstance(func.value, ast.Name)
                and func.value.id == "env"
            )
        )
        first = node.args[0]
        if is_env and isinstance(first, ast.Constant) and isinstance(first.value, str):
            names.add(first.value)
    return names


def variables_in_example() -> set[str]:
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Z][A-Z0-9_]*)=", text, re.MULTILINE))


def test_the_settings_read_variables():
    names = variables_read(SETTINGS / "base.py")

    assert {"SECRET_KEY", "DEBUG", "DATABASE_URL", "ASSURE_SILENT_DAYS"} <= names


@pytest.mark.parametrize("module", sorted(p.name for p in SETTINGS.glob("*.py")))
def test_every_variable_read_is_in_env_example(module):
    missing = sorted(variables_read(SETTINGS / module) - variables_in_example())

    assert not missing, (
        f"assure/config/settings/{module} reads {', '.join(missing)}: add each to "
        ".env.example with a comment and a safe local value"
    )


def test_every_example_variable_has_a_comment_above_it_or_its_group():
    lines = (ROOT / ".env.example").read_text(encoding="utf-8").splitlines()

    assert lines[0].startswith("#")
    for before, line in zip(lines, lines[1:], strict=False):
        if re.match(r"^[A-Z][A-Z0-9_]*=", line):
            assert before.startswith("#") or re.match(r"^[A-Z][A-Z0-9_]*=", before), (
                line
            )
