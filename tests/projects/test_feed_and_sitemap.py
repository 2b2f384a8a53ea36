from django.urls import reverse

from tests.projects.helpers import ProjectsTestCase, make_project


class FeedAndSitemapTests(ProjectsTestCase):
    def test_feed_lists_published_projects_only(self):
        make_project(self.haimen, "公开项目")
        make_project(self.haimen, "草稿项目", is_published=False)
        make_project(self.haimen, "过期项目", valid_until=self.yesterday)
        response = self.client.get(reverse("projects:feed"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "公开项目")
        self.assertNotContains(response, "草稿项目")
        self.assertNotContains(response, "过期项目")

    def test_sitemap_section_lists_published_projects_only(self):
        shown = make_project(self.haimen, "公开项目")
        expired = make_project(self.haimen, "过期项目", valid_until=self.yesterday)
        response = self.client.get("/sitemap-projects.xml")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, shown.get_absolute_url())
        self.assertNotContains(response, expired.get_absolute_url())
        self.assertContains(self.client.get("/sitemap.xml"), "sitemap-projects.xml")
