"""Session 39: the same inputs give the same outputs whatever the computer's locale."""

from __future__ import annotations

import json
import os

from tests.commune import person, write_roster
from tests.runner import run_cli

# A locale whose file names are not UTF-8: the C locale with Python's two ways out of it (PEP 538
# coercion, PEP 540 UTF-8 mode) turned off, as on a machine set to a legacy 8-bit locale
# (en_US.ISO-8859-1, vi_VN.TCVN) that no test machine need have installed.
_LEGACY = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}


def test_a_locale_that_cannot_name_files_in_vietnamese_still_writes_them(commune, tmp_path):
    """Under such a locale Python names files in ASCII (or Latin-1): the run ended in
    "Lỗi không mong muốn (UnicodeEncodeError …)" when it came to Bản Cọ's feedback workbook, with
    no consolidated workbook written for any hamlet (Latin-1 wrote 'Nà Mòn' in its own bytes,
    another name than a UTF-8 run's). The command now runs itself in UTF-8 mode there."""
    write_roster(commune, "BanCo.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "nghèo lắm"), person("BC3", "near_poor")])  # fmt: skip
    out = tmp_path / "ra"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    ran = run_cli("run", "--quiet", "--input", str(commune), "--output", str(out),
                  env={**env, **_LEGACY})  # fmt: skip
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert sorted(os.listdir(out / "2024-05" / "PhanHoi")) == ["Bản Cọ_2024-05.xlsx"]
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text(encoding="utf-8"))
    assert [(h["hamlet"], h["status"]) for h in summary["hamlets"]] == [
        ("Nà Mòn", "ok"),
        ("Bản Cọ", "ok"),
        ("Đồng Kè", "missing"),
    ]
