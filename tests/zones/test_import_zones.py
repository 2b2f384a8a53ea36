import datetime
import tempfile
import time
from decimal import Decimal
from io import StringIO
from pathlib import Path

import reversion
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import SimpleTestCase, TestCase

from tests.zones.helpers import (
    BEIJING_NATIONAL,
    CATALOGUE_HEADER,
    HAIMEN_NATIONAL,
    HAIMEN_PROVINCIAL,
    LINZI,
    NANTONG_CUSTOMS,
    NANTONG_HIGH_TECH,
    WRONGLY_PLACED,
    ZICHUAN,
    CatalogueFiles,
    catalogue_rows,
    import_regions_from,
    run_import,
    write_division_files,
)
from zones.management.commands.import_zones import (
    INDUSTRY_NAMES_EN,
    KINDS,
    read_industry_names,
    split_industries,
)
from zones.models import Industry, Region, Zone, ZoneIndustry


class ImportZonesTestCase(TestCase):
    """A tiny division list imported once; catalogue files written per test."""

    @classmethod
    def setUpTestData(cls):
        with tempfile.TemporaryDirectory() as directory:
            import_regions_from(write_division_files(directory))

    def setUp(self):
        self.catalogue = CatalogueFiles()

    def tearDown(self):
        self.catalogue.cleanup()

    def industries_of(self, zone):
        return [industry.name for industry in zone.industry_list()]


class CountyTests(ImportZonesTestCase):
    """A county only where the zone's name says so without doubt."""

    def county_of(self, code):
        county = Zone.objects.get(code=code).county
        return county and county.name

    def test_county_from_the_name_within_the_zone_city(self):
        output = run_import(
            self.catalogue.write(HAIMEN_NATIONAL, NANTONG_HIGH_TECH),
            self.catalogue.write(HAIMEN_PROVINCIAL, ZICHUAN, LINZI),
        )

        # 海门 names the district 海门区 (a county-level city until 2020);
        # the province (江苏, 山东) before it is skipped.
        self.assertEqual(self.county_of("G321099"), "海门区")
        self.assertEqual(self.county_of("S329050"), "海门区")
        self.assertEqual(
            set(
                Zone.objects.filter(code="S377018").values_list(
                    "county__name", flat=True
                )
            ),
            {"淄川区", "临淄区"},
        )
        # 南通 is the city, not a county of it.
        self.assertIsNone(self.county_of("G322050"))
        self.assertIn(
            "Counties: 4 found from the zone's name, 0 already set (kept), "
            "0 ambiguous and 1 with no county in the name (left empty).",
            output,
        )
        haimen_district = Region.objects.get(name="海门区")
        response = self.client.get(haimen_district.get_absolute_url())
        self.assertContains(response, "海门经济技术开发区")
        self.assertContains(response, "江苏海门工业园区")
        response = self.client.get(Region.objects.get(name="南通市").get_absolute_url())
        self.assertContains(
            response, '海门区 <span class="count">(2)</span>', html=True
        )

    def test_county_named_like_its_city_or_two_counties_are_not_guessed(self):
        nantong = Region.objects.get(name="南通市")
        for code, name in (("320699", "南通县"), ("320698", "海门经济区")):
            Region.objects.create(
                code=code, name=name, slug=code, level="county", parent=nantong
            )

        output = run_import(self.catalogue.write(HAIMEN_NATIONAL, NANTONG_HIGH_TECH))

        self.assertIsNone(self.county_of("G321099"))  # 海门区 or 海门经济区
        self.assertIsNone(self.county_of("G322050"))  # the city, or 南通县?
        self.assertIn("1 ambiguous and 1 with no county in the name", output)

    def test_rerun_fills_missing_counties_and_keeps_those_staff_set(self):
        run_import(self.catalogue.write(HAIMEN_NATIONAL, HAIMEN_PROVINCIAL))
        tongzhou = Region.objects.get(name="通州区")
        Zone.objects.filter(code="G321099").update(county=None)
        Zone.objects.filter(code="S329050").update(county=tongzhou)

        output = run_import(
            self.catalogue.write(HAIMEN_NATIONAL, HAIMEN_PROVINCIAL), verbosity=2
        )

        self.assertIn("updated G321099 海门经济技术开发区: county", output)
        self.assertIn("1 found from the zone's name, 1 already set (kept)", output)
        self.assertEqual(self.county_of("G321099"), "海门区")
        self.assertEqual(self.county_of("S329050"), "通州区")
        again = run_import(self.catalogue.write(HAIMEN_NATIONAL, HAIMEN_PROVINCIAL))
        self.assertIn("Nothing changed", again)


class EnglishNameTests(ImportZonesTestCase):
    def test_industries_get_english_names_from_the_table_unless_staff_wrote_one(self):
        run_import(self.catalogue.write(HAIMEN_NATIONAL))
        names = dict(Industry.objects.values_list("name", "name_en"))
        self.assertEqual(names["装备制造"], "Equipment manufacturing")
        self.assertEqual(names["生物医药"], "Biomedicine")
        Industry.objects.filter(name="机电").update(name_en="Electromechanics")
        unknown = HAIMEN_NATIONAL.replace("、机电", "、机电、量子传感")

        output = run_import(self.catalogue.write(unknown))

        self.assertEqual(Industry.objects.get(name="机电").name_en, "Electromechanics")
        self.assertIn("1 without an English name (python manage.py", output)
        zone = Zone.objects.get(code="G321099")
        self.assertEqual(
            zone.industry_text,
            "装备制造、生物医药、机电、量子传感\n"
            "Equipment manufacturing, Biomedicine, Electromechanics, 量子传感",
        )
        report = StringIO()
        call_command("report_untranslated", stdout=report)
        self.assertIn("Industries without an English name", report.getvalue())
        self.assertIn("  量子传感\n", report.getvalue())

    def test_every_industry_of_the_catalogue_has_an_english_name(self):
        table = read_industry_names(INDUSTRY_NAMES_EN)
        catalogue = {
            name
            for path in FullCatalogueImportTests.FILES
            for row in catalogue_rows(path)
            for name in split_industries(row["主导产业"])
        }
        self.assertEqual(len(catalogue), 1073)
        self.assertEqual(catalogue - set(table), set())
        for name, name_en in table.items():
            with self.subTest(name=name):
                self.assertRegex(name_en, r"^[A-Z][A-Za-z0-9 ,'()&-]+$")

    def test_redraft_english_rewrites_drafts_nobody_edited_in_the_admin(self):
        changshu = (
            "1500,S329060,江苏常熟综合保税区A区、B区,江苏省,省政府,工业园区,2006.08,"
            "100.0,物流,120.7,31.6,江苏省苏州市,未知,1,1,"
        )
        run_import(self.catalogue.write(HAIMEN_NATIONAL, changshu))
        Zone.objects.update(name_en="Old draft")
        edited = Zone.objects.get(code="G321099")
        with reversion.create_revision():
            edited.save()

        run_import(self.catalogue.write(HAIMEN_NATIONAL, changshu))
        self.assertEqual(
            Zone.objects.get(code="S329060").name_en, "Old draft"
        )  # only with the option
        output = run_import(
            self.catalogue.write(HAIMEN_NATIONAL, changshu),
            redraft_english=True,
            verbosity=2,
        )

        self.assertIn("updated S329060 江苏常熟综合保税区A区、B区: name_en", output)
        self.assertEqual(
            Zone.objects.get(code="S329060").name_en,
            "Jiangsu Changshu Comprehensive Bonded Zone Area A Area B",
        )
        self.assertEqual(Zone.objects.get(code="G321099").name_en, "Old draft")


class ImportGoodFileTests(ImportZonesTestCase):
    def test_creates_one_zone_per_row_with_every_catalogue_field(self):
        national = self.catalogue.write(HAIMEN_NATIONAL, NANTONG_HIGH_TECH)
        provincial = self.catalogue.write(HAIMEN_PROVINCIAL)

        output = run_import(national, provincial)

        self.assertIn("Zones: 3 created, 0 updated, 0 unchanged, 0 skipped.", output)
        haimen = Zone.objects.get(code="G321099")
        self.assertEqual(haimen.name, "海门经济技术开发区")
        self.assertEqual(haimen.level, Zone.Level.NATIONAL)
        self.assertEqual(haimen.catalogue_number, 66)
        self.assertEqual(haimen.kind, Zone.Kind.ECONOMIC_TECHNOLOGICAL)
        self.assertEqual(haimen.province.name, "江苏省")
        self.assertEqual(haimen.city.name, "南通市")
        self.assertEqual(haimen.county.name, "海门区")
        self.assertEqual(haimen.approved_on, datetime.date(2013, 1, 1))
        self.assertEqual(haimen.approval_text, "2013.01")
        self.assertEqual(haimen.area_hectares, Decimal("488.00"))
        self.assertEqual(self.industries_of(haimen), ["装备制造", "生物医药", "机电"])
        self.assertEqual(haimen.latitude, Decimal("31.895381"))
        self.assertEqual(haimen.longitude, Decimal("121.186623"))
        self.assertTrue(haimen.is_location_reliable)
        self.assertEqual(haimen.data_as_of, datetime.date(2018, 2, 26))
        self.assertTrue(haimen.is_published)

    def test_drafts_english_name_short_name_and_slug(self):
        run_import(self.catalogue.write(HAIMEN_NATIONAL, HAIMEN_PROVINCIAL))

        haimen = Zone.objects.get(code="G321099")
        self.assertEqual(
            haimen.name_en, "Haimen Economic and Technological Development Zone"
        )
        self.assertEqual(haimen.short_name, "海门经开区")
        self.assertEqual(
            haimen.slug, "haimen-economic-and-technological-development-zone"
        )
        park = Zone.objects.get(code="S329050")
        self.assertEqual(park.name_en, "Jiangsu Haimen Industrial Park")
        self.assertEqual(park.short_name, "海门工业园区")
        self.assertEqual(park.level, Zone.Level.PROVINCIAL)
        self.assertEqual(park.kind, Zone.Kind.INDUSTRIAL)

    def test_municipality_is_its_own_city(self):
        run_import(self.catalogue.write(BEIJING_NATIONAL))

        zone = Zone.objects.get(code="G111001")
        self.assertEqual(zone.city, zone.province)
        self.assertEqual(zone.province.name, "北京市")

    def test_point_in_the_wrong_province_gives_no_city_and_is_not_reliable(self):
        output = run_import(self.catalogue.write(HAIMEN_PROVINCIAL, WRONGLY_PLACED))

        zone = Zone.objects.get(code="S329051")
        self.assertIsNone(zone.city)
        self.assertEqual(zone.province.name, "江苏省")
        self.assertFalse(zone.is_location_reliable)
        self.assertFalse(zone.shows_location)
        self.assertIn("Zones without a city: 1", output)

    def test_point_shared_with_other_zones_is_not_reliable(self):
        run_import(self.catalogue.write(NANTONG_CUSTOMS))

        zone = Zone.objects.get(code="G323010")
        self.assertFalse(zone.is_location_reliable)
        self.assertEqual(zone.city.name, "南通市")

    def test_stray_punctuation_is_stripped_and_under_construction_is_no_industry(
        self,
    ):
        run_import(self.catalogue.write(WRONGLY_PLACED, NANTONG_CUSTOMS))

        self.assertEqual(
            self.industries_of(Zone.objects.get(code="S329051")), ["食品", "机械"]
        )
        self.assertEqual(self.industries_of(Zone.objects.get(code="G323010")), [])
        self.assertFalse(Industry.objects.filter(name="在建").exists())

    def test_industries_shared_by_zones_are_created_once(self):
        output = run_import(self.catalogue.write(HAIMEN_NATIONAL, BEIJING_NATIONAL))

        self.assertEqual(Industry.objects.filter(name="装备制造").count(), 1)
        self.assertEqual(Industry.objects.get(name="装备制造").slug, "装备制造")
        self.assertIn(
            "Industries: 5 created, 5 English names filled from the table, "
            "0 without an English name.",
            output,
        )

    def test_two_zones_with_one_code_both_exist_and_the_duplicate_is_reported(self):
        output = run_import(self.catalogue.write(ZICHUAN, LINZI))

        zones = Zone.objects.filter(code="S377018").order_by("catalogue_number")
        self.assertEqual(
            [zone.name for zone in zones], ["山东淄川经济开发区", "山东临淄经济开发区"]
        )
        self.assertEqual(len({zone.slug for zone in zones}), 2)
        self.assertIn("Duplicate code S377018", output)
        self.assertIn("929 山东淄川经济开发区", output)
        self.assertIn("932 山东临淄经济开发区", output)

    def test_a_repeated_row_is_skipped_with_its_reason(self):
        output = run_import(
            self.catalogue.write(HAIMEN_NATIONAL), self.catalogue.write(HAIMEN_NATIONAL)
        )

        self.assertEqual(Zone.objects.count(), 1)
        self.assertIn("1 skipped", output)
        self.assertIn("same catalogue number and level", output)

    def test_same_english_name_gets_the_province_slug(self):
        jiangsu_row = HAIMEN_NATIONAL
        zhejiang_row = (
            HAIMEN_NATIONAL.replace("66,G321099", "80,G331099")
            .replace(",江苏省,国务院", ",浙江省,国务院")
            .replace(",南通市", ",")
        )
        run_import(self.catalogue.write(jiangsu_row, zhejiang_row))

        self.assertEqual(
            Zone.objects.get(code="G331099").slug,
            "haimen-economic-and-technological-development-zone-zhejiang",
        )

    def test_progress_and_summary_are_quiet_at_verbosity_zero(self):
        output = run_import(self.catalogue.write(HAIMEN_NATIONAL), verbosity=0)

        self.assertEqual(output, "")
        self.assertEqual(Zone.objects.count(), 1)


class ImportRerunTests(ImportZonesTestCase):
    def test_second_run_changes_nothing_and_says_so(self):
        path = self.catalogue.write(HAIMEN_NATIONAL, NANTONG_CUSTOMS, BEIJING_NATIONAL)
        run_import(path)
        before = list(Zone.objects.order_by("pk").values())

        output = run_import(path)

        self.assertIn("Zones: 0 created, 0 updated, 3 unchanged, 0 skipped.", output)
        self.assertIn("Nothing changed", output)
        self.assertEqual(list(Zone.objects.order_by("pk").values()), before)

    def test_changed_row_updates_the_catalogue_fields_only(self):
        run_import(self.catalogue.write(HAIMEN_NATIONAL))
        zone = Zone.objects.get(code="G321099")
        zone.name_en = "Haimen ETDZ"
        zone.phone = "0513-1234"
        zone.save()

        output = run_import(
            self.catalogue.write(
                HAIMEN_NATIONAL.replace("488.0", "500.25").replace("、机电", "、新材料")
            )
        )

        self.assertIn("1 updated", output)
        zone.refresh_from_db()
        self.assertEqual(zone.area_hectares, Decimal("500.25"))
        self.assertEqual(self.industries_of(zone), ["装备制造", "生物医药", "新材料"])
        self.assertEqual(zone.name_en, "Haimen ETDZ")
        self.assertEqual(zone.phone, "0513-1234")
        # The search's copy of the industries follows.
        self.assertEqual(
            zone.industry_text,
            "装备制造、生物医药、新材料\n"
            "Equipment manufacturing, Biomedicine, New materials",
        )

    def test_corrected_geocode_sets_the_city_and_the_point_verdict(self):
        run_import(self.catalogue.write(WRONGLY_PLACED))
        corrected = (
            WRONGLY_PLACED.replace("115.0,30.2,湖北省黄石市,市,0,1,", "")
            .rstrip(",")
            .replace(
                ",食品.、机械", ",食品.、机械,120.3,31.6,江苏省南通市,市,1,1,南通市"
            )
        )

        output = run_import(self.catalogue.write(corrected), verbosity=2)

        self.assertIn(
            "updated S329051 江苏锡山经济开发区: latitude, longitude, city, "
            "is_location_reliable",
            output,
        )
        self.assertIn("1 updated", output)
        zone = Zone.objects.get(code="S329051")
        self.assertEqual(zone.city.name, "南通市")
        self.assertTrue(zone.is_location_reliable)
        self.assertEqual(zone.latitude, Decimal("31.600000"))

    def test_reordered_industries_are_an_update(self):
        run_import(self.catalogue.write(HAIMEN_NATIONAL))

        output = run_import(
            self.catalogue.write(
                HAIMEN_NATIONAL.replace(
                    "装备制造、生物医药、机电", "机电、装备制造、生物医药"
                )
            )
        )

        self.assertIn("1 updated", output)
        zone = Zone.objects.get(code="G321099")
        self.assertEqual(self.industries_of(zone), ["机电", "装备制造", "生物医药"])

    def test_a_city_set_by_staff_survives_when_the_source_gives_none(self):
        run_import(self.catalogue.write(WRONGLY_PLACED))
        zone = Zone.objects.get(code="S329051")
        zone.city = Region.objects.get(name="南通市")
        zone.save()

        output = run_import(self.catalogue.write(WRONGLY_PLACED))

        self.assertIn("1 unchanged", output)
        zone.refresh_from_db()
        self.assertEqual(zone.city.name, "南通市")

    def test_dry_run_prints_the_changes_and_writes_nothing(self):
        path = self.catalogue.write(HAIMEN_NATIONAL, NANTONG_HIGH_TECH)

        output = run_import(path, dry_run=True)

        self.assertIn("would create G321099 海门经济技术开发区", output)
        self.assertIn("Dry run, nothing written", output)
        self.assertIn("2 created", output)
        self.assertEqual(Zone.objects.count(), 0)
        self.assertEqual(Industry.objects.count(), 0)

    def test_dry_run_of_an_update_names_the_changed_fields(self):
        run_import(self.catalogue.write(HAIMEN_NATIONAL))

        output = run_import(
            self.catalogue.write(HAIMEN_NATIONAL.replace("2013.01", "2013.02")),
            dry_run=True,
        )

        self.assertIn(
            "would update G321099 海门经济技术开发区: approved_on, approval_text",
            output,
        )
        self.assertEqual(
            Zone.objects.get(code="G321099").approved_on, datetime.date(2013, 1, 1)
        )


class ImportMalformedTests(ImportZonesTestCase):
    def assert_aborts(self, *rows, message):
        good = self.catalogue.write(HAIMEN_NATIONAL)
        bad = self.catalogue.write(NANTONG_HIGH_TECH, *rows)
        with self.assertRaises(CommandError) as raised:
            run_import(good, bad)
        self.assertIn(str(bad), str(raised.exception))
        self.assertIn(message, str(raised.exception))
        # The good file before it was not half-written either.
        self.assertEqual(Zone.objects.count(), 0)
        self.assertEqual(ZoneIndustry.objects.count(), 0)
        return str(raised.exception)

    def test_bad_month_names_file_line_and_reason(self):
        message = self.assert_aborts(
            HAIMEN_PROVINCIAL.replace("2006.08", "2006.13"), message="line 3"
        )
        self.assertIn("批准时间 '2006.13' is not YYYY.MM", message)

    def test_area_that_is_not_a_number(self):
        self.assert_aborts(
            HAIMEN_PROVINCIAL.replace("188.98", "约189"), message="is not a number"
        )

    def test_area_with_more_decimals_than_the_catalogue_prints(self):
        self.assert_aborts(
            HAIMEN_PROVINCIAL.replace("188.98", "188.985"),
            message="more than 2 decimals",
        )

    def test_code_that_does_not_match_the_level(self):
        self.assert_aborts(
            HAIMEN_PROVINCIAL.replace("S329050", "G329050"),
            message="does not match level",
        )

    def test_unknown_kind(self):
        self.assert_aborts(
            HAIMEN_PROVINCIAL.replace(",工业园区,", ",自贸区,"),
            message="not a known kind",
        )

    def test_unknown_province(self):
        self.assert_aborts(
            HAIMEN_PROVINCIAL.replace("江苏省", "江南省"),
            message="unknown province '江南省'",
        )

    def test_row_with_a_missing_field(self):
        self.assert_aborts(
            HAIMEN_PROVINCIAL.rsplit(",", 1)[0], message="wrong number of fields"
        )

    def test_file_without_a_required_column(self):
        path = self.catalogue.write(
            HAIMEN_NATIONAL.replace(",2013.01", ""),
            header=[column for column in CATALOGUE_HEADER if column != "批准时间"],
        )
        with self.assertRaisesMessage(CommandError, "missing column(s) 批准时间"):
            run_import(path)

    def test_missing_file(self):
        with self.assertRaisesMessage(CommandError, "Cannot read"):
            run_import(Path(self.catalogue.directory) / "nowhere.csv")


class ImportWithoutRegionsTests(TestCase):
    def test_asks_for_import_regions_first(self):
        catalogue = CatalogueFiles()
        self.addCleanup(catalogue.cleanup)
        with self.assertRaisesMessage(CommandError, "run import_regions first"):
            run_import(catalogue.write(HAIMEN_NATIONAL))


class FullCatalogueImportTests(TestCase):
    """The project's copy of the whole catalogue, imported once for the class."""

    NATIONAL = Path("data/china-devzones-2018/national_zones_2018.csv")
    PROVINCIAL = Path("data/china-devzones-2018/provincial_zones_2018.csv")
    FILES = (NATIONAL, PROVINCIAL)

    @classmethod
    def setUpTestData(cls):
        call_command(
            "import_regions",
            directory=Path("data/admin-divisions-cn"),
            stdout=StringIO(),
        )
        started = time.monotonic()
        cls.output = run_import()
        cls.seconds = time.monotonic() - started

    def test_every_row_becomes_a_zone_in_its_province(self):
        self.assertEqual(Zone.objects.count(), 2543)
        self.assertEqual(Zone.objects.filter(level="national").count(), 552)
        self.assertEqual(Zone.objects.filter(level="provincial").count(), 1991)
        self.assertIn(
            "Zones: 2543 created, 0 updated, 0 unchanged, 0 skipped.", self.output
        )
        rows = catalogue_rows(self.NATIONAL) + catalogue_rows(self.PROVINCIAL)
        provinces = dict(
            Zone.objects.values_list("code", "province__name").filter(
                code__in=[row["代码"] for row in rows]
            )
        )
        for row in rows:
            self.assertEqual(provinces[row["代码"]], row["省份"], row["代码"])

    def test_both_zones_sharing_s377018_exist(self):
        self.assertEqual(
            set(Zone.objects.filter(code="S377018").values_list("name", flat=True)),
            {"山东淄川经济开发区", "山东临淄经济开发区"},
        )
        self.assertIn("Duplicate code S377018", self.output)

    def test_haimen_row(self):
        haimen = Zone.objects.get(code="G321099")
        self.assertEqual(
            (
                haimen.level,
                haimen.kind,
                haimen.province.name,
                haimen.city.name,
                haimen.county.name,
            ),
            ("national", "etdz", "江苏省", "南通市", "海门区"),
        )
        self.assertEqual(haimen.approved_on, datetime.date(2013, 1, 1))
        self.assertEqual(haimen.area_hectares, Decimal("488.00"))
        self.assertEqual(
            [industry.name for industry in haimen.industry_list()],
            ["装备制造", "生物医药", "机电"],
        )

    def test_zones_without_a_trustworthy_city_are_reported(self):
        without_city = Zone.objects.filter(city__isnull=True).count()
        self.assertGreater(without_city, 0)
        self.assertIn(f"Zones without a city: {without_city} ", self.output)
        for zone in Zone.objects.filter(city__isnull=False).select_related("city"):
            # The city lies in the zone's province, or is the municipality.
            self.assertIn(zone.province_id, (zone.city_id, zone.city.parent_id))

    def test_slugs_are_unique_ascii(self):
        slugs = list(Zone.objects.values_list("slug", flat=True))
        self.assertEqual(len(set(slugs)), 2543)
        self.assertTrue(all(slug.isascii() and slug for slug in slugs))

    def test_import_is_fast_and_shows_progress(self):
        self.assertLess(self.seconds, 30)
        self.assertIn("2500/2543 rows processed", self.output)

    def test_second_run_reports_zero_changes(self):
        output = run_import()

        self.assertIn("Zones: 0 created, 0 updated, 2543 unchanged, 0 skipped.", output)
        self.assertIn("Nothing changed", output)


class CatalogueKindNamesTests(SimpleTestCase):
    def test_every_kind_is_read_back_from_the_name_chinese_pages_show(self):
        for kind in Zone.Kind:
            with self.subTest(kind=kind):
                self.assertEqual(KINDS[Zone.KIND_NAMES_ZH[kind]], kind)
