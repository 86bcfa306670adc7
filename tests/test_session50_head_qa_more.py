"""Session 50 (helper 8): more of what hamlet heads type that refused or misread a list.

* 'Tổng số hộ dân cư' written with words around its number ('Số hộ: 102', '102 hộ gia
  đình') is read; a count of people there ('250 nhân khẩu') is no count of households, said
  so, and a number among other words is said with the number alone to write.
"""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.run import collect
from tests.commune import person
from tests.test_typed_by_hand import _commune

NA_MON = "NaMon.xlsx"


def _total(path, text: str) -> None:
    """Nà Mòn's 'Tổng số hộ dân cư' (B5 of 'Thông tin') given ``text``, as a head types it."""
    book = openpyxl.load_workbook(path)
    book["Thông tin"]["B5"].value = text
    book.save(path)


def _run(tmp_path, total: str):
    path = _commune(tmp_path, [person("NM1", "poor"), person("NM2", "near_poor")])
    _total(path, total)
    result, _ = collect(tmp_path, None)
    figures = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    return result, figures


@pytest.mark.parametrize(
    "written",
    ["Số hộ: 102", "102 hộ gia đình", "Tổng số hộ dân cư: 102 hộ", "Có 102 hộ.", "102 HGĐ",
     "Tổng số: 102 hộ gia đình", "Số hộ dân cư là 102"],
)  # fmt: skip
def test_a_total_written_with_words_around_its_number_is_read(tmp_path, written):
    """Each is 102 households: the list counted, nothing said at B5. Before, the whole list
    was refused (invalid-total-households). By hand each rate is 1 / 102 × 100 = 0.98039… %
    (NM1 poor, NM2 near-poor; the start list's three others said missing, as for any list)."""
    result, figures = _run(tmp_path, written)
    said = [i.code for i in result.issues if i.file == NA_MON]
    assert said == ["vanished-household"] * 3
    assert (figures["status"], figures["households"]) == ("ok", 102)
    assert (figures["poor"], figures["near_poor"]) == (1, 1)
    assert figures["poor_rate"] == figures["near_poor_rate"] == pytest.approx(0.980392156862745)


@pytest.mark.parametrize("written", ["250 nhân khẩu", "250 khẩu", "250 người"])
def test_a_count_of_people_in_the_total_is_no_count_of_households(tmp_path, written):
    """'250 nhân khẩu' in 'Tổng số hộ dân cư' is the hamlet's people, not 250 households:
    before, read as 250 households (rates over 250, only 'far from the plan' said); now the
    total is refused as any total not read, said as a count of people."""
    result, figures = _run(tmp_path, written)
    found = [i for i in result.issues if i.file == NA_MON and i.code != "vanished-household"]
    assert [(i.code, i.cell, i.value, i.variant) for i in found] == [
        ("invalid-total-households", "B5", written, "people")
    ]
    assert found[0].message("vi") == (
        f"'Tổng số hộ dân cư' là '{written}': đây là số người, không phải số hộ. Hãy ghi tổng "
        "số hộ dân cư của xóm, chỉ con số (ví dụ 215), không ghi số nhân khẩu."
    )
    assert figures["households"] != 250


@pytest.mark.parametrize("written, example", [("khoảng 60 hộ", "60"), ("62 hộ, 250 khẩu", "215")])
def test_a_number_among_other_words_is_said_with_the_number_to_write(tmp_path, written, example):
    """'khoảng 60 hộ' (about 60) is not sure: refused as before, the head told to write the
    number alone, the one written (60) as the example; two numbers: the template's 215."""
    result, _ = _run(tmp_path, written)
    found = [i for i in result.issues if i.file == NA_MON and i.code != "vanished-household"]
    assert [(i.code, i.cell, i.value, i.variant, i.detail) for i in found] == [
        ("invalid-total-households", "B5", written, "words", example)
    ]
    assert found[0].message("vi") == (
        f"'Tổng số hộ dân cư' là '{written}', không đọc được thành số hộ. Hãy ghi chỉ con số "
        f"tổng số hộ dân cư của xóm, không kèm chữ (ví dụ {example})."
    )
