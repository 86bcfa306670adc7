"""Feedback workbooks ``PhanHoi/<Xóm>_YYYY-MM.xlsx`` (CONTRACT §5): what a hamlet head must fix.

One workbook per hamlet file of the period that has issues (counted, rejected
or superseded), in Vietnamese whatever the run's ``--lang`` (the hamlet head
reads it; CONTRACT §5). Its first sheet, ``Hướng dẫn sửa``, says in one sentence what became of the file and lists every issue
with the cell to fix and the value that cell holds (as the file holds it, not
as the run read it); the following sheets are copies of the submitted sheets
the issues point at, every value at the same cell as in the file received (so
"H6" in the list is H6 in the copy), bad cells filled red (error) or yellow
(warning), each with a note saying what to write instead; a text longer than a copy's widest
column wraps, its row as tall as its lines. A missing column's
note goes on the first empty cell right of the header row. A list counted or refused has its
'Thông tin' and list sheets copied whatever its issues point at (a household no longer listed
names no cell: 'Cách sửa' says below which row to write it again); one sent without its
'Thông tin' sheet gets a 'Thông tin' sheet added before the copies, filled with what the run
understood (the cells to write or check marked, its yellow ones counted as the warning that it
lacked the sheet, even for a list the run refused before looking for it). The status line
and the counts' notes name red or yellow cells only when the sheets show some ("xem bảng
dưới" otherwise).

The input file is only read (python-calamine, read-only); text is always
written as text, so a name like ``=1+1`` stays a name. Fixed document
properties make the same run give byte-identical files.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Any

from xlsxwriter.format import Format
from xlsxwriter.utility import quote_sheetname, xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from pipeline import lazyre, vocab
from pipeline.apart import SEVERAL_HOUSEHOLDS
from pipeline.apart_variants import apart_variant
from pipeline.figures import id_key
from pipeline.messages import in_language, said_with_unit, with_unit
from pipeline.output import atomic_write
from pipeline.read import Merge, ReadError, open_workbook
from pipeline.report.bulk import new_workbook
from pipeline.report.cells import (
    MAX_ROW_HEIGHT,
    Context,
    fit_row,
    header_word_width,
    merged_width,
    put_num,
    put_text,
    safe_sheet_names,
    text_lines,
    wrapped_lines,
)
from pipeline.report.feedback_files import (  # noqa: F401 - re-exported
    COUNTED,
    FEEDBACK_DIR,
    feedback_hamlet,
    feedback_targets,
    remove_stale_feedback,
    safe_file_stem,
)
from pipeline.report.labels import t
from pipeline.report.reporting import REASON_CODES, reason_text
from pipeline.report.styles import (
    ERROR_FILL,
    FONT,
    HEADER_FILL,
    HEADINGS_SIDE_MARGIN,
    ROW_HEIGHT_PT,
    WARNING_FILL,
    Styles,
    column_pixels,
    end_rows,
    keep_with_table,
    merge_text,
    page_capacities,
    page_setup,
    page_starts,
    text_kept,
    text_pixels,
    text_units,
    units_pixels,
    wide_print,
)
from pipeline.rosterchecks import (
    PERIOD_DIFFERS,
    exit_marked,
    missing_info_sheet_issue,
    month_written,
    period_written_nowhere,
)
from pipeline.text import (
    as_shown,
    cell_position,
    clean_text,
    column_letter,
    excel_general,
    fold,
    is_blank,
    vi_key,
)
from pipeline.types import Issue, RunResult, Submission
from schemas.columns import FORM_TYPE_ROSTER, ROSTER_INFO_LABELS, ROSTER_INFO_SHEET
from schemas.issues import (
    CATALOGUE,
    JOINED_LISTED_VARIANTS,
    JOINED_SENT_VARIANTS,
    MERGED_LIST_VARIANTS,
)

if TYPE_CHECKING:
    from pipeline.sheetscan import Fragments, StruckPieces

GUIDE_SHEET = "Hướng dẫn sửa"
# A file of another period named for this one (file name, or title): its head is told.
FIXED_DATE = datetime(2000, 1, 1)

# --- texts ------------------------------------------------------------------------------

_TEXT: dict[str, str] = {
    "title": "PHẢN HỒI DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO{hamlet} – THÁNG {m}/{y}",
    "title.hamlet": " – {name}",
    "subtitle": "Ủy ban nhân dân xã {commune} gửi lại để xóm sửa",
    "lbl.file": "Tệp đã nhận:",
    "lbl.status": "Tình trạng:",
    "lbl.errors": "Số lỗi:",
    "lbl.warnings": "Số cảnh báo:",
    "lbl.how": "Cách sửa:",
    "errors.note": "ô tô đỏ – phải sửa thì hộ (hoặc cả danh sách) mới được tính",
    # errors of no coloured cell (an empty list, a file no copy could be made of)
    "errors.note.table": "xem bảng dưới – phải sửa thì hộ (hoặc cả danh sách) mới được tính",
    "warnings.note": "ô tô vàng – hộ vẫn được tính; đề nghị kiểm tra lại, sửa nếu sai",
    "warnings.note.uncounted": "ô tô vàng – đề nghị kiểm tra lại, sửa nếu sai",
    # warnings of no cell (a household no longer listed): nothing in the copies is coloured
    "warnings.note.table": "xem bảng dưới – danh sách vẫn được tính; đề nghị kiểm tra lại, sửa nếu sai",
    # some warnings at yellow cells, others at none
    "warnings.note.both": "ô tô vàng và bảng dưới – danh sách vẫn được tính; đề nghị kiểm tra lại, sửa nếu sai",
    "warnings.note.uncounted.table": "xem bảng dưới – đề nghị kiểm tra lại, sửa nếu sai",
    "warnings.note.uncounted.both": "ô tô vàng và bảng dưới – đề nghị kiểm tra lại, sửa nếu sai",
    "status.counted.rows": "Danh sách đã được tổng hợp, nhưng {n} dòng bị loại do lỗi; hãy sửa các ô tô đỏ và gửi lại.",
    "status.counted.rows.table": "Danh sách đã được tổng hợp, nhưng {n} dòng bị loại do lỗi; hãy sửa theo bảng dưới và gửi lại.",
    "status.counted.errors": "Danh sách đã được tổng hợp, nhưng có lỗi; hãy sửa các ô tô đỏ và gửi lại.",
    "status.counted.errors.table": "Danh sách đã được tổng hợp, nhưng có lỗi; hãy sửa theo bảng dưới và gửi lại.",
    "status.counted.warnings": "Danh sách đã được tổng hợp, mọi hộ đều được tính; có {n} cảnh báo (ô tô vàng), đề nghị kiểm tra lại.",
    "status.counted.warnings.table": "Danh sách đã được tổng hợp, mọi hộ đều được tính; có {n} cảnh báo (xem bảng dưới), đề nghị kiểm tra lại.",
    "status.counted.warnings.both": "Danh sách đã được tổng hợp, mọi hộ đều được tính; có {n} cảnh báo (ô tô vàng và bảng dưới), đề nghị kiểm tra lại.",
    # every household of the list counted, a sheet or rows of another hamlet's list in the file
    # left out (sheet-of-other-hamlet, rows-of-other-hamlet, session 28): not "every household";
    # {others}: what is left out and where it is counted (_others_left_out, session 56)
    "status.counted.others": "Danh sách đã được tổng hợp, mọi hộ của xóm {hamlet} đều được tính; {others}; có {n} cảnh báo (ô tô vàng), đề nghị kiểm tra lại.",
    "status.counted.others.table": "Danh sách đã được tổng hợp, mọi hộ của xóm {hamlet} đều được tính; {others}; có {n} cảnh báo (xem bảng dưới), đề nghị kiểm tra lại.",
    "status.counted.others.both": "Danh sách đã được tổng hợp, mọi hộ của xóm {hamlet} đều được tính; {others}; có {n} cảnh báo (ô tô vàng và bảng dưới), đề nghị kiểm tra lại.",
    # the list counted, its hamlet left out of the commune's figures: its households lack those
    # of a list sent apart (merged-list-apart, session 25), not "every household counted";
    # {lists}: each list apart, its households first, '; ' between two (session 49)
    "status.counted.apart": "Danh sách đã được tổng hợp nhưng chưa tính vào số liệu toàn xã: còn thiếu {lists} gửi riêng (xem bảng dưới); hãy ghi các hộ đó vào danh sách này rồi gửi lại.",
    "status.other_period": "Danh sách chưa được tính vào kỳ {period}: tên tệp ghi kỳ {period} nhưng ô 'Kỳ báo cáo' ghi {written}. Nếu đây là danh sách kỳ {period}, hãy sửa ô đó (ô tô vàng) rồi gửi lại.",
    "status.other_period.title": "Danh sách chưa được tính vào kỳ {period}: tiêu đề ghi tháng {period} nhưng ô 'Kỳ báo cáo' ghi {written}. Nếu đây là danh sách kỳ {period}, hãy sửa ô đó (ô tô vàng) rồi gửi lại.",
    "status.other_period.folder": "Danh sách chưa được tính vào kỳ {period}: tệp được gửi cho kỳ {period} (xã xếp vào thư mục kỳ {period}) nhưng ô 'Kỳ báo cáo' ghi {written}. Nếu đây là danh sách kỳ {period}, hãy sửa ô đó (ô tô vàng) rồi gửi lại.",
    "status.other_period.no-info": "Danh sách chưa được tính vào kỳ {period}: tên tệp ghi kỳ {period} nhưng tiêu đề danh sách ghi tháng {written} (tệp không có trang 'Thông tin'). Nếu đây là danh sách kỳ {period}, hãy sửa tiêu đề (ô tô vàng) rồi gửi lại.",
    "status.other_period.no-info.folder": "Danh sách chưa được tính vào kỳ {period}: tệp được gửi cho kỳ {period} (xã xếp vào thư mục kỳ {period}) nhưng tiêu đề danh sách ghi tháng {written} (tệp không có trang 'Thông tin'). Nếu đây là danh sách kỳ {period}, hãy sửa tiêu đề (ô tô vàng) rồi gửi lại.",
    "status.other_period.prepared-date": "Danh sách chưa được tính vào kỳ {period}: ô 'Kỳ báo cáo' ghi {written} nhưng 'Ngày lập' sau thời gian lập danh sách kỳ {written}. Nếu đây là danh sách kỳ {period}, hãy sửa ô 'Kỳ báo cáo' (ô tô vàng) rồi gửi lại.",
    # ... its own errors said with the cell (consolidate.rows_told_uncounted, session 51)
    "status.other_period.errors": "Danh sách còn {n} lỗi (ô tô đỏ); hãy sửa cả các lỗi đó trước khi gửi lại, vì chưa sửa thì hộ có lỗi (hoặc cả danh sách) vẫn chưa được tính.",
    "status.other_period.errors.table": "Danh sách còn {n} lỗi (xem bảng dưới); hãy sửa cả các lỗi đó trước khi gửi lại, vì chưa sửa thì hộ có lỗi (hoặc cả danh sách) vẫn chưa được tính.",
    "status.other_period.same-file": "Danh sách chưa được tính vào kỳ {period}: tệp này giống hệt danh sách kỳ {written} xóm đã gửi, có lẽ gửi nhầm tệp kỳ {written}. Hãy gửi danh sách kỳ {period}.",
    "status.rejected": "Danh sách chưa được tổng hợp vì {reason}; hãy sửa các ô tô đỏ (xem bảng dưới) và gửi lại.",
    # refused as every row is left out for a Mã hộ another hamlet's list writes too
    # (all-rows-rejected 'across'), each of its rows the one the start list gives the code to
    # ('renumbered-new', 'slip-new': "Dòng này ghi đúng mã: hãy giữ nguyên"): the other list
    # ({others}) is the one to correct, nothing here (session 54)
    "status.rejected.kept": "Danh sách chưa được tổng hợp: cả {n} dòng hộ đều bị loại vì 'Mã hộ' trùng với danh sách của {others}, nhưng theo danh sách đầu năm, các dòng của danh sách này ghi đúng mã hộ (xem bảng dưới). Không sửa các dòng đó, cũng không cần gửi lại tệp này: khi {others} sửa mã hộ trong danh sách của mình rồi gửi lại, danh sách này sẽ được tính.",
    "errors.note.kept": "ô tô đỏ – giữ nguyên: các dòng này ghi đúng mã hộ, được tính khi {others} sửa mã hộ của mình",
    # counted, its only errors rows of its households another hamlet's list writes 'Thoát'
    # ('duplicate-household-id' 'thoat-elsewhere'): the rows' words are "keep it if still poor,
    # else write 'Thoát'", the other list ({others}) deletes its row; not "fix the red cells and
    # send again" (session 61)
    "status.counted.thoat": "Danh sách đã được tổng hợp, nhưng {n} dòng tạm chưa được tính vì danh sách của {others} ghi hộ 'Thoát' ({where}). Nếu hộ vẫn là hộ nghèo hoặc cận nghèo, hãy giữ nguyên dòng của hộ, không cần gửi lại tệp này: khi {others} xóa dòng 'Thoát' và gửi lại, dòng đó sẽ được tính. Nếu hộ đã thoát nghèo, hãy ghi Phân loại hộ 'Thoát' ở dòng của hộ rồi gửi lại.",
    "errors.note.thoat": "ô tô đỏ – hộ vẫn nghèo hoặc cận nghèo: giữ nguyên, được tính khi {others} xóa dòng 'Thoát'; hộ đã thoát nghèo: ghi 'Thoát' ở dòng của hộ",
    "how.thoat": "Nếu hộ ở dòng bị loại vẫn là hộ nghèo hoặc cận nghèo, hãy giữ nguyên, không cần gửi lại tệp này: khi {others} xóa dòng 'Thoát' trong danh sách của mình và gửi lại, xã tổng hợp lại và dòng đó sẽ được tính. Nếu hộ đã thoát nghèo, hãy ghi Phân loại hộ 'Thoát' ở dòng của hộ (giữ nguyên Mã hộ) trong tệp gốc của xóm rồi gửi lại cho xã.",
    "how.kept": "Các dòng bị loại (xem bảng dưới) ghi đúng mã hộ theo danh sách đầu năm: hãy giữ nguyên, không cần gửi lại tệp này. Khi {others} đã sửa mã hộ trong danh sách của mình và gửi lại, xã tổng hợp lại và danh sách này sẽ được tính.",
    # refused for what no cell shows (an empty list): nothing is coloured
    "status.rejected.table": "Danh sách chưa được tổng hợp vì {reason}; hãy sửa theo bảng dưới và gửi lại.",
    # a file that could not be read as a list at all: no cell to colour
    "status.rejected.file": "Danh sách chưa được tổng hợp vì {reason}; xã không đọc được số liệu nào trong tệp này.",
    # such a file beside the hamlet's list of the month, counted (session 43)
    "status.rejected.file.counted": "Tệp này không được tổng hợp vì {reason}; xã không đọc được số liệu nào trong tệp này. Danh sách kỳ này của xóm đã được tổng hợp từ tệp khác ({file}).",
    # the list of a hamlet merged into another in the plan, sent apart (unknown-hamlet variant
    # 'merged'): no cell to fix; its households go on the merged hamlet's one list (session 25)
    "status.rejected.merged": "Danh sách gửi riêng này không được tổng hợp: xóm '{value}' không có trong kế hoạch của xã, và các hộ trong danh sách là của xóm {instead}. Không cần sửa ô nào: các hộ này phải được ghi vào danh sách của xóm {instead} (một danh sách cho cả xóm) do trưởng xóm {instead} gửi cho xã; xem 'Cách sửa'.",
    "errors.note.merged": "ô tô đỏ – không sửa để gửi lại: các hộ chỉ được tính khi được ghi vào danh sách của xóm {instead}",
    "how.merged": "Hãy chuyển các hộ {where} cho trưởng xóm {instead} để ghi vào danh sách của xóm {instead} (chèn dưới dòng hộ cuối cùng, đủ các cột như các hộ khác), với 'Tổng số hộ dân cư' là tổng số hộ của cả xóm {instead} sau sáp nhập; trưởng xóm {instead} gửi danh sách đó cho xã. Không gửi lại danh sách riêng của xóm '{value}', kể cả khi sửa ô 'Xóm': mỗi xóm, xã chỉ tính một danh sách. Nếu xóm '{value}' không sáp nhập vào xóm {instead}, hãy báo lại cho xã.",
    # the list of a hamlet merged into another, sent apart when that hamlet sent nothing
    # (unknown-hamlet variant 'joined'): one list of the whole merged hamlet (session 32)
    "status.rejected.joined": "Danh sách này chưa được tổng hợp: xóm '{value}' đã sáp nhập vào xóm {instead}, và xóm {instead} chưa gửi danh sách kỳ này. Không chỉ sửa ô 'Xóm': các hộ này phải được ghi vào một danh sách của cả xóm {instead}; xem 'Cách sửa'.",
    "errors.note.joined": "ô tô đỏ – không chỉ sửa ô này: các hộ chỉ được tính khi được ghi vào một danh sách của cả xóm {instead}",
    "how.joined": "Các hộ {where} phải được ghi vào một danh sách của cả xóm {instead}, với 'Tổng số hộ dân cư' là tổng số hộ của cả xóm {instead} sau sáp nhập: trưởng xóm {instead} ghi các hộ này vào danh sách của xóm rồi gửi cho xã, hoặc bổ sung vào danh sách này các hộ của xóm {instead} (chèn dưới dòng hộ cuối cùng, đủ các cột như các hộ khác), sửa ô 'Xóm' thành '{instead}' rồi gửi lại. Mỗi xóm, xã chỉ tính một danh sách: danh sách chỉ có các hộ của xóm '{value}' mà ghi 'Xóm' là '{instead}' sẽ bị tính như cả xóm {instead}. Nếu xóm '{value}' không sáp nhập vào xóm {instead}, hãy báo lại cho xã.",
    # ... the codes new, the merger told by the history, when that hamlet sent its own list
    # (unknown-hamlet variant 'joined-sent'): said as 'merged' is, its households to give to
    # that hamlet's head ('how.merged', 'errors.note.merged'; session 35)
    "status.rejected.joined-sent": "Danh sách gửi riêng này không được tổng hợp: xóm '{value}' đã sáp nhập vào xóm {instead}, và trưởng xóm {instead} đã gửi danh sách của cả xóm kỳ này. Không cần sửa ô nào: các hộ này phải được ghi vào danh sách của xóm {instead} (một danh sách cho cả xóm) do trưởng xóm {instead} gửi cho xã; xem 'Cách sửa'.",
    # ... its households all on that hamlet's list (variant 'joined-listed'): nothing to do
    # (session 36 QA)
    "status.rejected.joined-listed": "Danh sách gửi riêng này không được tổng hợp: xóm '{value}' đã sáp nhập vào xóm {instead}, và mọi hộ trong danh sách này đều đã có trong danh sách của cả xóm do trưởng xóm {instead} gửi kỳ này. Không cần sửa ô nào, cũng không cần gửi lại danh sách này.",
    # ... households of two hamlets or more, each left off its own list ('holds-several';
    # session 52, RH2)
    "errors.note.several": "ô tô đỏ – không sửa để gửi lại: các hộ chỉ được tính khi được ghi vào danh sách của xóm mình",
    # ... a list naming no hamlet, its households on several hamlets' lists counted (session 52)
    "errors.note.listed-several": "ô tô đỏ – không sửa để gửi lại: các hộ đã có trong danh sách các xóm đã được tính",
    "errors.note.listed": "ô tô đỏ – không sửa để gửi lại: các hộ đã có trong danh sách của xóm {instead}",
    "how.listed": "Không cần làm gì thêm: các hộ {where} đều đã có trong danh sách của xóm {instead} kỳ này. Không gửi lại danh sách riêng của xóm '{value}', kể cả khi sửa ô 'Xóm': mỗi xóm, xã chỉ tính một danh sách.",
    "how.merged.sheet": "ở trang '{sheet}' (bản sao danh sách xóm đã gửi)",
    "how.merged.file": "trong danh sách này",
    "status.superseded": "Đây là bản cũ, đã có bản mới hơn ({newer}); bản này không được tính. Nếu bản này mới là bản đúng, hãy sửa 'Ngày lập' rồi gửi lại.",
    "status.superseded.used": "Bản này không được dùng vì xóm đã gửi bản mới hơn ({newer}) và xã đã tổng hợp bản mới hơn đó; không có số liệu nào của bản này được tính. Nếu bản này mới là bản đúng, hãy sửa 'Ngày lập' rồi gửi lại.",
    "status.superseded.refused": "Bản này không được dùng vì xóm đã gửi bản mới hơn ({newer}); không có số liệu nào của bản này được tính. Bản mới hơn đó cũng chưa được tổng hợp vì có lỗi: xem phản hồi của bản đó.",
    "reason.default": "tệp có lỗi",
    "reason.unknown-hamlet": "tên xóm '{value}' không có trong kế hoạch của xã",
    # a name the hamlet had before the plan renamed it (variant 'former', 'former-sent'; session 32)
    "reason.unknown-hamlet.former": "ô 'Xóm' ghi '{value}', là tên cũ của xóm {instead}",
    # ... read from the title beside the list's own 'Xóm' cell left blank (session 34)
    "reason.unknown-hamlet.former-blank": "ô 'Xóm' đang trống và tiêu đề ghi xóm '{value}', là tên cũ của xóm {instead}",
    # ... a second list of the hamlet, its own counted (variant 'former-sent'; session 33): sent
    # again corrected only if it is the right one
    # a copy of another hamlet's list saved under this hamlet's name (hamlet-codes-of-file-name
    # variant 'same-file'): no cell to fix, the hamlet's own list to send (session 43)
    "status.rejected.copied": "Danh sách chưa được tổng hợp: tệp này mang tên xóm {hamlet} nhưng giống hệt danh sách của xóm {instead} ({file}), nên xã chưa nhận được danh sách của xóm {hamlet}. Hãy gửi danh sách của xóm {hamlet}.",
    "errors.note.copied": "ô tô đỏ – không sửa ô này: tệp là danh sách của xóm {instead}",
    "how.copied": "Không sửa tệp này: đây là danh sách của xóm {instead}. Hãy gửi cho xã danh sách hộ nghèo, hộ cận nghèo của xóm {hamlet} kỳ này (tệp theo mẫu, ô 'Xóm' ghi '{hamlet}').",
    # last month's list sent again under this month's name (period-differs-* variant
    # 'same-file'): no cell to correct, this month's list to send (session 52)
    "how.same-file": "Không sửa tệp này: đây là danh sách kỳ {written} xóm đã gửi. Hãy gửi cho xã danh sách hộ nghèo, hộ cận nghèo của xóm kỳ {period} (ô 'Kỳ báo cáo' ghi {period}).",
    # a list naming a neighbour that sent its own, its codes {hamlet}'s, which sent its own list
    # too, counted (hamlet-codes-of-file-name 'codes-held', 'codes-sent'): no cell to fix, no
    # second list of {hamlet}; its households go on {hamlet}'s one list (session 51)
    "status.rejected.codes-held": "Danh sách gửi riêng này không được tổng hợp: danh sách ghi xóm '{value}' nhưng các hộ trong danh sách là của xóm {hamlet}, và trưởng xóm {hamlet} đã gửi danh sách của xóm kỳ này. Không cần sửa ô nào: các hộ này phải được ghi vào danh sách của xóm {hamlet} (một danh sách cho cả xóm) do trưởng xóm {hamlet} gửi cho xã.",
    "status.rejected.codes-sent": "Danh sách này không được tổng hợp: danh sách ghi xóm '{value}' nhưng các hộ trong danh sách là của xóm {hamlet}, và xóm {hamlet} đã có danh sách kỳ này ({file}) được tính. Không sửa ô nào, cũng không gửi lại tệp này; nếu tệp có hộ của xóm {hamlet} mà danh sách đó chưa có, hãy ghi các hộ đó vào danh sách của xóm rồi gửi lại.",
    "how.codes-held": "Hãy ghi các hộ {where} vào danh sách của xóm {hamlet} (chèn dưới dòng hộ cuối cùng, đủ các cột như các hộ khác); trưởng xóm {hamlet} gửi danh sách đó cho xã. Không gửi lại tệp này, kể cả khi sửa ô 'Xóm': mỗi xóm, xã chỉ tính một danh sách.",
    "how.codes-sent": "Không gửi lại tệp này, kể cả khi sửa ô 'Xóm': xóm {hamlet} đã có danh sách kỳ này được tính, và mỗi xóm, xã chỉ tính một danh sách. Nếu các hộ {where} có hộ của xóm {hamlet} mà danh sách đó chưa có, hãy ghi các hộ đó vào danh sách của xóm (chèn dưới dòng hộ cuối cùng, đủ các cột như các hộ khác) rồi gửi lại.",
    # ... every household of it on {hamlet}'s list counted ('codes-sent-listed'; session 52)
    "status.rejected.codes-sent-listed": "Danh sách gửi riêng này không được tổng hợp: danh sách ghi xóm '{value}' nhưng các hộ trong danh sách là của xóm {hamlet}, và mọi hộ đều đã có trong danh sách của xóm {hamlet} kỳ này ({file}), đã được tính. Không sửa ô nào, cũng không gửi lại tệp này.",
    "how.codes-sent-listed": "Không cần làm gì thêm: các hộ {where} đều đã có trong danh sách của xóm {hamlet} kỳ này. Nếu tệp này ghi khác (phân loại hộ, số nhân khẩu…), hãy sửa trên danh sách của xóm {hamlet} rồi gửi lại. Không gửi lại tệp này, kể cả khi sửa ô 'Xóm': mỗi xóm, xã chỉ tính một danh sách.",
    # ... {hamlet}'s own list refused for its errors ('codes-refused'): written there, corrected
    "status.rejected.codes-refused": "Danh sách gửi riêng này không được tổng hợp: danh sách ghi xóm '{value}' nhưng các hộ trong danh sách là của xóm {hamlet}, và xóm {hamlet} đã gửi danh sách của xóm kỳ này ({file}), bị từ chối vì có lỗi. Không sửa ô nào, cũng không gửi lại tệp này: khi sửa danh sách {file}, hãy ghi vào đó các hộ của tệp này mà danh sách đó chưa có (một danh sách cho cả xóm) rồi gửi lại.",
    "how.codes-refused": "Khi sửa danh sách của xóm {hamlet} đã gửi (bị từ chối vì có lỗi), hãy ghi vào đó các hộ {where} mà danh sách đó chưa có (chèn dưới dòng hộ cuối cùng, đủ các cột như các hộ khác) rồi gửi lại. Không gửi lại tệp này, kể cả khi sửa ô 'Xóm': mỗi xóm, xã chỉ tính một danh sách.",
    # ... its households noted moved in from {hamlet} ('codes-moved'): the neighbour's list holds them
    "status.rejected.codes-moved": "Danh sách gửi riêng này không được tổng hợp: danh sách ghi xóm '{value}' nhưng các hộ trong danh sách là của xóm {hamlet}, ghi chú là chuyển đến. Không sửa ô nào, cũng không gửi lại tệp này: nếu các hộ này nay ở xóm '{value}', hãy ghi các hộ đó vào danh sách của xóm '{value}' ({file}; một danh sách cho cả xóm) rồi gửi lại.",
    "how.codes-moved": "Nếu các hộ {where} nay ở xóm '{value}', hãy ghi các hộ đó vào danh sách của xóm '{value}' (chèn dưới dòng hộ cuối cùng, đủ các cột như các hộ khác); trưởng xóm '{value}' gửi danh sách đó cho xã. Không gửi lại tệp này, kể cả khi sửa ô 'Xóm': mỗi xóm, xã chỉ tính một danh sách.",
    # a list naming no hamlet, its codes {hamlet}'s, whose own list came refused for its errors
    # (missing-hamlet 'holds-refused'): written there, corrected; no name to write (session 52)
    "status.rejected.holds-refused": "Danh sách gửi riêng này không được tổng hợp: danh sách không ghi tên xóm nhưng các hộ trong danh sách là của xóm {hamlet}, và xóm {hamlet} đã gửi danh sách của xóm kỳ này ({file}), bị từ chối vì có lỗi. Không sửa ô nào, cũng không gửi lại tệp này: khi sửa danh sách {file}, hãy ghi vào đó các hộ của tệp này mà danh sách đó chưa có (một danh sách cho cả xóm) rồi gửi lại.",
    "how.holds-refused": "Khi sửa danh sách của xóm {hamlet} đã gửi (bị từ chối vì có lỗi), hãy ghi vào đó các hộ {where} mà danh sách đó chưa có (chèn dưới dòng hộ cuối cùng, đủ các cột như các hộ khác) rồi gửi lại. Không gửi lại tệp này, kể cả khi ghi tên xóm vào ô 'Xóm': mỗi xóm, xã chỉ tính một danh sách.",
    # ... mostly on {hamlet}'s list counted, an old copy of it maybe ('holds-copy'; {file}: how
    # many it lacks, their codes; session 53's review: was a plain refusal's "hãy sửa các ô tô
    # đỏ", the one red cell 'Xóm', whose name would make a second list)
    "status.rejected.holds-copy": "Danh sách gửi riêng này không được tổng hợp: danh sách không ghi tên xóm, phần lớn các hộ trong danh sách đã có trong danh sách xóm {hamlet} gửi kỳ này (có thể tệp này là bản cũ của danh sách đó), còn {file} thì danh sách đó không có. Không sửa ô nào, cũng không gửi lại tệp này.",
    "how.holds-copy": "Nếu các hộ {where} mà danh sách của xóm {hamlet} chưa có vẫn chưa thoát, trưởng xóm {hamlet} ghi các hộ đó vào danh sách của xóm (chèn dưới dòng hộ cuối cùng, đủ các cột như các hộ khác) rồi gửi lại; nếu tệp này là bản cũ của danh sách đó, không cần làm gì thêm. Không gửi lại tệp này, kể cả khi ghi tên xóm vào ô 'Xóm': mỗi xóm, xã chỉ tính một danh sách.",
    # ... its households all on {hamlet}'s list counted ('holds-listed'; session 52's review)
    "status.rejected.holds-listed": "Danh sách gửi riêng này không được tổng hợp: danh sách không ghi tên xóm nhưng các hộ trong danh sách là của xóm {hamlet}, và mọi hộ đều đã có trong danh sách của xóm kỳ này ({file}), đã được tính. Không sửa ô nào, cũng không gửi lại tệp này.",
    # ... nearly all {hamlet}'s, every one on its hamlet's list counted ('holds-listed-several';
    # {file}: how many on each list; session 52's review of 'holds-listed')
    "status.rejected.holds-listed-several": "Danh sách gửi riêng này không được tổng hợp: danh sách không ghi tên xóm, các hộ trong danh sách hầu hết là của xóm {hamlet}, và mọi hộ đều đã có trong danh sách các xóm kỳ này, đã được tính ({file}). Không sửa ô nào, cũng không gửi lại tệp này.",
    "how.holds-listed-several": "Không cần làm gì thêm: các hộ {where} đều đã có trong danh sách các xóm kỳ này. Nếu tệp này ghi khác (phân loại hộ, số nhân khẩu…), hãy sửa trên danh sách của xóm có hộ đó rồi gửi lại. Không gửi lại tệp này, kể cả khi ghi tên xóm vào ô 'Xóm': mỗi xóm, xã chỉ tính một danh sách.",
    # ... its codes no one hamlet's, every one on its hamlet's list counted ('holds-listed-mixed';
    # {file}: how many on each list; session 52, RH)
    "status.rejected.holds-listed-mixed": "Danh sách gửi riêng này không được tổng hợp: danh sách không ghi tên xóm, các hộ trong danh sách là của nhiều xóm, và mọi hộ đều đã có trong danh sách các xóm kỳ này, đã được tính ({file}). Không sửa ô nào, cũng không gửi lại tệp này.",
    "how.holds-listed-mixed": "Không cần làm gì thêm: các hộ {where} đều đã có trong danh sách các xóm kỳ này. Nếu tệp này ghi khác (phân loại hộ, số nhân khẩu…), hãy sửa trên danh sách của xóm có hộ đó rồi gửi lại. Không gửi lại tệp này, kể cả khi ghi tên xóm vào ô 'Xóm': mỗi xóm, xã chỉ tính một danh sách.",
    # ... households of two hamlets or more ({hamlet}: their names), each left off its own list
    # counted ('holds-several'; {file}: hamlet by hamlet, which head writes which on which
    # file): each head writes his own, no cell to fix (session 52, RH2)
    "status.rejected.holds-several": "Danh sách gửi riêng này không được tổng hợp: danh sách không ghi tên xóm, các hộ trong danh sách là của các xóm {hamlet}, mà danh sách các xóm đó gửi kỳ này không có ({file}). Không sửa ô nào, cũng không gửi lại tệp này.",
    "how.holds-several": "Mỗi trưởng xóm ghi các hộ {where} của xóm mình vào danh sách của xóm mình (chèn dưới dòng hộ cuối cùng, đủ các cột như các hộ khác) rồi gửi lại. Không gửi lại tệp này, kể cả khi ghi tên xóm vào ô 'Xóm': mỗi xóm, xã chỉ tính một danh sách.",
    # ... of one hamlet ({hamlet}) left off its list counted, every hamlet of the plan having a
    # list ('holds-all-sent'; {file}: how many, their codes): its head writes them (session 53)
    "status.rejected.holds-all-sent": "Danh sách gửi riêng này không được tổng hợp: danh sách không ghi tên xóm, có các hộ của xóm {hamlet} mà danh sách của xóm gửi kỳ này không có ({file}). Không sửa ô nào, cũng không gửi lại tệp này.",
    "how.holds-all-sent": "Trưởng xóm {hamlet} ghi các hộ {where} mà danh sách của xóm chưa có vào danh sách của xóm (chèn dưới dòng hộ cuối cùng, đủ các cột như các hộ khác) rồi gửi lại. Không gửi lại tệp này, kể cả khi ghi tên xóm vào ô 'Xóm': mỗi xóm, xã chỉ tính một danh sách.",
    # ... its codes nearly all {hamlet}'s, held apart so ('holds-held-all-sent'; {file}: how
    # many, their codes): not counted till its head writes them (session 53)
    "status.rejected.holds-held-all-sent": "Danh sách gửi riêng này không được tổng hợp: danh sách không ghi tên xóm nhưng các mã hộ trong danh sách là của xóm {hamlet}, có các hộ mà danh sách của xóm gửi kỳ này không có ({file}); chừng nào các hộ đó chưa được ghi vào danh sách của xóm, xóm {hamlet} chưa được tính vào số liệu toàn xã. Không sửa ô nào, cũng không gửi lại tệp này.",
    "how.holds-held-all-sent": "Trưởng xóm {hamlet} ghi các hộ {where} mà danh sách của xóm chưa có vào danh sách của xóm (chèn dưới dòng hộ cuối cùng, đủ các cột như các hộ khác) rồi gửi lại. Không gửi lại tệp này, kể cả khi ghi tên xóm vào ô 'Xóm': mỗi xóm, xã chỉ tính một danh sách.",
    # ... every household on the list of {value}, the neighbour it names ('codes-listed'):
    # written there as 'codes-moved' said; nothing to do (session 52's review)
    "status.rejected.codes-listed": "Danh sách gửi riêng này không được tổng hợp: danh sách ghi xóm '{value}' nhưng các hộ trong danh sách là của xóm {hamlet}, và mọi hộ đều đã có trong danh sách của xóm '{value}' kỳ này ({file}), đã được tính. Không sửa ô nào, cũng không gửi lại tệp này.",
    "how.codes-listed": "Không cần làm gì thêm: các hộ {where} đều đã có trong danh sách của xóm '{value}' kỳ này. Nếu tệp này ghi khác (phân loại hộ, số nhân khẩu…), hãy sửa trên danh sách của xóm '{value}' rồi gửi lại. Không gửi lại tệp này, kể cả khi sửa ô 'Xóm': mỗi xóm, xã chỉ tính một danh sách.",
    # said on the corrected list's feedback of each list apart to write on it (session 52)
    # a counted list whose hamlet has households on a list naming no hamlet of two hamlets or
    # more ('holds-several'), whose feedback goes to the first hamlet's head (session 54's
    # review: this head was told only that they exited)
    "how.apart.several": "Tệp '{file}' (gửi riêng, không ghi tên xóm, không được tính) có hộ của xóm mà danh sách này chưa có: {households}. Các hộ đó không phải đã thoát, đừng ghi 'Thoát' cho các hộ đó. Hãy ghi các hộ đó vào danh sách này (chèn dưới dòng hộ cuối cùng, đủ các cột như các hộ khác; hỏi xã nếu cần bản sao tệp đó) rồi gửi lại; không gửi lại tệp '{file}'.",
    "how.apart.refused": "Khi sửa danh sách này, hãy ghi thêm vào đây các hộ của tệp '{file}' (gửi riêng, các mã hộ là của xóm) mà danh sách này chưa có (chèn dưới dòng hộ cuối cùng, đủ các cột như các hộ khác; xem phản hồi của tệp đó), rồi gửi lại danh sách này: mỗi xóm, xã chỉ tính một danh sách. Không gửi lại tệp '{file}'.",
    "how.holds-listed": "Không cần làm gì thêm: các hộ {where} đều đã có trong danh sách của xóm {hamlet} kỳ này. Nếu tệp này ghi khác (phân loại hộ, số nhân khẩu…), hãy sửa trên danh sách của xóm rồi gửi lại. Không gửi lại tệp này, kể cả khi ghi tên xóm vào ô 'Xóm': mỗi xóm, xã chỉ tính một danh sách.",
    "errors.note.neighbour": "ô tô đỏ – không sửa để gửi lại: các hộ chỉ được tính khi được ghi vào danh sách của xóm {hamlet}",
    "status.rejected.former-sent": "Danh sách chưa được tổng hợp vì ô 'Xóm' ghi '{value}', là tên cũ của xóm {instead}, và xóm {instead} đã có danh sách kỳ này ({file}) được tính. Nếu tệp này mới là bản đúng, hãy sửa ô 'Xóm' thành '{instead}' (xem bảng dưới) rồi gửi lại để thay cho tệp kia; nếu không, không cần gửi lại tệp này.",
    "status.rejected.former-sent-blank": "Danh sách chưa được tổng hợp vì ô 'Xóm' đang trống và tiêu đề ghi xóm '{value}', là tên cũ của xóm {instead}, và xóm {instead} đã có danh sách kỳ này ({file}) được tính. Nếu tệp này mới là bản đúng, hãy ghi '{instead}' vào ô 'Xóm' (xem bảng dưới) rồi gửi lại để thay cho tệp kia; nếu không, không cần gửi lại tệp này.",
    "reason.invalid-period": "kỳ báo cáo '{value}' không đọc được",
    "reason.missing-period": "chưa ghi kỳ báo cáo (tháng, năm) của danh sách",
    "reason.missing-column": "thiếu cột bắt buộc {columns}",
    "reason.no-roster-sheet": "không tìm thấy trang danh sách hộ",
    "reason.empty-list": "không có hộ nào trong danh sách",
    "how.copies": "Các trang sau ({sheets}) là bản sao tệp xóm đã gửi, giữ nguyên vị trí các ô: ô {cell} trong bảng dưới chính là ô {cell} của trang '{sheet}'. Bấm vào ô ở cột '{column}' để đến thẳng ô cần sửa; di chuột lên ô tô màu để đọc ghi chú. Hãy sửa trong tệp gốc của xóm rồi gửi lại cho xã.",
    # the file's other sheets holding a value (a 'Ghi chú' notes sheet): not in the copy
    "how.others": "Các trang khác của tệp ({sheets}) không được chép vào đây, vẫn còn nguyên trong tệp gốc; khi gửi lại, hãy gửi tệp gốc để giữ các trang đó.",
    # copies with no cell to colour: only rows to add (households no longer listed, an empty list)
    "how.rows": "Các trang sau ({sheets}) là bản sao tệp xóm đã gửi, giữ nguyên vị trí các ô; không có ô nào phải sửa. {add} Hãy ghi trong tệp gốc của xóm rồi gửi lại cho xã.",
    "how.add.vanished": "Hộ nào ở bảng dưới không còn trong danh sách thì ghi lại dòng của hộ đó vào trang '{sheet}', chèn ngay dưới dòng {row} (dòng của hộ cuối cùng), đủ các cột như các hộ khác; hộ đã thoát thì ghi Phân loại hộ 'Thoát'.",
    # a list whose class is marked in columns: the exited column to mark, or one to add
    "how.add.vanished.marks": "Hộ nào ở bảng dưới không còn trong danh sách thì ghi lại dòng của hộ đó vào trang '{sheet}', chèn ngay dưới dòng {row} (dòng của hộ cuối cùng), đủ các cột như các hộ khác; hộ đã thoát thì đánh dấu 'x' ở cột '{column}'.",
    "how.add.vanished.marks-no-exit": "Hộ nào ở bảng dưới không còn trong danh sách thì ghi lại dòng của hộ đó vào trang '{sheet}', chèn ngay dưới dòng {row} (dòng của hộ cuối cùng), đủ các cột như các hộ khác; hộ đã thoát thì thêm cột 'Thoát' bên cạnh cột '{column}' và đánh dấu 'x' ở cột đó.",
    # ... or, where it marks the class at the start of the period too, the marks to write
    "how.add.vanished.marks-start-only": "Hộ nào ở bảng dưới không còn trong danh sách thì ghi lại dòng của hộ đó vào trang '{sheet}', chèn ngay dưới dòng {row} (dòng của hộ cuối cùng), đủ các cột như các hộ khác; hộ đã thoát thì {column}.",
    "how.add.empty": "Hãy ghi các hộ vào trang '{sheet}', chèn ngay dưới dòng {row} (dòng tiêu đề), đủ các cột như mẫu; hộ đã thoát thì ghi Phân loại hộ 'Thoát'.",
    "how.add.empty.marks": "Hãy ghi các hộ vào trang '{sheet}', chèn ngay dưới dòng {row} (dòng tiêu đề), đủ các cột như mẫu, và đánh dấu 'x' ở cột loại của từng hộ; hộ đã thoát thì đánh dấu 'x' ở cột '{column}'.",
    "how.add.empty.marks-no-exit": "Hãy ghi các hộ vào trang '{sheet}', chèn ngay dưới dòng {row} (dòng tiêu đề), đủ các cột như mẫu, và đánh dấu 'x' ở cột loại của từng hộ; hộ đã thoát thì thêm cột 'Thoát' bên cạnh cột '{column}' và đánh dấu 'x' ở cột đó.",
    "how.add.empty.marks-start-only": "Hãy ghi các hộ vào trang '{sheet}', chèn ngay dưới dòng {row} (dòng tiêu đề), đủ các cột như mẫu, và đánh dấu 'x' ở cột loại của từng hộ; hộ đã thoát thì {column}.",
    "how.plain": "Sửa theo bảng dưới trong tệp gốc của xóm rồi gửi lại cho xã.",
    "how.info": "Trang '{sheet}' do xã thêm vào tệp này, ghi những gì xã đã hiểu từ danh sách của xóm. Bấm vào ô ở cột '{column}' để đến thẳng ô cần ghi; di chuột lên ô tô màu để đọc ghi chú. Hãy chép trang đó vào tệp gốc của xóm, ghi các ô tô màu, rồi gửi lại cho xã.",
    "how.file": "Gửi lại cho xã danh sách của xóm trong một tệp Excel (.xlsx) theo mẫu: mở tệp gốc bằng Excel, chọn Lưu thành (Save As), kiểu Sổ làm việc Excel (.xlsx). Xem thêm bảng dưới.",
    "how.file.counted": "Nếu danh sách đã được tổng hợp ({file}) là bản đúng, không cần gửi lại. Nếu tệp này mới là bản đúng, hãy mở tệp gốc bằng Excel, chọn Lưu thành (Save As), kiểu Sổ làm việc Excel (.xlsx), rồi gửi lại cho xã tệp vừa lưu.",
    "how.superseded": "Không cần sửa bản này: xã đã tổng hợp bản mới hơn của xóm.",
    "how.superseded.refused": "Không cần sửa bản này: hãy sửa bản mới hơn ({newer}) theo phản hồi của bản đó rồi gửi lại.",
    "none": "Không có lỗi.",
    "col.value": "Giá trị đã ghi",
    "col.fix": "Cần sửa",
    "comment.author": "UBND xã {commune}",
    "print.header": "&LBản sao tệp '{file}' – ô tô đỏ: lỗi, ô tô vàng: cảnh báo; cần sửa gì: xem bảng ở trang 'Hướng dẫn sửa', theo cột 'Ô'",
    # the 'Thông tin' sheet added for a list sent without one: what the run understood
    "print.header.info": "&LTrang 'Thông tin' xã thêm vào cho tệp '{file}' – ô tô màu: cần ghi hoặc kiểm tra",
    "info.hamlet.blank": "Hãy ghi tên xóm, đúng như trong kế hoạch của xã.",
    "info.hamlet.unknown": "Xóm '{value}' không có trong kế hoạch của xã: hãy ghi đúng tên xóm như trong kế hoạch.",
    "info.period.blank": "Hãy ghi kỳ báo cáo, dạng tháng/năm (ví dụ {example}).",
    "info.total.plan": "Xã đã dùng số hộ đầu năm trong kế hoạch ({n} hộ). Hãy ghi tổng số hộ dân cư hiện tại của xóm nếu khác.",
    "info.total.blank": "Hãy ghi tổng số hộ dân cư hiện tại của xóm (một số, ví dụ 102).",
    "info.preparer": "Hãy ghi họ tên người lập danh sách.",
    "info.prepared_on": "Hãy ghi ngày lập danh sách (ngày/tháng/năm, ví dụ 03/06/2024).",
    # a cell to fix in a column the head's file hides (_in_hidden_columns), as rows-hidden says
    "hidden.column": " Cột {col} đang bị ẩn trong tệp của xóm: hãy bỏ ẩn cột đó (chọn các cột ở "
    "bên trái và bên phải, chuột phải > Bỏ ẩn) để thấy ô này.",
    # ... column A, which has no column on its left to select (session 43, review)
    "hidden.column.first": " Cột A đang bị ẩn trong tệp của xóm: hãy bỏ ẩn cột đó (bấm ô góc "
    "trên bên trái của trang để chọn cả trang, chuột phải vào tên một cột > Bỏ ẩn) để thấy ô này.",
}


# the last sentence of 'Cách sửa' of a copy ('how.copies'), left out where the rows are kept
_SEND_AGAIN = "Hãy sửa trong tệp gốc của xóm rồi gửi lại cho xã."


def _t(key: str, **fields: object) -> str:
    return said_with_unit(_TEXT[key], **fields)


def has_text(key: str) -> bool:
    """Whether the feedback has a text ``key`` (as 'how.codes-held'): a list apart's variant's
    status and 'Cách sửa' (pipeline.apart_variants) are checked to be there (session 53)."""
    return key in _TEXT


def write_feedback_file(result: RunResult, folder: Path, target: tuple) -> Path:
    """Write one feedback workbook (``target``: a :func:`feedback_targets` item) into
    ``folder/PhanHoi``, atomically; the path written."""
    sub, issues, name = target
    return atomic_write(
        folder / FEEDBACK_DIR / name, lambda tmp: write_feedback(result, sub, issues, tmp)
    )


# --- the workbook ---------------------------------------------------------------------------

_BASE = {"font_name": FONT, "font_size": 11, "valign": "vcenter"}
_DATE = "dd/mm/yyyy"
_DATETIME = "dd/mm/yyyy hh:mm"
_TIME = "hh:mm:ss"
_DURATION = "[h]:mm:ss"  # hours past 24 kept: 26:30:00, not '1 day, 2:30:00'
_MONEY = "#,##0"
_MIN_WIDTH, _MAX_WIDTH = 4.0, 40.0
_MAX_ROW, _MAX_COL = 1_048_575, 16_383
_MAX_LINKS = 65_000
_COMMENT_CHARS = 55  # characters per line of a note 3 × the default width


def _put_note(ws: Worksheet, row: int, col: int, messages: list[str]) -> None:
    """A note on a cell, three times the default width and as tall as its lines (one or more
    messages, each starting a line)."""
    lines = sum(len(m) // _COMMENT_CHARS + 1 for m in messages)
    text = "\n".join(messages)
    ws.write_comment(row, col, text, {"x_scale": 3, "y_scale": max(1.0, (lines * 15 + 12) / 74)})


GUIDE_WIDTHS = [5, 13, 7, 6, 18, 18, 10, 62]
_VALUE_COL = 3  # column D: where the block above the table puts its values


class _Formats:
    """Formats of the feedback workbook: the consolidated workbook's, plus the copy sheets'."""

    def __init__(self, wb: Workbook) -> None:
        self.wb = wb
        self.st = Styles(wb)
        self._cache: dict[tuple, Format] = {}

    def get(self, **props: Any) -> Format:
        key = tuple(sorted(props.items()))
        if key not in self._cache:
            self._cache[key] = self.wb.add_format({**_BASE, **props})
        return self._cache[key]

    def copy_cell(
        self,
        mark: str | None,
        num_format: str | None,
        header: bool,
        box: bool = False,
        wrap: bool = False,
        center: bool = False,
        title: bool = False,
        strike: bool = False,
        left: bool = False,
        emphasis: tuple[bool, bool] | None = None,
    ) -> Format:
        """A copied cell's format: ``box``: in the table (bordered); ``wrap``: a text too long
        for its column, or of several lines, shown whole on lines of its own; ``center``: a
        title's or a signature's text, centred in its merged range; ``title``: the sheet's
        title, bold in the size of the other sheets' titles; ``strike``: struck through in
        the head's file; ``left``: a header's text at its range's left, where the range
        begins in the columns repeated on later pages (session 57); ``emphasis``: (bold,
        italic) as the head wrote a text below his table (his bold 'Trưởng xóm')."""
        props: dict[str, Any] = {"border": 1} if box else {}
        if emphasis is not None:
            if emphasis[0]:
                props["bold"] = True
            if emphasis[1]:
                props["italic"] = True
        if strike:
            props["font_strikeout"] = True
        if title:
            props.update(bold=True, font_size=_TITLE_SIZES[0])
        if wrap:
            props["text_wrap"] = True
        if center:
            props["align"] = "center"
        if header:
            props.update(bold=True, text_wrap=True, align="center", bg_color=HEADER_FILL, border=1)
            if left:
                props["align"] = "left"
        if num_format:
            props["num_format"] = num_format
        if mark == "error":
            props.update(bg_color=ERROR_FILL, bold=True, border=1, border_color="#C00000")
        elif mark == "warning":
            props.update(bg_color=WARNING_FILL, border=1, border_color="#BF8F00")
        return self.get(**props)


def _parse_cell(cell: str) -> tuple[int, int] | None:
    where = cell_position(cell)
    if where is None:
        return None
    row, col = where
    if row > _MAX_ROW or col > _MAX_COL:
        return None
    return row, col


def _issue_order(issue: Issue) -> tuple:
    where = _parse_cell(issue.cell)
    return (
        0 if issue.severity == "error" else 1,
        issue.row or 0,
        issue.sheet,
        where[1] if where else -1,
        issue.code,
        issue.column,
        issue.value,
    )


def _position(issue: Issue) -> tuple[int, int] | None:
    """0-based (row, col) to highlight: the issue's cell, else its row's first cell."""
    where = _parse_cell(issue.cell)
    if where:
        return where
    if issue.row and 1 <= issue.row <= _MAX_ROW + 1:
        return issue.row - 1, 0
    return None


# The value column, and a message quoting a cell, show the cell as the file holds it (read again
# for the copies), not the run's reading of it: 'nghèo' stays 'nghèo' where the run reads 'Hộ
# nghèo', and a blank cell stays blank where the run used the plan's figure instead.
# Codes whose value is no text of the file (a figure the run used, a count, a household of the
# start list, a cell address): when the cell cannot be read, the value column stays empty.
_VALUE_NOT_WRITTEN = frozenset(
    {
        "missing-total-households",
        "vanished-household",
        "text-sanitised",
        "legacy-text-decoded",
        "too-many-rows",
        "superseded",
        "empty-list",
        "missing-column",
        "missing-indicator-column",
        "sheet-not-read",  # its value is the columns the sheet lacks
    }
)
# A cell showing an error ('#REF!') is read as blank: the issue's value is what Excel shows (in
# a list's cells and in its 'Thông tin' values alike). So is a formula without a value: its
# value, where the message quotes it (a text typed after '=', '=Nà Mòn'), is the formula.
_VALUE_READ_AS_BLANK = frozenset(
    {
        "cell-error-value",
        "optional-cell-error-value",
        "info-error-value",
        "info-error-value-skipped",
        "formula-without-value",
        "optional-formula-without-value",
        "info-formula-without-value",
        "info-formula-skipped",
    }
)
# Codes whose cell is the row's first (its STT), marking the row, not a value to fix: their
# value column shows the issue's value, as 'Lỗi dữ liệu' does, not the row's number (session 48).
_ROW_MARKED = frozenset({"moved-not-listed", "rows-below-signature"})
# Codes whose message quotes the cell's own text ('{value}'): quoted as the cell holds it.
_QUOTES_CELL = frozenset(
    {
        "classification-mismatch",
        "note-says-moved-away",
        "invalid-classification",
        "invalid-class-mark",
        "invalid-household-size",
        "invalid-birth-year",
        "birth-year-from-age",
        "birth-date-serial",
        "birth-year-two-digits",
        "invalid-id-number",
        "invalid-deprivation-mark",
        "invalid-income",
        "income-per-household",
        "negative-income",
        "invalid-gender",
        "unknown-ethnicity",
        "unknown-vocabulary",
        "cause-under-group",
        "duplicate-household-id",
        "household-id-is-count",
        "household-id-is-id-number",
        "unknown-hamlet",
        "invalid-period",
        "invalid-total-households",
        "leading-equals-sign",
        "head-name-is-total",
        "questioned-classification",
        "questioned-deprivation",
    }
)


def _said_to_head(issue: Issue) -> Issue:
    """The issue as its message is said to the hamlet head: a message worded for the officer
    ("Hãy nhờ trưởng xóm …", the commune's plans in its folder, whose list to merge) has a
    variant said to the head (``IssueType.head_variant``), which the head reads."""
    variant = issue.variant.removesuffix("-title") + "-blank" if _blank_titled(issue) else None
    said = CATALOGUE[issue.code].head_variant(variant or issue.variant)
    return issue if said is None else replace(issue, variant=said)


def _blank_titled(issue: Issue) -> bool:
    """A refusal of the former name read from the title (variant 'former-title' or
    'former-sent-title') at the list's own 'Xóm' cell, blank (the hamlet is read from the title
    only where that cell is blank or missing; missing, the issue has no cell): the PhanHoi keeps
    it blank, so the head is told it is blank, not that it writes the name (session 34)."""
    return (
        issue.code == "unknown-hamlet"
        and issue.variant in ("former-title", "former-sent-title")
        and bool(issue.cell)
    )


@dataclass
class _Shown:
    """An issue as the feedback shows it."""

    issue: Issue
    where: tuple[int, int] | None  # 0-based cell marked in the copy
    linked: bool  # ``where`` is the issue's own cell (the guide links to it), not its row's
    value: str  # what the cell holds
    message: str
    # ``value`` as its pieces, each (text, struck), where the head struck part of it (the cell
    # read as the text left, shown as the file holds it; session 67, D)
    struck: StruckPieces = ()


def _cell_value(grid: list[list[Any]], where: tuple[int, int]) -> Any:
    row, col = where
    if row < len(grid) and col < len(grid[row]):
        return grid[row][col]
    return None


def _shown(
    sub: Submission,
    issues: list[Issue],
    grids: dict[str, list[list[Any]]],
    lang: str,
    struck_runs: dict[str, dict[tuple[int, int], StruckPieces]] | None = None,
) -> list[_Shown]:
    """``issues`` as the feedback shows them; ``struck_runs``: the texts struck in part of each
    sheet (``Workbook.struck_runs``), each shown in the value column as the file holds it, the
    struck part struck, where the cell read (the text left) would be (session 67, D)."""
    slots = _missing_column_cells(sub, issues, grids)
    shown: list[_Shown] = []
    for index, issue in enumerate(issues):
        cell = _parse_cell(issue.cell)
        grid = grids.get(issue.sheet)
        value = in_language(issue.value, lang)
        quoted = _said_to_head(issue)
        struck: StruckPieces = ()
        if cell is not None and grid is not None and issue.code not in _ROW_MARKED:
            written = as_shown(_cell_value(grid, cell))
            if written or issue.code not in _VALUE_READ_AS_BLANK:
                value = written
                runs = (struck_runs or {}).get(issue.sheet, {}).get(cell)
                struck = _pieces_shown(runs) if runs else ()
                if struck:  # as the file holds it ('~~NM5~~ NM6'), not as read ('NM6')
                    value = "".join(text for text, _ in struck)
            if (
                written
                and issue.code in _QUOTES_CELL
                and written != issue.value
                and issue.variant != "typed"  # the formula as typed, not what Excel shows
                and not (
                    issue.code == "classification-mismatch" and vocab.deprivation_mark(written)
                )
            ):  # a class read from its mark column is the column's, not the 'x' in its cell
                quoted = replace(quoted, value=written)
        elif issue.code in _VALUE_NOT_WRITTEN:
            value = ""
        where = slots.get(index) or _position(issue)
        linked = cell is not None or index in slots
        shown.append(_Shown(issue, where, linked, value, quoted.message(lang), struck))
    return shown


def _pieces_shown(pieces: StruckPieces) -> StruckPieces:
    """A text struck in part (:data:`~pipeline.sheetscan.StruckPieces`, as the file keeps it)
    as the guide quotes a cell (:func:`~pipeline.text.as_shown`): composed (NFC), each run of
    spaces one space, its ends trimmed, the struck pieces as they were; () where the text so
    made is not the one :func:`as_shown` makes (a control character taken out: shown plain)."""
    chars: list[tuple[str, bool]] = []
    for piece, struck in pieces:
        for ch in unicodedata.normalize("NFC", piece):
            if ch.isspace():
                if not chars or chars[-1][0] == " ":
                    continue
                ch = " "
            chars.append((ch, struck))
    while chars and chars[-1][0] == " ":
        chars.pop()
    text = "".join(ch for ch, _ in chars)
    if text != as_shown("".join(piece for piece, _ in pieces)):
        return ()
    out: list[list[Any]] = []
    for ch, struck in chars:
        if out and out[-1][1] == struck:
            out[-1][0] += ch
        else:
            out.append([ch, struck])
    return tuple((piece, struck) for piece, struck in out) if len(out) > 1 else ()


_HIDDEN_SAID_OR_NOTHING_TO_FIX = frozenset({"unknown-column", "column-twice-ignored"})


def _in_hidden_columns(
    shown: list[_Shown], hidden: dict[str, set[int]], merges: dict[str, list[Merge]]
) -> list[_Shown]:
    """``shown``, each cell to fix in a column its sheet hides in the head's own file told so,
    with how to show it: the copy shows every column, the head's file skips its letter (G, I;
    session 43). Hiding columns to print is common and said nowhere else (session 19). Not a
    column not read (nothing to fix in it) nor a header written twice (said hidden already),
    nor a merged cell that a shown column of its range shows (a title over A1:Z1, A hidden)."""
    out = []
    for entry in shown:
        cols = hidden.get(entry.issue.sheet)
        if (
            cols
            and entry.linked
            and entry.where is not None
            and entry.where[1] in cols
            and entry.issue.code not in _HIDDEN_SAID_OR_NOTHING_TO_FIX
            and not _shown_merged(entry.where, cols, merges.get(entry.issue.sheet, ()))
        ):
            col = entry.where[1]
            text = (
                _t("hidden.column.first")
                if col == 0
                else _t("hidden.column", col=column_letter(col))
            )
            entry = replace(entry, message=entry.message + text)
        out.append(entry)
    return out


def _shown_merged(where: tuple[int, int], hidden: set[int], merges: list[Merge] | tuple) -> bool:
    """Whether the cell ``where`` heads a merged range with a column not in ``hidden``."""
    row, col = where
    return any(
        r1 == row and c1 == col and not all(c in hidden for c in range(c1, c2 + 1))
        for r1, c1, _, c2 in merges
    )


def _header_rows(sub: Submission, sheet: str, row: int) -> range:
    """The rows (0-based) of the table header of ``sheet`` that ends at ``row``."""
    found = sub.extra.get("tables") or [(sub.sheet, sub.extra.get("header"), None)]
    for name, header, _ in found:
        first, last = getattr(header, "first_row", None), getattr(header, "last_row", None)
        if (
            name == sheet
            and isinstance(first, int)
            and isinstance(last, int)
            and first <= row <= last
        ):
            return range(first, last + 1)
    return range(row, row + 1)


def _missing_column_cells(
    sub: Submission, issues: list[Issue], grids: dict[str, list[list[Any]]]
) -> dict[int, tuple[int, int]]:
    """index of a missing-column issue -> the cell its note goes on: the first empty cells right
    of the header (one per missing column, on the header's last row). There it blames no column
    the file has, and it sits in the header row where a column can be added (the header is
    matched by its texts, not their order)."""
    cells: dict[int, tuple[int, int]] = {}
    free: dict[tuple[str, int], int] = {}
    for index, issue in enumerate(issues):
        grid = grids.get(issue.sheet)
        if (
            issue.code not in ("missing-column", "missing-indicator-column")
            or grid is None
            or issue.cell
            or not issue.row
        ):
            continue
        row = issue.row - 1
        if (issue.sheet, row) not in free:
            used = [
                c
                for r in _header_rows(sub, issue.sheet, row)
                if 0 <= r < len(grid)
                for c, v in enumerate(grid[r])
                if _typed(v)[0] != "blank"
            ]
            free[issue.sheet, row] = max(used, default=-1) + 1
        col = free[issue.sheet, row]
        if row > _MAX_ROW or col > _MAX_COL:
            continue
        cells[index] = (row, col)
        free[issue.sheet, row] = col + 1
    return cells


def _reason(issues: list[Issue], lang: str) -> str:
    parts: list[str] = []
    missing_columns: list[str] = []
    for issue in issues:
        if issue.severity != "error":
            continue
        if issue.code in ("missing-column", "column-misnamed"):
            name = issue.detail if issue.code == "column-misnamed" else issue.column
            if name and f"'{name}'" not in missing_columns:
                missing_columns.append(f"'{name}'")
            continue
        key = f"reason.{issue.code}"
        if period_written_nowhere(issue):
            text = _t("reason.missing-period")
        elif issue.code == "unknown-hamlet" and issue.variant.startswith("former"):
            key = "reason.unknown-hamlet.former" + ("-blank" if _blank_titled(issue) else "")
            text = _t(key, value=issue.value, instead=issue.instead)
        elif key in _TEXT:  # worded for the hamlet head
            text = _t(key, value=issue.value)
        elif issue.code in REASON_CODES:  # as the officer's 'Nộp báo cáo' says it
            text = reason_text(issue, lang)
        else:
            continue
        if text not in parts:
            parts.append(text)
    if missing_columns:
        parts.insert(0, _t("reason.missing-column", columns=", ".join(missing_columns)))
    return "; ".join(parts) or _t("reason.default")


def _newer_copy(issues: list[Issue]) -> str:
    """The file that superseded this one, as its 'superseded' issue names it."""
    return next((str(i.detail) for i in issues if i.code == "superseded" and i.detail), "")


@dataclass(frozen=True)
class _Coloured:
    """What the workbook's sheets show in colour, so that the guide says only what is there:
    ``red``/``yellow``: some cell of a copy or of the added 'Thông tin' is filled so;
    ``warnings_elsewhere``: some warning marks no cell at all (a household no longer listed),
    so the table alone tells it."""

    red: bool
    yellow: bool
    warnings_elsewhere: bool

    @classmethod
    def of_sheets(
        cls,
        shown: list[_Shown],
        copied: set[str],
        info: list[_InfoRow] | None,
        info_name: str | None,
    ) -> _Coloured:
        """From what the sheets written show: the copies' marks (``copied``: their names in
        the file) and the added 'Thông tin' sheet's (``info``, named ``info_name``)."""
        fills: list[str] = []
        for sheet in copied:
            marks = _marks([e for e in shown if e.issue.sheet == sheet])
            fills += [worst for worst, _ in marks.values()]
        if info and info_name:
            fills += [row.mark for row in info if row.mark]
        drawn = copied | ({info_name} if info and info_name else set())
        return cls(
            red="error" in fills,
            yellow="warning" in fills,
            warnings_elsewhere=any(
                e.where is None or e.issue.sheet not in drawn
                for e in shown
                if e.issue.severity != "error"
            ),
        )

    def warnings_where(self) -> str:
        """'' (yellow cells), '.table' (the table alone) or '.both': where the warnings are."""
        if not self.yellow:
            return ".table"
        return ".both" if self.warnings_elsewhere else ""


def _errors_note(
    errors: int, coloured: _Coloured, issues: list[Issue] = (), waiting: str = "", thoat: str = ""
) -> str:
    """The note beside the count of errors: "see the table" when no cell is red; of a list
    sent apart by a merged hamlet, that its red cell is not to be fixed (where its households
    go instead); of a list whose rows are right, waiting for ``waiting`` (:func:`_kept_waiting`),
    that they are kept; of a list whose only errors are rows another hamlet's writes 'Thoát'
    (``thoat``: :func:`_thoat_waiting`), kept if the household is still poor (session 61)."""
    if waiting:
        return _t("errors.note.kept", others=waiting)
    if thoat and coloured.red:
        return _t("errors.note.thoat", others=thoat)
    merged = _merged_refusal(list(issues))
    if merged is not None:
        key = "errors.note." + ("listed" if merged.variant in JOINED_LISTED_VARIANTS else "merged")
        return _t(key, instead=in_language(merged.instead, "vi"))
    joined = _joined_refusal(list(issues))
    if joined is not None:
        return _t("errors.note.joined", instead=in_language(joined.instead, "vi"))
    copied = _copied_refusal(list(issues))
    if copied is not None:
        return _t("errors.note.copied", instead=copied.instead)
    neighbour = _neighbour_refusal(list(issues))
    if neighbour is not None:
        # the hamlet whose list holds them, or is to: its codes', the neighbour named (moved
        # in: session 51's review), or none (several hamlets'; pipeline.apart_variants)
        row = apart_variant(neighbour)
        whose = {"codes": _codes_hamlet(neighbour), "value": neighbour.value,
                 "quoted": f"'{neighbour.value}'"}.get(row.note_of)  # fmt: skip
        return _t("errors.note." + row.note, instead=whose, hamlet=whose)
    return _t("errors.note.table" if errors and not coloured.red else "errors.note")


# the variants of a Mã hộ written twice told at the row the start list gives the code to,
# "Dòng này ghi đúng mã: hãy giữ nguyên", each with its twin's at the other list's row
# (moves.duplicate_renumbered; session 53)
_KEPT_DUPLICATES = {"renumbered-new": "renumbered-old", "slip-new": "slip-old"}


def _kept_waiting(file: str, issues: list[Issue], every: list[Issue]) -> str:
    """The hamlets ("xóm Nà Mòn", Vietnamese alphabetical order) whose lists are to correct
    their codes before ``file`` counts, when it is refused as every row it reads is left out
    for a Mã hộ another hamlet's list writes too (all-rows-rejected 'across') and each of its
    errors is a row the start list says writes the right code (:data:`_KEPT_DUPLICATES`): its
    head keeps them, nothing to send again (session 54). ``every``: the run's issues, its
    twins' rows among them. "" otherwise."""
    errors = [i for i in issues if i.severity == "error"]
    across = [i for i in errors if i.code == "all-rows-rejected" and i.variant == "across"]
    kept = [i for i in errors if i.code == "duplicate-household-id"
            and i.variant in _KEPT_DUPLICATES]  # fmt: skip
    if not across or not kept or len(across) + len(kept) != len(errors):
        return ""
    twins = {(id_key(i.value), _KEPT_DUPLICATES[i.variant]) for i in kept}
    hamlets = {j.hamlet for j in every if j.code == "duplicate-household-id" and j.hamlet
               and j.file != file and (id_key(j.value), j.variant) in twins}  # fmt: skip
    return ", ".join(with_unit(h) for h in sorted(hamlets, key=vi_key))


def _thoat_waiting(sub: Submission, issues: list[Issue], every: list[Issue]) -> str:
    """The hamlets ("xóm Nà Mòn", Vietnamese alphabetical order) whose lists write 'Thoát'
    rows of households ``sub``'s list still lists, when it is counted and each of its errors is
    such a row ('duplicate-household-id' 'thoat-elsewhere': the two lists contradicting each
    other): its head keeps the row if the household is still poor, the other list deletes its
    row (session 61). ``every``: the run's issues, the 'thoat-of-other' rows among them. ""
    otherwise."""
    if sub.status not in COUNTED:
        return ""
    errors = [i for i in issues if i.severity == "error"]
    told = [i for i in errors if i.code == "duplicate-household-id"
            and i.variant == "thoat-elsewhere"]  # fmt: skip
    if not told or len(told) != len(errors) or sub.rows_rejected != len(told):
        return ""
    codes = {id_key(i.value) for i in told}
    hamlets = {j.hamlet for j in every if j.code == "duplicate-household-id" and j.hamlet
               and j.variant == "thoat-of-other" and j.file != sub.file
               and id_key(j.value) in codes}  # fmt: skip
    return ", ".join(with_unit(h) for h in sorted(hamlets, key=vi_key))


def _neighbour_refusal(issues: list[Issue]) -> Issue | None:
    """The refusal of a list naming a neighbour that sent its own list, its codes a hamlet's
    that sent its own list too (hamlet-codes-of-file-name variant 'codes-held', 'codes-sent',
    'codes-refused' or 'codes-moved', holding.unnamed_holding), if it is one: its head fixes no cell (session 51).
    Also of a list naming no hamlet whose codes' hamlet sent its own list, refused for its
    errors (missing-hamlet 'holds-refused'; session 52), or counted holding them all
    ('holds-listed'; session 52's review): any variant pipeline.apart_variants tells as a list
    apart (session 53)."""
    return next((i for i in issues if apart_variant(i) is not None), None)


def lists_to_write_here(issues: list[Issue], file: str) -> list[str]:
    """The files refused as lists apart whose households are to be written on ``file``, a
    hamlet's own list refused for an error of its own, when it is corrected: a list naming no
    hamlet (missing-hamlet 'holds-refused') or a neighbour (hamlet-codes-of-file-name
    'codes-refused') whose codes are that hamlet's, its issue's detail naming ``file``
    (holding.unnamed_holding; session 52's review). In the order of ``issues``, each once."""
    found: list[str] = []
    for issue in issues:
        row = apart_variant(issue)
        here = row is not None and row.write_here and in_language(issue.detail, "vi") == file
        if here and issue.file not in found:
            found.append(issue.file)
    return found


def lists_holding_several(issues: list[Issue], hamlet: str) -> list[str]:
    """The files refused as lists naming no hamlet of two hamlets' households or more, each
    left off its own list ('holds-several'; holding.unnamed_holding), whose hamlets (its
    issue's instead, "Đồng Kè, Nà Mòn") include ``hamlet``: its head writes them on its own
    list, counted, though the list's feedback goes to the first hamlet's head (session 54's
    review); or of ``hamlet``'s alone when every hamlet sent its list ('holds-all-sent', its
    instead "Đồng Kè"): its head writes them alike (session 54, E4). In the order of
    ``issues``, each once (:func:`several_said` names the households)."""
    found: list[str] = []
    for issue in issues:
        if issue.code != "missing-hamlet" or issue.variant not in (
            "holds-several",
            "holds-all-sent",
        ):
            continue
        named = str(issue.instead or "")
        if (
            named == hamlet
            or named.startswith(f"{hamlet}, ")
            or named.endswith(f", {hamlet}")
            or (f", {hamlet}, " in named)
        ):
            if issue.file not in found:
                found.append(issue.file)
    return found


def several_said(submissions: list[Submission], file: str, hamlet: str) -> str:
    """The households of ``hamlet`` the 'holds-several' or 'holds-all-sent' list ``file``
    holds (one of :func:`lists_holding_several`), as its head is told to write them: each Mã
    hộ and head's name ('NM5 (Hoàng Văn NM5)', holding.households_by_hamlet), joined by ', '."""
    sub = next((s for s in submissions if s.file == file), None)
    held = sub.extra.get(SEVERAL_HOUSEHOLDS, {}) if sub is not None else {}
    return ", ".join(held.get(hamlet, []))


def _codes_hamlet(refusal: Issue) -> str:
    """The hamlet whose codes the list of :func:`_neighbour_refusal`'s ``refusal`` holds: the
    issue's hamlet, or of a list naming no hamlet its ``instead`` (session 52)."""
    return refusal.hamlet or str(refusal.instead)


def _copied_refusal(issues: list[Issue]) -> Issue | None:
    """The refusal of a copy of another hamlet's list saved under this hamlet's name
    (hamlet-codes-of-file-name variant 'same-file', consolidate.copied_for_another), if it is
    one: its head fixes no cell, but sends the hamlet's own list (session 43)."""
    return next((i for i in issues if i.code == "hamlet-codes-of-file-name"
                 and i.variant == "same-file"), None)  # fmt: skip


def _resent_list(sub: Submission, issues: list[Issue]) -> Issue | None:
    """The period-differs-* issue of a list left for another month because it is, byte for
    byte, the hamlet's list of that month sent again (variant 'same-file'), if it is one: its
    head corrects no cell, but sends this month's list (session 52)."""
    if sub.status != "other_period":
        return None
    return next((i for i in issues if i.code in PERIOD_DIFFERS
                 and i.variant == "same-file"), None)  # fmt: skip


def _merged_refusal(issues: list[Issue]) -> Issue | None:
    """The refusal of a list sent apart by the head of a hamlet merged into another in the plan
    (unknown-hamlet variant 'merged' or 'merged-names'; 'joined-sent', its codes new, session
    35; 'joined-listed', already on that hamlet's list, session 36), if it is one: its head
    fixes no cell."""
    return next(
        (i for i in issues if i.code == "unknown-hamlet"
         and i.variant in MERGED_LIST_VARIANTS | JOINED_SENT_VARIANTS | JOINED_LISTED_VARIANTS),
        None,
    )  # fmt: skip


def _joined_refusal(issues: list[Issue]) -> Issue | None:
    """The refusal of a list sent apart by the head of a hamlet merged into another which sent
    no list of the period (unknown-hamlet variant 'joined'; 'joined-title', named by the list's
    title, session 49's review), if it is one: the cell is not to be corrected alone (session
    32)."""
    return next((i for i in issues if i.code == "unknown-hamlet"
                 and i.variant in ("joined", "joined-title")), None)  # fmt: skip


def _apart(issues: list[Issue]) -> Issue | None:
    """The warning that the list's hamlet is left out of the commune's figures for a list sent
    apart (merged-list-apart), if there is one."""
    return next((i for i in issues if i.code == "merged-list-apart"), None)


def _warnings_note(
    sub: Submission, warnings: int, coloured: _Coloured, issues: list[Issue] = ()
) -> str:
    """The key of the note beside the count of warnings: "still counted" only of a list that
    is (not of one left for another month, nor of one whose hamlet is left out of the
    commune's figures); where the warnings are (yellow cells, the table, both) when there are
    some."""
    counted = sub.status in COUNTED and _apart(list(issues)) is None
    key = "warnings.note" if counted else "warnings.note.uncounted"
    return key + coloured.warnings_where() if warnings else key


def status_sentence(
    sub: Submission,
    issues: list[Issue],
    coloured: _Coloured,
    lang: str = "vi",
    newer_counted: bool | None = None,
    counted_instead: str | None = None,
    waiting: str = "",
    thoat: str = "",
) -> str:
    """What became of the file, in one sentence for the hamlet head. ``coloured``: what the
    workbook shows in colour; ``newer_counted``: for a superseded copy, whether the newer copy
    was consolidated (None: not known); ``counted_instead``: for a file that could not be read
    as a list, the hamlet's list of the period counted (None: none); ``waiting``: the hamlets
    whose lists are to correct the codes this one writes right (:func:`_kept_waiting`);
    ``thoat``: the hamlets whose lists write 'Thoát' rows of its households, its only errors
    (:func:`_thoat_waiting`)."""
    errors = sum(1 for i in issues if i.severity == "error")
    warnings = len(issues) - errors
    red = "" if coloured.red else ".table"
    if sub.status == "superseded":
        newer = _newer_copy(issues) or "?"
        key = {True: "status.superseded.used", False: "status.superseded.refused"}.get(
            newer_counted, "status.superseded"
        )
        return _t(key, newer=newer)
    named = next((i for i in issues if i.code in PERIOD_DIFFERS), None)
    if sub.status == "other_period" and named is not None:
        where = named.code.removeprefix("period-differs-from-")
        key = "status.other_period" + ("" if where == "file-name" else f".{where}")
        if named.variant == "title":  # no 'Thông tin': the period read from the title
            key = "status.other_period.no-info" + ("" if where == "file-name" else f".{where}")
        elif named.variant == "same-file":  # last month's file sent again (session 43)
            key = "status.other_period.same-file"
        said = _t(key, period=named.detail, written=named.value)
        if errors:  # its rows' own errors, checked with it (session 51)
            said = f"{said} {_t('status.other_period.errors' + red, n=errors)}"
        return said
    if sub.status in COUNTED:
        if sub.rows_rejected and thoat:  # kept if still poor, nothing to fix (session 61)
            where = "ô tô đỏ" if coloured.red else "xem bảng dưới"
            return _t("status.counted.thoat", n=sub.rows_rejected, others=thoat, where=where)
        if sub.rows_rejected:
            return _t("status.counted.rows" + red, n=sub.rows_rejected)
        if errors:
            return _t("status.counted.errors" + red)
        aparts = [i for i in issues if i.code == "merged-list-apart"]
        if aparts:  # each list apart (two hamlets merged into one may both send: session 49)
            # (a list naming no hamlet, told by its codes, has no name to quote; one naming a
            # neighbour names it as written, no hamlet of its own: session 51)
            lists = "; ".join(f"{str.__str__(i.detail)} của danh sách "
                              + ((f"ghi xóm '{i.value}'" if i.variant == "neighbour"
                                  else f"xóm '{i.value}'") if i.value else "không ghi tên xóm")
                              for i in aparts)  # fmt: skip
            return _t("status.counted.apart", lists=lists)
        others = _others_left_out(issues)
        if others:
            return _t("status.counted.others" + coloured.warnings_where(), n=warnings,
                      hamlet=_display_hamlet(sub), others=others)  # fmt: skip
        return _t("status.counted.warnings" + coloured.warnings_where(), n=warnings)
    if sub.kind != "roster":
        if counted_instead is not None:
            return _t("status.rejected.file.counted", reason=_reason(issues, lang),
                      file=counted_instead)  # fmt: skip
        return _t("status.rejected.file", reason=_reason(issues, lang))
    merged = _merged_refusal(issues)
    if merged is not None:
        key = "status.rejected." + (
            "joined-sent" if merged.variant in JOINED_SENT_VARIANTS
            else "joined-listed" if merged.variant in JOINED_LISTED_VARIANTS
            else "merged"
        )  # fmt: skip
        return _t(key, value=in_language(merged.value, lang),
                  instead=in_language(merged.instead, lang))  # fmt: skip
    copied = _copied_refusal(issues)
    if copied is not None:
        return _t("status.rejected.copied", hamlet=copied.hamlet, instead=copied.instead,
                  file=copied.detail)  # fmt: skip
    neighbour = _neighbour_refusal(issues)
    if neighbour is not None:
        row = apart_variant(neighbour)
        return _t(row.status_key, value=in_language(neighbour.value, lang),
                  hamlet=_codes_hamlet(neighbour),
                  file=neighbour.instead if row.status_file == "instead"
                  else in_language(neighbour.detail, lang))  # fmt: skip
    joined = _joined_refusal(issues)
    if joined is not None:
        return _t("status.rejected.joined", value=in_language(joined.value, lang),
                  instead=in_language(joined.instead, lang))  # fmt: skip
    # ('former-sent-title': the name read from the title, written in the 'Thông tin' sheet added
    # to this workbook, which the head corrects: said as of that 'Xóm' cell; session 33)
    second = next((i for i in issues if i.code == "unknown-hamlet"
                   and i.variant.startswith("former-sent")), None)  # fmt: skip
    if second is not None:  # a list refused for its 'Xóm' is not checked further
        key = "status.rejected.former-sent" + ("-blank" if _blank_titled(second) else "")
        return _t(key, value=in_language(second.value, lang),
                  instead=in_language(second.instead, lang),
                  file=in_language(second.detail, lang))  # fmt: skip
    if waiting:  # every row right, the other list's to correct (session 54)
        across = next(i for i in issues if i.code == "all-rows-rejected")
        return _t("status.rejected.kept", n=across.detail, others=waiting)
    return _t("status.rejected" + red, reason=_reason(issues, lang))


def _others_left_out(issues: list[Issue]) -> str:
    """The sheets and rows of another hamlet's list left out of this one, for the status:
    "trang 'Bản Cọ' (danh sách của xóm Bản Cọ) và các dòng 40–61 (hộ của xóm Thẩm Rộc) không
    được tính"; rows whose households that hamlet's own list of the month holds
    (rows-of-other-hamlet 'listed' variants, session 55) said counted there, as the warning
    under it says: "các dòng 11–12 (hộ của xóm Bản Cọ) không được tính ở đây vì đã có trong danh
    sách kỳ này của xóm Bản Cọ và được tính ở đó", one clause for each such hamlet, after the
    others (session 56); "" when there are none."""
    parts, listed = [], {}
    for i in issues:
        if i.code == "sheet-of-other-hamlet":
            parts.append(f"trang '{i.sheet}' (danh sách của {with_unit(i.instead)})")
        elif i.code == "rows-of-other-hamlet":
            rows = "dòng" if str(i.detail).isdigit() else "các dòng"  # '8', '8–9', '8, 12'
            part = f"{rows} {i.detail} (hộ của {with_unit(i.instead)})"
            if "listed" in i.variant.split("-"):
                listed.setdefault(str(i.instead), []).append(part)
            else:
                parts.append(part)
        elif i.code == "rows-moved-away":  # session 30: households that moved out
            rows = "dòng" if str(i.detail).isdigit() else "các dòng"
            went = f" {with_unit(i.instead)}" if i.instead else ""
            parts.append(f"{rows} {i.detail} (hộ đã chuyển đi{went})")
    clauses = [f"{_and_joined(parts)} không được tính"] if parts else []
    clauses.extend(
        f"{_and_joined(found)} không được tính ở đây vì đã có trong danh sách kỳ này của "
        f"{with_unit(hamlet)} và được tính ở đó"
        for hamlet, found in listed.items()
    )
    return "; ".join(clauses)


def _and_joined(parts: list[str]) -> str:
    """``parts`` joined by ', ', the last by ' và '."""
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " và " + parts[-1]


def _display_hamlet(sub: Submission) -> str:
    if sub.hamlet:
        return sub.hamlet
    raw = clean_text(sub.hamlet_raw)
    return re.sub(r"^(xóm|thôn)\s+", "", raw, flags=re.IGNORECASE)


def write_feedback(result: RunResult, sub: Submission, issues: list[Issue], path: Path) -> None:
    """Write the feedback workbook of one submission at ``path`` (the input is only read).

    In Vietnamese whatever the run's ``--lang``: the hamlet head reads it (CONTRACT §5)."""
    result = replace(result, lang="vi")
    lang = result.lang
    options = {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    wb = new_workbook(str(path), options)
    fm = _Formats(wb)
    ctx = Context(wb, fm.st, result)
    commune = ctx.commune
    # (a file whose words send another hamlet's head is titled for that hamlet: session 51)
    hamlet = feedback_hamlet(sub, issues, result.plan.hamlet_names) or _display_hamlet(sub)
    name_part = _t("title.hamlet", name=with_unit(hamlet).upper()) if hamlet else ""
    title = _t("title", hamlet=name_part, m=ctx.month, y=ctx.year)
    wb.set_properties({"title": title, "author": "giamngheo", "created": FIXED_DATE})
    ordered = sorted(issues, key=_issue_order)

    read = _read_pointed_sheets(sub, ordered)
    grids, source_names, merges, formulas, struck, hidden, emphasis, rich, struck_runs = read
    others = _other_sheets(sub, source_names)
    guide_name = GUIDE_SHEET
    taken = {guide_name.casefold()}
    # A list sent without 'Thông tin': one filled with what the run understood goes before the
    # copies (first, as in the template), so that the workbook sent back is a whole roster.
    info = _understood_info(result, sub) if source_names and _lacks_info_sheet(sub) else None
    info_name = safe_sheet_names([ROSTER_INFO_SHEET], taken)[ROSTER_INFO_SHEET] if info else None
    if info and not any(i.code == "missing-info-sheet" for i in ordered):
        # Refused before the run looked for 'Thông tin' (its hamlet): the added sheet's yellow
        # cells are that warning's, so the workbook says and counts it as for any other list.
        ordered = sorted([*ordered, _info_sheet_warning(sub, info)], key=_issue_order)
    sheet_names = safe_sheet_names(source_names, taken)
    guide = wb.add_worksheet(guide_name)
    shown = _in_hidden_columns(_shown(sub, ordered, grids, lang, struck_runs), hidden, merges)
    if info and info_name:
        shown = _pointed_at_info(shown, info, info_name, lang)
    shown = _pointed_at_list(sub, shown, sheet_names)
    grids = _struck_shown(_formulas_shown(_errors_shown(grids, shown), formulas), struck_runs)
    coloured = _Coloured.of_sheets(shown, set(source_names), info, info_name)
    _write_guide(ctx, fm, guide, sub, shown, title, sheet_names, coloured, info_name, others)
    if info and info_name:
        ws = wb.add_worksheet(info_name)
        ws.set_comments_author(_t("comment.author", commune=commune))
        _write_info(ctx, fm, ws, info, sub.file)
    for source in source_names:
        marks = _marks([e for e in shown if e.issue.sheet == source])
        ws = wb.add_worksheet(sheet_names[source])
        ws.set_comments_author(_t("comment.author", commune=commune))
        layout = _Layout.of(sub, source)
        notes = _formula_notes(formulas.get(source) or {}, marks)
        _write_copy(ctx, fm, ws, grids[source], marks, layout, sub.file, merges.get(source, []),
                    notes, struck.get(source, frozenset()), emphasis.get(source),
                    rich.get(source), struck_runs.get(source))  # fmt: skip
    guide.activate()
    text_kept(wb)
    wb.close()


def _errors_shown(grids: dict[str, list[list[Any]]], shown: list[_Shown]) -> dict:
    """``grids`` with each cell showing an error value ('#REF!', read as blank) holding that
    error as text, so that the copy shows what the head's own file shows and the note on the
    cell ("Ô B6 … hiện lỗi '#REF!'") says what is in it; it was an empty coloured cell."""
    out = dict(grids)
    for entry in shown:
        grid = out.get(entry.issue.sheet)
        if (
            entry.issue.code not in _VALUE_READ_AS_BLANK
            or not entry.linked
            or entry.where is None
            or grid is None
            or not entry.value
            or as_shown(_cell_value(grid, entry.where))
        ):
            continue
        row, col = entry.where
        if grid is grids[entry.issue.sheet]:
            grid = out[entry.issue.sheet] = [list(values) for values in grid]
        while len(grid) <= row:
            grid.append([])
        grid[row].extend([None] * (col + 1 - len(grid[row])))
        grid[row][col] = entry.value
    return out


def _formulas_shown(grids: dict[str, list[list[Any]]], formulas: dict[str, dict]) -> dict:
    """``grids`` with each formula cell the file holds no calculated value for (read as blank)
    showing its formula as the head typed it ('=SUM(H5:H10)'), written as text, never as a
    live formula (:func:`_write_typed`): the copy shows what is in the head's cell, where it
    was blank. A formula not known (a shared formula's other cells, an .xls) stays blank."""
    out = dict(grids)
    for sheet, cells in formulas.items():
        grid = out.get(sheet)
        if grid is None or not isinstance(cells, dict):
            continue
        for (row, col), text in cells.items():
            if not text or as_shown(_cell_value(grid, (row, col))):
                continue
            if grid is grids[sheet]:
                grid = out[sheet] = [list(values) for values in grid]
            while len(grid) <= row:
                grid.append([])
            grid[row].extend([None] * (col + 1 - len(grid[row])))
            grid[row][col] = text
    return out


def _struck_shown(grids: dict[str, list[list[Any]]], runs: dict[str, dict]) -> dict:
    """``grids`` with each text struck in part (read as the text left, 'NM6') holding its whole
    text as the file keeps it ('NM5 NM6'), for the copy to write its struck pieces struck
    (:func:`_write_copy`): the head is asked to delete the struck part, which must show
    (session 67, D)."""
    out = dict(grids)
    for sheet, cells in runs.items():
        grid = out.get(sheet)
        if grid is None:
            continue
        grid = out[sheet] = list(grid)
        for (row, col), pieces in cells.items():
            if row < len(grid) and col < len(grid[row]):
                grid[row] = list(grid[row])
                grid[row][col] = "".join(text for text, _ in pieces)
    return out


def _formula_notes(
    cells: dict | set, marks: dict[tuple[int, int], tuple[str, list[str]]]
) -> dict[tuple[int, int], str]:
    """A note for each formula cell without a calculated value that no issue marks (an STT, a
    note, a total row, a cell outside the list): what the cell holds and that nothing needs
    fixing there. A marked one is said by its issue."""
    texts = cells if isinstance(cells, dict) else dict.fromkeys(cells, "")
    notes = {}
    for (row, col), text in sorted(texts.items()):
        if (row, col) in marks:
            continue
        cell = f"{column_letter(col)}{row + 1}"
        if text:
            shown = (f"Ô {cell} có công thức {text} nhưng tệp không lưu kết quả đã tính (tệp "
                     "được lưu bằng chương trình khác Excel), nên bản sao này ghi công thức "
                     "dưới dạng chữ.")  # fmt: skip
        else:
            shown = (f"Ô {cell} có công thức nhưng tệp không lưu kết quả đã tính (tệp được "
                     "lưu bằng chương trình khác Excel), nên ô này để trống trong bản sao.")  # fmt: skip
        notes[(row, col)] = (
            f"{shown} Ô này không được đọc để tính số liệu nên không cần sửa; muốn thấy kết quả, "
            "hãy mở tệp gốc bằng Excel rồi lưu lại."
        )
    return notes


def _read_pointed_sheets(
    sub: Submission, issues: list[Issue]
) -> tuple[dict, list[str], dict, dict, dict, dict, dict]:
    """The grids of the submitted sheets that issues point at, in the file's sheet order, and
    its 'Thông tin' and household list sheets with them: a head who corrects the copies and
    sends this workbook back (not his own file, as asked) sends a whole roster, with its total
    households. A list counted or refused has them copied even when no issue names a sheet (a
    household no longer listed is added back in the list; a list without 'Thông tin' gets one
    added: :func:`_understood_info`). Third: each sheet's merged ranges, where the file tells
    them; fourth: its formula cells without a calculated value (``Workbook.formulas``); fifth:
    its cells struck through (``Workbook.struck``); sixth: its hidden columns
    (``Workbook.hidden_cols``); seventh: its cells written bold or italic (an xlsx's:
    ``Workbook.emphasis``); eighth: its texts partly bold or italic, each its fragments
    (session 62); ninth: its texts struck in part, each its pieces (``Workbook.struck_runs``;
    session 67)."""
    wanted = {i.sheet for i in issues if i.sheet}
    if not wanted and not _copies_its_list(sub):
        return {}, [], {}, {}, {}, {}, {}, {}, {}
    if sub.extra.get("info_sheet"):
        wanted.add(sub.extra["info_sheet"])
    if sub.kind == "roster" and sub.sheet:
        wanted.update(t[0] for t in sub.extra.get("tables") or [(sub.sheet,)] if t[0])
    try:
        book = open_workbook(sub.path)
        names = [n for n in book.sheet_names if n in wanted]
        # a letter in a symbol font copied as the mark the head sees ('✓' for a 'P' in
        # Wingdings 2): the copy is in one font of its own
        grids = {n: book.mark_grid(n) for n in names}
        formulas = {n: book.formulas[n] for n in names if book.formulas.get(n)}
        # the cells struck through, shown so (a head's crossed-out household; session 36)
        struck = {n: book.struck[n] for n in names if book.struck.get(n)}
        hidden = {n: book.hidden_cols[n] for n in names if book.hidden_cols.get(n)}
        # the head's bold 'Trưởng xóm', his italic '(Ký, ghi rõ họ tên)' (session 59, G2)
        # and his bold 'Trưởng xóm' in 'Trưởng xóm Nguyễn Văn A', its words (session 62)
        rich: dict[str, dict[tuple[int, int], Fragments]] = {n: {} for n in names}
        emphasis = {n: book.emphasis(n, rich[n]) for n in names}
        rich = {n: found for n, found in rich.items() if found}
        merges = {n: book.merges(n) for n in names}
        # the head's '~~NM5~~ NM6' (read 'NM6'), shown as he wrote it (session 67, D)
        runs = {n: book.struck_runs[n] for n in names if book.struck_runs.get(n)}
        return grids, names, merges, formulas, struck, hidden, emphasis, rich, runs
    except ReadError:
        return {}, [], {}, {}, {}, {}, {}, {}, {}  # the file changed or vanished: the issues only


def _other_sheets(sub: Submission, copied: list[str]) -> list[str]:
    """The visible sheets of the file holding a value that the feedback does not copy (a 'Ghi
    chú' notes sheet), in the file's order: the guide names them, as the copy is called a copy
    of the file sent (session 50). None when nothing is copied; an unreadable file names none."""
    if not copied:
        return []
    try:
        book = open_workbook(sub.path)
        return [
            n
            for n in book.visible_sheets
            if n not in copied and not all(is_blank(v) for row in book.grid(n) for v in row)
        ]
    except ReadError:
        return []


def _copies_its_list(sub: Submission) -> bool:
    """A list counted or refused, whose list sheet was found: its feedback copies its sheets
    whatever its issues point at (a superseded copy, or one of another month, is not to be
    corrected and sent: the guide alone tells it, unless an issue points into it)."""
    return (
        sub.kind == "roster"
        and bool(sub.sheet)
        and (sub.status in COUNTED or sub.status == "rejected")
    )


def _lacks_info_sheet(sub: Submission) -> bool:
    """A list counted or refused that has no 'Thông tin' sheet (hamlet and period read from its
    title or file name): its feedback copies its list sheets, whatever its issues point at, and
    adds a 'Thông tin' sheet, so that the workbook corrected and sent back is a whole roster."""
    return _copies_its_list(sub) and not sub.extra.get("info_sheet")


@dataclass
class _InfoRow:
    """One row of the added 'Thông tin' sheet: the template's label, the value the run
    understood (None: blank), its number format, and its mark for the head (severity, note)."""

    label: str
    value: str | int | None
    num_format: str | None = None
    mark: str | None = None  # 'error' (needed to count the list) | 'warning' (write or check)
    note: str = ""


def _understood_info(result: RunResult, sub: Submission) -> list[_InfoRow]:
    """The 'Thông tin' block the run understood for a list sent without one, in the template's
    order: the form, the plan's commune, the hamlet as the plan spells it (as written when the
    plan has no such hamlet), the period, the total households the run used (the plan's
    start-of-year count), and blanks for Người lập and Ngày lập. A blank the list needs, or a
    hamlet the plan does not know, is marked red; the preparer, the date and a total taken from
    the plan are marked yellow (to write, or check)."""
    labels = {key: names[0] for key, names in ROSTER_INFO_LABELS.items()}
    plan = result.plan
    starts = plan.start_households
    if _taken_for(sub):
        hamlet = _InfoRow(labels["hamlet"], sub.hamlet)
    elif written := clean_text(sub.hamlet_raw):
        hamlet = _InfoRow(labels["hamlet"], written, "@", "error",
                          _t("info.hamlet.unknown", value=written))  # fmt: skip
    else:
        hamlet = _InfoRow(labels["hamlet"], None, "@", "error", _t("info.hamlet.blank"))
    if sub.period:
        period = _InfoRow(labels["period"], month_written(sub.period), "@")
    else:
        example = month_written(result.period)
        period = _InfoRow(labels["period"], None, "@", "error",
                          _t("info.period.blank", example=example))  # fmt: skip
    total: int | None = sub.total_households
    start = starts.get(sub.hamlet) if sub.hamlet else None
    if total is None and start is not None:
        total = start
    if total is None:
        households = _InfoRow(
            labels["total_households"], None, "0", "error", _t("info.total.blank")
        )
    elif start is not None and total == start:
        households = _InfoRow(labels["total_households"], total, "0", "warning",
                              _t("info.total.plan", n=total))  # fmt: skip
    else:
        households = _InfoRow(labels["total_households"], total, "0")
    return [
        _InfoRow(labels["form_type"], FORM_TYPE_ROSTER),
        _InfoRow(labels["commune"], clean_text(plan.commune) or None),
        hamlet,
        period,
        households,
        _InfoRow(labels["preparer"], None, "@", "warning", _t("info.preparer")),
        _InfoRow(labels["prepared_on"], None, _DATE, "warning", _t("info.prepared_on")),
    ]


def _info_sheet_warning(sub: Submission, info: list[_InfoRow]) -> Issue:
    """The 'missing-info-sheet' warning of a list the run refused before it looked for its
    'Thông tin' sheet (a hamlet not in the plan, none found, no period): what the added sheet
    was filled from, as the run says it of the lists it looked at (the hamlet as written; the
    plan's total only when the sheet shows it)."""
    total = ROSTER_INFO_LABELS["total_households"][0]
    from_plan = any(row.label == total and row.mark == "warning" for row in info)
    hamlet = _taken_for(sub) or clean_text(sub.hamlet_raw)
    return missing_info_sheet_issue(sub, hamlet, total_from_plan=from_plan)


def _taken_for(sub: Submission) -> str | None:
    """The plan hamlet a list was read as, for the 'Thông tin' added to its feedback: none
    for one refused for a hamlet the plan does not have, even when it is a plan hamlet's
    refused file (a 'Xóm' written for it, its codes: docs/decisions.md, sessions 12 and 22),
    so that the hamlet as written is shown, marked."""
    refused = sub.extra.get("hamlet_issue")
    return None if refused is not None and refused.code == "unknown-hamlet" else sub.hamlet


def _pointed_at_info(
    shown: list[_Shown], info: list[_InfoRow], info_name: str, lang: str
) -> list[_Shown]:
    """The guide's 'missing-info-sheet' entry, once a 'Thông tin' sheet is added: on that sheet,
    linked to its first marked cell, saying that the sheet was added and what to check. An
    issue about a value that sheet holds, found nowhere in the list (no period, no hamlet, a
    hamlet the plan does not know: no cell of its own), points at that value's cell there.
    The warning is linked to the sheet's first yellow cell (its first red one, or the top, when
    none is yellow): a red cell is an error's."""
    marked = [r for r, row in enumerate(info) if row.mark]
    yellow = [r for r in marked if info[r].mark == "warning"]
    first = (yellow or marked or [0])[0]
    rows = {row.label: r for r, row in enumerate(info)}
    out = []
    for entry in shown:
        issue = entry.issue
        if issue.code == "missing-info-sheet":
            issue = replace(issue, sheet=info_name, variant="sheet-added")
            entry = replace(entry, issue=issue, where=(first, 1), linked=True,
                            message=issue.message(lang))  # fmt: skip
        elif issue.code in _INFO_VALUE_OF and not issue.cell:
            row = rows.get(ROSTER_INFO_LABELS[_INFO_VALUE_OF[issue.code]][0])
            if row is not None and info[row].mark:
                column = info[row].label
                entry = replace(entry, issue=replace(issue, sheet=info_name, column=column),
                                where=(row, 1), linked=True)  # fmt: skip
        out.append(entry)
    return out


# Households of an earlier list that this one no longer holds: no cell, a row to add to the list.
_ROWS_TO_ADD = frozenset({"vanished-household"})


def _pointed_at_list(
    sub: Submission, shown: list[_Shown], sheet_names: dict[str, str]
) -> list[_Shown]:
    """A household no longer listed, once the list is copied: its guide entry names the list's
    sheet, where its row is to be written again (no cell: nothing is coloured for it)."""
    if sub.sheet not in sheet_names:
        return shown
    return [
        replace(e, issue=replace(e.issue, sheet=sub.sheet))
        if e.issue.code in _ROWS_TO_ADD and not e.issue.sheet
        else e
        for e in shown
    ]


def _where_to_add(sub: Submission, shown: list[_Shown], sheet_names: dict[str, str]) -> str:
    """The sentence of 'Cách sửa' saying where to write rows the list lacks (a household no
    longer listed, an empty list), in the copy of its list sheet; '' when there are none."""
    # a household the start list moved to another hamlet is not written again (session 56, N2)
    codes = {e.issue.code for e in shown if e.issue.sheet == sub.sheet
             and not e.issue.variant.startswith("moved-at-turn")}  # fmt: skip
    if sub.sheet not in sheet_names or not codes & (_ROWS_TO_ADD | {"empty-list"}):
        return ""
    layout = _Layout.of(sub, sub.sheet)
    if layout.last_header is None:
        return ""
    sheet = sheet_names[sub.sheet]
    marked = exit_marked(sub)  # a list marking its classes in columns
    if layout.last_data is None:
        if marked is not None:
            variant, column = marked
            return _t(f"how.add.empty.{variant}", sheet=sheet, row=layout.last_header + 1,
                      column=in_language(column, "vi"))  # fmt: skip
        return _t("how.add.empty", sheet=sheet, row=layout.last_header + 1)
    if marked is not None:
        variant, column = marked
        return _t(f"how.add.vanished.{variant}", sheet=sheet, row=layout.last_data + 1,
                  column=in_language(column, "vi"))  # fmt: skip
    return _t("how.add.vanished", sheet=sheet, row=layout.last_data + 1)


# The issues of a value of 'Thông tin' that a list sent without that sheet may have, by key.
_INFO_VALUE_OF = {
    "invalid-period": "period",
    "missing-hamlet": "hamlet",
    "unknown-hamlet": "hamlet",
}


_INFO_WIDTHS = (22, 32)  # as the template's 'Thông tin' (pipeline.template)


def _write_info(ctx: Context, fm: _Formats, ws: Worksheet, info: list[_InfoRow], file: str) -> None:
    """The added 'Thông tin' sheet, laid out as the template's: labels in A, values in B, rows
    1–7. Every text is written as a string (a hamlet '=…' stays text), the total as a number;
    a marked cell is filled and annotated as a copy's cell to fix."""
    ws.set_column(0, 0, _INFO_WIDTHS[0])
    ws.set_column(1, 1, _INFO_WIDTHS[1])
    label = fm.get(bold=True)
    for r, row in enumerate(info):
        ws.write_string(r, 0, row.label, label)
        fmt = fm.copy_cell(row.mark, row.num_format, header=False)
        if row.value is None:
            ws.write_blank(r, 1, None, fmt)
        elif isinstance(row.value, int):
            ws.write_number(r, 1, row.value, fmt)
        else:
            ws.write_string(r, 1, row.value, fmt)
        if row.mark:
            _put_note(ws, r, 1, [row.note])
    marks = [row.mark for row in info if row.mark]
    if "error" in marks:
        ws.set_tab_color(ERROR_FILL)
    elif marks:
        ws.set_tab_color(WARNING_FILL)
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    ws.print_row_col_headers()  # its notes say 'Ô B5' too (session 30)
    ws.set_header(_t("print.header.info", file=file[-120:].replace("&", "&&")))
    ws.set_footer(t("footer", ctx.lang))


def _write_guide(
    ctx: Context,
    fm: _Formats,
    ws: Worksheet,
    sub: Submission,
    shown: list[_Shown],
    title: str,
    sheet_names: dict[str, str],
    coloured: _Coloured,
    info_name: str | None = None,
    others: list[str] = (),
) -> None:
    """The guide sheet. ``sheet_names``: the copied sheets' names in the workbook, by their
    name in the file; ``coloured``: what they show in colour (the status and the notes say only
    what is there); ``info_name``: the 'Thông tin' sheet added for a list sent without one
    (linked to, not called a copy); ``others``: the file's sheets holding a value not copied
    (:func:`_other_sheets`), named where the guide calls the sheets a copy of the file."""
    lang, st = ctx.lang, fm.st
    targets = {**sheet_names, info_name: info_name} if info_name else sheet_names
    issues = [e.issue for e in shown]
    last = len(GUIDE_WIDTHS) - 1
    for col, width in enumerate(GUIDE_WIDTHS):
        ws.set_column(col, col, width)
    merge_text(ws, 0, 0, 0, last, title, st["title"])
    ws.set_row(0, 40)
    merge_text(ws, 1, 0, 1, last, _t("subtitle", commune=ctx.commune), st["subtitle"])

    label = fm.get(bold=True, align="left", valign="top")
    value = fm.get(text_wrap=True, valign="top", align="left")
    errors = sum(1 for i in issues if i.severity == "error")
    warnings = len(issues) - errors
    # (a list whose hamlet is left out of the commune's figures: said in red, as not counted)
    counted_clean = sub.status in COUNTED and not errors and _apart(issues) is None
    # a file no list could be read from, beside its hamlet's list counted (session 43)
    counted_instead = None
    if sub.kind != "roster" and sub.hamlet:
        counted_instead = next((s.file for s in ctx.result.submissions
                                if s.hamlet == sub.hamlet and s.status in COUNTED), None)  # fmt: skip
    status_fmt = fm.get(
        bold=True,
        text_wrap=True,
        valign="top",
        font_color="#7F6000"
        if counted_clean or sub.status == "superseded" or counted_instead is not None
        else "#9C0006",
    )
    value_width = sum(GUIDE_WIDTHS[_VALUE_COL:])
    superseded = sub.status == "superseded"
    newer_counted = None
    if superseded:
        newer = _newer_copy(issues)
        status_of = {s.file: s.status for s in ctx.result.submissions}
        if newer in status_of:
            newer_counted = status_of[newer] in COUNTED
    waiting = _kept_waiting(sub.file, issues, ctx.result.issues or [])
    thoat = _thoat_waiting(sub, issues, ctx.result.issues or [])
    status = status_sentence(
        sub, issues, coloured, lang, newer_counted, counted_instead, waiting, thoat
    )
    how = _t("how.plain" if sub.kind == "roster" else "how.file")
    if counted_instead is not None:
        how = _t("how.file.counted", file=counted_instead)
    example = next((e for e in shown if e.issue.sheet in sheet_names and e.linked), None)
    added = next((e for e in shown if info_name and e.issue.sheet == info_name and e.linked), None)
    add = _where_to_add(sub, shown, sheet_names)
    called_copy = False  # the sheets are called a copy of the file sent: its others are named
    if superseded:
        # Nothing of this copy counts: no counts of red and yellow cells, nothing to fix here.
        how = (
            _t("how.superseded.refused", newer=_newer_copy(issues))
            if newer_counted is False
            else _t("how.superseded")
        )
    elif example is not None:
        copies = ", ".join(f"'{n}'" for n in sheet_names.values())
        how = _t(
            "how.copies",
            sheets=copies,
            cell=_cell_ref(example.where),
            sheet=sheet_names[example.issue.sheet],
            column=t("col.cell", lang),
        )
        called_copy = True
    elif added is not None:  # only the added 'Thông tin' sheet has cells to write
        how = _t("how.info", sheet=info_name, column=t("col.cell", lang))
    elif add:  # no cell to fix, rows to write in the list
        copies = ", ".join(f"'{n}'" for n in sheet_names.values())
        how, add, called_copy = _t("how.rows", sheets=copies, add=add), "", True
    if add and not superseded:
        how = f"{how} {add}"
    if others and not superseded and called_copy:
        named = ", ".join(f"'{n}'" for n in others)
        how = f"{how} {_t('how.others', sheets=named)}"
    merged = None if superseded else _merged_refusal(issues)
    if merged is not None:  # no cell to fix: where the households go instead
        where = (
            _t("how.merged.sheet", sheet=sheet_names[sub.sheet])
            if sub.sheet in sheet_names
            else _t("how.merged.file")
        )
        key = "how.listed" if merged.variant in JOINED_LISTED_VARIANTS else "how.merged"
        how = _t(key, where=where, value=in_language(merged.value, lang),
                 instead=in_language(merged.instead, lang))  # fmt: skip
    joined = None if superseded else _joined_refusal(issues)
    if joined is not None:  # one list of the whole merged hamlet, not the cell alone
        how = _t("how.joined", where=_t("how.merged.file"), value=in_language(joined.value, lang),
                 instead=in_language(joined.instead, lang))  # fmt: skip
    copied = None if superseded else _copied_refusal(issues)
    if copied is not None:  # another hamlet's list: its own to send, no cell to fix
        how = _t("how.copied", hamlet=copied.hamlet, instead=copied.instead)
    resent = None if superseded else _resent_list(sub, issues)
    if resent is not None:  # last month's list again: this month's to send (session 52)
        how = _t("how.same-file", period=resent.detail, written=resent.value)
    neighbour = None if superseded else _neighbour_refusal(issues)
    if neighbour is not None:  # the hamlet's one list holds them: no cell to fix (session 51)
        where = (
            _t("how.merged.sheet", sheet=sheet_names[sub.sheet])
            if sub.sheet in sheet_names
            else _t("how.merged.file")
        )
        how = _t(apart_variant(neighbour).how_key, where=where, hamlet=_codes_hamlet(neighbour),
                 value=neighbour.value)  # fmt: skip
    if waiting:  # its rows right: kept, nothing to send again (session 54)
        how = _t("how.kept", others=waiting)
    if thoat:  # kept if still poor, else written 'Thoát' (session 61): not "fix and send"
        how = f"{how.removesuffix(_SEND_AGAIN).rstrip()} {_t('how.thoat', others=thoat)}"
    if sub.status == "rejected" and sub.kind == "roster":
        # the lists sent apart whose households go on this one when it is corrected: their
        # own feedback says so, this one did not (session 52's review)
        for other in lists_to_write_here(ctx.result.issues or [], sub.file):
            how = f"{how} {_t('how.apart.refused', file=other)}"
    if sub.status in COUNTED and sub.kind == "roster" and sub.hamlet:
        # its households on a list naming no hamlet, of two hamlets (session 54's review), or
        # of this one when every hamlet sent its list (session 54, E4)
        for other in lists_holding_several(ctx.result.issues or [], sub.hamlet):
            households = several_said(ctx.result.submissions, other, sub.hamlet)
            how = f"{how} {_t('how.apart.several', file=other, households=households)}"
    row = 3
    for key, text, fmt in (
        ("lbl.file", sub.file, value),
        ("lbl.status", status, status_fmt),
    ):
        merge_text(ws, row, 0, row, _VALUE_COL - 1, _t(key), label)
        merge_text(ws, row, _VALUE_COL, row, last, text, fmt)
        fit_row(ws, row, [(text, value_width)])
        row += 1
    for key, count, fill, note in (
        ()
        if superseded
        else (
            (
                "lbl.errors",
                errors,
                ERROR_FILL,
                _errors_note(errors, coloured, issues, waiting, thoat),
            ),
            # "still counted" only of a list that is (not of one left for another month)
            (
                "lbl.warnings",
                warnings,
                WARNING_FILL,
                _t(_warnings_note(sub, warnings, coloured, issues)),
            ),
        )
    ):
        merge_text(ws, row, 0, row, _VALUE_COL - 1, _t(key), fm.get(bold=True))
        ws.write_number(
            row, _VALUE_COL, count, fm.get(bold=True, align="center", border=1, bg_color=fill)
        )
        merge_text(ws, row, _VALUE_COL + 1, row, last, note, fm.get(italic=True))
        row += 1
    merge_text(ws, row, 0, row, _VALUE_COL - 1, _t("lbl.how"), label)
    merge_text(ws, row, _VALUE_COL, row, last, how, value)
    fit_row(ws, row, [(how, value_width)])
    head = row + 2

    heads = [
        t("col.stt", lang), t("col.sheet", lang), t("col.cell", lang), t("col.row", lang),
        t("col.column", lang), _t("col.value"), t("col.severity", lang), _t("col.fix"),
    ]  # fmt: skip
    ws.set_row(head, 30)
    for col, text in enumerate(heads):
        ws.write_string(head, col, text, st["head"])
    if not issues:
        merge_text(ws, head + 1, 0, head + 1, last, _t("none"), st["good"])
    links = 0
    for i, entry in enumerate(shown):
        issue = entry.issue
        r = head + 1 + i
        kind = "err" if issue.severity == "error" else "warn"
        text, num = st[f"{kind}_text"], st[f"{kind}_int"]
        fill = ERROR_FILL if kind == "err" else WARNING_FILL
        put_num(ws, r, 0, i + 1, num)
        put_text(ws, r, 1, issue.sheet, text)
        target = targets.get(issue.sheet)
        where = entry.where
        if target and where and entry.linked and links < _MAX_LINKS:
            link = f"internal:{quote_sheetname(target)}!{_cell_ref(where)}"
            link_fmt = fm.get(
                border=1, bg_color=fill, font_color="#0563C1", underline=1, align="center"
            )
            ws.write_url(r, 2, link, link_fmt, string=_cell_ref(where))
            links += 1
        else:
            put_text(ws, r, 2, issue.cell, num)
        put_num(ws, r, 3, issue.row, num)
        put_text(ws, r, 4, issue.column, text)
        value, message = entry.value, entry.message
        if entry.struck:  # the head's '~~NM5~~ NM6' as he wrote it (session 67, D)
            pieces: list[Any] = []
            for piece, struck in entry.struck:
                pieces += [fm.get(font_strikeout=True) if struck else fm.get(), piece]
            ws.write_rich_string(r, 5, *pieces, text)
        else:
            put_text(ws, r, 5, value, text)
        ws.write_string(r, 6, t(f"severity.{issue.severity}", lang), num)
        put_text(ws, r, 7, message, text)
        fit_row(ws, r, [(issue.sheet, GUIDE_WIDTHS[1]), (issue.column, GUIDE_WIDTHS[4]),
                        (value, GUIDE_WIDTHS[5]), (message, GUIDE_WIDTHS[7])])  # fmt: skip
    if issues:
        ws.autofilter(head, 0, head + len(issues), last)
    ws.freeze_panes(head + 1, 0)
    page_setup(ctx, ws, head, head)


def _cell_ref(where: tuple[int, int]) -> str:
    return xl_rowcol_to_cell(*where)


def _marks(shown: list[_Shown]) -> dict[tuple[int, int], tuple[str, list[str]]]:
    """(row, col) -> (worst severity, messages) of the cells the issues point at."""
    marks: dict[tuple[int, int], tuple[str, list[str]]] = {}
    for entry in shown:
        where = entry.where
        if where is None:
            continue
        severity, messages = marks.get(where, ("warning", []))
        if entry.issue.severity == "error":
            severity = "error"
        message = entry.message
        if message not in messages:
            messages.append(message)
        marks[where] = (severity, messages)
    return marks


def _typed(value: Any) -> tuple[str, Any, str | None]:
    """How to write a submitted value: ('string'|'number'|'datetime'|'blank', value, format)."""
    if isinstance(value, bool):
        return "string", "TRUE" if value else "FALSE", None
    if isinstance(value, int | float):
        if value != value or value in (float("inf"), float("-inf")):
            return "string", str(value), None
        return "number", value, None
    if isinstance(value, datetime):
        if value.year < 1900:
            return "string", clean_text(value), None
        fmt = _DATE if value.time() == time(0, 0) else _DATETIME
        return "datetime", value, fmt
    if isinstance(value, date):
        if value.year < 1900:
            return "string", clean_text(value), None
        return "datetime", datetime(value.year, value.month, value.day), _DATE
    if isinstance(value, time):
        return "datetime", value, _TIME
    if isinstance(value, timedelta):  # a duration cell ('[h]:mm:ss'): shown as Excel shows it
        if value >= timedelta(0):
            return "datetime", value, _DURATION
        seconds = round(-value.total_seconds())  # Excel shows no negative time: written as text
        return "string", f"-{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}", None
    if value is None or (isinstance(value, str) and value == ""):
        return "blank", None, None
    return "string", str(value), None


# A date's or time's format with its digits as '0' (every digit is half an em in Times New
# Roman): 'dd/mm/yyyy' prints as wide as '00/00/0000'; '[h]' (a duration's hours) as '0'.
_FORMAT_DIGITS = str.maketrans("dmyhs", "00000", "[]")


def _shown_number(kind: str, value: Any, fmt: str | None) -> str:
    """The text a number or date of the copy shows in its cell, its column sized by its letters
    as the copy's texts are (session 56; by its length before, 1.1 letters a unit and 2 more:
    '1,200,000' counted as its 7 digits, 8.36 units where it needs 8.51): a number as its
    format shows it ('#,##0': '1,200,000'; General: '1970', '1968.7'), a date or time its
    format's digits ('00/00/0000'), a duration's hours as many digits as it has."""
    if kind == "datetime":
        shown = (fmt or _DATE).translate(_FORMAT_DIGITS)
        if isinstance(value, timedelta):  # '0:00:00', its hours' digits as written
            hours = int(value.total_seconds() // 3600)
            shown = "0" * len(str(hours)) + shown[1:]
        return shown
    if fmt == _MONEY:
        return f"{value:,.0f}"
    if isinstance(value, float) and not value.is_integer():
        return excel_general(value)
    return clean_text(value)


@dataclass
class _Layout:
    """What is known of a copied sheet's table (the roster sheet only); all 0-based."""

    first_header: int | None = None
    last_header: int | None = None
    last_data: int | None = None  # last household row; the signature block below sizes nothing
    first_col: int = 0  # the table's columns, for its borders
    last_col: int = -1
    frozen_cols: int = 0
    num_formats: dict[int, str] = field(default_factory=dict)

    @classmethod
    def of(cls, sub: Submission, sheet: str) -> _Layout:
        header = sub.extra.get("header") if sheet == sub.sheet else None
        first, last = getattr(header, "first_row", None), getattr(header, "last_row", None)
        if not isinstance(first, int) or not isinstance(last, int) or first > last:
            return cls()
        columns = getattr(header, "columns", None)
        columns = columns if isinstance(columns, dict) else {}
        positions = {k: v[0] for k, v in columns.items() if isinstance(v[0], int)}
        rows = [getattr(r, "excel_row", None) for r in sub.extra.get("rows") or []]
        rows = [r for r in rows if isinstance(r, int)]
        chu_ho = positions.get("chu_ho")
        return cls(
            first_header=first,
            last_header=last,
            last_data=max(rows) - 1 if rows else None,
            first_col=min(positions.values(), default=0),
            last_col=max(positions.values(), default=-1),
            frozen_cols=chu_ho + 1 if chu_ho is not None and chu_ho <= 5 else 0,
            num_formats={positions[k]: _MONEY for k in ("thu_nhap",) if k in positions},
        )

    def in_table(self, row: int) -> bool:
        if self.first_header is None or row < self.first_header:
            return False
        return self.last_data is None or row <= self.last_data

    def boxes(self, row: int, col: int) -> bool:
        return self.first_col <= col <= self.last_col and self.in_table(row)

    def sizes_columns(self, row: int) -> bool:
        """Title rows above the header and the signature block below the data size no column."""
        if self.first_header is None:
            return True
        return self.in_table(row)


def _lone_text(values: list) -> bool:
    """Whether a row holds one text and nothing else (a title or note line in the table)."""
    found = False
    for value in values:
        if value is None or (value.__class__ is str and not value.strip()):
            continue
        if found or value.__class__ is not str:
            return False
        found = True
    return found


def _write_typed(ws: Worksheet, r: int, c: int, kind: str, out: Any, fmt) -> None:
    """A copied cell by its :func:`_typed` kind: text always as a string, never a formula."""
    if kind == "number":
        ws.write_number(r, c, out, fmt)
    elif kind == "datetime":
        ws.write_datetime(r, c, out, fmt)
    elif kind == "string":
        ws.write_string(r, c, out, fmt)
    else:
        ws.write_blank(r, c, None, fmt)


def _fragments_as(
    runs: tuple[tuple[Any, ...], ...], text: str
) -> tuple[tuple[Any, ...], ...] | None:
    """``runs`` (a text's fragments as the head's file keeps them, each (text, bold, italic),
    or its pieces struck in part, each (text, struck)) split as ``text``, the value written:
    the same letters, a space where it may be placed on lines ('\n'), or the same once
    composed (NFC); None where it is another text (written in one font, as before)."""
    joined = "".join(run[0] for run in runs)
    if joined != text and unicodedata.normalize("NFC", joined) == text:
        runs = tuple((unicodedata.normalize("NFC", run[0]), *run[1:]) for run in runs)
        joined = "".join(run[0] for run in runs)
    if joined == text:
        return runs
    if len(joined) != len(text) or any(
        a != b and not (a.isspace() and b.isspace()) for a, b in zip(joined, text, strict=True)
    ):
        return None
    out, at = [], 0
    for piece, *flags in runs:
        out.append((text[at : at + len(piece)], *flags))
        at += len(piece)
    return tuple(out)


def _overlaid(
    fonts: tuple[tuple[Any, ...], ...], strikes: tuple[tuple[Any, ...], ...]
) -> list[tuple[str, bool, bool, bool]]:
    """Two splits of one text, by (text, bold, italic) and by (text, struck), as one: (text,
    bold, italic, struck) per piece, neighbours alike joined (a head's bold words of which he
    struck some; session 67, D)."""
    bolds = [(bold, italic) for piece, bold, italic in fonts for _ in piece]
    struck = [strike for piece, strike in strikes for _ in piece]
    text = "".join(piece for piece, *_ in fonts)
    out: list[list[Any]] = []
    for ch, (bold, italic), strike in zip(text, bolds, struck, strict=True):
        if out and out[-1][1:] == [bold, italic, strike]:
            out[-1][0] += ch
        else:
            out.append([ch, bold, italic, strike])
    return [(piece, bold, italic, strike) for piece, bold, italic, strike in out]


def _mergeable(
    merges: list[Merge], marks: dict[tuple[int, int], tuple[str, list[str]]]
) -> list[Merge]:
    """The merged ranges to merge again in a copy: within the copied area, none overlapping
    another (a damaged file may say so; Excel would refuse the copy), and none hiding a marked
    cell under its first one (the mark must stay visible)."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r1, c1, r2, c2 in sorted(set(merges)):
        if (r1, c1) == (r2, c2) or r2 > _MAX_ROW or c2 > _MAX_COL or r1 > r2 or c1 > c2:
            continue
        if (r2 - r1 + 1) * (c2 - c1 + 1) > 10_000:
            continue  # a whole block merged: nothing a roster needs
        cells = {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
        if cells & taken or any(cell in marks for cell in cells - {(r1, c1)}):
            continue
        taken |= cells
        out.append((r1, c1, r2, c2))
    return out


@lru_cache(maxsize=8192)
def _one_line_width(text: str, bold: bool) -> float:
    """The column width (Excel's units: ``7 w + 5`` pixels) ``text`` needs on one line, in
    Times New Roman 11 (bold or regular); a list repeats most of its texts ('Nam', 'x')."""
    return header_word_width(text, bold=bold)


# The lines a header cell of the copy is given at most where its longest word allows.
HEADER_LINES = 3


@lru_cache(maxsize=1024)
def header_cell_width(text: str) -> float:
    """The width (Excel's units, a whole or half unit) of a column of the copy for its header
    cell's ``text`` (bold, wrapped): the narrowest that holds its longest word on a line and
    the text in at most :data:`HEADER_LINES` lines, each measured letter by letter in bold
    (:func:`cells.text_lines`; the row is made as tall as its lines, ``fit_row``). Sized from
    the text's length before (1.1 letters a unit, and 2 more): a header of capitals was given
    too little, one of narrow letters too much (session 55)."""
    words = [w for line in text.split("\n") for w in line.split()]
    widest = max((_one_line_width(w, True) for w in words), default=0.0)
    whole = max((_one_line_width(line, True) for line in text.split("\n")), default=0.0)
    width = math.ceil(max(widest, whole / HEADER_LINES) * 2) / 2
    while width < whole and text_lines(text, width, bold=True) > HEADER_LINES:
        width += 0.5
    return width


def _page_parts(c1: int, c2: int, starts: list[int]) -> list[tuple[int, int]]:
    """The columns ``c1`` … ``c2`` cut where a printed page across begins (``starts``)."""
    parts, first = [], c1
    for start in starts:
        if first < start <= c2:
            parts.append((first, start - 1))
            first = start
    parts.append((first, c2))
    return parts


# The copy's title (its first text above the header) as the other sheets print theirs: bold,
# 14 points, or smaller where that does not fit its range on one line (session 29).
_TITLE_SIZES = (14.0, 13.0, 12.0, 11.0)


def _widest_part(parts: list[tuple[int, int]], widths: list[float]) -> tuple[int, int]:
    """Of a range's ``parts`` (one a page across), the widest printed: the first of equals."""

    def pixels(part: tuple[int, int]) -> int:
        first, last = part
        return sum(
            column_pixels(widths[c]) if c < len(widths) else 64 for c in range(first, last + 1)
        )

    return max(parts, key=lambda part: (pixels(part), -part[0]))


# a total's label, folded ('Tổng cộng', 'Cộng', 'Tổng số', 'Cộng tổ 1'): no signature's line
_TOTAL_LABEL = lazyre.compile(r"(?:tong cong|tong so|cong)\b")


def _past_repeated(
    grid: list[list[Any]],
    merged: list[Merge],
    held: set[tuple[int, int]],
    layout: _Layout,
    widths: list[float],
    starts: list[int],
    repeat: int,
    taken: dict[tuple[int, int], tuple[int, int]],
    bold: set[tuple[int, int]] | frozenset = frozenset(),
) -> dict[tuple[int, int], tuple[int, int]]:
    """The one-row texts merged below the table from the columns repeated on every page across
    ('Người lập biểu' and its '(Ký, ghi rõ họ tên)' over B:E, A:C repeated), to print once, on
    the first page across: {a line's first cell: the columns it is written over}, from the
    first column not repeated (D) over as many as the widest line of those merged over the
    same columns needs (the block's lines stay centred alike; bold measured so). A range's
    share in the repeated columns printed again on every later page: the left block's title
    beside the head's date and 'Trưởng xóm' on the last (session 59, G2's Left; session 60).
    Not where those columns run past the first page, hold another text or range on the line's
    row, or the line is marked or noted (``held``), or already placed (``taken``: the lines
    following a date, {first cell: the date's columns}; they go with a date moved so, as a
    group's; the title above the table is no line here)."""
    first_header = layout.first_header
    if first_header is None or not starts or repeat <= 0:
        return {}

    def widest(cell: tuple[int, int], text: str) -> float:
        # a text the head broke into lines (Alt+Enter) is as wide as its widest line, and
        # moves as one on a line does: its lines printed on every page across too (session
        # 61, R3's Left (1) of session 60)
        return max(text_pixels(line, 11.0, cell in bold) for line in text.split("\n"))

    groups: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
    for r1, c1, r2, c2 in merged:
        if r1 != r2 or c1 >= repeat or r1 <= first_header or layout.in_table(r1):
            continue
        if (r1, c1) in held or (r1, c1) in taken or c2 >= starts[0]:
            continue
        # a row holding figures is the table's total ('Tổng cộng' merged A:B over its sums)
        if r1 < len(grid) and any(
            _typed(value)[0] == "number" for value in grid[r1][: _MAX_COL + 1]
        ):
            continue
        kind, out, _ = _typed(_cell_value(grid, (r1, c1)))
        if kind != "string" or not out.strip():
            continue
        groups.setdefault((c1, c2), []).append((r1, c1, out))
    # A line typed in a repeated column's cell alone ('Người lập biểu' in B13, not merged) runs
    # over the cells beside it and printed on every page across too: placed as a merged one,
    # where its own text fits past the repeated columns (a long note that does not is left as
    # typed, not to hold the block's lines with it; session 60, review of H).
    covered = {
        (r, c) for r1, c1, r2, c2 in merged for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)
    }
    long: list[tuple[int, int]] = []  # a text alone too wide for the first page past them
    for r in range(first_header + 1, min(len(grid), _MAX_ROW + 1)):
        if layout.in_table(r) or any(_typed(v)[0] == "number" for v in grid[r][: _MAX_COL + 1]):
            continue
        for c in range(min(repeat, len(grid[r]))):
            if (r, c) in covered or (r, c) in held or (r, c) in taken:
                continue
            kind, out, _ = _typed(grid[r][c])
            if kind != "string" or not out.strip():
                continue
            # a heading naming a class, under the last household ('Hộ thoát nghèo, thoát cận
            # nghèo' over an empty section), or a total's label ('Tổng cộng' beside a formula
            # saved with no value, written as its text) is the table's, left where the head
            # typed it (the lead at the merge, session 60)
            folded = fold(out)
            if (
                "ngheo" in folded
                or _TOTAL_LABEL.match(folded)
                or any(isinstance(v, str) and v.startswith("=") for v in grid[r][: _MAX_COL + 1])
            ):
                continue
            if _room_past(widths, repeat, starts[0], widest((r, c), out)) is None:
                long.append((r, c))
                continue
            groups.setdefault((c, c), []).append((r, c, out))
    # The lines following a date merged from the repeated columns (its title merged B13:E13
    # under 'Ngày …' over B12:F12, centred over B:F): they go where the date goes, else the
    # date alone moved past the repeated columns and its lines printed on every page (session
    # 60, review of H).
    for (r, c), columns in sorted(taken.items()):
        if columns in groups and c < repeat and (r, c) not in held:
            kind, text, _ = _typed(_cell_value(grid, (r, c)))
            if kind == "string" and text.strip():
                groups[columns].append((r, c, text))
    spans = {(r1, c1, r2, c2) for r1, c1, r2, c2 in merged}
    out: dict[tuple[int, int], tuple[int, int]] = {}
    for (c1, c2), lines in groups.items():
        need = max(widest((r, c), text) for r, c, text in lines)
        found = _room_past(widths, repeat, starts[0], need)
        if found is None:
            continue
        last = max(found, c2)
        rows = {r for r, _, _ in lines}
        firsts = {(r, c) for r, c, _ in lines}  # the lines' own ranges are no other range
        # nothing else on those rows in the columns it moves to
        clear = all(
            _cell_value(grid, (r, c)) in (None, "") for r in rows for c in range(c2 + 1, last + 1)
        ) and not any(
            r1 in rows
            and (b1, b2) != (c1, c2)
            and b1 <= last
            and b2 >= repeat
            and (r1, b1) not in firsts
            for r1, b1, _r2, b2 in spans
        )
        if clear:
            out.update({(r, c): (repeat, last) for r, c, _ in lines})
    # A long note typed alone there ran over the first page and on the next after the repeated
    # columns, its start printed again in them ('Ghi chú: hộ NM2 chuyển… xin xã xem xét.' on
    # page 4): merged from its cell to the first page's end, it wraps clear of the repeated
    # columns' share, as a note the head merged over B:X does (:func:`_outside_text`; session
    # 60, review of H). Not where another text or range is on its row there.
    end = starts[0] - 1
    for r, c in long:
        if all(
            _cell_value(grid, (r, other)) in (None, "") for other in range(c + 1, end + 1)
        ) and not any(r1 <= r <= r2 and b1 <= end and b2 >= c for r1, b1, r2, b2 in spans):
            out[(r, c)] = (c, end)
    return out


def _room_past(widths: list[float], repeat: int, end: int, need: float) -> int | None:
    """The last column of the fewest from the first not repeated (``repeat``) holding ``need``
    pixels on one line, before the second page across (``end``); None where they do not."""
    last, room = repeat - 1, -3
    while room < need and last + 1 < end:
        last += 1
        room += column_pixels(widths[last]) if last < len(widths) else 64
    return last if room >= need else None


# A signature block's lines lie within so many rows of its merged line (the date, the title,
# '(Ký, ghi rõ họ tên)', the rows left to sign in, the name).
_BLOCK_ROWS = 8


def _signature_spans(
    grid: list[list[Any]],
    merged: list[Merge],
    held: set[tuple[int, int]],
    layout: _Layout,
    widths: list[float],
    starts: list[int],
    bold: set[tuple[int, int]] | frozenset = frozenset(),
) -> dict[tuple[int, int], tuple[int, int]]:
    """The lines of a signature block merged unlike its merged line, to print centred over
    that line's printed columns: {a line's first cell (row, col): the columns it is written
    over}. A line is a one-row text below the table, alone in its cell or merged; it goes with
    a one-row merged text below the table (not one across the whole table: a note) within
    :data:`_BLOCK_ROWS` rows whose columns hold its own, other than its own and held in no
    wider one near it (the date over R:X, not the note over R:U under it; of several, the
    narrowest, then the nearest), and is written over the columns that text prints in
    (:func:`_widest_part`), centred: the head's
    'Trưởng xóm' typed in R44 alone under his 'Ngày … năm 2024' merged over R:X printed left
    in R, under a date centred over R:X (session 59). Only where the line fits those columns
    on one line and nothing else is written in them on its row; a cell marked or noted
    (``held``) neither moves nor anchors (the guide points there). A line merged across
    part of the anchor's columns (Q:W under R:X) goes with it too, a note merged under the
    block anchors nothing, and a line across two blocks stays (session 59, G2). ``bold``:
    the lines the head wrote bold, measured so."""
    first_header = layout.first_header
    if first_header is None:
        return {}

    def below(r: int) -> bool:
        # a row holding figures is the table's total ('Tổng cộng' merged A:B over its sums), no
        # signature line (session 59, lead: G's rule re-merged it B:D under 'Người lập biểu')
        return (
            r > first_header
            and not layout.in_table(r)
            and not (
                r < len(grid)
                and any(_typed(value)[0] == "number" for value in grid[r][: _MAX_COL + 1])
            )
        )

    def text_at(r: int, c: int) -> str | None:
        kind, out, _ = _typed(_cell_value(grid, (r, c)))
        return out if kind == "string" and out.strip() and "\n" not in out else None

    def empty(r: int, c: int) -> bool:
        kind, out, _ = _typed(_cell_value(grid, (r, c)))
        return kind == "blank" or (kind == "string" and not out.strip())

    covered: dict[tuple[int, int], tuple[int, int]] = {}  # a merged cell: its range's first
    lines: list[tuple[int, int, int]] = []  # (row, first column, last column)
    for r1, c1, r2, c2 in merged:
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                covered[(r, c)] = (r1, c1)
        if r1 == r2 and below(r1) and (r1, c1) not in held and text_at(r1, c1) is not None:
            lines.append((r1, c1, c2))
    # The block's merged lines, not a note merged across the whole table, and of those the
    # widest near it: a line merged over part of another's columns goes with that one.
    anchors = [
        (r, c1, c2)
        for r, c1, c2 in lines
        if c2 > c1 and not (c1 <= layout.first_col and layout.last_col <= c2)
    ]

    def near(line: tuple[int, int, int], other: tuple[int, int, int]) -> bool:
        return (other[1], other[2]) != (line[1], line[2]) and abs(other[0] - line[0]) <= _BLOCK_ROWS

    def within(line: tuple[int, int, int], other: tuple[int, int, int]) -> bool:
        return near(line, other) and other[1] <= line[1] and line[2] <= other[2]

    def crosses(line: tuple[int, int, int], other: tuple[int, int, int]) -> bool:
        """Merged over some of ``other``'s columns and some outside them (Q:W under R:X)."""
        return (
            near(line, other)
            and line[1] <= other[2]
            and other[1] <= line[2]
            and not within(line, other)
            and not within(other, line)
        )

    def apart(a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
        return a[2] < b[1] or b[2] < a[1]

    if not anchors:
        return {}
    for r in range(first_header + 1, min(len(grid), _MAX_ROW + 1)):
        if below(r):
            for c in range(min(len(grid[r]), _MAX_COL + 1)):
                if (r, c) not in covered and (r, c) not in held and text_at(r, c) is not None:
                    lines.append((r, c, c))

    def holds(a: tuple[int, int, int]) -> int:
        """How many other lines near ``a`` lie within its columns (its block's lines)."""
        return sum(
            1
            for b in lines
            if b != a and abs(b[0] - a[0]) <= _BLOCK_ROWS and a[1] <= b[1] and b[2] <= a[2]
        )

    def note(a: tuple[int, int, int]) -> bool:
        """A merged text holding lines above it, one of them merged, and none below (a note
        typed under the block: B:X under the date merged over R:X; not the block's last line,
        '(Ký, ghi rõ họ tên)' merged under a date and a title in cells alone), or two lines on
        one row apart from each other (across both blocks: 'Người lập biểu' and 'Trưởng
        xóm'): no block's (session 59, G2: the date went to B:P, 'Trưởng xóm' stayed in R:X,
        a page apart)."""
        inside = [b for b in lines if within(b, a)]
        if any(b[0] < a[0] and b[2] > b[1] for b in inside) and not any(
            b[0] > a[0] for b in inside
        ):
            return True
        return any(b[0] == d[0] and apart(b, d) for b in inside for d in inside)

    # Of two lines crossing each other's columns, the one holding more of the block's lines
    # is the block's, of equals the upper (the date heads its block).
    anchors = [
        a
        for a in anchors
        if not note(a)
        and not any(crosses(a, b) and (holds(b), -b[0]) > (holds(a), -a[0]) for b in anchors)
    ]
    anchors = [a for a in anchors if not any(within(a, b) for b in anchors)]
    if not anchors:
        return {}
    out: dict[tuple[int, int], tuple[int, int]] = {}
    for r, c1, c2 in lines:
        around = [a for a in anchors if within((r, c1, c2), a) or crosses((r, c1, c2), a)]
        if not around or any(apart(a, b) for a in around for b in around):
            continue  # near no block, or across two blocks' columns: the head's own layout
        _, a1, a2 = min(around, key=lambda a: (a[2] - a[1], abs(a[0] - r), a[0]))
        p1, p2 = _widest_part(_page_parts(a1, a2, starts), widths)
        own = range(c1, c2 + 1)
        if any(
            c not in own and ((r, c) in covered or (r, c) in held or not empty(r, c))
            for c in range(p1, p2 + 1)
        ):
            continue
        room = sum(column_pixels(widths[c]) if c < len(widths) else 64 for c in range(p1, p2 + 1))
        if text_pixels(text_at(r, c1) or "", bold=(r, c1) in bold) > room - 3:
            continue
        if (p1, p2) != (c1, c2):
            out[(r, c1)] = (p1, p2)
    return out


def _title_size(text: str, part: tuple[int, int], widths, repeat: int, starts) -> float | None:
    """The largest title size at which ``text`` prints whole on one line in its merged range
    (``_outside_text``: not broken, not wrapped), so that the copy's title is the head's text
    as written; a title the head broke into lines himself, the largest at which each of his
    lines does, kept as he broke it (session 58; always the smallest before, his lines bold
    11); where none does, the smallest, bold on lines centred in its range (clear of
    the columns repeated on later pages, or wrapped in a range printed on one page across: a
    copy of long names, session 56; regular 11 before). None where even those lines would not
    keep clear (the copy then writes it as before, regular 11)."""
    lines = text.split("\n")
    for size in _TITLE_SIZES:
        if _outside_text(text, part, widths, repeat, starts, size, True)[1] == text and all(
            _outside_text(line, part, widths, repeat, starts, size, True)[1:] == (line, False)
            for line in lines
        ):
            return size
    if _outside_text(text, part, widths, repeat, starts, _TITLE_SIZES[-1], True)[0]:
        return _TITLE_SIZES[-1]
    return None


def _title_height(text: str, wrapped: bool, part: tuple[int, int], widths, size: float) -> float:
    """The title row's height in points: a line of the title's ``size`` (1.5 × the size, session
    29) for each of its lines, those written ('\n') and those its merged range ``part`` wraps
    (``wrapped``) measured in bold at its own width (:func:`cells.merged_width`), as the other
    lines across are (session 56)."""
    lines = 1
    if wrapped:
        first, last = part
        room = merged_width(widths[c] if c < len(widths) else 8.43 for c in range(first, last + 1))
        lines = text_lines(text, room, bold=True, size=size)
    return min(size * 1.5 * lines, MAX_ROW_HEIGHT)


def _title_cell(
    grid: list[list[Any]], layout: _Layout, marks: dict[tuple[int, int], Any]
) -> tuple[int, int] | None:
    """The copied list's title: the first text cell above its header, none marked (a sheet
    whose header was not found has no title told apart)."""
    if layout.first_header is None:
        return None
    for r, values in enumerate(grid[: min(layout.first_header, _MAX_ROW + 1)]):
        for c, value in enumerate(values[: _MAX_COL + 1]):
            if isinstance(value, str) and value.strip():
                return None if (r, c) in marks else (r, c)
    return None


def _lines_within(
    text: str, room: float, size: float = 11.0, bold: bool = False
) -> list[str] | None:
    """``text``'s words on as few lines as fit ``room`` pixels each (regular Times New Roman
    11, as the copy writes it, or the title's bold ``size``, measured by
    :func:`styles.text_pixels` with its 5 % margin), broken where the head's punctuation
    breaks it wherever that number of lines allows (:func:`_punctuation_break`: 'HUYỆN ĐỊNH
    HÓA,' kept on one line, not 'ĐỊNH' / 'HÓA'; session 57), then as even as it allows (the
    widest line as narrow as it can be: no last line of "5/2024" alone); None where a single
    word is wider."""
    greedy = _greedy_lines(text, room, size, bold)
    if greedy is None or len(greedy) == 1:
        return greedy
    words = text.split()
    space = text_units(" ", bold)
    ends = list(accumulate((text_units(word, bold) + space for word in words), initial=0))

    def width(i: int, j: int) -> float:  # text_pixels of words[i:j] on one line, by their units
        return units_pixels(ends[j] - ends[i] - space, size)

    # Per line count and words placed: the fewest breaks not at punctuation, the widest line,
    # the lines' first words negated (of equals, the first lines the fuller, as the greedy
    # lines are); each line's words taken after the best of those before them.
    # A line's first word is sought back from its last only while the line fits, each line
    # measured by its words' units added (a 400-word text took 13 s, each line measured again
    # from every word before it; session 57, review).
    best: dict[tuple[int, int], tuple[int, float, tuple[int, ...]]] = {(0, 0): (0, 0.0, ())}
    for k in range(1, len(greedy) + 1):
        for j in range(k, len(words) + 1):
            options = []
            for i in range(j - 1, k - 2, -1):
                if width(i, j) > room:
                    break
                if (k - 1, i) in best:
                    plain, widest, starts = best[k - 1, i]
                    options.append((plain + (i > 0 and not _punctuation_break(words, i)),
                                    max(widest, width(i, j)), starts + (-i,)))  # fmt: skip
            if options:
                best[k, j] = min(options)
    starts = [-i for i in best[len(greedy), len(words)][2]] + [len(words)]
    return [" ".join(words[a:b]) for a, b in zip(starts, starts[1:], strict=False)]


# A dash standing alone between a title's phrases ('THÁI NGUYÊN – CẬP NHẬT'), a word's
# punctuation at its end ('NGHÈO,', 'HÓA,') or an opening bracket at its start: a line broken
# there keeps the phrases whole (session 57).
_DASHES = frozenset("-–—")


def _punctuation_break(words: list[str], i: int) -> bool:
    """Whether a line broken before ``words[i]`` breaks where the text's punctuation does:
    after a comma, semicolon, colon, full stop or closing bracket, on either side of a dash
    standing alone, before an opening bracket."""
    before, after = words[i - 1], words[i]
    return (
        before[-1] in ",;:.)" or set(before) <= _DASHES or set(after) <= _DASHES or after[0] == "("
    )


def _greedy_lines(
    text: str, room: float, size: float = 11.0, bold: bool = False
) -> list[str] | None:
    lines: list[str] = []
    for word in text.split():
        if lines and text_pixels(f"{lines[-1]} {word}", size, bold) <= room:
            lines[-1] = f"{lines[-1]} {word}"
        elif text_pixels(word, size, bold) <= room:
            lines.append(word)
        else:
            return None
    return lines


def _outside_text(
    text: str,
    part: tuple[int, int],
    widths: list[float],
    repeat: int,
    starts: list[int],
    size: float = 11.0,
    bold: bool = False,
    placed: bool = False,
) -> tuple[bool, str, bool]:
    """How a merged text above the table (a title) or below it (the signature) prints in the
    columns ``part`` (its range cut at the end of its first page): (centred, the text to
    write, wrapped). Centred, as a head merges such a text to centre it; a text wider than its
    columns wraps. Printed over several pages with columns repeated, a range beginning in them
    prints its repeated columns' share on every later page, so its text must stay clear of
    them there (a centred title cut to "DANH SÁCH HỘ NGH" on page 2): centred where it keeps
    clear, else left where it fits in the repeated columns (whole on every page), else centred
    on the head's own lines where he broke it and each keeps clear (session 58), else centred
    on lines that keep clear (breaks at spaces), else left and wrapped as it falls. ``size``,
    ``bold``: the text's font (the title's, ``_title_size``). ``placed``: a title wrapped in a
    range printed on one page across is written on lines of its own too, placed as
    :func:`_lines_within` places them (at its commas), not left for Excel to break wherever a
    line fills ('… THÔN NÀ MÒN, XÃ' / 'TRUNG LƯƠNG, …'; session 58); one the head broke into
    lines himself is written as he broke it."""
    first, last = part
    pixels = [column_pixels(widths[c]) if c < len(widths) else 64 for c in range(first, last + 1)]
    room = sum(pixels) - 3
    # A text the head broke into lines himself (Alt+Enter) is as wide as its widest line and
    # wraps at his breaks: written unwrapped, its row one line tall, it printed cut
    # (session 58).
    broken = "\n" in text
    need = max(text_pixels(line, size, bold) for line in text.split("\n"))
    if not (starts and first < repeat <= last):
        # a title the head broke into lines himself keeps his lines (each wraps as it falls)
        own = placed and need > room and not broken
        lines = _lines_within(text, room, size, bold) if own else None
        if lines and len(lines) > 1:
            return True, "\n".join(lines), True
        return True, text, broken or need > room
    shared = sum(pixels[: repeat - first])  # printed again on every later page
    if need <= room - 2 * shared:
        return True, text, broken  # the head's own lines too, each clear of them
    if need <= shared - 3:
        return False, text, broken
    lines = _lines_within(text, room - 2 * shared, size, bold) if room > 2 * shared else None
    if lines and len(lines) <= 4:
        return True, "\n".join(lines), True
    return False, text, broken or need > room  # his lines wrapped (unwrapped before: cut)


# At most so many rows below the empty ones may be left unprinted: a signature block, not a
# second table the head wrote far down.
_UNPRINTED_ROWS = 10


def _print_end(
    filled: set[int],
    numbers: set[int],
    marked: set[int],
    merged: list,
    page: float,
    last_data: int | None = None,
) -> int | None:
    """The last row (0-based) a copy prints: the last row holding a value above a run of empty
    rows taller than ``page`` (points, a printed page's room) under which nothing but a
    signature is written: a few rows (``_UNPRINTED_ROWS``) of text only (no row of
    ``numbers``: a number or date, as a household's STT or birth year), no cell marked or noted
    (``marked``), no household read (``last_data``); the merged ranges begun above it print
    whole. None: the whole sheet prints."""
    rows = sorted(filled)
    below = max(marked | numbers | {-1 if last_data is None else last_data})
    for above, under in zip(rows, rows[1:], strict=False):
        if (
            above >= below
            and (under - above - 1) * ROW_HEIGHT_PT > page
            and rows[-1] - under < _UNPRINTED_ROWS
        ):
            return max([above] + [r2 for r1, _, r2, _ in merged if r1 <= above])
    return None


def _write_copy(
    ctx: Context,
    fm: _Formats,
    ws: Worksheet,
    grid: list[list[Any]],
    marks: dict[tuple[int, int], tuple[str, list[str]]],
    layout: _Layout,
    file: str,
    merges: list[Merge] | tuple[Merge, ...] = (),
    notes: dict[tuple[int, int], str] | None = None,
    struck: set[tuple[int, int]] | frozenset = frozenset(),
    emphasis: dict[tuple[int, int], tuple[bool, bool]] | None = None,
    rich: dict[tuple[int, int], Fragments] | None = None,
    struck_runs: dict[tuple[int, int], StruckPieces] | None = None,
) -> None:
    """The submitted sheet, each value at its own cell, marked cells filled and annotated, its
    merged ranges merged again (the title, a parent header over its columns), its cells struck
    through struck (``struck``: (row, col) 0-based), its texts below the table bold or italic
    as he wrote them (``emphasis``: (row, col): (bold, italic); his signature block's 'Trưởng
    xóm'; ``rich``: those partly so, their fragments written as rich text, session 62), its
    texts struck in part with their struck pieces struck (``struck_runs``: the grid holding
    their whole text, '~~NM5~~ NM6'; session 67), so that the copy looks like the head's own
    file."""
    merged = _mergeable(merges, marks)
    spread = {(r1, c1) for r1, c1, _, c2 in merged if c2 > c1}  # text spread over columns

    def his_fonts(r: int, c: int) -> bool:
        """Whether the text at (r, c) is written in the head's bold and italic: below his
        table (session 59), or above its header, the title aside (session 65: his italic 'Xã
        Trung Lương' under the title was written plain); not the table's, whose bold is the
        copy's error mark, nor the title, the copy's (bold, in a size it fits on a line), nor
        a cell marked (an error's bold, a warning's plain, as everywhere)."""
        if layout.first_header is None or (r, c) in marks:
            return False
        if r < layout.first_header:
            return (r, c) != title
        return r > layout.first_header and not layout.in_table(r)

    def emphasised(r: int, c: int) -> tuple[bool, bool] | None:
        """The head's bold or italic of a text outside his table (:func:`his_fonts`)."""
        if not emphasis or not his_fonts(r, c):
            return None
        return emphasis.get((r, c))

    def fragments(r: int, c: int, text: Any) -> Fragments | None:
        """The head's words of a text outside his table partly bold or italic, as ``text`` (the
        value written, perhaps placed on lines) splits by them; None where written in one font
        (where :func:`his_fonts` says not, or the text is not his as read)."""
        if not rich or (r, c) not in rich or not isinstance(text, str):
            return None
        if not his_fonts(r, c):
            return None
        return _fragments_as(rich[(r, c)], text)

    def write(
        r: int,
        c: int,
        kind: str,
        out: Any,
        fmt: Format,
        strike: bool = False,
        source: tuple[int, int] | None = None,
    ) -> None:
        """A copied cell (:func:`_write_typed`), a text partly bold or italic, or struck in
        part, as rich text in a font per fragment; ``source``: the head's cell, where it is
        written elsewhere."""
        at = source or (r, c)
        runs = fragments(*at, out) if kind == "string" else None
        cut = None
        if kind == "string" and struck_runs and at in struck_runs:
            cut = _fragments_as(struck_runs[at], out)
        if runs is None and cut is None:
            _write_typed(ws, r, c, kind, out, fmt)
            return
        # a piece struck in part in the cell's own bold and size (a header's, an error's)
        runs = runs or ((out, bool(fmt.bold), bool(fmt.italic)),)
        size = {} if fmt.font_size == _BASE["font_size"] else {"font_size": fmt.font_size}
        pieces: list[Any] = []
        for text, heavy, slanted, struck_piece in _overlaid(runs, cut or ((out, strike),)):
            props = {"bold": True} if heavy else {}  # a font per fragment
            if slanted:
                props["italic"] = True
            if struck_piece:
                props["font_strikeout"] = True
            pieces += [fm.get(**props, **size), text]
        if len(pieces) == 2:  # one font after all
            _write_typed(ws, r, c, kind, out, fmt)
            return
        ws.write_rich_string(r, c, *pieces, fmt)

    header_rows: set[int] = set()
    if layout.first_header is not None and layout.last_header is not None:
        header_rows = set(range(layout.first_header, layout.last_header + 1))
    merged_first = {(r1, c1) for r1, c1, _, _ in merged}  # written again as merged below
    title = _title_cell(grid, layout, marks)
    widths: dict[int, float] = {}
    # Per row, the wrapped texts it must be tall enough for: the header's, and the table's texts
    # longer than the widest column (a head's name of 60 letters) or of several lines.
    wrapped: dict[int, list[tuple[int, str]]] = {}
    bold_wrapped: set[tuple[int, int]] = set()  # those of an error's cell, printed bold
    written: set[tuple[int, int]] = set()
    filled: set[int] = set()  # the rows holding a value
    numbers: set[int] = set()  # and those holding a number or date
    for r, values in enumerate(grid[: _MAX_ROW + 1]):
        sizes = layout.sizes_columns(r)
        if sizes and header_rows and r not in header_rows and _lone_text(values):
            # a line of its own between the households ('Hộ chuyển đi xóm Bản Cọ', 'II. HỘ
            # CẬN NGHÈO', a note): shown over the empty cells beside it, as the head's file
            # shows it, not widening its column (session 30, QA)
            sizes = False
        for c, value in enumerate(values[: _MAX_COL + 1]):
            kind, out, num_format = _typed(value)
            mark = marks.get((r, c))
            box = layout.boxes(r, c)
            in_header = r in header_rows and box
            if kind == "blank" and mark is None and not box:
                continue
            if kind == "number" and not in_header and c in layout.num_formats:
                num_format = layout.num_formats[c] if float(out).is_integer() else None
            sized = sizes and (r, c) not in spread  # a merged title spans its columns
            # A text of the table as wide as it prints on one line, measured letter by letter
            # as the lists' texts are; wrapped where wider than the widest column (session 54,
            # H3; by its length before: a note of 39 capitals, 37.45 units by its length, 49.94
            # measured, was not wrapped and Excel cut it at the column's edge)
            bold = bool(mark and mark[0] == "error")  # an error's cell is bold
            measured = (
                _one_line_width(out, bold)
                if sized and kind == "string" and not in_header and "\n" not in out
                else 0.0
            )
            wraps = (
                sized
                and kind == "string"
                and not in_header
                and (r, c) not in merged_first
                and ("\n" in out or measured > _MAX_WIDTH)
            )
            is_title = (r, c) == title and (r, c) not in merged_first
            fmt = fm.copy_cell(
                mark[0] if mark else None, num_format, in_header, box, wraps, title=is_title,
                strike=(r, c) in struck, emphasis=emphasised(r, c),
            )  # fmt: skip
            write(r, c, kind, out, fmt, (r, c) in struck)
            if kind != "blank":
                filled.add(r)
                if kind != "string":
                    numbers.add(r)
            if is_title:
                ws.set_row(r, _TITLE_SIZES[0] * 1.5)
            written.add((r, c))
            if not sized:
                continue
            width = 0.0
            if kind in ("number", "datetime"):  # as shown, bold in a header or an error's cell
                width = _one_line_width(_shown_number(kind, out, num_format), bold or in_header)
            if in_header:
                text = str(out) if kind == "string" else ""
                wrapped.setdefault(r, []).append((c, text))
                if text:
                    width = header_cell_width(text)
            elif wraps:
                wrapped.setdefault(r, []).append((c, out))
                if bold:
                    bold_wrapped.add((r, c))
            if kind == "string" and not in_header:
                # A text on one line as wide as it prints in Excel (a name of wide letters
                # such as "Lường Quang Cường" needs more than its letters count says; bold
                # where marked an error): LibreOffice, 5.7 % wider, showed it whole, Excel
                # cut its last letter (session 26). A text of several lines: its widest.
                width = measured or max(
                    (_one_line_width(line, bold) for line in out.split("\n")), default=0.0
                )
            widths[c] = max(widths.get(c, 0.0), width)
    for (r, c), (severity, messages) in sorted(marks.items()):
        if (r, c) not in written:
            box = layout.boxes(r, c)
            fmt = fm.copy_cell(severity, None, r in header_rows and box, box)
            ws.write_blank(r, c, None, fmt)
            widths.setdefault(c, 8.0)
        _put_note(ws, r, c, messages)
    for (r, c), note in sorted((notes or {}).items()):
        if r <= _MAX_ROW and c <= _MAX_COL:
            _put_note(ws, r, c, [note])  # a formula without a value no issue marks
    widths = {c: min(_MAX_WIDTH, max(_MIN_WIDTH, w)) for c, w in widths.items()}
    for c in sorted(widths):
        ws.set_column(c, c, widths[c])
    # A sheet wider than a page prints across pages at a readable scale, the household's
    # STT, Mã hộ and name repeated on each, over then down: a household's row is on
    # consecutive pages (docs/decisions.md, session 24).
    last_col = max([c for _, c in written] + [c for _, c in marks] + list(widths), default=-1)
    column_widths = [widths.get(c, 8.43) for c in range(min(last_col, 255) + 1)]
    repeat = layout.frozen_cols
    # Printed with its row numbers and column letters (session 30), which take room on every
    # page: a note's 'Ô H5' is found on paper.
    scale, pages = wide_print(column_widths, repeat, headings=True)
    starts = page_starts(column_widths, repeat, scale, headings=True) if pages > 1 else []
    spans: dict[int, list[tuple[str, float]]] = {}  # per row, merged texts and their widths
    # ... those of them printed bold, or partly bold (a head's 'Trưởng xóm' bold by its runs):
    # measured bold, as an error's bold cell is (session 64; measured regular before, a line
    # short in Excel where its bold words take one more)
    bold_spans: dict[int, list[tuple[str, float]]] = {}
    # A signature block's lines merged unlike its date print centred over the date's columns
    # (session 59); a line in a cell alone is merged there as the head's merged lines are.
    held = set(marks) | set(notes or {})
    bold = {cell for cell, (heavy, _) in (emphasis or {}).items() if heavy}
    # a text partly bold measured bold: room for its bold words whichever they are (session 62)
    bold |= {cell for cell, runs in (rich or {}).items() if any(h for _, h, _ in runs)}
    aligned = _signature_spans(grid, merged, held, layout, column_widths, starts, bold)
    # the left block merged from the repeated columns prints once, past them (session 60), or
    # typed there in a cell alone (session 60, review of H)
    past = _past_repeated(
        grid, merged, held, layout, column_widths, starts, repeat, dict(aligned), bold
    )
    aligned.update(past)
    alone = [(r, c, r, c) for r, c in sorted(aligned) if (r, c) not in merged_first]
    for r1, c1, r2, c2 in [*merged, *alone]:
        kind, out, num_format = _typed(_cell_value(grid, (r1, c1)))
        # A header cell merged down from above the header row found ('STT' over three rows)
        # looks like the header: the merged cell shows its first cell's format only.
        cells = [(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]
        box = any(layout.boxes(r, c) for r, c in cells)
        in_header = box and any(r in header_rows for r, _ in cells)
        mark = marks.get((r1, c1))
        outside = layout.first_header is not None and not (
            layout.in_table(r1) or layout.in_table(r2)
        )
        # A merged range printed across pages (session 26): the title block's ends on the page
        # of its first column, the signature's prints on one page (below), a parent header's go
        # on as ranges of their own, one a page, each showing the header's text.
        parts = _page_parts(c1, c2, starts)
        below = outside and layout.first_header is not None and r1 > layout.first_header
        if (r1, c1) in aligned:
            parts = [aligned[(r1, c1)]]
            if not parts[0][0] <= c1 <= parts[0][1]:
                ws.write_blank(r1, c1, None, fm.get())
        elif below and mark is None and (r1, c1) not in (notes or {}):
            # The signature block's ranges print on the page holding most of their width (the
            # head's 'Ngày … năm 2024' over R:X cut at T prints in T:X on the last page across,
            # not wrapped in R:S; session 58), where the template's print whole; its first cell
            # left blank (a cell marked or noted keeps its place, where the guide points).
            parts = [_widest_part(parts, column_widths)]
            if parts[0][0] != c1:
                ws.write_blank(r1, c1, None, fm.get())
        elif outside:
            parts = parts[:1]  # the title block on the first page, where a head looks for it
        elif not in_header:
            parts = [(c1, c2)]
        center, text, lines = False, out, False
        size = None
        if (r1, c1) == title and r1 == r2 and outside and kind == "string" and mark is None:
            size = _title_size(out, parts[0], column_widths, repeat, starts)
        if size is not None:
            center, text, lines = _outside_text(
                out, parts[0], column_widths, repeat, starts, size, True, placed=True
            )
            ws.set_row(r1, _title_height(text, lines, parts[0], column_widths, size))
        elif outside and kind == "string" and mark is None:
            heavy = bool((emphasised(r1, c1) or (False,))[0])  # measured as printed
            heavy = heavy or (r1, c1) in bold  # (a text partly bold: as if all of it were)
            center, text, lines = _outside_text(
                out, parts[0], column_widths, repeat, starts, bold=heavy
            )
            if lines and r1 == r2:
                room = sum(widths.get(c, 8.43) for c in range(parts[0][0], parts[0][1] + 1))
                (bold_spans if heavy else spans).setdefault(r1, []).append((text, room))
        fmt = fm.copy_cell(
            mark[0] if mark else None, num_format, in_header, box, lines, center,
            emphasis=emphasised(r1, c1),
        )  # fmt: skip
        if size is not None:
            fmt = fm.get(bold=True, font_size=size, align="center" if center else "left")
            if lines:  # on lines of its own, or wrapped in its range (session 56)
                # left where the head's lines keep to the repeated columns (session 58)
                align = "center" if center else "left"
                fmt = fm.get(bold=True, font_size=size, align=align, text_wrap=True)
        first_fmt, first_text = fmt, text
        if in_header and kind == "string" and r1 == r2 and starts and c1 < repeat <= c2:
            # A parent header begun in the repeated columns ('Thông tin chủ hộ' over C:E, A:C
            # repeated) prints their share on every later page: its words placed as a title's
            # are (session 57), centred where they keep clear of that share, else left where
            # they fit in it, whole on every page ('Thông tin chủ' cut there before).
            center, first_text, lines = _outside_text(
                out, parts[0], column_widths, repeat, starts, bold=True
            )
            first_fmt = fm.copy_cell(
                mark[0] if mark else None, num_format, in_header, box, lines, center,
                left=not center,
            )  # fmt: skip
            if first_text != out or lines:
                room = sum(widths.get(c, 8.43) for c in range(parts[0][0], parts[0][1] + 1))
                spans.setdefault(r1, []).append((first_text, room))
        for first, last in parts:
            # '' first, then the value by its type: input text is never a formula.
            part_fmt, part_text = (first_fmt, first_text) if first == c1 else (fmt, text)
            if (r1, first) != (r2, last):
                ws.merge_range(r1, first, r2, last, "", part_fmt)
            if (size is None and not in_header) or (struck_runs and (r1, c1) in struck_runs):
                # a text below the table in the head's fonts (moved past the repeated columns:
                # written where it prints; session 62), or struck in part (session 67)
                write(r1, first, kind, part_text, part_fmt, (r1, c1) in struck, (r1, c1))
            else:
                _write_typed(ws, r1, first, kind, part_text, part_fmt)
            if len(parts) > 1 and in_header and kind == "string" and r1 == r2:
                room = sum(widths.get(c, 8.43) for c in range(first, last + 1))
                spans.setdefault(r1, []).append((text, room))
    if starts:
        ws.set_v_pagebreaks(starts)  # where LibreOffice breaks, so Excel breaks there too
    for r in sorted(set(wrapped) | set(spans) | set(bold_spans)):
        cells = [(text, widths.get(c, 8.43)) for c, text in wrapped.get(r, [])]
        if r in header_rows:
            # a header row's cells are bold (fm.copy_cell), measured so (session 55)
            fit_row(ws, r, cells + spans.get(r, []) + bold_spans.get(r, []), bold=True)
            continue
        # an error's cell is bold too, its text measured so (session 55's review: a text of
        # two lines regular, three bold, was given two and its last line cut in Excel)
        row_cells = wrapped.get(r, [])
        heavy = [(text, widths.get(c, 8.43)) for c, text in row_cells if (r, c) in bold_wrapped]
        heavy += bold_spans.get(r, [])
        plain = [(text, widths.get(c, 8.43)) for c, text in row_cells if (r, c) not in bold_wrapped]
        plain += spans.get(r, [])
        bolder = wrapped_lines(heavy, bold=True) > wrapped_lines(plain)
        fit_row(ws, r, heavy if bolder else plain, bold=bolder)
    if layout.last_header is not None:
        ws.freeze_panes(layout.last_header + 1, layout.frozen_cols)
    if any(severity == "error" for severity, _ in marks.values()):
        ws.set_tab_color(ERROR_FILL)
    elif marks:
        ws.set_tab_color(WARNING_FILL)
    ws.set_paper(9)
    ws.set_landscape()
    if pages == 1 and scale == 1.0:
        ws.fit_to_pages(1, 0)
    else:
        ws.set_print_scale(round(scale * 100))
        ws.print_across()
        if repeat and pages > 1:
            ws.repeat_columns(0, repeat - 1)
    # The row numbers' room given back by narrow side margins (styles.HEADINGS_SIDE_MARGIN)
    side = HEADINGS_SIDE_MARGIN
    ws.set_margins(left=side, right=side, top=0.6, bottom=0.6)
    ws.print_row_col_headers()
    if layout.last_header is not None:
        ws.repeat_rows(layout.first_header, layout.last_header)
    ws.set_header(_t("print.header", file=file[-120:].replace("&", "&&")))
    ws.set_footer(t("footer", ctx.lang))
    # The signature under the table prints with the table's last households, not alone on a
    # page under the repeated header (session 26).
    last_row = max([r for r, _ in written] + [r for r, _ in marks], default=-1)
    own_scale = None if pages == 1 and scale == 1.0 else round(scale * 100) / 100
    # Rows below a run of empty rows longer than a page (the blank template's signature under a
    # short list) are not printed, nor the empty rows: a print area, none of them hidden (the
    # copy is the workbook the head corrects; session 37).
    end = _print_end(
        filled, numbers, {r for r, _ in marks} | {r for r, _ in notes or {}}, merged,
        max(page_capacities(column_widths, own_scale, headings=True)), layout.last_data,
    )  # fmt: skip
    if end is not None and end < last_row:
        ws.print_area(0, 0, end, max(last_col, 0))
        last_row = end
    if layout.last_data is not None and layout.last_header is not None:
        if layout.last_header < layout.last_data < last_row:
            repeated = (layout.first_header, layout.last_header)
            # its last three households, as the lists (session 46; two before)
            first = layout.last_header + 1
            keep = end_rows(layout.last_data - layout.last_header)
            keep_with_table(ws, column_widths, layout.last_data, last_row, repeated, keep, 0,
                            own_scale, headings=True, first=first)  # fmt: skip
