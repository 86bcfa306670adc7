"""Session 63 (helper E): a hamlet back in the plan, its start rows and the month they left.

The commune of tests/test_session61_c2_found_untold.py: Khuổi Hin, Nà Mòn and Đồng Kè, every
household poor, each plan's start list the lists it is given (100 households a hamlet).

1. Khuổi Hin back in the plan in May with K1, B1, B2 on its start rows (its February list K1;
   in no plan of March and April; April's plan gave B1, B2 to Bản Cọ, silent), its May list K1,
   B1. Session 61 C2 starts its May month column with B1, B2 (on no list ever); B2, gone now,
   was said gone in May by that table and "since February" by the year's, and never asked to
   confirm (the year's table took it for one asked then). One story: B2 left in May.
2. A start row of a hamlet back in the plan that an earlier list of the year had and left
   (Khuổi Hin's January list, or Nà Mòn's March list) left the lists then, told then: not in
   the month column again in May (it was counted gone twice).
"""

from __future__ import annotations

from datetime import date

from tests.commune import person
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import table
from tests.test_session57_b_turn_kept import issues_of
from tests.test_session59_h2_renamed_then_merged_into import run_month_lists, write_plan_2024

K1, N1, C1 = person("K1", "poor"), person("N1", "poor"), person("C1", "poor")
B1, B2 = person("B1", "poor"), person("B2", "poor")
GONE = "Không còn trong danh sách (đề nghị xác nhận)"
ASKED = (
    "Hộ B2 (Hoàng Văn B2) có trong danh sách đầu năm nhưng không có trong danh sách kỳ này; "
    "đã tính là thoát. Đề nghị xóm xác nhận: nếu đúng, hãy ghi lại dòng của hộ (đủ các cột như "
    "các hộ khác) với Phân loại hộ 'Thoát'. Nếu hộ chỉ chuyển sang xóm khác trong xã thì không "
    "ghi lại: xóm nơi hộ đến ghi hộ vào danh sách của mình với Mã hộ cũ."
)
STILL = (0,) * 11


def run_steps(tmp_path, steps) -> tuple:
    """Each (period, plan's start lists, lists) in turn; returns ({period: JSON}, outputs)."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    done = {}
    for period, plan, lists in steps:
        write_plan_2024(folder, plan)
        month = int(period[5:])
        done[period] = run_month_lists(folder, out, period, lists, date(2024, month + 1, 3))
    return done, out


def _poor(summary: dict, key: str) -> dict:
    """hamlet (None: the commune) -> its ``key`` table's poor columns."""
    found = {h["hamlet"]: table(h[key])[0] for h in summary["hamlets"] if h.get(key)}
    return {**found, None: table(summary["totals"][key])[0]}


def _asked(out, period: str) -> list[tuple]:
    return [row for row in issues_of(out, period) if row[3] == "vanished-household"]


FEB = {"Khuổi Hin": [K1], "Nà Mòn": [N1], "Đồng Kè": [C1]}
MAR = {"Nà Mòn": [N1], "Đồng Kè": [C1]}
BACK = {"Khuổi Hin": [K1, B1, B2], **MAR}  # May's and June's plan


# 1. A start row on no list ever, gone the month its hamlet is back


def test_a_start_row_on_no_list_gone_the_month_its_hamlet_is_back_left_then(tmp_path):
    """Worked by hand, May. The month's table: Khuổi Hin against its February list (K1) and
    the start rows no list had (B1, B2: C2's column), K1 and B1 on its list now: poor 3, gone 1
    (B2), 2; Nà Mòn and Đồng Kè 1 to 1; the commune 5, gone 1, 4. The year's table (May's start
    list): the same. B2's leaving is May's: no list of the year said it before (February's
    plan gave Khuổi Hin no B2, March's and April's had Khuổi Hin in none), so its year's row
    says it gone now, not "since February", and its head is asked to confirm now, once;
    its month's row names the start list its column holds it from. Before: the year's row
    "Không còn trong danh sách từ tháng 2/2024 (không ghi 'Thoát')", the month's "So với
    tháng 2/2024", no question at all (the year's table took it for one asked in February,
    a month whose tables never had it)."""
    done, out = run_steps(
        tmp_path,
        [
            ("2024-02", FEB, FEB),
            ("2024-03", MAR, MAR),
            ("2024-04", {**MAR, "Bản Cọ": [B1, B2]}, MAR),
            ("2024-05", BACK, {"Khuổi Hin": [K1, B1], **MAR}),
        ],
    )
    may = done["2024-05"]
    gone = (3, 0, 1, *[0] * 7, 2)
    one = (1, *[0] * 9, 1)
    commune = (5, 0, 1, *[0] * 7, 4)
    for key in ("movements_month", "movements"):
        assert _poor(may, key) == {
            "Khuổi Hin": gone,
            "Nà Mòn": one,
            "Đồng Kè": one,
            None: commune,
        }, key
    assert may["month_started"] == {"Khuổi Hin": ["B1", "B2"]}
    assert listed_movements(out, "2024-05") == [
        ("Khuổi Hin", "B2", GONE, "Từ đầu năm"),
        ("Khuổi Hin", "B2", GONE, "So với danh sách đầu năm"),
    ]
    assert _asked(out, "2024-05") == [("Khuổi Hin", None, "B2 (Hoàng Văn B2)",
                                       "vanished-household", ASKED)]  # fmt: skip


def test_the_next_month_says_it_gone_since_the_month_its_hamlet_was_back(tmp_path):
    """June, the same lists as May: B2 left in May (May's month table told it, its head asked
    then). The year's table as May's; its row "since May", not asked again; the month's
    table (against May's list) moves nothing. Before: "since February"."""
    done, out = run_steps(
        tmp_path,
        [
            ("2024-02", FEB, FEB),
            ("2024-03", MAR, MAR),
            ("2024-04", {**MAR, "Bản Cọ": [B1, B2]}, MAR),
            ("2024-05", BACK, {"Khuổi Hin": [K1, B1], **MAR}),
            ("2024-06", BACK, {"Khuổi Hin": [K1, B1], **MAR}),
        ],
    )
    june = done["2024-06"]
    assert _poor(june, "movements")["Khuổi Hin"] == (3, 0, 1, *[0] * 7, 2)
    assert _poor(june, "movements_month") == {
        "Khuổi Hin": (2, *[0] * 9, 2),
        "Nà Mòn": (1, *[0] * 9, 1),
        "Đồng Kè": (1, *[0] * 9, 1),
        None: (4, *[0] * 9, 4),
    }
    assert listed_movements(out, "2024-06") == [
        ("Khuổi Hin", "B2", "Không còn trong danh sách từ tháng 5/2024 (không ghi 'Thoát')",
         "Từ đầu năm"),
    ]  # fmt: skip
    assert _asked(out, "2024-06") == []


# 2. A start row an earlier list had, gone from it before its hamlet was dropped


def _b2_gone_since(may: dict, out, month: int) -> None:
    """May's figures where Khuổi Hin's month table runs 1 to 1 beside its list before, B2 gone
    from its year's table (2, gone 1, 1) since ``month`` and asked no more."""
    one = (1, *[0] * 9, 1)
    assert _poor(may, "movements_month") == {
        "Khuổi Hin": one,
        "Nà Mòn": one,
        "Đồng Kè": one,
        None: (3, *[0] * 9, 3),
    }
    assert _poor(may, "movements")["Khuổi Hin"] == (2, 0, 1, *[0] * 7, 1)
    assert not may["month_started"]
    assert listed_movements(out, "2024-05") == [
        ("Khuổi Hin", "B2", f"Không còn trong danh sách từ tháng {month}/2024 (không ghi 'Thoát')",
         "Từ đầu năm"),
    ]  # fmt: skip


def test_a_start_row_gone_from_an_earlier_list_of_its_back_hamlet_is_not_in_its_column(
    tmp_path,
):
    """January's plan Khuổi Hin K1, B2; its January list K1, B2, its February list K1 (B2 left:
    February's tables said so, its head asked then); March's and April's plans drop Khuổi Hin;
    May's is January's again, Khuổi Hin's list K1. Worked by hand, May: Khuổi Hin's month table
    against its February list: poor 1 to 1, nothing moved (B2 left in February); the commune
    3 to 3. Its year's table: 2, gone 1 (B2, since February), 1. Before: its month column held
    B2 again (C2's start rows its February list lacked): 2, gone 1, 1, the commune 4, gone 1,
    3: B2 counted gone in February's tables and May's."""
    jan = {"Khuổi Hin": [K1, B2], "Nà Mòn": [N1], "Đồng Kè": [C1]}
    done, out = run_steps(
        tmp_path,
        [
            ("2024-01", jan, jan),
            ("2024-02", jan, FEB),
            ("2024-03", MAR, MAR),
            ("2024-04", MAR, MAR),
            ("2024-05", jan, {"Khuổi Hin": [K1], **MAR}),
        ],
    )
    _b2_gone_since(done["2024-05"], out, 2)
    assert _asked(out, "2024-05") == []


def test_a_start_row_another_hamlet_listed_and_left_is_not_in_the_back_hamlets_column(tmp_path):
    """May's start list Khuổi Hin K1, B2 (as January's); Khuổi Hin's lists January and February
    K1; Nà Mòn's March list N1, B2 (new there), April's N1 (B2 left: April's tables said so);
    Khuổi Hin in no plan of March and April; its May list K1. Worked by hand, May: B2 left the
    lists in April from Nà Mòn: Khuổi Hin's month table 1 to 1 (against its February list), the
    commune 3 to 3; the year's table: Khuổi Hin 2, gone 1 (B2, since April), 1. Before: B2
    held again in Khuổi Hin's month column (2, gone 1, 1; the commune 4, gone 1, 3)."""
    jan = {"Khuổi Hin": [K1, B2], "Nà Mòn": [N1], "Đồng Kè": [C1]}
    done, out = run_steps(
        tmp_path,
        [
            ("2024-01", jan, FEB),
            ("2024-02", jan, FEB),
            ("2024-03", MAR, {"Nà Mòn": [N1, B2], "Đồng Kè": [C1]}),
            ("2024-04", MAR, MAR),
            ("2024-05", jan, {"Khuổi Hin": [K1], **MAR}),
        ],
    )
    _b2_gone_since(done["2024-05"], out, 4)
