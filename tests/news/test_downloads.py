"""The articles' metadata as CSV: exactly what readers may see, no more."""

import csv
import io
from datetime import UTC, timedelta
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from news import downloads, workflow
from news.models import Article
from tests.news.helpers import NewsTestCase


def download(client, **headers):
    response = client.get(reverse("data-articles-csv"), headers=headers)
    assert response.status_code == 200, response.status_code
    return response, b"".join(response.streaming_content).decode("utf-8")


def parse(text):
    assert text.startswith("\ufeff")
    lines = text[1:].split("\r\n")
    preamble = lines[: downloads.PREAMBLE_LINES]
    rows = list(csv.DictReader(io.StringIO("\r\n".join(lines[len(preamble) :]))))
    return preamble, rows


class ArticlesCsvTests(NewsTestCase):
    def setUp(self):
        self.published = self.make_article(
            "四甲镇规划建设两大产业园",
            tags=["产业园", "新材料"],
            source=self.government,
            author=self.editor,
            body="<p>正文不应出现在下载中。</p>",
        )
        self.english = self.make_article(
            "Haimen opens a new park",
            language=Article.Language.ENGLISH,
            zone=None,
            region=self.nantong,
        )
        self.draft = self.make_article("草稿文章", status=Article.Status.DRAFT)
        self.submitted = self.make_article("待审文章", status=Article.Status.SUBMITTED)
        self.scheduled = self.make_article("定时文章", published_at=self.tomorrow)
        self.deleted = self.make_article("回收站文章", deleted_at=self.now)

    def test_exactly_the_published_articles(self):
        _response, text = download(self.client)
        _preamble, rows = parse(text)
        ids = {int(row["id"]) for row in rows}
        self.assertEqual(
            ids, set(Article.objects.published().values_list("id", flat=True))
        )
        self.assertEqual(ids, {self.published.pk, self.english.pk})
        for hidden in (self.draft, self.submitted, self.scheduled, self.deleted):
            self.assertNotIn(hidden.title, text)

    def test_a_scheduled_article_appears_once_its_time_has_come(self):
        later = self.tomorrow + timedelta(minutes=1)
        with mock.patch("django.utils.timezone.now", return_value=later):
            _response, text = download(self.client)
        self.assertIn("定时文章", text)
        self.assertNotIn("草稿文章", text)

    def test_metadata_only_no_body_and_no_staff(self):
        _response, text = download(self.client)
        self.assertNotIn("正文不应出现在下载中", text)
        self.assertNotIn(self.editor.username, text)
        self.assertNotIn(self.editor.email, text)

    def test_header_and_a_row(self):
        _response, text = download(self.client)
        preamble, rows = parse(text)
        lines = text[1:].split("\r\n")
        self.assertEqual(lines[downloads.PREAMBLE_LINES], ",".join(downloads.HEADER))
        self.assertEqual(
            downloads.HEADER,
            (
                "id", "title", "language", "published_at", "kind", "channel",
                "source", "zone_slug", "zone", "tags", "url", "updated_at",
            ),
        )  # fmt: skip
        row = next(row for row in rows if row["id"] == str(self.published.pk))
        self.assertEqual(row["title"], "四甲镇规划建设两大产业园")
        self.assertEqual(row["language"], "zh-hans")
        self.assertEqual(
            row["published_at"],
            self.yesterday.astimezone(UTC)
            .replace(microsecond=0)
            .strftime("%Y-%m-%dT%H:%M:%SZ"),
        )
        self.assertEqual(row["kind"], "text")
        self.assertEqual(row["channel"], "zone-news")
        self.assertEqual(row["source"], "海门市人民政府")
        self.assertEqual(row["zone_slug"], "haimen-etdz")
        self.assertEqual(row["zone"], "海门经济技术开发区")
        self.assertEqual(row["tags"], "产业园; 新材料")
        self.assertEqual(row["url"], f"http://testserver/news/{self.published.pk}/")
        english = next(row for row in rows if row["id"] == str(self.english.pk))
        self.assertEqual(
            english["url"], f"http://testserver/en/news/{self.english.pk}/"
        )
        self.assertEqual(english["zone_slug"], "")
        self.assertEqual(english["source"], "")

    def test_states_its_licence(self):
        response, text = download(self.client)
        preamble, _rows = parse(text)
        self.assertTrue(text.startswith("\ufeff# "))
        for line in preamble:
            self.assertTrue(line.startswith("# "), line)
            self.assertNotIn(",", line)
        joined = "\n".join(preamble)
        self.assertIn("CC BY 4.0", joined)
        self.assertIn("https://creativecommons.org/licenses/by/4.0/", joined)
        self.assertIn("Rows: 2 published articles", joined)
        self.assertIn("http://testserver/en/data/", joined)
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertTrue(
            response["Content-Disposition"].startswith(
                'attachment; filename="investportal-articles-'
            )
        )

    def test_query_count_does_not_grow_with_the_articles(self):
        download(self.client)  # site settings and the figures into the cache

        def count():
            with CaptureQueriesContext(connection) as queries:
                download(self.client)
            return len(queries)

        few = count()
        with self.captureOnCommitCallbacks(execute=True):
            for number in range(15):
                self.make_article(f"更多新闻{number}", tags=[f"标签{number}", "产业园"])
        # The articles with channel, source and zone, their tags.
        self.assertEqual(few, 2)
        # After a change, once: the summary and the next scheduled article
        # (core.cache.remembered).
        self.assertEqual(count(), few + 2)
        self.assertEqual(count(), few)

    def test_rows_are_read_in_chunks_with_their_tags(self):
        for number in range(5):
            self.make_article(f"更多新闻{number}", tags=[f"标签{number}"])
        with (
            mock.patch.object(downloads, "CHUNK_SIZE", 2),
            CaptureQueriesContext(connection) as queries,
        ):
            _response, text = download(self.client)
        _preamble, rows = parse(text)
        self.assertEqual(len(rows), 7)
        tags = {row["title"]: row["tags"] for row in rows}
        self.assertEqual(tags["更多新闻3"], "标签3")
        self.assertEqual(tags["四甲镇规划建设两大产业园"], "产业园; 新材料")
        # Four chunks: four tag queries beside the summary and the rows.
        self.assertEqual(
            sum("taggit_taggeditem" in query["sql"] for query in queries), 4
        )

    def test_304_until_an_article_changes(self):
        first, _text = download(self.client)
        self.assertEqual(first["Cache-Control"], "public, max-age=60")
        again = self.client.get(
            reverse("data-articles-csv"), headers={"if-none-match": first["ETag"]}
        )
        self.assertEqual(again.status_code, 304)
        with self.captureOnCommitCallbacks(execute=True):
            self.draft.status = Article.Status.PUBLISHED
            self.draft.save()
        changed, text = download(self.client, if_none_match=first["ETag"])
        self.assertIn("草稿文章", text)
        self.assertNotEqual(changed["ETag"], first["ETag"])

    def test_deleting_an_article_changes_the_version(self):
        first, _text = download(self.client)
        with self.captureOnCommitCallbacks(execute=True):
            workflow.move_to_bin(self.english, self.editor)
        changed, text = download(self.client, if_none_match=first["ETag"])
        self.assertNotIn("Haimen opens a new park", text)
