"""Scorecard figures for reports, read through the scorecard's own selectors.

Reports say "No scorecard figures" when the partnership has none. The scorecard's
`IndicatorSummary` gives its words by name (indicator_name, value_text, ...).
"""

import datetime as dt

from assure.accounts.models import Partnership

NO_FIGURES = "No scorecard figures"

REASON_WORDS = {
    "off_target": "off target",
    "worse_than_england": "worse than England",
    "worse_than_sn_average": "worse than statistical neighbours",
}


def _line(summary, *, with_reasons: bool):
    from .builders import ScorecardLine

    rating = summary.rating_text
    # The rating already says "off target"; add the comparisons that make an exception.
    reasons = [
        REASON_WORDS.get(r, r.replace("_", " "))
        for r in summary.reasons
        if r != "off_target"
    ]
    if with_reasons and reasons:
        rating = f"{rating}; {', '.join(reasons)}" if rating else ", ".join(reasons)
    commentary = summary.commentary.text if summary.commentary else ""
    return ScorecardLine(
        indicator=summary.indicator_name,
        period=summary.period_label,
        value=summary.value_text,
        target=summary.target_text,
        england=summary.england_text,
        neighbours=summary.neighbours_text,
        rating=rating,
        commentary=commentary,
    )


def exceptions(*, partnership: Partnership, as_at: dt.date) -> tuple[list, str]:
    """Indicators off target or worse than comparators, with commentary; and a note."""
    try:
        from assure.scorecard.selectors import exception_list
    except ImportError:
        return [], NO_FIGURES
    lines = [
        _line(s, with_reasons=True)
        for s in exception_list(partnership=partnership, as_at=as_at)
    ]
    if lines:
        return lines, ""
    if _has_figures(partnership, as_at):
        return [], (
            "No scorecard exceptions: no indicator is off target or worse than England "
            "or statistical neighbours."
        )
    return [], NO_FIGURES


def headlines(
    *, partnership: Partnership, start: dt.date, end: dt.date
) -> tuple[list, str]:
    """Headline indicators as at the year end, against England and neighbours."""
    try:
        from assure.scorecard.selectors import headline_list
    except ImportError:
        return [], NO_FIGURES
    lines = [
        _line(s, with_reasons=False)
        for s in headline_list(partnership=partnership, as_at=end)
    ]
    return (lines, "") if lines else ([], NO_FIGURES)


def _has_figures(partnership: Partnership, as_at: dt.date) -> bool:
    from assure.scorecard.models import Measurement

    return Measurement.objects.filter(
        indicator__partnership=partnership, period_end__lte=as_at
    ).exists()
