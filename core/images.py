"""Image uploads: validation, and renditions made once when an image is saved.

Renditions are WebP files stored beside the original (`<name>.w480.webp`).
Their URLs and sizes are recorded on the model in a JSON field, so a page
that shows an image with srcset, width and height reads no file and makes
no query: the work happens once, on save, never on a request.
"""

from io import BytesIO
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

IMAGE_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
validate_image_extension = FileExtensionValidator(IMAGE_EXTENSIONS)
# Decompression bombs: refuse images with more pixels than a 60-megapixel photo.
Image.MAX_IMAGE_PIXELS = 60_000_000


def validate_image_size(file):
    limit = settings.MAX_UPLOAD_MB * 1024 * 1024
    if file.size > limit:
        raise ValidationError(
            _("The image is %(size).1f MB; the largest accepted is %(limit)d MB."),
            params={"size": file.size / 1024 / 1024, "limit": settings.MAX_UPLOAD_MB},
            code="image_too_large",
        )


IMAGE_VALIDATORS = [validate_image_extension, validate_image_size]


def make_renditions(field_file, widths, quality=80):
    """Write WebP renditions of `field_file` and return their description.

    Returns {"480": {"url": ..., "width": 480, "height": 270}, ...}. A width
    larger than the original is skipped; the original's own width is always
    included so small images still get a WebP copy.
    """
    if not field_file:
        return {}
    storage = field_file.storage
    field_file.open("rb")
    try:
        with Image.open(field_file) as original:
            original = ImageOps.exif_transpose(original)
            if original.mode not in ("RGB", "RGBA"):
                original = original.convert("RGBA" if "A" in original.mode else "RGB")
            source_width, source_height = original.size
            targets = sorted(
                {w for w in widths if w < source_width}
                | {min(max(widths), source_width)}
            )
            stem = str(PurePosixPath(field_file.name).with_suffix(""))
            renditions = {}
            for width in targets:
                height = max(1, round(source_height * width / source_width))
                resized = original.resize((width, height), Image.Resampling.LANCZOS)
                buffer = BytesIO()
                resized.save(buffer, "WEBP", quality=quality, method=4)
                name = f"{stem}.w{width}.webp"
                if storage.exists(name):
                    storage.delete(name)
                saved = storage.save(name, ContentFile(buffer.getvalue()))
                renditions[str(width)] = {
                    "url": storage.url(saved),
                    "width": width,
                    "height": height,
                }
    finally:
        field_file.close()
    return renditions


def _sized(renditions):
    items = [item for item in (renditions or {}).values() if isinstance(item, dict)]
    return sorted(items, key=lambda item: item["width"])


def srcset(renditions):
    """Return an HTML srcset value for a renditions dict."""
    return ", ".join(f"{item['url']} {item['width']}w" for item in _sized(renditions))


def pick(renditions, width):
    """Return the smallest rendition at least `width` wide (or the largest)."""
    ordered = _sized(renditions)
    if not ordered:
        return None
    for item in ordered:
        if item["width"] >= width:
            return item
    return ordered[-1]


class RenditionsMixin:
    """Keep `<field>_renditions` in step with image fields, once per upload.

    A model lists its image fields and widths in RENDITION_WIDTHS and calls
    `refresh_renditions()` after saving (the file must be in storage first).
    Unchanged images cost nothing; a changed one costs one UPDATE.
    """

    RENDITION_WIDTHS = {}

    def refresh_renditions(self):
        changed = {}
        for field_name, widths in self.RENDITION_WIDTHS.items():
            field_file = getattr(self, field_name)
            attribute = f"{field_name}_renditions"
            current = getattr(self, attribute) or {}
            if not field_file:
                if current:
                    changed[attribute] = {}
                continue
            if current.get("source") == field_file.name:
                continue
            renditions = make_renditions(field_file, widths)
            renditions["source"] = field_file.name
            changed[attribute] = renditions
        if changed:
            for attribute, value in changed.items():
                setattr(self, attribute, value)
            type(self)._base_manager.filter(pk=self.pk).update(**changed)

    def renditions_of(self, field_name):
        """The renditions of one image field, without the bookkeeping key."""
        value = getattr(self, f"{field_name}_renditions") or {}
        return {key: item for key, item in value.items() if key != "source"}
