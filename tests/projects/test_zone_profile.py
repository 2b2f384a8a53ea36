from projects.models import Project
from tests.projects.helpers import ProjectsTestCase, make_project


class ZoneProfileTests(ProjectsTestCase):
    def test_profile_lists_open_projects_only(self):
        make_project(self.haimen, "开放项目")
        make_project(self.haimen, "已签约项目", status=Project.Status.SIGNED)
        make_project(self.haimen, "过期项目", valid_until=self.yesterday)
        make_project(self.haimen, "草稿项目", is_published=False)
        make_project(self.ningbo, "别的园区项目")
        response = self.client.get(self.haimen.get_absolute_url())
        self.assertContains(response, "开放项目")
        for hidden in ("已签约项目", "过期项目", "草稿项目", "别的园区项目"):
            self.assertNotContains(response, hidden)

    def test_profile_without_projects_has_no_section(self):
        response = self.client.get(self.ningbo.get_absolute_url())
        self.assertNotContains(response, "zone-projects-heading")
