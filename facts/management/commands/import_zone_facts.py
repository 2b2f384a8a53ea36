"""Import zone facts (figures, costs, ranks, incentives) from CSV files."""

import time
from pathlib import Path

import reversion
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from facts.importing import FactFileReader, Report, RowError, apply

DATA_DIRECTORY = Path(settings.BASE_DIR) / "data" / "zone-facts"
# How many errors to list before saying how many more there are.
SHOWN_ERRORS = 20


class Command(BaseCommand):
    help = "Import zone figures, costs, MOFCOM ranks and incentives from CSV files."

    def add_arguments(self, parser):
        parser.add_argument(
            "files",
            nargs="*",
            type=Path,
            help="CSV files or folders of them (default: data/zone-facts/).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check and report what would change, and write nothing.",
        )

    def handle(self, *args, files, dry_run, verbosity, **options):
        self.verbosity = verbosity
        started = time.monotonic()
        paths = self.expand(files or [DATA_DIRECTORY])
        plans = []
        errors = []
        skipped = []
        for path in paths:
            self.log(f"Reading {path.name}…")
            reader = FactFileReader(path)
            try:
                planned = reader.read()
            except RowError as error:
                raise CommandError(str(error)) from None
            errors += [f"{path.name} {error}" for error in reader.errors]
            skipped += [f"{path.name} {line}" for line in reader.skipped]
            plans.append((path, planned))
        if errors:
            shown = errors[:SHOWN_ERRORS]
            if len(errors) > SHOWN_ERRORS:
                shown.append(f"… and {len(errors) - SHOWN_ERRORS} more")
            raise CommandError(
                f"{len(errors)} bad row(s), nothing imported:\n" + "\n".join(shown)
            )
        report = Report(skipped=skipped)
        with transaction.atomic(), reversion.create_revision():
            reversion.set_comment("import_zone_facts")
            for path, planned in plans:
                before = report.created + report.updated + report.unchanged
                apply(planned, report)
                done = report.created + report.updated + report.unchanged - before
                self.log(f"  {path.name}: {done} rows")
            if dry_run:
                transaction.set_rollback(True)
        self.summarise(report, dry_run, time.monotonic() - started)

    def expand(self, paths):
        found = []
        for path in paths:
            if path.is_dir():
                found += sorted(path.glob("*.csv"))
            elif path.exists():
                found.append(path)
            else:
                raise CommandError(f"{path}: no such file or folder")
        if not found:
            raise CommandError("No CSV files to import.")
        return found

    def log(self, message, level=1):
        if self.verbosity >= level:
            self.stdout.write(message)

    def summarise(self, report, dry_run, seconds):
        prefix = "Dry run, nothing written. Would have: " if dry_run else ""
        self.log(
            self.style.SUCCESS(
                f"{prefix}{report.created} created, {report.updated} updated, "
                f"{report.unchanged} unchanged, {len(report.skipped)} skipped "
                f"({seconds:.1f} s)."
            )
        )
        for line in report.skipped:
            self.log(f"  skipped {line}", level=2)
        if report.skipped and self.verbosity == 1:
            self.log("  (run with -v 2 to list the skipped rows)")
