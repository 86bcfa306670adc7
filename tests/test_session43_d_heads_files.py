"""Session 43 (helper D): fresh-eyes QA of the template and the feedback workbook as a hamlet
head fills and reads them. Each finding pinned by a small fixture worked out by hand.

The small commune (tests.commune): Bản Cọ's start list is BC1, BC2 poor and BC3 near-poor,
200 households."""

from __future__ import annotations

import openpyxl

from pipeline.run import collect
from tests.commune import person, write_plan, write_roster
from tests.summaries import hamlet_figures


def ban_co_template(folder, rows: list[dict], headers: dict[str, str] | None = None):
    """Bản Cọ's May list on the template (header in row 4, households from row 5), its header
    cells rewritten as ``headers`` says (cell -> text)."""
    path = write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, rows)
    if headers:
        wb = openpyxl.load_workbook(path)
        for cell, text in headers.items():
            wb["Danh sách"][cell] = text
        wb.save(path)
    return path


# --- 1. 'SNK' and 'Giới': a head's short headers of the household size and the head's sex ------


def test_a_size_headed_snk_and_a_sex_headed_gioi_are_read(tmp_path):
    """Bản Cọ heads its size column 'SNK' (H4) and its sex column 'Giới' (E4), as many lists
    do. Before: neither was known; the list was refused (missing-column 'Số nhân khẩu') and
    each was said an unknown column. Now both are read: BC1 poor (4 people), BC2 poor written
    'Nữ', BC3 near-poor sized 0, an error at H7 that leaves it out; so poor 2 (one female
    head), near-poor 0 of 200 households."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    ban_co_template(
        folder,
        [person("BC1", "poor"), person("BC2", "poor", gioi_tinh="Nữ"),
         person("BC3", "near_poor", nhan_khau=0)],
        {"H4": "SNK", "E4": "Giới"},
    )  # fmt: skip
    result, _ = collect(folder, None, workers=0)
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert ban_co["status"] == "ok"
    assert (ban_co["poor"], ban_co["near_poor"], ban_co["households"]) == (2, 0, 200)
    assert ban_co["subgroups"]["female_head"] == {"poor": 1, "near_poor": 0}
    said = [(i.code, i.cell) for i in result.issues if i.hamlet == "Bản Cọ"]
    assert ("invalid-household-size", "H7") in said
    assert [c for c, _ in said if c in ("missing-column", "unknown-column")] == []


# --- 2. a household's code and head's name typed in each other's column -----------------------


def _swapped(tmp_path):
    """Bản Cọ's May list: BC1, BC2 poor as at the start; BC3 (near-poor at the start, still
    near-poor) in row 7 with its head's name 'Lý Minh Chung' under 'Mã hộ' (B7) and its code
    under 'Họ và tên chủ hộ' (C7)."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    third = dict(person("BC3", "near_poor"), ma_ho="Lý Minh Chung", chu_ho="BC3")
    ban_co_template(folder, [person("BC1", "poor"), person("BC2", "poor"), third])
    return collect(folder, None, workers=0)[0]


def test_a_code_and_name_typed_in_each_others_column_are_read_back_in_place(tmp_path):
    """Before: 'Lý Minh Chung' was read as a new household's code: BC3 counted as exited
    (near-poor 1 − 1 exited + 1 new = 1, a vanished-household warning naming no row), nothing
    said at B7. Now the row is read as BC3, its head Lý Minh Chung: near-poor start 1, end 1,
    nothing new, nothing exited; one warning at B7 naming C7 and both values."""
    result = _swapped(tmp_path)
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["poor"], ban_co["near_poor"]) == (2, 1)
    near = {k: n for k, n in ban_co["movements"]["near_poor"].items() if n}
    assert near == {"start": 1, "end": 1}
    said = [i for i in result.issues if i.hamlet == "Bản Cọ"]
    assert [(i.code, i.cell, i.value, i.detail, i.instead) for i in said] == [
        ("code-and-name-swapped", "B7", "Lý Minh Chung", "BC3", "C7")
    ]
    assert said[0].severity == "warning"
    assert said[0].message() == (
        "'Mã hộ' ghi 'Lý Minh Chung', là họ tên, còn ô C7 (cột 'Họ và tên chủ hộ') ghi 'BC3', "
        "là mã hộ: hai ô bị ghi đảo chỗ cho nhau. Xã đã hiểu là hộ BC3, chủ hộ Lý Minh Chung, "
        "và hộ vẫn được tính. Hãy ghi mã hộ vào cột 'Mã hộ' và họ tên vào cột 'Họ và tên chủ "
        "hộ'."
    )


def test_a_name_and_a_birth_year_typed_one_column_left_are_not_read_as_swapped(tmp_path):
    """A row typed one column to the left: the head's name under 'Mã hộ', the birth year 1970
    under the name. A year is no household code: nothing is swapped, the row keeps its name as
    code (no code-and-name-swapped warning)."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    shifted = dict(person("BC3", "near_poor"), ma_ho="Lý Minh Chung", chu_ho="1970")
    ban_co_template(folder, [person("BC1", "poor"), person("BC2", "poor"), shifted])
    result = collect(folder, None, workers=0)[0]
    assert [i for i in result.issues if i.code == "code-and-name-swapped"] == []


# --- 3. the template names the causes and needs a cell takes ------------------------------------


def test_the_template_names_the_causes_and_needs_when_their_cell_is_selected(tmp_path):
    """Before: 'Nguyên nhân nghèo' (W) and 'Nhu cầu hỗ trợ' (Y) had no hint; the head learnt
    the lists (CONTRACT §2.4, §2.5) only from a warning of the run. Now selecting a cell of
    either shows them, on the household rows (5–105 and under the signature, 109–1004), not on
    the signature block (106–108); each hint within Excel's 255 characters."""
    from pipeline.template import write_templates

    write_templates(tmp_path)
    ws = openpyxl.load_workbook(tmp_path / "MauDanhSachHo.xlsx")["Danh sách"]
    hints = {str(v.sqref): (v.promptTitle, v.prompt) for v in ws.data_validations.dataValidation}
    causes = (
        "Ghi một hoặc nhiều nguyên nhân sau, cách nhau bằng dấu chấm phẩy (;): Thiếu đất sản "
        "xuất; Thiếu vốn; Thiếu lao động; Thiếu công cụ, phương tiện sản xuất; Thiếu kiến thức "
        "sản xuất; Thiếu kỹ năng lao động; Ốm đau, bệnh nặng, tai nạn; Khác."
    )
    needs = (
        "Ghi một hoặc nhiều nhu cầu sau, cách nhau bằng dấu chấm phẩy (;): Vay vốn ưu đãi; Hỗ "
        "trợ sản xuất; Đào tạo nghề; Việc làm; Xuất khẩu lao động; Nhà ở; Nước sạch; Bảo hiểm y "
        "tế; Giáo dục; Khác."
    )
    assert hints["W5:W105 W109:W1004"] == ("Nguyên nhân nghèo", causes)
    assert hints["Y5:Y105 Y109:Y1004"] == ("Nhu cầu hỗ trợ", needs)
    assert len(causes) <= 255 and len(needs) <= 255


# --- 4. a cell to fix in a column the head's own file hides ------------------------------------


def test_the_guide_says_when_a_cell_to_fix_is_in_a_column_the_file_hides(tmp_path):
    """Bản Cọ hides columns G (ID numbers) and H (household size), as heads do to fit a page;
    BC3's size is 0 (H7, an error). The copy shows every column, but in the head's own file
    column H cannot be seen: the letters go G… I. Before: the guide said only what the size
    should be. Now its 'Cần sửa' (and the cell's note) adds that column H is hidden in the
    file and how to show it. A cell of a shown column (C5, a name after '=') says nothing of it,
    nor the header of a hidden column not read ('SĐT', AA4): there is nothing to fix in it."""
    from pipeline.publish import publish
    from tests.test_feedback_guide import guide

    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    path = ban_co_template(
        folder,
        [person("BC1", "poor", chu_ho="=Hoàng Văn Ba"), person("BC2", "poor"),
         person("BC3", "near_poor", nhan_khau=0)],
    )  # fmt: skip
    wb = openpyxl.load_workbook(path)
    wb["Danh sách"]["AA4"] = "SĐT"  # a column of its own, hidden too: nothing to fix in it
    for letter in ("G", "H", "AA"):
        wb["Danh sách"].column_dimensions[letter].hidden = True
    wb.save(path)
    result, _ = collect(folder, None, workers=0)
    written = publish(result, tmp_path / "ra")
    book = openpyxl.load_workbook(next(p for p in written["feedback"] if "Bản Cọ" in p.name))
    table = {row[2]: row[7] for row in guide(book)["table"]}
    hidden = (
        " Cột H đang bị ẩn trong tệp của xóm: hãy bỏ ẩn cột đó (chọn các cột ở bên trái và bên "
        "phải, chuột phải > Bỏ ẩn) để thấy ô này."
    )
    assert table["H7"] == (
        "'Số nhân khẩu' là '0', không phải số nguyên từ 1 đến 30. Hãy ghi số người trong hộ "
        "(ví dụ 4)." + hidden
    )
    assert book["Danh sách"]["H7"].comment.text.endswith(hidden)
    assert "bị ẩn" not in table["C5"]
    assert table["AA4"] == (
        "Cột 'SĐT' không có trong mẫu nên không được tổng hợp. Không cần sửa nếu cột này chỉ để "
        "ghi chú."
    )
