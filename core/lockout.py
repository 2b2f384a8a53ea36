"""Sign-in lockout: the per-address throttle and the page django-axes shows."""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_ip_address, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone
from python_ipware import IpWare


def client_address(request):
    """The address a sign-in comes from (AXES_CLIENT_IP_CALLABLE).

    With TRUSTED_PROXY_COUNT proxies in front, each appending the address it
    saw to X-Forwarded-For (nginx's $proxy_add_x_forwarded_for), the client
    is the entry that many places from the end; entries before it are the
    client's own words and never chosen. A header with fewer entries than
    that did not come through the proxies: the connection's address counts.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        # IpWare counts the proxies listed in the header; the nearest one
        # is the connection's address, not an entry.
        reader = IpWare(precedence=("HTTP_X_FORWARDED_FOR",), proxy_count=proxies - 1)
        address, _trusted = reader.get_client_ip(request.META, strict=False)
        if address is not None:
            return str(address)
    return request.META.get("REMOTE_ADDR")


class AddressThrottledHandler(AxesDatabaseHandler):
    """Axes' database handler, plus a limit on one address over all accounts.

    The lockout itself is per (username, address), so a stranger who knows
    an editor's username locks only their own address out of that account.
    This throttle stops the same stranger from trying many accounts:
    AXES_ADDRESS_FAILURE_LIMIT failures from one address within the cool-off
    time lock that address out of every account.
    """

    def get_failures(self, request, credentials=None):
        # Axes compares this with AXES_FAILURE_LIMIT both to refuse a sign-in
        # and to show the lockout page: a throttled address counts as full.
        failures = super().get_failures(request, credentials)
        if address_failures(request) >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            return max(failures, get_failure_limit(request, credentials))
        return failures


def address_failures(request):
    """Failed sign-ins from the request's address, over every username."""
    address = getattr(request, "axes_ip_address", None) or get_client_ip_address(
        request
    )
    attempts = AccessAttempt.objects.filter(ip_address=address)
    cool_off = get_cool_off(request)
    if cool_off:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    total = attempts.aggregate(total=Sum("failures_since_start"))["total"]
    return total or 0


def lockout_response(request, original_response=None, credentials=None):
    """Render the admin-styled lockout page with the wait in whole minutes.

    Axes' own template context gives the wait as a timedelta or an ISO 8601
    duration, neither of which reads well to an editor.
    """
    cool_off = get_cool_off(request)
    minutes = None
    if cool_off:
        minutes = max(1, round(cool_off.total_seconds() / 60))
    context = {
        **admin.site.each_context(request),
        "title": None,
        # Nobody is signed in: the app list would only say "no permission".
        "is_nav_sidebar_enabled": False,
        "failure_limit": get_failure_limit(request, credentials),
        "cooloff_minutes": minutes,
    }
    return render(request, "admin/lockout.html", context, status=429)
