"""Session 41: the same file received twice ('DS_NaMon_2024-05 (1).xlsx', a second download of
one Zalo attachment) is no "newer copy".

Fixture: the plan; Nà Mòn's May list (NM1 poor, NM2 poor with household size 0: an error, so
the hamlet's counted list has something to fix and its head gets feedback) saved as
'NaMon.xlsx'; the same bytes as 'NaMon (1).xlsx', its file time a minute later (the same
bytes: the name without the copy mark counts whatever the file times, session 52; a corrected
copy counts by CONTRACT §1, the later file time). Bản Cọ's list (BC1 poor).
"""

from __future__ import annotations

import os
import shutil

from pipeline.checkfiles import check_files
from pipeline.report.feedback_files import feedback_targets
from pipeline.run import execute
from tests.commune import person, submission_row, write_plan, write_roster

SAME = (
    "Tệp này giống hệt tệp 'NaMon.xlsx' (cùng nội dung: có thể đã được gửi hoặc tải về "
    "hai lần), nên chỉ dùng tệp đó; không cần làm gì với tệp này."
)


def _commune(tmp_path, same: bool = True):
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    first = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102,
                         [person("NM1", "poor"), person("NM2", "poor", nhan_khau=0)])  # fmt: skip
    copy = folder / "NaMon (1).xlsx"
    if same:
        shutil.copyfile(first, copy)
    else:  # control: a corrected copy (NM2's size written)
        write_roster(folder, copy.name, "Nà Mòn", 102,
                     [person("NM1", "poor"), person("NM2", "poor")])  # fmt: skip
    when = first.stat().st_mtime
    os.utime(copy, (when + 60, when + 60))
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    return folder


def test_the_same_file_twice_is_said_as_such_in_the_run_and_by_check(tmp_path):
    """The run: NaMon (1).xlsx set aside with the same-file words (before: "Xóm đã gửi bản mới hơn
    cho cùng kỳ (NaMon.xlsx); bản này không được tính."), 'Nộp báo cáo' says 'Bản trùng'
    (before: 'Bản cũ, đã có bản mới hơn'). `check` of the folder says the same."""
    folder = _commune(tmp_path)
    result, written, _ = execute(folder, tmp_path / "out", "2024-05")
    [said] = [i for i in result.issues if i.code == "superseded"]
    assert (said.file, said.variant, said.severity) == ("NaMon (1).xlsx", "same-file", "warning")
    assert said.message("vi") == SAME
    assert said.message("en") == (
        "This file is the same as 'NaMon.xlsx' (the same content: it may have been sent or "
        "downloaded twice), so only that file is used; nothing is to be done with this one."
    )
    status = submission_row(written["workbook"], "Nà Mòn")
    assert status == ("Đã tổng hợp, có dòng bị loại (xem trang 'Lỗi dữ liệu')", "NaMon.xlsx")
    rows = [r for r in _other_files(written["workbook"]) if r[3] == "NaMon (1).xlsx"]
    assert [r[2] for r in rows] == ["Bản trùng, giống hệt tệp NaMon.xlsx"]
    [checked] = [i for i in check_files([folder]) if i.code == "superseded"]
    assert (checked.file, checked.message("vi")) == ("NaMon (1).xlsx", SAME)


def test_the_same_file_twice_sends_the_head_one_feedback(tmp_path):
    """The head gets the feedback of the list counted (NM2's size), not a second one telling
    him he sent a newer copy and to correct 'Ngày lập' (before: 'Nà Mòn_2024-05_1.xlsx' and
    '_2.xlsx')."""
    folder = _commune(tmp_path)
    result, _, _ = execute(folder, tmp_path / "out", "2024-05")
    targets = feedback_targets(result)
    assert [(sub.file, name) for sub, _, name in targets if sub.hamlet == "Nà Mòn"] == [
        ("NaMon.xlsx", "Nà Mòn_2024-05.xlsx")
    ]


def test_a_corrected_copy_is_still_the_newer_copy(tmp_path):
    """Control: a copy that differs (NM2's size written) keeps the words of a newer copy and
    the label 'Bản cũ, đã có bản mới hơn'."""
    folder = _commune(tmp_path, same=False)
    result, written, _ = execute(folder, tmp_path / "out", "2024-05")
    [said] = [i for i in result.issues if i.code == "superseded"]
    assert said.variant == ""
    assert said.message("vi") == (
        "Xóm đã gửi bản mới hơn cho cùng kỳ (NaMon (1).xlsx); bản này không được tính."
    )
    rows = [r for r in _other_files(written["workbook"]) if r[3] == "NaMon.xlsx"]
    assert [r[2] for r in rows] == ["Bản cũ, đã có bản mới hơn"]


def _other_files(workbook) -> list[tuple]:
    import openpyxl

    sheet = openpyxl.load_workbook(workbook)["Nộp báo cáo"]
    return [row for row in sheet.iter_rows(values_only=True) if row[0] and row[3]]
