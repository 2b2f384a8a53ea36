"""What the zone profile shows of projects, without the zones app knowing them."""

from django import template

from projects.models import Project

register = template.Library()

ZONE_PROFILE_LIMIT = 10


@register.inclusion_tag("projects/includes/zone_projects.html")
def zone_projects(zone):
    """The zone's open projects (published, unexpired, still seeking)."""
    projects = list(
        Project.objects.published()
        .filter(
            zone=zone,
            status__in=(Project.Status.SEEKING, Project.Status.NEGOTIATING),
        )
        .select_related("zone", "industry")[:ZONE_PROFILE_LIMIT]
    )
    return {"zone": zone, "projects": projects}
