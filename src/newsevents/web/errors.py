"""One error shape for every HTTP error: ``{"error": {"status", "message"}}`` (HTML on pages)."""

from __future__ import annotations

import html
import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsevents.errors import NewsEventsError

logger = logging.getLogger(__name__)


class ApiError(Exception):
    """A request the server cannot answer; ``message`` says how to fix the request."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class BadParameter(ApiError):
    """A query parameter that does not parse or is out of range (always a 400)."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(400, f"parameter {name!r}: {problem}")


class NotFound(ApiError):
    """A record id that is not in the store."""

    def __init__(self, what: str, hint: str) -> None:
        super().__init__(404, f"no {what}; {hint}")


def error_body(status: int, message: str) -> dict[str, dict[str, int | str]]:
    return {"error": {"status": status, "message": message}}


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for detail in error.errors():
        where = ".".join(str(part) for part in detail.get("loc", ()) if part != "query")
        parts.append(f"parameter {where!r}: {detail.get('msg', 'invalid value')}")
    return "; ".join(parts) or "invalid request; see /docs"


def _status_and_message(request: Request, error: Exception) -> tuple[int, str]:
    if isinstance(error, ApiError):
        return error.status, error.message
    if isinstance(error, RequestValidationError):
        return 400, _validation_message(error)
    if isinstance(error, StarletteHTTPException):
        if error.status_code == 404:
            return 404, f"no page at {request.url.path}; see / for the dashboard, /docs for the API"
        if error.status_code == 405:
            return 405, f"{request.method} is not allowed here; use GET (see /docs)"
        return error.status_code, str(error.detail)
    if isinstance(error, NewsEventsError):
        return 500, error.describe()
    logger.error("unexpected error on %s", request.url.path, exc_info=error)
    return 500, "internal error; please report it with the URL you requested"


def _html_page(status: int, message: str) -> str:
    return (
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>Error {status}</title>"
        '<link rel=stylesheet href="/static/app.css"></head><body><main class="error">'
        f"<h1>Error {status}</h1><p>{html.escape(message)}</p>"
        '<p><a href="/">Back to the overview</a></p></main></body></html>'
    )


async def handle_error(request: Request, error: Exception) -> Response:
    """JSON for the API (and anything that is not a dashboard page), HTML for pages."""
    status, message = _status_and_message(request, error)
    path = request.url.path
    if path.startswith(("/api", "/static", "/docs", "/openapi")) or path == "/favicon.ico":
        return JSONResponse(error_body(status, message), status_code=status)
    return HTMLResponse(_html_page(status, message), status_code=status)


def install_error_handlers(app: FastAPI) -> None:
    """Translate every error once, at the HTTP edge."""
    for kind in (ApiError, RequestValidationError, StarletteHTTPException, Exception):
        app.add_exception_handler(kind, handle_error)
