import html
import re
from datetime import datetime, timedelta
from unittest import mock
from urllib.parse import quote

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from news.views import ArticleListView
from tests.factories import make_zone
from tests.news.helpers import NewsTestCase, jpeg_upload
from zones.management.commands.import_zones import Command as ImportZones
from zones.models import Zone
from zones.naming import ascii_slug

INDEX = "news:index"


class ListBasicsTests(NewsTestCase):
    def test_lists_published_articles_newest_first(self):
        older = self.make_article(
            "较早的新闻", published_at=self.now - timedelta(days=3)
        )
        newer = self.make_article(
            "较新的新闻", published_at=self.now - timedelta(hours=2)
        )
        response = self.client.get(reverse(INDEX))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(list(response.context["articles"]), [newer, older])
        content = response.content.decode()
        self.assertLess(content.index("较新的新闻"), content.index("较早的新闻"))

    def test_equal_publish_times_are_ordered_by_id(self):
        first = self.make_article("同时一", published_at=self.yesterday)
        second = self.make_article("同时二", published_at=self.yesterday)
        response = self.client.get(reverse(INDEX))
        self.assertEqual(list(response.context["articles"]), [second, first])

    def test_marks_news_as_current_nav_section(self):
        response = self.client.get(reverse(INDEX))
        self.assertContains(
            response, f'<a href="{reverse(INDEX)}" aria-current="page">', html=False
        )

    def test_empty_list_says_so(self):
        response = self.client.get(reverse(INDEX))
        self.assertContains(response, "尚未发布任何新闻。")

    def test_twenty_articles_a_page(self):
        for number in range(21):
            self.make_article(
                f"新闻{number:02d}",
                published_at=self.now - timedelta(minutes=number + 1),
            )
        first = self.client.get(reverse(INDEX))
        self.assertEqual(len(first.context["articles"]), 20)
        self.assertContains(first, "新闻00")
        self.assertNotContains(first, "新闻20")
        self.assertContains(first, 'href="?page=2"')
        second = self.client.get(reverse(INDEX), {"page": 2})
        self.assertEqual([a.title for a in second.context["articles"]], ["新闻20"])


class LanguageTests(NewsTestCase):
    def test_chinese_pages_list_chinese_articles_only(self):
        self.make_article("中文新闻")
        self.make_article("English story", language=Article.Language.ENGLISH)
        response = self.client.get(reverse(INDEX))
        self.assertContains(response, "中文新闻")
        self.assertNotContains(response, "English story")

    def test_english_pages_list_english_articles_and_link_chinese_news(self):
        self.make_article("中文新闻")
        self.make_article("English story", language=Article.Language.ENGLISH)
        response = self.client.get("/en/news/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "English story")
        self.assertNotContains(response, "中文新闻")
        self.assertContains(response, 'href="/news/"')


class FilterTests(NewsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.haimen_text = Article.objects.create(
            title="海门文字新闻",
            channel=cls.zone_news,
            zone=cls.haimen_zone,
            status=Article.Status.PUBLISHED,
            published_at=timezone.make_aware(datetime(2019, 11, 12, 9, 0)),
        )
        cls.haimen_text.tags.add("半导体", "航天新材料")
        cls.suzhou_picture = Article.objects.create(
            title="苏州图片新闻",
            channel=cls.zone_news,
            zone=cls.suzhou_zone,
            kind=Article.Kind.PICTURE,
            cover=jpeg_upload(),
            cover_alt="苏州园区全景",
            status=Article.Status.PUBLISHED,
            published_at=timezone.make_aware(datetime(2019, 12, 1, 9, 0)),
        )
        cls.ningbo_investment = Article.objects.create(
            title="宁波投资动态",
            channel=cls.investment_news,
            zone=cls.ningbo_zone,
            status=Article.Status.PUBLISHED,
            published_at=timezone.make_aware(datetime(2020, 1, 5, 9, 0)),
        )
        cls.ningbo_investment.tags.add("Semiconductors")
        # Published by the portal itself, no zone; it concerns Haimen.
        cls.portal_item = Article.objects.create(
            title="门户综述",
            channel=cls.investment_news,
            region=cls.nantong,
            status=Article.Status.PUBLISHED,
            published_at=timezone.make_aware(datetime(2019, 11, 30, 9, 0)),
        )
        cls.portal_item.related_zones.add(cls.haimen_zone)

    def titles(self, **params):
        response = self.client.get(reverse(INDEX), params)
        self.assertEqual(response.status_code, 200)
        return {article.title for article in response.context["articles"]}, response

    def test_channel(self):
        titles, _ = self.titles(channel="investment")
        self.assertEqual(titles, {"宁波投资动态", "门户综述"})

    def test_province_includes_its_cities(self):
        titles, _ = self.titles(province="jiangsu")
        self.assertEqual(titles, {"海门文字新闻", "苏州图片新闻", "门户综述"})

    def test_city(self):
        titles, _ = self.titles(city="nantong")
        self.assertEqual(titles, {"海门文字新闻", "门户综述"})

    def test_zone_includes_articles_that_name_it(self):
        titles, _ = self.titles(zone="haimen-etdz")
        self.assertEqual(titles, {"海门文字新闻", "门户综述"})

    def test_zone_with_a_long_imported_slug(self):
        # import_zones cuts an English name at 120 characters and adds the
        # province when the slug is taken: over the 100 the filter once took.
        name_en = (
            "Xinjiang Production and Construction Corps Eighth Division Shihezi "
            "North Industrial Park Economic and Technological Development Zone"
        )
        taken = {ascii_slug(name_en, max_length=120)}
        slug = ImportZones().unique_slug(Zone(name_en=name_en), self.jiangsu, taken)
        self.assertGreater(len(slug), 100)
        zone = make_zone("长名开发区", slug, self.jiangsu, name_en=name_en)
        self.make_article("长名开发区新闻", zone=zone)

        titles, response = self.titles(zone=slug)

        self.assertEqual(titles, {"长名开发区新闻"})
        self.assertEqual(response.context["filters"].notes, [])
        self.assertEqual(response.context["filters"].zone, zone)

    def test_kind(self):
        self.assertEqual(self.titles(kind="picture")[0], {"苏州图片新闻"})
        self.assertEqual(
            self.titles(kind="text")[0], {"海门文字新闻", "宁波投资动态", "门户综述"}
        )

    def test_year(self):
        titles, _ = self.titles(year="2019")
        self.assertEqual(titles, {"海门文字新闻", "苏州图片新闻", "门户综述"})

    def test_year_and_month(self):
        titles, _ = self.titles(year="2019", month="11")
        self.assertEqual(titles, {"海门文字新闻", "门户综述"})

    def test_month_boundary_uses_the_site_time_zone(self):
        # 2020-01-01 00:30 in Shanghai is still 2019 in UTC.
        Article.objects.create(
            title="元旦凌晨",
            channel=self.zone_news,
            status=Article.Status.PUBLISHED,
            published_at=timezone.make_aware(datetime(2020, 1, 1, 0, 30)),
        )
        self.assertIn("元旦凌晨", self.titles(year="2020", month="1")[0])
        self.assertNotIn("元旦凌晨", self.titles(year="2019", month="12")[0])

    def test_tag_with_chinese_slug(self):
        titles, response = self.titles(tag="半导体")
        self.assertEqual(titles, {"海门文字新闻"})
        self.assertEqual(response.context["filters"].notes, [])

    def test_tag_percent_encoded_in_the_url(self):
        url = reverse(INDEX) + "?tag=" + quote("航天新材料")
        self.assertEqual(
            url, "/news/?tag=%E8%88%AA%E5%A4%A9%E6%96%B0%E6%9D%90%E6%96%99"
        )
        response = self.client.get(url)
        self.assertEqual(
            [article.title for article in response.context["articles"]],
            ["海门文字新闻"],
        )
        self.assertContains(response, "航天新材料")

    def test_tag_is_named_in_the_heading_and_title(self):
        _, response = self.titles(tag="半导体")
        self.assertContains(response, "<h1>开发区新闻 · 半导体</h1>", html=False)
        self.assertContains(response, "<title>开发区新闻 · 半导体 - ", html=False)

    def test_city_outside_the_chosen_province_is_dropped(self):
        # From an article's breadcrumb (?channel=…&city=nantong&kind=text)
        # the reader chooses 浙江: the hidden city must not come along.
        breadcrumb = {"channel": "investment", "city": "nantong", "kind": "text"}
        _, before = self.titles(**breadcrumb)
        self.assertContains(before, '<input type="hidden" name="city" value="nantong">')
        titles, response = self.titles(**breadcrumb, province="zhejiang")
        self.assertEqual(titles, {"宁波投资动态"})
        filters = response.context["filters"]
        self.assertEqual(filters.province, self.zhejiang)
        self.assertIsNone(filters.city)
        self.assertContains(response, "<h1>投资动态 · 浙江 · 文字新闻</h1>", html=False)
        self.assertNotContains(response, 'name="city" value="nantong"')
        self.assertNotContains(response, "南通 <span")  # no removal link
        self.assertContains(response, "南通不在浙江，已忽略城市筛选条件。")
        # A city of the chosen province stays.
        titles, _ = self.titles(province="jiangsu", city="nantong")
        self.assertEqual(titles, {"海门文字新闻", "门户综述"})

    def test_tag_with_latin_slug(self):
        self.assertEqual(self.titles(tag="semiconductors")[0], {"宁波投资动态"})

    def test_filters_combine(self):
        titles, _ = self.titles(channel="zone-news", province="jiangsu", kind="text")
        self.assertEqual(titles, {"海门文字新闻"})

    def test_active_filters_can_be_removed_one_by_one(self):
        _, response = self.titles(channel="zone-news", kind="text", page="1")
        self.assertContains(response, 'href="/news/?kind=text"')
        self.assertContains(response, 'href="/news/?channel=zone-news"')

    def test_removing_the_year_also_removes_the_month(self):
        _, response = self.titles(year="2019", month="11")
        self.assertContains(response, 'href="/news/?year=2019"')  # remove month
        self.assertContains(response, '<a href="/news/">2019')  # remove year

    def test_filter_form_keeps_the_chosen_values(self):
        _, response = self.titles(channel="investment", province="jiangsu")
        self.assertContains(
            response, '<option value="investment" selected>投资动态</option>', html=True
        )
        # Choosing a province offers its cities.
        self.assertContains(
            response, '<option value="nantong">南通</option>', html=True
        )


class BadFilterValueTests(NewsTestCase):
    """Unknown or malformed values are ignored with a note, never a 500."""

    def setUp(self):
        self.article = self.make_article("唯一的新闻")

    def assert_ignored(self, params, note_fragment):
        response = self.client.get(reverse(INDEX), params)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(list(response.context["articles"]), [self.article])
        self.assertContains(response, note_fragment)
        self.assertContains(response, 'class="notice" role="status"')

    def test_unknown_values(self):
        cases = {
            "channel": "no-such-channel",
            "province": "atlantis",
            "city": "gotham",
            "zone": "no-such-zone",
            "tag": "不存在的标签",
            "kind": "video",
        }
        for name, value in cases.items():
            with self.subTest(name):
                self.assert_ignored({name: value}, value)

    def test_region_of_the_wrong_level(self):
        self.assert_ignored({"province": "nantong"}, "nantong")
        self.assert_ignored({"city": "jiangsu"}, "jiangsu")
        # Looked up together, each still has to be of its own level.
        self.assert_ignored({"province": "nantong", "city": "jiangsu"}, "nantong")
        self.assert_ignored({"province": "nantong", "city": "jiangsu"}, "jiangsu")

    def test_known_province_with_unknown_city(self):
        response = self.client.get(
            reverse(INDEX), {"province": "jiangsu", "city": "gotham"}
        )
        self.assertEqual(response.context["filters"].province.slug, "jiangsu")
        self.assertIsNone(response.context["filters"].city)
        self.assertContains(response, "gotham")

    def test_unpublished_zone_is_unknown(self):
        self.haimen_zone.is_published = False
        self.haimen_zone.save()
        self.assert_ignored({"zone": "haimen-etdz"}, "haimen-etdz")

    def test_malformed_values(self):
        year = str(timezone.localtime(self.article.published_at).year)
        cases = [
            {"year": "abc"},
            {"year": "20190"},
            {"year": "1800"},
            {"year": "-1"},
            {"year": year, "month": "13"},
            {"year": year, "month": "0"},
            {"year": year, "month": "x"},
            {"channel": "<script>alert(1)</script>"},
            {"channel": "a\x00b"},
            {"tag": "a\x00b"},
            {"zone": "x" * 500},
            {"city": "../../etc"},
        ]
        for params in cases:
            with self.subTest(params=params):
                response = self.client.get(reverse(INDEX), params)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(list(response.context["articles"]), [self.article])
                self.assertTrue(response.context["filters"].notes)
                self.assertNotContains(response, "<script>alert(1)</script>")

    def test_month_without_year_is_ignored_with_a_note(self):
        self.assert_ignored({"month": "11"}, "月份须与年份一起使用")

    def test_empty_values_from_the_form_are_silently_ignored(self):
        response = self.client.get(
            reverse(INDEX), {"channel": "", "province": "", "kind": "", "year": ""}
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["filters"].notes, [])
        self.assertNotContains(response, 'role="status"')

    def test_repeated_parameters_use_the_last_value(self):
        response = self.client.get(reverse(INDEX) + "?kind=nonsense&kind=text")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["filters"].kind, "text")


class PaginationEdgeTests(NewsTestCase):
    """A page number that is not a page redirects to the nearest page."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for number in range(45):  # three pages: 20, 20, 5
            Article.objects.create(
                title=f"分页{number:02d}",
                channel=cls.zone_news,
                status=Article.Status.PUBLISHED,
                published_at=cls.now - timedelta(minutes=number + 1),
            )

    def test_valid_pages(self):
        for page, first_title in (("1", "分页00"), ("2", "分页20"), ("3", "分页40")):
            with self.subTest(page=page):
                response = self.client.get(reverse(INDEX), {"page": page})
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.context["articles"][0].title, first_title)

    def test_last_page_has_the_remainder(self):
        response = self.client.get(reverse(INDEX), {"page": "3"})
        self.assertEqual(len(response.context["articles"]), 5)
        self.assertContains(response, 'rel="prev"')
        self.assertNotContains(response, 'rel="next"')

    def test_out_of_range_and_malformed_pages_redirect_to_the_nearest(self):
        cases = {
            "4": "/news/?page=3",
            "999999": "/news/?page=3",
            "99999999999999999999999999": "/news/?page=3",
            "0": "/news/",
            "-1": "/news/",
            "abc": "/news/",
            "1.5": "/news/",
            "２": "/news/",  # a full-width digit is not a page number
            "02": "/news/?page=2",
        }
        for page, target in cases.items():
            with self.subTest(page=page):
                response = self.client.get(reverse(INDEX), {"page": page})
                self.assertRedirects(response, target, fetch_redirect_response=False)

    def test_redirect_keeps_the_filters(self):
        response = self.client.get(
            reverse(INDEX), {"channel": "zone-news", "page": "50"}
        )
        self.assertRedirects(
            response, "/news/?channel=zone-news&page=3", fetch_redirect_response=False
        )

    def test_page_beyond_a_filtered_empty_list_goes_to_page_one(self):
        response = self.client.get(reverse(INDEX), {"kind": "picture", "page": "2"})
        self.assertRedirects(
            response, "/news/?kind=picture", fetch_redirect_response=False
        )
        empty = self.client.get(reverse(INDEX), {"kind": "picture"})
        self.assertEqual(empty.status_code, 200)
        self.assertContains(empty, "没有符合这些筛选条件的已发布新闻。")

    def test_page_links_keep_the_filters(self):
        response = self.client.get(reverse(INDEX), {"channel": "zone-news"})
        self.assertContains(response, 'href="?channel=zone-news&amp;page=2"')


class BreadcrumbTests(NewsTestCase):
    def crumbs(self, **params):
        return self.client.get(reverse(INDEX), params).context["breadcrumbs"]

    def test_unfiltered_list(self):
        self.assertEqual(self.crumbs(), [{"label": "开发区新闻", "url": "/news/"}])

    def test_channel_city_kind_like_the_reference(self):
        crumbs = self.crumbs(channel="zone-news", city="nantong", kind="text")
        self.assertEqual(
            crumbs,
            [
                {"label": "开发区新闻", "url": "/news/?channel=zone-news"},
                {"label": "南通", "url": "/news/?channel=zone-news&city=nantong"},
                {
                    "label": "文字新闻",
                    "url": "/news/?channel=zone-news&city=nantong&kind=text",
                },
            ],
        )

    def test_rendered_trail_links_every_level_but_the_current_one(self):
        response = self.client.get(
            reverse(INDEX), {"channel": "zone-news", "city": "nantong", "kind": "text"}
        )
        self.assertContains(
            response, '<a href="/news/?channel=zone-news">开发区新闻</a>'
        )
        self.assertContains(
            response, '<a href="/news/?channel=zone-news&amp;city=nantong">南通</a>'
        )
        self.assertContains(response, '<span aria-current="page">文字新闻</span>')

    def test_province_when_no_city(self):
        crumbs = self.crumbs(province="jiangsu")
        self.assertEqual(
            crumbs[-1], {"label": "江苏", "url": "/news/?province=jiangsu"}
        )


class ThumbnailTests(NewsTestCase):
    def test_picture_news_shows_cover_rendition_with_size_and_alt(self):
        self.make_article(
            "图片新闻",
            kind=Article.Kind.PICTURE,
            cover=jpeg_upload(size=(1600, 900)),
            cover_alt="海门港新区航拍",
        )
        response = self.client.get(reverse(INDEX), {"kind": "picture"})
        # The picture list is a grid of pictures, each about a card wide.
        self.assertContains(response, '<ul class="picture-grid">')
        self.assertContains(response, 'alt="海门港新区航拍"')
        self.assertContains(response, ".w240.webp 240w")
        self.assertContains(response, 'width="480"')
        self.assertContains(response, 'height="270"')
        # Elsewhere picture news is a line of the list with a small picture.
        response = self.client.get(reverse(INDEX))
        self.assertNotContains(response, "picture-grid")
        self.assertContains(response, 'width="240"')

    def test_picture_news_without_cover_uses_its_first_gallery_image(self):
        article = self.make_article("只有图集", kind=Article.Kind.PICTURE)
        self.add_gallery_image(article, position=2)
        first = self.add_gallery_image(article, caption="第一张", position=1)
        first.alt_text = "第一张图"
        first.save()
        response = self.client.get(reverse(INDEX))
        self.assertContains(response, 'alt="第一张图"')

    def test_text_news_has_no_thumbnail(self):
        self.make_article("文字新闻", cover=jpeg_upload(), cover_alt="封面")
        response = self.client.get(reverse(INDEX))
        self.assertNotContains(response, 'alt="封面"')


class ListQueryCountTests(NewsTestCase):
    """The list costs the same number of queries for 2 articles as for 20."""

    def fill(self, count):
        for number in range(count):
            article = self.make_article(
                f"新闻{number}",
                kind=Article.Kind.PICTURE if number % 2 else Article.Kind.TEXT,
                source=self.government,
                tags=["半导体"],
            )
            if number % 2:
                self.add_gallery_image(article)

    # site settings, channels, provinces, first year, count, page, thumbnails
    QUERIES = 7

    def test_two_articles(self):
        self.fill(2)
        with self.assertNumQueries(self.QUERIES):
            response = self.client.get(reverse(INDEX))
        self.assertEqual(len(response.context["articles"]), 2)

    def test_twenty_articles(self):
        self.fill(20)
        with self.assertNumQueries(self.QUERIES):
            response = self.client.get(reverse(INDEX))
        self.assertEqual(len(response.context["articles"]), 20)

    def test_a_page_without_gallery_pictures_looks_none_up(self):
        for number in range(3):
            self.make_article(f"文字{number}")
        with self.assertNumQueries(self.QUERIES - 1):
            self.client.get(reverse(INDEX))

    def test_each_filter_adds_at_most_its_own_lookup(self):
        self.fill(3)
        params = {"channel": "zone-news", "city": "nantong", "tag": "半导体"}
        # + channel, city and tag lookups, and the ids of the city and its
        # counties (written into the article query as a list, which
        # PostgreSQL can weigh; see news/filters.py); the province's cities
        # are not listed because no province is chosen.
        with self.assertNumQueries(self.QUERIES + 4):
            response = self.client.get(reverse(INDEX), params)
        self.assertEqual(len(response.context["articles"]), 3)

    def test_province_and_city_are_one_lookup(self):
        self.fill(3)
        params = {"province": "jiangsu", "city": "nantong"}
        # + one lookup for both regions and the ids of the city and its
        # counties; the province's cities share the provinces' query.
        with self.assertNumQueries(self.QUERIES + 2):
            response = self.client.get(reverse(INDEX), params)
        self.assertEqual(len(response.context["articles"]), 3)
        filters = response.context["filters"]
        self.assertEqual(
            (filters.province.slug, filters.city.slug), ("jiangsu", "nantong")
        )


class DeepPaginationTests(NewsTestCase):
    """Past the numbered pages the list goes on with keyset ("older") links.

    Two numbered pages here instead of ten, so 45 articles are enough.
    """

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # Pairs share a publish time, so the id decides their order.
        cls.articles = [
            Article.objects.create(
                title=f"深页{number:02d}",
                channel=cls.zone_news,
                status=Article.Status.PUBLISHED,
                published_at=cls.now - timedelta(minutes=number // 2 + 1),
            )
            for number in range(45)
        ]

    def setUp(self):
        patcher = mock.patch.object(ArticleListView, "numbered_pages", 2)
        patcher.start()
        self.addCleanup(patcher.stop)

    def titles(self, response):
        return [article.title for article in response.context["articles"]]

    def link(self, response, rel):
        """Where the page's rel="next" or "prev" link leads, or None."""
        match = re.search(rf'<a href="([^"]*)" rel="{rel}">', response.text)
        return match and reverse(INDEX) + html.unescape(match.group(1))

    def expected(self, start, stop):
        newest_first = sorted(
            self.articles, key=lambda a: (a.published_at, a.pk), reverse=True
        )
        return [article.title for article in newest_first[start:stop]]

    def test_count_stops_at_the_numbered_pages(self):
        response = self.client.get(reverse(INDEX))
        self.assertContains(response, "超过 40 篇新闻，由新到旧排列")
        self.assertEqual(response.context["paginator"].num_pages, 2)

    def test_numbered_page_past_the_last_redirects_to_it(self):
        for page in ("3", "5000", "99999999999"):
            with self.subTest(page=page):
                response = self.client.get(reverse(INDEX), {"page": page})
                self.assertRedirects(
                    response, "/news/?page=2", fetch_redirect_response=False
                )

    def test_last_numbered_page_links_to_the_older_articles(self):
        second = self.client.get(reverse(INDEX), {"page": "2"})
        self.assertEqual(self.titles(second), self.expected(20, 40))
        next_url = self.link(second, "next")
        self.assertIn("?older=", next_url)

        older = self.client.get(next_url)
        self.assertEqual(older.status_code, 200)
        self.assertEqual(self.titles(older), self.expected(40, 45))
        self.assertIsNone(self.link(older, "next"))
        self.assertEqual(older.context["page_obj"].number, None)
        self.assertContains(older, '<a href="?page=1">')
        # Back up: the page before is the second page again.
        newer = self.client.get(self.link(older, "prev"))
        self.assertEqual(self.titles(newer), self.expected(20, 40))
        # And one more step up is the first page, by its plain URL.
        top = self.client.get(self.link(newer, "prev"))
        self.assertRedirects(top, "/news/", fetch_redirect_response=False)

    def test_keyset_pages_show_the_gallery_image_of_picture_news(self):
        oldest = self.articles[-1]
        oldest.kind = Article.Kind.PICTURE
        oldest.save()
        self.add_gallery_image(oldest)
        second = self.client.get(reverse(INDEX), {"page": "2"})
        older = self.client.get(self.link(second, "next"))
        self.assertContains(older, 'alt="园区厂房"')

    def test_keyset_pages_keep_the_filters(self):
        second = self.client.get(reverse(INDEX), {"channel": "zone-news", "page": "2"})
        next_url = self.link(second, "next")
        self.assertTrue(next_url.startswith("/news/?channel=zone-news&older="))
        older = self.client.get(next_url)
        self.assertEqual(older.context["filters"].channel, self.zone_news)
        self.assertContains(older, 'href="?channel=zone-news&amp;page=1"')

    def test_bad_cursors_go_to_the_first_page(self):
        page_two = self.client.get(reverse(INDEX), {"page": "2"})
        good = str(page_two.context["older_cursor"])
        cases = [
            {"older": "abc"},
            {"older": "-1-5"},
            {"older": "1" * 40 + "-1"},
            {"older": "1\x00-2"},
            {"newer": ""},
            {"older": good, "newer": good},
            {"older": good, "page": "2"},
            {"older": "0-0"},  # older than everything: nothing to show
        ]
        for params in cases:
            with self.subTest(params=params):
                response = self.client.get(
                    reverse(INDEX), {"channel": "zone-news", **params}
                )
                self.assertRedirects(
                    response,
                    "/news/?channel=zone-news",
                    fetch_redirect_response=False,
                )

    def test_a_keyset_page_costs_what_the_first_page_costs(self):
        self.client.get(reverse(INDEX))  # site settings into the cache
        with CaptureQueriesContext(connection) as first:
            page = self.client.get(reverse(INDEX), {"page": "2"})
        with CaptureQueriesContext(connection) as deep:
            self.client.get(self.link(page, "next"))
        self.assertEqual(len(deep), len(first))
