"""The zone bigram index of 0002, over the industries and profile text too.

Zones match on their leading industries and profile as well as on their
names and code (issue 16), so the index expression gains the two search
columns of the zone (zones 0003). The expression must stay identical to
finders.ZONE_DOCUMENT.
"""

from django.db import migrations

OLD_INDEX = """
CREATE INDEX IF NOT EXISTS zones_zone_search_idx ON zones_zone
USING gin (search_bigrams(name || ' ' || short_name || ' ' || name_en || ' ' || code))
"""

NEW_INDEX = """
CREATE INDEX IF NOT EXISTS zones_zone_search_idx ON zones_zone
USING gin (search_bigrams(name || ' ' || short_name || ' ' || name_en || ' ' || code
    || ' ' || industry_text || ' ' || profile_text))
"""

DROP_INDEX = "DROP INDEX IF EXISTS zones_zone_search_idx"


def replace_with(statement):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(DROP_INDEX)
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_zone_bigram_index"),
        ("zones", "0003_zone_search_text"),
    ]

    operations = [
        migrations.RunPython(
            replace_with(NEW_INDEX), replace_with(OLD_INDEX), elidable=False
        )
    ]
