"""The report's words in Vietnamese and English, and the few ways it writes dates and periods.

>>> Labels("en")["annex"]
'3. Essential public services'
>>> month, half = ReportingPeriod.from_id("202407"), ReportingPeriod.from_id("2024S1")
>>> period_text(month, "vi"), period_text(half, "vi")
('tháng 7/2024', '6 tháng đầu năm 2024')
>>> count(300700, "vi"), count(300700, "en")
('300.700', '300,700')
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from ..reporting import ReportingPeriod

__all__ = ["Labels", "Language", "count", "day_text", "period_text", "weekday_text"]

Language = Literal["vi", "en"]
"""The report's language: Vietnamese (the default) or English."""


class Labels:
    """The report's words in one language; ``labels["key"]`` reads one.

    >>> Labels("vi")["kind"]
    'BÁO CÁO'
    """

    def __init__(self, lang: Language) -> None:
        self.lang = lang
        self._words = {key: pair[0 if lang == "vi" else 1] for key, pair in _WORDS.items()}

    def __getitem__(self, key: str) -> str:
        return self._words[key]


def count(n: int, lang: Language) -> str:
    """A whole number with the language's thousands separator ("300.700" in Vietnamese)."""
    return f"{n:,}".replace(",", "." if lang == "vi" else ",")


def day_text(day: date | None) -> str:
    """``30/06/2024``; an em dash when there is no day."""
    return "—" if day is None else f"{day:%d/%m/%Y}"


_WEEKDAYS = (
    ("thứ Hai", "Monday"),
    ("thứ Ba", "Tuesday"),
    ("thứ Tư", "Wednesday"),
    ("thứ Năm", "Thursday"),
    ("thứ Sáu", "Friday"),
    ("thứ Bảy", "Saturday"),
    ("Chủ nhật", "Sunday"),
)


def weekday_text(day: date, lang: Language) -> str:
    """The day of the week: "Chủ nhật" / "Sunday"."""
    return _WEEKDAYS[day.weekday()][0 if lang == "vi" else 1]


_ROMAN = ("I", "II", "III", "IV")


def period_text(period: ReportingPeriod, lang: Language) -> str:
    """A reporting period as people write it: "tháng 7/2024" (`ReportingPeriod.label`)."""
    return period.label(lang)


# (Vietnamese, English) for every label the report prints.
_WORDS: dict[str, tuple[str, str]] = {
    # Decree 30/2020/NĐ-CP header, title, addressees, signature
    "nation": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "number": ("Số: {number}/{symbol}", "No. {number}/{symbol}"),
    "place_date": ("{place}, ngày {d} tháng {m} năm {y}", "{place}, {d}/{m}/{y}"),
    "kind": ("BÁO CÁO", "REPORT"),
    "summary": (
        "Kết quả thực hiện {title}, kỳ báo cáo {period}",
        "Progress on the {title}, {period}",
    ),
    "as_of_day": ("tính đến ngày", "as of"),
    "office": ("cơ quan báo cáo", "the reporting office"),
    "to": ("Kính gửi", "To"),
    "copies": ("Nơi nhận", "Distribution"),
    "as_above": ("Như trên", "As above"),
    "archive": ("Lưu: VT", "File: Archive"),
    "signer_blank": ("(Ký, ghi rõ họ tên, đóng dấu)", "(Signature, full name, seal)"),
    "head_of": ("THỦ TRƯỞNG CƠ QUAN", "HEAD OF THE AGENCY"),
    "intro": (
        "Thực hiện Quyết định số {decision} ngày {date} của {issuer} ban hành {title}, "
        "{office} báo cáo kết quả thực hiện {period} (số liệu từ ngày {start} đến ngày "
        "{end}, tính đến ngày {as_of}) như sau:",
        "Under Decision {decision} of {date} by the {issuer} issuing the {title}, {office} "
        "reports on {period} (data from {start} to {end}, as of {as_of}) as follows:",
    ),
    "intro_no_regime": (
        "Thực hiện Quyết định số {decision} ngày {date} của {issuer} ban hành {title}, "
        "{office} báo cáo kết quả thực hiện tính đến ngày {as_of} như sau:",
        "Under Decision {decision} of {date} by the {issuer} issuing the {title}, {office} "
        "reports on progress as of {as_of} as follows:",
    ),
    "closing": (
        "Trên đây là báo cáo kết quả thực hiện {period} của {office}./.",
        "This is the report of {office} on {period}.",
    ),
    "placeholder": (
        "[Phần của cơ quan báo cáo: {what}]",
        "[For the reporting office to write: {what}]",
    ),
    # narrative sections
    "results": ("I. KẾT QUẢ ĐẠT ĐƯỢC", "I. RESULTS"),
    "results_own": (
        "kết quả nổi bật, cách làm hay trong kỳ",
        "the period's main results and good practice",
    ),
    "shortcomings": (
        "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "II. SHORTCOMINGS AND THEIR CAUSES",
    ),
    "shortcomings_own": (
        "nguyên nhân chủ quan, khách quan của các tồn tại, hạn chế",
        "the causes, internal and external, of the shortcomings",
    ),
    "shortcomings_data": (
        "{n} nhiệm vụ đã qua thời hạn mà chưa có báo cáo hoàn thành: {codes}.",
        "{n} tasks are past their deadline with no completion reported: {codes}.",
    ),
    "shortcomings_none": (
        "Không có nhiệm vụ nào đã qua thời hạn mà chưa có báo cáo hoàn thành.",
        "No task is past its deadline without completion reported.",
    ),
    "indicators_missing": (
        "{n} chỉ tiêu định lượng chưa có số liệu để đánh giá.",
        "{n} measured indicators have no data to evaluate.",
    ),
    "next": ("III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", "III. PLANS FOR THE NEXT PERIOD"),
    "next_own": (
        "nhiệm vụ trọng tâm, giải pháp của kỳ tới",
        "the next period's priorities and measures",
    ),
    "next_data": (
        "Tập trung hoàn thành {n} nhiệm vụ đến hạn đến ngày {end}: {codes}; khẩn trương "
        "hoàn thành các nhiệm vụ quá hạn nêu tại mục II.",
        "Complete the {n} tasks due by {end}: {codes}; finish the overdue tasks of part II "
        "without delay.",
    ),
    "next_none": (
        "Không có nhiệm vụ nào có thời hạn đến ngày {end}.",
        "No task is due by {end}.",
    ),
    "proposals": ("IV. ĐỀ XUẤT, KIẾN NGHỊ", "IV. PROPOSALS"),
    "proposals_own": (
        "đề xuất, kiến nghị với cơ quan cấp trên",
        "proposals to the bodies above",
    ),
    # the plan's progress (section I.1)
    "deadlines": ("1. Tiến độ thực hiện nhiệm vụ", "1. Progress of the tasks"),
    "progress_text": (
        "Kế hoạch có {total} nhiệm vụ; tính đến ngày {as_of}: {overdue} nhiệm vụ đã qua "
        "thời hạn, {soon} nhiệm vụ đến hạn trong {within} ngày tới, {later} nhiệm vụ chưa "
        "đến hạn, {ongoing} nhiệm vụ thực hiện thường xuyên, {undetermined} nhiệm vụ chưa "
        "xác định được thời hạn{done}.",
        "The plan has {total} tasks; on {as_of}: {overdue} past their deadline, {soon} due "
        "in the next {within} days, {later} not yet due, {ongoing} ongoing, {undetermined} "
        "with no date to be known{done}.",
    ),
    "done_part": (", {n} nhiệm vụ đã hoàn thành", ", {n} completed"),
    "unknown_completion": (
        "Kế hoạch không chứa thông tin hoàn thành: nhiệm vụ “quá hạn” là nhiệm vụ đã qua "
        "thời hạn mà chưa có báo cáo hoàn thành; các nhiệm vụ chưa đến hạn chưa được đánh "
        "giá kết quả.",
        "The plan holds no completion data: an “overdue” task is one past its deadline "
        "with no completion reported; tasks not yet due are not assessed.",
    ),
    "known_completion": (
        "Tình hình hoàn thành theo số liệu đơn vị báo cáo ({n} nhiệm vụ báo hoàn thành).",
        "Completion as reported by the units ({n} tasks reported done).",
    ),
    "both_parts": (
        "Nhiệm vụ {codes} vừa có phần có thời hạn (xếp theo thời hạn đó trong các bảng "
        "dưới đây) vừa có phần thực hiện thường xuyên, tiếp tục sau thời hạn.",
        "Tasks {codes} have a dated part (listed by that date below) and an ongoing part "
        "that continues after it.",
    ),
    "content_note": (
        "Nội dung nhiệm vụ được rút gọn; toàn văn tại Kế hoạch.",
        "Task content is shortened; the full text is in the plan.",
    ),
    "overdue": ("a) Nhiệm vụ đã qua thời hạn", "a) Past their deadline"),
    "due_soon": ("b) Nhiệm vụ đến hạn trong {n} ngày tới", "b) Due in the next {n} days"),
    "later": ("c) Nhiệm vụ chưa đến hạn", "c) Not yet due"),
    "ongoing": ("d) Nhiệm vụ thực hiện thường xuyên", "d) Ongoing"),
    "undetermined": (
        "đ) Nhiệm vụ chưa xác định được thời hạn",
        "e) No date can be known",
    ),
    "done": ("e) Nhiệm vụ đã hoàn thành", "f) Completed"),
    "none": ("Không có.", "None."),
    "code": ("Mã", "Task"),
    "content": ("Nội dung nhiệm vụ", "Task"),
    "lead": ("Cơ quan chủ trì", "Lead agency"),
    "deadline": ("Thời hạn (theo Kế hoạch)", "Deadline (as written)"),
    "due": ("Hạn", "Due"),
    "status": ("Tình trạng", "Status"),
    "implementing": ("(thực hiện)", "(implementing)"),
    "st_overdue": ("Quá hạn {n} ngày", "{n} days overdue"),
    "st_past_due": (
        "Đã qua hạn {n} ngày, chưa rõ đã hoàn thành",
        "{n} days past due, completion unknown",
    ),
    "st_soon": ("Còn {n} ngày", "{n} days left"),
    "st_later": ("Chưa đến hạn", "Not yet due"),
    "st_ongoing": ("Thường xuyên", "Ongoing"),
    "st_and_ongoing": ("; phần thường xuyên tiếp tục", "; the ongoing part goes on"),
    "st_undetermined": ("Chưa xác định", "Unknown"),
    "st_done": ("Hoàn thành ngày {day}", "Done on {day}"),
    "non_working": (
        " ({day} là {weekday}, ngày nghỉ)",
        " ({day} is a {weekday}, a day off)",
    ),
    "timeline": ("Mốc thời hạn các nhiệm vụ", "Task deadlines"),
    "upcoming": ("Chưa đến hạn", "Not yet due"),
    "s_overdue": ("Quá hạn", "Overdue"),
    "s_soon": ("Sắp đến hạn", "Due soon"),
    "s_done": ("Đã hoàn thành", "Completed"),
    "period_due": (
        "Kỳ báo cáo {period}: chốt số liệu từ ngày {start} đến ngày {end} (Điều 12 Nghị định "
        "09/2019/NĐ-CP); hạn gửi báo cáo: {due}{shift}.",
        "Reporting period {period}: data cut-off {start} to {end} (Decree 09/2019/NĐ-CP art. "
        "12); the report is due by {due}{shift}.",
    ),
    "shifted": (
        " (ngày {day} là {weekday}, ngày nghỉ; quy định “{rule}” nên gửi chậm nhất vào ngày "
        "làm việc liền trước)",
        " ({day} is a {weekday}, a day off; the rule “{rule}” means the working day before)",
    ),
    "no_regime": (
        "Kế hoạch không quy định chế độ báo cáo định kỳ.",
        "The plan sets no periodic reporting regime.",
    ),
    # responsibilities (section I.4)
    "responsibilities": ("4. Phân công thực hiện", "4. Responsibilities"),
    "workload_text": (
        "Số nhiệm vụ mỗi cơ quan chủ trì, phối hợp, theo dõi, tham mưu, thực hiện và tình "
        "trạng thời hạn tính đến ngày {day}.",
        "Tasks each agency leads, coordinates, monitors, advises on and implements, with "
        "their deadline status on {day}.",
    ),
    "open_groups": (
        "Ngoài ra, {n} nhóm cơ quan nêu chung, không nêu tên cụ thể (như “{example}”) "
        "được giao tổng cộng {tasks} lượt nhiệm vụ; không thống kê riêng.",
        "Besides, {n} loosely named groups of bodies (such as “{example}”) hold {tasks} "
        "assignments in all; not listed one by one.",
    ),
    "agency": ("Cơ quan", "Agency"),
    "r_lead": ("Chủ trì", "Lead"),
    "r_coordinate": ("Phối hợp", "Coord."),
    "r_monitor": ("Theo dõi", "Monitor"),
    "r_advise": ("Tham mưu", "Advise"),
    "r_implement": ("Thực hiện", "Impl."),
    "tasks": ("Nhiệm vụ", "Tasks"),
    "group": ("nhóm", "group"),
    # indicators (section I.2) and services (I.3)
    "targets": ("2. Kết quả thực hiện các chỉ tiêu", "2. Indicators"),
    "target": ("Mục tiêu", "Target"),
    "overrides": ("Mục tiêu riêng", "Overrides"),
    "indicator": ("Chỉ tiêu", "Indicator"),
    "qualitative": ("định tính", "qualitative"),
    "qualitative_head": (
        "Chỉ tiêu định tính (đánh giá bằng nhận xét của cơ quan báo cáo)",
        "Qualitative indicators (assessed in words by the reporting office)",
    ),
    "no_observations": (
        "Chưa có số liệu: các chỉ tiêu dưới đây chưa được đánh giá.",
        "No data: the indicators below are not evaluated.",
    ),
    "annex": ("3. Dịch vụ công thiết yếu", "3. Essential public services"),
    "no_counts": (
        "Chưa có số liệu hồ sơ của các dịch vụ công.",
        "No dossier counts for the public services.",
    ),
    "target_tick": ("mục tiêu", "target"),
    "met_mark": ("✓ đạt", "✓ met"),
    "not_met_mark": ("✗ chưa đạt", "✗ not met"),
    # audit (appendix, only when asked for)
    "audit": ("PHỤ LỤC: RÀ SOÁT KẾ HOẠCH", "APPENDIX: PLAN AUDIT"),
    "audit_text": (
        "Kết quả rà soát nội dung Kế hoạch (thời hạn, phân công, chế độ báo cáo), phục vụ "
        "việc điều chỉnh, bổ sung Kế hoạch.",
        "What a review of the plan's own text found (deadlines, assignments, reporting), "
        "for its next revision.",
    ),
    "severity": ("Mức", "Severity"),
    "where": ("Vị trí", "Where"),
    "finding": ("Nội dung", "Finding"),
    "quoted": ("Trích", "Text"),
    "error": ("cần sửa", "error"),
    "warning": ("lưu ý", "warning"),
    "info": ("thông tin", "info"),
}
