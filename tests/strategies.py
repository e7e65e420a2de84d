"""Hypothesis strategies for every de_an06 model type, in one place (fuzz mutators of odd
inputs and damaged files: ``tests/fuzz/mutators.py``)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

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
