"""Scorecard figures for reports, through the scorecard's own selectors.

The scorecard app is optional here: where it has no selector yet, or the partnership has
no figures, reports say "No scorecard figures" instead.
"""

import datetime as dt
import logging
from typing import Any

from assure.accounts.models import Partnership

logger = logging.getLogger(__name__)

NO_FIGURES = "No scorecard figures"


def _selectors():
    try:
        from assure.scorecard import selectors
    except ImportError:
        return None
    return selectors


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.1f}".rstrip("0").rstrip(".")
    if isinstance(value, dt.date):
        from assure.core.formatting import govuk_date

        return govuk_date(value)
    return str(value)


def _first(row: Any, *names: str) -> Any:
    """The first attribute or key of a row that is present and not empty."""
    for name in names:
        value = row.get(name) if isinstance(row, dict) else getattr(row, name, None)
        if callable(value):
            continue
        if value not in (None, ""):
            return value
    return None


def _line(row: Any):
    from .builders import ScorecardLine

    indicator = _first(row, "indicator_name", "name", "indicator", "title")
    indicator = _first(indicator, "name", "title") or indicator
    commentary = _first(row, "commentary", "commentary_text", "comment", "note")
    commentary = _first(commentary, "text", "body") or commentary
    return ScorecardLine(
        indicator=_text(indicator),
        period=_text(_first(row, "period_label", "period", "period_end_date", "year")),
        value=_text(_first(row, "value_text", "value_display", "value")),
        target=_text(_first(row, "target_text", "target_display", "target")),
        england=_text(_first(row, "england_text", "england", "england_value")),
        neighbours=_text(_first(row, "neighbours_text", "statistical_neighbours",
                                "neighbours", "neighbours_value")),
        rating=_text(_first(row, "rating_text", "rag_label", "rating", "rag")),
        commentary=_text(commentary),
    )


def _call(names: list[str], **kwargs) -> list | None:
    selectors = _selectors()
    if selectors is None:
        return None
    for name in names:
        function = getattr(selectors, name, None)
        if function is None:
            continue
        try:
            rows = function(**kwargs)
        except TypeError:
            continue
        return [_line(row) for row in rows]
    return None


def exceptions(*, partnership: Partnership, as_at: dt.date) -> tuple[list, str]:
    """Indicators off target as at the date, with their commentary; and a note."""
    lines = _call(
        ["exception_list", "indicator_list_exceptions", "scorecard_exceptions",
         "exceptions_list"],
        partnership=partnership, as_at=as_at,
    )
    if not lines:
        return [], NO_FIGURES
    return lines, ""


def headlines(*, partnership: Partnership, start: dt.date, end: dt.date) -> tuple[list, str]:
    """Headline indicators for the year, against England and statistical neighbours."""
    lines = _call(
        ["headline_list", "indicator_list_headline", "scorecard_headlines",
         "headline_indicators"],
        partnership=partnership, as_at=end,
    )
    if not lines:
        return [], NO_FIGURES
    return lines, ""
