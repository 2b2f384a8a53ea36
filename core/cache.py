"""The page cache: whole public pages for anonymous readers, kept in Redis.

Turned on by PAGE_CACHE (README, "Configuration"). A reader without a
session pays for rendering a page once; until something changes, everyone
else gets the stored bytes without a query, a template or most of the
middleware: PageCacheMiddleware sits right after SecurityMiddleware and
WhiteNoise, so a hit costs one Redis round trip.

What is stored, and for whom:
- GET requests without a session or messages cookie (editors and staff
  always see live pages), keyed by the absolute URL (scheme, host, path with
  the language prefix, query string), so /news/ and /en/news/ and every
  filter combination are separate pages. Tracking parameters (utm_*,
  fbclid, WeChat's from=...) are dropped first, so they share the page
  without them; a page whose query string holds a parameter the view never
  looked up is served but not stored.
- Only 200 responses with no Set-Cookie, no Cache-Control private/no-cache/
  no-store (the admin, the preview and the health check say never_cache)
  and no Vary: Cookie (a page that looked at the session or the user is
  someone's own). Public templates use no CSRF token and no per-user data,
  so nothing personal can reach a stored page.

When it changes: every stored page carries the content version it was made
under. Saving or deleting anything readers can see (any model of an app
registered with `watch()`: core, zones, facts, news and taggit, and
many-to-many changes between them) replaces the version once the transaction
commits, and a page whose version is not the current one is never served;
since the version lives in the same Redis, an edit in one process is seen by
every other at once. A write by a staff member through any view (admin
actions that update rows in bulk send no signals) replaces it too. The
version is read before the page is rendered, so a page rendered from data
that changed meanwhile is stored under the old version and never served.

Scheduled articles: nothing is saved when a scheduled article's time comes,
so no stored page may outlive that moment. The next such moment (the news
app registers how to find it with `watch()`) is looked up once per content
version and bounds the lifetime of every page stored under it
(PAGE_CACHE_TIMEOUT otherwise).
Pages are not told apart by which scheduled article could affect them:
scheduled articles are rare and the bound is cheap to keep.

Figures too dear to compute per request (the open data files' row counts
and newest changes) are kept by `remembered()` under the same rules: the
content version, the next scheduled article, PAGE_CACHE_TIMEOUT. Unlike
pages they are kept whatever PAGE_CACHE says, for every reader.

Bulk imports by management command (bulk_create) send no signals; pages
then catch up within PAGE_CACHE_TIMEOUT, or at once with
`manage.py shell -c "from core.cache import bump_content_version;
bump_content_version()"`.

When Redis fails: it is a cache, so nothing waits for it long or fails with
it. Callers go through guarded(): a failing call is logged and answered
with a default (pages are then rendered and not stored, site settings read
from the database), and the process leaves the cache alone for
CACHE_RETRY_SECONDS, so a Redis that hangs costs one timeout per process per
interval instead of one per call. A version bump or delete that failed is
retried, in that process, once the cache answers again.
"""

import hashlib
import logging
import math
import secrets
import threading
import time
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache as default_cache
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import transaction
from django.http import HttpResponse, QueryDict
from django.utils import timezone
from django.utils.cache import cc_delim_re, set_response_etag
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

VERSION_KEY = "pagecache:version"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Query strings longer than this are served but not stored: real links are
# short, and a stranger's random parameters should not fill the cache.
MAX_STORED_URL = 1024
# How long the "no article is scheduled" answer is trusted: scheduling one
# replaces the content version, so this only bounds a forgotten case.
NO_SCHEDULE_SECONDS = 3600


# What an unreachable or failing cache raises: redis-py's errors, and the
# socket errors of other backends.
CACHE_ERRORS = (RedisError, OSError)
_outage = {"until": 0.0}
# Writes that must not be lost when the cache is down (a version bump, a
# delete): retried in order once a call succeeds again.
_owed = {}
_owed_lock = threading.Lock()


def cache_is_resting():
    """True while this process leaves the cache alone after a failure."""
    return time.monotonic() < _outage["until"]


def guarded(operation, *args, default=None, owed=None, **kwargs):
    """Call a cache operation; when the cache fails, return `default`.

    A failure is logged once per outage and rests the cache for this
    process (CACHE_RETRY_SECONDS). `owed` names a write that must happen
    eventually: if it cannot run now, it runs after the next call that
    succeeds.
    """
    if _owed and not cache_is_resting():
        # Before anything is read: a read would still see the old version.
        _pay_debts()
    if cache_is_resting():
        if owed is not None:
            _owe(owed, operation, args, kwargs)
        return default
    try:
        result = operation(*args, **kwargs)
    except CACHE_ERRORS as exc:
        if _outage["until"] == 0.0:
            logger.warning("cache unreachable, serving without it: %s", exc)
        _outage["until"] = time.monotonic() + settings.CACHE_RETRY_SECONDS
        if owed is not None:
            _owe(owed, operation, args, kwargs)
        return default
    if _outage["until"]:
        _outage["until"] = 0.0
        logger.warning("cache reachable again")
    return result


def _owe(name, operation, args, kwargs):
    with _owed_lock:
        _owed[name] = (operation, args, kwargs)


def _pay_debts():
    with _owed_lock:
        debts = list(_owed.items())
        _owed.clear()
    for name, (operation, args, kwargs) in debts:
        guarded(operation, *args, owed=name, **kwargs)


# What readers see, registered by the apps above in their AppConfig.ready():
# core imports none of them.
_content_apps = set()
_schedules = []


def watch(*app_labels, next_change=None):
    """Register apps whose rows readers see.

    Saving, deleting or linking a row of theirs replaces the content
    version. `next_change(after)`, when given, answers the datetime of the
    next change that comes without a save (a scheduled article going live)
    after the aware datetime `after`, or None.
    """
    _content_apps.update(app_labels)
    if next_change is not None and next_change not in _schedules:
        _schedules.append(next_change)


def _new_token():
    return secrets.token_hex(8)


def content_version(cache=default_cache):
    """The current content version (created if Redis has none)."""
    token = cache.get(VERSION_KEY)
    if token is None:
        cache.add(VERSION_KEY, _new_token(), timeout=None)
        token = cache.get(VERSION_KEY)
    return token


def bump_content_version(cache=default_cache):
    """Invalidate every stored page, in every process sharing the cache."""
    cache.set(VERSION_KEY, _new_token(), timeout=None)


def content_changed(using=None):
    """Bump the version when the current transaction commits (now if none).

    Before the commit, other processes still read the old rows; bumping
    then would let them store old content under the new version.
    """
    transaction.on_commit(_bump_when_possible, using=using)


def _bump_when_possible():
    guarded(bump_content_version, owed="bump content version")


def next_go_live(version, cache=default_cache, now=None):
    """Unix time of the next change without a save (see `watch()`), or None.

    Looked up once per content version: scheduling, unscheduling or
    publishing an article replaces the version.
    """
    now = time.time() if now is None else now
    key = f"pagecache:golive:{version}"
    stored = cache.get(key)
    # (looked up after, the next moment or 0): the answer holds for a `now`
    # from the lookup on, until that moment. One looked up later than `now`
    # would miss an article that went live in between.
    if isinstance(stored, tuple) and stored[0] <= now < (stored[1] or float("inf")):
        return stored[1] or None
    after = _datetime(now)
    upcoming = [when for find in _schedules if (when := find(after)) is not None]
    moment = min(upcoming).timestamp() if upcoming else 0
    lifetime = max(1, int(moment - now)) if moment else NO_SCHEDULE_SECONDS
    looked_up = after.timestamp()  # to the microsecond, as the database compares
    cache.set(key, (looked_up, moment), timeout=min(lifetime, NO_SCHEDULE_SECONDS))
    return moment or None


def remembered(name, compute, now=None, cache=None):
    """compute(now), a figure of what readers see, kept in the cache.

    For figures too dear to compute for every request (the open data
    files' row counts and newest changes). Kept under one key per name
    with the content version and the moment it was computed, and served
    under the same rules as a stored page: only while the version is
    current and until the next change without a save (next_go_live), at
    most PAGE_CACHE_TIMEOUT (writes that send no signals). A figure asked
    for a moment outside that span is computed, so the answer is always
    what compute(now) would say. When the cache fails it is computed, never
    an error.
    """
    cache = caches["default"] if cache is None else cache  # see read_many
    now = timezone.now() if now is None else now
    moment = now.timestamp()
    key = f"remembered:{name}"
    found = guarded(read_many, cache, [VERSION_KEY, key])
    if found is None:
        return compute(now)
    version = found.get(VERSION_KEY) or guarded(content_version, cache)
    entry = found.get(key)
    if entry is not None and entry[0] == version and entry[1] <= moment < entry[2]:
        return entry[3]
    value = compute(now)
    if version is not None:
        guarded(_remember, cache, key, version, value, moment)
    return value


def _remember(cache, key, version, value, moment):
    lifetime = keeping_time(version, cache, moment)
    if lifetime > 0:
        expires = moment + lifetime
        cache.set(key, (version, moment, expires, value), timeout=math.ceil(lifetime))


def keeping_time(version, cache, now):
    """Seconds what readers see at `now` under `version` may be kept: at most
    PAGE_CACHE_TIMEOUT, and not past the next scheduled article's going live."""
    lifetime = settings.PAGE_CACHE_TIMEOUT
    go_live = next_go_live(version, cache, now)
    if go_live is not None:
        lifetime = min(lifetime, go_live - now)
    return lifetime


def _datetime(unix_time):
    from datetime import UTC, datetime

    return datetime.fromtimestamp(unix_time, tz=UTC)


# Added to links by mail, social and ad tools, never read by a view: dropped
# before the page is looked up or rendered, so they share the page without.
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid", "gclid", "gbraid", "wbraid", "dclid", "msclkid", "yclid",
        "twclid", "igshid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "spm",
        # WeChat, when an article is shared: from=singlemessage&isappinstalled=0
        "from", "isappinstalled",
    }
)  # fmt: skip


def _is_tracking(name):
    return name.startswith("utm_") or name in TRACKING_PARAMETERS


class _ReadQueryDict(QueryDict):
    """request.GET that notes which parameters the view looked up."""

    def __init__(self, *args, **kwargs):
        self.looked_up = set()
        super().__init__(*args, **kwargs)
        self.looked_up = set()  # filling the dict looked keys up too

    def __getitem__(self, key):
        self.looked_up.add(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self.looked_up.add(key)
        return super().__contains__(key)

    def get(self, key, default=None):
        self.looked_up.add(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        self.looked_up.add(key)
        return super().getlist(key, default)


def _prepare_query(request):
    """Drop tracking parameters; note which of the others the view reads."""
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [(name, value) for name, value in pairs if not _is_tracking(name)]
    if len(kept) != len(pairs):
        query = request.META["QUERY_STRING"] = urlencode(kept)
    request.GET = _ReadQueryDict(query, encoding=request.encoding)


def uses_every_parameter(request):
    """False when the query string holds a parameter the view never read.

    Such a page is served but not stored: a stranger's random parameters
    would otherwise each store a copy of the same page.
    """
    looked_up = getattr(request.GET, "looked_up", None)
    return looked_up is None or set(request.GET) <= looked_up


def page_key(request):
    url = request.build_absolute_uri()
    return "pagecache:page:" + hashlib.sha256(url.encode()).hexdigest()


def _may_use_cache(request):
    if not settings.PAGE_CACHE or request.method != "GET":
        return False
    return reader_has_no_session(request)


def reader_has_no_session(request):
    """No session or messages cookie: the reader sees what everyone sees."""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def is_shareable(response):
    """A response that may be kept for every reader without a session."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-cache", "no-store")):
        return False
    vary = {value.lower() for value in cc_delim_re.split(response.get("Vary", ""))}
    return "cookie" not in vary


_readers = threading.local()


def read_many(cache, keys):
    """cache.get_many(keys), cheaper on Redis.

    Django's Redis backend builds a new redis-py client for every call, and
    redis-py fills a table of some 170 response callbacks each time. This
    keeps one client per thread and reads with the backend's own keys and
    serializer, so values are the ones cache.set wrote. It leans on two
    private attributes of Django's RedisCache (`_cache`, `_serializer`):
    where they are missing (another backend, another Django) it is plain
    get_many. The gain is measured in README ("Page cache").
    """
    backend = getattr(cache, "_cache", None)
    serializer = getattr(backend, "_serializer", None)
    if not isinstance(cache, RedisCache) or serializer is None:
        return cache.get_many(keys)
    if getattr(_readers, "backend", None) is not backend:
        _readers.client = backend.get_client(write=False)
        _readers.backend = backend
    stored = _readers.client.mget([cache.make_and_validate_key(k) for k in keys])
    return {
        key: serializer.loads(value)
        for key, value in zip(keys, stored, strict=True)
        if value is not None
    }


class PageCacheMiddleware:
    """Serve and store whole pages (see the module docstring).

    Place it right after SecurityMiddleware and WhiteNoiseMiddleware: a hit
    returns before sessions, languages, CSRF and authentication run, and
    the headers those add were stored with the page.
    """

    def __init__(self, get_response, cache=None):
        self.get_response = get_response
        self._cache = cache

    @property
    def cache(self):
        """The cache backend of this thread (Django keeps one per thread)."""
        return self._cache if self._cache is not None else caches["default"]

    def __call__(self, request):
        if not _may_use_cache(request):
            response = self.get_response(request)
            if request.method in UNSAFE_METHODS and _is_staff(request):
                content_changed()
            return response
        _prepare_query(request)
        key = page_key(request)
        found = guarded(read_many, self.cache, [VERSION_KEY, key])
        version = None
        if found is not None:
            version = found.get(VERSION_KEY) or guarded(content_version, self.cache)
        if version is None:
            # The cache is down: serve the page live, store nothing.
            response = self.get_response(request)
            response["X-Page-Cache"] = "off"
            return response
        entry = found.get(key)
        now = time.time()
        if entry is not None and entry[0] == version and now < entry[1]:
            return _replay(entry)
        response = self.get_response(request)
        if (
            is_shareable(response)
            and len(request.get_full_path()) <= MAX_STORED_URL
            and uses_every_parameter(request)
        ):
            guarded(self._store, key, version, response, now)
        response["X-Page-Cache"] = "miss"
        return response

    def _store(self, key, version, response, now):
        lifetime = keeping_time(version, self.cache, now)
        if lifetime < 1:
            return
        # Stored with its ETag, a page's replays skip hashing the body
        # (ConditionalGetMiddleware keeps an ETag it finds).
        if not response.has_header("ETag"):
            set_response_etag(response)
        entry = (
            version,
            now + lifetime,
            response.status_code,
            list(response.items()),
            response.content,
        )
        self.cache.set(key, entry, timeout=int(lifetime))


def _replay(entry):
    _version, _expires, status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response


def _is_staff(request):
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and user.is_staff)


def content_saved(sender, using=None, **kwargs):
    """Signal receiver: a row readers may see was saved, deleted or linked."""
    if sender._meta.app_label in _content_apps:
        content_changed(using=using)


def content_linked(sender, action, using=None, **kwargs):
    """Signal receiver: tags or zones were added to or removed from a row."""
    if action.startswith("post_"):
        content_saved(sender, using=using)
