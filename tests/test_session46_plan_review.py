"""Session 46's review of the session's plan choice and merger changes (docs/decisions.md,
"Session 46: review of the session's plan choice and merger changes").

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list."""

from __future__ import annotations

import pytest

from tests.commune import new_commune, person, write_merged_plan
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows, run_lists


def test_merged_by_the_plan_with_most_of_its_households_gone_from_the_lists(tmp_path):
    """Bản Cọ sends March's list (BC1, BC2, BC4 poor; BC3, BC5 near-poor) and nothing in
    April; the plan merges it into Nà Mòn. In May BC2 is on Đồng Kè's list and the four others
    on no list. Of the old list's households still listed (BC2 alone), none is on Nà Mòn's list,
    so the plan's merger was not believed: Nà Mòn was set beside its April list alone, BC2 new
    in Đồng Kè, and BC1, BC3, BC4, BC5 left the commune's table without being said exited (the
    commune's May start 4 poor, where all five gone gave 7). One household of five cannot say
    the plan is wrong: under half of the old list still listed, the plan's merger stands."""
    folder, out = new_commune(tmp_path)
    bc = [*bc_rows(), person("BC4", "poor"), person("BC5", "near_poor")]
    run_lists(folder, out, "2024-03", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc, "Đồng Kè": dk_rows()})
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Đồng Kè": dk_rows()})
    write_merged_plan(folder)
    by_name = run_lists(
        folder, out, "2024-05", {"Nà Mòn": na_mon_rows(), "Đồng Kè": [*dk_rows(), bc[1]]}
    )
    na_mon = by_name["Nà Mòn"]
    assert (na_mon["movements_month_from"], na_mon.get("merged_from")) == ("2024-03", ["Bản Cọ"])
    poor, near = na_mon["movements_month"]["poor"], na_mon["movements_month"]["near_poor"]
    # NM1-NM3 (April), BC1, BC2, BC4 (March): BC2 moved to Đồng Kè, BC1 and BC4 left the lists
    assert (poor["start"], poor["moved_out"], poor["exited"], poor["new"], poor["end"]) == (
        6, 1, 2, 0, 3)  # fmt: skip
    # NM4, NM5 (April), BC3, BC5 (March): both left the lists
    assert (near["start"], near["exited"], near["end"]) == (4, 2, 2)
    poor = by_name["Đồng Kè"]["movements_month"]["poor"]
    assert (poor["start"], poor["moved_in"], poor["new"], poor["end"]) == (1, 1, 0, 2)


def test_check_of_two_months_at_a_merger_checks_each_with_the_plan_its_run_takes(tmp_path):
    """June 2025 run for Trung Lương (Nà Mòn, Bản Cọ); Định Hóa's plan (saved later) renames
    Bản Cọ to Bản Cọ Mới and adds Khuôn Tát; July run for Định Hóa. `check input` with both
    months' folders (T6, T7) checked June's lists with Định Hóa's plan, the latest month's:
    June's Bản Cọ list was refused ("'Bản Cọ', không có trong kế hoạch của xã … hãy sửa": an
    error, exit 1) and Nà Mòn's told to write 'Định Hóa', though June's run (Trung Lương's
    plan) counts both as they are. Each month's lists are checked with the plan its run takes."""
    import openpyxl

    from pipeline.checkfiles import check_files
    from pipeline.history import HISTORY_FILE, HistoryStore
    from pipeline.run import execute
    from tests import test_session25_commune_merger as merger

    folder, out = tmp_path / "input", tmp_path / "output"
    (folder / "T6").mkdir(parents=True)
    (folder / "T7").mkdir()
    merger.write_merger_plan(folder / "KeHoach_2025.xlsx", "Trung Lương", merger.OLD, (0.5, 0.3),
                 1_750_000_000)  # fmt: skip
    nm = [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"),
          person("NM4", "near_poor"), person("NM5", "near_poor")]  # fmt: skip
    bc = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    merger.roster(folder / "T6", "Nà Mòn", 100, nm, 6, "Trung Lương")
    merger.roster(folder / "T6", "Bản Cọ", 200, bc, 6, "Trung Lương")
    assert execute(folder, out, "2025-06")[0].summary["commune"] == "Trung Lương"
    new = [merger.NEW[0], ("Bản Cọ Mới", *merger.NEW[1][1:]), merger.NEW[2]]
    codes = {**merger.CODES, "Bản Cọ Mới": "BC"}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(merger, "CODES", codes)
        merger.write_merger_plan(folder / "KeHoach_2025_DinhHoa.xlsx", "Định Hóa", new, (1.0, 0.5),
                     1_751_500_000)  # fmt: skip
    merger.roster(folder / "T7", "Nà Mòn", 100, [dict(r) for r in nm], 7, "Định Hóa")
    merger.roster(folder / "T7", "Bản Cọ", 200, [dict(r) for r in bc], 7, "Định Hóa")
    book = openpyxl.load_workbook(folder / "T7" / "BC_2025-07.xlsx")
    for row in book["Thông tin"].iter_rows():
        for cell in row:
            if cell.value == "Bản Cọ":
                cell.value = "Bản Cọ Mới"
    book.save(folder / "T7" / "BC_2025-07.xlsx")
    kt = [person(f"KT{i}", "poor") for i in (1, 2, 3, 4)]
    kt += [person(f"KT{i}", "near_poor") for i in (5, 6, 7)]
    merger.roster(folder / "T7", "Khuôn Tát", 120, kt, 7, "Định Hóa")
    july = execute(folder, out, "2025-07")[0]
    assert (july.summary["commune"], july.summary["complete"]) == ("Định Hóa", True)
    history = HistoryStore(out / HISTORY_FILE, read_only=True)
    found = check_files(sorted(folder.rglob("*.xlsx")), "vi", history)
    assert [(i.code, i.file) for i in found if "2025-06" in i.file] == []
    # each plan set aside once: Trung Lương's for July, Định Hóa's for June
    assert [(i.code, i.file, i.detail) for i in found] == [
        ("plan-duplicate", "KeHoach_2025.xlsx", "KeHoach_2025_DinhHoa.xlsx"),
        ("plan-duplicate", "KeHoach_2025_DinhHoa.xlsx", "KeHoach_2025.xlsx"),
    ]
