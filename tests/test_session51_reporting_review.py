"""Session 51: review of 'Nộp báo cáo''s single other-month row, the hidden folder's list named
on its hamlet's line, and `check` running last year's months first.

1. A shortcut or a hidden file whose name gives no month, in a folder naming another month
   ('T4/DongKe.lnk', 'T4/.DongKe.xlsx' at May's run), is that month's file: not named on the
   hamlet's line, as a hidden folder's list of another month is not ('.thang4/DongKe.xlsx').
2. The screen's "Chưa nộp" line names the file skipped for the hamlet (a hidden folder's list,
   a hidden file, a shortcut), as the hamlet's line on 'Nộp báo cáo' does.
3. `check`'s plan taken twice for one part (the earlier year's run in `_movements_said`, then
   its own check) is the same plan, the same flags, the same warnings.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor (100 households);
Bản Cọ BC1-BC2 poor, BC3 near-poor (200); Đồng Kè DK1 poor, DK2 near-poor (150), on the
plan's start list. tests.commune.clean_rosters: May 2024, Nà Mòn and Bản Cọ sent, Đồng Kè
nothing.
"""

from __future__ import annotations

import pytest

from pipeline import cli
from pipeline.run import collect
from tests.commune import clean_rosters, person, write_plan, write_roster
from tests.test_session50_input_messages import _reporting_rows

LNK = b"L\x00\x00\x00\x01\x14\x02\x00" + bytes(68)  # a Windows shortcut's first bytes


def _may_folder(tmp_path):
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    return folder


def _put(folder, path: str) -> None:
    """A shortcut (.lnk) or a hidden list named for Đồng Kè at ``path`` in ``folder``."""
    where = folder / path
    where.parent.mkdir(parents=True, exist_ok=True)
    if path.endswith(".lnk"):
        where.write_bytes(LNK)
    else:
        write_roster(where.parent, where.name, "Đồng Kè", 150, [person("DK1", "poor")])


# --- 1. a skipped file of another month's folder is not named -------------------------------

SHORTCUT_VI = (
    "Chưa nộp: chỉ có lối tắt (shortcut) mang tên xóm, không phải chính danh sách (xem trang "
    "'Lỗi dữ liệu')"
)
HIDDEN_VI = "Chưa nộp: có tệp ẩn mang tên xóm, chưa được đọc (xem trang 'Lỗi dữ liệu')"


@pytest.mark.parametrize("path", ["T4/DongKe.lnk", "T4/.DongKe.xlsx", "Thang 4/DongKe.lnk"])
def test_a_skipped_file_in_another_months_folder_is_not_named_on_the_line(tmp_path, path):
    """May's run. Đồng Kè sent nothing; a shortcut 'T4/DongKe.lnk' (or a hidden list
    'T4/.DongKe.xlsx') sits in April's folder, its name giving no month: April's file, as
    '.thang4/DongKe.xlsx' is April's list (session 51). Before, Đồng Kè's line said a shortcut
    (a hidden file) named for it was found for May and named it: the officer would look for
    April's file as May's. Now a bare "Chưa nộp", no file, as for the hidden folder."""
    folder = _may_folder(tmp_path)
    _put(folder, path)
    rows = _reporting_rows(folder)
    assert rows["Đồng Kè"][2:4] == ("Chưa nộp", None)


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("T5/DongKe.lnk", SHORTCUT_VI),
        ("T4/DongKe_2024-05.lnk", SHORTCUT_VI),  # its name May's: named, whatever its folder
        ("T5/.DongKe.xlsx", HIDDEN_VI),
        ("cu/.DongKe.xlsx", HIDDEN_VI),  # a folder naming no month: May's, as before
    ],
)
def test_a_skipped_file_of_this_months_folder_or_name_is_still_named(tmp_path, path, said):
    """Guards (pass before too): a shortcut or a hidden list in May's folder ('T5/'), in a
    folder naming no month, or named May's in April's folder, is named on Đồng Kè's line."""
    folder = _may_folder(tmp_path)
    _put(folder, path)
    rows = _reporting_rows(folder)
    assert rows["Đồng Kè"][2:4] == (said, path)


# --- 2. the screen's "Chưa nộp" names the file skipped ------------------------------------


def _absent(folder, lang="vi") -> list[str]:
    result, _ = collect(folder, None, workers=0, lang=lang)
    return cli._absent_lines(result, lang)


def test_the_screens_line_names_a_hidden_folders_list_beside_its_hamlet(tmp_path):
    """Đồng Kè's May list in '.thang5/': 'Nộp báo cáo' names it on Đồng Kè's line (session
    51). Before, the screen read a bare "Chưa nộp: Đồng Kè": the officer called the hamlet for a
    list that was in the folder. Now the list is named beside it, in both languages."""
    folder = _may_folder(tmp_path)
    _put(folder, ".thang5/DS_DongKe_2024-05.xlsx")
    assert _absent(folder) == [
        "  Chưa nộp: Đồng Kè (danh sách .thang5/DS_DongKe_2024-05.xlsx trong thư mục ẩn chưa "
        "được đọc, xem trang 'Lỗi dữ liệu')"
    ]
    assert _absent(folder, "en") == [
        "  Not received: Đồng Kè (list .thang5/DS_DongKe_2024-05.xlsx in a hidden folder, not "
        "read, see sheet 'Lỗi dữ liệu')"
    ]


@pytest.mark.parametrize(
    ("path", "said"),
    [
        (
            "DS_DongKe_2024-05.xlsx - Shortcut.lnk",
            "chỉ có lối tắt DS_DongKe_2024-05.xlsx - Shortcut.lnk, không phải chính danh sách, "
            "xem trang 'Lỗi dữ liệu'",
        ),
        (".DS_DongKe_2024-05.xlsx", "tệp ẩn .DS_DongKe_2024-05.xlsx chưa được đọc, xem trang "
         "'Lỗi dữ liệu'"),
    ],
    ids=["shortcut", "hidden"],
)  # fmt: skip
def test_the_screens_line_names_a_shortcut_or_hidden_file_beside_its_hamlet(tmp_path, path, said):
    """As above for a shortcut and a hidden file named for Đồng Kè (session 50's line on 'Nộp
    báo cáo'): the screen said a bare "Chưa nộp: Đồng Kè"."""
    folder = _may_folder(tmp_path)
    _put(folder, path)
    assert _absent(folder) == [f"  Chưa nộp: Đồng Kè ({said})"]


def test_the_screens_line_of_a_hamlet_with_nothing_skipped_is_bare(tmp_path):
    """A guard: '.thang4/DongKe.xlsx' (April's) at May's run names nothing: "Chưa nộp: Đồng
    Kè"."""
    folder = _may_folder(tmp_path)
    _put(folder, ".thang4/DongKe.xlsx")
    assert _absent(folder) == ["  Chưa nộp: Đồng Kè"]
