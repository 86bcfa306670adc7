"""Session 46 (helper L): review of the session's fill of a template column from another name
of it (tests/test_session46_columns_fill.py). Each finding pinned by a small fixture worked
out by hand.

The small commune (tests.commune): Bản Cọ's May list is the template
(tests.test_session43_d_heads_files.ban_co_template): header in row 4, households in rows 5 to 7
(BC1, BC2 poor, BC3 near-poor); F 'Dân tộc' (all 'Tày'), G 'Số CCCD' (BC1 '046624641234',
text), H 'Số nhân khẩu' (all 4)."""

from __future__ import annotations

from tests.summaries import hamlet_figures
from tests.test_session44_headers import ban_co_said, run_with_headers

# --- 1. two columns holding values read the same are not said to differ ------------------------


def test_values_read_the_same_in_both_columns_are_not_said_to_differ(tmp_path):
    """The other name's column holds what the template's holds, written another way. Before:
    each such row was said a difference ('N dòng hộ ghi hai cột khác nhau'), the head asked
    to keep one column when nothing differs (3 of 3 cases fail before). Now nothing is said
    and the template's column is read, as where both are written alike:

    * Z4 'Số nhân khẩu thực tế', Z5 '04', Z6 '4 người' beside H 4: both read 4 (before: 2
      rows said, first row 5).
    * F5 'Mèo', Z4 'Dân tộc (DTTS)', Z5 "H'Mông": both the Mông; BC1 read 'Mông' (before: row
      5 said).
    * Z4 'Số CMND/CCCD', Z5 46624641234 (a number, its leading 0 lost) beside G5
      '046624641234' (text): the same ID (before: row 5 said).

    Poor 2, near-poor 1 in each."""
    cases = (
        ({"Z4": "Số nhân khẩu thực tế", "Z5": "04", "Z6": "4 người"}, "nhan_khau", [4, 4, 4]),
        ({"F5": "Mèo", "Z4": "Dân tộc (DTTS)", "Z5": "H'Mông"}, "dan_toc", ["Mông", "Tày", "Tày"]),
        ({"Z4": "Số CMND/CCCD", "Z5": 46624641234}, "so_dinh_danh", ["046624641234"]),
    )
    for index, (cells, key, read) in enumerate(cases):
        (tmp_path / str(index)).mkdir()
        result = run_with_headers(tmp_path / str(index), cells)
        ban_co = hamlet_figures(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), key
        assert ban_co_said(result) == [], key
        households = result.households.set_index("ma_ho")
        assert households.loc[["BC1", "BC2", "BC3"][: len(read)], key].tolist() == read, key


def test_a_size_that_differs_is_still_said(tmp_path):
    """Z4 'Số nhân khẩu thực tế', Z5 '5 người' beside H5 4, Z6 '04'
    beside H6 4: row 5 differs (5 against 4), row 6 does not; one warning at Z4 for row 5, H
    read (BC1's size 4). Before: rows 5 and 6 said (fails before)."""
    result = run_with_headers(tmp_path, {"Z4": "Số nhân khẩu thực tế", "Z5": "5 người", "Z6": "04"})
    assert ban_co_said(result) == [("column-twice-ignored", "Z4")]
    (issue,) = [i for i in result.issues if i.hamlet == "Bản Cọ"]
    assert (
        str(issue.detail)
        == "1 dòng hộ ghi hai cột khác nhau (đầu tiên là dòng 5): đã đọc cột ở ô H4"
    )
    assert result.households.set_index("ma_ho").loc["BC1", "nhan_khau"] == 4


# --- 2. the cause of leaving poverty is another column -----------------------------------------


def test_the_cause_of_leaving_poverty_beside_the_cause_is_another_column(tmp_path):
    """Bản Cọ adds Z4 'Nguyên nhân thoát nghèo' (why a household left poverty; Z5 'Có việc làm
    ổn định', Z6 blank, Z7 'Được hỗ trợ vốn') beside W 'Nguyên nhân nghèo' (all 'Thiếu vốn'),
    or beside W4 written 'Nguyên nhân'. Before: two copies of the cause differing in every
    row, the list refused (3 of 3 cases fail before: no list consolidated). Now Z is a column
    not in the template (unknown-column at Z4), as 'Nguyên nhân tái nghèo' is, and nothing of
    it is read: the causes 'Thiếu vốn' thrice; Z4 'Nguyên nhân thoát cận nghèo' beside W7
    left blank: not read there either, BC3's cause blank."""
    z = {"Z5": "Có việc làm ổn định", "Z7": "Được hỗ trợ vốn"}
    cases = (
        ({"Z4": "Nguyên nhân thoát nghèo", **z}, ["Thiếu vốn"] * 3),
        ({"W4": "Nguyên nhân", "Z4": "Nguyên nhân thoát nghèo", **z}, ["Thiếu vốn"] * 3),
        ({"W7": None, "Z4": "Nguyên nhân thoát cận nghèo", **z}, ["Thiếu vốn", "Thiếu vốn", ""]),
    )
    for index, (cells, read) in enumerate(cases):
        (tmp_path / str(index)).mkdir()
        result = run_with_headers(tmp_path / str(index), cells)
        ban_co = hamlet_figures(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), index
        assert ban_co_said(result) == [("unknown-column", "Z4")], index
        households = result.households.set_index("ma_ho")
        assert households.loc[["BC1", "BC2", "BC3"], "nguyen_nhan"].tolist() == read, index
