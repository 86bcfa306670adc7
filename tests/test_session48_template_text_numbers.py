"""The hamlet head's template and the sample's lists mark numbers written as text on purpose
(an ID number typed with its leading 0 in a column formatted as text) as the run's workbooks
do (session 48): unmarked, Excel shows each typed ID a green triangle offering 'Convert to
Number', which drops its 0. The template command still imports no pandas."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl

from pipeline.sample import generate_sample
from pipeline.template import write_templates
from schemas.columns import ROSTER_COLUMNS, ROSTER_LIST_SHEET
from tests.test_session48_text_numbers import unmarked

ROOT = Path(__file__).resolve().parents[1]


def test_the_template_and_the_samples_lists_mark_numbers_written_as_text(tmp_path):
    """Both blank templates, and a one-hamlet sample's plan and two months' lists: every
    worksheet (the roster's hidden ethnic list too) holds the mark; the sample's first
    household's ID is still text with its 12 digits."""
    templates = write_templates(tmp_path / "mau")
    truth = generate_sample(tmp_path / "sample", hamlets=1, households=3, months=2)
    lists = sorted((tmp_path / "sample").glob("*.xlsx"))
    assert [p.name for p in lists] == [
        "DS_NaMon_2024-04.xlsx", "DS_NaMon_2024-05.xlsx", "KeHoach_2024.xlsx"]  # fmt: skip
    assert truth["plan_file"] == "KeHoach_2024.xlsx"
    for path in (*templates, *lists):
        assert unmarked(path) == [], path.name
    ws = openpyxl.load_workbook(lists[0])[ROSTER_LIST_SHEET]
    keys = [c.key for c in ROSTER_COLUMNS]
    first_id = ws.cell(5, keys.index("so_dinh_danh") + 1).value
    assert isinstance(first_id, str) and len(first_id) == 12 and first_id.isdigit()


_PROBE = """
import json, sys
from pipeline.cli import main
try:
    main(["template", "--output", sys.argv[1]])
except SystemExit as done:
    code = done.code
print(json.dumps({"exit": code, "pandas": "pandas" in sys.modules}))
"""


def test_the_template_command_still_imports_no_pandas(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(tmp_path / "mau")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"exit": 0, "pandas": False}
    assert (tmp_path / "mau" / "MauDanhSachHo.xlsx").is_file()
