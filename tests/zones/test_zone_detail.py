import datetime
from decimal import Decimal
from urllib.parse import quote

from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import timezone, translation

from news.models import Article, Channel
from tests.factories import make_zone
from tests.zones.helpers import RegionsTestCase
from zones.models import Industry, Park, Zone


class ZoneProfileTests(RegionsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.haimen = make_zone(
            "海门经济技术开发区",
            "haimen-economic-and-technological-development-zone",
            cls.jiangsu,
            cls.nantong,
            industries=["装备制造", "生物医药", "机电"],
            code="G321099",
            short_name="海门经开区",
            name_en="Haimen Economic and Technological Development Zone",
            approved_on=datetime.date(2013, 1, 1),
            approval_text="2013.01",
            area_hectares=Decimal("488.00"),
            data_as_of=datetime.date(2018, 2, 26),
            latitude=Decimal("31.895381"),
            longitude=Decimal("121.186623"),
            is_location_reliable=True,
            profile="<p>临江新区<strong>产业</strong>发展</p><script>alert(1)</script>",
            address="江苏省南通市海门区北京东路1号",
            phone="0513-8221 0000",
            email="invest@haimen.example",
            website="https://haimen.example/",
        )
        Park.objects.create(
            zone=cls.haimen,
            name="航天新材料产业园",
            planned_area=Decimal("3000"),
            area_unit=Park.AreaUnit.MU,
            industries="航天新材料、轻合金精密成型",
            description="四甲镇的新材料园区。",
        )
        cls.url = cls.haimen.get_absolute_url()

    def test_profile_shows_the_catalogue_facts(self):
        response = self.client.get(self.url)

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<h1>海门经济技术开发区</h1>", html=True)
        self.assertContains(response, "海门经开区")
        self.assertContains(
            response, "Haimen Economic and Technological Development Zone"
        )
        self.assertContains(response, "G321099")
        self.assertContains(response, "国家级")
        self.assertContains(response, "<dd>经济技术开发区</dd>", html=True)
        self.assertContains(response, 'datetime="2013-01"')
        with translation.override("zh-hans"):
            area = translation.gettext("%(area)s ha") % {"area": "488"}
        self.assertContains(response, area)
        self.assertContains(response, 'datetime="2018-02-26"')

    def test_location_links_to_the_region_pages(self):
        response = self.client.get(self.url)

        self.assertContains(
            response, f'<a href="{self.jiangsu.get_absolute_url()}">江苏</a>'
        )
        self.assertContains(
            response, f'<a href="{self.nantong.get_absolute_url()}">南通</a>'
        )

    def test_each_industry_links_to_the_filtered_directory(self):
        response = self.client.get(self.url)

        for name in ("装备制造", "生物医药", "机电"):
            with self.subTest(name):
                self.assertContains(
                    response, f'<a href="/zones/?industry={name}">{name}</a>', html=True
                )
                listed = self.client.get(f"/zones/?industry={quote(name)}")
                self.assertContains(listed, "海门经济技术开发区")

    def test_industries_keep_the_catalogue_order(self):
        response = self.client.get(self.url)

        self.assertEqual(
            [industry.name for industry in response.context["industries"]],
            ["装备制造", "生物医药", "机电"],
        )

    def test_breadcrumb_runs_from_the_directory_through_province_and_city(self):
        response = self.client.get(self.url)

        labels = [crumb["label"] for crumb in response.context["breadcrumbs"]]
        with translation.override("zh-hans"):
            directory = translation.gettext("Development zones")
        self.assertEqual(labels, [directory, "江苏", "南通", "海门经济技术开发区"])
        self.assertContains(response, 'aria-current="page">海门经济技术开发区</span>')

    def test_profile_text_is_sanitized(self):
        response = self.client.get(self.url)

        self.assertContains(response, "临江新区<strong>产业</strong>发展")
        self.assertNotContains(response, "alert(1)")

    def test_contacts_and_parks(self):
        response = self.client.get(self.url)

        self.assertContains(response, "江苏省南通市海门区北京东路1号")
        self.assertContains(response, 'href="tel:0513-82210000"')
        self.assertContains(response, 'href="mailto:invest@haimen.example"')
        self.assertContains(response, "航天新材料产业园")
        self.assertContains(response, "轻合金精密成型")
        with translation.override("zh-hans"):
            number = floatformat(Decimal("3000"), "-2g")
            mu = translation.gettext("%(area)s mu") % {"area": number}
        self.assertContains(response, mu)

    def test_map_is_shown_for_a_reliable_point(self):
        response = self.client.get(self.url)

        self.assertContains(response, "https://www.openstreetmap.org/?mlat=31.895381")

    def test_locator_shows_the_zone_among_its_province_zones(self):
        def place(name, slug, province, lat, lon, reliable=True):
            return make_zone(
                name,
                slug,
                province,
                latitude=Decimal(lat),
                longitude=Decimal(lon),
                is_location_reliable=reliable,
            )

        place("南京开发区", "nanjing", self.jiangsu, "32.06", "118.79")
        place("徐州开发区", "xuzhou", self.jiangsu, "34.26", "117.18")
        place("错位开发区", "misplaced", self.jiangsu, "30.2", "115.0", reliable=False)
        place("宁波开发区", "ningbo-zone", self.zhejiang, "29.87", "121.54")

        response = self.client.get(self.url)

        locator = response.context["locator"]
        self.assertEqual(len(locator.others), 2)  # Jiangsu's, the trusted ones
        self.assertContains(response, '<svg viewBox="0 0 640 ')
        self.assertContains(response, 'class="locator-here"')
        self.assertEqual(response.content.decode().count('class="locator-zone"'), 2)
        self.assertContains(response, "江苏另外 2 个")
        # Haimen lies east of Nanjing and Xuzhou, Xuzhou north of both.
        here, (nanjing, xuzhou) = locator.here, locator.others
        self.assertGreater(here[0], nanjing[0])
        self.assertLess(xuzhou[1], nanjing[1])
        # The scale bar: 100 km is about 2.8° of longitude here; a round number.
        self.assertIn(locator.scale_km, (20, 50, 100, 200))
        self.assertContains(response, f"{locator.scale_km} 公里")
        self.assertContains(response, "https://www.openstreetmap.org/?mlat=31.895381")

    def test_scale_bar_distances_are_round(self):
        from zones.locator import nice_distance

        for km, nice in ((0.4, 1), (3, 2), (7.5, 5), (130, 100), (260, 200)):
            with self.subTest(km=km):
                self.assertEqual(nice_distance(km), nice)

    def test_a_point_known_to_be_wrong_is_not_shown(self):
        self.haimen.is_location_reliable = False
        self.haimen.save()

        response = self.client.get(self.url)

        self.assertNotContains(response, "openstreetmap")
        self.assertNotContains(response, "31.895381")
        self.assertNotContains(response, "<svg")

    def test_english_page(self):
        response = self.client.get(f"/en{self.url}")

        self.assertContains(
            response,
            "<h1>Haimen Economic and Technological Development Zone</h1>",
            html=True,
        )
        self.assertContains(response, "488 ha")
        self.assertContains(response, "national")
        self.assertContains(
            response,
            '<p class="article-subtitle" lang="zh-Hans">海门经济技术开发区</p>',
            html=True,
        )

    def test_english_page_shows_industries_and_park_description_in_english(self):
        Industry.objects.filter(name="装备制造").update(
            name_en="Equipment manufacturing"
        )
        Park.objects.filter(zone=self.haimen).update(
            name_en="Aerospace New Materials Park",
            description_en="The new materials park of Sijia town.",
        )

        english = self.client.get(f"/en{self.url}")
        chinese = self.client.get(self.url)

        self.assertContains(
            english,
            '<a href="/en/zones/?industry=装备制造">Equipment manufacturing</a>',
            html=True,
        )
        # An industry nobody translated yet is marked as Chinese.
        self.assertContains(english, 'lang="zh-Hans">生物医药</a>')
        self.assertContains(english, "The new materials park of Sijia town.")
        self.assertNotContains(english, "四甲镇的新材料园区。")
        self.assertContains(chinese, "四甲镇的新材料园区。")
        self.assertContains(chinese, ">装备制造</a>")

    def test_unpublished_zone_answers_404(self):
        self.haimen.is_published = False
        self.haimen.save()

        self.assertEqual(self.client.get(self.url).status_code, 404)

    def test_unknown_slug_answers_404(self):
        response = self.client.get(
            reverse("zones:detail", kwargs={"slug": "no-such-zone"})
        )

        self.assertEqual(response.status_code, 404)

    def test_municipality_is_named_once_in_the_breadcrumb(self):
        zone = make_zone(
            "北京经济技术开发区", "beijing-etdz", self.beijing, self.beijing
        )

        response = self.client.get(zone.get_absolute_url())

        labels = [crumb["label"] for crumb in response.context["breadcrumbs"]]
        self.assertEqual(labels[1:], ["北京", "北京经济技术开发区"])

    def test_profile_query_count_is_fixed(self):
        self.client.get(self.url)  # site settings into the cache

        # The zone with its regions, its industries, its parks, the ids of
        # articles naming it (written into the news query, see
        # ArticleQuerySet.concerning_zone) and its latest news; the reply-time
        # figure comes from the cache after the first request. Then the
        # facts app's three: indicators, the zone's facts, its incentives;
        # the projects app's one (the zone's open projects); and the points
        # of the province's zones for the locator.
        with self.assertNumQueries(10):
            self.client.get(self.url)


class ZoneLatestNewsTests(RegionsTestCase):
    """Needs the news app's article URLs (news:detail)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.zone = make_zone(
            "海门经济技术开发区", "haimen-etdz", cls.jiangsu, cls.nantong
        )
        cls.channel = Channel.objects.create(name="园区动态", slug="zone-news")

    def make_article(self, title, **fields):
        fields.setdefault("status", Article.Status.PUBLISHED)
        fields.setdefault("published_at", timezone.now() - datetime.timedelta(days=1))
        return Article.objects.create(
            title=title,
            channel=self.channel,
            zone=self.zone,
            body="<p>正文</p>",
            **fields,
        )

    def test_latest_published_news_of_the_zone_links_to_the_articles(self):
        article = self.make_article("海门经开区签约十个项目")
        self.make_article("草稿新闻", status=Article.Status.DRAFT)
        self.make_article(
            "明天发布的新闻",
            published_at=timezone.now() + datetime.timedelta(days=1),
        )

        response = self.client.get(self.zone.get_absolute_url())

        self.assertContains(response, f'href="{article.get_absolute_url()}"')
        self.assertContains(response, "海门经开区签约十个项目")
        self.assertNotContains(response, "草稿新闻")
        self.assertNotContains(response, "明天发布的新闻")

    def test_at_most_five_articles_newest_first(self):
        now = timezone.now()
        for day in range(1, 8):
            self.make_article(
                f"新闻{day}", published_at=now - datetime.timedelta(days=day)
            )

        response = self.client.get(self.zone.get_absolute_url())

        self.assertEqual(
            [article.title for article in response.context["latest_news"]],
            ["新闻1", "新闻2", "新闻3", "新闻4", "新闻5"],
        )

    def test_no_news_section_without_news(self):
        response = self.client.get(self.zone.get_absolute_url())

        self.assertNotContains(response, 'id="news-heading"')
        self.assertEqual(Zone.objects.count(), 1)
