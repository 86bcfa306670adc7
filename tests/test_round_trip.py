"""Session 7: what a hamlet head meets sending a list, reading the feedback and sending it again
(findings of a round-trip QA: hamlet names, periods, amounts and duplicates as people type them).
Expected figures are worked out by hand from the small commune of tests/commune.py."""

from __future__ import annotations

import pytest

from pipeline.hamlets import HamletMatcher, known_hamlets
from pipeline.run import collect
from tests.commune import person, write_plan, write_roster

NAMES = ["Nà Mòn", "Khau Lang", "Bản Cọ", "Đồng Kè", "Nà Tiến", "Nà Pài", "Bản Piềng"]


@pytest.mark.parametrize(
    "written, plan_name",
    [("NàMòn", "Nà Mòn"), ("nà  mòn", "Nà Mòn"), ("Xóm KhauLang", "Khau Lang"), ("Nà Tiếng", None),
     # a name with spaces of its own is another hamlet, not 'Nà Mòn' run together
     ("Nặm Òn", None), ("Nam On", None)],
)  # fmt: skip
def test_a_hamlet_name_with_its_space_left_out_is_the_plan_hamlet(written, plan_name):
    assert HamletMatcher(NAMES).match(written) == plan_name


def test_names_alike_without_spaces_are_not_guessed():
    """'Na Mon' and 'Nam On' both read 'namon' without spaces: 'NaMon' is neither."""
    matcher = HamletMatcher(["Na Mon", "Nam On"])
    assert matcher.match("NaMon") is None
    assert matcher.match("Nam On") == "Nam On"


@pytest.mark.parametrize(
    "written, likely",
    [("Nà Tiếng", "Nà Tiến"), ("Bản Phiềng", "Bản Piềng"), ("Đồng Kẻ x", "Đồng Kè"), ("Lạ", None),
     ("Bản Cọ 2", None)],  # a hamlet of its own, not a slip for Bản Cọ
)  # fmt: skip
def test_an_unknown_hamlet_gets_the_one_close_plan_name(written, likely):
    assert HamletMatcher(NAMES).suggest(written) == likely


@pytest.mark.parametrize(
    "written, name, mine",
    [("Đông Khê", "Đồng Kè", True),  # a slip for it
     ("Bản Cọ Mới", "Bản Cọ", True), ("Xóm Bản Cọ", "Bản Cọ", True),  # words added
     ("Khuổi Đắc", "Đồng Kè", False), ("Nà", "Bản Cọ", False),
     ("Bản Cọ 2", "Bản Cọ", False)],  # a hamlet of its own
)  # fmt: skip
def test_a_written_hamlet_is_a_plan_hamlet_written_otherwise_only_when_close(written, name, mine):
    assert HamletMatcher(NAMES).written_for(written, name) is mine


def test_the_unknown_hamlet_message_names_the_hamlet_a_file_name_names_instead():
    said = known_hamlets(HamletMatcher(["Nà Mòn", "Đồng Kè"]), "Khuổi Đắc", "Đồng Kè", "file name")
    assert said == (
        "tên tệp lại ghi xóm Đồng Kè: nếu đúng là danh sách của xóm Đồng Kè, hãy sửa ô 'Xóm'. "
        "Các xóm trong kế hoạch: Nà Mòn, Đồng Kè"
    )
    assert said.en == (
        "the file name names hamlet Đồng Kè instead: if it is Đồng Kè's list, correct the "
        "'Xóm' cell. The plan's hamlets: Nà Mòn, Đồng Kè"
    )


def test_the_unknown_hamlet_message_asks_about_the_close_name(tmp_path):
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    # (a code on no hamlet's start list: BC1 would take the list as Bản Cọ's, session 22)
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cõ x", 200, [person("BX1", "poor")])
    result, _ = collect(tmp_path, None)
    [issue] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert issue.message("vi") == (
        "Xóm 'Bản Cõ x' không có trong kế hoạch của xã. Hãy ghi đúng tên xóm như trong kế "
        "hoạch (có phải xóm 'Bản Cọ'? Các xóm trong kế hoạch: Nà Mòn, Bản Cọ, Đồng Kè)."
        " Nếu đây là một xóm chưa có trong kế hoạch thì xã cần thêm xóm đó vào trang 'Chỉ tiêu theo xóm' của kế hoạch rồi tổng hợp lại."
    )
    assert "did you mean 'Bản Cọ'?" in issue.message("en")


def test_a_roster_whose_hamlet_lacks_a_space_is_counted(tmp_path):
    """'NàMòn' on Thông tin: the roster is Nà Mòn's (2 poor, 1 near-poor of 102 households)."""
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "NàMòn", 102, [
        person("NM1", "poor"), person("NM2", "poor"), person("NM4", "near_poor"),
    ])  # fmt: skip
    result, _ = collect(tmp_path, None)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 2, 1)
    assert na_mon["poor_rate"] == pytest.approx(2 / 102 * 100, abs=0.005)
    assert not [i for i in result.issues if i.code == "unknown-hamlet"]


@pytest.mark.parametrize(
    "written, period",
    [("05/24", "2024-05"), ("5/24", "2024-05"), ("T5/24", "2024-05"), ("Tháng 5/24", "2024-05"),
     ("13/24", None), ("05/2024", None), ("5", None)],
)  # fmt: skip
def test_a_month_with_a_two_digit_year(written, period):
    from pipeline.text import parse_short_year_period

    assert parse_short_year_period(written) == period


def test_a_period_written_with_a_two_digit_year_is_taken_and_said(tmp_path):
    """'05/24' on Thông tin of DS_NaMon_2024-05.xlsx (the file name says May 2024 too): Nà
    Mòn's May 2024 list is counted (2 poor of 102), with a warning at the cell (B4 in the
    template) saying how it was read."""
    write_plan(tmp_path)
    write_roster(tmp_path, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, [
        person("NM1", "poor"), person("NM2", "poor"),
    ], period="05/24")  # fmt: skip
    result, _ = collect(tmp_path, None)
    assert result.period == "2024-05"
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["status"], na_mon["poor"]) == ("ok", 2)
    [said] = [i for i in result.issues if i.code == "period-short-year"]
    assert (said.file, said.sheet, said.cell, said.severity) == (
        "DS_NaMon_2024-05.xlsx", "Thông tin", "B4", "warning",
    )  # fmt: skip
    assert said.message("vi") == (
        "Ô 'Kỳ báo cáo' ghi '05/24' (năm chỉ có 2 chữ số); đã hiểu là tháng 05/2024. "
        "Hãy ghi đủ năm, ví dụ 05/2024."
    )


def test_one_id_number_under_two_codes_is_warned_at_both_rows(tmp_path):
    """NM1's row pasted again under a new code NM7 (same name, birth year, ID number), and
    Bản Cọ's BC1 written with NM2's ID number. Every row still counts (Nà Mòn 3 poor: NM1, NM2,
    NM7; which row is wrong is the hamlet's to say), and each of the four rows is told at its
    ID cell (column G, list from row 5) where the same number is."""
    write_plan(tmp_path)
    nm1 = person("NM1", "poor")
    nm2 = person("NM2", "poor")
    copy = dict(nm1, ma_ho="NM7")
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [nm1, nm2, copy])
    bc1 = person("BC1", "poor", so_dinh_danh=nm2["so_dinh_danh"])
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, [bc1])
    result, _ = collect(tmp_path, None)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert na_mon["poor"] == 3
    said = {(i.file, i.cell): i for i in result.issues if i.code == "duplicate-id-number"}
    assert set(said) == {
        ("NaMon.xlsx", "G5"), ("NaMon.xlsx", "G7"), ("NaMon.xlsx", "G6"), ("BanCo.xlsx", "G5"),
    }  # fmt: skip
    assert all(i.severity == "warning" for i in said.values())
    assert said["NaMon.xlsx", "G5"].message("vi") == (
        f"Số định danh '{nm1['so_dinh_danh']}' trùng với dòng 7 của danh sách này, là hộ có mã "
        "khác. Nếu là cùng một hộ được ghi nhiều lần, hãy chỉ giữ một dòng (hộ đang bị tính "
        "nhiều lần); nếu không, hãy sửa số định danh cho đúng."
    )
    assert str(said["BanCo.xlsx", "G5"].detail) == "xóm Nà Mòn, tệp NaMon.xlsx, dòng 6"


def test_one_code_twice_is_the_code_error_alone(tmp_path):
    """NM1 pasted twice under its own code: the duplicate-code error (both rows left out), no
    ID-number warning on top; its text says to delete one row if both are one household."""
    write_plan(tmp_path)
    nm1 = person("NM1", "poor")
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [nm1, dict(nm1), person("NM2", "poor")])
    result, _ = collect(tmp_path, None)
    codes = [i.code for i in result.issues]
    assert codes.count("duplicate-household-id") == 2 and "duplicate-id-number" not in codes
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert na_mon["poor"] == 1
    message = next(i for i in result.issues if i.code == "duplicate-household-id").message("vi")
    assert (
        "Nếu là cùng một hộ được ghi nhiều lần, hãy xóa các dòng thừa, chỉ giữ một dòng" in message
    )


def test_a_thoat_row_not_on_the_start_list_is_told_at_its_ma_ho_cell(tmp_path):
    """NM9 marked Thoát (row 6 of the list) was on no list: the warning points at its Mã hộ
    cell (column B), which it asks to check, not at the row alone."""
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [
        person("NM1", "poor"), person("NM9", "exited"),
    ])  # fmt: skip
    result, _ = collect(tmp_path, None)
    [said] = [i for i in result.issues if i.code == "exited-not-listed-at-start"]
    assert (said.sheet, said.row, said.cell, said.column, said.value) == (
        "Danh sách", 6, "B6", "Mã hộ", "NM9",
    )  # fmt: skip


def test_a_blank_cell_is_said_to_be_blank_not_quoted_as_empty(tmp_path):
    """NM2's 'Phân loại hộ' and 'Số nhân khẩu' left blank: the messages say the cell is empty
    instead of "là ''"; a cell with a value is still quoted."""
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [
        person("NM1", "poor", nhan_khau="bốn"), person("NM2", None, nhan_khau=None),
        person("NM3", "poor"),
    ])  # fmt: skip
    result, _ = collect(tmp_path, None)
    said = {(i.row, i.code): i.message("vi") for i in result.issues}
    assert said[6, "invalid-classification"] == (
        "'Phân loại hộ' đang để trống. Chỉ ghi một trong: Hộ nghèo, Hộ cận nghèo, Thoát."
    )
    assert said[6, "invalid-household-size"] == (
        "'Số nhân khẩu' đang để trống; cần số nguyên từ 1 đến 30. Hãy ghi số người trong hộ "
        "(ví dụ 4)."
    )
    assert said[5, "invalid-household-size"].startswith("'Số nhân khẩu' là 'bốn', không phải")


@pytest.mark.parametrize(
    "written, amount",
    [("1tr2", 1_200_000), ("1tr5", 1_500_000), ("1 tr 25", 1_250_000), ("1tr250", 1_250_000),
     ("1500k", 1_500_000), ("1.500K", 1_500_000), ("12tr2345", None), ("tr2", None)],
)  # fmt: skip
def test_income_shorthand_as_people_write_it(written, amount):
    from pipeline.text import parse_number

    assert parse_number(written) == amount


def test_an_income_written_1tr2_is_read_and_checked_against_the_line(tmp_path):
    """NM1 poor with '1tr2' (1.200.000 đ ≤ the rural line 1.500.000) and 3 deprivations:
    read, no income issue; NM2 near-poor with '2tr5' (above the line) is told it is not
    near-poor by income."""
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [
        person("NM1", "poor", thu_nhap="1tr2"), person("NM2", "near_poor", thu_nhap="2tr5"),
    ])  # fmt: skip
    result, _ = collect(tmp_path, None)
    by_row = {}
    for issue in result.issues:
        by_row.setdefault(issue.row, set()).add(issue.code)
    assert 5 not in by_row
    assert by_row[6] == {"classification-mismatch"}


def test_a_refused_file_has_its_doubled_codes_said_at_once(tmp_path):
    """Nà Mòn's list is refused for its total (2 households written, 3 listed) and has NM1 on
    rows 5 and 6: the doubled code is told now, not only once the total is fixed and the
    list sent again."""
    write_plan(tmp_path)
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 2, [
        person("NM1", "poor"), person("NM1", "poor"), person("NM2", "poor"),
    ])  # fmt: skip
    result, _ = collect(tmp_path, None)
    [na_mon] = [s for s in result.submissions if s.file == "NaMon.xlsx"]
    assert na_mon.status == "rejected"
    doubled = sorted(
        (i.row, str(i.detail)) for i in result.issues if i.code == "duplicate-household-id"
    )
    assert doubled == [(5, "dòng 6 của danh sách này"), (6, "dòng 5 của danh sách này")]


def test_a_day_and_month_is_not_taken_for_a_two_digit_year(tmp_path):
    """'01/05' (a day and a month, or May 2001?) with nothing else saying January 2005: the
    period cannot be read, as before (it was read as 01/2005 and the list silently dropped as
    another period's)."""
    write_plan(tmp_path)
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")], period="01/05")
    result, _ = collect(tmp_path, None)
    [said] = [i for i in result.issues if i.file == "NaMon.xlsx" and i.code == "invalid-period"]
    assert (said.cell, said.value) == ("B4", "01/05")
    assert not [i for i in result.issues if i.code == "period-short-year"]


def test_an_id_number_shared_with_a_thoat_row_or_a_placeholder_is_not_warned_of(tmp_path):
    """NM9 marked Thoát with NM1's ID number counts nothing twice (one listed, one exit), and
    '000000000000' typed for unknown numbers is no one's: no duplicate-id-number warning."""
    write_plan(tmp_path)
    nm1 = person("NM1", "poor")
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [
        nm1, person("NM9", "exited", so_dinh_danh=nm1["so_dinh_danh"]),
        person("NM2", "poor", so_dinh_danh="000000000000"),
        person("NM3", "poor", so_dinh_danh="000000000000"),
    ])  # fmt: skip
    result, _ = collect(tmp_path, None)
    assert not [i for i in result.issues if i.code == "duplicate-id-number"]
