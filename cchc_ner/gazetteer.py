"""Vietnam's pre-2025 district-level units and provinces, from `vietnamadminunits`.

That package's `admin_units_legacy` table holds the 696 district-level units as
they stood just before the July 2025 reform, with official codes, in 63
provinces. Names are compared through `fold()`: NFC, modern tone placement
(`Hoà` = `Hòa`), case-folded, single spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .text import normalize


@dataclass(frozen=True)
class District:
    """One district-level unit: `name` without its unit word (but `Quận 3` for the
    numbered urban districts), `type` (huyện, quận, thị xã, thành phố), its
    province and official code."""

    name: str
    type: str
    province: str
    code: str


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """The comparison key of a place name (or any word)."""
    return " ".join(normalize(name).text.split()).casefold()


@lru_cache(maxsize=1)
def districts() -> tuple[District, ...]:
    """Every pre-2025 district-level unit."""
    from vietnamadminunits.database import get_data

    rows = get_data(["provinceShort", "districtShort", "districtType", "districtCode"],
                    table="admin_units_legacy")
    # The package tells apart same-named units of one province with a suffix,
    # "Kỳ Anh (Huyện)" / "Kỳ Anh (Thị xã)": the type field already says it.
    units = {(r["districtCode"], re.sub(r"\s*\(.*\)$", "", r["districtShort"]),
              r["districtType"], r["provinceShort"]) for r in rows if r["districtCode"]}
    return tuple(sorted(
        (District(name, kind.lower(), province, code) for code, name, kind, province in units),
        key=lambda d: d.code))


@lru_cache(maxsize=1)
def provinces() -> tuple[str, ...]:
    """The 63 pre-2025 provinces and centrally-run cities (short names)."""
    return tuple(sorted({d.province for d in districts()}))
