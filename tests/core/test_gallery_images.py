"""The gallery pictures of articles and projects share one model
(core.images.GalleryImage): both make renditions on save, require the
alternative text and keep their own upload folders."""

from django.core.exceptions import ValidationError

from core.images import GalleryImage, is_unguessable
from news.models import ArticleImage
from projects.models import ProjectImage
from tests.news.helpers import NewsTestCase, jpeg_upload
from tests.projects.helpers import make_project


class GalleryImageTests(NewsTestCase):
    def galleries(self):
        """(model, owner field, owner, upload folder) of each gallery."""
        article = self.make_article()
        project = make_project(self.haimen_zone)
        return (
            (ArticleImage, "article", article, "news/gallery/"),
            (ProjectImage, "project", project, "projects/"),
        )

    def test_both_galleries_are_gallery_images(self):
        for model in (ArticleImage, ProjectImage):
            with self.subTest(model=model.__name__):
                self.assertTrue(issubclass(model, GalleryImage))
                self.assertEqual(model._meta.ordering, ["position", "id"])

    def test_saving_makes_renditions_in_the_galleries_own_folder(self):
        for model, owner_field, owner, folder in self.galleries():
            with self.subTest(model=model.__name__):
                image = model.objects.create(
                    **{owner_field: owner},
                    image=jpeg_upload(size=(1000, 600)),
                    alt_text="园区厂房",
                )
                self.assertTrue(image.image.name.startswith(folder))
                self.assertTrue(is_unguessable(image.image.name))
                renditions = image.renditions_of("image")
                self.assertEqual(
                    sorted(item["width"] for item in renditions.values()),
                    [240, 480, 800, 1000],
                )
                self.assertTrue(
                    all(folder in item["url"] for item in renditions.values())
                )
                # Stored, not only set on the instance.
                image.refresh_from_db()
                self.assertEqual(image.renditions_of("image"), renditions)

    def test_alt_text_is_required_and_the_caption_optional(self):
        for model, owner_field, owner, _folder in self.galleries():
            with self.subTest(model=model.__name__):
                image = model(
                    **{owner_field: owner},
                    image=jpeg_upload(size=(300, 200)),
                    alt_text="",
                )
                with self.assertRaises(ValidationError) as raised:
                    image.full_clean()
                self.assertEqual(set(raised.exception.message_dict), {"alt_text"})
                image.alt_text = "园区厂房"
                image.full_clean()

    def test_named_by_the_caption_else_the_alt_text(self):
        self.assertEqual(
            str(ArticleImage(alt_text="厂房", caption="园区一角")), "园区一角"
        )
        self.assertEqual(str(ProjectImage(alt_text="厂房")), "厂房")

    def test_the_pictures_keep_the_editors_order(self):
        for model, owner_field, owner, _folder in self.galleries():
            with self.subTest(model=model.__name__):
                for alt, position in (("第二张", 2), ("第一张", 1), ("第三张", 3)):
                    model.objects.create(
                        **{owner_field: owner},
                        image=jpeg_upload(size=(300, 200)),
                        alt_text=alt,
                        position=position,
                    )
                self.assertEqual(
                    [image.alt_text for image in owner.images.all()],
                    ["第一张", "第二张", "第三张"],
                )
