"""Session 43 (helper F): an adversarial review of four changes of the session (the 'SNK' and
'Giới' headers, a code and name swapped, the template's hints, a cell in a hidden column).
Each defect found pinned by a small fixture worked out by hand.

The small commune (tests.commune): Bản Cọ's start list is BC1, BC2 poor and BC3 near-poor,
200 households."""

from __future__ import annotations

from pipeline.run import collect
from tests.commune import person, write_plan
from tests.test_session30_c_heads_lists import _hamlet
from tests.test_session43_d_heads_files import _ban_co

# --- 1. 'Giới' is the sex alone, not the first word of another header -------------------------


def test_a_column_headed_gioi_thieu_viec_lam_is_no_second_sex_column(tmp_path):
    """Bản Cọ's list keeps the template's 'Giới tính' (E4) and adds a need of its own, 'Giới
    thiệu việc làm' (Z4, job placement), marked 'x' for BC1. Before: 'Giới' (an alias since
    46edcdf) spelled the header's first word, so Z was a second 'Giới tính' column differing
    from E in 3 rows, and the only list was refused. Now Z is a column not in the template
    (one warning, Z4), the sexes are E's: BC2 'Nữ', so poor 2 (one female head), near-poor 1."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    path = _ban_co(
        folder,
        [person("BC1", "poor"), person("BC2", "poor", gioi_tinh="Nữ"),
         person("BC3", "near_poor")],
        {"Z4": "Giới thiệu việc làm", "Z5": "x"},
    )  # fmt: skip
    assert path.exists()
    result, _ = collect(folder, None, workers=0)
    ban_co = _hamlet(result, "Bản Cọ")
    assert ban_co["status"] == "ok"
    assert (ban_co["poor"], ban_co["near_poor"]) == (2, 1)
    assert ban_co["subgroups"]["female_head"] == {"poor": 1, "near_poor": 0}
    said = [(i.code, i.cell) for i in result.issues if i.hamlet == "Bản Cọ"]
    assert said == [("unknown-column", "Z4")]
