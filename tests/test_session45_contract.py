"""Session 45: contract audit (CONTRACT.md, docs/decisions.md). Each clause found to disagree is
pinned by a small fixture worked out by hand.

The small commune (tests.commune): Nà Mòn 102 households, Bản Cọ 200; Đồng Kè sends nothing.
"""

from __future__ import annotations

import json

import openpyxl

from pipeline.run import execute
from schemas.columns import CAUSES, TARGET_GROUPS
from tests.commune import collect_stop, person, write_plan, write_roster

# --- 1. 'Nguyên nhân''s cause and target-group counts are in the JSON (§5: "the same figures") -


def _causes_commune(folder):
    """Bản Cọ: BC1 poor, 'Thiếu vốn; Thiếu đất sản xuất', NCC; BC2 poor, 'Không có đất sản xuất'
    (another wording of 'Thiếu đất sản xuất'), 'BTXH, NCC'; BC3 near-poor, 'Thiếu vốn', KKNLĐ;
    BC4 'Thoát', 'Thiếu vốn', NCC (on neither list: counted nowhere). Nà Mòn: NM1 poor,
    'Thiếu vốn' (person's default), no group."""
    write_plan(folder)
    write_roster(
        folder,
        "BanCo.xlsx",
        "Bản Cọ",
        200,
        [
            person("BC1", "poor", nguyen_nhan="Thiếu vốn; Thiếu đất sản xuất", doi_tuong="NCC"),
            person("BC2", "poor", nguyen_nhan="Không có đất sản xuất", doi_tuong="BTXH, NCC"),
            person("BC3", "near_poor", nguyen_nhan="Thiếu vốn", doi_tuong="KKNLĐ"),
            person("BC4", "exited", nguyen_nhan="Thiếu vốn", doi_tuong="NCC"),
        ],
    )
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])


def _zero(keys) -> dict:
    return {key: {"poor": 0, "near_poor": 0} for key in keys}


def test_the_causes_and_target_groups_the_workbook_shows_are_in_the_json(tmp_path):
    """Before, 'Nguyên nhân' showed each hamlet's households per cause of poverty and per target
    group (NCC among them), but the JSON carried none of them (its subgroups hold BTXH and
    KKNLĐ only): figures of the workbook the JSON did not have. Now each accepted hamlet and
    the totals carry `causes` and `target_groups`, split by list as `subgroups` are, and the
    sheet's cells are their sums over the two lists. By hand: Bản Cọ 'Thiếu vốn' poor 1 (BC1),
    near-poor 1 (BC3); 'Thiếu đất sản xuất' poor 2 (BC1, BC2); NCC poor 2; BTXH poor 1; KKNLĐ
    near-poor 1; Nà Mòn 'Thiếu vốn' poor 1; the commune the sums; Đồng Kè (missing) null."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    _causes_commune(folder)
    execute(folder, out)
    ban_co = _zero(CAUSES)
    ban_co["Thiếu vốn"] = {"poor": 1, "near_poor": 1}
    ban_co["Thiếu đất sản xuất"] = {"poor": 2, "near_poor": 0}
    ban_co_groups = _zero(TARGET_GROUPS)
    ban_co_groups["NCC"] = {"poor": 2, "near_poor": 0}
    ban_co_groups["BTXH"] = {"poor": 1, "near_poor": 0}
    ban_co_groups["KKNLĐ"] = {"poor": 0, "near_poor": 1}
    na_mon = _zero(CAUSES)
    na_mon["Thiếu vốn"] = {"poor": 1, "near_poor": 0}
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    hamlets = {h["hamlet"]: h for h in summary["hamlets"]}
    assert hamlets["Bản Cọ"]["causes"] == ban_co
    assert hamlets["Bản Cọ"]["target_groups"] == ban_co_groups
    assert hamlets["Nà Mòn"]["causes"] == na_mon
    assert hamlets["Nà Mòn"]["target_groups"] == _zero(TARGET_GROUPS)
    assert hamlets["Đồng Kè"]["causes"] is None and hamlets["Đồng Kè"]["target_groups"] is None
    commune = dict(ban_co, **{"Thiếu vốn": {"poor": 2, "near_poor": 1}})
    assert summary["totals"]["causes"] == commune
    assert summary["totals"]["target_groups"] == ban_co_groups

    # The sheet shows the sums over both lists: Bản Cọ 3 households, 'Thiếu đất sản xuất' 2,
    # 'Thiếu vốn' 2, NCC 2, BTXH 1, KKNLĐ 1; the total row 'Thiếu vốn' 3.
    ws = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Nguyên nhân"]
    rows: dict = {}  # each hamlet's row of the first table (the subgroups' table is under it)
    for r in range(1, ws.max_row + 1):
        rows.setdefault(ws.cell(r, 2).value, r)
    head = next(r for r in range(1, 20) if ws.cell(r, 3).value == "Số hộ nghèo và cận nghèo")
    labels = {ws.cell(head + 1, c).value: c for c in range(1, ws.max_column + 1)}
    land, capital = labels["Thiếu đất sản xuất"], labels["Thiếu vốn"]
    row = rows["Bản Cọ"]
    assert [ws.cell(row, c).value for c in (3, land, capital)] == [3, 2, 2]
    groups = [c for c in range(1, ws.max_column + 1) if "(NCC)" in str(ws.cell(head + 1, c).value)]
    assert ws.cell(row, groups[0]).value == 2
    total = next(r for r in range(row, ws.max_row + 1) if ws.cell(r, 1).value == "Tổng cộng")
    assert ws.cell(total, capital).value.startswith("=SUM(")


# --- 2. The `check` a stopped first run names works: no --output folder that was never made ---


def test_the_check_a_first_run_stopped_names_runs(tmp_path):
    """A new commune's first run into a new folder ('ra', not the default) whose only list is
    refused (Bản Cọ's 'Tổng số hộ dân cư' 0) stops with exit 2 (CONTRACT §6) and names the
    `check` that says every problem of each file. Before, that check carried '--output ra', a
    folder the stopped run never made, so pasted it stopped at once: "Không có thư mục kết quả
    'ra'" (exit 2), the list unchecked. Now the check names --output only where the folder is
    there (a history to read); pasted, it says the list's error at Thông tin B5 (exit 1)."""
    import shlex
    import subprocess
    import sys

    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 0, [person("BC1", "poor")])

    def giamngheo(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True,
                              text=True, timeout=120, cwd=tmp_path)  # fmt: skip

    stopped = giamngheo("run", "--input", str(folder), "--output", str(out))
    assert stopped.returncode == 2, stopped.stderr
    assert not out.exists()
    named = stopped.stderr.strip().rsplit("Xem đủ các lỗi của từng tệp: ", 1)[1]
    assert named == f"{sys.executable} -m pipeline check {folder}"
    checked = giamngheo(*shlex.split(named)[3:])
    assert checked.returncode == 1, checked.stderr
    assert (
        "BanCo.xlsx, Thông tin, B5 (invalid-total-households): 'Tổng số hộ dân cư' là '0'"
        in checked.stdout
    )


# --- 3. A run stopped by a list dated in the future names that list (CONTRACT §6) -----------


def test_a_list_dated_in_the_future_is_named_when_nothing_counts(tmp_path):
    """Nà Mòn's only list says 'Kỳ báo cáo' 05/2099 (a mistyped year): refused as after the
    current month (future-period), so no list has a month to run and the run stops (exit 2).
    Before, it said only "no list has a readable period" and named no file, though the month
    was read and the file refused: the officer had to guess. Now it names the list and why, as
    it names a list whose month could not be read (session 23); and with Bản Cọ's May list
    refused for its total, the stop for May names both."""
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")], period="2099-05")
    alone = collect_stop(tmp_path, None)
    assert alone.startswith(
        "Không có danh sách hộ nào đọc được kỳ báo cáo trong thư mục đầu vào. Danh sách bị từ "
        "chối: 'NaMon.xlsx' (Nà Mòn): Kỳ báo cáo 05/2099 ở sau tháng hiện tại"
    ), alone
    assert alone.endswith(". Xem đủ các lỗi của từng tệp: giamngheo check input")
    write_roster(
        tmp_path, "BanCo.xlsx", "Bản Cọ", 1, [person("BC1", "poor"), person("BC2", "poor")]
    )
    both = collect_stop(tmp_path, None)
    assert both.startswith(
        "Không có danh sách hộ nào của kỳ 05/2024 được chấp nhận; không có gì để tổng hợp. "
        "Danh sách bị từ chối: 'BanCo.xlsx' (Bản Cọ): 'Tổng số hộ dân cư' (1)"
    ), both
    assert "; 'NaMon.xlsx' (Nà Mòn): Kỳ báo cáo 05/2099 ở sau tháng hiện tại" in both
