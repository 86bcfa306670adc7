"""Session 26: household codes (Mã hộ) that are no codes, and a merged hamlet's list told by its
heads' names.

1. A count written word-first ('Số hộ: 120', 'Tổng: 120 hộ') or in people alone ('95 khẩu',
   'Số nhân khẩu 95') in Mã hộ is said as no code (`household-id-is-count`), as '120 hộ' is
   since session 25; 'hộ 120', 'Hộ số 12' (a number naming one household) stay codes.
   Fixture: Nà Mòn's May list of tests/test_session23_rows.py, worked by hand there (poor 3,
   near-poor 2), with a whole household in Excel row 11: '7 | <Mã hộ> | Nguyễn Văn Cường | … |
   3 | Hộ cận nghèo | 900000'. Said: left out, Nà Mòn stays 3 and 2. A code: near-poor 3.
2. The plan's start list: a count in two rows is said once at each, no Mã hộ used twice.
3. Đồng Kè folded into Bản Cọ in the 2025 plan; Đồng Kè's old head sends his own list
   writing no Mã hộ: told by the heads' names and birth years, as session 25 told it by codes.
"""

from __future__ import annotations

import json
from datetime import date

import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.run import execute
from pipeline.template import write_plan_workbook
from pipeline.validate import household_count_kind
from tests import commune
from tests.commune import PLAN_INFO, past_targets, person, start_list, write_roster
from tests.test_session23_rows import na_mon_in_summary, run_with_lines


def _household(code: object) -> list[dict[str, object]]:
    return [{"A": 7, "B": code, "C": "Nguyễn Văn Cường", "H": 3, "I": "Hộ cận nghèo",
             "J": 900000}]  # fmt: skip


# --- 1. counts written word-first, or in people ---------------------------------------------


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("120 hộ", "households"),
        ("Số hộ: 120", "households"),
        ("SỐ HỘ 120", "households"),
        ("so ho 120", "households"),
        ("Tổng số hộ: 120", "households"),
        ("Tổng số hộ là 120", "households"),
        ("Tổng: 120 hộ", "households"),
        ("Cộng 12 hộ", "households"),
        ("Số hộ: 20, 95 khẩu", "households"),
        ("95 khẩu", "people"),
        ("95 nhân khẩu", "people"),
        ("4 KHẨU", "people"),
        ("17 người", "people"),  # since session 28 (tests/test_session28_a.py)
        ("Số khẩu: 95", "people"),
        ("Số nhân khẩu 95", "people"),
        ("Tổng số khẩu: 95", "people"),
        # codes: a number naming one household, a register book's number, a place's name
        ("hộ 120", ""),
        ("HỘ 12", ""),
        ("Hộ số 12", ""),
        ("HO120", ""),
        ("Số hộ khẩu 123", ""),
        ("Sổ hộ nghèo số 12", ""),
        ("12 Khau Lầu", ""),
        ("01 Hoà", ""),
        ("Số 12", ""),
        ("TL.01.001", ""),
        ("NM-012", ""),
        ("2024/15", ""),
        ("NM 6", ""),
        ("120", ""),
        (120, ""),
    ],
)
def test_what_count_a_code_is_written_as(code, kind):
    assert household_count_kind(code) == kind


@pytest.mark.parametrize("code", ["Số hộ: 120", "Tổng: 120 hộ"])
def test_a_count_written_word_first_is_said_at_its_cell(tmp_path, code):
    """Left out as '120 hộ' is: Nà Mòn poor 3, near-poor 2, one row left out, said at B11 with
    the households' wording; `check` says the same."""
    plan, roster, result = run_with_lines(tmp_path, _household(code))
    na_mon = na_mon_in_summary(result.summary)
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert result.summary["issues"]["rows_left_out"] == 1
    errors = [i for i in past_targets(result.issues) if i.severity == "error"]
    assert [(i.code, i.variant, i.sheet, i.cell, i.value) for i in errors] == [
        ("household-id-is-count", "", "Danh sách", "B11", code)
    ]
    assert f"'Mã hộ' ghi '{code}', là một số hộ đếm được chứ không phải mã hộ" in (
        errors[0].message("vi")
    )
    checked = [i for i in past_targets(check_files([roster, plan])) if i.severity == "error"]
    assert [(i.code, i.cell, i.value) for i in checked] == [("household-id-is-count", "B11", code)]


@pytest.mark.parametrize("code", ["95 khẩu", "Số nhân khẩu 95"])
def test_a_number_of_people_in_ma_ho_is_said_as_people(tmp_path, code):
    """A number of people is no code either: left out (Nà Mòn 3 and 2), said at B11 as a
    number of people ('people'), pointing the household's size to 'Số nhân khẩu'."""
    _, _, result = run_with_lines(tmp_path, _household(code))
    na_mon = na_mon_in_summary(result.summary)
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert result.summary["issues"]["rows_left_out"] == 1
    [error] = [i for i in past_targets(result.issues) if i.severity == "error"]
    assert (error.code, error.variant, error.cell, error.value) == (
        "household-id-is-count", "people", "B11", code,
    )  # fmt: skip
    vi, en = error.message("vi"), error.message("en")
    assert vi.startswith(f"'Mã hộ' ghi '{code}', là một số nhân khẩu chứ không phải mã hộ; hộ")
    assert "số nhân khẩu của hộ ghi ở cột 'Số nhân khẩu'" in vi
    assert f"'Mã hộ' is '{code}', a number of people, not a household code" in en


@pytest.mark.parametrize("code", ["hộ 120", "Hộ số 12", "Số hộ khẩu 123"])
def test_a_number_naming_one_household_is_a_code(tmp_path, code):
    """Counted under it: near-poor 2 + 1 = 3, nothing left out, nothing said of its code."""
    _, _, result = run_with_lines(tmp_path, _household(code))
    na_mon = na_mon_in_summary(result.summary)
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 3)
    assert result.summary["issues"]["rows_left_out"] == 0
    codes = {i.code for i in past_targets(result.issues)}
    assert "household-id-is-count" not in codes and "missing-household-id" not in codes


def test_a_count_written_word_first_in_two_rows_is_no_code_used_twice(tmp_path):
    """'Số hộ: 120' beside two heads (rows 11 and 12): each said once as a count, no
    `duplicate-household-id`; both left out, Nà Mòn still 3 and 2."""
    lines = _household("Số hộ: 120") + [dict(_household("Số hộ: 120")[0], C="Lò Văn Sáu")]
    _, _, result = run_with_lines(tmp_path, lines)
    assert result.summary["issues"]["rows_left_out"] == 2
    said = [(i.code, i.cell) for i in past_targets(result.issues) if i.severity == "error"]
    assert said == [("household-id-is-count", "B11"), ("household-id-is-count", "B12")]


# --- 2. the plan's start list ----------------------------------------------------------------


def test_counts_in_two_start_list_rows_are_no_code_used_twice(tmp_path, monkeypatch):
    """Start list (Mã hộ in C, households from row 4): NM1 (C4, Nà Mòn) and BC1 (C9, Bản Cọ)
    both written '120 hộ', NM2 (C5) and NM3 (C6) both 'Số hộ: 5': each said once as a count,
    no Mã hộ used twice; BC2 (C10) written 'BC3' beside BC3 (C11), a code used twice, still
    said at both cells. Left out: Nà Mòn poor 3 − 3 = 0, near-poor 2; Bản Cọ poor 2 − 2 = 0
    (BC1, BC2), near-poor 1 − 1 = 0 (BC3)."""
    listed = start_list

    def with_counts() -> list[dict]:
        rows = listed()
        assert [r["ma_ho"] for r in rows[:8]] == [
            "NM1", "NM2", "NM3", "NM4", "NM5", "BC1", "BC2", "BC3",
        ]  # fmt: skip
        rows[0]["ma_ho"] = rows[5]["ma_ho"] = "120 hộ"
        rows[1]["ma_ho"] = rows[2]["ma_ho"] = "Số hộ: 5"
        rows[6]["ma_ho"] = "BC3"
        return rows

    monkeypatch.setattr(commune, "start_list", with_counts)
    plan = commune.write_plan(tmp_path)
    found = check_files([plan])
    errors = sorted((i.row, i.code, i.cell, i.value) for i in found if i.severity == "error")
    assert [said[1:] for said in errors] == [
        ("household-id-is-count", "C4", "120 hộ"),
        ("household-id-is-count", "C5", "Số hộ: 5"),
        ("household-id-is-count", "C6", "Số hộ: 5"),
        ("household-id-is-count", "C9", "120 hộ"),
        ("duplicate-household-id", "C10", "BC3"),
        ("duplicate-household-id", "C11", "BC3"),
    ]
    said = {i.hamlet: i.message("vi") for i in found if i.code == "plan-start-mismatch"}
    assert "Nà Mòn có 0 hộ nghèo, 2 hộ cận nghèo" in said["Nà Mòn"]
    assert "Bản Cọ có 0 hộ nghèo, 0 hộ cận nghèo" in said["Bản Cọ"]


# --- 3. a merged hamlet's list apart, told by its heads' names ----------------------------------

JANUARY = {"period": "2025-01", "prepared": date(2025, 2, 3)}


def _no_code(code: str, status: str, **extra) -> dict:
    """A household as ``person`` writes it ('Hoàng Văn DK1', born 1970), its Mã hộ blank."""
    return dict(person(code, status, **extra), ma_ho=None)


def merged_plan(tmp_path):
    """The 2025 plan: Nà Mòn (100 households; NM1-NM3 poor, NM4, NM5 near-poor) and Bản Cọ with
    Đồng Kè folded in (350 households; start list BC1, BC2, DK1, DK3 poor, BC3, DK2, DK4
    near-poor: 4 and 3); Nà Mòn's January list as at the start, Bản Cọ's old list (200
    households: BC1, BC2 poor, BC3 near-poor)."""
    folder = tmp_path / "input"
    folder.mkdir()
    hamlets = [
        {"hamlet": "Nà Mòn", "start_households": 100, "start_poor": 3, "start_near_poor": 2,
         "poor_target": 1, "near_poor_target": 1},
        {"hamlet": "Bản Cọ", "start_households": 350, "start_poor": 4, "start_near_poor": 3,
         "poor_target": 1, "near_poor_target": 1},
    ]  # fmt: skip
    listed = [dict(r, hamlet="Bản Cọ") if r["hamlet"] == "Đồng Kè" else r for r in start_list()]
    listed += [dict(person("DK3", "poor"), hamlet="Bản Cọ"),
               dict(person("DK4", "near_poor"), hamlet="Bản Cọ")]  # fmt: skip
    for stt, row in enumerate(listed, start=1):
        row["stt"] = stt
    write_plan_workbook(folder / "KeHoach_2025.xlsx", {**PLAN_INFO, "plan_year": 2025}, hamlets,
                        listed)  # fmt: skip
    na_mon = [person(f"NM{i}", "poor") for i in (1, 2, 3)] + [
        person(f"NM{i}", "near_poor") for i in (4, 5)
    ]
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100, na_mon, **JANUARY)
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")],
                 **JANUARY)  # fmt: skip
    return folder


def ban_co_in_summary(summary: dict) -> dict:
    return next(h for h in summary["hamlets"] if h["hamlet"] == "Bản Cọ")


def moves_by_side(figures: dict) -> tuple:
    keys = ("start", "exited", "not_counted", "new", "end")
    return tuple(
        tuple(figures["movements"][side][k] for k in keys) for side in ("poor", "near_poor")
    )


def test_a_merged_hamlets_list_without_codes_is_told_by_its_heads_names(tmp_path):
    """Đồng Kè's list writes no Mã hộ: DK1, DK3 poor, DK2, DK4 near-poor (their heads' names
    and birth years as on Bản Cọ's start list) and one household not on it (Lò Văn Mới, 1980,
    poor). 4 of its 5 households are Bản Cọ's start households by name (4 ≥ 3, 4 > 5/2, all of
    those found): the list is the merged hamlet's, apart ('merged-names', detail 4/5).
    Bản Cọ: its list's 200 households, 2 poor, 1 near-poor; poor start 4 − 2 not counted (DK1,
    DK3) = 2, near-poor 3 − 2 (DK2, DK4) = 1, nothing exited; rejected, incomplete: 4 start
    households apart, 5 listed. The commune is Nà Mòn alone: 100, 3 poor, 2 near-poor; 1/2."""
    folder = merged_plan(tmp_path)
    write_roster(folder, "DongKe.xlsx", "Đồng Kè", 150,
                 [_no_code("DK1", "poor"), _no_code("DK2", "near_poor"), _no_code("DK3", "poor"),
                  _no_code("DK4", "near_poor"),
                  _no_code("X", "poor", chu_ho="Lò Văn Mới", nam_sinh=1980)],
                 **JANUARY)  # fmt: skip
    result, _, _ = execute(folder, tmp_path / "output", "2025-01")
    [refused] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert (refused.file, refused.variant, refused.instead) == ("DongKe.xlsx", "merged-names",
                                                                "Bản Cọ")  # fmt: skip
    vi = refused.message("vi")
    assert "Danh sách hầu như không ghi mã hộ, nhưng theo tên chủ hộ và năm sinh, các hộ" in vi
    assert "là của xóm Bản Cọ (4/5 hộ có trong danh sách đầu năm)" in vi
    assert "by the heads' names and birth years" in refused.message("en")
    summary = result.summary
    ban_co = ban_co_in_summary(summary)
    assert ban_co["status"] == "rejected"
    assert ban_co["incomplete"] == {
        "reason": "merged-list-apart",
        "file": "DongKe.xlsx",
        "hamlet_written": "Đồng Kè",
        "households_apart": 4,
        "households_listed_apart": 5,
    }
    assert (ban_co["households"], ban_co["poor"], ban_co["near_poor"]) == (200, 2, 1)
    assert moves_by_side(ban_co) == ((4, 0, 2, 0, 2), (3, 0, 2, 0, 1))
    assert ban_co["poor_rate_reduction"] is None and ban_co["poor_still_to_exit"] is None
    details = result.movement_details
    year = sorted(zip(details["scope"], details["ma_ho"], details["movement"],
                      details["current_status"], strict=True))  # fmt: skip
    assert [d for d in year if d[0] == "year"] == [
        ("year", "DK1", "not_counted", "apart"), ("year", "DK2", "not_counted", "apart"),
        ("year", "DK3", "not_counted", "apart"), ("year", "DK4", "not_counted", "apart"),
    ]  # fmt: skip
    assert not [i for i in result.issues if i.code == "vanished-household"]
    [told] = [i for i in result.issues if i.code == "merged-list-apart"]
    assert (told.file, told.hamlet) == ("BanCo.xlsx", "Bản Cọ")
    assert told.message("vi").startswith(
        "Số liệu của xóm Bản Cọ chưa đủ: 4 hộ có trong danh sách đầu năm và 1 hộ khác của danh"
        " sách xóm 'Đồng Kè' gửi riêng"
    )
    totals = summary["totals"]
    assert (totals["households"], totals["poor"], totals["near_poor"]) == (100, 3, 2)
    assert summary["complete"] is False
    assert (summary["reporting"]["accepted"], summary["reporting"]["expected"]) == (1, 2)
    stored = json.loads((tmp_path / "output/2025-01/TongHop_2025-01.json").read_text("utf-8"))
    assert [(h["hamlet"], h["status"]) for h in stored["hamlets"]] == [
        ("Nà Mòn", "ok"), ("Bản Cọ", "rejected"),
    ]  # fmt: skip
    assert stored["hamlets"][1]["incomplete"]["households_apart"] == 4
    # `giamngheo check` on the folder refuses it by the same rule
    checked = [i for i in check_files(sorted(folder.iterdir())) if i.code == "unknown-hamlet"]
    assert [(i.file, i.variant, i.instead) for i in checked] == [
        ("DongKe.xlsx", "merged-names", "Bản Cọ")
    ]
    # Đồng Kè's head is told his households go on Bản Cọ's list, by their names
    book = openpyxl.load_workbook(tmp_path / "output/2025-01/PhanHoi/Đồng Kè_2025-01.xlsx")
    texts = [str(c.value) for s in book for row in s.iter_rows() for c in row if c.value]
    assert any(
        "theo danh sách của xã (tên chủ hộ và năm sinh), các hộ trong danh sách này là"
        " của xóm Bản Cọ (4/5 hộ có trong danh sách đầu năm)" in t
        for t in texts
    )
    assert any(t.startswith("Danh sách gửi riêng này không được tổng hợp: xóm 'Đồng Kè'")
               for t in texts)  # fmt: skip
    # 'Biến động' of the consolidated workbook: DK1 on the list sent apart, not in an error row
    book = openpyxl.load_workbook(tmp_path / "output/2025-01/TongHop_2025-01.xlsx")
    [dk1] = [r for r in book["Biến động"].iter_rows(values_only=True) if r[2] == "DK1"]
    assert dk1[5] == "Chưa tính (danh sách gửi riêng)"


@pytest.mark.parametrize(
    "rows",
    [
        # another hamlet's list of 6 sharing two heads' names and years: 2/6, not more than half
        [_no_code("DK1", "poor"), _no_code("DK2", "near_poor")]
        + [_no_code("X", "poor", chu_ho=f"Lò Văn {n}", nam_sinh=1980) for n in "ABCD"],
        # of 3, two: more than half, but fewer than three and not all
        [
            _no_code("DK1", "poor"),
            _no_code("DK2", "near_poor"),
            _no_code("X", "poor", chu_ho="Lò Văn A", nam_sinh=1980),
        ],  # fmt: skip
        # a copy of Bản Cọ's own list without its codes: its households on Bản Cọ's own list
        [_no_code("BC1", "poor"), _no_code("BC2", "poor"), _no_code("BC3", "near_poor")],
    ],
    ids=["two-names-of-six", "two-names-of-three", "copy-of-the-hamlets-list"],
)
def test_a_list_sharing_a_few_names_is_not_the_merged_hamlets(tmp_path, rows):
    """The plain refusal: Bản Cọ counted from its own list (200 households; poor 4: BC1, BC2
    listed, DK1 and DK3 gone, exited; near-poor 3: BC3, DK2 and DK4 exited), the commune
    complete, nothing said apart."""
    folder = merged_plan(tmp_path)
    write_roster(folder, "DongKe.xlsx", "Đồng Kè", 150, rows, **JANUARY)
    result, _, _ = execute(folder, tmp_path / "output", "2025-01")
    [refused] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert refused.variant == ""
    ban_co = ban_co_in_summary(result.summary)
    assert (ban_co["status"], "incomplete" in ban_co) == ("ok", False)
    assert moves_by_side(ban_co) == ((4, 2, 0, 0, 2), (3, 2, 0, 0, 1))
    assert result.summary["complete"] is True
    assert not [i for i in result.issues if i.code == "merged-list-apart"]


def test_a_list_told_by_names_alone_is_not_a_silent_hamlets_refused_file(tmp_path):
    """Đồng Kè's list without codes (DK1-DK4, all Bản Cọ's start households by name) while Bản
    Cọ sent nothing: names tell only a merged hamlet's list apart, so the plain refusal (not
    the `codes` variant that would make it Bản Cọ's refused file); Bản Cọ 'missing'."""
    folder = merged_plan(tmp_path)
    (folder / "BanCo.xlsx").unlink()
    write_roster(folder, "DongKe.xlsx", "Đồng Kè", 150,
                 [_no_code("DK1", "poor"), _no_code("DK2", "near_poor"), _no_code("DK3", "poor"),
                  _no_code("DK4", "near_poor")], **JANUARY)  # fmt: skip
    result, _, _ = execute(folder, tmp_path / "output", "2025-01")
    [refused] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert (refused.variant, refused.hamlet) == ("", "Đồng Kè")
    assert ban_co_in_summary(result.summary)["status"] == "missing"
