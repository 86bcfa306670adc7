"""Session 40: a hamlet whose name holds a dash ('Xóm Đồng Mỏ – Làng Mới') named in a list's
title is read whole, not as "Đồng Mỏ" (the dash taken for the title's "– THÁNG 5/2024"); the
plan's names decide where the name ends. The template's title writes a name that begins with
its own unit word without a second "XÓM", and reads back as that hamlet."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from pipeline.discover import _title_hamlet
from pipeline.hamlets import HamletMatcher
from pipeline.run import collect
from pipeline.template import roster_title
from tests.commune import person, write_renamed_plan, write_roster
from tests.messy import ban_co_households
from tests.summaries import hamlet_figures
from tests.test_session30_c_heads_lists import with_titles

DONG_MO, NA_MON = "Xóm Đồng Mỏ – Làng Mới", "Xóm Nà Mòn – Khu Tái Định Cư"
# The small commune with Bản Cọ (BC1, BC2 poor, BC3 near-poor at the start) renamed 'Xóm Đồng
# Mỏ – Làng Mới', Nà Mòn a name with a dash too, and Đồng Kè renamed 'Đồng Mỏ': a plan hamlet
# named as the first half of another.
RENAMED = {"Bản Cọ": DONG_MO, "Nà Mòn": NA_MON, "Đồng Kè": "Đồng Mỏ"}


def issues(result, code: str) -> list[tuple]:
    return [(i.hamlet, i.cell, i.detail, i.instead) for i in result.issues if i.code == code]


def test_a_title_over_another_hamlets_rows_names_the_whole_plan_hamlet(tmp_path):
    """Nà Mòn's list (3 poor, 2 near-poor in rows 5–9), then row 10 'Danh sách Xóm Đồng Mỏ – Làng
    Mới' over BC1 (poor) and BC3 (near-poor), rows 11–12. Before: the title was read "Đồng Mỏ",
    and the two rows were said to be the other plan hamlet Đồng Mỏ's. Now they are Xóm Đồng Mỏ –
    Làng Mới's; either way they are not Nà Mòn's: 3 poor, 2 near-poor."""
    folder = tmp_path / "input"
    folder.mkdir()
    title = "Danh sách Xóm Đồng Mỏ – Làng Mới"
    moved = [person("BC1", "poor"), person("BC3", "near_poor")]
    with_titles(folder, [(title, moved)], hamlet=NA_MON)
    write_renamed_plan(folder, RENAMED)
    result, _ = collect(folder, None, workers=0)
    assert issues(result, "rows-of-other-hamlet") == [(NA_MON, "A10", "11–12", DONG_MO)]
    na_mon = hamlet_figures(result, NA_MON)
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


def test_a_move_out_title_names_the_whole_plan_hamlet(tmp_path):
    """Row 10 'Hộ chuyển đi xóm Đồng Mỏ – Làng Mới' over NM3 (poor at the start, row 11) in Nà
    Mòn's list: NM3 moved to Xóm Đồng Mỏ – Làng Mới, not left the lists (its list not sent).
    Before: said moved to the plan hamlet Đồng Mỏ. Nà Mòn: 3 poor (NM1, NM5, NM6) of its start 3
    (NM1–NM3), one moved out, none exited."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [("Hộ chuyển đi xóm Đồng Mỏ – Làng Mới", [person("NM3", "poor")])],
                 hamlet=NA_MON)  # fmt: skip
    write_renamed_plan(folder, RENAMED)
    result, _ = collect(folder, None, workers=0)
    assert issues(result, "rows-moved-away") == [(NA_MON, "A10", "11", DONG_MO)]
    moves = hamlet_figures(result, NA_MON)["movements"]["poor"]
    assert (moves["start"], moves["moved_out"], moves["exited"], moves["end"]) == (3, 1, 0, 3)


def test_a_title_naming_the_lists_own_hamlet_keeps_its_rows(tmp_path):
    """Nà Mòn's list, 'Xóm' 'Xóm Nà Mòn – Khu Tái Định Cư': its five households (3 poor, 2
    near-poor), then row 10 'DANH SÁCH HỘ CẬN NGHÈO XÓM NÀ MÒN – KHU TÁI ĐỊNH CƯ' over NM7
    (near-poor), and row 12 'Danh sách xóm Nà Mòn – Khu tái định cư – đợt 2' (the title's own
    words after the last dash) over NM8 (poor). Before: both read "NÀ MÒN", no name of this
    list, and both rows were left out as another hamlet's. Now they are the list's own: 4 poor,
    3 near-poor."""
    folder = tmp_path / "input"
    folder.mkdir()
    groups = [("DANH SÁCH HỘ CẬN NGHÈO XÓM NÀ MÒN – KHU TÁI ĐỊNH CƯ", [person("NM7", "near_poor")]),
              ("Danh sách xóm Nà Mòn – Khu tái định cư – đợt 2", [person("NM8", "poor")])]  # fmt: skip
    with_titles(folder, groups, hamlet=NA_MON)
    write_renamed_plan(folder, RENAMED)
    result, _ = collect(folder, None, workers=0)
    assert issues(result, "rows-of-other-hamlet") == []
    na_mon = hamlet_figures(result, NA_MON)
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)


def renamed_may_list(tmp_path: Path, renamed: dict[str, str], hamlet: str) -> tuple[Path, Path]:
    """An input folder under ``tmp_path`` with the plan's hamlets ``renamed`` and ``hamlet``'s
    May list of Bản Cọ's households (BC1, BC2 poor, BC3 near-poor; 200 households): (the
    folder, the list's file)."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_renamed_plan(folder, renamed)
    return folder, write_roster(folder, "DS_2024-05.xlsx", hamlet, 200, ban_co_households())


def test_a_list_without_its_xom_is_the_hamlet_its_title_names_whole(tmp_path):
    """Xóm Đồng Mỏ – Làng Mới's May list (BC1, BC2 poor, BC3 near-poor) with its 'Xóm' cell left
    blank: its hamlet is read from the title the template wrote. Before: the title was "… XÓM
    XÓM ĐỒNG MỎ – LÀNG MỚI – THÁNG 5/2024", read "XÓM ĐỒNG MỎ", and the list was counted as Đồng
    Mỏ's (2 poor, 1 near-poor there, none in Xóm Đồng Mỏ – Làng Mới). Now it is counted as Xóm
    Đồng Mỏ – Làng Mới's, and Đồng Mỏ sent nothing."""
    folder, path = renamed_may_list(tmp_path, RENAMED, DONG_MO)
    book = openpyxl.load_workbook(path)
    assert book["Danh sách"]["A1"].value == (
        "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM ĐỒNG MỎ – LÀNG MỚI – THÁNG 5/2024"
    )
    book["Thông tin"]["B3"] = None
    book.save(path)
    result, _ = collect(folder, None, workers=0)
    dong_mo = hamlet_figures(result, DONG_MO)
    assert (dong_mo["status"], dong_mo["poor"], dong_mo["near_poor"]) == ("ok", 2, 1)
    assert hamlet_figures(result, "Đồng Mỏ")["status"] == "missing"


@pytest.mark.parametrize(
    ("hamlet", "title"),
    [
        ("Bản Cọ", "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM BẢN CỌ – THÁNG 5/2024"),
        (DONG_MO, "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM ĐỒNG MỎ – LÀNG MỚI – THÁNG 5/2024"),
        ("Thôn Nà Mòn", "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO THÔN NÀ MÒN – THÁNG 5/2024"),
        ("Tổ dân phố số 12", "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO TỔ DÂN PHỐ SỐ 12 – THÁNG 5/2024"),
        ("Ấp Bắc", "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO ẤP BẮC – THÁNG 5/2024"),
    ],
)
def test_the_templates_title_writes_the_unit_word_once_and_reads_back(hamlet, title):
    """Before: "XÓM XÓM ĐỒNG MỎ – LÀNG MỚI", "XÓM TỔ DÂN PHỐ SỐ 12", read back as plan hamlet
    Đồng Mỏ and as "TỔ DÂN PHỐ SỐ 12" (whose 'TỔ DÂN PHỐ' the reader then left out)."""
    assert roster_title(hamlet, "2024-05") == title
    plan = HamletMatcher(["Bản Cọ", "Đồng Mỏ", DONG_MO, "Thôn Nà Mòn", "Tổ dân phố số 12",
                          "Tổ dân phố số 2", "Ấp Bắc"])  # fmt: skip
    assert plan.in_title(_title_hamlet([title])) == hamlet


@pytest.mark.parametrize(
    ("cells", "read"),
    [
        # a dash before words that are no title's own is read on; the plan decides (below)
        (["Danh sách Xóm Đồng Mỏ – Làng Mới"], "Đồng Mỏ – Làng Mới"),
        (["DANH SÁCH XÓM ĐỒNG MỎ – LÀNG MỚI – THÁNG 5/2024"], "ĐỒNG MỎ – LÀNG MỚI"),
        (["Hộ chuyển đi xóm Đồng Mỏ-Làng Mới: 2 hộ"], "Đồng Mỏ-Làng Mới"),
        # ... and ends at the title's own words after a dash, as before
        (["DANH SÁCH HỘ NGHÈO XÓM BẢN CỌ – THÁNG 5/2024"], "BẢN CỌ"),
        (["DANH SÁCH XÓM BẢN CỌ - NĂM 2024"], "BẢN CỌ"),
        (["DANH SÁCH XÓM BẢN CỌ – 5/2024"], "BẢN CỌ"),
        (["DANH SÁCH XÓM BẢN CỌ - ĐỢT 2"], "BẢN CỌ"),
        (["DANH SÁCH XÓM BẢN CỌ – BỔ SUNG"], "BẢN CỌ"),
        (["DANH SÁCH XÓM BẢN CỌ - XÃ TRUNG LƯƠNG"], "BẢN CỌ"),
        (["DANH SÁCH XÓM BẢN CỌ –"], "BẢN CỌ"),
        # a name's own unit word other than 'Xóm', 'Thôn' is kept; a blank after it names none
        (["DANH SÁCH TỔ DÂN PHỐ SỐ 12 – THÁNG 5/2024"], "TỔ DÂN PHỐ SỐ 12"),
        (["DANH SÁCH XÓM TỔ DÂN PHỐ SỐ 12"], "TỔ DÂN PHỐ SỐ 12"),
        (["DANH SÁCH TỔ DÂN PHỐ ……… – THÁNG 5/2024"], ""),
        (["DANH SÁCH TỔ ……… THÁNG 5/2024"], ""),
    ],
)
def test_a_titles_hamlet_read_over_its_dashes(cells, read):
    assert _title_hamlet(cells) == read


@pytest.mark.parametrize(
    ("named", "plan_hamlet"),
    [
        ("ĐỒNG MỎ – LÀNG MỚI", DONG_MO),  # the longest reading the plan has
        ("XÓM ĐỒNG MỎ – LÀNG MỚI", DONG_MO),
        ("Đồng Mỏ", "Đồng Mỏ"),
        ("Đồng Mỏ – đợt 2", "Đồng Mỏ"),  # cut at the dash: what the plan has
        ("Bản Cọ - Khu Mới", "Bản Cọ"),
        ("Bản Cọ Mới - Khu Mới", "Bản Cọ"),  # inside the reading up to the dash, as before
        ("Khuổi Đắc – Làng Mới", None),
    ],
)
def test_the_plans_names_decide_where_a_titles_hamlet_ends(named, plan_hamlet):
    plan = HamletMatcher(["Bản Cọ", "Đồng Mỏ", DONG_MO])
    assert plan.in_title(named) == plan_hamlet
