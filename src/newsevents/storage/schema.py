"""One Arrow schema per stored table; DuckDB tables are created from them."""

from __future__ import annotations

import pyarrow as pa

S, I, F = pa.string(), pa.int64(), pa.float64()

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
            ("n_sentences", I),
            ("n_events", I),
            ("run_id", S),
        ]
    ),
    "sentences": pa.schema(
        [("article_id", S), ("idx", I), ("start", I), ("end", I), ("text", S)]
    ),
    "entities": pa.schema(
        [
            ("article_id", S),
            ("idx", I),
            ("start", I),
            ("end", I),
            ("text", S),
            ("label", S),
            ("actor", S),
            ("sentence", I),
            ("rule", S),
            ("antecedent", I),
            ("wikidata", S),
        ]
    ),
    "timexes": pa.schema(
        [
            ("article_id", S),
            ("idx", I),
            ("start", I),
            ("end", I),
            ("text", S),
            ("type", S),
            ("value", S),
            ("sentence", I),
            ("rule", S),
        ]
    ),
    "events": pa.schema(
        [
            ("id", S),
            ("article_id", S),
            ("idx", I),
            ("source", S),
            ("target", S),
            ("code", S),
            ("root", S),
            ("quad_class", I),
            ("goldstein", F),
            ("plover", S),
            ("mode", S),
            ("sentence", I),
            ("start", I),
            ("end", I),
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
            ("quote", I),
            ("evidence", pa.list_(I)),
            ("trigger_start", I),
            ("trigger_end", I),
            ("sentence_text", S),
        ]
    ),
    "quotes": pa.schema(
        [
            ("id", S),
            ("article_id", S),
            ("idx", I),
            ("start", I),
            ("end", I),
            ("text", S),
            ("kind", S),
            ("speaker", S),
            ("speaker_start", I),
            ("speaker_end", I),
            ("speaker_actor", S),
            ("sentence", I),
            ("verb", S),
            ("event", I),
        ]
    ),
    "refs": pa.schema(
        [
            ("article_id", S),
            ("idx", I),
            ("start", I),
            ("end", I),
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
            ("start", I),
            ("end", I),
            ("run_id", S),
        ]
    ),
    "quarantine": pa.schema(
        [
            ("id", S),
            ("record_id", S),
            ("origin", S),
            ("line", I),
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
            ("read", I),
            ("stored", I),
            ("duplicates", I),
            ("quarantined", I),
            ("events", I),
            ("warnings", I),
        ]
    ),
}

PRIMARY_KEYS = {"articles": "id", "quarantine": "id", "runs": "run_id"}

_DUCKDB_TYPES = {
    pa.string(): "VARCHAR",
    pa.int64(): "BIGINT",
    pa.float64(): "DOUBLE",
    pa.date32(): "DATE",
    pa.timestamp("us"): "TIMESTAMP",
    pa.list_(pa.int64()): "BIGINT[]",
}


def create_table_sql(name: str) -> str:
    """DDL for ``name`` from its Arrow schema."""
    columns = [f'"{field.name}" {_DUCKDB_TYPES[field.type]}' for field in SCHEMAS[name]]
    if name in PRIMARY_KEYS:
        columns.append(f'PRIMARY KEY ("{PRIMARY_KEYS[name]}")')
    return f"CREATE TABLE IF NOT EXISTS {name} ({', '.join(columns)})"
