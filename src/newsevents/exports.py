"""Export merged events: Parquet or CSV (our schema), GDELT 2.0 event table, PLOVER JSON Lines.

Every format has one row per merged event (``merged_events``; see docs/exports.md), so a report
repeated by many articles is one row with its counts, as in GDELT.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from newsevents.dictionaries.cameo import cameo_code
from newsevents.errors import ExportError, NewsEventsError
from newsevents.output import replaced_at_end
from newsevents.storage.duckdb import ASSERTED, DuckDBStore, EventFilter
from newsevents.storage.schema import SCHEMAS

FORMATS = ("parquet", "csv", "gdelt", "plover")
MERGED_COLUMNS = tuple(SCHEMAS["merged_events"].names)
BATCH_ROWS = 10_000  # rows fetched at a time, so an export's memory does not grow with the store

# The GDELT 2.0 event table's 61 columns, in order (GDELT 2.0 Event Codebook).
ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
GEO_FIELDS = (
    "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID",
)  # fmt: skip
GDELT_COLUMNS = (
    *("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"),
    *(f"Actor1{name}" for name in ACTOR_FIELDS),
    *(f"Actor2{name}" for name in ACTOR_FIELDS),
    *("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass"),
    *("GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"),
    *(f"{actor}Geo_{name}" for actor in ("Actor1", "Actor2", "Action") for name in GEO_FIELDS),
    *("DATEADDED", "SOURCEURL"),
)
# Ours, after GDELT's: what GDELT has no column for.
EXTRA_COLUMNS = (
    "newsevents_id", "plover", "mode", "date_precision", "last_day", "first_report",
    "last_report", "num_stories", "action_country_iso3", "evidence",
)  # fmt: skip
# CAMEO actor type codes (CAMEO manual, ch. 2): the 3-letter chunks after the country code.
ACTOR_TYPES = frozenset(
    {
        "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM",
        "CVL", "IGO", "NGO", "IMG", "INS", "LAB", "LEG", "REF", "SEP", "UAF", "AGR", "ELI",
        "ENV", "HLH", "HRI", "MNC", "NGM", "RAD", "SET", "MOD",
    }
)  # fmt: skip
# Known groups follow IGO/NGO/MNC types (IGOUNO: the United Nations).
GROUP_TYPES = frozenset({"IGO", "NGO", "MNC", "NGM", "IMG"})


def merged_batches(
    store: DuckDBStore, *, modes: tuple[str, ...] | None = ASSERTED
) -> Iterator[pa.RecordBatch]:
    """The merged events of ``modes`` (None: every mode), by day and id, as Arrow batches."""
    columns = ", ".join(f'"{name}"' for name in MERGED_COLUMNS)
    where, params = EventFilter(modes=modes).where()
    relation = store.connection.sql(
        f"SELECT {columns} FROM merged_events{where} ORDER BY day NULLS LAST, id", params=params
    )
    reader: pa.RecordBatchReader = relation.to_arrow_reader(BATCH_ROWS)
    yield from reader


def _rows(store: DuckDBStore, modes: tuple[str, ...] | None) -> Iterator[dict[str, Any]]:
    for batch in merged_batches(store, modes=modes):
        yield from batch.to_pylist()


def holds(modes: tuple[str, ...] | None) -> str:
    """What an export holds, for its header, metadata and README."""
    chosen = "every mode" if modes is None else "mode " + ", ".join(modes)
    return (
        f"newsevents merged events, {chosen}; dates at their precision "
        "(column date_precision: day, month or year)"
    )


def export(
    store: DuckDBStore,
    *,
    fmt: str,
    output: str | Path,
    modes: tuple[str, ...] | None = ASSERTED,
) -> int:
    """Write the merged events of ``modes`` to ``output`` in ``fmt``; returns the number of rows.

    Text formats get a README beside them (``OUTPUT.README.txt``) saying what they hold; Parquet
    carries it in its metadata (key ``newsevents``).
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}", fix=f"use one of {', '.join(FORMATS)}")
    # Written beside ``output`` and renamed at the end: a failed export leaves the old file.
    with replaced_at_end(Path(output)) as temporary:
        if fmt == "parquet":
            return _parquet(store, temporary, modes)
        with temporary.open("w", encoding="utf-8", newline="") as handle:
            count = write_text(store, fmt=fmt, handle=handle, modes=modes)
    with replaced_at_end(readme_path(output)) as temporary:
        temporary.write_text(readme(fmt, modes, count), encoding="utf-8")
    return count


def readme_path(output: str | Path) -> Path:
    """Where a text export's README goes: beside it (Parquet carries it in its metadata)."""
    return Path(f"{output}.README.txt")


def readme(fmt: str, modes: tuple[str, ...] | None, count: int) -> str:
    """The README written beside a text export."""
    return (
        f"{holds(modes)}.\n{count} row(s), format {fmt}, one row per merged event.\n"
        "Columns and conventions: docs/exports.md of newsevents. A date of month precision is "
        "written as YYYY-MM and of year precision as YYYY; in the GDELT format SQLDATE and "
        "FractionDate are left empty for them and MonthYear/Year carry what is known.\n"
    )


def write_text(
    store: DuckDBStore,
    *,
    fmt: str,
    handle: TextIO,
    modes: tuple[str, ...] | None = ASSERTED,
) -> int:
    """Write CSV, GDELT (tab-separated, with a header) or PLOVER JSON Lines to ``handle``."""
    count = 0
    if fmt == "plover":
        for row in _rows(store, modes):
            handle.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
            count += 1
        return count
    gdelt = fmt == "gdelt"
    writer = csv.writer(handle, delimiter="\t" if gdelt else ",", lineterminator="\n")
    writer.writerow(GDELT_COLUMNS + EXTRA_COLUMNS if gdelt else MERGED_COLUMNS)
    for row in _rows(store, modes):
        writer.writerow(gdelt_row(row) if gdelt else [_cell(row[name]) for name in MERGED_COLUMNS])
        count += 1
    return count


def _parquet(store: DuckDBStore, path: Path, modes: tuple[str, ...] | None) -> int:
    count = 0
    schema = SCHEMAS["merged_events"].with_metadata({"newsevents": holds(modes)})
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        for batch in merged_batches(store, modes=modes):
            writer.write_batch(batch.cast(SCHEMAS["merged_events"]))
            count += batch.num_rows
    return count


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(item) for item in value)
    return str(value)


def split_actor(code: str | None) -> dict[str, str]:
    """GDELT's actor attributes from a CAMEO actor code (USAGOV, IGOUNO, PRKMIL)."""
    if not code:
        return {}
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    fields = {"Code": code}
    if chunks[0] not in ACTOR_TYPES:
        fields["CountryCode"] = chunks[0]
        chunks = chunks[1:]
    types = [chunk for chunk in chunks if chunk in ACTOR_TYPES]
    for number, chunk in enumerate(types[:3], start=1):
        fields[f"Type{number}Code"] = chunk
    groups = [after for before, after in pairwise(chunks) if before in GROUP_TYPES]
    if groups and groups[0] not in ACTOR_TYPES:
        fields["KnownGroupCode"] = groups[0]
    return fields


def gdelt_row(row: dict[str, Any]) -> list[str]:
    """One GDELT 2.0 event-table line (the columns we can fill; the others empty) plus ours."""
    values: dict[str, Any] = {"GLOBALEVENTID": int(row["id"][:15], 16)}
    values.update(gdelt_dates(row["day"], row.get("date_precision")))
    for side, column in (("Actor1", "source"), ("Actor2", "target")):
        values.update({f"{side}{k}": v for k, v in split_actor(row[column]).items()})
    code = row["code"]
    values.update(
        IsRootEvent=1,  # every merged event has a lead report (GDELT: event in lead paragraph)
        EventCode=code,
        EventBaseCode=code[:3],
        EventRootCode=row["root"],
        QuadClass=row["quad_class"],
        GoldsteinScale=row["goldstein"],
        NumMentions=row["num_mentions"],
        NumSources=row["num_sources"],
        NumArticles=row["num_articles"],
        SOURCEURL=row["source_url"],
    )
    if row["last_report"]:
        values["DATEADDED"] = row["last_report"].strftime("%Y%m%d") + "000000"
    if row["location_name"] or row["location_lat"] is not None:
        # GDELT geo types: 1 country, 4 world city; country codes there are FIPS, not ours.
        is_country = row["location_lat"] is None
        values.update(
            ActionGeo_Type=1 if is_country else 4,
            ActionGeo_FullName=row["location_name"],
            ActionGeo_Lat=row["location_lat"],
            ActionGeo_Long=row["location_lon"],
        )
    extra = {
        "newsevents_id": row["id"],
        "plover": row["plover"],
        "mode": row["mode"],
        "date_precision": row.get("date_precision"),
        "last_day": row["last_day"],
        "first_report": row["first_report"],
        "last_report": row["last_report"],
        "num_stories": row["num_stories"],
        "action_country_iso3": row["location_country"],
        "evidence": row["evidence"],
    }
    return [_cell(values.get(name)) for name in GDELT_COLUMNS] + [
        _cell(extra[name]) for name in EXTRA_COLUMNS
    ]


def gdelt_dates(day: date | None, precision: str | None) -> dict[str, Any]:
    """GDELT's date columns at the date's precision: a month or a year is never a first day.

    GDELT has a column per precision (SQLDATE, MonthYear, Year); a date known to the month fills
    MonthYear and Year and leaves SQLDATE and FractionDate empty, a year fills Year alone.
    """
    if day is None:
        return {}
    values: dict[str, Any] = {"Year": day.year}
    if precision in ("day", "month", None):
        values["MonthYear"] = day.strftime("%Y%m")
    if precision in ("day", None):
        fraction = day.year + (day.timetuple().tm_yday - 1) / 365
        values.update(SQLDATE=day.strftime("%Y%m%d"), FractionDate=f"{fraction:.4f}")
    return values


def _plover_actor(code: str | None) -> list[dict[str, str]] | str:
    if not code:
        return ""
    fields = split_actor(code)
    actor = {"code": fields.get("CountryCode") or code[:3]}
    sector = fields.get("Type1Code")
    if sector and sector != actor["code"]:
        actor["sector"] = sector
    return [actor]


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER JSON record (field names of the PLOVER data format); ours under ``newsevents``."""
    try:
        plover_mode = cameo_code(row["code"]).plover_mode or ""
    except NewsEventsError:
        plover_mode = ""
    return {
        "id": row["id"],
        "date": row.get("date") or (_iso(row["day"]) or ""),
        "source": _plover_actor(row["source"]),
        "target": _plover_actor(row["target"]),
        "event": row["plover"] or "",
        "mode": plover_mode,
        "context": "",
        "language": "en",
        "newsevents": {
            "cameo": row["code"],
            "source": row["source"],
            "target": row["target"],
            "mode": row["mode"],
            "date_precision": row.get("date_precision"),
            "goldstein": row["goldstein"],
            "quad_class": row["quad_class"],
            "num_mentions": row["num_mentions"],
            "num_sources": row["num_sources"],
            "num_articles": row["num_articles"],
            "first_report": _iso(row["first_report"]),
            "last_report": _iso(row["last_report"]),
            "location": row["location_name"],
            "location_country": row["location_country"],
            "lat": row["location_lat"],
            "lon": row["location_lon"],
            "source_url": row["source_url"],
            "evidence": row["evidence"],
        },
    }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
