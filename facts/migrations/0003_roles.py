"""The facts part of the Editors and Zone administrators groups (core.roles)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from core.roles import sync_groups


def create_roles(apps, schema_editor):
    app_config = apps.get_app_config("facts")
    # As in core's roles migration: permissions exist only after the last
    # migration unless created here.
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    sync_groups(
        apps.get_model("auth", "Group"),
        apps.get_model("auth", "Permission"),
        app_labels=("facts",),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("facts", "0002_seed_indicators"),
        ("core", "0003_roles"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
