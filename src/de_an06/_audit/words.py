"""The word lists and patterns the audit reads: one place, data only.

Another province's plan needs no code change: its own body names come from its agency
directory; what is listed here is the national vocabulary of Đề án 06 plans (central
bodies and systems, document symbols, the usual misspellings) and the words that tell
a product from an activity ("5 rõ").
"""

from __future__ import annotations

import re

from ..task import Role

__all__ = [
    "ACTIVITY_WORDS",
    "ALLOWED_REPEATS",
    "CONDITION",
    "COUNTED_NOUNS",
    "DONE_MARKERS",
    "KNOWN_NAMES",
    "MISSPELLINGS",
    "PRODUCTS",
    "SAME_LINE_KINDS",
    "SPELLING_VARIANTS",
    "SYMBOL",
    "SYMBOL_PARTS",
    "TASK_ROW_VERBS",
    "TASK_SECTION",
]

# Names of national bodies, systems and documents a plan cites. A text that writes all but
# the last word or two of one ("Thủ tướng Chính phê duyệt") has cut it short; a name written
# with other capitals or dashes in one document is written "in two ways". Names sharing a
# beginning are all listed, so that one is never read as a cut-off of another.
KNOWN_NAMES: tuple[str, ...] = (
    "Thủ tướng Chính phủ",
    "Văn phòng Chính phủ",
    "Tổ công tác triển khai Đề án 06 của Chính phủ",
    "Cơ sở dữ liệu quốc gia về dân cư",
    "Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp",
    "Cơ sở dữ liệu quốc gia về bảo hiểm",
    "Cổng Dịch vụ công quốc gia",
    "Cổng dịch vụ công của tỉnh",
    "Hệ thống thông tin giải quyết thủ tục hành chính",
    "Trung tâm dữ liệu quốc gia",
    "văn bản quy phạm pháp luật",
    "văn bản pháp luật",
    "văn bản pháp lý",
    "tài khoản định danh điện tử",
    "dữ liệu người có công",
    "dữ liệu người lao động",
    "dữ liệu người dân",
    "Bộ Công an",
    "Bộ Thông tin và Truyền thông",
    "Bộ Kế hoạch và Đầu tư",
    "Bộ Tài nguyên và Môi trường",
    "Bộ Lao động - Thương binh và Xã hội",
    "Bộ Giáo dục và Đào tạo",
    "Bộ Khoa học và Công nghệ",
    "Ngân hàng Nhà nước Việt Nam",
    "VNeID",
    "Căn cước công dân",
    "Tết Nguyên đán",
)

# Words spelt two accepted ways; a document should keep to one.
SPELLING_VARIANTS: tuple[tuple[str, ...], ...] = (("chip", "chíp"), ("Tỉ lệ", "Tỷ lệ"))

# Written form -> right form. Matched as written, except that a capital first letter
# also matches ("Tuyên tuyền" at the start of a sentence).
MISSPELLINGS: dict[str, str] = {
    "tuyên tuyền": "tuyên truyền",
    "tuyên chuyền": "tuyên truyền",
    "gia thông": "giao thông",
    "giấp phép": "giấy phép",
    "văn bàng": "văn bằng",
    "Hệ thông thông tin": "Hệ thống thông tin",
    "tại khoản định danh": "tài khoản định danh",
    "kế nối": "kết nối",
    "nhiệm vụ mời": "nhiệm vụ mới",
    "loa phương": "loa phường",
    "dơ cơ sở": "do cơ sở",
    "nhận chìm ở biên": "nhận chìm ở biển",
    "hướng dẫn bảo hiểm xã hội một lần": "hưởng bảo hiểm xã hội một lần",
    "Giáp thìn": "Giáp Thìn",
    "sử lý": "xử lý",
    "xát nhập": "sáp nhập",
    "sát nhập": "sáp nhập",
    "chuẩn đoán": "chẩn đoán",
    "bàng giao": "bàn giao",
    "chính sác": "chính xác",
    "giành cho": "dành cho",
    "trách nghiệm": "trách nhiệm",
    "triển khai khai": "triển khai",
}

# Repeated words that are Vietnamese reduplication, not slips.
ALLOWED_REPEATS = frozenset(
    {"dần", "từ", "thường", "ngày", "người", "nhà", "đời", "xa", "đâu", "mỗi", "từng", "lần"}
)

# A document symbol: number / [year /] kind-issuer ("104/2022/NĐ-CP", "06/QĐ-TTg").
SYMBOL = re.compile(
    r"(?<![\w/])(?P<number>\d{1,5})/(?:(?P<year>\d{4})/)?"
    r"(?P<rest>[A-ZĐa-zđ][A-ZĐa-zđ&]*"
    r"(?:\s*[-–]\s*[A-ZĐa-zđ0-9&]+(?:\.[A-ZĐa-zđ0-9&]+)*)+)"
)
# The usual spelling of symbol parts, by their casefold.
SYMBOL_PARTS: dict[str, str] = {
    p.casefold(): p
    for p in (
        "QĐ",
        "NQ",
        "NĐ",
        "KH",
        "TT",
        "TB",
        "TTr",
        "CT",
        "BC",
        "HD",
        "KHPH",
        "CP",
        "TTg",
        "UBND",
        "VPCP",
        "BCA",
        "BTTTT",
        "BLĐTBXH",
        "BTC",
        "BNV",
        "BYT",
        "THH",
        "CAT",
        "QH15",
        "UBTVQH15",
        "TCTĐA06CP",
    )
}

# The heading of the plan's section of tasks ("III. NHIỆM VỤ, GIẢI PHÁP"), folded.
TASK_SECTION = "nhiem vu"

# Nouns that, after a count ("02 Dự án", "30 mô hình"), name things the plan must list.
COUNTED_NOUNS: tuple[str, ...] = (
    "dự án",
    "đề án",
    "mô hình",
    "dịch vụ công",
    "dịch vụ",
    "tiêu chí",
    "chương trình",
    "nền tảng",
    "hệ thống",
    "nhiệm vụ trọng tâm",
)

# What a "before X" deadline's condition looks like: "(khi có đề xuất …)".
CONDITION = re.compile(r"\((?:khi|nếu|trường hợp|sau khi)\s[^)]*\)", re.IGNORECASE)

# Annex rows: words saying a thing is already done, inside a plan of work to do.
DONE_MARKERS = re.compile(r"đã (?:hoàn thành|triển khai xong)\s*:\s*(?P<what>.+)$", re.IGNORECASE)
# Annex row names that open with these verbs are tasks, not procedures: no dossiers to count.
TASK_ROW_VERBS: tuple[str, ...] = ("mở rộng", "hoàn thành", "kết nối", "xây dựng", "triển khai")

# Roles that one body should not hold together within one task: doing and helping.
# Leading some pilot models and monitoring others (task 10.1) is coherent: not listed.
SAME_LINE_KINDS: tuple[frozenset[Role], ...] = (
    frozenset({Role.LEAD, Role.COORDINATE}),
    frozenset({Role.IMPLEMENT, Role.COORDINATE}),
)

# "rõ kết quả": the product a task names, by kind, most specific first. Each pattern
# names a thing a reader can check at the end of the year, not an activity.
PRODUCTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ratio", re.compile(r"\d+(?:[.,]\d+)?\s*%|\b\d+/\d+\b")),
    (
        "count",
        re.compile(
            r"\b\d+\s+(?:mô hình|dịch vụ|thủ tục|cơ sở|điểm|tiêu chí|huyện|xã|hồ sơ)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "document",
        re.compile(
            r"\b(?:xây dựng|ban hành|trình|phê duyệt|công bố)\b[^.;]{0,40}?"
            r"\b(?:kế hoạch|quyết định|quy chế|quy định|phương án|đề án|văn bản|danh mục)\b"
            r"|\b(?:xây dựng|đề xuất)\s+(?:phương án|giải pháp|Kế hoạch)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "system",
        re.compile(
            r"\b(?:hoàn thành|hoàn thiện|kết nối|tích hợp|xây dựng|nâng cấp|số hóa|tạo lập"
            r"|áp dụng|triển khai)\b[^.;]{0,80}?\b(?:hệ thống|cơ sở dữ liệu|kho dữ liệu"
            r"|nền tảng|phần mềm|ứng dụng|cổng|hóa đơn điện tử|chữ ký số|mô hình)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "report",
        re.compile(r"\bbáo cáo\b[^.;]{0,40}?\b(?:phê duyệt|kết quả|đánh giá)\b", re.IGNORECASE),
    ),
    (
        "data",
        re.compile(
            r"\b(?:cập nhật|làm sạch|số hóa|đồng bộ)\b[^.;]{0,30}?\bdữ liệu\s+\w+", re.IGNORECASE
        ),
    ),
)
# Verbs of an activity with no product of its own: with no product named, the result is
# not clear, and the verdict quotes these.
ACTIVITY_WORDS = re.compile(
    r"\b(?:quán triệt|tuyên truyền|nâng cao ý thức|đẩy mạnh|duy trì|tiếp tục|tăng cường"
    r"|tham mưu|nghiên cứu|rà soát|phối hợp|chỉ đạo|hướng dẫn)\b",
    re.IGNORECASE,
)
