"""backup and restore: a round trip on the database in use (SQLite or PostgreSQL)."""

import hashlib
import io
import json
import tarfile
import tempfile
from pathlib import Path
from unittest import mock

import reversion
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.test import TransactionTestCase
from django.utils import timezone
from reversion.models import Version

from core import backup
from news.models import Article, ArticleImage, Channel
from tests.factories import make_region, make_zone
from tests.news.helpers import jpeg_upload
from zones.models import Region, Zone


def referenced_files():
    """Every file an image field names, with its renditions."""
    names = set()
    for model, fields in ((Article, ("cover",)), (ArticleImage, ("image",))):
        for obj in model.objects.all():
            for field_name in fields:
                field_file = getattr(obj, field_name)
                if field_file:
                    names.add(field_file.name)
                    for item in obj.renditions_of(field_name).values():
                        names.add(item["url"].removeprefix("/media/"))
    return names


class BackupRoundTripTests(TransactionTestCase):
    # Committed rows, because pg_dump reads the database from outside.
    serialized_rollback = True

    def setUp(self):
        self.archive = Path(self.enterContext(_temporary_directory())) / "site.tar"
        jiangsu = make_region("江苏省", "jiangsu", Region.Level.PROVINCE)
        self.zone = make_zone("海门经济技术开发区", "haimen-etdz", jiangsu, name_en="")
        channel = Channel.objects.create(name="开发区新闻", slug="zone-news")
        editor = get_user_model().objects.create_user("editor", password="x" * 12)
        with reversion.create_revision():
            reversion.set_user(editor)
            self.article = Article.objects.create(
                title="海门港新区项目签约",
                body="<p>签约</p>",
                zone=self.zone,
                channel=channel,
                status=Article.Status.PUBLISHED,
                published_at=timezone.now(),
                cover=jpeg_upload("cover.jpg"),
                cover_alt="港区",
            )
        ArticleImage.objects.create(
            article=self.article, image=jpeg_upload("g.jpg"), alt_text="码头"
        )

    def test_round_trip_brings_back_rows_versions_and_every_file(self):
        files = referenced_files()
        self.assertGreaterEqual(len(files), 4)
        versions = Version.objects.count()
        self.assertGreater(versions, 0)
        out = io.StringIO()
        call_command("backup", output=str(self.archive), stdout=out)
        self.assertIn("media files", out.getvalue())

        # Lose everything the archive holds.
        Article.objects.all().delete()
        Zone.objects.all().delete()
        Version.objects.all().delete()
        for name in files:
            default_storage.delete(name)

        call_command("restore", str(self.archive), interactive=False, stdout=out)

        restored = Article.objects.get(pk=self.article.pk)
        self.assertEqual(restored.title, "海门港新区项目签约")
        self.assertEqual(restored.zone.slug, "haimen-etdz")
        self.assertEqual(Zone.objects.count(), 1)
        self.assertEqual(Version.objects.count(), versions)
        self.assertEqual(referenced_files(), files)
        for name in files:
            self.assertTrue(default_storage.exists(name), name)

    def test_manifest_lists_checksums_versions_and_migrations(self):
        call_command("backup", output=str(self.archive), verbosity=0)
        manifest = backup.read_manifest(self.archive)
        self.assertEqual(manifest.app_version, backup.app_version())
        self.assertIn("0001_initial", manifest.migrations["news"])
        self.assertTrue(manifest.created_at)
        for entry in manifest.files.values():
            self.assertEqual(len(entry["sha256"]), 64)
        self.assertTrue(
            set(referenced_files())
            <= {name.removeprefix("media/") for name in manifest.media_files}
        )

    def test_archive_from_a_newer_migration_state_is_refused(self):
        call_command("backup", output=str(self.archive), verbosity=0)
        newer = self.archive.with_name("newer.tar")
        _rewrite_manifest(
            self.archive,
            newer,
            lambda data: data["migrations"]["news"].append("9999_from_the_future"),
        )
        with self.assertRaisesMessage(CommandError, "news.9999_from_the_future"):
            call_command("restore", str(newer), interactive=False, verbosity=0)
        # Nothing was touched.
        self.assertTrue(Article.objects.filter(pk=self.article.pk).exists())

    def test_tampered_member_is_refused_before_anything_changes(self):
        call_command("backup", output=str(self.archive), verbosity=0)
        tampered = self.archive.with_name("tampered.tar")
        _rewrite_manifest(
            self.archive,
            tampered,
            lambda data: next(iter(data["files"].values())).update(sha256="0" * 64),
        )
        Article.objects.filter(pk=self.article.pk).update(title="改过")
        with self.assertRaisesMessage(CommandError, "checksum mismatch"):
            call_command("restore", str(tampered), interactive=False, verbosity=0)
        self.assertEqual(Article.objects.get(pk=self.article.pk).title, "改过")

    def test_hostile_media_name_is_refused(self):
        call_command("backup", output=str(self.archive), verbosity=0)
        hostile = self.archive.with_name("hostile.tar")
        with tarfile.open(self.archive) as source, tarfile.open(hostile, "w") as target:
            data = json.loads(source.extractfile(backup.MANIFEST).read())
            for member in source.getmembers():
                if member.name == backup.MANIFEST:
                    continue
                content = source.extractfile(member).read()
                if member.name.startswith("media/"):
                    member.name = "media/../../escaped.txt"
                    data["files"] = {
                        **{
                            k: v
                            for k, v in data["files"].items()
                            if not k.startswith("media/")
                        },
                        member.name: {"sha256": _sha(content), "size": len(content)},
                    }
                    target.addfile(member, io.BytesIO(content))
                    break
                target.addfile(member, io.BytesIO(content))
            _add_manifest(target, data)
        with self.assertRaisesMessage(CommandError, "refused media name"):
            call_command("restore", str(hostile), interactive=False, verbosity=0)

    def test_not_an_archive_is_a_clear_error(self):
        self.archive.write_text("hello")
        with self.assertRaisesMessage(CommandError, "is not a portal backup"):
            call_command("restore", str(self.archive), interactive=False, verbosity=0)

    def test_restore_asks_before_replacing(self):
        call_command("backup", output=str(self.archive), verbosity=0)
        Article.objects.filter(pk=self.article.pk).update(title="改过")
        with (
            mock.patch("builtins.input", return_value="no"),
            self.assertRaisesMessage(CommandError, "cancelled"),
        ):
            call_command("restore", str(self.archive), verbosity=0)
        self.assertEqual(Article.objects.get(pk=self.article.pk).title, "改过")

    def test_backup_refuses_to_overwrite(self):
        self.archive.write_text("keep me")
        with self.assertRaisesMessage(CommandError, "exists"):
            call_command("backup", output=str(self.archive), verbosity=0)
        self.assertEqual(self.archive.read_text(), "keep me")


def _sha(content):
    return hashlib.sha256(content).hexdigest()


def _add_manifest(archive, data):
    encoded = json.dumps(data).encode()
    info = tarfile.TarInfo(backup.MANIFEST)
    info.size = len(encoded)
    archive.addfile(info, io.BytesIO(encoded))


def _rewrite_manifest(source_path, target_path, change):
    with tarfile.open(source_path) as source, tarfile.open(target_path, "w") as target:
        data = json.loads(source.extractfile(backup.MANIFEST).read())
        change(data)
        for member in source.getmembers():
            if member.name != backup.MANIFEST:
                target.addfile(member, source.extractfile(member))
        _add_manifest(target, data)


def _temporary_directory():
    return tempfile.TemporaryDirectory()
