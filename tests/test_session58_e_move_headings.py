"""Session 58 (E): a hamlet's heading between the households ending in a move with a day after
it ('Tổ 2 xóm Bản Cọ chuyển đi ngày 3/5/2024'), or in a move out of the commune ('Xóm Nà Mòn
chuyển khỏi xã', '… chuyển sang xã khác'), is a move heading (discover._moved_last; R1's Left
of session 57).

The small commune (tests.commune): Nà Mòn's May list ('Tổng số hộ dân cư' 102) NM1, NM5, NM6
poor, NM2, NM4 near-poor in rows 5-9, then the heading in A10 over BC1 (poor) and BC3
(near-poor) numbered 1 and 2 in rows 11-12 (a part numbered as its own list;
tests.test_session30_c_heads_lists.with_titles); Bản Cọ sends no list."""

from __future__ import annotations

import pytest

from pipeline.run import collect
from tests.commune import person
from tests.summaries import hamlet_figures
from tests.test_session30_c_heads_lists import with_titles

_TO_BAN_CO = (
    "Các dòng 11–12 nằm dưới tiêu đề '{title}', là các hộ đã chuyển đi xóm Bản Cọ, nên không "
    "được tính vào xóm Nà Mòn. Xóm Bản Cọ ghi các hộ đó vào danh sách của xóm mình, giữ nguyên "
    "Mã hộ: hãy xóa các dòng đó khỏi danh sách của xóm Nà Mòn (không ghi 'Thoát': mã hộ sẽ bị "
    "trùng với danh sách của xóm Bản Cọ). Nếu các hộ đó vẫn ở xóm Nà Mòn, hãy xóa tiêu đề đó."
)
_WHERE_UNSAID = (
    "Các dòng 11–12 nằm dưới tiêu đề '{title}', là các hộ đã chuyển đi, nên không được tính "
    "vào xóm Nà Mòn. Nếu hộ chuyển sang xóm khác trong xã, hãy xóa dòng của hộ (xóm nơi hộ đến "
    "ghi hộ vào danh sách của xóm đó, giữ nguyên Mã hộ); nếu hộ chuyển khỏi xã, hãy ghi 'Thoát' "
    "ở cột 'Phân loại hộ' và 'Chuyển khỏi xã' ở cột 'Ghi chú' (dòng ghi 'Thoát' được tính là hộ "
    "đã ra khỏi danh sách). Nếu các hộ đó vẫn ở xóm Nà Mòn, hãy xóa tiêu đề đó."
)


def _under(tmp_path, title: str, households: list[dict] | None = None):
    """Nà Mòn's May list, ``title`` in A10 over ``households`` (BC1 poor, BC3 near-poor)
    numbered from 1. The run's result."""
    folder = tmp_path / "input"
    folder.mkdir()
    under = households or [person("BC1", "poor"), person("BC3", "near_poor")]
    with_titles(folder, [(title, under)], True)
    return collect(folder, None, workers=0)[0]


def _said(result) -> list[tuple]:
    return [(i.code, i.cell, i.detail, i.instead) for i in result.issues
            if i.code in ("rows-moved-away", "rows-of-other-hamlet", "rows-moved-unclear",
                          "moved-not-listed")]  # fmt: skip


# --- a day after the move -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    ["Tổ 2 xóm Bản Cọ chuyển đi ngày 3/5/2024", "Xóm Bản Cọ chuyển đi ngày 03/05/2024",
     "Danh sách xóm Bản Cọ chuyển đi từ ngày 3/5/2024", "XÓM BẢN CỌ CHUYỂN ĐI NGÀY 3-5-2024"],
)  # fmt: skip
def test_a_chuyen_di_heading_with_a_day_after_takes_its_rows_out_as_moved(tmp_path, title):
    """'Tổ 2 xóm Bản Cọ chuyển đi ngày 3/5/2024' (A10) over BC1, BC3. By hand, as 'Tổ 2 xóm Bản
    Cọ chuyển đi' (session 57): households that went to Bản Cọ, rows 11-12 taken out, said at
    A10 in the words of a move to Bản Cọ, each told not listed there (A11, A12); Nà Mòn 3 poor
    (NM1, NM5, NM6), 2 near-poor (NM2, NM4). Was: the day cut off the title's hamlet but
    'ngày' left on it, read 'Bản Cọ chuyển đi ngày': 'Tổ 2 …' kept silently (4 and 3, a group
    the plan lacks), the others taken out as that hamlet's rows, counted nowhere."""
    result = _under(tmp_path, title)
    assert _said(result) == [("rows-moved-away", "A10", "11–12", "Bản Cọ"),
                             ("moved-not-listed", "A11", "", "Bản Cọ"),
                             ("moved-not-listed", "A12", "", "Bản Cọ")]  # fmt: skip
    away = next(i for i in result.issues if i.code == "rows-moved-away")
    assert away.message() == _TO_BAN_CO.format(title=title)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


def test_the_lists_own_chuyen_di_heading_with_a_day_after_takes_its_rows_out(tmp_path):
    """'Xóm Nà Mòn chuyển đi ngày 3/5/2024' in Nà Mòn's own list: its households that went,
    where to unsaid (session 57): rows 11-12 taken out, said at A10 with no hamlet; Nà Mòn 3
    and 2. Was: a hamlet 'Nà Mòn chuyển đi ngày', its rows counted nowhere."""
    title = "Xóm Nà Mòn chuyển đi ngày 3/5/2024"
    result = _under(tmp_path, title)
    assert _said(result) == [("rows-moved-away", "A10", "11–12", "")]
    away = next(i for i in result.issues if i.code == "rows-moved-away")
    assert away.message() == _WHERE_UNSAID.format(title=title)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


@pytest.mark.parametrize(
    "title", ["Xóm Bản Cọ chuyển đến ngày 3/5/2024", "Tổ 2 xóm Bản Cọ chuyển đến từ ngày 3/5"]
)
def test_a_chuyen_den_heading_with_a_day_after_keeps_its_rows(tmp_path, title):
    """'Xóm Bản Cọ chuyển đến ngày 3/5/2024' over BC1, BC3: households come from Bản Cọ, Nà
    Mòn's own now (session 56 review): kept, nothing said, 4 poor, 3 near-poor. Was: 'Xóm …'
    read as a hamlet 'Bản Cọ chuyển đến ngày', its rows taken out (3 and 2); 'Tổ 2 …' a guard
    (kept before too, a group of a hamlet the plan lacks)."""
    result = _under(tmp_path, title)
    assert _said(result) == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)


def test_ho_chuyen_di_with_a_day_after_is_still_a_move_out_naming_none(tmp_path):
    """A guard: 'Hộ chuyển đi ngày 3/5/2024' (session 30's move title, read before too): rows
    11-12 taken out, said at A10 with no hamlet; Nà Mòn 3 and 2."""
    title = "Hộ chuyển đi ngày 3/5/2024"
    result = _under(tmp_path, title)
    assert _said(result) == [("rows-moved-away", "A10", "11–12", "")]
    assert next(i for i in result.issues if i.code == "rows-moved-away").message() == (
        _WHERE_UNSAID.format(title=title)
    )
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


# --- a move out of the commune ---------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    ["Xóm Nà Mòn chuyển khỏi xã", "Xóm Nà Mòn chuyển sang xã khác", "Tổ 2 xóm Bản Cọ chuyển khỏi xã",
     "Xóm Bản Cọ chuyển đi xã khác", "XÓM NÀ MÒN - CHUYỂN RA KHỎI XÃ NGÀY 3/5/2024",
     "Xóm Nà Mòn chuyển đi xã Tân Lập"],
)  # fmt: skip
def test_a_hamlets_heading_ending_in_a_move_out_of_the_commune_takes_its_rows_out(tmp_path, title):
    """'Xóm Nà Mòn chuyển khỏi xã' (A10) over BC1, BC3. By hand, as under 'Hộ chuyển khỏi xã'
    (session 30): households that left the commune, where to in it none: rows 11-12 taken out,
    said at A10 with no hamlet, none told unlisted anywhere; Nà Mòn 3 poor, 2 near-poor. Was:
    the title's hamlet read up to 'xã' ('Nà Mòn chuyển khỏi', 'Nà Mòn chuyển sang'): 'Xóm Nà
    Mòn …' taken out as such a hamlet's rows, counted nowhere; 'Tổ 2 xóm Bản Cọ …' kept
    silently (4 and 3); 'Xóm Bản Cọ chuyển đi xã khác', '… xã Tân Lập' read as moved to a hamlet
    of the commune (Bản Cọ, Nà Mòn)."""
    result = _under(tmp_path, title)
    assert _said(result) == [("rows-moved-away", "A10", "11–12", "")]
    away = next(i for i in result.issues if i.code == "rows-moved-away")
    assert away.message() == _WHERE_UNSAID.format(title=title)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


def test_a_household_written_thoat_under_chuyen_khoi_xa_is_an_exit(tmp_path):
    """'Xóm Nà Mòn chuyển khỏi xã' over NM7 (poor, row 11, numbered 1) and NM3 (start list
    poor, written 'Thoát', row 12, numbered 2). By hand, as under 'Hộ chuyển khỏi xã' (session
    30): a household leaving the commune is written 'Thoát' (session 21), so NM3 stays, counted
    as a poor household that exited; NM7 is taken out, said at A10 for row 11 alone. Nà Mòn 3
    poor (NM1, NM5, NM6), 2 near-poor; poor exited 1. Was: both taken out as a hamlet 'Nà Mòn
    chuyển khỏi''s rows, NM3's exit not counted (0)."""
    households = [person("NM7", "poor"), person("NM3", "exited")]
    result = _under(tmp_path, "Xóm Nà Mòn chuyển khỏi xã", households)
    assert _said(result) == [("rows-moved-away", "A10", "11", "")]
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert na_mon["movements"]["poor"]["exited"] == 1


def test_a_move_out_within_the_commune_is_not_read_as_leaving_it(tmp_path):
    """A guard: 'Xóm Bản Cọ chuyển đi trong xã' ('trong xã', within the commune) is a move out
    to Bản Cọ, as 'Xóm Bản Cọ chuyển đi' (session 57 review's 'trong'): rows 11-12 taken out
    and said moved to Bản Cọ; Nà Mòn 3 and 2."""
    result = _under(tmp_path, "Xóm Bản Cọ chuyển đi trong xã")
    assert _said(result)[0] == ("rows-moved-away", "A10", "11–12", "Bản Cọ")
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


def test_a_move_into_the_commune_is_not_read_as_leaving_it(tmp_path):
    """A guard: 'Xóm Bản Cọ chuyển về xã' (came into the commune from Bản Cọ) is a move in, as
    'Xóm Bản Cọ chuyển về' (session 56 review): kept, nothing said, 4 and 3."""
    result = _under(tmp_path, "Xóm Bản Cọ chuyển về xã")
    assert _said(result) == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)
