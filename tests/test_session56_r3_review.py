"""Session 56, R3: review of E's titles and F's total rows and title lines, as heads break them.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè on the start list. Nà Mòn's May list
(tests.test_session30_c_heads_lists.OWN, 102 households): NM1, NM5, NM6 poor, NM2, NM4
near-poor in rows 5-9, then a heading row (row 10, merged across the table as heads write it)
over BC1 (poor) and BC3 (near-poor), rows 11-12."""

from __future__ import annotations

import unicodedata

import openpyxl
import pytest

from pipeline.run import collect
from tests.commune import person
from tests.summaries import hamlet_figures
from tests.test_session30_c_heads_lists import with_titles
from tests.test_session40_titles import issues
from tests.test_session52_total_sums import total_sums_run
from tests.test_session55_f_total_names import READ_TWO, TWO_POOR


def _headed_rows(tmp_path, heading: str):
    """Nà Mòn's May list with ``heading`` in A10, merged over the table, over BC1 and BC3: the
    run's result."""
    folder = tmp_path / "input"
    folder.mkdir()
    path = with_titles(folder, [(heading, [person("BC1", "poor"), person("BC3", "near_poor")])])
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    assert sheet["A10"].value == heading and sheet["B11"].value == "BC1"
    sheet.merge_cells(start_row=10, start_column=1, end_row=10, end_column=sheet.max_column)
    book.save(path)
    return collect(folder, None, workers=0)[0]


@pytest.mark.parametrize(
    "heading",
    [
        "Tổ 2 xóm Bản Cọ chuyển đến",
        "TỔ 2 - XÓM BẢN CỌ CHUYỂN ĐẾN:",
        "Tổ 2 xóm Bản Cọ (chuyển đến)",
        "Xóm Bản Cọ chuyển đến",
        "Danh sách xóm Bản Cọ mới chuyển về",
        unicodedata.normalize("NFD", "Tổ 2 xóm Bản Cọ chuyển đến"),
    ],
)
def test_a_hamlets_heading_ending_chuyen_den_keeps_its_rows_moved_in(tmp_path, heading):
    """'Tổ 2 xóm Bản Cọ chuyển đến' (row 10) over BC1 and BC3: households that moved into Nà
    Mòn from Bản Cọ's group 2, as under 'Hộ chuyển đến từ tổ 2 xóm Bản Cọ'. By hand: the rows
    stay Nà Mòn's, nothing said: 4 poor (NM1, NM5, NM6, BC1), 3 near-poor (NM2, NM4, BC3), the
    poor rate 4 / 102 = 3.92 %. Was: read as a hamlet 'Bản Cọ chuyển đến' (no plan hamlet),
    rows 11-12 taken out as its, 3 and 2 (the group-first headings since session 56's E, the
    others before it)."""
    result = _headed_rows(tmp_path, heading)
    assert issues(result, "rows-of-other-hamlet") == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)
    assert na_mon["poor_rate"] == pytest.approx(400 / 102)


# --- F: a subtotal per tổ typed in composite Unicode -------------------------------------------


def _composite(text: str) -> str:
    """``text`` as 'Unicode tổ hợp' writes it (a Vietnamese keyboard's composite setting): the
    vowel with its hat precomposed ('ô'), its tone mark after it (U+0323 dot below, U+0309 hook
    above), as neither NFC ('ộ') nor NFD ('o' and two marks) does."""
    for whole, (vowel, mark) in {
        "ộ": "ô\u0323",
        "ổ": "ô\u0309",
        "Ộ": "Ô\u0323",
        "Ổ": "Ô\u0309",
    }.items():
        text = text.replace(whole, vowel + mark)
    return text


@pytest.mark.parametrize("written", ["Cộng tổ 1", "TỔNG TỔ 1", "Tổng tổ 1:"])
def test_a_subtotal_per_to_typed_in_composite_unicode_is_passed_over(tmp_path, written):
    """NM1, NM2 (rows 5-6, born 1970, 4 people each), row 7 'Cộng tổ 1 | 3,940 | … | 8' typed in
    composite Unicode ('Cô' then a dot below: 'Cộng'). By hand: 3,940 = 1970 + 1970 and 8 = 4
    + 4, the rows' sums: passed over unsaid, NM1 and NM2 read, poor 2. Was: its first two
    letters 'Cô' are none of those a subtotal is told by at a glance ('Cộ', 'Co' of NFD):
    read as a household, told missing-household-id at B7, 3,940 no birth year at D7, no class
    at I7."""
    typed = _composite(written)
    assert typed != unicodedata.normalize("NFC", typed)
    got = total_sums_run(tmp_path, [*TWO_POOR, None], {7: {3: typed, 4: 3940, 8: 8}})
    assert got == ([], READ_TWO, (2, 0))


@pytest.mark.parametrize(
    "written",
    ["Cộng tổ 1: 2 hộ", "Cộng tổ 1 (2 hộ)", "CỘNG TỔ 1 - 2 HỘ", "Cộng tổ 1: 2 hộ, 8 khẩu"],
)
def test_a_subtotal_per_to_with_its_count_in_its_words_is_passed_over(tmp_path, written):
    """NM1, NM2 (rows 5-6), row 7 'Cộng tổ 1: 2 hộ | 3,940 | … | 8': the subtotal with its
    count of households (and people) after its tổ, as heads write a total ('Tổng cộng: 2
    hộ'). By hand: 3,940 and 8 are the two rows' sums: passed over unsaid, poor 2. Was: the
    words after the tổ's number were no subtotal's ('… 1 2 ho' folded): read as a household,
    told missing-household-id at B7, 3,940 no birth year at D7, no class at I7."""
    got = total_sums_run(tmp_path, [*TWO_POOR, None], {7: {3: written, 4: 3940, 8: 8}})
    assert got == ([], READ_TWO, (2, 0))


def test_a_subtotal_with_its_count_beside_a_households_figures_is_read(tmp_path):
    """A guard: 'Cộng tổ 1: 2 hộ' beside 4 people and 'Hộ nghèo' under NM1, NM2 (their sum 8):
    no sum, read as a household and told at its row, never passed over unsaid (B7, poor 2)."""
    got = total_sums_run(
        tmp_path, [*TWO_POOR, None], {7: {3: "Cộng tổ 1: 2 hộ", 8: 4, 9: "Hộ nghèo"}}
    )
    assert got == (
        [("missing-household-id", "B7")],
        [*READ_TWO, ("", "Cộng tổ 1: 2 hộ", False)],
        (2, 0),
    )
