from collections import defaultdict

from django.core.management.base import BaseCommand
from django.db.models import Q

from zones.models import Industry, Park, Region, Zone
from zones.naming import ZoneNamer


class Command(BaseCommand):
    help = "List what English pages show in Chinese or in drafted pinyin, for staff."

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit",
            type=int,
            default=50,
            help="Rows shown per list (0: all of them).",
        )

    def handle(self, *args, limit, verbosity, **options):
        if not verbosity:
            return
        self.limit = limit or None
        industries = list(
            Industry.objects.filter(name_en="", zone_links__isnull=False)
            .distinct()
            .values_list("name", flat=True)
        )
        self.section(
            "Industries without an English name (admin: Industries; or add them to "
            "data/industry-names/industries_en.csv and run import_zones)",
            industries,
        )
        self.section(
            "Zones without an English name",
            Zone.objects.filter(name_en="").values_list("name", flat=True),
        )
        namer = ZoneNamer.from_regions(Region.objects.values_list("name", "level"))
        parts = defaultdict(list)
        for name, name_en in Zone.objects.values_list("name", "name_en"):
            for part in namer.untranslated(name):
                parts[part].append(f"{name} → {name_en}")
        self.section(
            "Parts of zone names the English draft spells in pinyin (place names "
            "are right so; anything else needs a translation in the zone's "
            "English name)",
            [
                f"{part} ({len(zones)}): {zones[0]}"
                for part, zones in sorted(parts.items(), key=lambda item: -len(item[1]))
            ],
        )
        self.section(
            "Parks without an English name or description",
            [
                f"{zone}: {park}"
                for park, zone in Park.objects.filter(
                    Q(name_en="") | (~Q(description="") & Q(description_en=""))
                ).values_list("name", "zone__name")
            ],
        )

    def section(self, title, rows):
        rows = list(rows)
        self.stdout.write(self.style.MIGRATE_HEADING(f"{title}: {len(rows)}"))
        for row in rows[: self.limit]:
            self.stdout.write(f"  {row}")
        if self.limit is not None and len(rows) > self.limit:
            self.stdout.write(f"  … and {len(rows) - self.limit} more (--limit 0)")
