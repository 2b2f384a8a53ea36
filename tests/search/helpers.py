"""Shared data and small factories for the search tests."""

from datetime import timedelta

from django.db import connection
from django.test import TestCase
from django.utils import timezone, translation

from news.models import Article, Channel, Source
from tests.factories import make_region, make_zone
from zones.models import Region


def queries_per_search(count_on_sqlite):
    """The query count of a search page on the database under test.

    PostgreSQL adds one query that sets the search's statement timeout, and
    inside a TestCase its transaction is a savepoint: two more statements.
    """
    return count_on_sqlite + (3 if connection.vendor == "postgresql" else 0)


class SearchTestCase(TestCase):
    """Two provinces, three zones, two channels; `make_article` for the rest.

    Clock anchors: `now`, `yesterday`, `tomorrow`, `last_year`.
    """

    @classmethod
    def setUpTestData(cls):
        cls.now = timezone.now()
        cls.yesterday = cls.now - timedelta(days=1)
        cls.tomorrow = cls.now + timedelta(days=1)
        cls.last_year = cls.now - timedelta(days=365)

        cls.jiangsu = make_region(
            "江苏省", "jiangsu", Region.Level.PROVINCE, name_en="Jiangsu"
        )
        cls.nantong = make_region(
            "南通市", "nantong", Region.Level.CITY, cls.jiangsu, name_en="Nantong"
        )
        cls.zhejiang = make_region(
            "浙江省", "zhejiang", Region.Level.PROVINCE, name_en="Zhejiang"
        )
        cls.ningbo = make_region(
            "宁波市", "ningbo", Region.Level.CITY, cls.zhejiang, name_en="Ningbo"
        )
        cls.haimen = make_zone(
            "海门经济技术开发区",
            "haimen-etdz",
            cls.jiangsu,
            cls.nantong,
            short_name="海门经开区",
            name_en="Haimen Economic and Technological Development Zone",
            code="G321099",
        )
        cls.nantong_high_tech = make_zone(
            "南通高新技术产业开发区",
            "nantong-high-tech-zone",
            cls.jiangsu,
            cls.nantong,
            short_name="南通高新区",
            name_en="Nantong High-tech Industrial Development Zone",
            code="G322050",
        )
        cls.ningbo_zone = make_zone(
            "宁波经济技术开发区",
            "ningbo-etdz",
            cls.zhejiang,
            cls.ningbo,
            short_name="宁波经开区",
            name_en="Ningbo Economic and Technological Development Zone",
            code="G330201",
        )
        cls.zone_news = Channel.objects.create(
            name="园区动态", name_en="Zone news", slug="zone-news", position=1
        )
        cls.government = Source.objects.create(name="海门市人民政府")

    def tearDown(self):
        # An /en/ request leaves English active in the thread for reverse().
        translation.deactivate()
        super().tearDown()

    def make_article(self, title, summary="", **fields):
        fields.setdefault("channel", self.zone_news)
        fields.setdefault("zone", self.haimen)
        fields.setdefault("status", Article.Status.PUBLISHED)
        fields.setdefault("published_at", self.yesterday)
        fields.setdefault("body", "<p>正文。</p>")
        return Article.objects.create(
            title=title, summary=summary or "摘要。", **fields
        )
