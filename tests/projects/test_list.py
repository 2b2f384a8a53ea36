from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from projects.models import Project
from tests.projects.helpers import ProjectsTestCase, make_project


class ListTests(ProjectsTestCase):
    def test_lists_published_unexpired_only(self):
        make_project(self.haimen, "公开项目")
        make_project(self.haimen, "草稿项目", is_published=False)
        make_project(self.haimen, "过期项目", valid_until=self.yesterday)
        response = self.client.get(reverse("projects:index"))
        self.assertContains(response, "公开项目")
        self.assertNotContains(response, "草稿项目")
        self.assertNotContains(response, "过期项目")

    def test_filters_and_counts(self):
        make_project(
            self.haimen,
            "海门厂房",
            industry=self.equipment,
            status=Project.Status.SEEKING,
        )
        make_project(
            self.ningbo,
            "宁波合资",
            industry=self.chips,
            cooperation=Project.Cooperation.JOINT_VENTURE,
            status=Project.Status.NEGOTIATING,
        )
        url = reverse("projects:index")
        cases = {
            "province=jiangsu": "海门厂房",
            "zone=ningbo-etdz": "宁波合资",
            "industry=装备制造": "海门厂房",
            "cooperation=joint_venture": "宁波合资",
            "status=seeking": "海门厂房",
        }
        for query, shown in cases.items():
            with self.subTest(query=query):
                response = self.client.get(f"{url}?{query}")
                self.assertContains(response, shown)
                hidden = {"海门厂房", "宁波合资"} - {shown}
                self.assertNotContains(response, hidden.pop())
        response = self.client.get(f"{url}?province=jiangsu")
        # Counts per value: each filter counted with the others applied.
        self.assertContains(response, '<option value="zhejiang">浙江 (1)</option>')
        self.assertContains(
            response, '<option value="jiangsu" selected>江苏 (1)</option>'
        )

    def test_bad_parameters_are_noted_never_500(self):
        make_project(self.haimen, "海门厂房")
        url = reverse("projects:index")
        for query in (
            "province=atlantis",
            "province=haimen-etdz",
            "zone=no-such-zone",
            "zone=%00",
            "industry=x%00y",
            "cooperation=barter",
            "status=%FF",
            "page=abc",
            "zone[]=1&province=",
        ):
            with self.subTest(query=query):
                response = self.client.get(f"{url}?{query}", follow=True)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "海门厂房")
        response = self.client.get(f"{url}?cooperation=barter")
        self.assertContains(response, "“barter”")

    def test_query_count_does_not_grow_with_projects(self):
        url = reverse("projects:index")

        def count_queries():
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.client.get(url).status_code, 200)
            return len(queries)

        # The first request caches the site settings.
        self.client.get(url)
        for number in range(2):
            make_project(self.haimen, f"项目{number}", industry=self.equipment)
        few = count_queries()
        # The count, seven facets (one a filter), the page and its pictures.
        self.assertEqual(few, 10)
        for number in range(2, 20):
            make_project(
                self.ningbo,
                f"项目{number}",
                industry=self.chips,
                investment=number * 10,
                currency="USD" if number % 3 else "CNY",
                cooperation=Project.Cooperation.JOINT_VENTURE,
            )
        self.assertEqual(count_queries(), few)
        with self.assertNumQueries(few):
            self.client.get(url)
        # Filtered and sorted by investment, the same.
        url += "?province=zhejiang&investment=100m-1b&sort=investment"
        with self.assertNumQueries(few + 1):  # the province and city lookup
            response = self.client.get(url)
        self.assertEqual(
            [project.title for project in response.context["projects"]],
            ["项目18", "项目15", "项目12"],
        )

    def test_pagination(self):
        for number in range(25):
            make_project(self.haimen, f"分页项目{number:02d}")
        response = self.client.get(reverse("projects:index"))
        self.assertContains(response, 'rel="next"')
        response = self.client.get(reverse("projects:index") + "?page=2")
        self.assertEqual(len(response.context["projects"]), 5)
