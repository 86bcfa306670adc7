"""Session 24: the plan workbook as an officer writes it, checked against hand-worked figures.

A small commune of three hamlets (CONTRACT §3, §4): Nà Mòn, Khau Lang and Bản Cọ with
100, 200 and 150 households in May 2024 and 5+4, 10+8, 6+6 poor + near-poor households.
The plan's start of the year: 100/8/6, 198/12/9, 150/7/5 (households/poor/near-poor), hamlet
targets 2/1, 3/2, 1/1 and the commune's 1.52 / 1.01 points. By hand: the commune's poor rate
is 21/450 = 4.6667 %, at the start 27/448 = 6.0268 %, a reduction of 1.3601 points (89.48 %
of 1.52); near-poor 18/450 = 4.00 %, 20/448 = 4.4643 %, 0.4643 points.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from pipeline.plan import PlanError, load_plan
from pipeline.read import open_workbook

ROOT = Path(__file__).resolve().parents[1]
INDICATORS = [
    "Việc làm", "Người phụ thuộc", "Dinh dưỡng", "Bảo hiểm y tế",
    "Trình độ giáo dục của người lớn", "Tình trạng đi học của trẻ em", "Chất lượng nhà ở",
    "Diện tích nhà ở bình quân đầu người", "Nguồn nước sinh hoạt", "Nhà tiêu hợp vệ sinh",
    "Sử dụng dịch vụ viễn thông", "Phương tiện phục vụ tiếp cận thông tin",
]  # fmt: skip
HEADER = ["STT", "Mã hộ", "Họ và tên chủ hộ", "Năm sinh", "Giới tính", "Dân tộc",
          "Số định danh cá nhân", "Số nhân khẩu", "Phân loại hộ",
          "Thu nhập BQ (đồng/người/tháng)", *INDICATORS, "Nguyên nhân nghèo",
          "Nhóm đối tượng", "Nhu cầu hỗ trợ", "Ghi chú"]  # fmt: skip
# (hamlet, code, households in May, poor, near-poor)
HAMLETS = [
    ("Nà Mòn", "01", 100, 5, 4),
    ("Khau Lang", "02", 200, 10, 8),
    ("Bản Cọ", "03", 150, 6, 6),
]
INFO = [
    ("Loại biểu", "Kế hoạch"), ("Tỉnh", "Thái Nguyên"), ("Xã", "Trung Lương"),
    ("Năm kế hoạch", 2024), ("Khu vực", "Nông thôn"), ("Chuẩn nghèo", "2022-2025"),
    ("Chỉ tiêu giảm tỷ lệ hộ nghèo (điểm %)", 1.52),
    ("Chỉ tiêu giảm tỷ lệ hộ cận nghèo (điểm %)", 1.01),
    ("Cơ quan nhận báo cáo", "Phòng LĐTBXH huyện Định Hóa"), ("Người lập báo cáo", "Ma Thị Hằng"),
]  # fmt: skip
TARGET_HEADER = ["Xóm", "Tổng số hộ đầu năm", "Số hộ nghèo đầu năm", "Số hộ cận nghèo đầu năm",
                 "Chỉ tiêu giảm hộ nghèo (hộ)", "Chỉ tiêu giảm hộ cận nghèo (hộ)"]  # fmt: skip
START = [["Nà Mòn", 100, 8, 6, 2, 1], ["Khau Lang", 198, 12, 9, 3, 2], ["Bản Cọ", 150, 7, 5, 1, 1]]


def write_roster(path: Path, hamlet: str, code: str, households: int, poor: int, near: int):
    book = openpyxl.Workbook()
    info = book.active
    info.title = "Thông tin"
    for pair in [("Loại biểu", "Danh sách hộ"), ("Xã", "Trung Lương"), ("Xóm", hamlet),
                 ("Kỳ báo cáo", "05/2024"), ("Tổng số hộ dân cư", households),
                 ("Người lập", "Nông Xuân Toàn"), ("Ngày lập", datetime(2024, 5, 28))]:  # fmt: skip
        info.append(list(pair))
    sheet = book.create_sheet("Danh sách")
    sheet.append(HEADER)
    for n in range(poor + near):
        is_poor = n < poor
        deprived = (0, 1, 2, 3) if is_poor else (3,)
        marks = ["x" if i in deprived else None for i in range(12)]
        sheet.append([n + 1, f"TL.{code}.{n + 1:03d}", f"Chủ hộ {code} {n + 1}", 1950 + n, "Nam",
                      "Tày", None, 4, "Hộ nghèo" if is_poor else "Hộ cận nghèo",
                      900_000 if is_poor else 1_200_000, *marks, "Thiếu vốn", None, None, None])  # fmt: skip
    book.save(path)


def write_plan(path: Path, rows=None, info=None, edit=None, targets_sheet="Chỉ tiêu theo xóm",
               info_sheet="Thông tin chung") -> Path:  # fmt: skip
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = info_sheet
    for pair in info if info is not None else INFO:
        sheet.append(list(pair))
    targets = book.create_sheet(targets_sheet)
    targets.append(["CHỈ TIÊU GIẢM NGHÈO NĂM 2024 THEO XÓM"])
    targets.append([])
    targets.append(TARGET_HEADER)
    for row in rows if rows is not None else START:
        targets.append(list(row))
    if edit:
        edit(book)
    book.save(path)
    return path


def commune(folder: Path, rows=None, names: dict | None = None, **plan) -> Path:
    """The three hamlets' May lists ('Xóm' as ``names`` says, else the plan's name) and a plan."""
    folder.mkdir(parents=True, exist_ok=True)
    for hamlet, code, households, poor, near in HAMLETS:
        write_roster(folder / f"DS_{code}_2024-05.xlsx", (names or {}).get(hamlet, hamlet), code,
                     households, poor, near)  # fmt: skip
    write_plan(folder / "KeHoach_2024.xlsx", rows, **plan)
    return folder


def run_pipeline(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", "run", "--input", str(folder),
                           "--output", str(folder.parent / "out"), "--quiet", *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)  # fmt: skip


def may_json_summary(folder: Path) -> dict:
    path = folder.parent / "out" / "2024-05" / "TongHop_2024-05.json"
    return json.loads(path.read_text(encoding="utf-8"))


def refusal(path: Path) -> str:
    with pytest.raises(PlanError) as caught:
        load_plan(open_workbook(path), path.name)
    return str(caught.value.args[0])


def test_the_commune_as_worked_by_hand(tmp_path):
    folder = commune(tmp_path / "in")
    assert run_pipeline(folder).returncode == 0
    totals = may_json_summary(folder)["totals"]
    assert (totals["households"], totals["poor"], totals["near_poor"]) == (450, 21, 18)
    assert (totals["start_households"], totals["start_poor"], totals["start_near_poor"]) == (
        448,
        27,
        20,
    )
    assert totals["poor_rate_reduction"] == pytest.approx(27 / 448 * 100 - 21 / 450 * 100)
    assert totals["near_poor_rate_reduction"] == pytest.approx(20 / 448 * 100 - 18 / 450 * 100)
    assert totals["poor_target_met"] is False


# --- a rate written where the hamlet table wants households --------------------------------


def test_a_percent_in_a_hamlet_target_is_no_number_of_households(tmp_path):
    """'2%' in 'Chỉ tiêu giảm hộ nghèo (hộ)' was read as 2 households: Khau Lang (12 poor at
    the start, 10 now) was then reported as meeting its target. It is a rate: the plan is
    refused at the cell, as any other count that is no number of households."""
    rows = [START[0], ["Khau Lang", 198, 12, 9, "2%", "1 %"], START[2]]
    said = refusal(write_plan(tmp_path / "KeHoach_2024.xlsx", rows))
    assert "dòng 5 (Khau Lang), cột E 'Chỉ tiêu giảm hộ nghèo (hộ)' ghi '2%', là tỷ lệ" in said
    assert "cột F 'Chỉ tiêu giảm hộ cận nghèo (hộ)' ghi '1 %', là tỷ lệ" in said
    assert "hãy ghi số hộ" in said


def test_a_percent_in_a_start_count_is_refused_too(tmp_path):
    rows = [START[0], START[1], ["Bản Cọ", 150, "4,7%", 5, 1, 1]]
    said = refusal(write_plan(tmp_path / "KeHoach_2024.xlsx", rows))
    assert "dòng 6 (Bản Cọ), cột C 'Số hộ nghèo đầu năm' ghi '4,7%', là tỷ lệ" in said


def test_a_percentage_formatted_target_is_told_as_the_cell_shows_it(tmp_path):
    def percent(book):
        book["Chỉ tiêu theo xóm"]["E4"].number_format = "0%"

    rows = [["Nà Mòn", 100, 8, 6, 0.02, 1], START[1], START[2]]
    said = refusal(write_plan(tmp_path / "KeHoach_2024.xlsx", rows, edit=percent))
    assert "cột E 'Chỉ tiêu giảm hộ nghèo (hộ)' ghi 0,02, không phải số nguyên" in said
    assert "nếu ô hiện 2% thì đó là tỷ lệ" in said


def test_households_written_with_their_unit_are_still_read(tmp_path):
    """'2 hộ' is 2 households (the unit the column asks for): unchanged."""
    rows = [["Nà Mòn", 100, 8, 6, "2 hộ", 1], START[1], START[2]]
    plan, _ = load_plan(open_workbook(write_plan(tmp_path / "K.xlsx", rows)), "K.xlsx")
    first = plan.hamlets.iloc[0]
    assert (first["hamlet"], first["poor_target"]) == ("Nà Mòn", 2)


# --- hamlets named by their number ----------------------------------------------------------

NUMBERED = [["Xóm 1", 100, 8, 6, 2, 1], ["Xóm 2", 198, 12, 9, 3, 2], ["Xóm 3", 150, 7, 5, 1, 1]]


def numbered_commune(folder: Path, names: dict) -> Path:
    """The commune with its hamlets named 'Xóm 1'–'Xóm 3' in the plan (Nà Mòn's list is
    Xóm 1's, and so on), the lists' 'Xóm' written as ``names`` says."""
    own = {"Nà Mòn": "Xóm 1", "Khau Lang": "Xóm 2", "Bản Cọ": "Xóm 3"}
    return commune(folder, NUMBERED, names={h: names[own[h]] for h in own})


@pytest.mark.parametrize(
    "names",
    [
        {"Xóm 1": "Xóm Một", "Xóm 2": "xóm Hai", "Xóm 3": "Xóm Ba"},
        {"Xóm 1": "Xóm I", "Xóm 2": "Xóm II", "Xóm 3": "Xóm III"},
        {"Xóm 1": "1", "Xóm 2": "Xóm 02", "Xóm 3": "Thôn 03"},
    ],
    ids=["words", "roman", "zeros"],
)
def test_a_hamlet_number_written_otherwise_is_the_plan_hamlet(tmp_path, names):
    """'Xóm Một', 'Xóm III', 'Xóm 03' were refused as no hamlet of the plan ('Xóm 1', 'Xóm 3');
    with every list refused the run stopped. They are the plan's hamlets: the figures are the
    commune's worked by hand."""
    folder = numbered_commune(tmp_path / "in", names)
    done = run_pipeline(folder)
    assert done.returncode == 0, done.stdout + done.stderr
    result = may_json_summary(folder)
    assert [(h["hamlet"], h["status"], h["poor"]) for h in result["hamlets"]] == [
        ("Xóm 1", "ok", 5),
        ("Xóm 2", "ok", 10),
        ("Xóm 3", "ok", 6),
    ]
    assert result["totals"]["poor_rate_reduction"] == pytest.approx(27 / 448 * 100 - 21 / 450 * 100)


def test_number_words_are_read_only_as_a_whole_name():
    from pipeline.hamlets import HamletMatcher

    matcher = HamletMatcher(["Xóm 3", "Xóm 12", "Bản Cọ 2", "Ba Vì"])
    assert matcher.match("Xóm Mười Hai") == "Xóm 12"
    assert matcher.match("Bản Cọ II") == "Bản Cọ 2"
    assert matcher.match("Xóm Ba") == "Xóm 3"
    assert matcher.match("Ba Vì") == "Ba Vì"  # 'Ba' begins a name: not 3
    assert matcher.match("Xóm 4") is None


def test_every_list_refused_for_its_hamlet_is_said_so(tmp_path):
    """Every list naming a hamlet the plan does not have: the run stopped with "no list has a
    readable reporting period" although every 'Kỳ báo cáo' said 05/2024. It now stops saying
    the lists of 05/2024 were refused, and why."""
    names = {"Nà Mòn": "Nà Pải", "Khau Lang": "Khuôn Tát", "Bản Cọ": "Đồng Kè"}
    done = run_pipeline(commune(tmp_path / "in", names=names))
    assert done.returncode == 2
    said = done.stdout + done.stderr
    assert "đọc được kỳ báo cáo" not in said
    assert "Không có danh sách hộ nào của kỳ 05/2024 được chấp nhận" in said
    assert "'DS_01_2024-05.xlsx' (Nà Pải): Xóm 'Nà Pải' không có trong kế hoạch" in said


# --- the plan's sheets retitled ---------------------------------------------------------------


@pytest.mark.parametrize(
    "targets_sheet",
    ["Chỉ tiêu theo thôn", "Chỉ tiêu", "Chỉ tiêu theo xóm 2024", "Sheet2"],
)
def test_the_hamlet_table_under_another_sheet_name_is_read(tmp_path, targets_sheet):
    """'Chỉ tiêu theo thôn' (or any name beginning 'Chỉ tiêu', or any sheet holding the whole
    table) stopped the run: "không có trang 'Chỉ tiêu theo xóm'". It is the plan's table."""
    folder = commune(tmp_path / "in", targets_sheet=targets_sheet)
    done = run_pipeline(folder)
    assert done.returncode == 0, done.stdout + done.stderr
    totals = may_json_summary(folder)["totals"]
    assert (totals["start_households"], totals["start_poor"], totals["start_near_poor"]) == (
        100 + 198 + 150,
        8 + 12 + 7,
        6 + 9 + 5,
    )


def test_the_plan_with_its_information_sheet_called_thong_tin_is_the_plan(tmp_path):
    """'Thông tin' (as on a hamlet's list) for 'Thông tin chung', 'Loại biểu' saying 'Kế hoạch':
    the run said no plan was in the folder."""
    folder = commune(tmp_path / "in", info_sheet="Thông tin")
    done = run_pipeline(folder)
    assert done.returncode == 0, done.stdout + done.stderr
    totals = may_json_summary(folder)["totals"]
    assert totals["poor_target"] == 1.52
    assert totals["poor_rate_reduction"] == pytest.approx(27 / 448 * 100 - 21 / 450 * 100)


def test_a_plan_without_any_hamlet_table_names_the_sheets_it_has(tmp_path):
    def no_table(book):
        del book["Chỉ tiêu theo xóm"]
        book.create_sheet("Ghi chú").append(["Kế hoạch giao ngày 15/01/2024"])

    said = refusal(write_plan(tmp_path / "KeHoach_2024.xlsx", edit=no_table))
    assert "không có trang 'Chỉ tiêu theo xóm'" in said
    assert "tệp có các trang 'Thông tin chung', 'Ghi chú'" in said


# --- the commune's targets under the labels officers write -----------------------------------


def relabelled(poor: str, near: str) -> list:
    labels = {
        "Chỉ tiêu giảm tỷ lệ hộ nghèo (điểm %)": poor,
        "Chỉ tiêu giảm tỷ lệ hộ cận nghèo (điểm %)": near,
    }
    return [(labels.get(label, label), value) for label, value in INFO]


@pytest.mark.parametrize(
    ("poor", "near"),
    [
        ("Giảm tỷ lệ hộ nghèo (%)", "Giảm tỷ lệ hộ cận nghèo (%)"),
        ("Mức giảm tỷ lệ hộ nghèo", "Mức giảm tỷ lệ hộ cận nghèo (điểm %)"),
        ("Chỉ tiêu giảm tỷ lệ nghèo năm 2024", "Chỉ tiêu giảm tỷ lệ cận nghèo năm 2024 (%)"),
    ],
)
def test_a_commune_target_under_another_label_is_read(tmp_path, poor, near):
    """'Giảm tỷ lệ hộ cận nghèo (%)' stopped the run: the target "không tìm thấy trong trang"."""
    path = write_plan(tmp_path / "K.xlsx", info=relabelled(poor, near))
    plan, _ = load_plan(open_workbook(path), path.name)
    assert (plan.poor_target, plan.near_poor_target) == (1.52, 1.01)


def test_a_commune_target_left_out_says_which_row_to_add(tmp_path):
    info = [pair for pair in INFO if "cận nghèo" not in pair[0]]
    said = refusal(write_plan(tmp_path / "K.xlsx", info=info))
    assert (
        "'Chỉ tiêu giảm tỷ lệ hộ cận nghèo (điểm %)' trong trang 'Thông tin chung' chưa có: hãy "
        "thêm một dòng, ô bên trái ghi 'Chỉ tiêu giảm tỷ lệ hộ cận nghèo (điểm %)', ô bên phải "
        "ghi số điểm % (ví dụ 1,52; ghi 0 nếu không giao)"
    ) in said


def rate_headed(book, poor_header: str, near_header: str) -> None:
    book["Chỉ tiêu theo xóm"]["E3"] = poor_header
    book["Chỉ tiêu theo xóm"]["F3"] = near_header


@pytest.mark.parametrize(
    ("poor_header", "near_header"),
    [
        ("Chỉ tiêu giảm hộ nghèo (%)", "Chỉ tiêu giảm hộ cận nghèo (%)"),
        ("Chỉ tiêu giảm hộ nghèo (điểm %)", "Chỉ tiêu giảm hộ cận nghèo (điểm %)"),
    ],
)
def test_hamlet_targets_headed_as_rates_are_not_read_as_households(
    tmp_path, poor_header, near_header
):
    """Hamlet targets in rate points under 'Chỉ tiêu giảm hộ nghèo (%)': Khau Lang's 2 points
    (about 4 of its 198 households) were read as 2 households, and its 12 -> 10 poor reported
    as meeting the target. The plan is refused, naming the columns."""
    rows = [START[0], ["Khau Lang", 198, 12, 9, 2, 1], START[2]]
    path = write_plan(
        tmp_path / "K.xlsx", rows, edit=lambda book: rate_headed(book, poor_header, near_header)
    )
    said = refusal(path)
    assert f"cột E '{poor_header}' ghi tỷ lệ; cột F '{near_header}' ghi tỷ lệ" in said
    assert "Hãy ghi số hộ vào cột 'Chỉ tiêu giảm hộ nghèo (hộ)'" in said


def test_rate_columns_beside_the_households_are_left_alone(tmp_path):
    """'Tỷ lệ (%)' under 'Hộ nghèo đầu năm' beside 'Số hộ', and the hamlet's rate target beside
    its households: the households are read (8 + 12 + 7 poor at the start)."""

    def with_rates(book):
        del book["Chỉ tiêu theo xóm"]
        sheet = book.create_sheet("Chỉ tiêu theo xóm")
        sheet.append(["Xóm", "Tổng số hộ đầu năm", "Hộ nghèo đầu năm", None,
                      "Hộ cận nghèo đầu năm", None, "Chỉ tiêu giảm tỷ lệ hộ nghèo (%)",
                      "Chỉ tiêu giảm hộ nghèo (hộ)", "Chỉ tiêu giảm hộ cận nghèo (hộ)"])  # fmt: skip
        sheet.append([None, None, "Số hộ", "Tỷ lệ (%)", "Số hộ", "Tỷ lệ (%)", None, None, None])
        for cells in ("A1:A2", "B1:B2", "C1:D1", "E1:F1", "G1:G2", "H1:H2", "I1:I2"):
            sheet.merge_cells(cells)
        for name, households, poor, near, t_poor, t_near in START:
            sheet.append([name, households, poor, round(poor / households * 100, 2), near,
                          round(near / households * 100, 2), 2.5, t_poor, t_near])  # fmt: skip

    path = write_plan(tmp_path / "K.xlsx", edit=with_rates)
    plan, _ = load_plan(open_workbook(path), path.name)
    assert plan.hamlets["start_poor"].tolist() == [8, 12, 7]
    assert plan.hamlets["start_near_poor"].tolist() == [6, 9, 5]
    assert plan.hamlets["poor_target"].tolist() == [2, 3, 1]


def test_a_part_of_the_hamlet_above_is_no_hamlet(tmp_path):
    """'Trong đó: hộ DTTS' under Nà Mòn's row was read as a hamlet of its own: it never sends a
    list, so the run said "3/4 xóm … SỐ LIỆU CHƯA ĐỦ CÁC XÓM" every month. It is skipped; a
    hamlet named 'Trọng Đô' (its accents are not 'trong đó') is still one."""
    rows = [START[0], ["Trong đó: hộ DTTS", 80, 7, 5, 2, 1], START[1],
            ["Tr.đó DTTS", 100, 5, 3, 1, 1], START[2], ["Trọng Đô", 60, 3, 2, 1, 1]]  # fmt: skip
    plan, _ = load_plan(open_workbook(write_plan(tmp_path / "K.xlsx", rows)), "K.xlsx")
    assert plan.hamlet_names == ["Nà Mòn", "Khau Lang", "Bản Cọ", "Trọng Đô"]
    assert plan.hamlets["start_households"].tolist() == [100, 198, 150, 60]


def test_a_hamlet_left_out_of_the_plan_tells_the_commune_to_add_it(tmp_path):
    """Bản Cọ left out of the plan's table: its list is refused (CONTRACT §2) and the message
    told only the hamlet to rename itself; it now also says the commune adds a hamlet that is
    not yet in the plan to 'Chỉ tiêu theo xóm'."""
    folder = commune(tmp_path / "in", START[:2])
    # (run from tmp_path: no 'output/lich-su.sqlite' there, whose codes would tell another story)
    done = subprocess.run([sys.executable, "-m", "pipeline", "check", str(folder)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    said = done.stdout + done.stderr
    assert (
        "Xóm 'Bản Cọ' không có trong kế hoạch của xã. Hãy ghi đúng tên xóm như trong kế hoạch "
        "(Nà Mòn, Khau Lang). Nếu đây là một xóm chưa có trong kế hoạch thì xã cần thêm xóm đó "
        "vào trang 'Chỉ tiêu theo xóm' của kế hoạch rồi tổng hợp lại."
    ) in said


def test_codes_of_a_hamlet_taken_out_of_the_plan_name_no_hamlet(tmp_path):
    """May run with Bản Cọ in the plan, then the plan corrected without it: Bản Cọ's list was
    told its codes are "của xóm Bản Cọ … hãy sửa ô 'Xóm' thành 'Bản Cọ' đúng như trong kế
    hoạch", a hamlet the plan no longer has. Only the plan's hamlets' stored codes tell whose a
    list is: the plain refusal, which names the plan's hamlets."""
    folder = commune(tmp_path / "in")
    assert run_pipeline(folder).returncode == 0
    write_plan(folder / "KeHoach_2024.xlsx", START[:2])
    done = subprocess.run([sys.executable, "-m", "pipeline", "check", "--output",
                           str(tmp_path / "out"), str(folder)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)  # fmt: skip
    said = done.stdout + done.stderr
    assert "Xóm 'Bản Cọ' không có trong kế hoạch của xã. Hãy ghi đúng tên xóm như trong kế " in said
    assert "là của xóm Bản Cọ" not in said


def test_a_note_in_brackets_after_the_plans_hamlet_name(tmp_path):
    """'Nà Mòn (ghép từ Nà Mòn 1, Nà Mòn 2)' in the plan: Nà Mòn's list ('Nà Mòn') was refused
    and the commune's figures left it out (300 households of 450). The note is read past; an
    old part's list ('Nà Mòn 1') is still no hamlet of the plan."""
    from pipeline.hamlets import HamletMatcher

    merged = "Nà Mòn (ghép từ Nà Mòn 1, Nà Mòn 2)"
    folder = commune(tmp_path / "in", [[merged, 100, 8, 6, 2, 1], *START[1:]])
    assert run_pipeline(folder).returncode == 0
    result = may_json_summary(folder)
    assert (result["hamlets"][0]["hamlet"], result["hamlets"][0]["poor"]) == (merged, 5)
    assert (result["totals"]["households"], result["totals"]["start_poor"]) == (450, 27)
    assert HamletMatcher([merged, "Khau Lang"]).match("Nà Mòn 1") is None


def test_start_counts_unlike_the_start_list_name_both_figures(tmp_path):
    """Nà Mòn: 8 poor, 6 near-poor at the start on the table (row 4), 7 and 6 on the start list.
    The warning said only the list's figures and "khác với số đầu năm": it now says the
    table's too, its row, and which figures the report uses for what."""

    def with_start_list(book):
        sheet = book.create_sheet("Danh sách đầu năm")
        sheet.append(["STT", "Xóm", *HEADER[1:]])
        hamlets = [("Nà Mòn", "01", 7, 6), ("Khau Lang", "02", 12, 9), ("Bản Cọ", "03", 7, 5)]
        for hamlet, code, poor, near in hamlets:
            for n in range(poor + near):
                is_poor = n < poor
                marks = [
                    "x" if i in ((0, 1, 2, 3) if is_poor else (3,)) else None for i in range(12)
                ]
                sheet.append([n + 1, hamlet, f"TL.{code}.{n + 1:03d}", f"Chủ hộ {code} {n + 1}",
                              1950 + n, "Nam", "Tày", None, 4,
                              "Hộ nghèo" if is_poor else "Hộ cận nghèo",
                              900_000 if is_poor else 1_200_000, *marks, "Thiếu vốn", None, None,
                              None])  # fmt: skip

    from pipeline.plan import start_mismatches

    path = write_plan(tmp_path / "K.xlsx", edit=with_start_list)

    plan, _ = load_plan(open_workbook(path), path.name)
    [said] = start_mismatches(plan)
    assert (said.row, said.hamlet) == (4, "Nà Mòn")
    assert said.message("vi") == (
        "Danh sách đầu năm của xóm Nà Mòn có 7 hộ nghèo, 6 hộ cận nghèo, còn trang 'Chỉ tiêu theo "
        "xóm' (dòng 4) ghi 8 hộ nghèo, 6 hộ cận nghèo. Tỷ lệ đầu năm được tính theo số trong "
        "trang 'Chỉ tiêu theo xóm', biến động hộ theo danh sách đầu năm; hãy đối chiếu lại và sửa "
        "cho khớp."
    )


@pytest.mark.parametrize(
    ("poor", "near"),
    [("giảm 1,52%/năm", "≥ 1,01"), ("Giảm 1,52 điểm % trở lên", "tối thiểu 1,01%")],
)
def test_a_commune_target_written_in_words_around_its_number(tmp_path, poor, near):
    """'giảm 1,52%/năm' (as plans word it) stopped the run: "không đọc được thành số điểm %"."""
    labels = {"Chỉ tiêu giảm tỷ lệ hộ nghèo (điểm %)": poor,
              "Chỉ tiêu giảm tỷ lệ hộ cận nghèo (điểm %)": near}  # fmt: skip
    info = [(label, labels.get(label, value)) for label, value in INFO]
    plan, _ = load_plan(open_workbook(write_plan(tmp_path / "K.xlsx", info=info)), "K.xlsx")
    assert (plan.poor_target, plan.near_poor_target) == (1.52, 1.01)


def test_a_target_range_is_still_refused(tmp_path):
    labels = {"Chỉ tiêu giảm tỷ lệ hộ nghèo (điểm %)": "1,5-2"}
    info = [(label, labels.get(label, value)) for label, value in INFO]
    said = refusal(write_plan(tmp_path / "K.xlsx", info=info))
    assert "ghi '1,5-2', không đọc được thành số điểm %" in said


@pytest.mark.parametrize("heading", ["Tên thôn, xóm", "Tổ dân phố"])
def test_the_hamlet_column_under_the_headings_plans_use(tmp_path, heading):
    """'Tên thôn, xóm' (and an urban commune's 'Tổ dân phố') over the hamlet names: the run
    stopped with "không có dòng tiêu đề 'Xóm | Tổng số hộ đầu năm | …'", the row being there."""

    def retitled(book):
        book["Chỉ tiêu theo xóm"]["A3"] = heading

    plan, _ = load_plan(open_workbook(write_plan(tmp_path / "K.xlsx", edit=retitled)), "K.xlsx")
    assert plan.hamlet_names == ["Nà Mòn", "Khau Lang", "Bản Cọ"]


def test_a_header_without_the_hamlet_column_says_so(tmp_path):
    def retitled(book):
        book["Chỉ tiêu theo xóm"]["A3"] = "Danh sách các xóm"

    said = refusal(write_plan(tmp_path / "K.xlsx", edit=retitled))
    assert "có dòng tiêu đề (dòng 3) nhưng không có cột tên xóm: hãy ghi 'Xóm'" in said


def test_a_plan_year_that_is_no_single_year_says_what_to_write(tmp_path):
    """'2024-2025' in 'Năm kế hoạch' stopped the run with "không hợp lệ ('2024-2025')"."""
    info = [(label, "2024-2025" if label == "Năm kế hoạch" else value) for label, value in INFO]
    said = refusal(write_plan(tmp_path / "K.xlsx", info=info))
    assert said == (
        "K.xlsx: 'Năm kế hoạch' (ô B4) trong trang 'Thông tin chung' ghi '2024-2025', không phải "
        "một năm; hãy ghi một năm, ví dụ 2024 (mỗi năm một tệp kế hoạch)."
    )
