"""Give the Editors and Zone administrators groups this app's permissions.

Django creates permissions after the last migration, so this creates the
app's own first (as core's roles migration does), then sets the groups'
projects part of the table in core.roles as it was then.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from core.roles import EDITORS, ZONE_ADMINISTRATORS, sync_groups

# The projects part of core.roles' table when this ran; later models'
# permissions are granted by later migrations (0005).
PROJECT = [
    f"projects.{action}_project" for action in ("add", "change", "delete", "view")
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("projects")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    sync_groups(
        apps.get_model("auth", "Group"),
        apps.get_model("auth", "Permission"),
        app_labels=("projects",),
        table={EDITORS: PROJECT, ZONE_ADMINISTRATORS: PROJECT},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0001_initial"),
        ("core", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
