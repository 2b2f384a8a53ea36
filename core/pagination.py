"""Page numbers for list views, in one place.

Every list page (news, zones) paginates through `NearestPageMixin`. A page
number that is not a page of the list (0, -3, "abc", or past the end) redirects to the
nearest page that is, so a stale bookmark lands somewhere useful and every
URL that answers 200 shows what it says.
"""

import re

from django.http import HttpResponseRedirect

DIGITS = re.compile(r"^[0-9]+\Z")
# Longer than any real page number; also keeps int() away from huge strings.
MAX_DIGITS = 9


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
        number = self._nearest_page(requested, paginator)
        if requested and str(number) != requested:
            raise _NotAPage(self._url_for_page(number))
        page = paginator.page(number)
        return paginator, page, page.object_list, page.has_other_pages()

    @staticmethod
    def _nearest_page(requested, paginator):
        if not requested or not DIGITS.match(requested):
            return 1
        if len(requested) > MAX_DIGITS:
            return paginator.num_pages
        return min(max(int(requested), 1), paginator.num_pages)

    def _url_for_page(self, number):
        query = self.request.GET.copy()
        if number == 1:
            query.pop(self.page_kwarg, None)
        else:
            query[self.page_kwarg] = str(number)
        encoded = query.urlencode()
        return self.request.path + (f"?{encoded}" if encoded else "")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context.get("page_obj")
        if page is not None and page.has_other_pages():
            context["page_range"] = page.paginator.get_elided_page_range(
                page.number,
                on_each_side=self.pages_on_each_side,
                on_ends=1,
            )
        return context
