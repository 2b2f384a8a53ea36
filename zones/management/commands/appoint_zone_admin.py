import argparse

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, DjangoHelpFormatter
from django.db import transaction
from django.db.models import Q
from django.utils import translation

from core.roles import appoint_zone_administrator
from zones.models import Zone

EXAMPLE = (
    "example: manage.py appoint_zone_admin wangfang "
    "haimen-economic-and-technological-development-zone"
)


class ExampleKeptWhole(DjangoHelpFormatter, argparse.RawDescriptionHelpFormatter):
    """Keeps the example's long slug on one line, ready to copy."""


class Command(BaseCommand):
    help = "Make a user an administrator of a zone (re-runnable)."

    def create_parser(self, prog_name, subcommand, **kwargs):
        return super().create_parser(
            prog_name,
            subcommand,
            epilog=EXAMPLE,
            formatter_class=ExampleKeptWhole,
            **kwargs,
        )

    def add_arguments(self, parser):
        parser.add_argument("user", help="The account's username (a staff account).")
        parser.add_argument(
            "zone",
            help=(
                "The zone's slug, the last part of its address /zones/<slug>/ "
                "(see the example below), or its exact official name "
                "(海门经济技术开发区)."
            ),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say what would change without writing anything.",
        )

    def handle(self, *args, user, zone, dry_run, verbosity, **options):
        account = self.find_user(user)
        found = self.find_zone(zone)
        # One language in the output whatever LANGUAGE_CODE says: the
        # sentences here are English, so the words from core.roles are too.
        with transaction.atomic(), translation.override("en"):
            changes = appoint_zone_administrator(account, found)
            if dry_run:
                transaction.set_rollback(True)
        if verbosity == 0:
            return
        where = f"{found.name} ({found.slug})"
        if not changes:
            self.stdout.write(
                f"{account.get_username()} already administers {where}; "
                "nothing changed."
            )
            return
        verb = "would be" if dry_run else "is now"
        self.stdout.write(
            self.style.SUCCESS(
                f"{account.get_username()} {verb} an administrator of {where}: "
                f"{', '.join(changes)}."
            )
        )

    def find_user(self, username):
        user_model = get_user_model()
        try:
            account = user_model._default_manager.get_by_natural_key(username)
        except user_model.DoesNotExist:
            raise CommandError(
                f"No account named {username!r}. A zone administrator signs in "
                "with an account of their own: create it in the admin under "
                "Users > Add user (a platform administrator can), leaving staff "
                "status and groups alone, then run this command again; it makes "
                "the account staff and adds it to the Zone administrators group."
            ) from None
        if not account.is_active:
            raise CommandError(
                f"The account {username!r} is deactivated; activate it first."
            )
        return account

    def find_zone(self, text):
        text = text.strip()
        zones = list(Zone.objects.filter(Q(slug=text) | Q(name=text))[:5])
        if not zones:
            raise CommandError(
                f"No zone with the slug or official name {text!r}. The slug is "
                "the last part of the zone's address: /zones/<slug>/."
            )
        by_slug = [zone for zone in zones if zone.slug == text]
        if by_slug:
            return by_slug[0]
        if len(zones) > 1:
            slugs = ", ".join(zone.slug for zone in zones)
            raise CommandError(
                f"{len(zones)} zones are named {text!r}; give the slug instead: "
                f"{slugs}."
            )
        return zones[0]
