from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand

from core.uploads import purge


class Command(BaseCommand):
    help = "Delete files kept for forms that came back with errors and were left."

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=int,
            default=settings.PENDING_UPLOAD_HOURS,
            help="remove files older than this (default: PENDING_UPLOAD_HOURS)",
        )

    def handle(self, *args, hours, verbosity=1, **options):
        removed = purge(timedelta(hours=hours))
        if verbosity:
            self.stdout.write(
                f"{removed} pending upload(s) older than {hours} h removed."
            )
