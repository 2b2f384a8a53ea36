import csv
import datetime
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from reversion.models import Version

from core.csv_import import checked_rows
from zones.models import Industry, Region, Zone, ZoneIndustry
from zones.naming import ZoneNamer, ascii_slug, strip_suffix

DATA_DIRECTORY = Path(settings.BASE_DIR) / "data" / "china-devzones-2018"
DEFAULT_FILES = (
    DATA_DIRECTORY / "national_zones_2018.csv",
    DATA_DIRECTORY / "provincial_zones_2018.csv",
)
# The project's reviewed English names of the catalogue's industries.
INDUSTRY_NAMES_EN = (
    Path(settings.BASE_DIR) / "data" / "industry-names" / "industries_en.csv"
)
# The date of the announcement that published the catalogue (公告2018年第4号
# of the NDRC and five other bodies): the catalogue fields are as of this day.
CATALOGUE_DATE = datetime.date(2018, 2, 26)

COLUMNS = (
    "序号",
    "代码",
    "开发区名称",
    "省份",
    "批准级别",
    "开发区类型",
    "批准时间",
    "核准面积_公顷",
    "主导产业",
    "经度_WGS84",
    "纬度_WGS84",
    "geocode_province_match",
    "geocode_shared_point",
    "geocode_city_derived",
)
LEVELS = {"国务院": Zone.Level.NATIONAL, "省政府": Zone.Level.PROVINCIAL}
CODE_PREFIX = {Zone.Level.NATIONAL: "G", Zone.Level.PROVINCIAL: "S"}
# The catalogue prints each kind by the Chinese name Chinese pages show.
# 高新技术产业开发区 is a kind at both levels; the code's type digit and the
# level tell them apart, the kind is the same.
KINDS = {name: kind for kind, name in Zone.KIND_NAMES_ZH.items()}
CODE_PATTERN = re.compile(r"[GS]\d{6}")
APPROVAL_PATTERN = re.compile(r"(\d{4})\.(\d{2})(?:/\d{4}\.\d{2})*")
# "在建" (under construction) is what the catalogue prints for customs zones
# not yet running. It is a state, not an industry: as a tag it would gather
# thirteen unrelated zones under a fake industry in the directory's filter.
NOT_INDUSTRIES = {"在建"}
# Stray punctuation around an industry (provincial 384 reads "食品.、…").
INDUSTRY_STRIP = " .。,，;；:：、"
PROGRESS_EVERY = 500

# The fields the catalogue owns: an import overwrites them. The English
# name, short name, slug, county, profile and contacts belong to the editors
# and are only drafted when a zone is created (--redraft-english drafts the
# English names again, with the current rules, of zones nobody has saved in
# the admin: those without a saved version).
CATALOGUE_FIELDS = (
    "name",
    "code",
    "kind",
    "province_id",
    "approved_on",
    "approval_text",
    "area_hectares",
    "latitude",
    "longitude",
    "data_as_of",
)


@dataclass
class CatalogueRow:
    source: str  # "file, line N" for messages
    number: int
    code: str
    name: str
    province_name: str
    level: str
    kind: str
    approval_text: str
    approved_on: datetime.date | None
    area_hectares: Decimal | None
    industries: list
    longitude: Decimal | None
    latitude: Decimal | None
    is_province_match: bool
    shared_point: int
    city_name: str

    @property
    def key(self):
        return (self.level, self.number)

    @property
    def is_location_reliable(self):
        """A point outside the province, or shared with other zones (a
        fallback geocode), is known to be wrong."""
        return (
            self.is_province_match
            and self.shared_point <= 1
            and self.latitude is not None
            and self.longitude is not None
        )


class CountyFinder:
    """The county a zone lies in, where its name says so without doubt.

    The catalogue has no county column, but most zone names begin with their
    county (海门经济技术开发区, 江苏海门工业园区 after the province). A county
    is taken when the name, with a leading province and city name dropped,
    begins with the name of exactly one county-level division of the zone's
    city (or, for a zone without a city, of those its province governs
    directly), compared without the suffix: the divisions list is newer
    than the 2018 catalogue, and a county that became a district (海门市 →
    海门区) keeps its name. Never used: names of one character (城区, 郊区),
    and a county named like its city or province (通化县 in 通化市), where
    the name cannot tell the city's zone from the county's.
    """

    def __init__(self, regions):
        self.counties = defaultdict(list)  # parent id -> [(stem, county)]
        self.short_names = {}
        for region in regions:
            self.short_names[region.pk] = strip_suffix(region.name, region.level)[0]
            if region.level == Region.Level.COUNTY:
                stem = strip_suffix(region.name, region.level)[0]
                if len(stem) >= 2:
                    self.counties[region.parent_id].append((stem, region))

    def find(self, name, province, city):
        """Return (county or None, reason): "found", "ambiguous" or "no match"."""
        parent = city or province
        places = [province.name, self.short_names[province.pk]]
        if city is not None and city != province:
            places += [city.name, self.short_names[city.pk]]
        starts = [name]
        for place in places:
            for start in list(starts):
                if start.startswith(place):
                    starts.append(start[len(place) :])
        found = {
            county
            for stem, county in self.counties[parent.pk]
            if stem not in places and any(start.startswith(stem) for start in starts)
        }
        if len(found) == 1:
            return found.pop(), "found"
        return None, "ambiguous" if found else "no match"


def parse_decimal(text, places, field, low=None, high=None, exact=False):
    """Parse `text` as a Decimal with `places` decimals (None when empty).

    With `exact`, a value with more decimals is an error (areas are printed to
    the hundredth); otherwise it is rounded (coordinates are approximate).
    """
    text = text.strip()
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"{field} {text!r} is not a number") from None
    if not value.is_finite():
        raise ValueError(f"{field} {text!r} is not a number")
    quantum = Decimal(1).scaleb(-places)
    rounded = value.quantize(quantum, rounding=ROUND_HALF_UP)
    if exact and rounded != value:
        raise ValueError(f"{field} {text!r} has more than {places} decimals")
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValueError(f"{field} {text!r} is out of range")
    return rounded


def split_industries(text):
    names = []
    for part in text.split("、"):
        name = part.strip(INDUSTRY_STRIP)
        if name and name not in NOT_INDUSTRIES and name not in names:
            names.append(name)
    return names


def parse_row(row, source):
    """Turn one CSV row into a CatalogueRow or raise ValueError with the reason."""
    number_text = row["序号"].strip()
    if not number_text.isdigit() or int(number_text) == 0:
        raise ValueError(f"序号 {number_text!r} is not a positive whole number")
    level = LEVELS.get(row["批准级别"].strip())
    if level is None:
        raise ValueError(f"批准级别 {row['批准级别']!r} is neither 国务院 nor 省政府")
    code = row["代码"].strip()
    if not CODE_PATTERN.fullmatch(code):
        raise ValueError(f"代码 {code!r} is not G or S followed by six digits")
    if code[0] != CODE_PREFIX[level]:
        raise ValueError(f"代码 {code} does not match level {row['批准级别']}")
    name = row["开发区名称"].strip()
    if not name:
        raise ValueError("开发区名称 is empty")
    if len(name) > Zone._meta.get_field("name").max_length:
        raise ValueError("开发区名称 is too long")
    kind = KINDS.get(row["开发区类型"].strip())
    if kind is None:
        raise ValueError(f"开发区类型 {row['开发区类型']!r} is not a known kind")
    approval_text = row["批准时间"].strip()
    approved_on = None
    if approval_text:
        match = APPROVAL_PATTERN.fullmatch(approval_text)
        month = int(match.group(2)) if match else 0
        if not match or not 1 <= month <= 12:
            raise ValueError(f"批准时间 {approval_text!r} is not YYYY.MM")
        # Two zones print two dates (an extension approved later); the first
        # is when the zone itself was approved.
        approved_on = datetime.date(int(match.group(1)), month, 1)
    area = parse_decimal(row["核准面积_公顷"], 2, "核准面积_公顷", low=0, exact=True)
    if area is not None and area >= Decimal("1e8"):
        raise ValueError(f"核准面积_公顷 {area} is out of range")
    longitude = parse_decimal(row["经度_WGS84"], 6, "经度_WGS84", -180, 180)
    latitude = parse_decimal(row["纬度_WGS84"], 6, "纬度_WGS84", -90, 90)
    match_text = row["geocode_province_match"].strip()
    if match_text not in {"0", "1", ""}:
        raise ValueError(f"geocode_province_match {match_text!r} is not 0 or 1")
    shared_text = row["geocode_shared_point"].strip() or "1"
    if not shared_text.isdigit():
        raise ValueError(f"geocode_shared_point {shared_text!r} is not a count")
    return CatalogueRow(
        source=source,
        number=int(number_text),
        code=code,
        name=name,
        province_name=row["省份"].strip(),
        level=level,
        kind=kind,
        approval_text=approval_text,
        approved_on=approved_on,
        area_hectares=area,
        industries=split_industries(row["主导产业"]),
        longitude=longitude,
        latitude=latitude,
        is_province_match=match_text == "1",
        shared_point=int(shared_text),
        city_name=row["geocode_city_derived"].strip(),
    )


def read_catalogue(path):
    """Read and check every row of one catalogue file.

    Raises CommandError naming the file and line of the first bad row, before
    anything is written.
    """
    rows = []
    for source, row in checked_rows(path, COLUMNS, encoding="utf-8-sig"):
        try:
            rows.append(parse_row(row, source))
        except ValueError as error:
            raise CommandError(f"{source}: {error}") from None
    return rows


def read_industry_names(path):
    """The {Chinese name: English name} table of industries (see its SOURCE.md)."""
    try:
        handle = open(path, encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror}") from error
    with handle:
        reader = csv.DictReader(handle)
        if not {"name", "name_en"} <= set(reader.fieldnames or []):
            raise CommandError(f"{path}: needs the columns name and name_en")
        return {
            row["name"].strip(): row["name_en"].strip()
            for row in reader
            if row["name"] and row["name_en"] and row["name_en"].strip()
        }


class Command(BaseCommand):
    help = "Import the 2018 catalogue of development zones into the directory."

    def add_arguments(self, parser):
        parser.add_argument(
            "files",
            nargs="*",
            type=Path,
            help="Catalogue CSV files (default: the national and provincial "
            "files in data/china-devzones-2018/).",
        )
        parser.add_argument(
            "--redraft-english",
            action="store_true",
            help="Draft the English names again for zones never saved in the admin "
            "(after the drafting rules improved).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would change without writing anything.",
        )

    def handle(self, *args, files, dry_run, redraft_english, verbosity, **options):
        started = time.monotonic()
        self.redraft_english = redraft_english
        self.verbosity = verbosity
        self.dry_run = dry_run
        rows = []
        for path in files or DEFAULT_FILES:
            rows.extend(read_catalogue(path))
        with transaction.atomic():
            report = self.apply(rows)
            if dry_run:
                transaction.set_rollback(True)
        self.summarise(report, time.monotonic() - started)

    def log(self, message, level=1):
        if self.verbosity >= level:
            self.stdout.write(message)

    def apply(self, rows):
        provinces = {
            region.name: region
            for region in Region.objects.filter(level=Region.Level.PROVINCE)
        }
        if not provinces:
            raise CommandError("There are no regions yet: run import_regions first.")
        cities = {
            (region.parent_id, region.name): region
            for region in Region.objects.filter(level=Region.Level.CITY)
        }
        county_finder = CountyFinder(Region.objects.only("name", "level", "parent"))
        namer = ZoneNamer.from_regions(Region.objects.values_list("name", "level"))
        existing = {
            (zone.level, zone.catalogue_number): zone
            for zone in Zone.objects.filter(
                catalogue_number__isnull=False
            ).select_related("city")
        }
        # Each zone's industries in catalogue order (links are made in order).
        linked = defaultdict(list)
        for zone_id, name in ZoneIndustry.objects.order_by("pk").values_list(
            "content_object_id", "tag__name"
        ):
            linked[zone_id].append(name)
        taken_slugs = set(Zone.objects.values_list("slug", flat=True))
        edited = {
            int(pk)
            for pk in Version.objects.get_for_model(Zone).values_list(
                "object_id", flat=True
            )
        }

        report = {
            "industry_names": (0, 0),
            "created": [],
            "updated": [],
            "unchanged": 0,
            "skipped": Counter(),
            "duplicate_codes": [],
            "without_city": 0,
            "industries_created": 0,
            "counties": Counter(),
        }
        seen = {}
        first_with_code = {}
        planned_industries = []  # (zone, industry names) to link after saving
        to_create, to_update, update_fields = [], [], set()
        now = timezone.now()

        for index, row in enumerate(rows, start=1):
            if index % PROGRESS_EVERY == 0:
                self.log(f"  {index}/{len(rows)} rows processed")
            if row.key in seen:
                report["skipped"][
                    "same catalogue number and level as an earlier row"
                ] += 1
                continue
            seen[row.key] = row
            other = first_with_code.setdefault(row.code, row)
            if other is not row:
                report["duplicate_codes"].append((row.code, other, row))

            province = provinces.get(row.province_name)
            if province is None:
                raise CommandError(
                    f"{row.source}: unknown province {row.province_name!r}"
                )
            city = self.trusted_city(row, province, cities)
            zone = existing.get(row.key)
            # The county belongs to the editors: drafted when missing, never
            # replaced. Looked up in the city the zone will have.
            county = None
            if zone is not None and zone.county_id is not None:
                report["counties"]["already set"] += 1
            else:
                known_city = city
                if city is None and zone is not None and zone.city_id is not None:
                    known_city = zone.city
                county, outcome = county_finder.find(row.name, province, known_city)
                report["counties"][outcome] += 1
            values = {
                "name": row.name,
                "code": row.code,
                "kind": row.kind,
                "province_id": province.pk,
                "approved_on": row.approved_on,
                "approval_text": row.approval_text,
                "area_hectares": row.area_hectares,
                "latitude": row.latitude,
                "longitude": row.longitude,
                "data_as_of": CATALOGUE_DATE,
            }
            if zone is None:
                zone = Zone(
                    level=row.level,
                    catalogue_number=row.number,
                    city=city,
                    county=county,
                    name_en=namer.english(row.name),
                    short_name=namer.short_name(row.name),
                    is_location_reliable=row.is_location_reliable,
                    **values,
                )
                zone.slug = self.unique_slug(zone, province, taken_slugs)
                to_create.append(zone)
                planned_industries.append((zone, row.industries))
                report["created"].append(zone)
                if zone.city_id is None:
                    report["without_city"] += 1
                continue

            changed = [
                field
                for field in CATALOGUE_FIELDS
                if getattr(zone, field) != values[field]
            ]
            for field in changed:
                setattr(zone, field, values[field])
            # Staff may have set a city the source could not give, so the
            # import only ever replaces a city with a trustworthy one.
            if city is not None and zone.city_id != city.pk:
                zone.city_id = city.pk
                changed.append("city_id")
            if county is not None:
                zone.county = county
                changed.append("county_id")
            if self.redraft_english and zone.pk not in edited:
                draft = namer.english(row.name)
                if zone.name_en != draft:
                    zone.name_en = draft
                    changed.append("name_en")
            # A point the editors checked keeps their verdict; a new point
            # gets the source's.
            moved = "latitude" in changed or "longitude" in changed
            if moved and zone.is_location_reliable != row.is_location_reliable:
                zone.is_location_reliable = row.is_location_reliable
                changed.append("is_location_reliable")
            if row.industries != linked.get(zone.pk, []):
                planned_industries.append((zone, row.industries))
                changed.append("industries")
            if zone.city_id is None:
                report["without_city"] += 1
            if not changed:
                report["unchanged"] += 1
                continue
            report["updated"].append((zone, changed))
            fields = [field for field in changed if field != "industries"]
            if fields:
                zone.updated_at = now
                update_fields.update(fields, {"updated_at"})
                to_update.append(zone)

        Zone.objects.bulk_create(to_create, batch_size=500)
        if to_update:
            Zone.objects.bulk_update(to_update, sorted(update_fields), batch_size=500)
        report["industries_created"] = self.link_industries(planned_industries)
        report["industry_names"] = self.fill_industry_names()
        return report

    def fill_industry_names(self):
        """Give industries without an English name the one in the table.

        Returns (filled, still without one). A name staff wrote stays.
        """
        table = read_industry_names(INDUSTRY_NAMES_EN)
        filled = []
        for industry in Industry.objects.filter(name_en="", name__in=table):
            industry.name_en = table[industry.name]
            filled.append(industry)
        Industry.objects.bulk_update(filled, ["name_en"], batch_size=500)
        if filled:
            # The zones' search copy carries the English names too.
            Zone.objects.filter(
                zoneindustry__tag__in=filled
            ).distinct().refresh_industry_text()
        return len(filled), Industry.objects.filter(name_en="").count()

    def trusted_city(self, row, province, cities):
        """The derived city, when the geocode is in the right province and the
        city belongs to it (a municipality is its own city); otherwise None."""
        if not row.is_province_match or not row.city_name:
            return None
        if row.city_name == province.name:
            return province if province.name.endswith("市") else None
        return cities.get((province.pk, row.city_name))

    def unique_slug(self, zone, province, taken):
        base = ascii_slug(zone.name_en, max_length=120) or slugify(zone.code)
        slug = base
        if slug in taken:
            slug = f"{base}-{province.slug}"
        counter = 2
        while slug in taken:
            slug = f"{base}-{province.slug}-{counter}"
            counter += 1
        taken.add(slug)
        return slug

    def link_industries(self, planned):
        """Replace the industry tags of the (zone, names) pairs, in bulk.

        Returns how many industries were created. Adding tags one zone at a
        time through the tag manager costs several queries per zone; this
        costs a handful for the whole catalogue.
        """
        if not planned:
            return 0
        wanted_names = {name for _zone, names in planned for name in names}
        industries = {
            industry.name: industry
            for industry in Industry.objects.filter(name__in=wanted_names)
        }
        missing = sorted(wanted_names - set(industries))
        if missing:
            taken = set(Industry.objects.values_list("slug", flat=True))
            new = []
            for name in missing:
                base = slugify(name, allow_unicode=True) or "industry"
                slug, counter = base, 2
                while slug in taken:
                    slug, counter = f"{base}-{counter}", counter + 1
                taken.add(slug)
                new.append(Industry(name=name, slug=slug))
            Industry.objects.bulk_create(new, batch_size=500)
            industries.update((industry.name, industry) for industry in new)
        zone_ids = [zone.pk for zone, _names in planned]
        ZoneIndustry.objects.filter(content_object_id__in=zone_ids).delete()
        ZoneIndustry.objects.bulk_create(
            [
                ZoneIndustry(content_object_id=zone.pk, tag_id=industries[name].pk)
                for zone, names in planned
                for name in names
            ],
            batch_size=1000,
        )
        # The search's copy of the industries; bulk_create sends no signal.
        Zone.objects.filter(pk__in=zone_ids).refresh_industry_text()
        return len(missing)

    def summarise(self, report, seconds):
        if not self.verbosity:
            return
        write = self.stdout.write
        created, updated = report["created"], report["updated"]
        limit = None if self.verbosity >= 2 else 20
        if self.dry_run or self.verbosity >= 2:
            create_verb = "would create" if self.dry_run else "created"
            update_verb = "would update" if self.dry_run else "updated"
            for zone in created[:limit]:
                write(f"  {create_verb} {zone.code} {zone.name}")
            for zone, changed in updated[:limit]:
                fields = ", ".join(field.removesuffix("_id") for field in changed)
                write(f"  {update_verb} {zone.code} {zone.name}: {fields}")
            hidden = (
                len(created)
                + len(updated)
                - len(created[:limit])
                - len(updated[:limit])
            )
            if hidden > 0:
                write(f"  … and {hidden} more (-v 2 lists them all)")
        for code, first, second in report["duplicate_codes"]:
            write(
                self.style.WARNING(
                    f"Duplicate code {code}: {first.number} {first.name} and "
                    f"{second.number} {second.name} (both kept, told apart by "
                    "their catalogue numbers)."
                )
            )
        skipped = report["skipped"]
        prefix = "Dry run, nothing written. Would have: " if self.dry_run else ""
        write(
            f"{prefix}Zones: {len(created)} created, {len(updated)} updated, "
            f"{report['unchanged']} unchanged, {sum(skipped.values())} skipped."
        )
        for reason, number in skipped.items():
            write(f"  skipped {number}: {reason}")
        filled, without = report["industry_names"]
        write(
            f"Industries: {report['industries_created']} created, {filled} English "
            f"names filled from the table, {without} without an English name"
            + (
                " (python manage.py report_untranslated lists them)."
                if without
                else "."
            )
        )
        write(
            f"Zones without a city: {report['without_city']} (the source gives no "
            "trustworthy city; they keep their province)."
        )
        counties = report["counties"]
        write(
            f"Counties: {counties['found']} found from the zone's name, "
            f"{counties['already set']} already set (kept), "
            f"{counties['ambiguous']} ambiguous and {counties['no match']} with no "
            "county in the name (left empty)."
        )
        if not created and not updated:
            write(
                self.style.SUCCESS(
                    "Nothing changed: the zones already match the catalogue."
                )
            )
        write(f"Took {seconds:.1f} s.")
