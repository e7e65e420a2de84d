"""Hypothesis strategies for every de_an06 model type, in one place."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from de_an06 import (
    Agency,
    AgencyGroup,
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
