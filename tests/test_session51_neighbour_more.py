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
from tests.april_may import SPLIT, SPLIT_REFUSED, may_errors, may_lists, may_moved_in, may_refused
from tests.commune import person, write_roster
from tests.test_session38_oracle import na_mon_rows
from tests.test_session52_left_messages import HOLDS_REFUSED


def test_check_says_the_refused_own_list_as_the_run(tmp_path):
    """Nà Mòn's 'NaMon.xlsx' refused for its 'Tổng số hộ dân cư' 'abc', NM4, NM5 in a file
    naming Đồng Kè: `check` before the run said 'codes-held' ("… mà danh sách xóm Nà Mòn gửi
    kỳ này không có …", taking the refused list as counted); the run says 'codes-refused',
    naming NaMon.xlsx. Now `check` prints the run's words, and the run still says them."""
    folder, out = may_refused(tmp_path, run=False)
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    assert f"{SPLIT}, Thông tin, B3 (hamlet-codes-of-file-name): {SPLIT_REFUSED}\n" in checked
    execute(folder, out, "2024-05")
    assert may_errors(out)["hamlet-codes-of-file-name"] == [SPLIT_REFUSED]


def test_check_says_a_list_naming_no_hamlet_as_the_run_when_the_own_list_is_refused(tmp_path):
    """The same fix, a list naming no hamlet ('Xóm' and title blank) holding NM4, NM5 beside
    Nà Mòn's refused 'NaMon.xlsx': the run counts no Nà Mòn list, so nothing is 'held';
    `check` took the refused list as counted and said 'holds-held' ("… mà danh sách xóm Nà Mòn
    gửi kỳ này không có …"). Now both say the run's words: the plain ones in session 51,
    'holds-refused' since session 52 (tests/test_session52_left_messages.py)."""
    folder, out = may_lists(tmp_path, na_mon_rows()[:3], na_mon_size="abc")
    apart = [person("NM4", "near_poor"), person("NM5", "near_poor")]
    path = write_roster(folder, SPLIT, "Bản Cọ", 200, apart, "2024-05", date(2024, 6, 4))
    book = openpyxl.load_workbook(path)
    book["Thông tin"]["B3"] = None
    book["Danh sách"]["A1"] = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO - Tháng 5 năm 2024"
    book.save(path)
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    assert f"{SPLIT}, Thông tin, B3 (missing-hamlet): {HOLDS_REFUSED}\n" in checked
    execute(folder, out, "2024-05")
    assert may_errors(out)["missing-hamlet"] == [HOLDS_REFUSED]


def _may_moved(tmp_path, dk_size: int = 150):
    """April run; May: Nà Mòn NM1-NM3 ('NaMon.xlsx'), Bản Cọ and Đồng Kè their own ('Tổng số
    hộ dân cư' of Đồng Kè ``dk_size``), and a second file naming Đồng Kè of NM4, NM5 noted
    'Chuyển đến từ xóm Nà Mòn' ('codes-moved'), a day later; May run. Returns (feedback file
    name -> (the file it is of, its title cell, its workbook title)), 'Nộp báo cáo''s files)."""
    _, out = may_moved_in(tmp_path, dk_size)
    found = {}
    for path in sorted((out / "2024-05" / "PhanHoi").glob("*.xlsx")):
        book = openpyxl.load_workbook(path, read_only=True)
        guide = list(book["Hướng dẫn sửa"].iter_rows(values_only=True))
        got = next(next(v for v in r[1:] if v is not None)
                   for r in guide if r and r[0] == "Tệp đã nhận:")  # fmt: skip
        found[path.name] = (got, guide[0][0], book.properties.title)
        book.close()
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx", read_only=True)
    files = [r[3] for r in book["Nộp báo cáo"].iter_rows(values_only=True) if len(r) > 3]
    book.close()
    return found, files


_TITLE = "PHẢN HỒI DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO – XÓM {} – THÁNG 5/2024"


def test_the_moved_households_feedback_goes_to_the_neighbours_head(tmp_path):
    """The 'codes-moved' file's words send Đồng Kè's head to write NM4, NM5 on DongKe.xlsx.
    Its feedback was 'Nà Mòn_2024-05_2.xlsx', titled '– XÓM NÀ MÒN –' (the file taken as Nà
    Mòn's), beside NaMon.xlsx's 'Nà Mòn_2024-05_1'. Now it is 'Đồng Kè_2024-05.xlsx' titled for
    Đồng Kè (DongKe.xlsx has nothing to fix: no other Đồng Kè feedback), NaMon.xlsx's 'Nà
    Mòn_2024-05.xlsx'; 'Nộp báo cáo' still lists the file once, under 'CÁC TỆP KHÁC'."""
    found, files = _may_moved(tmp_path)
    na_mon, dong_ke = _TITLE.format("NÀ MÒN"), _TITLE.format("ĐỒNG KÈ")
    assert found == {
        "Nà Mòn_2024-05.xlsx": ("NaMon.xlsx", na_mon, na_mon),
        "Đồng Kè_2024-05.xlsx": (SPLIT, dong_ke, dong_ke),
    }
    assert files.count(SPLIT) == 1


def test_the_moved_households_feedback_follows_the_neighbours_own(tmp_path):
    """Đồng Kè's own list warned too ('Tổng số hộ dân cư' 9000, far from the plan's): its
    feedback, the counted list's, comes first, '_1'; the moved households' file '_2', both
    titled Đồng Kè (was 'Nà Mòn_2024-05_2.xlsx' beside 'Đồng Kè_2024-05.xlsx')."""
    found, _ = _may_moved(tmp_path, 9000)
    dong_ke = _TITLE.format("ĐỒNG KÈ")
    assert {name: said[0] for name, said in found.items()} == {
        "Nà Mòn_2024-05.xlsx": "NaMon.xlsx",
        "Đồng Kè_2024-05_1.xlsx": "DongKe.xlsx",
        "Đồng Kè_2024-05_2.xlsx": SPLIT,
    }
    assert found["Đồng Kè_2024-05_2.xlsx"][1:] == (dong_ke, dong_ke)
