"""Search copies of a zone's industries and profile (see Zone.industry_text)."""

import html
from collections import defaultdict

from django.db import migrations, models
from django.utils.html import strip_tags


def plain_text(markup):
    return " ".join(html.unescape(strip_tags(markup or "")).split())


def fill(apps, schema_editor):
    Zone = apps.get_model("zones", "Zone")
    ZoneIndustry = apps.get_model("zones", "ZoneIndustry")
    names = defaultdict(list)
    for zone_id, name in ZoneIndustry.objects.order_by("pk").values_list(
        "content_object_id", "tag__name"
    ):
        names[zone_id].append(name)
    zones = list(Zone.objects.only("profile", "profile_en"))
    for zone in zones:
        zone.industry_text = "、".join(names[zone.pk])
        zone.profile_text = " ".join(
            text
            for text in (plain_text(zone.profile), plain_text(zone.profile_en))
            if text
        )
    Zone.objects.bulk_update(zones, ["industry_text", "profile_text"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("zones", "0002_access_all_zones_permission"),
    ]

    operations = [
        migrations.AddField(
            model_name="zone",
            name="industry_text",
            field=models.TextField(
                blank=True, editable=False, verbose_name="leading industries as text"
            ),
        ),
        migrations.AddField(
            model_name="zone",
            name="profile_text",
            field=models.TextField(
                blank=True, editable=False, verbose_name="profile as plain text"
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
    ]
