"""Files as users expect them: permissions, atomic writes, and the project's metadata."""

from __future__ import annotations

import importlib.metadata
import os
import stat
import sys
import tomllib
from pathlib import Path

import pytest

import ru_so_relations as rso
from ru_so_relations import _citation, _dataset, _version
from ru_so_relations._formats.atomic import write_atomic


def modes(path: Path) -> set[str]:
    files = [path] if path.is_file() else [p for p in path.iterdir() if p.is_file()]
    assert files
    return {stat.filemode(p.stat().st_mode) for p in files}


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "parquet"])
@pytest.mark.parametrize(("umask", "expected"), [(0o022, "-rw-r--r--"), (0o077, "-rw-------")])
def test_written_files_have_the_permissions_the_umask_gives(
    tmp_path: Path, fmt: str, umask: int, expected: str
) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    ds = rso.load()
    target = tmp_path / ("out.json" if fmt == "json" else "out")
    old = os.umask(umask)
    try:
        rso.dump(ds, target, format=fmt)
    finally:
        os.umask(old)
    assert modes(target) == {expected}
    assert not list(tmp_path.rglob("*.tmp"))


def test_an_existing_file_is_replaced_and_a_failed_write_leaves_it(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    with pytest.raises(TypeError):  # writing something that is not text fails midway
        write_atomic(target, object())  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_writing_into_a_missing_folder_fails_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "missing" / "out.json", "x")
    assert list(tmp_path.iterdir()) == []


ROOT = Path(__file__).resolve().parent.parent


def source_file(name: str) -> Path:
    path = ROOT / name
    if not path.exists():
        pytest.skip("not in a source checkout")
    return path


def test_citation_cff_is_generated_from_the_package() -> None:
    text = source_file("CITATION.cff").read_text(encoding="utf-8")
    assert text == rso.cite("cff"), "regenerate it: ru-so-relations cite --style cff > CITATION.cff"
    assert f"\nversion: {rso.DATA_VERSION}\n" in text


def test_one_address_everywhere() -> None:
    url = _citation.URL
    cff = source_file("CITATION.cff").read_text(encoding="utf-8").splitlines()
    assert f"repository-code: {url}" in cff
    assert f"url: {url}" in cff
    assert f"  url = {{{url}}}," in rso.cite("bibtex").splitlines()
    urls = tomllib.loads(source_file("pyproject.toml").read_text(encoding="utf-8"))["project"][
        "urls"
    ]
    assert set(urls) == {"Homepage", "Documentation", "Repository", "Issues", "Changelog"}
    assert urls["Homepage"] == urls["Repository"] == url
    assert all(u.startswith(url) for u in urls.values())
    installed = importlib.metadata.metadata("ru-so-relations").get_all("Project-URL") or []
    assert f"Repository, {url}" in installed
    assert url in source_file("README.md").read_text(encoding="utf-8")


def test_one_place_holds_the_version() -> None:
    assert rso.__version__ == _version.__version__
    assert rso.DATA_VERSION == _version.DATA_VERSION
    assert _dataset.DATA_VERSION == rso.DATA_VERSION
    assert importlib.metadata.version("ru-so-relations") == rso.__version__, (
        "the installed metadata is stale: reinstall with pip install -e ."
    )
    project = tomllib.loads(source_file("pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["hatch"]["version"]["path"] == "src/ru_so_relations/_version.py"
