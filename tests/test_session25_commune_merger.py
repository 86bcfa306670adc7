"""Session 25, the commune merger of 1 July 2025 (black-box QA of a new plan in the middle of the
year).

Trung Lương (Nà Mòn, Bản Cọ) is consolidated January to June 2025 with its own plan; from July
it is part of Định Hóa, whose 2025 plan (saved later, kept beside the old one) adds Khuôn Tát.
Figures worked out by hand:

* old plan, Trung Lương: Nà Mòn 100 households, 3 poor (NM1-NM3), 2 near-poor (NM4, NM5);
  Bản Cọ 200, 2 poor (BC1, BC2), 1 near-poor (BC3); targets 0.5 and 0.3 points.
* new plan, Định Hóa: the same two hamlets plus Khuôn Tát 120, 4 poor (KT1-KT4), 3 near-poor
  (KT5-KT7); targets 1.0 and 0.5 points.
* June: NM1, NM2 poor, NM3 'Thoát', NM4, NM5 near-poor; BC1, BC2 poor, BC3 near-poor: 4 poor
  of 300 households (1.3333 %), 5 at the start (1.6667 %).
* July: the same in Nà Mòn (its head still writes 'Trung Lương') and Bản Cọ; Khuôn Tát KT1-KT3
  poor, KT4 'Thoát', KT5-KT7 near-poor: 7 poor of 420 (1.6667 %), 9 at the start (2.1429 %).
"""

from __future__ import annotations

import os
from datetime import date

import openpyxl

from pipeline.run import execute
from pipeline.template import write_plan_workbook, write_roster_workbook
from tests.commune import PLAN_INFO, person

KEYS = ("hamlet", "start_households", "start_poor", "start_near_poor", "poor_target",
        "near_poor_target")  # fmt: skip
OLD = [("Nà Mòn", 100, 3, 2, 1, 1), ("Bản Cọ", 200, 2, 1, 1, 1)]
NEW = [*OLD, ("Khuôn Tát", 120, 4, 3, 2, 1)]
CODES = {"Nà Mòn": "NM", "Bản Cọ": "BC", "Khuôn Tát": "KT"}


def _start(hamlets) -> list[dict]:
    rows = []
    for hamlet, _, poor, near, _, _ in hamlets:
        code = CODES[hamlet]
        rows += [dict(person(f"{code}{i}", "poor"), hamlet=hamlet) for i in range(1, poor + 1)]
        rows += [dict(person(f"{code}{i}", "near_poor"), hamlet=hamlet)
                 for i in range(poor + 1, poor + near + 1)]  # fmt: skip
    return rows


def write_merger_plan(path, commune, hamlets, targets, mtime, year=2025):
    info = {**PLAN_INFO, "commune": commune, "plan_year": year, "poor_target": targets[0],
            "near_poor_target": targets[1]}  # fmt: skip
    write_plan_workbook(path, info, [dict(zip(KEYS, h, strict=True)) for h in hamlets],
                        _start(hamlets))  # fmt: skip
    os.utime(path, (mtime, mtime))


def roster(folder, hamlet, total, rows, month, commune, year=2025):
    for stt, row in enumerate(rows, start=1):
        row["stt"] = stt
    info = {"commune": commune, "hamlet": hamlet, "period": f"{year}-{month:02d}",
            "total_households": total, "preparer": "Lường Thị Mai",
            "prepared_on": date(year, month, 25)}  # fmt: skip
    write_roster_workbook(folder / f"{CODES[hamlet]}_{year}-{month:02d}.xlsx", info, rows)


def write_merger_month(folder, month, old_name_in_na_mon=True, year=2025):
    merged = (year, month) >= (2025, 7)
    new = "Định Hóa" if merged else "Trung Lương"
    nm = [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "exited"),
          person("NM4", "near_poor"), person("NM5", "near_poor")]  # fmt: skip
    roster(folder, "Nà Mòn", 100, nm, month, "Trung Lương" if old_name_in_na_mon else new, year)
    bc = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    roster(folder, "Bản Cọ", 200, bc, month, new, year)
    if merged:
        kt = [person("KT1", "poor"), person("KT2", "poor"), person("KT3", "poor"),
              person("KT4", "exited"), person("KT5", "near_poor"), person("KT6", "near_poor"),
              person("KT7", "near_poor")]  # fmt: skip
        roster(folder, "Khuôn Tát", 120, kt, month, "Phú Đình", year)


def old_commune_month(tmp_path, month: int):
    """The input folder with Trung Lương's 2025 plan alone and its lists of ``month``, run into
    the output folder: (folder, output folder, the run's result)."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_merger_plan(folder / "KeHoach_2025.xlsx", "Trung Lương", OLD, (0.5, 0.3), 1_750_000_000)
    write_merger_month(folder, month)
    out = tmp_path / "output"
    result, _, _ = execute(folder, out, f"2025-{month:02d}")
    return folder, out, result


def merger(tmp_path):
    """June consolidated with the old plan alone; then the new plan and July's lists arrive."""
    folder, out, june = old_commune_month(tmp_path, 6)
    write_merger_plan(
        folder / "KeHoach_2025_DinhHoa.xlsx", "Định Hóa", NEW, (1.0, 0.5), 1_751_500_000
    )
    write_merger_month(folder, 7)
    return folder, out, june


def _plan_said(result):
    return [(i.file, i.detail, i.variant, i.value) for i in result.issues
            if i.code == "plan-duplicate"]  # fmt: skip


def test_a_month_consolidated_before_the_merger_is_rerun_with_its_own_plan(tmp_path):
    folder, out, june = merger(tmp_path)
    assert june.summary["commune"] == "Trung Lương"
    july, _, _ = execute(folder, out, "2025-07")
    assert july.summary["commune"] == "Định Hóa"
    t = july.summary["totals"]
    assert (t["households"], t["poor"], t["start_poor"], t["poor_target"]) == (420, 7, 9, 1.0)
    assert abs(t["poor_rate_reduction"] - (9 / 420 - 7 / 420) * 100) < 1e-9
    assert _plan_said(july) == [
        ("KeHoach_2025.xlsx", "KeHoach_2025_DinhHoa.xlsx", "commune", "Trung Lương")
    ]
    # a late correction to June: re-run with the old commune's plan, not the newest file
    again, _, _ = execute(folder, out, "2025-06")
    assert again.summary["commune"] == "Trung Lương"
    t = again.summary["totals"]
    assert (t["households"], t["poor"], t["start_poor"], t["poor_target"]) == (300, 4, 5, 0.5)
    assert t["near_poor_target"] == 0.3
    assert [h["hamlet"] for h in again.summary["hamlets"]] == ["Nà Mòn", "Bản Cọ"]
    assert again.summary["complete"] is True
    assert not [i for i in again.issues if i.code == "commune-mismatch"]
    [said] = [i for i in again.issues if i.code == "plan-duplicate"]
    assert (said.file, said.detail, said.variant) == (
        "KeHoach_2025_DinhHoa.xlsx",
        "KeHoach_2025.xlsx",
        "commune",
    )
    assert said.message("vi") == (
        "Có hai tệp kế hoạch cùng năm của hai xã khác nhau (như khi sáp nhập xã): tệp đã dùng là "
        "kế hoạch của xã 'Trung Lương' (kỳ tháng 6/2025 đã được tổng hợp theo xã 'Trung Lương' "
        "nên dùng lại kế hoạch của xã đó), tệp này của xã 'Định Hóa'; đã dùng 'KeHoach_2025.xlsx',"
        " không dùng tệp này cho kỳ này. Hãy để cả hai tệp trong thư mục: chạy lại một tháng đã "
        "tổng hợp theo xã 'Định Hóa' sẽ dùng lại kế hoạch của xã đó, các tháng mới dùng kế hoạch "
        "sửa sau cùng. Nếu tệp này không phải kế hoạch cũ của xã, hãy chuyển nó ra khỏi thư mục."
    )
    assert "the plan used is for commune 'Trung Lương' (month 6/2025 was consolidated" in (
        said.message("en")
    )


def test_the_first_run_after_the_merger_takes_the_plan_saved_last_and_says_why(tmp_path):
    folder, out, _ = merger(tmp_path)
    july, _, _ = execute(folder, out, "2025-07")
    [said] = [i for i in july.issues if i.code == "plan-duplicate"]
    assert said.instead == (
        "tệp đã dùng là kế hoạch của xã 'Định Hóa' (tệp sửa sau cùng), tệp này của xã 'Trung Lương'"
    )


def test_the_trend_leaves_out_the_months_of_the_commune_before_the_merger(tmp_path):
    folder, out, _ = merger(tmp_path)
    july, written, _ = execute(folder, out, "2025-07")
    trend = july.summary["trend"]
    # June was Trung Lương's (300 households, 4 poor, its own targets): no point of Định Hóa's
    assert [m["period"] for m in trend["commune"]] == ["2025-07"]
    [point] = trend["commune"]
    assert (point["households"], point["poor"], point["near_poor"]) == (420, 7, 6)
    assert trend["other_commune"] == {"commune": "Trung Lương", "periods": ["2025-06"]}
    assert [p["period"] for p in trend["hamlets"]["Nà Mòn"]] == ["2025-07"]
    assert trend["hamlets"]["Nà Mòn"][0]["poor_rate"] == 2.0
    sheet = openpyxl.load_workbook(out / "2025-07" / "TongHop_2025-07.xlsx")["Xu hướng"]
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert (
        "Tháng 6/2025 được tổng hợp theo kế hoạch của xã Trung Lương (trước khi sáp nhập), không "
        "cùng các xóm, số hộ và chỉ tiêu với xã Định Hóa, nên không có trong xu hướng này; số "
        "liệu tháng đó xem ở bảng tổng hợp của tháng đó." in texts
    )
    # not the note that earlier months will come once the history has them: they will not
    assert "Số liệu các tháng trước sẽ được bổ sung khi có lịch sử tổng hợp." not in texts
    rows = [r[:3] for r in sheet.iter_rows(values_only=True) if r[0] in ("Đầu năm", "Tháng 7")]
    # the table of the commune (then the hamlet tables' headers start with 'Xóm')
    assert rows == [("Đầu năm", 420, 9), ("Tháng 7", 420, 7)]


def test_a_month_of_the_commune_before_the_merger_is_compared_over_the_hamlets_of_both(tmp_path):
    """March 2025 of Trung Lương (Nà Mòn, Bản Cọ: 4 poor, 3 near-poor of 300 households) against
    March 2026 of Định Hóa (the same two lists and Khuôn Tát's: 7 poor of 420). Both months are
    complete, but not of one commune: compared over Nà Mòn and Bản Cọ, Khuôn Tát named."""
    folder, out, _ = old_commune_month(tmp_path, 3)
    write_merger_plan(
        folder / "KeHoach_2026.xlsx", "Định Hóa", NEW, (1.0, 0.5), 1_770_000_000, year=2026
    )
    write_merger_month(folder, 3, year=2026)
    march, _, _ = execute(folder, out, "2026-03")
    assert march.summary["commune"] == "Định Hóa" and march.summary["totals"]["poor"] == 7
    yoy = march.summary["year_on_year"]
    assert yoy["hamlets_left_out"] == ["Khuôn Tát"]
    assert abs(yoy["poor_rate"] - 4 / 300 * 100) < 1e-9
    assert abs(yoy["now_poor_rate"] - 4 / 300 * 100) < 1e-9
    assert abs(yoy["poor_rate_change"]) < 1e-9
    assert abs(yoy["near_poor_rate"] - 3 / 300 * 100) < 1e-9


def _submission_statuses(out, period):
    sheet = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")["Nộp báo cáo"]
    return {r[3]: r[2] for r in sheet.iter_rows(values_only=True) if "KeHoach" in str(r[3])}


def test_a_list_naming_the_former_commune_is_told_it_is_the_name_before_the_merger(tmp_path):
    folder, out, _ = merger(tmp_path)
    july, _, _ = execute(folder, out, "2025-07")
    said = {i.hamlet: i for i in july.issues if i.code == "commune-mismatch"}
    # Nà Mòn writes Trung Lương, the commune of the other plan in the folder
    former = said["Nà Mòn"]
    assert (former.variant, former.value, former.detail, former.instead, former.cell) == (
        "former",
        "Trung Lương",
        "Định Hóa",
        "KeHoach_2025.xlsx",
        "B2",
    )
    assert former.message("vi") == (
        "Tên xã 'Trung Lương' là tên xã trước khi sáp nhập (kế hoạch 'KeHoach_2025.xlsx' trong "
        "thư mục); kế hoạch đang dùng là của xã Định Hóa. Danh sách vẫn được tính. Từ nay hãy "
        "ghi 'Định Hóa' ở ô này."
    )
    # Khuôn Tát writes Phú Đình, whose plan the officer does not have: the plain wording, which
    # now says the list is counted and what to write after a merger
    plain = said["Khuôn Tát"]
    assert (plain.variant, plain.value) == ("", "Phú Đình")
    assert plain.message("vi") == (
        "Tên xã 'Phú Đình' khác với kế hoạch ('Định Hóa'); danh sách vẫn được tính. Nếu xóm nay "
        "thuộc xã Định Hóa (sau sáp nhập xã), hãy ghi 'Định Hóa' ở ô này; nếu không, hãy kiểm tra "
        "tệp có đúng của xã không."
    )
    # both lists counted: 7 poor of 420
    assert (july.summary["totals"]["poor"], july.summary["complete"]) == (7, True)
    assert _submission_statuses(out, "2025-07") == {
        "KeHoach_2025.xlsx": "Bỏ qua: kế hoạch của xã Trung Lương (kỳ này dùng kế hoạch của xã "
        "Định Hóa)"
    }


def test_june_rerun_names_the_merged_communes_plan_and_warns_no_list(tmp_path):
    folder, out, _ = merger(tmp_path)
    execute(folder, out, "2025-07")
    june, _, _ = execute(folder, out, "2025-06")
    # June's lists say Trung Lương, the plan used: nothing to say; the merged commune's plan,
    # saved after the one used, is no former name
    assert not [i for i in june.issues if i.code == "commune-mismatch"]
    assert june.plan.former_communes == {}
    assert _submission_statuses(out, "2025-06") == {
        "KeHoach_2025_DinhHoa.xlsx": "Bỏ qua: kế hoạch của xã Định Hóa (kỳ này dùng kế hoạch "
        "của xã Trung Lương)"
    }


def _notes(out, period):
    sheet = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")["Biến động"]
    return [r[0] for r in sheet.iter_rows(values_only=True)
            if isinstance(r[0], str) and r[0].startswith(("(*)", "Để trống"))]  # fmt: skip


def test_a_hamlet_not_in_the_commune_last_month_is_not_said_to_have_sent_no_list(tmp_path):
    folder, out, _ = merger(tmp_path)
    july, _, _ = execute(folder, out, "2025-07")
    assert july.summary["bases_of_other_commune"] == {
        "2025-06": {"commune": "Trung Lương", "hamlets": ["Nà Mòn", "Bản Cọ"]}
    }
    # Khuôn Tát's month table is against its start list: KT4 'Thoát', 4 poor → 3
    [kt] = [h for h in july.summary["hamlets"] if h["hamlet"] == "Khuôn Tát"]
    poor = kt["movements_month"]["poor"]
    assert (poor["start"], poor["exited"], poor["end"]) == (4, 1, 3)
    assert _notes(out, "2025-07") == [
        "(*) So với danh sách trước đó của xóm: Khuôn Tát (danh sách đầu năm) — xóm không có "
        "trong số liệu tháng 6/2025, tháng được tổng hợp theo kế hoạch của xã Trung Lương trước "
        "khi sáp nhập (xóm của xã khác, xóm mới hoặc đổi tên)."
    ]


def test_without_a_start_list_the_year_table_names_the_hamlets_the_commune_had_not(tmp_path):
    """The merged commune's plan has no start list: the year's table starts from the earliest
    stored month of the year, June (Trung Lương's); Khuôn Tát was in no list of it."""
    folder, out, _ = old_commune_month(tmp_path, 6)
    info = {**PLAN_INFO, "commune": "Định Hóa", "plan_year": 2025, "poor_target": 1.0,
            "near_poor_target": 0.5}  # fmt: skip
    path = folder / "KeHoach_2025_DinhHoa.xlsx"
    write_plan_workbook(path, info, [dict(zip(KEYS, h, strict=True)) for h in NEW], None)
    os.utime(path, (1_751_500_000, 1_751_500_000))
    write_merger_month(folder, 7)
    july, _, _ = execute(folder, out, "2025-07")
    assert july.summary["start_from"] == "2025-06"
    # Nà Mòn and Bản Cọ: 4 poor in June and July; Khuôn Tát has no column
    assert july.summary["totals"]["movements"]["poor"]["start"] == 4
    assert (
        _notes(out, "2025-07")
        == [
            "Để trống: Khuôn Tát — xóm không có trong số liệu tháng 6/2025, tháng được tổng hợp theo "
            "kế hoạch của xã Trung Lương trước khi sáp nhập (xóm của xã khác, xóm mới hoặc đổi tên), "
            "nên không so sánh được; dòng Tổng cộng chỉ gồm các xóm có số liệu.",
        ]
        * 2
    )


def test_the_old_communes_months_are_not_said_to_need_a_rerun_under_the_new_plan(tmp_path):
    """The merged plan gives Nà Mòn a target of 2 poor households (1 in the old plan): June,
    Trung Lương's, followed its own plan and is not to be run again with Định Hóa's. The same
    change in a plan of the same commune is still said (test_session23_notices)."""
    from pipeline.output import NOTICES

    folder, out, _ = old_commune_month(tmp_path, 6)
    new = [("Nà Mòn", 100, 3, 2, 2, 1), *NEW[1:]]
    write_merger_plan(
        folder / "KeHoach_2025_DinhHoa.xlsx", "Định Hóa", new, (1.0, 0.5), 1_751_500_000
    )
    write_merger_month(folder, 7)
    july, _, _ = execute(folder, out, "2025-07")
    [na_mon] = [h for h in july.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert na_mon["poor_target"] == 2
    assert [n for n in NOTICES if "kế hoạch khác" in n] == []


def test_july_first_run_with_the_old_plan_alone_is_run_again_with_the_merged_plan(tmp_path):
    """July's lists came before the merged plan: July was run with Trung Lương's plan alone
    (Khuôn Tát's list refused). Run again once the merged plan is in the folder, it takes the
    merged plan, which knows all three lists' hamlets (the old one knows two)."""
    folder, out, first = old_commune_month(tmp_path, 7)
    assert first.summary["commune"] == "Trung Lương"
    assert [i.hamlet for i in first.issues if i.code == "unknown-hamlet"] == ["Khuôn Tát"]
    write_merger_plan(
        folder / "KeHoach_2025_DinhHoa.xlsx", "Định Hóa", NEW, (1.0, 0.5), 1_751_500_000
    )
    again, _, _ = execute(folder, out, "2025-07")
    assert again.summary["commune"] == "Định Hóa"
    t = again.summary["totals"]
    assert (t["households"], t["poor"], t["near_poor"]) == (420, 7, 6)


def test_check_says_the_former_commune_as_a_run_does(tmp_path):
    from pipeline.checkfiles import check_files

    folder, _, _ = merger(tmp_path)
    said = [(i.file, i.variant, i.instead) for i in check_files([folder])
            if i.code == "commune-mismatch"]  # fmt: skip
    # June's lists name Trung Lương too: check takes the plan saved last, as a July run does
    assert said == [
        ("BC_2025-06.xlsx", "former", "KeHoach_2025.xlsx"),
        ("KT_2025-07.xlsx", "", ""),
        ("NM_2025-06.xlsx", "former", "KeHoach_2025.xlsx"),
        ("NM_2025-07.xlsx", "former", "KeHoach_2025.xlsx"),
    ]


def test_history_names_each_months_commune_once_the_store_holds_two(tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import main

    folder, out, _ = merger(tmp_path)
    single = CliRunner().invoke(main, ["history", "--output", str(out)])
    assert single.output.splitlines()[0].endswith("Lần chạy")  # one commune: as before
    execute(folder, out, "2025-07")
    said = CliRunner().invoke(main, ["history", "--output", str(out)]).output.splitlines()
    assert said[0].endswith("Lần chạy          Xã")
    # June: 300 households, 4 poor (1,33 %), 3 near-poor (1,00 %); July: 420, 7, 6
    assert [line.split()[:6] + line.split()[-2:] for line in said[1:]] == [
        ["2025-06", "300", "4", "1,33", "3", "1,00", "Trung", "Lương"],
        ["2025-07", "420", "7", "1,67", "6", "1,43", "Định", "Hóa"],
    ]


def test_june_rerun_without_the_old_plan_says_its_report_is_now_the_merged_communes(tmp_path):
    from pipeline.output import NOTICES

    folder, out, _ = merger(tmp_path)
    (folder / "KeHoach_2025.xlsx").unlink()  # "keep one plan a year", as the officer was told
    june, _, _ = execute(folder, out, "2025-06")
    assert june.summary["commune"] == "Định Hóa"  # the only plan: as before
    [said] = [n for n in NOTICES if "đã được tổng hợp cho xã" in n]
    assert said == (
        "Kỳ 06/2025 đã được tổng hợp cho xã Trung Lương; lần chạy này dùng kế hoạch của xã Định "
        "Hóa ('KeHoach_2025_DinhHoa.xlsx') và thay số liệu đã lưu của kỳ đó bằng số liệu của xã "
        "Định Hóa. Nếu kỳ 06/2025 là của xã Trung Lương: chép lại tệp kế "
        "hoạch của xã Trung Lương vào thư mục đầu vào, tạm chuyển tệp 'KeHoach_2025_DinhHoa.xlsx' "
        "ra ngoài, chạy lại kỳ này, rồi chép tệp đó trở lại; từ đó để cả hai tệp kế hoạch trong "
        "thư mục. Lệnh chạy lại kỳ này: giamngheo run --period 2025-06"
    )
    # done as said: June is Trung Lương's again, and stays so with both plans in the folder
    write_merger_plan(folder / "KeHoach_2025.xlsx", "Trung Lương", OLD, (0.5, 0.3), 1_750_000_000)
    merged = folder / "KeHoach_2025_DinhHoa.xlsx"
    merged.rename(tmp_path / merged.name)
    back, _, _ = execute(folder, out, "2025-06")
    assert (back.summary["commune"], back.summary["totals"]["poor_target"]) == ("Trung Lương", 0.5)
    (tmp_path / merged.name).rename(merged)
    again, _, _ = execute(folder, out, "2025-06")
    assert (again.summary["commune"], again.summary["totals"]["poor"]) == ("Trung Lương", 4)
    assert not [n for n in NOTICES if "đã được tổng hợp cho xã" in n]


def test_july_run_again_with_the_merged_plan_says_nothing_of_the_commune_it_replaces(tmp_path):
    from pipeline.output import NOTICES

    folder, out, _ = old_commune_month(tmp_path, 7)
    write_merger_plan(
        folder / "KeHoach_2025_DinhHoa.xlsx", "Định Hóa", NEW, (1.0, 0.5), 1_751_500_000
    )
    execute(folder, out, "2025-07")
    assert not [n for n in NOTICES if "đã được tổng hợp cho xã" in n]
