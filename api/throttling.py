"""The API's rate limit for anonymous clients, counted in the shared cache."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle

from core.cache import guarded
from core.lockout import client_address


class AnonymousRateThrottle(AnonRateThrottle):
    """API_ANON_RATE requests per client address (None: no limit).

    The rate is read from settings at each request rather than once at
    import, as DRF does, so a deployment and the tests can change it. The
    address is the one the sign-in lockout takes (TRUSTED_PROXY_COUNT), so
    a client cannot pick its own by writing X-Forwarded-For. When the cache
    fails the request is let through, like an inquiry's limit: the API
    serves without a throttle rather than not at all (core.cache.guarded).
    """

    def get_rate(self):
        return settings.API_ANON_RATE

    def get_ident(self, request):
        return client_address(request)

    def allow_request(self, request, view):
        return guarded(super().allow_request, request, view, default=True)
