"""Interoperability: JSON Schema, CSV + data package, JSON Lines, Parquet, data frames, codes."""

from __future__ import annotations

import csv
import functools
import json
import re
import subprocess
import sys
from importlib import resources
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings

import ru_so_relations as rso
from ru_so_relations._tables import TABLES
from tests.strategies import datasets

if TYPE_CHECKING:
    from pathlib import Path

jsonschema = pytest.importorskip("jsonschema")
PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


@pytest.fixture(scope="module")
def ds() -> rso.Dataset:
    return rso.load()


@functools.cache
def validator() -> Any:
    """The schema, checked against the meta-schema, as a validator (made once: it takes a while)."""
    schema = rso.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_shipped_schema_is_the_generated_one() -> None:
    shipped = resources.files("ru_so_relations").joinpath("data", "schema.json")
    assert json.loads(shipped.read_text(encoding="utf-8")) == rso.json_schema()


def test_bundled_data_validates_against_the_schema(ds: rso.Dataset) -> None:
    errors = list(validator().iter_errors(json.loads(rso.dumps(ds))))
    assert not errors, errors[0].message


@settings(max_examples=min(50, settings.default.max_examples))
@given(datasets())
def test_generated_datasets_validate_against_the_schema_and_round_trip_as_json_lines(
    generated: rso.Dataset,
) -> None:
    """Both checks on one drawn dataset (drawing one costs far more than either check)."""
    errors = list(validator().iter_errors(json.loads(rso.dumps(generated))))
    assert not errors, errors[0].message
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        rso.dump(generated, folder, format="jsonl")
        assert rso.load(Path(folder)) == generated


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("events", 0, "kind"), "trip"),
        (("events", 0, "date"), "13 July 2009"),
        (("events", 0, "id"), "Not A Slug"),
        (("sources", 0, "language"), "English"),
        (("actors", 0, "sources"), []),
        (("events", 0, "unknown"), 1),
        (("events", 0, "title"), " padded "),
    ],
)
def test_schema_rejects_bad_shapes(ds: rso.Dataset, path: tuple[Any, ...], value: Any) -> None:
    data = json.loads(rso.dumps(ds))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert next(validator().iter_errors(data), None) is not None  # the first error is enough


def test_csv_tables_and_a_valid_data_package(ds: rso.Dataset, tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    rso.dump(ds, tmp_path, format="csv")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["type", "message"])[:5]
    with (tmp_path / "events.csv").open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert [r["id"] for r in rows] == list(ds.events.ids)
    offensive = next(r for r in rows if r["id"] == "georgian-offensive-tskhinvali-2008")
    assert offensive["date"] == "2008-08-07/2008-08-08"
    assert (offensive["date_earliest"], offensive["date_latest"]) == ("2008-08-07", "2008-08-08")
    assert offensive["date_precision"] == "day"
    assert offensive["cameo"] == "190"
    with (tmp_path / "event_actors.csv").open(encoding="utf-8") as file:
        links = list(csv.DictReader(file))
    assert len(links) == sum(len(e.actors) for e in ds.events)
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]] == [t.name for t in TABLES]
    assert package["version"] == ds.version


def test_data_package_catches_a_broken_reference(ds: rso.Dataset, tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    rso.dump(ds, tmp_path, format="csv")
    path = tmp_path / "event_actors.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = re.sub(r"^([^,]+),([^,]+)", r"\1,nobody", lines[1])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    assert "foreign-key" in {e.type for task in report.tasks for e in task.errors}


def test_json_lines_round_trip(ds: rso.Dataset, tmp_path: Path) -> None:
    rso.dump(ds, tmp_path, format="jsonl")
    lines = (tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(ds.events)
    assert json.loads(lines[0])["id"] == ds.events[0].id
    assert rso.load(tmp_path) == ds


def test_json_lines_folder_problems_are_data_errors(ds: rso.Dataset, tmp_path: Path) -> None:
    rso.dump(ds, tmp_path, format="jsonl")
    (tmp_path / "places.jsonl").unlink()
    with pytest.raises(rso.DataError, match=r"places\.jsonl: required file is missing"):
        rso.load(tmp_path)
    rso.dump(ds, tmp_path, format="jsonl")
    path = tmp_path / "events.jsonl"
    path.write_text(path.read_text(encoding="utf-8").replace('"kind": "visit"', '"kind": "x"', 1))
    with pytest.raises(rso.DataError, match=r"events\[\d+\] \(id '[^']+'\): kind: 'x'"):
        rso.load(tmp_path)


def test_data_frames_have_proper_dtypes(ds: rso.Dataset) -> None:
    pd = pytest.importorskip("pandas")
    frame = ds.events.to_pandas()
    assert len(frame) == len(ds.events)
    assert str(frame["date_earliest"].dtype).startswith("datetime64")
    assert isinstance(frame["kind"].dtype, pd.CategoricalDtype)
    assert list(frame["kind"].cat.categories) == [k.value for k in rso.EventKind]
    assert isinstance(frame["verification"].dtype, pd.CategoricalDtype)
    assert frame["title"].dtype == "string"
    tenures = ds.offices.to_pandas()
    assert len(tenures) == sum(len(o.holders) for o in ds.offices)
    assert tenures["acting"].dtype == "boolean"
    selected = ds.events.between("2009").to_pandas()
    assert list(selected["id"]) == list(ds.events.between("2009").ids)


def test_arrow_and_parquet(ds: rso.Dataset, tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    table = ds.agreements.to_arrow()
    assert table.num_rows == len(ds.agreements)
    assert table.schema.field("signed_earliest").type == pa.date32()
    assert pa.types.is_dictionary(table.schema.field("type").type)
    rso.dump(ds, tmp_path, format="parquet")
    events = pq.read_table(tmp_path / "events.parquet")
    assert events.column("id").to_pylist() == list(ds.events.ids)
    assert (tmp_path / "datapackage.json").exists()


def test_three_lines_from_data_to_frame_parquet_and_package(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    frictionless = pytest.importorskip("frictionless")
    frame = rso.load().events.to_pandas()
    rso.dump(rso.load(), tmp_path / "parquet", format="parquet")
    rso.dump(rso.load(), tmp_path / "csv", format="csv")
    assert len(frame) == len(rso.load().events)
    assert (tmp_path / "parquet" / "events.parquet").exists()
    assert frictionless.validate(str(tmp_path / "csv" / "datapackage.json")).valid


def test_missing_extras_say_which_to_install(
    ds: rso.Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"pip install 'ru-so-relations\[pandas\]'"):
        ds.events.to_pandas()
    with pytest.raises(ImportError, match=r"pip install 'ru-so-relations\[arrow\]'"):
        ds.events.to_arrow()


def test_importing_and_loading_never_imports_pandas_or_pyarrow() -> None:
    code = (
        "import sys, ru_so_relations as rso; rso.load(); rso.json_schema(); rso.cite();"
        "print(sorted(m for m in ('pandas', 'pyarrow', 'numpy', 'frictionless') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_event_coding() -> None:
    for kind in rso.EventKind:
        assert re.fullmatch(r"\d{3,4}", kind.cameo), kind
        assert kind.cameo_label
        assert kind.plover is None or kind.plover in PLOVER_TYPES
    assert rso.EventKind.VISIT.cameo == "042"
    assert rso.EventKind.RECOGNITION.cameo == "054"
    assert rso.EventKind.SIGNING.plover == "SUPPORT"
    assert rso.EventKind.STATEMENT.plover is None
    event = rso.load().events["medvedev-visit-tskhinvali-2009"]
    assert (event.cameo, event.plover) == ("042", "CONSULT")


def test_dump_rejects_unknown_formats_and_partial_objects(ds: rso.Dataset, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        rso.dump(ds, tmp_path / "x", format="xml")
    with pytest.raises(TypeError, match="writes a whole Dataset, not Events"):
        rso.dump(ds.events, tmp_path / "x", format="csv")


def test_cite() -> None:
    assert rso.DATA_VERSION in rso.cite()
    bibtex = rso.cite("bibtex")
    assert bibtex.startswith("@misc{ru_so_relations_")
    assert f"version = {{{rso.DATA_VERSION}}}" in bibtex
    with pytest.raises(ValueError, match="unknown citation style 'apa'"):
        rso.cite("apa")
