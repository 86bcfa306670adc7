"""Harmless mess combined: a clean sample month re-sent messy must give the same JSON figures.

`giamngheo sample` (generate_sample: 3 hamlets, 8 households each, one month) writes a plan and
template rosters whose figures a clean run gives. Each roster is then read back cell by cell
and written again with a seeded random COMBINATION of messes the contract or a logged decision
says are read the same (docs/decisions.md, "Session 39: harmless mess combined"; each mess
below names where):

* layout: 1–4 merged title rows (motto, unit, title, '(Kèm theo …)'), empty rows and columns
  before the table, empty rows inside it, an empty column inside it, the template's STT
  numbered on under the households, a notes block, a 'Tổng cộng' row (its count '10 hộ' in
  the name column, session 28) and a signature block (with the signers' names) under it,
  'I. HỘ NGHÈO' section rows with 'Cộng' subtotals, a column-number row (CONTRACT §2.2;
  session 23: note and summary lines; session 21 QA: numbered blanks; session 38 QA: a blank
  column);
* the header: one row or two (parents merged over the indicators, the class marks, the name's
  two parts), upper or lower case, line breaks and double spaces inside, NFD, other wordings
  ('TT', 'Số khẩu', 'Mã hộ (*)': tests/messy.py's) (CONTRACT §2.2 "found by matching the
  headers"; session 21's random layouts); columns in any order (CONTRACT §2.2); an extra
  column, said once as `unknown-column` (CONTRACT §2.2 "ignored with a note"); last month's
  class beside this month's ('Phân loại hộ tháng trước', session 23: an earlier time, not read
  and not said), or named by its month ('Phân loại hộ tháng 4/2024', 'Phân loại hộ tháng 4',
  'Phân loại hộ T4/2024', in any case: session 40 "last month's class column named by its
  month"), perhaps hidden; a hidden column (session 19, session 38 QA); a frozen pane
  and an AutoFilter filtering nothing (session 38 QA); the class as an 'x' under 'Hộ nghèo |
  Hộ cận nghèo | Thoát' (session 18); the head's name in 'Họ | Tên', a date of birth for the
  year (session 28);
* values: NFD text, double, leading, trailing and non-breaking spaces, a tab, a zero-width
  space or BOM (pipeline/text.py drops them), a head's name in capitals, ethnic group and sex in
  other case, causes split by ',' or ';' (CONTRACT §2.2), classes in other accepted spellings
  (schemas/columns.py CLASSIFICATIONS; session 18), ticks and blanks as heads write them ('✓',
  '✅', 'có', 'TRUE' / '0', 'không', '-', 'FALSE': CONTRACT §2.2 td_xx; session 18), numbers as
  text ('4', ' 4 ', '04'), a size or year typed 4.0 / 1978.0, incomes '1.200.000', '1.200.000
  đ', '1.200.000,00' (CONTRACT §2.2 "numbers stored as text, thousands dots, decimal commas"),
  the STT as text or as a formula with its value (XlsxWriter), a CCCD typed as a number or
  after a quote (session 38);
* 'Thông tin': labels in other case, NFD, double spaces or with ':', rows shuffled (CONTRACT
  §2.1), the hamlet as 'Xóm X' or in capitals, the month as '5/2024', '2024-05', 'Tháng 5 năm
  2024', 'T5/2024', a date or a serial, the total as text or '43 hộ' (session 30), 'Ngày lập'
  as text or a serial (session 38) or after a quote ("’5-6-24", "'5-6-24": session 40 "a 'Ngày
  lập' typed after a quote, or after '='"; '=5-6-24' is said, as a formula without a value
  `info-formula-skipped`, as a text `leading-equals-sign`, and counted as said), 'Xã' as 'Xã
  X', 'UBND xã X' or in capitals (session 39); the hamlet 'Tổ dân phố số 12' written alone,
  not after 'Xóm' (session 40: its own unit word), a name's dash typed otherwise ('Bản Cọ - Nà
  Pài' for the plan's 'Bản Cọ-Nà Pài', here and in the title: session 40, "a dash without
  spaces is read alike"); on
  its own sheet (perhaps 'THÔNG TIN', 'Thong tin', 'TT chung'), or above or under the list on
  the list's sheet (sessions 21, 22);
* the book: the roster sheet renamed ('DS', 'Sheet1', …), or split into 'Hộ nghèo' (poor and
  left) and 'Hộ cận nghèo' sheets (session 21; README), after an instructions sheet, a
  hidden old copy beside it (CONTRACT §1: recognised by its header; session 11), saved by
  openpyxl, XlsxWriter, or as an .xls (BIFF8, tests/biff.py) or .ods (tests/messy.py's
  writer); in scratch also LibreOffice's .xls and .ods;
* the commune (once a seed): the plan's and the lists' hamlets named with a dash ('Xóm Đồng Mỏ
  – Làng Mới', 'Bản Cọ-Nà Pài') and with their own unit word ('Tổ dân phố số 12', 'Ấp Bắc'),
  so the template's title and every title block above carry them; the title in other words
  ('Danh sách … thôn Nà Mòn – Khu Tái Định Cư - tháng 5/2024', '– NĂM 2024', '– 5/2024', '-
  ĐỢT 1', '– BỔ SUNG', no tail), the sections titled 'DANH SÁCH HỘ CẬN NGHÈO XÓM NÀ MÒN – KHU
  TÁI ĐỊNH CƯ' and a split list's near-poor sheet so titled (session 40: "a hamlet named with a
  dash in a list's title is read whole": a title naming the list's own hamlet keeps its rows).
* session 41's, drawn in streams of their own (each roster's ``{seed}/{file}/41``, the seed's
  ``{seed}/commune/41``), so the draws above are the same as before for a seed's same files:
  last month's class named by last year ('Phân loại hộ năm 2023', '… cuối năm 2023', 'Phân
  loại 2023', in place of one named by its month: "last year's class column named by its
  year"); a group after the hamlet in the title ('… XÓM NÀ MÒN TỔ 3 – THÁNG 5/2024', '… - TỔ
  3', 'THÔN BẢN CỌ, TỔ SỐ 2', a town's 'KHU PHỐ 3 TỔ 5', 'ẤP BẮC TỔ SỐ 5') and in the sections'
  titles ('DANH SÁCH HỘ CẬN NGHÈO XÓM NÀ MÒN - TỔ 1': the list's own group); the 'Xóm' cell
  left blank under a title naming the hamlet, or under the form's blank unfilled ('XÓM ………
  TỔ 3', 'XÓM ...... TỔ 3': the file name tells), said once as `info-cell-blank` ("a title
  naming the hamlet before its group", "a town's unit then its group", the review's "a list
  naming no hamlet"); and, once a seed where no dashed names are, a plan naming two hamlets of
  a village with their group ('Nà Mòn Tổ 3', 'Nà Mòn Tổ 4'; 'Khu phố 3 Tổ 5'): the titles and
  headings 'XÓM NÀ MÒN TỔ 3' name the list's own (the review's "a plan naming its hamlets with
  their group").
* session 53's, drawn in a stream of their own (each roster's ``{seed}/{file}/53``): session
  52's total rows, 'Tổng cộng' holding the sum of the years under 'Năm sinh' (a number, a
  formula's value or its digits as text), a =COUNTIF of one sex under 'Giới tính', '8 hộ'
  under 'Mã hộ' and its STT numbered on, and each 'Cộng' the sum of its section's years (over
  one household a year: "a total row's =SUM over one household holds its year"), passed over
  unsaid; and a one-sheet list's income column headed 'Thu nhập của hộ' holding each
  household's month (income × size) where the list's values make it read so (`household_sized`:
  "'Thu nhập của hộ' naming no period is read as the household's month …"), said once.
* session 54's, drawn in a stream of their own (each roster's ``{seed}/{file}/54``): session
  53's total rows, the IDs typed as numbers and their =SUM as text under 'Số định danh' in
  'Tổng cộng' and each 'Cộng' (over one household its ID with the 0 written back), and each
  section's 'Cộng' written on top of its label, passed over unsaid; and the household's month
  under 'TN hộ' or 'Tổng thu nhập của hộ' in place of 'Thu nhập của hộ', said as it is ("'TN
  hộ' and 'Tổng thu nhập của hộ' naming no period … read as the household's month").

The messy month must give the clean month's JSON summary exactly (every hamlet's counts,
rates, movements and deprivations, the commune totals), every hamlet accepted, no error, and
the same warnings plus exactly one `unknown-column` per extra column.

`python -m tests.test_mess_fuzz FIRST LAST [--soffice] [--run] [--long] [--dense] [--reduce]`
runs seeds in scratch: ``--soffice`` also draws LibreOffice's .xls and .ods conversions,
``--run`` runs the whole month too (outputs and feedback copies written, the JSON files
compared), ``--long`` writes 30 households a hamlet, ``--dense`` draws each mess with chance
0.7, ``--reduce`` names the messes each failing seed still fails with (:func:`reduce`).
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import sys
import unicodedata
from collections import Counter
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from unittest import mock

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from pipeline import sample
from pipeline.checkfiles import check_files
from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.messages import with_unit
from pipeline.run import collect, execute
from pipeline.sample import generate_sample
from pipeline.template import ROSTER_TITLE
from schemas.columns import INDICATOR_KEYS
from tests import messy
from tests.biff import xls_from_xlsx

HEADER_KEYS = {
    text: key for key, text in messy.DEFAULT_HEADERS.items() if key in messy.TEMPLATE_ORDER
}
CLASS_SPELLINGS = {
    "Hộ nghèo": ["Hộ nghèo", "HỘ NGHÈO", "hộ nghèo", "Nghèo", "nghèo", "HN", "Hộ HN"],
    "Hộ cận nghèo": ["Hộ cận nghèo", "HỘ CẬN NGHÈO", "hộ cận nghèo", "Cận nghèo", "HCN", "CN"],
    "Thoát": ["Thoát", "THOÁT", "thoát", "Đã thoát", "Hộ thoát"],
}
TICKS = ["x", "X", "x ", 1, "1", "có", "Có", "✓", "✔", "✅", "TRUE", "x\u00a0"]
BLANKS = [None, 0, "0", "không", "-", "FALSE", "Không"]
CHANCE = 0.45  # of each mess, per roster
FORMATS = ["openpyxl", "openpyxl", "xlsxwriter", "xlsxwriter", "biff", "ods"]
PLAN = "KeHoach_2024.xlsx"
EXTRA = "Số điện thoại"
EARLIER = "Phân loại hộ tháng trước"  # last month's class: an earlier time (session 23)
# ... or named by its month in May's list (session 40: last month's class column by its month)
EARLIER_BY_MONTH = ["Phân loại hộ tháng 4/2024", "Phân loại hộ tháng 4", "Phân loại hộ T4/2024",
                    "Phân loại tháng 04/2024"]  # fmt: skip
# ... or by last year (session 41: last year's class column named by its year)
EARLIER_BY_YEAR = ["Phân loại hộ năm 2023", "Phân loại hộ cuối năm 2023", "Phân loại 2023"]
EARLIER_TIMED = EARLIER_BY_MONTH + EARLIER_BY_YEAR
# Plan hamlets named with a dash, or with their own unit word (session 40: a hamlet named with
# a dash in a list's title is read whole; the template's title names such a name alone), each
# distinct from the others after any dash (the plan having 'Đồng Mỏ' beside 'Xóm Đồng Mỏ – Làng
# Mới' is that section's **Left**)
DASHED = ["Xóm Đồng Mỏ – Làng Mới", "Nà Mòn – Khu Tái Định Cư", "Bản Cọ-Nà Pài",
          "Khau Lang - Bản Mới"]  # fmt: skip
OWN_UNIT = ["Tổ dân phố số 12", "Khu phố 3", "Ấp Bắc", "Tiểu khu 5", "Thôn Pác Cập"]
# The title's tail after the hamlet (session 40: the title's own words after a dash)
TITLE_TAILS = [" – THÁNG 5/2024", " - THÁNG 5/2024", " – NĂM 2024", " – 5/2024", " - ĐỢT 1",
               "", " – THÁNG 5 NĂM 2024", "-THÁNG 5/2024", " – BỔ SUNG"]  # fmt: skip
# A group written after the hamlet in a title or heading (session 41: 'XÓM NÀ MÒN TỔ 3', '… -
# TỔ 3', 'THÔN BẢN CỌ, TỔ SỐ 2'; a town's 'KHU PHỐ 3 TỔ 5', the plan deciding)
GROUPS = [" TỔ 3", " - TỔ 3", " – TỔ 2", ", TỔ SỐ 2", " TỔ SỐ 5", " - TỔ 1"]
# A plan naming a village's hamlets with their group (session 41's review: a heading naming a
# plan hamlet with its group is that hamlet's), drawn where no dashed names are
GROUPED = [["Nà Mòn Tổ 3", "Nà Mòn Tổ 4"], ["Khu phố 3 Tổ 5", "Khu phố 3 Tổ 6"],
           ["Bản Cọ Tổ 1", "Bản Cọ Tổ 2"]]  # fmt: skip
# The form's blank left unfilled, then a group (session 41's review: names no hamlet)
UNFILLED = ["XÓM ……… TỔ 3", "XÓM ...... TỔ 3", "XÓM ……… – THÁNG 5/2024"]
# A file named by no hamlet: the 'Xóm' cell, else the title tells (CONTRACT §1)
FILE_NAMES = ["Danh sach ho ngheo", "DS gui xa", "Bao cao ngheo", "danh sách mới"]
BLANK = "(blank column)"
# The class as an 'x' in a column of its own (session 18), the head's name in 'Họ | Tên'
# (session 28), the birth year as a date of birth (session 28): the columns standing for one
MARKS = {"mark_poor": "Hộ nghèo", "mark_near": "Hộ cận nghèo", "mark_exit": "Thoát"}
OWN_HEADERS = {"ho": ["Họ", "Họ và tên đệm", "Họ đệm"], "ten": ["Tên"],
               "ngay_sinh": ["Ngày sinh", "Ngày, tháng, năm sinh", "Ngày sinh chủ hộ"]}  # fmt: skip
# Parents over columns standing together, in a two-row header
PARENTS = ((messy.INDICATOR_PARENT, tuple(INDICATOR_KEYS)), ("Phân loại hộ", tuple(MARKS)),
           ("Họ và tên chủ hộ", ("ho", "ten")))  # fmt: skip
# Other wordings of the template's headers (tests/messy.py's lists of session 21)
WORDINGS = {**messy.BAN_CO_HEADERS, **messy.BAN_CO_ODS_HEADERS}


@dataclass
class Roster:
    """A template roster read back: its 'Thông tin' pairs, title lines, header and rows."""

    info: list[tuple[str, Any]]
    titles: list[str]
    keys: list[str]
    rows: list[dict]


def read_roster(path: Path) -> Roster:
    book = openpyxl.load_workbook(path)
    info = [(r[0], r[1]) for r in book["Thông tin"].iter_rows(values_only=True) if r[0]]
    lines = list(book["Danh sách"].iter_rows(values_only=True))
    top = next(i for i, line in enumerate(lines) if line[0] == "STT")
    keys = [HEADER_KEYS[text] for text in lines[top] if text]
    rows = []
    for line in lines[top + 1 :]:
        if line[1] is None:
            break
        rows.append(dict(zip(keys, line, strict=False)))
    titles = [line[0] for line in lines[:top] if line[0]]
    return Roster(info, titles, keys, rows)


@dataclass
class Drawn:
    """What one roster was sent as: its format, the messes drawn, the extra columns."""

    format: str
    messes: list[str] = field(default_factory=list)
    extras: int = 0
    said: Counter = field(default_factory=Counter)  # other warnings the messes are said by
    # session 41's messes, drawn in a stream of their own (the earlier draws unchanged)
    later: set[str] = field(default_factory=set)
    late: random.Random = field(default_factory=random.Random)
    titled: bool = False  # the list's title names its hamlet (a blank 'Xóm' read from it)
    # session 53's messes, drawn in a stream of their own (the earlier draws unchanged)
    s53: set[str] = field(default_factory=set)
    late53: random.Random = field(default_factory=random.Random)
    # session 54's, the same
    s54: set[str] = field(default_factory=set)
    late54: random.Random = field(default_factory=random.Random)


def _spaced(rng: random.Random, text: str) -> str:
    how = rng.choice(["double", "trail", "nbsp", "lead", "invisible", "tab"])
    if how == "double":
        return text.replace(" ", "  ", 1)
    if how == "nbsp":
        return text.replace(" ", "\u00a0", 1)
    if how == "invisible":  # a zero-width space or BOM pasted from a web page (pipeline/text.py)
        return rng.choice(["{}\u200b", "\ufeff{}", "{}\u200b "]).format(text)
    if how == "tab":
        return f"{text}\t"
    return f" {text}" if how == "lead" else f"{text} "


def _dashed(rng: random.Random, name: str) -> str:
    """``name``'s dashes typed otherwise ('Bản Cọ - Nà Pài', 'Nà Mòn-Khu Tái Định Cư': one
    name, session 40: "a dash without spaces is read alike")."""
    return re.sub(r"\s*[-–]\s*", rng.choice([" - ", "-", " – ", "–"]), name)


def _header(rng: random.Random, key: str, how: set[str]) -> str | None:
    if key in (EXTRA, EARLIER, BLANK):
        return None if key == BLANK else key
    if key in EARLIER_TIMED:  # (its case and breaks drawn as the other headers')
        text = key
    elif key in OWN_HEADERS:
        text = rng.choice(OWN_HEADERS[key])
    else:
        text = messy.DEFAULT_HEADERS[key]
    if "wording" in how and key in WORDINGS and rng.random() < 0.5:
        text = WORDINGS[key]
    if "upper" in how and rng.random() < 0.5:
        text = text.upper()
    if "lower" in how and rng.random() < 0.5:
        text = text.lower()
    if "break" in how and " " in text and rng.random() < 0.4:
        at = rng.choice([i for i, ch in enumerate(text) if ch == " "])
        text = text[:at] + "\n" + text[at + 1 :]
    if "double" in how and " " in text and rng.random() < 0.3:
        text = text.replace(" ", "  ", 1)
    return text


def typed_row(rng: random.Random, row: dict, how: set[str]) -> dict:
    """One household's cells typed with the value messes in ``how``."""
    out = dict(row)
    for key in INDICATOR_KEYS:
        deprived = row[key] is not None
        if "ticks" in how:
            out[key] = rng.choice(TICKS) if deprived else rng.choice(BLANKS)
    if "class" in how:
        out["phan_loai"] = rng.choice(CLASS_SPELLINGS[row["phan_loai"]])
    if "size-text" in how:
        out["nhan_khau"] = rng.choice(["{}", " {} ", "0{}", "{}\u00a0"]).format(row["nhan_khau"])
    elif "size-float" in how:
        out["nhan_khau"] = float(row["nhan_khau"])
    if "year" in how and row.get("nam_sinh"):
        out["nam_sinh"] = rng.choice(
            [str(row["nam_sinh"]), float(row["nam_sinh"]), f" {row['nam_sinh']} "]
        )
    if "income" in how and row.get("thu_nhap") is not None:
        typed = rng.choice(["{}", "{} đ", "{}đ", "{},00", "{}\u00a0", "{} đồng"])
        out["thu_nhap"] = typed.format(messy.vn_money(row["thu_nhap"]))
    if "stt-text" in how:
        out["stt"] = str(row["stt"])
    if "id-number" in how and row.get("so_dinh_danh"):
        out["so_dinh_danh"] = rng.choice([int(row["so_dinh_danh"]), f"'{row['so_dinh_danh']}"])
    if "words" in how:
        out["dan_toc"] = rng.choice([row["dan_toc"].upper(), row["dan_toc"].lower()])
        out["gioi_tinh"] = rng.choice([row["gioi_tinh"].upper(), row["gioi_tinh"].lower()])
        for key in ("nguyen_nhan", "nhu_cau"):
            if row.get(key):
                out[key] = row[key].replace("; ", rng.choice([", ", ";", " ; "]))
    if "caps" in how and rng.random() < 0.5:
        out["chu_ho"] = row["chu_ho"].upper()
    if "spaces" in how:
        for key in ("chu_ho", "dan_toc", "ma_ho", "gioi_tinh"):
            if isinstance(out.get(key), str) and rng.random() < 0.4:
                out[key] = _spaced(rng, out[key])
    if "nfd" in how:
        out = {key: messy.nfd(value) for key, value in out.items()}
    return out


VALUE_MESSES = ["ticks", "class", "size-text", "size-float", "year", "income", "stt-text",
                "id-number", "caps", "spaces", "nfd", "words"]  # fmt: skip
LAYOUT_MESSES = ["title", "title-words", "offset", "blank-inside", "notes", "signature", "order", "extra",
                 "hidden-col", "freeze", "filter", "guide", "renamed", "header2", "numbers",
                 "sections", "total", "junk", "earlier", "blank-col", "numbered-blanks", "marks",
                 "name-split", "birth-date", "hidden-blank", "subtotals"]  # fmt: skip
HEADER_MESSES = ["upper", "lower", "break", "double", "nfd-header", "wording"]
INFO_MESSES = ["labels", "shuffle", "hamlet", "period", "total-text", "made-text", "info-style",
               "commune", "info-name", "made-quoted"]  # fmt: skip
COMMUNE_MESSES = ["dashed-names"]  # drawn once a seed: the plan's and every roster's names
# Session 41's, drawn in streams of their own: per roster, and once a seed where no dashed names
LATER_MESSES = ["earlier-year", "title-group", "hamlet-blank", "file-named"]
LATER_COMMUNE = ["grouped-names"]
# Session 53's, drawn in a stream of their own per roster (``{seed}/{file}/53``): session 52's
# total rows holding sums and counts, and 'Thu nhập của hộ' holding the household's month
MESSES_53 = ["total-sums", "household-income"]
HOUSEHOLD_INCOME = ["Thu nhập của hộ", "Thu nhập hộ (đồng)", "THU NHẬP CỦA HỘ"]
# Session 54's, drawn in a stream of their own per roster (``{seed}/{file}/54``): session 53's
# total rows (the IDs' sum as text under 'Số định danh', subtotals on top of their sections)
# and the household's income under 'TN hộ' or 'Tổng thu nhập của hộ'
MESSES_54 = ["id-sum-text", "subtotals-on-top", "household-total-income"]
HOUSEHOLD_TOTAL = ["TN hộ", "Tổng thu nhập của hộ", "TN HỘ", "Tổng thu nhập của hộ (đồng)"]
LINE = 1_500_000  # the standard's income line, a person's a month, rural (DOMAIN §1.1)
INFO_KEYS = {label: key for key, label in messy.INFO_LABELS.items()}


ALLOWED: set[str] | None = None  # the messes a reduction keeps (None: all)


def _draw(rng: random.Random, names: list[str], chance: float) -> set[str]:
    drawn = {name for name in names if rng.random() < chance}  # (one draw each, always)
    return drawn if ALLOWED is None else drawn & ALLOWED


def info_sheet(rng: random.Random, roster: Roster, how: set[str], drawn: Drawn) -> messy.SheetSpec:
    spec = messy.SheetSpec("Thông tin")
    name = rng.choice(["THÔNG TIN", "Thong tin", messy.nfd("Thông tin"), "TT chung"])
    pairs = list(roster.info)
    if "shuffle" in how:
        rng.shuffle(pairs)
    style = rng.choice(["shifted", "inline"]) if "info-style" in how else "standard"
    equals = style != "inline" and rng.random() < 0.3
    written = {}
    for r, (label, value) in enumerate(pairs):
        kept = value
        if label == "Xã" and "commune" in how:  # (CONTRACT §2.1; session 39: 'UBND xã …')
            value = rng.choice([f"Xã {value}", value.upper(), f"UBND xã {value}", f" {value}"])
        elif label == "Xóm" and "hamlet" in how:
            value = rng.choice(
                [with_unit(value, "Xóm"), value.upper(), with_unit(value), f" {value} ",
                 _dashed(rng, value)]
            )  # fmt: skip  # ('Tổ dân phố số 12' alone, as the template's title names it: session 40)
        elif label == "Kỳ báo cáo" and "period" in how:
            value = rng.choice(
                [
                    "5/2024",
                    "2024-05",
                    "Tháng 5 năm 2024",
                    datetime(2024, 5, 1),
                    "T5/2024",
                    "tháng 5/2024",
                    45413,
                    " 05/2024 ",
                ]
            )
        elif label == "Tổng số hộ dân cư" and "total-text" in how:
            value = rng.choice([str(value), f"{value} hộ", f" {value}"])
        elif label == "Ngày lập" and "made-text" in how and isinstance(value, datetime):
            serial = (value - datetime(1899, 12, 30)).days
            value = rng.choice([value.strftime("%d/%m/%Y"), serial, value.strftime("%d/%m/%Y ")])
        elif label == "Ngày lập" and "made-quoted" in how and isinstance(value, datetime):
            typed = f"{value.day}-{value.month}-{value.year % 100:02d}"  # (session 40)
            if equals:  # typed after '=': said (a formula saved without a value, else a text)
                formula = drawn.format == "openpyxl"
                value = messy.Formula(f"={typed}", None) if formula else f"={typed}"
                code = "info-formula-skipped" if formula else "leading-equals-sign"
                drawn.said[(code, "warning")] += 1
                drawn.messes.append("made-equals")
            elif style != "inline":  # ("Ngày lập: '5-6-24" is no quote typed to keep a text)
                value = rng.choice(["\u2019", "'"]) + typed
        if label == "Xóm" and "hamlet-blank" in drawn.messes:  # read from the title (session 41)
            value = "" if style == "inline" else None
        if style == "inline" and isinstance(value, int) and label != "Tổng số hộ dân cư":
            value = kept  # ('Kỳ báo cáo: 45413' is no month: a serial is a cell's, not a text's)
        written[INFO_KEYS[label]] = value
        if style != "standard":
            continue
        if "labels" in how:
            label = rng.choice(
                [
                    label.upper(),
                    label.lower(),
                    messy.nfd(label),
                    f"{label}:",
                    label.replace(" ", "  "),
                    f"{label} ",
                ]
            )
        spec.put(r, 0, label)
        spec.put(r, 1, value)
    if style != "standard":  # 'Xóm: Nà Mòn' in one cell, or labels in B and values in C
        spec = messy.info_sheet(written, style, order=list(written))
    if "info-name" in how:  # renamed: found by its 'Loại biểu' block (discover._info_by_content)
        spec.name = name
    return spec


def roster_sheet(
    rng: random.Random, roster: Roster, drawn: Drawn, sheet: str | None = None
) -> list[messy.SheetSpec]:
    """The roster's sheets as re-sent: the list (named ``sheet`` when given), an instructions
    sheet before it, a hidden old copy after it."""
    how = _draw(rng, LAYOUT_MESSES, CHANCE)
    if drawn.format == "xlsxwriter" and rng.random() < 0.5:
        how.add("formulas")  # STT '=C6+1' and the total's sums as formulas with their values
    typing = _draw(rng, VALUE_MESSES, CHANCE)
    heading = _draw(rng, HEADER_MESSES, CHANCE * 0.7)
    drawn.messes += sorted(how | typing | heading)
    keys = list(roster.keys)
    if "order" in how:
        rng.shuffle(keys)
    if "extra" in how:
        keys.insert(rng.randint(1, len(keys)), EXTRA)
        drawn.extras += 1
    if "earlier" in how:  # last month's class beside this month's, perhaps hidden
        earlier = EARLIER
        if rng.random() < 0.5:  # named by its month (session 40)
            earlier = rng.choice(EARLIER_BY_MONTH)
            drawn.messes.append("earlier-month")
            if "earlier-year" in drawn.later:  # or by last year (session 41)
                earlier = drawn.late.choice(EARLIER_BY_YEAR)
                drawn.messes.append("earlier-year")
        keys.insert(keys.index("phan_loai") + rng.choice([0, 1]), earlier)
    if "blank-col" in how:  # an empty column inserted inside the table (session 38 QA)
        keys.insert(rng.randint(2, len(keys) - 1), BLANK)
    for mess, key, instead in (("marks", "phan_loai", list(MARKS)),
                               ("name-split", "chu_ho", ["ho", "ten"]),
                               ("birth-date", "nam_sinh", ["ngay_sinh"])):  # fmt: skip
        if mess in how and key in keys:
            at = keys.index(key)
            keys[at : at + 1] = instead
    name = (
        rng.choice(["DS", "Sheet1", "T5", "Danh sach", "DS ho ngheo"])
        if "renamed" in how
        else "Danh sách"
    )
    name = sheet or name
    spec = messy.SheetSpec(name)
    late53, sums = drawn.late53, "total-sums" in drawn.s53
    late54, id_sums = drawn.late54, "id-sum-text" in drawn.s54 and "total" in how
    said53 = {}  # 'Thu nhập của hộ' holding each household's month (session 52), one sheet's list
    rows = roster.rows
    if "household-income" in drawn.s53 and sheet is None and household_sized(rows):
        said53["thu_nhap"] = late53.choice(HOUSEHOLD_INCOME)
        if "household-total-income" in drawn.s54:  # 'TN hộ' (session 53), said alike
            said53["thu_nhap"] = late54.choice(HOUSEHOLD_TOTAL)
            drawn.messes.append("household-total-income")
        rows = [dict(row, thu_nhap=row["thu_nhap"] * row["nhan_khau"])
                if row.get("thu_nhap") is not None else row for row in rows]  # fmt: skip
        drawn.messes.append("household-income")
        drawn.said[("income-per-year", "warning")] += 1  # said once, at its header
    r0 = rng.randint(1, 3) if "offset" in how else 0
    c0 = rng.randint(1, 2) if "offset" in how else 0
    last = c0 + len(keys) - 1
    r = r0
    titles = list(roster.titles[:1])
    own = bool(titles) and titles[0].startswith(ROSTER_TITLE)  # (not a split's near-poor sheet)
    hamlet = dict(roster.info)["Xóm"]
    named, tail, upper = with_unit(hamlet, "xóm"), " – THÁNG 5/2024", True  # the template's
    if "title-words" in how and titles:  # the title in other words (session 40's tails)
        hamlet = _dashed(rng, hamlet)
        tail, named = rng.choice(TITLE_TAILS), with_unit(hamlet, rng.choice(["xóm", "thôn"]))
        upper = rng.choice([True, False])
        titles = [_title(named, "", tail, upper)]
    late = drawn.late  # session 41's draws: a group after the hamlet, or the form's blank
    if own and "title-group" in drawn.later and not re.search(r"Tổ \d+$", hamlet):
        titles = [_title(named, late.choice(GROUPS), tail, upper)]
        drawn.messes.append("title-group")
    if own and "hamlet-blank" in drawn.later and late.random() < 0.3:
        titles = [f"{ROSTER_TITLE} {late.choice(UNFILLED)}"]
        drawn.messes.append("title-unfilled")
    title = titles[0] if own else None
    if "title" in how:
        above = [messy.UNIT, messy.MOTTO, *titles, "(Kèm theo Kế hoạch số 12/KH-UBND)"]
        titles = above[rng.randint(0, 2) :][: rng.randint(1, 4)] or titles
    if own and title in titles:  # the list's title kept: a blank 'Xóm' is read from it
        drawn.titled = True
    for line in titles:
        spec.merge(r, c0, r, last, line)
        r += 1
    r += rng.randint(0, 1)
    header_row = r
    r = _header_rows(rng, spec, keys, (r, c0), heading, two="header2" in how, own=said53)
    if "numbers" in how:  # the column-number row: 'A | B | 1 | 2 …' or '(1) | (2) …'
        letters = rng.random() < 0.5
        for i in range(len(keys)):
            number = ("A" if i == 0 else "B" if i == 1 else str(i - 1)) if letters else f"({i + 1})"
            spec.put(r, c0 + i, number)
        r += 1
    groups = [(None, rows)]
    if "sections" in how:  # 'I. HỘ NGHÈO' over each class's rows, merged across
        groups = [(f"{numeral}. {label}", [row for row in rows if row["phan_loai"] == status])
                  for numeral, label, status in SECTIONS]  # fmt: skip
        if rng.random() < 0.5:  # or a title naming the list's own hamlet (session 40)
            unit = with_unit(dict(roster.info)["Xóm"]).upper()
            grouped = re.search(r"Tổ \d+$", dict(roster.info)["Xóm"])
            if "title-group" in drawn.later and not grouped and late.random() < 0.5:
                unit += late.choice(GROUPS)  # and a group of it (session 41)
                drawn.messes.append("heading-group")
            groups = [(f"DANH SÁCH {label} {unit}", members)
                      for (_, members), (_, label, _) in zip(groups, SECTIONS, strict=True)]  # fmt: skip
            drawn.messes.append("section-titles")
    count = len(rows)
    blanks = set(rng.sample(range(1, count), min(2, count - 1))) if "blank-inside" in how else set()
    n, first, previous = 0, r, None
    written: list[dict] = []  # each household's cells as typed (session 53's sums)
    on_top = "subtotals-on-top" in drawn.s54 and "subtotals" in how  # (session 53's shape)
    for section, members in groups:
        sub = r  # the section's subtotal on top of its label (session 54's draw)
        if section and on_top:
            r += 1
            drawn.messes.append("subtotals-on-top")
        if section:
            spec.merge(r, c0, r, last, section)
            r += 1
        since, top = len(written), r
        for row in members:
            if n in blanks:
                if "hidden-blank" in how:  # the empty row hidden, as a head tidies the screen
                    spec.hidden_rows[r] = "collapse"
                r += 1
            n += 1
            typed = typed_row(rng, row, typing)
            typed.update(_standing_for(rng, row, typed, typing))
            if id_sums and isinstance(cccd := typed.get("so_dinh_danh"), str) and cccd.isdigit():
                typed["so_dinh_danh"] = int(cccd)  # typed into a Number cell, its 0 lost
            if "formulas" in how and "stt" in keys and previous is not None:
                above = f"{get_column_letter(c0 + keys.index('stt') + 1)}{previous + 1}"
                typed["stt"] = messy.Formula(f"={above}+1", n)  # the household's STT
            previous = r
            written.append(typed)
            for i, key in enumerate(keys):
                value = typed.get(key)
                if key == EXTRA:
                    value = rng.choice(["0912 345 678", None])
                elif key == EARLIER or key in EARLIER_TIMED:
                    value = rng.choice(["Hộ nghèo", "Hộ cận nghèo", None])
                if value is not None:
                    spec.put(r, c0 + i, value)
            r += 1
        if section and "subtotals" in how:  # 'Cộng' and the section's people (session 28)
            at_row = sub if on_top else r
            word = rng.choice([0, 1])
            spec.put(at_row, c0 + word, "Cộng")
            if "nhan_khau" in keys:
                spec.put(at_row, c0 + keys.index("nhan_khau"), sum(h["nhan_khau"] for h in members))
            if sums and "nam_sinh" in keys and keys.index("nam_sinh") != word:  # (session 52)
                at = c0 + keys.index("nam_sinh")
                spec.put(at_row, at, _summed(written[since:], (top, r, at), "formulas" in how))
                drawn.messes.append("total-sums")
            if id_sums and "so_dinh_danh" in keys and keys.index("so_dinh_danh") != word:
                if text := _id_sum_text(written[since:]):
                    spec.put(at_row, c0 + keys.index("so_dinh_danh"), text)
                    drawn.messes.append("id-sum-text")
            r += 0 if on_top else 1
    if "total" in how:  # 'Tổng cộng' with the people and each indicator's households summed
        word = rng.choice([0, 1])
        spec.put(r, c0 + word, "Tổng cộng")
        if sums:  # session 52's: the sums and counts of the person columns (its own draws)
            _total_figures(late53, spec, keys, (first, r, c0, word), written, how)
            drawn.messes.append("total-sums")
        if "chu_ho" in keys and keys.index("chu_ho") > 1 and rng.random() < 0.5:
            spec.put(r, c0 + keys.index("chu_ho"), f"{count} hộ")  # its count (session 28)
        if id_sums and "so_dinh_danh" in keys and keys.index("so_dinh_danh") != word:
            if text := _id_sum_text(written):
                spec.put(r, c0 + keys.index("so_dinh_danh"), text)
                drawn.messes.append("id-sum-text")
        for i, key in enumerate(keys):
            if key == "nhan_khau":
                total = sum(row["nhan_khau"] for row in rows)
            elif key in INDICATOR_KEYS:
                total = sum(1 for row in rows if row[key] is not None)
            else:
                continue
            if "formulas" in how:
                letter = get_column_letter(c0 + i + 1)
                if key == "nhan_khau":
                    total = messy.Formula(f"=SUM({letter}{first + 1}:{letter}{r})", total)
            spec.put(r, c0 + i, total)
        r += 1
    end = r - 1
    if "numbered-blanks" in how and "stt" in keys:  # the template numbered further down
        for stt in range(count + 1, count + rng.randint(5, 30)):
            spec.put(r, c0 + keys.index("stt"), stt)
            r += 1
    if "notes" in how:
        r += 1
        at = c0 + rng.choice([0, 1, 2])
        spec.put(r, at, "Ghi chú:")
        spec.put(r + 1, at, f"- Tổng số: {len(roster.rows)} hộ")
        spec.put(r + 2, at, "- Danh sách đã được thông qua họp xóm")
        r += 3
    if "signature" in how:
        messy.signature_block(spec, r + 1, c0, last, "Ngày 01 tháng 6 năm 2024", "Hà Thị Xuân")
    if "hidden-col" in how:
        hideable = [
            k for k in keys if k not in ("ma_ho", "phan_loai", "nhan_khau", *INDICATOR_KEYS)
        ]
        earlier = [k for k in keys if k == EARLIER or k in EARLIER_TIMED]
        hideable = earlier if earlier and rng.random() < 0.5 else hideable
        spec.hidden_cols = {c0 + keys.index(rng.choice(hideable))}
    if "freeze" in how:
        spec.freeze = (header_row + 1 + ("header2" in how), c0 + 3)
    if "filter" in how:
        spec.autofilter = (header_row, c0, end, last)
    sheets = [messy.guide_sheet(), spec] if "guide" in how else [spec]
    return [*sheets, messy.junk_sheet()] if "junk" in how else sheets


def _title(named: str, group: str, tail: str, upper: bool) -> str:
    """The list's title naming hamlet ``named`` (its unit word before it), ``group`` after it
    (session 41), then ``tail``; in capitals, or in lower case after a capital."""
    if upper:
        return f"{ROSTER_TITLE} {named.upper()}{group}{tail}"
    return f"{ROSTER_TITLE.capitalize()} {named}{group.lower()}{tail.lower()}"


def household_sized(rows: list[dict]) -> bool:
    """Whether a list's incomes written as each household's month (income × size) are read so
    under 'Thu nhập của hộ' (decisions, "Session 52: 'Thu nhập của hộ' naming no period is
    read as the household's month …" and its review): of its poor and near-poor households of
    2 people or more, more than half over the line as a person's, none over it shared, and one
    over twice the line, those a third at least of the ones over it (session 54); drawn only
    with no value at a bound (none of them decides)."""
    listed = [row for row in rows if row["phan_loai"] in ("Hộ nghèo", "Hộ cận nghèo")
              and row.get("thu_nhap") is not None]  # fmt: skip
    if any(row["thu_nhap"] >= LINE for row in listed):
        return False  # (the sample's are under or at the line: at it, the bound decides)
    month = [row["thu_nhap"] * row["nhan_khau"] for row in listed if row["nhan_khau"] >= 2]
    if LINE in month or 2 * LINE in month:
        return False
    over = sum(1 for value in month if value > LINE)
    twice = sum(1 for value in month if value > 2 * LINE)
    return 2 * over > len(month) and twice > 0 and 3 * twice >= over  # (session 54)


def _folded(value) -> str:
    """A text as a count compares it: composed, without invisible and no-break spaces, trimmed,
    in lower case."""
    text = unicodedata.normalize("NFC", str(value))
    return text.replace("\u200b", "").replace("\ufeff", "").replace("\u00a0", " ").strip().lower()


def _summed(typed: list[dict], where: tuple[int, int, int], formula: bool):
    """What =SUM gives over the 'Năm sinh' cells of ``typed`` (numbers added, text passed
    over), as a Formula with that value when ``formula`` (``where``: first row, the total's
    row, its column)."""
    total = sum(v for row in typed if isinstance(v := row.get("nam_sinh"), (int, float)))
    total = int(total) if float(total).is_integer() else total
    if not formula:
        return total
    letter = get_column_letter(where[2] + 1)
    return messy.Formula(f"=SUM({letter}{where[0] + 1}:{letter}{where[1]})", total)


def _id_sum_text(typed: list[dict]) -> str | None:
    """What a 'Cộng' or 'Tổng cộng' row holds under 'Số định danh' as text (session 53's
    shape): the sum =SUM gives of the IDs typed as numbers (their 0 lost) pasted as a value,
    or, over one household, its ID with the lost 0 written back ('019058001234'); None where
    no ID is a number (=SUM gives 0)."""
    numbers = [v for row in typed if isinstance(v := row.get("so_dinh_danh"), int)]
    if not numbers:
        return None
    if len(typed) == 1:
        return f"{numbers[0]:012d}"
    return str(sum(numbers))


def _total_figures(late: random.Random, spec, keys, at, typed: list[dict], how: set[str]):
    """Session 52's figures of a 'Tổng cộng' row (``at``: the first household row, the total's
    row, the table's first column, the column of the total's word): under 'Năm sinh' the sum
    of the years (a number, a formula's value, or its digits as text), under 'Giới tính' the
    heads of one sex counted (=COUNTIF), under 'Mã hộ' the households ('8 hộ'), the STT
    numbered on, and the =SUM copied across under 'Dân tộc' (0 over its text) and the income;
    each perhaps, each where the word is not."""
    first, r, c0, word = at
    formula = "formulas" in how
    for key in ("nam_sinh", "gioi_tinh", "ma_ho", "stt", "dan_toc", "thu_nhap"):
        if key not in keys or keys.index(key) == word or late.random() < 0.3:
            continue
        column = c0 + keys.index(key)
        letter = get_column_letter(column + 1)
        if key == "nam_sinh":
            value = _summed(typed, (first, r, column), formula)
            if not formula and late.random() < 0.3:
                value = str(value)  # typed by hand, or a Text cell
        elif key == "gioi_tinh":
            sex = late.choice(["Nam", "Nữ"])
            value = sum(1 for row in typed if _folded(row.get("gioi_tinh")) == sex.lower())
            if formula:
                value = messy.Formula(f'=COUNTIF({letter}{first + 1}:{letter}{r},"{sex}")', value)
        elif key == "ma_ho":
            value = f"{len(typed)} hộ"
        elif key in ("dan_toc", "thu_nhap"):  # =SUM copied across: 0 over text, the incomes
            value = sum(v for row in typed if isinstance(v := row.get(key), (int, float)))
            if formula:
                value = messy.Formula(f"=SUM({letter}{first + 1}:{letter}{r})", value)
        else:
            if "numbered-blanks" in how:
                continue  # (numbered on below it already)
            value = len(typed) + 1
        spec.put(r, column, value)


SECTIONS = (("I", "HỘ NGHÈO", "Hộ nghèo"), ("II", "HỘ CẬN NGHÈO", "Hộ cận nghèo"),
            ("III", "HỘ THOÁT NGHÈO, THOÁT CẬN NGHÈO", "Thoát"))  # fmt: skip


def _standing_for(rng: random.Random, row: dict, typed: dict, how: set[str]) -> dict:
    """The cells of the columns standing for the class, the name and the year."""
    ticks, blanks = (TICKS, BLANKS) if "ticks" in how else (["x"], [None])
    cells = {key: rng.choice(ticks if row["phan_loai"] == label else blanks)
             for key, label in MARKS.items()}  # fmt: skip
    name = str(typed["chu_ho"]).strip()
    cells["ho"], _, cells["ten"] = name.rpartition(" ")
    born = date(row["nam_sinh"], rng.randint(1, 12), rng.randint(1, 28))
    cells["ngay_sinh"] = rng.choice([born, born.strftime("%d/%m/%Y"), datetime(born.year, 1, 1)])
    return cells


def _header_rows(rng, spec, keys, at, heading: set[str], two: bool, own=None) -> int:
    """The header at ``at`` (row, column): one row, or two with the parents of
    :data:`PARENTS` merged over their columns (where they stand together) and the other
    headers merged down; the row under it. ``own`` {key: header}: written instead (session
    53's, the draws the same)."""
    r, c0 = at
    groups = []
    for parent, members in PARENTS:
        cols = [c0 + i for i, key in enumerate(keys) if key in members]
        if two and cols and cols == list(range(cols[0], cols[0] + len(cols))):
            groups.append((parent, cols))
    grouped = {c for _, cols in groups for c in cols}
    for i, key in enumerate(keys):
        text = (own or {}).get(key, _header(rng, key, heading))
        text = messy.nfd(text) if "nfd-header" in heading else text
        if not two:
            spec.put(r, c0 + i, text)
        elif c0 + i in grouped:
            spec.put(r + 1, c0 + i, text)
        else:
            spec.merge(r, c0 + i, r + 1, c0 + i, text)
    for parent, cols in groups:
        spec.merge(
            r, cols[0], r, cols[-1], messy.nfd(parent) if "nfd-header" in heading else parent
        )
    return r + (2 if two else 1)


def write_messy(
    rng: random.Random,
    source: Path,
    target_dir: Path,
    soffice: bool = False,
    late: random.Random | None = None,
    late53: random.Random | None = None,
    late54: random.Random | None = None,
) -> Drawn:
    """``source`` (a template roster) re-sent messy into ``target_dir``; what was drawn.
    ``late``: the stream session 41's messes are drawn in (the others' draws unchanged)."""
    roster = read_roster(source)
    fmt = rng.choice(FORMATS + (["soffice-xls", "soffice-ods"] if soffice else []))
    if fmt == "biff" and len(roster.rows) > 12:  # (tests/biff.py writes no CONTINUE record)
        fmt = "soffice-xls" if soffice else "openpyxl"
    drawn = Drawn(fmt, late=late or random.Random(0))
    drawn.later = _draw(drawn.late, LATER_MESSES, CHANCE)
    drawn.late53 = late53 or random.Random(0)
    drawn.s53 = _draw(drawn.late53, MESSES_53, CHANCE)
    drawn.late54 = late54 or random.Random(0)
    drawn.s54 = _draw(drawn.late54, MESSES_54, CHANCE)
    info_how = _draw(rng, INFO_MESSES, CHANCE)
    drawn.messes += sorted(info_how)
    near = [row for row in roster.rows if row["phan_loai"] == "Hộ cận nghèo"]
    others = [row for row in roster.rows if row["phan_loai"] != "Hộ cận nghèo"]
    split = rng.random() < 0.15 and near and others and fmt != "biff"
    if split:  # poor (and left) on 'Hộ nghèo', near-poor on 'Hộ cận nghèo' (session 21; README)
        titled = []  # the near-poor sheet untitled, or titled with the list's hamlet (session 40)
        if rng.random() < 0.5:
            titled = [f"DANH SÁCH HỘ CẬN NGHÈO {with_unit(dict(roster.info)['Xóm']).upper()}"]
            drawn.messes.append("split-title")
        sheets = [
            *roster_sheet(rng, Roster(roster.info, roster.titles, roster.keys, others), drawn,
                          "Hộ nghèo"),
            *roster_sheet(rng, Roster(roster.info, titled, roster.keys, near), drawn, "Hộ cận nghèo"),
        ]  # fmt: skip
        sheets = [
            sheet
            for i, sheet in enumerate(sheets)
            if sheet.name not in {s.name for s in sheets[:i]}
        ]  # one guide, one old copy
        drawn.messes.append("split")
    else:
        sheets = roster_sheet(rng, roster, drawn)
    if "hamlet-blank" in drawn.later and drawn.titled:  # 'Xóm' blank, read from the title
        drawn.messes.append("hamlet-blank")
        drawn.said[("info-cell-blank", "warning")] += 1  # (said: the hamlet read from the title,
        # or from the file name under a title naming none, 'title-unfilled')
    info = info_sheet(rng, roster, info_how, drawn)
    at = next(i for i, sheet in enumerate(sheets) if sheet.name not in ("Hướng dẫn", "Cu"))
    place = rng.random()
    if place < 0.15:  # 'Thông tin' above the list on the list's sheet (session 21)
        sheets[at] = messy.stacked(info, sheets[at], gap=rng.choice([1, 2]))
        drawn.messes.append("info-above")
    elif place < 0.25 and not split:  # under a one-sheet list and its signature (session 22)
        sheets[at] = messy.below(sheets[at], info, gap=rng.choice([1, 3]))
        drawn.messes.append("info-below")
    elif place < 0.6:
        sheets = [info, *sheets]
    else:
        sheets = [*sheets, info]
    stem = source.stem
    if "file-named" in drawn.later and "title-unfilled" not in drawn.messes:  # (none else tells)
        stem = f"{drawn.late.choice(FILE_NAMES)} {'ABC'[len(list(target_dir.glob('*.*')))]}"
        drawn.messes.append("file-named")
    if fmt in ("openpyxl", "xlsxwriter"):
        messy.write_book(target_dir / f"{stem}.xlsx", sheets, writer=fmt)
    elif fmt == "ods":
        messy.write_book(target_dir / f"{stem}.ods", sheets)
    else:
        xlsx = messy.write_book(target_dir.parent / f"{stem}.xlsx", sheets)
        if fmt == "biff":
            xls_from_xlsx(xlsx, target_dir / f"{stem}.xls")
        else:
            suffix = fmt.split("-")[1]
            subprocess.run(
                ["soffice", "--headless", "--convert-to", suffix, "--outdir", str(target_dir), str(xlsx)],
                check=True, capture_output=True, timeout=120,
            )  # fmt: skip
    return drawn


def _said(issues) -> Counter:
    return Counter((i.code, i.severity) for i in issues)


def commune_names(seed: int) -> list[str] | None:
    """Seed ``seed``'s hamlet names when it draws ``dashed-names``: one named with a dash, one
    with its own unit word, a third of either or the sample's; else None (the sample's)."""
    rng = random.Random(f"{seed}/commune")
    if "dashed-names" not in _draw(rng, COMMUNE_MESSES, CHANCE):
        late = random.Random(f"{seed}/commune/41")  # (session 41: the earlier draws unchanged)
        if "grouped-names" not in _draw(late, LATER_COMMUNE, CHANCE):
            return None
        names = [*late.choice(GROUPED), late.choice(["Đồng Kè", "Khau Lang", "Pác Bó"])]
        late.shuffle(names)
        return names
    dashed, own = rng.choice(DASHED), rng.choice(OWN_UNIT)
    third = rng.choice([n for n in DASHED + OWN_UNIT + ["Đồng Kè"] if n not in (dashed, own)])
    names = [dashed, own, third]
    rng.shuffle(names)
    return names


def clean_month(
    folder: Path, seed: int, size: int = 8, april: bool = False, names: list[str] | None = None
) -> Path:
    """The sample commune's May 2024 (3 hamlets of ``size`` households) in ``folder / 'clean'``;
    ``april``: April's lists too, run first from ``folder / 'april'`` (with the plan), its
    history in ``folder / 'out'``; ``names``: the hamlets' names in the plan and the lists."""
    clean = folder / "clean"
    with (
        mock.patch.object(sample, "hamlet_names", lambda count: names[:count])
        if names
        else (nullcontext())
    ):
        generate_sample(clean, hamlets=3, households=size, seed=seed, months=2 if april else 1)
    if april:
        (folder / "april").mkdir()
        shutil.copyfile(clean / PLAN, folder / "april" / PLAN)
        for path in clean.glob("*_2024-04.xlsx"):
            path.rename(folder / "april" / path.name)
        execute(folder / "april", folder / "out", "2024-04")
    return clean


def sent_messy(
    seed: int, folder: Path, soffice: bool = False, size: int = 8, april: bool = False
) -> tuple[Path, Path, list[Drawn]]:
    """Seed ``seed``'s clean month (``folder / 'clean'``) and the same month sent messy
    (``folder / 'sent'``: the plan as it is, each roster re-sent), and what each roster was
    sent as."""
    names = commune_names(seed)
    clean = clean_month(folder, seed, size, april, names)
    sent = folder / "sent"
    sent.mkdir()
    drawn = []
    for path in sorted(clean.iterdir()):
        if path.name == PLAN:
            shutil.copyfile(path, sent / path.name)
        else:  # each roster its own draws, so that leaving out a mess changes no other's
            late = random.Random(f"{seed}/{path.name}/41")
            late53 = random.Random(f"{seed}/{path.name}/53")
            late54 = random.Random(f"{seed}/{path.name}/54")
            drawn.append(
                write_messy(random.Random(f"{seed}/{path.name}"), path, sent, soffice, late,
                            late53, late54)
            )  # fmt: skip
            grouped = names and any(re.search(r"Tổ \d+$", name) for name in names)
            drawn[-1].messes += [("grouped-names" if grouped else "dashed-names")] if names else []
    return clean, sent, drawn


def _history(folder: Path, name: str, april: bool, read_only: bool = False):
    """A copy of April's history for one reading of May (each its own), or None."""
    if not april:
        return None
    copy = folder / "out" / f"{name}.sqlite"
    if not copy.exists():
        shutil.copyfile(folder / "out" / HISTORY_FILE, copy)
    return HistoryStore(copy, read_only=read_only)


def check_seed(
    seed: int,
    folder: Path,
    soffice: bool = False,
    run: bool = False,
    size: int = 8,
    april: bool = False,
) -> list[Drawn]:
    """Seed ``seed``'s month sent messy; ``run``: the whole run too (outputs written, the
    feedback copies made), its JSON file compared with the clean run's; ``april``: April run
    first, May read against (a copy of) its history."""
    clean, sent, drawn = sent_messy(seed, folder, soffice, size, april)
    expected, _ = collect(clean, None, workers=0, history=_history(folder, "clean", april))
    result, _ = collect(sent, None, workers=0, history=_history(folder, "sent", april))
    what = [(d.format, d.messes) for d in drawn]
    assert [h["status"] for h in result.summary["hamlets"]] == ["ok"] * 3, what
    assert [i for i in result.issues if i.severity == "error"] == [], what
    figures = {k: v for k, v in result.summary.items() if k != "issues"}
    assert figures == {k: v for k, v in expected.summary.items() if k != "issues"}, what
    extra = Counter({("unknown-column", "warning"): sum(d.extras for d in drawn)})
    extra += sum((d.said for d in drawn), Counter())
    assert _said(result.issues) == _said(expected.issues) + extra, what
    checked = check_files(
        sorted(sent.iterdir()), history=_history(folder, "sent", april, True)
    )  # `giamngheo check` says what the run says
    assert _said(checked) == _said(result.issues), what
    if run:
        for read, out in ((clean, "out-clean"), (sent, "out-sent")):
            if april:  # April's outputs and history first, as the officer's folder holds them
                shutil.copytree(folder / "out", folder / out)
            execute(read, folder / out, "2024-05")
        name = "2024-05/TongHop_2024-05.json"
        wrote = [json.loads((folder / out / name).read_text()) for out in ("out-clean", "out-sent")]
        assert [{k: v for k, v in w.items() if k != "issues"} for w in wrote] == [figures] * 2, what
    return drawn


# 33 and 46: two seeds that fail with session 41's title readings undone (a group after the
# hamlet not cut, a heading not read with its group, a list naming no hamlet), which the first
# 20 do not draw (docs/decisions.md, "the mess fuzzer with this session's titles")
SEEDS = [*range(20), 33, 46]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_clean_month_sent_messy_gives_the_same_figures(tmp_path, seed):
    check_seed(seed, tmp_path)


def test_the_seeds_draw_every_mess_and_format(tmp_path):
    """The seeds above draw every mess of the generator and every format, so none goes
    untested in CI (the scratch batches draw them in every combination)."""
    seen: set[str] = set()
    for seed in SEEDS:
        for drawn in sent_messy(seed, tmp_path / str(seed))[2]:
            seen |= {*drawn.messes, drawn.format}
    every = {*VALUE_MESSES, *LAYOUT_MESSES, *HEADER_MESSES, *INFO_MESSES, *COMMUNE_MESSES, *FORMATS,
             *LATER_MESSES, *LATER_COMMUNE, *MESSES_53, *MESSES_54}  # fmt: skip
    assert seen >= every | {"formulas", "info-above", "info-below", "split", "earlier-month",
                            "made-equals", "section-titles", "split-title", "title-unfilled",
                            "heading-group"}  # fmt: skip


def reduce(seed: int, **options) -> list[str]:
    """The messes (by name) a failing seed still fails with when each other one is left out
    in turn (:data:`ALLOWED`; the formulas, the sheets split and the block's place are drawn
    apart and kept): what to reproduce by hand. ``options`` as :func:`check_seed`'s."""
    global ALLOWED
    import tempfile

    keep = set(VALUE_MESSES + LAYOUT_MESSES + HEADER_MESSES + INFO_MESSES + COMMUNE_MESSES
               + LATER_MESSES + LATER_COMMUNE + MESSES_53 + MESSES_54)  # fmt: skip
    for mess in sorted(keep):
        ALLOWED = keep - {mess}
        with tempfile.TemporaryDirectory() as scratch:
            try:
                check_seed(seed, Path(scratch), **options)
            except AssertionError:
                keep.discard(mess)  # fails without it: not needed
    ALLOWED = None
    return sorted(keep)


if __name__ == "__main__":  # scratch batches: python -m tests.test_mess_fuzz FIRST LAST [...]
    import tempfile
    import traceback

    first, last = int(sys.argv[1]), int(sys.argv[2])
    if "--dense" in sys.argv:
        CHANCE = 0.7  # every mess more often: more of them at once
    options = {
        "soffice": "--soffice" in sys.argv,
        "run": "--run" in sys.argv,
        "size": 30 if "--long" in sys.argv else 8,
        "april": "--april" in sys.argv,
    }
    for seed in range(first, last + 1):
        with tempfile.TemporaryDirectory() as scratch:
            try:
                drawn = check_seed(seed, Path(scratch), **options)
                print(f"seed {seed} ok", [(d.format, len(d.messes)) for d in drawn], flush=True)
            except Exception:  # noqa: BLE001 (a scratch batch goes on)
                print(f"seed {seed} FAILED")
                traceback.print_exc(limit=1)
                if "--reduce" in sys.argv:
                    print(f"seed {seed} fails with", reduce(seed, **options), flush=True)
