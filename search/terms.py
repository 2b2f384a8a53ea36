"""What a reader typed, turned into search terms; and matches marked up.

A query is split into terms at anything that is not a letter or a digit
(spaces, punctuation in either width, symbols, emoji), so hostile characters
such as quotes, %, _ and backslashes never reach SQL as anything but
separators. Every term must occur in a result (AND), as a substring, which is
what Chinese needs: 半导体 matches 半导体装备产业园.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from html import escape

from django.utils.safestring import mark_safe

# A longer query has no use (zone names are under 40 characters, titles
# under 200, and every term must match), and each extra term is one more
# condition in the index scan, so the length is capped and the reader told.
MAX_QUERY_LENGTH = 100
MAX_TERMS = 8

# Letters, marks and digits of any script; not "_", which \w includes.
TERM = re.compile(r"[^\W_]+")
# C0 and C1 controls (NUL included) and lone surrogates, which no encoder
# accepts; all become spaces.
UNUSABLE_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


@dataclass
class Query:
    """A cleaned query: the text to show back and the terms to match."""

    text: str = ""
    terms: list = field(default_factory=list)
    was_shortened: bool = False
    dropped_terms: bool = False

    def __bool__(self):
        return bool(self.terms)


def parse_query(raw):
    """Return the Query for what a reader typed (any string, any length)."""
    # Control characters go first: PostgreSQL refuses NUL in text at all.
    text = " ".join(UNUSABLE_CHARACTERS.sub(" ", raw or "").split())
    # Full-width letters and digits (ＡＢＣ１２３) become the ordinary ones
    # that articles are written with.
    text = unicodedata.normalize("NFKC", text)
    was_shortened = len(text) > MAX_QUERY_LENGTH
    text = text[:MAX_QUERY_LENGTH].strip()
    terms = []
    for term in TERM.findall(text):
        folded = term.lower()
        if all(folded != kept.lower() for kept in terms):
            terms.append(term)
    # A term inside another one adds nothing when all terms must match.
    terms = [
        term
        for term in terms
        if not any(
            term.lower() in other.lower() and term.lower() != other.lower()
            for other in terms
        )
    ]
    return Query(
        text=text,
        terms=terms[:MAX_TERMS],
        was_shortened=was_shortened,
        dropped_terms=len(terms) > MAX_TERMS,
    )


def match_spans(text, terms):
    """Return the merged (start, end) spans where any term occurs in text."""
    spans = []
    for term in terms:
        pattern = re.compile(re.escape(term), re.IGNORECASE)
        spans.extend(match.span() for match in pattern.finditer(text))
    spans.sort()
    merged = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text, terms):
    """Return text, HTML-escaped, with each match wrapped in <mark>.

    Every piece of the text is escaped before the <mark> tags are added, so
    the result is safe to insert into a page whatever the text or terms hold.
    The standard library's escape, as Django's writes the same text: the
    lazy-aware wrapper of Django's cost more than the escaping itself.
    """
    text = str(text or "")
    pieces = []
    position = 0
    for start, end in match_spans(text, terms):
        pieces.append(escape(text[position:start]))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece escaped above


def excerpt(text, terms, length=140, lead=30):
    """Return up to `length` characters of text around its first match.

    Highlighted like `highlight`; an ellipsis marks each cut.
    """
    text = " ".join((text or "").split())
    if len(text) <= length:
        return highlight(text, terms)
    spans = match_spans(text, terms)
    start = max(0, spans[0][0] - lead) if spans else 0
    start = min(start, len(text) - length)
    piece = text[start : start + length]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + length < len(text) else ""
    return mark_safe(f"{prefix}{highlight(piece, terms)}{suffix}")  # noqa: S308
