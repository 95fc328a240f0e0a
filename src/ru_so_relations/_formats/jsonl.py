"""A dataset as JSON Lines: one file per collection, one record a line, and a version file."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Final

from ru_so_relations._codec import parse_json, structure_dataset
from ru_so_relations._errors import DataError
from ru_so_relations._formats.atomic import write_atomic
from ru_so_relations._registry import KEYS

if TYPE_CHECKING:
    from pathlib import Path

    from ru_so_relations._dataset import Dataset

META: Final = "dataset-meta.json"
"""In a JSON Lines folder, the file that holds the data version."""


def write_jsonl(ds: Dataset, folder: Path) -> None:
    """Write each collection as JSON Lines (one record a line) and the version in a small file."""
    from ru_so_relations._converter import converter

    folder.mkdir(parents=True, exist_ok=True)
    for key in KEYS:
        lines = [
            json.dumps(converter.unstructure(record), ensure_ascii=False) + "\n"
            for record in getattr(ds, key)
        ]
        write_atomic(folder / f"{key}.jsonl", "".join(lines))
    write_atomic(folder / META, json.dumps({"version": ds.version}, ensure_ascii=False) + "\n")


def read_jsonl(folder: Path) -> Dataset:
    """Read a folder written by `write_jsonl` with every check `load` applies."""
    meta = folder / META
    if not meta.exists():
        raise DataError([f"{META}: required file is missing"])
    try:
        meta_value = parse_json(meta.read_bytes())
    except DataError as exc:
        raise DataError([f"{META}: {p}" for p in exc.problems]) from None
    if not isinstance(meta_value, dict) or "version" not in meta_value:
        raise DataError([f"{META}: not a valid version file: expected an object with a version"])
    value: dict[str, Any] = {"version": meta_value["version"]}
    problems: list[str] = []
    for key in KEYS:
        path = folder / f"{key}.jsonl"
        if not path.exists():
            problems.append(f"{key}.jsonl: required file is missing")
            continue
        records: list[Any] = []
        for number, line in enumerate(path.read_bytes().splitlines(), start=1):
            if not line.strip():
                continue
            try:
                records.append(parse_json(line))
            except DataError as exc:
                problems.extend(f"{key}.jsonl, line {number}: {p}" for p in exc.problems)
        value[key] = records
    if problems:
        raise DataError(problems)
    return structure_dataset(value)
