from __future__ import annotations

from pathlib import Path

import pytest

import ru_so_relations as rso

ROOT = Path(__file__).parent.parent


def test_api_reference_lists_every_public_name() -> None:
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    listed = {
        line.removeprefix("::: ru_so_relations.").strip()
        for line in text.splitlines()
        if line.startswith(":::")
    }
    assert listed == set(rso.__all__)


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
