"""Session 63, review R5 of helper B's 'code-changed' variant 'reused-left-out' (a row left out
for an error of its own, under another hamlet's household's Mã hộ, naming another head).

The small commune (tests.commune): NM5 (Hoàng Văn NM5, 1970) near-poor on Nà Mòn's start list;
BC2 (Hoàng Văn BC2) poor on Bản Cọ's. The words: the row is not counted "vì có lỗi khác đã báo ở
cùng dòng" (B's "vì lỗi đã báo ở dòng" named no row). The guards, near shapes B did not run
(each passes on B's code): a household that really moved, its head's name in NFD and no ID
number; a mid-year rename, the twin under its own hamlet's code; a mid-year merger, the twin
under the code of the hamlet merged into its own; and the other way round, a twin elsewhere
under the merged-away hamlet's code, named on March's list as that list wrote the hamlet."""

from __future__ import annotations

import unicodedata

import openpyxl

from tests.commune import new_commune, person, write_merged_plan, write_renamed_plan
from tests.test_session38_oracle import bc_rows, dk_rows, run_lists
from tests.test_session61_b_other_household_rows import na_mon_with, other_head_nm5


def lines(out, period: str) -> list[tuple]:
    """'Lỗi dữ liệu''s rows of the hamlets' lists: (hamlet, cell, code, message)."""
    book = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx", read_only=True)
    rows = [(r[1], r[4], r[9], r[10])
            for r in book["Lỗi dữ liệu"].iter_rows(min_row=8, values_only=True)
            if r[9] and r[1]]  # fmt: skip
    book.close()
    return rows


def other_head(code: str, status: str) -> dict:
    """Another household's row under ``code`` (another head and birth year), 0 members."""
    return person(code, status, chu_ho="Lò Thị Khác", nam_sinh=1981, nhan_khau=0)


def three_in_march(folder, out) -> None:
    run_lists(folder, out, "2024-03",
              {"Nà Mòn": na_mon_with(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip


def test_the_head_is_told_the_row_waits_for_another_error_on_the_same_row(tmp_path):
    """April, the twin (Lò Thị Trùng NM5, 0 members) in Bản Cọ's list, row 8. The head's
    feedback copy, at B8: the row is not counted "vì có lỗi khác đã báo ở cùng dòng" (the size's
    error at H8). Before: "vì lỗi đã báo ở dòng;", a row not named."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-04",
              {"Bản Cọ": [*bc_rows(), other_head_nm5(nhan_khau=0)], "Đồng Kè": dk_rows()})  # fmt: skip
    book = openpyxl.load_workbook(out / "2024-04" / "PhanHoi" / "Bản Cọ_2024-04.xlsx")
    guide = list(book[book.sheetnames[0]].iter_rows(values_only=True))
    head = next(i for i, r in enumerate(guide) if r[:3] == ("STT", "Trang", "Ô"))
    listed = [dict(zip(guide[head], r, strict=True)) for r in guide[head + 1 :] if r[0]]
    said = {r["Ô"]: r["Cần sửa"] for r in listed}
    assert sorted(said) == ["B8", "H8"]
    assert said["B8"] == (
        "Mã hộ 'NM5' đã là mã của hộ 'Hoàng Văn NM5' trong danh sách đầu năm của xóm Nà Mòn; nay "
        "ghi cho hộ 'Lò Thị Trùng NM5', chủ hộ khác họ tên (và khác số định danh, nếu có ghi). "
        "Dòng này chưa được tính vì lỗi khác đã báo ở cùng dòng. Khi sửa lỗi đó: nếu là hai hộ "
        "khác nhau, xin xã cấp mã hộ riêng cho hộ này rồi ghi vào ô này (giữ mã 'NM5' thì dòng bị "
        "hiểu nhầm là hộ kia, và khi xóm đó cũng ghi mã này thì cả hai dòng đều không được tính); "
        "nếu ghi nhầm họ tên chủ hộ, sửa cho giống danh sách trước; nếu hộ đổi chủ hộ (vợ, chồng, "
        "con… làm chủ hộ), giữ nguyên mã và báo cán bộ xã (hộ sẽ được tính là hộ mới, không phải "
        "hộ chuyển đến)."
    )


def test_a_household_moved_its_heads_name_in_nfd_without_an_id_number_is_not_told(tmp_path):
    """NM5's own household in Bản Cọ's April list (0 members), its head's name typed in NFD
    (decomposed marks) and no ID number: the same head folded, the household moved into a row
    with an error: the size's error alone, no 'code-changed' line."""
    folder, out = new_commune(tmp_path)
    own = person("NM5", "near_poor", nhan_khau=0, so_dinh_danh=None,
                 chu_ho=unicodedata.normalize("NFD", "Hoàng Văn NM5"))  # fmt: skip
    run_lists(folder, out, "2024-04", {"Bản Cọ": [*bc_rows(), own], "Đồng Kè": dk_rows()})
    assert [(r[0], r[1], r[2]) for r in lines(out, "2024-04")] == [
        ("Bản Cọ", "H8", "invalid-household-size")
    ]


def test_a_twin_under_its_own_renamed_hamlets_code_is_not_told(tmp_path):
    """March, the three lists. April, the plan renames Nà Mòn 'Nà Mòn Mới'; its list writes
    NM1-NM4 and, row 9, another head under NM5 with 0 members: the code is its own hamlet's
    (March's Nà Mòn, the start list's Nà Mòn Mới), B's Left (1): the size's error alone."""
    folder, out = new_commune(tmp_path)
    three_in_march(folder, out)
    write_renamed_plan(folder, {"Nà Mòn": "Nà Mòn Mới"})
    run_lists(folder, out, "2024-04",
              {"Nà Mòn Mới": [*na_mon_with(False), other_head("NM5", "near_poor")],
               "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    assert [(r[0], r[1], r[2]) for r in lines(out, "2024-04")] == [
        ("Nà Mòn Mới", "H9", "invalid-household-size")
    ]


def test_a_twin_in_the_merged_hamlet_under_the_merged_in_hamlets_code_is_not_told(tmp_path):
    """March, the three lists. April, the plan merges Bản Cọ into Nà Mòn; Nà Mòn's list writes
    its five and Bản Cọ's three, BC2 (row 11) another head with 0 members: the code its own
    hamlet's now (B's Left (1)), no 'code-changed' line."""
    folder, out = new_commune(tmp_path)
    three_in_march(folder, out)
    write_merged_plan(folder)
    bc = bc_rows()
    merged = [*na_mon_with(), bc[0], other_head("BC2", "poor"), *bc[2:]]
    run_lists(folder, out, "2024-04", {"Nà Mòn": merged, "Đồng Kè": dk_rows()})
    assert [(r[0], r[1], r[2]) for r in lines(out, "2024-04")] == [
        ("Nà Mòn", "H11", "invalid-household-size"),
        ("Nà Mòn", "B5", "total-far-from-plan"),
    ]


def test_a_twin_elsewhere_under_a_merged_away_hamlets_code_names_its_list_as_written(tmp_path):
    """March, the three lists. April, the plan merges Bản Cọ into Nà Mòn; Nà Mòn sends nothing,
    Đồng Kè's list writes another head under BC2 with 0 members (row 7): told BC2 is Hoàng Văn
    BC2's on March's list of Bản Cọ, the hamlet as that list wrote it."""
    folder, out = new_commune(tmp_path)
    three_in_march(folder, out)
    write_merged_plan(folder)
    run_lists(folder, out, "2024-04", {"Đồng Kè": [*dk_rows(), other_head("BC2", "poor")]})
    said = lines(out, "2024-04")
    assert [(r[0], r[1], r[2]) for r in said] == [
        ("Đồng Kè", "B7", "code-changed"),
        ("Đồng Kè", "H7", "invalid-household-size"),
    ]
    assert said[0][3].startswith(
        "Mã hộ 'BC2' đã là mã của hộ 'Hoàng Văn BC2' trong danh sách tháng 3/2024 của xóm Bản "
        "Cọ; nay ghi cho hộ 'Lò Thị Khác', "
    )
