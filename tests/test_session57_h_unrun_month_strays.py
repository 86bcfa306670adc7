"""Session 57 (helper H): `check` of several months' folders says the stray files of an earlier
month never run as that month's run will say them.

Session 56 (C) left another month's foreign workbook, own output, CSV and photo to its month's
run: right when that month is stored, but a month before the latest never run ('T6/' given
beside 'T7/', June not run) had its stray files silent at `check`, though June's run, still to
come, says them.

And from the officer's pass over the screen: `check input` typed where there is no 'input'
said "Không có tệp này" of the folder he named, without where it was looked for.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor (100 households);
Bản Cọ BC1-BC2 poor, BC3 near-poor (200); Đồng Kè DK1 poor, DK2 near-poor (150). Each month's
lists write the start list's households as they are, so a month's only warnings are the plan's
two targets above its start rates (tests.commune.TARGET_LINES) and what a test adds.
"""

from __future__ import annotations

from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import new_commune
from tests.test_session55_i_earlier_months import foreign_workbook, month_lists, run_month

TARGET = "plan-commune-target-above-start"


def _junes_strays(tmp_path):
    """June: Nà Mòn's and Bản Cọ's lists in 'T6/', Đồng Kè's as 'T6/DongKe.csv', an attendance
    sheet 'T6/ChamCong.xlsx' and a photo naming no hamlet 'T6/IMG_0412.jpg'. Returns (input,
    output)."""
    folder, out = new_commune(tmp_path)
    month_lists(folder, 6, ("Nà Mòn", "Bản Cọ"))
    (folder / "T6" / "DongKe.csv").write_text(
        "Mã hộ,Họ và tên chủ hộ,Phân loại hộ\nDK1,Hoàng Văn DK1,Hộ nghèo\n", encoding="utf-8"
    )
    foreign_workbook(folder / "T6" / "ChamCong.xlsx")
    (folder / "T6" / "IMG_0412.jpg").write_bytes(b"\xff\xd8\xff\xe0 a photo")
    out.mkdir()
    return folder, out


def check_said(out, *paths) -> tuple[list[str], str]:
    """`giamngheo check` of ``paths``, the history in ``out``: (file, code) of each issue line
    that is not the plan's two targets, and the last line."""
    checked = CliRunner().invoke(main, ["check", *map(str, paths), "--output", str(out)]).output
    said = [s for s in checked.splitlines() if s.startswith("[") and TARGET not in s]
    return sorted((s.split("] ")[1].split(" (")[0], s.split("(")[1].split(")")[0]) for s in said), (
        checked.splitlines()[-1]
    )


JUNE = [
    ("T6/ChamCong.xlsx", "not-a-roster"),
    ("T6/DongKe.csv", "not-a-spreadsheet"),
    ("T6/IMG_0412.jpg", "file-skipped"),
]


def test_check_of_two_months_says_a_never_run_earlier_months_stray_files(tmp_path):
    """June never run, July's three lists in 'T7/': `check input/` (July the month checked, June
    run first) says June's three stray files as June's run will (Đồng Kè sent nothing else in
    June: its CSV is its refused file, an error; the sheet and the photo warnings), and the
    plan's two warnings once, though both runs say them: "1 lỗi, 4 cảnh báo". Before: "0 lỗi, 2
    cảnh báo", nothing of June's files. June's run then says the same: 1 error, 4 warnings."""
    folder, out = _junes_strays(tmp_path)
    month_lists(folder, 7)
    said, last = check_said(out, folder)
    assert said == JUNE
    assert last.endswith(" tệp, 1 lỗi, 4 cảnh báo.")
    code, line, counts, rows = run_month(folder, out, "2024-06")
    assert (counts["errors"], counts["warnings"], counts["files_skipped"]) == (1, 4, 2)
    assert sorted(file for file, code in rows if code != TARGET) == [f for f, _ in JUNE]


def test_once_june_is_run_its_stray_files_are_left_to_it(tmp_path):
    """Guard: June run (it said its three files), then July's lists added: `check input/` says
    none of June's files again, "0 lỗi, 2 cảnh báo", as July's run (0 errors, 2 warnings)."""
    folder, out = _junes_strays(tmp_path)
    run_month(folder, out, "2024-06")
    month_lists(folder, 7)
    said, last = check_said(out, folder)
    assert said == []
    assert last.endswith(" tệp, 0 lỗi, 2 cảnh báo.")
    code, line, counts, rows = run_month(folder, out, "2024-07")
    assert (counts["errors"], counts["warnings"], counts["files_skipped"]) == (0, 2, 0)


def test_a_csv_of_a_hamlet_that_sent_its_june_list_is_a_file_skipped(tmp_path):
    """June never run, Đồng Kè's June list given too beside its CSV: June's run counts the list
    and warns the CSV skipped (file-skipped), as `check` of both months now says (before:
    silent)."""
    folder, out = _junes_strays(tmp_path)
    month_lists(folder, 6, ("Đồng Kè",))
    month_lists(folder, 7)
    said, last = check_said(out, folder)
    assert said == [JUNE[0], ("T6/DongKe.csv", "file-skipped"), JUNE[2]]
    assert last.endswith(" tệp, 0 lỗi, 5 cảnh báo.")


def test_check_of_a_folder_not_there_says_file_or_folder_and_its_full_path(tmp_path, monkeypatch):
    """The officer types `giamngheo check input` in a folder holding no 'input' (a new command
    window opens in his home folder): the line said "Không có tệp này. Hãy kiểm tra lại tên
    tệp và thư mục." of the folder he named, nothing telling him where it was looked for. It
    says "tệp hay thư mục" and the full path, as a run says its input folder missing."""
    monkeypatch.chdir(tmp_path)
    checked = CliRunner().invoke(main, ["check", "input", "--output", str(tmp_path)]).output
    assert checked.splitlines() == [
        "[LỖI] input (file-not-found): Không có tệp hay thư mục này (đường dẫn đầy đủ: "
        f"{tmp_path / 'input'}). Hãy kiểm tra lại tên và đường dẫn, rồi chạy lại lệnh check.",
        "1 tệp, 1 lỗi, 0 cảnh báo.",
    ]


def test_a_web_page_in_a_never_run_months_folder_is_said_as_its_hamlets_refused_file(tmp_path):
    """June never run: Nà Mòn's and Đồng Kè's lists and a web page saved as 'T6/BanCo.xlsx'
    (tests.test_session49_shifted_marks.PAGE); July's two lists, Bản Cọ silent. June's run
    refuses Bản Cọ for the page (file-unreadable, 1 error, no not-a-roster line: session 49);
    `check input/` says so, "1 lỗi, 2 cảnh báo" (before: "0 lỗi, 2 cảnh báo", the page left to
    June)."""
    from tests.test_session49_shifted_marks import PAGE

    folder, out = new_commune(tmp_path)
    out.mkdir()
    month_lists(folder, 6, ("Nà Mòn", "Đồng Kè"))
    (folder / "T6" / "BanCo.xlsx").write_text(PAGE, encoding="utf-8")
    month_lists(folder, 7, ("Nà Mòn", "Đồng Kè"))
    said, last = check_said(out, folder)
    assert said == [("T6/BanCo.xlsx", "file-unreadable")]
    assert last.endswith(" tệp, 1 lỗi, 2 cảnh báo.")
