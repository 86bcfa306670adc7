"""Session 41: a title naming a village hamlet before its group ('DANH SÁCH HỘ NGHÈO XÓM NÀ
MÒN TỔ 3', '… XÓM NÀ MÒN - TỔ 3', '… THÔN BẢN CỌ, TỔ SỐ 2'), as session 40 read the group
first ('… TỔ 3 XÓM NÀ MÒN', tests/test_session40_review.py)."""

from __future__ import annotations

import pytest

from pipeline.discover import _title_hamlet
from pipeline.run import collect
from tests.commune import person
from tests.test_session30_c_heads_lists import _hamlet, _with_titles
from tests.test_session40_review import _working_group_above
from tests.test_session40_titles import _issues


@pytest.mark.parametrize(
    ("title", "read"),
    [
        # the group after the hamlet is left out (before: 'NÀ MÒN TỔ 3', 'NÀ MÒN - TỔ 3', …)
        ("DANH SÁCH HỘ NGHÈO XÓM NÀ MÒN TỔ 3", "NÀ MÒN"),
        ("DANH SÁCH HỘ NGHÈO XÓM NÀ MÒN TỔ 3 – THÁNG 5/2024", "NÀ MÒN"),
        ("DANH SÁCH HỘ NGHÈO XÓM NÀ MÒN - TỔ 3", "NÀ MÒN"),
        ("DANH SÁCH HỘ NGHÈO THÔN NÀ MÒN – TỔ SỐ 3 – THÁNG 5/2024", "NÀ MÒN"),
        ("Danh sách hộ nghèo xóm Nà Mòn tổ 3 tháng 5/2024", "Nà Mòn"),
        ("DANH SÁCH HỘ NGHÈO XÓM ĐỒNG MỎ – LÀNG MỚI - TỔ 3 - THÁNG 5/2024", "ĐỒNG MỎ – LÀNG MỚI"),
        ("DANH SÁCH HỘ NGHÈO XÓM ……… TỔ 3", ""),  # the form's blank, then a group: none
        # as before
        ("DANH SÁCH HỘ NGHÈO THÔN BẢN CỌ, TỔ SỐ 2", "BẢN CỌ"),
        ("DANH SÁCH HỘ NGHÈO XÓM NÀ MÒN (TỔ 3)", "NÀ MÒN"),
        ("DANH SÁCH HỘ NGHÈO TỔ DÂN PHỐ SỐ 3", "TỔ DÂN PHỐ SỐ 3"),  # a town's unit, whole
        ("DANH SÁCH HỘ NGHÈO TỔ DÂN PHỐ SỐ 3 – THÁNG 5/2024", "TỔ DÂN PHỐ SỐ 3"),
        ("DANH SÁCH HỘ NGHÈO KHU PHỐ 3 TỔ 5", "KHU PHỐ 3 TỔ 5"),  # a town's: not cut
        ("DANH SÁCH HỘ NGHÈO TỔ 3", "TỔ 3"),
    ],
)
def test_a_group_written_after_its_hamlet_is_left_out_of_the_hamlet(title, read):
    assert _title_hamlet([title]) == read


@pytest.mark.parametrize(
    "title",
    ["DANH SÁCH HỘ NGHÈO XÓM NÀ MÒN TỔ 3 – THÁNG 5/2024", "DANH SÁCH HỘ NGHÈO XÓM NÀ MÒN TỔ 3"],
)
def test_a_list_titled_with_its_group_after_counts_its_hamlets_heading(tmp_path, title):
    """Nà Mòn's list (3 poor, 2 near-poor), 'Xóm' blank, titled '… XÓM NÀ MÒN TỔ 3 …', a heading
    'DANH SÁCH HỘ CẬN NGHÈO XÓM NÀ MÒN' over NM7 (near-poor). Before: the list's hamlet was read
    'NÀ MÒN TỔ 3', the heading named another hamlet and NM7 was left out, said to be 'Nà Mòn''s
    (3 poor, 2 near-poor); it is Nà Mòn's: 3 poor, 3 near-poor."""
    folder = tmp_path / "input"
    folder.mkdir()
    heading = "DANH SÁCH HỘ CẬN NGHÈO XÓM NÀ MÒN"
    path = _with_titles(folder, [(heading, [person("NM7", "near_poor")])])
    _working_group_above(path, None, title, None)
    result, _ = collect(folder, None, workers=0)
    assert _issues(result, "rows-of-other-hamlet") == []
    na_mon = _hamlet(result, "Nà Mòn")
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 3, 3)


def test_a_heading_naming_the_lists_own_hamlet_and_a_group_keeps_its_rows(tmp_path):
    """Nà Mòn's list, then 'DANH SÁCH HỘ CẬN NGHÈO XÓM NÀ MÒN TỔ 2' over NM7 (near-poor): Nà
    Mòn's group 2. Before: read as another hamlet 'NÀ MÒN TỔ 2', NM7 left out (2 near-poor)."""
    folder = tmp_path / "input"
    folder.mkdir()
    heading = "DANH SÁCH HỘ CẬN NGHÈO XÓM NÀ MÒN TỔ 2"
    _with_titles(folder, [(heading, [person("NM7", "near_poor")])])
    result, _ = collect(folder, None, workers=0)
    assert _issues(result, "rows-of-other-hamlet") == []
    na_mon = _hamlet(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 3)


def test_a_heading_naming_another_hamlet_then_its_group_names_that_hamlet(tmp_path):
    """Nà Mòn's list, then 'DANH SÁCH HỘ NGHÈO XÓM BẢN CỌ TỔ 2' over BC1 (poor): Bản Cọ's rows,
    left out of Nà Mòn's (3 poor) and said to be the plan's 'Bản Cọ''s. Before: said to be
    'BẢN CỌ TỔ 2''s, a hamlet the plan has not."""
    folder = tmp_path / "input"
    folder.mkdir()
    _with_titles(folder, [("DANH SÁCH HỘ NGHÈO XÓM BẢN CỌ TỔ 2", [person("BC1", "poor")])])
    result, _ = collect(folder, None, workers=0)
    assert _issues(result, "rows-of-other-hamlet") == [("Nà Mòn", "A10", "11", "Bản Cọ")]
    na_mon = _hamlet(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
