"""Session 54's review's leftovers (G2), each as a head or the officer would meet it.

1. 'CMND 212.345.678 đồng bào Tày' (compatriots) and 'CMND 212.345.678 ĐỒNG KÈ' (a place in
   capitals) were read as amounts in đồng and posted whole on NiemYet; now masked.

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
