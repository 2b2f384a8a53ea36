"""One archive holds the whole portal: the database and every media file.

The archive is an uncompressed tar (uploads are already compressed images;
the PostgreSQL dump compresses itself) with `manifest.json` first:

    manifest.json        time, app and Django versions, database vendor,
                         applied migrations, and a SHA-256 for every member
    database.dump        PostgreSQL: `pg_dump --format=custom`
    database.sqlite3     SQLite: a copy through SQLite's online backup API
    media/<name>         every file in the default storage

A restore checks every checksum and refuses an archive whose migration state
this code does not know (it was written by a newer version of the portal)
before it touches anything.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import django
from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """An archive that cannot be written or restored; the message says why."""


@dataclass
class Manifest:
    created_at: str
    app_version: str
    django_version: str
    database: str
    migrations: dict[str, list[str]]
    files: dict[str, dict] = field(default_factory=dict)
    format: int = FORMAT

    @property
    def media_files(self):
        return sorted(name for name in self.files if name.startswith(MEDIA_PREFIX))


def app_version():
    pyproject = Path(settings.BASE_DIR) / "pyproject.toml"
    try:
        with pyproject.open("rb") as handle:
            return tomllib.load(handle)["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unknown"


def applied_migrations():
    """The migrations recorded as applied, by app, sorted."""
    applied = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        applied.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def unknown_migrations(migrations):
    """Migrations in `migrations` that this code has never heard of."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).graph.nodes)
    return sorted(
        f"{app}.{name}"
        for app, names in migrations.items()
        for name in names
        if (app, name) not in known
    )


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def media_names(storage=default_storage, directory=""):
    """Every file name in `storage`, walked through the public storage API."""
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for sub in sorted(directories):
        yield from media_names(storage, f"{directory}/{sub}" if directory else sub)


def _vendor():
    if connection.vendor not in ("postgresql", "sqlite"):
        raise BackupError(
            f"backups support PostgreSQL and SQLite, not {connection.vendor}"
        )
    return connection.vendor


def _pg_environment():
    """libpq settings for pg_dump and pg_restore, from Django's own."""
    params = connection.get_connection_params()
    environment = dict(os.environ)
    for key, variable in (
        ("host", "PGHOST"),
        ("port", "PGPORT"),
        ("user", "PGUSER"),
        ("password", "PGPASSWORD"),
        ("dbname", "PGDATABASE"),
        ("database", "PGDATABASE"),
    ):
        if params.get(key):
            environment[variable] = str(params[key])
    return environment


def _run(command):
    try:
        subprocess.run(  # noqa: S603 (fixed argument lists, no shell)
            command, env=_pg_environment(), check=True, capture_output=True
        )
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed: {error}") from error
    except subprocess.CalledProcessError as error:
        message = error.stderr.decode(errors="replace").strip()
        raise BackupError(f"{command[0]} failed: {message}") from error


def dump_database(target):
    """Write the database to `target`; return the archive member's name."""
    if _vendor() == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(target)])
        return "database.dump"
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
    finally:
        destination.close()
    return "database.sqlite3"


def load_database(source, member):
    """Replace the current database's contents with the dumped one."""
    vendor = _vendor()
    expected = "database.dump" if vendor == "postgresql" else "database.sqlite3"
    if member != expected:
        raise BackupError(
            f"this archive holds {member}, which cannot be restored into {vendor}"
        )
    if vendor == "postgresql":
        connection.close()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--dbname",
                _pg_environment()["PGDATABASE"],
                str(source),
            ]
        )
        return
    connection.ensure_connection()
    origin = sqlite3.connect(source)
    try:
        origin.backup(connection.connection)
    finally:
        origin.close()


class Progress:
    """Calls `report(done, total)` now and then; silent when report is None."""

    def __init__(self, total, report, every=200):
        self.total, self.report, self.every, self.done = total, report, every, 0

    def step(self):
        self.done += 1
        if self.report and (self.done % self.every == 0 or self.done == self.total):
            self.report(self.done, self.total)


def write_backup(path, *, report=None):
    """Write the archive to `path` and return its Manifest."""
    path = Path(path)
    manifest = Manifest(
        created_at=timezone.now().isoformat(timespec="seconds"),
        app_version=app_version(),
        django_version=django.get_version(),
        database=_vendor(),
        migrations=applied_migrations(),
    )
    with tempfile.TemporaryDirectory(prefix="investportal-backup-") as work:
        dump = Path(work) / "database"
        member = dump_database(dump)
        manifest.files[member] = {
            "sha256": sha256_of(dump),
            "size": dump.stat().st_size,
        }
        names = list(media_names())
        progress = Progress(len(names), report)
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w") as archive:
            # Media are hashed while they are copied in, so each is read once;
            # the manifest is appended last and found by name on restore.
            archive.add(dump, arcname=member)
            for name in names:
                member_name = MEDIA_PREFIX + name
                manifest.files[member_name] = _add_media(archive, member_name, name)
                progress.step()
            data = json.dumps(manifest.__dict__, ensure_ascii=False, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        partial.replace(path)
    return manifest


def _add_media(archive, member_name, name):
    digest = hashlib.sha256()
    with default_storage.open(name, "rb") as source, tempfile.TemporaryFile() as copy:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            copy.write(chunk)
        size = copy.tell()
        copy.seek(0)
        info = tarfile.TarInfo(member_name)
        info.size = size
        info.mtime = int(timezone.now().timestamp())
        archive.addfile(info, copy)
    return {"sha256": digest.hexdigest(), "size": size}


def read_manifest(path):
    try:
        with tarfile.open(path, "r") as archive:
            handle = archive.extractfile(MANIFEST)
            data = json.loads(handle.read()) if handle else None
    except (OSError, tarfile.TarError, KeyError, ValueError) as error:
        raise BackupError(f"{path} is not a portal backup: {error}") from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupError(f"{path} is not a portal backup of format {FORMAT}")
    return Manifest(**data)


def check_archive(path, manifest, work):
    """Extract every member into `work`, checking each against the manifest."""
    extracted = {}
    with tarfile.open(path, "r") as archive:
        for member in archive.getmembers():
            if member.name == MANIFEST:
                continue
            expected = manifest.files.get(member.name)
            if expected is None or not member.isfile():
                raise BackupError(f"unexpected member in the archive: {member.name}")
            target = Path(work) / f"{len(extracted):08d}"
            with archive.extractfile(member) as source, open(target, "wb") as copy:
                shutil.copyfileobj(source, copy, CHUNK)
            if sha256_of(target) != expected["sha256"]:
                raise BackupError(f"checksum mismatch for {member.name}")
            extracted[member.name] = target
    missing = sorted(set(manifest.files) - set(extracted))
    if missing:
        raise BackupError(f"the archive lacks {', '.join(missing[:5])}")
    return extracted


def restore_backup(path, *, report=None):
    """Check the archive at `path`, then restore its database and media."""
    manifest = read_manifest(path)
    newer = unknown_migrations(manifest.migrations)
    if newer:
        raise BackupError(
            "the archive comes from a newer version of the portal; these "
            f"migrations are unknown here: {', '.join(newer[:10])}"
        )
    with tempfile.TemporaryDirectory(prefix="investportal-restore-") as work:
        extracted = check_archive(path, manifest, work)
        database_member = next(
            name for name in manifest.files if not name.startswith(MEDIA_PREFIX)
        )
        load_database(extracted[database_member], database_member)
        names = manifest.media_files
        progress = Progress(len(names), report)
        for member_name in names:
            name = member_name.removeprefix(MEDIA_PREFIX)
            try:
                if default_storage.exists(name):
                    default_storage.delete(name)
                with open(extracted[member_name], "rb") as handle:
                    saved = default_storage.save(name, File(handle))
            except SuspiciousFileOperation as error:
                raise BackupError(f"refused media name {name!r}: {error}") from error
            if saved != name:
                raise BackupError(f"storage renamed {name} to {saved}")
            progress.step()
    return manifest
