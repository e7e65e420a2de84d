"""Section III of a plan text (nhiệm vụ, giải pháp): task groups, tasks, role lines.

Private to the importer. A group is "N. <title>" (its title may wrap: "9. Về công" /
"tác tuyên truyền"); a task is "(n) …", "n) …", "G.n. …", "a) …" or, in a group whose
tasks are bullets, "- …"; a group's single unnumbered task is "G.1". Role lines ("- Cơ
quan chủ trì: …") and the deadline line ("- Thời gian hoàn thành: …") follow the task's
text. Real texts also put two tasks on one line ("… Trung ương. (6) Rà soát …"): such a
line is cut before the expected next number. Paragraphs after a task's last label line
continue that line when more tasks follow, and are the plan's closing paragraphs at the
end of the section.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Final

import attrs

from .._deadline_parser import parse_deadline
from .._text import join_lines
from ..deadline import Deadline, Unparsed
from ..errors import DeAn06Error
from ..plan import PilotModels
from ..task import RoleLine, Task, TaskGroup
from .decision import read_reporting
from .draft import Draft
from .labels import Label, LabelMatch, match_label
from .lines import (
    Kind,
    Line,
    Para,
    assemble,
    is_wordy,
    letter_number,
    marker_of,
    strip_marker,
)
from .roles import read_role_line
from .sentence import deadline_in_sentence, sentence_role_line

__all__ = ["read_other", "read_purposes", "read_tasks"]

_TASK_KINDS: Final = frozenset({Kind.PAREN, Kind.RPAREN, Kind.DOTTED, Kind.LETTER})
_INLINE_TASK = re.compile(r"(?<=[.;])\s+\((?P<n>\d{1,6})\)\s+(?=\S)")
_MODELS = re.compile(r"(?<!\d)(?P<n>\d{1,18})\s+mô hình", re.IGNORECASE)  # fits 64 bits


@attrs.define
class _LabelLine:
    match: LabelMatch  # read from the label's own paragraph
    lines: list[Line]
    extra: list[Line] = attrs.field(factory=list)  # later paragraphs that continue it

    def text(self) -> str:
        return join_lines(" ".join([self.match.rest, *(li.text for li in self.extra)]))

    def all_lines(self) -> list[Line]:
        return [*self.lines, *self.extra]


@attrs.define
class _Task:
    number: int
    text_lines: list[Line]
    first_text: str
    labels: list[_LabelLine] = attrs.field(factory=list)
    bullet: bool = False
    notes: list[tuple[str, list[Line]]] = attrs.field(factory=list)  # a table's "Sản phẩm"

    def text(self) -> str:
        rest = [line.text for line in self.text_lines[1:]]
        return join_lines(" ".join([self.first_text, *rest]))


@attrs.define
class _Group:
    number: int
    title_lines: list[Line]
    tasks: list[_Task] = attrs.field(factory=list)
    loose: list[Para] = attrs.field(factory=list)

    def title(self) -> str:
        return strip_marker(join_lines(" ".join(line.text for line in self.title_lines)))


_SUBHEADING = re.compile(r"(?:mục đích|yêu cầu|mục đích,? yêu cầu)\s*[:.]?", re.IGNORECASE)


def read_purposes(lines: Sequence[Line], draft: Draft) -> None:
    """Section I (mục đích, yêu cầu): one purpose per numbered item, marker dropped."""
    items: list[list[Line]] = []
    fresh = False  # after a sub-heading: the next paragraph is a new purpose
    for para in assemble(lines, kinds=frozenset({Kind.NUMBERED, Kind.LETTER, Kind.BULLET})):
        if _SUBHEADING.fullmatch(strip_marker(para.lines[0].text)):  # "1. Mục đích"
            draft.sink.place(para.lines[:1], "layout:subheading")
            fresh = True
            if len(para.lines) > 1:
                items.append(list(para.lines[1:]))
                fresh = False
            continue
        if para.kind is Kind.PLAIN and items and not fresh:
            items[-1] += para.lines
        else:
            items.append(list(para.lines))
        fresh = False
    for item in items:
        draft.add("purposes", strip_marker(join_lines(" ".join(li.text for li in item))), item)


def read_other(lines: Sequence[Line], heading: Sequence[Line], draft: Draft) -> None:
    """A section with no field of its own ("IV. TỔ CHỨC THỰC HIỆN"): closing, verbatim."""
    paras = assemble(lines, kinds=frozenset({Kind.NUMBERED, Kind.LETTER, Kind.BULLET}))
    if heading:
        draft.add("closing", join_lines(" ".join(li.text for li in heading)), heading)
    for para in paras:
        _closing_or_reporting(para, draft)
    if heading:
        draft.sink.warn(
            heading,
            f"section {heading[0].text!r} has no structured field; its {len(paras)} "
            "paragraph(s) are kept verbatim in Plan.closing",
            "guessed",
        )


def _closing_or_reporting(para: Para, draft: Draft) -> None:
    text = para.text.lower()
    if draft.reporting is None and "định kỳ" in text and "báo cáo" in text:
        draft.reporting = read_reporting(para, draft)
    else:
        draft.add("closing", para.text, para.lines)


def _split_inline(lines: Sequence[Line]) -> list[Line]:
    """Cut a line where the next task starts inside it ("… Trung ương. (6) Rà soát …")."""
    out: list[Line] = []
    last = 0
    for line in lines:
        marker = marker_of(line.text)
        if marker is not None and marker.kind is Kind.NUMBERED:
            last = 0
        elif marker is not None and marker.kind is Kind.PAREN:
            last = int(marker.number)
        found = _INLINE_TASK.search(line.text)
        if found and last and int(found["n"]) == last + 1:
            out.append(Line(line.number, line.text[: found.start()], line.raw))
            out.append(Line(line.number, line.text[found.start() :].strip(), line.raw))
            last += 1
        else:
            out.append(line)
    return out


# Where a second label may start on a line: after "-", ";" or "." and a space.
_LABEL_START = re.compile(r"(?:\s[-–—+•]|[;.])\s+(?=[^\W\d_])")


def _split_labels(lines: Sequence[Line]) -> list[Line]:
    """Cut a line before each further label on it ("- Chủ trì: X. - Phối hợp: Y.")."""
    out: list[Line] = []
    for line in lines:
        text, cuts = line.text, [0]
        for found in _LABEL_START.finditer(text):
            label = match_label(text[found.end() :])
            if label is not None and label.exact and found.start() > cuts[-1]:
                dash = found.group(0).strip()[:1] in "-–—+•"
                cuts.append(found.start() if dash else found.start() + 1)  # "; " stays before
        cuts.append(len(text))
        if len(cuts) == 2:
            out.append(line)
            continue
        for a, b in itertools.pairwise(cuts):
            piece = text[a:b].strip()
            if piece:
                out.append(Line(line.number, piece, line.raw))
    return out


def read_tasks(lines: Sequence[Line], draft: Draft) -> None:
    """Task groups and tasks, appended to the draft; trailing paragraphs to closing."""
    kinds = frozenset({Kind.NUMBERED, Kind.BULLET, Kind.LABEL}) | _TASK_KINDS
    paras = assemble(_split_labels(_split_inline(lines)), kinds=kinds)
    groups: list[_Group] = []
    after_labels: list[Para] = []  # paragraphs after a task's last label, not yet placed
    for para in paras:
        label = match_label(para.text) if para.kind is Kind.LABEL else None
        group = groups[-1] if groups else None
        task = group.tasks[-1] if group and group.tasks else None
        kind = para.kind
        if kind is Kind.NUMBERED and _year_like(para.text, group):
            kind = Kind.PLAIN  # "2025. …" at a hard break: text, not a group
        if kind is Kind.PLAIN:
            if not is_wordy(para.text):
                draft.sink.warn(para.lines, "text not understood (few letters); not kept")
            elif task is not None and task.labels:
                after_labels.append(para)
            elif task is not None:
                task.text_lines += para.lines
            elif group is not None:
                group.loose.append(para)
            else:
                draft.sink.warn(para.lines, "text before the first task group not kept")
            continue
        if after_labels and task is not None and task.labels:
            task.labels[-1].extra.extend(li for p in after_labels for li in p.lines)
            after_labels.clear()
        marker = marker_of(para.text)
        if kind is Kind.NUMBERED and marker is not None:
            groups.append(_Group(int(marker.number), list(para.lines)))
        elif label is not None:
            if group is None:
                draft.sink.warn(para.lines, "role or deadline line outside any task group")
                continue
            if task is None or (group.loose and not task.labels):
                task = _unnumbered(group, draft)
            task.labels.append(_LabelLine(label, list(para.lines)))
        elif group is None:
            draft.sink.warn(para.lines, "task outside any task group not kept")
        elif para.kind is Kind.BULLET and task is not None and not task.labels and not task.bullet:
            task.text_lines += para.lines  # a list inside the task's text
        else:
            _start_task(group, para, draft)
    for para in after_labels:
        _closing_or_reporting(para, draft)
    for group in groups:
        _finish_group(group, draft)


def _year_like(text: str, group: _Group | None) -> bool:
    """A number past 99 that does not follow the last group's: a year, not a group."""
    marker = marker_of(text)
    number = int(marker.number) if marker is not None else 0
    return number > 99 and (group is None or number != group.number + 1)


def _unnumbered(group: _Group, draft: Draft) -> _Task:
    loose = group.loose
    group.loose = []
    if not loose:
        draft.sink.warn(
            group.title_lines,
            f"group {group.number}: a role line before any "
            "task; read as an unnumbered task with no text",
            "missing",
        )
        task = _Task(len(group.tasks) + 1, [], "")
    else:
        first = loose[0].lines
        task = _Task(
            len(group.tasks) + 1,
            [*first, *(li for p in loose[1:] for li in p.lines)],
            first[0].text,
        )
        draft.sink.warn(
            first,
            f"group {group.number}: unnumbered task coded {group.number}.{task.number}",
            "guessed",
        )
    group.tasks.append(task)
    return task


def _start_task(group: _Group, para: Para, draft: Draft) -> None:
    marker = marker_of(para.text)
    if marker is None:  # cannot happen: only marked paragraphs start a task
        draft.sink.warn(para.lines, "task start not understood; not kept")
        return
    if group.loose:
        _group_intro(group, draft)
    if marker.kind is Kind.LETTER:
        number = letter_number(marker.number)
    elif marker.kind is Kind.BULLET:
        number = len(group.tasks) + 1
    elif marker.kind is Kind.DOTTED:
        major, number = (int(n) for n in marker.number.split("."))
        if major != group.number:
            draft.sink.warn(
                para.lines[:1], f"task {marker.number} inside group {group.number}", "guessed"
            )
    else:
        number = int(marker.number)
    first = para.lines[0]
    task = _Task(
        number, list(para.lines), strip_marker(first.text), bullet=marker.kind is Kind.BULLET
    )
    group.tasks.append(task)


def _group_intro(group: _Group, draft: Draft) -> None:
    """Plain text between a group's title and its first task."""
    loose = group.loose
    group.loose = []
    text = join_lines(" ".join(li.text for p in loose for li in p.lines))
    if len(loose) == 1 and len(text) < 160 and not re.search(r"[.;:]$", text):
        group.title_lines += loose[0].lines  # a title wrapped before a capital
        return
    for para in loose:
        draft.sink.warn(para.lines, f"group {group.number}: introductory text not kept")


def _finish_group(group: _Group, draft: Draft) -> None:
    if group.loose and not group.tasks:
        _unnumbered(group, draft)
    elif group.loose:
        _group_intro(group, draft)
    numbers = [g.number for g in draft.task_groups]
    number = group.number
    if number in numbers:
        number = max(numbers) + 1
        draft.sink.warn(group.title_lines, f"group number repeated; read as {number}", "guessed")
    gi = len(draft.task_groups)
    draft.sink.place(group.title_lines, f"$.task_groups[{gi}].title")
    tasks: list[Task] = []
    used: set[int] = set()
    expected = 1
    for builder in group.tasks:
        n = builder.number
        if n in used:
            n = max(used) + 1
            draft.sink.warn(
                builder.text_lines[:1], f"task number repeated; read as {number}.{n}", "guessed"
            )
        elif n != expected and builder.text_lines:
            draft.sink.warn(
                builder.text_lines[:1],
                f"task {number}.{n} follows {number}.{expected - 1}: a task may be missing",
                "missing",
            )
        used.add(n)
        expected = n + 1
        tasks.append(
            _task(f"{number}.{n}", builder, f"$.task_groups[{gi}].tasks[{len(tasks)}]", draft)
        )
    draft.task_groups.append(TaskGroup(number=number, title=group.title(), tasks=tuple(tasks)))


def _task(code: str, builder: _Task, path: str, draft: Draft) -> Task:
    draft.sink.place(builder.text_lines, f"{path}.text")
    roles: list[RoleLine] = []
    deadlines: list[tuple[LabelMatch, str, list[Line]]] = []
    for label_line in builder.labels:
        label, text, lines = label_line.match, label_line.text(), label_line.all_lines()
        if label.kind is Label.DEADLINE:
            deadlines.append((label, text, lines))
            continue
        draft.sink.place(lines, f"{path}.roles[{len(roles)}]")
        roles.append(read_role_line(label, text, lines, draft.book, draft.sink))
    if not roles and builder.text_lines:
        found = sentence_role_line(code, builder.text(), builder.text_lines, draft.book, draft.sink)
        if found is not None:
            draft.sink.place(builder.text_lines, f"~{path}.roles[0]")
            roles.append(found)
    if not roles:
        draft.sink.warn(
            builder.text_lines[:1] or builder.labels[0].lines,
            f"task {code} has no role line",
            "missing",
        )
    note = ""
    words = deadline_in_sentence(builder.text()) if builder.text_lines else ""
    if not deadlines and words:
        deadline: Deadline = _deadline(code, words, builder.text_lines, draft)
        label_text = ""  # no label: the deadline is read from the sentence
        draft.sink.place(builder.text_lines, f"~{path}.deadline")
        message = f"task {code}: deadline {words!r} read from the task's sentence"
        draft.sink.warn(builder.text_lines, message, "guessed")
    elif not deadlines:
        deadline = Unparsed(text="")
        label_text = "Thời gian hoàn thành"
        where = builder.text_lines[:1] or (builder.labels[0].lines if builder.labels else [])
        draft.sink.warn(where, f"task {code} has no deadline line", "missing")
    else:
        label, text, lines = deadlines[0]
        label_text = label.label
        deadline = _deadline(code, text, lines, draft)
        draft.sink.place(lines, f"{path}.deadline")
        draft.sink.place(lines, f"{path}.deadline_label")
        if not label.exact:
            draft.sink.warn(lines, f"label {label.label!r} read as {label.canonical!r}", "guessed")
        for extra, extra_text, extra_lines in deadlines[1:]:
            note = f"{note} {extra.label}: {extra_text}".strip()
            draft.sink.place(extra_lines, f"{path}.note")
            draft.sink.warn(
                extra_lines, f"task {code}: second deadline line kept in the task's note", "skipped"
            )
    for extra_note, note_lines in builder.notes:
        note = f"{note} {extra_note}".strip()
        draft.sink.place(note_lines, f"{path}.note")
    text = builder.text()
    if not text:
        draft.sink.warn(
            builder.labels[0].lines if builder.labels else [], f"task {code} has no text", "missing"
        )
    task = Task(
        code=code,
        text=text,
        roles=tuple(roles),
        deadline=deadline,
        deadline_label=label_text,
        note=note,
    )
    _pilot_models(task, draft)
    return task


def _deadline(code: str, text: str, lines: Sequence[Line], draft: Draft) -> Deadline:
    year = draft.year if draft.year is not None and 1000 <= draft.year <= 9998 else None
    try:
        deadline = parse_deadline(text, year=year)
    except DeAn06Error as error:
        draft.sink.warn(lines, f"task {code}: deadline not read ({error})", "unparsed")
        return Unparsed(text=text)
    if isinstance(deadline, Unparsed):
        draft.sink.warn(
            lines, f"task {code}: deadline {text!r} not understood; kept as text", "unparsed"
        )
    return deadline


def _pilot_models(task: Task, draft: Draft) -> None:
    """The task allocating pilot models ("30 mô hình", counts on its mentions)."""
    counted = any(m.count is not None for _, m in task.assignments())
    total = _MODELS.search(task.text)
    if counted and total and draft.pilot_models is None:
        draft.pilot_models = PilotModels(task=task.code, total=int(total["n"]), text=task.text)
