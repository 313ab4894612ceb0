"""``newsevents export``: merged events as Parquet, CSV, a GDELT 2.0 table or PLOVER JSONL."""

from __future__ import annotations

import sys

import click

from newsevents.cli.options import db_option, modes_option, settings_from
from newsevents.exports import FORMATS, export, holds, readme_path, write_text
from newsevents.output import STDOUT, check_output
from newsevents.storage.duckdb import open_store


@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="Output format.")
@click.option("-o", "--output", default="-", metavar="PATH", help="Output file (stdout).")
@modes_option(default="asserted", what="Events exported")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
def export_command(
    db: str | None, fmt: str, output: str, modes: tuple[str, ...] | None, force: bool
) -> None:
    """Export merged events (one row per event, with its mentions, sources and articles)."""
    if fmt == "parquet" and output == "-":
        raise click.UsageError("Parquet needs a file: give -o PATH")
    settings = settings_from({"db": db})
    if output != STDOUT:
        check_output(output, store=settings.db, force=force)
        if fmt != "parquet":  # its README beside it is an output too
            check_output(readme_path(output), store=settings.db, force=force)
    with open_store(settings.db, read_only=True) as store:
        if output == "-":
            count = write_text(store, fmt=fmt, handle=sys.stdout, modes=modes)
        else:
            count = export(store, fmt=fmt, output=output, modes=modes)
    click.echo(f"exported {count} merged event(s) as {fmt}: {holds(modes)}", err=True)
