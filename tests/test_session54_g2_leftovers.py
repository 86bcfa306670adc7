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
