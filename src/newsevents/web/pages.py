"""The dashboard: server-rendered pages, each linking to the API call it is built from."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape

from newsevents.storage.duckdb import EventFilter
from newsevents.web import queries
from newsevents.web.api import Connection
from newsevents.web.errors import NotFound
from newsevents.web.highlight import SPAN_KINDS, SPAN_LABELS, marks, segments
from newsevents.web.names import event_name, quad_class_name
from newsevents.web.params import (
    INTERVALS,
    ORDERS,
    Page,
    choice,
    counting_filter,
    decode_cursor,
    encode_cursor,
    event_filter,
    filter_params,
    limit,
    mode_param,
    record_key,
)

router = APIRouter(include_in_schema=False)
Filters = Annotated[EventFilter, Depends(event_filter)]
Counting = Annotated[EventFilter, Depends(counting_filter)]
Param = Annotated[str | None, Query()]

TOP = 15  # rows in the overview's tables
DYAD_EVENTS = 200  # events listed per direction on the dyad page
# The mode filter's choices on the pages that count (issue 14): asserted unless told.
MODE_CHOICES = ("asserted", "all", "negated", "hypothetical", "future", "historical")


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    environment = Environment(
        loader=PackageLoader("newsevents.web", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(event_name=event_name, quad_class_name=quad_class_name)
    environment.filters["web_link"] = web_link
    environment.filters["query"] = lambda params: urlencode(
        {key: value for key, value in params.items() if value not in (None, "")}
    )
    return Jinja2Templates(env=environment)


def web_link(url: str | None) -> str | None:
    """``url`` when it is an http(s) address a page may link to; None for javascript:, data:..."""
    try:
        scheme = urlsplit(url.strip()).scheme.lower() if url else ""
    except ValueError:  # "http://[" and other addresses urllib cannot split
        return None
    return url.strip() if url and scheme in ("http", "https") else None


def render(
    request: Request, name: str, twins: list[tuple[str, str]], **context: Any
) -> HTMLResponse:
    """A page with its JSON twins: the API calls whose data it shows."""
    context.update(request=request, twins=twins, db_path=request.app.state.db_path)
    return templates().TemplateResponse(request, name, context)


def _api(path: str, **params: Any) -> str:
    query = urlencode({key: value for key, value in params.items() if value not in (None, "")})
    return f"/api/{path}?{query}" if query else f"/api/{path}"


@router.get("/", response_class=HTMLResponse)
def overview(
    request: Request, connection: Connection, counting: Counting, interval: Param = None
) -> HTMLResponse:
    chosen = choice("interval", interval, INTERVALS, "month")
    # Asserted events by default: historical ones (1950 armistice) stretch the axis over decades.
    shown = mode_param(counting)
    summary = queries.reader(request.app.state.store, connection).summary(
        top=TOP, modes=counting.modes
    )
    actors = queries.event_actors(connection, counting, limit=TOP)
    dyads = queries.dyads(connection, counting, limit=TOP)
    timeline = _api("timeline", interval=chosen, split="quad_class", mode=shown)
    twins = [
        ("summary", _api("summary", mode=shown)),
        ("timeline", timeline),
        ("actors", _api("actors", kind="events", limit=TOP, mode=shown)),
        ("dyads", _api("dyads", limit=TOP, mode=shown)),
    ]
    return render(
        request,
        "overview.html",
        twins,
        summary=summary,
        actors=actors,
        dyads=dyads,
        timeline=timeline,
        interval=chosen,
        intervals=INTERVALS,
        mode=shown,
    )


@router.get("/dyad", response_class=HTMLResponse)
def dyad(
    request: Request,
    connection: Connection,
    counting: Counting,
    interval: Param = None,
) -> HTMLResponse:
    first, second = counting.source, counting.target
    chosen = choice("interval", interval, INTERVALS, "month")
    shown = mode_param(counting)
    everything = EventFilter(modes=counting.modes)
    twins: list[tuple[str, str]] = [("dyads", _api("dyads", limit=TOP, mode=shown))]
    context: dict[str, Any] = {
        "source": first,
        "target": second,
        "interval": chosen,
        "intervals": INTERVALS,
        "directions": [],
        "mode": shown,
        "mode_choices": MODE_CHOICES,
    }
    context["actors"] = queries.event_actors(connection, everything, limit=200)
    context["dyads"] = queries.dyads(connection, everything, limit=TOP)
    if first and second:
        for one, other in ((first, second), (second, first)):
            chosen_filter = EventFilter(source=one, target=other, modes=counting.modes)
            page = Page(limit=DYAD_EVENTS, sort="date", order="asc")
            events, _, total = queries.events_page(connection, chosen_filter, page)
            stats = queries.dyads(connection, chosen_filter, limit=1000)
            timeline = _api(
                "timeline",
                source=one,
                target=other,
                interval=chosen,
                split="quad_class",
                mode=shown,
            )
            context["directions"].append(
                {
                    "source": one,
                    "target": other,
                    "events": events,
                    "total": total,
                    "timeline": timeline,
                    "stats": _dyad_stats(stats),
                }
            )
            twins += [
                (f"{one}→{other} timeline", timeline),
                (f"{one}→{other} events", _api("events", source=one, target=other, mode=shown)),
            ]
    return render(request, "dyad.html", twins, **context)


def _dyad_stats(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Totals over the pairs a prefix matched (USA matches USAGOV and USAMIL)."""
    events = sum(row["events"] for row in rows)
    weighted = sum(row["events"] * (row["goldstein"] or 0.0) for row in rows)
    return {
        "events": events,
        "cooperation": sum(row["cooperation"] for row in rows),
        "conflict": sum(row["conflict"] for row in rows),
        "goldstein": round(weighted / events, 2) if events else None,
    }


def _chart_page(request: Request, filters: EventFilter, page: str, api: str) -> HTMLResponse:
    """A page drawn in the browser from one API call with the page's filters."""
    params = filter_params(filters)
    source = _api(api, **params)
    return render(
        request, page, [(api, source)], source=source, params=params, mode_choices=MODE_CHOICES
    )


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, filters: Counting) -> HTMLResponse:
    return _chart_page(request, filters, "network.html", "network")


@router.get("/map", response_class=HTMLResponse)
def world_map(request: Request, filters: Counting) -> HTMLResponse:
    return _chart_page(request, filters, "map.html", "places")


@router.get("/events", response_class=HTMLResponse)
def events(
    request: Request,
    connection: Connection,
    filters: Filters,
    sort: Param = None,
    order: Param = None,
    cursor: Param = None,
    limit_: Annotated[str | None, Query(alias="limit")] = None,
) -> HTMLResponse:
    chosen_sort = choice("sort", sort, tuple(queries.EVENT_SORTS), "date")
    chosen_order = choice("order", order, ORDERS, "asc")
    key = decode_cursor(cursor, sort=chosen_sort, order=chosen_order, width=3)
    page = Page(limit=limit(limit_), sort=chosen_sort, order=chosen_order, key=key)
    rows, last, total = queries.events_page(connection, filters, page)
    params = filter_params(filters)
    listing = {**params, "sort": chosen_sort, "order": chosen_order, "limit": page.limit}
    next_key = encode_cursor(chosen_sort, chosen_order, last) if last else None
    twins = [
        ("events", _api("events", **listing, cursor=cursor)),
        ("CSV", _api("events", **listing, cursor=cursor, format="csv")),
    ]
    return render(
        request,
        "events.html",
        twins,
        events=rows,
        total=total,
        params=params,
        sort=chosen_sort,
        order=chosen_order,
        next_key=next_key,
        listing=listing,
        paged=cursor is not None,
        sorts=tuple(queries.EVENT_SORTS),
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, connection: Connection, event_id: str) -> HTMLResponse:
    event = queries.event_detail(connection, record_key("event_id", event_id) or "")
    if event is None:
        raise NotFound(f"event {event_id!r}", "pick one from the event list at /events")
    return render(request, "event.html", [("event", f"/api/events/{event_id}")], event=event)


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article(request: Request, connection: Connection, article_id: str) -> HTMLResponse:
    article = queries.article_detail(connection, record_key("article_id", article_id) or "")
    if article is None:
        raise NotFound(f"article {article_id!r}", "pick an event's article from /events")
    text = article["text"] or ""
    pieces = segments(text, marks(article, len(text)))
    counts = {
        kind: len({m.id for p in pieces for m in p.marks if m.kind == kind}) for kind in SPAN_KINDS
    }
    twins = [("article", f"/api/articles/{article_id}")]
    return render(
        request,
        "article.html",
        twins,
        article=article,
        segments=pieces,
        span_kinds=SPAN_KINDS,
        span_labels=SPAN_LABELS,
        counts=counts,
    )
