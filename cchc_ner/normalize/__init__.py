"""Typed values for entities: ISO dates, numbers with units, official district
units, officials with their titles. `normalize()` works on predicted entities
and on any given spans; the extractor applies it to every entity it finds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from ..schema import Entity
from .dates import Reference, find_reference, normalize_date
from .districts import normalize_district, provinces_in
from .metrics import normalize_metric, parse_number
from .officials import normalize_officials


def reference_for(text: str, reference_date: date | str | None = None,
                  meta: Mapping[str, Any] | None = None) -> Reference | None:
    """The date relative mentions resolve against: the caller's, else the page's."""
    if reference_date is not None:
        day = (reference_date if isinstance(reference_date, date)
               else date.fromisoformat(str(reference_date)[:10]))
        return Reference(day, "given")
    return find_reference(text, dict(meta or {}))


def normalize(text: str, entities: Sequence[Entity | Mapping[str, Any]],
              reference_date: date | str | None = None,
              meta: Mapping[str, Any] | None = None) -> list[Any]:
    """The entities (dicts with `start`, `end`, `label`, or `Entity` objects) with a
    `normalized` value added, in the same order and of the same type."""
    def field(e, name):
        return e[name] if isinstance(e, Mapping) else getattr(e, name)

    reference = reference_for(text, reference_date, meta)
    page_provinces = provinces_in(text)
    official_idx = [i for i, e in enumerate(entities) if field(e, "label") == "OFFICIAL"]
    officials = dict(zip(official_idx, normalize_officials(
        text, [(field(entities[i], "start"), field(entities[i], "end")) for i in official_idx])))
    out = []
    for i, ent in enumerate(entities):
        label, mention = field(ent, "label"), text[field(ent, "start"):field(ent, "end")]
        if label == "DATE":
            value = normalize_date(mention, reference)
        elif label == "METRIC":
            value = normalize_metric(mention)
        elif label == "DISTRICT":
            value = normalize_district(mention, page_provinces)
        elif label == "OFFICIAL":
            value = officials[i]
        else:
            raise ValueError(f"unknown label {label!r}")
        out.append({**ent, "normalized": value} if isinstance(ent, Mapping)
                   else replace(ent, normalized=value))
    return out


__all__ = ["Reference", "find_reference", "normalize", "normalize_date", "normalize_district",
           "normalize_metric", "normalize_officials", "parse_number", "reference_for"]
