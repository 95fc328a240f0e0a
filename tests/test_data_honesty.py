"""Checks that keep the bundled data honest: sources, statuses, dates, offices and names."""

from __future__ import annotations

import datetime
import itertools
import re
from importlib import resources
from typing import TYPE_CHECKING, Any

import pytest

import ru_so_relations as rso
from ru_so_relations._registry import KEYS

if TYPE_CHECKING:
    from collections.abc import Iterator

SEED = "seed"
TODAY = datetime.date(2026, 11, 29)  # no record may be dated after the data was compiled


@pytest.fixture(scope="module")
def ds() -> rso.Dataset:
    return rso.load()


def checked_records(ds: rso.Dataset) -> Iterator[tuple[str, Any]]:
    """Every record that carries a verification status, with a label for messages."""
    for name in ("actors", "places", "stances", "agreements", "events"):
        for record in getattr(ds, name):
            yield f"{name}/{record.id}", record
    for office in ds.offices:
        for tenure in office.holders:
            yield f"offices/{office.id}/{tenure.person}", tenure


def publishers(ds: rso.Dataset, citations: tuple[rso.Citation, ...]) -> set[str]:
    return {ds.sources[c.source].publisher for c in citations if c.source != SEED}


def test_verification_status_matches_the_sources(ds: rso.Dataset) -> None:
    for label, record in checked_records(ds):
        cited = publishers(ds, record.sources)
        status = record.verification
        if status is rso.Verification.SEED_ONLY:
            assert not cited, f"{label}: seed_only but cites {cited}"
        elif status is rso.Verification.CONFIRMED:
            assert len(cited) >= 2, f"{label}: confirmed needs two publishers besides the seed"
        elif status is rso.Verification.SINGLE_SOURCE:
            # one publisher for the main claim; others may be cited for a detail (a date, a name)
            assert cited, f"{label}: single_source but cites only the seed"
        else:
            assert record.alternatives, f"{label}: disputed without alternatives"
            assert record.notes if hasattr(record, "notes") else True, f"{label}: no notes"


def test_every_record_has_a_source_with_an_address_and_a_quote(ds: rso.Dataset) -> None:
    for label, record in checked_records(ds):
        if record.verification is rso.Verification.SEED_ONLY:
            continue
        assert any(
            ds.sources[c.source].url is not None and c.quote is not None for c in record.sources
        ), f"{label}: no citation with both a URL and a quote"
    for office in ds.offices:
        assert any(c.quote is not None for c in office.sources), f"offices/{office.id}"


def test_seed_only_records_say_so(ds: rso.Dataset) -> None:
    for label, record in checked_records(ds):
        if record.verification is rso.Verification.SEED_ONLY:
            assert all(c.source == SEED for c in record.sources), label
            notes = getattr(record, "notes", None) or getattr(record, "description", None)
            assert notes, f"{label}: a seed-only record must explain itself in its notes"


def test_quotes_are_short(ds: rso.Dataset) -> None:
    for label, record in checked_records(ds):
        citations = list(record.sources)
        citations += [c for alt in record.alternatives for c in alt.sources]
        for citation in citations:
            if citation.quote is not None:
                assert len(citation.quote.split()) < 25, f"{label}: {citation.quote!r}"


def dates_of(ds: rso.Dataset) -> Iterator[tuple[str, rso.PartialDate]]:
    for event in ds.events:
        yield f"events/{event.id}", event.date
    for agreement in ds.agreements:
        for date in (agreement.signed, agreement.in_force):
            if date is not None:
                yield f"agreements/{agreement.id}", date
    for stance in ds.stances:
        for date in (stance.since, stance.until):
            if date is not None:
                yield f"stances/{stance.id}", date


def test_dates_lie_within_the_coverage(ds: rso.Dataset) -> None:
    assert ds.coverage is not None
    first, last = ds.coverage
    assert last <= TODAY
    for label, date in dates_of(ds):
        assert first <= date.earliest, f"{label}: {date} is before the coverage {first}"
        assert date.latest <= last, f"{label}: {date} is after the coverage {last}"
    for source in ds.sources:
        if source.published is not None:
            assert source.published.earliest <= TODAY, f"sources/{source.id}"


def test_tenures_overlap_the_coverage(ds: rso.Dataset) -> None:
    """An office holder may have taken office before the first event, but not left it."""
    assert ds.coverage is not None
    first, last = ds.coverage
    for office in ds.offices:
        for tenure in office.holders:
            label = f"offices/{office.id}/{tenure.person}"
            assert tenure.end is None or first <= tenure.end.latest, label
            assert tenure.start is None or tenure.start.earliest <= last, label


def test_coverage_includes_agreements(ds: rso.Dataset) -> None:
    assert ds.coverage is not None
    first, last = ds.coverage
    dated = [d for label, d in dates_of(ds) if not label.startswith("stances/")]
    assert first == min(d.earliest for d in dated)
    assert last == max(d.latest for d in dated)


def test_signature_before_entry_into_force(ds: rso.Dataset) -> None:
    for agreement in ds.agreements:
        if agreement.signed is not None and agreement.in_force is not None:
            assert agreement.signed.earliest <= agreement.in_force.latest, agreement.id


def overlapping(a: rso.Tenure, b: rso.Tenure) -> bool:
    """Whether two tenures certainly overlap by more than a day of handover.

    Partial dates count at their innermost: a tenure that ended "in 2012" and one that began
    "in 2012" may not overlap, so they pass; an unknown end is taken as still in office.
    """
    a_start = datetime.date.min if a.start is None else a.start.latest
    b_start = datetime.date.min if b.start is None else b.start.latest
    a_end = datetime.date.max if a.end is None else a.end.earliest
    b_end = datetime.date.max if b.end is None else b.end.earliest
    return a_start < b_end and b_start < a_end


def test_one_holder_at_a_time(ds: rso.Dataset) -> None:
    """Tenures of one office do not overlap.

    A tenure with an unknown start cannot be checked. A tenure without an end that a later
    one follows has an unknown end, which its notes must say; it is not checked either.
    """
    for office in ds.offices:
        known = [t for t in office.holders if t.start is not None]
        for earlier in known[:-1]:
            if earlier.end is None:
                assert earlier.notes, f"{office.id}: {earlier.person}: unknown end not explained"
        closed = [t for t in known if t.end is not None or t is known[-1]]
        for a, b in itertools.combinations(closed, 2):
            assert not overlapping(a, b), f"{office.id}: {a.person} and {b.person} overlap"


def test_offices_are_persons_and_sorted(ds: rso.Dataset) -> None:
    for office in ds.offices:
        assert ds.actors[office.organisation].kind is not rso.ActorKind.PERSON, office.id
        for tenure in office.holders:
            assert ds.actors[tenure.person].kind is rso.ActorKind.PERSON, tenure.person
        starts = [t.start.earliest for t in office.holders if t.start is not None]
        assert starts == sorted(starts), f"{office.id}: holders not in order of start"


def test_one_head_of_state_per_person_at_a_time(ds: rso.Dataset) -> None:
    """A person does not hold two offices of the same state or body at the same time."""
    for person in ds.actors.of_kind("person"):
        held = ds.offices.held_by(person)
        for (o1, t1), (o2, t2) in itertools.combinations(held, 2):
            if o1.organisation == o2.organisation and not (t1.acting or t2.acting):
                assert not overlapping(t1, t2), f"{person.id}: {o1.id} and {o2.id} overlap"


@pytest.mark.parametrize("collection", ["actors", "places", "publishers"])
def test_every_name_resolves_to_exactly_its_record(ds: rso.Dataset, collection: str) -> None:
    records = getattr(ds, collection)
    for record in records:
        for name in (record.id, *record.all_names):
            for spelling in {name, name.upper(), name.lower()}:
                assert records.resolve(spelling) is record, f"{spelling!r} -> {record.id}"


def test_recognition_is_recorded_as_stances(ds: rso.Dataset) -> None:
    recognising = ds.stances.of_position("recognises_independence").about("south-ossetia")
    holders = {s.holder for s in recognising.on("2010-01-01")}
    assert {"russia", "nicaragua", "venezuela", "nauru"} <= holders
    assert "georgia" not in holders
    georgia = ds.stances.held_by("georgia").about("south-ossetia")
    assert {s.position for s in georgia} == {rso.StancePosition.DOES_NOT_RECOGNISE_INDEPENDENCE}
    tuvalu = ds.stances.held_by("tuvalu").of_position("recognises_independence")
    assert all(s.until is not None for s in tuvalu), "Tuvalu withdrew its recognition"


def test_neutral_field_names() -> None:
    """No field or enum value takes a side on South Ossetia's status."""
    loaded = "|".join(
        [
            *(
                f.name
                for t in (rso.Event, rso.Actor, rso.Place, rso.Stance)
                for f in t.__attrs_attrs__
            ),
            *(m.value for e in (rso.ActorKind, rso.PlaceKind, rso.StancePosition) for m in e),
        ]
    )
    for word in ("occupied", "puppet", "separatist", "so_called", "annexed", "liberated"):
        assert word not in loaded


LEDGER = "ids.tsv"


def ledger() -> list[tuple[str, str, str, str]]:
    text = resources.files("ru_so_relations").joinpath("data", LEDGER).read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines()[1:] if line.strip()]
    assert all(len(row) == 4 for row in rows), "each ledger row: collection, id, added, removed"
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def test_every_id_is_in_the_ledger_and_removed_ids_are_not_reused(ds: rso.Dataset) -> None:
    rows = ledger()
    keys = [(collection, record_id) for collection, record_id, _, _ in rows]
    assert len(keys) == len(set(keys)), "an id appears twice in the ledger"
    present = {(name, record.id) for name in KEYS for record in getattr(ds, name)}
    listed = {(c, i) for c, i, _, removed in rows if not removed}
    removed = {(c, i) for c, i, _, gone in rows if gone}
    assert present == listed, (
        f"not in the ledger: {sorted(present - listed)[:5]}; "
        f"listed but missing (mark them removed): {sorted(listed - present)[:5]}"
    )
    assert not present & removed, f"removed ids reused: {sorted(present & removed)}"
    version = re.compile(r"\d{4}\.\d{1,2}\.\d+")
    for _, record_id, added, gone in rows:
        assert version.fullmatch(added), record_id
        assert not gone or version.fullmatch(gone), record_id


def test_a_template_placeholder_is_not_an_address() -> None:
    from ru_so_relations._fields import URL

    assert not URL.accepts("https://elnashra.com/news/show/1572613/{{url}}")
    with pytest.raises(ValueError, match=r"no braces such as a template's \{\{url\}\}"):
        URL.check("url", "https://example.org/{{url}}")
    assert URL.accepts("https://elnashra.com/news/show/1572613/")
