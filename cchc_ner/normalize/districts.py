"""DISTRICT mentions -> the official pre-2025 unit: name, type, province, code.

Matching, in order: the exact folded name (tone placement and case folded);
the name without diacritics (`Huong Khe`); a close spelling (`Huong Khê`,
difflib ratio >= 0.85). Where a name exists in several provinces (Châu Thành),
the unit word and the provinces named on the page settle it, else the match is
"ambiguous" with its candidates. `province_2025` is the province the unit
belongs to after the July 2025 merger (from `vietnamadminunits`).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from ..gazetteer import District, districts, fold, provinces

_UNIT = re.compile(r"^(huyen|quan|thi xa|thanh pho|tp\.?|h\.|q\.|tx\.?)\s*")
_TYPES = {"huyen": "huyện", "h.": "huyện", "quan": "quận", "q.": "quận", "thi xa": "thị xã",
          "tx": "thị xã", "tx.": "thị xã", "thanh pho": "thành phố", "tp": "thành phố",
          "tp.": "thành phố"}


def strip_accents(text: str) -> str:
    """`Hương Khê` -> `huong khe` (folded, no diacritics, đ -> d)."""
    decomposed = unicodedata.normalize("NFD", fold(text).replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, list[District]], dict[str, list[District]]]:
    exact: dict[str, list[District]] = {}
    plain: dict[str, list[District]] = {}
    for d in districts():
        exact.setdefault(fold(d.name), []).append(d)
        plain.setdefault(strip_accents(d.name), []).append(d)
    return exact, plain


@lru_cache(maxsize=1)
def _province_2025() -> dict[str, str]:
    from vietnamadminunits import convert_address

    out = {}
    for province in provinces():
        try:
            out[province] = convert_address(province).short_province
        except Exception:  # the package could not map it: leave it out
            continue
    return out


@lru_cache(maxsize=1)
def _province_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    names = {fold(p): p for p in provinces()}
    names.update({"tp.hcm": "Hồ Chí Minh", "tp hcm": "Hồ Chí Minh", "tphcm": "Hồ Chí Minh",
                  "sài gòn": "Hồ Chí Minh"})
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), names


def provinces_in(text: str) -> set[str]:
    """Provinces named on a page (their short names, as in the gazetteer)."""
    pattern, names = _province_pattern()
    return {names[m.group()] for m in pattern.finditer(fold(text))}


def _as_dict(d: District | None, match: str | None, type_: str | None,
             candidates: Iterable[District] = ()) -> dict[str, Any]:
    candidates = list(candidates)
    shared = {f: getattr(candidates[0], f) for f in ("name", "province")
              if len({getattr(c, f) for c in candidates}) == 1} if candidates else {}
    province = d.province if d else shared.get("province")
    out: dict[str, Any] = {
        "name": d.name if d else shared.get("name"), "type": d.type if d else type_,
        "province": province, "code": d.code if d else None,
        "province_2025": _province_2025().get(province), "match": match,
    }
    if candidates:
        out["candidates"] = [{"name": c.name, "type": c.type, "province": c.province,
                              "code": c.code} for c in candidates]
    return out


def normalize_district(mention: str, page_provinces: set[str] | None = None) -> dict[str, Any]:
    """Resolve one DISTRICT mention (see the module docstring)."""
    text = fold(mention)  # strip_accents keeps its length, so offsets carry over
    unit = _UNIT.match(strip_accents(text))
    type_ = _TYPES.get(unit.group(1)) if unit else None
    name = text[unit.end():] if unit else text
    exact, plain = _index()
    candidates, how = exact.get(name) or exact.get(text), "exact"
    if not candidates:
        candidates, how = plain.get(strip_accents(name)), "fuzzy"
    if not candidates:
        close = difflib.get_close_matches(name, list(exact), n=1, cutoff=0.85)
        candidates, how = (exact[close[0]], "fuzzy") if close else (None, None)
    if not candidates:
        return _as_dict(None, None, type_)
    if len(candidates) > 1 and type_:
        candidates = [c for c in candidates if c.type == type_] or candidates
    if len(candidates) > 1 and page_provinces:
        candidates = [c for c in candidates if c.province in page_provinces] or candidates
    if len(candidates) > 1:
        return _as_dict(None, "ambiguous", type_, candidates)
    return _as_dict(candidates[0], how, type_)
