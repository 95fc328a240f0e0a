"""Run the examples in the README, the docs and the docstrings as tests (with Sybil)."""

from __future__ import annotations

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser
from sybil.parsers.rest import DocTestParser

OPTIONS = ELLIPSIS | NORMALIZE_WHITESPACE

markdown = Sybil(
    parsers=[PythonCodeBlockParser(doctest_optionflags=OPTIONS)],
    patterns=["README.md", "docs/*.md"],
)
docstrings = Sybil(parsers=[DocTestParser(optionflags=OPTIONS)], patterns=["src/**/*.py"])

pytest_collect_file = (markdown + docstrings).pytest()
