"""A household out of the lists, back on them under a new code in another hamlet of the
commune (docs/decisions.md, session 43): tái nghèo, as under its own code, where it alone
shares the head's name and birth year with one household out of the lists in the commune."""

from __future__ import annotations

import pandas as pd

import tests.test_session38_oracle as o38
from pipeline.timeline import departures
from tests.commune import new_commune, person, write_merged_plan
from tests.test_session42_recoded_back import code_changed, table

NM3 = "name|Nà Mòn|hoang van nm3|1970"


def _walk(rows: list[tuple], names: dict):
    statuses = pd.DataFrame(rows, columns=["period", "hamlet", "hh_key", "status"])
    return departures(statuses, None, names.__getitem__)


# January: Nà Mòn's NM1, NM3, Bản Cọ's BC1, Đồng Kè's DK1 and DK2; February: NM3 gone
JANUARY = [
    ("2024-01", "Nà Mòn", "id|nm1", "poor"),
    ("2024-01", "Nà Mòn", "id|nm3", "poor"),
    ("2024-01", "Bản Cọ", "id|bc1", "poor"),
    ("2024-01", "Đồng Kè", "id|dk1", "poor"),
    ("2024-01", "Đồng Kè", "id|dk2", "poor"),
    ("2024-02", "Nà Mòn", "id|nm1", "poor"),
    ("2024-02", "Bản Cọ", "id|bc1", "poor"),
    ("2024-02", "Đồng Kè", "id|dk1", "poor"),
]


def _names(dk2: str) -> dict:
    """NM3's head and DK2's (``dk2``: its name key) as each month stores them; March's BC9 is
    written with NM3's head's name and birth year."""
    first = {"id|nm1": "name|Nà Mòn|a|1960", "id|nm3": NM3, "id|bc1": "name|Bản Cọ|b|1961",
             "id|dk1": "name|Đồng Kè|c|1962", "id|dk2": dk2}  # fmt: skip
    return {"2024-01": first, "2024-02": first,
            "2024-03": {**first, "id|bc9": "name|Bản Cọ|hoang van nm3|1970"}}  # fmt: skip


def test_the_walk_pairs_a_return_in_another_hamlet_unless_a_namesake():
    """By hand. NM3 leaves Nà Mòn's list in February; in March Bản Cọ lists 'BC9' with NM3's
    head's name and birth year: NM3 back (BC9 left the lists too: tái nghèo when new; NM3 not
    out). Before, BC9 was new, NM3 out since February. Not so where DK2 of Đồng Kè shares the
    name and year and is out of the lists too (two candidates), nor where DK2 is gone from
    Đồng Kè's list in March itself (it may be DK2 moved under a new code: two households),
    alone or with NM3."""
    dk2 = "name|Đồng Kè|d|1963"
    march = [("2024-03", "Nà Mòn", "id|nm1", "poor"), ("2024-03", "Bản Cọ", "id|bc1", "poor"),
             ("2024-03", "Bản Cọ", "id|bc9", "poor"), ("2024-03", "Đồng Kè", "id|dk1", "poor")]  # fmt: skip
    found = _walk(JANUARY + march, _names(dk2))
    assert ("id|bc9" in found.ever, found.left_in) == (True, {"id|dk2": "2024-02"})
    # DK2, out since February, shares NM3's head's name and birth year: neither is BC9
    found = _walk(JANUARY + march, _names("name|Đồng Kè|hoang van nm3|1970"))
    assert ("id|bc9" in found.ever, found.left_in) == (
        False, {"id|nm3": "2024-02", "id|dk2": "2024-02"})  # fmt: skip
    # DK2 listed in February, gone from Đồng Kè's March list, shares the name: none paired
    february = [*JANUARY, ("2024-02", "Đồng Kè", "id|dk2", "poor")]
    found = _walk(february + march, _names("name|Đồng Kè|hoang van nm3|1970"))
    assert ("id|bc9" in found.ever, found.left_in) == (
        False, {"id|nm3": "2024-02", "id|dk2": "2024-03"})  # fmt: skip
    # DK2 alone, gone from Đồng Kè's list in March (NM3 listed): a move under a new code is two
    # households, as a month's table has them (the re-code oracle's 'M' codes)
    listed = [*february, ("2024-02", "Nà Mòn", "id|nm3", "poor"), ("2024-03", "Nà Mòn", "id|nm3", "poor")]  # fmt: skip
    found = _walk(listed + march, _names("name|Đồng Kè|hoang van nm3|1970"))
    assert ("id|bc9" in found.ever, found.left_in) == (False, {"id|dk2": "2024-03"})


def test_back_under_a_new_code_in_another_hamlet_is_tai_ngheo(tmp_path):
    """NM3, poor on Nà Mòn's start list, is not on April's list (it left); in May Bản Cọ lists
    it as 'BC33' (its head's name, birth year and CCCD). Under its own code May's month table
    has it tái nghèo; it had BC33 new, not tái nghèo, in both tables, and no warning. Now tái
    nghèo, the code change said at BC33's Mã hộ cell naming Nà Mòn's list."""
    folder, out = new_commune(tmp_path)
    april = o38.na_mon_rows()
    del april[2]  # NM3
    o38.run_lists(
        folder, out, "2024-04", {"Nà Mòn": april, "Bản Cọ": o38.bc_rows(), "Đồng Kè": o38.dk_rows()}
    )
    bc = [*o38.bc_rows(), dict(person("NM3", "poor"), ma_ho="BC33")]
    may = o38.run_lists(
        folder, out, "2024-05", {"Nà Mòn": april, "Bản Cọ": bc, "Đồng Kè": o38.dk_rows()}
    )
    # Nà Mòn: the start list's NM1-NM3, May's NM1, NM2: NM3 exited (in April)
    assert table(may["Nà Mòn"], "movements") == (3, 0, 0, 1, 2)
    # Bản Cọ: BC1, BC2 poor at the start and in April; BC33 new, of which tái nghèo
    assert table(may["Bản Cọ"], "movements") == (2, 1, 1, 0, 3)
    assert table(may["Bản Cọ"], "movements_month") == (2, 1, 1, 0, 3)
    # rows: BC1 at 5, BC2 6, BC3 7, BC33 8
    assert code_changed(out, "2024-05") == [
        ("Bản Cọ", "B8",
         "Mã hộ 'BC33' khác mã 'NM3' của cùng hộ này (cùng họ tên chủ hộ và năm sinh) trong "
         "danh sách đầu năm của xóm Nà Mòn; hộ đã ra khỏi danh sách sau đó. Hộ được tính là "
         "một hộ trở lại danh sách (tái nghèo hoặc tái cận nghèo), không phải hộ lần đầu vào "
         "danh sách. Nếu ghi nhầm mã, hãy sửa lại cho đúng mã trong sổ của xã; nếu xã đã đổi "
         "mã cho hộ thì không cần sửa; nếu đây là hai hộ khác nhau, hãy báo cho cán bộ xã.")
    ]  # fmt: skip
    # June, the same lists: nothing moves in the month; the year's table keeps the return
    june = o38.run_lists(
        folder, out, "2024-06", {"Nà Mòn": april, "Bản Cọ": bc, "Đồng Kè": o38.dk_rows()}
    )
    assert table(june["Bản Cọ"], "movements") == (2, 1, 1, 0, 3)
    assert table(june["Bản Cọ"], "movements_month") == (3, 0, 0, 0, 3)
    assert code_changed(out, "2024-06") == []


def test_the_old_row_of_a_recoded_household_copied_on_says_to_delete_it(tmp_path):
    """Session 42's end-to-end case (Nà Mòn in 'Đầu kỳ | Cuối kỳ' marks: April NM3, May 'R1'
    at row 8, June May's list and a row of NM3 marked nowhere at row 11, NM3's head's name and
    birth year). The row was told "if the household left the list in an earlier month, delete
    this row; if it is still listed, mark it": NM3 is still listed, as R1, so a head marking it
    counts one household twice. Now the row names R1's code and row and says to delete it if
    it is that household; it stays left out ('chưa tính' this month), in the feedback workbook
    too, and `check` without a history says the same."""
    import openpyxl

    from pipeline.checkfiles import check_files
    from pipeline.run import execute
    from tests.test_session42_recoded_back import recoded_nm3_copied_on

    folder, out, path, _may = recoded_nm3_copied_on(tmp_path)
    june = execute(folder, out, "2024-06")[0]
    [said] = [i for i in june.issues if i.code == "class-marks-none"]
    cells = "F11 'Hộ nghèo', G11 'Hộ cận nghèo', H11 'Hộ nghèo', I11 'Hộ cận nghèo'"
    text = (
        f"Chưa đánh dấu loại hộ: các ô {cells} đều để trống; hộ chưa được tính. Hộ mã 'R1' ở "
        "dòng 8 trong danh sách này có cùng họ tên chủ hộ và năm sinh với dòng này. Nếu đó là "
        "cùng một hộ, nay ghi với mã hộ mới, hãy xóa dòng này (hộ đã được tính ở dòng kia); "
        "nếu là hai hộ khác nhau, hãy đánh dấu 'x' ở ô loại của hộ lúc đầu kỳ (Đầu kỳ) và, nếu "
        "hộ còn trong danh sách lúc cuối kỳ, ở ô loại của hộ lúc cuối kỳ (Cuối kỳ)."
    )
    assert (said.row, said.cell, said.variant, said.message("vi")) == (11, "H11", "recoded", text)
    assert said.message("en").split(". ")[1] == (
        "Household 'R1' at row 8 in this list has the same head's name and birth year as this row"
    )
    na_mon = next(h for h in june.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    poor = na_mon["movements"]["poor"]
    assert (poor["start"], poor["not_counted"], poor["new"], poor["end"]) == (3, 1, 1, 3)
    feedback = openpyxl.load_workbook(out / "2024-06" / "PhanHoi" / "Nà Mòn_2024-06.xlsx")
    assert feedback["Danh sách"]["H11"].comment.text.startswith(text)
    checked = check_files([path, folder / "KeHoach_2024.xlsx"])
    assert [(i.row, i.variant) for i in checked if i.code == "class-marks-none"] == [
        (11, "recoded")
    ]


def test_back_under_a_new_code_in_the_hamlet_its_own_merged_into(tmp_path):
    """A guard (session 43's review; passed before it). BC3 is on Bản Cọ's March list and off
    its April list; the plan then merges Bản Cọ into Nà Mòn, and in May Nà Mòn lists BC3 as
    'NM83': tái nghèo, the warning naming Bản Cọ's March list."""
    folder, out = new_commune(tmp_path)
    bc = o38.bc_rows()
    o38.run_lists(
        folder,
        out,
        "2024-03",
        {"Nà Mòn": o38.na_mon_rows(), "Bản Cọ": bc, "Đồng Kè": o38.dk_rows()},
    )
    o38.run_lists(folder, out, "2024-04",
               {"Nà Mòn": o38.na_mon_rows(), "Bản Cọ": bc[:2], "Đồng Kè": o38.dk_rows()})  # fmt: skip
    write_merged_plan(folder)
    back = dict(person("BC3", "near_poor"), ma_ho="NM83")
    may = o38.run_lists(folder, out, "2024-05",
                     {"Nà Mòn": o38.na_mon_rows(*bc[:2], back), "Đồng Kè": o38.dk_rows()})["Nà Mòn"]  # fmt: skip
    assert may["merged_from"] == ["Bản Cọ"]
    # April's lists: NM4, NM5 near-poor (BC3 left in April); May: the two and NM83, back
    near = may["movements_month"]["near_poor"]
    assert (near["start"], near["new"], near["returned"], near["exited"], near["end"]) == (
        2, 1, 1, 0, 3)  # fmt: skip
    # rows: NM1-NM5 at 5-9, BC1 10, BC2 11, NM83 12
    [(hamlet, cell, text)] = code_changed(out, "2024-05")
    assert (hamlet, cell) == ("Nà Mòn", "B12")
    assert text.startswith(
        "Mã hộ 'NM83' khác mã 'BC3' của cùng hộ này (cùng họ tên chủ hộ và năm sinh) trong "
        "danh sách tháng 3/2024 của xóm Bản Cọ; hộ đã ra khỏi danh sách sau đó."
    )


def test_back_in_the_hamlet_its_own_merged_into_while_a_namesake_is_out_elsewhere(tmp_path):
    """Found by session 43's review. The case above, and DK3 of Đồng Kè, new in March with
    BC3's head's name and birth year, off Đồng Kè's April list. The walk looked for BC3 in its
    own hamlet's pass only under Bản Cọ, as its stored rows keep it, so the commune's pass saw
    two candidates and paired none: May's month table had NM83 new, not tái nghèo, while the
    year's table (Nà Mòn's start list) has NM83 as BC3 throughout and the warning at B12 said
    so ("không tính là thoát hay phát sinh mới"). Now BC3 is of Nà Mòn in the hamlet's pass, as
    its name key has it: tái nghèo, the warning naming Bản Cọ's March list."""
    folder, out = new_commune(tmp_path)
    bc = o38.bc_rows()
    dk3 = dict(person("DK3", "poor"), chu_ho="Hoàng Văn BC3")
    o38.run_lists(folder, out, "2024-03",
               {"Nà Mòn": o38.na_mon_rows(), "Bản Cọ": bc, "Đồng Kè": [*o38.dk_rows(), dk3]})  # fmt: skip
    o38.run_lists(folder, out, "2024-04",
               {"Nà Mòn": o38.na_mon_rows(), "Bản Cọ": bc[:2], "Đồng Kè": o38.dk_rows()})  # fmt: skip
    write_merged_plan(folder)
    back = dict(person("BC3", "near_poor"), ma_ho="NM83")
    may = o38.run_lists(folder, out, "2024-05",
                     {"Nà Mòn": o38.na_mon_rows(*bc[:2], back), "Đồng Kè": o38.dk_rows()})  # fmt: skip
    near = may["Nà Mòn"]["movements_month"]["near_poor"]
    assert (near["start"], near["new"], near["returned"], near["exited"], near["end"]) == (
        2, 1, 1, 0, 3)  # fmt: skip
    # the year's table: NM4, NM5 and BC3 (as NM83) on the start list and now
    near = may["Nà Mòn"]["movements"]["near_poor"]
    assert (near["start"], near["new"], near["exited"], near["end"]) == (3, 0, 0, 3)
    [(hamlet, cell, text)] = code_changed(out, "2024-05")
    assert (hamlet, cell) == ("Nà Mòn", "B12")
    assert text.startswith(
        "Mã hộ 'NM83' khác mã 'BC3' của cùng hộ này (cùng họ tên chủ hộ và năm sinh) trong "
        "danh sách tháng 3/2024 của xóm Bản Cọ; hộ đã ra khỏi danh sách sau đó. Hộ được tính "
        "là một hộ trở lại danh sách"
    )
