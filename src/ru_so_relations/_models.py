"""The records of the dataset: actors, events, agreements, sources, and their parts."""

from __future__ import annotations

import decimal
import enum
import re
from typing import TYPE_CHECKING, Any, Final

import attrs

from ru_so_relations._dates import PartialDate
from ru_so_relations._errors import FieldError
from ru_so_relations._fields import (
    DATE,
    FLAG,
    HOST,
    LANGUAGE,
    NUMBER,
    SLUG,
    TEXT,
    UNIT,
    URL,
    Many,
    OneOf,
    records,
    ref,
    refs,
    texts,
)

if TYPE_CHECKING:
    import datetime


class ActorKind(enum.Enum):
    """What kind of actor a record describes."""

    STATE = "state"
    """A sovereign state that is a member of the United Nations (e.g. Russia, Georgia)."""
    DE_FACTO_STATE = "de_facto_state"
    """An entity that controls territory and declares itself a state, while most UN members do
    not recognise it (e.g. South Ossetia, which Russia recognised in 2008 and Georgia regards as
    part of its territory)."""
    GOVERNMENT_BODY = "government_body"
    """A ministry, parliament, office or other organ of a state or de facto state."""
    ORGANISATION = "organisation"
    """An international or non-governmental organisation (e.g. the European Union)."""
    MILITARY_UNIT = "military_unit"
    """Armed forces or a unit or base of them."""
    MEDIA = "media"
    """A news agency, broadcaster or programme."""
    PERSON = "person"
    """A natural person."""


class EventKind(enum.Enum):
    """What kind of event a record describes."""

    ARMED_CONFLICT = "armed_conflict"
    """Fighting: an offensive, a battle, shelling, a military operation."""
    CEASEFIRE = "ceasefire"
    """A ceasefire, truce or withdrawal of forces agreed or carried out."""
    RECOGNITION = "recognition"
    """One actor recognises, or withdraws recognition of, another as a state."""
    DIPLOMATIC_RELATIONS = "diplomatic_relations"
    """Diplomatic relations are established, changed or broken; an embassy opens or closes."""
    CREDENTIALS = "credentials"
    """An ambassador presents letters of credence."""
    SIGNING = "signing"
    """An agreement, treaty, decree or other instrument is signed."""
    RATIFICATION = "ratification"
    """A parliament or head of state ratifies an instrument."""
    ENTRY_INTO_FORCE = "entry_into_force"
    """An instrument comes into force."""
    VISIT = "visit"
    """An official visit by a head of state, head of government, minister or delegation."""
    STATEMENT = "statement"
    """A public statement, address, interview or reaction."""
    LEGISLATIVE = "legislative"
    """A parliament adopts a motion, appeal, resolution or law."""
    AID = "aid"
    """Money, goods or services are allocated or delivered."""
    MILITARY = "military"
    """Military presence without fighting: a base, a deployment, an exercise, border protection."""
    INTEGRATION = "integration"
    """A step towards, or away from, integrating one side into the other."""
    REFERENDUM = "referendum"
    """A referendum is announced, scheduled, held or cancelled."""
    ELECTION = "election"
    """An election is held or its result announced."""
    APPOINTMENT = "appointment"
    """A person is appointed to, or leaves, an office."""
    OTHER = "other"
    """Anything else; the summary says what."""

    @property
    def cameo(self) -> str:
        """The closest CAMEO event code, as a zero-padded string (e.g. `"057"`).

        CAMEO codes describe how actors interact; kinds without a closer code (elections,
        appointments, referendums, parliamentary acts) map to `"010"`, "Make statement".
        """
        return _CAMEO[self.value][0]

    @property
    def cameo_label(self) -> str:
        """The CAMEO codebook's name for [`cameo`][ru_so_relations.EventKind.cameo]."""
        return _CAMEO[self.value][1]

    @property
    def plover(self) -> str | None:
        """The PLOVER event type of the CAMEO code, per PLOVER's CAMEO mapping.

        `None` for kinds coded as public statements (CAMEO 01), which PLOVER does not code.
        """
        return _CAMEO[self.value][2]


_CAMEO: Final[dict[str, tuple[str, str, str | None]]] = {
    # kind: (CAMEO code, CAMEO label, PLOVER event type or None where PLOVER has none)
    "armed_conflict": ("190", "Use conventional military force, not specified below", "ASSAULT"),
    "ceasefire": ("0871", "Declare truce, ceasefire", "RETREAT"),
    "recognition": ("054", "Grant diplomatic recognition", "SUPPORT"),
    "diplomatic_relations": (
        "050",
        "Engage in diplomatic cooperation, not specified below",
        "SUPPORT",
    ),
    "credentials": ("050", "Engage in diplomatic cooperation, not specified below", "SUPPORT"),
    "signing": ("057", "Sign formal agreement", "SUPPORT"),
    "ratification": ("057", "Sign formal agreement", "SUPPORT"),
    "entry_into_force": ("057", "Sign formal agreement", "SUPPORT"),
    "visit": ("042", "Make a visit", "CONSULT"),
    "statement": ("010", "Make statement, not specified below", None),
    "legislative": ("010", "Make statement, not specified below", None),
    "aid": ("070", "Provide aid, not specified below", "AID"),
    "military": ("062", "Cooperate militarily", "COOPERATE"),
    "integration": ("060", "Engage in material cooperation, not specified below", "COOPERATE"),
    "referendum": ("010", "Make statement, not specified below", None),
    "election": ("010", "Make statement, not specified below", None),
    "appointment": ("010", "Make statement, not specified below", None),
    "other": ("010", "Make statement, not specified below", None),
}


class AgreementType(enum.Enum):
    """The legal form of an instrument."""

    TREATY = "treaty"
    """A treaty between two or more parties, usually subject to ratification."""
    AGREEMENT = "agreement"
    """An agreement between states, governments or agencies."""
    MEMORANDUM = "memorandum"
    """A memorandum of understanding or cooperation."""
    PROTOCOL = "protocol"
    """A protocol amending or completing another instrument."""
    DECREE = "decree"
    """A unilateral decree or order of a head of state or government."""
    RESOLUTION = "resolution"
    """A resolution, motion, appeal or statement adopted by a parliament or assembly."""
    LAW = "law"
    """A law adopted by one side, e.g. on ratification."""
    DECLARATION = "declaration"
    """A joint or unilateral declaration, or a plan of principles such as a ceasefire plan."""


class AgreementLevel(enum.Enum):
    """Between whom an instrument was concluded: states, governments or agencies."""

    INTERSTATE = "interstate"
    """Between states, e.g. "between the Russian Federation and the Republic of South Ossetia"."""
    INTERGOVERNMENTAL = "intergovernmental"
    """Between governments, e.g. "between the Government of the Russian Federation and the
    Government of the Republic of South Ossetia"."""
    INTERAGENCY = "interagency"
    """Between ministries, services or other agencies of the sides (prosecutors' offices,
    security services, central banks, customs, pension funds, ...)."""
    OTHER = "other"
    """Anything else: an agreement of a region (such as a Russian federal subject), of
    parliaments or public chambers, a unilateral act (a decree, a law, a resolution), an
    instrument of a multilateral body or an arrangement reached at a meeting."""


class Role(enum.Enum):
    """The part an actor played in an event, where the sources say it."""

    INITIATOR = "initiator"
    """The actor that carried out or started the action."""
    TARGET = "target"
    """The actor at which the action was directed."""
    SIGNATORY = "signatory"
    """A person or body that signed an instrument."""
    PARTY = "party"
    """A party to an instrument or negotiation."""
    VISITOR = "visitor"
    """The actor that made a visit."""
    HOST = "host"
    """The actor that received a visit."""
    SPEAKER = "speaker"
    """The actor that made a statement or gave an interview."""
    ADDRESSEE = "addressee"
    """The actor to which a statement, appeal or interview was addressed or given."""
    CRITIC = "critic"
    """An actor that criticised or rejected the action."""
    PARTICIPANT = "participant"
    """Any other actor that took part."""
    PAYER = "payer"
    """For a figure of money: the actor that pays, lends or promises it."""
    RECIPIENT = "recipient"
    """For a figure of money: the actor that receives it."""
    COUNTED = "counted"
    """For a figure: the actor whose people, forces or residents it counts (e.g. the side
    whose soldiers were killed, the state whose troops are based somewhere)."""


class Measure(enum.Enum):
    """What a [`Figure`][ru_so_relations.Figure] counts or measures."""

    FUNDING = "funding"
    """Money allocated or transferred (budget support, investment programmes, aid)."""
    PLEDGE = "pledge"
    """Money promised, not (yet) known to be allocated or transferred."""
    KILLED = "killed"
    """People killed."""
    WOUNDED = "wounded"
    """People wounded or injured."""
    DISPLACED = "displaced"
    """People who fled or were displaced from their homes."""
    TROOPS = "troops"
    """Military personnel stationed or deployed."""
    CITIZENSHIP = "citizenship"
    """Passports issued, or residents holding a citizenship."""
    POPULATION = "population"
    """Residents: a census count or an estimate."""
    BUDGET_SHARE = "budget_share"
    """A share of a budget, in percent (e.g. the part of South Ossetia's budget that Russian
    funding makes up)."""
    TRADE = "trade"
    """The value of trade: exports, imports or turnover."""
    OTHER = "other"
    """Any other quantity; the summary says what it is."""


MONEY: Final = frozenset({Measure.FUNDING, Measure.PLEDGE, Measure.TRADE})
"""The measures of money, whose unit is an ISO 4217 currency code."""


class Qualifier(enum.Enum):
    """How a figure's source qualifies the number."""

    EXACT = "exact"
    """The number as stated, without qualification."""
    ABOUT = "about"
    """An approximation ("about", "some", "nearly")."""
    AT_LEAST = "at_least"
    """A lower bound ("at least", "more than", "over")."""
    AT_MOST = "at_most"
    """An upper bound ("at most", "up to", "fewer than")."""
    RANGE = "range"
    """A range from `value` to `upper`."""


_QUALIFIER_WORDS: Final = {
    Qualifier.EXACT: "",
    Qualifier.ABOUT: "about ",
    Qualifier.AT_LEAST: "at least ",
    Qualifier.AT_MOST: "at most ",
    Qualifier.RANGE: "",
}


def _number_text(value: int | decimal.Decimal) -> str:
    """A number with thousands separated by commas: `8,500,000,000`, `86.9`."""
    return f"{value:,}"


class Verification(enum.Enum):
    """How well the sources cited by a record support it."""

    CONFIRMED = "confirmed"
    """Two or more independent sources (different publishers) support the record."""
    SINGLE_SOURCE = "single_source"
    """One publisher supports the record's main claim. Other publishers may be cited for a
    detail of it (the date, a participant's name or post) without confirming the claim."""
    DISPUTED = "disputed"
    """Sources disagree on a date, figure or fact; the record's `alternatives` give the other
    values, each with its sources, and its notes explain."""
    SEED_ONLY = "seed_only"
    """Only the summary the project started from states it; no other source was found."""


class PlaceKind(enum.Enum):
    """What kind of place a record describes."""

    SETTLEMENT = "settlement"
    """A city, town or village."""
    DISTRICT = "district"
    """An administrative district."""
    REGION = "region"
    """A region, province or republic within a state, or a disputed territory."""
    COUNTRY = "country"
    """A country as a geographical area."""
    SITE = "site"
    """A particular site: a military base, a tunnel, a border crossing, a building."""


class StancePosition(enum.Enum):
    """An actor's position on whether South Ossetia (or another subject) is an independent state."""

    RECOGNISES_INDEPENDENCE = "recognises_independence"
    """The holder recognises the subject as an independent state."""
    DOES_NOT_RECOGNISE_INDEPENDENCE = "does_not_recognise_independence"
    """The holder does not recognise the subject as an independent state; the stance's
    summary says, attributed, what the holder regards it as instead."""


def is_slug(value: object) -> bool:
    """Whether a value is a valid id: lowercase letters, digits and single hyphens."""
    return SLUG.accepts(value)


def _not_before(field: str, start: PartialDate | None, end: PartialDate | None) -> None:
    if start is not None and end is not None and end.latest < start.earliest:
        msg = f"{end} is before {start}"
        raise FieldError(field, msg)


def _check_alternatives(record: Any) -> None:
    """A disputed record gives alternative values, and only a disputed record does."""
    disputed = record.verification is Verification.DISPUTED
    if disputed and not record.alternatives:
        raise FieldError("alternatives", "a disputed record must give the alternative values")
    if record.alternatives and not disputed:
        raise FieldError("alternatives", "only a disputed record has alternative values")


@attrs.frozen(kw_only=True)
class Name:
    """An actor's name in one language or script."""

    language: str = attrs.field(validator=LANGUAGE)
    """The language, as an ISO 639 code (`ru` Russian, `os` Ossetian, `ka` Georgian, ...)."""
    text: str = attrs.field(validator=TEXT)
    """The name as written in that language."""


class IdentifierScheme(enum.Enum):
    """A registry or code list whose identifiers records may carry."""

    WIKIDATA = "wikidata"
    """A Wikidata item, e.g. `Q42`."""
    ISO3166_1_ALPHA2 = "iso3166-1-alpha2"
    """An ISO 3166-1 two-letter country code, e.g. `GE`."""
    ISO3166_1_ALPHA3 = "iso3166-1-alpha3"
    """An ISO 3166-1 three-letter country code, e.g. `GEO`."""
    ISO3166_1_NUMERIC = "iso3166-1-numeric"
    """An ISO 3166-1 numeric country code, three digits, e.g. `268`."""
    COW = "cow"
    """A Correlates of War state number (`ccode`), e.g. `372`."""
    GWNO = "gwno"
    """A Gleditsch–Ward state number, e.g. `372`."""


IDENTIFIER_PATTERNS: Final = {
    IdentifierScheme.WIKIDATA: re.compile(r"Q[1-9][0-9]*"),
    IdentifierScheme.ISO3166_1_ALPHA2: re.compile(r"[A-Z]{2}"),
    IdentifierScheme.ISO3166_1_ALPHA3: re.compile(r"[A-Z]{3}"),
    IdentifierScheme.ISO3166_1_NUMERIC: re.compile(r"[0-9]{3}"),
    IdentifierScheme.COW: re.compile(r"[1-9][0-9]{0,3}"),
    IdentifierScheme.GWNO: re.compile(r"[1-9][0-9]{0,3}"),
}


@attrs.frozen(kw_only=True)
class Identifier:
    """An identifier of an actor or place in another registry, and the source that shows it."""

    scheme: IdentifierScheme = attrs.field(validator=OneOf(IdentifierScheme))
    """The registry the identifier belongs to."""
    value: str = attrs.field(validator=TEXT)
    """The identifier in that registry, as the registry writes it (e.g. `Q42`, `GE`, `372`)."""
    source: str = attrs.field(validator=ref("sources"))
    """The id of the [`Source`][ru_so_relations.Source] that shows this value."""

    def __attrs_post_init__(self) -> None:
        pattern = IDENTIFIER_PATTERNS[self.scheme]
        if pattern.fullmatch(self.value) is None:
            msg = f"{self.value!r} is not a valid {self.scheme.value} identifier"
            raise FieldError("value", msg)


@attrs.frozen(kw_only=True)
class Citation:
    """A reference from a record to a source that supports it."""

    source: str = attrs.field(validator=ref("sources"))
    """The id of the cited [`Source`][ru_so_relations.Source]."""
    quote: str | None = attrs.field(default=None, validator=TEXT.optional)
    """A short verbatim quote from the source that supports the record, in its language."""
    locator: str | None = attrs.field(default=None, validator=TEXT.optional)
    """Where in the source the support is: a section, paragraph or page."""


_CITED: Final = records(Citation, at_least_one="must cite at least one source")
_VERIFICATION: Final = OneOf(Verification)


@attrs.frozen(kw_only=True)
class Alternative:
    """A value that some sources give instead of the one a disputed record states."""

    field: str = attrs.field(validator=TEXT)
    """The name of the field the sources disagree on, e.g. `date`, `in_force` or `figure`."""
    value: str = attrs.field(validator=TEXT)
    """The other value, as text (a date in EDTF form, a figure with its unit, ...)."""
    sources: tuple[Citation, ...] = attrs.field(validator=_CITED)
    """The sources that give this value (at least one)."""


_ALTERNATIVES: Final = records(Alternative)


@attrs.frozen(kw_only=True)
class Participant:
    """An actor's part in an event."""

    actor: str = attrs.field(validator=ref("actors"))
    """The id of the [`Actor`][ru_so_relations.Actor]."""
    role: Role | None = attrs.field(default=None, validator=OneOf(Role).optional)
    """The actor's role, where the sources say it; `None` otherwise."""


@attrs.frozen(kw_only=True)
class Publisher:
    """An organisation or site that publishes sources: a news agency, a ministry, a journal.

    Sources refer to their publisher by id, so one publisher has one record however its name
    is spelt; "confirmed" means supported by sources of two different publishers.
    """

    id: str = attrs.field(validator=SLUG)
    """Stable identifier: a lowercase slug."""
    name: str = attrs.field(validator=TEXT)
    """The name the publisher is usually cited by."""
    names: tuple[Name, ...] = attrs.field(default=(), validator=records(Name))
    """Its name in other languages and scripts."""
    aliases: tuple[str, ...] = attrs.field(default=(), validator=texts())
    """Other names and spellings it is cited by."""
    hosts: tuple[str, ...] = attrs.field(default=(), validator=Many(HOST, unique=True))
    """The web hosts of its own sites, such as `tass.ru` (a host's subdomains are its too).
    Copies of its texts on other sites (mirrors, aggregators) are not listed."""
    description: str | None = attrs.field(default=None, validator=TEXT.optional)
    """One neutral sentence on who it is, or `None`."""

    @property
    def all_names(self) -> tuple[str, ...]:
        """The name, the names in other languages and the aliases, in that order."""
        return (self.name, *(n.text for n in self.names), *self.aliases)


@attrs.frozen(kw_only=True)
class Source:
    """A published document that records in the dataset cite."""

    id: str = attrs.field(validator=SLUG)
    """Stable identifier: a lowercase slug."""
    title: str | None = attrs.field(validator=TEXT.optional)
    """The document's own title; `None` where the copy consulted shows none."""
    publisher: str = attrs.field(validator=ref("publishers"))
    """The id of the [`Publisher`][ru_so_relations.Publisher] that first published the text
    (a copy on another site is cited with its original publisher)."""
    url: str | None = attrs.field(validator=URL.optional)
    """Where it can be read (http or https), or `None` for a document with no address."""
    published: PartialDate | None = attrs.field(default=None, validator=DATE.optional)
    """When it was published, as precisely as the document says; `None` if unknown."""
    language: str = attrs.field(validator=LANGUAGE)
    """The document's language, as an ISO 639 code."""


@attrs.frozen(kw_only=True)
class Actor:
    """A state, de facto state, government body, organisation, military unit, medium or person."""

    id: str = attrs.field(validator=SLUG)
    """Stable identifier: a lowercase slug such as `eduard-kokoity`."""
    kind: ActorKind = attrs.field(validator=OneOf(ActorKind))
    """What kind of actor this is."""
    name: str = attrs.field(validator=TEXT)
    """The usual English name."""
    names: tuple[Name, ...] = attrs.field(default=(), validator=records(Name))
    """The name in other languages and scripts (Russian, Ossetian, Georgian, ...)."""
    aliases: tuple[str, ...] = attrs.field(default=(), validator=texts())
    """Other spellings and short forms, e.g. other Latin transliterations of a surname."""
    part_of: str | None = attrs.field(default=None, validator=ref("actors").optional)
    """The id of the actor this one belongs to: a ministry to its government, a government,
    parliament or army to its state, a base to its armed forces; `None` for persons and for
    actors that belong to no other in the dataset. Queries with `including_parts=True` follow
    it at any depth."""
    identifiers: tuple[Identifier, ...] = attrs.field(default=(), validator=records(Identifier))
    """Identifiers in other registries; only ones verified in a source."""
    description: str | None = attrs.field(default=None, validator=TEXT.optional)
    """One neutral sentence saying who or what this is."""
    sources: tuple[Citation, ...] = attrs.field(validator=_CITED)
    """The sources that support this record (at least one)."""
    verification: Verification = attrs.field(validator=_VERIFICATION)
    """How well the cited sources support this record."""
    alternatives: tuple[Alternative, ...] = attrs.field(default=(), validator=_ALTERNATIVES)
    """For a disputed record, the values other sources give, each with its sources."""

    def __attrs_post_init__(self) -> None:
        _check_alternatives(self)

    @property
    def all_names(self) -> tuple[str, ...]:
        """The English name, the names in other languages and the aliases, in that order."""
        return (self.name, *(n.text for n in self.names), *self.aliases)


@attrs.frozen(kw_only=True)
class Agreement:
    """A formal instrument: a treaty, agreement, memorandum, protocol, decree or resolution.

    Unilateral acts (a presidential decree, a parliamentary resolution) are agreements with
    one party.
    """

    id: str = attrs.field(validator=SLUG)
    """Stable identifier: a lowercase slug."""
    title: str = attrs.field(validator=TEXT)
    """The instrument's title in English (a translation where the official title is not)."""
    names: tuple[Name, ...] = attrs.field(default=(), validator=records(Name))
    """Its official titles in other languages, such as the Russian title as published."""
    type: AgreementType = attrs.field(validator=OneOf(AgreementType))
    """The instrument's legal form."""
    level: AgreementLevel = attrs.field(validator=OneOf(AgreementLevel))
    """Between whom it was concluded: states, governments, agencies, or other."""
    parties: tuple[str, ...] = attrs.field(default=(), validator=refs("actors"))
    """The ids of the actors bound by it or issuing it."""
    signatories: tuple[str, ...] = attrs.field(default=(), validator=refs("actors"))
    """The ids of the actors (usually persons) who signed it."""
    signed: PartialDate | None = attrs.field(default=None, validator=DATE.optional)
    """When it was signed, adopted or issued; `None` if unknown."""
    place: str | None = attrs.field(default=None, validator=ref("places").optional)
    """The id of the [`Place`][ru_so_relations.Place] where it was signed; `None` if unknown."""
    in_force: PartialDate | None = attrs.field(default=None, validator=DATE.optional)
    """When it came into force; `None` if unknown or not (yet) in force."""
    terminated: PartialDate | None = attrs.field(default=None, validator=DATE.optional)
    """When it ceased to have effect (ended, was denounced or replaced); `None` if it has not,
    or if no source says so."""
    amends: tuple[str, ...] = attrs.field(default=(), validator=refs("agreements"))
    """The ids of the agreements it amends, supplements or extends (a protocol's treaty)."""
    replaces: tuple[str, ...] = attrs.field(default=(), validator=refs("agreements"))
    """The ids of the agreements it ends and replaces."""
    number: str | None = attrs.field(default=None, validator=TEXT.optional)
    """Its official number, e.g. `1261` for a decree; `None` if it has none."""
    terms: tuple[str, ...] = attrs.field(default=(), validator=texts())
    """Its main terms, each a short paraphrase supported by the sources."""
    sources: tuple[Citation, ...] = attrs.field(validator=_CITED)
    """The sources that support this record (at least one)."""
    notes: str | None = attrs.field(default=None, validator=TEXT.optional)
    """Caveats: disagreements between sources, corrections to earlier accounts."""
    verification: Verification = attrs.field(validator=_VERIFICATION)
    """How well the cited sources support this record."""
    alternatives: tuple[Alternative, ...] = attrs.field(default=(), validator=_ALTERNATIVES)
    """For a disputed record, the values other sources give, each with its sources."""

    def __attrs_post_init__(self) -> None:
        _check_alternatives(self)
        if (
            self.signed is not None
            and self.in_force is not None
            and self.in_force.latest < self.signed.earliest
        ):
            msg = f"{self.in_force} is before the signature date {self.signed}"
            raise FieldError("in_force", msg)
        if self.terminated is not None:
            for name, start in (("signature", self.signed), ("entry into force", self.in_force)):
                if start is not None and self.terminated.latest < start.earliest:
                    msg = f"{self.terminated} is before the {name} date {start}"
                    raise FieldError("terminated", msg)
        for name in ("amends", "replaces"):
            if self.id in getattr(self, name):
                raise FieldError(name, f"an agreement cannot refer to itself ({self.id!r})")

    @property
    def date(self) -> PartialDate | None:
        """The date queries use: the signature date, or if unknown the entry into force."""
        return self.signed if self.signed is not None else self.in_force

    @property
    def actor_ids(self) -> tuple[str, ...]:
        """The ids of the parties and signatories, without repeats."""
        return tuple(dict.fromkeys((*self.parties, *self.signatories)))

    def in_force_on(self, day: datetime.date) -> bool:
        """Whether it is known to be in force on a day: in force by then and not yet ended.

        Its entry into force must be known and no later than `day`, and its termination, if
        recorded, must be after `day` (a partial date counts from its first day).
        """
        if self.in_force is None or self.in_force.latest > day:
            return False
        return self.terminated is None or self.terminated.earliest > day


@attrs.frozen(kw_only=True)
class Event:
    """Something that happened on a date, involving one or more actors."""

    id: str = attrs.field(validator=SLUG)
    """Stable identifier: a lowercase slug that includes the year."""
    date: PartialDate = attrs.field(validator=DATE)
    """When it happened, as precisely as the sources say."""
    kind: EventKind = attrs.field(validator=OneOf(EventKind))
    """What kind of event this is."""
    title: str = attrs.field(validator=TEXT)
    """A short neutral title."""
    summary: str = attrs.field(validator=TEXT)
    """One to three neutral sentences; positions are attributed to who holds them."""
    actors: tuple[Participant, ...] = attrs.field(
        default=(), validator=records(Participant, unique_by="actor")
    )
    """The actors involved, with their roles where the sources say them."""
    agreements: tuple[str, ...] = attrs.field(default=(), validator=refs("agreements"))
    """The ids of the agreements this event concerns (signed, ratified, in force, ...)."""
    place: str | None = attrs.field(default=None, validator=ref("places").optional)
    """The id of the [`Place`][ru_so_relations.Place] where it happened, where sources say."""
    sources: tuple[Citation, ...] = attrs.field(validator=_CITED)
    """The sources that support this record (at least one)."""
    notes: str | None = attrs.field(default=None, validator=TEXT.optional)
    """Caveats: disagreements between sources, corrections to earlier accounts."""
    verification: Verification = attrs.field(validator=_VERIFICATION)
    """How well the cited sources support this record."""
    alternatives: tuple[Alternative, ...] = attrs.field(default=(), validator=_ALTERNATIVES)
    """For a disputed record, the values other sources give, each with its sources."""

    def __attrs_post_init__(self) -> None:
        _check_alternatives(self)

    @property
    def actor_ids(self) -> tuple[str, ...]:
        """The ids of the actors involved, in the order given."""
        return tuple(p.actor for p in self.actors)

    @property
    def cameo(self) -> str:
        """The closest CAMEO event code of the event's kind (see `EventKind.cameo`)."""
        return self.kind.cameo

    @property
    def plover(self) -> str | None:
        """The PLOVER event type of the event's kind, or `None` (see `EventKind.plover`)."""
        return self.kind.plover


@attrs.frozen(kw_only=True)
class Place:
    """A place where events happen: a settlement, district, region, country or site."""

    id: str = attrs.field(validator=SLUG)
    """Stable identifier: a lowercase slug such as `tskhinvali`."""
    kind: PlaceKind = attrs.field(validator=OneOf(PlaceKind))
    """What kind of place this is."""
    name: str = attrs.field(validator=TEXT)
    """The usual English name."""
    names: tuple[Name, ...] = attrs.field(default=(), validator=records(Name))
    """The name in other languages and scripts (Russian, Ossetian, Georgian, ...)."""
    aliases: tuple[str, ...] = attrs.field(default=(), validator=texts())
    """Other spellings and former names."""
    located_in: str | None = attrs.field(default=None, validator=ref("places").optional)
    """The id of the place that contains this one, where it is uncontested; `None` otherwise."""
    identifiers: tuple[Identifier, ...] = attrs.field(default=(), validator=records(Identifier))
    """Identifiers in other registries; only ones verified in a source."""
    description: str | None = attrs.field(default=None, validator=TEXT.optional)
    """One neutral sentence; where the sides use different names, says who uses which."""
    sources: tuple[Citation, ...] = attrs.field(validator=_CITED)
    """The sources that support this record (at least one)."""
    verification: Verification = attrs.field(validator=_VERIFICATION)
    """How well the cited sources support this record."""
    alternatives: tuple[Alternative, ...] = attrs.field(default=(), validator=_ALTERNATIVES)
    """For a disputed record, the values other sources give, each with its sources."""

    def __attrs_post_init__(self) -> None:
        _check_alternatives(self)

    @property
    def all_names(self) -> tuple[str, ...]:
        """The English name, the names in other languages and the aliases, in that order."""
        return (self.name, *(n.text for n in self.names), *self.aliases)


@attrs.frozen(kw_only=True)
class Tenure:
    """A person's time in an office."""

    person: str = attrs.field(validator=ref("actors"))
    """The id of the [`Actor`][ru_so_relations.Actor] who held the office."""
    start: PartialDate | None = attrs.field(default=None, validator=DATE.optional)
    """When the tenure began, as precisely as the sources say; `None` if unknown."""
    end: PartialDate | None = attrs.field(default=None, validator=DATE.optional)
    """When it ended; `None` if the person was still in office at the latest source, or the
    end is unknown (the notes say which)."""
    acting: bool = attrs.field(default=False, validator=FLAG)
    """Whether the person held the office in an acting capacity."""
    sources: tuple[Citation, ...] = attrs.field(validator=_CITED)
    """The sources that support this record (at least one)."""
    notes: str | None = attrs.field(default=None, validator=TEXT.optional)
    """Caveats: disagreements between sources, an unknown end, ..."""
    verification: Verification = attrs.field(validator=_VERIFICATION)
    """How well the cited sources support this record."""
    alternatives: tuple[Alternative, ...] = attrs.field(default=(), validator=_ALTERNATIVES)
    """For a disputed record, the values other sources give, each with its sources."""

    def __attrs_post_init__(self) -> None:
        _check_alternatives(self)
        _not_before("end", self.start, self.end)

    def held_on(self, day: datetime.date) -> bool:
        """Whether the tenure includes this day (both ends included, open ends unbounded).

        A partial start or end counts from its first possible day or to its last, so a
        tenure that began "in 2012" is taken to include every day of 2012.
        """
        return (self.start is None or self.start.earliest <= day) and (
            self.end is None or day <= self.end.latest
        )


@attrs.frozen(kw_only=True)
class Office:
    """A post that one person at a time holds, and who held it when.

    Examples are the presidency of South Ossetia or an ambassadorship.
    """

    id: str = attrs.field(validator=SLUG)
    """Stable identifier: a lowercase slug such as `president-of-south-ossetia`."""
    name: str = attrs.field(validator=TEXT)
    """The English name of the post."""
    organisation: str = attrs.field(validator=ref("actors"))
    """The id of the [`Actor`][ru_so_relations.Actor] (state or body) whose post it is."""
    names: tuple[Name, ...] = attrs.field(default=(), validator=records(Name))
    """The post's name in other languages."""
    holders: tuple[Tenure, ...] = attrs.field(default=(), validator=records(Tenure))
    """Who held the post and when, in the order of their start dates."""
    sources: tuple[Citation, ...] = attrs.field(validator=_CITED)
    """The sources that support this record (at least one)."""

    def held_on(self, day: datetime.date) -> tuple[Tenure, ...]:
        """The tenures that include this day (usually one; two on a day of handover)."""
        return tuple(t for t in self.holders if t.held_on(day))


@attrs.frozen(kw_only=True)
class Stance:
    """An actor's position on the status of South Ossetia (or another subject), over a span.

    The dataset records positions as attributed facts, not as its own view: who recognised
    South Ossetia's independence and from when, who withdrew recognition, and who does not
    recognise it and what they regard it as instead.
    """

    id: str = attrs.field(validator=SLUG)
    """Stable identifier: a lowercase slug."""
    holder: str = attrs.field(validator=ref("actors"))
    """The id of the [`Actor`][ru_so_relations.Actor] whose position this is."""
    subject: str = attrs.field(validator=ref("actors"))
    """The id of the actor the position is about, e.g. `south-ossetia`."""
    position: StancePosition = attrs.field(validator=OneOf(StancePosition))
    """The position."""
    since: PartialDate | None = attrs.field(default=None, validator=DATE.optional)
    """When the holder took this position; `None` if the sources give no start."""
    until: PartialDate | None = attrs.field(default=None, validator=DATE.optional)
    """When the holder gave it up (e.g. withdrew recognition); `None` if it still holds."""
    summary: str = attrs.field(validator=TEXT)
    """One or two neutral sentences, attributing the position to its holder."""
    events: tuple[str, ...] = attrs.field(default=(), validator=refs("events"))
    """The ids of the events that began or ended the position."""
    sources: tuple[Citation, ...] = attrs.field(validator=_CITED)
    """The sources that support this record (at least one)."""
    notes: str | None = attrs.field(default=None, validator=TEXT.optional)
    """Caveats: disagreements between sources, corrections to earlier accounts."""
    verification: Verification = attrs.field(validator=_VERIFICATION)
    """How well the cited sources support this record."""
    alternatives: tuple[Alternative, ...] = attrs.field(default=(), validator=_ALTERNATIVES)
    """For a disputed record, the values other sources give, each with its sources."""

    def __attrs_post_init__(self) -> None:
        _check_alternatives(self)
        _not_before("until", self.since, self.until)

    def held_on(self, day: datetime.date) -> bool:
        """Whether the position held on this day (both ends included; an open end is unbounded)."""
        return (self.since is None or self.since.earliest <= day) and (
            self.until is None or day <= self.until.latest
        )


@attrs.frozen(kw_only=True)
class Figure:
    """A number that a source states: money, people killed or displaced, troops, residents.

    A figure is a claim: it says who states it (`claimed_by`), when (`stated`) and what period
    it covers (`period`), and quotes its source. Figures of different claimants are never
    merged; each claim and each revision of a claim is its own record.
    """

    id: str = attrs.field(validator=SLUG)
    """Stable identifier: a lowercase slug."""
    measure: Measure = attrs.field(validator=OneOf(Measure))
    """What it counts or measures."""
    value: int | decimal.Decimal = attrs.field(validator=NUMBER)
    """The number, exactly as stated: an `int`, or a `Decimal` for a fraction (in full units,
    so "8.5 billion roubles" is `8500000000`). For a range, its lower end."""
    upper: int | decimal.Decimal | None = attrs.field(default=None, validator=NUMBER.optional)
    """For a range, its upper end; `None` otherwise."""
    qualifier: Qualifier = attrs.field(validator=OneOf(Qualifier))
    """How the source qualifies the number: exact, about, at least, at most or a range."""
    unit: str = attrs.field(validator=UNIT)
    """An ISO 4217 currency code (`RUB`, `USD`, `EUR`) for money; otherwise a plain unit such
    as `people`, `troops`, `passports` or `percent`."""
    period: PartialDate | None = attrs.field(default=None, validator=DATE.optional)
    """The time the figure covers (a year, a day, or a span such as `2008/2010`); `None`
    where it covers no particular period (a total to date is covered by `stated`)."""
    stated: PartialDate = attrs.field(validator=DATE)
    """When the figure was stated or published, as precisely as the source says."""
    claimed_by: str | None = attrs.field(default=None, validator=ref("actors").optional)
    """The id of the [`Actor`][ru_so_relations.Actor] that states it (a government, a
    ministry, an official); `None` for a count by the source itself or an independent body
    that is not an actor in the dataset."""
    actors: tuple[Participant, ...] = attrs.field(
        default=(), validator=records(Participant, unique_by="actor")
    )
    """The actors the figure concerns, with their roles: who pays and who receives money,
    whose people or forces are counted."""
    event: str | None = attrs.field(default=None, validator=ref("events").optional)
    """The id of the [`Event`][ru_so_relations.Event] the figure belongs to, if any."""
    agreement: str | None = attrs.field(default=None, validator=ref("agreements").optional)
    """The id of the [`Agreement`][ru_so_relations.Agreement] it concerns, if any."""
    summary: str = attrs.field(validator=TEXT)
    """One neutral sentence saying what the number is, attributed to its claimant."""
    sources: tuple[Citation, ...] = attrs.field(validator=_CITED)
    """The sources that state it, with the number in their quotes (at least one)."""
    notes: str | None = attrs.field(default=None, validator=TEXT.optional)
    """Caveats: what the number includes, how it was revised, how sources differ."""
    verification: Verification = attrs.field(validator=_VERIFICATION)
    """How well the cited sources support this record."""
    alternatives: tuple[Alternative, ...] = attrs.field(default=(), validator=_ALTERNATIVES)
    """For a disputed record, the values other sources give, each with its sources."""

    def __attrs_post_init__(self) -> None:
        _check_alternatives(self)
        ranged = self.qualifier is Qualifier.RANGE
        if ranged and self.upper is None:
            raise FieldError("upper", "a range must give its upper end")
        if self.upper is not None:
            if not ranged:
                raise FieldError("upper", "only a range has an upper end")
            if self.upper <= self.value:
                msg = f"{self.upper} is not above the lower end {self.value}"
                raise FieldError("upper", msg)
        if self.value < 0 and self.measure is not Measure.OTHER:
            raise FieldError("value", f"a figure of {self.measure.value} cannot be negative")
        currency = len(self.unit) == 3 and self.unit.isupper()
        if self.measure in MONEY and not currency:
            msg = f"a figure of {self.measure.value} is money: give an ISO 4217 code such as 'RUB'"
            raise FieldError("unit", msg)
        if currency and self.measure not in MONEY and self.measure is not Measure.OTHER:
            msg = f"a figure of {self.measure.value} is not money, so not in {self.unit}"
            raise FieldError("unit", msg)
        if self.measure is Measure.BUDGET_SHARE and self.unit != "percent":
            raise FieldError("unit", "a budget share is in 'percent'")

    @property
    def date(self) -> PartialDate:
        """The date queries use: the period covered, or if none the date it was stated."""
        return self.period if self.period is not None else self.stated

    @property
    def amount(self) -> str:
        """The number as text, with its qualifier and unit.

        For example `at least 2,000 people`, `8,500,000,000 RUB`, `2,000–2,500 people` or
        `86.9 percent`.
        """
        text = _number_text(self.value)
        if self.upper is not None:
            text = f"{text}–{_number_text(self.upper)}"
        prefix = _QUALIFIER_WORDS[self.qualifier]
        return f"{prefix}{text} {self.unit}"

    @property
    def actor_ids(self) -> tuple[str, ...]:
        """The ids of the claimant and of the actors concerned, without repeats."""
        ids = (p.actor for p in self.actors)
        if self.claimed_by is None:
            return tuple(dict.fromkeys(ids))
        return tuple(dict.fromkeys((self.claimed_by, *ids)))
