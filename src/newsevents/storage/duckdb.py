"""The embedded DuckDB store: batched Arrow inserts, idempotent by content hash, and queries."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from newsevents.errors import StoreError
from newsevents.model import MODES, Run
from newsevents.storage.rows import Rows
from newsevents.storage.schema import PRIMARY_KEYS, SCHEMAS, add_columns_sql, create_table_sql

INDEXES = (
    "CREATE INDEX IF NOT EXISTS articles_hash ON articles(hash)",
    "CREATE INDEX IF NOT EXISTS events_article ON events(article_id)",
    "CREATE INDEX IF NOT EXISTS lsh_bands_key ON lsh_bands(key)",
    "CREATE INDEX IF NOT EXISTS merged_links_dyad ON merged_event_links(source, target)",
    "CREATE INDEX IF NOT EXISTS merged_events_dyad ON merged_events(source, target)",
)
RUN_EXTRAS = ("copies", "near_duplicates", "merged_events")
# What counts, charts and exports hold unless told otherwise (issue 14): a negated, hypothetical,
# future or historical event is not something that happened on its day.
ASSERTED: tuple[str, ...] = ("asserted",)


def parse_modes(value: str | None, *, default: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """Modes from ``all`` or a comma-separated list (``asserted,negated``); None means every mode.

    Raises:
        ValueError: a name that is not a mode, with the list of modes in its message.
    """
    if value is None or not value.strip():
        return default
    names = tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))
    if names == ("all",):
        return None
    unknown = [name for name in names if name not in MODES]
    if unknown or not names:
        raise ValueError(
            f"{', '.join(unknown) or value!r} is not a mode; give all or a comma-separated list "
            f"of {', '.join(MODES)}"
        )
    return names


Tables = Mapping[str, "list[dict[str, Any]] | pa.Table"]


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters shared by the CLI, the Python API and HTTP. Actor and code filters are prefixes."""

    source: str | None = None
    target: str | None = None
    actor: str | None = None
    code: str | None = None
    root: str | None = None
    quad_class: int | None = None
    modes: tuple[str, ...] | None = None  # None: every mode
    since: str | None = None
    until: str | None = None
    q: str | None = None
    article_id: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """A parameterized WHERE clause (never string-formatted values)."""
        clauses: list[str] = []
        params: list[Any] = []
        prefix = {"source": self.source, "target": self.target, "code": self.code}
        for column, value in prefix.items():
            if value:
                clauses.append(f"{column} LIKE ? || '%'")
                params.append(value)
        if self.actor:
            clauses.append("(source LIKE ? || '%' OR target LIKE ? || '%')")
            params += [self.actor, self.actor]
        exact: dict[str, str | int | None] = {"root": self.root, "quad_class": self.quad_class}
        exact["article_id"] = self.article_id
        for column, wanted in exact.items():
            if wanted is not None and wanted != "":
                clauses.append(f"{column} = ?")
                params.append(wanted)
        if self.modes is not None:
            clauses.append(f"mode IN ({', '.join('?' for _ in self.modes) or 'NULL'})")
            params += list(self.modes)
        if self.since:
            clauses.append("day >= CAST(? AS DATE)")
            params.append(self.since)
        if self.until:
            clauses.append("day <= CAST(? AS DATE)")
            params.append(self.until)
        if self.q:
            clauses.append("sentence_text ILIKE '%' || ? || '%'")
            params.append(self.q)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


class DuckDBStore:
    """A newsevents store in one DuckDB file."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        if read_only and not Path(self.path).exists():
            raise StoreError(
                f"no store at {self.path}",
                fix="run `newsevents ingest FILE --db PATH` first, or pass the right --db",
            )
        try:
            self.connection = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as error:
            raise StoreError(
                f"cannot open the store {self.path}: {error}",
                fix="check the path, and that no other process is writing to it",
            ) from error
        if not read_only:
            self._create()

    def _create(self) -> None:
        for name in SCHEMAS:
            self.connection.execute(create_table_sql(name))
        for statement in add_columns_sql("runs"):  # runs gained columns with issue 7
            self.connection.execute(statement)
        for statement in INDEXES:
            self.connection.execute(statement)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> DuckDBStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------------

    def known_hashes(self, hashes: list[str]) -> dict[str, str]:
        """Map each already stored content hash to its article id."""
        if not hashes:
            return {}
        rows = self.connection.execute(
            "SELECT hash, id FROM articles WHERE hash IN (SELECT unnest(?))", [hashes]
        ).fetchall()
        return {row[0]: row[1] for row in rows}

    def known_ids(self, ids: list[str]) -> dict[str, str]:
        """Map each already stored article id to its content hash."""
        if not ids:
            return {}
        rows = self.connection.execute(
            "SELECT id, hash FROM articles WHERE id IN (SELECT unnest(?))", [ids]
        ).fetchall()
        return {row[0]: row[1] for row in rows}

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All statements inside commit together or not at all (a crash rolls them back)."""
        self.connection.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def write(self, rows: Rows | Tables) -> None:
        """Insert rows (dicts or Arrow tables) of every table in one all-or-nothing transaction."""
        with self.transaction():
            for name, table_rows in rows.items():
                self.insert(name, table_rows)

    def insert(self, name: str, table_rows: list[dict[str, Any]] | pa.Table) -> None:
        """Insert into ``name`` in the caller's transaction; rows with a stored key are skipped."""
        if not len(table_rows):
            return
        schema = SCHEMAS[name]
        if isinstance(table_rows, pa.Table):
            table = table_rows.select(schema.names).cast(schema)
        else:
            table = pa.Table.from_pylist(table_rows, schema=schema)
        columns = ", ".join(f'"{field}"' for field in schema.names)
        verb = "INSERT OR IGNORE" if name in PRIMARY_KEYS else "INSERT"
        self.connection.register("_batch", table)
        try:
            self.connection.execute(f"{verb} INTO {name} ({columns}) SELECT {columns} FROM _batch")
        finally:
            self.connection.unregister("_batch")

    def fingerprints_sharing(self, keys: list[int]) -> list[tuple[str, bytes, int, str]]:
        """Stored (article id, signature, shingles, story id) of articles sharing an LSH key."""
        if not keys:
            return []
        rows = self.connection.execute(
            "SELECT f.article_id, f.signature, f.shingles, s.story_id FROM fingerprints f "
            "JOIN stories s USING (article_id) WHERE f.article_id IN "
            "(SELECT DISTINCT article_id FROM lsh_bands WHERE key IN (SELECT unnest(?)))",
            [keys],
        ).fetchall()
        return [(row[0], bytes(row[1]), int(row[2]), row[3]) for row in rows]

    def record_run(self, run_id: str, run: Run, *, started: datetime, finished: datetime) -> None:
        self.write(
            {
                "runs": [
                    {
                        "run_id": run_id,
                        "started_at": started,
                        "finished_at": finished,
                        "read": run.read,
                        "stored": run.stored,
                        "duplicates": run.duplicates,
                        "quarantined": run.quarantined,
                        "events": run.events,
                        "warnings": run.warnings,
                        **{name: run.extra.get(name, 0) for name in RUN_EXTRAS},
                    }
                ]
            }
        )

    # --- reading -------------------------------------------------------------------------

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Run a parameterized query and return rows as dicts."""
        cursor = self.connection.execute(sql, params or [])
        names = [column[0] for column in cursor.description or []]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def events(
        self, event_filter: EventFilter | None = None, *, limit: int | None = None
    ) -> list[dict[str, Any]]:
        where, params = (event_filter or EventFilter()).where()
        sql = f"SELECT * FROM events{where} ORDER BY day NULLS LAST, article_id, idx"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return self.query(sql, params)

    def count(self, table: str) -> int:
        if table not in SCHEMAS:
            raise StoreError(f"unknown table {table!r}", fix=f"use one of {sorted(SCHEMAS)}")
        row = self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def summary(self, *, top: int = 10, modes: tuple[str, ...] | None = ASSERTED) -> dict[str, Any]:
        """Counts, events by root and QuadClass, top dyads and the date range.

        The breakdowns count events of ``modes`` (asserted by default; None for every mode);
        ``by_mode`` always shows every mode, so what was left out is visible.
        """
        where, params = EventFilter(modes=modes).where()
        both = f"{where} AND " if where else " WHERE "
        first, last = self.connection.execute(
            f"SELECT min(day), max(day) FROM events{where}", params
        ).fetchone() or (None, None)
        return {
            "articles": self.count("articles"),
            "events": self.count("events"),
            "modes": list(modes) if modes is not None else ["all"],
            "counted": self.query(f"SELECT count(*) AS n FROM events{where}", params)[0]["n"],
            "quotes": self.count("quotes"),
            "entities": self.count("entities"),
            "timexes": self.count("timexes"),
            "quarantined": self.count("quarantine"),
            "not_english": self._not_english(),
            "languages": self.query(
                "SELECT coalesce(language, 'und') AS language, count(*) AS articles "
                "FROM articles GROUP BY ALL ORDER BY articles DESC, language"
            ),
            "date_range": [str(first) if first else None, str(last) if last else None],
            "by_root": self.query(
                f"SELECT root, count(*) AS events FROM events{where} GROUP BY root ORDER BY root",
                params,
            ),
            "by_quad_class": self.query(
                "SELECT quad_class, count(*) AS events, round(avg(goldstein), 2) AS goldstein "
                f"FROM events{where} GROUP BY quad_class ORDER BY quad_class",
                params,
            ),
            "by_mode": self.query(
                "SELECT mode, count(*) AS events FROM events GROUP BY mode ORDER BY events DESC"
            ),
            "top_dyads": self.query(
                f"SELECT source, target, count(*) AS events FROM events{both}"
                "source IS NOT NULL AND target IS NOT NULL "
                "GROUP BY source, target ORDER BY events DESC, source, target LIMIT ?",
                [*params, top],
            ),
        }

    def _not_english(self) -> int:
        """Articles not coded because their text is in another language (warning W002)."""
        row = self.connection.execute(
            "SELECT count(DISTINCT article_id) FROM problems WHERE code = 'W002'"
        ).fetchone()
        return int(row[0]) if row else 0

    def warnings(
        self, *, code: str | None = None, article_id: str | None = None, run_id: str | None = None
    ) -> list[dict[str, Any]]:
        """Warnings recorded with the stored articles (each article is stored once, so its
        warnings are too), optionally of one code, article or run."""
        clauses, params = ["severity = 'warning'"], []
        for column, value in (("code", code), ("article_id", article_id), ("run_id", run_id)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        return self.query(
            'SELECT article_id, stage, code, message, start, "end", run_id FROM problems '
            f"WHERE {' AND '.join(clauses)} ORDER BY article_id, start NULLS FIRST, code",
            params,
        )

    def unknown_actors(self, *, limit: int = 20) -> list[dict[str, Any]]:
        """The most frequent actor mentions that no dictionary resolved."""
        return self.query(
            "SELECT text, label, count(*) AS mentions, count(DISTINCT article_id) AS articles "
            "FROM entities WHERE actor IS NULL AND label IN ('PERSON', 'ORG', 'NORP', 'GPE', "
            "'AGENT') GROUP BY text, label ORDER BY mentions DESC, text LIMIT ?",
            [limit],
        )

    def top_actors(self, *, limit: int = 20) -> list[dict[str, Any]]:
        return self.query(
            "SELECT actor, count(*) AS mentions, count(DISTINCT article_id) AS articles, "
            "min(text) AS example FROM entities WHERE actor IS NOT NULL "
            "GROUP BY actor ORDER BY mentions DESC, actor LIMIT ?",
            [limit],
        )

    def article(self, article_id: str) -> dict[str, Any] | None:
        rows = self.query("SELECT * FROM articles WHERE id = ?", [article_id])
        return rows[0] if rows else None


def open_store(path: str | Path, *, read_only: bool = False) -> DuckDBStore:
    """Open (creating if needed) the store at ``path``."""
    return DuckDBStore(path, read_only=read_only)
