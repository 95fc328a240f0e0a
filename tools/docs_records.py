"""Build-time pages for the dataset: one page per record, and the collection indexes.

`generated(ds)` returns the Markdown of every page, keyed by its path under `docs/`:
`dataset/events/<id>.md` for each event (and so for agreements, actors, places, offices,
positions on status and figures), and the indexes `dataset/events.md` and so on, which replace
the wide tables of earlier versions. tools/docs_hooks.py adds them to the site in `on_files`.

Everything is made in one pass over the loaded dataset: the records that refer to each record
are found once (`reverse_index`), so a page never searches the dataset. The body of a record
page is HTML in Markdown (so that no text from the data is read as Markdown), with Markdown
headings for the page's title and table of contents. Text from the data is always escaped.
"""

from __future__ import annotations

import html
from collections import defaultdict
from typing import TYPE_CHECKING, Any, NamedTuple

import date_review

import ru_so_relations as rso
from ru_so_relations._dates import _MONTH_NAMES
from ru_so_relations._registry import references

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

RECORD_KEYS = ("events", "agreements", "actors", "places", "offices", "stances", "figures")
"""The kinds of record that have a page each (sources and publishers are listed, not paged)."""

PLURAL = {
    "events": "Events",
    "agreements": "Agreements",
    "actors": "Actors",
    "places": "Places",
    "offices": "Offices",
    "stances": "Positions on status",
    "figures": "Figures",
}
"""The heading of each kind's index page and of its list on other records' pages."""

SINGULAR = {
    "events": "Event",
    "agreements": "Agreement",
    "actors": "Actor",
    "places": "Place",
    "offices": "Office",
    "stances": "Position on status",
    "figures": "Figure",
}
"""What a record of each kind is called on its page."""

BOOST = {"actors": 3, "places": 3}
"""How much the search ranks a record page above the other pages: 2, or more for the records
people look for by name (so that "Kokoity" lists the actor before the events named after him)."""

VERIFICATION_TEXT = {
    "confirmed": "sources of two or more publishers support it",
    "single_source": "one source, or several of one publisher, support it",
    "disputed": "sources disagree; the other values are listed with their sources",
    "seed_only": "only the project's starting summary states it; no other source was found",
}
"""What each verification status means, for the badge's tooltip and the status line."""

ROLES = {
    "actors": "participant",
    "parties": "party",
    "signatories": "signatory",
    "place": "place",
    "agreements": "concerns it",
    "amends": "amends it",
    "replaces": "replaces it",
    "organisation": "an office of it",
    "holders": "holder",
    "holder": "holder",
    "subject": "about it",
    "claimed_by": "claimed by it",
    "events": "cites it",
    "event": "about it",
    "agreement": "about it",
    "part_of": "part of it",
    "located_in": "located in it",
}
"""How a record refers to another, by the field that holds the reference."""

MONTHS = _MONTH_NAMES
"""Month names in English, as the library writes them in its messages."""


def esc(text: object) -> str:
    """Escape text from the data for HTML, with no newline and no Markdown table pipe."""
    return html.escape(str(text), quote=True).replace("|", "&#124;").replace("\n", " ")


def heading(text: str) -> str:
    """Escape text for a Markdown heading: HTML and the characters Markdown would read."""
    out = esc(text)
    for char, entity in (("*", "&#42;"), ("_", "&#95;"), ("[", "&#91;"), ("`", "&#96;")):
        out = out.replace(char, entity)
    return out.replace("\\", "&#92;").replace("]", "&#93;")


# --- dates --------------------------------------------------------------------------------


def _point(year: int, month: int | None, day: int | None) -> str:
    if month is None:
        return str(year)
    if day is None:
        return f"{MONTHS[month]} {year}"
    return f"{day} {MONTHS[month]} {year}"


def human_date(value: rso.PartialDate) -> str:
    """A date in words: `8 August 2008`, `August 2008`, `2008`, or a span of two of them."""
    text = _point(value.year, value.month, value.day)
    if value.end is not None:
        text += " – " + _point(value.end.year, value.end.month, value.end.day)
    return text


def date_html(value: rso.PartialDate | None, unknown: str = "not known") -> str:
    """A date in words, its EDTF form and precision: `8 August 2008 (2008-08-08, to the day)`."""
    if value is None:
        return f"<em>{esc(unknown)}</em>"
    span = "a span, " if value.is_span else ""
    return (
        f'<time datetime="{esc(value)}">{esc(human_date(value))}</time> '
        f"<small>({esc(value)}, {span}to the {value.precision.value})</small>"
    )


def period_html(start: rso.PartialDate | None, end: rso.PartialDate | None) -> str:
    """From–to, with open ends said."""
    first = esc(human_date(start)) if start else "?"
    last = esc(human_date(end)) if end else ""
    return f"{first} – {last}".rstrip()


# --- titles and links ---------------------------------------------------------------------


def position_text(position: rso.StancePosition) -> str:
    """A position in words, as a verb phrase."""
    if position is rso.StancePosition.RECOGNISES_INDEPENDENCE:
        return "recognises the independence of"
    return "does not recognise the independence of"


class Site:
    """The loaded dataset with what the pages need of it, computed once."""

    def __init__(self, ds: rso.Dataset) -> None:
        self.ds = ds
        self.referred = reverse_index(ds)
        """For `(key, id)`: the records that refer to that record, in the dataset's order."""
        self.under_review = {
            (kind, record, field) for kind, record, field, _ in date_review.listed()
        }
        """The `(kind, record, field)` of the dates no citation supports (`date-review.tsv`)."""

    def review(self, kind: str, record: str, field: str) -> str:
        """A mark after a date no citation supports, linking to the list of such dates."""
        if (kind, record, field) not in self.under_review:
            return ""
        return (
            f' <a class="rso-review" href="{BASE}../review/" title="No quoted source gives this'
            ' date yet; see the list of dates under review">date under review</a>'
        )

    def title(self, key: str, record: Any) -> str:
        """A record's title as plain text."""
        if key in {"events", "agreements"}:
            return str(record.title)
        if key == "stances":
            holder = self.ds.actors[record.holder].name
            subject = self.ds.actors[record.subject].name
            return f"{holder} {position_text(record.position)} {subject}"
        if key == "figures":
            measure = record.measure.value.replace("_", " ").capitalize()
            return f"{measure}: {record.amount}"
        return str(record.name)

    def date(self, key: str, record: Any) -> rso.PartialDate | None:
        """The date a record is ordered and listed by, if it has one."""
        if key == "events":
            return record.date  # type: ignore[no-any-return]
        if key == "agreements":
            return record.signed  # type: ignore[no-any-return]
        if key == "stances":
            return record.since  # type: ignore[no-any-return]
        if key == "figures":
            return record.date  # type: ignore[no-any-return]
        return None

    def link(self, key: str, record_id: str, base: str, text: str | None = None) -> str:
        """A link to a record's page, from a page `base` below the site's `dataset/`."""
        if text is None:
            text = self.title(key, getattr(self.ds, key)[record_id])
        return f'<a href="{base}{key}/{esc(record_id)}/">{esc(text)}</a>'

    def actor(self, actor_id: str, base: str) -> str:
        """A link to an actor's page, by name."""
        return self.link("actors", actor_id, base, self.ds.actors[actor_id].name)

    def listed(self, key: str, record: Any, base: str, role: str = "") -> str:
        """A record as an item of a list: its date, its linked title, and its role there."""
        when = self.date(key, record)
        out = f"<small>{esc(when)}</small> " if when is not None else ""
        out += self.link(key, record.id, base)
        if key == "figures" and record.claimed_by:
            out += f" <small>claimed by {esc(self.ds.actors[record.claimed_by].name)}</small>"
        if role:
            out += f" <small>({esc(role)})</small>"
        return out


class Referrer(NamedTuple):
    """A record that refers to another, and how."""

    key: str
    """The kind of the referring record."""
    record: Any
    """The referring record."""
    role: str
    """How it refers (e.g. `party`, `amends it`, `holder 2009-06-22 – 2014-06-23`)."""


def _role(record: Any, path: str) -> str:
    """How a record refers to another through the field at `path` (from `references`)."""
    field, _, rest = path.partition("[")
    field = field.split(".")[0]
    index = int(rest.split("]")[0]) if rest else -1
    if field == "actors":
        role = record.actors[index].role
        return role.value if role is not None else "participant"
    if field == "holders":
        tenure = record.holders[index]
        acting = "acting " if tenure.acting else ""
        return f"{acting}holder {period_html(tenure.start, tenure.end)}"
    return ROLES.get(field, field.replace("_", " "))


def reverse_index(ds: rso.Dataset) -> dict[tuple[str, str], list[Referrer]]:
    """For every record that has a page, the records that refer to it, in one pass.

    Returns:
        `{(key, id): [Referrer, ...]}`, each referring record once with all its roles joined,
        in the order of `RECORD_KEYS` and then of each collection.
    """
    found: dict[tuple[str, str], list[Referrer]] = defaultdict(list)
    for key in RECORD_KEYS:
        for record in getattr(ds, key):
            roles: dict[tuple[str, str], list[str]] = {}
            for path, target, target_id in references(record):
                if target in PLURAL and (target, target_id) != (key, record.id):
                    roles.setdefault((target, target_id), []).append(_role(record, path))
            for target_key, role_list in roles.items():
                found[target_key].append(Referrer(key, record, ", ".join(dict.fromkeys(role_list))))
    return found


# --- pieces of a record page --------------------------------------------------------------

BASE = "../../"
"""From a record page (`dataset/<key>/<id>/`) to the site's `dataset/` folder."""


def badge(record: Any, short: bool = False) -> str:
    """The verification status as a coloured badge, with what it means as its tooltip.

    The badge says how many alternatives a disputed record has, unless it is `short` (in an
    index, where the column is narrow).
    """
    value = record.verification.value
    text = value.replace("_", " ")
    if record.alternatives and not short:
        n = len(record.alternatives)
        text += f" ({n} alternative{'s' * (n > 1)})"
    return (
        f'<span class="rso-badge rso-{esc(value)}" title="{esc(VERIFICATION_TEXT[value])}">'
        f"{esc(text)}</span>"
    )


def status_line(record: Any) -> str:
    """The status in words, for the facts list."""
    value = record.verification.value
    return f"{badge(record)} — {esc(VERIFICATION_TEXT[value])}"


def facts(rows: Iterable[tuple[str, str]]) -> str:
    """A list of labelled facts, leaving out the empty ones."""
    items = "".join(f"<li><strong>{label}:</strong> {value}</li>" for label, value in rows if value)
    return f'<ul class="rso-facts">{items}</ul>\n'


def names_line(kind: str, record: Any, extra: Iterable[str] = ()) -> str:
    """The record's kind, its id and every other name it has (each in its own script)."""
    names = [
        f'<span lang="{esc(n.language)}">{esc(n.text)}</span> ({esc(n.language)})'
        for n in getattr(record, "names", ())
    ]
    names += [esc(a) for a in getattr(record, "aliases", ())]
    names += list(extra)
    out = f"{esc(kind)} · id: <code>{esc(record.id)}</code>"
    if names:
        out += " · Also known as: " + ", ".join(names)
    return f'<p class="rso-aka"><small>{out}</small></p>\n'


def paragraph(text: str | None, cls: str = "") -> str:
    """A paragraph of text from the data, or nothing."""
    if not text:
        return ""
    attr = f' class="{cls}"' if cls else ""
    return f"<p{attr}>{esc(text)}</p>\n"


def notes(text: str | None) -> str:
    """The record's notes, as a note box."""
    if not text:
        return ""
    return (
        '<div class="admonition note"><p class="admonition-title">Notes</p>'
        f"<p>{esc(text)}</p></div>\n"
    )


def citations(ds: rso.Dataset, cited: Iterable[rso.Citation], base: str = BASE) -> str:
    """Every citation with its source (linked to the sources page), locator and quote."""
    items = []
    for c in cited:
        s = ds.sources[c.source]
        title = esc(s.title or f"untitled ({s.id})")
        meta = [esc(ds.publishers[s.publisher].name)]
        if s.published is not None:
            meta.append(esc(s.published))
        meta.append(f'in <span lang="{esc(s.language)}">{esc(s.language)}</span>')
        if c.locator:
            meta.append(f"at {esc(c.locator)}")
        if s.url:
            meta.append(f'<a href="{esc(s.url)}" rel="noopener">original</a>')
        quote = (
            f'<blockquote lang="{esc(s.language)}">{esc(c.quote)}</blockquote>'
            if c.quote
            else "<p><em>no quote recorded</em></p>"
        )
        items.append(
            f'<li><a href="{base}sources/#{esc(s.id)}">{title}</a> '
            f"<small>{' · '.join(meta)}</small> {quote}</li>"
        )
    return f'<ol class="rso-citations">{"".join(items)}</ol>\n'


def alternatives(ds: rso.Dataset, record: Any) -> str:
    """The disputed values that other sources give, each with its sources and quotes."""
    if not record.alternatives:
        return ""
    out = [
        "## Disputed\n",
        "<p>Sources disagree. The record gives the value above; these sources give another "
        "value for the field named.</p>\n",
    ]
    for alt in record.alternatives:
        out.append(
            f'<p class="rso-alternative"><strong>{esc(alt.field)}</strong>: {esc(alt.value)}</p>\n'
        )
        out.append(citations(ds, alt.sources))
    return "\n".join(out)


def sources_section(ds: rso.Dataset, record: Any) -> str:
    """The section of every citation of the record."""
    return "## Sources and quotes\n\n" + citations(ds, record.sources)


def referred_section(site: Site, key: str, record_id: str) -> str:
    """The records that refer to this one, by kind."""
    found = site.referred.get((key, record_id), [])
    if not found:
        return ""
    by_kind: dict[str, list[Referrer]] = defaultdict(list)
    for ref in found:
        by_kind[ref.key].append(ref)
    # kept out of search: other records' titles would make this page match their words
    out = ["## Referred to by { #referred-to-by data-search-exclude }\n"]
    for kind in RECORD_KEYS:
        refs = by_kind.get(kind)
        if not refs:
            continue
        out.append(f"### {PLURAL[kind]} ({len(refs)}) {{ #referred-{kind} data-search-exclude }}\n")
        items = "".join(f"<li>{site.listed(r.key, r.record, BASE, r.role)}</li>" for r in refs)
        out.append(f'<ul class="rso-refs" data-search-exclude>{items}</ul>\n')
    return "\n".join(out)


def page(site: Site, key: str, record: Any, top: str, body: Iterable[str]) -> str:
    """A record page: search boost, title, what comes before the sections, then the rest."""
    back = (
        f'<p class="rso-back"><a href="../">All {PLURAL[key].lower()}</a> · In Python: '
        f'<code>ds.{key}["{esc(record.id)}"]</code></p>\n'
    )
    parts = [
        f"---\nsearch:\n  boost: {BOOST.get(key, 2)}\n---\n",
        f"# {heading(site.title(key, record))}\n",
        top,
        *body,
        referred_section(site, key, record.id),
        back,
    ]
    return "\n".join(p for p in parts if p)


def meta(*items: str) -> str:
    """The line under the title: status badge, kind, date."""
    return '<p class="rso-meta">' + " ".join(i for i in items if i) + "</p>\n"


def kind_tag(text: str) -> str:
    """A record's kind, as a tag."""
    return f'<span class="rso-kind">{esc(text.replace("_", " "))}</span>'


def participants(site: Site, people: Iterable[rso.Participant]) -> str:
    """Actors with their roles."""
    return ", ".join(
        site.actor(p.actor, BASE) + (f" <small>({esc(p.role.value)})</small>" if p.role else "")
        for p in people
    )


# --- the record pages, one function per kind ------------------------------------------------


def event_page(site: Site, e: rso.Event) -> str:
    """An event's page."""
    ds = site.ds
    top = [
        meta(badge(e), kind_tag(e.kind.value), f"<span>{esc(human_date(e.date))}</span>"),
        paragraph(e.summary, "rso-summary"),
        facts(
            [
                ("Date", date_html(e.date) + site.review("events", e.id, "date")),
                (
                    "Kind",
                    f"{esc(e.kind.value.replace('_', ' '))} <small>(CAMEO {esc(e.cameo)}"
                    + (f", PLOVER {esc(e.plover)}" if e.plover else "")
                    + ")</small>",
                ),
                ("Actors", participants(site, e.actors)),
                ("Agreements", ", ".join(site.link("agreements", a, BASE) for a in e.agreements)),
                ("Place", site.link("places", e.place, BASE) if e.place else ""),
                ("Status", status_line(e)),
            ]
        ),
        notes(e.notes),
        names_line("Event", e),
    ]
    return page(site, "events", e, "\n".join(top), [alternatives(ds, e), sources_section(ds, e)])


def agreement_page(site: Site, a: rso.Agreement) -> str:
    """An agreement's page."""
    ds = site.ds
    changes = [
        *(f"amends {site.link('agreements', t, BASE)}" for t in a.amends),
        *(f"replaces {site.link('agreements', t, BASE)}" for t in a.replaces),
    ]
    terms = "".join(f"<li>{esc(t)}</li>" for t in a.terms)
    top = [
        meta(
            badge(a),
            kind_tag(a.type.value),
            kind_tag(a.level.value),
            f"<span>signed {esc(human_date(a.signed)) if a.signed else 'on a date not known'}"
            "</span>",
        ),
        facts(
            [
                ("Type", esc(a.type.value)),
                ("Level", esc(a.level.value)),
                ("Number", esc(a.number or "")),
                ("Signed", date_html(a.signed) + site.review("agreements", a.id, "signed")),
                ("Place of signature", site.link("places", a.place, BASE) if a.place else ""),
                (
                    "In force",
                    date_html(a.in_force, "not found")
                    + site.review("agreements", a.id, "in_force"),
                ),
                (
                    "Ended",
                    date_html(a.terminated) + site.review("agreements", a.id, "terminated")
                    if a.terminated
                    else "",
                ),
                ("Parties", ", ".join(site.actor(p, BASE) for p in a.parties)),
                ("Signatories", ", ".join(site.actor(p, BASE) for p in a.signatories)),
                ("Changes", "; ".join(changes)),
                ("Status", status_line(a)),
            ]
        ),
        f"<p><strong>Terms:</strong></p><ul>{terms}</ul>\n" if terms else "",
        notes(a.notes),
        names_line("Agreement", a),
    ]
    return page(
        site, "agreements", a, "\n".join(top), [alternatives(ds, a), sources_section(ds, a)]
    )


def actor_page(site: Site, a: rso.Actor) -> str:
    """An actor's page."""
    ds = site.ds
    identifiers = ", ".join(f"{esc(i.scheme.value)}: {esc(i.value)}" for i in a.identifiers)
    top = [
        meta(badge(a), kind_tag(a.kind.value)),
        paragraph(a.description, "rso-summary"),
        facts(
            [
                ("Kind", esc(a.kind.value.replace("_", " "))),
                ("Part of", site.actor(a.part_of, BASE) if a.part_of else ""),
                ("Identifiers", identifiers),
                ("Status", status_line(a)),
            ]
        ),
        names_line("Actor", a),
    ]
    return page(site, "actors", a, "\n".join(top), [alternatives(ds, a), sources_section(ds, a)])


def place_page(site: Site, p: rso.Place) -> str:
    """A place's page."""
    ds = site.ds
    identifiers = ", ".join(f"{esc(i.scheme.value)}: {esc(i.value)}" for i in p.identifiers)
    top = [
        meta(badge(p), kind_tag(p.kind.value)),
        paragraph(p.description, "rso-summary"),
        facts(
            [
                ("Kind", esc(p.kind.value)),
                ("In", site.link("places", p.located_in, BASE) if p.located_in else ""),
                ("Identifiers", identifiers),
                ("Status", status_line(p)),
            ]
        ),
        names_line("Place", p),
    ]
    return page(site, "places", p, "\n".join(top), [alternatives(ds, p), sources_section(ds, p)])


def office_page(site: Site, o: rso.Office) -> str:
    """An office's page: what it is, then every holder with the sources of the tenure."""
    ds = site.ds
    top = [
        meta(kind_tag("office"), f"<span>{len(o.holders)} holders</span>"),
        facts(
            [
                ("Office of", site.actor(o.organisation, BASE)),
                (
                    "Holders",
                    ", ".join(
                        f"{site.actor(t.person, BASE)} <small>({period_html(t.start, t.end)})"
                        "</small>"
                        for t in o.holders
                    ),
                ),
            ]
        ),
        names_line("Office", o),
    ]
    body = ["## Holders\n"]
    for n, t in enumerate(o.holders, start=1):
        name = ds.actors[t.person].name
        tenure = f"{o.id}/{t.person}"
        acting = " (acting)" if t.acting else ""
        body.append(
            f"### {heading(name)}{acting}, {esc(period_html(t.start, t.end))} {{ #holder-{n} }}\n"
        )
        body.append(
            facts(
                [
                    ("Holder", site.actor(t.person, BASE)),
                    ("From", date_html(t.start) + site.review("offices", tenure, "start")),
                    (
                        "To",
                        date_html(t.end, "still in office, or end not found")
                        + site.review("offices", tenure, "end"),
                    ),
                    ("Status", status_line(t)),
                ]
            )
        )
        body.append(notes(t.notes))
        body.append(citations(ds, t.sources))
        if t.alternatives:
            body.append(alternatives(ds, t).replace("## Disputed", "#### Disputed", 1))
    body.append("## Sources of the office\n\n" + citations(ds, o.sources))
    return page(site, "offices", o, "\n".join(top), body)


def stance_page(site: Site, s: rso.Stance) -> str:
    """A position on status's page."""
    ds = site.ds
    top = [
        meta(badge(s), kind_tag(s.position.value)),
        paragraph(s.summary, "rso-summary"),
        facts(
            [
                ("Holder", site.actor(s.holder, BASE)),
                ("Position", esc(s.position.value.replace("_", " "))),
                ("About", site.actor(s.subject, BASE)),
                ("Since", date_html(s.since) + site.review("stances", s.id, "since")),
                (
                    "Until",
                    date_html(s.until) + site.review("stances", s.id, "until")
                    if s.until
                    else "<em>still held, as recorded</em>",
                ),
                ("Events", ", ".join(site.listed("events", ds.events[e], BASE) for e in s.events)),
                ("Status", status_line(s)),
            ]
        ),
        notes(s.notes),
        names_line("Position on status", s),
    ]
    return page(site, "stances", s, "\n".join(top), [alternatives(ds, s), sources_section(ds, s)])


def figure_page(site: Site, f: rso.Figure) -> str:
    """A figure's page: the claim, who makes it, when, and the source's words."""
    ds = site.ds
    claimant = site.actor(f.claimed_by, BASE) if f.claimed_by else "<em>the source itself</em>"
    top = [
        meta(badge(f), kind_tag(f.measure.value), f"<span>claimed by {claimant}</span>"),
        paragraph(f.summary, "rso-summary"),
        facts(
            [
                (
                    "Number",
                    f"<strong>{esc(f.amount)}</strong> <small>({esc(f.qualifier.value)}"
                    f", unit {esc(f.unit)})</small>",
                ),
                ("Measure", esc(f.measure.value.replace("_", " "))),
                ("Period", date_html(f.period)),
                ("Stated", date_html(f.stated) + site.review("figures", f.id, "stated")),
                ("Claimed by", claimant),
                ("Actors", participants(site, f.actors)),
                ("Event", site.listed("events", ds.events[f.event], BASE) if f.event else ""),
                ("Agreement", site.link("agreements", f.agreement, BASE) if f.agreement else ""),
                ("Status", status_line(f)),
            ]
        ),
        notes(f.notes),
        names_line("Figure", f),
    ]
    return page(site, "figures", f, "\n".join(top), [alternatives(ds, f), sources_section(ds, f)])


PAGES: dict[str, Callable[[Site, Any], str]] = {
    "events": event_page,
    "agreements": agreement_page,
    "actors": actor_page,
    "places": place_page,
    "offices": office_page,
    "stances": stance_page,
    "figures": figure_page,
}
"""The page of a record of each kind."""


# --- the indexes ----------------------------------------------------------------------------


def table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def row_link(site: Site, key: str, record: Any, text: str | None = None, below: str = "") -> str:
    """An index row's title cell: an anchor, the title linked to the record's page, the id.

    The anchor keeps old links to `#<id>` on the index working: they land on the row. `below`
    is HTML for a second small line (such as the kind, or who claims a figure).
    """
    between = " · " if below else ""
    return (
        f'<a id="{esc(record.id)}"></a>'
        f'<a href="{esc(record.id)}/">{esc(text or site.title(key, record))}</a>'
        f'<br><small>{below}<span class="rso-id">{between}{esc(record.id)}</span></small>'
    )


def dated(value: rso.PartialDate | None, below: str = "") -> str:
    """An index row's date cell: the date (EDTF) and a small second line."""
    out = f'<span class="rso-date">{esc(value)}</span>' if value is not None else ""
    if below:
        out += f"<br><small>{below}</small>"
    return out


def contents(groups: Iterable[tuple[str, str]]) -> str:
    """A line of links to the index's groups: `(label, anchor)` each."""
    links = " · ".join(f'<a href="#{esc(anchor)}">{esc(label)}</a>' for label, anchor in groups)
    return f'<p class="rso-contents">{links}</p>\n'


def grouped(records: Iterable[Any], group_of: Callable[[Any], str]) -> dict[str, list[Any]]:
    """Records grouped by a label, in the order the groups first appear."""
    out: dict[str, list[Any]] = {}
    for record in records:
        out.setdefault(group_of(record), []).append(record)
    return out


def slug(label: str) -> str:
    """An anchor for a group's heading (a year stays a number, as the old pages had it)."""
    return "".join(c if c.isalnum() else "-" for c in label.lower()).strip("-") or "other"


def index_page(
    title: str,
    intro: str,
    groups: dict[str, list[Any]],
    header: list[str],
    row: Callable[[Any], list[str]],
    prefix: str = "",
) -> str:
    """An index: the title, a line of links to the groups, then a narrow table per group."""
    out = [f"# {title}\n", intro]
    if len(groups) > 1:
        out.append(contents((label, f"{prefix}{slug(label)}") for label in groups))
    for label, records in groups.items():
        if len(groups) > 1:
            out.append(f"## {heading(label)} {{ #{prefix}{slug(label)} }}\n")
        out.append(table(header, [row(r) for r in records]))
    return "\n".join(out)


def words(value: str) -> str:
    """An enum value in words."""
    return esc(value.replace("_", " "))


def events_index(site: Site) -> str:
    """Every event by year: date and kind, title linked to its page, status."""
    ds = site.ds
    intro = (
        f"All {len(ds.events)} events of data version {esc(ds.version)}, in chronological "
        "order, by year. Each title leads to the event's page: its summary, notes, the "
        "actors, agreements and place it refers to, and every source with its quote.\n"
    )
    return index_page(
        "Events",
        intro,
        grouped(ds.events, lambda e: str(e.date.earliest.year)),
        ["Date, kind", "Event", "Status"],
        lambda e: [
            dated(e.date, words(e.kind.value)),
            row_link(site, "events", e),
            badge(e, short=True),
        ],
    )


def agreements_index(site: Site) -> str:
    """Every agreement by year of signature."""
    ds = site.ds
    intro = (
        f"All {len(ds.agreements)} instruments (treaties, agreements, protocols, memoranda, "
        "decrees, laws and resolutions), by year of signature; undated ones last. The "
        "bilateral ones are also listed, by level, in the [treaty register](../register.md).\n"
    )
    return index_page(
        "Agreements",
        intro,
        grouped(ds.agreements, lambda a: str(a.signed.earliest.year) if a.signed else "Undated"),
        ["Signed, type", "Agreement", "Status"],
        lambda a: [
            dated(a.signed, f"{words(a.type.value)}, {words(a.level.value)}"),
            row_link(site, "agreements", a),
            badge(a, short=True),
        ],
    )


def _letter(name: str) -> str:
    first = name[:1].upper()
    return first if first.isalpha() else "0–9"


def actors_index(site: Site) -> str:
    """Every actor, by the first letter of its name."""
    ds = site.ds
    actors = sorted(ds.actors, key=lambda a: (a.name.casefold(), a.id))
    intro = (
        f"All {len(ds.actors)} actors (states, bodies, organisations and people), by name. "
        "Each page gives the actor's names in every script and lists the events, agreements, "
        "offices, positions and figures that refer to it (counted here as records).\n"
    )
    return index_page(
        "Actors",
        intro,
        grouped(actors, lambda a: _letter(a.name)),
        ["Actor", "Records", "Status"],
        lambda a: [
            row_link(site, "actors", a, below=words(a.kind.value)),
            str(len(site.referred.get(("actors", a.id), []))),
            badge(a, short=True),
        ],
        prefix="letter-",
    )


def places_index(site: Site) -> str:
    """Every place."""
    ds = site.ds

    def row(p: rso.Place) -> list[str]:
        within = f" in {esc(ds.places[p.located_in].name)}" if p.located_in else ""
        return [
            row_link(site, "places", p, below=words(p.kind.value) + within),
            str(len(site.referred.get(("places", p.id), []))),
            badge(p, short=True),
        ]

    return index_page(
        "Places",
        f"All {len(ds.places)} places, with how many records refer to each.\n",
        {"": list(ds.places)},
        ["Place", "Records", "Status"],
        row,
    )


def offices_index(site: Site) -> str:
    """Every office, with its latest holder and how many holders it has."""
    ds = site.ds

    def row(o: rso.Office) -> list[str]:
        last = o.holders[-1] if o.holders else None
        latest = (
            site.actor(last.person, "../")
            + f"<br><small>{period_html(last.start, last.end)}</small>"
            if last
            else ""
        )
        return [
            row_link(site, "offices", o, below=f"of {esc(ds.actors[o.organisation].name)}"),
            latest,
            str(len(o.holders)),
        ]

    return index_page(
        "Offices",
        f"All {len(ds.offices)} offices. Each page lists who held the office, when, and the "
        "sources of each tenure.\n",
        {"": list(ds.offices)},
        ["Office", "Latest holder", "Holders"],
        row,
    )


def stances_index(site: Site) -> str:
    """Every position on status."""
    ds = site.ds
    intro = (
        "Who recognised South Ossetia's independence and from when, who withdrew recognition, "
        "and who does not recognise it, each position attributed to its holder "
        f"({len(ds.stances)} records).\n"
    )
    return index_page(
        "Positions on status",
        intro,
        {"": list(ds.stances)},
        ["Since", "Holder, position", "Status"],
        lambda s: [
            dated(s.since, f"until {esc(s.until)}" if s.until else ""),
            row_link(
                site,
                "stances",
                s,
                ds.actors[s.holder].name,
                below=f"{words(s.position.value)} ({esc(ds.actors[s.subject].name)})",
            ),
            badge(s, short=True),
        ],
    )


def figures_index(site: Site) -> str:
    """Every figure, by measure."""
    ds = site.ds
    intro = (
        f"All {len(ds.figures)} figures of data version {esc(ds.version)}, by measure and in "
        "order of the time they cover. Each is a claim, attributed to its claimant; its page "
        "gives the summary and the source's own words. See [Figures](../figures.md) for "
        "charts and how to query them.\n"
    )
    groups = {
        m.value.replace("_", " ").capitalize(): list(ds.figures.of_measure(m)) for m in rso.Measure
    }

    def claimant(f: rso.Figure) -> str:
        if f.claimed_by is None:
            return "stated by the source itself"
        return f"claimed by {esc(ds.actors[f.claimed_by].name)}"

    return index_page(
        "Figures",
        intro,
        {label: found for label, found in groups.items() if found},
        ["Period", "Figure", "Status"],
        lambda f: [
            dated(f.period, f'<span class="rso-date">stated {esc(f.stated)}</span>'),
            row_link(site, "figures", f, f.amount, below=claimant(f)),
            badge(f, short=True),
        ],
    )


INDEXES: dict[str, Callable[[Site], str]] = {
    "events": events_index,
    "agreements": agreements_index,
    "actors": actors_index,
    "places": places_index,
    "offices": offices_index,
    "stances": stances_index,
    "figures": figures_index,
}
"""The index page of each kind that has record pages."""


PLACEHOLDER = "<!-- rso-html {} -->"
"""What stands for a block of a record page's HTML while Markdown reads the page."""

_lifted: dict[str, list[str]] = {}
"""The HTML blocks taken out of each record page, by its path, until they are put back."""


def is_record_page(src_uri: str) -> bool:
    """Whether a path under `docs/` is a record page (`dataset/<key>/<id>.md`)."""
    parts = src_uri.split("/")
    return len(parts) == 3 and parts[0] == "dataset" and parts[1] in PLURAL


def lift(src_uri: str, markdown: str) -> str:
    """Take the HTML blocks out of a record page's Markdown, leaving a placeholder for each.

    A record page is headings and blocks of HTML. Markdown passes such blocks through
    unchanged, but it (and MkDocs before it) parses each with Python's HTML parser, which is
    most of the time a build spends on these pages. `restore` puts them back in the HTML.
    """
    blocks = markdown.split("\n\n")
    lifted = _lifted[src_uri] = []
    for i, block in enumerate(blocks):
        if block.startswith("<"):
            blocks[i] = PLACEHOLDER.format(len(lifted))
            lifted.append(block)
    return "\n\n".join(blocks)


def restore(src_uri: str, page_html: str) -> str:
    """Put back the HTML blocks `lift` took out of a page (any other page is returned as is)."""
    for i, block in enumerate(_lifted.pop(src_uri, ())):
        page_html = page_html.replace(PLACEHOLDER.format(i), block, 1)
    return page_html


def generated(ds: rso.Dataset) -> dict[str, str]:
    """Every index and record page, keyed by its path under `docs/`."""
    site = Site(ds)
    out = {f"dataset/{key}.md": index(site) for key, index in INDEXES.items()}
    for key in RECORD_KEYS:
        make = PAGES[key]
        for record in getattr(ds, key):
            out[f"dataset/{key}/{record.id}.md"] = make(site, record)
    return out
