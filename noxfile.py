"""The sessions CI runs, for contributors: tests, slow, browser, fuzz, lint, types, docs, bench.

`nox -s NAME` runs one session, `nox` alone runs tests, lint and types, and `.ci/run` runs
them all against the built wheel from a clean clone.

Every session runs in the current environment and installs nothing (`venv_backend="none"`),
so they work offline and take no time to set up: install the project once with
`pip install -e '.[dev]'`, which brings nox too. Arguments after `--` go to the tool, e.g.
`nox -s tests -- tests/test_queries.py -x`. `HYPOTHESIS_PROFILE=ci nox -s tests slow` runs
the properties with as many examples as CI does.
"""

from __future__ import annotations

import os
import sys

import nox

nox.options.default_venv_backend = "none"
nox.options.sessions = ["tests", "lint", "types"]

PYTHON = sys.executable
"""The interpreter nox runs in: the environment the project is installed in."""
SITE_DIR = "RU_SO_RELATIONS_SITE_DIR"
"""A folder for the built docs site; the docs-site tests read it instead of building their own."""


def pytest(session: nox.Session, *args: str, env: dict[str, str] | None = None) -> None:
    """Run pytest: any exit code but 0 fails the session, 5 (no test collected) included."""
    session.run(PYTHON, "-m", "pytest", *args, *session.posargs, env=env, success_codes=[0])


@nox.session
def tests(session: nox.Session) -> None:
    """The README's test command, `python -m pytest`: every test but the slow ones."""
    pytest(session)


@nox.session
def slow(session: nox.Session) -> None:
    """The tests marked slow but not browser: the docs site, the command line in a subprocess.

    The docs-site tests build the site once, or read it from $RU_SO_RELATIONS_SITE_DIR when set
    (`nox -s docs` builds it there).
    """
    pytest(session, "-m", "slow and not browser")


@nox.session
def browser(session: nox.Session) -> None:
    """The tests marked browser: the built docs site in headless Chromium, driven by Selenium.

    They need Debian's `chromium` and `chromium-driver` (`apt-get install chromium-driver`) and
    skip without them, unless $RU_SO_RELATIONS_REQUIRE_BROWSER is set. The site is read from
    $RU_SO_RELATIONS_SITE_DIR when set, or built once; screenshots go to
    $RU_SO_RELATIONS_SCREENSHOTS when set.
    """
    pytest(session, "-m", "browser")


@nox.session
def fuzz(session: nox.Session) -> None:
    """tests/test_fuzz.py with the fuzz Hypothesis profile (1000 examples a test), 2 workers."""
    pytest(session, "tests/test_fuzz.py", "-n", "2", env={"HYPOTHESIS_PROFILE": "fuzz"})


@nox.session
def lint(session: nox.Session) -> None:
    """Ruff's lint rules and formatting check."""
    session.run(PYTHON, "-m", "ruff", "check", ".")
    session.run(PYTHON, "-m", "ruff", "format", "--check", ".")


@nox.session
def types(session: nox.Session) -> None:
    """Mypy in strict mode on the package and the typing tests."""
    session.run(PYTHON, "-m", "mypy", "--strict", "src", "tests/typing")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the docs site, warnings as errors, into $RU_SO_RELATIONS_SITE_DIR or `site/`."""
    site = os.environ.get(SITE_DIR, "site")
    session.run(
        PYTHON,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--site-dir",
        site,
        env={"NO_MKDOCS_2_WARNING": "1"},
    )


@nox.session
def bench(session: nox.Session) -> None:
    """The benchmarks, once at 1,000 events (or with the arguments given after `--`)."""
    session.run(PYTHON, "benchmarks/run.py", *(session.posargs or ["--sizes", "1000"]))
