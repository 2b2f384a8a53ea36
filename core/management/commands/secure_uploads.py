from django.core.management.base import BaseCommand

from core.stored_images import image_fields, secure, stored_names


class Command(BaseCommand):
    help = (
        "Remove metadata (GPS positions, cameras) from stored images and move "
        "originals to unguessable names; safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="say what would change, change nothing",
        )

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        would = "would be " if dry_run else ""
        totals = {"stripped": 0, "moved": 0, "missing": 0, "checked": 0}
        for image_field in image_fields():
            names = stored_names(image_field)
            for number, (name, version_ids) in enumerate(sorted(names.items()), 1):
                outcome = secure(image_field, name, version_ids, dry_run=dry_run)
                totals["checked"] += 1
                totals["stripped"] += outcome.stripped
                totals["moved"] += outcome.moved
                totals["missing"] += outcome.missing
                if verbosity and (outcome.changed or outcome.missing):
                    self.stdout.write(
                        f"{image_field.label} {number}/{len(names)}: {name} "
                        + self.describe(outcome, would)
                    )
                elif verbosity > 1:
                    self.stdout.write(
                        f"{image_field.label} {number}/{len(names)}: {name} clean"
                    )
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{totals['checked']} stored image(s) checked: "
                    f"{totals['stripped']} {would}stripped of metadata, "
                    f"{totals['moved']} {would}moved to unguessable names, "
                    f"{totals['missing']} missing."
                )
            )

    def describe(self, outcome, would):
        if outcome.missing:
            return self.style.WARNING("missing from storage")
        done = []
        if outcome.stripped:
            done.append(f"metadata {would}removed")
        if outcome.moved:
            done.append(f"{would}moved")
        if outcome.new_name:
            done.append(f"now {outcome.new_name}")
        return ", ".join(done)
