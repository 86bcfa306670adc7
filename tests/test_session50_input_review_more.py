"""Session 50 (helper T16): what the review of the input folder left.

* more of the readers' English said in words: "Cfb error: Invalid OLE", "Cfb error: Sector …
  points past end of file", "Cfb error: Codepage … not found", "End of stream 'record
  length'", "failed to fill whole buffer", "index out of bounds …", "unrecognized entity
  `&lol9;`", "invalid Zip archive: …", "'mimetype' file not found in archive";
* a hidden folder ('.thang5/') holding a list is said skipped, with the name to rename it to;
* our own history store, manifest and JSON summary met in an input folder are said as ours.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.discover import inspect_file
from pipeline.run import collect
from tests.commune import clean_rosters, person, write_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_foreign import CORPUS
from tests.test_session50_input_messages import FAULT, rewrite

CUT = "tệp hỏng hoặc chưa chép hết"
CUT_EN = "the file is damaged or not copied whole"
FAULT_EN = "the file is damaged or not saved by Excel"
NOT_OLE = (
    "tệp không có phần đầu của một sổ Excel 97–2003 (.xls): tệp hỏng, hoặc do Excel quá cũ "
    "(trước 97) hay một chương trình khác lưu",
    "the file lacks the header of an Excel 97–2003 workbook (.xls): it is damaged, or saved "
    "by an Excel older than 97 or by another program",
)
OLE_DIRECTORY = (
    "mục lục bên trong của tệp .xls sai hoặc trỏ ra ngoài tệp: " + CUT,
    "the inner directory of the .xls file is wrong or points outside the file: " + CUT_EN,
)
CODEPAGE = (
    "tệp .xls ghi chữ theo một bảng mã (codepage) không đọc được: tệp hỏng hoặc do một "
    "chương trình khác lưu",
    "the .xls file writes its text in a code page that cannot be read: the file is damaged "
    "or saved by another program",
)
STOPS = (
    "dữ liệu của tệp Excel dừng giữa một bản ghi (tệp bị cắt ngắn): " + CUT,
    "the Excel file's data stops inside a record (the file is cut short): " + CUT_EN,
)
NO_DATA = (
    "một bản ghi của tệp Excel trỏ tới chỗ không có dữ liệu: " + FAULT,
    "a record of the Excel file points where there is no data: " + FAULT_EN,
)
ENTITY = (
    "tệp Excel dùng một thực thể XML ('&…;') không được định nghĩa: " + FAULT,
    "the Excel file uses an XML entity ('&…;') that is not defined: " + FAULT_EN,
)
NOT_ZIP = (
    "tệp không phải một gói nén (zip) nguyên vẹn như mọi tệp .xlsx, .xlsm, .ods: " + CUT,
    "the file is not a whole zip package, as every .xlsx, .xlsm or .ods file is: " + CUT_EN,
)
NO_MIMETYPE = (
    "thiếu phần 'mimetype' của tệp .ods: tệp hỏng hoặc không do LibreOffice lưu",
    "the part 'mimetype' is missing from the .ods file: the file is damaged or not saved by "
    "LibreOffice",
)


def _three(folder: Path) -> Path:
    return write_roster(
        folder,
        "NaMon.xlsx",
        "Nà Mòn",
        102,
        [person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "poor")],
    )


def _cut_in_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _entity(path: Path) -> None:
    def change(data: bytes) -> bytes:
        assert b"<sst " in data
        return data.replace(b"<si><t>", b"<si><t>&lol9;", 1)

    rewrite(path, "xl/sharedStrings.xml", change)


def _not_ole(path: Path) -> None:
    """An .xls whose first eight bytes are no OLE header (an old BIFF4 record: 09 04 …)."""
    path.unlink()
    path.with_suffix(".xls").write_bytes(
        b"\x09\x04\x06\x00\x00\x00\x10\x00" + bytes(range(256)) * 4
    )


BUILT = [
    ("NaMon.xlsx", _cut_in_half, NOT_ZIP),
    ("NaMon.xlsx", _entity, ENTITY),
    ("NaMon.xls", _not_ole, NOT_OLE),
]


@pytest.mark.parametrize(("name", "change", "said"), BUILT, ids=["zip-cut", "entity", "not-ole"])
def test_a_damaged_list_is_said_in_words(tmp_path, name, change, said):
    """Nà Mòn's list (NM1, NM3 poor, NM2 near-poor) cut in half, with an undefined entity
    '&lol9;' in its shared strings, or an .xls without the OLE header. Before, the detail was
    the reader's English ("invalid Zip archive: Could not find EOCD", "at …: unrecognized
    entity `&lol9;`", "Cfb error: Invalid OLE"); now in words. Nà Mòn refused, Bản Cọ counted
    (2 poor, 1 near-poor)."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    change(_three(tmp_path))
    result, _ = collect(tmp_path, None, workers=0)
    told = [i for i in result.issues if i.file == name]
    assert [(i.code, str.__str__(i.detail), i.detail.en) for i in told] == [
        ("file-unreadable", *said)
    ]
    assert told[0].message().endswith(f"(Chi tiết kỹ thuật: {said[0]})")
    assert hamlet_figures(result, "Nà Mòn")["status"] == "rejected"
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)


# the technical aside of an .xlsb the reader cannot read, its zip whole (session 57)
XLSB_WHOLE = (
    "gói nén của tệp .xlsb nguyên vẹn nhưng trình đọc không đọc được nội dung",
    "the .xlsb file's zip package is whole but the reader cannot read its content",
)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("ExcelDataReader/TestFail_Binary.xls", NOT_OLE),  # "Cfb error: Invalid OLE"
        ("xlrd/biff4_no_format_no_window2.xls", NOT_OLE),
        ("ExcelDataReader/Test_git_issue_5.xls", OLE_DIRECTORY),  # "Sector 614 points past …"
        ("libxls/xls2csv_ole_read_MSAT_772.xls", OLE_DIRECTORY),
        (
            "poi/clusterfuzz-testcase-minimized-POIHSSFFuzzer-6137883240824832.xls",
            OLE_DIRECTORY,  # "Cfb error: Invalid minisector shift, …"
        ),
        ("PhpSpreadsheet/maccentraleurope.biff5.xls", CODEPAGE),
        ("poi/61300.xls", STOPS),  # "End of stream 'record length'"
        # "failed to fill whole buffer" of an .xlsb whose zip is whole: no damage (session 57)
        ("calamine/any_sheets.xlsb", XLSB_WHOLE),
        ("ExcelDataReader/Test_git_issue_467_empty_continue_leftoverbytes.xls", NO_DATA),
        ("ExcelDataReader/Test_Issue_12556_corrupt.xls", NO_DATA),  # "slice index starts at …"
        ("poi/54764.xlsx", ENTITY),
        ("poi/clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-5636439151607808.xlsx", NOT_ZIP),
        ("poi/clusterfuzz-testcase-minimized-POIXSSFFuzzer-4828727001088000.xlsx", NOT_ZIP),
        ("PhpSpreadsheet/nomimetype.ods", NO_MIMETYPE),
    ],
)
def test_the_foreign_files_english_is_said_in_words(name, said):
    """The corpus files R11's review left in the reader's English, read in place."""
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"{name} not in the corpus")
    _, issues, _ = inspect_file(path, name)
    assert [(i.code, str.__str__(i.detail), i.detail.en) for i in issues] == [
        ("file-unreadable", *said)
    ]


def test_a_hidden_folder_holding_a_list_is_said_skipped(tmp_path):
    """Bản Cọ's list in a folder '.thang5' (hidden on Linux and a Mac, as a sync tool names it)
    beside a picture '.thang5/anh.jpg' and Excel's lock file '~$BanCo.xlsx'. Before, the walk
    passed over the folder in silence: Bản Cọ "chưa nộp" with no word of its list. Now the
    folder is said skipped (a warning) naming the one list and the name to rename it to;
    `check` says the same. Bản Cọ is still not read; Nà Mòn counted, 1 poor of 102."""
    from pipeline.checkfiles import check_files

    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    folder = tmp_path / ".thang5"
    folder.mkdir()
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    (folder / "anh.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (folder / "~$BanCo.xlsx").write_bytes(b"x")
    result, _ = collect(tmp_path, None, workers=0)
    told = [i for i in result.issues if i.file == ".thang5"]
    assert [(i.code, i.variant, i.severity) for i in told] == [
        ("file-skipped", "hidden-folder", "warning")
    ]
    assert told[0].message() == (
        "Bỏ qua thư mục ẩn: tên thư mục bắt đầu bằng dấu chấm (thường do phần mềm đồng bộ hoặc "
        "máy Mac đặt) nên các tệp trong đó không được đọc, kể cả 'BanCo.xlsx'. Nếu đó là danh "
        "sách của xóm, hãy đổi tên thư mục bỏ dấu chấm ở đầu (thành 'thang5') rồi chạy lại."
    )
    assert told[0].message("en") == (
        "Skipped a hidden folder: its name starts with a dot (as a sync tool or a Mac names "
        "it), so the files in it are not read, 'BanCo.xlsx' included. If those are hamlets' "
        "lists, rename the folder without the leading dot (to 'thang5') and run again."
    )
    assert hamlet_figures(result, "Bản Cọ")["status"] == "missing"
    nam_mon = hamlet_figures(result, "Nà Mòn")
    assert (nam_mon["status"], nam_mon["poor"], nam_mon["households"]) == ("ok", 1, 102)
    checked = [i for i in check_files([tmp_path]) if i.file == ".thang5"]
    assert [i.message() for i in checked] == [told[0].message()]


@pytest.mark.parametrize(
    "folder",
    [".git", ".Trash-1000", ".Trashes", ".~tmp", ".anh"],  # '.anh': no spreadsheet in it
)
def test_a_hidden_folder_a_system_keeps_or_without_a_list_is_passed_over(tmp_path, folder):
    """A guard: a hidden folder a system or a tool keeps (with a list deleted into the
    rubbish bin) or one holding no spreadsheet is passed over without a word, as before."""
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    hidden = tmp_path / folder / "files"
    hidden.mkdir(parents=True)
    if folder == ".anh":
        (hidden / "anh.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    else:
        write_roster(hidden, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    result, _ = collect(tmp_path, None, workers=0)
    assert [i for i in result.issues if i.file.startswith(folder)] == []
    assert sorted(s.file for s in result.submissions) == ["KeHoach_2024.xlsx", "NaMon.xlsx"]


OWN_VI = (
    "Đây là tệp do giamngheo tạo ({what}), không phải danh sách của xóm; đã bỏ qua. Không cần "
    "để tệp kết quả trong thư mục đầu vào."
)
OWN_EN = (
    "This is a file made by giamngheo ({what}), not a hamlet's list; it was skipped. Output "
    "files need not be in the input folder."
)


def _run_once(tmp_path: Path) -> Path:
    """The plan and Nà Mòn's list (NM1 poor of 102) in 'input', run once into 'output'."""
    from pipeline.run import execute

    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    execute(folder, tmp_path / "output")
    assert (tmp_path / "output" / "lich-su.sqlite").is_file()
    return tmp_path / "output"


def test_our_own_files_met_in_the_input_are_said_as_ours(tmp_path):
    """A month's output folder given as the input (read as before): its manifest
    'nguon-sha256.txt' and its summary 'TongHop_2024-05.json', and a history store
    'lich-su.sqlite-journal' left beside the lists. Before, each was "Bỏ qua tệp không phải
    bảng tính (.txt). Nếu đây là danh sách hộ, hãy lưu lại dạng .xlsx." Now each is said as a
    file giamngheo made, as its TongHop/NiemYet workbooks are; `check` alike."""
    from pipeline.checkfiles import check_files

    month = _run_once(tmp_path) / "2024-05"
    (month / "lich-su.sqlite-journal").write_bytes(b"")
    result, _ = collect(month, None, workers=0)
    said = {
        "lich-su.sqlite-journal": ("kho lịch sử", "the history store"),
        "nguon-sha256.txt": (
            "bản kê các tệp nguồn của một kỳ",
            "a month's list of its input files",
        ),
        "TongHop_2024-05.json": ("bản tổng hợp dạng JSON", "the consolidated summary as JSON"),
    }
    told = sorted((i for i in result.issues if i.file in said), key=lambda i: i.file)
    assert [(i.file, i.code, i.variant) for i in told] == [
        (name, "file-skipped", "own-file") for name in sorted(said)
    ]
    for issue in told:
        vi, en = said[issue.file]
        assert (issue.message(), issue.message("en")) == (
            OWN_VI.format(what=vi),
            OWN_EN.format(what=en),
        )
    checked = sorted((i for i in check_files([month]) if i.file in said), key=lambda i: i.file)
    assert [i.message() for i in checked] == [i.message() for i in told]


def test_check_of_the_output_folder_says_its_history_store_as_ours(tmp_path):
    """`check output`: after the line saying it is an output folder (as a run stops on it),
    its 'lich-su.sqlite' was "Bỏ qua tệp không phải bảng tính (.sqlite). Nếu đây là danh sách
    hộ, hãy lưu lại dạng .xlsx."; now it is said as the history store giamngheo made."""
    from pipeline.checkfiles import check_files

    output = _run_once(tmp_path)
    issues = check_files([output])
    assert [(i.file, i.code, i.variant, i.message()) for i in issues] == [
        ("lich-su.sqlite", "file-skipped", "own-file", OWN_VI.format(what="kho lịch sử"))
    ]
