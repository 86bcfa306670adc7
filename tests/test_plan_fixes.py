"""The plan's hamlet table and start-of-year list as officers write them (CONTRACT §3).

Every commune figure is summed over the plan's hamlets: a hamlet left out for one bad cell
changed the commune's start rate and reduction while the report said "complete". Such a plan
now stops the run (exit 2) with one line naming every bad cell; what is only odd is warned of.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.messages import in_language
from pipeline.plan import PlanError, load_plan
from pipeline.read import open_workbook
from tests.commune import HAMLETS, clean_rosters, past_targets, write_plan

ROOT = Path(__file__).resolve().parents[1]
TARGETS = "Chỉ tiêu theo xóm"
START = "Danh sách đầu năm"
SUFFIX = ". Hãy sửa tệp kế hoạch rồi chạy lại."


def edited(folder: Path, targets: dict | None = None, start: dict | None = None, edit=None) -> Path:
    """The commune's plan (Nà Mòn row 4, Bản Cọ 5, Đồng Kè 6, 'Tổng cộng' 7 of the targets;
    start list NM1-5 rows 4-8, BC1-3 rows 9-11, DK1-2 rows 12-13) with cells overwritten."""
    path = write_plan(folder)
    book = openpyxl.load_workbook(path)
    for ref, value in (targets or {}).items():
        book[TARGETS][ref] = value
    for ref, value in (start or {}).items():
        book[START][ref] = value
    if edit:
        edit(book)
    book.save(path)
    return path


def edited_info(folder: Path, cells: dict) -> Path:
    """The commune's plan with cells of 'Thông tin chung' overwritten (B7 and B8: the targets)."""
    path = write_plan(folder)
    book = openpyxl.load_workbook(path)
    for ref, value in cells.items():
        book["Thông tin chung"][ref] = value
    book.save(path)
    return path


def load(path: Path):
    return load_plan(open_workbook(path), path.name)


def start_edited(folder: Path, cells: dict, insert: int | None = None) -> tuple[int, list]:
    """The plan with ``cells`` written on its start list (a row inserted at ``insert`` first),
    loaded from a new ``folder``: how many start rows it read and what it said, the plan's own
    'plan-…' lines left out."""

    def edit(book):
        sheet = book[START]
        if insert:
            sheet.insert_rows(insert)
        for ref, value in cells.items():
            sheet[ref] = value

    folder.mkdir()
    plan, said = load(edited(folder, edit=edit))
    return len(plan.start_list), [i for i in said if not i.code.startswith("plan-")]


def told(said: list) -> list:
    """Each line said as (code, cell, variant, value, detail, hamlet)."""
    return [(i.code, i.cell, i.variant, i.value, i.detail, i.hamlet) for i in said]


def refusal(path: Path) -> PlanError:
    with pytest.raises(PlanError) as caught:
        load(path)
    return caught.value.args[0]


def run(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", "run", "--input", str(folder),
                           "--output", str(folder / "out"), "--quiet", *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)  # fmt: skip


def test_the_layout_this_file_assumes(tmp_path):
    book = openpyxl.load_workbook(write_plan(tmp_path))
    assert [book[TARGETS][f"A{r}"].value for r in range(3, 8)] == [
        "Xóm",
        "Nà Mòn",
        "Bản Cọ",
        "Đồng Kè",
        "Tổng cộng",
    ]
    assert [book[START][f"C{r}"].value for r in (4, 8, 9, 11, 12, 13)] == [
        "NM1",
        "NM5",
        "BC1",
        "BC3",
        "DK1",
        "DK2",
    ]
    assert book[START]["B3"].value == "Xóm"


# --- 1. a cell that cannot be read stops the run, naming every such cell --------------------


def test_every_bad_cell_of_the_hamlet_table_is_named_and_the_plan_refused(tmp_path):
    path = edited(tmp_path, {"E4": None, "F4": "-", "C5": "mười tám", "E6": 3.6, "B6": 0})
    reason = refusal(path)
    assert reason == (
        "KeHoach_2024.xlsx, trang 'Chỉ tiêu theo xóm': "
        "dòng 4 (Nà Mòn), cột E 'Chỉ tiêu giảm hộ nghèo (hộ)' đang trống; "
        "dòng 4 (Nà Mòn), cột F 'Chỉ tiêu giảm hộ cận nghèo (hộ)' ghi '-', không phải số; "
        "dòng 5 (Bản Cọ), cột C 'Số hộ nghèo đầu năm' ghi 'mười tám', không phải số; "
        "dòng 6 (Đồng Kè), cột B 'Tổng số hộ đầu năm' ghi 0: một xóm có ít nhất 1 hộ; "
        "dòng 6 (Đồng Kè), cột E 'Chỉ tiêu giảm hộ nghèo (hộ)' ghi 3,6, không phải số nguyên"
        + SUFFIX
    )
    assert reason.en == (
        "KeHoach_2024.xlsx, sheet 'Chỉ tiêu theo xóm': "
        "row 4 (Nà Mòn), column E 'Chỉ tiêu giảm hộ nghèo (hộ)' is empty; "
        "row 4 (Nà Mòn), column F 'Chỉ tiêu giảm hộ cận nghèo (hộ)' holds '-', not a number; "
        "row 5 (Bản Cọ), column C 'Số hộ nghèo đầu năm' holds 'mười tám', not a number; "
        "row 6 (Đồng Kè), column B 'Tổng số hộ đầu năm' holds 0: a hamlet has at least one "
        "household; "
        "row 6 (Đồng Kè), column E 'Chỉ tiêu giảm hộ nghèo (hộ)' holds 3,6, not a whole number. "
        "Correct the plan file and run again."
    )


def test_more_than_five_bad_cells_are_counted_after_the_first_five(tmp_path):
    cells = {f"{col}{row}": "?" for row in (4, 5, 6) for col in "BCDEF"}  # 15 cells
    reason = refusal(edited(tmp_path, cells))
    assert reason.count("ghi '?', không phải số") == 5
    assert reason.endswith(
        "dòng 4 (Nà Mòn), cột F 'Chỉ tiêu giảm hộ cận nghèo (hộ)' ghi '?', "
        "không phải số; và 10 ô khác" + SUFFIX
    )
    assert reason.en.endswith("; and 10 more cells. Correct the plan file and run again.")
    assert "\n" not in reason and "\n" not in reason.en


def test_a_formula_without_a_value_and_an_error_value_are_said_as_such(tmp_path):
    """openpyxl saves a formula without its calculated value, as LibreOffice scripts may."""
    reason = refusal(edited(tmp_path, {"B4": "=90+10", "E5": "#REF!"}))
    assert reason == (
        "KeHoach_2024.xlsx, trang 'Chỉ tiêu theo xóm': "
        "dòng 4 (Nà Mòn), cột B 'Tổng số hộ đầu năm' có công thức nhưng không có giá trị đã tính "
        "(tệp được lưu bằng chương trình khác Excel: hãy mở tệp bằng Excel, nhấn Lưu); "
        "dòng 5 (Bản Cọ), cột E 'Chỉ tiêu giảm hộ nghèo (hộ)' hiện lỗi '#REF!'" + SUFFIX
    )


def test_a_bad_cell_stops_the_run_with_exit_2_in_either_language(tmp_path):
    edited(tmp_path, {"E4": None})
    clean_rosters(tmp_path)
    vi, en = run(tmp_path), run(tmp_path, "--lang", "en")
    assert (vi.returncode, en.returncode) == (2, 2)
    assert vi.stderr.strip() == (
        "LỖI: KeHoach_2024.xlsx, trang 'Chỉ tiêu theo xóm': dòng 4 (Nà Mòn), cột E 'Chỉ tiêu "
        "giảm hộ nghèo (hộ)' đang trống" + SUFFIX
    )
    assert en.stderr.strip() == (
        "ERROR: KeHoach_2024.xlsx, sheet 'Chỉ tiêu theo xóm': row 4 (Nà Mòn), column E 'Chỉ tiêu "
        "giảm hộ nghèo (hộ)' is empty. Correct the plan file and run again."
    )
    assert not (tmp_path / "out" / "2024-05").exists()


def test_check_shows_the_bad_cells_as_plan_invalid(tmp_path):
    path = edited(tmp_path, {"C5": "mười tám"})
    [issue] = check_files([path])
    assert (issue.code, issue.severity) == ("plan-invalid", "error")
    assert issue.message("vi") == (
        "Kế hoạch không hợp lệ: trang 'Chỉ tiêu theo xóm': dòng 5 (Bản Cọ), "
        "cột C 'Số hộ nghèo đầu năm' ghi 'mười tám', không phải số" + SUFFIX
    )


def test_a_hamlet_row_without_its_name_or_a_missing_column_stops_the_plan(tmp_path):
    def nameless(book):
        sheet = book[TARGETS]
        sheet.insert_rows(5)
        for col, value in zip("ABCDEF", [None, 120, 4, 3, 1, 1], strict=True):
            sheet[f"{col}5"] = value

    reason = refusal(edited(tmp_path, edit=nameless))
    assert reason == (
        "KeHoach_2024.xlsx, trang 'Chỉ tiêu theo xóm': dòng 5, cột A 'Xóm' đang "
        "trống nhưng dòng có số liệu của một xóm" + SUFFIX
    )

    def totals_on_top(book):  # the table's sums without a label: no hamlet, nothing wrong
        sheet = book[TARGETS]
        sheet.insert_rows(4)
        for col, value in zip("ABCDEF", [None, 450, 6, 4, 3, 3], strict=True):
            sheet[f"{col}4"] = value

    plan, issues = load(edited(tmp_path, edit=totals_on_top))
    assert (plan.hamlet_names, past_targets(issues)) == (list(HAMLETS), [])
    reason = refusal(edited(tmp_path, {"F3": "Ghi chú"}))
    assert reason == (
        "KeHoach_2024.xlsx: trang 'Chỉ tiêu theo xóm' thiếu cột 'Chỉ tiêu giảm hộ "
        "cận nghèo (hộ)'. Hãy thêm cột như mẫu rồi chạy lại."
    )


# --- 2. a hamlet written twice --------------------------------------------------------------


def test_a_hamlet_row_copied_twice_is_counted_once_with_a_warning(tmp_path):
    def copy_row(book):
        sheet = book[TARGETS]
        sheet.insert_rows(7)
        for col in "ABCDEF":
            sheet[f"{col}7"] = sheet[f"{col}4"].value

    plan, issues = load(edited(tmp_path, edit=copy_row))
    assert plan.hamlet_names == ["Nà Mòn", "Bản Cọ", "Đồng Kè"]
    assert int(plan.hamlets["start_households"].sum()) == 450
    [issue] = [i for i in issues if i.code == "plan-hamlet-repeated"]
    assert (issue.severity, issue.sheet, issue.cell, issue.row) == ("warning", TARGETS, "A7", 7)
    assert issue.message("vi") == (
        "Xóm 'Nà Mòn' được ghi hai lần trong trang 'Chỉ tiêu theo xóm' "
        "(dòng 4 và dòng 7) với cùng số liệu; đã tính một lần. Hãy xóa "
        "dòng thừa."
    )


@pytest.mark.parametrize(
    "name, figures, said",
    [
        (
            "Xóm Nà Mòn",
            (100, 3, 2, 1, 1),
            "dòng 4 ('Nà Mòn') và dòng 7 ('Xóm Nà Mòn') là cùng một xóm: mỗi xóm chỉ ghi một dòng",
        ),
        (
            "NÀ MÒN",
            (100, 3, 2, 1, 1),
            "dòng 4 ('Nà Mòn') và dòng 7 ('NÀ MÒN') là cùng một xóm: mỗi xóm chỉ ghi một dòng",
        ),
        (
            "Nà Mòn",
            (110, 3, 2, 1, 1),
            "dòng 4 ('Nà Mòn') và dòng 7 ('Nà Mòn') là cùng một xóm với số "
            "liệu khác nhau: mỗi xóm chỉ ghi một dòng",
        ),
    ],
)
def test_a_hamlet_written_twice_otherwise_stops_the_plan_naming_both_rows(
    tmp_path, name, figures, said
):
    def add_row(book):
        sheet = book[TARGETS]
        sheet.insert_rows(7)
        for col, value in zip("ABCDEF", [name, *figures], strict=True):
            sheet[f"{col}7"] = value

    assert refusal(edited(tmp_path, edit=add_row)) == (
        f"KeHoach_2024.xlsx, trang 'Chỉ tiêu theo xóm': {said}" + SUFFIX
    )


# --- 3. start counts that cannot be, targets that cannot be met -----------------------------


def test_more_poor_and_near_poor_than_households_at_the_start_stops_the_plan(tmp_path):
    reason = refusal(edited(tmp_path, {"C4": 90, "D4": 20}))
    assert reason == (
        "KeHoach_2024.xlsx, trang 'Chỉ tiêu theo xóm': dòng 4 (Nà Mòn): 90 hộ "
        "nghèo cộng 20 hộ cận nghèo đầu năm là 110 hộ, nhiều hơn tổng số hộ đầu năm "
        "(100)" + SUFFIX
    )


def test_a_target_above_the_hamlets_start_count_is_warned_of(tmp_path):
    plan, issues = load(edited(tmp_path, {"E4": 5}))  # Nà Mòn: 3 poor at the start
    assert plan.hamlets.set_index("hamlet").loc["Nà Mòn", "poor_target"] == 5
    [issue] = [i for i in issues if i.code == "plan-target-above-start"]
    assert (issue.severity, issue.sheet, issue.cell, issue.hamlet) == (
        "warning",
        TARGETS,
        "E4",
        "Nà Mòn",
    )
    assert issue.message("vi") == (
        "Chỉ tiêu của xóm Nà Mòn lớn hơn số hộ đầu năm: chỉ tiêu giảm 5 hộ nghèo (ô E4) nhưng "
        "đầu năm chỉ có 3 hộ nghèo. Chỉ tiêu này không thể đạt; hãy kiểm tra lại trang 'Chỉ tiêu "
        "theo xóm' của kế hoạch."
    )


def test_a_commune_target_above_the_communes_start_rate_is_warned_of_at_its_cell(tmp_path):
    """The small commune starts the year at 6 poor of 450 households, 1.33 %, and 4 near-poor,
    0.89 %: its targets of 1.52 and 1.01 points would take the rates below 0. Each is a
    warning at its cell of 'Thông tin chung' (B7, B8), the rates from the targets table's
    summed start figures, as the report shows them (2 decimals)."""
    plan, issues = load(write_plan(tmp_path))
    said = [i for i in issues if i.code == "plan-commune-target-above-start"]
    assert [(i.severity, i.sheet, i.cell, i.column) for i in said] == [
        ("warning", "Thông tin chung", "B7", "Chỉ tiêu giảm tỷ lệ hộ nghèo (điểm %)"),
        ("warning", "Thông tin chung", "B8", "Chỉ tiêu giảm tỷ lệ hộ cận nghèo (điểm %)"),
    ]
    # 'Giá trị' of 'Lỗi dữ liệu' is the cell's target, not the word of its list
    assert [(str(i.value), i.value.en) for i in said] == [("1,52", "1.52"), ("1,01", "1.01")]
    assert said[0].message("vi") == (
        "Chỉ tiêu giảm tỷ lệ hộ nghèo toàn xã là 1,52 điểm %, nhưng đầu năm tỷ lệ hộ nghèo của "
        "xã chỉ là 1,33 % (6/450 hộ): không thể đạt, vì tỷ lệ không thể xuống dưới 0 %. Hãy "
        "kiểm tra lại chỉ tiêu: ghi số điểm phần trăm (ví dụ 1,52), không phải số hộ."
    )
    assert said[1].message("en") == (
        "The commune's target for the near-poor rate is 1.01 points, but the commune's "
        "near-poor rate at the start of the year is only 0.89 % (4/450 households): it cannot "
        "be met, as a rate cannot fall below 0 %. Check the target: write percentage points "
        "(e.g. 1.52), not a number of households."
    )


@pytest.mark.parametrize(
    "poor_target, near_target, warned",
    [
        (1.33, 0.89, []),  # exactly the start rates (6/450 = 1.333…, shown 1.33): reachable
        (1.34, 0.5, ["B7"]),
        (12, 0.89, ["B7"]),  # 12 households written in the points cell
        (0, 0.9, ["B8"]),
    ],
)
def test_a_commune_target_is_warned_of_only_above_the_start_rate(
    tmp_path, poor_target, near_target, warned
):
    plan, issues = load(edited_info(tmp_path, {"B7": poor_target, "B8": near_target}))
    assert (plan.poor_target, plan.near_poor_target) == (poor_target, near_target)
    said = [i for i in issues if i.code == "plan-commune-target-above-start"]
    assert [i.cell for i in said] == warned
    if poor_target == 12:  # the value quoted is the cell's, 12 households typed as points
        assert (str(said[0].value), said[0].message("vi")[:54]) == (
            "12,00",
            "Chỉ tiêu giảm tỷ lệ hộ nghèo toàn xã là 12,00 điểm %, ",
        )


# --- 4. rows that are no hamlet -------------------------------------------------------------


@pytest.mark.parametrize(
    "label", ["Toàn xã", "Cả xã", "Xã Trung Lương", "TOÀN XÃ:", "Cộng toàn xã", "Toan xa"]
)
def test_a_commune_totals_row_is_no_hamlet(tmp_path, label):
    plan, issues = load(edited(tmp_path, {"A7": label}))
    assert plan.hamlet_names == list(HAMLETS)
    assert int(plan.hamlets["start_households"].sum()) == 450
    assert past_targets(issues) == []


@pytest.mark.parametrize("name", ["Xà Phìn", "Cà Xá"])
def test_a_hamlet_whose_name_only_folds_like_a_commune_label_is_kept(tmp_path, name):
    plan, _ = load(edited(tmp_path, {"A6": name}))
    assert plan.hamlet_names == ["Nà Mòn", "Bản Cọ", name]


def test_a_note_under_the_table_is_no_hamlet(tmp_path):
    path = edited(
        tmp_path,
        {
            "A9": "Ghi chú: số liệu đầu năm theo Quyết định 1234/QĐ-UBND",
            "A10": "Lưu ý: chỉ tiêu giao theo Nghị quyết HĐND xã",
        },
    )
    plan, issues = load(path)
    assert plan.hamlet_names == list(HAMLETS)
    assert past_targets(issues) == []


def test_a_commune_totals_row_leaves_the_commune_figures_as_they_are(tmp_path):
    """Read as a 4th hamlet, 'Toàn xã' doubled the start households and showed a hamlet that
    never reports (2/4 hamlets); skipped, the run is as with 'Tổng cộng'."""
    edited(tmp_path, {"A7": "Toàn xã", "B7": 450, "C7": 6, "D7": 4, "E7": 3, "F7": 3})
    clean_rosters(tmp_path)
    done = run(tmp_path)
    assert done.returncode == 0, done.stderr
    summary = json.loads((tmp_path / "out" / "2024-05" / "TongHop_2024-05.json").read_text())
    assert [h["hamlet"] for h in summary["hamlets"]] == list(HAMLETS)
    # Nà Mòn (100 households, 3 poor at the start) and Bản Cọ (200, 2) sent rosters.
    assert summary["totals"]["start_households"] == 300
    assert summary["totals"]["start_poor_rate"] == pytest.approx(5 / 300 * 100)


# --- 5. a Mã hộ used twice in the start list ------------------------------------------------

DUPLICATE_TAIL = (
    "Nếu là cùng một hộ, chỉ giữ một dòng (ở xóm nơi hộ đang sống); nếu là hai hộ khác nhau, hãy "
    "sửa mã của hộ ghi sai theo sổ quản lý hộ nghèo của xã (các dòng này tạm chưa được tính)."
)
# Both rows in one hamlet: which hamlet to keep it in is not asked.
DUPLICATE_TAIL_ONE_HAMLET = (
    "Nếu là cùng một hộ được ghi nhiều lần, hãy xóa các dòng thừa, chỉ giữ một dòng; nếu là hai "
    "hộ khác nhau, hãy sửa mã của hộ ghi sai theo sổ quản lý hộ nghèo của xã (các dòng này tạm "
    "chưa được tính)."
)


def test_a_code_used_twice_in_the_start_list_is_an_error_at_each_cell(tmp_path):
    # NM2's row given NM1's code (same hamlet); DK1's row given BC1's code (another hamlet).
    plan, issues = load(edited(tmp_path, start={"C5": "NM1", "C12": "BC1"}))
    twice = sorted(
        (i.cell, i.hamlet, i.value, i.message("vi"))
        for i in issues
        if i.code == "duplicate-household-id"
    )
    assert twice == [
        (
            "C12",
            "Đồng Kè",
            "BC1",
            "Mã hộ 'BC1' bị trùng với dòng 9 của danh sách này. " + DUPLICATE_TAIL,
        ),
        (
            "C4",
            "Nà Mòn",
            "NM1",
            "Mã hộ 'NM1' bị trùng với dòng 5 của danh sách này. " + DUPLICATE_TAIL_ONE_HAMLET,
        ),
        (
            "C5",
            "Nà Mòn",
            "NM1",
            "Mã hộ 'NM1' bị trùng với dòng 4 của danh sách này. " + DUPLICATE_TAIL_ONE_HAMLET,
        ),
        (
            "C9",
            "Bản Cọ",
            "BC1",
            "Mã hộ 'BC1' bị trùng với dòng 12 của danh sách này. " + DUPLICATE_TAIL,
        ),
    ]
    assert all(i.file == "KeHoach_2024.xlsx" and i.sheet == START for i in past_targets(issues))
    # Both rows of each code are left out of the baseline.
    assert sorted(plan.start_list["ma_ho"]) == ["BC2", "BC3", "DK2", "NM3", "NM4", "NM5"]


def test_a_start_list_with_its_hamlets_interleaved_is_grouped_by_hamlet(tmp_path):
    # NM2's row (5) and BC1's (9) swapped: the hamlets' rows no longer follow on.
    def swap(book):
        sheet = book[START]
        for col in range(1, sheet.max_column + 1):
            above, below = sheet.cell(5, col), sheet.cell(9, col)
            above.value, below.value = below.value, above.value

    plan, _ = load(edited(tmp_path, edit=swap))
    listed = plan.start_list
    # Hamlets in the order the list first names them, each one's rows in the list's order.
    assert listed["ma_ho"].tolist() == [
        "NM1", "NM3", "NM4", "NM5", "NM2", "BC1", "BC2", "BC3", "DK1", "DK2"
    ]  # fmt: skip
    assert listed["excel_row"].tolist() == [4, 6, 7, 8, 9, 5, 10, 11, 12, 13]
    assert listed["hamlet"].tolist() == ["Nà Mòn"] * 5 + ["Bản Cọ"] * 3 + ["Đồng Kè"] * 2


# --- 6. the start list on a sheet named otherwise -------------------------------------------


@pytest.mark.parametrize("title", ["Danh sách đầu năm 2024", "DS đầu năm", "DS hộ nghèo 2023"])
def test_a_start_list_sheet_named_otherwise_is_found(tmp_path, title):
    def rename(book):
        book[START].title = title

    plan, issues = load(edited(tmp_path, edit=rename))
    assert plan.start_list is not None and len(plan.start_list) == 10
    assert sorted(set(plan.start_list["sheet"])) == [title]
    assert past_targets(issues) == []


def test_without_a_start_list_sheet_there_is_none(tmp_path):
    plan, _ = load(write_plan(tmp_path, with_start_list=False))
    assert plan.start_list is None


# --- 7. a start-list row without its hamlet -------------------------------------------------


def test_a_blank_hamlet_cell_of_the_start_list_is_said_at_its_cell(tmp_path):
    plan, issues = load(edited(tmp_path, start={"B4": None}))
    [issue] = [i for i in issues if i.severity == "error"]
    assert (issue.code, issue.sheet, issue.cell, issue.row, issue.column) == (
        "start-list-hamlet-blank",
        START,
        "B4",
        4,
        "Xóm",
    )
    assert issue.message("vi") == (
        "Ô 'Xóm' trống: không biết hộ thuộc xóm nào nên hộ không được tính vào danh sách đầu "
        "năm. Hãy ghi tên xóm như trong kế hoạch (Nà Mòn, Bản Cọ, Đồng Kè)."
    )
    assert "NM1" not in set(plan.start_list["ma_ho"]) and len(plan.start_list) == 9


def test_a_start_list_grouped_under_hamlet_rows_takes_the_hamlet_from_them(tmp_path):
    """'Xóm Nà Mòn' on its own row above its households, the Xóm column left empty."""

    def sections(book):
        sheet = book[START]
        for row in range(4, 14):
            sheet[f"B{row}"] = None
        for row, name in ((12, "XÓM ĐỒNG KÈ"), (9, "II. Xóm Bản Cọ"), (4, "Xóm Nà Mòn")):
            sheet.insert_rows(row)
            sheet[f"A{row}"] = name

    plan, issues = load(edited(tmp_path, edit=sections))
    assert [i for i in issues if i.severity == "error"] == []
    by_hamlet = plan.start_list.groupby("hamlet")["ma_ho"].apply(sorted).to_dict()
    assert by_hamlet == {
        "Nà Mòn": ["NM1", "NM2", "NM3", "NM4", "NM5"],
        "Bản Cọ": ["BC1", "BC2", "BC3"],
        "Đồng Kè": ["DK1", "DK2"],
    }


# --- 8. the hamlet table under a two-row header, as official forms draw it -------------------


@pytest.mark.parametrize(
    "heads",
    [
        ("Tổng số hộ", "Tổng số hộ nghèo", "Tổng số hộ cận nghèo"),
        ("Tổng số hộ đầu năm", "Tổng số hộ nghèo đầu năm", "Tổng số hộ cận nghèo đầu năm"),
        ("Số hộ đầu năm", "Tổng số hộ nghèo", "Tổng số hộ cận nghèo"),
        ("Tổng số hộ dân cư", "Tổng số hộ nghèo", "Hộ cận nghèo đầu năm"),
    ],
)
def test_the_start_counts_headed_as_real_plans_word_them(tmp_path, heads):
    """'Tổng số hộ nghèo' begins with 'Tổng số hộ' (the households): it names the poor, and the
    plan is read with the template's figures (Nà Mòn 100 households, 3 poor, 2 near-poor; it
    used to be refused for lacking 'Số hộ nghèo đầu năm')."""
    plan, issues = load(edited(tmp_path, targets=dict(zip(("B3", "C3", "D3"), heads, strict=True))))
    assert [i for i in issues if i.severity == "error"] == []
    first = plan.hamlets.to_dict("records")[0]
    assert (first["hamlet"], first["start_households"], first["start_poor"],
            first["start_near_poor"]) == ("Nà Mòn", 100, 3, 2)  # fmt: skip
    assert plan.hamlets["start_poor"].tolist() == [3, 2, 1]


def _two_row_header(book, numbered_total: bool = False):
    """STT | Xóm merged down two rows; 'Đầu năm 2024' over 'Tổng số hộ | Số hộ nghèo | Số hộ cận
    nghèo'; 'Chỉ tiêu giảm năm 2024 (hộ)' over 'Hộ nghèo | Hộ cận nghèo'. Hamlets from row 5."""
    old = book[TARGETS]
    rows = [[c.value for c in row] for row in old.iter_rows(min_row=4, max_row=7)]
    for row in rows:  # the commune totals: numbers, not the template's formulas
        if row[0] == "Tổng cộng":
            row[1:] = [sum(r[k] for r in rows if r[0] != "Tổng cộng") for k in range(1, 6)]
    index = book.sheetnames.index(TARGETS)
    del book[TARGETS]
    sheet = book.create_sheet(TARGETS, index)
    sheet["A1"] = "CHỈ TIÊU GIẢM NGHÈO NĂM 2024 THEO XÓM"
    sheet.merge_cells("A1:G1")
    for ref, text in (
        ("A3", "STT"),
        ("B3", "Xóm"),
        ("C3", "Đầu năm 2024"),
        ("C4", "Tổng số hộ"),
        ("D4", "Số hộ nghèo"),
        ("E4", "Số hộ cận nghèo"),
        ("F3", "Chỉ tiêu giảm năm 2024 (hộ)"),
        ("F4", "Hộ nghèo"),
        ("G4", "Hộ cận nghèo"),
    ):
        sheet[ref] = text
    for span in ("A3:A4", "B3:B4", "C3:E3", "F3:G3"):
        sheet.merge_cells(span)
    for number, row in enumerate(rows, start=1):
        total = row[0] == "Tổng cộng"
        sheet.append([number if numbered_total or not total else None, *row])


@pytest.mark.parametrize("numbered_total", [False, True])
def test_a_two_row_merged_header_gives_the_same_targets_as_the_template(tmp_path, numbered_total):
    (tmp_path / "plain").mkdir()
    (tmp_path / "two").mkdir()
    plain, _ = load(write_plan(tmp_path / "plain"))
    plan, issues = load(
        edited(tmp_path / "two", edit=lambda book: _two_row_header(book, numbered_total))
    )
    assert [i for i in issues if i.severity == "error"] == []
    # HAMLETS: Nà Mòn 100/3/2 targets 1/1, Bản Cọ 200/2/1 1/1, Đồng Kè 150/1/1 1/1; the
    # 'Tổng cộng' row (450/6/4/3/3), numbered 4 or not, is no hamlet.
    assert plan.hamlets.to_dict("records") == [
        {
            "hamlet": "Nà Mòn",
            "start_households": 100,
            "start_poor": 3,
            "start_near_poor": 2,
            "poor_target": 1,
            "near_poor_target": 1,
        },
        {
            "hamlet": "Bản Cọ",
            "start_households": 200,
            "start_poor": 2,
            "start_near_poor": 1,
            "poor_target": 1,
            "near_poor_target": 1,
        },
        {
            "hamlet": "Đồng Kè",
            "start_households": 150,
            "start_poor": 1,
            "start_near_poor": 1,
            "poor_target": 1,
            "near_poor_target": 1,
        },
    ]
    assert plan.hamlets.equals(plain.hamlets)


def test_a_bad_cell_under_a_two_row_header_is_named_by_parent_and_child(tmp_path):
    def bad(book):
        _two_row_header(book)
        book[TARGETS]["D6"] = "hai"  # Bản Cọ's start poor

    reason = refusal(edited(tmp_path, edit=bad))
    assert reason == (
        "KeHoach_2024.xlsx, trang 'Chỉ tiêu theo xóm': dòng 6 (Bản Cọ), cột D "
        "'Đầu năm 2024 Số hộ nghèo' ghi 'hai', không phải số" + SUFFIX
    )


@pytest.mark.parametrize("group", ["Số liệu đầu năm 2024", "Kết quả rà soát cuối năm 2023"])
def test_a_two_row_header_whose_group_names_the_time_in_other_words(tmp_path, group):
    def other_words(book):
        _two_row_header(book)
        book[TARGETS]["C3"] = group

    (tmp_path / "plain").mkdir()
    (tmp_path / "two").mkdir()
    plain, _ = load(write_plan(tmp_path / "plain"))
    plan, _ = load(edited(tmp_path / "two", edit=other_words))
    assert plan.hamlets.equals(plain.hamlets)


def test_a_count_typed_with_a_thousands_comma_as_text_is_that_many_households(tmp_path):
    """Bản Cọ's start households typed '1,000' in a cell formatted as Text (B5), the total row
    '1,250' the same way (B7): 1000 and 1250 households, as a roster's 'Tổng số hộ dân cư' reads
    them (text.parse_count, session 38). The plan's table read them with parse_whole, the comma
    as the decimal one: 1 household, and the plan was refused ("2 hộ nghèo cộng 1 hộ cận nghèo
    đầu năm là 3 hộ, nhiều hơn tổng số hộ đầu năm (1)"), a cell the officer had typed right."""
    plan, issues = load(edited(tmp_path, {"B5": "1,000", "B7": "1,250"}))
    table = plan.hamlets.set_index("hamlet")["start_households"].to_dict()
    assert table == {"Nà Mòn": 100, "Bản Cọ": 1000, "Đồng Kè": 150}
    # 6 poor of 1,250 households: the commune's start rate 0.48 %, under its 1.52-point target
    assert [i.code for i in issues if i.code != "plan-commune-target-above-start"] == []


@pytest.mark.parametrize(
    "typed", ["0,0152", "0.0152", " 0,0152 điểm", "'0,0152", "0,0152%", "0,0152 điểm %"]
)
def test_a_commune_target_typed_as_a_fraction_in_text_is_refused_not_read_as_almost_nothing(
    tmp_path, typed
):
    """'0,0152' typed as text in B7 (1,52 % written as a fraction): it was read as a target of
    0.0152 points with no word, so the JSON's poor-rate target was 0.0152 and nearly any year
    met it. A number cell 0.0152 is shown by its percentage format as 1,52 % and is read so
    (with a note); the text shows the officer the fraction itself, so the run asks (session 38).
    The number read is said as a number, whatever was typed around it: the message repeated
    the cell ("tức 0,0152 điểm điểm %", "tức '0,0152 điểm %", "tức 0.0152 điểm %"; session 39);
    in English with a decimal point."""
    reason = refusal(edited_info(tmp_path, {"B7": typed}))
    assert str(reason) == (
        "KeHoach_2024.xlsx: 'Chỉ tiêu giảm tỷ lệ hộ nghèo (điểm %)' (ô B7) trong trang "
        f"'Thông tin chung' ghi '{typed.strip()}', tức 0,0152 điểm %, quá nhỏ cho một "
        "chỉ tiêu (có phải 1,52 % viết thành số thập phân?). Hãy ghi số điểm %, ví dụ 1,52."
    )
    assert in_language(reason, "en") == (
        "KeHoach_2024.xlsx: 'Chỉ tiêu giảm tỷ lệ hộ nghèo (điểm %)' (cell B7) of sheet "
        f"'Thông tin chung' reads '{typed.strip()}', that is 0.0152 points, too small for a "
        "target (1.52 % written as a fraction?). Write the points, such as 1.52."
    )


@pytest.mark.parametrize("typed", ["'1,52", "’1,52", "'1.52 điểm"])
def test_a_commune_target_after_a_text_quote_is_read(tmp_path, typed):
    """ "'1,52": a quote typed (or pasted, or kept by LibreOffice in a Text cell) before the
    number, as a count's is read past (text.parse_number): refused as 'không đọc được thành số
    điểm %' before session 38, though the number is plain."""
    plan, issues = load(edited_info(tmp_path, {"B7": typed}))
    assert plan.poor_target == 1.52
    assert [i.code for i in issues if i.code != "plan-commune-target-above-start"] == []


def test_a_commune_target_with_a_space_between_its_digits_is_not_read_as_one_number(tmp_path):
    """'1 52' (1,52 with its comma lost): read as 152 and refused as 'là 1 52: chỉ tiêu giảm tỷ
    lệ phải từ 0 đến 100 điểm %', which tells the officer a rule rather than the slip."""
    reason = str(refusal(edited_info(tmp_path, {"B7": "1 52"})))
    assert reason == (
        "KeHoach_2024.xlsx: 'Chỉ tiêu giảm tỷ lệ hộ nghèo (điểm %)' (ô B7) trong trang "
        "'Thông tin chung' ghi '1 52', không đọc được thành số điểm %; hãy ghi số, ví dụ 1,52."
    )


def _poor_start_twice(values: list, hide: bool):
    """A second 'Số hộ nghèo đầu năm' column inserted at C (the template's moves to D) with
    ``values`` for Nà Mòn, Bản Cọ, Đồng Kè (rows 4-6), hidden or not."""

    def edit(book):
        sheet = book[TARGETS]
        sheet.insert_cols(3)
        sheet["C3"] = "Số hộ nghèo đầu năm"
        for row, value in zip(range(4, 7), values, strict=True):
            sheet.cell(row, 3, value)
        sheet.column_dimensions["C"].hidden = hide

    return edit


def test_a_hidden_column_of_last_years_start_counts_is_not_read_over_the_visible_one(tmp_path):
    """Last year's 'Số hộ nghèo đầu năm' kept in a hidden column C (9, 9, 9) beside this year's
    visible D (3, 2, 1): the first of the two was read with no word, so the JSON's start poor
    counts were 9, 9, 9, the start rate 27/450 = 6 % instead of 6/450 = 1,33 %. Now the visible
    column is read, and the hidden one is named at its header cell."""
    plan, issues = load(edited(tmp_path, edit=_poor_start_twice([9, 9, 9], hide=True)))
    assert plan.hamlets["start_poor"].tolist() == [3, 2, 1]
    said = [i for i in issues if i.code == "plan-value-guessed"]
    assert [(i.cell, i.detail) for i in said] == [
        (
            "C3",
            "trang 'Chỉ tiêu theo xóm' có cột 'Số hộ nghèo đầu năm' hai lần: cột ở ô C3 đang "
            "bị ẩn nên không được đọc; đã đọc cột đang hiện ở ô D3. Nếu cột ẩn chỉ là số liệu "
            "cũ, hãy xóa nó để khỏi nhầm.",
        )
    ]


def test_a_start_count_column_written_twice_and_differing_stops_the_plan(tmp_path):
    """Both visible and differing (9, 9, 9 at C, 3, 2, 1 at D): which is meant is not known,
    so the plan is refused naming both columns (before: C read, 9 poor households each)."""
    reason = str(refusal(edited(tmp_path, edit=_poor_start_twice([9, 9, 9], hide=False))))
    assert reason == (
        "KeHoach_2024.xlsx, trang 'Chỉ tiêu theo xóm': cột 'Số hộ nghèo đầu năm' ghi hai lần "
        "(cột C và cột D), khác nhau ở 3 dòng, đầu tiên là dòng 4: không biết cột nào đúng; "
        "hãy xóa hoặc đổi tên cột không dùng (ví dụ 'Số hộ nghèo đầu năm cũ')" + SUFFIX
    )


def test_a_start_count_column_written_twice_alike_is_read(tmp_path):
    plan, issues = load(edited(tmp_path, edit=_poor_start_twice([3, 2, 1], hide=False)))
    assert plan.hamlets["start_poor"].tolist() == [3, 2, 1]
    assert [i.code for i in issues if i.code != "plan-commune-target-above-start"] == []
