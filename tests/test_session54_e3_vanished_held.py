"""Session 54 (E3): a household on a list naming no hamlet of two hamlets' households
('holds-several') was warned on its own hamlet's list "đã tính là thoát … nếu đúng, hãy ghi
lại dòng của hộ … với Phân loại hộ 'Thoát'", beside that list's 'Cách sửa' saying it has not
exited and is not to be written 'Thoát'. Now its warning says what the sentence says.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. May: NaMon.xlsx NM1-NM4, DongKe.xlsx
DK1, BanCo.xlsx BC1-BC3; DanhSach_2024-05.xlsx names no hamlet and holds NM5 and DK2 (heads
'Hoàng Văn <code>')."""

from __future__ import annotations

import json

import openpyxl

from pipeline.run import execute
from tests.test_session52_advice_table import feedback_heads
from tests.test_session54_feedback_leftovers import several_hamlets_case

_FILE = "DanhSach_2024-05.xlsx"


def _warned(out) -> list[tuple[str, str]]:
    """May's 'Lỗi dữ liệu' (file, message) of its 'vanished-household' warnings, by file."""
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx", read_only=True)
    said = [(r[2], r[10]) for r in book["Lỗi dữ liệu"].iter_rows(values_only=True)
            if len(r) > 10 and isinstance(r[0], int) and r[9] == "vanished-household"]  # fmt: skip
    book.close()
    return sorted(said)


def held_warning_vi(code: str) -> str:
    """The warning of ``code`` (its head 'Hoàng Văn <code>', on the start list) by hand."""
    return (
        f"Hộ {code} (Hoàng Văn {code}) có trong danh sách đầu năm nhưng không có trong danh sách "
        f"kỳ này; hộ có trong tệp '{_FILE}' (gửi riêng, không ghi tên xóm, không được tính). Hộ "
        "không phải đã thoát: đừng ghi 'Thoát' cho hộ. Đề nghị xóm ghi hộ vào danh sách này "
        "(chèn dưới dòng hộ cuối cùng, đủ các cột như các hộ khác; hỏi xã nếu cần bản sao tệp "
        f"đó) rồi gửi lại; không gửi lại tệp '{_FILE}'. Chừng nào hộ chưa được ghi vào danh sách "
        "này, kỳ này hộ tạm được tính là đã thoát khỏi xóm."
    )


def held_warning_en(code: str) -> str:
    """:func:`held_warning_vi` in the officer's English."""
    return (
        f"Household {code} (Hoàng Văn {code}) was on the start-of-year list but is missing from "
        f"this period's roster; it is on the file '{_FILE}' (sent apart, naming no hamlet, not "
        "counted). It has not exited: do not write 'Thoát' for it. Ask the hamlet to write it "
        "on this list (below the last household, every column as the others; the commune has a "
        f"copy of that file if needed) and send it again; do not send '{_FILE}' again. Until it "
        "is written on this list, it counts for now as having exited the hamlet."
    )


def test_a_household_on_a_list_of_two_hamlets_is_warned_it_did_not_exit(tmp_path):
    """Was: NM5's and DK2's warnings "…; đã tính là thoát. Đề nghị xóm xác nhận: nếu đúng,
    hãy ghi lại dòng của hộ … với Phân loại hộ 'Thoát'". Now each names the file holding it,
    not exited, not to be written 'Thoát', to write on its list; counted exited till then, as
    the figures count it: Nà Mòn's near-poor 2 at the start (NM4, NM5), 1 exited (NM5), 1 now,
    in the year's and the month's tables alike (April held NM1-NM5); Đồng Kè's 1, 1, 0 (DK2).
    On the hamlet's feedback, its row's 'Cần sửa' under the 'Cách sửa' naming NM5."""
    may = several_hamlets_case(tmp_path)
    result = execute(may.folder, may.out, "2024-05")[0]
    assert _warned(may.out) == [
        ("DongKe.xlsx", held_warning_vi("DK2")),
        ("NaMon.xlsx", held_warning_vi("NM5")),
    ]
    said = feedback_heads(may.out, "NaMon.xlsx")
    assert said[1:] == [held_warning_vi("NM5")]
    assert said[0].endswith(
        "có hộ của xóm mà danh sách này chưa có: NM5 (Hoàng Văn NM5). Các hộ đó không phải đã "
        "thoát, đừng ghi 'Thoát' cho các hộ đó. Hãy ghi các hộ đó vào danh sách này (chèn dưới "
        "dòng hộ cuối cùng, đủ các cột như các hộ khác; hỏi xã nếu cần bản sao tệp đó) rồi gửi "
        f"lại; không gửi lại tệp '{_FILE}'."
    )
    assert feedback_heads(may.out, "DongKe.xlsx")[1:] == [held_warning_vi("DK2")]
    data = json.loads((may.out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    hamlets = {h["hamlet"]: h for h in data["hamlets"]}
    for hamlet, (start, end) in (("Nà Mòn", (2, 1)), ("Đồng Kè", (1, 0))):
        for table in ("movements", "movements_month"):
            near = hamlets[hamlet][table]["near_poor"]
            assert (near["start"], near["exited"], near["end"]) == (start, 1, end), hamlet
    gone = result.movement_details
    assert sorted(gone.loc[gone["ma_ho"].isin(["NM5", "DK2"]), "movement"].unique()) == ["vanished"]


def test_the_english_warning_says_it_too(tmp_path):
    """The officer's English: "…; counted as exited. Ask the hamlet to confirm: if so, write
    the household's row again … with Phân loại hộ 'Thoát'" was; now as the Vietnamese."""
    may = several_hamlets_case(tmp_path)
    execute(may.folder, may.out, "2024-05", lang="en")
    said = [
        (file, held_warning_en(code))
        for file, code in (("DongKe.xlsx", "DK2"), ("NaMon.xlsx", "NM5"))
    ]
    assert _warned(may.out) == said
