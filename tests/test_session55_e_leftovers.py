"""Session 55 (E): leftovers of session 54's feedback and titles.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor; April's lists hold them all. May's own
lists made 3 June, DanhSach_2024-05.xlsx (naming no hamlet) 4 June; heads 'Hoàng Văn
<code>'."""

from __future__ import annotations

import re
import subprocess
import sys

import openpyxl
import pytest

from pipeline.run import collect
from tests.commune import person, write_plan, write_renamed_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_session30_c_heads_lists import with_titles
from tests.test_session38_oracle import na_mon_rows
from tests.test_session40_titles import issues
from tests.test_session52_advice_table import feedback_heads, unnamed_case
from tests.test_session54_e4_all_sent_held import said_rows

# 'households-mostly-gone' of a list missing 5 of April's 5, one of them on a list naming no
# hamlet (variant 'held'), by hand: the officer's words, the head's, the screen's line
GONE_HELD = (
    "5 trong 5 hộ nghèo, hộ cận nghèo có trong danh sách tháng 4/2024 không có trong danh sách "
    "kỳ này và đã được tính là thoát (xem cảnh báo của từng hộ); trong đó hộ có trong tệp gửi "
    "riêng không ghi tên xóm thì không phải đã thoát: hãy ghi vào danh sách này, đừng ghi "
    "'Thoát'. Nếu danh sách này chỉ ghi các hộ thay đổi (danh sách bổ sung), hãy nhờ trưởng xóm "
    "gửi danh sách đầy đủ mọi hộ nghèo, hộ cận nghèo của xóm kỳ này rồi tổng hợp lại; nếu các hộ "
    "khác thật sự đã thoát, hãy ghi lại dòng của từng hộ với Phân loại hộ 'Thoát'."
)
GONE_HELD_HEAD = (
    "5 trong 5 hộ nghèo, hộ cận nghèo có trong danh sách tháng 4/2024 không có trong danh sách "
    "kỳ này nên đã được tính là thoát (xem cảnh báo của từng hộ); trong đó hộ có trong tệp gửi "
    "riêng không ghi tên xóm thì không phải đã thoát: hãy ghi vào danh sách này, đừng ghi "
    "'Thoát'. Nếu danh sách này chỉ ghi các hộ thay đổi (danh sách bổ sung), hãy gửi lại cho xã "
    "danh sách đầy đủ mọi hộ nghèo, hộ cận nghèo của xóm kỳ này; nếu các hộ khác thật sự đã "
    "thoát, hãy ghi lại dòng của từng hộ với Phân loại hộ 'Thoát'."
)
_SCREEN = (
    "CHÚ Ý: Xóm Nà Mòn: 5 trong 5 hộ nghèo, hộ cận nghèo có trong danh sách tháng 4/2024 không "
    "có trong danh sách 'NaMon.xlsx' và đã được tính là thoát; trong đó hộ có trong tệp gửi "
    "riêng không ghi tên xóm thì không phải đã thoát. Nếu đó chỉ là danh sách bổ sung (các hộ "
    "thay đổi), hãy nhờ trưởng xóm gửi danh sách đầy đủ rồi chạy lại (xem trang 'Lỗi dữ liệu')."
)


def test_a_list_missing_most_with_one_on_a_list_apart_keeps_its_screen_line(tmp_path):
    """NaMon.xlsx lists NM6 alone (new, poor); NM5, BC1, BC2 naming no hamlet: NM5 alone left
    off Nà Mòn's list, every hamlet sent ('holds-all-sent'). By hand: the list misses all 5 of
    April's (NM1-NM5), at least 5 and more than half; NM5 is on the list apart, not exited.
    Was (session 54, E4): NM5 left out of the count, 4 of 5, no 'households-mostly-gone' and
    no 'CHÚ Ý' line on the screen, the list likely of the month's changes only told nowhere as
    a whole. Now the screen, 'Lỗi dữ liệu' and Nà Mòn's feedback say 5 of 5, the household on
    the file sent apart not exited, 'Thoát' only for the others."""
    apart = [na_mon_rows()[4], person("BC1", "poor"), person("BC2", "poor")]
    may = unnamed_case(tmp_path, [person("NM6", "poor")], apart)
    ran = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "--input", str(may.folder), "--output",
         str(may.out), "--period", "2024-05", "--quiet"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    lines = ran.stdout.splitlines()
    assert [line for line in lines if line.startswith("CHÚ Ý")] == [_SCREEN], ran.stderr
    assert said_rows(may.out)[0] == ("NaMon.xlsx", "households-mostly-gone", GONE_HELD)
    assert feedback_heads(may.out, "NaMon.xlsx")[1] == GONE_HELD_HEAD


# Nà Mòn's May list (tests.test_session30_c_heads_lists.OWN: 3 poor, 2 near-poor in rows
# 5-9), then row 10 a title over BC1 (poor) and BC3 (near-poor), rows 11-12
_UNDER_TITLE = [person("BC1", "poor"), person("BC3", "near_poor")]


@pytest.mark.parametrize(
    ("title", "renamed"),
    [("Danh sách Khu 4", "Khu 4"), ("DANH SÁCH HỘ NGHÈO KHU 4", "Khu 4"),
     ("Danh sách khu số 4", "Khu 4"), ("Danh sách tổ 4", "Tổ 4")],
)  # fmt: skip
def test_a_title_naming_a_plan_hamlet_by_its_unit_and_number_takes_its_rows(
    tmp_path, title, renamed
):
    """The plan's Bản Cọ named 'Khu 4' (or 'Tổ 4'). Was: 'Khu 4' without 'xóm' named no hamlet
    in a title (discover._TITLE_HAMLET took no 'khu'), and 'tổ 4' in the list of a hamlet that
    is no 'tổ' was read as its neighbourhood group: BC1 and BC3 counted as Nà Mòn's, 4 poor and
    3 near-poor. Now the plan decides: they are Khu 4's rows ('rows-of-other-hamlet' at A10,
    rows 11-12), Nà Mòn 3 poor, 2 near-poor."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [(title, list(_UNDER_TITLE))])
    write_renamed_plan(folder, {"Bản Cọ": renamed})
    result, _ = collect(folder, None, workers=0)
    assert issues(result, "rows-of-other-hamlet") == [("Nà Mòn", "A10", "11–12", renamed)]
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


@pytest.mark.parametrize("title", ["Danh sách Khu 4", "Danh sách tổ 4", "DANH SÁCH KHU VỰC 2"])
def test_a_title_naming_no_plan_hamlet_by_a_unit_and_number_keeps_its_rows(tmp_path, title):
    """A guard: the plan (Nà Mòn, Bản Cọ, Đồng Kè) has no 'Khu 4' nor 'Tổ 4': the title names
    a part of Nà Mòn or another commune's place; its rows are Nà Mòn's as before (4 poor, 3
    near-poor), nothing said of them."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [(title, list(_UNDER_TITLE))])
    result, _ = collect(folder, None, workers=0)
    assert issues(result, "rows-of-other-hamlet") == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)


@pytest.mark.parametrize(("renamed", "said"), [(None, []), ("Khu 4", [("Nà Mòn", "A1")])])
def test_a_lists_own_title_naming_khu_4_is_told_only_where_the_plan_has_it(tmp_path, renamed, said):
    """Nà Mòn's list ('Xóm' Nà Mòn) titled 'DANH SÁCH HỘ NGHÈO KHU 4 XÃ PHÚ LƯƠNG – THÁNG
    5/2024' (copied from another commune's form): with no 'Khu 4' in the plan, nothing said,
    counted for Nà Mòn (2 poor, 1 near-poor); with the plan's Bản Cọ named 'Khu 4', the title
    names another hamlet of the plan: 'hamlet-differs-from-title' at A1 (before: nothing,
    'KHU 4' no hamlet), still counted for Nà Mòn."""
    folder = tmp_path / "input"
    folder.mkdir()
    if renamed:
        write_renamed_plan(folder, {"Bản Cọ": renamed})
    else:
        write_plan(folder)
    rows = [person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "poor")]
    path = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, rows)
    book = openpyxl.load_workbook(path)
    book["Danh sách"]["A1"] = "DANH SÁCH HỘ NGHÈO KHU 4 XÃ PHÚ LƯƠNG – THÁNG 5/2024"
    book.save(path)
    result, _ = collect(folder, None, workers=0)
    told = [(i.hamlet, i.cell) for i in result.issues if i.code == "hamlet-differs-from-title"]
    assert told == said
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 2, 1)


# The English words around a list's households named in {detail} (session 54's Left: "they"
# of one household). By hand, from the catalogue's words of 'holds-held-all-sent'.
def _held_all_sent_en(said: str, they: str, are: str, them: str) -> str:
    return (
        "The file's hamlet cannot be told: the 'Xóm' cell is empty, and neither the list's title "
        "nor the file name names a hamlet of the plan, so the list is not counted. Its household "
        f"codes are Nà Mòn's: it lists {said} of hamlet Nà Mòn (on the hamlet's start-of-year "
        "list or its list of 04/2024) that the list Nà Mòn sent this period lacks. Until "
        f"{they} {are} written on Nà Mòn's list, {they} {are} not counted (not exited either) "
        f"and Nà Mòn is left out of the commune's figures. Nà Mòn's head needs to write {them} "
        "on the hamlet's list (below the last household, every column as the others; one list "
        f"for the whole hamlet) and send it again; once {they} {are} written, take this file out "
        "of the input folder. Do not write any hamlet in this file's 'Xóm' cell: every hamlet of "
        "the plan has sent its list this period, and each hamlet sends one list a period."
    )


@pytest.mark.parametrize(
    ("apart", "words"),
    [
        ([4], _held_all_sent_en("1 household (NM5)", "it", "is", "it")),
        ([3, 4], _held_all_sent_en("2 households (NM4, NM5)", "they", "are", "them")),
    ],
)
def test_one_household_on_a_list_apart_is_it_in_english(tmp_path, apart, words):
    """A list naming no hamlet holding NM5 (or NM4 and NM5), Nà Mòn's, its own list lacking
    them (NM1-NM3 or NM1-NM4), every hamlet having sent its list: 'holds-held-all-sent'. Was:
    "Until they are written …, they are not counted … write them … once they are written" of
    the one household too; now "it" of one, "they" of two. The Vietnamese words ('các hộ
    này') are the same for both."""
    from pipeline.run import execute

    may = unnamed_case(tmp_path, na_mon_rows()[: apart[0]], [na_mon_rows()[i] for i in apart])
    result = execute(may.folder, may.out, "2024-05", lang="en")[0]
    said = [i for i in result.issues if i.code == "missing-hamlet"]
    assert [(i.variant, i.message("en")) for i in said] == [("holds-held-all-sent", words)]
    assert "Chừng nào chưa được ghi vào danh sách của xóm Nà Mòn, các hộ này chưa được tính" in (
        said[0].message("vi")
    )


# Every wording whose {detail} names the households it speaks of, by how many (session 55)
_COUNTED = [
    *(("missing-hamlet", v) for v in
      ("holds", "holds-all-sent", "holds-copy", "holds-held", "holds-held-all-sent")),
    ("hamlet-codes-of-file-name", "codes-held"),
    ("hamlet-codes-of-file-name", "codes-moved"),
    *(("merged-list-apart", v) for v in ("", "unnamed", "neighbour")),
]  # fmt: skip
_PLURAL = re.compile(r"\b(?:they|them|these households|those households|are not counted)\b")


@pytest.mark.parametrize(("code", "variant"), _COUNTED)
def test_each_wording_of_a_counted_detail_says_one_household_in_the_singular(code, variant):
    """Of one household ('1 household', messages.apart_households, as holding's '1 household
    (DK2) …' carries its count), no English "they", "them", "these/those households", "are not
    counted" is left; of two, the words are the catalogue's (as of a detail without its
    count), and the Vietnamese are the same for one and two."""
    from pipeline.messages import Message, apart_households
    from pipeline.types import Issue

    def said(n: int, lang: str, counted: bool = True) -> str:
        detail = apart_households(None, n)
        if not counted:
            detail = Message(str.__str__(detail), detail.en)
        issue = Issue(code, file="DanhSach.xlsx", hamlet="Nà Mòn", value="Bản Cọ",
                      detail=detail, instead="Đồng Kè", variant=variant)  # fmt: skip
        return issue.message(lang)

    assert _PLURAL.findall(said(1, "en")) == []
    assert _PLURAL.findall(said(2, "en"))  # the catalogue's own words, plural
    assert said(2, "en") == said(2, "en", counted=False)  # of two: as before
    assert said(1, "vi").replace("1 hộ", "2 hộ") == said(2, "vi")


@pytest.mark.parametrize(("renamed", "counted"), [("Khu 4", ("ok", 2, 1)), (None, None)])
def test_a_list_without_its_xom_titled_khu_4_is_that_hamlets_only_where_the_plan_has_it(
    tmp_path, renamed, counted
):
    """'DS_2024-05.xlsx', 'Xóm' blank, titled 'DANH SÁCH HỘ NGHÈO KHU 4 – THÁNG 5/2024', NM1,
    NM3 poor and NM2 near-poor; Bản Cọ's own list beside it. With the plan's Nà Mòn named
    'Khu 4': counted there (2 poor, 1 near-poor), as the title's search for the plan's names
    found it before. Without: refused as naming no hamlet ('missing-hamlet'), as before, not
    as naming a hamlet 'KHU 4' the plan lacks ('unknown-hamlet'): a 'khu' alone may be a part
    of a hamlet or another commune's place."""
    folder = tmp_path / "input"
    folder.mkdir()
    if renamed:
        write_renamed_plan(folder, {"Nà Mòn": renamed})
    else:
        write_plan(folder)
    rows = [person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "poor")]
    path = write_roster(folder, "DS_2024-05.xlsx", "", 102, rows)
    book = openpyxl.load_workbook(path)
    book["Danh sách"]["A1"] = "DANH SÁCH HỘ NGHÈO KHU 4 – THÁNG 5/2024"
    book.save(path)
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    result, _ = collect(folder, None, workers=0)
    refused = [i.code for i in result.issues
               if i.file == "DS_2024-05.xlsx" and i.code.endswith("-hamlet")]  # fmt: skip
    if counted:
        khu = hamlet_figures(result, renamed)
        assert (khu["status"], khu["poor"], khu["near_poor"]) == counted
        assert refused == []
    else:
        assert refused == ["missing-hamlet"]
