"""The indicators, services and audit commands."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import Run


def run_json(run: Run, *argv: str) -> tuple[int, object]:
    code, out, _ = run(*argv, "--format", "json")
    return code, json.loads(out)


def test_indicators_keys(run: Run) -> None:
    code, records = run_json(run, "indicators")
    assert code == 0
    assert isinstance(records, list)
    for record in records:
        assert {"id", "text", "target", "overrides"} <= set(record)
        if record["target"] is not None:
            assert {"comparator", "value"} <= set(record["target"])
        for override in record["overrides"]:
            assert {"scope", "target"} <= set(override)


def test_services_keys(run: Run) -> None:
    code, records = run_json(run, "services")
    assert code == 0
    assert isinstance(records, list)
    for record in records:
        assert {"section", "number", "name", "reporting_units"} <= set(record)


def test_audit_json_and_exit_code(run: Run) -> None:
    code, findings = run_json(run, "audit")
    assert isinstance(findings, list)
    has_error = any(f["severity"] == "error" for f in findings)
    assert code == (1 if has_error else 0)
    for finding in findings:
        assert {"severity", "code", "location", "path", "message", "value"} <= set(finding)


def test_audit_principle_table(run: Run) -> None:
    code, out, _ = run("audit", "--principle")
    assert code == 0
    assert "rõ người" in out
