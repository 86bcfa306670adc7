"""Feedback workbooks say what the hamlet's file holds, and say it plainly: the value written
(not the run's reading of it), why a superseded copy was not used, where a missing column goes,
a Mã hộ used twice in the same list, and one language throughout with --lang en."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from pipeline.publish import publish
from pipeline.report.feedback import GUIDE_SHEET, feedback_targets
from pipeline.run import collect
from tests.commune import person, write_plan, write_roster

RED = "FFFFC7CE"


def feedback(folder: Path, lang: str = "vi") -> dict[str, openpyxl.Workbook]:
    """Run the commune in ``folder`` (with Bản Cọ's clean list, so that the run has a list to
    count whatever becomes of Nà Mòn's); its feedback workbooks by file name."""
    if not (folder / "BanCo.xlsx").exists():
        write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    result, _ = collect(folder, None, lang=lang)
    written = publish(result, folder / "out")
    return {p.name: openpyxl.load_workbook(p) for p in written["feedback"]}


def guide_rows(wb: openpyxl.Workbook) -> list[dict]:
    """The issue table of the guide (its first sheet), one dict per issue, by column header."""
    rows = list(wb.worksheets[0].iter_rows(values_only=True))
    head = next(
        i for i, r in enumerate(rows) if r[:3] in (("STT", "Trang", "Ô"), ("No.", "Sheet", "Cell"))
    )
    names = rows[head]
    return [dict(zip(names, r, strict=True)) for r in rows[head + 1 :] if r[0] is not None]


def guide_texts(wb: openpyxl.Workbook) -> list[str]:
    """The texts of the block above the issue table."""
    ws = wb.worksheets[0]
    return [
        c for row in ws.iter_rows(max_row=9, values_only=True) for c in row if isinstance(c, str)
    ]


# --- A. 'Giá trị đã ghi' is what the cell holds -----------------------------------------------


def test_value_written_is_the_cell_as_the_file_holds_it(tmp_path):
    write_plan(tmp_path)
    # 'Tổng số hộ dân cư' left blank (the run uses the plan's 100); NM1 classified 'nghèo',
    # which the run reads as 'Hộ nghèo' and finds near-poor by the standard.
    write_roster(
        tmp_path, "NaMon.xlsx", "Nà Mòn", None, [person("NM1", "nghèo"), person("NM2", "poor")]
    )
    wb = feedback(tmp_path)["Nà Mòn_2024-05.xlsx"]
    rows = {(r["Trang"], r["Ô"]): r for r in guide_rows(wb)}

    total = rows["Thông tin", "B5"]
    assert "đang trống" in total["Cần sửa"]
    assert total["Giá trị đã ghi"] is None  # blank, not the plan's 100

    mismatch = rows["Danh sách", "I5"]
    assert mismatch["Giá trị đã ghi"] == "nghèo"
    assert "'nghèo'" in mismatch["Cần sửa"] and "Hộ nghèo" not in mismatch["Cần sửa"]
    copy = wb["Danh sách"]
    assert copy["I5"].value == "nghèo"
    assert "'nghèo'" in copy["I5"].comment.text and "Hộ nghèo" not in copy["I5"].comment.text


# --- B. a superseded copy says it was not used, and why -----------------------------------------


@pytest.mark.parametrize("newer_ok", [True, False])
def test_superseded_copy_says_it_was_not_used_and_names_the_newer_one(tmp_path, newer_ok):
    write_plan(tmp_path)
    write_roster(
        tmp_path, "NaMon_cu.xlsx", "Nà Mòn", 102, [person("NM1", "poor")], prepared=date(2024, 6, 1)
    )
    newer = write_roster(
        tmp_path,
        "NaMon_moi.xlsx",
        "Nà Mòn",
        102,
        [person("NM1", "poor"), person("NM2", "near_poor")],
        prepared=date(2024, 6, 3),
    )
    if not newer_ok:  # the newer copy refused: its 'Số nhân khẩu' column deleted
        book = openpyxl.load_workbook(newer)
        book["Danh sách"].delete_cols(8)
        book.save(newer)
    books = feedback(tmp_path)
    old = next(wb for wb in books.values() if "NaMon_cu.xlsx" in guide_texts(wb))
    texts = guide_texts(old)
    status = texts[texts.index("Tình trạng:") + 1]
    assert status.startswith("Bản này không được dùng vì xóm đã gửi bản mới hơn (NaMon_moi.xlsx)")
    if newer_ok:
        assert "xã đã tổng hợp bản mới hơn đó" in status
    else:
        assert "Bản mới hơn đó cũng chưa được tổng hợp" in status
    # no counts of red and yellow cells: nothing of this copy counts, no cell is coloured
    assert "Số lỗi:" not in texts and "Số cảnh báo:" not in texts
    assert not any("hộ vẫn được tính" in t for t in texts)
    assert old.sheetnames == [GUIDE_SHEET]


# --- C. a missing column's note blames no column of the file ------------------------------------


def test_missing_column_is_noted_right_of_the_header_not_on_stt(tmp_path):
    write_plan(tmp_path)
    path = write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    book = openpyxl.load_workbook(path)
    book["Danh sách"].delete_cols(8)  # 'Số nhân khẩu'
    book.save(path)
    header = [c.value for c in book["Danh sách"][4]]
    free = openpyxl.utils.get_column_letter(
        max(i for i, v in enumerate(header, start=1) if v is not None) + 1
    )

    wb = feedback(tmp_path)["Nà Mòn_2024-05.xlsx"]
    copy = wb["Danh sách"]
    assert copy["A4"].value == "STT"
    assert copy["A4"].comment is None and copy["A4"].fill.fgColor.rgb != RED
    note = copy[f"{free}4"]
    assert note.value is None and note.fill.fgColor.rgb == RED
    assert "'Số nhân khẩu'" in note.comment.text
    [row] = [r for r in guide_rows(wb) if r["Cột"] == "Số nhân khẩu"]
    assert (row["Ô"], row["Dòng"], row["Giá trị đã ghi"]) == (f"{free}4", 4, None)
    assert wb.worksheets[0][f"C{guide_rows(wb).index(row) + 11}"].hyperlink is not None


# --- D. a Mã hộ used twice in the same list ---------------------------------------------------


def test_code_used_twice_in_the_same_list_points_at_its_row(tmp_path):
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [
        person("NM1", "poor"), person("NM1", "near_poor"),  # rows 5 and 6: the same code
        person("NM3", "poor"),                              # row 7: also used in Bản Cọ
        person("NM2", "poor"),  # row 8: counted (a list whose every row is left out is refused)
    ])  # fmt: skip
    write_roster(
        tmp_path, "BanCo.xlsx", "Bản Cọ", 200, [person("NM3", "poor"), person("BC1", "poor")]
    )
    books = feedback(tmp_path)
    rows = {r["Ô"]: r["Cần sửa"] for r in guide_rows(books["Nà Mòn_2024-05.xlsx"])}
    assert rows["B5"].startswith("Mã hộ 'NM1' bị trùng với dòng 6 của danh sách này.")
    assert rows["B6"].startswith("Mã hộ 'NM1' bị trùng với dòng 5 của danh sách này.")
    # the start list has NM3 in Nà Mòn alone, its head Bản Cọ's: moved there (session 50)
    assert rows["B7"].startswith(
        "Mã hộ 'NM3' bị trùng với xóm Bản Cọ, tệp BanCo.xlsx, dòng 5, cùng chủ hộ."
    )
    other = {r["Ô"]: r["Cần sửa"] for r in guide_rows(books["Bản Cọ_2024-05.xlsx"])}
    assert other["B5"].startswith(
        "Mã hộ 'NM3' bị trùng với xóm Nà Mòn, tệp NaMon.xlsx, dòng 7, cùng chủ hộ."
    )


# --- E. --lang en: the officer's outputs only --------------------------------------------------


def test_feedback_is_vietnamese_even_when_the_run_is_in_english(tmp_path):
    """The hamlet head reads the feedback (CONTRACT §5: in Vietnamese): `--lang en` changes the
    officer's workbook and screen, not the hamlet's feedback."""
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [
        person("NM1", "poor"), person("NM1", "near_poor"), person("NM3", "poor", nhan_khau="bốn"),
    ])  # fmt: skip
    wb = feedback(tmp_path, lang="en")["Nà Mòn_2024-05.xlsx"]
    assert wb.sheetnames == [GUIDE_SHEET, "Thông tin", "Danh sách"]  # the info sheet always copied
    rows = guide_rows(wb)
    assert list(rows[0])[:3] == ["STT", "Trang", "Ô"]
    texts = guide_texts(wb)
    how = texts[texts.index("Cách sửa:") + 1]
    assert "Bấm vào ô ở cột 'Ô'" in how and "Click" not in how
    messages = {r["Ô"]: r["Cần sửa"] for r in rows}
    assert messages["B5"].startswith("Mã hộ 'NM1' bị trùng với dòng 6 của danh sách này.")
    assert "Household" not in messages["B5"]


def test_an_older_copy_set_aside_for_a_clean_list_gets_no_feedback(tmp_path):
    """Nà Mòn sent 'NaMon_cu.xlsx' (NM2's size 'bốn'), then 'NaMon_moi.xlsx', corrected: the
    newer one counts and has nothing to fix, so the older copy set aside for it gets no
    feedback workbook (one named 'Nà Mòn_2024-05.xlsx' would read as more to fix)."""
    write_plan(tmp_path)
    rows = [person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "exited"),
            person("NM4", "near_poor"), person("NM5", "poor"), person("NM6", "poor")]  # fmt: skip
    bad = [dict(r) for r in rows]
    bad[1]["nhan_khau"] = "bốn"
    write_roster(tmp_path, "NaMon_cu.xlsx", "Nà Mòn", 102, bad, prepared=date(2024, 6, 1))
    write_roster(tmp_path, "NaMon_moi.xlsx", "Nà Mòn", 102, rows, prepared=date(2024, 6, 3))
    result, _ = collect(tmp_path, None)
    assert [(i.code, i.file) for i in result.issues if i.hamlet == "Nà Mòn"] == [
        ("superseded", "NaMon_cu.xlsx")
    ]
    assert feedback_targets(result) == []


def _older_and_refused_newer(folder):
    """Nà Mòn's 'NaMon_cu.xlsx' (Ngày lập 01/06, NM1 poor), then 'NaMon_moi.xlsx' (03/06, the
    same household) without its 'Số nhân khẩu' column, which a run refuses: (older, newer)."""
    older = write_roster(
        folder, "NaMon_cu.xlsx", "Nà Mòn", 102, [person("NM1", "poor")], prepared=date(2024, 6, 1)
    )
    newer = write_roster(
        folder, "NaMon_moi.xlsx", "Nà Mòn", 102, [person("NM1", "poor")], prepared=date(2024, 6, 3)
    )
    book = openpyxl.load_workbook(newer)
    book["Danh sách"].delete_cols(8)
    book.save(newer)
    return older, newer


def test_an_older_copy_set_aside_for_a_refused_newer_one_says_both_ways_out(tmp_path):
    """Nà Mòn sent 'NaMon_cu.xlsx' (Ngày lập 01/06), then 'NaMon_moi.xlsx' (03/06) without its
    'Số nhân khẩu' column: the newer copy wins and is refused (CONTRACT §1), so the hamlet counts
    neither. The officer is told, on screen and in 'Lỗi dữ liệu', that the older copy was set
    aside and how to use it (take the newer one out of the input folder); the head, in the older
    copy's feedback, to correct the newer one. Session 37."""
    from pipeline import cli

    write_plan(tmp_path)
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    _older_and_refused_newer(tmp_path)
    result, _ = collect(tmp_path, None)
    aside = next(i for i in result.issues if i.code == "superseded")
    assert (aside.file, aside.detail) == ("NaMon_cu.xlsx", "NaMon_moi.xlsx")
    assert aside.message("vi") == (
        "Xóm đã gửi bản mới hơn cho cùng kỳ (NaMon_moi.xlsx) nên bản này không được tính, nhưng "
        "bản mới hơn đó bị từ chối (xem lỗi của tệp đó) nên xóm chưa được tổng hợp. Hãy đề nghị "
        "xóm sửa bản mới hơn rồi gửi lại; nếu bản này mới là bản đúng, hãy chuyển tệp "
        "'NaMon_moi.xlsx' ra khỏi thư mục đầu vào rồi chạy lại để tổng hợp bản này."
    )
    assert aside.message("en") == (
        "The hamlet sent a newer file for the same period (NaMon_moi.xlsx), so this one is not "
        "counted; but that newer file was refused (see its errors), so the hamlet is not "
        "consolidated. Ask the hamlet to correct the newer file and send it again; if this file "
        "is the right one, move 'NaMon_moi.xlsx' out of the input folder and run again to "
        "consolidate this one."
    )
    assert cli._absent_lines(result, "vi") == [
        "  Chưa nộp: Đồng Kè",
        "  Bị từ chối: Nà Mòn (NaMon_moi.xlsx; bản cũ hơn NaMon_cu.xlsx để riêng, xem trang "
        "'Lỗi dữ liệu')",
        # why, under it: the line above leaves too little room (session 57)
        "    — thiếu cột 'Số nhân khẩu'",
    ]
    assert cli._absent_lines(result, "en")[1:] == [
        "  Rejected: Nà Mòn (NaMon_moi.xlsx; older copy NaMon_cu.xlsx set aside, see sheet "
        "'Lỗi dữ liệu')",
        "    — column 'Số nhân khẩu' is missing",
    ]
    books = {
        p.name: openpyxl.load_workbook(p) for p in publish(result, tmp_path / "out")["feedback"]
    }
    old = next(wb for wb in books.values() if "NaMon_cu.xlsx" in guide_texts(wb))
    assert [r["Cần sửa"] for r in guide_rows(old)] == [
        "Xóm đã gửi bản mới hơn cho cùng kỳ (NaMon_moi.xlsx) nên bản này không được tính; bản "
        "mới hơn đó có lỗi nên xóm chưa được tổng hợp. Hãy sửa bản mới hơn theo phản hồi của "
        "bản đó rồi gửi lại."
    ]


def test_a_month_whose_only_list_is_a_refused_newer_copy_names_the_older_one(tmp_path, monkeypatch):
    """Nà Mòn's two copies alone in the folder: nothing counts, the run stops (exit 2). Its one
    line named the refused newer copy only; the officer, who could run with the older one, is
    told it was set aside and how to use it. Session 38."""
    from pipeline.messages import in_language
    from pipeline.run import FatalError, execute

    write_plan(tmp_path)
    _older_and_refused_newer(tmp_path)
    # the check it names reads the default output/ of the folder the run is started in: one
    # with no history, not the repository's after `make` (tests/test_session46_check_named.py)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FatalError) as stop:
        execute(tmp_path, tmp_path / "out", None)
    assert in_language(stop.value.args[0], "vi") == (
        "Không có danh sách hộ nào của kỳ 05/2024 được chấp nhận; không có gì để tổng hợp. Danh "
        "sách bị từ chối: 'NaMon_moi.xlsx' (Nà Mòn): Thiếu cột bắt buộc 'Số nhân khẩu' trong "
        "trang 'Danh sách'. Hãy thêm cột 'Số nhân khẩu' vào dòng tiêu đề và ghi 'Số nhân khẩu' "
        "cho từng hộ (xem mẫu) — bản cũ hơn 'NaMon_cu.xlsx' được để riêng vì có bản này: nếu "
        "bản cũ mới đúng, hãy chuyển 'NaMon_moi.xlsx' ra khỏi thư mục đầu vào rồi chạy lại. Xem "
        "đủ các lỗi của từng tệp: giamngheo check input"
    )
    assert " — older copy 'NaMon_cu.xlsx' set aside for this one: if the older one is right, " \
        "move 'NaMon_moi.xlsx' out of the input folder and run again. " in in_language(
            stop.value.args[0], "en")  # fmt: skip
    assert not (tmp_path / "out").exists()


def test_check_and_the_submission_sheet_say_an_older_copy_set_aside_for_a_refused_newer_one(
    tmp_path,
):
    """The same two copies of Nà Mòn's list as above: `giamngheo check` on the files says the
    older one as the run's 'Lỗi dữ liệu' does (set aside for the newer one, which is refused,
    so the hamlet counts neither; the two ways out), and the run's 'Nộp báo cáo' lists it under
    'Các tệp khác' as set aside for NaMon_moi.xlsx, the hamlet not consolidated, not merely as
    an older copy. Session 37."""
    from pipeline.checkfiles import check_files

    sent = tmp_path / "sent"
    sent.mkdir()
    plan = write_plan(sent)
    older, newer = _older_and_refused_newer(sent)
    said = check_files([older, newer])
    [aside] = [i for i in said if i.code == "superseded"]
    assert (aside.file, aside.detail, aside.variant) == (
        "NaMon_cu.xlsx",
        "NaMon_moi.xlsx",
        "newer-refused",
    )
    assert aside.message("vi").startswith(
        "Xóm đã gửi bản mới hơn cho cùng kỳ (NaMon_moi.xlsx) nên bản này không được tính, nhưng "
        "bản mới hơn đó bị từ chối"
    )
    # with the plan given too, as in the run
    said = check_files([plan, older, newer])
    assert [i.variant for i in said if i.code == "superseded"] == ["newer-refused"]
    # a clean newer copy: the plain wording, as in a run
    write_roster(
        sent,
        "NaMon_moi.xlsx",
        "Nà Mòn",
        102,
        [person("NM1", "poor")],
        prepared=date(2024, 6, 3),
    )
    assert [i.variant for i in check_files([older, newer]) if i.code == "superseded"] == [""]
    book = openpyxl.load_workbook(newer)
    book["Danh sách"].delete_cols(8)
    book.save(newer)
    write_roster(sent, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    for lang, status in (
        (
            "vi",
            "Bản cũ, để riêng vì đã có bản mới hơn (NaMon_moi.xlsx); bản mới hơn bị từ chối nên "
            "xóm chưa được tổng hợp (xem trang 'Lỗi dữ liệu')",
        ),
        (
            "en",
            "Older copy, set aside for a newer one (NaMon_moi.xlsx); the newer one was refused, "
            "so the hamlet is not consolidated (see sheet 'Lỗi dữ liệu')",
        ),
    ):
        result, _ = collect(sent, None, lang=lang)
        out = tmp_path / f"out_{lang}"
        publish(result, out)
        [workbook] = out.rglob("TongHop_*.xlsx")
        sheet = openpyxl.load_workbook(workbook)["Nộp báo cáo"]
        rows = [r for r in sheet.iter_rows(values_only=True) if "NaMon_cu.xlsx" in r]
        assert [r[2] for r in rows] == [status]
