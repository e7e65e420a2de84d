"""de_an06: a province's Đề án 06/CP plan as typed objects, and the questions asked of it.

>>> import de_an06
>>> plan = de_an06.load_plan("son-la-2024")
>>> plan.decision.number
'161/QĐ-UBND'
"""

# One table, name -> module, is the facade: the lazy loader and `__all__` derive from it,
# and the TYPE_CHECKING imports below repeat it for type checkers (tests/test_facade.py
# proves the two agree). Names are imported on first use (PEP 562), so that
# `import de_an06` and the command line start fast: a command that never evaluates
# counts never imports numpy, one that never parses wording never compiles the grammar.
from typing import TYPE_CHECKING

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "Achievement": ".achievement",
    "add_working_days": ".workdays",
    "Agency": ".agency",
    "AgencyGroup": ".agency",
    "AgencyLookupError": ".errors",
    "Aggregation": ".indicator",
    "MeasureKind": ".indicator",
    "Annex": ".services",
    "annex_report": ".annex_reporting",
    "AnnexReport": ".annex_reporting",
    "AnnexRow": ".annex_reporting",
    "AnnexRowKind": ".annex_reporting",
    "AsDirected": ".deadline",
    "Assignment": ".task",
    "audit": ".auditing",
    "build_report": ".report",
    "official_report": ".report",
    "bundled_plans": ".loading",
    "CalendarDataError": ".errors",
    "Coded": ".observations",
    "Comparator": ".indicator",
    "Compound": ".deadline",
    "Confidence": ".confidence",
    "Deadline": ".deadline",
    "DateRangeError": ".errors",
    "DeadlineSyntaxError": ".errors",
    "DeAn06Error": ".errors",
    "Decision": ".plan",
    "DEFAULT_WITHIN": ".schedule",
    "Directory": ".directory",
    "due_status": ".schedule",
    "DuePolicy": ".workdays",
    "DueStatus": ".schedule",
    "DueTask": ".schedule",
    "dump_plan": ".loading",
    "dumps_plan": ".loading",
    "evaluate": ".achievement",
    "EventKind": ".succession",
    "ExportError": ".errors",
    "Finding": ".auditing",
    "format_percent": ".achievement",
    "Frequency": ".reporting",
    "Hierarchy": ".rollup",
    "import_documents": ".importer",
    "import_file": ".importer",
    "import_text": ".importer",
    "ImportNote": ".importer",
    "ImportResult": ".importer",
    "Indicator": ".indicator",
    "is_too_tight": ".workdays",
    "is_working_day": ".workdays",
    "Level": ".agency",
    "load_plan": ".loading",
    "load_successions": ".succession",
    "loads_plan": ".loading",
    "Locality": ".locality",
    "LocalityLookupError": ".errors",
    "lookup_key": ".directory",
    "Measure": ".indicator",
    "Mention": ".task",
    "ModelValueError": ".errors",
    "next_working_day": ".workdays",
    "Node": ".rollup",
    "Objective": ".indicator",
    "ObservationDataError": ".errors",
    "ObservationProblem": ".errors",
    "Observations": ".observations",
    "OnDate": ".deadline",
    "Ongoing": ".deadline",
    "ongoing_tasks": ".schedule",
    "overdue_tasks": ".schedule",
    "parse_deadline": "._deadline_parser",
    "PeriodIdError": ".errors",
    "PeriodUnit": ".deadline",
    "PilotModels": ".plan",
    "Plan": ".plan",
    "plan_from_dict": ".loading",
    "plan_to_dict": ".loading",
    "PlanDataError": ".errors",
    "PlanTextError": ".errors",
    "previous_working_day": ".workdays",
    "principle_checks": ".auditing",
    "PrincipleCheck": ".auditing",
    "Problem": ".errors",
    "Relation": ".deadline",
    "RelativeToEvent": ".deadline",
    "Report": ".report",
    "ReportingPeriod": ".reporting",
    "ReportingRegime": ".reporting",
    "ReportingRule": ".reporting",
    "resolve_agency": ".directory",
    "resolve_locality": ".directory",
    "responsibility_matrix": ".matrix",
    "ResponsibilityMatrix": ".matrix",
    "Role": ".task",
    "RoleLine": ".task",
    "roll_up": ".rollup",
    "RollUp": ".rollup",
    "SCHEMA_VERSION": ".loading",
    "Scope": ".indicator",
    "ScopeKind": ".indicator",
    "Service": ".services",
    "ServiceSection": ".services",
    "Severity": ".auditing",
    "shift_due": ".workdays",
    "shifted_due": ".workdays",
    "shortfall": ".achievement",
    "Status": ".achievement",
    "SuccessionDataError": ".errors",
    "SuccessionEvent": ".succession",
    "Successions": ".succession",
    "successions_for": ".succession",
    "Target": ".indicator",
    "target_text": ".achievement",
    "TargetOverride": ".indicator",
    "Task": ".task",
    "TaskGroup": ".task",
    "tasks_due_between": ".schedule",
    "tasks_due_within": ".schedule",
    "undetermined_tasks": ".schedule",
    "Unit": ".indicator",
    "UNIT_KINDS": ".agency",
    "UnknownKeyError": ".errors",
    "Unparsed": ".deadline",
    "WithinPeriod": ".deadline",
    "working_days_after_cutoff": ".workdays",
    "working_days_between": ".workdays",
    "WorkingCalendar": ".workdays",
    "WorkloadRow": ".matrix",
    # The progress ledger (issue #15).
    "Ledger": ".ledger.store",
    "open_ledger": ".ledger.store",
    "ledger_location": ".ledger.store",
    "LedgerError": ".ledger.model",
    "TaskEvent": ".ledger.model",
    "TaskStatus": ".ledger.model",
    "Submission": ".ledger.model",
    "ObservationRow": ".ledger.model",
    "Connected": ".ledger.model",
    "task_states": ".ledger.queries",
    "TaskState": ".ledger.queries",
    "Progress": ".ledger.queries",
    "completeness": ".ledger.queries",
    "ReportCell": ".ledger.queries",
    "Timeliness": ".ledger.queries",
    "expected_reporters": ".ledger.queries",
    "reporters_of": ".ledger.queries",
    "task_history": ".ledger.queries",
}

__all__ = sorted(_EXPORTS)  # noqa: PLE0605  (built from the one table)


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        msg = f"module 'de_an06' has no attribute {name!r}"
        raise AttributeError(msg)
    from importlib import import_module

    value = getattr(import_module(module, __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:
    from ._deadline_parser import (
        parse_deadline as parse_deadline,
    )
    from .achievement import (
        Achievement as Achievement,
        Status as Status,
        evaluate as evaluate,
        format_percent as format_percent,
        shortfall as shortfall,
        target_text as target_text,
    )
    from .agency import (
        UNIT_KINDS as UNIT_KINDS,
        Agency as Agency,
        AgencyGroup as AgencyGroup,
        Level as Level,
    )
    from .annex_reporting import (
        AnnexReport as AnnexReport,
        AnnexRow as AnnexRow,
        AnnexRowKind as AnnexRowKind,
        annex_report as annex_report,
    )
    from .auditing import (
        Finding as Finding,
        PrincipleCheck as PrincipleCheck,
        Severity as Severity,
        audit as audit,
        principle_checks as principle_checks,
    )
    from .confidence import (
        Confidence as Confidence,
    )
    from .deadline import (
        AsDirected as AsDirected,
        Compound as Compound,
        Deadline as Deadline,
        OnDate as OnDate,
        Ongoing as Ongoing,
        PeriodUnit as PeriodUnit,
        Relation as Relation,
        RelativeToEvent as RelativeToEvent,
        Unparsed as Unparsed,
        WithinPeriod as WithinPeriod,
    )
    from .directory import (
        Directory as Directory,
        lookup_key as lookup_key,
        resolve_agency as resolve_agency,
        resolve_locality as resolve_locality,
    )
    from .errors import (
        AgencyLookupError as AgencyLookupError,
        CalendarDataError as CalendarDataError,
        DateRangeError as DateRangeError,
        DeadlineSyntaxError as DeadlineSyntaxError,
        DeAn06Error as DeAn06Error,
        ExportError as ExportError,
        LocalityLookupError as LocalityLookupError,
        ModelValueError as ModelValueError,
        ObservationDataError as ObservationDataError,
        ObservationProblem as ObservationProblem,
        PeriodIdError as PeriodIdError,
        PlanDataError as PlanDataError,
        PlanTextError as PlanTextError,
        Problem as Problem,
        SuccessionDataError as SuccessionDataError,
        UnknownKeyError as UnknownKeyError,
    )
    from .importer import (
        ImportNote as ImportNote,
        ImportResult as ImportResult,
        import_documents as import_documents,
        import_file as import_file,
        import_text as import_text,
    )
    from .indicator import (
        Aggregation as Aggregation,
        Comparator as Comparator,
        Indicator as Indicator,
        Measure as Measure,
        MeasureKind as MeasureKind,
        Objective as Objective,
        Scope as Scope,
        ScopeKind as ScopeKind,
        Target as Target,
        TargetOverride as TargetOverride,
        Unit as Unit,
    )
    from .ledger.model import (
        Connected as Connected,
        LedgerError as LedgerError,
        ObservationRow as ObservationRow,
        Submission as Submission,
        TaskEvent as TaskEvent,
        TaskStatus as TaskStatus,
    )
    from .ledger.queries import (
        Progress as Progress,
        ReportCell as ReportCell,
        TaskState as TaskState,
        Timeliness as Timeliness,
        completeness as completeness,
        expected_reporters as expected_reporters,
        reporters_of as reporters_of,
        task_history as task_history,
        task_states as task_states,
    )
    from .ledger.store import (
        Ledger as Ledger,
        ledger_location as ledger_location,
        open_ledger as open_ledger,
    )
    from .loading import (
        SCHEMA_VERSION as SCHEMA_VERSION,
        bundled_plans as bundled_plans,
        dump_plan as dump_plan,
        dumps_plan as dumps_plan,
        load_plan as load_plan,
        loads_plan as loads_plan,
        plan_from_dict as plan_from_dict,
        plan_to_dict as plan_to_dict,
    )
    from .locality import (
        Locality as Locality,
    )
    from .matrix import (
        ResponsibilityMatrix as ResponsibilityMatrix,
        WorkloadRow as WorkloadRow,
        responsibility_matrix as responsibility_matrix,
    )
    from .observations import (
        Coded as Coded,
        Observations as Observations,
    )
    from .plan import (
        Decision as Decision,
        PilotModels as PilotModels,
        Plan as Plan,
    )
    from .report import (
        Report as Report,
        build_report as build_report,
        official_report as official_report,
    )
    from .reporting import (
        Frequency as Frequency,
        ReportingPeriod as ReportingPeriod,
        ReportingRegime as ReportingRegime,
        ReportingRule as ReportingRule,
    )
    from .rollup import (
        Hierarchy as Hierarchy,
        Node as Node,
        RollUp as RollUp,
        roll_up as roll_up,
    )
    from .schedule import (
        DEFAULT_WITHIN as DEFAULT_WITHIN,
        DueStatus as DueStatus,
        DueTask as DueTask,
        due_status as due_status,
        ongoing_tasks as ongoing_tasks,
        overdue_tasks as overdue_tasks,
        tasks_due_between as tasks_due_between,
        tasks_due_within as tasks_due_within,
        undetermined_tasks as undetermined_tasks,
    )
    from .services import (
        Annex as Annex,
        Service as Service,
        ServiceSection as ServiceSection,
    )
    from .succession import (
        EventKind as EventKind,
        SuccessionEvent as SuccessionEvent,
        Successions as Successions,
        load_successions as load_successions,
        successions_for as successions_for,
    )
    from .task import (
        Assignment as Assignment,
        Mention as Mention,
        Role as Role,
        RoleLine as RoleLine,
        Task as Task,
        TaskGroup as TaskGroup,
    )
    from .workdays import (
        DuePolicy as DuePolicy,
        WorkingCalendar as WorkingCalendar,
        add_working_days as add_working_days,
        is_too_tight as is_too_tight,
        is_working_day as is_working_day,
        next_working_day as next_working_day,
        previous_working_day as previous_working_day,
        shift_due as shift_due,
        shifted_due as shifted_due,
        working_days_after_cutoff as working_days_after_cutoff,
        working_days_between as working_days_between,
    )
