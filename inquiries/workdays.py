"""Working days in China: weekends and public holidays off, make-up days on.

chinese-calendar keeps the State Council's yearly holiday notice as data. A
release knows the years up to the last notice published before it; for a
later date it raises NotImplementedError, and this module then counts Monday
to Friday as working days and logs a warning once per process, until the
pinned release is updated (README, "Inquiries").
"""

import logging
from datetime import datetime, time, timedelta

import chinese_calendar
from django.utils import timezone

logger = logging.getLogger(__name__)
_warned_years = set()
DAY = timedelta(days=1)
# An answer is never searched for beyond this: a bound for the loops below.
MAX_CALENDAR_DAYS = 3660


def is_working_day(day):
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        if day.year not in _warned_years:
            _warned_years.add(day.year)
            logger.warning(
                "chinese-calendar has no holidays for %s: counting Monday to "
                "Friday as working days. Update the pinned chinesecalendar.",
                day.year,
            )
        return day.weekday() < 5


def _day_start(day, tz):
    return datetime.combine(day, time.min, tzinfo=tz)


def add_working_days(start, days):
    """The moment `days` working days (of 24 hours each) after `start`.

    Time on weekends and holidays does not count: an inquiry received on
    Friday at 17:00 with two working days is due on Tuesday at 17:00, one
    received on Saturday is due at the end of Tuesday.
    """
    tz = timezone.get_current_timezone()
    cursor = timezone.localtime(start, tz)
    remaining = timedelta(days=days)
    for _ in range(MAX_CALENDAR_DAYS):
        day = cursor.date()
        next_day = _day_start(day + DAY, tz)
        if is_working_day(day):
            available = next_day - cursor
            if available >= remaining:
                return cursor + remaining
            remaining -= available
        cursor = next_day
    raise ValueError("no working days found")


def working_days_between(start, end):
    """Working days (a float) between two moments, weekends and holidays not
    counted. Zero when `end` is not after `start`."""
    tz = timezone.get_current_timezone()
    cursor = timezone.localtime(start, tz)
    end = timezone.localtime(end, tz)
    total = timedelta()
    for _ in range(MAX_CALENDAR_DAYS):
        if cursor >= end:
            break
        day = cursor.date()
        next_day = _day_start(day + DAY, tz)
        if is_working_day(day):
            total += min(next_day, end) - cursor
        cursor = next_day
    return total / DAY
