"""The page django-axes shows when a sign-in is locked out."""

from axes.helpers import get_cool_off, get_failure_limit
from django.contrib import admin
from django.shortcuts import render


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
