"""Reading a plan's text (copied from Word or a web page) into a `Plan` draft.

Every province issues a plan like Sơn La's each year, most only as text. `import_text`
reads such a text — the decision around the plan, the plan's sections, the annex table —
and returns an `ImportResult`: the draft `Plan` (valid: every key it uses resolves) and
the `ImportNote`s a person reviews before using it. Nothing is silently dropped:
every line with text is either placed in a field of the draft (``placements`` says
where) or covered by a warning.

>>> result = import_text('''KẾ HOẠCH
... TRIỂN KHAI ĐỀ ÁN 06/CP NĂM 2025
... III. NHIỆM VỤ
... 1. Nhóm nhiệm vụ dữ liệu
... (1) Làm sạch dữ liệu dân cư.
... - Cơ quan chủ trì: Công an tỉnh.
... - Thời gian hoàn thành: Quý II/2025.''')
>>> task = result.plan.task("1.1")
>>> task.text, task.deadline.due_date()
('Làm sạch dữ liệu dân cư.', datetime.date(2025, 6, 30))
>>> result.warnings[-1].line, result.warnings[-1].message
(6, "new agency (level province) 'Công an tỉnh' with key 'cong-an-tinh'")
>>> result.placements[5]
('$.task_groups[0].tasks[0].text',)

What the importer reads is described in docs/howto-model-another-province.md.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from types import MappingProxyType
from typing import final

import attrs

from .._files import DEFAULT_MAX_BYTES
from .._text import join_lines, pair_surrogates
from ..plan import Decision, Plan
from .documents import document_starts
from .draft import Draft
from .lines import Line, Sink, is_prose, split_lines
from .messages import vietnamese
from .roles import AgencyBook
from .sources import plan_text_of, read_plan_text
from .structure import PLACEHOLDER_DATE, blocking, read_parts

__all__ = [
    "ImportNote",
    "ImportResult",
    "import_documents",
    "import_file",
    "import_text",
    "read_plan_text",
]


@final
@attrs.frozen(kw_only=True)
class ImportNote:
    """Something the importer skipped or guessed, with where it is in the text.

    Attributes:
        line: the 1-based number of the first line concerned (0: the text as a whole).
        end_line: the last line concerned (``line`` for one line).
        text: the first line's text, as written.
        message: what was skipped or guessed.
        code: ``"skipped"`` (not kept anywhere), ``"guessed"`` (a reading chosen:
            a new agency, a fuzzy label, an unnumbered task), ``"missing"`` (something
            a plan should have: a lead, a deadline line, the decision's date),
            ``"unparsed"`` (a deadline kept as text only).
        message_vi: the message in Vietnamese (``de-an06 import`` shows it by default).
    """

    line: int
    end_line: int
    text: str
    message: str
    code: str
    message_vi: str = ""

    def in_language(self, lang: str) -> str:
        """The message in *lang* (``"vi"`` or ``"en"``)."""
        return self.message_vi or self.message if lang == "vi" else self.message

    def __str__(self) -> str:
        where = f"{self.line}" if self.end_line == self.line else f"{self.line}-{self.end_line}"
        return f"line {where}: {self.message} [{self.code}]: {self.text}"


@final
@attrs.frozen(kw_only=True)
class ImportResult:
    """A plan draft and what a person should review before using it.

    Attributes:
        plan: the draft; ``plan_from_dict(plan_to_dict(plan))`` accepts it.
        warnings: what was skipped or guessed, in line order.
        placements: for each input line with text, the JSON paths of the draft it went
            to (``"$.task_groups[0].tasks[1].roles[0]"``); ``"~"`` before a path marks a
            field read *from* the line (a date, a number), ``"layout:…"`` recognised
            layout (the national motto, "QUYẾT ĐỊNH:", "Điều 1.").
        source: the name the text came from.
        problems: why the draft is no plan to use (no task found; no plan year), in
            Vietnamese and English; empty when it is a plan (to review). ``de-an06 import``
            exits 2 with these and writes nothing.
    """

    plan: Plan
    warnings: tuple[ImportNote, ...]
    placements: Mapping[int, tuple[str, ...]] = attrs.field(eq=False, repr=False)
    source: str = "<text>"
    problems: tuple[str, ...] = ()


def import_text(
    text: str | bytes,
    *,
    plan_id: str | None = None,
    source: str = "<text>",
    directory: Plan | None = None,
    year: int | None = None,
) -> ImportResult:
    """Read a plan's text into a draft `Plan` and the warnings to review.

    Args:
        text: the plan as text (bytes are decoded like a file, see `read_plan_text`).
        plan_id: the draft's id; default ``"<province>-<year>"`` ("son-la-2024").
        source: names the text in the result (and in errors for bytes).
        directory: a plan whose agencies, agency groups and localities are reused to
            resolve names (importing Sơn La's text with the embedded plan as directory
            gives the embedded keys); names it lacks become new, warned-about entries.
        year: the plan's year, when the text does not say it (or says it wrong); it also
            completes deadlines written without a year ("Quý II").

    Never raises for any text: what it cannot read becomes a warning.
    """
    documents = _documents(text, source)
    first, *more = documents
    problems: tuple[str, ...] = ()
    if more:
        at = ", ".join(str(lines[0].number) for lines, _ in documents)
        problems = (
            f"tệp chứa {len(documents)} văn bản / the text holds {len(documents)} documents "
            f"(starting at lines {at}); only the first is read: import each alone, or all "
            "with de-an06 import --split (de_an06.import_documents)",
        )
    skipped = [(lines[0], lines[-1]) for lines, _ in more]
    return _read(
        *first,
        plan_id=plan_id,
        source=source,
        directory=directory,
        year=year,
        problems=problems,
        skipped=skipped,
    )


def import_documents(
    text: str | bytes,
    *,
    source: str = "<text>",
    directory: Plan | None = None,
    year: int | None = None,
) -> tuple[ImportResult, ...]:
    """`import_text` of each document of a text holding several plans, in order.

    A document starts at its header (the issuer, then "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT
    NAM") once the text before it has given tasks; line numbers are the whole text's.
    """
    return tuple(
        _read(
            lines,
            layout,
            plan_id=None,
            source=source,
            directory=directory,
            year=year,
            problems=(),
            skipped=[],
        )
        for lines, layout in _documents(text, source)
    )


def _documents(text: str | bytes, source: str) -> list[tuple[list[Line], list[Line]]]:
    """Each document's lines and layout lines (at least one document, maybe empty)."""
    text = plan_text_of(text, source) if isinstance(text, bytes) else pair_surrogates(text)
    lines, layout = split_lines(text)
    starts = document_starts(lines)
    out: list[tuple[list[Line], list[Line]]] = []
    for k, start in enumerate(starts):
        chunk = lines[start : starts[k + 1] if k + 1 < len(starts) else len(lines)]
        low = chunk[0].number if k else 0
        high = lines[starts[k + 1]].number if k + 1 < len(starts) else len(text) + 2
        out.append((chunk, [li for li in layout if low <= li.number < high]))
    return out


def _read(
    lines: list[Line],
    layout: list[Line],
    *,
    plan_id: str | None,
    source: str,
    directory: Plan | None,
    year: int | None,
    problems: tuple[str, ...],
    skipped: list[tuple[Line, Line]],
) -> ImportResult:
    sink = Sink()
    sink.place(layout, "layout:rule")
    for first, last in skipped:
        sink.warn([first, last], "another document: not read with this one")
    body = join_lines(" ".join(li.text for li in lines if is_prose(li.text)))
    draft = Draft(
        sink=sink,
        book=AgencyBook(directory, sink),
        body=body,
        directory=directory,
        given_year=year,
    )
    read_parts(lines, draft)
    plan = _plan(draft, plan_id)
    warnings = tuple(
        sorted(
            (
                ImportNote(
                    line=w.line,
                    end_line=w.end_line,
                    text=w.text,
                    message=w.message,
                    code=w.code,
                    message_vi=vietnamese(w.message),
                )
                for w in sink.warnings
            ),
            key=lambda w: (w.line, w.end_line),
        )
    )
    placements = MappingProxyType({n: tuple(p) for n, p in sorted(sink.placements.items())})
    return ImportResult(
        plan=plan,
        warnings=warnings,
        placements=placements,
        source=source,
        problems=problems + blocking(draft),
    )


def _plan(draft: Draft, plan_id: str | None) -> Plan:
    agencies, groups, localities = draft.book.finish()
    year = draft.year or PLACEHOLDER_DATE.year
    province = draft.book.province
    ident = plan_id or (
        f"{province}-{year}" if draft.year and province != "province" else "imported-plan"
    )
    decision = Decision(
        number=draft.number,
        date=draft.date or PLACEHOLDER_DATE,
        issuer=draft.issuer,
        signer=draft.signer,
        signer_title=draft.signer_title,
        title=draft.decision_title,
        place=draft.place,
        proposal=draft.proposal,
        effective=draft.effective,
        effective_text=draft.effective_text,
    )
    return Plan(
        id=ident,
        title=draft.title,
        year=year,
        province=province,
        decision=decision,
        legal_bases=tuple(draft.legal_bases),
        purposes=tuple(draft.purposes),
        objectives=tuple(draft.objectives),
        task_groups=tuple(draft.task_groups),
        reporting=draft.reporting,
        annex=draft.annex,
        pilot_models=draft.pilot_models,
        localities=localities,
        agencies=agencies,
        agency_groups=groups,
        closing=tuple(draft.closing),
        notes=tuple(draft.notes),
    )


def import_file(
    path: str | os.PathLike[str],
    *,
    plan_id: str | None = None,
    directory: Plan | None = None,
    year: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ImportResult:
    """`import_text` of the plan file at *path* (text, .docx or a text PDF, by content).

    The file is at most *max_bytes* long (64 MiB by default).
    """
    text = read_plan_text(path, max_bytes=max_bytes)
    return import_text(text, plan_id=plan_id, source=str(path), directory=directory, year=year)
