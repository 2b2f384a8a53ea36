"""How fast each zone answers, on the compare page and in its downloads: the
inquiries app's row, which facts shows without importing it."""

import csv
from datetime import timedelta
from io import BytesIO, StringIO

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from inquiries import workflow
from inquiries.models import Inquiry
from inquiries.stats import cached_reply_times
from inquiries.workdays import add_working_days
from tests.inquiries.helpers import InquiryTestCase

ROW = "Time to a first reply (median working days, last 180 days)"


class CompareReplyTimeTests(InquiryTestCase):
    def setUp(self):
        super().setUp()
        self.received = timezone.now() - timedelta(days=30)
        for days in (0.5, 1, 1.5, 3, 4):
            self.answered(days, self.zone_a)
        for days in (1, 2):
            self.answered(days, self.zone_b)

    def answered(self, working_days, zone):
        return self.make_inquiry(
            zone=zone,
            submitted_at=self.received,
            first_replied_at=add_working_days(self.received, working_days),
            status=Inquiry.Status.ANSWERED,
        )

    def url(self, name="facts:compare", language=""):
        query = f"?z={self.zone_a.slug}&z={self.zone_b.slug}"
        with translation.override(settings.LANGUAGE_CODE):
            return language + reverse(name) + query

    def test_row_shows_the_median_and_what_it_rests_on(self):
        response = self.client.get(self.url(language="/en"))
        self.assertContains(response, ROW)
        self.assertContains(response, "<span>1.5</span>")
        self.assertContains(response, '<span class="meta">working days</span>')
        self.assertContains(response, "from 5 inquiries")
        self.assertContains(response, "not enough inquiries")
        self.assertContains(response, "2 inquiries; 5 are needed")
        today = timezone.localdate().isoformat()
        self.assertContains(response, f" – {today}", count=2)
        chinese = self.client.get(self.url())
        self.assertContains(chinese, "首次回复用时（工作日中位数，近 180 天）")
        self.assertContains(chinese, "咨询数量不足")

    def test_downloads_hold_the_row_with_its_dates(self):
        response = self.client.get(self.url("facts:compare-csv", "/en"))
        rows = list(csv.reader(StringIO(response.content.decode("utf-8-sig"))))
        row = next(row for row in rows if row[1] == ROW)
        since = timezone.localdate(timezone.now() - timedelta(days=180))
        period = f"{since.isoformat()} – {timezone.localdate().isoformat()}"
        self.assertEqual(row[2:4], ["1.5", "working days"])
        self.assertEqual(row[4], period)
        self.assertEqual(row[5], "inquiries sent through this portal")
        self.assertEqual(row[7], "from 5 inquiries")
        self.assertEqual(row[8], "not enough inquiries")
        self.assertEqual(row[13], "2 inquiries; 5 are needed")
        response = self.client.get(self.url("facts:compare-xlsx", "/en"))
        sheet = load_workbook(BytesIO(response.content)).active
        xlsx = next(
            ["" if value is None else str(value) for value in line]
            for line in sheet.iter_rows(values_only=True)
            if line[1] == ROW
        )
        self.assertEqual(xlsx[: len(row)], row)

    def test_figure_is_cached_until_an_inquiry_is_answered(self):
        self.assertEqual(cached_reply_times([self.zone_b.pk])[self.zone_b.pk].count, 2)
        # Rows written behind the workflow's back wait for the expiry...
        waiting = [
            self.make_inquiry(zone=self.zone_b, submitted_at=self.received)
            for _ in range(3)
        ]
        with self.assertNumQueries(0):
            figure = cached_reply_times([self.zone_b.pk])[self.zone_b.pk]
        self.assertEqual(figure.count, 2)
        # ...a first reply through the workflow replaces the figure at once.
        with self.captureOnCommitCallbacks(execute=True):
            workflow.reply(self.editor, waiting[0], "Land is available.")
        figure = cached_reply_times([self.zone_b.pk])[self.zone_b.pk]
        self.assertEqual(figure.count, 5)
        self.assertIsNotNone(figure.median)

    def test_query_count_does_not_grow_with_the_zones_compared(self):
        zones = [self.zone_a, self.zone_b, self.zone_d]
        self.client.get(reverse("facts:compare") + f"?z={self.zone_a.slug}")

        def count(zones):
            query = "&".join(f"z={zone.slug}" for zone in zones)
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get(reverse("facts:compare") + "?" + query)
            self.assertContains(response, "compare-table")
            return len(queries)

        # Uncached: one query for every zone's inquiries; cached: none.
        uncached_two = count(zones[:2])
        self.assertEqual(count(zones[:2]), uncached_two - 1)
        self.assertEqual(count(zones), uncached_two)  # 苏州's figure is new
        self.assertEqual(count(zones), uncached_two - 1)
