"""How to cite the dataset: plain text and BibTeX for the data version in use."""

from __future__ import annotations

from typing import Final

from ru_so_relations._dataset import DATA_VERSION

TITLE: Final = "ru_so_relations: a curated, sourced dataset of Russia–South Ossetia relations"
AUTHOR: Final = "The ru_so_relations contributors"


def _bibtex(text: str) -> str:
    """Escape the characters of `text` that BibTeX treats specially (here, underscores)."""
    return text.replace("_", r"\_")


def cite(style: str = "text") -> str:
    """The citation of the bundled dataset's version, as plain text or BibTeX.

    Args:
        style: `text` (the default) or `bibtex`.

    Returns:
        The citation, naming the data version (`DATA_VERSION`) and the code version.

    Raises:
        ValueError: If `style` is neither.

    Examples:
        >>> import ru_so_relations as rso
        >>> rso.cite().startswith("The ru_so_relations contributors (2026).")
        True
        >>> print(rso.cite("bibtex").splitlines()[0])
        @misc{ru_so_relations_2026_11_1,
    """
    from importlib.metadata import version

    code = version("ru-so-relations")
    year = DATA_VERSION.split(".")[0]
    if style == "text":
        return (
            f"{AUTHOR} ({year}). {TITLE}. Data version {DATA_VERSION} "
            f"(Python package ru-so-relations {code}). MIT licence."
        )
    if style == "bibtex":
        key = "ru_so_relations_" + DATA_VERSION.replace(".", "_")
        return "\n".join(
            [
                f"@misc{{{key},",
                f"  author = {{{{{_bibtex(AUTHOR)}}}}},",
                f"  title = {{{_bibtex(TITLE)}}},",
                f"  year = {{{year}}},",
                f"  version = {{{DATA_VERSION}}},",
                f"  note = {{Data version {DATA_VERSION}; Python package ru-so-relations {code}}},",
                "}",
            ]
        )
    msg = f"unknown citation style {style!r}; expected 'text' or 'bibtex'"
    raise ValueError(msg)
