"""Session 50 (helper 9): QA of what lands in input/ and of the machine around it.

* a number written with a circled or raised digit ('①', '²': Python's ``str.isdigit`` takes
  them, ``int`` refuses them) in a list's STT cell stopped the reading of the whole list, which
  was refused as "damaged in transfer" with a Python error as its detail: the hamlet lost.
"""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.run import collect
from tests.commune import person
from tests.test_session30_c_heads_lists import _hamlet, _with_titles
from tests.test_typed_by_hand import _commune, _edit

UNREAD = ("file-unreadable", "file-unopened", "file-too-large")


@pytest.mark.parametrize("written", ["①", "²", "③"])
def test_a_circled_or_raised_digit_in_the_first_stt_cell_does_not_refuse_the_list(
    tmp_path, written
):
    """Nà Mòn's list: NM1 poor (row 5, its STT cell A5 written '①'), NM2 near-poor, of 102
    households. Before, the header search read A5 as a year (``isdigit``) and ``int('①')``
    failed: the list refused (file-unreadable, "ValueError: invalid literal for int()"), Nà
    Mòn rejected. Now the list is read: by hand 1 poor and 1 near-poor of 102 households,
    each rate 1 / 102 × 100 = 0.98039… %; the STT is optional, nothing said of it."""
    path = _commune(tmp_path, [person("NM1", "poor"), person("NM2", "near_poor")])
    _edit(path, lambda ws: ws.cell(5, 1, written))
    result, _ = collect(tmp_path, None)
    assert [i.detail for i in result.issues if i.code in UNREAD] == []
    na_mon = _hamlet(result, "Nà Mòn")
    assert na_mon["status"] == "ok"
    assert (na_mon["households"], na_mon["poor"], na_mon["near_poor"]) == (102, 1, 1)
    assert na_mon["poor_rate"] == pytest.approx(100 / 102)
    assert na_mon["near_poor_rate"] == pytest.approx(100 / 102)


def test_a_circled_stt_under_a_move_out_title_does_not_refuse_the_list(tmp_path):
    """Nà Mòn's May list: NM1, NM5, NM6 poor and NM2, NM4 near-poor in rows 5–9, then the
    title 'Hộ chuyển đi xóm Bản Cọ' (A10) over NM3 (poor), its STT (A11) written '①'. Before,
    the move-out part's numbering (``discover._stt_number``) took '①' for a number and
    ``int('①')`` failed: the list refused, Nà Mòn rejected. Now NM3 is moved out as with the
    STT 1 (session 31): poor start 3 − 1 to near-poor (NM2) − 1 moved out (NM3) + 1 from
    near-poor (NM5) + 1 new (NM6) = 3; near-poor start 2 − 1 to poor + 1 from poor = 2."""
    folder = tmp_path / "input"
    folder.mkdir()
    path = _with_titles(folder, [("Hộ chuyển đi xóm Bản Cọ", [person("NM3", "poor")])], True)
    book = openpyxl.load_workbook(path)
    assert book["Danh sách"]["A10"].value == "Hộ chuyển đi xóm Bản Cọ"
    book["Danh sách"]["A11"].value = "①"
    book.save(path)
    result, _ = collect(folder, None, workers=0)
    assert [i.detail for i in result.issues if i.code in UNREAD] == []
    na_mon = _hamlet(result, "Nà Mòn")
    assert na_mon["status"] == "ok"
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    poor = {k: n for k, n in na_mon["movements"]["poor"].items() if n}
    assert poor == {
        "start": 3, "to_near_poor": 1, "moved_out": 1, "from_near_poor": 1, "new": 1, "end": 3
    }  # fmt: skip
