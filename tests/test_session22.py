"""Session 22.

1. `giamngheo check` said nothing of the warnings a run finds only in its movement tables: a
   household of the start-of-year list (or of last month's list) missing from this month's
   without 'Thoát' (`vanished-household`), and a 'Thoát' for a household on no list of the
   year (`exited-not-listed-at-start`). The officer checks a folder before running it, and the
   hamlet heads get `check`'s feedback: it now says them as the run will, worked out by the
   run's own code on a copy of the files, against the history only read.
2. A list whose 'Xóm' names a hamlet the plan does not have ('Bản Cọ 2') stays refused
   (CONTRACT §2: an error if unknown), but when its household codes are nearly all one plan
   hamlet's and nothing says otherwise, the error says so and how to put it right, and the
   file is that hamlet's refused file: the hamlet shows as rejected, not "chưa nộp", and its
   head gets the feedback.
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


def _check_lines(*args: str, code: int = 0) -> list[str]:
    """`giamngheo check`'s lines; ``code``: its exit code (1 when it finds an error)."""
    done = subprocess.run([sys.executable, "-m", "pipeline", "check", *args],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)  # fmt: skip
    assert done.returncode == code, done.stdout + done.stderr
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
    assert f"[Cảnh báo] BanCo.xlsx (vanished-household): {GONE_BC3}" in lines
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
    assert f"[Cảnh báo] NaMon.xlsx (vanished-household): {gone}" in lines
    assert _said(check_files([tmp_path / "T5"])) == []  # no history: NM6 unknown
    assert (store.read_bytes(), store.stat().st_mtime_ns) == before


# --- 2. a hamlet written under a name the plan does not have, its codes one hamlet's ---------

REFUSED_BC = (
    "Ô 'Xóm' ghi 'Bản Cọ 2', không có trong kế hoạch của xã, nên danh sách chưa được tính. Các "
    "mã hộ trong danh sách là của xóm Bản Cọ ({codes} mã hộ có trong danh sách đầu năm): nếu "
    "đây là danh sách của xóm Bản Cọ, hãy sửa ô 'Xóm' thành 'Bản Cọ' đúng như trong kế hoạch "
    "rồi gửi lại; nếu đây là một xóm khác chưa có trong kế hoạch thì xã cần thêm xóm đó vào kế "
    "hoạch rồi tổng hợp lại."
)
REFUSED_BC_EN = (
    "The 'Xóm' cell says 'Bản Cọ 2', which is not in the commune's plan, so the list is not "
    "counted. The list's household codes are hamlet Bản Cọ's (3 of 3 codes are on the "
    "start-of-year list): if it is Bản Cọ's list, write 'Bản Cọ' in the 'Xóm' cell, as the "
    "plan names it, and send it again; if it is another hamlet, not yet in the plan, the "
    "commune needs to add it to the plan and consolidate again."
)


def _ban_co_2(folder: Path, rows: list[dict], own: bool = False) -> None:
    """The plan, Nà Mòn's May list (its start list's five, NM5 'Thoát'), and 'BanCo2.xlsx'
    whose 'Xóm' (B3) is 'Bản Cọ 2', holding ``rows`` (200 households); with ``own``, Bản Cọ's
    own May list too (BC1, BC2 poor, BC3 near-poor, 'Xóm' 'Bản Cọ')."""
    write_plan(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100, [
        person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"),
        person("NM4", "near_poor"), person("NM5", "exited")])  # fmt: skip
    write_roster(folder, "BanCo2.xlsx", "Bản Cọ 2", 200, rows)
    if own:
        write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [
            person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")])  # fmt: skip


def _status(result) -> dict[str, str]:
    return {h["hamlet"]: h["status"] for h in result.summary["hamlets"]}


def test_a_list_of_a_hamlet_not_in_the_plan_whose_codes_are_one_hamlets_is_its_refused_file(
    tmp_path,
):
    """'Bản Cọ 2' (no such hamlet in the plan) over BC1, BC2 poor and BC3 near-poor, all three
    on Bản Cọ's start list, and Bản Cọ sent nothing else: the list is still refused (CONTRACT
    §2), but as Bản Cọ's file: Bản Cọ is 'rejected' (not 'missing'), the file on its line of
    'Nộp báo cáo'. Nothing of it is counted: the commune is Nà Mòn alone (3 poor, 1 near-poor
    of 100 households: NM5 'Thoát'), the figures of the same folder without the file, Bản Cọ
    'missing' there. The error at B3 says whose the codes are (3/3) and how to put it right;
    `check` says the same line. (Session 22 had counted it for Bản Cọ with a warning.)"""
    sent = tmp_path / "sent"
    sent.mkdir()
    _ban_co_2(sent, [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")])
    result, _ = collect(sent, None, workers=0)
    by = {h["hamlet"]: h for h in result.summary["hamlets"]}
    ban_co = by["Bản Cọ"]
    assert (ban_co["status"], ban_co["households"], ban_co["poor"], ban_co["near_poor"]) == (
        "rejected",
        None,
        None,
        None,
    )
    totals = result.summary["totals"]
    assert (totals["households"], totals["poor"], totals["near_poor"]) == (100, 3, 1)
    assert result.summary["reporting"]["accepted"] == 1
    assert result.reporting.set_index("hamlet")["file"]["Bản Cọ"] == "BanCo2.xlsx"
    # the same figures as the folder without the file, where Bản Cọ has sent nothing
    without = tmp_path / "without"
    without.mkdir()
    _ban_co_2(without, [])
    (without / "BanCo2.xlsx").unlink()
    expected, _ = collect(without, None, workers=0)
    assert result.summary["totals"] == expected.summary["totals"]
    assert _status(expected)["Bản Cọ"] == "missing"
    assert [{**h, "status": ""} for h in result.summary["hamlets"]] == [
        {**h, "status": ""} for h in expected.summary["hamlets"]
    ]
    said = [(i.code, i.file, i.sheet, i.cell, i.hamlet, i.message()) for i in result.issues
            if i.file == "BanCo2.xlsx"]  # fmt: skip
    line = REFUSED_BC.format(codes="3/3")
    assert said == [("unknown-hamlet", "BanCo2.xlsx", "Thông tin", "B3", "Bản Cọ", line)]
    [issue] = [i for i in result.issues if i.file == "BanCo2.xlsx"]
    assert issue.message("en") == REFUSED_BC_EN
    [refused] = [s for s in result.submissions if s.file == "BanCo2.xlsx"]
    assert (refused.hamlet, refused.status) == ("Bản Cọ", "rejected")
    found = [(i.code, i.file, i.sheet, i.cell, i.hamlet, i.message()) for i in check_files([sent])
             if i.file == "BanCo2.xlsx"]  # fmt: skip
    assert found == said
    (tmp_path / "out").mkdir()
    lines = _check_lines(str(sent), "--output", str(tmp_path / "out"), code=1)
    assert f"[LỖI] BanCo2.xlsx, Thông tin, B3 (unknown-hamlet): {line}" in lines
    assert lines[-1] == "3 tệp, 1 lỗi, 2 cảnh báo."  # the plan's two target warnings


def test_the_run_says_the_hamlet_refused_on_screen(tmp_path):
    """`giamngheo run` on that folder: "1/3 đã tổng hợp, 1 chưa nộp (Đồng Kè), 1 bị từ chối"
    (Bản Cọ); 'Nộp báo cáo' gives Bản Cọ's file and why it was refused, naming whose the codes
    are; and Bản Cọ gets the feedback workbook, B3 of its 'Thông tin' red, its note the error."""
    import openpyxl

    sent = tmp_path / "sent"
    sent.mkdir()
    _ban_co_2(sent, [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")])
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "--input", str(sent), "--output", str(out),
         "--quiet"], capture_output=True, text=True, timeout=300, cwd=ROOT)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Xóm: 1/3 đã tổng hợp, 1 chưa nộp, 1 bị từ chối" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
    feedback = sorted(p.name for p in (out / "2024-05" / "PhanHoi").iterdir())
    assert feedback == ["Bản Cọ_2024-05.xlsx"]
    book = openpyxl.load_workbook(out / "2024-05" / "PhanHoi" / "Bản Cọ_2024-05.xlsx")
    cell = book["Thông tin"]["B3"]
    assert (cell.value, cell.fill.fgColor.rgb) == ("Bản Cọ 2", "FFFFC7CE")
    assert cell.comment.text == REFUSED_BC.format(codes="3/3")
    report = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Nộp báo cáo"]
    [row] = [r for r in report.iter_rows(values_only=True) if r[1] == "Bản Cọ"]
    assert row[2:4] == (
        "Bị từ chối: xóm 'Bản Cọ 2' không có trong kế hoạch (các mã hộ là của xóm Bản Cọ)",
        "BanCo2.xlsx",
    )


def test_a_new_household_among_the_codes_still_tells_the_hamlet(tmp_path):
    """BC1–BC3 and BC9, new (on no list): 3 of its 4 codes are Bản Cọ's start list's, none
    another hamlet's (3 > 4/2, and 3/3 ≥ 80 %): Bản Cọ's refused file, '3/4' said."""
    _ban_co_2(tmp_path, [person("BC1", "poor"), person("BC2", "poor"),
                         person("BC3", "near_poor"), person("BC9", "poor")])  # fmt: skip
    result, _ = collect(tmp_path, None, workers=0)
    assert _status(result)["Bản Cọ"] == "rejected"
    [refused] = [i for i in result.issues if i.file == "BanCo2.xlsx"]
    assert (refused.code, refused.variant) == ("unknown-hamlet", "codes")
    assert refused.message() == REFUSED_BC.format(codes="3/4")


def test_mixed_codes_or_a_hamlet_that_sent_its_own_list_keep_the_plain_refusal(tmp_path):
    """'Bản Cọ 2' over BC1, BC2 and DK1, DK2 (two hamlets' codes, 2 of 4 each): the plain
    unknown-hamlet at B3 (the title, 'XÓM BẢN CỌ 2', read as naming Bản Cọ; the plan's
    hamlets), Bản Cọ 'missing'. Over BC1–BC3 while
    Bản Cọ's own list is there: the plain refusal, Bản Cọ counted from its own list alone
    (2 poor, 1 near-poor). Over KD1, KD2 (codes of no hamlet: a hamlet of its own): the plain
    refusal. Two such lists over Bản Cọ's codes: neither is Bản Cọ's, Bản Cọ 'missing'."""
    plain = ("unknown-hamlet", "", "B3",
             "Xóm 'Bản Cọ 2' không có trong kế hoạch của xã. Hãy ghi đúng tên xóm như trong kế "
             "hoạch (tiêu đề của danh sách lại ghi xóm Bản Cọ: nếu đúng là danh sách của xóm Bản "
             "Cọ, hãy sửa ô 'Xóm', nếu không thì sửa tiêu đề. Các xóm trong kế hoạch: Nà Mòn, Bản "
             "Cọ, Đồng Kè)."
             " Nếu đây là một xóm chưa có trong kế hoạch thì xã cần thêm xóm đó vào trang 'Chỉ tiêu theo xóm' của kế hoạch rồi tổng hợp lại.")  # fmt: skip

    def said(issues, file="BanCo2.xlsx"):
        return [(i.code, i.variant, i.cell, i.message()) for i in issues if i.file == file]

    mixed = tmp_path / "mixed"
    mixed.mkdir()
    _ban_co_2(mixed, [person("BC1", "poor"), person("BC2", "poor"),
                      person("DK1", "poor"), person("DK2", "near_poor")])  # fmt: skip
    result, _ = collect(mixed, None, workers=0)
    assert said(result.issues) == [plain]
    assert _status(result)["Bản Cọ"] == "missing"
    assert said(check_files([mixed])) == [plain]

    both = tmp_path / "both"
    both.mkdir()
    _ban_co_2(both, [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")],
              own=True)  # fmt: skip
    result, _ = collect(both, None, workers=0)
    assert said(result.issues) == [plain]
    ban_co = {h["hamlet"]: h for h in result.summary["hamlets"]}["Bản Cọ"]
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)
    assert result.reporting.set_index("hamlet")["file"]["Bản Cọ"] == "BanCo.xlsx"
    assert said(check_files([both])) == [plain]

    other = tmp_path / "other"
    other.mkdir()
    _ban_co_2(other, [person("KD1", "poor"), person("KD2", "near_poor")])
    result, _ = collect(other, None, workers=0)
    assert said(result.issues) == [plain]
    assert _status(result)["Bản Cọ"] == "missing"

    two = tmp_path / "two"
    two.mkdir()
    _ban_co_2(two, [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")])
    write_roster(two, "BanCo3.xlsx", "Bản Cọ 3", 200, [person("BC1", "poor")])
    result, _ = collect(two, None, workers=0)
    assert said(result.issues) == [plain]
    assert [i.variant for i in result.issues if i.file == "BanCo3.xlsx"] == [""]
    assert _status(result)["Bản Cọ"] == "missing"
    assert said(check_files([two])) == [plain]


def test_a_title_naming_a_hamlet_not_in_the_plan_over_one_hamlets_codes(tmp_path):
    """A list without 'Thông tin', its title 'DANH SÁCH HỘ NGHÈO xóm Lạ Lùng - Tháng 5 năm
    2024' (no such hamlet), file 'DS.xlsx', over Bản Cọ's BC1, BC2 poor and BC3 near-poor,
    Nà Mòn's list beside it: refused, Bản Cọ's refused file ('rejected'), the error telling to
    correct the title (no 'Xóm' cell to point at). Its feedback, Bản Cọ's, adds a 'Thông tin'
    showing 'Lạ Lùng' as the hamlet read, red (B3), the error pointed there."""
    import openpyxl

    from tests import messy
    from tests.test_feedback_guide import coloured, guide, run_and_publish

    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 100, [person("NM1", "poor")])
    messy.ban_co_no_info(
        tmp_path, "DS.xlsx", title=("DANH SÁCH HỘ NGHÈO xóm Lạ Lùng - Tháng 5 năm 2024",)
    )
    result, feedback = run_and_publish(tmp_path, tmp_path / "out")
    assert _status(result) == {"Nà Mòn": "ok", "Bản Cọ": "rejected", "Đồng Kè": "missing"}
    [refused] = [i for i in result.issues if i.file == "DS.xlsx"]
    assert (refused.code, refused.cell, refused.variant) == ("unknown-hamlet", "", "codes-title")
    line = (
        "Tiêu đề của danh sách ghi xóm 'Lạ Lùng', không có trong kế hoạch của xã, nên danh sách "
        "chưa được tính. Các mã hộ trong danh sách là của xóm Bản Cọ (3/3 mã hộ có trong danh "
        "sách đầu năm): nếu đây là danh sách của xóm Bản Cọ, hãy sửa tên xóm trong tiêu đề "
        "thành 'Bản Cọ' đúng như trong kế hoạch rồi gửi lại; nếu đây là một xóm khác chưa có "
        "trong kế hoạch thì xã cần thêm xóm đó vào kế hoạch rồi tổng hợp lại."
    )
    assert refused.message() == line
    book = openpyxl.load_workbook(feedback["Bản Cọ_2024-05.xlsx"])
    assert book["Thông tin"]["B3"].value == "Lạ Lùng"
    assert coloured(book)["Thông tin!B3"] == "red"
    [first, *_] = guide(book)["table"]
    assert first[1:3] == ("Thông tin", "B3") and first[-1] == line


def test_without_a_start_list_the_months_consolidated_tell_whose_the_codes_are(tmp_path):
    """The plan without a start list; April run: Nà Mòn (NM1 poor), Bản Cọ (BC1, BC2 poor).
    May: Nà Mòn (NM1), and 'Bản Cọ 2' over BC1, BC2: both codes on Bản Cọ's April list, so the
    refused list is Bản Cọ's ('rejected'), the error naming April's list; `check --output`
    (the history only read) says the same. Without the history `check` has no list to tell
    the codes by, and says the plain refusal."""
    april, may, out = tmp_path / "T4", tmp_path / "T5", tmp_path / "out"
    for folder in (april, may):
        folder.mkdir()
        write_plan(folder, with_start_list=False)
    when = {"period": "2024-04", "prepared": date(2024, 5, 3)}
    write_roster(april, "NaMon.xlsx", "Nà Mòn", 100, [person("NM1", "poor")], **when)
    write_roster(april, "BanCo.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor")], **when)  # fmt: skip
    execute(april, out, "2024-04")
    write_roster(may, "NaMon.xlsx", "Nà Mòn", 100, [person("NM1", "poor")])
    write_roster(may, "BanCo2.xlsx", "Bản Cọ 2", 200,
                 [person("BC1", "poor"), person("BC2", "poor")])  # fmt: skip
    store = out / HISTORY_FILE
    result, _ = collect(may, None, workers=0, history=HistoryStore(store))
    assert _status(result)["Bản Cọ"] == "rejected"
    assert result.summary["totals"]["households"] == 100  # Nà Mòn alone
    [refused] = [i for i in result.issues if i.file == "BanCo2.xlsx"]
    assert (refused.code, refused.variant) == ("unknown-hamlet", "codes")
    assert str(refused.detail) == "2/2 mã hộ có trong danh sách tháng 4/2024 đã tổng hợp"
    found = check_files([may], history=HistoryStore(store, read_only=True))
    assert [(i.code, i.cell, i.message()) for i in found if i.file == "BanCo2.xlsx"] == [
        (refused.code, "B3", refused.message())
    ]
    alone = [(i.code, i.variant) for i in check_files([may]) if i.file == "BanCo2.xlsx"]
    assert alone == [("unknown-hamlet", "")]
