"""docs/decisions.md opens with an index of its session sections by topic: every section is
listed there once, under its exact title, so that a reader can find a decision by topic."""

from __future__ import annotations

from pathlib import Path

DECISIONS = Path(__file__).resolve().parent.parent / "docs" / "decisions.md"


def _index_and_sections() -> tuple[list[str], list[str]]:
    lines = DECISIONS.read_text(encoding="utf-8").split("\n")
    start = lines.index("## Index by topic")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("## "))
    listed = [line[4:] for line in lines[start:end] if line.startswith("  * ")]
    sections = [line[4:] for line in lines if line.startswith("### ")]
    return listed, sections


def test_every_session_section_is_in_the_index_once():
    listed, sections = _index_and_sections()
    missing = [title for title in sections if title not in listed]
    assert not missing, f"add to '## Index by topic' in docs/decisions.md: {missing}"
    assert sorted(listed) == sorted(set(listed)), "a title is listed twice in the index"


def test_the_index_names_no_section_that_is_not_there():
    listed, sections = _index_and_sections()
    assert [title for title in listed if title not in sections] == []
    # the index is the sections' list, by topic: as many entries as sections
    assert len(listed) == len(sections)


def test_every_heading_stands_apart_from_the_text_above():
    """A heading glued to the previous section's last line (a merge of two sessions' edits can
    leave one) still renders, but a reader scanning the file misses it: a blank line above
    each, and no section title written twice."""
    lines = DECISIONS.read_text(encoding="utf-8").split("\n")
    glued = [line for i, line in enumerate(lines) if line.startswith("#") and i and lines[i - 1]]
    assert glued == []
    headings = [line for line in lines if line.startswith("### ")]
    assert sorted(headings) == sorted(set(headings))
