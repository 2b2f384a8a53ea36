"""The one allow-list for rich text (article bodies, zone profiles).

Everything a zone administrator or editor types goes through `clean_html`
before it is stored, so templates can mark stored HTML safe. nh3 (ammonia)
parses like a browser, so malformed markup cannot smuggle tags past it.
"""

import posixpath
import re
from urllib.parse import unquote, urlsplit

import nh3
from django.conf import settings

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
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


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
    "Link": {"protocols": ["http", "https", "mailto"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "History": True,
    "HTML": True,
    "SpecialCharacters": True,
}
