"""`{% responsive_image %}`: an <img> with srcset, sizes, width and height.

Reads the renditions recorded when the image was saved (core.images), so
rendering opens no file and runs no query. Usable for any model that uses
RenditionsMixin:

    {% load responsive_images %}
    {% responsive_image article "cover" sizes="(min-width: 900px) 45rem, 100vw" %}
    {% responsive_image zone "logo" width=96 alt=zone.name %}
"""

from django import template
from django.forms.utils import flatatt
from django.utils.html import format_html

from core.images import image_source

register = template.Library()


def _default_alt(obj, field_name):
    for attribute in (f"{field_name}_alt", "alt_text"):
        value = getattr(obj, attribute, None)
        if isinstance(value, str):
            return value
    return ""


@register.simple_tag
def responsive_image(
    obj,
    field_name,
    sizes="100vw",
    width=480,
    alt=None,
    loading="lazy",
    css_class="",
):
    """Render obj.<field_name> as a responsive <img>, or nothing when empty.

    `width` is the width in CSS pixels the image usually takes on the page
    (see core.images.image_source).
    """
    image = image_source(obj, field_name, int(width))
    if image is None:
        return ""
    attributes = {
        "alt": _default_alt(obj, field_name) if alt is None else alt,
        "loading": loading or None,
        "decoding": "async",
        "class": css_class or None,
        "src": image.src,
    }
    if image.width is not None:
        attributes.update(
            srcset=image.srcset,
            sizes=sizes,
            width=image.width,
            height=image.height,
        )
    attributes = {
        name: value for name, value in attributes.items() if value is not None
    }
    return format_html("<img{}>", flatatt(attributes))


# Wider than any rendition: image_source() then takes the largest.
LARGEST = 100_000


@register.simple_tag
def largest_image_url(obj, field_name):
    """The URL of the largest rendition of obj.<field_name>, else the original:
    what a link from a small picture to its large version points to."""
    source = image_source(obj, field_name, LARGEST)
    return source.src if source else ""
