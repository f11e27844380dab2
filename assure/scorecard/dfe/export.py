"""Rows for the scorecard export: rounded values, no individual neighbours."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from .compute import IndicatorValue

EXPORT_COLUMNS = (
    "indicator",
    "period",
    "geography",
    "geography_code",
    "value",
    "numerator",
    "denominator",
    "note",
)
EXPORT_GEOGRAPHIES = ("la", "region", "england", "sn_average")


def _plain(value: Decimal | None) -> str:
    """A Decimal as plain text without exponent; empty for None."""
    if value is None:
        return ""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def export_rows(values: Iterable[IndicatorValue]) -> list[dict[str, str]]:
    """Rows for CSV export: la, region, england and sn_average only; values rounded."""
    rows = []
    for item in values:
        if item.geography not in EXPORT_GEOGRAPHIES:
            continue
        rounded = item.rounded
        rows.append(
            {
                "indicator": item.indicator,
                "period": str(item.period),
                "geography": item.geography,
                "geography_code": item.geography_code,
                "value": "" if rounded is None else format(rounded, "f"),
                "numerator": _plain(item.numerator),
                "denominator": _plain(item.denominator),
                "note": item.note,
            }
        )
    return rows
