"""Pagination for every list, in one place.

The policy for a page that is not a page (README, "Pages"): a page number
that is not a page of the list (0, -3, "abc", or past the end) redirects to
the nearest page that is, and a page link (a keyset cursor) that is
malformed or leads nowhere redirects to the first page. So a stale bookmark
lands somewhere useful and every URL that answers 200 shows what it says;
no list answers 404 or a note for it. The news list and the directory
follow it through `NearestPageMixin`, the search through `nearest_page`.

Every page is linked by templates/includes/pagination.html, with
{% querystring %}; redirects are built by `query_url`, the same
function.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db.models import Q
from django.http import HttpResponseRedirect
from django.template.defaulttags import querystring

DIGITS = re.compile(r"^[0-9]+\Z")
# Longer than any real page number; also keeps int() away from huge strings.
MAX_DIGITS = 9


def query_url(request, **changes):
    """This page's URL with parameters changed ({% querystring %}'s rules;
    None removes one)."""
    # No template context is needed once the QueryDict is given.
    return request.path + querystring(None, request.GET, **changes).rstrip("?")


def nearest_page(requested, num_pages):
    """The page number nearest to the text `requested` (1 for junk)."""
    requested = requested.strip()
    if not requested or not DIGITS.match(requested):
        return 1
    if len(requested) > MAX_DIGITS:
        return num_pages
    return min(max(int(requested), 1), num_pages)


class _NotAPage(Exception):
    def __init__(self, url):
        super().__init__(url)
        self.url = url


class NearestPageMixin:
    """For ListView subclasses: `paginate_by` rows a page, nearest-page redirects."""

    paginate_by = 20
    page_kwarg = "page"
    pages_on_each_side = 2

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except _NotAPage as wrong_page:
            return HttpResponseRedirect(wrong_page.url)

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        requested = self.request.GET.get(self.page_kwarg, "").strip()
        number = nearest_page(requested, paginator.num_pages)
        if requested and str(number) != requested:
            raise _NotAPage(
                query_url(
                    self.request, **{self.page_kwarg: number if number > 1 else None}
                )
            )
        page = paginator.page(number)
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_query"] = self.request.GET
        page = context.get("page_obj")
        # Keyset pages (news.pagination) have no number and no page range.
        if page is not None and page.number is not None and page.has_other_pages():
            context["page_range"] = page.paginator.get_elided_page_range(
                page.number,
                on_each_side=self.pages_on_each_side,
                on_ends=1,
            )
        return context


class KeysetPage:
    """A page reached by a cursor rather than a number (news past its
    numbered pages, a search walking its results newest first)."""

    number = None

    def __init__(self, object_list, paginator):
        self.object_list = object_list
        self.paginator = paginator

    def __len__(self):
        return len(self.object_list)

    def __iter__(self):
        return iter(self.object_list)

    def has_other_pages(self):
        return True


@dataclass(frozen=True)
class Cursor:
    """A place in a newest-first list (published_at, id): keyset pagination.

    Written in URLs as "<microseconds since 1970>-<id>", so a page link
    names the row it continues from rather than how many rows to skip.
    """

    published_at: datetime
    pk: int

    EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

    @classmethod
    def of(cls, row):
        return cls(row.published_at, row.pk)

    @classmethod
    def parse(cls, text):
        """Return the Cursor for "<microseconds>-<id>", or None if malformed."""
        micros, _, pk = (text or "").partition("-")
        if not (micros.isascii() and micros.isdigit() and pk.isascii()):
            return None
        if not pk.isdigit() or len(micros) > 17 or len(pk) > 18:
            return None
        try:
            moment = cls.EPOCH + timedelta(microseconds=int(micros))
        except OverflowError:
            return None
        return cls(moment, int(pk))

    def __str__(self):
        micros = (self.published_at - self.EPOCH) // timedelta(microseconds=1)
        return f"{micros}-{self.pk}"

    def older(self):
        """Q: rows after this place in newest-first order.

        The plain range condition on published_at is what an index on
        (..., published_at DESC, id DESC) can start from; the exclusion then
        only sorts out rows with the very same publish time.
        """
        return Q(published_at__lte=self.published_at) & ~Q(
            published_at=self.published_at, pk__gte=self.pk
        )

    def newer(self):
        """Q: rows before this place in newest-first order."""
        return Q(published_at__gte=self.published_at) & ~Q(
            published_at=self.published_at, pk__lte=self.pk
        )
