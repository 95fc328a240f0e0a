"""Datasets, collections and records to and from JSON text, with every check.

Reading goes through the fast path (`_fast`) and, for anything it does not accept, record by
record through the cattrs converter (`_converter`), which builds the record or says what is
wrong with it. cattrs is imported only then, or when writing.
"""

from __future__ import annotations

import json
import re
import sys
from typing import TYPE_CHECKING, Any, Final, TypeVar, overload

from ru_so_relations._collections import Collection, collection_class
from ru_so_relations._dataset import (
    Dataset,
    duplicate_problems,
    reference_problems,
    verification_problems,
)
from ru_so_relations._errors import DataError, json_type
from ru_so_relations._registry import BY_RECORD, KEYS, KINDS, where

if TYPE_CHECKING:
    from ru_so_relations._models import (
        Actor,
        Agreement,
        Event,
        Figure,
        Office,
        Place,
        Publisher,
        Source,
        Stance,
    )

    Record = Actor | Agreement | Event | Figure | Office | Place | Publisher | Source | Stance

T = TypeVar("T")

_BOM_MESSAGE: Final = (
    "not valid JSON: the text starts with a byte-order mark; save it as UTF-8 without one"
)


@overload
def loads(text: str | bytes) -> Dataset: ...
@overload
def loads(text: str | bytes, into: type[T]) -> T: ...
def loads(text: str | bytes, into: type[Any] = Dataset) -> Any:
    """Read a dataset (or a collection or record) from JSON text.

    Args:
        text: JSON as `str`, or as UTF-8 `bytes`.
        into: What the JSON holds: `Dataset` (the default), a collection class such as
            `Events`, or a record class such as `Event`.

    Returns:
        The dataset, collection or record.

    Raises:
        DataError: If the text is not valid JSON or not a valid value of that type; the
            message lists every problem with its location.
        TypeError: If `into` is not a type this library reads.
    """
    if not _readable(into):
        msg = f"cannot read {into!r}: expected Dataset, a collection class or a record class"
        raise TypeError(msg)
    return structure(parse_json(text), into)


def _readable(into: object) -> bool:
    if into is Dataset or into in BY_RECORD:
        return True
    return any(into is collection_class(kind) for kind in KINDS)


def structure(value: Any, into: type[Any] = Dataset) -> Any:
    """Build a dataset, collection or record from parsed JSON, with every check."""
    if into is Dataset:
        return structure_dataset(value)
    for kind in KINDS:
        if into is collection_class(kind):
            return into(structure_records(value, kind.record, "records"))
    problems: list[str] = []
    record = _structure_one(value, into, into.__name__.lower(), problems)
    if problems:
        raise DataError(problems)
    return record


def dumps(obj: Dataset | Collection[Any] | Record) -> str:
    """Write a dataset, a collection or a record as canonical JSON text.

    The keys are the attribute names, in the order the classes declare them; records are in
    the collections' order; indentation is two spaces and the text ends with a newline. So
    the same data always gives the same text, and `loads(dumps(x)) == x`.

    Args:
        obj: What to write.

    Returns:
        The JSON text.

    Raises:
        TypeError: If `obj` is of another type.
    """
    return json.dumps(unstructure(obj), ensure_ascii=False, indent=2) + "\n"


def unstructure(obj: object) -> Any:
    """A dataset, collection or record as JSON-compatible data (keys are attribute names)."""
    from ru_so_relations._converter import converter

    if isinstance(obj, Dataset):
        out: dict[str, Any] = {"version": obj.version}
        for key in KEYS:
            out[key] = [converter.unstructure(r) for r in getattr(obj, key)]
        return out
    if isinstance(obj, Collection):
        return [converter.unstructure(r) for r in obj]
    if type(obj) in BY_RECORD:
        return converter.unstructure(obj)
    msg = f"cannot write {type(obj).__name__}: expected a Dataset, a collection or a record"
    raise TypeError(msg)


def _reject_constant(name: str) -> Any:
    msg = f"{name} is not a valid JSON number"
    raise ValueError(msg)


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                msg = f"the key {key!r} appears twice in one object"
                raise ValueError(msg)
            seen.add(key)
    return out


def parse_json(text: str | bytes) -> Any:
    """Parse JSON text strictly: UTF-8, no byte-order mark, no NaN, no repeated keys."""
    if isinstance(text, bytes | bytearray):
        if text.startswith(b"\xef\xbb\xbf"):
            raise DataError([_BOM_MESSAGE])
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            msg = f"not valid UTF-8: byte {exc.start}: {exc.reason}"
            raise DataError([msg]) from None
    elif not isinstance(text, str):
        msg = f"expected JSON text as str or bytes, not {type(text).__name__}"
        raise TypeError(msg)
    if text.startswith("\ufeff"):
        raise DataError([_BOM_MESSAGE])
    if not text.strip():
        raise DataError(["not valid JSON: the text is empty"])
    try:
        return json.loads(
            text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicate_keys
        )
    except json.JSONDecodeError as exc:
        msg = f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        raise DataError([msg]) from None
    except RecursionError:
        raise DataError(["not valid JSON: nested too deeply"]) from None
    except ValueError as exc:  # NaN/Infinity, duplicate keys, integers too long to convert
        too_long = _too_long_integer(text) if "integer string conversion" in str(exc) else None
        raise DataError([f"not valid JSON: {too_long or exc}"]) from None


_TOKEN: Final = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?')
"""A JSON string or number; what else JSON has holds no digits."""


def _too_long_integer(text: str) -> str | None:
    """Say where the first integer too long to convert is, or `None` if there is none.

    `json.loads` reports one without a position, with advice to change an interpreter
    setting; the text before it is valid JSON, so scanning its tokens finds it.
    """
    limit = sys.get_int_max_str_digits()
    for match in _TOKEN.finditer(text):
        digits = len(match[0].lstrip("-"))
        if limit and digits > limit and match[0][0] != '"' and match[0].lstrip("-").isdigit():
            at = json.JSONDecodeError("", text, match.start())
            return (
                f"integer too long ({digits} digits; at most {limit}) "
                f"(line {at.lineno}, column {at.colno})"
            )
    return None


def _structure_one(value: Any, record_type: type[T], at: str, problems: list[str]) -> T | None:
    from ru_so_relations._converter import converter, error_messages

    if not isinstance(value, dict):
        problems.append(f"{at}: expected an object, got {json_type(value)}")
        return None
    try:
        return converter.structure(value, record_type)
    except RecursionError:
        problems.append(f"{at}: nested too deeply")
    except Exception as exc:
        problems.extend(f"{at}: {line}" for line in error_messages(exc))
    return None


def structure_fast(value: list[Any], record_type: type[T]) -> list[T] | None:
    """The records built by the fast path, or `None` if it does not accept them all."""
    from ru_so_relations._fast import structure_for

    build = structure_for(record_type)
    try:
        return list(map(build, value))
    except Exception:  # the detailed path reports what is wrong
        return None


def _structure_each(
    value: list[Any], record_type: type[T], key: str, problems: list[str]
) -> list[T | None]:
    """Build each record by the fast path or, if it does not accept it, by the converter.

    A record the converter cannot build is `None` in the list, and its problems are added.
    """
    from ru_so_relations._fast import structure_for

    build = structure_for(record_type)
    built: list[T | None] = []
    for index, item in enumerate(value):
        try:
            built.append(build(item))
        except Exception:  # the converter builds it or says what is wrong
            record_id = item.get("id") if isinstance(item, dict) else None
            at = where(key, index, record_id)
            built.append(_structure_one(item, record_type, at, problems))
    return built


def structure_records(value: Any, record_type: type[T], key: str) -> list[T]:
    """Build the records of one collection from a parsed JSON array, with every check."""
    if not isinstance(value, list):
        raise DataError([f"{key}: expected an array, got {json_type(value)}"])
    problems: list[str] = []
    records = structure_fast(value, record_type)
    built = records if records is not None else _structure_each(value, record_type, key, problems)
    # ids by position in the file, so that a duplicate names the record it repeats
    problems.extend(duplicate_problems(key, [getattr(r, "id", None) for r in built]))
    if problems:
        raise DataError(problems)
    return records if records is not None else [r for r in built if r is not None]


def structure_dataset(value: Any) -> Dataset:
    """Build a dataset from parsed JSON (an object with a version and each collection)."""
    if not isinstance(value, dict):
        raise DataError([f"expected a dataset object at the top level, got {json_type(value)}"])
    problems: list[str] = []
    unknown = sorted(set(value) - {"version", *KEYS})
    if unknown:
        names = ", ".join(map(repr, unknown))
        problems.append(f"unknown top-level field{'s' if len(unknown) > 1 else ''} {names}")
    version = value.get("version")
    if "version" not in value:
        problems.append("version: required field is missing")
    elif not isinstance(version, str) or not version.strip():
        problems.append(f"version: expected a non-empty string, got {json_type(version)}")
    parsed: dict[str, list[Any]] = {}
    for kind in KINDS:
        if kind.key not in value:
            problems.append(f"{kind.key}: required field is missing")
            continue
        try:
            parsed[kind.key] = structure_records(value[kind.key], kind.record, kind.key)
        except DataError as exc:
            problems.extend(exc.problems)
    if not problems:
        problems.extend(reference_problems(parsed))
    if not problems:
        problems.extend(verification_problems(parsed))
    if problems:
        raise DataError(problems)
    assert isinstance(version, str)
    collections = {kind.key: collection_class(kind)(parsed[kind.key]) for kind in KINDS}
    return Dataset._from_checked(version, collections)
