import re
from datetime import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from news.models import Article, ArticleImage, Channel
from tests.news.helpers import NewsTestCase, jpeg_upload

ADD_URL = "admin:news_article_add"


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


class ArticleAdminTestCase(NewsTestCase):
    def setUp(self):
        self.client.force_login(self.editor)

    def form_data(self, **overrides):
        data = {
            "title": "打造承载未来发展的产业新平台",
            "subtitle": "",
            "channel": str(self.zone_news.pk),
            "kind": Article.Kind.TEXT,
            "language": Article.Language.CHINESE,
            "body": "<h2>构筑新平台</h2><p>正文。</p>",
            "summary": "",
            "tags": "半导体, 航天新材料",
            "status": Article.Status.PUBLISHED,
            "published_at_0": "2019-11-12",
            "published_at_1": "09:00:00",
            "review_comment": "",
            "zone": str(self.haimen_zone.pk),
            "related_zones": [str(self.suzhou_zone.pk)],
            "region": "",
            "source": str(self.government.pk),
            "source_url": "",
            "originally_published_on": "",
            "cover_alt": "",
            "cover_credit": "",
            "images-TOTAL_FORMS": "1",
            "images-INITIAL_FORMS": "0",
            "images-MIN_NUM_FORMS": "0",
            "images-MAX_NUM_FORMS": "1000",
            "images-0-alt_text": "",
            "images-0-caption": "",
            "images-0-position": "0",
            "_save": "Save",
        }
        data.update(overrides)
        return data


class ArticleAdminPagesTests(ArticleAdminTestCase):
    def test_changelist_with_filters_search_and_dates(self):
        self.make_article(source=self.government)
        url = reverse("admin:news_article_changelist")
        for params in (
            {},
            {"status__exact": "published"},
            {"zone_province": str(self.jiangsu.pk)},
            {"zone_province": "not-a-number"},
            {"q": "产业"},
            {"published_at__year": "2026"},
            {"kind__exact": "picture"},
        ):
            with self.subTest(params=params):
                response = self.client.get(url, params)
                self.assertEqual(response.status_code, 200)
        response = self.client.get(url)
        self.assertContains(response, "海门市人民政府")
        self.assertContains(response, "开发区所在省份")

    def test_province_filter(self):
        self.make_article("江苏的")
        self.make_article("浙江的", zone=self.ningbo_zone)
        response = self.client.get(
            reverse("admin:news_article_changelist"),
            {"zone_province": str(self.zhejiang.pk)},
        )
        self.assertContains(response, "浙江的")
        self.assertNotContains(response, "江苏的")

    def test_add_page_loads_the_editor_from_our_static_files(self):
        response = self.client.get(reverse(ADD_URL))
        self.assertEqual(response.status_code, 200)
        content = response.content.decode()
        self.assertIn("data-django-prose-editor-configurable", content)
        assets = set(
            re.findall(r'(?:src|href)="(/static/django_prose_editor/[^"]+)"', content)
        )
        # The import map names the editor's modules by our static URL too.
        assets |= set(re.findall(r'"(/static/django_prose_editor/[^"]+\.js)"', content))
        self.assertTrue(any(path.endswith("editor.js") for path in assets))
        self.assertTrue(any(path.endswith(".css") for path in assets))
        for path in sorted(assets):
            with self.subTest(asset=path):
                self.assertEqual(self.client.get(path).status_code, 200)
        # Nothing is fetched from another host.
        self.assertNotRegex(content, r'<script[^>]+src="(https?:)?//')
        self.assertNotRegex(content, r'<link[^>]+href="(https?:)?//')

    def test_add_page_offers_autocomplete_for_zones_region_and_source(self):
        response = self.client.get(reverse(ADD_URL))
        for field in ("zone", "related_zones", "region", "source"):
            with self.subTest(field=field):
                self.assertRegex(
                    response.content.decode(),
                    rf'<select[^>]+name="{field}"[^>]+admin-autocomplete'
                    rf'|<select[^>]+admin-autocomplete[^>]+name="{field}"',
                )
        found = self.client.get(
            reverse("admin:autocomplete"),
            {
                "app_label": "news",
                "model_name": "article",
                "field_name": "zone",
                "term": "海门",
            },
        )
        self.assertEqual(found.status_code, 200)
        self.assertEqual(
            [item["text"] for item in found.json()["results"]], ["海门经济技术开发区"]
        )

    def test_change_page_shows_the_cover_preview(self):
        article = self.make_article(cover=jpeg_upload(), cover_alt="港区")
        response = self.client.get(change_url(article))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, article.renditions_of("cover")["240"]["url"])

    def test_view_on_site_goes_to_preview_for_drafts(self):
        draft = self.make_article(status=Article.Status.DRAFT)
        response = self.client.get(change_url(draft))
        self.assertContains(
            response, f'href="{reverse("news:preview", kwargs={"pk": draft.pk})}"'
        )
        published = self.make_article()
        response = self.client.get(change_url(published))
        self.assertContains(response, f'href="{published.get_absolute_url()}"')

    def test_source_and_channel_admins(self):
        for name in (
            "admin:news_source_changelist",
            "admin:news_source_add",
            "admin:news_channel_changelist",
            "admin:news_channel_add",
        ):
            with self.subTest(page=name):
                self.assertEqual(self.client.get(reverse(name)).status_code, 200)
        response = self.client.get(reverse("admin:news_channel_add"))
        self.assertContains(response, "prepopulated")
        found = self.client.get(
            reverse("admin:autocomplete"),
            {
                "app_label": "news",
                "model_name": "article",
                "field_name": "source",
                "term": "海门",
            },
        )
        self.assertEqual(found.json()["results"][0]["text"], "海门市人民政府")


class ArticleAdminSaveTests(ArticleAdminTestCase):
    def test_add_with_cover_and_gallery_upload(self):
        data = self.form_data(
            kind=Article.Kind.PICTURE,
            cover=jpeg_upload("cover.jpg"),
            cover_alt="四甲镇产业园鸟瞰",
            **{
                "images-0-image": jpeg_upload("g1.jpg", size=(900, 600)),
                "images-0-alt_text": "厂房",
                "images-0-caption": "半导体装备产业园",
            },
        )
        data["body"] += '<script>alert(1)</script><p onclick="x()">尾</p>'
        response = self.client.post(reverse(ADD_URL), data)
        self.assertEqual(response.status_code, 302, response.content.decode()[:3000])
        article = Article.objects.get()
        self.assertEqual(article.author, self.editor)
        self.assertEqual(article.region, self.nantong)
        self.assertEqual(
            timezone.localtime(article.published_at).replace(tzinfo=None),
            datetime(2019, 11, 12, 9, 0),
        )
        self.assertEqual(set(article.tags.names()), {"半导体", "航天新材料"})
        self.assertEqual(list(article.related_zones.all()), [self.suzhou_zone])
        self.assertNotIn("script", article.body)
        self.assertNotIn("onclick", article.body)
        self.assertIn("<p>尾</p>", article.body)
        self.assertIn("480", article.renditions_of("cover"))
        image = ArticleImage.objects.get(article=article)
        self.assertEqual(image.caption, "半导体装备产业园")
        self.assertIn("480", image.renditions_of("image"))
        # And readers see it.
        page = self.client.get(article.get_absolute_url())
        self.assertContains(page, "半导体装备产业园")

    def test_change_keeps_the_author_and_updates_fields(self):
        article = self.make_article(author=self.visitor)
        data = self.form_data(title="新标题", tags="物流")
        response = self.client.post(change_url(article), data)
        self.assertEqual(response.status_code, 302)
        article.refresh_from_db()
        self.assertEqual(article.title, "新标题")
        self.assertEqual(article.author, self.visitor)

    def test_text_file_named_jpg_is_a_form_error(self):
        fake = SimpleUploadedFile(
            "evil.jpg", b"<?php system($_GET['c']); ?>", content_type="image/jpeg"
        )
        response = self.client.post(
            reverse(ADD_URL), self.form_data(cover=fake, cover_alt="假图")
        )
        self.assertEqual(response.status_code, 200)
        errors = response.context["adminform"].form.errors.as_data()
        self.assertEqual(errors["cover"][0].code, "invalid_image")
        self.assertContains(response, 'id="id_cover_error"')
        self.assertFalse(Article.objects.exists())

    def test_text_file_in_the_gallery_is_a_form_error(self):
        fake = SimpleUploadedFile(
            "evil.jpg", b"not an image", content_type="image/jpeg"
        )
        response = self.client.post(
            reverse(ADD_URL),
            self.form_data(
                **{"images-0-image": fake, "images-0-alt_text": "假图"},
            ),
        )
        self.assertEqual(response.status_code, 200)
        gallery = response.context["inline_admin_formsets"][0].formset
        self.assertEqual(gallery.errors[0].as_data()["image"][0].code, "invalid_image")
        self.assertFalse(Article.objects.exists())

    def test_wrong_extension_is_a_form_error(self):
        svg = SimpleUploadedFile(
            "logo.svg", b"<svg onload='alert(1)'></svg>", content_type="image/svg+xml"
        )
        response = self.client.post(
            reverse(ADD_URL), self.form_data(cover=svg, cover_alt="图")
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Article.objects.exists())

    def test_picture_news_needs_an_image(self):
        response = self.client.post(
            reverse(ADD_URL), self.form_data(kind=Article.Kind.PICTURE)
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "图片新闻至少需要一张图片")
        self.assertFalse(Article.objects.exists())

    def test_picture_news_with_only_a_gallery_image_is_fine(self):
        response = self.client.post(
            reverse(ADD_URL),
            self.form_data(
                kind=Article.Kind.PICTURE,
                **{"images-0-image": jpeg_upload(), "images-0-alt_text": "图"},
            ),
        )
        self.assertEqual(response.status_code, 302)

    def test_deleting_the_last_gallery_image_of_picture_news_is_refused(self):
        article = self.make_article(kind=Article.Kind.PICTURE)
        image = self.add_gallery_image(article)
        data = self.form_data(
            kind=Article.Kind.PICTURE,
            **{
                "images-INITIAL_FORMS": "1",
                "images-0-id": str(image.pk),
                "images-0-article": str(article.pk),
                "images-0-alt_text": image.alt_text,
                "images-0-DELETE": "on",
            },
        )
        response = self.client.post(change_url(article), data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "图片新闻至少需要一张图片")
        self.assertTrue(ArticleImage.objects.filter(pk=image.pk).exists())

    def test_cover_needs_alt_text(self):
        response = self.client.post(
            reverse(ADD_URL), self.form_data(cover=jpeg_upload(), cover_alt="")
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "请为看不到图片的读者描述封面图片")


class ArticleAdminActionsTests(ArticleAdminTestCase):
    def act(self, action, articles):
        return self.client.post(
            reverse("admin:news_article_changelist"),
            {"action": action, "_selected_action": [str(a.pk) for a in articles]},
        )

    def test_publish_now(self):
        draft = self.make_article(
            status=Article.Status.DRAFT, published_at=self.now.replace(year=2018)
        )
        scheduled = self.make_article(published_at=self.tomorrow)
        before = timezone.now()
        response = self.act("publish_now", [draft, scheduled])
        self.assertEqual(response.status_code, 302)
        for article in (draft, scheduled):
            article.refresh_from_db()
            self.assertEqual(article.status, Article.Status.PUBLISHED)
            self.assertGreaterEqual(article.published_at, before)
            self.assertTrue(article.is_published())

    def test_publish_now_skips_picture_news_without_images(self):
        bare = self.make_article(kind=Article.Kind.PICTURE, status=Article.Status.DRAFT)
        response = self.act("publish_now", [bare])
        bare.refresh_from_db()
        self.assertEqual(bare.status, Article.Status.DRAFT)
        messages = [str(m) for m in response.wsgi_request._messages]
        self.assertTrue(any("没有图片" in message for message in messages))

    def test_unpublish_and_feature(self):
        article = self.make_article()
        self.act("feature", [article])
        article.refresh_from_db()
        self.assertTrue(article.is_featured)
        self.act("unfeature", [article])
        article.refresh_from_db()
        self.assertFalse(article.is_featured)
        self.act("unpublish", [article])
        article.refresh_from_db()
        self.assertEqual(article.status, Article.Status.DRAFT)
        self.assertEqual(self.client.get(article.get_absolute_url()).status_code, 404)


class ChannelAdminTests(NewsTestCase):
    def test_add_channel(self):
        self.client.force_login(self.editor)
        response = self.client.post(
            reverse("admin:news_channel_add"),
            {
                "name": "政策法规",
                "name_en": "Policies",
                "slug": "policies",
                "description": "",
                "position": "3",
            },
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(Channel.objects.filter(slug="policies").exists())
