"""Vietnamese word lists of the CCHC domain, written for this project.

Shared by the CRF's features, the rules baseline and normalization. Entries are
lower-case, modern tone placement, syllables separated by single spaces.
"""

from __future__ import annotations

UNIT_WORDS = frozenset({"huyện", "quận", "thị xã", "thành phố", "tp", "tp.", "h.", "q.", "tx",
                        "tx.", "tp.hcm"})
"""Words that introduce a district-level unit."""

LOWER_UNIT_WORDS = frozenset({"xã", "phường", "thị trấn", "thôn", "bản", "ấp", "tổ dân phố",
                              "khu phố", "tỉnh", "làng", "xóm"})
"""Units that are not districts (communes, wards, villages, provinces)."""

TITLES = frozenset({
    "chủ tịch", "phó chủ tịch", "bí thư", "phó bí thư", "giám đốc", "phó giám đốc", "trưởng",
    "phó", "trưởng phòng", "phó trưởng phòng", "trưởng ban", "phó trưởng ban", "chánh",
    "chánh văn phòng", "phó chánh văn phòng", "ủy viên", "thường trực", "thường vụ",
    "chuyên viên", "công chức", "cán bộ", "viên chức", "tổ trưởng", "đại biểu", "đại diện",
    "chủ nhiệm", "thanh tra", "chánh thanh tra", "kế toán", "văn thư", "chi cục trưởng",
    "pct", "pbt", "ct", "bt", "uvbtv", "tuv", "hủv", "đbqh", "ubnd", "hđnd", "huyện ủy",
    "tỉnh ủy", "thành ủy", "thị ủy", "mttq", "trưởng bộ phận", "tổng giám đốc", "thủ trưởng",
    "chủ tịch ubnd", "phó chủ tịch ubnd", "bí thư huyện ủy", "phó bí thư huyện ủy",
})
"""Position words and abbreviations that stand next to an official's name."""

HONORIFICS = frozenset({"ông", "bà", "đồng chí", "đ/c", "đc", "anh", "chị", "các đồng chí",
                        "cô", "thầy", "đồng chí:", "ngài"})

SURNAMES = frozenset({
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ",
    "hồ", "ngô", "dương", "lý", "đinh", "lương", "trịnh", "mai", "tạ", "cao", "hà", "lâm",
    "chu", "kiều", "thái", "la", "quách", "triệu", "vi", "lò", "tô", "đoàn", "văn", "lại",
    "khổng", "nông", "hứa", "âu", "giáp", "tăng", "trương", "phùng", "kim", "doãn", "lưu",
    "thân", "bạch", "ông", "từ", "mạc", "nghiêm", "châu", "đàm", "hầu", "khúc", "lục", "quan",
    "sầm", "tống", "ung", "viên", "y", "h", "ksor", "rơ", "siu", "nay", "rah", "kpă", "điểu",
    "giàng", "sùng", "vừ", "thào", "lầu", "ma", "bế", "chẩu", "sơn", "thạch", "danh", "chau",
    "mông", "tráng", "cứ", "ka", "lữ", "trình", "vương", "diệp", "tôn", "cù", "khương",
})

DATE_WORDS = frozenset({
    "ngày", "tháng", "năm", "quý", "giai đoạn", "nhiệm kỳ", "sáng", "chiều", "tối", "trưa",
    "đêm", "đầu", "giữa", "cuối", "lúc", "hôm", "thứ hai", "thứ ba", "thứ tư", "thứ năm",
    "thứ sáu", "thứ bảy", "chủ nhật", "tết", "mùng", "xuân", "cùng kỳ", "năm nay", "năm qua",
    "năm trước", "tháng trước", "hôm nay", "qua",
})

METRIC_UNITS = frozenset({
    "%", "phần trăm", "điểm", "hồ sơ", "tthc", "thủ tục", "tỷ", "tỉ", "triệu", "nghìn", "ngàn",
    "đồng", "vnđ", "xã", "lượt", "bậc", "lĩnh vực", "ngày làm việc", "ngày", "giờ", "tháng",
    "năm", "lần", "người", "cán bộ", "công chức", "viên chức", "biên chế", "đơn vị", "cơ quan",
    "phòng", "ban", "ngành", "dịch vụ", "dịch vụ công", "văn bản", "cuộc", "đơn", "vụ", "tiêu chí",
    "chỉ tiêu", "nhiệm vụ", "kiến nghị", "phản ánh", "tài khoản", "m2", "ha", "km", "tuổi",
    "vị trí", "thứ",
})

QUALIFIERS = frozenset({"trên", "hơn", "gần", "khoảng", "ít nhất", "tối thiểu", "tối đa",
                        "hàng", "chưa đến", "không quá", "khoảng trên", "vượt", "gần như",
                        "xấp xỉ", "dưới"})

NUMBER_WORDS = {
    "không": 0, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7,
    "tám": 8, "chín": 9, "mười": 10, "mươi": 10, "trăm": 100, "nghìn": 1000, "ngàn": 1000,
    "nhất": 1, "nhì": 2, "rưỡi": 0.5,
}
"""Number words and the value each stands for (as a digit or a multiplier)."""
