"""The run's one-screen summary names the hamlets that sent no list and those whose list was
refused (its file named), under the hamlets' count, so that the officer knows whom to call
without opening the workbook (session 32)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pandas as pd

from pipeline import cli
from tests.commune import clean_rosters, person, write_plan, write_roster

ROOT = Path(__file__).resolve().parents[1]


def _run(folder: Path, out: Path, *extra: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "--input", str(folder), "--output", str(out),
         *extra],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout.splitlines()


def test_the_summary_names_the_hamlet_not_received_and_the_refused_list(tmp_path):
    # The small commune (Nà Mòn, Bản Cọ, Đồng Kè): May's lists of Nà Mòn and Bản Cọ, Đồng Kè
    # sends nothing; Bản Cọ's list writes 'Xóm Lạ' in 'Xóm' (no hamlet of the plan): refused.
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    rows = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder, "BanCo.xlsx", "Xóm Lạ", 200, rows)

    vi = _run(folder, tmp_path / "out-vi")
    assert vi[1:5] == [
        "Xóm: 1/3 đã tổng hợp, 1 chưa nộp, 1 bị từ chối — SỐ LIỆU CHƯA ĐỦ CÁC XÓM",
        "  Chưa nộp: Đồng Kè",
        # why, in the words of 'Nộp báo cáo' (session 57): the whole reason, "... kế hoạch (các
        # mã hộ là của xóm Bản Cọ)", is 104 characters on this line: under it, whole (R6)
        "  Bị từ chối: Bản Cọ (BanCo.xlsx)",
        "    — xóm 'Xóm Lạ' không có trong kế hoạch (các mã hộ là của xóm Bản Cọ)",
    ]
    en = _run(folder, tmp_path / "out-en", "--lang", "en")
    assert en[1:5] == [
        "Hamlets: 1/3 consolidated, 1 not received, 1 rejected — INCOMPLETE",
        "  Not received: Đồng Kè",
        "  Rejected: Bản Cọ (BanCo.xlsx)",  # 102 characters whole beside: under it (R6)
        "    — hamlet 'Xóm Lạ' is not in the plan (the household codes are Bản Cọ's)",
    ]


def test_every_hamlet_counted_adds_no_line(tmp_path):
    # Đồng Kè's list sent too: 3/3, nothing to name; the rate line follows the count.
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    write_roster(folder, "DongKe.xlsx", "Đồng Kè", 150, [person("DK1", "poor")])
    lines = _run(folder, tmp_path / "out")
    assert lines[1] == "Xóm: 3/3 đã tổng hợp, 0 chưa nộp, 0 bị từ chối"
    assert lines[2].startswith("Tỷ lệ hộ nghèo: ")


def _result(statuses: list[tuple[str, str, str]], incomplete: str = "") -> SimpleNamespace:
    hamlets = [
        {"hamlet": h, "status": s, **({"incomplete": {"file": f}} if h == incomplete else {})}
        for h, s, f in statuses
    ]
    reporting = pd.DataFrame(
        [{"hamlet": h, "status": s, "file": f} for h, s, f in statuses],
        columns=["hamlet", "status", "file"],
    )
    return SimpleNamespace(summary={"hamlets": hamlets}, reporting=reporting)


def test_at_most_eight_hamlets_are_named_on_a_line_the_others_counted():
    # 11 hamlets missing: the first 8 named in the plan's order, "và 3 xóm khác"; 2 refused,
    # a line each since session 57 (no issue here to say why).
    missing = [(f"Xóm {n}", "missing", "") for n in range(1, 12)]
    refused = [("Nà Mòn", "rejected", "NaMon.xlsx"), ("Bản Cọ", "rejected", "ds/BanCo.xlsx")]
    result = _result([("Đồng Kè", "ok", "DongKe.xlsx"), *missing, *refused])
    assert cli._absent_lines(result, "vi") == [
        "  Chưa nộp: Xóm 1, Xóm 2, Xóm 3, Xóm 4, Xóm 5, Xóm 6, Xóm 7,",  # 101 whole (58, D2)
        "    Xóm 8 và 3 xóm khác (xem trang 'Nộp báo cáo')",
        "  Bị từ chối: Nà Mòn (NaMon.xlsx)",
        "  Bị từ chối: Bản Cọ (ds/BanCo.xlsx)",
    ]
    assert cli._absent_lines(result, "en")[1] == "    Xóm 8 and 3 more (see sheet 'Nộp báo cáo')"


def test_a_hamlet_lacking_a_list_sent_apart_is_left_to_its_own_line():
    # Nà Mòn "rejected" because its figures lack a merged hamlet's list sent apart: said by
    # _incomplete_lines (what and what to do), not again here; Bản Cọ's own list refused.
    result = _result(
        [("Nà Mòn", "rejected", "NaMon.xlsx"), ("Bản Cọ", "rejected", "BanCo.xlsx")],
        incomplete="Nà Mòn",
    )
    assert cli._absent_lines(result, "vi") == ["  Bị từ chối: Bản Cọ (BanCo.xlsx)"]
