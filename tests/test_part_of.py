"""The bundled data's `Actor.part_of` links, and the queries that follow them.

An event or agreement involving a state's parliament, ministry, armed forces or other body
must be found for that state with `including_parts=True`, and only then.
"""

from __future__ import annotations

import pytest

import ru_so_relations as rso

# Bodies that belong to each state (directly or through another body) and must be found
# among its parts. Not exhaustive on purpose: a body added later only has to be linked.
KNOWN_PARTS = {
    "georgia": {
        "parliament-of-georgia",
        "georgian-armed-forces",
        "ministry-of-foreign-affairs-of-georgia",
    },
    "russia": {
        "government-of-russia",
        "ministry-of-foreign-affairs-of-russia",  # through government-of-russia
        "state-duma",
        "federation-council",
        "prosecutor-general-office-russia",
        "fso-russia",
        "fsb-border-directorate-south-ossetia",
        "russian-armed-forces",
        "4th-guards-military-base",  # through russian-armed-forces
        "north-ossetia",  # a constituent republic of the Russian Federation
    },
    "south-ossetia": {
        "government-of-south-ossetia",
        "ministry-of-foreign-affairs-of-south-ossetia",  # through its government
        "embassy-of-south-ossetia-in-moscow",  # through the ministry
        "parliament-of-south-ossetia",
        "kgb-south-ossetia",
        "prosecutor-general-office-south-ossetia",
    },
}

# Government bodies and military units that belong to no single actor in the dataset, so
# they are allowed to have no part_of. Keep each entry justified.
NOT_PART_OF_ANYTHING = {
    # Peacekeeping force of Russian, Georgian and North Ossetian battalions set up under
    # the 1992 Sochi agreement; under Russian command, but not an organ of any one state.
    "joint-peacekeeping-forces",
}

# Mixed or international bodies that must stay unlinked rather than be forced into a state.
MIXED_BODIES = {
    "joint-control-commission",  # Georgian, South Ossetian, Russian and North Ossetian sides
    "joint-peacekeeping-forces",
    "osce",
    "united-nations",
    "european-union",
    "nato",
}


@pytest.fixture(scope="module")
def ds() -> rso.Dataset:
    return rso.load()


def parts(ds: rso.Dataset, state: str) -> set[str]:
    """The state's parts at any depth, without the state itself."""
    found = ds.actors.with_parts(state)
    assert found[0] == state
    return set(found[1:])


def event_actors(event: rso.Event) -> set[str]:
    return {p.actor for p in event.actors}


def agreement_actors(agreement: rso.Agreement) -> set[str]:
    return set(agreement.parties) | set(agreement.signatories)


@pytest.mark.parametrize("state", sorted(KNOWN_PARTS))
def test_known_bodies_are_parts_of_their_state(ds: rso.Dataset, state: str) -> None:
    found = parts(ds, state)
    assert KNOWN_PARTS[state] <= found, sorted(KNOWN_PARTS[state] - found)
    for part in found:
        assert ds.actors[part].kind is not rso.ActorKind.PERSON, part
        assert part not in MIXED_BODIES, part
    others = set(KNOWN_PARTS) - {state}
    assert not found & others, "a state is not part of another state in this dataset"
    for other in others:
        assert not found & parts(ds, other), f"{state} and {other} share parts"


def test_links_go_through_the_intermediate_bodies(ds: rso.Dataset) -> None:
    part_of = {a.id: a.part_of for a in ds.actors}
    assert part_of["ministry-of-foreign-affairs-of-russia"] == "government-of-russia"
    assert part_of["government-of-russia"] == "russia"
    assert part_of["4th-guards-military-base"] == "russian-armed-forces"
    assert part_of["russian-armed-forces"] == "russia"
    assert part_of["fsb-border-directorate-south-ossetia"] == "russia"  # no FSB actor
    assert part_of["state-duma"] == "russia"  # no Federal Assembly actor
    assert part_of["federation-council"] == "russia"
    assert part_of["north-ossetia"] == "russia"
    assert part_of["parliament-of-georgia"] == "georgia"
    assert part_of["georgian-armed-forces"] == "georgia"
    assert part_of["ministry-of-foreign-affairs-of-south-ossetia"] == "government-of-south-ossetia"
    assert part_of["government-of-south-ossetia"] == "south-ossetia"
    assert part_of["embassy-of-south-ossetia-in-moscow"] == (
        "ministry-of-foreign-affairs-of-south-ossetia"
    )
    # organs of international organisations
    assert part_of["international-court-of-justice"] == "united-nations"
    assert part_of["eumm"] == "european-union"
    assert "eumm" in ds.actors.with_parts("European Union")


@pytest.mark.parametrize("state", sorted(KNOWN_PARTS))
def test_events_of_a_state_include_those_of_its_bodies(ds: rso.Dataset, state: str) -> None:
    bodies = parts(ds, state)
    with_parts = set(ds.events.involving(state, including_parts=True).ids)
    without = set(ds.events.involving(state).ids)
    assert with_parts == {e.id for e in ds.events if event_actors(e) & (bodies | {state})}
    assert without == {e.id for e in ds.events if state in event_actors(e)}
    only_bodies = {e.id for e in ds.events if event_actors(e) & bodies} - without
    assert only_bodies, f"no event involves {state}'s bodies without {state} itself"
    assert only_bodies <= with_parts
    assert not only_bodies & without


@pytest.mark.parametrize(
    ("state", "event"),
    [
        ("Georgia", "battle-of-tskhinvali-2008"),  # Georgian and Russian armed forces
        ("Russia", "battle-of-tskhinvali-2008"),
        ("Georgia", "georgian-parliament-adopts-occupied-territories-law-2008"),
        ("Georgia", "georgian-parliament-votes-cis-exit-2008"),
        ("Georgia", "georgia-mfa-statement-2010-base-agreement"),
        ("Russia", "mtc-treaty-2023-ratification-state-duma"),  # only the State Duma
        ("Russia", "state-duma-hearings-unrecognised-republics-2008"),
        ("Russia", "dual-citizenship-2021-ratification-federation-council"),
        ("Russia", "medvedev-visit-tskhinvali-2009"),  # through the 4th base
        ("Russia", "zakharova-welcomes-referendum-suspension-2022"),  # through the MFA
        ("Russia", "sochi-agreement-signing-1992"),  # North Ossetia
        ("Russia", "prosecutors-agreement-2008-signing"),
        ("South Ossetia", "border-agreement-2009-ratification-south-ossetia"),
        ("South Ossetia", "lavrov-medoev-consultation-plan-2021"),  # through the MFA
        ("South Ossetia", "visa-free-agreement-2010-signing"),
        ("South Ossetia", "prosecutors-agreement-2008-signing"),
    ],
)
def test_event_found_only_with_parts(ds: rso.Dataset, state: str, event: str) -> None:
    assert event in ds.events.involving(state, including_parts=True).ids
    assert event not in ds.events.involving(state).ids


def test_events_between_russian_and_south_ossetian_bodies(ds: rso.Dataset) -> None:
    ru, so = ds.actors.with_parts("russia"), ds.actors.with_parts("south-ossetia")
    found = set(ds.events.involving("Russia", "South Ossetia", including_parts=True).ids)
    expected = {e.id for e in ds.events if event_actors(e) & set(ru) and event_actors(e) & set(so)}
    assert found == expected
    assert {
        "visa-free-agreement-2010-signing",  # the two governments
        "lavrov-medoev-consultation-plan-2021",  # the two foreign ministries
        "prosecutors-agreement-2008-signing",  # the two prosecutor's offices
    } <= found - set(ds.events.involving("Russia", "South Ossetia").ids)


def test_agreements_between_russian_and_south_ossetian_bodies(ds: rso.Dataset) -> None:
    ru, so = set(ds.actors.with_parts("russia")), set(ds.actors.with_parts("south-ossetia"))
    found = set(ds.agreements.involving("Russia", "South Ossetia", including_parts=True).ids)
    by_parties = {a.id for a in ds.agreements if set(a.parties) & ru and set(a.parties) & so}
    assert by_parties <= found
    assert found == {
        a.id for a in ds.agreements if agreement_actors(a) & ru and agreement_actors(a) & so
    }
    without = set(ds.agreements.involving("Russia", "South Ossetia").ids)
    bodies_only = {
        "agreement-visa-free-travel-2010",
        "agreement-military-technical-cooperation-2010",
        "agreement-emergency-situations-cooperation-2011",
        "agreement-abolition-import-duties-2012",
        "protocol-trade-in-goods-2019",
        "agreement-government-communications-cooperation",
        "agreement-prosecutors-russia-south-ossetia-2008",
        "memorandum-prosecutors-russia-south-ossetia-2009",
    }
    assert bodies_only <= found
    assert not bodies_only & without
    assert "treaty-alliance-integration-2015" in found & without
    # Georgia's law names its parliament and Georgia; neither is Russian or South Ossetian
    assert "law-of-georgia-on-occupied-territories-2008" not in found


def test_agreements_of_a_state_include_those_of_its_bodies(ds: rso.Dataset) -> None:
    found = set(ds.agreements.involving("Russia", including_parts=True).ids)
    assert "state-duma-resolution-appeal-recognition-2008" in found
    assert "federation-council-appeal-recognition-2008" in found
    assert "state-duma-resolution-appeal-recognition-2008" not in (
        ds.agreements.involving("Russia").ids
    )
    assert "law-of-georgia-on-occupied-territories-2008" in (
        ds.agreements.involving("Georgia", including_parts=True).ids
    )


def test_government_bodies_and_units_belong_somewhere(ds: rso.Dataset) -> None:
    kinds = {rso.ActorKind.GOVERNMENT_BODY, rso.ActorKind.MILITARY_UNIT}
    unlinked = {a.id for a in ds.actors if a.kind in kinds and a.part_of is None}
    assert unlinked == NOT_PART_OF_ANYTHING
    for actor_id in NOT_PART_OF_ANYTHING:  # the allow-list names real, unlinked bodies
        assert ds.actors[actor_id].kind in kinds


def test_mixed_bodies_and_states_stay_unlinked(ds: rso.Dataset) -> None:
    for actor_id in MIXED_BODIES:
        assert ds.actors[actor_id].part_of is None, actor_id
    # Whether South Ossetia (or Abkhazia) is part of Georgia is the disputed question
    # itself; the data takes no side, so no state or de facto state is part of another.
    for actor in ds.actors:
        if actor.kind in {rso.ActorKind.STATE, rso.ActorKind.DE_FACTO_STATE}:
            assert actor.part_of is None, actor.id
    assert "south-ossetia" not in ds.actors.with_parts("Georgia")
    assert "south-ossetia" not in ds.actors.with_parts("Russia")


def test_no_person_is_part_of_anything(ds: rso.Dataset) -> None:
    persons = [a for a in ds.actors if a.kind is rso.ActorKind.PERSON]
    assert len(persons) > 50
    assert [a.id for a in persons if a.part_of is not None] == []
    # so an event with only a Georgian office-holder is not found for Georgia through parts
    for state in KNOWN_PARTS:
        assert not {a.id for a in persons} & set(ds.actors.with_parts(state))
