"""The ``newsevents serve`` command: the HTTP API and dashboard on uvicorn."""

from __future__ import annotations

import click

from newsevents.cli.options import db_option, settings_from

DEFAULT_PORT = 8765  # issue 8


@click.command("serve")
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to bind; the default keeps the server on this machine.",
)
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True)
@click.option(
    "--allow-sql", is_flag=True, help="Allow read-only SQL queries at /api/sql (with a time limit)."
)
def serve_command(db: str | None, host: str, port: int, allow_sql: bool) -> None:
    """Serve the JSON API and the dashboard over a store, read-only."""
    # Imported here so that the other commands never pay for loading FastAPI and uvicorn.
    import uvicorn

    from newsevents.web.app import create_app

    settings = settings_from({"db": db})
    app = create_app(settings.db, allow_sql=allow_sql)
    click.echo(f"serving {settings.db} (read-only) at http://{host}:{port}/  (API docs: /docs)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
