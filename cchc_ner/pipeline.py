"""The extraction pipeline: raw page -> words -> tagger -> entities with raw offsets."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from .normalize import normalize
from .schema import Document, make_entity
from .taggers import Tagger
from .tags import tags_to_spans
from .text import Word, segment


class Extractor:
    """Callable on a raw text (`extractor(text) -> Document`), or on many (`pipe`).

    Built by `cchc_ner.load`. The tagger only sees word forms; offsets, spans and
    the entity text (always `text[start:end]`) are handled here, and each entity
    gets its typed value (`entity.normalized`, see `cchc_ner.normalize`) unless
    `normalize=False`.
    """

    def __init__(self, tagger: Tagger, normalize: bool = True) -> None:
        self.tagger = tagger
        self.normalize = normalize

    def __call__(self, text: str, id: str | None = None) -> Document:
        return next(self.pipe([text], ids=[id]))

    def pipe(self, texts: Iterable[str], batch_size: int = 16,
             ids: Iterable[str | None] | None = None) -> Iterator[Document]:
        """Extract from many texts, `batch_size` documents tagged together; yields
        documents in input order."""
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, got {batch_size}")
        texts = iter(texts)
        id_iter = iter(ids) if ids is not None else None
        while chunk := list(islice(texts, batch_size)):
            chunk_ids = [next(id_iter, None) if id_iter else None for _ in chunk]
            yield from self._extract_batch(chunk, chunk_ids)

    def _extract_batch(self, texts: list[str], ids: list[str | None]) -> list[Document]:
        for text in texts:
            if not isinstance(text, str):
                raise TypeError(f"expected a str text, got {type(text).__name__}")
        doc_sentences: list[list[list[Word]]] = [segment(t, self.tagger.tokenization)
                                                  for t in texts]
        flat = [sent for sents in doc_sentences for sent in sents]
        predictions = iter(self.tagger.predict([[w.form for w in s] for s in flat]))
        docs = []
        for text, doc_id, sentences in zip(texts, ids, doc_sentences):
            entities = []
            for words in sentences:
                tagged = next(predictions)
                for start, end, label, score in tags_to_spans(
                    words, [t for t, _ in tagged], [p for _, p in tagged]
                ):
                    entities.append(make_entity(text, start, end, label, score))
            if self.normalize:
                entities = normalize(text, entities)
            docs.append(Document(text, entities, doc_id))
        return docs
