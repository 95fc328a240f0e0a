"""MkDocs hooks: the files of the Download page, its table, and the Cite page.

At build time the bundled dataset is written with the library's own writers
(`ru_so_relations.dump`) in each format, the folder formats are zipped, and the files are
added to the site under `downloads/`. The Download page's table gives each file's size and
SHA-256; the Cite page gives `ru_so_relations.cite` in every style.

The zips are deterministic (sorted names, fixed timestamps and permissions, one compression
level), so building the same data with the same library and zlib gives the same checksums.
Parquet needs pyarrow (the `arrow` extra): without it the build goes on, and the page says so.
"""

from __future__ import annotations

import hashlib
import html
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.structure.files import File

import ru_so_relations as rso
from ru_so_relations._citation import URL
from ru_so_relations._version import DATA_RELEASED

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

FOLDER = "downloads"
"""Where in the site the files go."""
DOWNLOADS_MARKER = "<!-- generated: downloads -->"
"""Where the Download page gets its table."""
CITE_MARKER = "<!-- generated: cite -->"
"""Where the Cite page gets the citation in every style."""
ZIP_TIME = (*(int(part) for part in DATA_RELEASED.split("-")), 0, 0, 0)
"""Every zip member's timestamp: midnight of the data's release date, so zips are reproducible."""
ARROW_NOTE = (
    "Parquet is not offered in this build: the documentation was built without pyarrow. "
    "Install the `arrow` extra (`pip install 'ru-so-relations[arrow]'`) and write it yourself "
    "with `rso.dump(rso.load(), 'folder', format='parquet')`."
)
"""What the Download page says when the build could not write Parquet."""


@dataclass(frozen=True)
class Download:
    """A file offered on the Download page."""

    name: str
    """The file's name, under `downloads/` in the site."""
    label: str
    """The format, in a few words."""
    what: str
    """What it holds and how to read it back (Markdown)."""
    content: bytes
    """The file's bytes."""

    @property
    def size(self) -> int:
        """The size in bytes."""
        return len(self.content)

    @property
    def sha256(self) -> str:
        """The SHA-256 of the content, in hexadecimal."""
        return hashlib.sha256(self.content).hexdigest()


def deterministic_zip(folder: Path, root: str) -> bytes:
    """The files of `folder` as a zip under the folder name `root`, byte for byte reproducible."""
    path = folder.parent / f"{root}.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for file in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{root}/{file.relative_to(folder).as_posix()}", ZIP_TIME)
            info.create_system = 3  # Unix, whatever the building machine
            info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, file.read_bytes(), compresslevel=9)
    return path.read_bytes()


def parquet_available() -> bool:
    """Whether pyarrow can be imported here, so Parquet can be written."""
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return False
    return True


def build_downloads(ds: rso.Dataset, *, parquet: bool | None = None) -> list[Download]:
    """Write the dataset in every format and return the files to offer, in table order.

    `parquet` says whether to write Parquet; by default, when pyarrow can be imported.
    """
    if parquet is None:
        parquet = parquet_available()
    stem = f"ru-so-relations-{ds.version}"
    folders = {
        "csv": (
            "CSV tables and data package",
            "one CSV file per table and a Frictionless `datapackage.json` that declares every "
            "field, primary key and foreign key. Read with any CSV reader or spreadsheet; "
            "check with `frictionless validate datapackage.json`.",
        ),
        "jsonl": (
            "JSON Lines",
            "one file per collection, one record a line, and `dataset-meta.json` with the "
            "version. Unzip, then `rso.load('folder')` reads the folder back.",
        ),
    }
    if parquet:
        folders["parquet"] = (
            "Parquet",
            "the same tables as the CSV, typed, one Parquet file per table, with "
            "`datapackage.json`. For pandas, Arrow, DuckDB or R.",
        )
    with tempfile.TemporaryDirectory(prefix="ru-so-relations-downloads-") as temp:
        out = Path(temp)
        rso.dump(ds, out / f"{stem}.json", format="json")
        found = [
            Download(
                f"{stem}.json",
                "JSON",
                "the whole dataset in one file, in the library's own format (as bundled). "
                "`rso.load('file.json')` reads it; [schema.json](schema.json) is its JSON "
                "Schema.",
                (out / f"{stem}.json").read_bytes(),
            )
        ]
        for form, (label, what) in folders.items():
            root = f"{stem}-{form}"
            rso.dump(ds, out / root, format=form)
            content = deterministic_zip(out / root, root)
            found.append(Download(f"{root}.zip", f"{label} (zip)", what, content))
    return found


def human_size(size: int) -> str:
    """A size in kB or MB (powers of 1000), with one decimal."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{size / 1000:.1f} kB"


def downloads_markdown(ds: rso.Dataset, downloads: list[Download]) -> str:
    """The Download page's table of files with their sizes and checksums, and any note."""
    rows = [
        f"| [{d.name}]({FOLDER}/{d.name})<br><small>{d.label}, {human_size(d.size)} "
        f"(<span class='bytes'>{d.size:,}</span> bytes)</small> | "
        f"<code class='sha256'>{d.sha256}</code> |"
        for d in downloads
    ]
    out = [
        f"Data version **{html.escape(ds.version)}** (released {DATA_RELEASED}), written with "
        f"ru-so-relations {rso.__version__} when this site was built.\n",
        "| File | SHA-256 |",
        "|---|---|",
        *rows,
        "",
        *(f"- **{d.label}**: {d.what}" for d in downloads),
        "",
    ]
    if not any(d.name.endswith("-parquet.zip") for d in downloads):
        out.append(f'!!! note "Parquet"\n    {ARROW_NOTE}\n')
    return "\n".join(out)


def cite_markdown(ds: rso.Dataset) -> str:
    """The Cite page's generated part: the version, the link, and the citation in each style."""
    return "\n".join(
        [
            f"Data version **{html.escape(ds.version)}**, released {DATA_RELEASED}; Python "
            f"package ru-so-relations {rso.__version__}. Repository: <{URL}> (a placeholder "
            "address: the project has no public address yet).\n",
            "## Text\n",
            f"``` {{ .text .wrap }}\n{rso.cite('text')}\n```\n",
            "## BibTeX\n",
            f"``` {{ .bibtex .wrap }}\n{rso.cite('bibtex')}\n```\n",
            "## Citation File Format (CITATION.cff)\n",
            "The repository's `CITATION.cff`, which GitHub, Zenodo and reference managers read:\n",
            f"``` {{ .yaml .wrap }}\n{rso.cite('cff').rstrip()}\n```\n",
        ]
    )


_built: dict[str, list[Download]] = {}
"""The files of the current build, from `on_files` to `on_page_markdown`."""


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Write the download files and add them to the site."""
    downloads = build_downloads(rso.load())
    _built["downloads"] = downloads
    for d in downloads:
        files.append(File.generated(config, f"{FOLDER}/{d.name}", content=d.content))
    return files


def on_page_markdown(markdown: str, page: Any, config: MkDocsConfig, files: Files) -> str:
    """Fill the Download page's table and the Cite page's citations."""
    del page, config, files
    if DOWNLOADS_MARKER in markdown:
        markdown = markdown.replace(
            DOWNLOADS_MARKER, downloads_markdown(rso.load(), _built["downloads"])
        )
    if CITE_MARKER in markdown:
        markdown = markdown.replace(CITE_MARKER, cite_markdown(rso.load()))
    return markdown
