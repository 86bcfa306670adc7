"""Session 50 (helper 9): QA of what lands in input/ and of the machine around it.

* a number written with a circled or raised digit ('①', '²': Python's ``str.isdigit`` takes
  them, ``int`` refuses them) in a list's STT cell stopped the reading of the whole list, which
  was refused as "damaged in transfer" with a Python error as its detail: the hamlet lost.
* an output folder given inside the input folder ('--output input/ketqua') whose history store
  was renamed (as the run advises for a damaged one) was read back as input: every hamlet's
  list said superseded by its own archived copy, the plan taken from the archive.
"""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.discover import list_input_files
from pipeline.run import collect, execute
from tests.commune import person, write_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_session30_c_heads_lists import with_titles
from tests.test_typed_by_hand import commune, edit_list

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
    path = commune(tmp_path, [person("NM1", "poor"), person("NM2", "near_poor")])
    edit_list(path, lambda ws: ws.cell(5, 1, written))
    result, _ = collect(tmp_path, None)
    assert [i.detail for i in result.issues if i.code in UNREAD] == []
    na_mon = hamlet_figures(result, "Nà Mòn")
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
    path = with_titles(folder, [("Hộ chuyển đi xóm Bản Cọ", [person("NM3", "poor")])], True)
    book = openpyxl.load_workbook(path)
    assert book["Danh sách"]["A10"].value == "Hộ chuyển đi xóm Bản Cọ"
    book["Danh sách"]["A11"].value = "①"
    book.save(path)
    result, _ = collect(folder, None, workers=0)
    assert [i.detail for i in result.issues if i.code in UNREAD] == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert na_mon["status"] == "ok"
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    poor = {k: n for k, n in na_mon["movements"]["poor"].items() if n}
    assert poor == {
        "start": 3, "to_near_poor": 1, "moved_out": 1, "from_near_poor": 1, "new": 1, "end": 3
    }  # fmt: skip


def _input_with_output_inside(tmp_path):
    """The input folder: the plan, Nà Mòn (NM1 poor, NM4 near-poor, of 100 households) and
    Bản Cọ (BC1 poor, of 200), run once into 'ketqua' inside it; then the history store
    renamed, as the run's message for a damaged store says to do."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    write_roster(
        folder, "NaMon.xlsx", "Nà Mòn", 100, [person("NM1", "poor"), person("NM4", "near_poor")]
    )
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    first = execute(folder, folder / "ketqua")[0]
    assert (folder / "ketqua" / "2024-05" / "nguon" / "NaMon.xlsx").is_file()
    (folder / "ketqua" / "lich-su.sqlite").rename(folder / "ketqua" / "lich-su-hong.sqlite")
    return folder, first


def test_an_output_folder_inside_the_input_without_its_history_is_not_read_back(tmp_path):
    """Before: the second run walked 'ketqua' (no history store in it any more) while writing
    to it: its copies 'ketqua/2024-05/nguon/NaMon.xlsx', '…/BanCo.xlsx' and the plan's were
    read as newer files, each hamlet's own list said superseded ('superseded', twice) and the
    plan a duplicate ('plan-duplicate'), the lock, JSON and manifest listed as skipped files.
    Now the run reads the three files of the input alone: by hand Nà Mòn 1 poor and 1
    near-poor of 100, Bản Cọ 1 poor of 200; commune 2 poor of 300 = 0.6667 %, 1 near-poor of
    300 = 0.3333 %, as in the first run; no file of 'ketqua' named anywhere."""
    folder, first = _input_with_output_inside(tmp_path)
    again = execute(folder, folder / "ketqua")[0]
    assert [(i.code, i.file) for i in again.issues if i.file.startswith("ketqua")] == []
    assert [i.code for i in again.issues if i.code in ("superseded", "plan-duplicate")] == []
    assert sorted(s.file for s in again.submissions) == ["BanCo.xlsx", "KeHoach_2024.xlsx",
                                                          "NaMon.xlsx"]  # fmt: skip
    totals = again.summary["totals"]
    assert (totals["households"], totals["poor"], totals["near_poor"]) == (300, 2, 1)
    assert totals["poor_rate"] == pytest.approx(200 / 300)
    assert totals["near_poor_rate"] == pytest.approx(100 / 300)
    assert totals == first.summary["totals"]


def test_a_month_folder_of_outputs_inside_the_input_is_not_listed(tmp_path):
    """`check input/` and the run list the input's files alone, not a month's output folder
    (it holds the sources' manifest 'nguon-sha256.txt') nor its archived copies, even with no
    history store beside it."""
    folder, _ = _input_with_output_inside(tmp_path)
    listed = [p.relative_to(folder).as_posix() for p in list_input_files(folder)]
    assert listed == ["BanCo.xlsx", "KeHoach_2024.xlsx", "NaMon.xlsx", "ketqua/lich-su-hong.sqlite"]


def test_a_shortcut_to_a_list_is_told_to_be_copied_as_the_list_itself(tmp_path):
    """A Windows shortcut 'DS_DongKe_2024-05.xlsx - Shortcut.lnk' beside the May lists (Đồng Kè
    sends nothing else). Before, it was "Bỏ qua tệp không phải bảng tính (.lnk). Nếu đây là
    danh sách hộ, hãy lưu lại dạng .xlsx.", advice a shortcut cannot follow. Now it is said a
    shortcut, whose list is to be copied itself; still skipped (a warning), Đồng Kè not sent,
    and `check` says the same."""
    from pipeline.checkfiles import check_files
    from tests.commune import clean_rosters

    write_plan(tmp_path)
    clean_rosters(tmp_path)
    link = tmp_path / "DS_DongKe_2024-05.xlsx - Shortcut.lnk"
    link.write_bytes(b"L\x00\x00\x00\x01\x14\x02\x00" + bytes(68))  # a .lnk's header start
    result, _ = collect(tmp_path, None)
    told = [i for i in result.issues if i.file == link.name]
    assert [(i.code, i.severity, i.detail) for i in told] == [("file-skipped", "warning", ".lnk")]
    assert told[0].message() == (
        "Đây là lối tắt (shortcut) tới một tệp, không phải chính tệp đó (.lnk): tệp qua lối "
        "tắt không được đọc. Nếu lối tắt trỏ tới danh sách của xóm, hãy chép chính tệp danh "
        "sách (không phải lối tắt) vào thư mục đầu vào rồi chạy lại; nếu không, có thể xóa "
        "lối tắt."
    )
    assert told[0].message("en").startswith("A shortcut to a file, not the file itself (.lnk)")
    assert hamlet_figures(result, "Đồng Kè")["status"] == "missing"
    checked = [i for i in check_files([link]) if i.file == link.name]
    assert [i.message() for i in checked] == [told[0].message()]
