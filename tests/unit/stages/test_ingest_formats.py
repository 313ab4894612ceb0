"""Reading web pages: HTML files via trafilatura, WARC response records via warcio."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsevents.model import Article
from newsevents.stages.ingest import (
    Rejected,
    count_records,
    iter_input_files,
    read_records,
    validate_record,
)

PARAGRAPHS = (
    "Foreign ministers of the Association of Southeast Asian Nations met in Singapore on "
    "Thursday and called for the full denuclearization of the Korean Peninsula.",
    "The ministers welcomed the summit held in June between the leaders of the United States "
    "and North Korea, and urged both sides to keep talking.",
    "Officials said the group would return to the subject at its next meeting in Bangkok.",
)


def page(title: str, published: str | None, paragraphs: tuple[str, ...] = PARAGRAPHS) -> str:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (
        f"<html><head><title>{title}</title>{meta}"
        '<meta property="og:site_name" content="Example Wire"></head>'
        f"<body><nav>Home | World | Asia</nav><article><h1>{title}</h1>{body}</article>"
        "<footer>All rights reserved</footer></body></html>"
    )


def _warc(path: Path, pages: list[tuple[str, str, str]]) -> None:
    """A WARC with a warcinfo record, then a response per (url, content type, body)."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.suffix == ".gz")
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for url, content_type, body in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body.encode("utf-8")), http_headers=headers
            )
            writer.write_record(record)


@pytest.fixture(scope="module")
def html_article(tmp_path_factory: pytest.TempPathFactory) -> Article:
    path = tmp_path_factory.mktemp("html") / "asean.html"
    path.write_text(page("ASEAN ministers back Korean talks", "2018-08-02T09:00:00Z"))
    (record,) = read_records([path])
    article = validate_record(record)
    assert isinstance(article, Article)
    return article


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("title", "ASEAN ministers back Korean talks"),
        ("date", "2018-08-02"),
        ("source", "Example Wire"),
    ],
)
def test_html_metadata_is_extracted(html_article: Article, field: str, expected: str) -> None:
    assert getattr(html_article, field) == expected


@pytest.mark.parametrize("boilerplate", ["Home | World", "All rights reserved"])
def test_html_boilerplate_is_left_out(html_article: Article, boilerplate: str) -> None:
    assert boilerplate not in html_article.text


def test_html_main_text_is_kept(html_article: Article) -> None:
    assert all(paragraph in html_article.text for paragraph in PARAGRAPHS)


def test_html_page_without_main_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title></head><body></body></html>")
    (record,) = read_records([path])
    result = validate_record(record)
    assert isinstance(result, Rejected) and result.problem.code == "NE106"


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_yields_html_responses_with_their_urls(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    _warc(
        path,
        [
            ("https://news.example.org/asean", "text/html; charset=utf-8", page("A", "2018-08-02")),
            ("https://news.example.org/logo.png", "image/png", "PNG"),
            ("https://news.example.org/ties", "text/html", page("B", "2018-08-03")),
        ],
    )
    records = list(read_records([path]))
    assert [record.url for record in records] == [
        "https://news.example.org/asean",
        "https://news.example.org/ties",
    ]
    articles = [validate_record(record) for record in records]
    assert [a.date for a in articles if isinstance(a, Article)] == ["2018-08-02", "2018-08-03"]


def test_warc_record_numbers_are_stable_positions(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    _warc(path, [("https://a.example/1", "text/html", page("A", None))] * 2)
    assert [record.line for record in read_records([path])] == [2, 3]


def test_folders_include_html_and_warc_files(tmp_path: Path) -> None:
    for name in ("a.html", "b.htm", "c.warc.gz", "d.jsonl", "e.txt", "f.png", "g.gz"):
        (tmp_path / name).write_text("x")
    names = [path.name for path in iter_input_files([tmp_path])]
    assert names == ["a.html", "b.htm", "c.warc.gz", "d.jsonl", "e.txt"]


def test_count_records_counts_pages_and_every_line(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(page("A", None))
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n')
    assert count_records([tmp_path]) == 4  # the blank line is a record too (issue 12)


def test_count_records_is_unknown_for_warc(tmp_path: Path) -> None:
    _warc(tmp_path / "c.warc", [])
    assert count_records([tmp_path]) is None


@pytest.mark.parametrize("name", ["published", "date_publish", "datePublished"])
def test_common_publication_date_fields_are_read(name: str) -> None:
    record = read_records(["-"], stdin=io.StringIO(json.dumps({"text": "x", name: "2019-11-25"})))
    article = validate_record(next(record))
    assert isinstance(article, Article) and article.date == "2019-11-25"


def test_date_field_wins_over_its_aliases() -> None:
    line = json.dumps({"text": "x", "date": "2019-11-25", "published": "2001-01-01"})
    article = validate_record(next(read_records(["-"], stdin=io.StringIO(line))))
    assert isinstance(article, Article) and article.date == "2019-11-25"
