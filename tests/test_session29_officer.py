"""Session 29 (E): the officer's side — the plan, `check`, movements.

The small commune's plan (tests/commune.py): Nà Mòn (100, 3, 2, 1, 1) row 4, Bản Cọ
(200, 2, 1, 1, 1) row 5, Đồng Kè (150, 1, 1, 1, 1) row 6, 'Tổng cộng' row 7 (formulas). The
hamlets sum to 450 households, 6 poor, 4 near-poor, targets 3 and 3.
"""

from __future__ import annotations

import json
from datetime import date

import openpyxl
import pytest

from pipeline.messages import in_language
from pipeline.plan import PlanError, load_plan
from pipeline.read import open_workbook
from pipeline.run import execute
from tests.commune import clean_rosters, person, write_plan, write_roster

TARGETS = "Chỉ tiêu theo xóm"


def grouped_plan(folder, rows: list[list]):
    """The small commune's plan whose targets table, from row 4, holds ``rows`` (A..F) and
    nothing under them."""
    path = write_plan(folder)
    book = openpyxl.load_workbook(path)
    sheet = book[TARGETS]
    sheet.delete_rows(4, 10)
    for offset, values in enumerate(rows):
        for col, value in zip("ABCDEF", values, strict=True):
            sheet[f"{col}{4 + offset}"] = value
    book.save(path)
    return path


def plan_and_hamlets(path):
    plan, issues = load_plan(open_workbook(path), path.name)
    return plan, list(plan.hamlets["hamlet"]), [i for i in issues if i.code == "plan-total-differs"]


NA_MON = ["Nà Mòn", 100, 3, 2, 1, 1]
BAN_CO = ["Bản Cọ", 200, 2, 1, 1, 1]
DONG_KE = ["Đồng Kè", 150, 1, 1, 1, 1]


@pytest.mark.parametrize("label", ["Cộng cụm 1", "Cộng khu A", "Tổng cụm I", "TONG CUM 1"])
def test_a_groups_subtotal_by_its_words_is_no_hamlet(tmp_path, label):
    # 'Cộng cụm 1' under Nà Mòn and Bản Cọ, typed 999 households (not their 300: which hamlets
    # a group holds is not known, so its figures are not compared); the 'Tổng cộng' row adds
    # the hamlets: 450 = 100 + 200 + 150, nothing said. Before: a fourth hamlet 'Cộng cụm 1'
    # of 999 households, the commune 1.449 households
    path = grouped_plan(
        tmp_path,
        [NA_MON, BAN_CO, [label, 999, 5, 3, 2, 2], DONG_KE, ["Tổng cộng", 450, 6, 4, 3, 3]],
    )
    plan, hamlets, said = plan_and_hamlets(path)
    assert hamlets == ["Nà Mòn", "Bản Cọ", "Đồng Kè"]
    assert int(plan.hamlets["start_households"].sum()) == 450
    assert said == []


def test_groups_headed_above_their_hamlets_are_no_hamlets(tmp_path):
    # 'I | Cụm 1' over Nà Mòn and Bản Cọ with their sums (300, 5, 3, 2, 2), 'Khu vực 2' over
    # Đồng Kè with nothing written: both groups, three hamlets, 450 households
    path = grouped_plan(
        tmp_path,
        [["I. Cụm 1", 300, 5, 3, 2, 2], NA_MON, BAN_CO, ["Khu vực 2", None, None, None, None, None],
         DONG_KE],
    )  # fmt: skip
    plan, hamlets, _ = plan_and_hamlets(path)
    assert hamlets == ["Nà Mòn", "Bản Cọ", "Đồng Kè"]
    assert int(plan.hamlets["start_poor"].sum()) == 6  # 3 + 2 + 1


def test_a_khu_row_is_a_group_only_by_its_sums(tmp_path):
    # 'Khu A' under Nà Mòn and Bản Cọ with their sums (100 + 200 = 300, 3 + 2 = 5, 2 + 1 = 3,
    # 1 + 1 = 2 twice): a group. 'Khu 5' (80, 1, 0, 0, 0), not a sum of the rows around it, is
    # a hamlet, as communes name hamlets 'Khu 5'; the total row 530 = 450 + 80 agrees
    path = grouped_plan(
        tmp_path,
        [NA_MON, BAN_CO, ["Khu A", 300, 5, 3, 2, 2], DONG_KE, ["Khu 5", 80, 1, 0, 0, 0],
         ["Tổng cộng", 530, 7, 4, 3, 3]],
    )  # fmt: skip
    plan, hamlets, said = plan_and_hamlets(path)
    assert hamlets == ["Nà Mòn", "Bản Cọ", "Đồng Kè", "Khu 5"]
    assert int(plan.hamlets["start_households"].sum()) == 530
    assert said == []


@pytest.mark.parametrize("label", ["Khu phố 3", "Khu 5"])
def test_a_khu_hamlet_with_its_neighbours_figures_is_a_hamlet(tmp_path, label):
    # Session 40 (the mess fuzzer's plan of 'Xóm Đồng Mỏ – Làng Mới', 'Khu phố 3', 'Bản Cọ-Nà
    # Pài', 43 households, 5 poor, 3 near-poor, 1 and 1 each): 'Khu phố 3' under a hamlet of the
    # same five figures was taken for a group of that one hamlet, its lists then of no plan
    # hamlet and the total row 150 + 150 + 200 = 500 told as differing (350)
    same = ["Nà Mòn", 150, 1, 1, 1, 1]
    path = grouped_plan(
        tmp_path, [same, [label, 150, 1, 1, 1, 1], BAN_CO, ["Tổng cộng", 500, 4, 3, 3, 3]]
    )
    plan, hamlets, said = plan_and_hamlets(path)
    assert hamlets == ["Nà Mòn", label, "Bản Cọ"]
    assert int(plan.hamlets["start_households"].sum()) == 500
    assert said == []


@pytest.mark.parametrize("label", ["Cộng cụm 1", "Tổng cộng cụm 1"])
def test_the_total_row_is_still_compared_past_the_subtotals(tmp_path, label):
    # 'Tổng cộng' typed as the sum of every row above it, the subtotal counted twice:
    # 100 + 200 + 300 + 150 = 750 households; the hamlets sum to 450 ('Tổng cộng cụm 1' is a
    # group's subtotal, not a second total row that would stop the comparison)
    path = grouped_plan(
        tmp_path,
        [NA_MON, BAN_CO, [label, 300, 5, 3, 2, 2], DONG_KE, ["Tổng cộng", 750, 6, 4, 3, 3]],
    )
    _, hamlets, [issue] = plan_and_hamlets(path)
    assert hamlets == ["Nà Mòn", "Bản Cọ", "Đồng Kè"]
    assert (issue.cell, issue.row) == ("B8", 8)
    assert in_language(issue.detail, "vi") == (
        "cột B 'Tổng số hộ đầu năm' ghi 750, cộng các xóm được 450"
    )


def test_a_total_cell_written_but_no_whole_number_is_said_and_a_dash_is_not(tmp_path):
    # Session 40: '4.50' households (a slip for 450 or 4.500), 4,5 poor households and 'bốn'
    # near-poor ones were passed over without a word, as a blank cell is; a dash still is
    path = grouped_plan(
        tmp_path, [NA_MON, BAN_CO, DONG_KE, ["Tổng cộng", "4.50", 4.5, "bốn", "-", 3]]
    )
    _, hamlets, [issue] = plan_and_hamlets(path)
    assert hamlets == ["Nà Mòn", "Bản Cọ", "Đồng Kè"]
    assert (issue.cell, issue.row, issue.severity) == ("B7", 7, "warning")
    assert in_language(issue.detail, "vi") == (
        "cột B 'Tổng số hộ đầu năm' ghi '4.50', không phải một số hộ, cộng các xóm được 450; "
        "cột C 'Số hộ nghèo đầu năm' ghi '4,5', không phải một số hộ, cộng các xóm được 6; "
        "cột D 'Số hộ cận nghèo đầu năm' ghi 'bốn', không phải một số hộ, cộng các xóm được 4"
    )
    assert in_language(issue.detail, "en").startswith(
        "column B 'Tổng số hộ đầu năm' holds '4.50', which is no number of households, the "
        "hamlets sum to 450; column C 'Số hộ nghèo đầu năm' holds '4.5', "
    )


def test_a_khu_heading_without_figures_is_still_a_hamlet_without_figures(tmp_path):
    # 'Khu 5' with nothing written may be a hamlet whose figures were forgotten: the plan is
    # still stopped at its cells, as before (a 'Cụm' heading among others is passed over)
    path = grouped_plan(
        tmp_path,
        [["Cụm 1", None, None, None, None, None], NA_MON, ["Khu 5", None, 1, 0, 0, 0],
         ["Cụm 2", None, None, None, None, None], BAN_CO],
    )  # fmt: skip
    with pytest.raises(PlanError) as stopped:
        load_plan(open_workbook(path), path.name)
    assert "dòng 6 (Khu 5), cột B 'Tổng số hộ đầu năm' đang trống" in str(stopped.value)
    assert "Cụm 1" not in str(stopped.value)


# --- 2. the plan's start list with the head's name in 'Họ' | 'Tên' ---------------------------

START = "Danh sách đầu năm"


def _start_list_split(folder, parent: bool, blank_code: str | None = None):
    """The small commune's plan whose start list writes the head's name in two columns, 'Họ'
    ('Hoàng Văn') then 'Tên' ('NM1'), flat or under a parent 'Họ và tên chủ hộ' merged over
    both; the Mã hộ ``blank_code`` left blank."""
    path = write_plan(folder)
    book = openpyxl.load_workbook(path)
    sheet = book[START]
    sheet.insert_cols(4)  # D 'Họ', E 'Tên' (was D 'Họ và tên chủ hộ')
    if parent:
        sheet.insert_rows(3)
        sheet["D3"] = "Họ và tên chủ hộ"
        sheet.merge_cells("D3:E3")
        sheet["D4"], sheet["E4"], first = "Họ", "Tên", 5
    else:
        sheet["D3"], sheet["E3"], first = "Họ", "Tên", 4
    for row in range(first, sheet.max_row + 1):
        name = sheet[f"E{row}"].value
        if isinstance(name, str) and name.startswith("Hoàng Văn "):
            sheet[f"D{row}"], sheet[f"E{row}"] = "Hoàng Văn", name.split()[-1]
        if blank_code is not None and sheet[f"C{row}"].value == blank_code:
            sheet[f"C{row}"] = None
    book.save(path)
    return path


@pytest.mark.parametrize("parent", [False, True])
def test_the_start_lists_split_name_is_read_joined(tmp_path, parent):
    # 10 households (Nà Mòn 3 + 2, Bản Cọ 2 + 1, Đồng Kè 1 + 1), each 'Hoàng Văn' | '<code>'.
    # Before: flat, every row refused for a missing name (no start list at all); under a
    # parent, every name read 'Hoàng Văn'
    path = _start_list_split(tmp_path, parent)
    plan, issues = load_plan(open_workbook(path), path.name)
    names = plan.start_list.set_index("ma_ho")["chu_ho"]
    assert len(names) == 10
    assert names["NM1"] == "Hoàng Văn NM1"
    assert names["DK2"] == "Hoàng Văn DK2"
    assert [i for i in issues if i.code == "missing-head-name"] == []


def test_a_household_written_without_its_code_is_matched_by_the_start_lists_joined_name(
    tmp_path,
):
    # The start list writes the head's name under a parent 'Họ và tên chủ hộ' over 'Họ | Tên';
    # May's Nà Mòn list (clean_rosters) writes NM1 without its Mã hộ (an error: the row is not
    # counted), 'Hoàng Văn NM1', born 1970, poor: matched by (hamlet, name, birth year) it is
    # the start's NM1 still listed, "not counted". Nà Mòn by hand, start poor NM1-3, near-poor
    # NM4-5: poor 3 - 1 to near-poor (NM2) - 1 exited (NM3) - 1 not counted (NM1) + 1 from
    # near-poor (NM5) + 1 new (NM6) = 2. Against 'Hoàng Văn' NM1 matched nothing: an exit
    # (2 exited, none not counted)
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    _start_list_split(folder, parent=True)
    clean_rosters(folder)
    book = openpyxl.load_workbook(folder / "NaMon.xlsx")
    sheet = book["Danh sách"]
    [cell] = [c for row in sheet.iter_rows() for c in row if c.value == "NM1"]
    cell.value = None
    book.save(folder / "NaMon.xlsx")
    execute(folder, out, None)
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    na_mon = next(h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    poor = na_mon["movements"]["poor"]
    assert (poor["start"], poor["to_near_poor"], poor["exited"], poor["not_counted"]) == (
        3,
        1,
        1,
        1,
    )
    assert (poor["from_near_poor"], poor["new"], poor["end"]) == (1, 1, 2)


# --- 3. a spreadsheet's lock file, said by `check` and the run alike ------------------------


def _lock_files(folder):
    """Excel's lock file of 'NaMon.xlsx' (a short name: '~$' and the whole name), LibreOffice's
    of 'BanCo.xlsx', one Excel left for a list no longer there ('DS_Cu_2024-05.xlsx', its
    first two letters replaced), and a Word document's (no list: said nowhere)."""
    for name in ("~$NaMon.xlsx", ".~lock.BanCo.xlsx#", "~$_Cu_2024-05.xlsx", "~$ghichu.docx"):
        (folder / name).write_bytes(b"\x0bMa Thi Hoa" + b"\x00" * 150)


OPEN_NA_MON = (
    "Bỏ qua '~$NaMon.xlsx': đây là tệp khóa Excel tạo ra khi tệp 'NaMon.xlsx' đang mở, không "
    "phải danh sách. Những gì sửa trong 'NaMon.xlsx' mà chưa lưu thì chưa được đọc: nếu vừa "
    "sửa, hãy lưu và đóng tệp đó rồi chạy lại."
)
LEFT = (
    "Bỏ qua '~$_Cu_2024-05.xlsx': đây là tệp khóa Excel còn sót lại của một tệp đã đóng (Excel "
    "tạo ra khi mở một tệp, xóa đi khi đóng), không phải danh sách; có thể xóa nó."
)


def test_lock_files_are_told_by_the_workbook_they_stand_for(tmp_path):
    from pipeline.discover import lock_file_of

    clean_rosters(tmp_path)  # NaMon.xlsx, BanCo.xlsx
    (tmp_path / "DS_NaMon_2024-05.xlsx").write_bytes(b"")
    _lock_files(tmp_path)
    (tmp_path / "~$_NaMon_2024-05.xlsx").write_bytes(b"\x00")
    assert lock_file_of(tmp_path / "~$NaMon.xlsx") == ("NaMon.xlsx", True)
    # a long name: Excel replaces its first two letters ('DS' of 'DS_NaMon_2024-05.xlsx')
    assert lock_file_of(tmp_path / "~$_NaMon_2024-05.xlsx") == ("DS_NaMon_2024-05.xlsx", True)
    assert lock_file_of(tmp_path / ".~lock.BanCo.xlsx#") == ("BanCo.xlsx", True)
    assert lock_file_of(tmp_path / "~$_Cu_2024-05.xlsx") == ("_Cu_2024-05.xlsx", False)
    assert lock_file_of(tmp_path / "~$ghichu.docx") is None
    assert lock_file_of(tmp_path / "Thumbs.db") is None


def test_check_and_the_run_say_each_lock_file_in_one_line(tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import main
    from pipeline.output import NOTICES

    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    _lock_files(folder)
    # `check`: before, nothing at all (the lock files passed over in its count)
    said = CliRunner().invoke(main, ["check", str(folder)]).output.splitlines()
    locks = [line for line in said if line.startswith("Bỏ qua")]
    assert locks == [
        "Bỏ qua '.~lock.BanCo.xlsx#': đây là tệp khóa Excel tạo ra khi tệp 'BanCo.xlsx' đang "
        "mở, không phải danh sách. Những gì sửa trong 'BanCo.xlsx' mà chưa lưu thì chưa được "
        "đọc: nếu vừa sửa, hãy lưu và đóng tệp đó rồi chạy lại.",
        LEFT,  # Vietnamese alphabetical order ('_' before letters; session 48's text.vi_key)
        OPEN_NA_MON,
    ]
    # three files checked: the plan and two lists; no lock file counts
    assert said[-1].startswith("3 tệp, 0 lỗi")
    # the run: the same lines on screen (CHÚ Ý), still no file skipped (session 11)
    execute(folder, out, None)
    notices = [in_language(n, "vi") for n in NOTICES]
    assert [n for n in notices if n.startswith("Bỏ qua")] == locks
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    assert summary["issues"]["files_skipped"] == 0
    # 'Nộp báo cáo' says which list is open
    sheet = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Nộp báo cáo"]
    statuses = {
        r[3]: r[2]
        for r in sheet.iter_rows(values_only=True)
        if isinstance(r[3], str) and "~" in r[3]
    }
    assert statuses == {
        "~$NaMon.xlsx": "Bỏ qua: tệp khóa Excel (tệp 'NaMon.xlsx' đang mở)",
        ".~lock.BanCo.xlsx#": "Bỏ qua: tệp khóa Excel (tệp 'BanCo.xlsx' đang mở)",
        "~$_Cu_2024-05.xlsx": "Bỏ qua: tệp khóa Excel còn sót lại, có thể xóa",
        "~$ghichu.docx": "Bỏ qua",
    }


# --- 4. a household gone without 'Thoát' is asked about in the month it left -----------------


def _movement_rows(out, period: str, code: str) -> list[tuple]:
    """'Biến động''s household rows of ``code``: (movement, scope)."""
    sheet = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")["Biến động"]
    return [(r[5], r[8]) for r in sheet.iter_rows(values_only=True) if r[2] == code]


def test_a_household_gone_without_thoat_is_asked_about_in_the_month_it_left_only(tmp_path):
    # Nà Mòn's start list: NM1-3 poor, NM4-5 near-poor. April lists all five; May and June
    # leave NM3 out without 'Thoát'. May: NM3 exited since the start (1) and since April (1),
    # asked to confirm in both rows and by a warning. June: still exited since the start (1),
    # not since May (0); its year row says since when and asks nothing, and no warning (as
    # before)
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)

    def na_mon(period: str, prepared: date, without: str = "") -> None:
        rows = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
        rows += [person(f"NM{i}", "near_poor") for i in (4, 5)]
        rows = [r for r in rows if r["ma_ho"] != without]
        write_roster(folder, f"NaMon_{period}.xlsx", "Nà Mòn", 100, rows, period=period,
                     prepared=prepared)  # fmt: skip

    na_mon("2024-04", date(2024, 5, 3))
    execute(folder, out, "2024-04")
    na_mon("2024-05", date(2024, 6, 3), without="NM3")
    may, _, _ = execute(folder, out, "2024-05")
    na_mon("2024-06", date(2024, 7, 3), without="NM3")
    june, _, _ = execute(folder, out, "2024-06")

    asked = "Không còn trong danh sách (đề nghị xác nhận)"
    assert _movement_rows(out, "2024-05", "NM3") == [
        (asked, "Từ đầu năm"),
        (asked, "So với tháng trước"),
    ]
    assert [i.value for i in may.issues if i.code == "vanished-household"] == [
        "NM3 (Hoàng Văn NM3)"
    ]
    assert _movement_rows(out, "2024-06", "NM3") == [
        ("Không còn trong danh sách từ tháng 5/2024 (không ghi 'Thoát')", "Từ đầu năm")
    ]
    assert [i for i in june.issues if i.code == "vanished-household"] == []
    summary = json.loads((out / "2024-06" / "TongHop_2024-06.json").read_text("utf-8"))
    na = next(h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (na["movements"]["poor"]["exited"], na["movements_month"]["poor"]["exited"]) == (1, 0)


# --- 5. a hamlet renamed mid-year: the kept start list's note ---------------------------------


def test_a_hamlet_renamed_mid_year_is_said_as_a_rename_in_the_kept_start_lists_note(tmp_path):
    # April run with Nà Mòn (NM1-5) and Bản Cọ (BC1-3). Then the plan, its start list and May's
    # list write 'Nà Mòn Mới'. The history keeps only the start rows April does not say, and
    # each hamlet's first (NM1): it said "khác danh sách đã lưu ở 1 hộ (NM1)" while Nà Mòn's
    # 5 start households (3 poor + 2 near-poor) were renamed
    from pipeline.output import NOTICES

    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    plan = write_plan(folder)

    def lists(period: str, na_mon: str, prepared: date) -> None:
        na = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
        na += [person(f"NM{i}", "near_poor") for i in (4, 5)]
        ban = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
        for name, hamlet, total, rows in (
            ("NaMon", na_mon, 100, na),
            ("BanCo", "Bản Cọ", 200, ban),
        ):
            write_roster(folder, f"{name}_{period}.xlsx", hamlet, total, rows, period=period,
                         prepared=prepared)  # fmt: skip

    lists("2024-04", "Nà Mòn", date(2024, 5, 3))
    execute(folder, out, "2024-04")
    book = openpyxl.load_workbook(plan)
    for sheet in (book[TARGETS], book[START]):
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value == "Nà Mòn":
                    cell.value = "Nà Mòn Mới"
    book.save(plan)
    for name in ("NaMon", "BanCo"):
        (folder / f"{name}_2024-04.xlsx").unlink()
    lists("2024-05", "Nà Mòn Mới", date(2024, 6, 3))
    execute(folder, out, "2024-05")
    said = [n for n in NOTICES if "Danh sách hộ đầu năm" in in_language(n, "vi")]
    assert [in_language(n, "vi") for n in said] == [
        "Danh sách hộ đầu năm 2024 lưu trong lịch sử (dùng để nhận ra hộ tái nghèo năm sau) đã "
        "được ghi lại theo kế hoạch 'KeHoach_2024.xlsx' của lần chạy này, khác danh sách đã "
        "lưu: xóm 'Nà Mòn' nay ghi là 'Nà Mòn Mới' (5 hộ trong danh sách đầu năm)."
    ]
    assert in_language(said[0], "en").endswith(
        "differs from the one kept: hamlet 'Nà Mòn' is now written 'Nà Mòn Mới' (5 household(s) "
        "on the list)."
    )


def test_a_household_moved_between_hamlets_is_no_rename():
    # NM1's kept row moves from Nà Mòn to Bản Cọ, while Nà Mòn keeps NM2: no rename, NM1 still
    # said to differ
    import pandas as pd

    from pipeline.history import _renamed_hamlets

    def row(hamlet, code):
        return ("2024-00", hamlet, f"id|{code}", code, f"Hoàng Văn {code}", 1970, "poor", 4, 3)

    before = [row("Nà Mòn", "NM1"), row("Nà Mòn", "NM2"), row("Bản Cọ", "BC1")]
    rows = [row("Bản Cọ", "NM1"), row("Nà Mòn", "NM2"), row("Bản Cọ", "BC1")]
    start = pd.DataFrame({"hamlet": ["Bản Cọ", "Nà Mòn", "Bản Cọ"]})
    assert _renamed_hamlets(before, rows, ["NM1"], start) == ((), ["NM1"])
    # every row of Nà Mòn under 'Nà Mòn Mới': a rename, 2 households on the list under it
    rows = [row("Nà Mòn Mới", "NM1"), row("Nà Mòn Mới", "NM2"), row("Bản Cọ", "BC1")]
    start = pd.DataFrame({"hamlet": ["Nà Mòn Mới", "Nà Mòn Mới", "Bản Cọ"]})
    assert _renamed_hamlets(before, rows, ["NM1", "NM2"], start) == (
        (("Nà Mòn", "Nà Mòn Mới", 2),),
        [],
    )


# --- 6. a list's 'Tổng cộng' written as a formula ---------------------------------------------


def _list_with_formula_total(folder, cached: str | None):
    """The plan, and Nà Mòn's list of NM1-3 (rows 5-7 of 'Danh sách') with 'Tổng cộng' in A8
    and B8 '=COUNTA(B5:B7)&" hộ"', its value cached as ``cached`` (as Excel saves it) or not at
    all (as a program that writes formulas without their results saves it)."""
    import re
    import zipfile

    folder.mkdir(exist_ok=True)
    plan = write_plan(folder)
    path = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102,
                        [person("NM1", "poor"), person("NM2", "near_poor"),
                         person("NM3", "poor")])  # fmt: skip
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    assert [sheet[f"B{row}"].value for row in (5, 6, 7)] == ["NM1", "NM2", "NM3"]
    sheet["A8"], sheet["B8"] = "Tổng cộng", '=COUNTA(B5:B7)&" hộ"'
    book.save(path)
    if cached is not None:
        with zipfile.ZipFile(path) as old:
            parts = {info.filename: old.read(info) for info in old.infolist()}
        for name, data in parts.items():
            if name.startswith("xl/worksheets/") and b"COUNTA(B5:B7)" in data:
                cell = re.search(rb'<c r="B8"[^>]*>.*?</c>', data).group(0)
                value = b'<c r="B8" t="str"><f>COUNTA(B5:B7)&amp;" h\xe1\xbb\x99"</f><v>'
                parts[name] = data.replace(cell, value + cached.encode() + b"</v></c>")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
            for name, data in parts.items():
                new.writestr(name, data)
    return plan, path


def _said_of_row_8(plan, path) -> list[tuple]:
    from pipeline.checkfiles import check_files

    return [(i.code, i.cell) for i in check_files([plan, path])
            if i.file == path.name and (i.row == 8 or i.cell == "B8")]  # fmt: skip


def test_a_formula_total_without_its_value_is_not_compared_and_nothing_wrong_is_said(tmp_path):
    # no value to compare: not worked out from the formula (decided), and no problem said of
    # the total row (it is no household's)
    assert _said_of_row_8(*_list_with_formula_total(tmp_path, None)) == []


def test_a_formula_totals_cached_value_is_compared(tmp_path):
    # Excel's cached '5 hộ' for 3 household rows: said, as a typed total is (session 28);
    # '3 hộ' agrees
    assert _said_of_row_8(*_list_with_formula_total(tmp_path / "a", "5 hộ")) == [
        ("total-count-differs", "B8")
    ]
    assert _said_of_row_8(*_list_with_formula_total(tmp_path / "b", "3 hộ")) == []


def test_a_part_row_inside_a_group_does_not_cut_its_sum(tmp_path):
    # 'Trong đó: hộ DTTS | 80 | 2 | 1 | 1 | 1' under Nà Mòn is part of Nà Mòn's row, no hamlet
    # and no end of the group: 'Cụm 1' under it still sums Nà Mòn and Bản Cọ (300, 5, 3, 2, 2)
    path = grouped_plan(
        tmp_path,
        [NA_MON, ["Trong đó: hộ DTTS", 80, 2, 1, 1, 1], BAN_CO, ["Cụm 1", 300, 5, 3, 2, 2],
         DONG_KE],
    )  # fmt: skip
    _, hamlets, _ = plan_and_hamlets(path)
    assert hamlets == ["Nà Mòn", "Bản Cọ", "Đồng Kè"]
