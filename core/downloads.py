"""Open data: datasets the portal offers as files (CSV, GeoJSON), streamed.

Each dataset lives in the app that owns its rows (the zone catalogue in
zones/downloads.py, the articles' metadata in news/downloads.py) and is
described here by a `Dataset`: its fields, its files and how to count its
rows and find their newest change. The site shell's /data/ page lists them;
the files are served by the apps' views through `download_response()`.

Files are made row by row from a database iterator, in chunks of about
CHUNK_BYTES, so a million rows never sit in memory at once.

How the licence and sources are stated in each file:
- CSV: UTF-8 with a byte order mark (Excel then reads Chinese correctly),
  then a fixed number of lines starting with "# " (the dataset's
  `preamble_lines`, named on the /data/ page so that programs can skip them),
  then the header row and the rows. The preamble lines hold no comma or
  quote, so each is one cell in a spreadsheet and never a broken record.
- GeoJSON: members beside "features" (RFC 7946 allows foreign members):
  "title", "license", "attribution", "sources" and "documentation".
"""

import csv
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import NamedTuple

from django.urls import reverse
from django.utils import translation
from django.utils.translation import pgettext_lazy

from core.paths import path_prefix

BOM = "\ufeff"
# Rows are read from the database this many at a time (one query per chunk
# for prefetched relations such as tags).
CHUNK_SIZE = 2000
# Text is handed to the server in pieces of about this size: one piece per
# row would cost a write per row.
CHUNK_BYTES = 64 * 1024

PORTAL_LICENCE = "CC BY 4.0"
PORTAL_LICENCE_SPDX = "CC-BY-4.0"
PORTAL_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"

# Field types, named once for every dataset's table on the /data/ page.
TEXT = pgettext_lazy("field type", "text")
INTEGER = pgettext_lazy("field type", "integer")
DECIMAL = pgettext_lazy("field type", "decimal number")
DATE = pgettext_lazy("field type", "date (YYYY-MM-DD)")
DATETIME = pgettext_lazy("field type", "date and time (ISO 8601, UTC)")
URL = pgettext_lazy("field type", "URL")
CODE = pgettext_lazy("field type", "code (one of the values listed)")


class Field(NamedTuple):
    name: str
    type: str
    meaning: str


class Download(NamedTuple):
    """One file of a dataset: its format's name, URL name and media type."""

    format: str
    url_name: str
    media_type: str


class Summary(NamedTuple):
    count: int
    last_modified: datetime | None


@dataclass(frozen=True)
class Dataset:
    """A dataset as the /data/ page explains it.

    `summary(now)` answers the row count and the newest change of the rows
    (kept in the cache: core.cache.remembered); `preamble_lines` is how
    many "# " lines start its CSV.
    """

    key: str
    title: str
    description: str
    fields: tuple[Field, ...]
    downloads: tuple[Download, ...]
    summary: Callable[..., Summary]
    preamble_lines: int
    licence: str
    sources: tuple[str, ...] = ()
    defects: tuple[str, ...] = field(default=())
    # The URL name of the same rows in the JSON API (api/), if it has them.
    api_url_name: str = ""


class _Echo:
    """A file whose write() returns what it was given (for csv.writer)."""

    def write(self, value):
        return value


def comment_line(text):
    """`text` as a preamble line: "# " first, one line, no comma or quote
    (a site name typed in the admin may hold either)."""
    text = " ".join(text.replace(",", " ").replace('"', "'").split())
    return text if text.startswith("# ") else "# " + text


def csv_chunks(preamble: list[str], header: Iterable[str], rows: Iterable[list]):
    """The text of a CSV file in pieces: BOM, preamble, header, rows.

    Lines end in CRLF (RFC 4180).
    """
    writer = csv.writer(_Echo(), lineterminator="\r\n")
    parts = [BOM]
    parts.extend(comment_line(line) + "\r\n" for line in preamble)
    parts.append(writer.writerow(header))
    size = 0
    for row in rows:
        line = writer.writerow(row)
        parts.append(line)
        size += len(line)
        if size >= CHUNK_BYTES:
            yield "".join(parts)
            parts, size = [], 0
    yield "".join(parts)


def geojson_chunks(members: dict, features: Iterable[dict]) -> Iterator[str]:
    """The text of a GeoJSON FeatureCollection in pieces, one feature a line.

    `members` are written before "features" (title, licence, sources).
    """
    head = {"type": "FeatureCollection", **members}
    opening = json.dumps(head, ensure_ascii=False)[:-1] + ',\n"features": [\n'
    parts, size, separator = [opening], 0, ""
    for feature in features:
        text = separator + json.dumps(
            feature, ensure_ascii=False, separators=(",", ":")
        )
        separator = ",\n"
        parts.append(text)
        size += len(text)
        if size >= CHUNK_BYTES:
            yield "".join(parts)
            parts, size = [], 0
    parts.append("\n]}\n")
    yield "".join(parts)


def in_chunks(queryset, size=None):
    """The rows of a values_list() queryset whose first value is the primary
    key, in key order, as lists of at most `size` (CHUNK_SIZE) rows.

    Each chunk is one query that starts where the last one ended (WHERE pk >
    last ORDER BY pk LIMIT size): a range of the primary key's index, so
    the millionth row costs what the first did. A server-side cursor
    (.iterator()) would hold a connection's cursor open for the whole
    download, and outside a transaction PostgreSQL copies all of its rows
    before it sends the first.
    """
    size = size or CHUNK_SIZE
    last = None
    while True:
        page = queryset if last is None else queryset.filter(pk__gt=last)
        rows = list(page.order_by("pk")[:size])
        if rows:
            yield rows
        if len(rows) < size:
            return
        last = rows[-1][0]


def iso_datetime(value):
    """An aware datetime as ISO 8601 in UTC, to the second ("…Z")."""
    if value is None:
        return ""
    return (
        value.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    )


def version_tag(*parts):
    """A short hash of what a file was made from, for its ETag."""
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def page_url(request, url_name, language):
    """The absolute address of the page `url_name` in `language`, for a
    file's preamble: files are the same whatever language asked."""
    with translation.override(language):
        return request.build_absolute_uri(reverse(url_name))


def detail_url_prefixes(base, url_name, key, languages):
    """{language: the start of a detail page's address, up to its `key`
    (the one keyword argument of `url_name`)}, from `base`.

    A file links every row: the path is reversed once per language
    (core.paths), not once a row.
    """
    prefixes = {}
    for language in languages:
        with translation.override(language):
            prefixes[language] = base + path_prefix(url_name, key)
    return prefixes
