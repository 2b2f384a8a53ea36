"""Cursor pages for the API: one index range scan per page, at any depth.

A cursor names the last row of the page before (or the first, going back)
by its sort key, never by how many rows came before it, so page 5,000 of a
million articles reads as many index entries as page 1. Articles are
newest first on (published_at, id), written as core.pagination.Cursor
writes it; everything else is in id order. The cursor is opaque to clients:
"n" (next) or "p" (previous) and the key. A cursor that does not parse
answers 400; one that names no row still works (it is a place in the
order, not a row), which is how a client resumes after rows were deleted.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from core.filters import DigitsField
from core.pagination import Cursor

NEXT, PREVIOUS = "n", "p"
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


class DateIdKeyset:
    """Newest first on (published_at, id): the article indexes' order."""

    ordering = ("-published_at", "-id")
    reverse_ordering = ("published_at", "id")
    example = "1767225600000000-42"

    def encode(self, row):
        return str(Cursor.of(row))

    def decode(self, text):
        return Cursor.parse(text)

    def after(self, cursor):
        return cursor.older()

    def before(self, cursor):
        return cursor.newer()


class IdKeyset:
    """Ascending, or with `descending` newest first, on the primary key."""

    example = "42"

    def __init__(self, descending=False):
        self.descending = descending
        self.ordering = ("-id",) if descending else ("id",)
        self.reverse_ordering = ("id",) if descending else ("-id",)

    def encode(self, row):
        return str(row.pk)

    def decode(self, text):
        if not (text.isascii() and text.isdigit()) or len(text) > 18:
            return None
        return int(text)

    def after(self, pk):
        return Q(pk__lt=pk) if self.descending else Q(pk__gt=pk)

    def before(self, pk):
        return Q(pk__gt=pk) if self.descending else Q(pk__lt=pk)


class PageSizeField(DigitsField):
    def __init__(self):
        super().__init__(3, min_value=1, max_value=MAX_PAGE_SIZE)
        # Given but empty is refused too, not taken for the default.
        self.required = True


class KeysetPagination(BasePagination):
    """`cursor` and `page_size` parameters; the view names its `keyset`."""

    cursor_query_param = "cursor"
    page_size_query_param = "page_size"

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.keyset = keyset = view.keyset
        size = self.page_size(request)
        direction, key = self.cursor(request, keyset)
        if direction == PREVIOUS:
            rows = list(
                queryset.filter(keyset.before(key)).order_by(*keyset.reverse_ordering)[
                    : size + 1
                ]
            )
            has_before = len(rows) > size
            rows = rows[:size][::-1]
            has_after = True
        else:
            if key is not None:
                queryset = queryset.filter(keyset.after(key))
            rows = list(queryset.order_by(*keyset.ordering)[: size + 1])
            has_after = len(rows) > size
            rows = rows[:size]
            has_before = key is not None
        self.next_cursor = (
            NEXT + keyset.encode(rows[-1]) if rows and has_after else None
        )
        self.previous_cursor = (
            PREVIOUS + keyset.encode(rows[0]) if rows and has_before else None
        )
        return rows

    def page_size(self, request):
        text = request.query_params.get(self.page_size_query_param)
        if text is None:
            return DEFAULT_PAGE_SIZE
        field = PageSizeField()
        try:
            return field.clean(text)
        except DjangoValidationError:
            message = _("A whole number from 1 to %(max)d.") % {"max": MAX_PAGE_SIZE}
            raise ValidationError({self.page_size_query_param: [message]}) from None

    def cursor(self, request, keyset):
        text = request.query_params.get(self.cursor_query_param)
        if text is None:
            return NEXT, None
        direction, key = text[:1], keyset.decode(text[1:])
        if direction not in (NEXT, PREVIOUS) or key is None:
            raise ValidationError(
                {
                    self.cursor_query_param: [
                        _(
                            "This is not a cursor of this list: follow the next "
                            "or previous link of a page as it is."
                        )
                    ]
                }
            )
        return direction, key

    def link(self, cursor):
        if cursor is None:
            return None
        url = self.request.build_absolute_uri()
        return replace_query_param(url, self.cursor_query_param, cursor)

    def get_paginated_response(self, data):
        return Response(
            {
                "next": self.link(self.next_cursor),
                "previous": self.link(self.previous_cursor),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "next": {
                    "type": "string",
                    "format": "uri",
                    "nullable": True,
                    "description": "The next page, or null on the last.",
                },
                "previous": {
                    "type": "string",
                    "format": "uri",
                    "nullable": True,
                    "description": "The page before, or null on the first.",
                },
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "in": "query",
                "required": False,
                "description": (
                    "Where the page starts: take it from the `next` or "
                    "`previous` link of another page (an opaque text)."
                ),
                "schema": {"type": "string", "maxLength": 40},
            },
            {
                "name": self.page_size_query_param,
                "in": "query",
                "required": False,
                "description": f"Rows a page, 1 to {MAX_PAGE_SIZE} (default "
                f"{DEFAULT_PAGE_SIZE}).",
                "schema": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": MAX_PAGE_SIZE,
                    "default": DEFAULT_PAGE_SIZE,
                },
            },
        ]
