"""Give the Editors and Zone administrators groups the permissions on
project pictures (the table in core.roles), as 0002 did for projects."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from core.roles import sync_groups


def grant(apps, schema_editor):
    app_config = apps.get_app_config("projects")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    sync_groups(
        apps.get_model("auth", "Group"),
        apps.get_model("auth", "Permission"),
        app_labels=("projects",),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0004_pictures"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
