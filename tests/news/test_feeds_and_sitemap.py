from xml.etree import ElementTree

from django.urls import reverse

from news.models import Article
from tests.news.helpers import NewsTestCase

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def parse(content):
    # Our own server's output, not untrusted input.
    return ElementTree.fromstring(content)  # noqa: S314


class FeedTests(NewsTestCase):
    def setUp(self):
        self.article = self.make_article(
            "海门新闻", summary="海门摘要", source=self.government, tags=["半导体"]
        )
        self.ningbo = self.make_article(
            "宁波新闻", zone=self.ningbo_zone, channel=self.investment_news
        )

    def rss_items(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("application/rss+xml"))
        return parse(response.content).findall("channel/item")

    def test_all_news_rss(self):
        items = self.rss_items(reverse("news:feed-rss"))
        self.assertEqual(
            [item.findtext("title") for item in items], ["宁波新闻", "海门新闻"]
        )
        haimen = items[1]
        self.assertEqual(haimen.findtext("description"), "海门摘要")
        self.assertEqual(
            haimen.findtext("link"), f"http://testserver/news/{self.article.pk}/"
        )
        self.assertIsNotNone(haimen.findtext("pubDate"))
        self.assertEqual(
            {category.text for category in haimen.findall("category")},
            {"开发区新闻", "半导体"},
        )

    def test_atom_feed(self):
        response = self.client.get(reverse("news:feed-atom"))
        self.assertTrue(response["Content-Type"].startswith("application/atom+xml"))
        feed = parse(response.content)
        titles = [
            entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")
        ]
        self.assertEqual(titles, ["宁波新闻", "海门新闻"])
        self.assertIsNotNone(feed.find(f"{ATOM}entry/{ATOM}updated"))

    def test_zone_feed_includes_articles_that_name_the_zone(self):
        mention = self.make_article("提及海门", zone=self.ningbo_zone)
        mention.related_zones.add(self.haimen_zone)
        items = self.rss_items(
            reverse("news:zone-feed-rss", kwargs={"slug": "haimen-etdz"})
        )
        self.assertEqual(
            {item.findtext("title") for item in items}, {"海门新闻", "提及海门"}
        )

    def test_channel_feed(self):
        items = self.rss_items(
            reverse("news:channel-feed-rss", kwargs={"slug": "investment"})
        )
        self.assertEqual([item.findtext("title") for item in items], ["宁波新闻"])

    def test_unknown_or_unpublished_feed_objects_are_404(self):
        self.suzhou_zone.is_published = False
        self.suzhou_zone.save()
        for url in (
            reverse("news:zone-feed-rss", kwargs={"slug": "no-such-zone"}),
            reverse("news:zone-feed-atom", kwargs={"slug": "suzhou-industrial-park"}),
            reverse("news:channel-feed-rss", kwargs={"slug": "no-such-channel"}),
        ):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_english_feed_lists_english_articles(self):
        self.make_article("Haimen story", language=Article.Language.ENGLISH)
        items = self.rss_items("/en/news/feeds/rss/")
        self.assertEqual([item.findtext("title") for item in items], ["Haimen story"])

    def test_pages_advertise_their_feeds(self):
        rss = '<link rel="alternate" type="application/rss+xml"'
        for url, feed in (
            (reverse("home"), reverse("news:feed-rss")),
            (reverse("news:index"), reverse("news:feed-atom")),
            (
                reverse("news:index") + "?zone=haimen-etdz",
                reverse("news:zone-feed-rss", kwargs={"slug": "haimen-etdz"}),
            ),
            (
                reverse("news:index") + "?channel=investment",
                reverse("news:channel-feed-rss", kwargs={"slug": "investment"}),
            ),
        ):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertContains(response, rss)
                self.assertContains(response, f'href="{feed}"')


class SitemapTests(NewsTestCase):
    def locations(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        root = parse(response.content)
        return [element.text for element in root.iter(f"{SITEMAP}loc")]

    def test_index_lists_the_sections_with_lastmod(self):
        self.make_article()
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        locations = self.locations("/sitemap.xml")
        self.assertEqual(
            set(locations),
            {
                "http://testserver/sitemap-articles.xml",
                "http://testserver/sitemap-zones.xml",
                "http://testserver/sitemap-news.xml",
                "http://testserver/sitemap-projects.xml",
                "http://testserver/sitemap-data.xml",
            },
        )
        self.assertContains(response, "<lastmod>")

    def test_articles_with_their_language_prefix(self):
        chinese = self.make_article("中文")
        english = self.make_article("English", language=Article.Language.ENGLISH)
        locations = self.locations("/sitemap-articles.xml")
        self.assertIn(f"http://testserver/news/{chinese.pk}/", locations)
        self.assertIn(f"http://testserver/en/news/{english.pk}/", locations)

    def test_published_zones_only(self):
        self.ningbo_zone.is_published = False
        self.ningbo_zone.save()
        locations = self.locations("/sitemap-zones.xml")
        self.assertIn(
            f"http://testserver{self.haimen_zone.get_absolute_url()}", locations
        )
        self.assertNotIn(
            f"http://testserver{self.ningbo_zone.get_absolute_url()}", locations
        )

    def test_news_list_and_channel_lists(self):
        locations = self.locations("/sitemap-news.xml")
        self.assertEqual(
            locations,
            [
                "http://testserver/news/",
                "http://testserver/news/?channel=zone-news",
                "http://testserver/news/?channel=investment",
            ],
        )

    def test_unknown_section_is_404(self):
        self.assertEqual(self.client.get("/sitemap-nothing.xml").status_code, 404)

    def test_robots_txt_points_to_the_sitemap(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        self.assertIn(b"User-agent: *", response.content)
        self.assertIn(b"Sitemap: http://testserver/sitemap.xml", response.content)


class FeedSummaryIsTextTests(NewsTestCase):
    """Readers render the summary as HTML: markup in it must stay text."""

    PAYLOAD = '园区 <img src=x onerror="alert(1)"> & 港区'

    def setUp(self):
        self.make_article("海门新闻", summary=self.PAYLOAD)

    def test_rss_description_carries_the_summary_as_escaped_html(self):
        response = self.client.get(reverse("news:feed-rss"))
        description = parse(response.content).findtext("channel/item/description")
        self.assertNotIn("<img", description)
        self.assertEqual(
            description,
            "园区 &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; 港区",
        )

    def test_atom_summary_carries_the_summary_as_escaped_html(self):
        response = self.client.get(reverse("news:feed-atom"))
        summary = parse(response.content).find(f"{ATOM}entry/{ATOM}summary")
        self.assertEqual(summary.get("type"), "html")
        self.assertNotIn("<img", summary.text)
        self.assertIn("&lt;img", summary.text)
