"""Zone facts on pages of the zones app, which cannot import this one.

`zone_detail.html` loads this library and calls `{% zone_facts zone %}`
(figures, costs, incentives, ranks) and `{% compare_link zone %}`.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from core.paths import detail_path
from facts import profile

register = template.Library()


@register.inclusion_tag("facts/includes/zone_facts.html", takes_context=True)
def zone_facts(context, zone):
    request = context.get("request")
    show_expired = request is not None and request.GET.get("expired") == "1"
    data = profile.zone_facts(zone, show_expired=show_expired)
    data["LANGUAGE_CODE"] = context.get("LANGUAGE_CODE")
    return data


@register.simple_tag
def compare_link(zone, name=""):
    """ "Add to comparison": a plain link, so it works without JavaScript.

    A simple tag writing its own HTML, not an inclusion tag: the directory
    shows one on each of its twenty cards.
    """
    return format_html(
        '<a class="compare-link" href="{}">{}<span class="visually-hidden">: {}'
        "</span></a>\n",
        detail_path("facts:compare-add", "slug", zone.slug),
        _("Add to comparison"),
        name or zone.display_name,
    )
