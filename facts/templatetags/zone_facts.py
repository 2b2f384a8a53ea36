"""Zone facts on pages of the zones app, which cannot import this one.

`zone_detail.html` loads this library and calls `{% zone_facts zone %}`
(figures, costs, incentives, ranks) and `{% compare_link zone %}`.
"""

from django import template

from facts import profile

register = template.Library()


@register.inclusion_tag("facts/includes/zone_facts.html", takes_context=True)
def zone_facts(context, zone):
    request = context.get("request")
    show_expired = request is not None and request.GET.get("expired") == "1"
    data = profile.zone_facts(zone, show_expired=show_expired)
    data["LANGUAGE_CODE"] = context.get("LANGUAGE_CODE")
    return data


@register.inclusion_tag("facts/includes/compare_link.html")
def compare_link(zone, name=""):
    """ "Add to comparison": a plain link, so it works without JavaScript."""
    return {"zone": zone, "name": name or zone.display_name}
