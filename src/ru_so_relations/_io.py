"""Reading and writing datasets, collections and records as JSON; the cached bundled dataset."""

from __future__ import annotations

import contextlib
import errno
import gc
import json
import os
import re
import secrets
import sys
import tempfile
import threading
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeVar, overload

from ru_so_relations._collections import (
    Actors,
    Agreements,
    Collection,
    Events,
    Offices,
    Places,
    Sources,
    Stances,
)
from ru_so_relations._dataset import (
    COLLECTIONS,
    Dataset,
    duplicate_problems,
    reference_problems,
    verification_problems,
    where,
)
from ru_so_relations._errors import DataError
from ru_so_relations._models import Actor, Agreement, Event, Office, Place, Source, Stance

if TYPE_CHECKING:
    from collections.abc import Iterator

T = TypeVar("T")
Record = Actor | Agreement | Event | Office | Place | Source | Stance

_BUNDLED: Final = "dataset.json"
_RECORD_TYPES: Final[dict[str, type[Any]]] = {
    "sources": Source,
    "actors": Actor,
    "places": Place,
    "offices": Office,
    "stances": Stance,
    "agreements": Agreement,
    "events": Event,
}
_COLLECTION_TYPES: Final[dict[type[Any], type[Any]]] = {
    Sources: Source,
    Actors: Actor,
    Places: Place,
    Offices: Office,
    Stances: Stance,
    Agreements: Agreement,
    Events: Event,
}

_BOM_MESSAGE: Final = (
    "not valid JSON: the text starts with a byte-order mark; save it as UTF-8 without one"
)

_lock = threading.Lock()
_bundled: Dataset | None = None


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """Load the bundled dataset, or a dataset file.

    The bundled dataset is read and validated on the first call only; later calls return the
    same object. A file is read afresh on each call.

    Args:
        path: A dataset file in the library's JSON format, or a folder written by
            `dump(ds, folder, format="jsonl")`; `None` for the bundled dataset.

    Returns:
        The dataset.

    Raises:
        DataError: If the file is not a valid dataset; the message lists every problem.
        OSError: If the file cannot be read.
    """
    global _bundled
    if path is not None:
        if Path(path).is_dir():
            from ru_so_relations._export import read_jsonl

            return read_jsonl(Path(path))
        return loads(Path(path).read_bytes())
    if _bundled is None:
        with _lock:
            if _bundled is None:
                data = resources.files("ru_so_relations").joinpath("data", _BUNDLED).read_bytes()
                _bundled = loads(data)
    return _bundled


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
    with _no_gc_pauses():
        return _loads(text, into)


@contextlib.contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """Hold off the cyclic garbage collector while reading, if it is on.

    Reading creates many objects and no reference cycles, so collections triggered on the
    way find nothing to free; they cost a fifth of the load time at 10,000 events.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _loads(text: str | bytes, into: type[Any]) -> Any:
    value = _parse_json(text)
    if into is Dataset:
        return _structure_dataset(value)
    if into in _COLLECTION_TYPES:
        records = _structure_records(value, _COLLECTION_TYPES[into], "records")
        return into(records)
    if into in _RECORD_TYPES.values():
        problems: list[str] = []
        record = _structure_one(value, into, _record_name(into), problems)
        if problems:
            raise DataError(problems)
        return record
    msg = f"cannot read {into!r}: expected Dataset, a collection class or a record class"
    raise TypeError(msg)


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
    return json.dumps(_unstructure(obj), ensure_ascii=False, indent=2) + "\n"


def dump(
    obj: Dataset | Collection[Any] | Record,
    path: str | os.PathLike[str],
    *,
    format: str = "json",
) -> None:
    """Write a dataset, a collection or a record to a file or folder, atomically.

    Each file is written to a temporary file in the same folder, flushed to disk, and renamed
    over its target; if anything fails on the way, an existing file is left as it was and the
    temporary file is removed.

    Args:
        obj: What to write. The formats other than `json` take a whole `Dataset`.
        path: The file (for `json`) or folder (for the others) to write.
        format: `json`, the library's format (one file; `load` reads it); `jsonl`, one JSON
            Lines file per collection plus a version file (`load` reads the folder back);
            `csv`, one CSV file per table plus a Frictionless `datapackage.json`; or
            `parquet`, one Parquet file per table (needs the `arrow` extra).

    Raises:
        TypeError: If `obj` is of another type, or not a `Dataset` for a tabular format.
        ValueError: If `format` is not one of these.
        ImportError: If `parquet` is asked for without pyarrow installed.
        OSError: If a file cannot be written.
    """
    from ru_so_relations import _export

    if format not in _export.FORMATS:
        msg = f"unknown format {format!r}; expected one of {', '.join(_export.FORMATS)}"
        raise ValueError(msg)
    if format == "json":
        write_atomic(Path(path), dumps(obj))
        return
    if not isinstance(obj, Dataset):
        msg = f"format {format!r} writes a whole Dataset, not {type(obj).__name__}"
        raise TypeError(msg)
    writer = {
        "jsonl": _export.write_jsonl,
        "csv": _export.write_csv,
        "parquet": _export.write_parquet,
    }[format]
    writer(obj, Path(path))


def write_atomic(target: Path, text: str) -> None:
    """Write text to a file atomically: temporary file, flush, fsync, rename.

    The file gets the permissions any new file gets (`0o666` less the umask, e.g.
    `-rw-r--r--`), not the `-rw-------` of `tempfile.mkstemp`.
    """
    handle, temp_name = new_temp_file(target)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise


def new_temp_file(target: Path) -> tuple[int, str]:
    """Create an empty temporary file beside `target`; return its descriptor and name.

    Unlike `tempfile.mkstemp`, which makes the file `0o600`, the file is created with mode
    `0o666` as `open()` creates files, so the system applies the umask (or a folder's default
    ACL) itself. The umask is never read: `os.umask` can only be read by setting it, for the
    whole process, which would race with files other threads create meanwhile.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    flags |= getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)  # as mkstemp
    for _ in range(tempfile.TMP_MAX):
        name = os.path.join(target.parent, f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(name, flags, 0o666), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no unused temporary file name", str(target))


def _unstructure(obj: object) -> Any:
    from ru_so_relations._converter import converter

    if isinstance(obj, Dataset):
        out: dict[str, Any] = {"version": obj.version}
        for name in COLLECTIONS:
            out[name] = [converter.unstructure(r) for r in getattr(obj, name)]
        return out
    if isinstance(obj, Collection):
        return [converter.unstructure(r) for r in obj]
    if isinstance(obj, tuple(_RECORD_TYPES.values())):
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


def _parse_json(text: str | bytes) -> Any:
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


def _record_name(record_type: type[Any]) -> str:
    return record_type.__name__.lower()


def _structure_one(value: Any, record_type: type[T], at: str, problems: list[str]) -> T | None:
    from ru_so_relations._converter import converter, error_messages, json_type

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


def _structure_fast(value: list[Any], record_type: type[T]) -> list[T] | None:
    """The records built by the fast path, or `None` if it does not accept them all."""
    from ru_so_relations._fast import structure_for

    structure = structure_for(record_type)
    try:
        return [structure(item) for item in value]
    except Exception:  # the detailed path reports what is wrong
        return None


def _structure_each(
    value: list[Any], record_type: type[T], name: str, problems: list[str]
) -> list[T | None]:
    """Build each record by the fast path or, if it does not accept it, by the converter.

    A record the converter cannot build is `None` in the list, and its problems are added.
    """
    from ru_so_relations._fast import structure_for

    structure = structure_for(record_type)
    built: list[T | None] = []
    for index, item in enumerate(value):
        try:
            built.append(structure(item))
        except Exception:  # the converter builds it or says what is wrong
            record_id = item.get("id") if isinstance(item, dict) else None
            at = where(name, index, record_id)
            built.append(_structure_one(item, record_type, at, problems))
    return built


def _structure_records(value: Any, record_type: type[T], name: str) -> list[T]:
    from ru_so_relations._converter import json_type

    if not isinstance(value, list):
        raise DataError([f"{name}: expected an array, got {json_type(value)}"])
    problems: list[str] = []
    records = _structure_fast(value, record_type)
    built = records if records is not None else _structure_each(value, record_type, name, problems)
    # ids by position in the file, so that a duplicate names the record it repeats
    problems.extend(duplicate_problems(name, [getattr(r, "id", None) for r in built]))
    if problems:
        raise DataError(problems)
    return records if records is not None else [r for r in built if r is not None]


def _structure_dataset(value: Any) -> Dataset:
    from ru_so_relations._converter import json_type

    if not isinstance(value, dict):
        raise DataError([f"expected a dataset object at the top level, got {json_type(value)}"])
    problems: list[str] = []
    unknown = sorted(set(value) - {"version", *COLLECTIONS})
    if unknown:
        names = ", ".join(map(repr, unknown))
        problems.append(f"unknown top-level field{'s' if len(unknown) > 1 else ''} {names}")
    version = value.get("version")
    if "version" not in value:
        problems.append("version: required field is missing")
    elif not isinstance(version, str) or not version.strip():
        problems.append(f"version: expected a non-empty string, got {json_type(version)}")
    parsed: dict[str, list[Any]] = {}
    for name in COLLECTIONS:
        if name not in value:
            problems.append(f"{name}: required field is missing")
            continue
        try:
            parsed[name] = _structure_records(value[name], _RECORD_TYPES[name], name)
        except DataError as exc:
            problems.extend(exc.problems)
    if not problems:
        problems.extend(reference_problems(parsed))
    if not problems:
        problems.extend(verification_problems(parsed))
    if problems:
        raise DataError(problems)
    assert isinstance(version, str)
    kinds = (Sources, Actors, Places, Offices, Stances, Agreements, Events)
    collections = {name: kind(parsed[name]) for name, kind in zip(COLLECTIONS, kinds, strict=True)}
    return Dataset._from_checked(version, collections)
