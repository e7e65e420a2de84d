"""The indicators, services and audit commands."""

from __future__ import annotations

import json

import pytest

from de_an06.cli import main


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, object]:
    code = main([*argv, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def test_indicators_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code, records = run_json(capsys, "indicators")
    assert code == 0
    assert isinstance(records, list)
    for record in records:
        assert {"id", "text", "target", "overrides"} <= set(record)
        if record["target"] is not None:
            assert {"comparator", "value"} <= set(record["target"])
        for override in record["overrides"]:
            assert {"scope", "target"} <= set(override)


def test_services_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code, records = run_json(capsys, "services")
    assert code == 0
    assert isinstance(records, list)
    for record in records:
        assert {"section", "number", "name", "reporting_units"} <= set(record)


def test_audit_json_and_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    code, findings = run_json(capsys, "audit")
    assert isinstance(findings, list)
    has_error = any(f["severity"] == "error" for f in findings)
    assert code == (1 if has_error else 0)
    for finding in findings:
        assert {"severity", "code", "location", "path", "message", "value"} <= set(finding)


def test_audit_principle_table(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["audit", "--principle"])
    out = capsys.readouterr().out
    assert code == 0
    assert "rõ người" in out


def test_audit_bad_plan_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "--plan", "does-not-exist.json"]) == 2
    assert "does-not-exist.json" in capsys.readouterr().err
