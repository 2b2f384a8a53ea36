"""The Chinese admin speaks Chinese: workflow notices, history lines, role
names and the sign-in protection section."""

from django.contrib.auth.models import Group
from django.urls import reverse

from core.roles import EDITORS, ZONE_ADMINISTRATORS
from news import workflow
from tests.people.helpers import PeopleTestCase, change_url, resubmit_data


def notices(response):
    return [str(message) for message in response.wsgi_request._messages]


class ChineseAdminTests(PeopleTestCase):
    def test_workflow_notices(self):
        article = self.make_article("海门的稿件", author=self.zadmin)
        self.client.force_login(self.zadmin)
        page = self.client.get(change_url(article))
        submitted = self.client.post(
            change_url(article), resubmit_data(page, _submit_for_review="1")
        )
        self.assertIn("“海门的稿件”正在等待审核。", " ".join(notices(submitted)))

        self.zadmin.email = ""
        self.zadmin.save()
        self.client.force_login(self.editor)
        page = self.client.get(change_url(article))
        self.assertContains(page, "已于")  # "submitted for review at …"
        published = self.client.post(
            change_url(article), resubmit_data(page, _publish="1")
        )
        self.assertIn("zadmin 没有电子邮箱地址：请您亲自告知。", notices(published))

    def test_recycle_bin_message(self):
        article = self.make_article("要删除的稿件")
        self.client.force_login(self.editor)
        response = self.client.post(
            reverse("admin:news_article_delete", args=[article.pk]), {"post": "yes"}
        )
        self.assertIn("“要删除的稿件”已移入回收站", " ".join(notices(response)))

    def test_history_lines_name_fields_in_the_readers_language(self):
        article = self.make_article("海门新闻")
        self.client.force_login(self.editor)
        page = self.client.get(change_url(article))
        self.client.post(
            change_url(article),
            resubmit_data(page, title="海门要闻", body="<p>新的正文。</p>"),
        )
        workflow.submit(article, self.editor)
        history_url = reverse("admin:news_article_history", args=[article.pk])

        chinese = self.client.get(history_url)
        self.assertContains(chinese, "已修改标题，正文")
        self.assertContains(chinese, "已提交审核。")
        self.assertNotContains(chinese, "Title")

        english = self.client.get("/en" + history_url)
        self.assertContains(english, "Changed Title, Body")
        self.assertContains(english, "Submitted for review.")

    def test_role_names(self):
        self.client.force_login(self.root)
        groups = self.client.get(reverse("admin:auth_group_changelist"))
        self.assertContains(groups, "编辑")
        self.assertContains(groups, "开发区管理员")
        user = self.client.get(reverse("admin:auth_user_change", args=[self.zadmin.pk]))
        zone_admins = Group.objects.get(name=ZONE_ADMINISTRATORS)
        self.assertContains(
            user, f'<option value="{zone_admins.pk}" selected>开发区管理员'
        )
        users = self.client.get(reverse("admin:auth_user_changelist"))
        self.assertContains(users, "开发区管理员")
        self.assertNotContains(users, EDITORS)

    def test_sign_in_protection_section(self):
        self.client.force_login(self.root)
        index = self.client.get(reverse("admin:index"))
        self.assertContains(index, "登录保护")
        self.assertContains(index, "登录尝试")
        self.assertNotContains(index, "Axes")
        self.assertNotContains(index, "Access attempts")
