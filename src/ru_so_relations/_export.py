"""Writing datasets as CSV tables, JSON Lines or Parquet, and converting to data frames.

pandas and pyarrow are optional: they are imported only by the functions that need them,
which say which extra to install when they are missing.
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import os
import types
from typing import TYPE_CHECKING, Any, Final

from ru_so_relations._tables import (
    COLLECTION_TABLE,
    TABLES,
    TABLES_BY_NAME,
    Table,
    csv_value,
    datapackage,
)

if TYPE_CHECKING:
    from pathlib import Path

    from ru_so_relations._collections import Collection
    from ru_so_relations._dataset import Dataset

FORMATS: Final = ("json", "jsonl", "csv", "parquet")
"""The formats `dump` writes."""

META: Final = "dataset-meta.json"
"""In a JSON Lines folder, the file that holds the data version."""


def _import(module: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError:
        msg = (
            f"this needs {module}, which is not installed; "
            f"install it with: pip install 'ru-so-relations[{extra}]'"
        )
        raise ImportError(msg) from None


def write_text(path: Path, text: str) -> None:
    """Write a text file atomically (temporary file, flush, fsync, rename)."""
    from ru_so_relations._io import write_atomic

    write_atomic(path, text)


def write_csv(ds: Dataset, folder: Path) -> None:
    """Write every table as CSV, and `datapackage.json` describing them."""
    folder.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(table.columns)
        for row in table.rows(ds):
            writer.writerow([csv_value(row[c]) for c in table.columns])
        write_text(folder / f"{table.name}.csv", out.getvalue())
    descriptor = json.dumps(datapackage(ds), ensure_ascii=False, indent=2) + "\n"
    write_text(folder / "datapackage.json", descriptor)


def write_jsonl(ds: Dataset, folder: Path) -> None:
    """Write each collection as JSON Lines (one record a line) and the version in a small file."""
    from ru_so_relations._converter import converter
    from ru_so_relations._dataset import COLLECTIONS

    folder.mkdir(parents=True, exist_ok=True)
    for name in COLLECTIONS:
        lines = [
            json.dumps(converter.unstructure(record), ensure_ascii=False) + "\n"
            for record in getattr(ds, name)
        ]
        write_text(folder / f"{name}.jsonl", "".join(lines))
    write_text(folder / META, json.dumps({"version": ds.version}, ensure_ascii=False) + "\n")


def read_jsonl(folder: Path) -> Dataset:
    """Read a folder written by `write_jsonl` with every check `load` applies."""
    from ru_so_relations._dataset import COLLECTIONS
    from ru_so_relations._errors import DataError
    from ru_so_relations._io import loads

    problems: list[str] = []
    parts: list[str] = []
    meta = folder / META
    if not meta.exists():
        raise DataError([f"{META}: required file is missing"])
    try:
        version = json.loads(meta.read_text(encoding="utf-8"))["version"]
    except (ValueError, KeyError, TypeError) as exc:
        raise DataError([f"{META}: not a valid version file: {exc}"]) from None
    for name in COLLECTIONS:
        path = folder / f"{name}.jsonl"
        if not path.exists():
            problems.append(f"{name}.jsonl: required file is missing")
            continue
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        parts.append(f"{json.dumps(name)}: [{', '.join(lines)}]")
    if problems:
        raise DataError(problems)
    return loads("{" + f'"version": {json.dumps(version)}, ' + ", ".join(parts) + "}")


def _arrow_type(pa: Any, kind: str, categorical: bool) -> Any:
    if categorical:
        return pa.dictionary(pa.int32(), pa.string())
    return {
        "string": pa.string(),
        "date": pa.date32(),
        "integer": pa.int64(),
        "boolean": pa.bool_(),
    }[kind]


def table_to_arrow(table: Table, rows: list[dict[str, Any]]) -> Any:
    """One table as a `pyarrow.Table` with a typed schema (categories as dictionaries)."""
    pa = _import("pyarrow", "arrow")
    categories = table.categories
    schema = pa.schema(
        [
            pa.field(name, _arrow_type(pa, kind, name in categories), nullable=True)
            for name, kind, _ in table.fields
        ]
    )
    columns = {c: [row[c] for row in rows] for c in table.columns}
    return pa.Table.from_pydict(columns, schema=schema)


def write_parquet(ds: Dataset, folder: Path) -> None:
    """Write every table as a Parquet file, and `datapackage.json` describing them."""
    pq = _import("pyarrow.parquet", "arrow")

    folder.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        arrow = table_to_arrow(table, list(table.rows(ds)))
        target = folder / f"{table.name}.parquet"
        temp = folder / f".{table.name}.parquet.tmp"
        try:
            pq.write_table(arrow, temp)
            os.replace(temp, target)
        finally:
            temp.unlink(missing_ok=True)
    descriptor = datapackage(ds, suffix="parquet")
    for resource in descriptor["resources"]:
        resource["format"] = "parquet"
        resource["profile"] = "data-resource"
    write_text(folder / "datapackage.json", json.dumps(descriptor, indent=2) + "\n")


def collection_rows(collection: Collection[Any]) -> tuple[Table, list[dict[str, Any]]]:
    """The main table of a collection's kind, and the collection's rows in it."""
    name = COLLECTION_TABLE[type(collection).__name__]
    table = TABLES_BY_NAME["tenures" if name == "offices" else name]
    holder = types.SimpleNamespace(**{name: collection})
    return table, list(table.rows(holder))  # type: ignore[arg-type]


def to_pandas(collection: Collection[Any]) -> Any:
    """A collection as a `pandas.DataFrame`; see `Collection.to_pandas`."""
    pd = _import("pandas", "pandas")
    table, rows = collection_rows(collection)
    frame = pd.DataFrame.from_records(rows, columns=table.columns)
    categories = table.categories
    for name, kind, _ in table.fields:
        if name in categories:
            frame[name] = pd.Categorical(frame[name], categories=categories[name])
        elif kind == "date":
            frame[name] = pd.to_datetime(frame[name])
        elif kind == "boolean":
            frame[name] = frame[name].astype("boolean")
        elif kind == "integer":
            frame[name] = frame[name].astype("Int64")
        else:
            frame[name] = frame[name].astype("string")
    return frame


def to_arrow(collection: Collection[Any]) -> Any:
    """A collection as a `pyarrow.Table`; see `Collection.to_arrow`."""
    table, rows = collection_rows(collection)
    return table_to_arrow(table, rows)
