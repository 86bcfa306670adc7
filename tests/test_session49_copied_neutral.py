"""Session 49: a neighbour's list copied, its 'Xóm' cell and title left, saved under a file name
naming no hamlet ('DanhSach_T5.xlsx'), does not replace the hamlet's own list: its codes alone
tell whose it is (consolidate.copied_by_codes)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.run import collect, execute
from tests.commune import person, write_merged_plan, write_plan, write_renamed_plan, write_roster

# The small commune (tests.commune): Nà Mòn 100 households, NM1-NM3 poor, NM4-NM5 near-poor at
# the start; Bản Cọ 200, BC1-BC2 poor, BC3 near-poor; Đồng Kè 150, DK1 poor, DK2 near-poor.


def may(folder, copy_rows, own_rows=None, copy_prepared=date(2024, 6, 9)):
    """May: Nà Mòn's list as at the start (NM1-NM3 poor, NM4-NM5 near-poor); Bản Cọ's own list
    'DS_BanCo_2024-05.xlsx' (by default BC1 poor, BC2 poor → near-poor, BC3 near-poor), dated 3
    June; and 'DanhSach_T5.xlsx', its 'Xóm' cell and title 'Bản Cọ', 150 households (Đồng Kè's
    total), holding ``copy_rows``, dated ``copy_prepared`` (after Bản Cọ's own)."""
    write_plan(folder)
    nm = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
    nm += [person("NM4", "near_poor"), person("NM5", "near_poor")]
    write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 100, nm)
    if own_rows is None:
        own_rows = [person("BC1", "poor"), person("BC2", "near_poor"), person("BC3", "near_poor")]
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, own_rows)
    copy = write_roster(folder, "DanhSach_T5.xlsx", "Bản Cọ", 150, copy_rows,
                        prepared=copy_prepared)  # fmt: skip
    assert "XÓM BẢN CỌ" in openpyxl.load_workbook(copy)["Danh sách"]["A1"].value
    return copy


def dong_ke_rows():
    return [person("DK1", "poor"), person("DK2", "near_poor")]


TOLD = (
    "Ô 'Xóm' và tiêu đề danh sách ghi 'Bản Cọ' nhưng các mã hộ trong danh sách là của xóm Đồng "
    "Kè (theo danh sách đầu năm), không phải của xóm 'Bản Cọ' (xóm 'Bản Cọ' đã gửi danh sách "
    "của xóm: tệp 'DS_BanCo_2024-05.xlsx'): có thể tệp được chép từ xóm 'Bản Cọ' mà chưa sửa ô "
    "'Xóm' và tiêu đề, nên tệp chưa được tính. Nếu đây là danh sách của xóm Đồng Kè, hãy sửa ô "
    "'Xóm' và tiêu đề thành 'Đồng Kè', kiểm tra cả các ô khác chép từ tệp của xóm 'Bản Cọ' "
    "(nhất là 'Tổng số hộ dân cư') rồi gửi lại."
)


def by_hamlet(result):
    return {h["hamlet"]: h for h in result.summary["hamlets"]}


def test_a_neighbours_copy_under_a_neutral_name_does_not_replace_the_hamlets_list(tmp_path):
    """Seen in the messy year's May: Đồng Kè's list in a copy of Bản Cọ's file, 'Xóm' and title
    Bản Cọ, saved as 'DanhSach_T5.xlsx' and dated after Bản Cọ's own list, replaced it: Bản Cọ's
    44 households counted exited, poor rate 8.76 % for 10.45 %, Đồng Kè 'chưa nộp'.

    By hand, now: the copy (DK1, DK2: both Đồng Kè's on the start list, neither Bản Cọ's) is
    Đồng Kè's refused file; Bản Cọ counts its own list: 200 households, BC1 poor, BC2 and BC3
    near-poor; its poor: start 2, 1 to near-poor, 0 exited, end 1. The commune counts Nà Mòn and
    Bản Cọ: 300 households, 3 + 1 = 4 poor (4/300 = 1.33 %, start 5/300 = 1.67 %: down 1/3
    point), 2 + 2 = 4 near-poor (start 3/300 = 1 %: up 1/3 point).
    Before: Bản Cọ counted from the copy: 150 households, 1 poor (DK1, new), 1 near-poor; BC1,
    BC2 counted exited (2) and BC3 too; the commune 250 households, 4 poor (1.6 %), Đồng Kè
    missing."""
    may(tmp_path, dong_ke_rows())
    result, _ = collect(tmp_path, None)
    by = by_hamlet(result)
    assert by["Đồng Kè"]["status"] == "rejected"
    ban_co = by["Bản Cọ"]
    assert (ban_co["status"], ban_co["households"], ban_co["poor"], ban_co["near_poor"]) == (
        "ok", 200, 1, 2,
    )  # fmt: skip
    poor = ban_co["movements"]["poor"]
    assert (poor["start"], poor["to_near_poor"], poor["exited"], poor["new"], poor["end"]) == (
        2, 1, 0, 0, 1,
    )  # fmt: skip
    assert ban_co["movements"]["near_poor"]["exited"] == 0
    totals = result.summary["totals"]
    assert (totals["households"], totals["poor"], totals["near_poor"]) == (300, 4, 4)
    assert totals["poor_rate"] == pytest.approx(4 / 300 * 100)
    assert totals["poor_rate_reduction"] == pytest.approx(5 / 300 * 100 - 4 / 300 * 100)
    assert totals["near_poor_rate_reduction"] == pytest.approx(3 / 300 * 100 - 4 / 300 * 100)
    assert totals["movements"]["poor"]["exited"] == 0
    assert not [i for i in result.issues if i.code in ("superseded", "vanished-household")]
    said = [(i.code, i.file, i.hamlet, i.sheet, i.cell, i.variant, i.severity)
            for i in result.issues if i.code.startswith("hamlet-")]  # fmt: skip
    assert said == [("hamlet-codes-of-file-name", "DanhSach_T5.xlsx", "Đồng Kè", "Thông tin",
                     "B3", "codes-title", "error")]  # fmt: skip
    issue = next(i for i in result.issues if i.code == "hamlet-codes-of-file-name")
    assert issue.message() == TOLD


def test_check_refuses_the_neutral_copy_as_the_run_does(tmp_path):
    """`check` with the plan says the same error at the same cell, in the same words, and sets
    neither list of Bản Cọ aside as an older copy."""
    may(tmp_path, dong_ke_rows())
    issues = check_files(sorted(tmp_path.glob("*.xlsx")))
    said = [(i.code, i.file, i.cell, i.message()) for i in issues
            if i.code.startswith("hamlet-") or i.code == "superseded"]  # fmt: skip
    assert said == [("hamlet-codes-of-file-name", "DanhSach_T5.xlsx", "B3", TOLD)]


def test_submission_sheet_names_the_copy_as_dong_kes_refused_file(tmp_path):
    """'Nộp báo cáo': Đồng Kè 'Bị từ chối' with the copy and why; Bản Cọ's own file counted."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    may(folder, dong_ke_rows())
    execute(folder, out, "2024-05")
    sheet = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Nộp báo cáo"]
    rows = {row[1].value: [c.value for c in row] for row in sheet.iter_rows()}
    assert rows["Đồng Kè"][2:4] == [
        "Bị từ chối: ô 'Xóm' ghi 'Bản Cọ' nhưng các mã hộ là của xóm Đồng Kè (tệp chép từ xóm "
        "khác?)",
        "DanhSach_T5.xlsx",
    ]
    assert rows["Bản Cọ"][3] == "DS_BanCo_2024-05.xlsx"


def test_the_copy_without_thong_tin_is_said_at_its_title(tmp_path):
    """The same copy with no 'Thông tin' (its hamlet read from the title 'XÓM BẢN CỌ'): Đồng
    Kè's refused file at the title's cell A1, Bản Cọ's own list counted (1 poor, 2 near-poor).
    Before: it replaced Bản Cọ's list as above."""
    copy = may(tmp_path, dong_ke_rows())
    book = openpyxl.load_workbook(copy)
    del book["Thông tin"]
    book.save(copy)
    result, _ = collect(tmp_path, None)
    by = by_hamlet(result)
    assert by["Đồng Kè"]["status"] == "rejected"
    assert (by["Bản Cọ"]["poor"], by["Bản Cọ"]["near_poor"]) == (1, 2)
    issue = next(i for i in result.issues if i.code == "hamlet-codes-of-file-name")
    assert (issue.file, issue.sheet, issue.cell, issue.hamlet, issue.variant) == (
        "DanhSach_T5.xlsx", "Danh sách", "A1", "Đồng Kè", "codes-title-only",
    )  # fmt: skip
    assert issue.message() == (
        "Tiêu đề danh sách ghi xóm Bản Cọ nhưng các mã hộ trong danh sách là của xóm Đồng Kè "
        "(theo danh sách đầu năm), không phải của xóm Bản Cọ (xóm Bản Cọ đã gửi danh sách của "
        "xóm: tệp 'DS_BanCo_2024-05.xlsx'): có thể tệp được chép từ xóm Bản Cọ mà chưa sửa tiêu "
        "đề, nên tệp chưa được tính. Nếu đây là danh sách của xóm Đồng Kè, hãy sửa tiêu đề thành "
        "xóm Đồng Kè (tốt nhất là dùng mẫu có trang 'Thông tin', ô 'Xóm' ghi 'Đồng Kè') rồi gửi "
        "lại."
    )


def test_a_true_newer_copy_of_the_hamlets_own_list_still_replaces_it(tmp_path):
    """A guard: 'DanhSach_T5.xlsx' holding Bản Cọ's own codes (BC1 poor, BC2, BC3 exited), newer,
    is Bản Cọ's newer copy, counted (1 poor, 0 near-poor); its older list is superseded."""
    may(tmp_path, [person("BC1", "poor"), person("BC2", "exited"), person("BC3", "exited")])
    result, _ = collect(tmp_path, None)
    by = by_hamlet(result)
    assert (by["Bản Cọ"]["poor"], by["Bản Cọ"]["near_poor"], by["Bản Cọ"]["households"]) == (
        1, 0, 150,
    )  # fmt: skip
    assert by["Đồng Kè"]["status"] == "missing"
    assert [(i.code, i.file) for i in result.issues if i.code == "superseded"] == [
        ("superseded", "DS_BanCo_2024-05.xlsx")
    ]
    assert not [i for i in result.issues if i.code.startswith("hamlet-")]


def test_codes_that_cannot_tell_the_copy_from_the_hamlets_list_leave_the_newer_copy(tmp_path):
    """A guard, two cases where the codes cannot decide, the newer list wins as before:
    Bản Cọ's own list of households all new this year (BC10, BC11: on no start list), and two
    lists of Bản Cọ both holding Đồng Kè's codes (a start list writing Bản Cọ's households under
    Đồng Kè would read so). The copy counts for Bản Cọ (DK1 poor, DK2 near-poor), nothing is
    refused."""
    for own in ([person("BC10", "poor"), person("BC11", "poor")], dong_ke_rows()):
        folder = tmp_path / own[0]["ma_ho"]
        folder.mkdir()
        may(folder, dong_ke_rows(), own_rows=own)
        result, _ = collect(folder, None)
        by = by_hamlet(result)
        assert (by["Bản Cọ"]["poor"], by["Bản Cọ"]["near_poor"]) == (1, 1)
        assert [(i.code, i.file) for i in result.issues if i.code == "superseded"] == [
            ("superseded", "DS_BanCo_2024-05.xlsx")
        ]
        assert not [i for i in result.issues if i.code.startswith("hamlet-")]


def test_a_merged_hamlets_list_sent_under_the_merged_name_is_not_refused(tmp_path):
    """A guard: Bản Cọ merged into Nà Mòn by the plan (its households on Nà Mòn's start list);
    Bản Cọ's former head sends BC1, BC2 under 'Nà Mòn', newer than Nà Mòn's own list: both lists'
    codes are Nà Mòn's, so neither is refused by its codes (the newer counted, as before)."""
    write_merged_plan(tmp_path)
    nm = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
    write_roster(tmp_path, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 300, nm)
    write_roster(tmp_path, "DanhSach_T5.xlsx", "Nà Mòn", 300,
                 [person("BC1", "poor"), person("BC2", "poor")], prepared=date(2024, 6, 9))  # fmt: skip
    result, _ = collect(tmp_path, None)
    assert not [i for i in result.issues if i.code.startswith("hamlet-")]
    assert [(i.code, i.file) for i in result.issues if i.code == "superseded"] == [
        ("superseded", "DS_NaMon_2024-05.xlsx")
    ]


def all_three_hamlets_one_more_household(folder):
    """May: every hamlet lists its start households as they were (NM1-NM3, BC1-BC2, DK1 poor;
    NM4-NM5, BC3, DK2 near-poor), Nà Mòn writing 101 resident households for the plan's 100.
    By hand: the commune 451 households for 450, 6 poor and 4 near-poor both times: the poor
    rate 6/451 = 1.3304 % for 6/450 = 1.3333 %, down 600/(450 × 451) = 0.0029564 points
    (0,0030), 0.19 % of the 1.52-point target; the near-poor down 400/(450 × 451) = 0.0019709
    points (0,0020), 0.20 % of 1.01."""
    write_plan(folder)
    nm = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
    nm += [person("NM4", "near_poor"), person("NM5", "near_poor")]
    write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 101, nm)
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")])  # fmt: skip
    write_roster(folder, "DS_DongKe_2024-05.xlsx", "Đồng Kè", 150, dong_ke_rows())


def test_a_reduction_under_a_hundredth_of_a_point_is_written_with_its_digits(tmp_path):
    """The screen said "giảm 0,00 điểm … (0,43 % kế hoạch)" for a reduction under 0.005
    points: no change, yet progress. Now the reduction shows its first two digits, on screen
    and in 'Tổng hợp' (its cells' number format), the JSON's unrounded as ever. Before: 'giảm
    0,00 điểm' and cells shown '0.00'."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    all_three_hamlets_one_more_household(folder)
    ran = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "--input", str(folder), "--output", str(out),
         "--period", "2024-05", "--quiet"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    lines = ran.stdout.splitlines()
    at = lines.index("Tỷ lệ hộ nghèo: 1,33 % — CHƯA ĐẠT (0,19 % kế hoạch)")
    assert lines[at : at + 4] == [  # two lines a rate (session 58, D2)
        "Tỷ lệ hộ nghèo: 1,33 % — CHƯA ĐẠT (0,19 % kế hoạch)",
        "    đầu năm 1,33 %, giảm 0,0030 điểm / chỉ tiêu 1,52 điểm",
        "Tỷ lệ hộ cận nghèo: 0,89 % — CHƯA ĐẠT (0,20 % kế hoạch)",
        "    đầu năm 0,89 %, giảm 0,0020 điểm / chỉ tiêu 1,01 điểm",
    ], ran.stdout + ran.stderr
    totals = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))["totals"]
    assert totals["poor_rate_reduction"] == pytest.approx(600 / (450 * 451))
    sheet = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Tổng hợp"]
    row = next(r for r in sheet.iter_rows() if r[0].value == "Mức giảm tỷ lệ (điểm %)")
    assert [(c.value, c.number_format) for c in row[1:3]] == [
        (pytest.approx(600 / (450 * 451)), "0.0000"),
        (pytest.approx(400 / (450 * 451)), "0.0000"),
    ]
    rates = next(r for r in sheet.iter_rows() if r[0].value == "Tỷ lệ đầu năm (%)")
    assert rates[1].number_format == "0.00"  # the rates keep their two decimals


def test_a_small_rise_says_up_and_a_reduction_of_a_hundredth_or_more_keeps_two_decimals():
    """The screen's words for a reduction by hand: a rise of 0.0013 points 'tăng 0,0013' (was
    'giảm 0,00'), 0.00042 '0,0004' (four decimals at most since test_session49_small), 1.857 '1,86', 0.005 '0,01', none '0,00'; a month run
    again says its reduction's change 0.0013 → 0.0021 '0,0013 → 0,0021'."""
    from pipeline.cli import _reduction

    assert _reduction(-0.0013, "vi") == "tăng 0,0013"
    assert _reduction(0.00042, "vi") == "giảm 0,0004"  # four decimals at most (session 49)
    assert _reduction(0.00042, "en") == "down 0.0004"
    assert _reduction(1.857, "vi") == "giảm 1,86"
    assert _reduction(0.005, "vi") == "giảm 0,01"
    assert _reduction(0.0, "vi") == "giảm 0,00"
    assert _reduction(-0.3, "vi") == "tăng 0,30"
    # a month run again names the change of its reduction by the same rule (was '0,00 → 0,00')
    from pipeline.notices_plan import _shown

    assert [_shown(v, "points", "vi") for v in (0.0013, 0.0021, 0.5)] == [
        "0,0013",
        "0,0021",
        "0,50",
    ]
    assert _shown(0.0013, "rate", "vi") == "0,00 %"  # a rate keeps its two decimals


def test_codes_of_a_hamlet_whose_name_begins_with_the_cells_tell_too(tmp_path):
    """Đồng Kè renamed 'Bản Cọ 2' in the plan (its start list too): the copy under 'Bản Cọ'
    holding DK1, DK2 is Bản Cọ 2's refused file (the names' likeness is for titles and file
    names, not codes); Bản Cọ counts its own list (1 poor, 2 near-poor)."""
    may(tmp_path, dong_ke_rows())
    write_renamed_plan(tmp_path, {"Đồng Kè": "Bản Cọ 2"})
    result, _ = collect(tmp_path, None)
    by = by_hamlet(result)
    assert by["Bản Cọ 2"]["status"] == "rejected"
    assert (by["Bản Cọ"]["poor"], by["Bản Cọ"]["near_poor"]) == (1, 2)
    said = [(i.code, i.file, i.hamlet) for i in result.issues if i.code.startswith("hamlet-")]
    assert said == [("hamlet-codes-of-file-name", "DanhSach_T5.xlsx", "Bản Cọ 2")]
