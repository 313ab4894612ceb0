"""Ingest: read input records (JSON Lines, text, HTML, WARC, stdin) and validate them."""

from __future__ import annotations

from newsevents.stages.ingest.readers import (
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    TEXT_SUFFIXES,
    check_inputs,
    count_records,
    is_input_file,
    iter_input_files,
    read_records,
)
from newsevents.stages.ingest.records import (
    OPTIONAL_FIELDS,
    RawRecord,
    Rejected,
    article_from_mapping,
    parse_date,
    replaced_bytes_warning,
    validate_record,
)
from newsevents.stages.ingest.warc import WARC_SUFFIXES, iter_warc

__all__ = [
    "HTML_SUFFIXES",
    "JSONL_SUFFIXES",
    "OPTIONAL_FIELDS",
    "TEXT_SUFFIXES",
    "WARC_SUFFIXES",
    "RawRecord",
    "Rejected",
    "article_from_mapping",
    "check_inputs",
    "count_records",
    "is_input_file",
    "iter_input_files",
    "iter_warc",
    "parse_date",
    "read_records",
    "replaced_bytes_warning",
    "validate_record",
]
