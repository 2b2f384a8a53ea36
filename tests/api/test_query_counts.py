"""The zone and article lists cost the same queries for 2 rows as for 20."""

from django.urls import reverse

from news.models import Article
from tests.api.helpers import ApiTestCase
from tests.factories import make_zone
from zones.models import Industry, ZoneIndustry

# Articles: the page (source and zone joined), its channels, regions and
# tag names (api.views.attach_tag_names). Zones: the page (regions joined)
# and its industries, and the key figures the directory's filter form offers
# as sort orders (facts), read while the form is built although the API
# pages by id.
ARTICLE_LIST_QUERIES = 4
ZONE_LIST_QUERIES = 3


class QueryCountTests(ApiTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        industries = [
            Industry.objects.create(name=f"产业{n}", slug=f"industry-{n}")
            for n in range(3)
        ]
        zones = [cls.haimen_zone, cls.suzhou_zone, cls.ningbo_zone]
        for n in range(20):
            zone = make_zone(
                f"测试开发区{n}",
                f"test-zone-{n}",
                cls.jiangsu if n % 2 else cls.zhejiang,
                cls.nantong if n % 2 else cls.ningbo,
            )
            zones.append(zone)
            for industry in industries[: n % 3 + 1]:
                ZoneIndustry.objects.create(content_object=zone, tag=industry)
        channels = [cls.zone_news, cls.investment_news]
        for n in range(20):
            article = Article.objects.create(
                title=f"新闻{n}",
                channel=channels[n % 2],
                zone=zones[n],
                source=cls.government if n % 3 else None,
                status=Article.Status.PUBLISHED,
                published_at=cls.yesterday,
                language=Article.Language.ENGLISH if n % 4 == 0 else "zh-hans",
            )
            article.tags.add(f"标签{n % 5}", f"tag-{n % 7}")

    def count(self, url, size, queries):
        with self.assertNumQueries(queries):
            response = self.client.get(url, {"page_size": size})
        self.assertEqual(len(response.json()["results"]), size)

    def test_article_list(self):
        url = reverse("api:article-list")
        for size in (2, 20):
            with self.subTest(size=size):
                self.count(url, size, ARTICLE_LIST_QUERIES)
        cursor = self.client.get(url, {"page_size": 5}).json()["next"]
        with self.assertNumQueries(ARTICLE_LIST_QUERIES):
            self.assertEqual(self.client.get(cursor).status_code, 200)

    def test_zone_list(self):
        url = reverse("api:zone-list")
        for size in (2, 20):
            with self.subTest(size=size):
                self.count(url, size, ZONE_LIST_QUERIES)
