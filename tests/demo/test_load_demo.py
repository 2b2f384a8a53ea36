import re
import shutil
import tempfile
from datetime import datetime
from io import BytesIO, StringIO
from pathlib import Path
from unittest import mock
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.core.management import CommandError, call_command, get_commands
from django.test import TestCase, override_settings
from django.utils import timezone
from PIL import Image

from core.sanitize import clean_html
from demo.articles import ARTICLES
from demo.zones import HAIMEN, XIAN, ZONES
from news.models import Article, ArticleImage, Channel, Source
from projects.models import Project
from zones.models import Park, Region, Zone

BEIJING = ZoneInfo("Asia/Shanghai")
SAFE_HOSTS = ("example.com", "example.org")

# (official name, province code, province, city code, city, kind)
DEMO_ZONE_ROWS = (
    ("海门经济技术开发区", "32", "江苏省", "3206", "南通市", "etdz"),
    ("南通经济技术开发区", "32", "江苏省", "3206", "南通市", "etdz"),
    ("苏州工业园区", "32", "江苏省", "3205", "苏州市", "etdz"),
    ("昆山经济技术开发区", "32", "江苏省", "3205", "苏州市", "etdz"),
    ("漕河泾新兴技术开发区", "31", "上海市", "", "", "etdz"),
    ("杭州经济技术开发区", "33", "浙江省", "3301", "杭州市", "etdz"),
    ("合肥高新技术产业开发区", "34", "安徽省", "3401", "合肥市", "high_tech"),
    ("成都高新技术产业开发区", "51", "四川省", "5101", "成都市", "high_tech"),
    ("广州经济技术开发区", "44", "广东省", "4401", "广州市", "etdz"),
    ("西安高新技术产业开发区", "61", "陕西省", "6101", "西安市", "high_tech"),
)


def demo_region(code, name, level, parent=None):
    region, _ = Region.objects.get_or_create(
        code=code,
        defaults={"name": name, "slug": f"r{code}", "level": level, "parent": parent},
    )
    return region


def make_demo_zones(rows=DEMO_ZONE_ROWS):
    """The demo's zones as the catalogue import would leave them: no profile."""
    for number, (name, pcode, pname, ccode, cname, kind) in enumerate(rows, 1):
        province = demo_region(pcode, pname, Region.Level.PROVINCE)
        city = demo_region(ccode, cname, Region.Level.CITY, province) if ccode else None
        Zone.objects.create(
            name=name,
            slug=f"zone-{number}",
            code=f"G{number:06d}",
            level=Zone.Level.NATIONAL,
            kind=kind,
            province=province,
            city=city,
        )


def load_demo(*args, verbosity=1):
    out, err = StringIO(), StringIO()
    call_command("load_demo", *args, verbosity=verbosity, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def tiny_jpeg(*args, **kwargs):
    buffer = BytesIO()
    Image.new("RGB", (64, 36), (90, 120, 160)).save(buffer, "JPEG")
    return buffer.getvalue()


class LoadDemoTests(TestCase):
    """The demo loaded once, for real (pictures included), into hand-made zones."""

    @classmethod
    def setUpTestData(cls):
        # The conftest's per-test MEDIA_ROOT does not exist yet at class set-up.
        cls.media_root = tempfile.mkdtemp(prefix="demo-media-")
        cls.addClassCleanup(shutil.rmtree, cls.media_root, ignore_errors=True)
        make_demo_zones()
        cls.loaded_at = timezone.now()
        with override_settings(MEDIA_ROOT=cls.media_root):
            cls.first_output, cls.first_errors = load_demo("--skip-import")

    def on_disk(self, name):
        return (Path(self.media_root) / name).is_file()

    def published_articles(self):
        return Article.objects.published()

    def test_loads_at_least_forty_articles_from_eight_zones_in_several_provinces(self):
        self.assertGreaterEqual(Article.objects.count(), 45)
        self.assertGreaterEqual(self.published_articles().count(), 40)
        zones = Zone.objects.filter(articles__in=self.published_articles()).distinct()
        self.assertGreaterEqual(zones.count(), 8)
        provinces = {zone.province_id for zone in zones}
        self.assertGreaterEqual(len(provinces), 5)

    def test_every_demo_article_was_created_and_none_skipped(self):
        self.assertEqual(Article.objects.count(), len(ARTICLES))
        self.assertIn(
            f"Articles: {len(ARTICLES)} created, 0 existing, 0 skipped",
            self.first_output,
        )
        self.assertEqual(self.first_errors, "")

    def test_both_kinds_several_channels_and_sources_are_used(self):
        published = self.published_articles()
        self.assertGreaterEqual(published.filter(kind=Article.Kind.TEXT).count(), 20)
        self.assertGreaterEqual(published.filter(kind=Article.Kind.PICTURE).count(), 8)
        self.assertEqual(
            set(Channel.objects.values_list("slug", flat=True)),
            {"zone-news", "investment-news", "policies", "projects"},
        )
        self.assertGreaterEqual(
            published.order_by().values("channel").distinct().count(), 4
        )
        self.assertGreaterEqual(
            published.order_by().values("source").distinct().count(), 10
        )

    def test_drafts_and_scheduled_articles_exist_and_are_not_public(self):
        drafts = Article.objects.filter(status=Article.Status.DRAFT)
        scheduled = Article.objects.filter(
            status=Article.Status.PUBLISHED, published_at__gt=timezone.now()
        )
        self.assertGreaterEqual(drafts.count(), 3)
        self.assertGreaterEqual(scheduled.count(), 3)
        public = set(self.published_articles().values_list("pk", flat=True))
        self.assertFalse(public & set(drafts.values_list("pk", flat=True)))
        self.assertFalse(public & set(scheduled.values_list("pk", flat=True)))

    def test_scheduled_articles_are_at_least_a_day_ahead_of_the_load(self):
        for demo in ARTICLES:
            if demo.publish_in_days is None:
                continue
            with self.subTest(demo.key):
                article = Article.objects.get(title=demo.title)
                ahead = article.published_at - self.loaded_at
                self.assertGreater(
                    ahead.total_seconds(), (demo.publish_in_days - 1) * 86400
                )

    def test_a_few_articles_are_featured(self):
        self.assertGreaterEqual(
            self.published_articles().filter(is_featured=True).count(), 3
        )

    def test_english_articles_are_published_for_the_english_pages(self):
        english = self.published_articles().filter(language=Article.Language.ENGLISH)
        self.assertGreaterEqual(english.count(), 8)
        self.assertGreaterEqual(english.order_by().values("zone").distinct().count(), 5)

    def test_publish_times_spread_from_2019_to_2026(self):
        years = {
            moment.astimezone(BEIJING).year
            for moment in self.published_articles().values_list(
                "published_at", flat=True
            )
        }
        self.assertTrue(set(range(2019, 2027)) <= years, years)

    def test_sijia_article_follows_the_reference_page(self):
        article = Article.objects.get(title="运河两岸建新园 四甲镇谋划高端制造新布局")

        self.assertEqual(article.zone.name, HAIMEN)
        self.assertEqual(article.source.name, "海门市人民政府")
        self.assertEqual(article.channel.slug, "zone-news")
        self.assertEqual(article.kind, Article.Kind.TEXT)
        self.assertEqual(
            article.published_at, datetime(2019, 11, 12, 9, 30, tzinfo=BEIJING)
        )
        self.assertEqual(article.region.name, "南通市")
        self.assertIn("<h2>", article.body)
        self.assertTrue(article.is_published())

    def test_article_bodies_are_already_within_the_sanitizer_allow_list(self):
        for demo in ARTICLES:
            with self.subTest(demo.key):
                self.assertEqual(clean_html(demo.html), demo.html)
        for article in Article.objects.all():
            with self.subTest(article.title):
                self.assertEqual(clean_html(article.body), article.body)
                self.assertTrue(article.summary)

    def test_summaries_are_the_lead_paragraph_without_sub_headings(self):
        for article in Article.objects.all():
            with self.subTest(article.title):
                first = article.body.split("</p>", 1)[0].removeprefix("<p>")
                # Truncator ends with "…" or "...", depending on the language.
                self.assertTrue(first.startswith(article.summary.rstrip("….")))
                for heading in re.findall(r"<h[23]>(.*?)</h[23]>", article.body):
                    self.assertNotIn(heading, article.summary)

    def test_stored_bodies_are_the_demo_text_unchanged(self):
        demo_bodies = {demo.title: demo.html for demo in ARTICLES}
        for title, body in Article.objects.values_list("title", "body"):
            with self.subTest(title):
                self.assertEqual(body, demo_bodies[title])

    def test_picture_news_have_a_cover_and_a_described_gallery_on_disk(self):
        pictures = Article.objects.filter(kind=Article.Kind.PICTURE)
        self.assertGreaterEqual(pictures.count(), 8)
        for article in pictures:
            with self.subTest(article.title):
                self.assertTrue(article.cover_alt)
                self.assertTrue(self.on_disk(article.cover.name))
                self.assertEqual(
                    set(article.renditions_of("cover")), {"240", "480", "800", "1200"}
                )
                images = list(article.images.all())
                self.assertIn(len(images), (2, 3))
                for image in images:
                    self.assertTrue(image.alt_text and image.caption)
                    self.assertTrue(self.on_disk(image.image.name))
                    self.assertTrue(image.renditions_of("image"))

    def test_pictures_are_modest_jpegs(self):
        article = Article.objects.filter(kind=Article.Kind.PICTURE).first()
        path = Path(self.media_root) / article.cover.name
        with Image.open(path) as picture:
            self.assertEqual((picture.format, picture.size), ("JPEG", (1200, 675)))
        self.assertLess(path.stat().st_size, 200_000)

    def test_tags_mix_chinese_and_ascii_and_chinese_slugs_are_not_empty(self):
        tags = {
            tag.name: tag.slug
            for article in Article.objects.all()
            for tag in article.tags.all()
        }
        self.assertIn("半导体", tags)
        self.assertIn("营商环境", tags)
        self.assertIn("AI", tags)
        self.assertTrue(all(tags.values()))

    def test_zones_get_profiles_pictures_and_placeholder_contacts(self):
        profiled = Zone.objects.exclude(profile="")
        self.assertEqual(profiled.count(), len(ZONES))
        without_english = profiled.filter(profile_en="")
        self.assertIn(without_english.count(), (1, 2))
        self.assertIn(XIAN, {zone.name for zone in without_english})
        for zone in profiled:
            with self.subTest(zone.name):
                self.assertEqual(clean_html(zone.profile), zone.profile)
                self.assertTrue(zone.cover_alt)
                self.assertTrue(self.on_disk(zone.cover.name))
                self.assertTrue(self.on_disk(zone.logo.name))
                self.assertTrue(zone.renditions_of("cover"))
                self.assertTrue(zone.renditions_of("logo"))
                self.assertRegex(zone.phone, r"^\+86-\d{2,3}-0000-\d{4}$")
                self.assertTrue(zone.email.endswith("@example.com"))

    def test_haimen_has_the_two_sijia_parks(self):
        parks = {park.name: park for park in Park.objects.filter(zone__name=HAIMEN)}

        self.assertEqual(set(parks), {"航天新材料科技产业园", "半导体装备产业园"})
        for park in parks.values():
            self.assertEqual(park.planned_area, 3000)
            self.assertEqual(park.area_unit, Park.AreaUnit.MU)
            self.assertTrue(park.industry_list())
        self.assertIn("500亩", parks["半导体装备产业园"].description)

    def test_no_link_leads_to_a_real_site(self):
        urls = [
            *Source.objects.exclude(website="").values_list("website", flat=True),
            *Article.objects.exclude(source_url="").values_list(
                "source_url", flat=True
            ),
            *Zone.objects.exclude(website="").values_list("website", flat=True),
        ]
        self.assertTrue(urls)
        for url in urls:
            with self.subTest(url):
                self.assertTrue(urlsplit(url).hostname.endswith(SAFE_HOSTS))
        self.assertFalse(
            Article.objects.filter(body__contains="href").exclude(
                body__contains="example.com"
            )
        )

    def test_article_without_zone_takes_the_region_given(self):
        guide = Article.objects.get(title="外商投资企业设立登记办事指南")
        meeting = Article.objects.get(title="南通市开发区招商工作交流会召开")

        self.assertIsNone(guide.zone)
        self.assertEqual(guide.region.code, "32")
        self.assertEqual(meeting.region.code, "3206")
        self.assertEqual(meeting.related_zones.count(), 2)

    def test_projects_over_several_zones_with_the_one_the_news_mentions(self):
        projects = Project.objects.published()
        self.assertGreaterEqual(projects.count(), 20)
        self.assertGreaterEqual(len({project.zone_id for project in projects}), 5)
        self.assertTrue(
            projects.filter(title="半导体装备产业园标准厂房开放招租").exists()
        )
        # One is past its date: it shows as closed and leaves the lists.
        self.assertTrue(
            Project.objects.filter(is_published=True).exclude(pk__in=projects).exists()
        )
        # Some have drawn pictures, each with its alternative text and
        # renditions; the first is the card's picture.
        pictured = Project.objects.filter(
            title="半导体装备产业园标准厂房开放招租"
        ).get()
        images = list(pictured.images.all())
        self.assertEqual(len(images), 2)
        self.assertTrue(all(image.alt_text.startswith("示意插图") for image in images))
        self.assertTrue(images[0].renditions_of("image"))
        self.assertEqual(pictured.thumbnail.owner, images[0])
        output, _ = load_demo("--skip-import")
        self.assertIn("Investment projects: 0 created", output)
        self.assertIn("0 pictures drawn", output)

    def test_second_run_creates_nothing_and_keeps_times(self):
        before = dict(Article.objects.values_list("title", "published_at"))
        counts = (
            Article.objects.count(),
            ArticleImage.objects.count(),
            Park.objects.count(),
            Source.objects.count(),
        )

        output, _ = load_demo("--skip-import")

        self.assertIn("Articles: 0 created", output)
        self.assertIn("Zone profiles: 0 filled", output)
        self.assertIn("nothing to do", output)
        self.assertEqual(
            (
                Article.objects.count(),
                ArticleImage.objects.count(),
                Park.objects.count(),
                Source.objects.count(),
            ),
            counts,
        )
        self.assertEqual(
            dict(Article.objects.values_list("title", "published_at")), before
        )

    def test_rerun_leaves_edited_profiles_and_articles_alone(self):
        zone = Zone.objects.get(name=HAIMEN)
        zone.profile = "<p>管委会自己写的简介</p>"
        zone.save()
        Article.objects.filter(title__startswith="运河两岸").update(
            is_featured=True, summary="编辑改过"
        )

        load_demo("--skip-import", verbosity=0)

        zone.refresh_from_db()
        self.assertEqual(zone.profile, "<p>管委会自己写的简介</p>")
        article = Article.objects.get(title__startswith="运河两岸")
        self.assertEqual((article.is_featured, article.summary), (True, "编辑改过"))

    def test_rerun_fills_a_profile_field_left_blank(self):
        Zone.objects.filter(name=HAIMEN).update(phone="")

        output, _ = load_demo("--skip-import")

        self.assertIn("Zone profiles: 1 filled", output)
        self.assertEqual(Zone.objects.get(name=HAIMEN).phone, "+86-513-0000-0101")

    def test_quiet_at_verbosity_zero(self):
        self.assertEqual(load_demo("--skip-import", verbosity=0), ("", ""))

    def test_first_run_reports_progress_and_counts(self):
        self.assertIn(f"{len(ARTICLES)}/{len(ARTICLES)}", self.first_output)
        self.assertIn("Parks: 2 created", self.first_output)
        self.assertIn("Demo loaded in", self.first_output)


@mock.patch("demo.pictures.emblem", tiny_jpeg)
@mock.patch("demo.pictures.scene", tiny_jpeg)
class LoadDemoWithoutItsZonesTests(TestCase):
    def test_missing_zones_are_skipped_with_a_warning(self):
        make_demo_zones(DEMO_ZONE_ROWS[:1])  # Haimen only

        output, errors = load_demo("--skip-import")

        self.assertIn(f"Zone {XIAN} not found", errors)
        self.assertIn("Zone profiles: 1 filled", output)
        self.assertTrue(Article.objects.filter(zone__name=HAIMEN).exists())
        self.assertFalse(
            Article.objects.exclude(zone__name=HAIMEN).exclude(zone=None).exists()
        )
        created = Article.objects.count()
        self.assertIn(
            f"Articles: {created} created, 0 existing, "
            f"{len(ARTICLES) - created} skipped",
            output,
        )

    @mock.patch("demo.management.commands.load_demo.get_commands", dict)
    def test_without_the_import_commands_it_says_to_skip_the_import(self):
        with self.assertRaisesMessage(CommandError, "--skip-import"):
            load_demo()
        self.assertFalse(Channel.objects.exists())

    def test_empty_database_loads_only_what_needs_no_zone(self):
        output, errors = load_demo("--skip-import", verbosity=0)

        self.assertEqual((output, errors), ("", ""))
        self.assertEqual(
            list(Article.objects.values_list("zone", "region")), [(None, None)]
        )
        self.assertEqual(Channel.objects.count(), 4)


@mock.patch("demo.pictures.emblem", tiny_jpeg)
@mock.patch("demo.pictures.scene", tiny_jpeg)
class LoadDemoWithTheCatalogueTests(TestCase):
    """The real run: import the catalogue, then find every demo zone in it."""

    def setUp(self):
        missing = {"import_regions", "import_zones"} - set(get_commands())
        if missing:
            self.skipTest(f"{', '.join(sorted(missing))} not available")

    def test_every_demo_zone_and_region_is_in_the_catalogue(self):
        output, errors = load_demo()

        self.assertIn("Running import_zones", output)
        self.assertIn(
            f"Zone profiles: {len(ZONES)} filled, 0 already complete, "
            "0 zones not found",
            output,
        )
        self.assertIn(
            f"Articles: {len(ARTICLES)} created, 0 existing, 0 skipped", output
        )
        self.assertNotIn("not found", errors)
        self.assertEqual(Zone.objects.count(), 2543)
