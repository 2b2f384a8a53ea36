"""The benchmark's floor: a page's own bytes, answered from memory.

bench/run.py saves each benchmarked page into BENCH_REFERENCE_DIR and starts
one server with bench/settings.py, whose URLconf (bench/urls.py) adds
/bench/reference/<name> to the site's own URLs. The response passes
through the same middleware as the real page but costs no query and no
template, so the real page's requests per second divided by this one's says
how much of the framework's ceiling the page reaches.
"""

from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpResponse

_pages = {}


def reference_page(request, name):
    if name not in _pages:
        folder = Path(settings.BENCH_REFERENCE_DIR)
        try:
            body = (folder / f"{name}.body").read_bytes()
            content_type = (folder / f"{name}.type").read_text().strip()
        except OSError as exc:
            raise Http404(name) from exc
        _pages[name] = (body, content_type)
    body, content_type = _pages[name]
    response = HttpResponse(body, content_type=content_type)
    # The floor is the framework's own cost: never answered by the page cache.
    response["Cache-Control"] = "no-store"
    return response
