"""Reading fixes from a QA review (session 12): rows, messages and typing slips in hamlet lists."""

from __future__ import annotations

import openpyxl

from pipeline.run import collect
from tests.commune import clean_rosters, write_plan


def _sheet_edit(folder, change) -> None:
    path = folder / "NaMon.xlsx"
    book = openpyxl.load_workbook(path)
    change(book["Danh sách"])
    book.save(path)


def _columns(sheet) -> tuple[int, dict[str, int]]:
    """The header's row and each header's column number."""
    head = next(row[0].row for row in sheet.iter_rows() if row[1].value == "Mã hộ")
    return head, {c.value: c.column for c in sheet[head] if c.value}


def _na_mon(folder):
    result, _ = collect(folder, None)
    figures = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    sent = next(s for s in result.submissions if s.file == "NaMon.xlsx")
    issues = [(i.code, i.row, i.column) for i in result.issues if i.file == "NaMon.xlsx"]
    return (figures["poor"], figures["near_poor"]), (sent.rows_read, sent.rows_rejected), issues


def _under_the_last_household(folder, **values) -> int:
    """Write ``values`` (header -> value) in the row under NM6, Nà Mòn's last household (row 10
    of the template's list); the row written."""
    written = []

    def change(sheet):
        head, cols = _columns(sheet)
        row = head + 7
        assert sheet.cell(row - 1, cols["Mã hộ"]).value == "NM6"
        for header, value in values.items():
            sheet.cell(row, cols[header], value)
        written.append(row)

    _sheet_edit(folder, change)
    return written[0]


def test_a_total_row_numbered_on_from_the_households_is_no_household(tmp_path):
    """Nà Mòn's six households (NM1 poor, NM2 near, NM3 exited, NM4 near, NM5, NM6 poor), then
    '7 | | Tổng cộng | … | 24 | 6 hộ': the STT numbered on, the label in the name column, the
    sizes summed (6 × 4). Still 3 poor and 2 near-poor, 6 rows read, none rejected, no issue
    (it was a seventh row with no Mã hộ and no classification, 2 errors)."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    _under_the_last_household(
        tmp_path, STT=7, **{"Họ và tên chủ hộ": "Tổng cộng", "Số nhân khẩu": 24,
                            "Phân loại hộ": "6 hộ"}
    )  # fmt: skip
    assert _na_mon(tmp_path) == ((3, 2), (6, 0), [])


def test_a_subtotal_cong_after_a_numbered_stt_is_no_household(tmp_path):
    """'7 | | Cộng | … | 120': the one-word label, a size no household has (it was 3 errors)."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    _under_the_last_household(
        tmp_path, STT="7", **{"Họ và tên chủ hộ": "Cộng", "Số nhân khẩu": 120}
    )
    assert _na_mon(tmp_path) == ((3, 2), (6, 0), [])


def test_a_numbered_household_whose_name_reads_as_a_label_is_still_a_household(tmp_path):
    """'Tống Hồ Nam' folds to 'tong ho nam', as the label 'Tổng hộ …' does. With a Mã hộ (NM7)
    the row is a seventh household: 4 poor. Without one but with a birth year, it is a
    household whose Mã hộ is missing: reported at its row, the figures unchanged."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    person = {"Họ và tên chủ hộ": "Tống Hồ Nam", "Số nhân khẩu": 4, "Phân loại hộ": "Hộ nghèo"}
    _under_the_last_household(tmp_path, STT=7, **{"Mã hộ": "NM7"}, **person)
    assert _na_mon(tmp_path)[:2] == ((4, 2), (7, 0))

    clean_rosters(tmp_path)
    row = _under_the_last_household(tmp_path, STT=7, **{"Năm sinh": 1970}, **person)
    assert _na_mon(tmp_path) == ((3, 2), (7, 1), [("missing-household-id", row, "Mã hộ")])


def test_a_code_written_twice_in_one_list_is_not_asked_which_hamlet(tmp_path):
    """Nà Mòn's list: NM1 on rows 5 and 7, NM2 on row 6; Bản Cọ's: NM2's code on its row 5.
    NM1's two rows are one hamlet's: the message asks to keep one row, not 'in the hamlet
    where it lives'; NM2's rows are two hamlets': that clause stays."""
    from pipeline.run import collect
    from tests.commune import person, write_roster

    write_plan(tmp_path)
    nm1 = person("NM1", "poor")
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [nm1, person("NM2", "poor"), dict(nm1)])
    # another head and ID number: two households under the code, not NM2 moved (session 50)
    other = person("NM2", "poor", chu_ho="Lò A", so_dinh_danh="012999991234")
    # (BC1 counted: a list whose every row is left out is refused, session 53)
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, [other, person("BC1", "poor")])
    result, _ = collect(tmp_path, None)
    said = sorted(
        (i.file, i.row, i.message("vi"), i.message("en"))
        for i in result.issues
        if i.code == "duplicate-household-id"
    )
    rest_vi = (
        "nếu là hai hộ khác nhau, hãy sửa mã của hộ ghi sai theo sổ quản lý hộ nghèo của xã "
        "(các dòng này tạm chưa được tính)."
    )
    rest_en = (
        "if they are different households, correct the wrong code from the commune's register "
        "(these rows are left out until then)."
    )
    once_vi = "Nếu là cùng một hộ được ghi nhiều lần, hãy xóa các dòng thừa, chỉ giữ một dòng; "
    once_en = "If it is one household written more than once, delete the extra rows and keep one; "
    where_vi = "Nếu là cùng một hộ, chỉ giữ một dòng (ở xóm nơi hộ đang sống); "
    where_en = "If it is one household, keep only one row (in the hamlet where it lives); "
    assert said == [
        ("BanCo.xlsx", 5,
         "Mã hộ 'NM2' bị trùng với xóm Nà Mòn, tệp NaMon.xlsx, dòng 6. " + where_vi + rest_vi,
         "Household code 'NM2' is also used at hamlet Nà Mòn, file NaMon.xlsx, row 6. "
         + where_en + rest_en),
        ("NaMon.xlsx", 5,
         "Mã hộ 'NM1' bị trùng với dòng 7 của danh sách này. " + once_vi + rest_vi,
         "Household code 'NM1' is also used at row 7 of this list. " + once_en + rest_en),
        ("NaMon.xlsx", 6,
         "Mã hộ 'NM2' bị trùng với xóm Bản Cọ, tệp BanCo.xlsx, dòng 5. " + where_vi + rest_vi,
         "Household code 'NM2' is also used at hamlet Bản Cọ, file BanCo.xlsx, row 5. "
         + where_en + rest_en),
        ("NaMon.xlsx", 7,
         "Mã hộ 'NM1' bị trùng với dòng 5 của danh sách này. " + once_vi + rest_vi,
         "Household code 'NM1' is also used at row 5 of this list. " + once_en + rest_en),
    ]  # fmt: skip


def _typed_as_text(folder, cells: dict[str, str]) -> None:
    """Nà Mòn's cells given text as a head types it in a cell formatted as text."""

    def change(sheet):
        for ref, text in cells.items():
            sheet[ref].value = text
            sheet[ref].data_type = "s"  # text, as typed: no formula

    _sheet_edit(folder, change)


def test_a_leading_equals_sign_is_read_past_and_said_in_every_column(tmp_path):
    """Typed with an '=' first in cells formatted as text: NM1's classification '=Hộ nghèo',
    NM3's size '=4', NM5's code '=NM5', and NM1's note '=> chuyển xóm' (an arrow, kept as
    written). Each is read after its '=' and said at its cell, and the figures are the clean
    list's: 3 poor (NM1, NM5, NM6), 2 near-poor (NM2, NM4). '=Hộ nghèo' was read silently, '=4'
    was an error, '=NM5' was another code than NM5's (NM5 gone, a new household '=NM5'). NM6's
    name '=Hoàng Văn NM6' is the head's name as written: kept, listed as a string, not said."""
    from pipeline.run import execute

    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    _typed_as_text(folder, {"I5": "=Hộ nghèo", "H7": "=4", "B9": "=NM5",
                            "C10": "=Hoàng Văn NM6", "Z5": "=> chuyển xóm"})  # fmt: skip
    result = execute(folder, tmp_path / "out", None)[0]
    figures = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (figures["poor"], figures["near_poor"]) == (3, 2)
    said = [(i.code, i.cell, i.value, i.detail) for i in result.issues if i.file == "NaMon.xlsx"]
    assert said == [
        ("leading-equals-sign", "I5", "=Hộ nghèo", "Hộ nghèo"),
        ("leading-equals-sign", "H7", "=4", "4"),
        ("leading-equals-sign", "B9", "=NM5", "NM5"),
    ]
    first = next(i for i in result.issues if i.cell == "I5")
    assert first.severity == "warning"
    assert first.message("vi") == (
        "'Phân loại hộ' ghi '=Hộ nghèo': dấu '=' ở đầu ô không phải công thức, có lẽ gõ nhầm; "
        "đã đọc là 'Hộ nghèo'. Hãy xóa dấu '=' ở đầu ô; nếu đọc như vậy là sai, hãy ghi lại "
        "giá trị đúng."
    )
    # What the cells hold is written as text, never as a formula: quoted on 'Lỗi dữ liệu',
    # the note kept on the household list.
    typed = {"=Hộ nghèo", "=4", "=NM5", "=Hoàng Văn NM6", "=> chuyển xóm"}
    book = openpyxl.load_workbook(tmp_path / "out" / "2024-05" / "TongHop_2024-05.xlsx")
    written = [(ws.title, c.value, c.data_type) for ws in book for row in ws.iter_rows()
               for c in row if c.value in typed]  # fmt: skip
    assert sorted(written) == [
        ("Biến động", "=Hoàng Văn NM6", "s"),  # NM6, new since the start list
        ("DS hộ nghèo", "=> chuyển xóm", "s"),
        ("DS hộ nghèo", "=Hoàng Văn NM6", "s"),
        ("Lỗi dữ liệu", "=4", "s"),
        ("Lỗi dữ liệu", "=Hộ nghèo", "s"),
        ("Lỗi dữ liệu", "=NM5", "s"),
    ]


def test_what_follows_an_equals_sign_that_reads_as_nothing_is_quoted_as_written(tmp_path):
    """NM4's size '=2+2' (a sum typed in a text cell: never worked out, the file's text is no
    code): the size error quotes the cell as it shows, '=2+2', and no '=' warning is added.
    NM4's row is left out: 3 poor (NM1, NM5, NM6), 1 near-poor (NM2)."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    _typed_as_text(tmp_path, {"H8": "=2+2"})
    result, _ = collect(tmp_path, None)
    figures = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (figures["poor"], figures["near_poor"]) == (3, 1)
    said = [(i.code, i.cell, i.value) for i in result.issues if i.file == "NaMon.xlsx"]
    assert said == [("invalid-household-size", "H8", "=2+2")]


def _info_typed_as_text(folder, cells: dict[str, str]) -> None:
    """Nà Mòn's 'Thông tin' cells (values in column B: B3 'Xóm', B4 'Kỳ báo cáo', B5 'Tổng số
    hộ dân cư', B6 'Người lập') given text as a head types it in a cell formatted as text."""
    path = folder / "NaMon.xlsx"
    book = openpyxl.load_workbook(path)
    for ref, text in cells.items():
        book["Thông tin"][ref].value = text
        book["Thông tin"][ref].data_type = "s"  # text, as typed: no formula
    book.save(path)


def test_a_leading_equals_sign_in_the_info_sheet_is_read_past_and_said_at_its_cell(tmp_path):
    """Nà Mòn's 'Thông tin' holds '=Nà Mòn' (B3), '=05/2024' (B4), '=102' (B5) and the
    preparer '=Lường Thị Mai' (B6, a name: kept as written, as a head's name is). Each of the
    first three is read after its '=' and said at its cell, a warning, by a run and by `check`
    alike; the list counts as the clean one: 3 poor (NM1, NM5, NM6), 2 near-poor (NM2, NM4).
    '=102' made the whole list refused (invalid-total-households), and the others were read
    silently."""
    from pipeline.checkfiles import check_files

    write_plan(tmp_path)
    clean_rosters(tmp_path)
    _info_typed_as_text(tmp_path, {"B3": "=Nà Mòn", "B4": "=05/2024", "B5": "=102",
                                   "B6": "=Lường Thị Mai"})  # fmt: skip
    result, _ = collect(tmp_path, None)
    figures = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (figures["poor"], figures["near_poor"]) == (3, 2)
    expected = [
        ("leading-equals-sign", "warning", "Thông tin", "B3", "Xóm", "=Nà Mòn", "Nà Mòn"),
        ("leading-equals-sign", "warning", "Thông tin", "B4", "Kỳ báo cáo", "=05/2024", "05/2024"),
        ("leading-equals-sign", "warning", "Thông tin", "B5", "Tổng số hộ dân cư", "=102", "102"),
    ]

    def of_na_mon(issues):
        return sorted((i.code, i.severity, i.sheet, i.cell, i.column, i.value, i.detail)
                      for i in issues if i.file == "NaMon.xlsx")  # fmt: skip

    assert of_na_mon(result.issues) == expected
    assert of_na_mon(check_files([tmp_path])) == expected
    total = next(i for i in result.issues if i.cell == "B5")
    assert total.message("vi") == (
        "'Tổng số hộ dân cư' ghi '=102': dấu '=' ở đầu ô không phải công thức, có lẽ gõ nhầm; "
        "đã đọc là '102'. Hãy xóa dấu '=' ở đầu ô; nếu đọc như vậy là sai, hãy ghi lại giá trị "
        "đúng."
    )


def test_an_info_value_that_fails_its_rule_after_its_equals_sign_is_quoted_as_written(tmp_path):
    """Nà Mòn's 'Tổng số hộ dân cư' is '=2+2' (B5), its 'Kỳ báo cáo' '=05/2024': the total is
    no whole number read past the '=' either, so the list is refused for it
    (invalid-total-households), quoting the cell as it shows, '=2+2', with no '=' warning on
    top; the period is read, and its '=' said. Bản Cọ still counts: 2 poor, 1 near-poor."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    _info_typed_as_text(tmp_path, {"B4": "=05/2024", "B5": "=2+2"})
    result, _ = collect(tmp_path, None)
    by = {h["hamlet"]: h for h in result.summary["hamlets"]}
    assert by["Nà Mòn"]["status"] == "rejected"
    assert (by["Bản Cọ"]["poor"], by["Bản Cọ"]["near_poor"]) == (2, 1)
    said = sorted((i.code, i.cell, i.value) for i in result.issues if i.file == "NaMon.xlsx")
    assert said == [
        ("invalid-total-households", "B5", "=2+2"),
        ("leading-equals-sign", "B4", "=05/2024"),
    ]


def test_a_numbered_total_row_labelled_in_the_note_column_is_no_household(tmp_path):
    """Under Nà Mòn's six households (NM1 poor, NM2 near, NM3 exited, NM4 near, NM5, NM6
    poor), '7 | … | 24 | 6 hộ | 7200000 | 2 | 1 | … | Tổng cộng': the STT numbered on, the
    sums of the sizes, households, incomes and two deprivation columns, the label in 'Ghi chú'
    (Z), far right of the second written cell. Still 3 poor and 2 near-poor, 6 rows read, none
    rejected, no issue (it was a seventh household with no Mã hộ and a classification '6 hộ':
    errors). A household's row whose note begins the same way, 'Tổng cộng 4 khẩu', is still
    one: named 'Lường Văn Páo', its Mã hộ left blank, it is read and said at its row (7 rows
    read, 1 left out), the figures unchanged."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    sums = {"Số nhân khẩu": 24, "Phân loại hộ": "6 hộ", "Thu nhập BQ (đồng/người/tháng)": 7200000,
            "Việc làm": 2, "Người phụ thuộc": 1, "Ghi chú": "Tổng cộng"}  # fmt: skip
    _under_the_last_household(tmp_path, STT=7, **sums)
    assert _na_mon(tmp_path) == ((3, 2), (6, 0), [])

    clean_rosters(tmp_path)
    household = {"Họ và tên chủ hộ": "Lường Văn Páo", "Số nhân khẩu": 4,
                 "Phân loại hộ": "Hộ nghèo", "Ghi chú": "Tổng cộng 4 khẩu"}  # fmt: skip
    row = _under_the_last_household(tmp_path, STT=7, **household)
    assert _na_mon(tmp_path) == ((3, 2), (7, 1), [("missing-household-id", row, "Mã hộ")])


# --- an error value in the roster's 'Thông tin' (session 13) ---------------------------------


def _info_errors(folder, cells: dict[str, str], title: bool = True, name: str = "") -> str:
    """Nà Mòn's 'Thông tin' cells (B1 'Loại biểu', B2 'Xã', B3 'Xóm', B4 'Kỳ báo cáo', B5 'Tổng
    số hộ dân cư', B6 'Người lập', B7 'Ngày lập') holding error values (openpyxl writes '#REF!'
    as an error cell); without its title ('DANH SÁCH … XÓM NÀ MÒN – THÁNG 5/2024') if not
    ``title``, renamed ``name`` if given. The file's name."""
    path = folder / "NaMon.xlsx"
    book = openpyxl.load_workbook(path)
    for ref, error in cells.items():
        book["Thông tin"][ref] = error
        assert book["Thông tin"][ref].data_type == "e"
    if not title:
        book["Danh sách"]["A1"] = None
    book.save(path)
    if name:
        path.rename(folder / name)
    return name or path.name


def _said_of(issues, file):
    return sorted((i.code, i.severity, i.sheet, i.cell, i.column, i.value)
                  for i in issues if i.file == file)  # fmt: skip


def test_an_error_value_in_a_printed_info_value_is_said_at_its_cell(tmp_path):
    """Nà Mòn's 'Thông tin' shows '#REF!' in Xóm (B3), '#N/A' in Xã (B2), '#VALUE!' in Người
    lập (B6), '#NAME?' in Ngày lập (B7). The hamlet is taken from the list's title, as for a
    blank cell, and the list counts (3 poor, 2 near-poor); each cell is said with the error it
    shows, a warning, by a run and by `check` alike. 'Xóm' was said to be empty, and the other
    three read as blank without a word."""
    from pipeline.checkfiles import check_files

    write_plan(tmp_path)
    clean_rosters(tmp_path)
    file = _info_errors(tmp_path, {"B2": "#N/A", "B3": "#REF!", "B6": "#VALUE!", "B7": "#NAME?"})
    result, _ = collect(tmp_path, None)
    figures = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (figures["status"], figures["poor"], figures["near_poor"]) == ("ok", 3, 2)
    expected = [
        ("info-error-value-skipped", "warning", "Thông tin", "B2", "Xã", "#N/A"),
        ("info-error-value-skipped", "warning", "Thông tin", "B3", "Xóm", "#REF!"),
        ("info-error-value-skipped", "warning", "Thông tin", "B6", "Người lập", "#VALUE!"),
        ("info-error-value-skipped", "warning", "Thông tin", "B7", "Ngày lập", "#NAME?"),
    ]
    assert _said_of(result.issues, file) == expected
    assert _said_of(check_files([tmp_path]), file) == expected
    said = {i.cell: i for i in result.issues if i.file == file}
    shows = "(công thức hỏng hoặc tham chiếu ô đã xóa)"
    assert said["B3"].message() == (
        f"Ô B3 ('Xóm') trong trang 'Thông tin' hiện lỗi '#REF!' {shows}; đã lấy 'Nà Mòn' từ "
        "tiêu đề của danh sách. Hãy ghi vào ô này tên xóm như trong kế hoạch của xã."
    )
    assert said["B2"].message() == (
        f"Ô B2 ('Xã') trong trang 'Thông tin' hiện lỗi '#N/A' {shows}; không so được tên xã "
        "với kế hoạch. Hãy ghi tên xã."
    )
    assert said["B6"].message("en") == (
        "Cell B6 ('Người lập') of sheet 'Thông tin' shows the error '#VALUE!' (a broken formula, "
        "or a reference to a deleted cell); the list is taken as naming no preparer. Write the "
        "preparer's full name."
    )


def test_an_error_value_in_xom_with_nothing_else_naming_the_hamlet_refuses_the_list(tmp_path):
    """Nà Mòn's 'Xóm' (B3) shows '#REF!', its title is gone and its file is 'DS_T5.xlsx': nothing
    names its hamlet, so the list is not counted (Nà Mòn not submitted, Bản Cọ still 2 poor),
    said at B3 as the error it shows, by a run and by `check` alike; it was 'missing-hamlet',
    which says nothing of the cell."""
    from pipeline.checkfiles import check_files

    write_plan(tmp_path)
    clean_rosters(tmp_path)
    file = _info_errors(tmp_path, {"B3": "#REF!"}, title=False, name="DS_T5.xlsx")
    result, _ = collect(tmp_path, None)
    by = {h["hamlet"]: h for h in result.summary["hamlets"]}
    assert (by["Nà Mòn"]["status"], by["Bản Cọ"]["poor"]) == ("missing", 2)
    expected = [("info-error-value", "error", "Thông tin", "B3", "Xóm", "#REF!")]
    assert _said_of(result.issues, file) == expected
    assert _said_of(check_files([tmp_path]), file) == expected
    assert next(i for i in result.issues if i.file == file).message() == (
        "Ô B3 ('Xóm') trong trang 'Thông tin' hiện lỗi '#REF!' (công thức hỏng hoặc tham chiếu "
        "ô đã xóa) nên không đọc được; danh sách chưa được tính. Hãy ghi vào ô này tên xóm như "
        "trong kế hoạch của xã, rồi gửi lại."
    )


def test_an_error_value_in_the_file_name_s_hamlet_is_said_with_the_hamlet_taken(tmp_path):
    """As above, the file still named 'NaMon.xlsx': the hamlet is taken from the file name, the
    list counts (3 poor), and B3 is a warning saying so, by a run and by `check` alike."""
    from pipeline.checkfiles import check_files

    write_plan(tmp_path)
    clean_rosters(tmp_path)
    file = _info_errors(tmp_path, {"B3": "#REF!"}, title=False)
    result, _ = collect(tmp_path, None)
    assert next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")["poor"] == 3
    expected = [("info-error-value-skipped", "warning", "Thông tin", "B3", "Xóm", "#REF!")]
    assert _said_of(result.issues, file) == expected
    assert _said_of(check_files([tmp_path]), file) == expected
    assert (
        "đã lấy 'Nà Mòn' từ tên tệp" in next(i for i in result.issues if i.file == file).message()
    )


def test_an_error_value_in_the_total_or_the_period_refuses_the_list_at_its_cell(tmp_path):
    """Nà Mòn's 'Tổng số hộ dân cư' (B5) shows '#DIV/0!' and its 'Kỳ báo cáo' (B4) '#N/A', its
    title gone and its file 'DS_NaMon.xlsx' (no month): neither is replaced (the plan's
    start-of-year count, the title's month), as for a formula without its value; the list is
    refused for the period, at B4, by a run and by `check`, which checks it no further (`check`
    said B5 too, which no run says). The run took the plan's 100 households silently for the
    total, and `check` called it blank."""
    from pipeline.checkfiles import check_files

    write_plan(tmp_path)
    clean_rosters(tmp_path)
    file = _info_errors(tmp_path, {"B4": "#N/A", "B5": "#DIV/0!"}, title=False,
                        name="DS_NaMon.xlsx")  # fmt: skip
    result, _ = collect(tmp_path, None)
    assert next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")["status"] == (
        "rejected"
    )
    assert _said_of(result.issues, file) == [
        ("info-error-value", "error", "Thông tin", "B4", "Kỳ báo cáo", "#N/A")
    ]
    assert _said_of(check_files([tmp_path]), file) == [
        ("info-error-value", "error", "Thông tin", "B4", "Kỳ báo cáo", "#N/A")
    ]


def test_an_error_value_in_the_total_refuses_the_list_in_a_run_and_in_check(tmp_path):
    """Nà Mòn's 'Tổng số hộ dân cư' (B5) shows '#DIV/0!', the rest as written: the list is
    refused for it (no rate on the plan's count in its place), by a run and by `check` alike.
    The run took the plan's start-of-year count (missing-total-households, a warning) while
    `check` called the cell blank (invalid-total-households)."""
    from pipeline.checkfiles import check_files

    write_plan(tmp_path)
    clean_rosters(tmp_path)
    file = _info_errors(tmp_path, {"B5": "#DIV/0!"})
    result, _ = collect(tmp_path, None)
    by = {h["hamlet"]: h for h in result.summary["hamlets"]}
    assert (by["Nà Mòn"]["status"], by["Bản Cọ"]["poor"]) == ("rejected", 2)
    expected = [("info-error-value", "error", "Thông tin", "B5", "Tổng số hộ dân cư", "#DIV/0!")]
    assert _said_of(result.issues, file) == expected
    assert _said_of(check_files([tmp_path]), file) == expected
