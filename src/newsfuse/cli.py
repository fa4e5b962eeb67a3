"""Command line: a thin client of :mod:`newsfuse.pipeline` and :mod:`newsfuse.store`.

Exit status: 0 all inputs used; 3 partial (some inputs or stories failed, see errors[]);
1 nothing could be analysed or the database could not be opened; 2 usage error.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .embed import DEFAULT_MODEL

EXIT_OK, EXIT_FAILED, EXIT_PARTIAL = 0, 1, 3

app = typer.Typer(
    help=(
        "newsfuse rebuilds what happened from many news reports: it groups articles into stories, "
        "finds who copied whom, and checks every statement across independent sources.\n\n"
        "Start with:  newsfuse run examples/ --out out/   then open out/report.html"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)

STAGE_NAMES = {
    "read": "Reading inputs",
    "segment": "Splitting sentences",
    "values": "Extracting values",
    "stories": "Grouping stories",
    "claims": "Checking claims",
}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsfuse {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """newsfuse: many reports in, one checked account out."""


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description:<22}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=False,
        disable=not err.is_terminal and os.environ.get("NEWSFUSE_PROGRESS") != "1",
    )


@app.command()
def run(
    inputs: list[str] = typer.Argument(
        ...,
        help="Files, folders (read recursively), .jsonl/.csv files, .warc(.gz) archives, feed files, "
        "URLs, or text files listing URLs. Mix freely.",
    ),
    out_dir: Path = typer.Option(Path("out"), "--out", "-o", help="Folder for result.json, report.md, report.html, claims.csv."),
    db: Path = typer.Option(
        Path("newsfuse.db"), "--db", help="SQLite database that keeps articles and stories between runs."
    ),
    model: str = typer.Option(
        DEFAULT_MODEL,
        "--model",
        help="Sentence-embedding model: the bundled offline default, a sentence-transformers name or path, "
        "or 'none' for the lexical path only (faster, weaker on paraphrases).",
    ),
    window_days: float = typer.Option(7.0, "--window-days", help="Articles further apart in time than this never share a story."),
    max_bytes: int = typer.Option(20_000_000, "--max-bytes", help="Inputs larger than this are refused."),
    timeout: float = typer.Option(15.0, "--timeout", help="Seconds to wait for each URL."),
    grouping: str = typer.Option(
        "both",
        "--grouping",
        help="How one figure told with different words across articles is recognised "
        "('cut 1,400 jobs' / 'shed 1,400 positions'): 'both' (default: hand rules, then a fitted model), "
        "'rules' (the hand rules only), or 'model' (the fitted model only). See docs/benchmarks.md.",
    ),
    graph: list[str] = typer.Option(
        [], "--graph", help="Also write each story's provenance graph: 'dot' and/or 'graphml' (repeatable)."
    ),
) -> None:
    """Analyse INPUTS and write a cited report into --out.

    Example:  newsfuse run examples/ https://example.org/news.rss --out out/
    """
    from .pipeline import Settings, run as run_pipeline, summarize
    from .report import write_outputs
    from .store import Store, StoreError

    unknown = sorted(set(graph) - {"dot", "graphml"})
    if unknown:
        err.print(f"[red]error:[/red] --graph takes 'dot' or 'graphml', not {', '.join(unknown)}")
        raise typer.Exit(2)
    if grouping not in ("rules", "both", "model"):
        err.print(f"[red]error:[/red] --grouping takes 'rules', 'both' or 'model', not {grouping!r}")
        raise typer.Exit(2)
    settings = Settings(
        model=None if model.lower() == "none" else model,
        window_days=window_days,
        max_bytes=max_bytes,
        timeout=timeout,
        grouping=grouping,
    )
    try:
        store = Store(db)
    except StoreError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_FAILED)

    with _progress() as bars:
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: int | None) -> None:
            if stage not in tasks:
                tasks[stage] = bars.add_task(STAGE_NAMES.get(stage, stage), total=total)
            bars.update(tasks[stage], completed=done, total=total)

        try:
            result = run_pipeline(inputs, settings, store=store, progress=progress)
        except RuntimeError as exc:  # e.g. a named model that cannot load
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(EXIT_FAILED)
        finally:
            store.close()

    paths = write_outputs(result, out_dir, graphs=tuple(dict.fromkeys(graph)))
    summary = summarize(result)
    table = Table(title="newsfuse", show_header=False, box=None)
    table.add_row("articles", str(summary["articles"]))
    table.add_row("stories", str(summary["stories"]))
    for key, value in summary.items():
        if key.startswith("claims_"):
            table.add_row(key.removeprefix("claims_") + " claims", str(value))
    table.add_row("errors", str(summary["errors"]))
    out.print(table)
    for error in result.errors:
        err.print(f"[yellow]skipped[/yellow] {error.input}: {error.reason}")
    report = paths.get("report.html")
    if report:
        out.print(f"Report: {report}  (open it in a browser; result.json has everything)")
    if not result.articles:
        err.print("[red]No article could be read.[/red] See the reasons above.")
        raise typer.Exit(EXIT_FAILED)
    if result.errors:
        raise typer.Exit(EXIT_PARTIAL)


@app.command()
def stories(
    db: Path = typer.Option(Path("newsfuse.db"), "--db", help="The database written by `newsfuse run`."),
    since: Optional[datetime] = typer.Option(None, "--since", help="Only stories active on or after this date (YYYY-MM-DD)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """List the stories in the database, newest first."""
    from .store import Store, StoreError

    if not db.exists():
        err.print(f"[red]error:[/red] no database at {db}; run `newsfuse run INPUT... --db {db}` first")
        raise typer.Exit(EXIT_FAILED)
    try:
        store = Store(db)
    except StoreError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_FAILED)
    if since is not None and since.tzinfo is None:
        since = since.replace(tzinfo=timezone.utc)
    found = store.stories(since=since)
    store.close()
    if as_json:
        json.dump(
            [
                {
                    "id": s.id,
                    "label": s.label,
                    "start": s.start.isoformat() if s.start else None,
                    "end": s.end.isoformat() if s.end else None,
                    "articles": list(s.articles),
                }
                for s in found
            ],
            sys.stdout,
            indent=2,
            ensure_ascii=False,
        )
        sys.stdout.write("\n")
        return
    table = Table("story", "label", "from", "to", "articles")
    for s in found:
        table.add_row(
            s.id,
            s.label,
            s.start.strftime("%Y-%m-%d %H:%M") if s.start else "?",
            s.end.strftime("%Y-%m-%d %H:%M") if s.end else "?",
            str(len(s.articles)),
        )
    out.print(table)
    if not found:
        err.print("No stories yet.")


if __name__ == "__main__":  # pragma: no cover
    app()
