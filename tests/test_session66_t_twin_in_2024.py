"""Session 66 (T): the `--turn` oracle's twin (:func:`_moved_and_merged`) named in 2024's
months. Seed 2988: Đồng Kè's start list has H2S5 poor; November's list leaves it off and
lists N2 near-poor, new; December lists both. The turn's draw gave both heads one name and
birth year ('Nông Thị Lan', 1964; the CCCDs differ), which the run pairs as one household
re-coded (sessions 27 and 43: by the head's name and birth year, the CCCD not read): the
oracle had H2S5 exited and N2 new. The pipeline keeps the rule; the oracle no longer draws
that twin where 2024's lists show the one new beside the other gone."""

from __future__ import annotations

import json
import unicodedata

from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person, plan_hamlets, start_list, write_roster
from tests.test_session38_oracle import TWINS, scenario, twins_steady, year_turn

LAN = {"chu_ho": "Nông Thị Lan", "nam_sinh": 1964}
# N2's row (B6): one household, and the way out if they are two (a 'Thoát' row for DK1)
RECODED_VI = (
    "Mã hộ 'N2' khác mã 'DK1' của cùng hộ này (cùng họ tên chủ hộ và năm sinh) trong danh sách "
    "đầu năm. Hộ được tính là một hộ: không tính là thoát hay phát sinh mới. Nếu ghi nhầm mã, "
    "hãy sửa lại cho đúng mã trong sổ của xã; nếu xã đã đổi mã cho hộ thì không cần sửa; nếu "
    "đây là hai hộ khác nhau, hãy ghi lại dòng của hộ mã 'DK1' với Phân loại hộ 'Thoát'."
)


def test_one_name_and_year_left_off_and_new_in_a_hamlet_is_one_household_recoded(tmp_path):
    """The reduced case. The small commune's start list, Đồng Kè's DK1 (poor) headed by Nông
    Thị Lan, 1964; DK2 near-poor. May's Đồng Kè list: DK2 near-poor and N2 near-poor headed by
    'Nông Thị Lan' (written decomposed, NFD), 1964, its CCCD another. By hand (CONTRACT §4,
    sessions 27/43): DK1 is N2, re-coded: Đồng Kè poor 1 -> to near-poor 1, exited 0, end 0;
    near-poor 1, from poor 1, new 0, end 2; N2's row told 'code-changed'. The oracle of seed
    2988 had exited 1 and new 1 (poor to near-poor 0 in this case): the draw, not the run."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    rows = [dict(r, **LAN) if r["ma_ho"] == "DK1" else r for r in start_list()]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, plan_hamlets(), rows)
    nfd = dict(LAN, chu_ho=unicodedata.normalize("NFD", LAN["chu_ho"]))
    n2 = person("N2", "near_poor", **nfd)
    assert n2["so_dinh_danh"] != person("DK1", "poor", **LAN)["so_dinh_danh"]
    write_roster(folder, "DongKe.xlsx", "Đồng Kè", 150, [person("DK2", "near_poor"), n2])
    result, _, _ = execute(folder, out, "2024-05")
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    dk = next(h for h in summary["hamlets"] if h["hamlet"] == "Đồng Kè")
    moves = dk["movements"]
    assert moves["poor"] == {
        "start": 1, "to_near_poor": 1, "exited": 0, "not_counted": 0, "moved_out": 0,
        "from_near_poor": 0, "new": 0, "returned": 0, "moved_in": 0, "recounted": 0, "end": 0,
    }  # fmt: skip
    assert moves["near_poor"] == {
        "start": 1, "to_poor": 0, "exited": 0, "not_counted": 0, "moved_out": 0,
        "from_poor": 1, "new": 0, "returned": 0, "moved_in": 0, "recounted": 0, "end": 2,
    }  # fmt: skip
    assert [(i.cell, i.value, i.message()) for i in result.issues if i.code == "code-changed"] == [
        ("B6", "N2", RECODED_VI)
    ]


def test_seed_2988_draws_the_twin_new_at_the_review_not_n2():
    """Seed 2988's turn: N2 (new in November) and H2S5 (off November's list) are not
    `twins_steady`; the twin of H2S5 (moved at the turn) is now one new at the review, not N2. The
    2024 names of TWINS: H2S5's alone (before: H2S5's and N2's)."""
    sc = scenario(2988)
    year_turn(2988, sc)
    assert not twins_steady(sc, "H2S5", "N2")
    assert twins_steady(sc, "H2S0", "N2")
    twins = {c: v for c, v in sc["names"].items() if (v["chu_ho"], v["nam_sinh"]) in TWINS}
    assert twins == {
        "H2S5": {"chu_ho": "Nông Thị Lan", "nam_sinh": 1964, "so_dinh_danh": "006136361234"}
    }
