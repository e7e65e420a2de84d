"""The progress report: an administrative document from a plan, a date and (optionally) counts.

>>> from datetime import date
>>> from de_an06 import build_report, load_plan
>>> report = build_report(load_plan("son-la-2024"), as_of=date(2024, 6, 30))
>>> report.to_markdown().splitlines()[0]
'| CÔNG AN TỈNH SƠN LA | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |'

The layout follows Decree 30/2020/NĐ-CP: header (issuing body, number, Quốc hiệu and Tiêu
ngữ, place and date), "BÁO CÁO" and its summary, "Kính gửi", the four parts of a report
(results; shortcomings and causes; plans for the next period; proposals) with the parts the
data can write written and marked places for the office's own text, the signature block and
"Nơi nhận". The plan's audit is an appendix only when asked for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import final

import attrs

from .._dates import check_day
from ..indicator import Indicator, target_text
from ..matrix import responsibility_matrix
from ..plan import Plan
from ..reporting import Frequency, ReportingPeriod
from ..schedule import DEFAULT_WITHIN, due_soon_end
from ..workdays import DuePolicy, shift_due
from .audit_text import finding_row
from .blocks import (
    BarChart,
    Block,
    DocumentTitle,
    Heading,
    Masthead,
    Paragraph,
    Placeholder,
    Signature,
    Table,
)
from .document import render_html, render_markdown
from .official import Letterhead, Narrative, letterhead_for
from .tasks import TaskGroups, group_tasks, progress_blocks
from .words import Labels, Language, count, day_text, period_text, weekday_text

__all__ = ["Labels", "Language", "Report", "build_report"]

_BLANK = "\u00a0" * 8  # a blank the clerk fills in by hand; kept by every renderer


@final
@attrs.frozen(kw_only=True)
class Report:
    """A built report: its title, blocks and language; render with ``to_markdown``,
    ``to_html`` or ``to_docx``."""

    title: str
    blocks: tuple[Block, ...]
    lang: Language

    def to_markdown(self) -> str:
        """The report as Markdown."""
        return render_markdown(self.blocks)

    def to_html(self) -> str:
        """The report as one self-contained HTML page (inline CSS and SVG, no scripts), A4."""
        return render_html(self.blocks, title=self.title, lang=self.lang)

    def to_docx(self, path: str) -> None:
        """Write the report as a Word document (A4, Decree 30 layout) to *path*.

        Needs python-docx; `de_an06.report.docx.write_docx` writes atomically.
        """
        from .docx import write_docx

        write_docx(self.blocks, path, title=self.title, lang=self.lang)


def build_report(
    plan: Plan,
    *,
    as_of: date,
    lang: Language = "vi",
    within: int = DEFAULT_WITHIN,
    completed: Mapping[str, date] | None = None,
    indicator_section: Sequence[Block] | None = None,
    annex_section: Sequence[Block] | None = None,
    frequency: Frequency = Frequency.MONTHLY,
    letterhead: Letterhead | None = None,
    narrative: Narrative | None = None,
    include_audit: bool = False,
    progress_section: Sequence[Block] | None = None,
) -> Report:
    """The progress report of *plan* on *as_of* for the *frequency* period holding it.

    "Due soon" means within *within* calendar days. *indicator_section* and
    *annex_section* are those sections' blocks, made from observed counts by
    `de_an06.report.indicator_section` and `de_an06.report.annex_section` (or any blocks
    of your own); without them the report lists the targets and says there is no data.
    *letterhead* defaults to `letterhead_for(plan)`; *narrative* fills the office's own
    parts (marked places otherwise); *include_audit* adds the plan audit as an appendix.
    ``de-an06 report --observations FILE`` is::

        obs = [Observations.from_csv(FILE, plan)]
        build_report(plan, as_of=day, lang=lang,
                     indicator_section=indicator_section(plan, obs, as_of=day, lang=lang),
                     annex_section=annex_section(plan, obs, as_of=day, lang=lang))

    *progress_section* comes from the ledger (`de_an06.report.progress_section`), with
    *completed* from its task states (`completed_from`); without either, the report says
    that completion is unknown rather than calling past-due tasks overdue.
    """
    due_soon_end(check_day(as_of, "as_of"), within)  # DateRangeError early
    words = Labels(lang)
    head = letterhead_for(plan) if letterhead is None else letterhead
    text = Narrative() if narrative is None else narrative
    period = _period(plan, as_of, frequency)
    when = period_text(period, lang) if period else f"{words['as_of_day']} {day_text(as_of)}"
    title = words["summary"].format(title=plan.title, period=when)
    office = _sentence_case(head.issuing_body, head.place, plan) or words["office"]
    groups = group_tasks(plan, as_of, within, completed)

    blocks: list[Block] = [
        _masthead(head, words, (period.due or period.end) if period else as_of),
        DocumentTitle(kind=words["kind"], summary=title, to_label=words["to"], to=head.to),
        _intro(plan, as_of=as_of, period=period, when=when, office=office, words=words),
    ]
    blocks += _due_line(plan, period, words)
    blocks += [Heading(2, words["results"]), *_own(text.results, words["results_own"], words)]
    blocks += progress_blocks(plan, as_of, within, groups, words, known=completed is not None)
    if progress_section is not None:  # the ledger's own figures: done on time, late, rates
        blocks += progress_section
    blocks += _nest(indicator_section or _targets_only(plan, words), words["targets"], words)
    blocks += _qualitative(plan, words)
    blocks += _nest(annex_section or _no_counts(words), words["annex"], words)
    blocks += _responsibilities(plan, as_of, words, within)
    blocks += _shortcomings(groups, words, text)
    blocks += [Heading(2, words["next"]), _next_data(groups, as_of, within, words)]
    blocks += _own(text.next_period, words["next_own"], words)
    blocks += [Heading(2, words["proposals"]), *_own(text.proposals, words["proposals_own"], words)]
    blocks += [
        Paragraph(words["closing"].format(period=when, office=office)),
        _signature(head, words),
    ]
    if include_audit:
        blocks += _audit(plan, words)
    return Report(title=title, blocks=tuple(blocks), lang=lang)


def _period(plan: Plan, as_of: date, frequency: Frequency) -> ReportingPeriod | None:
    regime = plan.reporting
    if regime is None or frequency not in regime.frequencies():
        return None
    return regime.period_containing(as_of, frequency)


def _sentence_case(body: str, place: str, plan: Plan) -> str:
    """ "CÔNG AN TỈNH SƠN LA" as a sentence writes it: "Công an tỉnh Sơn La"; the plan's
    own spelling when the body is one of its agencies ("SỞ TƯ PHÁP": "Sở Tư pháp")."""
    if not body or not body.isupper():
        return body
    same = [a.name for a in plan.agencies if a.name.upper() == body]
    if same:
        return same[0]
    text = body[0] + body[1:].lower()
    return text.replace(place.lower(), place) if place else text


def _masthead(head: Letterhead, words: Labels, day: date) -> Masthead:
    signed = head.day
    d, m = (f"{signed.day:02d}", f"{signed.month:02d}") if signed else (_BLANK, _BLANK)
    return Masthead(
        parent_body=head.parent_body,
        issuing_body=head.issuing_body,
        number=words["number"].format(number=head.number or _BLANK, symbol=head.symbol),
        nation=words["nation"],
        motto=words["motto"],
        place_date=words["place_date"].format(
            place=head.place or _BLANK, d=d, m=m, y=signed.year if signed else day.year
        ),
    )


def _intro(
    plan: Plan,
    *,
    as_of: date,
    period: ReportingPeriod | None,
    when: str,
    office: str,
    words: Labels,
) -> Paragraph:
    decision = plan.decision
    fields = {
        "decision": decision.number,
        "date": day_text(decision.date),
        "issuer": decision.issuer,
        "title": plan.title,
        "office": office,
        "as_of": day_text(as_of),
        "period": when,
    }
    if period is None:
        return Paragraph(words["intro_no_regime"].format(**fields))
    return Paragraph(
        words["intro"].format(start=day_text(period.start), end=day_text(period.end), **fields)
    )


def _due_line(plan: Plan, period: ReportingPeriod | None, words: Labels) -> list[Block]:
    regime = plan.reporting
    if period is None or regime is None:
        return [Paragraph(words["no_regime"])]
    if period.due is None:
        return []
    rule = regime.rule_for(period)
    due = shift_due(period.due, DuePolicy.FORWARD, before=rule.before if rule else False)
    shift = ""
    if due != period.due:
        shift = words["shifted"].format(
            day=day_text(period.due),
            weekday=weekday_text(period.due, words.lang),
            rule=rule.text if rule else "",
        )
    return [
        Paragraph(
            words["period_due"].format(
                period=period_text(period, words.lang),
                start=day_text(period.start),
                end=day_text(period.end),
                due=f"{weekday_text(due, words.lang)} {day_text(due)}",
                shift=shift,
            )
        )
    ]


def _own(paragraphs: Sequence[str], what: str, words: Labels) -> list[Block]:
    if paragraphs:
        return [Paragraph(p) for p in paragraphs]
    return [Placeholder(words["placeholder"].format(what=what))]


def _nest(section: Sequence[Block], title: str, words: Labels) -> list[Block]:
    """A section made elsewhere, as a numbered part of I: its first heading becomes *title*
    (level 3), the others go below it; charts get the report's words."""
    out: list[Block] = []
    first = True
    for block in section:
        if isinstance(block, Heading):
            out.append(Heading(3, title) if first else Heading(max(block.level + 1, 4), block.text))
            first = False
        elif isinstance(block, BarChart):
            out.append(
                attrs.evolve(
                    block,
                    target_label=words["target_tick"],
                    met_label=words["met_mark"],
                    not_met_label=words["not_met_mark"],
                )
            )
        else:
            out.append(block)
    return out if not first else [Heading(3, title), *out]


def _shortcomings(groups: TaskGroups, words: Labels, text: Narrative) -> list[Block]:
    overdue = [t.code for t, _ in groups.overdue]
    data = (
        words["shortcomings_data"].format(
            n=count(len(overdue), words.lang), codes=", ".join(overdue)
        )
        if overdue
        else words["shortcomings_none"]
    )
    return [
        Heading(2, words["shortcomings"]),
        Paragraph(data),
        *_own(text.shortcomings, words["shortcomings_own"], words),
    ]


def _next_data(groups: TaskGroups, as_of: date, within: int, words: Labels) -> Paragraph:
    end = day_text(due_soon_end(as_of, within))
    soon = [t.code for t, _ in groups.due_soon]
    if not soon:
        return Paragraph(words["next_none"].format(end=end))
    return Paragraph(words["next_data"].format(n=len(soon), end=end, codes=", ".join(soon)))


def _signature(head: Letterhead, words: Labels) -> Signature:
    copies = (words["as_above"], *head.copies)
    return Signature(
        copies_label=f"{words['copies']}:",
        copies=(*(f"- {c};" for c in copies), f"- {words['archive']}."),
        title=head.signer_title or (words["head_of"],),
        name=head.signer or words["signer_blank"],
    )


def _responsibilities(plan: Plan, as_of: date, words: Labels, within: int) -> list[Block]:
    rows = responsibility_matrix(plan).workload(as_of, within)
    lang = words.lang
    named = [r for r in rows if r.kind.value != "open_group"]
    loose = [r for r in rows if r.kind.value == "open_group"]
    table = Table(
        (
            words["agency"],
            words["r_lead"],
            words["r_coordinate"],
            words["r_monitor"],
            words["r_advise"],
            words["r_implement"],
            words["tasks"],
            words["s_overdue"],
            words["s_soon"],
        ),
        tuple(
            (
                r.name + (f" ({words['group']})" if r.kind.value == "group" else ""),
                *(
                    count(n, lang)
                    for n in (
                        r.lead,
                        r.coordinate,
                        r.monitor,
                        r.advise,
                        r.implement,
                        r.tasks,
                        r.overdue,
                        r.due_soon,
                    )
                ),
            )
            for r in named
        ),
        numeric=frozenset(range(1, 9)),
    )
    blocks: list[Block] = [
        Heading(3, words["responsibilities"]),
        Paragraph(words["workload_text"].format(day=day_text(as_of))),
        table,
    ]
    if loose:
        blocks.append(
            Paragraph(
                words["open_groups"].format(
                    n=count(len(loose), lang),
                    example=loose[0].name,
                    tasks=count(sum(r.tasks for r in loose), lang),
                )
            )
        )
    return blocks


def _overrides_text(indicator: Indicator) -> str:
    return "; ".join(
        f"{o.scope.text or o.scope.key}: {target_text(o.target, indicator.unit)}"
        for o in indicator.overrides
    )


def _targets_only(plan: Plan, words: Labels) -> list[Block]:
    rows = tuple(
        (i.id, i.text, target_text(i.target, i.unit), _overrides_text(i))
        for i in plan.indicators
        if not i.qualitative
    )
    return [
        Heading(3, words["targets"]),
        Paragraph(words["no_observations"]),
        Table(
            (words["code"], words["indicator"], words["target"], words["overrides"]),
            rows,
            widths=(9, 59, 13, 19),
        ),
    ]


def _qualitative(plan: Plan, words: Labels) -> list[Block]:
    rows = tuple((i.id, i.text) for i in plan.indicators if i.qualitative)
    if not rows:
        return []
    return [Heading(4, words["qualitative_head"]), Table((words["code"], words["indicator"]), rows)]


def _no_counts(words: Labels) -> list[Block]:
    return [Heading(3, words["annex"]), Paragraph(words["no_counts"])]


def _audit(plan: Plan, words: Labels) -> list[Block]:
    from ..auditing import audit  # lazy: only `--audit` pays for its import (#18)

    names = {a.key: a.name for a in plan.agencies} | {g.key: g.name for g in plan.agency_groups}
    rows = tuple(finding_row(f, words.lang, names) for f in audit(plan))
    return [
        Heading(2, words["audit"]),
        Paragraph(words["audit_text"]),
        Table((words["severity"], words["where"], words["finding"], words["quoted"]), rows)
        if rows
        else Paragraph(words["none"]),
    ]
