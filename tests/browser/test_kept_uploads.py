"""An editor's chosen cover survives a form error in the browser."""

import pytest

from news.models import Article, Channel
from tests.browser.test_editor import PASSWORD, cover_image, editor_account

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_cover_chosen_before_an_error_is_saved_after_correcting_it(page, tmp_path):
    editor_account()
    Channel.objects.create(name="开发区新闻", slug="zone-news", position=1)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/admin/")
    page.locator("#id_username").fill("editor")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url("**/admin/")

    page.goto("/admin/news/article/add/")
    page.locator("#id_channel").select_option(label="开发区新闻")
    page.locator("#id_cover").set_input_files(cover_image(tmp_path))
    page.locator("#id_cover_alt").fill("码头工地上的岸桥")
    # No title: the form comes back with an error.
    page.locator("input[name=_save]").click()
    page.wait_for_selector(".errornote")
    chosen = page.locator(".field-cover .kept-upload")
    assert "quay.jpg" in chosen.inner_text()
    assert "已选择" in chosen.inner_text()

    page.locator("#id_title").fill("海门港新区集装箱码头开工建设")
    page.locator("input[name=_save]").click()
    page.wait_for_url("**/admin/news/article/")
    article = Article.objects.get()
    assert article.cover.name.startswith("news/covers/")
    assert article.cover_renditions
