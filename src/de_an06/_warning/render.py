"""A digest as Vietnamese (or English) text, Markdown, JSON-ready data and iCalendar."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from .. import _ics
from .._numbers import format_percent
from ..indicator import Unit, target_text
from .digest import Digest, DigestReport, DigestTask
from .trajectory import Trajectory, number_text, trajectory_record

__all__ = ["digest_ics", "digest_markdown", "digest_record", "digest_text", "trajectory_line"]

Lang = Literal["vi", "en"]

_ROLE_VI = {"lead": "chủ trì", "coordinate": "phối hợp"}


def _day(day: date, lang: Lang) -> str:
    return f"{day:%d/%m/%Y}" if lang == "vi" else day.isoformat()


def trajectory_line(t: Trajectory, lang: Lang = "vi") -> str:
    """One trajectory in a sentence, with the numbers that decided its status."""
    p = t.pace
    target = target_text(t.target, t.measure_unit, lang=lang)
    now = "—"
    if p.value is not None:
        now = (
            format_percent(p.value / 100, locale=lang)
            if t.measure_unit is Unit.PERCENT
            else number_text(p.value, lang)
        )
    head = f"{t.indicator} — {t.unit_name}: {p.status.label(lang)}"
    if lang == "vi":
        line = f"{head}. Hiện đạt {now} ({p.numerator}/{p.denominator}), mục tiêu {target}"
        if p.needed_pace is not None and p.recent is not None:
            line += (
                f"; cần thêm {number_text(p.still_needed or 0)} trong {p.months_left} tháng, "
                f"tức {number_text(p.needed_pace)}/tháng, nhịp 3 kỳ gần nhất "
                f"{number_text(p.recent)}/tháng"
            )
        if p.months_below:
            line += f"; tháng dưới mức: {', '.join(p.months_below)}"
        return line + "."
    line = f"{head}. Now {now} ({p.numerator}/{p.denominator}), target {target}"
    if p.needed_pace is not None and p.recent is not None:
        line += (
            f"; {number_text(p.still_needed or 0, 'en')} more needed in {p.months_left} months, "
            f"{number_text(p.needed_pace, 'en')}/month, recent pace "
            f"{number_text(p.recent, 'en')}/month"
        )
    if p.months_below:
        line += f"; months below the level: {', '.join(p.months_below)}"
    return line + "."


def _task_line(t: DigestTask, lang: Lang) -> str:
    words = _ROLE_VI if lang == "vi" else {}
    roles = ", ".join(words.get(r.value, r.value) for r in t.roles)
    if lang == "vi":
        when = (
            f"quá hạn {t.days} ngày làm việc (hạn {_day(t.due, lang)})"
            if t.overdue
            else f"hạn {_day(t.due, lang)} (còn {t.days} ngày làm việc)"
        )
        state = "" if t.status is None else f"; trạng thái: {t.status.label('vi')}"
    else:
        when = (
            f"overdue by {t.days} working days (due {_day(t.due, lang)})"
            if t.overdue
            else f"due {_day(t.due, lang)} ({t.days} working days left)"
        )
        state = "" if t.status is None else f"; status: {t.status.label('en')}"
    return f"{t.task.code} ({roles}) — {when}{state}: {t.task.text}"


def _report_line(r: DigestReport, lang: Lang) -> str:
    label = r.period.label(lang)
    if lang == "vi":
        state = "" if r.status is None else f" — {r.status.label('vi')}"
        if r.submitted_on is not None:
            state += f" (nhận {_day(r.submitted_on, lang)})"
        return f"Báo cáo {label} ({r.period.id}): hạn {_day(r.due, lang)}{state}"
    state = "" if r.status is None else f" — {r.status.label('en')}"
    if r.submitted_on is not None:
        state += f" (received {_day(r.submitted_on, lang)})"
    return f"Report for {label} ({r.period.id}): due {_day(r.due, lang)}{state}"


def _sections(d: Digest, lang: Lang) -> list[tuple[str, list[str], str]]:
    """(heading, lines, what to say when there are none) per section."""
    vi = lang == "vi"
    tasks = [_task_line(t, lang) for t in d.tasks]
    reports = [_report_line(r, lang) for r in d.reports]
    indicators = [trajectory_line(t, lang) for t in d.indicators]
    note = ""
    if not d.ledger:
        note = (
            "Chưa có sổ theo dõi (--db): chưa biết nhiệm vụ nào đã hoàn thành; "
            "quá hạn tính theo ngày."
            if vi
            else "No ledger (--db): completion is unknown; overdue means past the due day."
        )
    return [
        (
            "Nhiệm vụ chủ trì, phối hợp đến hạn hoặc quá hạn"
            if vi
            else "Tasks led or coordinated, due or overdue",
            tasks + ([note] if note else []),
            "Không có." if vi else "None.",
        ),
        ("Báo cáo phải gửi" if vi else "Reports owed", reports, "Không có." if vi else "None."),
        (
            "Chỉ tiêu có nguy cơ không đạt" if vi else "Indicators at risk",
            indicators,
            "Không có." if vi else "None.",
        ),
    ]


def _title(d: Digest, lang: Lang) -> str:
    if lang == "vi":
        return (
            f"{d.agency_name} — tình hình ngày {_day(d.as_of, lang)} "
            f"(đến hạn trong {d.within} ngày làm việc, tới {_day(d.until, lang)})"
        )
    return (
        f"{d.agency_name} — as of {_day(d.as_of, lang)} "
        f"(due within {d.within} working days, to {_day(d.until, lang)})"
    )


def digest_text(d: Digest, lang: Lang = "vi") -> str:
    """Plain text, ready to paste into a mail."""
    out = [_title(d, lang), ""]
    for heading, lines, empty in _sections(d, lang):
        out.append(heading + ":")
        out.extend(f"  - {line}" for line in lines or [empty])
        out.append("")
    return "\n".join(out)


def digest_markdown(d: Digest, lang: Lang = "vi") -> str:
    """Markdown, ready to post."""
    out = [f"# {_title(d, lang)}", ""]
    for heading, lines, empty in _sections(d, lang):
        out += [f"## {heading}", ""]
        out.extend(f"- {line}" for line in lines or [empty])
        out.append("")
    return "\n".join(out)


def digest_record(d: Digest, lang: Lang = "vi") -> dict[str, Any]:
    """JSON-ready data (``digest --format json``): ISO dates, slugs for statuses."""
    return {
        "plan": d.plan_id,
        "agency": d.agency,
        "agency_name": d.agency_name,
        "as_of": d.as_of.isoformat(),
        "within_working_days": d.within,
        "until": d.until.isoformat(),
        "completion_known": d.ledger,
        "tasks": [
            {
                "code": t.task.code,
                "text": t.task.text,
                "deadline": t.task.deadline.text,
                "roles": [r.value for r in t.roles],
                "due": t.due.isoformat(),
                "overdue": t.overdue,
                "working_days": t.days,
                "status": None if t.status is None else t.status.value,
            }
            for t in d.tasks
        ],
        "reports": [
            {
                "period": r.period.id,
                "due": r.due.isoformat(),
                "status": None if r.status is None else r.status.value,
                "submitted_on": None if r.submitted_on is None else r.submitted_on.isoformat(),
            }
            for r in d.reports
        ],
        "indicators": [trajectory_record(t, lang) for t in d.indicators],
    }


def digest_ics(d: Digest, *, stamp: datetime | None = None) -> str:
    """An iCalendar of the agency's task deadlines and reporting days (all-day events)."""
    events = [
        _ics.Event(
            uid=f"{d.plan_id}-{d.agency}-task-{t.task.code}@de-an06",
            day=t.due,
            summary=f"Hạn nhiệm vụ {t.task.code} — Đề án 06 ({d.plan_id})",
            description=f"{t.task.text}\nThời hạn: {t.task.deadline.text}",
        )
        for t in d.tasks
    ]
    events += [
        _ics.Event(
            uid=f"{d.plan_id}-{d.agency}-report-{r.period.id}@de-an06",
            day=r.due,
            summary=f"Hạn báo cáo {r.period.label('vi')} — Đề án 06 ({d.plan_id})",
            description=f"Kỳ {r.period.id}: chốt số liệu "
            f"{r.period.start:%d/%m/%Y}–{r.period.end:%d/%m/%Y}.",
        )
        for r in d.reports
    ]
    return _ics.render(f"Đề án 06 — {d.agency_name}", events, stamp=stamp)
