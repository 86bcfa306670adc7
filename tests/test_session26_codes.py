"""Session 26: household codes (Mã hộ) that are no codes.

1. A count written word-first ('Số hộ: 120', 'Tổng: 120 hộ') or in people alone ('95 khẩu',
   'Số nhân khẩu 95') in Mã hộ is said as no code (`household-id-is-count`), as '120 hộ' is
   since session 25; 'hộ 120', 'Hộ số 12' (a number naming one household) stay codes.
   Fixture: Nà Mòn's May list of tests/test_session23_rows.py, worked by hand there (poor 3,
   near-poor 2), with a whole household in Excel row 11: '7 | <Mã hộ> | Nguyễn Văn Cường | … |
   3 | Hộ cận nghèo | 900000'. Said: left out, Nà Mòn stays 3 and 2. A code: near-poor 3.
2. The plan's start list: a count in two rows is said once at each, no Mã hộ used twice.
"""

from __future__ import annotations

import pytest

from pipeline.checkfiles import check_files
from pipeline.validate import household_count_kind
from tests import commune
from tests.commune import past_targets, start_list
from tests.test_session23_rows import _na_mon, _run_with_lines


def _household(code: object) -> list[dict[str, object]]:
    return [{"A": 7, "B": code, "C": "Nguyễn Văn Cường", "H": 3, "I": "Hộ cận nghèo",
             "J": 900000}]  # fmt: skip


# --- 1. counts written word-first, or in people ---------------------------------------------


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("120 hộ", "households"),
        ("Số hộ: 120", "households"),
        ("SỐ HỘ 120", "households"),
        ("so ho 120", "households"),
        ("Tổng số hộ: 120", "households"),
        ("Tổng số hộ là 120", "households"),
        ("Tổng: 120 hộ", "households"),
        ("Cộng 12 hộ", "households"),
        ("Số hộ: 20, 95 khẩu", "households"),
        ("95 khẩu", "people"),
        ("95 nhân khẩu", "people"),
        ("4 KHẨU", "people"),
        ("17 người", ""),  # not looked for (session 26: the fast path)
        ("Số khẩu: 95", "people"),
        ("Số nhân khẩu 95", "people"),
        ("Tổng số khẩu: 95", "people"),
        # codes: a number naming one household, a register book's number, a place's name
        ("hộ 120", ""),
        ("HỘ 12", ""),
        ("Hộ số 12", ""),
        ("HO120", ""),
        ("Số hộ khẩu 123", ""),
        ("Sổ hộ nghèo số 12", ""),
        ("12 Khau Lầu", ""),
        ("01 Hoà", ""),
        ("Số 12", ""),
        ("TL.01.001", ""),
        ("NM-012", ""),
        ("2024/15", ""),
        ("NM 6", ""),
        ("120", ""),
        (120, ""),
    ],
)
def test_what_count_a_code_is_written_as(code, kind):
    assert household_count_kind(code) == kind


@pytest.mark.parametrize("code", ["Số hộ: 120", "Tổng: 120 hộ"])
def test_a_count_written_word_first_is_said_at_its_cell(tmp_path, code):
    """Left out as '120 hộ' is: Nà Mòn poor 3, near-poor 2, one row left out, said at B11 with
    the households' wording; `check` says the same."""
    plan, roster, result = _run_with_lines(tmp_path, _household(code))
    na_mon = _na_mon(result.summary)
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert result.summary["issues"]["rows_left_out"] == 1
    errors = [i for i in past_targets(result.issues) if i.severity == "error"]
    assert [(i.code, i.variant, i.sheet, i.cell, i.value) for i in errors] == [
        ("household-id-is-count", "", "Danh sách", "B11", code)
    ]
    assert f"'Mã hộ' ghi '{code}', là một số hộ đếm được chứ không phải mã hộ" in (
        errors[0].message("vi")
    )
    checked = [i for i in past_targets(check_files([roster, plan])) if i.severity == "error"]
    assert [(i.code, i.cell, i.value) for i in checked] == [("household-id-is-count", "B11", code)]


@pytest.mark.parametrize("code", ["95 khẩu", "Số nhân khẩu 95"])
def test_a_number_of_people_in_ma_ho_is_said_as_people(tmp_path, code):
    """A number of people is no code either: left out (Nà Mòn 3 and 2), said at B11 as a
    number of people ('people'), pointing the household's size to 'Số nhân khẩu'."""
    _, _, result = _run_with_lines(tmp_path, _household(code))
    na_mon = _na_mon(result.summary)
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert result.summary["issues"]["rows_left_out"] == 1
    [error] = [i for i in past_targets(result.issues) if i.severity == "error"]
    assert (error.code, error.variant, error.cell, error.value) == (
        "household-id-is-count", "people", "B11", code,
    )  # fmt: skip
    vi, en = error.message("vi"), error.message("en")
    assert vi.startswith(f"'Mã hộ' ghi '{code}', là một số nhân khẩu chứ không phải mã hộ; hộ")
    assert "số nhân khẩu của hộ ghi ở cột 'Số nhân khẩu'" in vi
    assert f"'Mã hộ' is '{code}', a number of people, not a household code" in en


@pytest.mark.parametrize("code", ["hộ 120", "Hộ số 12", "Số hộ khẩu 123"])
def test_a_number_naming_one_household_is_a_code(tmp_path, code):
    """Counted under it: near-poor 2 + 1 = 3, nothing left out, nothing said of its code."""
    _, _, result = _run_with_lines(tmp_path, _household(code))
    na_mon = _na_mon(result.summary)
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 3)
    assert result.summary["issues"]["rows_left_out"] == 0
    codes = {i.code for i in past_targets(result.issues)}
    assert "household-id-is-count" not in codes and "missing-household-id" not in codes


def test_a_count_written_word_first_in_two_rows_is_no_code_used_twice(tmp_path):
    """'Số hộ: 120' beside two heads (rows 11 and 12): each said once as a count, no
    `duplicate-household-id`; both left out, Nà Mòn still 3 and 2."""
    lines = _household("Số hộ: 120") + [dict(_household("Số hộ: 120")[0], C="Lò Văn Sáu")]
    _, _, result = _run_with_lines(tmp_path, lines)
    assert result.summary["issues"]["rows_left_out"] == 2
    said = [(i.code, i.cell) for i in past_targets(result.issues) if i.severity == "error"]
    assert said == [("household-id-is-count", "B11"), ("household-id-is-count", "B12")]


# --- 2. the plan's start list ----------------------------------------------------------------


def test_counts_in_two_start_list_rows_are_no_code_used_twice(tmp_path, monkeypatch):
    """Start list (Mã hộ in C, households from row 4): NM1 (C4, Nà Mòn) and BC1 (C9, Bản Cọ)
    both written '120 hộ', NM2 (C5) and NM3 (C6) both 'Số hộ: 5': each said once as a count,
    no Mã hộ used twice; BC2 (C10) written 'BC3' beside BC3 (C11), a code used twice, still
    said at both cells. Left out: Nà Mòn poor 3 − 3 = 0, near-poor 2; Bản Cọ poor 2 − 2 = 0
    (BC1, BC2), near-poor 1 − 1 = 0 (BC3)."""
    listed = start_list

    def with_counts() -> list[dict]:
        rows = listed()
        assert [r["ma_ho"] for r in rows[:8]] == [
            "NM1", "NM2", "NM3", "NM4", "NM5", "BC1", "BC2", "BC3",
        ]  # fmt: skip
        rows[0]["ma_ho"] = rows[5]["ma_ho"] = "120 hộ"
        rows[1]["ma_ho"] = rows[2]["ma_ho"] = "Số hộ: 5"
        rows[6]["ma_ho"] = "BC3"
        return rows

    monkeypatch.setattr(commune, "start_list", with_counts)
    plan = commune.write_plan(tmp_path)
    found = check_files([plan])
    errors = sorted((i.row, i.code, i.cell, i.value) for i in found if i.severity == "error")
    assert [said[1:] for said in errors] == [
        ("household-id-is-count", "C4", "120 hộ"),
        ("household-id-is-count", "C5", "Số hộ: 5"),
        ("household-id-is-count", "C6", "Số hộ: 5"),
        ("household-id-is-count", "C9", "120 hộ"),
        ("duplicate-household-id", "C10", "BC3"),
        ("duplicate-household-id", "C11", "BC3"),
    ]
    said = {i.hamlet: i.message("vi") for i in found if i.code == "plan-start-mismatch"}
    assert "Nà Mòn có 0 hộ nghèo, 2 hộ cận nghèo" in said["Nà Mòn"]
    assert "Bản Cọ có 0 hộ nghèo, 0 hộ cận nghèo" in said["Bản Cọ"]
