"""A run's figures read back: its JSON summary on disk, one hamlet's of its result."""

from __future__ import annotations

import json


def json_summary(out, period: str) -> dict:
    """The JSON summary ``period``'s run wrote in the output folder ``out``."""
    return json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))


def hamlet_figures(result, name: str) -> dict:
    """Hamlet ``name``'s figures in a run's ``result`` (its summary's 'hamlets')."""
    return next(h for h in result.summary["hamlets"] if h["hamlet"] == name)
