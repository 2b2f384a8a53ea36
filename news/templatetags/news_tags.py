"""Widgets other pages embed: `{% latest_news %}`.

    {% load news_tags %}
    {% latest_news zone=zone count=5 %}

lists the newest published articles (of one zone, including articles that
name it, when `zone` is given) in the page's language, with a link to the
full, filtered list; English pages also link to the Chinese news, where most
news is. One query. With `hide_when_empty=True` a Chinese page without such
news shows nothing at all (the zone page) rather than "No news yet".
"""

from django import template
from django.utils import translation

from news.models import Article
from news.views import news_list_url

register = template.Library()


@register.inclusion_tag("news/includes/latest_news.html")
def latest_news(zone=None, count=5, heading_level=2, hide_when_empty=False):
    language = translation.get_language()
    articles = Article.objects.published().in_language(language)
    if zone is not None:
        articles = articles.concerning_zone(zone)
    latest = list(articles.for_listing()[: int(count)])
    slug = zone.slug if zone is not None else None
    chinese_url = ""
    if language == "en":
        with translation.override("zh-hans"):
            chinese_url = news_list_url(zone=slug)
    level = int(heading_level)
    return {
        "show": bool(latest or chinese_url or not hide_when_empty),
        "latest_news": latest,
        "zone": zone,
        "more_url": news_list_url(zone=slug),
        "chinese_url": chinese_url,
        "heading_tag": f"h{level}",
        "item_tag": f"h{level + 1}",
    }
