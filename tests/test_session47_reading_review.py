"""Session 47 (helper F): adversarial review of the session's reading changes (a year's income
beside the template's, new header names, ethnic names). Each finding pinned by a small fixture
worked out by hand.

The small commune (tests.commune): Bản Cọ's May list is the template (tests.test_session43_d_
heads_files._ban_co): header in row 4, households in rows 5 to 7 (BC1, BC2 poor, BC3
near-poor, 200 households); F 'Dân tộc' (all 'Tày'), H 'Số nhân khẩu' (all 4), J 'Thu nhập
BQ (đồng/người/tháng)' (all 1,200,000), Z 'Ghi chú' (blank), nothing after Z."""

from __future__ import annotations

from tests.test_session30_c_heads_lists import _hamlet
from tests.test_session44_headers import _run, _said

# --- 1. the head's phone 'ĐT chủ hộ …' is no ethnic group ---------------------------------------


def test_the_heads_phone_with_more_words_is_no_ethnic_group(tmp_path):
    """AA4 'ĐT chủ hộ (di động)', 'ĐT chủ hộ di động' or 'ĐT chủ hộ/Zalo' (the head's phone)
    beside the template's F 'Dân tộc', phone numbers in AA5 to AA7. Session 47 made 'DT chủ
    hộ' a name of the ethnic group; 'ĐT chủ hộ' alone was kept out (written with 'Đ'), but
    with words after it the name was matched as a prefix: AA was a second ethnic-group column
    differing from F in every row and the only list was refused (3 of 3 fail before). Now
    initials written with 'Đ' before more words are not the plain 'D' name either: AA is a
    column not in the template, the list counts (poor 2, near-poor 1), F read ('Tày')."""
    phones = {"AA5": "0912345678", "AA6": "0987654321", "AA7": "0977111222"}
    for index, header in enumerate(("ĐT chủ hộ (di động)", "ĐT chủ hộ di động", "ĐT chủ hộ/Zalo")):
        (tmp_path / str(index)).mkdir()
        result = _run(tmp_path / str(index), {"AA4": header, **phones})
        ban_co = _hamlet(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), header
        assert _said(result) == [("unknown-column", "AA4")], header
        assert set(result.households["dan_toc"]) == {"Tày"}, header


def test_initials_with_a_stroke_are_not_the_plain_d_names_whatever_follows():
    """The header names alone (read._HeaderNames.match): 'ĐT chủ hộ (nếu có)', 'ĐT (x)' (a
    mark of 'Đối tượng') and 'GĐ người lớn có thẻ' name no column (3 of 3 fail before: the
    ethnic group twice, the adults' education); 'DT chủ hộ (ghi rõ)' and 'GD người lớn (x)',
    written with a plain 'D', still name theirs."""
    from pipeline.read import _header_names
    from pipeline.text import fold
    from schemas.columns import ROSTER_COLUMNS

    names = _header_names(ROSTER_COLUMNS)

    def key(header: str) -> str | None:
        found = names.match(fold(header), header)
        return found[0] if found else None

    assert [key(h) for h in ("ĐT chủ hộ (nếu có)", "ĐT (x)", "GĐ người lớn có thẻ")] == [None] * 3
    assert [key(h) for h in ("DT chủ hộ (ghi rõ)", "GD người lớn (x)")] == ["dan_toc", "td_05"]
