"""Session 49: review of the hamlet-head checks added this session (docs/decisions.md,
"Session 49: review of the hamlet-head checks").

A head's name typed without Vietnamese marks is said only where the start list's writing has
them: 'Ksor H’Blin' (a Jrai name, its apostrophe the curly one Word types) has none, and a
head writing 'Ksor H'Blin' was told it lacked its marks and to write what they had written."""

from __future__ import annotations

from pipeline.run import collect
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person, plan_hamlets, start_list, write_roster
from tests.test_session23_rows import MAY
from tests.test_session49_heads import nm4_mismatch


def _names(tmp_path, start: dict[str, str], typed: dict[str, str]) -> list:
    """Nà Mòn's May list (NM1–NM6, rows 5–10), the start list's heads of ``start`` and the
    list's of ``typed`` (by Mã hộ) as given: the issues said at 'Họ và tên chủ hộ'."""
    folder = tmp_path / "vao"
    folder.mkdir()
    listed = [dict(r, chu_ho=start.get(r["ma_ho"], r["chu_ho"])) for r in start_list()]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, plan_hamlets(), listed)
    rows = [
        person(code, status, **({"chu_ho": typed[code]} if code in typed else {}))
        for code, status in MAY
    ]
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)
    result, _ = collect(folder, None, workers=0)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)  # counted as ever
    return [i for i in result.issues if i.column == "Họ và tên chủ hộ"]


def test_a_name_whose_start_list_writing_has_no_marks_is_not_said(tmp_path):
    """NM1: the start list writes 'Ksor H’Blin' (U+2019, no Vietnamese mark), the list 'Ksor
    H'Blin': nothing to say (before: name-without-marks at C5, asking for 'Ksor H’Blin'). NM4:
    'H’Hen Niê' on the start list, "H'Hen Nie" typed: its ê lost, said at C8 as before."""
    said = _names(
        tmp_path,
        {"NM1": "Ksor H\u2019Blin", "NM4": "H\u2019Hen Niê"},
        {"NM1": "Ksor H'Blin", "NM4": "H'Hen Nie"},
    )
    assert [(i.code, i.cell, i.value, i.detail) for i in said] == [
        ("name-without-marks", "C8", "H'Hen Nie", "H\u2019Hen Niê")
    ]


def test_a_name_without_marks_leaves_a_changed_head_to_the_hamlet(tmp_path):
    """NM1: the start list's head 'Lò Văn Hùng', the list's 'LO VAN HUNG', which folds as
    'Lò Văn Hưng' (a son become head) does too: the head is told to write the start list's
    name only if the head is still that person (before: told to write it, whoever heads)."""
    [said] = _names(tmp_path, {"NM1": "Lò Văn Hùng"}, {"NM1": "LO VAN HUNG"})
    assert (said.code, said.cell) == ("name-without-marks", "C5")
    assert said.message("vi") == (
        "Họ tên chủ hộ ghi 'LO VAN HUNG', không có dấu tiếng Việt; danh sách đầu năm ghi hộ "
        "này là 'Lò Văn Hùng'. Hộ vẫn được tính. Nếu chủ hộ vẫn là người đó, hãy ghi họ tên có "
        "dấu như danh sách đầu năm: 'Lò Văn Hùng'; nếu đã đổi chủ hộ, hãy ghi họ tên chủ hộ mới, "
        "có dấu (danh sách niêm yết công khai in họ tên như xóm ghi)."
    )
    assert said.message("en") == (
        "The head's name is written 'LO VAN HUNG', without its Vietnamese marks; the "
        "start-of-year list writes this household's head 'Lò Văn Hùng'. The household is "
        "counted. If the head is still that person, write the name with its marks as the "
        "start-of-year list does: 'Lò Văn Hùng'; if the head has changed, write the new head's "
        "name with its marks (the posted list prints the name as the hamlet writes it)."
    )


def test_a_share_on_the_line_is_not_said_under_it(tmp_path):
    """6.000.000 đ for 4 members: 1.500.000 each, the rural line itself (a household at the
    line is poor or near-poor by the standard: 'từ 1.500.000 đồng trở xuống'), so not 'dưới
    chuẩn nghèo' (under the line), which it is not."""
    assert nm4_mismatch(tmp_path, 6_000_000) == (
        "Phân loại 'Hộ cận nghèo' khác với chuẩn nghèo (thu nhập 6.000.000 đ, 0 chỉ số thiếu "
        "hụt: theo chuẩn là không nghèo). Nếu thu nhập đó là của cả hộ thì mỗi người trong "
        "hộ là 1.500.000 đ/tháng, không vượt chuẩn nghèo: hãy ghi số này vào cột 'Thu nhập "
        "BQ' (thu nhập bình quân mỗi người mỗi tháng). Nếu không, giữ nguyên theo kết quả bình "
        "xét của xóm; đề nghị kiểm tra lại."
    )


def test_a_share_over_the_line_by_half_a_dong_is_not_told(tmp_path):
    """6.000.002 đ for 4 members: 1.500.000,5 each, over the line; its share rounded
    (1.500.000) was at it, and the hint given. Now the plain message."""
    assert nm4_mismatch(tmp_path, 6_000_002) == (
        "Phân loại 'Hộ cận nghèo' khác với chuẩn nghèo (thu nhập 6.000.002 đ, 0 chỉ số thiếu "
        "hụt: theo chuẩn là không nghèo). Giữ nguyên theo kết quả bình xét của xóm; đề nghị "
        "kiểm tra lại."
    )
