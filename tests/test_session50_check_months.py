"""`check` of lists of several months not run yet: each month's households gone are said as its
run will say them, each month against the month before (session 50).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list."""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import new_commune, person, write_roster
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists

_BC = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
_ASK = (
    "nhưng không có trong danh sách kỳ này; đã tính là thoát. Đề nghị xóm xác nhận: nếu đúng, "
    "hãy ghi lại dòng của hộ (đủ các cột như các hộ khác) với Phân loại hộ 'Thoát'. Nếu hộ chỉ "
    "chuyển sang xóm khác trong xã thì không ghi lại: xóm nơi hộ đến ghi hộ vào danh sách của "
    "mình với Mã hộ cũ."
)


def vanished_words(file: str, code: str, listed: str) -> str:
    return f"[Cảnh báo] {file} (vanished-household): Hộ {code} (Hoàng Văn {code}) có trong {listed} {_ASK}"


def nm(*left: str, more: tuple = ()) -> list[dict]:
    """Nà Mòn's start list less the codes ``left``, and ``more``."""
    return [row for row in na_mon_rows(*more) if row["ma_ho"] not in left]


def write_three_lists(folder, period: str, nam_mon: list[dict]) -> None:
    lists = {"Nà Mòn": (100, nam_mon), "Bản Cọ": (200, _BC), "Đồng Kè": (150, dk_rows())}
    prepared = date(2024, int(period[5:]) + 1, 3)
    for n, (hamlet, (size, rows)) in enumerate(lists.items()):
        rows = [dict(row) for row in rows]
        write_roster(folder, f"DS_{n}_{period}.xlsx", hamlet, size, rows, period, prepared)


def test_check_of_two_months_not_run_says_each_against_the_month_before(tmp_path):
    """March run (the three hamlets their own lists). April's and May's lists given to `check`
    together, neither run: April's Nà Mòn drops NM2 and lists NM6 (new, poor); May's drops NM2,
    NM3 and NM6. Run in order, by hand: April's run (against March and the start list) asks
    about NM2 ('danh sách đầu năm': the year's table says it, once); May's (against April)
    asks about NM3 (the start list's, said by the year's table) and NM6 (on April's list
    alone: 'danh sách tháng 4/2024'), not NM2 again (asked in April). `check` said May's
    against March alone: NM2 and NM3 at May's file, nothing of April's, nothing of NM6 (on no
    list stored). The history is only read."""
    folder, out = new_commune(tmp_path)
    run_lists(
        folder, out, "2024-03", {"Nà Mòn": na_mon_rows(), "Bản Cọ": _BC, "Đồng Kè": dk_rows()}
    )
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    write_three_lists(folder, "2024-04", nm("NM2", more=(person("NM6", "poor"),)))
    write_three_lists(folder, "2024-05", nm("NM2", "NM3"))
    history = out / "lich-su.sqlite"
    before = history.read_bytes()
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    gone = [line for line in checked.splitlines() if "(vanished-household)" in line]
    assert gone == [
        vanished_words("DS_0_2024-04.xlsx", "NM2", "danh sách đầu năm"),
        vanished_words("DS_0_2024-05.xlsx", "NM3", "danh sách đầu năm"),
        vanished_words("DS_0_2024-05.xlsx", "NM6", "danh sách tháng 4/2024"),
    ]
    assert history.read_bytes() == before


def test_check_of_one_month_says_it_against_the_history_as_before(tmp_path):
    """Kept (passes before too): April run as above; May's lists alone given: May against April,
    as its run says it (NM3, NM6), NM2 not asked again."""
    folder, out = new_commune(tmp_path)
    run_lists(
        folder, out, "2024-03", {"Nà Mòn": na_mon_rows(), "Bản Cọ": _BC, "Đồng Kè": dk_rows()}
    )
    run_lists(folder, out, "2024-04", {"Nà Mòn": nm("NM2", more=(person("NM6", "poor"),)),
                                    "Bản Cọ": _BC, "Đồng Kè": dk_rows()})  # fmt: skip
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    write_three_lists(folder, "2024-05", nm("NM2", "NM3"))
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    gone = [line for line in checked.splitlines() if "(vanished-household)" in line]
    assert gone == [
        vanished_words("DS_0_2024-05.xlsx", "NM3", "danh sách đầu năm"),
        vanished_words("DS_0_2024-05.xlsx", "NM6", "danh sách tháng 4/2024"),
    ]
