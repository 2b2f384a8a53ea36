"""How fast zones answer: the profile's and the compare page's figure, and
the editors' report.

Times are in working days (inquiries.workdays). The public figure is the
median time to the first reply over the inquiries received in the last
RECENT_DAYS days, spam left out; an inquiry still waiting counts with the
time it has waited so far, so a zone cannot look fast by leaving the hard
questions unanswered (one closed without a reply is left out: the investor
withdrew it). It is shown only from MIN_INQUIRIES inquiries on, always with
the number of inquiries it rests on and the days it covers.

Each zone's figure is kept in the shared cache for FIGURE_SECONDS, and
forgotten when one of its inquiries arrives, gets its first reply, is closed
or is marked as spam (inquiries.workflow), so it is recomputed on the next
page; the hourly expiry covers the waiting time that grows by itself. Pages
stored whole by the page cache (core.cache) keep the figure they were made
with for PAGE_CACHE_TIMEOUT at most.
"""

import logging
import math
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.cache import guarded
from inquiries.models import Inquiry
from inquiries.workdays import working_days_between
from zones.extensions import CompareFigure, CompareRow

RECENT_DAYS = 180
MIN_INQUIRIES = 5
# A median over half a year moves slowly; the expiry bounds how long the
# waiting time of unanswered inquiries is not counted up.
FIGURE_SECONDS = 3600

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReplyTime:
    """A zone's median working days to a first reply (None below
    MIN_INQUIRIES), the inquiries it rests on and the days they were
    received in."""

    median: float | None
    count: int
    since: date
    until: date

    @property
    def is_enough(self):
        return self.median is not None


def _cache_key(zone_id):
    return f"inquiries:reply-time:{zone_id}"


def reply_times(zone_ids, now=None):
    """ReplyTime for each of `zone_ids`, in one query."""
    now = now or timezone.now()
    since = now - timedelta(days=RECENT_DAYS)
    times = {zone_id: [] for zone_id in zone_ids}
    for zone_id, received, replied in (
        Inquiry.objects.filter(zone_id__in=zone_ids, submitted_at__gte=since)
        .exclude(status=Inquiry.Status.SPAM)
        .exclude(status=Inquiry.Status.CLOSED, first_replied_at__isnull=True)
        .values_list("zone_id", "submitted_at", "first_replied_at")
    ):
        times[zone_id].append(working_days_between(received, replied or now))
    first, last = timezone.localdate(since), timezone.localdate(now)
    return {
        zone_id: ReplyTime(
            max(0.1, math.ceil(median(values) * 10) / 10)
            if len(values) >= MIN_INQUIRIES
            else None,
            len(values),
            first,
            last,
        )
        for zone_id, values in times.items()
    }


def typical_reply_days(zone_id, now=None):
    """The median working days to a first reply, rounded up to a tenth, or
    None below MIN_INQUIRIES inquiries."""
    return reply_times([zone_id], now)[zone_id].median


def cached_reply_times(zone_ids):
    """reply_times through the shared cache: one round trip to read, and
    one query for the zones it did not hold (none when it held all)."""
    keys = {_cache_key(zone_id): zone_id for zone_id in zone_ids}
    stored = guarded(cache.get_many, list(keys), default=None)
    if stored is None:
        logger.warning("Reply-time figures computed without the cache")
        return reply_times(zone_ids)
    found = {keys[key]: ReplyTime(*value) for key, value in stored.items()}
    missing = [zone_id for zone_id in zone_ids if zone_id not in found]
    if missing:
        computed = reply_times(missing)
        # Plain tuples in the cache: they outlive a change of this class.
        guarded(
            cache.set_many,
            {
                _cache_key(zone_id): (
                    figure.median,
                    figure.count,
                    figure.since,
                    figure.until,
                )
                for zone_id, figure in computed.items()
            },
            FIGURE_SECONDS,
        )
        found.update(computed)
    return found


def cached_reply_days(zone_id):
    """The profile's figure: typical_reply_days through the shared cache."""
    return cached_reply_times([zone_id])[zone_id].median


def forget_reply_time(zone_id):
    """Drop the zone's cached figure once the current transaction commits."""
    transaction.on_commit(
        lambda: guarded(cache.delete, _cache_key(zone_id), owed=_cache_key(zone_id))
    )


def compare_rows(zones):
    """The compare page's row on how fast each zone answers
    (zones.extensions; facts builds the page and cannot import this app)."""
    figures = cached_reply_times([zone.pk for zone in zones])
    row = CompareRow(
        _("Inquiries"),
        _("Time to a first reply (median working days, last %(days)d days)")
        % {"days": RECENT_DAYS},
    )
    for zone in zones:
        figure = figures[zone.pk]
        period = f"{figure.since.isoformat()} – {figure.until.isoformat()}"
        source = _("inquiries sent through this portal")
        if figure.is_enough:
            row.figures.append(
                CompareFigure(
                    text=f"{figure.median:g}",
                    unit=_("working days"),
                    period=period,
                    source=source,
                    note=ngettext(
                        "from %(count)d inquiry",
                        "from %(count)d inquiries",
                        figure.count,
                    )
                    % {"count": figure.count},
                )
            )
        else:
            row.figures.append(
                CompareFigure(
                    text=_("not enough inquiries"),
                    period=period,
                    source=source,
                    note=ngettext(
                        "%(count)d inquiry; %(needed)d are needed",
                        "%(count)d inquiries; %(needed)d are needed",
                        figure.count,
                    )
                    % {"count": figure.count, "needed": MIN_INQUIRIES},
                    is_missing=True,
                )
            )
    return [row]


def _percentile(values, fraction):
    """Nearest-rank percentile of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


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
