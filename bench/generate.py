#!/usr/bin/env python
"""Fill a PostgreSQL bench database with zones and articles of realistic shape.

    .venv/bin/python bench/generate.py --reset       # 3,000 zones, 1M articles
    .venv/bin/python bench/generate.py --reset --articles 50000 --zones 500

Zones come from `import_regions` / `import_zones` when those commands and their
data exist, topped up with synthetic zones to --zones. Articles (about 3 KB of
Chinese HTML each, tags, sources, channels, text and picture news, a few per
cent in English, ten years of publish times, ~2% drafts, ~0.5% scheduled,
~0.3% in the recycle bin) are streamed with COPY inside one transaction whose
secondary indexes are dropped first and rebuilt at the end, which is several
times faster than maintaining them row by row. The search index is one of
them, so it is rebuilt in the same pass; VACUUM ANALYZE follows.

Safe to re-run: it refuses a database whose name lacks "bench" (unless
--force), refuses one that already holds zones or articles unless --reset, and
an interrupted load rolls back as a whole.
"""

import argparse
import io
import json
import os
import random
import re
import secrets
import sys
import tempfile
import time
from bisect import bisect
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bench"
TEN_YEARS = timedelta(days=3652)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--zones", type=int, default=3_000)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL),
        help="PostgreSQL URL of the bench database (default: %(default)s)",
    )
    parser.add_argument(
        "--reset", action="store_true", help="empty the bench tables first"
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help='allow a database whose name does not contain "bench"',
    )
    parser.add_argument(
        "--no-import",
        action="store_true",
        help="synthetic regions and zones only, even if the import commands exist",
    )
    parser.add_argument("--seed", type=int, default=2018)
    return parser.parse_args(argv)


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "investportal.settings")
    # Settings refuse to start without a key when DEBUG is off; the generator
    # signs nothing, so a throwaway one will do.
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(40))
    import django

    django.setup()


def ensure_database(database_url):
    """Create the bench database when it does not exist yet."""
    import dj_database_url
    import psycopg2

    config = dj_database_url.parse(database_url)
    params = {
        "host": config.get("HOST") or None,
        "port": config.get("PORT") or None,
        "user": config.get("USER") or None,
        "password": config.get("PASSWORD") or None,
    }
    try:
        psycopg2.connect(dbname=config["NAME"], **params).close()
        return False
    except psycopg2.OperationalError as exc:
        if "does not exist" not in str(exc):
            raise
    admin = psycopg2.connect(dbname="postgres", **params)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{config["NAME"]}"')
    admin.close()
    return True


class Progress:
    """One status line, redrawn in place on a terminal, every 10% otherwise."""

    def __init__(self, label, total, stream=sys.stderr):
        self.label, self.total, self.stream = label, total, stream
        self.started = time.monotonic()
        self.is_tty = stream.isatty()
        self.next_report = 0.1

    def update(self, done):
        elapsed = time.monotonic() - self.started
        rate = done / elapsed if elapsed else 0
        fraction = done / self.total if self.total else 1
        if not self.is_tty and fraction < self.next_report and done < self.total:
            return
        self.next_report = fraction + 0.1
        remaining = (self.total - done) / rate if rate else 0
        line = (
            f"  {self.label} {done:,}/{self.total:,} {fraction:6.1%}"
            f"  {rate:,.0f}/s  elapsed {elapsed:5.0f}s  left {remaining:5.0f}s"
        )
        self.stream.write(("\r" + line) if self.is_tty else line + "\n")
        self.stream.flush()

    def close(self):
        if self.is_tty:
            self.stream.write("\n")


class ChunkReader(io.RawIOBase):
    """A file-like object over an iterator of bytes chunks, for COPY FROM.

    psycopg2 turns an exception raised inside read() into a bare "COPY
    failed"; the original is kept in `error` so the caller can re-raise it.
    """

    def __init__(self, chunks):
        self.chunks = iter(chunks)
        self.error = None

    def readable(self):
        return True

    def read(self, size=-1):
        # psycopg2 sends whatever read() returns and stops on b"".
        try:
            return next(self.chunks, b"")
        except Exception as exc:
            self.error = exc
            raise


COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def copy_text(value):
    """One value in PostgreSQL's COPY text format."""
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False).translate(COPY_ESCAPES)
    return str(value).translate(COPY_ESCAPES)


class Weighted:
    """Draw items with Zipf-like weights: the first ones far more often."""

    def __init__(self, items, exponent=1.0, rng=random):
        self.items = list(items)
        self.cumulative = list(
            accumulate(1 / (rank + 1) ** exponent for rank in range(len(self.items)))
        )
        self.rng = rng

    def pick(self):
        point = self.rng.random() * self.cumulative[-1]
        return self.items[bisect(self.cumulative, point)]


class Generator:
    def __init__(self, args, stdout=sys.stdout):
        from django.db import connection

        self.args = args
        self.out = stdout
        self.rng = random.Random(args.seed)
        self.connection = connection
        self.now = datetime.now(UTC).replace(microsecond=0)

    def say(self, message):
        self.out.write(message + "\n")
        self.out.flush()

    # Safety and reset -----------------------------------------------------

    def check_target(self):
        settings_db = self.connection.settings_dict
        if self.connection.vendor != "postgresql":
            sys.exit("The benchmark needs PostgreSQL (set --database-url).")
        name = settings_db["NAME"]
        if "bench" not in name and not self.args.force:
            sys.exit(
                f"Refusing to fill database {name!r}: its name does not contain "
                '"bench". Use a bench database, or --force if you mean it.'
            )
        return name

    def bench_tables(self):
        from django.apps import apps

        tables = []
        for label in ("news", "zones", "taggit"):
            for model in apps.get_app_config(label).get_models(
                include_auto_created=True
            ):
                tables.append(model._meta.db_table)
        return tables

    def reset_or_refuse(self):
        from news.models import Article
        from zones.models import Zone

        if self.args.reset:
            tables = ", ".join(f'"{table}"' for table in self.bench_tables())
            with self.connection.cursor() as cursor:
                cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
            return
        zones, articles = Zone.objects.count(), Article.objects.count()
        if zones or articles:
            sys.exit(
                f"The database already holds {zones:,} zones and {articles:,} "
                "articles. Pass --reset to empty it and generate again."
            )

    # Regions and zones ----------------------------------------------------

    def load_zones(self):
        from django.core.management import CommandError, call_command, get_commands

        from zones.models import Region, Zone

        commands = get_commands()
        if not self.args.no_import and "import_regions" in commands:
            try:
                call_command("import_regions", verbosity=0)
            except CommandError as exc:
                self.say(f"  import_regions failed ({exc}); using synthetic regions")
        if not Region.objects.filter(level=Region.Level.PROVINCE).exists():
            self.make_regions()
        if not self.args.no_import and "import_zones" in commands:
            try:
                call_command("import_zones", verbosity=0)
            except CommandError as exc:
                self.say(f"  import_zones failed ({exc}); using synthetic zones")
        imported = Zone.objects.count()
        missing = max(0, self.args.zones - imported)
        if missing:
            self.make_zones(missing)
        self.say(f"  zones: {imported:,} imported, {missing:,} synthetic")

    def make_regions(self):
        from django.utils.text import slugify
        from pypinyin import lazy_pinyin

        from bench.places import PROVINCES
        from zones.models import Region

        used_slugs = set()

        def slug_for(name, code):
            slug = slugify("-".join(lazy_pinyin(name))) or code
            if slug in used_slugs:
                slug = f"{slug}-{code}"
            used_slugs.add(slug)
            return slug

        for code, name, cities in PROVINCES:
            short = re.sub(r"(维吾尔|壮族|回族)?(自治区|省|市)$", "", name)
            province = Region.objects.create(
                code=code,
                name=name,
                name_en=" ".join(lazy_pinyin(short)).title().replace(" ", ""),
                slug=slug_for(short, code),
                level=Region.Level.PROVINCE,
            )
            if name.endswith("市"):
                continue  # municipalities: zones hang off the province itself
            Region.objects.bulk_create(
                Region(
                    code=f"{code}{number:02d}",
                    name=f"{city}市" if not city.endswith(("州", "边")) else city,
                    name_en="".join(lazy_pinyin(city)).title(),
                    slug=slug_for(city, f"{code}{number:02d}"),
                    level=Region.Level.CITY,
                    parent=province,
                )
                for number, city in enumerate(cities, start=1)
            )

    def make_zones(self, count):
        from django.utils.text import slugify
        from pypinyin import lazy_pinyin

        from bench.places import DISTRICT_WORDS, ZONE_KINDS
        from zones.models import Region, Zone

        rng = self.rng
        provinces = list(Region.objects.filter(level=Region.Level.PROVINCE))
        cities_of = {province.pk: [] for province in provinces}
        for city in Region.objects.filter(level=Region.Level.CITY):
            cities_of.setdefault(city.parent_id, []).append(city)
        used_names = set(Zone.objects.values_list("name", flat=True))
        used_slugs = set(Zone.objects.values_list("slug", flat=True))
        zones = []
        for number in range(count):
            province = rng.choice(provinces)
            city = rng.choice(cities_of[province.pk] or [None])
            place = (city or province).short_name
            suffix, short_suffix, english_suffix, kind = rng.choice(ZONE_KINDS)
            district = ""
            name = f"{place}{suffix}"
            while name in used_names:
                district += rng.choice(DISTRICT_WORDS)
                name = f"{place}{district}{suffix}"
            used_names.add(name)
            pinyin = "".join(lazy_pinyin(place + district)).title()
            slug = slugify(f"{pinyin} {english_suffix}")[:190]
            if slug in used_slugs:
                slug = f"{slug}-{number}"
            used_slugs.add(slug)
            national = rng.random() < 0.2
            zones.append(
                Zone(
                    name=name,
                    short_name=f"{place}{district}{short_suffix}",
                    name_en=f"{pinyin} {english_suffix}",
                    slug=slug,
                    code=f"{'G' if national else 'S'}{province.code}{number:05d}"[:10],
                    level="national" if national else "provincial",
                    kind=kind,
                    province=province,
                    city=city,
                    is_published=rng.random() > 0.01,
                )
            )
        Zone.objects.bulk_create(zones, batch_size=1000)

    # Sources, channels, tags, images --------------------------------------

    def make_lookups(self):
        from django.utils.text import slugify
        from taggit.models import Tag

        from bench.vocabulary import CHANNELS, INDUSTRIES, NATIONAL_SOURCES, TOPICS
        from news.models import Channel, Source
        from zones.models import Region, Zone

        for position, (name, name_en, slug) in enumerate(CHANNELS):
            Channel.objects.get_or_create(
                slug=slug,
                defaults={"name": name, "name_en": name_en, "position": position},
            )
        sources = [Source(name=name, name_en=en) for name, en in NATIONAL_SOURCES]
        for province in Region.objects.filter(level=Region.Level.PROVINCE):
            sources.append(Source(name=f"{province.short_name}日报"))
        sample = self.rng.sample(list(Zone.objects.values_list("name", flat=True)), 200)
        sources.extend(Source(name=f"{name}管委会"[:100]) for name in sample)
        Source.objects.bulk_create(sources, ignore_conflicts=True)
        names = [name for name, _ in INDUSTRIES] + TOPICS
        Tag.objects.bulk_create(
            [Tag(name=name, slug=slugify(name, allow_unicode=True)) for name in names],
            ignore_conflicts=True,
        )

    def make_cover_images(self, count=4):
        """A few real JPEGs with renditions, shared by every article with a cover.

        Pages read only the recorded renditions, never the files, so sharing
        them costs nothing in realism while keeping the load fast.
        """
        from django.core.files.base import ContentFile
        from django.core.files.storage import default_storage
        from django.db.models.fields.files import ImageFieldFile
        from PIL import Image

        from core.images import make_renditions
        from news.models import Article

        field = Article._meta.get_field("cover")
        widths = Article.RENDITION_WIDTHS["cover"]
        covers = []
        for number in range(count):
            name = f"bench/cover-{number}.jpg"
            if not default_storage.exists(name):
                colour = (40 + 50 * number, 90, 160 - 30 * number)
                buffer = io.BytesIO()
                Image.new("RGB", (1280, 720), colour).save(buffer, "JPEG")
                name = default_storage.save(name, ContentFile(buffer.getvalue()))
            field_file = ImageFieldFile(None, field, name)
            renditions = make_renditions(field_file, widths)
            renditions["source"] = name
            covers.append((name, renditions))
        return covers

    # Articles --------------------------------------------------------------

    def article_columns(self):
        """(column, field) for every concrete Article column, in table order."""
        from news.models import Article

        return [(field.column, field) for field in Article._meta.concrete_fields]

    def load_articles(self):
        from django.contrib.contenttypes.models import ContentType
        from django.core.management.color import no_style
        from django.db import transaction
        from taggit.models import Tag, TaggedItem

        from news.models import Article, Channel, Source
        from zones.models import Region, Zone

        total = self.args.articles
        columns = self.article_columns()
        zones = list(Zone.objects.select_related("province", "city").order_by("pk"))
        self.rng.shuffle(zones)  # which zones publish most: random, but seeded
        cities = list(Region.objects.filter(level=Region.Level.CITY)) or list(
            Region.objects.all()
        )
        channels = {channel.slug: channel.pk for channel in Channel.objects.all()}
        sources = list(Source.objects.values_list("pk", flat=True))
        tags = {tag.name: tag.pk for tag in Tag.objects.all()}
        covers = self.make_cover_images()
        content_type = ContentType.objects.get_for_model(Article)
        writer = ArticleWriter(
            self.rng, self.now, zones, cities, channels, sources, tags, covers
        )
        # Tag and related-zone rows wait in files until the article COPY is
        # done (one COPY at a time per connection); closed further down.
        taggit_file = tempfile.TemporaryFile()  # noqa: SIM115
        related_file = tempfile.TemporaryFile()  # noqa: SIM115
        tagged_table = TaggedItem._meta.db_table
        related_table = Article.related_zones.through._meta.db_table
        tables = [Article._meta.db_table, tagged_table, related_table]
        progress = Progress("articles", total)
        column_list = ", ".join(f'"{column}"' for column, _ in columns)

        def chunks():
            batch = []
            tag_lines = []
            related_lines = []
            for number, row in enumerate(writer.rows(total, columns), start=1):
                batch.append(row.line)
                for tag_id in row.tag_ids:
                    tag_lines.append(f"{row.id}\t{content_type.pk}\t{tag_id}\n")
                for zone_id in row.related_zone_ids:
                    related_lines.append(f"{row.id}\t{zone_id}\n")
                if len(batch) == 2000 or number == total:
                    taggit_file.write("".join(tag_lines).encode())
                    related_file.write("".join(related_lines).encode())
                    tag_lines.clear()
                    related_lines.clear()
                    yield "".join(batch).encode()
                    batch.clear()
                    progress.update(number)

        started = time.monotonic()
        with transaction.atomic(), self.connection.cursor() as cursor:
            cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            if cursor.fetchone()[0]:
                # Skips the per-row foreign-key triggers (Django's are deferred
                # to COMMIT, which would queue millions of checks); the rows
                # are consistent by construction.
                cursor.execute("SET LOCAL session_replication_role = replica")
            else:
                self.say("  not a superuser: foreign keys are checked row by row")
            cursor.execute("SET LOCAL maintenance_work_mem = '1GB'")
            cursor.execute("SET LOCAL max_parallel_maintenance_workers = 2")
            cursor.execute("SET LOCAL synchronous_commit = off")
            dropped = self.drop_secondary_indexes(cursor, tables)
            raw = cursor.cursor  # the psycopg2 cursor under Django's wrapper
            reader = ChunkReader(chunks())
            try:
                raw.copy_expert(
                    f'COPY "{Article._meta.db_table}" ({column_list}) FROM STDIN',
                    reader,
                    size=1 << 20,
                )
            except Exception:
                if reader.error is not None:
                    raise reader.error from None
                raise
            progress.close()
            self.say(f"  articles copied in {time.monotonic() - started:.0f}s")
            for file, table, names in (
                (taggit_file, tagged_table, "object_id, content_type_id, tag_id"),
                (related_file, related_table, "article_id, zone_id"),
            ):
                file.seek(0)
                raw.copy_expert(f'COPY "{table}" ({names}) FROM STDIN', file, 1 << 20)
            self.say(f"  tags and related zones copied at {self.elapsed(started)}")
            for name, definition in dropped:
                step = time.monotonic()
                cursor.execute(definition)
                self.say(f"  rebuilt {name} in {time.monotonic() - step:.1f}s")
            for statement in self.connection.ops.sequence_reset_sql(
                no_style(), [Article, TaggedItem, Article.related_zones.through]
            ):
                cursor.execute(statement)
        taggit_file.close()
        related_file.close()
        self.say(f"  committed at {self.elapsed(started)}")
        with self.connection.cursor() as cursor:
            for table in tables + [Zone._meta.db_table, Region._meta.db_table]:
                cursor.execute(f'VACUUM (ANALYZE) "{table}"')
            # Everything else too: the zone import's industry links were left
            # without statistics, and PostgreSQL then counted the directory's
            # industry facet by scanning every link.
            cursor.execute("ANALYZE")
        self.say(f"  vacuumed and analysed at {self.elapsed(started)}")
        return writer.counts

    @staticmethod
    def elapsed(started):
        return f"{time.monotonic() - started:.0f}s"

    def drop_secondary_indexes(self, cursor, tables):
        """Drop indexes that back no constraint; return how to rebuild them."""
        cursor.execute(
            """
            SELECT index.relname, pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            JOIN pg_class index ON index.oid = i.indexrelid
            JOIN pg_class tbl ON tbl.oid = i.indrelid
            WHERE tbl.relname = ANY(%s)
              AND NOT EXISTS (
                SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid
              )
            ORDER BY tbl.relname, index.relname
            """,
            [tables],
        )
        dropped = cursor.fetchall()
        for name, _ in dropped:
            cursor.execute(f'DROP INDEX "{name}"')
        return dropped

    def run(self):
        started = time.monotonic()
        name = self.check_target()
        self.say(f"Bench database {name!r}: migrating")
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)
        self.reset_or_refuse()
        self.load_zones()
        self.make_lookups()
        self.say(f"Generating {self.args.articles:,} articles")
        counts = self.load_articles()
        summary = ", ".join(f"{value:,} {key}" for key, value in counts.items())
        self.say(f"Done in {self.elapsed(started)}: {summary}")


class Row:
    __slots__ = ("id", "line", "tag_ids", "related_zone_ids")

    def __init__(self, id, line, tag_ids, related_zone_ids):
        self.id = id
        self.line = line
        self.tag_ids = tag_ids
        self.related_zone_ids = related_zone_ids


class ArticleWriter:
    """Builds article rows, one COPY line each, from the vocabulary."""

    PARAGRAPH_POOL = 20_000

    def __init__(self, rng, now, zones, cities, channels, sources, tags, covers):
        from bench import vocabulary as words

        self.rng = rng
        self.now = now
        self.words = words
        self.zones = Weighted(zones, exponent=0.8, rng=rng)
        self.cities = cities
        self.channels = channels
        self.sources = sources
        self.tags = tags
        self.covers = covers
        self.industries = Weighted(words.INDUSTRIES, exponent=0.7, rng=rng)
        self.topics = Weighted(words.TOPICS, exponent=0.6, rng=rng)
        self.tag_names = Weighted(list(tags), exponent=0.8, rng=rng)
        self.tag_counts = Weighted([2, 3, 1, 4, 0, 5], exponent=0.9, rng=rng)
        self.companies = [self.company() for _ in range(3000)]
        self.pool = [self.paragraph(zones) for _ in range(self.PARAGRAPH_POOL)]
        self.en_pool = [self.english_paragraph(zones) for _ in range(2000)]
        self.counts = {
            "published": 0,
            "drafts": 0,
            "scheduled": 0,
            "deleted": 0,
            "English": 0,
            "picture": 0,
            "tags": 0,
        }

    # Words ----------------------------------------------------------------

    def company(self):
        rng, words = self.rng, self.words
        return (
            rng.choice(words.BRAND_HEADS)
            + rng.choice(words.BRAND_TAILS)
            + rng.choice(words.COMPANY_SUFFIXES)
        )

    def fill(self, zone, industry):
        rng = self.rng
        place = zone.city or zone.province
        return {
            "zone": zone.short_name
            if rng.random() < 0.7 and zone.short_name
            else zone.name,
            "city": place.short_name,
            "province": zone.province.short_name,
            "industry": industry[0],
            "industry2": self.industries.pick()[0],
            "topic": self.topics.pick(),
            "company": rng.choice(self.companies),
            "honor": rng.choice(self.words.HONOURS),
            "quarter": rng.choice(self.words.QUARTERS),
            "year": rng.randint(2015, 2025),
            "months": rng.randint(2, 11),
            "amount": rng.randint(2, 300),
            "amount2": rng.randint(1, 50),
            "count": rng.randint(3, 60),
            "count2": rng.randint(1, 20),
            "countries": rng.randint(5, 40),
            "percent": round(rng.uniform(1, 40), 1),
            "jobs": rng.randint(50, 3000),
            "mu": rng.randint(20, 900),
            "days": rng.randint(30, 200),
            "days2": rng.randint(1, 5),
            "area": rng.randint(2, 60),
            "phase": rng.choice("一二三"),
            "date": f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
            "zone_en": zone.name_en or "the zone",
            "city_en": place.name_en or place.name,
            "industry_en": industry[1],
            "industry2_en": self.industries.pick()[1],
            "company_en": f"{rng.choice(['Hua', 'Zhong', 'Rui', 'Bo', 'Heng'])}"
            f"{rng.choice(['xin', 'neng', 'ke', 'tong', 'yuan'])} Technology",
            "date_en": f"{rng.choice(['March', 'June', 'September', 'December'])} "
            f"{rng.randint(1, 28)}",
        }

    def paragraph(self, zones):
        rng = self.rng
        values = self.fill(rng.choice(zones), self.industries.pick())
        sentences = rng.sample(self.words.SENTENCE_PATTERNS, rng.randint(4, 6))
        return "".join(pattern.format(**values) for pattern in sentences)

    def english_paragraph(self, zones):
        rng = self.rng
        values = self.fill(rng.choice(zones), self.industries.pick())
        sentences = rng.sample(self.words.EN_SENTENCE_PATTERNS, rng.randint(3, 5))
        return " ".join(pattern.format(**values) for pattern in sentences)

    # Rows -----------------------------------------------------------------

    def timeline(self, total):
        """Publish times, oldest first, denser in recent years, ~0.5% ahead."""
        rng = self.rng
        scheduled = max(1, total // 200)
        past = sorted(
            self.now - TEN_YEARS * (rng.random() ** 1.3)
            for _ in range(total - scheduled)
        )
        future = sorted(
            self.now + timedelta(seconds=rng.randint(3600, 60 * 86400))
            for _ in range(scheduled)
        )
        return past + future

    def rows(self, total, columns):
        from news.models import Article

        rng = self.rng
        words = self.words
        counts = self.counts
        # Columns the generator does not fill (including any added to the model
        # later) get the model default, so the COPY keeps working.
        defaults = {column: copy_text(field.get_default()) for column, field in columns}
        channel_for_kind = [
            self.channels[slug]
            for slug in ("zone-news", "investment", "projects", "industry", "policies")
        ]
        picture_channel = self.channels.get("pictures", channel_for_kind[0])
        for number, published_at in enumerate(self.timeline(total), start=1):
            zone = self.zones.pick() if rng.random() < 0.85 else None
            industry = self.industries.pick()
            english = rng.random() < 0.04
            picture = rng.random() < 0.1
            counts["picture"] += picture
            anchor = zone or self.zones.pick()
            values = self.fill(anchor, industry)
            if english:
                title = rng.choice(words.EN_TITLE_PATTERNS).format(**values)
                lead = rng.choice(words.EN_SENTENCE_PATTERNS).format(**values)
                paragraphs = [lead] + rng.sample(self.en_pool, 4)
                summary = lead[:300]
                counts["English"] += 1
            else:
                title = rng.choice(words.TITLE_PATTERNS).format(**values)
                lead = "".join(
                    pattern.format(**values)
                    for pattern in rng.sample(words.SENTENCE_PATTERNS, 3)
                )
                paragraphs = [lead] + rng.sample(self.pool, rng.randint(4, 6))
                summary = lead[:120]
            body = "".join(f"<p>{text}</p>" for text in paragraphs)
            status = Article.Status.PUBLISHED
            roll = rng.random()
            if published_at > self.now:
                counts["scheduled"] += 1
            elif roll < 0.02:
                status = rng.choice([Article.Status.DRAFT, Article.Status.SUBMITTED])
                counts["drafts"] += 1
            else:
                counts["published"] += 1
            deleted_at = None
            if status == Article.Status.PUBLISHED and 0.02 <= roll < 0.023:
                deleted_at = min(
                    published_at + timedelta(days=rng.randint(1, 90)), self.now
                )
                counts["deleted"] += 1
            has_cover = picture or rng.random() < 0.25
            cover, renditions = rng.choice(self.covers) if has_cover else ("", {})
            created_at = min(published_at, self.now) - timedelta(
                minutes=rng.randint(5, 600)
            )
            if zone is not None:
                region_id = zone.city_id or zone.province_id
            else:
                region_id = rng.choice(self.cities).pk
            generated = {
                "id": number,
                "title": title[:200],
                "summary": summary,
                "body": body,
                "kind": "picture" if picture else "text",
                "language": "en" if english else "zh-hans",
                "channel_id": picture_channel
                if picture
                else rng.choice(channel_for_kind),
                "source_id": rng.choice(self.sources) if rng.random() < 0.9 else None,
                "source_url": f"https://www.example.gov.cn/news/{number}.html"
                if rng.random() < 0.5
                else "",
                "zone_id": zone.pk if zone else None,
                "region_id": region_id,
                "cover": cover,
                "cover_alt": f"{anchor.name}{industry[0]}项目现场" if cover else "",
                "cover_renditions": renditions,
                "status": status,
                "published_at": published_at,
                "is_featured": rng.random() < 0.01,
                "deleted_at": deleted_at,
                "created_at": created_at,
                "updated_at": created_at,
            }
            line = "\t".join(
                copy_text(generated[column])
                if column in generated
                else defaults[column]
                for column, _ in columns
            )
            tag_ids = {self.tags[industry[0]]} if industry[0] in self.tags else set()
            for _ in range(self.tag_counts.pick()):
                tag_ids.add(self.tags[self.tag_names.pick()])
            counts["tags"] += len(tag_ids)
            related = ()
            if rng.random() < 0.1:
                related = {self.zones.pick().pk for _ in range(rng.randint(1, 2))}
                related.discard(zone.pk if zone else None)
            yield Row(number, line + "\n", tag_ids, related)


def main(argv=None):
    args = parse_args(argv)
    if ensure_database(args.database_url):
        print(f"Created database for {args.database_url}")
    setup_django(args.database_url)
    Generator(args).run()


if __name__ == "__main__":
    main()
