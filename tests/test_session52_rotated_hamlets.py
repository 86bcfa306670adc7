"""Hamlets' lists swapped or rotated (session 52): three hamlets' 'Xóm' cells rotated (Nà Mòn's
list naming Bản Cọ, Bản Cọ's naming Đồng Kè, Đồng Kè's naming Nà Mòn), and two lists without a
'Xóm' cell swapped by their titles or file names, were each counted as another hamlet's, every
household said moved. Now all are refused as session 51 refuses a pair of swapped 'Xóm' cells,
each naming the hamlet whose codes it holds and the list naming that hamlet.

The small commune (tests.commune), its plan's start list: Nà Mòn NM1-NM3 poor, NM4-NM5
near-poor (100 households); Bản Cọ BC1, BC2 poor, BC3 near-poor (200); Đồng Kè DK1 poor, DK2
near-poor (150). May is the first month run, each list as at the start unless said."""

from __future__ import annotations

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.run import collect, execute
from pipeline.template import write_plan_workbook
from tests.april_may import may_report
from tests.commune import PLAN_INFO, person, plan_hamlets, start_list, write_plan, write_roster

_NM = [person(f"NM{i}", "poor") for i in (1, 2, 3)] + [
    person("NM4", "near_poor"),
    person("NM5", "near_poor"),
]
_BC = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
_DK = [person("DK1", "poor"), person("DK2", "near_poor")]
_KH = [person("KH1", "poor"), person("KH2", "near_poor")]


def _hamlets(folder) -> tuple[dict, list, dict]:
    """May's run of ``folder``: ({hamlet: its summary}, the hamlet-codes-of-file-name issues,
    the summary)."""
    result, _ = collect(folder, None)
    by = {h["hamlet"]: h for h in result.summary["hamlets"]}
    said = [i for i in result.issues if i.code == "hamlet-codes-of-file-name"]
    return by, said, result.summary


def _told(said: list) -> list[tuple]:
    """The refusals ``said`` as (file, hamlet, variant, sheet, cell, value, instead), sorted."""
    return sorted((i.file, i.hamlet, i.variant, i.sheet, i.cell, i.value, i.instead) for i in said)


def _pair_refused(folder) -> list:
    """May's run of ``folder`` (the plan, Bản Cọ's own list and a pair of lists of Nà Mòn's and
    Đồng Kè's codes): Nà Mòn and Đồng Kè refused, Bản Cọ alone counted (200 households, 2 poor,
    1 near-poor), asserted; returns the hamlet-codes-of-file-name issues."""
    by, said, summary = _hamlets(folder)
    assert (by["Nà Mòn"]["status"], by["Đồng Kè"]["status"], by["Bản Cọ"]["status"]) == (
        "rejected",
        "rejected",
        "ok",
    )
    totals = summary["totals"]
    assert (totals["households"], totals["poor"], totals["near_poor"]) == (200, 2, 1)
    return said


def _no_cell(path, title: str) -> None:
    """The list without its 'Thông tin' sheet (no 'Xóm' cell), its title ``title``."""
    book = openpyxl.load_workbook(path)
    del book["Thông tin"]
    book["Danh sách"]["A1"] = title
    book.save(path)


def _plan_of_four(folder) -> None:
    """The commune's plan with a fourth hamlet, Khuổi Hẻo: 80 households, KH1 poor, KH2
    near-poor at the start."""
    hamlets = plan_hamlets() + [
        {"hamlet": "Khuổi Hẻo", "start_households": 80, "start_poor": 1, "start_near_poor": 1,
         "poor_target": 1, "near_poor_target": 1}
    ]  # fmt: skip
    start = start_list() + [
        dict(person("KH1", "poor"), hamlet="Khuổi Hẻo", stt=11),
        dict(person("KH2", "near_poor"), hamlet="Khuổi Hẻo", stt=12),
    ]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start)
    write_roster(folder, "KhuoiHeo.xlsx", "Khuổi Hẻo", 80, _KH)


def _rotated(folder) -> None:
    """The plan of four (:func:`_plan_of_four`), Khuổi Hẻo's own list; each other head reused
    the next hamlet's file: 'DS1.xlsx' 'Xóm' Bản Cọ (200 households) with Nà Mòn's NM1-NM5,
    'DS2.xlsx' Đồng Kè (150) with Bản Cọ's BC1-BC3, 'DS3.xlsx' Nà Mòn (100) with Đồng Kè's DK1,
    DK2; the titles naming the 'Xóm' cells."""
    _plan_of_four(folder)
    write_roster(folder, "DS1.xlsx", "Bản Cọ", 200, _NM)
    write_roster(folder, "DS2.xlsx", "Đồng Kè", 150, _BC)
    write_roster(folder, "DS3.xlsx", "Nà Mòn", 100, _DK)


def _named_by_files(folder) -> None:
    """The plan, Bản Cọ's own list; no 'Thông tin', titles naming no hamlet: 'DS_NaMon_T5.xlsx'
    holds Đồng Kè's DK1, DK2 and 'DS_DongKe_T5.xlsx' Nà Mòn's NM1-NM5."""
    write_plan(folder)
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, _BC)
    title = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO THÁNG 5/2024"
    _no_cell(write_roster(folder, "DS_NaMon_T5.xlsx", "Nà Mòn", 100, _DK), title)
    _no_cell(write_roster(folder, "DS_DongKe_T5.xlsx", "Đồng Kè", 150, _NM), title)


def _rotated_said(value: str, hamlet: str, other: str) -> str:
    """The 'rotated-title' refusal by hand."""
    return (
        f"Ô 'Xóm' và tiêu đề danh sách ghi '{value}' nhưng các mã hộ trong danh sách là của xóm "
        f"{hamlet} (theo danh sách đầu năm), còn tệp '{other}' ghi xóm {hamlet} nhưng các mã hộ "
        "trong đó là của một xóm khác (xem lỗi của tệp đó): có thể các xóm đã dùng nhầm tệp của "
        "nhau (ô 'Xóm' bị đổi vòng giữa ba xóm trở lên), nên các tệp đó đều chưa được tính. Nếu "
        f"đây là danh sách của xóm {hamlet}, hãy sửa ô 'Xóm' và tiêu đề thành '{hamlet}', kiểm "
        f"tra cả các ô khác chép từ tệp của xóm '{value}' (nhất là 'Tổng số hộ dân cư') rồi gửi "
        "lại."
    )


def test_three_hamlets_rotated_are_all_refused(tmp_path):
    """Before: Bản Cọ counted NM1-NM5 (3 poor, 2 near-poor), Đồng Kè BC1-BC3 (2, 1), Nà Mòn
    DK1, DK2 (1, 1), Khuổi Hẻo its own (1, 1): the commune 7 poor, 5 near-poor, complete. Now
    the three lists are refused, each naming the hamlet whose codes it holds (DS1 Nà Mòn's, DS2
    Bản Cọ's, DS3 Đồng Kè's) and the list naming that hamlet (DS1 -> DS3 naming Nà Mòn, DS2 ->
    DS1, DS3 -> DS2): Khuổi Hẻo alone counted, the commune 80 households, 1 poor, 1 near-poor,
    not complete."""
    _rotated(tmp_path)
    by, said, summary = _hamlets(tmp_path)
    assert {h: by[h]["status"] for h in by} == {
        "Nà Mòn": "rejected", "Bản Cọ": "rejected", "Đồng Kè": "rejected", "Khuổi Hẻo": "ok",
    }  # fmt: skip
    totals = summary["totals"]
    assert (totals["households"], totals["poor"], totals["near_poor"]) == (80, 1, 1)
    assert summary["complete"] is False
    assert _told(said) == [
        ("DS1.xlsx", "Nà Mòn", "rotated-title", "Thông tin", "B3", "Bản Cọ", "DS3.xlsx"),
        ("DS2.xlsx", "Bản Cọ", "rotated-title", "Thông tin", "B3", "Đồng Kè", "DS1.xlsx"),
        ("DS3.xlsx", "Đồng Kè", "rotated-title", "Thông tin", "B3", "Nà Mòn", "DS2.xlsx"),
    ]
    assert sorted(i.message() for i in said) == sorted(
        [
            _rotated_said("Bản Cọ", "Nà Mòn", "DS3.xlsx"),
            _rotated_said("Đồng Kè", "Bản Cọ", "DS1.xlsx"),
            _rotated_said("Nà Mòn", "Đồng Kè", "DS2.xlsx"),
        ]
    )


def test_a_chain_that_does_not_close_is_no_ring(tmp_path):
    """Guard: DS1 ('Xóm' Bản Cọ, Nà Mòn's NM1-NM5) and DS2 (Đồng Kè, Bản Cọ's BC1-BC3) as in
    the ring, but no list names Nà Mòn (it sent nothing): nothing leads back to Bản Cọ, so
    neither is refused, as before. Bản Cọ counts NM1-NM5 (3 poor, 2 near-poor), Đồng Kè BC1-BC3
    (2, 1), Khuổi Hẻo its own (1, 1); Nà Mòn missing: the commune 6 poor, 4 near-poor, not
    complete."""
    _plan_of_four(tmp_path)
    write_roster(tmp_path, "DS1.xlsx", "Bản Cọ", 200, _NM)
    write_roster(tmp_path, "DS2.xlsx", "Đồng Kè", 150, _BC)
    by, said, summary = _hamlets(tmp_path)
    assert said == []
    got = {h: (by[h]["status"], by[h]["poor"], by[h]["near_poor"]) for h in by}
    assert got == {
        "Nà Mòn": ("missing", None, None), "Bản Cọ": ("ok", 3, 2), "Đồng Kè": ("ok", 2, 1),
        "Khuổi Hẻo": ("ok", 1, 1),
    }  # fmt: skip
    totals = summary["totals"]
    assert (totals["poor"], totals["near_poor"], summary["complete"]) == (6, 4, False)


def test_a_pair_without_xom_cells_swapped_by_titles_is_refused(tmp_path):
    """No 'Thông tin': 'DS1.xlsx' titled 'XÓM ĐỒNG KÈ' holds Nà Mòn's NM1-NM5, 'DS2.xlsx'
    titled 'XÓM NÀ MÒN' Đồng Kè's DK1, DK2; Bản Cọ's own list. Before: both counted, each as
    the other's (the commune 6 poor, 4 near-poor, complete). Now both refused at the title's
    cell A1, each naming the other; Bản Cọ alone counted: 2 poor, 1 near-poor, 200
    households."""
    write_plan(tmp_path)
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, _BC)
    _no_cell(write_roster(tmp_path, "DS1.xlsx", "Đồng Kè", 150, _NM), "DANH SÁCH XÓM ĐỒNG KÈ "
             "THÁNG 5/2024")  # fmt: skip
    _no_cell(write_roster(tmp_path, "DS2.xlsx", "Nà Mòn", 100, _DK), "DANH SÁCH XÓM NÀ MÒN "
             "THÁNG 5/2024")  # fmt: skip
    said = _pair_refused(tmp_path)
    assert _told(said) == [
        ("DS1.xlsx", "Nà Mòn", "swapped-title-only", "Danh sách", "A1", "Đồng Kè", "DS2.xlsx"),
        ("DS2.xlsx", "Đồng Kè", "swapped-title-only", "Danh sách", "A1", "Nà Mòn", "DS1.xlsx"),
    ]
    ds1 = next(i for i in said if i.file == "DS1.xlsx")
    assert ds1.message() == (
        "Tiêu đề danh sách ghi xóm Đồng Kè nhưng các mã hộ trong danh sách là của xóm Nà Mòn "
        "(theo danh sách đầu năm), còn tệp 'DS2.xlsx' ghi xóm Nà Mòn nhưng các mã hộ trong đó là "
        "của xóm Đồng Kè: có thể hai xóm đã dùng nhầm tệp của nhau (tên xóm bị đổi cho nhau), nên "
        "cả hai tệp chưa được tính. Nếu đây là danh sách của xóm Nà Mòn, hãy sửa tiêu đề thành "
        "xóm Nà Mòn (tốt nhất là dùng mẫu có trang 'Thông tin', ô 'Xóm' ghi 'Nà Mòn') rồi gửi "
        "lại."
    )


def test_a_pair_told_by_file_names_saved_under_each_others_name_is_refused(tmp_path):
    """No 'Thông tin', titles naming no hamlet: 'DS_NaMon_T5.xlsx' holds Đồng Kè's DK1, DK2 and
    'DS_DongKe_T5.xlsx' Nà Mòn's NM1-NM5 (each head saved the neighbour's file under his own
    hamlet's name). Before: Nà Mòn counted DK1, DK2 (poor 1, near-poor 1), Đồng Kè NM1-NM5 (3,
    2). Now both refused (no sheet, no cell: the file name), Bản Cọ alone counted."""
    _named_by_files(tmp_path)
    said = _pair_refused(tmp_path)
    assert _told(said) == [
        ("DS_DongKe_T5.xlsx", "Nà Mòn", "swapped-file-name", "", "", "Đồng Kè", "DS_NaMon_T5.xlsx"),
        ("DS_NaMon_T5.xlsx", "Đồng Kè", "swapped-file-name", "", "", "Nà Mòn", "DS_DongKe_T5.xlsx"),
    ]
    nm = next(i for i in said if i.file == "DS_NaMon_T5.xlsx")
    assert nm.message() == (
        "Tên tệp ghi xóm Nà Mòn (danh sách không ghi ô 'Xóm') nhưng các mã hộ trong danh sách là "
        "của xóm Đồng Kè (theo danh sách đầu năm), còn tệp 'DS_DongKe_T5.xlsx' ghi xóm Đồng Kè "
        "nhưng các mã hộ trong đó là của xóm Nà Mòn: có thể hai xóm đã dùng nhầm tệp của nhau "
        "(tên xóm bị đổi cho nhau), nên cả hai tệp chưa được tính. Nếu đây là danh sách của xóm "
        "Đồng Kè, hãy ghi 'Đồng Kè' vào ô 'Xóm' (trang 'Thông tin' của mẫu) và đổi tên tệp cho "
        "đúng xóm Đồng Kè, kiểm tra cả các ô khác chép từ tệp của xóm Nà Mòn (nhất là 'Tổng số "
        "hộ dân cư') rồi gửi lại."
    )


def test_lists_sharing_a_few_codes_are_no_ring(tmp_path):
    """Guard: households moved round the three hamlets, each list holding its own too: Nà Mòn
    NM1-NM3 poor and DK1 poor (from Đồng Kè); Đồng Kè DK2 near-poor and BC3 near-poor (from Bản
    Cọ); Bản Cọ BC1, BC2 poor and NM4, NM5 near-poor (from Nà Mòn). None refused: Nà Mòn 4
    poor, 0 near-poor; Bản Cọ 2, 2; Đồng Kè 0, 2; the commune 6, 4, complete."""
    write_plan(tmp_path)
    write_roster(tmp_path, "DS1.xlsx", "Nà Mòn", 100, _NM[:3] + [person("DK1", "poor")])
    write_roster(tmp_path, "DS2.xlsx", "Đồng Kè", 150,
                 [person("DK2", "near_poor"), person("BC3", "near_poor")])  # fmt: skip
    write_roster(tmp_path, "DS3.xlsx", "Bản Cọ", 200, _BC[:2] + _NM[3:])
    by, said, summary = _hamlets(tmp_path)
    assert said == []
    got = {h: (by[h]["status"], by[h]["poor"], by[h]["near_poor"]) for h in by}
    assert got == {"Nà Mòn": ("ok", 4, 0), "Bản Cọ": ("ok", 2, 2), "Đồng Kè": ("ok", 0, 2)}
    totals = summary["totals"]
    assert (totals["poor"], totals["near_poor"], summary["complete"]) == (6, 4, True)


def test_submission_sheet_says_each_refused_hamlet_where_its_name_is_written(tmp_path):
    """'Nộp báo cáo' of a run with the two pairs' kinds at once: Nà Mòn's and Đồng Kè's lists
    told by file names swapped (as above), Bản Cọ's own. Each swapped hamlet 'Bị từ chối',
    saying its list's file name named the other (before: both counted, 'Hợp lệ')."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    _named_by_files(folder)
    execute(folder, out, "2024-05")
    hamlets = may_report(out)[0]
    assert hamlets["Nà Mòn"] == (
        "Bị từ chối: tên tệp ghi xóm Đồng Kè nhưng các mã hộ là của xóm Nà Mòn (tệp chép từ xóm "
        "khác?)"
    )
    assert hamlets["Đồng Kè"] == (
        "Bị từ chối: tên tệp ghi xóm Nà Mòn nhưng các mã hộ là của xóm Đồng Kè (tệp chép từ xóm "
        "khác?)"
    )


def test_check_says_the_rotated_lists_as_the_run(tmp_path):
    """`giamngheo check` of the ring's files with the plan: the three refusals of the run."""
    _rotated(tmp_path)
    issues = check_files(sorted(tmp_path.glob("*.xlsx")))
    said = sorted((i.file, i.cell, i.message()) for i in issues
                  if i.code == "hamlet-codes-of-file-name")  # fmt: skip
    assert said == [
        ("DS1.xlsx", "B3", _rotated_said("Bản Cọ", "Nà Mòn", "DS3.xlsx")),
        ("DS2.xlsx", "B3", _rotated_said("Đồng Kè", "Bản Cọ", "DS1.xlsx")),
        ("DS3.xlsx", "B3", _rotated_said("Nà Mòn", "Đồng Kè", "DS2.xlsx")),
    ]
