"""HTTP API and dashboard over a newsevents store (``newsevents serve``)."""

from __future__ import annotations

from newsevents.web.app import create_app

__all__ = ["create_app"]
