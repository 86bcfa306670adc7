"""Session 51: a short README on top, every detail kept in guides under docs/ (docs/decisions.md
"Session 51: a short README, every detail kept in guides under docs/"). The README's links to
the guides, and theirs back, must lead somewhere: a file that is there and, after '#', a heading
of it as GitHub names its anchor."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation but '-' and '_' dropped, spaces as
    '-' ("The commune's first month, step 1" -> 'the-communes-first-month-step-1')."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(page: Path) -> set[str]:
    said: set[str] = set()
    code = False
    for line in page.read_text(encoding="utf-8").split("\n"):
        if line.startswith("```"):
            code = not code
        elif not code and (m := re.match(r"#{1,6} (.*)", line)):
            base = anchor(m.group(1))
            name, n = base, 0
            while name in said:  # a heading written twice: '-1', '-2', … as GitHub does
                n += 1
                name = f"{base}-{n}"
            said.add(name)
    return said


def links(page: Path) -> list[str]:
    text = re.sub(r"(?ms)^```.*?^```", "", page.read_text(encoding="utf-8"))
    return [t for t in LINK.findall(text) if not re.match(r"[a-z]+:", t)]


def test_the_anchor_of_a_heading_is_githubs():
    assert anchor("Before the commune's first month") == "before-the-communes-first-month"
    assert anchor("What a run decides, and what it says") == "what-a-run-decides-and-what-it-says"
    assert anchor("Speed and scale") == "speed-and-scale"


def test_every_relative_link_leads_to_a_file_and_heading_that_are_there():
    broken = []
    for page in PAGES:
        for target in links(page):
            path, _, part = target.partition("#")
            goal = (page.parent / path).resolve() if path else page
            if not goal.is_file():
                broken.append(f"{page.name}: {target} (no file)")
            elif part and part not in anchors(goal):
                broken.append(f"{page.name}: {target} (no heading '{part}')")
    assert broken == []


def test_the_readme_links_each_guide_and_names_every_page_of_docs():
    """An officer meets the guides where he needs them; a reviewer finds every page of docs/
    under 'Where the rules live'."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    linked = {target.partition("#")[0] for target in links(ROOT / "README.md")}
    assert {"docs/officer-guide.md", "docs/template-guide.md", "docs/speed.md"} <= linked
    rules = readme.split("## Where the rules live", 1)[1].split("\n## ", 1)[0]
    pages = sorted(p.name for p in (ROOT / "docs").glob("*.md"))
    assert [name for name in pages if f"`docs/{name}`" not in rules] == []


def test_the_readme_gives_the_routine_results_and_refusals_on_its_first_screens():
    """The two commands, the month's routine in 5 to 8 numbered steps, where the results are and
    what to do about a refused list, all within the README's first 120 lines; the reviewer's
    sections after them; the whole README short (300 lines at most)."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").split("\n")
    assert len(lines) <= 300
    heads = {line: i for i, line in enumerate(lines) if line.startswith("#")}
    for head in ("## The two commands", "## The officer's monthly routine",
                 "### Where the results are", "### When the screen says a list was refused"):  # fmt: skip
        assert heads.get(head, 999) < 120, head
    routine = lines[heads["## The officer's monthly routine"] : heads["### Where the results are"]]
    steps = [int(m.group(1)) for line in routine if (m := re.match(r"(\d+)\. ", line))]
    assert steps == list(range(1, len(steps) + 1)) and 5 <= len(steps) <= 8
    results = "\n".join(lines[heads["### Where the results are"] :])
    for name in ("TongHop_YYYY-MM.xlsx", "TongHop_YYYY-MM.json", "NiemYet_YYYY-MM.xlsx",
                 "PhanHoi/", "nguon/", "nguon-sha256.txt", "lich-su.sqlite"):  # fmt: skip
        assert name in results.split("### When the screen")[0], name
    for head in ("## Where the rules live", "## Development", "## Speed and scale"):
        assert head in heads
    speed = "\n".join(lines[heads["## Speed and scale"] :])
    assert "| issue #6 target | last run | met |" in speed
    assert "**What one machine handles.**" in speed and "**Beyond one machine.**" in speed
