"""Session 43 (helper F): an adversarial review of four changes of the session (the 'SNK' and
'Giới' headers, a code and name swapped, the template's hints, a cell in a hidden column).
Each defect found pinned by a small fixture worked out by hand.

The small commune (tests.commune): Bản Cọ's start list is BC1, BC2 poor and BC3 near-poor,
200 households."""

from __future__ import annotations

import openpyxl

from pipeline.run import collect
from tests.commune import person, roster_edited, write_plan
from tests.summaries import hamlet_figures
from tests.test_session43_d_heads_files import ban_co_template

# --- 1. 'Giới' is the sex alone, not the first word of another header -------------------------


def test_a_column_headed_gioi_thieu_viec_lam_is_no_second_sex_column(tmp_path):
    """Bản Cọ's list keeps the template's 'Giới tính' (E4) and adds a need of its own, 'Giới
    thiệu việc làm' (Z4, job placement), marked 'x' for BC1. Before: 'Giới' (an alias since
    46edcdf) spelled the header's first word, so Z was a second 'Giới tính' column differing
    from E in 3 rows, and the only list was refused. Now Z is a column not in the template
    (one warning, Z4), the sexes are E's: BC2 'Nữ', so poor 2 (one female head), near-poor 1."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    path = ban_co_template(
        folder,
        [person("BC1", "poor"), person("BC2", "poor", gioi_tinh="Nữ"),
         person("BC3", "near_poor")],
        {"Z4": "Giới thiệu việc làm", "Z5": "x"},
    )  # fmt: skip
    assert path.exists()
    result, _ = collect(folder, None, workers=0)
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert ban_co["status"] == "ok"
    assert (ban_co["poor"], ban_co["near_poor"]) == (2, 1)
    assert ban_co["subgroups"]["female_head"] == {"poor": 1, "near_poor": 0}
    said = [(i.code, i.cell) for i in result.issues if i.hamlet == "Bản Cọ"]
    assert said == [("unknown-column", "Z4")]


# --- 2. a cell in a hidden column A, and a merged cell a shown column shows ---------------------


def test_a_hidden_column_a_is_told_how_to_show_and_a_merged_title_over_it_is_not(tmp_path):
    """Bản Cọ's list has no STT: 'Mã hộ' is column A, which the head hides to print the list
    for posting (codes are the commune's). Its title, merged over A1:Y1, names Nà Mòn (a
    warning at A1); BC3's row 7 has its head's name under 'Mã hộ' (A7) and its code under the
    name (B7). Before (99ddf41): both cells were said to be in hidden column A, to be shown by
    selecting the columns on its left and right: A has none, and the title shows in B..Y. Now
    the title says nothing of it; A7 says to select the whole sheet (the corner) to unhide."""
    from pipeline.publish import publish
    from tests.test_feedback_guide import guide

    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    third = dict(person("BC3", "near_poor"), ma_ho="Lý Minh Chung", chu_ho="BC3")
    path = ban_co_template(folder, [person("BC1", "poor"), person("BC2", "poor"), third])
    with roster_edited(path, below=0) as ws:
        ws.delete_cols(1)  # no STT: 'Mã hộ' in A, 'Họ và tên chủ hộ' in B
        ws["A1"] = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM NÀ MÒN – THÁNG 5/2024"
        ws.merge_cells("A1:Y1")
        ws.column_dimensions["A"].hidden = True
    result, _ = collect(folder, None, workers=0)
    said = [(i.code, i.cell) for i in result.issues if i.hamlet == "Bản Cọ"]
    assert [cell for _, cell in said] == ["A1", "A7"]
    written = publish(result, tmp_path / "ra")
    book = openpyxl.load_workbook(next(p for p in written["feedback"] if "Bản Cọ" in p.name))
    table = {row[2]: row[7] for row in guide(book)["table"]}
    assert "bị ẩn" not in table["A1"]
    first = (
        " Cột A đang bị ẩn trong tệp của xóm: hãy bỏ ẩn cột đó (bấm ô góc trên bên trái của "
        "trang để chọn cả trang, chuột phải vào tên một cột > Bỏ ẩn) để thấy ô này."
    )
    assert table["A7"].endswith("'Họ và tên chủ hộ'." + first)
