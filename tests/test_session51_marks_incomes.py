"""Session 51: three gaps left by sessions 49 and 50 in reading a household's marks, cause and
income (docs/decisions.md, session 51).

1. An 'x' under 'Nguyên nhân nghèo' with nothing after it: the household's last mark typed one
   column on, or a cause ticked 'x' (misplaced.marks_shifted). Told apart as a reader of the row
   does: the list writes its causes by name, and the household's class agrees with its marks
   only with the 'x' read as a mark.
2. 'Không có lao động' under 'Nhóm đối tượng', the cause cell empty: the cause it names
   ('Thiếu lao động'), not the row typed on.
3. An income written per household ('1.500.000/hộ'): divided among the household's members
   where its size is read, refused with a message where not."""

from __future__ import annotations

import pytest

from pipeline.checkfiles import check_files
from pipeline.run import collect
from tests.commune import person, write_plan, write_roster
from tests.test_session23_rows import MAY

# Nà Mòn's May list (tests.test_session23_rows.MAY): NM1-NM6 in rows 5-10, NM1, NM5 and NM6
# poor (each deprived in td_04, td_09 and td_10 unless told), NM2 and NM4 near-poor, NM3
# exited; every cause 'Thiếu vốn', every need 'Vay vốn ưu đãi'. Columns as the template: K-V
# the marks td_01-td_12 (T td_10, U td_11, V td_12), W 'Nguyên nhân nghèo', X 'Nhóm đối tượng',
# Y 'Nhu cầu hỗ trợ', Z 'Ghi chú'.


def _na_mon(folder, rows=None, **nm5) -> None:
    """The plan and Nà Mòn's May list, NM5 (row 9) with ``nm5`` as written."""
    write_plan(folder)
    if rows is None:
        rows = [person(code, status, **(nm5 if code == "NM5" else {})) for code, status in MAY]
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)


def _na_mon_figures(result) -> dict:
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert na_mon["status"] == "ok"
    return na_mon


def _deprived(na_mon, kind="poor") -> dict[str, int]:
    return {k: v for k, v in na_mon["deprivations"][kind].items() if v}


def _row_lines(issues, row=9) -> list[tuple[str, str]]:
    return sorted((i.code, i.cell) for i in issues if i.row == row)


def _checked(folder) -> list:
    """What `giamngheo check` says of Nà Mòn's 'NaMon.xlsx' beside the plan."""
    return check_files([folder / "NaMon.xlsx", folder / "KeHoach_2024.xlsx"])


# 1. An 'x' under the cause, nothing after it


def test_a_poor_households_last_mark_moved_under_a_list_of_named_causes_is_shifted(tmp_path):
    """NM5, poor, deprived in td_11 and td_12 (U9, V9), an 'x' at W9 'Nguyên nhân nghèo', X9,
    Y9 and Z9 empty; the other five rows write their cause by name ('Thiếu vốn'). As written
    NM5 is deprived in 2 indicators, which makes it near-poor; with W9's 'x' as its last mark
    typed one column on (a cell of K9-T9 skipped), in 3: the poor it is written. So the row is
    typed on from a cell of K9-T9: said once at T9 (the run's last cell: cut U9 to the row's
    end, paste at T9), its marks from T9 on not counted (session 49's rule). By hand, the poor's deprivations are then NM1's and
    NM6's alone: td_04 2, td_09 2, td_10 2. Before: td_11 1 and td_12 1 counted for NM5 too,
    W9's 'x' said as a cause not in the list, nothing said shifted."""
    folder = tmp_path / "vao"
    folder.mkdir()
    _na_mon(folder, deprived=(11, 12), nguyen_nhan="x", nhu_cau=None)
    result, _ = collect(folder, None, workers=0)
    na_mon = _na_mon_figures(result)
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert _deprived(na_mon) == {"td_04": 2, "td_09": 2, "td_10": 2}
    assert _row_lines(result.issues) == [("marks-shifted", "T9")]
    [line] = [i for i in result.issues if i.code == "marks-shifted"]
    assert line.message("vi").startswith(
        "Từ ô U9 trở đi, dòng này có vẻ bị ghi lệch sang phải một cột so với tiêu đề: ô W9 "
        "ghi 'x', là 'Phương tiện phục vụ tiếp cận thông tin' (cột V). Hãy chọn các ô từ U9 "
        "đến hết dòng, cắt (Ctrl+X) rồi dán (Ctrl+V) vào ô T9"
    )
    issues = _checked(folder)
    assert _row_lines(issues) == [("marks-shifted", "T9")]


def test_a_near_poor_household_with_an_x_under_its_cause_is_a_cause_ticked(tmp_path):
    """A guard: the same row written near-poor. Its 2 marks make it near-poor as written; with
    the 'x' read as a mark, 3 would make it poor: the class agrees with the row as written, so
    the 'x' is a cause ticked, never a shift. Its marks count: near-poor (NM2, NM4, NM5) td_11
    1, td_12 1; W9 said a cause not in the list."""
    folder = tmp_path / "vao"
    folder.mkdir()
    _na_mon(folder, deprived=(11, 12), nguyen_nhan="x", nhu_cau=None, phan_loai="Hộ cận nghèo")
    result, _ = collect(folder, None, workers=0)
    na_mon = _na_mon_figures(result)
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 3)
    assert _deprived(na_mon, "near_poor") == {"td_11": 1, "td_12": 1}
    assert _row_lines(result.issues) == [("unknown-vocabulary", "W9")]


def test_a_list_that_ticks_its_causes_x_is_never_shifted(tmp_path):
    """A guard: every row of the list ticks its cause 'x' (a form that ticks causes): NM5 poor
    with its 2 marks is a class the hamlet decided (said against the standard), not a shift.
    The poor's deprivations: td_04 2, td_09 2, td_10 2 (NM1, NM6), td_11 1, td_12 1 (NM5)."""
    folder = tmp_path / "vao"
    folder.mkdir()
    rows = []
    for code, status in MAY:
        extra = {"deprived": (11, 12), "nhu_cau": None} if code == "NM5" else {}
        rows.append(person(code, status, nguyen_nhan="x", **extra))
    _na_mon(folder, rows)
    result, _ = collect(folder, None, workers=0)
    na_mon = _na_mon_figures(result)
    assert _deprived(na_mon) == {"td_04": 2, "td_09": 2, "td_10": 2, "td_11": 1, "td_12": 1}
    assert "marks-shifted" not in {i.code for i in result.issues}
    assert ("classification-mismatch", "H9") not in _row_lines(result.issues)  # marks read
    assert ("unknown-vocabulary", "W9") in _row_lines(result.issues)


def test_a_poor_household_whose_marks_make_it_poor_as_written_is_not_shifted(tmp_path):
    """A guard: NM5 poor deprived in td_10-td_12 (3 as written, 4 with the 'x'): the class
    agrees both ways, nothing tells a shift. Its marks count: td_04 2, td_09 2, td_10 3, td_11
    1, td_12 1."""
    folder = tmp_path / "vao"
    folder.mkdir()
    _na_mon(folder, deprived=(10, 11, 12), nguyen_nhan="x", nhu_cau=None)
    result, _ = collect(folder, None, workers=0)
    na_mon = _na_mon_figures(result)
    assert _deprived(na_mon) == {"td_04": 2, "td_09": 2, "td_10": 3, "td_11": 1, "td_12": 1}
    assert _row_lines(result.issues) == [("unknown-vocabulary", "W9")]


# 3. An income written per household


def _incomes(result) -> dict[str, float]:
    rows = result.households[result.households["hamlet"] == "Nà Mòn"]
    return {
        code: float(income) for code, income in zip(rows["ma_ho"], rows["thu_nhap"], strict=True)
    }


def test_an_income_per_household_is_shared_among_its_members(tmp_path):
    """NM1 (4 people) '4.800.000/hộ' at J5, NM5 (3) '3.000.000 đ/hộ/tháng' at J9, NM6 (2)
    '3.600.000/hộ' at J10. By hand, each member's income a month: 4,800,000 / 4 = 1,200,000;
    3,000,000 / 3 = 1,000,000; 3,600,000 / 2 = 1,800,000, over the rural line of 1,500,000:
    NM6, written poor, is said against the standard (income 1.800.000 đ, 3 deprivations: not
    poor), and not told its members' share (its income is already each one's). Each income
    said once at its cell, the household counted: Nà Mòn 3 poor, 2 near-poor. Before: each
    'invalid-income', read as blank, NM6 not compared with the line."""
    folder = tmp_path / "vao"
    folder.mkdir()
    rows = []
    for code, status in MAY:
        extra = {
            "NM1": {"thu_nhap": "4.800.000/hộ"},
            "NM5": {"thu_nhap": "3.000.000 đ/hộ/tháng", "nhan_khau": 3},
            "NM6": {"thu_nhap": "3.600.000/hộ", "nhan_khau": 2},
        }.get(code, {})
        rows.append(person(code, status, **extra))
    _na_mon(folder, rows)
    result, _ = collect(folder, None, workers=0)
    na_mon = _na_mon_figures(result)
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    incomes = _incomes(result)
    assert (incomes["NM1"], incomes["NM5"], incomes["NM6"]) == (1_200_000, 1_000_000, 1_800_000)
    assert incomes["NM2"] == 1_200_000  # as written
    said = sorted((i.code, i.cell, i.variant) for i in result.issues if i.hamlet == "Nà Mòn")
    assert said == [
        ("classification-mismatch", "I10", ""),
        ("income-per-household", "J10", ""),
        ("income-per-household", "J5", ""),
        ("income-per-household", "J9", ""),
    ]
    [nm1] = [i for i in result.issues if i.cell == "J5"]
    assert nm1.message("vi") == (
        "Ô J5 ('Thu nhập BQ (đồng/người/tháng)') ghi '4.800.000/hộ', là thu nhập của cả hộ, "
        "không phải của mỗi người: đã chia cho 4 người của hộ ('Số nhân khẩu'), tính là "
        "1.200.000 mỗi người một tháng. Hãy ghi 1.200.000 vào ô J5 (thu nhập bình quân mỗi "
        "người một tháng, theo đơn vị ghi ở tiêu đề cột). Hộ vẫn được tính."
    )
    assert "read as 1,200,000 a person a month" in nm1.message("en")
    [mismatch] = [i for i in result.issues if i.code == "classification-mismatch"]
    assert "thu nhập 1.800.000 đ, 3 chỉ số thiếu hụt" in mismatch.message("vi")
    issues = _checked(folder)
    assert sorted(i.cell for i in issues if i.code == "income-per-household") == [
        "J10", "J5", "J9",
    ]  # fmt: skip


def test_an_income_per_household_whose_size_is_not_read_is_refused(tmp_path):
    """NM1's size written '4 hộ' (H5, no number of people: session 50), its income
    '4.800.000/hộ': not divided (its members not known; never guessed), read as blank, said
    once at J5 (variant 'no-size'), the size said at H5; the row is left out for its size, as
    before. Before: J5 'invalid-income'."""
    folder = tmp_path / "vao"
    folder.mkdir()
    _na_mon(folder, [person(code, status, **({"thu_nhap": "4.800.000/hộ", "nhan_khau": "4 hộ"}
                                             if code == "NM1" else {}))
                     for code, status in MAY])  # fmt: skip
    result, _ = collect(folder, None, workers=0)
    said = sorted((i.code, i.cell, i.variant) for i in result.issues if i.row == 5)
    assert said == [
        ("income-per-household", "J5", "no-size"),
        ("invalid-household-size", "H5", "households"),
    ]
    [line] = [i for i in result.issues if i.cell == "J5"]
    assert line.message("vi") == (
        "Ô J5 ('Thu nhập BQ (đồng/người/tháng)') ghi '4.800.000/hộ', là thu nhập của cả hộ, "
        "không phải của mỗi người, nhưng số nhân khẩu của hộ chưa đọc được nên không chia được "
        "cho từng người: thu nhập để trống. Hãy ghi thu nhập bình quân mỗi người một tháng, "
        "theo đơn vị ghi ở tiêu đề cột (ví dụ 1.200.000), và ghi số nhân khẩu của hộ."
    )
    incomes = _incomes(result)
    assert incomes["NM1"] != incomes["NM1"]  # blank (NaN)


def test_an_income_per_household_for_a_year_is_still_no_number(tmp_path):
    """A guard: '4.800.000/hộ/năm' (a year's) is no month's income: 'invalid-income' as
    before, nothing divided; '1.200.000/người' read as before."""
    folder = tmp_path / "vao"
    folder.mkdir()
    extra = {"NM1": {"thu_nhap": "4.800.000/hộ/năm"}, "NM5": {"thu_nhap": "1.200.000/người"}}
    _na_mon(folder, [person(code, status, **extra.get(code, {})) for code, status in MAY])
    result, _ = collect(folder, None, workers=0)
    said = sorted((i.code, i.cell) for i in result.issues if i.hamlet == "Nà Mòn")
    assert said == [("invalid-income", "J5")]
    assert _incomes(result)["NM5"] == 1_200_000


# 2. 'Không có lao động' under the group, the cause cell empty


def _cause_under_group(tmp_path, **nm5):
    folder = tmp_path / "vao"
    folder.mkdir()
    _na_mon(folder, deprived=(4, 9, 10), doi_tuong="Không có lao động", **nm5)
    result, _ = collect(folder, None, workers=0)
    return folder, result, _na_mon_figures(result)


@pytest.mark.parametrize(
    ("need", "note"),
    [(None, "Vay vốn ưu đãi"), ("Vay vốn ưu đãi", None)],
    ids=["need-as-note", "need-in-place"],
)
def test_no_labour_under_the_group_beside_an_empty_cause_is_that_cause(tmp_path, need, note):
    """NM5 (poor, deprived in td_04, td_09, td_10 at N9, S9, T9), W9 'Nguyên nhân nghèo' empty,
    'Không có lao động' at X9 'Nhóm đối tượng' (the cause 'Không có / thiếu lao động', DOMAIN
    §4; the group is 'không có khả năng lao động', KKNLĐ), its need at Y9 or as the note at Z9.
    Read as the cause it names, 'Thiếu lao động', said once at X9; no group; its marks counted
    as written. By hand: the poor's deprivations td_04 3, td_09 3, td_10 3 (NM1, NM5, NM6);
    causes of the poor 'Thiếu vốn' 2 (NM1, NM6), 'Thiếu lao động' 1 (NM5); KKNLĐ 0. Before,
    with the need as the note: read as the row typed on (start-unknown-cause at K9), NM5's
    marks and cause not counted (td_04 2, td_09 2, td_10 2; 'Thiếu lao động' 0); with the need
    in place: X9 said an unknown group, 'Thiếu lao động' 0."""
    folder, result, na_mon = _cause_under_group(
        tmp_path, nguyen_nhan=None, nhu_cau=need, ghi_chu=note
    )
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert _deprived(na_mon) == {"td_04": 3, "td_09": 3, "td_10": 3}
    assert na_mon["causes"]["Thiếu vốn"]["poor"] == 2
    assert na_mon["causes"]["Thiếu lao động"]["poor"] == 1
    assert na_mon["target_groups"]["KKNLĐ"]["poor"] == 0
    assert _row_lines(result.issues) == [("cause-under-group", "X9")]
    [line] = [i for i in result.issues if i.row == 9]
    assert line.message("vi") == (
        "Ô X9 ('Nhóm đối tượng') ghi 'Không có lao động', là nguyên nhân nghèo 'Thiếu lao "
        "động', không phải nhóm đối tượng, và ô W9 ('Nguyên nhân nghèo') để trống: đã tính "
        "'Thiếu lao động' là nguyên nhân nghèo của hộ. Hãy chuyển 'Không có lao động' sang ô "
        "W9. Nếu hộ thuộc nhóm không có khả năng lao động, hãy ghi 'KKNLĐ' vào ô X9. Hộ vẫn "
        "được tính."
    )
    issues = _checked(folder)
    assert _row_lines(issues) == [("cause-under-group", "X9")]


def test_no_labour_under_the_group_beside_a_cause_is_no_cause(tmp_path):
    """A guard: W9 holds the cause 'Thiếu vốn': 'Không có lao động' at X9 is not the cause
    typed on (the household has its cause); said an unknown group as before, no second cause
    counted ('Thiếu lao động' 0), its marks counted (td_04 3, td_09 3, td_10 3)."""
    _, result, na_mon = _cause_under_group(tmp_path)
    assert _row_lines(result.issues) == [("unknown-vocabulary", "X9")]
    assert na_mon["causes"]["Thiếu lao động"]["poor"] == 0
    assert _deprived(na_mon) == {"td_04": 3, "td_09": 3, "td_10": 3}


def test_no_labour_under_the_group_and_a_group_under_the_need_is_the_row_typed_on(tmp_path):
    """A guard: W9 empty, 'Không có lao động' at X9, 'BTXH' at Y9 'Nhu cầu hỗ trợ' (a group is
    never a need): the cause and the group both one cell on, the row typed on from a mark or the
    cause, as session 50 says it (start-unknown-cause at K9; NM5's marks not counted: td_04 2,
    td_09 2, td_10 2); nothing read as a cause."""
    _, result, na_mon = _cause_under_group(tmp_path, nguyen_nhan=None, nhu_cau="BTXH")
    assert _row_lines(result.issues) == [("marks-shifted", "K9")]
    assert _deprived(na_mon) == {"td_04": 2, "td_09": 2, "td_10": 2}
    assert na_mon["causes"]["Thiếu lao động"]["poor"] == 0
