"""Fixtures more than one test file uses (pytest finds them here; a file's own fixture of the
same name is used in its place)."""

from __future__ import annotations

import pytest

from tests.commune import may_folder


@pytest.fixture
def commune(tmp_path):
    """The small commune (tests/commune.py) in ``tmp_path / "input"``: its plan and May's clean
    rosters."""
    return may_folder(tmp_path)
