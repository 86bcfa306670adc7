"""Review of session 49's reused code read in older months (tests/test_session49_reused_older.py).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list (poor 6). Each
head is 'Hoàng Văn <code>', born 1970, with an ID number of its code. Bản Cọ's list (_bc) has
BC4 poor and BC5 near-poor too, new this year."""

from __future__ import annotations

from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import new_commune, person, write_merged_plan
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session47_mergers import bc5_rows
from tests.test_session48_code_reused import MAI, json_totals, reused, sheets
from tests.test_session49_reused_older import returned

# Bản Cọ's list without BC4
BC = [b for b in bc5_rows() if b["ma_ho"] != "BC4"]
# BC4's head written by Bản Cọ under another code, BC9 (his own ID number)
BC9 = person(
    "BC9", "poor", chu_ho="Hoàng Văn BC4", so_dinh_danh=person("BC4", "poor")["so_dinh_danh"]
)


def _mai_in_dong_ke_after(tmp_path, months: dict[str, list[dict]], period: str) -> dict:
    """Bản Cọ's lists of ``months`` (Nà Mòn's and Đồng Kè's own each month), then ``period``:
    Bản Cọ its last list again, Đồng Kè 'Lò Thị Mai' under BC4 too. Returns its hamlets."""
    folder, out = new_commune(tmp_path)
    for month, bc in months.items():
        run_lists(folder, out, month, {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc, "Đồng Kè": dk_rows()})
    dk = [*dk_rows(), person("BC4", "poor", **MAI)]
    return run_lists(
        folder, out, period, {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc, "Đồng Kè": dk}
    ), out


def test_a_code_left_behind_by_its_household_back_under_another_code_is_new_when_reused(tmp_path):
    """February: Bản Cọ lists BC4 'Hoàng Văn BC4'; March: drops it (left the lists); April:
    writes him under BC9 (back under another code: tái nghèo, session 42). May: Đồng Kè writes
    BC4 for 'Lò Thị Mai' (her own ID number). The history walk forgot where BC4 last left
    the lists from once its household was back under BC9, so her return was taken as BC4's own
    household's in its own hamlet: no older month asked, back (tái nghèo) in both tables. She
    is another household: new, the 'reused' warning naming February's list of Bản Cọ. By hand,
    May: Đồng Kè's year (DK1) and month (April: DK1) 1 + 1 new = 2, 0 returned (was 1); Bản
    Cọ's year 2 + 1 new (BC9, returned 1) = 3, month (April: BC1, BC2, BC9) 3 = 3; the
    commune's year 6 + 2 new = 8, 1 returned (was 2); month (April 3 + 3 + 1 = 7) 7 + 1 new
    = 8, 0 returned (was 1)."""
    months = {"2024-02": bc5_rows(), "2024-03": BC, "2024-04": [*BC, BC9]}
    may, out = _mai_in_dong_ke_after(tmp_path, months, "2024-05")
    assert returned(may["Đồng Kè"]["movements"]) == ((1, 1, 0, 0, 0, 2), 0)
    assert returned(may["Đồng Kè"]["movements_month"]) == ((1, 1, 0, 0, 0, 2), 0)
    assert returned(may["Bản Cọ"]["movements"]) == ((2, 1, 0, 0, 0, 3), 1)
    assert returned(may["Bản Cọ"]["movements_month"]) == ((3, 0, 0, 0, 0, 3), 0)
    totals = json_totals(out, "2024-05")
    assert returned(totals["movements"]) == ((6, 2, 0, 0, 0, 8), 1)
    assert returned(totals["movements_month"]) == ((7, 1, 0, 0, 0, 8), 0)
    moves, said = sheets(out, "2024-05", "BC4")
    assert [(m[0], m[1], m[3]) for m in moves] == [("Đồng Kè", "Lò Thị Mai", "Phát sinh mới")] * 2
    message = reused("Đồng Kè", "BC4", "Hoàng Văn BC4", "danh sách tháng 2/2024", "Bản Cọ")
    assert said == [("Đồng Kè", "DS_2_2024-05.xlsx", "B7", "code-changed", message)]


def test_a_code_left_then_re_coded_in_its_hamlet_is_new_when_reused(tmp_path):
    """February: Bản Cọ lists BC4; March: drops it; April: lists it again (back, tái nghèo);
    May: writes its head under BC9 (re-coded: the same household, session 27). June: Đồng Kè
    writes BC4 for 'Lò Thị Mai'. BC4 had left the lists (March), and the walk forgot from
    where once re-coded: she was back (tái nghèo). By hand, June: Đồng Kè's year and month
    1 + 1 new = 2, 0 returned (was 1); the commune's month (May 3 + 3 + 1 = 7) 7 + 1 new = 8,
    0 returned (was 1); the warning names April's list of Bản Cọ (its latest row of BC4)."""
    months = {"2024-02": bc5_rows(), "2024-03": BC, "2024-04": bc5_rows(), "2024-05": [*BC, BC9]}
    june, out = _mai_in_dong_ke_after(tmp_path, months, "2024-06")
    assert returned(june["Đồng Kè"]["movements"]) == ((1, 1, 0, 0, 0, 2), 0)
    assert returned(june["Đồng Kè"]["movements_month"]) == ((1, 1, 0, 0, 0, 2), 0)
    assert returned(json_totals(out, "2024-06")["movements_month"]) == ((7, 1, 0, 0, 0, 8), 0)
    message = reused("Đồng Kè", "BC4", "Hoàng Văn BC4", "danh sách tháng 4/2024", "Bản Cọ")
    assert [s[4] for s in sheets(out, "2024-06", "BC4")[1]] == [message]


def test_a_merged_hamlets_older_row_is_named_under_the_hamlet_that_listed_it(tmp_path):
    """February: Bản Cọ lists BC4 'Hoàng Văn BC4'; March: drops it; the plan then merges Bản Cọ
    into Nà Mòn. April and May: Nà Mòn lists its own and Bản Cọ's; in May Đồng Kè writes BC4
    for 'Lò Thị Mai'. February's row is read (its hamlet as Nà Mòn now, another hamlet than
    Đồng Kè): two households, new. The warning named "danh sách tháng 2/2024 của xóm Nà Mòn",
    a list without BC4: it names the hamlet whose list has the row, Bản Cọ. By hand, May: Đồng
    Kè's year and month 1 + 1 new = 2, 0 returned; Nà Mòn's (start 3 + 2 poor) 5 = 5 in both;
    the commune's 6 + 1 new = 7 in both; `check` says the same words at B7."""
    folder, out = new_commune(tmp_path)
    run_lists(
        folder,
        out,
        "2024-02",
        {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc5_rows(), "Đồng Kè": dk_rows()},
    )
    run_lists(folder, out, "2024-03", {"Nà Mòn": na_mon_rows(), "Bản Cọ": BC, "Đồng Kè": dk_rows()})
    write_merged_plan(folder)
    run_lists(folder, out, "2024-04", {"Nà Mòn": [*na_mon_rows(), *BC], "Đồng Kè": dk_rows()})
    dk = [*dk_rows(), person("BC4", "poor", **MAI)]
    may = run_lists(folder, out, "2024-05", {"Nà Mòn": [*na_mon_rows(), *BC], "Đồng Kè": dk})
    assert returned(may["Đồng Kè"]["movements"]) == ((1, 1, 0, 0, 0, 2), 0)
    assert returned(may["Đồng Kè"]["movements_month"]) == ((1, 1, 0, 0, 0, 2), 0)
    assert returned(may["Nà Mòn"]["movements"]) == ((5, 0, 0, 0, 0, 5), 0)
    assert returned(may["Nà Mòn"]["movements_month"]) == ((5, 0, 0, 0, 0, 5), 0)
    totals = json_totals(out, "2024-05")
    assert returned(totals["movements"]) == ((6, 1, 0, 0, 0, 7), 0)
    assert returned(totals["movements_month"]) == ((6, 1, 0, 0, 0, 7), 0)
    message = reused("Đồng Kè", "BC4", "Hoàng Văn BC4", "danh sách tháng 2/2024", "Bản Cọ")
    assert sheets(out, "2024-05", "BC4")[1] == [
        ("Đồng Kè", "DS_1_2024-05.xlsx", "B7", "code-changed", message)
    ]
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    assert f"[Cảnh báo] DS_1_2024-05.xlsx, Danh sách, B7 (code-changed): {message}\n" in checked
