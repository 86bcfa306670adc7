"""A value of the plan typed with a leading '=' by mistake (session 13): read past it with a
warning at its cell, as a hamlet list's cells and 'Thông tin' values are; one that fails its
rule so ('=2+2') stays the error it is, quoting the cell."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.run import FatalError, collect
from tests.commune import clean_rosters, past_targets, write_plan


def _plan_typed(folder, sheet: str, cells: dict[str, str]) -> None:
    """The commune's plan (tests.commune: 'Thông tin chung' B2 Tỉnh, B3 Xã, B4 Năm kế hoạch, B5
    Khu vực, B6 Chuẩn nghèo, B7 and B8 the two targets, B10 Người lập báo cáo; 'Chỉ tiêu theo
    xóm' row 4 Nà Mòn: A hamlet, B start households 100, C start poor 3, E poor target 1) with
    ``cells`` of ``sheet`` given text as typed in a cell formatted as text, and its rosters."""
    path = write_plan(folder)
    book = openpyxl.load_workbook(path)
    for ref, text in cells.items():
        book[sheet][ref].value = text
        book[sheet][ref].data_type = "s"  # text, as typed: no formula
    book.save(path)
    clean_rosters(folder)


def _plan_said(issues):
    return sorted((i.code, i.severity, i.sheet, i.cell, i.column, i.value, str(i.detail))
                  for i in past_targets(issues) if i.file == "KeHoach_2024.xlsx")  # fmt: skip


def test_the_plan_s_info_values_are_read_past_a_leading_equals_sign(tmp_path):
    """'=Trung Lương' in Xã (B3), '=2024' in Năm kế hoạch (B4), '=abc' in Khu vực (B5), '=2022-2025'
    in Chuẩn nghèo (B6), '=1,52' in the poor target (B7), '=Ma Thị Hoa' in Người lập báo cáo
    (B10, a name: kept as written, as a list's preparer is). The plan is used as if written
    without the '=': commune 'Trung Lương' (no list told its commune differs), 2024, the
    2022-2025 standard, 1.52 points; each cell said with what it was read as, a warning, by a
    run and by `check` alike. '=abc' is no area read so either: rural is used and said by the
    area's warning, quoting the cell as it shows, with no '=' warning on top. '=1,52' stopped
    the run (no number), '=Trung Lương' was the commune the report printed and every list was
    told differs from, '=2024' and '=2022-2025' were read silently."""
    _plan_typed(tmp_path, "Thông tin chung", {"B3": "=Trung Lương", "B4": "=2024",
                                              "B5": "=abc", "B6": "=2022-2025", "B7": "=1,52",
                                              "B10": "=Ma Thị Hoa"})  # fmt: skip
    result, _ = collect(tmp_path, None)
    plan = result.plan
    assert (plan.commune, plan.plan_year, plan.area, plan.standard, plan.poor_target) == (
        "Trung Lương",
        2024,
        "rural",
        "2022-2025",
        1.52,
    )
    assert plan.reporter == "=Ma Thị Hoa"
    assert result.summary["totals"]["poor"] == 5  # Nà Mòn 3, Bản Cọ 2
    assert not [i for i in result.issues if i.code == "commune-mismatch"]
    target = "Chỉ tiêu giảm tỷ lệ hộ nghèo (điểm %)"
    area = "khu vực '=abc' không rõ là nông thôn hay thành thị; dùng nông thôn. Hãy ghi 'Nông thôn' hoặc 'Thành thị'."
    expected = [
        ("leading-equals-sign", "warning", "Thông tin chung", "B3", "Xã", "=Trung Lương",
         "Trung Lương"),
        ("leading-equals-sign", "warning", "Thông tin chung", "B4", "Năm kế hoạch", "=2024",
         "2024"),
        ("leading-equals-sign", "warning", "Thông tin chung", "B6", "Chuẩn nghèo", "=2022-2025",
         "2022-2025"),
        ("leading-equals-sign", "warning", "Thông tin chung", "B7", target, "=1,52", "1,52"),
        ("plan-value-guessed", "warning", "Thông tin chung", "B5", "Khu vực", "=abc", area),
    ]  # fmt: skip
    assert _plan_said(result.issues) == expected
    assert _plan_said(check_files([tmp_path])) == expected
    said = next(i for i in result.issues if i.cell == "B7" and i.code == "leading-equals-sign")
    assert said.message() == (
        f"'{target}' ghi '=1,52': dấu '=' ở đầu ô không phải công thức, có lẽ gõ nhầm; đã đọc là "
        "'1,52'. Hãy xóa dấu '=' ở đầu ô; nếu đọc như vậy là sai, hãy ghi lại giá trị đúng."
    )
    # '=2+2' is no year, no number, read past the '=' either: the plan cannot be used, and the
    # reason quotes the cell as it shows, with no '=' warning.
    for cell, reason in (
        (
            "B4",
            "KeHoach_2024.xlsx: 'Năm kế hoạch' (ô B4) trong trang 'Thông tin chung' ghi '=2+2', "
            "không phải một năm; hãy ghi một năm, năm của kế hoạch này (mỗi năm một tệp kế "
            "hoạch; các kỳ năm 2024 cần kế hoạch năm 2024).",
        ),
        (
            "B7",
            f"KeHoach_2024.xlsx: '{target}' (ô B7) trong trang 'Thông tin chung' ghi '=2+2', "
            "không đọc được thành số điểm %; hãy ghi số, ví dụ 1,52.",
        ),
    ):
        folder = tmp_path / cell
        folder.mkdir()
        _plan_typed(folder, "Thông tin chung", {cell: "=2+2"})
        with pytest.raises(FatalError) as stopped:
            collect(folder, None)
        assert str(stopped.value) == reason


def test_the_hamlet_targets_are_read_past_a_leading_equals_sign(tmp_path):
    """'Chỉ tiêu theo xóm', Nà Mòn's row 4: '=Nà Mòn' (A4), '=102' start households (B4), '=1'
    poor target (E4). Read as 'Nà Mòn', 102 and 1, each said at its cell, by a run and by
    `check`; the plan stopped the run ('=102' and '=1' no numbers), and '=Nà Mòn' was a hamlet
    of that name in the report. '=2+2' stays no number, the plan stopped quoting it."""
    _plan_typed(tmp_path, "Chỉ tiêu theo xóm", {"A4": "=Nà Mòn", "B4": "=102", "E4": "=1"})
    result, _ = collect(tmp_path, None)
    row = result.plan.hamlets.set_index("hamlet").loc["Nà Mòn"]
    assert (row["start_households"], row["poor_target"]) == (102, 1)
    expected = [
        ("leading-equals-sign", "warning", "Chỉ tiêu theo xóm", "A4", "Xóm", "=Nà Mòn",
         "Nà Mòn"),
        ("leading-equals-sign", "warning", "Chỉ tiêu theo xóm", "B4", "Tổng số hộ đầu năm",
         "=102", "102"),
        ("leading-equals-sign", "warning", "Chỉ tiêu theo xóm", "E4",
         "Chỉ tiêu giảm hộ nghèo (hộ)", "=1", "1"),
    ]  # fmt: skip
    assert _plan_said(result.issues) == expected
    assert _plan_said(check_files([tmp_path])) == expected
    # '=2+2' in Nà Mòn's poor target: no whole number either; the plan stops, quoting it
    (tmp_path / "sum").mkdir()
    _plan_typed(tmp_path / "sum", "Chỉ tiêu theo xóm", {"E4": "=2+2"})
    with pytest.raises(FatalError) as stopped:
        collect(tmp_path / "sum", None)
    assert str(stopped.value) == (
        "KeHoach_2024.xlsx, trang 'Chỉ tiêu theo xóm': dòng 4 (Nà Mòn), cột E 'Chỉ tiêu giảm "
        "hộ nghèo (hộ)' ghi '=2+2', không phải số. Hãy sửa tệp kế hoạch rồi chạy lại."
    )


@pytest.mark.parametrize(
    ("typed", "total", "households"), [("=1,000", "1,250", 1000), ("=1,020", "1,270", 1020)]
)
def test_a_count_after_a_leading_equals_sign_reads_its_thousands_comma(
    tmp_path, typed, total, households
):
    """Bản Cọ's start households typed '=1,000' (B5) and the total row '1,250' (B7), text: read
    past the '=' as '1,000' itself is (text.parse_count, session 38), 1000 households. The '='
    path still read the rest with parse_whole: '=1,000' was 1 household (the plan refused: "2
    hộ nghèo cộng 1 hộ cận nghèo đầu năm là 3 hộ, nhiều hơn tổng số hộ đầu năm (1)") and
    '=1,020' no number (session 39)."""
    _plan_typed(tmp_path, "Chỉ tiêu theo xóm", {"B5": typed, "B7": total})
    result, _ = collect(tmp_path, None)
    table = result.plan.hamlets.set_index("hamlet")["start_households"].to_dict()
    assert table == {"Nà Mòn": 100, "Bản Cọ": households, "Đồng Kè": 150}
    assert _plan_said(result.issues) == [
        ("leading-equals-sign", "warning", "Chỉ tiêu theo xóm", "B5", "Tổng số hộ đầu năm",
         typed, typed[1:]),
    ]  # fmt: skip


def test_a_rate_after_a_leading_equals_sign_is_no_count(tmp_path):
    """'=1%' in Nà Mòn's poor target (E4): a rate, as '1%' is (session 24), refused at its cell;
    the '=' path read it as 1 household with only a warning (session 39)."""
    _plan_typed(tmp_path, "Chỉ tiêu theo xóm", {"E4": "=1%"})
    with pytest.raises(FatalError) as stopped:
        collect(tmp_path, None)
    assert str(stopped.value) == (
        "KeHoach_2024.xlsx, trang 'Chỉ tiêu theo xóm': dòng 4 (Nà Mòn), cột E 'Chỉ tiêu giảm "
        "hộ nghèo (hộ)' ghi '=1%', là tỷ lệ phần trăm, không phải số hộ: hãy ghi số hộ (ví dụ 2), "
        "không ghi tỷ lệ. Hãy sửa tệp kế hoạch rồi chạy lại."
    )
