"""Messages left open by session 51, said where the officer and the heads look (session 52).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. April: the three send their own lists."""

from __future__ import annotations

from datetime import date

import openpyxl
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.run import execute
from tests.april_may import (
    SPLIT,
    may_errors,
    may_lists,
    may_moved_in,
    may_naming_dong_ke,
    said_by_check_and_run,
    write_unnamed,
)
from tests.commune import person, write_roster
from tests.month_lists import january_left_at_december
from tests.summaries import json_summary
from tests.test_session38_oracle import na_mon_rows


def _other_files(out) -> dict[str, tuple[str, str]]:
    """May's 'Nộp báo cáo', table 'CÁC TỆP KHÁC': file -> (its 'Xóm', its 'Tình trạng')."""
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx", read_only=True)
    rows = list(book["Nộp báo cáo"].iter_rows(values_only=True))
    book.close()
    start = next(i for i, r in enumerate(rows) if r[0] == "CÁC TỆP KHÁC")
    return {r[3]: (r[1], r[2]) for r in rows[start:] if isinstance(r[0], int)}


def test_the_moved_households_file_is_listed_under_the_neighbour_that_acts(tmp_path):
    """NM4, NM5 noted 'Chuyển đến từ xóm Nà Mòn' in a second file naming Đồng Kè
    ('codes-moved'): its words and its feedback workbook send Đồng Kè's head to write them on
    DongKe.xlsx, but 'Nộp báo cáo' listed it under 'Xóm' Nà Mòn (the codes' hamlet the run
    takes it as), so the officer looked for it with Nà Mòn's head. Now under Đồng Kè, its
    status naming Nà Mòn, the codes' hamlet: both named."""
    _, out = may_moved_in(tmp_path)
    assert _other_files(out) == {
        SPLIT: (
            "Đồng Kè",
            "Bị từ chối: danh sách ghi xóm 'Đồng Kè' nhưng các mã hộ là của xóm Nà Mòn, các hộ "
            "ghi chú chuyển đến xóm 'Đồng Kè'",
        )
    }


def test_the_held_households_file_stays_under_the_hamlet_that_acts(tmp_path):
    """Guard: NM4, NM5 without a note in the file naming Đồng Kè ('codes-held'): Nà Mòn's head
    is asked to write them on his list, so the file stays under Nà Mòn."""
    apart = [person("NM4", "near_poor"), person("NM5", "near_poor")]
    _, out = may_naming_dong_ke(tmp_path, apart, na_mon_rows()[:3])
    assert _other_files(out)[SPLIT][0] == "Nà Mòn"


HOLDS_REFUSED = (
    "Không xác định được tên xóm của tệp: ô 'Xóm' để trống, tiêu đề danh sách và tên tệp không "
    "ghi tên xóm nào có trong kế hoạch, nên danh sách chưa được tính. Các mã hộ trong danh sách "
    "là của xóm Nà Mòn. Xóm Nà Mòn cũng đã gửi danh sách của xóm (tệp 'NaMon.xlsx') nhưng danh "
    "sách đó bị từ chối vì có lỗi: khi sửa danh sách đó, trưởng xóm Nà Mòn cần ghi vào đó các hộ "
    "của tệp này mà danh sách đó chưa có (một danh sách cho cả xóm) rồi gửi lại; nếu tệp này là "
    "bản cũ hoặc bản chép của danh sách đó, hãy bỏ tệp này ra khỏi thư mục đầu vào. Không ghi "
    "'Nà Mòn' vào ô 'Xóm' của tệp này: mỗi xóm chỉ gửi một danh sách mỗi kỳ."
)


def _unnamed_beside_refused(tmp_path, apart: list[dict]):
    """April run; May: Nà Mòn's 'NaMon.xlsx' (NM1-NM3) refused for its 'Tổng số hộ dân cư'
    'abc', Bản Cọ and Đồng Kè their own, and ``apart`` in 'DanhSach_2024-05.xlsx' made a day
    later, its 'Xóm' and title naming no hamlet. Returns (folder, out); May not run."""
    folder, out = may_lists(tmp_path, na_mon_rows()[:3], na_mon_size="abc")
    write_unnamed(folder, apart, date(2024, 6, 4))
    return folder, out


def test_a_list_naming_no_hamlet_beside_its_hamlets_refused_list_says_to_write_them_there(
    tmp_path,
):
    """NM4, NM5 (Nà Mòn's near-poor) on a list naming no hamlet, Nà Mòn's own NaMon.xlsx
    refused for its 'Tổng số hộ dân cư': the refusal said only "Hãy ghi tên xóm vào ô 'Xóm'",
    the head's feedback 'DanhSach_2024-05_2024-05.xlsx' "hãy sửa các ô tô đỏ": writing 'Nà Mòn'
    there makes a second Nà Mòn list, the newer (4 June), which replaces NaMon.xlsx once
    corrected, NM1-NM3 then counted exited. Now (variant 'holds-refused') `check` and the run
    say the codes are Nà Mòn's and to write them on NaMon.xlsx when correcting it, never to
    name this file; 'Nộp báo cáo' lists it under Nà Mòn, saying why; its feedback goes to Nà
    Mòn's head after NaMon.xlsx's ('_1'), '_2', titled Nà Mòn, no cell to fix. The figures
    are unchanged: Nà Mòn rejected, the commune Bản Cọ 2 poor 1 near-poor + Đồng Kè 1 and 1 =
    3 poor, 2 near-poor, not complete."""
    folder, out = _unnamed_beside_refused(
        tmp_path, [person("NM4", "near_poor"), person("NM5", "near_poor")]
    )
    said_by_check_and_run(folder, out, "missing-hamlet", HOLDS_REFUSED)
    assert _other_files(out) == {
        SPLIT: (
            "Nà Mòn",
            "Bị từ chối: danh sách không ghi tên xóm, các mã hộ là của xóm Nà Mòn, danh sách của "
            "xóm bị từ chối",
        )
    }
    may = json_summary(out, "2024-05")
    assert {h["hamlet"]: h["status"] for h in may["hamlets"]}["Nà Mòn"] == "rejected"
    assert (may["totals"]["poor"], may["totals"]["near_poor"], may["complete"]) == (3, 2, False)
    found = {}
    for path in sorted((out / "2024-05" / "PhanHoi").glob("*.xlsx")):
        guide = list(openpyxl.load_workbook(path, read_only=True)["Hướng dẫn sửa"].values)
        said = {r[0]: next((v for v in r[1:] if v is not None), None) for r in guide if r}
        found[path.name] = (said["Tệp đã nhận:"], guide[0][0], said.get("Tình trạng:"))
    title = "PHẢN HỒI DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO – XÓM NÀ MÒN – THÁNG 5/2024"
    assert set(found) == {"Nà Mòn_2024-05_1.xlsx", "Nà Mòn_2024-05_2.xlsx"}
    assert found["Nà Mòn_2024-05_1.xlsx"][:2] == ("NaMon.xlsx", title)
    assert found["Nà Mòn_2024-05_2.xlsx"] == (
        SPLIT,
        title,
        "Danh sách gửi riêng này không được tổng hợp: danh sách không ghi tên xóm nhưng các hộ "
        "trong danh sách là của xóm Nà Mòn, và xóm Nà Mòn đã gửi danh sách của xóm kỳ này "
        "(NaMon.xlsx), bị từ chối vì có lỗi. Không sửa ô nào, cũng không gửi lại tệp này: khi "
        "sửa danh sách NaMon.xlsx, hãy ghi vào đó các hộ của tệp này mà danh sách đó chưa có "
        "(một danh sách cho cả xóm) rồi gửi lại.",
    )


def test_a_list_naming_no_hamlet_of_two_hamlets_beside_a_refused_list_keeps_the_plain_words(
    tmp_path,
):
    """Guard: NM4 (Nà Mòn's) and BC3 (Bản Cọ's, counted) on the list naming no hamlet: its
    codes tell no one hamlet (one of two each), so the plain words stay."""
    folder, out = _unnamed_beside_refused(
        tmp_path, [person("NM4", "near_poor"), person("BC3", "near_poor")]
    )
    execute(folder, out, "2024-05")
    assert may_errors(out)["missing-hamlet"] == [
        "Không xác định được tên xóm của tệp. Hãy ghi tên xóm vào ô 'Xóm' của trang 'Thông tin'."
    ]


def _hamlet_lines(out, lang_sheet: str = "Nộp báo cáo") -> dict[str, tuple[str, str]]:
    """May's 'Nộp báo cáo' hamlet table: hamlet -> (its 'Tình trạng', its 'Tệp')."""
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx", read_only=True)
    rows = list(book[lang_sheet].iter_rows(values_only=True))
    book.close()
    end = next(i for i, r in enumerate(rows) if r[0] in ("CÁC TỆP KHÁC", "OTHER FILES"))
    return {r[1]: (r[2], r[3]) for r in rows[:end] if isinstance(r[0], int)}


def _output_run(tmp_path, dong_ke: str, period: str):
    """The input 'vao' holds the plan, Nà Mòn's list and 'ket-qua' (an output folder: its
    history store), whose hidden folder '.thang5' holds Bản Cọ's May list, and right inside
    Đồng Kè's list of ``period`` named ``dong_ke``; May run to 'ra' by the command line.
    Returns ('Nộp báo cáo''s hamlet lines, the screen, May's JSON summary)."""
    from tests.test_session51_small_gaps import output_folder

    (tmp_path / "vao").mkdir()
    output = output_folder(tmp_path / "vao")
    write_roster(output, dong_ke, "Đồng Kè", 80, [person("DK1", "poor")], period)
    result = CliRunner().invoke(main, ["run", "--input", str(tmp_path / "vao"), "--output",
                                       str(tmp_path / "ra"), "--period", "2024-05", "--quiet"])  # fmt: skip
    return _hamlet_lines(tmp_path / "ra"), result.output, json_summary(tmp_path / "ra", "2024-05")


def test_a_list_in_an_output_folders_hidden_folder_is_named_on_its_hamlets_line(tmp_path):
    """The input holds the plan, Nà Mòn's list and 'ket-qua' (an output folder: its history
    store), whose hidden folder '.thang5' holds Bản Cọ's May list; another, 'DongKe_2024-04.xlsx'
    (April's), right inside. The folder's warning names both (session 51), but Bản Cọ's line
    read a bare "Chưa nộp", the screen's "Chưa nộp: Bản Cọ, Đồng Kè" named no file, where a
    list in a hidden folder elsewhere is named on both. Now Bản Cọ's line says a list named for
    it is in an output folder, not read, its path in the file column, in red, and the screen
    names it beside Bản Cọ; Đồng Kè's April list is not named (another month's), nor is the
    JSON changed: Bản Cọ and Đồng Kè missing."""
    lines, screen, may = _output_run(tmp_path, "DongKe_2024-04.xlsx", "2024-04")
    assert lines["Bản Cọ"] == (
        "Chưa nộp: có danh sách mang tên xóm trong thư mục kết quả của giamngheo, chưa được "
        "đọc (xem trang 'Lỗi dữ liệu')",
        "ket-qua/.thang5/BanCo.xlsx",
    )
    assert lines["Đồng Kè"] == ("Chưa nộp", None)
    assert (  # within 100 characters, broken at a comma (session 58, D2)
        "Chưa nộp: Bản Cọ (danh sách ket-qua/.thang5/BanCo.xlsx trong thư mục kết quả chưa được "
        "đọc,\n    xem trang 'Lỗi dữ liệu'), Đồng Kè\n" in screen
    )
    statuses = {h["hamlet"]: h["status"] for h in may["hamlets"]}
    assert (statuses["Bản Cọ"], statuses["Đồng Kè"], statuses["Nà Mòn"]) == (
        "missing", "missing", "ok"
    )  # fmt: skip


def test_a_list_right_inside_an_output_folder_is_named_on_its_hamlets_line(tmp_path):
    """Đồng Kè's May list 'DongKe.xlsx' right inside 'ket-qua': named on the folder's warning
    (session 50), and now on Đồng Kè's line too ('Tệp' 'ket-qua/DongKe.xlsx'), not read."""
    lines, _, may = _output_run(tmp_path, "DongKe.xlsx", "2024-05")
    assert lines["Đồng Kè"] == (
        "Chưa nộp: có danh sách mang tên xóm trong thư mục kết quả của giamngheo, chưa được "
        "đọc (xem trang 'Lỗi dữ liệu')",
        "ket-qua/DongKe.xlsx",
    )
    assert {h["hamlet"]: h["status"] for h in may["hamlets"]}["Đồng Kè"] == "missing"


def test_history_of_a_period_says_what_each_replaced_run_had_by_hamlet(tmp_path):
    """March run four times: (1) Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor (100 households),
    Bản Cọ BC1-BC2 poor, BC3 near-poor (200), Đồng Kè nothing; (2) Nà Mòn corrected, NM3
    near-poor; (3) Đồng Kè's list came (DK1 poor, DK2 near-poor, 150); (4) the same files.
    `history --period` listed the commune's figures of each run alone, so the officer could
    not tell which hamlet's figures he had sent otherwise. Now, after the table, each run
    replaced names the hamlets whose figures differ from the run in use (4): run 1 Nà Mòn 3
    poor, 2 near-poor (now 2 and 3) and Đồng Kè not received (now 150, 1, 1); run 2 Đồng Kè
    alone; run 3 every hamlet alike; Bản Cọ (2, 1 in every run) never named."""
    from tests.commune import new_commune
    from tests.month_lists import two_lists

    folder, out = new_commune(tmp_path)
    two_lists(folder, "2024-03", date(2024, 4, 3))
    execute(folder, out, "2024-03")
    two_lists(folder, "2024-03", date(2024, 4, 3), nm3="near_poor")
    execute(folder, out, "2024-03")
    dong_ke = [person("DK1", "poor"), person("DK2", "near_poor")]
    write_roster(folder, "DongKe_03.xlsx", "Đồng Kè", 150, dong_ke, "2024-03", date(2024, 4, 3))
    execute(folder, out, "2024-03")
    execute(folder, out, "2024-03")
    for lang, head in (
        ("vi", "Theo xóm, các lần đã được thay (các xóm có số liệu khác lần đang dùng):"),
        ("en", "By hamlet, the runs replaced (the hamlets whose figures differ from the run in "
               "use):"),
    ):  # fmt: skip
        shown = CliRunner().invoke(
            main, ["history", "--output", str(out), "--period", "2024-03", "--lang", lang]
        )
        lines = shown.output.splitlines()
        assert lines[7] == head  # (the title, the header, 4 runs, the legend)
        # '  dd/mm/yyyy hh:mm:ss: …': the time, then what that run had
        said = [line[23:] for line in lines[8:]]
        if lang == "en":
            assert said[2] == "every hamlet as in the run in use"
            continue
        assert said == [
            "Nà Mòn 100 hộ, 3 nghèo, 2 cận nghèo (lần đang dùng: 100 hộ, 2 nghèo, 3 cận nghèo); "
            "Đồng Kè chưa nộp (lần đang dùng: 150 hộ, 1 nghèo, 1 cận nghèo)",
            "Đồng Kè chưa nộp (lần đang dùng: 150 hộ, 1 nghèo, 1 cận nghèo)",
            "từng xóm như lần đang dùng",
        ]


def _ages_read(issues, file: str) -> list[str]:
    """The year each 'birth-year-from-age' of ``file`` read its ages in."""
    return [str(i.detail) for i in issues if i.file == file and i.code == "birth-year-from-age"]


def test_check_reads_a_list_left_at_december_of_decembers_year_where_decembers_run_counts_it(
    tmp_path,
):
    """The folder holds both plans, January's lists and Bản Cọ's January list left at 12/2024,
    December not run. December's run (plan 2024) counts that list, Bản Cọ's only December list,
    reading its ages 54, 60 of 2024; January's run tells it January's, of 2025. `check` of the
    folder, which runs December first (session 51) and says December's `vanished-household` of
    it, read its ages of 2025. Now of 2024, as the run that counts it; the period warning (B4,
    January's run's) is still said."""
    from pipeline.checkfiles import check_files

    folder, out, stale = january_left_at_december(tmp_path)
    checked = check_files([folder])
    result, _, _ = execute(folder, out, "2024-12")
    assert _ages_read(result.issues, stale) == ["2024"]
    assert _ages_read(checked, stale) == ["2024"]
    assert [(i.cell, str(i.detail)) for i in checked
            if i.file == stale and i.code == "period-differs-from-file-name"] == [("B4", "01/2025")]  # fmt: skip


def test_check_reads_it_of_januarys_year_where_decembers_run_does_not_count_it(tmp_path):
    """Guards (passing before): Bản Cọ's own December list given too (December's run takes it,
    the stale one set aside), or December stored in the history (no December run to come):
    the list counts only as January's run tells it, of 2025."""
    from pipeline.checkfiles import check_files
    from pipeline.history import HISTORY_FILE, HistoryStore

    folder, out, stale = january_left_at_december(tmp_path / "a", december_list=True)
    assert _ages_read(check_files([folder]), stale) == ["2025"]
    folder, out, stale = january_left_at_december(tmp_path / "b")
    execute(folder, out, "2024-12")
    store = HistoryStore(out / HISTORY_FILE, read_only=True)
    assert _ages_read(check_files([folder], history=store), stale) == ["2025"]


_HOLDS_LISTED = (
    "Không xác định được tên xóm của tệp: ô 'Xóm' để trống, tiêu đề danh sách và tên tệp không "
    "ghi tên xóm nào có trong kế hoạch, nên danh sách không được tính. Các mã hộ trong danh sách "
    "là của xóm Nà Mòn, và mọi hộ trong danh sách đều đã có trong danh sách xóm Nà Mòn gửi kỳ "
    "này (tệp 'NaMon.xlsx'), đã được tính: không cần sửa, cũng không gửi lại tệp này; hãy bỏ "
    "tệp này ra khỏi thư mục đầu vào. Nếu tệp này ghi khác danh sách đó (phân loại hộ, số nhân "
    "khẩu…), trưởng xóm Nà Mòn sửa trên danh sách 'NaMon.xlsx' rồi gửi lại. Không ghi 'Nà Mòn' "
    "vào ô 'Xóm' của tệp này: mỗi xóm chỉ gửi một danh sách mỗi kỳ."
)


def test_following_the_holds_refused_advice_is_not_then_told_to_name_the_file(tmp_path):
    """Session 52's review. May as above ('holds-refused'); Nà Mòn's head does as told:
    NaMon.xlsx corrected ('Tổng số hộ dân cư' 100) with NM4, NM5 written on it (NM1-NM5, made
    6 June), DanhSach_2024-05.xlsx not sent again but still in the folder. The run then said
    "Hãy ghi tên xóm vào ô 'Xóm'" and its feedback 'DanhSach_2024-05_2024-05.xlsx' "hãy sửa các
    ô tô đỏ và gửi lại": 'Nà Mòn' written there with a later 'Ngày lập', that file became Nà
    Mòn's newer list and NM1-NM3 were counted exited. Now ('holds-listed') `check` and the run
    say every household is on NaMon.xlsx, counted: nothing to send, take the file out, never
    name it; its feedback goes to Nà Mòn's head, 'Nà Mòn_2024-05.xlsx'. Figures: the three
    hamlets counted, 3+2+1 = 6 poor, 2+1+1 = 4 near-poor, complete."""
    folder, out = _unnamed_beside_refused(
        tmp_path, [person("NM4", "near_poor"), person("NM5", "near_poor")]
    )
    execute(folder, out, "2024-05")
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100, na_mon_rows(), "2024-05", date(2024, 6, 6))
    said_by_check_and_run(folder, out, "missing-hamlet", _HOLDS_LISTED)
    assert _other_files(out) == {
        SPLIT: (
            "Nà Mòn",
            "Bị từ chối: danh sách không ghi tên xóm, các hộ đều đã có trong danh sách xóm Nà Mòn "
            "đã được tính",
        )
    }
    may = json_summary(out, "2024-05")
    assert {h["hamlet"]: h["status"] for h in may["hamlets"]} == dict.fromkeys(
        ("Nà Mòn", "Bản Cọ", "Đồng Kè"), "ok"
    )
    assert (may["totals"]["poor"], may["totals"]["near_poor"], may["complete"]) == (6, 4, True)
    books = sorted(p.name for p in (out / "2024-05" / "PhanHoi").glob("*.xlsx"))
    assert books == ["Nà Mòn_2024-05.xlsx"]
    guide = list(
        openpyxl.load_workbook(out / "2024-05" / "PhanHoi" / books[0], read_only=True)[
            "Hướng dẫn sửa"
        ].values
    )
    said = {r[0]: next((v for v in r[1:] if v is not None), None) for r in guide if r}
    assert (said["Tệp đã nhận:"], said["Tình trạng:"]) == (
        SPLIT,
        "Danh sách gửi riêng này không được tổng hợp: danh sách không ghi tên xóm nhưng các hộ "
        "trong danh sách là của xóm Nà Mòn, và mọi hộ đều đã có trong danh sách của xóm kỳ này "
        "(NaMon.xlsx), đã được tính. Không sửa ô nào, cũng không gửi lại tệp này.",
    )
    english = (
        CliRunner()
        .invoke(main, ["check", str(folder), "--output", str(out), "--lang", "en"])
        .output
    )
    assert "every household on it is on the list Nà Mòn sent this period (file " in english


def _guide_said(path) -> dict:
    """A feedback workbook's 'Hướng dẫn sửa': label -> the first value beside it."""
    guide = list(openpyxl.load_workbook(path, read_only=True)["Hướng dẫn sửa"].values)
    return {r[0]: next((v for v in r[1:] if v is not None), None) for r in guide if r}


def test_the_refused_own_lists_feedback_says_to_write_the_list_apart_on_it(tmp_path):
    """Session 52's leftover: NaMon.xlsx (NM1-NM3, 'Tổng số hộ dân cư' 'abc') refused, NM4, NM5
    in DanhSach_2024-05.xlsx naming no hamlet ('holds-refused'), or naming Đồng Kè
    ('codes-refused', session 51). The split file's feedback sends Nà Mòn's head to write NM4,
    NM5 on NaMon.xlsx when correcting it, but NaMon.xlsx's own, the one he corrects, said only
    to fix its red cell: corrected as told, Nà Mòn counted without NM4, NM5. Now its 'Cách
    sửa' ends by naming the split file, to write its households there and not send it
    again; the split file's own feedback is not told of itself."""
    from tests.april_may import may_refused

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    unnamed = _unnamed_beside_refused(
        tmp_path / "a", [person("NM4", "near_poor"), person("NM5", "near_poor")]
    )
    execute(*unnamed, "2024-05")
    named = may_refused(tmp_path / "b")
    for _, out in (unnamed, named):
        hows = {}
        for path in (out / "2024-05" / "PhanHoi").glob("*.xlsx"):
            said = _guide_said(path)
            hows[said["Tệp đã nhận:"]] = said["Cách sửa:"]
        assert set(hows) == {"NaMon.xlsx", SPLIT}
        assert hows["NaMon.xlsx"].endswith(
            "Hãy sửa trong tệp gốc của xóm rồi gửi lại cho xã. Khi sửa danh sách này, hãy ghi "
            f"thêm vào đây các hộ của tệp '{SPLIT}' (gửi riêng, các mã hộ là của xóm) mà danh "
            "sách này chưa có (chèn dưới dòng hộ cuối cùng, đủ các cột như các hộ khác; xem "
            "phản hồi của tệp đó), rồi gửi lại danh sách này: mỗi xóm, xã chỉ tính một danh "
            f"sách. Không gửi lại tệp '{SPLIT}'."
        )
        assert "Khi sửa danh sách này" not in hows[SPLIT]


def test_following_the_codes_moved_advice_keeps_the_neighbours_own_list(tmp_path):
    """Session 52's review. May as in the first test ('codes-moved': NM4, NM5 noted 'Chuyển
    đến từ xóm Nà Mòn' in DanhSach_2024-05.xlsx naming Đồng Kè, 4 June); Đồng Kè's head does as
    told: DongKe.xlsx sent again with DK1, DK2, NM4, NM5, its 'Ngày lập' left at 3 June, the
    split file still in the folder. Its codes now on Đồng Kè's list, no one hamlet told it, so
    the split file, the later 'Ngày lập', became Đồng Kè's list: DongKe.xlsx set aside, DK1,
    DK2 counted exited (the commune 5 poor, 3 near-poor). Now DongKe.xlsx, holding Đồng Kè's
    codes, is the hamlet's own list and the split file is refused 'codes-listed' (every
    household on DongKe.xlsx: nothing to send, take it out): 3+2+1 = 6 poor, 0+1+(1+2) = 4
    near-poor, complete; its feedback to Đồng Kè's head says nothing to fix."""
    folder, out = may_moved_in(tmp_path)
    note = "Chuyển đến từ xóm Nà Mòn"
    moved = [person("NM4", "near_poor", ghi_chu=note), person("NM5", "near_poor", ghi_chu=note)]
    dong_ke = [person("DK1", "poor"), person("DK2", "near_poor"), *moved]
    write_roster(folder, "DongKe.xlsx", "Đồng Kè", 150, dong_ke, "2024-05", date(2024, 6, 3))
    listed = (
        "Danh sách ghi xóm 'Đồng Kè' nhưng các mã hộ trong danh sách là của xóm Nà Mòn, không "
        "phải của xóm 'Đồng Kè', nên tệp không được tính. Mọi hộ trong danh sách đều đã có "
        "trong danh sách xóm 'Đồng Kè' gửi kỳ này (tệp 'DongKe.xlsx'), đã được tính: không cần "
        "sửa, cũng không gửi lại tệp này; hãy bỏ tệp này ra khỏi thư mục đầu vào. Nếu tệp này "
        "ghi khác danh sách đó (phân loại hộ, số nhân khẩu…), trưởng xóm 'Đồng Kè' sửa trên "
        "danh sách 'DongKe.xlsx' rồi gửi lại. Không sửa tên xóm của tệp này: mỗi xóm chỉ gửi "
        "một danh sách mỗi kỳ."
    )
    errors = said_by_check_and_run(folder, out, "hamlet-codes-of-file-name", listed)
    assert "vanished-household" not in errors
    may = json_summary(out, "2024-05")
    assert {h["hamlet"]: h["status"] for h in may["hamlets"]} == dict.fromkeys(
        ("Nà Mòn", "Bản Cọ", "Đồng Kè"), "ok"
    )
    assert (may["totals"]["poor"], may["totals"]["near_poor"], may["complete"]) == (6, 4, True)
    assert _other_files(out)[SPLIT][0] == "Đồng Kè"
    books = sorted((out / "2024-05" / "PhanHoi").glob("*.xlsx"))
    assert [p.name for p in books] == ["Đồng Kè_2024-05.xlsx"]
    assert _guide_said(books[0])["Tình trạng:"] == (
        "Danh sách gửi riêng này không được tổng hợp: danh sách ghi xóm 'Đồng Kè' nhưng các hộ "
        "trong danh sách là của xóm Nà Mòn, và mọi hộ đều đã có trong danh sách của xóm 'Đồng "
        "Kè' kỳ này (DongKe.xlsx), đã được tính. Không sửa ô nào, cũng không gửi lại tệp này."
    )


def test_a_list_in_an_output_folders_own_folder_is_named_on_its_hamlets_line(tmp_path):
    """Session 52's leftover: 'ket-qua' (an output folder in the input, Bản Cọ's list in its
    hidden '.thang5') holds '2024-05/PhanHoi/DongKe_sua.xlsx', Đồng Kè's corrected list the
    officer saved beside the feedback: named nowhere (only the output folder's right inside and
    hidden folders were looked in), Đồng Kè a bare "Chưa nộp". Now named on the folder's
    warning and on Đồng Kè's line; the run's own files there are not ('PhanHoi/Đồng
    Kè_2024-05.xlsx', a feedback's name; 'nguon/DongKe.xlsx', a source's copy;
    'TongHop_2024-05.xlsx'). Đồng Kè still missing (not read)."""
    from pipeline.discover import lists_in_output_folder
    from tests.test_session51_small_gaps import output_folder

    (tmp_path / "vao").mkdir()
    output = output_folder(tmp_path / "vao")
    month = output / "2024-05"
    for folder, name in (("PhanHoi", "DongKe_sua.xlsx"), ("PhanHoi", "Đồng Kè_2024-05.xlsx"),
                         ("nguon", "DongKe.xlsx"), ("", "TongHop_2024-05.xlsx")):  # fmt: skip
        (month / folder).mkdir(parents=True, exist_ok=True)
        write_roster(month / folder, name, "Đồng Kè", 80, [person("DK1", "poor")], "2024-05")
    assert lists_in_output_folder(output) == [
        ".thang5/BanCo.xlsx",
        "2024-05/PhanHoi/DongKe_sua.xlsx",
    ]
    CliRunner().invoke(main, ["run", "--input", str(tmp_path / "vao"), "--output",
                              str(tmp_path / "ra"), "--period", "2024-05", "--quiet"])  # fmt: skip
    assert _hamlet_lines(tmp_path / "ra")["Đồng Kè"] == (
        "Chưa nộp: có danh sách mang tên xóm trong thư mục kết quả của giamngheo, chưa được "
        "đọc (xem trang 'Lỗi dữ liệu')",
        "ket-qua/2024-05/PhanHoi/DongKe_sua.xlsx",
    )
    may = json_summary(tmp_path / "ra", "2024-05")
    assert {h["hamlet"]: h["status"] for h in may["hamlets"]}["Đồng Kè"] == "missing"
