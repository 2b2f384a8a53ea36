"""Chinese pages speak Chinese, English pages English, and the switcher
keeps the reader on the same page."""

from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from news.models import Article
from tests.site.helpers import SiteTestCase, parse


class ChineseInterfaceTests(SiteTestCase):
    def test_article_page_labels_are_chinese(self):
        newer = self.make_article("较新的一条", published_at=self.yesterday)
        article = self.make_article(
            "海门新闻",
            source=self.government,
            published_at=self.november,
        )
        older = self.make_article(
            "较早的一条", published_at=self.november.replace(year=2018)
        )
        response = self.client.get(article.get_absolute_url())
        for text in (
            "首页",
            ">开发区<",
            "开发区新闻",
            "您现在的位置：",
            "上一条：",
            "下一条：",
            "发布时间：",
            "来源：",
            "发布开发区：",
            "文字新闻",
            "跳到正文",
            "联系我们",
        ):
            with self.subTest(text=text):
                self.assertContains(response, text)
        self.assertContains(response, newer.title)
        self.assertContains(response, older.title)
        body = response.content.decode().split("<body>", 1)[1]
        for english in ("Previous", "Published", "Publishing zone", "You are here"):
            with self.subTest(english=english):
                self.assertNotIn(english, body)
        self.assertEqual(parse(response).html_lang, "zh-Hans")

    def test_list_and_directory_pages_are_chinese(self):
        self.make_article(kind=Article.Kind.TEXT)
        pages = {
            reverse("news:index"): ("筛选新闻", "栏目", "全部省份", "1 篇文章"),
            reverse("zones:index"): ("查找开发区", "主导产业", "排序方式", "个开发区"),
            reverse("home"): ("最新动态", "开发区动态", "浏览全部开发区"),
            reverse("search:index") + "?q=海门": ("细化搜索", "搜索词"),
        }
        for url, texts in pages.items():
            response = self.client.get(url)
            for text in texts:
                with self.subTest(url=url, text=text):
                    self.assertContains(response, text)

    def test_picture_news_label(self):
        self.make_article("图片新闻一则", kind=Article.Kind.PICTURE)
        response = self.client.get(reverse("news:index"), {"kind": "picture"})
        self.assertContains(response, "图片新闻")


class EnglishInterfaceTests(SiteTestCase):
    def test_english_pages_are_english_with_lang_en(self):
        article = self.make_english_article(source=self.government)
        response = self.client.get(f"/en{article.get_absolute_url()}")
        self.assertEqual(parse(response).html_lang, "en")
        for text in ("Home", "You are here:", "Published:", "Source:", "Zone news"):
            with self.subTest(text=text):
                self.assertContains(response, text)
        self.assertNotContains(response, "发布时间")

    def test_english_news_and_home_list_english_news_and_link_the_chinese_news(self):
        self.make_english_article("Haimen signs twelve projects")
        self.make_article("海门签约十二个项目")
        for path in ("/en/news/", "/en/"):
            with self.subTest(path=path):
                response = self.client.get(path)
                self.assertContains(response, "Haimen signs twelve projects")
                self.assertNotContains(response, "海门签约十二个项目")
                self.assertContains(
                    response,
                    '<a href="/news/" hreflang="zh-Hans">Read the news in Chinese</a>',
                    html=True,
                )

    def test_chinese_article_read_in_english_is_marked_chinese(self):
        article = self.make_article("海门新闻")
        response = self.client.get(f"/en{article.get_absolute_url()}")
        self.assertContains(response, '<h1 lang="zh-Hans">海门新闻</h1>', html=True)


class DatesAndUnitsTests(SiteTestCase):
    def test_dates_per_language(self):
        chinese = self.make_article("海门新闻", published_at=self.november)
        english = self.make_english_article(published_at=self.november)
        self.assertContains(
            self.client.get(chinese.get_absolute_url()), "2019年11月12日"
        )
        self.assertContains(
            self.client.get(f"/en{english.get_absolute_url()}"), "12 Nov 2019"
        )

    def test_area_per_language(self):
        url = self.haimen_zone.get_absolute_url()
        chinese = self.client.get(url)
        self.assertContains(chinese, "488 公顷")
        self.assertContains(chinese, "4.88 平方公里")
        self.assertContains(chinese, "2013年1月")
        english = self.client.get(f"/en{url}")
        self.assertContains(english, "488 ha")
        self.assertContains(english, "4.88 km²")
        self.assertContains(english, "January 2013")

    def test_counts_are_grouped_in_thousands(self):
        template = Template("{% load humanize %}{{ 2543|intcomma }}")
        for language in ("zh-hans", "en"):
            with self.subTest(language=language), translation.override(language):
                self.assertEqual(template.render(Context()), "2,543")


class BilingualZoneProfileTests(SiteTestCase):
    def test_english_page_shows_the_english_profile(self):
        response = self.client.get(f"/en{self.haimen_zone.get_absolute_url()}")
        self.assertContains(
            response, "Haimen ETDZ lies where the Yangtze meets the sea."
        )
        self.assertNotContains(response, "位于长江入海口")
        self.assertNotContains(response, "has not published an English profile")

    def test_missing_english_shows_the_chinese_with_a_note(self):
        self.haimen_zone.profile_en = ""
        self.haimen_zone.save()
        response = self.client.get(f"/en{self.haimen_zone.get_absolute_url()}")
        self.assertContains(
            response, "This zone has not published an English profile yet."
        )
        self.assertContains(
            response,
            '<div class="rich-text" lang="zh-Hans">'
            "<p>海门经济技术开发区位于长江入海口。</p></div>",
            html=True,
        )

    def test_chinese_page_shows_the_chinese_profile_without_a_note(self):
        response = self.client.get(self.haimen_zone.get_absolute_url())
        self.assertContains(response, "位于长江入海口")
        self.assertNotContains(response, "尚未发布英文简介")

    def test_chinese_only_data_is_marked_on_english_pages(self):
        response = self.client.get(f"/en{self.haimen_zone.get_absolute_url()}")
        self.assertContains(
            response, '<dd lang="zh-Hans">江苏省南通市海门区北京东路1号</dd>', html=True
        )

    def test_zone_without_english_name_is_marked_chinese(self):
        response = self.client.get(f"/en{self.suzhou_zone.get_absolute_url()}")
        self.assertContains(response, '<h1 lang="zh-Hans">苏州工业园区</h1>', html=True)

    def test_english_zone_page_links_the_chinese_news_of_the_zone(self):
        response = self.client.get(f"/en{self.haimen_zone.get_absolute_url()}")
        self.assertContains(
            response, f'href="/news/?zone={self.haimen_zone.slug}" hreflang="zh-Hans"'
        )


class LanguageSwitcherTests(SiteTestCase):
    def switcher(self, response):
        """(label, href) of the other language's link in the header."""
        content = response.content.decode()
        start = content.index('<nav class="language-switcher"')
        return content[start : content.index("</nav>", start)]

    def test_links_to_the_same_page_in_the_other_language(self):
        article = self.make_article("海门新闻")
        cases = {
            article.get_absolute_url(): f"/en{article.get_absolute_url()}",
            f"/en{article.get_absolute_url()}": article.get_absolute_url(),
            "/zones/?province=jiangsu&level=national": (
                "/en/zones/?province=jiangsu&amp;level=national"
            ),
            "/en/zones/region/jiangsu/": "/zones/region/jiangsu/",
            "/": "/en/",
            "/en/": "/",
        }
        for url, other in cases.items():
            with self.subTest(url=url):
                switcher = self.switcher(self.client.get(url))
                self.assertIn(f'href="{other}"', switcher)
                self.assertIn('aria-current="true"', switcher)

    def test_links_work_without_javascript(self):
        response = self.client.get("/en/zones/")
        switcher = self.switcher(response)
        self.assertNotIn("<form", switcher)
        target = self.client.get("/zones/")
        self.assertEqual(target.status_code, 200)
        self.assertEqual(parse(target).html_lang, "zh-Hans")

    def test_a_missing_page_offers_the_other_home_page(self):
        switcher = self.switcher(self.client.get("/en/zones/no-such-zone/"))
        self.assertIn('href="/"', switcher)
