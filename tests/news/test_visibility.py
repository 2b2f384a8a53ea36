"""Only published articles whose time has come reach any public surface.

One article in each state, each with a distinctive title; every public
surface is checked for the published one (shown) and all others (absent).
"""

from datetime import timedelta
from unittest import mock

from django.contrib.auth import get_user_model
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from tests.news.helpers import NewsTestCase

PUBLISHED = "已发布的新闻"
HIDDEN = {
    "draft": "草稿新闻",
    "submitted": "待审核新闻",
    "scheduled": "定时新闻",
    "deleted": "已删除新闻",
}


class VisibilityTests(NewsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        common = {
            "channel": cls.zone_news,
            "zone": cls.haimen_zone,
            "body": "<p>正文</p>",
        }
        published = Article.Status.PUBLISHED
        cls.published = Article.objects.create(
            title=PUBLISHED, status=published, published_at=cls.yesterday, **common
        )
        cls.published.tags.add("半导体")
        # Hidden articles sit on both sides of the published one in time, so
        # they would be its neighbours if visibility were ignored.
        cls.hidden = {
            "draft": Article.objects.create(
                title=HIDDEN["draft"],
                status=Article.Status.DRAFT,
                published_at=cls.yesterday - timedelta(hours=1),
                **common,
            ),
            "submitted": Article.objects.create(
                title=HIDDEN["submitted"],
                status=Article.Status.SUBMITTED,
                published_at=cls.yesterday + timedelta(hours=1),
                **common,
            ),
            "scheduled": Article.objects.create(
                title=HIDDEN["scheduled"],
                status=published,
                published_at=cls.tomorrow,
                **common,
            ),
            "deleted": Article.objects.create(
                title=HIDDEN["deleted"],
                status=published,
                published_at=cls.yesterday - timedelta(hours=2),
                deleted_at=cls.now,
                **common,
            ),
        }
        for article in cls.hidden.values():
            article.tags.add("半导体")

    def assert_only_published(self, response):
        self.assertEqual(response.status_code, 200)
        content = response.content.decode()
        self.assertIn(PUBLISHED, content)
        for state, title in HIDDEN.items():
            with self.subTest(state=state):
                self.assertNotIn(title, content)

    def test_list(self):
        self.assert_only_published(self.client.get(reverse("news:index")))

    def test_filtered_lists(self):
        for params in (
            {"zone": "haimen-etdz"},
            {"channel": "zone-news"},
            {"tag": "半导体"},
            {"city": "nantong"},
        ):
            with self.subTest(params=params):
                self.assert_only_published(
                    self.client.get(reverse("news:index"), params)
                )

    def test_detail(self):
        response = self.client.get(self.published.get_absolute_url())
        self.assertEqual(response.status_code, 200)
        for state, article in self.hidden.items():
            with self.subTest(state=state):
                response = self.client.get(article.get_absolute_url())
                self.assertEqual(response.status_code, 404)

    def test_detail_404_for_staff_too(self):
        self.client.force_login(self.editor)
        for article in self.hidden.values():
            self.assertEqual(
                self.client.get(article.get_absolute_url()).status_code, 404
            )

    def test_previous_next_and_related(self):
        # Hidden articles surround the published one in time and share its
        # channel, zone and tag: neither neighbour links nor related lists
        # may reach them.
        response = self.client.get(self.published.get_absolute_url())
        self.assertIsNone(response.context["previous_article"])
        self.assertIsNone(response.context["next_article"])
        self.assertEqual(response.context["related_articles"], [])

    def test_previous_next_of_a_published_neighbour(self):
        other = self.make_article(
            "另一条", published_at=self.yesterday - timedelta(days=1)
        )
        response = self.client.get(other.get_absolute_url())
        self.assertEqual(response.context["previous_article"], self.published)
        self.assertIsNone(response.context["next_article"])

    def test_home(self):
        for article in [self.published, *self.hidden.values()]:
            Article.objects.filter(pk=article.pk).update(is_featured=True)
        response = self.client.get(reverse("home"))
        self.assert_only_published(response)
        self.assertEqual(response.context["featured"], self.published)

    def test_zone_page(self):
        response = self.client.get(self.haimen_zone.get_absolute_url())
        self.assert_only_published(response)

    def test_latest_news_widget(self):
        rendered = Template("{% load news_tags %}{% latest_news zone=zone %}").render(
            Context({"zone": self.haimen_zone})
        )
        self.assertIn(PUBLISHED, rendered)
        for title in HIDDEN.values():
            self.assertNotIn(title, rendered)

    def test_feeds(self):
        feeds = [
            reverse("news:feed-rss"),
            reverse("news:feed-atom"),
            reverse("news:zone-feed-rss", kwargs={"slug": "haimen-etdz"}),
            reverse("news:zone-feed-atom", kwargs={"slug": "haimen-etdz"}),
            reverse("news:channel-feed-rss", kwargs={"slug": "zone-news"}),
            reverse("news:channel-feed-atom", kwargs={"slug": "zone-news"}),
        ]
        for url in feeds:
            with self.subTest(url=url):
                self.assert_only_published(self.client.get(url))

    def test_sitemap(self):
        response = self.client.get("/sitemap-articles.xml")
        self.assertEqual(response.status_code, 200)
        content = response.content.decode()
        self.assertIn(f"/news/{self.published.pk}/</loc>", content)
        for state, article in self.hidden.items():
            with self.subTest(state=state):
                self.assertNotIn(f"/news/{article.pk}/</loc>", content)


class ScheduledArticleGoesLiveTests(NewsTestCase):
    """A future publish time needs no job: the article appears on time."""

    def setUp(self):
        self.go_live = timezone.now().replace(microsecond=0) + timedelta(hours=3)
        self.article = self.make_article("准点发布", published_at=self.go_live)

    def surfaces(self):
        return {
            "list": self.client.get(reverse("news:index")),
            "home": self.client.get(reverse("home")),
            "feed": self.client.get(reverse("news:feed-rss")),
            "zone feed": self.client.get(
                reverse("news:zone-feed-atom", kwargs={"slug": "haimen-etdz"})
            ),
            "sitemap": self.client.get("/sitemap-articles.xml"),
            "zone page": self.client.get(self.haimen_zone.get_absolute_url()),
        }

    def test_one_second_before_it_is_hidden(self):
        with mock.patch(
            "django.utils.timezone.now",
            return_value=self.go_live - timedelta(seconds=1),
        ):
            self.assertEqual(
                self.client.get(self.article.get_absolute_url()).status_code, 404
            )
            for name, response in self.surfaces().items():
                with self.subTest(surface=name):
                    self.assertEqual(response.status_code, 200)
                    self.assertNotContains(response, "准点发布")
                    self.assertNotContains(response, f"/news/{self.article.pk}/")

    def test_at_its_publish_time_it_is_everywhere(self):
        with mock.patch("django.utils.timezone.now", return_value=self.go_live):
            self.assertEqual(
                self.client.get(self.article.get_absolute_url()).status_code, 200
            )
            for name, response in self.surfaces().items():
                with self.subTest(surface=name):
                    self.assertContains(response, f"/news/{self.article.pk}/")


class PreviewTests(NewsTestCase):
    def setUp(self):
        self.draft = self.make_article("预览草稿", status=Article.Status.DRAFT)
        self.url = reverse("news:preview", kwargs={"pk": self.draft.pk})

    def test_staff_see_a_draft_with_a_preview_banner(self):
        self.client.force_login(self.editor)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "预览草稿")
        self.assertContains(response, 'class="preview-banner"')
        self.assertContains(response, "预览：读者看不到此页面。")
        self.assertContains(
            response, '<meta name="robots" content="noindex, nofollow">'
        )
        self.assertIn("no-cache", response["Cache-Control"])

    def test_scheduled_preview_says_when_it_goes_live(self):
        scheduled = self.make_article("预览定时", published_at=self.tomorrow)
        self.client.force_login(self.editor)
        response = self.client.get(reverse("news:preview", kwargs={"pk": scheduled.pk}))
        self.assertContains(response, "已定时发布")

    def test_visitors_are_sent_to_log_in(self):
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("admin:login"), response["Location"])
        self.client.force_login(self.visitor)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 302)

    def test_staff_without_news_permission_are_refused(self):
        clerk = get_user_model().objects.create_user("clerk", is_staff=True)
        self.client.force_login(clerk)
        self.assertEqual(self.client.get(self.url).status_code, 403)

    def test_preview_of_a_published_article_goes_to_its_page(self):
        published = self.make_article("已发布")
        self.client.force_login(self.editor)
        response = self.client.get(reverse("news:preview", kwargs={"pk": published.pk}))
        self.assertRedirects(response, published.get_absolute_url())

    def test_unknown_id(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("news:preview", kwargs={"pk": 999999}))
        self.assertEqual(response.status_code, 404)
