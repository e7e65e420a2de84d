"""Hypothesis profiles: ``dev`` (fast default), ``ci`` (thorough), ``fuzz`` (tests/fuzz at
length: ``HYPOTHESIS_PROFILE=fuzz python -m pytest tests/fuzz -q``, over 100,000 inputs).
Pick with HYPOTHESIS_PROFILE."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=30, deadline=None)
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# Fuzz tests take a share of max_examples each (tests/fuzz/fuzzing.py: fuzz_settings).
settings.register_profile(
    "fuzz", max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
