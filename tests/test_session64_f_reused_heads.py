"""Session 64 (helper F): what session 63's B and R5 left of the 'code-changed' warnings 'reused'
(a household counted new under another hamlet's household's Mã hộ) and 'reused-left-out' (such a
row left out for an error of its own).

The small commune (tests.commune): NM5 (Hoàng Văn NM5, 1970) near-poor on Nà Mòn's start list;
BC2 (Hoàng Văn BC2) poor on Bản Cọ's. 'Lò Thị Trùng NM5' (1981, her own ID number) under 'NM5'
in Bản Cọ's list, its fourth row (row 8: Mã hộ in B8, size in H8).
* The words fit a household whose head changed as well as another household: the rows hold no
  address nor members' names (contract §2.2), so nothing tells a wife now heading NM5 from another
  household given its code; each reading is told what to do (a head changed: keep the code, tell
  the commune officer; it is counted new, not moved in).
* A household whose hamlet is silent last month and now is named on its latest list of the year
  (March's), not the start list; a head that list names under the code (the head changed there)
  is the household moved: no warning, as the tables read it (moved in once counted).
* A twin under its own hamlet's code (B's Left (1)) is told nothing, counted or not: within a
  hamlet a code is one household whatever its head's name (session 48)."""

from __future__ import annotations

import openpyxl
from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import new_commune, person
from tests.test_session38_oracle import bc_rows, dk_rows, run_lists
from tests.test_session61_b_other_household_rows import na_mon_with, near_of, other_head_nm5
from tests.test_session63_r5_left_out_reused_review import lines as said

FIRST = (
    "Mã hộ '{code}' đã là mã của hộ 'Hoàng Văn {code}' trong {listed} của xóm Nà Mòn; nay ghi "
    "cho hộ '{head}', chủ hộ khác họ tên (và khác số định danh, nếu có ghi)"
)
COUNTED = FIRST.format(code="NM5", head="Lò Thị Trùng NM5", listed="{listed}") + (
    ", nên hộ này được tính là hộ mới của xóm Bản Cọ, không phải hộ chuyển đến. Nếu là hai hộ "
    "khác nhau: xin xã cấp mã hộ riêng cho hộ này rồi ghi vào ô này. Nếu ghi nhầm họ tên chủ "
    "hộ: sửa cho giống danh sách trước. Nếu hộ đổi chủ hộ (vợ, chồng, con… làm chủ hộ): giữ "
    "nguyên mã và báo cán bộ xã."
)


def left_out(listed: str, code: str = "NM5", head: str = "Lò Thị Trùng NM5") -> str:
    """The 'reused-left-out' words at a row of ``head`` under ``code``, Hoàng Văn ``code``'s on
    ``listed`` of Nà Mòn."""
    return FIRST.format(code=code, head=head, listed=listed) + (
        ". Dòng này chưa được tính vì lỗi khác đã báo ở cùng dòng. Khi sửa lỗi đó: nếu là hai hộ "
        "khác nhau, xin xã cấp mã hộ riêng cho hộ này rồi ghi vào ô này (giữ mã "
        f"'{code}' thì dòng bị hiểu nhầm là hộ kia, và khi xóm đó cũng ghi mã này thì cả hai dòng "
        "đều không được tính); nếu ghi nhầm họ tên chủ hộ, sửa cho giống danh sách trước; nếu hộ "
        "đổi chủ hộ (vợ, chồng, con… làm chủ hộ), giữ nguyên mã và báo cán bộ xã (hộ sẽ được tính "
        "là hộ mới, không phải hộ chuyển đến)."
    )


START = "danh sách đầu năm"
MARCH = "danh sách tháng 3/2024"


def feedback(out, period: str, hamlet: str) -> dict[str, str]:
    """The hamlet head's feedback copy's guide: cell -> what to fix."""
    book = openpyxl.load_workbook(out / period / "PhanHoi" / f"{hamlet}_{period}.xlsx")
    guide = list(book[book.sheetnames[0]].iter_rows(values_only=True))
    book.close()
    head = next(i for i, r in enumerate(guide) if r[:3] == ("STT", "Trang", "Ô"))
    listed = [dict(zip(guide[head], r, strict=True)) for r in guide[head + 1 :] if r[0]]
    return {r["Ô"]: r["Cần sửa"] for r in listed}


def check(folder, out, *lang: str) -> str:
    return CliRunner().invoke(main, ["check", str(folder), "--output", str(out), *lang]).output


def b8_everywhere(folder, out, period: str) -> tuple[str, str, str]:
    """The words at Bản Cọ's B8: the run's 'Lỗi dữ liệu', the head's copy, `check` (run after)."""
    (run,) = [r[3] for r in said(out, period) if r[:3] == ("Bản Cọ", "B8", "code-changed")]
    (checked,) = [line.split(" (code-changed): ", 1)[1] for line in check(folder, out).splitlines()
                  if "Danh sách, B8 (code-changed)" in line]  # fmt: skip
    return run, feedback(out, period, "Bản Cọ")["B8"], checked


def test_a_code_counted_new_elsewhere_tells_a_head_changed_to_keep_it(tmp_path):
    """April, the first run, Nà Mòn silent: Bản Cọ lists Lò Thị Trùng NM5 near-poor under NM5
    (4 members, counted). Two heads, so counted new in Bản Cọ (near-poor 1 + 1 new = 2), told
    'reused' at B8: if two households, ask for a code; if NM5's household moved, its head's
    name mistyped, correct the name; its head changed (the wife), keep the code and tell the
    commune officer (counted new, not moved in). The run, the head's copy and `check` say the
    same words. Before: "nên đây là hai hộ khác nhau", and a head changed was sent to ask for a
    new code or to write the old head's name."""
    folder, out = new_commune(tmp_path)
    april = run_lists(folder, out, "2024-04",
                      {"Bản Cọ": [*bc_rows(), other_head_nm5()], "Đồng Kè": dk_rows()})  # fmt: skip
    assert near_of(april["Bản Cọ"], "movements") == {"start": 1, "new": 1, "end": 2}
    assert b8_everywhere(folder, out, "2024-04") == (COUNTED.format(listed=START),) * 3
    english = check(folder, out, "--lang", "en")
    assert (
        ": Mã hộ 'NM5' is the code of household 'Hoàng Văn NM5' in the start-of-year list of "
        "hamlet Nà Mòn; it is now written for household 'Lò Thị Trùng NM5', another head's name "
        "(and ID number, where both give one), so this household is counted as new in hamlet Bản "
        "Cọ, not as moved in. If they are two households: ask the commune for this household's "
        "own Mã hộ and write it in this cell. If the head's name is mistyped: correct it to match "
        "the earlier list. If the household's head has changed (a spouse, a child…): keep the "
        "code and tell the commune officer.\n"
    ) in english


def test_a_row_left_out_under_another_hamlets_code_tells_a_head_changed_to_keep_it(tmp_path):
    """April as above, the row with 0 members (left out, H8): told 'reused-left-out' at B8, a
    head changed to keep 'NM5' when correcting the size and to tell the commune officer (the
    row will be counted new). Run, copy and `check` alike. Before: B's words ("nên đây là hai
    hộ khác nhau", a new code or the old head's name)."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-04",
              {"Bản Cọ": [*bc_rows(), other_head_nm5(nhan_khau=0)], "Đồng Kè": dk_rows()})  # fmt: skip
    assert [r[1:3] for r in said(out, "2024-04") if r[0] == "Bản Cọ"] == [
        ("B8", "code-changed"),
        ("H8", "invalid-household-size"),
    ]
    assert b8_everywhere(folder, out, "2024-04") == (left_out(START),) * 3


def test_a_household_of_a_hamlet_silent_two_months_is_named_on_its_latest_list(tmp_path):
    """March: the three lists (NM5 Hoàng Văn NM5 on Nà Mòn's). April: Bản Cọ and Đồng Kè alone.
    May: the same, Bản Cọ's with the twin (0 members, row 8). May's month baseline holds no row
    of Nà Mòn (silent last month and now): B's warning named the start list. Now March's list
    of Nà Mòn, NM5's latest, in the run, the head's copy and `check`. The figures are not
    touched: Bản Cọ near-poor 1 to 1 in both tables, one row left out."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-03",
              {"Nà Mòn": na_mon_with(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    run_lists(folder, out, "2024-04", {"Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})
    may = run_lists(folder, out, "2024-05",
                    {"Bản Cọ": [*bc_rows(), other_head_nm5(nhan_khau=0)], "Đồng Kè": dk_rows()})  # fmt: skip
    assert b8_everywhere(folder, out, "2024-05") == (left_out(MARCH),) * 3
    for scope in ("movements", "movements_month"):
        assert near_of(may["Bản Cọ"], scope) == {"start": 1, "end": 1}


def test_a_head_the_silent_hamlets_latest_list_names_under_the_code_is_not_told(tmp_path):
    """March: Nà Mòn's list writes NM5 under Lò Thị Trùng NM5 (the head changed: the start list
    says Hoàng Văn NM5). April and May Nà Mòn silent; May, Bản Cọ writes her under NM5 with 0
    members: NM5's household moved into a row with an error, its head March's: the size's error
    alone, no 'code-changed' (run and `check`). Counted instead (4 members), the tables read it
    moved in (near-poor 1 + 1 moved in = 2, both tables) and say nothing at B8 (a guard, as
    before). Before: told to ask for a new code, naming the start list's head."""
    folder, out = new_commune(tmp_path)
    march = {"Nà Mòn": [*na_mon_with(False), other_head_nm5()], "Bản Cọ": bc_rows(),
             "Đồng Kè": dk_rows()}  # fmt: skip
    run_lists(folder, out, "2024-03", march)
    run_lists(folder, out, "2024-04", {"Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})
    run_lists(folder, out, "2024-05",
              {"Bản Cọ": [*bc_rows(), other_head_nm5(nhan_khau=0)], "Đồng Kè": dk_rows()})  # fmt: skip
    assert [r[:3] for r in said(out, "2024-05")] == [("Bản Cọ", "H8", "invalid-household-size")]
    assert "(code-changed)" not in check(folder, out)
    may = run_lists(folder, out, "2024-05",
                    {"Bản Cọ": [*bc_rows(), other_head_nm5()], "Đồng Kè": dk_rows()})  # fmt: skip
    assert not said(out, "2024-05")
    for scope in ("movements", "movements_month"):
        assert near_of(may["Bản Cọ"], scope) == {"start": 1, "moved_in": 1, "end": 2}


def test_a_twin_under_its_own_hamlets_code_is_told_nothing_left_out_or_counted(tmp_path):
    """B's Left (1), decided: not told. March: the three lists. April: Bản Cọ writes BC2 (row 6)
    under Lò Thị Khác (1981) with 0 members, BC2's own head not listed: the size's error alone;
    BC2 held (poor 2, not counted 1, 1). May, the size corrected: BC2 counted again under her
    (poor 1 + 1 recounted = 2), nothing said: within a hamlet a code is its household whatever
    its head's name (session 48), so the row counted says nothing, nor does it left out."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-03",
              {"Nà Mòn": na_mon_with(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    bc = bc_rows()

    def her(**extra) -> dict:
        return person("BC2", "poor", chu_ho="Lò Thị Khác", nam_sinh=1981, **extra)

    april = run_lists(folder, out, "2024-04",
                      {"Nà Mòn": na_mon_with(), "Bản Cọ": [bc[0], her(nhan_khau=0), bc[2]],
                       "Đồng Kè": dk_rows()})  # fmt: skip
    assert [r[:3] for r in said(out, "2024-04")] == [("Bản Cọ", "H6", "invalid-household-size")]
    poor = {k: v for k, v in april["Bản Cọ"]["movements_month"]["poor"].items() if v}
    assert poor == {"start": 2, "not_counted": 1, "end": 1}
    may = run_lists(folder, out, "2024-05",
                    {"Nà Mòn": na_mon_with(), "Bản Cọ": [bc[0], her(), bc[2]],
                     "Đồng Kè": dk_rows()})  # fmt: skip
    assert not said(out, "2024-05")
    poor = {k: v for k, v in may["Bản Cọ"]["movements_month"]["poor"].items() if v}
    assert poor == {"start": 1, "recounted": 1, "end": 2}


def test_a_twin_under_a_code_new_this_year_in_a_silent_hamlet_is_told_at_once(tmp_path):
    """B's Left (2). February: Nà Mòn's list adds NM6 (Hoàng Văn NM6, poor, on no start list).
    March and April Nà Mòn silent. April: Bản Cọ writes Lò Thị Khác (1981) under NM6 with 0
    members (row 8): no list compared with has NM6 (March's has no Nà Mòn row, the start list
    no NM6), February's counted it in Nà Mòn. Told at B8 naming February's list, in the run, the
    head's copy and `check`, beside the size's error (H8); the figures untouched (Bản Cọ poor 2
    to 2 in both tables, one row left out). Before: the size's error alone; May, corrected, the
    row was told 'reused' (February's list) only then."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-02",
              {"Nà Mòn": [*na_mon_with(), person("NM6", "poor")], "Bản Cọ": bc_rows(),
               "Đồng Kè": dk_rows()})  # fmt: skip
    run_lists(folder, out, "2024-03", {"Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})
    twin = person("NM6", "poor", chu_ho="Lò Thị Khác", nam_sinh=1981, nhan_khau=0)
    april = run_lists(folder, out, "2024-04",
                      {"Bản Cọ": [*bc_rows(), twin], "Đồng Kè": dk_rows()})  # fmt: skip
    assert [r[1:3] for r in said(out, "2024-04") if r[0] == "Bản Cọ"] == [
        ("B8", "code-changed"),
        ("H8", "invalid-household-size"),
    ]
    words = left_out("danh sách tháng 2/2024", "NM6", "Lò Thị Khác")
    assert b8_everywhere(folder, out, "2024-04") == (words,) * 3
    for scope in ("movements", "movements_month"):
        poor = {k: v for k, v in april["Bản Cọ"][scope]["poor"].items() if v}
        assert poor == {"start": 2, "end": 2}


def test_a_code_new_this_year_written_by_its_own_head_elsewhere_is_not_told(tmp_path):
    """A guard (passes before): February as above; April, NM6's own head (Hoàng Văn NM6, his
    ID number) in Bản Cọ's list with 0 members: the household moved into a row with an error,
    its code its own: the size's error alone. Nor is a code no month has (BC9, a new household
    of Bản Cọ left out for its size) looked for."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-02",
              {"Nà Mòn": [*na_mon_with(), person("NM6", "poor")], "Bản Cọ": bc_rows(),
               "Đồng Kè": dk_rows()})  # fmt: skip
    run_lists(folder, out, "2024-03", {"Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})
    rows = [*bc_rows(), person("NM6", "poor", nhan_khau=0), person("BC9", "poor", nhan_khau=0)]
    run_lists(folder, out, "2024-04", {"Bản Cọ": rows, "Đồng Kè": dk_rows()})
    assert [r[:3] for r in said(out, "2024-04")] == [
        ("Bản Cọ", "H8", "invalid-household-size"),
        ("Bản Cọ", "H9", "invalid-household-size"),
    ]


def test_a_code_counted_new_of_a_household_of_a_hamlet_silent_two_months_names_march(tmp_path):
    """The counted reading of the silent two months' shape: March the three lists, April Bản
    Cọ and Đồng Kè, May Bản Cọ lists Lò Thị Trùng NM5 under NM5 with 4 members: counted new
    (near-poor 1 + 1 new = 2, both tables), told 'reused' naming March's list of Nà Mòn (NM5's
    latest), as its row left out is told: run, copy and `check`. Before: the start list."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-03",
              {"Nà Mòn": na_mon_with(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    run_lists(folder, out, "2024-04", {"Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})
    may = run_lists(folder, out, "2024-05",
                    {"Bản Cọ": [*bc_rows(), other_head_nm5()], "Đồng Kè": dk_rows()})  # fmt: skip
    assert b8_everywhere(folder, out, "2024-05") == (COUNTED.format(listed=MARCH),) * 3
    for scope in ("movements", "movements_month"):
        assert near_of(may["Bản Cọ"], scope) == {"start": 1, "new": 1, "end": 2}
