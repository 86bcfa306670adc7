"""Session 64 (H): the test of a file's name that says the plan's ('KeHoach…') is one,
`discover.named_as_plan`, asked while reading (`_almost_plan`, session 61) and by the plan
choice after it (`planpick.spoiled_plans_set_aside`, session 63), which each made apart."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_plans_name_is_one_test_shared_by_reading_and_the_plan_choice():
    """discover.named_as_plan: the name alone, 'KeHoach' first, accents, case and spaces
    aside (the test session 61's `_almost_plan` and session 63's planpick made apart)."""
    from pipeline.discover import named_as_plan

    assert named_as_plan("KeHoach_2024.xlsx")
    assert named_as_plan("Kế hoạch 2024 (2).xlsx")
    assert named_as_plan("KE HOACH_NaMon.xlsx")
    assert not named_as_plan("Ban sao KeHoach_NaMon.xlsx")
    assert not named_as_plan("KH_NaMon.xlsx")


def test_reading_a_list_does_not_import_the_plan_choice():
    """The read stage (discover) asks the shared test without importing planpick (its
    history store, hamlet matcher and messages)."""
    done = subprocess.run(
        [sys.executable, "-c", "import sys, pipeline.discover; print('pipeline.planpick' in "
         "sys.modules)"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.stdout.strip() == "False", done.stderr
