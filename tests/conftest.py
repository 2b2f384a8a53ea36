import pytest
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def _clear_cache():
    # Tests share one cache (Redis in CI); start each with nothing cached.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _cache_reachable():
    # A test that breaks the cache must not leave the next one resting it.
    from core import cache as page_cache

    page_cache._outage["until"] = 0.0
    page_cache._owed.clear()
    yield
    page_cache._outage["until"] = 0.0
    page_cache._owed.clear()


@pytest.fixture(autouse=True)
def _default_language():
    # A request to an /en/ page leaves English active in the thread, so a
    # later test would render its Chinese pages in English.
    yield
    translation.deactivate()
