"""The deadline grammar's pattern table: one commented ``re.VERBOSE`` pattern per form.

Each pattern runs on the lower-cased working copy of a text (`_deadline_parser`), and each
has one small handler there that says what a match means. Adding a form of wording is
adding a pattern here and a handler there.
"""

from __future__ import annotations

import re
from datetime import date

__all__ = [
    "AS_DIRECTED",
    "BREAKS",
    "DATE",
    "DATE_WORDS",
    "DOCUMENT_BEFORE",
    "EVENT",
    "HALF",
    "KNOWN_EVENTS",
    "MONTH",
    "ONGOING",
    "QUARTER",
    "REL",
    "TET",
    "TRAILING_VERB",
    "YEAR",
    "YEAR_SUFFIX",
]

# Each pattern runs on the lower-cased copy. REL is the optional word before a period or
# date that says how it binds: "trước" (before), "từ"/"sau" (a start), others (by/within).

REL = r"""
    (?:\b(?P<rel>trước|đến\s+hết|đến|tới|hết|trong|vào|chậm\s+nhất(?:\s+(?:là|vào))?
                |từ|kể\s+từ|bắt\s+đầu\s+từ|sau)\s+)?
"""
YEAR_SUFFIX = r"(?:(?:\s*/\s*|\s+năm\s+)(?P<year>[0-9]{4})\b)?"  # "/2024", " năm 2024"

AS_DIRECTED = re.compile(
    r"""
    (?:^|(?<=[.;(]))\s*                               # at the start of a clause
    (?:(?:thực\s+hiện|hoàn\s+thành|triển\s+khai)\s+)?
    theo\s+(?:đúng\s+)?
    (?:chỉ\s+đạo|lộ\s+trình|hướng\s+dẫn|tiến\s+độ|kế\s+hoạch|yêu\s+cầu|quy\s+định)
    (?:\s*(?:,|và|/)\s*(?:chỉ\s+đạo|lộ\s+trình|hướng\s+dẫn|tiến\s+độ|kế\s+hoạch))*
    (?:\s+triển\s+khai)?(?:\s+của)?\s*
    (?P<by>[^.;]*)                                    # who or what sets it: to clause end
    """,
    re.VERBOSE,
)
EVENT = re.compile(
    r"""
    \b(?P<rel>trước|sau|cho\s+đến|đến)\s+(?:khi|dịp|thời\s+điểm|lúc)\s+
    (?!tết\b)                                         # Tết has its own pattern
    (?P<event>[^.;()]+?)(?=\s+và\s|\s*[.;()]|\s*$)    # to "và" or the clause end
    """,
    re.VERBOSE,
)
TET = re.compile(
    r"""
    (?:\b(?P<rel>trước|sau|đến|trong|vào|dịp)\s+)?(?:(?:dịp|thời\s+điểm|kỳ\s+nghỉ)\s+)?
    (?P<name>\btết(?:\s+(?:nguyên\s+đán|âm\s+lịch|cổ\s+truyền))?
      (?:\s+(?P<can>giáp|ất|bính|đinh|mậu|kỷ|kỉ|canh|tân|nhâm|quý)
         \s+(?P<chi>tý|tí|sửu|dần|mão|mẹo|thìn|tỵ|tị|ngọ|mùi|thân|dậu|tuất|hợi)\b)?
      (?:\s+(?:năm\s+)?(?P<year>[0-9]{4})\b)?)
    """,
    re.VERBOSE,
)
HALF = re.compile(
    REL
    + r"""
    (?:\b(?:0?6|sáu)\s+tháng|\bnửa)\s+(?P<which>đầu|cuối)\s+năm   # 6 tháng đầu/cuối năm
    (?:\s+(?P<year>[0-9]{4})\b)?
    """,
    re.VERBOSE,
)
QUARTER = re.compile(
    REL
    + r"""
    (?:\b(?P<pos>đầu|cuối)\s+)?
    \bquý\s+(?P<nums>(?:[ivxlcdm]+|[0-9]+)\b                # Quý I, quý 3
        (?:\s*(?:,|và|-|–)\s*(?:quý\s+(?:[ivxlcdm]+|[0-9]+)|[ivx]+)\b)*)  # , Quý II / , II
    """
    + YEAR_SUFFIX,
    re.VERBOSE,
)
MONTH = re.compile(
    REL
    + r"""
    (?:\b(?P<pos>đầu|giữa|cuối)\s+)?
    \btháng\s+(?P<nums>[0-9]{1,2}\b(?:\s*(?:,|và|-|–)\s*tháng\s+[0-9]{1,2}\b)*)
    """
    + YEAR_SUFFIX,
    re.VERBOSE,
)
YEAR = re.compile(
    REL
    + r"""
    (?:\b(?P<pos>đầu|giữa|cuối)\s+năm(?:\s+(?P<pyear>[0-9]{4}))?\b(?!\s+(?:học|tài))
      | \bnăm\s+(?P<year>[0-9]{4})\b)
    """,
    re.VERBOSE,
)
DATE = re.compile(
    REL
    + r"""
    (?P<ngay>\bngày\s+)?(?<![0-9/.-])
    (?P<d>[0-9]{1,2})\s*(?P<sep>[/.-])\s*(?P<m>[0-9]{1,2})   # 30/6, 30.6, 30-6
    (?:\s*(?P=sep)\s*(?P<year>[0-9]{4}))?(?![0-9/])        # /2024
    """,
    re.VERBOSE,
)
DATE_WORDS = re.compile(
    REL
    + r"""
    (?P<ngay>\bngày\s+)(?P<d>[0-9]{1,2})\s+tháng\s+(?P<m>[0-9]{1,2})\b   # ngày 15 tháng 3
    (?:\s+năm\s+(?P<year>[0-9]{4})\b)?
    """,
    re.VERBOSE,
)
ONGOING = re.compile(
    r"\b(?:(?:duy\s+trì|thực\s+hiện)\s+)*(?:thường\s+xuyên|liên\s+tục)\b", re.VERBOSE
)
# A date right after a document number is the document's date, not a deadline:
# "Quyết định số 90/QĐ-TTg ngày 18/01/2022", "Nghị quyết số 50/NQ-CP ngày 08/4/2022".
DOCUMENT_BEFORE = re.compile(r"(?:[0-9]+/\S+|\bsố\s+\S+)\s*$")

# "Theo lộ trình Bộ Công an đề xuất": the body is "Bộ Công an"; the verb is not part of it.
TRAILING_VERB = re.compile(
    r"\s+(?:đề\s+xuất|ban\s+hành|quy\s+định|hướng\s+dẫn|phê\s+duyệt)$", re.IGNORECASE
)
# Clause breaks that cut a compound's text into pieces, strongest first.
BREAKS = (re.compile(r"(?P<keep>\.)\s|;"), re.compile(r"\svà\s"), re.compile(r","))

# Events whose date is known. Luật Căn cước 26/2023/QH15, art. 46: "Luật này có hiệu lực
# thi hành từ ngày 01 tháng 7 năm 2024".
KNOWN_EVENTS = ((re.compile(r"\bluat can cuoc\b.*\bhieu luc\b"), date(2024, 7, 1)),)
