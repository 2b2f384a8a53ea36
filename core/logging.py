"""Logging pieces referenced by settings.LOGGING."""

import logging


class ClientErrorsOnOneLine(logging.Filter):
    """Drop the traceback from records of refused requests (4xx).

    Django logs a PermissionDenied or a bad request with its exception
    attached; for a 403 or 400 the one line "Forbidden (Permission denied):
    /admin/…" says all there is, and a traceback per refused request buries
    the real errors. Server errors (5xx) keep theirs.
    """

    def filter(self, record):
        status = getattr(record, "status_code", None)
        if status is not None and status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
