"""Session 44, hamlet-head QA second pass (helper B): columns beside the template's own that
refused a whole list. Each finding pinned by a small fixture worked out by hand.

The small commune (tests.commune): Bản Cọ's start list is BC1, BC2 poor and BC3 near-poor,
200 households. Its May list is the template (tests.test_session43_d_heads_files.ban_co_template):
header in row 4, households from rows 5 to 7; G 'Số định danh cá nhân', F 'Dân tộc', W
'Nguyên nhân nghèo', Y 'Nhu cầu hỗ trợ', Z 'Ghi chú'."""

from __future__ import annotations

from tests.summaries import hamlet_figures
from tests.test_session44_headers import ban_co_said, each_counted, run_with_headers

# --- 1. a column named by a name that yields to the column's own ------------------------------


def test_a_column_beside_the_templates_own_that_names_another_thing_is_another_column(tmp_path):
    """Bản Cọ keeps the template's columns and adds one at Z: 'Số CMND' (the old 9-digit ID
    beside the new one, as lists of the change-over keep both), 'Dân tộc thiểu số' (an 'x' for
    each household of a minority), 'Nguyên nhân tái nghèo' (BC1's cause of falling back),
    'Nhu cầu khác' (BC1's other need). Before: each was read as a second copy of the ID, the
    ethnic group, the cause or the need, differing from the template's in a row, and the only
    list was refused (column-twice). Now the template's column is read and Z is a column not
    in the template (one warning at Z4): poor 2, near-poor 1, BC2 a female head."""
    cases = {
        "Số CMND": {"Z5": "012345678", "Z6": "012345679", "Z7": "012345670"},
        "Dân tộc thiểu số": {"Z5": "x", "Z6": "x", "Z7": "x"},
        "Nguyên nhân tái nghèo": {"Z5": "Ốm đau"},
        "Nhu cầu khác": {"Z5": "Nhà ở"},
    }
    for header, ban_co, said in each_counted(tmp_path, "Z4", cases):
        assert ban_co["subgroups"]["female_head"] == {"poor": 1, "near_poor": 0}, header
        assert said == [("unknown-column", "Z4")], header


def test_the_old_id_before_the_new_one_is_the_other_column(tmp_path):
    """'Số CMND' in the template's place (G4, the old IDs, BC3's '0123') and 'Số CCCD' at Z (each
    household's 12 digits). Before: the list refused (two ID columns differing). Now the new ID
    (Z) is read, so BC3's '0123' is not said; G is the column not in the template: one warning
    at G4, poor 2, near-poor 1."""
    headers = {"G4": "Số CMND", "G7": "0123", "Z4": "Số CCCD",
               "Z5": "001070001234", "Z6": "001070001235", "Z7": "001070001236"}  # fmt: skip
    result = run_with_headers(tmp_path, headers)
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)
    assert ban_co_said(result) == [("unknown-column", "G4")]


def test_a_yielding_name_alone_or_twice_is_still_the_column(tmp_path):
    """Guards (pass before too). 'Dân tộc thiểu số' as the list's only ethnic-group column (F4),
    BC3's 'Nùng' (F7): read, nothing said. 'Số CMND' as the only ID (G4), BC3's '0123': read,
    so said not 12 digits (invalid-id-number at G7)."""
    from tests.commune import person

    cases = (
        ({"F4": "Dân tộc thiểu số", "F7": "Nùng"}, []),
        ({"G4": "Số CMND", "G7": "0123"}, [("invalid-id-number", "G7")]),
    )
    for index, (headers, said) in enumerate(cases):
        (tmp_path / str(index)).mkdir()
        third = person("BC3", "near_poor", dan_toc="Nùng")
        result = run_with_headers(tmp_path / str(index), headers, third)
        ban_co = hamlet_figures(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), headers
        assert ban_co_said(result) == said, headers


def test_two_real_copies_of_a_column_are_still_told(tmp_path):
    """Guard (passes before too): 'Nguyên nhân nghèo' typed twice (W4 and Z4) and differing in
    row 5 is still two copies of one column: the only list is refused, its message naming W4
    and Z4. So with 'Dân tộc thiểu số' typed twice (F4 and Z4)."""
    import pytest

    from pipeline.run import FatalError

    cases = (
        ({"Z4": "Nguyên nhân nghèo", "Z5": "Ốm đau"}, "(W4 và Z4)"),
        ({"F4": "Dân tộc thiểu số", "Z4": "Dân tộc thiểu số", "Z5": "x"}, "(F4 và Z4)"),
    )
    for index, (headers, cells) in enumerate(cases):
        (tmp_path / str(index)).mkdir()
        with pytest.raises(FatalError) as stop:
            run_with_headers(tmp_path / str(index), headers)
        assert f"có hai lần {cells}" in str(stop.value), headers


# --- 2. a note after a dash in the head's name column -----------------------------------------


def test_a_note_after_a_dash_in_the_name_header_is_still_the_name(tmp_path):
    """Bản Cọ heads its name column 'Họ và tên chủ hộ - không viết tắt' (C4): a note after a
    dash, as in brackets. Before: 'không' after the name narrows it (a column about the head),
    so no name column was read and the only list was refused (a required column missing). Now
    the note after the dash is left out, as one in brackets: poor 2, near-poor 1, nothing
    said."""
    result = run_with_headers(tmp_path, {"C4": "Họ và tên chủ hộ - không viết tắt"})
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)
    assert ban_co_said(result) == []


def test_a_dash_before_another_columns_name_is_no_note(tmp_path):
    """Guard (passes before too): 'Họ tên - Dân tộc' (Z4, the spouse's name and group in one
    cell) names the ethnic group after its dash: no note, still a column not in the template
    (one warning at Z4); the template's name column (C) is read: poor 2, near-poor 1."""
    result = run_with_headers(tmp_path, {"Z4": "Họ tên - Dân tộc", "Z5": "Hoàng Thị Lan - Nùng"})
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)
    assert ban_co_said(result) == [("unknown-column", "Z4")]


# --- 3. short headers still unread: 'S.T.T', 'NS chủ hộ', 'NN nghèo' ----------------------------


def test_short_headers_of_the_number_birth_year_and_cause_are_read(tmp_path):
    """Bản Cọ heads its columns 'S.T.T' (A4), 'NS chủ hộ' (D4, năm sinh) and 'NN nghèo' (W4,
    nguyên nhân nghèo); BC3 is born 1890 (D7) and its cause is 'Lười lao động' (W7). Before:
    three columns not in the template (warnings at A4, D4, W4), the year and the cause not
    read, BC3 counted (near-poor 1). Now they are read: BC3's year is said impossible (an
    error at D7, BC3 not counted: near-poor 0) and its cause not one of the list's
    (unknown-vocabulary at W7); poor 2."""
    from tests.commune import person

    third = person("BC3", "near_poor", nam_sinh=1890, nguyen_nhan="Lười lao động")
    result = run_with_headers(tmp_path, {"A4": "S.T.T", "D4": "NS chủ hộ", "W4": "NN nghèo"}, third)
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 0)
    assert ban_co_said(result) == [("invalid-birth-year", "D7"), ("unknown-vocabulary", "W7")]


# --- 4. the name and birth year in one column beside the name -----------------------------------


def test_a_name_and_birth_year_column_beside_the_name_is_another_column(tmp_path):
    """Bản Cọ adds at Z its heads' spouses, name and year in one cell ('Hoàng Thị Lan, 1975'),
    headed 'Họ tên, năm sinh vợ' or 'Họ tên năm sinh'. Session 44 narrowed the head's name by
    'nam' (nam, male), but 'năm' after a name is read as a year, so each was still the head's
    name: a second name column differing from C, and the only list was refused. Now the name
    followed by 'năm sinh' yields to the name's other headers: Z is a column not in the
    template (one warning at Z4), poor 2, near-poor 1. Alone it is still the name (below)."""
    for index, header in enumerate(("Họ tên, năm sinh vợ", "Họ tên năm sinh")):
        (tmp_path / str(index)).mkdir()
        result = run_with_headers(
            tmp_path / str(index), {"Z4": header, "Z5": "Hoàng Thị Lan, 1975"}
        )
        ban_co = hamlet_figures(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), header
        assert ban_co_said(result) == [("unknown-column", "Z4")], header


def test_a_name_and_birth_year_column_alone_is_still_the_name(tmp_path):
    """Guard (passes before too): 'Họ tên, năm sinh' as the list's only name column (C4) is the
    name, as before session 44: the list counts, poor 2, near-poor 1, nothing said."""
    result = run_with_headers(tmp_path, {"C4": "Họ tên, năm sinh"})
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)
    assert ban_co_said(result) == []


def test_another_target_group_beside_the_templates_is_another_column(tmp_path):
    """Bản Cọ adds 'Đối tượng khác' at Z (BC1 'Hộ có người cao tuổi'), beside the template's
    'Nhóm đối tượng' (X), BC3 'BTXH' there. Before: a second target-group column differing in
    row 5, the only list refused. Now X is read and Z is a column not in the template (one
    warning at Z4): poor 2, near-poor 1."""
    from tests.commune import person

    rows = {"Z4": "Đối tượng khác", "Z5": "Hộ có người cao tuổi"}
    result = run_with_headers(tmp_path, rows, person("BC3", "near_poor", doi_tuong="BTXH"))
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)
    assert ban_co_said(result) == [("unknown-column", "Z4")]


# --- 5. a name of the head narrowed, as the list's only name column ------------------------------


def test_the_only_name_column_headed_as_another_column_is_named_to_rename(tmp_path):
    """Bản Cọ heads its only name column 'Họ tên chủ hộ nữ' (C4). 'nữ' after the name makes a
    column about the head ('Chủ hộ là nữ'), so no name column is read and the list is refused,
    as since session 44. Before: the message said only that the name column is missing, to
    add one (the head would add an empty column). Now it names C4 as perhaps the name, to
    rename if so (column-misnamed), as for 'Mã số'."""
    import pytest

    from pipeline.run import FatalError

    with pytest.raises(FatalError) as stop:
        run_with_headers(tmp_path, {"C4": "Họ tên chủ hộ nữ"})
    assert (
        "Thiếu cột bắt buộc 'Họ và tên chủ hộ' trong trang 'Danh sách'; cột 'Họ tên chủ hộ nữ' "
        "(ô C4) có lẽ chính là cột này. Nếu đúng, hãy sửa tiêu đề ô C4 thành 'Họ và tên chủ hộ'"
    ) in str(stop.value)


# --- 6. last year's income beside the template's ----------------------------------------------


def test_last_years_income_beside_the_templates_is_an_earlier_column(tmp_path):
    """Bản Cọ adds last year's income at Z, 'Thu nhập BQ năm 2023' (BC3 2,500,000), beside the
    template's 'Thu nhập BQ (đồng/người/tháng)' (J, BC3 1,200,000). Before: a second income
    column differing in row 7, the only list refused: the income's times were never read (so
    that 'Thu nhập năm', a year's income, is no time). Now a year written after the income is
    a time, as after the class ('Phân loại hộ năm 2023'): an earlier column, not read, nothing
    said; J's incomes read (Z's 2,500,000 would be over the rural line, said against BC3's
    class): poor 2, near-poor 1. 'Thu nhập BQ năm 2024' in the May 2024 list
    is this year's: still a second copy, the list refused (passes before too: a guard)."""
    import pytest

    from pipeline.run import FatalError

    (tmp_path / "a").mkdir()
    result = run_with_headers(tmp_path / "a", {"Z4": "Thu nhập BQ năm 2023", "Z7": 2_500_000})
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)
    assert ban_co_said(result) == []
    (tmp_path / "b").mkdir()
    with pytest.raises(FatalError) as stop:
        run_with_headers(tmp_path / "b", {"Z4": "Thu nhập BQ năm 2024", "Z7": 2_500_000})
    assert "có hai lần (J4 và Z4)" in str(stop.value)


# --- 7. a new head's name beside the name ------------------------------------------------------


def test_a_new_heads_name_beside_the_name_is_read_where_written(tmp_path):
    """Bản Cọ adds 'Họ tên chủ hộ mới' at Z, written only where the head changed (BC2's new head
    'Hoàng Thị Mai' in Z6), beside the template's 'Họ và tên chủ hộ' (C). Before: 'mới' made Z
    the name of now, read alone, so BC1 and BC3 (Z5, Z7 blank) were said to have no name (errors)
    and not counted: poor 1, near-poor 0. Now Z is read as a later round of a check: where
    written, else C: poor 2, near-poor 1; one warning at C4 saying row 6 differs (Z read)
    and rows 5 and 7 leave Z blank (C read)."""
    result = run_with_headers(tmp_path, {"Z4": "Họ tên chủ hộ mới", "Z6": "Hoàng Thị Mai"})
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)
    assert ban_co_said(result) == [("column-twice-ignored", "C4")]
    (said,) = [i for i in result.issues if i.hamlet == "Bản Cọ"]
    assert (
        "1 dòng hộ ghi hai lần khác nhau (đầu tiên là dòng 6): đã đọc lần sau (cột ở ô Z4); "
        "2 dòng hộ chưa ghi lần sau (dòng 5, 7): đã đọc cột ở ô C4"
    ) in said.message()
