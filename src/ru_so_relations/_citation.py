"""How to cite the dataset: plain text, BibTeX and CITATION.cff for the data version in use.

The repository's `CITATION.cff` is `cite("cff")`, generated from the constants here and in
`_version.py`, so the two cannot drift; a test checks that the file is up to date.
"""

from __future__ import annotations

import textwrap
from typing import Final

from ru_so_relations._version import DATA_RELEASED, DATA_VERSION, __version__

TITLE: Final = "ru_so_relations: a curated, sourced dataset of Russia–South Ossetia relations"
AUTHOR: Final = "The ru_so_relations contributors"
URL: Final = "https://example.invalid/ru-so-relations"
"""A placeholder: the project has no public address yet. `pyproject.toml`'s `[project.urls]`
and `CITATION.cff` use the same one (a test checks); change them together."""

STYLES: Final = ("text", "bibtex", "cff")
"""The citation styles `cite` writes."""

_MESSAGE: Final = (
    "If you use this dataset or library, please cite it as below, giving the data version you "
    "used (ru_so_relations.DATA_VERSION)."
)
_ABSTRACT: Final = (
    "Events, agreements, actors, places, offices and positions on status in the relations "
    "between Russia and South Ossetia, each record citing the public sources that support it, "
    "with dates that state their precision, names in several scripts and a verification "
    "status, packaged as a typed Python library."
)
_KEYWORDS: Final = (
    "South Ossetia",
    "Russia",
    "Georgia",
    "international relations",
    "event data",
    "dataset",
)


def _bibtex(text: str) -> str:
    """Escape the characters of `text` that BibTeX treats specially (here, underscores)."""
    return text.replace("_", r"\_")


def _folded(text: str) -> list[str]:
    """A long text as a YAML folded block (`>-`), wrapped at 96 columns."""
    return [">-", *textwrap.wrap(text, width=96, initial_indent="  ", subsequent_indent="  ")]


def _cff() -> str:
    lines = [
        "cff-version: 1.2.0",
        "message: " + "\n".join(_folded(_MESSAGE)),
        "type: dataset",
        f'title: "{TITLE}"',
        "abstract: " + "\n".join(_folded(_ABSTRACT)),
        "authors:",
        f"  - name: {AUTHOR}",
        f"version: {DATA_VERSION}",
        f'date-released: "{DATA_RELEASED}"',
        "license: MIT",
        f"repository-code: {URL}",
        f"url: {URL}",
        "keywords:",
        *(f"  - {keyword}" for keyword in _KEYWORDS),
    ]
    return "\n".join(lines) + "\n"


def cite(style: str = "text") -> str:
    """The citation of the bundled dataset's version, as plain text, BibTeX or CITATION.cff.

    Args:
        style: `text` (the default), `bibtex`, or `cff` (the Citation File Format file's
            content, as in the repository's `CITATION.cff`).

    Returns:
        The citation, naming the data version (`DATA_VERSION`); the text and BibTeX forms
        name the code version too.

    Raises:
        ValueError: If `style` is none of these.

    Examples:
        >>> import ru_so_relations as rso
        >>> rso.cite().startswith("The ru_so_relations contributors (2026).")
        True
        >>> print(rso.cite("bibtex").splitlines()[0])
        @misc{ru_so_relations_2026_12_3,
        >>> "version: 2026.12.3" in rso.cite("cff").splitlines()
        True
    """
    year = DATA_VERSION.split(".")[0]
    if style == "text":
        return (
            f"{AUTHOR} ({year}). {TITLE}. Data version {DATA_VERSION} "
            f"(Python package ru-so-relations {__version__}). MIT licence."
        )
    if style == "bibtex":
        key = "ru_so_relations_" + DATA_VERSION.replace(".", "_")
        note = f"Data version {DATA_VERSION}; Python package ru-so-relations {__version__}"
        return "\n".join(
            [
                f"@misc{{{key},",
                f"  author = {{{{{_bibtex(AUTHOR)}}}}},",
                f"  title = {{{_bibtex(TITLE)}}},",
                f"  year = {{{year}}},",
                f"  version = {{{DATA_VERSION}}},",
                f"  url = {{{URL}}},",
                f"  note = {{{note}}},",
                "}",
            ]
        )
    if style == "cff":
        return _cff()
    msg = f"unknown citation style {style!r}; expected 'text', 'bibtex' or 'cff'"
    raise ValueError(msg)
