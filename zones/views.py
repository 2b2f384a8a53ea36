from collections import defaultdict

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from core.bilingual import in_page_language, is_english_page
from core.images import image_source
from core.pagination import NearestPageMixin
from zones.filters import ZoneFilters
from zones.locator import locate
from zones.models import Industry, Region, Zone, ZoneIndustry


class ZoneListMixin(NearestPageMixin):
    """Published zones, 20 a page, with their regions and industries loaded.

    Page numbers that are not pages redirect to the nearest one (see
    core.pagination).
    """

    paginate_by = 20
    context_object_name = "zones"

    def get_zones(self):
        return Zone.objects.published()

    def get_queryset(self):
        return self.get_zones().for_listing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["nav_section"] = "zones"
        prepare_cards(context["zones"])
        return context


def prepare_cards(zones):
    """Give each zone what its card shows beyond its own fields, read for the
    whole page in two queries: `card_places`, the names of its province, city
    and county, and `card_industries`, (url, name, is_chinese_fallback) in
    catalogue order.

    Done once here rather than in the card template, which would build
    prefetched model instances, run a reverse() per industry link and a
    display_name per region: per card, twenty times a page.
    """
    zones = list(zones)
    english = is_english_page()
    places = {zone.pk: zone.region_ids for zone in zones}
    names = {
        pk: Region.display_name_of(name, name_en, level, english)
        for pk, name, name_en, level in Region.objects.filter(
            pk__in={pk for ids in places.values() for pk in ids}
        ).values_list("pk", "name", "name_en", "level")
    }
    url = Industry.directory_url()
    links = defaultdict(list)
    for zone_id, slug, name, name_en in (
        ZoneIndustry.objects.filter(content_object__in=[zone.pk for zone in zones])
        .order_by("pk")
        .values_list("content_object", "tag__slug", "tag__name", "tag__name_en")
    ):
        # The third item says the English page shows the Chinese name.
        shown = in_page_language(name, name_en, english)
        links[zone_id].append((url + slug, shown, english and shown == name))
    for zone in zones:
        zone.card_places = [names[pk] for pk in places[zone.pk]]
        zone.card_industries = links[zone.pk]


def region_crumbs(regions):
    """Breadcrumbs from the directory down through `regions` (top-down)."""
    crumbs = [{"label": _("Development zones"), "url": reverse("zones:index")}]
    for region in regions:
        crumbs.append({"label": region.display_name, "url": region.get_absolute_url()})
    return crumbs


class ZoneListView(ZoneListMixin, ListView):
    """The directory: every published zone, filtered by the query string."""

    template_name = "zones/zone_list.html"

    def get_zones(self):
        zones = super().get_zones()
        self.filters = ZoneFilters(self.request.GET)
        self.facets = self.filters.facets(zones)
        self.extension_facets = self.filters.extension_facets(zones)
        return self.filters.apply(zones)

    def get_queryset(self):
        zones = super().get_queryset()  # sets self.filters
        return self.filters.order(zones)

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        # The facets counted the matching zones already: no COUNT query.
        paginator.count = self.facets["total"]
        return paginator

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = self.filters
        # What the extensions add to the cards (a figure's value when
        # sorting by it), for the page's zones at once.
        filters.prepare_cards(context["zones"])
        context.update(
            filters=filters,
            facets=self.facets,
            extension_facets=self.extension_facets,
            sort_choices=filters.sort_choices(),
            active_filters=[
                (label, filters.form.url_without(self.request, name))
                for name, label in filters.active()
            ],
            breadcrumbs=[{"label": _("Development zones"), "url": ""}],
        )
        return context


class ZoneDetailView(DetailView):
    template_name = "zones/zone_detail.html"
    context_object_name = "zone"

    def get_queryset(self):
        return Zone.objects.published().with_regions().with_industries()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        zone = self.object
        # Province and city only: the county (when known) is in the facts.
        breadcrumbs = region_crumbs(
            region for region in zone.regions if region != zone.county
        )
        breadcrumbs.append({"label": zone.display_name, "url": ""})
        context.update(
            nav_section="zones",
            breadcrumbs=breadcrumbs,
            industries=zone.industry_list(),
            cover=image_source(zone, "cover", 960),
            logo=image_source(zone, "logo", 96),
            map_url=(
                "https://www.openstreetmap.org/"
                f"?mlat={zone.latitude}&mlon={zone.longitude}"
                f"#map=13/{zone.latitude}/{zone.longitude}"
                if zone.shows_location
                else ""
            ),
            locator=self.locator(zone),
            parks=list(zone.parks.all()),
        )
        return context

    @staticmethod
    def locator(zone):
        """The zone among the other zones of its province with a trusted
        point (zones.locator), or None when its own point is not shown."""
        if not zone.shows_location:
            return None
        others = list(
            Zone.objects.published()
            .filter(
                province_id=zone.province_id,
                is_location_reliable=True,
                latitude__isnull=False,
                longitude__isnull=False,
            )
            .exclude(pk=zone.pk)
            .values_list("latitude", "longitude")
        )
        return locate((zone.latitude, zone.longitude), others)


class RegionZoneListView(ZoneListMixin, ListView):
    """The zones of one province, city or county, with its child regions."""

    template_name = "zones/region_detail.html"

    def get_zones(self):
        self.region = get_object_or_404(
            Region.objects.select_related("parent__parent"), slug=self.kwargs["slug"]
        )
        return super().get_zones().in_region(self.region)

    def get_queryset(self):
        return super().get_queryset().order_by("name_en", "name", "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        region = self.region
        ancestors = [region.parent, region.parent and region.parent.parent]
        breadcrumbs = region_crumbs(
            ancestor for ancestor in reversed(ancestors) if ancestor is not None
        )
        breadcrumbs.append({"label": region.display_name, "url": ""})
        parameter = "province" if region.level == Region.Level.PROVINCE else "city"
        context.update(
            region=region,
            # A chip leads to a list of zones, so regions without any get none.
            children=[
                child
                for child in Region.objects.below(region).order_by("code")
                if child.zone_count
            ],
            directory_url=(
                f"{reverse('zones:index')}?{parameter}={region.slug}"
                if region.level != Region.Level.COUNTY
                else ""
            ),
            breadcrumbs=breadcrumbs,
        )
        return context
