"""The JSON API through the real app, in process, over a hand-made store."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from fastapi.testclient import TestClient
from web_store import SANCTIONS, SUMMIT, build_store

from newsevents.web import create_app
from newsevents.web.app import SQL_MEMORY_LIMIT
from newsevents.web.params import MAX_LIMIT

ALL_BY_DATE = ["1041", "163", "112", "138", "040", "057", "010", "046"]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "web.duckdb")


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_path)) as client:
        yield client


@pytest.fixture(scope="module")
def sql_client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_path, allow_sql=True)) as client:
        yield client


def codes(client: TestClient, **params: Any) -> list[str]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return [event["code"] for event in response.json()["events"]]


def error_of(response: Any) -> dict[str, Any]:
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == response.status_code
    return dict(body["error"])


# --- /api/events ------------------------------------------------------------------------------


def test_events_are_ordered_by_day_with_undated_last(client: TestClient) -> None:
    assert codes(client) == ALL_BY_DATE


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"source": "USA"}, ["112", "040", "010"]),
        ({"source": "usagov"}, ["112", "040", "010"]),
        ({"target": "PRK"}, ["163", "112", "040"]),
        ({"actor": "USAGOV"}, ["112", "040", "057", "010", "046"]),
        ({"code": "04"}, ["040", "046"]),
        ({"root": "16"}, ["163"]),
        ({"quad_class": "4"}, ["1041", "163"]),
        ({"mode": "negated"}, ["046"]),
        ({"mode": "negated,historical"}, ["1041", "046"]),
        ({"mode": "all"}, ALL_BY_DATE),
        ({"since": "2018-01-01"}, ["138", "040", "057", "010"]),
        ({"until": "2017-09-11"}, ["1041", "163"]),
        ({"since": "2017-09-10", "until": "2017-09-12"}, ["163", "112"]),
        ({"q": "sanctions"}, ["163"]),
        ({"article_id": "talks-2018"}, ["138", "046"]),
        ({"source": "USAGOV", "target": "PRKGOV"}, ["112", "040"]),
        ({"source": "", "mode": ""}, ALL_BY_DATE),
    ],
)
def test_event_filters(client: TestClient, params: dict[str, str], expected: list[str]) -> None:
    assert codes(client, **params) == expected


@pytest.mark.parametrize(
    ("sort", "order", "expected"),
    [
        ("goldstein", "desc", ["057", "046", "040", "010", "112", "138", "163", "1041"]),
        ("goldstein", "asc", ["1041", "163", "138", "112", "010", "040", "046", "057"]),
        ("date", "desc", ["046", "010", "057", "040", "138", "112", "163", "1041"]),
        ("code", "asc", ["010", "040", "046", "057", "1041", "112", "138", "163"]),
    ],
)
def test_events_sort(client: TestClient, sort: str, order: str, expected: list[str]) -> None:
    assert codes(client, sort=sort, order=order) == expected


@pytest.mark.parametrize(
    ("sort", "order"), [("date", "asc"), ("date", "desc"), ("goldstein", "desc"), ("source", "asc")]
)
def test_cursor_pages_walk_every_event_once_in_order(
    client: TestClient, sort: str, order: str
) -> None:
    expected = codes(client, sort=sort, order=order)
    seen: list[str] = []
    params: dict[str, Any] = {"sort": sort, "order": order, "limit": 3}
    for _ in range(10):
        body = client.get("/api/events", params=params).json()
        seen += [event["code"] for event in body["events"]]
        assert body["total"] == len(expected)
        if body["next"] is None:
            break
        params["cursor"] = body["next"]
    assert seen == expected


def test_next_url_and_link_header_point_to_the_next_page(client: TestClient) -> None:
    response = client.get("/api/events", params={"limit": 2, "source": "USA"})
    body = response.json()
    assert body["count"] == 2 and body["next"]
    assert f"cursor={body['next']}" in body["next_url"] and "source=USA" in body["next_url"]
    assert 'rel="next"' in response.headers["link"]
    follow = client.get(body["next_url"]).json()
    assert [event["code"] for event in follow["events"]] == ["010"] and follow["next"] is None


def test_events_csv_has_a_header_and_one_row_per_event(client: TestClient) -> None:
    response = client.get("/api/events", params={"format": "csv", "quad_class": 1})
    assert response.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(response.text)))
    assert [row["code"] for row in table] == ["040", "057", "010", "046"]
    assert {"id", "article_id", "source", "target", "goldstein", "sentence_text"} <= set(table[0])


def test_event_rows_carry_their_evidence_sentence(client: TestClient) -> None:
    event = client.get("/api/events", params={"code": "163"}).json()["events"][0]
    assert event["sentence_text"] == SANCTIONS.split(". ")[0] + "."
    assert SANCTIONS[event["trigger_start"] : event["trigger_end"]] == "imposed"


# --- one event, one article -------------------------------------------------------------------


def test_event_detail_has_evidence_rule_article_and_quote(client: TestClient) -> None:
    listed = client.get("/api/events", params={"code": "010"}).json()["events"][0]
    event = client.get(f"/api/events/{listed['id']}").json()
    assert (
        event["rule"] == "verb:told->010" and event["name"] == "Make statement, not specified below"
    )
    assert event["quad_class_name"] == "verbal cooperation"
    assert [s["text"] for s in event["evidence_sentences"]] == [SUMMIT.split(". ")[2]]
    assert event["article"]["title"] == "Trump and Kim meet"
    assert event["article"]["url"] == "https://example.org/summit"
    assert event["quote_record"]["speaker"] == "Trump"


def test_article_spans_are_offsets_into_its_text(client: TestClient) -> None:
    article = client.get("/api/articles/sanctions-2017").json()
    text = article["text"]
    assert text == SANCTIONS
    for part in ("entities", "timexes", "quotes", "references", "sentences"):
        for record in article[part]:
            assert text[record["start"] : record["end"]] == record["text"], (part, record)
    assert [t["value"] for t in article["timexes"]] == ["2017-09-11", "2017-09-03"]
    assert article["references"][0]["ref_id"] == "UNSCR 2375"
    assert {e["code"] for e in article["events"]} == {"163", "112", "1041"}


def test_article_quotes_and_event_names(client: TestClient) -> None:
    article = client.get("/api/articles/summit-2018").json()
    assert article["quotes"][0]["text"] == "We have developed a very special bond,"
    assert article["events"][1]["name"] == "Sign formal agreement"


@pytest.mark.parametrize(
    ("path", "hint"),
    [
        ("/api/events/0000000000000000", "/api/events"),
        ("/api/articles/nope", "/api/events"),
        ("/api/nothing", "/docs"),
    ],
)
def test_unknown_records_are_404_with_a_hint(client: TestClient, path: str, hint: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert hint in error_of(response)["message"]


# --- actors, dyads, timeline, quotes, summary --------------------------------------------------


def test_actors_in_events_count_both_sides(client: TestClient) -> None:
    actors = client.get("/api/actors", params={"kind": "events"}).json()["events"]
    usagov = next(row for row in actors if row["actor"] == "USAGOV")
    assert (usagov["events"], usagov["as_source"], usagov["as_target"]) == (4, 3, 1)
    assert usagov["goldstein"] == round((1.0 + 0.0 - 2.0 + 8.0) / 4, 2)


def test_actors_default_lists_events_mentions_and_unknown(client: TestClient) -> None:
    body = client.get("/api/actors").json()
    assert set(body) == {"events", "mentions", "unknown"}
    assert [row["text"] for row in body["unknown"]] == ["Council"]  # LOC is not an actor label
    assert body["mentions"][0]["actor"] in {"PRK", "PRKGOV", "USAGOV"}


def test_actor_filters_apply_to_events(client: TestClient) -> None:
    actors = client.get("/api/actors", params={"kind": "events", "quad_class": 4}).json()
    assert {row["actor"] for row in actors["events"]} == {"IGOUNO", "PRK"}


def test_actors_csv_needs_one_kind(client: TestClient) -> None:
    assert client.get("/api/actors", params={"format": "csv"}).status_code == 400
    response = client.get("/api/actors", params={"format": "csv", "kind": "unknown"})
    assert response.text.splitlines()[0] == "text,label,mentions,articles"


def test_dyads_count_cooperation_and_conflict(client: TestClient) -> None:
    dyads = client.get("/api/dyads").json()["dyads"]
    pairs = {(d["source"], d["target"]): d for d in dyads}
    assert set(pairs) == {("USAGOV", "PRKGOV"), ("PRKGOV", "USAGOV"), ("IGOUNO", "PRK")}
    usa_prk = pairs["USAGOV", "PRKGOV"]
    assert (usa_prk["events"], usa_prk["cooperation"], usa_prk["conflict"]) == (2, 1, 1)
    assert (usa_prk["first_day"], usa_prk["last_day"]) == ("2017-09-12", "2018-06-12")


def test_dyads_take_filters_and_limit(client: TestClient) -> None:
    dyads = client.get("/api/dyads", params={"since": "2018-01-01", "limit": 1}).json()["dyads"]
    assert len(dyads) == 1 and dyads[0]["events"] == 1


def test_timeline_by_month_and_quad_class(client: TestClient) -> None:
    body = client.get("/api/timeline", params={"mode": "all"}).json()
    buckets = [(b["period"], b["key"], b["events"]) for b in body["buckets"]]
    assert buckets == [
        ("2017-09-01", 3, 1),
        ("2017-09-01", 4, 2),
        ("2018-01-01", 3, 1),
        ("2018-06-01", 1, 3),
    ]
    assert body["undated"] == 1
    june = body["buckets"][-1]
    assert june["goldstein"] == 3.0


@pytest.mark.parametrize(
    ("params", "periods"),
    [
        (
            {"interval": "day", "split": "none", "mode": "all"},
            ["2017-09-03", "2017-09-11", "2017-09-12", "2018-01-01", "2018-06-12"],
        ),
        (
            {"interval": "week", "split": "none", "mode": "all"},
            ["2017-08-28", "2017-09-11", "2018-01-01", "2018-06-11"],
        ),
        ({"interval": "year", "split": "none", "mode": "all"}, ["2017-01-01", "2018-01-01"]),
        (
            {"interval": "month", "split": "none", "source": "USA", "mode": "all"},
            ["2017-09-01", "2018-06-01"],
        ),
    ],
)
def test_timeline_intervals(client: TestClient, params: dict[str, str], periods: list[str]) -> None:
    buckets = client.get("/api/timeline", params=params).json()["buckets"]
    assert [b["period"] for b in buckets] == periods


def test_timeline_split_by_root(client: TestClient) -> None:
    params = {"split": "root", "interval": "year", "mode": "all"}
    buckets = client.get("/api/timeline", params=params).json()
    assert {b["key"] for b in buckets["buckets"]} == {"01", "04", "05", "10", "11", "13", "16"}


def test_timeline_csv(client: TestClient) -> None:
    response = client.get("/api/timeline", params={"format": "csv", "split": "none"})
    assert response.text.splitlines()[0] == "period,key,events,goldstein"


@pytest.mark.parametrize(
    ("params", "texts"),
    [
        ({}, ["We have developed a very special bond,"]),
        ({"speaker": "USA"}, ["We have developed a very special bond,"]),
        ({"speaker": "PRK"}, []),
        ({"kind": "indirect"}, []),
        ({"q": "special"}, ["We have developed a very special bond,"]),
        ({"since": "2018-07-01"}, []),
        ({"until": "2018-06-30", "kind": "direct"}, ["We have developed a very special bond,"]),
    ],
)
def test_quote_filters(client: TestClient, params: dict[str, str], texts: list[str]) -> None:
    body = client.get("/api/quotes", params=params).json()
    assert [quote["text"] for quote in body["quotes"]] == texts


def test_quotes_carry_their_article(client: TestClient) -> None:
    quote = client.get("/api/quotes").json()["quotes"][0]
    assert (quote["article_id"], quote["title"], quote["speaker_actor"]) == (
        "summit-2018",
        "Trump and Kim meet",
        "USAGOV",
    )


def test_summary_counts_every_table(client: TestClient) -> None:
    summary = client.get("/api/summary", params={"mode": "all"}).json()
    assert (summary["articles"], summary["events"], summary["quotes"]) == (3, 8, 1)
    assert (summary["entities"], summary["timexes"]) == (10, 3)
    assert summary["counted"] == 8
    assert {row["quad_class"]: row["events"] for row in summary["by_quad_class"]} == {
        1: 4,
        3: 2,
        4: 2,
    }


def test_summary_breakdowns_count_asserted_events_unless_told(client: TestClient) -> None:
    summary = client.get("/api/summary").json()
    asserted = client.get("/api/events", params={"mode": "asserted"}).json()["total"]
    assert summary["modes"] == ["asserted"]
    assert summary["counted"] == asserted < summary["events"]
    assert sum(row["events"] for row in summary["by_quad_class"]) == asserted
    assert summary["date_range"] == ["2017-09-11", "2018-06-12"]
    assert {row["mode"] for row in summary["by_mode"]} > {"asserted"}  # every mode still shown


@pytest.mark.parametrize("path", ["/api/timeline", "/api/dyads", "/api/actors?kind=events"])
def test_every_count_is_of_asserted_events_by_default(client: TestClient, path: str) -> None:
    def total(params: dict[str, str]) -> int:
        body = client.get(path, params=params).json()
        table = body.get("buckets") or body.get("dyads") or body.get("events") or []
        return sum(row["events"] for row in table)

    assert total({}) == total({"mode": "asserted"})
    assert total({"mode": "all"}) >= total({}) > 0
    assert total({"mode": "negated,hypothetical"}) == total({"mode": "all"}) - total(
        {"mode": "asserted,future,historical"}
    )


def test_network_draws_the_busiest_actors_and_says_what_it_left_out(client: TestClient) -> None:
    body = client.get("/api/network", params={"actors": "2", "mode": "all"}).json()
    drawn = {node["actor"] for node in body["nodes"]}
    assert len(drawn) == 2
    assert all(edge["source"] in drawn and edge["target"] in drawn for edge in body["edges"])
    assert body["left_out"]["actors"] > 0
    everything = client.get("/api/network", params={"mode": "all"}).json()
    events = sum(edge["events"] for edge in everything["edges"])
    assert sum(edge["events"] for edge in body["edges"]) + body["left_out"]["events"] == events


# --- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "params", "words"),
    [
        ("/api/events", {"quad_class": "x"}, "quad_class"),
        ("/api/events", {"quad_class": "7"}, "1 to 4"),
        ("/api/events", {"since": "2018-13-01"}, "YYYY-MM-DD"),
        ("/api/events", {"until": "yesterday"}, "YYYY-MM-DD"),
        ("/api/events", {"since": "2018-02-01", "until": "2018-01-01"}, "swap"),
        ("/api/events", {"mode": "rumoured"}, "asserted"),
        ("/api/dyads", {"mode": "asserted,maybe"}, "comma-separated"),
        ("/api/network", {"actors": "1"}, "2 to 200"),
        ("/api/events", {"root": "21"}, "01 to 20"),
        ("/api/events", {"code": "4a"}, "2-4 digits"),
        ("/api/events", {"source": "USA GOV"}, "actor code"),
        ("/api/events", {"limit": "0"}, "1 to 1000"),
        ("/api/events", {"limit": str(MAX_LIMIT + 1)}, "1 to 1000"),
        ("/api/events", {"limit": "ten"}, "whole number"),
        ("/api/events", {"sort": "day"}, "goldstein"),
        ("/api/events", {"order": "up"}, "asc"),
        ("/api/events", {"format": "xml"}, "csv"),
        ("/api/events", {"cursor": "not-a-cursor"}, "next"),
        ("/api/events", {"q": "x" * 201}, "200"),
        ("/api/timeline", {"interval": "hour"}, "week"),
        ("/api/timeline", {"split": "mode"}, "quad_class"),
        ("/api/actors", {"kind": "famous"}, "unknown"),
        ("/api/quotes", {"kind": "shouted"}, "direct"),
        ("/api/quotes", {"cursor": "eyJ4Ijox"}, "cursor"),
        ("/api/dyads", {"limit": "-5"}, "limit"),
    ],
)
def test_bad_parameters_are_400_saying_how_to_fix(
    client: TestClient, path: str, params: dict[str, str], words: str
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 400
    assert words in error_of(response)["message"]


def test_a_cursor_of_another_sort_is_refused(client: TestClient) -> None:
    cursor = client.get("/api/events", params={"limit": 1}).json()["next"]
    response = client.get("/api/events", params={"limit": 1, "cursor": cursor, "sort": "code"})
    assert response.status_code == 400 and "another sort" in error_of(response)["message"]


def test_a_forged_cursor_of_the_right_shape_is_400(client: TestClient) -> None:
    from newsevents.web.params import encode_cursor

    cursor = encode_cursor("date", "asc", ("not a date", "a", 0))
    response = client.get("/api/events", params={"cursor": cursor})
    assert response.status_code == 400


@pytest.mark.parametrize(
    "params",
    [
        {"q": "'; DROP TABLE events; --"},
        {"q": "%' OR '1'='1"},
        {"article_id": "x' OR 1=1 --"},
    ],
)
def test_injection_attempts_match_nothing_and_change_nothing(
    client: TestClient, params: dict[str, str]
) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert response.json()["events"] == []
    assert client.get("/api/summary").json()["events"] == 8


def test_a_quoted_actor_is_refused_before_any_sql(client: TestClient) -> None:
    response = client.get("/api/events", params={"source": "USA'; DROP TABLE events; --"})
    assert response.status_code == 400


def test_post_is_not_allowed_on_read_routes(client: TestClient) -> None:
    response = client.post("/api/events")
    assert response.status_code == 405 and "GET" in error_of(response)["message"]


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {
        "/api/events",
        "/api/events/{event_id}",
        "/api/articles/{article_id}",
        "/api/actors",
        "/api/dyads",
        "/api/timeline",
        "/api/quotes",
        "/api/summary",
        "/api/sql",
    } <= paths
    assert client.get("/docs").status_code == 200


def test_plotly_is_served_from_the_installed_package(client: TestClient) -> None:
    response = client.get("/static/vendor/plotly.min.js")
    assert response.status_code == 200 and "plotly" in response.text[:200].lower()


def test_missing_store_fails_at_startup_with_a_fix(tmp_path: Path) -> None:
    from newsevents.errors import StoreError

    with pytest.raises(StoreError, match="newsevents ingest"):
        create_app(tmp_path / "missing.duckdb")


# --- SQL -----------------------------------------------------------------------------------


def test_sql_is_off_by_default(client: TestClient) -> None:
    response = client.get("/api/sql", params={"sql": "SELECT 1"})
    assert response.status_code == 403 and "--allow-sql" in error_of(response)["message"]


def test_sql_select_when_allowed(sql_client: TestClient) -> None:
    body = sql_client.get(
        "/api/sql", params={"sql": "SELECT code, source FROM events WHERE root = '16'"}
    ).json()
    assert body["columns"] == ["code", "source"] and body["rows"] == [["163", "IGOUNO"]]
    assert body["truncated"] is False


def test_sql_by_post_and_as_csv(sql_client: TestClient) -> None:
    response = sql_client.post(
        "/api/sql", params={"sql": "SELECT count(*) AS n FROM articles", "format": "csv"}
    )
    assert response.text.splitlines() == ["n", "3"]


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM events",
        "DROP TABLE events",
        "SELECT 1; DELETE FROM events",
        "COPY events TO '/tmp/newsevents-web-test.csv'",
        "ATTACH '/tmp/other.duckdb'",
        "SELECT * FROM read_csv('/etc/passwd')",
        "SET enable_external_access = true",
        "SELEC 1",
        "",
    ],
)
def test_sql_refuses_anything_but_reading_the_store(sql_client: TestClient, sql: str) -> None:
    response = sql_client.get("/api/sql", params={"sql": sql})
    assert response.status_code == 400, response.text
    assert sql_client.get("/api/summary").json()["events"] == 8
    assert not Path("/tmp/newsevents-web-test.csv").exists()


def test_sql_stops_at_its_time_limit(
    sql_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("newsevents.web.api.SQL_TIMEOUT_SECONDS", 0.2)
    response = sql_client.get(
        "/api/sql", params={"sql": "SELECT count(*) FROM range(100000000000) a"}
    )
    assert response.status_code == 408 and "LIMIT" in error_of(response)["message"]


def test_sql_rows_are_capped(sql_client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newsevents.web.api.SQL_MAX_ROWS", 5)
    body = sql_client.get("/api/sql", params={"sql": "SELECT * FROM range(10)"}).json()
    assert len(body["rows"]) == 5 and body["truncated"] is True


def test_openapi_docs_work_offline(client: TestClient) -> None:
    page = client.get("/docs").text
    assert "cdn" not in page.lower()
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert client.get("/static/vendor/swagger-ui/swagger-ui.css").status_code == 200


def test_sql_answer_over_the_byte_cap_is_413(
    sql_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("newsevents.web.api.SQL_MAX_BYTES", 10_000)
    response = sql_client.get("/api/sql", params={"sql": "SELECT list(range) FROM range(100000)"})
    assert response.status_code == 413 and "bytes" in error_of(response)["message"]


def test_sql_time_limit_covers_the_whole_request(
    sql_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("newsevents.web.api.SQL_TIMEOUT_SECONDS", 1e-9)
    response = sql_client.get("/api/sql", params={"sql": "SELECT * FROM range(500)"})
    assert response.status_code == 408


@pytest.mark.parametrize(
    ("sql", "row"),
    [
        ("SELECT 1 AS a, 2 AS a", [1, 2]),
        ("SELECT 1.5::DECIMAL(4, 2) AS d, DATE '2020-01-02' AS day", ["1.50", "2020-01-02"]),
    ],
)
def test_sql_answers_every_column_as_json(sql_client: TestClient, sql: str, row: list[Any]) -> None:
    assert sql_client.get("/api/sql", params={"sql": sql}).json()["rows"] == [row]


def test_sql_runs_under_the_memory_limit(sql_client: TestClient) -> None:
    sql = "SELECT current_setting('memory_limit') AS m"
    limit = sql_client.get("/api/sql", params={"sql": sql}).json()["rows"][0][0]
    with duckdb.connect() as connection:
        connection.execute(f"SET memory_limit = '{SQL_MEMORY_LIMIT}'")
        assert connection.execute(sql).fetchone() == (limit,)
