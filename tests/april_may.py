"""The small commune's April and May as session 51's tests of a Mã hộ on two hamlets' lists and
of lists sent apart (naming no hamlet or a neighbour) build them: April run with each hamlet's
own list, May's lists written (and run), and the readers of May's workbooks.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. Each head is 'Hoàng Văn <code>', born
1970, with an ID number of its code. Each list's households start at row 5."""

from __future__ import annotations

from datetime import date

import openpyxl
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, new_commune, person, plan_hamlets, start_list, write_roster
from tests.summaries import json_summary
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session48_code_reused import sheets

BAN_CO = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
# May's lists of Nà Mòn and Đồng Kè as a run of :func:`tests.test_session38_oracle.run_lists`
# names them
NM_MAY = "DS_0_2024-05.xlsx"
DK_MAY = "DS_2_2024-05.xlsx"
# the second file of May naming Đồng Kè (:func:`may_naming_dong_ke`)
SPLIT = "DanhSach_2024-05.xlsx"

# its refusal when it holds Nà Mòn's NM4, NM5 and Nà Mòn's own list is refused
# (:func:`may_refused`): 'codes-refused', by hand
SPLIT_REFUSED = (
    "Danh sách ghi xóm 'Đồng Kè' nhưng các mã hộ trong danh sách là của xóm Nà Mòn, không phải "
    "của xóm 'Đồng Kè' (xóm 'Đồng Kè' đã gửi danh sách của xóm: tệp 'DongKe.xlsx'), nên tệp "
    "chưa được tính. Xóm Nà Mòn cũng đã gửi danh sách của xóm (tệp 'NaMon.xlsx') nhưng danh "
    "sách đó bị từ chối vì có lỗi: khi sửa danh sách đó, trưởng xóm Nà Mòn cần ghi vào đó các "
    "hộ của tệp này mà danh sách đó chưa có (một danh sách cho cả xóm) rồi gửi lại; nếu tệp "
    "này là bản cũ hoặc bản chép của danh sách đó, hãy bỏ tệp này ra khỏi thư mục đầu vào. "
    "Không sửa tên xóm của tệp này thành 'Nà Mòn': mỗi xóm chỉ gửi một danh sách mỗi kỳ."
)


# the refusal of a list naming no hamlet of NM4, NM5 (Nà Mòn's codes, not on its list NM1-NM3)
# when every hamlet sent its list (:func:`may_unnamed`): held apart, 'holds-held-all-sent'
# (session 53), by hand
HELD_ALL_SENT = (
    "Không xác định được tên xóm của tệp: ô 'Xóm' để trống, tiêu đề danh sách và tên tệp không "
    "ghi tên xóm nào có trong kế hoạch, nên danh sách chưa được tính. Các mã hộ trong danh sách "
    "là của xóm Nà Mòn: danh sách có 2 hộ (NM4, NM5) của xóm Nà Mòn (có trong danh sách đầu năm "
    "hoặc danh sách tháng 04/2024 của xóm) mà danh sách xóm Nà Mòn gửi kỳ này không có. Chừng "
    "nào chưa được ghi vào danh sách của xóm Nà Mòn, các hộ này chưa được tính (không phải đã "
    "thoát) và xóm Nà Mòn chưa được tính vào số liệu toàn xã. Trưởng xóm Nà Mòn cần ghi các hộ "
    "này vào danh sách của xóm (chèn dưới dòng hộ cuối cùng, đủ các cột như các hộ khác; một "
    "danh sách cho cả xóm) rồi gửi lại; khi các hộ đã được ghi, hãy bỏ tệp này ra khỏi thư mục "
    "đầu vào. Không ghi tên xóm nào vào ô 'Xóm' của tệp này: các xóm trong kế hoạch đều đã gửi "
    "danh sách kỳ này, và mỗi xóm chỉ gửi một danh sách mỗi kỳ."
)


def april(tmp_path, start: list[dict] | None = None):
    """The commune with April run, the three hamlets their own lists; ``start``: the plan's
    start list in place of the small commune's (tests.commune.start_list)."""
    folder, out = new_commune(tmp_path)
    if start is not None:
        write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, plan_hamlets(), start)
    run_lists(
        folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Bản Cọ": BAN_CO, "Đồng Kè": dk_rows()}
    )
    return folder, out


def one_id_for_nm3_and_bc1() -> list[dict]:
    """The small commune's start list writing NM3's ID number for BC1 too (two households
    under one number)."""
    rows = start_list()
    nm3 = next(row for row in rows if row["ma_ho"] == "NM3")
    for row in rows:
        if row["ma_ho"] == "BC1":
            row["so_dinh_danh"] = nm3["so_dinh_danh"]
    return rows


def may_lists(tmp_path, na_mon: list[dict] | None, na_mon_size=100, dk_size: int = 150):
    """April run (:func:`april`), its lists then taken out of the input folder; May's own lists
    written (not run), prepared 3 June: Nà Mòn's ``na_mon`` in 'NaMon.xlsx' ('Tổng số hộ dân
    cư' ``na_mon_size``; None: Nà Mòn sends nothing), Bản Cọ's BC1-BC3 in 'BanCo.xlsx' (200)
    and Đồng Kè's DK1, DK2 in 'DongKe.xlsx' (``dk_size``). Returns (folder, out)."""
    folder, out = april(tmp_path)
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    lists = {"BanCo.xlsx": ("Bản Cọ", 200, BAN_CO), "DongKe.xlsx": ("Đồng Kè", dk_size, dk_rows())}
    if na_mon is not None:
        lists = {"NaMon.xlsx": ("Nà Mòn", na_mon_size, na_mon), **lists}
    for file, (hamlet, size, rows) in lists.items():
        write_roster(folder, file, hamlet, size, rows, "2024-05", date(2024, 6, 3))
    return folder, out


def may_texts(out, words: str) -> list[str]:
    """The texts of May's 'Tổng hợp' then 'Theo xóm' holding ``words``, in sheet order."""
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx", read_only=True)
    texts = [v for sheet in ("Tổng hợp", "Theo xóm") for row in book[sheet].iter_rows(values_only=True)
             for v in row if isinstance(v, str) and words in v]  # fmt: skip
    book.close()
    return texts


def nx9_on_both(folder, out, na_mon_note: str | None = None, dk_note: str | None = None):
    """May run (after :func:`april`): NX9 (poor) on Nà Mòn's list after NM1-NM5, its 'Ghi
    chú' ``na_mon_note``, and on Đồng Kè's after DK1, DK2, its 'Ghi chú' ``dk_note``; Bản Cọ
    its own. Returns (May's JSON summary's hamlets by name, the issues of 'Lỗi dữ liệu' at
    NX9's Mã hộ: (hamlet, file, cell, code, message))."""
    nx9 = person("NX9", "poor")
    ours, theirs = {**nx9, "ghi_chu": na_mon_note}, {**nx9, "ghi_chu": dk_note}
    may = run_lists(folder, out, "2024-05",
                 {"Nà Mòn": na_mon_rows(ours), "Bản Cọ": BAN_CO, "Đồng Kè": [*dk_rows(), theirs]})  # fmt: skip
    return may, sheets(out, "2024-05", "NX9")[1]


def nx3_headed_by(head: str) -> dict:
    """NM3's household (poor) written under the code NX3, headed by ``head`` (his wife heading
    it now, session 51) who writes NM3's head's ID number: the household told by that number."""
    return {**person("NM3", "poor", chu_ho=head), "ma_ho": "NX3",
            "so_dinh_danh": person("NM3", "poor")["so_dinh_danh"]}  # fmt: skip


def nm3_on_both(folder, out, row: dict) -> dict:
    """May run (after :func:`april`): NM3 on no list; Nà Mòn (in NM3's place) and Đồng Kè
    (after DK1, DK2) both write ``row``; Bản Cọ its own. Returns May's JSON summary's hamlets
    by name."""
    nm = [*na_mon_rows()[:2], row, *na_mon_rows()[3:]]
    return run_lists(
        folder, out, "2024-05", {"Nà Mòn": nm, "Bản Cọ": BAN_CO, "Đồng Kè": [*dk_rows(), row]}
    )


def asked_where(code: str, other: str, row: int, file: str, mine: int, me: str, them: str) -> str:
    """'new-both' by hand: ``other`` the other hamlet, its ``file`` and ``row``; ``mine`` this
    row; ``me``, ``them`` the heads written."""
    return (
        f"Mã hộ '{code}' bị trùng với xóm {other}, tệp {file}, dòng {row}: dòng này (tệp "
        f"{NM_MAY if other == 'Đồng Kè' else DK_MAY}, dòng {mine}) ghi chủ hộ '{me}', "
        f"dòng kia ghi '{them}'. Mã hộ này không có trong danh sách trước của cả hai xóm, nên "
        "chưa biết hộ đang sống ở xóm nào. Hãy so họ tên, năm sinh, số định danh của chủ hộ ở "
        "hai dòng và hỏi trưởng hai xóm: nếu là cùng một hộ, chỉ giữ dòng ở xóm nơi hộ đang "
        "sống, xóa dòng kia (không ghi 'Thoát'); nếu là hai hộ khác nhau, hãy sửa mã của hộ ghi "
        "sai theo sổ quản lý hộ nghèo của xã (các dòng này tạm chưa được tính)."
    )


def write_unnamed(folder, rows: list[dict], prepared: date = date(2024, 6, 3)):
    """A list of May of ``rows`` in 'DanhSach_2024-05.xlsx' (:data:`SPLIT`: its file name naming
    no hamlet), its 'Xóm' cell and title blank, prepared on ``prepared``. Returns its path."""
    path = write_roster(folder, SPLIT, "Bản Cọ", 200, rows, "2024-05", prepared)
    book = openpyxl.load_workbook(path)
    book["Thông tin"]["B3"] = None
    book["Danh sách"]["A1"] = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO - Tháng 5 năm 2024"
    book.save(path)
    return path


def may_unnamed(tmp_path, unnamed: list[dict]):
    """April run; May: Nà Mòn lists NM1-NM3 poor only, the list naming no hamlet ``unnamed``
    (:func:`write_unnamed`), Bản Cọ and Đồng Kè their own. Returns (folder, out, May's JSON
    summary)."""
    folder, out = may_lists(tmp_path, na_mon_rows()[:3])
    write_unnamed(folder, unnamed)
    execute(folder, out, "2024-05")
    return folder, out, json_summary(out, "2024-05")


def may_naming_dong_ke(
    tmp_path,
    apart: list[dict],
    na_mon: list[dict] | None,
    run: bool = True,
    na_mon_size=100,
    dk_size: int = 150,
):
    """April run; May's own lists (:func:`may_lists`: Nà Mòn ``na_mon``, None: nothing sent,
    'Tổng số hộ dân cư' ``na_mon_size``; Đồng Kè's ``dk_size``), and ``apart`` in
    'DanhSach_2024-05.xlsx' (:data:`SPLIT`), its 'Xóm' and title 'Đồng Kè', made a day later;
    May run if ``run``. Returns (folder, out)."""
    folder, out = may_lists(tmp_path, na_mon, na_mon_size, dk_size)
    write_roster(folder, SPLIT, "Đồng Kè", 150, apart, "2024-05", date(2024, 6, 4))
    if run:
        execute(folder, out, "2024-05")
    return folder, out


def may_refused(tmp_path, run: bool = True):
    """April run; May: Nà Mòn's NM1-NM3 in 'NaMon.xlsx' with 'Tổng số hộ dân cư' 'abc'
    (refused), Bản Cọ and Đồng Kè their own, NM4, NM5 in 'DanhSach_2024-05.xlsx' naming Đồng
    Kè, a day later; May run if ``run``. Returns (folder, out)."""
    apart = [person("NM4", "near_poor"), person("NM5", "near_poor")]
    return may_naming_dong_ke(tmp_path, apart, na_mon_rows()[:3], run, na_mon_size="abc")


def may_moved_in(tmp_path, dk_size: int = 150):
    """April run; May: Nà Mòn NM1-NM3 ('NaMon.xlsx'), Bản Cọ and Đồng Kè their own ('Tổng số
    hộ dân cư' of Đồng Kè ``dk_size``), and, a day later, a second file naming Đồng Kè of NM4,
    NM5 each noted 'Chuyển đến từ xóm Nà Mòn'; May run. Returns (folder, out)."""
    note = "Chuyển đến từ xóm Nà Mòn"
    moved = [person("NM4", "near_poor", ghi_chu=note), person("NM5", "near_poor", ghi_chu=note)]
    return may_naming_dong_ke(tmp_path, moved, na_mon_rows()[:3], dk_size=dk_size)


def said_by_check_and_run(folder, out, code: str, words: str) -> dict[str, list[str]]:
    """`giamngheo check` of May's ``folder`` (the history in ``out``) says ``words`` under
    ``code`` at the 'Xóm' cell (Thông tin, B3) of the second file :data:`SPLIT`; May then run,
    its 'Lỗi dữ liệu' says ``words`` alone under ``code``: both asserted. Returns May's 'Lỗi
    dữ liệu' (:func:`may_errors`)."""
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    assert f"{SPLIT}, Thông tin, B3 ({code}): {words}\n" in checked
    execute(folder, out, "2024-05")
    errors = may_errors(out)
    assert errors[code] == [words]
    return errors


def may_errors(out) -> dict[str, list[str]]:
    """May's 'Lỗi dữ liệu': code -> its messages."""
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx", read_only=True)
    found: dict[str, list[str]] = {}
    for r in book["Lỗi dữ liệu"].iter_rows(values_only=True):
        if len(r) > 10 and isinstance(r[0], int):
            found.setdefault(r[9], []).append(r[10])
    book.close()
    return found


def may_report(out) -> tuple[dict[str, str], dict[str, str]]:
    """May's 'Nộp báo cáo': hamlet -> its 'Tình trạng' words, and of 'CÁC TỆP KHÁC' file -> its
    'Tình trạng' words."""
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx", read_only=True)
    rows = list(book["Nộp báo cáo"].iter_rows(values_only=True))
    book.close()
    start = next(i for i, r in enumerate(rows) if r[0] == "CÁC TỆP KHÁC")
    return ({r[1]: r[2] for r in rows[:start] if isinstance(r[0], int)},
            {r[3]: r[2] for r in rows[start:] if isinstance(r[0], int)})  # fmt: skip


def may_feedback(out) -> dict[str, str]:
    """May's feedback workbooks: the file each is of -> its 'Tình trạng' words."""
    said = {}
    for path in sorted((out / "2024-05" / "PhanHoi").glob("*.xlsx")):
        book = openpyxl.load_workbook(path, read_only=True)
        rows = {r[0]: next(v for v in r[1:] if v is not None)
                for r in book["Hướng dẫn sửa"].iter_rows(values_only=True)
                if r and r[0] in ("Tệp đã nhận:", "Tình trạng:")}  # fmt: skip
        book.close()
        said[rows["Tệp đã nhận:"]] = rows["Tình trạng:"]
    return said
