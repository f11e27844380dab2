"""Official DfE and ONS statistics: load them, find an authority, compute indicators.

Pure Python, no Django. The rules are in docs/indicators.md ("How values are computed").
"""

from .authorities import AmbiguousAuthority, UnknownAuthority, find_authority
from .compute import Geography, IndicatorValue, compute_indicators, round_half_away
from .dataset import Authority, DfeDataset, load_dataset
from .export import EXPORT_COLUMNS, EXPORT_GEOGRAPHIES, export_rows
from .sources import DATA_DIR, MARKER_NOTES

__all__ = [
    "DATA_DIR",
    "EXPORT_COLUMNS",
    "EXPORT_GEOGRAPHIES",
    "MARKER_NOTES",
    "AmbiguousAuthority",
    "Authority",
    "DfeDataset",
    "Geography",
    "IndicatorValue",
    "UnknownAuthority",
    "compute_indicators",
    "export_rows",
    "find_authority",
    "load_dataset",
    "round_half_away",
]
