"""Hypothesis profiles, chosen with the HYPOTHESIS_PROFILE environment variable.

- `default`: 20 examples a property, so that `python -m pytest` takes about a minute; every
  property still runs, and a failure still shrinks.
- `ci`: 200 examples a property, as `.ci/run` runs the tests (`HYPOTHESIS_PROFILE=ci`).
- `fuzz`: 1000 examples a test, for tests/test_fuzz.py (`nox -s fuzz` sets it).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "default", deadline=None, max_examples=20, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "fuzz",
    deadline=None,
    max_examples=1000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
