"""How fast zones answer: the profile's figure and the editors' report.

Times are in working days (inquiries.workdays). The profile's figure is the
median time to the first reply over the inquiries received in the last
RECENT_DAYS days, spam left out; an inquiry still waiting counts with the
time it has waited so far, so a zone cannot look fast by leaving the hard
questions unanswered. It is shown only from MIN_INQUIRIES inquiries on.
"""

import logging
import math
from datetime import timedelta
from statistics import median

from django.core.cache import cache
from django.utils import timezone

from inquiries.models import Inquiry
from inquiries.workdays import working_days_between

RECENT_DAYS = 180
MIN_INQUIRIES = 5
# The profile's figure is kept this long in the shared cache: a median over
# half a year moves slowly, and the profile then costs no extra query.
FIGURE_SECONDS = 3600

logger = logging.getLogger(__name__)


def cached_reply_days(zone_id):
    """typical_reply_days through the shared cache (computed when it fails)."""
    key = f"inquiries:reply-days:{zone_id}"
    try:
        stored = cache.get(key)
    except Exception:
        logger.warning("Reply-time figure computed without the cache")
        return typical_reply_days(zone_id)
    if stored is not None:
        return stored[0]
    value = typical_reply_days(zone_id)
    try:
        cache.set(key, (value,), FIGURE_SECONDS)
    except Exception:
        logger.warning("Reply-time figure not cached: the cache is not answering")
    return value


def _percentile(values, fraction):
    """Nearest-rank percentile of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def typical_reply_days(zone_id, now=None):
    """The median working days to a first reply, rounded up to a tenth, or
    None below MIN_INQUIRIES inquiries."""
    now = now or timezone.now()
    rows = (
        Inquiry.objects.filter(
            zone_id=zone_id, submitted_at__gte=now - timedelta(days=RECENT_DAYS)
        )
        .exclude(status=Inquiry.Status.SPAM)
        .exclude(status=Inquiry.Status.CLOSED, first_replied_at__isnull=True)
        .values_list("submitted_at", "first_replied_at")
    )
    times = [
        working_days_between(received, replied or now) for received, replied in rows
    ]
    if len(times) < MIN_INQUIRIES:
        return None
    return max(0.1, math.ceil(median(times) * 10) / 10)


def zone_report(inquiries, now=None):
    """Per zone: received, answered, median and 90th-percentile first-reply
    working days (answered ones), overdue now. One query."""
    now = now or timezone.now()
    rows = (
        inquiries.exclude(status=Inquiry.Status.SPAM)
        .order_by("zone__name", "pk")
        .values_list(
            "zone_id",
            "zone__name",
            "zone__name_en",
            "status",
            "submitted_at",
            "first_replied_at",
            "due_at",
        )
    )
    zones = {}
    for zone_id, name, name_en, status, received, replied, due in rows:
        entry = zones.setdefault(
            zone_id,
            {
                "name": name,
                "name_en": name_en,
                "received": 0,
                "times": [],
                "overdue": 0,
            },
        )
        entry["received"] += 1
        if replied is not None:
            entry["times"].append(working_days_between(received, replied))
        if status in (Inquiry.Status.NEW, Inquiry.Status.ACKNOWLEDGED) and due <= now:
            entry["overdue"] += 1
    report = []
    for entry in zones.values():
        times = entry.pop("times")
        entry["answered"] = len(times)
        entry["median"] = round(median(times), 1) if times else None
        entry["p90"] = round(_percentile(times, 0.9), 1) if times else None
        report.append(entry)
    return report
