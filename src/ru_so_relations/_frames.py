"""Tables as pandas data frames and Arrow tables.

pandas and pyarrow are optional: they are imported only by the functions that need them,
which say which extra to install when they are missing.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ru_so_relations._tables import Row, Table


def optional_import(module: str, extra: str) -> Any:
    """Import an optional dependency, or say which extra installs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        msg = (
            f"this needs {module}, which is not installed; "
            f"install it with: pip install 'ru-so-relations[{extra}]'"
        )
        raise ImportError(msg) from None


def _arrow_type(pa: Any, kind: str, categorical: bool) -> Any:
    if categorical:
        return pa.dictionary(pa.int32(), pa.string())
    return {
        "string": pa.string(),
        "date": pa.date32(),
        "integer": pa.int64(),
        "number": pa.float64(),
        "boolean": pa.bool_(),
    }[kind]


def table_to_arrow(table: Table, rows: list[Row]) -> Any:
    """One table as a `pyarrow.Table` with a typed schema (categories as dictionaries)."""
    pa = optional_import("pyarrow", "arrow")
    categories = table.categories
    schema = pa.schema(
        [
            pa.field(name, _arrow_type(pa, kind, name in categories), nullable=True)
            for name, kind, _ in table.fields
        ]
    )
    columns = {c: [row[c] for row in rows] for c in table.columns}
    for name, kind, _ in table.fields:
        if kind == "number":  # exact ints and Decimals, as floats
            columns[name] = [None if v is None else float(v) for v in columns[name]]
    return pa.Table.from_pydict(columns, schema=schema)


def table_to_pandas(table: Table, rows: list[Row]) -> Any:
    """One table as a `pandas.DataFrame` with typed columns; see `Collection.to_pandas`."""
    pd = optional_import("pandas", "pandas")
    frame = pd.DataFrame.from_records(rows, columns=table.columns)
    for name, kind, _ in table.fields:
        if kind == "number":  # exact ints and Decimals, as floats
            frame[name] = [None if v is None else float(v) for v in frame[name]]
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
        elif kind == "number":
            frame[name] = frame[name].astype("Float64")
        else:
            frame[name] = frame[name].astype("string")
    return frame
