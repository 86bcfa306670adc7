"""A swap told by the stored months' codes alone (session 52, consolidate._swapped): without a
start list in the plan, the codes that tell whose a list is are those of the months already
consolidated, whose 'Xóm' cells are as the officer's runs took them. A swap in the first month
run goes unseen (no codes yet) and is stored; the next month's right lists then looked swapped
and were both refused. Now a swap on stored codes alone is counted as written and warned.

The small commune (tests.commune) with a plan writing no start list: Nà Mòn NM1-NM3 poor,
NM4-NM5 near-poor ('Tổng số hộ dân cư' 100); Bản Cọ BC1, BC2 poor, BC3 near-poor (200); Đồng Kè
DK1 poor, DK2 near-poor (150). Bản Cọ sends its own list each month. The test rosters' titles
name their 'Xóm' cells."""

from __future__ import annotations

from datetime import date

import openpyxl
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.run import execute
from tests.april_may import BAN_CO, may_errors, may_feedback, may_report
from tests.commune import write_plan, write_roster
from tests.summaries import json_summary
from tests.test_session38_oracle import dk_rows, na_mon_rows

_APRIL = {"period": "2024-04", "prepared": date(2024, 5, 3)}
_MAY = {"period": "2024-05", "prepared": date(2024, 6, 3)}
# each head reused the other's file: its 'Xóm' and its 'Tổng số hộ dân cư' the other's
SWAPPED = {"DS1.xlsx": ("Đồng Kè", 150, na_mon_rows), "DS2.xlsx": ("Nà Mòn", 100, dk_rows)}
RIGHT = {"DS1.xlsx": ("Nà Mòn", 100, na_mon_rows), "DS2.xlsx": ("Đồng Kè", 150, dk_rows)}


def months(tmp_path, april: dict, may: dict):
    """The plan without a start list; April run with Bản Cọ's list and ``april`` (file ->
    ('Xóm', total, rows)), its files then taken out; May's Bản Cọ and ``may`` written, not
    run. Returns (folder, out)."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder, with_start_list=False)
    for lists, when, tag in ((april, _APRIL, "_T4"), (may, _MAY, "")):
        write_roster(folder, f"BanCo{tag}.xlsx", "Bản Cọ", 200, BAN_CO, **when)
        for file, (hamlet, size, rows) in lists.items():
            write_roster(folder, file.replace(".xlsx", f"{tag}.xlsx"), hamlet, size, rows(), **when)
        if tag:
            execute(folder, out, "2024-04")
            for old in folder.glob("*_T4.xlsx"):
                old.unlink()
    return folder, out


def _warned(value: str, hamlet: str, other: str) -> str:
    """The officer's warning by hand: the list naming ``value`` holds ``hamlet``'s April codes,
    ``other`` names ``hamlet`` this month."""
    return (
        f"Danh sách ghi xóm '{value}' nhưng các mã hộ trong danh sách là của xóm {hamlet} trong "
        f"danh sách tháng 4/2024 đã tổng hợp, và kỳ này tệp '{other}' ghi xóm đó: có thể ô 'Xóm' "
        "đã bị đổi cho nhau giữa các xóm, ở danh sách kỳ này hoặc ở danh sách tháng đó. Kế hoạch "
        "không có danh sách đầu năm để biết bên nào đúng, nên tệp vẫn được tính cho xóm "
        f"{value} như danh sách ghi. Hãy kiểm tra ô 'Xóm' của danh sách này và của danh sách "
        "tháng đó: nếu danh sách này ghi nhầm, hãy sửa ô 'Xóm' (và các ô chép theo: tiêu đề danh "
        "sách, nhất là 'Tổng số hộ dân cư') rồi gửi lại; nếu danh sách tháng đó ghi nhầm, hãy sửa danh sách "
        "tháng đó, tổng hợp lại tháng đó rồi tổng hợp lại kỳ này."
    )


def _screen(value: str, hamlet: str, file: str) -> str:
    """The screen's line by hand."""
    return (
        f"CHÚ Ý: Xóm {value}: các mã hộ trong danh sách '{file}' là của xóm {hamlet} trong danh "
        f"sách tháng 4/2024 đã tổng hợp; danh sách vẫn được tính cho xóm {value} như đã ghi. Hãy "
        "kiểm tra ô 'Xóm' của danh sách này và của danh sách tháng đó (xem trang 'Lỗi dữ liệu')."
    )


def _run_may(folder, out) -> str:
    """May run as the officer starts it: the screen's words."""
    said = CliRunner().invoke(
        main, ["run", "--input", str(folder), "--output", str(out), "--period", "2024-05"]
    )
    assert said.exit_code == 0, said.output
    return said.output


def _figures(out) -> tuple[dict, tuple]:
    """May's {hamlet: (status, poor, near-poor)} and (poor, near-poor, complete)."""
    may = json_summary(out, "2024-05")
    by = {h["hamlet"]: (h["status"], h["poor"], h["near_poor"]) for h in may["hamlets"]}
    return by, (may["totals"]["poor"], may["totals"]["near_poor"], may["complete"])


def test_right_lists_after_an_unseen_swap_are_counted_and_warned(tmp_path):
    """April swapped (DS1 'Đồng Kè' with NM1-NM5, DS2 'Nà Mòn' with DK1, DK2), counted as
    written (no codes yet); May right. Before: both May lists refused as swapped ("theo danh
    sách tháng 4/2024 đã tổng hợp"), the commune Bản Cọ alone (2 poor, 1 near-poor). Now both
    counted as written: Nà Mòn NM1-NM3 poor, NM4, NM5 near-poor (3, 2), Đồng Kè (1, 1), the
    commune 6, 4, complete; each warned on 'Lỗi dữ liệu', the screen, 'Nộp báo cáo' and the
    head's feedback."""
    folder, out = months(tmp_path, SWAPPED, RIGHT)
    screen = _run_may(folder, out)
    by, totals = _figures(out)
    assert by == {"Nà Mòn": ("ok", 3, 2), "Bản Cọ": ("ok", 2, 1), "Đồng Kè": ("ok", 1, 1)}
    assert totals == (6, 4, True)
    errors = may_errors(out)
    assert "hamlet-codes-of-file-name" not in errors
    assert sorted(errors["hamlet-codes-stored-elsewhere"]) == sorted(
        [_warned("Nà Mòn", "Đồng Kè", "DS2.xlsx"), _warned("Đồng Kè", "Nà Mòn", "DS1.xlsx")]
    )
    assert _screen("Nà Mòn", "Đồng Kè", "DS1.xlsx") in screen
    assert _screen("Đồng Kè", "Nà Mòn", "DS2.xlsx") in screen
    hamlets = may_report(out)[0]
    assert (hamlets["Nà Mòn"], hamlets["Đồng Kè"], hamlets["Bản Cọ"]) == (
        "Hợp lệ, có cảnh báo",
        "Hợp lệ, có cảnh báo",
        "Hợp lệ",
    )
    feedback = may_feedback(out)
    assert (
        feedback["DS1.xlsx"]
        == feedback["DS2.xlsx"]
        == (
            "Danh sách đã được tổng hợp, mọi hộ đều được tính; có 1 cảnh báo (ô tô vàng), đề nghị "
            "kiểm tra lại."
        )
    )


def test_may_run_again_says_the_warning_again(tmp_path):
    """May run twice, nothing corrected: the second run is not judged by the first's cells
    (May's stored NM1-NM5 under Nà Mòn would make DS1 'Nà Mòn' hold its own codes): the same
    two warnings, the same figures."""
    folder, out = months(tmp_path, SWAPPED, RIGHT)
    _run_may(folder, out)
    screen = _run_may(folder, out)
    assert _screen("Nà Mòn", "Đồng Kè", "DS1.xlsx") in screen
    assert len(may_errors(out)["hamlet-codes-stored-elsewhere"]) == 2
    assert _figures(out)[1] == (6, 4, True)


def test_a_swap_this_month_without_a_start_list_is_counted_as_written_and_warned(tmp_path):
    """April right; May swapped. The stored April is no independent evidence either way: both
    counted as written (Nà Mòn DK1 poor, DK2 near-poor: 1, 1; Đồng Kè NM1-NM5: 3, 2; the
    commune 6, 4, complete) and warned in the exact words, naming the other file."""
    folder, out = months(tmp_path, RIGHT, SWAPPED)
    screen = _run_may(folder, out)
    by, totals = _figures(out)
    assert by == {"Nà Mòn": ("ok", 1, 1), "Bản Cọ": ("ok", 2, 1), "Đồng Kè": ("ok", 3, 2)}
    assert totals == (6, 4, True)
    assert sorted(may_errors(out)["hamlet-codes-stored-elsewhere"]) == sorted(
        [_warned("Đồng Kè", "Nà Mòn", "DS2.xlsx"), _warned("Nà Mòn", "Đồng Kè", "DS1.xlsx")]
    )
    assert _screen("Đồng Kè", "Nà Mòn", "DS1.xlsx") in screen


def test_lists_corrected_and_april_run_again_are_clean(tmp_path):
    """The warning's advice followed: April's lists corrected and April run again, then May.
    Neither month is judged by its own last run: no warning in either, May counted (6, 4)."""
    folder, out = months(tmp_path, SWAPPED, RIGHT)
    _run_may(folder, out)
    for file, (hamlet, size, rows) in RIGHT.items():
        write_roster(folder, file.replace(".xlsx", "_T4.xlsx"), hamlet, size, rows(), **_APRIL)
    write_roster(folder, "BanCo_T4.xlsx", "Bản Cọ", 200, BAN_CO, **_APRIL)
    said = CliRunner().invoke(
        main, ["run", "--input", str(folder), "--output", str(out), "--period", "2024-04"]
    )
    assert "là của xóm" not in said.output
    book = openpyxl.load_workbook(out / "2024-04" / "TongHop_2024-04.xlsx", read_only=True)
    codes = {r[9] for r in book["Lỗi dữ liệu"].iter_rows(values_only=True) if len(r) > 10}
    book.close()
    assert not {"hamlet-codes-stored-elsewhere", "hamlet-codes-of-file-name"} & codes
    screen = _run_may(folder, out)
    assert "là của xóm" not in screen
    assert "hamlet-codes-stored-elsewhere" not in may_errors(out)
    assert _figures(out)[1] == (6, 4, True)
