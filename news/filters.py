"""The query parameters of the news list, checked before they touch a query.

A value that names nothing (an unknown channel, a month of 13, a tag nobody
used) does not fail the page: the filter is dropped and the reader is told
so in a note. Values that cannot be a slug at all are refused before any
query runs, so odd bytes (NUL, which PostgreSQL rejects outright) never
reach the database.
"""

import re
from datetime import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from taggit.models import Tag

from news.models import Article, Channel
from zones.models import Region, Zone

ASCII_SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,100}\Z")
# Tag slugs keep Chinese characters (taggit slugifies with allow_unicode).
UNICODE_SLUG = re.compile(r"^[-\w]{1,100}\Z")
NUMBER = re.compile(r"^[0-9]{1,4}\Z")
FIRST_YEAR, LAST_YEAR = 1949, 2100
# What each region parameter may name; "city" takes a county too.
REGION_LEVELS = {
    "province": [Region.Level.PROVINCE],
    "city": [Region.Level.CITY, Region.Level.COUNTY],
}


def regions_within(region):
    """Ids of `region` and the regions below it (cities, counties).

    A list, not a subquery: with the ids written into the article query
    PostgreSQL can weigh them against its statistics and choose between
    walking the whole list (a big province) and the region index (a small
    city); a subquery it cannot estimate, and it guessed wrong (0.5 s).
    """
    return list(Region.objects.within(region).values_list("pk", flat=True))


class ArticleFilters:
    """The filters of one request to the news list.

    Attributes hold the objects the parameters name (None when absent or
    ignored); `notes` holds one sentence per ignored parameter.
    """

    PARAMETERS = ("channel", "province", "city", "zone", "kind", "tag", "year", "month")

    def __init__(self, params):
        self.notes = []
        self.raw = {name: params.get(name, "").strip() for name in self.PARAMETERS}
        self.channel = self._find(
            "channel", ASCII_SLUG, Channel.objects.all(), _("channel")
        )
        self.province, self.city = self._find_regions()
        self.zone = self._find(
            "zone",
            ASCII_SLUG,
            # The list names and links the zone; its profile stays behind.
            Zone.objects.published().only("name", "name_en", "slug", "is_published"),
            _("zone"),
        )
        self.tag = self._find("tag", UNICODE_SLUG, Tag.objects.all(), _("tag"))
        self.kind = self._kind()
        self.year, self.month = self._year_and_month()

    def _ignore(self, label, value):
        self.notes.append(
            _("There is no %(filter)s “%(value)s”, so that filter was ignored.")
            % {"filter": label, "value": value}
        )

    def _find(self, name, pattern, queryset, label):
        value = self.raw[name]
        if not value:
            return None
        found = queryset.filter(slug=value).first() if pattern.match(value) else None
        if found is None:
            self._ignore(label, value)
        return found

    def _find_regions(self):
        """The province and city filters: one query when both are given."""
        wanted = {
            name: (self.raw[name], levels)
            for name, levels in REGION_LEVELS.items()
            if self.raw[name] and ASCII_SLUG.match(self.raw[name])
        }
        found = {}
        if wanted:
            condition = Q()
            for slug, levels in wanted.values():
                condition |= Q(slug=slug, level__in=levels)
            regions = Region.objects.filter(condition).select_related("parent__parent")
            for region in regions:
                for name, (slug, levels) in wanted.items():
                    if region.slug == slug and region.level in levels:
                        found[name] = region
        for name, label in (("province", _("province")), ("city", _("city"))):
            if self.raw[name] and name not in found:
                self._ignore(label, self.raw[name])
        return found.get("province"), found.get("city")

    def _kind(self):
        value = self.raw["kind"]
        if not value:
            return None
        if value in Article.Kind.values:
            return value
        self._ignore(_("kind of news"), value)
        return None

    def _year_and_month(self):
        year_text, month_text = self.raw["year"], self.raw["month"]
        year = month = None
        if year_text:
            if NUMBER.match(year_text) and FIRST_YEAR <= int(year_text) <= LAST_YEAR:
                year = int(year_text)
            else:
                self._ignore(_("year"), year_text)
        if month_text:
            if not (NUMBER.match(month_text) and 1 <= int(month_text) <= 12):
                self._ignore(_("month"), month_text)
            elif year is None:
                self.notes.append(
                    _("A month is only used together with a year, so it was ignored.")
                )
            else:
                month = int(month_text)
        return year, month

    @property
    def region(self):
        """The most specific region chosen: the city, else the province."""
        return self.city or self.province

    def apply(self, queryset):
        if self.channel:
            queryset = queryset.filter(channel=self.channel)
        if self.province and not self._city_is_in_province():
            queryset = queryset.filter(region__in=regions_within(self.province))
        if self.city:
            queryset = queryset.filter(region__in=regions_within(self.city))
        if self.zone:
            queryset = queryset.concerning_zone(self.zone)
        if self.kind:
            queryset = queryset.filter(kind=self.kind)
        if self.tag:
            queryset = queryset.tagged([self.tag.pk])
        if self.year:
            start, end = self._period()
            queryset = queryset.filter(published_at__gte=start, published_at__lt=end)
        return queryset

    def _city_is_in_province(self):
        """Does the city filter already imply the province filter?"""
        if self.city is None:
            return False
        parent = self.city.parent
        return self.province in (parent, parent and parent.parent)

    def _period(self):
        # A range on published_at, in the site's time zone, uses the index;
        # __year/__month lookups would extract from every row.
        if self.month:
            start = datetime(self.year, self.month, 1)
            end = (
                datetime(self.year + 1, 1, 1)
                if self.month == 12
                else datetime(self.year, self.month + 1, 1)
            )
        else:
            start, end = datetime(self.year, 1, 1), datetime(self.year + 1, 1, 1)
        return timezone.make_aware(start), timezone.make_aware(end)

    def active(self):
        """The filters in use, as (parameter, label) pairs, for removal links."""
        kinds = dict(Article.Kind.choices)
        pairs = [
            ("channel", self.channel and self.channel.display_name),
            ("province", self.province and self.province.display_name),
            ("city", self.city and self.city.display_name),
            ("zone", self.zone and self.zone.display_name),
            ("kind", self.kind and str(kinds[self.kind])),
            ("tag", self.tag and self.tag.name),
            ("year", self.year and str(self.year)),
            ("month", self.month and str(self.month)),
        ]
        return [(name, label) for name, label in pairs if label]
