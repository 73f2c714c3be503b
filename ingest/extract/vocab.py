"""Vietnamese vocabulary of report language as data: units, scale words, cues, hedges, abbreviations.

Everything here is lowercase NFC. The extractor compiles these tables into regexes once at import;
adding a word here is the way to teach it new language, not editing the matching code.
"""

from __future__ import annotations

# --- numbers --------------------------------------------------------------------------------------

SCALE_WORDS: dict[str, float] = {
    "nghìn": 1e3,
    "ngàn": 1e3,
    "triệu": 1e6,
    "tr": 1e6,
    "tỷ": 1e9,
    "tỉ": 1e9,
}

# --- units: written form -> (base unit, factor to base) -------------------------------------------
# Longer forms must win over their prefixes; the regex is built longest-first.
MEASURE_UNITS: dict[str, tuple[str, float]] = {
    # money (đồng without a scale word is đồng)
    "đồng/người/năm": ("VND/person/year", 1.0),
    "đ/người/năm": ("VND/person/year", 1.0),
    "đồng/người": ("VND/person/year", 1.0),
    "đồng": ("VND", 1.0),
    "vnđ": ("VND", 1.0),
    "vnd": ("VND", 1.0),
    "đ": ("VND", 1.0),
    # mass and yield
    "tấn/ha": ("t/ha", 1.0),
    "tạ/ha": ("t/ha", 0.1),
    "kg/ha": ("t/ha", 0.001),
    "kg/người/năm": ("kg/person/year", 1.0),
    "kg/người": ("kg/person/year", 1.0),
    "tấn": ("t", 1.0),
    "tạ": ("t", 0.1),
    "kg": ("t", 0.001),
    "ki-lô-gam": ("t", 0.001),
    "yến": ("t", 0.01),
    # area and length
    "ha": ("ha", 1.0),
    "hecta": ("ha", 1.0),
    "hec ta": ("ha", 1.0),
    "héc ta": ("ha", 1.0),
    "héc-ta": ("ha", 1.0),
    "hécta": ("ha", 1.0),
    "sào": ("ha", 0.036),  # Bắc Bộ sào = 360 m2
    "m2": ("ha", 1e-4),
    "m²": ("ha", 1e-4),
    "km2": ("ha", 100.0),
    "km²": ("ha", 100.0),
    "km": ("km", 1.0),
    "mét": ("km", 0.001),
    "m": ("km", 0.001),
    "m3": ("other", 1.0),
    "m³": ("other", 1.0),
    "lít": ("other", 1.0),
    # frequencies
    "lần/ngày": ("other", 1.0),
    "lần/tuần": ("other", 1.0),
    "lần/tháng": ("other", 1.0),
    "lần/năm": ("other", 1.0),
    "lần/quý": ("other", 1.0),
    # percent
    "%": ("%", 1.0),
    "phần trăm": ("%", 1.0),
}

# Units that follow the scale word ("67 triệu đồng", "24 nghìn tấn"); a bare scale word after a number
# in a money context ("tăng 8 tỷ so với CK") is money.
SCALED_MONEY_DEFAULT = "đồng"

# Count nouns: "<number> <noun>" is a count of <noun>. Longest first at match time.
COUNT_UNITS: tuple[str, ...] = (
    "con",
    "hộ",
    "hộ gia đình",
    "hộ nghèo",
    "hộ cận nghèo",
    "hộ kinh doanh",
    "người",
    "lượt người",
    "lượt",
    "lao động",
    "nhân khẩu",
    "khẩu",
    "doanh nghiệp",
    "công ty",
    "hợp tác xã",
    "htx",
    "tổ hợp tác",
    "thành viên",
    "hội viên",
    "đoàn viên",
    "đội viên",
    "đảng viên",
    "đồng chí",
    "quần chúng",
    "quần chúng ưu tú",
    "chi bộ",
    "tổ chức cơ sở đảng",
    "tổ chức đảng",
    "sản phẩm",
    "tiêu chí",
    "chỉ tiêu",
    "trường",
    "lớp",
    "học sinh",
    "giáo viên",
    "cháu",
    "trẻ",
    "em",
    "hồ sơ",
    "đơn",
    "đơn thư",
    "vụ",
    "vụ việc",
    "giấy",
    "giấy chứng nhận",
    "thửa",
    "suất",
    "suất quà",
    "xuất quà",
    "phần quà",
    "phần",
    "băng zôn",
    "băng rôn",
    "băng-rôn",
    "câu khẩu hiệu",
    "khẩu hiệu",
    "pano",
    "pa nô",
    "áp phích",
    "cờ",
    "buổi",
    "cuộc",
    "kỳ họp",
    "nghị quyết",
    "văn bản",
    "căn",
    "căn nhà",
    "ngôi nhà",
    "nhà",
    "nhà màng",
    "nhà lưới",
    "mô hình",
    "câu lạc bộ",
    "clb",
    "công trình",
    "dự án",
    "tuyến",
    "tuyến đường",
    "cây",
    "cây số",
    "cơ sở",
    "trang trại",
    "gia trại",
    "thanh niên",
    "tân binh",
    "chiến sĩ",
    "cán bộ",
    "công chức",
    "viên chức",
    "đại biểu",
    "cử tri",
    "ấp",
    "thôn",
    "xóm",
    "bản",
    "khu dân cư",
    "làng",
    "làng nghề",
    "cánh đồng",
    "cánh đồng mẫu lớn",
    "việc",
    "gia đình",
    "gia đình văn hóa",
    "bác sĩ",
    "giường bệnh",
    "ca",
    "bệnh nhân",
    "đối tượng",
    "trường hợp",
    "thủ tục",
    "tin",
    "tin bài",
    "bài",
    "chương trình",
    "kế hoạch",
    "đợt",
    "tổ",
    "chi hội",
    "tổ hội",
    "đoàn",
    "xe",
    "chiếc",
    "cái",
    "ô tô",
    "máy",
    "bộ",
    "tập thể",
    "cá nhân",
    "giờ",
    "ngày công",
    "công",
    "lò",
    "giếng",
    "cống",
    "cầu",
    "kênh",
    "mương",
    "điểm",
    "chợ",
    "cửa hàng",
    "quỹ",
    "sổ",
    "thẻ",
    "thẻ bhyt",
    "con giống",
    "liều",
    "liều vắc xin",
    "mũi",
    "mũi tiêm",
    "tàu",
    "thuyền",
    "cuộc gọi",
    "tài khoản",
    "bản tin",
    "ý kiến",
    "kiến nghị",
    "lao động nông thôn",
    "việc làm",
    "lần",
    "chủ tịch",
    "phó chủ tịch",
    "ủy viên",
    "uỷ viên",
    "bí thư",
    "phó bí thư",
    "trưởng thôn",
    "hội nghị",
    "lớp học",
    "học viên",
    "tình nguyện viên",
)

# Count units that say nothing about the subject ("136 đồng chí tham gia lực lượng dân quân").
GENERIC_COUNT_UNITS: frozenset[str] = frozenset(
    {
        "người",
        "lượt",
        "lượt người",
        "đồng chí",
        "con",
        "hộ",
        "cái",
        "chiếc",
        "trường hợp",
        "em",
        "cháu",
        "cá nhân",
    }
)

# Count units that are measure words: the counted thing follows them ("02 đợt sinh hoạt chính trị").
CLASSIFIER_UNITS: frozenset[str] = frozenset(
    {"đợt", "cuộc", "buổi", "lượt", "lần", "lớp", "đoàn", "hội nghị"}
)
# Verbs before a number that make it a change, not a level ("tăng 8 tỷ so với CK").
CHANGE_VERBS: tuple[str, ...] = ("tăng", "giảm", "tăng thêm", "giảm thêm", "gấp")
# "thêm" before a count: an increment of a stock ("có thêm 02 trường đạt chuẩn").
INCREMENT_WORDS: tuple[str, ...] = ("thêm",)

# Words right before a number that make it an identifier or an ordinal, not a quantity ("thôn 4").
IDENTIFIER_WORDS: frozenset[str] = frozenset(
    {"số", "thứ", "lần", "đợt", "quý", "thôn", "xóm", "ấp", "đội", "tổ", "khu", "lô", "điều"}
)
# ... unless this word comes before them: "tổng số 74 nghị quyết" is a count, "dân số 0,9%" a rate.
IDENTIFIER_KEEP_BEFORE: frozenset[str] = frozenset({"tổng", "dân"})
# Words before a four-digit year that make it a date, not a quantity ("năm 2023", "giai đoạn 2021").
YEAR_WORDS: frozenset[str] = frozenset({"năm", "khóa", "khoá", "kỳ", "đoạn", "niên"})

# Words after a number that make it NOT a quantity (durations, ordinals, ages, ratings, clock).
NOT_UNIT_WORDS: tuple[str, ...] = (
    "năm",
    "tháng",
    "ngày",
    "tuần",
    "quý",
    "tuổi",
    "sao",
    "lần thứ",
    "giờ",
    "phút",
    "giây",
    "kỳ",
    "khóa",
    "nhiệm kỳ",
    "tầng",
    "số",
)

# "Giá trị thu được trên 1 ha đất canh tác": a single unit after these words is "per unit", not a quantity.
PER_UNIT_BEFORE: tuple[str, ...] = ("mỗi", "/")
# "trên 1 ha" is "per hectare" only when land follows ("trên 1 ha đất canh tác"); else it is a hedge.
PER_UNIT_ON: tuple[str, ...] = ("đất", "canh tác", "gieo trồng", "trồng trọt", "sản xuất", "mặt nước")
# "giảm cả 3 tiêu chí", "bình quân 2 vụ đạt 58,6 tạ/ha": a count after these words qualifies another
# figure (all of them, averaged over them); it is not a quantity of its own.
QUALIFYING_COUNT_BEFORE: tuple[str, ...] = ("cả", "bình quân", "trung bình")

# --- cues -----------------------------------------------------------------------------------------

# A percentage followed by one of these is plan attainment (plan_pct).
PLAN_WORDS: tuple[str, ...] = (
    "kế hoạch",
    "kh",
    "khn",
    "dự toán",
    "dt",
    "chỉ tiêu",
    "nghị quyết",
    "nq",
    "mục tiêu",
    "kế hoạch năm",
    "kh năm",
    "chỉ tiêu giao",
    "chỉ tiêu huyện giao",
    "dự toán giao",
    "dự toán năm",
    "nhiệm vụ",
)
# A percentage followed by one of these is versus the same period last year (yoy_pct).
YOY_WORDS: tuple[str, ...] = (
    "cùng kỳ",
    "ck",
    "cùng kỳ năm trước",
    "cùng kỳ năm ngoái",
    "năm trước",
    "năm ngoái",
    "cùng kì",
)
# Words allowed between the percentage and the plan/yoy word ("bằng 60% so với CK").
RATIO_LINKERS: tuple[str, ...] = ("so với", "so", "với", "của", "theo", "trên", "/")
# Verbs before a ratio percentage.
RATIO_VERBS: tuple[str, ...] = ("đạt", "bằng", "vượt", "được", "hoàn thành", "=", "tương đương", "ước đạt")

# Plan words that, without a verb before the percentage, name a share ("100% hộ … chỉ tiêu"), not attainment.
SHARE_PLAN_WORDS: frozenset[str] = frozenset({"nhiệm vụ", "mục tiêu", "chỉ tiêu"})
# "15 chỉ tiêu đạt từ 50% kế hoạch trở lên", "03 chỉ tiêu đạt dưới 50%": a bound, not a value.
THRESHOLD_WORDS: tuple[str, ...] = ("từ", "dưới")
# Words between a count and a bare percentage that make the percentage the count's share
# ("371 đồng chí (81%)", "5 chi bộ …, chiếm tỷ lệ 23,8%").
SHARE_WORDS: tuple[str, ...] = ("", "đạt", "đạt tỷ lệ", "tỷ lệ", "chiếm", "chiếm tỷ lệ", "bằng", "đạt tỉ lệ")
# The plan figure restated in brackets after a result: "(Nghị quyết đề ra 9 - 10%)".
BRACKET_PLAN_VERBS: tuple[str, ...] = ("đề ra", "đặt ra", "giao", "là", "nhiệm kỳ")
# "chuyển 28 ha lúa sang trồng cây ăn quả": what follows these words is the destination, not the subject.
CONVERSION_WORDS: tuple[str, ...] = ("sang",)
# "Giảm tỷ lệ hộ nghèo 0,5% (còn dưới 1,5%)": after these words a percentage is the level the rate falls to.
LEVEL_AFTER_REDUCTION: tuple[str, ...] = ("còn", "xuống")
# A bare area, output or length is named by the noun after it with these measure words before it
# ("482 ha lúa" -> "diện tích lúa", "7.120 tấn lúa" -> "sản lượng lúa").
AREA_NAME_PREFIXES: dict[str, tuple[str, ...]] = {
    "ha": ("diện tích ", ""),
    "t": ("sản lượng ", ""),
    "km": ("",),
}

# Hedges: words just before the number (after any verb) that make the value approximate.
HEDGES_BEFORE: tuple[str, ...] = (
    "trên",
    "gần",
    "hơn",
    "khoảng",
    "ước",
    "ước đạt",
    "ước tính",
    "ước thực hiện",
    "dưới",
    "xấp xỉ",
    "trên dưới",
    "chừng",
    "tới gần",
    "ít nhất",
    "tối thiểu",
    "tối đa",
    "không dưới",
    "không quá",
    "≥",
    "≤",
    ">=",
    "<=",
    ">",
    "<",
)
HEDGES_AFTER: tuple[str, ...] = ("trở lên", "trở xuống", "trở ra")
# `ước` anywhere earlier in the clause ("Chi ngân sách xã ước đạt 50,1%") also hedges.
HEDGES_IN_CLAUSE: tuple[str, ...] = ("ước đạt", "ước thực hiện", "ước tính", "ước thu", "ước cả năm")

# Sentence cues that make a mention a target (kind="target").
TARGET_CUES: tuple[str, ...] = (
    "phấn đấu",
    "dự kiến",
    "đến năm",
    "đến cuối năm",
    "vào năm",
    "cần đạt",
    "phải đạt",
    "chỉ tiêu đến năm",
    "mục tiêu đến năm",
)
# Cues that carry over the `;`-separated items after them on the same line ("phấn đấu A; B; C").
CARRIED_TARGET_CUES: tuple[str, ...] = ("phấn đấu", "dự kiến", "chỉ tiêu phấn đấu")
# Sentence cues that pin a mention to an achieved result even inside a target section.
ACTUAL_CUES: tuple[str, ...] = ("đã đạt", "đã ", "thực hiện được", "kết quả", "đến nay", "hiện nay")

# Headings that open a target section (next period plan, next-term indicators) or an actual section.
TARGET_HEADINGS: tuple[str, ...] = (
    "mục tiêu",
    "phương hướng",
    "nhiệm vụ trọng tâm",
    "nhiệm vụ và giải pháp",
    "nhiệm vụ, giải pháp",
    "nhiệm vụ năm",
    "kế hoạch năm",
    "phần thứ hai",
    "dự báo",
)
# "chỉ tiêu" heads both results ("Kết quả một số chỉ tiêu quý I") and plans: it makes a target section
# only when the heading names a period other than the document's own ("chỉ tiêu … năm 2025").
WEAK_TARGET_HEADINGS: tuple[str, ...] = ("chỉ tiêu",)
ACTUAL_HEADINGS: tuple[str, ...] = (
    "kết quả",
    "tình hình thực hiện",
    "những kết quả đạt được",
    "đánh giá",
    "hạn chế",
    "phần thứ nhất",
    "phần mở đầu",
    "nguyên nhân",
)

# Verbs/links stripped off the end of an indicator phrase ("sản lượng lúa đạt" -> "sản lượng lúa").
INDICATOR_TRAILERS: tuple[str, ...] = (
    "đạt",
    "là",
    "được",
    "có",
    "bằng",
    "ước đạt",
    "ước",
    "còn",
    "xuống còn",
    "giảm còn",
    "tăng lên",
    "lên",
    "với",
    "gồm",
    "tổng",
    "tổng cộng",
    "tổng số",
    "khoảng",
    "trên",
    "gần",
    "hơn",
    "dưới",
    "từ",
    "đến nay",
    "hiện nay",
    "hiện có",
    "đạt được",
    "thực hiện",
    "chiếm",
    "trong đó",
    "toàn xã",
    "cả xã",
    "toàn xã có",
    "cả xã còn",
    "đã",
    "ra",
    "mới",
    "tăng",
    "giảm",
    "nâng",
    "nâng tổng",
    "nâng số",
    "và",
    "của",
    "cho",
    "thêm",
    "đạt thêm",
    "trị giá",
    "số tiền",
    "với số tiền",
    "kinh phí",
)

# Words a report slips into an indicator name ("giá trị sản xuất ngành tiểu thủ công nghiệp",
# "tiêu chí xã nông thôn mới nâng cao"): skipped when the name does not go on without them.
NAME_FILLERS: frozenset[str] = frozenset({"ngành", "xã"})

# "tỷ lệ hộ nghèo giảm còn 1,5%" names the rate, not its reduction: a catalogue name ending in one of
# these verbs, followed by one of the level words, is cut before the verb.
NAME_END_VERBS: frozenset[str] = frozenset({"giảm", "tăng"})
LEVEL_WORDS_AFTER_VERB: frozenset[str] = frozenset({"còn", "xuống", "lên", "từ"})

# Words that end the noun phrase written after a number ("482 ha lúa với …", "2 vụ trộm cắp, …").
TAIL_STOP_WORDS: tuple[str, ...] = (
    "với",
    "cho",
    "tại",
    "của",
    "đạt",
    "được",
    "trong",
    "theo",
    "bằng",
    "là",
    "so",
    "tăng",
    "giảm",
    "trở",
    "trên",
    "dưới",
    "vào",
    "từ",
    "và",
    "năm",
    "đến",
    "tới",
    "ở",
    "do",
    "nhằm",
    "để",
    "thì",
    "nhưng",
    "góp",
    "chiếm",
    "gồm",
    "như",
    "sang",
    "còn",
    "lên",
    "xuống",
    "mỗi",
    "hằng",
    "hàng",
    "bình",
    "đã",
    "trị",
    "tổng",
    "số",
    "kế",
    "dự",
    "chỉ",
    "khoảng",
    "gần",
    "hơn",
    "đều",
)

# Abbreviations common in commune reports -> expansion used for catalogue matching.
ABBREVIATIONS: dict[str, str] = {
    "kh": "kế hoạch",
    "ck": "cùng kỳ",
    "nq": "nghị quyết",
    "nsnn": "ngân sách nhà nước",
    "ns": "ngân sách",
    "bhyt": "bảo hiểm y tế",
    "bhxh": "bảo hiểm xã hội",
    "bhtn": "bảo hiểm thất nghiệp",
    "xdntm": "xây dựng nông thôn mới",
    "ntm": "nông thôn mới",
    "ttcn": "tiểu thủ công nghiệp",
    "tmdv": "thương mại dịch vụ",
    "dvtm": "dịch vụ thương mại",
    "htx": "hợp tác xã",
    "thcs": "trung học cơ sở",
    "thpt": "trung học phổ thông",
    "mn": "mầm non",
    "th": "tiểu học",
    "gpmb": "giải phóng mặt bằng",
    "xdcb": "xây dựng cơ bản",
    "attp": "an toàn thực phẩm",
    "vsattp": "vệ sinh an toàn thực phẩm",
    "vsmt": "vệ sinh môi trường",
    "antt": "an ninh trật tự",
    "atgt": "an toàn giao thông",
    "tnxh": "tệ nạn xã hội",
    "mttq": "mặt trận tổ quốc",
    "hđnd": "hội đồng nhân dân",
    "ubnd": "ủy ban nhân dân",
    "nvqs": "nghĩa vụ quân sự",
    "dqtv": "dân quân tự vệ",
    "cchc": "cải cách hành chính",
    "gcnqsd": "giấy chứng nhận quyền sử dụng",
    "cnqsd": "chứng nhận quyền sử dụng",
    "ktxh": "kinh tế xã hội",
    "kt-xh": "kinh tế - xã hội",
    "qp-an": "quốc phòng - an ninh",
    "ocop": "mỗi xã một sản phẩm",
    "cccd": "căn cước công dân",
}

# --- periods --------------------------------------------------------------------------------------

ROMAN_QUARTERS: dict[str, int] = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# --- metadata -------------------------------------------------------------------------------------

# Document types as printed in the header (uppercase line) -> canonical lowercase type.
DOC_TYPES: tuple[str, ...] = (
    "báo cáo",
    "kết luận",
    "thông báo",
    "nghị quyết",
    "kế hoạch",
    "chương trình",
    "quyết định",
    "tờ trình",
    "công văn",
    "hướng dẫn",
    "chỉ thị",
    "quy chế",
    "đề án",
    "biên bản",
    "diễn văn",
    "phát biểu",
)
# Type codes in document numbers ("04-KL/ĐU") -> type.
DOC_TYPE_CODES: dict[str, str] = {
    "bc": "báo cáo",
    "kl": "kết luận",
    "tb": "thông báo",
    "nq": "nghị quyết",
    "kh": "kế hoạch",
    "ctr": "chương trình",
    "ct": "chỉ thị",
    "qđ": "quyết định",
    "qd": "quyết định",
    "ttr": "tờ trình",
    "hd": "hướng dẫn",
    "cv": "công văn",
    "qc": "quy chế",
    "đa": "đề án",
    "bb": "biên bản",
}

# Issuing bodies (prefix before the place name), longest first at match time.
ISSUER_BODIES: tuple[str, ...] = (
    "ban chấp hành đảng bộ",
    "ban thường vụ đảng ủy",
    "ban thường vụ huyện ủy",
    "ban thường vụ",
    "thường trực đảng ủy",
    "thường trực huyện ủy",
    "đảng ủy",
    "đảng uỷ",
    "đảng bộ",
    "huyện ủy",
    "huyện uỷ",
    "thị ủy",
    "tỉnh ủy",
    "ủy ban nhân dân",
    "uỷ ban nhân dân",
    "ubnd",
    "hội đồng nhân dân",
    "hđnd",
    "ủy ban mặt trận tổ quốc",
    "ủy ban kiểm tra",
    "chi bộ",
)
ADMIN_LEVELS: dict[str, str] = {
    "xã": "commune",
    "phường": "commune",
    "thị trấn": "commune",
    "huyện": "district",
    "thị xã": "district",
    "thành phố": "district",
    "quận": "district",
    "tỉnh": "province",
}
