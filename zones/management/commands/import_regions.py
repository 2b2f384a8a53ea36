from collections import Counter, defaultdict
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.csv_import import checked_rows
from zones.models import Region
from zones.naming import ascii_slug, region_english

DEFAULT_DIRECTORY = Path(settings.BASE_DIR) / "data" / "admin-divisions-cn"

# City rows that are not cities: the districts of the four municipalities are
# listed under 市辖区 (and 重庆's counties under 县), and county-level units
# governed directly by a province under 省/自治区直辖县级行政区划. Their
# counties hang directly under the province; for a municipality the
# municipality itself acts as the city.
PLACEHOLDER_CITY_NAMES = {"市辖区", "县"}
PLACEHOLDER_CITY_SUFFIX = "直辖县级行政区划"


def is_statistical_area(code):
    """Codes xxxx71–xxxx80 are statistical areas, not administrative divisions.

    The statistics bureau numbers development zones and management areas
    there (320671 南通经济技术开发区), so importing them as counties would put
    zones into the region tree twice.
    """
    return 71 <= int(code[4:]) <= 80


class Command(BaseCommand):
    help = "Import provinces, prefecture-level cities and counties (GB/T 2260)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--directory",
            type=Path,
            default=DEFAULT_DIRECTORY,
            help="Folder with provinces.csv, cities.csv and areas.csv.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would change without writing anything.",
        )

    def handle(self, *args, directory, dry_run, verbosity, **options):
        self.verbosity = verbosity
        provinces = self.read(directory / "provinces.csv", ("code", "name"), 2)
        cities = self.read(
            directory / "cities.csv", ("code", "name", "provinceCode"), 4
        )
        areas = self.read(
            directory / "areas.csv", ("code", "name", "cityCode", "provinceCode"), 6
        )

        wanted = []  # (code, name, level, parent code), parents first
        skipped = Counter()
        parent_of_city = {}
        for row in provinces:
            wanted.append((row["code"], row["name"], Region.Level.PROVINCE, None))
        for row in cities:
            if row["provinceCode"] != row["code"][:2]:
                raise CommandError(
                    f"{row['_source']}: city {row['code']} is not in province "
                    f"{row['provinceCode']}"
                )
            name = row["name"]
            if name in PLACEHOLDER_CITY_NAMES or name.endswith(PLACEHOLDER_CITY_SUFFIX):
                parent_of_city[row["code"]] = row["provinceCode"]
                skipped["placeholder city rows"] += 1
                continue
            parent_of_city[row["code"]] = row["code"]
            wanted.append((row["code"], name, Region.Level.CITY, row["provinceCode"]))
        for row in areas:
            if row["cityCode"] not in parent_of_city:
                raise CommandError(
                    f"{row['_source']}: county {row['code']} names unknown city "
                    f"{row['cityCode']}"
                )
            if is_statistical_area(row["code"]):
                skipped["statistical areas (development zones, not divisions)"] += 1
                continue
            wanted.append(
                (
                    row["code"],
                    row["name"],
                    Region.Level.COUNTY,
                    parent_of_city[row["cityCode"]],
                )
            )

        with transaction.atomic():
            counts = self.apply(wanted)
            if dry_run:
                transaction.set_rollback(True)

        if verbosity:
            prefix = "Dry run, nothing written. Would have: " if dry_run else ""
            self.stdout.write(
                f"{prefix}Regions: {counts['created']} created, "
                f"{counts['updated']} updated, {counts['unchanged']} unchanged, "
                f"{sum(skipped.values())} skipped."
            )
            for reason, number in skipped.items():
                self.stdout.write(f"  skipped {number}: {reason}")
            if not counts["created"] and not counts["updated"]:
                self.stdout.write(
                    self.style.SUCCESS("Nothing changed: the regions are up to date.")
                )

    def read(self, path, columns, code_length):
        rows = []
        for source, row in checked_rows(path, columns):
            code = row["code"].strip()
            if len(code) != code_length or not code.isdigit():
                raise CommandError(
                    f"{source}: code {code!r} is not {code_length} digits"
                )
            name = row["name"].strip()
            if not name:
                raise CommandError(f"{source}: empty name")
            rows.append({**row, "code": code, "name": name, "_source": source})
        return rows

    def apply(self, wanted):
        """Create new regions and update changed ones, parents before children."""
        existing = {region.code: region for region in Region.objects.all()}
        taken = {region.slug for region in existing.values()}
        counts = Counter(created=0, updated=0, unchanged=0)
        for level in Region.Level.values:
            batch = [item for item in wanted if item[2] == level]
            new = []
            changed = []
            for code, name, _level, parent_code in batch:
                parent_id = existing[parent_code].pk if parent_code else None
                region = existing.get(code)
                if region is None:
                    new.append(
                        Region(
                            code=code,
                            name=name,
                            level=level,
                            parent_id=parent_id,
                            name_en=region_english(name, level),
                        )
                    )
                    continue
                # The official name, level and parent follow the source; the
                # English name and slug are editorial and stay as staff left them.
                if (region.name, region.level, region.parent_id) != (
                    name,
                    level,
                    parent_id,
                ):
                    region.name, region.level, region.parent_id = name, level, parent_id
                    changed.append(region)
                else:
                    counts["unchanged"] += 1
            self.assign_slugs(new, existing, taken)
            Region.objects.bulk_create(new, batch_size=500)
            Region.objects.bulk_update(
                changed, ["name", "level", "parent"], batch_size=500
            )
            for region in new:
                existing[region.code] = region
            counts["created"] += len(new)
            counts["updated"] += len(changed)
            if self.verbosity >= 2:
                for region in new:
                    self.stdout.write(
                        f"  created {region.code} {region.name} ({region.slug})"
                    )
                for region in changed:
                    self.stdout.write(f"  updated {region.code} {region.name}")
        return counts

    def assign_slugs(self, regions, existing, taken):
        """Give each new region a unique ASCII slug from its English name.

        When several regions share a name (泰州 and 台州 are both Taizhou), each
        of them gets its parent's slug appended, so neither keeps the bare
        name by accident of order: taizhou-jiangsu and taizhou-zhejiang.
        """
        by_id = {region.pk: region for region in existing.values()}
        bases = {
            region.code: ascii_slug(region.name_en) or region.code for region in regions
        }
        shared = Counter(bases.values())
        groups = defaultdict(list)
        for region in regions:
            base = bases[region.code]
            if shared[base] > 1 or base in taken:
                parent = by_id.get(region.parent_id)
                if parent is not None:
                    base = f"{base}-{parent.slug}"
            groups[base].append(region)
        for base, members in groups.items():
            for region in members:
                slug = base
                if slug in taken or len(members) > 1:
                    slug = f"{base}-{region.code}"
                region.slug = slug
                taken.add(slug)
