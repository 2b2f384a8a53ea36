"""Picture news reads as pictures: the picture list is a grid of them, and a
gallery photo opens its large rendition, with JavaScript off."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from news.models import Article, ArticleImage, Channel
from tests.browser.helpers import serve_media
from tests.factories import make_region, make_zone
from tests.news.helpers import jpeg_upload
from tests.news.test_upload_privacy import phone_upload
from zones.models import Region

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def picture_news():
    jiangsu = make_region("江苏省", "jiangsu", Region.Level.PROVINCE, name_en="Jiangsu")
    zone = make_zone("海门经济技术开发区", "haimen-etdz", jiangsu, name_en="")
    channel = Channel.objects.create(
        name="开发区新闻", name_en="Zone news", slug="zone-news", position=1
    )
    now = timezone.now()
    articles = []
    for day in range(1, 5):
        articles.append(
            Article.objects.create(
                title=f"图说海门第{day}期",
                kind=Article.Kind.PICTURE,
                cover=jpeg_upload(f"cover{day}.jpg", size=(1600, 1200)),
                cover_alt="港口的吊机",
                body="<p>图片新闻。</p>",
                channel=channel,
                zone=zone,
                status=Article.Status.PUBLISHED,
                published_at=now - timedelta(days=day),
            )
        )
    ArticleImage.objects.create(
        article=articles[0],
        image=jpeg_upload("gallery.jpg", size=(1600, 1200)),
        alt_text="新建的厂房",
        caption="四甲镇的产业园",
    )
    return articles


def boxes(tab, selector):
    return tab.eval_on_selector_all(
        selector,
        "elements => elements.map(e => { const r = e.getBoundingClientRect();"
        " return [Math.round(r.x), Math.round(r.y), Math.round(r.width)]; })",
    )


def test_picture_list_is_a_grid_of_pictures(page, picture_news):
    serve_media(page)
    page.goto("/news/?kind=picture")

    # Phone: one column, each picture as wide as its card.
    cards = boxes(page, ".picture-card")
    pictures = boxes(page, ".picture-card img")
    assert len(pictures) == 4
    assert all(
        picture[2] == card[2] for picture, card in zip(pictures, cards, strict=True)
    )
    assert pictures[0][2] > 300
    assert page.evaluate("document.documentElement.scrollWidth") == 390
    assert page.eval_on_selector(".picture-card img", "img => img.naturalWidth") > 0

    # Desktop: several pictures side by side.
    page.set_viewport_size({"width": 1280, "height": 900})
    pictures = boxes(page, ".picture-card img")
    first_row = [picture for picture in pictures if picture[1] == pictures[0][1]]
    assert len(first_row) >= 3


def test_gallery_photo_opens_its_large_rendition_without_javascript(
    new_context, picture_news
):
    context = new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        serve_media(tab)
        tab.goto(picture_news[0].get_absolute_url())
        link = tab.locator(".gallery a.gallery-link")
        assert "新建的厂房" in link.inner_html()  # the photo is the link

        link.click()

        assert tab.url.endswith(".w1200.webp")
        image = picture_news[0].images.get()
        large = image.renditions_of("image")
        assert tab.url.endswith(max(large.values(), key=lambda r: r["width"])["url"])
    finally:
        context.close()


def test_a_phone_photo_shows_upright_and_links_no_original(page, picture_news):
    """A portrait photo stored on its side (EXIF orientation 6, with GPS)
    shows upright in the gallery and in its large version, whose address
    says nothing of the original's."""
    article = picture_news[0]
    image = ArticleImage.objects.create(
        article=article,
        image=phone_upload("IMG_0815.jpg", size=(1200, 800)),
        alt_text="竖拍的码头",
        position=1,
    )
    serve_media(page)
    page.goto(article.get_absolute_url())
    picture = page.locator('.gallery img[alt="竖拍的码头"]')
    picture.scroll_into_view_if_needed()
    page.wait_for_function(
        "alt => [...document.images].some(i => i.alt === alt && i.complete"
        " && i.naturalWidth > 0)",
        arg="竖拍的码头",
    )
    width, height = picture.evaluate("img => [img.naturalWidth, img.naturalHeight]")
    assert height > width  # upright: 800 × 1200 turned to portrait
    html = page.content()
    assert "IMG_0815" not in html
    assert Path(image.image.name).parent.name not in html
