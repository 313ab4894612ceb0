"""Engines run the annotation of article chunks: in process, on a process pool, or on Dask."""

from __future__ import annotations

from newsevents.engines.base import Engine, Handle, make_engine

__all__ = ["Engine", "Handle", "make_engine"]
