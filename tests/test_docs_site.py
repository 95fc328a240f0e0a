"""The built documentation: offline, generated from the data, with an anchor for every record.

Building the site takes a while, so these tests are marked `slow`. They build it once (xdist
runs a file's tests in one worker), or read a site already built into the folder named by the
`RU_SO_RELATIONS_SITE_DIR` environment variable, as `.ci/run` does: it builds the docs once
with `mkdocs build --strict` and points the tests at the result.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import ru_so_relations as rso

pytest.importorskip("mkdocs")

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
REMOTE = re.compile(r"^(https?:)?//", re.IGNORECASE)
SITE_DIR = "RU_SO_RELATIONS_SITE_DIR"
"""The environment variable naming a folder where the site is already built."""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    built = os.environ.get(SITE_DIR)
    if built:
        if not (Path(built) / "index.html").is_file():
            pytest.fail(f"{SITE_DIR}={built} holds no built site: build it there, or unset it")
        return Path(built)
    if not (ROOT / "mkdocs.yml").exists():
        pytest.skip("the documentation sources are not here")
    out = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return out


class Assets(HTMLParser):
    """Collect every address the page would load by itself (not links a reader may follow)."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag in {"script", "img", "iframe", "audio", "video", "source", "embed"}:
            self.loaded += [v for k, v in attrs if k in {"src", "srcset"} and v]
        if tag == "link":
            self.loaded += [v for k, v in attrs if k == "href" and v]
        if tag == "object" and values.get("data"):
            self.loaded.append(str(values["data"]))
        style = values.get("style") or ""
        self.loaded += re.findall(r"url\(\s*['\"]?([^)'\"]+)", style)


def test_built_site_loads_nothing_from_another_host(site: Path) -> None:
    pages = list(site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        parser = Assets()
        text = page.read_text(encoding="utf-8")
        parser.feed(text)
        remote = [a for a in parser.loaded if REMOTE.match(a)]
        assert not remote, f"{page.relative_to(site)} loads {remote[:3]}"
        inline = re.findall(r"@import\s+url\(\s*['\"]?(https?:)", text)
        assert not inline, page
    for sheet in site.rglob("*.css"):
        found = re.findall(r"url\(\s*['\"]?(https?:[^)'\"]+)", sheet.read_text(encoding="utf-8"))
        assert not found, f"{sheet.relative_to(site)} loads {found[:3]}"


def test_dataset_pages_have_an_anchor_for_every_record(site: Path) -> None:
    ds = rso.load()
    for name in ("events", "agreements", "actors", "places", "offices", "stances", "sources"):
        parser = Assets()
        parser.feed((site / "dataset" / name / "index.html").read_text(encoding="utf-8"))
        missing = set(getattr(ds, name).ids) - parser.ids
        assert not missing, f"{name}: no anchor for {sorted(missing)[:5]}"


def test_timeline_picture_is_generated_from_the_data(site: Path) -> None:
    svg = (site / "dataset" / "timeline.svg").read_text(encoding="utf-8")
    ds = rso.load()
    assert svg.startswith("<svg")
    assert f"{len(ds.events)} events, data {ds.version}" in svg
    assert "<script" not in svg
    assert not re.search(r"(href|src)=\"https?:", svg)
    # one bar segment per (year, group) with events, each with a tooltip that counts them
    counted = sum(int(n) for n in re.findall(r"<title>\d{4}: (\d+) ", svg))
    assert counted == len(ds.events)
    overview = (site / "dataset" / "index.html").read_text(encoding="utf-8")
    assert 'src="timeline.svg"' in overview


def test_cli_reference_is_generated(site: Path) -> None:
    text = (site / "cli" / "index.html").read_text(encoding="utf-8")
    for command in ("timeline", "agreements", "actors", "places", "offices", "stances", "show"):
        assert f"ru-so-relations {command}" in text


def test_record_pages_are_built_whole_and_searchable(site: Path) -> None:
    import json

    ds = rso.load()
    page = (site / "dataset" / "actors" / "eduard-kokoity" / "index.html").read_text("utf-8")
    assert "rso-html" not in page  # every block taken out for Markdown was put back
    assert "Кокойты" in page
    assert 'class="rso-badge rso-confirmed"' in page
    assert "<blockquote" in page
    built = {p.parent.name for p in (site / "dataset" / "events").glob("*/index.html")}
    assert built == set(ds.events.ids)
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == ["en", "ru"]
    entries = {doc["location"]: doc for doc in index["docs"]}
    kokoity = entries["dataset/actors/eduard-kokoity/"]
    assert "Кокойты" in kokoity["text"]
    assert "eduard-kokoity" in kokoity["text"]
    assert kokoity["boost"] > 1
    assert not any(loc.startswith("dataset/sources/") for loc in entries)


def test_every_link_inside_the_site_leads_to_a_page_and_anchor(site: Path) -> None:
    href = re.compile(r'href="([^"]+)"')
    ids: dict[Path, set[str]] = {}

    def ids_of(page: Path) -> set[str]:
        if page not in ids:
            ids[page] = set(re.findall(r'id="([^"]+)"', page.read_text(encoding="utf-8")))
        return ids[page]

    broken = []
    for page in site.rglob("*.html"):
        if page.name == "404.html":  # its links are absolute, from wherever it is shown
            continue
        for link in href.findall(page.read_text(encoding="utf-8")):
            if REMOTE.match(link) or link.startswith(("mailto:", "data:")):
                continue
            target, _, anchor = link.partition("#")
            found = (page.parent / target) if target else page
            if found.is_dir():
                found = found / "index.html"
            if not found.exists() or (
                anchor
                and found.suffix == ".html"
                and not anchor.startswith("__")  # Material's own, made by its script
                and anchor not in ids_of(found)
            ):
                broken.append(f"{page.relative_to(site)} -> {link}")
    assert not broken, f"{len(broken)} broken links, e.g. {broken[:5]}"
