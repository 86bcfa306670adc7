"""Session 32: the three gaps session 31 left in a head's move-out parts ('Hộ chuyển đi xóm X'):
a moved row written without a Mã hộ, the named hamlet's list refused, a repeated STT in the
part. Each pinned by a small fixture whose answer is worked out by hand in the test."""

from __future__ import annotations

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.run import collect
from tests.commune import new_commune, person, write_roster
from tests.summaries import hamlet_figures
from tests.test_session30_c_heads_lists import with_titles
from tests.test_session31_heads_qa import month_lists, moves

TITLE = "Hộ chuyển đi xóm Bản Cọ"

# The small commune (tests.commune): the plan's start list has Nà Mòn NM1, NM2, NM3 poor, NM4,
# NM5 near-poor, Bản Cọ BC1, BC2 poor, BC3 near-poor, every head 'Hoàng Văn <code>' born 1970.
# Nà Mòn's May list (_with_titles): NM1 poor, NM2 near-poor, NM4 near-poor, NM5 poor, NM6
# poor in rows 5–9, the title in A10, the moved rows under it from row 11.


def uncoded(code: str, status: str, **extra) -> dict:
    """``code``'s household as a head writes it without its Mã hộ."""
    row = person(code, status, **extra)
    row["ma_ho"] = None
    return row


def write_ban_co_may(folder, moved: list[dict], total=200):
    """Bản Cọ's May list: BC1, BC2 (poor), BC3 (near-poor), then ``moved``."""
    own = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    return write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", total, own + moved)


def collect_moved_out(
    tmp_path, moved: list[dict], listed: list[dict], restart: bool = True, total=200
):
    folder = tmp_path / "input"
    folder.mkdir(parents=True)
    na_mon = with_titles(folder, [(TITLE, moved)], restart=restart)
    ban_co = write_ban_co_may(folder, listed, total)
    result, _ = collect(folder, None, workers=0)
    return result, folder, na_mon, ban_co


def issues_said(result, *codes) -> list[tuple]:
    return [(i.code, i.hamlet, i.cell, i.value) for i in result.issues if i.code in codes]


# --- 1. a moved row without a Mã hộ, under a part numbered from 1 (wholly taken out) ----------

# Nà Mòn's poor table against the start list whatever happens to NM3: start 3 (NM1–NM3) − 1 to
# near-poor (NM2) + 1 from near-poor (NM5) + 1 new (NM6), and NM3 either moved out or exited:
# end 3 (NM1, NM5, NM6).


def test_a_moved_row_without_a_code_not_listed_there_is_moved_out_not_exited(tmp_path):
    """NM3 written without its Mã hộ under the title (row 11, numbered 1), Bản Cọ not listing
    it. Before: exited (thoát nghèo) and asked about (vanished-household); the head's word not
    heard. Now it is the start list's NM3 (Hoàng Văn NM3, 1970, the one such head of Nà Mòn):
    moved out, said at A11 by moved-not-listed naming it by the start list's code."""
    result, *_ = collect_moved_out(tmp_path, [uncoded("NM3", "poor")], [])
    assert moves(hamlet_figures(result, "Nà Mòn"))["poor"] == {
        "start": 3, "to_near_poor": 1, "moved_out": 1, "from_near_poor": 1, "new": 1, "end": 3
    }  # fmt: skip
    assert issues_said(result, "vanished-household", "moved-not-listed") == [
        ("moved-not-listed", "Nà Mòn", "A11", "NM3 (Hoàng Văn NM3)")
    ]
    detail = result.movement_details
    moved = detail[(detail["movement"] == "moved_out") & (detail["scope"] == "year")]
    assert list(zip(moved["ma_ho"], moved["other_hamlet"], strict=True)) == [("NM3", "Bản Cọ")]


def test_a_moved_row_without_a_code_that_hamlet_lists_moved_there(tmp_path):
    """Bản Cọ lists NM3 under its code: Nà Mòn moved out 1, Bản Cọ poor 2 + 1 moved in = 3;
    nothing said but the rows moved away (as for a coded row, session 31)."""
    result, *_ = collect_moved_out(tmp_path, [uncoded("NM3", "poor")], [person("NM3", "poor")])
    assert moves(hamlet_figures(result, "Nà Mòn"))["poor"]["moved_out"] == 1
    assert moves(hamlet_figures(result, "Bản Cọ"))["poor"] == {"start": 2, "moved_in": 1, "end": 3}
    assert issues_said(result, "vanished-household", "moved-not-listed") == []


def test_a_moved_row_without_a_code_held_there_by_name_moved_there_not_counted(tmp_path):
    """Bản Cọ writes NM3 without its Mã hộ too (row 8: its own error, the row left out). Before:
    Nà Mòn exited 1 and asked about it. Now Bản Cọ's row is the household (its head's name and
    year, the one such row there): Nà Mòn moved out 1; Bản Cọ poor 2 + 1 moved in − 1 not
    counted = 2 (fig.arrivals_held); nothing said but Bản Cọ's blank code."""
    result, *_ = collect_moved_out(tmp_path, [uncoded("NM3", "poor")], [uncoded("NM3", "poor")])
    assert moves(hamlet_figures(result, "Nà Mòn"))["poor"]["moved_out"] == 1
    assert moves(hamlet_figures(result, "Bản Cọ"))["poor"] == {
        "start": 2, "not_counted": 1, "moved_in": 1, "end": 2
    }  # fmt: skip
    assert issues_said(result, "vanished-household", "moved-not-listed") == []
    assert [(i.hamlet, i.cell) for i in result.issues if i.severity == "error"] == [
        ("Bản Cọ", "B8")
    ]


def test_a_moved_row_a_year_off_is_matched_only_where_a_year_came_from_an_age(tmp_path):
    """Born 1971 in the moved row, 1970 on the start list. Nà Mòn's list written in years: not
    the same household (an exact key, CONTRACT §4.3): NM3 exited and asked about, the row said
    by its head alone (a household of no baseline, as one new this month). Written in ages
    (every row 54, i.e. 2024 − 54 = 1970; the moved row 53 = 1971): the age may be a year off
    (session 30), the one household a year off is NM3: moved out, named by its code."""
    years, _, _, _ = collect_moved_out(
        tmp_path / "years", [uncoded("NM3", "poor", nam_sinh=1971)], []
    )
    assert moves(hamlet_figures(years, "Nà Mòn"))["poor"]["exited"] == 1
    assert sorted(issues_said(years, "vanished-household", "moved-not-listed")) == [
        ("moved-not-listed", "Nà Mòn", "A11", "Hoàng Văn NM3"),
        ("vanished-household", "Nà Mòn", "", "NM3 (Hoàng Văn NM3)"),
    ]
    folder = tmp_path / "ages"
    folder.mkdir(parents=True)
    path = with_titles(folder, [(TITLE, [uncoded("NM3", "poor", nam_sinh=53)])], restart=True)
    _ages(path, {row: 54 for row in range(5, 10)} | {11: 53})
    write_ban_co_may(folder, [])
    ages, _ = collect(folder, None, workers=0)
    assert moves(hamlet_figures(ages, "Nà Mòn"))["poor"] == {
        "start": 3, "to_near_poor": 1, "moved_out": 1, "from_near_poor": 1, "new": 1, "end": 3
    }  # fmt: skip
    assert issues_said(ages, "vanished-household", "moved-not-listed") == [
        ("moved-not-listed", "Nà Mòn", "A11", "NM3 (Hoàng Văn NM3)")
    ]


def _ages(path, ages: dict[int, int]) -> None:
    """'Năm sinh' (column D) of the rows ``ages`` written as the head's age."""
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    assert sheet["D4"].value.startswith("Năm sinh")
    for row, age in ages.items():
        sheet.cell(row, 4, age)
    book.save(path)


def test_one_by_name_wants_exactly_one_household():
    """By hand: two heads 'Hoàng Văn A' born 1970 pair neither; one pairs; a year off pairs
    only where a year came from an age, and not when two are a year either side."""

    def rec(code, born):
        return (f"id|{code}", "poor", "Nà Mòn", code, "Hoàng Văn A", born)

    name = "name|Nà Mòn|hoang van a|1970"  # folded as the name match folds it
    from pipeline.figures import name_key_text
    from pipeline.moves import _one_by_name

    assert name_key_text("Nà Mòn", "Hoàng Văn A", 1970) == name
    assert _one_by_name(name, [rec("a", 1970), rec("b", 1970)], set()) is None
    assert _one_by_name(name, [rec("a", 1970), rec("b", 1971)], set())[0] == "id|a"
    assert _one_by_name(name, [rec("b", 1971)], set()) is None
    assert _one_by_name(name, [rec("b", 1971)], {name})[0] == "id|b"
    assert _one_by_name(name, [rec("b", 1971), rec("c", 1969)], {name}) is None


# --- 1b. the unclear part's rows without a Mã hộ, a year off --------------------------------


def test_an_unclear_row_without_a_code_a_year_off_from_an_age_is_the_one_that_moved(tmp_path):
    """The end-of-list case numbered on (NM7 poor, NM8 near-poor without a Mã hộ, rows 11–12,
    nothing bounding the part), Bản Cọ listing NM7 and NM8 (born 1970). Nà Mòn's list in ages
    (every row 54 = 1970; NM8's 53 = 1971): before, NM8's year did not match (the key exact),
    so row 12 stayed Nà Mòn's, asked about, its blank code an error. Now one household a year
    off, an age's year: both rows moved away, Nà Mòn its own 3 poor (NM1, NM5, NM6) and 2
    near-poor (NM2, NM4), no error. NM8 written 52 (= 1972, two years off): the first rule."""
    for age, said, errors in [
        (53, [("rows-moved-away", "A10", "11–12")], []),
        (52, [("rows-moved-away", "A10", "11"), ("rows-moved-unclear", "A10", "12")], ["B12"]),
    ]:
        folder = tmp_path / str(age)
        folder.mkdir()
        moved = [person("NM7", "poor"), uncoded("NM8", "near_poor")]
        path = with_titles(folder, [(TITLE, moved)])
        _ages(path, {row: 54 for row in (5, 6, 7, 8, 9, 11)} | {12: age})
        write_ban_co_may(folder, [person("NM7", "poor"), person("NM8", "near_poor")])
        result, _ = collect(folder, None, workers=0)
        na_mon = hamlet_figures(result, "Nà Mòn")
        assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
        rows = [(i.code, i.cell, i.detail) for i in result.issues if i.code.startswith("rows-")]
        assert sorted(rows) == said
        assert [i.cell for i in result.issues if i.severity == "error"] == errors


# --- 1c. the month after: the household said moved without its code, listed where it went -----


def test_the_month_after_a_move_written_without_a_code_it_is_moved_in(tmp_path):
    """April: every household where the start list has it. May: Nà Mòn lists NM1, NM2 (poor),
    NM4 (near-poor), then under the title (numbered 1, 2) NM3 (poor) and NM5 (near-poor)
    written without their Mã hộ; Bản Cọ does not list them. May: Nà Mòn poor 3 − 1 moved out
    = 2, near-poor 2 − 1 = 1, each said at its row (A9, A10) by its April code; the history
    keeps them once each, under Nà Mòn, by their codes. June: Bản Cọ lists them under their
    codes: moved in (poor 2 + 1 = 3, near-poor 1 + 1 = 2), not new or returned (tái nghèo)."""
    from pipeline.history import HISTORY_FILE, HistoryStore
    from pipeline.run import execute

    folder, out = new_commune(tmp_path)
    na = [person("NM1", "poor"), person("NM2", "poor"), person("NM4", "near_poor")]
    ban = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    coded = [person("NM3", "poor"), person("NM5", "near_poor")]
    month_lists(folder, "2024-04", na[:2] + coded[:1] + na[2:] + coded[1:], ban)
    execute(folder, out, "2024-04")
    na = [person("NM1", "poor"), person("NM2", "poor"), person("NM4", "near_poor")]
    ban = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    moved = [uncoded("NM3", "poor"), uncoded("NM5", "near_poor")]
    month_lists(folder, "2024-05", na, ban, moved)
    may, _, _ = execute(folder, out, "2024-05")
    assert moves(hamlet_figures(may, "Nà Mòn"), "movements_month") == {
        "poor": {"start": 3, "moved_out": 1, "end": 2},
        "near_poor": {"start": 2, "moved_out": 1, "end": 1},
    }
    assert [(i.cell, i.value) for i in may.issues if i.code == "moved-not-listed"] == [
        ("A9", "NM3 (Hoàng Văn NM3)"), ("A10", "NM5 (Hoàng Văn NM5)")
    ]  # fmt: skip
    assert [i for i in may.issues if i.code == "vanished-household"] == []
    rows = HistoryStore(out / HISTORY_FILE).households(["2024-05"])
    kept = rows[rows["status"].str.startswith("moved")]
    assert sorted(zip(kept["hamlet"], kept["ma_ho"], kept["status"], strict=True)) == [
        ("Nà Mòn", "NM3", "moved_poor"), ("Nà Mòn", "NM5", "moved_near_poor")
    ]  # fmt: skip
    na = [person("NM1", "poor"), person("NM2", "poor"), person("NM4", "near_poor")]
    ban = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    month_lists(folder, "2024-06", na, ban + [person("NM3", "poor"), person("NM5", "near_poor")])
    june, _, _ = execute(folder, out, "2024-06")
    assert moves(hamlet_figures(june, "Bản Cọ"), "movements_month") == {
        "poor": {"start": 2, "moved_in": 1, "end": 3},
        "near_poor": {"start": 1, "moved_in": 1, "end": 2},
    }


# --- 2. the hamlet named refused this month --------------------------------------------------


def test_the_named_hamlets_list_refused_is_said_not_checked(tmp_path):
    """Bản Cọ's list refused (its 'Tổng số hộ' is 'abc': invalid-total-households), NM3 under
    the title (coded, numbered 1). NM3 is still moved out of Nà Mòn (poor 3 − 1 − 1 moved out
    + 1 + 1 = 3) and said at A11, but no longer as if Bản Cọ's list lacked it: that list was
    not consolidated, named, and the officer told to fix it and run again. English alike.
    `check` of the plan and both files says the same, naming the file as given; of Nà Mòn's
    alone nothing (it cannot see Bản Cọ's list, as session 31 decided)."""
    result, folder, na_mon, ban_co = collect_moved_out(
        tmp_path, [person("NM3", "poor")], [], total="abc"
    )
    assert hamlet_figures(result, "Bản Cọ")["status"] == "rejected"
    assert moves(hamlet_figures(result, "Nà Mòn"))["poor"]["moved_out"] == 1
    told = [i for i in result.issues if i.code == "moved-not-listed"]
    assert [(i.cell, i.value, i.instead, i.detail, i.variant) for i in told] == [
        ("A11", "NM3 (Hoàng Văn NM3)", "Bản Cọ", "DS_BanCo_2024-05.xlsx", "refused")
    ]
    assert told[0].message() == (
        "Hộ NM3 (Hoàng Văn NM3) được ghi dưới tiêu đề chuyển đi xóm Bản Cọ, nhưng danh sách kỳ "
        "này của xóm Bản Cọ (DS_BanCo_2024-05.xlsx) bị từ chối nên không được tổng hợp (xem các "
        "lỗi của danh sách đó); vì vậy xã chưa kiểm tra được danh sách đó có hộ này hay không. "
        "Xã tạm tính hộ là đã chuyển khỏi xóm Nà Mòn, không phải thoát nghèo, và chưa tính hộ "
        "vào xóm nào. Đề nghị sửa các lỗi trong danh sách của xóm Bản Cọ (nếu danh sách đó chưa "
        "có hộ này thì ghi hộ vào, giữ nguyên Mã hộ) rồi chạy tổng hợp lại; nếu hộ vẫn ở xóm "
        "Nà Mòn, hãy xóa tiêu đề đó."
    )
    assert "không có hộ đó" not in told[0].message()
    assert (
        told[0]
        .message("en")
        .startswith(
            "Household NM3 (Hoàng Văn NM3) is written under a title saying it moved to hamlet Bản "
            "Cọ, but this period's list of hamlet Bản Cọ (DS_BanCo_2024-05.xlsx) was refused and not "
            "consolidated (see that list's errors), so whether it has the household could not be "
            "checked."
        )
    )
    plan = folder / "KeHoach_2024.xlsx"
    checked = check_files([plan, na_mon, ban_co])
    # the refused file named as `check` names it in its own issues
    named = next(i.file for i in checked if i.code == "invalid-total-households")
    assert named.endswith("DS_BanCo_2024-05.xlsx")
    both = [i for i in checked if i.code == "moved-not-listed"]
    assert [(i.cell, i.detail, i.variant) for i in both] == [("A11", named, "refused")]
    assert [i for i in check_files([plan, na_mon]) if i.code == "moved-not-listed"] == []


def test_the_named_hamlets_list_sent_without_it_is_said_as_before(tmp_path):
    """Bản Cọ's list accepted and lacking NM3: the message as session 31 wrote it (no
    variant); `check` of both files now says it too (the run's word), naming no file."""
    result, folder, na_mon, ban_co = collect_moved_out(tmp_path, [person("NM3", "poor")], [])
    told = [i for i in result.issues if i.code == "moved-not-listed"]
    assert [(i.cell, i.detail, i.variant) for i in told] == [("A11", "", "")]
    assert "danh sách kỳ này của xóm Bản Cọ không có hộ đó" in told[0].message()
    plan = folder / "KeHoach_2024.xlsx"
    both = [i for i in check_files([plan, na_mon, ban_co]) if i.code == "moved-not-listed"]
    assert [(i.cell, i.variant) for i in both] == [("A11", "")]


# --- 3. an STT written twice inside a move-out part --------------------------------------------


def _repeated(tmp_path, title: str, numbers: dict[int, int], listed: list[dict]):
    """Nà Mòn's May list with NM7 (poor), NM8 (near-poor), NM9 (poor) under ``title`` (rows
    11–13, the title in A10), their STT written as ``numbers``; Bản Cọ listing ``listed``."""
    from tests.test_session31_lists import renumber

    folder = tmp_path / "input"
    folder.mkdir(parents=True)
    moved = [person("NM7", "poor"), person("NM8", "near_poor"), person("NM9", "poor")]
    path = with_titles(folder, [(title, moved)])
    renumber(path, numbers)
    write_ban_co_may(folder, listed)
    result, _ = collect(folder, None, workers=0)
    return result


def _rows_said(result) -> list[tuple]:
    return sorted((i.code, i.detail) for i in result.issues if i.code.startswith("rows-"))


def test_an_stt_written_twice_at_the_end_does_not_end_the_part(tmp_path):
    """Numbered on 6, 6, 7 after the list's 5, nothing bounding the part. Before: the second 6
    was a break, so rows 12–13 were the list's own again, counted without a word. Now the part
    runs on: row 11 moved away, rows 12–13 unclear (counted, asked about): Nà Mòn 3 + 1 (NM9) =
    4 poor, 2 + 1 (NM8) = 3 near-poor. Bản Cọ listing NM8 and NM9: all three moved away, Nà Mòn
    its own 3 poor, 2 near-poor, Bản Cọ 2 + 1 = 3 poor, 1 + 1 = 2 near-poor, no code twice."""
    result = _repeated(tmp_path / "none", TITLE, {11: 6, 12: 6, 13: 7}, [])
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)
    assert _rows_said(result) == [("rows-moved-away", "11"), ("rows-moved-unclear", "12–13")]
    listed = [person("NM8", "near_poor"), person("NM9", "poor")]
    result = _repeated(tmp_path / "both", TITLE, {11: 6, 12: 6, 13: 7}, listed)
    na_mon, ban_co = hamlet_figures(result, "Nà Mòn"), hamlet_figures(result, "Bản Cọ")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert (ban_co["poor"], ban_co["near_poor"]) == (3, 2)
    assert _rows_said(result) == [("rows-moved-away", "11–13")]
    assert [i for i in result.issues if i.code == "duplicate-household-id"] == []


def test_an_stt_written_twice_in_a_counted_part_takes_every_row_counted(tmp_path):
    """'Hộ chuyển đi xóm Bản Cọ: 3 hộ' over rows numbered 1, 2, 2. Before: the second 2 ended
    the part, row 13 (NM9, poor) counted as Nà Mòn's. Now the three rows the title counts are
    taken: Nà Mòn its own 3 poor, 2 near-poor; rows 11–13 moved away. A real break (1, 2, then
    7) still ends it: row 13 counted (3 + 1 = 4 poor)."""
    title = TITLE + ": 3 hộ"
    result = _repeated(tmp_path / "twice", title, {11: 1, 12: 2, 13: 2}, [])
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert ("rows-moved-away", "11–13") in _rows_said(result)
    result = _repeated(tmp_path / "break", title, {11: 1, 12: 2, 13: 7}, [])
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 2)
    assert ("rows-moved-away", "11–12") in _rows_said(result)
