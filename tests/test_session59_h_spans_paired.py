"""Session 59 (helper H): the month table's spans note ("Dòng Tổng cộng … tính từ các mốc khác
nhau …") says what is true of a hamlet new in the plan beside its start list (H2's Left of
"Session 58: a hamlet added back to the plan …"): its start column leaves out the households
last month's lists had elsewhere (session 58, H), so a move into or out of it counts on both
sides, not "có thể chỉ tính ở một bên".

Session 56 M's households (tests.test_session56_m_small_merger) and D2's Lộc. April 2024 (the
2024 plan's start list April's lists): Nà Mòn An 001, Cường 003 poor, Bình 002, Lộc 011
near-poor; Đồng Kè Giang 007, Tám 010 poor, Hải 008 near-poor. May's plan, revised with a start
list, adds Khuổi Hin, putting Lộc and Tám there."""

from __future__ import annotations

from datetime import date

import openpyxl

from tests.test_session56_b_turn_moved import table
from tests.test_session56_c_month_words import SPANS
from tests.test_session56_m_small_merger import (
    AN,
    BINH,
    CUONG,
    GIANG,
    HAI,
    TAM,
    run_month,
    write_plans,
)
from tests.test_session57_d2_lists_alone_share import LOC

APRIL = {"Nà Mòn": [AN, BINH, CUONG, LOC], "Đồng Kè": [GIANG, HAI, TAM]}
MAY = {"Nà Mòn": [AN, BINH, CUONG], "Khuổi Hin": [LOC, TAM], "Đồng Kè": [GIANG, HAI]}


def _june(tmp_path, may_lists: dict) -> tuple[dict, object]:
    """April run, May's plan revised (:data:`MAY`), May run with ``may_lists``, June with
    :data:`MAY`'s lists. Returns June's JSON and the output folder."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plans(folder, {2024: APRIL})
    run_month(folder, out, "2024-04", APRIL, date(2024, 5, 3))
    write_plans(folder, {2024: MAY})
    run_month(folder, out, "2024-05", may_lists, date(2024, 6, 3))
    return run_month(folder, out, "2024-06", MAY, date(2024, 7, 3)), out


def _spans(out, period: str) -> list[str]:
    """The notes under 'Biến động''s tables starting with the spans note's words."""
    ws = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")["Biến động"]
    return [r[0] for r in ws.iter_rows(values_only=True)
            if isinstance(r[0], str) and r[0].startswith(SPANS)]  # fmt: skip


def test_a_new_hamlet_beside_its_start_list_is_said_to_pair_its_moves(tmp_path):
    """Session 58 H's (b): Khuổi Hin silent in May (Nà Mòn and Đồng Kè listing Lộc and Tám as
    in April), listing them in June, compared with its start list, the others with May's
    lists: June's commune poor 4, 1 moved out, 1 in, 4, near-poor 3, 1, 1, 3 (H's figures).
    The spans note says each move counts on both sides. Before: "Hộ chuyển xóm trong khoảng
    đó có thể chỉ tính ở một bên (chuyển đi hoặc chuyển đến)", though both sides count."""
    summary, out = _june(tmp_path, APRIL)
    commune = ((4, 0, 0, 0, 1, 0, 0, 0, 1, 0, 4), (3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 3))
    assert table(summary["totals"]["movements_month"]) == commune
    assert _spans(out, "2024-06") == [
        f"{SPANS}: xóm Khuổi Hin từ danh sách đầu năm, các xóm còn lại từ tháng 5/2024. Hộ "
        "chuyển xóm được tính ở cả hai bên (chuyển đi và chuyển đến)."
    ]


def test_a_new_hamlet_beside_a_silent_one_is_named_as_the_one_whose_moves_pair(tmp_path):
    """Đồng Kè silent in May too (Nà Mòn listing April's four): June compares Khuổi Hin with
    its start list, Đồng Kè with its April list (Giang, Tám; Hải), Nà Mòn with May's. Worked by
    hand: Khuổi Hin's start leaves out Lộc (Nà Mòn's May list) and Tám (Đồng Kè's April list),
    each moved in; Nà Mòn near-poor 2, 1 out, 1; Đồng Kè poor 2, 1 out, 1; the commune poor 4,
    1, 1, 4, near-poor 3, 1, 1, 3. A move between Đồng Kè and Nà Mòn may count on one side
    (session 55's spans), one into or out of Khuổi Hin on both: the note names it."""
    summary, out = _june(tmp_path, {"Nà Mòn": [AN, BINH, CUONG, LOC]})
    commune = ((4, 0, 0, 0, 1, 0, 0, 0, 1, 0, 4), (3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 3))
    assert table(summary["totals"]["movements_month"]) == commune
    assert _spans(out, "2024-06") == [
        f"{SPANS}: xóm Khuổi Hin từ danh sách đầu năm, xóm Đồng Kè từ tháng 4/2024, các xóm còn "
        "lại từ tháng 5/2024. Hộ chuyển xóm trong khoảng đó có thể chỉ tính ở một bên (chuyển đi "
        "hoặc chuyển đến), trừ hộ chuyển đến hoặc chuyển đi khỏi xóm Khuổi Hin: tính ở cả hai bên."
    ]
