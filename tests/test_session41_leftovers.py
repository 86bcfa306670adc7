"""Session 41: small leftovers of the session's QA and reviews. A number with a fraction
quoted as Excel's General cell shows it ('0,002470356', not all of its 17 digits); a
title naming a town's unit then its group ('KHU PHỐ 3 TỔ 5'), the plan deciding; no empty
PhanHoi/ left by a month run again with every list clean."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.hamlets import HamletMatcher
from pipeline.run import collect, execute
from pipeline.text import as_shown, excel_general, without_group
from tests import messy
from tests.commune import clean_rosters, person, write_plan, write_renamed_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_session30_c_heads_lists import with_titles
from tests.test_session40_review import working_group_above
from tests.test_session41_reading import dated_in_excel, in_excel


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        (5 / 2024, "0.002470356"),  # 0.0024703557312252965: 11 characters, rounded
        (1 / 3, "0.333333333"),
        (-1 / 3, "-0.333333333"),  # the sign not counted (review; was -0.33333333)
        (10 / 3, "3.333333333"),
        (0.1 + 0.2, "0.3"),  # 0.30000000000000004
        (1968.75, "1968.75"),
        (-1968.75, "-1968.75"),
        (123456789012.5, "1.23457E+11"),  # too long for 11 characters
        # review: as SheetJS's General table (from Excel) has them
        (-12345678912.3, "-12345678912"),  # was -1.23457E+10
        (0.1234567895, "0.12345679"),  # half up from 15 digits (the float is ...4999...)
        (1234.5678905, "1234.567891"),  # was 1234.56789
        (0.000001234, "0.000001234"),  # below 0.0001 every digit fits: was 1.234E-06
        (0.000001, "0.000001"),  # was 1E-06
        (0.0000123456, "1.23456E-05"),  # would be rounded: scientific (was 0.000012346)
        (0.0000000012, "1.2E-09"),
        (float("inf"), "inf"),  # '1.5E+400' in a file's XML: was a traceback
    ],
)
def test_a_number_with_a_fraction_is_said_as_excel_s_general_cell_shows_it(number, shown):
    assert excel_general(number) == shown
    quoted = as_shown(number)
    assert (quoted, quoted.en) == (shown.replace(".", ","), shown)


def test_a_date_typed_as_a_number_with_a_fraction_is_quoted_as_its_cell_shows_it(tmp_path):
    """'Ngày lập' holding 1 ÷ 3 (no formula): before, the message quoted
    '0.3333333333333333', the English digits, 16 of them; now as the cell shows it."""
    _, said = dated_in_excel(tmp_path, 1 / 3)
    assert [(code, cell, vi) for code, cell, _, vi, _ in said] == [
        ("invalid-prepared-date", "B7",
         "Không đọc được ngày ở ô 'Ngày lập' ('0,333333333'). Hãy ghi ngày theo dạng 03/06/2024; "
         "khi xóm gửi nhiều bản của cùng một kỳ, bản có ngày lập sau được dùng."),
    ]  # fmt: skip
    assert "('0.333333333')" in said[0][4]


@pytest.mark.parametrize(
    ("plan", "read"),
    [
        ({"Nà Mòn": "Khu phố 3", "Bản Cọ": "Tổ 5"}, "Khu phố 3"),  # its group cut
        ({"Nà Mòn": "Khu phố 3 Tổ 5", "Bản Cọ": "Khu phố 3"}, "Khu phố 3 Tổ 5"),  # whole
    ],
)
def test_a_title_naming_a_town_s_unit_then_its_group_is_the_plan_s_hamlet(tmp_path, plan, read):
    """Nà Mòn's May list (3 poor, 2 near-poor), 'Xóm' blank, titled 'DANH SÁCH HỘ NGHÈO KHU PHỐ
    3 TỔ 5': the plan decides, the whole name where it has it, else the name without its group.
    Before: refused in a run and in `check` as naming no plan hamlet ('KHU PHỐ 3 TỔ 5')."""
    folder = tmp_path / "input"
    folder.mkdir()
    path = with_titles(folder, [])
    working_group_above(path, None, "DANH SÁCH HỘ NGHÈO KHU PHỐ 3 TỔ 5", None)
    write_renamed_plan(folder, plan)
    result, _ = collect(folder, None, workers=0)
    found = hamlet_figures(result, read)
    assert (found["status"], found["poor"], found["near_poor"]) == ("ok", 3, 2)
    said = (
        f"Ô 'Xóm' của trang 'Thông tin' đang trống; đã lấy '{read}' từ tiêu đề của danh sách. "
        "Hãy ghi vào ô này cho chắc chắn."
    )
    blank = [(i.hamlet, i.cell, i.message("vi")) for i in result.issues
             if i.code == "info-cell-blank"]  # fmt: skip
    assert blank == [(read, "B3", said)]
    checked = [(i.hamlet, i.cell, i.message("vi")) for i in check_files([folder])
               if i.file == path.name and i.severity == "error" or i.code == "info-cell-blank"]  # fmt: skip
    assert checked == [(read, "B3", said)]


def test_a_group_is_cut_from_a_title_s_name_only_where_the_plan_has_no_whole_name():
    assert [without_group(n) for n in ("KHU PHỐ 3 TỔ 5", "Nà Mòn - tổ số 3", "TỔ DÂN PHỐ SỐ 3")] == [
        "KHU PHỐ 3", "Nà Mòn", "TỔ DÂN PHỐ SỐ 3"
    ]  # fmt: skip
    town = HamletMatcher(["Khu phố 3", "Khu phố 4", "Tổ dân phố số 3"])
    assert [town.match_title(n) for n in ("KHU PHỐ 3 TỔ 5", "KHU PHỐ 4 - TỔ 1", "TỔ DÂN PHỐ SỐ 3",
                                          "KHU PHỐ 5 TỔ 3")] == [
        "Khu phố 3", "Khu phố 4", "Tổ dân phố số 3", None
    ]  # fmt: skip
    assert HamletMatcher(["Khu phố 3", "Khu phố 3 Tổ 5"]).match_title("KHU PHỐ 3 TỔ 5") == (
        "Khu phố 3 Tổ 5"
    )


@pytest.mark.parametrize("note", [None, "ghi chú.txt"])
def test_a_month_run_again_with_no_feedback_leaves_no_empty_feedback_folder(tmp_path, note):
    """May run with Nà Mòn's 'Kỳ báo cáo' typed '=05/2024' (refused: its feedback file in
    PhanHoi/), then again with the list corrected: the stale feedback file goes, and PhanHoi/
    with it once empty. Before, the empty folder stayed. A file of the officer's there
    (``note``) keeps the folder, untouched."""
    folder = in_excel(tmp_path / "a", messy.Formula("=05/2024", 5 / 2024))
    out = tmp_path / "ra"
    execute(folder, out, "2024-05")
    feedback = out / "2024-05" / "PhanHoi"
    assert sorted(p.name for p in feedback.iterdir()) == ["Nà Mòn_2024-05.xlsx"]
    if note is not None:
        (feedback / note).write_text("của cán bộ xã", encoding="utf-8")
    shutil.copy(in_excel(tmp_path / "b") / "NaMon.xlsx", folder / "NaMon.xlsx")
    result = execute(folder, out, "2024-05")[0]
    assert [h["status"] for h in result.summary["hamlets"]] == ["ok", "ok", "missing"]
    if note is None:
        assert not feedback.exists()
        assert (out / "2024-05" / "TongHop_2024-05.xlsx").is_file()
    else:
        assert [p.name for p in feedback.iterdir()] == [note]
        assert (feedback / note).read_text(encoding="utf-8") == "của cán bộ xã"


def test_an_old_month_run_again_leaves_a_photo_in_a_later_months_folder_to_that_month(tmp_path):
    """April run again once May's folder is in input/: May's lists name their month and are
    not counted as skipped; a photo naming no hamlet in T5/ is May's file by its folder
    (session 55, review R6: as a workbook neither a list nor a plan there is since session
    55), 'Khác kỳ (tháng 5/2024)', not skipped; one at the input's top ('anh_top.jpg'),
    naming no month, is skipped and warned in any month's run, as session 41 decided. Before
    session 55's review, both were skipped (2)."""
    folder = tmp_path / "vao"
    (folder / "T4").mkdir(parents=True)
    (folder / "T5").mkdir()
    write_plan(folder)
    april = [person("NM1", "poor"), person("NM2", "near_poor")]
    write_roster(folder / "T4", "NaMon_04.xlsx", "Nà Mòn", 102, april, period="2024-04",
                 prepared=date(2024, 5, 3))  # fmt: skip
    clean_rosters(folder / "T5")
    (folder / "T5" / "anh.jpg").write_bytes(b"\xff\xd8\xff")
    (folder / "anh_top.jpg").write_bytes(b"\xff\xd8\xff")
    result = execute(folder, tmp_path / "ra", "2024-04")[0]
    assert result.summary["issues"]["files_skipped"] == 1
    assert sorted(
        (s.file, s.status, s.extra.get("name_period"))
        for s in result.submissions
        if s.kind != "plan"
    ) == [
        ("T4/NaMon_04.xlsx", "warnings", None),
        ("T5/BanCo.xlsx", "other_period", None),
        ("T5/NaMon.xlsx", "other_period", None),
        ("T5/anh.jpg", "other_period", "2024-05"),
        ("anh_top.jpg", "skipped", None),
    ]
    assert [(i.file, i.message("vi")) for i in result.issues if i.code == "file-skipped"] == [
        ("anh_top.jpg", "Bỏ qua tệp không phải bảng tính (.jpg). Nếu đây là danh sách hộ, hãy "
         "lưu lại dạng .xlsx."),
    ]  # fmt: skip


def test_a_slip_in_a_town_s_unit_before_its_group_is_suggested(tmp_path):
    """Nà Mòn's May list, 'Xóm' blank, titled 'DANH SÁCH HỘ NGHÈO KHU PHỐ HÒA BINHH TỔ 5' (a
    slip for 'Hòa Bình') over a household new to the lists, beside Bản Cọ's list; the plan
    names them 'Khu phố Hòa Bình' and 'Khu phố Tân Tiến'. Refused as naming no plan hamlet,
    the message asks whether it is 'Khu phố Hòa Bình', as without the group, in a run and in
    `check` alike (review: no hamlet was suggested, the group's number kept in the name
    compared). 'KHU PHO 33 TO 5' is no slip for 'Khu phố 3': another number, no suggestion."""
    town = HamletMatcher(["Khu phố 3", "Khu phố 4"])
    assert town.suggest("KHU PHO 33 TO 5", titled=True) is None
    assert town.suggest("KHU PHO 3 TO 5", titled=True) == "Khu phố 3"
    folder = tmp_path / "input"
    folder.mkdir()
    path = write_roster(folder, "DS_2024-05.xlsx", "Nà Mòn", 102, [person("MOI1", "poor")])
    book = openpyxl.load_workbook(path)
    book["Danh sách"]["A1"] = "DANH SÁCH HỘ NGHÈO KHU PHỐ HÒA BINHH TỔ 5"
    book["Thông tin"]["B3"] = None
    book.save(path)
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Khu phố Tân Tiến", 200,
                 [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")])  # fmt: skip
    write_renamed_plan(folder, {"Nà Mòn": "Khu phố Hòa Bình", "Bản Cọ": "Khu phố Tân Tiến"})
    result, _ = collect(folder, None, workers=0)
    [said] = [i.message("vi") for i in result.issues if i.code == "unknown-hamlet"]
    assert "'KHU PHỐ HÒA BINHH TỔ 5'" in said
    assert "(có phải xóm 'Khu phố Hòa Bình'? Các xóm trong kế hoạch: " in said
    assert [i.message("vi") for i in check_files([folder]) if i.code == "unknown-hamlet"] == [said]


@pytest.mark.parametrize(
    ("plan", "counted", "said"),
    [
        ({"Nà Mòn": "Khu phố 3", "Bản Cọ": "Khu phố 4"}, (4, 2), []),  # its group: its own
        ({"Nà Mòn": "Khu phố 3", "Bản Cọ": "Khu phố 3 Tổ 2"}, (3, 2), ["Khu phố 3 Tổ 2"]),
    ],
)
def test_a_heading_naming_the_list_s_own_town_unit_with_a_group_is_the_plan_s_to_tell(
    tmp_path, plan, counted, said
):
    """Khu phố 3's May list (3 poor, 2 near-poor) with a heading 'DANH SÁCH HỘ NGHÈO KHU PHỐ 3
    TỔ 2' over NM7 (poor). The plan decides, as for the list's title: where it has no 'Khu phố
    3 Tổ 2' the heading names a group of the list's own unit, and NM7 is counted (4 poor);
    where it has one, NM7 is that hamlet's and left out, said so. The same in `check`. Review:
    NM7 was left out under a plan of 'Khu phố 3' and 'Khu phố 4' too, said as 'the list of Khu
    phố 3, not of Khu phố 3'."""
    folder = tmp_path / "input"
    folder.mkdir()
    heading = "DANH SÁCH HỘ NGHÈO KHU PHỐ 3 TỔ 2"
    path = with_titles(folder, [(heading, [person("NM7", "poor")])], hamlet="Khu phố 3")
    write_renamed_plan(folder, plan)
    result, _ = collect(folder, None, workers=0)
    found = hamlet_figures(result, "Khu phố 3")
    assert (found["status"], found["poor"], found["near_poor"]) == ("ok", *counted)
    other = [i for i in result.issues if i.code == "rows-of-other-hamlet"]
    assert [(i.cell, i.value) for i in other] == [("A10", heading) for _ in said]
    assert all(f"là danh sách của {name}, không phải của Khu phố 3" in i.message("vi")
               for i, name in zip(other, said, strict=True))  # fmt: skip
    checked = [
        (i.code, i.cell, i.message("vi")) for i in check_files([folder]) if i.file == path.name
    ]
    assert sorted(checked) == sorted(
        (i.code, i.cell, i.message("vi")) for i in result.issues if i.file == path.name
    )


def test_a_feedback_folder_linked_elsewhere_stays_when_emptied(tmp_path, monkeypatch):
    """As above, PhanHoi/ being the officer's link to a shared folder: once its stale copy is
    removed, the link stays, on Windows too, where rmdir of a folder's link removes the link
    (made so here). Review: the link was removed there."""
    real = Path.rmdir

    def windows_rmdir(self):
        if self.is_symlink():
            os.unlink(self)  # Windows' RemoveDirectory on a directory link: the link goes
        else:
            real(self)

    monkeypatch.setattr(Path, "rmdir", windows_rmdir)
    folder = in_excel(tmp_path / "a", messy.Formula("=05/2024", 5 / 2024))
    out = tmp_path / "ra"
    execute(folder, out, "2024-05")
    feedback, shared = out / "2024-05" / "PhanHoi", tmp_path / "chung"
    shutil.move(feedback, shared)
    feedback.symlink_to(shared, target_is_directory=True)
    shutil.copy(in_excel(tmp_path / "b") / "NaMon.xlsx", folder / "NaMon.xlsx")
    execute(folder, out, "2024-05")
    assert feedback.is_symlink() and feedback.resolve() == shared.resolve()
    assert list(shared.iterdir()) == []  # its stale copy removed, as from a folder of ours


def test_a_move_out_to_a_group_of_the_list_s_own_town_unit_is_said_as_written(tmp_path):
    """Khu phố 3's May list with a heading 'HỘ CHUYỂN ĐI KHU PHỐ 3 TỔ 2' over MOI9: taken out
    as moved away, said with the heading's name as written and as no plan hamlet, as before
    31f067f. Review: said 'moved to Khu phố 3, so not counted in Khu phố 3'. The same in
    `check`."""
    folder = tmp_path / "input"
    folder.mkdir()
    heading = "HỘ CHUYỂN ĐI KHU PHỐ 3 TỔ 2"
    with_titles(folder, [(heading, [person("MOI9", "poor")])], hamlet="Khu phố 3")
    write_renamed_plan(folder, {"Nà Mòn": "Khu phố 3", "Bản Cọ": "Khu phố 4"})
    result, _ = collect(folder, None, workers=0)
    found = hamlet_figures(result, "Khu phố 3")
    assert (found["status"], found["poor"], found["near_poor"]) == ("ok", 3, 2)
    [moved] = [i for i in result.issues if i.code == "rows-moved-away"]
    assert (moved.cell, moved.instead, moved.variant) == ("A10", "KHU PHỐ 3 TỔ 2", "outside-one")
    assert moved.message("vi").startswith(
        f"Dòng 11 nằm dưới tiêu đề '{heading}', là hộ đã chuyển đi KHU PHỐ 3 TỔ 2, nên không "
        "được tính vào Khu phố 3. KHU PHỐ 3 TỔ 2 không có "
    )
    checked = [i.message("vi") for i in check_files([folder]) if i.code == "rows-moved-away"]
    assert checked == [moved.message("vi")]
