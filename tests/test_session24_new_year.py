"""Session 24, the turn of the year (black-box QA of December 2024 → January 2025).

A hamlet keeps last year's 'Thoát' rows in its January list. When the history holds a month of
last year, such a row is known and not warned (test_history); when it holds none (the commune's
first run is January's, or January is run before December), the warning used to say only
"check the household code" to every hamlet. It now says the household may have left last year
and that nothing is to be fixed then.
"""

from __future__ import annotations

from datetime import date

from pipeline.run import execute
from tests.commune import person, write_plan, write_plan_2025, write_roster


def _two_years(tmp_path):
    """Both plans in one folder (officers keep last year's). 2024: Nà Mòn NM1-NM3 poor, NM4, NM5
    near-poor at the start. December 2024: NM1 poor, NM2 and NM3 'Thoát', NM4, NM5 near-poor.
    2025 plan: its start list is December's (Nà Mòn NM1 poor, NM4, NM5 near-poor). January 2025:
    NM1 poor, NM3 'Thoát' kept from last year, NM4, NM5 near-poor, NM9 'Thoát' (never listed)."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    write_plan_2025(folder, (1, 2), ("NM2", "NM3"))
    near = [person("NM4", "near_poor"), person("NM5", "near_poor")]
    write_roster(folder, "NaMon_2024-12.xlsx", "Nà Mòn", 100,
                 [person("NM1", "poor"), person("NM2", "exited"), person("NM3", "exited"), *near],
                 period="2024-12", prepared=date(2025, 1, 3))  # fmt: skip
    near = [person("NM4", "near_poor"), person("NM5", "near_poor")]
    write_roster(folder, "NaMon_2025-01.xlsx", "Nà Mòn", 100,
                 [person("NM1", "poor"), person("NM3", "exited"), *near,
                  person("NM9", "exited")], period="2025-01", prepared=date(2025, 2, 3))  # fmt: skip
    return folder, tmp_path / "output"


def _unknown_exits(result):
    return [(i.value, i.cell, i.variant, i.detail) for i in result.issues
            if i.code == "exited-not-listed-at-start"]  # fmt: skip


def test_january_first_says_a_thoat_may_have_left_last_year(tmp_path):
    folder, out = _two_years(tmp_path)
    january, _, _ = execute(folder, out, "2025-01")
    # rows: header at 4, NM1 at 5, NM3 at 6, NM4 7, NM5 8, NM9 9; Mã hộ in column B
    assert _unknown_exits(january) == [
        ("NM3", "B6", "last-year-unknown", "2024"),
        ("NM9", "B9", "last-year-unknown", "2024"),
    ]
    [first] = [i for i in january.issues if i.code == "exited-not-listed-at-start"][:1]
    said = first.message("vi")
    assert "chưa có số liệu năm 2024" in said
    assert "Nếu hộ đã thoát trong năm 2024" in said and "thì không cần sửa" in said
    assert "Nếu không, hãy kiểm tra mã hộ." in said
    assert "cannot tell whether the household left in 2024" in first.message("en")
    # the Thoát rows count on no list: Nà Mòn is its start, 1 poor and 2 near-poor
    [na_mon] = [h for h in january.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["poor"], na_mon["near_poor"]) == (1, 2)
    poor = na_mon["movements"]["poor"]
    assert (poor["start"], poor["exited"], poor["new"], poor["end"]) == (1, 0, 0, 1)


def test_january_after_december_warns_only_the_code_never_listed(tmp_path):
    folder, out = _two_years(tmp_path)
    execute(folder, out, "2024-12")
    january, _, _ = execute(folder, out, "2025-01")
    # NM3 left in 2024 (December's 'Thoát'): no warning; NM9, on no list ever: check the code
    assert _unknown_exits(january) == [("NM9", "B9", "", "")]
    [said] = [i for i in january.issues if i.code == "exited-not-listed-at-start"]
    assert said.message("vi") == (
        "Hộ ghi 'Thoát' nhưng không có trong danh sách đầu năm. Hãy kiểm tra mã hộ."
    )


def test_january_without_start_list_says_no_month_of_the_year_not_no_history(tmp_path):
    """The 2025 plan without 'Danh sách đầu năm', December 2024 consolidated: January has no
    table since the start of the year (the contract's earliest stored month of 2025 is January
    itself), but it has last month's. The note said "chưa có số liệu các kỳ trước" (no earlier
    period at all) above December's table; it now names the year."""
    import openpyxl

    folder, out = _two_years(tmp_path)
    wb = openpyxl.load_workbook(folder / "KeHoach_2025.xlsx")
    del wb["Danh sách đầu năm"]
    wb.save(folder / "KeHoach_2025.xlsx")
    execute(folder, out, "2024-12")
    january, _, _ = execute(folder, out, "2025-01")
    assert january.summary["totals"]["movements"] is None
    # December → January in Nà Mòn: NM2 (Thoát in December) is gone, nothing else moved
    month = january.summary["totals"]["movements_month"]["poor"]
    assert (month["start"], month["exited"], month["new"], month["end"]) == (1, 0, 0, 1)
    book = openpyxl.load_workbook(out / "2025-01" / "TongHop_2025-01.xlsx")
    for sheet in ("Biến động", "Tổng hợp"):
        [said] = [c.value for row in book[sheet].iter_rows() for c in row
                  if isinstance(c.value, str) and c.value.startswith("Chưa tính được")]  # fmt: skip
        assert said == (
            "Chưa tính được biến động từ đầu năm: kế hoạch năm 2025 không có danh sách đầu năm "
            "và chưa có kỳ nào của năm 2025 được tổng hợp trước kỳ này (các kỳ sau của năm sẽ so "
            "với kỳ đầu tiên của năm được lưu)."
        )
    texts = [c.value for row in book["Biến động"].iter_rows() for c in row if c.value]
    assert "II. BIẾN ĐỘNG SO VỚI THÁNG TRƯỚC (tháng 12/2024)" in texts


def test_a_hamlet_merged_in_the_new_plan_is_told_whose_list_its_households_belong_in(tmp_path):
    """The 2025 plan merges Đồng Kè into Bản Cọ (350 households, start list: BC1, BC2, DK1 poor,
    BC3, DK2 near-poor, all under Bản Cọ). In January Bản Cọ sends its old list (BC1, BC2 poor,
    BC3 near-poor) and Đồng Kè's head still sends Đồng Kè's (DK1 poor, DK2 near-poor). Đồng
    Kè's list is refused (no such hamlet). Its households used to count as exited in Bản Cọ
    (start 3 − 1 = 2 poor, 2 − 1 = 1 near-poor); since session 25 they are not counted (DK1
    poor, DK2 near-poor: start 3 − 1 not counted = 2 poor, 2 − 1 = 1 near-poor) and Bản Cọ is
    left out of the commune's figures. The refusal used to be the plain "write the hamlet as the
    plan has it"; it now says the codes are Bản Cọ's and that, if merged, they belong in Bản
    Cọ's one list (until then not counted, Bản Cọ left out of the commune's figures)."""
    from tests.test_session25_merged_figures import split_january_run

    result, _ = split_january_run(tmp_path)
    [refused] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert (refused.file, refused.value, refused.variant, refused.instead) == (
        "DongKe.xlsx", "Đồng Kè", "merged", "Bản Cọ",
    )  # fmt: skip
    said = refused.message("vi")
    assert "Các mã hộ trong danh sách là của xóm Bản Cọ (2/2 mã hộ có trong danh sách đầu" in said
    assert "và xóm Bản Cọ đã gửi danh sách riêng. Nếu xóm 'Đồng Kè' đã sáp nhập vào xóm Bản" in said
    assert "các hộ đó chưa được tính (không phải đã thoát) và xóm Bản Cọ chưa được tính" in said
    assert "If 'Đồng Kè' was merged into Bản Cọ" in refused.message("en")
    [ban_co] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Bản Cọ"]
    poor, near = ban_co["movements"]["poor"], ban_co["movements"]["near_poor"]
    assert (poor["start"], poor["exited"], poor["not_counted"], poor["end"]) == (3, 0, 1, 2)
    assert (near["start"], near["exited"], near["not_counted"], near["end"]) == (2, 0, 1, 1)


def test_last_years_plan_kept_in_the_folder_says_whose_year_it_is(tmp_path):
    """'Nộp báo cáo' listed the plan not used as 'Bỏ qua' and no more: the officer who keeps
    both plans (as README says) could not tell it was skipped for its year, not for a fault."""
    import openpyxl

    folder, out = _two_years(tmp_path)

    def plan_row(period: str, plan: str) -> tuple:
        book = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")
        return next(r for r in book["Nộp báo cáo"].iter_rows(values_only=True) if plan in r)

    execute(folder, out, "2024-12")
    assert plan_row("2024-12", "KeHoach_2025.xlsx")[2] == (
        "Bỏ qua: kế hoạch năm 2025 (kỳ này dùng kế hoạch năm 2024)"
    )
    execute(folder, out, "2025-01")
    assert plan_row("2025-01", "KeHoach_2024.xlsx")[2] == (
        "Bỏ qua: kế hoạch năm 2024 (kỳ này dùng kế hoạch năm 2025)"
    )
