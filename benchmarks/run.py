"""Benchmarks: import, load and queries, each compared side by side with what users would use.

Run from a clone with the `pandas` extra installed::

    python benchmarks/run.py                       # 1k, 10k and 100k events
    python benchmarks/run.py --sizes 1000,1000000  # any sizes, e.g. up to a million

Every comparison is a ratio of two timings taken in the same run on the same data: the
library against plain `json` and list comprehensions, pandas boolean masks and SQLite with an
index. Timings are the best of several repeats (the machines are shared and noisy).
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import time
import tracemalloc
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

KINDS = ["visit", "statement", "signing", "ratification", "aid", "military", "other"]


def generate(n_events: int, seed: int = 2026) -> str:
    """A valid synthetic dataset with `n_events` events, as the library's JSON text.

    Deterministic for a given size and seed. Actors, sources and agreements grow with the
    events (one actor per 100 events, one source per 20, one agreement per 1,000).
    """
    rng = random.Random(seed)
    n_actors, n_sources, n_agreements = (
        max(50, n_events // 100),
        max(20, n_events // 20),
        max(5, n_events // 1000),
    )
    publishers = [
        {
            "id": f"publisher-{i}",
            "name": f"Publisher {i}",
            "names": [],
            "aliases": [],
            "hosts": [f"p{i}.example.org"],
            "description": None,
        }
        for i in range(40)
    ]
    sources = [
        {
            "id": f"source-{i}",
            "title": f"Report {i}",
            "publisher": f"publisher-{i % 40}",
            "url": f"https://example.org/{i}",
            "published": None,
            "language": "en",
        }
        for i in range(n_sources)
    ]

    def cite() -> list[dict[str, Any]]:
        a, b = rng.sample(range(n_sources), 2)
        if a % 40 == b % 40:
            b = (b + 1) % n_sources
        return [
            {"source": f"source-{a}", "quote": "a short quote", "locator": None},
            {"source": f"source-{b}", "quote": None, "locator": None},
        ]

    actors = [
        {
            "id": f"actor-{i}",
            "kind": "person",
            "name": f"Person Number{i}",
            "names": [],
            "aliases": [],
            "identifiers": [],
            "description": None,
            "sources": cite(),
            "verification": "confirmed",
            "alternatives": [],
        }
        for i in range(n_actors)
    ]
    start = datetime.date(1990, 1, 1).toordinal()
    span = datetime.date(2025, 12, 31).toordinal() - start

    def day() -> str:
        return datetime.date.fromordinal(start + rng.randrange(span)).isoformat()

    agreements = []
    for i in range(n_agreements):
        signed = day()
        agreements.append(
            {
                "id": f"agreement-{i}",
                "title": f"Agreement {i}",
                "names": [],
                "type": "agreement",
                "level": "interstate",
                "parties": [f"actor-{rng.randrange(n_actors)}"],
                "signatories": [],
                "signed": signed,
                "place": None,
                "in_force": None,
                "terminated": None,
                "amends": [],
                "replaces": [],
                "number": None,
                "terms": [],
                "sources": cite(),
                "notes": None,
                "verification": "confirmed",
                "alternatives": [],
            }
        )
    events = []
    for i in range(n_events):
        roll = rng.random()
        when = day()
        if roll < 0.2:
            when = when[:7]  # month precision
        elif roll < 0.25:
            when = when[:4]  # year precision
        events.append(
            {
                "id": f"event-{i}",
                "date": when,
                "kind": rng.choice(KINDS),
                "title": f"Event {i}",
                "summary": "Something happened between the actors named.",
                "actors": [
                    {"actor": f"actor-{a}", "role": None}
                    for a in rng.sample(range(n_actors), rng.randint(1, 3))
                ],
                "agreements": [f"agreement-{rng.randrange(n_agreements)}"]
                if rng.random() < 0.05
                else [],
                "place": None,
                "sources": cite(),
                "notes": None,
                "verification": "confirmed",
                "alternatives": [],
            }
        )
    figures = []
    for i in range(max(1, n_events // 20)):
        year = rng.randrange(2008, 2026)
        figures.append(
            {
                "id": f"figure-{i}",
                "measure": "funding",
                "value": rng.randrange(1, 10_000) * 1_000_000,
                "upper": None,
                "qualifier": "exact",
                "unit": "RUB",
                "period": str(year),
                "stated": f"{year}-{rng.randrange(1, 13):02d}",
                "claimed_by": f"actor-{rng.randrange(n_actors)}",
                "actors": [{"actor": f"actor-{rng.randrange(n_actors)}", "role": "payer"}],
                "event": f"event-{rng.randrange(n_events)}" if rng.random() < 0.3 else None,
                "agreement": None,
                "summary": "An actor stated an amount.",
                "sources": cite(),
                "notes": None,
                "verification": "confirmed",
                "alternatives": [],
            }
        )
    data = {
        "version": "2026.11.0",
        "publishers": publishers,
        "sources": sources,
        "actors": actors,
        "places": [],
        "offices": [],
        "stances": [],
        "agreements": agreements,
        "events": events,
        "figures": figures,
    }
    return json.dumps(data)


def best(fn: Callable[[], Any], repeat: int = 5, number: int = 1) -> float:
    """The best time of `repeat` runs of `number` calls, in seconds per call."""
    times = []
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        for _ in range(number):
            fn()
        times.append((time.perf_counter() - t) / number)
    return min(times)


def fresh_step(
    make: Callable[[], Any], step: Callable[[Any], Any], repeat: int = 5, number: int = 20
) -> float:
    """The best time of one `step` on a fresh result of `make`, in seconds."""
    times = []
    for _ in range(repeat):
        inputs = [make() for _ in range(number)]
        gc.collect()
        t = time.perf_counter()
        for item in inputs:
            step(item)
        times.append((time.perf_counter() - t) / number)
    return min(times)


def import_cost(repeat: int = 15) -> tuple[float, float, float]:
    """Median wall time (ms) of fresh imports: attrs; ru_so_relations; attrs then the package."""

    def run(statement: str) -> float:
        code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
        samples = [
            float(
                subprocess.run(
                    [sys.executable, "-c", code], capture_output=True, text=True, check=True
                ).stdout
            )
            for _ in range(repeat)
        ]
        return statistics.median(samples) * 1000

    return run("import attrs"), run("import ru_so_relations"), run("import attrs, ru_so_relations")


def own_import_cost(repeat: int = 15) -> float:
    """Median time (ms) Python's `-X importtime` gives for the package after attrs.

    The difference of two wall times above is within their noise; this is the package's own
    cumulative import time, with attrs already imported, as Python measures it.
    """
    samples = []
    for _ in range(repeat):
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import attrs, ru_so_relations"],
            capture_output=True,
            text=True,
            check=True,
        )
        for line in result.stderr.splitlines():
            # import time: self [us] | cumulative | imported package
            parts = [part.strip() for part in line.removeprefix("import time:").split("|")]
            if len(parts) == 3 and parts[2] == "ru_so_relations":
                samples.append(int(parts[1]) / 1000)
    return statistics.median(samples)


COLD_STATEMENTS = {
    "ru_so_relations": (
        "import ru_so_relations as r; r.load().events.between('2008-08')",
        "the bundled dataset loaded and checked, then one query",
    ),
    "pycountry": (
        "import pycountry; pycountry.countries.get(alpha_2='RU')",
        "pycountry's first lookup (it reads its bundled JSON)",
    ),
    "json.load": (
        "import json, os, ru_so_relations as r; "
        "json.load(open(os.path.join(os.path.dirname(r.__file__), 'data', 'dataset.json'), 'rb'))",
        "a bare json.load of our bundled file (no records, no checks)",
    ),
    "python": ("pass", "the interpreter starting"),
}
"""What the cold first answer is compared with: each a statement run in a fresh process."""


def cold_start(repeat: int = 21) -> dict[str, float | None]:
    """Median wall time (ms) of each statement of `COLD_STATEMENTS` in a fresh process.

    The whole process is timed, interpreter start included, as a user waits for it; the
    statements run in turn, so load on the machine affects them alike. `None` where a
    statement cannot run (pycountry is in the `bench` extra).
    """
    samples: dict[str, list[float]] = {name: [] for name in COLD_STATEMENTS}
    usable = dict.fromkeys(COLD_STATEMENTS, True)
    # as an installed package is: with its bytecode written (the first, uncounted run
    # writes it where PYTHONDONTWRITEBYTECODE had stopped that)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for statement, _ in COLD_STATEMENTS.values():
        subprocess.run([sys.executable, "-c", statement], capture_output=True, env=env)
    for _ in range(repeat):
        for name, (statement, _) in COLD_STATEMENTS.items():
            if not usable[name]:
                continue
            t = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", statement], capture_output=True, env=env)
            elapsed = time.perf_counter() - t
            if done.returncode != 0:
                usable[name] = False
                continue
            samples[name].append(elapsed * 1000)
    return {
        name: statistics.median(times) if usable[name] and times else None
        for name, times in samples.items()
    }


def sqlite_db(ds: Any) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("create table events (id text primary key, earliest text, latest text, kind text)")
    db.execute("create table event_actors (event text, actor text)")
    db.executemany(
        "insert into events values (?, ?, ?, ?)",
        [
            (e.id, e.date.earliest.isoformat(), e.date.latest.isoformat(), e.kind.value)
            for e in ds.events
        ],
    )
    db.executemany(
        "insert into event_actors values (?, ?)",
        [(e.id, a) for e in ds.events for a in e.actor_ids],
    )
    db.execute("create index events_earliest on events (earliest, latest)")
    db.execute("create index event_actors_actor on event_actors (actor)")
    db.commit()
    return db


def measure(n: int) -> dict[str, Any]:
    """Time loading and queries on a synthetic dataset of `n` events."""
    import pandas as pd

    import ru_so_relations as rso

    text = generate(n)
    repeat = 3 if n >= 100_000 else 5
    t_json = best(lambda: json.loads(text), repeat=repeat)
    t_load = best(lambda: rso.loads(text), repeat=repeat)
    gc.collect()
    tracemalloc.start()
    ds = rso.loads(text)
    size, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    per_event = size / n

    # a selective query: one day, two actors' events
    day = ds.events[len(ds.events) // 2].date.earliest
    actor = ds.events[len(ds.events) // 2].actor_ids[0]
    ds.events.between(day)  # build the indexes once, as a user's first query would
    ds.events.involving(actor)
    t_between = best(lambda: ds.events.between(day), number=20)
    t_involving = best(lambda: ds.events.involving(actor), number=20)
    found = len(ds.events.between(day))

    events = list(json.loads(text)["events"])
    d = day.isoformat()
    t_list = best(lambda: [e for e in events if e["date"] == d], number=3)

    frame = ds.events.to_pandas()
    lo, hi = pd.Timestamp(day), pd.Timestamp(day)
    t_pandas = best(
        lambda: frame[(frame["date_earliest"] >= lo) & (frame["date_latest"] <= hi)], number=5
    )
    db = sqlite_db(ds)
    sql = "select id from events where earliest >= ? and earliest <= ? and latest <= ?"
    t_sqlite = best(lambda: db.execute(sql, (d, d, d)).fetchall(), number=20)
    sql_actor = "select event from event_actors where actor = ?"
    t_sqlite_actor = best(lambda: db.execute(sql_actor, (actor,)).fetchall(), number=20)

    # a chain: a year's events, then one actor's among them. Each step makes a new
    # collection, with no index of its own until a query needs one, so the second step is
    # timed on fresh year collections, made before the clock starts
    first, last = day.replace(month=1, day=1), day.replace(month=12, day=31)
    chain_input = len(ds.events.between(first, last))
    chain_results = len(ds.events.between(first, last).involving(actor))
    t_chain_step = fresh_step(
        lambda: ds.events.between(first, last), lambda c: c.involving(actor), number=20
    )

    return {
        "events": n,
        "json.loads ms": t_json * 1000,
        "rso.loads ms": t_load * 1000,
        "load / json": t_load / t_json,
        "bytes/event": per_event,
        "results": found,
        "between µs": t_between * 1e6,
        "list comp µs": t_list * 1e6,
        "pandas mask µs": t_pandas * 1e6,
        "pandas / between": t_pandas / t_between,
        "sqlite µs": t_sqlite * 1e6,
        "sqlite / between": t_sqlite / t_between,
        "involving µs": t_involving * 1e6,
        "sqlite actor µs": t_sqlite_actor * 1e6,
        "chain input": chain_input,
        "chain results": chain_results,
        "chain step µs": t_chain_step * 1e6,
        "step ns / input": t_chain_step * 1e9 / chain_input,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated sizes")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    print(
        f"# machine: {platform.platform()}, Python {platform.python_version()}, "
        f"{platform.processor() or platform.machine()}"
    )
    attrs_ms, rso_ms, both_ms = import_cost()
    own_ms = own_import_cost()
    print(
        f"\nimport (median of 15 fresh processes): attrs {attrs_ms:.1f} ms; "
        f"ru_so_relations {rso_ms:.1f} ms; attrs + ru_so_relations {both_ms:.1f} ms, "
        f"{both_ms - attrs_ms:+.1f} ms over attrs alone; ru_so_relations after attrs "
        f"(-X importtime, cumulative) {own_ms:.2f} ms (target: at most +5 ms)"
    )

    cold = cold_start()
    ours = cold["ru_so_relations"]
    print("\ncold first answer (median of 21 fresh processes, interpreter start included):")
    for name, (statement, what) in COLD_STATEMENTS.items():
        ms = cold[name]
        if ms is None:
            print(f"- {name}: not measured (install the bench extra); {what}")
            continue
        ratio = f", ours / this {ours / ms:.2f} x" if ours is not None and name != "python" else ""
        print(f"- {name}: {ms:.1f} ms{ratio}; {what}: `{statement}`")

    rows = [measure(n) for n in sizes]
    columns = list(rows[0])
    print()
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for row in rows:
        print(
            "| "
            + " | ".join(
                f"{row[c]:,.1f}" if isinstance(row[c], float) else f"{row[c]:,}" for c in columns
            )
            + " |"
        )
    print()
    for line in targets(both_ms - attrs_ms, own_ms, rows, cold):
        print(line)


def targets(
    import_ms: float,
    own_ms: float,
    rows: list[dict[str, Any]],
    cold: dict[str, float | None],
) -> list[str]:
    """Each target of the performance issues, the measured value, and whether it is met."""
    by_size = {row["events"]: row for row in rows}
    largest = by_size[max(by_size)]
    lines = ["| target | measured | met |", "|---|---|---|"]

    def add(target: str, measured: str, met: bool) -> None:
        lines.append(f"| {target} | {measured} | {'yes' if met else 'no'} |")

    ours, peer = cold["ru_so_relations"], cold["pycountry"]
    if ours is not None and peer is not None:
        add(
            "cold first answer faster than pycountry's cold lookup",
            f"{ours:.1f} ms vs {peer:.1f} ms ({ours / peer:.2f} x)",
            ours < peer,
        )

    add(
        "import at most 5 ms over `import attrs`",
        f"{import_ms:+.1f} ms (wall time); {own_ms:.2f} ms (-X importtime)",
        max(import_ms, own_ms) <= 5,
    )
    ratios = [row["load / json"] for row in rows]
    add(
        "load at most 5 x `json.loads`, at every size",
        ", ".join(f"{r:.1f} x ({n:,})" for r, n in zip(ratios, by_size, strict=True)),
        max(ratios) <= 5,
    )
    size = f"at {largest['events']:,} events"
    pandas = largest["pandas / between"]
    add(
        f"`between` at least 100 x faster than a pandas mask, {size}",
        f"{pandas:.0f} x",
        pandas >= 100,
    )
    sqlite = largest["sqlite / between"]
    add(f"`between` at least as fast as indexed SQLite, {size}", f"{sqlite:.1f} x", sqlite >= 1)
    if 10_000 in by_size and max(by_size) > 10_000:
        growth = largest["between µs"] / by_size[10_000]["between µs"]
        add(
            f"`between` {size} at most 3 x its time at 10,000 events",
            f"{growth:.2f} x",
            growth <= 3,
        )
    per_input = [row["step ns / input"] for row in rows]
    steps = ", ".join(f"{row['chain step µs']:.1f} µs ({row['events']:,})" for row in rows)
    add(
        "a chain step costs at most in proportion to its input, not to the dataset",
        f"{steps}; per input record {per_input[0]:.0f} ns at {rows[0]['events']:,} events, "
        f"at most {max(per_input):.0f} ns at any size",
        max(per_input) <= 3 * per_input[0],
    )
    return lines


if __name__ == "__main__":
    main()
