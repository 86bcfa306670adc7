"""Session 67, review RF of F's counts, notes and codes (its section in docs/decisions.md).

(1) F's Left (1): under the plain merged plan (Bản Cọ merged into Nà Mòn, no store), a merged-
    away hamlet's total written 'Tổng xóm Bản Cọ' or 'Tổng thôn Bản Cọ' in the name cell with
    no count under Mã hộ, or 'Tổng xóm Bản Cọ: 2 hộ' whole in the name cell, was read as a
    household without a code (two errors, a household '' in the list): the reader's
    TOTAL_MARKERS had 'cộng xóm', 'cộng thôn' and not 'tổng xóm', 'tổng thôn'.
(2) F's rule across months (a pin): a household stored under the code 'Chưa có' (read as a
    code before session 67 F) is held by its name, not counted, never exited, when May writes
    'Chưa có' again; counted back (recounted) once June writes its code.

Nà Mòn's list from row 5 (tests.commune: A STT, B Mã hộ, C the head's name, D Năm sinh, H Số
nhân khẩu, I Phân loại hộ); each household 4 people, poor.
"""

from __future__ import annotations

from unittest import mock

import pytest

from pipeline import validate
from pipeline.run import execute
from tests.commune import new_commune, person
from tests.summaries import hamlet_figures
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session67_f_counts_notes_codes import FIVE, merged_may

# (1) a merged-away hamlet's total beginning 'Tổng xóm', 'Tổng thôn'.


@pytest.mark.parametrize(
    "count",
    [
        {3: "Tổng xóm Bản Cọ", 8: 8},
        {3: "Tổng thôn Bản Cọ", 8: 8},
        {3: "TỔNG XÓM BẢN CỌ", 8: 8},
        {3: "Tổng xóm Bản Cọ", 2: "2", 8: 8},
    ],
    ids=["tong-xom", "tong-thon", "capitals", "count-under-ma-ho"],
)
def test_a_merged_away_total_beginning_tong_xom_is_no_household(tmp_path, count):
    """Row 11 'Tổng xóm Bản Cọ' (people 8 = BC1's 4 + BC2's 4 just above), Bản Cọ no plan
    hamlet. By hand: no head's name begins 'Tổng xóm' or 'Tổng thôn' (as none begins 'Cộng
    xóm', a total already): a total, taken out, nothing said; five households. Before (the
    first three): a household without a code, 'missing-household-id' B11 and
    'invalid-classification' I11, a household '' beside the five (the last passed: a guard)."""
    said, codes, _ = merged_may(tmp_path, count)
    assert (said, codes) == ([], FIVE)


@pytest.mark.parametrize(
    "label", ["Cộng xóm Bản Cọ: 2 hộ", "Tổng xóm Bản Cọ: 2 hộ", "Tổng số thôn Bản Cọ (2 hộ)"]
)
def test_a_merged_away_totals_count_in_its_label_counts_its_part(tmp_path, label):
    """Row 11 '<label> | … | 8' under BC1, BC2 (rows 9-10, after Nà Mòn's 'Cong Na Mon | 3'
    at row 8, taken out as Nà Mòn's total). By hand: its '2 hộ' are rows 9-10, its part
    (Bản Cọ's old total): right, nothing said; five households. Before: 'total-count-differs'
    at C11 (its 2 against the list's 5 rows), and for 'Tổng xóm …' two errors at B11, I11 and
    a household '' (F's Left (1))."""
    said, codes, _ = merged_may(tmp_path, {3: label, 8: 8})
    assert (said, codes) == ([], FIVE)


@pytest.mark.parametrize(
    "label", ["Cộng xóm Bản Cọ: 3 hộ", "Tổng cộng: 2 hộ", "Cộng toàn xóm: 2 hộ", "Cộng xóm: 2 hộ"]
)
def test_a_count_not_its_parts_or_naming_no_hamlet_is_still_said(tmp_path, label):
    """Guard: the same shape, the count 3 (its part 2, the list 5: mistyped), or a total of
    the whole list ('Tổng cộng', 'Cộng toàn xóm', 'Cộng xóm' naming no hamlet) counting 2:
    said against the list's 5 rows at C11 as before."""
    said, codes, _ = merged_may(tmp_path, {3: label, 8: 8})
    assert codes == FIVE
    assert [(c, cell, words.split(";")[0]) for c, cell, words in said] == [
        ("total-count-differs", "C11", f"Dòng tổng cộng ghi '{label}' nhưng danh sách có 5 dòng hộ")
    ]


# (2) across months.


def _poor(result) -> tuple:
    figures = hamlet_figures(result, "Nà Mòn")
    month = figures["movements_month"]["poor"]
    return figures["poor"], tuple(month[k] for k in ("start", "not_counted", "exited", "new",
                                                      "recounted", "end"))  # fmt: skip


def test_a_household_stored_under_chua_co_is_held_not_exited(tmp_path):
    """March and April read as before session 67 F (``_placeholder_codes`` finding none):
    Nà Mòn's NM1-NM5 and 'Chưa có | Lò Văn A | 1980 | … | 4 | Hộ nghèo' counted under the code
    'Chưa có', poor 4 (3 + 1 new). May, F's rule: the row's code missing (B10), not counted;
    its name and year those stored in April: held, month table 4 - 1 not counted = 3, nothing
    exited, no 'vanished-household'. June writes its code NM9: counted back, 3 + 1 recounted
    = 4, nothing new."""
    folder, out = new_commune(tmp_path)
    bc = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    a = person("X", "poor", chu_ho="Lò Văn A", nam_sinh=1980)
    lists = {"Nà Mòn": na_mon_rows({**a, "ma_ho": "Chưa có"}), "Bản Cọ": bc,
             "Đồng Kè": dk_rows()}  # fmt: skip
    with mock.patch.object(validate, "_placeholder_codes", lambda codes, names: {}):
        run_lists(folder, out, "2024-03", lists)
        run_lists(folder, out, "2024-04", lists)
    run_lists(folder, out, "2024-05", lists)
    may = execute(folder, out, "2024-05")[0]
    assert _poor(may) == (3, (4, 1, 0, 0, 0, 3))
    assert [(i.code, i.cell, i.variant) for i in may.issues if i.hamlet == "Nà Mòn"] == [
        ("missing-household-id", "B10", "placeholder")
    ]
    lists["Nà Mòn"] = na_mon_rows({**a, "ma_ho": "NM9"})
    run_lists(folder, out, "2024-06", lists)
    june = execute(folder, out, "2024-06")[0]
    assert _poor(june) == (4, (3, 0, 0, 0, 1, 4))
