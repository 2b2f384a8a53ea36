"""Pagination of the news list, built for a million articles.

Two costs grow with the table under Django's usual pagination: the page
count is an exact COUNT(*) over every matching article and page n is OFFSET
20 × (n - 1), which reads and throws away every row before it (page 5,000
reads 100,000 rows). Neither is paid here:

- Numbered pages cover the newest NUMBERED_PAGES pages (200 articles). The
  count reads the ids of at most 201 articles, in list order: as far as the
  last numbered page reaches and no further, so its cost does not grow
  with the list, and each numbered page is a
  slice of those ids (no OFFSET). A longer list says "more than 200"
  rather than an exact figure (an exact one would cost the full count; the
  planner's estimate can be off by a factor for filtered lists, and a wrong
  number is worse than none).
- Beyond the numbered pages the list continues with keyset pages: "?older=
  <cursor>" shows the articles just after the cursor's (published_at, id),
  which is one range scan down an index that starts at the cursor and
  stops after 21 rows, so the 5,000th page costs what the first does. The
  cursor is the last article of the page before, so links stay right while
  articles are published; "?newer=<cursor>" goes back up.

A page number past the numbered pages (a bookmark of ?page=5000) redirects
to the last numbered page, like any other number that is not a page
(core.pagination); a malformed or exhausted cursor redirects to the first
page. Nothing answers 500.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from core.pagination import (
    Cursor,
    KeysetPage,
    NearestPageMixin,
    _NotAPage,
    query_url,
)

NUMBERED_PAGES = 10
CURSOR_PARAMETERS = ("older", "newer")
NEWEST_FIRST = ("-published_at", "-id")
OLDEST_FIRST = ("published_at", "id")


class CappedPaginator(Paginator):
    """A Paginator whose count stops just past its numbered pages.

    The count reads the ids of up to cap + 1 rows, in list order, and the
    page's rows are then fetched by id with `rows(ids)` (given by the view).
    Filters that cost something per query (the ids naming a zone, tag
    probes) are thus applied once per page, not twice.
    """

    def __init__(self, object_list, per_page, numbered_pages=NUMBERED_PAGES, rows=None):
        super().__init__(object_list, per_page)
        self.cap = per_page * numbered_pages
        self.rows = rows

    @cached_property
    def ids(self):
        """Ids of the first cap + 1 rows, newest first.

        The ordering stays in the query, so PostgreSQL reads the same index
        the page itself would, and stops at the limit.
        """
        newest_first = self.object_list.order_by(*NEWEST_FIRST)
        return list(newest_first.values_list("pk", flat=True)[: self.cap + 1])

    @cached_property
    def count(self):
        """The number of rows, up to cap + 1 (one more means "more than cap")."""
        return len(self.ids)

    @property
    def is_capped(self):
        return self.count > self.cap

    @cached_property
    def num_pages(self):
        return min(super().num_pages, self.cap // self.per_page)

    def page(self, number):
        number = self.validate_number(number)
        start = (number - 1) * self.per_page
        ids = self.ids[start : start + self.per_page]
        if self.rows is None:
            rows = self.object_list.filter(pk__in=ids)
        else:
            rows = self.rows(ids)
        by_id = {row.pk: row for row in rows}
        return self._get_page([by_id[pk] for pk in ids if pk in by_id], number, self)


class NewsPaginationMixin(NearestPageMixin):
    """Numbered pages first, keyset pages after (see the module docstring).

    For the news ListView, whose queryset is ordered newest first. The
    context gets `older_cursor` and `newer_cursor` for the links of
    templates/includes/pagination.html.
    """

    numbered_pages = NUMBERED_PAGES

    def get_paginator(self, queryset, per_page, orphans=0, **kwargs):
        return CappedPaginator(
            queryset, per_page, self.numbered_pages, rows=self.get_rows
        )

    def get_rows(self, ids):
        """The objects with these ids, as the page shows them.

        Override to drop filters the ids already satisfy; by default the
        list's own queryset is narrowed to the ids.
        """
        return self.object_list.filter(pk__in=ids)

    def paginate_queryset(self, queryset, page_size):
        self.older_cursor = self.newer_cursor = None
        cursors = {
            name: self.request.GET.get(name, "").strip()
            for name in CURSOR_PARAMETERS
            if name in self.request.GET
        }
        if not cursors:
            paginator, page, rows, is_paginated = super().paginate_queryset(
                queryset, page_size
            )
            rows = list(rows)
            if paginator.is_capped and page.number == paginator.num_pages and rows:
                self.older_cursor = Cursor.of(rows[-1])
            return paginator, page, rows, is_paginated
        return self._keyset_page(queryset, page_size, cursors)

    def _keyset_page(self, queryset, page_size, cursors):
        # One cursor and no page number, or the URL is not a page: go to the
        # first page of the same list.
        first_page = query_url(self.request, page=None, older=None, newer=None)
        name, text = next(iter(cursors.items()))
        cursor = Cursor.parse(text)
        if cursor is None or len(cursors) > 1 or self.page_kwarg in self.request.GET:
            raise _NotAPage(first_page)
        paginator = self.get_paginator(queryset, page_size)
        if name == "older":
            rows = list(queryset.filter(cursor.older())[: page_size + 1])
            if not rows:
                raise _NotAPage(first_page)
            has_older = len(rows) > page_size
            rows = rows[:page_size]
        else:
            rows = list(
                queryset.filter(cursor.newer()).order_by(*OLDEST_FIRST)[: page_size + 1]
            )
            # Within one page of the top: that is the first page.
            if len(rows) <= page_size:
                raise _NotAPage(first_page)
            rows = rows[:page_size][::-1]
            has_older = True
        self.newer_cursor = Cursor.of(rows[0])
        if has_older:
            self.older_cursor = Cursor.of(rows[-1])
        return paginator, KeysetPage(rows, paginator), rows, True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context.get("page_obj")
        is_keyset_page = isinstance(page, KeysetPage)
        if is_keyset_page:
            # A way back to the top, where the numbered pages are.
            context["page_range"] = [1, page.paginator.ELLIPSIS]
        context.update(
            older_cursor=self.older_cursor,
            newer_cursor=self.newer_cursor,
            is_keyset_page=is_keyset_page,
        )
        return context
