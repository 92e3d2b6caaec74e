"""Label Studio JSON: a list of tasks with `data.text` and span results.

Reading takes each task's most recent non-cancelled annotation, else its first
prediction (pre-annotations); writing puts our entities under `annotations`, or
under `predictions` (with scores) for pre-annotating with a model.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..schema import Document, SchemaError, make_entity

FROM_NAME, TO_NAME = "label", "text"
"""The control and object names of the matching Label Studio labelling config."""


def labelstudio_to_docs(data: str) -> Iterator[Document]:
    tasks = json.loads(data)
    if isinstance(tasks, dict):
        tasks = [tasks]
    for n, task in enumerate(tasks):
        task_data = task.get("data") or {}
        text = task_data.get("text")
        if not isinstance(text, str):
            raise SchemaError(f"Label Studio task #{n}: no data.text")
        annotations = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
        source = (annotations[-1] if annotations else
                  (task.get("predictions") or [{}])[0])
        entities = []
        for result in source.get("result") or []:
            value = result.get("value") or {}
            labels = value.get("labels") or []
            if result.get("type", "labels") != "labels" or not labels:
                continue
            entities.append(make_entity(text, value["start"], value["end"], labels[0]))
        meta = dict(task_data.get("meta") or {})
        doc_id = task_data.get("id", task.get("id", n))
        yield Document(text, entities, str(doc_id), meta)


def docs_to_labelstudio(docs: Iterable[Document], as_predictions: bool = False,
                        model_version: str = "cchc-ner") -> str:
    tasks = []
    for doc in docs:
        results = [_result(doc, i, e) for i, e in enumerate(doc.entities)]
        data: dict[str, Any] = {"text": doc.text, "id": doc.id}
        if doc.meta:
            data["meta"] = doc.meta
        task: dict[str, Any] = {"data": data}
        if as_predictions:
            scores = [e.score for e in doc.entities]
            task["predictions"] = [{"model_version": model_version, "result": results,
                                    "score": min(scores) if scores else 1.0}]
        else:
            task["annotations"] = [{"result": results}]
        tasks.append(task)
    return json.dumps(tasks, ensure_ascii=False, indent=1) + "\n"


def _result(doc: Document, i: int, ent) -> dict[str, Any]:
    return {"id": f"{doc.id}-{i}", "from_name": FROM_NAME, "to_name": TO_NAME,
            "type": "labels", "score": ent.score,
            "value": {"start": ent.start, "end": ent.end, "text": ent.text,
                      "labels": [ent.label]}}
