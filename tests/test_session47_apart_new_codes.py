"""A merged hamlet's old head sends his list apart, its codes mostly of households new this
year (session 47): the list apart is told by the codes the year's stored months keep under the
old hamlet too, not by the start list's alone (consolidate.StoredCodes).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list."""

from __future__ import annotations

import openpyxl

from tests.commune import new_commune, person, write_merged_plan
from tests.summaries import json_summary
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session47_mergers import bc5_rows, movement_row


def merged_after_april(tmp_path, bc: list[dict] | None = None, plan=write_merged_plan):
    """March and April: the three hamlets send, Bản Cọ ``bc`` (``_bc()``); then ``plan`` (a
    function of the input folder; the plan merging Bản Cọ into Nà Mòn) is written. Returns the
    input folder, the output folder and Bản Cọ's list."""
    folder, out = new_commune(tmp_path)
    bc = bc5_rows() if bc is None else bc
    lists = {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc, "Đồng Kè": dk_rows()}
    run_lists(folder, out, "2024-03", lists)
    run_lists(folder, out, "2024-04", lists)
    plan(folder)
    return folder, out, bc


# the refusal of a list apart of 3 households, 1 on the start list
_APART = (
    "là của xóm Nà Mòn (3/3 mã hộ có trong danh sách đầu năm và danh sách các tháng "
    "{months} đã tổng hợp), và xóm Nà Mòn đã gửi danh sách riêng"
)


def held_apart(out, period: str, poor: tuple, near_poor: tuple, months: str) -> None:
    """``period``: Nà Mòn left out for Bản Cọ's list apart of 3 households (1 on the start
    list); its month table's ``poor`` and ``near_poor`` ((start, new, moved in, moved out,
    exited, end), not counted); the commune Đồng Kè alone (1 poor, 1 near-poor); the refusal
    naming the start list and Bản Cọ's lists of ``months``."""
    summary = json_summary(out, period)
    na_mon = {h["hamlet"]: h for h in summary["hamlets"]}["Nà Mòn"]
    assert (na_mon["status"], na_mon.get("incomplete", {}).get("reason")) == (
        "rejected", "merged-list-apart")  # fmt: skip
    assert (na_mon["incomplete"]["households_apart"],
            na_mon["incomplete"]["households_listed_apart"]) == (1, 3)  # fmt: skip
    month = na_mon["movements_month"]
    assert (movement_row(month, "poor"), month["poor"]["not_counted"]) == poor
    assert (movement_row(month, "near_poor"), month["near_poor"]["not_counted"]) == near_poor
    commune = summary["totals"]["movements_month"]
    assert (movement_row(commune, "poor"), movement_row(commune, "near_poor")) == (
        (1, 0, 0, 0, 0, 1), (1, 0, 0, 0, 0, 1))  # fmt: skip
    assert _APART.format(months=months) in refusal(out, period)


def test_a_list_apart_of_households_new_this_year_is_held_then_counted_again(tmp_path):
    """March and April: the three hamlets send, Bản Cọ BC1, BC2, BC4 poor and BC3, BC5
    near-poor (BC4, BC5 new in March, stored under Bản Cọ). The plan merges Bản Cọ into Nà
    Mòn. May: Nà Mòn lists its own, BC2 and BC3; Bản Cọ's old head sends BC1, BC4 and BC5
    apart (1 of its 3 codes on the start list); Đồng Kè its own. By the start list alone it
    was a plain unknown hamlet: Nà Mòn counted, BC1, BC4 exited (poor 6 - 2 = 4), BC5 exited
    (near-poor 4 - 1 = 3), the commune 7 - 2 = 5 and 5 - 1 = 4; June had the three back in
    poverty (tái nghèo). As a list apart with start-list households does: May, Nà Mòn left
    out (rejected), the three held ('chưa tính'); the commune Đồng Kè alone (1 and 1). June:
    Nà Mòn set beside April (NM1-NM3, BC1, BC2, BC4 poor; NM4, NM5, BC3, BC5 near-poor), all
    still listed: nothing moved; the commune 6 + 1 = 7 poor and 4 + 1 = 5 near-poor. May run
    again after June names in its refusal the months of Bản Cọ's lists, as its first run did
    (before, every stored month of the year with codes: March–June)."""
    folder, out, bc = merged_after_april(tmp_path)
    may_lists = {"Nà Mòn": na_mon_rows(bc[1], bc[2]), "Bản Cọ": [bc[0], bc[3], bc[4]],
                 "Đồng Kè": dk_rows()}  # fmt: skip
    run_lists(folder, out, "2024-05", may_lists)
    # BC1 of the start list, BC4 and BC5 new this year; the refusal names both lists the codes
    # are on: BC1 the start list's, BC4, BC5 the months'
    held_apart(out, "2024-05", ((6, 0, 0, 0, 0, 4), 2), ((4, 0, 0, 0, 0, 3), 1), "3/2024–4/2024")
    june = run_lists(folder, out, "2024-06", {"Nà Mòn": na_mon_rows(*bc), "Đồng Kè": dk_rows()})
    na_mon = june["Nà Mòn"]
    assert (na_mon["status"], na_mon["movements_month_from"]) == ("ok", "2024-04")
    month = na_mon["movements_month"]
    assert (movement_row(month, "poor"), month["poor"]["returned"]) == ((6, 0, 0, 0, 0, 6), 0)
    assert (movement_row(month, "near_poor"), month["near_poor"]["returned"]) == (
        (4, 0, 0, 0, 0, 4),
        0,
    )
    commune = json_summary(out, "2024-06")["totals"]["movements_month"]
    assert (movement_row(commune, "poor"), commune["poor"]["returned"]) == ((7, 0, 0, 0, 0, 7), 0)
    assert (movement_row(commune, "near_poor"), commune["near_poor"]["returned"]) == (
        (5, 0, 0, 0, 0, 5), 0)  # fmt: skip
    # May run again after June: the same months named (those of Bản Cọ's lists, not June's)
    run_lists(folder, out, "2024-05", may_lists)
    assert _APART.format(months="3/2024–4/2024") in refusal(out)


def refusal(out, period: str = "2024-05") -> str:
    """The month's refusal of the list under 'Bản Cọ' on 'Lỗi dữ liệu' (May's by default)."""
    book = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx", read_only=True)
    [said] = [v for row in book["Lỗi dữ liệu"].iter_rows(values_only=True) for v in row
              if isinstance(v, str) and v.startswith("Xóm 'Bản Cọ'")]  # fmt: skip
    book.close()
    return said


def test_an_old_hamlet_as_many_new_households_as_start_ones_is_told_as_the_history_tells_it(
    tmp_path,
):
    """March and April as above, Bản Cọ adding BC6 poor in April: 6 codes stored under it, 3
    on the start list (BC1-BC3, under Nà Mòn in the merged plan), half. May: Nà Mòn lists its
    own, BC2 and BC3; Bản Cọ's old head sends BC1, BC4, BC5 and BC6. The refusal said Bản Cọ
    merged into Nà Mòn (the history's rule: at least half of its households under one name,
    renames.hamlet_renames), but StoredCodes joined an old hamlet by more than half: the list was no
    list apart, and Nà Mòn was counted with BC1, BC4, BC6 exited (poor 7 - 3 = 4) and BC5
    (near-poor 4 - 1 = 3), back in poverty in June. By the one rule: May, Nà Mòn left out,
    poor 7 (NM1-NM3, BC1, BC2, BC4, BC6), 3 not counted, 4; near-poor 4 (NM4, NM5, BC3, BC5),
    1 not counted, 3; the commune Đồng Kè alone. June: all listed, nothing moved, none back;
    the commune 7 + 1 = 8 poor and 4 + 1 = 5 near-poor."""
    folder, out = new_commune(tmp_path)
    bc = [*bc5_rows(), person("BC6", "poor")]
    lists = {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc[:5], "Đồng Kè": dk_rows()}
    run_lists(folder, out, "2024-03", lists)
    run_lists(folder, out, "2024-04", {**lists, "Bản Cọ": bc})
    write_merged_plan(folder)
    may = run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon_rows(bc[1], bc[2]),
                                          "Bản Cọ": [bc[0], *bc[3:]], "Đồng Kè": dk_rows()})  # fmt: skip
    na_mon = may["Nà Mòn"]
    assert (na_mon["status"], na_mon["incomplete"]["reason"]) == ("rejected", "merged-list-apart")
    month = na_mon["movements_month"]
    assert (movement_row(month, "poor"), month["poor"]["not_counted"]) == ((7, 0, 0, 0, 0, 4), 3)
    assert (movement_row(month, "near_poor"), month["near_poor"]["not_counted"]) == (
        (4, 0, 0, 0, 0, 3), 1)  # fmt: skip
    commune = json_summary(out, "2024-05")["totals"]["movements_month"]
    assert (movement_row(commune, "poor"), movement_row(commune, "near_poor")) == (
        (1, 0, 0, 0, 0, 1), (1, 0, 0, 0, 0, 1))  # fmt: skip
    assert (
        "là của xóm Nà Mòn (4/4 mã hộ có trong danh sách đầu năm và danh sách các tháng "
        "3/2024–4/2024 đã tổng hợp)" in refusal(out)
    )
    june = run_lists(folder, out, "2024-06", {"Nà Mòn": na_mon_rows(*bc), "Đồng Kè": dk_rows()})
    month = june["Nà Mòn"]["movements_month"]
    assert (movement_row(month, "poor"), month["poor"]["returned"]) == ((7, 0, 0, 0, 0, 7), 0)
    assert (movement_row(month, "near_poor"), month["near_poor"]["returned"]) == (
        (4, 0, 0, 0, 0, 4),
        0,
    )
    commune = json_summary(out, "2024-06")["totals"]["movements_month"]
    assert (movement_row(commune, "poor"), movement_row(commune, "near_poor")) == (
        (8, 0, 0, 0, 0, 8), (5, 0, 0, 0, 0, 5))  # fmt: skip
