"""Session 46 (helper O): review of the session's late leftovers (helper N's ethnic names,
support received, plan month rule and 'former-unsure' wording).

The small commune (tests.commune): Bản Cọ's May list is the template
(tests.test_session43_d_heads_files.ban_co_template): header in row 4, households in rows 5 to 7
(BC1, BC2 poor, BC3 near-poor); Y 'Nhu cầu hỗ trợ' (all 'Vay vốn ưu đãi')."""

from __future__ import annotations

from tests.summaries import hamlet_figures
from tests.test_session44_headers import ban_co_said, run_with_headers


def _alone_nothing_read(tmp_path, cell: str, headers: tuple[str, ...], key: str) -> None:
    """Bản Cọ's template header at ``cell`` renamed to each of ``headers`` (its values kept), no
    other column of ``key``: a column not in the template (unknown-column at ``cell``), nothing
    of it read (``key`` blank for BC1 to BC3), the hamlet counted as before (2 poor, 1
    near-poor)."""
    for index, header in enumerate(headers):
        (tmp_path / str(index)).mkdir()
        result = run_with_headers(tmp_path / str(index), {cell: header})
        ban_co = hamlet_figures(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), header
        assert ban_co_said(result) == [("unknown-column", cell)], header
        households = result.households.set_index("ma_ho")
        assert households.loc[["BC1", "BC2", "BC3"], key].tolist() == [""] * 3, header


def test_the_support_received_alone_is_not_the_need(tmp_path):
    """Y4 renamed 'Nhu cầu đã được hỗ trợ' or 'Nhu cầu đã hỗ trợ' (Y5 to Y7 still 'Vay vốn ưu
    đãi'), no other need column. Before (2 of 2 cases fail): read as the need with nothing
    said, BC1 to BC3 'Vay vốn ưu đãi' each. Now a column not in the template (unknown-column at
    Y4), nothing of it read: the needs blank; the hamlet counted as before (2 poor, 1
    near-poor)."""
    _alone_nothing_read(tmp_path, "Y4", ("Nhu cầu đã được hỗ trợ", "Nhu cầu đã hỗ trợ"), "nhu_cau")


def test_the_need_to_be_supported_alone_is_still_the_need(tmp_path):
    """Y4 'Nhu cầu cần được hỗ trợ' alone (session 46: it yields to the need's names beside
    them) is still the need: nothing said, 'Vay vốn ưu đãi' thrice (a guard of the fix above;
    passes before too)."""
    result = run_with_headers(tmp_path, {"Y4": "Nhu cầu cần được hỗ trợ"})
    assert ban_co_said(result) == []
    households = result.households.set_index("ma_ho")
    assert households.loc[["BC1", "BC2", "BC3"], "nhu_cau"].tolist() == ["Vay vốn ưu đãi"] * 3


def test_the_cause_of_leaving_poverty_alone_is_not_the_cause(tmp_path):
    """W4 renamed 'Nguyên nhân thoát nghèo' or 'Nguyên nhân thoát cận nghèo' (why a household
    left poverty; W5 to W7 still 'Thiếu vốn'), no other cause column: the same pattern as the
    support received above (left by this review, mended at the session's end). Before (2 of 2
    cases fail): read as the cause of poverty with nothing said, 'Thiếu vốn' thrice. Now a
    column not in the template (unknown-column at W4), nothing of it read: the causes blank;
    the hamlet counted as before (2 poor, 1 near-poor)."""
    headers = ("Nguyên nhân thoát nghèo", "Nguyên nhân thoát cận nghèo")
    _alone_nothing_read(tmp_path, "W4", headers, "nguyen_nhan")
