"""Session 25: a count of households written in 'Mã hộ' beside a head's name.

Nà Mòn's May list of tests/test_session23_rows.py, worked by hand there: poor 3, near-poor 2
(NM1 NM5 NM6 poor; NM2 NM4 near-poor; NM3 exited). Under it, in Excel row 11, a household
written whole but for its code: '7 | 120 hộ | Nguyễn Văn Cường | … | 3 | Hộ cận nghèo |
900000'. A count is no household code: the row is said at B11 (an error, as a missing code
is) and left out, so Nà Mòn stays poor 3, near-poor 2, one row left out.
"""

from __future__ import annotations

import pytest

from pipeline.checkfiles import check_files
from tests import commune
from tests.commune import past_targets
from tests.test_session23_rows import na_mon_in_summary, run_with_lines


def _household(code: object) -> list[dict[str, object]]:
    return [{"A": 7, "B": code, "C": "Nguyễn Văn Cường", "H": 3, "I": "Hộ cận nghèo",
             "J": 900000}]  # fmt: skip


@pytest.mark.parametrize("code", ["120 hộ", "120hộ", "12 HỘ", "20 hộ, 95 khẩu", "5 Ho"])
def test_a_count_in_ma_ho_is_said_at_its_cell(tmp_path, code):
    plan, roster, result = run_with_lines(tmp_path, _household(code))
    na_mon = na_mon_in_summary(result.summary)
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)  # the row is left out, and said
    assert result.summary["issues"]["rows_left_out"] == 1
    errors = [i for i in past_targets(result.issues) if i.severity == "error"]
    assert [(i.code, i.sheet, i.cell, i.column, i.value) for i in errors] == [
        ("household-id-is-count", "Danh sách", "B11", "Mã hộ", code)
    ]
    vi, en = errors[0].message("vi"), errors[0].message("en")
    assert f"'Mã hộ' ghi '{code}'" in vi
    assert "không phải mã hộ" in vi and "hộ chưa được tính" in vi
    assert "ghi mã hộ của hộ này như trong sổ quản lý hộ nghèo của xã" in vi
    assert "not a household code" in en and "the commune's register" in en
    checked = [i for i in past_targets(check_files([roster, plan])) if i.severity == "error"]
    assert [(i.code, i.cell, i.value) for i in checked] == [("household-id-is-count", "B11", code)]


@pytest.mark.parametrize("code", ["NM7", "HO120", "120", "01 Hoà"])
def test_a_code_that_is_no_count_is_counted(tmp_path, code):
    """The same household under a code (a number alone, or one whose word is not 'hộ') is
    counted: near-poor 2 + 1 = 3, nothing left out, nothing said of its code."""
    plan, roster, result = run_with_lines(tmp_path, _household(code))
    na_mon = na_mon_in_summary(result.summary)
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 3)
    assert result.summary["issues"]["rows_left_out"] == 0
    codes = {i.code for i in past_targets(result.issues)}
    assert "household-id-is-count" not in codes and "missing-household-id" not in codes


def test_a_count_in_the_start_lists_ma_ho_is_said_there(tmp_path, monkeypatch):
    """The plan's start-of-year list is checked as a hamlet's list: NM1 (Nà Mòn's first poor
    household, Excel row 4, Mã hộ in C) written '120 hộ' is said at C4 and left out, so the
    list holds poor 3 - 1 = 2, near-poor 2 for Nà Mòn (said against 'Chỉ tiêu theo xóm')."""
    listed = commune.start_list

    def with_a_count() -> list[dict]:
        rows = listed()
        assert (rows[0]["ma_ho"], rows[0]["hamlet"]) == ("NM1", "Nà Mòn")
        rows[0]["ma_ho"] = "120 hộ"
        return rows

    monkeypatch.setattr(commune, "start_list", with_a_count)
    plan = commune.write_plan(tmp_path)
    found = check_files([plan])
    errors = [(i.code, i.sheet, i.cell, i.value) for i in found if i.severity == "error"]
    assert errors == [("household-id-is-count", "Danh sách đầu năm", "C4", "120 hộ")]
    mismatch = next(i for i in found if i.code == "plan-start-mismatch")
    assert "Nà Mòn có 2 hộ nghèo, 2 hộ cận nghèo" in mismatch.message("vi")


def test_a_count_written_in_two_rows_is_no_code_used_twice(tmp_path):
    """'120 hộ' beside two heads (rows 11 and 12): each said once as a count, not also as a
    Mã hộ used twice (it is no code); both left out, Nà Mòn still poor 3, near-poor 2."""
    lines = _household("120 hộ") + [dict(_household("120 hộ")[0], C="Lò Văn Sáu")]
    _, roster, result = run_with_lines(tmp_path, lines)
    na_mon = na_mon_in_summary(result.summary)
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert result.summary["issues"]["rows_left_out"] == 2
    said = [(i.code, i.cell) for i in past_targets(result.issues) if i.severity == "error"]
    assert said == [("household-id-is-count", "B11"), ("household-id-is-count", "B12")]
