from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from inquiries import workflow


class Command(BaseCommand):
    help = (
        "Anonymise closed inquiries older than INQUIRY_RETENTION_DAYS, their "
        "stored versions included. Re-runnable."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count, change nothing."
        )

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        days = settings.INQUIRY_RETENTION_DAYS
        inquiries = workflow.purgeable(timezone.now(), days)
        count = 0
        with transaction.atomic():
            for inquiry in inquiries.iterator():
                workflow.anonymise(inquiry)
                count += 1
                if verbosity > 1:
                    self.stdout.write(f"Anonymised inquiry {inquiry.pk}")
            if dry_run:
                transaction.set_rollback(True)
        if verbosity:
            verb = "Would anonymise" if dry_run else "Anonymised"
            self.stdout.write(
                self.style.SUCCESS(
                    f"{verb} {count} inquiries closed more than {days} days ago."
                )
            )
