from news.models import Article
from tests.news.helpers import NewsTestCase


class SummaryTests(NewsTestCase):
    def test_empty_summary_is_taken_from_paragraphs_not_headings(self):
        article = self.make_article(
            summary="",
            body="<h2>构筑新平台</h2><p>四甲镇规划两大产业园。</p><h3>项目</h3><p>项目加快建设。</p>",
        )
        self.assertEqual(article.summary, "四甲镇规划两大产业园。 项目加快建设。")

    def test_body_without_paragraphs_falls_back_to_all_text(self):
        article = self.make_article(summary="", body="<ul><li>装备制造</li></ul>")
        self.assertEqual(article.summary, "装备制造")

    def test_long_body_is_cut_to_the_summary_length(self):
        article = self.make_article(summary="", body="<p>" + "园" * 300 + "</p>")
        # Django's truncation mark is translated ("…", "..."): length counts it.
        self.assertEqual(len(article.summary), 120)
        self.assertTrue(article.summary.startswith("园" * 110))
        self.assertFalse(article.summary.endswith("园"))

    def test_written_summary_is_kept(self):
        article = self.make_article(summary="编辑写的摘要", body="<p>正文</p>")
        self.assertEqual(Article.objects.get(pk=article.pk).summary, "编辑写的摘要")
