"""Small readers for environment variables.

Each one names the variable in its error, so a typo in a deployment stops
start-up with a message that says what to fix instead of a stack trace.
"""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} is not a boolean; use one of 1/0, true/false, yes/no, on/off."
    )


def env_int(name, default):
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None


def env_list(name, default=()):
    """Return a comma-separated variable as a list, blanks dropped."""
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_database(name, default):
    """Parse a database URL (sqlite:///path, postgres://user@host/db)."""
    import dj_database_url

    raw = os.environ.get(name) or default
    if not raw.startswith(("sqlite:", "postgres:", "postgresql:", "pgsql:")):
        raise ImproperlyConfigured(
            f"{name}={raw!r} is not a supported database URL; "
            "use sqlite:///path/to/file.sqlite3 or postgres://user:password@host:port/name."
        )
    try:
        config = dj_database_url.parse(raw)
    except Exception as exc:  # the library raises several types for bad URLs
        raise ImproperlyConfigured(
            f"{name}={raw!r} could not be parsed: {exc}"
        ) from None
    if config["ENGINE"].endswith("postgresql") and not config.get("NAME"):
        raise ImproperlyConfigured(f"{name}={raw!r} names no database.")
    return config


# Query options of an s3:// STORAGE_URL and the S3Storage option each sets.
S3_URL_OPTIONS = {
    "endpoint_url": "endpoint_url",
    "region": "region_name",
    "custom_domain": "custom_domain",
    "location": "location",
    "addressing_style": "addressing_style",
}


def env_storage(name):
    """Return the STORAGES entry for media files named by a storage URL.

    Unset: the local media folder. `s3://bucket?endpoint_url=…&region=…`:
    S3-compatible object storage (AWS S3, MinIO, Aliyun OSS) through
    django-storages; credentials come from `s3://KEY:SECRET@bucket` or from
    the usual AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables.
    """
    from urllib.parse import parse_qsl, unquote, urlsplit

    raw = os.environ.get(name, "").strip()
    if not raw:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    url = urlsplit(raw)
    if url.scheme != "s3" or not url.hostname:
        raise ImproperlyConfigured(
            f"{name}={raw!r} is not a storage URL; use s3://bucket?endpoint_url=https://…"
        )
    options = {
        "bucket_name": url.hostname,
        # Page HTML and rendition records keep media URLs: they must not
        # expire, so objects are read through plain (public-read) URLs.
        "querystring_auth": False,
        # A new upload never replaces another under the same name.
        "file_overwrite": False,
    }
    if url.username:
        options["access_key"] = unquote(url.username)
        options["secret_key"] = unquote(url.password or "")
    for key, value in parse_qsl(url.query, keep_blank_values=True):
        if key not in S3_URL_OPTIONS:
            known = ", ".join(S3_URL_OPTIONS)
            raise ImproperlyConfigured(
                f"{name}: unknown option {key!r}; known options are {known}."
            )
        options[S3_URL_OPTIONS[key]] = value
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
