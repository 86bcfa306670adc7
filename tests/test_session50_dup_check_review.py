"""Session 50's review of a duplicate Mã hộ told as a household moved (moves.duplicate_moved)
and of `check` given lists of several months (checkfiles._movements_said).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list. Each head is
'Hoàng Văn <code>' with an ID number of its code; a list's third household is at row 7."""

from __future__ import annotations

import sqlite3
import threading
import time
import unicodedata

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import new_commune, person
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session48_code_reused import MAI, json_totals, sheets
from tests.test_session50_check_months import nm, vanished_words, write_three_lists
from tests.test_session50_duplicate_moved import asked, poor_moves

_BC = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]


def test_a_code_moved_away_and_reused_for_another_head_is_asked_not_told_to_drop(tmp_path):
    """April: the three hamlets their own lists. May: NM3's household (Hoàng Văn NM3) moved to
    Đồng Kè, which lists it under NM3; Nà Mòn gave NM3 to another household, 'Lò Thị Mai' (her
    own ID number). Nà Mòn's row is not the household that moved: telling its head "cùng chủ
    hộ … Hãy xóa dòng này" would drop a household living there (before). Both rows are asked
    as before (the code is another household's in Nà Mòn). Figures as before, by hand: both
    rows left out; Nà Mòn's year and month poor 3, not counted 1, 2; Đồng Kè 1 = 1; the
    commune's 6, not counted 1, 5 in both tables."""
    folder, out = new_commune(tmp_path)
    run_lists(
        folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Bản Cọ": _BC, "Đồng Kè": dk_rows()}
    )
    mai = person("NM3", "poor", **MAI)
    nam_mon = [mai if row["ma_ho"] == "NM3" else row for row in na_mon_rows()]
    may = run_lists(folder, out, "2024-05",
                 {"Nà Mòn": nam_mon, "Bản Cọ": _BC, "Đồng Kè": [*dk_rows(), person("NM3", "poor")]})  # fmt: skip
    _, said = sheets(out, "2024-05", "NM3")
    assert sorted((hamlet, cell, message) for hamlet, _, cell, _, message in said) == [
        ("Nà Mòn", "B7", asked("NM3", "xóm Đồng Kè, tệp DS_2_2024-05.xlsx")),
        ("Đồng Kè", "B7", asked("NM3", "xóm Nà Mòn, tệp DS_0_2024-05.xlsx")),
    ]
    assert poor_moves(may["Nà Mòn"]) == ((3, 1, 0, 0, 0, 2), (3, 1, 0, 0, 0, 2))
    assert poor_moves(may["Đồng Kè"]) == ((1, 0, 0, 0, 0, 1), (1, 0, 0, 0, 0, 1))
    assert poor_moves(json_totals(out, "2024-05")) == ((6, 1, 0, 0, 0, 5), (6, 1, 0, 0, 0, 5))


# April's and May's lists (March run), as tests.test_session50_check_months gives them: April
# drops NM2 and lists NM6, May drops NM2, NM3 and NM6; said, by hand, each against the month
# before: April's NM2, May's NM3 and NM6
_SAID = [
    vanished_words("DS_0_2024-04.xlsx", "NM2", "danh sách đầu năm"),
    vanished_words("DS_0_2024-05.xlsx", "NM3", "danh sách đầu năm"),
    vanished_words("DS_0_2024-05.xlsx", "NM6", "danh sách tháng 4/2024"),
]


def two_months(tmp_path, out_name: str = "ra"):
    """March run into ``out_name``; April's and May's lists in the input folder, neither run."""
    folder, _ = new_commune(tmp_path)
    out = tmp_path / out_name
    run_lists(
        folder, out, "2024-03", {"Nà Mòn": na_mon_rows(), "Bản Cọ": _BC, "Đồng Kè": dk_rows()}
    )
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    write_three_lists(folder, "2024-04", nm("NM2", more=(person("NM6", "poor"),)))
    write_three_lists(folder, "2024-05", nm("NM2", "NM3"))
    return folder, out


def _files(root) -> dict:
    """Every file and folder under ``root``: its bytes (a file's) and when it was changed."""
    return {
        str(p.relative_to(root)): (p.stat().st_mtime_ns, p.read_bytes() if p.is_file() else None)
        for p in sorted(root.rglob("*"))
    }


def _gone_said(folder, out) -> list[str]:
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    return [line for line in checked.splitlines() if "(vanished-household)" in line]


# 'kết quả #2' as a Mac writes it (NFD: the marks apart), a space, a '#'
@pytest.mark.parametrize("name", [unicodedata.normalize("NFD", "kết quả #2"), "ra?x", "ra%41"])
def test_a_history_in_a_folder_named_with_a_uri_mark_is_copied_itself(tmp_path, name):
    """The output folder's name holds '#', '?' or '%' (the officer's 'kết quả #2'): the scratch
    copy opened 'file:<path>?mode=ro' unquoted, which SQLite read as the path 'kết quả ' (the
    rest a fragment) or '<folder>/ra' (the rest a query), made that empty file beside the
    folder and copied nothing (no month said), or as 'raA' (nothing: May said against March
    alone). Now the store itself is copied: each month said against the month before, and
    nothing under the test's folder made or changed."""
    folder, out = two_months(tmp_path, name)
    before = _files(tmp_path)
    assert _gone_said(folder, out) == _SAID
    assert _files(tmp_path) == before


def test_a_history_in_wal_mode_is_copied_with_no_file_left_beside_it(tmp_path):
    """Another program turned the store to WAL mode (closed since: no '-wal', no '-shm'). The
    scratch copy opened it read-only, SQLite made 'lich-su.sqlite-wal' and '-shm' beside it and
    left them (the output folder changed). Now opened as `check` reads it: nothing made."""
    folder, out = two_months(tmp_path)
    with sqlite3.connect(out / "lich-su.sqlite") as conn:
        assert conn.execute("PRAGMA journal_mode=WAL").fetchone() == ("wal",)
    conn.close()
    before = _files(out)
    assert _gone_said(folder, out) == _SAID
    assert _files(out) == before


def test_a_history_held_while_check_copies_it_is_said_not_waited_for_without_end(
    tmp_path, monkeypatch
):
    """A program takes the store (a write under way) once `check` found it readable, before it
    is copied: SQLite's backup, asked again while the store is held, waited without end (check
    hung). Now a read begun first gives up after the wait every read of `check` has (5 s) and
    `check` goes on as with a store that cannot be copied: it finishes, says the store held and
    that the files were perhaps not compared with every stored period; the store unchanged."""
    import pipeline.checkfiles as checkfiles

    folder, out = two_months(tmp_path)
    history = out / "lich-su.sqlite"
    before = history.read_bytes()
    holder = sqlite3.connect(history, isolation_level=None, check_same_thread=False)
    months_not_run = checkfiles._months_not_run

    def then_held(*args):
        months = months_not_run(*args)
        holder.execute("BEGIN EXCLUSIVE")  # as a run's save holds it
        return months

    monkeypatch.setattr(checkfiles, "_months_not_run", then_held)
    said: list[str] = []
    checking = threading.Thread(
        target=lambda: said.append(
            CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
        ),
        daemon=True,
    )
    started = time.monotonic()
    checking.start()
    try:
        checking.join(120)
        assert not checking.is_alive(), "check waits without end for the store held"
    finally:
        if holder.in_transaction:
            holder.execute("ROLLBACK")
        holder.close()
        checking.join(60)
    assert time.monotonic() - started < 120
    first = said[0].splitlines()[0]
    assert first.startswith(  # an error line, counted, since session 58 (D)
        f"[LỖI] (history-read-failed): Không mở được kho lịch sử '{history}': kho đang bị "
        "chương trình khác giữ"
    )
    assert first.endswith("có thể chưa được so với mọi kỳ đã lưu; hãy kiểm tra lại.")
    assert history.read_bytes() == before


@pytest.mark.parametrize("stop", [KeyboardInterrupt, RuntimeError])
def test_the_scratch_copy_is_removed_when_check_is_stopped_inside_it(tmp_path, monkeypatch, stop):
    """Kept (passes before too): `check` stopped (Ctrl-C) or failing while April is run into the
    scratch copy: the copy was there then, and is gone after; the history's folder unchanged."""
    import tempfile

    import pipeline.run as run

    folder, out = two_months(tmp_path)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    copies: list[list[str]] = []
    movement_warnings = run.movement_warnings

    def stopped(*args, **kwargs):
        if len(args) > 5:  # April, into the scratch copy (kept)
            copies.append(sorted(p.name for p in scratch.glob("giamngheo-check-*/*")))
            raise stop()
        return movement_warnings(*args, **kwargs)

    monkeypatch.setattr(run, "movement_warnings", stopped)
    before = _files(out)
    CliRunner().invoke(main, ["check", str(folder), "--output", str(out)])
    assert copies == [["lich-su.sqlite"]]
    assert list(scratch.glob("giamngheo-check-*")) == []
    assert _files(out) == before
