"""The bigram index of 0001 for zones too (PostgreSQL only).

At 3,000 zones a scan with the substring conditions on four columns took
3.5 ms, the largest single query of a search page; candidates from this
index (every term's bigrams in name, short name, English name or code) cut
it to a fraction of a millisecond, and the same substring conditions still
decide. The expression must stay identical to finders.ZONE_DOCUMENT.
"""

from django.db import migrations

CREATE_INDEX = """
CREATE INDEX IF NOT EXISTS zones_zone_search_idx ON zones_zone
USING gin (search_bigrams(name || ' ' || short_name || ' ' || name_en || ' ' || code))
"""

DROP_INDEX = "DROP INDEX IF EXISTS zones_zone_search_idx"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_INDEX)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_INDEX)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_article_bigram_index"),
        ("zones", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
