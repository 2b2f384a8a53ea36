"""Template tags for the <head> of public pages and for mixed-language text.

    {% load seo %}
    {% capture page_title %}{% block title %}{% endblock %}{% endcapture %}
    {% canonical_path as page_path %}{% absolute_url page_path as canonical %}
    {% alternate_links page_path %}   {% language_switcher %}
    {% social_meta image=article.thumbnail article=article %}
    {% breadcrumb_json_ld %}  {% article_json_ld article %}  {% zone_json_ld zone %}
    <p{% data_lang %}>{{ zone.address }}</p>
    <h1{% fallback_lang zone.name_en %}>{{ zone.display_name }}</h1>

base.html shows how they fit together.

The decisions live in core.structured_data; these tags fetch what they need
from the template context (request, breadcrumbs, filters, page_obj).
"""

from html import unescape

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.html import format_html_join, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from core import structured_data
from core.bilingual import is_english_page
from core.models import SiteSettings

register = template.Library()


class CaptureNode(template.Node):
    # Listed so that {% block %} tags inside are found and overridden by
    # child templates, as they are inside {% if %} or {% with %}.
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        rendered = self.nodelist.render(context)
        # Kept as plain text: printed with {{ }} it is escaped once, the same
        # way in <title>, in a content="" attribute and in JSON-LD.
        context[self.name] = " ".join(unescape(strip_tags(rendered)).split())
        return ""


@register.tag
def capture(parser, token):
    """{% capture name %}...{% endcapture %}: render once, use as text later.

    Lets base.html use a page's title block in <title> and in the Open Graph
    tags without the page writing its title twice.
    """
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("usage: {% capture name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[1])


def _site(context):
    return context.get("site") or SiteSettings.load()


# Canonical URL and language versions -------------------------------------


@register.simple_tag(takes_context=True)
def canonical_path(context, path=""):
    """The site-relative canonical URL; `path` overrides the default rule."""
    request = context.get("request")
    if request is None:
        return ""
    if path:
        return path
    return structured_data.canonical_path(
        request, context.get("filters"), context.get("page_obj")
    )


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    request = context.get("request")
    if request is None or not path:
        return path or ""
    return request.build_absolute_uri(path)


@register.simple_tag
def path_in_language(obj, language):
    """The object's URL as pages in `language` write it."""
    return structured_data.path_in_language(obj, language)


@register.simple_tag(takes_context=True)
def alternate_links(context, path):
    """<link rel="alternate" hreflang> for `path` in every language, and
    x-default (the Chinese page: the site's default language)."""
    request = context.get("request")
    if request is None or not path:
        return ""
    versions = structured_data.request_language_versions(request, path)
    if not versions:
        return ""
    links = [
        (structured_data.html_lang(code), request.build_absolute_uri(url))
        for code, url in versions
    ]
    default = dict(versions).get(settings.LANGUAGE_CODE)
    if default:
        links.append(("x-default", request.build_absolute_uri(default)))
    return format_html_join(
        "\n", '<link rel="alternate" hreflang="{}" href="{}">', links
    )


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context, to_home=False):
    """Links to this page in each language; `to_home` for error pages."""
    request = context.get("request")
    if request is None:
        return {"languages": []}
    links = structured_data.switcher_links(request, to_home)
    return {"languages": links}


# Mixed-language fragments ------------------------------------------------


@register.simple_tag
def data_lang():
    """lang="zh-Hans" on English pages, for data that exists only in
    Chinese (addresses, industry names); nothing on Chinese pages."""
    if is_english_page():
        return mark_safe(' lang="zh-Hans"')
    return ""


@register.simple_tag
def fallback_lang(english_value):
    """lang="zh-Hans" on English pages when the English value is missing
    and the page falls back to the Chinese one."""
    if is_english_page() and not english_value:
        return mark_safe(' lang="zh-Hans"')
    return ""


@register.filter
def place_name(regions):
    """Regions (top-down) as a place: 江苏南通 on Chinese pages, "Nantong,
    Jiangsu" on English ones."""
    names = [region.display_name for region in regions]
    if is_english_page():
        return ", ".join(reversed(names))
    return "".join(names)


@register.filter
def join_labels(pairs):
    """The labels of (label, url) pairs, such as a page's active filters,
    as one phrase: "Jiangsu, national" or 江苏、国家级."""
    separator = ", " if is_english_page() else "、"
    return separator.join(str(label) for label, _url in pairs)


@register.simple_tag
def page_lang():
    """The page language as HTML writes it: zh-Hans or en."""
    return structured_data.html_lang()


# Open Graph and Twitter --------------------------------------------------


@register.inclusion_tag("includes/social_meta.html", takes_context=True)
def social_meta(
    context, image=None, image_owner=None, image_field="", image_alt="", article=None
):
    """Open Graph and Twitter card tags for the page.

    `image` is a core.images.ImageRef (owner, field, alt), as Article.thumbnail gives;
    or name the image with image_owner / image_field / image_alt. Without
    one the site's default picture is used. `article` adds the article's
    times and section and makes og:type "article".
    """
    request = context.get("request")
    if request is None:
        return {}
    if image is not None:
        image_owner, image_field, image_alt = image.owner, image.field, image.alt
    language = translation.get_language()
    picture = structured_data.social_image(request, image_owner, image_field, image_alt)
    data = {
        "site_name": _site(context).display_site_name,
        "title": context.get("page_title", ""),
        "description": context.get("page_description", ""),
        "url": context.get("canonical", ""),
        "locale": structured_data.OG_LOCALE.get(language, "zh_CN"),
        "alternate_locales": [
            locale
            for code, locale in structured_data.OG_LOCALE.items()
            if code != language
        ],
        "image": picture,
        "og_type": "article" if article is not None else "website",
        "card": "summary" if picture["width"] < 600 else "summary_large_image",
    }
    if article is not None:
        data["published_time"] = timezone.localtime(article.published_at).isoformat(
            timespec="seconds"
        )
        modified = article.updated_at or article.published_at
        data["modified_time"] = timezone.localtime(modified).isoformat(
            timespec="seconds"
        )
        data["section"] = article.channel.display_name
        data["tags"] = [tag.name for tag in article.tags.all()]
    return data


# JSON-LD -----------------------------------------------------------------


@register.simple_tag(takes_context=True)
def breadcrumb_json_ld(context):
    request, crumbs = context.get("request"), context.get("breadcrumbs")
    if request is None or not crumbs:
        return ""
    return structured_data.json_ld_script(
        structured_data.breadcrumb_list(request, crumbs, gettext("Home"))
    )


@register.simple_tag(takes_context=True)
def website_json_ld(context):
    request = context.get("request")
    if request is None:
        return ""
    try:
        search_url = reverse("search:index")
    except NoReverseMatch:
        search_url = None
    return structured_data.json_ld_script(
        structured_data.website(request, _site(context), search_url)
    )


@register.simple_tag(takes_context=True)
def article_json_ld(context, article):
    request = context.get("request")
    if request is None:
        return ""
    data = structured_data.news_article(
        request, article, _site(context), context.get("canonical", "")
    )
    return structured_data.json_ld_script(data)


@register.simple_tag(takes_context=True)
def zone_json_ld(context, zone):
    request = context.get("request")
    if request is None:
        return ""
    data = structured_data.zone_place(
        request,
        zone,
        context.get("canonical", ""),
        context.get("page_description", ""),
    )
    return structured_data.json_ld_script(data)
