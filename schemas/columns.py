"""The contract's sheets, labels, columns and vocabularies, in one place (CONTRACT §1–§3).

Everything a user sees in an input file is named here: sheet names, key/value
labels, roster headers with the wordings people use for them, and the
accepted values. The pipeline matches input against these through
``pipeline.text.fold`` (case-, accent-, spacing- and Unicode-form-insensitive).
"""

from __future__ import annotations

from dataclasses import dataclass

# --- sheets and form types -------------------------------------------------

ROSTER_INFO_SHEET = "Thông tin"
ROSTER_LIST_SHEET = "Danh sách"
PLAN_INFO_SHEET = "Thông tin chung"
PLAN_TARGETS_SHEET = "Chỉ tiêu theo xóm"
PLAN_START_LIST_SHEET = "Danh sách đầu năm"

FORM_TYPE_ROSTER = "Danh sách hộ"
FORM_TYPE_PLAN = "Kế hoạch"

# --- roster key/value block (§2.1) ----------------------------------------
# key -> (template label, other accepted labels)
ROSTER_INFO_LABELS: dict[str, tuple[str, tuple[str, ...]]] = {
    "form_type": ("Loại biểu", ("Loại biểu mẫu", "Biểu")),
    "commune": ("Xã", ("Tên xã", "Đơn vị")),
    "hamlet": ("Xóm", ("Thôn", "Tên xóm", "Thôn/xóm", "Xóm/thôn", "Thôn, xóm")),
    "period": ("Kỳ báo cáo", ("Kỳ", "Tháng báo cáo", "Kỳ báo cáo (tháng)")),
    "total_households": (
        "Tổng số hộ dân cư",
        # 'trong xóm' as heads' title lines write it (session 55, review)
        (
            "Tổng số hộ",
            "Tổng số hộ dân cư của xóm",
            "Số hộ dân cư",
            "Tổng số hộ dân cư trong xóm",
            "Tổng số hộ trong xóm",
            "Số hộ trong xóm",
            "Số hộ dân cư trong xóm",
        ),
    ),
    "preparer": ("Người lập", ("Người lập biểu",)),
    "prepared_on": ("Ngày lập", ("Ngày lập biểu",)),
}

# Counts of the list's households a head adds to its 'Thông tin' block, under labels the
# template has not ('Số hộ nghèo: 12'): read only to be set beside the rows read (session 29:
# discover._info_counts, rosterchecks' info-count-differs); not written in the template. Also
# (session 30) the households written 'Thoát' and the people of the list's households;
# 'Số hộ thoát nghèo' is read and not compared (``left_poverty``).
INFO_COUNT_LABELS: dict[str, tuple[str, tuple[str, ...]]] = {
    "poor": ("Số hộ nghèo", ("Tổng số hộ nghèo", "Hộ nghèo", "Số hộ nghèo trong danh sách")),
    "near_poor": (
        "Số hộ cận nghèo",
        ("Tổng số hộ cận nghèo", "Hộ cận nghèo", "Số hộ cận nghèo trong danh sách"),
    ),
    # households written 'Thoát' (off both lists): a label that says both lists, or neither
    "exited": (
        "Số hộ thoát",
        (
            "Tổng số hộ thoát",
            "Số hộ thoát nghèo, cận nghèo",
            "Số hộ thoát nghèo, thoát cận nghèo",
            "Số hộ thoát nghèo và cận nghèo",
        ),
    ),
    # 'Số hộ thoát nghèo' in the officials' sense counts the poor households that are no longer
    # poor, the ones now near-poor too, which one month's list cannot tell (session 30, review):
    # read, so that it is no unknown line, and never compared
    "left_poverty": (
        "Số hộ thoát nghèo",
        ("Tổng số hộ thoát nghèo", "Hộ thoát nghèo", "Số hộ thoát nghèo trong danh sách"),
    ),
    "people": (
        "Số nhân khẩu",
        (
            "Tổng số nhân khẩu",
            "Số khẩu",
            "Tổng số khẩu",
            "Nhân khẩu",
            "Số nhân khẩu trong danh sách",
        ),
    ),
}

# --- plan key/value block (§3) ---------------------------------------------
PLAN_INFO_LABELS: dict[str, tuple[str, tuple[str, ...]]] = {
    "form_type": ("Loại biểu", ("Loại biểu mẫu", "Biểu")),
    "province": ("Tỉnh", ("Tên tỉnh",)),
    "commune": ("Xã", ("Tên xã",)),
    "plan_year": ("Năm kế hoạch", ("Năm",)),
    "area": ("Khu vực", ("Địa bàn",)),
    "standard": ("Chuẩn nghèo", ("Chuẩn nghèo áp dụng", "Giai đoạn")),
    "poor_target": (
        "Chỉ tiêu giảm tỷ lệ hộ nghèo (điểm %)",
        (
            "Chỉ tiêu giảm tỷ lệ hộ nghèo",
            "Chỉ tiêu giảm tỷ lệ nghèo (điểm %)",
            "Giảm tỷ lệ hộ nghèo",
            "Mức giảm tỷ lệ hộ nghèo",
            "Chỉ tiêu mức giảm tỷ lệ hộ nghèo",
            "Chỉ tiêu giảm tỷ lệ nghèo",
        ),
    ),
    "near_poor_target": (
        "Chỉ tiêu giảm tỷ lệ hộ cận nghèo (điểm %)",
        (
            "Chỉ tiêu giảm tỷ lệ hộ cận nghèo",
            "Chỉ tiêu giảm tỷ lệ cận nghèo (điểm %)",
            "Giảm tỷ lệ hộ cận nghèo",
            "Mức giảm tỷ lệ hộ cận nghèo",
            "Chỉ tiêu mức giảm tỷ lệ hộ cận nghèo",
            "Chỉ tiêu giảm tỷ lệ cận nghèo",
        ),
    ),
    "recipient": ("Cơ quan nhận báo cáo", ("Nơi nhận", "Kính gửi")),
    "reporter": ("Người lập báo cáo", ("Người lập", "Người lập biểu")),
    "chairman": ("Chủ tịch UBND xã", ("Chủ tịch", "Người ký")),
}

AREA_VALUES = {"Nông thôn": "rural", "Thành thị": "urban"}

# --- plan hamlet targets (§3) -----------------------------------------------
PLAN_TARGET_COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "hamlet": (
        "Xóm",
        ("Thôn", "Tên xóm", "Thôn/xóm", "Đơn vị", "Tên thôn", "Tên thôn, xóm", "Tổ dân phố"),
    ),
    # 'Tổng số hộ' names the households; 'Tổng số hộ nghèo' (which begins with it) the poor:
    # each count under the wordings of real plans, so that none is read as another's prefix.
    # (Not the bare 'Số hộ nghèo': under 'Đầu năm 2024' it is named with its group.)
    "start_households": (
        "Tổng số hộ đầu năm",
        ("Tổng số hộ dân cư đầu năm", "Tổng số hộ", "Tổng số hộ dân cư", "Số hộ đầu năm"),
    ),
    "start_poor": (
        "Số hộ nghèo đầu năm",
        ("Hộ nghèo đầu năm", "Tổng số hộ nghèo đầu năm", "Tổng số hộ nghèo"),
    ),
    "start_near_poor": (
        "Số hộ cận nghèo đầu năm",
        ("Hộ cận nghèo đầu năm", "Tổng số hộ cận nghèo đầu năm", "Tổng số hộ cận nghèo"),
    ),
    "poor_target": ("Chỉ tiêu giảm hộ nghèo (hộ)", ("Chỉ tiêu giảm hộ nghèo",)),
    "near_poor_target": ("Chỉ tiêu giảm hộ cận nghèo (hộ)", ("Chỉ tiêu giảm hộ cận nghèo",)),
}


# --- roster columns (§2.2) ---------------------------------------------------
@dataclass(frozen=True)
class Column:
    """A column of a list: its key, the template's header and the other names it is read by.
    (Hashed and compared: ``headers._header_names`` caches by a tuple of columns.)"""

    key: str
    header: str  # the template's header
    aliases: tuple[str, ...] = ()
    required: bool = False
    width: float = 12
    # A count (of people): the words that, right after one of its names, say which of them
    # are counted ('Số người có BHYT', 'Số nhân khẩu nữ'). Such a header counts some of them
    # only, another column, as does one whose following words name another column.
    narrowed_by: tuple[str, ...] = ()
    # ... and the words that, right after a name, only note when or how the same count is taken
    # though they begin with one of those ('Số người có trong hộ', 'Số nhân khẩu có đến 31/12').
    noted_by: tuple[str, ...] = ()
    # Names read only as the whole header, never as the first words of a longer one: 'Giới'
    # alone is the sex, 'Giới thiệu việc làm' (a need) is not (session 43).
    whole: tuple[str, ...] = ()
    # Names read only as the whole header and only where no other header of the list names the
    # column: 'Mã' alone is the household's code, unless the list has its 'Mã hộ' too (then
    # 'Mã' is some other code, an unknown column as before; session 44). So too a short name
    # that may head another column beside the column's own: 'CMND' (the old ID) beside 'Số
    # CCCD' (session 44 review).
    alone: tuple[str, ...] = ()
    # Words in brackets after a name of the column are a note, never narrowing it: 'Họ và tên
    # chủ hộ (không viết tắt)', 'Năm sinh (Nam/Nữ)' are the head's (session 44 review).
    bracket_notes: bool = False
    # Names read as the column (whole, or as the first words of a longer header) that beside a
    # header naming the column otherwise head another column: 'Số CMND' (the old ID) beside
    # 'Số CCCD', 'Dân tộc thiểu số' (often marks) beside 'Dân tộc' (session 44, second pass).
    # Alone, or beside another header named so, they are the column as before.
    yields: tuple[str, ...] = ()
    # ... and names that yield so to the column's own names but not to those of ``yields``:
    # 'Nguyên nhân nghèo chính' beside 'Nguyên nhân nghèo' is another column, beside 'Nguyên
    # nhân khác' the cause (session 45); two different names yielding as far, none of the
    # column's own beside them, are read as one, the other where the first is blank (session
    # 46: headers._SecondColumn.two_names); one name typed twice is two copies.
    yields_less: tuple[str, ...] = ()
    # Headers beginning with a name of the column that are never it, alone or beside it,
    # whatever follows: another column (unknown-column), nothing of it read. 'Nhu cầu đã được
    # hỗ trợ' (the support already received) is not the need (session 46 review). A name of
    # the column beginning with one is the column all the same: 'Thu nhập từ tất cả các
    # nguồn' (the whole income), not 'Thu nhập từ …' of one source (session 48); unless a
    # longer one begins the header too: 'Thu nhập từ các nguồn khác' (session 48 review).
    never: tuple[str, ...] = ()


# What follows 'Số người' / 'Số nhân khẩu' in the header of a count of some members only:
# 'có BHYT', 'không có việc làm', 'được hưởng trợ cấp', 'đi làm', 'nữ', 'trong độ tuổi lao
# động', 'khuyết tật'. Matched folded, as the first word(s) after the name, a year ('năm
# 2024', which folds as 'nam 2024') left out first. Not 'trong hộ', '(người)', 'hiện nay' or
# 'đăng ký thường trú': notes on the same count (nor 'Già': 'gia đình' folds the same). 'Nam'
# narrows only where the header as written says 'nam', not 'năm' (the year, 'Số nhân khẩu
# năm'), and says more than a bare accentless 'nam' (headers._HeaderNames._a_year).
MEMBERS_NARROWED_BY: tuple[str, ...] = (
    "Có", "Không", "Chưa", "Được", "Bị", "Đã", "Đi", "Tham gia", "Thuộc", "Là", "Hưởng",
    "Mắc", "Nữ", "Nam", "Trẻ", "Trên", "Dưới", "Trong độ tuổi", "Trong tuổi",
    "Khuyết tật", "Cao tuổi", "Lao động", "Ốm", "Bệnh", "Tàn tật", "Đang đi", "Đang học",
    "Đang làm", "Thiếu", "Cần",
)  # fmt: skip
# What follows the name in a household size all the same: where, when or how its members are
# counted ('có trong hộ', 'có mặt', 'có đến 31/12/2023', 'được rà soát'). A wrongly read
# size is shown, not counted; a size taken for another count refuses the hamlet's file.
MEMBERS_NOTED_BY: tuple[str, ...] = (
    "Có trong", "Có đến", "Có mặt", "Có tại", "Có ở", "Có hộ khẩu", "Có đăng ký", "Có tên",
    "Có thường trú", "Có hiện nay", "Được rà soát", "Được điều tra", "Được khai",
    "Đã rà soát", "Đã điều tra", "Đã đăng ký", "Đang sinh sống", "Đang ở", "Thuộc hộ",
)  # fmt: skip

# What follows a name of the head ('Chủ hộ', 'Họ tên', 'Họ và tên chủ hộ') in the header of
# another column about the household's people: 'Chủ hộ là nữ', 'Chủ hộ nữ', 'Chủ hộ DTTS',
# 'Họ tên vợ/chồng', 'Họ tên con', 'Chủ hộ khuyết tật' (session 44); as for a count, words
# naming another column narrow it too ('Chủ hộ dân tộc thiểu số'). Not 'người đại diện' (the
# household's representative, read as its head as before) nor a note ('(viết in hoa)').
# A member of the family named after a column of the head ('Năm sinh vợ', 'Số CCCD con'):
# that member's, another column (session 44).
FAMILY_WORDS: tuple[str, ...] = ("Vợ", "Chồng", "Con", "Cha", "Mẹ", "Bố", "Thành viên")
HEAD_NARROWED_BY: tuple[str, ...] = (
    *FAMILY_WORDS, "Là", "Nữ", "Nam", "Khuyết tật", "Cao tuổi", "DTTS", "Thuộc", "Có", "Không",
)  # fmt: skip
# ... and the head named after it ('Số CCCD chủ hộ', 'Năm sinh của chủ hộ'): the same column,
# though 'chủ hộ' names the head's column.
OF_THE_HEAD: tuple[str, ...] = ("Chủ hộ", "Của chủ hộ")
# ... and the birth year followed by the sexes it is written under ('Năm sinh Nam/Nữ'), which
# name the sex column (session 44 review)
BIRTH_YEAR_NOTED_BY: tuple[str, ...] = (*OF_THE_HEAD, "Nam/Nữ", "Nữ/Nam")


INDICATORS: tuple[tuple[str, str, str], ...] = (
    # key, dimension, header (§2.3, standard 2022–2025)
    ("td_01", "Việc làm", "Việc làm"),
    ("td_02", "Việc làm", "Người phụ thuộc"),
    ("td_03", "Y tế", "Dinh dưỡng"),
    ("td_04", "Y tế", "Bảo hiểm y tế"),
    ("td_05", "Giáo dục", "Trình độ giáo dục của người lớn"),
    ("td_06", "Giáo dục", "Tình trạng đi học của trẻ em"),
    ("td_07", "Nhà ở", "Chất lượng nhà ở"),
    ("td_08", "Nhà ở", "Diện tích nhà ở bình quân đầu người"),
    ("td_09", "Nước sinh hoạt và vệ sinh", "Nguồn nước sinh hoạt"),
    ("td_10", "Nước sinh hoạt và vệ sinh", "Nhà tiêu hợp vệ sinh"),
    ("td_11", "Thông tin", "Sử dụng dịch vụ viễn thông"),
    ("td_12", "Thông tin", "Phương tiện phục vụ tiếp cận thông tin"),
)
INDICATOR_KEYS: tuple[str, ...] = tuple(k for k, _, _ in INDICATORS)
INDICATOR_ALIASES: dict[str, tuple[str, ...]] = {
    # The short names and wordings of real lists; "Thiếu …", "Không có …" before any of these
    # (or the header) is the same column (pipeline.read: a deprivation named by its lack).
    "td_01": ("Việc làm của người lớn",),
    "td_02": ("Người phụ thuộc trong hộ gia đình", "Phụ thuộc", "Tỷ lệ người phụ thuộc"),
    "td_03": ("Suy dinh dưỡng",),
    "td_04": ("BHYT", "Thẻ BHYT", "Bảo hiểm y tế (BHYT)"),
    "td_05": (
        "Trình độ giáo dục người lớn",
        "Giáo dục người lớn",
        "Trình độ GD người lớn",
        "Trình độ GD của người lớn",
        "GD người lớn",
    ),
    "td_06": (
        "Tình trạng đi học của trẻ",
        "Trẻ em đi học",
        "Tình trạng đi học",
        "Trẻ em không đi học",
        "Đi học của trẻ em",
    ),
    "td_07": (
        "Chất lượng nhà",
        "Nhà ở không bền chắc",
        "Nhà không bền chắc",
        "Nhà ở không bền vững",
        "Nhà không bền vững",
    ),
    "td_08": ("Diện tích nhà ở", "Diện tích nhà ở bình quân", "Diện tích nhà"),
    "td_09": ("Nước sinh hoạt", "Nước sạch", "Nguồn nước", "Nước sinh hoạt hợp vệ sinh"),
    "td_10": ("Nhà tiêu", "Hố xí hợp vệ sinh", "Nhà vệ sinh", "Hố xí"),
    "td_11": ("Dịch vụ viễn thông", "Viễn thông", "Sử dụng viễn thông"),
    "td_12": ("Phương tiện tiếp cận thông tin", "Tiếp cận thông tin"),
}

# The income's names the words of a part ('khác', 'chính', 'từ …') or of the whole ('từ các
# nguồn') follow: the rule of session 48 ('Thu nhập chính' is one part) after each of them
# alike, 'Thu nhập BQ chính' too (session 49)
_INCOME_BASES = (
    "Thu nhập",
    "Thu nhập BQ",
    "Thu nhập bình quân",
    "TN BQ",
    "TN bình quân",
    "Mức thu nhập bình quân",
    "Mức thu nhập BQ",
)
# ... the official figure ('Thu nhập BQ chính thức': the income as the review settled it, not
# 'chính' the main work's part it begins with; longer than that part: headers._longest_begun;
# session 49), its whole and parts named after it as after the others
_INCOME_OFFICIAL = tuple(f"{base} chính thức" for base in _INCOME_BASES)
# ... the whole, every source: names of the income
_INCOME_WHOLE = tuple(
    f"{base} {whole}"
    for base in (*_INCOME_BASES, *_INCOME_OFFICIAL)
    for whole in ("từ tất cả các nguồn", "từ tất cả nguồn", "từ mọi nguồn", "từ các nguồn")
)
# ... a part: the other incomes, the main work's, one source's, the other sources' (longer than
# the whole it begins with: headers._longest_begun); never the income
_INCOME_PARTS = tuple(
    f"{base} {part}"
    for base in (*_INCOME_BASES, *_INCOME_OFFICIAL)
    for part in ("khác", "chính", "từ", "từ các nguồn khác")
)

# The head's name as heads write it before other words ('Họ tên, năm sinh vợ')
_HEAD_NAMES = ("Họ tên", "Họ và tên", "Chủ hộ", "Họ tên chủ hộ", "Họ và tên chủ hộ")

ROSTER_COLUMNS: tuple[Column, ...] = (
    Column("stt", "STT", ("TT", "Số TT", "Số thứ tự", "S.T.T"), width=5),
    Column(
        "ma_ho",
        "Mã hộ",
        ("Mã số hộ", "Mã HGĐ", "Mã hộ gia đình"),
        required=True,
        width=11,
        alone=("Mã",),
    ),
    Column(
        "chu_ho",
        "Họ và tên chủ hộ",
        ("Họ tên chủ hộ", "Chủ hộ", "Tên chủ hộ", "Họ và tên", "Họ tên"),
        required=True,
        width=24,
        narrowed_by=HEAD_NARROWED_BY,
        bracket_notes=True,
        # the name and birth year in one cell ('Hoàng Văn Ba, 1970'), often a spouse's ('Họ
        # tên, năm sinh vợ'): 'năm' is read as a year after a name, so it does not narrow
        yields=tuple(f"{name} năm sinh" for name in _HEAD_NAMES),
        # the name of whoever answered the review ('Họ tên người khai'; session 45)
        yields_less=tuple(f"{name} người khai" for name in _HEAD_NAMES),
    ),
    Column(
        "nam_sinh",
        "Năm sinh",
        (
            "Năm sinh chủ hộ",
            "NS",
            "NS chủ hộ",  # 'NS' is too short to be read before other words (session 44)
            # a date of birth written whole ('12/03/1965', or a date cell): its year is read
            "Ngày sinh",
            "Ngày sinh chủ hộ",
            "Ngày tháng năm sinh",
            "Ngày tháng năm sinh chủ hộ",
        ),
        width=8,
        narrowed_by=FAMILY_WORDS,
        noted_by=BIRTH_YEAR_NOTED_BY,
        bracket_notes=True,
    ),
    # 'Giới' alone: the short header of a narrow column, and only alone (session 43)
    Column(
        "gioi_tinh",
        "Giới tính",
        # 'Giới (Nam/Nữ)': the short header with the values it takes (session 44)
        ("Giới tính chủ hộ", "Nam/Nữ", "GT", "Giới", "Giới (Nam/Nữ)", "Giới (Nữ/Nam)"),
        width=8,
        whole=("Giới",),
        narrowed_by=FAMILY_WORDS,
        noted_by=OF_THE_HEAD,
        bracket_notes=True,
    ),
    Column(
        "dan_toc",
        "Dân tộc",
        # 'DT chủ hộ' as 'NS chủ hộ' (session 47; 'ĐT chủ hộ', the phone, is not: plain_d)
        ("Dân tộc chủ hộ", "DT", "DT chủ hộ", "Thành phần dân tộc"),
        width=9,
        narrowed_by=FAMILY_WORDS,
        noted_by=OF_THE_HEAD,
        bracket_notes=True,
        yields=("Dân tộc thiểu số",),
        # a column of marks or of 'Kinh'/'DTTS' beside the groups ('Dân tộc (DTTS)', 'Dân tộc
        # (Kinh/DTTS)'; session 45)
        yields_less=("Dân tộc DTTS", "Dân tộc Kinh/DTTS", "Dân tộc DTTS/Kinh"),
    ),
    Column(
        "so_dinh_danh",
        "Số định danh cá nhân",
        (
            "Số CCCD",
            "CCCD",
            "Số căn cước",
            "Số căn cước công dân",
            "Số định danh",
            "Số CMND/CCCD",
            "CMND/CCCD",
            "Số CMND",
            "Mã định danh",
            "Số ĐDCN",
            # the old ID as 'chứng minh thư' names it, and the card's name (session 47)
            "Số CMT",
            "Số CMTND",
            "Căn cước công dân",
            "Mã số định danh",
        ),
        width=15,
        narrowed_by=FAMILY_WORDS,
        noted_by=OF_THE_HEAD,
        bracket_notes=True,
        # 'CMND' alone beside 'Số CCCD' is the old ID, another column (session 44 review)
        alone=("CMND",),
        # the old ID beside the new one, as lists of the change-over keep both
        yields=("Số CMND", "Số CMT", "Số CMTND"),
        # either ID in one column beside the template's, read over 'Số CMND' (session 45); so
        # as 'chứng minh thư' names the old one (session 47 review)
        yields_less=("Số CMND/CCCD", "CMND/CCCD", "Số CMTND/CCCD", "Số CMT/CCCD"),
    ),
    Column(
        "nhan_khau",
        "Số nhân khẩu",
        (
            "Số khẩu",
            "Nhân khẩu",
            "Số người",
            "Số thành viên",
            "Số NK",
            "NK",
            "SNK",  # 'Số nhân khẩu' by its initials, as 'GT', 'DT' (session 43)
            "Số nhân khẩu trong hộ",
            "Số người trong hộ",
        ),
        required=True,
        width=8,
        narrowed_by=MEMBERS_NARROWED_BY,
        noted_by=MEMBERS_NOTED_BY,
        # the household's whole size, as a head heads it (session 44), where no other header
        # names the size (session 44 review)
        alone=("Tổng số nhân khẩu", "Tổng số khẩu", "Tổng số NK"),
        # the members living there beside the household's registered size (session 45)
        yields_less=("Số nhân khẩu thực tế", "Số khẩu thực tế", "Nhân khẩu thực tế"),
    ),
    Column(
        "phan_loai",
        "Phân loại hộ",
        ("Phân loại", "Loại hộ", "Kết quả phân loại", "Kết quả rà soát"),
        required=True,
        width=13,
        alone=("PL",),  # session 44; alone: session 44 review
    ),
    Column(
        "thu_nhap",
        "Thu nhập BQ (đồng/người/tháng)",
        (
            "Thu nhập bình quân",
            "Thu nhập BQ",
            "Thu nhập BQ/người/tháng",
            "Thu nhập",
            # 'TN BQ' (thu nhập bình quân) before what it is of, and 'Mức thu nhập bình quân'
            # (session 47); 'TNBQ' alone is of Column.alone
            "TN BQ",
            "TN bình quân",
            "TNBQ/người/tháng",
            "TNBQ đầu người",
            # a year's, read so (text.per_year; session 47 review's leftovers): each person's,
            # 'BQ' in 'TNBQ hộ/năm' too (not text.household_year; session 47 review)
            "TNBQ/người/năm",
            "TNBQ hộ/năm",
            "Mức thu nhập bình quân",
            "Mức thu nhập BQ",
            # the whole household's income for a year, read so (text.household_year; session 47)
            "Tổng thu nhập năm của hộ",
            "Tổng thu nhập của hộ năm",
            # ... or for a month (text.household_month; session 51), 'tháng' named: 'TN hộ'
            # or 'Tổng thu nhập của hộ' alone names no period, not read as before
            "TN hộ/tháng",
            "TN hộ (đồng/tháng)",
            "TN hộ (nghìn đồng/tháng)",
            "Tổng thu nhập của hộ/tháng",
            "Tổng thu nhập của hộ trong tháng",
            "Tổng thu nhập của hộ (đồng/tháng)",
            # the income from every source, the whole: 'Thu nhập từ …' of one source is never
            # the income (``never`` below), these names of it are (session 48 and its review:
            # 'từ các nguồn', from the sources, is every one), after each name of the average
            # too ('Thu nhập BQ từ các nguồn': session 49)
            *_INCOME_WHOLE,
            # 'chính thức': the official figure, the income (session 49)
            *_INCOME_OFFICIAL,
        ),
        # 'TNBQ': thu nhập bình quân by its initials, as 'SNK' (session 44), where no other
        # header names the income (session 44 review)
        # 'TN hộ' and 'Tổng thu nhập của hộ' naming no period: read only where the list's
        # values show the household's month (rosterchecks.household_sized; session 53),
        # otherwise not read, as before (text.household_total_untimed)
        alone=("TNBQ", "TN hộ", "Tổng thu nhập của hộ"),
        # a year's income beside the income per person and month (session 45)
        yields_less=("Thu nhập năm",),
        # the other incomes ('Thu nhập khác': besides the main work) are never the income,
        # alone or beside it; read over a year's income since session 47 (its review). Nor
        # the main work ('Thu nhập chính': 'Làm ruộng' in words, or that work's income, one
        # part) or one source ('Thu nhập từ lương'; session 48), nor the other sources ('Thu
        # nhập từ các nguồn khác', longer than the name it begins with: session 48 review);
        # so after each name of the average ('Thu nhập BQ chính': session 49)
        never=_INCOME_PARTS,
        # "(đồng/người/tháng)", one word, on one line in bold Times New Roman 12 (143 px):
        # at 13 (96 px) LibreOffice printed the template's header "(đồng/người/t" over "háng)"
        width=20,
    ),
    *(Column(k, h, INDICATOR_ALIASES.get(k, ()), width=10) for k, _, h in INDICATORS),
    Column(
        "nguyen_nhan",
        "Nguyên nhân nghèo",
        ("Nguyên nhân", "NN nghèo"),
        width=20,
        # the cause of falling back is another column beside the cause
        yields=("Nguyên nhân tái nghèo", "Nguyên nhân khác", "Nguyên nhân nghèo khác"),
        # the cause of leaving poverty ('thoát nghèo') is never the cause of poverty, alone or
        # beside it (session 46 reviews)
        never=("Nguyên nhân thoát nghèo", "Nguyên nhân thoát cận nghèo"),
        # the main cause beside the causes (session 45; 'chủ yếu': session 46)
        yields_less=(
            "Nguyên nhân chính",
            "Nguyên nhân nghèo chính",
            "Nguyên nhân chủ yếu",
            "Nguyên nhân nghèo chủ yếu",
        ),
    ),
    Column(
        "doi_tuong",
        "Nhóm đối tượng",
        ("Đối tượng",),
        width=11,
        yields=("Đối tượng khác", "Nhóm đối tượng khác"),
    ),
    Column(
        "nhu_cau",
        "Nhu cầu hỗ trợ",
        ("Nhu cầu", "Hình thức hỗ trợ"),
        width=20,
        yields=("Nhu cầu khác", "Nhu cầu hỗ trợ khác"),
        # the support already received is never the need, alone or beside it (session 46)
        never=("Nhu cầu đã được hỗ trợ", "Nhu cầu đã hỗ trợ"),
        yields_less=("Nhu cầu cần hỗ trợ", "Nhu cầu cần được hỗ trợ"),  # sessions 45, 46
    ),
    Column("ghi_chu", "Ghi chú", ("GC",), width=16),
)
ROSTER_COLUMN_BY_KEY: dict[str, Column] = {c.key: c for c in ROSTER_COLUMNS}
ROSTER_KEYS: tuple[str, ...] = tuple(c.key for c in ROSTER_COLUMNS)
ROSTER_REQUIRED: tuple[str, ...] = tuple(c.key for c in ROSTER_COLUMNS if c.required)

# The start-of-year list (§3) has the roster columns plus the hamlet.
START_LIST_HAMLET = Column("hamlet", "Xóm", ("Thôn", "Tên xóm", "Thôn/xóm"), required=True)
START_LIST_COLUMNS: tuple[Column, ...] = (ROSTER_COLUMNS[0], START_LIST_HAMLET, *ROSTER_COLUMNS[1:])

# --- vocabularies -----------------------------------------------------------
# canonical status -> (Vietnamese label, accepted spellings)
CLASSIFICATIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    # 'Tái nghèo': a household back in poverty is a poor household (whether it returned is the
    # history's to tell, not the word's); 'Hộ HN', 'Hộ CN': the abbreviation after 'Hộ'
    "poor": ("Hộ nghèo", ("Nghèo", "HN", "Hộ nghèo (HN)", "Hộ HN", "Tái nghèo", "Hộ tái nghèo")),
    "near_poor": (
        "Hộ cận nghèo",
        ("Cận nghèo", "HCN", "CN", "Hộ cận nghèo (HCN)", "Hộ CN", "Hộ HCN"),
    ),
    "exited": (
        "Thoát",
        (
            "Thoát nghèo",
            "Thoát cận nghèo",
            "Đã thoát",
            "Hộ thoát",
            "Hộ thoát nghèo",
            "Hộ thoát cận nghèo",
            "Đã thoát nghèo",
            "Đã thoát cận nghèo",
            "Thoát cận",
            "Thoát HN",
            "Thoát CN",
            "Thoát HCN",
            "Đã thoát cận",
        ),
    ),
}
CLASSIFICATION_LABEL = {k: v[0] for k, v in CLASSIFICATIONS.items()}

GENDERS = ("Nam", "Nữ")

# '×' (the multiplication sign) and '✗'/'✘' are the x that a symbol font or autocorrect gives;
# '☒' is a box with one. All say "marked", as an 'x' does on the paper form.
# '✅', '❌' and '✔️' (with its emoji variation selector, dropped before matching) are what a
# phone's keyboard gives; 'TRUE' is a check box's value pasted as text. '■', '●' (a box or a
# dot filled in) and '⊗' (a circled x) are what the symbol fonts below draw as marks.
DEPRIVED_MARKS = (
    "x", "1", "có", "✓", "✔", "√", "☑", "☒", "v", "×", "✗", "✘", "✅", "❌", "true",
    "■", "●", "⊗",
)  # fmt: skip
# '–' and '—' are the '-' that Word or autocorrect gives (a list pasted from a Word table).
# '☐', '□' and '○' are a check box left empty, as 'FALSE' is a check box's value unticked.
NOT_DEPRIVED_MARKS = ("", "0", "không", "-", "–", "—", "false", "☐", "□", "○")
# Excel's Insert > Symbol check marks in the Wingdings font store a Latin letter that the font
# draws as the mark: 'ü' ✓, 'þ' ☑, 'ý' ☒, 'û' ✗. Matched exactly as stored (folding would make
# them 'u', 'y'), only in a mark cell, where no letter is otherwise read.
WINGDINGS_MARKS = ("ü", "þ", "ý", "û")
# Excel's Insert > Symbol in a symbol font stores the letter the font draws as the mark, so the
# cell's font says what the head sees: font (pipeline.legacy.symbol_font) -> {letter as stored:
# the mark it is drawn as}. Read so only in a mark cell (deprivations, classes) whose font is
# that one; a 'P' in Calibri stays a 'P'. Only marks plainly ticked (✓ ✗ ☑ ☒ ■ ● ⊗) or plainly
# left empty (☐ ○) are here; each is then read as DEPRIVED_MARKS / NOT_DEPRIVED_MARKS say, and
# shown so in the messages. Checked against the Unicode 7.0 mappings of these fonts (Wingdings 2
# and Webdings as 8-bit to Unicode tables, Wingdings' glyph names), docs/decisions.md session 20.
# The letters 0x80-0x9F are the cp1252 characters ('˜' 0x98); a C1 control or the font's
# private-use code (U+F0xx) is read as that character first (pipeline.vocab.symbol_mark).
SYMBOL_FONT_MARKS: dict[str, dict[str, str]] = {
    "wingdings 2": {
        "P": "✓",  # 0x50 light check mark
        "O": "✗",  # 0x4F ballot script x
        "Q": "☒",  # 0x51 ballot box with script x
        "R": "☑",  # 0x52 ballot box with check
        "S": "☒",  # 0x53 ballot box with light x
        "T": "☒",  # 0x54 ballot box with x
        "U": "⊗",  # 0x55 circled x
        "V": "⊗",  # 0x56 circled bold x
        "¢": "■",  # 0xA2 black square
        "£": "☐",  # 0xA3 white square: the font's empty check box
        "˜": "●",  # 0x98 black circle
        "™": "○",  # 0x99 white circle
    },
    "wingdings": {
        "ü": "✓",  # 0xFC check mark
        "û": "✗",  # 0xFB ballot x
        "ý": "☒",  # 0xFD ballot box with x
        "þ": "☑",  # 0xFE ballot box with check
        "x": "☒",  # 0x78 x in a rectangle box
        "n": "■",  # 0x6E black square
        "l": "●",  # 0x6C black circle
        "o": "☐",  # 0x6F white square
        "q": "☐",  # 0x71 shadowed white square
        "¨": "☐",  # 0xA8 white medium square
        "¡": "○",  # 0xA1 white circle
    },
    "webdings": {
        "a": "✓",  # 0x61 heavy check mark
        "r": "✗",  # 0x72 cancellation x
        "g": "■",  # 0x67 black large square
        "n": "●",  # 0x6E black large circle
        "c": "☐",  # 0x63 white large square
    },
}

ETHNIC_GROUPS: tuple[str, ...] = (
    "Kinh",
    "Tày",
    "Thái",
    "Mường",
    "Khmer",
    "Hoa",
    "Nùng",
    "Mông",
    "Dao",
    "Gia Rai",
    "Ê Đê",
    "Ba Na",
    "Xơ Đăng",
    "Sán Chay",
    "Cơ Ho",
    "Chăm",
    "Sán Dìu",
    "Hrê",
    "Mnông",
    "Ra Glai",
    "Xtiêng",
    "Bru - Vân Kiều",
    "Thổ",
    "Giáy",
    "Cơ Tu",
    "Gié Triêng",
    "Mạ",
    "Khơ Mú",
    "Co",
    "Tà Ôi",
    "Chơ Ro",
    "Kháng",
    "Xinh Mun",
    "Hà Nhì",
    "Chu Ru",
    "Lào",
    "La Chí",
    "La Ha",
    "Phù Lá",
    "La Hủ",
    "Lự",
    "Lô Lô",
    "Chứt",
    "Mảng",
    "Pà Thẻn",
    "Cơ Lao",
    "Cống",
    "Bố Y",
    "Si La",
    "Pu Péo",
    "Brâu",
    "Ơ Đu",
    "Rơ Măm",
    "Ngái",
)
ETHNIC_ALIASES = {
    "H'Mông": "Mông",
    "Hmông": "Mông",
    "Mèo": "Mông",
    "Sán Chỉ": "Sán Chay",
    "Cao Lan": "Sán Chay",
    "Vân Kiều": "Bru - Vân Kiều",
    "Bru Vân Kiều": "Bru - Vân Kiều",
    "Việt": "Kinh",  # the Kinh's other name in the 1979 list (session 47)
    # Local and subgroup names of the official list (Danh mục các dân tộc Việt Nam, QĐ
    # 121-TCTK/PPCĐ 1979, 'tên gọi khác'), the Dao, Mông, Thái, Nùng, Sán Chay, Sán Dìu and
    # Tày ones heads write in Thái Nguyên and Bắc Kạn. Names of two groups are left out:
    # 'Thổ' (a group of its own, also an old name of the Tày), 'Trại' (Sán Dìu or Dao),
    # 'Xá' (Dao or Khơ Mú), 'Mán' (Dao, Sán Dìu or Mông).
    **{
        f"Dao {sub}": "Dao"
        for sub in (
            "đỏ",
            "tiền",
            "quần chẹt",
            "Lô Gang",
            "thanh y",
            "quần trắng",
            "Làn Tẻn",
            "áo dài",
            "đại bản",
            "tiểu bản",
            "Tuyển",
            "Thanh Phán",
            "Cóc Mùn",
            "Cóc Ngáng",
            "Sơn Đầu",
        )  # fmt: skip
    },
    **{
        f"{name} {colour}": "Mông"
        for name in ("Mông", "H'Mông", "Hmông", "Mèo")
        for colour in ("hoa", "đen", "trắng", "xanh", "đỏ")
    },
    "Thái đen": "Thái",
    "Thái trắng": "Thái",
    "Tày Đăm": "Thái",
    "Tày Khao": "Thái",
    **{
        f"Nùng {sub}": "Nùng"
        for sub in ("An", "Cháo", "Lòi", "Inh", "Dín", "Phàn Slình", "Phàn Sinh", "Khèn Lài")
    },
    "Cao Lan - Sán Chỉ": "Sán Chay",
    "Sán Dẻo": "Sán Dìu",
    "Trại Đất": "Sán Dìu",
    "Mán quần cộc": "Sán Dìu",
    "Ngạn": "Tày",
    "Phén": "Tày",
    "Thu Lao": "Tày",
    "Pa Dí": "Tày",
    # a local group of the Thổ in the same list, though it begins with 'Tày' (session 47)
    "Tày Pọng": "Thổ",
    "Tày Poọng": "Thổ",
}

TARGET_GROUPS: dict[str, str] = {
    "BTXH": "Bảo trợ xã hội",
    "NCC": "Người có công",
    "KKNLĐ": "Không có khả năng lao động",
}
TARGET_GROUP_ALIASES = {
    "KCKNLĐ": "KKNLĐ",
    "KKNLD": "KKNLĐ",
    "KCNLĐ": "KKNLĐ",
    "CSCC": "NCC",
    "Người có công với cách mạng": "NCC",
    "Có công với cách mạng": "NCC",
}
# Words heads put before a group ('Hộ BTXH', 'Đối tượng NCC'): the group all the same.
TARGET_GROUP_PREFIXES = ("Hộ", "Đối tượng", "Nhóm")

CAUSES: tuple[str, ...] = (
    "Thiếu đất sản xuất",
    "Thiếu vốn",
    "Thiếu lao động",
    "Thiếu công cụ, phương tiện sản xuất",
    "Thiếu kiến thức sản xuất",
    "Thiếu kỹ năng lao động",
    "Ốm đau, bệnh nặng, tai nạn",
    "Khác",
)
NEEDS: tuple[str, ...] = (
    "Vay vốn ưu đãi",
    "Hỗ trợ sản xuất",
    "Đào tạo nghề",
    "Việc làm",
    "Xuất khẩu lao động",
    "Nhà ở",
    "Nước sạch",
    "Bảo hiểm y tế",
    "Giáo dục",
    "Khác",
)

# Other wordings of a cause or need, read as the list's own entry. The causes as the national
# review's forms and software word them (DOMAIN §4: 'Không có đất sản xuất', 'Thiếu vốn sản
# xuất, kinh doanh', 'Có người ốm đau, bệnh nặng, tai nạn', 'Nguyên nhân khác'), and the short
# forms heads write ('Thiếu đất', 'Ốm đau', 'Vay vốn'). An entry is matched as whole words
# (accents and case aside), the longest first, so 'Thiếu vốn sản xuất, kinh doanh' is one
# 'Thiếu vốn', not 'Thiếu vốn' and an unknown 'sản xuất, kinh doanh'.
CAUSE_ALIASES: dict[str, str] = {
    "Không có đất sản xuất": "Thiếu đất sản xuất",
    "Không có hoặc thiếu đất sản xuất": "Thiếu đất sản xuất",
    "Thiếu đất": "Thiếu đất sản xuất",
    "Không có đất": "Thiếu đất sản xuất",
    "Không có vốn sản xuất, kinh doanh": "Thiếu vốn",
    "Không có hoặc thiếu vốn sản xuất, kinh doanh": "Thiếu vốn",
    "Thiếu vốn sản xuất, kinh doanh": "Thiếu vốn",
    "Thiếu vốn sản xuất": "Thiếu vốn",
    "Không có vốn": "Thiếu vốn",
    "Không có lao động": "Thiếu lao động",
    "Không có hoặc thiếu lao động": "Thiếu lao động",
    "Thiếu công cụ sản xuất": "Thiếu công cụ, phương tiện sản xuất",
    "Thiếu phương tiện sản xuất": "Thiếu công cụ, phương tiện sản xuất",
    "Thiếu kiến thức sản xuất, kinh doanh": "Thiếu kiến thức sản xuất",
    "Thiếu kiến thức": "Thiếu kiến thức sản xuất",
    "Thiếu kỹ năng": "Thiếu kỹ năng lao động",
    "Có người ốm đau, bệnh nặng, tai nạn": "Ốm đau, bệnh nặng, tai nạn",
    "Có người ốm đau": "Ốm đau, bệnh nặng, tai nạn",
    "Ốm đau, bệnh nặng": "Ốm đau, bệnh nặng, tai nạn",
    "Ốm đau": "Ốm đau, bệnh nặng, tai nạn",
    "Bệnh nặng": "Ốm đau, bệnh nặng, tai nạn",
    "Tai nạn": "Ốm đau, bệnh nặng, tai nạn",
    "Nguyên nhân khác": "Khác",
}
NEED_ALIASES: dict[str, str] = {
    "Vay vốn": "Vay vốn ưu đãi",
    "Vay vốn Ngân hàng Chính sách xã hội": "Vay vốn ưu đãi",
    "Vay vốn NHCSXH": "Vay vốn ưu đãi",
    "Hỗ trợ vay vốn": "Vay vốn ưu đãi",
    "Hỗ trợ phát triển sản xuất": "Hỗ trợ sản xuất",
    "Học nghề": "Đào tạo nghề",
    "Hỗ trợ học nghề": "Đào tạo nghề",
    "Hỗ trợ đào tạo nghề": "Đào tạo nghề",
    "Hỗ trợ việc làm": "Việc làm",
    "Giới thiệu việc làm": "Việc làm",
    "XKLĐ": "Xuất khẩu lao động",
    "Hỗ trợ xuất khẩu lao động": "Xuất khẩu lao động",
    "Hỗ trợ nhà ở": "Nhà ở",
    "Hỗ trợ nước sạch": "Nước sạch",
    "BHYT": "Bảo hiểm y tế",
    "Thẻ BHYT": "Bảo hiểm y tế",
    "Hỗ trợ BHYT": "Bảo hiểm y tế",
    "Hỗ trợ bảo hiểm y tế": "Bảo hiểm y tế",
    "Hỗ trợ giáo dục": "Giáo dục",
    "Hỗ trợ khác": "Khác",
}
CHOICE_ALIASES: dict[tuple[str, ...], dict[str, str]] = {
    CAUSES: CAUSE_ALIASES,
    NEEDS: NEED_ALIASES,
}
# Wordings that hold an alias's words yet name no entry: residential land ('đất ở') is not
# the production land of 'Thiếu đất' ('Thiếu đất ở' is not 'Thiếu đất sản xuất'). Left
# unknown, as written, and not counted under the entry.
CHOICE_NOT_ENTRIES: dict[tuple[str, ...], tuple[str, ...]] = {
    CAUSES: ("Thiếu đất ở", "Không có đất ở", "Không có hoặc thiếu đất ở"),
}

# Rows of a roster sheet that are not households (§2.2), by the folded text of
# their first non-empty cell (see pipeline.text.fold). A signature block ends
# the table; total and subtotal rows and section headings are passed over. None
# of them is recognised in a row that has a Mã hộ (outside the marker's cell).
SIGNATURE_MARKERS: tuple[str, ...] = (
    "nguoi lap",
    "truong xom",
    "truong thon",
    "ngay thang",
    "ngay ",
    "xac nhan",
    "tm uy ban",
    "tm ubnd",
    "chu tich",
    "can bo",
    "ky ghi ro",
    "ky ten",
    "ky va ghi ro",
)
# One-word markers ("cộng", "tổng") match alone or followed by numbering only
# ("Cộng I+II"), so that a head of household named "Tống Văn Bình" is no total.
TOTAL_MARKERS: tuple[str, ...] = (
    "tong cong",
    "tong so",
    "cong",
    "tong",
    "cong i ii",
    "cong ho",
    "tong ho",
    "cong xom",
    "cong thon",
    "tong xom",
    "tong thon",
    "cong danh sach",
    # a group's subtotal named by its class ('Cộng nghèo', 'Cộng cận nghèo', 'Cộng thoát'):
    # two words, as 'cộng hộ' is, so that no head named 'Công' alone is taken for one
    "cong ngheo",
    "cong can ngheo",
    "cong thoat",
    "cong nhom",
    "cong muc",
    "luy ke",
    # the whole hamlet's total ("Cộng toàn xóm"); with the hamlet's word, so that no head's
    # name ('Công Toàn') is taken for one
    "cong toan xom",
    "cong toan thon",
    "tong toan xom",
    "tong toan thon",
    "toan xom",
    "toan thon",
)
# The first words of TOTAL_MARKERS as a total is written (NFC, case-folded), with its marks or
# none: a name whose first word is written with other marks ('Tống Công Thành', 'Công Hồ Nam'
# fold to 'tong cong thanh', 'cong ho nam', as 'Tổng cộng', 'Cộng hộ' do) is no total's word
# (sessions 51 and 53).
TOTAL_FIRST_WORDS: tuple[str, ...] = (
    "cộng", "tổng", "lũy", "luỹ", "toàn", "cong", "tong", "luy", "toan",
)  # fmt: skip
# Notes and summary lines under (or between) the households, written in any column
# ("Trong đó:", "Ghi chú: hộ … chuyển sang cận nghèo", "Lưu ý: …"): the folded words such a
# line begins with. NOTE_MARKERS count before a ':' ("Lưu Ý" alone could be a head's name),
# NOTE_OPENERS, which begin no name, alone or before any words ("Ghi chú hộ … chuyển đi").
NOTE_OPENERS: tuple[str, ...] = ("trong do", "ghi chu", "chu thich")
NOTE_MARKERS: tuple[str, ...] = (*NOTE_OPENERS, "luu y", "chu y")
# The units a count of households or people is written in ("17 hộ", "20 hộ, 95 khẩu"): such a
# count in the Mã hộ or class column is a subtotal's, not a household's.
COUNT_WORDS: tuple[str, ...] = ("ho", "khau", "nhan khau", "nguoi")
# Section headings over a group of households: "I | Hộ nghèo", "II. HỘ CẬN NGHÈO",
# "1. Hộ nghèo", or the label alone in one cell (folded labels, matched as a prefix).
SECTION_MARKERS: tuple[str, ...] = (
    "ho ngheo",
    "ho can ngheo",
    "ho thoat ngheo",
    "ho thoat can ngheo",
    "ho thoat",
    "thoat ngheo",
    "thoat can ngheo",
    "thoat",  # 'III | THOÁT': the households that left, headed by the class alone
    "can ngheo",
    "ngheo",
    "ho moi",
    "ho tai ngheo",
    "ho phat sinh",
    "danh sach",
    "nhom ho",
)
# Words a roster's title rows name the hamlet after ("… XÓM NÀ MÒN – THÁNG 5/2024").
HAMLET_WORDS: tuple[str, ...] = ("xóm", "thôn", "tổ dân phố")
