"""Stored originals carry no metadata and sit where nobody finds them unasked.

A phone photo tells where it was taken (EXIF GPS). Originals are public
files, so they are stored without metadata, upright, in a folder named by a
random token; renditions have names of their own, and public pages link
renditions only, never a draft's pictures.
"""

import re
from html import unescape
from io import BytesIO
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from django.apps import apps
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from core import uploads
from core.images import CleanImageField, RenditionsMixin, is_unguessable
from news.models import Article, ArticleImage
from tests.core.test_image_metadata import GPS_IFD, photo
from tests.news.test_admin import ADD_URL, ArticleAdminTestCase
from zones.models import Zone

HREF = re.compile(r'(?:href|src)="([^"#]+)"')


def phone_upload(name="IMG_20261201_093015.jpg", size=(1600, 900)):
    """A JPEG as a phone stores a portrait photo: on its side, with
    orientation 6 and the GPS position in its EXIF."""
    return SimpleUploadedFile(name, photo(size=size, orientation=6), "image/jpeg")


def stored_image(field_file):
    with default_storage.open(field_file.name, "rb") as file:
        data = file.read()
    image = Image.open(BytesIO(data))
    image.load()
    return data, image


def secrets_of(field_file):
    """What would lead to the original: its token folder and its own name."""
    path = PurePosixPath(field_file.name)
    return [path.parent.name, path.stem]


class StoredOriginalTests(ArticleAdminTestCase):
    def test_an_upload_through_the_admin_is_stored_upright_without_metadata(self):
        data = self.form_data(
            kind=Article.Kind.PICTURE,
            cover=phone_upload(),
            cover_alt="港区",
            **{
                "images-0-image": phone_upload("IMG_2.jpg", size=(1200, 800)),
                "images-0-alt_text": "厂房",
            },
        )
        response = self.client.post(reverse(ADD_URL), data)
        self.assertEqual(response.status_code, 302, response.content.decode()[:2000])
        article = Article.objects.get()
        gallery = ArticleImage.objects.get()
        for field_file, turned in (
            (article.cover, (900, 1600)),
            (gallery.image, (800, 1200)),
        ):
            with self.subTest(field_file.name):
                data, image = stored_image(field_file)
                self.assertEqual(image.size, turned)
                self.assertEqual(dict(image.getexif()), {})
                self.assertNotIn(b"Shouji Camera", data)
                self.assertNotIn(b"Exif\x00\x00", data)

    def test_a_picture_kept_across_a_form_error_is_kept_without_metadata(self):
        data = self.form_data(title="", cover=phone_upload(), cover_alt="港区")
        self.assertEqual(self.client.post(reverse(ADD_URL), data).status_code, 200)
        (folder,), _files = default_storage.listdir(uploads.PENDING_DIRECTORY)
        _folders, (name,) = default_storage.listdir(
            f"{uploads.PENDING_DIRECTORY}/{folder}"
        )
        with default_storage.open(
            f"{uploads.PENDING_DIRECTORY}/{folder}/{name}"
        ) as file:
            self.assertNotIn(b"Shouji Camera", file.read())

    def test_a_zone_logo_and_cover_are_cleaned_too(self):
        zone = self.haimen_zone
        zone.cover = phone_upload("zone.jpg")
        zone.logo = SimpleUploadedFile(
            "logo.jpg", photo(size=(200, 100), orientation=8), "image/jpeg"
        )
        zone.save()
        zone = Zone.objects.get(pk=zone.pk)
        for field_file, turned in ((zone.cover, (900, 1600)), (zone.logo, (100, 200))):
            with self.subTest(field_file.name):
                _data, image = stored_image(field_file)
                self.assertEqual(image.size, turned)
                self.assertNotIn(GPS_IFD, image.getexif())
                self.assertTrue(is_unguessable(field_file.name))

    def test_every_image_field_with_renditions_stores_clean_originals(self):
        checked = 0
        for model in apps.get_models():
            if issubclass(model, RenditionsMixin):
                for name in model.RENDITION_WIDTHS:
                    with self.subTest(f"{model.__name__}.{name}"):
                        field = model._meta.get_field(name)
                        self.assertIsInstance(field, CleanImageField)
                        checked += 1
        self.assertGreaterEqual(checked, 4)


class UnguessableNameTests(ArticleAdminTestCase):
    def test_originals_are_in_a_token_folder_renditions_do_not_name_it(self):
        article = self.make_article(cover=phone_upload(), cover_alt="港区")
        name = PurePosixPath(article.cover.name)
        self.assertEqual(name.name, "IMG_20261201_093015.jpg")
        self.assertRegex(name.parent.name, r"^[0-9a-f]{24}$")
        self.assertTrue(name.parent.parent.as_posix().startswith("news/covers/"))
        renditions = article.renditions_of("cover")
        self.assertEqual(len(renditions), 4)
        for item in renditions.values():
            for secret in secrets_of(article.cover):
                self.assertNotIn(secret, item["url"])

    def test_two_uploads_of_one_name_get_different_folders(self):
        first = self.make_article(cover=phone_upload(), cover_alt="一")
        second = self.make_article(cover=phone_upload(), cover_alt="二")
        self.assertNotEqual(
            PurePosixPath(first.cover.name).parent,
            PurePosixPath(second.cover.name).parent,
        )


class PublicPagesTests(ArticleAdminTestCase):
    def crawl(self, start, limit=150):
        """Every page an anonymous reader reaches from `start`, with text."""
        self.client.logout()
        seen, queue, pages = set(), list(start), {}
        while queue and len(pages) < limit:
            url = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            response = self.client.get(url)
            kind = response.get("Content-Type", "")
            if response.status_code != 200 or not any(
                word in kind for word in ("text/", "xml")
            ):
                continue
            # The open data files are streamed (the /data/ CSVs).
            if response.streaming:
                text = b"".join(response.streaming_content).decode()
            else:
                text = response.content.decode()
            pages[url] = text
            for link in HREF.findall(text) + re.findall(r"<loc>([^<]+)</loc>", text):
                parts = urlsplit(unescape(link))
                if parts.netloc not in ("", "testserver"):
                    continue
                path = parts.path
                if path.startswith(("/media/", "/static/")) or "/admin" in path:
                    continue
                queue.append(path + (f"?{parts.query}" if parts.query else ""))
        return pages

    def test_a_drafts_pictures_appear_on_no_public_page(self):
        draft = self.make_article(
            title="尚未发布的稿件",
            status=Article.Status.DRAFT,
            kind=Article.Kind.PICTURE,
            cover=phone_upload("draft-cover.jpg"),
            cover_alt="草稿封面",
        )
        gallery = self.add_gallery_image(draft)
        published = self.make_article(
            title="已发布的图片新闻",
            kind=Article.Kind.PICTURE,
            cover=phone_upload("public-cover.jpg"),
            cover_alt="已发布封面",
        )
        self.assertEqual(self.client.get(draft.get_absolute_url()).status_code, 404)
        hidden = [*secrets_of(draft.cover), *secrets_of(gallery.image)]
        hidden += [item["url"] for item in draft.renditions_of("cover").values()]
        hidden += [item["url"] for item in gallery.renditions_of("image").values()]
        start = [
            reverse("home"),
            "/en/",
            reverse("news:index"),
            reverse("sitemap-index"),
            reverse("news:feed-rss"),
            reverse("news:feed-atom"),
            reverse("zones:detail", kwargs={"slug": self.haimen_zone.slug}),
            reverse("search:index") + "?q=稿件",
        ]
        pages = self.crawl(start)
        self.assertIn(published.get_absolute_url(), pages)
        for url, text in pages.items():
            for secret in hidden:
                self.assertNotIn(secret, text, f"{secret} on {url}")
            # Published pictures: renditions only, never the original.
            for secret in secrets_of(published.cover):
                self.assertNotIn(secret, text, f"{secret} on {url}")
        page = pages[published.get_absolute_url()]
        self.assertIn(published.renditions_of("cover")["800"]["url"], page)
