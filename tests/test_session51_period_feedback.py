"""A list of this month whose 'Kỳ báo cáo' was left at last month has its rows checked in the
same feedback (session 51, docs/decisions.md).

Bản Cọ's head reused May's file for June and changed its rows, but not its 'Kỳ báo cáo'. The
June run told him only about that cell; the rows' own errors came one round trip later. The
list stays out of June's figures until the cell is corrected, as before."""

from __future__ import annotations

import json
import shutil
from datetime import date

import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.run import execute
from tests.commune import person, submission_row, write_plan, write_roster

JUNE = "2024-06"
SIZE = (
    "'Số nhân khẩu' là '0', không phải số nguyên từ 1 đến 30. Hãy ghi số người trong hộ (ví dụ 4)."
)
# BC3's row (B7): the start list holds 'Hoàng Văn BC3' (1970) of Bản Cọ under BC3
CODE_HEAD = (
    "Thiếu 'Mã hộ'. Danh sách hộ nghèo, hộ cận nghèo đầu năm của xã ghi hộ 'Hoàng Văn BC3' "
    "(năm sinh 1970) của xóm với mã 'BC3': nếu đúng là hộ này, hãy ghi 'BC3' vào ô này; nếu "
    "không, hãy ghi mã hộ như trong sổ quản lý hộ nghèo của xã."
)
CODE = CODE_HEAD  # the officer's 'Lỗi dữ liệu' says the start list's code too
ERRORS = (
    "Danh sách còn 2 lỗi (ô tô đỏ); hãy sửa cả các lỗi đó trước khi gửi lại, vì chưa sửa thì hộ "
    "có lỗi (hoặc cả danh sách) vẫn chưa được tính."
)


def _may(tmp_path, banco_rows=None):
    """May run: Nà Mòn NM1, NM2 poor (100 households); Bản Cọ BC1, BC2 poor (200)."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 100,
                 [person("NM1", "poor"), person("NM2", "poor")])  # fmt: skip
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200,
                 banco_rows or [person("BC1", "poor"), person("BC2", "poor")])  # fmt: skip
    execute(folder, out, "2024-05")
    write_roster(folder, "DS_NaMon_2024-06.xlsx", "Nà Mòn", 100,
                 [person("NM1", "poor"), person("NM2", "poor")], period=JUNE,
                 prepared=date(2024, 7, 1))  # fmt: skip
    return folder, out


def _june_rows() -> list[dict]:
    """Bản Cọ's June rows: BC1 poor (row 5), BC2 poor with 'Số nhân khẩu' 0 (H6), BC3
    near-poor back on the list with its Mã hộ left blank (B7)."""
    return [
        person("BC1", "poor"),
        person("BC2", "poor", nhan_khau=0),
        dict(person("BC3", "near_poor"), ma_ho=None),
    ]


def _guide(out) -> tuple[str, list[tuple]]:
    """Bản Cọ's June feedback: its status, and its table's (Ô, Giá trị đã ghi, Mức độ, Cần
    sửa)."""
    ws = openpyxl.load_workbook(out / JUNE / "PhanHoi" / f"Bản Cọ_{JUNE}.xlsx")["Hướng dẫn sửa"]
    rows = list(ws.iter_rows(values_only=True))
    status = next(v for r in rows if r[0] == "Tình trạng:" for v in r[1:] if v)
    return status, [(r[2], r[5], r[6], r[7]) for r in rows if isinstance(r[0], int)]


def _officer(out, file: str) -> list[tuple]:
    """'Lỗi dữ liệu' lines of ``file``: (Ô, Mức độ, Mã lỗi, Nội dung)."""
    ws = openpyxl.load_workbook(out / JUNE / f"TongHop_{JUNE}.xlsx")["Lỗi dữ liệu"]
    return [(r[4], r[8], r[9], r[10]) for r in ws.iter_rows(values_only=True) if r[2] == file]


@pytest.mark.parametrize(
    ("where", "name", "period_said"),
    [
        (
            "file-name",
            "DS_BanCo_2024-06.xlsx",
            "Tên tệp ghi kỳ 06/2024 nhưng ô 'Kỳ báo cáo' ghi 05/2024, nên tệp được coi là của "
            "kỳ 05/2024 và không được tính vào kỳ 06/2024. Nếu đây là danh sách kỳ 06/2024, hãy "
            "sửa ô 'Kỳ báo cáo' rồi gửi lại.",
        ),
        ("folder", "T6/BanCo.xlsx", None),
    ],
)
def test_a_june_list_left_at_may_has_its_rows_told_with_the_cell(
    tmp_path, where, name, period_said
):
    """June's list named (or sorted into the folder) for June, 'Kỳ báo cáo' 05/2024: the head's
    one feedback says the cell (B4, a warning) and the rows' two errors (H6, B7), and the
    status says both are to be fixed; 'Lỗi dữ liệu' lists the same three lines, the JSON's
    error count is those 2. Bản Cọ stays 'missing' and June's figures are Nà Mòn's alone:
    2 poor of 100 households, 0 near-poor (rows left out: 0, the list being no counted one)."""
    folder, out = _may(tmp_path)
    (folder / name).parent.mkdir(exist_ok=True)
    write_roster(folder / name.rsplit("/", 1)[0] if "/" in name else folder,
                 name.rsplit("/", 1)[-1], "Bản Cọ", 200, _june_rows(),
                 prepared=date(2024, 7, 2))  # fmt: skip
    result, written, _ = execute(folder, out, None)
    assert result.period == JUNE
    status, table = _guide(out)
    month = {"file-name": "tên tệp ghi kỳ 06/2024",
             "folder": "tệp được gửi cho kỳ 06/2024 (xã xếp vào thư mục kỳ 06/2024)"}[where]  # fmt: skip
    assert status == (
        f"Danh sách chưa được tính vào kỳ 06/2024: {month} nhưng ô 'Kỳ báo cáo' ghi 05/2024. Nếu "
        "đây là danh sách kỳ 06/2024, hãy sửa ô đó (ô tô vàng) rồi gửi lại. " + ERRORS
    )
    assert [row[:3] for row in table] == [
        ("H6", "0", "Lỗi"),
        ("B7", None, "Lỗi"),
        ("B4", "05/2024", "Cảnh báo"),
    ]
    assert [row[3] for row in table[:2]] == [SIZE, CODE_HEAD]
    if period_said:
        assert table[2][3] == period_said
    lines = _officer(out, name)
    assert [line[:3] for line in lines] == [
        ("H6", "Lỗi", "invalid-household-size"),
        ("B7", "Lỗi", "missing-household-id"),
        ("B4", "Cảnh báo", f"period-differs-from-{where}"),
    ]
    assert [line[3] for line in lines[:2]] == [SIZE, CODE]
    summary = json.loads(written["json"].read_text(encoding="utf-8"))
    by = {h["hamlet"]: h for h in summary["hamlets"]}
    assert (by["Bản Cọ"]["status"], by["Bản Cọ"]["poor"]) == ("missing", None)
    totals = summary["totals"]
    assert (totals["households"], totals["poor"], totals["near_poor"]) == (100, 2, 0)
    assert summary["complete"] is False
    assert (summary["issues"]["errors"], summary["issues"]["rows_left_out"]) == (2, 0)
    assert submission_row(written["workbook"], "Bản Cọ") == (
        "Chưa nộp kỳ này: tệp gửi ghi kỳ 05/2024 ở ô 'Kỳ báo cáo' (xem trang 'Lỗi dữ liệu')",
        name,
    )
    # `check` of the file says the same rows (it always checked them)
    checked = [(i.cell, i.code) for i in check_files([folder / name]) if i.severity == "error"]
    assert checked == [("H6", "invalid-household-size"), ("B7", "missing-household-id")]


def test_last_months_very_file_sent_again_and_an_old_file_left_are_not_checked_row_by_row(
    tmp_path,
):
    """May's list had BC2's size 0 (May's feedback said it). Its very bytes sent again as June's
    ('DS_BanCo_2024-06.xlsx'): the head is told to send June's list, not to fix May's rows: one
    line, the same-file warning. Then, Bản Cọ's real June list sent beside it and the copy
    gone, May's file left in the folder says nothing and gets no feedback."""
    may_rows = [person("BC1", "poor"), person("BC2", "poor", nhan_khau=0)]
    folder, out = _may(tmp_path, may_rows)
    shutil.copyfile(folder / "DS_BanCo_2024-05.xlsx", folder / "DS_BanCo_2024-06.xlsx")
    result, _, _ = execute(folder, out, None)
    said = [(i.cell, i.code, i.variant) for i in result.issues if "BanCo" in i.file]
    assert said == [("B4", "period-differs-from-file-name", "same-file")]
    status, table = _guide(out)
    assert status == (
        "Danh sách chưa được tính vào kỳ 06/2024: tệp này giống hệt danh sách kỳ 05/2024 xóm đã "
        "gửi, có lẽ gửi nhầm tệp kỳ 05/2024. Hãy gửi danh sách kỳ 06/2024."
    )
    assert [row[0] for row in table] == ["B4"]
    (folder / "DS_BanCo_2024-06.xlsx").unlink()
    write_roster(folder, "BanCo_T6.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor")], period=JUNE)  # fmt: skip
    result, _, _ = execute(folder, out, None)
    assert [i for i in result.issues if "BanCo" in i.file] == []
    assert not list((out / JUNE / "PhanHoi").glob("Bản Cọ*"))
