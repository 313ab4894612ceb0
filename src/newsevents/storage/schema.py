"""One Arrow schema per stored table; DuckDB tables are created from them."""

from __future__ import annotations

import pyarrow as pa

S, INT, F = pa.string(), pa.int64(), pa.float64()

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("id", S),
            ("hash", S),
            ("text", S),
            ("date", pa.date32()),
            ("date_inferred", S),
            ("title", S),
            ("source", S),
            ("url", S),
            ("language", S),
            ("n_sentences", INT),
            ("n_events", INT),
            ("run_id", S),
        ]
    ),
    "sentences": pa.schema(
        [("article_id", S), ("idx", INT), ("start", INT), ("end", INT), ("text", S)]
    ),
    "entities": pa.schema(
        [
            ("article_id", S),
            ("idx", INT),
            ("start", INT),
            ("end", INT),
            ("text", S),
            ("label", S),
            ("actor", S),
            ("sentence", INT),
            ("rule", S),
            ("antecedent", INT),
            ("wikidata", S),
        ]
    ),
    "timexes": pa.schema(
        [
            ("article_id", S),
            ("idx", INT),
            ("start", INT),
            ("end", INT),
            ("text", S),
            ("type", S),
            ("value", S),
            ("sentence", INT),
            ("rule", S),
        ]
    ),
    "events": pa.schema(
        [
            ("id", S),
            ("article_id", S),
            ("idx", INT),
            ("source", S),
            ("target", S),
            ("code", S),
            ("root", S),
            ("quad_class", INT),
            ("goldstein", F),
            ("plover", S),
            ("mode", S),
            ("sentence", INT),
            ("start", INT),
            ("end", INT),
            ("rule", S),
            ("source_text", S),
            ("target_text", S),
            ("date", S),
            ("date_precision", S),
            ("date_text", S),
            ("day", pa.date32()),
            ("location_name", S),
            ("location_country", S),
            ("location_lat", F),
            ("location_lon", F),
            ("quote", INT),
            ("evidence", pa.list_(INT)),
            ("trigger_start", INT),
            ("trigger_end", INT),
            ("class_score", F),
            ("sentence_text", S),
        ]
    ),
    "quotes": pa.schema(
        [
            ("id", S),
            ("article_id", S),
            ("idx", INT),
            ("start", INT),
            ("end", INT),
            ("text", S),
            ("kind", S),
            ("speaker", S),
            ("speaker_start", INT),
            ("speaker_end", INT),
            ("speaker_actor", S),
            ("sentence", INT),
            ("verb", S),
            ("event", INT),
        ]
    ),
    "refs": pa.schema(
        [
            ("article_id", S),
            ("idx", INT),
            ("start", INT),
            ("end", INT),
            ("text", S),
            ("kind", S),
            ("ref_id", S),
        ]
    ),
    "problems": pa.schema(
        [
            ("article_id", S),
            ("stage", S),
            ("code", S),
            ("message", S),
            ("severity", S),
            ("start", INT),
            ("end", INT),
            ("run_id", S),
        ]
    ),
    "quarantine": pa.schema(
        [
            ("id", S),
            ("record_id", S),
            ("origin", S),
            ("line", INT),
            ("raw", S),
            ("code", S),
            ("message", S),
            ("run_id", S),
        ]
    ),
    "runs": pa.schema(
        [
            ("run_id", S),
            ("started_at", pa.timestamp("us")),
            ("finished_at", pa.timestamp("us")),
            ("read", INT),
            ("stored", INT),
            ("duplicates", INT),
            ("quarantined", INT),
            ("events", INT),
            ("warnings", INT),
            # Added by issue 7; older stores gain them on open (see add_columns_sql).
            ("copies", INT),
            ("near_duplicates", INT),
            ("merged_events", INT),
        ]
    ),
}

# Corpus-scale tables (issue 7): near-duplicate stories, exact copies, and events merged across
# articles. Their rows are derived in the driver, never in a worker (see docs/scale.md).
SCHEMAS.update(
    {
        "fingerprints": pa.schema(
            [("article_id", S), ("shingles", INT), ("signature", pa.binary()), ("run_id", S)]
        ),
        "lsh_bands": pa.schema([("key", INT), ("article_id", S)]),
        "stories": pa.schema(
            [("article_id", S), ("story_id", S), ("similarity", F), ("run_id", S)]
        ),
        "copies": pa.schema(
            [
                ("id", S),
                ("article_id", S),
                ("hash", S),
                ("title", S),
                ("source", S),
                ("url", S),
                ("date", pa.date32()),
                ("origin", S),
                ("line", INT),
                ("run_id", S),
            ]
        ),
        "merged_events": pa.schema(
            [
                ("id", S),
                ("source", S),
                ("target", S),
                ("code", S),
                ("root", S),
                ("quad_class", INT),
                ("goldstein", F),
                ("plover", S),
                ("mode", S),
                ("day", pa.date32()),
                ("date", S),
                ("date_precision", S),
                ("last_day", pa.date32()),
                ("location_name", S),
                ("location_country", S),
                ("location_lat", F),
                ("location_lon", F),
                ("num_mentions", INT),
                ("num_sources", INT),
                ("num_articles", INT),
                ("num_stories", INT),
                ("first_report", pa.date32()),
                ("last_report", pa.date32()),
                ("first_article_id", S),
                ("source_url", S),
                ("evidence", pa.list_(S)),
            ]
        ),
        "merged_event_links": pa.schema(
            [("event_id", S), ("merged_id", S), ("article_id", S), ("source", S), ("target", S)]
        ),
        "merge_pending": pa.schema([("source", S), ("target", S)]),
    }
)

PRIMARY_KEYS = {
    "articles": "id",
    "quarantine": "id",
    "runs": "run_id",
    "fingerprints": "article_id",
    "stories": "article_id",
    "copies": "id",
}

_DUCKDB_TYPES = {
    pa.string(): "VARCHAR",
    pa.int64(): "BIGINT",
    pa.float64(): "DOUBLE",
    pa.date32(): "DATE",
    pa.timestamp("us"): "TIMESTAMP",
    pa.list_(pa.int64()): "BIGINT[]",
    pa.list_(pa.string()): "VARCHAR[]",
    pa.binary(): "BLOB",
}


def create_table_sql(name: str) -> str:
    """DDL for ``name`` from its Arrow schema."""
    columns = [f'"{field.name}" {_DUCKDB_TYPES[field.type]}' for field in SCHEMAS[name]]
    if name in PRIMARY_KEYS:
        columns.append(f'PRIMARY KEY ("{PRIMARY_KEYS[name]}")')
    return f"CREATE TABLE IF NOT EXISTS {name} ({', '.join(columns)})"


def add_columns_sql(name: str) -> list[str]:
    """DDL that adds columns introduced after a store was created (a no-op when present)."""
    return [
        f'ALTER TABLE {name} ADD COLUMN IF NOT EXISTS "{field.name}" {_DUCKDB_TYPES[field.type]}'
        for field in SCHEMAS[name]
        if field.name not in PRIMARY_KEYS.get(name, "")
    ]
