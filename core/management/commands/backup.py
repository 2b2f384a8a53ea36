from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core.backup import BackupError, write_backup


class Command(BaseCommand):
    help = "Write the database and every media file into one archive with a manifest."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="archive path (default: investportal-YYYYmmdd-HHMMSS.tar here)",
        )

    def handle(self, *args, output=None, verbosity=1, **options):
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        path = Path(output or f"investportal-{stamp}.tar")
        if path.exists():
            raise CommandError(f"{path} exists; choose another --output")

        def report(done, total):
            if verbosity:
                self.stdout.write(f"  media {done:,}/{total:,}")

        if verbosity:
            self.stdout.write(f"Writing {path} …")
        try:
            manifest = write_backup(path, report=report)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if verbosity:
            size = path.stat().st_size
            self.stdout.write(
                self.style.SUCCESS(
                    f"{path}: {manifest.database} database and "
                    f"{len(manifest.media_files):,} media files, "
                    f"{size / 1024 / 1024:,.1f} MiB"
                )
            )
