"""An RSS feed of the newest projects: what the public list shows
(Project.objects.published()), so drafts and expired projects never appear."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext as _

from core.structured_data import plain_text
from projects.models import Project

FEED_LENGTH = 30


class LatestProjectsFeed(Feed):
    def title(self):
        return _("Investment projects")

    def link(self):
        return reverse("projects:index")

    def description(self):
        return _("The newest projects China's development zones offer investors.")

    def items(self):
        return Project.objects.published().select_related("zone")[:FEED_LENGTH]

    def item_title(self, item):
        return f"{item.display_title} ({item.zone.display_name})"

    def item_description(self, item):
        return plain_text(item.display_description)

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at
