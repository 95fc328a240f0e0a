"""The library's exceptions."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable


def json_type(value: object) -> str:
    """Name a value's type as JSON calls it, for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


class DataError(ValueError):
    """A dataset, or a part of one, is not valid.

    The message lists every problem found, one a line, each with its location, e.g.
    `events[12] (id 'medvedev-visit-tskhinvali-2009'): date: '2009-02-30' is not a valid date`.
    """

    __module__ = "ru_so_relations"

    problems: tuple[str, ...]
    """Each problem found, with its location."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = tuple(problems) or ("invalid data",)
        count = len(self.problems)
        if count == 1:
            message = self.problems[0]
        else:
            lines = "\n".join(f"  {p}" for p in self.problems)
            message = f"{count} problems:\n{lines}"
        super().__init__(message)


class FieldError(ValueError):
    """A record's field has an invalid value; the message names the field."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


class FieldTypeError(FieldError, TypeError):
    """A record's field has a value of the wrong type; the message names the field."""
