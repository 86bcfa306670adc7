"""The issue catalogue: every problem the pipeline can report, with a stable code.

Each entry: code -> (severity, level, Vietnamese template, English template).
Templates are ``str.format`` strings over the issue's fields (``value``,
``column``, ``cell``, ``sheet``, ``detail``, ...). Every message says what is
wrong *and* what to write instead. Severity ``error`` excludes the row (row
level) or rejects the file (file level); ``warning`` only informs.
Codes are kebab-case and never change meaning once published.
"""

from __future__ import annotations

from dataclasses import dataclass

from schemas.rules import HEAD_MIN_AGE


@dataclass(frozen=True, eq=False, repr=False)
class IssueType:
    """One code of the catalogue: its severity, level and message in both languages. Frozen,
    without the ``__eq__``, ``__hash__`` and ``__repr__`` nothing asks of an entry (a dataclass
    compiles each at every import; the docstring spares it working one out: session 33)."""

    code: str
    severity: str  # "error" | "warning"
    level: str  # "run" | "file" | "row"
    vi: str
    en: str
    # Narrower wordings of the message, for a case where part of it says nothing: (name,
    # Vietnamese, English); an issue names the one it is said in (``Issue.variant``).
    variants: tuple[tuple[str, str, str], ...] = ()

    def head_variant(self, variant: str = "") -> str | None:
        """The variant said to the hamlet head, in their feedback workbook, of a message worded
        for the officer: 'head' for the plain message, '<variant>-head' for a variant; None
        when the message is said to both alike."""
        name = f"{variant}-head" if variant else "head"
        return name if any(v[0] == name for v in self.variants) else None

    def uncounted_variant(self, variant: str = "") -> str | None:
        """The variant of a warning that says its household is still counted ('hộ vẫn được
        tính'), said without it where the row is left out for another reason in the same run:
        'uncounted' for the plain message, '<variant>-uncounted' for a variant; None when the
        message does not say so (rosterchecks.counted_not_said; session 48)."""
        name = f"{variant}-uncounted" if variant else "uncounted"
        return name if any(v[0] == name for v in self.variants) else None

    def template(self, lang: str, variant: str = "") -> str:
        for name, vi, en in self.variants:
            if name == variant:
                return en if lang == "en" else vi
        return self.en if lang == "en" else self.vi


# The `unknown-hamlet` variants of a list sent apart by the head of a hamlet merged into another
# in the plan (consolidate.refused_by_codes): told by its codes, or by its heads' names and
# birth years when it writes nearly no code (session 26).
MERGED_LIST_VARIANTS = frozenset({"merged", "merged-names"})

# The `unknown-hamlet` variants of a list sent apart the history tells merged into a hamlet that
# sent its own list (renames._joined_by_history): its households to give that hamlet's head
# ('joined-sent'; '-start', some of its codes on the start list; '-title', named by its title:
# session 49, W1; '-lists', the merger told by this month's lists, no start list: session 57,
# D3), or all on that hamlet's list already ('joined-listed').
JOINED_SENT_VARIANTS = frozenset(
    {"joined-sent", "joined-sent-start", "joined-sent-title", "joined-sent-start-title",
     "joined-sent-lists", "joined-sent-lists-title"}
)  # fmt: skip
# ... held apart (holding.held_apart: it lists households of the start list or of last month's
# lists no list counted has), which leaves the hamlet it joined out of the commune's figures
# until that hamlet's list holds them: said in its words ('-held' before '-title' or '-head';
# session 50's T24, built by _held below).
JOINED_HELD_VARIANTS = frozenset(
    {"joined-sent-held", "joined-sent-start-held", "joined-sent-held-title",
     "joined-sent-start-held-title", "joined-sent-lists-held", "joined-sent-lists-held-title"}
)  # fmt: skip
JOINED_SENT_VARIANTS = JOINED_SENT_VARIANTS | JOINED_HELD_VARIANTS
JOINED_LISTED_VARIANTS = frozenset({"joined-listed", "joined-listed-title"})


# A list of this month whose 'Kỳ báo cáo' says another (period-differs-*), holding the very bytes
# of the hamlet's list of the month it says ({instead}): last month's file sent again, not this
# month's with the cell left; correcting the cell would count last month's households as this
# month's (session 43). Said to the head in their own words ('-head').
SAME_FILE_HEAD = (
    "same-file-head",
    "Tệp giống hệt danh sách kỳ {value} xóm đã gửi ({instead}): có lẽ xóm gửi nhầm tệp kỳ {value}, nên tệp không được tính vào kỳ {detail}. Đừng sửa ô 'Kỳ báo cáo' của tệp này; hãy gửi danh sách kỳ {detail}.",
    "The file is the very same as the hamlet's {value} list sent before ({instead}): the {value} file was probably sent again, so it is not counted in {detail}. Do not correct its 'Kỳ báo cáo' cell; send the {detail} list.",
)
SAME_FILE_VARIANT = (
    "same-file",
    "Tệp giống hệt danh sách kỳ {value} của xóm đã nhận ({instead}): có lẽ xóm gửi nhầm tệp kỳ {value}, nên tệp không được tính vào kỳ {detail}. Đừng sửa ô 'Kỳ báo cáo' của tệp này; hãy nhờ trưởng xóm gửi danh sách kỳ {detail}.",
    "The file is the very same as the hamlet's {value} list received ({instead}): the {value} file was probably sent again, so it is not counted in {detail}. Do not correct its 'Kỳ báo cáo' cell; ask the hamlet head for the {detail} list.",
)


_CATALOGUE: tuple[IssueType, ...] = (
    # --- the folder and its files ----------------------------------------
    IssueType(
        "file-skipped",
        "warning",
        "file",
        "Bỏ qua tệp không phải bảng tính ({detail}). Nếu đây là danh sách hộ, hãy lưu lại dạng .xlsx.",
        "Skipped a file that is not a spreadsheet ({detail}). If it is a roster, save it as .xlsx.",
        (
            (
                "archive",
                "Tệp nén ({detail}): các tệp bên trong không được đọc.{value} Nếu chưa giải nén, hãy giải nén vào thư mục đầu vào (nhấp chuột phải vào tệp, chọn Giải nén / Extract All) rồi chạy lại; nếu đã giải nén rồi, có thể xóa tệp nén.",
                "A compressed file ({detail}): the files inside are not read.{value} If it is not unpacked yet, unpack it into the input folder (right-click the file, Extract All) and run again; if it is, the compressed file can be deleted.",
            ),
            (
                "shortcut",
                "Đây là lối tắt (shortcut) tới một tệp, không phải chính tệp đó ({detail}): tệp qua lối tắt không được đọc. Nếu lối tắt trỏ tới danh sách của xóm, hãy chép chính tệp danh sách (không phải lối tắt) vào thư mục đầu vào rồi chạy lại; nếu không, có thể xóa lối tắt.",
                "A shortcut to a file, not the file itself ({detail}): a file behind a shortcut is not read. If it points to a hamlet's list, copy the list itself (not the shortcut) into the input folder and run again; otherwise the shortcut can be deleted.",
            ),
            # a spreadsheet named with a leading dot: hidden on Linux and a Mac (session 50)
            (
                "hidden",
                "Bỏ qua tệp ẩn: tên tệp bắt đầu bằng dấu chấm (thường do phần mềm đồng bộ hoặc máy Mac đặt) nên không được đọc. Nếu đây là danh sách của xóm, hãy đổi tên tệp bỏ dấu chấm ở đầu (thành '{value}') rồi chạy lại; nếu không, có thể xóa tệp.",
                "Skipped a hidden file: its name starts with a dot (as a sync tool or a Mac names it), so it is not read. If it is a hamlet's list, rename it without the leading dot (to '{value}') and run again; otherwise the file can be deleted.",
            ),
            # a file our runs write, no spreadsheet ('{detail}': the history store, a month's
            # manifest, the JSON summary), met in an input folder (session 50)
            (
                "own-file",
                "Đây là tệp do giamngheo tạo ({detail}), không phải danh sách của xóm; đã bỏ qua. Không cần để tệp kết quả trong thư mục đầu vào.",
                "This is a file made by giamngheo ({detail}), not a hamlet's list; it was skipped. Output files need not be in the input folder.",
            ),
            # a hidden folder ('.thang5/') holding spreadsheets, passed over by the walk:
            # said with its lists (session 50)
            (
                "hidden-folder",
                "Bỏ qua thư mục ẩn: tên thư mục bắt đầu bằng dấu chấm (thường do phần mềm đồng bộ hoặc máy Mac đặt) nên các tệp trong đó không được đọc, kể cả {value}. Nếu đó là danh sách của xóm, hãy đổi tên thư mục bỏ dấu chấm ở đầu (thành '{detail}') rồi chạy lại.",
                "Skipped a hidden folder: its name starts with a dot (as a sync tool or a Mac names it), so the files in it are not read, {value} included. If those are hamlets' lists, rename the folder without the leading dot (to '{detail}') and run again.",
            ),
            # ... its name without the dot taken by a folder beside it ('thang5' there): no
            # rename gives it, the files are moved (session 61)
            (
                "hidden-folder-beside",
                "Bỏ qua thư mục ẩn: tên thư mục bắt đầu bằng dấu chấm (thường do phần mềm đồng bộ hoặc máy Mac đặt) nên các tệp trong đó không được đọc, kể cả {value}. Bên cạnh đã có thư mục '{detail}' nên không đổi tên được: nếu đó là danh sách của xóm, hãy chuyển những tệp chưa có trong thư mục '{detail}' vào đó rồi chạy lại.",
                "Skipped a hidden folder: its name starts with a dot (as a sync tool or a Mac names it), so the files in it are not read, {value} included. A folder '{detail}' is already beside it, so it cannot be renamed so: if those are hamlets' lists, move the ones not yet in '{detail}' into it and run again.",
            ),
            # a folder our runs write (it holds '{detail}') with a spreadsheet put in it by
            # hand: passed over with its files, said (session 50)
            (
                "output-folder",
                "Bỏ qua thư mục kết quả của giamngheo (có tệp '{detail}'): các tệp trong đó không được đọc, kể cả {value}. Nếu đó là danh sách mới của xóm, hãy chép chúng ra thư mục đầu vào (ngoài thư mục này) rồi chạy lại.",
                "Skipped an output folder of giamngheo (it holds '{detail}'): the files in it are not read, {value} included. If those are hamlets' new lists, copy them out into the input folder (outside this folder) and run again.",
            ),
        ),
    ),
    IssueType(
        "not-a-roster",
        "warning",
        "file",
        "Tệp không phải danh sách hộ hay kế hoạch (không có trang 'Thông tin' và không tìm thấy dòng tiêu đề cột 'Mã hộ', 'Họ và tên chủ hộ'...). Đã bỏ qua.",
        "The file is neither a roster nor a plan (no 'Thông tin' sheet and no header row with 'Mã hộ', 'Họ và tên chủ hộ', ...). Skipped.",
    ),
    IssueType(
        "file-unreadable",
        "error",
        "file",
        "Không đọc được tệp. {value} Hãy nhờ trưởng xóm mở tệp gốc bằng Excel, chọn Lưu thành (Save As) kiểu Sổ làm việc Excel (.xlsx) rồi gửi lại tệp vừa lưu. (Chi tiết kỹ thuật: {detail})",
        "The file cannot be read. {value} Ask the hamlet head to open the original file in Excel, Save As an Excel Workbook (.xlsx) and send the saved file again. (Technical detail: {detail})",
        # said to the hamlet head, in their feedback workbook
        (
            (
                "head",
                "Xã không đọc được tệp này. {value} Hãy mở tệp gốc bằng Excel, chọn Lưu thành (Save As) kiểu Sổ làm việc Excel (.xlsx) rồi gửi lại tệp vừa lưu.",
                "The commune could not read this file. {value} Open the original file in Excel, Save As an Excel Workbook (.xlsx) and send the saved file again.",
            ),
        ),
    ),
    IssueType(
        "file-unopened",
        "error",
        "file",
        "Không mở được tệp trên máy này (Chi tiết kỹ thuật: {detail}). Lỗi ở máy tính, không phải ở tệp của xóm: hãy đóng chương trình đang mở tệp, kiểm tra quyền đọc tệp, hoặc nếu đây là lối tắt (shortcut, liên kết) tới tệp đã bị xóa hay chuyển đi thì chép lại chính tệp đó vào thư mục đầu vào, rồi chạy lại.",
        "The file cannot be opened on this computer (technical detail: {detail}). The problem is on this computer, not in the hamlet's file: close the program holding it open, check that it can be read, or, if it is a shortcut (link) to a file deleted or moved, copy the file itself into the input folder; then run again.",
    ),
    IssueType(
        "folder-unopened",
        "error",
        "file",
        "Không mở được thư mục trên máy này (Chi tiết kỹ thuật: {detail}), nên các tệp trong đó chưa được đọc: xóm có danh sách ở đây bị coi là chưa nộp. Lỗi ở máy tính, không phải ở tệp của xóm: hãy cho tài khoản đang chạy quyền đọc thư mục (chuột phải vào thư mục > Properties > Security), hoặc chép các tệp trong đó ra thư mục đầu vào, rồi chạy lại.",
        "The folder cannot be opened on this computer (technical detail: {detail}), so the files in it were not read: a hamlet whose list is there counts as not sent. The problem is on this computer, not in the hamlet's file: give the account running the tool permission to read the folder (right-click the folder > Properties > Security), or copy the files in it into the input folder; then run again.",
    ),
    IssueType(
        "file-too-large",
        "error",
        "file",
        "Tệp quá lớn hoặc bất thường ({detail}) nên không đọc. Danh sách hộ của một xóm chỉ vài chục KB; hãy kiểm tra lại tệp, lưu lại dạng .xlsx rồi gửi lại.",
        "The file is too large or abnormal ({detail}) and was not read. A hamlet roster is a few dozen KB; check the file, save it as .xlsx and send it again.",
    ),
    IssueType(
        "too-many-rows",
        "error",
        "file",
        "Trang '{sheet}' có dữ liệu tới ô {value} ({detail}): quá lớn với danh sách hộ của một xóm (tối đa 20.000 hộ, 25.000 dòng, 10 triệu ô) nên tệp không được đọc. Nếu dưới hoặc bên phải danh sách có ô thừa, hãy chọn các dòng, cột thừa đó, xóa đi (chuột phải > Xóa), lưu lại rồi gửi lại; nếu tệp gộp nhiều xóm, hãy gửi mỗi xóm một tệp.",
        "Sheet '{sheet}' has data up to cell {value} ({detail}): too large for a hamlet roster (at most 20,000 households, 25,000 rows, 10 million cells), so the file was not read. If there are stray cells below or to the right of the list, select those rows and columns, delete them (right-click > Delete), save and send it again; if the file holds several hamlets, send one file per hamlet.",
    ),
    IssueType(
        "file-encrypted",
        "error",
        "file",
        "Tệp có đặt mật khẩu nên không đọc được. Hãy gỡ mật khẩu rồi gửi lại: trong Excel, Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu (Encrypt with Password), xóa mật khẩu, bấm OK rồi lưu; trong LibreOffice, Lưu thành (Save As) và bỏ chọn ô lưu với mật khẩu (Save with password).",
        "The file is password-protected. Remove the password and send it again: in Excel, File > Info > Protect Workbook > Encrypt with Password, clear the password, OK, then save; in LibreOffice, Save As with 'Save with password' unticked.",
    ),
    IssueType(
        "file-empty",
        "error",
        "file",
        "Tệp không có dữ liệu (tệp trống, hoặc sao chép / tải về chưa xong). Hãy nhờ trưởng xóm gửi lại tệp đã điền danh sách hộ.",
        "The workbook holds no data (an empty file, or one not fully copied or downloaded). Ask the hamlet head to send the filled-in roster again.",
        (
            (
                "head",
                "Tệp xã nhận được không có dữ liệu (tệp trống, hoặc sao chép / tải về chưa xong). Hãy gửi lại tệp đã điền danh sách hộ.",
                "The file the commune received holds no data (an empty file, or one not fully copied or downloaded). Send the filled-in roster again.",
            ),
            # a workbook with sheets, none holding a value: the file is whole, its sheets blank
            (
                "no-values",
                "Tệp có trang tính nhưng không ô nào có dữ liệu (có lẽ là mẫu chưa điền, hoặc gửi nhầm tệp). Hãy nhờ trưởng xóm gửi lại tệp đã điền danh sách hộ.",
                "The workbook has sheets but no cell holds data (probably a template not filled in, or the wrong file sent). Ask the hamlet head to send the filled-in roster again.",
            ),
            (
                "no-values-head",
                "Tệp xã nhận được có trang tính nhưng không ô nào có dữ liệu (có lẽ là mẫu chưa điền, hoặc gửi nhầm tệp). Hãy gửi lại tệp đã điền danh sách hộ.",
                "The file the commune received has sheets but no cell holds data (probably a template not filled in, or the wrong file sent). Send the filled-in roster again.",
            ),
        ),
    ),
    IssueType(
        "not-a-spreadsheet",
        "error",
        "file",
        "Xóm gửi tệp {detail} (ảnh, PDF hoặc văn bản), không phải bảng tính Excel, nên không đọc được số liệu. Hãy nhờ trưởng xóm gửi tệp Excel (.xlsx) theo mẫu.",
        "The hamlet sent a {detail} file (a picture, PDF or document), not an Excel workbook, so its figures cannot be read. Ask the hamlet head for the Excel file (.xlsx) made from the template.",
        (
            (
                "head",
                "Xóm đã gửi tệp {detail}, không phải bảng tính Excel, nên xã không đọc được số liệu. Hãy gửi danh sách trong tệp Excel (.xlsx) theo mẫu.",
                "The hamlet sent a {detail} file, not an Excel workbook, so the commune cannot read its figures. Send the list in an Excel file (.xlsx) made from the template.",
            ),
            # a CSV is no picture, PDF or document: a text of values between commas, without
            # the template's 'Thông tin' and columns (session 55)
            (
                "csv",
                "Xóm gửi tệp {detail} (văn bản các giá trị cách nhau bằng dấu phẩy, không có trang 'Thông tin' và các cột của mẫu), không phải bảng tính Excel, nên không đọc được số liệu. Hãy nhờ trưởng xóm gửi tệp Excel (.xlsx) theo mẫu.",
                "The hamlet sent a {detail} file (text of values between commas, without the template's 'Thông tin' sheet and columns), not an Excel workbook, so its figures cannot be read. Ask the hamlet head for the Excel file (.xlsx) made from the template.",
            ),
            (
                "csv-head",
                "Xóm đã gửi tệp {detail}, không phải bảng tính Excel, nên xã không đọc được số liệu. Hãy gửi danh sách trong tệp Excel (.xlsx) theo mẫu.",
                "The hamlet sent a {detail} file, not an Excel workbook, so the commune cannot read its figures. Send the list in an Excel file (.xlsx) made from the template.",
            ),
        ),
    ),
    IssueType(
        "file-not-found",
        "error",
        "file",
        "Không có tệp hay thư mục này{detail}. Hãy kiểm tra lại tên và đường dẫn, rồi chạy lại "
        "lệnh check.",
        "There is no such file or folder{detail}. Check the name and the path, then run check "
        "again.",
    ),
    IssueType(
        "no-roster-sheet",
        "error",
        "file",
        "Không tìm thấy trang danh sách hộ (trang '{sheet}' có dòng tiêu đề 'Mã hộ', 'Họ và tên chủ hộ', 'Số nhân khẩu', 'Phân loại hộ'). Hãy dùng mẫu danh sách hộ.",
        "No roster sheet found (a sheet like '{sheet}' with the headers 'Mã hộ', 'Họ và tên chủ hộ', 'Số nhân khẩu', 'Phân loại hộ'). Use the roster template.",
    ),
    IssueType(
        "missing-indicator-column",
        "warning",
        "file",
        "Thiếu cột chỉ số thiếu hụt '{column}' trong trang '{sheet}': không hộ nào được tính là thiếu hụt chỉ số này, và phân loại hộ không được kiểm tra theo số chỉ số thiếu hụt. Hãy thêm cột '{column}' vào dòng tiêu đề (xem mẫu) và đánh dấu 'x' cho các hộ thiếu hụt.",
        "Deprivation column '{column}' is missing from sheet '{sheet}': no household is counted as deprived on this indicator, and classifications are not checked against the number of deprivations. Add a '{column}' column to the header row (see the template) and mark 'x' for the deprived households.",
    ),
    IssueType(
        "missing-column",
        "error",
        "file",
        "Thiếu cột bắt buộc '{column}' trong trang '{sheet}'.{detail} Hãy thêm cột '{column}' vào dòng tiêu đề và ghi '{column}' cho từng hộ (xem mẫu).",
        "Required column '{column}' is missing from sheet '{sheet}'.{detail} Add a '{column}' column to the header row and fill it in for every household (see the template).",
    ),
    IssueType(
        "column-misnamed",
        "error",
        "file",
        "Thiếu cột bắt buộc '{detail}' trong trang '{sheet}'; cột '{column}' (ô {cell}) có lẽ chính là cột này. Nếu đúng, hãy sửa tiêu đề ô {cell} thành '{detail}' rồi gửi lại; nếu không, hãy thêm cột '{detail}' và ghi cho từng hộ (xem mẫu).",
        "Required column '{detail}' is missing from sheet '{sheet}'; column '{column}' (cell {cell}) is perhaps that column. If so, change the header in {cell} to '{detail}' and send the file again; if not, add a '{detail}' column and fill it in for every household (see the template).",
    ),
    IssueType(
        "unknown-column",
        "warning",
        "file",
        "Cột '{column}' không có trong mẫu nên không được tổng hợp. Không cần sửa nếu cột này chỉ để ghi chú.",
        "Column '{column}' is not in the template and is ignored. Nothing to fix if it is only for notes.",
    ),
    IssueType(
        "column-twice",
        "error",
        "file",
        "Cột '{column}' có hai lần ({detail}) và hai cột ghi khác nhau ở {value}: không biết cột nào đúng nên danh sách chưa được tổng hợp. Hãy xóa hoặc đổi tên cột không dùng (số liệu cũ có thể ghi là '{column} tháng trước') rồi gửi lại.",
        "Column '{column}' appears twice ({detail}) and the two differ in {value}: which one is right cannot be told, so the list is not counted. Delete or rename the column not in use (old figures can be headed '{column} tháng trước') and send the file again.",
        # both headers name one time ('Tháng 5' twice): the old one's time is to be corrected
        (
            (
                "timed",
                "Cột '{column}' có hai lần ({detail}) và hai cột ghi khác nhau ở {value}: không biết cột nào đúng nên danh sách chưa được tổng hợp. Hãy xóa cột không dùng; nếu đó là số liệu cũ, hãy sửa thời gian ghi ở tiêu đề của nó cho đúng (ví dụ '{instead}') rồi gửi lại.",
                "Column '{column}' appears twice ({detail}) and the two differ in {value}: which one is right cannot be told, so the list is not counted. Delete the column not in use; if it holds old figures, correct the time its header names (such as '{instead}') and send the file again.",
            ),
        ),
    ),
    IssueType(
        "column-twice-ignored",
        "warning",
        "file",
        "Cột '{column}' có hai lần ({detail}), ghi giống nhau ở mọi dòng: đã đọc cột {value}, không cần sửa. Nên xóa cột thừa để hai cột không bị ghi khác nhau.",
        "Column '{column}' appears twice ({detail}), the same in every row: column {value} was read, nothing to fix. Delete the extra column so that the two cannot come to differ.",
        (
            (
                "hidden",
                "Cột '{column}' có hai lần: cột ở ô {cell} đang bị ẩn nên không được đọc; đã đọc cột đang hiện ở ô {instead}. Nếu cột ẩn chỉ là số liệu cũ, hãy xóa nó để khỏi nhầm; nếu cột ẩn mới đúng, hãy xóa cột ở ô {instead} rồi hiện lại cột ẩn và gửi lại.",
                "Column '{column}' appears twice: the one at {cell} is hidden and is not read; the visible one at {instead} was read. If the hidden column only holds old figures, delete it to avoid mistakes; if it is the right one, delete the column at {instead}, unhide it and send the file again.",
            ),
            (
                "notes",
                "Cột '{column}' có hai lần ({detail}), ghi khác nhau: chỉ cột {value} được đọc, cột ở ô {cell} không được đọc. Nếu cần giữ cả hai, hãy gộp vào một cột '{column}'.",
                "Column '{column}' appears twice ({detail}) with different contents: only column {value} is read, not the one at {cell}. To keep both, put them together in one '{column}' column.",
            ),
            # a column of a time after the list's own, holding values ('Tháng 6' beside 'Tháng
            # 5' in a May list): the list may be of that time with its period left unchanged
            (
                "later",
                "Cột '{column}' có cột {value} (ô {cell}) có ghi số liệu, sau kỳ báo cáo {detail} của danh sách: đã đọc cột của kỳ {detail} (ô {instead}), không đọc cột {value}. Nếu danh sách là của {value}, hãy sửa 'Kỳ báo cáo' rồi gửi lại; nếu không, không cần sửa.",
                "Column '{column}' has a column of {value} (at {cell}) holding figures, after the list's period {detail}: the column of {detail} (at {instead}) was read, not that of {value}. If the list is of {value}, correct 'Kỳ báo cáo' and send it again; if not, nothing to fix.",
            ),
            # an earlier round of one check ('Lần 1' beside 'Lần 2'): the later read, the
            # earlier where the later is blank; said when they differ or the earlier filled in
            (
                "rounds",
                "Cột '{column}' ghi nhiều lần (lần trước ở ô {cell}, lần sau ở ô {instead}): mỗi hộ đọc lần sau, lần trước chỉ đọc khi lần sau để trống. {detail}. Nếu đúng như vậy thì không cần sửa; nếu không, hãy sửa cột lần sau (ô {instead}) rồi gửi lại.",
                "Column '{column}' is written more than once (the earlier at {cell}, the later at {instead}): each household is read from the later one, from the earlier only where the later is blank. {detail}. If that is right, nothing to fix; if not, correct the later column (at {instead}) and send the file again.",
            ),
            # two columns of a kind under two names that yield to the template's, no column of
            # its own name ('Nguyên nhân chính' beside 'Nguyên nhân nghèo chính'): one read, the
            # other where it is blank; said when they differ or the other filled in (session 46)
            (
                "named",
                "Cột '{column}' ghi hai lần dưới hai tên khác nhau (ô {instead} và ô {cell}): mỗi hộ đọc cột ở ô {instead}, cột ở ô {cell} chỉ đọc khi cột kia để trống. {detail}. Nếu đúng như vậy thì không cần sửa; nếu không, hãy giữ một cột '{column}' cho đúng rồi gửi lại.",
                "Column '{column}' is written twice under two names (at {instead} and {cell}): each household is read from the column at {instead}, from the one at {cell} only where the other is blank. {detail}. If that is right, nothing to fix; if not, keep one correct '{column}' column and send the file again.",
            ),
            # the same, the list's period taken from its title or file name ('Kỳ báo cáo' not
            # written): that is where it is corrected
            (
                "later-untold",
                "Cột '{column}' có cột {value} (ô {cell}) có ghi số liệu, sau kỳ báo cáo {detail} của danh sách (lấy từ tiêu đề hoặc tên tệp, vì 'Kỳ báo cáo' chưa ghi): đã đọc cột của kỳ {detail} (ô {instead}), không đọc cột {value}. Nếu danh sách là của {value}, hãy ghi 'Kỳ báo cáo' là {value} rồi gửi lại; nếu không, không cần sửa.",
                "Column '{column}' has a column of {value} (at {cell}) holding figures, after the list's period {detail} (taken from its title or file name, 'Kỳ báo cáo' being blank): the column of {detail} (at {instead}) was read, not that of {value}. If the list is of {value}, write {value} in 'Kỳ báo cáo' and send it again; if not, nothing to fix.",
            ),
        ),
    ),
    IssueType(
        "legacy-text-decoded",
        "warning",
        "file",
        "Trang '{sheet}' có {value} ô gõ bằng bảng mã cũ ({detail}); đã tự chuyển sang Unicode. Lần sau hãy gõ bằng Unicode (phông Times New Roman) hoặc chuyển mã bằng Unikey trước khi gửi.",
        "Sheet '{sheet}' has {value} cells typed in a legacy encoding ({detail}); converted to Unicode. Next time type in Unicode (Times New Roman) or convert with Unikey before sending.",
    ),
    IssueType(
        "text-sanitised",
        "warning",
        "file",
        "Trang '{sheet}' có {value} chỗ chứa ký tự điều khiển không in được hoặc chữ dài quá 32.767 ký tự ({detail}); đã thay các ký tự đó bằng dấu cách, cắt bớt chữ quá dài. Hãy gõ lại các ô đó (không dán từ phần mềm khác), lưu lại rồi gửi lại.",
        "Sheet '{sheet}' has {value} place(s) holding non-printing control characters or text longer than 32,767 characters ({detail}); those characters were replaced by spaces and over-long text cut. Retype those cells (do not paste from other software), save and send it again.",
    ),
    IssueType(
        "missing-total-households",
        "warning",
        "file",
        "Ô 'Tổng số hộ dân cư' của trang 'Thông tin' đang trống; đã dùng số hộ đầu năm trong kế hoạch ({detail} hộ) để tính tỷ lệ. Hãy ghi tổng số hộ dân cư hiện tại của xóm vào ô này.",
        "The 'Tổng số hộ dân cư' cell of the 'Thông tin' sheet is empty; the plan's start-of-year count ({detail} households) was used for the rates. Write the hamlet's current number of resident households there.",
        # `giamngheo check` of the lists without the plan: the count a run takes is not known
        (
            (
                "no-plan",
                "Ô 'Tổng số hộ dân cư' của trang 'Thông tin' đang trống; khi tổng hợp sẽ dùng số hộ đầu năm của xóm trong kế hoạch để tính tỷ lệ. Hãy ghi tổng số hộ dân cư hiện tại của xóm vào ô này.",
                "The 'Tổng số hộ dân cư' cell of the 'Thông tin' sheet is empty; a run uses the hamlet's start-of-year count in the plan for the rates. Write the hamlet's current number of resident households there.",
            ),
        ),
    ),
    IssueType(
        "missing-info-sheet",
        "warning",
        "file",
        "Không có trang 'Thông tin'; đã lấy {detail}. Lần sau hãy dùng mẫu có trang 'Thông tin': ở cột A các dòng Loại biểu, Xã, Xóm, Kỳ báo cáo, Tổng số hộ dân cư, Người lập, Ngày lập, và giá trị của từng dòng ở cột B.",
        "No 'Thông tin' sheet; took {detail}. Next time use the template with its 'Thông tin' sheet: the rows Loại biểu, Xã, Xóm, Kỳ báo cáo, Tổng số hộ dân cư, Người lập, Ngày lập in column A, each one's value in column B.",
        # said in the feedback workbook, which holds a 'Thông tin' sheet filled with what the
        # run understood (pipeline.report.feedback)
        (
            (
                "sheet-added",
                "Không có trang 'Thông tin'; đã lấy {detail}. Xã đã thêm trang 'Thông tin' vào tệp phản hồi này, ghi những gì xã đã hiểu: hãy kiểm tra Xã, Xóm, Kỳ báo cáo và Tổng số hộ dân cư, sửa nếu sai, và ghi Người lập, Ngày lập vào các ô tô màu. Lần sau hãy gửi danh sách kèm trang 'Thông tin' như trang đó (có thể chép trang đó vào tệp của xóm).",
                "No 'Thông tin' sheet; took {detail}. A 'Thông tin' sheet holding what the commune understood has been added to this feedback workbook: check Xã, Xóm, Kỳ báo cáo and Tổng số hộ dân cư, correct what is wrong, and write Người lập and Ngày lập in the coloured cells. Next time send the list with a 'Thông tin' sheet like that one (it can be copied into the hamlet's file).",
            ),
        ),
    ),
    IssueType(
        "missing-hamlet",
        "error",
        "file",
        "Không xác định được tên xóm của tệp. Hãy ghi tên xóm vào ô 'Xóm' của trang 'Thông tin'.",
        "The file's hamlet cannot be told. Write the hamlet name in the 'Xóm' cell of the 'Thông tin' sheet.",
        variants=(
            # the file has no 'Thông tin' sheet, and neither its title nor its name names a plan
            # hamlet: the officer is not sent to a sheet the file lacks
            (
                "no-info",
                "Không xác định được tên xóm của tệp: tệp không có trang 'Thông tin', tiêu đề danh sách và tên tệp cũng không ghi tên xóm nào có trong kế hoạch. Hãy đặt tên tệp theo tên xóm như trong kế hoạch, hoặc thêm trang 'Thông tin' như mẫu và ghi tên xóm vào ô 'Xóm', rồi chạy lại.",
                "The file's hamlet cannot be told: the file has no 'Thông tin' sheet, and neither the list's title nor the file name names a hamlet of the plan. Name the file after the hamlet as the plan writes it, or add a 'Thông tin' sheet as in the template and write the hamlet in its 'Xóm' cell, then run again.",
            ),
            # the list holds households of a hamlet that sent its list, on its start list or a
            # list its month table compares with, not on a list counted: gone from its tables
            # while refused (holding.unnamed_holding; session 50's T18). {detail}: how many,
            # their codes, the hamlet and the lists they are on (the start list, a month's:
            # session 50's review); {instead}: the hamlet
            (
                "holds",
                "Không xác định được tên xóm của tệp: ô 'Xóm' để trống, tiêu đề danh sách và tên tệp không ghi tên xóm nào có trong kế hoạch, nên danh sách chưa được tính. Danh sách có {detail} mà danh sách xóm {instead} gửi kỳ này không có: chừng nào chưa được ghi vào danh sách của xóm {instead}, các hộ này được tính là đã thoát khỏi xóm {instead}. Nếu đây là danh sách của một xóm đã sáp nhập vào xóm {instead}, trưởng xóm {instead} cần ghi các hộ này vào danh sách của xóm (một danh sách cho cả xóm) rồi gửi lại; nếu không, hãy ghi tên xóm vào ô 'Xóm' của trang 'Thông tin' rồi gửi lại.",
                "The file's hamlet cannot be told: the 'Xóm' cell is empty, and neither the list's title nor the file name names a hamlet of the plan, so the list is not counted. It lists {detail} that the list {instead} sent this period lacks: until they are written on {instead}'s list, they count as having exited {instead}. If this is the list of a hamlet merged into {instead}, {instead}'s head needs to write these households on the hamlet's list (one list for the whole hamlet) and send it again; if not, write the hamlet's name in the 'Xóm' cell of the 'Thông tin' sheet and send it again.",
            ),
            # ... every hamlet of the plan having a list of the period (counted, or refused for
            # an error of its own): no name left to write in 'Xóm' (any makes a second list),
            # {instead}'s head writes them on its list, the file then taken out
            # (holding.unnamed_holding; session 53)
            (
                "holds-all-sent",
                "Không xác định được tên xóm của tệp: ô 'Xóm' để trống, tiêu đề danh sách và tên tệp không ghi tên xóm nào có trong kế hoạch, nên danh sách chưa được tính. Danh sách có {detail} mà danh sách xóm {instead} gửi kỳ này không có: chừng nào chưa được ghi vào danh sách của xóm {instead}, các hộ này được tính là đã thoát khỏi xóm {instead}. Trưởng xóm {instead} cần ghi các hộ này vào danh sách của xóm (chèn dưới dòng hộ cuối cùng, đủ các cột như các hộ khác; một danh sách cho cả xóm) rồi gửi lại; khi các hộ đã được ghi, hãy bỏ tệp này ra khỏi thư mục đầu vào. Không ghi tên xóm nào vào ô 'Xóm' của tệp này: các xóm trong kế hoạch đều đã gửi danh sách kỳ này, và mỗi xóm chỉ gửi một danh sách mỗi kỳ.",
                "The file's hamlet cannot be told: the 'Xóm' cell is empty, and neither the list's title nor the file name names a hamlet of the plan, so the list is not counted. It lists {detail} that the list {instead} sent this period lacks: until they are written on {instead}'s list, they count as having exited {instead}. {instead}'s head needs to write them on the hamlet's list (below the last household, every column as the others; one list for the whole hamlet) and send it again; once they are written, take this file out of the input folder. Do not write any hamlet in this file's 'Xóm' cell: every hamlet of the plan has sent its list this period, and each hamlet sends one list a period.",
            ),
            # ... of two hamlets or more ({instead}: their names), each left off its own list
            # counted ({detail}: hamlet by hamlet, how many, their codes, the file its head
            # writes them on): never a name in this file's 'Xóm' (either would make a second
            # list of that hamlet); taken out once written (holding.unnamed_holding; session
            # 52, RH2)
            (
                "holds-several",
                "Không xác định được tên xóm của tệp: ô 'Xóm' để trống, tiêu đề danh sách và tên tệp không ghi tên xóm nào có trong kế hoạch, nên danh sách chưa được tính. Danh sách có các hộ của các xóm {instead} mà danh sách các xóm đó gửi kỳ này không có: {detail}. Chừng nào chưa được ghi vào danh sách của xóm mình, các hộ này được tính là đã thoát khỏi xóm. Mỗi trưởng xóm ghi các hộ của xóm mình vào danh sách của xóm mình (chèn dưới dòng hộ cuối cùng, đủ các cột như các hộ khác) rồi gửi lại; khi các hộ đã được ghi, hãy bỏ tệp này ra khỏi thư mục đầu vào. Không ghi tên xóm nào vào ô 'Xóm' của tệp này: mỗi xóm chỉ gửi một danh sách mỗi kỳ.",
                "The file's hamlet cannot be told: the 'Xóm' cell is empty, and neither the list's title nor the file name names a hamlet of the plan, so the list is not counted. It lists households of hamlets {instead} that their lists sent this period lack: {detail}. Until they are written on their hamlet's list, they count as having exited it. Each hamlet's head writes the hamlet's own households on its own list (below the last household, every column as the others) and sends it again; once they are written, take this file out of the input folder. Do not write any hamlet in this file's 'Xóm' cell: each hamlet sends one list a period.",
            ),
            # ... its codes nearly all {instead}'s (consolidate.one_hamlet), half or more on its
            # list counted: an old copy of that list sent again, to take out of the folder, not
            # to name (a second list of {instead}; holding.unnamed_holding, session 51)
            (
                "holds-copy",
                "Không xác định được tên xóm của tệp: ô 'Xóm' để trống, tiêu đề danh sách và tên tệp không ghi tên xóm nào có trong kế hoạch, nên danh sách chưa được tính. Phần lớn các hộ trong danh sách có trong danh sách xóm {instead} gửi kỳ này: có thể tệp này là bản cũ của danh sách đó. Danh sách có {detail} mà danh sách xóm {instead} gửi kỳ này không có: chừng nào chưa được ghi vào danh sách của xóm {instead}, các hộ này được tính là đã thoát khỏi xóm {instead}. Nếu tệp này là bản cũ, hãy bỏ tệp này ra khỏi thư mục đầu vào; nếu các hộ đó chưa thoát, trưởng xóm {instead} cần ghi các hộ này vào danh sách của xóm (một danh sách cho cả xóm) rồi gửi lại. Không ghi '{instead}' vào ô 'Xóm' của tệp này: mỗi xóm chỉ gửi một danh sách mỗi kỳ.",
                "The file's hamlet cannot be told: the 'Xóm' cell is empty, and neither the list's title nor the file name names a hamlet of the plan, so the list is not counted. Most of its households are on the list {instead} sent this period: this file may be an old copy of that list. It lists {detail} that the list {instead} sent this period lacks: until they are written on {instead}'s list, they count as having exited {instead}. If this file is an old copy, take it out of the input folder; if those households have not exited, {instead}'s head needs to write them on the hamlet's list (one list for the whole hamlet) and send it again. Do not write '{instead}' in this file's 'Xóm' cell: each hamlet sends one list a period.",
            ),
            # ... its codes nearly all {instead}'s (consolidate.one_hamlet), not a copy of its
            # list: held apart, {instead} left out of the commune's figures till its list holds
            # them, as a list apart the history tells (holding.unnamed_holding; session 51)
            (
                "holds-held",
                "Không xác định được tên xóm của tệp: ô 'Xóm' để trống, tiêu đề danh sách và tên tệp không ghi tên xóm nào có trong kế hoạch, nên danh sách chưa được tính. Các mã hộ trong danh sách là của xóm {instead}: danh sách có {detail} mà danh sách xóm {instead} gửi kỳ này không có. Chừng nào chưa được ghi vào danh sách của xóm {instead}, các hộ này chưa được tính (không phải đã thoát) và xóm {instead} chưa được tính vào số liệu toàn xã. Nếu đây là các hộ của xóm {instead} (hoặc của một xóm đã sáp nhập vào xóm {instead}), trưởng xóm {instead} cần ghi các hộ này vào danh sách của xóm (một danh sách cho cả xóm) rồi gửi lại; nếu không, hãy ghi tên xóm vào ô 'Xóm' của trang 'Thông tin' rồi gửi lại.",
                "The file's hamlet cannot be told: the 'Xóm' cell is empty, and neither the list's title nor the file name names a hamlet of the plan, so the list is not counted. Its household codes are {instead}'s: it lists {detail} that the list {instead} sent this period lacks. Until they are written on {instead}'s list, they are not counted (not exited either) and {instead} is left out of the commune's figures. If they are {instead}'s households (or those of a hamlet merged into {instead}), {instead}'s head needs to write them on the hamlet's list (one list for the whole hamlet) and send it again; if not, write the hamlet's name in the 'Xóm' cell of the 'Thông tin' sheet and send it again.",
            ),
            # ... held apart so, every hamlet of the plan having a list of the period (counted,
            # or refused for an error of its own): no name left to write in 'Xóm' (any makes a
            # second list), {instead}'s head writes them on its list, the file then taken out
            # (holding.unnamed_holding; session 53)
            (
                "holds-held-all-sent",
                "Không xác định được tên xóm của tệp: ô 'Xóm' để trống, tiêu đề danh sách và tên tệp không ghi tên xóm nào có trong kế hoạch, nên danh sách chưa được tính. Các mã hộ trong danh sách là của xóm {instead}: danh sách có {detail} mà danh sách xóm {instead} gửi kỳ này không có. Chừng nào chưa được ghi vào danh sách của xóm {instead}, các hộ này chưa được tính (không phải đã thoát) và xóm {instead} chưa được tính vào số liệu toàn xã. Trưởng xóm {instead} cần ghi các hộ này vào danh sách của xóm (chèn dưới dòng hộ cuối cùng, đủ các cột như các hộ khác; một danh sách cho cả xóm) rồi gửi lại; khi các hộ đã được ghi, hãy bỏ tệp này ra khỏi thư mục đầu vào. Không ghi tên xóm nào vào ô 'Xóm' của tệp này: các xóm trong kế hoạch đều đã gửi danh sách kỳ này, và mỗi xóm chỉ gửi một danh sách mỗi kỳ.",
                "The file's hamlet cannot be told: the 'Xóm' cell is empty, and neither the list's title nor the file name names a hamlet of the plan, so the list is not counted. Its household codes are {instead}'s: it lists {detail} that the list {instead} sent this period lacks. Until they are written on {instead}'s list, they are not counted (not exited either) and {instead} is left out of the commune's figures. {instead}'s head needs to write them on the hamlet's list (below the last household, every column as the others; one list for the whole hamlet) and send it again; once they are written, take this file out of the input folder. Do not write any hamlet in this file's 'Xóm' cell: every hamlet of the plan has sent its list this period, and each hamlet sends one list a period.",
            ),
            # ... its codes nearly all {instead}'s (consolidate.one_hamlet), whose own list of
            # the period ({detail}: its file) is refused for an error of its own: corrected, that
            # list is {instead}'s one list, to hold these households; never a second list of
            # {instead} by writing its name here (holding.unnamed_holding; session 52)
            (
                "holds-refused",
                "Không xác định được tên xóm của tệp: ô 'Xóm' để trống, tiêu đề danh sách và tên tệp không ghi tên xóm nào có trong kế hoạch, nên danh sách chưa được tính. Các mã hộ trong danh sách là của xóm {instead}. Xóm {instead} cũng đã gửi danh sách của xóm (tệp '{detail}') nhưng danh sách đó bị từ chối vì có lỗi: khi sửa danh sách đó, trưởng xóm {instead} cần ghi vào đó các hộ của tệp này mà danh sách đó chưa có (một danh sách cho cả xóm) rồi gửi lại; nếu tệp này là bản cũ hoặc bản chép của danh sách đó, hãy bỏ tệp này ra khỏi thư mục đầu vào. Không ghi '{instead}' vào ô 'Xóm' của tệp này: mỗi xóm chỉ gửi một danh sách mỗi kỳ.",
                "The file's hamlet cannot be told: the 'Xóm' cell is empty, and neither the list's title nor the file name names a hamlet of the plan, so the list is not counted. Its household codes are {instead}'s. {instead} sent its own list too (file '{detail}'), but that list is refused for its errors: when correcting it, {instead}'s head needs to write on it the households of this file it lacks (one list for the whole hamlet) and send it again; if this file is an old copy or a copy of that list, take it out of the input folder. Do not write '{instead}' in this file's 'Xóm' cell: each hamlet sends one list a period.",
            ),
            # ... its codes nearly all {instead}'s, every one on {instead}'s list counted
            # ({detail}: its file; that list corrected as 'holds-refused' said, this file left
            # in the folder): nothing to name or send again; its name written here would make a
            # second list of {instead} (holding.unnamed_holding; session 52's review)
            (
                "holds-listed",
                "Không xác định được tên xóm của tệp: ô 'Xóm' để trống, tiêu đề danh sách và tên tệp không ghi tên xóm nào có trong kế hoạch, nên danh sách không được tính. Các mã hộ trong danh sách là của xóm {instead}, và mọi hộ trong danh sách đều đã có trong danh sách xóm {instead} gửi kỳ này (tệp '{detail}'), đã được tính: không cần sửa, cũng không gửi lại tệp này; hãy bỏ tệp này ra khỏi thư mục đầu vào. Nếu tệp này ghi khác danh sách đó (phân loại hộ, số nhân khẩu…), trưởng xóm {instead} sửa trên danh sách '{detail}' rồi gửi lại. Không ghi '{instead}' vào ô 'Xóm' của tệp này: mỗi xóm chỉ gửi một danh sách mỗi kỳ.",
                "The file's hamlet cannot be told: the 'Xóm' cell is empty, and neither the list's title nor the file name names a hamlet of the plan, so the list is not counted. Its household codes are {instead}'s, and every household on it is on the list {instead} sent this period (file '{detail}'), counted: nothing to correct, do not send this file again; take it out of the input folder. If this file says something that list does not (a household's class, its members…), {instead}'s head corrects it on '{detail}' and sends that list again. Do not write '{instead}' in this file's 'Xóm' cell: each hamlet sends one list a period.",
            ),
            # ... its codes nearly all {instead}'s, every one on the lists counted of {instead}
            # and of the other hamlets whose codes it holds ({detail}: how many on each file):
            # nothing to name or send again; a name written here would make a second list
            # (holding.unnamed_holding; session 52's review of 'holds-listed')
            (
                "holds-listed-several",
                "Không xác định được tên xóm của tệp: ô 'Xóm' để trống, tiêu đề danh sách và tên tệp không ghi tên xóm nào có trong kế hoạch, nên danh sách không được tính. Các mã hộ trong danh sách hầu hết là của xóm {instead}, và mọi hộ trong danh sách đều đã có trong danh sách các xóm gửi kỳ này, đã được tính ({detail}): không cần sửa, cũng không gửi lại tệp này; hãy bỏ tệp này ra khỏi thư mục đầu vào. Nếu tệp này ghi khác các danh sách đó (phân loại hộ, số nhân khẩu…), trưởng xóm có hộ đó sửa trên danh sách của xóm mình rồi gửi lại. Không ghi '{instead}' hay tên xóm nào khác vào ô 'Xóm' của tệp này: mỗi xóm chỉ gửi một danh sách mỗi kỳ.",
                "The file's hamlet cannot be told: the 'Xóm' cell is empty, and neither the list's title nor the file name names a hamlet of the plan, so the list is not counted. Its household codes are nearly all {instead}'s, and every household on it is on the lists the hamlets sent this period, counted ({detail}): nothing to correct, do not send this file again; take it out of the input folder. If this file says something those lists do not (a household's class, its members…), the head of the household's hamlet corrects it on the hamlet's list and sends that list again. Do not write '{instead}' or any hamlet in this file's 'Xóm' cell: each hamlet sends one list a period.",
            ),
            # ... its codes no one hamlet's (none holding more than half: consolidate.one_hamlet),
            # every one on its hamlet's list counted ({detail}: how many on each file): nothing
            # to name or send again (holding.unnamed_holding; session 52, RH)
            (
                "holds-listed-mixed",
                "Không xác định được tên xóm của tệp: ô 'Xóm' để trống, tiêu đề danh sách và tên tệp không ghi tên xóm nào có trong kế hoạch, nên danh sách không được tính. Các mã hộ trong danh sách là của nhiều xóm, không xóm nào có quá nửa, và mọi hộ trong danh sách đều đã có trong danh sách các xóm gửi kỳ này, đã được tính ({detail}): không cần sửa, cũng không gửi lại tệp này; hãy bỏ tệp này ra khỏi thư mục đầu vào. Nếu tệp này ghi khác các danh sách đó (phân loại hộ, số nhân khẩu…), trưởng xóm có hộ đó sửa trên danh sách của xóm mình rồi gửi lại. Không ghi tên xóm nào vào ô 'Xóm' của tệp này: mỗi xóm chỉ gửi một danh sách mỗi kỳ.",
                "The file's hamlet cannot be told: the 'Xóm' cell is empty, and neither the list's title nor the file name names a hamlet of the plan, so the list is not counted. Its household codes are several hamlets', none holding more than half, and every household on it is on the lists the hamlets sent this period, counted ({detail}): nothing to correct, do not send this file again; take it out of the input folder. If this file says something those lists do not (a household's class, its members…), the head of the household's hamlet corrects it on the hamlet's list and sends that list again. Do not write any hamlet in this file's 'Xóm' cell: each hamlet sends one list a period.",
            ),
            # said to the head in the PhanHoi, which adds the 'Thông tin' sheet with its 'Xóm' cell
            (
                "no-info-head",
                "Không xác định được tên xóm của tệp. Hãy ghi tên xóm vào ô 'Xóm' của trang 'Thông tin'.",
                "The file's hamlet cannot be told. Write the hamlet name in the 'Xóm' cell of the 'Thông tin' sheet.",
            ),
        ),
    ),
    IssueType(
        "hamlet-blank",
        "warning",
        "file",
        "Ô 'Xóm' của trang 'Thông tin' đang trống và tiêu đề danh sách không ghi tên xóm; khi tổng hợp, xã chỉ nhận ra danh sách này nếu tên tệp ghi đúng tên xóm như trong kế hoạch. Hãy ghi tên xóm vào ô này.",
        "The 'Xóm' cell of the 'Thông tin' sheet is empty and the list's title names no hamlet; the commune's run can tell whose list it is only if the file name names the hamlet as the plan does. Write the hamlet's name in that cell.",
    ),
    IssueType(
        "unknown-hamlet",
        "error",
        "file",
        "Xóm '{value}' không có trong kế hoạch của xã. Hãy ghi đúng tên xóm như trong kế hoạch ({detail}). Nếu đây là một xóm chưa có trong kế hoạch thì xã cần thêm xóm đó vào trang 'Chỉ tiêu theo xóm' của kế hoạch rồi tổng hợp lại.",
        "Hamlet '{value}' is not in the commune plan. Write the hamlet name as the plan has it ({detail}). If it is a hamlet not yet in the plan, the commune needs to add it to the plan's 'Chỉ tiêu theo xóm' sheet and consolidate again.",
        variants=(
            # the hamlet's row of the plan's 'Chỉ tiêu theo xóm' is hidden: left out of the plan
            (
                "hidden",
                "Xóm '{value}' có trong trang 'Chỉ tiêu theo xóm' của kế hoạch nhưng dòng của xóm ({detail}) đang bị ẩn, nên xã coi là xóm không còn dùng (ví dụ đã sáp nhập) và chưa tính các hộ ở đây. Nếu xóm vẫn còn, xã cần bỏ ẩn dòng đó trong kế hoạch rồi tổng hợp lại; nếu xóm đã sáp nhập, hãy ghi tên xóm mới như trong kế hoạch.",
                "Hamlet '{value}' is in the plan's 'Chỉ tiêu theo xóm' sheet, but its row ({detail}) is hidden, so it is taken to be no longer in use (merged, say) and these households are not counted. If the hamlet is still in use, the commune needs to unhide that row in the plan and consolidate again; if it was merged, write the new hamlet's name as the plan has it.",
            ),
            # the list's household codes are nearly all one plan hamlet's ({hamlet}), which sent
            # no other list of the period: still refused, its refused file (docs/decisions.md,
            # session 22)
            (
                "codes",
                "Ô 'Xóm' ghi '{value}', không có trong kế hoạch của xã, nên danh sách chưa được tính. Các mã hộ trong danh sách là của xóm {hamlet} ({detail}): nếu đây là danh sách của xóm {hamlet}, hãy sửa ô 'Xóm' thành '{hamlet}' đúng như trong kế hoạch rồi gửi lại; nếu đây là một xóm khác chưa có trong kế hoạch thì xã cần thêm xóm đó vào kế hoạch rồi tổng hợp lại.",
                "The 'Xóm' cell says '{value}', which is not in the commune's plan, so the list is not counted. The list's household codes are hamlet {hamlet}'s ({detail}): if it is {hamlet}'s list, write '{hamlet}' in the 'Xóm' cell, as the plan names it, and send it again; if it is another hamlet, not yet in the plan, the commune needs to add it to the plan and consolidate again.",
            ),
            # the codes are nearly all one plan hamlet's ({instead}) which sent its own list too:
            # a hamlet merged into it in the year's plan, or a copy (session 24)
            (
                "merged",
                "Xóm '{value}' không có trong kế hoạch của xã, nên danh sách chưa được tính. Các mã hộ trong danh sách là của xóm {instead} ({detail}), và xóm {instead} đã gửi danh sách riêng. Nếu xóm '{value}' đã sáp nhập vào xóm {instead}, các hộ này phải được ghi vào danh sách của xóm {instead} (một danh sách cho cả xóm, với tổng số hộ dân cư của cả xóm) rồi gửi lại; chừng nào chưa ghi, các hộ đó chưa được tính (không phải đã thoát) và xóm {instead} chưa được tính vào số liệu toàn xã. Nếu đây là một xóm khác chưa có trong kế hoạch thì xã cần thêm xóm đó vào kế hoạch rồi tổng hợp lại.",
                "Hamlet '{value}' is not in the commune's plan, so the list is not counted. The list's household codes are hamlet {instead}'s ({detail}), and {instead} sent its own list. If '{value}' was merged into {instead}, these households must be written in {instead}'s list (one list for the whole hamlet, with the whole hamlet's resident households) and it sent again; until then they are not counted (not exited either) and {instead} is left out of the commune's figures. If it is another hamlet, not yet in the plan, the commune needs to add it to the plan and consolidate again.",
            ),
            # ... said to the list's own head, in his feedback workbook: no cell of his to fix
            # (written 'Bản Cọ', his list would replace that hamlet's, or be replaced by it); his
            # households go on the merged hamlet's one list (session 25)
            (
                "merged-head",
                "Xóm '{value}' không có trong kế hoạch của xã, và theo danh sách của xã, các hộ trong danh sách này là của xóm {instead} ({detail}), nên danh sách gửi riêng này không được tính. Không sửa ô này để gửi lại: nếu xóm '{value}' đã sáp nhập vào xóm {instead}, các hộ này phải được ghi vào danh sách của xóm {instead} (một danh sách cho cả xóm, với tổng số hộ dân cư của cả xóm) do trưởng xóm {instead} gửi cho xã; chừng nào chưa ghi, các hộ này chưa được tính (không phải đã thoát). Nếu xóm '{value}' không sáp nhập vào xóm {instead}, hãy báo lại cho xã.",
                "Hamlet '{value}' is not in the commune's plan, and by the commune's lists the households on this list are hamlet {instead}'s ({detail}), so this list sent apart is not counted. Do not correct this cell to send it again: if '{value}' was merged into {instead}, these households must be written in {instead}'s list (one list for the whole hamlet, with the whole hamlet's resident households), which {instead}'s head sends to the commune; until then they are not counted (not exited either). If '{value}' was not merged into {instead}, tell the commune.",
            ),
            # 'merged' told by the households' names: the list writes nearly no Mã hộ, but its
            # heads' names and birth years are nearly all {instead}'s start list's (session 26)
            (
                "merged-names",
                "Xóm '{value}' không có trong kế hoạch của xã, nên danh sách chưa được tính. Danh sách hầu như không ghi mã hộ, nhưng theo tên chủ hộ và năm sinh, các hộ trong danh sách là của xóm {instead} ({detail}), và xóm {instead} đã gửi danh sách riêng. Nếu xóm '{value}' đã sáp nhập vào xóm {instead}, các hộ này phải được ghi vào danh sách của xóm {instead} (một danh sách cho cả xóm, với tổng số hộ dân cư của cả xóm, và mã hộ của từng hộ như trong sổ quản lý hộ nghèo của xã) rồi gửi lại; chừng nào chưa ghi, các hộ đó chưa được tính (không phải đã thoát) và xóm {instead} chưa được tính vào số liệu toàn xã. Nếu đây là một xóm khác chưa có trong kế hoạch thì xã cần thêm xóm đó vào kế hoạch rồi tổng hợp lại.",
                "Hamlet '{value}' is not in the commune's plan, so the list is not counted. The list writes almost no household codes, but by the heads' names and birth years its households are hamlet {instead}'s ({detail}), and {instead} sent its own list. If '{value}' was merged into {instead}, these households must be written in {instead}'s list (one list for the whole hamlet, with the whole hamlet's resident households and each household's code from the commune's register) and it sent again; until then they are not counted (not exited either) and {instead} is left out of the commune's figures. If it is another hamlet, not yet in the plan, the commune needs to add it to the plan and consolidate again.",
            ),
            (
                "merged-names-head",
                "Xóm '{value}' không có trong kế hoạch của xã, và theo danh sách của xã (tên chủ hộ và năm sinh), các hộ trong danh sách này là của xóm {instead} ({detail}), nên danh sách gửi riêng này không được tính. Không sửa ô này để gửi lại: nếu xóm '{value}' đã sáp nhập vào xóm {instead}, các hộ này phải được ghi vào danh sách của xóm {instead} (một danh sách cho cả xóm, với tổng số hộ dân cư của cả xóm, và mã hộ của từng hộ như trong sổ quản lý hộ nghèo của xã) do trưởng xóm {instead} gửi cho xã; chừng nào chưa ghi, các hộ này chưa được tính (không phải đã thoát). Nếu xóm '{value}' không sáp nhập vào xóm {instead}, hãy báo lại cho xã.",
                "Hamlet '{value}' is not in the commune's plan, and by the commune's lists (the heads' names and birth years) the households on this list are hamlet {instead}'s ({detail}), so this list sent apart is not counted. Do not correct this cell to send it again: if '{value}' was merged into {instead}, these households must be written in {instead}'s list (one list for the whole hamlet, with the whole hamlet's resident households and each household's code from the commune's register), which {instead}'s head sends to the commune; until then they are not counted (not exited either). If '{value}' was not merged into {instead}, tell the commune.",
            ),
            # the name a stored month of the year had the hamlet under, renamed since in the plan
            # ({instead}, the name now; {detail}: since when): no alias, the cell to correct
            # (renames.former_names; docs/decisions.md, session 32)
            (
                "former",
                "Ô 'Xóm' ghi '{value}', là tên cũ của xóm '{instead}' ({detail}), nên danh sách chưa được tính. Hãy sửa ô 'Xóm' thành '{instead}' đúng như trong kế hoạch rồi gửi lại.",
                "The 'Xóm' cell says '{value}', the former name of hamlet '{instead}' ({detail}), so the list is not counted. Write '{instead}' in the 'Xóm' cell, as the plan names it, and send it again.",
            ),
            # ... when {instead}'s own list of the period is counted ({detail}: its file): this one
            # is a second list of the hamlet: sent again corrected only if it is the right one
            (
                "former-sent",
                "Ô 'Xóm' ghi '{value}', là tên cũ của xóm '{instead}', nên danh sách chưa được tính; xóm '{instead}' đã có danh sách kỳ này ({detail}) và danh sách đó được tính. Nếu tệp này mới là bản đúng, hãy sửa ô 'Xóm' thành '{instead}' đúng như trong kế hoạch rồi gửi lại để thay cho tệp kia; nếu không, không cần gửi lại tệp này.",
                "The 'Xóm' cell says '{value}', the former name of hamlet '{instead}', so the list is not counted; '{instead}' has a list of this period ({detail}), which is counted. If this file is the right one, write '{instead}' in the 'Xóm' cell, as the plan names it, and send it again in place of the other; if not, this file need not be sent again.",
            ),
            # the same two, the name read from the list's title (no 'Xóm' cell): the title to
            # correct (session 33). The head's feedback adds a 'Thông tin' sheet that writes the
            # name in its 'Xóm' cell, where he corrects it: said to him as of that cell ('-head')
            (
                "former-title",
                "Tiêu đề của danh sách ghi xóm '{value}', là tên cũ của xóm '{instead}' ({detail}), nên danh sách chưa được tính. Hãy sửa tên xóm trong tiêu đề thành '{instead}' đúng như trong kế hoạch rồi gửi lại.",
                "The list's title names hamlet '{value}', the former name of hamlet '{instead}' ({detail}), so the list is not counted. Write '{instead}' for the hamlet in the title, as the plan names it, and send it again.",
            ),
            (
                "former-sent-title",
                "Tiêu đề của danh sách ghi xóm '{value}', là tên cũ của xóm '{instead}', nên danh sách chưa được tính; xóm '{instead}' đã có danh sách kỳ này ({detail}) và danh sách đó được tính. Nếu tệp này mới là bản đúng, hãy sửa tên xóm trong tiêu đề thành '{instead}' đúng như trong kế hoạch rồi gửi lại để thay cho tệp kia; nếu không, không cần gửi lại tệp này.",
                "The list's title names hamlet '{value}', the former name of hamlet '{instead}', so the list is not counted; '{instead}' has a list of this period ({detail}), which is counted. If this file is the right one, write '{instead}' for the hamlet in the title, as the plan names it, and send it again in place of the other; if not, this file need not be sent again.",
            ),
            (
                "former-title-head",
                "Ô 'Xóm' ghi '{value}', là tên cũ của xóm '{instead}' ({detail}), nên danh sách chưa được tính. Hãy sửa ô 'Xóm' thành '{instead}' đúng như trong kế hoạch rồi gửi lại.",
                "The 'Xóm' cell says '{value}', the former name of hamlet '{instead}' ({detail}), so the list is not counted. Write '{instead}' in the 'Xóm' cell, as the plan names it, and send it again.",
            ),
            (
                "former-sent-title-head",
                "Ô 'Xóm' ghi '{value}', là tên cũ của xóm '{instead}', nên danh sách chưa được tính; xóm '{instead}' đã có danh sách kỳ này ({detail}) và danh sách đó được tính. Nếu tệp này mới là bản đúng, hãy sửa ô 'Xóm' thành '{instead}' đúng như trong kế hoạch rồi gửi lại để thay cho tệp kia; nếu không, không cần gửi lại tệp này.",
                "The 'Xóm' cell says '{value}', the former name of hamlet '{instead}', so the list is not counted; '{instead}' has a list of this period ({detail}), which is counted. If this file is the right one, write '{instead}' in the 'Xóm' cell, as the plan names it, and send it again in place of the other; if not, this file need not be sent again.",
            ),
            # ... the title read where the list's own 'Xóm' cell is blank: said to the head at
            # that cell, which his PhanHoi keeps blank (report.feedback; session 34)
            (
                "former-blank-head",
                "Ô 'Xóm' đang trống và tiêu đề của danh sách ghi xóm '{value}', là tên cũ của xóm '{instead}' ({detail}), nên danh sách chưa được tính. Hãy ghi '{instead}' vào ô 'Xóm' đúng như trong kế hoạch rồi gửi lại.",
                "The 'Xóm' cell is empty and the list's title names hamlet '{value}', the former name of hamlet '{instead}' ({detail}), so the list is not counted. Write '{instead}' in the 'Xóm' cell, as the plan names it, and send it again.",
            ),
            (
                "former-sent-blank-head",
                "Ô 'Xóm' đang trống và tiêu đề của danh sách ghi xóm '{value}', là tên cũ của xóm '{instead}', nên danh sách chưa được tính; xóm '{instead}' đã có danh sách kỳ này ({detail}) và danh sách đó được tính. Nếu tệp này mới là bản đúng, hãy ghi '{instead}' vào ô 'Xóm' đúng như trong kế hoạch rồi gửi lại để thay cho tệp kia; nếu không, không cần gửi lại tệp này.",
                "The 'Xóm' cell is empty and the list's title names hamlet '{value}', the former name of hamlet '{instead}', so the list is not counted; '{instead}' has a list of this period ({detail}), which is counted. If this file is the right one, write '{instead}' in the 'Xóm' cell, as the plan names it, and send it again in place of the other; if not, this file need not be sent again.",
            ),
            # the name of a hamlet a stored month of the year had beside {instead}, merged into
            # it since in the plan ({detail}: since when), its codes {instead}'s, when {instead}
            # sent no list of the period (variant 'codes' before): not a cell to correct alone,
            # one list of the whole merged hamlet (renames.former_names; session 32)
            (
                "joined",
                "Ô 'Xóm' ghi '{value}': xóm '{value}' đã sáp nhập vào xóm '{instead}' ({detail}), nên danh sách riêng này chưa được tính, và xóm '{instead}' chưa gửi danh sách kỳ này. Các hộ trong danh sách này phải được ghi vào một danh sách chung của cả xóm '{instead}' (với tổng số hộ dân cư của cả xóm sau sáp nhập): do trưởng xóm '{instead}' ghi vào danh sách của xóm rồi gửi cho xã, hoặc bổ sung vào danh sách này các hộ của xóm '{instead}', sửa ô 'Xóm' thành '{instead}' rồi gửi lại. Không chỉ sửa ô 'Xóm': danh sách chỉ có các hộ của xóm '{value}' sẽ bị tính như cả xóm '{instead}'. Chừng nào chưa có danh sách đó, xóm '{instead}' chưa được tính vào số liệu toàn xã.",
                "The 'Xóm' cell says '{value}': hamlet '{value}' was merged into '{instead}' ({detail}), so this list sent apart is not counted, and '{instead}' has sent no list this period. The households on this list must be written in one list of the whole of '{instead}' (with the whole merged hamlet's resident households): written in the hamlet's list by the head of '{instead}' and sent to the commune, or this list completed with the households of '{instead}', its 'Xóm' corrected to '{instead}', and sent again. Do not only correct the 'Xóm' cell: a list of the households of '{value}' alone would be counted as the whole of '{instead}'. Until that list comes, '{instead}' is left out of the commune's figures.",
            ),
            # ... the name read from the list's title (its 'codes-title' refusal before): the
            # title, not a cell, named (session 49's review)
            (
                "joined-title",
                "Tiêu đề của danh sách ghi xóm '{value}': xóm '{value}' đã sáp nhập vào xóm '{instead}' ({detail}), nên danh sách riêng này chưa được tính, và xóm '{instead}' chưa gửi danh sách kỳ này. Các hộ trong danh sách này phải được ghi vào một danh sách chung của cả xóm '{instead}' (với tổng số hộ dân cư của cả xóm sau sáp nhập): do trưởng xóm '{instead}' ghi vào danh sách của xóm rồi gửi cho xã, hoặc bổ sung vào danh sách này các hộ của xóm '{instead}', sửa tên xóm trong tiêu đề thành '{instead}' rồi gửi lại. Không chỉ sửa tên xóm trong tiêu đề: danh sách chỉ có các hộ của xóm '{value}' sẽ bị tính như cả xóm '{instead}'. Chừng nào chưa có danh sách đó, xóm '{instead}' chưa được tính vào số liệu toàn xã.",
                "The list's title names hamlet '{value}': hamlet '{value}' was merged into '{instead}' ({detail}), so this list sent apart is not counted, and '{instead}' has sent no list this period. The households on this list must be written in one list of the whole of '{instead}' (with the whole merged hamlet's resident households): written in the hamlet's list by the head of '{instead}' and sent to the commune, or this list completed with the households of '{instead}', the hamlet in its title corrected to '{instead}', and sent again. Do not only correct the hamlet in the title: a list of the households of '{value}' alone would be counted as the whole of '{instead}'. Until that list comes, '{instead}' is left out of the commune's figures.",
            ),
            # ... the codes new (on no start list), the merger told by the history, when
            # {instead} sent its own list of the period: not the cell to correct (a second list
            # of {instead}, which would replace its own), the households given to its head
            # (renames._joined_by_history; session 35)
            (
                "joined-sent",
                "Ô 'Xóm' ghi '{value}': xóm '{value}' đã sáp nhập vào xóm '{instead}' ({detail}), và xóm '{instead}' đã gửi danh sách kỳ này, nên danh sách riêng này không được tính. Các hộ trong danh sách này chưa có trong danh sách đầu năm của xã: nếu đúng là hộ của xóm '{value}' cũ, trưởng xóm '{instead}' cần ghi các hộ này vào danh sách của xóm '{instead}' (một danh sách cho cả xóm) rồi gửi lại; chừng nào chưa ghi, các hộ này chưa được tính. Không sửa ô 'Xóm' thành '{instead}' để gửi lại danh sách này: mỗi xóm, xã chỉ tính một danh sách, và danh sách này sẽ thay cho danh sách của cả xóm '{instead}'.",
                "The 'Xóm' cell says '{value}': hamlet '{value}' was merged into '{instead}' ({detail}), and '{instead}' has sent its list this period, so this list sent apart is not counted. The households on this list are on none of the commune's start-of-year lists: if they are households of the former '{value}', the head of '{instead}' needs to write them in the list of '{instead}' (one list for the whole hamlet) and send it again; until then they are not counted. Do not correct the 'Xóm' cell to '{instead}' to send this list again: the commune counts one list per hamlet, and this list would replace the list of the whole of '{instead}'.",
            ),
            # ... its households all on the list {instead} sent of the period (a copy left in the
            # folder once written there): nothing to give its head (holding.all_listed; session
            # 36 QA)
            (
                "joined-listed",
                "Ô 'Xóm' ghi '{value}': xóm '{value}' đã sáp nhập vào xóm '{instead}' ({detail}), và mọi hộ trong danh sách này đều đã có trong danh sách xóm '{instead}' gửi kỳ này, nên danh sách riêng này không được tính và không cần gửi lại (có thể bỏ tệp ra khỏi thư mục đầu vào). Không sửa ô 'Xóm' thành '{instead}': mỗi xóm, xã chỉ tính một danh sách, và danh sách này sẽ thay cho danh sách của cả xóm '{instead}'.",
                "The 'Xóm' cell says '{value}': hamlet '{value}' was merged into '{instead}' ({detail}), and every household on this list is on the list '{instead}' sent this period, so this list sent apart is not counted and need not be sent again (the file can be taken out of the input folder). Do not correct the 'Xóm' cell to '{instead}': the commune counts one list per hamlet, and this list would replace the list of the whole of '{instead}'.",
            ),
            (
                "joined-listed-head",
                "Ô 'Xóm' ghi '{value}': xóm '{value}' đã sáp nhập vào xóm '{instead}' ({detail}), và mọi hộ trong danh sách này đều đã có trong danh sách của cả xóm do trưởng xóm '{instead}' gửi kỳ này, nên danh sách riêng này không được tính. Không cần gửi lại danh sách này, cũng không sửa ô này để gửi lại: mỗi xóm, xã chỉ tính một danh sách, và danh sách này sẽ thay cho danh sách của cả xóm '{instead}'.",
                "The 'Xóm' cell says '{value}': hamlet '{value}' was merged into '{instead}' ({detail}), and every household on this list is on the whole hamlet's list the head of '{instead}' sent this period, so this list sent apart is not counted. It need not be sent again, nor this cell corrected to send it again: the commune counts one list per hamlet, and this list would replace the list of the whole of '{instead}'.",
            ),
            (
                "joined-sent-head",
                "Ô 'Xóm' ghi '{value}': xóm '{value}' đã sáp nhập vào xóm '{instead}' ({detail}), và trưởng xóm '{instead}' đã gửi danh sách của cả xóm kỳ này, nên danh sách riêng này không được tính. Không sửa ô này để gửi lại: mỗi xóm, xã chỉ tính một danh sách, và danh sách này sẽ thay cho danh sách của cả xóm '{instead}'. Các hộ trong danh sách này chưa có trong danh sách đầu năm của xã: hãy chuyển các hộ này cho trưởng xóm '{instead}' để ghi vào danh sách của xóm '{instead}' rồi gửi cho xã; chừng nào chưa ghi, các hộ này chưa được tính. Nếu xóm '{value}' không sáp nhập vào xóm '{instead}', hãy báo lại cho xã.",
                "The 'Xóm' cell says '{value}': hamlet '{value}' was merged into '{instead}' ({detail}), and the head of '{instead}' has sent the whole hamlet's list this period, so this list sent apart is not counted. Do not correct this cell to send it again: the commune counts one list per hamlet, and this list would replace the list of the whole of '{instead}'. The households on this list are on none of the commune's start-of-year lists: give them to the head of '{instead}' to write in the list of '{instead}' and send it to the commune; until then they are not counted. If '{value}' was not merged into '{instead}', tell the commune.",
            ),
            # ... some of its codes on the start list (on no hamlet's enough to tell it; {detail}
            # says how many): the others are said new (session 49, W1)
            (
                "joined-sent-start",
                "Ô 'Xóm' ghi '{value}': xóm '{value}' đã sáp nhập vào xóm '{instead}' ({detail}), và xóm '{instead}' đã gửi danh sách kỳ này, nên danh sách riêng này không được tính. Các hộ khác trong danh sách này chưa có trong danh sách đầu năm của xã: nếu đúng là hộ của xóm '{value}' cũ, trưởng xóm '{instead}' cần ghi các hộ này vào danh sách của xóm '{instead}' (một danh sách cho cả xóm) rồi gửi lại; chừng nào chưa ghi, các hộ này chưa được tính. Không sửa ô 'Xóm' thành '{instead}' để gửi lại danh sách này: mỗi xóm, xã chỉ tính một danh sách, và danh sách này sẽ thay cho danh sách của cả xóm '{instead}'.",
                "The 'Xóm' cell says '{value}': hamlet '{value}' was merged into '{instead}' ({detail}), and '{instead}' has sent its list this period, so this list sent apart is not counted. Its other households are on none of the commune's start-of-year lists: if they are households of the former '{value}', the head of '{instead}' needs to write them in the list of '{instead}' (one list for the whole hamlet) and send it again; until then they are not counted. Do not correct the 'Xóm' cell to '{instead}' to send this list again: the commune counts one list per hamlet, and this list would replace the list of the whole of '{instead}'.",
            ),
            (
                "joined-sent-start-head",
                "Ô 'Xóm' ghi '{value}': xóm '{value}' đã sáp nhập vào xóm '{instead}' ({detail}), và trưởng xóm '{instead}' đã gửi danh sách của cả xóm kỳ này, nên danh sách riêng này không được tính. Không sửa ô này để gửi lại: mỗi xóm, xã chỉ tính một danh sách, và danh sách này sẽ thay cho danh sách của cả xóm '{instead}'. Các hộ khác trong danh sách này chưa có trong danh sách đầu năm của xã: hãy chuyển các hộ trong danh sách này cho trưởng xóm '{instead}' để ghi vào danh sách của xóm '{instead}' rồi gửi cho xã; chừng nào chưa ghi, các hộ này chưa được tính. Nếu xóm '{value}' không sáp nhập vào xóm '{instead}', hãy báo lại cho xã.",
                "The 'Xóm' cell says '{value}': hamlet '{value}' was merged into '{instead}' ({detail}), and the head of '{instead}' has sent the whole hamlet's list this period, so this list sent apart is not counted. Do not correct this cell to send it again: the commune counts one list per hamlet, and this list would replace the list of the whole of '{instead}'. Its other households are on none of the commune's start-of-year lists: give the households on this list to the head of '{instead}' to write in the list of '{instead}' and send it to the commune; until then they are not counted. If '{value}' was not merged into '{instead}', tell the commune.",
            ),
            # ... the name read from the list's title (its 'Xóm' cell blank): the title named,
            # not a cell (session 49, W1; said to the head alike, as 'joined-title' is)
            (
                "joined-sent-title",
                "Tiêu đề của danh sách ghi xóm '{value}': xóm '{value}' đã sáp nhập vào xóm '{instead}' ({detail}), và xóm '{instead}' đã gửi danh sách kỳ này, nên danh sách riêng này không được tính. Các hộ trong danh sách này chưa có trong danh sách đầu năm của xã: nếu đúng là hộ của xóm '{value}' cũ, trưởng xóm '{instead}' cần ghi các hộ này vào danh sách của xóm '{instead}' (một danh sách cho cả xóm) rồi gửi lại; chừng nào chưa ghi, các hộ này chưa được tính. Không sửa tên xóm trong tiêu đề thành '{instead}' để gửi lại danh sách này: mỗi xóm, xã chỉ tính một danh sách, và danh sách này sẽ thay cho danh sách của cả xóm '{instead}'.",
                "The list's title names hamlet '{value}': hamlet '{value}' was merged into '{instead}' ({detail}), and '{instead}' has sent its list this period, so this list sent apart is not counted. The households on this list are on none of the commune's start-of-year lists: if they are households of the former '{value}', the head of '{instead}' needs to write them in the list of '{instead}' (one list for the whole hamlet) and send it again; until then they are not counted. Do not correct the hamlet in the title to '{instead}' to send this list again: the commune counts one list per hamlet, and this list would replace the list of the whole of '{instead}'.",
            ),
            (
                "joined-sent-start-title",
                "Tiêu đề của danh sách ghi xóm '{value}': xóm '{value}' đã sáp nhập vào xóm '{instead}' ({detail}), và xóm '{instead}' đã gửi danh sách kỳ này, nên danh sách riêng này không được tính. Các hộ khác trong danh sách này chưa có trong danh sách đầu năm của xã: nếu đúng là hộ của xóm '{value}' cũ, trưởng xóm '{instead}' cần ghi các hộ này vào danh sách của xóm '{instead}' (một danh sách cho cả xóm) rồi gửi lại; chừng nào chưa ghi, các hộ này chưa được tính. Không sửa tên xóm trong tiêu đề thành '{instead}' để gửi lại danh sách này: mỗi xóm, xã chỉ tính một danh sách, và danh sách này sẽ thay cho danh sách của cả xóm '{instead}'.",
                "The list's title names hamlet '{value}': hamlet '{value}' was merged into '{instead}' ({detail}), and '{instead}' has sent its list this period, so this list sent apart is not counted. Its other households are on none of the commune's start-of-year lists: if they are households of the former '{value}', the head of '{instead}' needs to write them in the list of '{instead}' (one list for the whole hamlet) and send it again; until then they are not counted. Do not correct the hamlet in the title to '{instead}' to send this list again: the commune counts one list per hamlet, and this list would replace the list of the whole of '{instead}'.",
            ),
            # ... the merger told by this month's lists alone, the plan without a start list
            # (renames._joined_by_lists; session 57, D3): its households on {instead}'s list
            (
                "joined-sent-lists",
                "Ô 'Xóm' ghi '{value}': xóm '{value}' đã sáp nhập vào xóm '{instead}' ({detail}), các hộ ghi trong danh sách xóm '{instead}', và xóm '{instead}' đã gửi danh sách kỳ này, nên danh sách riêng này không được tính. Hộ nào trong danh sách này chưa có trong danh sách của xóm nào gửi kỳ này, trưởng xóm '{instead}' cần ghi vào danh sách của xóm '{instead}' (một danh sách cho cả xóm) rồi gửi lại; chừng nào chưa ghi, các hộ này chưa được tính. Không sửa ô 'Xóm' thành '{instead}' để gửi lại danh sách này: mỗi xóm, xã chỉ tính một danh sách, và danh sách này sẽ thay cho danh sách của cả xóm '{instead}'.",
                "The 'Xóm' cell says '{value}': hamlet '{value}' was merged into '{instead}' ({detail}), its households on the list of '{instead}', and '{instead}' has sent its list this period, so this list sent apart is not counted. Any household on this list on no hamlet's list of this period, the head of '{instead}' needs to write in the list of '{instead}' (one list for the whole hamlet) and send it again; until then they are not counted. Do not correct the 'Xóm' cell to '{instead}' to send this list again: the commune counts one list per hamlet, and this list would replace the list of the whole of '{instead}'.",
            ),
            (
                "joined-sent-lists-head",
                "Ô 'Xóm' ghi '{value}': xóm '{value}' đã sáp nhập vào xóm '{instead}' ({detail}), các hộ ghi trong danh sách của cả xóm do trưởng xóm '{instead}' gửi kỳ này, nên danh sách riêng này không được tính. Không sửa ô này để gửi lại: mỗi xóm, xã chỉ tính một danh sách, và danh sách này sẽ thay cho danh sách của cả xóm '{instead}'. Hộ nào trong danh sách này chưa có trong danh sách của xóm nào gửi kỳ này, hãy chuyển cho trưởng xóm '{instead}' để ghi vào danh sách của xóm '{instead}' rồi gửi cho xã; chừng nào chưa ghi, các hộ này chưa được tính. Nếu xóm '{value}' không sáp nhập vào xóm '{instead}', hãy báo lại cho xã.",
                "The 'Xóm' cell says '{value}': hamlet '{value}' was merged into '{instead}' ({detail}), its households on the whole hamlet's list the head of '{instead}' sent this period, so this list sent apart is not counted. Do not correct this cell to send it again: the commune counts one list per hamlet, and this list would replace the list of the whole of '{instead}'. Any household on this list on no hamlet's list of this period: give it to the head of '{instead}' to write in the list of '{instead}' and send it to the commune; until then they are not counted. If '{value}' was not merged into '{instead}', tell the commune.",
            ),
            (
                "joined-sent-lists-title",
                "Tiêu đề của danh sách ghi xóm '{value}': xóm '{value}' đã sáp nhập vào xóm '{instead}' ({detail}), các hộ ghi trong danh sách xóm '{instead}', và xóm '{instead}' đã gửi danh sách kỳ này, nên danh sách riêng này không được tính. Hộ nào trong danh sách này chưa có trong danh sách của xóm nào gửi kỳ này, trưởng xóm '{instead}' cần ghi vào danh sách của xóm '{instead}' (một danh sách cho cả xóm) rồi gửi lại; chừng nào chưa ghi, các hộ này chưa được tính. Không sửa tên xóm trong tiêu đề thành '{instead}' để gửi lại danh sách này: mỗi xóm, xã chỉ tính một danh sách, và danh sách này sẽ thay cho danh sách của cả xóm '{instead}'.",
                "The list's title names hamlet '{value}': hamlet '{value}' was merged into '{instead}' ({detail}), its households on the list of '{instead}', and '{instead}' has sent its list this period, so this list sent apart is not counted. Any household on this list on no hamlet's list of this period, the head of '{instead}' needs to write in the list of '{instead}' (one list for the whole hamlet) and send it again; until then they are not counted. Do not correct the hamlet in the title to '{instead}' to send this list again: the commune counts one list per hamlet, and this list would replace the list of the whole of '{instead}'.",
            ),
            (
                "joined-listed-title",
                "Tiêu đề của danh sách ghi xóm '{value}': xóm '{value}' đã sáp nhập vào xóm '{instead}' ({detail}), và mọi hộ trong danh sách này đều đã có trong danh sách xóm '{instead}' gửi kỳ này, nên danh sách riêng này không được tính và không cần gửi lại (có thể bỏ tệp ra khỏi thư mục đầu vào). Không sửa tên xóm trong tiêu đề thành '{instead}': mỗi xóm, xã chỉ tính một danh sách, và danh sách này sẽ thay cho danh sách của cả xóm '{instead}'.",
                "The list's title names hamlet '{value}': hamlet '{value}' was merged into '{instead}' ({detail}), and every household on this list is on the list '{instead}' sent this period, so this list sent apart is not counted and need not be sent again (the file can be taken out of the input folder). Do not correct the hamlet in the title to '{instead}': the commune counts one list per hamlet, and this list would replace the list of the whole of '{instead}'.",
            ),
            # the same, the hamlet read from the list's title (no 'Xóm' cell): the title to correct
            (
                "codes-title",
                "Tiêu đề của danh sách ghi xóm '{value}', không có trong kế hoạch của xã, nên danh sách chưa được tính. Các mã hộ trong danh sách là của xóm {hamlet} ({detail}): nếu đây là danh sách của xóm {hamlet}, hãy sửa tên xóm trong tiêu đề thành '{hamlet}' đúng như trong kế hoạch rồi gửi lại; nếu đây là một xóm khác chưa có trong kế hoạch thì xã cần thêm xóm đó vào kế hoạch rồi tổng hợp lại.",
                "The list's title names hamlet '{value}', which is not in the commune's plan, so the list is not counted. The list's household codes are hamlet {hamlet}'s ({detail}): if it is {hamlet}'s list, write '{hamlet}' for the hamlet in the title, as the plan names it, and send it again; if it is another hamlet, not yet in the plan, the commune needs to add it to the plan and consolidate again.",
            ),
        ),
    ),
    # The merged hamlet's own list, counted, when the hamlet merged into it sent its own list
    # too (refused, `unknown-hamlet` variant 'merged'): its figures lack those households
    # (docs/decisions.md, session 25). {value}: the refused list's hamlet as written;
    # {instead}: its file; {detail}: its households.
    IssueType(
        "merged-list-apart",
        "warning",
        "file",
        "Số liệu của xóm {hamlet} chưa đủ: {detail} của danh sách xóm '{value}' gửi riêng (tệp {instead}, bị từ chối vì xóm '{value}' không có trong kế hoạch) chưa được tính (không phải đã thoát), nên xóm {hamlet} chưa được tính vào số liệu toàn xã. Nếu xóm '{value}' đã sáp nhập vào xóm {hamlet}, hãy ghi các hộ đó vào danh sách này (một danh sách cho cả xóm, với tổng số hộ dân cư của cả xóm sau sáp nhập) rồi gửi lại.",
        "Hamlet {hamlet}'s figures are incomplete: the {detail} on the list of hamlet '{value}', sent apart (file {instead}, refused as '{value}' is not in the plan), are not counted (not exited either), so {hamlet} is left out of the commune's figures. If '{value}' was merged into {hamlet}, write those households in this list (one list for the whole hamlet, with the whole merged hamlet's resident households) and send it again.",
        variants=(
            # a list naming no hamlet whose codes are {hamlet}'s (missing-hamlet 'holds-held',
            # session 51): no name to quote
            (
                "unnamed",
                "Số liệu của xóm {hamlet} chưa đủ: {detail} của danh sách không ghi tên xóm (tệp {instead}, bị từ chối vì không xác định được tên xóm) chưa được tính (không phải đã thoát), nên xóm {hamlet} chưa được tính vào số liệu toàn xã. Nếu đó là các hộ của xóm {hamlet}, hãy ghi các hộ đó vào danh sách này (một danh sách cho cả xóm) rồi gửi lại.",
                "Hamlet {hamlet}'s figures are incomplete: the {detail} on a list naming no hamlet (file {instead}, refused as its hamlet cannot be told) are not counted (not exited either), so {hamlet} is left out of the commune's figures. If they are {hamlet}'s households, write them in this list (one list for the whole hamlet) and send it again.",
            ),
            # a list naming another plan hamlet '{value}' that sent its own, its codes {hamlet}'s
            # (hamlet-codes-of-file-name 'codes-held', session 51)
            (
                "neighbour",
                "Số liệu của xóm {hamlet} chưa đủ: {detail} của danh sách ghi xóm '{value}' (tệp {instead}, bị từ chối vì các mã hộ là của xóm {hamlet}, không phải của xóm '{value}') chưa được tính (không phải đã thoát), nên xóm {hamlet} chưa được tính vào số liệu toàn xã. Nếu đó là các hộ của xóm {hamlet}, hãy ghi các hộ đó vào danh sách này (một danh sách cho cả xóm) rồi gửi lại.",
                "Hamlet {hamlet}'s figures are incomplete: the {detail} on a list naming hamlet '{value}' (file {instead}, refused as its codes are {hamlet}'s, not '{value}'s) are not counted (not exited either), so {hamlet} is left out of the commune's figures. If they are {hamlet}'s households, write them in this list (one list for the whole hamlet) and send it again.",
            ),
        ),
    ),
    IssueType(
        "hamlet-conflict",
        "error",
        "file",
        "Ô 'Xóm' ghi '{value}' nhưng tiêu đề của danh sách ghi xóm {detail}: không rõ đây là danh sách của xóm nào (có thể tệp được chép từ xóm khác mà chưa sửa ô 'Xóm'), nên tệp chưa được tính. Hãy sửa cho ô 'Xóm' và tiêu đề cùng ghi đúng xóm rồi gửi lại.",
        "The 'Xóm' cell says '{value}' but the list's title names hamlet {detail}: it is not clear whose list this is (perhaps a file copied from another hamlet with its 'Xóm' cell left unchanged), so it is not counted. Make the 'Xóm' cell and the title name the right hamlet and send it again.",
    ),
    IssueType(
        "hamlet-differs-from-title",
        "warning",
        "file",
        "Tiêu đề của danh sách ghi xóm {detail} nhưng ô 'Xóm' và tên tệp ghi '{value}'; tệp được tính cho xóm '{value}'. Hãy sửa tiêu đề cho đúng xóm.",
        "The list's title names hamlet {detail} but the 'Xóm' cell and the file name say '{value}'; the file is counted for '{value}'. Correct the title.",
        # a title naming by its very name a plan hamlet whose name the cell's begins ('BẢN CỌ
        # 2' over 'Bản Cọ'), the file name not siding with the cell (naming no hamlet, or the
        # title's): which is right is not known (consolidate.named_elsewhere; session 55, R8)
        variants=(
            (
                "cell",
                "Tiêu đề của danh sách ghi xóm {detail} nhưng ô 'Xóm' ghi '{value}'; tệp được tính cho xóm '{value}'. Nếu đây là danh sách của xóm {value}, hãy sửa tiêu đề; nếu là danh sách của xóm {detail}, hãy sửa ô 'Xóm' rồi gửi lại.",
                "The list's title names hamlet {detail} but the 'Xóm' cell says '{value}'; the file is counted for '{value}'. If it is hamlet {value}'s list, correct the title; if it is hamlet {detail}'s, correct the 'Xóm' cell and send it again.",
            ),
        ),
    ),
    IssueType(
        "hamlet-differs-from-file-name",
        "warning",
        "file",
        "Tên tệp ghi xóm {detail} nhưng ô 'Xóm' ghi '{value}'; tệp được tính cho xóm '{value}'. Nếu đây là danh sách của xóm {detail}, hãy sửa ô 'Xóm' rồi gửi lại.",
        "The file name names hamlet {detail} but the 'Xóm' cell says '{value}'; the file is counted for '{value}'. If it is hamlet {detail}'s list, correct the 'Xóm' cell and send it again.",
    ),
    # A list whose codes the stored months have as another hamlet's ({detail}: 'xóm X trong
    # danh sách tháng 4/2024 đã tổng hợp'), a list of this month naming X ({instead}) holding
    # the named hamlet's: a swap or a ring as consolidate._swapped finds one, with no start list
    # to tell whether this month's cells or the stored month's are wrong (an unseen swap in the
    # first month run makes next month's right lists look swapped): counted as written, warned
    # (session 52). Said to the head ('head'), who asks the commune to run the month again.
    IssueType(
        "hamlet-codes-stored-elsewhere",
        "warning",
        "file",
        "Danh sách ghi xóm '{value}' nhưng các mã hộ trong danh sách là của {detail}, và kỳ này tệp '{instead}' ghi xóm đó: có thể ô 'Xóm' đã bị đổi cho nhau giữa các xóm, ở danh sách kỳ này hoặc ở danh sách tháng đó. Kế hoạch không có danh sách đầu năm để biết bên nào đúng, nên tệp vẫn được tính cho xóm {hamlet} như danh sách ghi. Hãy kiểm tra ô 'Xóm' của danh sách này và của danh sách tháng đó: nếu danh sách này ghi nhầm, hãy sửa ô 'Xóm' (và các ô chép theo: tiêu đề danh sách, nhất là 'Tổng số hộ dân cư') rồi gửi lại; nếu danh sách tháng đó ghi nhầm, hãy sửa danh sách tháng đó, tổng hợp lại tháng đó rồi tổng hợp lại kỳ này.",
        "The list names hamlet '{value}' but its household codes are {detail}, and file '{instead}' of this period names that hamlet: perhaps the 'Xóm' cells were swapped among hamlets, on this period's lists or on that month's. The plan has no start-of-year list to tell which is right, so the file is counted for {hamlet} as written. Check the 'Xóm' cell of this list and of that month's list: if this list is wrong, correct its 'Xóm' cell (and the cells copied with it: the list's title, above all 'Tổng số hộ dân cư') and send it again; if that month's list is wrong, correct it, consolidate that month again, then this period again.",
        variants=(
            (
                "head",
                "Danh sách ghi xóm '{value}' nhưng các mã hộ trong danh sách là của {detail}, và kỳ này tệp '{instead}' ghi xóm đó: có thể ô 'Xóm' đã bị đổi cho nhau giữa các xóm, ở danh sách này hoặc ở danh sách tháng đó. Danh sách vẫn được tính cho xóm {hamlet} như đã ghi. Hãy kiểm tra ô 'Xóm' của danh sách này và của danh sách xóm đã gửi tháng đó: nếu danh sách này ghi nhầm, hãy sửa ô 'Xóm' (và các ô chép theo: tiêu đề danh sách, nhất là 'Tổng số hộ dân cư') rồi gửi lại; nếu danh sách tháng đó ghi nhầm, hãy báo cho xã để sửa danh sách tháng đó và tổng hợp lại.",
                "The list names hamlet '{value}' but its household codes are {detail}, and file '{instead}' of this period names that hamlet: perhaps the 'Xóm' cells were swapped among hamlets, on this list or on that month's. The list is counted for {hamlet} as written. Check the 'Xóm' cell of this list and of the list the hamlet sent that month: if this list is wrong, correct its 'Xóm' cell (and the cells copied with it: the list's title, above all 'Tổng số hộ dân cư') and send it again; if that month's list is wrong, tell the commune, to correct it and consolidate again.",
            ),
        ),
    ),
    IssueType(
        "hamlet-codes-of-file-name",
        "error",
        "file",
        "Ô 'Xóm' ghi '{value}' nhưng tên tệp ghi xóm {hamlet} và các mã hộ trong danh sách là của xóm {hamlet} (theo {detail}): có thể tệp được chép từ xóm '{value}' mà chưa sửa ô 'Xóm', nên tệp chưa được tính. Nếu đây là danh sách của xóm {hamlet}, hãy sửa ô 'Xóm' thành '{hamlet}', kiểm tra cả các ô khác chép từ tệp của xóm '{value}' (nhất là 'Tổng số hộ dân cư') rồi gửi lại.",
        "The 'Xóm' cell says '{value}' but the file name names hamlet {hamlet} and the list's household codes are {hamlet}'s (on {detail}): perhaps a file copied from '{value}' with its 'Xóm' cell left unchanged, so it is not counted. If it is {hamlet}'s list, write '{hamlet}' in the 'Xóm' cell, check the other cells copied from '{value}'s file too (above all 'Tổng số hộ dân cư'), and send it again.",
        variants=(
            # the list's title names the cell's hamlet too: copied with the cell (consolidate.
            # named_elsewhere; session 49)
            (
                "title",
                "Ô 'Xóm' và tiêu đề danh sách ghi '{value}' nhưng tên tệp ghi xóm {hamlet} và các mã hộ trong danh sách là của xóm {hamlet} (theo {detail}): có thể tệp được chép từ xóm '{value}' mà chưa sửa ô 'Xóm' và tiêu đề, nên tệp chưa được tính. Nếu đây là danh sách của xóm {hamlet}, hãy sửa ô 'Xóm' và tiêu đề thành '{hamlet}', kiểm tra cả các ô khác chép từ tệp của xóm '{value}' (nhất là 'Tổng số hộ dân cư') rồi gửi lại.",
                "The 'Xóm' cell and the list's title say '{value}' but the file name names hamlet {hamlet} and the list's household codes are {hamlet}'s (on {detail}): perhaps a file copied from '{value}' with its 'Xóm' cell and title left unchanged, so it is not counted. If it is {hamlet}'s list, write '{hamlet}' in the 'Xóm' cell and the title, check the other cells copied from '{value}'s file too (above all 'Tổng số hộ dân cư'), and send it again.",
            ),
            # no 'Xóm' cell: the hamlet {value} read from the title, copied with it
            # (consolidate._title_copied; session 49)
            (
                "title-only",
                "Tiêu đề danh sách ghi xóm {value} nhưng tên tệp ghi xóm {hamlet} và các mã hộ trong danh sách là của xóm {hamlet} (theo {detail}): có thể tệp được chép từ xóm {value} mà chưa sửa tiêu đề, nên tệp chưa được tính. Nếu đây là danh sách của xóm {hamlet}, hãy sửa tiêu đề thành xóm {hamlet} (tốt nhất là dùng mẫu có trang 'Thông tin', ô 'Xóm' ghi '{hamlet}') rồi gửi lại.",
                "The list's title names hamlet {value} but the file name names hamlet {hamlet} and the list's household codes are {hamlet}'s (on {detail}): perhaps a file copied from {value} with its title left unchanged, so it is not counted. If it is {hamlet}'s list, make the title name hamlet {hamlet} (best, use the template with its 'Thông tin' sheet, 'Xóm' saying '{hamlet}') and send it again.",
            ),
            # the file name naming no hamlet, the codes alone {hamlet}'s, and the cell's hamlet
            # {value}'s own list ({instead}, its codes {value}'s) sent too: a neighbour's file
            # copied, its cell left (consolidate.copied_by_codes; session 49) ...
            (
                "codes",
                "Ô 'Xóm' ghi '{value}' nhưng các mã hộ trong danh sách là của xóm {hamlet} (theo {detail}), không phải của xóm '{value}' (xóm '{value}' đã gửi danh sách của xóm: tệp '{instead}'): có thể tệp được chép từ xóm '{value}' mà chưa sửa ô 'Xóm', nên tệp chưa được tính. Nếu đây là danh sách của xóm {hamlet}, hãy sửa ô 'Xóm' thành '{hamlet}', kiểm tra cả các ô khác chép từ tệp của xóm '{value}' (nhất là 'Tổng số hộ dân cư') rồi gửi lại.",
                "The 'Xóm' cell says '{value}' but the list's household codes are {hamlet}'s (on {detail}), not '{value}'s ('{value}' sent its own list: file '{instead}'): perhaps a file copied from '{value}' with its 'Xóm' cell left unchanged, so it is not counted. If it is {hamlet}'s list, write '{hamlet}' in the 'Xóm' cell, check the other cells copied from '{value}'s file too (above all 'Tổng số hộ dân cư'), and send it again.",
            ),
            # ... its title naming {value} too
            (
                "codes-title",
                "Ô 'Xóm' và tiêu đề danh sách ghi '{value}' nhưng các mã hộ trong danh sách là của xóm {hamlet} (theo {detail}), không phải của xóm '{value}' (xóm '{value}' đã gửi danh sách của xóm: tệp '{instead}'): có thể tệp được chép từ xóm '{value}' mà chưa sửa ô 'Xóm' và tiêu đề, nên tệp chưa được tính. Nếu đây là danh sách của xóm {hamlet}, hãy sửa ô 'Xóm' và tiêu đề thành '{hamlet}', kiểm tra cả các ô khác chép từ tệp của xóm '{value}' (nhất là 'Tổng số hộ dân cư') rồi gửi lại.",
                "The 'Xóm' cell and the list's title say '{value}' but the list's household codes are {hamlet}'s (on {detail}), not '{value}'s ('{value}' sent its own list: file '{instead}'): perhaps a file copied from '{value}' with its 'Xóm' cell and title left unchanged, so it is not counted. If it is {hamlet}'s list, write '{hamlet}' in the 'Xóm' cell and the title, check the other cells copied from '{value}'s file too (above all 'Tổng số hộ dân cư'), and send it again.",
            ),
            # ... no 'Xóm' cell, the hamlet {value} read from the title
            (
                "codes-title-only",
                "Tiêu đề danh sách ghi xóm {value} nhưng các mã hộ trong danh sách là của xóm {hamlet} (theo {detail}), không phải của xóm {value} (xóm {value} đã gửi danh sách của xóm: tệp '{instead}'): có thể tệp được chép từ xóm {value} mà chưa sửa tiêu đề, nên tệp chưa được tính. Nếu đây là danh sách của xóm {hamlet}, hãy sửa tiêu đề thành xóm {hamlet} (tốt nhất là dùng mẫu có trang 'Thông tin', ô 'Xóm' ghi '{hamlet}') rồi gửi lại.",
                "The list's title names hamlet {value} but the list's household codes are {hamlet}'s (on {detail}), not {value}'s ({value} sent its own list: file '{instead}'): perhaps a file copied from {value} with its title left unchanged, so it is not counted. If it is {hamlet}'s list, make the title name hamlet {hamlet} (best, use the template with its 'Thông tin' sheet, 'Xóm' saying '{hamlet}') and send it again.",
            ),
            # ... two lists' 'Xóm' cells swapped: this one naming '{value}' with {hamlet}'s codes,
            # the other ({instead}) naming {hamlet} with '{value}'s; both refused, each naming
            # the other (consolidate._swapped; session 51)
            (
                "swapped",
                "Ô 'Xóm' ghi '{value}' nhưng các mã hộ trong danh sách là của xóm {hamlet} (theo {detail}), còn tệp '{instead}' ghi xóm {hamlet} nhưng các mã hộ trong đó là của xóm '{value}': có thể hai xóm đã dùng nhầm tệp của nhau (ô 'Xóm' bị đổi cho nhau), nên cả hai tệp chưa được tính. Nếu đây là danh sách của xóm {hamlet}, hãy sửa ô 'Xóm' thành '{hamlet}', kiểm tra cả các ô khác chép từ tệp của xóm '{value}' (nhất là 'Tổng số hộ dân cư') rồi gửi lại.",
                "The 'Xóm' cell says '{value}' but the list's household codes are {hamlet}'s (on {detail}), while file '{instead}' names {hamlet} and its codes are '{value}'s: perhaps the two hamlets used each other's file (their 'Xóm' cells swapped), so neither file is counted. If it is {hamlet}'s list, write '{hamlet}' in the 'Xóm' cell, check the other cells copied from '{value}'s file too (above all 'Tổng số hộ dân cư'), and send it again.",
            ),
            # ... its title naming '{value}' too
            (
                "swapped-title",
                "Ô 'Xóm' và tiêu đề danh sách ghi '{value}' nhưng các mã hộ trong danh sách là của xóm {hamlet} (theo {detail}), còn tệp '{instead}' ghi xóm {hamlet} nhưng các mã hộ trong đó là của xóm '{value}': có thể hai xóm đã dùng nhầm tệp của nhau (ô 'Xóm' bị đổi cho nhau), nên cả hai tệp chưa được tính. Nếu đây là danh sách của xóm {hamlet}, hãy sửa ô 'Xóm' và tiêu đề thành '{hamlet}', kiểm tra cả các ô khác chép từ tệp của xóm '{value}' (nhất là 'Tổng số hộ dân cư') rồi gửi lại.",
                "The 'Xóm' cell and the list's title say '{value}' but the list's household codes are {hamlet}'s (on {detail}), while file '{instead}' names {hamlet} and its codes are '{value}'s: perhaps the two hamlets used each other's file (their 'Xóm' cells swapped), so neither file is counted. If it is {hamlet}'s list, write '{hamlet}' in the 'Xóm' cell and the title, check the other cells copied from '{value}'s file too (above all 'Tổng số hộ dân cư'), and send it again.",
            ),
            # ... no 'Xóm' cell: the hamlet {value} told by the title, or by the file name (the
            # other list {instead} naming {hamlet} as it may: a cell, a title, a file name;
            # session 52)
            (
                "swapped-title-only",
                "Tiêu đề danh sách ghi xóm {value} nhưng các mã hộ trong danh sách là của xóm {hamlet} (theo {detail}), còn tệp '{instead}' ghi xóm {hamlet} nhưng các mã hộ trong đó là của xóm {value}: có thể hai xóm đã dùng nhầm tệp của nhau (tên xóm bị đổi cho nhau), nên cả hai tệp chưa được tính. Nếu đây là danh sách của xóm {hamlet}, hãy sửa tiêu đề thành xóm {hamlet} (tốt nhất là dùng mẫu có trang 'Thông tin', ô 'Xóm' ghi '{hamlet}') rồi gửi lại.",
                "The list's title names hamlet {value} but the list's household codes are {hamlet}'s (on {detail}), while file '{instead}' names {hamlet} and its codes are {value}'s: perhaps the two hamlets used each other's file (their hamlets swapped), so neither file is counted. If it is {hamlet}'s list, make the title name hamlet {hamlet} (best, use the template with its 'Thông tin' sheet, 'Xóm' saying '{hamlet}') and send it again.",
            ),
            (
                "swapped-file-name",
                "Tên tệp ghi xóm {value} (danh sách không ghi ô 'Xóm') nhưng các mã hộ trong danh sách là của xóm {hamlet} (theo {detail}), còn tệp '{instead}' ghi xóm {hamlet} nhưng các mã hộ trong đó là của xóm {value}: có thể hai xóm đã dùng nhầm tệp của nhau (tên xóm bị đổi cho nhau), nên cả hai tệp chưa được tính. Nếu đây là danh sách của xóm {hamlet}, hãy ghi '{hamlet}' vào ô 'Xóm' (trang 'Thông tin' của mẫu) và đổi tên tệp cho đúng xóm {hamlet}, kiểm tra cả các ô khác chép từ tệp của xóm {value} (nhất là 'Tổng số hộ dân cư') rồi gửi lại.",
                "The file name names hamlet {value} (the list writes no 'Xóm') but the list's household codes are {hamlet}'s (on {detail}), while file '{instead}' names {hamlet} and its codes are {value}'s: perhaps the two hamlets used each other's file (their hamlets swapped), so neither file is counted. If it is {hamlet}'s list, write '{hamlet}' in the 'Xóm' cell (the template's 'Thông tin' sheet) and rename the file for {hamlet}, check the other cells copied from {value}'s file too (above all 'Tổng số hộ dân cư'), and send it again.",
            ),
            # ... three hamlets or more rotated (X's list naming Y, Y's naming Z, Z's naming X):
            # this one naming '{value}' with {hamlet}'s codes, {instead} the list naming
            # {hamlet}, its codes a third hamlet's; all refused (consolidate._swapped; session 52)
            (
                "rotated",
                "Ô 'Xóm' ghi '{value}' nhưng các mã hộ trong danh sách là của xóm {hamlet} (theo {detail}), còn tệp '{instead}' ghi xóm {hamlet} nhưng các mã hộ trong đó là của một xóm khác (xem lỗi của tệp đó): có thể các xóm đã dùng nhầm tệp của nhau (ô 'Xóm' bị đổi vòng giữa ba xóm trở lên), nên các tệp đó đều chưa được tính. Nếu đây là danh sách của xóm {hamlet}, hãy sửa ô 'Xóm' thành '{hamlet}', kiểm tra cả các ô khác chép từ tệp của xóm '{value}' (nhất là 'Tổng số hộ dân cư') rồi gửi lại.",
                "The 'Xóm' cell says '{value}' but the list's household codes are {hamlet}'s (on {detail}), while file '{instead}' names {hamlet} and its codes are another hamlet's (see that file's errors): perhaps the hamlets used each other's files (their 'Xóm' cells rotated among three hamlets or more), so none of those files is counted. If it is {hamlet}'s list, write '{hamlet}' in the 'Xóm' cell, check the other cells copied from '{value}'s file too (above all 'Tổng số hộ dân cư'), and send it again.",
            ),
            (
                "rotated-title",
                "Ô 'Xóm' và tiêu đề danh sách ghi '{value}' nhưng các mã hộ trong danh sách là của xóm {hamlet} (theo {detail}), còn tệp '{instead}' ghi xóm {hamlet} nhưng các mã hộ trong đó là của một xóm khác (xem lỗi của tệp đó): có thể các xóm đã dùng nhầm tệp của nhau (ô 'Xóm' bị đổi vòng giữa ba xóm trở lên), nên các tệp đó đều chưa được tính. Nếu đây là danh sách của xóm {hamlet}, hãy sửa ô 'Xóm' và tiêu đề thành '{hamlet}', kiểm tra cả các ô khác chép từ tệp của xóm '{value}' (nhất là 'Tổng số hộ dân cư') rồi gửi lại.",
                "The 'Xóm' cell and the list's title say '{value}' but the list's household codes are {hamlet}'s (on {detail}), while file '{instead}' names {hamlet} and its codes are another hamlet's (see that file's errors): perhaps the hamlets used each other's files (their 'Xóm' cells rotated among three hamlets or more), so none of those files is counted. If it is {hamlet}'s list, write '{hamlet}' in the 'Xóm' cell and the title, check the other cells copied from '{value}'s file too (above all 'Tổng số hộ dân cư'), and send it again.",
            ),
            (
                "rotated-title-only",
                "Tiêu đề danh sách ghi xóm {value} nhưng các mã hộ trong danh sách là của xóm {hamlet} (theo {detail}), còn tệp '{instead}' ghi xóm {hamlet} nhưng các mã hộ trong đó là của một xóm khác (xem lỗi của tệp đó): có thể các xóm đã dùng nhầm tệp của nhau (tên xóm bị đổi vòng giữa ba xóm trở lên), nên các tệp đó đều chưa được tính. Nếu đây là danh sách của xóm {hamlet}, hãy sửa tiêu đề thành xóm {hamlet} (tốt nhất là dùng mẫu có trang 'Thông tin', ô 'Xóm' ghi '{hamlet}') rồi gửi lại.",
                "The list's title names hamlet {value} but the list's household codes are {hamlet}'s (on {detail}), while file '{instead}' names {hamlet} and its codes are another hamlet's (see that file's errors): perhaps the hamlets used each other's files (their hamlets rotated among three hamlets or more), so none of those files is counted. If it is {hamlet}'s list, make the title name hamlet {hamlet} (best, use the template with its 'Thông tin' sheet, 'Xóm' saying '{hamlet}') and send it again.",
            ),
            (
                "rotated-file-name",
                "Tên tệp ghi xóm {value} (danh sách không ghi ô 'Xóm') nhưng các mã hộ trong danh sách là của xóm {hamlet} (theo {detail}), còn tệp '{instead}' ghi xóm {hamlet} nhưng các mã hộ trong đó là của một xóm khác (xem lỗi của tệp đó): có thể các xóm đã dùng nhầm tệp của nhau (tên xóm bị đổi vòng giữa ba xóm trở lên), nên các tệp đó đều chưa được tính. Nếu đây là danh sách của xóm {hamlet}, hãy ghi '{hamlet}' vào ô 'Xóm' (trang 'Thông tin' của mẫu) và đổi tên tệp cho đúng xóm {hamlet}, kiểm tra cả các ô khác chép từ tệp của xóm {value} (nhất là 'Tổng số hộ dân cư') rồi gửi lại.",
                "The file name names hamlet {value} (the list writes no 'Xóm') but the list's household codes are {hamlet}'s (on {detail}), while file '{instead}' names {hamlet} and its codes are another hamlet's (see that file's errors): perhaps the hamlets used each other's files (their hamlets rotated among three hamlets or more), so none of those files is counted. If it is {hamlet}'s list, write '{hamlet}' in the 'Xóm' cell (the template's 'Thông tin' sheet) and rename the file for {hamlet}, check the other cells copied from {value}'s file too (above all 'Tổng số hộ dân cư'), and send it again.",
            ),
            # ... a ring whose lists hold their own hamlets' codes of last year, the start list
            # giving them to each other's hamlets: codes renumbered at the year's turn, the head
            # writing the old ones. {hamlet}: the list's own hamlet (refused as its list),
            # {detail}: the hamlet the start list gives the codes to, {instead}: the ring's
            # other list (consolidate._renumbered; session 53)
            (
                "renumbered",
                "Các mã hộ trong danh sách là mã hộ xóm {hamlet} đã dùng năm trước, nhưng theo danh sách đầu năm năm nay các mã đó là của các hộ xóm {detail} (mã hộ đã được đánh lại từ đầu năm; tệp '{instead}' của xóm {detail} cũng ghi mã hộ không khớp danh sách đầu năm), nên tệp chưa được tính. Không sửa ô 'Xóm': hãy ghi lại cột 'Mã hộ' theo mã hộ mới của từng hộ trong danh sách đầu năm rồi gửi lại.",
                "The list's household codes are those {hamlet} used last year, but on the start-of-year list they are now {detail}'s households' (the codes were renumbered at the start of the year; file '{instead}' of {detail} writes codes that do not match the start-of-year list either), so it is not counted. Do not change the 'Xóm' cell: write the 'Mã hộ' column again with each household's new code on the start-of-year list, and send it again.",
            ),
            # ... the same, nothing telling last year's codes (no month of last year stored):
            # its heads the list's own hamlet's on the start list (consolidate._renumbered;
            # session 53's review)
            (
                "renumbered-heads",
                "Các hộ trong danh sách là các hộ xóm {hamlet} trong danh sách đầu năm (theo tên chủ hộ và năm sinh), nhưng các mã hộ ghi trong danh sách là mã của các hộ xóm {detail} trong danh sách đầu năm (có lẽ còn ghi mã hộ cũ, trước khi mã hộ được đánh lại; tệp '{instead}' của xóm {detail} cũng ghi mã hộ không khớp danh sách đầu năm), nên tệp chưa được tính. Không sửa ô 'Xóm': hãy ghi lại cột 'Mã hộ' theo mã hộ của từng hộ trong danh sách đầu năm rồi gửi lại.",
                "The list's households are {hamlet}'s on the start-of-year list (by head's name and birth year), but the codes it writes are {detail}'s households' on that list (old codes, perhaps, from before the codes were renumbered; file '{instead}' of {detail} writes codes that do not match the start-of-year list either), so it is not counted. Do not change the 'Xóm' cell: write the 'Mã hộ' column again with each household's code on the start-of-year list, and send it again.",
            ),
            # ... the codes' hamlet {hamlet} sent its own list too, counted, lacking {detail}
            # (how many, their codes, the lists they are on) not written 'Thoát', fewer than
            # half of the list's codes on it (not a copy of it): held apart from {hamlet}, as a
            # list naming no hamlet is (holding.unnamed_holding; session 51). {instead}: the
            # named hamlet's own file. The fix is {hamlet}'s one list, never a second one
            (
                "codes-held",
                "Danh sách ghi xóm '{value}' nhưng các mã hộ trong danh sách là của xóm {hamlet}, không phải của xóm '{value}' (xóm '{value}' đã gửi danh sách của xóm: tệp '{instead}'), nên tệp chưa được tính. Danh sách có {detail} mà danh sách xóm {hamlet} gửi kỳ này không có. Chừng nào chưa được ghi vào danh sách của xóm {hamlet}, các hộ này chưa được tính (không phải đã thoát) và xóm {hamlet} chưa được tính vào số liệu toàn xã. Trưởng xóm {hamlet} cần ghi các hộ này vào danh sách của xóm (một danh sách cho cả xóm) rồi gửi lại; không sửa tên xóm của tệp này thành '{hamlet}': mỗi xóm chỉ gửi một danh sách mỗi kỳ.",
                "The list names hamlet '{value}' but its household codes are {hamlet}'s, not '{value}'s ('{value}' sent its own list: file '{instead}'), so it is not counted. It lists {detail} that the list {hamlet} sent this period lacks. Until they are written on {hamlet}'s list, they are not counted (not exited either) and {hamlet} is left out of the commune's figures. {hamlet}'s head needs to write them on the hamlet's list (one list for the whole hamlet) and send it again; do not change this file's hamlet to '{hamlet}': each hamlet sends one list a period.",
            ),
            # ... the codes' hamlet {hamlet} sent its own list too, counted ({detail}: its file),
            # this one mostly a copy of it (an old one sent again) or of households written
            # 'Thoát' alone: the old file taken out, or the households written on {hamlet}'s
            # list, never a second list of {hamlet} (session 51)
            (
                "codes-sent",
                "Danh sách ghi xóm '{value}' nhưng các mã hộ trong danh sách là của xóm {hamlet}, không phải của xóm '{value}' (xóm '{value}' đã gửi danh sách của xóm: tệp '{instead}'), nên tệp chưa được tính. Xóm {hamlet} cũng đã gửi danh sách của xóm (tệp '{detail}'), đã được tính: nếu tệp này là bản cũ hoặc bản chép của danh sách đó, hãy bỏ tệp này ra khỏi thư mục đầu vào. Nếu tệp này có hộ của xóm {hamlet} mà tệp '{detail}' không có, trưởng xóm {hamlet} cần ghi các hộ đó vào danh sách của xóm (một danh sách cho cả xóm) rồi gửi lại; không sửa tên xóm của tệp này thành '{hamlet}': mỗi xóm chỉ gửi một danh sách mỗi kỳ.",
                "The list names hamlet '{value}' but its household codes are {hamlet}'s, not '{value}'s ('{value}' sent its own list: file '{instead}'), so it is not counted. {hamlet} sent its own list too (file '{detail}'), counted: if this file is an old copy or a copy of that list, take it out of the input folder. If it holds households of {hamlet} that '{detail}' lacks, {hamlet}'s head needs to write them on the hamlet's list (one list for the whole hamlet) and send it again; do not change this file's hamlet to '{hamlet}': each hamlet sends one list a period.",
            ),
            # ... every household of it on {hamlet}'s list counted ({detail}: its file; an old
            # copy, or the 'codes-refused' advice followed, that list corrected with them, this
            # file left in the folder): nothing to write anywhere, the file to take out
            # (holding._neighbour_held; session 52)
            (
                "codes-sent-listed",
                "Danh sách ghi xóm '{value}' nhưng các mã hộ trong danh sách là của xóm {hamlet}, không phải của xóm '{value}' (xóm '{value}' đã gửi danh sách của xóm: tệp '{instead}'), nên tệp không được tính. Mọi hộ trong danh sách đều đã có trong danh sách xóm {hamlet} gửi kỳ này (tệp '{detail}'), đã được tính: không cần sửa, cũng không gửi lại tệp này; hãy bỏ tệp này ra khỏi thư mục đầu vào. Nếu tệp này ghi khác danh sách đó (phân loại hộ, số nhân khẩu…), trưởng xóm {hamlet} sửa trên danh sách '{detail}' rồi gửi lại. Không sửa tên xóm của tệp này thành '{hamlet}': mỗi xóm chỉ gửi một danh sách mỗi kỳ.",
                "The list names hamlet '{value}' but its household codes are {hamlet}'s, not '{value}'s ('{value}' sent its own list: file '{instead}'), so it is not counted. Every household on it is on the list {hamlet} sent this period (file '{detail}'), counted: nothing to correct, do not send this file again; take it out of the input folder. If this file says something that list does not (a household's class, its members…), {hamlet}'s head corrects it on '{detail}' and sends that list again. Do not change this file's hamlet to '{hamlet}': each hamlet sends one list a period.",
            ),
            # ... the codes' hamlet {hamlet} sent its own list too ({detail}: its file), refused
            # for an error of its own: corrected, it is {hamlet}'s one list, to hold this one's
            # households; never a second list of {hamlet} (session 51's review)
            (
                "codes-refused",
                "Danh sách ghi xóm '{value}' nhưng các mã hộ trong danh sách là của xóm {hamlet}, không phải của xóm '{value}' (xóm '{value}' đã gửi danh sách của xóm: tệp '{instead}'), nên tệp chưa được tính. Xóm {hamlet} cũng đã gửi danh sách của xóm (tệp '{detail}') nhưng danh sách đó bị từ chối vì có lỗi: khi sửa danh sách đó, trưởng xóm {hamlet} cần ghi vào đó các hộ của tệp này mà danh sách đó chưa có (một danh sách cho cả xóm) rồi gửi lại; nếu tệp này là bản cũ hoặc bản chép của danh sách đó, hãy bỏ tệp này ra khỏi thư mục đầu vào. Không sửa tên xóm của tệp này thành '{hamlet}': mỗi xóm chỉ gửi một danh sách mỗi kỳ.",
                "The list names hamlet '{value}' but its household codes are {hamlet}'s, not '{value}'s ('{value}' sent its own list: file '{instead}'), so it is not counted. {hamlet} sent its own list too (file '{detail}'), but that list is refused for its errors: when correcting it, {hamlet}'s head needs to write on it the households of this file it lacks (one list for the whole hamlet) and send it again; if this file is an old copy or a copy of that list, take it out of the input folder. Do not change this file's hamlet to '{hamlet}': each hamlet sends one list a period.",
            ),
            # ... its households ({detail}) noted moved in from {hamlet} ('Chuyển đến từ xóm
            # …'): the named neighbour's now, to go on its list ({instead}); {hamlet} counted
            # without them, not held (session 51's review)
            # ... every household on it on the list of the hamlet its 'Xóm' names ({instead}),
            # counted: written there as 'codes-moved' said, this file left in the folder;
            # nothing to do but take it out (holding.unnamed_holding; session 52's review)
            (
                "codes-listed",
                "Danh sách ghi xóm '{value}' nhưng các mã hộ trong danh sách là của xóm {hamlet}, không phải của xóm '{value}', nên tệp không được tính. Mọi hộ trong danh sách đều đã có trong danh sách xóm '{value}' gửi kỳ này (tệp '{instead}'), đã được tính: không cần sửa, cũng không gửi lại tệp này; hãy bỏ tệp này ra khỏi thư mục đầu vào. Nếu tệp này ghi khác danh sách đó (phân loại hộ, số nhân khẩu…), trưởng xóm '{value}' sửa trên danh sách '{instead}' rồi gửi lại. Không sửa tên xóm của tệp này: mỗi xóm chỉ gửi một danh sách mỗi kỳ.",
                "The list names hamlet '{value}' but its household codes are {hamlet}'s, not '{value}'s, so it is not counted. Every household on it is on the list '{value}' sent this period (file '{instead}'), counted: nothing to correct, do not send this file again; take it out of the input folder. If this file says something that list does not (a household's class, its members…), '{value}'s head corrects it on '{instead}' and sends that list again. Do not change this file's hamlet: each hamlet sends one list a period.",
            ),
            (
                "codes-moved",
                "Danh sách ghi xóm '{value}' nhưng các mã hộ trong danh sách là của xóm {hamlet}, không phải của xóm '{value}' (xóm '{value}' đã gửi danh sách của xóm: tệp '{instead}'), nên tệp chưa được tính. Danh sách có {detail} được ghi chú là chuyển đến từ xóm {hamlet}: nếu các hộ này nay ở xóm '{value}', trưởng xóm '{value}' cần ghi các hộ này vào danh sách của xóm (tệp '{instead}'; một danh sách cho cả xóm) rồi gửi lại. Chừng nào chưa được ghi vào danh sách của một xóm, các hộ này được tính là đã thoát khỏi xóm {hamlet}. Không sửa tên xóm của tệp này: mỗi xóm chỉ gửi một danh sách mỗi kỳ.",
                "The list names hamlet '{value}' but its household codes are {hamlet}'s, not '{value}'s ('{value}' sent its own list: file '{instead}'), so it is not counted. It lists {detail} noted as moved in from {hamlet}: if they now live in '{value}', '{value}'s head needs to write them on the hamlet's list (file '{instead}'; one list for the whole hamlet) and send it again. Until they are written on a hamlet's list, they count as having exited {hamlet}. Do not change this file's hamlet: each hamlet sends one list a period.",
            ),
            # the very bytes of the list of the cell's hamlet ({instead}) in file {detail}: a
            # copy saved under the neighbour's name, no list of {hamlet} (consolidate.
            # copied_for_another; session 43)
            (
                "same-file",
                "Tệp mang tên xóm {hamlet} nhưng giống hệt danh sách của xóm {instead} (tệp '{detail}'), nên không được tính cho xóm nào. Xã chưa nhận được danh sách của xóm {hamlet}: hãy nhờ trưởng xóm {hamlet} gửi danh sách của xóm {hamlet}.",
                "The file is named for hamlet {hamlet} but holds the very same bytes as hamlet {instead}'s list (file '{detail}'), so it is counted for no hamlet. The commune has not received hamlet {hamlet}'s list: ask the head of {hamlet} to send hamlet {hamlet}'s list.",
            ),
            # ... said to the head of {hamlet}, in their feedback
            (
                "same-file-head",
                "Tệp này mang tên xóm {hamlet} nhưng giống hệt danh sách của xóm {instead} (tệp '{detail}'), nên không được tính: xã chưa nhận được danh sách của xóm {hamlet}. Không sửa tệp này; hãy gửi danh sách của xóm {hamlet}.",
                "This file is named for hamlet {hamlet} but holds the very same bytes as hamlet {instead}'s list (file '{detail}'), so it is not counted: the commune has not received hamlet {hamlet}'s list. Do not correct this file; send hamlet {hamlet}'s list.",
            ),
        ),
    ),
    IssueType(
        "invalid-period",
        "error",
        "file",
        "Kỳ báo cáo '{value}' không đọc được thành một tháng từ năm 2000 đến 2100. Hãy ghi tháng theo dạng 05/2024 hoặc Tháng 5 năm 2024.",
        "Reporting period '{value}' cannot be read as a month of the years 2000 to 2100. Write the month as 05/2024 or Tháng 5 năm 2024.",
        variants=(
            # a month typed after '=' in Excel ('=05/2024', {value}), which saved what it worked
            # out ({detail}: 5 ÷ 2024, as the cell shows it); {instead}: the month without the
            # '=' (session 41)
            (
                "typed",
                "Ô {cell} ('{column}') trong trang '{sheet}' ghi '{value}': dấu '=' ở đầu ô làm chương trình coi đây là phép tính và ô hiện {detail}, không phải tháng, nên không đọc được kỳ báo cáo. Hãy xóa dấu '=' ở đầu ô để ô ghi '{instead}', rồi gửi lại.",
                "Cell {cell} ('{column}') of sheet '{sheet}' holds '{value}': the '=' at the start makes the program take it for a sum, and the cell shows {detail}, not a month, so the reporting period cannot be read. Delete the '=' at the start of the cell, so that it reads '{instead}', and send it again.",
            ),
            # no 'Kỳ báo cáo' cell at all (no 'Thông tin'), and no month in the title or file name
            (
                "none",
                "Không tìm thấy kỳ báo cáo của danh sách: tệp không có ô '{column}' (trang 'Thông tin' của mẫu), tiêu đề và tên tệp cũng không ghi đủ tháng và năm, nên xã không biết danh sách là của tháng nào. Hãy thêm trang 'Thông tin' như mẫu và ghi '{column}', ví dụ 05/2024 (hoặc ghi tháng vào tiêu đề danh sách, ví dụ 'THÁNG 5/2024').",
                "The list's reporting period was not found: the file has no '{column}' cell (the template's 'Thông tin' sheet), and neither the title nor the file name gives the month and year, so the commune cannot tell which month the list is for. Add the 'Thông tin' sheet as in the template and write '{column}', such as 05/2024 (or write the month in the list's title, such as 'THÁNG 5/2024').",
            ),
            # a 'Thông tin' sheet without a 'Kỳ báo cáo' row, and no month in the title or file
            # name: the row to add to that sheet, not the sheet
            (
                "none-in-info",
                "Không tìm thấy kỳ báo cáo của danh sách: trang '{sheet}' không có dòng '{column}', tiêu đề và tên tệp cũng không ghi đủ tháng và năm, nên xã không biết danh sách là của tháng nào. Hãy thêm dòng '{column}' vào trang '{sheet}' như mẫu (nhãn ở cột A, giá trị ở cột B), ví dụ 05/2024.",
                "The list's reporting period was not found: sheet '{sheet}' has no '{column}' row, and neither the title nor the file name gives the month and year, so the commune cannot tell which month the list is for. Add a '{column}' row to sheet '{sheet}' as in the template (label in column A, value in column B), such as 05/2024.",
            ),
            # the 'Kỳ báo cáo' cell there but left blank, and no month in the title or file name
            # (session 45: was said as a period '' that cannot be read)
            (
                "blank",
                "Ô {cell} ('{column}') trong trang '{sheet}' để trống, tiêu đề và tên tệp cũng không ghi đủ tháng và năm, nên xã không biết danh sách là của tháng nào. Hãy ghi kỳ báo cáo vào ô {cell}, ví dụ 05/2024.",
                "Cell {cell} ('{column}') of sheet '{sheet}' is blank, and neither the title nor the file name gives the month and year, so the commune cannot tell which month the list is for. Write the reporting period in cell {cell}, such as 05/2024.",
            ),
            # a month written without its year ('tháng 5'), the file name naming no period of
            # that month and no plan given to take the year from (`giamngheo check` of a file)
            (
                "no-year",
                "Kỳ báo cáo '{value}' chỉ ghi tháng, không ghi năm; tên tệp không ghi kỳ của tháng đó và không có kế hoạch của xã để lấy năm, nên xã không biết danh sách là của năm nào. Hãy ghi đủ tháng và năm, ví dụ 05/2024.",
                "Reporting period '{value}' gives a month but no year; the file name gives no period of that month and there is no commune plan to take the year from, so the commune cannot tell which year the list is for. Write the month with its year, such as 05/2024.",
            ),
        ),
    ),
    IssueType(
        "info-formula-without-value",
        "error",
        "file",
        "Ô {cell} ('{column}') trong trang 'Thông tin' có công thức nhưng không có giá trị đã tính (tệp được lưu bằng chương trình khác Excel), nên không đọc được. Hãy mở tệp bằng Excel, nhấn Lưu rồi gửi lại.",
        "Cell {cell} ('{column}') of the 'Thông tin' sheet holds a formula but no calculated value (the file was saved by a program other than Excel), so it cannot be read. Open the file in Excel, press Save and send it again.",
        variants=(
            # the formula is plainly a text typed after '=' ('=Nà Mòn', or a month '=05/2024';
            # {value} as written, {detail} without the '='), as formula-without-value's
            # (session 37): Excel would show '#NAME?' (or work 5 ÷ 2024 out), so the head is
            # told what to write at once
            (
                "typed",
                "Ô {cell} ('{column}') trong trang 'Thông tin' ghi '{value}': dấu '=' ở đầu ô làm chương trình coi chữ này là công thức, nên ô không có giá trị và không đọc được. Hãy xóa dấu '=' ở đầu ô để ô ghi '{detail}', rồi gửi lại.",
                "Cell {cell} ('{column}') of the 'Thông tin' sheet holds '{value}': the '=' at the start makes the program take the text for a formula, so the cell has no value and cannot be read. Delete the '=' at the start of the cell, so that it reads '{detail}', and send it again.",
            ),
        ),
    ),
    # A 'Thông tin' value the run does without, held by a formula without a calculated value:
    # 'Xóm' or 'Kỳ báo cáo' taken from the title or file name, or a value only printed or
    # compared ({detail}: what was made of it; session 37). Said; it was silent.
    IssueType(
        "info-formula-skipped",
        "warning",
        "file",
        "Ô {cell} ('{column}') trong trang 'Thông tin' có công thức nhưng không có giá trị đã tính (tệp được lưu bằng chương trình khác Excel), nên {detail}. Hãy mở tệp bằng Excel và nhấn Lưu trước khi gửi.",
        "Cell {cell} ('{column}') of the 'Thông tin' sheet holds a formula but no calculated value (the file was saved by a program other than Excel), so {detail}. Open the file in Excel and press Save before sending it.",
        variants=(
            # plainly a text typed after '=' ('=Nà Mòn'; {instead} without the '='), as
            # info-formula-without-value's
            (
                "typed",
                "Ô {cell} ('{column}') trong trang 'Thông tin' ghi '{value}': dấu '=' ở đầu ô làm chương trình coi chữ này là công thức, nên ô không có giá trị; {detail}. Hãy xóa dấu '=' ở đầu ô để ô ghi '{instead}'.",
                "Cell {cell} ('{column}') of the 'Thông tin' sheet holds '{value}': the '=' at the start makes the program take the text for a formula, so the cell has no value; {detail}. Delete the '=' at the start of the cell, so that it reads '{instead}'.",
            ),
        ),
    ),
    IssueType(
        "info-error-value",
        "error",
        "file",
        "Ô {cell} ('{column}') trong trang '{sheet}' hiện lỗi '{value}' (công thức hỏng hoặc tham chiếu ô đã xóa) nên không đọc được; danh sách chưa được tính. Hãy ghi vào ô này {detail}, rồi gửi lại.",
        "Cell {cell} ('{column}') of sheet '{sheet}' shows the error '{value}' (a broken formula, or a reference to a deleted cell), so it cannot be read; the list is not counted. Write in that cell {detail}, and send it again.",
    ),
    IssueType(
        "info-error-value-skipped",
        "warning",
        "file",
        "Ô {cell} ('{column}') trong trang '{sheet}' hiện lỗi '{value}' (công thức hỏng hoặc tham chiếu ô đã xóa); {detail}",
        "Cell {cell} ('{column}') of sheet '{sheet}' shows the error '{value}' (a broken formula, or a reference to a deleted cell); {detail}",
    ),
    IssueType(
        "future-period",
        "error",
        "file",
        "Kỳ báo cáo {value} ở sau tháng hiện tại ({detail}): có lẽ ghi nhầm tháng hoặc năm. Hãy ghi đúng kỳ báo cáo của danh sách (ví dụ 05/2024).",
        "Reporting period {value} is after the current month ({detail}): probably a wrong month or year. Write the list's reporting period (e.g. 05/2024).",
    ),
    IssueType(
        "invalid-total-households",
        "error",
        "file",
        "'Tổng số hộ dân cư' là '{value}', không phải số nguyên dương. Hãy ghi tổng số hộ dân cư của xóm (ví dụ 215).",
        "'Tổng số hộ dân cư' is '{value}', not a positive whole number. Write the hamlet's total number of households (e.g. 215).",
        (
            # a count of people ('250 nhân khẩu', '250 người'), no count of households, and a
            # number among other words ('khoảng 60 hộ'): what to write said (session 50)
            (
                "people",
                "'Tổng số hộ dân cư' là '{value}': đây là số người, không phải số hộ. Hãy ghi tổng số hộ dân cư của xóm, chỉ con số (ví dụ 215), không ghi số nhân khẩu.",
                "'Tổng số hộ dân cư' is '{value}': a number of people, not of households. Write the hamlet's total number of households, the number alone (e.g. 215), not its people.",
            ),
            (
                "words",
                "'Tổng số hộ dân cư' là '{value}', không đọc được thành số hộ. Hãy ghi chỉ con số tổng số hộ dân cư của xóm, không kèm chữ (ví dụ {detail}).",
                "'Tổng số hộ dân cư' is '{value}', which cannot be read as a number of households. Write the hamlet's total number of households as the number alone, without words (e.g. {detail}).",
            ),
        ),
    ),
    IssueType(
        "total-less-than-listed",
        "error",
        "file",
        "'Tổng số hộ dân cư' ({value}) nhỏ hơn số hộ nghèo và cận nghèo trong danh sách ({detail}). Hãy kiểm tra lại tổng số hộ dân cư của xóm.",
        "'Tổng số hộ dân cư' ({value}) is smaller than the poor and near-poor households listed ({detail}). Check the hamlet's total.",
    ),
    IssueType(
        "own-output",
        "warning",
        "file",
        "Đây là {detail}, không phải danh sách của xóm; đã bỏ qua. Không cần để tệp kết quả trong thư mục đầu vào.",
        "This is {detail}, not a hamlet's list; it was skipped. Output files need not be in the input folder.",
    ),
    IssueType(
        "info-label-missing",
        "warning",
        "file",
        "Trang 'Thông tin' không có dòng '{column}' (nhãn ở cột A, giá trị ở cột B như mẫu); đã lấy {detail}. Hãy thêm lại dòng này như mẫu.",
        "The 'Thông tin' sheet has no '{column}' row (the label in column A, the value in column B, as in the template); took {detail}. Add that row back as in the template.",
    ),
    IssueType(
        "info-cell-blank",
        "warning",
        "file",
        "Ô '{column}' của trang 'Thông tin' đang trống; đã lấy {detail}. Hãy ghi vào ô này cho chắc chắn.",
        "The '{column}' cell of the 'Thông tin' sheet is empty; took {detail}. Write it in that cell to be sure.",
    ),
    IssueType(
        "rows-below-signature",
        "warning",
        "file",
        "Có {detail}, từ dòng này trở xuống; các hộ này vẫn được tính nhưng không nằm trong danh sách đã ký. Hãy chuyển các dòng đó lên trên phần ký tên rồi gửi lại.",
        "{detail}, from this row down; they are counted, but are not in the signed list. Move them above the signature block and send the list again.",
    ),
    IssueType(
        "rows-hidden",
        "warning",
        "file",
        "Trong danh sách có {value} đang bị ẩn (Hide) nhưng vẫn là dòng hộ, nên xã vẫn đọc và tính các hộ đó như mọi hộ khác. Nếu các hộ đó đã ra khỏi danh sách, hãy {detail} thay vì ẩn dòng; nếu chưa, hãy bỏ ẩn các dòng đó (chọn các dòng ở trên và ở dưới, chuột phải > Bỏ ẩn) để danh sách thấy trên màn hình đúng là danh sách xã tính.",
        "Hidden in the list (Hide): {value}. They are household rows, so the commune reads and counts those households like any other. If they have left the list, {detail} instead of hiding the rows; if not, unhide the rows (select the rows above and below, right-click > Unhide) so that the list seen on screen is the list counted.",
        # the rows are hidden by the list's filter (AutoFilter), by hand or not
        (
            (
                "filter",
                "Trong danh sách có {value} đang bị ẩn vì danh sách đang được lọc (bộ lọc AutoFilter) nhưng vẫn là dòng hộ, nên xã vẫn đọc và tính các hộ đó như mọi hộ khác. Nếu các hộ đó đã ra khỏi danh sách, hãy {detail} thay vì lọc ẩn đi; nếu chưa, hãy bỏ lọc (thẻ Dữ liệu > Xóa, hoặc bấm nút lọc ở ô tiêu đề cột và chọn '(Chọn Tất cả)'), rồi bỏ ẩn nếu còn dòng ẩn, để danh sách thấy trên màn hình đúng là danh sách xã tính.",
                "Hidden in the list by its filter (AutoFilter): {value}. They are household rows, so the commune reads and counts those households like any other. If they have left the list, {detail} instead of filtering them out; if not, clear the filter (Data > Clear, or the filter button on the column's header > '(Select All)'), then unhide any row still hidden, so that the list seen on screen is the list counted.",
            ),
            # hidden rows left out for an error of their own (a Mã hộ used twice, a value
            # refused): not counted, so said apart, to be unhidden and fixed as their error says
            (
                "left-out",
                "Trong danh sách có {value} đang bị ẩn (Hide) nhưng vẫn là dòng hộ, nên xã vẫn đọc các dòng đó như mọi dòng khác; các dòng đó có lỗi nên hộ ở đó chưa được tính (lỗi ghi ở từng dòng). Hãy bỏ ẩn các dòng đó (chọn các dòng ở trên và ở dưới, chuột phải > Bỏ ẩn) rồi sửa theo lỗi đó.",
                "Hidden in the list (Hide): {value}. They are household rows, so the commune reads them like any other; they have errors, so their households are not counted (the error is told on each row). Unhide the rows (select the rows above and below, right-click > Unhide) and fix what the error says.",
            ),
            (
                "filter-left-out",
                "Trong danh sách có {value} đang bị ẩn vì danh sách đang được lọc (bộ lọc AutoFilter) nhưng vẫn là dòng hộ, nên xã vẫn đọc các dòng đó như mọi dòng khác; các dòng đó có lỗi nên hộ ở đó chưa được tính (lỗi ghi ở từng dòng). Hãy bỏ lọc (thẻ Dữ liệu > Xóa, hoặc bấm nút lọc ở ô tiêu đề cột và chọn '(Chọn Tất cả)'), rồi bỏ ẩn nếu còn dòng ẩn, rồi sửa theo lỗi đó.",
                "Hidden in the list by its filter (AutoFilter): {value}. They are household rows, so the commune reads them like any other; they have errors, so their households are not counted (the error is told on each row). Clear the filter (Data > Clear, or the filter button on the column's header > '(Select All)'), unhide any row still hidden, and fix what the error says.",
            ),
        ),
    ),
    IssueType(
        "info-label-twice",
        "warning",
        "file",
        "Trang '{sheet}' ghi '{column}' hơn một lần, với giá trị khác nhau: ô {instead} ghi {detail}, ô {cell} ghi '{value}'. Đã đọc ô {instead} (dòng ghi trước) và bỏ qua ô {cell}. Hãy xóa dòng thừa để chỉ còn một dòng '{column}': nếu '{value}' mới đúng, hãy ghi '{value}' vào ô {instead} rồi xóa dòng của ô {cell}; nếu không, chỉ cần xóa dòng của ô {cell}.",
        "Sheet '{sheet}' writes '{column}' more than once, with different values: cell {instead} says {detail}, cell {cell} says '{value}'. Cell {instead} was read (the row written first) and cell {cell} passed over. Delete the extra row so that one '{column}' row is left: if '{value}' is right, write '{value}' in cell {instead} and delete the row of cell {cell}; if not, just delete the row of cell {cell}.",
        # the value passed over is in a hidden row; by a filter
        (
            (
                "hidden",
                "Trang '{sheet}' ghi '{column}' hơn một lần, với giá trị khác nhau: ô {cell} ghi '{value}' ở dòng đang bị ẩn, ô {instead} ghi {detail}. Đã đọc ô {instead} (dòng đang hiện, như trên màn hình) và bỏ qua dòng bị ẩn. Hãy bỏ ẩn dòng của ô {cell} (chọn các dòng quanh nó, bấm chuột phải > Bỏ ẩn) rồi xóa dòng đó để chỉ còn một dòng '{column}'; nếu '{value}' mới đúng, hãy ghi '{value}' vào ô {instead} trước.",
                "Sheet '{sheet}' writes '{column}' more than once, with different values: cell {cell} says '{value}' in a hidden row, cell {instead} says {detail}. Cell {instead} was read (the visible row, as the screen shows it) and the hidden row passed over. Unhide the row of cell {cell} (select the rows around it, right-click > Unhide) and delete it so that one '{column}' row is left; if '{value}' is right, write '{value}' in cell {instead} first.",
            ),
            (
                "filtered",
                "Trang '{sheet}' ghi '{column}' hơn một lần, với giá trị khác nhau: ô {cell} ghi '{value}' ở dòng đang bị ẩn do bộ lọc, ô {instead} ghi {detail}. Đã đọc ô {instead} (dòng đang hiện, như trên màn hình) và bỏ qua dòng bị ẩn. Hãy bỏ lọc (Dữ liệu > Xóa bộ lọc) rồi xóa dòng của ô {cell} để chỉ còn một dòng '{column}'; nếu '{value}' mới đúng, hãy ghi '{value}' vào ô {instead} trước.",
                "Sheet '{sheet}' writes '{column}' more than once, with different values: cell {cell} says '{value}' in a row hidden by the filter, cell {instead} says {detail}. Cell {instead} was read (the visible row, as the screen shows it) and the hidden row passed over. Clear the filter (Data > Clear) and delete the row of cell {cell} so that one '{column}' row is left; if '{value}' is right, write '{value}' in cell {instead} first.",
            ),
        ),
    ),
    IssueType(
        "period-short-year",
        "warning",
        "file",
        "Ô 'Kỳ báo cáo' ghi '{value}' (năm chỉ có 2 chữ số); đã hiểu là tháng {detail}. Hãy ghi đủ năm, ví dụ {detail}.",
        "The 'Kỳ báo cáo' cell says '{value}' (a two-digit year); taken as month {detail}. Write the whole year, e.g. {detail}.",
    ),
    IssueType(
        "period-month-day",
        "warning",
        "file",
        "Ô 'Kỳ báo cáo' là ô ngày mà Excel lưu là ngày {value} (ngày/tháng/năm), tức kỳ {instead}: máy dùng để nhập đặt ngày kiểu Mỹ (tháng trước, ngày sau), nên ngày và tháng bị đảo. Tiêu đề danh sách ghi kỳ {detail}, nên đã hiểu là kỳ {detail}. Hãy ghi kỳ báo cáo dạng chữ, ví dụ {detail}.",
        "The 'Kỳ báo cáo' cell is a date cell Excel holds as {value} (day/month/year), period {instead}: the computer it was typed on writes dates the US way (month first), so day and month are swapped. The list's title says period {detail}, so it was read as {detail}. Write the period as text, such as {detail}.",
    ),
    IssueType(
        "period-no-year",
        "warning",
        "file",
        "Ô 'Kỳ báo cáo' ghi '{value}': có tháng nhưng không ghi năm. Đã lấy năm theo {instead}, nên danh sách được hiểu là của kỳ {detail}. Hãy ghi đủ tháng và năm, ví dụ {detail}; nếu danh sách không phải của kỳ {detail}, hãy ghi đúng tháng và năm rồi gửi lại.",
        "The 'Kỳ báo cáo' cell says '{value}': a month without its year. The year was taken from {instead}, so the list is read as period {detail}. Write the month with its year, such as {detail}; if the list is not of {detail}, write its right month and year and send it again.",
    ),
    IssueType(
        "period-differs-from-file-name",
        "warning",
        "file",
        "Tên tệp ghi kỳ {detail} nhưng ô 'Kỳ báo cáo' ghi {value}, nên tệp được coi là của kỳ {value} và không được tính vào kỳ {detail}. Nếu đây là danh sách kỳ {detail}, hãy sửa ô 'Kỳ báo cáo' rồi gửi lại.",
        "The file name says period {detail} but the 'Kỳ báo cáo' cell says {value}, so the file is taken as {value} and not counted in {detail}. If it is the {detail} list, correct the 'Kỳ báo cáo' cell and send it again.",
        # a list without 'Thông tin', its period read from its title (left from last month's file)
        (
            (
                "title",
                "Tên tệp ghi kỳ {detail} nhưng tiêu đề danh sách ghi tháng {value} (tệp không có trang 'Thông tin' với ô 'Kỳ báo cáo'), nên tệp được coi là của kỳ {value} và không được tính vào kỳ {detail}. Nếu đây là danh sách kỳ {detail}, hãy sửa tiêu đề thành tháng {detail} (tốt nhất là dùng mẫu có trang 'Thông tin') rồi gửi lại.",
                "The file name says period {detail} but the list's title says {value} (the file has no 'Thông tin' sheet with a 'Kỳ báo cáo' cell), so the file is taken as {value} and not counted in {detail}. If it is the {detail} list, correct the title to {detail} (better: use the template with its 'Thông tin' sheet) and send it again.",
            ),
            SAME_FILE_VARIANT,
            SAME_FILE_HEAD,
        ),
    ),
    IssueType(
        "period-differs-from-title",
        "warning",
        "file",
        "Tiêu đề của danh sách ghi tháng {detail} nhưng ô 'Kỳ báo cáo' ghi {value}, nên tệp được coi là của kỳ {value} và không được tính vào kỳ {detail}. Nếu đây là danh sách kỳ {detail}, hãy sửa ô 'Kỳ báo cáo' rồi gửi lại.",
        "The list's title says {detail} but the 'Kỳ báo cáo' cell says {value}, so the file is taken as {value} and not counted in {detail}. If it is the {detail} list, correct the 'Kỳ báo cáo' cell and send it again.",
        variants=(SAME_FILE_VARIANT, SAME_FILE_HEAD),
    ),
    IssueType(
        "period-differs-from-folder",
        "warning",
        "file",
        "Tệp nằm trong thư mục kỳ {detail} của xã nhưng ô 'Kỳ báo cáo' ghi {value}, nên tệp được coi là của kỳ {value} và không được tính vào kỳ {detail}. Nếu đây là danh sách kỳ {detail}, hãy sửa ô 'Kỳ báo cáo' rồi gửi lại.",
        "The file is in the commune's folder of period {detail} but the 'Kỳ báo cáo' cell says {value}, so the file is taken as {value} and not counted in {detail}. If it is the {detail} list, correct the 'Kỳ báo cáo' cell and send it again.",
        (
            (
                "title",
                "Tệp nằm trong thư mục kỳ {detail} của xã nhưng tiêu đề danh sách ghi tháng {value} (tệp không có trang 'Thông tin' với ô 'Kỳ báo cáo'), nên tệp được coi là của kỳ {value} và không được tính vào kỳ {detail}. Nếu đây là danh sách kỳ {detail}, hãy sửa tiêu đề thành tháng {detail} (tốt nhất là dùng mẫu có trang 'Thông tin') rồi gửi lại.",
                "The file is in the commune's folder of period {detail} but the list's title says {value} (the file has no 'Thông tin' sheet with a 'Kỳ báo cáo' cell), so the file is taken as {value} and not counted in {detail}. If it is the {detail} list, correct the title to {detail} (better: use the template with its 'Thông tin' sheet) and send it again.",
            ),
            SAME_FILE_VARIANT,
            SAME_FILE_HEAD,
        ),
    ),
    IssueType(
        "period-differs-from-prepared-date",
        "warning",
        "file",
        "Ô 'Kỳ báo cáo' ghi {value} nhưng ô 'Ngày lập' ghi ngày sau thời gian lập danh sách kỳ {value} (chậm nhất là hết tháng sau kỳ đó): đây có thể là danh sách kỳ {detail} còn để kỳ cũ. Tệp được coi là của kỳ {value} và không được tính vào kỳ {detail}. Nếu đây là danh sách kỳ {detail}, hãy sửa ô 'Kỳ báo cáo' rồi gửi lại.",
        "The 'Kỳ báo cáo' cell says {value} but 'Ngày lập' is after a {value} list is made (by the end of the following month): this may be the {detail} list with the old period left in. The file is taken as {value} and not counted in {detail}. If it is the {detail} list, correct the 'Kỳ báo cáo' cell and send it again.",
        variants=(SAME_FILE_VARIANT, SAME_FILE_HEAD),
    ),
    IssueType(
        "invalid-prepared-date",
        "warning",
        "file",
        "Không đọc được ngày ở ô 'Ngày lập' ('{value}'). Hãy ghi ngày theo dạng 03/06/2024; khi xóm gửi nhiều bản của cùng một kỳ, bản có ngày lập sau được dùng.",
        "The 'Ngày lập' (date filled) cell cannot be read as a date ('{value}'). Write it as 03/06/2024; when a hamlet sends several copies for one period, the one filled later is used.",
        variants=(
            # a date typed after '=' in Excel ('=5-6-24', {value}), which saved what it worked
            # out ({detail}: -25, as the cell shows it) and shows it; {instead}: the date without the '=' (session 41)
            (
                "typed",
                "Ô {cell} ('{column}') trong trang '{sheet}' ghi '{value}': dấu '=' ở đầu ô làm chương trình coi đây là phép tính và ô hiện {detail}, không phải ngày; coi như danh sách không có ngày lập. Hãy xóa dấu '=' ở đầu ô để ô ghi '{instead}'; khi xóm gửi nhiều bản của cùng một kỳ, bản có ngày lập sau được dùng.",
                "Cell {cell} ('{column}') of sheet '{sheet}' holds '{value}': the '=' at the start makes the program take it for a sum, and the cell shows {detail}, not a date; the list is taken as having no date. Delete the '=' at the start of the cell, so that it reads '{instead}'; when a hamlet sends several copies for one period, the one filled later is used.",
            ),
        ),
    ),
    IssueType(
        "total-far-from-plan",
        "warning",
        "file",
        "'Tổng số hộ dân cư' ({value}) khác xa số hộ đầu năm trong kế hoạch ({detail} hộ); tỷ lệ của xóm được tính theo số đã ghi. Hãy kiểm tra lại: ô này ghi tổng số hộ dân cư của cả xóm, không phải số hộ nghèo và cận nghèo.",
        "'Tổng số hộ dân cư' ({value}) is far from the plan's start-of-year count ({detail} households); the hamlet's rates use the number written. Check it: the cell holds all resident households of the hamlet, not the poor and near-poor ones.",
        variants=(
            # the list is not counted (refused for another error): no rate uses the number
            (
                "not-counted",
                "'Tổng số hộ dân cư' ({value}) khác xa số hộ đầu năm trong kế hoạch ({detail} hộ). Hãy kiểm tra lại: ô này ghi tổng số hộ dân cư của cả xóm, không phải số hộ nghèo và cận nghèo.",
                "'Tổng số hộ dân cư' ({value}) is far from the plan's start-of-year count ({detail} households). Check it: the cell holds all resident households of the hamlet, not the poor and near-poor ones.",
            ),
        ),
    ),
    IssueType(
        "sheet-not-read",
        "warning",
        "file",
        "Trang '{sheet}' có bảng hộ nhưng thiếu cột {value} nên không được đọc. Hộ đã thoát hãy ghi trong danh sách chính, đủ các cột như các hộ khác, với Phân loại hộ 'Thoát'; hộ nghèo, cận nghèo ghi ở trang này hãy ghi đủ các cột như mẫu.",
        "Sheet '{sheet}' holds a table of households but lacks column(s) {value}, so it is not read. Write a household that left in the main list, with every column as for the others and Phân loại hộ 'Thoát'; poor and near-poor households written on this sheet need every column of the template.",
        # the main list marks its classes in columns (classmarks.class_mark_columns): its exited
        # column ({instead}), or, where it has none, the column to add one beside
        (
            (
                "marks",
                "Trang '{sheet}' có bảng hộ nhưng thiếu cột {value} nên không được đọc. Hộ đã thoát hãy ghi trong danh sách chính, đủ các cột như các hộ khác, và đánh dấu 'x' ở cột '{instead}'; hộ nghèo, cận nghèo ghi ở trang này hãy ghi đủ các cột như mẫu.",
                "Sheet '{sheet}' holds a table of households but lacks column(s) {value}, so it is not read. Write a household that left in the main list, with every column as for the others, and mark 'x' in the '{instead}' column; poor and near-poor households written on this sheet need every column of the template.",
            ),
            (
                "marks-no-exit",
                "Trang '{sheet}' có bảng hộ nhưng thiếu cột {value} nên không được đọc. Hộ đã thoát hãy ghi trong danh sách chính, đủ các cột như các hộ khác: thêm cột 'Thoát' bên cạnh cột '{instead}' và đánh dấu 'x' ở cột đó; hộ nghèo, cận nghèo ghi ở trang này hãy ghi đủ các cột như mẫu.",
                "Sheet '{sheet}' holds a table of households but lacks column(s) {value}, so it is not read. Write a household that left in the main list, with every column as for the others: add a 'Thoát' column beside the '{instead}' column and mark 'x' in it; poor and near-poor households written on this sheet need every column of the template.",
            ),
            # the main list marks the class at the start of the period too ({instead}: the
            # marks to write, rosterchecks.start_only_advice)
            (
                "marks-start-only",
                "Trang '{sheet}' có bảng hộ nhưng thiếu cột {value} nên không được đọc. Hộ đã thoát hãy ghi trong danh sách chính, đủ các cột như các hộ khác, {instead}; hộ nghèo, cận nghèo ghi ở trang này hãy ghi đủ các cột như mẫu.",
                "Sheet '{sheet}' holds a table of households but lacks column(s) {value}, so it is not read. Write a household that left in the main list, with every column as for the others, and {instead}; poor and near-poor households written on this sheet need every column of the template.",
            ),
        ),
    ),
    IssueType(
        "sheet-of-other-month",
        "warning",
        "file",
        "Trang '{sheet}' là danh sách {value}, khác kỳ báo cáo {detail} của tệp, nên không được đọc; danh sách kỳ này được đọc ở trang '{column}'. Nếu trang '{sheet}' mới đúng là danh sách kỳ này, hãy sửa tên hoặc tiêu đề của nó; danh sách các tháng trước không cần để trong tệp gửi.",
        "Sheet '{sheet}' is the list of {value}, not of the file's reporting period {detail}, so it is not read; this period's list is read from sheet '{column}'. If '{sheet}' is in fact this period's list, correct its name or title; earlier months' lists need not be in the file sent.",
    ),
    IssueType(
        "sheet-copy-not-read",
        "warning",
        "file",
        "Trang '{sheet}' có phần lớn mã hộ trùng với trang '{column}' (bản sao, hoặc danh sách tháng trước?) nên không được đọc; danh sách được đọc ở trang '{column}'. Nếu trang '{sheet}' mới đúng là danh sách kỳ này, hãy xóa trang cũ hoặc đặt tên trang '{sheet}' là 'Danh sách'.",
        "Sheet '{sheet}' repeats most household codes of sheet '{column}' (a copy, or last month's list?), so it is not read; the list is read from sheet '{column}'. If '{sheet}' is in fact this period's list, delete the old sheet or name '{sheet}' 'Danh sách'.",
    ),
    IssueType(
        "sheet-of-other-hamlet",
        "warning",
        "file",
        "Trang '{sheet}' là danh sách của xóm {instead} ({detail} dòng hộ), không phải của xóm {hamlet}, nên không được tính: không tính vào xóm {hamlet}, cũng không tính cho xóm {instead}. Mỗi xóm gửi danh sách của mình trong một tệp riêng: hãy chép trang '{sheet}' sang một tệp mới theo mẫu (trang 'Thông tin' ghi Xóm {instead}) rồi gửi tệp đó; nếu các hộ ở trang này đúng là của xóm {hamlet}, hãy sửa tên trang và tiêu đề của trang.",
        "Sheet '{sheet}' is the list of hamlet {instead} ({detail} household rows), not of hamlet {hamlet}, so it is not counted: neither in hamlet {hamlet} nor for hamlet {instead}. Each hamlet sends its list in a file of its own: copy sheet '{sheet}' into a new file made from the template (its 'Thông tin' sheet saying Xóm {instead}) and send that file; if the households on this sheet are in fact hamlet {hamlet}'s, correct the sheet's name and title.",
    ),
    IssueType(
        "rows-of-other-hamlet",
        "warning",
        "file",
        "Các dòng {detail} nằm dưới tiêu đề '{value}', là danh sách của xóm {instead}, không phải của xóm {hamlet}, nên không được tính: không tính vào xóm {hamlet}, cũng không tính cho xóm {instead}. Mỗi xóm gửi danh sách của mình trong một tệp riêng: hãy chuyển các dòng đó sang một tệp mới theo mẫu của xóm {instead} rồi gửi tệp đó; nếu các hộ đó đúng là của xóm {hamlet}, hãy sửa tiêu đề đó.",
        "Rows {detail} are under the title '{value}', the list of hamlet {instead}, not of hamlet {hamlet}, so they are not counted: neither in hamlet {hamlet} nor for hamlet {instead}. Each hamlet sends its list in a file of its own: move those rows into a new file made from the template for hamlet {instead} and send that file; if the households are in fact hamlet {hamlet}'s, correct that title.",
        (
            # a 'Xóm' column naming another hamlet on those rows
            (
                "column",
                "Các dòng {detail} ghi '{value}' ở cột '{column}', không phải xóm {hamlet}, nên không được tính: không tính vào xóm {hamlet}, cũng không tính cho xóm {instead}. Mỗi xóm gửi danh sách của mình trong một tệp riêng: hãy chuyển các dòng đó sang danh sách của xóm {instead}; nếu các hộ đó đúng là của xóm {hamlet}, hãy sửa ô ở cột '{column}' của các dòng đó.",
                "Rows {detail} say '{value}' in column '{column}', not hamlet {hamlet}, so they are not counted: neither in hamlet {hamlet} nor for hamlet {instead}. Each hamlet sends its list in a file of its own: move those rows into hamlet {instead}'s list; if the households are in fact hamlet {hamlet}'s, correct the '{column}' cells of those rows.",
            ),
            # the rows' households all on the list of the month of the hamlet named
            # ({elsewhere}: its file), counted there (consolidate.listed_where_named; session
            # 55, L): not to be moved, deleted here
            (
                "listed",
                "Các dòng {detail} nằm dưới tiêu đề '{value}', là danh sách của xóm {instead}, không phải của xóm {hamlet}, nên không được tính vào xóm {hamlet}; các hộ đó đã có trong danh sách kỳ này của xóm {instead} (tệp '{elsewhere}') và được tính ở đó. Hãy xóa các dòng đó khỏi danh sách của xóm {hamlet}; nếu các hộ đó đúng là của xóm {hamlet}, hãy sửa tiêu đề đó và báo xóm {instead} xóa các hộ đó khỏi danh sách của mình.",
                "Rows {detail} are under the title '{value}', the list of hamlet {instead}, not of hamlet {hamlet}, so they are not counted in hamlet {hamlet}: those households are on hamlet {instead}'s list of this period (file '{elsewhere}') and counted there. Delete those rows from hamlet {hamlet}'s list; if the households are in fact hamlet {hamlet}'s, correct that title and have hamlet {instead} delete them from its list.",
            ),
            (
                "column-listed",
                "Các dòng {detail} ghi '{value}' ở cột '{column}', không phải xóm {hamlet}, nên không được tính vào xóm {hamlet}; các hộ đó đã có trong danh sách kỳ này của xóm {instead} (tệp '{elsewhere}') và được tính ở đó. Hãy xóa các dòng đó khỏi danh sách của xóm {hamlet}; nếu các hộ đó đúng là của xóm {hamlet}, hãy sửa ô ở cột '{column}' của các dòng đó và báo xóm {instead} xóa các hộ đó khỏi danh sách của mình.",
                "Rows {detail} say '{value}' in column '{column}', not hamlet {hamlet}, so they are not counted in hamlet {hamlet}: those households are on hamlet {instead}'s list of this period (file '{elsewhere}') and counted there. Delete those rows from hamlet {hamlet}'s list; if the households are in fact hamlet {hamlet}'s, correct the '{column}' cells of those rows and have hamlet {instead} delete them from its list.",
            ),
        ),
    ),
    # rows under a title over households that moved out of the hamlet ('Hộ chuyển đi xóm Thẩm
    # Rộc', 'Hộ chuyển khỏi xã'; session 30): not counted, as a class written 'Chuyển đi'
    IssueType(
        "rows-moved-away",
        "warning",
        "file",
        "Các dòng {detail} nằm dưới tiêu đề '{value}', là các hộ đã chuyển đi xóm {instead}, nên không được tính vào xóm {hamlet}. Xóm {instead} ghi các hộ đó vào danh sách của xóm mình, giữ nguyên Mã hộ: hãy xóa các dòng đó khỏi danh sách của xóm {hamlet} (không ghi 'Thoát': mã hộ sẽ bị trùng với danh sách của xóm {instead}). Nếu các hộ đó vẫn ở xóm {hamlet}, hãy xóa tiêu đề đó.",
        "Rows {detail} are under the title '{value}', households that moved to hamlet {instead}, so they are not counted in hamlet {hamlet}. Hamlet {instead} lists them in its own list, under the same Mã hộ: delete those rows from hamlet {hamlet}'s list (do not write 'Thoát': the code would be used twice, here and in hamlet {instead}'s list). If the households still live in hamlet {hamlet}, delete that title.",
        (
            # the title names no hamlet ('Hộ chuyển đi', 'Hộ chuyển khỏi xã'): within the
            # commune or out of it; a row written 'Thoát' under it is counted as one that left
            (
                "unnamed",
                "Các dòng {detail} nằm dưới tiêu đề '{value}', là các hộ đã chuyển đi, nên không được tính vào xóm {hamlet}. Nếu hộ chuyển sang xóm khác trong xã, hãy xóa dòng của hộ (xóm nơi hộ đến ghi hộ vào danh sách của xóm đó, giữ nguyên Mã hộ); nếu hộ chuyển khỏi xã, hãy ghi 'Thoát' ở cột 'Phân loại hộ' và 'Chuyển khỏi xã' ở cột 'Ghi chú' (dòng ghi 'Thoát' được tính là hộ đã ra khỏi danh sách). Nếu các hộ đó vẫn ở xóm {hamlet}, hãy xóa tiêu đề đó.",
                "Rows {detail} are under the title '{value}', households that moved away, so they are not counted in hamlet {hamlet}. If a household moved to another hamlet of the commune, delete its row (the hamlet it moved to lists it, under the same Mã hộ); if it left the commune, write 'Thoát' in its 'Phân loại hộ' cell and 'Chuyển khỏi xã' under 'Ghi chú' (a row written 'Thoát' is counted as a household that left the lists). If the households still live in hamlet {hamlet}, delete that title.",
            ),
            # the title names a hamlet the plan does not have ('Hộ chuyển đi xóm Khuổi Mới'):
            # out of the commune, or a hamlet of it named otherwise (session 32); the rows are
            # counted as the households that left (exited), as under 'Hộ chuyển khỏi xã'
            (
                "outside",
                "Các dòng {detail} nằm dưới tiêu đề '{value}', là các hộ đã chuyển đi xóm {instead}, nên không được tính vào xóm {hamlet}. Xóm {instead} không có trong kế hoạch của xã. Nếu các hộ đó đã chuyển khỏi xã, hãy sửa tiêu đề thành 'Hộ chuyển khỏi xã', ghi 'Thoát' ở cột 'Phân loại hộ' và 'Chuyển khỏi xã' ở cột 'Ghi chú' của các dòng đó (dòng ghi 'Thoát' được tính là hộ đã ra khỏi danh sách); nếu {instead} là một xóm trong xã được ghi tên khác, hãy sửa tên xóm trong tiêu đề đúng như kế hoạch của xã (xóm đó ghi các hộ đó vào danh sách của mình, giữ nguyên Mã hộ). Nếu các hộ đó vẫn ở xóm {hamlet}, hãy xóa tiêu đề đó.",
                "Rows {detail} are under the title '{value}', households that moved to hamlet {instead}, so they are not counted in hamlet {hamlet}. Hamlet {instead} is not in the commune's plan. If the households are now outside the commune, change the title to 'Hộ chuyển khỏi xã' and write 'Thoát' in the 'Phân loại hộ' cell and 'Chuyển khỏi xã' under 'Ghi chú' of those rows (a row written 'Thoát' is counted as a household that left the lists); if {instead} is a hamlet of the commune written otherwise, correct the hamlet's name in the title as the plan writes it (that hamlet lists them in its own list, under the same Mã hộ). If the households still live in hamlet {hamlet}, delete that title.",
            ),
        ),
    ),
    # rows numbered on from the list's STT under a move-out title that no count, heading or
    # new numbering bounds: only the row under the title is taken out; these are counted and
    # asked about (session 31), less those the hamlet the title names lists the same month
    # (consolidate.moved_where_listed: taken out, said with the first by rows-moved-away)
    IssueType(
        "rows-moved-unclear",
        "warning",
        "file",
        "Các dòng {detail} nằm dưới tiêu đề '{value}' và được đánh số tiếp theo STT của danh sách; tiêu đề không ghi số hộ và không có tiêu đề nào sau các dòng đó, nên không rõ những hộ nào đã chuyển đi. Xã chỉ coi hộ ở dòng ngay dưới tiêu đề là hộ đã chuyển đi; các hộ đó vẫn được tính vào xóm {hamlet}. Nếu chỉ một hộ đã chuyển đi, hãy ghi thêm ': 1 hộ' vào cuối tiêu đề; nếu các hộ đó cũng đã chuyển đi, hãy ghi số hộ đã chuyển đi vào cuối tiêu đề (ví dụ ': 3 hộ') hoặc đánh số các hộ chuyển đi từ 1.",
        "Rows {detail} are under the title '{value}' and numbered on from the list's STT; the title gives no count of households and no title follows those rows, so which households moved is unclear. The commune takes only the household just below the title as moved away and still counts those rows in hamlet {hamlet}. If only one household moved, add ': 1 hộ' at the end of the title; if they moved too, write the number of households that moved at the end of the title (e.g. ': 3 hộ') or number the moved households from 1.",
    ),
    IssueType(
        "rows-struck-through",
        "warning",
        "file",
        "Các dòng {detail} bị gạch ngang chữ (hộ đã bị gạch tên?) nhưng xã vẫn tính các hộ đó như mọi hộ khác trong danh sách, theo Phân loại hộ đã ghi. Nếu hộ đã ra khỏi danh sách, hãy ghi 'Thoát' ở cột 'Phân loại hộ' của dòng đó và bỏ gạch ngang; nếu hộ vẫn trong danh sách, chỉ cần bỏ gạch ngang.",
        "Rows {detail} are struck through (households crossed out?) but the commune counts them like every other household of the list, by the class written. If a household has left the lists, write 'Thoát' in its 'Phân loại hộ' cell and remove the strike-through; if it is still listed, just remove the strike-through.",
    ),
    # a text struck through in part in its cell's edit line, read as the text left (opening.
    # Workbook.struck_parts; session 66, H)
    IssueType(
        "text-partly-struck",
        "warning",
        "file",
        "Ô {cell} có chữ bị gạch ngang ('{value}') bên cạnh chữ không gạch: xã coi phần gạch ngang là chữ đã bỏ và đọc ô này là '{instead}'. Nếu đúng, hãy xóa hẳn phần chữ bị gạch ngang khỏi ô; nếu không, hãy sửa lại ô cho đúng và bỏ gạch ngang.",
        "Cell {cell} holds struck-through text ('{value}') beside text not struck: the commune takes the struck part as deleted and reads the cell as '{instead}'. If that is right, delete the struck text from the cell; if not, correct the cell and remove the strike-through.",
    ),
    IssueType(
        "total-count-differs",
        "warning",
        "file",
        "Dòng tổng cộng ghi '{value}' nhưng danh sách có {detail} dòng hộ; xã tính theo từng dòng hộ, không theo số tổng. Hãy đếm lại: nếu thiếu hộ nào, hãy ghi thêm dòng của hộ đó (đủ các cột như mẫu); nếu có hộ ghi hai lần, hãy xóa dòng thừa; nếu số tổng gõ nhầm, hãy sửa số tổng.",
        "The total row says '{value}' but the list has {detail} household rows; the commune counts the household rows, not the total. Count again: if a household is missing, add its row (every column, as in the template); if one is written twice, delete the extra row; if the total is mistyped, correct it.",
        (
            # a part's total in a hamlet's list ('Cong Ban Co | 3', another hamlet's, or one
            # under a hamlet's total above it) counting other than its part's rows
            # (consolidate.hamlet_totals_taken; session 63, D)
            (
                "section",
                "Dòng '{instead}' là dòng cộng của một phần danh sách, ghi '{value}' nhưng phần đó có {detail}; xã tính theo từng dòng hộ, không theo số cộng. Hãy đếm lại các hộ của phần này: nếu thiếu hộ nào, hãy ghi thêm dòng của hộ đó (đủ các cột như mẫu); nếu có hộ ghi hai lần, hãy xóa dòng thừa; nếu số cộng gõ nhầm, hãy sửa số cộng.",
                "The '{instead}' row is the total of a part of the list and says '{value}', but that part has {detail}; the commune counts the household rows, not the total. Count that part's households again: if one is missing, add its row (every column, as in the template); if one is written twice, delete the extra row; if the total is mistyped, correct it.",
            ),
            # on the plan's start list, a count typed bare under 'Mã hộ' that counts none of
            # its households (plan._start_list; session 59, E3)
            (
                "plan",
                "Dòng tổng cộng ({instead}) của danh sách đầu năm ghi '{value}' nhưng danh sách có {detail} dòng hộ; dòng này không được tính là một hộ, danh sách đầu năm tính theo từng dòng hộ, không theo số tổng. Hãy đếm lại: nếu thiếu hộ nào, hãy ghi thêm dòng của hộ đó; nếu có hộ ghi hai lần, hãy xóa dòng thừa; nếu số tổng gõ nhầm, hãy sửa số tổng; rồi chạy lại.",
                "The total row ({instead}) of the start-of-year list says '{value}' but the list has {detail} household rows; it is not counted as a household, the start-of-year list counts the household rows, not the total. Count again: if a household is missing, add its row; if one is written twice, delete the extra row; if the total is mistyped, correct it; then run again.",
            ),
            # on the plan's start list, the list's total in the head's name above other
            # households ('| 7 | Tổng cộng' left above rows added since) counting none of the
            # rows above it (plan._start_count_issues; session 62)
            (
                "plan-above",
                "Dòng tổng cộng ({instead}) của danh sách đầu năm ghi '{value}' nhưng phía trên dòng này có {detail} dòng hộ; dòng này không được tính là một hộ, danh sách đầu năm tính theo từng dòng hộ, không theo số tổng. Hãy đếm lại: nếu thiếu hộ nào, hãy ghi thêm dòng của hộ đó; nếu có hộ ghi hai lần, hãy xóa dòng thừa; nếu số tổng gõ nhầm hay là số cũ còn sót lại, hãy sửa hoặc xóa dòng tổng đó; rồi chạy lại.",
                "The total row ({instead}) of the start-of-year list says '{value}' but there are {detail} household rows above it; it is not counted as a household, the start-of-year list counts the household rows, not the total. Count again: if a household is missing, add its row; if one is written twice, delete the extra row; if the total is mistyped or an old one left behind, correct or delete it; then run again.",
            ),
            # on the plan's start list, a hamlet's total ('3 hộ | Cộng xóm Đồng Kè') counting
            # other than that hamlet's rows (plan._hamlet_count_issues; session 60 review)
            (
                "plan-hamlet",
                "Dòng cộng của xóm {hamlet} ({instead}) trong danh sách đầu năm ghi '{value}' nhưng danh sách có {detail} dòng hộ của xóm {hamlet}; danh sách đầu năm tính theo từng dòng hộ, không theo số cộng. Hãy đếm lại các hộ của xóm này: nếu thiếu hộ nào, hãy ghi thêm dòng của hộ đó; nếu có hộ ghi hai lần, hãy xóa dòng thừa; nếu có hộ ghi nhầm tên xóm ở cột Xóm, hãy sửa lại; nếu số cộng gõ nhầm, hãy sửa số cộng; rồi chạy lại.",
                "The total row of hamlet {hamlet} ({instead}) in the start-of-year list says '{value}' but the list has {detail} household rows of {hamlet}; the start-of-year list counts the household rows, not the total. Count that hamlet's households again: if one is missing, add its row; if one is written twice, delete the extra row; if one has the wrong hamlet in the Xóm column, correct it; if the total is mistyped, correct it; then run again.",
            ),
        ),
    ),
    # a group's subtotal in the list ('Cộng tổ 1') passed over though its figures are not the
    # sums of its households' rows (a subtotal typed by hand, a household deleted since:
    # tables.stale_subtotal; session 57); {instead}: 'dòng 7', {detail}: each figure with the
    # rows' (rosterchecks.header_issues)
    IssueType(
        "subtotal-differs",
        "warning",
        "row",
        "Dòng '{value}' ({instead}) là dòng cộng của một nhóm hộ nhưng khác với các dòng hộ của nhóm: {detail}. Xã không tính dòng này là một hộ và tính theo từng dòng hộ, không theo dòng cộng. Hãy xem lại: nếu đã xóa hay thêm hộ mà dòng cộng gõ tay chưa sửa, hãy sửa số ở dòng cộng cho khớp (hoặc xóa dòng cộng); nếu số của một hộ ghi sai, hãy sửa dòng của hộ đó.",
        "The '{value}' row ({instead}) is a subtotal of a group of households but differs from the group's household rows: {detail}. The commune does not count it as a household and counts the household rows, not the subtotal. Check it: if a household was deleted or added and the subtotal typed by hand was not corrected, correct its numbers (or delete the subtotal row); if a household's number is wrong, correct that household's row.",
        (
            # on the plan's start list, the officer's own (plan._start_list)
            (
                "plan",
                "Dòng '{value}' ({instead}) của danh sách đầu năm là dòng cộng của một nhóm hộ nhưng khác với các dòng hộ của nhóm: {detail}. Dòng này không được tính là một hộ; danh sách đầu năm tính theo từng dòng hộ, không theo dòng cộng. Hãy xem lại: nếu đã xóa hay thêm hộ mà dòng cộng gõ tay chưa sửa, hãy sửa số ở dòng cộng cho khớp (hoặc xóa dòng cộng); nếu số của một hộ ghi sai, hãy sửa dòng của hộ đó; rồi chạy lại.",
                "The '{value}' row ({instead}) of the start-of-year list is a subtotal of a group of households but differs from the group's household rows: {detail}. It is not counted as a household; the start-of-year list counts the household rows, not the subtotal. Check it: if a household was deleted or added and the subtotal typed by hand was not corrected, correct its numbers (or delete the subtotal row); if a household's number is wrong, correct that household's row; then run again.",
            ),
            # the list's total ('Tổng cộng | 3 | … | 9.815'), its count of households right,
            # its other figures not the households' sums (tables.table_rows; session 60, E)
            (
                "total",
                "Dòng '{value}' ({instead}) là dòng tổng cộng của danh sách, ghi đúng số hộ, nhưng các số khác của dòng khác với các dòng hộ: {detail}. Xã không tính dòng này là một hộ và tính theo từng dòng hộ, không theo dòng tổng cộng. Hãy xem lại: nếu đã xóa hay thêm hộ mà dòng tổng cộng gõ tay chưa sửa, hãy sửa số ở dòng tổng cộng cho khớp (hoặc xóa dòng tổng cộng); nếu số của một hộ ghi sai, hãy sửa dòng của hộ đó.",
                "The '{value}' row ({instead}) is the list's total and gives the right number of households, but its other numbers differ from the household rows: {detail}. The commune does not count it as a household and counts the household rows, not the total. Check it: if a household was deleted or added and the total typed by hand was not corrected, correct its numbers (or delete the total row); if a household's number is wrong, correct that household's row.",
            ),
            # the list's total written without a count of households ('Tổng cộng | | … | 16'),
            # its figures not the households' sums (tables.table_rows; session 62)
            (
                "total-uncounted",
                "Dòng '{value}' ({instead}) là dòng tổng cộng của danh sách nhưng các số của dòng khác với các dòng hộ: {detail}. Xã không tính dòng này là một hộ và tính theo từng dòng hộ, không theo dòng tổng cộng. Hãy xem lại: nếu đã xóa hay thêm hộ mà dòng tổng cộng gõ tay chưa sửa, hãy sửa số ở dòng tổng cộng cho khớp (hoặc xóa dòng tổng cộng); nếu số của một hộ ghi sai, hãy sửa dòng của hộ đó.",
                "The '{value}' row ({instead}) is the list's total but its numbers differ from the household rows: {detail}. The commune does not count it as a household and counts the household rows, not the total. Check it: if a household was deleted or added and the total typed by hand was not corrected, correct its numbers (or delete the total row); if a household's number is wrong, correct that household's row.",
            ),
            # the start list's total ('Tổng cộng | 10 | … | 44'), its count all its rows, its
            # other figures not their sums (plan._start_list; session 60 review)
            (
                "plan-total",
                "Dòng '{value}' ({instead}) là dòng tổng cộng của danh sách đầu năm, ghi đúng số hộ, nhưng các số khác của dòng khác với các dòng hộ: {detail}. Dòng này không được tính là một hộ; danh sách đầu năm tính theo từng dòng hộ, không theo dòng tổng cộng. Hãy xem lại: nếu đã xóa hay thêm hộ mà dòng tổng cộng gõ tay chưa sửa, hãy sửa số ở dòng tổng cộng cho khớp (hoặc xóa dòng tổng cộng); nếu số của một hộ ghi sai, hãy sửa dòng của hộ đó; rồi chạy lại.",
                "The '{value}' row ({instead}) is the start-of-year list's total and gives the right number of households, but its other numbers differ from the household rows: {detail}. It is not counted as a household; the start-of-year list counts the household rows, not the total. Check it: if a household was deleted or added and the total typed by hand was not corrected, correct its numbers (or delete the total row); if a household's number is wrong, correct that household's row; then run again.",
            ),
            # the start list's total writing no count of households ('Tổng cộng | | … | 44')
            # under all its rows, its figures not their sums (plan._start_list; session 63, D)
            (
                "plan-total-no-count",
                "Dòng '{value}' ({instead}) là dòng tổng cộng của danh sách đầu năm nhưng các số của dòng khác với các dòng hộ: {detail}. Dòng này không được tính là một hộ; danh sách đầu năm tính theo từng dòng hộ, không theo dòng tổng cộng. Hãy xem lại: nếu đã xóa hay thêm hộ mà dòng tổng cộng gõ tay chưa sửa, hãy sửa số ở dòng tổng cộng cho khớp (hoặc xóa dòng tổng cộng); nếu số của một hộ ghi sai, hãy sửa dòng của hộ đó; rồi chạy lại.",
                "The '{value}' row ({instead}) is the start-of-year list's total but its numbers differ from the household rows: {detail}. It is not counted as a household; the start-of-year list counts the household rows, not the total. Check it: if a household was deleted or added and the total typed by hand was not corrected, correct its numbers (or delete the total row); if a household's number is wrong, correct that household's row; then run again.",
            ),
            # on the plan's targets, a subtotal of hamlets (plan._hamlet_targets; session 57
            # review)
            (
                "targets",
                "Dòng '{value}' ({instead}) của bảng chỉ tiêu theo xóm là dòng cộng của một nhóm xóm nhưng khác với các xóm của nhóm: {detail}. Dòng này không được đọc là một xóm; kế hoạch tính theo từng xóm, không theo dòng cộng. Hãy xem lại: nếu đã xóa hay thêm xóm mà dòng cộng gõ tay chưa sửa, hãy sửa số ở dòng cộng cho khớp (hoặc xóa dòng cộng); nếu số của một xóm ghi sai, hãy sửa dòng của xóm đó; rồi chạy lại.",
                "The '{value}' row ({instead}) of the hamlets' targets is a subtotal of a group of hamlets but differs from the group's hamlet rows: {detail}. It is not read as a hamlet; the plan counts each hamlet's row, not the subtotal. Check it: if a hamlet was deleted or added and the subtotal typed by hand was not corrected, correct its numbers (or delete the subtotal row); if a hamlet's number is wrong, correct that hamlet's row; then run again.",
            ),
        ),
    ),
    # a hamlet's count whose name is no plan hamlet's ('Cong Ban Co | 2 | … | 8' in a plan Bản
    # Cọ is merged away from), taken out where its count and figures are the rows just above
    # it in a part of the list: said, as a head Công or Tống typed without marks ('Cong Van
    # Minh | 2 | … | 8') reads the same (consolidate.hamlet_totals_taken; session 66, F);
    # {instead}: the name after the total's word ('Van Minh'), {detail}: the rows it totals
    IssueType(
        "count-names-no-hamlet",
        "warning",
        "row",
        "Dòng '{value}' được xã hiểu là dòng cộng của {detail} (số ở cột 'Mã hộ' và các số của dòng đúng bằng các hộ đó cộng lại), như dòng cộng của một xóm cũ đã sáp nhập, nên không tính dòng này là một hộ; kế hoạch không có xóm nào tên '{instead}'. Nếu đây là dòng cộng: không cần sửa. Nếu đây là một hộ: hãy ghi họ tên chủ hộ '{value}' có dấu, mã hộ và phân loại hộ của hộ.",
        "The commune takes the '{value}' row as the total of {detail} (the number under 'Mã hộ' and the row's numbers are exactly theirs added up), as an old hamlet's total after a merger, so it is not counted as a household; no plan hamlet is named '{instead}'. If it is a total: nothing to correct. If it is a household: write the head's name '{value}' with its marks, its code and its class.",
        # the row's first word 'Cong' (any case): the head's family name it would be with its
        # marks, beside the total's word it is read as (session 67, F; a 'Tong …' is read as a
        # head's row, never such a count: session 65, RD)
        variants=(
            (
                "cong",
                "Dòng '{value}' được xã hiểu là dòng cộng của {detail} (số ở cột 'Mã hộ' và các số của dòng đúng bằng các hộ đó cộng lại), như dòng cộng của một xóm cũ đã sáp nhập, nên không tính dòng này là một hộ; kế hoạch không có xóm nào tên '{instead}'. Nếu đây là dòng cộng: không cần sửa. Nếu đây là một hộ: hãy ghi họ tên chủ hộ '{value}' có dấu (họ 'Công', không phải 'Cộng'), mã hộ và phân loại hộ của hộ.",
                "The commune takes the '{value}' row as the total of {detail} (the number under 'Mã hộ' and the row's numbers are exactly theirs added up), as an old hamlet's total after a merger, so it is not counted as a household; no plan hamlet is named '{instead}'. If it is a total: nothing to correct. If it is a household: write the head's name '{value}' with its marks (the family name 'Công', not 'Cộng'), its code and its class.",
            ),
        ),
    ),
    # a row labelled as a total ('Cộng') without code, name or class, passed over as a
    # subtotal only because the household or households right next to it give each of its
    # figures, where it names no group and the list writes no other row so labelled: a
    # subtotal over one household, or that household written twice, or a head so named
    # (tables.lone_subtotal; session 59); {instead}: 'dòng 8', {detail}: the rows and figures
    IssueType(
        "subtotal-one-household",
        "warning",
        "row",
        "Dòng '{value}' ({instead}) không ghi mã hộ, họ tên chủ hộ hay phân loại hộ, và các số của dòng trùng đúng với {detail}. Xã hiểu đây là dòng cộng của hộ đó nên không tính dòng này là một hộ. Nếu đây là một hộ khác, hãy ghi đủ mã hộ, họ tên chủ hộ và phân loại hộ của hộ đó; nếu là dòng cộng, hãy ghi rõ là cộng của nhóm nào (ví dụ 'Cộng tổ 2') hoặc xóa dòng này.",
        "The '{value}' row ({instead}) holds no household code, head's name or class, and its numbers are exactly those of {detail}. The commune takes it as that household's subtotal and does not count it as a household. If it is another household, write its code, head's name and class; if it is a subtotal, say which group it adds up (e.g. 'Cộng tổ 2') or delete the row.",
        # its class or a count under 'Mã hộ' written (session 59 review: not "không ghi")
        variants=(
            (
                "written",
                "Dòng '{value}' ({instead}) không ghi họ tên chủ hộ, và các số của dòng trùng đúng với {detail}. Xã hiểu đây là dòng cộng của hộ đó nên không tính dòng này là một hộ (số ở cột 'Mã hộ' hay phân loại hộ ghi trên dòng không được dùng). Nếu đây là một hộ khác, hãy ghi đủ mã hộ, họ tên chủ hộ và phân loại hộ của hộ đó; nếu là dòng cộng, hãy ghi rõ là cộng của nhóm nào (ví dụ 'Cộng tổ 2') hoặc xóa dòng này.",
                "The '{value}' row ({instead}) holds no head's name, and its numbers are exactly those of {detail}. The commune takes it as that household's subtotal and does not count it as a household (the number under 'Mã hộ' or the class written on the row is not used). If it is another household, write its code, head's name and class; if it is a subtotal, say which group it adds up (e.g. 'Cộng tổ 2') or delete the row.",
            ),
        ),
    ),
    # a household read for its code and class whose head's name is a total's word alone
    # ('4 | 3 | Cộng | 1975 | … | 4 | Hộ nghèo') and whose figures are exactly those of the
    # household or households next to it: counted, as a row with a code, a name and a class is,
    # but maybe a subtotal whose count was typed under 'Mã hộ' (tables.table_rows; session 59
    # review); {instead}: 'dòng 8', {detail}: the rows and figures
    IssueType(
        "household-named-as-total",
        "warning",
        "row",
        "Dòng '{value}' ({instead}) có mã hộ và phân loại hộ nên xã tính là một hộ, nhưng ô họ tên chủ hộ chỉ ghi '{value}' (chữ của dòng cộng) và các số của dòng trùng đúng với {detail}. Nếu đây là dòng cộng, hãy xóa số ở cột 'Mã hộ' và phân loại hộ của dòng (hoặc xóa dòng); nếu đây là một hộ, hãy ghi đủ họ và tên chủ hộ và kiểm tra lại các số của hộ.",
        "The '{value}' row ({instead}) holds a household code and a class, so the commune counts it as a household, but its head's name is only '{value}' (a total's word) and its numbers are exactly those of {detail}. If it is a subtotal, delete the number under 'Mã hộ' and the class from the row (or delete the row); if it is a household, write the head's full name and check its numbers.",
    ),
    IssueType(
        "info-count-differs",
        "warning",
        "file",
        "'{column}' ghi '{value}' nhưng danh sách có {detail} dòng hộ nghèo; xã tính theo từng dòng hộ, không theo số này. Hãy đếm lại: nếu thiếu hộ nào, hãy ghi thêm dòng của hộ đó (đủ các cột như mẫu); nếu có hộ ghi hai lần, hãy xóa dòng thừa; nếu hộ nào ghi sai loại, hãy sửa cột 'Phân loại hộ'; nếu số này gõ nhầm, hãy sửa số này.",
        "'{column}' says '{value}' but the list has {detail} rows of poor households; the commune counts the household rows, not this number. Count again: if a household is missing, add its row (every column, as in the template); if one is written twice, delete the extra row; if one has the wrong class, correct its 'Phân loại hộ'; if the number is mistyped, correct it.",
        (
            (
                "near-poor",
                "'{column}' ghi '{value}' nhưng danh sách có {detail} dòng hộ cận nghèo; xã tính theo từng dòng hộ, không theo số này. Hãy đếm lại: nếu thiếu hộ nào, hãy ghi thêm dòng của hộ đó (đủ các cột như mẫu); nếu có hộ ghi hai lần, hãy xóa dòng thừa; nếu hộ nào ghi sai loại, hãy sửa cột 'Phân loại hộ'; nếu số này gõ nhầm, hãy sửa số này.",
                "'{column}' says '{value}' but the list has {detail} rows of near-poor households; the commune counts the household rows, not this number. Count again: if a household is missing, add its row (every column, as in the template); if one is written twice, delete the extra row; if one has the wrong class, correct its 'Phân loại hộ'; if the number is mistyped, correct it.",
            ),
            (
                "exited",
                "'{column}' ghi '{value}' nhưng danh sách có {detail} dòng hộ ghi 'Thoát' (hộ ra khỏi cả danh sách hộ nghèo và hộ cận nghèo); xã tính theo từng dòng hộ, không theo số này. Hãy đếm lại: nếu thiếu hộ nào đã thoát, hãy ghi thêm dòng của hộ đó (đủ các cột như mẫu) với Phân loại hộ 'Thoát'; hộ nghèo nay là hộ cận nghèo thì ghi 'Hộ cận nghèo', không ghi 'Thoát'; nếu hộ nào ghi sai loại, hãy sửa cột 'Phân loại hộ'; nếu số này gõ nhầm, hãy sửa số này.",
                "'{column}' says '{value}' but the list has {detail} rows of households written 'Thoát' (off both the poor and the near-poor list); the commune counts the household rows, not this number. Count again: if a household that left is missing, add its row (every column, as in the template) with Phân loại hộ 'Thoát'; a poor household now near-poor is written 'Hộ cận nghèo', not 'Thoát'; if one has the wrong class, correct its 'Phân loại hộ'; if the number is mistyped, correct it.",
            ),
            (
                "people",
                "'{column}' ghi '{value}' nhưng cột 'Số nhân khẩu' của các dòng hộ trong danh sách cộng lại là {detail} người; xã tính theo từng dòng hộ, không theo số này. Hãy đếm lại: nếu số nhân khẩu của hộ nào ghi sai, hãy sửa ô 'Số nhân khẩu' của hộ đó; nếu thiếu hộ nào, hãy ghi thêm dòng của hộ đó (đủ các cột như mẫu); nếu số này gõ nhầm, hãy sửa số này. Nếu đây là số nhân khẩu của cả xóm, không phải của các hộ trong danh sách, thì không cần sửa.",
                "'{column}' says '{value}' but the 'Số nhân khẩu' of the list's household rows add up to {detail} people; the commune counts the household rows, not this number. Count again: if a household's number of people is wrong, correct its 'Số nhân khẩu'; if a household is missing, add its row (every column, as in the template); if the number is mistyped, correct it. If it is the number of people of the whole hamlet, not of the households in the list, nothing needs correcting.",
            ),
            (
                "people-exited",
                "'{column}' ghi '{value}' nhưng cột 'Số nhân khẩu' của các dòng hộ trong danh sách cộng lại là {detail} người ({instead} người nếu không kể các hộ ghi 'Thoát'); xã tính theo từng dòng hộ, không theo số này. Hãy đếm lại: nếu số nhân khẩu của hộ nào ghi sai, hãy sửa ô 'Số nhân khẩu' của hộ đó; nếu thiếu hộ nào, hãy ghi thêm dòng của hộ đó (đủ các cột như mẫu); nếu số này gõ nhầm, hãy sửa số này. Nếu đây là số nhân khẩu của cả xóm, không phải của các hộ trong danh sách, thì không cần sửa.",
                "'{column}' says '{value}' but the 'Số nhân khẩu' of the list's household rows add up to {detail} people ({instead} without the households written 'Thoát'); the commune counts the household rows, not this number. Count again: if a household's number of people is wrong, correct its 'Số nhân khẩu'; if a household is missing, add its row (every column, as in the template); if the number is mistyped, correct it. If it is the number of people of the whole hamlet, not of the households in the list, nothing needs correcting.",
            ),
        ),
    ),
    IssueType(
        "empty-list",
        "error",
        "file",
        "Danh sách không có hộ nào, trong khi đầu năm xóm có {value} hộ nghèo và cận nghèo; tệp chưa được tính (nếu tính, mọi hộ đó sẽ bị coi là đã thoát). Nếu hộ nào đã thoát, hãy ghi hộ đó (đủ các cột như mẫu) với Phân loại hộ 'Thoát'; nếu chưa nhập danh sách, hãy nhập rồi gửi lại.{detail}",
        "The list holds no household, while the hamlet had {value} poor and near-poor households at the start of the year; the file is not counted (counted, every one of them would show as gone). Write a household that left (every column, as in the template) with Phân loại hộ 'Thoát'; if the list was not typed in yet, type it and send it again.{detail}",
        # a list whose class is marked in columns: its exited column ({instead}), or, where it
        # has none, the column to add one beside
        (
            (
                "marks",
                "Danh sách không có hộ nào, trong khi đầu năm xóm có {value} hộ nghèo và cận nghèo; tệp chưa được tính (nếu tính, mọi hộ đó sẽ bị coi là đã thoát). Nếu hộ nào đã thoát, hãy ghi hộ đó (đủ các cột như mẫu) và đánh dấu 'x' ở cột '{instead}'; nếu chưa nhập danh sách, hãy nhập rồi gửi lại.{detail}",
                "The list holds no household, while the hamlet had {value} poor and near-poor households at the start of the year; the file is not counted (counted, every one of them would show as gone). Write a household that left (every column, as in the template) and mark 'x' in the '{instead}' column; if the list was not typed in yet, type it and send it again.{detail}",
            ),
            (
                "marks-no-exit",
                "Danh sách không có hộ nào, trong khi đầu năm xóm có {value} hộ nghèo và cận nghèo; tệp chưa được tính (nếu tính, mọi hộ đó sẽ bị coi là đã thoát). Nếu hộ nào đã thoát, hãy thêm cột 'Thoát' bên cạnh cột '{instead}', ghi hộ đó (đủ các cột như mẫu) và đánh dấu 'x' ở cột 'Thoát'; nếu chưa nhập danh sách, hãy nhập rồi gửi lại.{detail}",
                "The list holds no household, while the hamlet had {value} poor and near-poor households at the start of the year; the file is not counted (counted, every one of them would show as gone). Add a 'Thoát' column beside the '{instead}' column, write a household that left (every column, as in the template) and mark 'x' in the 'Thoát' column; if the list was not typed in yet, type it and send it again.{detail}",
            ),
            # the list marks the class at the start of the period too ({instead}: the marks)
            (
                "marks-start-only",
                "Danh sách không có hộ nào, trong khi đầu năm xóm có {value} hộ nghèo và cận nghèo; tệp chưa được tính (nếu tính, mọi hộ đó sẽ bị coi là đã thoát). Nếu hộ nào đã thoát, hãy ghi hộ đó (đủ các cột như mẫu), {instead}; nếu chưa nhập danh sách, hãy nhập rồi gửi lại.{detail}",
                "The list holds no household, while the hamlet had {value} poor and near-poor households at the start of the year; the file is not counted (counted, every one of them would show as gone). Write a household that left (every column, as in the template) and {instead}; if the list was not typed in yet, type it and send it again.{detail}",
            ),
        ),
    ),
    IssueType(
        "all-rows-rejected",
        "error",
        "file",
        "Cả {detail} dòng hộ trong danh sách đều có lỗi nên tệp không được tính (nếu tính, xóm sẽ có 0 hộ nghèo và cận nghèo). Hãy sửa các ô được đánh dấu rồi gửi lại.",
        "All {detail} household rows have errors, so the file is not counted (counted, the hamlet would show 0 poor and near-poor households). Fix the marked cells and send it again.",
        # ... its rows left out once counted with the commune's other lists, some (or all) for a
        # 'Mã hộ' another hamlet's list writes too (rosterchecks.rows_refuse_across; session 53)
        variants=(
            (
                "across",
                "Cả {detail} dòng hộ trong danh sách đều bị loại, có dòng vì 'Mã hộ' trùng với danh sách của xóm khác, nên tệp chưa được tính: xóm chưa có trong số liệu của xã (cả số hiện tại lẫn số đầu năm), vì nếu tính, xóm sẽ có 0 hộ nghèo và cận nghèo. Hãy làm theo hướng dẫn ở từng dòng được đánh dấu; khi các mã hộ trùng đã được giải quyết, danh sách sẽ được tính.",
                "All {detail} household rows of the list are left out, some for a 'Mã hộ' another hamlet's list writes too, so the file is not counted: the hamlet is not in the commune's figures (current and start of the year alike), since counted it would show 0 poor and near-poor households. Follow the advice at each marked row; once the duplicate codes are settled, the list is counted.",
            ),
            # ... every row a household the start list has in another hamlet whose list of the
            # month writes it too, counted there (rosterchecks.refused_for_start_list; session 57)
            (
                "start-list-other",
                "Cả {detail} dòng hộ trong danh sách đều chưa được tính: danh sách đầu năm ghi hộ ở {instead}, danh sách kỳ này của {instead} cũng ghi hộ (cùng số định danh của chủ hộ), nên xã tạm tính hộ ở đó (một hộ chỉ được tính một lần). Vì vậy tệp chưa được tính: xóm chưa có trong số liệu của xã (cả số hiện tại lẫn số đầu năm), vì nếu tính, xóm sẽ có 0 hộ nghèo và cận nghèo. Đề nghị các xóm xác nhận hộ đang sống ở xóm nào và làm theo hướng dẫn ở từng dòng được đánh dấu.",
                "All {detail} household rows of the list are not counted: the start-of-year list has the household in {instead}, whose list of this period writes it too (the head's same ID number), so the commune counts it there for now (a household is counted once). So the file is not counted: the hamlet is not in the commune's figures (current and start of the year alike), since counted it would show 0 poor and near-poor households. The hamlets are asked to confirm where the household lives and to follow the advice at each marked row.",
            ),
        ),
    ),
    IssueType(
        "commune-mismatch",
        "warning",
        "file",
        "Tên xã '{value}' khác với kế hoạch ('{detail}'); danh sách vẫn được tính. Nếu xóm nay thuộc xã {detail} (sau sáp nhập xã), hãy ghi '{detail}' ở ô này; nếu không, hãy kiểm tra tệp có đúng của xã không.",
        "Commune '{value}' differs from the plan ('{detail}'); the list is counted. If the hamlet now belongs to commune {detail} (after a commune merger), write '{detail}' in this cell; if not, check that the file belongs to this commune.",
        # the commune of another plan in the folder: the name before a merger (session 25)
        (
            (
                "former",
                "Tên xã '{value}' là tên xã trước khi sáp nhập (kế hoạch '{instead}' trong thư mục); kế hoạch đang dùng là của xã {detail}. Danh sách vẫn được tính. Từ nay hãy ghi '{detail}' ở ô này.",
                "Commune '{value}' is the name before the merger (plan '{instead}' in the folder); the plan used is commune {detail}'s. The list is counted. From now on write '{detail}' in this cell.",
            ),
            # ... for a month the history cannot tell before or after the merger
            # (plan-duplicate 'commune-not-run-unsure'): what to write is not known (session 46)
            (
                "former-unsure",
                "Tên xã '{value}' là tên xã trước khi sáp nhập (kế hoạch '{instead}' trong thư mục); kế hoạch đang dùng là của xã {detail}. Danh sách vẫn được tính. Nếu kỳ này là của xã '{value}' (trước khi sáp nhập), hãy làm như cảnh báo về tệp '{instead}' nói; nếu không, từ nay hãy ghi '{detail}' ở ô này.",
                "Commune '{value}' is the name before the merger (plan '{instead}' in the folder); the plan used is commune {detail}'s. The list is counted. If this period is of commune '{value}' (before the merger), do as the warning on '{instead}' says; if not, from now on write '{detail}' in this cell.",
            ),
            (
                "former-unsure-head",
                "Tên xã '{value}' là tên xã trước khi sáp nhập; kế hoạch xã đang dùng là của xã {detail}. Danh sách vẫn được tính. Nếu kỳ này xóm đã thuộc xã {detail}, từ nay hãy ghi '{detail}' ở ô này.",
                "Commune '{value}' is the name before the merger; the plan the commune uses is commune {detail}'s. The list is counted. If the hamlet belonged to commune {detail} in this period, from now on write '{detail}' in this cell.",
            ),
            # ... said to the hamlet head, in his feedback workbook: the commune's plans and
            # folder mean nothing to him; what to write does (session 25)
            (
                "former-head",
                "Tên xã '{value}' là tên xã trước khi sáp nhập; nay xóm thuộc xã {detail}. Danh sách vẫn được tính. Từ nay hãy ghi '{detail}' ở ô này.",
                "Commune '{value}' is the name before the merger; the hamlet now belongs to commune {detail}. The list is counted. From now on write '{detail}' in this cell.",
            ),
            # the plan's 'Xã' looks mistyped: the name the other lists agree on is the one
            # to write (consolidate.plan_commune_typo, session 25)
            (
                "written",
                "Tên xã '{value}' khác với tên các xóm khác của xã ghi ('{detail}'); danh sách vẫn được tính. Nếu xóm thuộc xã {detail}, hãy ghi '{detail}' ở ô này; nếu không, hãy kiểm tra tệp có đúng của xã không.",
                "Commune '{value}' differs from the name the commune's other hamlets write ('{detail}'); the list is counted. If the hamlet belongs to commune {detail}, write '{detail}' in this cell; if not, check that the file belongs to this commune.",
            ),
        ),
    ),
    IssueType(
        "superseded",
        "warning",
        "file",
        "Xóm đã gửi bản mới hơn cho cùng kỳ ({detail}); bản này không được tính.",
        "The hamlet sent a newer file for the same period ({detail}); this one is not counted.",
        # a copy whose file name or folder names another month than its 'Kỳ báo cáo', passed
        # over for a copy that does not (consolidate.resolve_duplicates), newer or not
        (
            (
                "other-month",
                "Tên tệp hoặc thư mục chứa tệp này ghi một tháng khác với ô 'Kỳ báo cáo', nên kỳ này đã tính bản '{detail}' của xóm, không tính bản này. Nếu tệp này là danh sách của tháng khác, hãy sửa ô 'Kỳ báo cáo' cho đúng tháng đó.",
                "This file's name or folder names another month than its 'Kỳ báo cáo' cell, so this period counts the hamlet's copy '{detail}', not this one. If this file is another month's list, correct its 'Kỳ báo cáo' cell to that month.",
            ),
            # ... of a list without 'Thông tin', its month read from its title
            (
                "other-month-title",
                "Tên tệp hoặc thư mục chứa tệp này ghi một tháng khác với tiêu đề danh sách (tệp không có trang 'Thông tin' với ô 'Kỳ báo cáo'), nên kỳ này đã tính bản '{detail}' của xóm, không tính bản này. Nếu tệp này là danh sách của tháng khác, hãy sửa tiêu đề cho đúng tháng đó.",
                "This file's name or folder names another month than the list's title (the file has no 'Thông tin' sheet with a 'Kỳ báo cáo' cell), so this period counts the hamlet's copy '{detail}', not this one. If this file is another month's list, correct its title to that month.",
            ),
            # the same bytes as the copy counted (one attachment saved or downloaded twice:
            # consolidate._same_bytes): no newer copy, nothing to do (session 41)
            (
                "same-file",
                "Tệp này giống hệt tệp '{detail}' (cùng nội dung: có thể đã được gửi hoặc tải về hai lần), nên chỉ dùng tệp đó; không cần làm gì với tệp này.",
                "This file is the same as '{detail}' (the same content: it may have been sent or downloaded twice), so only that file is used; nothing is to be done with this one.",
            ),
            # the newer copy that set this one aside refused (consolidate.newer_refused): the
            # hamlet counts neither, and the officer may use this one by taking the newer out
            (
                "newer-refused",
                "Xóm đã gửi bản mới hơn cho cùng kỳ ({detail}) nên bản này không được tính, nhưng bản mới hơn đó bị từ chối (xem lỗi của tệp đó) nên xóm chưa được tổng hợp. Hãy đề nghị xóm sửa bản mới hơn rồi gửi lại; nếu bản này mới là bản đúng, hãy chuyển tệp '{detail}' ra khỏi thư mục đầu vào rồi chạy lại để tổng hợp bản này.",
                "The hamlet sent a newer file for the same period ({detail}), so this one is not counted; but that newer file was refused (see its errors), so the hamlet is not consolidated. Ask the hamlet to correct the newer file and send it again; if this file is the right one, move '{detail}' out of the input folder and run again to consolidate this one.",
            ),
            # ... said to the hamlet head, who corrects the newer copy
            (
                "newer-refused-head",
                "Xóm đã gửi bản mới hơn cho cùng kỳ ({detail}) nên bản này không được tính; bản mới hơn đó có lỗi nên xóm chưa được tổng hợp. Hãy sửa bản mới hơn theo phản hồi của bản đó rồi gửi lại.",
                "The hamlet sent a newer file for the same period ({detail}), so this one is not counted; that newer file has errors, so the hamlet is not consolidated. Correct the newer file as its feedback says and send it again.",
            ),
        ),
    ),
    # --- the plan -----------------------------------------------------------
    IssueType(
        "plan-invalid",
        "error",
        "file",
        "Kế hoạch không hợp lệ: {detail}",
        "The plan is not valid: {detail}",
    ),
    # --- `giamngheo check`'s own: what a run of the files checked stops on -------------------
    # (cli.check; never in a workbook: the run stops, exit 2, with its one line instead). Each
    # is an error of the total, as `check` exits 1 on it (session 58, D: the total said "0 lỗi"
    # beside exit 1). No place: the words name the folder, the plan or the store.
    IssueType(
        "plan-missing",
        "error",
        "run",
        # the whole input folder checked (detail: that folder) holds no plan (session 57, H4)
        "Thư mục '{detail}' không có tệp kế hoạch: khi tổng hợp (make hoặc giamngheo run), "
        "chương trình sẽ dừng lại, không ghi bảng tổng hợp. Hãy chép tệp kế hoạch của xã "
        "(KeHoach_YYYY.xlsx) vào thư mục đó rồi kiểm tra lại.",
        "Folder '{detail}' holds no plan: a run (make or giamngheo run) stops and writes no "
        "workbook. Copy the commune's plan (KeHoach_YYYY.xlsx) into that folder, then check again.",
        # ... nor any hamlet's list: only files passed over (a photo, a .zip), which a run stops
        # on as a plan missing ("Không tìm thấy tệp kế hoạch"); both to be copied (session 59, D)
        (
            (
                "no-lists",
                "Thư mục '{detail}' không có tệp kế hoạch và chưa có danh sách hộ nào của các "
                "xóm: khi tổng hợp (make hoặc giamngheo run), chương trình sẽ dừng lại, không ghi "
                "bảng tổng hợp. Hãy chép tệp kế hoạch của xã (KeHoach_YYYY.xlsx) và danh sách "
                "tháng này của các xóm vào thư mục đó rồi kiểm tra lại.",
                "Folder '{detail}' holds no plan and no hamlet's list yet: a run (make or "
                "giamngheo run) stops and writes no workbook. Copy the commune's plan "
                "(KeHoach_YYYY.xlsx) and the hamlets' lists of the month into that folder, then "
                "check again.",
            ),
            # a file there that looks like the plan, not told one (value: run.almost_plan_said,
            # the file and the sheet it lacks, what to do): not "copy the plan in" (session 61)
            (
                "almost-plan",
                "Thư mục '{detail}' không có tệp kế hoạch đọc được: khi tổng hợp (make hoặc "
                "giamngheo run), chương trình sẽ dừng lại, không ghi bảng tổng hợp. {value} rồi "
                "kiểm tra lại.",
                "Folder '{detail}' holds no plan that can be read: a run (make or giamngheo run) "
                "stops and writes no workbook. {value}, then check again.",
            ),
        ),
    ),
    IssueType(
        "no-files",
        "error",
        "run",
        # the whole input folder checked (detail: that folder) holds no file at all (what a
        # system leaves there passed over): the run stops, "chưa có tệp nào" (session 59, D)
        "Thư mục '{detail}' chưa có tệp nào: khi tổng hợp (make hoặc giamngheo run), chương "
        "trình sẽ dừng lại, không ghi bảng tổng hợp. Hãy chép vào đó tệp kế hoạch của xã "
        "(KeHoach_YYYY.xlsx) và danh sách của các xóm rồi kiểm tra lại.",
        "Folder '{detail}' holds no file yet: a run (make or giamngheo run) stops and writes no "
        "workbook. Copy the commune's plan (KeHoach_YYYY.xlsx) and the hamlets' lists into it, "
        "then check again.",
        (
            # its files only in hidden folders ('.thang5/NaMon.xlsx'): those named, the folder
            # to rename (discover.hidden_only_said, whole in detail; session 60)
            ("hidden-folder", "{detail}", "{detail}"),
        ),
    ),
    IssueType(
        "input-is-output",
        "error",
        "run",
        # the whole folder checked is an output folder of giamngheo (its history store or a
        # run's lock: discover.output_root_said, its words for `check`), which a run given it
        # as the input stops on (session 50; an error of the total since session 59, D)
        "{detail}",
        "{detail}",
    ),
    IssueType(
        "no-rosters",
        "error",
        "run",
        # the whole input folder checked (detail: that folder) holds a plan and no file that may
        # be a hamlet's list (run.holds_no_list: the plan alone, or beside files passed over);
        # the run stops, "chưa có danh sách hộ nào của các xóm" (session 58, D3)
        "Thư mục '{detail}' chưa có danh sách hộ nào của các xóm: khi tổng hợp (make hoặc "
        "giamngheo run), chương trình sẽ dừng lại, không ghi bảng tổng hợp. Hãy chép danh sách "
        "tháng này của các xóm (tệp Excel điền theo mẫu MauDanhSachHo.xlsx) vào thư mục đó rồi "
        "kiểm tra lại.",
        "Folder '{detail}' holds no hamlet's list yet: a run (make or giamngheo run) stops and "
        "writes no workbook. Copy the hamlets' lists of the month (Excel files filled in from "
        "the template MauDanhSachHo.xlsx) into that folder, then check again.",
    ),
    IssueType(
        "plan-of-other-year",
        "error",
        "run",
        # the plan taken is of another year than the latest lists (cli._plan_of_other_year's
        # words: which plan, which year, what to do; session 44)
        "{detail}",
        "{detail}",
    ),
    IssueType(
        "history-unusable",
        "error",
        "run",
        # the history a run stops on (history.HistoryStore.what_stops_a_run: damaged, a link to
        # nothing, newer, held), in the run's words; the files checked without it (session 41)
        "{detail} Khi tổng hợp (make hoặc giamngheo run), chương trình cũng sẽ dừng lại vì kho "
        "này, không ghi bảng tổng hợp. Các tệp dưới đây vẫn được kiểm tra, nhưng không so với các "
        "kỳ đã lưu.",
        "{detail} A run (make or giamngheo run) stops on that store too and writes no workbook. "
        "The files below are checked all the same, but not against the stored periods.",
    ),
    IssueType(
        "history-read-failed",
        "error",
        "run",
        # the history failing while the files are compared with it (HistoryStore.failed: held,
        # changed, removed or damaged meanwhile; session 46): the check is to be made again
        "{detail} Các tệp dưới đây đã được kiểm tra, nhưng có thể chưa được so với mọi kỳ đã "
        "lưu; hãy kiểm tra lại.",
        "{detail} The files below are checked, but perhaps not against every stored period; "
        "check again.",
    ),
    IssueType(
        "plan-value-guessed",
        "warning",
        "file",
        "Kế hoạch: {detail}",
        "The plan: {detail}",
        # the lists of the period agree on another commune's name than the plan's 'Xã' (a typo
        # in the plan, consolidate.plan_commune_typo); {instead}: how many lists write it
        (
            (
                "commune",
                "Kế hoạch ghi tên xã '{value}', còn {instead} ghi '{detail}': có thể ô 'Xã' của kế hoạch bị gõ sai. Danh sách vẫn được tính và không bị báo sai tên xã. Nếu tên đúng là '{detail}', hãy sửa ô này trong kế hoạch rồi chạy lại.",
                "The plan names commune '{value}', while {instead} write '{detail}': the plan's 'Xã' cell may be mistyped. The lists are counted and not told their commune is wrong. If the right name is '{detail}', fix this cell in the plan and run again.",
            ),
        ),
    ),
    IssueType(
        "plan-duplicate",
        "warning",
        "file",
        "Có nhiều hơn một tệp kế hoạch của cùng năm; đã dùng '{detail}'. Mỗi năm chỉ để một tệp kế hoạch trong thư mục.",
        "More than one plan workbook of the same year; used '{detail}'. Keep one plan a year in the folder.",
        (
            (
                "same",
                "Có nhiều hơn một tệp kế hoạch của cùng năm; đã dùng '{detail}' (tệp sửa sau cùng), không dùng tệp này. Số liệu của hai tệp giống nhau nên kết quả không đổi; hãy xóa tệp này hoặc chuyển ra khỏi thư mục (mỗi năm chỉ để một tệp kế hoạch).",
                "More than one plan workbook of the same year; used '{detail}' (the last saved), not this one. Their figures are the same, so the results are too; delete this file or move it out of the folder (one plan a year).",
            ),
            (
                "differ",
                "Có nhiều hơn một tệp kế hoạch của cùng năm; đã dùng '{detail}' (tệp sửa sau cùng), không dùng tệp này. Số liệu hai tệp KHÁC nhau: {instead}. Hãy xem tệp nào đúng rồi chỉ để tệp đó trong thư mục, và chạy lại. Lệnh chạy lại kỳ này: {command}",
                "More than one plan workbook of the same year; used '{detail}' (the last saved), not this one. Their figures DIFFER: {instead}. Check which is right, keep only that one in the folder, and run again. To run this period again: {command}",
            ),
            # the plan used is not the last saved: a re-run of a period consolidated for the
            # commune it names, the one saved later naming another (planpick._kept_for_stored,
            # session 38); plain ('stored'), figures the same or differing
            (
                "stored",
                "Có nhiều hơn một tệp kế hoạch của cùng năm; đã dùng '{detail}', không dùng tệp này dù tệp này sửa sau: kỳ này đã được tổng hợp theo xã ghi trong '{detail}' nên dùng lại kế hoạch đó. Mỗi năm chỉ để một tệp kế hoạch trong thư mục.",
                "More than one plan workbook of the same year; used '{detail}', not this one though saved later: this period was consolidated for the commune '{detail}' names, so that plan is used again. Keep one plan a year in the folder.",
            ),
            (
                "same-stored",
                "Có nhiều hơn một tệp kế hoạch của cùng năm; đã dùng '{detail}' (kỳ này đã được tổng hợp theo xã ghi trong tệp đó), không dùng tệp này dù tệp này sửa sau. Số liệu của hai tệp giống nhau nên kết quả không đổi; hãy xóa tệp này hoặc chuyển ra khỏi thư mục (mỗi năm chỉ để một tệp kế hoạch).",
                "More than one plan workbook of the same year; used '{detail}' (this period was consolidated for the commune it names), not this one though saved later. Their figures are the same, so the results are too; delete this file or move it out of the folder (one plan a year).",
            ),
            (
                "differ-stored",
                "Có nhiều hơn một tệp kế hoạch của cùng năm; đã dùng '{detail}' (kỳ này đã được tổng hợp theo xã ghi trong tệp đó), không dùng tệp này dù tệp này sửa sau. Số liệu hai tệp KHÁC nhau: {instead}. Hãy xem tệp nào đúng rồi chỉ để tệp đó trong thư mục, và chạy lại. Lệnh chạy lại kỳ này: {command}",
                "More than one plan workbook of the same year; used '{detail}' (this period was consolidated for the commune it names), not this one though saved later. Their figures DIFFER: {instead}. Check which is right, keep only that one in the folder, and run again. To run this period again: {command}",
            ),
            # a plan of the year by its 'Năm kế hoạch' whose file name writes another year
            # ({value}: next year's plan copied from this one, its year left), set aside for
            # one named for its year (planpick.rank_plans; session 44)
            (
                "named-other-year",
                "Tệp kế hoạch này mang tên năm {value} nhưng ô 'Năm kế hoạch' (trang 'Thông tin chung') ghi năm của kỳ này, nên có hai tệp kế hoạch của cùng năm; đã dùng '{detail}', tệp mang tên đúng năm, không dùng tệp này. Nếu tệp này là kế hoạch năm {value}, hãy sửa ô 'Năm kế hoạch' thành {value} (các kỳ năm {value} cần nó), và đừng xóa '{detail}'.",
                "This plan workbook is named for {value} but its 'Năm kế hoạch' (sheet 'Thông tin chung') says this period's year, so there are two plans of the same year; used '{detail}', the one named for its year, not this one. If this file is the {value} plan, correct 'Năm kế hoạch' to {value} (the periods of {value} need it), and do not delete '{detail}'.",
            ),
            # ... whose 'Năm kế hoạch' says no year (left blank when copied): not "this period's"
            (
                "named-other-year-blank",
                "Tệp kế hoạch này mang tên năm {value} nhưng ô 'Năm kế hoạch' (trang 'Thông tin chung') không ghi năm, nên chưa dùng được; đã dùng '{detail}', tệp mang tên đúng năm, không dùng tệp này. Nếu tệp này là kế hoạch năm {value}, hãy ghi {value} vào ô 'Năm kế hoạch' (các kỳ năm {value} cần nó), và đừng xóa '{detail}'.",
                "This plan workbook is named for {value} but its 'Năm kế hoạch' (sheet 'Thông tin chung') gives no year, so it cannot be used yet; used '{detail}', the one named for its year, not this one. If this file is the {value} plan, write {value} in 'Năm kế hoạch' (the periods of {value} need it), and do not delete '{detail}'.",
            ),
            # the one set aside cannot be used as a plan (planpick._compared, session 65): its
            # own error is not said (session 64 H2: the run reads it no further), so this says it
            (
                "unusable",
                "Có nhiều hơn một tệp kế hoạch của cùng năm; đã dùng '{detail}', không dùng tệp này: tệp này không dùng được làm kế hoạch (có lỗi khi đọc như một tệp kế hoạch) nên không so được số liệu với tệp đã dùng. Nếu tệp này là bản cũ hoặc bản hỏng, hãy xóa hoặc chuyển nó ra khỏi thư mục đầu vào; nếu tệp này mới là kế hoạch đúng, hãy chuyển '{detail}' ra khỏi thư mục đầu vào rồi chạy lệnh kiểm tra (giamngheo check) để xem lỗi của tệp này.",
                "More than one plan workbook of the same year; used '{detail}', not this one: this file cannot be used as a plan (reading it as a plan found an error), so its figures were not compared with the one used. If this file is an old or spoiled copy, delete it or move it out of the input folder; if it is the right plan, move '{detail}' out of the input folder and run the check (giamngheo check) to see what is wrong in it.",
            ),
            # ... saved later, the one used taken for the commune the period was run for
            (
                "unusable-stored",
                "Có nhiều hơn một tệp kế hoạch của cùng năm; đã dùng '{detail}', không dùng tệp này dù tệp này sửa sau (kỳ này đã được tổng hợp theo xã ghi trong '{detail}'): tệp này không dùng được làm kế hoạch (có lỗi khi đọc như một tệp kế hoạch) nên không so được số liệu với tệp đã dùng. Nếu tệp này là bản cũ hoặc bản hỏng, hãy xóa hoặc chuyển nó ra khỏi thư mục đầu vào; nếu tệp này mới là kế hoạch đúng, hãy chuyển '{detail}' ra khỏi thư mục đầu vào rồi chạy lệnh kiểm tra (giamngheo check) để xem lỗi của tệp này.",
                "More than one plan workbook of the same year; used '{detail}', not this one though saved later (this period was consolidated for the commune '{detail}' names): this file cannot be used as a plan (reading it as a plan found an error), so its figures were not compared with the one used. If this file is an old or spoiled copy, delete it or move it out of the input folder; if it is the right plan, move '{detail}' out of the input folder and run the check (giamngheo check) to see what is wrong in it.",
            ),
            # a file that looks like the plan, a sheet of it missing or misnamed, no hamlet's
            # list, beside the plan used (planpick.spoiled_plans_set_aside, session 62): set
            # aside as a plan, not refused as a list; {instead}: the sheets it lacks
            (
                "spoiled",
                "Tệp này có vẻ là kế hoạch nhưng không có trang {instead} nên không được dùng; đã dùng kế hoạch '{detail}'. Nếu tệp này là bản cũ hoặc bản hỏng, hãy xóa hoặc chuyển nó ra khỏi thư mục đầu vào; nếu tệp này mới là kế hoạch đúng, hãy đặt tên trang đúng như mẫu MauKeHoach.xlsx (hoặc thêm trang còn thiếu từ mẫu) rồi chạy lại.",
                "This file looks like the plan but has no sheet {instead}, so it is not used; used the plan '{detail}'. If this file is an old or spoiled copy, delete it or move it out of the input folder; if it is the right plan, name the sheets as in the template MauKeHoach.xlsx (or add the missing one from it), then run again.",
            ),
            # two plans of the year of two communes: a merger in the middle of the year
            # (planpick.rank_plans); both are kept, each for its months
            (
                "commune",
                "Có hai tệp kế hoạch cùng năm của hai xã khác nhau (như khi sáp nhập xã): {instead}; đã dùng '{detail}', không dùng tệp này cho kỳ này. Hãy để cả hai tệp trong thư mục: chạy lại một tháng đã tổng hợp theo xã '{value}' sẽ dùng lại kế hoạch của xã đó, các tháng mới dùng kế hoạch sửa sau cùng. Nếu tệp này không phải kế hoạch cũ của xã, hãy chuyển nó ra khỏi thư mục.",
                "Two plan workbooks of the same year, of two different communes (as at a commune merger): {instead}; used '{detail}', not this one for this period. Keep both in the folder: re-running a month consolidated for commune '{value}' uses that commune's plan again, new months use the plan saved last. If this file is not the commune's former plan, move it out of the folder.",
            ),
            # ... for several months checked apart, named in {instead} (`check`: checkfiles.
            # _used_again_once, session 47): "for those months", not "for this period"
            (
                "commune-months",
                "Có hai tệp kế hoạch cùng năm của hai xã khác nhau (như khi sáp nhập xã): {instead}; đã dùng '{detail}', không dùng tệp này cho các kỳ đó. Hãy để cả hai tệp trong thư mục: chạy lại một tháng đã tổng hợp theo xã '{value}' sẽ dùng lại kế hoạch của xã đó, các tháng mới dùng kế hoạch sửa sau cùng. Nếu tệp này không phải kế hoạch cũ của xã, hãy chuyển nó ra khỏi thư mục.",
                "Two plan workbooks of the same year, of two different communes (as at a commune merger): {instead}; used '{detail}', not this one for those months. Keep both in the folder: re-running a month consolidated for commune '{value}' uses that commune's plan again, new months use the plan saved last. If this file is not the commune's former plan, move it out of the folder.",
            ),
            # ... for a month never run, by the commune of the consolidated month next to it
            # (planpick._other_commune, session 46): new months do not all take the last saved
            (
                "commune-not-run",
                "Có hai tệp kế hoạch cùng năm của hai xã khác nhau (như khi sáp nhập xã): {instead}; đã dùng '{detail}', không dùng tệp này cho kỳ này. Hãy để cả hai tệp trong thư mục: một tháng chưa tổng hợp dùng kế hoạch của xã của tháng đã tổng hợp liền sau nó (sau tháng tổng hợp cuối cùng: của xã sau sáp nhập), chạy lại một tháng đã tổng hợp dùng lại kế hoạch của xã của tháng đó. Nếu tệp này không phải kế hoạch cũ của xã, hãy chuyển nó ra khỏi thư mục.",
                "Two plan workbooks of the same year, of two different communes (as at a commune merger): {instead}; used '{detail}', not this one for this period. Keep both in the folder: a month never consolidated takes the plan of the commune of the consolidated month just after it (after the last consolidated month: the merged commune's), re-running a consolidated month uses that month's commune's plan again. If this file is not the commune's former plan, move it out of the folder.",
            ),
            # ... no consolidated month before it of that commune, this file the old commune's
            # plan: the merger's month unknown, how to count it as the old commune's said
            (
                "commune-not-run-unsure",
                "Có hai tệp kế hoạch cùng năm của hai xã khác nhau (như khi sáp nhập xã): {instead}; đã dùng '{detail}', không dùng tệp này cho kỳ này. Lịch sử không cho biết kỳ này trước hay sau khi sáp nhập: nếu kỳ này là của xã '{value}' (trước khi sáp nhập), hãy tạm chuyển tệp '{detail}' ra khỏi thư mục đầu vào, chạy lại kỳ này, rồi chép tệp đó trở lại. Hãy để cả hai tệp trong thư mục. Lệnh chạy lại kỳ này: {command}",
                "Two plan workbooks of the same year, of two different communes (as at a commune merger): {instead}; used '{detail}', not this one for this period. The history does not tell whether this period is before or after the merger: if it is of commune '{value}' (before the merger), move '{detail}' out of the input folder for a while, run this period again, then put that file back. Keep both in the folder. To run this period again: {command}",
            ),
        ),
    ),
    IssueType(
        "plan-hamlet-hidden",
        "warning",
        "row",
        "Dòng của xóm '{value}' trong trang '{sheet}' đang bị ẩn (Hide): xã hiểu là xóm này không còn dùng (ví dụ đã sáp nhập), nên đã bỏ xóm ra khỏi kế hoạch: không tính chỉ tiêu, không báo xóm chưa nộp. Nếu xóm vẫn còn, hãy bỏ ẩn dòng đó (chọn các dòng ở trên và ở dưới, chuột phải > Bỏ ẩn) rồi chạy lại; nếu không, hãy xóa hẳn dòng đó.",
        "The row of hamlet '{value}' in sheet '{sheet}' is hidden (Hide): the hamlet is taken to be no longer in use (merged, say) and is left out of the plan: no targets, not said to be missing. If the hamlet is still in use, unhide the row (select the rows above and below, right-click > Unhide) and run again; if not, delete the row.",
        # hidden by the table's filter (AutoFilter): out of sight only, still a plan hamlet
        (
            (
                "filter",
                "Dòng của xóm '{value}' trong trang '{sheet}' đang bị ẩn vì bảng đang được lọc (bộ lọc AutoFilter); xóm vẫn được tính là xóm của kế hoạch. Nếu xóm không còn dùng, hãy xóa dòng đó; nếu còn, hãy bỏ lọc (thẻ Dữ liệu > Xóa) để bảng thấy trên màn hình đúng là bảng xã dùng.",
                "The row of hamlet '{value}' in sheet '{sheet}' is hidden by the table's filter (AutoFilter); the hamlet is still a hamlet of the plan. If it is no longer in use, delete the row; if it is, clear the filter (Data > Clear) so that the table seen on screen is the one used.",
            ),
        ),
    ),
    IssueType(
        "plan-start-mismatch",
        "warning",
        "file",
        "Danh sách đầu năm của xóm {value} có {detail}. Tỷ lệ đầu năm được tính theo số trong trang 'Chỉ tiêu theo xóm', biến động hộ theo danh sách đầu năm; hãy đối chiếu lại và sửa cho khớp.",
        "The start-of-year list of hamlet {value} has {detail}. The start rates are worked from 'Chỉ tiêu theo xóm', the movements from the start list; please reconcile them.",
    ),
    IssueType(
        "plan-hamlet-repeated",
        "warning",
        "file",
        "Xóm '{value}' được ghi hai lần trong trang '{sheet}' ({detail}) với cùng số liệu; đã tính một lần. Hãy xóa dòng thừa.",
        "Hamlet '{value}' is written twice in sheet '{sheet}' ({detail}) with the same figures; it is counted once. Delete the extra row.",
    ),
    IssueType(
        "plan-commune-target-above-start",
        "warning",
        "file",
        "Chỉ tiêu giảm tỷ lệ {detail}: không thể đạt, vì tỷ lệ không thể xuống dưới 0 %. Hãy kiểm tra lại chỉ tiêu: ghi số điểm phần trăm (ví dụ 1,52), không phải số hộ.",
        "The commune's target for the {detail}: it cannot be met, as a rate cannot fall below 0 %. Check the target: write percentage points (e.g. 1.52), not a number of households.",
    ),
    IssueType(
        "plan-target-above-start",
        "warning",
        "file",
        "Chỉ tiêu của xóm {value} lớn hơn số hộ đầu năm: {detail}. Chỉ tiêu này không thể đạt; hãy kiểm tra lại trang '{sheet}' của kế hoạch.",
        "The target of hamlet {value} exceeds its households at the start of the year: {detail}. It cannot be met; check sheet '{sheet}' of the plan.",
    ),
    # the targets table's one total row ('Tổng cộng', 'Toàn xã') whose typed or calculated
    # numbers are not the sums of the hamlet rows read (plan._total_row_differs); {instead}:
    # 'dòng 7', {detail}: each differing cell with both numbers
    IssueType(
        "plan-total-differs",
        "warning",
        "row",
        "Dòng '{value}' ({instead}) của trang '{sheet}' khác với tổng các dòng xóm: {detail}. Báo cáo tính theo từng dòng xóm, không theo dòng tổng. Hãy xem lại: số của một xóm bị ghi sai, một xóm thêm ở dưới dòng tổng mà dòng tổng không cộng, hay dòng tổng gõ tay chưa sửa; sửa cho khớp rồi chạy lại.",
        "The '{value}' row ({instead}) of sheet '{sheet}' differs from the sum of the hamlets' rows: {detail}. The report sums the hamlets' rows, not the total row. Check whether a hamlet's number is wrong, a hamlet was added under the total row that the total does not add, or a total typed by hand was never corrected; make them agree and run again.",
    ),
    IssueType(
        "start-list-hamlet-blank",
        "error",
        "row",
        "Ô '{column}' trống: không biết hộ thuộc xóm nào nên hộ không được tính vào danh sách đầu năm. Hãy ghi tên xóm như trong kế hoạch ({detail}).",
        "The '{column}' cell is empty: the household's hamlet is unknown, so it is left out of the start-of-year list. Write the hamlet name as the plan has it ({detail}).",
        variants=(
            # the cell read blank for an error value or a formula without a saved value: said as
            # that, not as empty (plan._hamlets_from_sections; session 47)
            (
                "error",
                "Ô '{column}' hiện lỗi '{value}' (công thức hỏng hoặc tham chiếu ô đã xóa), không phải ô trống: không biết hộ thuộc xóm nào nên hộ không được tính vào danh sách đầu năm. Hãy sửa công thức hoặc ghi tên xóm như trong kế hoạch ({detail}) vào ô này rồi chạy lại.",
                "The '{column}' cell shows the error '{value}' (a broken formula, or a reference to a deleted cell), not an empty cell: the household's hamlet is unknown, so it is left out of the start-of-year list. Correct the formula or write the hamlet name as the plan has it ({detail}) in this cell, then run again.",
            ),
            (
                "formula",
                "Ô '{column}' có công thức nhưng không có giá trị đã lưu (tệp được lưu bằng chương trình khác Excel), không phải ô trống: không biết hộ thuộc xóm nào nên hộ không được tính vào danh sách đầu năm. Hãy mở tệp bằng Excel và nhấn Lưu, hoặc ghi tên xóm như trong kế hoạch ({detail}) vào ô này, rồi chạy lại.",
                "The '{column}' cell holds a formula but no saved value (the file was saved by a program other than Excel), not an empty cell: the household's hamlet is unknown, so it is left out of the start-of-year list. Open the file in Excel and press Save, or write the hamlet name as the plan has it ({detail}) in this cell, then run again.",
            ),
            # past five of one of them (empty too), said once at the first naming the rows
            # ({instead}), as the list's other columns are (plan._hamlets_from_sections; session 48)
            (
                "rows",
                "'{column}' trống ở {instead}, như ô {cell}: không biết các hộ này thuộc xóm nào nên các hộ không được tính vào danh sách đầu năm. Hãy ghi tên xóm như trong kế hoạch ({detail}) vào các ô này.",
                "'{column}' is empty in {instead}, such as {cell}: these households' hamlet is unknown, so they are left out of the start-of-year list. Write the hamlet names as the plan has them ({detail}) in these cells.",
            ),
            (
                "error-rows",
                "'{column}' hiện lỗi ở {instead}, như '{value}' ở ô {cell} (công thức hỏng hoặc tham chiếu ô đã xóa), không phải ô trống: không biết các hộ này thuộc xóm nào nên các hộ không được tính vào danh sách đầu năm. Hãy sửa công thức hoặc ghi tên xóm như trong kế hoạch ({detail}) vào các ô này rồi chạy lại.",
                "'{column}' shows an error in {instead}, such as '{value}' at {cell} (a broken formula, or a reference to a deleted cell), not an empty cell: these households' hamlet is unknown, so they are left out of the start-of-year list. Correct the formula or write the hamlet names as the plan has them ({detail}) in these cells, then run again.",
            ),
            (
                "formula-rows",
                "'{column}' có công thức nhưng không có giá trị đã lưu ở {instead}, như ở ô {cell} (tệp được lưu bằng chương trình khác Excel), không phải ô trống: không biết các hộ này thuộc xóm nào nên các hộ không được tính vào danh sách đầu năm. Hãy mở tệp bằng Excel và nhấn Lưu, hoặc ghi tên xóm như trong kế hoạch ({detail}) vào các ô này, rồi chạy lại.",
                "'{column}' holds a formula but no saved value in {instead}, such as at {cell} (the file was saved by a program other than Excel), not an empty cell: these households' hamlet is unknown, so they are left out of the start-of-year list. Open the file in Excel and press Save, or write the hamlet names as the plan has them ({detail}) in these cells, then run again.",
            ),
        ),
    ),
    # a household the start list writes as exited ('Thoát nghèo', or marked so): the list is of the
    # households recognised poor or near-poor at 31 December, so it is on neither list at the
    # start (kept so: its return reads 'tái nghèo'), and said at its class cell
    # (plan._exited_said; session 49); past five of a column, once naming the rows ({detail})
    IssueType(
        "start-list-exited",
        "warning",
        "row",
        "Ô {cell} ('{column}') ghi hộ {value} là hộ đã thoát, không phải hộ nghèo hay hộ cận nghèo: hộ không được tính vào số hộ nghèo, cận nghèo đầu năm. Nếu ngày 31/12 năm trước hộ còn là hộ nghèo hoặc hộ cận nghèo, hãy sửa phân loại của hộ (Hộ nghèo hoặc Hộ cận nghèo) rồi chạy lại; nếu hộ đã thoát trước ngày đó, không cần sửa.",
        "Cell {cell} ('{column}') writes household {value} as exited, neither poor nor near-poor: it is not counted among the poor and near-poor households at the start of the year. If on 31 December of last year it was still poor or near-poor, correct its class (Hộ nghèo or Hộ cận nghèo), then run again; if it had left before that day, nothing needs correcting.",
        variants=(
            (
                "rows",
                "'{column}' ghi hộ đã thoát ở {detail}, như hộ {value} ở ô {cell}: không phải hộ nghèo hay hộ cận nghèo, nên các hộ này không được tính vào số hộ nghèo, cận nghèo đầu năm. Nếu ngày 31/12 năm trước các hộ này còn là hộ nghèo hoặc hộ cận nghèo, hãy sửa phân loại của các hộ (Hộ nghèo hoặc Hộ cận nghèo) rồi chạy lại; nếu các hộ đã thoát trước ngày đó, không cần sửa.",
                "'{column}' writes exited households in {detail}, such as household {value} at {cell}: neither poor nor near-poor, these households are not counted among the poor and near-poor households at the start of the year. If on 31 December of last year they were still poor or near-poor, correct their class (Hộ nghèo or Hộ cận nghèo), then run again; if they had left before that day, nothing needs correcting.",
            ),
        ),
    ),
    # a start-list code the posted list masks as a telephone or ID number (a start list of
    # phones or heads' CCCDs is no numbering: session 54, D4): the officer told once a start
    # list, at its first such cell, naming the rows past one ({detail}; plan._codes_masked_said;
    # session 55). {instead}: the code as the hall reads it ('********5678').
    IssueType(
        "start-list-code-is-id-number",
        "warning",
        "row",
        "Ô {cell} ('{column}') của danh sách đầu năm ghi mã hộ '{value}', là một số điện thoại hoặc số CCCD/CMND, không phải mã hộ của xã: danh sách niêm yết công khai che số này (chỉ hiện '{instead}'), nên hộ khó tìm thấy mình trên danh sách. Hãy ghi vào ô này mã hộ như trong sổ quản lý hộ nghèo của xã rồi chạy lại, và báo trưởng xóm ghi đúng mã đó trong danh sách gửi lên.",
        "Cell {cell} ('{column}') of the start-of-year list writes the household code '{value}', a telephone number or a CCCD/CMND number, not the commune's code: the public list masks it (showing only '{instead}'), so the household can hardly find itself on the list. Write the household's code from the commune's register of poor households in this cell and run again, and tell the hamlet head to write that code on the lists sent.",
        variants=(
            (
                "rows",
                "'{column}' của danh sách đầu năm ghi số điện thoại hoặc số CCCD/CMND làm mã hộ ở {detail}, như '{value}' ở ô {cell}, không phải mã hộ của xã: danh sách niêm yết công khai che các số này (như '{value}' chỉ hiện '{instead}'), nên các hộ khó tìm thấy mình trên danh sách. Hãy ghi vào các ô này mã hộ như trong sổ quản lý hộ nghèo của xã rồi chạy lại, và báo các trưởng xóm ghi đúng các mã đó trong danh sách gửi lên.",
                "'{column}' of the start-of-year list writes telephone or CCCD/CMND numbers as household codes in {detail}, such as '{value}' at {cell}, not the commune's codes: the public list masks them ('{value}' shows only as '{instead}'), so the households can hardly find themselves on the list. Write the households' codes from the commune's register of poor households in these cells and run again, and tell the hamlet heads to write those codes on the lists sent.",
            ),
        ),
    ),
    IssueType(
        "no-start-list",
        "warning",
        "run",
        "Kế hoạch không có trang 'Danh sách đầu năm' và lịch sử chưa có kỳ nào của năm {detail} trước kỳ này: chưa tính được biến động hộ từ đầu năm (các kỳ sau sẽ so với kỳ đầu tiên của năm được lưu). Để so với đầu năm, hãy thêm trang 'Danh sách đầu năm' vào tệp kế hoạch: danh sách hộ nghèo, hộ cận nghèo được công nhận cuối năm trước, có cột 'Xóm'.",
        "The plan has no 'Danh sách đầu năm' sheet and the history holds no earlier period of {detail}: movements since the start of the year cannot be computed yet (later periods compare with the year's first stored period). To compare with the start of the year, add a 'Danh sách đầu năm' sheet to the plan: the poor and near-poor households recognised at the end of last year, with a 'Xóm' column.",
        # the plan has the sheet, but it could not be used ('plan-invalid' says why)
        (
            (
                "unread",
                "Danh sách đầu năm trong kế hoạch chưa dùng được (xem lỗi 'Kế hoạch không hợp lệ') và lịch sử chưa có kỳ nào của năm {detail} trước kỳ này: chưa tính được biến động hộ từ đầu năm. Hãy sửa danh sách đầu năm như lỗi đó chỉ rồi chạy lại.",
                "The plan's start-of-year list could not be used (see the error 'The plan is not valid') and the history holds no earlier period of {detail}: movements since the start of the year cannot be computed yet. Correct the start-of-year list as that error says and run again.",
            ),
        ),
    ),
    # --- household rows -----------------------------------------------------
    IssueType(
        "missing-household-id",
        "error",
        "row",
        "Thiếu 'Mã hộ'. Hãy ghi mã hộ như trong sổ quản lý hộ nghèo của xã.",
        "'Mã hộ' is empty. Write the household code from the commune's register.",
        # the head's name typed under 'Mã hộ', the name's own cell left empty (session 44)
        (
            # said to the head, in his feedback: a household split off or new this month is in
            # no register yet, its code the commune's to give (session 51)
            (
                "head",
                "Thiếu 'Mã hộ'. Hãy ghi mã hộ như trong sổ quản lý hộ nghèo của xã; hộ mới tách hộ hay mới phát sinh chưa có mã thì hãy hỏi cán bộ xã mã hộ mới rồi ghi vào ô này.",
                "'Mã hộ' is empty. Write the household code from the commune's register; a household newly split off or new to the lists, without a code yet, gets a new code from the commune officer: write it in this cell.",
            ),
            # the plan's start list holds one household of the row's hamlet, head's name and
            # birth year, its code on no other row of the list (session 51): {detail} the
            # name and year, {instead} the code
            (
                "start",
                "Thiếu 'Mã hộ'. Danh sách hộ nghèo, hộ cận nghèo đầu năm của xã ghi hộ {detail} của xóm với mã '{instead}': nếu đúng là hộ này, hãy ghi '{instead}' vào ô này; nếu không, hãy ghi mã hộ như trong sổ quản lý hộ nghèo của xã.",
                "'Mã hộ' is empty. The commune's start-of-year list has the household {detail} of this hamlet under code '{instead}': if this is that household, write '{instead}' in this cell; if not, write the household code from the commune's register.",
            ),
            (
                "name",
                "'Mã hộ' ghi '{value}', là họ tên chủ hộ, còn ô {instead} (cột 'Họ và tên chủ hộ') để trống. Xã đã hiểu '{value}' là họ tên chủ hộ; hộ chưa được tính vì thiếu mã hộ. Hãy ghi họ tên vào ô {instead} và ghi vào ô này mã hộ như trong sổ quản lý hộ nghèo của xã.",
                "'Mã hộ' is '{value}', the head's name, and cell {instead} ('Họ và tên chủ hộ') is empty. Read as the head's name; the household is not counted for want of a code. Write the name in cell {instead} and, in this cell, the household code from the commune's register.",
            ),
            # a word for "no code yet" written under 'Mã hộ' ('Chưa có', 'Không', 'Trống', '-';
            # validate._placeholder_codes): no code, the word quoted (session 67, F)
            (
                "placeholder",
                "'Mã hộ' ghi '{value}', tức là hộ chưa có mã hộ; hộ chưa được tính vì thiếu mã hộ. Hãy ghi vào ô này mã hộ như trong sổ quản lý hộ nghèo của xã.",
                "'Mã hộ' is '{value}', that is, no household code yet; the household is not counted for want of a code. Write in this cell the household code from the commune's register.",
            ),
            (
                "placeholder-head",
                "'Mã hộ' ghi '{value}', tức là hộ chưa có mã hộ; hộ chưa được tính vì thiếu mã hộ. Hãy ghi vào ô này mã hộ như trong sổ quản lý hộ nghèo của xã; hộ mới tách hộ hay mới phát sinh chưa có mã thì hãy hỏi cán bộ xã mã hộ mới rồi ghi vào ô này.",
                "'Mã hộ' is '{value}', that is, no household code yet; the household is not counted for want of a code. Write in this cell the household code from the commune's register; a household newly split off or new to the lists, without a code yet, gets a new code from the commune officer: write it in this cell.",
            ),
        ),
    ),
    IssueType(
        "household-id-is-count",
        "error",
        "row",
        "'Mã hộ' ghi '{value}', là một số hộ đếm được chứ không phải mã hộ; hộ chưa được tính. Hãy ghi mã hộ của hộ này như trong sổ quản lý hộ nghèo của xã (số hộ của xóm, nếu muốn ghi, để ở dòng cộng cuối danh sách hoặc ở cột 'Ghi chú').",
        "'Mã hộ' is '{value}', a count of households, not a household code; the household is not counted. Write this household's code from the commune's register (a hamlet's count of households, if wanted, belongs on the total line below the list or under 'Ghi chú').",
        # a number of people alone ('95 khẩu', 'Số nhân khẩu: 95'): no count of households
        (
            (
                "people",
                "'Mã hộ' ghi '{value}', là một số nhân khẩu chứ không phải mã hộ; hộ chưa được tính. Hãy ghi mã hộ của hộ này như trong sổ quản lý hộ nghèo của xã (số nhân khẩu của hộ ghi ở cột 'Số nhân khẩu'; số khẩu của cả xóm, nếu muốn ghi, để ở dòng cộng cuối danh sách hoặc ở cột 'Ghi chú').",
                "'Mã hộ' is '{value}', a number of people, not a household code; the household is not counted. Write this household's code from the commune's register (the household's size belongs under 'Số nhân khẩu'; a hamlet's count of people, if wanted, on the total line below the list or under 'Ghi chú').",
            ),
            # a number of people then what they are ('12 người khuyết tật'): a note about
            # the household's members
            (
                "members",
                "'Mã hộ' ghi '{value}', là ghi chú về người trong hộ chứ không phải mã hộ; hộ chưa được tính. Hãy ghi mã hộ của hộ này như trong sổ quản lý hộ nghèo của xã (ghi chú này, nếu muốn ghi, để ở cột 'Ghi chú').",
                "'Mã hộ' is '{value}', a note about the household's members, not a household code; the household is not counted. Write this household's code from the commune's register (the note, if wanted, belongs under 'Ghi chú').",
            ),
        ),
    ),
    # a Mã hộ that is an ID number ('019088776655': a CCCD's 12 digits, or an old CMND's 9;
    # {detail} how many): counted, the code a key as any, but the code is posted publicly, so
    # the head is told to write the commune's code (rosterchecks.ids_as_codes; session 51)
    IssueType(
        "household-id-is-id-number",
        "warning",
        "row",
        "'{column}' ghi '{value}', là một dãy {detail} chữ số như số CCCD/CMND, không phải mã hộ của xã. Mã hộ được niêm yết công khai cùng danh sách hộ, nên không dùng số CCCD/CMND làm mã hộ: hãy ghi vào ô này mã hộ như trong sổ quản lý hộ nghèo của xã (hộ mới chưa có mã thì hỏi cán bộ xã mã hộ mới); số CCCD của chủ hộ, nếu cần, ghi ở cột 'Số định danh cá nhân'. Hộ vẫn được tính.",
        "'{column}' holds '{value}', {detail} digits like a CCCD/CMND ID number, not the commune's household code. Household codes are posted publicly with the list, so an ID number is not used as one: write in this cell the household code from the commune's register (a new household without a code gets one from the commune officer); the head's ID number, if needed, goes under 'Số định danh cá nhân'. The household still counts.",
        (
            # said where the row is left out for another reason (IssueType.uncounted_variant)
            (
                "uncounted",
                "'{column}' ghi '{value}', là một dãy {detail} chữ số như số CCCD/CMND, không phải mã hộ của xã. Mã hộ được niêm yết công khai cùng danh sách hộ, nên không dùng số CCCD/CMND làm mã hộ: hãy ghi vào ô này mã hộ như trong sổ quản lý hộ nghèo của xã (hộ mới chưa có mã thì hỏi cán bộ xã mã hộ mới); số CCCD của chủ hộ, nếu cần, ghi ở cột 'Số định danh cá nhân'.",
                "'{column}' holds '{value}', {detail} digits like a CCCD/CMND ID number, not the commune's household code. Household codes are posted publicly with the list, so an ID number is not used as one: write in this cell the household code from the commune's register (a new household without a code gets one from the commune officer); the head's ID number, if needed, goes under 'Số định danh cá nhân'.",
            ),
            # a CCCD typed into a Number cell, its leading 0 lost ('19088776655', {detail}
            # digits: rosterchecks._ID_AS_NUMBER), counted or not as the plain message
            (
                "number",
                "'{column}' ghi '{value}', là một dãy {detail} chữ số như số CCCD bị mất số 0 ở đầu (ô kiểu số không giữ số 0 ở đầu), không phải mã hộ của xã. Mã hộ được niêm yết công khai cùng danh sách hộ, nên không dùng số CCCD/CMND làm mã hộ: hãy ghi vào ô này mã hộ như trong sổ quản lý hộ nghèo của xã (hộ mới chưa có mã thì hỏi cán bộ xã mã hộ mới); số CCCD của chủ hộ, nếu cần, ghi ở cột 'Số định danh cá nhân'. Hộ vẫn được tính.",
                "'{column}' holds '{value}', {detail} digits like a CCCD ID number that lost its leading 0 (a number cell drops leading zeros), not the commune's household code. Household codes are posted publicly with the list, so an ID number is not used as one: write in this cell the household code from the commune's register (a new household without a code gets one from the commune officer); the head's ID number, if needed, goes under 'Số định danh cá nhân'. The household still counts.",
            ),
            (
                "number-uncounted",
                "'{column}' ghi '{value}', là một dãy {detail} chữ số như số CCCD bị mất số 0 ở đầu (ô kiểu số không giữ số 0 ở đầu), không phải mã hộ của xã. Mã hộ được niêm yết công khai cùng danh sách hộ, nên không dùng số CCCD/CMND làm mã hộ: hãy ghi vào ô này mã hộ như trong sổ quản lý hộ nghèo của xã (hộ mới chưa có mã thì hỏi cán bộ xã mã hộ mới); số CCCD của chủ hộ, nếu cần, ghi ở cột 'Số định danh cá nhân'.",
                "'{column}' holds '{value}', {detail} digits like a CCCD ID number that lost its leading 0 (a number cell drops leading zeros), not the commune's household code. Household codes are posted publicly with the list, so an ID number is not used as one: write in this cell the household code from the commune's register (a new household without a code gets one from the commune officer); the head's ID number, if needed, goes under 'Số định danh cá nhân'.",
            ),
            # a CCCD of a province 001-009 typed into a Number cell, its two leading 0s lost
            # ('1088776655', {detail} digits: rosterchecks._ID_AS_NUMBER_00; session 52)
            (
                "number-two",
                "'{column}' ghi '{value}', là một dãy {detail} chữ số như số CCCD bị mất hai số 0 ở đầu (ô kiểu số không giữ số 0 ở đầu), không phải mã hộ của xã. Mã hộ được niêm yết công khai cùng danh sách hộ, nên không dùng số CCCD/CMND làm mã hộ: hãy ghi vào ô này mã hộ như trong sổ quản lý hộ nghèo của xã (hộ mới chưa có mã thì hỏi cán bộ xã mã hộ mới); số CCCD của chủ hộ, nếu cần, ghi ở cột 'Số định danh cá nhân'. Hộ vẫn được tính.",
                "'{column}' holds '{value}', {detail} digits like a CCCD ID number that lost its two leading 0s (a number cell drops leading zeros), not the commune's household code. Household codes are posted publicly with the list, so an ID number is not used as one: write in this cell the household code from the commune's register (a new household without a code gets one from the commune officer); the head's ID number, if needed, goes under 'Số định danh cá nhân'. The household still counts.",
            ),
            (
                "number-two-uncounted",
                "'{column}' ghi '{value}', là một dãy {detail} chữ số như số CCCD bị mất hai số 0 ở đầu (ô kiểu số không giữ số 0 ở đầu), không phải mã hộ của xã. Mã hộ được niêm yết công khai cùng danh sách hộ, nên không dùng số CCCD/CMND làm mã hộ: hãy ghi vào ô này mã hộ như trong sổ quản lý hộ nghèo của xã (hộ mới chưa có mã thì hỏi cán bộ xã mã hộ mới); số CCCD của chủ hộ, nếu cần, ghi ở cột 'Số định danh cá nhân'.",
                "'{column}' holds '{value}', {detail} digits like a CCCD ID number that lost its two leading 0s (a number cell drops leading zeros), not the commune's household code. Household codes are posted publicly with the list, so an ID number is not used as one: write in this cell the household code from the commune's register (a new household without a code gets one from the commune officer); the head's ID number, if needed, goes under 'Số định danh cá nhân'.",
            ),
            # a telephone number ('0912345678', '+84 912 345 678', a Number cell's 345678901:
            # rosterchecks._is_phone; session 52 review of F's work), counted or not as above
            (
                "phone",
                "'{column}' ghi '{value}', là một số điện thoại, không phải mã hộ của xã. Mã hộ được niêm yết công khai cùng danh sách hộ, nên không dùng số điện thoại làm mã hộ: hãy ghi vào ô này mã hộ như trong sổ quản lý hộ nghèo của xã (hộ mới chưa có mã thì hỏi cán bộ xã mã hộ mới); số điện thoại, nếu cần, ghi ở cột 'Ghi chú'. Hộ vẫn được tính.",
                "'{column}' holds '{value}', a phone number, not the commune's household code. Household codes are posted publicly with the list, so a phone number is not used as one: write in this cell the household code from the commune's register (a new household without a code gets one from the commune officer); a phone number, if needed, goes under 'Ghi chú'. The household still counts.",
            ),
            (
                "phone-uncounted",
                "'{column}' ghi '{value}', là một số điện thoại, không phải mã hộ của xã. Mã hộ được niêm yết công khai cùng danh sách hộ, nên không dùng số điện thoại làm mã hộ: hãy ghi vào ô này mã hộ như trong sổ quản lý hộ nghèo của xã (hộ mới chưa có mã thì hỏi cán bộ xã mã hộ mới); số điện thoại, nếu cần, ghi ở cột 'Ghi chú'.",
                "'{column}' holds '{value}', a phone number, not the commune's household code. Household codes are posted publicly with the list, so a phone number is not used as one: write in this cell the household code from the commune's register (a new household without a code gets one from the commune officer); a phone number, if needed, goes under 'Ghi chú'.",
            ),
            (
                "phone-rows",
                "'{column}' ghi số điện thoại thay cho mã hộ ở {detail}, như '{value}' ở ô {cell}: đó không phải mã hộ của xã. Mã hộ được niêm yết công khai cùng danh sách hộ, nên không dùng số điện thoại làm mã hộ: hãy ghi vào các ô này mã hộ của từng hộ như trong sổ quản lý hộ nghèo của xã (hộ mới chưa có mã thì hỏi cán bộ xã mã hộ mới); số điện thoại, nếu cần, ghi ở cột 'Ghi chú'.",
                "'{column}' holds phone numbers instead of household codes in {detail}, such as '{value}' at {cell}: these are not the commune's household codes. Household codes are posted publicly with the list, so a phone number is not used as one: write in these cells each household's code from the commune's register (a new household without a code gets one from the commune officer); phone numbers, if needed, go under 'Ghi chú'.",
            ),
            # past five rows of one list sheet, said once at the first, naming the rows
            # ({detail}), as the hidden rows are
            (
                "rows",
                "'{column}' ghi số CCCD/CMND thay cho mã hộ ở {detail}, như '{value}' ở ô {cell}: đó không phải mã hộ của xã. Mã hộ được niêm yết công khai cùng danh sách hộ, nên không dùng số CCCD/CMND làm mã hộ: hãy ghi vào các ô này mã hộ của từng hộ như trong sổ quản lý hộ nghèo của xã (hộ mới chưa có mã thì hỏi cán bộ xã mã hộ mới); số CCCD của chủ hộ, nếu cần, ghi ở cột 'Số định danh cá nhân'.",
                "'{column}' holds CCCD/CMND ID numbers instead of household codes in {detail}, such as '{value}' at {cell}: these are not the commune's household codes. Household codes are posted publicly with the list, so an ID number is not used as one: write in these cells each household's code from the commune's register (a new household without a code gets one from the commune officer); the heads' ID numbers, if needed, go under 'Số định danh cá nhân'.",
            ),
        ),
    ),
    # a head's name under 'Mã hộ' and a code under the name (validate._swapped_code_and_name):
    # read back in place, the household counted under its code (session 43)
    IssueType(
        "code-and-name-swapped",
        "warning",
        "row",
        "'Mã hộ' ghi '{value}', là họ tên, còn ô {instead} (cột 'Họ và tên chủ hộ') ghi '{detail}', là mã hộ: hai ô bị ghi đảo chỗ cho nhau. Xã đã hiểu là hộ {detail}, chủ hộ {value}, và hộ vẫn được tính. Hãy ghi mã hộ vào cột 'Mã hộ' và họ tên vào cột 'Họ và tên chủ hộ'.",
        "'Mã hộ' is '{value}', a name, and cell {instead} ('Họ và tên chủ hộ') holds '{detail}', a household code: the two were written in each other's place. Read as household {detail}, head {value}; the household still counts. Write the code under 'Mã hộ' and the name under 'Họ và tên chủ hộ'.",
        # said where the row is left out for another reason (IssueType.uncounted_variant; session 48)
        variants=(
            (
                "uncounted",
                "'Mã hộ' ghi '{value}', là họ tên, còn ô {instead} (cột 'Họ và tên chủ hộ') ghi '{detail}', là mã hộ: hai ô bị ghi đảo chỗ cho nhau. Hãy ghi mã hộ vào cột 'Mã hộ' và họ tên vào cột 'Họ và tên chủ hộ'.",
                "'Mã hộ' is '{value}', a name, and cell {instead} ('Họ và tên chủ hộ') holds '{detail}', a household code: the two were written in each other's place. Write the code under 'Mã hộ' and the name under 'Họ và tên chủ hộ'.",
            ),
        ),
    ),
    # a household's row typed one column to the right of its headers from cell {cell} on
    # ({instead}: the first cell so typed; {detail}: what the cells that tell it hold):
    # said once at its first cell, the row's other lines from that cell on not said
    # (misplaced.rows_shifted; session 49)
    IssueType(
        "row-shifted",
        "error",
        "row",
        "Từ ô {instead} trở đi, dòng này có vẻ bị ghi lệch sang phải một cột so với tiêu đề: {detail}. Hãy chọn các ô từ {instead} đến hết dòng, cắt (Ctrl+X) rồi dán (Ctrl+V) vào ô {cell} để mỗi giá trị về đúng cột của nó (hộ này tạm chưa được tính).",
        "From cell {instead} on, this row seems typed one column to the right of its headers: {detail}. Select the cells from {instead} to the end of the row, cut (Ctrl+X) and paste (Ctrl+V) them at {cell} so that each value is under its own header (this household is left out until then).",
        # typed one column to the left from {cell} on (a value not known not left empty):
        # {instead} is where the cells go
        (
            (
                "left",
                "Từ ô {cell} trở đi, dòng này có vẻ bị ghi lệch sang trái một cột so với tiêu đề: {detail}. Hãy chọn các ô từ {cell} đến hết dòng, cắt (Ctrl+X) rồi dán (Ctrl+V) vào ô {instead} để mỗi giá trị về đúng cột của nó, rồi ghi ô {cell} ('{column}') nếu có, hoặc để trống (hộ này tạm chưa được tính).",
                "From cell {cell} on, this row seems typed one column to the left of its headers: {detail}. Select the cells from {cell} to the end of the row, cut (Ctrl+X) and paste (Ctrl+V) them at {instead} so that each value is under its own header, then fill {cell} ('{column}') if known, or leave it empty (this household is left out until then).",
            ),
        ),
    ),
    IssueType(
        "marks-shifted",
        "warning",
        "row",
        "Từ ô {instead} trở đi, dòng này có vẻ bị ghi lệch sang phải một cột so với tiêu đề: {detail}. Hãy chọn các ô từ {instead} đến hết dòng, cắt (Ctrl+X) rồi dán (Ctrl+V) vào ô {cell} để mỗi giá trị về đúng cột của nó. Hộ vẫn được tính, nhưng các chỉ số thiếu hụt, nguyên nhân, nhóm đối tượng và nhu cầu ghi từ ô {cell} trở đi tạm chưa được tính.",
        "From cell {instead} on, this row seems typed one column to the right of its headers: {detail}. Select the cells from {instead} to the end of the row, cut (Ctrl+X) and paste (Ctrl+V) them at {cell} so that each value is under its own header. The household still counts, but its deprivations, causes, groups and needs from {cell} on are left out until then.",
        # the row left out for another reason (rosterchecks.counted_not_said)
        (
            # the skipped cell one of two runs of cells not marked: {cell} the first mark
            # cell, {instead} the last
            (
                "start-unknown",
                "Dòng này có vẻ bị ghi lệch sang phải một cột, bắt đầu từ một ô nào đó trong các ô dấu thiếu hụt từ {cell} đến {instead}: {detail}. Hãy đối chiếu các dấu từ ô {cell} với phiếu của hộ để tìm ô đã bị bỏ qua, chọn ô đó, bấm chuột phải, chọn Delete (Xóa) rồi Shift cells left (dịch các ô sang trái) để mỗi giá trị về đúng cột của nó. Hộ vẫn được tính, nhưng các chỉ số thiếu hụt, nguyên nhân, nhóm đối tượng và nhu cầu của hộ tạm chưa được tính.",
                "This row seems typed one column to the right of its headers, from one of the deprivation mark cells {cell} to {instead} on: {detail}. Compare the marks from {cell} on with the household's form to find the cell skipped, select it, right-click, Delete and Shift cells left so that each value is under its own header. The household still counts, but its deprivations, causes, groups and needs are left out until then.",
            ),
            (
                "start-unknown-uncounted",
                "Dòng này có vẻ bị ghi lệch sang phải một cột, bắt đầu từ một ô nào đó trong các ô dấu thiếu hụt từ {cell} đến {instead}: {detail}. Hãy đối chiếu các dấu từ ô {cell} với phiếu của hộ để tìm ô đã bị bỏ qua, chọn ô đó, bấm chuột phải, chọn Delete (Xóa) rồi Shift cells left (dịch các ô sang trái) để mỗi giá trị về đúng cột của nó.",
                "This row seems typed one column to the right of its headers, from one of the deprivation mark cells {cell} to {instead} on: {detail}. Compare the marks from {cell} on with the household's form to find the cell skipped, select it, right-click, Delete and Shift cells left so that each value is under its own header.",
            ),
            (
                "uncounted",
                "Từ ô {instead} trở đi, dòng này có vẻ bị ghi lệch sang phải một cột so với tiêu đề: {detail}. Hãy chọn các ô từ {instead} đến hết dòng, cắt (Ctrl+X) rồi dán (Ctrl+V) vào ô {cell} để mỗi giá trị về đúng cột của nó.",
                "From cell {instead} on, this row seems typed one column to the right of its headers: {detail}. Select the cells from {instead} to the end of the row, cut (Ctrl+X) and paste (Ctrl+V) them at {cell} so that each value is under its own header.",
            ),
            # the last mark not deprived: the skipped cell one of the marks not deprived or the
            # cause's (session 50): {cell} the first mark cell, {instead} the cause's
            (
                "start-unknown-cause",
                "Dòng này có vẻ bị ghi lệch sang phải một cột, bắt đầu từ một ô nào đó từ ô {cell} (dấu thiếu hụt đầu tiên) đến ô {instead} ('Nguyên nhân nghèo'): {detail}. Hãy đối chiếu các dấu từ ô {cell} và nguyên nhân nghèo với phiếu của hộ để tìm ô đã bị bỏ qua, chọn ô đó, bấm chuột phải, chọn Delete (Xóa) rồi Shift cells left (dịch các ô sang trái) để mỗi giá trị về đúng cột của nó. Hộ vẫn được tính, nhưng các chỉ số thiếu hụt, nguyên nhân, nhóm đối tượng và nhu cầu của hộ tạm chưa được tính.",
                "This row seems typed one column to the right of its headers, from one of the cells {cell} (the first deprivation mark) to {instead} ('Nguyên nhân nghèo') on: {detail}. Compare the marks from {cell} on and the cause with the household's form to find the cell skipped, select it, right-click, Delete and Shift cells left so that each value is under its own header. The household still counts, but its deprivations, causes, groups and needs are left out until then.",
            ),
            (
                "start-unknown-cause-uncounted",
                "Dòng này có vẻ bị ghi lệch sang phải một cột, bắt đầu từ một ô nào đó từ ô {cell} (dấu thiếu hụt đầu tiên) đến ô {instead} ('Nguyên nhân nghèo'): {detail}. Hãy đối chiếu các dấu từ ô {cell} và nguyên nhân nghèo với phiếu của hộ để tìm ô đã bị bỏ qua, chọn ô đó, bấm chuột phải, chọn Delete (Xóa) rồi Shift cells left (dịch các ô sang trái) để mỗi giá trị về đúng cột của nó.",
                "This row seems typed one column to the right of its headers, from one of the cells {cell} (the first deprivation mark) to {instead} ('Nguyên nhân nghèo') on: {detail}. Compare the marks from {cell} on and the cause with the household's form to find the cell skipped, select it, right-click, Delete and Shift cells left so that each value is under its own header.",
            ),
            # the marks typed one column to the left, the first under the income (session 50):
            # {cell} the income's cell, {instead} the first mark's
            (
                "left",
                "Từ ô {cell} trở đi, dòng này có vẻ bị ghi lệch sang trái một cột so với tiêu đề: {detail}. Hãy chọn các ô từ {cell} đến hết dòng, cắt (Ctrl+X) rồi dán (Ctrl+V) vào ô {instead} để mỗi giá trị về đúng cột của nó, rồi ghi thu nhập của hộ vào ô {cell}. Hộ vẫn được tính, nhưng thu nhập, các chỉ số thiếu hụt, nguyên nhân, nhóm đối tượng và nhu cầu của hộ tạm chưa được tính.",
                "From cell {cell} on, this row seems typed one column to the left of its headers: {detail}. Select the cells from {cell} to the end of the row, cut (Ctrl+X) and paste (Ctrl+V) them at {instead} so that each value is under its own header, then write the household's income in {cell}. The household still counts, but its income, deprivations, causes, groups and needs are left out until then.",
            ),
            (
                "left-uncounted",
                "Từ ô {cell} trở đi, dòng này có vẻ bị ghi lệch sang trái một cột so với tiêu đề: {detail}. Hãy chọn các ô từ {cell} đến hết dòng, cắt (Ctrl+X) rồi dán (Ctrl+V) vào ô {instead} để mỗi giá trị về đúng cột của nó, rồi ghi thu nhập của hộ vào ô {cell}.",
                "From cell {cell} on, this row seems typed one column to the left of its headers: {detail}. Select the cells from {cell} to the end of the row, cut (Ctrl+X) and paste (Ctrl+V) them at {instead} so that each value is under its own header, then write the household's income in {cell}.",
            ),
        ),
    ),
    IssueType(
        "duplicate-household-id",
        "error",
        "row",
        "Mã hộ '{value}' bị trùng với {detail}. Nếu là cùng một hộ, chỉ giữ một dòng (ở xóm nơi hộ đang sống); nếu là hai hộ khác nhau, hãy sửa mã của hộ ghi sai theo sổ quản lý hộ nghèo của xã (các dòng này tạm chưa được tính).",
        "Household code '{value}' is also used at {detail}. If it is one household, keep only one row (in the hamlet where it lives); if they are different households, correct the wrong code from the commune's register (these rows are left out until then).",
        # every other use in the same hamlet's list: which hamlet to keep it in is no question
        (
            (
                "one-hamlet",
                "Mã hộ '{value}' bị trùng với {detail}. Nếu là cùng một hộ được ghi nhiều lần, hãy xóa các dòng thừa, chỉ giữ một dòng; nếu là hai hộ khác nhau, hãy sửa mã của hộ ghi sai theo sổ quản lý hộ nghèo của xã (các dòng này tạm chưa được tính).",
                "Household code '{value}' is also used at {detail}. If it is one household written more than once, delete the extra rows and keep one; if they are different households, correct the wrong code from the commune's register (these rows are left out until then).",
            ),
            # ... two rows of one list under two heads' names (a household split off written
            # under its parent's code, or one whose head changed with its old row left in: the
            # list cannot tell; session 51 and its review): {instead} both names ("dòng này
            # ghi 'A', dòng 10 ghi 'B'")
            (
                "one-hamlet-heads",
                "Mã hộ '{value}' cũng được ghi ở {detail} cho một chủ hộ khác ({instead}). Nếu là hai hộ khác nhau (như hộ mới tách hộ), mỗi hộ phải có mã riêng: hãy giữ mã này ở dòng của hộ đã có mã này trong sổ quản lý hộ nghèo của xã, và ghi cho hộ kia mã của hộ đó; hộ mới tách hộ hay mới phát sinh chưa có mã thì hãy hỏi cán bộ xã mã hộ mới rồi ghi vào. Nếu là cùng một hộ (như hộ đã đổi chủ hộ), hãy xóa dòng thừa, chỉ giữ dòng ghi chủ hộ hiện nay (các dòng này tạm chưa được tính).",
                "Household code '{value}' is also written at {detail} for another head ({instead}). If they are two households (such as one newly split off), each needs its own code: keep this code on the row of the household the commune's register gives it to, and write the other household's own code on its row; a household newly split off or new to the lists, without a code yet, gets a new code from the commune officer. If it is one household (its head changed, say), delete the extra row and keep the one naming the present head (these rows are left out until then).",
            ),
            # written apart only by leading zeros ('01001' beside 1001): the detail names the
            # other code as written, the message why the two are one
            (
                "leading-zeros",
                "Mã hộ '{value}' trùng với {detail} (số 0 ở đầu mã không được tính: Excel hay bỏ số 0 ở đầu khi ô là số). Hãy sửa để mỗi hộ một mã, theo sổ quản lý hộ nghèo của xã (các dòng này tạm chưa được tính).",
                "Household code '{value}' is the same as {detail} (leading zeros do not count: Excel often drops the leading zeros of a code typed as a number). Correct them so that each household has one code, as in the commune's register (these rows are left out until then).",
            ),
            # in two hamlets' lists, the lists compared with having it in one alone under the
            # same head as the other's row (moves.duplicate_moved, session 50): the household
            # moved, still on its old list; at the old list's row, {instead} the hamlet it
            # moved to
            (
                "moved-away",
                "Mã hộ '{value}' bị trùng với {detail}, cùng chủ hộ. Hộ có trong danh sách trước của xóm {hamlet}, nay xóm {instead} ghi hộ vào danh sách của mình: hộ đã chuyển sang xóm {instead}. Hãy xóa dòng này khỏi danh sách của xóm {hamlet} (không ghi 'Thoát': xóm {instead} giữ dòng của hộ, với Mã hộ cũ). Nếu hộ chưa chuyển đi, hãy báo xã để xóm {instead} xóa dòng của hộ (các dòng này tạm chưa được tính).",
                "Household code '{value}' is also used at {detail}, for the same head. The household was on hamlet {hamlet}'s earlier list and hamlet {instead} now lists it: it moved to hamlet {instead}. Delete this row from hamlet {hamlet}'s list (do not write 'Thoát': hamlet {instead} keeps the household's row, under its old code). If it has not moved, tell the commune so that hamlet {instead} deletes its row (these rows are left out until then).",
            ),
            # ... at the new list's row, {instead} the old list ('danh sách tháng 4/2024 của
            # xóm Nà Mòn')
            (
                "moved-in",
                "Mã hộ '{value}' bị trùng với {detail}, cùng chủ hộ. Hộ có trong {instead}, nay xóm {hamlet} ghi hộ vào danh sách của mình: hộ đã chuyển đến xóm {hamlet}. Hãy giữ nguyên dòng này; xóm cũ của hộ cần xóa dòng của hộ khỏi danh sách của xóm đó (không ghi 'Thoát'). Nếu hộ chưa chuyển đến, hãy xóa dòng này (các dòng này tạm chưa được tính).",
                "Household code '{value}' is also used at {detail}, for the same head. The household is on {instead}, and hamlet {hamlet} now lists it: it moved to hamlet {hamlet}. Keep this row; the household's old hamlet deletes its row from its list (without 'Thoát'). If it has not moved here, delete this row (these rows are left out until then).",
            ),
            # ... the two rows one ID number under two heads' names (the old head died, the
            # spouse heads it now; session 50): at the old list's row, {instead} both heads
            # ("dòng này ghi 'Hoàng Văn NM3', xóm Đồng Kè ghi 'Lò Thị Lan'")
            (
                "moved-away-id",
                "Mã hộ '{value}' bị trùng với {detail}, cùng số CCCD/định danh của chủ hộ, tên chủ hộ khác: {instead}. Hộ có trong danh sách trước của xóm {hamlet}, nay xóm kia ghi hộ vào danh sách của mình (có thể hộ đã đổi chủ hộ): hộ đã chuyển đi. Hãy xóa dòng này khỏi danh sách của xóm {hamlet} (không ghi 'Thoát': xóm kia giữ dòng của hộ, với Mã hộ cũ). Nếu hộ chưa chuyển đi, hoặc đây là hai hộ khác nhau, hãy báo xã (các dòng này tạm chưa được tính).",
                "Household code '{value}' is also used at {detail}, under the same head's ID number but another head's name: {instead}. The household was on hamlet {hamlet}'s earlier list and the other hamlet now lists it (perhaps under a new head): it moved away. Delete this row from hamlet {hamlet}'s list (do not write 'Thoát': the other hamlet keeps the household's row, under its old code). If it has not moved, or these are two households, tell the commune (these rows are left out until then).",
            ),
            # ... a code on neither list compared with, one of whose lists had the head under
            # another code (moves._kept_under_other_code, session 51): at that list's row, {instead}
            # the old code quoted; the new list's row is 'moved-in', its {instead} naming it
            (
                "moved-away-code",
                "Mã hộ '{value}' bị trùng với {detail}, cùng chủ hộ. Hộ có trong danh sách trước của xóm {hamlet} với Mã hộ khác ({instead}), nay xóm kia ghi hộ vào danh sách của mình: hộ đã chuyển đi. Hãy xóa dòng này khỏi danh sách của xóm {hamlet} (không ghi 'Thoát': xóm kia giữ dòng của hộ). Nếu hộ chưa chuyển đi, hãy báo xã để xóm kia xóa dòng của hộ (các dòng này tạm chưa được tính).",
                "Household code '{value}' is also used at {detail}, for the same head. The household was on hamlet {hamlet}'s earlier list under another code ({instead}), and the other hamlet now lists it: it moved away. Delete this row from hamlet {hamlet}'s list (do not write 'Thoát': the other hamlet keeps the household's row). If it has not moved, tell the commune so that the other hamlet deletes its row (these rows are left out until then).",
            ),
            # ... the head found there by its ID number alone, its name then another (a
            # spouse heading the household now; session 51): both heads named, {instead}
            # "dòng này ghi 'Hoàng Thị Lan', danh sách đó ghi 'Hoàng Văn NM3' với Mã hộ 'NM3'"
            (
                "moved-away-code-id",
                "Mã hộ '{value}' bị trùng với {detail}, cùng chủ hộ. Số CCCD/định danh của chủ hộ có trong danh sách trước của xóm {hamlet} với Mã hộ khác, tên chủ hộ khác: {instead}. Hộ có trong danh sách đó, nay xóm kia ghi hộ vào danh sách của mình (có thể hộ đã đổi chủ hộ): hộ đã chuyển đi. Hãy xóa dòng này khỏi danh sách của xóm {hamlet} (không ghi 'Thoát': xóm kia giữ dòng của hộ). Nếu hộ chưa chuyển đi, hoặc đây là hai hộ khác nhau, hãy báo xã (các dòng này tạm chưa được tính).",
                "Household code '{value}' is also used at {detail}, for the same head. The head's ID number is on hamlet {hamlet}'s earlier list under another code and another head's name: {instead}. The household is on that list, and the other hamlet now lists it (perhaps under a new head): it moved away. Delete this row from hamlet {hamlet}'s list (do not write 'Thoát': the other hamlet keeps the household's row). If it has not moved, or these are two households, tell the commune (these rows are left out until then).",
            ),
            # ... at the new list's row, {instead} both heads, the old list named ("dòng này ghi
            # 'Hoàng Thị Lan', danh sách tháng 4/2024 của xóm Nà Mòn ghi 'Hoàng Văn NM3' với
            # Mã hộ 'NM3'")
            (
                "moved-in-code-id",
                "Mã hộ '{value}' bị trùng với {detail}, cùng chủ hộ. Số CCCD/định danh của chủ hộ có trong danh sách trước với Mã hộ khác, tên chủ hộ khác: {instead}. Hộ có trong danh sách đó, nay xóm {hamlet} ghi hộ vào danh sách của mình (có thể hộ đã đổi chủ hộ): hộ đã chuyển đến xóm {hamlet}. Hãy giữ nguyên dòng này; xóm cũ của hộ cần xóa dòng của hộ khỏi danh sách của xóm đó (không ghi 'Thoát'). Nếu hộ chưa chuyển đến, hãy xóa dòng này; nếu đây là hai hộ khác nhau, hãy sửa số định danh của chủ hộ ghi sai theo sổ quản lý hộ nghèo của xã (các dòng này tạm chưa được tính).",
                "Household code '{value}' is also used at {detail}, for the same head. The head's ID number is on an earlier list under another code and another head's name: {instead}. The household is on that list, and hamlet {hamlet} now lists it (perhaps under a new head): it moved to hamlet {hamlet}. Keep this row; the household's old hamlet deletes its row from its list (without 'Thoát'). If it has not moved here, delete this row; if these are two households, correct the wrong ID number from the commune's register (these rows are left out until then).",
            ),
            # ... a code on neither list compared with, a row's 'Ghi chú' telling the move
            # ('Chuyển đến từ xóm Nà Mòn' on the new row, 'Chuyển sang xóm Đồng Kè' on the old;
            # session 51): at the old hamlet's row, {instead} the note quoted ("dòng kia ghi
            # 'Ghi chú': '…'")
            (
                "moved-away-said",
                "Mã hộ '{value}' bị trùng với {detail}, cùng chủ hộ. Hộ không có trong danh sách trước của hai xóm, nhưng {instead}: hộ đã chuyển từ xóm {hamlet} sang xóm kia. Hãy xóa dòng này khỏi danh sách của xóm {hamlet} (không ghi 'Thoát': xóm kia giữ dòng của hộ). Nếu hộ chưa chuyển đi, hãy báo xã để xóm kia xóa dòng của hộ (các dòng này tạm chưa được tính).",
                "Household code '{value}' is also used at {detail}, for the same head. The household is on neither hamlet's earlier list, but {instead}: it moved from hamlet {hamlet} to the other hamlet. Delete this row from hamlet {hamlet}'s list (do not write 'Thoát': the other hamlet keeps the household's row). If it has not moved, tell the commune so that the other hamlet deletes its row (these rows are left out until then).",
            ),
            # ... at the new hamlet's row
            (
                "moved-in-said",
                "Mã hộ '{value}' bị trùng với {detail}, cùng chủ hộ. Hộ không có trong danh sách trước của hai xóm, nhưng {instead}: hộ đã chuyển đến xóm {hamlet}. Hãy giữ nguyên dòng này; xóm cũ của hộ cần xóa dòng của hộ khỏi danh sách của xóm đó (không ghi 'Thoát'). Nếu hộ chưa chuyển đến, hãy xóa dòng này (các dòng này tạm chưa được tính).",
                "Household code '{value}' is also used at {detail}, for the same head. The household is on neither hamlet's earlier list, but {instead}: it moved to hamlet {hamlet}. Keep this row; the household's old hamlet deletes its row from its list (without 'Thoát'). If it has not moved here, delete this row (these rows are left out until then).",
            ),
            # ... nothing telling which is its hamlet (session 51): both rows asked, {instead}
            # naming this row's file, row and head beside the other's head
            (
                "new-both",
                "Mã hộ '{value}' bị trùng với {detail}: {instead}. Mã hộ này không có trong danh sách trước của cả hai xóm, nên chưa biết hộ đang sống ở xóm nào. Hãy so họ tên, năm sinh, số định danh của chủ hộ ở hai dòng và hỏi trưởng hai xóm: nếu là cùng một hộ, chỉ giữ dòng ở xóm nơi hộ đang sống, xóa dòng kia (không ghi 'Thoát'); nếu là hai hộ khác nhau, hãy sửa mã của hộ ghi sai theo sổ quản lý hộ nghèo của xã (các dòng này tạm chưa được tính).",
                "Household code '{value}' is also used at {detail}: {instead}. This code is on neither hamlet's earlier list, so where the household lives is not known. Compare the heads' names, birth years and ID numbers on the two rows and ask both hamlet heads: if it is one household, keep only the row of the hamlet where it lives and delete the other (without 'Thoát'); if they are different households, correct the wrong code from the commune's register (these rows are left out until then).",
            ),
            # ... the start list giving it to one row's household, the other row's under another
            # code in its own hamlet: that list is written in last year's codes (renumbered at
            # the year's turn; moves.duplicate_renumbered, session 53). At that list's row,
            # {instead} "theo danh sách đầu năm 2025, mã này là mã của hộ 'Hà Thị Dung' xóm Bản
            # Cọ, còn hộ này ('Lò Văn An') nay có mã '004'"
            (
                "renumbered-old",
                "Mã hộ '{value}' bị trùng với {detail}: {instead}. Danh sách của xóm {hamlet} có lẽ còn ghi mã hộ năm trước (mã hộ đã được đánh lại từ đầu năm). Hãy ghi lại cột 'Mã hộ' của danh sách theo mã mới của từng hộ trong danh sách đầu năm (không sửa ô 'Xóm') rồi gửi lại: khi đó cả hai dòng đều được tính (các dòng này tạm chưa được tính).",
                "Household code '{value}' is also used at {detail}: {instead}. Hamlet {hamlet}'s list seems still written in last year's codes (the codes were renumbered at the start of the year). Write the list's 'Mã hộ' column again with each household's new code on the start-of-year list (do not change the 'Xóm' cell) and send it again: both rows count then (these rows are left out until then).",
            ),
            # ... at the start list's row, {instead} "theo danh sách đầu năm 2025, mã này là mã
            # của hộ này ('Hà Thị Dung'), còn hộ 'Lò Văn An' ở dòng đó của xóm Nà Mòn nay có mã
            # '004'"
            (
                "renumbered-new",
                "Mã hộ '{value}' bị trùng với {detail}: {instead}. Danh sách của xóm kia có lẽ còn ghi mã hộ năm trước (mã hộ đã được đánh lại từ đầu năm). Dòng này ghi đúng mã: hãy giữ nguyên; xóm kia cần ghi lại cột 'Mã hộ' theo danh sách đầu năm rồi gửi lại, khi đó cả hai dòng đều được tính (các dòng này tạm chưa được tính).",
                "Household code '{value}' is also used at {detail}: {instead}. The other list seems still written in last year's codes (the codes were renumbered at the start of the year). This row writes the right code: keep it; the other hamlet writes its 'Mã hộ' column again from the start-of-year list and sends it again, and both rows count then (these rows are left out until then).",
            ),
            # ... the row's household not under that code last year (a one-row slip, mid-year
            # say): that row's code to correct, no word of last year's codes (session 53)
            (
                "slip-old",
                "Mã hộ '{value}' bị trùng với {detail}: {instead}. Dòng này có lẽ ghi nhầm mã hộ. Hãy sửa ô 'Mã hộ' của dòng này theo mã của hộ trong danh sách đầu năm (không sửa ô 'Xóm') rồi gửi lại: khi đó cả hai dòng đều được tính (các dòng này tạm chưa được tính).",
                "Household code '{value}' is also used at {detail}: {instead}. This row seems to write the wrong code. Correct this row's 'Mã hộ' to the household's code on the start-of-year list (do not change the 'Xóm' cell) and send it again: both rows count then (these rows are left out until then).",
            ),
            (
                "slip-new",
                "Mã hộ '{value}' bị trùng với {detail}: {instead}. Dòng đó có lẽ ghi nhầm mã hộ. Dòng này ghi đúng mã: hãy giữ nguyên; xóm kia cần sửa ô 'Mã hộ' của dòng đó theo danh sách đầu năm rồi gửi lại, khi đó cả hai dòng đều được tính (các dòng này tạm chưa được tính).",
                "Household code '{value}' is also used at {detail}: {instead}. That row seems to write the wrong code. This row writes the right code: keep it; the other hamlet corrects that row's 'Mã hộ' from the start-of-year list and sends it again, and both rows count then (these rows are left out until then).",
            ),
            # ... one row 'Thoát' of the other hamlet's household, which that hamlet's list
            # still has (the lists compared with had it there, never here): the lists
            # contradict each other (moves.duplicate_exited, session 60). At the 'Thoát' row,
            # {instead} the list that had it there ('danh sách tháng 4/2024')
            (
                "thoat-of-other",
                "Mã hộ '{value}' bị trùng với {detail}, cùng chủ hộ. Dòng này ghi hộ 'Thoát', nhưng hộ là hộ của xóm kia ({instead} ghi hộ ở xóm đó) và danh sách kỳ này của xóm đó vẫn ghi hộ là hộ nghèo hoặc cận nghèo: hai danh sách trái nhau, nên cả hai dòng tạm chưa được tính. Dòng 'Thoát' của một hộ chỉ ghi trong danh sách của xóm có hộ: hãy xóa dòng này khỏi danh sách của xóm {hamlet}. Nếu hộ đã thoát nghèo, xóm kia ghi Phân loại hộ 'Thoát' ở dòng của hộ (giữ nguyên Mã hộ). Nếu ghi nhầm Mã hộ (hộ là của xóm {hamlet}), hãy sửa lại Mã hộ cho đúng.",
                "Household code '{value}' is also used at {detail}, for the same head. This row marks it 'Thoát', but the household is the other hamlet's ({instead} lists it there) and that hamlet's list of this period still lists it as poor or near-poor: the two lists contradict each other, so both rows are left out for now. A household's 'Thoát' row is written only on its own hamlet's list: delete this row from hamlet {hamlet}'s list. If the household has left poverty, the other hamlet writes Phân loại hộ 'Thoát' on its row (under the same Mã hộ). If the Mã hộ is mistyped (the household is hamlet {hamlet}'s), correct it.",
            ),
            # ... at the other hamlet's row, still listing it
            (
                "thoat-elsewhere",
                "Mã hộ '{value}' bị trùng với {detail}, cùng chủ hộ, dòng đó ghi hộ 'Thoát'. Hộ là hộ của xóm {hamlet} ({instead} ghi hộ ở xóm {hamlet}) và dòng này vẫn ghi hộ là hộ nghèo hoặc cận nghèo: hai danh sách trái nhau, nên cả hai dòng tạm chưa được tính. Xóm kia cần xóa dòng 'Thoát' của hộ. Nếu hộ vẫn là hộ nghèo hoặc cận nghèo, hãy giữ nguyên dòng này; nếu hộ đã thoát nghèo, hãy ghi Phân loại hộ 'Thoát' ở dòng này (giữ nguyên Mã hộ).",
                "Household code '{value}' is also used at {detail}, for the same head, a row marking it 'Thoát'. The household is hamlet {hamlet}'s ({instead} lists it in hamlet {hamlet}) and this row still lists it as poor or near-poor: the two lists contradict each other, so both rows are left out for now. The other hamlet deletes its 'Thoát' row. If the household is still poor or near-poor, keep this row; if it has left poverty, write Phân loại hộ 'Thoát' on this row (under the same Mã hộ).",
            ),
            # a row whose head's ID number a row of another hamlet's list writes, that
            # one the year's start list's household of its hamlet under its code ({instead}),
            # this row's code on no row of it: left out, the household counted there
            # (rosterchecks.kept_by_start_list; session 57)
            (
                "start-list-other",
                "Hộ Mã hộ '{value}' có cùng số định danh của chủ hộ với {detail}, Mã hộ '{instead}': có lẽ là cùng một hộ được ghi ở hai xóm. Danh sách đầu năm ghi hộ đó ở xóm kia với Mã hộ '{instead}', nên xã tạm tính hộ ở xóm kia; dòng này chưa được tính (một hộ chỉ được tính một lần). Đề nghị hai xóm xác nhận hộ đang sống ở xóm nào: nếu hộ ở xóm {hamlet}, hãy báo xã để sửa danh sách đầu năm và xóm kia xóa dòng của hộ, rồi tổng hợp lại; nếu hộ ở xóm kia, hãy xóa dòng này (không ghi 'Thoát').",
                "Household Mã hộ '{value}' has the same head's ID number as {detail}, Mã hộ '{instead}': perhaps one household written in two hamlets. The start-of-year list has it in the other hamlet under Mã hộ '{instead}', so for now the commune counts it there; this row is left out (one household is counted once). Ask both hamlets where the household lives: if in hamlet {hamlet}, tell the commune so that the start-of-year list is corrected and the other hamlet deletes its row, then consolidate again; if in the other hamlet, delete this row (do not write 'Thoát').",
            ),
            # ... its 'Ghi chú' saying the household moved in ('Chuyển đến từ xóm Bản Cọ'): a
            # move within the year its old hamlet has not written yet; the start list is right
            # (session 57, B2)
            (
                "start-list-other-moved",
                "Hộ Mã hộ '{value}' (ghi chú chuyển đến) có cùng số định danh của chủ hộ với {detail}, Mã hộ '{instead}': có lẽ là cùng một hộ. Danh sách đầu năm ghi hộ ở xóm kia với Mã hộ '{instead}' và danh sách kỳ này của xóm kia vẫn ghi hộ, nên xã tạm tính hộ ở xóm kia; dòng này chưa được tính (một hộ chỉ được tính một lần). Nếu hộ đã chuyển đến xóm {hamlet}, giữ nguyên dòng này và đề nghị xóm kia xóa dòng của hộ (không ghi 'Thoát'), rồi tổng hợp lại; không cần sửa danh sách đầu năm. Nếu hộ chưa chuyển đến, hãy xóa dòng này.",
                "Household Mã hộ '{value}' (noted as moved in) has the same head's ID number as {detail}, Mã hộ '{instead}': perhaps one household. The start-of-year list has it in the other hamlet under Mã hộ '{instead}' and that hamlet's list of this period still writes it, so for now the commune counts it there; this row is left out (one household is counted once). If the household has moved to hamlet {hamlet}, keep this row and ask the other hamlet to delete its row (not 'Thoát'), then run again; the start-of-year list needs no correction. If it has not moved in, delete this row.",
            ),
            # ... at the new list's row, {instead} both heads, the old list named
            # ("dòng này ghi 'Lò Thị Lan', danh sách tháng 4/2024 của xóm Nà Mòn ghi 'Hoàng Văn NM3'")
            (
                "moved-in-id",
                "Mã hộ '{value}' bị trùng với {detail}, cùng số CCCD/định danh của chủ hộ, tên chủ hộ khác: {instead}. Hộ có trong danh sách đó, nay xóm {hamlet} ghi hộ vào danh sách của mình (có thể hộ đã đổi chủ hộ): hộ đã chuyển đến xóm {hamlet}. Hãy giữ nguyên dòng này; xóm cũ của hộ cần xóa dòng của hộ khỏi danh sách của xóm đó (không ghi 'Thoát'). Nếu hộ chưa chuyển đến, hãy xóa dòng này; nếu đây là hai hộ khác nhau, hãy sửa số định danh và mã của hộ ghi sai theo sổ quản lý hộ nghèo của xã (các dòng này tạm chưa được tính).",
                "Household code '{value}' is also used at {detail}, under the same head's ID number but another head's name: {instead}. The household is on that list, and hamlet {hamlet} now lists it (perhaps under a new head): it moved to hamlet {hamlet}. Keep this row; the household's old hamlet deletes its row from its list (without 'Thoát'). If it has not moved here, delete this row; if these are two households, correct the wrong ID number and code from the commune's register (these rows are left out until then).",
            ),
        ),
    ),
    IssueType(
        "duplicate-id-number",
        "warning",
        "row",
        "Số định danh '{value}' trùng với {detail}, là hộ có mã khác. Nếu là cùng một hộ được ghi nhiều lần, hãy chỉ giữ một dòng (hộ đang bị tính nhiều lần); nếu không, hãy sửa số định danh cho đúng.",
        "ID number '{value}' is also written at {detail}, for a household with another code. If it is one household written more than once, keep only one row (it is counted more than once); otherwise correct the ID number.",
        # the row the year's start list has in its hamlet under its code, the other
        # hamlet's row under a code on no row of it left out ({instead}: its code; that row
        # 'duplicate-household-id' 'start-list-other'; rosterchecks.kept_by_start_list,
        # session 57)
        (
            (
                "start-list-kept",
                "Số định danh '{value}' trùng với {detail}, Mã hộ '{instead}': có lẽ là cùng một hộ được ghi ở hai xóm. Danh sách đầu năm ghi hộ ở xóm {hamlet} với Mã hộ của dòng này, nên xã tính hộ ở xóm {hamlet}; dòng kia tạm chưa được tính (một hộ chỉ được tính một lần). Đề nghị hai xóm xác nhận hộ đang sống ở xóm nào: nếu ở xóm {hamlet}, giữ nguyên dòng này, xóm kia xóa dòng của hộ; nếu hộ đã chuyển sang xóm kia, hãy xóa dòng này (không ghi 'Thoát') và báo xã để sửa danh sách đầu năm.",
                "ID number '{value}' is also written at {detail}, under Mã hộ '{instead}': perhaps one household written in two hamlets. The start-of-year list has it in hamlet {hamlet} under this row's Mã hộ, so the commune counts it in hamlet {hamlet}; the other row is left out for now (one household is counted once). Ask both hamlets where the household lives: if in hamlet {hamlet}, keep this row and the other hamlet deletes its row; if it moved to the other hamlet, delete this row (do not write 'Thoát') and tell the commune so that the start-of-year list is corrected.",
            ),
            # ... the other row's 'Ghi chú' saying it moved in (its variant 'start-list-other-moved')
            (
                "start-list-kept-moved",
                "Số định danh '{value}' trùng với {detail}, Mã hộ '{instead}', dòng ghi chú hộ chuyển đến: có lẽ là cùng một hộ. Danh sách đầu năm ghi hộ ở xóm {hamlet} với Mã hộ của dòng này, nên xã vẫn tính hộ ở xóm {hamlet}; dòng kia tạm chưa được tính (một hộ chỉ được tính một lần). Nếu hộ đã chuyển đi, hãy xóa dòng này (không ghi 'Thoát'): khi đó xã tính hộ ở xóm kia; nếu hộ vẫn ở xóm {hamlet}, giữ nguyên dòng này và báo xóm kia xóa dòng của hộ.",
                "ID number '{value}' is also written at {detail}, under Mã hộ '{instead}', a row noted as moved in: perhaps one household. The start-of-year list has it in hamlet {hamlet} under this row's Mã hộ, so the commune still counts it in hamlet {hamlet}; the other row is left out for now (one household is counted once). If the household has moved away, delete this row (do not write 'Thoát'): the commune then counts it in the other hamlet; if it still lives in hamlet {hamlet}, keep this row and ask the other hamlet to delete its row.",
            ),
            # ... both said where this row is left out for another error of its own in the same
            # run: neither says the household is counted here (rosterchecks.counted_not_said;
            # session 48's rule, session 57)
            (
                "start-list-kept-uncounted",
                "Số định danh '{value}' trùng với {detail}, Mã hộ '{instead}': có lẽ là cùng một hộ được ghi ở hai xóm. Danh sách đầu năm ghi hộ ở xóm {hamlet} với Mã hộ của dòng này; dòng kia tạm chưa được tính (một hộ chỉ được tính một lần). Đề nghị hai xóm xác nhận hộ đang sống ở xóm nào: nếu ở xóm {hamlet}, giữ nguyên dòng này, xóm kia xóa dòng của hộ; nếu hộ đã chuyển sang xóm kia, hãy xóa dòng này (không ghi 'Thoát') và báo xã để sửa danh sách đầu năm.",
                "ID number '{value}' is also written at {detail}, under Mã hộ '{instead}': perhaps one household written in two hamlets. The start-of-year list has it in hamlet {hamlet} under this row's Mã hộ; the other row is left out for now (a household counts only once). Ask both hamlets where the household lives: if in hamlet {hamlet}, keep this row and the other hamlet deletes its row; if it moved to the other hamlet, delete this row (do not write 'Thoát') and tell the commune so that the start-of-year list is corrected.",
            ),
            (
                "start-list-kept-moved-uncounted",
                "Số định danh '{value}' trùng với {detail}, Mã hộ '{instead}', dòng ghi chú hộ chuyển đến: có lẽ là cùng một hộ. Danh sách đầu năm ghi hộ ở xóm {hamlet} với Mã hộ của dòng này; dòng kia tạm chưa được tính (một hộ chỉ được tính một lần). Nếu hộ đã chuyển đi, hãy xóa dòng này (không ghi 'Thoát'); nếu hộ vẫn ở xóm {hamlet}, giữ nguyên dòng này và báo xóm kia xóa dòng của hộ.",
                "ID number '{value}' is also written at {detail}, under Mã hộ '{instead}', a row noted as moved in: perhaps one household. The start-of-year list has it in hamlet {hamlet} under this row's Mã hộ; the other row is left out for now (a household counts only once). If the household has moved away, delete this row (do not write 'Thoát'); if it still lives in hamlet {hamlet}, keep this row and ask the other hamlet to delete its row.",
            ),
        ),
    ),
    IssueType(
        "likely-same-household",
        "warning",
        "row",
        "Mã hộ '{value}' và {detail} có cùng họ tên và năm sinh chủ hộ nhưng mã hộ khác: có thể là một hộ được ghi hai lần (hộ đang bị tính nhiều lần). Nếu là cùng một hộ, hãy chỉ giữ một dòng; nếu là hai hộ khác nhau, không cần sửa.",
        "Mã hộ '{value}' and {detail} have the same head's name and birth year under another code: perhaps one household written twice (counted more than once). If it is one household, keep only one row; if they are two households, nothing to fix.",
        (
            (
                "same-code",
                "Mã hộ '{value}' chỉ khác mã hộ ở {detail} về dấu chấm, gạch hoặc khoảng trắng: có thể là một hộ được ghi hai lần (hộ đang bị tính nhiều lần). Nếu là cùng một hộ, hãy chỉ giữ một dòng; nếu là hai hộ khác nhau, hãy sửa mã hộ cho đúng sổ quản lý.",
                "Mã hộ '{value}' differs from the code at {detail} only in its dots, dashes or spaces: perhaps one household written twice (counted more than once). If it is one household, keep only one row; if they are two households, correct the code as in the commune's register.",
            ),
        ),
    ),
    IssueType(
        "class-without-household",
        "warning",
        "row",
        "Dòng này ghi 'Phân loại hộ' là '{value}' nhưng không ghi hộ nào ('Mã hộ', '{column}' và 'Số nhân khẩu' đều trống), nên xã không tính dòng này. Nếu đây là một hộ, hãy ghi mã hộ, họ tên chủ hộ và các thông tin khác của hộ rồi gửi lại; nếu không, hãy xóa '{value}' ở dòng này.",
        "This row says '{value}' in 'Phân loại hộ' but holds no household ('Mã hộ', '{column}' and 'Số nhân khẩu' are empty), so the commune does not count it. If it is a household, write its code, the head's name and its other details and send it again; if not, delete '{value}' from this row.",
    ),
    IssueType(
        "missing-head-name",
        "error",
        "row",
        "Thiếu 'Họ và tên chủ hộ'. Hãy ghi họ tên chủ hộ.",
        "'Họ và tên chủ hộ' is empty. Write the name of the head of household.",
    ),
    # a total row's words ('Tổng cộng') as the head's name of a row holding a household's own
    # details (a code, a birth year, an ID number): neither skipped as a total nor counted
    # (validate._total_words_as_names; session 51)
    IssueType(
        "head-name-is-total",
        "error",
        "row",
        "'Họ và tên chủ hộ' ghi '{value}', là chữ của dòng tổng cộng chứ không phải họ tên chủ hộ, nhưng dòng này có thông tin riêng của một hộ (mã hộ, năm sinh hoặc số định danh); hộ chưa được tính. Nếu đây là một hộ, hãy ghi họ tên chủ hộ vào ô này; nếu đây là dòng tổng cộng, hãy xóa mã hộ, năm sinh và số định danh khỏi dòng (dòng tổng cộng chỉ ghi các số cộng).",
        "'Họ và tên chủ hộ' is '{value}', a total line's words, not a head's name, yet the row holds a household's own details (a code, a birth year or an ID number); the household is not counted. If it is a household, write the head's name in this cell; if it is the total line, delete the code, birth year and ID number from it (a total line holds only its sums).",
    ),
    IssueType(
        "cell-error-value",
        "error",
        "row",
        "Ô {cell} ('{column}') hiện lỗi '{value}' (công thức hỏng hoặc tham chiếu ô đã xóa); hộ chưa được tính. Hãy ghi giá trị đúng vào ô này rồi gửi lại.",
        "Cell {cell} ('{column}') shows the error '{value}' (a broken formula, or a reference to a deleted cell); the household is not counted. Write the right value in this cell and send it again.",
        variants=(
            # in the plan's start list, the officer's own file: said in their words (not sent
            # again but run again); 'plan-rows' past five of a column, as for its incomes
            # (plan._cells_not_read; session 47)
            (
                "plan",
                "Ô {cell} ('{column}') hiện lỗi '{value}' (công thức hỏng hoặc tham chiếu ô đã xóa), không phải ô trống; hộ chưa được tính vào danh sách đầu năm. Hãy sửa công thức hoặc ghi giá trị đúng vào ô này rồi chạy lại.",
                "Cell {cell} ('{column}') shows the error '{value}' (a broken formula, or a reference to a deleted cell), not an empty cell; the household is left out of the start-of-year list. Correct the formula or write the right value in this cell, then run again.",
            ),
            (
                "plan-rows",
                "'{column}' hiện lỗi ở {detail}, như '{value}' ở ô {cell} (công thức hỏng hoặc tham chiếu ô đã xóa), không phải ô trống; các hộ này chưa được tính vào danh sách đầu năm. Hãy sửa công thức hoặc ghi giá trị đúng vào các ô này rồi chạy lại.",
                "'{column}' shows an error in {detail}, such as '{value}' at {cell} (a broken formula, or a reference to a deleted cell), not an empty cell; these households are left out of the start-of-year list. Correct the formula or write the right values in these cells, then run again.",
            ),
        ),
    ),
    # The same two in a column a household does not need (an income, a mark, a birth year):
    # the household is counted without the value.
    IssueType(
        "optional-cell-error-value",
        "warning",
        "row",
        "Ô {cell} ('{column}') hiện lỗi '{value}' (công thức hỏng hoặc tham chiếu ô đã xóa); hộ vẫn được tính nhưng không có giá trị của cột này. Hãy ghi giá trị đúng vào ô này.",
        "Cell {cell} ('{column}') shows the error '{value}' (a broken formula, or a reference to a deleted cell); the household is counted, without this column's value. Write the right value in this cell.",
        variants=(
            # said where the row is left out for another reason (IssueType.uncounted_variant; session
            # 48): the cell's problem and its fix, not that the household is counted
            (
                "uncounted",
                "Ô {cell} ('{column}') hiện lỗi '{value}' (công thức hỏng hoặc tham chiếu ô đã xóa). Hãy ghi giá trị đúng vào ô này.",
                "Cell {cell} ('{column}') shows the error '{value}' (a broken formula, or a reference to a deleted cell). Write the right value in this cell.",
            ),
            # many incomes in the plan's start list, said once naming the rows
            # (plan._incomes_not_read; session 47 review)
            (
                "plan-rows",
                "'{column}' hiện lỗi ở {detail}, như '{value}' ở ô {cell} (công thức hỏng hoặc tham chiếu ô đã xóa): đọc là để trống. Hãy ghi giá trị đúng vào các ô này. Các hộ vẫn được tính.",
                "'{column}' shows an error in {detail}, such as '{value}' at {cell} (a broken formula, or a reference to a deleted cell): read as blank. Write the right values in these cells. The households still count.",
            ),
            # past five, some rows left out for another error (plan._cells_not_read; session 49):
            # all ('plan-rows-uncounted'), or some, named ({instead}: 'plan-rows-partly')
            (
                "plan-rows-uncounted",
                "'{column}' hiện lỗi ở {detail}, như '{value}' ở ô {cell} (công thức hỏng hoặc tham chiếu ô đã xóa): đọc là để trống. Hãy ghi giá trị đúng vào các ô này.",
                "'{column}' shows an error in {detail}, such as '{value}' at {cell} (a broken formula, or a reference to a deleted cell): read as blank. Write the right values in these cells.",
            ),
            (
                "plan-rows-partly",
                "'{column}' hiện lỗi ở {detail}, như '{value}' ở ô {cell} (công thức hỏng hoặc tham chiếu ô đã xóa): đọc là để trống. Hãy ghi giá trị đúng vào các ô này. Các hộ vẫn được tính, trừ {instead}: các hộ đó chưa được tính vì lỗi khác.",
                "'{column}' shows an error in {detail}, such as '{value}' at {cell} (a broken formula, or a reference to a deleted cell): read as blank. Write the right values in these cells. The households still count, but for {instead}: those are left out for another error.",
            ),
        ),
    ),
    IssueType(
        "optional-formula-without-value",
        "warning",
        "row",
        "Ô {cell} ('{column}') có công thức nhưng không có giá trị đã tính (tệp được lưu bằng chương trình khác Excel); hộ vẫn được tính nhưng không có giá trị của cột này. Hãy mở tệp bằng Excel, nhấn Lưu rồi gửi lại.",
        "Cell {cell} ('{column}') holds a formula but no calculated value (the file was saved by a program other than Excel); the household is counted, without this column's value. Open the file in Excel, press Save and send it again.",
        variants=(
            # said where the row is left out for another reason (as optional-cell-error-value's)
            (
                "uncounted",
                "Ô {cell} ('{column}') có công thức nhưng không có giá trị đã tính (tệp được lưu bằng chương trình khác Excel). Hãy mở tệp bằng Excel, nhấn Lưu rồi gửi lại.",
                "Cell {cell} ('{column}') holds a formula but no calculated value (the file was saved by a program other than Excel). Open the file in Excel, press Save and send it again.",
            ),
            (
                "plan-uncounted",
                "Ô {cell} ('{column}') có công thức nhưng không có giá trị đã lưu (tệp được lưu bằng chương trình khác Excel). Hãy mở tệp bằng Excel và nhấn Lưu, hoặc ghi giá trị vào ô này, rồi chạy lại.",
                "Cell {cell} ('{column}') holds a formula but no saved value (the file was saved by a program other than Excel). Open the file in Excel and press Save, or write the value in this cell, then run again.",
            ),
            (
                "typed-uncounted",
                "Ô {cell} ('{column}') ghi '{value}': dấu '=' ở đầu ô làm chương trình coi chữ này là công thức, nên ô không có giá trị. Hãy xóa dấu '=' ở đầu ô để ô ghi '{detail}'.",
                "Cell {cell} ('{column}') holds '{value}': the '=' at the start makes the program take the text for a formula, so the cell has no value. Delete the '=' at the start of the cell, so that it reads '{detail}'.",
            ),
            # in the plan's start list, the officer's own file (session 47; as cell-error-value's)
            (
                "plan",
                "Ô {cell} ('{column}') có công thức nhưng không có giá trị đã lưu (tệp được lưu bằng chương trình khác Excel); hộ vẫn được tính nhưng không có giá trị của cột này. Hãy mở tệp bằng Excel và nhấn Lưu, hoặc ghi giá trị vào ô này, rồi chạy lại.",
                "Cell {cell} ('{column}') holds a formula but no saved value (the file was saved by a program other than Excel); the household is counted, without this column's value. Open the file in Excel and press Save, or write the value in this cell, then run again.",
            ),
            # the formula is plainly a text typed after '=' ('=Tày', '=Đinh Thị Nhung': letters
            # and spaces; {value} as written, {detail} without the '='; session 36): Excel
            # would show '#NAME?', so the head is told what to write at once
            (
                "typed",
                "Ô {cell} ('{column}') ghi '{value}': dấu '=' ở đầu ô làm chương trình coi chữ này là công thức, nên ô không có giá trị; hộ vẫn được tính nhưng không có giá trị của cột này. Hãy xóa dấu '=' ở đầu ô để ô ghi '{detail}'.",
                "Cell {cell} ('{column}') holds '{value}': the '=' at the start makes the program take the text for a formula, so the cell has no value; the household is counted, without this column's value. Delete the '=' at the start of the cell, so that it reads '{detail}'.",
            ),
            # many incomes in the plan's start list, said once naming the rows (as
            # optional-cell-error-value's)
            (
                "plan-rows",
                "'{column}' có công thức nhưng không có giá trị đã tính ở {detail}, như ở ô {cell} (tệp được lưu bằng chương trình khác Excel): đọc là để trống. Hãy mở tệp bằng Excel và nhấn Lưu. Các hộ vẫn được tính.",
                "'{column}' holds a formula but no calculated value in {detail}, such as at {cell} (the file was saved by a program other than Excel): read as blank. Open the file in Excel and press Save. The households still count.",
            ),
            # past five, some rows left out for another error (plan._cells_not_read; session 49):
            # all ('plan-rows-uncounted'), or some, named ({instead}: 'plan-rows-partly')
            (
                "plan-rows-uncounted",
                "'{column}' có công thức nhưng không có giá trị đã tính ở {detail}, như ở ô {cell} (tệp được lưu bằng chương trình khác Excel): đọc là để trống. Hãy mở tệp bằng Excel và nhấn Lưu.",
                "'{column}' holds a formula but no calculated value in {detail}, such as at {cell} (the file was saved by a program other than Excel): read as blank. Open the file in Excel and press Save.",
            ),
            (
                "plan-rows-partly",
                "'{column}' có công thức nhưng không có giá trị đã tính ở {detail}, như ở ô {cell} (tệp được lưu bằng chương trình khác Excel): đọc là để trống. Hãy mở tệp bằng Excel và nhấn Lưu. Các hộ vẫn được tính, trừ {instead}: các hộ đó chưa được tính vì lỗi khác.",
                "'{column}' holds a formula but no calculated value in {detail}, such as at {cell} (the file was saved by a program other than Excel): read as blank. Open the file in Excel and press Save. The households still count, but for {instead}: those are left out for another error.",
            ),
        ),
    ),
    IssueType(
        "formula-without-value",
        "error",
        "row",
        "Ô {cell} ('{column}') có công thức nhưng không có giá trị đã tính (tệp được lưu bằng chương trình khác Excel); hộ chưa được tính. Hãy mở tệp bằng Excel, nhấn Lưu rồi gửi lại.",
        "Cell {cell} ('{column}') holds a formula but no calculated value (the file was saved by a program other than Excel); the household is not counted. Open the file in Excel, press Save and send it again.",
        variants=(
            # in the plan's start list, the officer's own file (session 47; as cell-error-value's)
            (
                "plan",
                "Ô {cell} ('{column}') có công thức nhưng không có giá trị đã lưu (tệp được lưu bằng chương trình khác Excel), không phải ô trống; hộ chưa được tính vào danh sách đầu năm. Hãy mở tệp bằng Excel và nhấn Lưu, hoặc ghi giá trị vào ô này, rồi chạy lại.",
                "Cell {cell} ('{column}') holds a formula but no saved value (the file was saved by a program other than Excel), not an empty cell; the household is left out of the start-of-year list. Open the file in Excel and press Save, or write the value in this cell, then run again.",
            ),
            (
                "plan-rows",
                "'{column}' có công thức nhưng không có giá trị đã lưu ở {detail}, như ở ô {cell} (tệp được lưu bằng chương trình khác Excel), không phải ô trống; các hộ này chưa được tính vào danh sách đầu năm. Hãy mở tệp bằng Excel và nhấn Lưu, hoặc ghi giá trị vào các ô này, rồi chạy lại.",
                "'{column}' holds a formula but no saved value in {detail}, such as at {cell} (the file was saved by a program other than Excel), not an empty cell; these households are left out of the start-of-year list. Open the file in Excel and press Save, or write the values in these cells, then run again.",
            ),
            (
                "typed-plan",
                "Ô {cell} ('{column}') ghi '{value}': dấu '=' ở đầu ô làm chương trình coi chữ này là công thức, nên ô không có giá trị; hộ chưa được tính vào danh sách đầu năm. Hãy xóa dấu '=' ở đầu ô để ô ghi '{detail}', rồi chạy lại.",
                "Cell {cell} ('{column}') holds '{value}': the '=' at the start makes the program take the text for a formula, so the cell has no value; the household is left out of the start-of-year list. Delete the '=' at the start of the cell, so that it reads '{detail}', then run again.",
            ),
            # as optional-formula-without-value's (session 36)
            (
                "typed",
                "Ô {cell} ('{column}') ghi '{value}': dấu '=' ở đầu ô làm chương trình coi chữ này là công thức, nên ô không có giá trị; hộ chưa được tính. Hãy xóa dấu '=' ở đầu ô để ô ghi '{detail}', rồi gửi lại.",
                "Cell {cell} ('{column}') holds '{value}': the '=' at the start makes the program take the text for a formula, so the cell has no value; the household is not counted. Delete the '=' at the start of the cell, so that it reads '{detail}', and send it again.",
            ),
        ),
    ),
    IssueType(
        "leading-equals-sign",
        "warning",
        "row",
        "'{column}' ghi '{value}': dấu '=' ở đầu ô không phải công thức, có lẽ gõ nhầm; đã đọc là '{detail}'. Hãy xóa dấu '=' ở đầu ô; nếu đọc như vậy là sai, hãy ghi lại giá trị đúng.",
        "'{column}' holds '{value}': the '=' at the start is no formula, a typing slip perhaps; read as '{detail}'. Delete the '=' at the start of the cell; if that reading is wrong, write the right value.",
        variants=(
            # a head's name plainly typed after '=' ('=Đinh Thị Nhung': words of letters; {detail}
            # without the '='): listed as written, posted without it (session 37)
            (
                "name",
                "'{column}' ghi '{value}': dấu '=' ở đầu tên có lẽ gõ nhầm; hộ vẫn được tính, danh sách niêm yết ghi tên là '{detail}'. Hãy xóa dấu '=' ở đầu ô để ô ghi '{detail}'.",
                "'{column}' holds '{value}': the '=' before the name is most likely a typing slip; the household is counted, and the posted list shows the name '{detail}'. Delete the '=' at the start of the cell, so that it reads '{detail}'.",
            ),
            # said where the row is left out for another reason (IssueType.uncounted_variant; session
            # 48): neither counted nor posted
            (
                "name-uncounted",
                "'{column}' ghi '{value}': dấu '=' ở đầu tên có lẽ gõ nhầm. Hãy xóa dấu '=' ở đầu ô để ô ghi '{detail}'.",
                "'{column}' holds '{value}': the '=' before the name is most likely a typing slip. Delete the '=' at the start of the cell, so that it reads '{detail}'.",
            ),
        ),
    ),
    # a household counted poor or near-poor whose own 'Ghi chú' says it moved away ('Đã chuyển
    # đi nơi khác'; session 36): still counted, the head told what to write ({detail}: the class)
    IssueType(
        "note-says-moved-away",
        "warning",
        "row",
        "'Ghi chú' ghi '{value}' (hộ đã chuyển đi?) nhưng hộ vẫn được ghi là '{detail}', nên xã vẫn tính hộ đó trong danh sách của xóm. Nếu hộ chuyển sang xóm khác trong xã, hãy xóa dòng này (xóm nơi hộ đến ghi hộ vào danh sách của xóm đó, giữ nguyên Mã hộ); nếu hộ chuyển khỏi xã, hãy ghi hộ là 'Thoát' và ghi 'Chuyển khỏi xã' ở cột 'Ghi chú'; nếu hộ vẫn ở trong xóm, hãy sửa lại ghi chú.",
        "'Ghi chú' holds '{value}' (the household moved away?) but the household is still written '{detail}', so the commune still counts it in the hamlet's list. If it moved to another hamlet of the commune, delete this row (the hamlet it moved to lists it, under the same Mã hộ); if it left the commune, write it as 'Thoát' and 'Chuyển khỏi xã' under 'Ghi chú'; if it still lives in the hamlet, correct the note.",
        # said where the row is left out for another reason (IssueType.uncounted_variant; session 48)
        variants=(
            (
                "uncounted",
                "'Ghi chú' ghi '{value}' (hộ đã chuyển đi?) nhưng hộ vẫn được ghi là '{detail}'. Nếu hộ chuyển sang xóm khác trong xã, hãy xóa dòng này (xóm nơi hộ đến ghi hộ vào danh sách của xóm đó, giữ nguyên Mã hộ); nếu hộ chuyển khỏi xã, hãy ghi hộ là 'Thoát' và ghi 'Chuyển khỏi xã' ở cột 'Ghi chú'; nếu hộ vẫn ở trong xóm, hãy sửa lại ghi chú.",
                "'Ghi chú' holds '{value}' (the household moved away?) but the household is still written '{detail}'. If it moved to another hamlet of the commune, delete this row (the hamlet it moved to lists it, under the same Mã hộ); if it left the commune, write it as 'Thoát' and 'Chuyển khỏi xã' under 'Ghi chú'; if it still lives in the hamlet, correct the note.",
            ),
        ),
    ),
    # a class written with a question mark ('Nghèo?', 'cận nghèo ?'): the head is unsure; the
    # household is counted as the class written (``detail``, its label), and asked to confirm
    IssueType(
        "questioned-classification",
        "warning",
        "row",
        "'{column}' ghi '{value}', có dấu '?' (chưa chắc chắn): đã tính là {detail}. Nếu đúng là {detail}, hãy ghi lại '{detail}' không có dấu '?'; nếu không, hãy sửa lại cho đúng (Hộ nghèo, Hộ cận nghèo hoặc Thoát).",
        "'{column}' holds '{value}', with a question mark (unsure): counted as {detail}. If it is {detail}, write '{detail}' without the '?'; if not, correct it (Hộ nghèo, Hộ cận nghèo or Thoát).",
        # a class marked with one in its own column ('x?' under 'Hộ nghèo'; session 28)
        (
            (
                "mark",
                "Ô '{column}' ghi '{value}', có dấu '?' (chưa chắc chắn): đã tính là {detail}. Nếu đúng là {detail}, hãy xóa dấu '?', chỉ để lại dấu 'x'; nếu không, hãy xóa ô này và đánh dấu 'x' vào đúng cột loại hộ.",
                "Cell '{column}' holds '{value}', with a question mark (unsure): counted as {detail}. If it is {detail}, delete the '?' and keep the 'x' alone; if not, clear this cell and put the 'x' in the right class's column.",
            ),
            # the class at the start of the period marked so ('x?' under 'Đầu kỳ'; session 29),
            # nothing at its end: the household is read as one that left ({detail}: 'Thoát')
            (
                "start-mark",
                "Ô '{column}' ghi '{value}', có dấu '?' (chưa chắc chắn), và cuối kỳ hộ không được đánh dấu loại nào: đã tính là hộ đã ra khỏi danh sách ({detail}). Nếu đúng, hãy xóa dấu '?', chỉ để lại dấu 'x'; nếu hộ vẫn là hộ nghèo hoặc cận nghèo, hãy đánh dấu 'x' vào đúng cột loại hộ của cuối kỳ.",
                "Cell '{column}' holds '{value}', with a question mark (unsure), and the household is marked in no class at the end of the period: counted as one that left the lists ({detail}). If so, delete the '?' and keep the 'x' alone; if it is still poor or near-poor, put an 'x' in the right class's column at the end of the period.",
            ),
            # a '?' alone in a class's mark cell (session 30): a mark the head is unsure of,
            # read as the class of its column; there is no 'x' to keep
            (
                "mark-alone",
                "Ô '{column}' chỉ ghi dấu '?' (chưa chắc chắn): đã tính là {detail}. Nếu đúng là {detail}, hãy thay dấu '?' bằng dấu 'x'; nếu không, hãy xóa ô này và đánh dấu 'x' vào đúng cột loại hộ.",
                "Cell '{column}' holds only a question mark (unsure): counted as {detail}. If it is {detail}, replace the '?' with an 'x'; if not, clear this cell and put the 'x' in the right class's column.",
            ),
            (
                "start-mark-alone",
                "Ô '{column}' chỉ ghi dấu '?' (chưa chắc chắn), và cuối kỳ hộ không được đánh dấu loại nào: đã tính là hộ đã ra khỏi danh sách ({detail}). Nếu đúng, hãy thay dấu '?' bằng dấu 'x'; nếu hộ vẫn là hộ nghèo hoặc cận nghèo, hãy đánh dấu 'x' vào đúng cột loại hộ của cuối kỳ.",
                "Cell '{column}' holds only a question mark (unsure), and the household is marked in no class at the end of the period: counted as one that left the lists ({detail}). If so, replace the '?' with an 'x'; if it is still poor or near-poor, put an 'x' in the right class's column at the end of the period.",
            ),
        ),
    ),
    # a deprivation mark written with a question mark ('x?'; session 28): counted as the mark
    # reads (deprived; 'không?', '0?': not, variant 'not-deprived'), the head asked to confirm
    IssueType(
        "questioned-deprivation",
        "warning",
        "row",
        "Ô chỉ số thiếu hụt '{column}' ghi '{value}', có dấu '?' (chưa chắc chắn): đã tính là hộ thiếu hụt chỉ số này. Hãy xóa dấu '?': ghi 'x' nếu hộ đúng là thiếu hụt, để trống nếu không.",
        "Indicator '{column}' holds '{value}', with a question mark (unsure): counted as deprived. Delete the '?': write 'x' if the household is deprived, leave it blank if not.",
        (
            (
                "not-deprived",
                "Ô chỉ số thiếu hụt '{column}' ghi '{value}', có dấu '?' (chưa chắc chắn): đã tính là hộ không thiếu hụt chỉ số này. Hãy xóa dấu '?': ghi 'x' nếu hộ thiếu hụt, để trống nếu không.",
                "Indicator '{column}' holds '{value}', with a question mark (unsure): counted as not deprived. Delete the '?': write 'x' if the household is deprived, leave it blank if not.",
            ),
            # a '?' alone in the cell (session 30): a mark the head is unsure of, read as one
            (
                "alone",
                "Ô chỉ số thiếu hụt '{column}' chỉ ghi dấu '?' (chưa chắc chắn): đã tính là hộ thiếu hụt chỉ số này. Hãy thay dấu '?': ghi 'x' nếu hộ đúng là thiếu hụt, để trống nếu không.",
                "Indicator '{column}' holds only a question mark (unsure): counted as deprived. Replace the '?': write 'x' if the household is deprived, leave it blank if not.",
            ),
        ),
    ),
    IssueType(
        "invalid-household-size",
        "error",
        "row",
        "'Số nhân khẩu' là '{value}', không phải số nguyên từ 1 đến 30. Hãy ghi số người trong hộ (ví dụ 4).",
        "'Số nhân khẩu' is '{value}', not a whole number from 1 to 30. Write the number of members (e.g. 4).",
        # an income under 'Số nhân khẩu' and a size under 'Thu nhập BQ' ({instead}: its cell,
        # {detail}: its value): the two cells typed in each other's place, told at once
        # (misplaced.size_and_income_swapped; session 49)
        (
            # a count of households ('4 hộ'): no number of people (session 50, review)
            (
                "households",
                "'Số nhân khẩu' là '{value}': đây là số hộ, không phải số người. Hãy ghi số người trong hộ, chỉ con số (ví dụ 4).",
                "'Số nhân khẩu' is '{value}': a number of households, not of people. Write the number of members of the household, the number alone (e.g. 4).",
            ),
            (
                "income-swapped",
                "'Số nhân khẩu' là '{value}', còn ô {instead} (cột 'Thu nhập BQ') ghi '{detail}': có lẽ hai ô bị ghi đổi chỗ cho nhau. Hãy ghi số người trong hộ vào ô {cell} và thu nhập (đồng/người/tháng) vào ô {instead}.",
                "'Số nhân khẩu' is '{value}' and cell {instead} ('Thu nhập BQ') holds '{detail}': the two were probably written in each other's place. Write the number of members in {cell} and the income (đồng per person a month) in {instead}.",
            ),
            # a birth year under 'Số nhân khẩu' and a size under 'Năm sinh' ({instead}: its cell,
            # {detail}: its value), told at once (misplaced.size_and_birth_year_swapped)
            (
                "birth-year-swapped",
                "'Số nhân khẩu' là '{value}', còn ô {instead} (cột 'Năm sinh') ghi '{detail}': có lẽ hai ô bị ghi đổi chỗ cho nhau. Hãy ghi số người trong hộ vào ô {cell} và năm sinh của chủ hộ vào ô {instead}.",
                "'Số nhân khẩu' is '{value}' and cell {instead} ('Năm sinh') holds '{detail}': the two were probably written in each other's place. Write the number of members in {cell} and the head's year of birth in {instead}.",
            ),
        ),
    ),
    IssueType(
        "invalid-classification",
        "error",
        "row",
        "'Phân loại hộ' là '{value}'. Chỉ ghi một trong: Hộ nghèo, Hộ cận nghèo, Thoát.",
        "'Phân loại hộ' is '{value}'. Write one of: Hộ nghèo, Hộ cận nghèo, Thoát.",
        # a living standard above both lists ('Trung bình', 'Khá', 'Không nghèo'): 'Thoát' is
        # how the list says it
        (
            (
                "above-both",
                "'Phân loại hộ' là '{value}'. Chỉ ghi một trong: Hộ nghèo, Hộ cận nghèo, Thoát. Hộ đã ra khỏi cả danh sách hộ nghèo và hộ cận nghèo (hộ trung bình, khá) thì ghi 'Thoát'.",
                "'Phân loại hộ' is '{value}'. Write one of: Hộ nghèo, Hộ cận nghèo, Thoát. A household that has left both the poor and the near-poor list (average or better off) is written 'Thoát'.",
            ),
            # a household that moved away ('Chuyển đi', 'Chuyển xóm', 'Đã chuyển'): 'Thoát'
            # here while the hamlet it moved to lists it is a Mã hộ used twice (both rows out)
            (
                "moved-away",
                "'Phân loại hộ' là '{value}'. Chỉ ghi một trong: Hộ nghèo, Hộ cận nghèo, Thoát. Hộ đã chuyển đi: nếu hộ chuyển sang xóm khác trong xã, hãy xóa dòng này (xóm nơi hộ đến ghi hộ vào danh sách của xóm đó, giữ nguyên Mã hộ; nếu ghi 'Thoát' ở đây, mã hộ bị trùng và hộ chưa được tính ở cả hai xóm); nếu hộ chuyển khỏi xã, hãy ghi 'Thoát' và ghi 'Chuyển khỏi xã' ở cột 'Ghi chú'.",
                "'Phân loại hộ' is '{value}'. Write one of: Hộ nghèo, Hộ cận nghèo, Thoát. The household moved away: if it moved to another hamlet of the commune, delete this row (the hamlet it moved to lists it, under the same Mã hộ; written 'Thoát' here, its code is used twice and it counts in neither hamlet); if it left the commune, write 'Thoát' and 'Chuyển khỏi xã' under 'Ghi chú'.",
            ),
            # a household that moved in ('Chuyển đến', 'Hộ nghèo chuyển đến'): written by its
            # class, as any other; its old code tells the commune it moved
            (
                "moved-in",
                "'Phân loại hộ' là '{value}'. Chỉ ghi một trong: Hộ nghèo, Hộ cận nghèo, Thoát. Hộ chuyển đến được ghi như mọi hộ: 'Hộ nghèo' hoặc 'Hộ cận nghèo'; hộ chuyển từ xóm khác trong xã giữ nguyên Mã hộ cũ, để xã nhận ra hộ chuyển xóm (không tính là hộ mới). Việc chuyển đến có thể ghi ở cột 'Ghi chú'.",
                "'Phân loại hộ' is '{value}'. Write one of: Hộ nghèo, Hộ cận nghèo, Thoát. A household that moved in is written as any other: 'Hộ nghèo' or 'Hộ cận nghèo'; one from another hamlet of the commune keeps its old Mã hộ, so that the commune sees it moved (it is not new). The move can be noted under 'Ghi chú'.",
            ),
            # new this month ('Phát sinh mới', 'Mới') without saying on which list
            (
                "new-only",
                "'Phân loại hộ' là '{value}': chưa rõ là hộ nghèo hay hộ cận nghèo. Hãy ghi 'Hộ nghèo' hoặc 'Hộ cận nghèo' (có thể ghi 'Hộ nghèo mới'); hộ mới so với tháng trước xã tự nhận ra từ danh sách.",
                "'Phân loại hộ' is '{value}': it does not say whether the household is poor or near-poor. Write 'Hộ nghèo' or 'Hộ cận nghèo' ('Hộ nghèo mới' will do); the commune tells the households new since last month from the lists.",
            ),
        ),
    ),
    # A class read from mark columns ('Phân loại hộ' over 'Hộ nghèo | Hộ cận nghèo | Thoát
    # nghèo', an 'x' in one): a row that marks none, or more than one, or writes something
    # else in such a cell (pipeline.classmarks.classes_from_marks).
    IssueType(
        "class-marks-none",
        "error",
        "row",
        "Chưa đánh dấu loại hộ: các ô {detail} đều để trống; hộ chưa được tính. Hãy đánh dấu 'x' vào đúng một ô trong số đó, ô của loại hộ này; các ô còn lại để trống.",
        "No class marked: cells {detail} are all blank; the household is not counted. Mark 'x' in exactly one of them, the one of this household's class; leave the others blank.",
        # a 'Đầu kỳ | Cuối kỳ' list: marked neither at the start nor at the end of the period,
        # as the row of a household that left in an earlier month, copied on, shows
        (
            (
                "start-and-end",
                "Chưa đánh dấu loại hộ: các ô {detail} đều để trống; hộ chưa được tính. Nếu hộ đã ra khỏi danh sách từ tháng trước, hãy xóa dòng này; nếu hộ vẫn trong danh sách, hãy đánh dấu 'x' ở ô loại của hộ lúc đầu kỳ (Đầu kỳ) và, nếu hộ còn trong danh sách lúc cuối kỳ, ở ô loại của hộ lúc cuối kỳ (Cuối kỳ).",
                "No class marked: cells {detail} are all blank; the household is not counted. If the household left the list in an earlier month, delete this row; if it is still listed, mark 'x' in its class at the start of the period (Đầu kỳ) and, if it is still listed at the end, in its class at the end (Cuối kỳ).",
            ),
            # the same, and a row of the list counted under another code ({instead}: that code
            # and row) writes this row's head's name and birth year: the household re-coded,
            # its old row copied on (rosterchecks.recoded_copied_on; session 43)
            (
                "recoded",
                "Chưa đánh dấu loại hộ: các ô {detail} đều để trống; hộ chưa được tính. Hộ mã {instead} trong danh sách này có cùng họ tên chủ hộ và năm sinh với dòng này. Nếu đó là cùng một hộ, nay ghi với mã hộ mới, hãy xóa dòng này (hộ đã được tính ở dòng kia); nếu là hai hộ khác nhau, hãy đánh dấu 'x' ở ô loại của hộ lúc đầu kỳ (Đầu kỳ) và, nếu hộ còn trong danh sách lúc cuối kỳ, ở ô loại của hộ lúc cuối kỳ (Cuối kỳ).",
                "No class marked: cells {detail} are all blank; the household is not counted. Household {instead} in this list has the same head's name and birth year as this row. If it is this household, now written under a new code, delete this row (the household is counted at that row); if they are two households, mark 'x' in its class at the start of the period (Đầu kỳ) and, if it is still listed at the end, in its class at the end (Cuối kỳ).",
            ),
        ),
    ),
    # a 'Đầu kỳ | Cuối kỳ' list: a row marked in neither time whose household the commune's
    # history shows leaving the lists in an earlier month ({instead}: that month, MM/YYYY); its
    # row copied on, counted as exited (rosterchecks.left_copied_on)
    IssueType(
        "household-left-copied-on",
        "warning",
        "row",
        "Hộ đã ra khỏi danh sách hộ nghèo, hộ cận nghèo từ tháng {instead} (theo số liệu xã đã tổng hợp), nhưng dòng của hộ vẫn được chép sang danh sách này, các ô {detail} đều để trống; xã tính hộ là hộ đã thoát. Hãy xóa dòng này khỏi danh sách.",
        "The household left the poor and near-poor lists in {instead} (by the months the commune has consolidated), but its row was copied on to this list, cells {detail} all blank; the commune counts it as exited. Delete this row from the list.",
        # a row without a Mã hộ, recognised by its head's name (and birth year) as stored for a
        # household that left ({instead}: who, and the month)
        (
            (
                "by-name",
                "Dòng này không ghi Mã hộ, nhưng {instead} (theo số liệu xã đã tổng hợp): dòng của hộ vẫn được chép sang danh sách này, các ô {detail} đều để trống. Xã tính hộ là hộ đã thoát, không cần ghi Mã hộ cho dòng này. Hãy xóa dòng này khỏi danh sách.",
                "This row has no 'Mã hộ', but {instead} (by the months the commune has consolidated): the household's row was copied on to this list, cells {detail} all blank. The commune counts it as exited; no code is needed for this row. Delete this row from the list.",
            ),
        ),
    ),
    IssueType(
        "class-marks-several",
        "error",
        "row",
        "Hộ được đánh dấu ở nhiều loại cùng lúc: {detail}; hộ chưa được tính. Mỗi hộ chỉ thuộc một loại: hãy giữ dấu 'x' ở đúng một ô, ô của loại hộ này, và xóa dấu ở (các) ô còn lại.",
        "The household is marked in more than one class: {detail}; it is not counted. A household has one class: keep the 'x' in exactly one cell, the one of its class, and delete the other mark(s).",
    ),
    IssueType(
        "invalid-class-mark",
        "error",
        "row",
        "Ô '{column}' ghi '{value}', không phải dấu đánh dấu; hộ chưa được tính. Loại hộ được ghi bằng dấu 'x' ở đúng một trong các cột {detail}, các cột còn lại để trống.",
        "Cell '{column}' holds '{value}', which is no mark; the household is not counted. The class is written as an 'x' in exactly one of the columns {detail}, the others left blank.",
    ),
    IssueType(
        "invalid-birth-year",
        "error",
        "row",
        "'Năm sinh' là '{value}', không phải năm từ 1900 đến {detail}. Hãy ghi năm sinh 4 chữ số (ví dụ 1968) hoặc để trống.",
        "'Năm sinh' is '{value}', not a year from 1900 to {detail}. Write a 4-digit year (e.g. 1968) or leave it blank.",
        variants=(
            # a whole number 1 to MAX_AGE in a column writing years more often (session 30): an
            # age copied from a list written in ages, or a 2-digit year; still not counted
            (
                "age",
                "'Năm sinh' là '{value}', không phải năm từ 1900 đến {detail}: có vẻ đây là tuổi (hoặc năm sinh chỉ ghi 2 chữ số), nên hộ chưa được tính. Hãy ghi năm sinh 4 chữ số (ví dụ 1968) thay cho '{value}'.",
                "'Năm sinh' is '{value}', not a year from 1900 to {detail}: it looks like an age (or a 2-digit year of birth), so the household is not counted. Write the 4-digit year of birth (e.g. 1968) in place of '{value}'.",
            ),
        ),
    ),
    IssueType(
        "birth-year-from-age",
        "warning",
        "file",
        "Cột '{column}' ghi tuổi chứ không phải năm sinh (ô {cell} ghi '{value}'): năm sinh của các hộ đã được tính bằng {detail} trừ đi tuổi, nên có thể lệch 1 năm. Hãy ghi năm sinh 4 chữ số (ví dụ 1968) thay cho tuổi.",
        "Column '{column}' holds ages, not years of birth ('{value}' in {cell}): each household's year of birth was worked out as {detail} minus the age, so it may be one year off. Write the 4-digit year of birth (e.g. 1968) instead of the age.",
    ),
    IssueType(
        "birth-date-serial",
        "warning",
        "file",
        "Cột '{column}' ghi số '{value}' (ô {cell}) chứ không phải ngày: đã đọc là ngày {detail} theo cách Excel đánh số ngày, và lấy năm sinh từ đó (các ô khác của cột ghi số như vậy cũng được đọc như thế). Hãy định dạng các ô của cột này là Ngày (Date) rồi kiểm tra lại ngày sinh, hoặc ghi năm sinh 4 chữ số (ví dụ 1968).",
        "Column '{column}' holds the number '{value}' ({cell}), not a date: read as {detail}, the day Excel numbers so, and the year of birth taken from it (the column's other such numbers too). Format the column's cells as Date and check the dates of birth, or write the 4-digit year of birth (e.g. 1968).",
    ),
    IssueType(
        "birth-year-two-digits",
        "warning",
        "file",
        # the age is the rule's own (schemas.rules.HEAD_MIN_AGE, session 30)
        "Cột '{column}' ghi năm sinh chỉ có 2 chữ số (ô {cell} ghi '{value}'): đã đọc là ngày {detail}; năm 2 chữ số được tính là năm 20.. nếu người sinh năm đó đã đủ "
        f"{HEAD_MIN_AGE}"
        " tuổi vào năm của danh sách, nếu không là năm 19.. (các ô khác của cột cũng vậy), nên có thể sai thế kỷ. Hãy ghi năm sinh đủ 4 chữ số (ví dụ 12/05/1962).",
        "Column '{column}' writes a year of birth with 2 digits ('{value}' in {cell}): read as {detail}; a 2-digit year is taken as 20.. when a head born then is "
        f"{HEAD_MIN_AGE}"
        " by the list's year, else as 19.. (the column's other such cells too), so the century may be wrong. Write the year with all 4 digits (e.g. 12/05/1962).",
    ),
    IssueType(
        "invalid-id-number",
        "warning",
        "row",
        "'Số định danh cá nhân' là '{value}', không đủ 12 chữ số. Hãy ghi đủ 12 chữ số (định dạng ô là Văn bản để giữ số 0 ở đầu) hoặc để trống.",
        "'Số định danh cá nhân' is '{value}', not 12 digits. Write all 12 digits (format the cell as Text to keep leading zeros) or leave it blank.",
    ),
    IssueType(
        "invalid-deprivation-mark",
        "error",
        "row",
        "Ô chỉ số thiếu hụt '{column}' ghi '{value}'. Ghi 'x' nếu hộ thiếu hụt, để trống nếu không.",
        "Indicator '{column}' holds '{value}'. Write 'x' if the household is deprived, leave it blank if not.",
    ),
    IssueType(
        "invalid-income",
        "warning",
        "row",
        "Ô {cell} ('{column}') ghi '{value}', không phải số. Hãy ghi thu nhập bằng số, theo đơn vị ghi ở tiêu đề cột (ví dụ {example}). Hộ vẫn được tính.",
        "Cell {cell} ('{column}') holds '{value}', not a number. Write the income as a number, in the unit the column's header gives (e.g. {example}). The household still counts.",
        # many in the plan's start list, said once naming the rows (plan._incomes_in_words)
        (
            # said where the row is left out for another reason (IssueType.uncounted_variant; session 48)
            (
                "uncounted",
                "Ô {cell} ('{column}') ghi '{value}', không phải số. Hãy ghi thu nhập bằng số, theo đơn vị ghi ở tiêu đề cột (ví dụ {example}).",
                "Cell {cell} ('{column}') holds '{value}', not a number. Write the income as a number, in the unit the column's header gives (e.g. {example}).",
            ),
            (
                "plan-rows",
                "'{column}' không phải số ở {detail}, như '{value}' ở ô {cell}: đọc là để trống. Hãy ghi thu nhập bằng số, theo đơn vị ghi ở tiêu đề cột (ví dụ {example}). Các hộ vẫn được tính.",
                "'{column}' is not a number in {detail}, such as '{value}' at {cell}: read as blank. Write the income as a number, in the unit the column's header gives (e.g. {example}). The households still count.",
            ),
            # past five, some rows left out for another error (plan._cells_not_read; session 49):
            # all ('plan-rows-uncounted'), or some, named ({instead}: 'plan-rows-partly')
            (
                "plan-rows-uncounted",
                "'{column}' không phải số ở {detail}, như '{value}' ở ô {cell}: đọc là để trống. Hãy ghi thu nhập bằng số, theo đơn vị ghi ở tiêu đề cột (ví dụ {example}).",
                "'{column}' is not a number in {detail}, such as '{value}' at {cell}: read as blank. Write the income as a number, in the unit the column's header gives (e.g. {example}).",
            ),
            (
                "plan-rows-partly",
                "'{column}' không phải số ở {detail}, như '{value}' ở ô {cell}: đọc là để trống. Hãy ghi thu nhập bằng số, theo đơn vị ghi ở tiêu đề cột (ví dụ {example}). Các hộ vẫn được tính, trừ {instead}: các hộ đó chưa được tính vì lỗi khác.",
                "'{column}' is not a number in {detail}, such as '{value}' at {cell}: read as blank. Write the income as a number, in the unit the column's header gives (e.g. {example}). The households still count, but for {instead}: those are left out for another error.",
            ),
        ),
    ),
    # 'Không có lao động' under 'Nhóm đối tượng', the cause cell empty ({instead}): read as the
    # cause it names ({detail}: 'Thiếu lao động'), the group KKNLĐ asked for if meant (session 51)
    IssueType(
        "cause-under-group",
        "warning",
        "row",
        "Ô {cell} ('{column}') ghi '{value}', là nguyên nhân nghèo '{detail}', không phải nhóm đối tượng, và ô {instead} ('Nguyên nhân nghèo') để trống: đã tính '{detail}' là nguyên nhân nghèo của hộ. Hãy chuyển '{value}' sang ô {instead}. Nếu hộ thuộc nhóm không có khả năng lao động, hãy ghi 'KKNLĐ' vào ô {cell}. Hộ vẫn được tính.",
        "Cell {cell} ('{column}') holds '{value}', the cause of poverty '{detail}', not a target group, and {instead} ('Nguyên nhân nghèo') is empty: '{detail}' is counted as the household's cause. Move '{value}' to {instead}. If the household is in the group without labour capacity, write 'KKNLĐ' in {cell}. The household still counts.",
        variants=(
            # said where the row is left out for another reason (IssueType.uncounted_variant)
            (
                "uncounted",
                "Ô {cell} ('{column}') ghi '{value}', là nguyên nhân nghèo '{detail}', không phải nhóm đối tượng, và ô {instead} ('Nguyên nhân nghèo') để trống: đọc là nguyên nhân nghèo của hộ. Hãy chuyển '{value}' sang ô {instead}. Nếu hộ thuộc nhóm không có khả năng lao động, hãy ghi 'KKNLĐ' vào ô {cell}.",
                "Cell {cell} ('{column}') holds '{value}', the cause of poverty '{detail}', not a target group, and {instead} ('Nguyên nhân nghèo') is empty: read as the household's cause. Move '{value}' to {instead}. If the household is in the group without labour capacity, write 'KKNLĐ' in {cell}.",
            ),
        ),
    ),
    # an income written per household ('1.500.000/hộ'): divided among the household's members
    # ({instead}: its size; {detail}: each one's share, in the column's unit), or, its size not
    # read, left blank (session 51)
    IssueType(
        "income-per-household",
        "warning",
        "row",
        "Ô {cell} ('{column}') ghi '{value}', là thu nhập của cả hộ, không phải của mỗi người: đã chia cho {instead} người của hộ ('Số nhân khẩu'), tính là {detail} mỗi người một tháng. Hãy ghi {detail} vào ô {cell} (thu nhập bình quân mỗi người một tháng, theo đơn vị ghi ở tiêu đề cột). Hộ vẫn được tính.",
        "Cell {cell} ('{column}') holds '{value}', the whole household's income, not each person's: divided by the household's {instead} people ('Số nhân khẩu'), read as {detail} a person a month. Write {detail} in {cell} (the average income per person a month, in the unit the column's header gives). The household still counts.",
        variants=(
            # said where the row is left out for another reason (IssueType.uncounted_variant)
            (
                "uncounted",
                "Ô {cell} ('{column}') ghi '{value}', là thu nhập của cả hộ, không phải của mỗi người: đã chia cho {instead} người của hộ ('Số nhân khẩu'), tính là {detail} mỗi người một tháng. Hãy ghi {detail} vào ô {cell} (thu nhập bình quân mỗi người một tháng, theo đơn vị ghi ở tiêu đề cột).",
                "Cell {cell} ('{column}') holds '{value}', the whole household's income, not each person's: divided by the household's {instead} people ('Số nhân khẩu'), read as {detail} a person a month. Write {detail} in {cell} (the average income per person a month, in the unit the column's header gives).",
            ),
            # the share no whole đồng under a column in đồng (1.000.000/hộ for 3): asked for in
            # whole đồng, rounded ({detail}); the figure used is not rounded (session 51 review),
            # nor is the figure asked rounded across the line (session 51: validate._share_asked)
            (
                "rounded",
                "Ô {cell} ('{column}') ghi '{value}', là thu nhập của cả hộ, không phải của mỗi người: đã chia cho {instead} người của hộ ('Số nhân khẩu'), mỗi người khoảng {detail} một tháng (đã tính đủ phần lẻ). Hãy ghi {detail} vào ô {cell} (thu nhập bình quân mỗi người một tháng, làm tròn đến đồng). Hộ vẫn được tính.",
                "Cell {cell} ('{column}') holds '{value}', the whole household's income, not each person's: divided by the household's {instead} people ('Số nhân khẩu'), about {detail} a person a month (counted to the hundredth of a đồng). Write {detail} in {cell} (the average income per person a month, rounded to the đồng). The household still counts.",
            ),
            (
                "rounded-uncounted",
                "Ô {cell} ('{column}') ghi '{value}', là thu nhập của cả hộ, không phải của mỗi người: đã chia cho {instead} người của hộ ('Số nhân khẩu'), mỗi người khoảng {detail} một tháng (đã tính đủ phần lẻ). Hãy ghi {detail} vào ô {cell} (thu nhập bình quân mỗi người một tháng, làm tròn đến đồng).",
                "Cell {cell} ('{column}') holds '{value}', the whole household's income, not each person's: divided by the household's {instead} people ('Số nhân khẩu'), about {detail} a person a month (counted to the hundredth of a đồng). Write {detail} in {cell} (the average income per person a month, rounded to the đồng).",
            ),
            # under a header of each person's year ('Thu nhập năm (đồng/người)'): the share
            # said a year's, as the head writes it there ({detail} in the column's unit; the
            # figure used is a twelfth of it), rounded to the đồng where the column is in đồng
            # (session 51)
            (
                "year",
                "Ô {cell} ('{column}') ghi '{value}', là thu nhập của cả hộ, không phải của mỗi người: đã chia cho {instead} người của hộ ('Số nhân khẩu'), tính là {detail} mỗi người một năm. Hãy ghi {detail} vào ô {cell} (thu nhập mỗi người một năm, theo đơn vị ghi ở tiêu đề cột). Hộ vẫn được tính.",
                "Cell {cell} ('{column}') holds '{value}', the whole household's income, not each person's: divided by the household's {instead} people ('Số nhân khẩu'), read as {detail} a person a year. Write {detail} in {cell} (each person's income a year, in the unit the column's header gives). The household still counts.",
            ),
            (
                "year-uncounted",
                "Ô {cell} ('{column}') ghi '{value}', là thu nhập của cả hộ, không phải của mỗi người: đã chia cho {instead} người của hộ ('Số nhân khẩu'), tính là {detail} mỗi người một năm. Hãy ghi {detail} vào ô {cell} (thu nhập mỗi người một năm, theo đơn vị ghi ở tiêu đề cột).",
                "Cell {cell} ('{column}') holds '{value}', the whole household's income, not each person's: divided by the household's {instead} people ('Số nhân khẩu'), read as {detail} a person a year. Write {detail} in {cell} (each person's income a year, in the unit the column's header gives).",
            ),
            (
                "rounded-year",
                "Ô {cell} ('{column}') ghi '{value}', là thu nhập của cả hộ, không phải của mỗi người: đã chia cho {instead} người của hộ ('Số nhân khẩu'), mỗi người khoảng {detail} một năm (đã tính đủ phần lẻ). Hãy ghi {detail} vào ô {cell} (thu nhập mỗi người một năm, làm tròn đến đồng). Hộ vẫn được tính.",
                "Cell {cell} ('{column}') holds '{value}', the whole household's income, not each person's: divided by the household's {instead} people ('Số nhân khẩu'), about {detail} a person a year (counted to the hundredth of a đồng). Write {detail} in {cell} (each person's income a year, rounded to the đồng). The household still counts.",
            ),
            (
                "rounded-year-uncounted",
                "Ô {cell} ('{column}') ghi '{value}', là thu nhập của cả hộ, không phải của mỗi người: đã chia cho {instead} người của hộ ('Số nhân khẩu'), mỗi người khoảng {detail} một năm (đã tính đủ phần lẻ). Hãy ghi {detail} vào ô {cell} (thu nhập mỗi người một năm, làm tròn đến đồng).",
                "Cell {cell} ('{column}') holds '{value}', the whole household's income, not each person's: divided by the household's {instead} people ('Số nhân khẩu'), about {detail} a person a year (counted to the hundredth of a đồng). Write {detail} in {cell} (each person's income a year, rounded to the đồng).",
            ),
            # a share just over the line, asked a step over it (validate._share_asked):
            # the figure to write, not the share rounded ('khoảng' a đồng off), said so, in
            # the column's period (session 51)
            (
                "moved",
                "Ô {cell} ('{column}') ghi '{value}', là thu nhập của cả hộ, không phải của mỗi người: đã chia cho {instead} người của hộ ('Số nhân khẩu'), thu nhập mỗi người vượt chuẩn nghèo một chút (đã tính đủ phần lẻ). Hãy ghi {detail} vào ô {cell} (thu nhập bình quân mỗi người một tháng, theo đơn vị ghi ở tiêu đề cột; đã làm tròn lên để hộ vẫn vượt chuẩn nghèo). Hộ vẫn được tính.",
                "Cell {cell} ('{column}') holds '{value}', the whole household's income, not each person's: divided by the household's {instead} people ('Số nhân khẩu'), each person's income is just over the poverty line (counted to the hundredth of a đồng). Write {detail} in {cell} (the average income per person a month, in the unit the column's header gives; rounded up so that the household stays over the poverty line). The household still counts.",
            ),
            (
                "moved-uncounted",
                "Ô {cell} ('{column}') ghi '{value}', là thu nhập của cả hộ, không phải của mỗi người: đã chia cho {instead} người của hộ ('Số nhân khẩu'), thu nhập mỗi người vượt chuẩn nghèo một chút (đã tính đủ phần lẻ). Hãy ghi {detail} vào ô {cell} (thu nhập bình quân mỗi người một tháng, theo đơn vị ghi ở tiêu đề cột; đã làm tròn lên để hộ vẫn vượt chuẩn nghèo).",
                "Cell {cell} ('{column}') holds '{value}', the whole household's income, not each person's: divided by the household's {instead} people ('Số nhân khẩu'), each person's income is just over the poverty line (counted to the hundredth of a đồng). Write {detail} in {cell} (the average income per person a month, in the unit the column's header gives; rounded up so that the household stays over the poverty line).",
            ),
            (
                "moved-year",
                "Ô {cell} ('{column}') ghi '{value}', là thu nhập của cả hộ, không phải của mỗi người: đã chia cho {instead} người của hộ ('Số nhân khẩu'), thu nhập mỗi người vượt chuẩn nghèo một chút (đã tính đủ phần lẻ). Hãy ghi {detail} vào ô {cell} (thu nhập mỗi người một năm, theo đơn vị ghi ở tiêu đề cột; đã làm tròn lên để hộ vẫn vượt chuẩn nghèo). Hộ vẫn được tính.",
                "Cell {cell} ('{column}') holds '{value}', the whole household's income, not each person's: divided by the household's {instead} people ('Số nhân khẩu'), each person's income is just over the poverty line (counted to the hundredth of a đồng). Write {detail} in {cell} (each person's income a year, in the unit the column's header gives; rounded up so that the household stays over the poverty line). The household still counts.",
            ),
            (
                "moved-year-uncounted",
                "Ô {cell} ('{column}') ghi '{value}', là thu nhập của cả hộ, không phải của mỗi người: đã chia cho {instead} người của hộ ('Số nhân khẩu'), thu nhập mỗi người vượt chuẩn nghèo một chút (đã tính đủ phần lẻ). Hãy ghi {detail} vào ô {cell} (thu nhập mỗi người một năm, theo đơn vị ghi ở tiêu đề cột; đã làm tròn lên để hộ vẫn vượt chuẩn nghèo).",
                "Cell {cell} ('{column}') holds '{value}', the whole household's income, not each person's: divided by the household's {instead} people ('Số nhân khẩu'), each person's income is just over the poverty line (counted to the hundredth of a đồng). Write {detail} in {cell} (each person's income a year, in the unit the column's header gives; rounded up so that the household stays over the poverty line).",
            ),
            # many in the plan's start list, said once naming the rows (plan._cells_not_read;
            # session 51's review); past five, some rows left out for another error
            (
                "plan-rows",
                "'{column}' ghi thu nhập của cả hộ ở {detail}, như '{value}' ở ô {cell}: đã chia cho số nhân khẩu của từng hộ (thu nhập bình quân mỗi người một tháng). Hãy ghi thu nhập bình quân mỗi người một tháng, theo đơn vị ghi ở tiêu đề cột (ví dụ {example}). Các hộ vẫn được tính.",
                "'{column}' holds the whole household's income in {detail}, such as '{value}' at {cell}: divided by each household's size (the average income per person a month). Write the average income per person a month, in the unit the column's header gives (e.g. {example}). The households still count.",
            ),
            (
                "plan-rows-uncounted",
                "'{column}' ghi thu nhập của cả hộ ở {detail}, như '{value}' ở ô {cell}: đã chia cho số nhân khẩu của từng hộ (thu nhập bình quân mỗi người một tháng). Hãy ghi thu nhập bình quân mỗi người một tháng, theo đơn vị ghi ở tiêu đề cột (ví dụ {example}).",
                "'{column}' holds the whole household's income in {detail}, such as '{value}' at {cell}: divided by each household's size (the average income per person a month). Write the average income per person a month, in the unit the column's header gives (e.g. {example}).",
            ),
            (
                "plan-rows-partly",
                "'{column}' ghi thu nhập của cả hộ ở {detail}, như '{value}' ở ô {cell}: đã chia cho số nhân khẩu của từng hộ (thu nhập bình quân mỗi người một tháng). Hãy ghi thu nhập bình quân mỗi người một tháng, theo đơn vị ghi ở tiêu đề cột (ví dụ {example}). Các hộ vẫn được tính, trừ {instead}: các hộ đó chưa được tính vì lỗi khác.",
                "'{column}' holds the whole household's income in {detail}, such as '{value}' at {cell}: divided by each household's size (the average income per person a month). Write the average income per person a month, in the unit the column's header gives (e.g. {example}). The households still count, but for {instead}: those are left out for another error.",
            ),
            # ... under a header of each person's year: said a year's, as its example (session 51)
            (
                "plan-rows-year",
                "'{column}' ghi thu nhập của cả hộ ở {detail}, như '{value}' ở ô {cell}: đã chia cho số nhân khẩu của từng hộ (thu nhập mỗi người một năm). Hãy ghi thu nhập mỗi người một năm, theo đơn vị ghi ở tiêu đề cột (ví dụ {example}). Các hộ vẫn được tính.",
                "'{column}' holds the whole household's income in {detail}, such as '{value}' at {cell}: divided by each household's size (each person's income a year). Write each person's income a year, in the unit the column's header gives (e.g. {example}). The households still count.",
            ),
            (
                "plan-rows-year-uncounted",
                "'{column}' ghi thu nhập của cả hộ ở {detail}, như '{value}' ở ô {cell}: đã chia cho số nhân khẩu của từng hộ (thu nhập mỗi người một năm). Hãy ghi thu nhập mỗi người một năm, theo đơn vị ghi ở tiêu đề cột (ví dụ {example}).",
                "'{column}' holds the whole household's income in {detail}, such as '{value}' at {cell}: divided by each household's size (each person's income a year). Write each person's income a year, in the unit the column's header gives (e.g. {example}).",
            ),
            (
                "plan-rows-year-partly",
                "'{column}' ghi thu nhập của cả hộ ở {detail}, như '{value}' ở ô {cell}: đã chia cho số nhân khẩu của từng hộ (thu nhập mỗi người một năm). Hãy ghi thu nhập mỗi người một năm, theo đơn vị ghi ở tiêu đề cột (ví dụ {example}). Các hộ vẫn được tính, trừ {instead}: các hộ đó chưa được tính vì lỗi khác.",
                "'{column}' holds the whole household's income in {detail}, such as '{value}' at {cell}: divided by each household's size (each person's income a year). Write each person's income a year, in the unit the column's header gives (e.g. {example}). The households still count, but for {instead}: those are left out for another error.",
            ),
            # the household's size not read (said at its own cell, the row left out): not divided
            (
                "no-size",
                "Ô {cell} ('{column}') ghi '{value}', là thu nhập của cả hộ, không phải của mỗi người, nhưng số nhân khẩu của hộ chưa đọc được nên không chia được cho từng người: thu nhập để trống. Hãy ghi thu nhập bình quân mỗi người một tháng, theo đơn vị ghi ở tiêu đề cột (ví dụ {example}), và ghi số nhân khẩu của hộ.",
                "Cell {cell} ('{column}') holds '{value}', the whole household's income, not each person's, but the household's size is not read, so it cannot be shared among its people: the income is left blank. Write the average income per person a month, in the unit the column's header gives (e.g. {example}), and the household's size.",
            ),
            # ... under a header of each person's year: asked a year's, as its example (session 51)
            (
                "no-size-year",
                "Ô {cell} ('{column}') ghi '{value}', là thu nhập của cả hộ, không phải của mỗi người, nhưng số nhân khẩu của hộ chưa đọc được nên không chia được cho từng người: thu nhập để trống. Hãy ghi thu nhập mỗi người một năm, theo đơn vị ghi ở tiêu đề cột (ví dụ {example}), và ghi số nhân khẩu của hộ.",
                "Cell {cell} ('{column}') holds '{value}', the whole household's income, not each person's, but the household's size is not read, so it cannot be shared among its people: the income is left blank. Write each person's income a year, in the unit the column's header gives (e.g. {example}), and the household's size.",
            ),
        ),
    ),
    IssueType(
        "negative-income",
        "warning",
        "row",
        "Ô {cell} ('{column}') ghi '{value}', một số âm: thu nhập không thể âm. Hãy ghi thu nhập không có dấu trừ, theo đơn vị ghi ở tiêu đề cột (ví dụ {example}; ghi 0 nếu hộ không có thu nhập). Hộ vẫn được tính, nhưng chưa so được với chuẩn nghèo.",
        "Cell {cell} ('{column}') holds '{value}', a negative number: an income cannot be negative. Write the income without a minus sign, in the unit the column's header gives (e.g. {example}; 0 if the household has no income). The household still counts, but is not compared with the poverty line.",
        variants=(
            # said where the row is left out for another reason (IssueType.uncounted_variant; session 48)
            (
                "uncounted",
                "Ô {cell} ('{column}') ghi '{value}', một số âm: thu nhập không thể âm. Hãy ghi thu nhập không có dấu trừ, theo đơn vị ghi ở tiêu đề cột (ví dụ {example}; ghi 0 nếu hộ không có thu nhập).",
                "Cell {cell} ('{column}') holds '{value}', a negative number: an income cannot be negative. Write the income without a minus sign, in the unit the column's header gives (e.g. {example}; 0 if the household has no income).",
            ),
        ),
    ),
    IssueType(
        "invalid-gender",
        "warning",
        "row",
        "'Giới tính' là '{value}'. Hãy ghi Nam hoặc Nữ. Hộ vẫn được tính.",
        "'Giới tính' is '{value}'. Write Nam or Nữ. The household still counts.",
        variants=(
            # said where the row is left out for another reason (IssueType.uncounted_variant; session 48)
            (
                "uncounted",
                "'Giới tính' là '{value}'. Hãy ghi Nam hoặc Nữ.",
                "'Giới tính' is '{value}'. Write Nam or Nữ.",
            ),
        ),
    ),
    IssueType(
        "unknown-ethnicity",
        "warning",
        "row",
        "'Dân tộc' là '{value}', không có trong danh mục 54 dân tộc. Hãy ghi tên dân tộc (ví dụ Tày, Nùng, Kinh). Hộ vẫn được tính.",
        "'Dân tộc' is '{value}', not one of the 54 ethnic groups. Write the group's name (e.g. Tày, Nùng, Kinh). The household still counts.",
        variants=(
            # said where the row is left out for another reason (IssueType.uncounted_variant; session 48)
            (
                "uncounted",
                "'Dân tộc' là '{value}', không có trong danh mục 54 dân tộc. Hãy ghi tên dân tộc (ví dụ Tày, Nùng, Kinh).",
                "'Dân tộc' is '{value}', not one of the 54 ethnic groups. Write the group's name (e.g. Tày, Nùng, Kinh).",
            ),
        ),
    ),
    IssueType(
        "unknown-vocabulary",
        "warning",
        "row",
        "'{column}' có giá trị '{value}' không có trong danh mục ({detail}). Hộ vẫn được tính.",
        "'{column}' holds '{value}', not in the list ({detail}). The household still counts.",
        # some parts of the cell known, others not: the unknown ones named ({instead})
        (
            (
                "partly",
                "'{column}' ghi '{value}': '{instead}' không có trong danh mục ({detail}); phần còn lại đã được đọc. Hộ vẫn được tính.",
                "'{column}' holds '{value}': '{instead}' is not in the list ({detail}); the rest was read. The household still counts.",
            ),
            # said where the row is left out for another reason (IssueType.uncounted_variant; session 48)
            (
                "uncounted",
                "'{column}' có giá trị '{value}' không có trong danh mục ({detail}).",
                "'{column}' holds '{value}', not in the list ({detail}).",
            ),
            (
                "partly-uncounted",
                "'{column}' ghi '{value}': '{instead}' không có trong danh mục ({detail}); phần còn lại đã được đọc.",
                "'{column}' holds '{value}': '{instead}' is not in the list ({detail}); the rest was read.",
            ),
        ),
    ),
    # an income column of a year ('Thu nhập năm'): read a twelfth a month, said once (session 46)
    IssueType(
        "income-per-year",
        "warning",
        "file",
        "Cột '{column}' ghi thu nhập cả năm: đã lấy một phần mười hai (thu nhập một tháng) để so với chuẩn nghèo, tính theo mỗi người. Nếu đúng là thu nhập một năm của mỗi người thì không cần sửa; nếu cột ghi thu nhập của cả hộ, hãy ghi thu nhập bình quân mỗi người một tháng vào cột '{detail}' rồi gửi lại.",
        "Column '{column}' holds a year's income: a twelfth of it (a month's) was compared with the poverty line, per person. If it is each person's income for a year, nothing to fix; if it is the whole household's, write the income per person a month in a column '{detail}' and send the file again.",
        (
            # its header names the whole household's ('Thu nhập năm của hộ'): a twelfth, and
            # each member's share of it (session 46 review)
            (
                "household",
                "Cột '{column}' ghi thu nhập cả năm của cả hộ: đã chia cho 12 tháng và cho số nhân khẩu của hộ (thu nhập bình quân mỗi người một tháng) để so với chuẩn nghèo. Nếu đúng như vậy thì không cần sửa; nếu không, hãy ghi thu nhập bình quân mỗi người một tháng vào cột '{detail}' rồi gửi lại.",
                "Column '{column}' holds the whole household's income for a year: it was divided by 12 months and by the household's members (the income per person a month) to compare with the poverty line. If that is right, nothing to fix; if not, write the income per person a month in a column '{detail}' and send the file again.",
            ),
            # its header names the whole household's month ('Thu nhập của hộ/tháng'): each
            # member's share (session 51)
            (
                "household-month",
                "Cột '{column}' ghi thu nhập một tháng của cả hộ: đã chia cho số nhân khẩu của hộ (thu nhập bình quân mỗi người một tháng) để so với chuẩn nghèo. Nếu đúng như vậy thì không cần sửa; nếu không, hãy ghi thu nhập bình quân mỗi người một tháng vào cột '{detail}' rồi gửi lại.",
                "Column '{column}' holds the whole household's income for a month: it was divided by the household's members (the income per person a month) to compare with the poverty line. If that is right, nothing to fix; if not, write the income per person a month in a column '{detail}' and send the file again.",
            ),
            # its header names the household but no period ('Thu nhập của hộ') and its values
            # are the household's month (rosterchecks.household_sized: {value} of {instead}
            # households over the line as a person's, none shared): read so (session 52)
            (
                "household-month-guessed",
                "Cột '{column}' không ghi thu nhập của một tháng hay cả năm. Ở {value} trong {instead} hộ nghèo, cận nghèo có từ 2 nhân khẩu trở lên, số ghi vượt chuẩn nghèo nếu là của mỗi người, còn chia cho số nhân khẩu của hộ thì không hộ nào vượt: đã hiểu cột là thu nhập một tháng của cả hộ và chia cho số nhân khẩu (thu nhập bình quân mỗi người một tháng) để so với chuẩn nghèo; phân loại hộ giữ nguyên như xóm ghi. Nếu đúng như vậy, hãy ghi rõ tiêu đề cột là 'Thu nhập của hộ/tháng'; nếu không, hãy ghi thu nhập bình quân mỗi người một tháng vào cột '{detail}' rồi gửi lại.",
                "Column '{column}' does not say whether it holds a month's or a year's income. For {value} of the {instead} poor and near-poor households of 2 people or more, the figure is over the poverty line as a person's income, while shared among the household's members none is: the column was read as the whole household's income for a month and divided by the household's members (the income per person a month) to compare with the poverty line; the households' classes are kept as the hamlet wrote them. If that is right, head the column 'Thu nhập của hộ/tháng'; if not, write the income per person a month in a column '{detail}' and send the file again.",
            ),
            # the plan's start list: the officer's own file, run again (session 46 review)
            (
                "plan",
                "Kế hoạch: cột '{column}' ghi thu nhập cả năm: đã lấy một phần mười hai (thu nhập một tháng) để so với chuẩn nghèo, tính theo mỗi người. Nếu đúng là thu nhập một năm của mỗi người thì không cần sửa; nếu cột ghi thu nhập của cả hộ, hãy ghi thu nhập bình quân mỗi người một tháng vào cột '{detail}' rồi chạy lại.",
                "The plan: column '{column}' holds a year's income: a twelfth of it (a month's) was compared with the poverty line, per person. If it is each person's income for a year, nothing to fix; if it is the whole household's, write the income per person a month in a column '{detail}' and run again.",
            ),
            (
                "plan-household",
                "Kế hoạch: cột '{column}' ghi thu nhập cả năm của cả hộ: đã chia cho 12 tháng và cho số nhân khẩu của hộ (thu nhập bình quân mỗi người một tháng) để so với chuẩn nghèo. Nếu đúng như vậy thì không cần sửa; nếu không, hãy ghi thu nhập bình quân mỗi người một tháng vào cột '{detail}' rồi chạy lại.",
                "The plan: column '{column}' holds the whole household's income for a year: it was divided by 12 months and by the household's members (the income per person a month) to compare with the poverty line. If that is right, nothing to fix; if not, write the income per person a month in a column '{detail}' and run again.",
            ),
            # ... the household but no period, its values the household's month (session 53)
            (
                "plan-household-month-guessed",
                "Kế hoạch: cột '{column}' không ghi thu nhập của một tháng hay cả năm. Ở {value} trong {instead} hộ nghèo, cận nghèo có từ 2 nhân khẩu trở lên, số ghi vượt chuẩn nghèo nếu là của mỗi người, còn chia cho số nhân khẩu của hộ thì không hộ nào vượt: đã hiểu cột là thu nhập một tháng của cả hộ và chia cho số nhân khẩu (thu nhập bình quân mỗi người một tháng) để so với chuẩn nghèo; phân loại hộ giữ nguyên như danh sách ghi. Nếu đúng như vậy, hãy ghi rõ tiêu đề cột là 'Thu nhập của hộ/tháng'; nếu không, hãy ghi thu nhập bình quân mỗi người một tháng vào cột '{detail}' rồi chạy lại.",
                "The plan: column '{column}' does not say whether it holds a month's or a year's income. For {value} of the {instead} poor and near-poor households of 2 people or more, the figure is over the poverty line as a person's income, while shared among the household's members none is: the column was read as the whole household's income for a month and divided by the household's members (the income per person a month) to compare with the poverty line; the households' classes are kept as the list writes them. If that is right, head the column 'Thu nhập của hộ/tháng'; if not, write the income per person a month in a column '{detail}' and run again.",
            ),
            (
                "plan-household-month",
                "Kế hoạch: cột '{column}' ghi thu nhập một tháng của cả hộ: đã chia cho số nhân khẩu của hộ (thu nhập bình quân mỗi người một tháng) để so với chuẩn nghèo. Nếu đúng như vậy thì không cần sửa; nếu không, hãy ghi thu nhập bình quân mỗi người một tháng vào cột '{detail}' rồi chạy lại.",
                "The plan: column '{column}' holds the whole household's income for a month: it was divided by the household's members (the income per person a month) to compare with the poverty line. If that is right, nothing to fix; if not, write the income per person a month in a column '{detail}' and run again.",
            ),
        ),
    ),
    IssueType(
        "income-in-thousands",
        "warning",
        "row",
        "'{column}' ghi {value} đồng/người/tháng, quá thấp: có lẽ được ghi theo nghìn đồng ({detail} đồng?). Hãy ghi thu nhập bằng đồng; hộ vẫn được tính, nhưng chưa so được với chuẩn nghèo.",
        "'{column}' is {value} đồng per person a month, far too low: probably written in thousands ({detail} đồng?). Write the income in đồng; the household is counted, but not compared with the poverty line.",
        # a column headed in its unit ('nghìn đồng', 'triệu đồng'): the value is read in it,
        # and still far too low; the head is not told to write đồng against the header
        (
            # a value under 10 (rules.INCOME_SURELY_IN_MILLIONS) in a column in đồng: '1,2'
            # for 1,2 triệu, guessed in millions (session 50)
            (
                "in-millions",
                "'{column}' ghi {value} đồng/người/tháng, quá thấp: có lẽ được ghi theo triệu đồng ({detail} đồng?). Hãy ghi thu nhập bằng đồng; hộ vẫn được tính, nhưng chưa so được với chuẩn nghèo.",
                "'{column}' is {value} đồng per person a month, far too low: probably written in millions ({detail} đồng?). Write the income in đồng; the household is counted, but not compared with the poverty line.",
            ),
            (
                "in-millions-uncounted",
                "'{column}' ghi {value} đồng/người/tháng, quá thấp: có lẽ được ghi theo triệu đồng ({detail} đồng?). Hãy ghi thu nhập bằng đồng.",
                "'{column}' is {value} đồng per person a month, far too low: probably written in millions ({detail} đồng?). Write the income in đồng.",
            ),
            (
                "in-unit",
                "'{column}' ghi {value}, tính theo đơn vị ghi ở tiêu đề cột là {detail} đồng/người/tháng: quá thấp, có lẽ ghi nhầm. Hãy kiểm tra lại và ghi thu nhập theo đúng đơn vị của cột; hộ vẫn được tính, nhưng chưa so được với chuẩn nghèo.",
                "'{column}' is {value}, in the unit its header names {detail} đồng per person a month: far too low, probably a slip. Check it and write the income in the column's unit; the household is counted, but not compared with the poverty line.",
            ),
            # the value far too high in its header's unit ({instead}), so read in đồng, and far
            # too low so (1,300 under 'Thu nhập năm của hộ (triệu đồng)' for one member;
            # session 47 review)
            (
                "in-dong",
                "'{column}' ghi {value}: theo đơn vị ghi ở tiêu đề cột là {instead} đồng/người/tháng, quá cao, nên đã đọc là đồng: {detail} đồng/người/tháng, quá thấp; có lẽ ghi nhầm. Hãy kiểm tra lại và ghi thu nhập theo đúng đơn vị của cột; hộ vẫn được tính, nhưng chưa so được với chuẩn nghèo.",
                "'{column}' is {value}: in the unit its header names {instead} đồng per person a month, far too high, so it was read in đồng: {detail} đồng per person a month, far too low; probably a slip. Check it and write the income in the column's unit; the household is counted, but not compared with the poverty line.",
            ),
            # said where the row is left out for another reason (IssueType.uncounted_variant; session 48)
            (
                "uncounted",
                "'{column}' ghi {value} đồng/người/tháng, quá thấp: có lẽ được ghi theo nghìn đồng ({detail} đồng?). Hãy ghi thu nhập bằng đồng.",
                "'{column}' is {value} đồng per person a month, far too low: probably written in thousands ({detail} đồng?). Write the income in đồng.",
            ),
            (
                "in-unit-uncounted",
                "'{column}' ghi {value}, tính theo đơn vị ghi ở tiêu đề cột là {detail} đồng/người/tháng: quá thấp, có lẽ ghi nhầm. Hãy kiểm tra lại và ghi thu nhập theo đúng đơn vị của cột.",
                "'{column}' is {value}, in the unit its header names {detail} đồng per person a month: far too low, probably a slip. Check it and write the income in the column's unit.",
            ),
            (
                "in-dong-uncounted",
                "'{column}' ghi {value}: theo đơn vị ghi ở tiêu đề cột là {instead} đồng/người/tháng, quá cao, nên đã đọc là đồng: {detail} đồng/người/tháng, quá thấp; có lẽ ghi nhầm. Hãy kiểm tra lại và ghi thu nhập theo đúng đơn vị của cột.",
                "'{column}' is {value}: in the unit its header names {instead} đồng per person a month, far too high, so it was read in đồng: {detail} đồng per person a month, far too low; probably a slip. Check it and write the income in the column's unit.",
            ),
        ),
    ),
    IssueType(
        "classification-mismatch",
        "warning",
        "row",
        "Phân loại '{value}' khác với chuẩn nghèo ({detail}). Giữ nguyên theo kết quả bình xét của xóm; đề nghị kiểm tra lại.",
        "Classification '{value}' differs from the poverty standard ({detail}). Kept as the hamlet decided; please check.",
        # 'Thoát' where the standard makes a near-poor household: it was read as leaving both
        # lists, which a household that only left the poor list has not
        (
            # a class written with a question mark ('Hộ nghẻo?', read as Hộ nghèo: {instead})
            # that the standard differs from: one line, not this and questioned-classification
            # at one cell (session 50)
            (
                "questioned",
                "Phân loại '{value}' có dấu '?' (chưa chắc chắn): đã tính là {instead}, khác với chuẩn nghèo ({detail}). Hãy xem lại theo kết quả bình xét của xóm và ghi lại phân loại không có dấu '?' (Hộ nghèo, Hộ cận nghèo hoặc Thoát).",
                "Classification '{value}' has a question mark (unsure): counted as {instead}, which differs from the poverty standard ({detail}). Check it against the hamlet's review and write the class again without the '?' (Hộ nghèo, Hộ cận nghèo or Thoát).",
            ),
            # a poor or near-poor household over the line whose income shared among its members
            # ({instead} each) is under it: the whole household's typed (session 49)
            (
                "household-total",
                "Phân loại '{value}' khác với chuẩn nghèo ({detail}). Nếu thu nhập đó là của cả hộ thì mỗi người trong hộ là {instead} đ/tháng, không vượt chuẩn nghèo: hãy ghi số này vào cột 'Thu nhập BQ' (thu nhập bình quân mỗi người mỗi tháng). Nếu không, giữ nguyên theo kết quả bình xét của xóm; đề nghị kiểm tra lại.",
                "Classification '{value}' differs from the poverty standard ({detail}). If that is the whole household's income, each member's share is {instead} đ a month, not over the poverty line: write that under 'Thu nhập BQ' (the income per person a month). If not, keep it as the hamlet decided; please check.",
            ),
            (
                "exited-near-poor",
                "Phân loại '{value}' khác với chuẩn nghèo ({detail}). 'Thoát' được tính là hộ ra khỏi cả danh sách hộ nghèo và hộ cận nghèo: nếu hộ thoát nghèo nhưng nay là hộ cận nghèo, hãy ghi 'Hộ cận nghèo'; nếu theo bình xét của xóm hộ đã thoát cả cận nghèo, giữ nguyên 'Thoát'.",
                "Classification '{value}' differs from the poverty standard ({detail}). 'Thoát' counts as leaving both the poor and the near-poor list: if the household left the poor list but is now near-poor, write 'Hộ cận nghèo'; if the hamlet's review found it above both lines, keep 'Thoát'.",
            ),
            # the same in a list whose class is marked in columns: the 'x' moves to its
            # near-poor column ({instead}), or to one added beside the last class column
            (
                "marks-exited-near-poor",
                "Phân loại '{value}' khác với chuẩn nghèo ({detail}). Dấu 'x' ở ô {cell} được tính là hộ ra khỏi cả danh sách hộ nghèo và hộ cận nghèo: nếu hộ thoát nghèo nhưng nay là hộ cận nghèo, hãy xóa dấu ở ô {cell} và đánh dấu 'x' ở cột '{instead}' cùng dòng; nếu theo bình xét của xóm hộ đã thoát cả cận nghèo, giữ nguyên dấu ở ô {cell}.",
                "Classification '{value}' differs from the poverty standard ({detail}). The 'x' in {cell} counts as leaving both the poor and the near-poor list: if the household left the poor list but is now near-poor, delete the mark in {cell} and mark 'x' in the '{instead}' column of the same row; if the hamlet's review found it above both lines, keep the mark in {cell}.",
            ),
            (
                "marks-exited-no-near-poor",
                "Phân loại '{value}' khác với chuẩn nghèo ({detail}). Dấu 'x' ở ô {cell} được tính là hộ ra khỏi cả danh sách hộ nghèo và hộ cận nghèo: nếu hộ thoát nghèo nhưng nay là hộ cận nghèo, hãy thêm cột 'Hộ cận nghèo' bên cạnh cột '{instead}', xóa dấu ở ô {cell} và đánh dấu 'x' ở cột mới cùng dòng; nếu theo bình xét của xóm hộ đã thoát cả cận nghèo, giữ nguyên dấu ở ô {cell}.",
                "Classification '{value}' differs from the poverty standard ({detail}). The 'x' in {cell} counts as leaving both the poor and the near-poor list: if the household left the poor list but is now near-poor, add a 'Hộ cận nghèo' column beside the '{instead}' column, delete the mark in {cell} and mark 'x' in the new column on the same row; if the hamlet's review found it above both lines, keep the mark in {cell}.",
            ),
            # a list marking the class at the start and at the end of the period, with no exit
            # column: a row marked at the start only is read as exited; {instead} says the
            # cells the head sees (the mark at the start, the end's blank cells)
            (
                "marks-start-only",
                "Hộ được tính là đã thoát vì {instead}; điều này khác với chuẩn nghèo ({detail}). Nếu hộ chưa thoát, hãy đánh dấu 'x' vào ô đúng loại của hộ trong số các ô để trống đó; nếu theo bình xét của xóm hộ đã thoát, giữ nguyên.",
                "The household counts as exited because {instead}; this differs from the poverty standard ({detail}). If it has not left, mark 'x' in the blank cell of its class among them; if the hamlet's review found it has left, leave the row as it is.",
            ),
            (
                "marks-start-only-near-poor",
                "Hộ được tính là đã ra khỏi cả danh sách hộ nghèo và hộ cận nghèo vì {instead}; điều này khác với chuẩn nghèo ({detail}). Nếu hộ nay là hộ cận nghèo, hãy đánh dấu 'x' vào ô hộ cận nghèo trong số các ô để trống đó; nếu theo bình xét của xóm hộ đã thoát cả nghèo và cận nghèo, giữ nguyên.",
                "The household counts as leaving both the poor and the near-poor list because {instead}; this differs from the poverty standard ({detail}). If it is now near-poor, mark 'x' in the near-poor cell among them; if the hamlet's review found it above both lines, leave the row as it is.",
            ),
        ),
    ),
    IssueType(
        "exited-not-listed-at-start",
        "warning",
        "row",
        "Hộ ghi 'Thoát' nhưng không có trong danh sách đầu năm. Hãy kiểm tra mã hộ.",
        "Household marked 'Thoát' but not on the start-of-year list. Check the household code.",
        # a list whose class is marked in columns: the exited column marked ({detail})
        (
            # no month before the plan year stored ({detail}: the year before): it may have
            # left then, a Thoát row kept from last year's list
            (
                "last-year-unknown",
                "Hộ ghi 'Thoát' nhưng không có trong danh sách đầu năm. Kho lịch sử của xã chưa có số liệu năm {detail}, nên chưa biết hộ có phải đã thoát trong năm {detail} hay không. Nếu hộ đã thoát trong năm {detail} (dòng 'Thoát' giữ lại từ danh sách năm trước) thì không cần sửa: hộ không được tính vào số liệu năm nay. Nếu không, hãy kiểm tra mã hộ.",
                "Household marked 'Thoát' but not on the start-of-year list. The commune's history holds no figures of {detail}, so it cannot tell whether the household left in {detail}. If it left in {detail} (a Thoát row kept from last year's list), nothing to fix: it is not counted this year. If not, check the household code.",
            ),
            (
                "marks",
                "Hộ được đánh dấu 'x' ở cột '{detail}' (đã thoát) nhưng không có trong danh sách đầu năm. Hãy kiểm tra mã hộ.",
                "Household marked 'x' in the '{detail}' column (exited) but not on the start-of-year list. Check the household code.",
            ),
            # marked at the start of the period only, the end's cells blank ({detail})
            (
                "marks-start-only",
                "Hộ được tính là đã thoát vì {detail}; nhưng hộ không có trong danh sách đầu năm. Hãy kiểm tra mã hộ; nếu hộ vẫn là hộ nghèo hoặc cận nghèo, hãy đánh dấu 'x' vào ô đúng loại của hộ trong số các ô để trống đó.",
                "The household counts as exited because {detail}, but it is not on the start-of-year list. Check the household code; if it is still poor or near-poor, mark 'x' in the blank cell of its class among them.",
            ),
            # another hamlet's household ({instead}: the hamlet the latest list before, {detail},
            # has it in) written 'Thoát' here while that hamlet sends nothing this period: its
            # exit is counted nowhere this period, that hamlet's once its list comes without it
            # (moves.exited_of_silent_warnings; docs/decisions.md, session 59)
            (
                "other-hamlet",
                "Hộ mã '{value}' được ghi 'Thoát' trong danh sách của xóm {hamlet}, nhưng {detail} ghi hộ ở xóm {instead}. Kỳ này xóm {instead} chưa nộp danh sách, nên hộ chưa được tính là thoát ở xóm nào: khi danh sách của xóm {instead} được tổng hợp mà không còn hộ này, hộ được tính là thoát của xóm {instead}. Đề nghị xóm {instead} ghi dòng của hộ vào danh sách của xóm mình với Phân loại hộ 'Thoát' (giữ nguyên Mã hộ) và xóm {hamlet} xóa dòng này. Nếu ghi nhầm Mã hộ (hộ là của xóm {hamlet}), hãy sửa lại Mã hộ cho đúng.",
                "Household '{value}' is marked 'Thoát' on the list of hamlet {hamlet}, but {detail} lists it in hamlet {instead}. Hamlet {instead} has sent no list this period, so the household is counted as exited in no hamlet yet: once hamlet {instead}'s list is consolidated without it, it is counted as an exit of hamlet {instead}. Ask hamlet {instead} to write the household's row on its own list with Phân loại hộ 'Thoát' (under the same Mã hộ), and hamlet {hamlet} to delete this row. If the Mã hộ is mistyped (the household is hamlet {hamlet}'s), correct it.",
            ),
            # ... that hamlet's list refused this period ({elsewhere}: its file)
            (
                "other-hamlet-refused",
                "Hộ mã '{value}' được ghi 'Thoát' trong danh sách của xóm {hamlet}, nhưng {detail} ghi hộ ở xóm {instead}. Danh sách kỳ này của xóm {instead} ({elsewhere}) bị từ chối nên không được tổng hợp (xem các lỗi của danh sách đó), nên hộ chưa được tính là thoát ở xóm nào: khi danh sách đó được sửa và tổng hợp lại mà không còn hộ này, hộ được tính là thoát của xóm {instead}. Đề nghị xóm {instead} ghi dòng của hộ vào danh sách của xóm mình với Phân loại hộ 'Thoát' (giữ nguyên Mã hộ) và xóm {hamlet} xóa dòng này. Nếu ghi nhầm Mã hộ (hộ là của xóm {hamlet}), hãy sửa lại Mã hộ cho đúng.",
                "Household '{value}' is marked 'Thoát' on the list of hamlet {hamlet}, but {detail} lists it in hamlet {instead}. This period's list of hamlet {instead} ({elsewhere}) was refused and not consolidated (see that list's errors), so the household is counted as exited in no hamlet yet: once that list is corrected and consolidated again without it, it is counted as an exit of hamlet {instead}. Ask hamlet {instead} to write the household's row on its own list with Phân loại hộ 'Thoát' (under the same Mã hộ), and hamlet {hamlet} to delete this row. If the Mã hộ is mistyped (the household is hamlet {hamlet}'s), correct it.",
            ),
            # ... the start list's household of the list's own hamlet, moved to that hamlet since:
            # the year's table counts this row as this hamlet's exit, the month's none yet
            # (docs/decisions.md, session 60)
            (
                "other-hamlet-start",
                "Hộ mã '{value}' được ghi 'Thoát' trong danh sách của xóm {hamlet}, nhưng {detail} ghi hộ ở xóm {instead} (hộ đã chuyển sang xóm {instead}). Bảng biến động từ đầu năm tính hộ là thoát của xóm {hamlet}, vì bảng đó so với danh sách đầu năm, danh sách này ghi hộ ở xóm {hamlet} (hộ chuyển đi rồi thoát nghèo được tính là thoát của xóm có hộ trong danh sách đầu năm, cả khi xóm {instead} đã nộp danh sách). Kỳ này xóm {instead} chưa nộp danh sách, nên bảng biến động trong tháng chưa tính hộ là thoát ở xóm nào: khi danh sách của xóm {instead} được tổng hợp mà không còn hộ này, bảng trong tháng tính hộ là thoát của xóm {instead}. Đề nghị xóm {instead} ghi dòng của hộ vào danh sách của xóm mình với Phân loại hộ 'Thoát' (giữ nguyên Mã hộ) và xóm {hamlet} xóa dòng này. Nếu hộ chưa chuyển đi (hộ vẫn là của xóm {hamlet}), hãy báo xã để xóm {instead} xóa dòng của hộ.",
                "Household '{value}' is marked 'Thoát' on the list of hamlet {hamlet}, but {detail} lists it in hamlet {instead} (it moved to hamlet {instead}). The table since the start of the year counts it as an exit of hamlet {hamlet}, as that table compares with the start-of-year list, which has it in hamlet {hamlet} (a household that moved and then left poverty is counted as an exit of the hamlet the start-of-year list has it in, even once hamlet {instead} has sent its list). Hamlet {instead} has sent no list this period, so the month's table counts it as exited in no hamlet yet: once hamlet {instead}'s list is consolidated without it, the month's table counts it as an exit of hamlet {instead}. Ask hamlet {instead} to write the household's row on its own list with Phân loại hộ 'Thoát' (under the same Mã hộ), and hamlet {hamlet} to delete this row. If it has not moved (it is still hamlet {hamlet}'s), tell the commune so that hamlet {instead} deletes its row.",
            ),
            (
                "other-hamlet-start-refused",
                "Hộ mã '{value}' được ghi 'Thoát' trong danh sách của xóm {hamlet}, nhưng {detail} ghi hộ ở xóm {instead} (hộ đã chuyển sang xóm {instead}). Bảng biến động từ đầu năm tính hộ là thoát của xóm {hamlet}, vì bảng đó so với danh sách đầu năm, danh sách này ghi hộ ở xóm {hamlet} (hộ chuyển đi rồi thoát nghèo được tính là thoát của xóm có hộ trong danh sách đầu năm, cả khi danh sách của xóm {instead} được tổng hợp). Danh sách kỳ này của xóm {instead} ({elsewhere}) bị từ chối nên không được tổng hợp (xem các lỗi của danh sách đó), nên bảng biến động trong tháng chưa tính hộ là thoát ở xóm nào: khi danh sách đó được sửa và tổng hợp lại mà không còn hộ này, bảng trong tháng tính hộ là thoát của xóm {instead}. Đề nghị xóm {instead} ghi dòng của hộ vào danh sách của xóm mình với Phân loại hộ 'Thoát' (giữ nguyên Mã hộ) và xóm {hamlet} xóa dòng này. Nếu hộ chưa chuyển đi (hộ vẫn là của xóm {hamlet}), hãy báo xã để xóm {instead} xóa dòng của hộ.",
                "Household '{value}' is marked 'Thoát' on the list of hamlet {hamlet}, but {detail} lists it in hamlet {instead} (it moved to hamlet {instead}). The table since the start of the year counts it as an exit of hamlet {hamlet}, as that table compares with the start-of-year list, which has it in hamlet {hamlet} (a household that moved and then left poverty is counted as an exit of the hamlet the start-of-year list has it in, even once hamlet {instead}'s list is consolidated). This period's list of hamlet {instead} ({elsewhere}) was refused and not consolidated (see that list's errors), so the month's table counts it as exited in no hamlet yet: once that list is corrected and consolidated again without it, the month's table counts it as an exit of hamlet {instead}. Ask hamlet {instead} to write the household's row on its own list with Phân loại hộ 'Thoát' (under the same Mã hộ), and hamlet {hamlet} to delete this row. If it has not moved (it is still hamlet {hamlet}'s), tell the commune so that hamlet {instead} deletes its row.",
            ),
        ),
    ),
    # a Mã hộ matched to a start-list household's though written apart from it by spaces inside
    # or letter case ('nm2', 'TL.01. 005' for 'NM2', 'TL.01.005'; session 36): counted as that
    # household, the head told to write it as the start list does ({detail})
    IssueType(
        "code-spelled-differently",
        "warning",
        "row",
        "Mã hộ ghi '{value}', danh sách đầu năm ghi '{detail}': hai mã chỉ khác nhau ở dấu cách hoặc chữ hoa, chữ thường, nên đã được hiểu là cùng một hộ và hộ vẫn được tính. Hãy ghi Mã hộ đúng như danh sách đầu năm: '{detail}'.",
        "Mã hộ is written '{value}', the start-of-year list writes '{detail}': the two differ only by spaces or upper and lower case, so they were taken as one household, and it is counted. Write the Mã hộ as the start-of-year list does: '{detail}'.",
        (
            # its digits of another script or its dots and dashes look-alikes ('０１',
            # 'TL–01–001' for '01', 'TL-01-001': figures.as_start_writes; session 54, D3)
            (
                "lookalike",
                "Mã hộ ghi '{value}', danh sách đầu năm ghi '{detail}': hai mã chỉ khác nhau ở kiểu chữ số hoặc kiểu dấu chấm, dấu gạch (gõ bằng bộ gõ hay phông chữ khác), nên đã được hiểu là cùng một hộ và hộ vẫn được tính. Hãy ghi Mã hộ đúng như danh sách đầu năm: '{detail}'.",
                "Mã hộ is written '{value}', the start-of-year list writes '{detail}': the two differ only by the kind of digits or of dots and dashes (typed with another keyboard or font), so they were taken as one household, and it is counted. Write the Mã hộ as the start-of-year list does: '{detail}'.",
            ),
        ),
    ),
    # a head's name typed without the Vietnamese marks its start-list row has ('NONG VAN THANG'
    # for 'Nông Văn Thắng'): run._names_without_marks; session 49
    IssueType(
        "name-without-marks",
        "warning",
        "row",
        "Họ tên chủ hộ ghi '{value}', không có dấu tiếng Việt; danh sách đầu năm ghi hộ này là '{detail}'. Hộ vẫn được tính. Nếu chủ hộ vẫn là người đó, hãy ghi họ tên có dấu như danh sách đầu năm: '{detail}'; nếu đã đổi chủ hộ, hãy ghi họ tên chủ hộ mới, có dấu (danh sách niêm yết công khai in họ tên như xóm ghi).",
        "The head's name is written '{value}', without its Vietnamese marks; the start-of-year list writes this household's head '{detail}'. The household is counted. If the head is still that person, write the name with its marks as the start-of-year list does: '{detail}'; if the head has changed, write the new head's name with its marks (the posted list prints the name as the hamlet writes it).",
    ),
    # a head's name written in ALL CAPS or after 'Ông', 'Bà' where the start list writes it
    # otherwise: run._names_as_written; session 50
    IssueType(
        "name-as-written",
        "warning",
        "row",
        "Họ tên chủ hộ ghi '{value}'; danh sách đầu năm ghi hộ này là '{detail}'. Hộ vẫn được tính, và danh sách niêm yết công khai in họ tên đúng như xóm ghi: '{value}'. Nếu chủ hộ vẫn là người đó, hãy ghi họ tên như danh sách đầu năm: '{detail}' (không thêm 'Ông', 'Bà' trước họ tên); nếu đã đổi chủ hộ, hãy ghi họ tên chủ hộ mới.",
        "The head's name is written '{value}'; the start-of-year list writes this household's head '{detail}'. The household is counted, and the posted list prints the name as the hamlet writes it: '{value}'. If the head is still that person, write the name as the start-of-year list does: '{detail}' (no 'Ông', 'Bà' before it); if the head has changed, write the new head's name.",
    ),
    IssueType(
        "code-changed",
        "warning",
        "row",
        "Mã hộ '{value}' khác mã {instead} của cùng hộ này (cùng họ tên chủ hộ và năm sinh) trong {detail}. Hộ được tính là một hộ: không tính là thoát hay phát sinh mới. Nếu ghi nhầm mã, hãy sửa lại cho đúng mã trong sổ của xã; nếu xã đã đổi mã cho hộ thì không cần sửa; nếu đây là hai hộ khác nhau, hãy ghi lại dòng của hộ mã {instead} với Phân loại hộ 'Thoát'.",
        "Mã hộ '{value}' differs from the code {instead} of the same household (same head's name and birth year) in {detail}. It is counted as one household: neither exited nor new. If the code was mistyped, correct it to the code in the commune's register; if the commune changed the household's code, nothing to fix; if they are two different households, write the row of household {instead} again with Phân loại hộ 'Thoát'.",
        # the household left the lists after that list and is back under this code: tái nghèo
        # (moves._back_warnings; docs/decisions.md, session 42)
        (
            (
                "returned",
                "Mã hộ '{value}' khác mã {instead} của cùng hộ này (cùng họ tên chủ hộ và năm sinh) trong {detail}; hộ đã ra khỏi danh sách sau đó. Hộ được tính là một hộ trở lại danh sách (tái nghèo hoặc tái cận nghèo), không phải hộ lần đầu vào danh sách. Nếu ghi nhầm mã, hãy sửa lại cho đúng mã trong sổ của xã; nếu xã đã đổi mã cho hộ thì không cần sửa; nếu đây là hai hộ khác nhau, hãy báo cho cán bộ xã.",
                "Mã hộ '{value}' differs from the code {instead} of the same household (same head's name and birth year) in {detail}; the household left the lists after that. It is counted as one household back on the lists (tái nghèo or tái cận nghèo), not as one on the lists for the first time. If the code was mistyped, correct it to the code in the commune's register; if the commune changed the household's code, nothing to fix; if they are two different households, tell the commune officer.",
            ),
            # the plain words of a household whose other code is another hamlet's list's
            # ({detail} names that hamlet: "xóm đó"), moved from there: that hamlet's list, not
            # this one, would write the other code's row 'Thoát' were they two households
            # (moves.back_warnings; session 60, C2)
            (
                "moved",
                "Mã hộ '{value}' khác mã {instead} của cùng hộ này (cùng họ tên chủ hộ và năm sinh) trong {detail}. Hộ được tính là một hộ chuyển đến xóm {hamlet} từ xóm đó: không tính là thoát hay phát sinh mới. Nếu ghi nhầm mã, hãy sửa lại cho đúng mã trong sổ của xã; nếu xã đã đổi mã cho hộ thì không cần sửa; nếu đây là hai hộ khác nhau, hãy báo cho cán bộ xã: xóm {hamlet} giữ nguyên dòng này, còn hộ mã {instead} là hộ của xóm đó (nếu hộ đó đã thoát, xóm đó ghi lại dòng của hộ với Phân loại hộ 'Thoát').",
                "Mã hộ '{value}' differs from the code {instead} of the same household (same head's name and birth year) in {detail}. It is counted as one household moved into hamlet {hamlet} from that hamlet: neither exited nor new. If the code was mistyped, correct it to the code in the commune's register; if the commune changed the household's code, nothing to fix; if they are two different households, tell the commune officer: hamlet {hamlet} keeps this row, and household {instead} is that hamlet's (if it has exited, that hamlet writes its row again with Phân loại hộ 'Thoát').",
            ),
            # the plain words of a household whose other code another hamlet's list writes now
            # for its own household (two codes swapped across hamlets): a 'Thoát' row under it
            # would write one code twice in the commune (moves.recoded_warnings; session 60, C2)
            (
                "taken",
                "Mã hộ '{value}' khác mã {instead} của cùng hộ này (cùng họ tên chủ hộ và năm sinh) trong {detail}, và mã {instead} nay là mã của một hộ trong danh sách xóm khác (có thể hai mã bị ghi đổi cho nhau); hộ được tính là một hộ, không phải hộ thoát hay hộ mới. Nếu ghi nhầm mã: sửa theo mã trong sổ của xã. Nếu xã đã đổi mã cho hộ: không cần sửa. Nếu là hai hộ khác nhau: báo cán bộ xã, và đừng ghi dòng 'Thoát' với mã {instead} (mã đó nay là của hộ khác).",
                "Mã hộ '{value}' differs from the code {instead} of the same household (same head's name and birth year) in {detail}, and {instead} is now the code of a household on another hamlet's list (the two codes may have been swapped); it is counted as one household, neither exited nor new. If the code was mistyped: correct it to the code in the commune's register. If the commune changed the household's code: nothing to fix. If they are two households: tell the commune officer, and do not write a 'Thoát' row under {instead} (it is another household's code now).",
            ),
            # the household on last year's list here under another code ({instead}), the year's
            # start list writing it in another hamlet ({detail} says both): it never left the
            # lists, so moved in from that hamlet as the start list has it, not back nor new
            # (moves.kept_at_turn_warnings; session 57)
            (
                "moved-at-turn",
                "Mã hộ '{value}' khác mã {instead} của cùng hộ này (cùng họ tên chủ hộ và năm sinh) trong {detail}. Hộ chưa ra khỏi danh sách nên không tính là tái nghèo hay phát sinh mới: theo danh sách đầu năm, hộ được tính là chuyển đến xóm {hamlet} từ xóm đó. Nếu hộ vẫn ở xóm {hamlet} (danh sách đầu năm ghi nhầm xóm), hãy báo xã để sửa danh sách đầu năm; nếu hộ đã chuyển sang xóm đó, hãy xóa dòng này (không ghi 'Thoát'): xóm đó ghi hộ vào danh sách của mình với Mã hộ đó.",
                "Mã hộ '{value}' differs from the code {instead} of the same household (same head's name and birth year) on {detail}. The household never left the lists, so it is not counted back (tái nghèo) nor new: as the start-of-year list has it, it is counted as moved into hamlet {hamlet} from that hamlet. If it still lives in hamlet {hamlet} (the start-of-year list has the wrong hamlet), tell the commune so that the start-of-year list is corrected; if it moved to that hamlet, delete this row (do not write 'Thoát'): that hamlet writes it on its own list under that Mã hộ.",
            ),
            # the code is another head's of the hamlet on the list compared with, this head
            # there under another code ({instead}: that head, this one's code there): codes
            # renumbered (the start list compacting them) or swapped (a slip mid-year), the
            # list in the old ones; counted as that list's household (figures._renumbered_here;
            # session 54; words fitting a slip too: R4)
            (
                "renumbered",
                "Theo {detail}, mã hộ '{value}' là mã của hộ {instead} (cùng họ tên chủ hộ và năm sinh). Có lẽ danh sách ghi nhầm mã hộ (mã của hộ này ghi cho hộ khác) hoặc còn ghi mã hộ cũ (trước khi mã hộ được đánh lại). Hộ được tính theo {detail}: không tính là thoát hay phát sinh mới. Hãy ghi lại cột 'Mã hộ' theo mã của từng hộ trong {detail} (không sửa ô 'Xóm') rồi gửi lại.",
                "On {detail}, Mã hộ '{value}' is the code of household {instead} (same head's name and birth year). The list may have a code mistyped (this household's code written for another) or still write the old codes (before the codes were renumbered). It is counted as on {detail}: neither exited nor new. Write the 'Mã hộ' column again with each household's code on {detail} (do not change the 'Xóm' cell) and send it again.",
            ),
            # the household's code on the list compared with ({instead}) written now for another
            # head, the household under a code no one's there: the same renumbering
            (
                "renumbered-own",
                "Theo {detail}, hộ này (cùng họ tên chủ hộ và năm sinh) có mã hộ {instead}, không phải '{value}'; mã {instead} nay danh sách ghi cho một hộ khác. Có lẽ danh sách ghi nhầm mã hộ hoặc còn ghi mã hộ cũ (trước khi mã hộ được đánh lại). Hộ được tính là hộ mã {instead}: không tính là thoát hay phát sinh mới. Hãy ghi lại cột 'Mã hộ' theo mã của từng hộ trong {detail} (không sửa ô 'Xóm') rồi gửi lại.",
                "On {detail}, this household (same head's name and birth year) has the Mã hộ {instead}, not '{value}'; the list now writes {instead} for another household. The list may have a code mistyped or still write the old codes (before the codes were renumbered). It is counted as household {instead}: neither exited nor new. Write the 'Mã hộ' column again with each household's code on {detail} (do not change the 'Xóm' cell) and send it again.",
            ),
            # the code is another hamlet's household's, whose head's name and ID number differ:
            # two households, this one new (moves._reused_warnings; session 48). {detail}: this
            # row's head; {instead}: the other's head and list
            (
                "reused",
                "Mã hộ '{value}' đã là mã của hộ {instead}; nay ghi cho hộ {detail}, chủ hộ khác họ tên (và khác số định danh, nếu có ghi), nên hộ này được tính là hộ mới của xóm {hamlet}, không phải hộ chuyển đến. Nếu là hai hộ khác nhau: xin xã cấp mã hộ riêng cho hộ này rồi ghi vào ô này. Nếu ghi nhầm họ tên chủ hộ: sửa cho giống danh sách trước. Nếu hộ đổi chủ hộ (vợ, chồng, con… làm chủ hộ): giữ nguyên mã và báo cán bộ xã.",
                "Mã hộ '{value}' is the code of household {instead}; it is now written for household {detail}, another head's name (and ID number, where both give one), so this household is counted as new in hamlet {hamlet}, not as moved in. If they are two households: ask the commune for this household's own Mã hộ and write it in this cell. If the head's name is mistyped: correct it to match the earlier list. If the household's head has changed (a spouse, a child…): keep the code and tell the commune officer.",
            ),
            # ... the row left out for an error of its own (said beside), so not counted new:
            # told at once to ask for its own code when correcting the row, else taken for the
            # other household, or both rows left out once that hamlet writes the code too
            # (moves.left_out_reused_warnings; session 63, B)
            (
                "reused-left-out",
                "Mã hộ '{value}' đã là mã của hộ {instead}; nay ghi cho hộ {detail}, chủ hộ khác họ tên (và khác số định danh, nếu có ghi). Dòng này chưa được tính vì lỗi khác đã báo ở cùng dòng. Khi sửa lỗi đó: nếu là hai hộ khác nhau, xin xã cấp mã hộ riêng cho hộ này rồi ghi vào ô này (giữ mã '{value}' thì dòng bị hiểu nhầm là hộ kia, và khi xóm đó cũng ghi mã này thì cả hai dòng đều không được tính); nếu ghi nhầm họ tên chủ hộ, sửa cho giống danh sách trước; nếu hộ đổi chủ hộ (vợ, chồng, con… làm chủ hộ), giữ nguyên mã và báo cán bộ xã (hộ sẽ được tính là hộ mới, không phải hộ chuyển đến).",
                "Mã hộ '{value}' is the code of household {instead}; it is now written for household {detail}, another head's name (and ID number, where both give one). This row is not counted yet, for another error said on the same row. When you correct that error: if they are two households, ask the commune for this household's own Mã hộ and write it in this cell (kept under '{value}', the row would be taken for that other household, and once that hamlet writes '{value}' too, both rows are left out); if the head's name is mistyped, correct it to match the earlier list; if the household's head has changed (a spouse, a child…), keep the code and tell the commune officer (it will be counted as new, not as moved in).",
            ),
            # the code back in its own hamlet (tái nghèo) for another head whose household's size
            # is 2 or more off its latest earlier row's there ({detail}: that head, size and
            # list; {instead}: this row's head and size): perhaps another household given a
            # freed code, perhaps the household's new head (moves.returned_other_head_warnings;
            # session 59)
            (
                "returned-other-head",
                "Mã hộ '{value}' là mã của hộ {detail}; nay ghi cho hộ {instead}, chủ hộ khác và số nhân khẩu chênh từ 2 người trở lên; hộ vẫn được tính là hộ mã '{value}' trở lại danh sách (tái nghèo hoặc tái cận nghèo). Nếu hộ đổi chủ hộ (vợ, chồng, con… làm chủ hộ): không cần sửa. Nếu là một hộ khác: xin xã cấp mã hộ riêng cho hộ này rồi ghi vào ô này; hộ sẽ được tính là hộ mới của xóm {hamlet}, không phải tái nghèo.",
                "Mã hộ '{value}' is the code of household {detail}; it is now written for household {instead}, another head and a household size 2 or more apart; it is still counted as household '{value}' back on the lists (tái nghèo or tái cận nghèo). If the household's head has changed (a spouse, a child…): nothing to fix. If it is another household: ask the commune for this household's own Mã hộ and write it in this cell; it will be counted as new in hamlet {hamlet}, not as back.",
            ),
        ),
    ),
    # a household a list writes under a move-out title naming another plan hamlet, that
    # hamlet not listing it this period (moves._said_moved: moved out, not exited; session 31)
    IssueType(
        "moved-not-listed",
        "warning",
        "row",
        "Hộ {value} được ghi dưới tiêu đề chuyển đi xóm {instead} nhưng danh sách kỳ này của xóm {instead} không có hộ đó (hoặc xóm {instead} chưa nộp danh sách). Xã tính hộ là đã chuyển khỏi xóm {hamlet}, không phải thoát nghèo, và chưa tính hộ vào xóm nào. Đề nghị xóm {instead} ghi hộ vào danh sách của xóm mình, giữ nguyên Mã hộ; nếu hộ vẫn ở xóm {hamlet}, hãy xóa tiêu đề đó.",
        "Household {value} is written under a title saying it moved to hamlet {instead}, but this period's list of hamlet {instead} does not have it (or was not sent). The commune counts it as moved out of hamlet {hamlet}, not as exited, and in no hamlet yet. Ask hamlet {instead} to write it in its own list under the same Mã hộ; if the household is still in hamlet {hamlet}, delete that title.",
        # the named hamlet's list refused this period ({detail}: its file): not consolidated,
        # so not known to lack the household (session 32)
        (
            (
                "refused",
                "Hộ {value} được ghi dưới tiêu đề chuyển đi xóm {instead}, nhưng danh sách kỳ này của xóm {instead} ({detail}) bị từ chối nên không được tổng hợp (xem các lỗi của danh sách đó); vì vậy xã chưa kiểm tra được danh sách đó có hộ này hay không. Xã tạm tính hộ là đã chuyển khỏi xóm {hamlet}, không phải thoát nghèo, và chưa tính hộ vào xóm nào. Đề nghị sửa các lỗi trong danh sách của xóm {instead} (nếu danh sách đó chưa có hộ này thì ghi hộ vào, giữ nguyên Mã hộ) rồi chạy tổng hợp lại; nếu hộ vẫn ở xóm {hamlet}, hãy xóa tiêu đề đó.",
                "Household {value} is written under a title saying it moved to hamlet {instead}, but this period's list of hamlet {instead} ({detail}) was refused and not consolidated (see that list's errors), so whether it has the household could not be checked. The commune counts it for now as moved out of hamlet {hamlet}, not as exited, and in no hamlet yet. Fix the errors in hamlet {instead}'s list (writing the household there under the same Mã hộ if it lacks it) and run the consolidation again; if the household is still in hamlet {hamlet}, delete that title.",
            ),
        ),
    ),
    # most of the list compared with gone at once (moves.mostly_gone_warning; session 49)
    IssueType(
        "households-mostly-gone",
        "warning",
        "file",
        "{value} trong {instead} hộ nghèo, hộ cận nghèo có trong {detail} không có trong danh sách kỳ này và đã được tính là thoát (xem cảnh báo của từng hộ). Nếu danh sách này chỉ ghi các hộ thay đổi (danh sách bổ sung), hãy nhờ trưởng xóm gửi danh sách đầy đủ mọi hộ nghèo, hộ cận nghèo của xóm kỳ này rồi tổng hợp lại; nếu các hộ đó thật sự đã thoát, hãy ghi lại dòng của từng hộ với Phân loại hộ 'Thoát'.",
        "{value} of the {instead} poor and near-poor households on {detail} are missing from this period's roster and are counted as exited (see each household's warning). If this roster lists only the households that changed (a supplementary list), ask the hamlet head for the full list of every poor and near-poor household this period and consolidate again; if they really exited, write each household's row again with Phân loại hộ 'Thoát'.",
        # more than half of them on the hamlet's older file of the period, set aside for this
        # one ({instead}; session 49 review): the list sent in two files. Each said to the
        # hamlet head in its feedback without "ask the hamlet head" ('head' variants)
        (
            # some of them on a list naming no hamlet its head is told to write on this one
            # (apart.several_held): not exited, not to be written 'Thoát' (session 55)
            (
                "held",
                "{value} trong {instead} hộ nghèo, hộ cận nghèo có trong {detail} không có trong danh sách kỳ này và đã được tính là thoát (xem cảnh báo của từng hộ); trong đó hộ có trong tệp gửi riêng không ghi tên xóm thì không phải đã thoát: hãy ghi vào danh sách này, đừng ghi 'Thoát'. Nếu danh sách này chỉ ghi các hộ thay đổi (danh sách bổ sung), hãy nhờ trưởng xóm gửi danh sách đầy đủ mọi hộ nghèo, hộ cận nghèo của xóm kỳ này rồi tổng hợp lại; nếu các hộ khác thật sự đã thoát, hãy ghi lại dòng của từng hộ với Phân loại hộ 'Thoát'.",
                "{value} of the {instead} poor and near-poor households on {detail} are missing from this period's roster and are counted as exited (see each household's warning); of them, a household on a file sent apart naming no hamlet has not exited: write it on this list, not 'Thoát'. If this roster lists only the households that changed (a supplementary list), ask the hamlet head for the full list of every poor and near-poor household this period and consolidate again; if the others really exited, write each one's row again with Phân loại hộ 'Thoát'.",
            ),
            (
                "held-head",
                "{value} trong {instead} hộ nghèo, hộ cận nghèo có trong {detail} không có trong danh sách kỳ này nên đã được tính là thoát (xem cảnh báo của từng hộ); trong đó hộ có trong tệp gửi riêng không ghi tên xóm thì không phải đã thoát: hãy ghi vào danh sách này, đừng ghi 'Thoát'. Nếu danh sách này chỉ ghi các hộ thay đổi (danh sách bổ sung), hãy gửi lại cho xã danh sách đầy đủ mọi hộ nghèo, hộ cận nghèo của xóm kỳ này; nếu các hộ khác thật sự đã thoát, hãy ghi lại dòng của từng hộ với Phân loại hộ 'Thoát'.",
                "{value} of the {instead} poor and near-poor households on {detail} are missing from this period's roster, so they are counted as exited (see each household's warning); of them, a household on a file sent apart naming no hamlet has not exited: write it on this list, not 'Thoát'. If this roster lists only the households that changed (a supplementary list), send the commune the full list of every poor and near-poor household of the hamlet this period; if the others really exited, write each one's row again with Phân loại hộ 'Thoát'.",
            ),
            # ... two or more of them so (session 55, L): the same Vietnamese, number-free
            (
                "held-several",
                "{value} trong {instead} hộ nghèo, hộ cận nghèo có trong {detail} không có trong danh sách kỳ này và đã được tính là thoát (xem cảnh báo của từng hộ); trong đó hộ có trong tệp gửi riêng không ghi tên xóm thì không phải đã thoát: hãy ghi vào danh sách này, đừng ghi 'Thoát'. Nếu danh sách này chỉ ghi các hộ thay đổi (danh sách bổ sung), hãy nhờ trưởng xóm gửi danh sách đầy đủ mọi hộ nghèo, hộ cận nghèo của xóm kỳ này rồi tổng hợp lại; nếu các hộ khác thật sự đã thoát, hãy ghi lại dòng của từng hộ với Phân loại hộ 'Thoát'.",
                "{value} of the {instead} poor and near-poor households on {detail} are missing from this period's roster and are counted as exited (see each household's warning); of them, the households on a file sent apart naming no hamlet have not exited: write them on this list, not 'Thoát'. If this roster lists only the households that changed (a supplementary list), ask the hamlet head for the full list of every poor and near-poor household this period and consolidate again; if the others really exited, write each one's row again with Phân loại hộ 'Thoát'.",
            ),
            (
                "held-several-head",
                "{value} trong {instead} hộ nghèo, hộ cận nghèo có trong {detail} không có trong danh sách kỳ này nên đã được tính là thoát (xem cảnh báo của từng hộ); trong đó hộ có trong tệp gửi riêng không ghi tên xóm thì không phải đã thoát: hãy ghi vào danh sách này, đừng ghi 'Thoát'. Nếu danh sách này chỉ ghi các hộ thay đổi (danh sách bổ sung), hãy gửi lại cho xã danh sách đầy đủ mọi hộ nghèo, hộ cận nghèo của xóm kỳ này; nếu các hộ khác thật sự đã thoát, hãy ghi lại dòng của từng hộ với Phân loại hộ 'Thoát'.",
                "{value} of the {instead} poor and near-poor households on {detail} are missing from this period's roster, so they are counted as exited (see each household's warning); of them, the households on a file sent apart naming no hamlet have not exited: write them on this list, not 'Thoát'. If this roster lists only the households that changed (a supplementary list), send the commune the full list of every poor and near-poor household of the hamlet this period; if the others really exited, write each one's row again with Phân loại hộ 'Thoát'.",
            ),
            # some of them last year's list had here that the year's start list writes in another
            # hamlet (figuresteps._moved_at_turn): moved, not exited, not to be written again nor
            # 'Thoát' (session 56, R5); two or more of them so: the same Vietnamese, number-free
            (
                "moved",
                "{value} trong {instead} hộ nghèo, hộ cận nghèo có trong {detail} không có trong danh sách kỳ này và đã được tính là thoát (xem cảnh báo của từng hộ); trong đó hộ mà danh sách đầu năm ghi ở xóm khác là hộ đã chuyển đi, không phải đã thoát: đừng ghi lại dòng của hộ vào danh sách này, đừng ghi 'Thoát'. Nếu danh sách này chỉ ghi các hộ thay đổi (danh sách bổ sung), hãy nhờ trưởng xóm gửi danh sách đầy đủ mọi hộ nghèo, hộ cận nghèo của xóm kỳ này rồi tổng hợp lại; nếu các hộ khác thật sự đã thoát, hãy ghi lại dòng của từng hộ với Phân loại hộ 'Thoát'.",
                "{value} of the {instead} poor and near-poor households on {detail} are missing from this period's roster and are counted as exited (see each household's warning); of them, a household the start-of-year list writes in another hamlet moved there and has not exited: do not write its row again on this list, nor 'Thoát'. If this roster lists only the households that changed (a supplementary list), ask the hamlet head for the full list of every poor and near-poor household this period and consolidate again; if the others really exited, write each one's row again with Phân loại hộ 'Thoát'.",
            ),
            (
                "moved-head",
                "{value} trong {instead} hộ nghèo, hộ cận nghèo có trong {detail} không có trong danh sách kỳ này nên đã được tính là thoát (xem cảnh báo của từng hộ); trong đó hộ mà danh sách đầu năm ghi ở xóm khác là hộ đã chuyển đi, không phải đã thoát: đừng ghi lại dòng của hộ vào danh sách này, đừng ghi 'Thoát'. Nếu danh sách này chỉ ghi các hộ thay đổi (danh sách bổ sung), hãy gửi lại cho xã danh sách đầy đủ mọi hộ nghèo, hộ cận nghèo của xóm kỳ này; nếu các hộ khác thật sự đã thoát, hãy ghi lại dòng của từng hộ với Phân loại hộ 'Thoát'.",
                "{value} of the {instead} poor and near-poor households on {detail} are missing from this period's roster, so they are counted as exited (see each household's warning); of them, a household the start-of-year list writes in another hamlet moved there and has not exited: do not write its row again on this list, nor 'Thoát'. If this roster lists only the households that changed (a supplementary list), send the commune the full list of every poor and near-poor household of the hamlet this period; if the others really exited, write each one's row again with Phân loại hộ 'Thoát'.",
            ),
            (
                "moved-several",
                "{value} trong {instead} hộ nghèo, hộ cận nghèo có trong {detail} không có trong danh sách kỳ này và đã được tính là thoát (xem cảnh báo của từng hộ); trong đó hộ mà danh sách đầu năm ghi ở xóm khác là hộ đã chuyển đi, không phải đã thoát: đừng ghi lại dòng của hộ vào danh sách này, đừng ghi 'Thoát'. Nếu danh sách này chỉ ghi các hộ thay đổi (danh sách bổ sung), hãy nhờ trưởng xóm gửi danh sách đầy đủ mọi hộ nghèo, hộ cận nghèo của xóm kỳ này rồi tổng hợp lại; nếu các hộ khác thật sự đã thoát, hãy ghi lại dòng của từng hộ với Phân loại hộ 'Thoát'.",
                "{value} of the {instead} poor and near-poor households on {detail} are missing from this period's roster and are counted as exited (see each household's warning); of them, the households the start-of-year list writes in another hamlet moved there and have not exited: do not write their rows again on this list, nor 'Thoát'. If this roster lists only the households that changed (a supplementary list), ask the hamlet head for the full list of every poor and near-poor household this period and consolidate again; if the others really exited, write each one's row again with Phân loại hộ 'Thoát'.",
            ),
            (
                "moved-several-head",
                "{value} trong {instead} hộ nghèo, hộ cận nghèo có trong {detail} không có trong danh sách kỳ này nên đã được tính là thoát (xem cảnh báo của từng hộ); trong đó hộ mà danh sách đầu năm ghi ở xóm khác là hộ đã chuyển đi, không phải đã thoát: đừng ghi lại dòng của hộ vào danh sách này, đừng ghi 'Thoát'. Nếu danh sách này chỉ ghi các hộ thay đổi (danh sách bổ sung), hãy gửi lại cho xã danh sách đầy đủ mọi hộ nghèo, hộ cận nghèo của xóm kỳ này; nếu các hộ khác thật sự đã thoát, hãy ghi lại dòng của từng hộ với Phân loại hộ 'Thoát'.",
                "{value} of the {instead} poor and near-poor households on {detail} are missing from this period's roster, so they are counted as exited (see each household's warning); of them, the households the start-of-year list writes in another hamlet moved there and have not exited: do not write their rows again on this list, nor 'Thoát'. If this roster lists only the households that changed (a supplementary list), send the commune the full list of every poor and near-poor household of the hamlet this period; if the others really exited, write each one's row again with Phân loại hộ 'Thoát'.",
            ),
            (
                "head",
                "{value} trong {instead} hộ nghèo, hộ cận nghèo có trong {detail} không có trong danh sách kỳ này nên đã được tính là thoát (xem cảnh báo của từng hộ). Nếu danh sách này chỉ ghi các hộ thay đổi (danh sách bổ sung), hãy gửi lại cho xã danh sách đầy đủ mọi hộ nghèo, hộ cận nghèo của xóm kỳ này; nếu các hộ đó thật sự đã thoát, hãy ghi lại dòng của từng hộ với Phân loại hộ 'Thoát'.",
                "{value} of the {instead} poor and near-poor households on {detail} are missing from this period's roster, so they are counted as exited (see each household's warning). If this roster lists only the households that changed (a supplementary list), send the commune the full list of every poor and near-poor household of the hamlet this period; if they really exited, write each household's row again with Phân loại hộ 'Thoát'.",
            ),
            (
                "other-file",
                "{value} hộ nghèo, hộ cận nghèo có trong {detail} không có trong danh sách kỳ này và đã được tính là thoát (xem cảnh báo của từng hộ), nhưng phần lớn các hộ đó có trong tệp '{instead}' mà xóm cũng gửi cho kỳ này (tệp đó không được tính vì tệp này mới hơn). Nếu hai tệp là hai phần của danh sách kỳ này (một tệp hộ nghèo và một tệp hộ cận nghèo, hay danh sách đầy đủ và danh sách bổ sung), hãy gộp hai tệp thành một danh sách đầy đủ (mỗi hộ một dòng, ghi như kỳ này), chỉ để tệp đã gộp trong thư mục đầu vào rồi tổng hợp lại; nếu tệp '{instead}' chỉ là bản cũ, hãy ghi lại dòng của từng hộ đã thoát với Phân loại hộ 'Thoát'.",
                "{value} poor and near-poor households on {detail} are missing from this period's roster and are counted as exited (see each household's warning), but most of them are on the file '{instead}' the hamlet also sent for this period (not counted, this file being newer). If the two files are two parts of this period's list (one of the poor and one of the near-poor, or a full list and a supplementary one), merge the two files into one full list (one row per household, as it is this period), keep only the merged file in the input folder and consolidate again; if '{instead}' is only the old copy, write each exited household's row again with Phân loại hộ 'Thoát'.",
            ),
            (
                "other-file-head",
                "{value} hộ nghèo, hộ cận nghèo có trong {detail} không có trong danh sách này nên đã được tính là thoát (xem cảnh báo của từng hộ), nhưng phần lớn các hộ đó có trong tệp '{instead}' mà xóm cũng gửi cho kỳ này; mỗi kỳ xã chỉ tính một danh sách của xóm (tệp gửi sau). Nếu hai tệp là hai phần của danh sách kỳ này, hãy gộp thành một danh sách đầy đủ (mỗi hộ một dòng) rồi gửi lại cho xã; nếu tệp '{instead}' chỉ là bản cũ, hãy ghi lại dòng của từng hộ đã thoát với Phân loại hộ 'Thoát'.",
                "{value} poor and near-poor households on {detail} are missing from this roster, so they are counted as exited (see each household's warning), but most of them are on the file '{instead}' the hamlet also sent for this period; the commune counts one list of the hamlet each period (the later file). If the two files are two parts of this period's list, merge them into one full list (one row per household) and send it again; if '{instead}' is only the old copy, write each exited household's row again with Phân loại hộ 'Thoát'.",
            ),
        ),
    ),
    IssueType(
        "vanished-household",
        "warning",
        "row",
        "Hộ {value} có trong {detail} nhưng không có trong danh sách kỳ này; đã tính là thoát. Đề nghị xóm xác nhận: nếu đúng, hãy ghi lại dòng của hộ (đủ các cột như các hộ khác) với Phân loại hộ 'Thoát'. Nếu hộ chỉ chuyển sang xóm khác trong xã thì không ghi lại: xóm nơi hộ đến ghi hộ vào danh sách của mình với Mã hộ cũ.",
        "Household {value} was on {detail} but is missing from this period's roster; counted as exited. Ask the hamlet to confirm: if so, write the household's row again (every column, as for the others) with Phân loại hộ 'Thoát'. If the household only moved to another hamlet of the commune, do not write it again: the hamlet it moved to lists it under its old Mã hộ.",
        # a list whose class is marked in columns (classmarks.class_mark_columns): the exited column
        # to mark ({column}), or, where it has none, the column to add one beside
        (
            (
                "marks",
                "Hộ {value} có trong {detail} nhưng không có trong danh sách kỳ này; đã tính là thoát. Đề nghị xóm xác nhận: nếu đúng, hãy ghi lại dòng của hộ (đủ các cột như các hộ khác) và đánh dấu 'x' ở cột '{column}'. Nếu hộ chỉ chuyển sang xóm khác trong xã thì không ghi lại: xóm nơi hộ đến ghi hộ vào danh sách của mình với Mã hộ cũ.",
                "Household {value} was on {detail} but is missing from this period's roster; counted as exited. Ask the hamlet to confirm: if so, write the household's row again (every column, as for the others) and mark 'x' in the '{column}' column. If the household only moved to another hamlet of the commune, do not write it again: the hamlet it moved to lists it under its old Mã hộ.",
            ),
            (
                "marks-no-exit",
                "Hộ {value} có trong {detail} nhưng không có trong danh sách kỳ này; đã tính là thoát. Đề nghị xóm xác nhận: nếu đúng, hãy thêm cột 'Thoát' bên cạnh cột '{column}', ghi lại dòng của hộ (đủ các cột như các hộ khác) và đánh dấu 'x' ở cột 'Thoát'. Nếu hộ chỉ chuyển sang xóm khác trong xã thì không ghi lại: xóm nơi hộ đến ghi hộ vào danh sách của mình với Mã hộ cũ.",
                "Household {value} was on {detail} but is missing from this period's roster; counted as exited. Ask the hamlet to confirm: if so, add a 'Thoát' column beside the '{column}' column, write the household's row again (every column, as for the others) and mark 'x' in the 'Thoát' column. If the household only moved to another hamlet of the commune, do not write it again: the hamlet it moved to lists it under its old Mã hộ.",
            ),
            # the list marks the class at the start of the period too ({instead}: the marks)
            (
                "marks-start-only",
                "Hộ {value} có trong {detail} nhưng không có trong danh sách kỳ này; đã tính là thoát. Đề nghị xóm xác nhận: nếu đúng, hãy ghi lại dòng của hộ (đủ các cột như các hộ khác), {instead}. Nếu hộ chỉ chuyển sang xóm khác trong xã thì không ghi lại: xóm nơi hộ đến ghi hộ vào danh sách của mình với Mã hộ cũ.",
                "Household {value} was on {detail} but is missing from this period's roster; counted as exited. Ask the hamlet to confirm: if so, write the household's row again (every column, as for the others) and {instead}. If the household only moved to another hamlet of the commune, do not write it again: the hamlet it moved to lists it under its old Mã hộ.",
            ),
            # moved at the year's turn: the start list writes the household in another hamlet
            # ({instead}: the start list's words naming that hamlet and the Mã hộ it has now;
            # {value}: the code the compared list wrote), whose list is refused ({elsewhere}: its file) or lacks it: not
            # exited, not to be written again here, neither 'Thoát' (session 56, N2)
            (
                "moved-at-turn-refused",
                "Hộ {value} có trong {detail} của xóm nhưng không có trong danh sách kỳ này; {instead}. Danh sách kỳ này của xóm đó (tệp '{elsewhere}') có lỗi nên chưa được tổng hợp, vì vậy kỳ này hộ tạm được tính là thoát khỏi xóm. Hộ đã chuyển đi thì không ghi lại dòng của hộ vào danh sách này, đừng ghi 'Thoát': khi danh sách của xóm đó được sửa và tổng hợp lại, hộ được tính là chuyển đến xóm đó. Nếu hộ vẫn ở xóm này, hãy báo xã để sửa danh sách đầu năm.",
                "Household {value} of this hamlet was on {detail} but is missing from this period's roster; {instead}. That hamlet's roster of this period (file '{elsewhere}') has errors and was not consolidated, so for now the household counts as having exited the hamlet. If it moved, do not write its row again on this roster, nor 'Thoát': once that hamlet's roster is corrected and consolidated, the household counts as moved there. If it still lives in this hamlet, tell the commune so that the start-of-year list is corrected.",
            ),
            (
                "moved-at-turn",
                "Hộ {value} có trong {detail} của xóm nhưng không có trong danh sách kỳ này; {instead}, nhưng danh sách kỳ này của xóm đó chưa có hộ (hoặc xóm đó chưa gửi danh sách), vì vậy kỳ này hộ tạm được tính là thoát khỏi xóm. Hộ đã chuyển đi thì không ghi lại dòng của hộ vào danh sách này, đừng ghi 'Thoát': xóm nơi hộ đến ghi hộ vào danh sách của mình với Mã hộ đó. Nếu hộ vẫn ở xóm này, hãy báo xã để sửa danh sách đầu năm.",
                "Household {value} of this hamlet was on {detail} but is missing from this period's roster; {instead}, but that hamlet's roster of this period does not have it (or the hamlet has not sent one), so for now the household counts as having exited the hamlet. If it moved, do not write its row again on this roster, nor 'Thoát': the hamlet it moved to lists it under that Mã hộ. If it still lives in this hamlet, tell the commune so that the start-of-year list is corrected.",
            ),
            # on a list naming no hamlet of two hamlets' households or more ('holds-several',
            # {instead}: its file; holding.unnamed_holding), or of this hamlet's alone when every
            # hamlet sent its list ('holds-all-sent'; session 54, E4): not exited, to be written
            # on this list, as its 'Cách sửa' says (feedback 'how.apart.several'); counted
            # exited till then (session 54)
            (
                "held-several",
                "Hộ {value} có trong {detail} nhưng không có trong danh sách kỳ này; hộ có trong tệp '{instead}' (gửi riêng, không ghi tên xóm, không được tính). Hộ không phải đã thoát: đừng ghi 'Thoát' cho hộ. Đề nghị xóm ghi hộ vào danh sách này (chèn dưới dòng hộ cuối cùng, đủ các cột như các hộ khác; hỏi xã nếu cần bản sao tệp đó) rồi gửi lại; không gửi lại tệp '{instead}'. Chừng nào hộ chưa được ghi vào danh sách này, kỳ này hộ tạm được tính là đã thoát khỏi xóm.",
                "Household {value} was on {detail} but is missing from this period's roster; it is on the file '{instead}' (sent apart, naming no hamlet, not counted). It has not exited: do not write 'Thoát' for it. Ask the hamlet to write it on this list (below the last household, every column as the others; the commune has a copy of that file if needed) and send it again; do not send '{instead}' again. Until it is written on this list, it counts for now as having exited the hamlet.",
            ),
        ),
    ),
)

# One hidden row ('dòng 7'), not several: the same texts in the singular (variant name + '-one').
_ONE_ROW = {
    "vi": (
        ("các hộ đó", "hộ đó"),
        ("các dòng đó", "dòng đó"),
    ),
    "en": (
        ("They are household rows", "It is a household row"),
        ("those households", "that household"),
        ("If they have left", "If it has left"),
        ("hiding the rows", "hiding the row"),
        ("filtering them out", "filtering it out"),
        ("nhide the rows (", "nhide the row ("),
        ("reads them like", "reads it like"),
        (
            "they have errors, so their households are not counted",
            "it has an error, so its household is not counted",
        ),
        ("the error is told on each row", "the error is told on the row"),
        ("their", "its"),  # the advice of what to write ('in their … column')
        ("for them", "for it"),
    ),
}


# One row of another hamlet's list, of households that moved out or struck through ('Dòng 45
# …'), not several ('Các dòng 45–47 …'; session 30): the same texts in the singular, as for
# rows-hidden (variant name + '-one'). Applied in order, each once per text.
_ONE_ROW_SAID = {
    "vi": (
        ("Các dòng {detail}", "Dòng {detail}"),
        ("là các hộ đã", "là hộ đã"),
        ("các hộ đó", "hộ đó"),
        ("các dòng đó", "dòng đó"),
    ),
    "en": (
        ("Rows {detail} are", "Row {detail} is"),
        ("Rows {detail} say", "Row {detail} says"),
        (", households that moved", ", a household that moved"),
        ("(households crossed out?)", "(a household crossed out?)"),
        ("counts them like", "counts it like"),
        ("so they are not counted", "so it is not counted"),
        ("lists them in", "lists it in"),
        ("those rows", "that row"),
        ("cells of that row", "cell of that row"),
        ("the households are", "the household is"),
        ("the households still live", "the household still lives"),
        ("those households are on", "that household is on"),
        ("delete them from its list", "delete it from its list"),
    ),
}
_SAID_OF_ROWS = (
    "rows-of-other-hamlet",
    "rows-moved-away",
    "rows-moved-unclear",
    "rows-struck-through",
)


def in_one_row(text: str, lang: str, table: dict = _ONE_ROW) -> str:
    """A text of rows-hidden ('các dòng đó', 'They are household rows') said of one row."""
    for many, one in table[lang]:
        text = text.replace(many, one)
    return text


def _one_row(kind: IssueType, table: dict = _ONE_ROW) -> IssueType:
    """``kind`` with a singular form of each of its wordings (variant '<name>-one', 'one')."""
    wordings = (("", kind.vi, kind.en), *kind.variants)
    ones = tuple(
        (
            "-".join(w for w in (name, "one") if w),
            in_one_row(vi, "vi", table),
            in_one_row(en, "en", table),
        )
        for name, vi, en in wordings
    )
    return IssueType(kind.code, kind.severity, kind.level, kind.vi, kind.en,
                     (*kind.variants, *ones))  # fmt: skip


# The English words of a list's households named in {detail} ('1 household (DK2) of hamlet Đồng
# Kè …': holding's 'holds' variants of missing-hamlet, 'codes-held' and 'codes-moved';
# apart.merged_apart_issue's '1 household') said of one, not "they" (Issue.message, where the
# detail's count is 1; session 55). Applied in order, each everywhere in the text. The
# Vietnamese words ('các hộ này') are said of one household alike.
ONE_HOUSEHOLD_CODES = frozenset(
    {"missing-hamlet", "hamlet-codes-of-file-name", "merged-list-apart"}
)
_ONE_HOUSEHOLD_EN = (
    ("ntil they are written on", "ntil it is written on"),
    (", they count as having exited", ", it counts as having exited"),
    (", they are not counted (not exited either)", ", it is not counted (not exited either)"),
    ("once they are written", "once it is written"),
    ("write these households on", "write this household on"),
    ("write them on the hamlet's list", "write it on the hamlet's list"),
    ("if those households have not exited", "if that household has not exited"),
    (
        "If they are {instead}'s households (or those of a hamlet",
        "If it is {instead}'s household (or one of a hamlet",
    ),
    ("if they now live in", "if it now lives in"),
    ("are not counted (not exited either), so", "is not counted (not exited either), so"),
    ("write those households in this list", "write that household in this list"),
    (
        "If they are {hamlet}'s households, write them in this list",
        "If it is {hamlet}'s household, write it in this list",
    ),
)


def in_one_household(text: str) -> str:
    """An English text of :data:`ONE_HOUSEHOLD_CODES` said of the one household its {detail}
    names."""
    for many, one in _ONE_HOUSEHOLD_EN:
        text = text.replace(many, one)
    return text


# What a list apart held adds where its words say its households not counted until written on
# the list of the hamlet it joined: that hamlet left out of the commune's figures till then.
_HELD_SAID = {
    "vi": (
        "chừng nào chưa ghi, các hộ này chưa được tính.",
        "chừng nào chưa ghi, các hộ này chưa được tính, và cả xóm '{instead}' chưa được tính "
        "vào số liệu toàn xã.",
    ),
    "en": (
        "until then they are not counted.",
        "until then they are not counted, and the whole of '{instead}' is left out of the "
        "commune's figures.",
    ),
}


def _held(kind: IssueType) -> IssueType:
    """``kind`` (unknown-hamlet) with the words of a 'joined-sent' list held apart: each
    'joined-sent' wording (and its '-head') as '<name>-held[-title|-head]', saying the hamlet it
    joined left out of the commune's figures until its list holds those households."""
    helds = []
    for name, vi, en in kind.variants:
        base = name.removesuffix("-head").removesuffix("-title")
        if base not in {"joined-sent", "joined-sent-start", "joined-sent-lists"}:
            continue
        helds.append(
            (
                base + "-held" + name[len(base) :],
                vi.replace(*_HELD_SAID["vi"]),
                en.replace(*_HELD_SAID["en"]),
            )
        )
    return IssueType(kind.code, kind.severity, kind.level, kind.vi, kind.en,
                     (*kind.variants, *helds))  # fmt: skip


CATALOGUE: dict[str, IssueType] = {
    t.code: _one_row(t)
    if t.code == "rows-hidden"
    else _one_row(t, _ONE_ROW_SAID)
    if t.code in _SAID_OF_ROWS
    else _held(t)
    if t.code == "unknown-hamlet"
    else t
    for t in _CATALOGUE
}
