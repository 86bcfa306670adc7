"""Session 55 (R1): session 55's privacy (D) and officer's-month (H) changes as heads break
them.

1. A head's own list (no 'Thông tin') whose title lines write 'Xóm:', 'Kỳ báo cáo:' and a
   'Tổng số hộ dân cư:' that reads as no count of households ('khoảng 120 hộ', '450 nhân
   khẩu', '120 hộ, trong đó 3 hộ nghèo') was refused whole since session 55's H (read as the
   list's 'Thông tin' block): a title's words do not refuse the list; the plan's total is
   taken and the missing 'Thông tin' said, as before session 55.
2. A total whose household word is in brackets ('120 (hộ)', '120 (hộ gia đình)'), as a
   column's header writes a unit, was no count of households (`text.parse_households`): a
   title line so refused the list, and so did the same words in 'Thông tin'.
3. A head's photo, PDF or CSV of last month left in the input and named with the month
   without its year ('Đồng Kè tháng 4.jpg', 'DongKe_T4.pdf'), at May's run: taken for the
   hamlet's May list when the hamlet sent nothing else (the hamlet 'rejected', not
   'missing'); session 55's H read another month in such a file's folder or a dated name only.
4. A title line 'Số hộ trong xóm: 120' or 'Tổng số hộ dân cư trong xóm: 120' was no total's
   label: the plan's total taken, the head told he wrote none.
"""

from __future__ import annotations

import pytest

from pipeline.run import collect
from pipeline.text import parse_households
from tests.commune import clean_rosters, write_plan
from tests.test_session55_officer_month import own_list


@pytest.mark.parametrize(
    "total",
    ["khoảng 120 hộ", "450 nhân khẩu", "120 hộ, trong đó 3 hộ nghèo", "120 hộ - 450 khẩu"],
)
def test_a_title_total_read_as_no_count_does_not_refuse_the_list(tmp_path, total):
    """Nà Mòn by hand (tests.commune.clean_rosters' list): poor NM1, NM5, NM6 = 3, near-poor
    NM2, NM4 = 2, over the plan's 100 households (the title's total unread): 3 %, 2 %, the
    hamlet counted, one missing-info-sheet warning. Before: 'rejected', invalid-total-households
    at the title's total line."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    (tmp_path / "NaMon.xlsx").unlink()
    own_list(tmp_path, ["Xóm: Nà Mòn", "Kỳ báo cáo: 05/2024", f"Tổng số hộ dân cư: {total}"])
    result, _ = collect(tmp_path, None)
    hamlet = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    told = sorted(i.code for i in result.issues if i.file == "NaMon.xlsx")
    assert (hamlet["status"], hamlet["poor"], hamlet["near_poor"]) == ("ok", 3, 2)
    assert hamlet["households"] == 100
    assert hamlet["poor_rate"] == pytest.approx(3.0)
    assert hamlet["near_poor_rate"] == pytest.approx(2.0)
    assert told == ["missing-info-sheet"]


@pytest.mark.parametrize(
    ("written", "read"),
    [("120 (hộ)", 120), ("120 (hộ gia đình)", 120), ("Số hộ: 95 ( HGĐ ).", 95),
     ("120 (người)", None), ("120 (hộ) 5", None), ("120 (450 khẩu)", None)],
)  # fmt: skip
def test_a_household_word_in_brackets_is_read(written, read):
    """The count before the brackets, by hand; a count of people or a number after the
    brackets stays no count of households. Before: None for the first three."""
    assert parse_households(written) == read


def test_a_title_total_with_its_word_in_brackets_is_the_hamlets(tmp_path):
    """'Tổng số hộ dân cư: 120 (hộ)' in Nà Mòn's title lines: 3 poor / 120 = 2.5 %, 2
    near-poor / 120 = 1.666… %, no issue. Before: the list refused (invalid-total-households)."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    (tmp_path / "NaMon.xlsx").unlink()
    own_list(tmp_path, ["Xóm: Nà Mòn", "Kỳ báo cáo: 05/2024", "Tổng số hộ dân cư: 120 (hộ)"])
    result, _ = collect(tmp_path, None)
    hamlet = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (hamlet["status"], hamlet["households"], hamlet["poor"]) == ("ok", 120, 3)
    assert hamlet["poor_rate"] == pytest.approx(2.5)
    assert hamlet["near_poor_rate"] == pytest.approx(200 / 120)
    assert [i.code for i in result.issues if i.file == "NaMon.xlsx"] == []


@pytest.mark.parametrize(
    ("name", "status", "month", "said"),
    [("Đồng Kè tháng 4.jpg", "missing", "2024-04", []),
     ("DongKe_T4.pdf", "missing", "2024-04", []),
     ("DS DongKe thang 04.csv", "missing", "2024-04", []),
     ("T5/DongKe_T4.jpg", "rejected", None, ["not-a-spreadsheet"]),
     ("DongKe thang 5.csv", "rejected", None, ["not-a-spreadsheet"])],
)  # fmt: skip
def test_a_document_named_for_last_month_without_its_year_is_that_months(
    tmp_path, name, status, month, said
):
    """May's run (tests.commune.clean_rosters: Đồng Kè sends no list) with a file of Đồng Kè's
    named for April without the year: April's ('Khác kỳ', 2024-04: May's year), Đồng Kè
    'missing' in May, nothing said of it. Guards: in May's folder 'T5/' the officer sorted it
    into May (session 43: the folder wins), and one named 'tháng 5' is May's: both refused as
    Đồng Kè's May list, as before. Before: the first three refused so too."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    document = tmp_path / name
    document.parent.mkdir(exist_ok=True)
    document.write_bytes(b"Ma ho,Chu ho\nDK1,Hoang Van DK1\n")
    result, _ = collect(tmp_path, None)
    assert result.period == "2024-05"
    hamlet = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Đồng Kè")
    sub = next(s for s in result.submissions if s.file == name)
    assert (hamlet["status"], sub.extra.get("name_period")) == (status, month)
    assert sub.status == ("other_period" if month else "rejected")
    assert [i.code for i in result.issues if i.file == name] == said


@pytest.mark.parametrize(
    "line",
    ["Số hộ trong xóm: 120", "Tổng số hộ dân cư trong xóm: 120", "Tổng số hộ trong xóm: 120"],
)
def test_a_title_total_labelled_in_the_hamlet_is_the_hamlets(tmp_path, line):
    """Nà Mòn's title lines 'Xóm: Nà Mòn', 'Kỳ báo cáo: 05/2024' and ``line``: 3 poor / 120
    = 2.5 %, no issue. Before: 100 (the plan's) and 3 %, with a missing-info-sheet warning."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    (tmp_path / "NaMon.xlsx").unlink()
    own_list(tmp_path, ["Xóm: Nà Mòn", "Kỳ báo cáo: 05/2024", line])
    result, _ = collect(tmp_path, None)
    hamlet = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (hamlet["status"], hamlet["households"], hamlet["poor"]) == ("ok", 120, 3)
    assert hamlet["poor_rate"] == pytest.approx(2.5)
    assert [i.code for i in result.issues if i.file == "NaMon.xlsx"] == []
