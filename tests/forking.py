"""The mark of a test that pins the forked child itself (the early reader, the feedback files
shared with the child): skipped where there is no fork, as on Windows or with
``GIAMNGHEO_NO_FORK`` set (pipeline.forked.available), where a run does the same work in one
process and the tests of the run's outputs pin that (docs/decisions.md, session 62)."""

from __future__ import annotations

import pytest

from pipeline import forked

NEEDS_FORK = pytest.mark.skipif(
    not forked.available(),
    reason="pins the forked child itself; the fork is off (GIAMNGHEO_NO_FORK set, or not Linux)",
)
