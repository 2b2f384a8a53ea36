"""The query parameters of the news list, checked before they touch a query.

A value that names nothing (an unknown channel, a month of 13, a tag nobody
used) does not fail the page: the filter is dropped and the reader is told
so in a note (core.filters).
"""

from datetime import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from taggit.models import Tag

from core.filters import (
    ChoiceField,
    DigitsField,
    FilterForm,
    SlugChoiceField,
    SlugField,
)
from news.models import Article, Channel
from zones.filters import city_outside_note, city_outside_refusal
from zones.models import Region, Zone

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
    city); a subquery it cannot estimate, and it chose the slow plan.
    """
    return list(Region.objects.within(region).values_list("pk", flat=True))


class ArticleFilterForm(FilterForm):
    """The query string of the news list; see core.filters."""

    channel = SlugChoiceField(Channel.objects.all(), label=gettext_lazy("channel"))
    province = SlugField(label=gettext_lazy("province"))
    city = SlugField(label=gettext_lazy("city"))
    zone = SlugChoiceField(
        # The list names and links the zone; its profile stays behind.
        Zone.objects.published().only("name", "name_en", "slug", "is_published"),
        label=gettext_lazy("zone"),
    )
    tag = SlugChoiceField(Tag.objects.all(), label=gettext_lazy("tag"))
    kind = ChoiceField(choices=Article.Kind.choices, label=gettext_lazy("kind of news"))
    year = DigitsField(
        4, min_value=FIRST_YEAR, max_value=LAST_YEAR, label=gettext_lazy("year")
    )
    month = DigitsField(4, min_value=1, max_value=12, label=gettext_lazy("month"))

    def clean(self):
        data = super().clean()
        self._clean_regions(data)
        if data.get("month") and not data.get("year") and "month" not in self.errors:
            self.drop(
                "month",
                _("A month is only used together with a year, so it was ignored."),
                _("A month can only be used together with a year."),
            )
        return data

    def _clean_regions(self, data):
        """The province and city filters: one query when both are given; a
        city outside the chosen province is dropped (it came along in the
        form from an earlier page)."""
        wanted = {
            name: (data[name], levels)
            for name, levels in REGION_LEVELS.items()
            if data.get(name)
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
        for name in wanted:
            if name in found:
                data[name] = found[name]
            else:
                self.add_error(name, "")
        province, city = found.get("province"), found.get("city")
        if province and city and not city.is_within(province):
            self.drop(
                "city",
                city_outside_note(city, province),
                city_outside_refusal(city, province),
            )


class ArticleFilters:
    """The filters of one request to the news list.

    Attributes hold the objects the parameters name (None when absent or
    ignored); `notes` holds one sentence per ignored parameter.
    """

    def __init__(self, params):
        self.form = form = ArticleFilterForm(params)
        self.notes = form.notes
        for name in form.fields:
            setattr(self, name, form.value(name))

    @property
    def region(self):
        """The most specific region chosen: the city, else the province."""
        return self.city or self.province

    def apply(self, queryset):
        if self.channel:
            queryset = queryset.filter(channel=self.channel)
        # A city is always within the chosen province (see the form).
        if self.city:
            queryset = queryset.filter(region__in=regions_within(self.city))
        elif self.province:
            queryset = queryset.filter(region__in=regions_within(self.province))
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
