"""Session 54's review's leftovers (G2), each as a head or the officer would meet it.

1. 'CMND 212.345.678 đồng bào Tày' (compatriots) and 'CMND 212.345.678 ĐỒNG KÈ' (a place in
   capitals) were read as amounts in đồng and posted whole on NiemYet; now masked.
2. A hamlet named by its unit and number ('Khu 4', 'Bản 3') was said 'xóm Khu 4'.
3. A hamlet's head told that a list naming no hamlet holds its households ('holds-several')
   was not told which: now each Mã hộ and head's name.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. A list's first household is at row 5."""

from __future__ import annotations

from tests.commune import person, write_plan
from tests.test_session54_r1_review import run_month


def test_an_id_before_dong_bao_or_a_place_in_capitals_is_masked(tmp_path):
    """Was: 'CMND 212.345.678 đồng bào Tày' and 'CMND 212.345.678 ĐỒNG KÈ' kept whole (an
    amount of 212,345,678 đồng). Now 'đồng bào' is no money and 'ĐỒNG' before a capital word
    is a place's: the CMND is '********' and its last four digits '5678'. Amounts stay:
    '200.000.000 đồng', '1.500.000 ĐỒNG', '212.345.678 ĐỒNG', '212.345.678 đồng/tháng',
    '212.345.678 đồng Ngân hàng'. Posted on NiemYet through a run: NM1's head 'Lò Văn A CMND
    212.345.678 đồng bào Tày' as 'Lò Văn A CMND ********5678 đồng bào Tày', NM2's 'Lò Văn B
    CMND 212.345.679 ĐỒNG KÈ' as 'Lò Văn B CMND ********5679 ĐỒNG KÈ'."""
    from pipeline.text import mask_ids_in

    assert mask_ids_in("CMND 212.345.678 đồng bào Tày") == "CMND ********5678 đồng bào Tày"
    assert mask_ids_in("CMND 212345678 Đồng bào") == "CMND ********5678 Đồng bào"
    assert mask_ids_in("CMND 212.345.678 ĐỒNG KÈ") == "CMND ********5678 ĐỒNG KÈ"
    for amount in (
        "Vay 200.000.000 đồng",
        "1.500.000 ĐỒNG",
        "212.345.678 ĐỒNG",
        "212.345.678 ĐỒNG/THÁNG",
        "212.345.678 đồng/tháng",
        "Vay 212.345.678 đồng Ngân hàng",
    ):
        assert mask_ids_in(amount) == amount
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder, with_start_list=False)
    lists = {
        "Nà Mòn": [
            person("NM1", "poor", chu_ho="Lò Văn A CMND 212.345.678 đồng bào Tày"),
            person("NM2", "poor", chu_ho="Lò Văn B CMND 212.345.679 ĐỒNG KÈ"),
        ]
    }
    _, _, posted = run_month(folder, tmp_path / "ra", "2024-04", lists)
    assert posted == [
        ("NM1", "Lò Văn A CMND ********5678 đồng bào Tày"),
        ("NM2", "Lò Văn B CMND ********5679 ĐỒNG KÈ"),
    ]


def test_a_hamlet_named_by_its_unit_and_number_is_not_given_xom(tmp_path):
    """Was: a plan's hamlet 'Khu 4' (or 'Bản 3') was said 'xóm Khu 4' ('khu' was no unit word
    of messages.names_own_unit; 'bản' is one only before a number: 'Bản Cọ' stays 'xóm Bản
    Cọ'). Run: the plan's Nà Mòn named 'Khu 4', Bản Cọ 'Bản 3'; Khu 4's May list holds NM1-NM5
    (rows 5-9), Bản 3's BC1-BC3 (rows 5-7) then NM1 (row 8), a start household of Khu 4: the
    head of Bản 3 is told at B8 of the two hamlets as the plan writes them, without 'xóm'."""
    from pipeline.messages import with_unit
    from tests.commune import write_renamed_plan, write_roster
    from tests.test_session28_c import feedback_status

    assert [with_unit(n) for n in ("Khu 4", "KHU 4", "Bản 3", "Làng số 2", "Đội 5")] == [
        "Khu 4", "KHU 4", "Bản 3", "Làng số 2", "Đội 5"
    ]  # fmt: skip
    assert [with_unit(n) for n in ("Bản Cọ", "Bản Cọ 2", "Khuổi Đắc", "Khu 4, Nà Mòn")] == [
        "xóm Bản Cọ", "xóm Bản Cọ 2", "xóm Khuổi Đắc", "xóm Khu 4, Nà Mòn"
    ]  # fmt: skip
    folder = tmp_path / "input"
    folder.mkdir()
    write_renamed_plan(folder, {"Nà Mòn": "Khu 4", "Bản Cọ": "Bản 3"})
    write_roster(folder, "DS_Khu4_2024-05.xlsx", "Khu 4", 102,
                 [person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "exited"),
                  person("NM4", "near_poor"), person("NM5", "poor")])  # fmt: skip
    write_roster(folder, "DS_Ban3_2024-05.xlsx", "Bản 3", 200,
                 [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor"),
                  person("NM1", "poor")])  # fmt: skip
    _, rows = feedback_status(folder, "DS_Ban3_2024-05.xlsx")
    assert [(r["Ô"], r["Cần sửa"]) for r in rows] == [
        (
            "B8",
            "Mã hộ 'NM1' bị trùng với Khu 4, tệp DS_Khu4_2024-05.xlsx, dòng 5, cùng chủ hộ. Hộ "
            "có trong danh sách đầu năm của Khu 4, nay Bản 3 ghi hộ vào danh sách của mình: hộ "
            "đã chuyển đến Bản 3. Hãy giữ nguyên dòng này; xóm cũ của hộ cần xóa dòng của hộ "
            "khỏi danh sách của xóm đó (không ghi 'Thoát'). Nếu hộ chưa chuyển đến, hãy xóa dòng "
            "này (các dòng này tạm chưa được tính).",
        )
    ]


def test_the_heads_of_a_list_of_two_hamlets_are_told_which_households_to_write(tmp_path):
    """May: NaMon.xlsx NM1-NM4 and DongKe.xlsx DK1 counted; DanhSach_2024-05.xlsx names no
    hamlet and holds NM5 and DK2 ('holds-several'; heads 'Hoàng Văn <code>'). Was: each
    hamlet's list's 'Cách sửa' said the file "có hộ của xóm mà danh sách này chưa có" naming
    none. Now Nà Mòn's names NM5 (Hoàng Văn NM5), Đồng Kè's own list's DK2 (Hoàng Văn DK2),
    as a 'vanished-household' warning names one."""
    import openpyxl

    from pipeline.run import execute
    from tests.test_session38_oracle import dk_rows, na_mon_rows
    from tests.test_session52_advice_table import unnamed_case

    may = unnamed_case(tmp_path, na_mon_rows()[:4], [na_mon_rows()[4], person("DK2", "near_poor")],
                       dk=dk_rows()[:1])  # fmt: skip
    execute(may.folder, may.out, "2024-05")
    feedback = may.out / "2024-05" / "PhanHoi"
    for name, households in (
        ("Nà Mòn_2024-05.xlsx", "NM5 (Hoàng Văn NM5)"),
        ("Đồng Kè_2024-05_1.xlsx", "DK2 (Hoàng Văn DK2)"),
    ):
        book = openpyxl.load_workbook(feedback / name, read_only=True)
        how = [v for r in book["Hướng dẫn sửa"].iter_rows(values_only=True) if r[0] == "Cách sửa:"
               for v in r[1:] if v is not None]  # fmt: skip
        book.close()
        assert len(how) == 1, name
        assert how[0].endswith(
            "Tệp 'DanhSach_2024-05.xlsx' (gửi riêng, không ghi tên xóm, không được tính) có hộ "
            f"của xóm mà danh sách này chưa có: {households}. Các hộ đó không phải đã thoát, "
            "đừng ghi 'Thoát' cho các hộ đó. Hãy ghi các hộ đó vào danh sách này (chèn dưới dòng "
            "hộ cuối cùng, đủ các cột như các hộ khác; hỏi xã nếu cần bản sao tệp đó) rồi gửi "
            "lại; không gửi lại tệp 'DanhSach_2024-05.xlsx'."
        ), name
