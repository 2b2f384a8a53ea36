from pathlib import Path
from unittest import mock

from django.conf import settings
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from core import images
from news.models import Article
from tests.news.helpers import NewsTestCase, jpeg_upload


class RenditionsAreMadeOnSaveTests(NewsTestCase):
    def test_cover_renditions_are_written_once_when_saved(self):
        with mock.patch.object(
            images, "make_renditions", wraps=images.make_renditions
        ) as make:
            article = self.make_article(
                kind=Article.Kind.PICTURE,
                cover=jpeg_upload(size=(1600, 900)),
                cover_alt="港区",
            )
            self.assertEqual(make.call_count, 1)
            # Saving again without a new image makes nothing.
            article.title = "改了标题"
            article.save()
            self.assertEqual(make.call_count, 1)
            # Pages read what was recorded; no request makes renditions.
            self.client.get(article.get_absolute_url())
            self.client.get(reverse("news:index"))
            self.client.get(reverse("home"))
            self.assertEqual(make.call_count, 1)

    def test_widths_sizes_and_files_are_recorded(self):
        article = self.make_article(
            cover=jpeg_upload(size=(1600, 900)), cover_alt="港区"
        )
        renditions = Article.objects.get(pk=article.pk).renditions_of("cover")
        self.assertEqual(sorted(renditions, key=int), ["240", "480", "800", "1200"])
        self.assertEqual(renditions["480"]["height"], 270)
        for item in renditions.values():
            relative = item["url"].removeprefix(settings.MEDIA_URL)
            self.assertTrue((Path(settings.MEDIA_ROOT) / relative).is_file())
            self.assertTrue(item["url"].endswith(".webp"))

    def test_small_image_is_not_upscaled(self):
        article = self.make_article(
            cover=jpeg_upload(size=(300, 200)), cover_alt="小图"
        )
        self.assertEqual(
            sorted(article.renditions_of("cover"), key=int), ["240", "300"]
        )

    def test_a_new_cover_replaces_the_renditions(self):
        article = self.make_article(cover=jpeg_upload("a.jpg"), cover_alt="一")
        old = article.renditions_of("cover")["480"]["url"]
        article.cover = jpeg_upload("b.jpg")
        article.save()
        self.assertNotEqual(article.renditions_of("cover")["480"]["url"], old)

    def test_gallery_image_renditions(self):
        article = self.make_article(kind=Article.Kind.PICTURE)
        image = self.add_gallery_image(article)
        self.assertIn("480", image.renditions_of("image"))

    def test_detail_page_renders_srcset_width_and_height(self):
        article = self.make_article(
            cover=jpeg_upload(size=(1600, 900)), cover_alt="海门港"
        )
        self.add_gallery_image(article)
        response = self.client.get(article.get_absolute_url())
        cover = article.renditions_of("cover")
        self.assertContains(response, f'src="{cover["800"]["url"]}"')
        self.assertContains(response, f"{cover['1200']['url']} 1200w")
        self.assertContains(response, 'width="800"')
        self.assertContains(response, 'height="450"')
        self.assertContains(response, 'sizes="(min-width: 46rem) 46rem, 100vw"')
        self.assertContains(response, 'alt="园区厂房"')  # the gallery image


class ResponsiveImageTagTests(NewsTestCase):
    def render(self, template, **context):
        return Template("{% load responsive_images %}" + template).render(
            Context(context)
        )

    def test_picks_the_rendition_for_the_width_and_lists_all(self):
        article = self.make_article(cover=jpeg_upload(size=(1600, 900)), cover_alt="甲")
        html = self.render(
            '{% responsive_image article "cover" width=300 sizes="50vw" %}',
            article=article,
        )
        self.assertIn('src="' + article.renditions_of("cover")["480"]["url"], html)
        self.assertIn('width="480"', html)
        self.assertIn('height="270"', html)
        self.assertIn('sizes="50vw"', html)
        self.assertIn('alt="甲"', html)
        self.assertIn('loading="lazy"', html)
        self.assertEqual(html.count(" 240w"), 1)

    def test_alt_can_be_given_and_is_escaped(self):
        article = self.make_article(cover=jpeg_upload(), cover_alt="甲")
        html = self.render(
            '{% responsive_image article "cover" alt=text %}',
            article=article,
            text='"><script>',
        )
        self.assertIn('alt="&quot;&gt;&lt;script&gt;"', html)

    def test_empty_field_or_missing_object_renders_nothing(self):
        article = self.make_article()
        self.assertEqual(
            self.render('{% responsive_image article "cover" %}', article=article), ""
        )
        self.assertEqual(self.render('{% responsive_image nothing "cover" %}'), "")

    def test_without_recorded_renditions_the_original_is_used(self):
        article = self.make_article(cover=jpeg_upload(), cover_alt="甲")
        Article.objects.filter(pk=article.pk).update(cover_renditions={})
        article.refresh_from_db()
        html = self.render('{% responsive_image article "cover" %}', article=article)
        self.assertIn(f'src="{article.cover.url}"', html)
        self.assertNotIn("srcset", html)
        self.assertIn('alt="甲"', html)


class LatestNewsTagTests(NewsTestCase):
    def render(self, template, **context):
        return Template("{% load news_tags %}" + template).render(Context(context))

    def test_latest_news_of_a_zone_with_a_link_to_all(self):
        self.make_article("海门一")
        self.make_article("宁波一", zone=self.ningbo_zone)
        html = self.render("{% latest_news zone=zone count=3 %}", zone=self.haimen_zone)
        self.assertIn("海门一", html)
        self.assertNotIn("宁波一", html)
        self.assertIn('href="/news/?zone=haimen-etdz"', html)

    def test_count_and_heading_level(self):
        for number in range(4):
            self.make_article(f"新闻{number}")
        html = self.render("{% latest_news count=2 heading_level=3 %}")
        self.assertEqual(html.count("<li>"), 2)
        self.assertIn("<h3", html)

    def test_no_news(self):
        html = self.render("{% latest_news zone=zone %}", zone=self.ningbo_zone)
        self.assertIn("暂无新闻。", html)

    def test_hidden_when_empty_if_asked(self):
        html = self.render(
            "{% latest_news zone=zone hide_when_empty=True %}", zone=self.ningbo_zone
        )
        self.assertEqual(html.strip(), "")

    def test_english_pages_link_to_the_chinese_news(self):
        with translation.override("en"):
            html = self.render(
                "{% latest_news zone=zone hide_when_empty=True %}",
                zone=self.ningbo_zone,
            )
        self.assertIn("The zone has no news in English yet.", html)
        self.assertIn(
            f'<a href="/news/?zone={self.ningbo_zone.slug}" hreflang="zh-Hans">', html
        )
