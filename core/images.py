"""Image uploads: validation, storage, and renditions made once on save.

An original is stored without its metadata (core.image_metadata: no GPS
position, camera or comments; the orientation applied) under a folder named
by a random token (`news/covers/2026/12/<token>/photo.jpg`), so nobody finds
it without being given its URL: not from a rendition's name, not by trying
names. Public pages link only renditions.

Renditions are WebP files in the same upload folder under a token of their
own (`news/covers/2026/12/<other token>.w480.webp`), which says nothing of
the original's name. Their URLs and sizes are recorded on the model in a
JSON field, so a page that shows an image with srcset, width and height
reads no file and makes no query: the work happens once, on save, never on
a request.
"""

import logging
import re
import secrets
import warnings
from io import BytesIO
from pathlib import PurePosixPath
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import OuterRef, Prefetch, Subquery, prefetch_related_objects
from django.db.models.fields.files import ImageFieldFile
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from core.image_metadata import clean_image

IMAGE_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
validate_image_extension = FileExtensionValidator(IMAGE_EXTENSIONS)
# Decompression bombs are refused by validate_image_pixels(), with a message
# that says why, before anything decodes them. Pillow's own guard stays as a
# second line, further out: it refuses at twice its limit, with a message
# that only says the file is not a valid image.
Image.MAX_IMAGE_PIXELS = settings.MAX_IMAGE_PIXELS * 2
# Modes the resampling filters work in; others are converted first.
RESIZABLE_MODES = frozenset({"L", "LA", "RGB", "RGBA", "CMYK"})
# EXIF orientations that swap width and height.
TURNED = frozenset({5, 6, 7, 8})
ORIENTATION_TAG = 0x0112

logger = logging.getLogger(__name__)


def refuse_oversized(file, message, code):
    """Raise ValidationError(`message`, `code`) for an upload (an image or
    any other file) over MAX_UPLOAD_MB; `message` may name its %(size)
    and the %(limit), both in MB."""
    if file.size > settings.MAX_UPLOAD_MB * 1024 * 1024:
        raise ValidationError(
            message,
            params={"size": file.size / 1024 / 1024, "limit": settings.MAX_UPLOAD_MB},
            code=code,
        )


def validate_image_size(file):
    """Refuse files over MAX_UPLOAD_MB and images over MAX_IMAGE_PIXELS."""
    refuse_oversized(
        file,
        _("The image is %(size).1f MB; the largest accepted is %(limit)d MB."),
        "image_too_large",
    )
    validate_image_pixels(file)


def image_dimensions(file):
    """(width, height) from the image's header, without decoding it."""
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                return image.size
    finally:
        file.seek(position)


def validate_image_pixels(file):
    """Refuse images with more pixels than MAX_IMAGE_PIXELS, from the header.

    A small file can hold a huge image (a 27 KB PNG of 110 megapixels):
    the decoded size, not the file's, is what costs memory.
    """
    try:
        width, height = image_dimensions(file)
    except Image.DecompressionBombError:
        width = height = None
    except (OSError, ValueError, SyntaxError):
        return  # Not an image: the form field says so.
    limit = settings.MAX_IMAGE_PIXELS
    if width is None or width * height > limit:
        raise ValidationError(
            _(
                "The image is too large to process: at most %(limit)d megapixels "
                "are accepted. Reduce it (4000 pixels wide is plenty for the web)."
            ),
            params={"limit": limit // 1_000_000},
            code="image_too_many_pixels",
        )


IMAGE_VALIDATORS = [validate_image_extension, validate_image_size]


def make_renditions(field_file, widths, quality=80):
    """Write WebP renditions of `field_file` and return their description.

    Returns {"480": {"url": ..., "width": 480, "height": 270}, ...}. A width
    larger than the original is skipped; the original's own width is always
    included so small images still get a WebP copy. An image over
    MAX_IMAGE_PIXELS (stored before the limit, or not through a form) gets
    none.

    Memory: the original is decoded once (JPEG already scaled down while it
    is read), reduced to the largest rendition and let go; the smaller
    renditions are made from that one, and the orientation and colour mode
    are applied to it, not to full-size copies.
    """
    if not field_file:
        return {}
    storage = field_file.storage
    field_file.open("rb")
    try:
        with Image.open(field_file) as image:
            stored_width, stored_height = image.size
            if stored_width * stored_height > settings.MAX_IMAGE_PIXELS:
                logger.warning("no renditions for %s: too many pixels", field_file.name)
                return {}
            turned = image.getexif().get(ORIENTATION_TAG) in TURNED
            source_width, source_height = (
                (stored_height, stored_width) if turned else image.size
            )
            targets = sorted(
                {w for w in widths if w < source_width}
                | {min(max(widths), source_width)}
            )
            largest = (targets[-1], _height(targets[-1], source_width, source_height))
            top = _reduced(image, largest[::-1] if turned else largest)
        top = ImageOps.exif_transpose(top)
        if top.mode not in ("RGB", "RGBA"):
            top = top.convert("RGBA" if "A" in top.mode else "RGB")
        # One token for the widths of this image, none shared with the original.
        stem = f"{rendition_folder(field_file)}/{secrets.token_hex(TOKEN_BYTES)}"
        renditions = {}
        for width in targets:
            height = _height(width, source_width, source_height)
            resized = top
            if (width, height) != top.size:
                resized = top.resize((width, height), Image.Resampling.LANCZOS)
            buffer = BytesIO()
            resized.save(buffer, "WEBP", quality=quality, method=4)
            saved = storage.save(
                f"{stem}.w{width}.webp", ContentFile(buffer.getvalue())
            )
            renditions[str(width)] = {
                "url": storage.url(saved),
                "width": width,
                "height": height,
            }
    finally:
        field_file.close()
    return renditions


def rendition_folder(field_file):
    """The folder renditions of `field_file` go to: its field's upload folder
    as of today (the original's own folder for a field without one)."""
    upload_to = getattr(field_file.field, "upload_to", "")
    if isinstance(upload_to, str) and upload_to:
        # As FileField.generate_filename does for the original.
        return timezone.localtime().strftime(upload_to).rstrip("/")
    return str(PurePosixPath(field_file.name).parent)


def _height(width, source_width, source_height):
    return max(1, round(source_height * width / source_width))


def _reduced(image, size):
    """`image` decoded and resized to `size`.

    Holds the decoded original once (twice for palette images, converted
    first) and never more than one copy the size of the rendition.
    """
    image.draft(image.mode, size)  # JPEG: decode at 1/2, 1/4 or 1/8 scale
    if image.mode not in RESIZABLE_MODES:
        # Palette and bilevel images resize only by nearest neighbour.
        wide = "A" in image.mode or "transparency" in image.info
        image = image.convert("RGBA" if wide else "RGB")
    if image.size == size:
        image.load()
        return image.copy()
    # reducing_gap: an integer reduction first, then the filter on a copy
    # a few times the target's size rather than on the original.
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


class ImageSource(NamedTuple):
    """What an <img> of one image field needs. Without recorded renditions
    (an image saved outside the model, say) `src` is the original file and
    the rest is empty: the image still shows, without size hints."""

    src: str
    srcset: str = ""
    width: int | None = None
    height: int | None = None


class ImageRef(NamedTuple):
    """An image field of some object, with its alt text, for templates."""

    owner: models.Model
    field: str
    alt: str


def image_source(obj, field_name, width):
    """The <img> attributes of `obj.<field_name>` shown about `width` CSS
    pixels wide, or None when the field is empty.

    The smallest rendition at least that wide (else the largest) becomes
    `src` and gives the intrinsic width and height that stop the layout from
    jumping; `srcset` lists every rendition so the browser can take a sharper
    one on dense screens. Reads only the recorded renditions: no file, no
    query.
    """
    field_file = getattr(obj, field_name, None)
    if not field_file:
        return None
    renditions = obj.renditions_of(field_name) if hasattr(obj, "renditions_of") else {}
    ordered = sorted(
        (item for item in renditions.values() if isinstance(item, dict)),
        key=lambda item: item["width"],
    )
    if not ordered:
        return ImageSource(field_file.url)
    chosen = next((item for item in ordered if item["width"] >= width), ordered[-1])
    return ImageSource(
        src=chosen["url"],
        srcset=", ".join(f"{item['url']} {item['width']}w" for item in ordered),
        width=chosen["width"],
        height=chosen["height"],
    )


def rendition_preview(obj, field_name, width=240):
    """A small <img> of an image field from its stored renditions, for the
    admin; "—" when the field is empty."""
    image = image_source(obj, field_name, width)
    if image is None:
        return "—"
    if image.width is None:
        # A class, not a style attribute: the admin's Content-Security-Policy
        # allows no inline styles.
        return format_html(
            '<img src="{}" class="image-preview" width="{}" alt="">', image.src, width
        )
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="">',
        image.src,
        image.width,
        image.height,
    )


# 96 random bits: a name nobody finds by trying.
TOKEN_BYTES = 12
TOKEN_FOLDER = re.compile(rf"^[0-9a-f]{{{TOKEN_BYTES * 2}}}$")


def is_unguessable(name):
    """Whether a stored original's name is one CleanImageField makes."""
    return bool(TOKEN_FOLDER.match(PurePosixPath(name).parent.name))


def cleaned(content):
    """`content` (a File) without image metadata: itself when it had none."""
    if hasattr(content, "seek"):
        content.seek(0)
    data = content.read()
    if hasattr(content, "seek"):
        content.seek(0)
    result = clean_image(data)
    if result == data:
        return content
    return ContentFile(result, name=getattr(content, "name", None))


class CleanImageFieldFile(ImageFieldFile):
    def save(self, name, content, save=True):
        super().save(name, cleaned(content), save)


class CleanImageField(models.ImageField):
    """An ImageField whose files are stored without metadata, in a folder
    of their own named by a random token (see the module's docstring).

    Every upload goes through FieldFile.save, whatever sends it (the admin,
    a form, a management command), so none is stored as it came.
    """

    attr_class = CleanImageFieldFile

    def generate_filename(self, instance, filename):
        token = secrets.token_hex(TOKEN_BYTES)
        return super().generate_filename(
            instance, f"{token}/{PurePosixPath(filename).name}"
        )


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


class GalleryImage(RenditionsMixin, models.Model):
    """A picture in an object's gallery, with its alternative text and
    caption, in the editors' order.

    A concrete gallery adds the foreign key to its owner (related name
    `images`) and the `image` field, whose upload folder is its own.
    """

    alt_text = models.CharField(
        _("alternative text"),
        max_length=200,
        help_text=_(
            "Required. What the picture shows, read out to readers who cannot "
            "see it; not printed on the page."
        ),
    )
    caption = models.CharField(
        _("caption under the picture"),
        max_length=300,
        blank=True,
        help_text=_(
            "Optional. Printed under the picture: who or what, where, when "
            "(2026年3月，海门港新区码头)."
        ),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    image_renditions = models.JSONField(default=dict, blank=True, editable=False)

    RENDITION_WIDTHS = {"image": [240, 480, 800, 1200]}

    class Meta:
        abstract = True
        ordering = ["position", "id"]

    def __str__(self):
        return self.caption or self.alt_text

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.refresh_renditions()


def prefetch_first_pictures(owners, image_model, owner_field):
    """Give each of the loaded `owners` its first gallery picture as
    `first_images` (a list of at most one), in one query whatever their
    number: a subquery per owner picks it in the database, so whole
    galleries are never read. `owner_field` is the picture's foreign key."""
    first_of_each = image_model.objects.filter(
        **{owner_field: OuterRef(owner_field)}
    ).order_by("position", "id")
    first_pictures = image_model.objects.filter(
        pk=Subquery(first_of_each.values("pk")[:1])
    ).only("id", owner_field, "image", "alt_text", "image_renditions", "position")
    prefetch_related_objects(
        owners, Prefetch("images", queryset=first_pictures, to_attr="first_images")
    )


def first_picture(owner):
    """The ImageRef of the owner's first gallery picture, or None; from
    `first_images` when a list loaded it (prefetch_first_pictures)."""
    pictures = getattr(owner, "first_images", None)
    if pictures is None:
        pictures = owner.images.all()[:1]
    for picture in pictures:
        return ImageRef(picture, "image", picture.alt_text)
    return None
