"""The versions of the code and of the bundled data: the one place each is written.

`pyproject.toml` reads `__version__` from here (hatchling's `[tool.hatch.version]`), and
`CITATION.cff` is generated from `DATA_VERSION` by `rso.cite("cff")`; a test checks it.
"""

from __future__ import annotations

from typing import Final

__version__ = "2026.11.1"
"""The version of the Python package (CalVer `YYYY.MM.MICRO`)."""

DATA_VERSION: Final = "2026.12.3"
"""The version of the bundled dataset (CalVer `YYYY.MM.MICRO`)."""

DATA_RELEASED: Final = "2026-12-01"
"""The day `DATA_VERSION` was released, for the citation."""
