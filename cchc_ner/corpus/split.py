"""Deterministic train/dev/test splits by document."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence

from ..schema import Document


def split_docs(
    docs: Sequence[Document],
    fractions: Mapping[str, float] = {"train": 0.7, "dev": 0.15, "test": 0.15},  # noqa: B006
    seed: int = 0,
    fixed: Mapping[str, Iterable[str]] | None = None,
    group_key: str | None = None,
) -> dict[str, list[Document]]:
    """Split whole documents by a seeded hash of their ids (stable when documents are
    added). `fixed` pins ids to a split; with `group_key`, each `meta[group_key]`
    group (an author, a topic) is split in the same proportions."""
    if abs(sum(fractions.values()) - 1) > 1e-6:
        raise ValueError(f"split fractions must sum to 1, got {dict(fractions)}")
    pinned = {doc_id: name for name, ids in (fixed or {}).items() for doc_id in ids}
    out: dict[str, list[Document]] = {name: [] for name in fractions}
    groups: dict[object, list[Document]] = {}
    for doc in docs:
        if doc.id in pinned:
            out[pinned[doc.id]].append(doc)
        else:
            groups.setdefault(doc.meta.get(group_key) if group_key else None, []).append(doc)

    def rank(doc: Document) -> str:
        return hashlib.sha256(f"{seed}:{doc.id}".encode()).hexdigest()

    for members in groups.values():
        members = sorted(members, key=rank)
        edges, total = [], 0.0
        for name, fraction in fractions.items():
            total += fraction
            edges.append((name, round(total * len(members))))
        start = 0
        for name, end in edges:
            out[name].extend(members[start:end])
            start = end
    return out
