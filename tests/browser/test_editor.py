"""An editor writes an article in the admin's rich-text editor with a cover,
schedules it, previews it, publishes it and finds it on the home page."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from PIL import Image

from core import roles
from news.models import Article, Channel

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "a-long-editor-password-2024"
TITLE = "海门港新区集装箱码头开工建设"


def editor_account():
    """A staff account in the Editors group, as the roles migration makes it.

    A transactional test starts from an emptied database, so the group is
    set up again here from the same permission table.
    """
    roles.sync_groups(Group, Permission)
    user = get_user_model().objects.create_user(
        "editor", "editor@example.com", PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=roles.EDITORS))
    return user


def cover_image(tmp_path):
    path = tmp_path / "quay.jpg"
    Image.new("RGB", (1600, 900), (20, 90, 150)).save(path, "JPEG", quality=80)
    return path


def set_publish_time(page, moment):
    local = timezone.localtime(moment)
    page.locator("#id_published_at_0").fill(local.strftime("%Y-%m-%d"))
    page.locator("#id_published_at_1").fill(local.strftime("%H:%M:%S"))


def test_editor_writes_schedules_previews_and_publishes(page, tmp_path):
    editor_account()
    Channel.objects.create(
        name="开发区新闻", name_en="Zone news", slug="zone-news", position=1
    )

    page.goto("/admin/")
    page.locator("#id_username").fill("editor")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url("**/admin/")

    page.goto("/admin/news/article/add/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_channel").select_option(label="开发区新闻")
    # The body is a ProseMirror editor: type into it as a person would, with
    # the keyboard shortcut for bold.
    editor = page.locator(".prose-editor:has(#id_body) > .ProseMirror")
    editor.click()
    page.keyboard.type("海门港新区集装箱码头今天开工，")
    page.keyboard.press("Control+b")
    page.keyboard.type("设计年吞吐能力50万标箱")
    page.keyboard.press("Control+b")
    page.keyboard.type("。")
    page.keyboard.press("Enter")
    page.keyboard.type("项目计划两年内建成投用。")
    page.locator("#id_cover").set_input_files(cover_image(tmp_path))
    page.locator("#id_cover_alt").fill("码头工地上的岸桥")
    page.locator("#id_status").select_option("published")
    set_publish_time(page, timezone.now() + timedelta(days=2))
    page.locator("input[name=_continue]").click()
    page.wait_for_url("**/admin/news/article/*/change/**")
    assert page.locator(".errornote").count() == 0, page.locator(
        "#content"
    ).inner_text()

    article = Article.objects.get(title=TITLE)
    assert article.is_scheduled()
    assert "<strong>设计年吞吐能力50万标箱</strong>" in article.body
    assert article.cover_renditions

    # Readers cannot see it yet; "view on site" leads to the preview.
    page.goto("/")
    assert TITLE not in page.content()
    page.goto(f"/admin/news/article/{article.pk}/change/")
    preview_link = page.locator("a.viewsitelink")
    assert preview_link.get_attribute("href").endswith(f"/news/{article.pk}/preview/")
    preview_link.click()
    page.wait_for_url(f"**/news/{article.pk}/preview/")
    assert page.locator("h1").inner_text() == TITLE
    assert "预览：读者看不到此页面。" in page.locator(".preview-banner").inner_text()
    assert "已定时发布" in page.locator(".preview-banner").inner_text()
    assert page.locator("meta[name=robots]").get_attribute("content") == (
        "noindex, nofollow"
    )
    assert page.locator(".rich-text strong").inner_text() == "设计年吞吐能力50万标箱"
    assert page.locator(".article-cover img").get_attribute("alt") == "码头工地上的岸桥"

    # Publish it now.
    page.goto(f"/admin/news/article/{article.pk}/change/")
    set_publish_time(page, timezone.now() - timedelta(minutes=1))
    page.locator("input[name=_save]").click()
    page.wait_for_url("**/admin/news/article/")
    assert page.locator(".errornote").count() == 0
    article.refresh_from_db()
    assert article.is_published()

    page.goto("/")
    link = page.get_by_role("link", name=TITLE).first
    link.click()
    page.wait_for_url(f"**/news/{article.pk}/")
    assert page.locator(".preview-banner").count() == 0
    assert page.locator("h1").inner_text() == TITLE
