"""A dataset as tables: CSV files or Parquet files, each with a Frictionless `datapackage.json`."""

from __future__ import annotations

import csv
import io
import json
import os
from typing import TYPE_CHECKING, Any

from ru_so_relations._formats.atomic import write_atomic
from ru_so_relations._frames import optional_import, table_to_arrow
from ru_so_relations._registry import KEYS
from ru_so_relations._tables import TABLES, csv_value, datapackage

if TYPE_CHECKING:
    from pathlib import Path

    from ru_so_relations._dataset import Dataset


def _collections(ds: Dataset) -> dict[str, Any]:
    return {key: getattr(ds, key) for key in KEYS}


def write_csv(ds: Dataset, folder: Path) -> None:
    """Write every table as CSV, and `datapackage.json` describing them."""
    folder.mkdir(parents=True, exist_ok=True)
    collections = _collections(ds)
    for table in TABLES:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(table.columns)
        for row in table.rows(collections):
            writer.writerow([csv_value(row[c]) for c in table.columns])
        write_atomic(folder / f"{table.name}.csv", out.getvalue())
    descriptor = json.dumps(datapackage(ds.version), ensure_ascii=False, indent=2) + "\n"
    write_atomic(folder / "datapackage.json", descriptor)


def write_parquet(ds: Dataset, folder: Path) -> None:
    """Write every table as a Parquet file, and `datapackage.json` describing them."""
    pq = optional_import("pyarrow.parquet", "arrow")

    folder.mkdir(parents=True, exist_ok=True)
    collections = _collections(ds)
    for table in TABLES:
        arrow = table_to_arrow(table, list(table.rows(collections)))
        target = folder / f"{table.name}.parquet"
        temp = folder / f".{table.name}.parquet.tmp"
        try:
            pq.write_table(arrow, temp)
            os.replace(temp, target)
        finally:
            temp.unlink(missing_ok=True)
    descriptor = datapackage(ds.version, suffix="parquet")
    for resource in descriptor["resources"]:
        resource["format"] = "parquet"
        resource["profile"] = "data-resource"
    write_atomic(folder / "datapackage.json", json.dumps(descriptor, indent=2) + "\n")
