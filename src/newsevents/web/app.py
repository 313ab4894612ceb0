"""The FastAPI application: the JSON API, the dashboard pages and their static assets."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from newsevents.storage.duckdb import DuckDBStore, open_store
from newsevents.web import api, pages
from newsevents.web.errors import ApiError, install_error_handlers

PLOTLY_URL = "/static/vendor/plotly.min.js"
SWAGGER_URL = "/static/vendor/swagger-ui"

# The web app reads nothing but the store: no file access from SQL (read_csv, COPY, ATTACH),
# no extension downloads, at most 1 GB of memory for all queries (a 50M-row list took 770 MB in
# issue 12), and the configuration locked so a query cannot turn any of it back.
SQL_MEMORY_LIMIT = "1GB"
HARDENING = (
    "SET enable_external_access = false",
    f"SET memory_limit = '{SQL_MEMORY_LIMIT}'",
    "SET lock_configuration = true",
)


@lru_cache(maxsize=1)
def plotly_path() -> Path | None:
    """The plotly.js bundle shipped inside the ``plotly`` PyPI package (never copied here)."""
    try:
        bundle = resources.files("plotly") / "package_data" / "plotly.min.js"
    except ModuleNotFoundError:
        return None
    path = Path(str(bundle))
    return path if path.is_file() else None


def _open(db_path: str | Path) -> DuckDBStore:
    store = open_store(db_path, read_only=True)
    # DuckDB shares one database instance per file within a process: a second app over the same
    # store finds it already hardened and locked.
    row = store.connection.execute("SELECT current_setting('lock_configuration')").fetchone()
    if not (row and row[0]):
        for statement in HARDENING:
            store.connection.execute(statement)
    return store


def _plotly() -> FileResponse:
    path = plotly_path()
    if path is None:
        raise ApiError(404, "plotly is not installed; `pip install 'plotly>=5.20,<8'`")
    # The bundle changes only with the installed package: let the browser keep it for a day.
    return FileResponse(
        path, media_type="text/javascript", headers={"Cache-Control": "public, max-age=86400"}
    )


def swagger_path() -> Path | None:
    """Swagger UI 5 (it reads OpenAPI 3.1, FastAPI's version) from the ``fastapi-offline`` package.

    Served from the installed package, so /docs works offline and nothing is copied here.
    """
    try:
        bundle = resources.files("fastapi_offline") / "static"
    except ModuleNotFoundError:
        return None
    path = Path(str(bundle))
    return path if (path / "swagger-ui-bundle.js").is_file() else None


def _docs() -> HTMLResponse:
    return get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="newsevents API",
        swagger_js_url=f"{SWAGGER_URL}/swagger-ui-bundle.js",
        swagger_css_url=f"{SWAGGER_URL}/swagger-ui.css",
        swagger_favicon_url=f"{SWAGGER_URL}/favicon.png",
    )


def _inline_script_hashes(html: str) -> str:
    """CSP sources allowing exactly the inline scripts of ``html`` (Swagger UI's start-up)."""
    scripts = re.findall(r"<script>(.*?)</script>", html, flags=re.DOTALL)
    digests = (hashlib.sha256(script.encode("utf-8")).digest() for script in scripts)
    return " ".join(f"'sha256-{base64.b64encode(digest).decode('ascii')}'" for digest in digests)


def content_security_policy(*, scripts: str = "") -> str:
    """Only this server's own scripts, styles, images and data; no frames, plugins or forms out.

    Inline styles are allowed because plotly.js and Swagger UI set them from their own code; no
    page of ours writes a script, so a stored value can never run as one (issue 12).
    """
    return "; ".join(
        (
            "default-src 'self'",
            f"script-src 'self' {scripts}".strip(),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        )
    )


def _install_security_headers(app: FastAPI) -> None:
    docs_policy = content_security_policy(
        scripts=_inline_script_hashes(bytes(_docs().body).decode())
    )
    headers = {
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
    }
    policy = content_security_policy()

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.update(headers)
        is_docs = request.url.path == "/docs"
        response.headers["Content-Security-Policy"] = docs_policy if is_docs else policy
        return response


def create_app(db_path: str | Path, *, allow_sql: bool = False) -> FastAPI:
    """The web app over the store at ``db_path``, opened read-only.

    Raises:
        StoreError: there is no store at ``db_path`` or it cannot be opened.
    """
    store = _open(db_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="newsevents",
        summary="Events, quotes, actors and time expressions extracted from news, read-only.",
        version="1",
        lifespan=lifespan,
        docs_url=None,
    )
    app.state.store = store
    app.state.allow_sql = allow_sql
    app.state.db_path = str(db_path)
    install_error_handlers(app)
    _install_security_headers(app)
    app.add_api_route(PLOTLY_URL, _plotly, include_in_schema=False)
    app.add_api_route("/docs", _docs, include_in_schema=False)
    swagger = swagger_path()
    if swagger is not None:
        app.mount(SWAGGER_URL, StaticFiles(directory=swagger), name="swagger")
    app.mount("/static", StaticFiles(packages=[("newsevents.web", "static")]), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app
