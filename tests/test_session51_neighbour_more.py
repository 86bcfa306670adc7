"""Two gaps left by the review of "a hamlet's households sent apart under a neighbour's name"
(session 51): `check` of Nà Mòn's own list refused for its own error said the split file
'codes-held' where the run says 'codes-refused'; the 'codes-moved' file's feedback workbook
was named and titled for Nà Mòn (the codes' hamlet) though its words send Đồng Kè's head.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. April: the three send their own lists."""

from __future__ import annotations

from datetime import date

import openpyxl
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.run import execute
from tests.commune import person, write_roster
from tests.test_session38_oracle import _dk, _na_mon
from tests.test_session51_neighbour_apart import _SPLIT, _errors
from tests.test_session51_neighbour_review import _REFUSED, _may_refused
from tests.test_session51_two_hamlets import _BC, _april


def test_check_says_the_refused_own_list_as_the_run(tmp_path):
    """Nà Mòn's 'NaMon.xlsx' refused for its 'Tổng số hộ dân cư' 'abc', NM4, NM5 in a file
    naming Đồng Kè: `check` before the run said 'codes-held' ("… mà danh sách xóm Nà Mòn gửi
    kỳ này không có …", taking the refused list as counted); the run says 'codes-refused',
    naming NaMon.xlsx. Now `check` prints the run's words, and the run still says them."""
    folder, out = _may_refused(tmp_path, run=False)
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    assert f"{_SPLIT}, Thông tin, B3 (hamlet-codes-of-file-name): {_REFUSED}\n" in checked
    execute(folder, out, "2024-05")
    assert _errors(out)["hamlet-codes-of-file-name"] == [_REFUSED]


_PLAIN = "Không xác định được tên xóm của tệp. Hãy ghi tên xóm vào ô 'Xóm' của trang 'Thông tin'."


def test_check_says_a_list_naming_no_hamlet_as_the_run_when_the_own_list_is_refused(tmp_path):
    """The same fix, a list naming no hamlet ('Xóm' and title blank) holding NM4, NM5 beside
    Nà Mòn's refused 'NaMon.xlsx': the run counts no Nà Mòn list, so nothing is 'held' and the
    refusal keeps its plain words; `check` took the refused list as counted and said 'holds-held'
    ("… mà danh sách xóm Nà Mòn gửi kỳ này không có …"). Now both say the plain words."""
    folder, out = _april(tmp_path)
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    lists = {"NaMon.xlsx": ("Nà Mòn", "abc", _na_mon()[:3]), "BanCo.xlsx": ("Bản Cọ", 200, _BC),
             "DongKe.xlsx": ("Đồng Kè", 150, _dk())}  # fmt: skip
    for file, (hamlet, size, rows) in lists.items():
        write_roster(folder, file, hamlet, size, rows, "2024-05", date(2024, 6, 3))
    apart = [person("NM4", "near_poor"), person("NM5", "near_poor")]
    path = write_roster(folder, _SPLIT, "Bản Cọ", 200, apart, "2024-05", date(2024, 6, 4))
    book = openpyxl.load_workbook(path)
    book["Thông tin"]["B3"] = None
    book["Danh sách"]["A1"] = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO - Tháng 5 năm 2024"
    book.save(path)
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    assert f"{_SPLIT}, Thông tin, B3 (missing-hamlet): {_PLAIN}\n" in checked
    execute(folder, out, "2024-05")
    assert _errors(out)["missing-hamlet"] == [_PLAIN]
