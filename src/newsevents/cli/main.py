"""The ``newsevents`` command: annotate, ingest, events, summary, explain, actors, train."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

import click
import duckdb

from newsevents.api import annotate_records, ingest
from newsevents.cli.engine import engine_options, with_engine_flags
from newsevents.cli.explain import explain_annotation
from newsevents.cli.export import export_command
from newsevents.cli.fetch import fetch_command
from newsevents.cli.options import db_option, modes_option, pipeline_options, settings_from
from newsevents.cli.progress import progress_bar
from newsevents.cli.render import EVENT_COLUMNS, write_rows, write_summary
from newsevents.cli.serve import serve_command
from newsevents.cli.train import train_command
from newsevents.errors import NewsEventsError
from newsevents.model import Article
from newsevents.output import STDOUT, check_output, replaced_at_end
from newsevents.pipeline import Pipeline
from newsevents.stages.ingest import article_from_mapping, check_inputs, parse_date, read_records
from newsevents.storage.duckdb import EventFilter, open_store

# Exit codes (docs/annotate.md): 1 is only ever `--strict` saying some line failed.
EXIT_USAGE = 2  # the user can fix it: usage, a missing file, an output refused, a full disk
EXIT_INTERNAL = 3  # a bug: please report it


class Group(click.Group):
    """Translate every error into one coded line and its exit code (traceback with --debug)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.ClickException as error:
            if error.exit_code == 1:  # click's own default; 1 belongs to --strict
                raise Failed(error.message) from error
            raise
        except (click.exceptions.Exit, click.Abort):
            raise
        except NewsEventsError as error:
            self._fail(ctx, error, error.describe(), EXIT_USAGE)
        except duckdb.IOException as error:  # the store's disk is full, or its file damaged
            first = str(error).splitlines()[0]
            self._fail(
                ctx,
                error,
                f"[NE401] the store could not be read or written ({first}); fix: {STORE_FIX}",
                EXIT_USAGE,
            )
        except OSError as error:  # a full disk, a read-only folder, a file that vanished
            where = f" ({error.filename})" if error.filename else ""
            reason = error.strerror or type(error).__name__
            self._fail(ctx, error, f"[NE701] {reason}{where}; fix: {OS_FIX}", EXIT_USAGE)
        except Exception as error:  # the last edge: a bug still ends in one line, never exit 1
            first = (str(error).splitlines() or [""])[0]
            message = f"{type(error).__name__}: {first[:200]}"
            self._fail(
                ctx, error, f"[NE900] internal error ({message}); fix: {BUG_FIX}", EXIT_INTERNAL
            )

    @staticmethod
    def _fail(ctx: click.Context, error: Exception, message: str, code: int) -> None:
        if ctx.params.get("debug"):
            raise error
        click.echo(f"error: {message}", err=True)
        ctx.exit(code)


class Failed(click.ClickException):
    """A command's own one-line failure (a missing article, counts that do not add up)."""

    exit_code = EXIT_USAGE


STORE_FIX = "free disk space and retry (the run resumes); a damaged store file: ingest again"
OS_FIX = "check the path, its permissions and the free disk space"
BUG_FIX = "rerun with --debug and report the traceback"


@click.group(cls=Group)
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.version_option(package_name="newsevents")
def cli(debug: bool) -> None:
    """Turn news articles into verifiable event data."""


@cli.command("annotate")
@click.argument("input_path", metavar="[INPUT]", required=False, default="-")
@click.option("-o", "--output", default="-", metavar="OUTPUT", help="Output file (stdout).")
@click.option(
    "--strict", is_flag=True, help="Exit 1 if any line failed; a text not in English fails."
)
@pipeline_options
def annotate_command(input_path: str, output: str, strict: bool, **flags: Any) -> None:
    """Annotate JSON Lines from INPUT (or stdin) into JSON Lines, one line per input line."""
    settings = settings_from(flags)
    check_inputs([input_path])
    if output != STDOUT:
        check_output(output, inputs=[input_path])
    pipeline = Pipeline(settings)
    records = read_records([input_path])
    lines = annotate_records(
        records, pipeline=pipeline, chunk_size=settings.batch_size, strict=strict
    )
    if output == STDOUT:
        failed = _write_lines(lines, sys.stdout)
    else:
        with (
            replaced_at_end(Path(output)) as temporary,
            temporary.open("w", encoding="utf-8") as out,
        ):
            failed = _write_lines(lines, out)
    if failed:
        click.echo(f'{failed} line(s) could not be annotated; see their "error"', err=True)
    if strict and failed:
        sys.exit(1)


def _write_lines(lines: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write the output lines; returns how many are errors."""
    failed = 0
    for line in lines:
        failed += line["status"] == "error"
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return failed


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@db_option
@pipeline_options
@engine_options
@click.option("--quiet", is_flag=True, help="No progress (the closing counts still print).")
def ingest_command(paths: tuple[str, ...], quiet: bool, **flags: Any) -> None:
    """Ingest JSONL, text, HTML and WARC files, and folders of them, into the store."""
    settings = with_engine_flags(settings_from(flags), flags)
    check_inputs(paths)  # before the store is opened: a typo must not create an empty store
    with open_store(settings.db) as store, progress_bar(paths, quiet=quiet) as advance:
        run = ingest(paths, store=store, pipeline=Pipeline(settings), progress=advance)
    click.echo(
        f"read {run.read}, stored {run.stored} ({run.duplicates} already stored), "
        f"quarantined {run.quarantined}; {run.events} events, {run.warnings} warnings "
        f"-> {settings.db}"
    )
    if run.warnings:
        click.echo(f"see them with: newsevents warnings --db {settings.db}")
    extra = run.extra
    click.echo(
        f"{extra.get('near_duplicates', 0)} near-duplicate(s), {extra.get('copies', 0)} exact "
        f"cop(ies) under other ids; {extra.get('merged_events', 0)} merged event(s) recomputed"
    )
    if not run.balanced:  # the count invariant: a broken one is a bug, never silent
        raise click.ClickException("counts do not add up; please report this")


@cli.command("events")
@db_option
@click.option("--source", help="Source actor code prefix (USA matches USAGOV).")
@click.option("--target", help="Target actor code prefix.")
@click.option("--actor", help="Either side's actor code prefix.")
@click.option("--code", help="CAMEO code prefix (04 matches 040-046).")
@click.option("--since", help="First event date, YYYY-MM-DD.")
@click.option("--until", help="Last event date, YYYY-MM-DD.")
@modes_option(default="all", what="Events listed")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="At most this many events.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table")
def events_command(
    db: str | None, limit: int | None, fmt: str, modes: tuple[str, ...] | None, **filters: Any
) -> None:
    """List stored events, filtered."""
    for name in ("since", "until"):
        if filters[name]:
            filters[name] = parse_date(filters[name])
    settings = settings_from({"db": db})
    with open_store(settings.db, read_only=True) as store:
        rows = store.events(EventFilter(**filters, modes=modes), limit=limit)
    write_rows(rows, fmt=fmt, columns=None if fmt == "jsonl" else EVENT_COLUMNS)


@cli.command("summary")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@modes_option(default="asserted", what="Events counted")
def summary_command(db: str | None, as_json: bool, modes: tuple[str, ...] | None) -> None:
    """Articles, events by CAMEO root and QuadClass, top dyads, date range."""
    settings = settings_from({"db": db})
    with open_store(settings.db, read_only=True) as store:
        summary = store.summary(modes=modes)
    if as_json:
        click.echo(json.dumps(summary, default=str, indent=2))
    else:
        write_summary(summary)


@cli.command("warnings")
@db_option
@click.option("--code", help="Only this warning code (e.g. W601).")
@click.option("--article", "article_id", help="Only this article.")
@click.option("--run", "run_id", help="Only the warnings of this run (ids in the runs table).")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table")
def warnings_command(
    db: str | None,
    code: str | None,
    article_id: str | None,
    run_id: str | None,
    limit: int,
    fmt: str,
) -> None:
    """The warnings an ingest recorded: article id, stage, code and message, with counts by code."""
    settings = settings_from({"db": db})
    with open_store(settings.db, read_only=True) as store:
        found = store.warnings(code=code, article_id=article_id, run_id=run_id)
    if fmt == "table":
        counts = Counter(row["code"] for row in found)
        click.echo(
            f"{len(found)} warning(s)"
            + (": " + ", ".join(f"{c} {n}" for c, n in counts.most_common()) if counts else "")
        )
    write_rows(found[: max(limit, 0)], fmt=fmt)


@cli.command("actors")
@db_option
@click.option("--unknown", is_flag=True, help="The most frequent actors no dictionary knows.")
@click.option("--limit", type=click.IntRange(min=0), default=20)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table")
def actors_command(db: str | None, unknown: bool, limit: int, fmt: str) -> None:
    """Top actors in the store, or (--unknown) the unresolved ones to add to a dictionary."""
    settings = settings_from({"db": db})
    with open_store(settings.db, read_only=True) as store:
        rows = store.unknown_actors(limit=limit) if unknown else store.top_actors(limit=limit)
    write_rows(rows, fmt=fmt)


@cli.command("explain")
@click.option("--id", "article_id", help="An article id in the store.")
@click.option("--text", help="A text to annotate and explain.")
@click.option("--date", help="Publication date of --text, YYYY-MM-DD.")
@db_option
@pipeline_options
def explain_command(
    article_id: str | None, text: str | None, date: str | None, **flags: Any
) -> None:
    """Each sentence with its entities, actors, dates, quotes and events, and why."""
    if bool(article_id) == bool(text):
        raise click.UsageError("give exactly one of --id or --text")
    settings = settings_from(flags)
    if article_id:
        with open_store(settings.db, read_only=True) as store:
            row = store.article(article_id)
        if row is None:
            raise click.ClickException(f"no article {article_id!r} in {settings.db}")
        article = Article(
            id=row["id"], text=row["text"], date=str(row["date"]) if row["date"] else None
        )
    else:
        # The same validation as an input record: an empty text or a bad date is a coded error.
        article = article_from_mapping({"id": "text", "text": text, "date": date})
    annotation = Pipeline(settings).annotate_one(article)
    click.echo(explain_annotation(annotation))


cli.add_command(serve_command)
cli.add_command(export_command)
cli.add_command(fetch_command)
cli.add_command(train_command)


def main() -> None:
    cli(prog_name="newsevents")
