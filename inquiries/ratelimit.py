"""Inquiries per address and per email, counted in the shared cache.

Fixed one-hour windows: the first inquiry starts a counter that expires an
hour later. When the cache cannot be reached the limit fails open (the
inquiry is accepted) and a warning is logged: losing an investor's question
costs more than an occasional extra spam message.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)
WINDOW_SECONDS = 3600


def _keys(address, email):
    def key(kind, value):
        digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
        return f"inquiries:rate:{kind}:{digest}"

    return [key("address", address or "unknown"), key("email", email)]


def is_limited(address, email):
    """True when this address or this email already sent the hourly maximum."""
    try:
        counts = cache.get_many(_keys(address, email))
    except Exception:
        logger.warning("Inquiry rate limit skipped: the cache is not answering")
        return False
    return any(count >= settings.INQUIRY_RATE_LIMIT for count in counts.values())


def count(address, email):
    """Count one accepted inquiry for the address and the email."""
    try:
        for key in _keys(address, email):
            if not cache.add(key, 1, WINDOW_SECONDS):
                cache.incr(key)
    except ValueError:
        pass  # the counter expired between add and incr
    except Exception:
        logger.warning("Inquiry rate limit not counted: the cache is not answering")
