"""The benchmark's synthetic datasets are valid, so a change to the format cannot break it unseen."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import TYPE_CHECKING

import ru_so_relations as rso
from ru_so_relations._registry import KEYS

if TYPE_CHECKING:
    from types import ModuleType

RUN = Path(__file__).parent.parent / "benchmarks" / "run.py"


def benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_run", RUN)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_generated_dataset_loads_with_every_kind() -> None:
    text = benchmark().generate(300)
    assert list(json.loads(text)) == ["version", *KEYS]
    ds = rso.loads(text)
    assert len(ds.events) == 300
    assert rso.loads(rso.dumps(ds)) == ds
