"""The admin says what the sanitizer removed from pasted content."""

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from core.sanitize import clean_html
from news.models import Article
from tests.people.helpers import PeopleTestCase, resubmit_data, zone_change_url

PASTED = (
    '<p>联系 <a href="tel:+86-513-8219-0000">电话</a>'
    ' <a href="mailto:info@example.com">邮件</a></p>'
    '<p><img src="https://cdn.example.com/photo.jpg" alt="外链图片"></p>'
    '<iframe src="https://video.example.com/embed/1"></iframe>'
    '<p><a href="javascript:alert(1)">点我</a> <span>正文</span></p>'
)


class SanitizeNoticeTests(PeopleTestCase):
    def warnings_after(self, response):
        return [
            str(message)
            for message in get_messages(response.wsgi_request)
            if message.level_tag == "warning"
        ]

    def test_phone_and_mail_links_are_kept(self):
        cleaned = clean_html(PASTED)
        self.assertIn('href="tel:+86-513-8219-0000"', cleaned)
        self.assertIn('href="mailto:info@example.com"', cleaned)

    def test_saving_an_article_says_what_was_removed(self):
        self.client.force_login(self.editor)
        with translation.override("en"):
            url = reverse("admin:news_article_add")
        response = self.client.post(url, self.article_form(body=PASTED), follow=True)
        article = Article.objects.get()
        self.assertNotIn("cdn.example.com", article.body)
        [warning] = self.warnings_after(response)
        self.assertIn("1 image from outside this site", warning)
        self.assertIn("1 link address that is not http", warning)
        self.assertIn("<iframe>", warning)

    def test_a_clean_save_says_nothing_more(self):
        self.client.force_login(self.editor)
        response = self.client.post(
            reverse("admin:news_article_add"),
            self.article_form(body='<p>正文 <a href="tel:10086">电话</a></p>'),
            follow=True,
        )
        self.assertEqual(self.warnings_after(response), [])

    def test_zone_profiles_are_reported_too(self):
        self.client.force_login(self.editor)
        page = self.client.get(zone_change_url(self.zone_a))
        data = resubmit_data(page, profile=PASTED)
        response = self.client.post(zone_change_url(self.zone_a), data, follow=True)
        self.assertEqual(len(self.warnings_after(response)), 1)
