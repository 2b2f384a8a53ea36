from django.core.cache import cache
from django.urls import reverse

from projects.models import Project
from tests.projects.helpers import ProjectsTestCase, make_project
from tests.search.helpers import queries_per_search


class HomeProjectsTests(ProjectsTestCase):
    def test_home_lists_the_newest_open_projects(self):
        make_project(self.haimen, "较早的项目")
        for number in range(4):
            make_project(self.ningbo, f"新项目{number}")
        response = self.client.get(reverse("home"))
        self.assertContains(response, "招商项目")
        self.assertContains(response, "新项目3")
        self.assertContains(response, "新项目0")
        # Four are shown, newest first: the oldest is left out.
        self.assertNotContains(response, "较早的项目")
        self.assertContains(response, f'href="{reverse("projects:index")}"')

    def test_home_leaves_out_closed_expired_and_draft_projects(self):
        make_project(self.haimen, "公开项目")
        make_project(self.haimen, "过期项目", valid_until=self.yesterday)
        make_project(self.haimen, "草稿项目", is_published=False)
        make_project(self.haimen, "已签约项目", status=Project.Status.SIGNED)
        make_project(self.haimen, "今天到期", valid_until=self.today)
        response = self.client.get(reverse("home"))
        self.assertContains(response, "公开项目")
        self.assertContains(response, "今天到期")
        self.assertNotContains(response, "过期项目")
        self.assertNotContains(response, "草稿项目")
        self.assertNotContains(response, "已签约项目")

    def test_home_without_projects_has_no_projects_section(self):
        response = self.client.get(reverse("home"))
        self.assertNotContains(response, 'id="projects-heading"')

    def test_english_home_shows_english_titles(self):
        make_project(self.haimen, "标准厂房", title_en="Standard factories")
        response = self.client.get("/en/")
        self.assertContains(response, "Investment projects")
        self.assertContains(response, "Standard factories")

    def test_projects_cost_one_query_however_many(self):
        make_project(self.haimen, "项目")
        cache.clear()
        # Without news: the site settings, four news blocks, the projects,
        # their first pictures.
        with self.assertNumQueries(7) as few:
            self.client.get(reverse("home"))
        for number in range(20):
            make_project(self.ningbo, f"项目{number}", industry=self.chips)
        cache.clear()
        with self.assertNumQueries(len(few.captured_queries)):
            self.client.get(reverse("home"))


class SearchProjectsTests(ProjectsTestCase):
    def search(self, text, **params):
        return self.client.get(reverse("search:index"), {"q": text, **params})

    def titles(self, response):
        return [str(item["title"]) for item in response.context["project_items"]]

    def test_search_finds_projects_beside_zones_and_news(self):
        make_project(self.haimen, "半导体装备厂房招租")
        response = self.search("半导体")
        self.assertContains(response, 'id="project-results"')
        self.assertContains(response, "<mark>半导体</mark>装备厂房招租")
        self.assertContains(response, "1 个招商项目")

    def test_expired_draft_and_hidden_zone_projects_are_not_found(self):
        make_project(self.haimen, "厂房甲")
        make_project(self.haimen, "厂房乙", valid_until=self.yesterday)
        make_project(self.haimen, "厂房丙", is_published=False)
        self.ningbo.is_published = False
        self.ningbo.save()
        make_project(self.ningbo, "厂房丁")
        response = self.search("厂房")
        self.assertEqual(self.titles(response), ["<mark>厂房</mark>甲"])

    def test_ranking_title_then_industry_or_zone_then_description(self):
        make_project(
            self.ningbo,
            "宁波合资",
            description="<p>欢迎<strong>集成电路</strong>企业</p>",
        )
        make_project(self.ningbo, "宁波封装", industry=self.chips)
        make_project(self.ningbo, "集成电路封装测试基地")
        make_project(self.ningbo, "集成电路")
        response = self.search("集成电路")
        self.assertEqual(
            [title.replace("<mark>", "").replace("</mark>", "") for title in
             self.titles(response)],
            ["集成电路", "集成电路封装测试基地", "宁波封装", "宁波合资"],
        )  # fmt: skip
        # Found only in the description: the passage says why.
        self.assertContains(response, "欢迎<mark>集成电路</mark>企业")

    def test_markup_of_the_description_is_not_searched(self):
        make_project(self.haimen, "厂房", description="<p><strong>招租</strong></p>")
        self.assertEqual(self.titles(self.search("strong")), [])

    def test_every_term_must_match_somewhere(self):
        make_project(self.haimen, "标准厂房", industry=self.equipment)
        self.assertEqual(len(self.titles(self.search("海门 装备制造 厂房"))), 1)
        self.assertEqual(self.titles(self.search("宁波 厂房")), [])

    def test_province_and_zone_filters_apply_to_projects(self):
        make_project(self.haimen, "海门厂房")
        make_project(self.ningbo, "宁波厂房")
        response = self.search("厂房", province="zhejiang")
        self.assertEqual(self.titles(response), ["宁波<mark>厂房</mark>"])
        response = self.search("厂房", zone="haimen-etdz")
        self.assertEqual(self.titles(response), ["海门<mark>厂房</mark>"])

    def test_first_page_shows_five_and_links_to_all(self):
        for number in range(7):
            make_project(self.haimen, f"厂房{number}")
        response = self.search("厂房")
        self.assertEqual(len(response.context["project_items"]), 5)
        self.assertContains(response, "全部 7 个匹配的项目")
        response = self.search("厂房", kind="projects")
        self.assertEqual(len(response.context["project_items"]), 7)
        self.assertEqual(response.context["zone_items"], [])
        self.assertEqual(response.context["article_items"], [])

    def test_projects_kind_pages_through_projects(self):
        for number in range(25):
            make_project(self.haimen, f"厂房{number:02d}")
        response = self.search("厂房", kind="projects", page=2)
        self.assertEqual(len(response.context["project_items"]), 5)
        response = self.search("厂房", kind="projects", page=9)
        self.assertRedirects(
            response,
            reverse("search:index") + "?q=%E5%8E%82%E6%88%BF&kind=projects&page=2",
            fetch_redirect_response=False,
        )

    def test_english_page_shows_english_title_and_the_chinese_one(self):
        make_project(self.haimen, "标准厂房", title_en="Standard factories")
        response = self.client.get("/en/search/", {"q": "factories"})
        self.assertContains(response, "Standard <mark>factories</mark>")
        self.assertContains(response, '<p lang="zh-Hans">标准厂房</p>')

    def test_query_count_does_not_grow_with_projects(self):
        make_project(self.haimen, "厂房")
        self.search("厂房")  # caches the site settings
        # The provinces, the page of projects with their count.
        with self.assertNumQueries(queries_per_search(2)) as few:
            self.search("厂房", kind="projects")
        for number in range(20):
            make_project(self.ningbo, f"厂房{number}", industry=self.chips)
        with self.assertNumQueries(len(few.captured_queries)):
            response = self.search("厂房", kind="projects")
        self.assertEqual(len(response.context["project_items"]), 20)
