"""The built documentation: offline, generated from the data, with an anchor for every record.

Building the site takes a while, so these tests are marked `slow`. They build it once (xdist
runs a file's tests in one worker), or read a site already built into the folder named by the
`RU_SO_RELATIONS_SITE_DIR` environment variable, as `.ci/run` does: it builds the docs once
with `mkdocs build --strict` and points the tests at the result.
"""

from __future__ import annotations

import hashlib
import html
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import ru_so_relations as rso

if TYPE_CHECKING:
    from types import ModuleType

pytest.importorskip("mkdocs")

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
REMOTE = re.compile(r"^(https?:)?//", re.IGNORECASE)
SITE_DIR = "RU_SO_RELATIONS_SITE_DIR"
"""The environment variable naming a folder where the site is already built."""


def built_site(tmp_path_factory: pytest.TempPathFactory, check: Any = None) -> Path:
    """The built site: from $RU_SO_RELATIONS_SITE_DIR, or built here once.

    `check`, if given, runs before a build, so tests that would skip do not wait for one.
    """
    built = os.environ.get(SITE_DIR)
    if built:
        if not (Path(built) / "index.html").is_file():
            pytest.fail(f"{SITE_DIR}={built} holds no built site: build it there, or unset it")
        return Path(built)
    if not (ROOT / "mkdocs.yml").exists():
        pytest.skip("the documentation sources are not here")
    pytest.importorskip("mkdocs")
    if check is not None:
        check()
    out = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_site(tmp_path_factory)


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
        if tag == "link" and values.get("rel") != "canonical":  # a canonical address loads nothing
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


def test_charts_are_inline_with_their_source_lines(site: Path) -> None:
    ds = rso.load()
    pages = {
        "dataset": 2,  # the timeline, drawn wide and for a phone
        "offices-and-status": 2,
        "register": 1,
        "figures": 1,
    }
    for page, drawings in pages.items():
        text = (site / page / "index.html").read_text(encoding="utf-8")
        svgs = re.findall(r'<svg [^>]*class="rso-chart-svg".*?</svg>', text, re.DOTALL)
        assert len(svgs) == drawings, page
        for svg in svgs:
            assert "<title>" in svg
            assert "<script" not in svg
            assert not re.search(r"(href|src)=\"https?:", svg)
        assert f"Source: ru_so_relations data {ds.version}, " in text, page
        assert "stylesheets/charts.css" in text, page
        assert "<img" not in text.split('class="md-content"')[1], f"{page} embeds a picture"
    overview = (site / "dataset" / "index.html").read_text(encoding="utf-8")
    assert f"{len(ds.events)} events, data {ds.version}" in overview
    counted = sum(int(n) for n in re.findall(r"<title>\d{4}: (\d+) ", overview))
    assert counted == 2 * len(ds.events)  # once per drawing


def test_cli_reference_is_generated(site: Path) -> None:
    text = (site / "cli" / "index.html").read_text(encoding="utf-8")
    for command in ("timeline", "agreements", "actors", "places", "offices", "stances", "show"):
        assert f"ru-so-relations {command}" in text


def test_api_reference_shows_inherited_queries_without_private_names(site: Path) -> None:
    pages = sorted((site / "api").glob("*/index.html"))
    assert len(pages) >= 5
    ids: set[str] = set()
    for page in pages:
        text = page.read_text(encoding="utf-8")
        parser = Assets()
        parser.feed(text)
        ids |= parser.ids
        noise = re.findall(
            r"_Dated|_Verifiable|_Named|_ONE_BOUND|object object at|"
            r"class-attribute|instance-attribute|attrs\.field|validator=",
            text,
        )
        assert not noise, f"{page.relative_to(site)} shows {sorted(set(noise))}"
    for query in ("Events.between", "Events.involving", "Agreements.verified", "Actors.resolve"):
        assert f"ru_so_relations.{query}" in ids, query
    collections = (site / "api" / "collections" / "index.html").read_text(encoding="utf-8")
    assert "SAME_AS_START" in collections


# --- publishing: downloads, citation, site settings -----------------------------------------


def publish_module() -> ModuleType:
    """tools/docs_publish.py, the hook that writes the downloads and the Cite page."""
    path = ROOT / "tools" / "docs_publish.py"
    if not path.exists():
        pytest.skip("the documentation tools are not here")
    spec = importlib.util.spec_from_file_location("docs_publish", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up
    spec.loader.exec_module(module)
    return module


def download_table(site: Path) -> dict[str, tuple[int, str]]:
    """The Download page's table: each file's name, with its size and SHA-256 as stated."""
    text = (site / "download" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(
        r'<a href="\.\./downloads/([^"]+)">.*?class=.bytes.>([\d,]+)</span>.*?'
        r"class=.sha256.>([0-9a-f]{64})</code>",
        text,
        re.DOTALL,
    )
    return {name: (int(size.replace(",", "")), sha) for name, size, sha in rows}


def test_download_files_match_their_table(site: Path) -> None:
    table = download_table(site)
    stem = f"ru-so-relations-{rso.DATA_VERSION}"
    for form in (".json", "-csv.zip", "-jsonl.zip"):
        assert stem + form in table, f"no {stem + form} on the Download page"
    page = (site / "download" / "index.html").read_text(encoding="utf-8")
    if f"{stem}-parquet.zip" not in table:  # a build without pyarrow says why
        assert "<code>arrow</code> extra" in page
    offered = {p.name for p in (site / "downloads").iterdir()}
    assert offered == set(table), "files in downloads/ and rows of the table differ"
    for name, (size, sha256) in table.items():
        content = (site / "downloads" / name).read_bytes()
        assert len(content) == size, name
        assert hashlib.sha256(content).hexdigest() == sha256, name


def test_download_files_hold_the_bundled_data(site: Path, tmp_path: Path) -> None:
    ds = rso.load()
    stem = f"ru-so-relations-{ds.version}"
    downloads = site / "downloads"
    assert rso.load(downloads / f"{stem}.json") == ds
    for name in sorted(p.name for p in downloads.glob("*.zip")):
        with zipfile.ZipFile(downloads / name) as archive:
            roots = {n.split("/")[0] for n in archive.namelist()}
            assert roots == {name.removesuffix(".zip")}, f"{name} holds more than one folder"
            archive.extractall(tmp_path)
    assert rso.load(tmp_path / f"{stem}-jsonl") == ds
    package = json.loads((tmp_path / f"{stem}-csv" / "datapackage.json").read_text("utf-8"))
    for resource in package["resources"]:
        assert (tmp_path / f"{stem}-csv" / resource["path"]).is_file(), resource["path"]
    events = (tmp_path / f"{stem}-csv" / "events.csv").read_text("utf-8")
    assert {e.id for e in ds.events} <= set(re.findall(r"^([^,]+),", events, re.MULTILINE))
    if (tmp_path / f"{stem}-parquet").exists():
        assert (tmp_path / f"{stem}-parquet" / "events.parquet").is_file()


def test_download_files_are_reproducible(site: Path) -> None:
    publish = publish_module()
    table = download_table(site)
    parquet = any(name.endswith("-parquet.zip") for name in table)
    again = publish.build_downloads(rso.load(), parquet=parquet)
    assert {d.name: (d.size, d.sha256) for d in again} == table
    # without pyarrow the build goes on, and the page says Parquet needs the arrow extra
    without = [d for d in again if not d.name.endswith("-parquet.zip")]
    markdown = publish.downloads_markdown(rso.load(), without)
    assert "parquet.zip" not in markdown
    assert "`arrow` extra" in markdown


def page_text(site: Path, page: str) -> str:
    """A built page's text, without tags (code is highlighted token by token)."""
    raw = (site / page / "index.html").read_text(encoding="utf-8")
    return html.unescape(re.sub(r"<[^>]+>", "", raw))


def test_cite_page_has_text_bibtex_and_cff(site: Path) -> None:
    from ru_so_relations._citation import URL

    text = page_text(site, "cite")
    for style in ("text", "bibtex", "cff"):
        assert rso.cite(style).strip() in text, f"the {style} citation is not on the Cite page"
    assert rso.cite("bibtex").startswith("@misc{")
    assert f"Data version {rso.DATA_VERSION}" in text
    raw = (site / "cite" / "index.html").read_text(encoding="utf-8")
    assert f'href="{URL}"' in raw


class Nav(HTMLParser):
    """The primary navigation's top-level section titles and every page it links to."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: list[str] = []
        self.links: set[str] = set()
        self._label: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "label" and re.fullmatch(r"__nav_\d+_label", values.get("id") or ""):
            self._label = []
        if tag == "a" and "md-nav__link" in (values.get("class") or "").split():
            self.links.add((values.get("href") or "").split("#")[0])

    def handle_data(self, data: str) -> None:
        if self._label is not None:
            self._label.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "label" and self._label is not None:
            self.sections.append(" ".join("".join(self._label).split()))
            self._label = None


def test_navigation_is_grouped_and_lists_every_page(site: Path) -> None:
    nav = Nav()
    nav.feed((site / "index.html").read_text(encoding="utf-8"))
    assert nav.sections == ["Use the data", "The data", "Reference", "Project"]
    docs = ROOT / "docs"
    if not docs.is_dir():
        pytest.skip("the documentation sources are not here")
    for source in sorted(docs.rglob("*.md")):
        relative = source.relative_to(docs).with_suffix("").as_posix()
        url = "." if relative == "index" else relative.removesuffix("/index") + "/"
        assert url in nav.links, f"{source.relative_to(ROOT)} is not in the navigation"
    for page in ("download/", "cite/", "dataset/", "dataset/events/", "api/", "cli/"):
        assert page in nav.links, page


def test_site_settings(site: Path) -> None:
    from ru_so_relations._citation import URL

    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>Russia–South Ossetia relations dataset</title>" in home
    assert f'href="{URL}"' in home  # the repository link, the project's placeholder address
    assert '<img src="assets/logo.svg"' in home
    logo = (site / "assets" / "logo.svg").read_text(encoding="utf-8")
    assert logo.startswith("<svg")
    assert "<script" not in logo
    assert "href" not in logo
    assert 'data-md-color-scheme="slate"' in home  # the dark mode of the palette toggle
    assert '<script src="javascripts/copy-code.js"></script>' in home
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    addresses = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert f"{URL}/" in addresses
    assert f"{URL}/download/" in addresses
    assert len(addresses) == len(list(site.rglob("index.html"))) - len(
        list((site / "assets").rglob("index.html"))
    )


SESSION = """\
>>> import ru_so_relations as rso
>>> ds = rso.load()
>>> for e in ds.events.between("2008-08-26")[:1]:
...     print(e.id)
russia-recognises-south-ossetia-2008
>>> rso.cite("bibtex").splitlines()[0]
'@misc{ru_so_relations_2026_12_3,'
>>> "..." in "a...b"
True
"""
CODE = """\
import ru_so_relations as rso
ds = rso.load()
for e in ds.events.between("2008-08-26")[:1]:
    print(e.id)

rso.cite("bibtex").splitlines()[0]
"..." in "a...b"
"""


def test_copy_button_copies_only_the_code() -> None:
    node = shutil.which("node")
    script = ROOT / "docs" / "javascripts" / "copy-code.js"
    if node is None or not script.exists():
        pytest.skip("needs node and the documentation sources")
    run = (
        "const {codeOnly} = require(process.argv[1]);"
        "process.stdout.write(JSON.stringify([codeOnly(process.argv[2]), codeOnly(process.argv[3])]));"
    )
    shell = "pip install ru-so-relations   # >>> is not a prompt here\n"
    result = subprocess.run(
        [node, "-e", run, str(script), SESSION, shell],
        check=True,
        capture_output=True,
        text=True,
    )
    session, other = json.loads(result.stdout)
    assert session == CODE
    assert other is None  # a block that is not a session is copied as it is


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
