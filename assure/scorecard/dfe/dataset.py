"""Parse the DfE and ONS files once into indexed tables, authorities and neighbours."""

from __future__ import annotations

import csv
import logging
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .sources import DATA_DIR, JOINT_CODE_SEPARATOR, SN_PATH, SOURCES, Source

logger = logging.getLogger(__name__)

# ("la", old_la_code) | ("region", region_code) | ("england", country_code)
GeoKey = tuple[str, str]
Fields = dict[str, str]


@dataclass(frozen=True)
class Authority:
    """An upper-tier local authority, keyed by its stable 3-digit DfE number."""

    name: str
    old_code: str
    new_code: str
    region_code: str
    region_name: str
    statistical_neighbours: list[tuple[str, str]] = field(
        default_factory=list, compare=False, hash=False
    )


@dataclass
class Table:
    """One source file indexed by geography and year, holding raw cell text."""

    rows: dict[GeoKey, dict[str, Fields]] = field(default_factory=dict)
    joint: dict[str, dict[str, tuple[str, Fields]]] = field(default_factory=dict)
    years: tuple[str, ...] = ()


@dataclass
class LaSeen:
    """The latest facts about one authority seen in the files."""

    year: str
    name: str
    new_code: str
    region_code: str
    region_name: str
    new_codes: set[str] = field(default_factory=set)


@dataclass
class DfeDataset:
    """Every source parsed once, plus the authorities, regions and neighbour model."""

    data_dir: Path
    tables: dict[str, Table]
    authorities: dict[str, Authority]
    last_year: dict[str, str]
    code_aliases: dict[str, str]
    region_names: dict[str, str]
    load_seconds: float = 0.0

    def authority_list(self) -> list[Authority]:
        """All authorities, by name."""
        return sorted(self.authorities.values(), key=lambda a: (a.name, a.old_code))


# Loading ---------------------------------------------------------------------------


def _read_source(
    path: Path, source: Source, seen: dict[str, LaSeen], regions: dict[str, str]
) -> Table:
    """Index one CSV by geography and year; long files become 'group|column' cells."""
    table = Table()
    years: set[str] = set()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            if source.row_filter and row[source.row_filter[0]] != source.row_filter[1]:
                continue
            year = row["time_period"]
            years.add(year)
            level = row["geographic_level"]
            if level == "Local authority":
                key: GeoKey = ("la", row["old_la_code"])
                _note_authority(seen, row)
            elif level == "Regional":
                key = ("region", row["region_code"])
                regions[row["region_code"]] = row["region_name"]
            elif level == "National":
                key = ("england", row["country_code"])
            else:
                continue
            if source.group_columns:
                prefix = "|".join(row[c] for c in source.group_columns)
                cells = {f"{prefix}|{c}": row[c] for c in source.value_columns}
            else:
                cells = row
            if JOINT_CODE_SEPARATOR in key[1]:
                # A service run jointly (e.g. Kingston and Richmond): kept per member.
                for code in key[1].split(JOINT_CODE_SEPARATOR):
                    joint = table.joint.setdefault(code, {})
                    joint.setdefault(year, (row["la_name"], {}))[1].update(cells)
                continue
            table.rows.setdefault(key, {}).setdefault(year, {}).update(cells)
    table.years = tuple(sorted(years))
    return table


def _note_authority(seen: dict[str, LaSeen], row: dict[str, str]) -> None:
    """Remember an authority's latest name, codes and region from one LA row."""
    code = row["old_la_code"]
    if JOINT_CODE_SEPARATOR in code:
        return
    year = row["time_period"]
    known = seen.get(code)
    if known is None or year >= known.year:
        latest = LaSeen(
            year,
            row["la_name"],
            row["new_la_code"],
            row["region_code"],
            row["region_name"],
            known.new_codes if known else set(),
        )
        known = seen[code] = latest
    known.new_codes.add(row["new_la_code"])


def _read_neighbours(path: Path) -> dict[str, list[str]]:
    """Each authority's ten statistical neighbours (3-digit codes), 2025 model."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {
            row["old_la_code"]: [row[f"SN_{i}"] for i in range(1, 11) if row[f"SN_{i}"]]
            for row in csv.DictReader(handle)
        }


@lru_cache(maxsize=4)
def load_dataset(data_dir: Path = DATA_DIR) -> DfeDataset:
    """Parse every source file once; cached per directory."""
    started = time.perf_counter()
    data_dir = Path(data_dir)
    seen: dict[str, LaSeen] = {}
    regions: dict[str, str] = {}
    tables = {
        name: _read_source(data_dir / source.path, source, seen, regions)
        for name, source in SOURCES.items()
    }
    neighbours = _read_neighbours(data_dir / SN_PATH)
    authorities = {
        code: Authority(
            name=la.name,
            old_code=code,
            new_code=la.new_code,
            region_code=la.region_code,
            region_name=la.region_name,
            statistical_neighbours=[
                (nb, seen[nb].name) for nb in neighbours.get(code, []) if nb in seen
            ],
        )
        for code, la in seen.items()
    }
    # Former ONS codes (Somerset's E10000027) still find the authority.
    aliases = {new: code for code, la in seen.items() for new in la.new_codes}
    aliases.update({la.new_code: code for code, la in seen.items()})
    dataset = DfeDataset(
        data_dir=data_dir,
        tables=tables,
        authorities=authorities,
        last_year={code: la.year for code, la in seen.items()},
        code_aliases=aliases,
        region_names=regions,
        load_seconds=time.perf_counter() - started,
    )
    logger.info(
        "Loaded DfE statistics from %s in %.2fs", data_dir, dataset.load_seconds
    )
    return dataset
