"""The zone catalogue as CSV and GeoJSON: contents against the database."""

import csv
import io
import json
from decimal import Decimal

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_region, make_zone
from zones import downloads
from zones.models import Industry, Region, Zone


def body_of(response):
    return b"".join(response.streaming_content).decode("utf-8")


def csv_parts(text):
    """(preamble lines, rows as dicts) of a downloaded CSV."""
    assert text.startswith("\ufeff")
    lines = text[1:].split("\r\n")
    preamble = lines[: downloads.PREAMBLE_LINES]
    rows = list(csv.DictReader(io.StringIO("\r\n".join(lines[len(preamble) :]))))
    return preamble, rows


class ZoneDownloadTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.jiangsu = make_region("江苏省", "jiangsu", Region.Level.PROVINCE)
        cls.nantong = make_region("南通市", "nantong", Region.Level.CITY, cls.jiangsu)
        cls.haimen = make_zone(
            "海门经济技术开发区",
            "haimen-etdz",
            cls.jiangsu,
            cls.nantong,
            industries=("装备制造", "生物医药"),
            catalogue_number=66,
            approval_text="2013.01",
            area_hectares=Decimal("488.00"),
            latitude=Decimal("31.895381"),
            longitude=Decimal("121.186623"),
            is_location_reliable=True,
        )
        Industry.objects.filter(name="装备制造").update(
            name_en="Equipment manufacturing"
        )
        # A point the import found wrong (outside the province).
        cls.misplaced = make_zone(
            "松江经济技术开发区",
            "songjiang-etdz",
            cls.jiangsu,
            catalogue_number=20,
            latitude=Decimal("27.7"),
            longitude=Decimal("111.9"),
            is_location_reliable=False,
        )
        cls.no_point = make_zone(
            "江苏海门工业园区",
            "jiangsu-haimen-industrial-park",
            cls.jiangsu,
            level=Zone.Level.PROVINCIAL,
            kind=Zone.Kind.INDUSTRIAL,
            catalogue_number=540,
        )
        cls.hidden = make_zone(
            "未发布开发区", "hidden-zone", cls.jiangsu, is_published=False
        )

    def get(self, name, **headers):
        return self.client.get(reverse(name), headers=headers)


class CatalogueCsvTests(ZoneDownloadTestCase):
    def test_starts_with_a_bom_and_the_licence_and_sources(self):
        response = self.get("data-zones-csv")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        raw = b"".join(response.streaming_content)
        self.assertTrue(raw.startswith(b"\xef\xbb\xbf# "))
        preamble, _rows = csv_parts(raw.decode())
        for line in preamble:
            self.assertTrue(line.startswith("# "), line)
            self.assertNotIn(",", line)
            self.assertNotIn('"', line)
        text = "\n".join(preamble)
        self.assertIn("CC BY 4.0", text)
        self.assertIn("https://creativecommons.org/licenses/by/4.0/", text)
        self.assertIn("中国开发区审核公告目录", text)
        self.assertIn("公告2018年第4号", text)
        self.assertIn("kaiwulaw/china-industrial-zones-atlas", text)
        self.assertIn("Rows: 3 published zones", text)

    def test_the_header_follows_the_preamble(self):
        text = body_of(self.get("data-zones-csv"))
        lines = text[1:].split("\r\n")
        self.assertEqual(lines[downloads.PREAMBLE_LINES], ",".join(downloads.HEADER))
        self.assertFalse(lines[downloads.PREAMBLE_LINES - 1].startswith("slug"))

    def test_every_published_zone_and_no_other(self):
        _preamble, rows = csv_parts(body_of(self.get("data-zones-csv")))
        published = set(Zone.objects.published().values_list("slug", flat=True))
        self.assertEqual([row["slug"] for row in rows].count("haimen-etdz"), 1)
        self.assertEqual({row["slug"] for row in rows}, published)
        self.assertEqual(len(rows), 3)
        self.assertNotIn("hidden-zone", {row["slug"] for row in rows})

    def test_national_zones_come_first_in_catalogue_order(self):
        _preamble, rows = csv_parts(body_of(self.get("data-zones-csv")))
        self.assertEqual(
            [row["slug"] for row in rows],
            ["songjiang-etdz", "haimen-etdz", "jiangsu-haimen-industrial-park"],
        )

    def test_a_row_holds_the_zone_as_the_database_has_it(self):
        _preamble, rows = csv_parts(body_of(self.get("data-zones-csv")))
        row = next(row for row in rows if row["slug"] == "haimen-etdz")
        zone = self.haimen
        self.assertEqual(row["code"], zone.code)
        self.assertEqual(row["catalogue_number"], "66")
        self.assertEqual(row["name"], "海门经济技术开发区")
        self.assertEqual(row["name_en"], zone.name_en)
        self.assertEqual(row["level"], "national")
        self.assertEqual(row["kind"], "etdz")
        self.assertEqual(row["province"], "江苏省")
        self.assertEqual(row["province_code"], self.jiangsu.code)
        self.assertEqual(row["city"], "南通市")
        self.assertEqual(row["county"], "")
        self.assertEqual(row["approval"], "2013.01")
        self.assertEqual(row["area_hectares"], "488.00")
        self.assertEqual(row["industries"], "装备制造、生物医药")
        self.assertEqual(row["industries_en"], "Equipment manufacturing; 生物医药")
        self.assertEqual(row["latitude"], "31.895381")
        self.assertEqual(row["longitude"], "121.186623")
        self.assertEqual(row["url"], "http://testserver/zones/haimen-etdz/")
        self.assertEqual(row["url_en"], "http://testserver/en/zones/haimen-etdz/")

    def test_an_untrusted_point_is_left_out(self):
        _preamble, rows = csv_parts(body_of(self.get("data-zones-csv")))
        by_slug = {row["slug"]: row for row in rows}
        for slug in ("songjiang-etdz", "jiangsu-haimen-industrial-park"):
            self.assertEqual(by_slug[slug]["latitude"], "")
            self.assertEqual(by_slug[slug]["longitude"], "")
        self.assertNotIn("27.7", body_of(self.get("data-zones-csv")))

    def test_the_file_is_the_same_in_either_language(self):
        chinese = body_of(self.get("data-zones-csv"))
        english = body_of(self.get("data-zones-csv", accept_language="en"))
        self.assertEqual(chinese, english)


class CatalogueGeoJsonTests(ZoneDownloadTestCase):
    def load(self):
        response = self.get("data-zones-geojson")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/geo+json")
        return json.loads(body_of(response))

    def test_is_a_feature_collection_of_the_published_zones(self):
        collection = self.load()
        self.assertEqual(collection["type"], "FeatureCollection")
        features = collection["features"]
        published = set(Zone.objects.published().values_list("slug", flat=True))
        self.assertEqual({feature["id"] for feature in features}, published)
        self.assertEqual(len(features), len(published))
        for feature in features:
            self.assertEqual(feature["type"], "Feature")
            self.assertEqual(set(feature), {"type", "id", "geometry", "properties"})
            self.assertEqual(tuple(feature["properties"]), downloads.PROPERTIES)
            geometry = feature["geometry"]
            if geometry is not None:
                self.assertEqual(geometry["type"], "Point")
                longitude, latitude = geometry["coordinates"]
                self.assertTrue(-180 <= longitude <= 180)
                self.assertTrue(-90 <= latitude <= 90)

    def test_a_point_only_where_the_zone_trusts_it(self):
        features = {feature["id"]: feature for feature in self.load()["features"]}
        self.assertEqual(
            features["haimen-etdz"]["geometry"],
            {"type": "Point", "coordinates": [121.186623, 31.895381]},
        )
        self.assertIsNone(features["songjiang-etdz"]["geometry"])
        self.assertIsNone(features["jiangsu-haimen-industrial-park"]["geometry"])
        self.assertEqual(features["haimen-etdz"]["properties"]["area_hectares"], 488.0)

    def test_states_its_licence_and_sources(self):
        collection = self.load()
        self.assertEqual(collection["license"], "CC-BY-4.0")
        self.assertIn("公告2018年第4号", collection["attribution"])
        self.assertIn("unclear", collection["license_scope"])
        self.assertEqual(len(collection["sources"]), 2)
        self.assertEqual(collection["documentation"], "http://testserver/en/data/")
        self.assertEqual(collection["count"], 3)


class CatalogueQueriesAndCachingTests(ZoneDownloadTestCase):
    def count_queries(self, name):
        with CaptureQueriesContext(connection) as queries:
            body_of(self.get(name))
        return len(queries)

    def test_query_count_does_not_grow_with_the_zones(self):
        for name in ("data-zones-csv", "data-zones-geojson"):
            with self.subTest(name):
                self.get(name)  # site settings and the figures into the cache
                few = self.count_queries(name)
                with self.captureOnCommitCallbacks(execute=True):
                    for number in range(12):
                        make_zone(
                            f"测试开发区{number}",
                            f"test-zone-{number}",
                            self.jiangsu,
                            self.nantong,
                            industries=("新材料",),
                        )
                # The zones with their regions, their industries.
                self.assertEqual(few, 2)
                # After a change, once: the count and the next scheduled
                # article (core.cache.remembered).
                self.assertEqual(self.count_queries(name), few + 2)
                self.assertEqual(self.count_queries(name), few)
                with self.captureOnCommitCallbacks(execute=True):
                    Zone.objects.filter(slug__startswith="test-zone-").delete()

    def test_validators_answer_304_and_a_change_sends_the_file_again(self):
        first = self.get("data-zones-csv")
        self.assertEqual(first["Cache-Control"], "public, max-age=60")
        self.assertTrue(first["ETag"].startswith('W/"'))
        self.assertIn("Last-Modified", first)
        self.assertEqual(
            first["Content-Disposition"],
            f'attachment; filename="investportal-zones-'
            f'{Zone.objects.latest("updated_at").updated_at:%Y-%m-%d}.csv"',
        )
        again = self.get("data-zones-csv", if_none_match=first["ETag"])
        self.assertEqual(again.status_code, 304)
        self.assertEqual(again.content, b"")
        since = self.get("data-zones-csv", if_modified_since=first["Last-Modified"])
        self.assertEqual(since.status_code, 304)
        with self.captureOnCommitCallbacks(execute=True):
            self.haimen.name_en = "Haimen ETDZ"
            self.haimen.save()
        changed = self.get("data-zones-csv", if_none_match=first["ETag"])
        self.assertEqual(changed.status_code, 200)
        self.assertIn("Haimen ETDZ", body_of(changed))

    def test_head_sends_the_headers_without_reading_zones(self):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.head(reverse("data-zones-geojson"))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"")
        self.assertIn("geojson", response["Content-Disposition"])
        self.assertFalse(any("zones_zoneindustry" in q["sql"] for q in queries))

    def test_other_methods_are_refused(self):
        response = self.client.post(reverse("data-zones-csv"))
        self.assertEqual(response.status_code, 405)
