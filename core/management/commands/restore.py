from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, read_manifest, restore_backup


class Command(BaseCommand):
    help = "Replace the database and media with those of an archive made by `backup`."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--no-input",
            action="store_false",
            dest="interactive",
            help="do not ask for confirmation",
        )

    def handle(self, *args, archive, interactive=True, verbosity=1, **options):
        try:
            manifest = read_manifest(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if verbosity:
            self.stdout.write(
                f"{archive}: made {manifest.created_at} by version "
                f"{manifest.app_version}, {manifest.database} database, "
                f"{len(manifest.media_files):,} media files"
            )
        if interactive:
            answer = input(
                "This replaces the current database and media files. Type 'yes': "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("restore cancelled")

        def report(done, total):
            if verbosity:
                self.stdout.write(f"  media {done:,}/{total:,}")

        try:
            restore_backup(archive, report=report)
        except BackupError as error:
            raise CommandError(str(error)) from error
        # An archive from an older version is brought up to this code's schema.
        call_command("migrate", interactive=False, verbosity=max(verbosity - 1, 0))
        try:
            cache.clear()
        except Exception as error:  # noqa: BLE001 (a cache outage must not fail a restore)
            self.stderr.write(f"the cache could not be cleared: {error}")
        if verbosity:
            self.stdout.write(self.style.SUCCESS("Restored."))
