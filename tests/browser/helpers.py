"""Steps several browser tests share."""

from pathlib import Path

from django.conf import settings


def serve_media(tab):
    """Media files straight from MEDIA_ROOT (the test server serves none)."""

    def fulfil(route):
        relative = route.request.url.split(settings.MEDIA_URL, 1)[1]
        path = Path(settings.MEDIA_ROOT) / relative
        if path.is_file():
            route.fulfill(path=str(path))
        else:
            route.fulfill(status=404)

    tab.route(f"**{settings.MEDIA_URL}**", fulfil)
