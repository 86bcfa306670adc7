"""A hamlet merged by the plan, more than half of its households new this year (session 49):
its list sent apart is told as the merged hamlet's, and the month after the merger set beside
both hamlets' lists, by one rule (renames.merged_by_start_list): of its households the start
list has, nearly all under the hamlet it joined; those new this year say nothing of it.

The small commune (tests.commune). March and April: Nà Mòn NM1-NM3 poor, NM4, NM5 near-poor;
Bản Cọ BC1, BC2, BC4, BC6 poor and BC3, BC5, BC7 near-poor (BC4-BC7 new this year: 4 of its
7); Đồng Kè DK1 poor, DK2 near-poor. April ends at 3 + 4 + 1 = 8 poor and 2 + 3 + 1 = 6
near-poor. The plan then merges Bản Cọ into Nà Mòn (BC1-BC3 under Nà Mòn on its start list:
3 of Bản Cọ's 7, under half)."""

from __future__ import annotations

from pipeline.history import HistoryStore
from tests.summaries import json_summary
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session47_apart_new_codes import merged_after_april, refusal
from tests.test_session47_mergers import movement_row
from tests.test_session48_gone_hamlet import bc_7

# the store's reads a refused list's codes may ask (consolidate.StoredCodes, notices)
_READS = ("codes_of_year", "months_of_hamlets", "keys_of_hamlets", "hamlets_of_year")


def commune_month_table(out, period: str) -> tuple:
    """The commune's month table ((start, new, moved in, moved out, exited, end), tái nghèo)
    of poor and near-poor households."""
    moves = json_summary(out, period)["totals"]["movements_month"]
    return tuple((movement_row(moves, k), moves[k]["returned"]) for k in ("poor", "near_poor"))


def _counted_reads(monkeypatch) -> list[str]:
    """The names of the store's reads of :data:`_READS`, as a run asks them."""
    asked: list[str] = []
    for name in _READS:
        read = getattr(HistoryStore, name)

        def counted(self, *args, _read=read, _name=name):
            asked.append(_name)
            return _read(self, *args)

        monkeypatch.setattr(HistoryStore, name, counted)
    return asked


def test_a_list_apart_of_a_hamlet_mostly_new_is_held_as_the_merged_hamlets(tmp_path, monkeypatch):
    """May: Nà Mòn lists its own, BC2, BC3 and BC6; Bản Cọ's old head sends BC1, BC4 poor and
    BC5, BC7 near-poor apart; Đồng Kè its own. Before, no rule paired Bản Cọ with Nà Mòn (3 of
    7 on the start list): the list was refused plainly, Nà Mòn set beside its own April list
    (BC2, BC6 and BC3 moved in), the commune starting May at 4 poor and 3 near-poor where April
    ended at 8 and 6; June had BC1, BC4, BC5, BC7 new. Now the list apart is held, as one whose
    codes the start list tells: Nà Mòn left out ('merged-list-apart', BC1 of the start list and
    3 more listed apart); its table from April's two lists: poor NM1-NM3, BC1, BC2, BC4, BC6 =
    7, BC1, BC4 not counted ('chưa tính'), 5; near-poor NM4, NM5, BC3, BC5, BC7 = 5, BC5, BC7
    not counted, 3; none exited; the commune Đồng Kè alone, 1 and 1. June (Nà Mòn lists all):
    set beside April, nothing moved, none back in poverty; the commune 7 + 1 = 8 and 5 + 1 =
    6, as April ended. The store is read for the refused list as before (the year's codes once);
    June, every list valid, reads none of those reads."""
    folder, out, bc = merged_after_april(tmp_path, bc_7())
    asked = _counted_reads(monkeypatch)
    run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon_rows(bc[1], bc[2], bc[5]),
                                    "Bản Cọ": [bc[0], bc[3], bc[4], bc[6]], "Đồng Kè": dk_rows()})  # fmt: skip
    na_mon = {h["hamlet"]: h for h in json_summary(out, "2024-05")["hamlets"]}["Nà Mòn"]
    assert (na_mon["status"], na_mon.get("incomplete", {}).get("reason"),
            na_mon.get("merged_from")) == (
        "rejected", "merged-list-apart", ["Bản Cọ"])  # fmt: skip
    assert (na_mon["incomplete"]["households_apart"],
            na_mon["incomplete"]["households_listed_apart"]) == (1, 4)  # fmt: skip
    month = na_mon["movements_month"]
    assert (movement_row(month, "poor"), month["poor"]["not_counted"]) == ((7, 0, 0, 0, 0, 5), 2)
    assert (movement_row(month, "near_poor"), month["near_poor"]["not_counted"]) == (
        (5, 0, 0, 0, 0, 3), 2)  # fmt: skip
    assert commune_month_table(out, "2024-05") == (((1, 0, 0, 0, 0, 1), 0), ((1, 0, 0, 0, 0, 1), 0))
    # the refusal says what the figures hold: the list is Nà Mòn's, its households apart
    said = refusal(out)
    assert said.startswith("Xóm 'Bản Cọ' không có trong kế hoạch của xã, nên danh sách chưa")
    assert (
        "Các mã hộ trong danh sách là của xóm Nà Mòn (4/4 mã hộ có trong danh sách đầu năm và "
        "danh sách các tháng 3/2024–4/2024 đã tổng hợp), và xóm Nà Mòn đã gửi danh sách riêng"
    ) in said
    # this year's codes, whether last year had a hamlet gone (no read of its codes), the
    # months of Bản Cọ's lists (last year's asked of no hamlet: nothing read)
    assert sorted(asked) == [
        "codes_of_year", "hamlets_of_year", "months_of_hamlets", "months_of_hamlets"]  # fmt: skip
    asked.clear()
    june = run_lists(folder, out, "2024-06", {"Nà Mòn": na_mon_rows(*bc), "Đồng Kè": dk_rows()})
    assert asked == []
    na_mon = june["Nà Mòn"]
    assert (na_mon["status"], na_mon["movements_month_from"]) == ("ok", "2024-04")
    month = na_mon["movements_month"]
    assert (movement_row(month, "poor"), month["poor"]["returned"]) == ((7, 0, 0, 0, 0, 7), 0)
    assert (movement_row(month, "near_poor"), month["near_poor"]["returned"]) == (
        (5, 0, 0, 0, 0, 5),
        0,
    )
    assert commune_month_table(out, "2024-06") == (((8, 0, 0, 0, 0, 8), 0), ((6, 0, 0, 0, 0, 6), 0))


def test_the_month_after_the_merger_of_a_hamlet_mostly_new_starts_where_the_last_ended(
    tmp_path,
):
    """May: Nà Mòn lists its own, BC2, BC3 and BC6; Bản Cọ's old head sends nothing. Before,
    Nà Mòn was set beside its own April list alone (BC2, BC6, BC3 moved in from no table), the
    commune starting May at 4 and 3 where April ended at 8 and 6, and BC1, BC4, BC5, BC7
    never exited. Now Bản Cọ is merged into Nà Mòn: poor 7 (NM1-NM3, BC1, BC2, BC4, BC6), BC1,
    BC4 exited, 5; near-poor 5 (NM4, NM5, BC3, BC5, BC7), BC5, BC7 exited, 3; the commune 8 - 2
    = 6 and 6 - 2 = 4. June, Nà Mòn listing all: the four new and back in poverty (tái
    nghèo): poor 5 + 2 = 7, near-poor 3 + 2 = 5; the commune 6 + 2 = 8 and 4 + 2 = 6."""
    folder, out, bc = merged_after_april(tmp_path, bc_7())
    may = run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon_rows(bc[1], bc[2], bc[5]),
                                          "Đồng Kè": dk_rows()})  # fmt: skip
    na_mon = may["Nà Mòn"]
    assert (na_mon["status"], na_mon.get("merged_from")) == ("ok", ["Bản Cọ"])
    month = na_mon["movements_month"]
    assert (movement_row(month, "poor"), movement_row(month, "near_poor")) == (
        (7, 0, 0, 0, 2, 5), (5, 0, 0, 0, 2, 3))  # fmt: skip
    assert commune_month_table(out, "2024-05") == (((8, 0, 0, 0, 2, 6), 0), ((6, 0, 0, 0, 2, 4), 0))
    june = run_lists(folder, out, "2024-06", {"Nà Mòn": na_mon_rows(*bc), "Đồng Kè": dk_rows()})
    month = june["Nà Mòn"]["movements_month"]
    assert (movement_row(month, "poor"), month["poor"]["returned"]) == ((5, 2, 0, 0, 0, 7), 2)
    assert (movement_row(month, "near_poor"), month["near_poor"]["returned"]) == (
        (3, 2, 0, 0, 0, 5),
        2,
    )
    assert commune_month_table(out, "2024-06") == (((6, 2, 0, 0, 0, 8), 2), ((4, 2, 0, 0, 0, 6), 2))
