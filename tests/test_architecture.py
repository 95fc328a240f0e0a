"""The package's shape: imports run one way through the layers, and one registry of kinds.

The import graph is read from the source with `ast`, so it counts every import: at the top
of a module, inside functions (deferred) and under `TYPE_CHECKING`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import attrs
import pytest

import ru_so_relations as rso
from ru_so_relations._collections import collection_class
from ru_so_relations._fields import Constraint, constraint_of
from ru_so_relations._registry import BY_RECORD, KEYS, KINDS, declared_types

PACKAGE = Path(rso.__file__).parent

LAYERS: list[set[str]] = [
    {"_errors", "_dates", "_names", "_version"},
    {"_fields"},
    {"_models"},
    {"_registry"},
    {"_tables", "_schema", "_frames"},
    {"_collections"},
    {"_dataset"},
    {"_fast", "_converter", "_codec"},
    {"_formats", "_formats.atomic", "_formats.jsonl", "_formats.tabular"},
    {"_io", "_citation"},
    {"_cli", "__main__", "__init__"},
]
"""The layers, lowest first: a module imports only from its own layer or those below."""


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def imported_modules(path: Path) -> set[str]:
    """Every module of the package that the file imports, wherever the import stands."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            assert node.level == 0, f"{path}: use absolute imports"
            names = [node.module]
            if node.module == "ru_so_relations":  # from ru_so_relations import _fast
                names = [f"ru_so_relations.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            if name.startswith("ru_so_relations."):
                found.add(name.removeprefix("ru_so_relations."))
    return found


def import_graph() -> dict[str, set[str]]:
    graph = {module_name(p): imported_modules(p) for p in PACKAGE.rglob("*.py")}
    modules = set(graph)
    return {m: {d for d in deps if d in modules} - {m} for m, deps in graph.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                return [*path[path.index(dep) :], dep]
            if dep not in state:
                cycle = visit(dep)
                if cycle:
                    return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def test_the_graph_reader_sees_deferred_and_type_checking_imports(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "from ru_so_relations import _fast\n"
        "if TYPE_CHECKING:\n    from ru_so_relations._dataset import Dataset\n"
        "def f():\n    import ru_so_relations._io\n"
    )
    assert imported_modules(source) == {"_fast", "_dataset", "_io"}


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycle() -> None:
    assert find_cycle(import_graph()) is None


def test_imports_run_down_the_layers() -> None:
    layer_of = {module: n for n, layer in enumerate(LAYERS) for module in layer}
    graph = import_graph()
    unplaced = sorted(set(graph) - set(layer_of))
    assert not unplaced, f"put these modules in a layer of LAYERS: {unplaced}"
    upward = [
        f"{module} (layer {layer_of[module]}) imports {dep} (layer {layer_of[dep]})"
        for module, deps in graph.items()
        for dep in deps
        if layer_of[dep] > layer_of[module]
    ]
    assert not upward


def test_the_dataset_has_one_attribute_per_kind_in_the_registry_order() -> None:
    fields = attrs.fields(rso.Dataset)
    assert [f.name for f in fields] == ["version", *KEYS]
    for kind, field in zip(KINDS, fields[1:], strict=True):
        cls = collection_class(kind)
        assert cls.__name__ == kind.collection
        assert field.type in (kind.collection, cls)  # annotations may be strings
        assert cls._record_type is kind.record
        assert getattr(rso, kind.collection) is cls
        assert getattr(rso, kind.record.__name__) is kind.record
        assert BY_RECORD[kind.record] is kind


def test_the_json_schema_and_the_tables_follow_the_registry() -> None:
    from ru_so_relations._tables import MAIN_TABLE, TABLES_BY_NAME

    assert list(rso.json_schema()["properties"]) == ["version", *KEYS]
    assert set(MAIN_TABLE) == set(KEYS)
    assert all(name in TABLES_BY_NAME for name in MAIN_TABLE.values())


RECORD_CLASSES, ENUM_TYPES = declared_types()


def test_declared_types_are_the_public_records_and_enums() -> None:
    public = {getattr(rso, name) for name in rso.__all__}
    records = {c for c in public if attrs.has(c) and c is not rso.Dataset}
    records.discard(rso.PartialDate)
    assert set(RECORD_CLASSES) == records
    assert set(ENUM_TYPES) == {
        c for c in public if isinstance(c, type) and issubclass(c, __import__("enum").Enum)
    } - {rso.Precision}


@pytest.mark.parametrize("cls", RECORD_CLASSES, ids=lambda c: c.__name__)
def test_every_field_is_declared_with_one_constraint(cls: type) -> None:
    # the constraint is the validator, the fast path's check and the JSON Schema at once
    for field in attrs.fields(cls):
        assert isinstance(constraint_of(field), Constraint), f"{cls.__name__}.{field.name}"
        assert field.converter is None, f"{cls.__name__}.{field.name}"
