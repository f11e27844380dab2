"""Small text helpers shared by the readers: folding, HTML fragments, lookalike
letters."""

from __future__ import annotations

import html
import re

# Cyrillic and Greek letters that look like Latin ones, as conversions leave them.
_LOOKALIKES = str.maketrans(
    {
        "А": "A",
        "В": "B",
        "Е": "E",
        "К": "K",
        "М": "M",
        "Н": "H",
        "О": "O",
        "Р": "P",
        "С": "C",
        "Т": "T",
        "Х": "X",
        "а": "a",
        "е": "e",
        "о": "o",
        "р": "p",
        "с": "c",
        "у": "y",
        "х": "x",
        "і": "i",
        "ј": "j",
        "ѕ": "s",
        "Ι": "I",
        "Ο": "O",
        "ο": "o",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200b": "",
        "\u200c": "",
        "\u200d": "",
        "\ufeff": "",
        "\u00ad": "",
        "\u2028": "\n",
        "\u2029": "\n",
        "\x0b": "\n",
        "\x0c": "\n",
        "\r": "",
    }
)

BULLETS = "•●▪◦○■□➢►▶✓✔·"
_BREAK_TAGS = re.compile(
    r"<\s*(?:/?\s*(?:p|div|li|ul|ol|tr|h[1-6]|table|td|th|br)\b[^>]*|input\b[^>]*)>",
    re.IGNORECASE,
)
_ANY_TAG = re.compile(r"</?[A-Za-z][^<>]{0,400}>")
_SPACE = re.compile(r"[ \t]+")
_BULLET_START = re.compile(r"^\s*(?:[" + BULLETS + r"]|-\s|\*\s|o\s)\s*")
_INLINE_BULLET = re.compile(r"\s[" + BULLETS + r"]\s")


def normalise_chars(text: str) -> str:
    """Replace lookalike letters and odd spaces with plain ones."""
    return text.translate(_LOOKALIKES)


def fold(text: str) -> str:
    """Fold every run of white space into one space."""
    return " ".join(text.split())


def html_to_lines(text: str) -> list[str]:
    """Turn a cell that may hold HTML or bullets into its lines, markup and markers
    removed."""
    text = normalise_chars(text)
    text = _BREAK_TAGS.sub("\n", text)
    text = _ANY_TAG.sub("", text)
    text = html.unescape(text)
    text = _INLINE_BULLET.sub("\n", text)
    lines = []
    for line in text.split("\n"):
        line = _BULLET_START.sub("", line)
        line = fold(line)
        if line:
            lines.append(line)
    return lines


def clean_text(text: str) -> str:
    """One folded line of plain text from a cell: tags, markers and odd characters
    gone."""
    return " ".join(html_to_lines(text or ""))


def strip_stars(text: str) -> str:
    """Drop markdown emphasis and footnote asterisks."""
    return fold(re.sub(r"\*+", " ", text))
