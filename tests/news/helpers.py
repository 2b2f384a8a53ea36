"""Shared data and small factories for the news tests."""

from datetime import timedelta
from io import BytesIO

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.utils import timezone, translation
from PIL import Image

from news.models import Article, ArticleImage, Channel, Source
from tests.factories import make_region, make_zone
from zones.models import Region


def jpeg_upload(name="photo.jpg", size=(1600, 900), color=(30, 90, 160)):
    """A real JPEG, made by Pillow, as a form upload."""
    buffer = BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG", quality=70)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


class NewsTestCase(TestCase):
    """Regions, zones, channels and a source shared by the news tests.

    Clock anchors: `now`, `yesterday`, `tomorrow`. Articles are created by
    `make_article`, published yesterday unless told otherwise.
    """

    @classmethod
    def setUpTestData(cls):
        cls.now = timezone.now()
        cls.yesterday = cls.now - timedelta(days=1)
        cls.tomorrow = cls.now + timedelta(days=1)

        cls.jiangsu = make_region(
            "江苏省", "jiangsu", Region.Level.PROVINCE, name_en="Jiangsu"
        )
        cls.nantong = make_region(
            "南通市", "nantong", Region.Level.CITY, cls.jiangsu, name_en="Nantong"
        )
        cls.suzhou = make_region(
            "苏州市", "suzhou", Region.Level.CITY, cls.jiangsu, name_en="Suzhou"
        )
        cls.zhejiang = make_region(
            "浙江省", "zhejiang", Region.Level.PROVINCE, name_en="Zhejiang"
        )
        cls.ningbo = make_region(
            "宁波市", "ningbo", Region.Level.CITY, cls.zhejiang, name_en="Ningbo"
        )
        cls.haimen_zone = make_zone(
            "海门经济技术开发区",
            "haimen-etdz",
            cls.jiangsu,
            cls.nantong,
            name_en="Haimen Economic and Technological Development Zone",
        )
        cls.suzhou_zone = make_zone(
            "苏州工业园区",
            "suzhou-industrial-park",
            cls.jiangsu,
            cls.suzhou,
            name_en="",
        )
        cls.ningbo_zone = make_zone(
            "宁波经济技术开发区", "ningbo-etdz", cls.zhejiang, cls.ningbo, name_en=""
        )
        cls.zone_news = Channel.objects.create(
            name="开发区新闻", name_en="Zone news", slug="zone-news", position=1
        )
        cls.investment_news = Channel.objects.create(
            name="投资动态", name_en="Investment news", slug="investment", position=2
        )
        cls.government = Source.objects.create(
            name="海门市人民政府", website="http://www.haimen.gov.cn/"
        )
        user_model = get_user_model()
        cls.editor = user_model.objects.create_superuser(
            "editor", "editor@example.com", "editor-password-123"
        )
        cls.visitor = user_model.objects.create_user(
            "visitor", "visitor@example.com", "visitor-password-123"
        )

    def tearDown(self):
        # LocaleMiddleware leaves the language of the last request active in
        # the thread; an /en/ request would otherwise turn later reverse()
        # calls, in this test class or another, into /en/ URLs.
        translation.deactivate()
        super().tearDown()

    def make_article(self, title="打造承载未来发展的产业新平台", **fields):
        tags = fields.pop("tags", ())
        fields.setdefault("channel", self.zone_news)
        fields.setdefault("zone", self.haimen_zone)
        fields.setdefault("status", Article.Status.PUBLISHED)
        fields.setdefault("published_at", self.yesterday)
        fields.setdefault("body", "<p>四甲镇规划建设两大产业园。</p>")
        article = Article.objects.create(title=title, **fields)
        if tags:
            article.tags.add(*tags)
        return article

    def add_gallery_image(self, article, caption="园区一角", position=0):
        return ArticleImage.objects.create(
            article=article,
            image=jpeg_upload("gallery.jpg", size=(1000, 750)),
            alt_text="园区厂房",
            caption=caption,
            position=position,
        )
