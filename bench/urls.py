"""The site's URLs plus /bench/reference/<name>, for bench/settings.py only."""

from django.urls import path

from bench.reference import reference_page
from investportal.urls import handler500
from investportal.urls import urlpatterns as site_urlpatterns

__all__ = ["handler500", "urlpatterns"]

urlpatterns = [
    *site_urlpatterns,
    path("bench/reference/<slug:name>", reference_page),
]
