"""Session 50: 'Nộp báo cáo' says of another month's lists, summed up by month, what that
month's stored run did with them (run.said_by_month, history.files_of): "tính vào kỳ đó" only
for lists it counted, "kỳ đó đã từ chối" for lists it refused, "kỳ đó chưa được tổng hợp" for a
month never run, and "không tính vào kỳ này" where the history cannot tell (a list changed
since, no history). Only lists of one outcome share a row; a month's single list of an outcome
keeps its own row, as before, saying its outcome since session 51.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor (100 households);
Bản Cọ BC1-BC2 poor, BC3 near-poor (200); Đồng Kè DK1 poor, DK2 near-poor (150).
"""

from __future__ import annotations

from datetime import date

from pipeline.run import execute
from tests.commune import new_commune, person, write_roster
from tests.test_session24_other_files import other_rows
from tests.test_session38_oracle import dk_rows, na_mon_rows


def _ban_co() -> list[dict]:
    return [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]


def lists(folder, period: str, totals: dict[str, object], names: tuple[str, ...] = ()) -> None:
    """The lists of ``period`` of the hamlets of ``totals`` (a total 'abc' refuses the list),
    named '<Hamlet>_<period>.xlsx'; ``names``: hamlets whose list is written with a later
    'Ngày lập' (other bytes, the same households)."""
    month = int(period[5:])
    for hamlet, file, rows in (
        ("Nà Mòn", "NaMon", na_mon_rows()),
        ("Bản Cọ", "BanCo", _ban_co()),
        ("Đồng Kè", "DongKe", dk_rows()),
    ):
        if hamlet in totals:
            day = 5 if hamlet in names else 3
            write_roster(folder, f"{file}_{period}.xlsx", hamlet, totals[hamlet], rows, period,
                         date(2024, month + 1, day))  # fmt: skip


def may_rows(folder, out) -> list[tuple]:
    lists(folder, "2024-05", {"Nà Mòn": 100, "Bản Cọ": 200, "Đồng Kè": 150})
    execute(folder, out, "2024-05")
    return [r[1:4] for r in other_rows(out / "2024-05" / "TongHop_2024-05.xlsx")]


def test_lists_a_month_refused_and_a_month_never_run_are_said_so(tmp_path):
    """March run: Nà Mòn's and Đồng Kè's lists refused (total 'abc'), Bản Cọ's counted. April's
    lists of Nà Mòn and Bản Cọ in the folder, April never run. May's 'Nộp báo cáo': Bản Cọ's
    March list alone of its outcome (its own row, "tính vào kỳ đó" since session 51); the two refused ones one
    row "2 tệp của 2 xóm, kỳ đó đã từ chối"; April's "2 tệp của 2 xóm, kỳ đó chưa được tổng
    hợp". Before: March's three in one row "3 tệp của 3 xóm, tính vào kỳ đó", April's "2 tệp
    của 2 xóm, tính vào kỳ đó"."""
    folder, out = new_commune(tmp_path)
    lists(folder, "2024-03", {"Nà Mòn": "abc", "Bản Cọ": 200, "Đồng Kè": "abc"})
    execute(folder, out, "2024-03")
    lists(folder, "2024-04", {"Nà Mòn": 100, "Bản Cọ": 200})
    assert may_rows(folder, out) == [
        ("Bản Cọ", "Khác kỳ (tháng 3/2024): tính vào kỳ đó", "BanCo_2024-03.xlsx"),
        (
            "2 xóm",
            "Khác kỳ (tháng 3/2024): 2 tệp của 2 xóm, kỳ đó đã từ chối",
            "DongKe_2024-03.xlsx\nNaMon_2024-03.xlsx",
        ),
        (
            "2 xóm",
            "Khác kỳ (tháng 4/2024): 2 tệp của 2 xóm, kỳ đó chưa được tổng hợp",
            "BanCo_2024-04.xlsx\nNaMon_2024-04.xlsx",
        ),
    ]


def test_lists_counted_are_said_counted_and_lists_changed_since_neutrally(tmp_path):
    """March run: the three lists counted. Then Nà Mòn's and Bản Cọ's March lists written again
    (a later 'Ngày lập': other bytes under the same names): May's 'Nộp báo cáo' cannot tell
    what March did with them: "2 tệp của 2 xóm, không tính vào kỳ này"; Đồng Kè's, the bytes
    March counted, its own row. April's three lists, April run: "3 tệp của 3 xóm, tính vào kỳ
    đó"."""
    folder, out = new_commune(tmp_path)
    every = {"Nà Mòn": 100, "Bản Cọ": 200, "Đồng Kè": 150}
    lists(folder, "2024-03", every)
    execute(folder, out, "2024-03")
    lists(folder, "2024-04", every)
    execute(folder, out, "2024-04")
    lists(folder, "2024-03", {"Nà Mòn": 100, "Bản Cọ": 200}, names=("Nà Mòn", "Bản Cọ"))
    assert may_rows(folder, out) == [
        ("Đồng Kè", "Khác kỳ (tháng 3/2024): tính vào kỳ đó", "DongKe_2024-03.xlsx"),
        (
            "2 xóm",
            "Khác kỳ (tháng 3/2024): 2 tệp của 2 xóm, không tính vào kỳ này",
            "BanCo_2024-03.xlsx\nNaMon_2024-03.xlsx",
        ),
        (
            "3 xóm",
            "Khác kỳ (tháng 4/2024): 3 tệp của 3 xóm, tính vào kỳ đó",
            "BanCo_2024-04.xlsx …\nNaMon_2024-04.xlsx",
        ),
    ]
