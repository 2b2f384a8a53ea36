"""Bring images stored before CleanImageField up to what it does on upload.

Uploads stored earlier kept their metadata (EXIF GPS positions among it)
and sat at names a rendition's name gave away (`photo.jpg` beside
`photo.w480.webp`). For every image a record or a saved version names,
`secure()` writes the file again without metadata under a token folder,
makes new renditions, points the records and the versions at both (so
restoring an old version brings back a file that exists), and only then
deletes the old original and the renditions named after it.

A file is rewritten only when it has metadata or a guessable name, so a
second run finds nothing to do. Files that no record and no version name
are left alone.
"""

import json
import secrets
from collections import defaultdict
from pathlib import PurePosixPath
from typing import NamedTuple

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from reversion.models import Version

from core.cache import content_changed
from core.image_metadata import clean_image
from core.images import (
    TOKEN_BYTES,
    RenditionsMixin,
    is_unguessable,
    make_renditions,
)


class Outcome(NamedTuple):
    name: str
    new_name: str = ""
    stripped: bool = False
    moved: bool = False
    missing: bool = False

    @property
    def changed(self):
        return self.stripped or self.moved


class ImageField(NamedTuple):
    model: type
    name: str
    widths: list

    @property
    def label(self):
        return f"{self.model._meta.label}.{self.name}"

    @property
    def field(self):
        return self.model._meta.get_field(self.name)

    @property
    def renditions(self):
        return f"{self.name}_renditions"


def image_fields():
    """Every image field that has renditions, in every installed app."""
    return [
        ImageField(model, name, widths)
        for model in apps.get_models()
        if issubclass(model, RenditionsMixin)
        for name, widths in model.RENDITION_WIDTHS.items()
    ]


def stored_names(image_field):
    """{stored name: ids of the versions that name it} for one field: the
    names records hold (no versions yet) and those versions hold."""
    names = defaultdict(set)
    rows = image_field.model._base_manager.exclude(**{image_field.name: ""})
    for name in rows.values_list(image_field.name, flat=True).distinct():
        names[name]
    for version_id, fields in _versions(image_field.model):
        name = fields.get(image_field.name)
        if name:
            names[name].add(version_id)
    return names


def _versions(model):
    versions = Version.objects.filter(
        content_type=ContentType.objects.get_for_model(model), format="json"
    )
    for version_id, data in versions.values_list("pk", "serialized_data").iterator():
        for item in json.loads(data):
            yield version_id, item.get("fields", {})


def secure(image_field, name, version_ids=(), dry_run=False):
    """Strip and move one stored original; return what was (or would be) done."""
    storage = image_field.field.storage
    try:
        with storage.open(name, "rb") as file:
            data = file.read()
    except (FileNotFoundError, OSError):
        return Outcome(name, missing=True)
    result = clean_image(data)
    outcome = Outcome(name, stripped=result != data, moved=not is_unguessable(name))
    if not outcome.changed or dry_run:
        return outcome

    field = image_field.field
    new_name = storage.save(
        _new_place(name), ContentFile(result), max_length=field.max_length
    )
    renditions = make_renditions(
        field.attr_class(None, field, new_name), image_field.widths
    )
    renditions["source"] = new_name
    old_renditions = []
    with transaction.atomic():
        rows = image_field.model._base_manager.filter(**{image_field.name: name})
        old_renditions += rows.values_list(image_field.renditions, flat=True)
        rows.update(**{image_field.name: new_name, image_field.renditions: renditions})
        for version in Version.objects.filter(pk__in=version_ids).select_for_update():
            old_renditions += _repoint(version, image_field, name, new_name, renditions)
        content_changed()
    for old in {name, *_named_after(storage, name, old_renditions)}:
        storage.delete(old)
    return outcome._replace(new_name=new_name)


def _new_place(name):
    """`name` moved into a token folder of its own, in the folder it was in
    (`news/covers/2025/03/photo.jpg` → `news/covers/2025/03/<token>/photo.jpg`)."""
    path = PurePosixPath(name)
    folder = path.parent.parent if is_unguessable(name) else path.parent
    return str(folder / secrets.token_hex(TOKEN_BYTES) / path.name)


def _repoint(version, image_field, name, new_name, renditions):
    """Point one version at the new file; return its old renditions."""
    items = json.loads(version.serialized_data)
    old = []
    for item in items:
        fields = item.get("fields", {})
        if fields.get(image_field.name) == name:
            fields[image_field.name] = new_name
            old.append(fields.get(image_field.renditions) or {})
            fields[image_field.renditions] = renditions
    version.serialized_data = json.dumps(
        items, cls=DjangoJSONEncoder, ensure_ascii=False
    )
    version.save(update_fields=["serialized_data"])
    return old


def _named_after(storage, name, recorded):
    """The renditions in `recorded` whose names derive from `name`
    (`photo.w480.webp` beside `photo.jpg`): those a visitor could guess."""
    stem = str(PurePosixPath(name).with_suffix(""))
    urls = {
        item["url"]
        for renditions in recorded
        if isinstance(renditions, dict)
        for item in renditions.values()
        if isinstance(item, dict) and "url" in item
    }
    names = []
    for renditions in recorded:
        for width in renditions if isinstance(renditions, dict) else ():
            candidate = f"{stem}.w{width}.webp"
            if width != "source" and storage.url(candidate) in urls:
                names.append(candidate)
    return names
