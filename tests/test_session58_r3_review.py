"""Session 58 (R3), review of A's, E's and E2's reading changes: a heading typed in decomposed
Unicode (NFD, as 'Unicode tổ hợp' keyboards write it) is read as its composed twin is, and a
'Thoát' row of another hamlet's household under 'Xóm Bản Cọ chuyển khỏi xã' while that hamlet
is silent is that hamlet's exit once it sends its list (pinned).

The small commune (tests.commune): Nà Mòn's May list ('Tổng số hộ dân cư' 102) NM1, NM5, NM6
poor, NM2, NM4 near-poor in rows 5-9, then a heading in A10 over two households in rows 11-12
(tests.test_session30_c_heads_lists.with_titles), numbered 1, 2: BC1 (poor) and BC3
(near-poor). Bản Cọ sends no list in May."""

from __future__ import annotations

import unicodedata

import pytest

from pipeline.discover import move_title
from pipeline.run import collect, execute
from tests.commune import person, roster_edited, write_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_session30_c_heads_lists import OWN, with_titles

_UNDER = [person("BC1", "poor"), person("BC3", "near_poor")]


def _nfd(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text  # the test's text really is decomposed
    return decomposed


def _said(result) -> list[tuple]:
    return [(i.code, i.cell, i.detail, i.instead) for i in result.issues
            if i.code in ("rows-of-other-hamlet", "rows-moved-away", "rows-moved-unclear",
                          "moved-not-listed")]  # fmt: skip


@pytest.mark.parametrize("title", ["chuyển sang xóm Bản Cọ", "Hộ chuyển đi xóm Bản Cọ"])
def test_a_decomposed_move_title_names_its_hamlet(title):
    """By hand: 'Hộ chuyển đi xóm Bản Cọ' names Bản Cọ (session 30), composed or not. Was, in
    NFD: ('out', ''), the hamlet lost."""
    assert move_title(title) == ("out", "Bản Cọ")
    assert move_title(_nfd(title)) == ("out", "Bản Cọ")


@pytest.mark.parametrize(
    "title", ["Xóm Nà Mòn chuyển sang xóm Bản Cọ", "Hộ chuyển sang xóm Bản Cọ"]
)
def test_a_decomposed_heading_naming_where_households_went_takes_them_out(tmp_path, title):
    """The heading of E2's 'Xóm Nà Mòn chuyển sang xóm Bản Cọ' (and session 30's 'Hộ chuyển
    sang xóm Bản Cọ') typed in NFD, over BC1, BC3. By hand, as the composed heading: rows 11-12
    said moved to Bản Cọ at A10, each 'moved-not-listed' (Bản Cọ sends no list), Nà Mòn 3 poor
    (NM1, NM5, NM6), 2 near-poor (NM2, NM4). Was: the first read as a hamlet 'Nà Mòn chuyển
    sang xóm Bản Cọ' lengthening Nà Mòn, kept silently (4, 3); the second said moved out to no
    hamlet (no 'moved-not-listed', the head not told Bản Cọ must list them)."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [(_nfd(title), list(_UNDER))], True)
    result = collect(folder, None, workers=0)[0]
    assert _said(result) == [
        ("rows-moved-away", "A10", "11–12", "Bản Cọ"),
        ("moved-not-listed", "A11", "", "Bản Cọ"),
        ("moved-not-listed", "A12", "", "Bản Cọ"),
    ]
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


def test_thoat_of_a_silent_hamlets_household_is_its_exit_when_it_sends(tmp_path):
    """E2's Left (pinned, passing before: nothing is lost). May: Nà Mòn's list, 'Xóm Bản Cọ
    chuyển khỏi xã' in A10 over BC2 (Bản Cọ's start-list poor) written 'Thoát'; Bản Cọ sends
    nothing, so it has no figures in May and the row is Nà Mòn's list's, no exit of Nà Mòn (its
    start list lacks BC2): Nà Mòn poor exited 1 (NM3, gone unwritten). June: Bản Cọ's list BC1
    poor, BC3 near-poor, no BC2. By hand: Bản Cọ start 2 poor, BC2 exited 1 (May's 'Thoát'
    remembered: no 'vanished-household' asking to confirm it), end 1 poor, 1 near-poor."""
    folder, out = tmp_path / "input", tmp_path / "out"
    folder.mkdir()
    write_plan(folder)
    may = write_roster(
        folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102,
        [dict(r) for r in OWN] + [person("BC2", "exited")],
    )  # fmt: skip
    with roster_edited(may) as sheet:
        sheet.insert_rows(10)
        sheet.cell(10, 1, "Xóm Bản Cọ chuyển khỏi xã")
    result = execute(folder, out, "2024-05")[0]
    assert hamlet_figures(result, "Nà Mòn")["movements"]["poor"]["exited"] == 1
    may.unlink()
    write_roster(folder, "DS_NaMon_2024-06.xlsx", "Nà Mòn", 102, [dict(r) for r in OWN],
                 period="2024-06")  # fmt: skip
    write_roster(folder, "BanCo_2024-06.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC3", "near_poor")], period="2024-06")  # fmt: skip
    result = execute(folder, out, "2024-06")[0]
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["poor"], ban_co["near_poor"]) == (1, 1)
    assert ban_co["movements"]["poor"]["start"] == 2
    assert ban_co["movements"]["poor"]["exited"] == 1
    assert [
        i for i in result.issues if i.code == "vanished-household" and i.hamlet == "Bản Cọ"
    ] == []


# --- a head's name after a total's words is no subtotal over one household (A's runs) --------


def test_a_head_named_like_a_total_beside_his_neighbours_figures_is_told(tmp_path):
    """Nà Mòn's list, rows 5-9 as above, then row 10: a head 'TONG CONG THANH' ('Tống Công
    Thành' typed in capitals without marks), his code, ID, class, sex, people, cause and need
    left blank, his year 1970, 4 people and 1,200,000 the household's above (NM6's: every
    household of the fixture has them). By hand: a household missing its code and class, told
    at B10 (missing-household-id), C10 (head-name-is-total) and I10 (invalid-classification),
    not counted: Nà Mòn 3 poor, 2 near-poor. Was (session 58 A's runs): passed over silently as
    a subtotal over NM6, nothing said."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    blank = {key: None for key in ("ma_ho", "so_dinh_danh", "phan_loai", "gioi_tinh", "dan_toc",
                                   "nguyen_nhan", "nhu_cau")}  # fmt: skip
    blank.update({f"td_{i:02d}": False for i in range(1, 13)})
    head = dict(person("NM7", "poor"), chu_ho="TONG CONG THANH", **blank)
    assert (head["nam_sinh"], head["nhan_khau"], head["thu_nhap"]) == (1970, 4, 1_200_000)
    write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, [dict(r) for r in OWN] + [head])
    result = collect(folder, None, workers=0)[0]
    told = sorted((i.code, i.cell) for i in result.issues if i.cell in ("B10", "C10", "I10"))
    assert told == [
        ("head-name-is-total", "C10"),
        ("invalid-classification", "I10"),
        ("missing-household-id", "B10"),
    ]
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
