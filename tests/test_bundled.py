"""The bundled dataset: integrity, canonical form, seed coverage, lazy and cached loading."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections import Counter
from importlib import resources

import pytest

import ru_so_relations as rso

SEED_FACTS = [
    # (start, end, actors, event id): every dated fact of the seed document
    ("2008-08-07", "2008-08-08", ["Georgian Armed Forces"], "georgian-offensive-tskhinvali-2008"),
    (
        "2008-08-25",
        None,
        ["Federation Council", "State Duma", "Medvedev"],
        "federal-assembly-appeals-recognition-2008",
    ),
    (
        "2008-08-26",
        None,
        ["Medvedev", "South Ossetia", "Abkhazia"],
        "russia-recognises-south-ossetia-2008",
    ),
    ("2008-08-26", None, ["Medvedev"], "medvedev-address-recognition-2008"),
    ("2008-09", None, ["Kokoity", "Interfax"], "kokoity-valdai-remark-joining-russia-2008"),
    ("2008-09", None, ["Kokoity", "Interfax"], "kokoity-retraction-interfax-2008"),
    (
        "2008-08-29",
        None,
        ["znaur-gassiyev", "Medvedev", "Kokoity"],
        "gassiyev-several-years-absorption-claim-2008",
    ),
    ("2008-09", None, ["Medvedev", "Kokoity"], "treaty-friendship-2008-signing"),
    ("2009-01-20", None, ["Russia", "South Ossetia"], "treaty-friendship-2008-entry-into-force"),
    ("2009-01-16", None, ["Medoyev", "Medvedev"], "medoyev-credentials-medvedev-2009"),
    ("2009-04-30", None, ["Medvedev", "Kokoity"], "border-agreement-2009-signing"),
    ("2009-07-13", None, ["Medvedev", "Kokoity"], "medvedev-visit-tskhinvali-2009"),
    (
        "2009-07-13",
        None,
        ["Medvedev", "Serdyukov", "Sergey Makarov"],
        "medvedev-visit-tskhinvali-2009",
    ),
    (
        "2009-07-13",
        None,
        ["Georgia", "Medvedev"],
        "georgia-condemns-medvedev-tskhinvali-visit-2009",
    ),
    (
        "2009-07-21",
        None,
        # the seed also names Shoygu; no source names him there, so he is not a participant
        ["Chaika", "Nurgaliyev"],
        "russian-officials-visit-south-ossetia-2009-07-21",
    ),
    ("2009-07-21", None, ["Chaika"], "prosecutors-memorandum-2009-signing"),
    ("2009-08", None, ["Lavrov", "Vesti"], "lavrov-vesti-interview-2009"),
    ("2009", None, ["Russia", "South Ossetia"], "russia-aid-8-5-billion-2009"),
    ("2015-03", None, ["Georgian Foreign Ministry"], "georgia-mfa-statement-2015-treaty"),
    ("2015-03", None, ["United States"], "us-statement-2015-treaty-nonrecognition"),
    ("2015-03", None, ["European Union"], "eu-statement-2015-treaty"),
    ("2022-03-30", None, ["Bibilov"], "bibilov-announces-legal-steps-to-join-russia-2022"),
]


@pytest.fixture(scope="module")
def ds() -> rso.Dataset:
    return rso.load()


@pytest.mark.parametrize(("start", "end", "actors", "event_id"), SEED_FACTS)
def test_seed_fact_is_found(
    ds: rso.Dataset, start: str, end: str | None, actors: list[str], event_id: str
) -> None:
    found = ds.events.between(start, end or start).involving(*actors)
    assert event_id in found


def test_seed_agreements(ds: rso.Dataset) -> None:
    decree = ds.agreements["decree-1261-recognition-south-ossetia-2008"]
    assert (decree.type, decree.number, str(decree.signed)) == (
        rso.AgreementType.DECREE,
        "1261",
        "2008-08-26",
    )
    treaty = ds.agreements["treaty-friendship-cooperation-mutual-assistance-2008"]
    assert (str(treaty.signed), str(treaty.in_force)) == ("2008-09-17", "2009-01-20")
    border = ds.agreements.between("2009-04-30").involving("Medvedev", "Kokoity")
    assert border.ids == ("agreement-joint-protection-state-border-south-ossetia-2009",)
    assert "treaty-alliance-integration-2015" in ds.agreements.of_type("treaty").between("2015")


def test_issue_examples(ds: rso.Dataset) -> None:
    """The query API as the public contract writes it."""
    assert len(ds.events) == len(list(ds.events)) > 0
    august = ds.events.between("2008-08-07", "2008-08-26")
    assert august
    assert all("2008-08-07" <= str(e.date.earliest) <= "2008-08-26" for e in august)
    assert ds.events.between("2009-08")
    assert len(ds.events.between("2009-08", "2009-12", overlap=True)) >= len(
        ds.events.between("2009-08", "2009-12")
    )
    assert ds.events.involving("Medvedev", "Kokoity")
    assert ds.events.of_kind(rso.EventKind.VISIT)
    assert ds.agreements.of_type(rso.AgreementType.TREATY)
    assert ds.agreements.between("2008")
    assert ds.agreements.involving("South Ossetia")
    assert ds.actors.resolve("Kokoity").id == "eduard-kokoity"
    chained = ds.events.between("2009").involving("Medvedev").of_kind(rso.EventKind.VISIT)
    assert "medvedev-visit-tskhinvali-2009" in chained


def test_canonical_form(ds: rso.Dataset) -> None:
    text = (
        resources.files("ru_so_relations")
        .joinpath("data", "dataset.json")
        .read_text(encoding="utf-8")
    )
    assert rso.dumps(ds) == text
    # the bundled file is read without the strict parser's checks (no byte-order mark, NaN
    # or repeated keys); these hold because it is canonical, and the strict reader agrees
    data = resources.files("ru_so_relations").joinpath("data", "dataset.json").read_bytes()
    assert rso.loads(data) == ds


def test_version(ds: rso.Dataset) -> None:
    assert ds.version == rso.DATA_VERSION


def test_every_record_is_cited_and_every_source_used(ds: rso.Dataset) -> None:
    cited: set[str] = set()
    records = [
        *ds.actors,
        *ds.places,
        *ds.offices,
        *ds.stances,
        *ds.agreements,
        *ds.events,
        *ds.figures,
        *(t for o in ds.offices for t in o.holders),
    ]
    for record in records:
        assert record.sources, record
        cited.update(c.source for c in record.sources)
        for alternative in getattr(record, "alternatives", ()):
            cited.update(c.source for c in alternative.sources)
        cited.update(i.source for i in getattr(record, "identifiers", ()))
    assert cited == set(ds.sources.ids)


def test_every_source_has_an_address(ds: rso.Dataset) -> None:
    # the seed summary, the one source without one, is no longer cited (data 2026.12.3)
    assert [s.id for s in ds.sources if s.url is None] == []
    assert "seed" not in ds.sources.ids


def test_agreement_events_point_back(ds: rso.Dataset) -> None:
    for event in ds.events.of_kind("signing", "entry_into_force", "ratification"):
        for agreement_id in event.agreements:
            agreement = ds.agreements[agreement_id]
            if event.kind is rso.EventKind.ENTRY_INTO_FORCE and agreement.in_force is not None:
                assert agreement.in_force == event.date


def test_load_is_cached_and_thread_safe() -> None:
    results: list[rso.Dataset] = []
    threads = [threading.Thread(target=lambda: results.append(rso.load())) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 16
    assert all(r is results[0] for r in results)
    assert rso.load() is results[0]


def test_import_is_lazy() -> None:
    # importing reads nothing; loading the bundled data takes the fast path, which needs no
    # cattrs; writing does
    code = (
        "import sys, ru_so_relations as rso, ru_so_relations._io as io;"
        "print('cattrs' in sys.modules, io._bundled is None);"
        "ds = rso.load(); print('cattrs' in sys.modules, io._bundled is None);"
        "rso.dumps(ds.events[0]); print('cattrs' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False", "True", "False", "False", "True"]


def test_public_api() -> None:
    # sorted as isort and ruff sort it: constants, then classes, then functions
    def key(name: str) -> tuple[int, str]:
        return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

    assert rso.__all__ == sorted(rso.__all__, key=key)
    for name in rso.__all__:
        obj = getattr(rso, name)
        assert obj.__doc__ or name in {"DATA_VERSION", "DateLike"}, name
    assert isinstance(rso.__version__, str)
    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        rso.nope  # type: ignore[attr-defined]  # noqa: B018


def test_import_loads_no_implementation_module() -> None:
    """`import ru_so_relations` imports only the package itself; names load on first use."""
    code = (
        "import sys, ru_so_relations as rso;"
        "print(sorted(m for m in sys.modules if m.startswith('ru_so_relations.')));"
        "rso.Event; print('ru_so_relations._models' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    first, second = out.stdout.splitlines()
    assert first == "[]"
    assert second == "True"
    assert set(dir(rso)) >= set(rso.__all__)


def test_every_year_is_covered_in_depth(ds: rso.Dataset) -> None:
    """At least 500 events, 80 in 1989–2007 and 8 in every year 2008–2025 (counts printed)."""
    years = Counter(e.date.earliest.year for e in ds.events)
    print("events per year:", dict(sorted(years.items())))
    early = sum(n for year, n in years.items() if year <= 2007)
    thin = {year: years[year] for year in range(2008, 2026) if years[year] < 8}
    assert len(ds.events) >= 500
    assert early >= 80
    assert thin == {}
