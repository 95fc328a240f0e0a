"""Files as users expect them: permissions, atomic writes, and the project's metadata."""

from __future__ import annotations

import os
import stat
import sys
from typing import TYPE_CHECKING

import pytest

import ru_so_relations as rso
from ru_so_relations._io import write_atomic

if TYPE_CHECKING:
    from pathlib import Path


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
