"""Session 44 (helper B): the headers and cells hamlet heads really type. Each finding pinned by
a small fixture worked out by hand.

The small commune (tests.commune): Bản Cọ's start list is BC1, BC2 poor and BC3 near-poor,
200 households. Its May list is the template (tests.test_session43_d_heads_files.ban_co_template):
header in row 4, households from row 5; B 'Mã hộ', E 'Giới tính', I 'Phân loại hộ', J 'Thu nhập
BQ', Z 'Ghi chú'."""

from __future__ import annotations

from pipeline.run import collect
from tests.commune import person, write_plan
from tests.summaries import hamlet_figures
from tests.test_session43_d_heads_files import ban_co_template

# --- 1. short headers: 'Mã', 'Giới (Nam/Nữ)', 'CMND', 'PL', 'TNBQ', 'GC', 'Tổng số nhân khẩu' -----


def run_with_headers(tmp_path, headers: dict[str, str], third: dict | None = None):
    """Bản Cọ's May list, BC1 poor, BC2 poor with a female head, ``third`` (BC3 near-poor by
    default) in row 7, its headers rewritten as ``headers`` says; the run's result."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    rows = [person("BC1", "poor"), person("BC2", "poor", gioi_tinh="Nữ"),
            third or person("BC3", "near_poor")]  # fmt: skip
    ban_co_template(folder, rows, headers)
    return collect(folder, None, workers=0)[0]


def ban_co_said(result) -> list[tuple[str, str]]:
    return [(i.code, i.cell) for i in result.issues if i.hamlet == "Bản Cọ"]


def _opened(tmp_path):
    """Bản Cọ's May list (BC1, BC2 poor, BC3 near-poor) beside the plan in 'vao', opened to be
    edited: (folder, the list's path, its workbook)."""
    import openpyxl

    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    rows = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    path = ban_co_template(folder, rows)
    return folder, path, openpyxl.load_workbook(path)


def each_counted(tmp_path, cell: str, cases: dict[str, dict]):
    """Each header of ``cases`` (header -> its other cells) written at ``cell`` of :func:`_run`'s
    list, each in a folder of its own; asserts the list counts (poor 2, near-poor 1) and yields
    (header, Bản Cọ's counts, what :func:`_said` says)."""
    for index, (header, cells) in enumerate(cases.items()):
        (tmp_path / str(index)).mkdir()
        result = run_with_headers(tmp_path / str(index), {cell: header, **cells})
        ban_co = hamlet_figures(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), header
        yield header, ban_co, ban_co_said(result)


def test_short_headers_heads_write_are_read(tmp_path):
    """Bản Cọ heads its columns 'Mã' (B4), 'Giới (Nam/Nữ)' (E4), 'CMND' (G4), 'PL' (I4), 'TNBQ'
    (J4) and 'GC' (Z4). Before: 'Mã' and 'PL' were said misnamed (errors: the only list
    refused), the other four unknown columns. Now all are read: poor 2 (BC2 a female head),
    near-poor 1 of 200; BC3's ID '0123' (G7) is not 12 digits, so said; its income 1,800,000
    (J7) is over the rural line 1,500,000, so its class (I7) is said to contradict it; its note
    'Cả hộ chuyển đi' (Z7) is read, so said (note-says-moved-away)."""
    third = person("BC3", "near_poor", thu_nhap=1_800_000, ghi_chu="Cả hộ chuyển đi",
                   so_dinh_danh="0123")  # fmt: skip
    headers = {"B4": "Mã", "E4": "Giới (Nam/Nữ)", "G4": "CMND", "I4": "PL", "J4": "TNBQ",
               "Z4": "GC"}  # fmt: skip
    result = run_with_headers(tmp_path, headers, third)
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert ban_co["status"] == "ok"
    assert (ban_co["poor"], ban_co["near_poor"], ban_co["households"]) == (2, 1, 200)
    assert ban_co["subgroups"]["female_head"] == {"poor": 1, "near_poor": 0}
    assert ban_co_said(result) == [
        ("invalid-id-number", "G7"), ("classification-mismatch", "I7"),
        ("note-says-moved-away", "Z7"),
    ]  # fmt: skip


def test_ma_beside_ma_ho_is_another_code_not_a_second_household_code(tmp_path):
    """The template's 'Mã hộ' (B4) kept, and a column of the head's own headed 'Mã' (Z4, over
    'Ghi chú') holding other codes ('01', '02', '03', as an ethnic group's code is written). 'Mã'
    is the household's code only where the list has no 'Mã hộ': here it stays a column not in
    the template (one warning at Z4), the codes are B's: poor 2, near-poor 1, nothing new or
    exited."""
    rows = {"Z4": "Mã", "Z5": "01", "Z6": "02", "Z7": "03"}
    result = run_with_headers(tmp_path, rows)
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["poor"], ban_co["near_poor"]) == (2, 1)
    assert ban_co["movements"]["poor"]["new"] == ban_co["movements"]["poor"]["exited"] == 0
    assert ban_co_said(result) == [("unknown-column", "Z4")]


def test_gioi_with_other_words_is_still_no_sex_column(tmp_path):
    """'Giới (Nam/Nữ)' is the sex; 'Giới thiệu việc làm' (Z4, a need) still is not: beside the
    template's 'Giới tính' it is a column not in the template (one warning), the sexes E's."""
    result = run_with_headers(tmp_path, {"Z4": "Giới thiệu việc làm", "Z5": "x"})
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert ban_co["subgroups"]["female_head"] == {"poor": 1, "near_poor": 0}
    assert ban_co_said(result) == [("unknown-column", "Z4")]


def test_a_size_headed_as_the_households_whole_count_is_read(tmp_path):
    """Bản Cọ heads its size 'Tổng số nhân khẩu' (H4), BC3's size 0 (H7, an error). Before: the
    list was refused ('Số nhân khẩu' missing, H4 said misnamed). Now H is the size: poor 2,
    near-poor 0 (BC3 left out for its size, said at H7). 'Tổng số nhân khẩu nữ' (Z4) beside it
    counts some members only: a column not in the template, as 'Số nhân khẩu nữ' is."""
    third = person("BC3", "near_poor", nhan_khau=0)
    result = run_with_headers(
        tmp_path, {"H4": "Tổng số nhân khẩu", "Z4": "Tổng số nhân khẩu nữ"}, third
    )
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 0)
    assert ban_co_said(result) == [("unknown-column", "Z4"), ("invalid-household-size", "H7")]


# --- 2. the head's name typed under 'Mã hộ', its own cell left empty ----------------------------


def _name_in_code(tmp_path):
    """Bản Cọ's start list with BC3's head named 'Lý Minh Chung'; its May list: BC1, BC2 poor as
    at the start, and in row 7 'Lý Minh Chung' under 'Mã hộ' (B7), the name cell (C7) empty,
    still near-poor, born 1970 as at the start."""
    from pipeline.template import write_plan_workbook
    from tests.commune import PLAN_INFO, plan_hamlets, start_list

    folder = tmp_path / "vao"
    folder.mkdir()
    listed = start_list()
    for row in listed:
        if row["ma_ho"] == "BC3":
            row["chu_ho"] = "Lý Minh Chung"
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, plan_hamlets(), listed)
    third = dict(person("BC3", "near_poor"), ma_ho="Lý Minh Chung", chu_ho=None)
    ban_co_template(folder, [person("BC1", "poor"), person("BC2", "poor"), third])
    return collect(folder, None, workers=0)[0]


def test_a_name_under_ma_ho_with_the_name_cell_empty_is_read_as_the_name(tmp_path):
    """Before: 'Lý Minh Chung' was read as BC3's code and the empty C7 as a missing name (an
    error at C7), and BC3 was counted as exited (near-poor 1 − 1 exited = 0), said only by a
    vanished-household warning with no cell. Now the name is read as the head's and the code as
    missing: one error, at B7, saying the name is there and the code wanted; BC3 is known by
    its name and birth year, so it is still on the list, not counted for the error: near-poor
    1 − 1 not counted = 0, exited 0."""
    result = _name_in_code(tmp_path)
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["poor"], ban_co["near_poor"]) == (2, 0)
    near = {k: n for k, n in ban_co["movements"]["near_poor"].items() if n}
    assert near == {"start": 1, "not_counted": 1}
    said = [i for i in result.issues if i.hamlet == "Bản Cọ"]
    assert [(i.code, i.cell, i.value, i.instead) for i in said] == [
        ("missing-household-id", "B7", "Lý Minh Chung", "C7")
    ]
    assert said[0].severity == "error"
    assert said[0].message() == (
        "'Mã hộ' ghi 'Lý Minh Chung', là họ tên chủ hộ, còn ô C7 (cột 'Họ và tên chủ hộ') để "
        "trống. Xã đã hiểu 'Lý Minh Chung' là họ tên chủ hộ; hộ chưa được tính vì thiếu mã hộ. "
        "Hãy ghi họ tên vào ô C7 và ghi vào ô này mã hộ như trong sổ quản lý hộ nghèo của xã."
    )


def test_words_under_ma_ho_that_are_no_name_are_not_moved(tmp_path):
    """'chưa có' (no code yet) under 'Mã hộ', the name cell empty: not capitalised, so no name;
    said as before (the name missing at C7)."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    third = dict(person("BC3", "near_poor"), ma_ho="chưa có", chu_ho=None)
    ban_co_template(folder, [person("BC1", "poor"), person("BC2", "poor"), third])
    result = collect(folder, None, workers=0)[0]
    said = [(i.code, i.cell) for i in result.issues if i.hamlet == "Bản Cọ"]
    assert ("missing-head-name", "C7") in said
    assert [c for c, _ in said if c == "missing-household-id"] == []


# --- 3. 'Kỳ báo cáo' typed as a date on an Excel reading dates month first -------------------


def test_a_period_date_kept_month_first_is_read_as_the_title_says(tmp_path):
    """Bản Cọ's head typed 'Kỳ báo cáo' as '10/05/2024' (10 May) on a US-locale Excel, which kept
    the date cell as 5 October 2024 (B4 of 'Thông tin'); the list's title says 'THÁNG 5/2024'.
    Before: the list was October's, so the run consolidated October with Bản Cọ alone. Now day
    and month are read swapped, as the title says: May 2024, poor 2, near-poor 1, and a warning
    at B4 naming the date kept (05/10/2024), October and May."""
    from datetime import datetime

    folder, path, book = _opened(tmp_path)
    assert "5/2024" in book["Danh sách"]["A1"].value
    assert book["Thông tin"]["A4"].value == "Kỳ báo cáo"
    book["Thông tin"]["B4"] = datetime(2024, 10, 5)
    book.save(path)
    result = collect(folder, None, workers=0)[0]
    assert result.summary["period"] == "2024-05"
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)
    (said,) = [i for i in result.issues if i.hamlet == "Bản Cọ"]
    assert (said.code, said.cell, said.severity) == ("period-month-day", "B4", "warning")
    assert said.message() == (
        "Ô 'Kỳ báo cáo' là ô ngày mà Excel lưu là ngày 05/10/2024 (ngày/tháng/năm), tức kỳ "
        "10/2024: máy dùng để nhập đặt ngày kiểu Mỹ (tháng trước, ngày sau), nên ngày và tháng "
        "bị đảo. Tiêu đề danh sách ghi kỳ 05/2024, nên đã hiểu là kỳ 05/2024. Hãy ghi kỳ báo "
        "cáo dạng chữ, ví dụ 05/2024."
    )


# --- 4. a code of digits alone and the head's name typed in each other's column -----------------


def _digit_coded(tmp_path, third_name: str):
    """Bản Cọ coded by digits alone ('001', '002' poor, '003' near-poor, as text) in the start
    list and its May list; in row 7 'Lý Minh Chung' under 'Mã hộ' (B7) and ``third_name`` under
    'Họ và tên chủ hộ' (C7)."""
    from pipeline.template import write_plan_workbook
    from tests.commune import PLAN_INFO, plan_hamlets, start_list

    folder = tmp_path / "vao"
    folder.mkdir()
    listed = start_list()
    digits = {"BC1": "001", "BC2": "002", "BC3": "003"}
    for row in listed:
        row["ma_ho"] = digits.get(row["ma_ho"], row["ma_ho"])
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, plan_hamlets(), listed)
    third = dict(person("003", "near_poor"), ma_ho="Lý Minh Chung", chu_ho=third_name)
    ban_co_template(folder, [person("001", "poor"), person("002", "poor"), third])
    return collect(folder, None, workers=0)[0]


def test_a_code_of_digits_and_a_name_typed_in_each_others_column_are_read_back(tmp_path):
    """Before: a code of digits alone under the name was not told from a year, so 'Lý Minh
    Chung' was read as a new household's code: near-poor 1 − 1 exited + 1 new = 1. Now, the
    list's codes being three digits alone, '003' is a code: the row is household 003 (near-poor
    start 1, end 1, nothing new or exited), one warning at B7 naming C7."""
    result = _digit_coded(tmp_path, "003")
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["poor"], ban_co["near_poor"]) == (2, 1)
    near = {k: n for k, n in ban_co["movements"]["near_poor"].items() if n}
    assert near == {"start": 1, "end": 1}
    said = [(i.code, i.cell, i.value, i.detail, i.instead) for i in result.issues
            if i.hamlet == "Bản Cọ"]  # fmt: skip
    assert said == [("code-and-name-swapped", "B7", "Lý Minh Chung", "003", "C7")]


def test_a_year_under_the_name_of_a_digit_coded_list_is_no_code(tmp_path):
    """The same list, the row typed a column to the left: 1970 (text) under the name. A year
    from 1900 to 2024 is no code, whatever the list's codes: nothing swapped (passes before
    too: a guard)."""
    result = _digit_coded(tmp_path, "1970")
    assert [i for i in result.issues if i.code == "code-and-name-swapped"] == []


# --- 5. 'ĐT' (điện thoại, đối tượng) is not 'DT' (dân tộc) --------------------------------------


def test_a_phone_column_headed_dt_with_a_stroke_is_no_second_ethnic_group(tmp_path):
    """Bản Cọ keeps the template's 'Dân tộc' (F4) and adds the heads' phone numbers under 'ĐT'
    (Z4, điện thoại). Before: 'ĐT' folds as 'DT', a name of 'Dân tộc', so Z was a second
    ethnic-group column differing from F in every row, and the only list was refused. Now
    initials written with 'Đ' are not those written with 'D': Z is a column not in the
    template (one warning), and the list counts: poor 2, near-poor 1. 'DT' alone is still the
    ethnic group (tests.test_read)."""
    headers = {"Z4": "ĐT", "Z5": "0912345678", "Z6": "0987654321", "Z7": "0977111222"}
    result = run_with_headers(tmp_path, headers)
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)
    assert ban_co_said(result) == [("unknown-column", "Z4")]


# --- 6. the head's sex marked under 'Giới tính' split into 'Nam | Nữ' ----------------------------


def _sex_marked(tmp_path, parent: str):
    """Bản Cọ's May list with a column inserted at F and a row at 5: ``parent`` (E4, merged over
    E4:F4) over 'Nam' (E5) and 'Nữ' (F5), households from row 6, each head's sex an 'x' under
    one: BC1 poor 'Nam' (E6), BC2 poor 'Nữ' (F7), BC3 near-poor 'Nữ' (F8)."""
    folder, path, book = _opened(tmp_path)
    sheet = book["Danh sách"]
    sheet.insert_cols(6)
    sheet.insert_rows(5)
    sheet["E4"], sheet["E5"], sheet["F5"] = parent, "Nam", "Nữ"
    sheet.merge_cells("E4:F4")
    sheet["E6"], sheet["E7"], sheet["E8"] = "x", None, None
    sheet["F7"], sheet["F8"] = "x", "x"
    book.save(path)
    return collect(folder, None, workers=0)[0]


def test_a_sex_marked_under_nam_and_nu_is_read(tmp_path):
    """Before: 'Giới tính Nam' (E) was read as the sex, so BC1's 'x' was said no sex
    (invalid-gender at E6), 'Giới tính Nữ' (F5) said an unknown column, and no female head was
    counted. Now the column marked tells: female heads poor 1 (BC2), near-poor 1 (BC3); nothing
    said. The same under 'Giới' alone."""
    for index, parent in enumerate(("Giới tính", "Giới")):
        (tmp_path / str(index)).mkdir()
        result = _sex_marked(tmp_path / str(index), parent)
        ban_co = hamlet_figures(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)
        assert ban_co["subgroups"]["female_head"] == {"poor": 1, "near_poor": 1}
        assert ban_co_said(result) == []


# --- 7. a column about the head's family or the head is no second name column -----------------


def test_columns_beginning_with_the_heads_name_words_are_no_second_name_column(tmp_path):
    """Bản Cọ keeps the template's 'Họ và tên chủ hộ' (C4) and adds a column of its own at Z:
    'Chủ hộ là nữ' (an 'x' for BC2), 'Họ tên vợ/chồng' (the spouse's name for BC1), 'Chủ hộ
    DTTS'. Before: each began with a name of the head ('Chủ hộ', 'Họ tên'), so Z was a second
    name column differing from C, and the only list was refused (column-twice). Now the words
    after the name say another column: Z is a column not in the template (one warning), and the
    list counts: poor 2, near-poor 1."""
    cases = {
        "Chủ hộ là nữ": {"Z6": "x"},
        "Họ tên vợ/chồng": {"Z5": "Hoàng Thị Lan"},
        "Chủ hộ DTTS": {"Z5": "x", "Z6": "x", "Z7": "x"},
    }
    for header, _, said in each_counted(tmp_path, "Z4", cases):
        assert said == [("unknown-column", "Z4")], header


def test_the_heads_name_column_with_a_note_is_still_the_name(tmp_path):
    """'Chủ hộ (họ và tên)' (C4) and 'Họ và tên chủ hộ (viết in hoa)' are still the head's name:
    the list counts, nothing said (passes before too: a guard)."""
    cases = {"Chủ hộ (họ và tên)": {}, "Họ và tên chủ hộ (viết in hoa)": {}}
    for header, _, said in each_counted(tmp_path, "C4", cases):
        assert said == [], header


def test_a_family_members_column_is_no_second_column_of_the_head(tmp_path):
    """Bản Cọ adds its heads' spouses at Z: 'Năm sinh vợ' (1975 for BC1), 'Số CCCD vợ', 'Dân tộc
    vợ', 'Giới tính vợ'. Before: each began with a name of the head's column, so Z was a second
    birth-year (ID, ethnic group, sex) column differing from the template's, and the only list
    was refused. Now a family member named after the name is another column: one warning at
    Z4, the list counts (poor 2, near-poor 1)."""
    cases = {
        "Năm sinh vợ": {"Z5": 1975},
        "Số CCCD vợ": {"Z5": "001175001234"},
        "Dân tộc vợ": {"Z5": "Nùng"},
        "Giới tính vợ": {"Z5": "Nữ"},
    }
    for header, _, said in each_counted(tmp_path, "Z4", cases):
        assert said == [("unknown-column", "Z4")], header


def test_the_heads_columns_named_with_the_head_are_still_read(tmp_path):
    """'Số CCCD chủ hộ' (G4) and 'Năm sinh của chủ hộ' (D4) name the head, not another column:
    still read. BC3's ID '0123' (G7) is said not 12 digits; nothing else (passes before too: a
    guard)."""
    third = person("BC3", "near_poor", so_dinh_danh="0123")
    result = run_with_headers(
        tmp_path, {"G4": "Số CCCD chủ hộ", "D4": "Năm sinh của chủ hộ"}, third
    )
    assert ban_co_said(result) == [("invalid-id-number", "G7")]


def test_a_sex_written_as_the_codes_its_header_gives_is_read(tmp_path):
    """Bản Cọ heads its sex 'Giới tính (1: Nam, 2: Nữ)' (E4) and writes the codes: BC1 1, BC2 2,
    BC3 '2' (text). Before: each code was said to be no sex (invalid-gender at E5, E6, E7) and
    no female head counted. Now each code is the sex its header gives: female heads poor 1
    (BC2), near-poor 1 (BC3); nothing said."""
    third = person("BC3", "near_poor", gioi_tinh="2")
    result = run_with_headers(
        tmp_path, {"E4": "Giới tính (1: Nam, 2: Nữ)", "E5": 1, "E6": 2}, third
    )
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)
    assert ban_co["subgroups"]["female_head"] == {"poor": 1, "near_poor": 1}
    assert ban_co_said(result) == []
