from __future__ import annotations

import re
from pathlib import Path

import pytest

import ru_so_relations as rso

ROOT = Path(__file__).parent.parent


API_PAGES = sorted((ROOT / "docs" / "api").glob("*.md"))


def _directives(page: Path) -> list[tuple[str, str]]:
    """Each `::: name` of an API page, with the indented options under it."""
    found: list[tuple[str, str]] = []
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith(":::"):
            found.append((line.removeprefix("::: ru_so_relations.").strip(), ""))
        elif found and line.startswith("    "):
            found[-1] = (found[-1][0], found[-1][1] + line.strip() + "\n")
    return found


def test_api_reference_lists_every_public_name_once() -> None:
    listed = [name for page in API_PAGES for name, _ in _directives(page)]
    assert sorted(listed) == sorted(rso.__all__)


def test_api_index_links_every_public_name() -> None:
    text = (ROOT / "docs" / "api" / "index.md").read_text(encoding="utf-8")
    for name in rso.__all__:
        assert f"md#ru_so_relations.{name})" in text, name


def test_api_reference_shows_inherited_queries_on_each_collection() -> None:
    # a query that a public collection gets from a private base class (`between` from
    # `_Dated`) is documented on the collection, with the record type in place of the base's
    # type variable; what `Collection` itself defines is documented there, once
    griffe = pytest.importorskip("griffe")
    extension = ROOT / "tools" / "docs_api.py"
    if not extension.exists():
        pytest.skip("not in a source checkout")
    package = griffe.load(
        "ru_so_relations",
        search_paths=[ROOT / "src"],
        extensions=griffe.load_extensions(f"{extension}:PublicCollections"),
    )
    type_variables = re.compile(r"\b[RVNDE]\b|\b_[A-Za-z]")
    for name in rso.__all__:
        value = getattr(rso, name)
        if not (isinstance(value, type) and issubclass(value, rso.Collection)):
            continue
        if value is rso.Collection:
            continue
        inherited = {
            member
            for base in value.__mro__[1:]
            if base.__name__.startswith("_")
            for member in vars(base)
            if not member.startswith("_")
        }
        documented = package[name].members
        assert inherited <= set(documented), (name, inherited - set(documented))
        for member in [*inherited, "__init__"]:
            function = documented[member]
            annotations = [str(p.annotation) for p in function.parameters] + [function.returns]
            assert not type_variables.search(" ".join(map(str, annotations))), (name, member)
            assert "Self" not in map(str, annotations), (name, member)


def test_every_record_field_has_a_docstring() -> None:
    import ast

    source = (ROOT / "src" / "ru_so_relations" / "_models.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        body = node.body
        for i, statement in enumerate(body):
            if isinstance(statement, ast.AnnAssign | ast.Assign) and not (
                isinstance(statement, ast.Assign)
                and isinstance(statement.targets[0], ast.Name)
                and statement.targets[0].id.startswith("_")
            ):
                following = body[i + 1] if i + 1 < len(body) else None
                documented = isinstance(following, ast.Expr) and isinstance(
                    following.value, ast.Constant
                )
                assert documented, f"{node.name} line {statement.lineno} has no docstring"


def test_seed_checks_page_names_real_records() -> None:
    import re

    ds = rso.load()
    text = (ROOT / "docs" / "seed-checks.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([a-z0-9]+(?:-[a-z0-9]+)+)`", text))
    known = {*ds.events.ids, *ds.agreements.ids, *ds.actors.ids, *ds.sources.ids}
    assert named
    assert named <= known, named - known


def test_citation_file_names_the_data_version() -> None:
    root = Path(__file__).resolve().parent.parent
    cff = root / "CITATION.cff"
    if not cff.exists():
        pytest.skip("not in a source checkout")
    text = cff.read_text(encoding="utf-8")
    assert f"\nversion: {rso.DATA_VERSION}\n" in text
    assert f"data version {rso.DATA_VERSION}" in (root / "docs" / "index.md").read_text("utf-8")
