"""Paths of detail pages, for lists that link many of them.

reverse() walks the URL patterns on every call; a list page links twenty
or more zones, projects or articles, and the directory also their regions.
The path up to the one keyword argument is reversed once per URL
configuration and language (the /en/ prefix) and the value appended.
"""

import functools
from urllib.parse import quote

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

# What reverse() leaves unquoted in a path (django.urls.resolvers).
_SAFE = "!$&'()*+,;=/~:@"


@functools.lru_cache(maxsize=64)
def _prefix(url_name, key, urlconf, root_urlconf, script_prefix, language):
    # Everything reverse() depends on is an argument, so nothing stale is kept.
    path = reverse(url_name, kwargs={key: "0"}, urlconf=urlconf)
    return path.removesuffix("0/")


def path_prefix(url_name, key):
    """The path of `url_name` up to its one keyword argument `key`, in the
    active language: "/en/news/" for ("news:detail", "pk") on English pages."""
    return _prefix(
        url_name,
        key,
        get_urlconf(),
        settings.ROOT_URLCONF,
        get_script_prefix(),
        get_language(),
    )


def detail_path(url_name, key, value):
    """reverse(url_name, kwargs={key: value}) for a pattern that ends in
    `<key>/`, e.g. detail_path("news:detail", "pk", 7) == "/news/7/".

    The value is not checked against the pattern's converter, as reverse()
    would: pass what the model's field already validated (a pk, a slug).
    """
    return f"{path_prefix(url_name, key)}{quote(str(value), safe=_SAFE)}/"
