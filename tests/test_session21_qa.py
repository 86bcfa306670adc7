"""Session 21: what a fresh-eyes QA pass found, as a hamlet head and as the officer would.

1. A column the template does not have, headed in a cell merged down the list's two header rows
   (as heads head every column but the twelve indicators), was pointed at in the blank lower
   half of the merge: the feedback copy had to unmerge the head's header to colour that blank,
   and the guide showed the cell with no value, under the text it spoke of.
2. A household that moved, written so in 'Phân loại hộ' ('Chuyển đi', 'Hộ nghèo chuyển đến'),
   was told only "Chỉ ghi một trong: Hộ nghèo, Hộ cận nghèo, Thoát": the old hamlet's head who
   then wrote 'Thoát' made the household's code used twice, both rows out of both hamlets; a
   household left off a list was asked back as 'Thoát' with no word of one that only moved.
3. Causes written as the national review's forms word them ('Không có đất sản xuất', 'Thiếu
   vốn sản xuất, kinh doanh', 'Có người ốm đau, bệnh nặng, tai nạn', 'Nguyên nhân khác') or as
   heads shorten them ('Thiếu đất', 'Ốm đau', 'Vay vốn') were "not in the list" warnings on
   every such row, and 'Không có đất sản xuất' was counted under no cause in 'Nguyên nhân';
   so were target groups written 'Hộ BTXH', 'Người có công với cách mạng', 'KCNLĐ'.
4. 'Thiếu hụt' colours its counts green to red with no word of what the colours mean, beside
   'Theo xóm', where the same colours say whether a target is met: a leader could read a red
   count as a target missed.
5. The blank roster's 'Thông tin' said nothing of what to write in its values, where the plan's
   does: above all 'Tổng số hộ dân cư', which heads take for the households on their list.
6. A cause, need or group cell with one unknown part beside known ones ('Thiếu vốn; Do lười')
   was quoted whole as "not in the list": the head could not tell which part to change, and
   might delete the part that was right.
"""

from __future__ import annotations

import openpyxl

from pipeline.figures import causes_of
from pipeline.headers import _header_cells
from pipeline.publish import publish
from pipeline.run import collect
from pipeline.template import write_templates
from schemas.columns import CAUSES
from tests import messy
from tests.commune import person, write_plan, write_roster

YELLOW = "FFFFEB9C"


# --- 1. a column not in the template, its header merged down two rows ----------------------------


def _na_mon_with_phone_column(folder) -> messy.Placed:
    """Nà Mòn's clean May households in a list whose header spans two rows (the indicators
    under their parent, every other header merged down both rows), with a 'Số điện thoại'
    column after the template's, and a blank size for NM2 (an error: the list gets a
    feedback workbook). Header rows 1-2, households from row 3."""
    households = messy.with_changes(messy.na_mon_households(), NM2={"nhan_khau": None})
    layout = messy.Layout(
        sheet="DS",
        columns=[*messy.TEMPLATE_ORDER, "Số điện thoại"],
        header_rows=2,
        extra_values={"Số điện thoại": "0912345678"},
    )
    placed = messy.Placed()
    roster = messy.roster_sheet(households, layout, messy.Typing(), placed)
    info = messy.info_sheet(messy.info_values("Nà Mòn", "05/2024", 102))
    messy.write_book(folder / "NaMon.xlsx", [info, roster])
    return placed


def test_an_unknown_column_merged_down_the_header_is_pointed_at_where_its_text_is(tmp_path):
    """'Số điện thoại' is in the first cell of a range merged over rows 1-2 of its column: the
    warning names that cell (row 1), not the blank row-2 half of the merge; the feedback copy
    keeps the merge and colours the header's own cell, with the note on it."""
    write_plan(tmp_path)
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, messy.ban_co_households())
    placed = _na_mon_with_phone_column(tmp_path)
    phone = placed.cols["Số điện thoại"]
    result, _ = collect(tmp_path, None)
    [unknown] = [i for i in result.issues if i.code == "unknown-column"]
    assert (unknown.cell, unknown.row, unknown.column) == (f"{phone}1", 1, "Số điện thoại")
    [path] = publish(result, tmp_path / "out")["feedback"]
    ws = openpyxl.load_workbook(path)["DS"]
    assert f"{phone}1:{phone}2" in {str(r) for r in ws.merged_cells.ranges}
    header = ws[f"{phone}1"]
    assert header.value == "Số điện thoại"
    assert header.fill.fgColor.rgb == YELLOW
    assert "'Số điện thoại' không có trong mẫu" in header.comment.text
    assert ws[f"{phone}2"].comment is None


def test_an_unknown_header_is_anchored_only_to_a_merge_of_its_own():
    """The cell of an unknown column's header: the first cell of a range merged down its
    column (Z5:Z6 -> Z5) or across unknown columns only (AB5:AC6 -> AB5 for both), never a
    parent's range over known columns (K5:W5 over the indicators and an unheaded W: W stays
    W5). Rows and columns 0-based."""
    z, ab, ac, w = 25, 27, 28, 22
    unknown = [(w, ((4, w),)), (z, ((5, z),)), (ab, ((5, ab),)), (ac, ((5, ac),))]
    merges = [(4, 10, 4, w), (4, z, 5, z), (4, ab, 5, ac)]
    assert _header_cells(unknown, merges) == {w: (4, w), z: (4, z), ab: (4, ab), ac: (4, ab)}


# --- 2. a household that moved, written so in 'Phân loại hộ' -------------------------------------

MOVED_AWAY = (
    "'Phân loại hộ' là 'Chuyển đi'. Chỉ ghi một trong: Hộ nghèo, Hộ cận nghèo, Thoát. Hộ đã "
    "chuyển đi: nếu hộ chuyển sang xóm khác trong xã, hãy xóa dòng này (xóm nơi hộ đến ghi hộ "
    "vào danh sách của xóm đó, giữ nguyên Mã hộ; nếu ghi 'Thoát' ở đây, mã hộ bị trùng và hộ "
    "chưa được tính ở cả hai xóm); nếu hộ chuyển khỏi xã, hãy ghi 'Thoát' và ghi 'Chuyển khỏi "
    "xã' ở cột 'Ghi chú'."
)
MOVED_IN = (
    "'Phân loại hộ' là 'Hộ nghèo chuyển đến'. Chỉ ghi một trong: Hộ nghèo, Hộ cận nghèo, Thoát. "
    "Hộ chuyển đến được ghi như mọi hộ: 'Hộ nghèo' hoặc 'Hộ cận nghèo'; hộ chuyển từ xóm khác "
    "trong xã giữ nguyên Mã hộ cũ, để xã nhận ra hộ chuyển xóm (không tính là hộ mới). Việc "
    "chuyển đến có thể ghi ở cột 'Ghi chú'."
)


def _moved(folder, away: str | None, arrived: str) -> None:
    """May: NM3 (poor at the start, in Nà Mòn) has moved to Bản Cọ. Nà Mòn writes its row
    ``away`` (None: the row deleted), Bản Cọ lists it last, its class ``arrived``."""
    write_plan(folder)
    na_mon = [person("NM1", "poor"), person("NM2", "poor"), person("NM4", "near_poor"),
              person("NM5", "near_poor")]  # fmt: skip
    if away is not None:
        na_mon.insert(2, person("NM3", away))
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, na_mon)
    ban_co = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor"),
              person("NM3", arrived, deprived=(4, 9, 10))]  # fmt: skip
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, ban_co)


def test_a_moved_household_written_so_is_told_to_delete_the_old_row_and_keep_its_code(tmp_path):
    """Nà Mòn writes NM3 (row 7) 'Chuyển đi', Bản Cọ (row 8) 'Hộ nghèo chuyển đến': both rows
    are refused (neither is a class), each told what to write: the old hamlet to delete the row
    (not 'Thoát', which would make the code used twice), the new one to write the class and
    keep the code. A change of list ('Chuyển sang hộ cận nghèo') keeps the plain refusal."""
    _moved(tmp_path, "Chuyển đi", "Hộ nghèo chuyển đến")
    result, _ = collect(tmp_path, None)
    said = {(i.file, i.cell): i.message() for i in result.issues
            if i.code == "invalid-classification"}  # fmt: skip
    assert said == {("NaMon.xlsx", "I7"): MOVED_AWAY, ("BanCo.xlsx", "I8"): MOVED_IN}
    english = {i.file: i.message("en") for i in result.issues
               if i.code == "invalid-classification"}  # fmt: skip
    assert english["NaMon.xlsx"].endswith("write 'Thoát' and 'Chuyển khỏi xã' under 'Ghi chú'.")
    by = {h["hamlet"]: h for h in result.summary["hamlets"]}
    # NM3's rows are left out: Nà Mòn 2 poor (NM1, NM2), Bản Cọ 2 (BC1, BC2)
    assert (by["Nà Mòn"]["poor"], by["Bản Cọ"]["poor"]) == (2, 2)

    (tmp_path / "other").mkdir()
    write_plan(tmp_path / "other")
    write_roster(tmp_path / "other", "NaMon.xlsx", "Nà Mòn", 102, [
        person("NM1", "poor"), person("NM2", "Chuyển sang hộ cận nghèo")])  # fmt: skip
    result, _ = collect(tmp_path / "other", None)
    [plain] = [i for i in result.issues if i.code == "invalid-classification"]
    assert plain.message() == (
        "'Phân loại hộ' là 'Chuyển sang hộ cận nghèo'. Chỉ ghi một trong: Hộ nghèo, Hộ cận "
        "nghèo, Thoát."
    )


def test_the_moved_household_written_as_told_is_a_move_between_hamlets(tmp_path):
    """Done as told (Nà Mòn's row deleted, Bản Cọ's 'Hộ nghèo' under the same code): no issue,
    NM3 moved out of Nà Mòn's poor (3 - 1 = 2) and into Bản Cọ's (2 + 1 = 3); the commune
    (Nà Mòn and Bản Cọ: Đồng Kè sent nothing) keeps its 5 poor, nobody exited or new."""
    _moved(tmp_path, None, "poor")
    result, _ = collect(tmp_path, None)
    assert not [i for i in result.issues if i.severity == "error"]
    assert not [i for i in result.issues if i.code == "vanished-household"]
    by = {h["hamlet"]: h for h in result.summary["hamlets"]}
    na_mon, ban_co = by["Nà Mòn"]["movements"]["poor"], by["Bản Cọ"]["movements"]["poor"]
    assert (na_mon["start"], na_mon["moved_out"], na_mon["exited"], na_mon["end"]) == (3, 1, 0, 2)
    assert (ban_co["start"], ban_co["moved_in"], ban_co["new"], ban_co["end"]) == (2, 1, 0, 3)
    commune = result.summary["totals"]["movements"]["poor"]
    assert (commune["start"], commune["exited"], commune["new"], commune["end"]) == (5, 0, 0, 5)


def test_a_household_gone_from_a_list_is_not_asked_back_as_thoat_if_it_only_moved(tmp_path):
    """Nà Mòn leaves NM3 out (it moved to Bản Cọ, whose list does not have it yet): the warning
    asks for its row again as 'Thoát' if it left the lists, and says that a household that only
    moved to another hamlet of the commune is not written again (the new hamlet lists it under
    its old code), so the head does not write 'Thoát' for a household Bản Cọ lists next."""
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [
        person("NM1", "poor"), person("NM2", "poor"), person("NM4", "near_poor"),
        person("NM5", "near_poor")])  # fmt: skip
    result, _ = collect(tmp_path, None)
    [gone] = [i for i in result.issues if i.code == "vanished-household"]
    assert gone.message() == (
        "Hộ NM3 (Hoàng Văn NM3) có trong danh sách đầu năm nhưng không có trong danh sách kỳ này; "
        "đã tính là thoát. Đề nghị xóm xác nhận: nếu đúng, hãy ghi lại dòng của hộ (đủ các cột "
        "như các hộ khác) với Phân loại hộ 'Thoát'. Nếu hộ chỉ chuyển sang xóm khác trong xã thì "
        "không ghi lại: xóm nơi hộ đến ghi hộ vào danh sách của mình với Mã hộ cũ."
    )
    assert gone.message("en").endswith(
        "If the household only moved to another hamlet of the commune, do not write it again: "
        "the hamlet it moved to lists it under its old Mã hộ."
    )


# --- 3. causes and needs in the official or a short wording --------------------------------------


def test_causes_and_needs_in_other_wordings_are_read_as_their_entry(tmp_path):
    """Nà Mòn's May list with its causes as the national forms word them or heads shorten
    them: no 'not in the list' warning, and 'Nguyên nhân' counts them under their entries:
    NM1 land and capital, NM2 illness, NM3 capital and land ('Thiếu vốn, thiếu đất'), NM4
    illness once ('Ốm đau; Tai nạn' is one cause), NM5 other. Nà Mòn's row: 5 households;
    land 2, capital 2, labour 0, tools 0, know-how 0, skills 0, illness 2, other 1. An
    unknown cause beside a known one still warns ('Do lười'). NM2 'Hộ BTXH' is in the social
    protection group, NM3 'Người có công với cách mạng; KCNLĐ' in NCC and KKNLĐ."""
    write_plan(tmp_path)
    rows = [
        person("NM1", "poor", nguyen_nhan="Không có đất sản xuất; Không có vốn sản xuất, kinh doanh",
               nhu_cau="Vay vốn; Hỗ trợ nhà ở"),
        person("NM2", "poor", nguyen_nhan="Có người ốm đau, bệnh nặng, tai nạn", nhu_cau="BHYT",
               doi_tuong="Hộ BTXH"),
        person("NM3", "poor", nguyen_nhan="Thiếu vốn, thiếu đất", nhu_cau="Học nghề",
               doi_tuong="Người có công với cách mạng; KCNLĐ"),
        person("NM4", "near_poor", nguyen_nhan="Ốm đau; Tai nạn"),
        person("NM5", "near_poor", nguyen_nhan="Nguyên nhân khác"),
    ]  # fmt: skip
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, rows)
    result, _ = collect(tmp_path, None)
    assert not [i for i in result.issues if i.code == "unknown-vocabulary"]
    causes = dict(zip(result.households["ma_ho"], result.households["nguyen_nhan"], strict=True))
    assert causes["NM1"] == "Thiếu đất sản xuất; Thiếu vốn"
    assert causes["NM4"] == "Ốm đau, bệnh nặng, tai nạn"
    needs = dict(zip(result.households["ma_ho"], result.households["nhu_cau"], strict=True))
    assert (needs["NM1"], needs["NM2"], needs["NM3"]) == (
        "Vay vốn ưu đãi; Nhà ở", "Bảo hiểm y tế", "Đào tạo nghề")  # fmt: skip
    workbook = publish(result, tmp_path / "out")["workbook"]
    ws = openpyxl.load_workbook(workbook)["Nguyên nhân"]
    [row] = [r for r in ws.iter_rows(values_only=True) if r[1] == "Nà Mòn"][:1]
    assert list(row[2:11]) == [5, 2, 2, 0, 0, 0, 0, 2, 1]
    assert list(row[11:14]) == [1, 1, 1]  # BTXH (NM2), NCC and KKNLĐ (NM3)
    groups = result.summary["totals"]["subgroups"]
    assert (groups["social_protection"]["poor"], groups["no_labour_capacity"]["poor"]) == (1, 1)

    (tmp_path / "other").mkdir()
    write_plan(tmp_path / "other")
    write_roster(tmp_path / "other", "NaMon.xlsx", "Nà Mòn", 102,
                 [person("NM1", "poor", nguyen_nhan="Thiếu đất; Do lười")])  # fmt: skip
    result, _ = collect(tmp_path / "other", None)
    [unknown] = [i for i in result.issues if i.code == "unknown-vocabulary"]
    assert unknown.value == "Thiếu đất; Do lười"


# --- 4. 'Thiếu hụt' says what its colours mean ---------------------------------------------------


def test_the_deprivation_sheet_says_what_its_colours_mean(tmp_path):
    """The note under 'Thiếu hụt''s tables says the colours compare the counts of each part
    (green fewest, red most) and judge no target; its row is two lines tall (30 pt)."""
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, messy.na_mon_households())
    result, _ = collect(tmp_path, None)
    ws = openpyxl.load_workbook(publish(result, tmp_path / "out")["workbook"])["Thiếu hụt"]
    [note] = [c for row in ws.iter_rows() for c in row
              if isinstance(c.value, str) and c.value.startswith("Số hộ thiếu hụt từng chỉ số")]  # fmt: skip
    assert note.value == (
        "Số hộ thiếu hụt từng chỉ số; tỷ lệ = số hộ thiếu hụt ÷ số hộ × 100. Màu so sánh các ô số "
        "hộ của từng phần (I, II): xanh – ít hộ thiếu hụt nhất, vàng – ở giữa, đỏ – nhiều hộ "
        "thiếu hụt nhất; màu không phải đánh giá đạt hay chưa đạt."
    )
    assert ws.row_dimensions[note.row].height == 30


# --- 5. the blank roster's 'Thông tin' says what to write ----------------------------------------


def test_the_blank_roster_info_sheet_hints_what_each_value_is(tmp_path):
    """Selecting a value of the blank roster's 'Thông tin' (B2:B7) shows what to write there,
    the total households as all the hamlet's households, not the listed ones; nothing typed
    is refused (no list, no rule: a hint only). 'Loại biểu' (B1) is written already."""
    roster, _ = write_templates(tmp_path)
    ws = openpyxl.load_workbook(roster)["Thông tin"]
    hints = {str(dv.sqref): (dv.type, dv.promptTitle, dv.prompt, dv.showInputMessage)
             for dv in ws.data_validations.dataValidation}  # fmt: skip
    assert sorted(hints) == ["B2", "B3", "B4", "B5", "B6", "B7"]
    assert {(kind, shown) for kind, _, _, shown in hints.values()} == {(None, True)}
    assert hints["B4"][1:3] == ("Kỳ báo cáo", "Tháng và năm của danh sách, ví dụ: 05/2024.")
    assert hints["B5"][1:3] == (
        "Tổng số hộ dân cư",
        "Tổng số hộ đang sinh sống trong xóm (tất cả các hộ, không chỉ hộ nghèo và hộ cận "
        "nghèo), ví dụ: 215. Xã dùng số này để tính tỷ lệ hộ nghèo của xóm.",
    )
    assert hints["B3"][2] == "Tên xóm, ghi đúng như trong kế hoạch của xã, ví dụ: Nà Mòn."


# --- 6. an unknown part beside known ones is named ------------------------------------------------


def test_an_unknown_part_of_a_cause_need_or_group_is_named_beside_the_parts_read(tmp_path):
    """NM1: 'Thiếu vốn; Do lười' (cause), 'Vay vốn, Tiền mặt' (need), 'BTXH, Hộ nghèo neo đơn'
    (group): each warning names the unknown part and says the rest was read; NM1 still counts
    under 'Thiếu vốn' and BTXH. 'Thiếu công cụ, phương tiện sản xuất, Do lười' names 'Do lười'
    only (a cause's own comma is no separator). NM2's 'Do lười' alone keeps the plain words."""
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [
        person("NM1", "poor", nguyen_nhan="Thiếu vốn; Do lười", nhu_cau="Vay vốn, Tiền mặt",
               doi_tuong="BTXH, Hộ nghèo neo đơn"),
        person("NM2", "poor", nguyen_nhan="Do lười"),
        person("NM3", "poor", nguyen_nhan="Thiếu công cụ, phương tiện sản xuất, Do lười"),
    ])  # fmt: skip
    result, _ = collect(tmp_path, None)
    said = {i.cell: i.message() for i in result.issues if i.code == "unknown-vocabulary"}
    causes = "; ".join(CAUSES)
    assert said["W5"] == (
        f"'Nguyên nhân nghèo' ghi 'Thiếu vốn; Do lười': 'Do lười' không có trong danh mục (ghi "
        f"một hoặc nhiều giá trị, cách nhau bằng dấu ';': {causes}); phần còn lại đã được đọc. "
        "Hộ vẫn được tính."
    )
    assert said["Y5"].startswith(
        "'Nhu cầu hỗ trợ' ghi 'Vay vốn, Tiền mặt': 'Tiền mặt' không có trong danh mục"
    )
    assert said["X5"] == (
        "'Nhóm đối tượng' ghi 'BTXH, Hộ nghèo neo đơn': 'Hộ nghèo neo đơn' không có trong danh "
        "mục (BTXH, NCC, KKNLĐ); phần còn lại đã được đọc. Hộ vẫn được tính."
    )
    assert said["W7"].startswith(
        "'Nguyên nhân nghèo' ghi 'Thiếu công cụ, phương tiện sản xuất, Do lười': 'Do lười' không"
    )
    assert said["W6"] == (
        f"'Nguyên nhân nghèo' có giá trị 'Do lười' không có trong danh mục (ghi một hoặc nhiều "
        f"giá trị, cách nhau bằng dấu ';': {causes}). Hộ vẫn được tính."
    )
    english = next(i for i in result.issues if i.cell == "W5").message("en")
    assert english.startswith("'Nguyên nhân nghèo' holds 'Thiếu vốn; Do lười': 'Do lười' is not")
    assert causes_of("Thiếu vốn; Do lười") == {"Thiếu vốn"}
    assert result.summary["totals"]["subgroups"]["social_protection"]["poor"] == 1
