"""Session 54 (helper G): reading leftovers of session 53.

1. A plan without a start list, its first month (nothing stored): a commune numbering its
   households '167.012.001' on (grouped 3.3.3 as an old CMND is) was told every code a CMND
   and saw them masked on NiemYet. Now the shape most of the month's lists share is the
   commune's numbering (``rosterchecks.lists_numbering``): neither told nor masked.

2. 'TN hộ' of each person's income near the line with one slip over twice it was read as the
   households' months; now the values over twice the line must be a third of those over it.
3. A head's name written without marks, 'Tong Cong Thanh' (as 'Tống Công Thành'), without a
   code was read as a total row; now words after a total's, written as a name is, are a name.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. A list's first household is at row 5."""

from __future__ import annotations

import json
from datetime import date

import openpyxl

from tests.commune import person, write_plan, write_roster
from tests.id_cells import ID_TAIL, renumbered


def _id_said(value: str, digits: int) -> str:
    """The warning at a Mã hộ that is an ID number, by hand."""
    return f"'Mã hộ' ghi '{value}', là một dãy {digits} chữ số như số CCCD/CMND, {ID_TAIL}" + (
        " Hộ vẫn được tính."
    )


def dotted_code(n: int) -> str:
    """The commune's own code of its n-th household, grouped 3.3.3 from 1 as an old CMND is."""
    return f"167.012.{n:03d}"


def _first_month(tmp_path, lists: dict[str, list[dict]]):
    """April's run (the first, nothing stored) of the small commune whose plan has no start
    list, with these lists {hamlet: rows}: the ID warnings as (file, cell, Vietnamese words),
    the JSON's hamlets by name, and NiemYet's rows (code, head's name) by sheet."""
    from pipeline.run import execute

    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir(parents=True)
    write_plan(folder, with_start_list=False)
    sizes = {"Nà Mòn": 100, "Bản Cọ": 200, "Đồng Kè": 150}
    for n, (hamlet, rows) in enumerate(lists.items()):
        write_roster(folder, f"DS_{n}_2024-04.xlsx", hamlet, sizes[hamlet], rows, "2024-04",
                     date(2024, 5, 3))  # fmt: skip
    result = execute(folder, out, "2024-04")[0]
    told = [(i.file, i.cell, i.message("vi")) for i in result.issues
            if i.code == "household-id-is-id-number"]  # fmt: skip
    summary = json.loads((out / "2024-04" / "TongHop_2024-04.json").read_text("utf-8"))
    hamlets = {h["hamlet"]: h for h in summary["hamlets"]}
    book = openpyxl.load_workbook(out / "2024-04" / "NiemYet_2024-04.xlsx", read_only=True)
    posted = {
        ws.title: [r[1:3] for r in ws.iter_rows(values_only=True)
                   if len(r) > 2 and isinstance(r[0], int)]
        for ws in book.worksheets
    }  # fmt: skip
    book.close()
    return told, hamlets, posted


def renumbered_lists(code) -> dict[str, list[dict]]:
    """Each hamlet's households under ``code(n)`` (tests.id_cells.renumbered)."""
    start, _ = renumbered(code)
    return {
        hamlet: [{k: v for k, v in row.items() if k not in ("hamlet", "stt")}
                 for row in start if row["hamlet"] == hamlet]
        for hamlet in ("Nà Mòn", "Bản Cọ", "Đồng Kè")
    }  # fmt: skip


def test_first_month_without_a_start_list_the_lists_shared_numbering_is_the_communes(tmp_path):
    """No start list, April the first month: Nà Mòn lists NM1-NM5 under '167.012.001'-'005'
    and a new poor household under the CCCD '019088776655' (B10); Bản Cọ BC1-BC3 under
    '006'-'008'; Đồng Kè writes 'DK1', 'DK2'. Two lists of three number '000.000.000'. Was:
    Nà Mòn told once for its six rows (past 5), Bản Cọ at B5, B6, B7, each code masked on
    NiemYet. Now only the CCCD at B10, masked '********6655'; the dotted codes posted as
    written. Counts by hand: Nà Mòn 4 poor 2 near-poor, Bản Cọ 2 and 1, Đồng Kè 1 and 1."""
    lists = renumbered_lists(dotted_code)
    lists["Nà Mòn"].append(person("019088776655", "poor", chu_ho="Hoàng Văn Sáu"))
    lists["Đồng Kè"] = [person("DK1", "poor"), person("DK2", "near_poor")]
    told, hamlets, posted = _first_month(tmp_path, lists)
    assert told == [("DS_0_2024-04.xlsx", "B10", _id_said("019088776655", 12))]
    assert {h: (hamlets[h]["poor"], hamlets[h]["near_poor"]) for h in hamlets} == {
        "Nà Mòn": (4, 2),
        "Bản Cọ": (2, 1),
        "Đồng Kè": (1, 1),
    }
    assert posted["Nà Mòn"] == [
        ("167.012.001", "Hoàng Văn NM1"),
        ("167.012.002", "Hoàng Văn NM2"),
        ("167.012.003", "Hoàng Văn NM3"),
        ("********6655", "Hoàng Văn Sáu"),
        ("167.012.004", "Hoàng Văn NM4"),
        ("167.012.005", "Hoàng Văn NM5"),
    ]
    assert posted["Bản Cọ"] == [
        ("167.012.006", "Hoàng Văn BC1"),
        ("167.012.007", "Hoàng Văn BC2"),
        ("167.012.008", "Hoàng Văn BC3"),
    ]


def test_first_month_without_a_start_list_one_lists_shape_or_an_id_among_codes_is_told(tmp_path):
    """Guards. The commune's 'NM1' codes in every list, a new household's '212.345.678' (an old
    CMND, B10 of Nà Mòn): told and masked ('********5678'), no list sharing a shape of digits.
    Nà Mòn alone numbering '167.012.001'-'005' beside 'BC1'-'BC3' and 'DK1'-'DK2': one list's
    way is no commune's, its five codes told each at its cell (B5-B9), as before."""
    lists = {
        "Nà Mòn": [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"),
                   person("NM4", "near_poor"), person("NM5", "near_poor"),
                   person("212.345.678", "poor", chu_ho="Hoàng Văn Sáu")],
        "Bản Cọ": [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")],
        "Đồng Kè": [person("DK1", "poor"), person("DK2", "near_poor")],
    }  # fmt: skip
    told, hamlets, posted = _first_month(tmp_path / "a", lists)
    assert told == [("DS_0_2024-04.xlsx", "B10", _id_said("212.345.678", 9))]
    assert (hamlets["Nà Mòn"]["poor"], hamlets["Nà Mòn"]["near_poor"]) == (4, 2)
    assert ("********5678", "Hoàng Văn Sáu") in posted["Nà Mòn"]
    lists["Nà Mòn"] = renumbered_lists(dotted_code)["Nà Mòn"]
    told, _, posted = _first_month(tmp_path / "b", lists)
    assert told == [
        ("DS_0_2024-04.xlsx", f"B{n + 4}", _id_said(dotted_code(n), 9)) for n in range(1, 6)
    ]
    assert posted["Nà Mòn"][0] == ("********2001", "Hoàng Văn NM1")


# --- 2. 'TN hộ' of persons' incomes near the line, one slip over twice it -------------------


def _ban_co_incomes(tmp_path, values: list[tuple[str, str, int, int]]):
    """Bản Cọ's May list (tests.test_session44_headers) of households (code, class, size,
    income) from row 5, J4 headed 'TN hộ': (the run's Bản Cọ issues as (code, cell), its
    poor and near-poor, the incomes read by code)."""
    from pipeline.run import collect
    from tests.commune import write_plan
    from tests.summaries import hamlet_figures
    from tests.test_session43_d_heads_files import ban_co_template
    from tests.test_session44_headers import ban_co_said

    folder = tmp_path / "vao"
    folder.mkdir(parents=True)
    write_plan(folder)
    rows = [person(code, kind, nhan_khau=size) for code, kind, size, _ in values]
    cells = {"J4": "TN hộ"} | {f"J{n}": v[3] for n, v in enumerate(values, 5)}
    ban_co_template(folder, rows, cells)
    result = collect(folder, None, workers=0)[0]
    ban_co = hamlet_figures(result, "Bản Cọ")
    read = result.households.set_index("ma_ho")["thu_nhap"]
    return (ban_co_said(result), (ban_co["poor"], ban_co["near_poor"]),
            {code: read[code] for code, _, _, _ in values})  # fmt: skip


def test_tn_ho_of_persons_incomes_near_the_line_with_one_slip_is_not_a_households_month(
    tmp_path,
):
    """Bản Cọ's 'TN hộ' (J4) holds each person's income near the line: BC1 1,520,000 (4
    people), BC2 1,450,000 (4), BC3 1,580,000 (3, near-poor), BC4 1,550,000 (3), BC5
    1,600,000 (2), and one slip, BC6 3,200,000 (4). By hand, rural line 1,500,000: of the 6
    households of 2 people or more, 5 over the line as a person's (all but BC2), none over it
    shared (3,200,000 < 6,000,000), one over twice it (3,000,000). Before: that one value made
    the column the households' months (notice at J4, '5 trong 6'; BC1 read 380,000). Now the
    values over twice the line, 1, are fewer than a third of the 5 over it: 'TN hộ' is not
    read, a column not in the template at J4, as a column of persons' incomes is. Counts from
    the classes either way: poor 5, near-poor 1."""
    said, counts, read = _ban_co_incomes(tmp_path, [
        ("BC1", "poor", 4, 1_520_000), ("BC2", "poor", 4, 1_450_000),
        ("BC3", "near_poor", 3, 1_580_000), ("BC4", "poor", 3, 1_550_000),
        ("BC5", "poor", 2, 1_600_000), ("BC6", "poor", 4, 3_200_000),
    ])  # fmt: skip
    assert said == [("unknown-column", "J4")]
    assert counts == (5, 1)
    assert all(value != value for value in read.values())  # not read: NaN each


def test_tn_ho_of_households_months_with_a_third_over_twice_the_line_is_read_so(tmp_path):
    """Guard: 'TN hộ' of six households' months: BC1 4,800,000 (4), BC2 3,200,000 (4), BC3
    2,400,000 (3, near-poor), BC4 2,000,000 (2), BC5 3,600,000 (4), BC6 1,600,000 (2). All 6
    over the line as a person's, none shared, 3 over twice it (BC1, BC2, BC5: a third at least
    of 6): the households' months, divided by hand: 1,200,000, 800,000, 800,000, 1,000,000,
    900,000, 800,000; one notice at J4; poor 5, near-poor 1."""
    said, counts, read = _ban_co_incomes(tmp_path, [
        ("BC1", "poor", 4, 4_800_000), ("BC2", "poor", 4, 3_200_000),
        ("BC3", "near_poor", 3, 2_400_000), ("BC4", "poor", 2, 2_000_000),
        ("BC5", "poor", 4, 3_600_000), ("BC6", "poor", 2, 1_600_000),
    ])  # fmt: skip
    assert said == [("income-per-year", "J4")]
    assert counts == (5, 1)
    assert read == {"BC1": 1_200_000, "BC2": 800_000, "BC3": 800_000, "BC4": 1_000_000,
                    "BC5": 900_000, "BC6": 800_000}  # fmt: skip


# --- 3. a head's name without marks after a total's words -----------------------------------


def test_a_head_named_tong_cong_thanh_without_marks_is_told_not_summed_as_a_total(tmp_path):
    """Rows 5-6 NM1 (1960) and NM2 (1962) poor, row 7 '3 | | Tong Cong Thanh | 1975 | (E-G
    blank) | 4 | Hộ nghèo' ('Tống Công Thành' typed without marks), row 8 'II | Hộ cận nghèo',
    row 9 NM4 (1975) near-poor. Before, 'tong cong' and a year the sum of the rows under it
    (NM4's alone): a total, gone, nothing said. Then 'Tong Ho Nam' and 'Cong Ho Nam' (D-G
    blank) under NM1, NM2: passed over as totals before. Now each a head's name (words after
    the total's written as a name: capitalised, none a total's): told missing-household-id at
    B7, not counted: poor 2 near-poor 1, then poor 2. Written on NM3's row, its code there:
    counted, nothing told (was head-name-is-total at C7): poor 3."""
    from tests.test_session52_total_sums import household_row, total_sums_run

    blank = {4: None, 5: None, 6: None, 7: None}
    issues, read, counts = total_sums_run(
        tmp_path / "cong",
        [person("NM1", "poor", nam_sinh=1960), person("NM2", "poor", nam_sinh=1962), None,
         None, person("NM4", "near_poor", nam_sinh=1975)],
        {7: {"keep": True, 1: 3, 2: None, 3: "Tong Cong Thanh", **blank, 4: 1975},
         8: {1: "II", 3: "Hộ cận nghèo"}},
    )  # fmt: skip
    assert issues == [("missing-household-id", "B7")]
    households = [household_row("NM1"), household_row("NM2"), ("", "Tong Cong Thanh", False)]
    assert read == [*households, household_row("NM4")]
    assert counts == (2, 1)
    for name in ("Tong Ho Nam", "Cong Ho Nam"):
        issues, read, counts = total_sums_run(
            tmp_path / name,
            [person("NM1", "poor"), person("NM2", "poor"), None],
            {7: {"keep": True, 1: 3, 2: None, 3: name, **blank}},
        )  # fmt: skip
        assert issues == [("missing-household-id", "B7")], name
        assert read == [household_row("NM1"), household_row("NM2"), ("", name, False)], name
        assert counts == (2, 0), name
    # with its code (NM3), a household whose name is no total's words: nothing told (was
    # head-name-is-total at C7)
    issues, read, counts = total_sums_run(
        tmp_path / "coded",
        [person("NM1", "poor"), person("NM2", "poor"),
         person("NM3", "poor", chu_ho="Tong Cong Thanh")],
        {},
    )  # fmt: skip
    assert issues == []
    assert read[2] == ("NM3", "Tong Cong Thanh", True)
    assert counts == (3, 0)


def test_totals_without_marks_stay_totals(tmp_path):
    """Guards: under NM1 and NM2 (born 1970 each), row 7 '3 | | <total> | 3,940 | … | 8', the
    total 'Tong cong', 'TONG CONG', 'Tong Cong' (nothing after), 'Tong cong ho ngheo', 'Tong
    Cong Ho Ngheo' (a total's words after) and 'Tong cong: 2 ho' (a count after): each the
    rows' sum, passed over unsaid, poor 2."""
    from tests.test_session52_total_sums import household_row, total_sums_run

    names = ("Tong cong", "TONG CONG", "Tong Cong", "Tong cong ho ngheo", "Tong Cong Ho Ngheo",
             "Tong cong: 2 ho")  # fmt: skip
    for n, name in enumerate(names):
        issues, read, counts = total_sums_run(
            tmp_path / str(n),
            [person("NM1", "poor"), person("NM2", "poor"), None],
            {7: {1: 3, 3: name, 4: 3940, 8: 8}},
        )  # fmt: skip
        assert (issues, read, counts) == (
            [],
            [household_row("NM1"), household_row("NM2")],
            (2, 0),
        ), name
