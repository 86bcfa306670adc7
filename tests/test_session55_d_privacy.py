"""Session 55 (D): privacy leftovers of session 54 in the posted list (NiemYet) and what the
head and the officer are told.

1. '0912345678,212.345.678' (a phone, a bare comma, an old CMND by dots) was read as a decimal
   part and posted whole (`text._LISTED_AFTER_COMMA` read 9 digits in a row or a grouped
   number from 0 alone): both masked now, and such a Mã hộ told.
2. Numbers joined by ';' or '/' ('0912345678;0987654321', '212345678/0912345678') were masked
   but, as a Mã hộ, not told (`rosterchecks.ids_as_codes` read the comma alone).
3. 'đồng thời', 'đồng nghiệp' after a 9-12 digit number were read as its currency ('đồng'):
   the number posted whole.
4. A start list whose codes are phones (session 54, D4: masked on NiemYet, no numbering) was
   not told to the officer: now a warning on 'Lỗi dữ liệu' at the plan's first such cell and
   a line on screen.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor. Each head is 'Hoàng Văn <code>'; a list's sixth household at row 10; the
plan's start list has its header on row 3, its Mã hộ in column C (C4 is NM1's)."""

from __future__ import annotations

import json

import openpyxl
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.template import write_plan_workbook
from pipeline.text import mask_ids_in, may_hold_id
from tests.commune import (
    PLAN_INFO,
    TARGETS_ABOVE_START,
    new_commune,
    person,
    plan_hamlets,
    write_roster,
)
from tests.id_cells import check_na_mon, na_mon_posted, phone_said, renumbered
from tests.test_session38_oracle import na_mon_rows
from tests.test_session54_start_numbering import PHONES
from tests.test_session54_told_as_masked import id_number_said


def errors_at(tmp_path, file: str, past: str = "") -> list[tuple[str, str]]:
    """'Lỗi dữ liệu''s lines of ``file`` in the May run under ``tmp_path``, less those of the
    code ``past``: (cell, words)."""
    path = tmp_path / "ra" / "2024-05" / "TongHop_2024-05.xlsx"
    book = openpyxl.load_workbook(path, read_only=True)
    lines = [(r[4], r[10]) for r in book["Lỗi dữ liệu"].iter_rows(values_only=True)
             if r[2] == file and r[9] != past]  # fmt: skip
    book.close()
    return lines


def feedback_of(tmp_path) -> list[tuple[str, str, str]]:
    """Nà Mòn's May feedback ('Hướng dẫn sửa'): (cell, kind, words) of each line."""
    path = tmp_path / "ra" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
    if not path.exists():
        return []
    book = openpyxl.load_workbook(path, read_only=True)
    told = [(r[2], r[6], r[7]) for r in book["Hướng dẫn sửa"].iter_rows(values_only=True)
            if r and isinstance(r[0], int)]  # fmt: skip
    book.close()
    return told


def na_mon_poor_rows(tmp_path) -> tuple[int, int]:
    summary = tmp_path / "ra" / "2024-05" / "TongHop_2024-05.json"
    [na_mon] = [h for h in json.loads(summary.read_text("utf-8"))["hamlets"]
                if h["hamlet"] == "Nà Mòn"]  # fmt: skip
    return na_mon["poor"], na_mon["near_poor"]


# --- 1. a phone, a comma and an old CMND by dots -------------------------------------------

# (as written, as posted), by hand: each number 8 stars and its last 4 digits
COMMA_CMND = [
    ("0912345678,212.345.678", "********5678,********5678"),
    ("0912345678,212 345 678", "********5678,********5678"),
    ("SĐT 0912.345.678,312-345-679", "SĐT ********5678,********5679"),
    ("CMND 212.345.678,212.345.679", "CMND ********5678,********5679"),
]
# Kept: a decimal part is never 3.3.3 ('1.500.000,212'), a CMND's shape from 4 is none, an
# amount's commas by threes
COMMA_KEPT = ["1.500.000,212", "1.500.000,212.345", "0,412.345.678", "2,000,000 đồng"]


@pytest.mark.parametrize(("written", "posted"), COMMA_CMND)
def test_an_old_cmnd_after_a_bare_comma_is_a_second_number(written, posted):
    assert mask_ids_in(written) == posted
    assert may_hold_id("\x00".join(["TL-01-001", "Hoàng Văn An", written, "NM2"]))


@pytest.mark.parametrize("written", COMMA_KEPT)
def test_decimals_and_amounts_after_a_comma_are_kept(written):
    assert mask_ids_in(written) == written


def test_a_run_posts_and_tells_a_phone_and_a_cmnd_joined_by_a_comma(tmp_path):
    """May: Nà Mòn lists NM1-NM5 and a new poor household under '0912345678,212.345.678'
    (row 10), headed 'Lò Văn Tám'. Before: NiemYet posted the code whole ('212.345.678' after
    ',' read as a decimal part) and nothing was told. Now, by hand: posted
    '********5678,********5678'; 'Lỗi dữ liệu' and Nà Mòn's feedback say at B10 that the Mã
    hộ is a telephone number (its first number), quoting the cell as written; neither number
    in NiemYet's XML nor the JSON; Nà Mòn 4 poor, 2 near-poor."""
    code = "0912345678,212.345.678"
    rows, text = na_mon_posted(tmp_path, na_mon_rows(person(code, "poor", chu_ho="Lò Văn Tám")))
    assert rows[3] == ("********5678,********5678", "Lò Văn Tám", "Tày")
    for secret in ("0912345678", "212.345.678", "345.678"):
        assert secret not in text, secret
    assert errors_at(tmp_path, "DS_0_2024-05.xlsx") == [("B10", phone_said(code))]
    assert feedback_of(tmp_path) == [("B10", "Cảnh báo", phone_said(code))]
    assert na_mon_poor_rows(tmp_path) == (4, 2)


# --- 2. numbers joined by ';' or '/' as the Mã hộ ----------------------------------------


def test_a_code_of_numbers_joined_by_a_semicolon_or_a_slash_is_told(tmp_path):
    """`check` of Nà Mòn's May list: NM1-NM5, then new households under
    '0912345678;0987654321' (B10: two phones), '212345678/0912345678' (B11: a CMND of 9 digits
    first), '0912.345.678 / 0987.654.321' (B12: spaces around the slash); guards '12/03/2024'
    (B13, a date), 'NM6;NM7' (B14), 'TL-01/02' (B15), masked none, told none. Before: nothing
    told; now B10-B12 as their first number is, the cell as written quoted."""
    codes = ("0912345678;0987654321", "212345678/0912345678", "0912.345.678 / 0987.654.321",
             "12/03/2024", "NM6;NM7", "TL-01/02")  # fmt: skip
    found = check_na_mon(tmp_path, na_mon_rows(*(person(code, "poor") for code in codes)))
    assert [(i.cell, i.severity, i.message("vi")) for i in found] == [
        ("B10", "warning", phone_said("0912345678;0987654321")),
        ("B11", "warning", id_number_said("212345678/0912345678", 9)),
        ("B12", "warning", phone_said("0912.345.678 / 0987.654.321")),
    ]


def test_a_run_posts_and_tells_codes_of_numbers_joined_by_a_semicolon_or_a_slash(tmp_path):
    """May: Nà Mòn lists NM1-NM5, then new poor households under '0912345678;0987654321'
    (row 10, 'Lò Văn Tám') and '212345678/0912345678' (row 11, 'Lò Văn Chín'). Before: posted
    masked but the head told nothing. Now, by hand: NiemYet posts '********5678;********4321'
    and '********5678/********5678'; 'Lỗi dữ liệu' and the feedback say at B10 the phone
    warning and at B11 the ID's (9 digits), the cells as written; Nà Mòn 5 poor."""
    semi, slash = "0912345678;0987654321", "212345678/0912345678"
    nm = na_mon_rows(person(semi, "poor", chu_ho="Lò Văn Tám"),
                     person(slash, "poor", chu_ho="Lò Văn Chín"))  # fmt: skip
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert ("********5678;********4321", "Lò Văn Tám") in rows
    assert ("********5678/********5678", "Lò Văn Chín") in rows
    for secret in ("0912345678", "0987654321", "212345678"):
        assert secret not in text, secret
    said = [("B10", phone_said(semi)), ("B11", id_number_said(slash, 9))]
    assert errors_at(tmp_path, "DS_0_2024-05.xlsx") == said
    assert feedback_of(tmp_path) == [(cell, "Cảnh báo", words) for cell, words in said]
    assert na_mon_poor_rows(tmp_path) == (5, 2)


# --- 3. 'đồng' of a word that is no money -------------------------------------------------

# (as written, as posted), by hand
DONG_WORDS = [
    ("CMND 212345678 đồng thời là chủ hộ", "CMND ********5678 đồng thời là chủ hộ"),
    ("CMND 212.345.678 đồng nghiệp", "CMND ********5678 đồng nghiệp"),
    ("CCCD 001204012345 ĐỒNG THỜI", "CCCD ********2345 ĐỒNG THỜI"),
    ("212.345.678 đồng tình", "********5678 đồng tình"),
    ("212.345.678 đồng hương", "********5678 đồng hương"),
    ("212.345.678 đồng sở hữu", "********5678 đồng sở hữu"),
]
# Money as before: 'đồng' alone, before '/', '.', or a word an amount's phrase may begin with
DONG_MONEY = [
    "Vay 212.345.678 đồng",
    "212345678 đồng.",
    "212.345.678 đồng/tháng",
    "vay 212345678 đồng thời hạn 36 tháng",
    "212.345.678 đồng thời gian vay 3 năm",
    "212345678 đồng vay ngân hàng",
    "212345678 đồng bằng chữ",
    "212.345.678 đồng cấp cho hộ",
    "212.345.678 đồng thanh toán",
    "212.345.678 đồng học phí",
]


@pytest.mark.parametrize(("written", "posted"), DONG_WORDS)
def test_an_id_before_a_dong_word_is_masked(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize("written", DONG_MONEY)
def test_an_amount_in_dong_is_kept(written):
    assert mask_ids_in(written) == written


def test_a_run_posts_an_id_before_dong_thoi_masked(tmp_path):
    """May: Nà Mòn's NM1 headed 'Lò Văn A CMND 212345678 đồng thời là con', NM2 'Lò Văn B
    CMND 212.345.679 đồng nghiệp'. Before: both posted whole (212,345,678 đồng). Now, by hand:
    'Lò Văn A CMND ********5678 đồng thời là con', 'Lò Văn B CMND ********5679 đồng nghiệp';
    neither number in NiemYet's XML nor the JSON; nothing told: no line on 'Lỗi dữ liệu', no
    feedback for Nà Mòn (a number in a head's name is the head's to write; the hall's list
    masks it, the officer's keeps it)."""
    nm = na_mon_rows()
    nm[0] = {**nm[0], "chu_ho": "Lò Văn A CMND 212345678 đồng thời là con"}
    nm[1] = {**nm[1], "chu_ho": "Lò Văn B CMND 212.345.679 đồng nghiệp"}
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert rows[:2] == [
        ("NM1", "Lò Văn A CMND ********5678 đồng thời là con"),
        ("NM2", "Lò Văn B CMND ********5679 đồng nghiệp"),
    ]
    for secret in ("212345678", "212.345.679"):
        assert secret not in text, secret
    assert errors_at(tmp_path, "DS_0_2024-05.xlsx") == []
    assert not (tmp_path / "ra" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx").exists()


# --- 4. the officer told of a start list of phones ----------------------------------------

# by hand: the start list's ten codes (PHONES) in rows 4-13 of column C, NM1's '0912345678' first
START_SAID = (
    "'Mã hộ' của danh sách đầu năm ghi số điện thoại hoặc số CCCD/CMND làm mã hộ ở 10 dòng hộ "
    "(các dòng 4–13), như '0912345678' ở ô C4, không phải mã hộ của xã: danh sách niêm yết công "
    "khai che các số này (như '0912345678' chỉ hiện '********5678'), nên các hộ khó tìm thấy "
    "mình trên danh sách. Hãy ghi vào các ô này mã hộ như trong sổ quản lý hộ nghèo của xã rồi "
    "chạy lại, và báo các trưởng xóm ghi đúng các mã đó trong danh sách gửi lên."
)
START_LINE = (
    "CHÚ Ý: Danh sách đầu năm ('KeHoach_2024.xlsx', trang 'Danh sách đầu năm', cột 'Mã hộ'): 10 "
    "dòng hộ (các dòng 4–13) ghi số điện thoại hoặc số CCCD/CMND làm mã hộ, như '0912345678', "
    "nên danh sách niêm yết che các mã này (chỉ hiện '********5678'). Hãy ghi mã hộ như trong sổ "
    "quản lý hộ nghèo của xã vào các ô đó rồi chạy lại (xem trang 'Lỗi dữ liệu')."
)


def test_the_officer_is_told_once_of_a_start_list_of_phones(tmp_path):
    """The start list's ten codes are mobile numbers (session 54, D4: each masked on NiemYet,
    no numbering). Before: nothing told. Now, in a May run of Nà Mòn's and Bản Cọ's lists
    writing them: one warning on 'Lỗi dữ liệu' at the plan's C4 naming the rows 4-13, with
    the words by hand, and one line on screen pointing to the file, sheet and column; NiemYet
    still posts '********5678' (the rule the warning follows) and the heads are told nothing
    of the register's codes."""
    folder, out = new_commune(tmp_path)
    start, na_mon = renumbered(lambda n: PHONES[n - 1])
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, plan_hamlets(), start)
    ban_co = [{k: v for k, v in row.items() if k not in ("hamlet", "stt")}
              for row in start if row["hamlet"] == "Bản Cọ"]  # fmt: skip
    write_roster(folder, "DS_0_2024-05.xlsx", "Nà Mòn", 100, na_mon, "2024-05")
    write_roster(folder, "DS_1_2024-05.xlsx", "Bản Cọ", 200, ban_co, "2024-05")
    screen = CliRunner().invoke(
        main, ["run", "--input", str(folder), "--output", str(out), "--period", "2024-05"]
    )
    assert screen.exit_code == 0, screen.output
    assert [line for line in screen.output.splitlines() if "Danh sách đầu năm (" in line] == [
        START_LINE
    ]
    # (past the plan's targets above its start rates, at B7 and B8: tests.commune)
    assert errors_at(tmp_path, "KeHoach_2024.xlsx", TARGETS_ABOVE_START) == [("C4", START_SAID)]
    assert errors_at(tmp_path, "DS_0_2024-05.xlsx") == []
    book = openpyxl.load_workbook(out / "2024-05" / "NiemYet_2024-05.xlsx", read_only=True)
    first = next(r for r in book["Nà Mòn"].iter_rows(values_only=True) if isinstance(r[0], int))
    book.close()
    assert first[1:3] == ("********5678", "Hoàng Văn NM1")


def test_one_cccd_among_the_communes_codes_is_told_at_its_cell(tmp_path):
    """The small commune's start list ('NM1'…) with NM2's code written as its head's CCCD
    '019088776655' (session 53: masked on NiemYet, untold). `check` of the plan: one warning
    at C5 (NM2's row), the plain words by hand; the 'NM' codes none."""
    from pipeline.checkfiles import check_files
    from tests.commune import start_list

    folder = tmp_path / "vao"
    folder.mkdir()
    start = [{**row, "ma_ho": "019088776655"} if row["ma_ho"] == "NM2" else row
             for row in start_list()]  # fmt: skip
    plan = folder / "KeHoach_2024.xlsx"
    write_plan_workbook(plan, PLAN_INFO, plan_hamlets(), start)
    said = [i for i in check_files([plan]) if i.code == "start-list-code-is-id-number"]
    assert [(i.cell, i.severity, i.message("vi")) for i in said] == [
        (
            "C5",
            "warning",
            "Ô C5 ('Mã hộ') của danh sách đầu năm ghi mã hộ '019088776655', là một số điện thoại "
            "hoặc số CCCD/CMND, không phải mã hộ của xã: danh sách niêm yết công khai che số này "
            "(chỉ hiện '********6655'), nên hộ khó tìm thấy mình trên danh sách. Hãy ghi vào ô "
            "này mã hộ như trong sổ quản lý hộ nghèo của xã rồi chạy lại, và báo trưởng xóm ghi "
            "đúng mã đó trong danh sách gửi lên.",
        )
    ]


def test_a_communes_dotted_numbering_is_not_told(tmp_path):
    """Guard: a start list numbering every household '167.012.001' on (grouped as an old CMND
    is: the commune's own, posted as written): nothing told of it."""
    from pipeline.checkfiles import check_files

    folder = tmp_path / "vao"
    folder.mkdir()
    start, _ = renumbered(lambda n: f"167.012.{n:03d}")
    plan = folder / "KeHoach_2024.xlsx"
    write_plan_workbook(plan, PLAN_INFO, plan_hamlets(), start)
    assert [i for i in check_files([plan]) if i.code == "start-list-code-is-id-number"] == []
