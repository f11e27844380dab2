"""Read partnership plan documents (Word, PDF, Excel, CSV, text) into plan/1 data."""

from .api import MAX_BYTES, detect_kind, read_plan
from .blocks import ImportRefused, ImportResult, Problem
from .leads import split_leads
from .timescales import Timescale, parse_timescale

__all__ = [
    "MAX_BYTES",
    "ImportRefused",
    "ImportResult",
    "Problem",
    "Timescale",
    "detect_kind",
    "parse_timescale",
    "read_plan",
    "split_leads",
]
