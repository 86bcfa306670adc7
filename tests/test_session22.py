"""Session 22.

1. `giamngheo check` said nothing of the warnings a run finds only in its movement tables: a
   household of the start-of-year list (or of last month's list) missing from this month's
   without 'Thoát' (`vanished-household`), and a 'Thoát' for a household on no list of the
   year (`exited-not-listed-at-start`). The officer checks a folder before running it, and the
   hamlet heads get `check`'s feedback: it now says them as the run will, worked out by the
   run's own code on a copy of the files, against the history only read.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from pipeline.checkfiles import check_files
from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.run import collect, execute
from tests.commune import TARGET_LINES, past_targets, person, write_plan, write_roster

ROOT = Path(__file__).resolve().parents[1]
MOVES = ("vanished-household", "exited-not-listed-at-start")


def _said(issues) -> list[tuple]:
    """The movement warnings, as `check` shows them: file, sheet, cell, message."""
    return sorted((i.code, i.file, i.sheet, i.cell, i.message()) for i in issues if i.code in MOVES)


def _check_lines(*args: str) -> list[str]:
    done = subprocess.run([sys.executable, "-m", "pipeline", "check", *args],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout.splitlines()


GONE_BC3 = (
    "Hộ BC3 (Hoàng Văn BC3) có trong danh sách đầu năm nhưng không có trong danh sách kỳ này; "
    "đã tính là thoát. Đề nghị xóm xác nhận: nếu đúng, hãy ghi lại dòng của hộ (đủ các cột như "
    "các hộ khác) với Phân loại hộ 'Thoát'. Nếu hộ chỉ chuyển sang xóm khác trong xã thì không "
    "ghi lại: xóm nơi hộ đến ghi hộ vào danh sách của mình với Mã hộ cũ."
)


def _may(folder: Path) -> None:
    """The small commune's plan (start list: Nà Mòn NM1–NM3 poor, NM4–NM5 near-poor; Bản Cọ
    BC1–BC2 poor, BC3 near-poor; Đồng Kè DK1, DK2) and two May lists: Nà Mòn with every
    household of its start list (NM5 'Thoát') and NM9 'Thoát', a code on no list; Bản Cọ with
    BC1 and BC2, BC3 left off. Đồng Kè sends nothing (a hamlet missing has no movements)."""
    write_plan(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100, [
        person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"),
        person("NM4", "near_poor"), person("NM5", "exited"), person("NM9", "exited")])  # fmt: skip
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor")])  # fmt: skip


def test_check_warns_of_a_start_list_household_missing_as_the_run_does(tmp_path):
    """Worked by hand: BC3 is on Bản Cọ's start list and not on its May list, without 'Thoát':
    one vanished-household warning, on BanCo.xlsx (no sheet or cell: the row is missing).
    NM9 'Thoát' (row 10: the sixth household under the template's four title and header rows)
    is on no list of the year: exited-not-listed-at-start at its Mã hộ cell B10. NM5 'Thoát'
    is on the start list: nothing. `check` used to say neither; it now says both, word for
    word and at the same places as the run."""
    _may(tmp_path)
    result, _ = collect(tmp_path, None, workers=0)
    ran = _said(result.issues)
    found = check_files([tmp_path])
    assert _said(found) == ran
    assert [(code, file, sheet, cell) for code, file, sheet, cell, _ in ran] == [
        ("exited-not-listed-at-start", "NaMon.xlsx", "Danh sách", "B10"),
        ("vanished-household", "BanCo.xlsx", "", ""),
    ]
    assert ran[1][4] == GONE_BC3
    # nothing else was added: the other issues are the plan's two target warnings
    assert [i.code for i in past_targets(found) if i.code not in MOVES] == []
    (tmp_path / "out").mkdir()  # no history there (a first month)
    lines = _check_lines(str(tmp_path), "--output", str(tmp_path / "out"))
    assert f"[Cảnh báo] BanCo.xlsx: {GONE_BC3} (vanished-household)" in lines
    assert lines[-1] == "3 tệp, 0 lỗi, 4 cảnh báo."
    assert [line for line in lines if line in TARGET_LINES] == TARGET_LINES


def test_check_says_no_movement_without_the_plan(tmp_path):
    """The lists alone: no start list, no hamlets to compare; nothing is said of BC3 or NM9."""
    _may(tmp_path)
    (tmp_path / "KeHoach_2024.xlsx").unlink()
    assert _said(check_files([tmp_path])) == []


def _april_run(folder: Path, out: Path) -> None:
    """April run into ``out``: Nà Mòn lists its start list's five households and NM6, new and
    poor; Bản Cọ its three. May (in ``folder``): Bản Cọ the same three; Nà Mòn the five
    without NM6, which was on April's list and is on no list now, without 'Thoát'."""
    april = folder / "T4"
    april.mkdir()
    write_plan(april)
    start = [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"),
             person("NM4", "near_poor"), person("NM5", "near_poor")]  # fmt: skip
    when = {"period": "2024-04", "prepared": date(2024, 5, 3)}
    write_roster(april, "NaMon.xlsx", "Nà Mòn", 100,
                 [dict(r) for r in start] + [person("NM6", "poor")], **when)  # fmt: skip
    ban_co = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(april, "BanCo.xlsx", "Bản Cọ", 200, [dict(r) for r in ban_co], **when)
    execute(april, out, "2024-04")
    may = folder / "T5"
    may.mkdir()
    write_plan(may)
    write_roster(may, "NaMon.xlsx", "Nà Mòn", 100, [dict(r) for r in start])
    write_roster(may, "BanCo.xlsx", "Bản Cọ", 200, [dict(r) for r in ban_co])


def test_check_with_the_history_warns_of_last_months_household_missing(tmp_path):
    """Worked by hand: NM6 is on no start list, so against the plan alone nothing is missing
    in May; April's run stored it on Nà Mòn's list, and May's run warns of it, naming April's
    list. `check --output` (the history only read) says the same line; without the history,
    `check` cannot know NM6 and says nothing. The store is not changed by `check`."""
    out = tmp_path / "out"
    _april_run(tmp_path, out)
    store = out / HISTORY_FILE
    before = (store.read_bytes(), store.stat().st_mtime_ns)
    result, _ = collect(tmp_path / "T5", None, workers=0, history=HistoryStore(store))
    gone = (
        "Hộ NM6 (Hoàng Văn NM6) có trong danh sách tháng 4/2024 nhưng không có trong danh sách "
        "kỳ này; đã tính là thoát. Đề nghị xóm xác nhận: nếu đúng, hãy ghi lại dòng của hộ (đủ "
        "các cột như các hộ khác) với Phân loại hộ 'Thoát'. Nếu hộ chỉ chuyển sang xóm khác "
        "trong xã thì không ghi lại: xóm nơi hộ đến ghi hộ vào danh sách của mình với Mã hộ cũ."
    )
    assert _said(result.issues) == [("vanished-household", "NaMon.xlsx", "", "", gone)]
    found = check_files([tmp_path / "T5"], history=HistoryStore(store, read_only=True))
    assert _said(found) == _said(result.issues)
    lines = _check_lines(str(tmp_path / "T5"), "--output", str(out))
    assert f"[Cảnh báo] NaMon.xlsx: {gone} (vanished-household)" in lines
    assert _said(check_files([tmp_path / "T5"])) == []  # no history: NM6 unknown
    assert (store.read_bytes(), store.stat().st_mtime_ns) == before
