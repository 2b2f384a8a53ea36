from datetime import date, timedelta

from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from news.models import Article, Source
from tests.news.helpers import NewsTestCase, jpeg_upload


def detail_url(article):
    return reverse("news:detail", kwargs={"pk": article.pk})


class ArticlePageFieldsTests(NewsTestCase):
    """Every field of the reference page appears on ours."""

    def setUp(self):
        self.article = self.make_article(
            subtitle="四甲镇谋划两大产业园",
            source=self.government,
            body=(
                "<p>导语。</p><h2>构筑新平台,集聚高端产业</h2><p>正文。</p>"
                "<h2>项目建设力度不减</h2><p>更多正文。</p>"
            ),
            tags=["半导体", "航天新材料"],
        )

    def test_title_subtitle_date_source_zone_and_body(self):
        response = self.client.get(detail_url(self.article))
        self.assertEqual(response.status_code, 200)
        self.assertContains(
            response, "<h1>打造承载未来发展的产业新平台</h1>", html=True
        )
        self.assertContains(response, "四甲镇谋划两大产业园")
        # The page gives the date in the site's time zone (Asia/Shanghai),
        # which is a day ahead of UTC from 16:00 UTC.
        published = timezone.localtime(self.article.published_at).isoformat()
        self.assertContains(response, "<time datetime=")
        self.assertContains(response, published[:10])
        self.assertContains(
            response,
            '<a href="http://www.haimen.gov.cn/" rel="noopener noreferrer">'
            "海门市人民政府</a>",
            html=True,
        )
        self.assertContains(
            response,
            f'<a href="{self.haimen_zone.get_absolute_url()}">海门经济技术开发区</a>',
            html=True,
        )
        self.assertContains(response, "<h2>构筑新平台,集聚高端产业</h2>", html=True)
        self.assertContains(response, "<h2>项目建设力度不减</h2>", html=True)

    def test_summary_is_the_meta_description(self):
        response = self.client.get(detail_url(self.article))
        self.assertContains(
            response, f'<meta name="description" content="{self.article.summary}">'
        )

    def test_tags_link_to_the_tag_list_with_unicode_slugs(self):
        response = self.client.get(detail_url(self.article))
        self.assertContains(
            response,
            '<a href="/news/?tag=%E5%8D%8A%E5%AF%BC%E4%BD%93" rel="tag">半导体</a>',
            html=True,
        )
        listed = self.client.get("/news/?tag=%E5%8D%8A%E5%AF%BC%E4%BD%93")
        self.assertEqual(list(listed.context["articles"]), [self.article])

    def test_breadcrumb_like_the_reference(self):
        response = self.client.get(detail_url(self.article))
        self.assertEqual(
            response.context["breadcrumbs"],
            [
                {"label": "开发区新闻", "url": "/news/?channel=zone-news"},
                {"label": "南通", "url": "/news/?channel=zone-news&city=nantong"},
                {
                    "label": "文字新闻",
                    "url": "/news/?channel=zone-news&city=nantong&kind=text",
                },
                {"label": self.article.title, "url": None},
            ],
        )
        for crumb in response.context["breadcrumbs"][:-1]:
            with self.subTest(crumb=crumb["label"]):
                self.assertEqual(self.client.get(crumb["url"]).status_code, 200)

    def test_source_url_wins_over_the_source_website(self):
        self.article.source_url = "https://www.haimen.gov.cn/art/2019/11/12/a.html"
        self.article.save()
        response = self.client.get(detail_url(self.article))
        self.assertContains(
            response, 'href="https://www.haimen.gov.cn/art/2019/11/12/a.html"'
        )

    def test_source_without_website_is_plain_text(self):
        plain = Source.objects.create(name="四甲镇")
        self.article.source = plain
        self.article.save()
        response = self.client.get(detail_url(self.article))
        self.assertContains(response, "四甲镇")
        self.assertNotContains(response, 'rel="noopener noreferrer">四甲镇')

    def test_original_publication_date_of_republished_items(self):
        self.article.originally_published_on = date(2019, 11, 12)
        self.article.save()
        response = self.client.get(detail_url(self.article))
        self.assertContains(response, '<time datetime="2019-11-12">')

    def test_unpublished_zone_is_named_but_not_linked(self):
        self.haimen_zone.is_published = False
        self.haimen_zone.save()
        response = self.client.get(detail_url(self.article))
        self.assertContains(response, "海门经济技术开发区")
        self.assertNotContains(
            response, f'href="{self.haimen_zone.get_absolute_url()}"'
        )

    def test_portal_news_without_zone_or_source(self):
        article = self.make_article("门户公告", zone=None, region=self.nantong)
        response = self.client.get(detail_url(article))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "Publishing zone")
        self.assertEqual(response.context["breadcrumbs"][1]["label"], "南通")

    def test_feeds_of_the_channel_and_zone_are_advertised(self):
        response = self.client.get(detail_url(self.article))
        for name, slug in (
            ("news:channel-feed-rss", "zone-news"),
            ("news:zone-feed-rss", "haimen-etdz"),
        ):
            self.assertContains(
                response,
                'rel="alternate" type="application/rss+xml"',
            )
            self.assertContains(response, reverse(name, kwargs={"slug": slug}))

    def test_unknown_id_is_404(self):
        response = self.client.get(reverse("news:detail", kwargs={"pk": 999999}))
        self.assertEqual(response.status_code, 404)

    def test_non_numeric_id_is_404(self):
        self.assertEqual(self.client.get("/news/abc/").status_code, 404)

    def test_id_beyond_the_database_integer_range_is_404(self):
        for path in ("/news/9223372036854775808/", "/news/" + "9" * 30 + "/"):
            with self.subTest(path=path):
                self.assertEqual(self.client.get(path).status_code, 404)


class GalleryAndCoverTests(NewsTestCase):
    def test_cover_and_gallery_with_captions_in_order(self):
        article = self.make_article(
            kind=Article.Kind.PICTURE,
            cover=jpeg_upload("cover.jpg"),
            cover_alt="园区鸟瞰",
            cover_credit="海门日报",
        )
        self.add_gallery_image(article, caption="第二张说明", position=2)
        self.add_gallery_image(article, caption="第一张说明", position=1)
        response = self.client.get(detail_url(article))
        self.assertContains(response, 'alt="园区鸟瞰"')
        self.assertContains(response, "摄影：海门日报")
        content = response.content.decode()
        self.assertLess(content.index("第一张说明"), content.index("第二张说明"))
        self.assertContains(response, "<figcaption>第一张说明</figcaption>", html=True)


class PreviousNextTests(NewsTestCase):
    """上一条/下一条 follow the listing: same channel, kind and language."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        base = cls.now - timedelta(days=10)
        make = Article.objects.create
        common = {"channel": cls.zone_news, "status": Article.Status.PUBLISHED}
        cls.oldest = make(title="最早", published_at=base, **common)
        cls.middle = make(title="中间", published_at=base + timedelta(days=1), **common)
        # Same publish time as `middle`: the higher id is listed first.
        cls.twin = make(title="同时", published_at=base + timedelta(days=1), **common)
        cls.newest = make(title="最新", published_at=base + timedelta(days=2), **common)
        # Neighbours in time that belong to other listings.
        make(title="别的栏目", published_at=base + timedelta(hours=12),
             channel=cls.investment_news, status=Article.Status.PUBLISHED)  # fmt: skip
        make(title="图片新闻", published_at=base + timedelta(hours=12),
             kind=Article.Kind.PICTURE, **common)  # fmt: skip
        make(title="English", published_at=base + timedelta(hours=12),
             language=Article.Language.ENGLISH, **common)  # fmt: skip
        make(title="草稿", published_at=base + timedelta(hours=36),
             channel=cls.zone_news, status=Article.Status.DRAFT)  # fmt: skip

    def neighbours(self, article):
        context = self.client.get(detail_url(article)).context
        return context["previous_article"], context["next_article"]

    def test_walk_down_the_listing(self):
        self.assertEqual(self.neighbours(self.newest), (None, self.twin))
        self.assertEqual(self.neighbours(self.twin), (self.newest, self.middle))
        self.assertEqual(self.neighbours(self.middle), (self.twin, self.oldest))
        self.assertEqual(self.neighbours(self.oldest), (self.middle, None))

    def test_order_matches_the_list_page(self):
        listed = list(
            self.client.get(
                reverse("news:index"), {"channel": "zone-news", "kind": "text"}
            ).context["articles"]
        )
        self.assertEqual(listed, [self.newest, self.twin, self.middle, self.oldest])

    def test_ends_have_no_link(self):
        response = self.client.get(detail_url(self.newest))
        self.assertNotContains(response, 'rel="prev"')
        self.assertContains(response, f'href="{detail_url(self.twin)}" rel="next"')
        response = self.client.get(detail_url(self.oldest))
        self.assertNotContains(response, 'rel="next"')
        self.assertContains(response, f'href="{detail_url(self.middle)}" rel="prev"')


class RelatedArticlesTests(NewsTestCase):
    def test_same_zone_or_shared_tag_published_only(self):
        article = self.make_article("本文", tags=["半导体"])
        same_zone = self.make_article("同一开发区")
        shared_tag = self.make_article("同标签", zone=self.ningbo_zone, tags=["半导体"])
        self.make_article("无关", zone=self.ningbo_zone, tags=["物流"])
        self.make_article("同区草稿", status=Article.Status.DRAFT)
        self.make_article("同区定时", published_at=self.tomorrow)
        response = self.client.get(detail_url(article))
        self.assertEqual(
            set(response.context["related_articles"]), {same_zone, shared_tag}
        )
        self.assertContains(response, "相关新闻")

    def test_nothing_related_shows_no_section(self):
        article = self.make_article("孤立", zone=None)
        response = self.client.get(detail_url(article))
        self.assertEqual(response.context["related_articles"], [])
        self.assertNotContains(response, "Related news")


class DetailQueryCountTests(NewsTestCase):
    # site settings, article, images, tags, previous, next, related from the
    # same zone, related by tag (two bounded queries, see related_articles)
    QUERIES = 8

    def test_detail_query_count(self):
        for number in range(5):
            self.make_article(f"邻居{number}", tags=["半导体"])
        article = self.make_article(
            kind=Article.Kind.TEXT, source=self.government, tags=["半导体", "园区"]
        )
        for position in range(4):
            self.add_gallery_image(article, position=position)
        with self.assertNumQueries(self.QUERIES):
            response = self.client.get(detail_url(article))
        self.assertEqual(len(response.context["related_articles"]), 4)

    def test_count_does_not_grow_with_gallery_or_tags(self):
        article = self.make_article(source=self.government, tags=["半导体"])
        self.add_gallery_image(article)
        with self.assertNumQueries(self.QUERIES):
            self.client.get(detail_url(article))
        article.tags.add("园区", "物流", "港口")
        for position in range(1, 6):
            self.add_gallery_image(article, position=position)
        cache.clear()  # the site settings are read again, as on the first request
        with self.assertNumQueries(self.QUERIES):
            self.client.get(detail_url(article))


class EnglishArticleTests(NewsTestCase):
    def test_chinese_article_on_an_english_page_is_marked_chinese(self):
        article = self.make_article("中文标题")
        response = self.client.get(f"/en/news/{article.pk}/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<h1 lang="zh-Hans">中文标题</h1>', html=True)

    def test_english_article_neighbours_are_english(self):
        first = self.make_article(
            "First", language=Article.Language.ENGLISH,
            published_at=self.now - timedelta(days=2),
        )  # fmt: skip
        self.make_article("中文", published_at=self.now - timedelta(days=1, hours=12))
        second = self.make_article("Second", language=Article.Language.ENGLISH)
        response = self.client.get(f"/en/news/{first.pk}/")
        self.assertEqual(response.context["previous_article"], second)
        self.assertIsNone(response.context["next_article"])
