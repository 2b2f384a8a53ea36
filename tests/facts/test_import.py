"""import_zone_facts: the shared data exactly, re-runs, dry runs, bad rows."""

import tempfile
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import TestCase

from facts.models import Fact, Incentive
from zones.models import Zone

DATA = Path(settings.BASE_DIR) / "data" / "zone-facts"
# Rows of data/zone-facts/ that name no catalogue zone (aggregates, city
# sheets, areas outside the catalogue): reported as skipped, not imported.
SKIPPED_ROWS = 73
FACT_ROWS = 180 + 133 + 98 - (SKIPPED_ROWS)
INCENTIVE_ROWS = 15


def import_facts(*paths, **options):
    out = StringIO()
    call_command("import_zone_facts", *map(str, paths), stdout=out, **options)
    return out.getvalue()


class RealDataImportTests(TestCase):
    """The four files of data/zone-facts/ against the whole 2018 catalogue."""

    @classmethod
    def setUpTestData(cls):
        call_command("import_regions", verbosity=0)
        call_command("import_zones", verbosity=0)

    def test_import_creates_exactly_its_rows_and_a_rerun_changes_nothing(self):
        output = import_facts(DATA)
        self.assertIn(
            f"{FACT_ROWS + INCENTIVE_ROWS} created, 0 updated, 0 unchanged, "
            f"{SKIPPED_ROWS} skipped",
            output,
        )
        self.assertEqual(Fact.objects.count(), FACT_ROWS)
        self.assertEqual(Incentive.objects.count(), INCENTIVE_ROWS)
        stamps = list(Fact.objects.order_by("pk").values_list("updated_at", flat=True))
        output = import_facts(DATA)
        self.assertIn(
            f"0 created, 0 updated, {FACT_ROWS + INCENTIVE_ROWS} unchanged", output
        )
        self.assertEqual(
            list(Fact.objects.order_by("pk").values_list("updated_at", flat=True)),
            stamps,
        )

    def test_dry_run_writes_nothing(self):
        output = import_facts(DATA, dry_run=True)
        self.assertIn("Dry run, nothing written.", output)
        self.assertFalse(Fact.objects.exists())
        self.assertFalse(Incentive.objects.exists())

    def test_haimen_figures_keep_value_period_and_source(self):
        import_facts(DATA / "zone_key_figures.csv", DATA / "mofcom_etdz_rankings.csv")
        haimen = Zone.objects.get(code="G321099")
        gdp = haimen.facts.get(indicator__code="gdp")
        self.assertEqual(
            (gdp.value_text, gdp.unit, gdp.year, gdp.label),
            ("85.4", "亿元", 2007, "地区生产总值"),
        )
        self.assertEqual(
            gdp.source_url,
            "https://www.ppdoc.com/periodical/495176d9e60fd92ac8da09f9f51170ca.html",
        )
        fdi = haimen.facts.get(indicator__code="fdi-used")
        self.assertEqual(fdi.period_text, "2006-01 to 2006-10")
        self.assertEqual(str(fdi.as_of), "2006-10-01")
        rank = haimen.facts.get(indicator__code="mofcom-rank")
        self.assertEqual((rank.value, rank.year), (50, 2019))
        undated = haimen.facts.get(label="工业企业数")
        self.assertIsNone(undated.year)
        self.assertTrue(undated.is_stale())

    def test_ranges_and_words_stay_text(self):
        import_facts(DATA / "zone_costs.csv")
        rent = Fact.objects.get(label="高标准厂房租赁价格(含税)")
        self.assertEqual((rent.value, rent.value_high), (10, 20))
        self.assertEqual(rent.indicator.code, "factory-rent")
        sewage = Fact.objects.get(zone__code="S327076", indicator__code="sewage")
        self.assertEqual((sewage.value_text, sewage.value), ("一企一议", None))

    def test_city_policies_attach_to_the_city(self):
        import_facts(DATA / "zone_incentives.csv")
        xian = Incentive.objects.get(document_number="市政办发〔2018〕72号")
        self.assertEqual(xian.region.name, "西安市")
        self.assertEqual(xian.status, Incentive.Status.EXPIRED)
        draft = Incentive.objects.get(title__contains="征求意见稿")
        self.assertEqual(draft.status, Incentive.Status.UNDER_REVIEW)
        self.assertEqual(draft.region.name, "闵行区")


FIGURES_HEADER = "zone,indicator,value,unit,period,source_title,source_url\n"


class FileImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        from tests.factories import make_region, make_zone

        jiangsu = make_region("江苏省", "jiangsu", "province")
        cls.zone = make_zone(
            "海门经济技术开发区", "haimen-etdz", jiangsu, code="G321099"
        )

    def write(self, text):
        directory = tempfile.mkdtemp()
        path = Path(directory) / "facts.csv"
        path.write_text(text, encoding="utf-8")
        return path

    def test_good_file_by_slug_and_code_name_or_alias(self):
        path = self.write(
            FIGURES_HEADER
            + "haimen-etdz,gdp,120.5,亿元,2024,统计公报,https://example.com/a\n"
            + "G321099,工业用水,3.2,元/吨,2025-03-01,价格表,https://example.com/b\n"
        )
        import_facts(path)
        self.assertEqual(self.zone.facts.get(indicator__code="gdp").value, 120.5)
        water = self.zone.facts.get(indicator__code="water")
        self.assertEqual(str(water.as_of), "2025-03-01")

    def test_malformed_rows_are_listed_by_line_and_nothing_is_written(self):
        path = self.write(
            FIGURES_HEADER
            + "haimen-etdz,gdp,120.5,亿元,2024,统计公报,https://example.com/a\n"
            + "nowhere,gdp,1,亿元,2024,统计公报,https://example.com/a\n"
            + "haimen-etdz,gdp,,亿元,2024,统计公报,https://example.com/a\n"
            + "haimen-etdz,gdp,1,亿元,2024,,https://example.com/a\n"
            + "haimen-etdz,gdp,1,亿元,2024,统计公报,ftp://example.com/a,extra\n"
        )
        with self.assertRaises(CommandError) as raised:
            import_facts(path)
        message = str(raised.exception)
        self.assertIn("4 bad row(s), nothing imported", message)
        self.assertIn(
            "line 3: no zone with the catalogue code or slug 'nowhere'", message
        )
        self.assertIn("line 4: the value is empty", message)
        self.assertIn("line 5: source_title is empty", message)
        self.assertIn("line 6: too many fields", message)
        self.assertFalse(Fact.objects.exists())

    def test_a_figure_no_indicator_knows_keeps_its_name_under_other(self):
        path = self.write(
            FIGURES_HEADER
            + "haimen-etdz,世界500强企业数,12,家,2023,年鉴,https://example.com/a\n"
        )
        import_facts(path)
        fact = self.zone.facts.get()
        self.assertEqual(
            (fact.indicator.code, fact.label), ("other-economy", "世界500强企业数")
        )

    def test_changed_value_updates_the_row_and_undoes_verification(self):
        path = self.write(
            FIGURES_HEADER
            + "haimen-etdz,gdp,120.5,亿元,2024,统计公报,https://example.com/a\n"
        )
        import_facts(path)
        fact = self.zone.facts.get()
        Fact.objects.filter(pk=fact.pk).update(verified_at="2026-01-01T00:00Z")
        path.write_text(
            FIGURES_HEADER
            + "haimen-etdz,gdp,121,亿元,2024,统计公报,https://example.com/a\n",
            encoding="utf-8",
        )
        self.assertIn("0 created, 1 updated", import_facts(path))
        fact.refresh_from_db()
        self.assertEqual((fact.value, fact.verified_at), (121, None))

    def test_unknown_layout_is_refused(self):
        path = self.write("a,b\n1,2\n")
        with self.assertRaisesMessage(CommandError, "not a zone-facts file"):
            import_facts(path)
