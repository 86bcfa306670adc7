"""Session 50 (helper 6): a hamlet head's lists, as heads not good with Excel write them.

* an income written in millions under a column in đồng ('1,2' typed on a Vietnamese Excel, a
  number 1.2) is quoted as written and guessed in millions (1.200.000 đồng?), not shown as
  '1' and guessed as 1.200 đồng.
"""

from __future__ import annotations

from pipeline.run import collect
from tests.commune import person
from tests.test_typed_by_hand import _commune, _edit, _na_mon

INCOME_HEADER = "Thu nhập BQ (đồng/người/tháng)"


def test_an_income_written_in_millions_is_quoted_as_written_and_guessed_in_millions(tmp_path):
    """Column J is headed in đồng. NM1 holds the number 1.2 (the head typed '1,2', meaning
    1,2 triệu), NM2 the text '1,35', NM3 the number 0.9, NM4 the number 850 (thousands, as
    before). By hand: 1.2 × 1,000,000 = 1,200,000; 1.35 × 1,000,000 = 1,350,000;
    0.9 × 1,000,000 = 900,000; 850 × 1,000 = 850,000. Each household is counted and not
    judged against the line; the cell is quoted as the head sees it ('1,2', not '1')."""
    path = _commune(
        tmp_path,
        [person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "poor"),
         person("NM4", "poor")],
    )  # fmt: skip

    def change(ws):
        ws.cell(4, 10, INCOME_HEADER)
        ws.cell(5, 10, 1.2)
        ws.cell(6, 10, "1,35")
        ws.cell(7, 10, 0.9)
        ws.cell(8, 10, 850)

    _edit(path, change)
    result, _ = collect(tmp_path, None)
    found = [i for i in result.issues if i.file == "NaMon.xlsx" and i.cell]
    assert [(i.code, i.cell, i.value, i.detail, i.variant) for i in found] == [
        ("income-in-thousands", "J5", "1,2", "1.200.000", "in-millions"),
        ("income-in-thousands", "J6", "1,35", "1.350.000", "in-millions"),
        ("income-in-thousands", "J7", "0,9", "900.000", "in-millions"),
        ("income-in-thousands", "J8", "850", "850.000", ""),
    ]
    assert found[0].message("vi") == (
        f"'{INCOME_HEADER}' ghi 1,2 đồng/người/tháng, quá thấp: có lẽ được ghi theo triệu "
        "đồng (1.200.000 đồng?). Hãy ghi thu nhập bằng đồng; hộ vẫn được tính, nhưng chưa so "
        "được với chuẩn nghèo."
    )
    assert "is 1.2 đồng per person a month" in found[0].message("en")
    assert "written in millions (1,200,000 đồng?)" in found[0].message("en")
    assert "có lẽ được ghi theo nghìn đồng (850.000 đồng?)" in found[3].message("vi")
    frame = _na_mon(result)
    assert frame["valid"].tolist() == [True, True, True, True]
    assert frame["thu_nhap"].tolist() == [1.2, 1.35, 0.9, 850]
