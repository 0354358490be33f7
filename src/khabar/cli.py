"""The `khabar` command line: digest, ingest, stories, show, clean, eval."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from khabar.limits import MAX_BYTES, MAX_SECONDS, Limits
from khabar.pipeline import IngestReport, consolidate, few_collections, ingest, refresh_stories
from khabar.store.sqlite import Store

app = typer.Typer(help="Khabar (خبر): Arabic-first news story intelligence.", no_args_is_help=True,
                  pretty_exceptions_enable=False)
eval_app = typer.Typer(help="Score Khabar's components on labelled data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

out = Console()
err = Console(stderr=True)


@app.callback()
def _every_command() -> None:
    # the command line process loads, groups and (with one worker) analyzes: the collector's
    # default thresholds cost it 12-15 % there (see khabar.pipeline.few_collections)
    few_collections()


class Format(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


DbOpt = Annotated[Path, typer.Option("--db", help="SQLite database file.")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]
MaxBytesOpt = Annotated[int, typer.Option("--max-bytes", min=1, help="Skip a document larger than this (bytes).")]
MaxSecondsOpt = Annotated[float, typer.Option("--max-seconds", min=0,
                                              help="Skip a document whose cleaning and analysis take longer (0: no limit).")]
Paths = Annotated[list[Path], typer.Argument(help="Files or directories (.txt, .html, .jsonl, .json/.zip arrays, .rss/.atom/.xml feeds, .warc[.gz], .parquet).")]


def _ingest(paths: list[Path], store: Store, quiet: bool, limits: Limits) -> IngestReport:
    if quiet or not err.is_terminal:
        return ingest(paths, store, limits=limits)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=True) as bar:
        task = bar.add_task("ingesting", total=None)
        return ingest(paths, store, progress=lambda _src: bar.advance(task), limits=limits)


def _print_ingest(report: IngestReport, quiet: bool) -> None:
    for source, reason in report.skipped:
        err.print(f"[yellow]skipped[/] {source}: {reason}", highlight=False)
    if not quiet:
        err.print(f"processed {report.processed} · duplicates {report.duplicates} · skipped {len(report.skipped)}")


def _emit(report: dict, fmt: Format) -> None:
    from khabar.present.markdown import render_markdown
    from khabar.present.terminal import render_terminal

    if fmt is Format.json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    elif fmt is Format.markdown:
        sys.stdout.write(render_markdown(report))
    else:
        render_terminal(out, report)


def write_outputs(report: dict, out_dir: Path) -> None:
    """report.json, report.md and report.html in ``out_dir``."""
    from khabar.present.html import render_report_html
    from khabar.present.markdown import render_markdown

    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    (out_dir / "report.md").write_text(render_markdown(report), encoding="utf-8")
    (out_dir / "report.html").write_text(render_report_html(report), encoding="utf-8")


@app.command()
def digest(
    paths: Paths,
    db: DbOpt = Path("khabar.db"),
    out_dir: Annotated[Path | None, typer.Option("--out", help="Also write report.{html,json,md} here.")] = None,
    fmt: FormatOpt = Format.text,
    quiet: QuietOpt = False,
    words: Annotated[int, typer.Option(help="Summary length in words.")] = 120,
    embeddings: Annotated[bool, typer.Option(help="Use dense embeddings for grouping.")] = False,
    max_bytes: MaxBytesOpt = MAX_BYTES,
    max_seconds: MaxSecondsOpt = MAX_SECONDS,
) -> None:
    """Ingest PATHS and print the consolidated story report."""
    from khabar.present.report import build_report

    with Store(db) as store:
        report = _ingest(paths, store, quiet, Limits(max_bytes, max_seconds))
        _print_ingest(report, quiet)
        digests = consolidate(store, words=words, embeddings=embeddings)
        data = build_report(store, digests)
    if out_dir is not None:
        write_outputs(data, out_dir)
        if not quiet:
            err.print(f"wrote {out_dir}/report.html, report.json, report.md and {db}")
    _emit(data, fmt)


@app.command("ingest")
def ingest_cmd(
    paths: Paths,
    db: DbOpt = Path("khabar.db"),
    quiet: QuietOpt = False,
    strict: Annotated[bool, typer.Option(help="Exit 1 when any document was skipped.")] = False,
    group_after: Annotated[bool, typer.Option("--group/--no-group", help="Regroup stories after ingesting.")] = True,
    fmt: FormatOpt = Format.text,
    max_bytes: MaxBytesOpt = MAX_BYTES,
    max_seconds: MaxSecondsOpt = MAX_SECONDS,
) -> None:
    """Add documents to the database (content-hash ids: the same text twice is added once)."""
    with Store(db) as store:
        report = _ingest(paths, store, quiet or fmt is Format.json, Limits(max_bytes, max_seconds))
        if group_after:
            refresh_stories(store)
    if fmt is Format.json:
        sys.stdout.write(json.dumps({"processed": report.processed, "duplicates": report.duplicates,
                                     "skipped": [{"source": s, "reason": r} for s, r in report.skipped]},
                                    ensure_ascii=False) + "\n")
    else:
        _print_ingest(report, quiet)
    if strict and report.skipped:
        raise typer.Exit(1)


@app.command()
def stories(db: DbOpt = Path("khabar.db"), fmt: FormatOpt = Format.text,
            limit: Annotated[int, typer.Option(help="How many stories.")] = 50) -> None:
    """List stories, newest first."""
    with Store(db) as store:
        rows = [{"id": d.story.id, "headline": d.headline, "events": len(d.events),
                 "articles": len(d.article_ids), "outlets": len(d.outlets),
                 "date": max((e.event.date for e in d.events), default="")}
                for d in store.digests(limit=limit)]
    if fmt is Format.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    from khabar.present.terminal import count
    for r in rows:
        out.print(f"[bold]{r['id']}[/] {r['date'] or '?':<10} {count(r['events'], 'event')} · "
                  f"{count(r['articles'], 'article')} · {count(r['outlets'], 'outlet')}  {r['headline']}", highlight=False)


@app.command()
def show(
    item_id: Annotated[str, typer.Argument(metavar="ID", help="A story or article id (or its prefix).")],
    db: DbOpt = Path("khabar.db"),
    fmt: FormatOpt = Format.text,
    removed: Annotated[bool, typer.Option("--removed", help="For an article: also show what was cut, and why.")] = False,
) -> None:
    """Show one story (its full report) or one article."""
    from khabar.present.report import article_dict, build_report

    with Store(db) as store:
        story_ids = store.find_stories(item_id)
        article_ids = store.find_articles(item_id)
        if len(story_ids) == 1:
            digest_ = store.digest(story_ids[0])
            _emit(build_report(store, [digest_] if digest_ else []), fmt)
            return
        if len(article_ids) == 1:
            article = store.article(article_ids[0])
            assert article is not None
            if fmt is Format.json:
                sys.stdout.write(json.dumps(article_dict(article, removed), ensure_ascii=False, indent=2) + "\n")
            else:
                from khabar.clean import report as clean_report

                out.print(clean_report(article) if removed else f"# {article.title}\n\n{article.body}",
                          highlight=False, markup=False)
            return
    found = len(story_ids) + len(article_ids)
    err.print(f"[red]{'ambiguous' if found else 'no story or article'}[/]: {item_id}")
    raise typer.Exit(2)


@app.command("clean")
def clean_cmd(files: Paths, fmt: FormatOpt = Format.text) -> None:
    """Clean files without a database: body, metadata, and the removed blocks with reasons."""
    from khabar.clean import clean, report
    from khabar.errors import BadDocument
    from khabar.ingest import read_paths
    from khabar.present.report import article_dict

    results = []
    failed = False
    for item in read_paths(files):
        if isinstance(item, BadDocument):
            err.print(f"[yellow]skipped[/] {item.source}: {item.reason}", highlight=False)
            failed = True
            continue
        article = clean(item)
        if fmt is Format.json:
            results.append(article_dict(article))
        else:
            out.print(report(article), highlight=False, markup=False)
    if fmt is Format.json:
        sys.stdout.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    if failed and not results and fmt is Format.json:
        raise typer.Exit(1)


@app.command()
def serve(
    db: DbOpt = Path("khabar.db"),
    host: Annotated[str, typer.Option(help="Interface to listen on (localhost only by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
) -> None:
    """Serve the stories as a web app (HTML pages and a JSON API under /api/)."""
    import uvicorn

    from khabar.present.web.app import LOCAL_HOSTS, create_app

    if not db.is_file():
        err.print(f"[red]no database[/]: {db} (run `khabar digest ... --db {db}` first)")
        raise typer.Exit(2)
    err.print(f"serving {db} on http://{host}:{port}/ (API docs at /docs)")
    hosts = LOCAL_HOSTS if host in ("127.0.0.1", "localhost", "::1") else ("*",)
    uvicorn.run(create_app(db, hosts), host=host, port=port, log_level="warning", h11_max_incomplete_event_size=16 * 1024)


def _run_eval(module: str, path: Path, fmt: Format, **opts: object) -> None:
    import importlib

    mod = importlib.import_module(f"khabar.evaluate.{module}")
    try:
        result = mod.evaluate(path, **opts)
    except (OSError, UnicodeDecodeError, ValueError) as exc:  # unreadable file, or nothing usable in it
        err.print(f"cannot evaluate {path}: {exc}", markup=False, highlight=False, style="red")
        raise typer.Exit(2) from None
    if fmt is Format.json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    else:
        out.print(mod.render(result), highlight=False, markup=False)


@eval_app.command("cluster")
def eval_cluster(path: Path, fmt: FormatOpt = Format.text,
                 embeddings: Annotated[bool, typer.Option(help="Use dense embeddings.")] = False) -> None:
    """Event clustering on a JSONL file (text, label, optional title, published_at)."""
    _run_eval("cluster", path, fmt, embeddings=embeddings)


@eval_app.command("pairs")
def eval_pairs(path: Path, fmt: FormatOpt = Format.text) -> None:
    """Article similarity against scored pairs (text1, text2, score): Pearson and Spearman."""
    _run_eval("pairs", path, fmt)


@eval_app.command("ner")
def eval_ner(path: Path, fmt: FormatOpt = Format.text) -> None:
    """The shipped NER model on a CoNLL-style file: per-type and micro P/R/F1."""
    _run_eval("ner", path, fmt)


@eval_app.command("stance")
def eval_stance(path: Path, fmt: FormatOpt = Format.text) -> None:
    """The statement-pair model on a CSV (s1, s2, stance): accuracy, per-class and macro F1."""
    _run_eval("stance", path, fmt)


@eval_app.command("summary")
def eval_summary(path: Path, fmt: FormatOpt = Format.text) -> None:
    """Single-document summaries on an EASC-style folder: ROUGE-1, ROUGE-2, ROUGE-L F1."""
    _run_eval("summary", path, fmt)


@app.command()
def spark(
    paths: Paths,
    out_dir: Annotated[Path, typer.Option("--out", help="Directory for the Parquet tables.")],
    master: Annotated[str, typer.Option(help="Spark master: local[*] (this machine's cores) or a cluster URL.")]
    = "local[*]",
    db: Annotated[Path | None, typer.Option("--db", help="Also load the tables into this SQLite file.")] = None,
    words: Annotated[int, typer.Option(help="Summary length in words.")] = 120,
    fmt: FormatOpt = Format.text,
) -> None:
    """Run the whole pipeline on Apache Spark; write articles, events, stories, entities, facts as Parquet."""
    from khabar.scale import load_parquet, run
    from khabar.scale.session import SparkUnavailable

    try:
        result = run(paths, out_dir, master=master, words=words)
    except SparkUnavailable as exc:
        err.print(f"[red]cannot run Spark[/]: {escape(str(exc))}", highlight=False)
        raise typer.Exit(2) from None
    loaded = None
    if db is not None:
        with Store(db) as store:
            loaded = load_parquet(out_dir, store)
    summary = {"out": str(result.out), "counts": result.counts, "seconds": result.timings,
               "largest_blocks": result.largest_blocks, "loaded": loaded}
    if fmt is Format.json:
        sys.stdout.write(json.dumps(summary, ensure_ascii=False) + "\n")
        return
    counts = " · ".join(f"{k} {v}" for k, v in result.counts.items() if k in
                        ("articles", "events", "stories", "entities", "facts", "failures"))
    err.print(f"wrote {result.out}: {counts}")
    err.print("seconds: " + " · ".join(f"{k} {v:.1f}" for k, v in result.timings.items()))
    if loaded is not None:
        err.print(f"loaded into {db}: {loaded}")


@app.command("load-parquet")
def load_parquet_cmd(
    out_dir: Annotated[Path, typer.Argument(help="A directory written by `khabar spark`.")],
    db: DbOpt = Path("khabar.db"),
) -> None:
    """Load the tables of a `khabar spark` run into SQLite (for `stories`, `show` and serving)."""
    from khabar.scale import load_parquet

    try:
        with Store(db) as store:
            counts = load_parquet(out_dir, store)
    except (FileNotFoundError, RuntimeError) as exc:
        err.print(f"[red]error[/] {exc}", highlight=False)
        raise typer.Exit(2) from None
    err.print(f"loaded into {db}: " + " · ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":  # python -m khabar.cli
    app()
