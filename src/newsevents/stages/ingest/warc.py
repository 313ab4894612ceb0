"""Read the HTML responses of a WARC file (as written by news crawlers) with warcio."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsevents.stages.ingest.records import RawRecord

WARC_SUFFIXES = (".warc", ".warc.gz")


def is_warc(path: Path) -> bool:
    name = path.name.lower()
    return any(name.endswith(suffix) for suffix in WARC_SUFFIXES)


def iter_warc(path: Path) -> Iterator[RawRecord]:
    """Yield one HTML record per ``response`` record with an HTML payload, numbered from 1.

    The number is the record's position among all records of the file, so it stays the same
    when the file is read again (a resumed ingest finds the same records).
    """
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as handle:
        for number, record in enumerate(ArchiveIterator(handle), start=1):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if "html" not in content_type.lower():
                continue
            payload = record.content_stream().read()
            yield RawRecord(
                origin=str(path),
                line=number,
                raw=payload.decode(_charset(content_type), errors="replace"),
                kind="html",
                url=record.rec_headers.get_header("WARC-Target-URI"),
            )


def _charset(content_type: str) -> str:
    for part in content_type.split(";"):
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            return value.strip("\"'") if _known_codec(value.strip("\"'")) else "utf-8"
    return "utf-8"


def _known_codec(name: str) -> bool:
    import codecs

    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True
