"""What fuzzing `giamngheo check` and the plan found (docs/decisions.md, session 11).

`check` read every file in its own process, without the bounds `run` reads with: a damaged zip
stopped it for every file, a reader's panic text reached the screen. An error value in the
plan's 'Thông tin chung' was said to be a blank cell. xlrd printed its remarks on stdout.
"""

from __future__ import annotations

import os
import resource
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.run import FatalError, collect
from tests.commune import TARGET_LINES, clean_rosters, past_targets, write_plan
from tests.test_session41_check_note import UNREAD_VI, said_for

ROOT = Path(__file__).resolve().parents[1]
# The shared corpus of other projects' spreadsheets (tests/test_foreign.py), used in place.
CORPUS = next(
    (
        path
        for path in (
            ROOT.parent / "shared" / "corpus" / "foreign",
            Path("/work/shared/corpus/foreign"),
        )
        if path.is_dir()
    ),
    None,
)
needs_corpus = pytest.mark.skipif(CORPUS is None, reason="shared corpus not present")
UNREADABLE = (
    "Không đọc được tệp. Tệp bị hỏng hoặc chưa chép hết (tải về, gửi qua Zalo hay chép USB bị "
    "ngắt giữa chừng). Hãy nhờ trưởng xóm mở tệp gốc bằng Excel, chọn Lưu thành (Save As) kiểu "
    "Sổ làm việc Excel (.xlsx) rồi gửi lại tệp vừa lưu. (Chi tiết kỹ thuật: {detail})"
)


# a part of the package that cannot be unpacked, said in words (opening._READER_SENTENCES)
DAMAGED_PART = (
    "một phần nén bên trong tệp (gói zip) không giải nén được: tệp hỏng hoặc chưa chép hết"
)


def _bounded() -> None:
    """The test's own bound, whatever the code under test does: 4 GB of address space."""
    resource.setrlimit(resource.RLIMIT_AS, (4_000_000_000, 4_000_000_000))


def check_with_own_output(
    *args: str | Path, env: dict | None = None
) -> subprocess.CompletedProcess:
    """`check` with an empty output folder of its own: the repository's output/ (a developer's
    `make`) holds a history whose kept plan `check` would name (session 44)."""
    with tempfile.TemporaryDirectory() as out:
        return subprocess.run([sys.executable, "-m", "pipeline", "check", *map(str, args),
                               "--output", out],
                              cwd=ROOT, capture_output=True, text=True, timeout=300,
                              preexec_fn=_bounded, env={**os.environ, **(env or {})})  # fmt: skip


def damage_deflate(path: Path, part: str) -> None:
    """Flip 20 bytes inside ``part``'s deflate stream, as a broken copy does: zlib then fails
    on it (not the zip's directory, which stays whole)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as package:
        info = package.getinfo(part)
    name, extra = struct.unpack("<HH", data[info.header_offset + 26 : info.header_offset + 30])
    start = info.header_offset + 30 + name + extra
    assert info.compress_size > 80
    for index in range(start + 40, start + 60):
        data[index] ^= 0xFF
    path.write_bytes(bytes(data))


# --- 1. `check` reads as `run` does: bounded, guarded, quiet --------------------------------


def test_a_damaged_zip_is_one_line_and_the_other_files_are_still_checked(tmp_path):
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    damage_deflate(tmp_path / "BanCo.xlsx", "xl/worksheets/sheet2.xml")
    done = check_with_own_output(tmp_path)
    assert (done.returncode, done.stderr) == (1, "")
    # the reader's words: the byte scan before it falls back on a stream zlib cannot inflate
    # (session 40; it let zlib's "error: Error -3 while decompressing data" through), its
    # "I/O error: corrupt deflate stream" said in words (session 57, H3)
    detail = DAMAGED_PART
    assert done.stdout.splitlines() == [
        f"[LỖI] BanCo.xlsx (file-unreadable): {UNREADABLE.format(detail=detail)}",
        *TARGET_LINES,
        # the whole folder checked: Đồng Kè sent nothing (session 57); Bản Cọ's damaged file
        # is its own
        "Chưa nộp (kỳ 05/2024): Đồng Kè",
        "3 tệp, 1 lỗi, 2 cảnh báo.",
    ]
    # in process too: the other files are checked as before
    [issue] = past_targets(check_files([tmp_path]))
    assert (issue.file, issue.code) == ("BanCo.xlsx", "file-unreadable")


@needs_corpus
def test_a_reader_panic_is_one_line_and_nothing_reaches_stderr(tmp_path):
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    files = [
        CORPUS / "ExcelDataReader" / "Test_git_issue682.xlsb",
        CORPUS / "poi" / "Simple.xlsb",
        CORPUS / "PhpSpreadsheet" / "issue.2362.xlsx",  # openpyxl warns of its styles
    ]
    done = check_with_own_output(*files, tmp_path / "NaMon.xlsx", env={"RUST_BACKTRACE": "1"})
    assert done.stderr == ""
    # the reader's "no entry found for key" of two .xlsb whose zips are whole (POI's own
    # Simple.xlsb): no damage, the format this program cannot read (session 57; before,
    # "Tệp bị hỏng hoặc chưa chép hết", the reader's words said as session 50 said them)
    panic = (
        "Không đọc được tệp. Định dạng .xlsb chưa đọc được: lưu lại thành .xlsx. Hãy nhờ trưởng xóm mở tệp gốc "
        "bằng Excel, chọn Lưu thành (Save As) kiểu Sổ làm việc Excel (.xlsx) rồi gửi lại tệp "
        "vừa lưu. (Chi tiết kỹ thuật: gói nén của tệp .xlsb nguyên vẹn nhưng trình đọc không "
        "đọc được nội dung)"
    )
    # the files in alphabetical order, capitals or not (session 48; before: capitals first)
    assert done.stdout.splitlines() == [
        "[Cảnh báo] issue.2362.xlsx (not-a-roster): Tệp không phải danh sách hộ hay kế hoạch "
        "(không có trang 'Thông tin' và không tìm thấy dòng tiêu đề cột 'Mã hộ', 'Họ và tên chủ "
        "hộ'...). Đã bỏ qua.",
        f"[LỖI] Simple.xlsb (file-unreadable): {panic}",
        f"[LỖI] Test_git_issue682.xlsb (file-unreadable): {panic}",
        # NaMon.xlsx, no plan read: perhaps the file not read (session 41); the example plan in
        # the folder holding the files given (session 59, D), the first one's where that is
        # the drive's root (the corpus and tmp_path: session 59, R2)
        said_for(UNREAD_VI, files[0].parent),
        "4 tệp, 2 lỗi, 1 cảnh báo.",
    ]


@needs_corpus
def test_a_file_that_would_take_gigabytes_is_stopped_by_the_workers_bound(tmp_path):
    """Read in a worker limited to 3 GiB of address space (and this test's process to 4 GB,
    whatever the code does): the reader is stopped, that file said, the roster checked."""
    clean_rosters(tmp_path)
    files = [CORPUS / "ExcelDataReader" / "Test_git_issue_382_oom.xls"]
    done = check_with_own_output(*files, tmp_path / "NaMon.xlsx")
    assert (done.returncode, done.stderr) == (1, "")
    stopped = UNREADABLE.format(detail="chương trình đọc bị dừng khi mở tệp")
    assert done.stdout.splitlines() == [
        f"[LỖI] Test_git_issue_382_oom.xls (file-unreadable): {stopped}",
        # NaMon.xlsx, no plan read: perhaps the file not read (session 41); the example plan in
        # the folder holding the files given (session 59, D), the first one's where that is
        # the drive's root (the corpus and tmp_path: session 59, R2)
        said_for(UNREAD_VI, files[0].parent),
        "2 tệp, 1 lỗi, 0 cảnh báo.",
    ]


# --- 2. an error value in 'Thông tin chung' is said as the error it shows --------------------


def plan_with(folder: Path, cells: dict[str, str]) -> None:
    """The commune's plan with cells of 'Thông tin chung' holding error values (openpyxl
    writes '#REF!' as an error cell), and its rosters."""
    path = write_plan(folder)
    book = openpyxl.load_workbook(path)
    for ref, value in cells.items():
        book["Thông tin chung"][ref] = value
        assert book["Thông tin chung"][ref].data_type == "e"
    book.save(path)
    clean_rosters(folder)


@pytest.mark.parametrize(
    "cells, vi, en",
    [
        (
            {"B8": "#REF!"},
            "KeHoach_2024.xlsx: 'Chỉ tiêu giảm tỷ lệ hộ cận nghèo (điểm %)' (ô B8) trong trang "
            "'Thông tin chung' hiện lỗi '#REF!' (công thức hỏng hoặc tham chiếu ô đã xóa); hãy "
            "ghi chỉ tiêu vào ô đó (ghi 0 nếu không giao).",
            "KeHoach_2024.xlsx: 'Chỉ tiêu giảm tỷ lệ hộ cận nghèo (điểm %)' (cell B8) of sheet "
            "'Thông tin chung' shows the error '#REF!' (a broken formula, or a reference to a "
            "deleted cell); write the target in that cell (0 if none was set).",
        ),
        (
            {"B7": "#N/A"},
            "KeHoach_2024.xlsx: 'Chỉ tiêu giảm tỷ lệ hộ nghèo (điểm %)' (ô B7) trong trang "
            "'Thông tin chung' hiện lỗi '#N/A' (công thức hỏng hoặc tham chiếu ô đã xóa); hãy "
            "ghi chỉ tiêu vào ô đó (ghi 0 nếu không giao).",
            "KeHoach_2024.xlsx: 'Chỉ tiêu giảm tỷ lệ hộ nghèo (điểm %)' (cell B7) of sheet "
            "'Thông tin chung' shows the error '#N/A' (a broken formula, or a reference to a "
            "deleted cell); write the target in that cell (0 if none was set).",
        ),
        (
            {"B4": "#VALUE!"},
            "KeHoach_2024.xlsx: 'Năm kế hoạch' (ô B4) trong trang 'Thông tin chung' hiện lỗi "
            "'#VALUE!' (công thức hỏng hoặc tham chiếu ô đã xóa); hãy ghi năm của kế hoạch này "
            "(các kỳ năm 2024 cần kế hoạch năm 2024).",
            "KeHoach_2024.xlsx: 'Năm kế hoạch' (plan year) (cell B4) of sheet 'Thông tin chung' "
            "shows the error '#VALUE!' (a broken formula, or a reference to a deleted cell); "
            "write this plan's year (the periods of 2024 need the plan of 2024).",
        ),
        (
            {"B3": "#NAME?"},
            "KeHoach_2024.xlsx: ô 'Xã' (B3) trong trang 'Thông tin chung' hiện lỗi '#NAME?' "
            "(công thức hỏng hoặc tham chiếu ô đã xóa); hãy ghi tên xã.",
            "KeHoach_2024.xlsx: the 'Xã' (commune) cell (B3) of sheet 'Thông tin chung' shows "
            "the error '#NAME?' (a broken formula, or a reference to a deleted cell); write the "
            "commune's name.",
        ),
    ],
)
def test_an_error_value_on_the_info_sheet_is_said_as_that_error(tmp_path, cells, vi, en):
    plan_with(tmp_path, cells)
    with pytest.raises(FatalError) as stopped:
        collect(tmp_path, None)
    assert (str(stopped.value), stopped.value.args[0].en) == (vi, en)


def test_check_says_the_error_of_the_target_cell(tmp_path):
    plan_with(tmp_path, {"B8": "#REF!"})
    [issue] = check_files([tmp_path / "KeHoach_2024.xlsx"])
    assert (issue.code, issue.message("vi")) == (
        "plan-invalid",
        "Kế hoạch không hợp lệ: 'Chỉ tiêu giảm tỷ lệ hộ cận nghèo (điểm %)' (ô B8) trong trang "
        "'Thông tin chung' hiện lỗi '#REF!' (công thức hỏng hoặc tham chiếu ô đã xóa); hãy ghi "
        "chỉ tiêu vào ô đó (ghi 0 nếu không giao).",
    )


def test_an_error_value_in_the_area_or_standard_is_said_with_the_default_used(tmp_path):
    """'#REF!' in Khu vực (B5), '#N/A' in Chuẩn nghèo (B6): the plan is used, rural and the
    2024 plan year's standard 2022-2025 in their place (as for blank cells), each said at its
    cell with the error it shows. Blank cells are still not said."""
    plan_with(tmp_path, {"B5": "#REF!", "B6": "#N/A"})
    result, _ = collect(tmp_path, None)
    assert (result.summary["area"], result.summary["standard"]) == ("rural", "2022-2025")
    said = [i for i in result.issues if i.code == "plan-value-guessed"]
    assert [(i.sheet, i.cell, i.value, i.severity) for i in said] == [
        ("Thông tin chung", "B5", "#REF!", "warning"),
        ("Thông tin chung", "B6", "#N/A", "warning"),
    ]
    assert [i.message() for i in said] == [
        "Kế hoạch: ô 'Khu vực' hiện lỗi '#REF!' (công thức hỏng hoặc tham chiếu ô đã xóa); dùng "
        "nông thôn. Hãy ghi 'Nông thôn' hoặc 'Thành thị'.",
        "Kế hoạch: ô 'Chuẩn nghèo' hiện lỗi '#N/A' (công thức hỏng hoặc tham chiếu ô đã xóa); "
        "dùng chuẩn của năm 2024: 2022-2025. Hãy ghi chuẩn nghèo, ví dụ 2022-2025.",
    ]
    assert [i.message("en") for i in said] == [
        "The plan: the 'Khu vực' (area) cell shows the error '#REF!' (a broken formula, or a "
        "reference to a deleted cell); rural is used. Write 'Nông thôn' or 'Thành thị'.",
        "The plan: the 'Chuẩn nghèo' (poverty standard) cell shows the error '#N/A' (a broken "
        "formula, or a reference to a deleted cell); the standard of 2024 is used: 2022-2025. "
        "Write the standard, such as 2022-2025.",
    ]
    blank = tmp_path / "blank"
    blank.mkdir()
    path = write_plan(blank)
    book = openpyxl.load_workbook(path)
    book["Thông tin chung"]["B5"] = book["Thông tin chung"]["B6"] = None
    book.save(path)
    clean_rosters(blank)
    result, _ = collect(blank, None)
    assert (result.summary["area"], result.summary["standard"]) == ("rural", "2022-2025")
    assert not [i for i in result.issues if i.code == "plan-value-guessed"]


def test_an_error_value_in_a_printed_text_of_the_plan_is_said_at_its_cell(tmp_path):
    """'#REF!' in Tỉnh (B2), '#N/A' in Cơ quan nhận báo cáo (B9), '#VALUE!' in Người lập báo
    cáo (B10), '#NAME?' in Chủ tịch UBND xã (B11): texts the report only prints, so the plan
    is used (May 2024 consolidated: Nà Mòn 3 poor, Bản Cọ 2), each said at its cell with the
    error it shows and what the report leaves out, a warning, by a run and by `check` alike.
    They were read as blank, silently."""
    plan_with(tmp_path, {"B2": "#REF!", "B9": "#N/A", "B10": "#VALUE!", "B11": "#NAME?"})
    result, _ = collect(tmp_path, None)
    assert result.summary["totals"]["poor"] == 5
    assert result.plan.recipient == result.plan.reporter == result.plan.chairman == ""
    said = sorted((i for i in result.issues if i.code == "plan-value-guessed"),
                  key=lambda i: int(i.cell[1:]))  # fmt: skip
    assert [(i.sheet, i.cell, i.column, i.value, i.severity) for i in said] == [
        ("Thông tin chung", "B2", "Tỉnh", "#REF!", "warning"),
        ("Thông tin chung", "B9", "Cơ quan nhận báo cáo", "#N/A", "warning"),
        ("Thông tin chung", "B10", "Người lập báo cáo", "#VALUE!", "warning"),
        ("Thông tin chung", "B11", "Chủ tịch UBND xã", "#NAME?", "warning"),
    ]
    shows = "(công thức hỏng hoặc tham chiếu ô đã xóa)"
    assert [i.message() for i in said] == [
        f"Kế hoạch: ô 'Tỉnh' hiện lỗi '#REF!' {shows}; coi như để trống. Hãy ghi tên tỉnh.",
        f"Kế hoạch: ô 'Cơ quan nhận báo cáo' hiện lỗi '#N/A' {shows}; báo cáo không ghi nơi "
        "nhận. Hãy ghi tên cơ quan nhận báo cáo.",
        f"Kế hoạch: ô 'Người lập báo cáo' hiện lỗi '#VALUE!' {shows}; chỗ ký của người lập báo "
        "cáo không có họ tên. Hãy ghi họ tên người lập báo cáo.",
        f"Kế hoạch: ô 'Chủ tịch UBND xã' hiện lỗi '#NAME?' {shows}; chỗ ký của Chủ tịch UBND xã "
        "không có họ tên. Hãy ghi họ tên Chủ tịch UBND xã.",
    ]
    assert said[2].message("en") == (
        "The plan: the 'Người lập báo cáo' (preparer) cell shows the error '#VALUE!' (a broken "
        "formula, or a reference to a deleted cell); the preparer's signature block has no "
        "name. Write the preparer's full name."
    )
    checked = [
        (i.code, i.cell, i.value)
        for i in past_targets(check_files([tmp_path / "KeHoach_2024.xlsx"]))
    ]
    assert sorted(checked) == sorted(("plan-value-guessed", i.cell, i.value) for i in said)


# --- 3. xlrd's remarks never reach the screen -------------------------------------------------


@needs_corpus
@pytest.mark.parametrize("no_fork", [False, True])
def test_xlrd_remarks_on_a_damaged_xls_stay_off_stdout(tmp_path, no_fork):
    """xlrd printed 'WARNING *** file size (…) not 512 + multiple of sector size (512)' and
    '_locate_stream(Workbook): seen …' on stdout, read in a worker or in this process alike."""
    folder = tmp_path / "input"
    folder.mkdir()
    damaged = CORPUS / "sheetjs-test_files" / "phpexcel_bad_cfb_dir.xls"
    (folder / damaged.name).symlink_to(damaged)
    env = {"GIAMNGHEO_NO_FORK": "1"} if no_fork else {}
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", "--input", str(folder),
                           "--output", str(tmp_path / "out"), "--quiet"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300,
                          preexec_fn=_bounded, env={**os.environ, **env})  # fmt: skip
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "LỖI: Không tìm thấy tệp kế hoạch "
        "trong thư mục đầu vào. Hãy chép tệp kế hoạch của xã (KeHoach_YYYY.xlsx, điền theo mẫu "
        "MauKeHoach.xlsx) vào thư mục đầu vào rồi chạy lại.\n"
    )
    checked = check_with_own_output(folder / damaged.name, env=env)
    assert (checked.returncode, checked.stderr) == (0, "")
    assert checked.stdout.splitlines() == [
        "[Cảnh báo] phpexcel_bad_cfb_dir.xls (not-a-roster): Tệp không phải danh sách hộ hay "
        "kế hoạch (không có trang 'Thông tin' và không tìm thấy dòng tiêu đề cột 'Mã hộ', 'Họ "
        "và tên chủ hộ'...). Đã bỏ qua.",
        "1 tệp, 0 lỗi, 1 cảnh báo.",
    ]


def test_a_link_to_nothing_in_the_input_folder_is_the_computers_problem(tmp_path):
    """A shortcut in input/ to a file since deleted, and a link loop: each is 'file-unopened',
    whose advice is for the officer's computer, not the hamlet head's 'Save As' (the fuzzing
    pass's p04); the hamlets' files are still consolidated."""
    from pipeline.run import collect
    from tests.commune import clean_rosters, write_plan

    write_plan(tmp_path)
    clean_rosters(tmp_path)
    (tmp_path / "DS_DongKe_2024-05.xlsx").symlink_to(tmp_path / "gone" / "DS_DongKe.xlsx")
    (tmp_path / "loop.xlsx").symlink_to(tmp_path / "loop.xlsx")
    result, _ = collect(tmp_path, None, workers=0)
    said = sorted((i.file, i.code) for i in result.issues if i.code.startswith("file-"))
    assert said == [("DS_DongKe_2024-05.xlsx", "file-unopened"), ("loop.xlsx", "file-unopened")]
    issue = next(i for i in result.issues if i.file == "loop.xlsx")
    assert issue.message() == (
        "Không mở được tệp trên máy này (Chi tiết kỹ thuật: Too many levels of symbolic links). "
        "Lỗi ở máy tính, không phải ở tệp của xóm: hãy đóng chương trình đang mở tệp, kiểm tra "
        "quyền đọc tệp, hoặc nếu đây là lối tắt (shortcut, liên kết) tới tệp đã bị xóa hay chuyển "
        "đi thì chép lại chính tệp đó vào thư mục đầu vào, rồi chạy lại."
    )
    assert [h["status"] for h in result.summary["hamlets"]][:2] == ["ok", "ok"]


def wrong_crc(path: Path, part: str) -> None:
    """Change the CRC the zip's directory gives ``part``, its stream left whole: zipfile inflates
    the part, then refuses it ('Bad CRC-32'), as after a copy that changed a byte."""
    data = bytearray(path.read_bytes())
    name = part.encode()
    start = data.find(b"PK\x01\x02")  # the central directory's first entry
    while data[start + 46 : start + 46 + len(name)] != name:
        start = data.find(b"PK\x01\x02", start + 4)
        assert start > 0, part
    data[start + 16] ^= 0xFF  # the first byte of the entry's CRC-32
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "damage, error, detail",
    [
        # zlib's "Error -3 while decompressing data" and zipfile's "Bad CRC-32 for file …" said
        # in words, the part named (session 57, H3)
        (damage_deflate, "zlib.error", f"docProps/core.xml: {DAMAGED_PART}"),
        (wrong_crc, "BadZipFile", f"docProps/core.xml: {DAMAGED_PART}"),
    ],
)
def test_a_public_list_whose_title_cannot_be_read_is_refused_not_read_as_a_list(
    tmp_path, damage, error, detail
):
    """Last month's public list dropped into input/ is told by the title a run gives it, in
    'docProps/core.xml'. That part damaged: a deflate stream zlib cannot inflate made the whole
    file 'unreadable' by chance (zlib.error was not among the errors caught there), a CRC that
    differs had it read as Nà Mòn's list, which it then stood in for (the hamlet refused). Both
    are now refused as the damaged file they are, the hamlets' figures those of their lists."""
    import shutil

    from pipeline.run import collect, execute

    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    first = execute(folder, tmp_path / "out", None)[0].summary
    copy = folder / "NiemYet_2024-05.xlsx"
    shutil.copy(tmp_path / "out" / "2024-05" / copy.name, copy)
    damage(copy, "docProps/core.xml")
    with zipfile.ZipFile(copy) as package, pytest.raises(Exception) as raised:
        package.read("docProps/core.xml")
    assert f"{type(raised.value).__module__}.{type(raised.value).__name__}".endswith(error)
    again, _ = collect(folder, None, workers=0)
    assert again.summary["totals"] == first["totals"]
    assert [h["status"] for h in again.summary["hamlets"]] == ["ok", "ok", "missing"]
    [issue] = [i for i in again.issues if i.file == copy.name]
    assert issue.code == "file-unreadable" and issue.detail.startswith(detail), issue.detail
