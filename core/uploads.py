"""Files chosen in a form survive the form's errors.

A browser cannot put a file back into a file input, so after any error in
the admin form the editor had to choose the cover and every gallery picture
again. KeptFileInput stores an upload that comes back with errors under
`pending-uploads/` in the default storage, shows it as chosen and carries a
signed token in a hidden input; submitting again without a new file uses the
kept one. Tokens are signed (nobody can point one at another stored file)
and expire after PENDING_UPLOAD_HOURS; `manage.py purge_pending_uploads`
removes the files left behind.
"""

import secrets
from datetime import timedelta
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.admin.widgets import AdminFileWidget
from django.core import signing
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.utils import timezone
from django.utils.text import get_valid_filename

from core.images import cleaned

PENDING_DIRECTORY = "pending-uploads"
SALT = "core.uploads.kept-file"


class KeptUpload(UploadedFile):
    """An upload read back from the pending folder, with its token."""

    def __init__(self, file, name, size, token):
        super().__init__(file=file, name=name, size=size)
        self.token = token


def keep(upload):
    """Store `upload` under the pending folder; return its signed token."""
    name = get_valid_filename(PurePosixPath(upload.name).name) or "upload"
    folder = f"{PENDING_DIRECTORY}/{secrets.token_hex(8)}"
    # Kept as it will be stored: an image without its metadata (GPS).
    stored = default_storage.save(f"{folder}/{name}", cleaned(upload))
    if hasattr(upload, "seek"):
        upload.seek(0)
    return signing.dumps(stored, salt=SALT)


def kept(token):
    """The KeptUpload a token names, or None (bad, expired or missing)."""
    try:
        stored = signing.loads(
            token, salt=SALT, max_age=timedelta(hours=settings.PENDING_UPLOAD_HOURS)
        )
    except (signing.BadSignature, TypeError):
        return None
    if not isinstance(stored, str) or not stored.startswith(PENDING_DIRECTORY + "/"):
        return None
    if not default_storage.exists(stored):
        return None
    return KeptUpload(
        default_storage.open(stored, "rb"),
        name=PurePosixPath(stored).name,
        size=default_storage.size(stored),
        token=token,
    )


def purge(older_than=None):
    """Delete pending uploads older than `older_than`; return how many."""
    older_than = older_than or timedelta(hours=settings.PENDING_UPLOAD_HOURS)
    limit = timezone.now() - older_than
    removed = 0
    try:
        folders, _files = default_storage.listdir(PENDING_DIRECTORY)
    except FileNotFoundError:
        return 0
    for folder in folders:
        _subfolders, files = default_storage.listdir(f"{PENDING_DIRECTORY}/{folder}")
        for name in files:
            path = f"{PENDING_DIRECTORY}/{folder}/{name}"
            if default_storage.get_modified_time(path) < limit:
                default_storage.delete(path)
                removed += 1
    return removed


class KeptFileInput(AdminFileWidget):
    """The admin's file input, remembering what was chosen across errors."""

    template_name = "core/widgets/kept_file_input.html"

    def kept_field_name(self, name):
        return f"{name}-kept"

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        if value is None:
            token = data.get(self.kept_field_name(name))
            if token:
                value = kept(token)
        # Django renders a file field from its initial value only (a browser
        # cannot refill the input), so the widget remembers what came in:
        # each form has its own copy of the widget.
        self.chosen = value if isinstance(value, UploadedFile) else None
        return value

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        chosen = getattr(self, "chosen", None)
        if chosen is None:
            return context
        # Rendered after a submission with a file: the form has errors.
        token = chosen.token if isinstance(chosen, KeptUpload) else keep(chosen)
        context["widget"]["kept"] = {
            "field": self.kept_field_name(name),
            "token": token,
            "name": PurePosixPath(chosen.name).name,
        }
        # The file is chosen: the input need not be filled again.
        context["widget"]["required"] = False
        context["widget"]["attrs"].pop("required", None)
        return context


# For a ModelAdmin's or inline's formfield_overrides.
KEEP_UPLOADS = {
    models.FileField: {"widget": KeptFileInput},
    models.ImageField: {"widget": KeptFileInput},
}
