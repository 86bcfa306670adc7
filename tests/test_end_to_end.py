"""The CLI on a generated commune: JSON against the generator's ground truth, workbook against JSON."""

from __future__ import annotations

import json

import openpyxl
import pytest

from pipeline.sample import generate_sample
from tests.runner import run_cli


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    base = tmp_path_factory.mktemp("e2e")
    truth = generate_sample(base / "input", hamlets=5, seed=11)
    done = run_cli(
        "run", "--input", str(base / "input"), "--output", str(base / "output"), "--quiet"
    )
    return base, truth, done


def test_run_succeeds_with_a_summary_on_screen(generated):
    _, truth, done = generated
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert "Kỳ báo cáo 05/2024" in done.stdout
    assert "5/5 đã tổng hợp" in done.stdout


def test_json_matches_the_generators_ground_truth(generated):
    base, truth, _ = generated
    period = truth["periods"][-1]
    summary = json.loads((base / "output" / period / f"TongHop_{period}.json").read_text("utf-8"))
    assert summary["period"] == period and summary["complete"] is True
    assert [h["hamlet"] for h in summary["hamlets"]] == truth["hamlets"]
    for hamlet in summary["hamlets"]:
        expected = truth["by_period"][period][hamlet["hamlet"]]
        start = truth["start"][hamlet["hamlet"]]
        assert hamlet["status"] == "ok"
        for key in ("households", "poor", "near_poor", "movements", "deprivations"):
            assert hamlet[key] == expected[key], (hamlet["hamlet"], key)
        assert hamlet["start_poor"] == start["poor"]
        assert hamlet["poor_rate"] == pytest.approx(expected["poor"] / expected["households"] * 100)
    # Commune: sums over hamlets, rates from the sums
    rows = truth["by_period"][period].values()
    households = sum(r["households"] for r in rows)
    poor = sum(r["poor"] for r in rows)
    start_households = sum(s["households"] for s in truth["start"].values())
    start_poor = sum(s["poor"] for s in truth["start"].values())
    totals = summary["totals"]
    assert totals["poor"] == poor and totals["households"] == households
    assert totals["poor_rate"] == pytest.approx(poor / households * 100)
    reduction = start_poor / start_households * 100 - poor / households * 100
    assert totals["poor_rate_reduction"] == pytest.approx(reduction)
    assert totals["poor_target_met"] is (reduction >= 1.52)
    for name in ("poor", "near_poor"):
        moves = totals["movements"][name]
        other = "near_poor" if name == "poor" else "poor"
        assert (
            moves["start"]
            - moves[f"to_{other}"]
            - moves["exited"]
            + moves[f"from_{other}"]
            + moves["new"]
        ) == moves["end"]


def _row_numbers(sheet, label: str) -> list[float]:
    for row in sheet.iter_rows(values_only=True):
        if label in row:
            return [v for v in row if isinstance(v, (int, float)) and not isinstance(v, bool)]
    raise AssertionError(f"no row for {label!r} in {sheet.title}")


def test_workbook_shows_the_json_figures(generated):
    base, truth, _ = generated
    period = truth["periods"][-1]
    folder = base / "output" / period
    summary = json.loads((folder / f"TongHop_{period}.json").read_text("utf-8"))
    book = openpyxl.load_workbook(folder / f"TongHop_{period}.xlsx", data_only=True)
    for name in (
        "Tổng hợp",
        "Theo xóm",
        "Biến động",
        "Thiếu hụt",
        "DS hộ nghèo",
        "DS hộ cận nghèo",
        "Nộp báo cáo",
        "Lỗi dữ liệu",
    ):
        assert name in book.sheetnames
    by_hamlet = book["Theo xóm"]
    for hamlet in summary["hamlets"]:
        numbers = _row_numbers(by_hamlet, hamlet["hamlet"])
        for key in ("households", "poor", "near_poor", "start_poor"):
            assert hamlet[key] in numbers, (hamlet["hamlet"], key)
        assert any(v == pytest.approx(hamlet["poor_rate"]) for v in numbers)
    totals = summary["totals"]
    numbers = _row_numbers(by_hamlet, "Tổng cộng")
    for key in ("households", "poor", "near_poor"):
        assert totals[key] in numbers
    assert any(v == pytest.approx(totals["poor_rate"]) for v in numbers)
    # One list row per counted household
    poor_list = book["DS hộ nghèo"]
    codes = [
        c
        for row in poor_list.iter_rows(values_only=True)
        for c in row
        if isinstance(c, str) and c.startswith("TL.")
    ]
    assert len(codes) == totals["poor"]


def test_fatal_problems_exit_2_with_one_line(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    done = run_cli("run", "--input", str(empty), "--output", str(tmp_path / "out"), "--quiet")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "kế hoạch" in done.stderr
