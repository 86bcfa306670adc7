"""Session 56 (helper C): the month words session 55 left.

1. `giamngheo check` of several months' folders warned `not-a-roster` and `own-output` of every
   such file given, whatever its month; a run warns it in its own month only (session 55, I
   and K). `check` now takes the month rule of the run (consolidate.month_of_file: the folder
   decides, else the name) for the files found in a folder given; a file given by itself is
   said whatever its month.
2. A list refused for a hamlet merged since into the hamlet its codes are (`unknown-hamlet`
   'joined') was said merged "trong kế hoạch từ kỳ" its own month when no stored month
   between the last naming the old hamlet and the list's lacked it (renames._joined_since
   looked before the list's month only), and a list of a month no earlier stored month named
   the hamlet in got the plain words. Now the first stored month after without the old name,
   whichever side of the list's month, as session 55 (M) did for a rename.
3. 'Biến động''s month table beside hamlets whose tables start from different months (one
   compared with an earlier list than last month's) is a sum of tables of different spans:
   a note under it says so, naming which hamlets' tables start from which month.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor (100 households);
Bản Cọ BC1-BC2 poor, BC3 near-poor (200); Đồng Kè DK1 poor, DK2 near-poor (150). Each month's
lists write the start list's households as they are, so a month's only warnings are the
plan's two targets above its start rates (tests.commune.TARGET_LINES) and what a test adds.
"""

from __future__ import annotations

import json
import shutil
from datetime import date

import openpyxl
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import new_commune, person, write_merged_plan, write_roster
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows, run_lists
from tests.test_session55_i_earlier_months import foreign_workbook, month_lists, run_month

TARGET = "plan-commune-target-above-start"


def _check(out, *paths) -> tuple[list[str], str]:
    """`giamngheo check` of ``paths``, the history in ``out``: its issue lines, its last line."""
    checked = CliRunner().invoke(main, ["check", *map(str, paths), "--output", str(out)]).output
    return [s for s in checked.splitlines() if s.startswith("[")], checked.splitlines()[-1]


@pytest.fixture
def two_months(tmp_path):
    """June's three lists and an attendance sheet in 'T6/', run; June's consolidated workbook
    copied to the input's top as 'TongHop_2024-06.xlsx'; July's three lists in 'T7/'. Returns
    (input, output)."""
    folder, out = new_commune(tmp_path)
    month_lists(folder, 6)
    foreign_workbook(folder / "T6" / "ChamCong.xlsx")
    code, line, counts, rows = run_month(folder, out, "2024-06")
    assert (counts["errors"], counts["warnings"], counts["files_skipped"]) == (0, 3, 1)
    shutil.copy(out / "2024-06" / "TongHop_2024-06.xlsx", folder / "TongHop_2024-06.xlsx")
    month_lists(folder, 7)
    return folder, out


def test_check_of_two_months_leaves_junes_foreign_workbook_and_output_to_june(two_months):
    """`check input/` (July the month checked): the plan's two warnings only, "0 lỗi, 2 cảnh
    báo", as July's run says (0 errors, 2 warnings, 0 files skipped). Before: also
    "T6/ChamCong.xlsx (not-a-roster)" and "TongHop_2024-06.xlsx (own-output)", 4 warnings."""
    folder, out = two_months
    said, last = _check(out, folder)
    assert len(said) == 2 and all(TARGET in s for s in said)
    assert last.endswith(" tệp, 0 lỗi, 2 cảnh báo.")
    code, line, counts, rows = run_month(folder, out, "2024-07")
    assert (counts["errors"], counts["warnings"], counts["files_skipped"]) == (0, 2, 0)


def test_check_of_two_months_folders_given_apart_leaves_junes_sheet_to_june(two_months):
    """`check input/T6 input/T7 input/KeHoach_2024.xlsx` (named from 'input', as a run of it names them): July
    checked, 'T6/ChamCong.xlsx' June's: the plan's two warnings only (the workbook at the
    input's top not given). Before: 3 warnings, ChamCong's not-a-roster among them."""
    folder, out = two_months
    said, last = _check(out, folder / "T6", folder / "T7", folder / "KeHoach_2024.xlsx")
    assert len(said) == 2 and all(TARGET in s for s in said)
    assert last.endswith(" tệp, 0 lỗi, 2 cảnh báo.")


def test_check_of_one_month_says_its_own_foreign_workbook(two_months):
    """`check input/T6` (June checked): its sheet is June's, said as June's run says it, 3
    warnings (the plan's two and "ChamCong.xlsx (not-a-roster)")."""
    folder, out = two_months
    said, last = _check(out, folder / "T6", folder / "KeHoach_2024.xlsx")
    assert [s for s in said if TARGET not in s][0].startswith(
        "[Cảnh báo] ChamCong.xlsx (not-a-roster)"
    )
    assert last.endswith(" tệp, 0 lỗi, 3 cảnh báo.")


def test_a_file_given_by_itself_is_said_whatever_its_month(two_months):
    """Guard: June's workbook and June's sheet named on the command line beside July's folder
    (`check input/T7 input/TongHop_2024-06.xlsx input/T6/ChamCong.xlsx`): the officer asks
    about those very files, each said (4 warnings: the plan's two, own-output, not-a-roster),
    though 'TongHop_2024-06.xlsx' names June: said as before."""
    folder, out = two_months
    said, last = _check(
        out,
        folder / "T7",
        folder / "KeHoach_2024.xlsx",
        folder / "TongHop_2024-06.xlsx",
        folder / "T6" / "ChamCong.xlsx",
    )
    codes = sorted(s.split("(")[1].split(")")[0] for s in said if TARGET not in s)
    assert codes == ["not-a-roster", "own-output"]
    assert last.endswith(" tệp, 0 lỗi, 4 cảnh báo.")


def test_a_foreign_workbook_naming_no_month_is_said_at_every_check(two_months):
    """Guard: an attendance sheet at the input's top, 'ChamCong.xlsx', no month in its name or
    folder: `check input/` says it, as every month's run warns it (3 warnings)."""
    folder, out = two_months
    foreign_workbook(folder / "ChamCong.xlsx")
    said, last = _check(out, folder)
    assert [s.split(" (")[0] for s in said if TARGET not in s] == ["[Cảnh báo] ChamCong.xlsx"]
    assert last.endswith(" tệp, 0 lỗi, 3 cảnh báo.")


JOINED = (
    "[LỖI] {file}, Thông tin, B3 (unknown-hamlet): Ô 'Xóm' ghi 'Bản Cọ': xóm 'Bản Cọ' đã sáp "
    "nhập vào xóm 'Nà Mòn' (trong kế hoạch từ kỳ 05/2024), nên danh sách riêng này chưa được "
    "tính, và xóm 'Nà Mòn' chưa gửi danh sách kỳ này."
)


def test_check_after_a_merger_says_the_month_of_the_merger_for_earlier_months_lists(tmp_path):
    """March run with the three lists, April with Bản Cọ's and Đồng Kè's (Nà Mòn silent), May
    under the plan merging Bản Cọ into Nà Mòn (tests.commune.write_merged_plan: Nà Mòn's one
    list of NM1-NM5 and BC1-BC3, 300 households); February's list of Bản Cọ, never run, in
    'T2/'. `check` of the input: 'T4/BanCo.xlsx' and 'T2/BanCo.xlsx' (their codes Nà Mòn's on
    the start list, Nà Mòn sending no list of their months) are said merged into Nà Mòn "trong
    kế hoạch từ kỳ 05/2024", May the first month stored without Bản Cọ. Before: April's "từ kỳ
    04/2024" (its own month: no stored month between March and April lacked Bản Cọ), and
    February's the plain words ("không có trong kế hoạch của xã … hãy sửa ô 'Xóm' thành 'Nà
    Mòn'"), no stored month before February naming Bản Cọ. (March's list, Nà Mòn's own March
    list beside it, has the 'sent' words, no month: unchanged.)"""
    folder, out = new_commune(tmp_path)
    month_lists(folder, 3)
    run_month(folder, out, "2024-03")
    month_lists(folder, 4, ("Bản Cọ", "Đồng Kè"))
    run_month(folder, out, "2024-04")
    write_merged_plan(folder)
    (folder / "T5").mkdir()
    ban_co = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder / "T5", "NaMon.xlsx", "Nà Mòn", 300, na_mon_rows() + ban_co, "2024-05",
                 date(2024, 6, 1))  # fmt: skip
    month_lists(folder, 5, ("Đồng Kè",))
    code, line, counts, rows = run_month(folder, out, "2024-05")
    assert counts["errors"] == 0
    month_lists(folder, 2, ("Bản Cọ",))
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    errors = {s.split(",")[0]: s for s in checked.splitlines() if s.startswith("[LỖI]")}
    assert sorted(errors) == ["[LỖI] T2/BanCo.xlsx", "[LỖI] T3/BanCo.xlsx", "[LỖI] T4/BanCo.xlsx"]
    for month in (4, 2):
        said = errors[f"[LỖI] T{month}/BanCo.xlsx"]
        assert said.startswith(JOINED.format(file=f"T{month}/BanCo.xlsx")), said
    assert "từ kỳ" not in errors["[LỖI] T3/BanCo.xlsx"]


SPANS = "Dòng Tổng cộng là tổng số liệu của các xóm, tính từ các mốc khác nhau"


def _month_notes(out, period: str) -> list[str]:
    """The notes under 'Biến động''s month table (section II), before the household list."""
    book = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")
    texts = [r[0] for r in book["Biến động"].iter_rows(values_only=True) if isinstance(r[0], str)]
    start = next(i for i, text in enumerate(texts) if text.startswith("II. "))
    end = next(i for i, text in enumerate(texts) if text.startswith("DANH SÁCH HỘ CÓ BIẾN ĐỘNG"))
    return [text for text in texts[start:end] if text.startswith(("(*)", "Dòng Tổng cộng"))]


def test_the_month_table_of_hamlets_compared_from_different_months_says_its_total_spans_them(
    tmp_path,
):
    """Session 55's case (N, 'dropped'): Đồng Kè's lists refused in February and March (DK2
    counted on Bản Cọ's February list, left off its March list), April's three lists counted,
    DK2 on Nà Mòn's. April's month table: Nà Mòn's and Bản Cọ's beside March's lists, Đồng
    Kè's beside its start list (its latest accepted list): under the table, after the '(*)'
    note naming Đồng Kè's list, "Dòng Tổng cộng là tổng số liệu của các xóm, tính từ các mốc
    khác nhau: xóm Đồng Kè từ danh sách đầu năm, các xóm còn lại từ tháng 3/2024. Hộ chuyển xóm
    trong khoảng đó có thể chỉ tính ở một bên (chuyển đi hoặc chuyển đến)." (the total's
    near-poor moved out 1, moved in 0). March's month table (Nà Mòn's and Bản Cọ's beside
    February's lists, Đồng Kè refused: no table) starts from one month: no such note. The
    JSON's month tables as session 55 worked them out, the note adding nothing to them."""
    folder, out = new_commune(tmp_path)
    dk_refused = [person("DK1", "poor"), person("DK2", "near_poor")]
    dk2 = person("DK2", "near_poor")
    feb = {"Nà Mòn": na_mon_rows(), "Bản Cọ": [*bc_rows(), dk2], "Đồng Kè": dk_refused}
    run_lists(folder, out, "2024-02", feb, refused=("Đồng Kè",))
    march = {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_refused}
    run_lists(folder, out, "2024-03", march, refused=("Đồng Kè",))
    april = {"Nà Mòn": na_mon_rows(dk2), "Bản Cọ": bc_rows(), "Đồng Kè": [person("DK1", "poor")]}
    run_lists(folder, out, "2024-04", april)
    assert _month_notes(out, "2024-04") == [
        "(*) So với danh sách trước đó của xóm: Đồng Kè (danh sách đầu năm) — xóm không có danh "
        "sách được chấp nhận của tháng 3/2024 (chưa nộp hoặc bị từ chối).",
        f"{SPANS}: xóm Đồng Kè từ danh sách đầu năm, các xóm còn lại từ tháng 3/2024. Hộ chuyển "
        "xóm trong khoảng đó có thể chỉ tính ở một bên (chuyển đi hoặc chuyển đến).",
    ]
    assert _month_notes(out, "2024-03") == []
    summary = json.loads((out / "2024-04" / "TongHop_2024-04.json").read_text("utf-8"))
    near = summary["totals"]["movements_month"]["near_poor"]
    assert (near["start"], near["moved_in"], near["moved_out"], near["end"]) == (4, 0, 1, 4)


def test_hamlets_silent_last_month_name_the_month_their_tables_start_from(tmp_path):
    """February: the three lists; March: Nà Mòn's alone (Bản Cọ and Đồng Kè silent); April:
    the three. April's month table: Nà Mòn's beside March's list, Bản Cọ's and Đồng Kè's beside
    February's: "… xóm Bản Cọ, Đồng Kè từ tháng 2/2024, các xóm còn lại từ tháng 3/2024. …"
    (fails before: no such note). Guard: March (Nà Mòn's table alone, beside February's): none."""
    folder, out = new_commune(tmp_path)
    three = {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()}
    run_lists(folder, out, "2024-02", three)
    run_lists(folder, out, "2024-03", {"Nà Mòn": na_mon_rows()})
    run_lists(folder, out, "2024-04", three)
    notes = _month_notes(out, "2024-04")
    assert notes[-1] == (
        f"{SPANS}: xóm Bản Cọ, Đồng Kè từ tháng 2/2024, các xóm còn lại từ tháng 3/2024. Hộ "
        "chuyển xóm trong khoảng đó có thể chỉ tính ở một bên (chuyển đi hoặc chuyển đến)."
    )
    assert [n for n in notes if n.startswith(SPANS)] == notes[-1:]
    assert _month_notes(out, "2024-03") == []


def test_the_month_note_in_english_names_a_hamlet_beside_its_start_list(tmp_path):
    """Session 56's review (R4): January's lists of Nà Mòn and Bản Cọ (Đồng Kè silent), then
    February's three in English (`--lang en`). February's month table: Nà Mòn's and Bản Cọ's
    beside January's lists, Đồng Kè's beside the start list (no list of the year before):
    "The Total row adds up the hamlets' figures, counted from different lists: Đồng Kè from the
    start-of-year list, the other hamlets from 1/2024. …" (fails before: "adds up hamlet tables
    counted from different months", where one of them is no month but the start list)."""
    from pipeline.run import execute

    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-01", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows()})
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    three = {
        "Nà Mòn": (100, na_mon_rows()),
        "Bản Cọ": (200, bc_rows()),
        "Đồng Kè": (150, dk_rows()),
    }
    for n, (hamlet, (total, rows)) in enumerate(three.items()):
        write_roster(folder, f"DS_{n}.xlsx", hamlet, total, rows, "2024-02", date(2024, 3, 3))
    execute(folder, out, "2024-02", lang="en")
    book = openpyxl.load_workbook(out / "2024-02" / "TongHop_2024-02.xlsx")
    texts = [r[0] for r in book["Biến động"].iter_rows(values_only=True) if isinstance(r[0], str)]
    assert [text for text in texts if text.startswith("The Total row")] == [
        "The Total row adds up the hamlets' figures, counted from different lists: Đồng Kè from "
        "the start-of-year list, the other hamlets from 1/2024. A household moving between "
        "hamlets in that time may count on one side only (moved out or moved in)."
    ]


@pytest.mark.parametrize("april", ["silent", "refused"])
def test_a_month_ban_co_sent_no_counted_list_in_is_not_taken_for_the_merger(tmp_path, april):
    """Session 56's review (R4) of `renames._joined_since`: the merger month is the first stored
    month after the last naming Bản Cọ whose summary lacks it. March run with the three lists;
    April with Bản Cọ's list left out ('silent') or refused whole (its household total 1,
    'refused'); May under the plan merging Bản Cọ into Nà Mòn; February's list of Bản Cọ,
    never run, in 'T2/'. April's summary still names Bản Cọ (status 'missing' or 'rejected':
    every plan hamlet has its row), so `check` says February's list merged "trong kế hoạch từ
    kỳ 05/2024", not 04/2024. (Guard: it fails if a month a hamlet sent no counted list in is
    read as a month without it.)"""
    folder, out = new_commune(tmp_path)
    month_lists(folder, 3)
    run_month(folder, out, "2024-03")
    if april == "silent":
        month_lists(folder, 4, ("Nà Mòn", "Đồng Kè"))
    else:
        month_lists(folder, 4)
        ban_co = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
        write_roster(folder / "T4", "BanCo.xlsx", "Bản Cọ", 1, ban_co, "2024-04", date(2024, 5, 1))
    code, line, counts, rows = run_month(folder, out, "2024-04")
    assert counts["errors"] == (1 if april == "refused" else 0)
    write_merged_plan(folder)
    (folder / "T5").mkdir()
    ban_co = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder / "T5", "NaMon.xlsx", "Nà Mòn", 300, na_mon_rows() + ban_co, "2024-05",
                 date(2024, 6, 1))  # fmt: skip
    month_lists(folder, 5, ("Đồng Kè",))
    run_month(folder, out, "2024-05")
    month_lists(folder, 2, ("Bản Cọ",))
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    errors = {s.split(",")[0]: s for s in checked.splitlines() if s.startswith("[LỖI]")}
    said = errors["[LỖI] T2/BanCo.xlsx"]
    assert said.startswith(JOINED.format(file="T2/BanCo.xlsx")), said
