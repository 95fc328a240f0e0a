"""The treaty register: agreement levels, lifecycles, the bilateral query and publishers as data."""

from __future__ import annotations

import copy
import csv
import datetime
import io
import json
import re
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ru_so_relations as rso
from ru_so_relations._names import name_key
from ru_so_relations._registry import BY_KEY
from ru_so_relations._tables import TABLES_BY_NAME
from tests import strategies
from tests.test_bad_input import problems_of, valid
from tests.test_cli import run

AGREEMENT = "agreements[0] (id 'treaty')"


@pytest.fixture(scope="module")
def ds() -> rso.Dataset:
    return rso.load()


# --- levels ---------------------------------------------------------------------------------


def test_every_level_is_a_query(ds: rso.Dataset) -> None:
    seen = 0
    for level in rso.AgreementLevel:
        kept = ds.agreements.of_level(level)
        assert list(kept) == [a for a in ds.agreements if a.level is level]
        assert kept == ds.agreements.of_level(level.value)  # members or their values
        seen += len(kept)
    assert seen == len(ds.agreements)
    both = ds.agreements.of_level("interstate", "intergovernmental")
    assert {a.level.value for a in both} == {"interstate", "intergovernmental"}
    with pytest.raises(ValueError, match="'state' is not a valid AgreementLevel"):
        ds.agreements.of_level("state")
    with pytest.raises(ValueError, match="give at least one AgreementLevel"):
        ds.agreements.of_level()


def test_levels_chain_with_other_queries(ds: rso.Dataset) -> None:
    chained = ds.agreements.bilateral("Russia", "South Ossetia").of_level("interagency")
    assert chained
    assert all(a.level is rso.AgreementLevel.INTERAGENCY for a in chained)
    assert set(chained.ids) <= set(ds.agreements.of_level("interagency").ids)


def test_the_cli_filters_by_level(capsys: pytest.CaptureFixture[str], ds: rso.Dataset) -> None:
    status, out, _ = run(capsys, "agreements", "--level", "Interagency", "--format", "csv")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == list(ds.agreements.of_level("interagency").ids)
    assert {r["level"] for r in rows} == {"interagency"}
    status, out, _ = run(
        capsys, "agreements", "--level", "interstate", "--level", "intergovernmental"
    )
    assert status == 0
    assert out.splitlines()[0].split()[:3] == ["ID", "LEVEL", "SIGNED"]
    status, _, err = run(capsys, "agreements", "--level", "bogus")
    assert status == 2
    assert "--level: 'bogus' is not a level; expected one of: interstate" in err
    assert err.count("\n") == 1


# --- lifecycle ------------------------------------------------------------------------------


def _dated(text: str | None) -> rso.PartialDate | None:
    return None if text is None else rso.PartialDate.parse(text)


def _agreement(**fields: Any) -> rso.Agreement:
    base: dict[str, Any] = {
        "id": "a",
        "title": "An agreement",
        "type": rso.AgreementType.AGREEMENT,
        "level": rso.AgreementLevel.INTERSTATE,
        "sources": (rso.Citation(source="s"),),
        "verification": rso.Verification.SINGLE_SOURCE,
    }
    base.update(fields)
    return rso.Agreement(**base)


@pytest.mark.parametrize(
    ("in_force", "terminated", "day", "expected"),
    [
        ("2010-01-01", None, "2010-01-01", True),
        ("2010-01-01", None, "2009-12-31", False),
        ("2010-01", None, "2010-01-15", False),  # in force some day that month: not known yet
        ("2010-01", None, "2010-02-01", True),
        ("2010-01-01", "2015-06-30", "2015-06-29", True),
        ("2010-01-01", "2015-06-30", "2015-06-30", False),  # ended that day
        ("2010-01-01", "2015", "2014-12-31", True),
        ("2010-01-01", "2015", "2015-03-01", False),  # ended some day in 2015: not known
        (None, None, "2020-01-01", False),  # entry into force unknown: never counted
    ],
)
def test_in_force_on_a_day(
    in_force: str | None, terminated: str | None, day: str, expected: bool
) -> None:
    agreement = _agreement(
        signed=rso.PartialDate.parse("2009"),
        in_force=_dated(in_force),
        terminated=_dated(terminated),
    )
    assert agreement.in_force_on(datetime.date.fromisoformat(day)) is expected
    collection = rso.Agreements([agreement])
    assert (agreement in collection.in_force(day)) is expected


@given(st.lists(strategies.agreements(), max_size=8, unique_by=lambda a: a.id), st.dates())
def test_in_force_keeps_exactly_the_agreements_known_in_force(
    agreements: list[rso.Agreement], day: datetime.date
) -> None:
    collection = rso.Agreements(agreements)
    kept = collection.in_force(day)
    for agreement in collection:
        known = (
            agreement.in_force is not None
            and agreement.in_force.latest <= day
            and (agreement.terminated is None or agreement.terminated.earliest > day)
        )
        assert (agreement in kept) is known
    assert list(kept) == [a for a in collection if a in kept]


def test_lifecycle_rules_at_construction() -> None:
    signed = rso.PartialDate.parse("2012-05-01")
    with pytest.raises(ValueError, match="terminated: 2011 is before the signature date"):
        _agreement(signed=signed, terminated=rso.PartialDate.parse("2011"))
    with pytest.raises(ValueError, match="terminated: 2013-01-01 is before the entry into force"):
        _agreement(
            in_force=rso.PartialDate.parse("2014"), terminated=rso.PartialDate.parse("2013-01-01")
        )
    with pytest.raises(ValueError, match="amends: an agreement cannot refer to itself"):
        _agreement(amends=("a",))
    with pytest.raises(ValueError, match="replaces: an agreement cannot refer to itself"):
        _agreement(replaces=("a",))
    with pytest.raises(TypeError, match="level: must be an AgreementLevel, not str"):
        _agreement(level="interstate")
    with pytest.raises(TypeError, match=r"names\[0\]: must be a Name"):
        _agreement(names=("Договор",))


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("level", "state", f"{AGREEMENT}: level: 'state' is not a valid AgreementLevel"),
        ("place", "atlantis", f"{AGREEMENT}: place: unknown place 'atlantis'"),
        ("amends", ["nothing"], f"{AGREEMENT}: amends[0]: unknown agreement 'nothing'"),
        ("replaces", ["nothing"], f"{AGREEMENT}: replaces[0]: unknown agreement 'nothing'"),
        ("terminated", "2008-01-01", f"{AGREEMENT}: terminated: 2008-01-01 is before the"),
        ("names", [{"language": "ru"}], f"{AGREEMENT}: names[0].text: required field"),
    ],
)
def test_new_fields_are_checked_at_load(field: str, value: Any, message: str) -> None:
    data = valid()
    data["agreements"][0][field] = value
    assert message in problems_of(data)


def test_a_missing_level_is_reported() -> None:
    data = valid()
    del data["agreements"][0]["level"]
    assert f"{AGREEMENT}: level: required field is missing" in problems_of(data)


def test_the_new_fields_load_and_round_trip() -> None:
    data = valid()
    second = copy.deepcopy(data["agreements"][0])
    second.update(
        id="protocol",
        type="protocol",
        names=[{"language": "ru", "text": "Протокол"}],
        place="tskhinvali",
        amends=["treaty"],
        terminated="2020",
    )
    data["agreements"].append(second)
    loaded = rso.loads(json.dumps(data))
    protocol = loaded.agreements["protocol"]
    assert protocol.place == "tskhinvali"
    assert protocol.names == (rso.Name(language="ru", text="Протокол"),)
    assert protocol.terminated == rso.PartialDate.parse("2020")
    assert list(loaded.agreements.amending("treaty").ids) == ["protocol"]
    assert rso.loads(rso.dumps(loaded)) == loaded


def test_the_schema_and_tables_have_the_new_fields(ds: rso.Dataset) -> None:
    schema = rso.json_schema()
    properties = schema["$defs"]["Agreement"]["properties"]
    assert {"names", "level", "place", "terminated", "amends", "replaces"} <= set(properties)
    assert properties["level"] == {"$ref": "#/$defs/AgreementLevel"}
    assert schema["$defs"]["AgreementLevel"]["enum"] == [v.value for v in rso.AgreementLevel]
    assert "Publisher" in schema["$defs"]
    kind = BY_KEY["agreements"]
    main_table = TABLES_BY_NAME["agreements"]
    columns = [f[0] for f in main_table.fields]
    assert {"level", "place", "terminated", "terminated_precision"} <= set(columns)
    rows = {r["id"]: r for r in main_table.rows_of(kind, ds.agreements)}
    for agreement in ds.agreements:
        row = rows[agreement.id]
        assert row["level"] == agreement.level.value
        assert row["place"] == agreement.place
        assert row["terminated"] == (
            None if agreement.terminated is None else str(agreement.terminated)
        )
    links = list(TABLES_BY_NAME["agreement_links"].rows_of(kind, ds.agreements))
    expected = {
        (a.id, relation, target)
        for a in ds.agreements
        for relation in ("amends", "replaces")
        for target in getattr(a, relation)
    }
    assert expected  # the bundled data links protocols to their treaties
    assert {(r["agreement"], r["relation"], r["target"]) for r in links} == expected
    names = [
        r for r in TABLES_BY_NAME["names"].rows_of(kind, ds.agreements) if r["language"] == "ru"
    ]
    assert len(names) == sum(1 for a in ds.agreements for n in a.names if n.language == "ru")


# --- the register ---------------------------------------------------------------------------


def side(ds: rso.Dataset, actor_id: str) -> str | None:
    """The state an actor belongs to, following part_of."""
    actor: rso.Actor | None = ds.actors[actor_id]
    while actor is not None:
        if actor.id in ("russia", "south-ossetia"):
            return actor.id
        actor = ds.actors[actor.part_of] if actor.part_of else None
    return None


def test_bilateral_means_only_the_two_sides_at_any_level(ds: rso.Dataset) -> None:
    register = ds.agreements.bilateral("Russia", "South Ossetia")
    for agreement in ds.agreements:
        sides = [side(ds, p) for p in agreement.parties]
        expected = set(sides) == {"russia", "south-ossetia"}
        assert (agreement in register) is expected, agreement.id
    assert register == ds.agreements.bilateral("Южная Осетия", "Россия")
    involving = ds.agreements.involving("Russia", "South Ossetia", including_parts=True)
    assert set(register.ids) <= set(involving.ids)
    levels = {a.level for a in register}
    assert {
        rso.AgreementLevel.INTERSTATE,
        rso.AgreementLevel.INTERGOVERNMENTAL,
        rso.AgreementLevel.INTERAGENCY,
    } <= levels
    with pytest.raises(ValueError, match="the two sides overlap"):
        ds.agreements.bilateral("Russia", "State Duma")


def test_every_register_entry_is_cited_with_a_quote(ds: rso.Dataset) -> None:
    for agreement in ds.agreements.bilateral("Russia", "South Ossetia"):
        quotes = [c.quote for c in agreement.sources if c.quote]
        assert quotes, agreement.id
        assert all(len(q.split()) < 25 for q in quotes), agreement.id


def test_protocols_point_to_what_they_amend(ds: rso.Dataset) -> None:
    protocol = ds.agreements["protocol-amending-alliance-treaty-stay-limits-2018"]
    assert protocol.amends == ("treaty-alliance-integration-2015",)
    assert protocol in ds.agreements.amending("treaty-alliance-integration-2015")
    assert protocol in ds.agreements.amending(ds.agreements["treaty-alliance-integration-2015"])
    with pytest.raises(TypeError, match="expected an agreement or its id, not int"):
        ds.agreements.amending(3)  # type: ignore[arg-type]


NOT_FOUND = re.compile(r"\b(?:not found|not seen|was not given|no page gave)\b", re.IGNORECASE)


def _sides_of(ds: rso.Dataset, event: rso.Event) -> set[str | None]:
    return {side(ds, p.actor) for p in event.actors}


def test_notes_agree_with_the_fields(ds: rso.Dataset) -> None:
    """A note saying something was not found must not contradict a field or an event."""
    problems = []
    for a in ds.agreements:
        for sentence in re.split(r"(?<=[.;])\s+", a.notes or ""):
            if not NOT_FOUND.search(sentence):
                continue
            s = sentence.lower()
            if re.search(r"\bentry[ -]into[ -]force\b", s) and a.in_force and "formal" not in s:
                problems.append((a.id, "in_force is set", sentence))
            unqualified = r"(?<!south ossetian )(?<!russian )(?<!individual )"
            if re.search(unqualified + r"\bsignator(?:y|ies)\b", s) and a.signatories:
                problems.append((a.id, "signatories are set", sentence))
            if re.search(r"\bplace\b", s) and a.place is not None:
                problems.append((a.id, "place is set", sentence))
            russian_title = any(n.language == "ru" for n in a.names)
            if re.search(r"\b(?:official|russian) (?:russian )?titles?\b", s) and russian_title:
                problems.append((a.id, "a Russian title is set", sentence))
            if "ratification" in s and not re.search(r"number|date of the|law's", s):
                events = [e for e in ds.events.concerning(a) if e.kind.value == "ratification"]
                if "south ossetian ratification" in s:
                    events = [e for e in events if "south-ossetia" in _sides_of(ds, e)]
                elif "russian ratification" in s:
                    events = [e for e in events if "russia" in _sides_of(ds, e)]
                if events:
                    problems.append((a.id, f"{len(events)} ratification events", sentence))
    assert not problems


def test_official_counts_are_statements_with_a_number(ds: rso.Dataset) -> None:
    counts = [e for e in ds.events if e.id.startswith("treaty-base-count-")]
    assert len(counts) >= 5
    for event in counts:
        assert event.kind is rso.EventKind.STATEMENT
        assert re.search(r"\b\d{2,3}\b", event.title), event.id
        assert all(c.quote for c in event.sources), event.id


# --- publishers -----------------------------------------------------------------------------


def test_no_host_belongs_to_two_publishers(ds: rso.Dataset) -> None:
    owner: dict[str, str] = {}
    for publisher in ds.publishers:
        for host in publisher.hosts:
            assert host not in owner, f"{host}: {owner.get(host)} and {publisher.id}"
            owner[host] = publisher.id
    for host, owner_id in owner.items():  # nor a subdomain of another's host
        parent = host.partition(".")[2]
        while parent:
            assert owner.get(parent, owner_id) == owner_id, f"{host} is under {parent}"
            parent = parent.partition(".")[2]


def test_no_name_belongs_to_two_publishers(ds: rso.Dataset) -> None:
    seen: dict[str, str] = {}
    for publisher in ds.publishers:
        for name in {name_key(n) for n in publisher.all_names}:
            assert seen.setdefault(name, publisher.id) == publisher.id, name


def test_spellings_of_one_publisher_resolve_to_it(ds: rso.Dataset) -> None:
    rrc = ds.publishers.resolve("Regionalism Research Centre (rrc.ge)")
    assert ds.publishers.resolve("rrc.ge") == rrc
    assert ds.publishers.of_url("https://rrc.ge/en/some/page") == rrc
    knot = ds.publishers.of_url("https://m.kavkaz-uzel.eu/articles/1")
    assert knot is not None
    assert knot.id == "caucasian-knot"
    assert ds.publishers.of_url("https://example.invalid/") is None
    assert ds.publishers.resolve("ИА Рес").id == "ia-res"
    assert all(s.publisher == rrc.id for s in ds.sources.published_by(rrc))


def test_every_publisher_is_used(ds: rso.Dataset) -> None:
    used = {s.publisher for s in ds.sources}
    assert used == set(ds.publishers.ids)


def test_confirmed_means_two_canonical_publishers() -> None:
    data = valid()
    data["sources"].append({**data["sources"][0], "id": "src-2", "url": "https://example.org/b"})
    event = data["events"][0]
    event["sources"].append({"source": "src-2", "quote": None, "locator": None})
    event["verification"] = "confirmed"
    assert (
        "events[0] (id 'an-event-2009'): verification: 'confirmed' needs sources from two or "
        "more publishers; these cite only 'A publisher'"
    ) in problems_of(data)
    data["publishers"].append(
        {**data["publishers"][0], "id": "another", "name": "Another", "hosts": []}
    )
    data["sources"][1]["publisher"] = "another"
    assert rso.loads(json.dumps(data)).events[0].verification is rso.Verification.CONFIRMED


def test_a_source_must_name_a_known_publisher() -> None:
    data = valid()
    data["sources"][0]["publisher"] = "A publisher"  # a name, not an id
    assert "sources[0] (id 'src'): publisher: 'A publisher' is not a valid id" in problems_of(data)
    data["sources"][0]["publisher"] = "nobody"
    assert "sources[0] (id 'src'): publisher: unknown publisher 'nobody'" in problems_of(data)


def test_hosts_are_host_names() -> None:
    with pytest.raises(ValueError, match="is not a host name"):
        rso.Publisher(id="p", name="P", hosts=("https://tass.ru",))
    publisher = rso.Publisher(id="p", name="P", hosts=("tass.ru",))
    assert attrs.evolve(publisher, hosts=("tass.com",)).hosts == ("tass.com",)
