import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase

from tests.zones.helpers import write_division_files
from zones.models import Region


def run(directory, **options):
    out = StringIO()
    call_command("import_regions", directory=directory, stdout=out, **options)
    return out.getvalue()


class ImportRegionsTests(TestCase):
    def setUp(self):
        self.temporary = tempfile.TemporaryDirectory()
        self.directory = write_division_files(self.temporary.name)

    def tearDown(self):
        self.temporary.cleanup()

    def test_creates_provinces_cities_and_counties_with_english_names(self):
        output = run(self.directory)

        self.assertIn("Regions: 13 created, 0 updated, 0 unchanged", output)
        jiangsu = Region.objects.get(code="32")
        self.assertEqual(
            (jiangsu.name_en, jiangsu.slug, jiangsu.level),
            ("Jiangsu", "jiangsu", "province"),
        )
        nantong = Region.objects.get(code="3206")
        self.assertEqual((nantong.name_en, nantong.slug), ("Nantong", "nantong"))
        self.assertEqual(nantong.parent, jiangsu)
        haimen = Region.objects.get(code="320614")
        self.assertEqual(haimen.parent, nantong)
        self.assertEqual(haimen.name_en, "Haimen District")

    def test_placeholder_city_rows_are_skipped_and_districts_hang_on_the_municipality(
        self,
    ):
        output = run(self.directory)

        self.assertFalse(Region.objects.filter(name="市辖区").exists())
        dongcheng = Region.objects.get(code="110101")
        self.assertEqual(dongcheng.parent.name, "北京市")
        self.assertIn("skipped 1: placeholder city rows", output)

    def test_statistical_areas_are_not_imported_as_counties(self):
        output = run(self.directory)

        self.assertFalse(Region.objects.filter(code="320671").exists())
        self.assertIn("skipped 1: statistical areas", output)

    def test_shared_names_get_their_province_appended(self):
        run(self.directory)

        self.assertEqual(Region.objects.get(name="泰州市").slug, "taizhou-jiangsu")
        self.assertEqual(Region.objects.get(name="台州市").slug, "taizhou-zhejiang")

    def test_second_run_changes_nothing_and_says_so(self):
        run(self.directory)
        output = run(self.directory)

        self.assertIn("0 created, 0 updated, 13 unchanged", output)
        self.assertIn("Nothing changed", output)

    def test_rename_updates_the_name_but_keeps_the_slug(self):
        run(self.directory)
        cities = self.directory / "cities.csv"
        cities.write_text(
            cities.read_text(encoding="utf-8").replace("南通市", "南通新市"),
            encoding="utf-8",
        )

        output = run(self.directory)

        self.assertIn("1 updated", output)
        nantong = Region.objects.get(code="3206")
        self.assertEqual((nantong.name, nantong.slug), ("南通新市", "nantong"))

    def test_dry_run_writes_nothing(self):
        output = run(self.directory, dry_run=True)

        self.assertIn("Dry run", output)
        self.assertIn("13 created", output)
        self.assertEqual(Region.objects.count(), 0)

    def test_malformed_row_aborts_with_file_and_line(self):
        areas = self.directory / "areas.csv"
        areas.write_text(
            areas.read_text(encoding="utf-8") + '32061,"坏区",3206,32\n',
            encoding="utf-8",
        )

        with self.assertRaisesMessage(CommandError, "areas.csv, line 8"):
            run(self.directory)
        self.assertEqual(Region.objects.count(), 0)

    def test_missing_file_is_a_clear_error(self):
        with self.assertRaisesMessage(CommandError, "Cannot read"):
            run(Path(self.directory) / "nowhere")


class ImportRegionsFromProjectDataTests(TestCase):
    def test_the_project_copy_imports_every_division(self):
        run(Path("data/admin-divisions-cn"))

        self.assertEqual(Region.objects.filter(level="province").count(), 31)
        # 342 city rows less the 9 placeholders.
        self.assertEqual(Region.objects.filter(level="city").count(), 333)
        self.assertEqual(Region.objects.get(code="50").name_en, "Chongqing")
        self.assertEqual(Region.objects.get(code="3403").name_en, "Bengbu")
        self.assertEqual(Region.objects.get(code="3415").name_en, "Lu'an")
        self.assertEqual(Region.objects.get(code="3415").slug, "luan")
        slugs = list(Region.objects.values_list("slug", flat=True))
        self.assertEqual(len(slugs), len(set(slugs)))
        self.assertTrue(all(slug.isascii() for slug in slugs))
