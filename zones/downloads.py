"""The zone catalogue as open data: CSV and GeoJSON (see core.downloads).

Published zones only, with the fields of the official 2018 catalogue, what
the portal adds (English names, cities and counties, addresses on the
portal) and a point only where the zone says it is trustworthy
(Zone.shows_location). The /data/ page (portal) explains the fields.
"""

from django.db.models import Count, F, Max
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from core.cache import content_version, guarded, remembered
from core.downloads import (
    CHUNK_SIZE,
    CODE,
    DATE,
    DATETIME,
    DECIMAL,
    INTEGER,
    PORTAL_LICENCE,
    PORTAL_LICENCE_SPDX,
    PORTAL_LICENCE_URL,
    TEXT,
    URL,
    Dataset,
    Download,
    Field,
    Summary,
    csv_chunks,
    detail_url_prefixes,
    geojson_chunks,
    iso_datetime,
    page_url,
    version_tag,
)
from core.http_cache import download_response
from core.models import SiteSettings
from zones.models import Zone

# Raise when the files' columns change, so cached copies are replaced.
FORMAT_VERSION = 1

CATALOGUE_TITLE = "《中国开发区审核公告目录》（2018年版）"
CATALOGUE_ISSUERS = (
    "国家发展改革委 科技部 国土资源部 住房城乡建设部 商务部 海关总署 公告2018年第4号"
)
TRANSCRIPTION = "github.com/kaiwulaw/china-industrial-zones-atlas"
TRANSCRIPTION_FILE = "data/enriched.csv (commit 358d79bb)"
# The languages of the zone pages the files link (url and url_en).
LANGUAGES = ("zh-hans", "en")

FIELDS = (
    Field(
        "slug",
        TEXT,
        _(
            "The zone's identifier on the portal: unique, stable, and the end "
            "of its page's address. Use it to join the articles' zone_slug."
        ),
    ),
    Field(
        "code",
        TEXT,
        _(
            "Catalogue code: G (national) or S (provincial), the province's "
            "two digits, a kind digit and a number. Not unique (see the known "
            "defects)."
        ),
    ),
    Field(
        "catalogue_number",
        INTEGER,
        _(
            "Number (序号) in the catalogue, counted separately for national "
            "and provincial zones."
        ),
    ),
    Field("name", TEXT, _("Official name, as the catalogue prints it.")),
    Field(
        "name_en",
        TEXT,
        _(
            "English name, drafted by the portal from the Chinese (places in "
            "pinyin) and corrected by staff."
        ),
    ),
    Field("short_name", TEXT, _("Short name (e.g. 海门经开区), where one is set.")),
    Field(
        "level",
        CODE,
        _(
            "national: approved by the State Council (国家级); provincial: "
            "approved by a provincial government (省级)."
        ),
    ),
    Field(
        "kind",
        CODE,
        format_lazy(
            "{}: {}",
            _("Kind of zone"),
            "; ".join(
                f"{kind.value} {name}" for kind, name in Zone.KIND_NAMES_ZH.items()
            ),
        ),
    ),
    Field("province_code", TEXT, _("GB/T 2260 code of the province.")),
    Field("province", TEXT, _("Province, in Chinese.")),
    Field("city_code", TEXT, _("GB/T 2260 code of the city.")),
    Field(
        "city",
        TEXT,
        _(
            "Prefecture-level city, where the portal could derive it from the "
            "geocoded address or staff set it; otherwise empty."
        ),
    ),
    Field("county_code", TEXT, _("GB/T 2260 code of the county.")),
    Field(
        "county",
        TEXT,
        _(
            "County-level division, where the zone's name names exactly one "
            "of its city's; otherwise empty."
        ),
    ),
    Field(
        "approval",
        TEXT,
        _(
            "Approval date as printed: YYYY.MM, or two dates separated by /. "
            "For a zone raised to national level, the date it was raised."
        ),
    ),
    Field("approved_on", DATE, _("The (first) approval date; the day is always 1.")),
    Field(
        "area_hectares",
        DECIMAL,
        _("Approved area in hectares (divide by 100 for km²)."),
    ),
    Field(
        "industries",
        TEXT,
        _("Leading industries in the catalogue's order, separated by 、."),
    ),
    Field(
        "industries_en",
        TEXT,
        _(
            "The same in English, separated by semicolons; an industry "
            "without an English name keeps its Chinese one."
        ),
    ),
    Field(
        "latitude",
        DECIMAL,
        _(
            "Latitude (WGS 84), only where the portal trusts the point; "
            "otherwise empty. In GeoJSON, the geometry."
        ),
    ),
    Field(
        "longitude",
        DECIMAL,
        _("Longitude (WGS 84), under the same rule. In GeoJSON, the geometry."),
    ),
    Field("website", URL, _("The zone's own website, where its staff gave one.")),
    Field("url", URL, _("The zone's page on this portal, in Chinese.")),
    Field("url_en", URL, _("The zone's page on this portal, in English.")),
    Field(
        "updated_at",
        DATETIME,
        _("When the zone's record on the portal last changed."),
    ),
)
HEADER = tuple(field.name for field in FIELDS)
# GeoJSON carries the point as the geometry, not as properties.
PROPERTIES = tuple(name for name in HEADER if name not in ("latitude", "longitude"))

PREAMBLE_LINES = 7


def summary(now=None):
    """Published zones: how many, and the newest change, from the cache
    while nothing changed (core.cache.remembered)."""
    return remembered("data:zones", count_published, now)


def count_published(now=None):
    """Published zones: how many, and the newest change (one query)."""
    found = Zone.objects.published().aggregate(
        count=Count("pk"), last_modified=Max("updated_at")
    )
    return Summary(found["count"], found["last_modified"])


DATASET = Dataset(
    key="zones",
    title=_("Development zone catalogue"),
    description=_(
        "Every published zone of the directory: the official 2018 catalogue "
        "of China's 2,543 development zones (552 national, 1,991 provincial) "
        "with what the portal adds: English names, cities and counties, "
        "trusted points and links to the zones' pages. One row (CSV) or "
        "feature (GeoJSON) per zone."
    ),
    fields=FIELDS,
    downloads=(
        Download("CSV", "data-zones-csv", "text/csv"),
        Download("GeoJSON", "data-zones-geojson", "application/geo+json"),
    ),
    summary=summary,
    preamble_lines=PREAMBLE_LINES,
    api_url_name="api:zone-list",
    licence=_(
        "The catalogue fields (code, number, name, level, kind, province, "
        "approval date, area and industries) come from an official "
        "government announcement, as transcribed in a public repository that "
        "states no licence. The points were geocoded by that repository's "
        "author with the AMap web service; their reuse terms are unclear. "
        "What the portal adds (English names, cities and counties, slugs, "
        "links, corrections) is licensed under CC BY 4.0."
    ),
    sources=(
        f"{CATALOGUE_TITLE} {CATALOGUE_ISSUERS}",
        f"https://{TRANSCRIPTION} — {TRANSCRIPTION_FILE}",
    ),
    defects=(
        _(
            "Points: about one in ten is wrong (outside the zone's province, "
            "or a fallback shared by several zones). The portal leaves those "
            "out; the others are rough."
        ),
        _(
            "One code appears twice: S377018 is both 山东淄川经济开发区 and "
            "山东临淄经济开发区. Key rows on slug, or on level and number."
        ),
        _(
            "A typo kept from the source: 湽博高新技术产业开发区 (national "
            "number 296) should read 淄博."
        ),
        _(
            "A 2018 snapshot: zones approved since are missing and some "
            "places have been renamed or merged (莱芜 into 济南 in 2019)."
        ),
        _(
            "The catalogue names no city or county: the portal's are derived "
            "from the geocoded address and the zone's name, and are hints."
        ),
        _(
            "The rows were transcribed by hand from the repository, not "
            "copied byte for byte; the issuing bodies were not checked against "
            "the printed announcement."
        ),
    ),
)


def _zones():
    """Published zones in catalogue order, regions joined, industries
    prefetched one query per chunk."""
    return (
        Zone.objects.published()
        .with_regions()
        .with_industries()
        .defer("profile", "profile_en", "profile_text", "industry_text")
        .order_by("level", F("catalogue_number").asc(nulls_last=True), "pk")
    )


def _region(region):
    return (region.code, region.name) if region is not None else ("", "")


def _decimal(value):
    return "" if value is None else str(value)


def _properties(zone, prefixes):
    industries = zone.industry_list()
    province_code, province = _region(zone.province)
    city_code, city = _region(zone.city)
    county_code, county = _region(zone.county)
    return {
        "slug": zone.slug,
        "code": zone.code,
        "catalogue_number": zone.catalogue_number,
        "name": zone.name,
        "name_en": zone.name_en,
        "short_name": zone.short_name,
        "level": zone.level,
        "kind": zone.kind,
        "province_code": province_code,
        "province": province,
        "city_code": city_code,
        "city": city,
        "county_code": county_code,
        "county": county,
        "approval": zone.approval_text,
        "approved_on": zone.approved_on.isoformat() if zone.approved_on else "",
        "area_hectares": _decimal(zone.area_hectares),
        "industries": "、".join(industry.name for industry in industries),
        "industries_en": "; ".join(
            industry.name_en or industry.name for industry in industries
        ),
        "website": zone.website,
        "url": f"{prefixes['zh-hans']}{zone.slug}/",
        "url_en": f"{prefixes['en']}{zone.slug}/",
        "updated_at": iso_datetime(zone.updated_at),
    }


def _point(zone):
    if not zone.shows_location:
        return None
    return zone.latitude, zone.longitude


def _preamble(request, found, site):
    page = page_url(request, "data", "zh-hans")
    page_en = page_url(request, "data", "en")
    return [
        f"# 开发区目录 Development zone catalogue — {site.site_name} {page}",
        f"# Rows: {found.count} published zones; last change "
        f"{iso_datetime(found.last_modified) or '-'}",
        f"# Catalogue fields: {CATALOGUE_TITLE} {CATALOGUE_ISSUERS}",
        f"# Transcribed from {TRANSCRIPTION} {TRANSCRIPTION_FILE} "
        "which states no licence",
        "# latitude and longitude: geocoded by that repository's author with "
        "the AMap web service (WGS 84); reuse terms unclear; given only where "
        "the portal trusts the point",
        f"# What the portal adds (English names; cities and counties; slugs; "
        f"links; corrections): {PORTAL_LICENCE} {PORTAL_LICENCE_URL} — "
        f"attribute {site.site_name} ({request.build_absolute_uri('/')})",
        f"# Fields and known defects: {page_en}",
    ]


def _download(request, extension, content_type, chunks):
    now = timezone.now()
    found = summary(now)
    version = version_tag(
        FORMAT_VERSION,
        extension,
        found,
        guarded(content_version),
        request.build_absolute_uri("/"),
    )
    stamp = found.last_modified or now
    return download_response(
        request,
        version=version,
        last_modified=found.last_modified,
        filename=f"investportal-zones-{stamp:%Y-%m-%d}.{extension}",
        content_type=content_type,
        chunks=lambda: chunks(found),
    )


@require_safe
def catalogue_csv(request):
    base = request.build_absolute_uri("/").rstrip("/")
    site = SiteSettings.load()

    def chunks(found):
        prefixes = detail_url_prefixes(base, "zones:detail", "slug", LANGUAGES)

        def rows():
            for zone in _zones().iterator(chunk_size=CHUNK_SIZE):
                values = _properties(zone, prefixes)
                point = _point(zone) or ("", "")
                values["latitude"], values["longitude"] = map(_decimal, point)
                yield [values[name] for name in HEADER]

        return csv_chunks(_preamble(request, found, site), HEADER, rows())

    return _download(request, "csv", "text/csv; charset=utf-8", chunks)


@require_safe
def catalogue_geojson(request):
    base = request.build_absolute_uri("/").rstrip("/")
    site = SiteSettings.load()

    def chunks(found):
        page_en = page_url(request, "data", "en")
        members = {
            "title": "开发区目录 Development zone catalogue",
            "license": PORTAL_LICENCE_SPDX,
            "license_url": PORTAL_LICENCE_URL,
            "attribution": (
                f"{site.site_name} ({base}/); catalogue: {CATALOGUE_TITLE} "
                f"{CATALOGUE_ISSUERS}; points: {TRANSCRIPTION} (AMap)"
            ),
            "license_scope": (
                "CC BY 4.0 covers what the portal adds (English names, cities "
                "and counties, slugs, links, corrections). The catalogue "
                "fields come from the official announcement named in "
                "sources; the points were geocoded by the transcribing "
                "repository's author, which states no licence, so their "
                "reuse terms are unclear. Only points the portal trusts are "
                "given; other zones have a null geometry."
            ),
            "sources": [
                {"title": f"{CATALOGUE_TITLE} {CATALOGUE_ISSUERS}"},
                {
                    "title": "China industrial zones atlas (transcription and "
                    "geocoding)",
                    "path": f"https://{TRANSCRIPTION}",
                    "file": TRANSCRIPTION_FILE,
                },
            ],
            "documentation": page_en,
            "count": found.count,
            "last_modified": iso_datetime(found.last_modified),
        }

        prefixes = detail_url_prefixes(base, "zones:detail", "slug", LANGUAGES)

        def features():
            for zone in _zones().iterator(chunk_size=CHUNK_SIZE):
                point = _point(zone)
                geometry = None
                if point is not None:
                    latitude, longitude = point
                    geometry = {
                        "type": "Point",
                        "coordinates": [float(longitude), float(latitude)],
                    }
                properties = _properties(zone, prefixes)
                properties["area_hectares"] = (
                    None if zone.area_hectares is None else float(zone.area_hectares)
                )
                properties["approved_on"] = properties["approved_on"] or None
                yield {
                    "type": "Feature",
                    "id": zone.slug,
                    "geometry": geometry,
                    "properties": {name: properties[name] for name in PROPERTIES},
                }

        return geojson_chunks(members, features())

    return _download(request, "geojson", "application/geo+json", chunks)
