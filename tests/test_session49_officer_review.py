"""Session 49 review of the officer fixes (tests/test_session49_officer.py): a hamlet's own list
named by its nickname is not refused as the neighbour's copy, and a list missing most households
that sit in the hamlet's other file is told so."""

from __future__ import annotations

from datetime import date

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.notices import mostly_gone_notes
from pipeline.run import collect, execute
from tests.commune import person, write_renamed_plan, write_roster
from tests.test_session49_officer import april_then_may


def nickname_named(folder, with_info: bool = True):
    """The plan's Đồng Kè renamed 'Nà Mòn 2' (its start list DK1 poor, DK2 near-poor). Its head
    saves his own list as 'DS_NaMon_2024-05.xlsx' (the village's nickname), 'Xóm' cell and title
    'Nà Mòn 2': DK1 poor (his start list's), NM1 and NM2 poor (moved in from Nà Mòn, their codes
    on Nà Mòn's start list), DK9 near-poor (new, on no list). Bản Cọ sends BC1, BC2 poor."""
    write_renamed_plan(folder, {"Đồng Kè": "Nà Mòn 2"})
    own = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn 2", 150,
                       [person("DK1", "poor"), person("NM1", "poor"), person("NM2", "poor"),
                        person("DK9", "near_poor")])  # fmt: skip
    title = openpyxl.load_workbook(own)["Danh sách"]["A1"].value
    assert "XÓM NÀ MÒN 2" in title
    if not with_info:
        book = openpyxl.load_workbook(own)
        del book["Thông tin"]
        book.save(own)
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor")])  # fmt: skip


def test_a_hamlets_own_list_named_by_its_nickname_is_counted(tmp_path):
    """By hand: of the list's 4 codes, 3 are on a start list: 2 Nà Mòn's (NM1, NM2), 1 Nà Mòn
    2's (DK1). More are Nà Mòn's than Nà Mòn 2's, but not nearly all (2 of 3, under 80 %), and
    the cell and the title both say Nà Mòn 2: its own list, 3 poor (DK1, NM1, NM2), 1 near-poor
    (DK9), no hamlet message; Nà Mòn sent nothing. Before: refused as Nà Mòn's file ('title'),
    Nà Mòn 2 missing, Nà Mòn 'rejected' for a file it never sent. `check` agrees."""
    nickname_named(tmp_path)
    result, _ = collect(tmp_path, None)
    by = {h["hamlet"]: (h["status"], h["poor"], h["near_poor"]) for h in result.summary["hamlets"]}
    assert by == {
        "Nà Mòn": ("missing", None, None),
        "Bản Cọ": ("ok", 2, 0),
        "Nà Mòn 2": ("ok", 3, 1),
    }
    assert not [i for i in result.issues if i.code.startswith("hamlet-")]
    checked = check_files(sorted(tmp_path.glob("*.xlsx")))
    assert not [i for i in checked if i.code.startswith("hamlet-")]


def test_the_same_list_without_thong_tin_is_counted_by_its_title(tmp_path):
    """The same list with no 'Thông tin' sheet (its hamlet read from its title, 'XÓM NÀ MÒN 2'):
    Nà Mòn 2's, 3 poor and 1 near-poor. Before: refused as Nà Mòn's ('title-only')."""
    nickname_named(tmp_path, with_info=False)
    result, _ = collect(tmp_path, None)
    by = {h["hamlet"]: (h["status"], h["poor"], h["near_poor"]) for h in result.summary["hamlets"]}
    assert by["Nà Mòn 2"] == ("ok", 3, 1) and by["Nà Mòn"][0] == "missing"
    assert not [i for i in result.issues if i.code.startswith("hamlet-")]


def test_a_copy_nearly_all_of_whose_codes_are_the_senders_is_still_refused(tmp_path):
    """A guard: Nà Mòn's head fills a copy of Bản Cọ's file (cell and title 'Bản Cọ'), saved as
    'DS_NaMon_2024-05.xlsx': NM1-NM3 poor, NM4, NM5 near-poor and BC3 near-poor (moved in from
    Bản Cọ). By hand 5 of the 6 codes found are Nà Mòn's (83 %, at least 80 %) and 5 of 6 more
    than half: Nà Mòn's refused file, variant 'title'; Bản Cọ counts its own BC1, BC2."""
    write_renamed_plan(tmp_path, {})
    write_roster(tmp_path, "DS_NaMon_2024-05.xlsx", "Bản Cọ", 200,
                 [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"),
                  person("NM4", "near_poor"), person("NM5", "near_poor"),
                  person("BC3", "near_poor")])  # fmt: skip
    write_roster(tmp_path, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor")])  # fmt: skip
    result, _ = collect(tmp_path, None)
    by = {h["hamlet"]: (h["status"], h["poor"], h["near_poor"]) for h in result.summary["hamlets"]}
    assert by["Nà Mòn"] == ("rejected", None, None) and by["Bản Cọ"] == ("ok", 2, 0)
    said = [(i.code, i.variant, i.file) for i in result.issues if i.code.startswith("hamlet-")]
    assert said == [("hamlet-codes-of-file-name", "title", "DS_NaMon_2024-05.xlsx")]


def poor_and_near_poor_apart(folder, out, poor_file: list[str]):
    """Nà Mòn's April list of 8 (NM1-NM3, NM7-NM9 poor, NM4, NM5 near-poor; run), then May's
    sent in two files: ``poor_file`` poor in 'DS_NaMon_ngheo_2024-05.xlsx' (dated 3 June), NM4
    and NM5 near-poor in 'DS_NaMon_canngheo_2024-05.xlsx' (dated 5 June, so the one counted)."""
    april_then_may(folder, out, ["NM1"])
    (folder / "DS_NaMon_2024-05.xlsx").unlink()
    write_roster(folder, "DS_NaMon_ngheo_2024-05.xlsx", "Nà Mòn", 100,
                 [person(code, "poor") for code in poor_file])  # fmt: skip
    write_roster(folder, "DS_NaMon_canngheo_2024-05.xlsx", "Nà Mòn", 100,
                 [person("NM4", "near_poor"), person("NM5", "near_poor")],
                 prepared=date(2024, 6, 5))  # fmt: skip


def test_households_gone_but_on_the_hamlets_other_file_name_that_file(tmp_path):
    """By hand: the near-poor file is counted (0 poor, 2 near-poor), the poor file set aside
    ('superseded'); 6 of April's 8 gone (NM1-NM3, NM7-NM9), all 6 on the poor file. Told that
    they are there and to make one list of the two files, on screen and in `check` too. Before:
    told to ask the hamlet head for the full list, the poor file the officer holds not named."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    poor_and_near_poor_apart(folder, out, ["NM1", "NM2", "NM3", "NM7", "NM8", "NM9"])
    # `check` of the two files with the plan and April's history names the other file as given
    store = HistoryStore(out / HISTORY_FILE, read_only=True)
    checked = check_files([folder / "DS_NaMon_ngheo_2024-05.xlsx",
                           folder / "DS_NaMon_canngheo_2024-05.xlsx",
                           folder / "KeHoach_2024.xlsx"], history=store)  # fmt: skip
    said = [(i.file, i.variant, i.instead) for i in checked if i.code == "households-mostly-gone"]
    assert said == [("DS_NaMon_canngheo_2024-05.xlsx", "other-file", "DS_NaMon_ngheo_2024-05.xlsx")]
    result = execute(folder, out, "2024-05")[0]
    na_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (0, 2)
    whole = [i for i in result.issues if i.code == "households-mostly-gone"]
    assert [(i.file, i.variant, i.message()) for i in whole] == [
        (
            "DS_NaMon_canngheo_2024-05.xlsx",
            "other-file",
            "6 hộ nghèo, hộ cận nghèo có trong danh sách tháng 4/2024 không có trong danh sách kỳ "
            "này và đã được tính là thoát (xem cảnh báo của từng hộ), nhưng phần lớn các hộ đó có "
            "trong tệp 'DS_NaMon_ngheo_2024-05.xlsx' mà xóm cũng gửi cho kỳ này (tệp đó không "
            "được tính vì tệp này mới hơn). Nếu hai tệp là hai phần của danh sách kỳ này (một tệp "
            "hộ nghèo và một tệp hộ cận nghèo, hay danh sách đầy đủ và danh sách bổ sung), hãy "
            "gộp hai tệp thành một danh sách đầy đủ (mỗi hộ một dòng, ghi như kỳ này), chỉ để tệp "
            "đã gộp trong thư mục đầu vào rồi tổng hợp lại; nếu tệp 'DS_NaMon_ngheo_2024-05.xlsx' "
            "chỉ là bản cũ, hãy ghi lại dòng của từng hộ đã thoát với Phân loại hộ 'Thoát'.",
        )
    ]
    # the hamlet head's feedback tells him, not the officer, what to send
    assert _feedback_saying(out, "phần lớn các hộ đó") == [
        "6 hộ nghèo, hộ cận nghèo có trong danh sách tháng 4/2024 không có trong danh sách này "
        "nên đã được tính là thoát (xem cảnh báo của từng hộ), nhưng phần lớn các hộ đó có trong "
        "tệp 'DS_NaMon_ngheo_2024-05.xlsx' mà xóm cũng gửi cho kỳ này; mỗi kỳ xã chỉ tính một "
        "danh sách của xóm (tệp gửi sau). Nếu hai tệp là hai phần của danh sách kỳ này, hãy gộp "
        "thành một danh sách đầy đủ (mỗi hộ một dòng) rồi gửi lại cho xã; nếu tệp "
        "'DS_NaMon_ngheo_2024-05.xlsx' chỉ là bản cũ, hãy ghi lại dòng của từng hộ đã thoát với "
        "Phân loại hộ 'Thoát'."
    ]
    assert [str(n) for n in mostly_gone_notes(result)] == [
        "Xóm Nà Mòn: 6 hộ nghèo, hộ cận nghèo có trong danh sách tháng 4/2024 không có trong danh "
        "sách 'DS_NaMon_canngheo_2024-05.xlsx' và đã được tính là thoát, nhưng phần lớn có trong "
        "tệp 'DS_NaMon_ngheo_2024-05.xlsx' của xóm, không được tính vì có bản mới hơn. Nếu hai "
        "tệp là hai phần của một danh sách, hãy gộp thành một tệp rồi chạy lại (xem trang 'Lỗi "
        "dữ liệu')."
    ]


def test_an_older_file_holding_half_of_them_is_not_named(tmp_path):
    """A guard: the poor file holds NM1-NM3 only, 3 of the 6 gone (half, not more): the
    warning as before, '6 trong 8', naming no other file."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    poor_and_near_poor_apart(folder, out, ["NM1", "NM2", "NM3"])
    result = execute(folder, out, "2024-05")[0]
    whole = [i for i in result.issues if i.code == "households-mostly-gone"]
    assert [(i.variant, i.value, i.instead) for i in whole] == [("", "6", "8")]


def _feedback_saying(out, words: str) -> list[str]:
    """The texts of Nà Mòn's May feedback workbooks (one a file it sent) holding ``words``."""
    books = [openpyxl.load_workbook(path)
             for path in sorted((out / "2024-05" / "PhanHoi").glob("Nà Mòn_2024-05*.xlsx"))]  # fmt: skip
    assert books
    return [cell.value for book in books for sheet in book.worksheets
            for row in sheet.iter_rows() for cell in row
            if isinstance(cell.value, str) and words in cell.value]  # fmt: skip


def test_the_hamlet_head_is_told_to_send_the_full_list_not_to_ask_himself(tmp_path):
    """The third fix's warning in Nà Mòn's own feedback workbook said "hãy nhờ trưởng xóm gửi
    danh sách đầy đủ" to the hamlet head himself. E's case (May's list NM1, NM10: 7 of 8 gone):
    the head reads to send the commune the full list; the officer's sheet keeps its words."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    april_then_may(folder, out, ["NM1", "NM10"])
    execute(folder, out, "2024-05")
    assert _feedback_saying(out, "có trong danh sách tháng 4/2024 không có") == [
        "7 trong 8 hộ nghèo, hộ cận nghèo có trong danh sách tháng 4/2024 không có trong danh "
        "sách kỳ này nên đã được tính là thoát (xem cảnh báo của từng hộ). Nếu danh sách này chỉ "
        "ghi các hộ thay đổi (danh sách bổ sung), hãy gửi lại cho xã danh sách đầy đủ mọi hộ "
        "nghèo, hộ cận nghèo của xóm kỳ này; nếu các hộ đó thật sự đã thoát, hãy ghi lại dòng "
        "của từng hộ với Phân loại hộ 'Thoát'."
    ]
    assert not _feedback_saying(out, "nhờ trưởng xóm")
