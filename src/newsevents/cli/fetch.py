"""``newsevents fetch URLS.txt``: download pages politely and extract them into JSON Lines."""

from __future__ import annotations

import json

import click

from newsevents.fetch import FetchOptions, fetch_pages, page_record


@click.command("fetch")
@click.argument("urls_file", metavar="URLS.txt", type=click.File("r", encoding="utf-8"))
@click.option("-o", "--output", default="-", metavar="OUTPUT", help="JSON Lines output (stdout).")
@click.option("--concurrency", type=click.IntRange(min=1), default=4, help="Parallel requests.")
@click.option(
    "--delay", type=click.FloatRange(min=0), default=1.0, help="Seconds between requests to a host."
)
@click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, help="Request timeout.")
@click.option("--retries", type=click.IntRange(min=0), default=3, help="Retries with backoff.")
def fetch_command(
    urls_file: click.File,
    output: str,
    concurrency: int,
    delay: float,
    timeout: float,
    retries: int,
) -> None:
    """Fetch each URL (obeying robots.txt) and write one record per URL for `newsevents ingest`.

    A page that could not be fetched is written with its "error" and no "text", so ingesting
    the output quarantines it instead of losing it.
    """
    options = FetchOptions(concurrency=concurrency, delay=delay, timeout=timeout, retries=retries)
    fetched = failed = 0
    with click.open_file(output, "w", encoding="utf-8") as out:
        for page in fetch_pages(urls_file, options=options):  # type: ignore[arg-type]
            out.write(json.dumps(page_record(page), ensure_ascii=False) + "\n")
            if page.html is None:
                failed += 1
                click.echo(f"failed: {page.url}: {page.error}", err=True)
            else:
                fetched += 1
    click.echo(f"fetched {fetched} page(s), {failed} failed", err=True)
