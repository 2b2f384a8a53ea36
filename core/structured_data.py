"""What public pages tell search engines and link previews about themselves.

Plain functions that turn a request and a page's objects into data: the
canonical URL, the same page in each language, the JSON-LD objects
(schema.org) and the Open Graph image. The template tags in
core/templatetags/seo.py render them; keeping the decisions here makes them
testable without a template.

Canonical rules (README, "Languages and search engines"):
- absolute, on the host the request came in on;
- the path of the page in its own language; an article's canonical page is
  the one in the article's language (/news/7/ for Chinese, /en/news/7/ for
  English) whichever interface it is read in;
- of the query string only the filters that applied are kept (an unknown
  province or a misspelt level, which the page ignored, is dropped), and the
  page number when it is not 1; sort orders, tracking parameters
  (utm_*, fbclid, ...) and anything else are dropped. Parameters come in a
  fixed order, so one list has one canonical URL.
"""

import json
from urllib.parse import unquote, urlencode, urlsplit

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import NoReverseMatch, Resolver404, resolve, reverse, translate_url
from django.utils import timezone, translation
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst

from core.images import image_source

# Language codes as HTML and hreflang spell them (BCP 47), and as Open Graph
# spells locales.
HTML_LANG = {"zh-hans": "zh-Hans", "en": "en"}
OG_LOCALE = {"zh-hans": "zh_CN", "en": "en_US"}
# Twitter and Facebook crop previews to about 1.91:1 at 1200 px wide; the
# rendition closest above that width is large enough without being the
# multi-megabyte original upload.
SOCIAL_IMAGE_WIDTH = 1200
DEFAULT_SOCIAL_IMAGE = {"path": "img/share-default.png", "width": 1200, "height": 630}
PUBLISHER_LOGO = {"path": "img/logo-512.png", "width": 512, "height": 512}

# The characters that could end a <script> element or start a comment inside
# it are written as JSON escapes, as Django's json_script does; the JSON
# still parses to the same strings.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def html_lang(language=None):
    """zh-Hans or en, for lang= and hreflang= attributes."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    return HTML_LANG.get(language.lower(), language)


def json_ld_script(data):
    """A <script type="application/ld+json"> element holding `data`.

    The JSON is made by json.dumps and escaped like json_script, never by
    pasting strings together, so a headline such as </script><script>...
    stays text inside the JSON.
    """
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_SCRIPT_ESCAPES)),  # noqa: S308 - escaped above
    )


def plain_text(html, length=300):
    """Text for a description: tags removed, whitespace collapsed, shortened."""
    return Truncator(" ".join(strip_tags(html or "").split())).chars(length)


# Canonical URLs ----------------------------------------------------------


def _parameter_value(value):
    """How a filter's value is written in a URL: objects by their slug."""
    slug = getattr(value, "slug", None)
    return slug if slug is not None else str(value)


def canonical_query(filters=None, page_number=1):
    """The query string of a list page's canonical URL ("" or "?a=1&b=2")."""
    kept = {}
    if filters is not None and hasattr(filters, "active"):
        for name, _label in filters.active():
            value = getattr(filters, name, None)
            if value not in (None, ""):
                kept[name] = _parameter_value(value)
    if page_number and int(page_number) > 1:
        kept["page"] = int(page_number)
    return "?" + urlencode(sorted(kept.items())) if kept else ""


def canonical_path(request, filters=None, page_obj=None):
    number = page_obj.number if page_obj is not None else 1
    return request.path + canonical_query(filters, number)


def path_in_language(obj, language):
    """obj.get_absolute_url() as it reads on pages in `language`."""
    with translation.override(language):
        return obj.get_absolute_url()


def language_versions(path):
    """[(language code, path)] of the same page in every language.

    Empty when `path` is not a page of the site (a 404), so no alternate
    points at a page that does not exist. Must run with the language of
    `path` active, as it is during the request that shows it.

    What django.urls.translate_url does for one language, with the path
    resolved once for all of them (every page asks twice: the alternate
    links and the language switcher).
    """
    parsed = urlsplit(path)
    try:
        match = resolve(unquote(parsed.path))
    except Resolver404:
        return []
    view_name = match.view_name
    query = f"?{parsed.query}" if parsed.query else ""
    versions = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            try:
                url = reverse(view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                url = translate_url(path, code)
            else:
                url += query
        versions.append((code, url))
    return versions


def request_language_versions(request, path=None):
    """language_versions of `path` (default: the request's own path), worked
    out once per request: the head's alternate links and the switcher in the
    header usually ask about the same path."""
    path = request.get_full_path() if path is None else path
    known = request.__dict__.setdefault("_language_versions", {})
    if path not in known:
        known[path] = language_versions(path)
    return known[path]


def switcher_links(request, to_home=False):
    """The language switcher: the page the reader is on, in each language.

    Links rather than a form, so they work without JavaScript and search
    engines can follow them. A path that does not resolve, or an error page
    (`to_home`), offers the home page of each language instead.
    """
    current = translation.get_language()
    versions = {} if to_home else dict(request_language_versions(request))
    links = []
    for code, _name in settings.LANGUAGES:
        url = versions.get(code)
        if url is None:
            with translation.override(code):
                url = reverse("home")
        info = translation.get_language_info(code)
        links.append(
            {
                "code": code,
                "lang": html_lang(code),
                "name": info["name_local"],
                "url": url,
                "is_current": code == current,
            }
        )
    return links


# Images ------------------------------------------------------------------


def social_image(request, owner=None, field_name="", alt=""):
    """The preview image of a page: a rendition of `owner.<field_name>`, or
    the site's default picture. Returns url, width, height, alt."""
    image = image_source(owner, field_name, SOCIAL_IMAGE_WIDTH)
    if image is not None and image.width is not None:
        return {
            "url": request.build_absolute_uri(image.src),
            "width": image.width,
            "height": image.height,
            "alt": alt,
            "is_default": False,
        }
    return {
        "url": request.build_absolute_uri(static(DEFAULT_SOCIAL_IMAGE["path"])),
        "width": DEFAULT_SOCIAL_IMAGE["width"],
        "height": DEFAULT_SOCIAL_IMAGE["height"],
        "alt": "",
        "is_default": True,
    }


# JSON-LD -----------------------------------------------------------------


def publisher(request, site):
    return {
        "@type": "Organization",
        "name": site.display_site_name,
        "url": request.build_absolute_uri(reverse("home")),
        "logo": {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(static(PUBLISHER_LOGO["path"])),
            "width": PUBLISHER_LOGO["width"],
            "height": PUBLISHER_LOGO["height"],
        },
    }


def breadcrumb_list(request, crumbs, home_label):
    """BreadcrumbList for the trail the page shows: home, then `crumbs`.

    The last crumb is the page itself and has no link on the page; its URL
    is left out here too, as schema.org allows for the final item.
    """
    items = [{"label": home_label, "url": reverse("home")}, *crumbs]
    elements = []
    for position, crumb in enumerate(items, start=1):
        element = {
            "@type": "ListItem",
            "position": position,
            "name": capfirst(crumb["label"]),
        }
        if crumb.get("url") and position < len(items):
            element["item"] = request.build_absolute_uri(crumb["url"])
        elements.append(element)
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": elements,
    }


def website(request, site, search_url=None):
    data = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": site.display_site_name,
        "url": request.build_absolute_uri(reverse("home")),
        "inLanguage": html_lang(),
        "publisher": publisher(request, site),
    }
    if search_url:
        data["potentialAction"] = {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": request.build_absolute_uri(search_url)
                + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        }
    return data


def _organization(name, url=""):
    data = {"@type": "Organization", "name": name}
    if url:
        data["url"] = url
    return data


def news_article(request, article, site, canonical_url):
    """NewsArticle: headline, dates, image, publisher, and who wrote it.

    The author is the source the article names, else the zone that
    published it, else the portal itself.
    """
    if article.source_id:
        author = _organization(
            article.source.display_name, article.source.website or ""
        )
    elif article.zone_id:
        author = _organization(
            article.zone.display_name,
            request.build_absolute_uri(article.zone.get_absolute_url())
            if article.zone.is_public()
            else "",
        )
    else:
        author = _organization(site.display_site_name)
    modified = max(article.updated_at or article.published_at, article.published_at)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        # Google shows at most 110 characters of a headline.
        "headline": Truncator(article.title).chars(110),
        "description": article.summary,
        "inLanguage": html_lang(article.language),
        "datePublished": timezone.localtime(article.published_at).isoformat(),
        "dateModified": timezone.localtime(modified).isoformat(),
        "mainEntityOfPage": canonical_url,
        "url": canonical_url,
        "articleSection": article.channel.display_name,
        "author": author,
        "publisher": publisher(request, site),
    }
    thumbnail = article.thumbnail
    if thumbnail is not None:
        image = social_image(request, thumbnail.owner, thumbnail.field)
        if not image["is_default"]:
            data["image"] = [image["url"]]
    tags = [tag.name for tag in article.tags.all()]
    if tags:
        data["keywords"] = tags
    if article.zone_id and article.zone.is_public():
        data["contentLocation"] = {
            "@type": "Place",
            "name": article.zone.display_name,
            "url": request.build_absolute_uri(article.zone.get_absolute_url()),
        }
    return data


def zone_place(request, zone, canonical_url, description):
    """Place: a development zone is a piece of land with an address, a
    position, contacts and an administrative area it lies in."""
    other_names = [
        name
        for name in dict.fromkeys((zone.name, zone.name_en, zone.short_name))
        if name and name != zone.display_name
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "Place",
        "name": zone.display_name,
        "url": canonical_url,
        "description": description,
    }
    if other_names:
        data["alternateName"] = other_names
    region_names = {
        "addressRegion": zone.province.display_name if zone.province_id else "",
        "addressLocality": zone.city.display_name if zone.city_id else "",
    }
    address = {"@type": "PostalAddress", "addressCountry": "CN"}
    if zone.address:
        address["streetAddress"] = zone.address
    address.update({key: value for key, value in region_names.items() if value})
    data["address"] = address
    area = zone.county or zone.city or zone.province
    if area is not None:
        data["containedInPlace"] = {
            "@type": "AdministrativeArea",
            "name": area.display_name,
            "url": request.build_absolute_uri(area.get_absolute_url()),
        }
    if zone.shows_location:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(zone.latitude),
            "longitude": float(zone.longitude),
        }
    if zone.phone:
        data["telephone"] = zone.phone
    if zone.fax:
        data["faxNumber"] = zone.fax
    if zone.website:
        data["sameAs"] = [zone.website]
    for field_name, key in (("cover", "image"), ("logo", "logo")):
        image = social_image(request, zone, field_name)
        if not image["is_default"]:
            data[key] = image["url"]
    return data
