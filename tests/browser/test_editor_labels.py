"""The rich-text editor's toolbar speaks Chinese in the Chinese admin."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "a-long-admin-password-2024"


def open_article_form(page, prefix):
    get_user_model().objects.create_superuser("root", "root@example.com", PASSWORD)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{prefix}/admin/login/")
    page.fill("#id_username", "root")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.goto(f"{prefix}/admin/news/article/add/")
    page.wait_for_selector(".field-body .prose-menubar button[title]")


def menubar_words(page):
    return page.eval_on_selector(
        ".field-body .prose-menubar",
        """bar => [...bar.querySelectorAll('*')].flatMap(element => [
            element.getAttribute('title') || '',
            element.children.length ? '' : element.textContent.trim(),
        ]).filter(Boolean)""",
    )


def test_toolbar_titles_and_block_styles_are_chinese(page):
    open_article_form(page, "")
    words = menubar_words(page)
    for word in (
        "加粗",
        "斜体",
        "无序列表",
        "插入链接",
        "撤销",
        "二级标题",
        "正文段落",
    ):
        assert word in words, (word, words)
    for word in ("bold", "italic", "Heading 2", "Paragraph"):
        assert word not in words, word
    # Icons keep their names in the icon font.
    assert page.locator(".field-body .prose-menubar .material-icons", has_text="undo")

    # What an editor types is never translated.
    page.click(".field-body .ProseMirror[contenteditable]")
    page.keyboard.type("bold")
    page.wait_for_timeout(300)
    typed = page.inner_text(".field-body .ProseMirror[contenteditable]")
    assert typed.strip() == "bold"


def test_english_admin_keeps_english_labels(page):
    open_article_form(page, "/en")
    words = menubar_words(page)
    assert "bold" in words
    assert "加粗" not in words
