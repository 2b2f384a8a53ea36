"""Regions and zones for tests: the one place that knows their required fields.

Codes are numbered from one counter, so every call makes a unique region
code and zone code; "9" starts region codes because no real province code
does, so they never meet the divisions an import test loads.
"""

from itertools import count

from zones.models import Industry, Region, Zone, ZoneIndustry

_numbers = count(1)


def make_region(name, slug, level, parent=None, name_en=""):
    return Region.objects.create(
        code=f"9{next(_numbers):05d}",
        name=name,
        name_en=name_en,
        slug=slug,
        level=level,
        parent=parent,
    )


def make_zone(name, slug, province, city=None, industries=(), **fields):
    """A published national ETDZ unless `fields` say otherwise; its English
    name drafted from the slug (pass name_en="" for a zone without one) and
    `industries` linked in the order given."""
    fields.setdefault("level", Zone.Level.NATIONAL)
    fields.setdefault("kind", Zone.Kind.ECONOMIC_TECHNOLOGICAL)
    fields.setdefault("code", f"T{next(_numbers):06d}")
    fields.setdefault("name_en", slug.replace("-", " ").title())
    zone = Zone.objects.create(
        name=name, slug=slug, province=province, city=city, **fields
    )
    for industry_name in industries:
        industry, _created = Industry.objects.get_or_create(
            name=industry_name, defaults={"slug": industry_name}
        )
        ZoneIndustry.objects.create(content_object=zone, tag=industry)
    return zone
