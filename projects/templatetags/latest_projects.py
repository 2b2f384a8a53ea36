"""The home page's projects block, without the portal knowing the projects'
rules (the portal's template calls this tag)."""

from django import template

from projects.models import Project, attach_thumbnails

register = template.Library()

HOME_COUNT = 4


@register.inclusion_tag("projects/includes/latest_projects.html")
def latest_projects(count=HOME_COUNT):
    """The newest open projects (published, unexpired, still seeking), with
    their first pictures: two queries whatever the number of projects."""
    projects = attach_thumbnails(Project.objects.open().for_cards()[:count])
    return {"projects": projects}
