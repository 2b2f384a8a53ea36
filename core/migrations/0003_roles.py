"""The Editors and Zone administrators groups with their permissions.

Django creates permissions after the last migration has run, too late for a
data migration on a fresh database, so this one creates the permissions of
the apps it needs first. Running it again (migrate core 0002, then migrate)
resets both groups to the table in core.roles.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from core.roles import sync_groups


def create_roles(apps, schema_editor):
    for label in ("news", "zones", "taggit"):
        app_config = apps.get_app_config(label)
        # create_permissions skips app configs without a models module, which
        # is how historical app configs look.
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    # Apps added later sync their own part of the table in their migrations.
    sync_groups(
        apps.get_model("auth", "Group"),
        apps.get_model("auth", "Permission"),
        app_labels=("news", "zones", "taggit"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_default_site_settings"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        (
            "taggit",
            "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx",
        ),
        ("news", "0002_review_workflow"),
        ("zones", "0002_access_all_zones_permission"),
    ]

    # Groups are left in place when migrating backwards: accounts may be in them.
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
