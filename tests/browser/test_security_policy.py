"""The pages work under their Content-Security-Policy in Chromium.

Every browser test fails on a policy violation (conftest.py); these walk the
public pages with the most on them, and an editor's day in the admin, and
check that each page was answered with the policy meant for it.
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from facts.models import Fact, Indicator
from news.models import Article, ArticleImage, Channel
from projects.models import Project
from tests.browser.helpers import serve_media
from tests.factories import make_region, make_zone
from tests.news.helpers import jpeg_upload
from zones.models import Region

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "a-long-admin-password-2024"
TITLE = "海门港新区集装箱码头开工建设"


def policy(header):
    """A Content-Security-Policy header as {directive: [sources]}."""
    directives = {}
    for part in filter(None, (item.strip() for item in header.split(";"))):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def record_documents(tab):
    """The Content-Security-Policy of every page the tab shows, by URL."""
    documents = []

    def seen(response):
        if response.request.resource_type == "document" and not (
            300 <= response.status < 400
        ):
            header = response.headers.get("content-security-policy")
            documents.append((response.url, header))

    tab.on("response", seen)
    return documents


@pytest.fixture
def zone_with_everything():
    jiangsu = make_region("江苏省", "jiangsu", Region.Level.PROVINCE, name_en="Jiangsu")
    zone = make_zone(
        "海门经济技术开发区",
        "haimen-etdz",
        jiangsu,
        industries=("装备制造",),
        area_hectares=Decimal("2500"),
        approved_on=date(2006, 3, 1),
        phone="0513-82200000",
    )
    # Several years of one figure draw the profile's sparkline (an SVG).
    # The facts migration adds the indicators; a transactional test that ran
    # before may have emptied the table, so they are not counted on.
    gdp, _created = Indicator.objects.get_or_create(
        code="gdp",
        defaults={
            "name": "地区生产总值",
            "name_en": "GDP",
            "unit": "亿元",
            "unit_en": "100 million yuan",
            "category": Indicator.Category.ECONOMY,
            "is_key_figure": True,
            "fresh_months": 24,
        },
    )
    for year, value in ((2021, "80.1"), (2022, "85.4"), (2023, "91.2")):
        Fact.objects.create(
            zone=zone,
            indicator=gdp,
            value_text=value,
            unit="亿元",
            year=year,
            source_title="统计公报",
            source_url="https://example.com/source",
        )
    channel = Channel.objects.create(
        name="开发区新闻", name_en="Zone news", slug="zone-news", position=1
    )
    article = Article.objects.create(
        title="海门港新区项目签约",
        body="<p>签约<strong>三个</strong>项目。</p>",
        cover=jpeg_upload("cover.jpg", size=(1600, 900)),
        cover_alt="签约仪式",
        channel=channel,
        zone=zone,
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(hours=1),
    )
    ArticleImage.objects.create(
        article=article,
        image=jpeg_upload("gallery.jpg", size=(1600, 1200)),
        alt_text="新建的厂房",
        caption="四甲镇的产业园",
    )
    project = Project.objects.create(
        zone=zone,
        title="标准厂房招租",
        cooperation=Project.Cooperation.FACTORY_LEASE,
        is_published=True,
    )
    return {"zone": zone, "article": article, "project": project}


def public_paths(data):
    zone, article, project = data["zone"], data["article"], data["project"]
    paths = [
        "/",
        "/zones/",
        zone.get_absolute_url(),
        "/zones/statistics/",
        f"/zones/compare/?z={zone.slug}",
        "/news/",
        article.get_absolute_url(),
        "/projects/",
        project.get_absolute_url(),
        "/search/?q=海门",
        f"/zones/{zone.slug}/inquire/",
        "/data/",
        "/no-such-page/",
    ]
    return paths + ["/en" + path for path in paths]


def test_public_pages_show_under_the_strict_policy(page, zone_with_everything):
    serve_media(page)
    documents = record_documents(page)

    for path in public_paths(zone_with_everything):
        page.goto(path)
        page.locator("main").first.wait_for()

    # The cover was loaded, under img-src 'self'.
    page.goto(zone_with_everything["article"].get_absolute_url())
    assert page.locator(".article-cover img").evaluate("image => image.naturalWidth")
    assert len(documents) >= 2 * 13 + 1
    for url, header in documents:
        directives = policy(header or "")
        assert directives.get("script-src") == ["'self'"], url
        assert directives.get("style-src") == ["'self'"], url
        assert directives.get("object-src") == ["'none'"], url
    assert page.problems.csp_violations == []


def sign_in_as_admin(tab):
    get_user_model().objects.create_superuser("chief", "chief@example.com", PASSWORD)
    tab.goto("/admin/")
    tab.locator("#id_username").fill("chief")
    tab.locator("#id_password").fill(PASSWORD)
    tab.locator("input[type=submit]").click()
    tab.wait_for_url("**/admin/")


def test_editor_writes_bold_text_and_publishes_under_the_admin_policy(
    new_context, browser_problems
):
    tab = new_context(viewport={"width": 1280, "height": 900}).new_page()
    documents = record_documents(tab)
    Channel.objects.create(
        name="开发区新闻", name_en="Zone news", slug="zone-news", position=1
    )
    sign_in_as_admin(tab)

    tab.goto("/admin/news/article/add/")
    tab.locator("#id_title").fill(TITLE)
    tab.locator("#id_channel").select_option(label="开发区新闻")
    # The toolbar is there: the import map and the editor's modules ran.
    tab.locator(".prose-editor:has(#id_body) .prose-menubar").wait_for()
    tab.locator(".prose-editor:has(#id_body) > .ProseMirror").click()
    tab.keyboard.type("集装箱码头今天开工，")
    tab.keyboard.press("Control+b")
    tab.keyboard.type("年吞吐能力50万标箱")
    tab.keyboard.press("Control+b")
    with tab.expect_navigation():
        tab.locator("input[name=_continue]").click()
    assert tab.locator(".errornote").count() == 0

    article = Article.objects.get(title=TITLE)
    assert "<strong>年吞吐能力50万标箱</strong>" in article.body
    editor = tab.locator(".prose-editor:has(#id_body) > .ProseMirror")
    assert editor.locator("strong").inner_text() == "年吞吐能力50万标箱"

    # The workflow's button, the history and a version of it (reversion).
    with tab.expect_navigation():
        tab.locator("input[name=_publish]").click()
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    tab.goto(f"/admin/news/article/{article.pk}/history/")
    with tab.expect_navigation():
        tab.locator("#compare-versions input[type=submit]").click()
    tab.locator(".version-compare").first.wait_for()
    tab.go_back()
    with tab.expect_navigation():
        tab.locator("#change-history th a").first.click()
    tab.locator(".prose-editor:has(#id_body) > .ProseMirror strong").wait_for()

    # Readers see it in bold on the public page.
    tab.goto(article.get_absolute_url())
    assert tab.locator(".rich-text strong").inner_text() == "年吞吐能力50万标箱"

    assert browser_problems.csp_violations == []
    admin_pages = [(url, h) for url, h in documents if "/admin/" in url]
    assert len(admin_pages) >= 6
    for url, header in admin_pages:
        directives = policy(header or "")
        nonces = [s for s in directives.get("script-src", ()) if "nonce-" in s]
        assert directives.get("object-src") == ["'none'"], url
        assert "'unsafe-inline'" not in header and "'unsafe-eval'" not in header
        # Pages with the editor carry a nonce for its import map.
        if url.endswith(("/add/", "/change/")):
            assert len(nonces) == 1, url
    public = policy(documents[-1][1] or "")
    assert public.get("script-src") == ["'self'"]
