"""``python -m newsevents.cli``."""

from __future__ import annotations

from newsevents.cli.main import main

main()
