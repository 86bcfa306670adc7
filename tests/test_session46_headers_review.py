"""Session 46 (helper F): review of the session's reading changes (helper C: 'Khu 10 - 2024',
'Thu nhập năm', two names of a column). Each finding pinned by a small fixture worked out by
hand.

The small commune (tests.commune): Bản Cọ's May list is the template (tests.test_session43_d_
heads_files._ban_co): header in row 4, households in rows 5 to 7 (BC1, BC2 poor, BC3 near-poor),
H 'Số nhân khẩu' (all 4), J 'Thu nhập BQ'. The plan's start list 'Danh sách đầu năm' has its
header in row 3, K3 'Thu nhập BQ (đồng/người/tháng)', Nà Mòn's households from row 4."""

from __future__ import annotations

from tests.summaries import hamlet_figures
from tests.test_session44_headers import ban_co_said, run_with_headers

_INCOME = "Thu nhập BQ (đồng/người/tháng)"

# --- 1. a year's income ---------------------------------------------------------------------


def test_a_years_income_in_dong_under_thousands_is_still_a_twelfth(tmp_path):
    """J4 'Thu nhập năm (nghìn đồng)': BC2 12,000 and BC3 10,000 (thousands a year), BC1
    14,400,000 (the head wrote đồng after all). Before: BC1's 14,400,000 was left as written,
    as a month's income, over the line: its class said to contradict the standard (I5), the
    lists showing 14.4 million a month (fails before). Now it is a twelfth too: 1,200,000;
    BC2 12,000 x 1000 / 12 = 1,000,000, BC3 833,333.33; only the header said."""
    result = run_with_headers(tmp_path, {"J4": "Thu nhập năm (nghìn đồng)", "J5": 14_400_000,
                                          "J6": 12_000, "J7": 10_000})  # fmt: skip
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)
    assert ban_co_said(result) == [("income-per-year", "J4")]
    read = result.households.set_index("ma_ho")
    assert read.loc[["BC1", "BC2", "BC3"], "thu_nhap"].tolist() == [
        1_200_000,
        1_000_000,
        833_333.33,
    ]


def test_a_households_year_income_is_divided_by_its_members_and_said_so(tmp_path):
    """J4 'Thu nhập năm của hộ' or 'Thu nhập cả hộ/năm' (the whole household's, a year): BC1
    14,400,000, BC2 12,000,000, BC3 10,000,000, 4 members each. Before: read a twelfth per
    person, 1,200,000, 1,000,000, 833,333.33, and the warning spoke of each person's income
    (2 of 2 fail before). Now a twelfth of each member's share: 14,400,000 / 12 / 4 = 300,000,
    250,000, 208,333.33, and the warning says the household's was divided by its members."""
    for index, header in enumerate(("Thu nhập năm của hộ", "Thu nhập cả hộ/năm")):
        (tmp_path / str(index)).mkdir()
        result = run_with_headers(tmp_path / str(index), {"J4": header, "J5": 14_400_000,
                                                           "J6": 12_000_000, "J7": 10_000_000})  # fmt: skip
        ban_co = hamlet_figures(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), header
        assert ban_co_said(result) == [("income-per-year", "J4")], header
        (issue,) = [i for i in result.issues if i.hamlet == "Bản Cọ"]
        assert issue.message("vi") == (
            f"Cột '{header}' ghi thu nhập cả năm của cả hộ: đã chia cho 12 tháng và cho số nhân "
            "khẩu của hộ (thu nhập bình quân mỗi người một tháng) để so với chuẩn nghèo. Nếu đúng "
            "như vậy thì không cần sửa; nếu không, hãy ghi thu nhập bình quân mỗi người một tháng "
            f"vào cột '{_INCOME}' rồi gửi lại."
        ), header
        read = result.households.set_index("ma_ho")
        assert read.loc[["BC1", "BC2", "BC3"], "thu_nhap"].tolist() == [
            300_000, 250_000, 208_333.33,
        ], header  # fmt: skip


def test_which_year_income_headers_name_the_whole_household():
    """The household's year, divided by its members: 'Thu nhập năm của hộ', 'Thu nhập cả
    hộ/năm', 'Thu nhập của hộ (đồng/năm)', 'THU NHẬP NĂM CỦA HỘ'. Not: 'Thu nhập năm' (each
    person's, as the form's income is), 'Thu nhập năm (kể cả hỗ trợ)' (hỗ trợ, no 'hộ'),
    'Thu nhập BQ của hộ/năm', 'Thu nhập bình quân năm của hộ', 'Thu nhập đầu người/hộ/năm'
    (an average, per person), 'Thu nhập tháng của hộ', 'Thu nhập hộ năm 2024' (no year's
    income: a month's, as before)."""
    from pipeline.validate import household_year

    assert [household_year(h) for h in (
        "Thu nhập năm của hộ", "Thu nhập cả hộ/năm", "Thu nhập của hộ (đồng/năm)",
        "THU NHẬP NĂM CỦA HỘ",
    )] == [True] * 4  # fmt: skip
    assert [household_year(h) for h in (
        "Thu nhập năm", "Thu nhập năm (kể cả hỗ trợ)", "Thu nhập BQ của hộ/năm",
        "Thu nhập bình quân năm của hộ", "Thu nhập đầu người/hộ/năm", "Thu nhập tháng của hộ",
        "Thu nhập hộ năm 2024",
    )] == [False] * 7  # fmt: skip


def test_the_start_lists_years_income_is_said(tmp_path):
    """The plan's start list heads K3 'Thu nhập năm' (or 'Thu nhập năm của hộ'). Its income
    was read a twelfth (a month's), with no word to the officer (0 issues: 2 of 2 fail
    before). Now one warning at K3, in the plan's words (run again, not send again)."""
    import openpyxl

    from pipeline.checkfiles import check_files
    from tests.commune import past_targets, write_plan

    for index, (header, words) in enumerate((
        ("Thu nhập năm", "ghi thu nhập cả năm: đã lấy một phần mười hai (thu nhập một tháng) "
         "để so với chuẩn nghèo, tính theo mỗi người. Nếu đúng là thu nhập một năm của mỗi "
         "người thì không cần sửa; nếu cột ghi thu nhập của cả hộ, hãy ghi"),
        ("Thu nhập năm của hộ", "ghi thu nhập cả năm của cả hộ: đã chia cho 12 tháng và cho số "
         "nhân khẩu của hộ (thu nhập bình quân mỗi người một tháng) để so với chuẩn nghèo. Nếu "
         "đúng như vậy thì không cần sửa; nếu không, hãy ghi"),
    )):  # fmt: skip
        (tmp_path / str(index)).mkdir()
        plan = write_plan(tmp_path / str(index))
        book = openpyxl.load_workbook(plan)
        book["Danh sách đầu năm"]["K3"] = header
        book.save(plan)
        said = past_targets([i for i in check_files([plan]) if i.file == plan.name])
        assert [(i.code, i.cell) for i in said] == [("income-per-year", "K3")], header
        assert said[0].message("vi") == (
            f"Kế hoạch: cột '{header}' {words} thu nhập bình quân mỗi người một tháng vào cột "
            f"'{_INCOME}' rồi chạy lại."
        ), header


# --- 2. 'đội' read as 'đổi' after a word of change --------------------------------------------


def test_an_amended_list_names_its_month():
    """'DS_sua_doi_05_2024' (sửa đổi: an amended list), 'Sửa đổi 05/2024', 'Hoán đổi 5/2024':
    'đổi' folds as 'đội' does, and this session's rule read the number as an 'Đội''s: no month,
    the list refused where its 'Kỳ báo cáo' is blank (3 of 3 fail before; before the session
    each named May). Now 'sửa', 'hoán', 'trao' before it make it a change, as 'thay' does.
    'Đội 5 - 2024' still names no month (a guard)."""
    from pipeline.text import find_period_in_text

    assert [find_period_in_text(t) for t in (
        "DS_sua_doi_05_2024", "Sửa đổi 05/2024", "Hoán đổi 5/2024", "Đội 5 - 2024",
    )] == ["2024-05", "2024-05", "2024-05", None]  # fmt: skip


# --- 3. two names of a column: 'khác' with a note after it -----------------------------------


def test_a_yielding_name_followed_by_khac_and_a_note_is_the_other_ones(tmp_path):
    """W4 'Nguyên nhân chính' (W5 to W7 'Thiếu vốn') beside Z4 'Nguyên nhân nghèo chính khác
    (ghi rõ)' (Z5 'Ốm đau', other causes); Y4 'Nhu cầu cần hỗ trợ' beside Z4 'Nhu cầu cần hỗ
    trợ khác (ghi rõ)' (Z5 'Hỗ trợ sản xuất'). Before: 'khác' not last, Z was a second name of
    the main cause or need; the cause's Z even read over W as nearer the template's name (BC1
    'Ốm đau, bệnh nặng, tai nạn'): column-twice-ignored (2 of 2 fail). Now 'khác' makes Z the
    other ones, as 'Nhu cầu cần hỗ trợ khác': W or Y read (BC1 to BC3 'Thiếu vốn'; 'Vay vốn
    ưu đãi'), Z a column not in the template (one warning at Z4)."""
    cases = (
        ({"W4": "Nguyên nhân chính", "Z4": "Nguyên nhân nghèo chính khác (ghi rõ)", "Z5": "Ốm đau"},
         "nguyen_nhan", "Thiếu vốn"),
        ({"Y4": "Nhu cầu cần hỗ trợ", "Z4": "Nhu cầu cần hỗ trợ khác (ghi rõ)",
          "Z5": "Hỗ trợ sản xuất"}, "nhu_cau", "Vay vốn ưu đãi"),
    )  # fmt: skip
    for index, (cells, key, value) in enumerate(cases):
        (tmp_path / str(index)).mkdir()
        result = run_with_headers(tmp_path / str(index), cells)
        ban_co = hamlet_figures(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), key
        assert ban_co_said(result) == [("unknown-column", "Z4")], key
        read = result.households.set_index("ma_ho")
        assert read.loc[["BC1", "BC2", "BC3"], key].tolist() == [value] * 3, key


def test_doi_written_with_its_marks_is_a_change():
    """'Đổi_05_2024', 'DS đổi 5-2024', 'ĐỔI 05/2024' (đổi: changed, its marks written): the
    rule for 'Đội 5 - 2024' looked at the text folded, where 'đổi' is 'doi' as 'đội' is: no
    month (3 of 3 fail before; before the session each named May). Now 'đổi' written so is a
    change: May. 'Đội_05_2024' and 'doi 05 2024' (no marks: a team or a change, not told) still
    name no month, never a wrong one (guards)."""
    from pipeline.text import find_period_in_text

    assert [find_period_in_text(t) for t in (
        "Đổi_05_2024", "DS đổi 5-2024", "ĐỔI 05/2024", "Đội_05_2024", "doi 05 2024",
    )] == ["2024-05", "2024-05", "2024-05", None, None]  # fmt: skip
