"""The `cchc-ner` command line: thin typer wrappers over the library."""

from __future__ import annotations

import contextlib
import csv
import json
import sys
from pathlib import Path

import typer

app = typer.Typer(help="Extract CCHC entities from Vietnamese news; train and evaluate models.",
                  no_args_is_help=True, pretty_exceptions_enable=False)
corpus_app = typer.Typer(help="Validate, describe and convert annotated corpora.",
                         no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")

Arg = typer.Argument
Opt = typer.Option


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(2)


@app.command()
def extract(
    paths: list[Path] = Arg(..., help=".txt files, directories of .txt, or .jsonl of {id, text}."),
    model: str | None = Opt(None, "--model", "-m", help="Model dir or hub id (default: bundled)."),
    output: Path | None = Opt(None, "--output", "-o", help="Output file (default: stdout)."),
    batch_size: int = Opt(16, "--batch-size", "-b", help="Documents tagged together."),
    format: str = Opt("jsonl", "--format", "-f",
                      help="jsonl ({id, entities} lines); csv (a row per metric with its "
                           "district, date, indicator and value); doccano or label-studio "
                           "(pre-annotations to import and correct)."),
    resume: bool = Opt(False, "--resume", help="Skip documents whose id is already in --output "
                                               "(jsonl/doccano) and append the rest."),
    quantize: bool = Opt(False, "--quantize",
                         help="Transformer models: int8 dynamic quantization (CPU, ~1.7x faster)."),
    quiet: bool = Opt(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Extract entities: one JSON line per document, {"id", "entities": [...]}.
    Exit code 1 if any document failed."""
    from tqdm import tqdm

    from . import api
    from .batch import OUTPUT_FORMATS, completed_ids, extract_records, result_line, result_rows
    from .corpus.labelstudio import docs_to_labelstudio
    from .inputs import count_inputs, iter_inputs
    from .normalize.records import COLUMNS

    if format not in OUTPUT_FORMATS:
        raise _fail(f"unknown --format {format!r}; expected one of {', '.join(OUTPUT_FORMATS)}")
    if resume and (output is None or format in ("label-studio", "csv")):
        raise _fail("--resume needs --output and a line format (jsonl or doccano)")
    try:
        total = count_inputs(paths)
        extractor = api.load(model, **({"quantize": True} if quantize else {}))
    except (FileNotFoundError, OSError, ValueError) as exc:
        raise _fail(str(exc)) from exc
    done = completed_ids(output) if resume else set()
    records = (r for r in iter_inputs(paths) if r.id not in done)
    out = output.open("a" if resume else "w", encoding="utf-8") if output else sys.stdout
    failed, collected = 0, []
    table = csv.DictWriter(out, ["id", *COLUMNS, "error"]) if format == "csv" else None
    if table:
        table.writeheader()
    bar = tqdm(total=total, initial=len(done), desc="extract", unit="doc", disable=quiet,
               file=sys.stderr, dynamic_ncols=True)
    try:
        for record, doc in extract_records(extractor, records, batch_size):
            bar.update(1)
            if record.warning:
                bar.write(f"warning: {record.id}: {record.warning}", file=sys.stderr)
            if doc is None:
                failed += 1
                bar.write(f"error: {record.id}: {record.error}", file=sys.stderr)
            if format == "label-studio":
                collected += [doc] if doc is not None else []
                continue
            if table:
                table.writerows(result_rows(record, doc))
                continue
            out.write(json.dumps(result_line(record, doc, format), ensure_ascii=False) + "\n")
            out.flush()
        if format == "label-studio":
            out.write(docs_to_labelstudio(collected, as_predictions=True))
    finally:
        bar.close()
        if output:
            out.close()
    raise typer.Exit(1 if failed else 0)


@app.command()
def train(
    train_path: Path = Opt(..., "--train", help="Training annotations (any corpus format)."),
    dev_path: Path = Opt(..., "--dev", help="Dev annotations, for model selection."),
    output: Path = Opt(..., "--output", "-o", help="Directory for the trained model."),
    tagger: str = Opt("transformer", "--tagger", help="transformer or crf."),
    base_model: str = Opt("vinai/phobert-base", "--base-model",
                          help="Transformer: hub id or directory to fine-tune."),
    config: Path | None = Opt(None, "--config", help="JSON training config file."),
    epochs: int | None = Opt(None, "--epochs", help="Transformer: override the epochs."),
    batch_size: int | None = Opt(None, "--batch-size", help="Transformer: override the batch."),
    learning_rate: float | None = Opt(None, "--learning-rate", help="Transformer: the LR."),
    seed: int | None = Opt(None, "--seed", help="Transformer: override the seed."),
    overwrite: bool = Opt(False, "--overwrite", help="Replace a non-empty output directory."),
    format: str | None = Opt(None, "--format", "-f", help="Annotation format (detected)."),
) -> None:
    """Train a tagger on span annotations, select it on dev, save it."""
    from . import api
    from .corpus import read_docs
    from .training import CrfConfig, TrainConfig

    overrides = {"epochs": epochs, "batch_size": batch_size, "learning_rate": learning_rate,
                 "seed": seed}
    config_type = CrfConfig if tagger == "crf" else TrainConfig
    if tagger == "crf" and any(v is not None for v in overrides.values()):
        raise _fail("--epochs, --batch-size, --learning-rate and --seed are transformer options")
    try:
        cfg = (config_type.from_file(config, **overrides) if config else
               config_type(**{k: v for k, v in overrides.items() if v is not None}))
        with contextlib.redirect_stdout(sys.stderr):  # Trainer logs: keep stdout for JSON
            metrics = api.train(read_docs(train_path, format), read_docs(dev_path, format),
                                output, tagger, base_model, cfg, progress=True,
                                overwrite=overwrite)
    except (FileNotFoundError, FileExistsError, OSError, ValueError, TypeError) as exc:
        raise _fail(str(exc)) from exc
    typer.echo(json.dumps({"output": str(output), "dev": metrics}, indent=2))


@app.command()
def evaluate(
    data: Path = Arg(..., help="Gold annotations (any corpus format)."),
    model: str | None = Opt(None, "--model", "-m", help="Model dir or hub id (default: bundled)."),
    as_json: bool = Opt(False, "--json", help="Print the scores as JSON."),
    errors_out: Path | None = Opt(None, "--errors", help="Write the error list (.jsonl)."),
    format: str | None = Opt(None, "--format", "-f", help="Annotation format (detected)."),
) -> None:
    """Score a model on gold data: strict (seqeval) and partial (nervaluate) P/R/F1."""
    from . import api
    from .corpus import read_docs

    try:
        docs = read_docs(data, format)
        result = api.evaluate(api.load(model), docs)
    except (FileNotFoundError, OSError, ValueError) as exc:
        raise _fail(str(exc)) from exc
    if errors_out:
        errors_out.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n"
                                      for e in result["errors"]), encoding="utf-8")
    if as_json:
        typer.echo(json.dumps({k: result[k] for k in ("strict", "partial")}, indent=2))
        return
    typer.echo(f"{len(docs)} documents, {len(result['errors'])} errors")
    typer.echo(f"{'':10} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    strict = result["strict"]
    for name, row in [("micro", strict["micro"]), *strict["per_type"].items()]:
        typer.echo(f"{name:10} {row['precision']:6.3f} {row['recall']:6.3f} {row['f1']:6.3f} "
                   f"{row['support']:6d}")
    partial = result["partial"]["partial"]["micro"]
    if partial:
        typer.echo(f"partial-overlap micro F1: {partial['f1']:.3f}")


@corpus_app.command("validate")
def corpus_validate(
    paths: list[Path] = Arg(..., help="Annotation files or directories."),
    format: str | None = Opt(None, "--format", "-f", help="Input format (detected)."),
    no_words: bool = Opt(False, "--no-words", help="Skip the word-boundary check."),
) -> None:
    """Check offsets, labels, overlaps, span edges and ids; exit 1 on any error."""
    from .corpus import validate_records
    from .corpus.io import read_records

    try:
        records = [rec for p in paths for rec in read_records(p, format)]
    except (FileNotFoundError, ValueError) as exc:
        raise _fail(str(exc)) from exc
    bounds = None
    if not no_words:
        from .text import word_offsets

        bounds = word_offsets
    problems = validate_records(records, bounds)
    for p in problems:
        typer.echo(str(p), err=True)
    errors = sum(p.level == "error" for p in problems)
    typer.echo(f"{len(records)} documents, {errors} errors, {len(problems) - errors} warnings")
    raise typer.Exit(1 if errors else 0)


@corpus_app.command("stats")
def corpus_stats_cli(
    path: Path = Arg(..., help="A corpus directory (one file per split) or one file."),
    format: str | None = Opt(None, "--format", "-f", help="Input format (detected)."),
    as_json: bool = Opt(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """Documents, mentions per type, distinct districts and officials, split sizes."""
    from .corpus import corpus_stats, format_stats, read_splits

    try:
        stats = corpus_stats(read_splits(path, format))
    except (FileNotFoundError, ValueError) as exc:
        raise _fail(str(exc)) from exc
    typer.echo(json.dumps(stats, indent=2, ensure_ascii=False) if as_json else format_stats(stats))


@corpus_app.command("convert")
def corpus_convert(
    source: Path = Arg(..., help="Input file or directory."),
    target: Path = Arg(..., help="Output file."),
    from_format: str | None = Opt(None, "--from", help="Input format (detected)."),
    to_format: str = Opt("jsonl", "--to", help="Output format: jsonl, doccano, label-studio, "
                                               "conll, markup."),
) -> None:
    """Convert annotations between formats."""
    from .corpus import read_docs, write_docs

    try:
        docs = read_docs(source, from_format)
        write_docs(docs, target, to_format)
    except (FileNotFoundError, ValueError) as exc:
        raise _fail(str(exc)) from exc
    typer.echo(f"{len(docs)} documents written to {target} ({to_format})")


@corpus_app.command("split")
def corpus_split(
    sources: list[Path] = Arg(..., help="Annotation files or directories."),
    out_dir: Path = Opt(..., "--out", "-o", help="Directory for train/dev/test.jsonl."),
    dev: float = Opt(0.15, "--dev", help="Fraction of documents for dev."),
    test: float = Opt(0.15, "--test", help="Fraction of documents for test."),
    seed: int = Opt(0, "--seed", help="Seed of the document hash."),
    pin_dev: list[str] = Opt([], "--pin-dev", help="Document ids that must go to dev."),
    group: str | None = Opt(None, "--group", help="Meta key to stratify by (e.g. author)."),
) -> None:
    """Split documents into train/dev/test by a seeded hash of their ids."""
    from .corpus import corpus_stats, format_stats, read_docs, split_docs, write_docs

    try:
        docs = [d for s in sources for d in read_docs(s)]
        splits = split_docs(docs, {"train": 1 - dev - test, "dev": dev, "test": test}, seed,
                            {"dev": pin_dev}, group)
    except (FileNotFoundError, ValueError) as exc:
        raise _fail(str(exc)) from exc
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, part in splits.items():
        write_docs(part, out_dir / f"{name}.jsonl")
    typer.echo(format_stats(corpus_stats(splits)))


@corpus_app.command("agreement")
def corpus_agreement(
    first: Path = Arg(..., help="One annotation pass (any corpus format)."),
    second: Path = Arg(..., help="Another pass over the same documents."),
    as_json: bool = Opt(False, "--json", help="Print JSON."),
) -> None:
    """Inter-annotator agreement: entity-level F1 between two passes (documents paired
    by id; strict = same span and label)."""
    from .corpus import read_docs
    from .scoring import partial_scores, strict_scores

    try:
        a = {d.id: d for d in read_docs(first)}
        b = {d.id: d for d in read_docs(second)}
        common = [i for i in a if i in b]
        if not common:
            raise ValueError("the two files share no document id")
        gold, other = [a[i] for i in common], [b[i] for i in common]
        strict = strict_scores(gold, other)
        partial = partial_scores(gold, other)["partial"]
    except (FileNotFoundError, ValueError) as exc:
        raise _fail(str(exc)) from exc
    result = {"documents": len(common), "strict": strict, "partial": partial}
    if as_json:
        typer.echo(json.dumps(result, indent=2))
        return
    typer.echo(f"{len(common)} documents; strict entity F1 {strict['micro']['f1']:.3f}; "
               f"partial-overlap F1 {partial['micro']['f1']:.3f}")
    for label, row in strict["per_type"].items():
        typer.echo(f"  {label:9} F1 {row['f1']:.3f} ({row['support']} in the first pass)")
