"""Nothing a user types widens a page: long URLs in an article or a zone
profile, a long search query, at phone and desktop width, in both languages."""

from datetime import timedelta

import pytest
from django.utils import timezone

from news.models import Article, Channel
from tests.factories import make_region, make_zone
from zones.models import Region

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LONG_URL = "https://example.com/" + "/".join(
    f"segment{index:02d}-averyveryverylongpathpart" for index in range(9)
)
LONG_QUERY = "海门" + "x" * 168  # 170 characters without a space


@pytest.fixture
def long_texts():
    assert len(LONG_URL) > 320
    jiangsu = make_region("江苏省", "jiangsu", Region.Level.PROVINCE, name_en="Jiangsu")
    zone = make_zone(
        "海门经济技术开发区",
        "haimen-etdz",
        jiangsu,
        name_en="Haimen Economic and Technological Development Zone",
        profile=f"<p>详见 {LONG_URL}</p>",
        profile_en=f"<p>See {LONG_URL}</p>",
        # The field holds 200 characters; PostgreSQL enforces it.
        website=LONG_URL[:200],
    )
    channel = Channel.objects.create(
        name="开发区新闻", name_en="Zone news", slug="zone-news", position=1
    )
    article = Article.objects.create(
        title="海门发布招商政策" + "A" * 60,
        summary="摘要" + LONG_URL,
        body=(
            f"<p>原文链接：{LONG_URL}</p><p><a href='{LONG_URL}'>{LONG_URL}</a></p>"
            f"<pre>{LONG_URL}</pre><table><tr><td>{LONG_URL}</td></tr></table>"
        ),
        channel=channel,
        zone=zone,
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(days=1),
    )
    return {"zone": zone, "article": article}


def page_width(page, path):
    response = page.goto(path)
    assert response.status == 200, path
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.mark.parametrize("width", [390, 1280])
def test_long_urls_and_queries_never_widen_the_page(page, long_texts, width):
    page.set_viewport_size({"width": width, "height": 900})
    article = long_texts["article"].get_absolute_url()
    zone = long_texts["zone"].get_absolute_url()
    paths = [
        article,
        zone,
        f"/search/?q={LONG_QUERY}",
        f"/search/?q={LONG_QUERY}&kind=zones",
        "/search/?q=" + LONG_URL.replace("/", "%2F"),
        "/news/",
    ]
    paths += [f"/en{path}" for path in paths]
    widths = {path: page_width(page, path) for path in paths}
    assert {path: w for path, w in widths.items() if w > width} == {}
