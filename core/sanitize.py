"""The one allow-list for rich text (article bodies, zone profiles).

Everything a zone administrator or editor types goes through `clean_html`
before it is stored, so templates can mark stored HTML safe. nh3 (ammonia)
parses like a browser, so malformed markup cannot smuggle tags past it.
"""

import posixpath
import re
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import nh3
from django.conf import settings
from django.contrib import messages
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

ALLOWED_TAGS = {
    "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code",
    "ul", "ol", "li", "a", "img", "figure", "figcaption",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
    "strong", "b", "em", "i", "u", "s", "sub", "sup", "mark", "small",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "title"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _keep_attribute(element, attribute, value):
    # Images only from our own media: a remote image is a tracking pixel or
    # mixed content, and data: URLs can carry anything.
    if element == "img" and attribute == "src":
        path = urlsplit(value)
        if path.scheme or path.netloc or not value.startswith(settings.MEDIA_URL):
            return None
        # Browsers resolve dot segments, percent-encoded or not, and read a
        # backslash as a slash: /media/../admin/ would make every reader's
        # browser request an admin URL. Keep only paths that stay in media.
        decoded = unquote(path.path).replace("\\", "/")
        if not (posixpath.normpath(decoded) + "/").startswith(settings.MEDIA_URL):
            return None
    return value


_IMG_TAG = re.compile(r"<img\b[^>]*>")
_ATTRIBUTE_NAME = re.compile(r'\s([a-z-]+)="[^"]*"')


def _tidy_image(match):
    # nh3 leaves <img> behind when it drops a forbidden src: an empty image
    # with no alt text. Drop those, and give the rest the alt attribute
    # HTML requires (empty: the editor gave no description).
    tag = match.group(0)
    names = set(_ATTRIBUTE_NAME.findall(tag))
    if "src" not in names:
        return ""
    if "alt" not in names:
        return tag[:-1] + ' alt="">'
    return tag


def clean_html(html):
    """Return `html` with everything outside the allow-list removed."""
    if not html:
        return ""
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        attribute_filter=_keep_attribute,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()
    # nh3's output is well-formed and escapes ">" and quotes in attribute
    # values, so a regular expression can walk its <img> tags safely.
    cleaned = _IMG_TAG.sub(_tidy_image, cleaned)
    # An editor's empty document is one empty paragraph; store it as empty.
    return "" if cleaned in {"<p></p>", "<p><br></p>"} else cleaned


# The rich-text editor's toolbar (django-prose-editor) for article bodies and
# zone profiles. It offers only what ALLOWED_TAGS keeps, so nothing an editor
# can make is silently dropped on save.
EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "Link": {"protocols": ["http", "https", "mailto", "tel"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "History": True,
    "HTML": True,
    "SpecialCharacters": True,
}


# Pasted elements whose content is lost when they go (formatting such as
# <span> or <div> is unwrapped and its text kept, so it is not reported).
EMBEDS = frozenset(
    {"iframe", "video", "audio", "embed", "object", "script", "style", "form",
     "input", "button", "svg", "canvas", "math"}
)  # fmt: skip


class _Inventory(HTMLParser):
    """Counts of what an editor could miss: images, link addresses, embeds."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.counts = Counter()
        self.feed(html or "")
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "img":
            self.counts["img"] += 1
        elif tag == "a" and attributes.get("href"):
            self.counts["href"] += 1
        elif tag in EMBEDS:
            self.counts[tag] += 1


def removed_content(raw, cleaned):
    """Describe, for an editor, what clean_html dropped from `raw`.

    Returns a list of phrases ("2 images from outside this site"), empty
    when nothing they would notice went.
    """
    before, after = _Inventory(raw).counts, _Inventory(cleaned).counts
    lost = {key: before[key] - after[key] for key in before if before[key] > after[key]}
    phrases = []
    if lost.get("img"):
        phrases.append(
            ngettext(
                "%(count)d image from outside this site (upload it to the gallery)",
                "%(count)d images from outside this site (upload them to the gallery)",
                lost["img"],
            )
            % {"count": lost["img"]}
        )
    if lost.get("href"):
        phrases.append(
            ngettext(
                "%(count)d link address that is not http, https, mailto or tel",
                "%(count)d link addresses that are not http, https, mailto or tel",
                lost["href"],
            )
            % {"count": lost["href"]}
        )
    embeds = sorted(key for key in lost if key in EMBEDS)
    if embeds:
        phrases.append(
            _("embedded content (%(tags)s)")
            % {"tags": ", ".join(f"<{tag}>" for tag in embeds)}
        )
    return phrases


class SanitizeNoticeMixin:
    """ModelAdmin mixin: after a save, say what the sanitizer removed.

    The rich-text fields are cleaned on save; an editor who pasted an
    external image or a video would otherwise see "saved" and lose it
    without a word.
    """

    sanitized_fields = ()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self.report_sanitized(request, obj, form)

    def report_sanitized(self, request, obj, form):
        """Say what the sanitizer removed from the saved `obj` (an admin
        whose save_model does not call this one's calls it itself)."""
        for name in self.sanitized_fields:
            if name not in form.fields:
                continue
            raw = form.data.get(form.add_prefix(name), "")
            phrases = removed_content(raw, getattr(obj, name))
            if phrases:
                self.message_user(
                    request,
                    format_lazy(
                        _("Saved, but this was removed from “{field}”: {items}."),
                        field=form.fields[name].label,
                        items="; ".join(phrases),
                    ),
                    messages.WARNING,
                )
