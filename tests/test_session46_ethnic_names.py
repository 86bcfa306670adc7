"""Session 46 (helper N): the ethnic groups' other names (local and subgroup names of the
official list, QĐ 121-TCTK/PPCĐ 1979, 'tên gọi khác') are read as their group.

The small commune (tests.commune): Bản Cọ's May list is the template
(tests.test_session43_d_heads_files.ban_co_template): header in row 4, households in rows 5 to 7
(BC1, BC2 poor, BC3 near-poor); F 'Dân tộc' (all 'Tày')."""

from __future__ import annotations

from pipeline import figures
from tests.summaries import hamlet_figures
from tests.test_session44_headers import ban_co_said, run_with_headers


def test_a_subgroup_name_is_read_as_its_group(tmp_path):
    """F5 to F7 written with a subgroup's name. Before: each an unknown ethnicity
    (unknown-ethnicity at F5, F6, F7; 3 of 3 cases fail before). Now read as the group, nothing
    said; the three are ethnic minority households (2 poor, 1 near-poor)."""
    cases = (
        ({"F5": "Dao đỏ", "F6": "Dao tiền", "F7": "Dao quần chẹt"}, ["Dao", "Dao", "Dao"]),
        ({"F5": "Mông hoa", "F6": "H'Mông trắng", "F7": "Mèo đen"}, ["Mông", "Mông", "Mông"]),
        ({"F5": "Thái đen", "F6": "Nùng Cháo", "F7": "Sán Dẻo"}, ["Thái", "Nùng", "Sán Dìu"]),
    )
    for index, (cells, read) in enumerate(cases):
        (tmp_path / str(index)).mkdir()
        result = run_with_headers(tmp_path / str(index), cells)
        ban_co = hamlet_figures(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), index
        assert ban_co_said(result) == [], index
        households = result.households.set_index("ma_ho")
        assert households.loc[["BC1", "BC2", "BC3"], "dan_toc"].tolist() == read, index
        minority = figures.subgroups(result.households)["ethnic_minority"]
        assert (minority["poor"], minority["near_poor"]) == (2, 1), index


def test_a_subgroup_name_beside_a_second_ethnic_column(tmp_path):
    """Z4 'Dân tộc (DTTS)' beside F (twice._agree). Before, every case gave unknown-ethnicity
    at F5 (3 of 3 fail before), and 'Dao đỏ' beside 'Tày' agreed (an unknown name agreed with
    any group but Kinh). Now: F5 'Dao Lô Gang', Z5 'Kinh': differ, one warning at Z4, F read
    (BC1 'Dao'); F5 'Dao đỏ', Z5 'Tày': differ, as 'Dao' beside 'Tày' does; F5 'Thái trắng',
    Z5 'Thái': agree, nothing said, BC1 'Thái'."""
    z4 = {"Z4": "Dân tộc (DTTS)"}
    cases = (
        ({"F5": "Dao Lô Gang", **z4, "Z5": "Kinh"}, [("column-twice-ignored", "Z4")], "Dao"),
        ({"F5": "Dao đỏ", **z4, "Z5": "Tày"}, [("column-twice-ignored", "Z4")], "Dao"),
        ({"F5": "Thái trắng", **z4, "Z5": "Thái"}, [], "Thái"),
    )
    for index, (cells, said, read) in enumerate(cases):
        (tmp_path / str(index)).mkdir()
        result = run_with_headers(tmp_path / str(index), cells)
        assert ban_co_said(result) == said, index
        assert result.households.set_index("ma_ho").loc["BC1", "dan_toc"] == read, index


def test_an_ambiguous_name_is_left_alone(tmp_path):
    """'Thổ' is a group of its own (also an old name of the Tày): read as the Thổ. 'Trại'
    (Sán Dìu or Dao) is not read: unknown-ethnicity at F5 as before."""
    result = run_with_headers(tmp_path, {"F5": "Trại", "F6": "Thổ"})
    assert ban_co_said(result) == [("unknown-ethnicity", "F5")]
    assert result.households.set_index("ma_ho").loc["BC2", "dan_toc"] == "Thổ"
