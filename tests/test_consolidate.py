"""Consolidating a small commune: counts, movements, missing hamlets, and bad rows located by cell."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.run import collect, execute
from tests.commune import (
    clean_rosters,
    copy_named_for_na_mon,
    june_list_named_for_may,
    person,
    write_plan,
    write_roster,
)


@pytest.fixture
def commune(tmp_path):
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    return tmp_path


def test_clean_commune_figures_by_hand(commune):
    result, _ = collect(commune, None)
    s = result.summary
    assert s["period"] == "2024-05" and s["complete"] is False
    by = {h["hamlet"]: h for h in s["hamlets"]}
    assert by["Đồng Kè"]["status"] == "missing" and by["Đồng Kè"]["poor"] is None
    na_mon = by["Nà Mòn"]
    # Nà Mòn: poor NM1, NM5, NM6 = 3; near-poor NM2, NM4 = 2; 102 households
    assert (na_mon["poor"], na_mon["near_poor"], na_mon["households"]) == (3, 2, 102)
    assert na_mon["poor_rate"] == pytest.approx(3 / 102 * 100)
    # start: NM1-3 poor, NM4-5 near-poor. NM2 poor→near, NM3 exited, NM5 near→poor, NM6 new.
    assert na_mon["movements"]["poor"] == {
        "start": 3,
        "to_near_poor": 1,
        "exited": 1,
        "not_counted": 0,
        "moved_out": 0,
        "moved_in": 0,
        "recounted": 0,
        "from_near_poor": 1,
        "new": 1,
        "returned": 0,
        "end": 3,
    }
    assert na_mon["movements"]["near_poor"] == {
        "start": 2,
        "to_poor": 1,
        "exited": 0,
        "not_counted": 0,
        "moved_out": 0,
        "moved_in": 0,
        "recounted": 0,
        "from_poor": 1,
        "new": 0,
        "returned": 0,
        "end": 2,
    }
    # Commune totals cover the two accepted hamlets only: like with like.
    t = s["totals"]
    assert (t["households"], t["poor"], t["near_poor"]) == (302, 5, 3)
    assert (t["start_households"], t["start_poor"], t["start_near_poor"]) == (300, 5, 3)
    assert t["poor_rate"] == pytest.approx(5 / 302 * 100)
    assert t["poor_rate_reduction"] == pytest.approx(5 / 300 * 100 - 5 / 302 * 100)
    assert t["poor_target_met"] is False
    assert t["deprivations"]["poor"]["td_04"] == 5  # every poor household in the fixture
    assert s["reporting"] == {"expected": 3, "accepted": 2, "rate": pytest.approx(200 / 3)}


def test_bad_rows_are_located_and_left_out(tmp_path):
    write_plan(tmp_path)
    # Rows start at Excel row 5; columns: B Mã hộ, C chủ hộ, D năm sinh, G số định danh,
    # H số nhân khẩu, I phân loại hộ, K.. the indicators.
    write_roster(
        tmp_path,
        "NaMon.xlsx",
        "Nà Mòn",
        102,
        [
            person("NM1", "poor"),  # row 5, fine
            person("NM2", "near_poor", nhan_khau="bốn"),  # row 6
            person("NM3", "poor", nhan_khau=45),  # row 7
            person("NM4", "Hộ khá"),  # row 8
            person("NM5", "poor", so_dinh_danh="12345"),  # row 9
            person("NM6", "poor", nam_sinh=1850),  # row 10
            person("", "poor"),  # row 11: no Mã hộ
            person("BC1", "poor"),  # row 12: also used in Bản Cọ
            person("NM7", "near_poor", td_04="2"),  # row 13: not a mark ('?' is one, unsure)
        ],
    )
    write_roster(
        tmp_path, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor"), person("BC2", "poor")]
    )
    result, _ = collect(tmp_path, None)
    found = sorted((i.code, i.file, i.cell) for i in result.issues if i.severity == "error")
    # every error once, and no other (session 49: each was asked only to be in the set)
    assert found == [
        ("duplicate-household-id", "BanCo.xlsx", "B5"),  # both rows reported
        ("duplicate-household-id", "NaMon.xlsx", "B12"),
        ("invalid-birth-year", "NaMon.xlsx", "D10"),
        ("invalid-classification", "NaMon.xlsx", "I8"),
        ("invalid-deprivation-mark", "NaMon.xlsx", "N13"),
        ("invalid-household-size", "NaMon.xlsx", "H6"),
        ("invalid-household-size", "NaMon.xlsx", "H7"),
        ("missing-household-id", "NaMon.xlsx", "B11"),
    ]
    # G9's ID is a warning: NM5 counts
    assert next(i for i in result.issues if i.cell == "G9").code == "invalid-id-number"
    size = next(i for i in result.issues if i.cell == "H6")
    assert size.value == "bốn" and size.column == "Số nhân khẩu" and size.sheet == "Danh sách"
    assert "1 đến 30" in size.message("vi")
    by = {h["hamlet"]: h for h in result.summary["hamlets"]}
    # NM1 and NM5 count in Nà Mòn; Bản Cọ keeps BC2 (BC1 is excluded on both sides).
    assert (by["Nà Mòn"]["poor"], by["Nà Mòn"]["near_poor"]) == (2, 0)
    assert by["Bản Cọ"]["poor"] == 1
    reporting = result.reporting.set_index("hamlet")
    assert reporting.loc["Nà Mòn", "rows_rejected"] == 7
    assert reporting.loc["Bản Cọ", "rows_rejected"] == 1


def test_classification_contradicting_the_standard_is_a_warning_only(tmp_path):
    write_plan(tmp_path)
    # Declared poor, but only 1 indicator deprived: the standard says near-poor.
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor", deprived=(4,))])
    result, _ = collect(tmp_path, None)
    warning = next(i for i in result.issues if i.code == "classification-mismatch")
    assert warning.severity == "warning" and warning.cell == "I5"
    assert result.summary["hamlets"][0]["poor"] == 1  # the hamlet's decision stands


def test_thoat_and_an_above_both_standard_are_told_how_the_list_reads_them(tmp_path):
    """NM1 'Thoát' with 1.300.000 đ and one deprivation: by the standard near-poor (under the
    1.500.000 đ rural line, fewer than 3 deprivations), so the warning says 'Thoát' was read as
    leaving both lists and that a household now near-poor is written 'Hộ cận nghèo'. NM2
    'Thoát' with 3 deprivations (poor by the standard) gets the plain warning. 'Trung bình' and
    'khá' are refused saying a household above both lists is written 'Thoát'; 'Hộ khó khăn'
    gets the plain refusal."""
    write_plan(tmp_path)
    rows = [
        person("NM1", "exited", deprived=(4,), thu_nhap=1_300_000),
        person("NM2", "exited", deprived=(4, 9, 10), thu_nhap=1_200_000),
        person("NM3", "Trung bình"),
        person("NM4", "khá"),
        person("NM5", "Hộ khó khăn"),
    ]
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, rows)
    result, _ = collect(tmp_path, None)
    said = {(i.code, i.cell): i.message() for i in result.issues if i.file == "NaMon.xlsx"}
    assert said[("classification-mismatch", "I5")] == (
        "Phân loại 'Thoát' khác với chuẩn nghèo (thu nhập 1.300.000 đ, 1 chỉ số thiếu hụt: theo "
        "chuẩn là hộ cận nghèo). 'Thoát' được tính là hộ ra khỏi cả danh sách hộ nghèo và hộ cận "
        "nghèo: nếu hộ thoát nghèo nhưng nay là hộ cận nghèo, hãy ghi 'Hộ cận nghèo'; nếu theo "
        "bình xét của xóm hộ đã thoát cả cận nghèo, giữ nguyên 'Thoát'."
    )
    assert said[("classification-mismatch", "I6")] == (
        "Phân loại 'Thoát' khác với chuẩn nghèo (thu nhập 1.200.000 đ, 3 chỉ số thiếu hụt: theo "
        "chuẩn là hộ nghèo). Giữ nguyên theo kết quả bình xét của xóm; đề nghị kiểm tra lại."
    )
    above = (
        "Chỉ ghi một trong: Hộ nghèo, Hộ cận nghèo, Thoát. Hộ đã ra khỏi cả danh sách hộ nghèo "
        "và hộ cận nghèo (hộ trung bình, khá) thì ghi 'Thoát'."
    )
    assert said[("invalid-classification", "I7")] == f"'Phân loại hộ' là 'Trung bình'. {above}"
    assert said[("invalid-classification", "I8")] == f"'Phân loại hộ' là 'khá'. {above}"
    assert said[("invalid-classification", "I9")] == (
        "'Phân loại hộ' là 'Hộ khó khăn'. Chỉ ghi một trong: Hộ nghèo, Hộ cận nghèo, Thoát."
    )
    # the figures are the hamlet's: NM1 and NM2 have left both lists, the refused rows count not
    nm = result.summary["hamlets"][0]
    assert (nm["hamlet"], nm["poor"], nm["near_poor"]) == ("Nà Mòn", 0, 0)


def test_a_class_that_only_says_new_is_asked_which_list(tmp_path):
    """'Phát sinh mới', 'Mới', 'Hộ mới phát sinh' say the household is new this month, not
    whether it is poor or near-poor: each row is refused (as any unknown class) with that said
    and both words to choose from; 'Hộ mới nghèo' is poor, as 'Hộ nghèo mới' is. Nà Mòn counts
    NM4 alone: 1 poor, 0 near-poor."""
    write_plan(tmp_path)
    rows = [
        person("NM1", "Phát sinh mới"),
        person("NM2", "Mới"),
        person("NM3", "Hộ mới phát sinh"),
        person("NM4", "Hộ mới nghèo", deprived=(4, 9, 10)),
    ]
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, rows)
    result, _ = collect(tmp_path, None)
    said = {(i.code, i.cell): i.message() for i in result.issues
            if i.file == "NaMon.xlsx" and i.code != "vanished-household"}  # fmt: skip
    tail = (
        ": chưa rõ là hộ nghèo hay hộ cận nghèo. Hãy ghi 'Hộ nghèo' hoặc 'Hộ cận nghèo' (có thể "
        "ghi 'Hộ nghèo mới'); hộ mới so với tháng trước xã tự nhận ra từ danh sách."
    )
    assert said == {
        ("invalid-classification", "I5"): "'Phân loại hộ' là 'Phát sinh mới'" + tail,
        ("invalid-classification", "I6"): "'Phân loại hộ' là 'Mới'" + tail,
        ("invalid-classification", "I7"): "'Phân loại hộ' là 'Hộ mới phát sinh'" + tail,
    }
    nm = result.summary["hamlets"][0]
    assert (nm["hamlet"], nm["poor"], nm["near_poor"]) == ("Nà Mòn", 1, 0)


def test_newer_submission_wins_and_other_periods_are_not_counted(tmp_path):
    write_plan(tmp_path)
    write_roster(
        tmp_path, "NaMon_cu.xlsx", "Nà Mòn", 102, [person("NM1", "poor")], prepared=date(2024, 6, 1)
    )
    write_roster(
        tmp_path,
        "NaMon_moi.xlsx",
        "Xóm NÀ MÒN",
        102,
        [person("NM1", "poor"), person("NM2", "poor")],
        prepared=date(2024, 6, 4),
    )
    write_roster(
        tmp_path,
        "NaMon_T4.xlsx",
        "Nà Mòn",
        101,
        [person("NM1", "poor")],
        period="2024-04",
        prepared=date(2024, 5, 2),
    )
    result, _ = collect(tmp_path, None)
    statuses = {s.file: s.status for s in result.submissions}
    # counted, with three warnings: NM3, NM4, NM5 of the start list are no longer listed
    assert statuses["NaMon_moi.xlsx"] == "warnings"
    vanished = [i.value for i in result.issues if i.file == "NaMon_moi.xlsx"]
    assert vanished == ["NM3 (Hoàng Văn NM3)", "NM4 (Hoàng Văn NM4)", "NM5 (Hoàng Văn NM5)"]
    assert statuses["NaMon_cu.xlsx"] == "superseded"
    assert statuses["NaMon_T4.xlsx"] == "other_period"
    assert result.summary["hamlets"][0]["poor"] == 2


def test_file_level_errors_reject_the_hamlet_not_the_commune(tmp_path):
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    write_roster(
        tmp_path, "DongKe.xlsx", "Đồng Kè", 1, [person("DK1", "poor"), person("DK2", "poor")]
    )
    write_roster(tmp_path, "Lạ.xlsx", "Xóm Không Có", 50, [person("X1", "poor")])
    (tmp_path / "~$NaMon.xlsx").write_bytes(b"lock")
    (tmp_path / "ghichu.docx").write_bytes(b"PK")
    result, _ = collect(tmp_path, None)
    codes = {(i.code, i.file) for i in result.issues}
    assert ("total-less-than-listed", "DongKe.xlsx") in codes
    assert ("unknown-hamlet", "Lạ.xlsx") in codes
    assert ("file-skipped", "ghichu.docx") in codes
    by = {h["hamlet"]: h["status"] for h in result.summary["hamlets"]}
    assert by == {"Nà Mòn": "ok", "Bản Cọ": "ok", "Đồng Kè": "rejected"}
    assert result.summary["totals"]["poor"] == 5  # Nà Mòn 3 + Bản Cọ 2, as in the clean case


def test_a_period_after_the_current_month_is_refused_not_taken_as_the_latest(commune):
    """A head who types 05/2099 (or 05/2025 in May 2024) would otherwise make that month the
    run's period, with one hamlet in it."""
    write_roster(commune, "DongKe.xlsx", "Đồng Kè", 150, [person("DK1", "poor")], period="2099-05")
    result, _ = collect(commune, None)
    s = result.summary
    assert s["period"] == "2024-05"
    by = {h["hamlet"]: h for h in s["hamlets"]}
    assert by["Đồng Kè"]["status"] == "rejected"  # sent, refused: not "missing"
    assert (by["Nà Mòn"]["status"], by["Bản Cọ"]["status"]) == ("ok", "ok")
    found = [i for i in result.issues if i.code == "future-period"]
    assert len(found) == 1
    issue = found[0]
    this_month = date.today().strftime("%m/%Y")
    assert (issue.file, issue.hamlet, issue.value, issue.detail) == (
        "DongKe.xlsx",
        "Đồng Kè",
        "05/2099",
        this_month,
    )
    assert issue.sheet and issue.cell and issue.column == "Kỳ báo cáo"  # its cell in the info sheet
    assert "05/2099 ở sau tháng hiện tại" in issue.message("vi")
    # Counted as before: the two hamlets' figures are those of the clean commune.
    assert (s["totals"]["poor"], s["totals"]["near_poor"]) == (5, 3)


def test_a_future_list_of_a_hamlet_not_in_the_plan_is_refused_not_another_months(commune):
    """'Lạ.xlsx' writes 'Xóm' Khuổi Đắc (in no plan) and 'Kỳ báo cáo' 05/2099. A list of another
    month whose hamlet is not in the plan is "khác kỳ" and no error of May's run, but 05/2099
    is no month yet: it is refused for its hamlet as May's own list would be, and `check`
    (which settles the hamlet first) says the same one issue."""
    write_roster(commune, "Lạ.xlsx", "Khuổi Đắc", 90, [person("KD1", "poor")], period="2099-05")
    result, _ = collect(commune, None, workers=0)
    s = result.summary
    assert s["period"] == "2024-05"
    said = [(i.code, i.cell, i.value) for i in result.issues if i.file == "Lạ.xlsx"]
    assert said == [("unknown-hamlet", "B3", "Khuổi Đắc")]
    assert (s["totals"]["poor"], s["totals"]["near_poor"]) == (5, 3)  # the clean commune's
    found = [(i.code, i.cell, i.value) for i in check_files([commune]) if i.file == "Lạ.xlsx"]
    assert found == said
    # The same list dated 04/2024 stays "khác kỳ" and says nothing in May.
    write_roster(commune, "Lạ.xlsx", "Khuổi Đắc", 90, [person("KD1", "poor")], period="2024-04")
    result, _ = collect(commune, None, workers=0)
    assert [i.code for i in result.issues if i.file == "Lạ.xlsx"] == []


def test_the_current_month_is_not_the_future_and_a_period_asked_for_is_taken(commune):
    from pipeline.consolidate import consolidate
    from pipeline.readpool import read_files

    write_roster(commune, "DongKe.xlsx", "Đồng Kè", 150, [person("DK1", "poor")], period="2024-06")
    outcomes = read_files([(p, p.name) for p in sorted(commune.iterdir())], workers=0)
    plan = next(o.plan for o in outcomes if o.plan is not None)
    subs = lambda: [o.sub for o in read_files([(p, p.name) for p in sorted(commune.iterdir())],  # noqa: E731
                                              workers=0)]  # fmt: skip
    in_june = consolidate(plan, subs(), None, today=date(2024, 6, 30))
    assert in_june.period == "2024-06" and list(in_june.accepted) == ["Đồng Kè"]
    in_may = consolidate(plan, subs(), None, today=date(2024, 5, 31))
    assert in_may.period == "2024-05" and set(in_may.accepted) == {"Nà Mòn", "Bản Cọ"}
    assert [i.code for i in in_may.issues if i.file == "DongKe.xlsx"] == ["future-period"]
    assert set(in_may.rejected) == {"Đồng Kè"}
    asked = consolidate(plan, subs(), "2024-06", today=date(2024, 5, 31))
    assert asked.period == "2024-06" and list(asked.accepted) == ["Đồng Kè"]


def test_a_start_household_whose_row_has_an_error_is_not_counted_not_exited(tmp_path):
    """Start list of Nà Mòn: NM1-3 poor, NM4-5 near-poor. In May NM1's row has an error (0
    people) and NM4's Mã hộ is also used in Bản Cọ (both rows left out): both are still on
    the lists, so neither has exited; each is 'not_counted' until the row is fixed."""
    write_plan(tmp_path)
    write_roster(
        tmp_path,
        "NaMon.xlsx",
        "Nà Mòn",
        102,
        [
            person("NM1", "poor", nhan_khau=0),
            person("NM2", "near_poor"),
            person("NM3", "exited"),
            person("NM4", "near_poor"),
            person("NM5", "poor"),
            person("NM6", "poor"),
        ],
    )
    write_roster(
        tmp_path,
        "BanCo.xlsx",
        "Bản Cọ",
        200,
        [
            person("BC1", "poor"),
            person("BC2", "poor"),
            person("NM4", "near_poor"),
        ],
    )
    result, _ = collect(tmp_path, None)
    na_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    # poor: 3 − 1 (NM2 to near-poor) − 1 (NM3 Thoát) − 1 (NM1, row with an error)
    #       + 1 (NM5 from near-poor) + 1 (NM6 new) = 2 (NM5, NM6)
    assert na_mon["movements"]["poor"] == {
        "start": 3,
        "to_near_poor": 1,
        "exited": 1,
        "not_counted": 1,
        "moved_out": 0,
        "moved_in": 0,
        "recounted": 0,
        "from_near_poor": 1,
        "new": 1,
        "returned": 0,
        "end": 2,
    }
    # near-poor: 2 − 1 (NM5 to poor) − 0 − 1 (NM4, its Mã hộ twice) + 1 (NM2 from poor) = 1
    assert na_mon["movements"]["near_poor"] == {
        "start": 2,
        "to_poor": 1,
        "exited": 0,
        "not_counted": 1,
        "moved_out": 0,
        "moved_in": 0,
        "recounted": 0,
        "from_poor": 1,
        "new": 0,
        "returned": 0,
        "end": 1,
    }
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)
    # Bản Cọ's start list has BC1, BC2 poor and BC3 near-poor; its NM4 row is left out.
    ban_co = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Bản Cọ")
    assert ban_co["movements"]["near_poor"]["exited"] == 1  # BC3 is on no list: gone
    assert ban_co["movements"]["near_poor"]["not_counted"] == 0
    totals = result.summary["totals"]["movements"]["poor"]
    assert (totals["exited"], totals["not_counted"]) == (1, 1)
    # No "write Thoát if right" warning for households whose rows are there.
    vanished = {i.value for i in result.issues if i.code == "vanished-household"}
    assert vanished == {"BC3 (Hoàng Văn BC3)"}
    details = result.movement_details
    rows = details[details["movement"] == "not_counted"]
    assert sorted(zip(rows["ma_ho"], rows["list"], rows["current_status"], strict=True)) == [
        ("NM1", "poor", "not_counted"),
        ("NM4", "near_poor", "not_counted"),
    ]


def test_a_file_whose_rows_all_have_errors_rejects_the_hamlet(tmp_path):
    """Counted, Nà Mòn would show 0 poor households in 102: a 2.94-point fall of its poor
    rate that no one achieved. One slip made on every row (here 0 people) does this."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    write_roster(
        tmp_path,
        "NaMon.xlsx",
        "Nà Mòn",
        102,
        [person("NM1", "poor", nhan_khau=0), person("NM2", "near_poor", nhan_khau=0)],
    )
    result, _ = collect(tmp_path, None)
    by = {h["hamlet"]: h for h in result.summary["hamlets"]}
    assert by["Nà Mòn"]["status"] == "rejected" and by["Nà Mòn"]["poor"] is None
    issue = next(i for i in result.issues if i.code == "all-rows-rejected")
    assert (issue.file, issue.severity, issue.detail, issue.value) == (
        "NaMon.xlsx",
        "error",
        "2",
        "",
    )
    assert issue.message("vi").startswith("Cả 2 dòng hộ trong danh sách đều có lỗi")
    from pipeline.report.reporting import refusal_reasons  # what 'Nộp báo cáo' says of it

    assert refusal_reasons(result.issues)["NaMon.xlsx"] == "cả 2 dòng hộ đều có lỗi"
    # the commune counts Bản Cọ alone (BC1, BC2 poor; 200 households)
    totals = result.summary["totals"]
    assert (totals["households"], totals["poor"]) == (200, 2)
    assert result.summary["complete"] is False
    # ... and each bad cell is still reported for the hamlet head to fix
    assert {i.cell for i in result.issues if i.code == "invalid-household-size"} == {"H5", "H6"}


def test_a_blank_total_takes_the_plans_and_points_at_its_cell(tmp_path):
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    path = write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    book = openpyxl.load_workbook(path)
    info = book["Thông tin"]
    cell = next(c for row in info.iter_rows() for c in row if c.value == 102)
    cell.value = None
    book.save(path)
    result, _ = collect(tmp_path, None)
    issue = next(i for i in result.issues if i.file == "NaMon.xlsx" and i.sheet == "Thông tin")
    # the value is the cell's (blank, as the officer's sheet shows it); the count used, 100
    # from the plan, is said in the message
    assert (issue.code, issue.sheet, issue.cell, issue.value, issue.detail) == (
        "missing-total-households",
        "Thông tin",
        cell.coordinate,
        "",
        "100",
    )
    assert issue.message("vi").startswith(
        "Ô 'Tổng số hộ dân cư' của trang 'Thông tin' đang trống; đã dùng số hộ đầu năm trong kế "
        "hoạch (100 hộ) để tính tỷ lệ."
    )
    na_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert na_mon["households"] == 100 and na_mon["poor_rate"] == pytest.approx(1 / 100 * 100)


def test_a_row_left_out_for_a_blank_or_borrowed_ma_ho_is_matched_by_name(tmp_path):
    """CONTRACT §4.3: a row without Mã hộ is matched by (hamlet, name, birth year). NM1's row
    has its Mã hộ left blank (an error: the row is left out) and NM4's row carries Bản Cọ's
    code BC1 (used twice: both rows left out). Both households are still listed: not counted,
    not exited, and the hamlet head is not told to write 'Thoát' for them."""
    write_plan(tmp_path)
    write_roster(
        tmp_path,
        "NaMon.xlsx",
        "Nà Mòn",
        102,
        [
            dict(person("NM1", "poor"), ma_ho=None),
            person("NM2", "poor"),
            person("NM3", "poor"),
            dict(person("NM4", "near_poor"), ma_ho="BC1"),
            person("NM5", "near_poor"),
        ],
    )
    write_roster(
        tmp_path,
        "BanCo.xlsx",
        "Bản Cọ",
        200,
        [
            person("BC1", "poor"),
            person("BC2", "poor"),
            person("BC3", "near_poor"),
        ],
    )
    result, _ = collect(tmp_path, None)
    by = {h["hamlet"]: h for h in result.summary["hamlets"]}
    # poor: 3 (NM1-3) − 1 (NM1, its row left out) = 2 (NM2, NM3)
    assert by["Nà Mòn"]["movements"]["poor"] == {
        "start": 3,
        "to_near_poor": 0,
        "exited": 0,
        "not_counted": 1,
        "moved_out": 0,
        "moved_in": 0,
        "recounted": 0,
        "from_near_poor": 0,
        "new": 0,
        "returned": 0,
        "end": 2,
    }
    # near-poor: 2 (NM4, NM5) − 1 (NM4, written with BC1) = 1 (NM5)
    assert by["Nà Mòn"]["movements"]["near_poor"] == {
        "start": 2,
        "to_poor": 0,
        "exited": 0,
        "not_counted": 1,
        "moved_out": 0,
        "moved_in": 0,
        "recounted": 0,
        "from_poor": 0,
        "new": 0,
        "returned": 0,
        "end": 1,
    }
    # Bản Cọ's own BC1 row is left out too (its code is used twice): matched by its code.
    assert by["Bản Cọ"]["movements"]["poor"]["not_counted"] == 1
    assert by["Bản Cọ"]["movements"]["poor"]["exited"] == 0
    assert not [i for i in result.issues if i.code == "vanished-household"]


def test_a_corrected_copy_without_a_date_is_judged_by_file_time(tmp_path):
    """The first copy has Ngày lập 01/06/2024; the corrected copy's was left blank and it was
    saved later: Ngày lập cannot compare the two, so the later file wins. A date written in
    words ('Ngày 03 tháng 6 năm 2024') is read; one that is no date is warned of at its cell."""
    import os

    write_plan(tmp_path)
    old = write_roster(
        tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")], prepared=date(2024, 6, 1)
    )
    new = write_roster(
        tmp_path,
        "NaMon_sua.xlsx",
        "Nà Mòn",
        102,
        [person("NM1", "poor"), person("NM2", "poor")],
        prepared=None,
    )
    os.utime(old, (1_717_200_000, 1_717_200_000))  # 1 June 2024
    os.utime(new, (1_717_545_600, 1_717_545_600))  # 5 June 2024
    write_roster(
        tmp_path,
        "BanCo.xlsx",
        "Bản Cọ",
        200,
        [person("BC1", "poor")],
        prepared="Ngày 03 tháng 6 năm 2024",
    )
    write_roster(
        tmp_path,
        "BanCo_sua.xlsx",
        "Bản Cọ",
        200,
        [person("BC1", "poor"), person("BC2", "poor")],
        prepared="mùng 4",
    )
    result, _ = collect(tmp_path, None)
    statuses = {s.file: s.status for s in result.submissions}
    assert statuses["NaMon_sua.xlsx"] in ("valid", "warnings")
    assert statuses["NaMon.xlsx"] == "superseded"
    by = {h["hamlet"]: h for h in result.summary["hamlets"]}
    assert by["Nà Mòn"]["poor"] == 2
    ban_co = {s.file: s for s in result.submissions if s.file.startswith("BanCo")}
    assert ban_co["BanCo.xlsx"].prepared_on == date(2024, 6, 3)
    assert ban_co["BanCo_sua.xlsx"].prepared_on is None
    warned = [
        (i.code, i.file, i.cell, i.value)
        for i in result.issues
        if i.code == "invalid-prepared-date"
    ]
    assert warned == [("invalid-prepared-date", "BanCo_sua.xlsx", "B7", "mùng 4")]


def test_a_total_far_from_the_plans_is_warned_of(tmp_path):
    """Nà Mòn starts the year with 100 households; its head writes 5 (its poor and near-poor
    households) as the total. The rates use what is written, with a warning at the cell."""
    write_plan(tmp_path)
    write_roster(
        tmp_path, "NaMon.xlsx", "Nà Mòn", 5, [person("NM1", "poor"), person("NM2", "poor")]
    )
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 230, [person("BC1", "poor")])  # 1.15 × 200
    result, _ = collect(tmp_path, None)
    far = [
        (i.file, i.value, i.detail, i.severity)
        for i in result.issues
        if i.code == "total-far-from-plan"
    ]
    assert far == [("NaMon.xlsx", "5", "100", "warning")]
    na_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert na_mon["households"] == 5 and na_mon["poor_rate"] == pytest.approx(40.0)


def test_a_file_named_for_this_month_that_says_another_is_told_to_the_officer(tmp_path):
    """Bản Cọ's head copied April's file, named it for May and left 'Kỳ báo cáo' at 04/2024:
    the period in the file decides (not counted in May), and a warning says why Bản Cọ shows
    as not sent."""
    write_plan(tmp_path)
    write_roster(tmp_path, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    write_roster(
        tmp_path, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, [person("BC1", "poor")], period="2024-04"
    )
    result, _ = collect(tmp_path, None)
    assert result.period == "2024-05"
    by = {h["hamlet"]: h["status"] for h in result.summary["hamlets"]}
    assert by["Bản Cọ"] == "missing"
    told = [
        (i.code, i.file, i.hamlet, i.cell, i.value, i.detail, i.severity)
        for i in result.issues
        if i.code == "period-differs-from-file-name"
    ]
    assert told == [
        (
            "period-differs-from-file-name",
            "DS_BanCo_2024-05.xlsx",
            "Bản Cọ",
            "B4",
            "04/2024",
            "05/2024",
            "warning",
        )
    ]


def test_a_file_refused_for_its_total_still_has_its_rows_checked(tmp_path):
    """Bản Cọ writes its total as 'khoảng 200 hộ' (refused: invalid-total-households) and
    one row has 0 people. Both problems are told at once; none of its rows counts."""
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    write_roster(
        tmp_path,
        "BanCo.xlsx",
        "Bản Cọ",
        "khoảng 200 hộ",
        [person("BC1", "poor"), person("BC2", "poor", nhan_khau=0)],
    )
    result, _ = collect(tmp_path, None)
    found = sorted(
        (i.code, i.row or 0)
        for i in result.issues
        if i.file == "BanCo.xlsx" and i.severity == "error"
    )
    assert found == [("invalid-household-size", 6), ("invalid-total-households", 0)]
    row_issue = next(i for i in result.issues if i.file == "BanCo.xlsx" and i.row)
    assert row_issue.row == 6 and row_issue.column == "Số nhân khẩu"
    by = {h["hamlet"]: h for h in result.summary["hamlets"]}
    assert by["Bản Cọ"]["status"] == "rejected" and by["Bản Cọ"]["poor"] is None
    assert result.summary["totals"]["poor"] == 1
    sub = next(s for s in result.submissions if s.file == "BanCo.xlsx")
    assert (sub.rows_read, sub.rows_rejected) == (2, 1)


def test_a_blank_hamlet_or_period_cell_taken_from_elsewhere_is_said(tmp_path):
    """Nà Mòn's 'Xóm' and 'Kỳ báo cáo' cells are blank: the hamlet comes from the title, the
    period from the title too; the file counts, with a warning at each blank cell."""
    write_plan(tmp_path)
    write_roster(tmp_path, "DS_NaMon_2024-05.xlsx", "", 102, [person("NM1", "poor")])
    path = tmp_path / "DS_NaMon_2024-05.xlsx"
    book = openpyxl.load_workbook(path)
    book["Thông tin"]["B4"] = None
    book.save(path)
    result, _ = collect(tmp_path, None)
    assert result.summary["hamlets"][0]["status"] == "ok"
    said = sorted(
        (i.cell, i.column, i.message(), i.message("en"))
        for i in result.issues
        if i.code == "info-cell-blank"
    )
    assert [s[:2] for s in said] == [("B3", "Xóm"), ("B4", "Kỳ báo cáo")]
    assert said[0][2].startswith("Ô 'Xóm' của trang 'Thông tin' đang trống; đã lấy 'Nà Mòn' từ")
    assert said[1][2].startswith(
        "Ô 'Kỳ báo cáo' của trang 'Thông tin' đang trống; đã lấy '05/2024'"
    )
    assert "took '05/2024' from" in said[1][3]


def test_a_blank_hamlet_is_taken_from_the_file_name_word_for_word(tmp_path):
    """The plan has Bản Cọ and Bản Cọ 2. Bản Cọ's file 'DS_BanCo_2024-05' and Bản Cọ 2's
    'DS_BanCo2_2024-05' both leave 'Xóm' blank: '2024' is no '2', so the first is Bản Cọ's
    (it was refused as naming no hamlet: 'banco2' was found inside 'banco2024'), and the second
    names Bản Cọ 2, the longer name that holds the shorter."""
    from pipeline.template import write_plan_workbook
    from tests.commune import PLAN_INFO

    hamlets = [
        {"hamlet": h, "start_households": n, "start_poor": p, "start_near_poor": c,
         "poor_target": 1, "near_poor_target": 1}
        for h, n, p, c in (("Bản Cọ", 200, 2, 1), ("Bản Cọ 2", 120, 1, 1))
    ]  # fmt: skip
    write_plan_workbook(tmp_path / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, None)
    write_roster(tmp_path, "DS_BanCo_2024-05.xlsx", "", 200, [person("BC1", "poor")])
    write_roster(
        tmp_path, "DS_BanCo2_2024-05.xlsx", "", 120,
        [person("BD1", "poor"), person("BD2", "poor"), person("BD3", "near_poor")],
    )  # fmt: skip
    result, _ = collect(tmp_path, None)
    by = {h["hamlet"]: h for h in result.summary["hamlets"]}
    assert (by["Bản Cọ"]["status"], by["Bản Cọ"]["poor"], by["Bản Cọ"]["near_poor"]) == (
        "ok", 1, 0,
    )  # fmt: skip
    assert (by["Bản Cọ 2"]["status"], by["Bản Cọ 2"]["poor"], by["Bản Cọ 2"]["near_poor"]) == (
        "ok", 2, 1,
    )  # fmt: skip
    assert not [i for i in result.issues if i.code in ("missing-hamlet", "unknown-hamlet")]


def test_a_neighbours_file_with_the_old_hamlet_cell_does_not_replace_its_list(tmp_path):
    """Đồng Kè's head filled Nà Mòn's file: title 'XÓM ĐỒNG KÈ', file name DS_DongKe, but the
    'Xóm' cell still says Nà Mòn, and it was filled later than Nà Mòn's own. It is refused
    (whose list is it?) as Đồng Kè's file; Nà Mòn's own list counts (3 poor, 2 near-poor)."""
    write_plan(tmp_path)
    write_roster(tmp_path, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, [
        person("NM1", "poor"), person("NM2", "near_poor"), person("NM4", "near_poor"),
        person("NM5", "poor"), person("NM6", "poor"),
    ], prepared=date(2024, 6, 3))  # fmt: skip
    path = write_roster(tmp_path, "DS_DongKe_2024-05.xlsx", "Đồng Kè", 150,
                        [person("DK1", "poor"), person("DK2", "poor")],
                        prepared=date(2024, 6, 7))  # fmt: skip
    book = openpyxl.load_workbook(path)
    assert "XÓM ĐỒNG KÈ" in book["Danh sách"]["A1"].value
    book["Thông tin"]["B3"] = "Nà Mòn"
    book.save(path)
    result, _ = collect(tmp_path, None)
    by = {h["hamlet"]: h for h in result.summary["hamlets"]}
    assert (by["Nà Mòn"]["status"], by["Nà Mòn"]["poor"], by["Nà Mòn"]["near_poor"]) == (
        "ok", 3, 2,
    )  # fmt: skip
    assert by["Đồng Kè"]["status"] == "rejected"
    conflict = [i for i in result.issues if i.code == "hamlet-conflict"]
    assert [(i.file, i.hamlet, i.cell, i.severity) for i in conflict] == [
        ("DS_DongKe_2024-05.xlsx", "Đồng Kè", "B3", "error")
    ]
    assert (
        conflict[0]
        .message()
        .startswith("Ô 'Xóm' ghi 'Nà Mòn' nhưng tiêu đề của danh sách ghi xóm Đồng Kè")
    )
    assert not [i for i in result.issues if i.code == "superseded"]


def test_a_file_name_naming_another_hamlet_refuses_the_file_when_its_codes_are_that_hamlets(
    tmp_path,
):
    """Nà Mòn's head filled in a copy of Bản Cọ's file (cell Bản Cọ, no title) with NM1 poor and
    NM4 near-poor, Nà Mòn's codes on the start list, and saved it as 'DS_NaMon_2024-05.xlsx',
    dated after Bản Cọ's own 'BanCo_T5.xlsx' (BC1, BC2 poor): refused as Nà Mòn's file, so
    Bản Cọ's own list counts (it used to be set aside for the newer copy) and Nà Mòn's head is
    told. Đồng Kè's list saved as 'NaMon_T5.xlsx' whose codes (DK9) are on no start list: the
    file name alone only warns (ordinary words of file names spell hamlet names too)."""
    write_plan(tmp_path)
    copied = write_roster(tmp_path, "DS_NaMon_2024-05.xlsx", "Bản Cọ", 200,
                          [person("NM1", "poor"), person("NM4", "near_poor")],
                          prepared=date(2024, 6, 5))  # fmt: skip
    book = openpyxl.load_workbook(copied)
    book["Danh sách"]["A1"] = None
    book.save(copied)
    write_roster(tmp_path, "BanCo_T5.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor")])  # fmt: skip
    renamed = write_roster(tmp_path, "NaMon_T5.xlsx", "Đồng Kè", 150, [person("DK9", "poor")])
    book = openpyxl.load_workbook(renamed)
    book["Danh sách"]["A1"] = None
    book.save(renamed)
    result, _ = collect(tmp_path, None)
    by = {h["hamlet"]: (h["status"], h["poor"]) for h in result.summary["hamlets"]}
    assert by == {"Nà Mòn": ("rejected", None), "Bản Cọ": ("ok", 2), "Đồng Kè": ("ok", 1)}
    said = [(i.code, i.file, i.hamlet, i.cell, i.severity) for i in result.issues
            if i.code.startswith("hamlet-")]  # fmt: skip
    # Đồng Kè before Nà Mòn, as the alphabet has them (session 48; before: by code point)
    assert said == [
        ("hamlet-differs-from-file-name", "NaMon_T5.xlsx", "Đồng Kè", "B3", "warning"),
        ("hamlet-codes-of-file-name", "DS_NaMon_2024-05.xlsx", "Nà Mòn", "B3", "error"),
    ]
    assert next(i for i in result.issues if i.code == "hamlet-codes-of-file-name").message() == (
        "Ô 'Xóm' ghi 'Bản Cọ' nhưng tên tệp ghi xóm Nà Mòn và các mã hộ trong danh sách là của "
        "xóm Nà Mòn (theo danh sách đầu năm): có thể tệp được chép "
        "từ xóm 'Bản Cọ' mà chưa sửa ô 'Xóm', nên tệp chưa được tính. Nếu đây là danh sách của "
        "xóm Nà Mòn, hãy sửa ô 'Xóm' thành 'Nà Mòn', kiểm tra cả các ô khác chép từ tệp của xóm "
        "'Bản Cọ' (nhất là 'Tổng số hộ dân cư') rồi gửi lại."
    )
    assert not [i for i in result.issues if i.code == "superseded"]


def test_without_a_start_list_the_months_consolidated_tell_whose_codes_a_file_holds(tmp_path):
    """No start list in the plan. April: Nà Mòn (NM1 poor, NM4 near-poor) and Bản Cọ (BC1, BC2
    poor) sent their lists and were consolidated. May: Nà Mòn's head fills in a copy of Bản
    Cọ's file, leaves its 'Xóm' cell 'Bản Cọ' and saves it as 'DS_NaMon_2024-05.xlsx' (NM1,
    NM4), dated after Bản Cọ's own May list. April's stored lists say NM1 and NM4 are Nà Mòn's:
    the copy is refused as Nà Mòn's file and Bản Cọ's own list counts (2 poor), as with a
    start list; without the stored month it only warned and took Bản Cọ's place."""
    folder, out = tmp_path / "input", tmp_path / "output"
    folder.mkdir()
    copy_named_for_na_mon(folder, out)
    # May run twice, nothing changed (the second as when another hamlet's file arrives): the
    # second is judged by April's lists too, not by May's first run that refused the copy
    for _ in range(2):
        result = execute(folder, out, "2024-05")[0]
        by = {h["hamlet"]: (h["status"], h["poor"]) for h in result.summary["hamlets"]}
        assert by["Nà Mòn"] == ("rejected", None) and by["Bản Cọ"] == ("ok", 2)
        said = [(i.code, i.file, i.hamlet, i.severity) for i in result.issues
                if i.code.startswith("hamlet-")]  # fmt: skip
        assert said == [("hamlet-codes-of-file-name", "DS_NaMon_2024-05.xlsx", "Nà Mòn", "error")]
    # 'Nộp báo cáo' says why Nà Mòn's file was refused, not only "see 'Lỗi dữ liệu'"
    sheet = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Nộp báo cáo"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    na_mon = next(r for r in rows if r[1] == "Nà Mòn")
    assert na_mon[2:4] == [
        "Bị từ chối: ô 'Xóm' ghi 'Bản Cọ' nhưng các mã hộ là của xóm Nà Mòn (tệp chép từ xóm "
        "khác?)",
        "DS_NaMon_2024-05.xlsx",
    ]


def test_one_file_mistyped_for_the_next_month_does_not_take_the_run(tmp_path):
    """Nà Mòn's 'DS_NaMon_2024-05.xlsx' says 'Kỳ báo cáo' 06/2024 (the month it was filled
    in); Bản Cọ's says 05/2024. May is consolidated (Bản Cọ's 1 poor), not June with Nà Mòn
    alone; the officer is told how to run June, Nà Mòn's head that the file is June's."""
    from pipeline.output import NOTICES

    NOTICES.clear()
    june_list_named_for_may(tmp_path)
    result, _ = collect(tmp_path, None)
    assert result.summary["period"] == "2024-05"
    by = {h["hamlet"]: h for h in result.summary["hamlets"]}
    assert (by["Bản Cọ"]["status"], by["Nà Mòn"]["status"]) == ("ok", "missing")
    assert result.summary["totals"]["poor"] == 1
    said = [(i.file, i.code) for i in result.issues if i.severity == "warning"]
    assert ("DS_NaMon_2024-05.xlsx", "period-differs-from-file-name") in said
    assert NOTICES == [
        "Kỳ 06/2024 chỉ có ở 'DS_NaMon_2024-05.xlsx', mà tên tệp lại ghi kỳ 05/2024; đã tổng hợp "
        "kỳ 05/2024. Nếu đúng là danh sách kỳ 06/2024, hãy chạy: giamngheo run --period 2024-06"
    ]
    # A June file named for June beside it: June is the latest period, as always.
    NOTICES.clear()
    write_roster(tmp_path, "DS_BanCo_2024-06.xlsx", "Bản Cọ", 200, [person("BC1", "poor")],
                 period="2024-06")  # fmt: skip
    again, _ = collect(tmp_path, None)
    assert again.summary["period"] == "2024-06" and NOTICES == []


def test_june_lists_copied_from_mays_files_and_not_renamed_are_junes(tmp_path):
    """Both hamlets send their June lists in T6/ still named DS_*_2024-05.xlsx (copied from
    May's, the title left at May too), filled in July; May's files are still in the folder.
    Each hamlet sent May too, so June is consolidated."""
    write_plan(tmp_path)
    (tmp_path / "T6").mkdir()
    for name, hamlet, total in (("NaMon", "Nà Mòn", 102), ("BanCo", "Bản Cọ", 200)):
        code = f"X{name}"  # each hamlet its own (one code in both: both lists refused)
        write_roster(tmp_path, f"DS_{name}_2024-05.xlsx", hamlet, total, [person(code, "poor")])
        path = write_roster(tmp_path / "T6", f"DS_{name}_2024-05.xlsx", hamlet, total,
                            [person(code, "poor")], period="2024-06",
                            prepared=date(2024, 7, 3))  # fmt: skip
        book = openpyxl.load_workbook(path)
        book["Danh sách"]["A1"] = f"DANH SÁCH HỘ NGHÈO XÓM {hamlet.upper()} – THÁNG 5/2024"
        book.save(path)
    result, _ = collect(tmp_path, None)
    assert result.summary["period"] == "2024-06"
    assert [h["status"] for h in result.summary["hamlets"]] == ["ok", "ok", "missing"]


def test_an_empty_list_of_a_hamlet_with_households_is_refused_and_a_hidden_one_named(tmp_path):
    """Nà Mòn (3 poor + 2 near-poor at the start) sends its template with the list cleared and
    the households on a hidden copy of the sheet; Bản Cọ (2 + 1) sends an empty list and no
    copy. Neither counts as 'every household gone' (it read ĐẠT 220 %): both are refused, Nà
    Mòn's message naming the hidden sheet and its 2 households."""
    write_plan(tmp_path)
    path = write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102,
                        [person("NM1", "poor"), person("NM2", "near_poor")])  # fmt: skip
    book = openpyxl.load_workbook(path)
    copy = book.copy_worksheet(book["Danh sách"])
    copy.title = "DS cũ"
    copy.sheet_state = "hidden"
    book["Danh sách"].delete_rows(5, 2)
    book.save(path)
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, [])
    write_roster(tmp_path, "DongKe.xlsx", "Đồng Kè", 150, [person("DK1", "poor")])
    result, _ = collect(tmp_path, None)
    by = {h["hamlet"]: h for h in result.summary["hamlets"]}
    assert (by["Nà Mòn"]["status"], by["Bản Cọ"]["status"]) == ("rejected", "rejected")
    said = {i.file: i.message() for i in result.issues if i.code == "empty-list"}
    assert said["BanCo.xlsx"].startswith(
        "Danh sách không có hộ nào, trong khi đầu năm xóm có 3 hộ nghèo và cận nghèo; "
    )
    assert said["BanCo.xlsx"].endswith("nếu chưa nhập danh sách, hãy nhập rồi gửi lại.")
    assert said["NaMon.xlsx"].startswith("Danh sách không có hộ nào, trong khi đầu năm xóm có 5 ")
    assert said["NaMon.xlsx"].endswith(
        "gửi lại. Trang ẩn 'DS cũ' có 2 hộ: nếu đó là danh sách kỳ này, hãy bỏ ẩn trang đó hoặc "
        "chép các hộ sang trang 'Danh sách'."
    )
    # 'Nộp báo cáo' says why in a few words, not only "see 'Lỗi dữ liệu'"
    out = tmp_path.parent / f"{tmp_path.name}-out"
    execute(tmp_path, out, "2024-05")
    sheet = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Nộp báo cáo"]
    rows = {r[1]: r[2] for r in sheet.iter_rows(values_only=True) if r[1] in ("Nà Mòn", "Bản Cọ")}
    assert rows == {h: "Bị từ chối: danh sách không có hộ nào" for h in ("Nà Mòn", "Bản Cọ")}


def test_the_posted_list_says_how_many_households_wait_for_a_fix(tmp_path):
    """NM1's row has 0 people (left out): Nà Mòn's posting lists NM5, NM6 and NM2 and says one
    household is not posted yet; Bản Cọ's, with no such row, says nothing of the kind."""
    from pipeline.report.public_list import write_public_list

    write_plan(tmp_path)
    write_roster(
        tmp_path,
        "NaMon.xlsx",
        "Nà Mòn",
        102,
        [
            person("NM1", "poor", nhan_khau=0),
            person("NM2", "near_poor"),
            person("NM3", "exited"),
            person("NM5", "poor"),
            person("NM6", "poor"),
        ],
    )
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    result, _ = collect(tmp_path, None)
    path = tmp_path / "NiemYet.xlsx"
    write_public_list(result, path)
    book = openpyxl.load_workbook(path)

    def texts(sheet):
        return [c.value for row in book[sheet].iter_rows() for c in row if isinstance(c.value, str)]

    assert "Tổng số: 2 hộ nghèo, 1 hộ cận nghèo." in texts("Nà Mòn")
    assert (
        "Chưa niêm yết 1 hộ có thông tin đang được xóm kiểm tra lại; sẽ bổ sung khi sửa xong."
        in texts("Nà Mòn")
    )
    assert not [v for v in texts("Bản Cọ") if v.startswith("Chưa niêm yết")]


def test_the_head_who_sent_last_months_period_gets_a_feedback_saying_so(tmp_path):
    from pipeline.publish import publish

    (tmp_path / "in").mkdir()
    write_plan(tmp_path / "in")
    write_roster(tmp_path / "in", "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    write_roster(
        tmp_path / "in",
        "DS_BanCo_2024-05.xlsx",
        "Bản Cọ",
        200,
        [person("BC1", "poor")],
        period="2024-04",
    )
    result, _ = collect(tmp_path / "in", None)
    written = publish(result, tmp_path / "out")
    path = next(p for p in written["feedback"] if p.name == "Bản Cọ_2024-05.xlsx")
    texts = [
        c
        for row in openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True)
        for c in row
        if isinstance(c, str)
    ]
    assert (
        "Danh sách chưa được tính vào kỳ 05/2024: tên tệp ghi kỳ 05/2024 nhưng ô 'Kỳ báo cáo' "
        "ghi 04/2024. Nếu đây là danh sách kỳ 05/2024, hãy sửa ô đó (ô tô vàng) rồi gửi lại."
        in texts
    )
    # its yellow cell's legend does not say the households are counted: they are not
    assert "ô tô vàng – đề nghị kiểm tra lại, sửa nếu sai" in texts
    assert not [text for text in texts if "vẫn được tính" in text]


def test_a_list_whose_title_alone_names_this_month_is_told_its_period_cell_differs(tmp_path):
    """Nà Mòn's 'NaMon.xlsx' (no month in its name) is titled '… THÁNG 5/2024' but its 'Kỳ báo
    cáo' says 04/2024; Bản Cọ's is May's. May is consolidated without Nà Mòn's file (the cell
    decides), and both the officer and Nà Mòn's head are told why, at the period cell."""
    from pipeline.publish import publish

    (tmp_path / "in").mkdir()
    write_plan(tmp_path / "in")
    path = write_roster(tmp_path / "in", "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")],
                        period="2024-04")  # fmt: skip
    book = openpyxl.load_workbook(path)
    book["Danh sách"]["A1"] = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM NÀ MÒN THÁNG 5/2024"
    book.save(path)
    write_roster(tmp_path / "in", "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    result, _ = collect(tmp_path / "in", None)
    assert result.summary["period"] == "2024-05"
    by = {h["hamlet"]: h["status"] for h in result.summary["hamlets"]}
    assert (by["Nà Mòn"], by["Bản Cọ"]) == ("missing", "ok")
    said = [(i.code, i.file, i.cell, i.message()) for i in result.issues if i.hamlet == "Nà Mòn"]
    assert said == [("period-differs-from-title", "NaMon.xlsx", "B4",
                     "Tiêu đề của danh sách ghi tháng 05/2024 nhưng ô 'Kỳ báo cáo' ghi 04/2024, "
                     "nên tệp được coi là của kỳ 04/2024 và không được tính vào kỳ 05/2024. Nếu "
                     "đây là danh sách kỳ 05/2024, hãy sửa ô 'Kỳ báo cáo' rồi gửi lại.")]  # fmt: skip
    written = publish(result, tmp_path / "out")
    feedback = next(p for p in written["feedback"] if p.name == "Nà Mòn_2024-05.xlsx")
    texts = [c for row in openpyxl.load_workbook(feedback).worksheets[0].iter_rows(values_only=True)
             for c in row if isinstance(c, str)]  # fmt: skip
    assert ("Danh sách chưa được tính vào kỳ 05/2024: tiêu đề ghi tháng 05/2024 nhưng ô 'Kỳ báo "
            "cáo' ghi 04/2024. Nếu đây là danh sách kỳ 05/2024, hãy sửa ô đó (ô tô vàng) rồi gửi "
            "lại.") in texts  # fmt: skip


def test_a_short_exits_sheet_beside_the_list_is_left_out_not_the_whole_file(tmp_path):
    """Nà Mòn's list (NM1, NM5 poor; NM4 near-poor) and a sheet 'Hộ thoát' with STT | Mã hộ |
    Họ và tên | Thoát từ | Lý do | Ghi chú: the list counts; the sheet is not read, and said
    (it used to refuse the whole file for the columns it lacks)."""
    write_plan(tmp_path)
    path = write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [
        person("NM1", "poor"), person("NM4", "near_poor"), person("NM5", "poor"),
    ])  # fmt: skip
    book = openpyxl.load_workbook(path)
    exits = book.create_sheet("Hộ thoát")
    exits.append(["STT", "Mã hộ", "Họ và tên", "Thoát từ", "Lý do", "Ghi chú"])
    exits.append([1, "NM2", "Hoàng Văn NM2", "03/2024", "Có việc làm ổn định", None])
    exits.append([2, "NM3", "Hoàng Văn NM3", "04/2024", "Được hỗ trợ sinh kế", None])
    book.save(path)
    result, _ = collect(tmp_path, None)
    na_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 2, 1)
    said = [(i.sheet, i.severity, i.message()) for i in result.issues if i.code == "sheet-not-read"]
    assert said == [("Hộ thoát", "warning",
                     "Trang 'Hộ thoát' có bảng hộ nhưng thiếu cột 'Số nhân khẩu', 'Phân loại hộ' "
                     "nên không được đọc. Hộ đã thoát hãy ghi trong danh sách chính, đủ các cột "
                     "như các hộ khác, với Phân loại hộ 'Thoát'; hộ nghèo, cận nghèo ghi ở trang "
                     "này hãy ghi đủ các cột như mẫu.")]  # fmt: skip


def _titled(path, title: list[str]) -> None:
    """A roster's title rows written over: ``title``'s lines in A1, A2, …"""
    book = openpyxl.load_workbook(path)
    for row, text in enumerate(title, start=1):
        book["Danh sách"].cell(row, 1).value = text
    book.save(path)


def test_only_the_hamlet_after_xom_in_a_title_can_disagree_with_the_xom_cell(tmp_path):
    """Plan: Hạnh Phúc, Nà Mòn, Bản Cọ, Bản Cọ 2. Nà Mòn's title rows hold the motto ('… Hạnh
    phúc') and 'NĂM 2024' and no hamlet: counted. Bản Cọ 2's title says 'XÓM BẢN CỌ II':
    counted for Bản Cọ 2. Bản Cọ's file (cell and file name Bản Cọ) kept Hạnh Phúc's title:
    counted for Bản Cọ, with a warning to correct the title."""
    from pipeline.template import write_plan_workbook
    from tests.commune import PLAN_INFO

    names = ("Hạnh Phúc", "Nà Mòn", "Bản Cọ", "Bản Cọ 2")
    hamlets = [{"hamlet": h, "start_households": 100, "start_poor": 1, "start_near_poor": 1,
                "poor_target": 1, "near_poor_target": 1} for h in names]  # fmt: skip
    write_plan_workbook(tmp_path / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, None)
    titles = {
        "DS_NaMon_2024-05.xlsx": ("Nà Mòn", ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                             "Độc lập - Tự do - Hạnh phúc",
                                             "DANH SÁCH HỘ NGHÈO NĂM 2024"]),
        "DS_BanCo2_2024-05.xlsx": ("Bản Cọ 2", ["DANH SÁCH HỘ NGHÈO XÓM BẢN CỌ II"]),
        "DS_BanCo_2024-05.xlsx": ("Bản Cọ", ["DANH SÁCH HỘ NGHÈO XÓM HẠNH PHÚC - THÁNG 5/2024"]),
        "DS_HanhPhuc_2024-05.xlsx": ("Hạnh Phúc", None),
    }  # fmt: skip
    for code, (name, (hamlet, title)) in zip("ABCD", titles.items(), strict=True):
        path = write_roster(tmp_path, name, hamlet, 100, [person(f"{code}1", "poor")])
        if title:
            _titled(path, title)
    result, _ = collect(tmp_path, None)
    by = {h["hamlet"]: (h["status"], h["poor"]) for h in result.summary["hamlets"]}
    assert by == {name: ("ok", 1) for name in names}
    said = [
        (i.file, i.code, i.sheet, i.cell) for i in result.issues if i.code.startswith("hamlet-")
    ]
    # at the title's cell, the one to correct (its 'Xóm' cell is right)
    assert said == [("DS_BanCo_2024-05.xlsx", "hamlet-differs-from-title", "Danh sách", "A1")]


def test_the_motto_and_the_commune_in_a_title_do_not_tell_whose_file_it_is(tmp_path):
    """Plan: Hạnh Phúc, Nà Mòn, Bản Cọ, Trung. No title names a hamlet after 'Xóm'.
    Nà Mòn's title rows hold the motto ('… Hạnh phúc') and its 'Xóm' cell is blank: its file
    name tells it (NM1 poor counted for Nà Mòn, not for Hạnh Phúc). Bản Cọ's title rows say
    'UBND XÃ TRUNG LƯƠNG' and its cell 'Bản Cọ Mới' (not in the plan): refused, and told to
    Bản Cọ by its file name, not to Trung. Hạnh Phúc and Trung sent nothing."""
    from pipeline.template import write_plan_workbook
    from tests.commune import PLAN_INFO

    names = ("Hạnh Phúc", "Nà Mòn", "Bản Cọ", "Trung")
    hamlets = [{"hamlet": h, "start_households": 100, "start_poor": 1, "start_near_poor": 1,
                "poor_target": 1, "near_poor_target": 1} for h in names]  # fmt: skip
    write_plan_workbook(tmp_path / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, None)
    motto = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "DANH SÁCH HỘ NGHÈO, CẬN NGHÈO NĂM 2024",
    ]
    commune = ["UBND XÃ TRUNG LƯƠNG", "DANH SÁCH HỘ NGHÈO, CẬN NGHÈO NĂM 2024"]
    for name, hamlet, code, title in (
        ("DS_NaMon_2024-05.xlsx", "", "NM1", motto),
        ("DS_BanCo_2024-05.xlsx", "Bản Cọ Mới", "BC1", commune),
    ):
        _titled(write_roster(tmp_path, name, hamlet, 100, [person(code, "poor")]), title)
    result, _ = collect(tmp_path, None)
    by = {h["hamlet"]: (h["status"], h["poor"]) for h in result.summary["hamlets"]}
    assert by["Nà Mòn"] == ("ok", 1)
    assert by["Bản Cọ"][0] == "rejected"
    assert by["Hạnh Phúc"][0] == by["Trung"][0] == "missing"
    refused = [(i.file, i.hamlet) for i in result.issues if i.code == "unknown-hamlet"]
    assert refused == [("DS_BanCo_2024-05.xlsx", "Bản Cọ")]


def test_a_code_used_twice_is_out_of_both_lists_when_one_row_has_another_error(tmp_path):
    """Nà Mòn: NM1, NM5, NM6 poor (clean rows). Bản Cọ: BC1, BC2 poor, BC3 near-poor and a row
    NM6 poor with Số nhân khẩu 0 (an error). NM6 is used twice in the commune: neither row
    counts (Nà Mòn 2 poor, not 3; the commune 2 + 2 = 4), and both rows are told the code is
    used twice, at their Mã hộ cells (B10 in Nà Mòn: its sixth household; B8 in Bản Cọ)."""
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102,
                 [person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "exited"),
                  person("NM4", "near_poor"), person("NM5", "poor"), person("NM6", "poor")])  # fmt: skip
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor"),
                  person("NM6", "poor", nhan_khau=0)])  # fmt: skip
    result, _ = collect(tmp_path, None)
    by = {h["hamlet"]: h["poor"] for h in result.summary["hamlets"] if h["status"] == "ok"}
    assert by == {"Nà Mòn": 2, "Bản Cọ": 2}
    assert result.summary["totals"]["poor"] == 4
    said = sorted((i.file, i.cell) for i in result.issues if i.code == "duplicate-household-id")
    assert said == [("BanCo.xlsx", "B8"), ("NaMon.xlsx", "B10")]
    assert [i.file for i in result.issues if i.code == "invalid-household-size"] == ["BanCo.xlsx"]


def test_dates_and_the_commune_in_a_file_name_name_no_hamlet(tmp_path):
    """Plan: Đông, Đoài, Nam, Trung. Đông's list saved as 'Danh sach ho ngheo thang 5 nam
    2024.xlsx' and Đoài's as 'Xa Trung Luong T5.xlsx' (no hamlet in either title): counted for
    their 'Xóm' cells, with nothing said ('nam 2024' is no hamlet Nam, 'Xa Trung Luong' no
    hamlet Trung)."""
    from pipeline.template import write_plan_workbook
    from tests.commune import PLAN_INFO

    names = ("Đông", "Đoài", "Nam", "Trung")
    hamlets = [{"hamlet": h, "start_households": 100, "start_poor": 1, "start_near_poor": 1,
                "poor_target": 1, "near_poor_target": 1} for h in names]  # fmt: skip
    write_plan_workbook(tmp_path / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, None)
    for name, hamlet, code in (("Danh sach ho ngheo thang 5 nam 2024.xlsx", "Đông", "D1"),
                               ("Xa Trung Luong T5.xlsx", "Đoài", "O1")):  # fmt: skip
        _titled(write_roster(tmp_path, name, hamlet, 100, [person(code, "poor")]),
                ["DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO"])  # fmt: skip
    result, _ = collect(tmp_path, None)
    by = {h["hamlet"]: (h["status"], h["poor"]) for h in result.summary["hamlets"]}
    assert (by["Đông"], by["Đoài"]) == (("ok", 1), ("ok", 1))
    assert not [i for i in result.issues if i.code.startswith("hamlet-")]
