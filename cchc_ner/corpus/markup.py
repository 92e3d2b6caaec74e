"""Inline authoring markup: `[[LABEL:text]]` inside the raw text.

A markup file holds one or more documents, each opened by a header line::

    #doc thach-ha-001 {"topic": "conference"}
    [[DATE:Sáng ngày 9/3]], UBND [[DISTRICT:huyện Thạch Hà]] tổ chức hội nghị ...

The document's text runs to the next header (its final newline belongs to the
format, not the text). The JSONL corpus is the source of truth; markup is a
way to write and review it, converted losslessly both ways.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from ..schema import LABELS, Document, SchemaError, make_entity

HEADER = "#doc "
_TAG = re.compile(r"\[\[([A-Z]+):(.*?)\]\]", re.S)


def parse_markup_text(marked: str, doc_id: str | None = None) -> tuple[str, list]:
    """Strip `[[LABEL:text]]` tags; return the plain text and its entities."""
    plain: list[str] = []
    entities = []
    pos = 0
    length = 0
    for match in _TAG.finditer(marked):
        before = marked[pos : match.start()]
        plain.append(before)
        length += len(before)
        label, inner = match.group(1), match.group(2)
        if label not in LABELS:
            raise SchemaError(f"document {doc_id!r}: unknown label {label!r} in {match.group(0)!r}")
        if "[[" in inner:
            raise SchemaError(f"document {doc_id!r}: nested tag in {match.group(0)!r}")
        plain.append(inner)
        entities.append((length, length + len(inner), label))
        length += len(inner)
        pos = match.end()
    plain.append(marked[pos:])
    text = "".join(plain)
    leftover = re.search(r"\[\[|\]\]", text)
    if leftover:
        ctx = text[max(0, leftover.start() - 30) : leftover.start() + 30]
        raise SchemaError(f"document {doc_id!r}: unbalanced tag near {ctx!r}")
    return text, [make_entity(text, s, e, lab) for s, e, lab in entities]


def markup_to_docs(data: str) -> Iterator[Document]:
    """Parse a markup file into documents."""
    blocks = re.split(r"(?m)^(?=#doc )", data)
    for block in blocks:
        if not block.strip():
            continue
        if not block.startswith(HEADER):
            raise SchemaError(f"markup text before the first '#doc' header: {block[:60]!r}")
        header, _, body = block.partition("\n")
        doc_id, _, meta_json = header[len(HEADER) :].strip().partition(" ")
        meta = json.loads(meta_json) if meta_json.strip() else {}
        body = body[:-1] if body.endswith("\n") else body
        text, entities = parse_markup_text(body, doc_id)
        yield Document(text, entities, doc_id, meta)


def docs_to_markup(docs: Iterable[Document]) -> str:
    """Write documents as markup (raises if a text itself contains `[[` or `]]`)."""
    out = []
    for doc in docs:
        if "[[" in doc.text or "]]" in doc.text or "\n#doc " in "\n" + doc.text:
            raise SchemaError(f"document {doc.id!r} cannot be written as markup")
        parts, pos = [], 0
        for ent in doc.entities:
            parts.append(doc.text[pos : ent.start])
            parts.append(f"[[{ent.label}:{ent.text}]]")
            pos = ent.end
        parts.append(doc.text[pos:])
        meta = " " + json.dumps(doc.meta, ensure_ascii=False) if doc.meta else ""
        out.append(f"{HEADER}{doc.id}{meta}\n{''.join(parts)}\n")
    return "".join(out)
