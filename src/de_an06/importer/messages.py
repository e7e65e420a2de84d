"""The importer's warnings in Vietnamese: one entry per English message the readers write.

Private to the importer. The readers warn in English (``sink.warn(lines, message)``);
`vietnamese` gives the same message in Vietnamese, read from this one table, so that
``de-an06 import`` shows warnings in Vietnamese by default and in English with
``--lang en``. Each entry is a pattern on the English message (its ``{fields}`` are the
parts the reader fills in: a number, a name as written) and the Vietnamese template.

>>> vietnamese("task 2.1 has no deadline line")
'nhiệm vụ 2.1 không có dòng thời hạn'
"""

from __future__ import annotations

import re
from typing import Final

from ..agency import Level

__all__ = ["CATALOGUE", "vietnamese"]

_ANY = r"(?P<{}>.+?)"

# (English message with {fields}, Vietnamese template with the same fields)
CATALOGUE: Final[tuple[tuple[str, str], ...]] = (
    # structure: what a plan should have
    ("no decision number ('Số: …') found", "không tìm thấy số quyết định ('Số: …')"),
    (
        "no decision date ('…, ngày … tháng … năm …') found; {date} used",
        "không tìm thấy ngày ban hành ('…, ngày … tháng … năm …'); tạm ghi {date}",
    ),
    (
        "no decision ('QUYẾT ĐỊNH') found: the plan's own number and date stand for the decision's",
        "không có quyết định ('QUYẾT ĐỊNH'): số và ngày của kế hoạch được dùng thay",
    ),
    ("no plan title ('KẾ HOẠCH …') found", "không tìm thấy tên kế hoạch ('KẾ HOẠCH …')"),
    (
        "no task group found (section 'III. NHIỆM VỤ …')",
        "không tìm thấy nhóm nhiệm vụ nào (phần 'III. NHIỆM VỤ …')",
    ),
    (
        "no plan year found: the draft says {year}, correct it",
        "không tìm thấy năm của kế hoạch: bản nháp tạm ghi {year}, cần sửa",
    ),
    (
        "plan year {year} taken from the decision's date: the title names no year of its "
        "own ('tầm nhìn đến năm …', 'giai đoạn …' and cited documents are not the plan's)",
        "năm kế hoạch {year} lấy từ ngày ban hành: tên kế hoạch không nêu năm của chính nó "
        "('tầm nhìn đến năm …', 'giai đoạn …' và văn bản được dẫn không phải năm kế hoạch)",
    ),
    (
        "the title names several years; the last, {year}, taken",
        "tên kế hoạch nêu nhiều năm; lấy năm cuối cùng, {year}",
    ),
    (
        "text under the plan's title not understood; not kept",
        "không hiểu đoạn dưới tên kế hoạch; không giữ lại",
    ),
    (
        "line not read: it is outside every part understood",
        "dòng không được đọc: nằm ngoài mọi phần đã nhận ra",
    ),
    (
        "the text ends mid-sentence: it may have been cut short",
        "văn bản dừng giữa câu: có thể bị cắt mất phần sau",
    ),
    ("another document: not read with this one", "văn bản khác: không đọc cùng văn bản này"),
    (
        "section {heading} read as objectives from its content",
        "phần {heading} được đọc là mục tiêu theo nội dung của phần",
    ),
    (
        "section {heading} read as tasks from its content",
        "phần {heading} được đọc là nhiệm vụ theo nội dung của phần",
    ),
    ("section {heading} read as section {numeral}", "phần {heading} được đọc là mục {numeral}"),
    # header, decision, signature
    ("header line not understood; not kept", "không hiểu dòng ở phần đầu; không giữ lại"),
    ("the decision's date is not a valid date", "ngày ban hành không phải một ngày hợp lệ"),
    ("the issuer {issuer} names no province", "cơ quan ban hành {issuer} không nêu tên tỉnh"),
    (
        "the issuer names no province; read as {full} ({where})",
        "cơ quan ban hành không nêu tên tỉnh; đọc là {full} ({where})",
    ),
    (
        "authority line not kept (the signature names the signer)",
        "không giữ dòng thẩm quyền (phần ký đã nêu người ký)",
    ),
    (
        "paragraph before the articles not understood; not kept",
        "không hiểu đoạn trước các điều; không giữ lại",
    ),
    (
        "reporting regime: no periodic deadline understood",
        "chế độ báo cáo: không đọc được thời hạn báo cáo định kỳ",
    ),
    (
        "line near the signature not understood; not kept",
        "không hiểu dòng gần phần ký; không giữ lại",
    ),
    # annex
    ("annex without table cells ('|'); not read", "phụ lục không có ô bảng ('|'); không đọc"),
    (
        "annex row before any section; put in an unnamed one",
        "dòng phụ lục trước mọi phần; đưa vào một phần không tên",
    ),
    ("annex row {number} has no name", "dòng phụ lục {number} không có tên"),
    (
        "{where}: cell {cell} has no field; not kept",
        "{where}: ô {cell} không thuộc trường nào; không giữ lại",
    ),
    # objectives
    ("text before the first objective not kept", "không giữ đoạn trước mục tiêu đầu tiên"),
    ("objective number repeated; read as {id}", "số mục tiêu bị lặp; đọc là {id}"),
    ("indicator number repeated; read as {id}", "số chỉ tiêu bị lặp; đọc là {id}"),
    (
        "indicator {id}: target {target} not understood (kept in the text)",
        "chỉ tiêu {id}: không hiểu chỉ tiêu {target} (giữ trong văn bản)",
    ),
    (
        "indicator {id}: scope {scope} is not a locality I know; its target is kept in the "
        "text only",
        "chỉ tiêu {id}: {scope} không phải địa bàn đã biết; chỉ tiêu chỉ giữ trong văn bản",
    ),
    # agencies and role lines
    (
        "{name} names several directory entries ({keys}); {key} used",
        "{name} ứng với nhiều mục trong danh mục ({keys}); dùng {key}",
    ),
    ("new open agency group {name} with key {key}", "nhóm cơ quan mới {name}, mã {key}"),
    (
        "new agency (level {level}) {name} with key {key}",
        "cơ quan mới (cấp {level}) {name}, mã {key}",
    ),
    ("label {label} read as {canonical}", "nhãn {label} được đọc là {canonical}"),
    ("role line {label} names no agency", "dòng {label} không nêu cơ quan nào"),
    (
        "task {code}: roles read from the task's sentence ({roles})",
        "nhiệm vụ {code}: vai trò đọc từ câu nhiệm vụ ({roles})",
    ),
    (
        "task {code}: deadline {deadline} read from the task's sentence",
        "nhiệm vụ {code}: thời hạn {deadline} đọc từ câu nhiệm vụ",
    ),
    # sections and tasks
    (
        "section {heading} has no structured field; its {count} paragraph(s) are kept "
        "verbatim in Plan.closing",
        "phần {heading} không có trường riêng; {count} đoạn của phần được giữ nguyên văn "
        "trong Plan.closing",
    ),
    (
        "text not understood (few letters); not kept",
        "không hiểu đoạn văn (ít chữ cái); không giữ lại",
    ),
    ("text before the first task group not kept", "không giữ đoạn trước nhóm nhiệm vụ đầu tiên"),
    (
        "role or deadline line outside any task group",
        "dòng vai trò hoặc thời hạn nằm ngoài mọi nhóm nhiệm vụ",
    ),
    ("task outside any task group not kept", "không giữ nhiệm vụ nằm ngoài mọi nhóm"),
    (
        "group {group}: a role line before any task; read as an unnumbered task with no text",
        "nhóm {group}: dòng vai trò đứng trước mọi nhiệm vụ; đọc là một nhiệm vụ không số, "
        "không nội dung",
    ),
    (
        "group {group}: unnumbered task coded {code}",
        "nhóm {group}: nhiệm vụ không đánh số, ghi mã {code}",
    ),
    ("task start not understood; not kept", "không hiểu phần đầu nhiệm vụ; không giữ lại"),
    ("task {number} inside group {group}", "nhiệm vụ {number} nằm trong nhóm {group}"),
    ("group {group}: introductory text not kept", "nhóm {group}: không giữ đoạn mở đầu"),
    ("group number repeated; read as {number}", "số nhóm bị lặp; đọc là {number}"),
    ("task number repeated; read as {code}", "số nhiệm vụ bị lặp; đọc là {code}"),
    (
        "task {code} follows {previous}: a task may be missing",
        "nhiệm vụ {code} đứng sau {previous}: có thể thiếu một nhiệm vụ",
    ),
    ("task {code} has no role line", "nhiệm vụ {code} không có dòng vai trò"),
    ("task {code} has no deadline line", "nhiệm vụ {code} không có dòng thời hạn"),
    (
        "task {code}: second deadline line kept in the task's note",
        "nhiệm vụ {code}: dòng thời hạn thứ hai được giữ trong ghi chú",
    ),
    ("task {code} has no text", "nhiệm vụ {code} không có nội dung"),
    (
        "task {code}: deadline not read ({error})",
        "nhiệm vụ {code}: không đọc được thời hạn ({error})",
    ),
    (
        "task {code}: deadline {deadline} not understood; kept as text",
        "nhiệm vụ {code}: không hiểu thời hạn {deadline}; giữ nguyên văn",
    ),
    # task tables
    (
        "task table without group rows: its tasks are group 1",
        "bảng nhiệm vụ không có dòng nhóm: các nhiệm vụ thuộc nhóm 1",
    ),
    (
        "task table copied one cell per line: {rows} rows recovered from the STT column",
        "bảng nhiệm vụ chép mỗi ô một dòng: khôi phục {rows} dòng theo cột STT",
    ),
)


def _pattern(english: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", english)
    out = []
    for i, part in enumerate(parts):
        out.append(re.escape(part) if i % 2 == 0 else _ANY.format(part))
    return re.compile("".join(out) + r"\Z", re.DOTALL)


_COMPILED: Final = tuple((_pattern(en), vi) for en, vi in CATALOGUE)


# Levels with no unit word of their own (`Level.word` gives "tỉnh", "huyện", "xã").
_OTHER_LEVELS: Final = {
    "central": "trung ương",
    "enterprise": "doanh nghiệp",
    "association": "tổ chức",
    "other": "khác",
}


def _level(value: str) -> str:
    try:
        word = Level(value).word
    except ValueError:
        return value
    return word or _OTHER_LEVELS.get(value, value)


def vietnamese(message: str) -> str:
    """*message* (an English importer warning) in Vietnamese; unknown messages unchanged."""
    for pattern, vi in _COMPILED:
        match = pattern.match(message)
        if match is not None:
            fields = match.groupdict()
            if "level" in fields:
                fields["level"] = _level(fields["level"])
            return vi.format(**fields)
    return message
