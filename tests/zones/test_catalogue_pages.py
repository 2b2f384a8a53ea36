"""The public pages over the whole catalogue, imported once for the class."""

import csv
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import TestCase
from django.utils import translation

from zones.models import Zone

NATIONAL = Path("data/china-devzones-2018/national_zones_2018.csv")


class CatalogueDirectoryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command(
            "import_regions",
            directory=Path("data/admin-divisions-cn"),
            stdout=StringIO(),
        )
        call_command("import_zones", stdout=StringIO())

    def setUp(self):
        translation.activate(settings.LANGUAGE_CODE)

    def all_pages(self, params):
        """The codes of the zones listed on every page of the directory."""
        codes = []
        page = 1
        while True:
            response = self.client.get("/zones/", {**params, "page": page})
            self.assertEqual(response.status_code, 200)
            codes.extend(zone.code for zone in response.context["zones"])
            if not response.context["page_obj"].has_next():
                return codes, response
            page += 1

    def test_unfiltered_directory_counts_every_zone(self):
        response = self.client.get("/zones/")

        self.assertEqual(response.context["paginator"].count, 2543)
        self.assertEqual(len(response.context["zones"]), 20)

    def test_jiangsu_national_zones_are_exactly_those_of_the_catalogue(self):
        with NATIONAL.open(encoding="utf-8", newline="") as handle:
            expected = {
                row["代码"] for row in csv.DictReader(handle) if row["省份"] == "江苏省"
            }

        codes, response = self.all_pages({"province": "jiangsu", "level": "national"})

        self.assertEqual(len(codes), len(set(codes)))
        self.assertEqual(set(codes), expected)
        self.assertContains(response, f"{len(expected)} 个开发区")

    def test_haimen_profile_from_the_imported_row(self):
        zone = Zone.objects.get(code="G321099")

        response = self.client.get(zone.get_absolute_url())

        self.assertContains(response, "<h1>海门经济技术开发区</h1>", html=True)
        self.assertContains(response, "国家级")
        self.assertContains(response, "<dd>经济技术开发区</dd>", html=True)
        self.assertContains(response, 'href="/zones/region/jiangsu/">江苏</a>')
        self.assertContains(response, 'href="/zones/region/nantong/">南通</a>')
        self.assertContains(response, 'datetime="2013-01"')
        with translation.override("zh-hans"):
            area = translation.gettext("%(area)s ha") % {"area": "488"}
        self.assertContains(response, area)
        for name in ("装备制造", "生物医药", "机电"):
            self.assertContains(
                response, f'<a href="/zones/?industry={name}">{name}</a>'
            )

    def test_jiangsu_region_page_lists_its_cities(self):
        response = self.client.get("/zones/region/jiangsu/")

        jiangsu_total = Zone.objects.filter(province__slug="jiangsu").count()
        self.assertEqual(response.context["paginator"].count, jiangsu_total)
        self.assertContains(response, 'href="/zones/region/nantong/"')
        self.assertContains(response, 'href="/zones/region/taizhou-jiangsu/"')
