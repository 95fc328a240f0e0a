"""Type-checked (not run) uses of the public API: mypy --strict must accept this file."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import ru_so_relations as rso

if TYPE_CHECKING:
    import decimal

ds: rso.Dataset = rso.load()
events: rso.Events = ds.events.between("2008-08-07", "2008-08-26")
events = ds.events.between(datetime.date(2009, 1, 1), None, overlap=True)
events = ds.events.between(rso.PartialDate.parse("2009"))
events = events.involving("Medvedev", ds.actors["eduard-kokoity"]).of_kind(
    rso.EventKind.VISIT, "statement"
)
first: rso.Event = events[0]
by_id: rso.Event = events["medvedev-visit-tskhinvali-2009"]
maybe: rso.Event | None = events.get("x")
part: rso.Events = events[1:3]
treaties: rso.Agreements = ds.agreements.of_type(rso.AgreementType.TREATY).between("2008")
signed: rso.PartialDate | None = treaties[0].signed
actor: rso.Actor = ds.actors.resolve("Kokoity")
earliest: datetime.date = first.date.earliest
precision: rso.Precision = first.date.precision
text: str = rso.dumps(ds)
again: rso.Dataset = rso.loads(text)
one: rso.Event = rso.loads(rso.dumps(first), rso.Event)
coll: rso.Events = rso.loads(rso.dumps(events), rso.Events)
try:
    rso.loads("{}")
except rso.DataError as exc:
    problems: tuple[str, ...] = exc.problems

# offices, places, stances and verification statuses
holders: rso.Actors = ds.offices.holders("president-of-south-ossetia", on="2012-01-01")
pairs: tuple[tuple[rso.Office, rso.Tenure], ...] = ds.offices.held_by("Bibilov")
tenure: rso.Tenure = pairs[0][1]
acting: bool = tenure.acting
end: rso.PartialDate | None = tenure.end
today: tuple[rso.Tenure, ...] = ds.offices["president-of-russia"].held_on(datetime.date.today())
place: rso.Place = ds.places.resolve("Tskhinval")
kind: rso.PlaceKind = place.kind
there: rso.Events = ds.events.at(place, "java").verified(rso.Verification.CONFIRMED, "disputed")
stances: rso.Stances = ds.stances.of_position(rso.StancePosition.RECOGNISES_INDEPENDENCE)
stances = stances.on("2010").held_by("russia").about("south-ossetia")
stance: rso.Stance = stances[0]
since: rso.PartialDate | None = stance.since
others: tuple[rso.Alternative, ...] = first.alternatives
status: rso.Verification = first.verification
ids: tuple[rso.Identifier, ...] = ds.actors["russia"].identifiers
scheme: rso.IdentifierScheme = ids[0].scheme
confirmed: rso.Actors = ds.actors.verified("confirmed")

# actors that belong to others, and agreements in force
parent: str | None = ds.actors["state-duma"].part_of
parts_ids: tuple[str, ...] = ds.actors.with_parts("Georgia")
part_actors: rso.Actors = ds.actors.parts_of("russia")
georgian: rso.Events = ds.events.involving("Georgia", including_parts=True)
bilateral: rso.Agreements = ds.agreements.involving("russia", "south-ossetia", including_parts=True)
in_force: rso.Agreements = ds.agreements.in_force(on="2010")
version: str = rso.__version__

# the treaty register, levels, lifecycles and publishers
register: rso.Agreements = ds.agreements.bilateral("Russia", "South Ossetia")
interagency: rso.Agreements = register.of_level(rso.AgreementLevel.INTERAGENCY, "other")
level: rso.AgreementLevel = register[0].level
titles: tuple[rso.Name, ...] = register[0].names
signed_at: str | None = register[0].place
ended: rso.PartialDate | None = register[0].terminated
amends: tuple[str, ...] = register[0].amends
replaces: tuple[str, ...] = register[0].replaces
amended_by: rso.Agreements = ds.agreements.amending("treaty-alliance-integration-2015")
known_in_force: bool = register[0].in_force_on(datetime.date(2020, 1, 1))
publisher: rso.Publisher = ds.publishers.resolve("rrc.ge")
publisher_id: str = ds.sources[0].publisher
hosts: tuple[str, ...] = publisher.hosts
on_site: rso.Publisher | None = ds.publishers.of_url("https://tass.ru/x")
by_publisher: rso.Sources = ds.sources.published_by(publisher, "tass")

# figures: typed, sourced, attributed numbers
figures: rso.Figures = ds.figures.of_measure(rso.Measure.FUNDING, "pledge").between("2009")
figures = figures.involving("russia").claimed_by("Putin", including_parts=True)
figures = figures.verified("confirmed")
per_year: dict[int, rso.Figures] = ds.figures.per_year("funding")
figure: rso.Figure = ds.figures[0]
amount: int | decimal.Decimal = figure.value
upper: int | decimal.Decimal | None = figure.upper
qualifier: rso.Qualifier = figure.qualifier
measure: rso.Measure = figure.measure
covered: rso.PartialDate = figure.date
stated: rso.PartialDate = figure.stated
claimant: str | None = figure.claimed_by
amount_text: str = figure.amount
payer_role: rso.Role = rso.Role.PAYER
