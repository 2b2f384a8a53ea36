"""Fill a development database with a believable portal: zones and their news.

First the official catalogue (through `import_regions` and `import_zones`),
then our own demo content from `demo`. Everything is keyed by a natural
key (channel slug, source name, zone name, park name, article title and
zone), so a re-run creates nothing twice and leaves edits alone: existing
rows are never overwritten, blank zone profile fields are filled.
"""

import html
import re
import time
from collections import Counter
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator

from demo import inquiries as demo_inquiries
from demo import pictures
from demo import projects as demo_projects
from demo.articles import ARTICLES
from demo.facts import add_sample_facts
from demo.site import CHANNELS, SOURCES
from demo.zones import ZONES
from news.models import Article, ArticleImage, Channel, Source
from zones.models import Park, Region, Zone

IMPORT_COMMANDS = ("import_regions", "import_zones", "import_zone_facts")
# The demo's dates are Beijing times whatever the server's TIME_ZONE says.
BEIJING = ZoneInfo("Asia/Shanghai")
PROFILE_FIELDS = (
    "short_name",
    "profile",
    "profile_en",
    "cover_alt",
    "address",
    "phone",
    "fax",
    "email",
    "website",
)


# What the summary says: (label, ((counter key, words after the number), ...)).
REPORT = (
    ("Channels", (("channel created", "created"), ("channel existing", "existing"))),
    ("Sources", (("source created", "created"), ("source existing", "existing"))),
    (
        "Zone profiles",
        (
            ("zone filled", "filled"),
            ("zone unchanged", "already complete"),
            ("zone missing", "zones not found"),
        ),
    ),
    ("Parks", (("park created", "created"), ("park existing", "existing"))),
    (
        "Articles",
        (
            ("article created", "created"),
            ("article existing", "existing"),
            ("article skipped", "skipped"),
        ),
    ),
    ("Gallery images", (("image created", "created"),)),
    (
        "Inquiries",
        (("inquiry created", "created"), ("inquiry existing", "existing")),
    ),
    (
        "Investment projects",
        (
            ("project created", "created"),
            ("project existing", "existing"),
            ("project picture created", "pictures drawn"),
        ),
    ),
    (
        "Sample facts",
        (
            ("sample fact created", "figures created"),
            ("sample incentive created", "incentives created"),
            ("sample existing", "existing"),
            ("sample skipped", "kinds left to real figures"),
        ),
    ),
)


def beijing_time(text):
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=BEIJING)


def lead(body, language):
    """The first paragraph as plain text: a summary free of sub-headings."""
    # The model's own fallback takes the start of the whole body, which runs
    # the first sub-heading into the summary when the lead is short.
    first = re.search(r"<p>(.*?)</p>", body, re.DOTALL)
    text = html.unescape(strip_tags(first.group(1))) if first else ""
    truncator = Truncator(" ".join(text.split()))
    # Chinese has no spaces to break at; English should not stop mid-word.
    return truncator.words(25) if language == "en" else truncator.chars(120)


def paragraphs(texts):
    return "\n".join(f"<p>{text}</p>" for text in texts)


class Command(BaseCommand):
    help = "Import the zone catalogue, then add demo zone profiles and news."

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-import",
            action="store_true",
            help="Use the zones already in the database instead of importing the "
            "catalogue first.",
        )

    def handle(self, *args, skip_import, verbosity, **options):
        self.verbosity = verbosity
        self.counts = Counter()
        started = time.monotonic()
        if not skip_import:
            self.import_catalogue()
        self.now = timezone.now()
        # One transaction: an error leaves the database as it was. Image files
        # written before the error stay behind as orphans; a later run saves
        # its pictures under fresh names, so they are harmless.
        with transaction.atomic():
            self.load_channels()
            self.load_sources()
            zones = self.load_zones()
            self.load_articles(zones)
            self.load_inquiries(zones)
            self.load_projects(zones)
            add_sample_facts(
                [zones[demo.name] for demo in ZONES if demo.name in zones],
                self.counts,
            )
        self.report(time.monotonic() - started)

    # Output ---------------------------------------------------------------

    def say(self, message, level=1):
        if self.verbosity >= level:
            self.stdout.write(message)

    def warn(self, message):
        if self.verbosity >= 1:
            self.stderr.write(self.style.WARNING(message))

    def report(self, seconds):
        c = self.counts
        for label, parts in REPORT:
            counted = ", ".join(f"{c[key]} {words}" for key, words in parts)
            self.say(f"{label}: {counted}.")
        if not (
            c["article created"]
            or c["zone filled"]
            or c["inquiry created"]
            or c["project created"]
        ):
            self.say("Demo content was already loaded: nothing to do.")
        self.say(self.style.SUCCESS(f"Demo loaded in {seconds:.1f} s."))

    # Steps ----------------------------------------------------------------

    def import_catalogue(self):
        available = get_commands()
        missing = [name for name in IMPORT_COMMANDS if name not in available]
        if missing:
            raise CommandError(
                f"Cannot import the catalogue: no command {', '.join(missing)}. Run "
                "with --skip-import to use the zones already in the database."
            )
        for name in IMPORT_COMMANDS:
            self.say(self.style.MIGRATE_HEADING(f"Running {name}…"))
            call_command(
                name, verbosity=self.verbosity, stdout=self.stdout, stderr=self.stderr
            )

    def load_channels(self):
        for demo in CHANNELS:
            _, created = Channel.objects.get_or_create(
                slug=demo.slug,
                defaults={
                    "name": demo.name,
                    "name_en": demo.name_en,
                    "description": demo.description,
                    "position": demo.position,
                },
            )
            self.counts["channel created" if created else "channel existing"] += 1
        self.channels = {channel.slug: channel for channel in Channel.objects.all()}

    def load_sources(self):
        for demo in SOURCES:
            _, created = Source.objects.get_or_create(
                name=demo.name,
                defaults={"name_en": demo.name_en, "website": demo.website},
            )
            self.counts["source created" if created else "source existing"] += 1
        self.sources = {source.name: source for source in Source.objects.all()}

    def find_zones(self, names):
        """Map official names to zones; national ones win a (rare) name clash."""
        found = {}
        queryset = Zone.objects.filter(name__in=set(names)).order_by("level", "pk")
        for zone in queryset:
            found.setdefault(zone.name, zone)
        return found

    def load_zones(self):
        self.say(self.style.MIGRATE_HEADING("Zone profiles…"))
        names = {demo.name for demo in ZONES}
        names |= {article.zone for article in ARTICLES if article.zone}
        names |= {name for article in ARTICLES for name in article.related_zones}
        zones = self.find_zones(names)
        for demo in ZONES:
            zone = zones.get(demo.name)
            if zone is None:
                self.counts["zone missing"] += 1
                self.warn(f"Zone {demo.name} not found: its profile is skipped.")
                continue
            filled = self.fill_profile(zone, demo)
            self.counts["zone filled" if filled else "zone unchanged"] += 1
            self.say(f"  {zone.name}: {'filled' if filled else 'unchanged'}", 2)
            for position, park in enumerate(demo.parks):
                _, created = Park.objects.get_or_create(
                    zone=zone,
                    name=park.name,
                    defaults={
                        "name_en": park.name_en,
                        "planned_area": park.planned_area_mu,
                        "area_unit": Park.AreaUnit.MU,
                        "industries": park.industries,
                        "description": park.description,
                        "position": position,
                    },
                )
                self.counts["park created" if created else "park existing"] += 1
        return zones

    def load_inquiries(self, zones):
        self.say(self.style.MIGRATE_HEADING("Inquiries…"))
        created, existing = demo_inquiries.load(zones, self.now)
        self.counts["inquiry created"] += created
        self.counts["inquiry existing"] += existing

    def load_projects(self, zones):
        self.say(self.style.MIGRATE_HEADING("Investment projects…"))
        created, existing, drawn = demo_projects.load(zones)
        self.counts["project created"] += created
        self.counts["project existing"] += existing
        self.counts["project picture created"] += drawn

    def fill_profile(self, zone, demo):
        """Fill the zone's blank profile fields; return whether any was blank."""
        values = {
            "short_name": demo.short_name,
            "profile": paragraphs(demo.profile),
            "profile_en": paragraphs(demo.profile_en),
            "cover_alt": demo.cover_alt,
            "address": demo.address,
            "phone": demo.phone,
            "fax": demo.fax,
            "email": demo.email,
            "website": demo.website,
        }
        changed = False
        for name in PROFILE_FIELDS:
            if values[name] and not getattr(zone, name):
                setattr(zone, name, values[name])
                changed = True
        if not zone.cover:
            picture = pictures.scene(f"{demo.key}:cover", demo.motif, demo.palette)
            zone.cover.save(f"demo-{demo.key}.jpg", ContentFile(picture), save=False)
            changed = True
        if not zone.logo:
            logo = pictures.emblem(f"{demo.key}:logo", demo.palette)
            zone.logo.save(f"demo-{demo.key}.png", ContentFile(logo), save=False)
            changed = True
        if changed:
            zone.save()  # also makes the image renditions
        return changed

    def load_articles(self, zones):
        total = len(ARTICLES)
        self.say(self.style.MIGRATE_HEADING(f"Articles ({total})…"))
        regions = {
            region.code: region
            for region in Region.objects.filter(
                code__in={a.region_code for a in ARTICLES if a.region_code}
            )
        }
        for number, demo in enumerate(ARTICLES, start=1):
            self.load_article(demo, zones, regions)
            if number % 10 == 0 or number == total:
                self.say(f"  {number}/{total}")

    def load_article(self, demo, zones, regions):
        zone = zones.get(demo.zone) if demo.zone else None
        region = regions.get(demo.region_code) if demo.region_code else None
        if demo.zone and zone is None:
            self.counts["article skipped"] += 1
            self.warn(f"Zone {demo.zone} not found: skipped “{demo.title}”.")
            return
        if demo.region_code and region is None:
            self.counts["article skipped"] += 1
            self.warn(f"Region {demo.region_code} not found: skipped “{demo.title}”.")
            return
        if Article.objects.filter(title=demo.title, zone=zone).exists():
            # Existing articles keep everything, scheduled times included, so
            # a re-run never moves them or undoes an editor's work.
            self.counts["article existing"] += 1
            self.say(f"  existing: {demo.title}", 2)
            return
        article = Article(
            title=demo.title,
            subtitle=demo.subtitle,
            summary=demo.summary or lead(demo.html, demo.language),
            body=demo.html,
            kind=demo.kind,
            language=demo.language,
            channel=self.channels[demo.channel],
            source=self.sources.get(demo.source) if demo.source else None,
            source_url=demo.source_url,
            originally_published_on=(
                date.fromisoformat(demo.originally_published_on)
                if demo.originally_published_on
                else None
            ),
            zone=zone,
            region=region,
            status=demo.status,
            published_at=self.publish_time(demo),
            is_featured=demo.is_featured,
        )
        if demo.cover:
            article.cover_alt = demo.cover.alt
            article.cover_credit = demo.credit
            article.cover.save(
                f"demo-{demo.key}.jpg",
                ContentFile(self.draw(f"{demo.key}:cover", demo.cover)),
                save=False,
            )
        article.save()
        if demo.tags:
            article.tags.add(*demo.tags)
        related = [zones[name] for name in demo.related_zones if name in zones]
        if related:
            article.related_zones.add(*related)
        for position, picture in enumerate(demo.gallery, start=1):
            image = ArticleImage(
                article=article,
                alt_text=picture.alt,
                caption=picture.caption,
                position=position,
            )
            image.image.save(
                f"demo-{demo.key}-{position}.jpg",
                ContentFile(self.draw(f"{demo.key}:{position}", picture)),
                save=False,
            )
            image.save()
            self.counts["image created"] += 1
        self.counts["article created"] += 1
        self.say(f"  created: {demo.title}", 2)

    def publish_time(self, demo):
        if demo.publish_in_days is not None:
            later = self.now + timedelta(days=demo.publish_in_days)
            return later.replace(minute=0, second=0, microsecond=0)
        return beijing_time(demo.published)

    @staticmethod
    def draw(seed, picture):
        return pictures.scene(seed, picture.motif, picture.palette)
