"""`manage.py secure_uploads`: images stored before uploads were cleaned."""

from io import BytesIO, StringIO
from pathlib import PurePosixPath

import reversion
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from PIL import Image
from reversion.models import Version

from core.images import is_unguessable
from news.models import Article
from tests.core.test_image_metadata import photo
from tests.news.helpers import NewsTestCase

FOLDER = "news/covers/2025/03"


def legacy_cover(stem="harbour", orientation=6):
    """A cover stored as uploads were before: as it came, named by the
    uploader, with renditions named after it."""
    name = default_storage.save(
        f"{FOLDER}/{stem}.jpg", ContentFile(photo(orientation=orientation))
    )
    renditions = {"source": name}
    for width in (80, 160):
        buffer = BytesIO()
        Image.new("RGB", (width, width // 2), "teal").save(buffer, "WEBP")
        saved = default_storage.save(
            f"{FOLDER}/{stem}.w{width}.webp", ContentFile(buffer.getvalue())
        )
        renditions[str(width)] = {
            "url": default_storage.url(saved),
            "width": width,
            "height": width // 2,
        }
    return name, renditions


def stored(name):
    with default_storage.open(name, "rb") as file:
        data = file.read()
    image = Image.open(BytesIO(data))
    image.load()
    return data, image


class SecureUploadsTests(NewsTestCase):
    def setUp(self):
        self.article = self.make_article(cover_alt="港区")
        # An earlier cover that only a saved version still names.
        self.older, older_renditions = legacy_cover("older")
        self.set_cover(self.older, older_renditions)
        with reversion.create_revision():
            Article.objects.get(pk=self.article.pk).save()
        self.legacy, self.renditions = legacy_cover()
        self.set_cover(self.legacy, self.renditions)
        with reversion.create_revision():
            Article.objects.get(pk=self.article.pk).save()

    def set_cover(self, name, renditions):
        Article.objects.filter(pk=self.article.pk).update(
            cover=name, cover_renditions=renditions
        )

    def run_command(self, *args):
        out = StringIO()
        call_command("secure_uploads", *args, stdout=out)
        return out.getvalue()

    def versions(self):
        return list(Version.objects.get_for_object(self.article).order_by("pk"))

    def test_an_old_cover_is_stripped_turned_and_moved(self):
        self.assertIn(b"Shouji Camera", stored(self.legacy)[0])
        output = self.run_command()
        article = Article.objects.get(pk=self.article.pk)
        name = article.cover.name
        self.assertTrue(is_unguessable(name))
        self.assertEqual(PurePosixPath(name).name, "harbour.jpg")
        self.assertEqual(str(PurePosixPath(name).parent.parent), FOLDER)
        data, image = stored(name)
        self.assertNotIn(b"Shouji Camera", data)
        self.assertEqual(dict(image.getexif()), {})
        self.assertEqual(image.size, (90, 160))
        # The old original and the renditions named after it are gone.
        self.assertFalse(default_storage.exists(self.legacy))
        self.assertFalse(default_storage.exists(f"{FOLDER}/harbour.w80.webp"))
        renditions = article.renditions_of("cover")
        self.assertEqual(article.cover_renditions["source"], name)
        self.assertEqual(sorted(renditions, key=int), ["90"])
        for item in renditions.values():
            self.assertNotIn("harbour", item["url"])
            self.assertNotIn(PurePosixPath(name).parent.name, item["url"])
        self.assertIn(f"{FOLDER}/harbour.jpg", output)
        self.assertIn("2 stored image(s) checked: 2 stripped", output)

    def test_versions_are_pointed_at_the_moved_files(self):
        self.run_command()
        older, newer = self.versions()
        current = Article.objects.get(pk=self.article.pk)
        self.assertEqual(newer.field_dict["cover"].name, current.cover.name)
        self.assertEqual(newer.field_dict["cover_renditions"], current.cover_renditions)
        moved_older = older.field_dict["cover"].name
        self.assertTrue(is_unguessable(moved_older))
        self.assertTrue(default_storage.exists(moved_older))
        self.assertFalse(default_storage.exists(self.older))
        self.assertNotIn(b"Shouji", stored(moved_older)[0])
        # Restoring the older version brings back a file that exists.
        older.revert()
        restored = Article.objects.get(pk=self.article.pk)
        self.assertEqual(restored.cover.name, moved_older)
        self.assertEqual(restored.cover_renditions["source"], moved_older)

    def test_a_second_run_changes_nothing(self):
        self.run_command()
        name = Article.objects.get(pk=self.article.pk).cover.name
        output = self.run_command()
        self.assertIn("0 stripped of metadata, 0 moved", output)
        self.assertEqual(Article.objects.get(pk=self.article.pk).cover.name, name)

    def test_dry_run_says_what_it_would_do_and_does_nothing(self):
        output = self.run_command("--dry-run")
        self.assertIn("2 would be stripped of metadata, 2 would be moved", output)
        self.assertEqual(
            Article.objects.get(pk=self.article.pk).cover.name, self.legacy
        )
        self.assertIn(b"Shouji Camera", stored(self.legacy)[0])
        self.assertTrue(default_storage.exists(f"{FOLDER}/harbour.w80.webp"))

    def test_a_missing_file_is_reported_and_left(self):
        default_storage.delete(self.legacy)
        output = self.run_command()
        self.assertIn("missing from storage", output)
        self.assertIn("1 missing", output)
        self.assertEqual(
            Article.objects.get(pk=self.article.pk).cover.name, self.legacy
        )

    def test_quiet_at_verbosity_zero(self):
        out = StringIO()
        call_command("secure_uploads", verbosity=0, stdout=out)
        self.assertEqual(out.getvalue(), "")
