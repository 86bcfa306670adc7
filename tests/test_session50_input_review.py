"""Session 50 (helper R11): review of what lands in input/ (the QA of input/ and its messages).

* the readers' English sentences for a damaged package ("Relationship not found", "Range is
  missing the expected row component.", "no entry found for key", the .ods "Expecting
  'table-cell', …", "Cell string index not found in shared strings table", "syntax error: tag
  not closed … before end of input") and the bare element 'c' of a sheet cut inside a cell are said in words;
* a sheet cut in the middle of a row refuses the list: no household of it is counted.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.discover import inspect_file
from pipeline.run import collect
from tests.commune import clean_rosters, person, write_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_foreign import CORPUS
from tests.test_session50_input_messages import FAULT, rewrite

CUT = "tệp hỏng hoặc chưa chép hết"
SHEET = "xl/worksheets/sheet2.xml"  # 'Danh sách' as tests.commune writes it
RELATION = (
    "một phần của tệp Excel trỏ tới một phần khác không có trong tệp: " + FAULT,
    "a part of the Excel file refers to another part the file does not hold: the file is "
    "damaged or not saved by Excel",
)
NO_ROW = (
    "tệp Excel ghi địa chỉ một ô hay một vùng ô không có số dòng đúng (như 'A0'): " + FAULT,
    "the Excel file writes the address of a cell or range without a proper row (as 'A0'): "
    "the file is damaged or not saved by Excel",
)
ODS = (
    "trang tính của tệp .ods có chữ hoặc khoảng trắng ở chỗ phải là một ô: tệp hỏng hoặc do "
    "một chương trình khác LibreOffice lưu",
    "a sheet of the .ods file holds text or spaces where a cell is due: the file is damaged "
    "or saved by a program other than LibreOffice",
)


def _cut_after(marker: bytes, more: int = 0):
    def change(data: bytes) -> bytes:
        assert marker in data
        return data[: data.index(marker) + len(marker) + more]

    return change


def _drop_sheet_relation(data: bytes) -> bytes:
    kept = re.sub(rb'<Relationship [^>]*Target="worksheets/sheet2\.xml"/>', b"", data)
    assert kept != data
    return kept


def _row_zero(data: bytes) -> bytes:
    assert b'r="A5"' in data
    return data.replace(b'r="A5"', b'r="A0"', 1)


BROKEN = [
    ("xl/_rels/workbook.xml.rels", _drop_sheet_relation, *RELATION),
    (SHEET, _row_zero, *NO_ROW),
    (
        "xl/sharedStrings.xml",
        lambda data: None,
        "ô chữ của tệp Excel trỏ tới bảng chữ dùng chung ('xl/sharedStrings.xml') mà tệp không "
        "có hoặc thiếu mục: " + FAULT,
        "a text cell of the Excel file refers to the shared strings ('xl/sharedStrings.xml') "
        "the file lacks or holds too few of: the file is damaged or not saved by Excel",
    ),
    (  # cut inside the tag '<c r="A7">': row 7, the third household, not read to its end
        SHEET,
        _cut_after(b'<c r="A7"', -3),
        "một phần của tệp Excel dừng giữa một thẻ (tệp bị cắt ngắn): " + CUT,
        "a part of the Excel file stops inside a tag (the file is cut short): the file is "
        "damaged or not copied whole",
    ),
    (  # cut inside the cell D7 of row 7
        SHEET,
        _cut_after(b'<c r="D7"', 1),
        "phần 'xl/worksheets/sheet….xml' của tệp Excel không đọc được đến hết (dừng trong thẻ "
        "<c>): " + FAULT,
        "the part 'xl/worksheets/sheet….xml' of the Excel file cannot be read to its end (it "
        "stops inside <c>): the file is damaged or not saved by Excel",
    ),
]


def _three(folder: Path) -> Path:
    return write_roster(
        folder,
        "NaMon.xlsx",
        "Nà Mòn",
        102,
        [person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "poor")],
    )


@pytest.mark.parametrize(
    ("part", "change", "vi", "en"),
    BROKEN,
    ids=["relation-missing", "row-zero", "strings-missing", "cut-in-tag", "cut-in-cell"],
)
def test_a_package_that_does_not_hold_together_is_said_in_words(tmp_path, part, change, vi, en):
    """Nà Mòn's list (NM1, NM3 poor, NM2 near-poor in rows 5–7) with its 'Danh sách' sheet's
    relationship dropped, its A5 addressed 'A0', its shared strings dropped, or its sheet cut
    in the middle of row 7. Before, the detail was the reader's English ("Relationship not
    found", "Range is missing the expected row component.", "Cell string index not found in
    shared strings table", "syntax error: attribute value not closed: …") or the bare part 'c'. Now in
    words; Nà Mòn is refused whole (rows 5 and 6 read before the cut are not counted: no
    partial list), Bản Cọ counted (2 poor, 1 near-poor)."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    rewrite(_three(tmp_path), part, change)
    result, _ = collect(tmp_path, None, workers=0)
    told = [i for i in result.issues if i.file == "NaMon.xlsx"]
    assert [(i.code, str.__str__(i.detail)) for i in told] == [("file-unreadable", vi)]
    assert told[0].detail.en == en
    assert told[0].message().endswith(f"(Chi tiết kỹ thuật: {vi})")
    nam_mon = hamlet_figures(result, "Nà Mòn")
    assert nam_mon["status"] == "rejected"
    assert hamlet_figures(result, "Bản Cọ")["status"] == "ok"
    assert (
        hamlet_figures(result, "Bản Cọ")["poor"],
        hamlet_figures(result, "Bản Cọ")["near_poor"],
    ) == (2, 1)


def test_a_package_without_its_styles_is_read(tmp_path):
    """A guard: an .xlsx without 'xl/styles.xml' (no format of any cell) is read whole: Nà Mòn
    2 poor, 1 near-poor, nothing said of the file (its households' own words apart)."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    rewrite(_three(tmp_path), "xl/styles.xml", lambda data: None)
    result, _ = collect(tmp_path, None, workers=0)
    assert not [i for i in result.issues if i.file == "NaMon.xlsx" and i.code.startswith("file-")]
    nam_mon = hamlet_figures(result, "Nà Mòn")
    assert (nam_mon["status"], nam_mon["poor"], nam_mon["near_poor"]) == ("ok", 2, 1)


# the technical aside of an .xlsb the reader cannot read, its zip whole (session 57)
XLSB_WHOLE = (
    "gói nén của tệp .xlsb nguyên vẹn nhưng trình đọc không đọc được nội dung",
    "the .xlsb file's zip package is whole but the reader cannot read its content",
)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("ExcelDataReader/Test_git_issue_68_NullSheetPath.xlsm", RELATION),
        ("poi/60825.xlsx", RELATION),
        # "no entry found for key" of an .xlsb whose zip is whole: no damage said (session 57)
        ("ExcelDataReader/Test_git_issue682.xlsb", XLSB_WHOLE),
        ("poi/Simple.xlsb", XLSB_WHOLE),
        ("PhpSpreadsheet/issue.2501.b.xlsx", NO_ROW),
        ("poi/poc-shared-strings.xlsx", NO_ROW),
        ("PhpSpreadsheet/issue.804.ods", ODS),
        ("PhpSpreadsheet/issue.4435b.ods", ODS),
        ("PhpSpreadsheet/RepeatedDataCells.ods", ODS),
    ],
)
def test_the_foreign_files_english_is_said_in_words(name, said):
    """The corpus files the QA of input/ found said in the reader's English, read in place."""
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"{name} not in the corpus")
    _, issues, _ = inspect_file(path, name)
    assert [(i.code, str.__str__(i.detail), i.detail.en) for i in issues] == [
        ("file-unreadable", *said)
    ]


OUTPUT_ROOT_VI = (
    "Thư mục đầu vào '{folder}' là thư mục kết quả của giamngheo ({held}), không phải thư mục "
    "chứa danh sách của các xóm: bảng tổng hợp và bản sao tệp nguồn trong đó không được đọc "
    "lại. Hãy chọn thư mục chứa tệp kế hoạch và danh sách của các xóm (mặc định: input) rồi "
    "chạy lại."
)


def _run_once(tmp_path: Path) -> Path:
    """The plan and Nà Mòn's list (NM1 poor of 102) in 'input', run once into 'output'."""
    from pipeline.run import execute

    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    execute(folder, tmp_path / "output")
    assert (tmp_path / "output" / "2024-05" / "nguon" / "NaMon.xlsx").is_file()
    return tmp_path / "output"


def test_the_output_folder_given_as_the_input_is_said_so(tmp_path):
    """`run --input output --output o2`: its month's folder (the manifest in it) is passed
    over, so before the run stopped on "Không tìm thấy tệp kế hoạch … Hãy chép tệp kế hoạch
    của xã … vào thư mục đầu vào": the plan is in 'input', whose folder the officer mistook.
    Now the run stops saying the folder given is an output folder (its history store named),
    in both languages; `check output` says the same line."""
    from pipeline.run import FatalError
    from tests.test_fuzz_fixes import check_with_own_output

    output = _run_once(tmp_path)
    with pytest.raises(FatalError) as stop:
        collect(output, None, workers=0)
    said = stop.value.args[0]
    expected = OUTPUT_ROOT_VI.format(folder=output, held="có kho lịch sử 'lich-su.sqlite'")
    assert str.__str__(said) == expected
    assert said.en == (
        f"The input folder '{output}' is an output folder of giamngheo (it holds the history "
        "store 'lich-su.sqlite'), not the folder of the hamlets' lists: the consolidated "
        "workbooks and the copies of the input files in it are not read again. Give the folder "
        "that holds the plan and the hamlets' lists (default: input), then run again."
    )
    done = check_with_own_output(output)
    # `check`'s words an error line of their own since session 59 (D): the run of the folder
    # stops (exit 1 beside the run's 2), and the folder to check instead
    assert done.stdout.splitlines()[0] == (
        f"[LỖI] (input-is-output): Thư mục '{output}' là thư mục kết quả của giamngheo (có kho "
        "lịch sử 'lich-su.sqlite'), không phải thư mục chứa danh sách của các xóm: bảng tổng hợp "
        "và bản sao tệp nguồn trong đó không được đọc lại, và khi tổng hợp thư mục này, chương "
        "trình sẽ dừng lại, không ghi bảng tổng hợp. Hãy kiểm tra thư mục chứa tệp kế hoạch và "
        "danh sách của các xóm (mặc định: input)."
    )
    assert done.returncode == 1


def test_an_output_folder_whose_store_is_renamed_is_known_by_a_runs_lock(tmp_path):
    """The same with the history store renamed and a run's lock left in it (a run stopped by
    a power cut): the lock names it an output folder."""
    from pipeline.run import FatalError
    from pipeline.types import LOCK_NAME

    output = _run_once(tmp_path)
    (output / "lich-su.sqlite").rename(output / "lich-su-hong.sqlite")
    (output / LOCK_NAME).write_text("12345\n")
    with pytest.raises(FatalError) as stop:
        collect(output, None, workers=0)
    assert str.__str__(stop.value.args[0]) == OUTPUT_ROOT_VI.format(
        folder=output, held="có tệp khóa '.giamngheo.lock' của một lần chạy ghi vào đó"
    )


def test_a_month_folder_of_outputs_given_as_the_input_is_read(tmp_path):
    """A guard: 'output/2024-05' given as the input (the manifest in it, no store) is no
    output root: its archived copies in 'nguon' are read, Nà Mòn 1 poor of 102."""
    output = _run_once(tmp_path)
    result, _ = collect(output / "2024-05", None, workers=0)
    nam_mon = hamlet_figures(result, "Nà Mòn")
    assert (nam_mon["status"], nam_mon["poor"], nam_mon["households"]) == ("ok", 1, 102)


def test_a_shortcut_to_the_plan_is_named_when_no_plan_is_found(tmp_path):
    """Nà Mòn's list and 'KeHoach_2024.xlsx - Shortcut.lnk' (Windows shows it as the plan with
    an arrow), no plan itself. Before, the stop said only to copy the plan into the input
    folder, where the officer sees it already. Now it names the shortcut and says to copy the
    plan itself, in both languages."""
    from pipeline.run import FatalError

    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    (tmp_path / "KeHoach_2024.xlsx - Shortcut.lnk").write_bytes(b"L\0\0\0" + bytes(72))
    with pytest.raises(FatalError) as stop:
        collect(tmp_path, None, workers=0)
    said = stop.value.args[0]
    assert str.__str__(said) == (
        "Không tìm thấy tệp kế hoạch trong "
        "thư mục đầu vào. Có 1 lối tắt (shortcut), có thể trỏ tới kế hoạch: 'KeHoach_2024.xlsx "
        "- Shortcut.lnk'. Tệp qua lối tắt không được đọc: hãy chép chính tệp kế hoạch (không "
        "phải lối tắt) vào thư mục đầu vào rồi chạy lại."
    )
    assert said.en == (
        "No plan file was found in the "
        "input folder. 1 shortcut(s), perhaps to the plan: 'KeHoach_2024.xlsx - Shortcut.lnk'. "
        "A file behind a shortcut is not read: copy the plan itself (not the shortcut) into "
        "the input folder, then run again."
    )


@pytest.mark.parametrize("mark", ["nguon-sha256.txt", ".giamngheo.lock"])
def test_a_list_in_a_folder_holding_an_output_mark_is_said_passed_over(tmp_path, mark):
    """Bản Cọ's list put in a sub-folder 'thang5' beside a file named as our runs name a
    month's manifest or a run's lock (a month's output folder the officer reused). Before, the
    folder was passed over in silence: Bản Cọ "chưa nộp" with no word of its list. Now the
    folder is said skipped (a warning), naming the list; `check` says the same. Bản Cọ is
    still not read (its list is in an output folder); Nà Mòn counted, 1 poor of 102."""
    from pipeline.checkfiles import check_files

    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    folder = tmp_path / "thang5"
    folder.mkdir()
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    (folder / mark).write_text("x\n")
    result, _ = collect(tmp_path, None, workers=0)
    told = [i for i in result.issues if i.file == "thang5"]
    assert [(i.code, i.variant, i.severity) for i in told] == [
        ("file-skipped", "output-folder", "warning")
    ]
    assert told[0].message() == (
        f"Bỏ qua thư mục kết quả của giamngheo (có tệp '{mark}'): các tệp trong đó không được "
        "đọc, kể cả 'BanCo.xlsx'. Nếu đó là danh sách mới của xóm, hãy chép chúng ra thư mục "
        "đầu vào (ngoài thư mục này) rồi chạy lại."
    )
    assert told[0].message("en") == (
        f"Skipped an output folder of giamngheo (it holds '{mark}'): the files in it are not "
        "read, 'BanCo.xlsx' included. If those are hamlets' new lists, copy them out into the "
        "input folder (outside this folder) and run again."
    )
    assert hamlet_figures(result, "Bản Cọ")["status"] == "missing"
    nam_mon = hamlet_figures(result, "Nà Mòn")
    assert (nam_mon["status"], nam_mon["poor"], nam_mon["households"]) == ("ok", 1, 102)
    checked = [i for i in check_files([tmp_path]) if i.file == "thang5"]
    assert [i.message() for i in checked] == [told[0].message()]


def test_a_month_output_folder_holding_only_its_workbooks_is_passed_over_in_silence(tmp_path):
    """A guard: a month's output folder copied into the input (its manifest, 'TongHop_…' and
    'NiemYet_…', its 'nguon' copies) is passed over without a word, as before."""
    output = _run_once(tmp_path)
    folder = tmp_path / "input"
    import shutil

    shutil.copytree(output / "2024-05", folder / "2024-05")
    result, _ = collect(folder, None, workers=0)
    assert [i for i in result.issues if i.file.startswith("2024-05")] == []
    assert sorted(s.file for s in result.submissions) == ["KeHoach_2024.xlsx", "NaMon.xlsx"]


def test_a_hidden_file_that_may_be_the_plan_is_named_when_no_plan_is_found(tmp_path):
    """The plan named '.KeHoach_2024.xlsx' (a sync tool's or a Mac's name) beside Nà Mòn's
    list. Before, the stop said only to copy the plan in: the hidden file's own warning is
    never shown, the run stopping first. Now the stop names it and says to rename it."""
    from pipeline.run import FatalError

    write_plan(tmp_path)
    (tmp_path / "KeHoach_2024.xlsx").rename(tmp_path / ".KeHoach_2024.xlsx")
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    with pytest.raises(FatalError) as stop:
        collect(tmp_path, None, workers=0)
    said = stop.value.args[0]
    assert str.__str__(said) == (
        "Không tìm thấy tệp kế hoạch trong "
        "thư mục đầu vào. Có 1 tệp ẩn (tên bắt đầu bằng dấu chấm) không được đọc, có thể là kế "
        "hoạch: '.KeHoach_2024.xlsx'. Nếu đúng, hãy đổi tên tệp bỏ dấu chấm ở đầu rồi chạy lại."
    )
    assert said.en == (
        "No plan file was found in the "
        "input folder. 1 hidden file(s) (named with a leading dot) not read, perhaps the plan: "
        "'.KeHoach_2024.xlsx'. If so, rename it without the leading dot, then run again."
    )
