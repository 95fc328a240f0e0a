"""Hypothesis profiles, chosen with the HYPOTHESIS_PROFILE environment variable.

- `default`: few examples, so that `python -m pytest` takes a few minutes at most; every
  property still runs, and a failure still shrinks.
- `ci`: what `.ci/run` (and `nox -s tests slow`) uses, with many more examples.
- `fuzz`: 1000 examples a test, for tests/test_fuzz.py (`nox -s fuzz`).
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
