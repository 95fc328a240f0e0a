"""Draw a seeded random sample of records to audit against their sources.

    python tools/audit_sample.py --seed 20261202 --size 40 [--json]

The same seed on the same data version gives the same sample, so an audit can be repeated and
its rate checked. Every record of every kind is equally likely (office tenures count one by
one); the output lists each record with its citations, for the auditor to open.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from typing import Any

import ru_so_relations as rso
from ru_so_relations._registry import KEYS


def population(ds: rso.Dataset) -> list[tuple[str, str, Any]]:
    """Every auditable record as (kind, id, record), in the dataset's order."""
    out: list[tuple[str, str, Any]] = []
    for key in KEYS:
        if key in {"sources", "publishers"}:
            continue
        for record in getattr(ds, key):
            if key == "offices":
                out += [(key, f"{record.id}/{t.person}", t) for t in record.holders]
            else:
                out.append((key, record.id, record))
    return out


def sample(ds: rso.Dataset, seed: int, size: int) -> list[tuple[str, str, Any]]:
    """`size` records drawn without replacement with `random.Random(seed)`."""
    return random.Random(seed).sample(population(ds), size)


def describe(
    ds: rso.Dataset, data: dict[str, Any], kind: str, record_id: str, record: Any
) -> dict[str, Any]:
    """What an auditor needs: the record as JSON and its sources' titles and addresses.

    `data` is the whole dataset as JSON, computed once by the caller.
    """
    return {
        "kind": kind,
        "id": record_id,
        "record": _record_json(data, kind, record_id),
        "sources": [
            {"id": c.source, "url": ds.sources[c.source].url, "title": ds.sources[c.source].title}
            for c in record.sources
        ],
    }


def _record_json(data: dict[str, Any], kind: str, record_id: str) -> Any:
    if kind == "offices":
        office, _, person = record_id.partition("/")
        holders = next(o for o in data["offices"] if o["id"] == office)["holders"]
        return next(t for t in holders if t["person"] == person)
    return next(r for r in data[kind] if r["id"] == record_id)


def main() -> None:
    """Print the sample: kinds and ids, or the records in full with `--json`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--size", type=int, default=40)
    parser.add_argument("--json", action="store_true", help="print each record in full, as JSON")
    args = parser.parse_args()
    ds = rso.load()
    drawn = sample(ds, args.seed, args.size)
    if args.json:
        data = json.loads(rso.dumps(ds))
        out = [describe(ds, data, kind, rid, rec) for kind, rid, rec in drawn]
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    sys.stdout.write(
        f"data {ds.version}, seed {args.seed}, {len(drawn)} of {len(population(ds))}\n"
    )
    for kind, rid, _ in drawn:
        sys.stdout.write(f"{kind}\t{rid}\n")


if __name__ == "__main__":
    main()
