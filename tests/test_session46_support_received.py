"""Session 46 (helper N): the support already received ('Nhu cầu đã được hỗ trợ') beside the
need is another column, as the cause of leaving poverty is beside the cause
(tests/test_session46_columns_review.py).

The small commune (tests.commune): Bản Cọ's May list is the template
(tests.test_session43_d_heads_files.ban_co_template): header in row 4, households in rows 5 to 7
(BC1, BC2 poor, BC3 near-poor); Y 'Nhu cầu hỗ trợ' (all 'Vay vốn ưu đãi')."""

from __future__ import annotations

from pipeline.run import FatalError
from tests.summaries import hamlet_figures
from tests.test_session44_headers import ban_co_said, run_with_headers


def test_the_support_received_beside_the_need_is_another_column(tmp_path):
    """Z4 'Nhu cầu đã được hỗ trợ' (Z5 'Vay vốn ưu đãi', Z6 blank, Z7 'Nhà ở') beside Y4 as
    the template writes it, or written 'Nhu cầu' or 'Nhu cầu cần hỗ trợ'; Z4 'Nhu cầu đã hỗ
    trợ' beside the template's. Before (4 of 4 cases fail): the first, second and fourth
    refused the list as two copies of the need differing in rows 6 and 7 (no list
    consolidated); beside 'Nhu cầu cần hỗ trợ' Z was read as the need and Y set aside with
    nothing said (BC2 blank, BC3 'Nhà ở'). Now Z is a column not in the template
    (unknown-column at Z4), nothing of it read: the needs 'Vay vốn ưu đãi' thrice."""
    z = {"Z5": "Vay vốn ưu đãi", "Z7": "Nhà ở"}
    cases = (
        {"Z4": "Nhu cầu đã được hỗ trợ", **z},
        {"Y4": "Nhu cầu", "Z4": "Nhu cầu đã được hỗ trợ", **z},
        {"Y4": "Nhu cầu cần hỗ trợ", "Z4": "Nhu cầu đã được hỗ trợ", **z},
        {"Z4": "Nhu cầu đã hỗ trợ", **z},
    )
    failed = []
    for index, cells in enumerate(cases):
        (tmp_path / str(index)).mkdir()
        try:
            result = run_with_headers(tmp_path / str(index), cells)
        except FatalError:
            failed.append(index)
            continue
        ban_co = hamlet_figures(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), index
        assert ban_co_said(result) == [("unknown-column", "Z4")], index
        households = result.households.set_index("ma_ho")
        assert (
            households.loc[["BC1", "BC2", "BC3"], "nhu_cau"].tolist() == ["Vay vốn ưu đãi"] * 3
        ), index
    assert failed == []
