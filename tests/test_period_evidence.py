"""Session 13: a list of this month with an earlier month left in 'Kỳ báo cáo', told from the
folder it sits in or its 'Ngày lập' as from its file name (docs/decisions.md); and `check` on a
folder saying of an older copy what a run says."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from pipeline.run import execute
from pipeline.types import Submission
from tests.commune import TARGET_LINES, person, submission_row, write_plan, write_roster

LATE = "Có danh sách kỳ"  # how a late-file notice ('run that month again') begins


def _rows(status: str, codes: list[str]) -> list[dict]:
    return [person(code, status) for code in codes]


def _may_run(tmp_path: Path, folder_of_may: str = "T5") -> tuple[Path, Path]:
    """May run with Nà Mòn's and Bản Cọ's lists (in ``folder_of_may`` of the input, '' for
    none): Bản Cọ counts BC1, BC2 poor."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    may = folder / folder_of_may if folder_of_may else folder
    may.mkdir(parents=True)
    write_plan(folder)
    write_roster(may, "NaMon_05.xlsx", "Nà Mòn", 100, _rows("poor", ["NM1", "NM2", "NM3"]))
    write_roster(may, "BanCo_05.xlsx", "Bản Cọ", 200, _rows("poor", ["BC1", "BC2"]))
    result, _, _ = execute(folder, out, "2024-05")
    by = {h["hamlet"]: (h["status"], h["poor"]) for h in result.summary["hamlets"]}
    assert by["Bản Cọ"] == ("ok", 2)
    return folder, out


def _june(folder: Path, where: str, banco_name: str, prepared: date) -> None:
    """June's files in ``where`` of the input: Nà Mòn's list, and Bản Cọ's June list (BC2 now
    'Thoát') with 'Kỳ báo cáo' left at 05/2024."""
    june = folder / where if where else folder
    june.mkdir(exist_ok=True)
    write_roster(june, "NaMon_06.xlsx", "Nà Mòn", 100, _rows("poor", ["NM1", "NM2", "NM3"]),
                 period="2024-06", prepared=date(2024, 7, 1))  # fmt: skip
    write_roster(june, banco_name, "Bản Cọ", 200, [person("BC1", "poor"), person("BC2", "exited")],
                 period="2024-05", prepared=prepared)  # fmt: skip


def test_a_june_list_in_the_june_folder_saying_may_is_told_as_june_not_as_a_may_copy(tmp_path):
    """QA: 'T6/BanCo_06.xlsx' says 'Kỳ báo cáo' 05/2024. The June run used to say only "a May
    list of Bản Cọ other than the one used (a corrected copy?): run May again", which put
    June's list (BC2 gone) in May's place. Its folder names June: it is told as Bản Cọ's June
    list with the wrong period, at the cell to correct, and May is not to be run again."""
    from pipeline.output import NOTICES

    folder, out = _may_run(tmp_path)
    _june(folder, "T6", "BanCo_06.xlsx", date(2024, 6, 28))
    result, written, _ = execute(folder, out, None)
    assert result.period == "2024-06"
    by = {h["hamlet"]: h["status"] for h in result.summary["hamlets"]}
    assert (by["Nà Mòn"], by["Bản Cọ"]) == ("ok", "missing")
    assert not [n for n in NOTICES if str(n).startswith(LATE)]
    assert [str(n) for n in NOTICES if "Bản Cọ" in str(n)] == [
        "Xóm Bản Cọ được tính là chưa nộp kỳ 06/2024: tệp 'T6/BanCo_06.xlsx' nằm trong thư mục "
        "kỳ 06/2024 nhưng ô 'Kỳ báo cáo' ghi 05/2024. Nếu đó là danh sách kỳ 06/2024, hãy sửa ô "
        "'Kỳ báo cáo' (trang 'Thông tin', ô B4) thành 06/2024 rồi chạy lại: giamngheo run "
        "--period 2024-06"
    ]
    told = [i for i in result.issues if i.file == "T6/BanCo_06.xlsx"]
    assert [(i.code, i.sheet, i.cell, i.value, i.detail) for i in told] == [
        ("period-differs-from-folder", "Thông tin", "B4", "05/2024", "06/2024")
    ]
    assert (
        told[0]
        .message()
        .startswith("Tệp nằm trong thư mục kỳ 06/2024 của xã nhưng ô 'Kỳ báo cáo' ghi 05/2024")
    )
    assert submission_row(written["workbook"], "Bản Cọ") == (
        "Chưa nộp kỳ này: tệp gửi ghi kỳ 05/2024 ở ô 'Kỳ báo cáo' (xem trang 'Lỗi dữ liệu')",
        "T6/BanCo_06.xlsx",
    )
    feedback = openpyxl.load_workbook(out / "2024-06" / "PhanHoi" / "Bản Cọ_2024-06.xlsx")
    texts = [v for row in feedback.worksheets[0].iter_rows(values_only=True) for v in row if v]
    assert (
        "Danh sách chưa được tính vào kỳ 06/2024: tệp được gửi cho kỳ 06/2024 (xã xếp vào thư "
        "mục kỳ 06/2024) nhưng ô 'Kỳ báo cáo' ghi 05/2024. Nếu đây là danh sách kỳ 06/2024, hãy "
        "sửa ô đó (ô tô vàng) rồi gửi lại."
    ) in texts
    # `check` of the folder, or of the file, says it as the run does
    from pipeline.checkfiles import check_files

    # (named as the run names it: by its path in the folder checked, by its name when given
    # itself); May's own list in T5 is no older copy of this one (a run of June or May neither);
    # this one is, as the run of May says (superseded, its folder naming another month)
    for given, name, older in (([folder], "T6/BanCo_06.xlsx", ["T6/BanCo_06.xlsx"]),
                               ([folder / "T6" / "BanCo_06.xlsx"], "BanCo_06.xlsx", [])):  # fmt: skip
        found = check_files(given)
        said = [i for i in found if i.code.startswith("period-differs")]
        assert [(i.file, i.code, i.cell, i.value, i.detail) for i in said] == [
            (name, "period-differs-from-folder", "B4", "05/2024", "06/2024")
        ]
        assert [(i.file, i.variant) for i in found if i.code == "superseded"] == [
            (file, "other-month") for file in older
        ]
    # Without such evidence, as before: a corrected copy of Bản Cọ's May list in the May
    # folder, filled in in June, is a May copy to run May again with (Bản Cọ: no June list).
    (folder / "T6" / "BanCo_06.xlsx").unlink()
    write_roster(folder / "T5", "BanCo_05_sua.xlsx", "Bản Cọ", 200, _rows("poor", ["BC1"]),
                 prepared=date(2024, 6, 20))  # fmt: skip
    result, _, _ = execute(folder, out, None)
    assert result.period == "2024-06"
    assert not [i for i in result.issues if i.code.startswith("period-differs")]
    assert [str(n) for n in NOTICES if str(n).startswith(LATE)] == [
        "Có danh sách kỳ 05/2024 của xóm Bản Cọ ('T5/BanCo_05_sua.xlsx') khác với tệp đã dùng "
        "khi tổng hợp kỳ đó (có thể là bản sửa). Để tính lại kỳ đó, hãy chạy lại: giamngheo run "
        "--period 2024-05"
    ]


def test_a_list_filled_in_after_may_s_lists_are_made_is_told_as_june_s(tmp_path):
    """No folder or name naming a month: 'BanCo_moi.xlsx' says 05/2024 but was filled in on
    1 July, after a May list is made (by the end of June), and May counted Bản Cọ's list:
    told as June's list with the old period left; filled in on 30 June, a May copy as before."""
    from pipeline.output import NOTICES

    folder, out = _may_run(tmp_path, "")
    _june(folder, "", "BanCo_moi.xlsx", date(2024, 7, 1))
    result, _, _ = execute(folder, out, None)
    assert result.period == "2024-06"
    assert not [n for n in NOTICES if str(n).startswith(LATE)]
    assert [str(n) for n in NOTICES if "Bản Cọ" in str(n)] == [
        "Xóm Bản Cọ được tính là chưa nộp kỳ 06/2024: tệp 'BanCo_moi.xlsx' có ngày lập "
        "01/07/2024, sau thời gian lập danh sách kỳ 05/2024, nhưng ô 'Kỳ báo cáo' ghi 05/2024. "
        "Nếu đó là danh sách kỳ 06/2024, hãy sửa ô 'Kỳ báo cáo' (trang 'Thông tin', ô B4) thành "
        "06/2024 rồi chạy lại: giamngheo run --period 2024-06"
    ]
    assert [(i.code, i.cell, i.value, i.detail) for i in result.issues
            if i.file == "BanCo_moi.xlsx"] == [
        ("period-differs-from-prepared-date", "B4", "05/2024", "06/2024")
    ]  # fmt: skip
    # May's own file taken away: the history says May counted Bản Cọ's list, the same.
    (folder / "BanCo_05.xlsx").unlink()
    result, _, _ = execute(folder, out, None)
    assert [i.code for i in result.issues if i.file == "BanCo_moi.xlsx"] == [
        "period-differs-from-prepared-date"
    ]
    assert not [n for n in NOTICES if str(n).startswith(LATE)]
    # Filled in on 30 June, within the time a May list is made: a May copy, as before.
    write_roster(folder, "BanCo_moi.xlsx", "Bản Cọ", 200, _rows("poor", ["BC1"]),
                 prepared=date(2024, 6, 30))  # fmt: skip
    result, _, _ = execute(folder, out, None)
    assert not [i for i in result.issues if i.file == "BanCo_moi.xlsx"]
    assert [str(n)[:60] for n in NOTICES if str(n).startswith(LATE)] == [
        "Có danh sách kỳ 05/2024 của xóm Bản Cọ ('BanCo_moi.xlsx') kh"
    ]
    # A 'Ngày lập' after May's lists are made is no evidence when Bản Cọ sent no May list: a
    # hamlet's own late May list is as likely. It stays a late May list to count there.
    folder, out = tmp_path / "b" / "vao", tmp_path / "b" / "ra"
    folder.mkdir(parents=True)
    write_plan(folder)
    write_roster(folder, "NaMon_05.xlsx", "Nà Mòn", 100, _rows("poor", ["NM1", "NM2", "NM3"]))
    execute(folder, out, "2024-05")
    _june(folder, "", "BanCo_moi.xlsx", date(2024, 7, 1))
    result, _, _ = execute(folder, out, None)
    assert not [i for i in result.issues if i.file == "BanCo_moi.xlsx"]
    late = [str(n) for n in NOTICES if str(n).startswith(LATE)]
    assert len(late) == 1
    assert late[0].startswith(
        "Có danh sách kỳ 05/2024 của xóm Bản Cọ ('BanCo_moi.xlsx'), kỳ mà khi tổng hợp xóm chưa "
        "nộp hoặc bị từ chối."
    )


def test_a_file_named_for_june_saying_may_is_not_also_told_to_run_may_again(tmp_path):
    """QA: 'DS_BanCo_2024-06.xlsx' with 05/2024 was told as June's list with the wrong period
    and, beside it, as a May copy to run May again with: only the first now."""
    from pipeline.output import NOTICES

    folder, out = _may_run(tmp_path, "")
    _june(folder, "", "DS_BanCo_2024-06.xlsx", date(2024, 6, 28))
    result, _, _ = execute(folder, out, None)
    assert [i.code for i in result.issues if i.file == "DS_BanCo_2024-06.xlsx"] == [
        "period-differs-from-file-name"
    ]
    assert not [n for n in NOTICES if str(n).startswith(LATE)]
    told = [str(n) for n in NOTICES if "Bản Cọ" in str(n)]
    assert len(told) == 1
    assert told[0].startswith(
        "Xóm Bản Cọ được tính là chưa nộp kỳ 06/2024: tệp 'DS_BanCo_2024-06.xlsx' mang tên kỳ "
        "06/2024 nhưng ô 'Kỳ báo cáo' ghi 05/2024."
    )


def test_which_folder_names_which_month():
    from pipeline.rosterchecks import folder_month, named_for
    from pipeline.text import month_named

    assert [month_named(n) for n in ("T6", "Tháng 6", "Thang_06", "06-2024", "2024-06")] == [
        (None, 6), (None, 6), (None, 6), (2024, 6), (2024, 6)
    ]  # fmt: skip
    assert [month_named(n) for n in ("2024", "Bao cao", "6", "Thôn 6")] == [None] * 4

    def sub(file: str, prepared: date | None = None) -> Submission:
        return Submission(file=file, path=Path(file), kind="roster", period="2024-05",
                          prepared_on=prepared)  # fmt: skip

    assert folder_month("2024/Tháng 6/BanCo.xlsx") == (None, 6)
    assert folder_month("Bao cao\\06-2024\\BanCo.xlsx") == (2024, 6)
    assert folder_month("BanCo.xlsx") is None
    assert named_for(sub("T6/BanCo.xlsx"), "2024-06") == "folder"
    assert named_for(sub("T5/BanCo.xlsx"), "2024-06") is None  # the month it says
    assert named_for(sub("06-2023/BanCo.xlsx"), "2024-06") is None  # another year's June
    # filled in before June began: no June list, whatever the folder
    assert named_for(sub("T6/BanCo.xlsx", date(2024, 5, 31)), "2024-06") is None
    # the file name naming a month decides, as before
    assert named_for(sub("T6/BanCo_2024-05.xlsx"), "2024-06") is None
    assert named_for(sub("BanCo.xlsx", date(2024, 7, 1)), "2024-06", listed_before=True) == (
        "prepared-date"
    )
    assert named_for(sub("BanCo.xlsx", date(2024, 6, 30)), "2024-06", listed_before=True) is None


# --- `check` of a folder holding an older copy --------------------------------------------------


def _two_copies_of_ban_co(folder: Path) -> None:
    """Bản Cọ's first May list (filled in 3 June: a row with 'Trung bình', a household of 0
    people) and its corrected copy (filled in 10 June), with Nà Mòn's list."""
    write_roster(folder, "NaMon_05.xlsx", "Nà Mòn", 100, _rows("poor", ["NM1", "NM2", "NM3"]))
    write_roster(folder, "DS BanCo T5.xlsx", "Bản Cọ", 200,
                 [person("BC1", "Trung bình"), person("BC2", "poor", nhan_khau=0)],
                 prepared=date(2024, 6, 3))  # fmt: skip
    write_roster(folder, "Bản Cọ_2024-05.xlsx", "Bản Cọ", 200, _rows("poor", ["BC1", "BC2"]),
                 prepared=date(2024, 6, 10))  # fmt: skip


def test_check_of_a_folder_says_of_an_older_copy_what_a_run_says(tmp_path):
    """QA: `check` gave the old copy's errors and exited 1, with no word of the newer copy the
    run counts instead (the run: 0 errors, the old copy set aside, 'superseded'). Now `check`
    says the same of it: one warning naming the newer copy, none of its errors."""
    import subprocess
    import sys

    from pipeline.checkfiles import check_files
    from pipeline.run import collect

    write_plan(tmp_path)
    _two_copies_of_ban_co(tmp_path)
    result, _ = collect(tmp_path, None, workers=0)
    ran = [(i.code, str(i.detail)) for i in result.issues if i.file == "DS BanCo T5.xlsx"]
    assert ran == [("superseded", "Bản Cọ_2024-05.xlsx")]
    assert not [i for i in result.issues if i.severity == "error"]
    found = check_files([tmp_path])
    assert [(i.code, str(i.detail)) for i in found if i.file == "DS BanCo T5.xlsx"] == ran
    assert not [i for i in found if i.severity == "error"]
    # the files given one by one, without the plan: the same
    given = [tmp_path / "DS BanCo T5.xlsx", tmp_path / "Bản Cọ_2024-05.xlsx"]
    assert [(i.file, i.code) for i in check_files(given)] == [("DS BanCo T5.xlsx", "superseded")]
    done = subprocess.run([sys.executable, "-m", "pipeline", "check", str(tmp_path)],
                          capture_output=True, text=True, timeout=300,
                          cwd=Path(__file__).resolve().parents[1])  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    # the start list's households the counted lists lack (BC3; NM4, NM5), as the run says them
    lines = done.stdout.splitlines()
    gone = [line for line in lines if " (vanished-household): " in line]
    assert [line.split(": Hộ ")[1].split(" ")[0] for line in gone] == ["BC3", "NM4", "NM5"]
    ran_gone = sorted((i.file, i.value) for i in result.issues if i.code == "vanished-household")
    assert ran_gone == sorted((i.file, i.value) for i in found if i.code == "vanished-household")
    assert [line for line in lines if line not in gone] == [
        "[Cảnh báo] DS BanCo T5.xlsx (superseded): Xóm đã gửi bản mới hơn cho cùng kỳ (Bản "
        "Cọ_2024-05.xlsx); bản này không được tính.",
        *TARGET_LINES,
        "Chưa nộp (kỳ 05/2024): Đồng Kè",  # the folder checked whole names it (session 57)
        "4 tệp, 0 lỗi, 6 cảnh báo.",
    ]


def test_check_still_gives_the_errors_of_the_newest_copy_and_not_of_an_older_one(tmp_path):
    """The copy with the errors filled in last: it is the one a run picks (and refuses, every
    row having an error), so its errors are said, and the corrected-looking older copy is set
    aside."""
    from pipeline.checkfiles import check_files

    _two_copies_of_ban_co(tmp_path)
    newer = tmp_path / "DS BanCo T5.xlsx"
    write_roster(tmp_path, newer.name, "Bản Cọ", 200,
                 [person("BC1", "Trung bình"), person("BC2", "poor", nhan_khau=0)],
                 prepared=date(2024, 6, 20))  # fmt: skip
    found = sorted((i.file, i.code, i.cell) for i in check_files([tmp_path]))
    assert found == [
        ("Bản Cọ_2024-05.xlsx", "superseded", ""),
        ("DS BanCo T5.xlsx", "all-rows-rejected", ""),
        ("DS BanCo T5.xlsx", "invalid-classification", "I5"),
        ("DS BanCo T5.xlsx", "invalid-household-size", "H6"),
    ]


def test_may_run_again_over_the_year_folder_keeps_may_list_not_june_saying_may(tmp_path):
    """Helper's QA: with June's files in T6 (Bản Cọ's June list, BC2 'Thoát', with 05/2024 left
    in 'Kỳ báo cáo' and a later 'Ngày lập'), running May again over the whole input counted
    June's list as Bản Cọ's newest May copy: May's poor went 2 -> 1. A copy whose folder names
    another month than its cell comes after every copy that does not: May keeps T5's list (BC1,
    BC2 poor), and the June file is said to be passed over for its folder, not for a newer
    copy."""
    folder, out = _may_run(tmp_path)
    _june(folder, "T6", "BanCo_06.xlsx", date(2024, 7, 1))
    result, _, _ = execute(folder, out, "2024-05")
    by = {h["hamlet"]: (h["status"], h["poor"]) for h in result.summary["hamlets"]}
    assert by["Bản Cọ"] == ("ok", 2)
    said = [i for i in result.issues if i.file == "T6/BanCo_06.xlsx"]
    assert [(i.code, i.variant, i.detail) for i in said] == [
        ("superseded", "other-month", "T5/BanCo_05.xlsx")
    ]
    assert said[0].message() == (
        "Tên tệp hoặc thư mục chứa tệp này ghi một tháng khác với ô 'Kỳ báo cáo', nên kỳ này đã "
        "tính bản 'T5/BanCo_05.xlsx' của xóm, không tính bản này. Nếu tệp này là danh sách của "
        "tháng khác, hãy sửa ô 'Kỳ báo cáo' cho đúng tháng đó."
    )
    # alone (no T5 copy), it is still May's list, as its cell says
    (folder / "T5" / "BanCo_05.xlsx").unlink()
    result, _, _ = execute(folder, out, "2024-05", replace=True)
    by = {h["hamlet"]: (h["status"], h["poor"]) for h in result.summary["hamlets"]}
    assert by["Bản Cọ"] == ("ok", 1)


def test_last_months_list_sent_again_under_this_months_name_is_not_to_be_corrected(tmp_path):
    """QA, session 43: Bản Cọ's head sent May's file again for June, renamed 'T6/BanCo_06.xlsx'
    (the very bytes of 'T5/BanCo_05.xlsx', counted in May). The June run told the officer to
    correct its 'Kỳ báo cáo' to 06/2024 and run again: May's households would then count as
    June's. It says the file is the same as May's list, not to correct the cell, and to ask
    for June's list; so do 'Lỗi dữ liệu', the head's feedback and `check`. May run again says
    the June copy is the same file as its list, not a list of another month to correct."""
    import shutil

    from pipeline.checkfiles import check_files
    from pipeline.output import NOTICES

    folder, out = _may_run(tmp_path)
    (folder / "T6").mkdir()
    write_roster(folder / "T6", "NaMon_06.xlsx", "Nà Mòn", 100, _rows("poor", ["NM1", "NM2"]),
                 period="2024-06")  # fmt: skip
    shutil.copy(folder / "T5" / "BanCo_05.xlsx", folder / "T6" / "BanCo_06.xlsx")
    result, written, _ = execute(folder, out, None)
    assert result.period == "2024-06"
    assert {h["hamlet"]: h["status"] for h in result.summary["hamlets"]}["Bản Cọ"] == "missing"
    assert [str(n) for n in NOTICES if "Bản Cọ" in str(n)] == [
        "Xóm Bản Cọ được tính là chưa nộp kỳ 06/2024: tệp 'T6/BanCo_06.xlsx' nằm trong thư mục "
        "kỳ 06/2024 nhưng giống hệt danh sách kỳ 05/2024 của xóm ('T5/BanCo_05.xlsx'): có lẽ xóm "
        "gửi nhầm tệp kỳ 05/2024. Đừng sửa ô 'Kỳ báo cáo' của tệp này; hãy nhờ trưởng xóm gửi "
        "danh sách kỳ 06/2024, rồi chạy lại: giamngheo run --period 2024-06"
    ]
    told = [i for i in result.issues if i.file == "T6/BanCo_06.xlsx"]
    assert [(i.code, i.cell, i.variant, i.instead) for i in told] == [
        ("period-differs-from-folder", "B4", "same-file", "T5/BanCo_05.xlsx")
    ]
    assert told[0].message() == (
        "Tệp giống hệt danh sách kỳ 05/2024 của xóm đã nhận (T5/BanCo_05.xlsx): có lẽ xóm gửi "
        "nhầm tệp kỳ 05/2024, nên tệp không được tính vào kỳ 06/2024. Đừng sửa ô 'Kỳ báo cáo' "
        "của tệp này; hãy nhờ trưởng xóm gửi danh sách kỳ 06/2024."
    )
    feedback = openpyxl.load_workbook(out / "2024-06" / "PhanHoi" / "Bản Cọ_2024-06.xlsx")
    texts = [v for row in feedback.worksheets[0].iter_rows(values_only=True) for v in row if v]
    assert (
        "Danh sách chưa được tính vào kỳ 06/2024: tệp này giống hệt danh sách kỳ 05/2024 xóm đã "
        "gửi, có lẽ gửi nhầm tệp kỳ 05/2024. Hãy gửi danh sách kỳ 06/2024."
    ) in texts
    assert (
        "Tệp giống hệt danh sách kỳ 05/2024 xóm đã gửi (T5/BanCo_05.xlsx): có lẽ xóm gửi nhầm "
        "tệp kỳ 05/2024, nên tệp không được tính vào kỳ 06/2024. Đừng sửa ô 'Kỳ báo cáo' của "
        "tệp này; hãy gửi danh sách kỳ 06/2024."
    ) in texts  # said to the head in their own words
    found = check_files([folder])
    assert [(i.code, i.variant, i.instead) for i in found if i.code.startswith("period-")] == [
        ("period-differs-from-folder", "same-file", "T5/BanCo_05.xlsx")
    ]
    # May's run's word (the same file as its list, nothing to do) is not said beside it since
    # session 46: the two contradicted
    assert [(i.file, i.variant) for i in found if i.code == "superseded"] == []
    result, _, _ = execute(folder, out, "2024-05")
    assert [(i.code, i.variant) for i in result.issues if i.file == "T6/BanCo_06.xlsx"] == [
        ("superseded", "same-file")
    ]


def test_last_months_list_sent_again_is_told_from_the_copy_kept_when_its_files_left(tmp_path):
    """Session 43: the officer moved May's files out of the input folder after May's run; Bản
    Cọ's head then sent May's file again for June ('T6/BanCo_06.xlsx', the very bytes of
    'T5/BanCo_05.xlsx', kept in 'ra/2024-05/nguon/'). With May's files gone the June run told
    the officer to correct its 'Kỳ báo cáo' to 06/2024 (counting May's households as June's).
    The copy kept when May was run tells it: said 'same-file', naming May's file."""
    import shutil

    folder, out = _may_run(tmp_path)
    (folder / "T6").mkdir()
    write_roster(folder / "T6", "NaMon_06.xlsx", "Nà Mòn", 100, _rows("poor", ["NM1", "NM2"]),
                 period="2024-06")  # fmt: skip
    shutil.copy(folder / "T5" / "BanCo_05.xlsx", folder / "T6" / "BanCo_06.xlsx")
    shutil.rmtree(folder / "T5")
    assert (out / "2024-05" / "nguon" / "T5" / "BanCo_05.xlsx").is_file()
    result, _, _ = execute(folder, out, None)
    assert result.period == "2024-06"
    told = [i for i in result.issues if i.file == "T6/BanCo_06.xlsx"]
    assert [(i.code, i.variant, i.instead) for i in told] == [
        ("period-differs-from-folder", "same-file", "T5/BanCo_05.xlsx")
    ]
    assert "Đừng sửa ô 'Kỳ báo cáo' của tệp này" in told[0].message()


def test_a_list_of_two_months_ago_sent_again_is_not_called_last_months(tmp_path):
    """Session 43: Bản Cọ's head sent May's file again for July ('T7/BanCo_2024-07.xlsx', the
    very bytes of 'T5/BanCo_05.xlsx'; June was never run). The 'same-file' texts said "có lẽ
    xóm gửi nhầm tệp tháng trước" ("last month's file") while naming May: they name the month
    instead, on screen, in 'Lỗi dữ liệu' and in the head's feedback, in English too."""
    import shutil

    from pipeline.output import NOTICES

    folder, out = _may_run(tmp_path)
    (folder / "T7").mkdir()
    write_roster(folder / "T7", "NaMon_07.xlsx", "Nà Mòn", 100, _rows("poor", ["NM1", "NM2"]),
                 period="2024-07")  # fmt: skip
    shutil.copy(folder / "T5" / "BanCo_05.xlsx", folder / "T7" / "BanCo_2024-07.xlsx")
    NOTICES.clear()
    result, _, _ = execute(folder, out, "2024-07")
    [told] = [i for i in result.issues if i.file == "T7/BanCo_2024-07.xlsx"]
    assert (told.code, told.variant, told.value, told.detail) == (
        "period-differs-from-file-name", "same-file", "05/2024", "07/2024",
    )  # fmt: skip
    assert told.message() == (
        "Tệp giống hệt danh sách kỳ 05/2024 của xóm đã nhận (T5/BanCo_05.xlsx): có lẽ xóm gửi "
        "nhầm tệp kỳ 05/2024, nên tệp không được tính vào kỳ 07/2024. Đừng sửa ô 'Kỳ báo cáo' "
        "của tệp này; hãy nhờ trưởng xóm gửi danh sách kỳ 07/2024."
    )
    assert told.message("en") == (
        "The file is the very same as the hamlet's 05/2024 list received (T5/BanCo_05.xlsx): the "
        "05/2024 file was probably sent again, so it is not counted in 07/2024. Do not correct "
        "its 'Kỳ báo cáo' cell; ask the hamlet head for the 07/2024 list."
    )
    [notice] = [n for n in NOTICES if "T7/BanCo_2024-07.xlsx" in str(n)]
    assert "có lẽ xóm gửi nhầm tệp kỳ 05/2024. Đừng sửa" in str(notice)
    assert "the 05/2024 file was probably sent again. Do not" in notice.en
    assert "tháng trước" not in str(notice) and "last month" not in notice.en
    feedback = openpyxl.load_workbook(out / "2024-07" / "PhanHoi" / "Bản Cọ_2024-07.xlsx")
    texts = [v for row in feedback.worksheets[0].iter_rows(values_only=True) for v in row if v]
    assert (
        "Danh sách chưa được tính vào kỳ 07/2024: tệp này giống hệt danh sách kỳ 05/2024 xóm đã "
        "gửi, có lẽ gửi nhầm tệp kỳ 05/2024. Hãy gửi danh sách kỳ 07/2024."
    ) in texts
    assert not [t for t in texts if "tháng trước" in str(t)]


def test_a_list_sent_again_into_a_later_months_folder_is_told_whatever_its_date(tmp_path):
    """Session 43: as above, the copy named 'T7/BanCo_07.xlsx' (no month in its name). Its
    'Ngày lập' (3 June, May's) is before July began, so no rule took it for July's list: July's
    run said nothing of it, Bản Cọ was only 'Chưa nộp'. The very bytes of May's list, sorted
    into July's folder, it is May's list sent again: said so, as a copy dated in July is, on
    'Nộp báo cáo', in the head's feedback and by `check`."""
    import shutil

    from pipeline.checkfiles import check_files

    folder, out = _may_run(tmp_path)
    (folder / "T7").mkdir()
    write_roster(folder / "T7", "NaMon_07.xlsx", "Nà Mòn", 100, _rows("poor", ["NM1", "NM2"]),
                 period="2024-07")  # fmt: skip
    shutil.copy(folder / "T5" / "BanCo_05.xlsx", folder / "T7" / "BanCo_07.xlsx")
    result, _, _ = execute(folder, out, "2024-07")
    assert [(i.code, i.variant, i.value, i.detail, i.instead) for i in result.issues
            if i.file == "T7/BanCo_07.xlsx"] == [
        ("period-differs-from-folder", "same-file", "05/2024", "07/2024", "T5/BanCo_05.xlsx"),
    ]  # fmt: skip
    assert {h["hamlet"]: h["status"] for h in result.summary["hamlets"]}["Bản Cọ"] == "missing"
    sheet = openpyxl.load_workbook(out / "2024-07" / "TongHop_2024-07.xlsx")["Nộp báo cáo"]
    row = next(r for r in sheet.iter_rows(values_only=True) if r[1] == "Bản Cọ")
    assert row[3] == "T7/BanCo_07.xlsx"
    assert (out / "2024-07" / "PhanHoi" / "Bản Cọ_2024-07.xlsx").exists()
    found = check_files([folder])
    assert [(i.code, i.variant) for i in found if i.file == "T7/BanCo_07.xlsx"
            and i.code.startswith("period-")] == [("period-differs-from-folder", "same-file")]  # fmt: skip
