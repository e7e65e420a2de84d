"""Hypothesis strategies for every de_an06 model type, in one place."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from datetime import date
from fractions import Fraction
from functools import cache
from typing import Any

import attrs
from hypothesis import strategies as st

from de_an06 import (
    Agency,
    AgencyGroup,
    Aggregation,
    Annex,
    AsDirected,
    Assignment,
    Comparator,
    Compound,
    Decision,
    Frequency,
    Indicator,
    Level,
    Locality,
    Measure,
    Mention,
    Objective,
    OnDate,
    Ongoing,
    PeriodUnit,
    PilotModels,
    Plan,
    Relation,
    RelativeToEvent,
    ReportingPeriod,
    ReportingRegime,
    ReportingRule,
    Role,
    RoleLine,
    Scope,
    ScopeKind,
    Service,
    ServiceSection,
    Target,
    TargetOverride,
    Task,
    TaskGroup,
    Unit,
    Unparsed,
    WithinPeriod,
)
from de_an06._text import nfc

# Text: any Unicode scalar values (no surrogates), stored as NFC as the library stores it.
texts = st.text(st.characters(codec="utf-8"), max_size=40).map(nfc)
vietnamese = st.text(
    st.sampled_from("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậ ĐƯỚỜ"), max_size=30
).map(nfc)
words = st.one_of(texts, vietnamese)
keys = st.from_regex(r"[a-z][a-z0-9-]{0,15}", fullmatch=True)
vn_dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
fractions = st.fractions(max_denominator=10_000)
small_ints = st.integers(min_value=0, max_value=1_000)
years = st.integers(min_value=2000, max_value=2100)


def tuples(elements: st.SearchStrategy, max_size: int = 3) -> st.SearchStrategy:
    """Tuples of *elements*, as the model stores sequences."""
    return st.lists(elements, max_size=max_size).map(tuple)


# --- deadlines ----------------------------------------------------------------------

_UNIT_COUNTS = {PeriodUnit.YEAR: 1, PeriodUnit.HALF: 2, PeriodUnit.QUARTER: 4, PeriodUnit.MONTH: 12}


@st.composite
def within_periods(draw: st.DrawFn) -> WithinPeriod:
    unit = draw(st.sampled_from(PeriodUnit))
    number = draw(st.integers(1, _UNIT_COUNTS[unit]))
    return WithinPeriod(text=draw(words), year=draw(years), unit=unit, number=number)


simple_deadlines = st.one_of(
    st.builds(Ongoing, text=words),
    st.builds(OnDate, text=words, date=vn_dates, before=st.booleans(), inclusive=st.booleans()),
    within_periods(),
    st.builds(
        RelativeToEvent,
        text=words,
        event=words,
        relation=st.sampled_from(Relation),
        event_date=st.none() | vn_dates,
    ),
    st.builds(AsDirected, text=words, by=words),
    st.builds(Unparsed, text=words),
)
deadlines = st.recursive(
    simple_deadlines,
    lambda parts: st.builds(Compound, text=words, parts=tuples(parts, 3)),
    max_leaves=6,
)

# --- agencies, localities, tasks ------------------------------------------------------

agencies = st.builds(
    Agency,
    key=keys,
    name=words,
    level=st.sampled_from(Level),
    aliases=tuples(words),
    locality=st.none() | keys,
    external=st.booleans(),
    note=words,
)
agency_groups = st.builds(
    AgencyGroup,
    key=keys,
    name=words,
    members=tuples(keys),
    open=st.booleans(),
    aliases=tuples(words),
    note=words,
)
localities = st.builds(
    Locality,
    key=keys,
    name=words,
    level=st.sampled_from(Level),
    kind=words,
    parent=st.none() | keys,
    aliases=tuples(words),
    segments=tuples(keys),
    valid_from=st.none() | vn_dates,
    valid_to=st.none() | vn_dates,
)
mentions = st.builds(Mention, agency=keys, text=words, count=st.none() | small_ints)
assignments = st.builds(Assignment, role=st.sampled_from(Role), agencies=tuples(mentions))
role_lines = st.builds(RoleLine, label=words, text=words, assignments=tuples(assignments, 2))
task_codes = st.builds(lambda g, n: f"{g}.{n}", st.integers(1, 20), st.integers(1, 20))
tasks = st.builds(
    Task,
    code=task_codes,
    text=words,
    roles=tuples(role_lines),
    deadline=deadlines,
    deadline_label=words,
    note=words,
)
task_groups = st.builds(TaskGroup, number=st.integers(1, 20), title=words, tasks=tuples(tasks, 3))

# --- indicators -----------------------------------------------------------------------

targets = st.builds(Target, comparator=st.sampled_from(Comparator), value=fractions, text=words)
scopes = st.builds(Scope, kind=st.sampled_from(ScopeKind), key=keys, text=words)
target_overrides = st.builds(
    TargetOverride, scope=scopes, target=targets, baseline=st.none() | fractions
)
indicators = st.builds(
    Indicator,
    id=keys,
    text=words,
    target=st.none() | targets,
    overrides=tuples(target_overrides),
    baseline=st.none() | fractions,
    qualitative=st.booleans(),
    numerator=words,
    denominator=words,
    note=words,
)
objectives = st.builds(Objective, id=keys, text=words, indicators=tuples(indicators))

# --- reporting, annex, plan -------------------------------------------------------------

reporting_rules = st.builds(
    ReportingRule,
    frequency=st.sampled_from(Frequency),
    text=words,
    day=st.integers(1, 31),
    months=tuples(st.integers(1, 12)),
    before=st.booleans(),
)
reporting_regimes = st.builds(
    ReportingRegime,
    text=words,
    rules=tuples(reporting_rules),
    ad_hoc=st.booleans(),
    recipient=st.none() | keys,
    forward_to=tuples(keys),
)
reporting_periods = st.builds(
    ReportingPeriod,
    id=words,
    frequency=st.sampled_from(Frequency),
    start=vn_dates,
    end=vn_dates,
    due=st.none() | vn_dates,
)
period_ids = st.one_of(
    st.builds(lambda y, m: f"{y}{m:02d}", years, st.integers(1, 12)),
    st.builds(lambda y, q: f"{y}Q{q}", years, st.integers(1, 4)),
    st.builds(lambda y, s: f"{y}S{s}", years, st.integers(1, 2)),
    years.map(str),
)

leaf_services = st.builds(
    Service,
    number=words,
    number_text=words,
    name=words,
    reporting_units=tuples(words),
    reporting_units_text=words,
    note=words,
)
services = st.one_of(
    leaf_services,
    st.builds(Service, number=words, number_text=words, name=words, items=tuples(leaf_services)),
)
service_sections = st.builds(ServiceSection, number=words, title=words, services=tuples(services))
annexes = st.builds(Annex, title=words, columns=tuples(words), sections=tuples(service_sections))
decisions = st.builds(
    Decision,
    number=words,
    date=vn_dates,
    issuer=words,
    signer=words,
    signer_title=words,
    title=words,
    place=words,
    proposal=words,
    effective=st.none() | vn_dates,
    effective_text=words,
)
pilot_models = st.builds(PilotModels, task=task_codes, total=small_ints, text=words)

plans = st.builds(
    Plan,
    id=keys,
    title=words,
    year=years,
    province=keys,
    decision=decisions,
    legal_bases=tuples(words),
    purposes=tuples(words),
    objectives=tuples(objectives, 2),
    task_groups=tuples(task_groups, 2),
    reporting=st.none() | reporting_regimes,
    annex=st.none() | annexes,
    pilot_models=st.none() | pilot_models,
    localities=tuples(localities),
    agencies=tuples(agencies),
    agency_groups=tuples(agency_groups),
    closing=tuples(words),
    notes=tuples(words),
)

EVERY_MODEL = {
    Agency: agencies,
    AgencyGroup: agency_groups,
    Locality: localities,
    Mention: mentions,
    Assignment: assignments,
    RoleLine: role_lines,
    Task: tasks,
    TaskGroup: task_groups,
    Target: targets,
    Scope: scopes,
    TargetOverride: target_overrides,
    Indicator: indicators,
    Objective: objectives,
    ReportingRule: reporting_rules,
    ReportingRegime: reporting_regimes,
    ReportingPeriod: reporting_periods,
    Service: services,
    ServiceSection: service_sections,
    Annex: annexes,
    Decision: decisions,
    PilotModels: pilot_models,
    Plan: plans,
    Ongoing: st.builds(Ongoing, text=words),
    OnDate: st.builds(OnDate, text=words, date=vn_dates),
    WithinPeriod: within_periods(),
    Compound: st.builds(Compound, text=words, parts=tuples(simple_deadlines)),
    RelativeToEvent: st.builds(
        RelativeToEvent, text=words, event=words, relation=st.sampled_from(Relation)
    ),
    AsDirected: st.builds(AsDirected, text=words),
    Unparsed: st.builds(Unparsed, text=words),
}
"""Every model type with its strategy, for the round-trip properties."""

__all__ = ["EVERY_MODEL", "deadlines", "fractions", "period_ids", "plans", "vn_dates", "words"]

# --- responsibility matrix: plans whose role lines name agencies and groups they define ---


@st.composite
def directory_plans(draw: st.DrawFn) -> Plan:
    """A plan whose mentions name its own agencies and groups (groups may nest, be open)."""
    agency_keys = draw(st.lists(keys, min_size=1, max_size=6, unique=True))
    group_keys = draw(
        st.lists(keys.map(lambda k: "g-" + k), max_size=4, unique=True).map(
            lambda ks: [k for k in ks if k not in agency_keys]
        )
    )
    directory = [
        Agency(key=k, name=draw(vietnamese), level=draw(st.sampled_from(Level)))
        for k in agency_keys
    ]
    groups = [
        AgencyGroup(
            key=k,
            name=draw(vietnamese),
            members=tuple(draw(st.lists(st.sampled_from(agency_keys + group_keys), max_size=4))),
            open=draw(st.booleans()),
        )
        for k in group_keys
    ]
    mention_keys = st.sampled_from(agency_keys + group_keys)
    plan_mentions = st.builds(Mention, agency=mention_keys, text=vietnamese)
    plan_assignments = st.builds(
        Assignment, role=st.sampled_from(Role), agencies=tuples(plan_mentions)
    )
    plan_lines = st.builds(RoleLine, label=words, text=words, assignments=tuples(plan_assignments))
    codes = draw(st.lists(task_codes, min_size=1, max_size=5, unique=True))
    plan_tasks = tuple(
        Task(code=code, text="", roles=draw(tuples(plan_lines)), deadline=draw(deadlines))
        for code in codes
    )
    return Plan(
        id="p",
        title="",
        year=2024,
        province="p",
        decision=draw(decisions),
        task_groups=(TaskGroup(number=1, title="", tasks=plan_tasks),),
        agencies=tuple(directory),
        agency_groups=tuple(groups),
    )


__all__ += ["directory_plans"]

# --- deadlines wording, working days, reporting calendar ---------------------------------

# Pieces of deadline wording, good and bad, for fuzzing the parser where its patterns are.
# fmt: off
_DEADLINE_TOKENS = (
    "Quý", "quý", "I", "II", "IV", "V", "3", "/2024", "/2025", "năm", "2024", "tháng", "12",
    "13", "trước", "ngày", "15/3/2025", "31/2/2024", "30/6", "đến hết", "từ", "sau khi",
    "Tết Nguyên đán", "Giáp Thìn", "Ất Tỵ", "thường xuyên", "Theo chỉ đạo của", "Trung ương",
    "6 tháng đầu năm", "cuối", "giữa", "đầu", "và", ",", ";", ".", "(", ")", " ", "\n",
)
# fmt: on
deadline_wordings = st.lists(st.sampled_from(_DEADLINE_TOKENS), max_size=12).map(" ".join)
# Dates the holiday data covers well (``holidays`` VN rules, overlay 2024–2026).
calendar_dates = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))

__all__ += ["calendar_dates", "deadline_wordings"]

# --- observations, achievement, roll-up (#6) ------------------------------------------------


def _target(comparator: str, value: int) -> Target:
    return Target(comparator=Comparator(comparator), value=Fraction(value))


def _override(
    kind: ScopeKind, key: str, target: Target, baseline: int | None = None
) -> TargetOverride:
    return TargetOverride(
        scope=Scope(kind=kind, key=key),
        target=target,
        baseline=None if baseline is None else Fraction(baseline),
    )


def observation_plan() -> Plan:
    """A small plan for observation tests: three levels, agencies, one indicator per case.

    Localities: ``tinh`` (Tỉnh Sơn La) > ``tp`` (Thành phố Sơn La), ``mai-son``,
    ``moc-chau`` > communes ``chieng-mung``, ``hat-lot`` (of Mai Sơn) and ``chieng-son``
    (of Mộc Châu, segment ``remote``). Indicators: ``P.1`` flow ≥30 with a locality, a level
    and a segment override; ``P.2`` stock >65; ``P.3`` mean; ``P.4`` share of units ≥100;
    ``P.5`` ≤10; ``P.6`` a count ≥12; ``P.7`` segment target only; ``Q.1`` qualitative.
    """
    L = Level
    localities = (
        Locality(key="tinh", name="Tỉnh Sơn La", level=L.PROVINCE, kind="tỉnh"),
        Locality(
            key="tp",
            name="Thành phố Sơn La",
            level=L.DISTRICT,
            kind="thành phố",
            parent="tinh",
            aliases=("TP Sơn La",),
        ),
        Locality(
            key="mai-son", name="Huyện Mai Sơn", level=L.DISTRICT, kind="huyện", parent="tinh"
        ),
        Locality(
            key="moc-chau", name="Huyện Mộc Châu", level=L.DISTRICT, kind="huyện", parent="tinh"
        ),
        Locality(
            key="chieng-mung", name="Xã Chiềng Mung", level=L.COMMUNE, kind="xã", parent="mai-son"
        ),
        Locality(
            key="hat-lot",
            name="Thị trấn Hát Lót",
            level=L.COMMUNE,
            kind="thị trấn",
            parent="mai-son",
        ),
        Locality(
            key="chieng-son",
            name="Xã Chiềng Sơn",
            level=L.COMMUNE,
            kind="xã",
            parent="moc-chau",
            segments=("remote",),
        ),
    )
    agencies = (
        Agency(
            key="ca-tinh",
            name="Công an tỉnh",
            level=L.PROVINCE,
            locality="tinh",
            aliases=("CA tỉnh",),
        ),
        Agency(key="so-tu-phap", name="Sở Tư pháp", level=L.PROVINCE, locality="tinh"),
        Agency(
            key="ubnd-mai-son",
            name="Ủy ban nhân dân huyện Mai Sơn",
            level=L.DISTRICT,
            locality="mai-son",
            aliases=("UBND huyện Mai Sơn",),
        ),
    )
    indicators = (
        Indicator(
            id="P.1",
            text="flow",
            target=_target(">=", 30),
            overrides=(
                _override(ScopeKind.SEGMENT, "remote", _target(">=", 50)),
                _override(ScopeKind.LEVEL, "commune", _target(">=", 60)),
                _override(ScopeKind.LOCALITY, "tp", _target(">", 80)),
                _override(ScopeKind.LOCALITY, "moc-chau", _target("maintain", 100), 100),
            ),
        ),
        Indicator(
            id="P.2",
            text="stock",
            target=_target(">", 65),
            measure=Measure.STOCK,
            overrides=(_override(ScopeKind.LOCALITY, "tp", _target(">", 80)),),
        ),
        Indicator(id="P.3", text="mean", target=_target(">=", 50), aggregation=Aggregation.MEAN),
        Indicator(
            id="P.4", text="share met", target=_target(">=", 100), aggregation=Aggregation.SHARE_MET
        ),
        Indicator(id="P.5", text="at most", target=_target("<=", 10)),
        Indicator(id="P.6", text="count", unit=Unit.COUNT, target=_target(">=", 12)),
        Indicator(
            id="P.7",
            text="segment only",
            overrides=(_override(ScopeKind.SEGMENT, "remote", _target(">=", 50)),),
        ),
        Indicator(id="Q.1", text="qualitative", qualitative=True),
    )
    columns = (
        "STT",
        "Tên thủ tục hành chính",
        "Đơn vị báo cáo",
        "Kết nối với cổng dịch vụ công quốc gia (tích x)",
        "Tổng số hồ sơ tiếp nhận",
        "Trực tuyến",
        "Tỉ lệ",
        "GHI CHÚ",
    )

    def service(number: str, name: str, *units: str) -> Service:
        return Service(
            number=number,
            number_text=number.replace(".", ","),
            name=name,
            reporting_units=units,
            reporting_units_text="/".join(units),
        )

    annex = Annex(
        title="DANH MỤC DỊCH VỤ CÔNG",
        columns=columns,
        sections=(
            ServiceSection(
                number="I",
                title="DỊCH VỤ CÔNG THIẾT YẾU QĐ 06",
                services=(
                    service("1", "Đăng ký thường trú", "Công an tỉnh", "UBND cấp huyện"),
                    service("2", "Đăng ký khai sinh", "Sở Tư pháp", "UBND cấp huyện"),
                ),
            ),
            ServiceSection(
                number="II",
                title="DỊCH VỤ CÔNG CỦA CÁ NHÂN",
                services=(
                    service("1", "Xác nhận thông tin về cư trú", "Công an tỉnh"),
                    Service(
                        number="13",
                        number_text="13",
                        name="Nhóm dịch vụ thanh toán",
                        items=(
                            service("13.1", "Nộp thuế xuất nhập khẩu", "Cục Hải quan"),
                            service("13.2", "Thanh toán viện phí", "Sở Tư pháp"),
                        ),
                    ),
                ),
            ),
        ),
    )
    return Plan(
        id="mini-2024",
        title="Kế hoạch thử",
        year=2024,
        province="tinh",
        decision=Decision(
            number="1/QĐ-UBND", date=date(2024, 1, 29), issuer="UBND tỉnh", signer="A"
        ),
        objectives=(Objective(id="P", text="", indicators=indicators),),
        annex=annex,
        localities=localities,
        agencies=agencies,
    )


# A count pair: a numerator no larger than its denominator (0/0 is "no data"). Small
# denominators hit target boundaries (80/100 against "trên 80%") often.
count_pairs = st.one_of(st.integers(0, 200), st.integers(0, 10**9)).flatmap(
    lambda d: st.tuples(st.integers(0, d), st.just(d))
)
# Targets in percent (0–100, a few decimals), every comparator.
percent_targets = st.builds(
    Target,
    comparator=st.sampled_from(Comparator),
    value=st.fractions(min_value=0, max_value=100, max_denominator=200),
)
baselines = st.none() | st.fractions(min_value=0, max_value=100, max_denominator=200)

__all__ += ["baselines", "count_pairs", "observation_plan", "percent_targets"]


# --- plan texts (the importer) ----------------------------------------------------------

# Lines a plan's text is made of: headings, markers, role and deadline lines, table cells,
# header pieces, and the layout a copy from Word leaves ("|" cells, rules, CRLF, NBSP).
plan_text_lines = st.sampled_from(
    [
        "ỦY BAN NHÂN DÂN",
        "TỈNH SƠN LA",
        "Số: 161/QĐ-UBND",
        "Sơn La, ngày 29",
        "tháng 01 năm 2024",
        "QUYẾT ĐỊNH",
        "QUYẾT ĐỊNH:",
        "Căn cứ Luật Tổ chức chính quyền địa phương;",
        "Điều 2.",
        "Định kỳ (hàng tháng trước ngày 15, năm trước ngày 14/12) hoặc đột xuất, gửi về"
        " Công an tỉnh để tổng hợp, báo cáo Bộ Công an.",
        "Quyết định này có hiệu lực thi hành kể từ ngày ký./.",
        "Nơi nhận:",
        "- Lưu: VT.",
        "CHỦ TỊCH",
        "Hoàng Quốc Khánh",
        "KẾ HOẠCH",
        "TRIỂN KHAI ĐỀ ÁN 06/CP NĂM 2024",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. MỤC TIÊU",
        "III. NHIỆM VỤ, GIẢI PHÁP",
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Nhóm nhiệm vụ",
        "2. Tỷ lệ đạt trên 65%, riêng thành phố Sơn La trên 80%.",
        "(1) Làm sạch dữ liệu dân cư.",
        "(2) Rà soát văn bản. (3) Số hóa hồ sơ",
        "a) Hướng dẫn người dân",
        "- Cơ quan chủ trì: Công an tỉnh, các sở, ngành liên quan.",
        "- Cơ quan chủ tri: Sở Văn hóa, Thể thao và Du lịch (02 mô hình);",
        "- Cơ quan tham mưu, thực hiện: Sở Y tế tham mưu, hướng dẫn các sở, ngành thực hiện.",
        "- Cơ quan thực hiện: UBND các huyện, thành phố",
        "- Thời gian hoàn thành: Quý I, Quý II/2024.",
        "- Thời gian hòan thành: khi nào xong",
        "- Thương binh và Xã hội.",
        "+ Sở Tư pháp;",
        "DANH MỤC",
        "STT",
        "|",
        "| 1 | Đăng ký khai sinh | Sở Tư pháp/UBND cấp huyện | x |",
        "13,1",
        "-------",
        "",
        "\u00a0",
    ]
)
plan_texts = st.tuples(
    st.lists(st.one_of(plan_text_lines, texts), max_size=40),
    st.sampled_from(["\n", "\r\n", "\r"]),
).map(lambda parts: parts[1].join(parts[0]))

__all__ += ["plan_text_lines", "plan_texts"]


# --- fuzzing: odd inputs, and good files mutated (#9) -----------------------------------

# Pieces of text that break naive code: controls and NUL, a BOM, zero-width and bidi
# marks, line and paragraph separators, a combining mark alone and decomposed Vietnamese,
# lone surrogates, spreadsheet formula starts, paths, fullwidth and Arabic-Indic digits,
# numbers past every limit.
WEIRD_PIECES = (
    "",
    " ",
    "\x00",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x85",
    "\r",
    "\n",
    "\r\n",
    "\t",
    "\ufeff",
    "\u200b",
    "\u200d",
    "\u202e",
    "\u2028",
    "\u2029",
    "\u00a0",
    "\u0301",
    "\u0303",
    unicodedata.normalize("NFD", "Thành phố Sơn La"),
    unicodedata.normalize("NFD", "Quý IV/2024"),
    "Tết Giáp Thìn",
    "İ",
    "ß",
    "ﬁ",
    "Ⅳ",
    "\U0001f600",
    "\ud800",
    "\udfff",
    "=1+1",
    "@SUM(A1)",
    "+1",
    "-1",
    '"',
    "'",
    "\\",
    "|",
    ",",
    ";",
    "/",
    "../../etc/passwd",
    "C:\\Windows\\win.ini",
    "２０２４",
    "٢٠٢٤",
    "9" * 25,
    "9" * 4400,
    "-0",
    "1e400",
    "NaN",
)
weird_texts = st.lists(
    st.one_of(st.sampled_from(WEIRD_PIECES), st.text(max_size=4)), max_size=5
).map("".join)
edge_ints = st.one_of(
    st.integers(),
    st.sampled_from(
        (0, -1, 2**31, 2**53 + 1, 2**63 - 1, 2**63, -(2**63) - 1, 2**64, 10**30, -(10**30))
    ),
)
json_scalars = st.one_of(st.none(), st.booleans(), edge_ints, st.floats(), weird_texts)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(weird_texts, inner, max_size=4),
    max_leaves=12,
)


def _nested(depth: int) -> list[object]:
    value: list[object] = []
    for _ in range(depth):
        value = [value]
    return value


# Python values no JSON parser makes, for the functions that take parsed data: integers
# past what int() and repr() convert (4,300 digits), lists nested past repr's reach.
python_oddities = st.sampled_from(
    (
        (),
        ("a",),
        b"bytes",
        {"set"},
        date(2024, 1, 1),
        Fraction(1, 3),
        1.5,
        float("nan"),
        object(),
        10**5000,
        -(10**4400),
        _nested(3000),
        "9" * 4000 + "." + "9" * 4000,
    )
)

# Fragments that only exist as JSON text: nesting past every depth limit, numbers past 64
# bits and past Python's 4,300 digits, non-standard constants, escaped lone surrogates.
RAW_JSON = (
    "[" * 100 + "]" * 100,
    "[" * 1023 + "]" * 1023,
    "[" * 1025 + "]" * 1025,
    "[" * 5000 + "]" * 5000,
    '{"a":' * 1100 + "1" + "}" * 1100,
    *(
        '{"kind":"compound","text":"x","parts":[' * n + '{"kind":"ongoing","text":"y"}' + "]}" * n
        for n in (50, 126, 400)
    ),
    "9" * 5000,
    "-" + "9" * 30,
    "18446744073709551616",
    "1e400",
    "-0",
    "1E2",
    "1.0",
    "NaN",
    "-Infinity",
    '"\\ud800"',
    '"a\\udc00b"',
    '"\\ud83d\\ude00"',
    '"\\u0000"',
    '"\\u0301"',
    '"x\\u0303\\n\\u0303"',
)
_RAW = "\x00RAW{}\x00"
_DUPLICATE = "\x00DUP{}\x00"
MUTATIONS = (
    "delete",
    "retype",
    "raw",
    "unknown key",
    "duplicate key",
    "duplicate item",
    "text",
    "number",
    "empty",
    "swap",
)


@cache
def _paths(document: bytes) -> tuple[tuple[object, ...], ...]:
    """Every path (keys and indexes) in the JSON *document*, the root first."""
    found: list[tuple[object, ...]] = []
    stack: list[tuple[tuple[object, ...], object]] = [((), json.loads(document))]
    while stack:
        path, node = stack.pop()
        found.append(path)
        if isinstance(node, dict):
            stack.extend(((*path, k), v) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend(((*path, i), v) for i, v in enumerate(node))
    return tuple(found)


def _at(root: object, path: tuple[object, ...]) -> tuple[Any, Any] | None:
    """(parent, key) of *path* in *root*, or None if an earlier change removed it."""
    parent: Any = None
    node: Any = root
    key: Any = None
    for step in path:
        found = (isinstance(node, dict) and step in node) or (
            isinstance(node, list) and isinstance(step, int) and step < len(node)
        )
        if not found:
            return None
        parent, key, node = node, step, node[step]
    return parent, key


@st.composite
def mutated_json(draw: st.DrawFn, document: bytes) -> tuple[str, Any, bool, bool]:
    """JSON text made from *document* by 0–3 mutations; with the data, whether the text
    repeats a key, and whether raw fragments went in.

    The data is the mutated value before raw fragments (deep nesting, huge numbers, NaN,
    escaped surrogates) replace their placeholders in the text: without them, it is the
    text's value.
    """
    data: Any = {"root": json.loads(document)}
    raws: list[str] = []
    duplicates: list[str] = []
    for _ in range(draw(st.integers(0, 3))):
        path = ("root", *draw(st.sampled_from(_paths(document))))
        place = _at(data, path)
        if place is None:
            continue
        parent, key = place
        node = parent[key]
        kind = draw(st.sampled_from(MUTATIONS))
        if kind == "delete" and key != "root":
            del parent[key]
        elif kind == "retype":
            parent[key] = draw(json_values)
        elif kind == "raw":
            raws.append(draw(st.sampled_from(RAW_JSON)))
            parent[key] = _RAW.format(len(raws) - 1)
        elif kind == "unknown key" and isinstance(node, dict):
            node[draw(weird_texts)] = draw(json_values)
        elif kind == "duplicate key" and isinstance(node, dict) and node:
            duplicates.append(draw(st.sampled_from(sorted(node))))
            node[_DUPLICATE.format(len(duplicates) - 1)] = draw(json_values)
        elif kind == "duplicate item" and isinstance(node, list) and node:
            node.append(json.loads(json.dumps(draw(st.sampled_from(node)))))
        elif kind == "text" and isinstance(node, str):
            parent[key] = draw(
                st.sampled_from(
                    (
                        unicodedata.normalize("NFD", node),
                        node + draw(weird_texts),
                        draw(weird_texts) + node,
                        node[: draw(st.integers(0, len(node)))],
                    )
                )
            )
        elif kind == "number" and isinstance(node, int) and not isinstance(node, bool):
            parent[key] = draw(st.one_of(edge_ints, st.just(str(node)), st.just(float(node))))
        elif kind == "empty" and isinstance(node, list | dict):
            node.clear()
        elif kind == "swap" and isinstance(node, list) and len(node) > 1:
            i, j = draw(st.permutations(range(len(node))))[:2]
            node[i], node[j] = node[j], node[i]
    text = json.dumps(
        data["root"], ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from((None, 2)))
    )
    for i, raw in enumerate(raws):
        text = text.replace(json.dumps(_RAW.format(i)), raw)
    repeats = False  # a later mutation may have removed the object with the repeated key
    for i, key in enumerate(duplicates):
        placeholder = json.dumps(_DUPLICATE.format(i))
        repeats |= placeholder in text
        text = text.replace(placeholder, json.dumps(key))
    return text, data["root"], repeats, bool(raws)


ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1258", "latin-1")
"""How a text may reach us as bytes; the first three are the ones de_an06 reads."""
READABLE = ENCODINGS[:3]


@st.composite
def encoded(draw: st.DrawFn, text: str) -> tuple[bytes, str] | None:
    """*text* as bytes in some encoding, with the encoding; None if it cannot be encoded."""
    encoding = draw(st.sampled_from(ENCODINGS))
    try:
        return text.encode(encoding), encoding
    except UnicodeEncodeError:
        return None


# CSV files of counts and annex tables: headers from every spelling de_an06 reads, cells
# from good values of the observation plan's kind mixed with odd ones.
_CSV_HEADERS = {
    "indicator": ("indicator", "Chỉ tiêu", "MÃ CHỈ TIÊU"),
    "unit": ("unit", "Đơn vị báo cáo", unicodedata.normalize("NFD", "Đơn vị")),
    "period": ("period", "Kỳ báo cáo"),
    "numerator": ("numerator", "Trực tuyến", "Tử số"),
    "denominator": ("denominator", "Tổng số hồ sơ tiếp nhận", "Mẫu số"),
    "service": ("service", "STT"),
    "service_name": ("Tên thủ tục hành chính",),
    "connected": ("connected", "Kết nối với cổng dịch vụ công quốc gia (tích x)"),
    "ignored": ("Tỉ lệ", "GHI CHÚ"),
}
_COUNTS = st.one_of(
    st.integers(0, 10**6).map(str),
    edge_ints.map(str),
    st.sampled_from(("", " 7 ", "1.5", "-3", "1,000", "1.000", "12abc", "١٢", "０", "x")),
    st.sampled_from(("0" * 30 + "7", "9" * 20, "9" * 4400)),
)


def csv_cells(
    indicators: list[str], units: list[str], services: list[str]
) -> dict[str, tuple[Any, Any]]:
    """(good, any) cell strategies per column, from a plan's indicator IDs, unit names
    and services (each good value alone must be read)."""
    periods = st.sampled_from(("202401", "202406", "2024Q2", "2024S1", "2024"))
    good = {
        "indicator": st.sampled_from(indicators),
        "unit": st.sampled_from(units),
        "period": periods,
        "numerator": st.integers(0, 10**6).map(str),
        "denominator": st.integers(0, 10**6).map(str),
        "service": st.sampled_from(services),
        "service_name": st.just(""),
        "connected": st.sampled_from(("x", "", "có", "không", "yes", "0")),
        "ignored": weird_texts,
    }
    odd = {
        "numerator": _COUNTS,
        "denominator": _COUNTS,
        "period": st.one_of(periods, st.just("")),
    }
    return {c: (g, st.one_of(g, odd.get(c, weird_texts))) for c, g in good.items()}


@attrs.frozen
class CsvCase:
    """A generated CSV file: its text, header, rows by column and whether it was damaged."""

    text: str
    header: dict[str, str]  # column → the header written for it
    rows: list[dict[str, str]]
    damaged: bool  # cut, or given a stray quote, NUL, CR or an over-long field after writing


@st.composite
def csv_tables(
    draw: st.DrawFn,
    cells: dict[str, tuple[Any, Any]],
    columns: tuple[str, ...],
    required: tuple[str, ...],
) -> CsvCase:
    """CSV text with a header naming *columns*, rows of *cells*: half the time a clean
    file (the *required* columns, good cells, numerators within their denominators),
    else any columns (and odd ones), any cells, sometimes damaged after writing."""
    clean = draw(st.booleans())
    if clean:
        chosen = [*required, *draw(st.sets(st.sampled_from(columns)))]
        chosen = [*dict.fromkeys(chosen)]
        row = st.fixed_dictionaries({c: cells[c][0] for c in chosen}).map(within_share)
    else:
        chosen = draw(
            st.lists(st.sampled_from(columns), min_size=1, max_size=len(columns) + 1).map(
                lambda c: [*dict.fromkeys(c)]
            )
        )
        row = st.fixed_dictionaries({c: cells[c][1] for c in chosen})
    header = {c: draw(st.sampled_from(_CSV_HEADERS[c])) for c in chosen}
    names = list(header.values())
    if not clean and draw(st.integers(0, 9)) == 0:
        names.append(draw(weird_texts))  # an unknown column
    rows = draw(st.lists(row, max_size=12))
    buffer = io.StringIO()
    writer = csv.writer(
        buffer,
        quoting=draw(st.sampled_from((csv.QUOTE_MINIMAL, csv.QUOTE_ALL))),
        lineterminator=draw(st.sampled_from(("\r\n", "\n", "\r"))),
    )
    writer.writerow(names)
    for values in rows:
        writer.writerow([values[c] for c in chosen])
    text = buffer.getvalue()
    damaged = not clean and draw(st.integers(0, 9)) == 0
    if damaged:
        cut = draw(st.integers(0, len(text)))
        junk = draw(st.sampled_from(('"', "\x00", "\r", "x" * 140_000, "")))
        text = text[:cut] + junk + text[cut:]
    return CsvCase(text=text, header=header, rows=rows, damaged=damaged)


def within_share(row: dict[str, str]) -> dict[str, str]:
    """*row* with its numerator at most its denominator (a share cannot pass 100%)."""
    if "numerator" in row and "denominator" in row:
        low, high = sorted((int(row["numerator"]), int(row["denominator"])))
        return {**row, "numerator": str(low), "denominator": str(high)}
    return row


__all__ += [
    "ENCODINGS",
    "MUTATIONS",
    "RAW_JSON",
    "READABLE",
    "WEIRD_PIECES",
    "CsvCase",
    "csv_cells",
    "csv_tables",
    "edge_ints",
    "encoded",
    "json_values",
    "mutated_json",
    "python_oddities",
    "weird_texts",
    "within_share",
]
