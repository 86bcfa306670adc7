"""The sample commune: deterministic, internally consistent, and clean per the contract."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from pipeline import sample
from pipeline.sample import generate_sample, hamlet_names, sample_periods
from schemas.columns import (
    CAUSES,
    ETHNIC_GROUPS,
    GENDERS,
    INDICATOR_KEYS,
    NEEDS,
    PLAN_START_LIST_SHEET,
    PLAN_TARGETS_SHEET,
    ROSTER_COLUMNS,
    ROSTER_INFO_SHEET,
    ROSTER_LIST_SHEET,
    START_LIST_COLUMNS,
    TARGET_GROUPS,
)

LINE = 1_500_000  # rural income line of the 2022–2025 standard


@pytest.fixture(scope="module")
def commune(tmp_path_factory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("sample")
    return folder, generate_sample(folder)


def read_table(path: Path, sheet: str, columns, header_row: int) -> list[dict]:
    """Rows under the header as dicts keyed by the schema keys, stopping at the first blank row."""
    ws = openpyxl.load_workbook(path, read_only=True)[sheet]
    keys = [c.key for c in columns]
    rows = []
    for values in ws.iter_rows(min_row=header_row + 1, values_only=True):
        if not any(values):
            break
        rows.append(dict(zip(keys, values, strict=False)))
    return rows


def read_roster(path: Path) -> tuple[dict, list[dict]]:
    wb = openpyxl.load_workbook(path, read_only=True)
    info = {row[0]: row[1] for row in wb[ROSTER_INFO_SHEET].iter_rows(values_only=True)}
    return info, read_table(path, ROSTER_LIST_SHEET, ROSTER_COLUMNS, 4)


def test_files_and_ground_truth_shape(commune):
    folder, truth = commune
    assert truth["commune"] == "Trung Lương"
    assert truth["plan_year"] == 2024
    assert truth["periods"] == ["2024-04", "2024-05"]
    assert truth["plan_file"] == "KeHoach_2024.xlsx"
    assert truth["hamlets"][:3] == ["Nà Mòn", "Khau Lang", "Bản Cọ"]
    assert len(truth["hamlets"]) == 12
    expected = {"KeHoach_2024.xlsx"} | {
        truth["by_period"][p][h]["file"] for p in truth["periods"] for h in truth["hamlets"]
    }
    assert {p.name for p in folder.iterdir()} == expected
    assert truth["by_period"]["2024-05"]["Nà Mòn"]["file"] == "DS_NaMon_2024-05.xlsx"


def test_same_seed_same_bytes_other_seed_other_commune(commune, tmp_path):
    folder, truth = commune
    again = generate_sample(tmp_path / "again")
    assert again == truth
    for path in folder.iterdir():
        assert (tmp_path / "again" / path.name).read_bytes() == path.read_bytes(), path.name
    other = generate_sample(tmp_path / "other", seed=7)
    assert other["start"] != truth["start"]


def test_parallel_writing_gives_the_same_files(tmp_path, monkeypatch):
    serial = generate_sample(tmp_path / "serial", hamlets=3, months=2, seed=11)
    monkeypatch.setattr(sample, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(sample, "ROSTERS_PER_TASK", 2)
    monkeypatch.setattr(sample.os, "cpu_count", lambda: 3)
    parallel = generate_sample(tmp_path / "parallel", hamlets=3, months=2, seed=11)
    assert parallel == serial
    for path in (tmp_path / "serial").iterdir():
        assert (tmp_path / "parallel" / path.name).read_bytes() == path.read_bytes()


def test_movement_identities_hold(commune):
    _, truth = commune
    for period in truth["periods"]:
        for hamlet in truth["hamlets"]:
            figures = truth["by_period"][period][hamlet]
            poor, near = figures["movements"]["poor"], figures["movements"]["near_poor"]
            start = truth["start"][hamlet]
            assert poor["start"] == start["poor"] and near["start"] == start["near_poor"]
            assert (
                poor["start"] - poor["to_near_poor"] - poor["exited"]
                + poor["from_near_poor"] + poor["new"] == poor["end"] == figures["poor"]
            )  # fmt: skip
            assert (
                near["start"] - near["to_poor"] - near["exited"]
                + near["from_poor"] + near["new"] == near["end"] == figures["near_poor"]
            )  # fmt: skip
            # one household's move shows on both lists
            assert poor["to_near_poor"] == near["from_poor"]
            assert poor["from_near_poor"] == near["to_poor"]
            assert poor["returned"] == near["returned"] == 0
            assert figures["households"] >= start["households"]


def test_every_movement_kind_occurs_and_every_hamlet_moves(commune):
    _, truth = commune
    last = truth["by_period"][truth["periods"][-1]]
    totals = Counter()
    for hamlet in truth["hamlets"]:
        moves = last[hamlet]["movements"]
        kinds = {f"poor.{k}": v for k, v in moves["poor"].items()}
        kinds |= {f"near_poor.{k}": v for k, v in moves["near_poor"].items()}
        totals.update(kinds)
        moved = sum(v for k, v in kinds.items() if not k.endswith(("start", "end", "returned")))
        assert moved > 0, hamlet
    for kind in ("to_near_poor", "exited", "from_near_poor", "new"):
        assert totals[f"poor.{kind}"] > 0, kind
    for kind in ("to_poor", "exited", "from_poor", "new"):
        assert totals[f"near_poor.{kind}"] > 0, kind


def test_plan_counts_equal_the_start_list(commune):
    folder, truth = commune
    plan = folder / truth["plan_file"]
    ws = openpyxl.load_workbook(plan, read_only=True)[PLAN_TARGETS_SHEET]
    rows = [r for r in ws.iter_rows(min_row=4, values_only=True) if r[0] and r[0] != "Tổng cộng"]
    assert [r[0] for r in rows] == truth["hamlets"]
    start_list = read_table(plan, PLAN_START_LIST_SHEET, START_LIST_COLUMNS, 3)
    counted = Counter((r["hamlet"], r["phan_loai"]) for r in start_list)
    for name, households, poor, near, poor_target, near_target in rows:
        start = truth["start"][name]
        assert (households, poor, near) == (start["households"], start["poor"], start["near_poor"])
        assert counted[(name, "Hộ nghèo")] == poor
        assert counted[(name, "Hộ cận nghèo")] == near
        assert poor_target == max(1, round(households * 1.6 / 100))
        assert near_target == max(1, round(households * 1.1 / 100))
    codes = [r["ma_ho"] for r in start_list]
    assert len(codes) == len(set(codes))


def test_a_roster_read_back_matches_the_ground_truth(commune):
    folder, truth = commune
    period, hamlet = "2024-05", "Khau Lang"
    figures = truth["by_period"][period][hamlet]
    info, rows = read_roster(folder / figures["file"])
    assert info["Xóm"] == hamlet and info["Kỳ báo cáo"] == "05/2024"
    assert info["Tổng số hộ dân cư"] == figures["households"]
    poor = [r for r in rows if r["phan_loai"] == "Hộ nghèo"]
    near = [r for r in rows if r["phan_loai"] == "Hộ cận nghèo"]
    exited = [r for r in rows if r["phan_loai"] == "Thoát"]
    assert len(poor) == figures["poor"]
    assert len(near) == figures["near_poor"]
    moves = figures["movements"]
    assert len(exited) == moves["poor"]["exited"] + moves["near_poor"]["exited"]
    for key in INDICATOR_KEYS:
        assert sum(r[key] == "x" for r in poor) == figures["deprivations"]["poor"][key]
        assert sum(r[key] == "x" for r in near) == figures["deprivations"]["near_poor"][key]


def test_exited_households_stay_on_later_rosters(commune):
    folder, truth = commune
    first, last = truth["periods"]
    checked = 0
    for hamlet in truth["hamlets"]:
        _, before = read_roster(folder / truth["by_period"][first][hamlet]["file"])
        _, after = read_roster(folder / truth["by_period"][last][hamlet]["file"])
        status_after = {r["ma_ho"]: r["phan_loai"] for r in after}
        for row in before:
            if row["phan_loai"] == "Thoát":
                assert status_after[row["ma_ho"]] == "Thoát"
                checked += 1
    # not a loop over nothing: April's exited households, as many as its movements say (session 49)
    moves = [truth["by_period"][first][h]["movements"] for h in truth["hamlets"]]
    assert checked == sum(m["poor"]["exited"] + m["near_poor"]["exited"] for m in moves) > 0


def test_rows_are_clean_per_the_contract(commune):
    folder, truth = commune
    for period in truth["periods"]:
        codes = []
        for hamlet in truth["hamlets"]:
            info, rows = read_roster(folder / truth["by_period"][period][hamlet]["file"])
            listed = sum(r["phan_loai"] in ("Hộ nghèo", "Hộ cận nghèo") for r in rows)
            assert info["Tổng số hộ dân cư"] >= listed
            assert info["Ngày lập"].month == int(period[5:]) + 1 and info["Ngày lập"].day <= 5
            assert [r["stt"] for r in rows] == list(range(1, len(rows) + 1))
            for r in rows:
                codes.append(r["ma_ho"])
                assert re.fullmatch(r"TL\.\d{2}\.\d{3}", r["ma_ho"])
                assert re.fullmatch(r"019\d{9}", r["so_dinh_danh"])
                assert 1940 <= r["nam_sinh"] <= 1995
                assert r["gioi_tinh"] in GENDERS
                assert r["dan_toc"] in ETHNIC_GROUPS
                assert 1 <= r["nhan_khau"] <= 9
                assert r["thu_nhap"] % 10_000 == 0
                deprived = sum(r[k] == "x" for k in INDICATOR_KEYS)
                assert all(r[k] in ("x", None) for k in INDICATOR_KEYS)
                if r["phan_loai"] == "Hộ nghèo":
                    assert r["thu_nhap"] <= LINE and deprived >= 3
                elif r["phan_loai"] == "Hộ cận nghèo":
                    assert r["thu_nhap"] <= LINE and deprived < 3
                else:
                    assert r["phan_loai"] == "Thoát" and r["thu_nhap"] > LINE
                assert set(r["nguyen_nhan"].split("; ")) <= set(CAUSES)
                assert set(r["nhu_cau"].split("; ")) <= set(NEEDS)
                assert r["doi_tuong"] in (None, *TARGET_GROUPS)
        assert len(codes) == len(set(codes)), period


def test_households_option_fixes_the_start_list_size(tmp_path):
    truth = generate_sample(tmp_path, hamlets=3, households=10, months=1)
    assert truth["periods"] == ["2024-05"]
    for hamlet in truth["hamlets"]:
        start = truth["start"][hamlet]
        assert start["poor"] + start["near_poor"] == 10
        assert start["poor"] >= 1 and start["near_poor"] >= 1
        assert 50 <= start["households"] <= 60  # ≈ 10 / 0.18


def test_periods():
    assert sample_periods(1) == ["2024-05"]
    assert sample_periods(5) == ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05"]
    assert sample_periods(7)[0] == "2024-01" and sample_periods(7)[-1] == "2024-07"
    with pytest.raises(ValueError, match="^months must be between 1 and 12$"):
        sample_periods(13)


def test_hamlet_names_are_unique_when_folded():
    names = hamlet_names(2000)
    assert len(names) == 2000
    folded = {sample.ascii_slug(n).lower() for n in names}
    assert len(folded) == 2000
    assert all(re.fullmatch(r"[A-Za-z0-9]+", sample.ascii_slug(n)) for n in names)
    assert sample.ascii_slug("Đồng Kè") == "DongKe"


def test_a_file_name_keeps_every_word_of_a_dashed_or_quoted_name():
    """A plan may name a hamlet 'Bản Cọ-Nà Pài' or "Ea T'Ling" (the mess fuzzer renames the
    sample's hamlets so): the sample's file names kept only the words standing alone, 'BanPai'
    and 'Ea', which could name two hamlets alike."""
    assert sample.ascii_slug("Bản Cọ-Nà Pài") == "BanCoNaPai"
    assert sample.ascii_slug("Xóm Đồng Mỏ – Làng Mới") == "XomDongMoLangMoi"
    assert sample.ascii_slug("Ea T'Ling") == "EaTLing"
    assert sample.ascii_slug("Tổ dân phố số 12") == "ToDanPhoSo12"
