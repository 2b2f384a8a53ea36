"""What the zone profile shows of projects, without the zones app knowing them."""

from django import template

from projects.models import Project, attach_thumbnails

register = template.Library()

ZONE_PROFILE_LIMIT = 10


@register.inclusion_tag("projects/includes/zone_projects.html")
def zone_projects(zone):
    """The zone's open projects (published, unexpired, still seeking), with
    their first pictures (one query more)."""
    projects = attach_thumbnails(
        Project.objects.open().filter(zone=zone).for_cards()[:ZONE_PROFILE_LIMIT]
    )
    return {"zone": zone, "projects": projects}
