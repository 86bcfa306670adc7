"""Reused codes, more (session 49): a household back in its own hamlet under its own code while
another hamlet's row of that code names another head; a re-coded household's leaving.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list (poor 6). Each
head is 'Hoàng Văn <code>', born 1970, with an ID number of its code. Bản Cọ's list (_bc) has
BC4 poor and BC5 near-poor too, new this year."""

from __future__ import annotations

from tests.commune import new_commune, person
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session47_mergers import bc5_rows
from tests.test_session48_code_reused import MAI, json_totals, sheets
from tests.test_session49_reused_older import returned
from tests.test_session49_reused_older_review import BC, BC9  # Bản Cọ without BC4; BC9


def test_a_recoded_household_back_on_the_lists_stays_back_in_the_years_table(tmp_path):
    """February: Bản Cọ lists BC4 'Hoàng Văn BC4' (new this year); March: drops it (left the
    lists); April: lists it again (back: tái nghèo); May: writes its head under BC9 (re-coded:
    the same household, session 27); June: the same. The year's table had BC4 returned in
    April but BC9 only new in May and June: the re-code did not carry the code's leaving.
    By hand, Bản Cọ's year table (start BC1, BC2): April 2 + 1 new (BC4, returned 1) = 3;
    May and June 2 + 1 new (BC9, returned 1) = 3 (was returned 0). Its month tables: April
    (March: BC1, BC2) 2 + 1 new (returned 1) = 3; May (April: BC1, BC2, BC4) BC4 and BC9
    paired, 3 = 3; June (May) 3 = 3. The commune's year: April, May and June 6 + 1 new = 7,
    returned 1 (was 0 in May and June); its month: May and June 7 = 7, returned 0."""
    folder, out = new_commune(tmp_path)
    lists = {"2024-02": bc5_rows(), "2024-03": BC, "2024-04": bc5_rows(), "2024-05": [*BC, BC9],
             "2024-06": [*BC, BC9]}  # fmt: skip
    found = {}
    for month, bc in lists.items():
        found[month] = run_lists(folder, out, month,
                              {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc, "Đồng Kè": dk_rows()})  # fmt: skip
    april, may, june = (found[m]["Bản Cọ"] for m in ("2024-04", "2024-05", "2024-06"))
    assert returned(april["movements"]) == ((2, 1, 0, 0, 0, 3), 1)
    assert returned(april["movements_month"]) == ((2, 1, 0, 0, 0, 3), 1)
    for later in (may, june):
        assert returned(later["movements"]) == ((2, 1, 0, 0, 0, 3), 1)
        assert returned(later["movements_month"]) == ((3, 0, 0, 0, 0, 3), 0)
    for month in ("2024-04", "2024-05", "2024-06"):
        assert returned(json_totals(out, month)["movements"]) == ((6, 1, 0, 0, 0, 7), 1)
    for month in ("2024-05", "2024-06"):
        assert returned(json_totals(out, month)["movements_month"]) == ((7, 0, 0, 0, 0, 7), 0)
    moves, _ = sheets(out, "2024-06", "BC9")
    assert [(m[0], m[1], m[3]) for m in moves] == [("Bản Cọ", "Hoàng Văn BC4", "Tái nghèo")]


def test_a_household_back_in_its_own_hamlet_is_back_not_the_other_heads_code(tmp_path):
    """March: Đồng Kè lists DK3 'Hoàng Văn DK3' (new this year). April: Đồng Kè drops it; Bản
    Cọ writes DK3 for 'Lò Thị Mai' (another head, her ID number: new there, the 'reused'
    warning). May: Đồng Kè lists DK3 'Hoàng Văn DK3' again; Bản Cọ drops her. He is Đồng Kè's
    own household back (tái nghèo), Bản Cọ's row the reused one. By hand, May: Đồng Kè's year
    (DK1) and month (April: DK1) 1 + 1 new (returned 1) = 2, no warning at its DK3 (was new,
    returned 0, told 'reused'); Bản Cọ's month (April: BC1, BC2, DK3) 3 − 1 exited (Lò Thị Mai,
    not moved out) = 2, its year 2 = 2; the commune's year 6 + 1 new = 7 (returned 1), month
    (April: 3 + 3 + 1 = 7) 7 + 1 new − 1 exited = 7 (returned 1)."""
    folder, out = new_commune(tmp_path)
    dk3 = person("DK3", "poor")
    run_lists(
        folder,
        out,
        "2024-03",
        {"Nà Mòn": na_mon_rows(), "Bản Cọ": BC, "Đồng Kè": [*dk_rows(), dk3]},
    )
    mai = person("DK3", "poor", **MAI)
    run_lists(
        folder,
        out,
        "2024-04",
        {"Nà Mòn": na_mon_rows(), "Bản Cọ": [*BC, mai], "Đồng Kè": dk_rows()},
    )
    may = run_lists(folder, out, "2024-05",
                 {"Nà Mòn": na_mon_rows(), "Bản Cọ": BC, "Đồng Kè": [*dk_rows(), dk3]})  # fmt: skip
    assert returned(may["Đồng Kè"]["movements"]) == ((1, 1, 0, 0, 0, 2), 1)
    assert returned(may["Đồng Kè"]["movements_month"]) == ((1, 1, 0, 0, 0, 2), 1)
    assert returned(may["Bản Cọ"]["movements"]) == ((2, 0, 0, 0, 0, 2), 0)
    assert returned(may["Bản Cọ"]["movements_month"]) == ((3, 0, 0, 0, 1, 2), 0)
    totals = json_totals(out, "2024-05")
    assert returned(totals["movements"]) == ((6, 1, 0, 0, 0, 7), 1)
    assert returned(totals["movements_month"]) == ((7, 1, 0, 0, 1, 7), 1)
    moves, said = sheets(out, "2024-05", "DK3")
    assert said == []
    assert [(m[0], m[1], m[3], m[4]) for m in moves] == [
        ("Đồng Kè", "Hoàng Văn DK3", "Tái nghèo", "Từ đầu năm"),
        (
            "Bản Cọ",
            "Lò Thị Mai",
            "Không còn trong danh sách (đề nghị xác nhận)",
            "So với tháng trước",
        ),
        ("Đồng Kè", "Hoàng Văn DK3", "Tái nghèo", "So với tháng trước"),
    ]


def test_a_start_household_back_in_its_own_hamlet_is_back_in_the_months_table(tmp_path):
    """As above with DK1, on Đồng Kè's start list: March, the three hamlets their own; April:
    Đồng Kè drops DK1 (lists DK2 alone), Bản Cọ writes DK1 for 'Lò Thị Mai'; May: Đồng Kè lists
    DK1 'Hoàng Văn DK1' again, Bản Cọ drops her. The start list's row of DK1 names his head: he
    is Đồng Kè's own household, back. By hand, May: Đồng Kè's year (DK1) 1 = 1 (on the start
    list and now), its month (April: no poor) 0 + 1 new (returned 1) = 1, no warning (was
    returned 0, told 'reused'); Bản Cọ's month 3 − 1 exited = 2; the commune's year 6 = 6, month
    (April: 3 + 3 + 0 = 6) 6 + 1 new − 1 exited = 6, returned 1 (was 0)."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-03", {"Nà Mòn": na_mon_rows(), "Bản Cọ": BC, "Đồng Kè": dk_rows()})
    mai = person("DK1", "poor", **MAI)
    run_lists(folder, out, "2024-04",
           {"Nà Mòn": na_mon_rows(), "Bản Cọ": [*BC, mai], "Đồng Kè": dk_rows()[1:]})  # fmt: skip
    may = run_lists(
        folder, out, "2024-05", {"Nà Mòn": na_mon_rows(), "Bản Cọ": BC, "Đồng Kè": dk_rows()}
    )
    assert returned(may["Đồng Kè"]["movements"]) == ((1, 0, 0, 0, 0, 1), 0)
    assert returned(may["Đồng Kè"]["movements_month"]) == ((0, 1, 0, 0, 0, 1), 1)
    assert returned(may["Bản Cọ"]["movements_month"]) == ((3, 0, 0, 0, 1, 2), 0)
    totals = json_totals(out, "2024-05")
    assert returned(totals["movements"]) == ((6, 0, 0, 0, 0, 6), 0)
    assert returned(totals["movements_month"]) == ((6, 1, 0, 0, 1, 6), 1)
    assert sheets(out, "2024-05", "DK1")[1] == []


def test_a_household_kept_by_its_silent_hamlet_is_not_back(tmp_path):
    """Kept (passes before too): as the first DK3 case, Đồng Kè silent in April. Its household
    never left (a silent hamlet keeps its households): its month is compared with March, which
    lists DK3, so it is not told back. By hand, May: Đồng Kè's year 1 + 1 new (returned 0) = 2,
    month (March: DK1, DK3) 2 = 2; Bản Cọ's month 3 − 1 exited = 2; the commune's year 6 + 1 new
    = 7, returned 0, month (April's lists and Đồng Kè's March: 3 + 3 + 2 = 8) 8 − 1 exited = 7."""
    folder, out = new_commune(tmp_path)
    dk3 = person("DK3", "poor")
    run_lists(
        folder,
        out,
        "2024-03",
        {"Nà Mòn": na_mon_rows(), "Bản Cọ": BC, "Đồng Kè": [*dk_rows(), dk3]},
    )
    mai = person("DK3", "poor", **MAI)
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Bản Cọ": [*BC, mai]})
    may = run_lists(folder, out, "2024-05",
                 {"Nà Mòn": na_mon_rows(), "Bản Cọ": BC, "Đồng Kè": [*dk_rows(), dk3]})  # fmt: skip
    assert returned(may["Đồng Kè"]["movements"]) == ((1, 1, 0, 0, 0, 2), 0)
    assert returned(may["Đồng Kè"]["movements_month"]) == ((2, 0, 0, 0, 0, 2), 0)
    assert returned(may["Bản Cọ"]["movements_month"]) == ((3, 0, 0, 0, 1, 2), 0)
    totals = json_totals(out, "2024-05")
    assert returned(totals["movements"]) == ((6, 1, 0, 0, 0, 7), 0)
    assert returned(totals["movements_month"]) == ((8, 0, 0, 0, 1, 7), 0)
