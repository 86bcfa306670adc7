"""Messages left open by session 51, said where the officer and the heads look (session 52).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. April: the three send their own lists."""

from __future__ import annotations

import openpyxl

from tests.commune import person
from tests.test_session38_oracle import _na_mon
from tests.test_session51_neighbour_apart import _SPLIT, _may
from tests.test_session51_neighbour_review import may_moved_in


def _other_files(out) -> dict[str, tuple[str, str]]:
    """May's 'Nộp báo cáo', table 'CÁC TỆP KHÁC': file -> (its 'Xóm', its 'Tình trạng')."""
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx", read_only=True)
    rows = list(book["Nộp báo cáo"].iter_rows(values_only=True))
    book.close()
    start = next(i for i, r in enumerate(rows) if r[0] == "CÁC TỆP KHÁC")
    return {r[3]: (r[1], r[2]) for r in rows[start:] if isinstance(r[0], int)}


def test_the_moved_households_file_is_listed_under_the_neighbour_that_acts(tmp_path):
    """NM4, NM5 noted 'Chuyển đến từ xóm Nà Mòn' in a second file naming Đồng Kè
    ('codes-moved'): its words and its feedback workbook send Đồng Kè's head to write them on
    DongKe.xlsx, but 'Nộp báo cáo' listed it under 'Xóm' Nà Mòn (the codes' hamlet the run
    takes it as), so the officer looked for it with Nà Mòn's head. Now under Đồng Kè, its
    status naming Nà Mòn, the codes' hamlet: both named."""
    _, out = may_moved_in(tmp_path)
    assert _other_files(out) == {
        _SPLIT: (
            "Đồng Kè",
            "Bị từ chối: danh sách ghi xóm 'Đồng Kè' nhưng các mã hộ là của xóm Nà Mòn, các hộ "
            "ghi chú chuyển đến xóm 'Đồng Kè'",
        )
    }


def test_the_held_households_file_stays_under_the_hamlet_that_acts(tmp_path):
    """Guard: NM4, NM5 without a note in the file naming Đồng Kè ('codes-held'): Nà Mòn's head
    is asked to write them on his list, so the file stays under Nà Mòn."""
    apart = [person("NM4", "near_poor"), person("NM5", "near_poor")]
    _, out = _may(tmp_path, apart, _na_mon()[:3])
    assert _other_files(out)[_SPLIT][0] == "Nà Mòn"
