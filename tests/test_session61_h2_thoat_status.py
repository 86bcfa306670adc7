"""Session 61 (H2): a feedback copy whose only errors are its rows another hamlet's list writes
'Thoát' (the lists contradicting each other, session 60) is told to keep them if the household
is still poor, not "fix the red cells and send again".

Session 60 (F)'s case (tests.test_session60_f_thoat_contradicted): April the three hamlets
send; May Bản Cọ is silent, Nà Mòn writes BC2 'Thoát'; June Bản Cọ lists BC1-BC3 again (BC2
at B6) and Nà Mòn still writes BC2 'Thoát' (B10). Both rows are left out. B6's words: "Xóm kia
cần xóa dòng 'Thoát' của hộ. Nếu hộ vẫn là hộ nghèo hoặc cận nghèo, hãy giữ nguyên dòng này;
nếu hộ đã thoát nghèo, hãy ghi … 'Thoát' ở dòng này". Bản Cọ's copy said "1 dòng bị loại do
lỗi; hãy sửa các ô tô đỏ và gửi lại" (helper G's QA of session 61). Nà Mòn's copy, its row to
delete, keeps the plain status."""

from __future__ import annotations

from pipeline.run import execute
from tests.commune import new_commune, person
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session54_feedback_leftovers import guide_lines
from tests.test_session60_f_thoat_contradicted import BC, GONE

PLAIN = "Danh sách đã được tổng hợp, nhưng 1 dòng bị loại do lỗi; hãy sửa các ô tô đỏ và gửi lại."
COPIES = (
    "Các trang sau ('Thông tin', 'Danh sách') là bản sao tệp xóm đã gửi, giữ nguyên vị trí các "
    "ô: ô {cell} trong bảng dưới chính là ô {cell} của trang 'Danh sách'. Bấm vào ô ở cột 'Ô' để "
    "đến thẳng ô cần sửa; di chuột lên ô tô màu để đọc ghi chú."
)


def _june(tmp_path, ban_co=BC):
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-04",
              {"Nà Mòn": na_mon_rows(), "Bản Cọ": BC, "Đồng Kè": dk_rows()})  # fmt: skip
    run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon_rows(GONE), "Đồng Kè": dk_rows()})
    run_lists(folder, out, "2024-06",
              {"Nà Mòn": na_mon_rows(GONE), "Bản Cọ": ban_co, "Đồng Kè": dk_rows()})  # fmt: skip
    execute(folder, out, "2024-06")
    feedback = out / "2024-06" / "PhanHoi"
    return guide_lines(feedback / "Bản Cọ_2024-06.xlsx"), guide_lines(
        feedback / "Nà Mòn_2024-06.xlsx"
    )


def test_a_copy_whose_only_error_is_a_row_another_hamlet_writes_thoat_keeps_it(tmp_path):
    ban_co, na_mon = _june(tmp_path)
    assert ban_co["Tình trạng:"] == [
        "Danh sách đã được tổng hợp, nhưng 1 dòng tạm chưa được tính vì danh sách của xóm Nà "
        "Mòn ghi hộ 'Thoát' (ô tô đỏ). Nếu hộ vẫn là hộ nghèo hoặc cận nghèo, hãy giữ nguyên "
        "dòng của hộ, không cần gửi lại tệp này: khi xóm Nà Mòn xóa dòng 'Thoát' và gửi lại, "
        "dòng đó sẽ được tính. Nếu hộ đã thoát nghèo, hãy ghi Phân loại hộ 'Thoát' ở dòng của "
        "hộ rồi gửi lại."
    ]
    assert ban_co["Số lỗi:"] == [
        1,
        "ô tô đỏ – hộ vẫn nghèo hoặc cận nghèo: giữ nguyên, được tính khi xóm Nà Mòn xóa dòng "
        "'Thoát'; hộ đã thoát nghèo: ghi 'Thoát' ở dòng của hộ",
    ]
    assert ban_co["Cách sửa:"] == [
        COPIES.format(cell="B6") + " Nếu hộ ở dòng bị loại vẫn là hộ nghèo hoặc cận nghèo, hãy "
        "giữ nguyên, không cần gửi lại tệp này: khi xóm Nà Mòn xóa dòng 'Thoát' trong danh sách "
        "của mình và gửi lại, xã tổng hợp lại và dòng đó sẽ được tính. Nếu hộ đã thoát nghèo, "
        "hãy ghi Phân loại hộ 'Thoát' ở dòng của hộ (giữ nguyên Mã hộ) trong tệp gốc của xóm "
        "rồi gửi lại cho xã."
    ]
    # the 'Thoát' row's copy: its row to delete, the plain words
    assert na_mon["Tình trạng:"] == [PLAIN]
    assert na_mon["Số lỗi:"] == [1, "ô tô đỏ – phải sửa thì hộ (hoặc cả danh sách) mới được tính"]
    assert na_mon["Cách sửa:"] == [
        COPIES.format(cell="B10") + " Hãy sửa trong tệp gốc của xóm rồi gửi lại cho xã."
    ]


def test_a_copy_with_an_error_of_its_own_beside_keeps_the_plain_status(tmp_path):
    """The guard: Bản Cọ's list also writes BC1 twice (rows 5 and 8, an error of its own):
    cells to fix, the plain status of its 3 rows left out."""
    ban_co, _ = _june(tmp_path, [*BC, person("BC1", "poor")])
    assert ban_co["Tình trạng:"] == [PLAIN.replace("1 dòng", "3 dòng")]
