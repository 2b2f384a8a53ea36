"""Pagination of the news list.

The nearest-page behaviour is shared with the zone directory (core.pagination);
anything that only the news list needs at scale belongs here.
"""

from core.pagination import NearestPageMixin

__all__ = ["NearestPageMixin"]
