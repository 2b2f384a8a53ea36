"""Project pictures: renditions on save, the detail gallery, card thumbnails,
the admin inline."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from core.images import is_unguessable
from projects.models import Project, ProjectImage
from tests.news.helpers import jpeg_upload
from tests.projects.helpers import ProjectsTestCase, make_project


def add_picture(project, alt="厂房外景", caption="", position=0, **upload):
    return ProjectImage.objects.create(
        project=project,
        image=jpeg_upload(**upload),
        alt_text=alt,
        caption=caption,
        position=position,
    )


class PictureTests(ProjectsTestCase):
    def test_saving_makes_renditions(self):
        image = add_picture(make_project(self.haimen), size=(1600, 900))
        # Stored as every upload is (core.images.CleanImageField): in a
        # folder named by a token nobody guesses.
        self.assertTrue(is_unguessable(image.image.name))
        widths = sorted(item["width"] for item in image.renditions_of("image").values())
        self.assertEqual(widths, [240, 480, 800, 1200])

    def test_detail_page_gallery_with_alt_text_and_caption(self):
        project = make_project(self.haimen, "标准厂房")
        add_picture(project, "成排的标准厂房", "厂房外景，2026年3月", position=1)
        add_picture(project, "厂区大门", position=0)
        response = self.client.get(project.get_absolute_url())
        self.assertContains(response, 'id="gallery-heading"')
        self.assertContains(response, 'alt="成排的标准厂房"')
        self.assertContains(response, "<figcaption>厂房外景，2026年3月</figcaption>")
        self.assertContains(response, "srcset=")
        body = response.content.decode()
        self.assertIn('"image": ["http://testserver/media/projects/', body)
        # In the editors' order.
        self.assertLess(
            body.index('alt="厂区大门"'), body.index('alt="成排的标准厂房"')
        )

    def test_english_page_marks_chinese_captions(self):
        project = make_project(self.haimen, "标准厂房", title_en="Factories")
        add_picture(project, "厂房", "厂房外景")
        response = self.client.get("/en" + project.get_absolute_url())
        self.assertContains(
            response, '<figcaption lang="zh-Hans">厂房外景</figcaption>'
        )

    def test_project_without_pictures_has_no_gallery(self):
        project = make_project(self.haimen)
        response = self.client.get(project.get_absolute_url())
        self.assertNotContains(response, 'id="gallery-heading"')

    def test_cards_show_the_first_picture(self):
        project = make_project(self.haimen, "有图项目")
        add_picture(project, "第二张", position=2)
        add_picture(project, "第一张", position=1)
        make_project(self.haimen, "无图项目")
        for url in (
            reverse("projects:index"),
            reverse("home"),
            self.haimen.get_absolute_url(),
        ):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertContains(response, 'alt="第一张"', count=1)
                self.assertNotContains(response, 'alt="第二张"')
                self.assertContains(response, "item-with-thumb", count=1)

    def test_list_query_count_does_not_grow_with_pictures(self):
        url = reverse("projects:index")
        for number in range(2):
            add_picture(make_project(self.haimen, f"项目{number}"), size=(300, 200))
        self.client.get(url)
        with self.assertNumQueries(10) as few:  # see test_list; one for pictures
            self.client.get(url)
        for number in range(2, 20):
            project = make_project(self.ningbo, f"项目{number}")
            add_picture(project, size=(300, 200))
            add_picture(project, position=1, size=(300, 200))
        with self.assertNumQueries(len(few.captured_queries)):
            response = self.client.get(url)
        self.assertContains(response, "item-with-thumb", count=20)


class PictureAdminTests(ProjectsTestCase):
    def setUp(self):
        super().setUp()
        self.admin = get_user_model().objects.create_superuser(
            "admin", "admin@example.com", "pw"
        )
        self.client.force_login(self.admin)

    def test_pictures_are_added_in_the_project_form(self):
        project = make_project(self.haimen, "标准厂房")
        url = reverse("admin:projects_project_change", args=[project.pk])
        response = self.client.get(url)
        self.assertContains(response, 'enctype="multipart/form-data"')
        self.assertContains(response, "images-TOTAL_FORMS")
        data = {
            "title": project.title,
            "title_en": "",
            "zone": self.haimen.pk,
            "tags": "",
            "cooperation": project.cooperation,
            "status": project.status,
            "currency": "CNY",
            "description": "",
            "description_en": "",
            "is_published": "on",
            "images-TOTAL_FORMS": "1",
            "images-INITIAL_FORMS": "0",
            "images-MIN_NUM_FORMS": "0",
            "images-MAX_NUM_FORMS": "1000",
            "images-0-image": jpeg_upload(size=(800, 450)),
            "images-0-alt_text": "厂区鸟瞰",
            "images-0-caption": "",
            "images-0-position": "0",
        }
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302, getattr(response, "context", None))
        image = Project.objects.get(pk=project.pk).images.get()
        self.assertEqual(image.alt_text, "厂区鸟瞰")
        self.assertTrue(image.renditions_of("image"))

    def test_a_picture_needs_alternative_text(self):
        project = make_project(self.haimen, "标准厂房")
        url = reverse("admin:projects_project_change", args=[project.pk])
        response = self.client.post(
            url,
            {
                "title": project.title,
                "zone": self.haimen.pk,
                "cooperation": project.cooperation,
                "status": project.status,
                "currency": "CNY",
                "images-TOTAL_FORMS": "1",
                "images-INITIAL_FORMS": "0",
                "images-MIN_NUM_FORMS": "0",
                "images-MAX_NUM_FORMS": "1000",
                "images-0-image": jpeg_upload(size=(800, 450)),
                "images-0-alt_text": "",
                "images-0-position": "0",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(ProjectImage.objects.exists())
