"""CoNLL BIO, word-segmented: `form<TAB>tag` per word, blank lines between
sentences, `-DOCSTART- id` before each document::

    -DOCSTART- thach-ha-001
    Sáng	B-DATE
    ngày	I-DATE
    9/3	I-DATE
    UBND	O
    huyện	B-DISTRICT
    Thạch_Hà	I-DISTRICT

Forms are the segmenter's (`_` joins syllables). The format keeps no raw text:
reading rebuilds it with single spaces and a newline per sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..schema import Document, SchemaError, make_entity
from ..tags import spans_to_tags, tags_to_spans
from ..text import Word, segment

DOCSTART = "-DOCSTART-"


def conll_to_docs(data: str) -> Iterator[Document]:
    doc_id: str | None = None
    sentences: list[list[tuple[str, str]]] = [[]]
    count = 0
    for n, line in enumerate(data.splitlines(), 1):
        if line.startswith(DOCSTART):
            if any(sentences):
                yield _build(doc_id, sentences, count)
                count += 1
            doc_id = line[len(DOCSTART):].strip() or None
            sentences = [[]]
        elif not line.strip():
            if sentences[-1]:
                sentences.append([])
        else:
            form, _, tag = line.rstrip("\n").rpartition("\t")
            if not form:
                raise SchemaError(f"CoNLL line {n}: expected 'form<TAB>tag', got {line!r}")
            sentences[-1].append((form, tag))
    if any(sentences):
        yield _build(doc_id, sentences, count)


def _build(doc_id: str | None, sentences: list[list[tuple[str, str]]], count: int) -> Document:
    text_parts, words, tags = [], [], []
    pos = 0
    for sent in (s for s in sentences if s):
        for i, (form, tag) in enumerate(sent):
            surface = form.replace("_", " ")
            if i:
                text_parts.append(" ")
                pos += 1
            words.append(Word(pos, pos + len(surface), form))
            tags.append(tag)
            text_parts.append(surface)
            pos += len(surface)
        text_parts.append("\n")
        pos += 1
    text = "".join(text_parts)
    entities = [make_entity(text, s, e, lab) for s, e, lab, _ in tags_to_spans(words, tags)]
    return Document(text, entities, doc_id if doc_id is not None else str(count))


def docs_to_conll(docs: Iterable[Document]) -> str:
    out = []
    for doc in docs:
        out.append(f"{DOCSTART} {doc.id}\n")
        for words in segment(doc.text):
            inside = [e for e in doc.entities if e.start < words[-1].end and e.end > words[0].start]
            tags, _ = spans_to_tags(words, inside)
            out.extend(f"{w.form}\t{t}\n" for w, t in zip(words, tags))
            out.append("\n")
    return "".join(out)
