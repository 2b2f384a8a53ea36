"""What the zone profile shows of inquiries, without the zones app knowing them."""

from django import template

from inquiries.stats import cached_reply_days

register = template.Library()


@register.inclusion_tag("inquiries/includes/zone_box.html")
def inquiry_box(zone):
    """The link to the zone's inquiry form and how fast the zone answers."""
    return {"zone": zone, "reply_days": cached_reply_days(zone.pk)}
