"""A reader finds a zone through the directory filters, opens it, reads its
latest article, walks 下一条 / 上一条, and switches to English and back."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from news.models import Article, Channel
from tests.factories import make_region, make_zone
from zones.models import Region, Zone

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def zones_and_news():
    jiangsu = make_region("江苏省", "jiangsu", Region.Level.PROVINCE, name_en="Jiangsu")
    nantong = make_region(
        "南通市", "nantong", Region.Level.CITY, jiangsu, name_en="Nantong"
    )
    zhejiang = make_region(
        "浙江省", "zhejiang", Region.Level.PROVINCE, name_en="Zhejiang"
    )
    ningbo = make_region(
        "宁波市", "ningbo", Region.Level.CITY, zhejiang, name_en="Ningbo"
    )
    haimen = make_zone(
        "海门经济技术开发区",
        "haimen-etdz",
        jiangsu,
        nantong,
        name_en="Haimen Economic and Technological Development Zone",
        profile="<p>海门经济技术开发区位于长江入海口。</p>",
        profile_en="<p>Haimen ETDZ lies where the Yangtze meets the sea.</p>",
    )
    make_zone(
        "江苏海门工业园区",
        "jiangsu-haimen-industrial-park",
        jiangsu,
        nantong,
        level=Zone.Level.PROVINCIAL,
        kind=Zone.Kind.INDUSTRIAL,
        name_en="Jiangsu Haimen Industrial Park",
    )
    make_zone(
        "宁波经济技术开发区",
        "ningbo-etdz",
        zhejiang,
        ningbo,
        name_en="Ningbo Economic and Technological Development Zone",
    )
    channel = Channel.objects.create(
        name="开发区新闻", name_en="Zone news", slug="zone-news", position=1
    )
    now = timezone.now()
    titles = ["海门港新区码头开工", "海门举办生物医药产业沙龙", "四甲镇两大产业园开工"]
    for days, title in enumerate(titles, start=1):
        Article.objects.create(
            title=title,
            body=f"<p>{title}。</p>",
            channel=channel,
            zone=haimen,
            status=Article.Status.PUBLISHED,
            published_at=now - timedelta(days=days),
        )
    return {"zone": haimen, "titles": titles}


def test_reader_finds_a_zone_reads_its_news_and_switches_language(page, zones_and_news):
    newest, middle, oldest = zones_and_news["titles"]

    page.goto("/zones/")
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert page.locator("h1").inner_text() == "开发区"
    # The filters are a plain form: choose, then submit; no script needed.
    page.get_by_label("省份").select_option("jiangsu")
    page.get_by_label("级别").select_option("national")
    page.get_by_role("button", name="显示开发区").click()
    page.wait_for_url(re.compile(r"province=jiangsu"))
    assert "level=national" in page.url
    results = page.locator("main .zone-card h3")
    assert results.all_inner_texts() == ["海门经济技术开发区"]
    assert "江苏" in page.locator(".active-filters").inner_text()

    results.get_by_role("link").click()
    page.wait_for_url("**/zones/haimen-etdz/")
    assert page.locator("h1").inner_text() == "海门经济技术开发区"
    assert "位于长江入海口" in page.locator(".rich-text").inner_text()

    news = page.locator("section[aria-labelledby=news-heading] li h3 a")
    assert news.all_inner_texts() == [newest, middle, oldest]
    news.first.click()
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == newest
    assert "发布开发区：" in page.locator(".article-meta").inner_text()

    following = page.locator("nav.prev-next a[rel=next]")
    assert following.inner_text() == middle
    following.click()
    page.wait_for_url(re.compile(r"/news/\d+/$"))
    assert page.locator("h1").inner_text() == middle
    prev_next = page.locator("nav.prev-next").inner_text()
    assert "上一条：" in prev_next and "下一条：" in prev_next

    page.locator("nav.prev-next a[rel=prev]").click()
    page.wait_for_function(f"document.querySelector('h1').innerText === {newest!r}")
    article_path = page.evaluate("location.pathname")

    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"**/en{article_path}")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Published:" in page.locator(".article-meta").inner_text()
    # The article is Chinese; the English page says so.
    assert page.locator("h1").get_attribute("lang") == "zh-Hans"

    page.get_by_role("link", name="简体中文").click()
    page.wait_for_url(f"**{article_path}")
    assert page.evaluate("location.pathname") == article_path
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert "发布时间：" in page.locator(".article-meta").inner_text()
    assert page.javascript_errors == []


def test_directory_works_at_desktop_width_without_javascript(
    new_context, zones_and_news
):
    context = new_context(
        viewport={"width": 1280, "height": 900}, java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.goto("/en/zones/")
        page.get_by_label("Province").select_option("zhejiang")
        page.get_by_role("button", name="Show zones").click()
        page.wait_for_url(re.compile(r"province=zhejiang"))
        names = page.locator("main .zone-card h3").all_inner_texts()
        assert names == ["Ningbo Economic and Technological Development Zone"]
        # The filter panel sits beside the results on a wide screen.
        panel = page.locator(".filter-panel").bounding_box()
        results = page.locator(".zone-card").first.bounding_box()
        assert panel["x"] + panel["width"] <= results["x"]
    finally:
        context.close()
