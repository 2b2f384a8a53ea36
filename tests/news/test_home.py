from datetime import timedelta

from django.core.cache import cache
from django.urls import reverse

from news.models import Article
from tests.factories import make_region, make_zone
from tests.news.helpers import NewsTestCase, jpeg_upload
from zones.models import Region


class HomeEmptyStateTests(NewsTestCase):
    def test_nothing_published_says_so(self):
        response = self.client.get(reverse("home"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "尚未发布内容")

    def test_drafts_and_scheduled_articles_do_not_count(self):
        self.make_article("草稿", status=Article.Status.DRAFT, is_featured=True)
        self.make_article("定时", published_at=self.tomorrow, is_featured=True)
        response = self.client.get(reverse("home"))
        self.assertContains(response, "尚未发布内容")
        self.assertNotContains(response, "草稿")
        self.assertNotContains(response, "定时")

    def test_english_home_without_english_news_links_the_chinese_news(self):
        self.make_article("中文新闻")
        response = self.client.get("/en/")
        self.assertContains(response, "Nothing published yet")
        self.assertNotContains(response, "中文新闻")
        self.assertContains(response, 'href="/news/"')


class HomeSectionsTests(NewsTestCase):
    def test_featured_headline_is_the_latest_featured_article(self):
        self.make_article(
            "较早的头条", is_featured=True, published_at=self.now - timedelta(days=5)
        )
        self.make_article("最新头条", is_featured=True, summary="头条摘要")
        self.make_article("普通新闻")
        response = self.client.get(reverse("home"))
        self.assertEqual(response.context["featured"].title, "最新头条")
        self.assertContains(response, "头条摘要")
        # The headline is not repeated in the latest list below it.
        latest = [article.title for article in response.context["latest_articles"]]
        self.assertNotIn("最新头条", latest)
        self.assertIn("较早的头条", latest)

    def test_latest_news_newest_first(self):
        self.make_article("旧闻", published_at=self.now - timedelta(days=2))
        self.make_article("新闻", published_at=self.now - timedelta(hours=1))
        response = self.client.get(reverse("home"))
        self.assertEqual(
            [article.title for article in response.context["latest_articles"]],
            ["新闻", "旧闻"],
        )
        self.assertContains(response, f'href="{reverse("news:index")}"')

    def test_picture_strip_shows_thumbnails(self):
        self.make_article(
            "图片新闻",
            kind=Article.Kind.PICTURE,
            cover=jpeg_upload(),
            cover_alt="港区夜景",
        )
        self.make_article("文字新闻")
        response = self.client.get(reverse("home"))
        self.assertEqual(
            [article.title for article in response.context["picture_articles"]],
            ["图片新闻"],
        )
        self.assertContains(response, 'alt="港区夜景"')
        self.assertContains(response, "srcset=")
        self.assertContains(response, 'href="/news/?kind=picture"')

    def test_latest_news_per_province(self):
        self.make_article("海门一", published_at=self.now - timedelta(hours=1))
        self.make_article(
            "宁波一",
            zone=self.ningbo_zone,
            published_at=self.now - timedelta(hours=2),
        )
        self.make_article("海门二", published_at=self.now - timedelta(hours=3))
        response = self.client.get(reverse("home"))
        blocks = response.context["province_blocks"]
        self.assertEqual(
            [
                (block["province"].slug, [a.title for a in block["articles"]])
                for block in blocks
            ],
            [("jiangsu", ["海门一", "海门二"]), ("zhejiang", ["宁波一"])],
        )
        self.assertContains(response, 'href="/news/?province=jiangsu"')

    def test_province_blocks_are_limited(self):
        for number, (province, city) in enumerate(self.extra_provinces(5)):
            zone = self.make_zone_in(province, city, number)
            self.make_article(f"省{number}", zone=zone)
        self.make_article("海门")
        response = self.client.get(reverse("home"))
        self.assertEqual(len(response.context["province_blocks"]), 4)

    def test_zones_with_recent_news_link_to_their_profiles(self):
        self.make_article("海门新闻")
        self.make_article("宁波新闻", zone=self.ningbo_zone)
        response = self.client.get(reverse("home"))
        self.assertContains(response, f'href="{self.haimen_zone.get_absolute_url()}"')
        self.assertContains(response, f'href="{self.ningbo_zone.get_absolute_url()}"')
        self.assertContains(response, f'href="{reverse("zones:index")}"')

    def test_unpublished_zone_is_not_linked(self):
        self.haimen_zone.is_published = False
        self.haimen_zone.save()
        self.make_article("海门新闻")
        response = self.client.get(reverse("home"))
        self.assertEqual(response.context["zones_with_news"], [])

    def test_english_home_lists_english_articles(self):
        self.make_article("中文新闻")
        self.make_article("Haimen opens a park", language=Article.Language.ENGLISH)
        response = self.client.get("/en/")
        self.assertContains(response, "Haimen opens a park")
        self.assertNotContains(response, "中文新闻")

    def extra_provinces(self, count):
        for number in range(count):
            province = make_region(
                f"测试省{number}", f"province-{number}", Region.Level.PROVINCE
            )
            city = make_region(
                f"测试市{number}", f"city-{number}", Region.Level.CITY, province
            )
            yield province, city

    def make_zone_in(self, province, city, number):
        return make_zone(
            f"测试开发区{number}", f"zone-{number}", province, city, name_en=""
        )


class HomeQueryCountTests(NewsTestCase):
    """The home page's cost does not grow with the number of articles."""

    # site settings, featured, latest, pictures, the recent window, the
    # provinces and the zones it names, the open investment projects; every
    # picture here has a cover, so no gallery image is looked up (see
    # test_gallery_thumbnails...)
    QUERIES = 8

    def fill(self, count):
        zones = [self.haimen_zone, self.suzhou_zone, self.ningbo_zone]
        for number in range(count):
            picture = number % 3 == 0
            self.make_article(
                f"新闻{number}",
                zone=zones[number % 3],
                is_featured=number == 0,
                kind=Article.Kind.PICTURE if picture else Article.Kind.TEXT,
                cover=jpeg_upload(size=(320, 180)) if picture else "",
                cover_alt="图" if picture else "",
                source=self.government,
                published_at=self.now - timedelta(minutes=number + 1),
            )

    def test_few_articles(self):
        self.fill(3)
        with self.assertNumQueries(self.QUERIES):
            response = self.client.get(reverse("home"))
        self.assertEqual(len(response.context["province_blocks"]), 2)

    def test_many_articles(self):
        self.fill(30)
        with self.assertNumQueries(self.QUERIES):
            response = self.client.get(reverse("home"))
        self.assertEqual(len(response.context["latest_articles"]), 8)
        self.assertEqual(len(response.context["picture_articles"]), 6)

    def test_gallery_thumbnails_cost_one_query_per_block(self):
        # Picture news without a cover shows its first gallery image: one
        # lookup for the featured article and one for the picture strip,
        # however many pictures there are.
        for count in (3, 12):
            with self.subTest(count=count):
                Article.objects.all().delete()
                cache.clear()  # the site settings are looked up each time
                for number in range(count):
                    article = self.make_article(
                        f"图集{number}",
                        kind=Article.Kind.PICTURE,
                        is_featured=number == 0,
                        published_at=self.now - timedelta(minutes=number + 1),
                    )
                    self.add_gallery_image(article, caption=f"第{number}张")
                with self.assertNumQueries(self.QUERIES + 2):
                    response = self.client.get(reverse("home"))
                self.assertTrue(response.context["featured"].thumbnail)
                self.assertEqual(
                    len(response.context["picture_articles"]), min(count, 6)
                )
