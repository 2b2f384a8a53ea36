"""The default site address in English, so English pages show no Chinese one.

Only where the address is still the one 0002 set and nobody wrote an
English address: an address staff changed is theirs to translate.
"""

from django.db import migrations

DEFAULT_ADDRESS = "江苏省南通市海门区"
ENGLISH_ADDRESS = "Haimen District, Nantong, Jiangsu Province"


def fill_english_address(apps, schema_editor):
    SiteSettings = apps.get_model("core", "SiteSettings")
    SiteSettings.objects.filter(address=DEFAULT_ADDRESS, address_en="").update(
        address_en=ENGLISH_ADDRESS
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0005_stafflanguage")]

    operations = [migrations.RunPython(fill_english_address, migrations.RunPython.noop)]
