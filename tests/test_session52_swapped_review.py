"""Review of the swapped and rotated hamlets' refusal (session 52, consolidate._swapped): a
swap whose one side was already refused, or sent twice, was left half counted.

The small commune (tests.commune), its plan's start list: Nà Mòn NM1-NM3 poor, NM4-NM5
near-poor (100 households); Bản Cọ BC1, BC2 poor, BC3 near-poor (200); Đồng Kè DK1 poor, DK2
near-poor (150). May is the first month run. In each case Nà Mòn's head reused Đồng Kè's file
and Đồng Kè's head Nà Mòn's (the titles naming the 'Xóm' cells); Bản Cọ sent its own list."""

from __future__ import annotations

from datetime import date

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.run import collect
from tests.commune import person, write_plan, write_roster

_NM = [("NM1", "poor"), ("NM2", "poor"), ("NM3", "poor"), ("NM4", "near_poor"),
       ("NM5", "near_poor")]  # fmt: skip
_DK = [("DK1", "poor"), ("DK2", "near_poor")]
_BC = [("BC1", "poor"), ("BC2", "poor"), ("BC3", "near_poor")]


def _rows(listed) -> list[dict]:
    return [person(code, kind) for code, kind in listed]


def _commune(folder) -> None:
    write_plan(folder)
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, _rows(_BC))


def _run(folder) -> tuple[dict, list, dict]:
    """May's run: ({hamlet: (status, poor, near-poor)}, the hamlet-codes-of-file-name issues as
    (file, hamlet, variant, cell, value, instead), sorted; the totals)."""
    result, _ = collect(folder, None)
    by = {h["hamlet"]: (h["status"], h["poor"], h["near_poor"]) for h in result.summary["hamlets"]}
    said = sorted((i.file, i.hamlet, i.variant, i.cell, i.value, i.instead)
                  for i in result.issues if i.code == "hamlet-codes-of-file-name")  # fmt: skip
    return by, said, result.summary["totals"]


def _both_refused(folder) -> list[tuple]:
    """May's run (:func:`_run`) where Nà Mòn and Đồng Kè are both refused: Bản Cọ alone
    counted (2 poor, 1 near-poor), asserted; returns the refusals said."""
    by, said, totals = _run(folder)
    assert by == {
        "Nà Mòn": ("rejected", None, None), "Bản Cọ": ("ok", 2, 1),
        "Đồng Kè": ("rejected", None, None),
    }  # fmt: skip
    assert (totals["poor"], totals["near_poor"]) == (2, 1)
    return said


def test_a_swapped_list_sent_twice_is_refused_both_times(tmp_path):
    """'DS1.xlsx' ('Xóm' Đồng Kè, Nà Mòn's NM1-NM5) sent again as 'DS1_guilai.xlsx' (the same
    list, 'Ngày lập' two days later), 'DS2.xlsx' ('Xóm' Nà Mòn, Đồng Kè's DK1, DK2). Before: only
    the first of the two copies was weighed, so DS1 and DS2 were refused and DS1_guilai counted
    as Đồng Kè's: Đồng Kè 'ok' with 3 poor, 2 near-poor (Nà Mòn's households). Now all three are
    refused, both copies naming DS2; Bản Cọ alone counted (2 poor, 1 near-poor)."""
    _commune(tmp_path)
    write_roster(tmp_path, "DS1.xlsx", "Đồng Kè", 150, _rows(_NM))
    write_roster(tmp_path, "DS1_guilai.xlsx", "Đồng Kè", 150, _rows(_NM),
                 prepared=date(2024, 6, 5))  # fmt: skip
    write_roster(tmp_path, "DS2.xlsx", "Nà Mòn", 100, _rows(_DK))
    said = _both_refused(tmp_path)
    assert said == [
        ("DS1.xlsx", "Nà Mòn", "swapped-title", "B3", "Đồng Kè", "DS2.xlsx"),
        ("DS1_guilai.xlsx", "Nà Mòn", "swapped-title", "B3", "Đồng Kè", "DS2.xlsx"),
        ("DS2.xlsx", "Đồng Kè", "swapped-title", "B3", "Nà Mòn", "DS1.xlsx"),
    ]


def test_the_other_side_of_a_swap_whose_head_sent_a_corrected_list_is_refused(tmp_path):
    """DS1 ('Xóm' Đồng Kè, NM1-NM5) and DS2 ('Xóm' Nà Mòn, DK1, DK2) swapped; Nà Mòn's head
    then sent 'NaMon_sua.xlsx' ('Xóm' Nà Mòn, NM1-NM5). DS2 is refused as a copy beside Nà
    Mòn's own list (session 49's 'codes-title'). Before: that broke the pair, and DS1 was
    counted as Đồng Kè's, NM1-NM5 on two hamlets' lists, neither hamlet counting them (Nà Mòn
    and Đồng Kè 'ok', 0 poor, 0 near-poor). Now DS1 is refused as swapped with DS2: Nà Mòn
    counts its corrected list (3 poor, 2 near-poor), Đồng Kè is refused (its DS2); the commune
    5 poor, 3 near-poor."""
    _commune(tmp_path)
    write_roster(tmp_path, "DS1.xlsx", "Đồng Kè", 150, _rows(_NM))
    write_roster(tmp_path, "DS2.xlsx", "Nà Mòn", 100, _rows(_DK))
    write_roster(tmp_path, "NaMon_sua.xlsx", "Nà Mòn", 100, _rows(_NM), prepared=date(2024, 6, 5))
    by, said, totals = _run(tmp_path)
    assert by == {
        "Nà Mòn": ("ok", 3, 2), "Bản Cọ": ("ok", 2, 1), "Đồng Kè": ("rejected", None, None),
    }  # fmt: skip
    assert (totals["poor"], totals["near_poor"]) == (5, 3)
    assert said == [
        ("DS1.xlsx", "Nà Mòn", "swapped-title", "B3", "Đồng Kè", "DS2.xlsx"),
        ("DS2.xlsx", "Đồng Kè", "codes-title", "B3", "Nà Mòn", "NaMon_sua.xlsx"),
    ]


def test_the_other_side_of_a_swap_refused_by_its_file_name_is_refused(tmp_path):
    """Nà Mòn's head saved Đồng Kè's file, its 'Xóm' left 'Đồng Kè', as 'DS_NaMon_T5.xlsx'
    (NM1-NM5): refused as Nà Mòn's by its file name and codes (session 49, variant 'title').
    Đồng Kè's head saved Nà Mòn's file ('Xóm' Nà Mòn) as 'DS1.xlsx' (DK1, DK2). Before: DS1 was
    counted as Nà Mòn's list (1 poor, 1 near-poor, Đồng Kè's households) and Đồng Kè said
    missing. Now DS1 is refused as swapped, naming DS_NaMon_T5.xlsx; both hamlets refused, Bản
    Cọ alone counted (2, 1). `check` says the same."""
    _commune(tmp_path)
    write_roster(tmp_path, "DS_NaMon_T5.xlsx", "Đồng Kè", 150, _rows(_NM))
    write_roster(tmp_path, "DS1.xlsx", "Nà Mòn", 100, _rows(_DK))
    said = _both_refused(tmp_path)
    assert said == [
        ("DS1.xlsx", "Đồng Kè", "swapped-title", "B3", "Nà Mòn", "DS_NaMon_T5.xlsx"),
        ("DS_NaMon_T5.xlsx", "Nà Mòn", "title", "B3", "Đồng Kè", ""),
    ]
    checked = check_files(sorted(tmp_path.glob("*.xlsx")))
    ds1 = [i for i in checked if i.code == "hamlet-codes-of-file-name" and i.file == "DS1.xlsx"]
    assert [(i.hamlet, i.variant, i.instead) for i in ds1] == [
        ("Đồng Kè", "swapped-title", "DS_NaMon_T5.xlsx")
    ]
    assert ds1[0].message() == (
        "Ô 'Xóm' và tiêu đề danh sách ghi 'Nà Mòn' nhưng các mã hộ trong danh sách là của xóm "
        "Đồng Kè (theo danh sách đầu năm), còn tệp 'DS_NaMon_T5.xlsx' ghi xóm Đồng Kè nhưng các "
        "mã hộ trong đó là của xóm 'Nà Mòn': có thể hai xóm đã dùng nhầm tệp của nhau (ô 'Xóm' "
        "bị đổi cho nhau), nên cả hai tệp chưa được tính. Nếu đây là danh sách của xóm Đồng Kè, "
        "hãy sửa ô 'Xóm' và tiêu đề thành 'Đồng Kè', kiểm tra cả các ô khác chép từ tệp của xóm "
        "'Nà Mòn' (nhất là 'Tổng số hộ dân cư') rồi gửi lại."
    )


def test_a_list_refused_by_its_file_name_with_no_list_naming_its_codes_hamlet_closes_no_ring(
    tmp_path,
):
    """Guard: 'DS_NaMon_T5.xlsx' ('Xóm' Đồng Kè, NM1-NM5) refused as Nà Mòn's as before, and
    Đồng Kè's own 'DongKe.xlsx' (DK1, DK2): no list names Nà Mòn, so nothing is swapped; Đồng
    Kè counted (1 poor, 1 near-poor), Nà Mòn refused, the commune 3 poor, 2 near-poor."""
    _commune(tmp_path)
    write_roster(tmp_path, "DS_NaMon_T5.xlsx", "Đồng Kè", 150, _rows(_NM))
    write_roster(tmp_path, "DongKe.xlsx", "Đồng Kè", 150, _rows(_DK))
    by, said, totals = _run(tmp_path)
    assert by == {
        "Nà Mòn": ("rejected", None, None), "Bản Cọ": ("ok", 2, 1), "Đồng Kè": ("ok", 1, 1),
    }  # fmt: skip
    assert (totals["poor"], totals["near_poor"]) == (3, 2)
    assert said == [("DS_NaMon_T5.xlsx", "Nà Mòn", "title", "B3", "Đồng Kè", "")]


def test_the_other_side_of_a_swap_refused_for_its_title_is_refused(tmp_path):
    """Nà Mòn's head reused Đồng Kè's file as 'DS1.xlsx' (NM1-NM5), its 'Xóm' left 'Đồng Kè'
    but its title made 'DANH SÁCH HỘ NGHÈO XÓM NÀ MÒN THÁNG 5/2024': refused for the title and
    the cell disagreeing (hamlet-conflict, as Nà Mòn's). Đồng Kè's head reused Nà Mòn's file as
    'DS2.xlsx' ('Xóm' Nà Mòn, DK1, DK2). Before: DS2 was counted as Nà Mòn's (1 poor, 1
    near-poor, Đồng Kè's households), Đồng Kè said missing. Now DS2 is refused as swapped with
    DS1: both hamlets refused, Bản Cọ alone counted (2, 1)."""
    _commune(tmp_path)
    path = write_roster(tmp_path, "DS1.xlsx", "Đồng Kè", 150, _rows(_NM))
    book = openpyxl.load_workbook(path)
    book["Danh sách"]["A1"] = "DANH SÁCH HỘ NGHÈO XÓM NÀ MÒN THÁNG 5/2024"
    book.save(path)
    write_roster(tmp_path, "DS2.xlsx", "Nà Mòn", 100, _rows(_DK))
    said = _both_refused(tmp_path)
    assert said == [("DS2.xlsx", "Đồng Kè", "swapped-title", "B3", "Nà Mòn", "DS1.xlsx")]


def test_a_pair_told_by_their_titles_words_names_the_cell_holding_the_hamlet(tmp_path):
    """No 'Thông tin', titles without the word 'Xóm': A1 'DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO THÁNG
    5/2024', A2 'Xã Trung Lương', A3 the hamlet: 'ĐỒNG KÈ' over Nà Mòn's NM1-NM5 in 'DS1.xlsx',
    'NÀ MÒN' over Đồng Kè's DK1, DK2 in 'DS2.xlsx'. Both refused as swapped by their titles (as
    before); before, the refusal named no cell (the title's hamlet after 'Xóm' alone had one),
    now A3, the cell to correct."""
    _commune(tmp_path)
    for name, hamlet, rows, title in (("DS1.xlsx", "Đồng Kè", _NM, "ĐỒNG KÈ"),
                                      ("DS2.xlsx", "Nà Mòn", _DK, "NÀ MÒN")):  # fmt: skip
        path = write_roster(tmp_path, name, hamlet, 100, _rows(rows))
        book = openpyxl.load_workbook(path)
        del book["Thông tin"]
        book["Danh sách"]["A1"] = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO THÁNG 5/2024"
        book["Danh sách"]["A3"] = title
        book.save(path)
    by, said, _ = _run(tmp_path)
    assert (by["Nà Mòn"][0], by["Đồng Kè"][0]) == ("rejected", "rejected")
    assert said == [
        ("DS1.xlsx", "Nà Mòn", "swapped-title-only", "A3", "Đồng Kè", "DS2.xlsx"),
        ("DS2.xlsx", "Đồng Kè", "swapped-title-only", "A3", "Nà Mòn", "DS1.xlsx"),
    ]
