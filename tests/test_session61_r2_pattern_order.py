"""Session 61, R2 (review of E): a pattern built from a set of words, sorted by length alone,
had its text differ between runs: the set's order, and so the order of the words of one
length, follows PYTHONHASHSEED ('text._UNIT_BEFORE_NUMBER', 'discover._TITLE_HAMLET',
'discover._UNIT_FIRST'). The words are now sorted longest first, then by text: every pattern
of the pipeline's modules is the same text whatever the hash seed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pipeline.text import _UNIT_BEFORE_NUMBER

ROOT = Path(__file__).resolve().parent.parent

# Every module-level pattern of the pipeline's modules, as 'module.NAME <pattern's text>'
_PRINT_PATTERNS = """
import importlib, pkgutil, re, pipeline
from pipeline.lazyre import LazyPattern
for m in sorted(pkgutil.iter_modules(pipeline.__path__), key=lambda m: m.name):
    if m.name == "__main__":
        continue
    module = importlib.import_module("pipeline." + m.name)
    for name, value in sorted(vars(module).items()):
        if isinstance(value, (LazyPattern, re.Pattern)):
            print(m.name + "." + name, ascii(value.pattern))
"""


def _patterns(seed: str) -> list[str]:
    env = {"PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    run = subprocess.run(
        [sys.executable, "-c", _PRINT_PATTERNS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return run.stdout.splitlines()


def test_every_pattern_is_the_same_text_whatever_the_hash_seed():
    # seeds 0 and 1 ordered the 4- and 5-letter unit words otherwise before (both patterns of
    # discover's titles and text's unit word before a number differed)
    first, second = _patterns("0"), _patterns("1")
    assert len(first) > 250  # the pipeline's ~290 patterns were read
    assert [line for line in first if line not in second] == []


def test_the_unit_words_before_a_number_longest_first_then_by_text():
    # worked out by hand: 'to dan pho' (10), 'tieu khu' (8), 'khu pho' (7), 't d p' and
    # 'to dp' (5), 'buon', 'khom', 'thon' (4), 'k p', 'khu', 'tdp', 'xom' (3), 'ap', 'kp', 'to'
    assert _UNIT_BEFORE_NUMBER.pattern.startswith(
        "(?<![a-z0-9])(?:to dan pho|tieu khu|khu pho|t d p|to dp|buon|khom|thon"
        "|k p|khu|tdp|xom|ap|kp|to|"
    )
