"""Session 57 (helper D2): the small-merger share of a plan without a start list (all of a
dropped hamlet's households but one, three at least, under one hamlet: renames.lists_alone)
taken by every caller of renames.hamlet_renames with ``shared``, so that no notice tells a
split, nor the figures of a renamed-and-merged hamlet read one, where D's rule
(tests.test_session57_d_small_merger_by_lists) counts a merger.

Session 56 M's households (tests.test_session56_m_small_merger): Nà Mòn Lò Văn An 001, Lò Văn
Cường 003 poor, Lò Văn Bình 002 near-poor; Bản Cọ Hà Thị Dung 004, Hà Thị Em 005, Lò Văn Tám
010 poor, Hà Thị Phương 006 near-poor; Đồng Kè Ma Văn Giang 007 poor, Ma Văn Hải 008
near-poor."""

from __future__ import annotations

from datetime import date

from pipeline.messages import in_language
from pipeline.output import NOTICES
from tests.commune import write_roster
from tests.test_session54_b_renumbered_within import na_mon_rows
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import table
from tests.test_session56_m_small_merger import (
    AN,
    BINH,
    CUONG,
    DECEMBER,
    DUNG,
    EM,
    GIANG,
    HAI,
    PHUONG,
    TAM,
    merged_lists,
    run_month,
    write_plans,
)
from tests.test_session57_d_small_merger_by_lists import (
    MERGED_COMMUNE,
    MERGED_MONTH,
    month_tables,
    plan_without_start_list,
)

LOC = ("011", "Lò Văn Lộc", 1961, "near_poor")
LATE = "BanCo_sua_2024-04.xlsx"


def _may(tmp_path, april: dict, may: dict, plan: dict | None = None) -> tuple:
    """April 2024 run with ``april`` (the 2024 plan's start list so), the plan revised for May
    without a start list (its hamlets ``plan``'s, else ``may``'s), May run with ``may``.
    Returns May's JSON, the input and the output folders."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plans(folder, {2024: april})
    run_month(folder, out, "2024-04", april, date(2024, 5, 3))
    plan_without_start_list(folder, 2024, plan or may)
    return run_month(folder, out, "2024-05", may, date(2024, 6, 3)), folder, out


def test_a_late_list_of_a_small_hamlet_merged_by_the_lists_alone_is_told_its_merger(tmp_path):
    """March: Nà Mòn, Bản Cọ (Dung, Em, Phương, Tám), Đồng Kè. April's plan renames Bản Cọ 'Bản
    Cọ Mới' (its start list so); May's plan, without a start list, drops it, May's lists writing
    Dung, Em, Phương under Nà Mòn and Tám under Đồng Kè: merged into Nà Mòn (D's rule: 3 of 4).
    Then Bản Cọ's head sends April's list again, corrected (Phương poor), under March's name
    'Bản Cọ'; May run again. The notice says to write April's name 'Bản Cọ Mới' and, as for a
    hamlet merged since, that it joined Nà Mòn from 05/2024 and not to write 'Nà Mòn' (Nà Mòn
    had its own April list). Before: notices._merged_into asked 4 in 5 of the lists, found no
    merger, and left that clause out, the figures counting it merged."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    march = {"Nà Mòn": [AN, BINH, CUONG], "Bản Cọ": [DUNG, EM, PHUONG, TAM],
             "Đồng Kè": [GIANG, HAI]}  # fmt: skip
    write_plans(folder, {2024: march})
    run_month(folder, out, "2024-03", march, date(2024, 4, 3))
    april = {"Nà Mòn": march["Nà Mòn"], "Bản Cọ Mới": march["Bản Cọ"], "Đồng Kè": [GIANG, HAI]}
    write_plans(folder, {2024: april})
    run_month(folder, out, "2024-04", april, date(2024, 5, 3))
    may = merged_lists({})
    plan_without_start_list(folder, 2024, may)
    summary = run_month(folder, out, "2024-05", may, date(2024, 6, 3))
    assert [(h["hamlet"], h.get("merged_from")) for h in summary["hamlets"]] == [
        ("Nà Mòn", ["Bản Cọ Mới"]), ("Đồng Kè", None)]  # fmt: skip
    corrected = [DUNG, EM, (*PHUONG[:3], "poor"), TAM]
    write_roster(folder, LATE, "Bản Cọ", 100, na_mon_rows(corrected, hamlet="Bản Cọ"),
                 "2024-04", date(2024, 6, 5))  # fmt: skip
    run_month(folder, out, "2024-05", may, date(2024, 6, 3))
    kept = out / "2024-04" / "nguon" / "KeHoach_2024.xlsx"
    said = [n for n in NOTICES if "Có danh sách kỳ" in in_language(n, "vi")]
    assert [in_language(n, "vi") for n in said] == [
        f"Có danh sách kỳ 04/2024 của xóm Bản Cọ Mới ('{LATE}') khác với tệp đã dùng khi tổng "
        "hợp kỳ đó (có thể là bản sửa). Để tính lại kỳ đó, hãy sửa ô 'Xóm' thành tên xóm như "
        f"trong kế hoạch của kỳ đó — tệp '{LATE}' ghi 'Bản Cọ' ở ô B3 trang 'Thông tin', kế "
        "hoạch kỳ đó ghi là 'Bản Cọ Mới' (từ kỳ 05/2024 xóm này sáp nhập vào xóm Nà Mòn, các "
        "hộ ghi trong danh sách xóm Nà Mòn, nhưng kỳ 04/2024 xóm Nà Mòn có danh sách riêng: "
        "đừng ghi 'Nà Mòn') — rồi chạy lại kỳ đó với kế hoạch đã dùng khi đó (kỳ 04/2024 được "
        "tổng hợp trước khi kế hoạch bỏ hoặc gộp xóm Bản Cọ Mới): tạm thay tệp "
        f"'KeHoach_2024.xlsx' trong thư mục đầu vào bằng bản được giữ ở '{kept}', chạy lại kỳ "
        "đó, rồi đặt tệp kế hoạch mới trở lại. Lệnh chạy lại kỳ đó: giamngheo run --period "
        "2024-04"
    ]
    assert "(from 05/2024 the hamlet is merged into Nà Mòn, its households on Nà Mòn's list, " \
        "but in 04/2024 Nà Mòn had its own list: do not write 'Nà Mòn')" in in_language(
            said[0], "en")  # fmt: skip


def test_a_hamlet_renamed_with_a_small_one_merged_into_it_by_the_lists_alone(tmp_path):
    """April: Nà Mòn An, Cường poor, Bình, Lộc 011 near-poor; Bản Cọ as above. May's plan,
    without a start list, has Nà Mòn Mới, Khuổi Hin (new) and Đồng Kè; May's lists: Nà Mòn Mới
    An, Bình, Cường, Dung, Em, Phương; Khuổi Hin Lộc, Tám. 3 of each old hamlet's 4 on Nà Mòn
    Mới's list, 1 on Khuổi Hin's: renamed and merged at once (the one whose name it holds,
    Nà Mòn, renamed; Bản Cọ merged: session 32), at D's share. Worked by hand: Nà Mòn Mới's
    month table starts from both April lists, poor An, Cường, Dung, Em, Tám 5, moved out 1
    (Tám), 4; near-poor Bình, Lộc, Phương 3, moved out 1 (Lộc), 2. Đồng Kè 1 to 1 and 1 to 1.
    Before (4 in 5 there): neither paired, Nà Mòn Mới no 'renamed_from', no 'merged_from'."""
    april = {"Nà Mòn": [AN, BINH, CUONG, LOC], "Bản Cọ": [DUNG, EM, PHUONG, TAM],
             "Đồng Kè": [GIANG, HAI]}  # fmt: skip
    may = {"Nà Mòn Mới": [AN, BINH, CUONG, DUNG, EM, PHUONG], "Khuổi Hin": [LOC, TAM],
           "Đồng Kè": [GIANG, HAI]}  # fmt: skip
    summary, _, _ = _may(tmp_path, april, may)
    new_na_mon, _, dong_ke = summary["hamlets"]
    assert (new_na_mon["hamlet"], new_na_mon.get("renamed_from"), new_na_mon.get("merged_from")) == (
        "Nà Mòn Mới", [{"hamlet": "Nà Mòn", "period": "2024-05"}], ["Bản Cọ"])  # fmt: skip
    assert table(new_na_mon["movements_month"]) == (
        (5, 0, 0, 0, 1, 0, 0, 0, 0, 0, 4), (3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2))  # fmt: skip
    assert (dong_ke["hamlet"], table(dong_ke["movements_month"])) == (
        "Đồng Kè", ((1, *[0] * 9, 1), (1, *[0] * 9, 1)))  # fmt: skip


def test_hamlets_back_after_silence_beside_a_small_one_merged_by_the_lists_alone(tmp_path):
    """March: Nà Mòn, Bản Cọ, Đồng Kè as above; April: Bản Cọ's list alone (Nà Mòn and Đồng Kè
    silent). May's plan, without a start list, drops Bản Cọ; May's lists as D's (Dung, Em,
    Phương under Nà Mòn, Tám under Đồng Kè). Nà Mòn and Đồng Kè are compared with their latest
    lists (March's) and Bản Cọ's April list is Nà Mòn's (baselines._latest_named, at D's
    share). Worked by hand: Nà Mòn poor An, Cường, Dung, Em, Tám 5, moved out 1 (Tám), 4,
    near-poor 2 to 2; Đồng Kè poor 1, moved in 1, 2, near-poor 1 to 1; the commune 6, 1 out, 1
    in, 6 and 3 to 3; Tám told moved from Nà Mòn to Đồng Kè in both tables, as the year's
    (against March, the year's first month, by D's rule) told it. Before: the month table read
    a split (Nà Mòn 2 + 2 moved in, Đồng Kè 1 + 1, the commune poor 3 + 3 moved in; four
    "Chuyển đến từ Bản Cọ") beside the year's table's merger."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plans(folder, {2024: DECEMBER})
    run_month(folder, out, "2024-03", DECEMBER, date(2024, 4, 3))
    run_month(folder, out, "2024-04", {"Bản Cọ": DECEMBER["Bản Cọ"]}, date(2024, 5, 3))
    may = merged_lists({})
    plan_without_start_list(folder, 2024, may)
    summary = run_month(folder, out, "2024-05", may, date(2024, 6, 3))
    assert month_tables(summary) == (
        [("Nà Mòn", ["Bản Cọ"], MERGED_MONTH["Nà Mòn"]),
         ("Đồng Kè", None, MERGED_MONTH["Đồng Kè"])],
        MERGED_COMMUNE,
    )  # fmt: skip
    assert listed_movements(out, "2024-05") == [
        ("Nà Mòn", "010", "Chuyển sang Đồng Kè", "Từ đầu năm"),
        ("Đồng Kè", "010", "Chuyển đến từ Nà Mòn", "Từ đầu năm"),
        ("Nà Mòn", "010", "Chuyển sang Đồng Kè", "So với tháng 3/2024"),
        ("Đồng Kè", "010", "Chuyển đến từ Nà Mòn", "So với tháng 3/2024"),
    ]


def test_a_hamlet_of_four_divided_two_and_two_by_a_plan_without_a_start_list_is_split(tmp_path):
    """A guard: Bản Cọ of four dropped by May's plan (no start list), May's lists Dung, Em under
    Nà Mòn, Phương, Tám under Đồng Kè. 2 of 4 is no 'all but one': a split. Worked by hand: Nà
    Mòn poor 2 + 2 moved in = 4, near-poor 1 to 1; Đồng Kè poor 1 + 1 (Tám) = 2, near-poor 1 + 1
    (Phương) = 2; the commune poor 3, in 3, 6, near-poor 2, in 1, 3 (Bản Cọ's April left out, as
    for any split)."""
    april = {"Nà Mòn": [AN, BINH, CUONG], "Bản Cọ": [DUNG, EM, PHUONG, TAM],
             "Đồng Kè": [GIANG, HAI]}  # fmt: skip
    may = {"Nà Mòn": [AN, BINH, CUONG, DUNG, EM], "Đồng Kè": [GIANG, HAI, PHUONG, TAM]}
    summary, _, _ = _may(tmp_path, april, may)
    assert month_tables(summary) == (
        [("Nà Mòn", None, ((2, 0, 0, 0, 0, 0, 0, 0, 2, 0, 4), (1, *[0] * 9, 1))),
         ("Đồng Kè", None, ((1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2), (1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2)))],
        ((3, 0, 0, 0, 0, 0, 0, 0, 3, 0, 6), (2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 3)),
    )  # fmt: skip


def test_a_hamlet_the_plan_still_has_is_not_merged_by_the_lists_alone(tmp_path):
    """A guard: May's plan (no start list) still has Bản Cọ, which sends nothing; 3 of its 4
    households (Dung, Em, Phương) are on Nà Mòn's May list. Not merged: Bản Cọ missing, its
    three moved in. Worked by hand: Nà Mòn poor 2 + 2 = 4, near-poor 1 + 1 = 2; Đồng Kè 1 to 1
    and 1 to 1; the commune (Bản Cọ left out, missing) poor 3, in 2, 5, near-poor 2, in 1, 3."""
    april = {"Nà Mòn": [AN, BINH, CUONG], "Bản Cọ": [DUNG, EM, PHUONG, TAM],
             "Đồng Kè": [GIANG, HAI]}  # fmt: skip
    may = {"Nà Mòn": [AN, BINH, CUONG, DUNG, EM, PHUONG], "Đồng Kè": [GIANG, HAI]}
    summary, _, _ = _may(tmp_path, april, may, {**may, "Bản Cọ": [TAM]})
    assert [(h["hamlet"], h["status"], h.get("merged_from")) for h in summary["hamlets"]] == [
        ("Nà Mòn", "ok", None), ("Đồng Kè", "ok", None), ("Bản Cọ", "missing", None)]  # fmt: skip
    assert table(summary["hamlets"][0]["movements_month"]) == (
        (2, 0, 0, 0, 0, 0, 0, 0, 2, 0, 4), (1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2))  # fmt: skip
    assert table(summary["totals"]["movements_month"]) == (
        (3, 0, 0, 0, 0, 0, 0, 0, 2, 0, 5), (2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 3))  # fmt: skip
