"""HTTP caching headers, so that browsers and a shared cache in front of
the portal (nginx, a CDN) can keep public pages.

Every GET answer gets an ETag (Django's ConditionalGetMiddleware, listed
before this one in MIDDLEWARE), so a client that already has the page is
answered 304 without the body. A page any anonymous reader would get byte
for byte (the page cache's own rule: no session or messages cookie, a 200
without Set-Cookie, Vary: Cookie or a private Cache-Control) is marked
`public, max-age=SHARED_CACHE_SECONDS`, unless its query string holds a
parameter the view never read (as the page cache, so random parameters
cannot fill a shared cache either); everything else `private`, so a shared
cache never keeps someone's own page.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

from core.cache import is_shareable, reader_has_no_session, uses_every_parameter


class SharedCacheHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD") or response.has_header(
            "Cache-Control"
        ):
            return response
        if (
            reader_has_no_session(request)
            and is_shareable(response)
            and uses_every_parameter(request)
        ):
            patch_cache_control(
                response, public=True, max_age=settings.SHARED_CACHE_SECONDS
            )
        else:
            patch_cache_control(response, private=True)
        return response
