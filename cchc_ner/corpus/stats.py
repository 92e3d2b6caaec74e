"""Corpus statistics: documents, mentions per type, distinct districts and officials."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from ..normalize.districts import normalize_district, provinces_in
from ..schema import LABELS, Document
from ..text import normalize

_UNIT_WORD = re.compile(
    r"^(?:huyện|quận|thị xã|thành phố|tp\.?|h\.|q\.|tx\.?)\s*", re.IGNORECASE)


def district_key(mention: str) -> str:
    """A district mention without its unit word, case- and tone-placement-folded."""
    text = " ".join(normalize(mention).text.split())
    return _UNIT_WORD.sub("", text).casefold()


def official_key(mention: str) -> str | None:
    """A full personal name, folded; None for short forms (`Dũng`)."""
    text = " ".join(normalize(mention).text.split())
    return text.casefold() if len(text.split()) >= 2 else None


def corpus_stats(splits: Mapping[str, Sequence[Document]]) -> dict[str, Any]:
    """Counts over all splits together and per split."""
    all_docs = [d for docs in splits.values() for d in docs]
    mentions = Counter(e.label for d in all_docs for e in d.entities)
    districts = {district_key(e.text) for d in all_docs for e in d.entities
                 if e.label == "DISTRICT"}
    officials = {official_key(e.text) for d in all_docs for e in d.entities
                 if e.label == "OFFICIAL"} - {None}
    provinces = {d.meta.get("province") for d in all_docs} - {None}
    matches: Counter[str] = Counter()
    units: set[str] = set()
    for doc in all_docs:
        page_provinces = provinces_in(doc.text)
        for e in doc.entities:
            if e.label == "DISTRICT":
                resolved = normalize_district(e.text, page_provinces)
                matches[resolved["match"] or "none"] += 1
                if resolved["code"]:
                    units.add(resolved["code"])
    return {
        "documents": len(all_docs),
        "characters": sum(len(d.text) for d in all_docs),
        "mentions": sum(mentions.values()),
        "mentions_per_type": {lab: mentions.get(lab, 0) for lab in LABELS},
        "distinct_districts": len(districts),
        "district_units": len(units),
        "district_matches": {k: matches.get(k, 0) for k in ("exact", "fuzzy", "ambiguous",
                                                             "none")},
        "distinct_officials": len(officials),
        "provinces_in_meta": len(provinces),
        "splits": {
            name: {"documents": len(docs),
                   "mentions": sum(len(d.entities) for d in docs),
                   "mentions_per_type": {lab: sum(e.label == lab for d in docs
                                                  for e in d.entities) for lab in LABELS}}
            for name, docs in splits.items()
        },
    }


def format_stats(stats: Mapping[str, Any]) -> str:
    """A plain-text table of `corpus_stats` output."""
    lines = [f"{'split':8} {'docs':>6} {'mentions':>9} " + " ".join(f"{lab:>9}" for lab in LABELS)]
    rows = list(stats["splits"].items()) + [("total", {
        "documents": stats["documents"], "mentions": stats["mentions"],
        "mentions_per_type": stats["mentions_per_type"]})]
    for name, row in rows:
        lines.append(f"{name:8} {row['documents']:6d} {row['mentions']:9d} " + " ".join(
            f"{row['mentions_per_type'][lab]:9d}" for lab in LABELS))
    lines.append(f"distinct district names: {stats['distinct_districts']} "
                 f"({stats['district_units']} gazetteer units), distinct officials: "
                 f"{stats['distinct_officials']}, provinces (meta): {stats['provinces_in_meta']}, "
                 f"characters: {stats['characters']}")
    lines.append("district mentions resolved: " + ", ".join(
        f"{k} {v}" for k, v in stats["district_matches"].items()))
    return "\n".join(lines)
