"""Session 47 (helper F): adversarial review of the session's reading changes (a year's income
beside the template's, new header names, ethnic names). Each finding pinned by a small fixture
worked out by hand.

The small commune (tests.commune): Bản Cọ's May list is the template (tests.test_session43_d_
heads_files._ban_co): header in row 4, households in rows 5 to 7 (BC1, BC2 poor, BC3
near-poor, 200 households); F 'Dân tộc' (all 'Tày'), H 'Số nhân khẩu' (all 4), J 'Thu nhập
BQ (đồng/người/tháng)' (all 1,200,000), Z 'Ghi chú' (blank), nothing after Z."""

from __future__ import annotations

from tests.summaries import hamlet_figures
from tests.test_session44_headers import ban_co_said, run_with_headers

# --- 1. the head's phone 'ĐT chủ hộ …' is no ethnic group ---------------------------------------


def test_the_heads_phone_with_more_words_is_no_ethnic_group(tmp_path):
    """AA4 'ĐT chủ hộ (di động)', 'ĐT chủ hộ di động' or 'ĐT chủ hộ/Zalo' (the head's phone)
    beside the template's F 'Dân tộc', phone numbers in AA5 to AA7. Session 47 made 'DT chủ
    hộ' a name of the ethnic group; 'ĐT chủ hộ' alone was kept out (written with 'Đ'), but
    with words after it the name was matched as a prefix: AA was a second ethnic-group column
    differing from F in every row and the only list was refused (3 of 3 fail before). Now
    initials written with 'Đ' before more words are not the plain 'D' name either: AA is a
    column not in the template, the list counts (poor 2, near-poor 1), F read ('Tày')."""
    phones = {"AA5": "0912345678", "AA6": "0987654321", "AA7": "0977111222"}
    for index, header in enumerate(("ĐT chủ hộ (di động)", "ĐT chủ hộ di động", "ĐT chủ hộ/Zalo")):
        (tmp_path / str(index)).mkdir()
        result = run_with_headers(tmp_path / str(index), {"AA4": header, **phones})
        ban_co = hamlet_figures(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), header
        assert ban_co_said(result) == [("unknown-column", "AA4")], header
        assert set(result.households["dan_toc"]) == {"Tày"}, header


def test_initials_with_a_stroke_are_not_the_plain_d_names_whatever_follows():
    """The header names alone (headers._HeaderNames.match): 'ĐT chủ hộ (nếu có)', 'ĐT (x)'
    (a mark of 'Đối tượng') and 'GĐ người lớn có thẻ' name no column (3 of 3 fail before: the
    ethnic group twice, the adults' education); 'DT chủ hộ (ghi rõ)' and 'GD người lớn (x)',
    written with a plain 'D', still name theirs."""
    from pipeline.headers import _header_names
    from pipeline.text import fold
    from schemas.columns import ROSTER_COLUMNS

    names = _header_names(ROSTER_COLUMNS)

    def key(header: str) -> str | None:
        found = names.match(fold(header), header)
        return found[0] if found else None

    assert [key(h) for h in ("ĐT chủ hộ (nếu có)", "ĐT (x)", "GĐ người lớn có thẻ")] == [None] * 3
    assert [key(h) for h in ("DT chủ hộ (ghi rõ)", "GD người lớn (x)")] == ["dan_toc", "td_05"]


# --- 2. an income told in its column's unit is said as written ---------------------------------


def test_an_income_too_low_in_a_years_column_is_said_as_written(tmp_path):
    """BC3's income 1,000 in a year's column: AA7 under 'Thu nhập năm' beside the template's J
    (J7 blank, read from AA7: session 47), or J7 under 'Thu nhập năm của hộ' (4 members). Its
    month is 1,000 / 12 = 83.33 đ (/ 4 = 20.83 đ), too low: income-in-thousands at that cell.
    Before, the message gave the value written as the rounded month taken back to the column's
    unit, '999,96' and '999,84' (2 of 2 fail before); now '1.000', as written."""
    cases = (
        ({"J7": None, "AA4": "Thu nhập năm", "AA7": 1000}, "AA7",
         "'Thu nhập năm' ghi 1.000, tính theo đơn vị ghi ở tiêu đề cột là 83 đồng/người/tháng:"),
        ({"J4": "Thu nhập năm của hộ", "J5": 57_600_000, "J6": 57_600_000, "J7": 1000}, "J7",
         "'Thu nhập năm của hộ' ghi 1.000, tính theo đơn vị ghi ở tiêu đề cột là 21 đồng/người/"
         "tháng:"),
    )  # fmt: skip
    for index, (cells, cell, said) in enumerate(cases):
        (tmp_path / str(index)).mkdir()
        result = run_with_headers(tmp_path / str(index), cells)
        (low,) = [i for i in result.issues if i.code == "income-in-thousands"]
        assert (low.file, low.sheet, low.cell, low.row) == ("BanCo.xlsx", "Danh sách", cell, 7)
        assert low.message("vi").startswith(said), cell
        read = result.households.set_index("ma_ho").loc["BC3", "thu_nhap"]
        assert read == (83.33 if index == 0 else 20.83), cell


# --- 3. either ID in one column, the old one named 'CMT' -----------------------------------------


def test_either_id_named_cmt_yields_less_as_either_id_named_cmnd(tmp_path):
    """Session 47 made 'Số CMT' and 'Số CMTND' names of the ID yielding as 'Số CMND' (the old ID
    beside the new). Either ID in one column so named ('Số CMTND/CCCD', 'Số CMT/CCCD') yielded
    as far, through its first words, where 'Số CMND/CCCD' yields less (session 45). 4 of 4
    cases fail before:

    * G4 'Số CCCD' (G7 blank) beside AA4 'Số CMTND/CCCD' or 'Số CMT/CCCD' (AA5 the old
      '123456789', AA7 BC3's '067313721234'): AA was a column not in the template, BC3's ID
      blank. Now AA is read where G is blank: BC3 '067313721234', one warning at AA4.
    * G4 'Số CMTND/CCCD' or 'Số CMT/CCCD chủ hộ' (the template's IDs) beside AA4 'Số CMTND' or
      'Số CMT' (old 9-digit IDs): the old IDs were read (invalid-id-number at AA5 to AA7), G
      ignored. Now G is read (BC1 '046624641234'), AA a column not in the template."""
    old = {"AA5": "123456789", "AA6": "123456780", "AA7": "123456781"}
    cases = (
        ({"G4": "Số CCCD", "G7": None, "AA4": "Số CMTND/CCCD", "AA5": "123456789",
          "AA7": "067313721234"}, "column-twice-ignored"),
        ({"G4": "Số CCCD", "G7": None, "AA4": "Số CMT/CCCD", "AA5": "123456789",
          "AA7": "067313721234"}, "column-twice-ignored"),
        ({"G4": "Số CMTND/CCCD", "AA4": "Số CMTND", **old}, "unknown-column"),
        ({"G4": "Số CMT/CCCD chủ hộ", "AA4": "Số CMT", **old}, "unknown-column"),
    )  # fmt: skip
    for index, (cells, code) in enumerate(cases):
        (tmp_path / str(index)).mkdir()
        result = run_with_headers(tmp_path / str(index), cells)
        ban_co = hamlet_figures(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), index
        assert ban_co_said(result) == [(code, "AA4")], index
        ids = result.households.set_index("ma_ho")["so_dinh_danh"]
        assert ids.loc[["BC1", "BC3"]].tolist() == ["046624641234", "067313721234"], index


# --- 4. the name yielding less found first ------------------------------------------------------


def test_a_name_yielding_less_left_of_the_other_fills_its_blank_rows(tmp_path):
    """Two names of a column, the one yielding less found first (to the left, as sure a name),
    both holding values: the other is read, the first where it is blank (session 46's fill,
    session 47's year). The read column was taken over, but the pair kept the first as both:
    nothing filled, and the warning said 'ô J4 và ô J4' or nothing (2 of 2 fail before):

    * J4 'Thu nhập bình quân năm' (J5, J6 14,400,000, J7 12,000,000) beside AA4 'Thu nhập BQ
      tháng' (AA5 1,200,000, AA6 1,100,000, AA7 blank): BC3's income was blank. Now AA read,
      J7 a twelfth: 1,200,000, 1,100,000, 1,000,000; one warning at J4 naming AA4 read, row 6
      differing, row 7 taken from J4.
    * W4 'Nguyên nhân chủ yếu' (W5, W6 blank, W7 'Thiếu đất') beside AA4 'Nguyên nhân nghèo
      của hộ' (AA5, AA6 'Thiếu vốn'): BC3's cause was blank, nothing said. Now BC3 'Thiếu đất
      sản xuất' (the list's word for it), said at W4."""
    income = {"J4": "Thu nhập bình quân năm", "J5": 14_400_000, "J6": 14_400_000,
              "J7": 12_000_000, "AA4": "Thu nhập BQ tháng", "AA5": 1_200_000, "AA6": 1_100_000}  # fmt: skip
    (tmp_path / "income").mkdir()
    result = run_with_headers(tmp_path / "income", income)
    assert ban_co_said(result) == [("column-twice-ignored", "J4")]
    (issue,) = [i for i in result.issues if i.hamlet == "Bản Cọ"]
    assert issue.message("vi").startswith(
        "Cột 'Thu nhập BQ (đồng/người/tháng)' ghi hai lần dưới hai tên khác nhau (ô AA4 và ô "
        "J4): mỗi hộ đọc cột ở ô AA4, cột ở ô J4 chỉ đọc khi cột kia để trống. 1 dòng hộ ghi hai "
        "cột khác nhau (đầu tiên là dòng 6): đã đọc cột ở ô AA4; 1 dòng hộ để trống cột ở ô AA4 "
        "(dòng 7): đã đọc cột ở ô J4 (thu nhập cả năm"
    )
    read = result.households.set_index("ma_ho")
    assert read.loc[["BC1", "BC2", "BC3"], "thu_nhap"].tolist() == [1_200_000, 1_100_000, 1_000_000]
    cause = {"W4": "Nguyên nhân chủ yếu", "W5": None, "W6": None, "W7": "Thiếu đất",
             "AA4": "Nguyên nhân nghèo của hộ", "AA5": "Thiếu vốn", "AA6": "Thiếu vốn"}  # fmt: skip
    (tmp_path / "cause").mkdir()
    result = run_with_headers(tmp_path / "cause", cause)
    assert ban_co_said(result) == [("column-twice-ignored", "W4")]
    read = result.households.set_index("ma_ho")
    assert read.loc[["BC1", "BC2", "BC3"], "nguyen_nhan"].tolist() == [
        "Thiếu vốn", "Thiếu vốn", "Thiếu đất sản xuất"
    ]  # fmt: skip


# --- 5. a family member's column after 'của' ---------------------------------------------------


def test_a_family_members_column_after_cua_is_another_column(tmp_path):
    """AA4 'Căn cước công dân của vợ/chồng' (session 47's name of the ID, then the spouse's),
    'Số CCCD của vợ' or 'Dân tộc của vợ', the spouse's values in AA5 to AA7, beside the
    template's G and F. 'Số CCCD vợ' was another column (session 44: a family word after the
    name), but after 'của' it was not looked for: AA was a second copy of the head's column
    differing from it, and the only list was refused (3 of 3 fail before). Now a family word
    after 'của' is one too: AA a column not in the template, the head's values read."""
    spouses = {"AA5": "001199012345", "AA6": "001199012346", "AA7": "001199012347"}
    cases = (
        ("Căn cước công dân của vợ/chồng", spouses),
        ("Số CCCD của vợ", spouses),
        ("Dân tộc của vợ", {"AA5": "Kinh", "AA6": "Kinh", "AA7": "Nùng"}),
    )
    for index, (header, cells) in enumerate(cases):
        (tmp_path / str(index)).mkdir()
        result = run_with_headers(tmp_path / str(index), {"AA4": header, **cells})
        ban_co = hamlet_figures(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), header
        assert ban_co_said(result) == [("unknown-column", "AA4")], header
        read = result.households.set_index("ma_ho").loc["BC1"]
        assert (read["so_dinh_danh"], read["dan_toc"]) == ("046624641234", "Tày"), header


# --- 6. 'Thu nhập khác' (other incomes) is never the income ----------------------------------


def test_other_incomes_are_never_the_income(tmp_path):
    """AA4 'Thu nhập khác' (incomes besides the main work: AA5 500,000, AA6 300,000, AA7
    200,000) beside J, the list's income. 'Thu nhập' is a name of the income, so before:
    beside the template's J a second copy differing from it, the only list refused; beside J
    'Thu nhập bình quân năm' (14,400,000, 14,400,000, 12,000,000), which yields less since
    session 47, AA was read over it (BC3 200,000). 2 of 2 fail before. Now AA is a column not
    in the template and J read: 1,200,000 each, or a twelfth of the year's (1,000,000 for
    BC3)."""
    other = {"AA4": "Thu nhập khác", "AA5": 500_000, "AA6": 300_000, "AA7": 200_000}
    year = {"J4": "Thu nhập bình quân năm", "J5": 14_400_000, "J6": 14_400_000, "J7": 12_000_000}
    cases = (
        ({}, [("unknown-column", "AA4")], [1_200_000, 1_200_000, 1_200_000]),
        (year, [("income-per-year", "J4"), ("unknown-column", "AA4")],
         [1_200_000, 1_200_000, 1_000_000]),
    )  # fmt: skip
    for index, (cells, said, incomes) in enumerate(cases):
        (tmp_path / str(index)).mkdir()
        result = run_with_headers(tmp_path / str(index), {**cells, **other})
        ban_co = hamlet_figures(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), index
        assert ban_co_said(result) == said, index
        read = result.households.set_index("ma_ho")
        assert read.loc[["BC1", "BC2", "BC3"], "thu_nhap"].tolist() == incomes, index
