"""Pictures chosen in the article form survive the form's errors."""

import re
from datetime import timedelta
from unittest import mock

from django.core import signing
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse

from core import uploads
from news.models import Article, ArticleImage
from tests.news.helpers import jpeg_upload
from tests.news.test_admin import ADD_URL, ArticleAdminTestCase

TOKEN = re.compile(r'name="(?P<field>[\w-]+-kept)" value="(?P<token>[^"]+)"')


def kept_tokens(response):
    return {m["field"]: m["token"] for m in TOKEN.finditer(response.content.decode())}


class KeptUploadTests(ArticleAdminTestCase):
    def failed_submission(self):
        """Cover and gallery picture chosen, but the title is missing."""
        data = self.form_data(
            title="",
            kind=Article.Kind.PICTURE,
            cover=jpeg_upload("cover.jpg"),
            cover_alt="四甲镇产业园鸟瞰",
            **{
                "images-0-image": jpeg_upload("g1.jpg", size=(900, 600)),
                "images-0-alt_text": "厂房",
                "images-0-caption": "半导体装备产业园",
            },
        )
        response = self.client.post(reverse(ADD_URL), data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Article.objects.exists())
        return data, response

    def test_chosen_files_are_shown_as_chosen_after_an_error(self):
        _data, response = self.failed_submission()
        self.assertContains(response, "cover.jpg")
        self.assertContains(response, "g1.jpg")
        self.assertEqual(
            set(kept_tokens(response)), {"cover-kept", "images-0-image-kept"}
        )

    def test_submitting_again_saves_the_kept_files(self):
        data, response = self.failed_submission()
        data = {
            key: value
            for key, value in data.items()
            if key not in ("cover", "images-0-image")
        }
        data.update(kept_tokens(response), title="四甲镇产业园开工")
        again = self.client.post(reverse(ADD_URL), data)
        self.assertEqual(again.status_code, 302, again.content.decode()[:2000])
        article = Article.objects.get()
        self.assertTrue(article.cover.name.startswith("news/covers/"))
        self.assertIn("480", article.renditions_of("cover"))
        image = ArticleImage.objects.get(article=article)
        self.assertTrue(image.image.name.startswith("news/gallery/"))
        self.assertEqual(image.caption, "半导体装备产业园")

    def test_a_new_file_replaces_the_kept_one(self):
        data, response = self.failed_submission()
        data = {k: v for k, v in data.items() if k != "images-0-image"}
        data.update(kept_tokens(response), title="四甲镇产业园开工")
        data["cover"] = jpeg_upload("other.jpg")
        self.assertEqual(self.client.post(reverse(ADD_URL), data).status_code, 302)
        self.assertIn("other", Article.objects.get().cover.name)

    def test_forged_or_expired_tokens_are_ignored(self):
        forged = signing.dumps("news/covers/someone-else.jpg", salt="other")
        outside = signing.dumps("news/covers/x.jpg", salt=uploads.SALT)
        for token in ("nonsense", forged, outside):
            with self.subTest(token=token):
                self.assertIsNone(uploads.kept(token))
        _data, response = self.failed_submission()
        token = kept_tokens(response)["cover-kept"]
        self.assertIsNotNone(uploads.kept(token))
        with self.settings(PENDING_UPLOAD_HOURS=0):
            self.assertIsNone(uploads.kept(token))

    def test_alt_text_and_caption_say_what_each_is_for(self):
        response = self.client.get(reverse(ADD_URL))
        self.assertContains(response, "替代文字")
        self.assertContains(response, "图注（显示在图片下方）")
        self.assertContains(response, "不显示在页面上")

    def test_purge_removes_only_old_pending_files(self):
        _data, response = self.failed_submission()
        self.assertEqual(len(list(_pending_files())), 2)
        call_command("purge_pending_uploads", verbosity=0)
        self.assertEqual(len(list(_pending_files())), 2)
        later = uploads.timezone.now() + timedelta(days=2)
        with mock.patch.object(uploads.timezone, "now", return_value=later):
            call_command("purge_pending_uploads", verbosity=0)
        self.assertEqual(list(_pending_files()), [])


def _pending_files():
    folders, _ = default_storage.listdir(uploads.PENDING_DIRECTORY)
    for folder in folders:
        yield from default_storage.listdir(f"{uploads.PENDING_DIRECTORY}/{folder}")[1]
