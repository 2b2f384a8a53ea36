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
