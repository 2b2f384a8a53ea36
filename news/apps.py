from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("news")

    def ready(self):
        from core import cache as page_cache
        from news.models import Article

        # Articles and their tags are what readers see; a scheduled article
        # goes live without a save, so stored pages must not outlive it.
        page_cache.watch(
            "news", "taggit", next_change=Article.objects.next_publish_time
        )
