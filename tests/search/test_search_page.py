from datetime import timedelta

from django.urls import reverse

from news.models import Article
from tests.factories import make_zone
from tests.search.helpers import SearchTestCase


class SearchPageTests(SearchTestCase):
    def search(self, q, **params):
        return self.client.get(reverse("search:index"), {"q": q, **params})

    def test_empty_query_shows_help_with_examples(self):
        response = self.client.get(reverse("search:index"))
        self.assertContains(response, "您想找什么？")
        self.assertContains(response, "?q=%E6%B5%B7%E9%97%A8")  # 海门, an example
        # The empty form is not a page for search engines; its links are.
        self.assertContains(response, '<meta name="robots" content="noindex, follow">')
        self.assertNotContains(response, 'rel="canonical"')

    def test_results_page_has_its_own_title_and_is_not_indexed(self):
        # Search pages stay out of search engines; the canonical URL only
        # drops tracking parameters.
        response = self.search("海门", utm_source="mail")
        self.assertContains(response, "<title>搜索：海门 - ")
        self.assertContains(response, '<meta name="robots" content="noindex, follow">')
        self.assertContains(
            response,
            '<link rel="canonical" href="http://testserver/search/?q=%E6%B5%B7%E9%97%A8">',
        )
        self.assertContains(response, "<h1>“海门”的搜索结果</h1>", html=True)
        nothing = self.search("量子计算")
        self.assertContains(nothing, '<meta name="robots" content="noindex, follow">')

    def test_header_search_box_on_every_page(self):
        response = self.client.get(reverse("home"))
        self.assertContains(response, f'action="{reverse("search:index")}"')
        self.assertContains(
            response, '<label class="visually-hidden" for="site-search">'
        )
        self.assertContains(response, 'id="site-search" type="search" name="q"')

    def test_chinese_substring_is_found_in_title_and_in_summary(self):
        self.make_article("半导体装备产业园开工")
        self.make_article(
            "项目集中签约", summary="总投资50亿元的集成电路与半导体项目落户。"
        )
        self.make_article("纺织服装产业对接会")
        response = self.search("半导体")
        self.assertContains(response, "<mark>半导体</mark>装备产业园开工", html=True)
        self.assertContains(response, "项目集中签约")
        self.assertNotContains(response, "纺织服装产业对接会")
        self.assertContains(response, "2 篇新闻")

    def test_two_character_and_one_character_terms(self):
        self.make_article("园区建设提速")
        self.make_article("港口物流", summary="新建码头一座，年吞吐量提升。")
        self.assertContains(self.search("园区"), "<mark>园区</mark>建设提速", html=True)
        response = self.search("港")
        self.assertContains(response, "<mark>港</mark>口物流", html=True)
        self.assertNotContains(response, "园区建设提速")

    def test_only_published_articles_are_found(self):
        self.make_article("半导体项目已发布")
        self.make_article("半导体项目草稿", status=Article.Status.DRAFT)
        self.make_article("半导体项目待发", published_at=self.tomorrow)
        deleted = self.make_article("半导体项目已删除")
        Article.objects.filter(pk=deleted.pk).update(deleted_at=self.now)
        response = self.search("半导体")
        self.assertContains(response, "已发布")
        self.assertNotContains(response, "草稿")
        self.assertNotContains(response, "待发")
        self.assertNotContains(response, "已删除")

    def test_unpublished_zone_is_not_found(self):
        self.ningbo_zone.is_published = False
        self.ningbo_zone.save()
        response = self.search("宁波")
        self.assertNotContains(response, "宁波经济技术开发区")

    def test_every_word_must_match(self):
        self.make_article("海门半导体项目签约")
        self.make_article("南通半导体项目签约", zone=self.nantong_high_tech)
        self.make_article("海门纺织项目签约")
        response = self.search("海门 半导体")
        self.assertContains(response, "项目签约", count=1)
        self.assertContains(response, "<mark>海门半导体</mark>项目签约", html=True)

    def test_mixed_chinese_english_and_numbers(self):
        self.make_article("海门ETDZ举办2024年5G通信产业推介会")
        self.make_article("海门ETDZ举办2023年推介会")
        response = self.search("etdz 2024 5g通信")
        self.assertContains(response, "举办<mark>2024</mark>年")
        self.assertNotContains(response, "2023年推介会")
        self.assertContains(self.search("海门ETDZ"), "2 篇新闻")

    def test_zones_whose_names_match_come_first(self):
        self.make_article("海门经济技术开发区召开招商大会")
        content = self.search("海门").content.decode()
        zone_at = content.index(self.haimen.get_absolute_url())
        article_at = content.index("召开招商大会")
        self.assertLess(zone_at, article_at)

    def test_zones_are_found_by_short_english_name_and_code(self):
        for q in ("海门经开区", "haimen economic", "G321099", "g321099"):
            with self.subTest(q=q):
                response = self.search(q)
                self.assertContains(response, self.haimen.get_absolute_url())
                self.assertNotContains(response, self.ningbo_zone.get_absolute_url())

    def test_exact_zone_name_ranks_before_other_matches(self):
        response = self.search("经济技术开发区", kind="zones")
        self.assertContains(response, "2 个开发区")
        content = self.search("南通高新区", kind="zones").content.decode()
        self.assertIn(self.nantong_high_tech.get_absolute_url(), content)
        self.assertNotIn(self.haimen.get_absolute_url(), content)

    def test_names_beginning_with_the_query_rank_before_other_name_matches(self):
        make_zone(
            "江苏海门工业园区",
            "jiangsu-haimen-park",
            self.jiangsu,
            level="provincial",
            name_en="",
        )
        content = self.search("海门", kind="zones").content.decode()
        self.assertLess(
            content.index(self.haimen.get_absolute_url()),
            content.index("/jiangsu-haimen-park/"),
        )

    def test_title_matches_rank_before_summary_matches_then_newest_first(self):
        self.make_article("较早的标题提到氢能", published_at=self.last_year)
        self.make_article(
            "最新的新闻", summary="摘要里提到氢能。", published_at=self.yesterday
        )
        self.make_article(
            "较新的标题提到氢能", published_at=self.now - timedelta(days=7)
        )
        content = self.search("氢能").content.decode()
        newer_title = content.index("较新的标题提到")
        older_title = content.index("较早的标题提到")
        summary_only = content.index("最新的新闻")
        self.assertLess(newer_title, older_title)
        self.assertLess(older_title, summary_only)

    def test_kind_filter_shows_only_zones_or_only_news(self):
        self.make_article("海门新闻一则")
        zones = self.search("海门", kind="zones")
        self.assertContains(zones, self.haimen.get_absolute_url())
        self.assertNotContains(zones, "海门新闻一则")
        news = self.search("海门", kind="news")
        self.assertContains(news, "新闻一则")
        self.assertNotContains(news, f'href="{self.haimen.get_absolute_url()}"')

    def test_province_filter(self):
        self.make_article("开发区招商引资江苏篇")
        self.make_article("开发区招商引资浙江篇", zone=self.ningbo_zone)
        response = self.search("开发区", province="zhejiang")
        self.assertContains(response, "浙江篇")
        self.assertNotContains(response, "江苏篇")
        self.assertContains(response, self.ningbo_zone.get_absolute_url())
        self.assertNotContains(response, self.haimen.get_absolute_url())

    def test_zone_filter(self):
        self.make_article("招商推介会海门站")
        self.make_article("招商推介会南通站", zone=self.nantong_high_tech)
        response = self.search("招商推介会", zone="nantong-high-tech-zone")
        self.assertContains(response, "南通站")
        self.assertNotContains(response, "海门站")
        self.assertContains(response, "（移除此筛选条件）")

    def test_unknown_filters_are_ignored_with_a_note(self):
        self.make_article("招商推介会海门站")
        response = self.search(
            "招商", province="atlantis", zone="no-such-zone", kind="people"
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "没有这个省份")
        self.assertContains(response, "没有这个开发区")
        self.assertContains(response, "未知的结果类型")
        self.assertContains(response, "推介会海门站")

    def test_english_pages_search_english_articles(self):
        self.make_article("Haimen signs 12 projects", language=Article.Language.ENGLISH)
        self.make_article("海门签约12个项目")
        response = self.client.get("/en/search/", {"q": "haimen"})
        self.assertContains(
            response, "<mark>Haimen</mark> signs 12 projects", html=True
        )
        self.assertContains(
            response, "<mark>Haimen</mark> Economic and Technological Development Zone"
        )
        self.assertNotContains(response, "海门签约12个项目")

    def test_no_match_says_so(self):
        response = self.search("量子计算")
        self.assertContains(response, "没有与“量子计算”匹配的结果")

    def test_titles_are_escaped_around_the_marks(self):
        self.make_article('<script>alert("x")</script>半导体')
        response = self.search("半导体")
        self.assertNotContains(response, "<script>alert")
        self.assertContains(
            response,
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<mark>半导体</mark>",
        )
