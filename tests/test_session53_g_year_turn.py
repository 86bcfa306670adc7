"""Session 53 (helper G): the commune officer from November to February across the year's turn
(QA). Each defect found pinned by a small fixture worked out by hand.

The small commune (tests.commune): Nà Mòn 100 households, Bản Cọ 200, Đồng Kè 150; November and
December 2024 run under the 2024 plan (tests.month_lists), January 2025 under the 2025 plan."""

from __future__ import annotations

import json
from datetime import date

import openpyxl
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.messages import in_language
from pipeline.output import NOTICES
from pipeline.run import execute
from tests.commune import person, write_roster
from tests.month_lists import november_then_december_and_january
from tests.year_turn import (
    FIRST_CODE,  # noqa: F401 (kept importable here for the year's-turn tests)
    PEOPLE,
    SLUGS,
    write_year_turn_plans,
    year_turn_households,
)


def notices_with(text: str) -> list[str]:
    """The Vietnamese notices of the last run holding ``text``."""
    return [in_language(n, "vi") for n in NOTICES if text in in_language(n, "vi")]


# --- 1. January's list with last year's 'Kỳ báo cáo', December run again -----------------------


def test_januarys_list_left_with_last_years_month_is_no_month_to_run_before_december(tmp_path):
    """November and December 2024 run (Đồng Kè sent nothing in December); January 2025 run with
    Nà Mòn's list 'NaMon_2025-01.xlsx' whose 'Kỳ báo cáo' the head left at last year's 01/2024
    (told as January's list with its cell to correct). Đồng Kè's December list then comes late
    and December is run again. Before: December's run said the folder held a list of 01/2024
    never consolidated, and told the officer to run 2024-01, then December: that would have
    stored Nà Mòn's January 2025 households as its January 2024. Now nothing is said of 01/2024;
    December counts its three lists (poor NM1-3, BC1-2, DK1: 6; near-poor NM4, BC3, DK2: 3, of
    100 + 200 + 150 = 450 households) and says January was run with its old figures."""
    folder, out = november_then_december_and_january(tmp_path, run_december=True)
    rows = [person(f"NM{i}", "poor" if i <= 3 else "near_poor") for i in range(1, 5)]
    write_roster(folder, "NaMon_2025-01.xlsx", "Nà Mòn", 100, rows, "2024-01", date(2025, 2, 3))
    execute(folder, out, "2025-01")
    assert len(notices_with("ô 'Kỳ báo cáo' ghi 01/2024")) == 1  # January's: the cell to fix
    dk = [person("DK1", "poor"), person("DK2", "near_poor")]
    write_roster(folder, "DongKe_2024-12.xlsx", "Đồng Kè", 150, dk, "2024-12", date(2025, 2, 5))
    execute(folder, out, "2024-12")
    assert notices_with("chưa từng được tổng hợp") == []
    assert notices_with("01/2024") == []
    assert len(notices_with("Các kỳ sau (01/2025) đã được tổng hợp với số liệu cũ")) == 1
    totals = json.loads((out / "2024-12" / "TongHop_2024-12.json").read_text("utf-8"))["totals"]
    assert (totals["households"], totals["poor"], totals["near_poor"]) == (450, 6, 3)


# --- 2. codes renumbered at the year's turn, a head writing last year's -------------------------


def renumbered_commune(tmp_path, codes_of: dict[str, int], slips: dict | None = None):
    """Both plans (100 households a hamlet; 2 poor and 1 near-poor in Nà Mòn and Bản Cọ, 1 and
    1 in Đồng Kè; each year's start list in its codes); December 2024's lists in 2024's codes,
    run; January 2025's lists, each hamlet's in the codes of the year ``codes_of`` gives it
    (``slips``: hamlet -> {row's index: the code written instead}), run. Returns (the January
    run's JSON, its issues)."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_year_turn_plans(folder)
    for period, prepared in (("2024-12", date(2025, 1, 3)), ("2025-01", date(2025, 2, 3))):
        for hamlet, slug in SLUGS.items():
            year = 2024 if period == "2024-12" else codes_of[hamlet]
            rows = year_turn_households(hamlet, year)
            for at, code in ((slips or {}).get(hamlet, {}) if year == 2025 else {}).items():
                rows[at] = dict(rows[at], ma_ho=code)
            write_roster(folder, f"{slug}_{period}.xlsx", hamlet, 100, rows, period,
                         prepared)  # fmt: skip
        result, _, _ = execute(folder, out, period)
    summary = json.loads((out / "2025-01" / "TongHop_2025-01.json").read_text("utf-8"))
    return summary, result.issues


def test_lists_in_last_years_codes_renumbered_by_the_start_list_are_no_swap(tmp_path):
    """The 2025 start list renumbers Nà Mòn's households 004-006 and Bản Cọ's 001-003 (their
    2024 codes the other way round); both heads write January's list in last year's codes.
    Before: both lists were refused as a swap of files ('swapped': "có thể hai xóm đã dùng nhầm
    tệp của nhau"), each told as the other hamlet's and told to write the other hamlet's name
    in its 'Xóm' cell, which would count Nà Mòn's households under Bản Cọ. Now each is refused
    as its own hamlet's list written in last year's codes (variant 'renumbered', at the 'Mã
    hộ' column, its 'Xóm' cell not to change), naming the hamlet the start list gives the codes
    to. Đồng Kè alone counts: 100 households, 1 poor, 1 near-poor (1.00 % each), as at the
    start of the year."""
    summary, issues = renumbered_commune(
        tmp_path, {"Nà Mòn": 2024, "Bản Cọ": 2024, "Đồng Kè": 2025}
    )
    said = [
        (i.file, i.hamlet, i.detail, i.value, i.variant, i.column, i.instead)
        for i in issues
        if i.code == "hamlet-codes-of-file-name"
    ]
    assert sorted(said) == [
        ("BanCo_2025-01.xlsx", "Bản Cọ", "Nà Mòn", "", "renumbered", "Mã hộ", "NaMon_2025-01.xlsx"),
        ("NaMon_2025-01.xlsx", "Nà Mòn", "Bản Cọ", "", "renumbered", "Mã hộ", "BanCo_2025-01.xlsx"),
    ]
    assert [(h["hamlet"], h["status"]) for h in summary["hamlets"]] == [
        ("Nà Mòn", "rejected"),
        ("Bản Cọ", "rejected"),
        ("Đồng Kè", "ok"),
    ]
    totals = summary["totals"]
    assert (totals["households"], totals["poor"], totals["near_poor"]) == (100, 1, 1)
    assert (totals["poor_rate"], totals["near_poor_rate"]) == (1.0, 1.0)


def test_a_swap_of_files_in_january_is_still_told_as_a_swap(tmp_path):
    """Guard: the heads of Nà Mòn and Bản Cọ write the start list's new codes, but each on the
    other's file (Nà Mòn's households, 004-006, under 'Bản Cọ', and the reverse; the files
    named 'DanhSach1_2025-01.xlsx' and 'DanhSach2_…', their titles naming the cell's hamlet too): their codes
    were the other hamlet's last year as well as now, so it is the swap of session 51,
    refused as before, each list as its codes' hamlet's."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    summary, issues = renumbered_commune(
        tmp_path, {"Nà Mòn": 2025, "Bản Cọ": 2025, "Đồng Kè": 2025}
    )
    assert summary["totals"]["poor"] == 4 + 1  # every list right: counted
    for number, (named, whose) in enumerate((("Bản Cọ", "Nà Mòn"), ("Nà Mòn", "Bản Cọ")), 1):
        (folder / f"{SLUGS[named]}_2025-01.xlsx").unlink()
        write_roster(folder, f"DanhSach{number}_2025-01.xlsx", named, 100,
                     year_turn_households(whose, 2025), "2025-01", date(2025, 2, 4))  # fmt: skip
    result, _, _ = execute(folder, out, "2025-01")
    said = sorted(
        (i.file, i.hamlet, i.value, i.variant)
        for i in result.issues
        if i.code == "hamlet-codes-of-file-name"
    )
    assert said == [
        ("DanhSach1_2025-01.xlsx", "Nà Mòn", "Bản Cọ", "swapped-title"),
        ("DanhSach2_2025-01.xlsx", "Bản Cọ", "Nà Mòn", "swapped-title"),
    ]


def test_januarys_month_table_pairs_renumbered_households_by_name(tmp_path):
    """Every head writes January 2025's list in the start list's new codes (Nà Mòn's 004-006
    were Bản Cọ's in 2024, and the reverse). Before: 'Biến động' part II, against December
    2024, matched by code: in each of Nà Mòn and Bản Cọ 2 poor and 1 near-poor gone without
    'Thoát' ("đề nghị xác nhận") and 2 poor and 1 near-poor new, all 'tái nghèo', their codes
    the other hamlet's households' in December. Now a code listed in another hamlet for
    another household is no move, and the household is paired by head's name and birth year
    as any code written otherwise: no movement since December in any hamlet (start = end: 2
    poor, 1 near-poor; Đồng Kè 1 and 1), as since the start of the year."""
    summary, _ = renumbered_commune(tmp_path, {"Nà Mòn": 2025, "Bản Cọ": 2025, "Đồng Kè": 2025})
    for hamlet in summary["hamlets"]:
        size = len(PEOPLE[hamlet["hamlet"]]) - 1  # poor: all but the last, near-poor
        for scope in ("movements", "movements_month"):
            poor, near = hamlet[scope]["poor"], hamlet[scope]["near_poor"]
            moved = {
                (name, k): v
                for name in ("poor", "near_poor")
                for k, v in hamlet[scope][name].items()
                if k not in ("start", "end") and v
            }
            assert (scope, hamlet["hamlet"], moved) == (scope, hamlet["hamlet"], {})
            assert (poor["start"], poor["end"], near["start"], near["end"]) == (size, size, 1, 1)


def test_one_list_in_last_years_codes_beside_one_in_the_new_says_each_households_code_now(
    tmp_path,
):
    """Nà Mòn's head writes January's list in last year's codes (Lò Văn An 001, Lò Văn Bình
    002, Lò Văn Cường 003), Bản Cọ's in the 2025 start list's (Hà Thị Dung 001, Hà Thị Em 002,
    Hà Thị Phương 003): each code twice in the commune, so every one of the six rows is left
    out (CONTRACT §4.2). Before: each row was asked "nếu là cùng một hộ … nếu là hai hộ khác
    nhau …", no word of the codes renumbered. Now the start list gives 001 to Bản Cọ's Hà Thị
    Dung and has Nà Mòn's Lò Văn An (born 1951) under 004: Nà Mòn's row is told its list is
    in last year's codes and the household's code now, Bản Cọ's to keep its row, naming the
    other household's code now; the run's 'Lỗi dữ liệu', Nà Mòn's feedback and `check` alike.
    Every row of both lists left out, both are refused (the test below): only Đồng Kè counts,
    1 poor and 1 near-poor of its 100 households."""
    summary, issues = renumbered_commune(
        tmp_path, {"Nà Mòn": 2024, "Bản Cọ": 2025, "Đồng Kè": 2025}
    )
    told = sorted(
        (i.file, i.row, i.value, i.variant) for i in issues if i.code == "duplicate-household-id"
    )
    assert told == [
        ("BanCo_2025-01.xlsx", 5, "001", "renumbered-new"),
        ("BanCo_2025-01.xlsx", 6, "002", "renumbered-new"),
        ("BanCo_2025-01.xlsx", 7, "003", "renumbered-new"),
        ("NaMon_2025-01.xlsx", 5, "001", "renumbered-old"),
        ("NaMon_2025-01.xlsx", 6, "002", "renumbered-old"),
        ("NaMon_2025-01.xlsx", 7, "003", "renumbered-old"),
    ]
    old = (
        "Mã hộ '001' bị trùng với xóm Bản Cọ, tệp BanCo_2025-01.xlsx, dòng 5: theo danh sách "
        "đầu năm 2025, mã này là mã của hộ 'Hà Thị Dung' xóm Bản Cọ, còn hộ này ('Lò Văn An') "
        "nay có mã '004'. Danh sách của xóm Nà Mòn có lẽ còn ghi mã hộ năm trước (mã hộ đã "
        "được đánh lại từ đầu năm). Hãy ghi lại cột 'Mã hộ' của danh sách theo mã mới của từng "
        "hộ trong danh sách đầu năm (không sửa ô 'Xóm') rồi gửi lại: khi đó cả hai dòng đều "
        "được tính (các dòng này tạm chưa được tính)."
    )
    new = (
        "Mã hộ '003' bị trùng với xóm Nà Mòn, tệp NaMon_2025-01.xlsx, dòng 7: theo danh sách "
        "đầu năm 2025, mã này là mã của hộ này ('Hà Thị Phương'), còn hộ 'Lò Văn Cường' ở dòng "
        "đó của xóm Nà Mòn nay có mã '006'. Danh sách của xóm kia có lẽ còn ghi mã hộ năm "
        "trước (mã hộ đã được đánh lại từ đầu năm). Dòng này ghi đúng mã: hãy giữ nguyên; xóm "
        "kia cần ghi lại cột 'Mã hộ' theo danh sách đầu năm rồi gửi lại, khi đó cả hai dòng "
        "đều được tính (các dòng này tạm chưa được tính)."
    )
    out = tmp_path / "ra"
    book = openpyxl.load_workbook(out / "2025-01" / "TongHop_2025-01.xlsx", read_only=True)
    errors = [r[10] for r in book["Lỗi dữ liệu"].iter_rows(values_only=True) if len(r) > 10]
    book.close()
    assert old in errors and new in errors
    feedback = out / "2025-01" / "PhanHoi" / "Nà Mòn_2025-01.xlsx"
    guide = list(openpyxl.load_workbook(feedback, read_only=True)["Hướng dẫn sửa"].values)
    # (the list's refusal first, the test below; then its rows)
    assert [r[2:8] for r in guide if r and r[0] == 2] == [("B5", 5, "Mã hộ", "001", "Lỗi", old)]
    checked = CliRunner().invoke(main, ["check", str(tmp_path / "vao"), "--output", str(out)])
    assert f"NaMon_2025-01.xlsx, Danh sách, B5 (duplicate-household-id): {old}\n" in checked.output
    assert f"BanCo_2025-01.xlsx, Danh sách, B7 (duplicate-household-id): {new}\n" in checked.output
    # all six rows left out, both lists refused: Đồng Kè alone counted
    poor = {h["hamlet"]: (h["poor"], h["near_poor"]) for h in summary["hamlets"]}
    assert poor == {"Nà Mòn": (None, None), "Bản Cọ": (None, None), "Đồng Kè": (1, 1)}
    totals = summary["totals"]
    assert (totals["households"], totals["poor"], totals["near_poor"]) == (100, 1, 1)


def test_a_list_whose_every_row_is_left_out_across_the_commune_is_refused(tmp_path):
    """The pair above (Nà Mòn in last year's codes, Bản Cọ in the new): each list passes its
    own checks, but all 3 of its rows are left out for the codes written twice (CONTRACT §4.2).
    Before: both counted as 0 poor and 0 near-poor of 100 households, against 2 poor and 1
    near-poor at the start: Nà Mòn's poor reduction 2 of a target of 1 ('Đạt', 200 %), the
    commune 300 households, 1 poor (0.33 %) against 5 at the start (1.67 %), a reduction of
    1.33 points, met. Now both are refused as a list whose own rows all fail is
    (all-rows-rejected, variant 'across'), out of the totals current and start alike: the
    commune is Đồng Kè's 100 households, 1 poor and 1 near-poor now and at the start (1.00 %
    each), a poor reduction of 0 against 0.5 points, not met; 1/3 hamlets, "complete": false.
    'Theo xóm', 'Nộp báo cáo', 'Xu hướng', the screen and `check` say the same."""
    summary, issues = renumbered_commune(
        tmp_path, {"Nà Mòn": 2024, "Bản Cọ": 2025, "Đồng Kè": 2025}
    )
    refused = sorted((i.file, i.detail, i.variant) for i in issues if i.code == "all-rows-rejected")
    assert refused == [("BanCo_2025-01.xlsx", "3", "across"), ("NaMon_2025-01.xlsx", "3", "across")]
    assert summary["complete"] is False
    status = {h["hamlet"]: (h["status"], h["households"], h["poor"]) for h in summary["hamlets"]}
    assert status == {
        "Nà Mòn": ("rejected", None, None),
        "Bản Cọ": ("rejected", None, None),
        "Đồng Kè": ("ok", 100, 1),
    }
    t = summary["totals"]
    figures = (t["households"], t["poor"], t["near_poor"], t["start_households"],
               t["start_poor"], t["start_near_poor"], t["poor_rate"], t["start_poor_rate"],
               t["poor_rate_reduction"], t["poor_target_met"])  # fmt: skip
    assert figures == (100, 1, 1, 100, 1, 1, 1.0, 1.0, 0.0, False)
    folder, out = tmp_path / "vao", tmp_path / "ra"
    screen = CliRunner().invoke(
        main, ["run", "--input", str(folder), "--output", str(out), "--period", "2025-01"]
    )
    assert "Xóm: 1/3 đã tổng hợp, 0 chưa nộp, 2 bị từ chối" in screen.output
    # a line each, with why (session 57), under the name where too long beside it, cut to
    # the screen's width at a clause (R6)
    why = "    — cả 3 dòng hộ đều bị loại, có dòng vì 'Mã hộ' trùng với danh sách của xóm khác…"
    assert f"  Bị từ chối: Nà Mòn (NaMon_2025-01.xlsx)\n{why}\n" in screen.output
    assert f"  Bị từ chối: Bản Cọ (BanCo_2025-01.xlsx)\n{why}\n" in screen.output
    book = openpyxl.load_workbook(out / "2025-01" / "TongHop_2025-01.xlsx", read_only=True)
    sent = list(book["Nộp báo cáo"].iter_rows(values_only=True))
    per_hamlet = list(book["Theo xóm"].iter_rows(values_only=True))
    trend = list(book["Xu hướng"].iter_rows(values_only=True))
    book.close()
    end = next(i for i, r in enumerate(sent) if r[0] == "CÁC TỆP KHÁC")
    told = {r[1]: (r[2], r[4], r[5]) for r in sent[:end] if isinstance(r[0], int)}
    why = (
        "Bị từ chối: cả 3 dòng hộ đều bị loại, có dòng vì 'Mã hộ' trùng với danh sách của xóm "
        "khác; được tính khi các mã trùng đã được giải quyết"
    )
    assert told == {"Nà Mòn": (why, 3, 3), "Bản Cọ": (why, 3, 3), "Đồng Kè": ("Hợp lệ", 2, 0)}
    rows = {r[1]: r[2:5] for r in per_hamlet if isinstance(r[0], int)}
    assert rows == {
        "Nà Mòn": ("Bị từ chối", None, None),
        "Bản Cọ": ("Bị từ chối", None, None),
        "Đồng Kè": ("Đã tổng hợp", 100, 1),
    }
    total = next(r for r in per_hamlet if str(r[0]).startswith("Tổng cộng"))
    assert total[0] == "Tổng cộng (1/3 xóm đã tổng hợp)"
    month = next(r for r in trend if r[0] == "Tháng 1 (*)")
    assert month[1:4] == (100, 1, 1)  # households, poor, poor rate: Đồng Kè's alone
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)])
    assert "NaMon_2025-01.xlsx, Danh sách (all-rows-rejected): Cả 3 dòng hộ" in checked.output
    assert "BanCo_2025-01.xlsx, Danh sách (all-rows-rejected): Cả 3 dòng hộ" in checked.output


def test_one_rows_code_slipped_to_another_households_is_no_list_in_last_years_codes(tmp_path):
    """January 2025, every list in the new codes, but Đồng Kè's head types Ma Văn Giang's code
    '001' for his '007': the start list gives 001 to Bản Cọ's Hà Thị Dung and has Giang under
    007, as for a list in last year's codes; but last year (December 2024, stored) 001 was Nà
    Mòn's Lò Văn An, not Giang. Before: Đồng Kè's row said "Danh sách của xóm Đồng Kè có lẽ
    còn ghi mã hộ năm trước" and to write the list's whole 'Mã hộ' column again, Bản Cọ's that
    the other list is in last year's codes. Now a slip of one row ('slip-old', 'slip-new'):
    that row's code to correct, no word of last year. Bản Cọ's 2 other rows still count, so
    its list counts (2 of 3 rows; Đồng Kè 1 of 2): 300 households, poor Bản Cọ's Hà Thị Em
    and Nà Mòn's 2 = 3, near-poor Phương, Cường and Đồng Kè's Hải = 3."""
    summary, issues = renumbered_commune(
        tmp_path, {"Nà Mòn": 2025, "Bản Cọ": 2025, "Đồng Kè": 2025}, {"Đồng Kè": {0: "001"}}
    )
    told = sorted(
        (i.file, i.row, i.value, i.variant) for i in issues if i.code == "duplicate-household-id"
    )
    assert told == [
        ("BanCo_2025-01.xlsx", 5, "001", "slip-new"),
        ("DongKe_2025-01.xlsx", 5, "001", "slip-old"),
    ]
    out = tmp_path / "ra"
    book = openpyxl.load_workbook(out / "2025-01" / "TongHop_2025-01.xlsx", read_only=True)
    errors = [r[10] for r in book["Lỗi dữ liệu"].iter_rows(values_only=True) if len(r) > 10]
    book.close()
    slip = (
        "Mã hộ '001' bị trùng với xóm Bản Cọ, tệp BanCo_2025-01.xlsx, dòng 5: theo danh sách "
        "đầu năm 2025, mã này là mã của hộ 'Hà Thị Dung' xóm Bản Cọ, còn hộ này ('Ma Văn "
        "Giang') nay có mã '007'. Dòng này có lẽ ghi nhầm mã hộ. Hãy sửa ô 'Mã hộ' của dòng "
        "này theo mã của hộ trong danh sách đầu năm (không sửa ô 'Xóm') rồi gửi lại: khi đó cả "
        "hai dòng đều được tính (các dòng này tạm chưa được tính)."
    )
    assert slip in errors
    assert not [e for e in errors if e and "năm trước" in e]
    totals = summary["totals"]
    assert (totals["households"], totals["poor"], totals["near_poor"]) == (300, 3, 3)
    assert summary["complete"] is True
