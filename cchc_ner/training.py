"""Training taggers from span-annotated documents.

- Transformer (HF `Trainer`): seqeval strict entity F1 over dev words after every
  epoch, early stopping, the best epoch kept. The output directory holds the model,
  its tokenizer, the label maps (in `config.json`), and `cchc_ner.json` with the
  training config and the dev scores. Deterministic for a given seed on CPU.
- CRF (CRFsuite): one fit, saved likewise.
Both return (and record) strict span-level dev scores from the whole pipeline.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .align import IGNORE, WordPieceEncoder, window_labels
from .schema import Document
from .tags import TAGS, spans_to_tags, warn_misaligned
from .text import segment


class _FromFile:
    @classmethod
    def from_file(cls, path: str | Path, **overrides: Any):
        """Read a JSON config; `overrides` that are not None win."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        data.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**data)


@dataclass
class CrfConfig(_FromFile):
    """CRF regularization (L1 `c1`, L2 `c2`), optimizer iterations, and the
    tokenization it tags (`text.TOKENIZATIONS`)."""

    c1: float = 0.1
    c2: float = 0.1
    max_iterations: int = 200
    tokenization: str = "syllables"


@dataclass
class TrainConfig(_FromFile):
    """Hyper-parameters; defaults suit fine-tuning phobert-base on this corpus."""

    epochs: int = 20
    batch_size: int = 16
    learning_rate: float = 5e-5
    weight_decay: float = 0.01
    warmup_fraction: float = 0.1
    patience: int = 3
    seed: int = 42
    max_length: int = 256
    stride: int | None = None


def _prepare_output(output_dir: str | Path, overwrite: bool) -> Path:
    output_dir = Path(output_dir)
    if output_dir.exists() and any(output_dir.iterdir()) and not overwrite:
        raise FileExistsError(f"{output_dir} is not empty; choose a new directory or overwrite")
    return output_dir


def train_crf(
    train_docs: Sequence[Document],
    dev_docs: Sequence[Document],
    output_dir: str | Path,
    config: CrfConfig | None = None,
    overwrite: bool = False,
) -> dict[str, Any]:
    """Fit a CRF tagger, score it on `dev_docs` through the whole pipeline, save it."""
    from .features import Gazetteer
    from .taggers.crf import MODEL_FILE, fit_crf

    config = config or CrfConfig()
    output_dir = _prepare_output(output_dir, overwrite)
    if not train_docs or not dev_docs:
        raise ValueError("training needs at least one train and one dev document")
    output_dir.mkdir(parents=True, exist_ok=True)
    tagger = fit_crf(word_tag_sentences(train_docs, config.tokenization),
                     output_dir / MODEL_FILE, Gazetteer.default(), config.tokenization,
                     config.c1, config.c2, config.max_iterations)
    dev = _span_scores(tagger, dev_docs)
    tagger.save(output_dir, config=asdict(config), dev_metrics=dev,
                train_documents=len(train_docs), dev_documents=len(dev_docs))
    return dev


def word_tag_sentences(docs: Sequence[Document],
                       tokenization: str = "words") -> list[tuple[list[str], list[str]]]:
    """Segment documents and tag their words: `(forms, iob2_tags)` per sentence."""
    out = []
    misaligned = total = 0
    for doc in docs:
        total += len(doc.entities)
        for words in segment(doc.text, tokenization):
            lo, hi = words[0].start, words[-1].end
            inside = [e for e in doc.entities if e.start < hi and e.end > lo]
            tags, bad = spans_to_tags(words, inside)
            misaligned += bad
            out.append(([w.form for w in words], tags))
    warn_misaligned(misaligned, total)
    return out


def _features(encoder: WordPieceEncoder, sentences, stride) -> dict[str, list]:
    tag_id = {t: i for i, t in enumerate(TAGS)}
    ids, labels = [], []
    for n, (forms, tags) in enumerate(sentences):
        for window in encoder.windows(n, forms, stride):
            ids.append(window.input_ids)
            labels.append(window_labels(window, [tag_id[t] for t in tags]))
    return {"input_ids": ids, "labels": labels}


def _compute_metrics(eval_pred) -> dict[str, float]:
    from seqeval.metrics import f1_score, precision_score, recall_score
    from seqeval.scheme import IOB2

    logits, label_ids = eval_pred
    predicted = logits.argmax(-1)
    y_true, y_pred = [], []
    for row_pred, row_gold in zip(predicted, label_ids):
        keep = row_gold != IGNORE
        y_true.append([TAGS[i] for i in row_gold[keep]])
        y_pred.append([TAGS[i] for i in row_pred[keep]])
    kw = {"mode": "strict", "scheme": IOB2, "zero_division": 0}
    return {"precision": precision_score(y_true, y_pred, **kw),
            "recall": recall_score(y_true, y_pred, **kw), "f1": f1_score(y_true, y_pred, **kw)}


def train_transformer(
    train_docs: Sequence[Document],
    dev_docs: Sequence[Document],
    base_model: str,
    output_dir: str | Path,
    config: TrainConfig | None = None,
    progress: bool = False,
    overwrite: bool = False,
) -> dict[str, Any]:
    """Fine-tune `base_model` (hub id or directory) and save the best epoch's model
    (chosen by word-level seqeval F1 on dev) to `output_dir`, which must be new or
    empty unless `overwrite`. Returns its span-level dev scores (`scoring`)."""
    import datasets
    import torch
    from transformers import (
        AutoModelForTokenClassification,
        AutoTokenizer,
        DataCollatorForTokenClassification,
        EarlyStoppingCallback,
        Trainer,
        TrainingArguments,
        set_seed,
    )

    from .taggers.transformer import TransformerTagger, load_pretrained

    config = config or TrainConfig()
    output_dir = _prepare_output(output_dir, overwrite)
    if not train_docs or not dev_docs:
        raise ValueError("training needs at least one train and one dev document")
    set_seed(config.seed)
    tokenizer = load_pretrained(base_model, AutoTokenizer)
    model = load_pretrained(
        base_model, AutoModelForTokenClassification, num_labels=len(TAGS),
        id2label=dict(enumerate(TAGS)), label2id={t: i for i, t in enumerate(TAGS)},
        ignore_mismatched_sizes=True,
    )
    encoder = TransformerTagger(model, tokenizer, max_length=config.max_length).encoder
    train_set = datasets.Dataset.from_dict(
        _features(encoder, word_tag_sentences(train_docs), config.stride))
    dev_set = datasets.Dataset.from_dict(
        _features(encoder, word_tag_sentences(dev_docs), config.stride))
    steps = -(-len(train_set) // config.batch_size) * config.epochs
    with tempfile.TemporaryDirectory(prefix="cchc-ner-checkpoints-") as scratch:
        args = TrainingArguments(
            output_dir=scratch,
            num_train_epochs=config.epochs,
            per_device_train_batch_size=config.batch_size,
            per_device_eval_batch_size=config.batch_size * 2,
            learning_rate=config.learning_rate,
            weight_decay=config.weight_decay,
            warmup_steps=int(steps * config.warmup_fraction),
            eval_strategy="epoch",
            save_strategy="epoch",
            save_total_limit=1,
            load_best_model_at_end=True,
            metric_for_best_model="f1",
            greater_is_better=True,
            logging_strategy="epoch",
            seed=config.seed,
            report_to="none",
            disable_tqdm=not progress,
            use_cpu=not torch.cuda.is_available(),
        )
        trainer = Trainer(
            model=model, args=args, train_dataset=train_set, eval_dataset=dev_set,
            data_collator=DataCollatorForTokenClassification(tokenizer),
            compute_metrics=_compute_metrics,
            callbacks=[EarlyStoppingCallback(early_stopping_patience=config.patience)],
        )
        trainer.train()
        metrics = trainer.evaluate()
        history = [h for h in trainer.state.log_history if "eval_f1" in h]
    selection = {k.removeprefix("eval_"): v for k, v in metrics.items()
                 if k in ("eval_precision", "eval_recall", "eval_f1")}
    tagger = TransformerTagger(trainer.model, tokenizer, max_length=config.max_length,
                               stride=config.stride)
    dev = _span_scores(tagger, dev_docs)
    tagger.save(output_dir, base_model=str(base_model), config=asdict(config),
                dev_metrics=dev, selection_metrics=selection, epochs_run=len(history),
                train_documents=len(train_docs), dev_documents=len(dev_docs))
    return dev


def _span_scores(tagger, docs: Sequence[Document]) -> dict[str, Any]:
    """Strict span-level scores of a tagger through the whole pipeline (`scoring`)."""
    from .pipeline import Extractor
    from .scoring import strict_scores

    return strict_scores(docs, list(Extractor(tagger, normalize=False).pipe(
        [d.text for d in docs])))
