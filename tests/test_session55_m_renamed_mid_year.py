"""Session 55, M: a hamlet renamed mid-year, then an earlier month run again (review R6's Left).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor (100 households);
Bản Cọ BC1-BC2 poor, BC3 near-poor (200); Đồng Kè DK1 poor, DK2 near-poor (150). Each month's
lists write the start list's households as they are ('T<month>/NaMon.xlsx', …), so a month's
only warnings are the plan's two targets above its start rates.

* March run again, twice, after May's plan renamed Đồng Kè 'Đồng Kè Mới' (March's list
  corrected to the new name as the first run again told): April, stored under the old name,
  ran under the older plan, not a newer one; the second run says nothing of plans.
"""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.consolidate import month_of_file
from tests.commune import new_commune, write_renamed_plan, write_roster
from tests.test_session24_other_files import other_rows
from tests.test_session38_oracle import dk_rows
from tests.test_session55_i_earlier_months import month_lists, run_month


def _run(folder, out, period: str) -> list[str]:
    """`giamngheo run` of ``period``: the screen's 'CHÚ Ý:' lines, without the word."""
    ran = CliRunner().invoke(
        main, ["run", "--input", str(folder), "--output", str(out), "--period", period]
    )
    assert ran.exit_code == 0, ran.output
    return [s.removeprefix("CHÚ Ý: ") for s in ran.output.splitlines() if s.startswith("CHÚ Ý:")]


def _renamed_in_may(tmp_path):
    """March and April under the first plan (Đồng Kè), May under the plan renaming it 'Đồng Kè
    Mới' (May's run rewrites the kept start list under the new name); March's list of Đồng Kè
    then corrected to the new name, as a run again of March tells."""
    folder, out = new_commune(tmp_path)
    for month in (3, 4):
        month_lists(folder, month)
        _run(folder, out, f"2024-{month:02d}")
    write_renamed_plan(folder, {"Đồng Kè": "Đồng Kè Mới"})
    month_lists(folder, 5, ("Nà Mòn", "Bản Cọ"))
    write_roster(folder / "T5", "DongKeMoi.xlsx", "Đồng Kè Mới", 150, dk_rows(), "2024-05",
                 date(2024, 6, 1))  # fmt: skip
    _run(folder, out, "2024-05")
    (folder / "T3" / "DongKe.xlsx").unlink()
    write_roster(folder / "T3", "DongKe.xlsx", "Đồng Kè Mới", 150, dk_rows(), "2024-03",
                 date(2024, 4, 1))  # fmt: skip
    return folder, out


def test_an_earlier_month_run_again_after_a_rename_is_not_said_older_than_the_later_months(
    tmp_path,
):
    """March run again (its list under 'Đồng Kè Mới' now): the hamlet's figures stored under
    the new name, April to run again (its list still 'Đồng Kè'). March run again a second time,
    nothing changed: no 'CHÚ Ý' about plans, none at all (its figures as the last run's, the
    start list kept already the plan's). Before, the second run said "Kỳ 03/2024 vừa được
    tính theo kế hoạch cũ hơn kế hoạch đã dùng cho kỳ 04/2024 (kế hoạch đó không còn xóm Đồng
    Kè Mới) …, hãy đặt tệp kế hoạch mới trở lại …", April's plan being the older one, and left
    the start list kept unchecked."""
    folder, out = _renamed_in_may(tmp_path)
    first = _run(folder, out, "2024-03")
    assert any(line.startswith("Kỳ 03/2024 đã được tổng hợp trước khi kế hoạch") for line in first)
    assert any(line.startswith("Các kỳ sau (04/2024, 05/2024)") for line in first)
    assert not [line for line in first if "kế hoạch cũ hơn" in line]
    assert _run(folder, out, "2024-03") == []


FORMER = (
    "[LỖI] {file}, Thông tin, B3 (unknown-hamlet): Ô 'Xóm' ghi 'Đồng Kè', là tên cũ của xóm "
    "'Đồng Kè Mới' (tên trong kế hoạch từ kỳ 05/2024), nên danh sách chưa được tính. Hãy sửa ô "
    "'Xóm' thành 'Đồng Kè Mới' đúng như trong kế hoạch rồi gửi lại."
)


def test_check_after_a_rename_says_the_month_of_the_rename_for_earlier_months_lists(tmp_path):
    """March and April run under the first plan, May under the plan renaming Đồng Kè 'Đồng Kè
    Mới'; February's list of Đồng Kè, never run, sits in 'T2/'. `check` of the input: the three
    earlier lists still writing 'Đồng Kè' (T2, T3, T4) are each said the hamlet's former name,
    'Đồng Kè Mới' the plan's name "từ kỳ 05/2024" (May, the first month stored under it), as a
    run again of their month refuses them till corrected. Before: 'T2/DongKe.xlsx' and
    'T3/DongKe.xlsx' (no month before theirs named it) the plain words ("không có trong kế
    hoạch của xã … Các mã hộ … là của xóm Đồng Kè Mới …"), 'T4/DongKe.xlsx' "từ kỳ 04/2024"
    (its own month: the first month under the name was looked for before it only)."""
    folder, out = new_commune(tmp_path)
    for month in (3, 4):
        month_lists(folder, month)
        _run(folder, out, f"2024-{month:02d}")
    write_renamed_plan(folder, {"Đồng Kè": "Đồng Kè Mới"})
    month_lists(folder, 5, ("Nà Mòn", "Bản Cọ"))
    write_roster(folder / "T5", "DongKeMoi.xlsx", "Đồng Kè Mới", 150, dk_rows(), "2024-05",
                 date(2024, 6, 1))  # fmt: skip
    _run(folder, out, "2024-05")
    month_lists(folder, 2, ("Đồng Kè",))
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    errors = [s for s in checked.splitlines() if s.startswith("[LỖI]")]
    assert errors == [FORMER.format(file=f"T{m}/DongKe.xlsx") for m in (2, 3, 4)]


def test_the_month_folder_a_file_sits_in_is_its_month_at_every_run():
    """A file in a month's folder is that month's whatever its name says, at a later month's
    run as at that month's own (the officer sorted it there): 'T6/Đồng Kè tháng 4.jpg' and
    'T6/IMG_2024-04.jpg' are June's at June's run (None: this month's) and at July's
    ('2024-06'). Before, July read the name first: April's. A file at the top: its name's."""
    assert month_of_file("T6/Đồng Kè tháng 4.jpg", "2024-06") is None
    assert month_of_file("T6/Đồng Kè tháng 4.jpg", "2024-07") == "2024-06"
    assert month_of_file("T6/IMG_2024-04.jpg", "2024-06") is None
    assert month_of_file("T6/IMG_2024-04.jpg", "2024-07") == "2024-06"
    assert month_of_file("Đồng Kè tháng 4.jpg", "2024-07") == "2024-04"
    assert month_of_file("IMG_2024-04.jpg", "2024-07") == "2024-04"


def test_a_photo_in_junes_folder_named_for_april_is_junes_refused_file_in_july(tmp_path):
    """June: Nà Mòn's and Bản Cọ's lists in 'T6/', Đồng Kè a photo 'T6/Đồng Kè tháng 4.jpg'
    (June's folder: its refused file, not-a-spreadsheet, 1 error). July: the three lists in
    'T7/'. July's 'Nộp báo cáo' says the photo "Khác kỳ (tháng 6/2024): kỳ đó đã từ chối"
    under Đồng Kè, as June had it. Before: "Khác kỳ (tháng 4/2024): kỳ đó chưa được tổng
    hợp" (its name read first), a month that never saw it."""
    folder, out = new_commune(tmp_path)
    month_lists(folder, 6, ("Nà Mòn", "Bản Cọ"))
    photo = folder / "T6" / "Đồng Kè tháng 4.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    code, line, counts, rows = run_month(folder, out, "2024-06")
    assert counts["errors"] == 1
    assert ("T6/Đồng Kè tháng 4.jpg", "not-a-spreadsheet") in rows
    month_lists(folder, 7)
    code, line, counts, rows = run_month(folder, out, "2024-07")
    assert (counts["errors"], counts["files_skipped"]) == (0, 0)
    told = [r[1:4] for r in other_rows(out / "2024-07" / "TongHop_2024-07.xlsx")]
    assert [r for r in told if r[2].endswith(".jpg")] == [
        ("Đồng Kè", "Khác kỳ (tháng 6/2024): kỳ đó đã từ chối", "T6/Đồng Kè tháng 4.jpg")
    ]


def test_a_damaged_file_in_mays_folder_named_for_april_stays_mays_at_junes_run(tmp_path):
    """Session 43's file: Bản Cọ's May list in 'T5/' named 'DS_BanCo_2024-04.xlsx', cut short
    (May's run: Bản Cọ's refused file of May, its folder). June's run, June's lists in 'T6/':
    the file is May's, "Khác kỳ (tháng 5/2024)" ('other_period', ``name_period`` '2024-05'),
    not a refusal of June. Before: April's (its name read), a month that never had it."""
    from pipeline.run import collect
    from tests.commune import write_plan
    from tests.messy import ban_co_households

    write_plan(tmp_path)
    may = tmp_path / "T5"
    may.mkdir()
    whole = write_roster(may, "full.xlsx", "Bản Cọ", 200, ban_co_households())
    data = whole.read_bytes()
    whole.unlink()
    (may / "DS_BanCo_2024-04.xlsx").write_bytes(data[: len(data) // 2])
    month_lists(tmp_path, 6)
    result, _ = collect(tmp_path, "2024-06", workers=0)
    [sub] = [s for s in result.submissions if s.file == "T5/DS_BanCo_2024-04.xlsx"]
    assert (sub.status, sub.extra.get("name_period")) == ("other_period", "2024-05")
    assert [i for i in result.issues if i.file == sub.file] == []
