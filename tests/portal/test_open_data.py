"""The /data/ page: the datasets, their figures from the database, the files."""

from datetime import timedelta
from html.parser import HTMLParser

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from news import downloads as news_downloads
from news.models import Article
from tests.factories import make_zone
from tests.news.helpers import NewsTestCase
from zones import downloads as zone_downloads
from zones.models import Zone


class FactsParser(HTMLParser):
    """The <dd> after each <dt> per dataset section, and <time> values."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.section = None
        self.facts = {}
        self.times = {}
        self._term = None
        self._in = None
        self._text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and "dataset" in attrs.get("class", ""):
            self.section = attrs["id"]
            self.facts[self.section] = {}
        elif tag in ("dt", "dd") and self.section:
            self._in, self._text = tag, []
        elif tag == "time" and self._in == "dd":
            self.times[(self.section, self._term)] = attrs["datetime"]

    def handle_endtag(self, tag):
        if tag == "dt" and self._in == "dt":
            self._term = "".join(self._text).strip()
            self._in = None
        elif tag == "dd" and self._in == "dd":
            self.facts[self.section][self._term] = " ".join("".join(self._text).split())
            self._in = None
        elif tag == "section":
            self.section = None

    def handle_data(self, data):
        if self._in:
            self._text.append(data)


def facts_of(response):
    parser = FactsParser()
    parser.feed(response.content.decode())
    return parser


class OpenDataPageTests(NewsTestCase):
    def setUp(self):
        self.article = self.make_article(tags=["产业园"])
        self.make_article("Haimen news", language=Article.Language.ENGLISH)
        self.make_article("草稿", status=Article.Status.DRAFT)
        self.make_article("定时", published_at=self.tomorrow)
        self.make_article("已删除", deleted_at=self.now)
        make_zone("未发布开发区", "hidden-zone", self.jiangsu, is_published=False)

    def test_the_page_answers_in_both_languages(self):
        for url, heading in (("/data/", "开放数据"), ("/en/data/", "Open data")):
            with self.subTest(url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, f"<h1>{heading}</h1>", html=True)

    def test_rows_are_the_published_counts(self):
        page = facts_of(self.client.get("/en/data/"))
        self.assertEqual(page.facts["zones"]["Rows"], "3")
        self.assertEqual(page.facts["articles"]["Rows"], "2")
        self.assertEqual(Zone.objects.count(), 4)
        self.assertEqual(Article.objects.count(), 5)

    def test_last_change_is_the_newest_change_of_the_published_rows(self):
        # A draft edited later does not count: its rows are not in the file.
        Article.objects.filter(title="草稿").update(
            updated_at=self.now + timedelta(hours=5)
        )
        page = facts_of(self.client.get("/en/data/"))
        newest_zone = Zone.objects.published().aggregate(Max("updated_at"))
        expected = timezone.localtime(newest_zone["updated_at__max"])
        self.assertEqual(
            page.times[("zones", "Last change")],
            expected.isoformat(timespec="seconds"),
        )
        published = Article.objects.published().aggregate(
            edited=Max("updated_at"), live=Max("published_at")
        )
        expected = timezone.localtime(max(published["edited"], published["live"]))
        self.assertEqual(
            page.times[("articles", "Last change")],
            expected.isoformat(timespec="seconds"),
        )

    def test_lists_the_files_fields_licence_and_defects(self):
        response = self.client.get("/en/data/")
        for name in ("data-zones-csv", "data-zones-geojson", "data-articles-csv"):
            self.assertContains(response, f'href="{reverse(name)}"')
        for dataset in (zone_downloads.DATASET, news_downloads.DATASET):
            for field in dataset.fields:
                self.assertContains(
                    response, f'<th scope="row"><code>{field.name}</code></th>'
                )
        self.assertContains(
            response, 'href="https://creativecommons.org/licenses/by/4.0/"'
        )
        self.assertContains(response, "S377018")
        self.assertContains(response, "byte order mark")
        self.assertContains(response, "skiprows=7")
        self.assertContains(response, "skiprows=5")

    def test_links_the_api_with_each_dataset_and_its_documentation(self):
        response = self.client.get("/en/data/")
        self.assertContains(response, f'href="{reverse("api:docs")}"')
        self.assertContains(response, f'href="{reverse("api:zone-list")}"')
        self.assertContains(response, f'href="{reverse("api:article-list")}"')

    def test_the_chinese_page_is_translated(self):
        response = self.client.get("/data/")
        self.assertContains(response, "字段")
        self.assertContains(response, "许可")
        self.assertNotContains(response, "Known defects")

    def test_the_footer_links_the_page(self):
        for url, target in (("/", "/data/"), ("/en/news/", "/en/data/")):
            with self.subTest(url):
                self.assertContains(self.client.get(url), f'href="{target}"')

    def test_the_sitemap_lists_the_page_in_both_languages(self):
        index = self.client.get(reverse("sitemap-index"))
        self.assertContains(index, "sitemap-data.xml")
        section = self.client.get("/sitemap-data.xml")
        self.assertContains(section, "<loc>http://testserver/data/</loc>")
        self.assertContains(section, "<loc>http://testserver/en/data/</loc>")

    def test_the_page_costs_a_fixed_number_of_queries(self):
        self.client.get("/data/")  # site settings into the cache
        # The figures come from the cache until something changes.
        with self.assertNumQueries(0):
            self.client.get("/data/")
        with self.captureOnCommitCallbacks(execute=True):
            for number in range(5):
                self.make_article(f"更多{number}")
        # Then the two summaries and the next scheduled article, once.
        with self.assertNumQueries(3):
            self.client.get("/data/")
        with self.assertNumQueries(0):
            self.client.get("/data/")
