"""Loading and dumping: the cached bundled dataset, files and folders in every format."""

from __future__ import annotations

import json
import os
import threading
from typing import TYPE_CHECKING, Any, Final

from ru_so_relations._codec import dumps, loads, structure_dataset
from ru_so_relations._dataset import Dataset

if TYPE_CHECKING:
    from ru_so_relations._codec import Record
    from ru_so_relations._collections import Collection

FORMATS: Final = ("json", "jsonl", "csv", "parquet")
"""The formats `dump` writes."""

_BUNDLED: Final = os.path.join(os.path.dirname(__file__), "data", "dataset.json")

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
        if os.path.isdir(path):
            from pathlib import Path

            from ru_so_relations._formats.jsonl import read_jsonl

            return read_jsonl(Path(path))
        with open(path, "rb") as file:
            return loads(file.read())
    if _bundled is None:
        with _lock:
            if _bundled is None:
                _bundled = _load_bundled()
    return _bundled


def _load_bundled() -> Dataset:
    """Read the bundled dataset with every check but the JSON text's own.

    The bundled file is canonical JSON written by `dumps` (the tests check that writing the
    loaded data again gives the same bytes), so it is UTF-8 without a byte-order mark, NaN
    or repeated keys; it is parsed by `json.loads` alone, which is faster than the strict
    parser. Every record is still built and checked, and every reference resolved.
    """
    with open(_BUNDLED, "rb") as file:
        return structure_dataset(json.loads(file.read()))


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
    from pathlib import Path

    from ru_so_relations._formats.atomic import write_atomic

    if format not in FORMATS:
        msg = f"unknown format {format!r}; expected one of {', '.join(FORMATS)}"
        raise ValueError(msg)
    if format == "json":
        write_atomic(Path(path), dumps(obj))
        return
    if not isinstance(obj, Dataset):
        msg = f"format {format!r} writes a whole Dataset, not {type(obj).__name__}"
        raise TypeError(msg)
    if format == "jsonl":
        from ru_so_relations._formats.jsonl import write_jsonl

        write_jsonl(obj, Path(path))
        return
    from ru_so_relations._formats.tabular import write_csv, write_parquet

    (write_csv if format == "csv" else write_parquet)(obj, Path(path))
