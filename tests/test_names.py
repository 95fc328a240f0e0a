from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import ru_so_relations as rso
from ru_so_relations._names import name_key

if TYPE_CHECKING:
    from hypothesis import strategies as st


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kokoity", "KOKOITY"),
        ("Kokoity", "Kokoyty"),
        ("Кокойты", "Kokoity"),
        ("Dmitry Medvedev", "Dmitri  Medvedev"),
        ("Дмитрий Медведев", "dmitrii medvedev"),
        ("Sergey Shoygu", "Sergei Shoigu"),
        ("Tskhinvali", "Tskhinvali"),
        ("Цхинвал", "tskhinval"),
        ("ცხინვალი", "Tskhinvali"),
        ("Südossetien", "Sudossetien"),
        ("Ossétie du Sud", "ossetie du sud"),
        ("Хуссар Ирыстон", "khussar iriston"),
    ],
)
def test_name_keys_match(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_name_key_of_punctuation_is_empty() -> None:
    assert name_key(" -- ") == ""


# checked on generated datasets by tests/test_generated_datasets.py
def every_name_resolves_to_its_actor_or_is_ambiguous(ds: rso.Dataset, data: st.DataObject) -> None:
    for actor in ds.actors:
        assert ds.actors.resolve(actor.id) is actor
        assert ds.actors.resolve(actor) is actor
        for name in actor.all_names:
            if not name_key(name):
                continue
            try:
                found = ds.actors.resolve(name)
            except LookupError as exc:
                assert "matches several actors" in str(exc)
                assert f"({actor.id})" in str(exc)
            else:
                # an exact id wins over names; otherwise the name's own actor is found
                assert found is actor or name in ds.actors.ids


def test_bundled_names_resolve_uniquely_in_any_case() -> None:
    actors = rso.load().actors
    for actor in actors:
        for name in actor.all_names:
            for variant in (name, name.upper(), name.lower(), name.casefold()):
                assert actors.resolve(variant) is actor, (actor.id, variant)


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("Medvedev", "dmitry-medvedev"),
        ("Дмитрий Медведев", "dmitry-medvedev"),
        ("kokoity", "eduard-kokoity"),
        ("Kokoyty", "eduard-kokoity"),
        ("Эдуард Кокойты", "eduard-kokoity"),
        ("South Ossetia", "south-ossetia"),
        ("Южная Осетия", "south-ossetia"),
        ("Russian Federation", "russia"),
        ("georgia", "georgia"),
        ("Shoigu", "sergey-shoygu"),
    ],
)
def test_resolve_bundled(name: str, actor_id: str) -> None:
    assert rso.load().actors.resolve(name).id == actor_id


def test_resolve_errors() -> None:
    actors = rso.load().actors
    with pytest.raises(LookupError, match="no actor is known as 'Kokoyti Eduardovich'"):
        actors.resolve("Kokoyti Eduardovich")
    with pytest.raises(LookupError, match="matches several actors"):
        actors.resolve("Makarov")
    with pytest.raises(TypeError, match="expected an actor id or name"):
        actors.resolve(3)  # type: ignore[arg-type]
    stranger = rso.Actor(
        id="stranger",
        kind=rso.ActorKind.PERSON,
        name="A Stranger",
        sources=(rso.Citation(source="seed"),),
        verification=rso.Verification.SINGLE_SOURCE,
    )
    with pytest.raises(LookupError, match="not in this collection"):
        actors.resolve(stranger)
