"""Session 39: a hamlet whose own name begins with its unit word ('Xóm Đồng Mỏ – Làng Mới',
'Thôn Nà Mòn') is not written "xóm Xóm …" in the sentences of messages and notes, as session 38
did for titles; an ordinary name keeps its "xóm" ("xóm Bản Cọ")."""

from __future__ import annotations

import openpyxl

from pipeline.messages import said_with_unit, with_unit
from tests.commune import person, roster_edited, write_renamed_plan, write_roster
from tests.test_session28_c import feedback_status

NA_MON, DONG_MO = "Thôn Nà Mòn", "Xóm Đồng Mỏ – Làng Mới"
# The small commune's Nà Mòn and Bản Cọ renamed; Đồng Kè keeps its ordinary name.
RENAMED = {"Nà Mòn": NA_MON, "Bản Cọ": DONG_MO}


def _renamed_commune(folder) -> None:
    """The plan with :data:`RENAMED`, Thôn Nà Mòn's clean May list, and Xóm Đồng Mỏ – Làng
    Mới's: BC1, BC2 poor, BC3 near-poor (rows 5–7), then in row 8 a title 'Danh sách Thôn Nà
    Mòn' over NM1 and NM2 (rows 9–10), which are not counted there."""
    write_renamed_plan(folder, RENAMED)
    write_roster(folder, "DS_NaMon_2024-05.xlsx", NA_MON, 102,
                 [person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "exited"),
                  person("NM4", "near_poor"), person("NM5", "poor")])  # fmt: skip
    path = write_roster(folder, "DS_DongMo_2024-05.xlsx", DONG_MO, 200,
                        [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor"),
                         person("NM1", "poor"), person("NM2", "near_poor")])  # fmt: skip
    with roster_edited(path) as sheet:
        sheet.insert_rows(8)
        sheet.cell(8, 1, "Danh sách Thôn Nà Mòn")


# Before: "là danh sách của xóm Thôn Nà Mòn, không phải của xóm Xóm Đồng Mỏ – Làng Mới, …"
WARNING = (  # Thôn Nà Mòn's own list holds NM1 and NM2: counted there (session 55, L's 'listed')
    "Các dòng 9–10 nằm dưới tiêu đề 'Danh sách Thôn Nà Mòn', là danh sách của Thôn Nà Mòn, "
    "không phải của Xóm Đồng Mỏ – Làng Mới, nên không được tính vào Xóm Đồng Mỏ – Làng Mới; "
    "các hộ đó đã có trong danh sách kỳ này của Thôn Nà Mòn (tệp 'DS_NaMon_2024-05.xlsx') và "
    "được tính ở đó. Hãy xóa các dòng đó khỏi danh sách của Xóm Đồng Mỏ – Làng Mới; nếu các hộ "
    "đó đúng là của Xóm Đồng Mỏ – Làng Mới, hãy sửa tiêu đề đó và báo Thôn Nà Mòn xóa các hộ "
    "đó khỏi danh sách của mình."
)


def test_a_name_with_its_own_unit_word_is_not_given_xom_in_the_warning_and_feedback(tmp_path):
    """The warning ('Lỗi dữ liệu', `check`, the head's feedback) and the feedback's status
    name both hamlets as the plan writes them, without a second "xóm"."""
    folder = tmp_path / "input"
    folder.mkdir()
    _renamed_commune(folder)
    status, rows = feedback_status(folder, "DS_DongMo_2024-05.xlsx")
    # NM1 and NM2 counted in Thôn Nà Mòn's own list: said so, as the warning (session 56)
    assert status == (
        "Danh sách đã được tổng hợp, mọi hộ của Xóm Đồng Mỏ – Làng Mới đều được tính; các dòng "
        "9–10 (hộ của Thôn Nà Mòn) không được tính ở đây vì đã có trong danh sách kỳ này của "
        "Thôn Nà Mòn và được tính ở đó; có 1 cảnh báo (ô tô vàng), đề nghị kiểm tra lại."
    )
    assert [(r["Ô"], r["Mức độ"], r["Cần sửa"]) for r in rows] == [("A8", "Cảnh báo", WARNING)]
    book = openpyxl.load_workbook(folder / "out" / "2024-05" / "TongHop_2024-05.xlsx")
    said = [c for row in book["Lỗi dữ liệu"].iter_rows(values_only=True) for c in row
            if isinstance(c, str) and c.startswith("Các dòng 9–10")]  # fmt: skip
    assert said == [WARNING]


def test_said_with_unit_drops_the_unit_only_before_a_name_that_has_its_own():
    template = "của xóm {hamlet}, không phải xóm '{value}'; Xóm {instead} ghi; hamlet {hamlet}"
    assert said_with_unit(template, hamlet="Bản Cọ", value=DONG_MO, instead="Đồng Kè") == (
        "của xóm Bản Cọ, không phải xóm 'Xóm Đồng Mỏ – Làng Mới'; Xóm Đồng Kè ghi; hamlet Bản Cọ"
    )
    assert said_with_unit(template, hamlet=DONG_MO, value="Bản Cọ", instead=NA_MON) == (
        "của Xóm Đồng Mỏ – Làng Mới, không phải xóm 'Bản Cọ'; Thôn Nà Mòn ghi; Xóm Đồng Mỏ – "
        "Làng Mới"  # English alike: not "hamlet Xóm Đồng Mỏ"
    )
    # a list keeps its "xóm" unless every name in it has its own unit word
    assert with_unit(f"{NA_MON}, Bản Cọ") == "xóm Thôn Nà Mòn, Bản Cọ"
    assert with_unit(f"{NA_MON}, {DONG_MO}") == "Thôn Nà Mòn, Xóm Đồng Mỏ – Làng Mới"
    assert with_unit("Tổ dân phố số 12", "Xóm") == "Tổ dân phố số 12"
    assert with_unit("Bản Cọ", "Xóm") == "Xóm Bản Cọ"
    assert with_unit("Xómbên") == "xóm Xómbên"  # a word that only starts like one
