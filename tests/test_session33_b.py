"""Session 33 (issue #6): the runner's plan loading and counting, cold. Each shortcut taken for
the everyday case gives what the general way gives; these tests hold each to it, with values
worked out by hand, and show the cases where the shortcut is not taken."""

from __future__ import annotations

import itertools
import unicodedata

import numpy as np
import pandas as pd
import pytest

from pipeline import figures as fig
from pipeline import figuresteps, text, vocab
from pipeline import plan as plan_module
from pipeline.headers import is_column_number_row
from pipeline.plan import load_plan
from pipeline.read import open_workbook
from pipeline.validate import income_unit
from schemas.columns import CAUSES, NEEDS
from tests.commune import write_plan

# --- multi-choice cells written as the list writes them -------------------------------------


def _slow(value: str, known: tuple[str, ...]):
    """vocab._split_known the general way (the shortcut switched off), cache left clean."""
    vocab._split_known.cache_clear()
    plain = vocab._plain_entries
    vocab._plain_entries = lambda known: None
    try:
        return vocab._split_known(value, known)
    finally:
        vocab._plain_entries = plain
        vocab._split_known.cache_clear()


def test_entries_joined_as_the_list_writes_them_are_read_at_once_as_before():
    # The two lists qualify: no key of theirs reads across the '; ' between two entries.
    assert vocab._plain_entries(CAUSES) == frozenset(CAUSES)
    assert vocab._plain_entries(NEEDS) == frozenset(NEEDS)
    # By hand: two entries in the cell's order; one written twice is one; no leftover.
    assert vocab.multi_choice("Thiếu vốn; Thiếu lao động", CAUSES) == (
        "Thiếu vốn; Thiếu lao động",
        [],
    )
    assert vocab.multi_choice("Nhà ở; Vay vốn ưu đãi; Nhà ở", NEEDS) == (
        "Nhà ở; Vay vốn ưu đãi",
        [],
    )
    # An entry holding a comma is one entry, not two parts.
    assert vocab.causes("Thiếu công cụ, phương tiện sản xuất; Khác") == (
        "Thiếu công cụ, phương tiện sản xuất; Khác",
        [],
    )
    # Every one, two and three entries of each list so joined: as the general way reads them.
    for known in (CAUSES, NEEDS):
        for size in (1, 2, 3):
            for combo in itertools.product(known, repeat=size):
                value = "; ".join(combo)
                vocab._split_known.cache_clear()
                assert vocab._split_known(value, known) == _slow(value, known), value


def test_cells_written_otherwise_are_read_the_general_way():
    # An alias, a lower-case entry, a comma between entries, an unknown part: not as the list
    # writes them, so read by their folded words as before.
    assert vocab.causes("Thiếu đất; thiếu vốn") == ("Thiếu đất sản xuất; Thiếu vốn", [])
    assert vocab.causes("Thiếu vốn, Thiếu lao động") == ("Thiếu vốn; Thiếu lao động", [])
    assert vocab.causes("Thiếu vốn; Do lười") == ("Thiếu vốn", ["do luoi"])
    assert vocab.causes("Thiếu đất ở") == ("", ["thieu dat o"])


def test_a_list_whose_key_reads_across_two_entries_takes_no_shortcut():
    # 'Vốn; Vay' folds to ' von vay ': the longer entry 'Vốn vay' is found across the '; ',
    # so the cell is that one entry, not 'Vốn' and 'Vay'; such a list is not plain.
    known = ("Vốn", "Vốn vay", "Vay")
    assert vocab._plain_entries(known) is None
    assert vocab.multi_choice("Vốn; Vay", known) == ("Vốn vay", [])
    # Two entries the same once folded: the first's key reads both; not plain either.
    assert vocab._plain_entries(("Khác", "khác")) is None
    assert vocab.multi_choice("khác", ("Khác", "khác")) == ("Khác", [])


def test_target_groups_one_or_several():
    # One group alone is one token (no split); several are split at , ; / +.
    assert vocab.target_groups("BTXH") == ("BTXH", [])
    assert vocab.target_groups("Hộ BTXH") == ("BTXH", [])
    assert vocab.target_groups("NCC/BTXH + NCC") == ("NCC, BTXH", [])
    assert vocab.target_groups("Người nghèo") == ("", ["Người nghèo"])
    assert vocab.target_groups("BTXH;") == ("BTXH", [])
    # and the keys the figures count a household under ('KKNLĐ', 'BTXH' subgroups)
    assert fig.target_groups_of("KKNLĐ") == {"KKNLĐ"}
    assert fig.target_groups_of("BTXH+KCKNLĐ") == {"BTXH", "KKNLĐ"}
    assert fig.target_groups_of(None) == set()


# --- folding ------------------------------------------------------------------------------


def _fold_before(value: str) -> str:
    """text._fold_text as it was before session 33 (a Python test of every character)."""
    if value.isascii():
        return text._NON_ALNUM.sub(" ", value.lower()).strip()
    value = unicodedata.normalize("NFD", value.translate(text._INVISIBLE).lower())
    value = "".join(ch for ch in value if not unicodedata.combining(ch))
    value = value.replace("đ", "d")
    return text._NON_ALNUM.sub(" ", value).strip()


def test_fold_drops_marks_and_writes_d_as_before():
    assert text.fold("Đồng Kè") == "dong ke"
    assert text.fold("NGƯỜI ỐM ĐAU") == "nguoi om dau"
    assert text.fold(unicodedata.normalize("NFD", "Bản Cọ")) == "ban co"  # typed decomposed
    assert text.fold("Nà\u200bMòn") == "namon"  # an invisible mark dropped, not a space
    # Every character of the Basic Multilingual Plane's first blocks and of the combining
    # blocks, between two letters: folded as before.
    codes = [*range(0x20, 0x3000), *range(0x1AB0, 0x1B00), *range(0xFE20, 0xFE30)]
    for code in codes:
        if 0xD800 <= code < 0xE000:
            continue
        value = f"Ấ{chr(code)}b"
        assert text._fold_text(value) == _fold_before(value), hex(code)


# --- characters no xlsx may hold ---------------------------------------------------------


def test_xml_safe_with_and_without_the_pattern():
    assert not text.needs_xml_safe("DS_BanCo_2024-05")  # printable: nothing to do
    assert text.xml_safe("Bản Cọ") == "Bản Cọ"
    assert text.needs_xml_safe("a\x01b") and text.xml_safe("a\x01b") == "a b"
    assert text.xml_safe("a\ufffeb") == "a b"
    # a line break is not printable, yet xlsx holds it: kept
    assert not text.needs_xml_safe("a\nb") and text.xml_safe("a\tb\nc") == "a\tb\nc"


# --- header rows, income units, group labels ------------------------------------------------


def test_a_row_of_column_numbers():
    assert is_column_number_row(["1", "2", "3"])
    assert is_column_number_row(["a", "(b)", "12", ""])
    assert not is_column_number_row(["1", "2"])  # two tokens are no such row
    assert not is_column_number_row(["stt", "ho va ten", "3"])  # words: told by length
    assert not is_column_number_row(["1", "2", "123"])  # three digits: no column number


@pytest.mark.parametrize(
    ("header", "unit"),
    [
        ("Thu nhập BQ (đồng/người/tháng)", 1),
        ("Thu nhập (nghìn đồng/người/tháng)", 1000),
        ("Thu nhập (ngàn đồng)", 1000),
        ("Thu nhập (1.000đ)", 1000),
        ("Thu nhập (ng.đ)", 1000),
        ("Thu nhập (triệu đồng)", 1_000_000),
        ("Thu nhập (tr.đ)", 1_000_000),
        ("Thu nhập (ngân hàng)", 1),  # 'ngân hàng' is no thousand
    ],
)
def test_income_units(header, unit):
    assert income_unit(header) == unit


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Tổng cộng", None),  # no group word: not asked of the patterns
        ("Nà Mòn", None),
        ("Cộng cụm 1", "subtotal"),
        ("Cụm 1", "group"),
        ("Khu vực nông thôn", "group"),
        ("Khu A", "khu"),
        ("Tong cong cum II", "subtotal"),
        ("Liên xóm Nà", "group"),
    ],
)
def test_group_labels(label, kind):
    assert plan_module._group_label(label) == kind


# --- the plan's hamlets, checked as lists and made a frame once ----------------------------


def test_the_plan_hamlets_frame_as_before(tmp_path):
    path = write_plan(tmp_path)
    plan, _ = load_plan(open_workbook(path), path.name)
    hamlets = plan.hamlets
    # tests/commune.HAMLETS: Nà Mòn 100/3/2 targets 1/1, Bản Cọ 200/2/1 1/1, Đồng Kè 150/1/1 1/1
    expected = pd.DataFrame(
        {
            "hamlet": ["Nà Mòn", "Bản Cọ", "Đồng Kè"],
            "start_households": [100, 200, 150],
            "start_poor": [3, 2, 1],
            "start_near_poor": [2, 1, 1],
            "poor_target": [1, 1, 1],
            "near_poor_target": [1, 1, 1],
        }
    )
    pd.testing.assert_frame_equal(hamlets, expected)
    assert hamlets["hamlet"].dtype == pd.Series(["x"], dtype=object).astype(str).dtype
    assert all(hamlets[k].dtype == np.int64 for k in expected.columns[1:])
    # to_dict's records and figuresteps._records' are the same Python values
    assert figuresteps._records(hamlets) == hamlets.to_dict("records")
    assert [type(v) for v in figuresteps._records(hamlets)[0].values()] == [str, *[int] * 5]


def test_the_targets_frame_other_than_plain_is_made_as_before():
    # A table whose name is None (not plainly valid) is made the general way: astype(str),
    # which leaves the missing name missing (pandas' text dtype).
    table = {
        "hamlet": [None, "Bản Cọ"],
        "start_households": [10, 20],
        "start_poor": [1, 2],
        "start_near_poor": [0, 1],
        "poor_target": [1, 0],
        "near_poor_target": [0, 0],
        "excel_row": [4, 5],
    }
    assert not plan_module._targets_plainly_valid(table)
    frame = plan_module._targets_frame(table, plain=False)
    assert pd.isna(frame["hamlet"][0]) and frame["hamlet"][1] == "Bản Cọ"
    assert frame["start_households"].tolist() == [10, 20]  # 10 + 20 = 30 below
    assert int(frame["start_households"].sum()) == 30
    assert frame["excel_row"].dtype == object
    table["hamlet"][0] = "Nà Mòn"
    plain = plan_module._targets_frame(table, plain=True)
    assert plain["hamlet"].tolist() == ["Nà Mòn", "Bản Cọ"]
    assert plain["excel_row"].tolist() == [4, 5] and plain["excel_row"].dtype == object


def test_exited_rows_from_the_columns_read():
    valid = pd.DataFrame(
        {
            "hamlet": ["Nà Mòn", "Nà Mòn", "Bản Cọ", "Bản Cọ"],
            "ma_ho": ["NM1", "", "BC1", ""],
            "chu_ho": ["Lò Văn A", "Lò Thị B", "Vi Văn C", "Vi Thị D"],
            "nam_sinh": pd.array([1970, 1980, None, None], dtype="Int64"),
            "excel_row": [5, 6, 7, 8],
            "sheet": ["DS", "DS", "DS", "DS"],
            "phan_loai": ["exited", "exited", "poor", "exited"],
            "thu_nhap": [1.0, 2.0, 3.0, 4.0],  # a column not read
        }
    )
    # Rows 5, 6 and 8 are exited: NM1 by its code (matched in lower case, 'nm1'), the others by
    # (hamlet, name folded, birth year; none for row 8); row 7 is poor.
    assert figuresteps._exited_rows(valid) == {
        "Nà Mòn": [
            (("id", "nm1"), 5, "NM1", "DS"),
            (("name", "Nà Mòn", "lo thi b", 1980), 6, "", "DS"),
        ],
        "Bản Cọ": [(("name", "Bản Cọ", "vi thi d", None), 8, "", "DS")],
    }
    # none exited: nothing
    assert figuresteps._exited_rows(valid[valid["phan_loai"] == "poor"]) == {}


def test_rows_twice_as_duplicated_says():
    from pipeline.rosterchecks import _rows_twice

    lists = np.array([0, 0, 1, 1, 0, 1], dtype=np.int64)
    keys = np.array(["tl01", "tl01", "tl01", "tl02", "", "tl02"], dtype=object)
    years = np.array([1970, 1971, 1970, 1970, 1970, 1970], dtype=np.int64)
    # (list, key): rows 0 and 1 share (0, 'tl01'), rows 3 and 5 share (1, 'tl02'); row 2 is
    # list 1's only 'tl01', row 4 list 0's only ''.
    assert _rows_twice(lists, keys).tolist() == [True, True, False, True, False, True]
    # with the year too: rows 0 and 1 differ (1970, 1971); rows 3 and 5 still one
    assert _rows_twice(lists, keys, years).tolist() == [False, False, False, True, False, True]
    for columns in ((lists, keys), (lists, keys, years)):
        frame = pd.DataFrame(dict(enumerate(columns)))
        assert _rows_twice(*columns).tolist() == frame.duplicated(keep=False).tolist()
    # a missing value is one value, as for duplicated
    blanks = np.array([None, None, "x"], dtype=object)
    assert _rows_twice(np.zeros(3, dtype=np.int64), blanks).tolist() == [True, True, False]
