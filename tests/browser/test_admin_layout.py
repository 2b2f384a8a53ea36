"""The admin fits a 1280 px screen, carries the site's name and its icon."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from news.models import Article, Channel, Source
from zones.models import Region, Zone

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "a-long-admin-password-2024"
LONG_ZONE = "江苏省海门经济技术开发区综合保税区临江新区配套产业园管理委员会"


def wide_articles():
    """Articles whose zone, source and title are as long as real ones get."""
    province = Region.objects.create(
        code="32", name="江苏省", slug="jiangsu", level=Region.Level.PROVINCE
    )
    zone = Zone.objects.create(
        name=LONG_ZONE,
        slug="long-zone",
        code="G320001",
        level=Zone.Level.NATIONAL,
        kind=Zone.Kind.ECONOMIC_TECHNOLOGICAL,
        province=province,
    )
    channel = Channel.objects.create(name="开发区新闻", slug="zone-news")
    source = Source.objects.create(name=LONG_ZONE + "宣传办公室")
    for number in range(5):
        Article.objects.create(
            title=f"Semiconductor equipment park opens its standard factories {number}",
            body="<p>正文</p>",
            zone=zone,
            channel=channel,
            source=source,
            status=Article.Status.PUBLISHED,
            published_at=timezone.now(),
        )


def sign_in(page, prefix=""):
    get_user_model().objects.create_superuser("root", "root@example.com", PASSWORD)
    page.goto(f"{prefix}/admin/login/")
    page.fill("#id_username", "root")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")


def width_of(page, selector):
    return page.eval_on_selector(selector, "element => element.scrollWidth")


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_article_list_and_form_fit_a_1280_px_screen(page, prefix):
    wide_articles()
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, prefix)

    page.goto(f"{prefix}/admin/news/article/")
    table = width_of(page, "#result_list")
    container = page.eval_on_selector(
        "#changelist .results", "element => element.clientWidth"
    )
    assert table <= container, (table, container)
    assert width_of(page, "html") <= 1280

    page.goto(f"{prefix}/admin/news/article/add/")
    assert width_of(page, "html") <= 1280


def test_admin_is_headed_with_the_site_name_and_has_its_icon(page):
    sign_in(page)
    page.goto("/admin/")
    assert "投促中国" in page.inner_text("#site-name")
    assert "Django" not in page.title()
    icon = page.get_attribute("link[rel=icon]", "href")
    assert icon and icon.endswith(".svg")
    assert page.request.get(icon).status == 200
    # Tools that ask for /favicon.ico get the same icon.
    response = page.request.get("/favicon.ico")
    assert response.status == 200
    assert "svg" in response.headers["content-type"]
