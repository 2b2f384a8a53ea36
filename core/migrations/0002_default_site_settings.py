from django.db import migrations


def create_site_settings(apps, schema_editor):
    SiteSettings = apps.get_model("core", "SiteSettings")
    SiteSettings.objects.get_or_create(
        pk=1,
        defaults={
            "phone": "+86-513-8000-0000",
            "fax": "+86-513-8000-0001",
            "email": "contact@investportal.example",
            "address": "江苏省南通市海门区",
            "copyright": "Copyright © 2026 InvestPortal 投促中国. All rights reserved.",
        },
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(create_site_settings, migrations.RunPython.noop)]
