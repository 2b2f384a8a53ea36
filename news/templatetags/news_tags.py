"""Widgets other pages embed: `{% latest_news %}`.

    {% load news_tags %}
    {% latest_news zone=zone count=5 %}

lists the newest published articles (of one zone, including articles that
name it, when `zone` is given) in the page's language, with a link to the
full, filtered list. One query.
"""

from django import template
from django.utils.translation import get_language

from news.models import Article
from news.views import news_list_url

register = template.Library()


@register.inclusion_tag("news/includes/latest_news.html")
def latest_news(zone=None, count=5, heading_level=2):
    articles = Article.objects.published().in_language(get_language())
    if zone is not None:
        articles = articles.concerning_zone(zone)
    return {
        "articles": list(articles.for_listing()[: int(count)]),
        "zone": zone,
        "more_url": news_list_url(zone=zone.slug if zone is not None else None),
        "heading_tag": f"h{int(heading_level)}",
    }
