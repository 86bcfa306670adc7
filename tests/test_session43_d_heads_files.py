"""Session 43 (helper D): fresh-eyes QA of the template and the feedback workbook as a hamlet
head fills and reads them. Each finding pinned by a small fixture worked out by hand.

The small commune (tests.commune): Bản Cọ's start list is BC1, BC2 poor and BC3 near-poor,
200 households."""

from __future__ import annotations

import openpyxl

from pipeline.run import collect
from tests.commune import person, write_plan, write_roster
from tests.test_session30_c_heads_lists import _hamlet


def _ban_co(folder, rows: list[dict], headers: dict[str, str] | None = None):
    """Bản Cọ's May list on the template (header in row 4, households from row 5), its header
    cells rewritten as ``headers`` says (cell -> text)."""
    path = write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, rows)
    if headers:
        wb = openpyxl.load_workbook(path)
        for cell, text in headers.items():
            wb["Danh sách"][cell] = text
        wb.save(path)
    return path


# --- 1. 'SNK' and 'Giới': a head's short headers of the household size and the head's sex ------


def test_a_size_headed_snk_and_a_sex_headed_gioi_are_read(tmp_path):
    """Bản Cọ heads its size column 'SNK' (H4) and its sex column 'Giới' (E4), as many lists
    do. Before: neither was known; the list was refused (missing-column 'Số nhân khẩu') and
    each was said an unknown column. Now both are read: BC1 poor (4 people), BC2 poor written
    'Nữ', BC3 near-poor sized 0, an error at H7 that leaves it out; so poor 2 (one female
    head), near-poor 0 of 200 households."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    _ban_co(
        folder,
        [person("BC1", "poor"), person("BC2", "poor", gioi_tinh="Nữ"),
         person("BC3", "near_poor", nhan_khau=0)],
        {"H4": "SNK", "E4": "Giới"},
    )  # fmt: skip
    result, _ = collect(folder, None, workers=0)
    ban_co = _hamlet(result, "Bản Cọ")
    assert ban_co["status"] == "ok"
    assert (ban_co["poor"], ban_co["near_poor"], ban_co["households"]) == (2, 0, 200)
    assert ban_co["subgroups"]["female_head"] == {"poor": 1, "near_poor": 0}
    said = [(i.code, i.cell) for i in result.issues if i.hamlet == "Bản Cọ"]
    assert ("invalid-household-size", "H7") in said
    assert [c for c, _ in said if c in ("missing-column", "unknown-column")] == []
