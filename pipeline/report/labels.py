"""Every text the consolidated workbook shows, in Vietnamese (the output) and English."""

from __future__ import annotations

from pipeline.messages import said_with_unit

# Sheet names are fixed by the contract (CONTRACT §5) in Vietnamese whatever the language,
# so that other tools and the officer's habits can rely on them.
SHEET_NAMES: dict[str, str] = {
    "summary": "Tổng hợp",
    "hamlets": "Theo xóm",
    "movements": "Biến động",
    "deprivations": "Thiếu hụt",
    "causes": "Nguyên nhân",
    "poor_list": "DS hộ nghèo",
    "near_poor_list": "DS hộ cận nghèo",
    "reporting": "Nộp báo cáo",
    "issues": "Lỗi dữ liệu",
    "trend": "Xu hướng",
}

LABELS: dict[str, dict[str, str]] = {
    # --- title block and page ------------------------------------------------
    "org": {"vi": "ỦY BAN NHÂN DÂN XÃ {commune}", "en": "PEOPLE'S COMMITTEE OF {commune} COMMUNE"},
    "nation": {
        "vi": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "en": "SOCIALIST REPUBLIC OF VIETNAM",
    },
    "motto": {"vi": "Độc lập - Tự do - Hạnh phúc", "en": "Independence - Freedom - Happiness"},
    "standard_line": {
        "vi": "Chuẩn nghèo đa chiều giai đoạn {standard} – khu vực {area}",
        "en": "Multidimensional poverty standard {standard} – {area} area",
    },
    "area.rural": {"vi": "nông thôn", "en": "rural"},
    "area.urban": {"vi": "thành thị", "en": "urban"},
    "footer": {"vi": "&CTrang &P / &N", "en": "&CPage &P / &N"},
    "period": {"vi": "tháng {m}/{y}", "en": "{m}/{y}"},
    "period.cap": {"vi": "Tháng {m}/{y}", "en": "Month {m}/{y}"},
    "recipient": {"vi": "Kính gửi: {recipient}", "en": "To: {recipient}"},
    "doc_title": {
        "vi": "Tổng hợp kết quả giảm nghèo tháng {m}/{y} – xã {commune}",
        "en": "Poverty reduction results {m}/{y} – {commune} commune",
    },
    # --- sheet titles ----------------------------------------------------------
    "title.summary": {
        "vi": "TỔNG HỢP KẾT QUẢ GIẢM NGHÈO THÁNG {m}/{y}",
        "en": "POVERTY REDUCTION RESULTS, MONTH {m}/{y}",
    },
    "title.hamlets": {
        "vi": "KẾT QUẢ GIẢM NGHÈO THEO XÓM THÁNG {m}/{y}",
        "en": "POVERTY REDUCTION RESULTS BY HAMLET, MONTH {m}/{y}",
    },
    "title.movements": {
        "vi": "BIẾN ĐỘNG HỘ NGHÈO, HỘ CẬN NGHÈO TỪ ĐẦU NĂM ĐẾN THÁNG {m}/{y}",
        "en": "CHANGES IN POOR AND NEAR-POOR HOUSEHOLDS FROM THE START OF THE YEAR TO {m}/{y}",
    },
    "title.deprivations": {
        "vi": "HỘ NGHÈO, HỘ CẬN NGHÈO THEO MỨC ĐỘ THIẾU HỤT CÁC DỊCH VỤ XÃ HỘI CƠ BẢN THÁNG {m}/{y}",
        "en": "POOR AND NEAR-POOR HOUSEHOLDS BY BASIC SOCIAL SERVICE DEPRIVATION, MONTH {m}/{y}",
    },
    "title.causes": {
        "vi": "NGUYÊN NHÂN NGHÈO VÀ NHÓM ĐỐI TƯỢNG CỦA HỘ NGHÈO, HỘ CẬN NGHÈO THÁNG {m}/{y}",
        "en": "CAUSES OF POVERTY AND TARGET GROUPS OF POOR AND NEAR-POOR HOUSEHOLDS, MONTH {m}/{y}",
    },
    "title.poor_list": {
        "vi": "DANH SÁCH HỘ NGHÈO THÁNG {m}/{y}",
        "en": "LIST OF POOR HOUSEHOLDS, MONTH {m}/{y}",
    },
    "title.near_poor_list": {
        "vi": "DANH SÁCH HỘ CẬN NGHÈO THÁNG {m}/{y}",
        "en": "LIST OF NEAR-POOR HOUSEHOLDS, MONTH {m}/{y}",
    },
    "title.reporting": {
        "vi": "TÌNH HÌNH NỘP BÁO CÁO CỦA CÁC XÓM THÁNG {m}/{y}",
        "en": "HAMLET REPORTING STATUS, MONTH {m}/{y}",
    },
    "title.issues": {
        "vi": "DANH SÁCH LỖI DỮ LIỆU THÁNG {m}/{y}",
        "en": "DATA ISSUES, MONTH {m}/{y}",
    },
    "title.trend": {
        "vi": "XU HƯỚNG TỶ LỆ HỘ NGHÈO, HỘ CẬN NGHÈO NĂM {y}",
        "en": "POOR AND NEAR-POOR RATE TREND, {y}",
    },
    # --- statuses --------------------------------------------------------------
    "hamlet.ok": {"vi": "Đã tổng hợp", "en": "Consolidated"},
    # 'Theo xóm': a hamlet counted without some of its rows (they had errors)
    "hamlet.ok.rows_left_out": {
        "vi": "Đã tổng hợp, có {n} dòng bị loại",
        "en": "Consolidated, {n} row(s) left out",
    },
    "hamlet.missing": {"vi": "Chưa nộp", "en": "Not submitted"},
    "hamlet.rejected": {"vi": "Bị từ chối", "en": "Rejected"},
    "hamlet.missing.lower": {"vi": "chưa nộp", "en": "not submitted"},
    "hamlet.rejected.lower": {"vi": "bị từ chối", "en": "rejected"},
    # a hamlet whose figures lack the households of a list sent apart (a hamlet merged into
    # it in the plan, refused): left out of the commune's figures (session 25)
    # ('Theo xóm': two lines of its status column; the note under the table says why)
    "hamlet.incomplete": {
        "vi": "Chưa đủ hộ, không tính vào toàn xã",
        "en": "Incomplete, not in the total",
    },
    # ('Biến động': its status column holds one line, no wrap; the note under the table says why)
    "hamlet.incomplete.short": {"vi": "Chưa đủ hộ", "en": "Incomplete"},
    # under the 'Theo xóm' and 'Biến động' tables: which hamlets, the list apart, the total
    "note.incomplete": {
        "vi": "Chưa đủ hộ: {hamlets} — số liệu của xóm thiếu các hộ của danh sách gửi riêng, bị từ chối (xem trang 'Nộp báo cáo'), nên không cộng vào dòng Tổng cộng.",
        "en": "Incomplete: {hamlets} — the hamlet's figures lack the households of a list sent apart, refused (see sheet 'Nộp báo cáo'), so they are not in the Total row.",
    },
    "note.incomplete.hamlet": {
        "vi": "{hamlet} (thiếu danh sách '{written}')",
        "en": "{hamlet} (lacking list '{written}')",
    },
    # ... the list apart naming no hamlet, told by its codes (session 51): no name to quote
    "note.incomplete.hamlet.unnamed": {
        "vi": "{hamlet} (thiếu danh sách không ghi tên xóm)",
        "en": "{hamlet} (lacking a list naming no hamlet)",
    },
    # ... a list naming a neighbour that sent its own list, its codes the hamlet's (session 51)
    "note.incomplete.hamlet.neighbour": {
        "vi": "{hamlet} (thiếu danh sách ghi xóm '{written}' mà các mã hộ là của xóm {hamlet})",
        "en": "{hamlet} (lacking a list naming '{written}' whose codes are {hamlet}'s)",
    },
    "hamlet.incomplete.posted": {
        "vi": "chưa đủ hộ (thiếu các hộ ghi ở danh sách gửi riêng)",
        "en": "incomplete (lacking the households on a list sent apart)",
    },
    "hamlet.incomplete.lower": {
        "vi": "số liệu thiếu các hộ của danh sách '{written}' gửi riêng, bị từ chối; cần một danh sách cho cả xóm, với tổng số hộ dân cư của cả xóm",
        "en": "its figures lack the households of list '{written}' sent apart, refused; one list is needed for the whole hamlet, with its total resident households",
    },
    "hamlet.incomplete.lower.unnamed": {
        "vi": "số liệu thiếu các hộ của một danh sách không ghi tên xóm, bị từ chối; cần một danh sách cho cả xóm",
        "en": "its figures lack the households of a list naming no hamlet, refused; one list is needed for the whole hamlet",
    },
    "hamlet.incomplete.lower.neighbour": {
        "vi": "số liệu thiếu các hộ của một danh sách ghi xóm '{written}' mà các mã hộ là của xóm, bị từ chối; cần một danh sách cho cả xóm",
        "en": "its figures lack the households of a list naming '{written}' whose codes are the hamlet's, refused; one list is needed for the whole hamlet",
    },
    "report.incomplete.neighbour": {
        "vi": "Hợp lệ nhưng chưa đủ hộ: {n} của danh sách ghi xóm '{written}' (tệp {file}, bị từ chối vì các mã hộ là của xóm này) chưa được tính, nên xóm chưa được tính vào số liệu toàn xã. Hãy ghi các hộ đó vào danh sách của xóm (một danh sách cho cả xóm) rồi gửi lại.",
        "en": "Valid but incomplete: {n} on a list naming '{written}' (file {file}, refused as its codes are this hamlet's) are not counted, so the hamlet is left out of the commune's figures. Write them in the hamlet's list (one list for the whole hamlet) and send it again.",
    },
    "report.incomplete.unnamed": {
        "vi": "Hợp lệ nhưng chưa đủ hộ: {n} của danh sách không ghi tên xóm (tệp {file}, bị từ chối) chưa được tính, nên xóm chưa được tính vào số liệu toàn xã. Hãy ghi các hộ đó vào danh sách của xóm (một danh sách cho cả xóm) rồi gửi lại.",
        "en": "Valid but incomplete: {n} on a list naming no hamlet (file {file}, refused) are not counted, so the hamlet is left out of the commune's figures. Write them in the hamlet's list (one list for the whole hamlet) and send it again.",
    },
    "report.incomplete": {
        "vi": "Hợp lệ nhưng chưa đủ hộ: {n} của danh sách xóm '{written}' gửi riêng (tệp {file}, bị từ chối) chưa được tính, nên xóm chưa được tính vào số liệu toàn xã. Hãy ghi các hộ đó vào danh sách của xóm (một danh sách cho cả xóm, với tổng số hộ dân cư của cả xóm) rồi gửi lại.",
        "en": "Valid but incomplete: {n} on the list of hamlet '{written}', sent apart (file {file}, refused), are not counted, so the hamlet is left out of the commune's figures. Write them in the hamlet's list (one list for the whole hamlet, with its total resident households) and send it again.",
    },
    # why a file was refused, in a few words (the Nộp báo cáo sheet)
    "reason.file-unreadable": {"vi": "không đọc được tệp", "en": "the file cannot be read"},
    "reason.file-unopened": {
        "vi": "không mở được tệp trên máy này",
        "en": "the file cannot be opened on this computer",
    },
    "reason.folder-unopened": {
        "vi": "không mở được thư mục trên máy này",
        "en": "the folder cannot be opened on this computer",
    },
    "reason.file-empty": {"vi": "tệp không có dữ liệu", "en": "the file holds no data"},
    "reason.file-encrypted": {"vi": "tệp có đặt mật khẩu", "en": "the file is password-protected"},
    "reason.file-too-large": {
        "vi": "tệp quá lớn hoặc bất thường",
        "en": "the file is too large or abnormal",
    },
    "reason.too-many-rows": {
        "vi": "trang '{sheet}' có dữ liệu tới ô {value}, quá lớn",
        "en": "sheet '{sheet}' has data up to cell {value}, too large",
    },
    "reason.no-roster-sheet": {"vi": "không có trang danh sách hộ", "en": "no roster sheet"},
    "reason.empty-list": {
        "vi": "danh sách không có hộ nào",
        "en": "the list holds no household",
    },
    "reason.missing-hamlet": {
        "vi": "không xác định được tên xóm",
        "en": "the hamlet cannot be told",
    },
    # ... its codes {instead}'s, whose own list came refused for its errors (session 52)
    "reason.missing-hamlet.holds-refused": {
        "vi": "danh sách không ghi tên xóm, các mã hộ là của xóm {instead}, danh sách của xóm bị từ chối",
        "en": "the list names no hamlet, its household codes are {instead}'s, whose own list is refused",
    },
    # ... most on {instead}'s list counted, an old copy of it maybe (session 53's review)
    "reason.missing-hamlet.holds-copy": {
        "vi": "danh sách không ghi tên xóm, phần lớn các hộ đã có trong danh sách xóm {instead} (có thể là bản cũ)",
        "en": "the list names no hamlet, most of its households are on {instead}'s list (an old copy?)",
    },
    # ... every household on {instead}'s list counted (session 52's review)
    "reason.missing-hamlet.holds-listed": {
        "vi": "danh sách không ghi tên xóm, các hộ đều đã có trong danh sách xóm {instead} đã được tính",
        "en": "the list names no hamlet, every household is on {instead}'s list counted",
    },
    # ... nearly all {instead}'s, every household on its hamlet's list counted (session 52)
    "reason.missing-hamlet.holds-listed-several": {
        "vi": "danh sách không ghi tên xóm, các mã hộ hầu hết là của xóm {instead}, các hộ đều đã có trong danh sách các xóm đã được tính",
        "en": "the list names no hamlet, its household codes are nearly all {instead}'s, every household on the hamlets' lists counted",
    },
    # ... its codes no one hamlet's, every household on its hamlet's list counted (session 52)
    # ... households of two hamlets or more, each left off its own list counted (session 52, RH2)
    "reason.missing-hamlet.holds-several": {
        "vi": "danh sách không ghi tên xóm, các hộ là của các xóm {instead}, chưa có trong danh sách của xóm mình",
        "en": "the list names no hamlet, its households are of hamlets {instead}, not on their own hamlets' lists",
    },
    # ... of one hamlet left off its list, every hamlet of the plan having a list (session 53)
    "reason.missing-hamlet.holds-all-sent": {
        "vi": "danh sách không ghi tên xóm, có các hộ của xóm {instead} chưa có trong danh sách của xóm",
        "en": "the list names no hamlet, it holds households of {instead} not on the hamlet's list",
    },
    # ... held apart so (its codes nearly all {instead}'s; session 53)
    "reason.missing-hamlet.holds-held-all-sent": {
        "vi": "danh sách không ghi tên xóm, các mã hộ là của xóm {instead}, có các hộ chưa có trong danh sách của xóm",
        "en": "the list names no hamlet, its household codes are {instead}'s, some not on the hamlet's list",
    },
    "reason.missing-hamlet.holds-listed-mixed": {
        "vi": "danh sách không ghi tên xóm, các mã hộ là của nhiều xóm, các hộ đều đã có trong danh sách các xóm đã được tính",
        "en": "the list names no hamlet, its household codes are several hamlets', every household on the hamlets' lists counted",
    },
    "reason.unknown-hamlet": {
        "vi": "xóm '{value}' không có trong kế hoạch",
        "en": "hamlet '{value}' is not in the plan",
    },
    # (not a code: unknown-hamlet said with whose the list's codes are, variant 'codes' or
    # 'codes-title', reporting.reason_text)
    "reason.unknown-hamlet.codes": {
        "vi": "xóm '{value}' không có trong kế hoạch (các mã hộ là của xóm {hamlet})",
        "en": "hamlet '{value}' is not in the plan (the household codes are {hamlet}'s)",
    },
    # (not a code: unknown-hamlet variant 'former', the hamlet's name before the plan renamed it)
    "reason.unknown-hamlet.former": {
        "vi": "ô 'Xóm' ghi '{value}', tên cũ của xóm {instead}",
        "en": "the 'Xóm' cell says '{value}', hamlet {instead}'s former name",
    },
    # (... read from the list's title, which has no 'Xóm' cell; session 33)
    "reason.unknown-hamlet.former-title": {
        "vi": "tiêu đề ghi xóm '{value}', tên cũ của xóm {instead}",
        "en": "the title names hamlet '{value}', hamlet {instead}'s former name",
    },
    # (not a code: unknown-hamlet variant 'joined', a hamlet merged into another which sent no
    # list of the period; session 32)
    "reason.unknown-hamlet.joined": {
        "vi": "ô 'Xóm' ghi '{value}', xóm đã sáp nhập vào xóm {instead} (xóm {instead} chưa gửi danh sách)",
        "en": "the 'Xóm' cell says '{value}', merged into hamlet {instead} ({instead} sent no list)",
    },
    # (... the name read from the list's title: variant 'joined-title'; session 49's review)
    "reason.unknown-hamlet.joined-title": {
        "vi": "tiêu đề ghi xóm '{value}', xóm đã sáp nhập vào xóm {instead} (xóm {instead} chưa gửi danh sách)",
        "en": "the title names hamlet '{value}', merged into hamlet {instead} ({instead} sent no list)",
    },
    # (... when {instead} sent its own list: variant 'joined-sent'; session 35)
    "reason.unknown-hamlet.joined-sent": {
        "vi": "ô 'Xóm' ghi '{value}', xóm đã sáp nhập vào xóm {instead} (xóm {instead} đã gửi danh sách riêng)",
        "en": "the 'Xóm' cell says '{value}', merged into hamlet {instead} ({instead} sent its own list)",
    },
    # (... the name read from the list's title: variants 'joined-sent-title',
    # 'joined-sent-start-title'; session 49, W1)
    "reason.unknown-hamlet.joined-sent-title": {
        "vi": "tiêu đề ghi xóm '{value}', xóm đã sáp nhập vào xóm {instead} (xóm {instead} đã gửi danh sách riêng)",
        "en": "the title names hamlet '{value}', merged into hamlet {instead} ({instead} sent its own list)",
    },
    "reason.unknown-hamlet.joined-listed-title": {
        "vi": "tiêu đề ghi xóm '{value}', xóm đã sáp nhập vào xóm {instead} (các hộ đã có trong danh sách của xóm {instead})",
        "en": "the title names hamlet '{value}', merged into hamlet {instead} (its households are on {instead}'s list)",
    },
    # (... its households all on {instead}'s list: variant 'joined-listed'; session 36 QA)
    "reason.unknown-hamlet.joined-listed": {
        "vi": "ô 'Xóm' ghi '{value}', xóm đã sáp nhập vào xóm {instead} (các hộ đã có trong danh sách của xóm {instead})",
        "en": "the 'Xóm' cell says '{value}', merged into hamlet {instead} (its households are on {instead}'s list)",
    },
    "reason.invalid-period": {
        "vi": "kỳ báo cáo '{value}' không đọc được",
        "en": "reporting period '{value}' cannot be read",
    },
    # (not a code: the label of invalid-period when no period is written anywhere, variant
    # 'none', reporting.reason_text)
    "missing.period": {
        "vi": "không ghi kỳ báo cáo (tháng, năm)",
        "en": "no reporting period (month and year) is written",
    },
    "reason.future-period": {
        "vi": "kỳ báo cáo {value} ở sau tháng hiện tại",
        "en": "reporting period {value} is after the current month",
    },
    "reason.info-formula-without-value": {
        "vi": "ô {cell} ('{column}') có công thức chưa có giá trị",
        "en": "cell {cell} ('{column}') holds a formula without a value",
    },
    "reason.info-error-value": {
        "vi": "ô {cell} ('{column}') hiện lỗi '{value}'",
        "en": "cell {cell} ('{column}') shows the error '{value}'",
    },
    "reason.missing-column": {"vi": "thiếu cột '{column}'", "en": "column '{column}' is missing"},
    "reason.column-misnamed": {
        "vi": "thiếu cột '{detail}' (cột '{column}' cần đổi tiêu đề?)",
        "en": "column '{detail}' is missing (rename column '{column}'?)",
    },
    "reason.invalid-total-households": {
        "vi": "'Tổng số hộ dân cư' không phải số nguyên dương",
        "en": "'Tổng số hộ dân cư' is not a positive whole number",
    },
    # (not a code: invalid-total-households variant 'people', '250 nhân khẩu'; session 50)
    "reason.invalid-total-households.people": {
        "vi": "'Tổng số hộ dân cư' ghi số người ('{value}'), không phải số hộ",
        "en": "'Tổng số hộ dân cư' gives a number of people ('{value}'), not of households",
    },
    "reason.total-less-than-listed": {
        "vi": "'Tổng số hộ dân cư' nhỏ hơn số hộ trong danh sách",
        "en": "'Tổng số hộ dân cư' is smaller than the households listed",
    },
    "reason.not-a-spreadsheet": {
        "vi": "gửi tệp {detail}, không phải bảng tính Excel",
        "en": "sent a {detail} file, not an Excel workbook",
    },
    "reason.all-rows-rejected": {
        "vi": "cả {detail} dòng hộ đều có lỗi",
        "en": "all {detail} household rows have errors",
    },
    # ... some for a Mã hộ another hamlet's list writes too (variant 'across'; session 53)
    "reason.all-rows-rejected.across": {
        "vi": "cả {detail} dòng hộ đều bị loại, có dòng vì 'Mã hộ' trùng với danh sách của xóm "
        "khác; được tính khi các mã trùng đã được giải quyết",
        "en": "all {detail} household rows are left out, some for a 'Mã hộ' another hamlet's "
        "list writes too; counted once the duplicate codes are settled",
    },
    # ... every row a household the start list has in another hamlet, counted there
    # (variant 'start-list-other'; session 57)
    "reason.all-rows-rejected.start-list-other": {
        "vi": "cả {detail} dòng hộ đều là hộ danh sách đầu năm ghi ở {instead}, được tạm tính ở "
        "đó vì danh sách kỳ này của {instead} cũng ghi hộ",
        "en": "all {detail} household rows are households the start-of-year list has in "
        "{instead}, counted there for now as its list of this period writes them too",
    },
    "reason.hamlet-conflict": {
        "vi": "ô 'Xóm' ghi '{value}' nhưng tiêu đề ghi xóm {detail}",
        "en": "the 'Xóm' cell says '{value}' but the title names {detail}",
    },
    "reason.hamlet-codes-of-file-name": {
        "vi": "ô 'Xóm' ghi '{value}' nhưng các mã hộ là của xóm {hamlet} (tệp chép từ xóm khác?)",
        "en": "the 'Xóm' cell says '{value}' but the household codes are {hamlet}'s (a copy?)",
    },
    # no 'Xóm' cell, the title naming {value} (variant 'title-only'; session 49)
    "reason.hamlet-codes-of-file-name.title-only": {
        "vi": "tiêu đề ghi xóm {value} nhưng các mã hộ là của xóm {hamlet} (tệp chép từ xóm khác?)",
        "en": "the title names {value} but the household codes are {hamlet}'s (a copy?)",
    },
    # ... nor a title: the file name naming {value} (variants 'swapped-file-name' and
    # 'rotated-file-name'; session 52)
    "reason.hamlet-codes-of-file-name.file-name": {
        "vi": "tên tệp ghi xóm {value} nhưng các mã hộ là của xóm {hamlet} (tệp chép từ xóm khác?)",
        "en": "the file name names {value} but the household codes are {hamlet}'s (a copy?)",
    },
    # its own hamlet's codes of last year, renumbered by the start list ({detail}'s now;
    # variant 'renumbered'; session 53)
    "reason.hamlet-codes-of-file-name.renumbered": {
        "vi": "mã hộ ghi theo mã năm trước; danh sách đầu năm đã đánh lại mã (nay là mã của xóm {detail})",
        "en": "codes written as last year's; the start-of-year list renumbered them (now {detail}'s)",
    },
    # the same, no month of last year stored: the heads alone told (variant
    # 'renumbered-heads'; session 53's review)
    "reason.hamlet-codes-of-file-name.renumbered-heads": {
        "vi": "mã hộ không khớp danh sách đầu năm (các mã đó là của xóm {detail}; có lẽ còn ghi mã hộ cũ)",
        "en": "codes not matching the start-of-year list (they are {detail}'s; old codes, perhaps)",
    },
    # a neighbour named, the codes {hamlet}'s, which sent its own list too: held apart
    # ('codes-held'), or an old copy or a list of leavers ('codes-sent'; session 51)
    "reason.hamlet-codes-of-file-name.codes-held": {
        "vi": "danh sách ghi xóm '{value}' nhưng các mã hộ là của xóm {hamlet}, chưa có trong danh sách của xóm",
        "en": "the list names '{value}' but its household codes are {hamlet}'s, not on {hamlet}'s list",
    },
    "reason.hamlet-codes-of-file-name.codes-sent": {
        "vi": "danh sách ghi xóm '{value}' nhưng các mã hộ là của xóm {hamlet}, xóm đã gửi danh sách (tệp cũ?)",
        "en": "the list names '{value}' but its household codes are {hamlet}'s, which sent its list (an old file?)",
    },
    # ... every household on {hamlet}'s list counted (session 52)
    "reason.hamlet-codes-of-file-name.codes-sent-listed": {
        "vi": "danh sách ghi xóm '{value}' nhưng các mã hộ là của xóm {hamlet}, các hộ đều đã có trong danh sách xóm {hamlet} đã được tính",
        "en": "the list names '{value}' but its household codes are {hamlet}'s, every household on {hamlet}'s list counted",
    },
    # ... every household on the named hamlet's list counted (session 52's review)
    "reason.hamlet-codes-of-file-name.codes-listed": {
        "vi": "danh sách ghi xóm '{value}' nhưng các mã hộ là của xóm {hamlet}, các hộ đều đã có trong danh sách xóm '{value}' đã được tính",
        "en": "the list names '{value}' but its household codes are {hamlet}'s, every household on '{value}'s list counted",
    },
    "reason.hamlet-codes-of-file-name.codes-moved": {
        "vi": "danh sách ghi xóm '{value}' nhưng các mã hộ là của xóm {hamlet}, các hộ ghi chú chuyển đến xóm '{value}'",
        "en": "the list names '{value}' but its household codes are {hamlet}'s, noted as moved in to '{value}'",
    },
    "reason.hamlet-codes-of-file-name.codes-refused": {
        "vi": "danh sách ghi xóm '{value}' nhưng các mã hộ là của xóm {hamlet}, danh sách của xóm bị từ chối",
        "en": "the list names '{value}' but its household codes are {hamlet}'s, whose own list is refused",
    },
    # a copy of another hamlet's list under this hamlet's name (variant 'same-file'; session 43)
    "reason.hamlet-codes-of-file-name.same-file": {
        "vi": "tệp mang tên xóm {hamlet} giống hệt danh sách của xóm {instead}",
        "en": "the file named for {hamlet} is the very same as {instead}'s list",
    },
    "reason.see-issues": {"vi": "xem trang 'Lỗi dữ liệu'", "en": "see sheet 'Lỗi dữ liệu'"},
    "reason.status": {"vi": "{status}: {reason}", "en": "{status}: {reason}"},
    "report.valid": {"vi": "Hợp lệ", "en": "Valid"},
    "report.warnings": {"vi": "Hợp lệ, có cảnh báo", "en": "Valid, with warnings"},
    "report.rows_left_out": {
        "vi": "Đã tổng hợp, có dòng bị loại (xem trang 'Lỗi dữ liệu')",
        "en": "Counted, some rows left out (see sheet 'Lỗi dữ liệu')",
    },
    "report.rejected": {"vi": "Bị từ chối", "en": "Rejected"},
    "report.missing": {"vi": "Chưa nộp", "en": "Not submitted"},
    # a file named for this month whose 'Kỳ báo cáo' says another (rosterchecks.period_differs)
    "report.missing.other_period": {
        "vi": "Chưa nộp kỳ này: tệp gửi ghi kỳ {written} ở ô 'Kỳ báo cáo' (xem trang "
        "'Lỗi dữ liệu')",
        "en": "Not submitted for this month: the file sent says {written} in 'Kỳ báo cáo' (see "
        "sheet 'Lỗi dữ liệu')",
    },
    # ... whose period was read from its title (no 'Thông tin' sheet)
    "report.missing.other_period.title": {
        "vi": "Chưa nộp kỳ này: tiêu đề của tệp gửi ghi tháng {written} (xem trang 'Lỗi dữ liệu')",
        "en": "Not submitted for this month: the title of the file sent says {written} (see "
        "sheet 'Lỗi dữ liệu')",
    },
    # a hamlet's list kept in another hamlet's file (sheet-/rows-of-other-hamlet, session 28)
    "report.missing.listed_in": {
        "vi": "Chưa nộp: danh sách của xóm nằm trong tệp {file} của xóm {hamlet}, không được "
        "tính (xem trang 'Lỗi dữ liệu')",
        "en": "Not submitted: its list is in file {file} of hamlet {hamlet}, not counted (see "
        "sheet 'Lỗi dữ liệu')",
    },
    # a shortcut or a hidden file named for the hamlet, skipped (consolidate.named_skipped)
    "report.missing.shortcut": {
        "vi": "Chưa nộp: chỉ có lối tắt (shortcut) mang tên xóm, không phải chính danh sách "
        "(xem trang 'Lỗi dữ liệu')",
        "en": "Not submitted: only a shortcut named for the hamlet, not the list itself (see "
        "sheet 'Lỗi dữ liệu')",
    },
    "report.missing.hidden": {
        "vi": "Chưa nộp: có tệp ẩn mang tên xóm, chưa được đọc (xem trang 'Lỗi dữ liệu')",
        "en": "Not submitted: a hidden file named for the hamlet, not read (see sheet "
        "'Lỗi dữ liệu')",
    },
    # ... a compressed file named for it, skipped unread (session 57)
    "report.missing.archive": {
        "vi": "Chưa nộp: có tệp nén mang tên xóm, chưa giải nén nên chưa được đọc (xem trang "
        "'Lỗi dữ liệu')",
        "en": "Not submitted: a compressed file named for the hamlet, not unpacked, not read "
        "(see sheet 'Lỗi dữ liệu')",
    },
    # ... a list named for it in a hidden folder, skipped (session 51)
    "report.missing.hidden_folder": {
        "vi": "Chưa nộp: có danh sách mang tên xóm trong thư mục ẩn, chưa được đọc (xem trang "
        "'Lỗi dữ liệu')",
        "en": "Not submitted: a list named for the hamlet is in a hidden folder, not read (see "
        "sheet 'Lỗi dữ liệu')",
    },
    # ... a list named for it in an output folder of ours placed in the input, right inside it
    # or in a hidden folder in it: passed over with that folder (session 52)
    "report.missing.output_folder": {
        "vi": "Chưa nộp: có danh sách mang tên xóm trong thư mục kết quả của giamngheo, chưa được "
        "đọc (xem trang 'Lỗi dữ liệu')",
        "en": "Not submitted: a list named for the hamlet is in an output folder of giamngheo, "
        "not read (see sheet 'Lỗi dữ liệu')",
    },
    "file.superseded": {"vi": "Bản cũ, đã có bản mới hơn", "en": "Older copy, a newer one exists"},
    # ... the same bytes as the copy used (superseded 'same-file', session 41)
    "file.superseded.same": {
        "vi": "Bản trùng, giống hệt tệp {newer}",
        "en": "Duplicate, the same as {newer}",
    },
    # ... the newer one refused (superseded 'newer-refused', session 37): the hamlet counts neither
    "file.superseded.refused": {
        "vi": "Bản cũ, để riêng vì đã có bản mới hơn ({newer}); bản mới hơn bị từ chối nên xóm "
        "chưa được tổng hợp (xem trang 'Lỗi dữ liệu')",
        "en": "Older copy, set aside for a newer one ({newer}); the newer one was refused, so "
        "the hamlet is not consolidated (see sheet 'Lỗi dữ liệu')",
    },
    "file.other_period": {"vi": "Khác kỳ ({period})", "en": "Other period ({period})"},
    "file.other_period.unknown": {"vi": "Khác kỳ", "en": "Other period"},
    # a file no reader could open, its name giving another month (session 43)
    "file.other_period.unread": {
        "vi": "Khác kỳ ({period}, theo tên tệp): tệp không đọc được",
        "en": "Other period ({period}, by its name): the file cannot be read",
    },
    # a workbook neither a list nor a plan in another month's folder or named for it: that
    # month's file, its warning said in its month (session 55)
    "file.other_period.not_a_roster": {
        "vi": "Khác kỳ ({period}): không phải danh sách hộ hay kế hoạch, bỏ qua",
        "en": "Other period ({period}): neither a household list nor a plan, skipped",
    },
    # ... and a run's own output, last month's consolidated workbook (session 55, K)
    "file.other_period.own_output": {
        "vi": "Khác kỳ ({period}): tệp kết quả do giamngheo tạo, bỏ qua",
        "en": "Other period ({period}): an output made by giamngheo, skipped",
    },
    "file.skipped": {"vi": "Bỏ qua", "en": "Skipped"},
    # a spreadsheet's lock file (session 29): its workbook open, or left after it was closed
    "file.skipped.lock": {
        "vi": "Bỏ qua: tệp khóa Excel (tệp '{of}' đang mở)",
        "en": "Skipped: Excel's lock file ('{of}' is open)",
    },
    "file.skipped.lock_left": {
        "vi": "Bỏ qua: tệp khóa Excel còn sót lại, có thể xóa",
        "en": "Skipped: a lock file Excel left behind, may be deleted",
    },
    # another year's plan kept in the input folder (session 24)
    "file.skipped.plan_year": {
        "vi": "Bỏ qua: kế hoạch năm {other} (kỳ này dùng kế hoạch năm {used})",
        "en": "Skipped: the {other} plan (this period uses the {used} plan)",
    },
    # a workbook that is neither a list nor a plan, `not-a-roster` (session 52)
    "file.skipped.not_a_roster": {
        "vi": "Bỏ qua: không phải danh sách hộ hay kế hoạch",
        "en": "Skipped: neither a household list nor a plan",
    },
    # the same year's plan set aside for the one used: an older copy, or one before its
    # correction (session 52)
    "file.skipped.plan_same": {
        "vi": "Bỏ qua: kế hoạch cùng năm, kỳ này dùng tệp '{used}'",
        "en": "Skipped: a plan of the same year (this period uses '{used}')",
    },
    # a file that looks like the plan, a sheet of it missing or misnamed, set aside (session 62)
    "file.skipped.plan_spoiled": {
        "vi": "Bỏ qua: có vẻ là kế hoạch nhưng không có trang {sheets} (kỳ này dùng tệp '{used}')",
        "en": "Skipped: looks like the plan but has no sheet {sheets} (this period uses '{used}')",
    },
    # the former commune's plan of the year kept at a merger (session 25)
    "file.skipped.plan_commune": {
        "vi": "Bỏ qua: kế hoạch của xã {other} (kỳ này dùng kế hoạch của xã {used})",
        "en": "Skipped: the plan of commune {other} (this period uses commune {used}'s plan)",
    },
    # One row for a month's lists that are simply another month's (session 24)
    # ... as that month's stored run did with them (session 50: run.said_by_month)
    "file.other_period.group.counted": {
        "vi": "Khác kỳ ({period}): {files} tệp của {hamlets} xóm, tính vào kỳ đó",
        "en": "Other period ({period}): {files} files of {hamlets} hamlets, counted in that month",
    },
    "file.other_period.group.refused": {
        "vi": "Khác kỳ ({period}): {files} tệp của {hamlets} xóm, kỳ đó đã từ chối",
        "en": "Other period ({period}): {files} files of {hamlets} hamlets, refused by that month",
    },
    # ... set aside by that month for a newer copy of the hamlet's (session 55)
    "file.other_period.group.set_aside": {
        "vi": "Khác kỳ ({period}): {files} tệp của {hamlets} xóm, bản cũ, kỳ đó để riêng vì có "
        "bản mới hơn",
        "en": "Other period ({period}): {files} files of {hamlets} hamlets, older copies that "
        "month set aside for newer ones",
    },
    "file.other_period.group.not_run": {
        "vi": "Khác kỳ ({period}): {files} tệp của {hamlets} xóm, kỳ đó chưa được tổng hợp",
        "en": "Other period ({period}): {files} files of {hamlets} hamlets, that month not yet run",
    },
    "file.other_period.group.other": {
        "vi": "Khác kỳ ({period}): {files} tệp của {hamlets} xóm, không tính vào kỳ này",
        "en": "Other period ({period}): {files} files of {hamlets} hamlets, not counted in this one",
    },
    # ... and of a month's single list of an outcome, on its own row (session 51)
    "file.other_period.one.counted": {
        "vi": "Khác kỳ ({period}): tính vào kỳ đó",
        "en": "Other period ({period}): counted in that month",
    },
    "file.other_period.one.refused": {
        "vi": "Khác kỳ ({period}): kỳ đó đã từ chối",
        "en": "Other period ({period}): refused by that month",
    },
    "file.other_period.one.set_aside": {
        "vi": "Khác kỳ ({period}): bản cũ, kỳ đó để riêng vì có bản mới hơn",
        "en": "Other period ({period}): an older copy, that month set it aside for a newer one",
    },
    "file.other_period.one.not_run": {
        "vi": "Khác kỳ ({period}): kỳ đó chưa được tổng hợp",
        "en": "Other period ({period}): that month not yet run",
    },
    "file.other_period.one.other": {
        "vi": "Khác kỳ ({period}): không tính vào kỳ này",
        "en": "Other period ({period}): not counted in this one",
    },
    "file.other_period.group.hamlets": {"vi": "{hamlets} xóm", "en": "{hamlets} hamlets"},
    "file.other_period.group.files": {"vi": "{first} …\n{last}", "en": "{first} …\n{last}"},
    "met.true": {"vi": "Đạt", "en": "Met"},
    "met.false": {"vi": "Chưa đạt", "en": "Not yet"},
    "severity.error": {"vi": "Lỗi", "en": "Error"},
    "severity.warning": {"vi": "Cảnh báo", "en": "Warning"},
    "class.poor": {"vi": "Hộ nghèo", "en": "Poor"},
    "class.near_poor": {"vi": "Hộ cận nghèo", "en": "Near-poor"},
    "class.exited": {"vi": "Thoát", "en": "Exited"},
    "class.absent": {"vi": "Không có trong danh sách", "en": "Not on the lists"},
    "class.not_counted": {"vi": "Dòng có lỗi, chưa tính", "en": "Row with an error, not counted"},
    # on the list of a hamlet merged into this one, sent apart and refused (session 25)
    "class.apart": {
        "vi": "Trong danh sách gửi riêng, chưa tính",
        "en": "On a list sent apart, not counted",
    },
    # --- common column headers ---------------------------------------------------
    "col.stt": {"vi": "STT", "en": "No."},
    "col.hamlet": {"vi": "Xóm", "en": "Hamlet"},
    "col.status": {"vi": "Tình trạng", "en": "Status"},
    "col.households": {"vi": "Tổng số hộ", "en": "Households"},
    "col.count": {"vi": "Số hộ", "en": "Number"},
    "col.rate": {"vi": "Tỷ lệ (%)", "en": "Rate (%)"},
    "col.poor": {"vi": "Hộ nghèo", "en": "Poor"},
    "col.near_poor": {"vi": "Hộ cận nghèo", "en": "Near-poor"},
    "col.multidim": {"vi": "Tỷ lệ nghèo đa chiều (%)", "en": "Multidim. poverty rate (%)"},
    "col.reduced": {"vi": "Đã giảm (hộ)", "en": "Reduced (hh)"},
    "col.target": {"vi": "Chỉ tiêu (hộ)", "en": "Target (hh)"},
    "col.met": {"vi": "Đạt", "en": "Met"},
    "col.still": {"vi": "Còn phải giảm (hộ)", "en": "Still to leave (hh)"},
    "col.progress": {"vi": "Tiến độ (%)", "en": "Progress (%)"},
    "grp.poor": {"vi": "Hộ nghèo", "en": "Poor households"},
    "grp.near_poor": {"vi": "Hộ cận nghèo", "en": "Near-poor households"},
    "grp.start": {"vi": "Đầu năm", "en": "Start of year"},
    "grp.poor_reduction": {"vi": "Giảm hộ nghèo", "en": "Poor reduction"},
    "grp.near_poor_reduction": {"vi": "Giảm hộ cận nghèo", "en": "Near-poor reduction"},
    "total": {"vi": "Tổng cộng", "en": "Total"},
    "total.partial": {
        "vi": "Tổng cộng ({accepted}/{expected} xóm đã tổng hợp)",
        "en": "Total ({accepted}/{expected} hamlets consolidated)",
    },
    "note.total_met": {
        "vi": "(*) Tiến độ, đánh giá Đạt/Chưa đạt và số hộ còn phải giảm của toàn xã tính theo mức giảm tỷ lệ (điểm %) so với chỉ tiêu của kế hoạch (xem trang 'Tổng hợp'); của từng xóm tính theo số hộ.",
        "en": "(*) The commune's progress, Met/Not yet and households still to leave follow the rate reduction (points) against the plan's target (see 'Tổng hợp'); each hamlet's follow household counts.",
    },
    "note.lights": {
        "vi": "Tiến độ = số hộ đã giảm ÷ chỉ tiêu × 100. Màu theo tiến độ: xanh – đạt từ 100 % trở lên; vàng – từ 50 % đến dưới 100 %; đỏ – dưới 50 %; không tô màu khi chỉ tiêu bằng 0.",
        "en": "Progress = households taken off ÷ target × 100. Colours by progress: green – 100 % or more; amber – 50 % to under 100 %; red – under 50 %; no colour when the target is 0.",
    },
    "note.not_counted": {
        "vi": "(**) Tạm tính: số hộ đã giảm có cả những hộ còn trong danh sách nhưng dòng có lỗi nên chưa được tính (xem trang 'Lỗi dữ liệu'). Khi xóm sửa lại các dòng đó, số hộ đã giảm và kết quả Đạt/Chưa đạt có thể thay đổi.",
        "en": "(**) Provisional: the households taken off include households still listed whose rows have errors and are not counted (see sheet 'Lỗi dữ liệu'). Once the hamlet corrects those rows, the households taken off and Met/Not yet may change.",
    },
    "note.not_counted.joins": {
        "vi": "(**) Tạm tính: có dòng hộ bị loại vì lỗi nên chưa được tính (xem trang 'Lỗi dữ liệu'). Hộ còn trong danh sách mà dòng có lỗi được tính như đã giảm; hộ mới vào danh sách (hoặc chuyển từ danh sách kia sang) mà dòng có lỗi chưa có trong số hộ hiện tại. Khi xóm sửa lại các dòng đó, số hộ đã giảm và kết quả Đạt/Chưa đạt có thể thay đổi.",
        "en": "(**) Provisional: some household rows have errors and are not counted (see sheet 'Lỗi dữ liệu'). Households still listed in such rows count as taken off; households new to a list (or moving from the other list) in such rows are not in the current count. Once the hamlet corrects those rows, the households taken off and Met/Not yet may change.",
    },
    "note.partial_totals": {
        "vi": "Dòng Tổng cộng (kể cả số đầu năm) chỉ tính các xóm đã tổng hợp, để so sánh cùng một phạm vi.",
        "en": "The Total row (start figures included) covers the consolidated hamlets only, so like is compared with like.",
    },
    # --- Tổng hợp ----------------------------------------------------------------
    "sum.complete": {
        "vi": "Số liệu tổng hợp đủ {accepted}/{expected} xóm.",
        "en": "Figures cover all {accepted}/{expected} hamlets.",
    },
    "sum.incomplete": {
        "vi": "Số liệu tổng hợp {accepted}/{expected} xóm; chưa có: {missing}. Số liệu toàn xã (kể cả số đầu năm) chỉ tính các xóm đã tổng hợp.",
        "en": "Figures cover {accepted}/{expected} hamlets; missing: {missing}. Commune figures (start of year included) cover the consolidated hamlets only.",
    },
    "chart.too_many": {
        "vi": "Có {n} xóm: biểu đồ theo xóm chỉ vẽ khi có tới {most} xóm, vì nhiều cột hơn sẽ không đọc được. Tỷ lệ hộ nghèo của từng xóm ở trang 'Theo xóm'.",
        "en": "{n} hamlets: the hamlet chart is drawn for up to {most} hamlets only, as more bars could not be read. Each hamlet's poor rate is on the 'Theo xóm' sheet.",
    },
    "sum.changes.more": {
        "vi": "Còn {n} xóm khác đổi tên hoặc có xóm sáp nhập vào trong năm: xem ghi chú dưới bảng ở trang 'Theo xóm'.",
        "en": "{n} more hamlets were renamed or had others merged into them this year: see the notes under the table on 'Theo xóm'.",
    },
    "sum.incomplete.more": {
        "vi": "và {n} xóm khác (xem trang 'Nộp báo cáo')",
        "en": "and {n} more (see the 'Nộp báo cáo' sheet)",
    },
    "sum.rows_left_out": {
        "vi": "Còn {n} dòng hộ có lỗi chưa được tính vào số liệu dưới đây (xem trang 'Lỗi dữ liệu'); tỷ lệ và kết quả giảm nghèo sẽ thay đổi khi các xóm sửa lại.",
        "en": "{n} household rows with errors are not yet in the figures below (see sheet 'Lỗi dữ liệu'); the rates and results will change once the hamlets correct them.",
    },
    # ... one row: singular in English
    "sum.rows_left_out.one": {
        "vi": "Còn 1 dòng hộ có lỗi chưa được tính vào số liệu dưới đây (xem trang 'Lỗi dữ liệu'); tỷ lệ và kết quả giảm nghèo sẽ thay đổi khi các xóm sửa lại.",
        "en": "1 household row with an error is not yet in the figures below (see sheet 'Lỗi dữ liệu'); the rates and results will change once the hamlets correct it.",
    },
    "sum.verdict": {
        "vi": "Kết quả: giảm tỷ lệ hộ nghèo – {poor}; giảm tỷ lệ hộ cận nghèo – {near_poor} (so với chỉ tiêu kế hoạch năm {year}).",
        "en": "Result: poor rate reduction – {poor}; near-poor rate reduction – {near_poor} (against the {year} plan targets).",
    },
    "sum.sec1": {"vi": "I. KẾT QUẢ GIẢM NGHÈO TOÀN XÃ", "en": "I. COMMUNE POVERTY REDUCTION"},
    "sum.sec2": {"vi": "II. QUY MÔ", "en": "II. SCALE"},
    "sum.sec3": {
        "vi": "III. TỶ LỆ HỘ NGHÈO THEO XÓM",
        "en": "III. POOR RATE BY HAMLET",
    },
    "sum.sec4": {
        "vi": "IV. BIẾN ĐỘNG TỪ ĐẦU NĂM",
        "en": "IV. CHANGES SINCE THE START OF THE YEAR",
    },
    "sum.sec5": {
        "vi": "V. NỘP BÁO CÁO VÀ CHẤT LƯỢNG SỐ LIỆU",
        "en": "V. REPORTING AND DATA QUALITY",
    },
    "chart.title": {"vi": "Tỷ lệ hộ nghèo theo xóm (%)", "en": "Poor rate by hamlet (%)"},
    "chart.current": {"vi": "Tháng {m}/{y}", "en": "{m}/{y}"},
    "chart.start": {"vi": "Đầu năm {y}", "en": "Start of {y}"},
    "chart.commune": {"vi": "Toàn xã tháng {m}/{y}", "en": "Commune, {m}/{y}"},
    "chart.target": {
        "vi": "Mục tiêu toàn xã cuối năm {y}",
        "en": "Commune target, end of {y}",
    },
    "chart.data": {
        "vi": "Số liệu biểu đồ 'Tỷ lệ hộ nghèo theo xóm' (không in; từ trang 'Theo xóm')",
        "en": "Data of the chart 'Poor rate by hamlet' (not printed; from sheet 'Theo xóm')",
    },
    "chart.note": {
        "vi": "Toàn xã: tỷ lệ hộ nghèo tháng {m}/{y} là {rate} % (đầu năm {start} %); mục tiêu cuối năm {y}: {target} % (đường nét đứt). Xóm chưa có số liệu được tổng hợp chỉ có cột đầu năm. Số liệu từng xóm: trang 'Theo xóm'.",
        "en": "Commune: poor rate {rate} % in {m}/{y} (start of year {start} %); end-of-{y} target {target} % (dashed line). A hamlet with no consolidated figures shows its start-of-year bar only. Each hamlet's figures: sheet 'Theo xóm'.",
    },
    "sum.col.item": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "sum.col.note": {"vi": "Ghi chú", "en": "Note"},
    "sum.start_rate": {"vi": "Tỷ lệ đầu năm (%)", "en": "Rate at the start of the year (%)"},
    "sum.current_rate": {"vi": "Tỷ lệ hiện tại (%)", "en": "Current rate (%)"},
    "sum.reduction": {"vi": "Mức giảm tỷ lệ (điểm %)", "en": "Rate reduction (points)"},
    "sum.target": {"vi": "Chỉ tiêu giảm cả năm (điểm %)", "en": "Target for the year (points)"},
    "sum.met": {"vi": "Đánh giá", "en": "Assessment"},
    "sum.progress": {
        "vi": "Tiến độ thực hiện chỉ tiêu (%)",
        "en": "Progress towards the target (%)",
    },
    "sum.start_count": {"vi": "Số hộ đầu năm", "en": "Households at the start of the year"},
    "sum.current_count": {"vi": "Số hộ hiện tại", "en": "Households now"},
    "sum.note.start": {
        "vi": "Kết quả công nhận đến 31/12/{prev}",
        "en": "Recognised result at 31/12/{prev}",
    },
    "sum.note.start.part": {
        "vi": "Kết quả công nhận đến 31/12/{prev} của {accepted}/{expected} xóm đã tổng hợp",
        "en": "Recognised result at 31/12/{prev} of the {accepted}/{expected} hamlets consolidated",
    },
    "sum.note.reduction": {
        "vi": "= tỷ lệ đầu năm − tỷ lệ hiện tại (tính trên tỷ lệ chưa làm tròn, nên có thể lệch 0,01 so với hai số đã làm tròn ở trên)",
        "en": "= start rate − current rate (from the unrounded rates, so it may differ by 0.01 from the two rounded figures above)",
    },
    "sum.note.target": {"vi": "Theo kế hoạch năm {year}", "en": "From the {year} plan"},
    "sum.note.progress": {
        "vi": "= mức giảm ÷ chỉ tiêu × 100; trống khi chỉ tiêu bằng 0",
        "en": "= reduction ÷ target × 100; blank when the target is 0",
    },
    "sum.households": {"vi": "Tổng số hộ dân cư hiện tại", "en": "Resident households now"},
    "sum.start_households": {
        "vi": "Tổng số hộ dân cư đầu năm",
        "en": "Resident households at the start of the year",
    },
    "sum.multidim": {"vi": "Tỷ lệ nghèo đa chiều (%)", "en": "Multidimensional poverty rate (%)"},
    "sum.note.multidim": {
        "vi": "= tỷ lệ hộ nghèo + tỷ lệ hộ cận nghèo (±0,01 do làm tròn)",
        "en": "= poor rate + near-poor rate (±0.01 from rounding)",
    },
    "sum.note.switched": {
        "vi": "Hộ nghèo → hộ cận nghèo; hộ cận nghèo → hộ nghèo",
        "en": "Poor → near-poor; near-poor → poor",
    },
    "sum.note.movements": {"vi": "Chi tiết: trang 'Biến động'", "en": "Details: sheet 'Biến động'"},
    "sum.note.no_base": {
        "vi": "Không gồm {hamlets}: không có danh sách được chấp nhận tháng {m}/{y} để so sánh",
        "en": "Leaves out {hamlets}: no accepted list of {m}/{y} to compare with",
    },
    # The fraction alone in its cell, what each side counts in the label (session 28).
    "sum.reporting": {
        "vi": "Số xóm đã tổng hợp / số xóm phải nộp",
        "en": "Hamlets consolidated / expected",
    },
    "sum.reporting.value": {"vi": "{accepted}/{expected}", "en": "{accepted}/{expected}"},
    "sum.reporting_rate": {"vi": "Tỷ lệ nộp báo cáo hợp lệ (%)", "en": "Valid reporting rate (%)"},
    "sum.note.reporting": {
        "vi": "Chi tiết: trang 'Nộp báo cáo'",
        "en": "Details: sheet 'Nộp báo cáo'",
    },
    "sum.errors": {"vi": "Số lỗi", "en": "Errors"},
    "sum.warnings": {"vi": "Số cảnh báo", "en": "Warnings"},
    "sum.skipped": {"vi": "Số tệp bị bỏ qua", "en": "Files skipped"},
    "sum.note.issues": {
        "vi": "Chi tiết: trang 'Lỗi dữ liệu'",
        "en": "Details: sheet 'Lỗi dữ liệu'",
    },
    # One line in column D (58 wide, 63 characters as fit_row counts them; session 28).
    "sum.note.errors": {
        "vi": "Không tính dòng, tệp có lỗi; chi tiết: trang 'Lỗi dữ liệu'",
        "en": "Rows, files with errors left out; details: sheet 'Lỗi dữ liệu'",
    },
    "sum.sec4.from": {
        "vi": "IV. BIẾN ĐỘNG TỪ THÁNG {m}/{y}",
        "en": "IV. CHANGES SINCE {m}/{y}",
    },
    "sum.still": {
        "vi": "Số hộ còn phải giảm để đạt chỉ tiêu",
        "en": "Households still to leave the list to meet the target",
    },
    "sum.note.still": {
        "vi": "Theo chỉ tiêu giảm tỷ lệ, trên số hộ hiện tại; 0 khi đã đạt",
        "en": "From the rate target, over today's households; 0 when met",
    },
    "sum.still.poor": {
        "vi": "Để đạt chỉ tiêu giảm tỷ lệ hộ nghèo, toàn xã cần giảm thêm {n} hộ nghèo.",
        "en": "To meet the poor rate target, the commune must take {n} more households off the poor list.",
    },
    "sum.still.near_poor": {
        "vi": "Để đạt chỉ tiêu giảm tỷ lệ hộ cận nghèo, toàn xã cần giảm thêm {n} hộ cận nghèo.",
        "en": "To meet the near-poor rate target, the commune must take {n} more households off the near-poor list.",
    },
    "sum.done.poor": {
        "vi": "Đã đạt chỉ tiêu giảm tỷ lệ hộ nghèo năm {year}.",
        "en": "The {year} poor rate target is met.",
    },
    "sum.done.near_poor": {
        "vi": "Đã đạt chỉ tiêu giảm tỷ lệ hộ cận nghèo năm {year}.",
        "en": "The {year} near-poor rate target is met.",
    },
    "sum.rose.poor": {
        "vi": "Tỷ lệ hộ nghèo tăng {x} điểm % so với đầu năm; để đạt chỉ tiêu, toàn xã cần giảm thêm {n} hộ nghèo.",
        "en": "The poor rate rose {x} points since the start of the year; to meet the target, the commune must take {n} more households off the poor list.",
    },
    "sum.rose.near_poor": {
        "vi": "Tỷ lệ hộ cận nghèo tăng {x} điểm % so với đầu năm; để đạt chỉ tiêu, toàn xã cần giảm thêm {n} hộ cận nghèo.",
        "en": "The near-poor rate rose {x} points since the start of the year; to meet the target, the commune must take {n} more households off the near-poor list.",
    },
    "sum.behind.poor": {
        "vi": "Xóm chưa đạt chỉ tiêu giảm hộ nghèo ({n}/{of} xóm): {names}.",
        "en": "Hamlets short of their poor household target ({n} of {of}): {names}.",
    },
    "sum.behind.near_poor": {
        "vi": "Xóm chưa đạt chỉ tiêu giảm hộ cận nghèo ({n}/{of} xóm): {names}.",
        "en": "Hamlets short of their near-poor household target ({n} of {of}): {names}.",
    },
    "sum.behind.none.poor": {
        "vi": "Cả {of}/{of} xóm đã tổng hợp đều đạt chỉ tiêu giảm hộ nghèo.",
        "en": "All {of} consolidated hamlets meet their poor household target.",
    },
    "sum.behind.none.near_poor": {
        "vi": "Cả {of}/{of} xóm đã tổng hợp đều đạt chỉ tiêu giảm hộ cận nghèo.",
        "en": "All {of} consolidated hamlets meet their near-poor household target.",
    },
    "sum.behind.all.poor": {
        "vi": "Cả {of}/{of} xóm đã tổng hợp đều chưa đạt chỉ tiêu giảm hộ nghèo.",
        "en": "None of the {of} consolidated hamlets meets its poor household target yet.",
    },
    "sum.behind.all.near_poor": {
        "vi": "Cả {of}/{of} xóm đã tổng hợp đều chưa đạt chỉ tiêu giảm hộ cận nghèo.",
        "en": "None of the {of} consolidated hamlets meets its near-poor household target yet.",
    },
    "sum.behind.more": {
        "vi": "và {n} xóm khác (xem trang 'Theo xóm')",
        "en": "and {n} more (see the 'Theo xóm' sheet)",
    },
    "sum.yoy_rate": {"vi": "Tỷ lệ cùng kỳ năm trước (%)", "en": "Rate a year earlier (%)"},
    "sum.yoy_change": {
        "vi": "Thay đổi so với cùng kỳ năm trước (điểm %)",
        "en": "Change on a year earlier (points)",
    },
    "sum.note.yoy_change": {
        "vi": "= tỷ lệ hiện tại − tỷ lệ cùng kỳ; số âm là giảm",
        "en": "= current rate − rate a year earlier; negative is a fall",
    },
    "sum.yoy": {
        "vi": "So với cùng kỳ năm trước (tháng {m}/{y}): tỷ lệ hộ nghèo {poor}; tỷ lệ hộ cận nghèo {near_poor}.",
        "en": "Compared with a year earlier ({m}/{y}): poor rate {poor}; near-poor rate {near_poor}.",
    },
    "yoy.down": {"vi": "giảm {x} điểm %", "en": "down {x} points"},
    "yoy.up": {"vi": "tăng {x} điểm %", "en": "up {x} points"},
    "yoy.same": {"vi": "không đổi", "en": "unchanged"},
    # --- movements -----------------------------------------------------------------
    "mov.none": {
        "vi": "Chưa tính được biến động từ đầu năm: kế hoạch năm {y} không có danh sách đầu năm và chưa có kỳ nào của năm {y} được tổng hợp trước kỳ này (các kỳ sau của năm sẽ so với kỳ đầu tiên của năm được lưu).",
        "en": "Changes since the start of the year cannot be computed: the {y} plan has no start-of-year list and no earlier period of {y} has been consolidated (the year's later periods will compare with its first stored period).",
    },
    "mov.start": {"vi": "Đầu năm", "en": "Start of year"},
    "mov.to_near_poor": {"vi": "Chuyển sang hộ cận nghèo", "en": "Moved to near-poor"},
    "mov.to_poor": {"vi": "Chuyển sang hộ nghèo", "en": "Moved to poor"},
    "mov.exited.poor": {"vi": "Thoát nghèo", "en": "Exited poverty"},
    "mov.exited.near_poor": {"vi": "Thoát cận nghèo", "en": "Exited near-poverty"},
    "mov.exited_both": {"vi": "Thoát khỏi danh sách", "en": "Left both lists"},
    "mov.not_counted": {"vi": "Chưa tính (dòng có lỗi)", "en": "Not counted (row with an error)"},
    # ... when a hamlet's figures lack a list sent apart (session 25): its start households on
    # that list are counted here too
    "mov.not_counted.apart": {
        "vi": "Chưa tính (dòng có lỗi, danh sách gửi riêng)",
        "en": "Not counted (row with an error, list sent apart)",
    },
    "mov.not_counted.apart.note": {
        "vi": "Ở cột {a} và {b} (Chưa tính), số của {hamlets} là các hộ có trong danh sách gửi riêng, cùng các dòng có lỗi (nếu có).",
        "en": "In columns {a} and {b} (Not counted), the figures of {hamlets} are the households on the list sent apart, with any rows with an error.",
    },
    # 'Biến động''s household list says a row's reason under the list, once, after the
    # tables' column name (session 48): in the row, it took four or five lines of 20 widths.
    "mov.not_counted.why": {
        "vi": "Chưa tính (dòng có lỗi): hộ còn trong danh sách nhưng dòng có lỗi nên chưa tính; xem trang 'Lỗi dữ liệu'.",
        "en": "Not counted (row with an error): still listed, but its row has an error and is not counted; see sheet 'Lỗi dữ liệu'.",
    },
    "mov.not_counted.apart.short": {
        "vi": "Chưa tính (danh sách gửi riêng)",
        "en": "Not counted (list sent apart)",
    },
    "mov.not_counted.apart.why": {
        "vi": "Chưa tính (danh sách gửi riêng): hộ có trong danh sách gửi riêng của xóm đã sáp nhập, bị từ chối, nên chưa tính; xem trang 'Nộp báo cáo'.",
        "en": "Not counted (list sent apart): on the separate list of a merged hamlet, refused, so not counted; see sheet 'Nộp báo cáo'.",
    },
    "mov.from_near_poor": {"vi": "Từ hộ cận nghèo chuyển sang", "en": "From near-poor"},
    "mov.from_poor": {"vi": "Từ hộ nghèo chuyển sang", "en": "From poor"},
    "mov.from_near_poor.long": {
        "vi": "Từ hộ cận nghèo chuyển sang hộ nghèo",
        "en": "Moved from near-poor to poor",
    },
    "mov.from_poor.long": {
        "vi": "Từ hộ nghèo chuyển sang hộ cận nghèo",
        "en": "Moved from poor to near-poor",
    },
    "mov.switched_out": {
        "vi": "Chuyển sang danh sách kia",
        "en": "Moved to the other list",
    },
    "mov.switched_in": {
        "vi": "Từ danh sách kia chuyển sang",
        "en": "Moved in from the other list",
    },
    "mov.new": {"vi": "Phát sinh mới", "en": "New"},
    "mov.moved_out": {"vi": "Chuyển sang xóm khác", "en": "Moved to another hamlet"},
    "mov.moved_in": {"vi": "Chuyển đến từ xóm khác", "en": "Moved in from another hamlet"},
    # a row of 'Biến động''s household list: the hamlet named, the reason under the list
    # (session 49: with it, the row took three lines of 20 widths)
    "mov.moved_out.long": {"vi": "Chuyển sang {hamlet}", "en": "Moved to {hamlet}"},
    "mov.moved_out.why": {
        "vi": "Chuyển sang …: hộ chuyển sang xóm khác trong xã, vẫn trong danh sách của xã (không tính là thoát).",
        "en": "Moved to …: moved to another hamlet of the commune, still on the commune's lists (not counted as exited).",
    },
    "mov.moved_in.long": {"vi": "Chuyển đến từ {hamlet}", "en": "Moved in from {hamlet}"},
    "mov.recounted": {"vi": "Tính lại (dòng đã sửa lỗi)", "en": "Counted again (row fixed)"},
    "mov.recounted.why": {
        "vi": "Tính lại (dòng đã sửa lỗi): kỳ trước hộ còn trong danh sách nhưng dòng có lỗi nên chưa tính; nay đã tính.",
        "en": "Counted again (row fixed): listed before in a row with an error, not counted then; counted now.",
    },
    "mov.returned.poor": {"vi": "Trong đó: tái nghèo", "en": "of which: fell back into poverty"},
    "mov.returned.near_poor": {
        "vi": "Trong đó: tái cận nghèo",
        "en": "of which: fell back into near-poverty",
    },
    "mov.returned": {
        "vi": "Trong đó: tái nghèo / tái cận nghèo",
        "en": "of which: fell back",
    },
    "mov.end": {"vi": "Hiện tại", "en": "Now"},
    "mov.vanished": {
        "vi": "Không còn trong danh sách (đề nghị xác nhận)",
        "en": "No longer listed (please confirm)",
    },
    # a household of last year's list the new start list renumbered: the code that list wrote
    # beside its class then, in 'Biến động''s household list (session 56)
    "mov.code_then": {
        "vi": "{status} (tháng {m}/{y}: mã {code})",
        "en": "{status} ({m}/{y}: code {code})",
    },
    # the same household in a later month: asked to confirm in the month it left (session 29)
    "mov.vanished.before": {
        "vi": "Không còn trong danh sách từ tháng {m}/{y} (không ghi 'Thoát')",
        "en": "No longer listed since {m}/{y} (not written 'Thoát')",
    },
    # the same, told then by another hamlet's list, a revised plan having moved the household
    # since: the officer finds the question in that hamlet's feedback of the month (session 67)
    "mov.vanished.before.asked": {
        "vi": "Không còn trong danh sách từ tháng {m}/{y} (đã hỏi xóm {hamlet}; không ghi 'Thoát')",
        "en": "No longer listed since {m}/{y} ({hamlet} was asked; not written 'Thoát')",
    },
    "mov.identity": {
        "vi": "Cột 11 = 1 − 2 − 3 − 4 − 5 + 6 + 7 + 9 + 10; cột 22 = 12 − 13 − 14 − 15 − 16 + 17 "
        "+ 18 + 20 + 21 (cột 8, 19 nằm trong cột 7, 18). Hộ chuyển giữa các xóm trong xã (cột "
        "5, 9, 16, 20) không tính là thoát hay phát sinh mới; hộ kỳ trước có dòng lỗi nay đã "
        "tính (cột 10, 21) không tính là phát sinh mới.",
        "en": "Column 11 = 1 − 2 − 3 − 4 − 5 + 6 + 7 + 9 + 10; column 22 = 12 − 13 − 14 − 15 − 16 "
        "+ 17 + 18 + 20 + 21 (columns 8, 19 are part of 7, 18). A household moving between "
        "hamlets of the commune (columns 5, 9, 16, 20) counts neither as exited nor as new; one "
        "whose row had an error before and counts now (columns 10, 21) does not count as new.",
    },
    "mov.no_base": {
        "vi": "Để trống: {hamlets} — xóm không có danh sách được chấp nhận của tháng {m}/{y} "
        "(chưa nộp hoặc bị từ chối), nên không so sánh được; dòng Tổng cộng chỉ gồm các "
        "xóm có số liệu.",
        "en": "Left blank: {hamlets} — no accepted list of {m}/{y} to compare with (not sent "
        "or refused); the total covers the hamlets with figures only.",
    },
    # a month consolidated for the commune before a merger, which did not hold the hamlet
    "mov.no_base.other_commune": {
        "vi": "Để trống: {hamlets} — xóm không có trong số liệu tháng {m}/{y}, tháng được tổng "
        "hợp theo kế hoạch của xã {old} trước khi sáp nhập (xóm của xã khác, xóm mới hoặc đổi "
        "tên), nên không so sánh được; dòng Tổng cộng chỉ gồm các xóm có số liệu.",
        "en": "Left blank: {hamlets} — not in the figures of {m}/{y}, a month consolidated with "
        "the plan of commune {old} before the merger (another commune's hamlet, a new or renamed "
        "one); the total covers the hamlets with figures only.",
    },
    "mov.earlier_base.other_commune": {
        "vi": "So với danh sách trước đó của xóm: {hamlets} — xóm không có trong số liệu tháng "
        "{m}/{y}, tháng được tổng hợp theo kế hoạch của xã {old} trước khi sáp nhập (xóm của xã "
        "khác, xóm mới hoặc đổi tên).",
        "en": "Compared with the hamlet's list before: {hamlets} — not in the figures of {m}/{y}, "
        "a month consolidated with the plan of commune {old} before the merger (another "
        "commune's hamlet, a new or renamed one).",
    },
    "mov.earlier_base": {
        "vi": "So với danh sách trước đó của xóm: {hamlets} — xóm không có danh sách được chấp "
        "nhận của tháng {m}/{y} (chưa nộp hoặc bị từ chối).",
        "en": "Compared with the hamlet's list before: {hamlets} — no accepted list of {m}/{y} "
        "(not sent or refused).",
    },
    # a hamlet new in the plan compared with the start list: not in last month's plan (B4)
    "mov.earlier_base.new": {
        "vi": "So với danh sách trước đó của xóm: {hamlets} — xóm mới có trong kế hoạch từ tháng "
        "{m}/{y}, kế hoạch tháng {pm}/{py} chưa có xóm này.",
        "en": "Compared with the hamlet's list before: {hamlets} — new in the plan since {m}/{y}, "
        "not in the plan of {pm}/{py}.",
    },
    # one dropped from the plan and added again, compared with its list before it was dropped
    # (session 58, H2)
    "mov.earlier_base.back": {
        "vi": "So với danh sách trước đó của xóm: {hamlets} — xóm có lại trong kế hoạch từ tháng "
        "{m}/{y}, kế hoạch tháng {pm}/{py} không có xóm này.",
        "en": "Compared with the hamlet's list before: {hamlets} — in the plan again since "
        "{m}/{y}, not in the plan of {pm}/{py}.",
    },
    # after either: the households last month's lists had elsewhere are moved in, not at the
    # start (baselines._latest_lists; session 58, H2)
    "mov.earlier_base.moved_in": {
        "vi": " Hộ chuyển đến {hamlets} là hộ mà danh sách tháng {pm}/{py} ghi ở xóm khác, nên "
        "không tính ở cột đầu kỳ của xóm.",
        "en": " The households moved into {hamlets} are those the lists of {pm}/{py} had in "
        "another hamlet, so not in its start column.",
    },
    # ... and, one back in the plan, its start column with its start rows its list before lacks
    # and no other hamlet's list counted last month (baselines._latest_lists; session 62, C)
    "mov.earlier_base.started": {
        "vi": " Cột đầu kỳ của {hamlet} gồm cả {n} hộ trong danh sách đầu năm của xóm mà danh "
        "sách {then} của xóm không có và danh sách tháng {pm}/{py} của xóm khác cũng không có "
        "(mã hộ {codes}): các hộ này được tính từ đầu kỳ, không tính là phát sinh mới.",
        "en": " The start column of {hamlet} also holds {n} households of its start-of-year list "
        "that its list of {then} lacks, on no other hamlet's list of {pm}/{py} either (codes "
        "{codes}): counted from the start, not as new.",
    },
    # a hamlet's start column holding start rows a plan revision gave it after the list its month
    # table is compared with, no list having told them (baselines._revised_in_month; session 65)
    "mov.revised_started": {
        "vi": "Cột đầu kỳ của {hamlet} gồm cả {n} hộ mà kế hoạch (đã sửa) ghi trong danh sách "
        "đầu năm của xóm nhưng danh sách {then} của xóm không có (mã hộ {codes}): các hộ này "
        "được tính từ đầu kỳ, không tính là phát sinh mới; hộ không có trong danh sách nào "
        "của tháng này được tính là thoát, như ở bảng từ đầu năm.",
        "en": "The start column of {hamlet} also holds {n} households the (revised) plan's "
        "start-of-year list gives it that its list of {then} lacks (codes {codes}): counted "
        "from the start, not as new; one on no list this month counts as gone, as in the "
        "year's table.",
    },
    # ... and its start column with the households of a dropped name it may have had then on
    # no list now, told gone there (baselines._latest_lists; session 61, C)
    "mov.earlier_base.took": {
        "vi": " Cột đầu kỳ của {hamlet} gồm cả các hộ trong danh sách tháng {pm}/{py} của xóm "
        "{olds} (không còn trong kế hoạch, có thể là tên cũ của xóm) mà tháng này không có "
        "trong danh sách xóm khác; hộ không còn trong danh sách nào được tính ở cột 3 hoặc 14.",
        "en": " The start column of {hamlet} also holds the households of the {pm}/{py} list of "
        "{olds} (no longer in the plan, maybe its former name) on no other hamlet's list this "
        "month; those on no list now count in column 3 or 14.",
    },
    # a hamlet new in the plan whose table starts from none: no list of it before (session 57)
    "mov.from_none": {
        "vi": "Tính từ 0: {hamlets} — xóm mới có trong kế hoạch từ tháng {m}/{y}, trước đó chưa "
        "có danh sách, nên bảng của xóm tính từ 0 (cột 1 và 12 bằng 0; hộ của xóm tính là chuyển "
        "đến từ xóm khác hoặc phát sinh mới).",
        "en": "From 0: {hamlets} — new in the plan since {m}/{y}, with no list before, so its "
        "tables start from 0 (columns 1 and 12 are 0; its households count as moved in from "
        "another hamlet or new).",
    },
    "mov.start_apart": {
        "vi": "Cột 1 và 12 (đầu năm) đếm theo trang 'Danh sách đầu năm' của kế hoạch, khác với "
        "số đầu năm ở trang 'Chỉ tiêu theo xóm' (số trang 'Tổng hợp' và 'Theo xóm' dùng): "
        "{hamlets}. Dòng có lỗi của danh sách đầu năm (như thiếu Mã hộ) không được đếm; hãy sửa "
        "tệp kế hoạch theo trang 'Lỗi dữ liệu' rồi tổng hợp lại.",
        "en": "Columns 1 and 12 (start of year) count the plan's 'Danh sách đầu năm' sheet, "
        "unlike the start figures of its 'Chỉ tiêu theo xóm' sheet (which 'Tổng hợp' and 'Theo "
        "xóm' use): {hamlets}. Rows of the start-of-year list with an error (such as no Mã hộ) "
        "are not counted; correct the plan as 'Lỗi dữ liệu' says and run again.",
    },
    "mov.start_apart.hamlet": {
        "vi": "{hamlet} có {p} hộ nghèo, {c} hộ cận nghèo trong danh sách, {tp} và {tc} ở trang "
        "chỉ tiêu",
        "en": "{hamlet} has {p} poor, {c} near-poor households on the list, {tp} and {tc} on "
        "the targets sheet",
    },
    "mov.start_apart.rows": {
        "vi": " ({n} dòng của xóm trong danh sách có lỗi nên không được đếm)",
        "en": " ({n} of its rows on the list with an error, not counted)",
    },
    "mov.earlier_base.plan": {"vi": "danh sách đầu năm", "en": "the start-of-year list"},
    # under the month table when its hamlets' tables start from different months: its total a
    # sum of tables of different spans, whose moves between hamlets need not pair (session 56)
    "mov.spans": {
        "vi": "Dòng Tổng cộng là tổng số liệu của các xóm, tính từ các mốc khác nhau: {groups}. "
        "Hộ chuyển xóm trong khoảng đó có thể chỉ tính ở một bên (chuyển đi hoặc chuyển đến).",
        "en": "The Total row adds up the hamlets' figures, counted from different lists: {groups}. "
        "A household moving between hamlets in that time may count on one side only (moved out "
        "or moved in).",
    },
    # ... where each table from another month is of a hamlet new or back in the plan, whose
    # start column leaves out the households last month's lists had elsewhere: its moves pair
    # (session 58, H and H2; session 59)
    "mov.spans.paired": {
        "vi": "Dòng Tổng cộng là tổng số liệu của các xóm, tính từ các mốc khác nhau: {groups}. "
        "Hộ chuyển xóm được tính ở cả hai bên (chuyển đi và chuyển đến).",
        "en": "The Total row adds up the hamlets' figures, counted from different lists: {groups}. "
        "A household moving between hamlets counts on both sides (moved out and moved in).",
    },
    # ... where some are, some not: one moving into or out of those pairs
    "mov.spans.paired.some": {
        "vi": "Dòng Tổng cộng là tổng số liệu của các xóm, tính từ các mốc khác nhau: {groups}. "
        "Hộ chuyển xóm trong khoảng đó có thể chỉ tính ở một bên (chuyển đi hoặc chuyển đến), "
        "trừ hộ chuyển đến hoặc chuyển đi khỏi xóm {hamlets}: tính ở cả hai bên.",
        "en": "The Total row adds up the hamlets' figures, counted from different lists: {groups}. "
        "A household moving between hamlets in that time may count on one side only (moved out "
        "or moved in), except one moving into or out of {hamlets}: it counts on both sides.",
    },
    # under the month table: a household moved in from a hamlet whose table the total does not
    # add, so its move out is counted nowhere in the total this month (session 59, A2)
    "mov.unmatched.no_table": {
        "vi": "Hộ chuyển đến từ xóm {hamlets} được tính ở cột 'Chuyển đến từ xóm khác' nhưng "
        "không có ở cột 'Chuyển sang xóm khác': xóm không có bảng tháng này (chưa nộp hoặc bị "
        "từ chối), nên hai cột này của dòng Tổng cộng có thể khác nhau. Tháng xóm nộp lại, bảng "
        "của xóm sẽ tính hộ chuyển đi.",
        "en": "A household moved in from {hamlets} counts under 'Moved in from another hamlet' "
        "but not under 'Moved to another hamlet': that hamlet has no table this month (not sent "
        "or refused), so the Total row's two columns may differ. The month it sends again, its "
        "table counts the move out.",
    },
    # under the month table: last month's households of a hamlet the plan lacks now that no
    # hamlet's start column holds, on no list now: in no table (session 61, C2)
    "mov.dropped_unlisted": {
        "vi": "Xóm {hamlet} không còn trong kế hoạch: {n} hộ trong danh sách tháng {m}/{y} của "
        "xóm không có trong danh sách nào tháng này (mã hộ {codes}), nên không được tính ở bảng "
        "nào; cột 1 và 12 của dòng Tổng cộng không gồm các hộ này. Hãy xác nhận các hộ này đã "
        "thoát, chuyển đi hay ghi sót.",
        "en": "{hamlet} is no longer in the plan: {n} households of its {m}/{y} list are on no "
        "list this month (codes {codes}), so no table counts them; columns 1 and 12 of the "
        "Total row leave them out. Confirm whether they left, moved away or were left off.",
    },
    # ... one of them whose head's name and birth year a row of a list now alone shares, under
    # a code new this month: the figures count that row new there (two households, session 43);
    # said beside, so the officer sees the one household it may be (session 62, C)
    "mov.dropped_unlisted.named": {
        "vi": " Hộ mã {code} có cùng họ tên chủ hộ và năm sinh với hộ mã {now} trong danh sách "
        "tháng này của xóm {there}, hộ được tính là phát sinh mới ở xóm đó: nếu là cùng một hộ "
        "thì hộ đã chuyển sang xóm {there} với mã hộ mới.",
        "en": " Household {code} has the same head's name and birth year as household {now} on "
        "{there}'s list this month, counted as new there: if they are one household, it moved "
        "to {there} under a new code.",
    },
    "mov.unmatched.apart": {
        "vi": "Hộ chuyển đến từ xóm {hamlets} được tính ở cột 'Chuyển đến từ xóm khác' nhưng "
        "không có ở cột 'Chuyển sang xóm khác' của dòng Tổng cộng: bảng của xóm chưa được cộng "
        "vào dòng Tổng cộng (chưa đủ hộ), nên hai cột này của dòng Tổng cộng có thể khác nhau.",
        "en": "A household moved in from {hamlets} counts under 'Moved in from another hamlet' "
        "but not under the Total row's 'Moved to another hamlet': that hamlet's table is not "
        "added to the Total row (households missing), so its two columns may differ.",
    },
    "mov.spans.group": {"vi": "xóm {hamlets} từ {since}", "en": "{hamlets} from {since}"},
    "mov.spans.rest": {
        "vi": "các xóm còn lại từ {since}",
        "en": "the other hamlets from {since}",
    },
    "mov.list_title": {
        "vi": "DANH SÁCH HỘ CÓ BIẾN ĐỘNG",
        "en": "HOUSEHOLDS BEHIND THE CHANGES",
    },
    "mov.list_empty": {"vi": "Không có hộ nào biến động.", "en": "No household changed."},
    "col.ma_ho": {"vi": "Mã hộ", "en": "Household code"},
    # 'Biến động's household list: column C (13 wide, one line) holds "Code", not "Household
    # code" (107 px of its 96; session 25).
    "mov.col.ma_ho": {"vi": "Mã hộ", "en": "Code"},
    "col.chu_ho": {"vi": "Họ và tên chủ hộ", "en": "Head of household"},
    "col.list": {"vi": "Danh sách", "en": "List"},
    "col.movement": {"vi": "Biến động", "en": "Change"},
    "col.start_status": {"vi": "Đầu năm", "en": "Start of year"},
    "col.current_status": {"vi": "Hiện tại", "en": "Now"},
    "col.period_start_status": {"vi": "Đầu kỳ", "en": "Before"},
    "col.scope": {"vi": "Phạm vi", "en": "Scope"},
    "scope.year": {"vi": "Từ đầu năm", "en": "Since the start of the year"},
    "scope.month": {"vi": "So với tháng trước", "en": "Since the previous month"},
    # a hamlet that sent no valid list last month: compared with its latest list before
    "scope.month.from": {"vi": "So với tháng {m}/{y}", "en": "Since {m}/{y}"},
    "scope.month.plan": {"vi": "So với danh sách đầu năm", "en": "Since the start-of-year list"},
    "mov.returned.list.poor": {"vi": "Tái nghèo", "en": "Fell back into poverty"},
    "mov.returned.list.near_poor": {"vi": "Tái cận nghèo", "en": "Fell back into near-poverty"},
    "title.movements.from": {
        "vi": "BIẾN ĐỘNG HỘ NGHÈO, HỘ CẬN NGHÈO TỪ THÁNG {m0}/{y0} ĐẾN THÁNG {m}/{y}",
        "en": "CHANGES IN POOR AND NEAR-POOR HOUSEHOLDS FROM {m0}/{y0} TO {m}/{y}",
    },
    "mov.sec.year": {
        "vi": "I. BIẾN ĐỘNG TỪ ĐẦU NĂM",
        "en": "I. CHANGES SINCE THE START OF THE YEAR",
    },
    "mov.sec.from": {
        "vi": "I. BIẾN ĐỘNG TÍNH TỪ THÁNG {m}/{y} (tháng đầu tiên có trong lịch sử)",
        "en": "I. CHANGES SINCE {m}/{y} (the earliest month in the history)",
    },
    "mov.sec.month": {
        "vi": "II. BIẾN ĐỘNG SO VỚI THÁNG TRƯỚC (tháng {m}/{y})",
        "en": "II. CHANGES SINCE THE PREVIOUS MONTH ({m}/{y})",
    },
    "mov.from_period": {
        "vi": "Biến động tính từ tháng {m}/{y} (tháng đầu tiên có trong lịch sử), vì kế hoạch không có danh sách hộ đầu năm.",
        "en": "Changes are counted from {m}/{y} (the earliest month in the history), as the plan has no start-of-year list.",
    },
    "mov.no_month": {
        "vi": "Chưa có số liệu tháng {m}/{y} trong lịch sử, nên chưa tính được biến động so với tháng trước.",
        "en": "{m}/{y} is not in the history, so changes since the previous month cannot be computed.",
    },
    "mov.other_standard": {
        "vi": "Tháng {m}/{y} tính theo chuẩn nghèo {then}, tháng này theo chuẩn nghèo {now}; danh sách đầu năm {year} đã rà soát theo chuẩn {now}, nên biến động so với tháng {m}/{y} gồm cả các hộ vào, ra danh sách do đổi chuẩn nghèo. Biến động trong năm: mục I.",
        "en": "{m}/{y} was consolidated by the {then} poverty standard, this month by {now}; the {year} start-of-year lists were reviewed by {now}, so the changes since {m}/{y} include households that joined or left the lists with the new standard. The year's changes: section I.",
    },
    "mov.first_month": {
        "vi": "Tháng đầu năm: danh sách đầu năm là kết quả công nhận đến 31/{m}/{y}, nên biến động so với tháng trước (tháng {m}/{y}) chính là biến động từ đầu năm ở mục I.",
        "en": "The year's first month: the start-of-year lists are the results recognised at 31/{m}/{y}, so the changes since the previous month ({m}/{y}) are those since the start of the year in section I.",
    },
    "mov.list_note": {
        "vi": "Đầu kỳ: đầu năm (Từ đầu năm) hoặc tháng {m}/{y} (So với tháng trước).",
        "en": "Before: the start of the year (since the start) or {m}/{y} (since the previous month).",
    },
    "mov.list_note.earlier": {
        "vi": " Xóm thiếu danh sách tháng {m}/{y}: so với danh sách ghi ở cột Phạm vi.",
        "en": " A hamlet without a {m}/{y} list: against the list its Scope names.",
    },
    # --- deprivations ---------------------------------------------------------------
    "dep.section.poor": {"vi": "I. HỘ NGHÈO", "en": "I. POOR HOUSEHOLDS"},
    "dep.section.near_poor": {"vi": "II. HỘ CẬN NGHÈO", "en": "II. NEAR-POOR HOUSEHOLDS"},
    "dep.total_deprivations": {"vi": "Tổng số lượt thiếu hụt", "en": "Total deprivations"},
    "dep.rate_row": {"vi": "Tỷ lệ thiếu hụt (%)", "en": "Deprivation rate (%)"},
    # a standard whose indicator list is unconfirmed (2027-2030): what the tool assumed
    "dep.indicators_assumed": {
        "vi": "Chuẩn nghèo {standard}: danh mục chỉ số thiếu hụt theo Nghị định 351/2025 chưa được xác nhận trong công cụ này, nên công cụ vẫn dùng 12 chỉ số của chuẩn 2022-2025 (dự thảo bỏ 'Phương tiện phục vụ tiếp cận thông tin', thêm 'Xử lý rác thải'). Hãy đối chiếu với văn bản hướng dẫn trước khi dùng số liệu thiếu hụt.",
        "en": "Poverty standard {standard}: the deprivation indicators of Nghị định 351/2025 are not confirmed in this tool, so it keeps the 12 indicators of 2022-2025 (the draft drops 'information-access assets' and adds 'waste treatment'). Check against the guidance before using the deprivation figures.",
    },
    "dep.note": {
        "vi": "Số hộ thiếu hụt từng chỉ số; tỷ lệ = số hộ thiếu hụt ÷ số hộ × 100. Màu so sánh "
        "các ô số hộ của từng phần (I, II): xanh – ít hộ thiếu hụt nhất, vàng – ở giữa, đỏ – "
        "nhiều hộ thiếu hụt nhất; màu không phải đánh giá đạt hay chưa đạt.",
        "en": "Households deprived in each indicator; rate = deprived ÷ households × 100. The "
        "colours compare the household counts within each part (I, II): green – fewest "
        "deprived, yellow – in between, red – most deprived; they do not judge any target.",
    },
    # --- causes ------------------------------------------------------------------------
    "cause.households": {"vi": "Số hộ nghèo và cận nghèo", "en": "Poor and near-poor households"},
    "cause.group": {"vi": "Nguyên nhân nghèo (số hộ)", "en": "Causes of poverty (households)"},
    "cause.targets": {"vi": "Nhóm đối tượng (số hộ)", "en": "Target groups (households)"},
    "cause.female": {"vi": "Chủ hộ là nữ (số hộ)", "en": "Female head (households)"},
    "cause.note": {
        "vi": "Tính trên các hộ nghèo và hộ cận nghèo hợp lệ của kỳ. Một hộ có thể có nhiều nguyên nhân và thuộc nhiều nhóm đối tượng.",
        "en": "Over the period's valid poor and near-poor households. A household may cite several causes and belong to several groups.",
    },
    "sub.title": {
        "vi": "HỘ NGHÈO, HỘ CẬN NGHÈO THUỘC CÁC NHÓM ĐẶC THÙ",
        "en": "POOR AND NEAR-POOR HOUSEHOLDS BY SUBGROUP",
    },
    "sub.ethnic_minority": {"vi": "Dân tộc thiểu số", "en": "Ethnic minority"},
    "sub.no_labour_capacity": {
        "vi": "Không có khả năng lao động (KKNLĐ)",
        "en": "No labour capacity (KKNLĐ)",
    },
    "sub.social_protection": {
        "vi": "Bảo trợ xã hội (BTXH)",
        "en": "Social protection (BTXH)",
    },
    "sub.female_head": {"vi": "Chủ hộ là nữ", "en": "Female head"},
    "sub.share": {"vi": "Tỷ lệ (%)", "en": "Share (%)"},
    "sub.note": {
        "vi": "Tỷ lệ = số hộ thuộc nhóm ÷ số hộ nghèo (hoặc cận nghèo) của xóm × 100. Dân tộc thiểu số: dân tộc khác Kinh (ô bỏ trống không tính). Một hộ có thể thuộc nhiều nhóm.",
        "en": "Share = households in the subgroup ÷ the hamlet's poor (or near-poor) households × 100. Ethnic minority: any ethnicity but Kinh (blank not counted). A household may belong to several subgroups.",
    },
    # --- household lists -----------------------------------------------------------------
    "list.count": {"vi": "Tổng số hộ trong danh sách:", "en": "Households listed:"},
    "list.empty": {"vi": "Không có hộ nào.", "en": "No household."},
    "col.nam_sinh": {"vi": "Năm sinh", "en": "Birth year"},
    "col.gioi_tinh": {"vi": "Giới tính", "en": "Sex"},
    "col.dan_toc": {"vi": "Dân tộc", "en": "Ethnicity"},
    "col.so_dinh_danh": {"vi": "Số định danh cá nhân", "en": "Personal ID number"},
    "col.nhan_khau": {"vi": "Số nhân khẩu", "en": "Members"},
    "col.thu_nhap": {
        "vi": "Thu nhập BQ (đồng/ người/ tháng)",  # spaces: wrapped at a slash, not mid-word
        "en": "Average income (đồng/ person/ month)",
    },
    "col.n_deprived": {"vi": "Số chỉ số thiếu hụt", "en": "Indicators deprived"},
    "col.nguyen_nhan": {"vi": "Nguyên nhân nghèo", "en": "Causes of poverty"},
    "col.doi_tuong": {"vi": "Nhóm đối tượng", "en": "Target group"},
    "col.nhu_cau": {"vi": "Nhu cầu hỗ trợ", "en": "Support needed"},
    "col.ghi_chu": {"vi": "Ghi chú", "en": "Notes"},
    "deprived_mark": {"vi": "x", "en": "x"},
    # --- reporting -------------------------------------------------------------------------
    "col.file": {"vi": "Tệp", "en": "File"},
    "col.rows_read": {"vi": "Số dòng đã đọc", "en": "Rows read"},
    "col.rows_rejected": {"vi": "Số dòng bị loại", "en": "Rows rejected"},
    "rep.accepted": {"vi": "Số xóm đã tổng hợp:", "en": "Hamlets consolidated:"},
    "rep.accepted.value": {
        "vi": "{accepted}/{expected} xóm",
        "en": "{accepted}/{expected} hamlets",
    },
    "rep.rate": {"vi": "Tỷ lệ nộp báo cáo hợp lệ (%):", "en": "Valid reporting rate (%):"},
    "rep.other_files": {"vi": "CÁC TỆP KHÁC", "en": "OTHER FILES"},
    "rep.no_other_files": {"vi": "Không có tệp nào khác.", "en": "No other file."},
    # --- issues ------------------------------------------------------------------------------
    "iss.none": {"vi": "Không có lỗi.", "en": "No issues."},
    "col.sheet": {"vi": "Trang", "en": "Sheet"},
    "col.cell": {"vi": "Ô", "en": "Cell"},
    "col.row": {"vi": "Dòng", "en": "Row"},
    "col.column": {"vi": "Cột", "en": "Column"},
    "col.value": {"vi": "Giá trị", "en": "Value"},
    "col.severity": {"vi": "Mức độ", "en": "Severity"},
    "col.code": {"vi": "Mã lỗi", "en": "Code"},
    "col.message": {"vi": "Nội dung", "en": "Message"},
    # --- trend ------------------------------------------------------------------------------
    "trend.col.poor": {"vi": "Tỷ lệ hộ nghèo (%)", "en": "Poor rate (%)"},
    "trend.col.near_poor": {"vi": "Tỷ lệ hộ cận nghèo (%)", "en": "Near-poor rate (%)"},
    "trend.target": {"vi": "Mục tiêu cuối năm {y}", "en": "Target, end of {y}"},
    "trend.chart": {
        "vi": "Tỷ lệ hộ nghèo, hộ cận nghèo so với lộ trình chỉ tiêu (%)",
        "en": "Poor and near-poor rates against the target path (%)",
    },
    "trend.sec.commune": {
        "vi": "I. TỶ LỆ HỘ NGHÈO, HỘ CẬN NGHÈO TOÀN XÃ THEO THÁNG",
        "en": "I. COMMUNE POOR AND NEAR-POOR RATES BY MONTH",
    },
    "trend.sec.poor": {
        "vi": "II. TỶ LỆ HỘ NGHÈO THEO XÓM (%)",
        "en": "II. POOR RATE BY HAMLET (%)",
    },
    "trend.sec.near_poor": {
        "vi": "III. TỶ LỆ HỘ CẬN NGHÈO THEO XÓM (%)",
        "en": "III. NEAR-POOR RATE BY HAMLET (%)",
    },
    "trend.sec.yoy": {
        "vi": "IV. SO VỚI CÙNG KỲ NĂM TRƯỚC",
        "en": "IV. COMPARED WITH A YEAR EARLIER",
    },
    "trend.chart.data": {
        "vi": "Số liệu biểu đồ (không in; tháng chưa tổng hợp: chỉ có lộ trình chỉ tiêu)",
        "en": "Data of the chart (not printed; a month not consolidated: its target path alone)",
    },
    "trend.col.month": {"vi": "Tháng", "en": "Month"},
    "trend.col.households": {"vi": "Số hộ", "en": "Households"},
    # Tables II–III head column B (11 wide, one line): "Start of year" needs 87.5 px of its
    # 82 (session 25).
    "trend.col.start": {"vi": "Đầu năm", "en": "Year start"},
    "trend.col.path": {"vi": "Lộ trình chỉ tiêu (%)", "en": "Target path (%)"},
    "trend.col.change": {"vi": "Thay đổi (điểm %)", "en": "Change (points)"},
    "trend.month": {"vi": "Tháng {m}", "en": "Month {m}"},
    "trend.month.partial": {"vi": "Tháng {m} (*)", "en": "Month {m} (*)"},
    "trend.commune": {"vi": "Toàn xã", "en": "Commune"},
    "trend.series.poor": {"vi": "Tỷ lệ hộ nghèo", "en": "Poor rate"},
    "trend.series.poor_path": {"vi": "Lộ trình chỉ tiêu hộ nghèo", "en": "Poor target path"},
    "trend.series.near_poor": {"vi": "Tỷ lệ hộ cận nghèo", "en": "Near-poor rate"},
    "trend.series.near_poor_path": {
        "vi": "Lộ trình chỉ tiêu hộ cận nghèo",
        "en": "Near-poor target path",
    },
    "trend.note.path": {
        "vi": "Lộ trình chỉ tiêu = tỷ lệ đầu năm (dòng 'Đầu năm', các xóm tháng này) − chỉ tiêu giảm cả năm của kế hoạch đang dùng × số tháng đã qua ÷ 12 (giảm đều mỗi tháng), một đường cho mọi tháng, như biểu đồ. Mục tiêu cuối năm = tỷ lệ đầu năm − chỉ tiêu giảm cả năm; lộ trình và mục tiêu không xuống dưới 0 %.",
        "en": "Target path = start rate (row 'Start of year', this month's hamlets) − the year's target of the plan used now × months elapsed ÷ 12 (an even fall each month), one line for every month, as the chart draws it. Year-end target = start rate − the year's target; neither the path nor the target goes below 0 %.",
    },
    "trend.note.partial": {
        "vi": "(*) Chưa đủ các xóm: toàn xã chỉ tính các xóm đã tổng hợp tháng đó; lộ trình tính trên các xóm tháng này.",
        "en": "(*) Not every hamlet reported: commune figures cover that month's hamlets; the path is over this month's.",
    },
    "trend.note.blank": {
        "vi": "Ô trống: xóm chưa có số liệu được tổng hợp trong tháng đó. Dòng Toàn xã tính trên các xóm đã tổng hợp.",
        "en": "Blank: no consolidated figures for the hamlet that month. The Commune row covers the hamlets consolidated.",
    },
    "trend.note.yoy": {
        "vi": "Thay đổi = tỷ lệ tháng {m}/{y} − tỷ lệ tháng {m}/{y0}; số âm là giảm.",
        "en": "Change = rate {m}/{y} − rate {m}/{y0}; negative is a fall.",
    },
    "yoy.left_out": {
        "vi": "So sánh trên các xóm có số liệu ở cả hai tháng; không tính: {hamlets}.",
        "en": "Compared over the hamlets with figures in both months; left out: {hamlets}.",
    },
    # last year's month consolidated by another poverty standard (session 38)
    "yoy.other_standard": {
        "vi": "Tháng {m0}/{y0} tính theo chuẩn nghèo {then}, tháng {m}/{y} theo chuẩn nghèo {now}: thay đổi này có phần do đổi chuẩn nghèo, không phải chỉ là kết quả giảm nghèo (hay tăng nghèo).",
        "en": "Month {m0}/{y0} was consolidated by the {then} poverty standard, month {m}/{y} by the {now} standard: part of this change is the new standard's, not only poverty reduced (or risen).",
    },
    # ... said once more, briefly, beside the change row of 'Tổng hợp' (the headline and the
    # row above it say both standards): the full sentence made section I too tall to print
    # under the headline on page 1
    "yoy.other_standard.brief": {
        "vi": "Hai tháng theo hai chuẩn nghèo khác nhau: thay đổi có phần do đổi chuẩn.",
        "en": "The two months are by two different standards: part of the change is the new standard's.",
    },
    "yoy.then_standard": {
        "vi": "{then}, theo chuẩn nghèo {standard}",
        "en": "{then}, by the {standard} standard",
    },
    "trend.note.other_commune": {
        "vi": "Tháng {months} được tổng hợp theo kế hoạch của xã {old} (trước khi sáp nhập), không cùng các xóm, số hộ và chỉ tiêu với xã {new}, nên không có trong xu hướng này; số liệu các tháng đó xem ở bảng tổng hợp của từng tháng.",
        "en": "Months {months} were consolidated with the plan of commune {old} (before the merger): not the same hamlets, households and targets as commune {new}, so they are not in this trend; see each of those months' workbooks for their figures.",
    },
    # the same, of one month
    "trend.note.other_commune.one": {
        "vi": "Tháng {months} được tổng hợp theo kế hoạch của xã {old} (trước khi sáp nhập), không cùng các xóm, số hộ và chỉ tiêu với xã {new}, nên không có trong xu hướng này; số liệu tháng đó xem ở bảng tổng hợp của tháng đó.",
        "en": "Month {months} was consolidated with the plan of commune {old} (before the merger): not the same hamlets, households and targets as commune {new}, so it is not in this trend; see that month's workbook for its figures.",
    },
    # A renamed or merged hamlet's earlier points: whose they are (one note per hamlet).
    "trend.note.names": {
        "vi": "Xóm {hamlet}: {said}.",
        "en": "Hamlet {hamlet}: {said}.",
    },
    "trend.note.renamed": {
        "vi": "số liệu {months} là của xóm {old} (đổi tên từ tháng {since})",
        "en": "the figures of {months} are hamlet {old}'s (renamed from {since})",
    },
    "trend.note.merged": {
        "vi": "số liệu {months} gồm cả xóm {names} (sáp nhập từ tháng {since})",
        "en": "the figures of {months} include hamlet {names} (merged in from {since})",
    },
    "trend.note.months": {"vi": "các tháng {months}", "en": "months {months}"},
    # The same hamlet said in this month's tables ('Tổng hợp', 'Theo xóm'; session 51).
    "hamlet.note.renamed": {
        "vi": "trước đây là xóm {old} (đổi tên từ tháng {since})",
        "en": "formerly hamlet {old} (renamed from {since})",
    },
    "hamlet.note.merged": {
        "vi": "gồm cả xóm {names} (sáp nhập từ tháng {since})",
        "en": "includes hamlet {names} (merged in from {since})",
    },
    "trend.note.month": {"vi": "tháng {months}", "en": "{months}"},
    "trend.later": {
        "vi": "Số liệu các tháng trước sẽ được bổ sung khi có lịch sử tổng hợp.",
        "en": "Earlier months will be added once the history is available.",
    },
    # --- public posting (NiemYet) ---
    "pub.doc_title": {
        "vi": "Danh sách hộ nghèo, hộ cận nghèo niêm yết công khai tháng {m}/{y} – xã {commune}",
    },
    "pub.title": {
        "vi": "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO {hamlet} THÁNG {m}/{y} – NIÊM YẾT CÔNG KHAI",
    },
    # every printed page of a hamlet's sheet names the hamlet (its page 2 shows only the table)
    # and its number among the hamlet's pages (no "/ &N": that is the whole printout's count)
    "pub.footer": {
        "vi": "&C{hamlet}, xã {commune} – danh sách niêm yết tháng {m}/{y} – Trang &P",
    },
    # the single sheet (over 50 hamlets): a hamlet's printed page after its first begins so
    "pub.continued": {
        "vi": "Danh sách hộ nghèo, hộ cận nghèo {hamlet} tháng {m}/{y} (tiếp theo)",
    },
    "pub.count": {
        "vi": "Tổng số: {poor} hộ nghèo, {near_poor} hộ cận nghèo.",
    },
    "pub.period": {
        "vi": "Thời gian niêm yết: ..... ngày, kể từ ngày ..... tháng ..... năm ..... Mọi ý kiến thắc mắc xin gửi về Ban Chỉ đạo giảm nghèo xã {commune} (qua Trưởng xóm hoặc trực tiếp tại Ủy ban nhân dân xã) trong thời gian niêm yết.",
    },
    "pub.pending": {
        "vi": "Chưa niêm yết {n} hộ có thông tin đang được xóm kiểm tra lại; sẽ bổ sung khi sửa xong.",
    },
    "pub.empty": {
        "vi": "Xóm không có hộ nghèo, hộ cận nghèo.",
    },
    "pub.absent": {
        "vi": "Danh sách tháng {m}/{y} của xóm {status}, nên chưa có danh sách để niêm yết; sẽ niêm yết khi xóm gửi danh sách hợp lệ.",
    },
    "col.phan_loai": {"vi": "Phân loại hộ", "en": "Classification"},
    "col.so_dinh_danh.masked": {
        "vi": "Số định danh cá nhân (4 số cuối)",
        "en": "Personal ID number (last 4 digits)",
    },
    "sign.hamlet_head": {"vi": "TRƯỞNG XÓM", "en": "HAMLET HEAD"},
    # --- signature block -----------------------------------------------------------------------
    "sign.reporter": {"vi": "NGƯỜI LẬP BIỂU", "en": "PREPARED BY"},
    "sign.reporter.note": {"vi": "(Ký, ghi rõ họ tên)", "en": "(Signature and full name)"},
    "sign.date": {"vi": "Ngày ..... tháng ..... năm .....", "en": "Date ..... / ..... / ....."},
    "sign.org": {"vi": "TM. ỦY BAN NHÂN DÂN", "en": "ON BEHALF OF THE PEOPLE'S COMMITTEE"},
    "sign.chairman": {"vi": "CHỦ TỊCH", "en": "CHAIRMAN"},
    "sign.chairman.note": {
        "vi": "(Ký, ghi rõ họ tên, đóng dấu)",
        "en": "(Signature, full name and seal)",
    },
}


# Vietnamese words of two syllables the report's headers print, each kept on one line where a
# narrow header wraps ('Bảo hiểm' / 'y tế', not 'Bảo hiểm y' / 'tế': cells.header_lines, session
# 42), case-folded.
WORD_PAIRS = frozenset(
    (
        "bảo hiểm", "y tế", "sinh hoạt", "vệ sinh", "việc làm", "phụ thuộc", "dinh dưỡng",
        "trình độ", "giáo dục", "người lớn", "tình trạng", "đi học", "trẻ em", "chất lượng",
        "nhà ở", "diện tích", "bình quân", "đầu người", "nguồn nước", "nhà tiêu", "sử dụng",
        "dịch vụ", "viễn thông", "phương tiện", "phục vụ", "tiếp cận", "thông tin", "lao động",
        "sản xuất", "công cụ", "kiến thức", "kỹ năng", "ốm đau", "bệnh nặng", "tai nạn",
        "khả năng", "bảo trợ", "xã hội", "định danh", "cá nhân", "nhân khẩu", "thu nhập",
        "cận nghèo", "đối tượng", "hỗ trợ", "nguyên nhân", "dân tộc", "thiểu số", "chủ hộ",
        "năm sinh", "giới tính", "tỷ lệ", "tổng số", "chỉ tiêu", "tiến độ", "đầu năm",
        "hiện tại", "phát sinh", "tái nghèo", "thoát nghèo", "biến động", "ghi chú",
    )
)  # fmt: skip


# English for the vocabulary the headers show (the Vietnamese is the contract's own wording).
_INDICATOR_EN = {
    "td_01": "Employment",
    "td_02": "Dependants",
    "td_03": "Nutrition",
    "td_04": "Health insurance",
    "td_05": "Adult education",
    "td_06": "Children's schooling",
    "td_07": "Housing quality",
    "td_08": "Living space per person",
    "td_09": "Drinking water",
    "td_10": "Hygienic latrine",
    "td_11": "Telecom services",
    "td_12": "Information devices",
}
_DIMENSION_EN = {
    "Việc làm": "Employment",
    "Y tế": "Health",
    "Giáo dục": "Education",
    "Nhà ở": "Housing",
    "Nước sinh hoạt và vệ sinh": "Water and sanitation",
    "Thông tin": "Information",
}
_CAUSE_EN = {
    "Thiếu đất sản xuất": "Lack of farm land",
    "Thiếu vốn": "Lack of capital",
    "Thiếu lao động": "Lack of labour",
    "Thiếu công cụ, phương tiện sản xuất": "Lack of tools and means of production",
    "Thiếu kiến thức sản xuất": "Lack of farming know-how",
    "Thiếu kỹ năng lao động": "Lack of work skills",
    "Ốm đau, bệnh nặng, tai nạn": "Illness, serious disease, accident",
    "Khác": "Other",
}
_GROUP_EN = {
    "BTXH": "Social protection",
    "NCC": "Revolution-merit family",
    "KKNLĐ": "No labour capacity",
}


def indicator_groups(lang: str = "vi") -> list[tuple[str, list[str]]]:
    """The 12 indicators' headers under their dimension, in the standard's order."""
    from itertools import groupby

    from schemas.columns import INDICATORS

    out = []
    for dimension, group in groupby(INDICATORS, key=lambda ind: ind[1]):
        heads = [_INDICATOR_EN[k] if lang == "en" else h for k, _, h in group]
        out.append((_DIMENSION_EN.get(dimension, dimension) if lang == "en" else dimension, heads))
    return out


def cause_label(cause: str, lang: str = "vi") -> str:
    return _CAUSE_EN.get(cause, cause) if lang == "en" else cause


def group_label(key: str, name: str, lang: str = "vi") -> str:
    """'Bảo trợ xã hội (BTXH)'; in English 'Social protection (BTXH)'."""
    return f"{_GROUP_EN.get(key, name) if lang == 'en' else name} ({key})"


def incomplete_key(key: str, incomplete: dict) -> str:
    """The label ``key`` of a hamlet's figures lacking a list sent apart (its JSON
    ``incomplete``) in words true of that list: a hamlet the plan lacks as written (``key``), a
    list naming no hamlet ('.unnamed'), one naming a neighbour that sent its own list
    ('.neighbour'; session 51)."""
    if incomplete.get("hamlet_written_in_plan"):
        return key + ".neighbour"
    return key + ("" if incomplete["hamlet_written"] else ".unnamed")


def t(key: str, lang: str = "vi", **fields: object) -> str:
    """The label ``key`` in ``lang`` (Vietnamese when missing), with ``fields`` filled in."""
    entry = LABELS[key]
    text = entry.get(lang) or entry["vi"]
    return said_with_unit(text, **fields)


# A label whose {n} names a list's households by how many ('report.incomplete*': "{n} on a
# list naming no hamlet … are not counted … Write them"), said of one in the singular in
# English ("1 household … is not counted … Write it"), as the catalogue's words of one
# household are (schemas.issues.in_one_household; session 55's review). The Vietnamese ('các
# hộ đó') are said of one household alike.
_ONE_HOUSEHOLD_EN = (
    (" are not counted, so", " is not counted, so"),
    ("Write them in", "Write it in"),
)


def t_households(key: str, lang: str, households: int | None, **fields: object) -> str:
    """:func:`t` of a label whose ``{n}`` names ``households`` households (None: not known):
    of one, its English in the singular (:data:`_ONE_HOUSEHOLD_EN`)."""
    entry = LABELS[key]
    text = entry.get(lang) or entry["vi"]
    if lang == "en" and households == 1:
        for many, one in _ONE_HOUSEHOLD_EN:
            text = text.replace(many, one)
    return said_with_unit(text, **fields)


def yoy_left_out(
    lang: str, yoy: dict, standard: str = "", period: str = "", brief: bool = False
) -> str:
    """The note naming the hamlets a year-on-year comparison leaves out ('' when none), and,
    when last year's month was consolidated by another poverty standard than this month's
    (``standard``, of ``period`` 'YYYY-MM'), the note saying so (session 38); ``brief``: in
    a few words, where the standards are named beside it."""
    names = yoy.get("hamlets_left_out")
    notes = [t("yoy.left_out", lang, hamlets=", ".join(names))] if names else []
    if yoy.get("standard") and standard and period and brief:
        notes.append(t("yoy.other_standard.brief", lang))
    elif yoy.get("standard") and standard and period:
        then = yoy["period"]
        notes.append(t("yoy.other_standard", lang, m0=int(then[5:7]), y0=int(then[:4]),
                       then=yoy["standard"], m=int(period[5:7]), y=int(period[:4]),
                       now=standard))  # fmt: skip
    return " ".join(notes)
