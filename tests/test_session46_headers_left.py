"""Session 46 (helper C): the header and file-name cases session 45 left ('Nhu cầu cần được hỗ
trợ', two yielding names without the template's column, 'Thu nhập năm', 'Khu 5 - 2024'). Each
finding pinned by a small fixture worked out by hand.

The small commune (tests.commune): Bản Cọ's start list is BC1, BC2 poor and BC3 near-poor,
200 households. Its May list is the template (tests.test_session43_d_heads_files._ban_co):
header in row 4, households in rows 5 to 7 (BC1, BC2, BC3); B 'Mã hộ', C 'Họ và tên chủ hộ',
F 'Dân tộc' (all 'Tày'), H 'Số nhân khẩu' (all 4), J 'Thu nhập BQ', W 'Nguyên nhân nghèo', Y
'Nhu cầu hỗ trợ', Z 'Ghi chú'. BC2's head is a woman."""

from __future__ import annotations

from tests.test_session44_headers import _each_counted

# --- 1. more words for the main cause and the need beside the template's column -----------------


def test_the_main_cause_and_the_need_in_other_words_beside_the_templates_are_another_column(
    tmp_path,
):
    """Bản Cọ keeps the template's columns and adds one at Z: 'Nhu cầu cần được hỗ trợ' (BC1
    'Nhà ở'), 'Nguyên nhân chủ yếu' or 'Nguyên nhân nghèo chủ yếu' (BC1 'Ốm đau'). Before: each
    was read as a second copy of the need or the cause, differing from the template's (blank),
    and the only list was refused (column-twice; 3 of 3 fail). Now they yield as 'Nhu cầu cần
    hỗ trợ' and 'Nguyên nhân nghèo chính' do: the template's column is read, Z is a column not
    in the template (one warning at Z4), poor 2, near-poor 1."""
    cases = {
        "Nhu cầu cần được hỗ trợ": {"Z5": "Nhà ở"},
        "Nguyên nhân chủ yếu": {"Z5": "Ốm đau"},
        "Nguyên nhân nghèo chủ yếu": {"Z5": "Ốm đau"},
    }
    for header, _, said in _each_counted(tmp_path, "Z4", cases):
        assert said == [("unknown-column", "Z4")], header
