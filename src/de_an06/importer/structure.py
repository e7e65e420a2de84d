"""A plan text cut into its parts — header, decision, title, sections, annex — each read.

Private to the importer (`reader.import_text` calls `read_parts`). Finds where the
decision ("QUYẾT ĐỊNH"), the plan's title ("KẾ HOẠCH …"), its Roman-numbered sections,
its signature and its annex start, hands each part to its reader, then warns about what a
plan should have and this text did not give, and about any line no part reached.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final

from .._dates import FIRST_DAY
from .._text import fold, join_lines, nfc
from .annex import read_annex
from .cell_table import find_cell_table, read_cell_table
from .decision import province_of, read_decision, read_header, read_signature
from .draft import Draft
from .labels import match_label
from .lines import Kind, Line, assemble, is_caps, marker_of, recase, strip_marker
from .objectives import read_objectives
from .sentence import roles_in_sentence
from .task_table import find_task_table, read_task_table
from .tasks import read_other, read_purposes, read_tasks

__all__ = ["PLACEHOLDER_DATE", "blocking", "read_parts"]

PLACEHOLDER_DATE: Final = FIRST_DAY
"""The decision's date, and its year the plan's, when the text names none (1900-01-01):
the first day a plan may name, so the draft loads; a warning says to correct it."""

_ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


# Sections numbered otherwise: "Phần I", "PHẦN THỨ NHẤT", "A." (before a heading in capitals).
_OTHER_SECTION = re.compile(
    r"^(?:(?:PHẦN|Phần)\s+(?:THỨ\s+|thứ\s+)?(?P<n>[IVX]{1,4}|\d{1,2}|[^\W\d_]+)"
    r"|(?P<a>[A-E]))\s*[.:–-]\s*(?P<rest>\S.*)$"
)
_ORDINALS: Final = ("nhat", "hai", "ba", "tu", "nam", "sau", "bay", "tam")


def _renumber(lines: list[Line], draft: Draft) -> list[Line]:
    """Sections numbered "Phần I", "PHẦN THỨ NHẤT" or "A." read as "I.", "II.", …"""
    out: list[Line] = []
    count = 0
    for line in lines:
        found = _OTHER_SECTION.match(line.text)
        if found and is_caps(found["rest"]) and (found["a"] is None or len(found["rest"]) > 3):
            number = found["n"] or ""
            known = number.upper() in _ROMANS or number.isdigit()
            if found["a"] or known or fold(number) in _ORDINALS:
                count += 1
                numeral = _ROMANS[min(count, len(_ROMANS)) - 1]
                message = f"section {line.text!r} read as section {numeral}"
                draft.sink.warn([line], message, "guessed")
                out.append(Line(line.number, f"{numeral}. {found['rest']}", line.raw))
                continue
        out.append(line)
    return out


def read_parts(lines: list[Line], draft: Draft) -> None:
    """Cut the text into its parts and read each."""
    lines = _renumber(lines, draft)
    folded = [fold(li.text) for li in lines]
    caps = [is_caps(li.text) for li in lines]
    qd = _find(lines, lambda i: caps[i] and folded[i] == "quyet dinh")
    operative = _find(lines, lambda i: folded[i].rstrip() in ("quyet dinh:", "quyet dinh :"))
    start = operative if operative is not None else (qd if qd is not None else 0)
    title = _find(lines, lambda i: caps[i] and folded[i].startswith("ke hoach"), start)
    sections = _sections(lines, title if title is not None else start)
    first_section = sections[0][0] if sections else None
    head_end = title if title is not None else first_section
    if head_end is None:
        head_end = _head_end(lines, start, caps, folded)
    annex = _find(
        lines,
        lambda i: caps[i] and folded[i].startswith(_ANNEXES),
        sections[0][0] if sections else head_end,
    )
    end = annex if annex is not None else len(lines)
    sections = [(i, n) for i, n in sections if i < end]
    # The decision: header, then title and articles; for a plan issued on its own the
    # header is the plan's (its number and date stand for the decision's).
    if qd is not None and qd < head_end:
        read_header(lines[:qd], draft)
        sign_at = _find(lines, lambda i: folded[i].startswith("noi nhan"), qd)
        if sign_at is None or sign_at >= head_end:
            sign_at = _decision_signature(lines, qd, head_end)
        draft.sink.place([lines[qd]], "layout:decision")
        read_decision(lines[qd + 1 : sign_at], draft)
        read_signature(lines[sign_at:head_end], draft)
    else:
        read_header(lines[:head_end], draft)
    province, kind = province_of(draft)
    draft.book.set_province(province, kind)
    plan_signature = _find(lines, lambda i: folded[i].startswith("noi nhan"), head_end)
    body_end = plan_signature if plan_signature is not None and plan_signature < end else end
    tasks_only = None
    if not sections and any(match_label(li.text) for li in lines[head_end:body_end]):
        # No Roman-numbered sections but role lines: a fragment of section III alone.
        tasks_only = _find(lines, lambda i: _starts_group(lines[i]), head_end)
    if title is not None:
        stop = first_section if first_section is not None else (tasks_only or end)
        _read_title(lines[title:stop], draft)
    if tasks_only is not None:
        read_tasks(lines[tasks_only:body_end], draft)
    for k, (i, numeral) in enumerate(sections):
        stop = sections[k + 1][0] if k + 1 < len(sections) else end
        if plan_signature is not None and i < plan_signature < stop:
            stop = plan_signature
        _read_section(lines[i:stop], numeral, draft)
    if plan_signature is not None and plan_signature < end:
        read_signature(lines[plan_signature:end], draft)
    if annex is not None:
        _annex(lines[annex:], draft)
    _missing(lines, draft)
    _truncated(lines, draft)
    _unread(lines, draft)


_ANNEXES: Final = ("danh muc", "phu luc", "bieu mau")


def _head_end(lines: list[Line], start: int, caps: list[bool], folded: list[str]) -> int:
    """Where the header ends in a text with no title and no sections."""
    annex = _find(lines, lambda i: caps[i] and folded[i].startswith(_ANNEXES), start)
    if annex is not None:  # a decision with its tasks in an annex
        return annex
    group = _find(lines, lambda i: _starts_group(lines[i]), start)  # where tasks start
    label = _find(lines, lambda i: match_label(lines[i].text) is not None, group or 0)
    return group if group is not None and label is not None else len(lines)


def _starts_group(line: Line) -> bool:
    marker = marker_of(line.text)
    return marker is not None and marker.kind in (Kind.NUMBERED, Kind.PAREN)


def _find(lines: Sequence[Line], test: Callable[[int], bool], start: int = 0) -> int | None:
    """The first index from *start* whose line passes *test*, or None."""
    return next((i for i in range(max(start, 0), len(lines)) if test(i)), None)


def _decision_signature(lines: Sequence[Line], qd: int, end: int) -> int:
    """Where the decision's articles end when there is no "Nơi nhận": its last "|"."""
    separators = [i for i in range(qd, end) if lines[i].is_separator]
    return separators[-1] if separators else end


def _sections(lines: Sequence[Line], start: int) -> list[tuple[int, str]]:
    """Roman-numbered section headings, in order: I, II, III, …"""
    found: list[tuple[int, str]] = []
    for i in range(start, len(lines)):
        marker = marker_of(lines[i].text)
        if marker is None or marker.kind is not Kind.SECTION or marker.number not in _ROMANS:
            continue
        last = _ROMANS.index(found[-1][1]) if found else -1
        number = _ROMANS.index(marker.number)
        # The next numeral; or a later one under a heading in capitals or on a known
        # topic (a fragment may start at "III.", a plan may skip a section).
        if number == last + 1 or (number > last and _known_topic(lines[i].text)):
            found.append((i, marker.number))
    return found


def _known_topic(text: str) -> bool:
    folded = fold(text)
    topics = ("muc dich", "yeu cau", "muc tieu", "nhiem vu", "giai phap", "to chuc thuc hien")
    return is_caps(text) or any(topic in folded for topic in topics)


def _read_title(lines: Sequence[Line], draft: Draft) -> None:
    """The plan's title (in capitals) and what stands under it before section I."""
    real = [line for line in lines if not line.is_separator]
    count = next((i for i, line in enumerate(real) if not is_caps(line.text)), len(real))
    caps = real[:count]
    # A second title line in running case ("Triển khai thực hiện Đề án 06/CP năm 2025"):
    # no sentence end, not a note in parentheses, not a recital.
    while count < len(real) and count - len(caps) < 3 and _title_line(real[count].text):
        count += 1
    title, more = real[:count], real[len(caps) : count]
    if title:
        text = recase(join_lines(" ".join(line.text for line in caps)), draft.body)
        if more:
            rest = join_lines(" ".join(line.text for line in more))
            text = nfc(f"{text} {rest[:1].lower()}{rest[1:]}") if text else rest
        draft.title = text
        draft.sink.place(title, "$.title")
    for para in assemble(real[count:], kinds=frozenset()):
        folded = fold(para.text)
        attached = folded.startswith(("(kem theo", "kem theo"))
        if attached and draft.number and fold(draft.number) in folded.replace(" ", ""):
            draft.sink.place(para.lines, "~$.decision.number")  # "(Kèm theo Quyết định số …)"
        elif folded.startswith(("can cu", "thuc hien")):
            draft.add("legal_bases", para.text, para.lines)
        else:
            draft.sink.warn(para.lines, "text under the plan's title not understood; not kept")


def _heading_end(line: Line) -> bool:
    return line.is_separator or marker_of(line.text) is not None


def _title_line(text: str) -> bool:
    folded = fold(text)
    return not (
        text.endswith((".", ":", ";"))
        or folded.startswith(("(", "can cu", "kem theo"))
        or (folded.startswith("thuc hien") and re.search(r"\bso\b|\d/[a-z]+-", folded) is not None)
        or marker_of(text) is not None
    )


def _read_section(lines: Sequence[Line], numeral: str, draft: Draft) -> None:
    # The heading: its line, and the lines after it in capitals ("III. NHIỆM VỤ," +
    # "GIẢI PHÁP THỰC HIỆN"); anything else is the section's text.
    count = 1
    while (
        count < len(lines)
        and re.search(r"(?:[,&-]|\bVÀ)$", lines[count - 1].text)
        and is_caps(lines[count].text)
        and not _heading_end(lines[count])
    ):
        count += 1
    heading = list(lines[:count])
    rest = lines[count:]
    while rest and rest[0].is_separator:
        rest = rest[1:]
    topic = fold(" ".join(line.text for line in heading))
    if "muc dich" in topic or "yeu cau" in topic:
        draft.sink.place(heading, "layout:section")
        read_purposes(rest, draft)
    elif "muc tieu" in topic or "chi tieu" in topic:
        draft.sink.place(heading, "layout:section")
        read_objectives(rest, numeral, draft)
    elif "nhiem vu" in topic or "giai phap" in topic:
        draft.sink.place(heading, "layout:section")
        _tasks_and_tables(rest, draft)
    elif (inferred := _by_content(rest)) is not None:
        heading_text = join_lines(" ".join(line.text for line in heading))
        draft.sink.place(heading, "layout:section")
        message = f"section {heading_text!r} read as {inferred} from its content"
        draft.sink.warn(heading, message, "guessed")
        if inferred == "objectives":
            read_objectives(rest, numeral, draft)
        else:
            _tasks_and_tables(rest, draft)
    else:
        read_other(rest, heading, draft)


def _by_content(lines: Sequence[Line]) -> str | None:
    """What a section whose heading names no known topic holds, read from its lines:
    ``tasks`` (role or deadline lines, a task table), ``objectives`` (targets in %)."""
    if any(match_label(line.text) for line in lines) or _table(lines) is not None:
        return "tasks"
    if any(roles_in_sentence(strip_marker(line.text)) for line in lines):
        return "tasks"
    targets = [line for line in lines if re.search(r"\d\s*%", line.text)]
    return "objectives" if targets and len(targets) * 2 >= len(lines) else None


def _tasks_and_tables(lines: Sequence[Line], draft: Draft) -> None:
    """Tasks as text, and task tables (STT | Nhiệm vụ | Cơ quan chủ trì | …) among them."""
    while (found := _table(lines)) is not None:
        at, reader = found
        if any(not line.is_separator for line in lines[:at]):
            read_tasks(lines[:at], draft)
        used = reader(lines[at:], draft)
        lines = lines[at + max(used, 1) :]
    if lines:
        read_tasks(lines, draft)


def _table(lines: Sequence[Line]) -> tuple[int, Callable[[Sequence[Line], Draft], int]] | None:
    """The first task table in *lines* ("|" cells, or one cell per line) and its reader."""
    found = [
        (at, reader)
        for at, reader in (
            (find_task_table(lines), read_task_table),
            (find_cell_table(lines), read_cell_table),
        )
        if at is not None
    ]
    return min(found, key=lambda f: f[0]) if found else None


def _annex(lines: Sequence[Line], draft: Draft) -> None:
    """The annex: a task assignment table, or the table of public services."""
    found = _table(lines)
    if found is None:
        read_annex(lines, draft)
        return
    at, reader = found
    title = [line for line in lines[:at] if not line.is_separator]
    if title:
        text = join_lines(" ".join(line.text for line in title))
        draft.add_note(f"Annex of tasks (verbatim title): {text}", title)
    used = reader(lines[at:], draft)
    rest = lines[at + max(used, 1) :]
    if any(not line.is_separator for line in rest):
        _annex(rest, draft)


def _missing(lines: Sequence[Line], draft: Draft) -> None:
    """Warn about what a plan should have and this text did not give."""
    first = list(lines[:1])
    if not draft.number:
        draft.sink.warn(first, "no decision number ('Số: …') found", "missing")
    if draft.date is None:
        draft.sink.warn(
            first,
            "no decision date ('…, ngày … tháng … năm …') found; "
            f"{PLACEHOLDER_DATE.isoformat()} used",
            "missing",
        )
    if not draft.has_decision and draft.number:
        draft.sink.warn(
            first,
            "no decision ('QUYẾT ĐỊNH') found: the plan's own number and "
            "date stand for the decision's",
            "guessed",
        )
    if not draft.title:
        draft.sink.warn(first, "no plan title ('KẾ HOẠCH …') found", "missing")
    if not draft.task_groups:
        draft.sink.warn(first, "no task group found (section 'III. NHIỆM VỤ …')", "missing")
    year, source = draft.year_and_source
    if year is None:
        message = f"no plan year found: the draft says {PLACEHOLDER_DATE.year}, correct it"
        draft.sink.warn(first, message, "missing")
    elif source == "date":
        draft.sink.warn(
            first,
            f"plan year {year} taken from the decision's date: the title names no year of its "
            "own ('tầm nhìn đến năm …', 'giai đoạn …' and cited documents are not the plan's)",
            "guessed",
        )
    elif source == "titles":
        draft.sink.warn(first, f"the title names several years; the last, {year}, taken", "guessed")


def blocking(draft: Draft) -> tuple[str, ...]:
    """Why the draft is no plan to use, in Vietnamese and English; empty if it is one."""
    problems: list[str] = list(draft.problems)
    if not draft.problems and not any(group.tasks for group in draft.task_groups):
        problems.append(
            "không tìm thấy nhiệm vụ nào: văn bản không phải một kế hoạch / no task found "
            "(no 'NHIỆM VỤ' section, no task table): this text does not read as a plan"
        )
    if draft.year is None:
        problems.append(
            "không xác định được năm của kế hoạch / no plan year: the title names none "
            "('tầm nhìn đến năm …' is not the plan's) and no decision date was found; "
            "give it with --year"
        )
    return tuple(problems)


def _unread(lines: Sequence[Line], draft: Draft) -> None:
    """Warn about any line no part of the reading reached, so none is silently dropped."""
    warned = {n for w in draft.sink.warnings for n in range(w.line, w.end_line + 1)}
    for line in lines:
        number = line.number
        if not line.is_separator and number not in draft.sink.placements and number not in warned:
            draft.sink.warn([line], "line not read: it is outside every part understood")
            warned.add(number)


def _truncated(lines: Sequence[Line], draft: Draft) -> None:
    """Warn when the text stops mid-sentence inside the plan's body (a file cut short)."""
    last = next((line for line in reversed(lines) if not line.is_separator), None)
    if last is None or re.search(r"[.;:!?…)”\"]$", last.text) or "\t" in last.raw:
        return  # a sentence's end, or a table row (its cells end without a full stop)
    if "layout:table-cell" in draft.sink.placements.get(last.number, []):
        return  # a table's cell, one per line
    body = ("$.task_groups", "$.objectives", "$.purposes", "$.closing", "$.legal_bases")
    if any(path.startswith(body) for path in draft.sink.placements.get(last.number, [])):
        draft.sink.warn([last], "the text ends mid-sentence: it may have been cut short", "missing")
