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
from django.http import HttpResponse, StreamingHttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import content_disposition_header, http_date

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


def download_response(
    request, *, version, last_modified, filename, content_type, chunks
):
    """A file streamed from `chunks()`, with validators and a public lifetime.

    For data files whose rows are read while they are sent (core.downloads):
    Django's ConditionalGetMiddleware hashes whole bodies only, so the caller
    names what the file is made from (`version`, which becomes a weak ETag)
    and the newest change of its rows (`last_modified`, an aware datetime or
    None). A client that has this version gets a 304 and a HEAD request only
    the headers; neither reads a row. The file is the same for every reader,
    so browsers and a shared cache may keep it SHARED_CACHE_SECONDS, like a
    public page.
    """
    etag = f'W/"{version}"'
    modified = int(last_modified.timestamp()) if last_modified else None
    response = get_conditional_response(request, etag=etag, last_modified=modified)
    if response is None:
        if request.method == "HEAD":
            response = HttpResponse(content_type=content_type)
        else:
            response = StreamingHttpResponse(chunks(), content_type=content_type)
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=filename
        )
    response["ETag"] = etag
    if modified is not None:
        response["Last-Modified"] = http_date(modified)
    patch_cache_control(response, public=True, max_age=settings.SHARED_CACHE_SECONDS)
    return response
