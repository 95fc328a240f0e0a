"""The audit sampler (tools/audit_sample.py): the same seed draws the same records."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import ru_so_relations as rso

TOOLS = Path(__file__).resolve().parents[1] / "tools"
if not (TOOLS / "audit_sample.py").exists():  # pragma: no cover - an installed copy without tools
    pytest.skip("tools/audit_sample.py is not here", allow_module_level=True)
sys.path.insert(0, str(TOOLS))
import audit_sample  # noqa: E402


@pytest.fixture(scope="module")
def ds() -> rso.Dataset:
    return rso.load()


def test_the_same_seed_draws_the_same_records(ds: rso.Dataset) -> None:
    first = [(kind, rid) for kind, rid, _ in audit_sample.sample(ds, 20261202, 40)]
    again = [(kind, rid) for kind, rid, _ in audit_sample.sample(ds, 20261202, 40)]
    other = [(kind, rid) for kind, rid, _ in audit_sample.sample(ds, 7, 40)]
    assert first == again
    assert first != other
    assert len(set(first)) == 40


def test_every_record_and_tenure_can_be_drawn_and_sources_cannot(ds: rso.Dataset) -> None:
    drawn = audit_sample.population(ds)
    kinds = {kind for kind, _, _ in drawn}
    assert kinds == {"events", "agreements", "actors", "places", "offices", "stances", "figures"}
    tenures = sum(len(o.holders) for o in ds.offices)
    others = sum(len(getattr(ds, k)) for k in kinds - {"offices"})
    assert len(drawn) == tenures + others
    assert all(record.sources for _, _, record in drawn)


def test_a_drawn_record_is_described_with_its_sources(ds: rso.Dataset) -> None:
    data = json.loads(rso.dumps(ds))
    for kind, rid, record in audit_sample.sample(ds, 1, 10):
        described = audit_sample.describe(ds, data, kind, rid, record)
        assert described["record"]["sources"]
        assert [s["id"] for s in described["sources"]] == [c.source for c in record.sources]
