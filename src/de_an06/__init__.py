"""de_an06: a province's Đề án 06/CP plan as typed objects, and the questions asked of it.

>>> import de_an06
>>> plan = de_an06.load_plan("son-la-2024")
>>> plan.decision.number
'161/QĐ-UBND'
"""

from .agency import Agency, AgencyGroup, Level
from .audit import Finding, PrincipleCheck, audit, principle_checks
from .deadline import (
    AsDirected,
    Compound,
    Deadline,
    OnDate,
    Ongoing,
    PeriodUnit,
    Relation,
    RelativeToEvent,
    Unparsed,
    WithinPeriod,
)
from .errors import (
    AgencyLookupError,
    DeadlineSyntaxError,
    DeAn06Error,
    ModelValueError,
    PeriodIdError,
    PlanDataError,
    Problem,
    UnknownKeyError,
)
from .indicator import (
    Aggregation,
    Comparator,
    Indicator,
    Measure,
    Objective,
    Scope,
    ScopeKind,
    Target,
    TargetOverride,
    Unit,
)
from .loading import (
    SCHEMA_VERSION,
    bundled_plans,
    dump_plan,
    dumps_plan,
    load_plan,
    loads_plan,
    plan_from_dict,
    plan_to_dict,
)
from .locality import Locality
from .plan import Decision, PilotModels, Plan
from .reporting import Frequency, ReportingPeriod, ReportingRegime, ReportingRule
from .services import Annex, Service, ServiceSection
from .task import Assignment, Mention, Role, RoleLine, Task, TaskGroup

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Agency",
    "AgencyGroup",
    "AgencyLookupError",
    "Aggregation",
    "Annex",
    "AsDirected",
    "Assignment",
    "Comparator",
    "Compound",
    "DeAn06Error",
    "Deadline",
    "DeadlineSyntaxError",
    "Decision",
    "Finding",
    "Frequency",
    "Indicator",
    "Level",
    "Locality",
    "Measure",
    "Mention",
    "ModelValueError",
    "Objective",
    "OnDate",
    "Ongoing",
    "PeriodIdError",
    "PeriodUnit",
    "PilotModels",
    "Plan",
    "PlanDataError",
    "PrincipleCheck",
    "Problem",
    "Relation",
    "RelativeToEvent",
    "ReportingPeriod",
    "ReportingRegime",
    "ReportingRule",
    "Role",
    "RoleLine",
    "Scope",
    "ScopeKind",
    "Service",
    "ServiceSection",
    "Target",
    "TargetOverride",
    "Task",
    "TaskGroup",
    "Unit",
    "UnknownKeyError",
    "Unparsed",
    "WithinPeriod",
    "audit",
    "bundled_plans",
    "dump_plan",
    "dumps_plan",
    "load_plan",
    "loads_plan",
    "plan_from_dict",
    "plan_to_dict",
    "principle_checks",
]
