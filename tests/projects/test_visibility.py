from django.urls import reverse

from projects.models import Project
from tests.projects.helpers import ProjectsTestCase, make_project


class PublishedTests(ProjectsTestCase):
    def test_published_hides_drafts_expired_and_unpublished_zones(self):
        shown = make_project(self.haimen, "公开项目")
        make_project(self.haimen, "草稿项目", is_published=False)
        make_project(self.haimen, "过期项目", valid_until=self.yesterday)
        last_day = make_project(self.haimen, "今天截止", valid_until=self.today)
        self.ningbo.is_published = False
        self.ningbo.save()
        make_project(self.ningbo, "隐藏园区的项目")
        self.assertCountEqual(Project.objects.published(), [shown, last_day])

    def test_is_open(self):
        self.assertTrue(make_project(self.haimen).is_open())
        self.assertFalse(make_project(self.haimen, is_published=False).is_open())
        self.assertFalse(
            make_project(self.haimen, valid_until=self.yesterday).is_open()
        )
        self.assertTrue(make_project(self.haimen, valid_until=self.today).is_open())
        signed = make_project(self.haimen, status=Project.Status.SIGNED)
        self.assertFalse(signed.is_open())

    def test_description_is_sanitised(self):
        project = make_project(
            self.haimen,
            description='<p onclick="x()">厂房<script>alert(1)</script></p>',
        )
        self.assertEqual(project.description, "<p>厂房</p>")

    def test_contact_defaults_to_the_zone(self):
        project = make_project(self.haimen)
        self.assertEqual(project.phone, "0513-82200000")
        self.assertEqual(project.email, "invest@haimen.example.com")
        project.contact_email = "chips@haimen.example.com"
        self.assertEqual(project.email, "chips@haimen.example.com")


class DetailTests(ProjectsTestCase):
    def test_open_project_page(self):
        project = make_project(
            self.haimen,
            "半导体装备产业园标准厂房开放招租",
            title_en="Standard factories to let",
            industry=self.equipment,
            investment=120,
            floor_space_m2=24000,
        )
        response = self.client.get(project.get_absolute_url())
        self.assertContains(response, "半导体装备产业园标准厂房开放招租")
        self.assertContains(response, "application/ld+json")
        self.assertContains(response, reverse("projects:index"))
        inquire = reverse("inquiries:inquire", kwargs={"slug": self.haimen.slug})
        self.assertContains(response, f"{inquire}?project={project.pk}&amp;message=")
        self.assertNotContains(response, "This project is closed")

    def test_express_interest_names_the_project_on_the_inquiry_form(self):
        project = make_project(self.haimen, "半导体装备产业园标准厂房开放招租")
        link = self.client.get(project.get_absolute_url()).context["interest_url"]
        response = self.client.get(link)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "半导体装备产业园标准厂房开放招租")

    def test_expired_project_page_says_it_is_closed(self):
        project = make_project(self.haimen, "过期项目", valid_until=self.yesterday)
        response = self.client.get(
            project.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en"
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "过期项目")
        self.assertNotContains(response, "?project=")
        response = self.client.get("/en" + project.get_absolute_url())
        self.assertContains(response, "This project is closed")
        self.assertContains(response, "schema.org/Discontinued")

    def test_draft_and_hidden_zone_answer_404(self):
        draft = make_project(self.haimen, is_published=False)
        self.assertEqual(self.client.get(draft.get_absolute_url()).status_code, 404)
        self.ningbo.is_published = False
        self.ningbo.save()
        hidden = make_project(self.ningbo)
        self.assertEqual(self.client.get(hidden.get_absolute_url()).status_code, 404)
        self.assertEqual(self.client.get("/projects/99999/").status_code, 404)

    def test_english_page_shows_english_title(self):
        project = make_project(self.haimen, "厂房招租", title_en="Factories to let")
        response = self.client.get("/en" + project.get_absolute_url())
        self.assertContains(response, "Factories to let")
