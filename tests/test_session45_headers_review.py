"""Session 45 (helper E): review of the session's header changes (Column.yields_less, 'Mã hộ
mới', the hamlet's number before a year). Each finding pinned by a small fixture worked out by
hand.

The small commune (tests.commune): Bản Cọ's start list is BC1, BC2 poor and BC3 near-poor,
200 households. Its May list is the template (tests.test_session43_d_heads_files.ban_co_template):
header in row 4, households in rows 5 to 7 (BC1, BC2, BC3); B 'Mã hộ', C 'Họ và tên chủ hộ',
F 'Dân tộc' (all 'Tày'), H 'Số nhân khẩu' (all 4), J 'Thu nhập BQ', W 'Nguyên nhân nghèo', Y
'Nhu cầu hỗ trợ', Z 'Ghi chú'. BC2's head is a woman."""

from __future__ import annotations

from tests.summaries import hamlet_figures
from tests.test_session44_headers import ban_co_said, run_with_headers

# --- 1. a new code and a new head's name beside the code and the name --------------------------


def test_a_new_code_and_a_new_heads_name_are_both_read_where_written(tmp_path):
    """Bản Cọ adds 'Mã hộ mới' at Z (BC2's new code 'BC2A' in Z6) and 'Họ tên chủ hộ mới' at AA
    (BC3's new head 'Hoàng Thị Mai' in AA7), each written only where it changed. Before: the
    code's columns were read as rounds, and so the name's were not (one list of rounds for all
    the keys): AA read alone, BC1 and BC2 (AA5, AA6 blank) said to have no name and not
    counted: poor 0, near-poor 1. Now each is read where written, else B and C: poor 2,
    near-poor 1; one warning at B4 and one at C4, and BC2A is BC2 by its name and birth year
    (code-changed at Z6)."""
    result = run_with_headers(tmp_path, {"Z4": "Mã hộ mới", "Z6": "BC2A", "AA4": "Họ tên chủ hộ mới",
                                          "AA7": "Hoàng Thị Mai"})  # fmt: skip
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)
    assert ban_co_said(result) == [
        ("column-twice-ignored", "B4"), ("column-twice-ignored", "C4"), ("code-changed", "Z6"),
    ]  # fmt: skip
    told = [i.message() for i in result.issues if i.code == "column-twice-ignored"]
    assert "2 dòng hộ chưa ghi lần sau (dòng 5, 6): đã đọc cột ở ô C4" in told[1]


def test_a_code_read_where_the_new_code_is_blank_is_said_at_its_own_cell(tmp_path):
    """Bản Cọ adds 'Mã hộ mới' at Z, writing 'BC1' (BC1's code, typed on the wrong row) for BC3
    in Z7 only. BC1's code is read from B5 (Z5 blank), BC3's from Z7: two rows of code 'BC1',
    each said (duplicate-household-id) and not counted: poor 1 (BC2), near-poor 0. Before:
    row 5's message named Z5, the blank cell of 'Mã hộ mới', where the head finds nothing. Now
    it names B5 and its header 'Mã hộ', where 'BC1' is written; row 7's names Z7."""
    result = run_with_headers(tmp_path, {"Z4": "Mã hộ mới", "Z7": "BC1"})
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 1, 0)
    twice = [(i.cell, i.column, i.value) for i in result.issues
             if i.code == "duplicate-household-id"]  # fmt: skip
    assert twice == [("B5", "Mã hộ", "BC1"), ("Z7", "Mã hộ mới", "BC1")]


# --- 2. the template's column left blank beside one of the yielding names ----------------------


def test_a_blank_column_gives_way_to_a_yielding_one_holding_the_values(tmp_path):
    """The template's column left blank in every row, the values written under a name that
    yields to it ('Dân tộc (Kinh/DTTS)', 'Số nhân khẩu thực tế', 'Nguyên nhân nghèo chính'), as
    a head does who fills in the column he added. Before: the blank column was read and the
    other said a column not in the template, 'no need to fix': the ethnic groups lost (ethnic
    minority 0), every size missing (the only list refused), the causes lost. Now the one
    holding values is read, as it is alone, and the blank one is not said (4 of 4 cases fail
    before).
    * F blank, Z 'Dân tộc (Kinh/DTTS)' Tày, Tày, Kinh: ethnic minority poor 2 (BC1, BC2),
      near-poor 0 (BC3 Kinh); nothing said.
    * The same with the names' places swapped: F 'Dân tộc (Kinh/DTTS)' holding the groups, Z
      'Dân tộc' blank: the same.
    * H blank, Z 'Số nhân khẩu thực tế' 3, 5, 0: BC3's size 0 said at Z7 and BC3 not counted:
      poor 2, near-poor 0.
    * W blank, Z 'Nguyên nhân nghèo chính' 'Thiếu vốn' (Z5), 'Đi xa' (Z6, not a cause of the
      list of causes): said at Z6 (unknown-vocabulary); poor 2, near-poor 1."""
    groups = {"Z5": "Tày", "Z6": "Tày", "Z7": "Kinh"}
    swapped = {"F4": "Dân tộc (Kinh/DTTS)", "F5": "Tày", "F6": "Tày", "F7": "Kinh", "Z4": "Dân tộc"}
    cases = (
        ({"F5": None, "F6": None, "F7": None, "Z4": "Dân tộc (Kinh/DTTS)", **groups}, (2, 1), []),
        (swapped, (2, 1), []),
        ({"H5": None, "H6": None, "H7": None, "Z4": "Số nhân khẩu thực tế", "Z5": 3, "Z6": 5,
          "Z7": 0}, (2, 0), [("invalid-household-size", "Z7")]),
        ({"W5": None, "W6": None, "W7": None, "Z4": "Nguyên nhân nghèo chính", "Z5": "Thiếu vốn",
          "Z6": "Đi xa"}, (2, 1), [("unknown-vocabulary", "Z6")]),
    )  # fmt: skip
    for index, (cells, counts, said) in enumerate(cases):
        (tmp_path / str(index)).mkdir()
        result = run_with_headers(tmp_path / str(index), cells)
        ban_co = hamlet_figures(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", *counts), cells
        assert ban_co_said(result) == said, cells
        if index < 2:
            assert ban_co["subgroups"]["ethnic_minority"] == {"poor": 2, "near_poor": 0}


# --- 3. a town's unit written short before its number in the title ----------------------------


def test_a_town_units_short_name_and_number_before_the_year_names_no_month(tmp_path):
    """Bản Cọ's list titled 'DANH SÁCH HỘ NGHÈO TDP 10 - 2024' (tổ dân phố 10 written short, as
    the reader knows it from session 40), beside Nà Mòn's plain May list. Before: 'TỔ DÂN PHỐ
    10 - 2024' named no month (this session) but 'TDP 10 - 2024' named October, as 'XÓM 10 -
    2024' did before the session: its 'Kỳ báo cáo' date cell 10 May 2024 was read swapped as
    October, and left blank it took October; each time the run went to October with Bản Cọ
    alone (2 of 2 cases fail before). Now the run is May's: the date cell read as typed,
    nothing said; the blank cell refused (invalid-period at B4)."""
    from datetime import datetime

    from tests.test_session44_headers_review import dated

    title = "DANH SÁCH HỘ NGHÈO TDP 10 - 2024"
    cases = ((datetime(2024, 5, 10), "ok", []), (None, "rejected", [("invalid-period", "B4")]))
    for index, (period, status, said) in enumerate(cases):
        (tmp_path / str(index)).mkdir()
        result = dated(tmp_path / str(index), period, title)
        assert result.summary["period"] == "2024-05"
        assert (hamlet_figures(result, "Bản Cọ")["status"], ban_co_said(result)) == (status, said)
        assert (
            hamlet_figures(result, "Nà Mòn")["poor"],
            hamlet_figures(result, "Nà Mòn")["near_poor"],
        ) == (3, 2)


def test_a_blank_name_column_does_not_give_way_to_a_wifes_name(tmp_path):
    """Guard (passes before too): the head's name left blank (C5 to C7) beside 'Họ tên, năm
    sinh vợ' filled in (Z) is not read from Z, the wives' names taken for the heads': each row
    is said missing its name, and the only list is refused."""
    import pytest

    from pipeline.run import FatalError

    wives = {"Z5": "Lò Thị A, 1975", "Z6": "Lò Văn B, 1970", "Z7": "Lò Thị C, 1980"}
    with pytest.raises(FatalError) as stop:
        run_with_headers(
            tmp_path, {"C5": None, "C6": None, "C7": None, "Z4": "Họ tên, năm sinh vợ", **wives}
        )
    assert "Cả 3 dòng hộ trong danh sách đều có lỗi" in str(stop.value)


# --- 4. a yielding name followed by more words -------------------------------------------------


def test_a_yielding_name_followed_by_words_yields_as_the_longest_name_it_begins_with(tmp_path):
    """'Số CMND/CCCD chủ hộ' and 'Số CMND/CCCD (12 số)' in the template's ID column (G), the old
    IDs under 'Số CMND' beside them (Z, '012345678' for BC1). 'Số CMND/CCCD' yields less than
    'Số CMND' (this session), whole or followed by more words; but each header was read as
    'Số CMND' followed by words, so the two tied: two copies differing, the only list refused
    (2 of 2 cases fail before). Now the longest name a header begins with tells: G is the ID,
    Z a column not in the template (one warning at Z4): poor 2, near-poor 1."""
    for index, header in enumerate(("Số CMND/CCCD chủ hộ", "Số CMND/CCCD (12 số)")):
        (tmp_path / str(index)).mkdir()
        result = run_with_headers(
            tmp_path / str(index), {"G4": header, "Z4": "Số CMND", "Z5": "012345678"}
        )
        ban_co = hamlet_figures(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), header
        assert ban_co_said(result) == [("unknown-column", "Z4")], header
