"""Session 56 (K): small leftovers of session 56's reviews.

1. A town's 'tổ' or 'khu' numbered past 9 in Roman numbers ('Tổ XI', 'TỔ XII', 'Khu XV') is
   the plan's Tổ 11, Tổ 12, Khu 15 (hamlets._ROMAN and text.ROMAN_NUMBER stopped at 9); a
   syllable written as a name ('tổ Xi') or with a mark ('Tổ Xí', 'tổ Vì') is no number.
2. A title's total written past the four cells after its label ('Tổng số hộ dân cư:' in A4,
   95 in F4) is quoted by the missing 'Thông tin' warning, as a total without its lines is.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the start list; here renamed as a
town's units ('Tổ 1', 'Tổ 11', 'Tổ 12', or Bản Cọ 'Khu 15')."""

from __future__ import annotations

import pytest

from pipeline.hamlets import HamletMatcher
from pipeline.run import collect
from tests.commune import clean_rosters, person, write_plan, write_renamed_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_session40_titles import issues
from tests.test_session55_k_leftovers import k_na_mon, title_head_list
from tests.test_session56_e_titles import titled_rows

_TOWN = {"Nà Mòn": "Tổ 1", "Bản Cọ": "Tổ 11", "Đồng Kè": "Tổ 12"}

# --- 1. Roman numbers 11 to 20 -----------------------------------------------------------------


def test_the_matcher_reads_roman_numbers_past_nine_in_a_towns_plan():
    """A town's plan 'Tổ 1' … 'Tổ 15' (and 'Khu 1' … 'Khu 15'). By hand: 'Tổ XI' is 11, 'TỔ
    XII' 12, 'Tổ số XIV' 14, 'Khu XV' 15, as a 'Xóm' cell (match) and a title's hamlet
    (match_title, in_title); never Tổ 1 (the 'I' inside 'XI'). Was: none of them matched
    (hamlets._ROMAN stopped at 'ix')."""
    plan = HamletMatcher([f"Tổ {n}" for n in range(1, 16)] + [f"Khu {n}" for n in range(1, 16)])
    written = ["Tổ XI", "TỔ XII", "Tổ số XIV", "Khu XV", "KHU XIII", "tổ xii"]
    expected = ["Tổ 11", "Tổ 12", "Tổ 14", "Khu 15", "Khu 13", "Tổ 12"]
    assert [plan.match(w) for w in written] == expected
    assert [plan.match_title(w) for w in written] == expected
    assert [plan.in_title(w) for w in written] == expected


def test_a_syllable_written_as_a_name_or_with_a_mark_is_no_roman_number():
    """Guards, the plan 'Tổ 1' … 'Tổ 15': in a title, 'tổ Xi' (a capital, then a small letter:
    a name, as E's 'tổ Vi') names none; 'Tổ Xí', 'TỔ XÍ', 'tổ Vì' (a syllable's mark: no
    Roman number has one) name none, as a title and as a 'Xóm' cell; 'Tổ X' ('X' alone a
    letter, as 'I', 'V') none; a plan's own 'Tổ Xí' is still named by its name. Was (before
    this change): 'tổ Vì' was Tổ 6 (folded to 'vi'); with 11-20 read and no guard, 'Tổ Xí'
    would be Tổ 11."""
    plan = HamletMatcher([f"Tổ {n}" for n in range(1, 16)])
    assert [plan.match_title(w) for w in ("tổ Xi", "Tổ Xí", "TỔ XÍ", "tổ Vì", "Tổ X")] == [None] * 5
    assert [plan.match(w) for w in ("Tổ Xí", "TỔ XÍ", "tổ Vì", "Tổ X")] == [None] * 4
    assert plan.match("Tổ Vi") == "Tổ 6"  # a 'Xóm' cell's name case is read as before (E)
    assert HamletMatcher(["Tổ 11", "Tổ Xí"]).match("Tổ Xí") == "Tổ Xí"
    assert HamletMatcher(["Tổ 11", "Tổ Xí"]).match_title("TỔ XÍ") == "Tổ Xí"


@pytest.mark.parametrize(
    ("title", "renamed"),
    [("Danh sách tổ XI", "Tổ 11"), ("DANH SÁCH HỘ NGHÈO TỔ XII", "Tổ 12"),
     ("Danh sách Khu XV", "Khu 15")],
)  # fmt: skip
def test_a_title_naming_a_unit_past_nine_in_roman_numbers_takes_its_rows(tmp_path, title, renamed):
    """The plan's Bản Cọ named 'Tổ 11' ('Tổ 12', 'Khu 15'), Nà Mòn still Nà Mòn; BC1 and BC3
    under 'Danh sách tổ XI' (A10) in Nà Mòn's list. By hand: XI is 11, the title names Bản
    Cọ's hamlet: rows 11-12 taken out and said at A10 under the plan's name; Nà Mòn 3 poor
    (NM1, NM5, NM6), 2 near-poor (NM2, NM4). Was: 'tổ XI' no number, no title: 4 and 3,
    nothing said."""
    result = titled_rows(tmp_path, title, {"Bản Cọ": renamed})
    assert issues(result, "rows-of-other-hamlet") == [("Nà Mòn", "A10", "11–12", renamed)]
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


@pytest.mark.parametrize("title", ["Danh sách tổ Xi", "Danh sách tổ Xí"])
def test_a_title_naming_a_unit_xi_written_as_a_name_keeps_its_rows(tmp_path, title):
    """Guards: the plan's Bản Cọ named 'Tổ 11'; 'Danh sách tổ Xi' (a name, as 'tổ Vi') or 'tổ
    Xí' (a mark) over BC1 and BC3: no plan hamlet named, the rows stay Nà Mòn's, 4 poor (NM1,
    NM5, NM6, BC1), 3 near-poor, nothing said of them."""
    result = titled_rows(tmp_path, title, {"Bản Cọ": "Tổ 11"})
    assert issues(result, "rows-of-other-hamlet") == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)


@pytest.mark.parametrize("cell", ["Tổ XI", "TỔ XI", "Tổ số XI"])
def test_a_xom_cell_naming_a_tổ_past_nine_in_roman_numbers_is_that_tổ(tmp_path, cell):
    """The plan a town's: Nà Mòn 'Tổ 1', Bản Cọ 'Tổ 11', Đồng Kè 'Tổ 12'. Bản Cọ's May list
    (DS_2024-05.xlsx, no hamlet in its name) whose 'Xóm' is 'Tổ XI': BC1, BC2 poor, BC3
    near-poor. By hand: counted for Tổ 11, 2 poor, 1 near-poor; no list is Tổ 1's. Was: 'Tổ
    XI' no plan hamlet: the list refused (unknown-hamlet), Tổ 11 sent nothing."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_renamed_plan(folder, _TOWN)
    rows = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder, "DS_2024-05.xlsx", cell, 200, rows)
    result = collect(folder, None, workers=0)[0]
    assert [i.code for i in result.issues if i.code == "unknown-hamlet"] == []
    to_11 = hamlet_figures(result, "Tổ 11")
    assert (to_11["status"], to_11["poor"], to_11["near_poor"]) == ("ok", 2, 1)
    assert hamlet_figures(result, "Tổ 1")["status"] != "ok"


# --- 2. a title's total written too far from its label ---------------------------------------

_TAKEN = (
    "Không có trang 'Thông tin'; đã lấy xóm 'Nà Mòn' và kỳ 05/2024 từ tiêu đề/tên tệp, tổng"
    " số hộ dân cư từ kế hoạch đầu năm{}. Lần sau hãy dùng mẫu có trang 'Thông tin': ở cột A"
    " các dòng Loại biểu, Xã, Xóm, Kỳ báo cáo, Tổng số hộ dân cư, Người lập, Ngày lập, và"
    " giá trị của từng dòng ở cột B."
)


def _far_total(folder, total_line: dict, merges: tuple[str, ...] = ()):
    """Nà Mòn's May list of the head's own (tests.test_session55_k_leftovers' title_head_list:
    3 poor, 2 near-poor; the plan's 100 households), its title lines 'Xóm: Nà Mòn' (A2), 'Kỳ
    báo cáo: 05/2024' (A3) and row 4 ``total_line``: (households, poor rate, Nà Mòn's issues
    as (code, Vietnamese message), their English)."""
    write_plan(folder)
    clean_rosters(folder)
    title_head_list(folder, [{1: "Xóm: Nà Mòn"}, {1: "Kỳ báo cáo: 05/2024"}, total_line], merges)
    result, hamlet = k_na_mon(folder)
    mine = [i for i in result.issues if i.file == "NaMon.xlsx"]
    said = [(i.code, i.message()) for i in mine]
    return hamlet["households"], hamlet["poor_rate"], said, [i.message("en") for i in mine]


@pytest.mark.parametrize(
    ("line", "merges", "at", "label", "written"),
    [({1: "Tổng số hộ dân cư:", 6: 95}, (), "F4", "A4", "95"),
     ({1: "Tổng số hộ dân cư", 9: "95 hộ"}, (), "I4", "A4", "95 hộ"),
     ({1: "Tổng số hộ dân cư:", 9: 95}, ("A4:D4",), "I4", "A4", "95")],
)  # fmt: skip
def test_a_title_total_past_four_cells_after_its_label_is_quoted(
    tmp_path, line, merges, at, label, written
):
    """'Tổng số hộ dân cư:' in A4 unmerged and 95 in F4 (the fifth cell after it: B-E are
    read), '95 hộ' in I4, or the label merged across A4:D4 and 95 in I4 (the fifth after D4).
    By hand: the total is unread (F's four cells), so the plan's 100, 3 poor / 100 = 3 %; the
    missing 'Thông tin' warning now quotes the 95, its cell and the label's: "… từ kế hoạch
    đầu năm (dòng tiêu đề ở ô F4 ghi tổng số hộ dân cư '95', nhưng cách nhãn ở ô A4 quá 4 ô
    nên chưa dùng số này; hãy ghi số ngay sau nhãn). Lần sau …". Was: the 95 dropped with no
    word (the warning as for a total left blank)."""
    households, rate, said, english = _far_total(tmp_path, line, merges)
    quoted = (
        f" (dòng tiêu đề ở ô {at} ghi tổng số hộ dân cư '{written}', nhưng cách nhãn ở ô {label}"
        " quá 4 ô nên chưa dùng số này; hãy ghi số ngay sau nhãn)"
    )
    assert (households, rate) == (100, pytest.approx(3.0))
    assert said == [("missing-info-sheet", _TAKEN.format(quoted))]
    assert (
        f"total households from the plan (the title line at {at} writes the total households"
        f" '{written}', but more than 4 cells after its label at {label}, so it was not used;"
        " write it right after the label)." in english[0]
    )


@pytest.mark.parametrize(
    "line",
    [{1: "Tổng số hộ dân cư:", 7: "Số hộ nghèo: 3"}, {1: "Tổng số hộ dân cư:", 6: "2024"},
     {1: "Tổng số hộ dân cư:", 6: "tháng 5 năm", 7: 95}, {1: "Tổng số hộ dân cư:", 6: "……"}],
)  # fmt: skip
def test_a_label_left_blank_with_no_total_further_right_quotes_nothing(tmp_path, line):
    """Guards: what is written past the label's four cells is another label's ('Số hộ nghèo:
    3' in G4), a year ('2024' in F4: the title's date), a date's words then a number
    ('tháng 5 năm' | 95 in F4, G4), or a form's blank ('……'): no total quoted, the plan's
    100, 3 %, the warning as for a total left blank."""
    households, rate, said, _ = _far_total(tmp_path, line)
    assert (households, rate, said) == (
        100,
        pytest.approx(3.0),
        [("missing-info-sheet", _TAKEN.format(""))],
    )
