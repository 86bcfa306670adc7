"""Session 45's README walk-through: the README's promises a developer reads that had gone stale
against the files they describe (docs/decisions.md "Session 45: README walk-through")."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
# The speed prose past the tables moved out of the README in session 51 (docs/decisions.md
# "Session 51: a short README, every detail kept in guides under docs/").
SPEED = (ROOT / "docs" / "speed.md").read_text(encoding="utf-8")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_dependencies_make_installs_are_those_pyproject_pins():
    """'installs the pinned dependencies (pandas, …; pytest and ruff for the tests)': every
    package pyproject.toml pins, runtime then dev. Before: xlrd and defusedxml were missing."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = [re.split(r"[=<>]", dep)[0] for dep in project["dependencies"]]
    dev = [re.split(r"[=<>]", dep)[0] for dep in project["optional-dependencies"]["dev"]]
    said = re.search(r"installs the pinned dependencies \(([^)]*)\)", _flat(README))
    assert said, "the README no longer says what `make` installs"
    named, tools = said.group(1).split(";")
    assert [n.strip() for n in named.split(",")] == runtime
    assert tools.strip() == f"{' and '.join(dev)} for the tests"


def test_the_speed_prose_quotes_the_last_bench():
    """The prose under the tables quotes bench/results.md, as the tables do: the province run's
    wall time (24.94 s → '24.9 s') and the households a minute it gives (300,000 in 24.94 s:
    721,732 → 'about 720,000'); python-calamine alone against the floor in the last run
    (2.21 ×), said in docs/speed.md since session 51. Before: '19.8 s', 'about 910,000', '2.06 ×
    in the last'."""
    results = (ROOT / "bench" / "results.md").read_text(encoding="utf-8")
    wall = float(re.search(r"\| province: giamngheo run \(2000 × 150\) \| \S+ \| ([\d.]+) \|",
                           results).group(1))  # fmt: skip
    calamine = re.search(r"\(information\) the run's reader alone.*= ([\d.]+) ×", results).group(1)
    text = _flat(README)
    said = re.search(r"consolidates about ([\d,]+) households a minute end to end \(300,000 in "
                     r"the province run's ([\d.]+) s wall time\)", text)  # fmt: skip
    assert said, "the README no longer says what one machine consolidates a minute"
    assert said.group(2) == f"{wall:.1f}"
    per_minute = 300_000 / wall * 60
    assert int(said.group(1).replace(",", "")) == round(per_minute, -4)
    assert f"({calamine} × in the last)" in _flat(SPEED)
