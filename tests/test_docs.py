"""Docs that are generated must match the code."""

from pathlib import Path

from scripts.cli_docs import render

ROOT = Path(__file__).resolve().parents[1]


def test_cli_docs_are_current():
    """docs/cli.md is `make docs` output; regenerate it when a command changes."""
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == render(), (
        "docs/cli.md is stale: run `make docs`"
    )
