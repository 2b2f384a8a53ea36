"""What search engines and link previews read: titles, descriptions,
canonical URLs, language alternates, Open Graph and JSON-LD."""

from datetime import timedelta

from django.urls import reverse

from core.pagination import Cursor
from news.models import Article
from tests.site.helpers import SiteTestCase, parse


class TitleAndDescriptionTests(SiteTestCase):
    def test_every_page_has_its_own_title_and_description(self):
        article = self.make_article("海门新闻", summary="海门经济技术开发区的新闻。")
        english = self.make_english_article(summary="News from Haimen.")
        urls = [
            "/",
            "/en/",
            "/news/",
            "/en/news/",
            "/news/?channel=zone-news",
            "/news/?province=jiangsu",
            article.get_absolute_url(),
            f"/en{english.get_absolute_url()}",
            "/zones/",
            "/en/zones/",
            "/zones/?province=jiangsu",
            "/zones/?province=jiangsu&level=national",
            self.haimen_zone.get_absolute_url(),
            f"/en{self.haimen_zone.get_absolute_url()}",
            self.suzhou_zone.get_absolute_url(),
            "/zones/region/jiangsu/",
            "/en/zones/region/jiangsu/",
            "/search/?q=海门",
            "/en/search/?q=haimen",
        ]
        titles, descriptions = {}, {}
        for url in urls:
            with self.subTest(url=url):
                head = parse(self.client.get(url))
                self.assertTrue(head.title.strip())
                (description,) = head.meta["description"]
                self.assertTrue(description.strip())
                self.assertNotIn(
                    head.title, titles, f"same title as {titles.get(head.title)}"
                )
                self.assertNotIn(
                    description,
                    descriptions,
                    f"same as {descriptions.get(description)}",
                )
                titles[head.title] = descriptions[description] = url

    def test_article_description_is_its_summary(self):
        article = self.make_article("海门新闻", summary="海门经济技术开发区的新闻。")
        head = parse(self.client.get(article.get_absolute_url()))
        self.assertEqual(head.meta["description"], ["海门经济技术开发区的新闻。"])
        self.assertEqual(head.title, "海门新闻 - 投促中国")

    def test_zone_description_is_the_start_of_its_profile(self):
        head = parse(self.client.get(f"/en{self.haimen_zone.get_absolute_url()}"))
        self.assertEqual(
            head.meta["description"],
            ["Haimen ETDZ lies where the Yangtze meets the sea."],
        )

    def test_zone_without_profile_is_described_from_the_catalogue(self):
        head = parse(self.client.get(f"/en{self.suzhou_zone.get_absolute_url()}"))
        (description,) = head.meta["description"]
        self.assertTrue(
            description.startswith(
                "苏州工业园区: a national economic and technological development zone"
                " in Suzhou, Jiangsu."
            ),
            description,
        )

    def test_page_numbers_make_titles_unique(self):
        for n in range(25):
            self.make_article(f"新闻{n}")
        first = parse(self.client.get("/news/"))
        second = parse(self.client.get("/news/?page=2"))
        self.assertNotEqual(first.title, second.title)
        self.assertIn("第 2 页", second.title)
        self.assertNotEqual(first.meta["description"], second.meta["description"])


class CanonicalTests(SiteTestCase):
    def canonical(self, url):
        return parse(self.client.get(url)).link("canonical")

    def test_canonical_is_absolute_and_drops_tracking_and_sort(self):
        self.assertEqual(
            self.canonical(
                "/zones/?utm_source=mail&sort=-area&level=national&province=jiangsu"
                "&fbclid=abc"
            ),
            "http://testserver/zones/?level=national&province=jiangsu",
        )

    def test_filters_that_were_ignored_are_not_canonical(self):
        self.assertEqual(
            self.canonical("/zones/?province=atlantis&level=national"),
            "http://testserver/zones/?level=national",
        )
        self.assertEqual(
            self.canonical("/news/?channel=no-such&kind=text&month=3"),
            "http://testserver/news/?kind=text",
        )

    def test_page_number_is_kept_from_page_two_on(self):
        for n in range(25):
            self.make_article(f"新闻{n}")
        self.assertEqual(
            self.canonical("/news/?page=2&utm_medium=x"),
            "http://testserver/news/?page=2",
        )
        self.assertEqual(self.canonical("/news/?page=1"), "http://testserver/news/")

    def test_keyset_pages_are_not_indexed(self):
        newest = self.make_article("最新")
        self.make_article("较早", published_at=self.yesterday - timedelta(days=1))
        response = self.client.get("/news/", {"older": str(Cursor.of(newest))})
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, f'<a href="/news/{newest.pk}/">最新</a>')
        head = parse(response)
        self.assertEqual(head.meta["robots"], ["noindex, follow"])
        self.assertIsNone(head.link("canonical"))
        self.assertEqual(head.hreflangs(), {})
        self.assertIn("更早的新闻", head.title)

    def test_english_pages_have_english_canonicals(self):
        self.assertEqual(self.canonical("/en/zones/"), "http://testserver/en/zones/")

    def test_an_article_is_canonical_in_its_own_language(self):
        chinese = self.make_article("海门新闻")
        english = self.make_english_article()
        for url, expected in (
            (chinese.get_absolute_url(), chinese.get_absolute_url()),
            (f"/en{chinese.get_absolute_url()}", chinese.get_absolute_url()),
            (english.get_absolute_url(), f"/en{english.get_absolute_url()}"),
            (
                f"/en{english.get_absolute_url()}?utm_source=x",
                f"/en/news/{english.pk}/",
            ),
        ):
            with self.subTest(url=url):
                self.assertEqual(self.canonical(url), f"http://testserver{expected}")

    def test_preview_is_not_indexed_and_has_no_canonical(self):
        draft = self.make_article("草稿", status=Article.Status.DRAFT)
        self.client.force_login(self.editor)
        head = parse(self.client.get(reverse("news:preview", kwargs={"pk": draft.pk})))
        self.assertEqual(head.meta["robots"], ["noindex, nofollow"])
        self.assertIsNone(head.link("canonical"))
        self.assertEqual(head.structured("NewsArticle"), [])

    def test_not_found_page_has_no_canonical(self):
        response = self.client.get("/zones/no-such-zone/")
        self.assertEqual(response.status_code, 404)
        head = parse(response)
        self.assertIsNone(head.link("canonical"))
        self.assertEqual(head.meta["robots"], ["noindex"])

    def test_search_results_are_canonical_only_on_their_first_page(self):
        self.make_article("海门签约")
        head = parse(self.client.get("/search/?q=海门&utm_source=x"))
        self.assertEqual(
            head.link("canonical"), "http://testserver/search/?q=%E6%B5%B7%E9%97%A8"
        )
        # Issue 6: every search page carries noindex (links still followed).
        self.assertEqual(head.meta["robots"], ["noindex, follow"])
        empty = parse(self.client.get("/search/?q=量子计算"))
        self.assertEqual(empty.meta["robots"], ["noindex, follow"])
        self.assertIsNone(empty.link("canonical"))


class AlternateLanguageTests(SiteTestCase):
    def test_list_and_zone_pages_name_both_languages_and_a_default(self):
        for path in ("/", "/news/", "/zones/", self.haimen_zone.get_absolute_url()):
            for prefix in ("", "/en"):
                url = prefix + path if path != "/" or not prefix else "/en/"
                with self.subTest(url=url):
                    alternates = parse(self.client.get(url)).hreflangs()
                    self.assertEqual(
                        alternates,
                        {
                            "zh-Hans": f"http://testserver{path}",
                            "en": f"http://testserver/en{path}",
                            "x-default": f"http://testserver{path}",
                        },
                    )

    def test_alternates_keep_the_canonical_filters(self):
        alternates = parse(
            self.client.get("/zones/?province=jiangsu&sort=-area")
        ).hreflangs()
        self.assertEqual(
            alternates["en"], "http://testserver/en/zones/?province=jiangsu"
        )

    def test_articles_have_no_alternates(self):
        # An article exists in one language; the page around it in the other
        # language is not a translation of it.
        article = self.make_article("海门新闻")
        self.assertEqual(
            parse(self.client.get(article.get_absolute_url())).hreflangs(), {}
        )


class SocialPreviewTests(SiteTestCase):
    def test_article_with_a_cover_shares_a_rendition_not_the_upload(self):
        article = self.make_covered_article()
        head = parse(self.client.get(article.get_absolute_url()))
        (image,) = head.meta["og:image"]
        self.assertTrue(image.startswith("http://testserver/media/"))
        self.assertTrue(image.endswith(".w1200.webp"), image)
        self.assertNotIn(
            article.cover.name, image.removeprefix("http://testserver/media/")
        )
        self.assertEqual(head.meta["og:image:width"], ["1200"])
        self.assertEqual(head.meta["og:image:height"], ["675"])
        self.assertEqual(head.meta["og:image:alt"], ["新码头的岸桥"])
        self.assertEqual(head.meta["og:type"], ["article"])
        self.assertEqual(head.meta["twitter:card"], ["summary_large_image"])
        self.assertEqual(head.meta["twitter:image"], [image])
        self.assertEqual(head.meta["og:title"], [head.title])
        self.assertEqual(head.meta["og:url"], [head.link("canonical")])
        self.assertEqual(head.meta["og:locale"], ["zh_CN"])

    def test_pages_without_a_picture_share_the_site_picture(self):
        head = parse(self.client.get("/en/zones/"))
        self.assertEqual(
            head.meta["og:image"], ["http://testserver/static/img/share-default.png"]
        )
        self.assertEqual(head.meta["og:type"], ["website"])
        self.assertEqual(head.meta["og:locale"], ["en_US"])
        self.assertEqual(head.meta["og:description"], head.meta["description"])


class StructuredDataTests(SiteTestCase):
    def test_news_article(self):
        article = self.make_covered_article(
            source=self.government, tags=["港口"], published_at=self.november
        )
        head = parse(self.client.get(article.get_absolute_url()))
        (data,) = head.structured("NewsArticle")
        self.assertEqual(data["@context"], "https://schema.org")
        self.assertEqual(data["headline"], "海门港新区码头开工")
        self.assertEqual(data["datePublished"], "2019-11-12T09:30:00+08:00")
        self.assertGreaterEqual(data["dateModified"], data["datePublished"])
        self.assertEqual(data["inLanguage"], "zh-Hans")
        self.assertEqual(data["mainEntityOfPage"], head.link("canonical"))
        self.assertEqual(
            data["author"],
            {
                "@type": "Organization",
                "name": "海门市人民政府",
                "url": "http://www.haimen.gov.cn/",
            },
        )
        self.assertEqual(data["publisher"]["name"], "投促中国")
        self.assertTrue(data["publisher"]["logo"]["url"].endswith("/img/logo-512.png"))
        (image,) = data["image"]
        self.assertTrue(image.endswith(".w1200.webp"))
        self.assertEqual(data["keywords"], ["港口"])
        self.assertEqual(data["contentLocation"]["name"], "海门经济技术开发区")

    def test_article_without_source_is_written_by_its_zone(self):
        article = self.make_article("海门新闻")
        (data,) = parse(self.client.get(article.get_absolute_url())).structured(
            "NewsArticle"
        )
        self.assertEqual(data["author"]["name"], "海门经济技术开发区")
        self.assertNotIn("image", data)

    def test_zone_is_a_place(self):
        zone = self.haimen_zone
        zone.latitude, zone.longitude, zone.is_location_reliable = 31.9, 121.2, True
        zone.phone = "0513-8221 0000"
        zone.website = "https://haimen.example/"
        zone.save()
        head = parse(self.client.get(f"/en{zone.get_absolute_url()}"))
        (data,) = head.structured("Place")
        self.assertEqual(
            data["name"], "Haimen Economic and Technological Development Zone"
        )
        self.assertEqual(data["alternateName"], ["海门经济技术开发区"])
        self.assertEqual(data["url"], head.link("canonical"))
        self.assertEqual(
            data["address"],
            {
                "@type": "PostalAddress",
                "addressCountry": "CN",
                "streetAddress": "江苏省南通市海门区北京东路1号",
                "addressRegion": "Jiangsu",
                "addressLocality": "Nantong",
            },
        )
        self.assertEqual(data["geo"]["latitude"], 31.9)
        self.assertEqual(data["telephone"], "0513-8221 0000")
        self.assertEqual(data["sameAs"], ["https://haimen.example/"])
        self.assertEqual(data["containedInPlace"]["name"], "Nantong")

    def test_breadcrumb_list_follows_the_visible_trail(self):
        article = self.make_article("海门新闻")
        (data,) = parse(self.client.get(article.get_absolute_url())).structured(
            "BreadcrumbList"
        )
        names = [item["name"] for item in data["itemListElement"]]
        self.assertEqual(names, ["首页", "开发区新闻", "南通", "文字新闻", "海门新闻"])
        self.assertEqual(
            [item["position"] for item in data["itemListElement"]], [1, 2, 3, 4, 5]
        )
        self.assertEqual(data["itemListElement"][0]["item"], "http://testserver/")
        self.assertNotIn("item", data["itemListElement"][-1])

    def test_home_page_describes_the_site_and_its_search(self):
        (data,) = parse(self.client.get("/en/")).structured("WebSite")
        self.assertEqual(data["name"], "InvestPortal China")
        self.assertEqual(
            data["potentialAction"]["target"]["urlTemplate"],
            "http://testserver/en/search/?q={search_term_string}",
        )

    def test_hostile_titles_stay_inside_the_json(self):
        title = '</script><script>alert("x")</script><!-- & ">'
        article = self.make_article(title, summary=title)
        response = self.client.get(article.get_absolute_url())
        content = response.content.decode()
        self.assertNotIn('<script>alert("x")', content)
        head = parse(response)
        (data,) = head.structured("NewsArticle")
        self.assertEqual(data["headline"], title)
        self.assertEqual(data["description"], title)
        (crumbs,) = head.structured("BreadcrumbList")
        self.assertEqual(crumbs["itemListElement"][-1]["name"], title)
        self.assertEqual(head.meta["og:title"], [f"{title} - 投促中国"])


class HostileQueryTests(SiteTestCase):
    def test_odd_query_strings_never_break_the_head(self):
        for url in (
            "/zones/?q=%00%ff&province=%3Cscript%3E",
            "/en/zones/?industry=%E0%A4&sort=%22%3E",
            "/news/?tag=%ff%fe&year=99999&month=-1",
            "/en/news/?channel=%3C/script%3E&utm_source=%00",
            "/search/?q=%3C/script%3E%3Cscript%3Ealert(1)%3C/script%3E",
            "/zones/region/jiangsu/?page=%ff",
        ):
            with self.subTest(url=url):
                response = self.client.get(url, follow=True)
                self.assertIn(response.status_code, (200, 404))
                content = response.content.decode()
                self.assertNotIn("<script>alert(1)", content)
                head = parse(response)
                self.assertTrue(head.title)
                canonical = head.link("canonical")
                if canonical:
                    self.assertNotIn("%00", canonical)
                    self.assertNotIn("<", canonical)
