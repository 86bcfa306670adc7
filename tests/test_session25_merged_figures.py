"""Session 25: a hamlet merged in the new plan whose old head still sends his own list — the
figures.

The 2025 plan folds Đồng Kè into Bản Cọ (one row: 350 households, 3 poor, 2 near-poor at the
start; start list BC1, BC2, DK1 poor, BC3, DK2 near-poor, all Bản Cọ's). In January Bản Cọ
sends its old list (200 households: BC1, BC2 poor, BC3 near-poor) and Đồng Kè's head his own
(DK1 poor, DK2 near-poor), refused (session 24, variant 'merged'). Bản Cọ used to count DK1
and DK2 as exited (poor 3 → 2, each with a "confirm Thoát"), its rate compared 200 households
with the plan's 350, and the run said complete. Now DK1 and DK2 are not counted (not exited),
Bản Cọ shows its partial figures in its own row but is left out of the commune's (current and
start), and the run says the commune is incomplete, why, and what to do.
"""

from __future__ import annotations

import json
from datetime import date
from types import SimpleNamespace

import openpyxl
import pytest

from pipeline import cli
from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person, start_list, write_roster

JANUARY = {"period": "2025-01", "prepared": date(2025, 2, 3)}
FEBRUARY = {"period": "2025-02", "prepared": date(2025, 3, 3)}
NA_MON = [person(f"NM{i}", "poor") for i in (1, 2, 3)] + [
    person(f"NM{i}", "near_poor") for i in (4, 5)
]


def merged_plan(tmp_path):
    """The input folder with the 2025 plan (Nà Mòn 100 households, 3 poor, 2 near-poor; Bản Cọ
    with Đồng Kè folded in: 350, 3, 2; targets 1 household each) and Nà Mòn's January list
    (NM1-NM3 poor, NM4, NM5 near-poor, as at the start)."""
    folder = tmp_path / "input"
    folder.mkdir()
    hamlets = [
        {"hamlet": "Nà Mòn", "start_households": 100, "start_poor": 3, "start_near_poor": 2,
         "poor_target": 1, "near_poor_target": 1},
        {"hamlet": "Bản Cọ", "start_households": 350, "start_poor": 3, "start_near_poor": 2,
         "poor_target": 1, "near_poor_target": 1},
    ]  # fmt: skip
    listed = [dict(r, hamlet="Bản Cọ") if r["hamlet"] == "Đồng Kè" else r for r in start_list()]
    write_plan_workbook(folder / "KeHoach_2025.xlsx", {**PLAN_INFO, "plan_year": 2025}, hamlets,
                        listed)  # fmt: skip
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100, NA_MON, **JANUARY)
    return folder


def _split_january(folder):
    """Bản Cọ's old list (200 households) and Đồng Kè's, sent apart."""
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")],
                 **JANUARY)  # fmt: skip
    write_roster(folder, "DongKe.xlsx", "Đồng Kè", 150,
                 [person("DK1", "poor"), person("DK2", "near_poor")], **JANUARY)  # fmt: skip


def split_january_run(tmp_path, lang="vi"):
    """January with the lists apart (:func:`_split_january`), run: (result, its output folder)."""
    folder = merged_plan(tmp_path)
    _split_january(folder)
    out = tmp_path / "output"
    result, _, _ = execute(folder, out, "2025-01", lang=lang)
    return result, out / "2025-01"


def combined(folder, name, period):
    """Bản Cọ's one list after the merger (350 households): BC1, DK1 poor, BC2 'Thoát', BC3,
    DK2 near-poor."""
    rows = [person("BC1", "poor"), person("BC2", "exited"), person("DK1", "poor"),
            person("BC3", "near_poor"), person("DK2", "near_poor")]  # fmt: skip
    write_roster(folder, name, "Bản Cọ", 350, rows, **period)


def _moves(figures: dict, scope: str = "movements") -> tuple:
    poor, near = figures[scope]["poor"], figures[scope]["near_poor"]
    keys = ("start", "exited", "not_counted", "new", "end")
    return tuple(poor[k] for k in keys), tuple(near[k] for k in keys)


def _texts(book, sheet: str) -> list[str]:
    return [str(c.value) for row in book[sheet].iter_rows() for c in row if c.value is not None]


def test_the_split_lists_leave_the_merged_hamlet_out_of_the_commune_and_say_why(tmp_path, capsys):
    """Bản Cọ: 200 households (its list's), 2 poor (1.00 %), 1 near-poor (0.50 %); start 350,
    3, 2. Poor: start 3 − 1 not counted (DK1) = 2, nothing exited; near-poor: 2 − 1 (DK2) = 1.
    Its reductions and targets would compare 200 households with 350 (and count DK1 as gone):
    none. The commune is Nà Mòn alone: 100 households, 3 poor (3.00 %), 2 near-poor (2.00 %),
    start the same, reduction 0; 1/2 hamlets, not complete."""
    folder = merged_plan(tmp_path)
    _split_january(folder)
    result, written, _ = execute(folder, tmp_path / "output", "2025-01")
    summary = result.summary
    ban_co = next(h for h in summary["hamlets"] if h["hamlet"] == "Bản Cọ")
    assert ban_co["status"] == "rejected"
    assert ban_co["incomplete"] == {
        "reason": "merged-list-apart",
        "file": "DongKe.xlsx",
        "hamlet_written": "Đồng Kè",
        "households_apart": 2,
        "households_listed_apart": 2,
    }
    assert (ban_co["households"], ban_co["poor"], ban_co["near_poor"]) == (200, 2, 1)
    assert (ban_co["poor_rate"], ban_co["near_poor_rate"]) == (1.0, 0.5)
    assert (ban_co["start_households"], ban_co["start_poor"], ban_co["start_near_poor"]) == (
        350, 3, 2,
    )  # fmt: skip
    assert ban_co["poor_rate_reduction"] is None and ban_co["near_poor_rate_reduction"] is None
    assert ban_co["poor_target_met"] is None and ban_co["poor_progress"] is None
    assert ban_co["poor_still_to_exit"] is None
    assert _moves(ban_co) == ((3, 0, 1, 0, 2), (2, 0, 1, 0, 1))
    year = result.movement_details
    assert sorted(zip(year["ma_ho"], year["movement"], strict=True)) == [
        ("DK1", "not_counted"), ("DK2", "not_counted"),
    ]  # fmt: skip
    # no "confirm Thoát" to Bản Cọ's head for Đồng Kè's households
    assert not [i for i in result.issues if i.code == "vanished-household"]
    totals = summary["totals"]
    assert (totals["households"], totals["poor"], totals["near_poor"]) == (100, 3, 2)
    assert (totals["start_households"], totals["start_poor"], totals["start_near_poor"]) == (
        100, 3, 2,
    )  # fmt: skip
    assert (totals["poor_rate"], totals["near_poor_rate"]) == (3.0, 2.0)
    assert (totals["poor_rate_reduction"], totals["near_poor_rate_reduction"]) == (0.0, 0.0)
    assert _moves(totals) == ((3, 0, 0, 0, 3), (2, 0, 0, 0, 2))
    assert summary["complete"] is False
    assert (summary["reporting"]["accepted"], summary["reporting"]["expected"]) == (1, 2)
    assert summary["trend"]["hamlets"]["Bản Cọ"] == [
        {"period": "2025-01", "poor_rate": None, "near_poor_rate": None}
    ]
    stored = json.loads((tmp_path / "output/2025-01/TongHop_2025-01.json").read_text("utf-8"))
    assert stored["complete"] is False
    assert [(h["hamlet"], h["status"]) for h in stored["hamlets"]] == [
        ("Nà Mòn", "ok"), ("Bản Cọ", "rejected"),
    ]  # fmt: skip
    assert stored["hamlets"][1]["incomplete"]["file"] == "DongKe.xlsx"
    # Bản Cọ's head is told, at its own counted list
    [told] = [i for i in result.issues if i.code == "merged-list-apart"]
    assert (told.file, told.hamlet, told.severity) == ("BanCo.xlsx", "Bản Cọ", "warning")
    said = told.message("vi")
    assert said.startswith("Số liệu của xóm Bản Cọ chưa đủ: 2 hộ của danh sách xóm 'Đồng Kè' gửi")
    assert "(tệp DongKe.xlsx, bị từ chối vì xóm 'Đồng Kè' không có trong kế hoạch)" in said
    assert "chưa được tính (không phải đã thoát), nên xóm Bản Cọ chưa được tính vào số" in said
    assert "một danh sách cho cả xóm, với tổng số hộ dân cư của cả xóm sau sáp nhập" in said
    assert "the 2 households on the list of hamlet 'Đồng Kè', sent apart" in told.message("en")
    refused = next(i for i in result.issues if i.code == "unknown-hamlet").message("vi")
    assert "các hộ đó chưa được tính (không phải đã thoát) và xóm Bản Cọ chưa được tính" in refused
    # the workbook says so on 'Tổng hợp', 'Theo xóm' and 'Nộp báo cáo'
    book = openpyxl.load_workbook(tmp_path / "output/2025-01/TongHop_2025-01.xlsx")
    [headline] = [s for s in _texts(book, "Tổng hợp") if s.startswith("Số liệu tổng hợp")]
    assert headline.startswith(
        "Số liệu tổng hợp 1/2 xóm; chưa có: Bản Cọ (số liệu thiếu các hộ của danh sách 'Đồng Kè'"
        " gửi riêng, bị từ chối; cần một danh sách cho cả xóm, với tổng số hộ dân cư của cả xóm)."
    )
    assert "Chưa đủ hộ, không tính vào toàn xã" in _texts(book, "Theo xóm")
    row = next(r for r in book["Nộp báo cáo"].iter_rows(values_only=True) if "Bản Cọ" in r)
    assert row[2].startswith(
        "Hợp lệ nhưng chưa đủ hộ: 2 hộ của danh sách xóm 'Đồng Kè' gửi riêng (tệp DongKe.xlsx,"
        " bị từ chối) chưa được tính, nên xóm chưa được tính vào số liệu toàn xã."
    )
    assert row[3] == "BanCo.xlsx"
    # 'Biến động': Bản Cọ's row (poor 3, 1 not counted, 2 now) outside the total; DK1 said to be
    # on the list sent apart, not in a row with an error
    moves = [r for r in book["Biến động"].iter_rows(values_only=True) if r[1] == "Bản Cọ"]
    assert moves[0][2:6] + moves[0][13:14] == ("Chưa đủ hộ", 3, 0, 0, 2)
    assert moves[0][6] == 1
    total = next(r for r in book["Biến động"].iter_rows(values_only=True) if r[0] == "Tổng cộng")
    assert total[3] == "=SUM(D11)"  # Nà Mòn's row alone
    [dk1] = [r for r in moves if r[2] == "DK1"]
    assert dk1[5:8] == (
        "Chưa tính (danh sách gửi riêng)",
        "Hộ nghèo",
        "Trong danh sách gửi riêng, chưa tính",
    )
    # its reason said once under the list (session 48), not in the row
    assert (
        "Chưa tính (danh sách gửi riêng): hộ có trong danh sách gửi riêng của xóm đã sáp nhập, bị"
        " từ chối, nên chưa tính; xem trang 'Nộp báo cáo'."
    ) in _texts(book, "Biến động")
    # the posted list does not post Bản Cọ's half list
    posted = openpyxl.load_workbook(tmp_path / "output/2025-01/NiemYet_2025-01.xlsx")
    assert (
        "Danh sách tháng 1/2025 của xóm chưa đủ hộ (thiếu các hộ ghi ở danh sách gửi riêng), nên"
        " chưa có danh sách để niêm yết; sẽ niêm yết khi xóm gửi danh sách hợp lệ."
    ) in _texts(posted, "Bản Cọ")
    # and the screen
    cli._print_summary(result, written, SimpleNamespace(stages={}), 1.0, "vi")
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == "Xóm: 1/2 đã tổng hợp, 0 chưa nộp, 1 bị từ chối — SỐ LIỆU CHƯA ĐỦ CÁC XÓM"
    assert lines[2] == (
        "  Xóm Bản Cọ: số liệu thiếu 2 hộ của danh sách xóm 'Đồng Kè' gửi riêng (DongKe.xlsx, bị"
        " từ chối), nên chưa tính vào số liệu toàn xã — cần một danh sách cho cả xóm, với tổng"
        " số hộ dân cư của cả xóm"
    )
    # two lines a rate (session 58, D2)
    assert lines[3].startswith("Tỷ lệ hộ nghèo: 3,00 % — ")
    assert lines[4].startswith("    đầu năm 3,00 %, ")
    cli._print_summary(result, written, SimpleNamespace(stages={}), 1.0, "en")
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:3] == [
        "Hamlets: 1/2 consolidated, 0 not received, 1 rejected — INCOMPLETE",
        "  Bản Cọ: its figures lack the 2 households on the list of hamlet 'Đồng Kè', sent apart"
        " (DongKe.xlsx, refused), so it is left out of the commune's figures — one list is"
        " needed for the whole hamlet, with its total resident households",
    ]


def test_the_next_month_with_one_list_counts_the_merged_hamlet_from_its_start_list(tmp_path):
    """February: Bản Cọ's one list (350 households: BC1, DK1 poor, BC2 'Thoát', BC3, DK2
    near-poor). January held no Bản Cọ for the commune, so February's month table compares Bản
    Cọ with the plan's start list: BC2 exited, DK1 and DK2 neither new nor returned. Bản Cọ:
    2 poor (2/350 = 0.5714 %), 2 near-poor; start 3/350 = 0.8571 %: reduction 1/350 × 100 =
    0.2857 points; poor target 1 household met (3 − 2 = 1). Commune: 450
    households, 5 poor (1.1111 %), 4 near-poor (0.8889 %); start 450, 6 (1.3333 %), 4:
    reductions 0.2222 and 0 points; complete. Running January again with the one list
    replaces it: complete, Bản Cọ counted, nothing exited or left out."""
    folder = merged_plan(tmp_path)
    _split_january(folder)
    out = tmp_path / "output"
    execute(folder, out, "2025-01")
    write_roster(folder, "NaMon_02.xlsx", "Nà Mòn", 100, NA_MON, **FEBRUARY)
    combined(folder, "BanCo_02.xlsx", FEBRUARY)
    result, _, _ = execute(folder, out, "2025-02")
    summary = result.summary
    assert summary["complete"] is True
    ban_co = next(h for h in summary["hamlets"] if h["hamlet"] == "Bản Cọ")
    assert (ban_co["status"], "incomplete" in ban_co) == ("ok", False)
    assert (ban_co["households"], ban_co["poor"], ban_co["near_poor"]) == (350, 2, 2)
    assert ban_co["poor_rate"] == pytest.approx(100 * 2 / 350)
    assert ban_co["poor_rate_reduction"] == pytest.approx(100 / 350)
    assert ban_co["near_poor_rate_reduction"] == pytest.approx(0.0)
    assert (ban_co["poor_target_met"], ban_co["near_poor_target_met"]) == (True, False)
    assert _moves(ban_co) == ((3, 1, 0, 0, 2), (2, 0, 0, 0, 2))
    assert ban_co["movements_month_from"] == "plan"
    assert _moves(ban_co, "movements_month") == ((3, 1, 0, 0, 2), (2, 0, 0, 0, 2))
    details = result.movement_details
    assert sorted(zip(details["scope"], details["ma_ho"], details["movement"], strict=True)) == [
        ("month", "BC2", "exited"), ("year", "BC2", "exited"),
    ]  # fmt: skip
    totals = summary["totals"]
    assert (totals["households"], totals["poor"], totals["near_poor"]) == (450, 5, 4)
    assert (totals["start_households"], totals["start_poor"], totals["start_near_poor"]) == (
        450, 6, 4,
    )  # fmt: skip
    assert totals["poor_rate"] == pytest.approx(100 * 5 / 450)
    assert totals["poor_rate_reduction"] == pytest.approx(100 / 450)
    assert _moves(totals) == ((6, 1, 0, 0, 5), (4, 0, 0, 0, 4))
    assert _moves(totals, "movements_month") == ((6, 1, 0, 0, 5), (4, 0, 0, 0, 4))
    # the trend's January: Nà Mòn's 3/100 only, said incomplete; Bản Cọ has no January rate
    jan, feb = summary["trend"]["commune"]
    assert (jan["complete"], jan["households"], jan["poor"]) == (False, 100, 3)
    assert (feb["complete"], feb["households"], feb["poor"]) == (True, 450, 5)
    assert [m["poor_rate"] for m in summary["trend"]["hamlets"]["Bản Cọ"]] == [
        None, pytest.approx(100 * 2 / 350),
    ]  # fmt: skip
    # January again, with the one list (the head's two lists put together)
    (folder / "DongKe.xlsx").unlink()
    (folder / "BanCo.xlsx").unlink()
    combined(folder, "BanCo.xlsx", JANUARY)
    result, _, _ = execute(folder, out, "2025-01")
    summary = result.summary
    assert summary["complete"] is True
    ban_co = next(h for h in summary["hamlets"] if h["hamlet"] == "Bản Cọ")
    assert (ban_co["status"], ban_co["households"], ban_co["poor"]) == ("ok", 350, 2)
    assert _moves(ban_co) == ((3, 1, 0, 0, 2), (2, 0, 0, 0, 2))
    assert (summary["totals"]["households"], summary["totals"]["poor"]) == (450, 5)
    assert not [i for i in result.issues if i.code == "merged-list-apart"]


def test_a_copy_of_the_hamlets_own_list_or_a_hamlet_that_sent_none_is_as_before(tmp_path):
    """A list under 'Đồng Kè' that copies Bản Cọ's own codes keeps the plain refusal: Bản Cọ is
    counted (start 3 poor; BC1, BC2 listed, DK1 missing: exited, and asked to confirm) and the
    commune is complete. A 'Đồng Kè' list when Bản Cọ sent none (variant 'codes') is Bản Cọ's
    refused file: rejected, with nothing said to be incomplete."""
    folder = merged_plan(tmp_path)
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 350,
                 [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor"),
                  person("DK2", "near_poor")], **JANUARY)  # fmt: skip
    write_roster(folder, "DongKe.xlsx", "Đồng Kè", 350,
                 [person("BC1", "poor"), person("BC2", "poor")], **JANUARY)  # fmt: skip
    result, _, _ = execute(folder, tmp_path / "output", "2025-01")
    [refused] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert refused.variant == ""
    assert result.summary["complete"] is True
    ban_co = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Bản Cọ")
    assert (ban_co["status"], "incomplete" in ban_co) == ("ok", False)
    assert _moves(ban_co) == ((3, 1, 0, 0, 2), (2, 0, 0, 0, 2))
    assert [i.value for i in result.issues if i.code == "vanished-household"] == [
        "DK1 (Hoàng Văn DK1)"
    ]
    assert not [i for i in result.issues if i.code == "merged-list-apart"]

    (folder / "BanCo.xlsx").unlink()
    (folder / "DongKe.xlsx").unlink()
    write_roster(folder, "DongKe.xlsx", "Đồng Kè", 150,
                 [person("DK1", "poor"), person("DK2", "near_poor")], **JANUARY)  # fmt: skip
    result, _, _ = execute(folder, tmp_path / "output", "2025-01", replace=True)
    [refused] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert (refused.variant, refused.hamlet) == ("codes", "Bản Cọ")
    ban_co = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Bản Cọ")
    assert (ban_co["status"], ban_co["households"], "incomplete" in ban_co) == (
        "rejected", None, False,
    )  # fmt: skip
    assert result.summary["complete"] is False
    assert not [i for i in result.issues if i.code == "merged-list-apart"]
