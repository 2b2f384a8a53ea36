"""Media in S3-compatible object storage (STORAGE_URL=s3://…), against moto's server."""

import json
import os
import urllib.request
from io import BytesIO, StringIO
from pathlib import PurePosixPath
from unittest import mock

import boto3
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import SimpleTestCase, override_settings
from moto.server import ThreadedMotoServer
from PIL import Image

from core import backup
from core.images import is_unguessable
from investportal.env import env_storage
from news.models import Article
from tests.core.test_secure_uploads import legacy_cover
from tests.news.helpers import NewsTestCase, jpeg_upload
from tests.news.test_upload_privacy import phone_upload

BUCKET = "portal-media"
CREDENTIALS = {"access_key": "test-key", "secret_key": "test-secret"}
PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/*",
        }
    ],
}


def s3_client(endpoint):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=CREDENTIALS["access_key"],
        aws_secret_access_key=CREDENTIALS["secret_key"],
    )


class StorageUrlTests(SimpleTestCase):
    def storage(self, value):
        with mock.patch.dict(os.environ, {"STORAGE_URL": value}):
            return env_storage("STORAGE_URL")

    def test_unset_is_the_local_media_folder(self):
        self.assertEqual(
            self.storage(""),
            {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        )

    def test_s3_url_sets_bucket_options_and_credentials(self):
        storage = self.storage(
            "s3://AK%2Fid:s%40cret@media?endpoint_url=https://oss.example.com"
            "&region=cn-shanghai&custom_domain=img.example.com&location=portal"
        )
        self.assertEqual(storage["BACKEND"], "storages.backends.s3.S3Storage")
        self.assertEqual(
            storage["OPTIONS"],
            {
                "bucket_name": "media",
                "querystring_auth": False,
                "file_overwrite": False,
                "access_key": "AK/id",
                "secret_key": "s@cret",
                "endpoint_url": "https://oss.example.com",
                "region_name": "cn-shanghai",
                "custom_domain": "img.example.com",
                "location": "portal",
            },
        )

    def test_bad_urls_name_the_variable(self):
        for value in ("ftp://media", "s3://", "s3://media?acl=public"):
            with (
                self.subTest(value),
                self.assertRaisesMessage(ImproperlyConfigured, "STORAGE_URL"),
            ):
                self.storage(value)


class ObjectStorageTests(NewsTestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        cls.server.start()
        host, port = cls.server.get_host_and_port()
        cls.endpoint = f"http://{host}:{port}"
        client = s3_client(cls.endpoint)
        client.create_bucket(Bucket=BUCKET)
        # Readers fetch media by plain URLs: the bucket allows public reads,
        # as README's deployment section asks of a real bucket.
        client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_READ))
        cls.enterClassContext(
            override_settings(
                STORAGES={
                    "default": {
                        "BACKEND": "storages.backends.s3.S3Storage",
                        "OPTIONS": {
                            "bucket_name": BUCKET,
                            "endpoint_url": cls.endpoint,
                            "region_name": "us-east-1",
                            "addressing_style": "path",
                            "querystring_auth": False,
                            "file_overwrite": False,
                            **CREDENTIALS,
                        },
                    },
                    "staticfiles": settings.STORAGES["staticfiles"],
                }
            )
        )
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.server.stop()

    def objects_in_bucket(self):
        listing = s3_client(self.endpoint).list_objects_v2(Bucket=BUCKET)
        return {item["Key"] for item in listing.get("Contents", ())}

    def test_cover_and_renditions_go_to_the_bucket_and_pages_link_there(self):
        article = self.make_article(
            kind=Article.Kind.PICTURE,
            cover=jpeg_upload(size=(1600, 900)),
            cover_alt="港区",
        )
        renditions = Article.objects.get(pk=article.pk).renditions_of("cover")
        stored = self.objects_in_bucket()
        self.assertIn(article.cover.name, stored)
        self.assertEqual(len(renditions), 4)
        for item in renditions.values():
            self.assertTrue(item["url"].startswith(f"{self.endpoint}/{BUCKET}/"))
            with urllib.request.urlopen(item["url"], timeout=10) as response:  # noqa: S310
                self.assertEqual(response.status, 200)
                self.assertEqual(response.read(4), b"RIFF")
        page = self.client.get(article.get_absolute_url())
        self.assertContains(page, renditions["800"]["url"])

    def test_gallery_images_and_backup_listing_use_the_bucket(self):
        article = self.make_article()
        image = self.add_gallery_image(article)
        names = set(backup.media_names())
        self.assertIn(image.image.name, names)
        for item in image.renditions_of("image").values():
            self.assertIn(item["url"].removeprefix(f"{self.endpoint}/{BUCKET}/"), names)

    def object_body(self, key):
        response = s3_client(self.endpoint).get_object(Bucket=BUCKET, Key=key)
        return response["Body"].read()

    def test_an_upload_reaches_the_bucket_upright_and_without_metadata(self):
        article = self.make_article(cover=phone_upload(), cover_alt="港区")
        self.assertTrue(is_unguessable(article.cover.name))
        body = self.object_body(article.cover.name)
        self.assertNotIn(b"Shouji Camera", body)
        image = Image.open(BytesIO(body))
        self.assertEqual(image.size, (900, 1600))
        self.assertEqual(dict(image.getexif()), {})
        token = PurePosixPath(article.cover.name).parent.name
        for item in article.renditions_of("cover").values():
            self.assertNotIn(token, item["url"])

    def test_secure_uploads_moves_an_old_object_in_the_bucket(self):
        article = self.make_article(cover_alt="港区")
        legacy, renditions = legacy_cover()
        Article.objects.filter(pk=article.pk).update(
            cover=legacy, cover_renditions=renditions
        )
        call_command("secure_uploads", stdout=StringIO())
        name = Article.objects.get(pk=article.pk).cover.name
        stored = self.objects_in_bucket()
        self.assertIn(name, stored)
        self.assertNotIn(legacy, stored)
        self.assertNotIn(legacy.replace(".jpg", ".w80.webp"), stored)
        self.assertNotIn(b"Shouji Camera", self.object_body(name))
